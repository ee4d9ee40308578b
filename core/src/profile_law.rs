//! The statutes and statutory pathways of the default rule profile
//! (domain.md §2 and §4): each Act as its own scope, and what the law requires
//! next for each concern. Where an Act is silent or unclear, the `note` says
//! what the profile assumes; the assumption is always the one that protects
//! the child.

use std::collections::BTreeMap;

use crate::model::{ConcernKind as C, Destination as D, Sex};
use crate::profile::{Pathway, PathwayAction, PathwayClock, Statute};

fn s(x: &str) -> String {
    x.to_owned()
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
pub(crate) fn statutes() -> BTreeMap<String, Statute> {
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
                "s.2",
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
pub(crate) fn pathways() -> BTreeMap<String, Pathway> {
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
                note: Some(s("a missing child is in need of care (s.2(14)(vii)); the police register an FIR at once, presumed trafficked or abducted until found (Supreme Court, Bachpan Bachao Andolan v. Union of India, 2013); the 24 h is the profile's reading of 'at once'")),
                ..pathway(
                    "jj_2015",
                    "s.2(14)",
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
