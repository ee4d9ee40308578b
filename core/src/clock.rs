//! "Today" for every rule: India's date (Asia/Kolkata, a fixed UTC+05:30 with no
//! daylight saving), unless the caller passes a date. Judging deadlines on the
//! UTC date would put a child identified between 00:00 and 05:30 IST on the
//! previous day and refuse the record as dated in the future.
//!
//! The browser package passes the device's own local date instead, since a
//! phone knows where it is.

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};

/// India Standard Time is UTC plus this many minutes, all year round.
pub const IST_OFFSET_MINUTES: i64 = 5 * 60 + 30;

/// India's date at the instant `now`.
pub fn india_date_at(now: DateTime<Utc>) -> NaiveDate {
    (now.naive_utc() + TimeDelta::minutes(IST_OFFSET_MINUTES)).date()
}

/// India's date now.
pub fn today_in_india() -> NaiveDate {
    india_date_at(Utc::now())
}

/// The given date, or India's date now when none is given.
pub fn today_or_india(given: Option<NaiveDate>) -> NaiveDate {
    given.unwrap_or_else(today_in_india)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn india_is_ahead_of_utc_before_midnight_utc() {
        // 20:00 UTC on 24 November is 01:30 on 25 November in India.
        let at = Utc.with_ymd_and_hms(2026, 11, 24, 20, 0, 0).single();
        assert_eq!(at.map(india_date_at), NaiveDate::from_ymd_opt(2026, 11, 25));
        // 18:29:59 UTC is still 23:59:59 the same day in India.
        let at = Utc.with_ymd_and_hms(2026, 11, 24, 18, 29, 59).single();
        assert_eq!(at.map(india_date_at), NaiveDate::from_ymd_opt(2026, 11, 24));
        assert_eq!(
            today_or_india(NaiveDate::from_ymd_opt(2020, 1, 2)),
            NaiveDate::from_ymd_opt(2020, 1, 2).unwrap_or_default()
        );
    }
}
