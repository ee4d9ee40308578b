//! Survey microdata (the child roster) and the indicator engine.
//!
//! - [`RosterRow`]: one household member aged 0–24 (kind `roster_row`), and
//!   [`RosterColumns`], the same data as columns for fast, bulk work.
//! - [`Catalogue`]: indicators as data (numerator and denominator
//!   [`Predicate`]s); the built-in one has SDG 5.3.1, 16.9.1, 8.7.1 (CALPRA
//!   ages), out-of-school 6–14 and girls 15–17 married.
//! - [`generate`]: a seeded synthetic roster for the pilot district, and
//!   [`read_roster`] / [`roster_to_csv`] for CSV and NDJSON files.
//! - [`Engine`]: one pass over columns into a mergeable [`Partial`] aggregate.
//! - [`Partial::table`]: any geography level and breakdown, with 95 % Wilson
//!   intervals and small-cell [`Suppression`] on by default.
//!
//! ```
//! use suraksha::indicators::{AgeBands, Catalogue, Engine, RosterColumns, TableOptions};
//!
//! let catalogue = Catalogue::builtin().map_err(|r| r.to_string())?;
//! let engine = Engine::new(&catalogue, AgeBands::default()).map_err(|r| r.to_string())?;
//! let columns = RosterColumns::default(); // fill from rows, values or Arrow arrays
//! let partial = engine.accumulate(&columns).map_err(|r| r.to_string())?;
//! let tables = partial.tables(&catalogue, &TableOptions::default()).map_err(|r| r.to_string())?;
//! assert_eq!(tables.len(), catalogue.indicators.len());
//! # Ok::<(), String>(())
//! ```

mod aggregate;
mod catalogue;
mod columns;
mod design;
pub mod generate;
mod io;
mod lp;
mod predicate;
mod records;
mod roster;
mod suppress;
mod table;

pub use aggregate::{
    weight_units, AgeBand, AgeBands, Cell, CellKey, Count, Engine, Partial, WEIGHT_UNIT,
};
pub use catalogue::{Catalogue, CompiledIndicator, Dimension, Indicator, Titles, Unit};
pub use columns::{Field, RejectedRow, RosterColumns, MISSING};
pub use design::Design;
#[cfg(feature = "arrow")]
pub(crate) use io::{cell_value, csv_data_lines, csv_header};
pub use io::{csv_values, read_roster, roster_to_csv, CSV_COLUMNS};
pub use predicate::{compile, Compiled, Op, Predicate, Test};
pub use roster::{MaritalStatus, RosterRow, Work, MAX_ROSTER_AGE, MIN_MARRIAGE_AGE_PLAUSIBLE};
pub use suppress::{
    feasible_range, feasible_range_nested, is_safe, is_safe_nested, suppress, suppress_nested,
    Group, Nest, Suppression,
};
pub use table::{wilson, GeoLevel, LeftOut, SuppressionModel, Table, TableOptions, TableRow, Z95};
