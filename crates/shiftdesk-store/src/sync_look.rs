//! What a data dir holds of sync, read without opening the desk: for `shiftdesk sync
//! status` and `doctor`.

use crate::sync_side::SyncSide;
use crate::{DataDir, SyncSettings};
use chrono::{DateTime, Utc};
use std::collections::HashMap;

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SyncLook {
    /// This desk's events not yet acknowledged by its site's server.
    pub unsent: usize,
    /// Per site: the last stream sequence applied here.
    pub checkpoints: HashMap<String, u64>,
    /// The newest event this data dir holds, made here or elsewhere.
    pub last_event: Option<DateTime<Utc>>,
}

/// The outbox, the checkpoints and the last event of a synced data dir.
pub fn look(dir: &DataDir, settings: &SyncSettings) -> anyhow::Result<SyncLook> {
    let (side, _) = SyncSide::open(dir, settings)?;
    // The newest clock this desk made or applied: its time is the event's, or a little
    // after when a desk's clock ran behind.
    let newest = side
        .state
        .seen
        .values()
        .chain([&side.state.clock])
        .map(|h| h.ms)
        .max()
        .filter(|&ms| ms > 0)
        .and_then(DateTime::from_timestamp_millis);
    Ok(SyncLook {
        unsent: side.unsent_count(),
        checkpoints: side.state.checkpoints.clone().into_iter().collect(),
        last_event: side.last_event_at.max(newest),
    })
}
