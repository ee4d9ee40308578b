//! Property tests: merge laws of partial aggregates and suppression safety.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: fail loudly

use proptest::prelude::*;
use suraksha::indicators::{
    is_safe, suppress, table_groups, AgeBands, Catalogue, Count, Dimension, Engine, GeoLevel,
    Group, Partial, RosterColumns, Suppression, TableOptions, MISSING,
};

type Row = (u32, u32, u8, u8, u8, u8, u8, u8, Option<bool>, bool, u8);

fn row() -> impl Strategy<Value = Row> {
    (
        0..3u32,
        0..4u32,
        0..3u8,
        prop_oneof![9 => 0..25u8, 1 => Just(MISSING)],
        prop_oneof![4 => 0..5u8, 1 => Just(MISSING)],
        0..4u8,
        0..4u8,
        prop_oneof![3 => 10..25u8, 1 => Just(MISSING)],
        proptest::option::of(any::<bool>()),
        any::<bool>(),
        prop_oneof![4 => 0..4u8, 1 => Just(MISSING)],
    )
}

fn columns(rows: &[Row]) -> RosterColumns {
    let mut c = RosterColumns::default();
    for &(block, village, sex, age, school, work, marital, aam, reg, dis, social) in rows {
        c.district.push(1);
        c.block.push(10 + block);
        c.village.push(100 * (10 + block) + village);
        c.sex.push(sex);
        c.age.push(age);
        c.school_status.push(school);
        c.work.push(work);
        c.work_hours.push(MISSING);
        c.marital_status.push(marital);
        c.age_at_marriage
            .push(if marital == 0 { MISSING } else { aam });
        c.birth_registered.push(reg);
        c.disability.push(dis);
        c.social_group.push(social);
    }
    c
}

fn engine() -> (Catalogue, Engine) {
    let cat = Catalogue::builtin().unwrap();
    let engine = Engine::new(&cat, AgeBands::default()).unwrap();
    (cat, engine)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn merge_is_associative_commutative_and_partitions_equal_one_pass(
        rows in proptest::collection::vec(row(), 0..400),
        cut1 in 0.0..1.0f64,
        cut2 in 0.0..1.0f64,
    ) {
        let (_, engine) = engine();
        let cols = columns(&rows);
        let n = cols.len();
        let (i, j) = {
            let (a, b) = ((cut1 * n as f64) as usize, (cut2 * n as f64) as usize);
            (a.min(b), a.max(b))
        };
        let a = engine.accumulate_range(&cols, 0..i).unwrap();
        let b = engine.accumulate_range(&cols, i..j).unwrap();
        let c = engine.accumulate_range(&cols, j..n).unwrap();
        let ab_c = a.merge(&b).unwrap().merge(&c).unwrap();
        let a_bc = a.merge(&b.merge(&c).unwrap()).unwrap();
        prop_assert_eq!(&ab_c, &a_bc);
        prop_assert_eq!(a.merge(&b).unwrap(), b.merge(&a).unwrap());
        prop_assert_eq!(&ab_c, &engine.accumulate(&cols).unwrap());
        prop_assert_eq!(a.merge(&engine.empty()).unwrap(), a.clone());
        let round: Partial = serde_json::from_str(&serde_json::to_string(&ab_c).unwrap()).unwrap();
        prop_assert_eq!(round, ab_c);
    }

    #[test]
    fn no_suppressed_cell_can_be_recomputed_from_its_siblings_and_total(
        rows in proptest::collection::vec(row(), 0..600),
        threshold in 1..15u64,
        by_sex in any::<bool>(),
        by_band in any::<bool>(),
        level in prop_oneof![Just(GeoLevel::District), Just(GeoLevel::Block), Just(GeoLevel::Village)],
    ) {
        let (cat, engine) = engine();
        let partial = engine.accumulate(&columns(&rows)).unwrap();
        let mut by = Vec::new();
        if by_sex { by.push(Dimension::Sex); }
        if by_band { by.push(Dimension::AgeBand); }
        let rule = Suppression { threshold, ..Suppression::default() };
        let opts = TableOptions { level, by, suppression: rule, ..TableOptions::default() };
        for table in partial.tables(&cat, &opts).unwrap() {
            let groups = table_groups(&table);
            let hidden: Vec<bool> = table.rows.iter().map(|r| r.suppressed).collect();
            prop_assert!(is_safe(&groups, &hidden), "{}", table.indicator);
            for r in &table.rows {
                // Published cells are never small; hidden ones show nothing but "<k"
                // (small) or "*" (hidden only to protect a small sibling).
                if let (Some(x), Some(n)) = (r.numerator, r.denominator) {
                    let small = rule.primary(Count { numerator: x, denominator: n });
                    prop_assert!(!small, "published small cell");
                } else {
                    let shown = [format!("<{}", threshold), Suppression::COMPLEMENTARY_DISPLAY.to_owned()];
                    prop_assert!(r.suppressed && r.value.is_none() && shown.contains(&r.display), "bad hidden cell");
                }
            }
            for g in &groups {
                let members: Vec<&_> = std::iter::once(g.total).chain(g.children.iter().copied()).map(|i| &table.rows[i]).collect();
                prop_assert_ne!(members.iter().filter(|r| r.suppressed).count(), 1);
            }
        }
    }

    #[test]
    fn suppress_is_safe_on_arbitrary_groups(
        counts in proptest::collection::vec((0..40u64, 0..40u64), 1..30),
        raw_groups in proptest::collection::vec((0..30usize, proptest::collection::vec(0..30usize, 1..6)), 0..10),
        threshold in 1..20u64,
    ) {
        let cells: Vec<Count> = counts.iter().map(|&(a, b)| Count { numerator: a.min(b), denominator: b }).collect();
        let n = cells.len();
        let groups: Vec<Group> = raw_groups
            .into_iter()
            .map(|(t, ch)| {
                let mut children: Vec<usize> = ch.into_iter().map(|c| c % n).filter(|c| *c != t % n).collect();
                children.sort_unstable();
                children.dedup();
                Group { total: t % n, children }
            })
            // A total is the sum of at least one distinct part, as in every table.
            .filter(|g| !g.children.is_empty())
            .collect();
        let rule = Suppression { threshold, ..Suppression::default() };
        let hidden = suppress(&cells, &groups, &rule);
        prop_assert!(is_safe(&groups, &hidden));
        for (c, h) in cells.iter().zip(&hidden) {
            if rule.primary(*c) { prop_assert!(*h); }
        }
    }
}
