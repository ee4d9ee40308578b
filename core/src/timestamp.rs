//! Reading RFC 3339 date-times quickly.
//!
//! A case carries a dozen date-times, and chrono's general parser spent about
//! a fifth of the time of validating one. Nearly every date-time a form or a
//! file sends has one shape, `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`: that
//! shape is read here byte by byte, and anything else (a space for `T`, a leap
//! second, odd widths) goes to chrono, so the accepted texts and their values
//! are exactly chrono's (a property test holds the two together).
//!
//! The serde helpers ([`de`], [`de_option`]) are what the record types'
//! date-time fields deserialise with.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Deserializer};

/// Digits `b[range]` as a number; `None` when any byte is not a digit.
fn number(b: &[u8], range: std::ops::Range<usize>) -> Option<u32> {
    let digits = b.get(range)?;
    digits.iter().try_fold(0u32, |n, &c| {
        c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
    })
}

/// A date-time of the common shape, read but not yet assembled.
struct Parts {
    date: NaiveDate,
    hour: u32,
    minute: u32,
    second: u32,
    nano: u32,
    /// Seconds east of UTC.
    offset: i32,
}

/// The common shape read directly; `None` when `text` is not in it (which
/// says nothing about whether chrono would accept it). Every field is in
/// range when this says `Some`, so assembling the parts cannot fail (a
/// four-digit year shifted by less than a day stays within chrono's range).
fn common_parts(text: &str) -> Option<Parts> {
    let b = text.as_bytes();
    let sep = |i: usize, c: u8| b.get(i) == Some(&c);
    if !(sep(4, b'-') && sep(7, b'-') && sep(10, b'T') && sep(13, b':') && sep(16, b':')) {
        return None;
    }
    let year = i32::try_from(number(b, 0..4)?).ok()?;
    let date = NaiveDate::from_ymd_opt(year, number(b, 5..7)?, number(b, 8..10)?)?;
    let (hour, minute, second) = (number(b, 11..13)?, number(b, 14..16)?, number(b, 17..19)?);
    // Second 60 (a leap second) is chrono's to read.
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let mut at = 19;
    let mut nano = 0u32;
    if sep(at, b'.') {
        let digits = b
            .get(at + 1..)?
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if digits == 0 || digits > 9 {
            return None;
        }
        nano = number(b, at + 1..at + 1 + digits)? * 10u32.pow(9 - digits as u32);
        at += 1 + digits;
    }
    let offset = match b.get(at..)? {
        [b'Z'] => 0,
        [sign @ (b'+' | b'-'), rest @ ..] if rest.len() == 5 && rest[2] == b':' => {
            let (h, m) = (number(rest, 0..2)?, number(rest, 3..5)?);
            if h > 23 || m > 59 {
                return None;
            }
            let secs = i32::try_from(h * 3600 + m * 60).ok()?;
            if *sign == b'-' {
                -secs
            } else {
                secs
            }
        }
        _ => return None,
    };
    Some(Parts {
        date,
        hour,
        minute,
        second,
        nano,
        offset,
    })
}

/// The common shape as a date-time (see [`common_parts`]).
fn common(text: &str) -> Option<DateTime<FixedOffset>> {
    let p = common_parts(text)?;
    let offset = FixedOffset::east_opt(p.offset)?;
    p.date
        .and_hms_nano_opt(p.hour, p.minute, p.second, p.nano)?
        .and_local_timezone(offset)
        .single()
}

/// The calendar date an RFC 3339 date-time is written on (its own offset's
/// date, as `parse_rfc3339(text)?.date_naive()`), without assembling the
/// date-time when the text has the common shape: what the structural check
/// needs of the dozen date-times a case carries.
pub fn rfc3339_local_date(text: &str) -> Option<NaiveDate> {
    match common_parts(text) {
        Some(p) => Some(p.date),
        None => DateTime::parse_from_rfc3339(text)
            .ok()
            .map(|t| t.date_naive()),
    }
}

/// An RFC 3339 date-time as chrono's `DateTime::parse_from_rfc3339` reads it.
pub fn parse_rfc3339(text: &str) -> Option<DateTime<FixedOffset>> {
    common(text).or_else(|| DateTime::parse_from_rfc3339(text).ok())
}

/// A date-time as chrono's own serde impl reads it (its relaxed RFC 3339).
fn parse_relaxed(text: &str) -> Option<DateTime<FixedOffset>> {
    common(text).or_else(|| text.parse().ok())
}

struct Visit;

impl serde::de::Visitor<'_> for Visit {
    type Value = DateTime<FixedOffset>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an RFC 3339 date-time")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Self::Value, E> {
        parse_relaxed(text).ok_or_else(|| E::custom(format!("not an RFC 3339 date-time: {text}")))
    }
}

/// Deserialise a date-time field (`#[serde(deserialize_with = "crate::timestamp::de")]`).
pub fn de<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<FixedOffset>, D::Error> {
    d.deserialize_str(Visit)
}

/// Deserialise an optional date-time field (absent or `null`: none).
pub fn de_option<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<DateTime<FixedOffset>>, D::Error> {
    #[derive(Deserialize)]
    struct Wrap(#[serde(deserialize_with = "de")] DateTime<FixedOffset>);
    Ok(Option::<Wrap>::deserialize(d)?.map(|Wrap(t)| t))
}

/// A date in the common `YYYY-MM-DD` shape, read directly; `None` when the
/// text is not in that shape or names no day (a caller falls back to chrono).
pub(crate) fn common_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let year = i32::try_from(number(b, 0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(b, 5..7)?, number(b, 8..10)?)
}

/// A calendar date as chrono's `NaiveDate::from_str` reads it.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    common_date(text).or_else(|| text.parse().ok())
}

struct VisitDate;

impl serde::de::Visitor<'_> for VisitDate {
    type Value = NaiveDate;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a date, YYYY-MM-DD")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Self::Value, E> {
        parse_date(text).ok_or_else(|| E::custom(format!("not a date: {text}")))
    }
}

/// Deserialise a date field (`#[serde(deserialize_with = "crate::timestamp::date")]`).
pub fn date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    d.deserialize_str(VisitDate)
}

/// Deserialise an optional date field (absent or `null`: none).
pub fn date_option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    #[derive(Deserialize)]
    struct Wrap(#[serde(deserialize_with = "date")] NaiveDate);
    Ok(Option::<Wrap>::deserialize(d)?.map(|Wrap(t)| t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn chrono_strict(t: &str) -> Option<DateTime<FixedOffset>> {
        DateTime::parse_from_rfc3339(t).ok()
    }

    #[test]
    fn common_forms_read_as_chrono_reads_them() {
        for t in [
            "2026-11-02T10:30:00+05:30",
            "2026-11-02T10:30:00Z",
            "2026-11-02T10:30:00.5-03:00",
            "2026-11-02T10:30:00.123456789+05:30",
            "1900-01-01T00:00:00-00:00",
            "2024-02-29T23:59:59+14:00",
        ] {
            assert!(common(t).is_some(), "{t} is the common shape");
            assert_eq!(parse_rfc3339(t), chrono_strict(t), "{t}");
            assert_eq!(common(t), t.parse().ok(), "{t} relaxed");
        }
    }

    #[test]
    fn other_forms_fall_back_to_chrono() {
        for t in [
            "2026-11-02 10:30:00+05:30",
            "2026-11-02t10:30:00z",
            "2016-12-31T23:59:60Z",
            "2026-11-02T10:30:00.1234567891Z",
            "2026-02-30T10:30:00Z",
            "2026-11-02T24:00:00Z",
            "2026-11-02T10:30:00+24:00",
            "2026-11-02T10:30:00",
            "२०२६-11-02T10:30:00Z",
            "",
        ] {
            assert!(common(t).is_none(), "{t} is not the common shape");
            assert_eq!(parse_rfc3339(t), chrono_strict(t), "{t}");
            assert_eq!(parse_relaxed(t), t.parse().ok(), "{t} relaxed");
        }
    }

    proptest! {
        /// Whatever the fields (valid or not), the fast reader never disagrees
        /// with chrono: when it reads a text, chrono reads the same instant and offset.
        #[test]
        fn agrees_with_chrono(
            y in 0u32..10000, mo in 0u32..14, d in 0u32..33, h in 0u32..26, mi in 0u32..62,
            s in 0u32..62, frac in proptest::option::of("[0-9]{1,10}"),
            off in prop_oneof![Just("Z".to_owned()), (0u32..26, 0u32..62, any::<bool>())
                .prop_map(|(h, m, neg)| format!("{}{h:02}:{m:02}", if neg { '-' } else { '+' }))],
        ) {
            let frac = frac.map(|f| format!(".{f}")).unwrap_or_default();
            let t = format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{frac}{off}");
            prop_assert_eq!(parse_rfc3339(&t), chrono_strict(&t));
            prop_assert_eq!(parse_relaxed(&t), t.parse::<DateTime<FixedOffset>>().ok());
            // Equal instants are not enough: the offset must be the text's too.
            if let (Some(fast), Some(slow)) = (common(&t), chrono_strict(&t)) {
                prop_assert_eq!(fast.offset(), slow.offset());
            }
            prop_assert!(common(&t).is_none() || chrono_strict(&t).is_some());
            // The structural check's date: the one written, as chrono gives it.
            prop_assert_eq!(rfc3339_local_date(&t), chrono_strict(&t).map(|d| d.date_naive()));
            prop_assert_eq!(common_parts(&t).is_some(), common(&t).is_some());
        }
    }

    proptest! {
        /// The fast date reader reads what chrono's `FromStr` reads, and only that.
        #[test]
        fn dates_agree_with_chrono(y in 0u32..10000, m in 0u32..14, d in 0u32..33,
                                   other in "[-+0-9]{0,12}") {
            let t = format!("{y:04}-{m:02}-{d:02}");
            prop_assert_eq!(parse_date(&t), t.parse::<NaiveDate>().ok());
            prop_assert_eq!(parse_date(&other), other.parse::<NaiveDate>().ok());
            prop_assert!(common_date(&t).is_none() || t.parse::<NaiveDate>().is_ok());
        }
    }

    #[test]
    fn serde_fields_read_through_the_fast_path() -> Result<(), serde_json::Error> {
        #[derive(Deserialize)]
        struct R {
            #[serde(deserialize_with = "de")]
            at: DateTime<FixedOffset>,
            #[serde(default, deserialize_with = "de_option")]
            due: Option<DateTime<FixedOffset>>,
        }
        let r: R = serde_json::from_value(
            serde_json::json!({"at": "2026-11-02T10:30:00+05:30", "due": null}),
        )?;
        assert_eq!(Some(r.at), chrono_strict("2026-11-02T10:30:00+05:30"));
        assert_eq!(r.due, None);
        let r: R = serde_json::from_value(
            serde_json::json!({"at": "2026-11-02 10:30:00Z", "due": "2026-11-03T10:30:00Z"}),
        )?;
        assert_eq!(Some(r.at), "2026-11-02 10:30:00Z".parse().ok());
        assert_eq!(r.due, chrono_strict("2026-11-03T10:30:00Z"));
        let bad = serde_json::from_value::<R>(serde_json::json!({"at": "yesterday"}));
        assert!(bad.is_err());
        Ok(())
    }
}
