//! Diagnostics shared by the rules of every kind, so a future date or two dates
//! in the wrong order read the same wherever they occur.

use chrono::NaiveDate;

use crate::diagnostic::{Code, Collector, LazyPath, Params};

/// Push `date_in_future` when `date` is after `today`; returns whether it was.
pub fn check_not_future(
    out: &mut Collector,
    path: impl LazyPath,
    field: &str,
    date: NaiveDate,
    today: NaiveDate,
) -> bool {
    let future = date > today;
    if future {
        out.push(
            Code::DateInFuture,
            path.path(),
            Params::new()
                .with("field", field)
                .with("date", date.to_string())
                .with("today", today.to_string()),
        );
    }
    future
}

/// Push `dates_out_of_order`: `later` (field, shown value) comes before `earlier`.
pub fn dates_out_of_order(
    out: &mut Collector,
    path: impl LazyPath,
    earlier: (&str, String),
    later: (&str, String),
) {
    out.push(
        Code::DatesOutOfOrder,
        path.path(),
        Params::new()
            .with("earlier_field", earlier.0)
            .with("earlier", earlier.1)
            .with("later_field", later.0)
            .with("later", later.1),
    );
}
