//! What a data dir holds of sync, read without opening the desk: for `shiftdesk sync
//! status` and `doctor`. A look takes no lock and writes nothing: the outbox is read as it
//! is (what the desk's next open would put right is left to it).

use crate::DataDir;
use crate::outbox::{outbox_path, read_lines};
use crate::sync_state::SyncState;
use chrono::{DateTime, Utc};
use shiftdesk_core::sync::Event;
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

/// The outbox, the checkpoints and the last event of a synced data dir, read only.
pub fn look(dir: &DataDir) -> anyhow::Result<SyncLook> {
    let outbox = read_lines(&outbox_path(dir))?.lines;
    let state = SyncState::load(dir)?;
    let events: Vec<Event> = outbox
        .iter()
        .filter_map(|(_, line)| Event::from_line(line).ok())
        .collect();
    let last_made = events.iter().map(|e| e.at).max();
    // The newest clock this desk made or applied (its outbox's events among it, as the
    // desk's open takes them in): its time is the event's, or a little after when a desk's
    // clock ran behind.
    let newest = state
        .seen
        .values()
        .chain([&state.clock])
        .chain(events.iter().map(|e| &e.clock))
        .map(|h| h.ms)
        .max()
        .filter(|&ms| ms > 0)
        .and_then(DateTime::from_timestamp_millis);
    Ok(SyncLook {
        unsent: outbox.len(),
        checkpoints: state.checkpoints.into_iter().collect(),
        last_event: last_made.max(newest),
    })
}
