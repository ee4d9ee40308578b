//! The roster as columns (a struct of arrays): what the indicator engine reads.
//!
//! Every column is a plain public `Vec` so a binding can fill it straight from
//! Arrow arrays without building one object per row. Categorical fields are
//! `u8` codes in the order of [`Field::codes`]; [`MISSING`] (255) marks an
//! unknown value in any `u8` column.

use serde_json::Value;

use chrono::NaiveDate;

use super::roster::{check_facts, check_survey_date, RosterRow, RowFacts, Work};
use crate::codes::Code;
use crate::context::Context;
use crate::diagnostic::{Collector, Diagnostic, Params, Report};
use crate::kind::Kind;
use crate::record;

/// The code of an unknown value in a `u8` column.
pub const MISSING: u8 = u8::MAX;

/// A roster field a predicate or a disaggregation can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// `sex`: codes female, male, other.
    Sex,
    /// `age` in completed years.
    Age,
    /// `school_status`: attending, irregular, dropped_out, never_enrolled, not_of_school_age.
    SchoolStatus,
    /// `work`: none, family_enterprise, non_hazardous, hazardous.
    Work,
    /// `work_hours` in the last week.
    WorkHours,
    /// `marital_status`: never_married, married, widowed, divorced_separated.
    MaritalStatus,
    /// `age_at_marriage` in completed years.
    AgeAtMarriage,
    /// `birth_registered`: false, true.
    BirthRegistered,
    /// `disability`: false, true.
    Disability,
    /// `social_group`: sc, st, obc, other.
    SocialGroup,
    /// `chores_hours`: unpaid household chores in the last week.
    ChoresHours,
}

impl Field {
    /// Every field.
    pub const ALL: &'static [Field] = &[
        Field::Sex,
        Field::Age,
        Field::SchoolStatus,
        Field::Work,
        Field::WorkHours,
        Field::MaritalStatus,
        Field::AgeAtMarriage,
        Field::BirthRegistered,
        Field::Disability,
        Field::SocialGroup,
        Field::ChoresHours,
    ];

    /// The field's name, as in a [`RosterRow`].
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Sex => "sex",
            Field::Age => "age",
            Field::SchoolStatus => "school_status",
            Field::Work => "work",
            Field::WorkHours => "work_hours",
            Field::MaritalStatus => "marital_status",
            Field::AgeAtMarriage => "age_at_marriage",
            Field::BirthRegistered => "birth_registered",
            Field::Disability => "disability",
            Field::SocialGroup => "social_group",
            Field::ChoresHours => "chores_hours",
        }
    }

    /// Look a field up by name.
    pub fn parse(name: &str) -> Option<Field> {
        Field::ALL.iter().copied().find(|f| f.as_str() == name)
    }

    /// The names of a categorical field's codes, code 0 first; `None` for numbers.
    pub fn codes(self) -> Option<&'static [&'static str]> {
        match self {
            Field::Sex => Some(&["female", "male", "other"]),
            Field::SchoolStatus => Some(&[
                "attending",
                "irregular",
                "dropped_out",
                "never_enrolled",
                "not_of_school_age",
            ]),
            Field::Work => Some(&["none", "family_enterprise", "non_hazardous", "hazardous"]),
            Field::MaritalStatus => {
                Some(&["never_married", "married", "widowed", "divorced_separated"])
            }
            Field::BirthRegistered | Field::Disability => Some(&["false", "true"]),
            Field::SocialGroup => Some(&["sc", "st", "obc", "other"]),
            Field::Age | Field::WorkHours | Field::AgeAtMarriage | Field::ChoresHours => None,
        }
    }

    /// The display name of code `code` (a number for numeric fields, `unknown` for [`MISSING`]).
    pub fn code_name(self, code: u8) -> String {
        if code == MISSING {
            return "unknown".into();
        }
        match self.codes() {
            Some(names) => names
                .get(usize::from(code))
                .map_or_else(|| code.to_string(), |s| (*s).to_owned()),
            None => code.to_string(),
        }
    }
}

/// The roster as columns, all of the same length. Geography columns hold LGD codes.
#[derive(
    Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct RosterColumns {
    /// District LGD code.
    pub district: Vec<u32>,
    /// Block LGD code.
    pub block: Vec<u32>,
    /// Village LGD code.
    pub village: Vec<u32>,
    /// Sex code (see [`Field::Sex`]).
    pub sex: Vec<u8>,
    /// Age in completed years, [`MISSING`] when unknown.
    pub age: Vec<u8>,
    /// School status code, [`MISSING`] when unknown.
    pub school_status: Vec<u8>,
    /// Work code.
    pub work: Vec<u8>,
    /// Hours worked last week, [`MISSING`] when unknown.
    pub work_hours: Vec<u8>,
    /// Marital status code.
    pub marital_status: Vec<u8>,
    /// Age at first marriage, [`MISSING`] when unknown or never married.
    pub age_at_marriage: Vec<u8>,
    /// Birth registered; `None` when unknown.
    pub birth_registered: Vec<Option<bool>>,
    /// Disability.
    pub disability: Vec<bool>,
    /// Social group code, [`MISSING`] when unknown.
    pub social_group: Vec<u8>,
    /// Household chores hours last week, [`MISSING`] when unknown (may be
    /// empty: all unknown; the four design-and-hours columns are each empty or full).
    #[serde(default)]
    pub chores_hours: Vec<u8>,
    /// Survey weight (empty: every row weighs 1).
    #[serde(default)]
    pub weight: Vec<f64>,
    /// Stratum code (empty, or 0: one stratum).
    #[serde(default)]
    pub stratum: Vec<u32>,
    /// Cluster (PSU) code (empty, or 0: the village is the cluster).
    #[serde(default)]
    pub cluster: Vec<u32>,
}

/// A roster row that failed validation while loading, by its index in the input.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RejectedRow {
    /// Index of the row in the input (0-based).
    pub row: usize,
    /// Why it was rejected.
    pub report: Report,
}

impl RosterColumns {
    /// Empty columns with room for `n` rows.
    pub fn with_capacity(n: usize) -> RosterColumns {
        RosterColumns {
            district: Vec::with_capacity(n),
            block: Vec::with_capacity(n),
            village: Vec::with_capacity(n),
            sex: Vec::with_capacity(n),
            age: Vec::with_capacity(n),
            school_status: Vec::with_capacity(n),
            work: Vec::with_capacity(n),
            work_hours: Vec::with_capacity(n),
            marital_status: Vec::with_capacity(n),
            age_at_marriage: Vec::with_capacity(n),
            birth_registered: Vec::with_capacity(n),
            disability: Vec::with_capacity(n),
            social_group: Vec::with_capacity(n),
            chores_hours: Vec::with_capacity(n),
            weight: Vec::with_capacity(n),
            stratum: Vec::with_capacity(n),
            cluster: Vec::with_capacity(n),
        }
    }

    /// Append one row (not validated: use [`RosterColumns::from_values`] for untrusted input).
    pub fn push(&mut self, row: &RosterRow) {
        self.district.push(row.district);
        self.block.push(row.block);
        self.village.push(row.village);
        self.sex.push(row.sex as u8);
        self.age.push(row.age_years().unwrap_or(MISSING));
        self.school_status
            .push(row.school_status.map_or(MISSING, |s| s as u8));
        self.work.push(row.work as u8);
        self.work_hours.push(row.work_hours.unwrap_or(MISSING));
        self.marital_status.push(row.marital_status as u8);
        self.age_at_marriage
            .push(row.age_at_marriage.unwrap_or(MISSING));
        self.birth_registered.push(row.birth_registered);
        self.disability.push(row.disability);
        self.social_group
            .push(row.social_group.map_or(MISSING, |s| s as u8));
        self.pad_optional(self.len() - 1);
        self.chores_hours.push(row.chores_hours.unwrap_or(MISSING));
        self.weight.push(row.weight.unwrap_or(1.0));
        self.stratum.push(row.stratum.unwrap_or(0));
        self.cluster.push(row.cluster.unwrap_or(0));
    }

    /// Fill the optional columns (chores hours and design) with their
    /// defaults up to `n` rows, so an empty column can be appended to.
    fn pad_optional(&mut self, n: usize) {
        self.chores_hours
            .resize(n.max(self.chores_hours.len()), MISSING);
        self.weight.resize(n.max(self.weight.len()), 1.0);
        self.stratum.resize(n.max(self.stratum.len()), 0);
        self.cluster.resize(n.max(self.cluster.len()), 0);
    }

    /// Columns from typed rows.
    pub fn from_rows(rows: &[RosterRow]) -> RosterColumns {
        let mut cols = RosterColumns::with_capacity(rows.len());
        rows.iter().for_each(|r| cols.push(r));
        cols
    }

    /// Validate each value as a `roster_row` and keep the valid ones; rows with
    /// errors are returned with their reports (warnings do not reject a row).
    pub fn from_values(values: &[Value], ctx: &Context<'_>) -> (RosterColumns, Vec<RejectedRow>) {
        let mut cols = RosterColumns::with_capacity(values.len());
        let mut rejected = Vec::new();
        for (i, v) in values.iter().enumerate() {
            match record::parse_record::<RosterRow>(Kind::RosterRow, v, ctx) {
                Ok((row, _)) => cols.push(&row),
                Err(report) => rejected.push(RejectedRow { row: i, report }),
            }
        }
        (cols, rejected)
    }

    /// Apply the row consistency rules of a `roster_row` (age missing or out of
    /// scope, marriage age, work hours) to columns filled straight from typed
    /// data, e.g. Arrow arrays whose every cell already passed the row schema.
    /// Same rules (one implementation, `check_facts` in the roster module) and same reports as
    /// [`RosterColumns::from_values`]; a rejected row's index is its index in
    /// `self`. `survey_dates` (empty, or one per row) are the rows' survey
    /// dates; columns carry no birth dates (a row with one goes the row way).
    pub fn check_rules(
        self,
        survey_dates: &[Option<NaiveDate>],
        ctx: &Context<'_>,
    ) -> (RosterColumns, Vec<RejectedRow>) {
        let known = |v: u8| (v != MISSING).then_some(v);
        let mut rejected = Vec::new();
        let mut keep = Vec::with_capacity(self.len());
        for i in 0..self.len() {
            let g = |v: &Vec<u8>| v.get(i).copied().unwrap_or(MISSING);
            let marital = g(&self.marital_status);
            let facts = RowFacts {
                age: known(g(&self.age)),
                birth_date_given: false,
                no_work: g(&self.work) == Work::None as u8,
                work_hours: known(g(&self.work_hours)),
                ever_married: marital != 0 && marital != MISSING,
                age_at_marriage: known(g(&self.age_at_marriage)),
            };
            let mut out = Collector::new(ctx.locale);
            check_survey_date(survey_dates.get(i).copied().flatten(), ctx, &mut out);
            check_facts(&facts, &mut out);
            let bad = out.has_errors();
            if bad {
                rejected.push(RejectedRow {
                    row: i,
                    report: out.into_report(),
                });
            }
            keep.push(!bad);
        }
        if rejected.is_empty() {
            return (self, rejected);
        }
        (self.filter(&keep), rejected)
    }

    /// The rows where `keep` is true.
    pub(crate) fn filter(&self, keep: &[bool]) -> RosterColumns {
        fn pick<T: Copy>(v: &[T], keep: &[bool]) -> Vec<T> {
            v.iter()
                .zip(keep)
                .filter_map(|(x, k)| k.then_some(*x))
                .collect()
        }
        fn pick_optional<T: Copy>(v: &[T], keep: &[bool]) -> Vec<T> {
            if v.is_empty() {
                Vec::new()
            } else {
                pick(v, keep)
            }
        }
        RosterColumns {
            district: pick(&self.district, keep),
            block: pick(&self.block, keep),
            village: pick(&self.village, keep),
            sex: pick(&self.sex, keep),
            age: pick(&self.age, keep),
            school_status: pick(&self.school_status, keep),
            work: pick(&self.work, keep),
            work_hours: pick(&self.work_hours, keep),
            marital_status: pick(&self.marital_status, keep),
            age_at_marriage: pick(&self.age_at_marriage, keep),
            birth_registered: pick(&self.birth_registered, keep),
            disability: pick(&self.disability, keep),
            social_group: pick(&self.social_group, keep),
            chores_hours: pick_optional(&self.chores_hours, keep),
            weight: pick_optional(&self.weight, keep),
            stratum: pick_optional(&self.stratum, keep),
            cluster: pick_optional(&self.cluster, keep),
        }
    }

    /// The number of rows; a `column_length_mismatch` report when columns differ in length.
    pub fn check_lengths(&self) -> Result<usize, Report> {
        let n = self.village.len();
        let lens = [
            ("district", self.district.len()),
            ("block", self.block.len()),
            ("sex", self.sex.len()),
            ("age", self.age.len()),
            ("school_status", self.school_status.len()),
            ("work", self.work.len()),
            ("work_hours", self.work_hours.len()),
            ("marital_status", self.marital_status.len()),
            ("age_at_marriage", self.age_at_marriage.len()),
            ("birth_registered", self.birth_registered.len()),
            ("disability", self.disability.len()),
            ("social_group", self.social_group.len()),
        ];
        let optional = [
            ("chores_hours", self.chores_hours.len()),
            ("weight", self.weight.len()),
            ("stratum", self.stratum.len()),
            ("cluster", self.cluster.len()),
        ];
        let bad: Vec<Diagnostic> = lens
            .iter()
            .filter(|(_, len)| *len != n)
            .chain(optional.iter().filter(|(_, len)| *len != n && *len != 0))
            .map(|(name, len)| {
                Diagnostic::new(
                    Code::ColumnLengthMismatch,
                    format!("/{name}"),
                    Params::new()
                        .with("column", *name)
                        .with("found", *len)
                        .with("expected", n),
                    crate::Locale::En,
                )
            })
            .collect();
        if bad.is_empty() {
            Ok(n)
        } else {
            Err(Report::from_diagnostics(bad))
        }
    }

    /// Number of rows (of the village column).
    pub fn len(&self) -> usize {
        self.village.len()
    }

    /// True when there are no rows.
    pub fn is_empty(&self) -> bool {
        self.village.is_empty()
    }

    /// Append all rows of `other`.
    pub fn extend(&mut self, other: &RosterColumns) {
        self.district.extend_from_slice(&other.district);
        self.block.extend_from_slice(&other.block);
        self.village.extend_from_slice(&other.village);
        self.sex.extend_from_slice(&other.sex);
        self.age.extend_from_slice(&other.age);
        self.school_status.extend_from_slice(&other.school_status);
        self.work.extend_from_slice(&other.work);
        self.work_hours.extend_from_slice(&other.work_hours);
        self.marital_status.extend_from_slice(&other.marital_status);
        self.age_at_marriage
            .extend_from_slice(&other.age_at_marriage);
        self.birth_registered
            .extend_from_slice(&other.birth_registered);
        self.disability.extend_from_slice(&other.disability);
        self.social_group.extend_from_slice(&other.social_group);
        let optional_used = |c: &RosterColumns| {
            !(c.chores_hours.is_empty()
                && c.weight.is_empty()
                && c.stratum.is_empty()
                && c.cluster.is_empty())
        };
        if optional_used(self) || optional_used(other) {
            let before = self.len() - other.len();
            self.pad_optional(before);
            self.chores_hours.truncate(before);
            self.weight.truncate(before);
            self.stratum.truncate(before);
            self.cluster.truncate(before);
            let mut theirs = other.clone();
            theirs.pad_optional(other.len());
            self.chores_hours.extend_from_slice(&theirs.chores_hours);
            self.weight.extend_from_slice(&theirs.weight);
            self.stratum.extend_from_slice(&theirs.stratum);
            self.cluster.extend_from_slice(&theirs.cluster);
        }
    }

    /// The code of `field` in row `i` ([`MISSING`] when unknown or out of range).
    pub fn code(&self, field: Field, i: usize) -> u8 {
        let b = |x: Option<&Option<bool>>| x.copied().flatten().map_or(MISSING, u8::from);
        let g = |v: &Vec<u8>| v.get(i).copied().unwrap_or(MISSING);
        match field {
            Field::Sex => g(&self.sex),
            Field::Age => g(&self.age),
            Field::SchoolStatus => g(&self.school_status),
            Field::Work => g(&self.work),
            Field::WorkHours => g(&self.work_hours),
            Field::MaritalStatus => g(&self.marital_status),
            Field::AgeAtMarriage => g(&self.age_at_marriage),
            Field::BirthRegistered => b(self.birth_registered.get(i)),
            Field::Disability => self.disability.get(i).map_or(MISSING, |d| u8::from(*d)),
            Field::SocialGroup => g(&self.social_group),
            Field::ChoresHours => g(&self.chores_hours),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The column rules reject the same rows with the same reports as the row path.
    #[test]
    fn check_rules_matches_from_values() {
        let base =
            json!({"district": 1, "block": 2, "village": 3, "household": "h", "sex": "female"});
        let with = |extra: Value| {
            let mut v = base.clone();
            if let (Some(o), Some(e)) = (v.as_object_mut(), extra.as_object()) {
                o.extend(e.clone());
            }
            v
        };
        let values = vec![
            with(json!({"age": 12})),
            with(json!({"age": 8, "marital_status": "married", "age_at_marriage": 8})),
            with(json!({"age": 16, "marital_status": "married", "age_at_marriage": 17})),
            with(json!({"age": 14, "work_hours": 10})),
            with(json!({})),
            with(json!({"age": 19, "marital_status": "married"})),
            with(json!({"age": 15, "age_at_marriage": 14})),
            with(json!({"age": 20, "marital_status": "widowed", "age_at_marriage": 15})),
            with(json!({"age": 9, "survey_date": "2099-01-01"})),
        ];
        let ctx = Context::default();
        let (want_cols, want_rejected) = RosterColumns::from_values(&values, &ctx);
        // Columns filled without validation (as a binding fills them from Arrow).
        let rows: Vec<RosterRow> = values
            .iter()
            .map(|v| serde_json::from_value(v.clone()).unwrap())
            .collect();
        let dates: Vec<Option<NaiveDate>> = rows.iter().map(|r| r.survey_date).collect();
        let (cols, rejected) = RosterColumns::from_rows(&rows).check_rules(&dates, &ctx);
        assert_eq!(rejected, want_rejected);
        assert_eq!(cols, want_cols);
        let rows: Vec<usize> = rejected.iter().map(|r| r.row).collect();
        // Row 5 (married, no marriage age) only warns: it is kept.
        assert_eq!(rows, vec![1, 2, 3, 4, 6, 8]);
    }
}
