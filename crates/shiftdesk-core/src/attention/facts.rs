//! What stands now that may call: deadlines near or passed, injects come due, incidents
//! raised to severity 1–2 by another desk. Read from the incidents, the roster and the time.

use super::{Fact, Reason, Settings};
use crate::escalation::{next_update_due, route_progress};
use crate::incident::{Incident, IncidentId};
use crate::roster::Roster;
use crate::severity::Severity;
use crate::timeline::{EntryKind, TimelineEntry};
use chrono::{DateTime, Duration, Utc};

/// Whether a timeline entry is someone acting on the incident, not the desk's own clock
/// (a move up the route by time, a drill's inject, a rotation resolved).
pub fn is_action(entry: &TimelineEntry) -> bool {
    !matches!(
        entry.kind,
        EntryKind::MovedUpByTime | EntryKind::Inject | EntryKind::OnDutyResolved
    )
}

/// The last time someone acted on the incident.
fn last_action(incident: &Incident) -> Option<DateTime<Utc>> {
    incident
        .timeline
        .iter()
        .filter(|e| is_action(e))
        .map(|e| e.at)
        .max()
}

/// Each open incident's report or status-update deadline (the one the incidents pane counts
/// down to), when it is within
/// `settings.before` or has passed.
pub fn deadline_facts<'a>(
    incidents: impl IntoIterator<Item = &'a Incident>,
    roster: &Roster,
    now: DateTime<Utc>,
    settings: &Settings,
) -> Vec<Fact> {
    let mut out = Vec::new();
    for inc in incidents.into_iter().filter(|i| i.is_open()) {
        let progress = route_progress(inc, roster, now);
        // As the incidents pane counts: the first report, late, stays late whatever level
        // the route went up to since.
        let late_first = progress
            .first_report_late_by(now)
            .and(progress.first_deadline());
        let Some(due) = late_first
            .or_else(|| progress.current_deadline())
            .or_else(|| next_update_due(inc, &progress, roster))
        else {
            continue;
        };
        let reason = if now >= due {
            Reason::Overdue
        } else if due - now <= settings.before {
            Reason::DeadlineSoon
        } else {
            continue;
        };
        out.push(Fact {
            incident: Some(inc.id.clone()),
            reason,
            deadline: Some(due),
            last_action: last_action(inc),
            drill: inc.drill,
        });
    }
    out
}

/// A drill's latest inject, when it came due within the last minute.
pub fn inject_facts<'a>(
    incidents: impl IntoIterator<Item = &'a Incident>,
    now: DateTime<Utc>,
) -> Vec<Fact> {
    incidents
        .into_iter()
        .filter(|i| i.is_open())
        .filter_map(|inc| {
            let run = inc.drill_run.as_ref()?;
            let n = run.due_count(now);
            let due = run.due_at(run.injects.get(n.checked_sub(1)?)?);
            (now - due < Duration::minutes(1)).then(|| Fact {
                incident: Some(inc.id.clone()),
                reason: Reason::InjectDue,
                deadline: Some(due),
                last_action: last_action(inc),
                drill: true,
            })
        })
        .collect()
}

/// What an incident was before another desk's changes were read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Before {
    pub incident: IncidentId,
    pub severity: Severity,
    pub escalations: usize,
}

/// The incidents as they are, to compare with after another desk's changes.
pub fn snapshot<'a>(incidents: impl IntoIterator<Item = &'a Incident>) -> Vec<Before> {
    incidents
        .into_iter()
        .map(|i| Before {
            incident: i.id.clone(),
            severity: i.severity,
            escalations: i.escalations.len(),
        })
        .collect()
}

/// Open incidents of severity 1–2 that another desk opened, escalated, or reclassified
/// to 1–2: `before` is how they stood before its changes were read.
pub fn raised_elsewhere<'a>(
    before: &[Before],
    after: impl IntoIterator<Item = &'a Incident>,
) -> Vec<Fact> {
    after
        .into_iter()
        .filter(|i| i.is_open() && i.severity.number() <= 2)
        .filter(|i| match before.iter().find(|b| b.incident == i.id) {
            None => true,
            Some(b) => b.severity.number() > 2 || i.escalations.len() > b.escalations,
        })
        .map(|i| Fact {
            incident: Some(i.id.clone()),
            reason: Reason::RaisedElsewhere,
            deadline: None,
            last_action: last_action(i),
            drill: i.drill,
        })
        .collect()
}
