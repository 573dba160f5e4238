//! When the desk calls for attention: given what stands now (facts about the incidents, the
//! time, and what was called before), which calls to make. No clock and no terminal: the
//! caller passes the time in and decides how a call is heard (a bell, a notification, a hook).
//!
//! Never a storm: at most one call per incident per reason within [`Settings::every`],
//! whatever the ticks; nothing for an incident whose form the operator is typing in.

mod facts;
#[cfg(test)]
mod tests;

pub use facts::{Before, deadline_facts, inject_facts, is_action, raised_elsewhere, snapshot};

use crate::incident::IncidentId;
use chrono::{DateTime, Duration, Utc};
use std::collections::BTreeMap;

/// Why the desk calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reason {
    /// A report or status-update deadline is [`Settings::before`] away.
    DeadlineSoon,
    /// A deadline has passed (called at once, then every [`Settings::every`] while nobody acts).
    Overdue,
    /// A drill's inject came due.
    InjectDue,
    /// Another desk opened, escalated or reclassified an incident to severity 1–2.
    RaisedElsewhere,
    /// A save failed: the changes are held in memory only.
    NotSaved,
}

impl Reason {
    /// The kind of call as a hook is told it (`SHIFTDESK_ALERT_KIND`).
    pub fn id(self) -> &'static str {
        match self {
            Reason::DeadlineSoon => "deadline_soon",
            Reason::Overdue => "overdue",
            Reason::InjectDue => "inject_due",
            Reason::RaisedElsewhere => "raised_elsewhere",
            Reason::NotSaved => "not_saved",
        }
    }
}

/// How early and how often the desk calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// How long before a deadline the desk calls (2 minutes).
    pub before: Duration,
    /// The least time between two calls for one incident and reason, and how often an
    /// overdue incident nobody acts on is called again (5 minutes).
    pub every: Duration,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            before: Duration::minutes(2),
            every: Duration::minutes(5),
        }
    }
}

/// Something that stands now and may call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// None for the desk as a whole (a failed save).
    pub incident: Option<IncidentId>,
    pub reason: Reason,
    /// The deadline (or the inject's time) the fact is about.
    pub deadline: Option<DateTime<Utc>>,
    /// The last time someone acted on the incident.
    pub last_action: Option<DateTime<Utc>>,
    pub drill: bool,
}

/// A call to make now.
pub type Call = Fact;

/// What was called, and when: kept between ticks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Called {
    last: BTreeMap<(Option<IncidentId>, Reason), LastCall>,
}

/// When a call was made, and the occasion it was about (a deadline, an inject's time, the
/// change that raised an incident).
type LastCall = (DateTime<Utc>, Option<DateTime<Utc>>);

impl Called {
    /// When this incident was last called for this reason.
    pub fn last(&self, incident: Option<&IncidentId>, reason: Reason) -> Option<DateTime<Utc>> {
        self.last
            .get(&(incident.cloned(), reason))
            .map(|(at, _)| *at)
    }
}

/// The calls to make at `now` among `facts`, remembered in `called`. `typing_in`: the
/// incident whose form the operator is typing in (it does not call while they type).
pub fn calls(
    facts: Vec<Fact>,
    now: DateTime<Utc>,
    called: &mut Called,
    settings: &Settings,
    typing_in: Option<&IncidentId>,
) -> Vec<Call> {
    let mut out = Vec::new();
    for fact in facts {
        if fact.incident.is_some() && fact.incident.as_ref() == typing_in {
            continue;
        }
        let key = (fact.incident.clone(), fact.reason);
        if out
            .iter()
            .any(|c: &Call| c.incident == fact.incident && c.reason == fact.reason)
        {
            continue;
        }
        // What makes this a new occasion: its deadline (or inject's time), else the change
        // that raised it.
        let occasion = fact.deadline.or(fact.last_action);
        let due = match called.last.get(&key) {
            None => true,
            Some(&(at, _)) if now - at < settings.every => false,
            // A new deadline, inject or raise: called as soon as the interval allows.
            Some(&(_, before)) if before != occasion => true,
            // The same one again: only what stays wrong (overdue, not saved) is called
            // again, and only when nobody has acted on it for a whole interval.
            Some(&(at, _)) => {
                matches!(fact.reason, Reason::Overdue | Reason::NotSaved)
                    && now - fact.last_action.map_or(at, |a| a.max(at)) >= settings.every
            }
        };
        if due {
            called.last.insert(key, (now, occasion));
            out.push(fact);
        }
    }
    out
}
