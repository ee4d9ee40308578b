//! Types shared by every record: geography and the (pseudonymous) child.

use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One administrative unit with its Local Government Directory (LGD) code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// LGD code of the unit (numeric, issued by the Ministry of Panchayati Raj).
    #[schemars(range(min = 1))]
    pub lgd_code: u32,
    /// Name of the unit, as in the LGD.
    #[schemars(length(min = 1))]
    pub name: String,
}

/// Where a record belongs: State > District > Block > Gram Panchayat > Village.
/// State and district are always known; lower levels may be absent for
/// district-level records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Geography {
    /// State or Union Territory.
    pub state: Area,
    /// District.
    pub district: Area,
    /// Block (community development block).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub block: Option<Area>,
    /// Gram Panchayat.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gram_panchayat: Option<Area>,
    /// Revenue village.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub village: Option<Area>,
}

/// Sex as recorded on the form.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    /// Female.
    Female,
    /// Male.
    Male,
    /// Transgender or another identity.
    Other,
}

impl Sex {
    /// The snake_case name, as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            Sex::Female => "female",
            Sex::Male => "male",
            Sex::Other => "other",
        }
    }
}

/// Social group, as in government data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SocialGroup {
    /// Scheduled Caste.
    Sc,
    /// Scheduled Tribe.
    St,
    /// Other Backward Class.
    Obc,
    /// None of the above.
    Other,
}

/// Schooling of a child at the time of recording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SchoolStatus {
    /// Enrolled and attending regularly.
    Attending,
    /// Enrolled but attending irregularly.
    Irregular,
    /// Was enrolled and has left.
    DroppedOut,
    /// Never enrolled.
    NeverEnrolled,
    /// Too young for school.
    NotOfSchoolAge,
}

/// A child, identified only by a pseudonymous id (no name, address or school:
/// JJ Act s.74, POCSO s.23). Give the date of birth, or the age in completed
/// years (with `age_estimated` when nobody knows it exactly).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Child {
    /// Pseudonymous id issued by the programme; never a name.
    #[schemars(length(min = 1))]
    pub id: String,
    /// Date of birth, if known.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::timestamp::date_option"
    )]
    pub date_of_birth: Option<NaiveDate>,
    /// Age in completed years, if the date of birth is unknown (or to cross-check it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(max = 120))]
    pub age_years: Option<u8>,
    /// The date `age_years` was recorded; the identification date when absent.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::timestamp::date_option"
    )]
    pub age_recorded_on: Option<NaiveDate>,
    /// True when the age is an estimate (no documents): near a limit the
    /// child gets the benefit of the doubt (JJ s.94 practice).
    #[serde(default)]
    pub age_estimated: bool,
    /// Sex.
    pub sex: Sex,
    /// True when the child has a disability.
    #[serde(default)]
    pub disability: bool,
    /// Social group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub social_group: Option<SocialGroup>,
    /// Schooling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school_status: Option<SchoolStatus>,
}

/// Completed years between `birth` and `on`.
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> i64 {
    let mut years = i64::from(on.year()) - i64::from(birth.year());
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    years
}

impl Child {
    /// Age in completed years on `on`: from the date of birth when known,
    /// otherwise from the recorded age and the date it was recorded
    /// (`age_recorded_on`, else `recorded_default`). Without a birthday the
    /// age on another date is uncertain by a year; the younger of the two
    /// possible ages is returned, the reading that protects the child.
    pub fn age_on(&self, on: NaiveDate, recorded_default: NaiveDate) -> Option<i64> {
        match (self.date_of_birth, self.age_years) {
            (Some(dob), _) => Some(age_on(dob, on)),
            (None, Some(a)) => {
                let recorded = self.age_recorded_on.unwrap_or(recorded_default);
                let a = i64::from(a);
                Some(if on >= recorded {
                    a + age_on(recorded, on)
                } else {
                    // Years back to `on`, rounded up: a part year may have crossed a birthday.
                    let whole = age_on(on, recorded);
                    let exact = (on.month(), on.day()) == (recorded.month(), recorded.day());
                    a - whole - i64::from(!exact)
                })
            }
            (None, None) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn completed_years() {
        assert_eq!(age_on(d(2008, 3, 1), d(2026, 2, 28)), 17);
        assert_eq!(age_on(d(2008, 3, 1), d(2026, 3, 1)), 18);
        // A leap-day birth completes a year on 1 March in common years.
        assert_eq!(age_on(d(2008, 2, 29), d(2026, 2, 28)), 17);
        assert_eq!(age_on(d(2008, 2, 29), d(2026, 3, 1)), 18);
    }

    #[test]
    fn recorded_age_moves_with_the_date_taking_the_younger_age() {
        let child = Child {
            id: "C1".into(),
            date_of_birth: None,
            age_years: Some(17),
            age_recorded_on: Some(d(2026, 6, 1)),
            age_estimated: false,
            sex: Sex::Female,
            disability: false,
            social_group: None,
            school_status: None,
        };
        let rec = d(2026, 6, 1);
        assert_eq!(child.age_on(d(2026, 6, 1), rec), Some(17));
        assert_eq!(child.age_on(d(2027, 5, 31), rec), Some(17));
        assert_eq!(child.age_on(d(2027, 6, 1), rec), Some(18));
        // Earlier than the recording: 16 or 17, so 16.
        assert_eq!(child.age_on(d(2026, 1, 10), rec), Some(16));
        assert_eq!(child.age_on(d(2025, 6, 1), rec), Some(16));
        assert_eq!(child.age_on(d(2025, 5, 31), rec), Some(15));
    }
}
