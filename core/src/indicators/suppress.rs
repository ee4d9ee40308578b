//! Small-cell suppression (JJ Act s.74, POCSO s.23; domain.md §6).
//!
//! Primary: a cell is hidden when its denominator is below the threshold, its
//! numerator is between 1 and threshold − 1, or (with `complement`) the
//! people *not* counted are between 1 and threshold − 1 — a rate near 100 %
//! over a small group discloses as much as one near 0 %. True zeros are shown.
//!
//! Complementary: cells sit in groups of siblings that add up to a published
//! total (villages of a block, sexes of a village, ...). If exactly one member
//! of a group (the total or a child) is hidden, it could be recomputed by
//! subtraction, so the smallest visible sibling is hidden too (the total only
//! when every child is hidden already), repeated until no group has exactly
//! one hidden member. This is the standard one-equation audit; a determined
//! attacker combining several equations of a multi-way table can sometimes do
//! more, so keep breakdowns to one or two dimensions at village level.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::aggregate::Count;

/// Suppression settings. The default hides counts below 10 (domain.md §6 lists
/// 5, 10 and 11 as common thresholds; 10 is the middle one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Suppression {
    /// Turn suppression on (default) or off (for internal, non-published use only).
    pub enabled: bool,
    /// Counts below this are hidden (shown as `<threshold`).
    #[schemars(range(min = 1))]
    pub threshold: u64,
    /// Also hide rates where denominator − numerator is small.
    pub complement: bool,
}

impl Default for Suppression {
    fn default() -> Self {
        Suppression {
            enabled: true,
            threshold: 10,
            complement: true,
        }
    }
}

impl Suppression {
    /// The text shown in place of a cell hidden for its own small counts, e.g. `<10`.
    pub fn display(&self) -> String {
        format!("<{}", self.threshold)
    }

    /// The text shown in place of a cell hidden only so that a small cell cannot
    /// be recomputed from a total: its own counts may be large, so `<10` would
    /// mislead.
    pub const COMPLEMENTARY_DISPLAY: &'static str = "*";

    /// True when the cell must be hidden on its own counts.
    pub fn primary(&self, c: Count) -> bool {
        if !self.enabled {
            return false;
        }
        let small = |x: u64| x > 0 && x < self.threshold;
        let rest = c.denominator.saturating_sub(c.numerator);
        c.denominator < self.threshold || small(c.numerator) || (self.complement && small(rest))
    }
}

/// Sibling cells whose counts add up to `total` (indices into the cell list).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    /// The published total.
    pub total: usize,
    /// Its parts.
    pub children: Vec<usize>,
}

/// Which cells to hide: primary suppression, then complementary suppression
/// over `groups` until no group has exactly one hidden member.
pub fn suppress(cells: &[Count], groups: &[Group], rule: &Suppression) -> Vec<bool> {
    let mut hidden: Vec<bool> = cells.iter().map(|c| rule.primary(*c)).collect();
    if !rule.enabled {
        return hidden;
    }
    let is = |h: &[bool], i: usize| h.get(i).copied().unwrap_or(false);
    loop {
        let mut changed = false;
        for g in groups {
            let members = std::iter::once(g.total).chain(g.children.iter().copied());
            if members.filter(|&i| is(&hidden, i)).count() != 1 {
                continue;
            }
            // Smallest visible child by denominator, then numerator, then position.
            let pick = g
                .children
                .iter()
                .copied()
                .filter(|&i| !is(&hidden, i))
                .min_by_key(|&i| cells.get(i).map(|c| (c.denominator, c.numerator, i)))
                .or_else(|| (!is(&hidden, g.total)).then_some(g.total));
            if let Some(slot) = pick.and_then(|i| hidden.get_mut(i)) {
                *slot = true;
                changed = true;
            }
        }
        if !changed {
            return hidden;
        }
    }
}

/// True when no group has exactly one hidden member (the property [`suppress`] ensures).
pub fn is_safe(groups: &[Group], hidden: &[bool]) -> bool {
    groups.iter().all(|g| {
        std::iter::once(g.total)
            .chain(g.children.iter().copied())
            .filter(|&i| hidden.get(i).copied().unwrap_or(false))
            .count()
            != 1
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(numerator: u64, denominator: u64) -> Count {
        Count {
            numerator,
            denominator,
        }
    }

    #[test]
    fn primary_rules() {
        let r = Suppression::default();
        assert!(r.primary(c(0, 9)));
        assert!(!r.primary(c(0, 50)));
        assert!(r.primary(c(3, 50)));
        assert!(r.primary(c(45, 50)));
        assert!(!r.primary(c(20, 50)));
        assert!(!Suppression {
            complement: false,
            ..r
        }
        .primary(c(45, 50)));
        assert!(!Suppression {
            enabled: false,
            ..r
        }
        .primary(c(1, 2)));
    }

    #[test]
    fn a_lone_hidden_child_takes_the_smallest_sibling_with_it() {
        let cells = [c(60, 130), c(3, 30), c(20, 40), c(37, 60)];
        let groups = [Group {
            total: 0,
            children: vec![1, 2, 3],
        }];
        let hidden = suppress(&cells, &groups, &Suppression::default());
        assert_eq!(hidden, vec![false, true, true, false]);
        assert!(is_safe(&groups, &hidden));
    }

    #[test]
    fn a_hidden_total_hides_a_child() {
        // (Counts chosen to exercise the rule, not to add up.)
        let cells = [c(5, 60), c(20, 30), c(12, 25)];
        let groups = [Group {
            total: 0,
            children: vec![1, 2],
        }];
        let hidden = suppress(&cells, &groups, &Suppression::default());
        assert_eq!(hidden, vec![true, false, true]);
    }
}
