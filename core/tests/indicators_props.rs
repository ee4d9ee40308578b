//! Property tests: merge laws of partial aggregates and suppression safety.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: fail loudly

use proptest::prelude::*;
use suraksha::indicators::{
    is_safe, is_safe_nested, suppress, AgeBands, Catalogue, Count, Dimension, Engine, GeoLevel,
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

}

proptest! {
    // Each case builds every table and audits each hidden cell with an LP: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn every_hidden_cell_keeps_its_protection_range(
        rows in proptest::collection::vec(row(), 0..300),
        threshold in 1..15u64,
        by_sex in any::<bool>(),
        level in prop_oneof![Just(GeoLevel::District), Just(GeoLevel::Block), Just(GeoLevel::Village)],
    ) {
        let (cat, engine) = engine();
        let partial = engine.accumulate(&columns(&rows)).unwrap();
        let by = if by_sex { vec![Dimension::Sex] } else { Vec::new() };
        let rule = Suppression { threshold: Some(threshold), ..Suppression::default() };
        let opts = TableOptions { level, by, suppression: rule, ..TableOptions::default() };
        for table in partial.tables(&cat, &opts).unwrap() {
            let m = partial.suppression_model(&cat, &table.indicator, &opts).unwrap();
            prop_assert!(is_safe_nested(&m.cells, &m.groups, &m.nests, &m.hidden, &rule), "{}", table.indicator);
            prop_assert_eq!(m.range(&table.indicator).unwrap().len(), table.rows.len());
            for r in &table.rows {
                // Published cells are never small; hidden ones show one mark and no numerator.
                prop_assert!(r.denominator.is_some());
                if let (Some(x), Some(n)) = (r.numerator, r.denominator) {
                    let small = rule.primary(Count { numerator: x, denominator: n, ..Count::default() });
                    // Only a table the catalogue publishes in full (a data-quality count) shows small cells.
                    prop_assert!(!small || table.unsuppressed.is_some(), "published small cell");
                } else {
                    prop_assert!(r.suppressed && r.value.is_none() && r.display == Suppression::MARK, "bad hidden cell");
                }
            }
        }
    }

}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn suppress_is_safe_on_two_way_tables(
        inner in proptest::collection::vec((0..40u64, 0..60u64), 4..16),
        cols in 2..4usize,
        threshold in 1..20u64,
    ) {
        // A (rows × cols) table with row, column and grand totals.
        let cols = cols.min(inner.len());
        let rows = inner.len() / cols;
        let cell = |r: usize, c: usize| { let (a, b) = inner[r * cols + c]; Count { numerator: a.min(b), denominator: b, ..Count::default() } };
        let mut cells = vec![Count::default()];
        let sum = |cs: &mut dyn Iterator<Item = Count>| cs.fold(Count::default(), |mut a, b| { a.add(b); a });
        for r in 0..rows { cells.push(sum(&mut (0..cols).map(|c| cell(r, c)))); }
        for c in 0..cols { cells.push(sum(&mut (0..rows).map(|r| cell(r, c)))); }
        for r in 0..rows { for c in 0..cols { cells.push(cell(r, c)); } }
        cells[0] = sum(&mut (1..=rows).map(|i| cells[i]));
        let inner_at = |r: usize, c: usize| 1 + rows + cols + r * cols + c;
        let mut groups = vec![
            Group { total: 0, children: (1..=rows).collect() },
            Group { total: 0, children: (rows + 1..=rows + cols).collect() },
        ];
        for r in 0..rows { groups.push(Group { total: 1 + r, children: (0..cols).map(|c| inner_at(r, c)).collect() }); }
        for c in 0..cols { groups.push(Group { total: 1 + rows + c, children: (0..rows).map(|r| inner_at(r, c)).collect() }); }
        let rule = Suppression { threshold: Some(threshold), ..Suppression::default() };
        let hidden = suppress(&cells, &groups, &rule);
        prop_assert!(is_safe(&cells, &groups, &hidden, &rule));
        for (c, h) in cells.iter().zip(&hidden) {
            if rule.primary(*c) { prop_assert!(*h); }
        }
    }
}
