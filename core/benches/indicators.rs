//! Throughput of the indicator engine on a generated roster (plain timing, no
//! framework): `cargo bench -p suraksha --bench indicators [-- ROWS]`.
//! Prints rows per second for generation, one pass (parallel when the
//! `parallel` feature is on), merge and the suppressed tables.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a bench: fail loudly

use std::time::Instant;

use suraksha::indicators::generate::roster_columns;
use suraksha::indicators::{AgeBands, Catalogue, Dimension, Engine, GeoLevel, TableOptions};

fn main() {
    let rows: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(2_000_000);
    // About 3.3 members aged 0-24 per household, 63 villages.
    let households = u32::try_from(rows / (63 * 3) + 1).unwrap();
    let t = Instant::now();
    let base = roster_columns(1, households.min(2_000));
    let mut cols = base.clone();
    while cols.len() < rows {
        cols.extend(&base);
    }
    println!("generated {} rows in {:.2?}", cols.len(), t.elapsed());

    let cat = Catalogue::builtin().unwrap();
    let engine = Engine::new(&cat, AgeBands::default()).unwrap();
    for round in 0..3 {
        let t = Instant::now();
        let partial = engine.accumulate(&cols).unwrap();
        let secs = t.elapsed().as_secs_f64();
        println!(
            "pass {round}: {} rows, {} indicators, {} cells in {:.3} s = {:.1} M rows/s",
            partial.rows,
            partial.indicators.len(),
            partial.cells.len(),
            secs,
            partial.rows as f64 / secs / 1e6
        );
    }
    let partial = engine.accumulate(&cols).unwrap();
    let t = Instant::now();
    let merged = partial.merge(&partial).unwrap();
    println!(
        "merge of two partials ({} cells): {:.2?}",
        merged.cells.len(),
        t.elapsed()
    );
    let t = Instant::now();
    let opts = TableOptions {
        level: GeoLevel::Village,
        by: vec![Dimension::Sex, Dimension::AgeBand],
        ..TableOptions::default()
    };
    let tables = partial.tables(&cat, &opts).unwrap();
    let cells: usize = tables.iter().map(|t| t.rows.len()).sum();
    println!(
        "tables with suppression ({cells} cells): {:.2?}",
        t.elapsed()
    );
}
