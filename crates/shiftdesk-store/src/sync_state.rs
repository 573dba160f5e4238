//! `sync-state.json`: how far this desk has read each site's stream, its last clock, and the
//! newest clock of each desk's events it has applied. Written whole, atomically, after the
//! save it follows.

use crate::DataDir;
use crate::atomic::{to_pretty_json, write_atomic};
use crate::json_file::read_bytes;
use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};
use shiftdesk_core::sync::Hlc;
use std::collections::BTreeMap;
use std::path::PathBuf;

pub const SYNC_STATE_FILE: &str = "sync-state.json";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SyncState {
    /// Per site: the last stream sequence applied here.
    pub checkpoints: BTreeMap<String, u64>,
    /// This desk's newest clock.
    pub clock: Hlc,
    /// Per desk code: the newest clock of that desk's events applied here.
    pub seen: BTreeMap<String, Hlc>,
}

pub fn sync_state_path(dir: &DataDir) -> PathBuf {
    dir.root().join(SYNC_STATE_FILE)
}

impl SyncState {
    /// The state on disk; a missing file is the start.
    pub fn load(dir: &DataDir) -> Result<SyncState> {
        let path = sync_state_path(dir);
        match read_bytes(&path)? {
            Some(bytes) => serde_json::from_slice(&bytes)
                .with_context(|| format!("reading {}: not a sync state", path.display())),
            None => Ok(SyncState::default()),
        }
    }

    /// Writes the state (atomic). Call under the lock.
    pub fn save(&self, dir: &DataDir) -> Result<()> {
        write_atomic(&sync_state_path(dir), &to_pretty_json(self)?)
    }

    /// Takes in what another writer of the same data dir saved: the furthest of each.
    pub fn merge(&mut self, other: &SyncState) {
        for (site, seq) in &other.checkpoints {
            let mine = self.checkpoints.entry(site.clone()).or_default();
            *mine = (*mine).max(*seq);
        }
        self.clock = self.clock.max(other.clock);
        for (desk, clock) in &other.seen {
            let mine = self.seen.entry(desk.clone()).or_default();
            *mine = (*mine).max(*clock);
        }
    }
}
