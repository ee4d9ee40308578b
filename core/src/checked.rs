//! Date and count arithmetic that cannot overflow, and the range of dates the
//! library accepts.
//!
//! chrono's `+`/`-` on dates and `Duration::hours`/`days` panic outside their
//! range (about ±262 000 years). A schema-valid record such as a case
//! identified on `+262142-12-31T00:00:00Z`, or a profile patch with a day count
//! of four billion, must give a diagnostic, never a panic: rules compute with
//! these helpers, and the structural validator (module `validate`) refuses
//! with `date_out_of_range` every `date` or `date-time` outside
//! [`EARLIEST`]..=[`LATEST`], so no rule ever sees one.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta};

/// The earliest date a record may carry (a date of birth of the oldest adult in a household).
pub const EARLIEST: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// The latest date a record may carry (planned dates lie a few years ahead at most).
pub const LATEST: NaiveDate = match NaiveDate::from_ymd_opt(2199, 12, 31) {
    Some(d) => d,
    None => NaiveDate::MAX,
};

/// Whether a date lies in the accepted range.
pub fn in_range(d: NaiveDate) -> bool {
    (EARLIEST..=LATEST).contains(&d)
}

/// The accepted range as text, for messages.
pub fn range_text() -> String {
    format!("{EARLIEST}–{LATEST}")
}

/// `t` plus `hours`; `None` when the result is not representable.
pub fn add_hours(t: DateTime<FixedOffset>, hours: i64) -> Option<DateTime<FixedOffset>> {
    TimeDelta::try_hours(hours).and_then(|d| t.checked_add_signed(d))
}

/// `d` plus `days` (negative: minus); `None` when the result is not representable.
pub fn add_days(d: NaiveDate, days: i64) -> Option<NaiveDate> {
    TimeDelta::try_days(days).and_then(|delta| d.checked_add_signed(delta))
}

/// `d` plus `days`, clamped to the representable dates: a window reaching past
/// the calendar's end simply covers everything.
pub fn add_days_saturating(d: NaiveDate, days: i64) -> NaiveDate {
    add_days(d, days).unwrap_or(if days < 0 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    })
}

/// Days from `from` to `to` (never overflows: the span of representable dates fits easily).
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    to.signed_duration_since(from).num_days()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn arithmetic_at_the_ends_of_time_gives_none_not_a_panic() {
        assert_eq!(add_days(NaiveDate::MAX, 1), None);
        assert_eq!(add_days(d(2026, 1, 1), i64::MAX), None);
        assert_eq!(add_days(d(2026, 1, 31), 1), Some(d(2026, 2, 1)));
        assert_eq!(add_days_saturating(NaiveDate::MIN, -5), NaiveDate::MIN);
        assert_eq!(add_days_saturating(d(2026, 1, 1), i64::MAX), NaiveDate::MAX);
        let end = NaiveDate::MAX.and_hms_opt(23, 0, 0).unwrap_or_default();
        let t = end.and_utc().fixed_offset();
        assert_eq!(add_hours(t, 24), None);
        assert_eq!(
            add_hours(t, -24).map(|x| x.date_naive()),
            add_days(NaiveDate::MAX, -1)
        );
        assert_eq!(add_hours(t, i64::MAX), None);
        assert!(days_between(NaiveDate::MIN, NaiveDate::MAX) > 0);
    }
}
