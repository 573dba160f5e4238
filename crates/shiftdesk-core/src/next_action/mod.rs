//! The one next thing to do for an incident, in the order the flow gives: report first, then
//! the checklist, then close.

mod words;

pub use words::{deadline_words, due_words, next_deadline, sentence, update_words};

use crate::checklist::next_open_step;
use crate::escalation::{
    RouteProgress, contact_to_call, next_update_due, route_progress, untried_below,
};
use crate::incident::Incident;
use crate::obligation::{is_pressing, most_urgent};
use crate::roster::{Contact, Means, Roster};
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, PartialEq)]
pub enum NextAction<'r> {
    /// Report to this contact by the deadline: one of the current level, or of a level the
    /// route went up past whom nobody has called yet.
    Call {
        contact: &'r Contact,
        level: usize,
        means: Means,
        /// The deadline of the contact's level.
        deadline: DateTime<Utc>,
        /// The first report's deadline (the first level's), once it passed with nobody
        /// reached: how late the report is, whatever level the route is on.
        first_late: Option<DateTime<Utc>>,
        /// Everyone on the route was tried; this is a second round.
        again: bool,
        /// Others of the levels the route went up past whom nobody has called yet, level by
        /// level: still worth a call.
        not_called: Vec<(usize, &'r Contact)>,
    },
    /// The current level has nobody available (away, or not in the roster).
    NobodyAvailable {
        level: usize,
    },
    /// The status update to the people reached is overdue.
    GiveUpdate {
        contact: Option<&'r Contact>,
        due: DateTime<Utc>,
    },
    /// Do this obligation (index into `incident.obligations`): the most urgent, due within
    /// a day (or overdue), or with no step left before it.
    Obligation {
        index: usize,
    },
    /// Do this checklist step (index into `incident.checklist`).
    Step {
        index: usize,
    },
    /// Every step is done: close the incident.
    Close,
    Closed,
}

pub fn next_action<'r>(
    incident: &Incident,
    roster: &'r Roster,
    now: DateTime<Utc>,
) -> NextAction<'r> {
    next_action_with(
        incident,
        &route_progress(incident, roster, now),
        roster,
        now,
    )
}

/// As [`next_action`], for a caller that already has the route progress.
pub fn next_action_with<'r>(
    incident: &Incident,
    progress: &RouteProgress,
    roster: &'r Roster,
    now: DateTime<Utc>,
) -> NextAction<'r> {
    if !incident.is_open() {
        return NextAction::Closed;
    }
    if let (Some(current), Some(route)) = (progress.current, incident.route.as_ref()) {
        let mut below = untried_below(incident, progress, roster, now);
        // Once everyone on the last level was tried, the people below nobody called come
        // before a second round.
        let on_current = contact_to_call(incident, progress, roster, now)
            .filter(|_| !progress.route_exhausted || below.is_empty());
        let (contact, level) = match on_current {
            Some(contact) => (contact, current),
            None if !below.is_empty() => {
                let (level, contact) = below.remove(0);
                (contact, level)
            }
            None => return NextAction::NobodyAvailable { level: current },
        };
        let first_late = progress
            .first_report_late_by(now)
            .and(progress.first_deadline());
        return NextAction::Call {
            contact,
            level,
            means: route.levels[level].means,
            deadline: progress.levels[level].deadline.unwrap_or(now),
            first_late,
            again: progress.route_exhausted && level == current,
            not_called: below,
        };
    }
    if let Some(due) = next_update_due(incident, progress, roster).filter(|d| *d < now) {
        let contact = progress
            .reached
            .and_then(|i| incident.attempts.get(i))
            .and_then(|a| roster.contact(&a.contact));
        return NextAction::GiveUpdate { contact, due };
    }
    // A duty counted in days waits behind the report and the updates (minutes), and comes
    // before the checklist once it is due within a day.
    let duty = most_urgent(&incident.obligations);
    if let Some((index, _)) = duty.filter(|(_, o)| is_pressing(o.due, now)) {
        return NextAction::Obligation { index };
    }
    match (next_open_step(&incident.checklist), duty) {
        (Some(index), _) => NextAction::Step { index },
        (None, Some((index, _))) => NextAction::Obligation { index },
        (None, None) => NextAction::Close,
    }
}

#[cfg(test)]
mod tests;
