//! # suraksha
//!
//! Community child protection in India, as a library: Village Child Protection
//! Committees (VCPCs), cases of children at risk and their referrals to
//! services, with the statutory rules (JJ Act 2015, POCSO 2012, PCMA 2006,
//! CALPRA 1986/2016, RTE 2009) kept as data in a versioned [`RuleProfile`].
//!
//! Everything is reached through a coarse API ([`api`]): give a record
//! [`Kind`] and a JSON value or string, get back a [`Report`] of coded
//! [`Diagnostic`]s with JSON Pointer paths, in English or Hindi. The Python and
//! WebAssembly packages wrap exactly this API.
//!
//! ```
//! use suraksha::{api, Context, Kind};
//!
//! let ctx = Context::default();
//! let report = api::validate_str(Kind::Referral, r#"{"id": "R1"}"#, &ctx)?;
//! assert!(!report.valid);
//! assert_eq!(report.diagnostics[0].code.as_str(), "missing_field");
//! assert_eq!(report.diagnostics[0].path, "/case_id");
//! # Ok::<(), suraksha::Error>(())
//! ```
//!
//! Modules, bottom to top (each uses only those before it, checked by a test):
//! [`diagnostic`] and [`codes`], [`kind`], [`validate`] (compiled schemas),
//! [`profile`], [`context`], [`record`], the domain modules, and [`api`].
#![forbid(unsafe_code)]

pub mod actions;
pub mod api;
pub mod batch;
pub mod boundary;
pub mod cci;
pub mod checked;
pub mod clock;
pub mod codes;
#[cfg(feature = "arrow")]
pub mod columnar;
pub mod context;
pub mod diagnostic;
pub mod dna;
pub mod error;
pub mod export;
pub mod indicators;
pub mod kind;
pub mod labels;
pub mod law;
pub mod model;
pub mod pipeline;
pub mod privacy;
pub mod profile;
mod profile_default;
mod profile_law;
pub mod record;
pub mod report;
pub mod rules;
pub mod scoring;
pub mod tasks;
pub mod terms;
pub mod timestamp;
pub mod triage;
pub mod validate;
pub mod workflow;

/// The README's Rust code blocks, compiled and run as doctests so they cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;

pub use context::{Context, Limits, Options};
pub use diagnostic::{Code, Diagnostic, Locale, Report, Severity};
pub use error::{Category, Error};
pub use kind::Kind;
pub use profile::{DisclosureRule, RuleProfile};
pub use record::Record;
