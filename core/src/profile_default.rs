//! The default rule profile `india-central`: the central Acts as amended to
//! 2016 (JJ 2015, POCSO 2012, PCMA 2006, CALPRA 1986/2016, RTE 2009) and the
//! composition orders of Maharashtra (2014), Odisha (2022) and ICPS practice.
//! Items marked [ours] are this project's choices where no standard exists.

use std::collections::BTreeMap;

use crate::model::{
    ConcernKind as C, Destination as D, RiskLevel, Role, SchoolStatus, Sex, SocialGroup,
};
use crate::profile::*;

fn s(x: &str) -> String {
    x.to_owned()
}

impl Default for RuleProfile {
    fn default() -> RuleProfile {
        RuleProfile {
            id: s("india-central"),
            version: s("2026.1"),
            description: s("Central Acts: JJ Act 2015, POCSO 2012, PCMA 2006, CALPRA 1986 (amended 2016), RTE 2009; VCPC composition per Maharashtra GR 10-06-2014, Odisha 2022 and ICPS practice"),
            ages: AgeLimits {
                child_under: 18,
                marriage_under: BTreeMap::from([(Sex::Female, 18), (Sex::Male, 21), (Sex::Other, 21)]),
                any_work_under: 14,
                hazardous_work_under: 18,
                rte_from: 6,
                rte_to: 14,
            },
            pathways: vec![
                Pathway {
                    id: s("cncp_cwc"),
                    concerns: vec![],
                    any_cncp: true,
                    destinations: vec![D::Cwc],
                    within_hours: Some(24),
                    excludes_journey: true,
                    law: s("JJ Act 2015 s.31"),
                },
                Pathway {
                    id: s("found_child_report"),
                    concerns: vec![C::OrphanedAbandonedOrSurrendered, C::MissingOrRunaway],
                    any_cncp: false,
                    destinations: vec![D::Childline, D::Police, D::Cwc, D::Dcpu],
                    within_hours: Some(24),
                    excludes_journey: false,
                    law: s("JJ Act 2015 s.32"),
                },
                Pathway {
                    id: s("pocso_police"),
                    concerns: vec![C::SexualOffence],
                    any_cncp: false,
                    destinations: vec![D::Sjpu, D::Police],
                    within_hours: Some(24),
                    excludes_journey: false,
                    law: s("POCSO 2012 s.19"),
                },
                Pathway {
                    id: s("child_marriage_cmpo"),
                    concerns: vec![C::ImminentChildMarriage, C::ChildMarriage],
                    any_cncp: false,
                    destinations: vec![D::ChildMarriageProhibitionOfficer, D::Police],
                    within_hours: None,
                    excludes_journey: false,
                    law: s("PCMA 2006 s.13, s.16"),
                },
            ],
            // [ours] after Primero: risk level sets the follow-up interval.
            follow_up_days: BTreeMap::from([(RiskLevel::High, 7), (RiskLevel::Medium, 30), (RiskLevel::Low, 90)]),
            upcoming_days: 7,
            triage: default_triage(),
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
            age_under: Some(15),
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
    fn default_composition_exists() {
        let p = RuleProfile::default();
        assert!(p.composition(&p.default_composition_profile).is_some());
        assert_eq!(p.composition_profiles.len(), 3);
    }
}
