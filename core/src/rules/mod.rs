//! The rules of each record kind beyond its shape. Each module implements
//! [`crate::record::Record`] for one kind; thresholds come from the rule profile.

pub mod case;
pub mod common;
pub mod referral;
pub mod vcpc;
