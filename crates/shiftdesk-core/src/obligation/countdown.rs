//! An obligation's countdown in days, by the calendar of the operator's zone: "5 days left"
//! turns to "4 days left" at midnight there, whatever hour the days are counted from.

use crate::clock::Zone;
use crate::i18n::{Lang, Msg, fill, t};
use chrono::{DateTime, Duration, Utc};

/// How far off a due moment is, in the days an operator counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DaysLeft {
    /// Due on a later day: this many days from today (1 is tomorrow).
    Left(i64),
    /// Due later today.
    Today,
    /// Passed, earlier today.
    OverdueToday,
    /// Passed, this many days ago (1: the due day was yesterday).
    Overdue(i64),
}

impl DaysLeft {
    pub fn is_overdue(self) -> bool {
        matches!(self, DaysLeft::OverdueToday | DaysLeft::Overdue(_))
    }
}

/// How far off `due` is at `now`, in calendar days of `zone`.
pub fn days_left(due: DateTime<Utc>, now: DateTime<Utc>, zone: &Zone) -> DaysLeft {
    let days = (zone.date(due) - zone.date(now)).num_days();
    match (due < now, days) {
        (false, 0) => DaysLeft::Today,
        (false, n) => DaysLeft::Left(n.max(1)),
        (true, 0) => DaysLeft::OverdueToday,
        (true, n) => DaysLeft::Overdue((-n).max(1)),
    }
}

/// Due within a day (or overdue): it comes before a checklist step on the Next line.
pub fn is_pressing(due: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    due - now <= Duration::days(1)
}

/// `5 days left`, `due today 18:00`, `OVERDUE 1 day`: for a narrow column; and whether it
/// is overdue.
pub fn left_words(
    due: DateTime<Utc>,
    lang: Lang,
    zone: &Zone,
    now: DateTime<Utc>,
) -> (String, bool) {
    let left = days_left(due, now, zone);
    let time = zone.clock(due, now);
    let words = match left {
        DaysLeft::Today => fill(lang, Msg::DutyDueToday, &[("time", &time)]),
        DaysLeft::OverdueToday => fill(lang, Msg::DutyOverdueToday, &[("time", &time)]),
        DaysLeft::Left(1) => t(lang, Msg::DutyOneDayLeft).to_string(),
        DaysLeft::Left(n) => fill(lang, Msg::DutyDaysLeft, &[("n", &n.to_string())]),
        DaysLeft::Overdue(1) => t(lang, Msg::DutyOverdueOneDay).to_string(),
        DaysLeft::Overdue(n) => fill(lang, Msg::DutyOverdueDays, &[("n", &n.to_string())]),
    };
    (words, left.is_overdue())
}

/// `5 days left (due 12-04 14:30)`, `due today 18:00`, `OVERDUE 1 day (due 11-28 14:30)`;
/// and whether it is overdue.
pub fn days_words(
    due: DateTime<Utc>,
    lang: Lang,
    zone: &Zone,
    now: DateTime<Utc>,
) -> (String, bool) {
    let (words, overdue) = left_words(due, lang, zone, now);
    match days_left(due, now, zone) {
        DaysLeft::Today | DaysLeft::OverdueToday => (words, overdue),
        _ => {
            let due = zone.clock(due, now);
            let args = [("left", words.as_str()), ("due", due.as_str())];
            (fill(lang, Msg::DutyDueOn, &args), overdue)
        }
    }
}
