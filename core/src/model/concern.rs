//! Protection concerns and service destinations: the closed vocabularies a case
//! and a referral are built from.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A protection concern about a child. The first twelve are the grounds of a
/// "child in need of care and protection" (CNCP) in JJ Act 2015 s.2(14), in the
/// order of its clauses; the rest are concerns the community prevents under
/// other laws.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ConcernKind {
    /// JJ s.2(14)(i): no home or settled abode and no means of subsistence.
    NoHomeOrSubsistence,
    /// JJ s.2(14)(ii): working against labour laws, begging, or living on the street.
    WorkingBeggingOrStreet,
    /// JJ s.2(14)(iii): living with a person who has abused, neglected or threatened the child or another child.
    AbusiveCaregiver,
    /// JJ s.2(14)(iv): mentally or physically ill or disabled, with no one to care.
    IllOrDisabledWithoutCare,
    /// JJ s.2(14)(v): parent or guardian unfit or incapacitated.
    UnfitGuardian,
    /// JJ s.2(14)(vi): no parents and no one willing to care, or abandoned or surrendered.
    OrphanedAbandonedOrSurrendered,
    /// JJ s.2(14)(vii): missing or run away, or parents cannot be found.
    MissingOrRunaway,
    /// JJ s.2(14)(viii): abused, tortured or exploited (or likely to be) for sexual abuse or illegal acts.
    AbusedOrExploited,
    /// JJ s.2(14)(ix): vulnerable to drug abuse or trafficking.
    DrugAbuseOrTraffickingRisk,
    /// JJ s.2(14)(x): abused or likely to be abused for unconscionable gains.
    UnconscionableGains,
    /// JJ s.2(14)(xi): affected by armed conflict, civil unrest or natural calamity.
    ConflictOrCalamity,
    /// JJ s.2(14)(xii): at imminent risk of marriage before the legal age.
    ImminentChildMarriage,
    /// A sexual offence against the child (POCSO 2012): must be reported to SJPU or police.
    SexualOffence,
    /// A child marriage that has taken place (Prohibition of Child Marriage Act 2006).
    ChildMarriage,
    /// Child or adolescent labour (CALPRA 1986, amended 2016).
    ChildLabour,
    /// Out of school within the RTE ages, or at risk of dropping out.
    SchoolDropout,
    /// Violence at home.
    DomesticViolence,
    /// Corporal punishment at school (RTE s.17).
    CorporalPunishment,
    /// Unsafe migration for work.
    UnsafeMigration,
    /// Birth not registered.
    BirthNotRegistered,
    /// Child alleged or found to have committed an offence (JJ s.2(13)); age is judged on the date of the offence.
    InConflictWithLaw,
    /// The child has been trafficked (BNS 2023 s.143; ITPA 1956): a report to the police or Anti-Human Trafficking Unit, and the CWC for the child's care.
    Trafficked,
}

impl ConcernKind {
    /// Every concern, in declaration order.
    pub const ALL: &'static [ConcernKind] = &[
        ConcernKind::NoHomeOrSubsistence,
        ConcernKind::WorkingBeggingOrStreet,
        ConcernKind::AbusiveCaregiver,
        ConcernKind::IllOrDisabledWithoutCare,
        ConcernKind::UnfitGuardian,
        ConcernKind::OrphanedAbandonedOrSurrendered,
        ConcernKind::MissingOrRunaway,
        ConcernKind::AbusedOrExploited,
        ConcernKind::DrugAbuseOrTraffickingRisk,
        ConcernKind::UnconscionableGains,
        ConcernKind::ConflictOrCalamity,
        ConcernKind::ImminentChildMarriage,
        ConcernKind::SexualOffence,
        ConcernKind::ChildMarriage,
        ConcernKind::ChildLabour,
        ConcernKind::SchoolDropout,
        ConcernKind::DomesticViolence,
        ConcernKind::CorporalPunishment,
        ConcernKind::UnsafeMigration,
        ConcernKind::BirthNotRegistered,
        ConcernKind::InConflictWithLaw,
        ConcernKind::Trafficked,
    ];

    /// True for the twelve JJ Act s.2(14) grounds.
    pub fn is_cncp(self) -> bool {
        (self as usize) < 12
    }

    /// The snake_case name, as serialised.
    pub fn as_str(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }
}

/// One concern recorded on a case, with the details some rules need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Concern {
    /// What the concern is.
    pub kind: ConcernKind,
    /// For labour concerns: true when the work is a hazardous occupation or process (CALPRA Schedule).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hazardous: Option<bool>,
    /// For marriage concerns: the date the marriage is planned for, if known.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::timestamp::date_option"
    )]
    pub planned_date: Option<chrono::NaiveDate>,
    /// The date of the event the concern's statute looks at when it judges
    /// age: the offence (POCSO, conflict with law, trafficking), the marriage
    /// (PCMA; an imminent marriage uses `planned_date`), the work (CALPRA).
    /// Without it, the case's `incident_date`, else the identification date.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::timestamp::date_option"
    )]
    pub event_date: Option<chrono::NaiveDate>,
    /// For a missing child: when the child was found. The found-child report
    /// (JJ s.32) and CWC production (JJ s.31) apply from then; until then the
    /// duty is a police report (FIR).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::timestamp::de_option"
    )]
    pub found_at: Option<chrono::DateTime<chrono::FixedOffset>>,
    /// For labour concerns: the CALPRA s.3(2) exception the work falls under,
    /// if any. Non-hazardous work under an exception is lawful.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exception: Option<LabourException>,
}

/// Work CALPRA s.3(2) allows a child under 14 to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LabourException {
    /// Helping the family or a family enterprise, outside school hours and in
    /// vacations, in work that is not hazardous (s.3(2)(a)).
    FamilyEnterprise,
    /// Work as an artist in audio-visual entertainment or sport, under the
    /// Act's conditions and without affecting schooling (s.3(2)(b)).
    Artist,
}

impl LabourException {
    /// The snake_case name, as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            LabourException::FamilyEnterprise => "family_enterprise",
            LabourException::Artist => "artist",
        }
    }
}

/// A service destination in India's child protection system.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Destination {
    /// Child Welfare Committee.
    Cwc,
    /// Juvenile Justice Board.
    Jjb,
    /// District Child Protection Unit.
    Dcpu,
    /// Special Juvenile Police Unit.
    Sjpu,
    /// Local police station.
    Police,
    /// Childline 1098 (being merged into 112).
    Childline,
    /// Child Marriage Prohibition Officer.
    ChildMarriageProhibitionOfficer,
    /// Labour department.
    LabourDepartment,
    /// The school.
    School,
    /// Block Education Office.
    BlockEducationOffice,
    /// Anganwadi centre (ICDS).
    Anganwadi,
    /// Primary Health Centre.
    Phc,
    /// Hospital.
    Hospital,
    /// One Stop Centre.
    OneStopCentre,
    /// District Legal Services Authority.
    Dlsa,
    /// Sponsorship scheme (Mission Vatsalya).
    Sponsorship,
    /// Foster care.
    FosterCare,
    /// Village Child Protection Committee.
    Vcpc,
    /// Block Child Protection Committee.
    Bcpc,
    /// Anti-Human Trafficking Unit of the police.
    Ahtu,
    /// Another service.
    Other,
}

/// The service a referral or a service line asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ServiceType {
    /// Production before the CWC and its orders.
    CwcProduction,
    /// Police report or protection.
    PoliceReport,
    /// Medical examination or care.
    MedicalCare,
    /// Psychosocial support or counselling.
    Counselling,
    /// Legal aid.
    LegalAid,
    /// Shelter or institutional care.
    Shelter,
    /// Enrolment or re-enrolment in school.
    SchoolEnrolment,
    /// Sponsorship or financial support.
    Sponsorship,
    /// Foster care placement.
    FosterCare,
    /// Family tracing and reunification.
    FamilyTracing,
    /// Stopping a child marriage.
    MarriagePrevention,
    /// Rescue from labour and rehabilitation.
    LabourRescue,
    /// Birth registration.
    BirthRegistration,
    /// Nutrition and early childhood care.
    Nutrition,
    /// Another service.
    Other,
}

/// The response time a service line promises (Primero's timeframes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub enum Timeframe {
    /// Within one hour.
    #[serde(rename = "1h")]
    OneHour,
    /// Within three hours.
    #[serde(rename = "3h")]
    ThreeHours,
    /// Within one day.
    #[serde(rename = "1d")]
    OneDay,
    /// Within three days.
    #[serde(rename = "3d")]
    ThreeDays,
}

impl Timeframe {
    /// The timeframe in hours.
    pub fn hours(self) -> i64 {
        match self {
            Timeframe::OneHour => 1,
            Timeframe::ThreeHours => 3,
            Timeframe::OneDay => 24,
            Timeframe::ThreeDays => 72,
        }
    }
}

/// The two consents a referral needs (Primero): services, and disclosure to other organisations.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Consent {
    /// The child / guardian agreed to receive services.
    #[serde(default)]
    pub consent_for_services: bool,
    /// The child / guardian agreed to the case being shared with other organisations.
    #[serde(default)]
    pub disclosure_other_orgs: bool,
}

impl Consent {
    /// Both consents are given.
    pub fn complete(self) -> bool {
        self.consent_for_services && self.disclosure_other_orgs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exactly_twelve_cncp_grounds() {
        let n = ConcernKind::ALL.iter().filter(|c| c.is_cncp()).count();
        assert_eq!(n, 12);
        assert!(ConcernKind::ImminentChildMarriage.is_cncp());
        assert!(!ConcernKind::SexualOffence.is_cncp());
        assert_eq!(ConcernKind::ChildLabour.as_str(), "child_labour");
    }
}
