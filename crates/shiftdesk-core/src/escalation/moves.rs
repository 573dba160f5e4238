//! The moves up the route its clock made, told in the timeline: each written once, when a
//! desk first notices it, stamped with when it happened.

use super::RouteProgress;
use crate::incident::Incident;
use crate::timeline::EntryKind;
use chrono::{DateTime, Utc};

/// The route went from a level to the next because the level's time ran out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MoveByTime {
    pub from: usize,
    pub to: usize,
    pub at: DateTime<Utc>,
    /// How long the level had: its report-within and escalate-after minutes.
    pub minutes: i64,
}

/// Whether the timeline tells the move up to level `to` by time on the incident's route as
/// it is now. A route resolved again starts afresh: entries from before it do not count.
pub fn move_logged(incident: &Incident, to: usize) -> bool {
    let start = incident
        .route
        .as_ref()
        .map_or(incident.detected_at, |r| r.starts_at(incident.detected_at));
    incident
        .timeline
        .iter()
        .any(|e| e.kind == EntryKind::MovedUpByTime && e.level == Some(to) && e.at >= start)
}

/// The moves by time the progress shows that the timeline does not tell yet, earliest first.
pub fn unlogged_moves(incident: &Incident, progress: &RouteProgress) -> Vec<MoveByTime> {
    progress
        .moves_by_time()
        .filter(|(_, to, _)| !move_logged(incident, *to))
        .map(|(from, to, at)| MoveByTime {
            from,
            to,
            at,
            minutes: progress.levels[from]
                .started
                .map_or(0, |started| (at - started).num_minutes()),
        })
        .collect()
}
