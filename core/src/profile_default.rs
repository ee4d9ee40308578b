//! The default rule profile `india-central`: the central Acts as amended to
//! 2016 (JJ 2015, POCSO 2012, PCMA 2006, CALPRA 1986/2016, RTE 2009) and the
//! composition orders of Maharashtra (2014), Odisha (2022) and ICPS practice.
//! Items marked [ours] are this project's choices where no standard exists.

use std::collections::BTreeMap;

use crate::model::{ConcernKind as C, RiskLevel, Role, SchoolStatus, Sex, SocialGroup};
use crate::profile::*;

fn s(x: &str) -> String {
    x.to_owned()
}

impl Default for RuleProfile {
    fn default() -> RuleProfile {
        RuleProfile {
            id: s("india-central"),
            version: s("2026.2"),
            description: s("Central Acts: JJ Act 2015, POCSO 2012, PCMA 2006, CALPRA 1986 (amended 2016), RTE 2009; VCPC composition per Maharashtra GR 10-06-2014, Odisha 2022 and ICPS practice"),
            statutes: crate::profile_law::statutes(),
            ages: AgeLimits {
                // JJ s.94 practice: about a year either way.
                estimate_margin_years: 1,
                any_work_under: 14,
                hazardous_work_under: 18,
                doli_incapax_under: 7,
            },
            pathways: crate::profile_law::pathways(),
            // [ours] after Primero: risk level sets the follow-up interval.
            follow_up_days: BTreeMap::from([(RiskLevel::High, 7), (RiskLevel::Medium, 30), (RiskLevel::Low, 90)]),
            upcoming_days: 7,
            triage: default_triage(),
            member_ages: MemberAges {
                adult_from: 18,
                // Constitution Art. 243F: a Panchayat member must be 21.
                by_role: BTreeMap::from([
                    (Role::Sarpanch, 21),
                    (Role::WardMember, 21),
                    (Role::ElectedRepresentative, 21),
                ]),
            },
            composition_profiles: vec![icps(), maharashtra(), odisha()],
            default_composition_profile: s("icps_generic"),
            functionality: FunctionalityRules {
                points: BTreeMap::from([
                    (s("constitution.gram_sabha_resolution"), 10.0),
                    (s("composition.chair"), 3.0),
                    (s("composition.member_secretary"), 3.0),
                    (s("composition.required_members"), 6.0),
                    (s("composition.child_representatives"), 3.0),
                    (s("meetings.regular"), 10.0),
                    (s("meetings.minuted"), 5.0),
                    (s("meetings.quorate"), 10.0),
                    (s("register.kept"), 5.0),
                    (s("register.up_to_date"), 5.0),
                    (s("plan.village_plan"), 5.0),
                    (s("plan.in_gpdp"), 5.0),
                    (s("referrals.made"), 5.0),
                    (s("referrals.followed_up"), 5.0),
                    (s("participation.children"), 5.0),
                    (s("training.members_trained"), 10.0),
                    (s("linkages.bcpc"), 2.5),
                    (s("linkages.dcpu"), 2.5),
                ]),
                functional_from: 70.0,
                semi_functional_from: 40.0,
                window_days: 365,
                register_fresh_days: 90,
            },
            dna: crate::dna::catalogue::DnaRules::default(),
            disclosure: DisclosureRule::default(),
        }
    }
}

impl Default for DisclosureRule {
    /// \[ours\] k = 10: domain.md §6 lists 5, 10 and 11 as common thresholds and
    /// 10 is the middle one; the complement rule on; p = k.
    fn default() -> DisclosureRule {
        DisclosureRule {
            threshold: 10,
            complement: true,
            protection: None,
        }
    }
}

fn rule(id: &str, level: RiskLevel, en: &str, hi: &str) -> TriageRule {
    TriageRule {
        id: s(id),
        level,
        reason_en: s(en),
        reason_hi: s(hi),
        concerns_any: vec![],
        min_concerns: None,
        age_under: None,
        statute: None,
        disability: None,
        hazardous_work: None,
        marriage_within_days: None,
        school_status_any: vec![],
    }
}

/// [ours] A transparent triage table: immediate danger is high, situations
/// that need a statutory response soon are medium, prevention work is low.
fn default_triage() -> Vec<TriageRule> {
    use RiskLevel::*;
    vec![
        TriageRule {
            concerns_any: vec![C::SexualOffence, C::AbusedOrExploited],
            ..rule(
                "sexual_abuse_or_exploitation",
                High,
                "sexual offence, abuse or exploitation",
                "यौन अपराध, शोषण या उत्पीड़न",
            )
        },
        TriageRule {
            concerns_any: vec![
                C::MissingOrRunaway,
                C::DrugAbuseOrTraffickingRisk,
                C::UnconscionableGains,
                C::Trafficked,
            ],
            ..rule(
                "missing_or_trafficking",
                High,
                "missing child or risk of trafficking",
                "लापता बच्चा या तस्करी का खतरा",
            )
        },
        TriageRule {
            marriage_within_days: Some(30),
            ..rule(
                "marriage_within_30_days",
                High,
                "child marriage planned within 30 days",
                "30 दिनों के भीतर बाल विवाह की तैयारी",
            )
        },
        TriageRule {
            hazardous_work: Some(true),
            ..rule(
                "hazardous_work",
                High,
                "child in hazardous work",
                "बच्चा खतरनाक काम में",
            )
        },
        TriageRule {
            concerns_any: vec![
                C::NoHomeOrSubsistence,
                C::OrphanedAbandonedOrSurrendered,
                C::IllOrDisabledWithoutCare,
            ],
            age_under: Some(6),
            ..rule(
                "young_child_without_care",
                High,
                "child under 6 without care",
                "6 वर्ष से छोटा बच्चा बिना देखभाल के",
            )
        },
        TriageRule {
            concerns_any: vec![C::AbusiveCaregiver, C::DomesticViolence],
            disability: Some(true),
            ..rule(
                "disabled_child_abusive_home",
                High,
                "child with a disability in an abusive home",
                "दिव्यांग बच्चा हिंसक घर में",
            )
        },
        TriageRule {
            concerns_any: vec![
                C::NoHomeOrSubsistence,
                C::WorkingBeggingOrStreet,
                C::AbusiveCaregiver,
                C::IllOrDisabledWithoutCare,
                C::UnfitGuardian,
                C::OrphanedAbandonedOrSurrendered,
                C::ConflictOrCalamity,
                C::ImminentChildMarriage,
                C::ChildMarriage,
                C::ChildLabour,
                C::DomesticViolence,
                C::InConflictWithLaw,
                C::Trafficked,
            ],
            ..rule(
                "statutory_response_needed",
                Medium,
                "needs a statutory response",
                "वैधानिक कार्रवाई आवश्यक",
            )
        },
        TriageRule {
            min_concerns: Some(3),
            ..rule(
                "multiple_concerns",
                Medium,
                "three or more concerns",
                "तीन या अधिक चिंताएँ",
            )
        },
        TriageRule {
            concerns_any: vec![C::SchoolDropout],
            school_status_any: vec![SchoolStatus::DroppedOut, SchoolStatus::NeverEnrolled],
            statute: Some(s("rte_2009")),
            ..rule(
                "out_of_school_rte_age",
                Medium,
                "out of school at an RTE age",
                "शिक्षा के अधिकार की आयु में स्कूल से बाहर",
            )
        },
    ]
}

fn icps() -> CompositionProfile {
    CompositionProfile {
        id: s("icps_generic"),
        name: s("ICPS practice (generic default)"),
        name_hi: s("समेकित बाल संरक्षण योजना की पद्धति (सामान्य)"),
        chair: OfficeRule {
            roles: vec![
                Role::Sarpanch,
                Role::WardMember,
                Role::ElectedRepresentative,
            ],
            conditions: vec![],
        },
        member_secretary: OfficeRule {
            roles: vec![Role::AnganwadiWorker],
            conditions: vec![],
        },
        required: vec![
            req("ward member", &[Role::WardMember], None, 1),
            req("teacher", &[Role::Teacher, Role::Headmaster], None, 1),
            req("asha", &[Role::Asha], None, 1),
            // [ours] "women members": at least two women on the committee.
            req("women members", &[], Some(Sex::Female), 2),
        ],
        children: ChildRepresentation {
            minimum: 2,
            girls: 1,
            boys: 1,
            min_age: 10,
            max_age: 17,
        },
        quorum_fraction: 0.5,
        // [ours] monthly meetings with a few days' grace.
        max_days_between_meetings: 35,
    }
}

fn maharashtra() -> CompositionProfile {
    CompositionProfile {
        id: s("maharashtra_2014"),
        name: s("Maharashtra GR 10-06-2014"),
        name_hi: s("महाराष्ट्र शासन निर्णय 10-06-2014"),
        chair: OfficeRule {
            roles: vec![Role::Sarpanch, Role::ElectedRepresentative],
            conditions: vec![],
        },
        member_secretary: OfficeRule {
            roles: vec![Role::AnganwadiWorker],
            conditions: vec![],
        },
        required: vec![
            req("police patil", &[Role::PolicePatil], None, 1),
            req("asha", &[Role::Asha], None, 1),
            req("headmaster", &[Role::Headmaster], None, 1),
            req("smc president", &[Role::SmcPresident], None, 1),
            req(
                "social representative",
                &[Role::SocialRepresentative, Role::ShgMember],
                None,
                1,
            ),
        ],
        children: ChildRepresentation {
            minimum: 2,
            girls: 1,
            boys: 1,
            min_age: 12,
            max_age: 17,
        },
        quorum_fraction: 0.5,
        max_days_between_meetings: 92,
    }
}

fn odisha() -> CompositionProfile {
    CompositionProfile {
        id: s("odisha_2022"),
        name: s("Odisha 2022"),
        name_hi: s("ओडिशा 2022"),
        chair: OfficeRule {
            roles: vec![Role::WardMember],
            conditions: vec![
                Eligibility {
                    sex: Some(Sex::Female),
                    social_groups: vec![],
                },
                Eligibility {
                    sex: None,
                    social_groups: vec![SocialGroup::Sc, SocialGroup::St, SocialGroup::Obc],
                },
            ],
        },
        member_secretary: OfficeRule {
            roles: vec![Role::AnganwadiWorker],
            conditions: vec![],
        },
        required: vec![
            req("asha", &[Role::Asha], None, 1),
            req("shg members", &[Role::ShgMember], None, 1),
            req("youth", &[Role::Youth], None, 1),
            req("teacher", &[Role::Teacher, Role::Headmaster], None, 1),
            req("dcpu representative", &[Role::DcpuRepresentative], None, 1),
        ],
        children: ChildRepresentation {
            minimum: 2,
            girls: 0,
            boys: 0,
            min_age: 12,
            max_age: 17,
        },
        quorum_fraction: 0.5,
        max_days_between_meetings: 92,
    }
}

fn req(label: &str, roles: &[Role], sex: Option<Sex>, minimum: u32) -> RoleRequirement {
    RoleRequirement {
        label: s(label),
        roles: roles.to_vec(),
        sex,
        minimum,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn functionality_points_sum_to_100() {
        let total: f64 = RuleProfile::default().functionality.points.values().sum();
        assert!((total - 100.0).abs() < 1e-9, "{total}");
    }

    #[test]
    fn every_concern_is_defined_by_a_statute_and_pathways_name_statutes() {
        let p = RuleProfile::default();
        for kind in crate::model::ConcernKind::ALL {
            assert!(
                p.statutes.values().any(|s| s.concerns.contains(kind)),
                "{kind:?} has no statute"
            );
        }
        for (id, pw) in &p.pathways {
            assert!(p.statutes.contains_key(&pw.statute), "{id}");
            assert!(!pw.destinations.is_empty(), "{id}");
        }
        assert_eq!(
            p.law(&p.pathways["pocso_police"]),
            "POCSO 2012 s.19(1), s.21"
        );
        assert_eq!(p.statutes["pcma_2006"].limit(Sex::Male), 21);
        assert_eq!(p.statutes["pcma_2006"].limit(Sex::Female), 18);
    }

    #[test]
    fn default_composition_exists() {
        let p = RuleProfile::default();
        assert!(p.composition(&p.default_composition_profile).is_some());
        assert_eq!(p.composition_profiles.len(), 3);
    }
}
