//! Rules of a VCPC: composition against its profile, ids and references,
//! formation, meetings (dates, quorum, minutes, regularity), trainings and the
//! register. The composition and quorum assessments are shared with the
//! functionality index so the score and the diagnostics never disagree.

use std::collections::HashSet;

use chrono::{Duration, NaiveDate};

use crate::context::Context;
use crate::diagnostic::{pointer, Code, Collector, Params};
use crate::model::{Meeting, Member, Office, RegisterEntry, Role, Sex, Vcpc};
use crate::profile::{CompositionProfile, OfficeRule, RoleRequirement, RuleProfile, Statute};
use crate::record::Record;
use crate::rules::common::{check_not_future, dates_out_of_order};

impl Record for Vcpc {
    fn check(&self, ctx: &Context<'_>, out: &mut Collector) {
        let ids = member_ids(self, out);
        match composition_profile(self, &ctx.profile) {
            Some(profile) => {
                assess_composition(self, profile, Some(out));
                check_meetings(self, profile, &ids, ctx.today, out);
            }
            None => {
                let allowed: Vec<serde_json::Value> = ctx
                    .profile
                    .composition_profiles
                    .iter()
                    .map(|p| p.id.clone().into())
                    .collect();
                out.push(
                    Code::UnknownProfile,
                    "/composition_profile",
                    Params::new()
                        .with(
                            "profile",
                            self.composition_profile.clone().unwrap_or_default(),
                        )
                        .with("allowed", allowed),
                );
            }
        }
        check_formation(self, ctx.today, out);
        check_trainings(self, &ids, ctx.today, out);
        check_register(self, ctx.today, &ctx.profile, out);
        check_member_ages(self, &ctx.profile, out);
    }
}

/// Adult members are adults, and elected members old enough for their office.
fn check_member_ages(v: &Vcpc, p: &RuleProfile, out: &mut Collector) {
    for (i, m) in v.members.iter().enumerate() {
        let Some(age) = m.age.filter(|_| m.role != Role::Child) else {
            continue;
        };
        let minimum = p
            .member_ages
            .by_role
            .get(&m.role)
            .copied()
            .unwrap_or(p.member_ages.adult_from);
        if age < minimum {
            out.push(
                Code::MemberTooYoung,
                pointer(&pointer("/members", i), "age"),
                Params::new()
                    .with("role", serde_json::to_value(m.role).unwrap_or_default())
                    .with("age", age)
                    .with("minimum", minimum),
            );
        }
    }
}

/// A register entry lists a child under the statute of at least one of its
/// concerns, on the date listed (a boy of 19 at risk of marriage is a child
/// under PCMA; a girl of 18 is not).
fn check_register_age(e: &RegisterEntry, path: &str, p: &RuleProfile, out: &mut Collector) {
    let scopes: Vec<(&Statute, u8)> = e
        .concerns
        .iter()
        .flat_map(|k| p.statutes.values().filter(move |s| s.concerns.contains(k)))
        .map(|s| (s, s.limit(e.sex)))
        .collect();
    if scopes.is_empty() {
        return;
    }
    let age = i64::from(e.age_years);
    if scopes
        .iter()
        .any(|(s, limit)| age < i64::from(*limit) && age >= i64::from(s.child_from))
    {
        return;
    }
    let Some((statute, limit)) = scopes.iter().max_by_key(|(_, l)| *l) else {
        return;
    };
    let concern = e
        .concerns
        .iter()
        .find(|k| statute.concerns.contains(k))
        .map(|k| k.as_str())
        .unwrap_or_default();
    out.push(
        Code::NotAChild,
        pointer(path, "age_years"),
        Params::new()
            .with("age", age)
            .with("limit", *limit)
            .with("concern", concern)
            .with(
                "law",
                format!("{} {}", statute.citation, statute.child_section),
            )
            .with("on", e.listed_on.to_string()),
    );
}

/// The composition profile this committee follows, if known.
pub fn composition_profile<'p>(v: &Vcpc, p: &'p RuleProfile) -> Option<&'p CompositionProfile> {
    p.composition(
        v.composition_profile
            .as_deref()
            .unwrap_or(&p.default_composition_profile),
    )
}

fn member_ids<'a>(v: &'a Vcpc, out: &mut Collector) -> HashSet<&'a str> {
    let mut ids = HashSet::new();
    for (i, m) in v.members.iter().enumerate() {
        if !ids.insert(m.id.as_str()) {
            out.push(
                Code::DuplicateId,
                pointer(&pointer("/members", i), "id"),
                Params::new().with("id", m.id.as_str()),
            );
        }
    }
    ids
}

/// What the composition check found, item by item (used by the functionality index).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Composition {
    /// Exactly one chair, and eligible.
    pub chair_ok: bool,
    /// Exactly one member secretary, and eligible.
    pub member_secretary_ok: bool,
    /// Required memberships met, of the profile's total.
    pub required_met: usize,
    /// The profile's number of required memberships.
    pub required_total: usize,
    /// Child representatives complete and of the right ages.
    pub children_ok: bool,
}

fn eligible(m: &Member, rule: &OfficeRule) -> bool {
    rule.roles.contains(&m.role)
        && (rule.conditions.is_empty()
            || rule.conditions.iter().any(|c| {
                c.sex.is_none_or(|s| s == m.sex)
                    && (c.social_groups.is_empty()
                        || m.social_group.is_some_and(|g| c.social_groups.contains(&g)))
            }))
}

fn roles_json(roles: &[Role]) -> serde_json::Value {
    serde_json::to_value(roles).unwrap_or_default()
}

fn check_office(
    v: &Vcpc,
    office: Office,
    rule: &OfficeRule,
    profile: &str,
    codes: (Code, Code),
    out: &mut Option<&mut Collector>,
) -> bool {
    let holders: Vec<(usize, &Member)> = v
        .members
        .iter()
        .enumerate()
        .filter(|(_, m)| m.office == office)
        .collect();
    let name = if office == Office::Chair {
        "chair"
    } else {
        "member_secretary"
    };
    let Some(&(first, holder)) = holders.first() else {
        if let Some(o) = out.as_deref_mut() {
            o.push(codes.0, "/members", Params::new());
        }
        return false;
    };
    let mut ok = true;
    for &(i, _) in holders.iter().skip(1) {
        ok = false;
        if let Some(o) = out.as_deref_mut() {
            o.push(
                Code::OfficeHeldTwice,
                pointer(&pointer("/members", i), "office"),
                Params::new().with("office", name),
            );
        }
    }
    if !eligible(holder, rule) {
        ok = false;
        if let Some(o) = out.as_deref_mut() {
            o.push(
                codes.1,
                pointer(&pointer("/members", first), "role"),
                Params::new()
                    .with("allowed", roles_json(&rule.roles))
                    .with("profile", profile),
            );
        }
    }
    ok
}

/// A member counts for a requirement by role (any adult role when none is listed:
/// child representatives are counted separately) and, if given, by sex.
fn counts_for(req: &RoleRequirement, m: &Member) -> bool {
    let role = if req.roles.is_empty() {
        m.role != Role::Child
    } else {
        req.roles.contains(&m.role)
    };
    role && req.sex.is_none_or(|s| s == m.sex)
}

/// Check composition against `profile`; push diagnostics when `out` is given.
pub fn assess_composition(
    v: &Vcpc,
    profile: &CompositionProfile,
    mut out: Option<&mut Collector>,
) -> Composition {
    let chair_ok = check_office(
        v,
        Office::Chair,
        &profile.chair,
        &profile.id,
        (Code::ChairMissing, Code::ChairNotEligible),
        &mut out,
    );
    let member_secretary_ok = check_office(
        v,
        Office::MemberSecretary,
        &profile.member_secretary,
        &profile.id,
        (
            Code::MemberSecretaryMissing,
            Code::MemberSecretaryNotEligible,
        ),
        &mut out,
    );
    let mut required_met = 0;
    for req in &profile.required {
        let found = v.members.iter().filter(|m| counts_for(req, m)).count();
        if found >= req.minimum as usize {
            required_met += 1;
        } else if let Some(o) = out.as_deref_mut() {
            o.push(
                Code::RequiredRoleMissing,
                "/members",
                Params::new()
                    .with("profile", profile.id.as_str())
                    .with("role", req.label.as_str())
                    .with("minimum", req.minimum)
                    .with("found", found),
            );
        }
    }
    let rep = &profile.children;
    let mut children_ok = true;
    let (mut total, mut girls, mut boys) = (0u32, 0u32, 0u32);
    for (i, m) in v
        .members
        .iter()
        .enumerate()
        .filter(|(_, m)| m.role == Role::Child)
    {
        total += 1;
        girls += u32::from(m.sex == Sex::Female);
        boys += u32::from(m.sex == Sex::Male);
        let path = pointer(&pointer("/members", i), "age");
        match m.age {
            None => {
                children_ok = false;
                if let Some(o) = out.as_deref_mut() {
                    o.push(Code::AgeMissing, path, Params::new());
                }
            }
            Some(a) if a < rep.min_age || a > rep.max_age => {
                children_ok = false;
                if let Some(o) = out.as_deref_mut() {
                    o.push(
                        Code::ChildRepresentativeAge,
                        path,
                        Params::new()
                            .with("age", a)
                            .with("minimum", rep.min_age)
                            .with("maximum", rep.max_age),
                    );
                }
            }
            Some(_) => {}
        }
    }
    for (needed, found, sex) in [
        (rep.minimum, total, "any"),
        (rep.girls, girls, "female"),
        (rep.boys, boys, "male"),
    ] {
        if found < needed {
            children_ok = false;
            if let Some(o) = out.as_deref_mut() {
                o.push(
                    Code::ChildRepresentativesMissing,
                    "/members",
                    Params::new()
                        .with("profile", profile.id.as_str())
                        .with("minimum", needed)
                        .with("sex", sex)
                        .with("found", found),
                );
            }
        }
    }
    Composition {
        chair_ok,
        member_secretary_ok,
        required_met,
        required_total: profile.required.len(),
        children_ok,
    }
}

/// Members needed for a quorum: the profile's fraction of all members, rounded up, at least one.
pub fn quorum_required(members: usize, fraction: f64) -> usize {
    ((members as f64 * fraction).ceil() as usize).max(1)
}

/// Distinct members of the committee present at a meeting.
pub fn present(meeting: &Meeting, ids: &HashSet<&str>) -> usize {
    meeting
        .attendees
        .iter()
        .map(String::as_str)
        .filter(|a| ids.contains(a))
        .collect::<HashSet<_>>()
        .len()
}

fn check_meetings(
    v: &Vcpc,
    profile: &CompositionProfile,
    ids: &HashSet<&str>,
    today: NaiveDate,
    out: &mut Collector,
) {
    let required = quorum_required(v.members.len(), profile.quorum_fraction);
    for (i, m) in v.meetings.iter().enumerate() {
        let path = pointer("/meetings", i);
        if m.date < v.formation.date {
            out.push(
                Code::MeetingBeforeFormation,
                pointer(&path, "date"),
                Params::new()
                    .with("date", m.date.to_string())
                    .with("formed", v.formation.date.to_string()),
            );
        }
        check_not_future(out, pointer(&path, "date"), "meeting", m.date, today);
        for (j, a) in m.attendees.iter().enumerate() {
            if !ids.contains(a.as_str()) {
                out.push(
                    Code::UnknownReference,
                    pointer(&pointer(&path, "attendees"), j),
                    Params::new()
                        .with("id", a.as_str())
                        .with("collection", "members"),
                );
            }
        }
        let n = present(m, ids);
        if n < required {
            out.push(
                Code::QuorumNotMet,
                pointer(&path, "attendees"),
                Params::new()
                    .with("present", n)
                    .with("members", v.members.len())
                    .with("required", required),
            );
        }
        if !m.minutes_recorded {
            out.push(
                Code::MinutesMissing,
                pointer(&path, "minutes_recorded"),
                Params::new().with("date", m.date.to_string()),
            );
        }
    }
    // Regularity: gaps longer than the profile allows, from formation to today.
    let mut dates: Vec<(usize, NaiveDate)> = v
        .meetings
        .iter()
        .map(|m| m.date)
        .enumerate()
        .filter(|(_, d)| *d <= today)
        .collect();
    dates.sort_by_key(|(_, d)| *d);
    let max =
        Duration::try_days(i64::from(profile.max_days_between_meetings)).unwrap_or(Duration::MAX);
    let mut previous = v.formation.date;
    for (i, d) in &dates {
        if *d - previous > max {
            gap(
                out,
                pointer(&pointer("/meetings", i), "date"),
                previous,
                *d,
                profile,
            );
        }
        previous = previous.max(*d);
    }
    if today - previous > max && v.formation.date <= today {
        gap(out, "/meetings".to_owned(), previous, today, profile);
    }
}

fn gap(
    out: &mut Collector,
    path: String,
    from: NaiveDate,
    to: NaiveDate,
    profile: &CompositionProfile,
) {
    out.push(
        Code::MeetingGap,
        path,
        Params::new()
            .with("days", (to - from).num_days())
            .with("date", to.to_string())
            .with("maximum", profile.max_days_between_meetings),
    );
}

fn check_formation(v: &Vcpc, today: NaiveDate, out: &mut Collector) {
    let f = &v.formation;
    check_not_future(out, "/formation/date", "formation", f.date, today);
    match &f.gram_sabha_resolution {
        None => out.push(
            Code::ResolutionMissing,
            "/formation/gram_sabha_resolution",
            Params::new(),
        ),
        Some(r) if r.date > f.date => dates_out_of_order(
            out,
            "/formation/date",
            ("gram_sabha_resolution", r.date.to_string()),
            ("formation", f.date.to_string()),
        ),
        Some(_) => {}
    }
}

fn check_trainings(v: &Vcpc, ids: &HashSet<&str>, today: NaiveDate, out: &mut Collector) {
    for (i, t) in v.trainings.iter().enumerate() {
        let path = pointer("/trainings", i);
        check_not_future(out, pointer(&path, "date"), "training", t.date, today);
        for (j, a) in t.attendees.iter().enumerate() {
            if !ids.contains(a.as_str()) {
                out.push(
                    Code::UnknownReference,
                    pointer(&pointer(&path, "attendees"), j),
                    Params::new()
                        .with("id", a.as_str())
                        .with("collection", "members"),
                );
            }
        }
    }
}

fn check_register(v: &Vcpc, today: NaiveDate, p: &RuleProfile, out: &mut Collector) {
    let mut seen = HashSet::new();
    for (i, e) in v.register.iter().enumerate() {
        let path = pointer("/register", i);
        crate::privacy::check_child_id(&e.child_id, pointer(&path, "child_id"), out);
        check_register_age(e, &path, p, out);
        if !seen.insert(e.child_id.as_str()) {
            out.push(
                Code::DuplicateId,
                pointer(&path, "child_id"),
                Params::new().with("id", e.child_id.as_str()),
            );
        }
        check_not_future(
            out,
            pointer(&path, "listed_on"),
            "listed_on",
            e.listed_on,
            today,
        );
        if let Some(r) = e.last_reviewed.filter(|r| *r < e.listed_on) {
            dates_out_of_order(
                out,
                pointer(&path, "last_reviewed"),
                ("listed_on", e.listed_on.to_string()),
                ("last_reviewed", r.to_string()),
            );
        }
    }
}
