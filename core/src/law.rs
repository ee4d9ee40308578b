//! The law applied to a case, shared by the case rules, triage and the
//! required actions so that they never disagree: which statute defines each
//! concern and whether the child is a child under it on the date it judges,
//! whether recorded work is lawful, and which statutory pathways apply.

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::model::{Case, Concern, ConcernKind};
use crate::profile::{Pathway, PathwayClock, RuleProfile, Statute};

/// Whether a person is a child under a statute on the date it judges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum AgeVerdict {
    /// Not a child (too old, or younger than the statute covers).
    NotChild,
    /// An estimated age at or just over the limit: a child by the benefit of the doubt.
    AtEdge,
    /// A child.
    Child,
}

/// One statute's judgement of one concern.
#[derive(Debug, Clone, PartialEq)]
pub struct Judged<'p> {
    /// Id of the statute.
    pub statute_id: &'p str,
    /// The statute.
    pub statute: &'p Statute,
    /// The date judged on.
    pub on: NaiveDate,
    /// Age on that date (the younger possible age when only an age was recorded).
    pub age: i64,
    /// The statute's limit for the child's sex.
    pub limit: u8,
    /// The verdict.
    pub verdict: AgeVerdict,
}

impl Judged<'_> {
    /// The citation of the statute's definition of a child, e.g. `PCMA 2006 s.2(a)`.
    pub fn law(&self) -> String {
        format!("{} {}", self.statute.citation, self.statute.child_section)
    }

    /// A child under the statute, with or without the benefit of the doubt.
    pub fn is_child(&self) -> bool {
        self.verdict != AgeVerdict::NotChild
    }
}

/// The date of the event a concern is about: its `event_date`, the planned
/// marriage date, the case's incident date, else the identification date.
pub fn event_date(c: &Case, concern: &Concern) -> NaiveDate {
    concern
        .event_date
        .or(concern.planned_date)
        .or(c.incident_date)
        .unwrap_or_else(|| c.identified_at.date_naive())
}

/// `age` against `limit`, with the benefit of the doubt for an estimated age.
pub fn under(age: i64, limit: u8, estimated: bool, margin: u8) -> AgeVerdict {
    if age < i64::from(limit) {
        AgeVerdict::Child
    } else if estimated && age < i64::from(limit) + i64::from(margin) {
        AgeVerdict::AtEdge
    } else {
        AgeVerdict::NotChild
    }
}

/// How `statute` judges the child for `concern`; none when the age is unknown.
pub fn judge<'p>(
    c: &Case,
    concern: &Concern,
    statute_id: &'p str,
    statute: &'p Statute,
    p: &RuleProfile,
) -> Option<Judged<'p>> {
    let identified = c.identified_at.date_naive();
    let on = if statute.age_on_event.contains(&concern.kind) {
        event_date(c, concern)
    } else {
        identified
    };
    // A negative age is a date error, reported as such; no judgement on it.
    let age = c.child.age_on(on, identified).filter(|a| *a >= 0)?;
    let limit = statute.limit(c.child.sex);
    let margin = p.ages.estimate_margin_years;
    let mut verdict = under(age, limit, c.child.age_estimated, margin);
    if age < i64::from(statute.child_from) {
        verdict = AgeVerdict::NotChild;
    }
    // PCMA s.3(3): in scope until the window after majority closes.
    if let Some(years) = statute
        .years_after_limit
        .filter(|_| verdict != AgeVerdict::NotChild)
    {
        let now = c.child.age_on(identified, identified).unwrap_or(age);
        if now >= i64::from(limit) + i64::from(years) {
            verdict = AgeVerdict::NotChild;
        }
    }
    Some(Judged {
        statute_id,
        statute,
        on,
        age,
        limit,
        verdict,
    })
}

/// The best judgement among the statutes that define the concern (a child
/// under any of them is in scope); none when the age is unknown or no
/// statute defines it.
pub fn concern_scope<'p>(c: &Case, concern: &Concern, p: &'p RuleProfile) -> Option<Judged<'p>> {
    p.statutes
        .iter()
        .filter(|(_, s)| s.concerns.contains(&concern.kind))
        .filter_map(|(id, s)| judge(c, concern, id, s, p))
        .max_by_key(|j| (j.verdict, std::cmp::Reverse(j.age)))
}

/// What CALPRA says of recorded work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Work {
    /// Prohibited: a child under 14 (outside the exceptions) or hazardous work under 18.
    Prohibited,
    /// Non-hazardous work of an adolescent (14–17): lawful (s.3A bars only hazardous work).
    AdolescentLawful,
    /// An adolescent's work whose hazard is not recorded: counted as child labour until it is.
    AdolescentHazardUnknown,
    /// Non-hazardous work under a s.3(2) exception: lawful.
    ExceptionLawful,
    /// An exception claimed for hazardous work, which it does not cover: prohibited.
    ExceptionHazardous,
    /// Not a labour concern, or the age is unknown.
    NotApplicable,
}

/// Judge a labour concern on the date of the work.
pub fn work(c: &Case, concern: &Concern, p: &RuleProfile) -> (Work, Option<i64>) {
    if concern.kind != ConcernKind::ChildLabour {
        return (Work::NotApplicable, None);
    }
    let on = event_date(c, concern);
    let Some(age) = c.child.age_on(on, c.identified_at.date_naive()) else {
        return (Work::NotApplicable, None);
    };
    let margin = p.ages.estimate_margin_years;
    // The benefit of the doubt: an estimated 14 may be 13, barred from all work.
    let young =
        under(age, p.ages.any_work_under, c.child.age_estimated, margin) != AgeVerdict::NotChild;
    let hazardous = concern.hazardous;
    let verdict = match (young, concern.exception, hazardous) {
        (_, Some(_), Some(true)) => Work::ExceptionHazardous,
        (_, Some(_), _) => Work::ExceptionLawful,
        (true, None, _) => Work::Prohibited,
        (false, None, Some(true)) => Work::Prohibited,
        (false, None, Some(false)) => Work::AdolescentLawful,
        (false, None, None) => Work::AdolescentHazardUnknown,
    };
    (verdict, Some(age))
}

/// True when the concern counts: the child is in its scope (or the age is
/// unknown) and it is not lawful work. Triage and the pathways look only at
/// these, so lawful work or an out-of-scope age never raises risk.
pub fn counts(c: &Case, concern: &Concern, p: &RuleProfile) -> bool {
    let in_scope = concern_scope(c, concern, p).is_none_or(|j| j.is_child());
    let lawful = matches!(
        work(c, concern, p).0,
        Work::AdolescentLawful | Work::ExceptionLawful
    );
    in_scope && !lawful
}

/// The concerns that count, with their index.
pub fn counting(c: &Case, p: &RuleProfile) -> Vec<(usize, Concern)> {
    c.concerns
        .iter()
        .enumerate()
        .filter(|(_, k)| counts(c, k, p))
        .map(|(i, k)| (i, k.clone()))
        .collect()
}

/// Age on the date of the offence when a child in conflict with law is below
/// the age of criminal responsibility (BNS s.20), estimated ages included.
pub fn doli_incapax(c: &Case, concern: &Concern, p: &RuleProfile) -> Option<(i64, NaiveDate)> {
    if concern.kind != ConcernKind::InConflictWithLaw {
        return None;
    }
    let on = event_date(c, concern);
    let age = c.child.age_on(on, c.identified_at.date_naive())?;
    let limit = p.ages.doli_incapax_under;
    (under(
        age,
        limit,
        c.child.age_estimated,
        p.ages.estimate_margin_years,
    ) != AgeVerdict::NotChild)
        .then_some((age, on))
}

/// A pathway that applies to a case.
#[derive(Debug, Clone)]
pub struct Applies<'p> {
    /// Id of the pathway.
    pub id: &'p str,
    /// The pathway.
    pub pathway: &'p Pathway,
    /// Index of the concern that triggers it.
    pub concern: usize,
    /// The concern's kind.
    pub kind: ConcernKind,
    /// When the time limit starts.
    pub start: DateTime<FixedOffset>,
    /// When it is due (journey time added where the law excludes it).
    pub due: DateTime<FixedOffset>,
    /// The first referral to one of its destinations: index and time.
    pub done: Option<(usize, DateTime<FixedOffset>)>,
}

fn triggers(pw: &Pathway, concern: &Concern) -> bool {
    let k = concern.kind;
    let listed =
        pw.concerns.contains(&k) || (pw.any_cncp && k.is_cncp()) || pw.once_found.contains(&k);
    listed && (!pw.once_found.contains(&k) || concern.found_at.is_some())
}

/// Every pathway that applies to the case: triggered by a concern that
/// counts, for a child under the pathway's own statute, once its clock has
/// started (a finding, an apprehension).
pub fn applicable<'p>(c: &Case, p: &'p RuleProfile) -> Vec<Applies<'p>> {
    let mut out = Vec::new();
    for (id, pw) in &p.pathways {
        let found = c.concerns.iter().enumerate().find_map(|(i, k)| {
            if !triggers(pw, k) || !counts(c, k, p) {
                return None;
            }
            // The pathway's own statute must hold the child (unknown age: it applies).
            let under_statute = p
                .statutes
                .get(&pw.statute)
                .and_then(|s| judge(c, k, &pw.statute, s, p))
                .is_none_or(|j| j.is_child());
            if !under_statute
                || (pw.clock == PathwayClock::Apprehension && doli_incapax(c, k, p).is_some())
            {
                return None;
            }
            let start = if pw.once_found.contains(&k.kind) {
                k.found_at
            } else {
                match pw.clock {
                    PathwayClock::Identification => Some(c.identified_at),
                    PathwayClock::Apprehension => c.apprehended_at,
                }
            }?;
            Some((i, k.kind, start))
        });
        let Some((concern, kind, start)) = found else {
            continue;
        };
        let journey = if pw.excludes_journey {
            c.journey_hours
        } else {
            0
        };
        let hours = i64::from(pw.within_hours.unwrap_or(0)) + i64::from(journey);
        // A due time past the end of the calendar is no due time (checked arithmetic).
        let Some(due) = crate::checked::add_hours(start, hours) else {
            continue;
        };
        let done = c
            .referrals
            .iter()
            .enumerate()
            .filter(|(_, r)| pw.destinations.contains(&r.to))
            .min_by_key(|(_, r)| r.at)
            .map(|(i, r)| (i, r.at));
        out.push(Applies {
            id,
            pathway: pw,
            concern,
            kind,
            start,
            due,
            done,
        });
    }
    out
}
