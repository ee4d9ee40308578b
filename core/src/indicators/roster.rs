//! One row of the household child roster: a household member aged 0–24 seen
//! in a survey, coded for the quantitative baseline indicators.
//!
//! The roster covers members aged 0–24, not only children, because SDG 5.3.1
//! is measured on women aged 20–24 (married before 18 / before 15). A row
//! carries no name or address: only LGD geography codes and a pseudonymous
//! household id (JJ Act s.74, POCSO s.23).

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::codes::Code;
use crate::context::Context;
use crate::diagnostic::{Collector, Params};
use crate::model::{age_on, SchoolStatus, Sex, SocialGroup};
use crate::record::Record;

/// The oldest age the roster covers (women 20–24 for SDG 5.3.1).
pub const MAX_ROSTER_AGE: u8 = 24;
/// No one is recorded as ever married below this age: such a row is a coding error.
pub const MIN_MARRIAGE_AGE_PLAUSIBLE: u8 = 10;

/// Paid or unpaid economic work in the last week, coded for the Child and
/// Adolescent Labour (Prohibition and Regulation) Act (CALPRA 1986/2016).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Work {
    /// No work.
    #[default]
    None,
    /// Helps the family or family enterprise after school hours, in a
    /// non-hazardous occupation: allowed for under-14s by CALPRA s.3(2)(a).
    FamilyEnterprise,
    /// Work in an occupation or process not in the CALPRA Schedule.
    NonHazardous,
    /// Work in a hazardous occupation or process (CALPRA Schedule).
    Hazardous,
}

/// Marital status at the survey date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MaritalStatus {
    /// Never married (includes engaged, not yet married).
    #[default]
    NeverMarried,
    /// Currently married (including gauna not yet performed).
    Married,
    /// Widowed.
    Widowed,
    /// Divorced or separated.
    DivorcedSeparated,
}

impl MaritalStatus {
    /// True for every status except never married.
    pub fn ever_married(self) -> bool {
        self != MaritalStatus::NeverMarried
    }
}

/// One household member aged 0–24 in the child roster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RosterRow {
    /// LGD code of the district.
    #[schemars(range(min = 1))]
    pub district: u32,
    /// LGD code of the block.
    #[schemars(range(min = 1))]
    pub block: u32,
    /// LGD code of the village.
    #[schemars(range(min = 1))]
    pub village: u32,
    /// Pseudonymous household id (never a name or address).
    #[schemars(length(min = 1, max = 64))]
    pub household: String,
    /// Sex.
    pub sex: Sex,
    /// Age in completed years; required unless a birth date is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(max = 24))]
    pub age: Option<u8>,
    /// Date of birth, when known (needs `survey_date` to give an age).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::timestamp::date_option"
    )]
    pub birth_date: Option<NaiveDate>,
    /// Date of the survey visit.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::timestamp::date_option"
    )]
    pub survey_date: Option<NaiveDate>,
    /// School status (for ages 3 and up).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school_status: Option<SchoolStatus>,
    /// Work in the last week and its kind.
    #[serde(default)]
    pub work: Work,
    /// Hours worked in the last week.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(max = 168))]
    pub work_hours: Option<u8>,
    /// Marital status.
    #[serde(default)]
    pub marital_status: MaritalStatus,
    /// Age at first marriage (or cohabitation), in completed years.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(max = 24))]
    pub age_at_marriage: Option<u8>,
    /// Birth registered with the civil authority (seen or reported); absent when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_registered: Option<bool>,
    /// True when the member has a disability (Washington Group short set or UDID card).
    #[serde(default)]
    pub disability: bool,
    /// Social group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub social_group: Option<SocialGroup>,
    /// Hours of unpaid household chores in the last week (SDG 8.7.1 counts
    /// 21 hours or more at 5–14 and 43 or more at 15–17 as child labour).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(max = 168))]
    pub chores_hours: Option<u8>,
    /// Survey weight (inverse probability of selection); none means 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0.000001, max = 1000000.0))]
    pub weight: Option<f64>,
    /// Design stratum code; none means one stratum.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    pub stratum: Option<u32>,
    /// Primary sampling unit (cluster) code; none means the village, the
    /// DNA's own cluster.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    pub cluster: Option<u32>,
}

impl RosterRow {
    /// Age in completed years: from birth and survey dates when both are known,
    /// otherwise the recorded age.
    pub fn age_years(&self) -> Option<u8> {
        match (self.birth_date, self.survey_date) {
            // An age past the field's range is kept at its largest value, so the
            // scope rule rejects the row instead of reading it as unknown.
            (Some(b), Some(s)) => Some(u8::try_from(age_on(b, s).max(0)).unwrap_or(u8::MAX - 1)),
            _ => self.age,
        }
    }
}

impl Record for RosterRow {
    fn check(&self, ctx: &Context<'_>, out: &mut Collector) {
        self.check_dates(ctx, out);
        check_facts(
            &RowFacts {
                age: self.age_years(),
                birth_date_given: self.birth_date.is_some(),
                no_work: self.work == Work::None,
                work_hours: self.work_hours,
                ever_married: self.marital_status.ever_married(),
                age_at_marriage: self.age_at_marriage,
            },
            out,
        );
        check_design(self.weight, self.chores_hours, out);
    }
}

/// The values the row consistency rules read, as plain values so that one
/// implementation serves both a [`RosterRow`] and a row of `RosterColumns`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowFacts {
    /// Age in completed years (from the dates when both are known).
    pub age: Option<u8>,
    /// True when a birth date was given (an age is then not required).
    pub birth_date_given: bool,
    /// True when the work status is `none`.
    pub no_work: bool,
    /// Hours worked in the last week.
    pub work_hours: Option<u8>,
    /// True for every marital status except never married.
    pub ever_married: bool,
    /// Age at first marriage.
    pub age_at_marriage: Option<u8>,
}

/// The survey date rule of a row (shared by rows and columns): not after today.
pub fn check_survey_date(survey: Option<NaiveDate>, ctx: &Context<'_>, out: &mut Collector) {
    if let Some(s) = survey.filter(|s| *s > ctx.today) {
        out.push(
            Code::DateInFuture,
            "/survey_date",
            Params::new()
                .with("field", "survey_date")
                .with("date", s.to_string())
                .with("today", ctx.today.to_string()),
        );
    }
}

/// The roster's consistency rules (all but the date rules) over one row's facts.
pub fn check_facts(f: &RowFacts, out: &mut Collector) {
    if f.age.is_none() && !f.birth_date_given {
        out.push(Code::AgeMissing, "/age", Params::new());
    }
    if let Some(a) = f.age.filter(|a| *a > MAX_ROSTER_AGE) {
        out.push(
            Code::RosterAgeOutOfScope,
            "/birth_date",
            Params::new().with("age", a).with("maximum", MAX_ROSTER_AGE),
        );
    }
    check_marriage(f, out);
    if f.no_work && f.work_hours.is_some_and(|h| h > 0) {
        out.push(
            Code::WorkHoursWithoutWork,
            "/work_hours",
            Params::new().with("hours", f.work_hours.unwrap_or(0)),
        );
    }
}

/// Design and hours bounds that the row's types alone do not hold (a weight
/// is a float; chores hours fit a byte but not a week).
pub fn check_design(weight: Option<f64>, chores_hours: Option<u8>, out: &mut Collector) {
    if let Some(w) = weight.filter(|w| !(w.is_finite() && *w >= 1e-6 && *w <= 1e6)) {
        out.push(
            Code::OutOfRange,
            "/weight",
            Params::new()
                .with("field", "weight")
                .with("value", w.to_string())
                .with("range", "0.000001–1000000"),
        );
    }
    if let Some(h) = chores_hours.filter(|h| *h > 168) {
        out.push(
            Code::OutOfRange,
            "/chores_hours",
            Params::new()
                .with("field", "chores_hours")
                .with("value", h)
                .with("range", "0–168"),
        );
    }
}

fn check_marriage(f: &RowFacts, out: &mut Collector) {
    match (f.ever_married, f.age_at_marriage) {
        (false, Some(m)) => out.push(
            Code::MarriageAgeWithoutMarriage,
            "/age_at_marriage",
            Params::new().with("age_at_marriage", m),
        ),
        (true, None) => out.push(Code::MarriageAgeMissing, "/age_at_marriage", Params::new()),
        _ => {}
    }
    let Some(age) = f.age else { return };
    if let Some(m) = f.age_at_marriage.filter(|m| *m > age) {
        out.push(
            Code::MarriageAfterAge,
            "/age_at_marriage",
            Params::new().with("age_at_marriage", m).with("age", age),
        );
    }
    if f.ever_married && age < MIN_MARRIAGE_AGE_PLAUSIBLE {
        out.push(
            Code::MarriedTooYoung,
            "/marital_status",
            Params::new()
                .with("age", age)
                .with("minimum", MIN_MARRIAGE_AGE_PLAUSIBLE),
        );
    }
}

impl RosterRow {
    fn check_dates(&self, ctx: &Context<'_>, out: &mut Collector) {
        check_survey_date(self.survey_date, ctx, out);
        let Some(birth) = self.birth_date else { return };
        let Some(survey) = self.survey_date else {
            out.push(Code::SurveyDateMissing, "/survey_date", Params::new());
            return;
        };
        if birth > survey {
            out.push(
                Code::DatesOutOfOrder,
                "/survey_date",
                Params::new()
                    .with("earlier_field", "birth_date")
                    .with("earlier", birth.to_string())
                    .with("later_field", "survey_date")
                    .with("later", survey.to_string()),
            );
            return;
        }
        let computed = age_on(birth, survey);
        if let Some(a) = self.age.filter(|a| i64::from(*a) != computed) {
            out.push(
                Code::AgeDobMismatch,
                "/age",
                Params::new()
                    .with("age", a)
                    .with("date_of_birth", birth.to_string())
                    .with("computed", computed)
                    .with("on", survey.to_string()),
            );
        }
    }
}
