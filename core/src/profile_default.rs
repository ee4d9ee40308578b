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
            statutes: statutes(),
            ages: AgeLimits {
                // JJ s.94 practice: about a year either way.
                estimate_margin_years: 1,
                any_work_under: 14,
                hazardous_work_under: 18,
                doli_incapax_under: 7,
            },
            pathways: pathways(),
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
            dna: crate::dna::DnaRules::default(),
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn statute(
    citation: &str,
    child_section: &str,
    child_under: u8,
    concerns: &[C],
    age_on_event: &[C],
    note: Option<&str>,
) -> Statute {
    Statute {
        citation: s(citation),
        child_section: s(child_section),
        child_under,
        child_under_by_sex: BTreeMap::new(),
        child_from: 0,
        concerns: concerns.to_vec(),
        age_on_event: age_on_event.to_vec(),
        years_after_limit: None,
        note: note.map(s),
    }
}

/// Each statute as its own scope (domain.md §2). Every concern is defined by
/// at least one statute (a test checks it).
fn statutes() -> BTreeMap<String, Statute> {
    BTreeMap::from([
        (
            s("jj_2015"),
            statute(
                "JJ Act 2015",
                "s.2(12)",
                18,
                &[
                    C::NoHomeOrSubsistence,
                    C::WorkingBeggingOrStreet,
                    C::AbusiveCaregiver,
                    C::IllOrDisabledWithoutCare,
                    C::UnfitGuardian,
                    C::OrphanedAbandonedOrSurrendered,
                    C::MissingOrRunaway,
                    C::AbusedOrExploited,
                    C::DrugAbuseOrTraffickingRisk,
                    C::UnconscionableGains,
                    C::ConflictOrCalamity,
                    C::InConflictWithLaw,
                    C::Trafficked,
                    C::SchoolDropout,
                    C::DomesticViolence,
                    C::CorporalPunishment,
                    C::UnsafeMigration,
                    C::BirthNotRegistered,
                ],
                // s.2(13): a child in conflict with law is judged on the date of the offence.
                &[C::InConflictWithLaw],
                Some("a child in need of care and protection (s.2(14)) is judged on the date of identification, when the need is; imminent marriage (s.2(14)(xii)) is defined by PCMA on the marriage date. Concerns no Act defines for the community (dropout from 15, violence at home, unsafe migration, birth registration) are kept in scope for every child under 18, the reading that protects the child"),
            ),
        ),
        (
            s("pocso_2012"),
            statute(
                "POCSO 2012",
                "s.2(1)(d)",
                18,
                &[C::SexualOffence],
                &[C::SexualOffence],
                Some("a victim is a child if under 18 on the date of the offence, whatever the age when the offence comes to light"),
            ),
        ),
        (
            s("pcma_2006"),
            Statute {
                child_under_by_sex: BTreeMap::from([(Sex::Female, 18), (Sex::Male, 21), (Sex::Other, 21)]),
                years_after_limit: Some(2),
                ..statute(
                    "PCMA 2006",
                    "s.2(a)",
                    18,
                    &[C::ImminentChildMarriage, C::ChildMarriage],
                    &[C::ImminentChildMarriage, C::ChildMarriage],
                    Some("the Act names only male (21) and female (18); for another sex the profile uses 21, the higher limit, which protects the child. A person married as a child may annul the marriage until two years after majority (s.3(3)), so stays in scope until then"),
                )
            },
        ),
        (
            s("calpra_1986"),
            statute(
                "CALPRA 1986",
                "s.2(i), s.2(ii)",
                18,
                &[C::ChildLabour],
                &[C::ChildLabour],
                Some("a child is under 14 (s.2(ii)) and barred from all work except under s.3(2); an adolescent is 14 to 17 (s.2(i)) and barred from hazardous work (s.3A); the scope is therefore under 18, with the two limits in `ages`. Work whose hazard is unknown is counted as child labour until recorded"),
            ),
        ),
        (
            s("rte_2009"),
            Statute {
                child_from: 6,
                ..statute(
                    "RTE Act 2009",
                    "s.2(c), s.3",
                    15,
                    &[],
                    &[],
                    Some("s.3 covers children 'of the age of six to fourteen years'; the profile includes 14-year-olds (under 15), the reading that protects the child. It is used by triage; dropout itself is in scope under the JJ Act for every child under 18"),
                )
            },
        ),
        (
            s("bns_2023"),
            statute(
                "BNS 2023",
                "s.2(3)",
                18,
                &[C::Trafficked],
                &[C::Trafficked],
                Some("trafficking of a child (s.143) is judged on the date of the offence; doli incapax (s.20) is `ages.doli_incapax_under`"),
            ),
        ),
        (
            s("itpa_1956"),
            statute(
                "ITPA 1956",
                "s.2(aa), s.2(cb)",
                18,
                &[],
                &[],
                Some("the Act protects a child (under 16) and a minor (16 to 17); the scope covers both"),
            ),
        ),
    ])
}

#[allow(clippy::too_many_arguments)]
fn pathway(
    statute: &str,
    section: &str,
    concerns: &[C],
    destinations: &[D],
    within_hours: Option<u32>,
    statutory_deadline: bool,
    action: PathwayAction,
) -> Pathway {
    Pathway {
        statute: s(statute),
        section: s(section),
        concerns: concerns.to_vec(),
        any_cncp: false,
        once_found: vec![],
        destinations: destinations.to_vec(),
        within_hours,
        statutory_deadline,
        excludes_journey: false,
        clock: PathwayClock::Identification,
        mandatory: true,
        action,
        note: None,
    }
}

/// The statutory pathways (domain.md §2, §4). All are mandatory reports or
/// productions: none waits for consent.
fn pathways() -> BTreeMap<String, Pathway> {
    use PathwayAction::*;
    BTreeMap::from([
        (
            s("cncp_cwc"),
            Pathway {
                any_cncp: true,
                once_found: vec![C::MissingOrRunaway],
                excludes_journey: true,
                ..pathway("jj_2015", "s.31", &[C::Trafficked], &[D::Cwc], Some(24), true, Produce)
            },
        ),
        (
            s("found_child_report"),
            Pathway {
                once_found: vec![C::MissingOrRunaway],
                ..pathway(
                    "jj_2015",
                    "s.32",
                    &[C::OrphanedAbandonedOrSurrendered],
                    &[D::Childline, D::Police, D::Cwc, D::Dcpu],
                    Some(24),
                    true,
                    Report,
                )
            },
        ),
        (
            s("missing_child_fir"),
            Pathway {
                note: Some(s("the police register an FIR at once for a missing child, presumed trafficked or abducted until found (Supreme Court, Bachpan Bachao Andolan v. Union of India, 2013); the 24 h is the profile's reading of 'at once'")),
                ..pathway(
                    "jj_2015",
                    "s.2(14)(vii)",
                    &[C::MissingOrRunaway],
                    &[D::Police, D::Sjpu],
                    Some(24),
                    false,
                    Fir,
                )
            },
        ),
        (
            s("pocso_police"),
            Pathway {
                note: Some(s("s.19(1) names no hours: whoever knows of the offence shall inform the SJPU or local police, and not doing so is an offence (s.21); no consent is needed. The 24 h is the profile's reading of 'without delay'. The police then report to the CWC and the Special Court within 24 hours (s.19(6))")),
                ..pathway(
                    "pocso_2012",
                    "s.19(1), s.21",
                    &[C::SexualOffence],
                    &[D::Sjpu, D::Police],
                    Some(24),
                    false,
                    Report,
                )
            },
        ),
        (
            s("child_marriage_cmpo"),
            Pathway {
                note: Some(s("PCMA sets no hours and does not oblige the public to report; but a marriage is stopped only before it happens (injunction, s.13) and the family's consent cannot be the gate, so the profile treats it as a report due the same day")),
                ..pathway(
                    "pcma_2006",
                    "s.13, s.16",
                    &[C::ImminentChildMarriage, C::ChildMarriage],
                    &[D::ChildMarriageProhibitionOfficer, D::Police],
                    Some(24),
                    false,
                    Report,
                )
            },
        ),
        (
            s("jjb_production"),
            Pathway {
                excludes_journey: true,
                clock: PathwayClock::Apprehension,
                ..pathway("jj_2015", "s.10", &[C::InConflictWithLaw], &[D::Jjb], Some(24), true, Produce)
            },
        ),
        (
            s("trafficking_police"),
            Pathway {
                note: Some(s("trafficking is a cognizable offence (BNS s.143; ITPA 1956): report to the police or its Anti-Human Trafficking Unit; the 24 h is the profile's reading of 'at once'. The CWC pathway (JJ s.31) applies as well")),
                ..pathway(
                    "bns_2023",
                    "s.143",
                    &[C::Trafficked],
                    &[D::Ahtu, D::Police, D::Sjpu],
                    Some(24),
                    false,
                    Report,
                )
            },
        ),
    ])
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
