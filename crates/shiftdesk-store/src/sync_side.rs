//! The store's side of sync: the events a synced desk makes with each saved change (into
//! the outbox and the event logs, in the save's own transaction), and the events that came
//! from other desks, applied in a transaction of their own.

use crate::DataDir;
use crate::atomic::Finish;
use crate::config::SyncSettings;
use crate::lock::LockGuard;
use crate::outbox::{
    append_lines, append_unsynced, events_dir, outbox_path, read_lines, recover_outbox,
};
use crate::sync_state::SyncState;
use anyhow::{Context, Result, bail};
use chrono::{DateTime, Utc};
use shiftdesk_core::change::{Applied, Change, ChangeError, Stamped};
use shiftdesk_core::incident::IncidentId;
use shiftdesk_core::roster::change::{RosterApplied, RosterChange, RosterError};
use shiftdesk_core::sync::{Event, EventChange, Hlc};
use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

pub const ROSTER_LOG: &str = "roster.jsonl";
pub const UNPLACED_LOG: &str = "unplaced.jsonl";

/// What applying a batch of events from other desks came to.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct RemoteOutcome {
    /// Events applied now (new here).
    pub applied: usize,
    /// Events already here: this desk's own coming back, or delivered twice.
    pub duplicates: usize,
    /// Events for an incident not known here yet, kept in `events/unplaced.jsonl`.
    pub unplaced: usize,
    /// What could not be applied, in words (kept in the event log all the same).
    pub refused: Vec<String>,
}

impl RemoteOutcome {
    pub fn add(&mut self, other: RemoteOutcome) {
        self.applied += other.applied;
        self.duplicates += other.duplicates;
        self.unplaced += other.unplaced;
        self.refused.extend(other.refused);
    }
}

/// A synced desk's state besides its data files.
pub struct SyncSide {
    pub settings: SyncSettings,
    pub(crate) dir: DataDir,
    pub(crate) state: SyncState,
    /// The outbox as last read or written.
    outbox: Vec<(String, String)>,
    outbox_ids: HashSet<String>,
    /// Events made since the last [`SyncSide::take_unpublished`].
    unpublished: Vec<(String, String)>,
    pub(crate) last_event_at: Option<DateTime<Utc>>,
    /// Event logs appended without a sync since the last acknowledgement.
    dirty_logs: std::collections::BTreeSet<PathBuf>,
}

/// Whether an incident id can name a file: letters, digits and dashes only.
fn log_name_ok(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

pub fn incident_log(dir: &DataDir, id: &IncidentId) -> Option<PathBuf> {
    let name = id.to_string();
    log_name_ok(&name).then(|| events_dir(dir).join(format!("{name}.jsonl")))
}

pub fn roster_log(dir: &DataDir) -> PathBuf {
    events_dir(dir).join(ROSTER_LOG)
}

pub fn unplaced_log(dir: &DataDir) -> PathBuf {
    events_dir(dir).join(UNPLACED_LOG)
}

/// The events of a log file, in file order, first of an id only; unreadable lines skipped.
pub fn read_events(path: &std::path::Path) -> Result<Vec<Event>> {
    Ok(read_lines(path)?
        .lines
        .iter()
        .filter_map(|(_, l)| Event::from_line(l).ok())
        .collect())
}

/// The outbox's sync, to be made once the data file is written: the returned [`Finish`]
/// syncs `file` (or the file at `path`) and is run before the data file replaces the old
/// one. Its write-back starts now, so that on Linux the outbox's new length goes to disk in
/// the journal commit the data file's own sync makes, and the outbox's sync after it has
/// no commit of its own to wait for.
fn sync_before_rename(path: &std::path::Path, file: Option<std::fs::File>) -> Finish {
    #[cfg(target_os = "linux")]
    if let Some(file) = &file {
        use std::os::fd::AsRawFd;
        // A hint only: whatever it does or fails to do, the sync below makes the outbox
        // durable.
        // SAFETY: the descriptor is open for as long as `file` lives, past this call.
        unsafe {
            libc::sync_file_range(file.as_raw_fd(), 0, 0, libc::SYNC_FILE_RANGE_WRITE);
        }
    }
    let path = path.to_path_buf();
    Box::new(move || {
        let file = match file {
            Some(f) => f,
            None => {
                std::fs::File::open(&path).with_context(|| format!("opening {}", path.display()))?
            }
        };
        file.sync_data()
            .with_context(|| format!("syncing {}", path.display()))
    })
}

fn now_ms(at: DateTime<Utc>) -> i64 {
    at.timestamp_millis()
}

impl SyncSide {
    /// The sync side of the desk on `dir`: the outbox put right (a torn last line dropped,
    /// unreadable lines set aside) and the state read, under the lock. Returns what to tell.
    pub fn open(dir: &DataDir, settings: &SyncSettings) -> Result<(SyncSide, Vec<String>)> {
        let _lock = LockGuard::acquire(&dir.lock())?;
        let (outbox, warnings) = recover_outbox(dir)?;
        let mut state = SyncState::load(dir)?;
        let mut last_event_at = None;
        // What a crash may have cost the event logs (appended without a sync) is still in
        // the outbox: put back what is missing.
        let mut by_log: BTreeMap<PathBuf, Vec<(String, &str)>> = BTreeMap::new();
        for (id, line) in &outbox {
            if let Ok(e) = Event::from_line(line) {
                state.clock = state.clock.max(e.clock);
                last_event_at = last_event_at.max(Some(e.at));
                let log = match (&e.change, e.incident()) {
                    (EventChange::Roster(_), _) => Some(roster_log(dir)),
                    (_, Some(incident)) => incident_log(dir, &incident),
                    _ => None,
                };
                if let Some(log) = log {
                    by_log.entry(log).or_default().push((id.clone(), line));
                }
            }
        }
        for (log, lines) in by_log {
            let have: HashSet<String> = read_lines(&log)?
                .lines
                .into_iter()
                .map(|(id, _)| id)
                .collect();
            let missing = lines.iter().filter(|(id, _)| !have.contains(id));
            append_lines(&log, missing.map(|(_, l)| *l), true)?;
        }
        let outbox_ids = outbox.iter().map(|(id, _)| id.clone()).collect();
        Ok((
            SyncSide {
                settings: settings.clone(),
                dir: dir.clone(),
                state,
                outbox,
                outbox_ids,
                unpublished: Vec::new(),
                last_event_at,
                dirty_logs: Default::default(),
            },
            warnings,
        ))
    }

    /// The vector of what this desk has applied, its own newest clock among it.
    fn seen_now(&self) -> BTreeMap<String, Hlc> {
        let mut seen = self.state.seen.clone();
        seen.insert(self.settings.desk.clone(), self.state.clock);
        seen
    }

    /// The event of a change made here now, its clock after this desk's last.
    fn next_clock(&mut self, at: DateTime<Utc>) -> Hlc {
        self.state.clock = Hlc::tick(self.state.clock, now_ms(at));
        self.state.clock
    }

    /// Writes the events made by a save (called under the save's lock, before the data file
    /// is written): the outbox, then each event log.
    ///
    /// The returned [`Finish`] syncs the outbox after the data file's new content is synced
    /// and before it replaces the old one, so the change is never on disk without its event.
    fn record(&mut self, events: Vec<(Option<PathBuf>, Event)>) -> Result<Option<Finish>> {
        let before = events.len();
        let events: Vec<_> = events
            .into_iter()
            .filter(|(_, e)| !self.outbox_ids.contains(&e.id_text()))
            .collect();
        let outbox = outbox_path(&self.dir);
        if events.is_empty() {
            // A save tried again: its events are in the outbox already; make sure of them.
            return Ok((before > 0).then(|| sync_before_rename(&outbox, None)));
        }
        let lines: Vec<(String, String)> = events
            .iter()
            .map(|(_, e)| (e.id_text(), e.to_line()))
            .collect();
        let file = append_unsynced(&outbox, lines.iter().map(|(_, l)| l.as_str()))?;
        let finish = sync_before_rename(&outbox, file);
        let mut by_log: BTreeMap<PathBuf, Vec<&str>> = BTreeMap::new();
        for ((path, _), (_, line)) in events.iter().zip(&lines) {
            if let Some(path) = path {
                by_log.entry(path.clone()).or_default().push(line);
            }
        }
        // The event logs of changes made here are not synced on each append: the outbox is
        // (synced in the save's transaction, before the data file replaces the old one), and
        // holds each event until the server has it; the logs appended since are synced
        // before an acknowledged event leaves the outbox, and at start the outbox puts back
        // what a crash cost them. Events from other desks are synced to their logs before
        // the save that applies them. `cargo bench --bench sync_save` (paired saves, 10,000
        // incidents): a synced save is 1.06–1.09x an unsynced one so; with both files synced
        // in turn it was 1.71x in earlier (unpaired) rounds.
        for (path, lines) in by_log {
            append_unsynced(&path, lines)?;
            self.dirty_logs.insert(path);
        }
        for (_, e) in &events {
            self.last_event_at = self.last_event_at.max(Some(e.at));
        }
        for (id, line) in lines {
            self.outbox_ids.insert(id.clone());
            self.outbox.push((id.clone(), line.clone()));
            self.unpublished.push((id, line));
        }
        Ok(Some(finish))
    }

    /// The events of incident changes just applied here.
    pub fn record_incidents(
        &mut self,
        changes: &[Stamped],
        results: &[Result<Applied, ChangeError>],
    ) -> Result<Option<Finish>> {
        let mut events = Vec::new();
        for (change, result) in changes.iter().zip(results) {
            let id = match result {
                Ok(Applied::Opened(id)) | Ok(Applied::Changed(id)) => id,
                _ => continue,
            };
            let mut stamped = change.clone();
            if let Change::Open(new) = &mut stamped.change {
                new.id = Some(id.clone());
            }
            let seen = self.seen_now();
            let clock = self.next_clock(change.at);
            let event = Event::of_incident(&stamped, &self.settings.site, clock, seen);
            let Some(path) = incident_log(&self.dir, id) else {
                bail!("the incident id {id} cannot name an event log");
            };
            events.push((Some(path), event));
        }
        self.record(events)
    }

    /// The events of roster changes just applied here: an import as the per-contact changes
    /// it made (read from the roster after it).
    pub fn record_roster(
        &mut self,
        roster: &shiftdesk_core::roster::Roster,
        changes: &[Stamped<RosterChange>],
        results: &[Result<RosterApplied, RosterError>],
    ) -> Result<Option<Finish>> {
        let mut events = Vec::new();
        let log = roster_log(&self.dir);
        for (change, result) in changes.iter().zip(results) {
            let travelling: Vec<Stamped<RosterChange>> = match result {
                Ok(RosterApplied::Unchanged) | Err(_) => continue,
                Ok(RosterApplied::Imported(report)) => {
                    crate::sync_remote::import_as_edits(change, report, roster)
                }
                Ok(_) => vec![change.clone()],
            };
            for stamped in travelling {
                let seen = self.seen_now();
                let clock = self.next_clock(change.at);
                let event = Event::of_roster(&stamped, &self.settings.site, clock, seen);
                events.push((Some(log.clone()), event));
            }
        }
        self.record(events)
    }

    pub fn take_unpublished(&mut self) -> Vec<(String, String)> {
        std::mem::take(&mut self.unpublished)
    }

    pub fn outbox_events(&self) -> Vec<(String, String)> {
        self.outbox.clone()
    }

    pub fn unsent_count(&self) -> usize {
        self.outbox.len()
    }

    /// Takes the acknowledged events out of the outbox, under the lock.
    pub fn acked(&mut self, ids: &[String]) -> Result<()> {
        let acked: HashSet<String> = ids.iter().cloned().collect();
        if !acked.iter().any(|id| self.outbox_ids.contains(id)) {
            return Ok(());
        }
        let _lock = LockGuard::acquire(&self.dir.lock())?;
        // An event leaves the outbox only once its event log line is on disk.
        for path in std::mem::take(&mut self.dirty_logs) {
            if let Ok(file) = std::fs::File::open(&path) {
                file.sync_data()
                    .with_context(|| format!("syncing {}", path.display()))?;
            }
        }
        self.outbox = crate::outbox::remove_acked(&self.dir, &acked)?;
        self.outbox_ids = self.outbox.iter().map(|(id, _)| id.clone()).collect();
        self.save_state_locked()
    }

    /// Writes `sync-state.json`, merged with what another writer of the dir saved. Call
    /// under the lock.
    pub(crate) fn save_state_locked(&mut self) -> Result<()> {
        if let Ok(on_disk) = SyncState::load(&self.dir) {
            self.state.merge(&on_disk);
        }
        self.state.save(&self.dir)
    }

    /// After events from other desks were applied: the clock goes past theirs, the vector
    /// takes them in, the checkpoints advance; then the state is written.
    pub(crate) fn after_remote(
        &mut self,
        events: &[(String, Hlc, DateTime<Utc>)],
        reached: &BTreeMap<String, u64>,
    ) -> Result<()> {
        let mut newest: Option<Hlc> = None;
        for (desk, clock, at) in events {
            newest = newest.max(Some(*clock));
            let seen = self.state.seen.entry(desk.clone()).or_default();
            *seen = (*seen).max(*clock);
            self.last_event_at = self.last_event_at.max(Some(*at));
        }
        if let Some(newest) = newest {
            // The wall clock is read at each change made here (its stamp's time): here only
            // the clock seen is taken in.
            self.state.clock = Hlc::observe(self.state.clock, newest, newest.ms);
        }
        for (site, seq) in reached {
            let mine = self.state.checkpoints.entry(site.clone()).or_default();
            *mine = (*mine).max(*seq);
        }
        let _lock = LockGuard::acquire(&self.dir.lock())?;
        self.save_state_locked()
    }
}
