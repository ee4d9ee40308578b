//! Date and count arithmetic that cannot overflow, and the range of dates the
//! library accepts.
//!
//! chrono's `+`/`-` on dates and `Duration::hours`/`days` panic outside their
//! range (about ±262 000 years). A schema-valid record such as a case
//! identified on `+262142-12-31T00:00:00Z`, or a profile patch with a day count
//! of four billion, must give a diagnostic, never a panic: rules compute with
//! these helpers, and records are refused with `date_out_of_range` before any
//! rule runs when one of their dates lies outside [`EARLIEST`]..=[`LATEST`].

use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta};
use serde_json::Value;

use crate::diagnostic::{pointer, Code, Collector, Params};

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

/// Deepest nesting the date walk follows; deeper values were refused by the
/// parser or the structural check already.
const MAX_DEPTH: usize = 256;

/// Push `date_out_of_range` for every `date` or `date-time` in `value` (as its
/// JSON Schema `root` places them) outside [`EARLIEST`]..=[`LATEST`].
/// Returns whether any was found.
pub fn check_dates(root: &Value, value: &Value, out: &mut Collector) -> bool {
    let mut walk = DateWalk {
        root,
        found: false,
        out,
    };
    walk.visit(root, value, "", 0);
    walk.found
}

struct DateWalk<'a, 'o> {
    root: &'a Value,
    found: bool,
    out: &'o mut Collector,
}

impl<'a> DateWalk<'a, '_> {
    fn resolve(&self, schema: &'a Value) -> &'a Value {
        // Follow local references (`#/$defs/Name`) a bounded number of times.
        let mut s = schema;
        for _ in 0..16 {
            match s.get("$ref").and_then(Value::as_str) {
                Some(r) => match r.strip_prefix('#').and_then(|p| self.root.pointer(p)) {
                    Some(target) => s = target,
                    None => return s,
                },
                None => return s,
            }
        }
        s
    }

    /// Visit `value` under `schema`; returns whether a diagnostic was pushed at `path`.
    fn visit(&mut self, schema: &'a Value, value: &Value, path: &str, depth: usize) -> bool {
        if depth > MAX_DEPTH {
            return false;
        }
        let s = self.resolve(schema);
        if let (Some(format), Value::String(text)) =
            (s.get("format").and_then(Value::as_str), value)
        {
            if self.date(format, text, path) {
                return true;
            }
        }
        for key in ["anyOf", "oneOf", "allOf"] {
            for branch in s.get(key).and_then(Value::as_array).into_iter().flatten() {
                // One diagnostic per field even when several branches apply.
                if self.visit(branch, value, path, depth + 1) {
                    return true;
                }
            }
        }
        match value {
            Value::Object(map) => {
                let props = s.get("properties").and_then(Value::as_object);
                let extra = s.get("additionalProperties").filter(|a| a.is_object());
                for (k, v) in map {
                    if let Some(sub) = props.and_then(|p| p.get(k)).or(extra) {
                        self.visit(sub, v, &pointer(path, k), depth + 1);
                    }
                }
            }
            Value::Array(items) => {
                if let Some(sub) = s.get("items").filter(|i| i.is_object()) {
                    for (i, v) in items.iter().enumerate() {
                        self.visit(sub, v, &pointer(path, i), depth + 1);
                    }
                }
            }
            _ => {}
        }
        false
    }

    fn date(&mut self, format: &str, text: &str, path: &str) -> bool {
        let date = match format {
            "date" => text.parse::<NaiveDate>().ok(),
            "date-time" => DateTime::parse_from_rfc3339(text)
                .ok()
                .map(|t| t.date_naive()),
            _ => None,
        };
        match date {
            Some(d) if !in_range(d) => {
                self.out.push(
                    Code::DateOutOfRange,
                    path,
                    Params::new()
                        .with("value", text)
                        .with("range", range_text()),
                );
                self.found = true;
                true
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Locale;
    use serde_json::json;

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

    #[test]
    fn dates_outside_the_range_are_coded_with_their_path() {
        let schema = json!({
            "type": "object",
            "properties": {
                "a": {"type": "string", "format": "date"},
                "b": {"anyOf": [{"$ref": "#/$defs/T"}, {"type": "null"}]},
                "c": {"type": "array", "items": {"type": "string", "format": "date-time"}}
            },
            "$defs": {"T": {"type": "string", "format": "date"}}
        });
        let value = json!({
            "a": "+262142-12-31",
            "b": "1899-12-31",
            "c": ["2026-01-01T00:00:00Z", "2200-01-01T00:00:00+05:30"]
        });
        let mut out = Collector::new(Locale::En);
        assert!(check_dates(&schema, &value, &mut out));
        let report = out.into_report();
        let got: Vec<(&str, &str)> = report
            .diagnostics
            .iter()
            .map(|d| (d.code.as_str(), d.path.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("date_out_of_range", "/a"),
                ("date_out_of_range", "/b"),
                ("date_out_of_range", "/c/1")
            ]
        );
        let mut ok = Collector::new(Locale::En);
        assert!(!check_dates(&schema, &json!({"a": "2026-11-25"}), &mut ok));
    }
}
