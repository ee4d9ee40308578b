//! The VCPC functionality index [ours, built on published checklists]: 0–100
//! over constitution, composition, meetings, quorum, register, plans,
//! referrals, child participation, training and linkages. Each item's points
//! come from the profile; each item reports what it earned, what it could have
//! earned and the evidence, so every point is traceable.

use std::collections::{BTreeMap, HashSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::context::Context;
use crate::model::{Role, Vcpc};
use crate::rules::vcpc::{assess_composition, composition_profile, present, quorum_required};

/// Functionality band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    /// Score at or above the profile's `functional_from`.
    Functional,
    /// Score at or above `semi_functional_from`.
    SemiFunctional,
    /// Below.
    NonFunctional,
}

/// One scored item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Item {
    /// Item id, `domain.item`.
    pub id: String,
    /// Points earned.
    pub earned: f64,
    /// Points available.
    pub possible: f64,
    /// Share of the item achieved (0–1); `evidence` says what it was computed from.
    pub achieved: f64,
    /// The evidence, in words.
    pub evidence: String,
}

/// The index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Functionality {
    /// Total score, 0–100.
    pub score: f64,
    /// Band.
    pub band: Band,
    /// Score by domain (the part of the item id before the dot).
    pub domains: BTreeMap<String, f64>,
    /// Every item, earned or lost.
    pub items: Vec<Item>,
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        (n as f64 / d as f64).min(1.0)
    }
}

/// Score a committee with the context's profile (unknown composition profiles score zero on composition).
pub fn functionality(v: &Vcpc, ctx: &Context<'_>) -> Functionality {
    let rules = &ctx.profile.functionality;
    let window_start =
        crate::checked::add_days_saturating(ctx.today, -i64::from(rules.window_days));
    let ids: HashSet<&str> = v.members.iter().map(|m| m.id.as_str()).collect();
    let recent: Vec<_> = v
        .meetings
        .iter()
        .filter(|m| m.date > window_start && m.date <= ctx.today)
        .collect();
    let profile = composition_profile(v, &ctx.profile);
    let comp = profile.map(|p| assess_composition(v, p, None));

    let mut achieved: Vec<(&str, f64, String)> = Vec::new();
    let yes = |b: bool| if b { 1.0 } else { 0.0 };
    achieved.push((
        "constitution.gram_sabha_resolution",
        yes(v.formation.gram_sabha_resolution.is_some()),
        format!(
            "resolution recorded: {}",
            v.formation.gram_sabha_resolution.is_some()
        ),
    ));
    let c = comp.unwrap_or(crate::rules::vcpc::Composition {
        chair_ok: false,
        member_secretary_ok: false,
        required_met: 0,
        required_total: 1,
        children_ok: false,
    });
    achieved.push((
        "composition.chair",
        yes(c.chair_ok),
        format!("eligible chair: {}", c.chair_ok),
    ));
    achieved.push((
        "composition.member_secretary",
        yes(c.member_secretary_ok),
        format!("eligible member secretary: {}", c.member_secretary_ok),
    ));
    achieved.push((
        "composition.required_members",
        ratio(c.required_met, c.required_total),
        format!(
            "{} of {} required memberships",
            c.required_met, c.required_total
        ),
    ));
    achieved.push((
        "composition.child_representatives",
        yes(c.children_ok),
        format!("child representatives complete: {}", c.children_ok),
    ));
    // Expected meetings in the window (or since formation, if later).
    let since = v.formation.date.max(window_start);
    let days = usize::try_from(crate::checked::days_between(since, ctx.today)).unwrap_or(0);
    let interval = profile.map_or(31, |p| p.max_days_between_meetings.max(1) as usize);
    let expected = days.div_ceil(interval).max(1);
    achieved.push((
        "meetings.regular",
        ratio(recent.len(), expected),
        format!("{} meetings in window, {} expected", recent.len(), expected),
    ));
    let minuted = recent.iter().filter(|m| m.minutes_recorded).count();
    achieved.push((
        "meetings.minuted",
        ratio(minuted, recent.len()),
        format!("{minuted} of {} minuted", recent.len()),
    ));
    let required = quorum_required(v.members.len(), profile.map_or(0.5, |p| p.quorum_fraction));
    let quorate = recent
        .iter()
        .filter(|m| present(m, &ids) >= required)
        .count();
    achieved.push((
        "meetings.quorate",
        ratio(quorate, recent.len()),
        format!("{quorate} of {} quorate", recent.len()),
    ));
    achieved.push((
        "register.kept",
        yes(!v.register.is_empty()),
        format!("{} children listed", v.register.len()),
    ));
    let fresh_from =
        crate::checked::add_days_saturating(ctx.today, -i64::from(rules.register_fresh_days));
    let fresh = v
        .register
        .iter()
        .any(|e| e.last_reviewed.unwrap_or(e.listed_on) >= fresh_from);
    achieved.push((
        "register.up_to_date",
        yes(fresh),
        format!("entry listed or reviewed since {fresh_from}: {fresh}"),
    ));
    achieved.push((
        "plan.village_plan",
        yes(v.plans.village_plan),
        format!("village plan: {}", v.plans.village_plan),
    ));
    achieved.push((
        "plan.in_gpdp",
        yes(v.plans.in_gpdp),
        format!("in GPDP: {}", v.plans.in_gpdp),
    ));
    achieved.push((
        "referrals.made",
        yes(v.referrals.made > 0),
        format!("{} referrals made", v.referrals.made),
    ));
    achieved.push((
        "referrals.followed_up",
        ratio(v.referrals.followed_up as usize, v.referrals.made as usize),
        format!(
            "{} of {} followed up",
            v.referrals.followed_up, v.referrals.made
        ),
    ));
    let child_ids: HashSet<&str> = v
        .members
        .iter()
        .filter(|m| m.role == Role::Child)
        .map(|m| m.id.as_str())
        .collect();
    let with_children = recent
        .iter()
        .filter(|m| {
            m.children_present > 0 || m.attendees.iter().any(|a| child_ids.contains(a.as_str()))
        })
        .count();
    achieved.push((
        "participation.children",
        ratio(with_children, recent.len()),
        format!(
            "children took part in {with_children} of {} meetings",
            recent.len()
        ),
    ));
    let trained: HashSet<&str> = v
        .trainings
        .iter()
        .flat_map(|t| t.attendees.iter().map(String::as_str))
        .filter(|a| ids.contains(a))
        .collect();
    achieved.push((
        "training.members_trained",
        ratio(trained.len(), v.members.len()),
        format!("{} of {} members trained", trained.len(), v.members.len()),
    ));
    achieved.push((
        "linkages.bcpc",
        yes(v.linkages.bcpc),
        format!("linked to BCPC: {}", v.linkages.bcpc),
    ));
    achieved.push((
        "linkages.dcpu",
        yes(v.linkages.dcpu),
        format!("linked to DCPU: {}", v.linkages.dcpu),
    ));

    let items: Vec<Item> = achieved
        .into_iter()
        .map(|(id, share, evidence)| {
            let possible = rules.points.get(id).copied().unwrap_or(0.0);
            Item {
                id: id.to_owned(),
                earned: round2(possible * share),
                possible,
                achieved: round2(share),
                evidence,
            }
        })
        .collect();
    let mut domains: BTreeMap<String, f64> = BTreeMap::new();
    for it in &items {
        let domain = it.id.split('.').next().unwrap_or(&it.id).to_owned();
        *domains.entry(domain).or_default() += it.earned;
    }
    let score = round2(items.iter().map(|i| i.earned).sum());
    let band = if score >= rules.functional_from {
        Band::Functional
    } else if score >= rules.semi_functional_from {
        Band::SemiFunctional
    } else {
        Band::NonFunctional
    };
    Functionality {
        score,
        band,
        domains,
        items,
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
