//! The saved state of the desk: the incidents and the roster, each a ledger over its file,
//! and the playbooks and the incident guide (read only).

use crate::IncidentsStore;
use crate::atomic::Finish;
use crate::config::SyncSettings;
use crate::history::History;
use crate::ledger::{Ledger, SaveState};
use crate::outcome::Outcome;
use crate::roster_file::RosterStore;
use crate::sync_remote::{RemoteIncidents, RemoteRoster};
use crate::sync_side::{RemoteOutcome, SyncSide};
use chrono::{DateTime, Utc};
use shiftdesk_core::change::{Applied, Change, ChangeError, Stamped};
use shiftdesk_core::clock::Zone;
use shiftdesk_core::desk::IncidentsFile;
use shiftdesk_core::drill::Scenario;
use shiftdesk_core::guide::Guide;
use shiftdesk_core::history::HistoryFilter;
use shiftdesk_core::i18n::Lang;
use shiftdesk_core::incident::{Incident, IncidentId};
use shiftdesk_core::playbook::Playbooks;
use shiftdesk_core::roster::Roster;
use shiftdesk_core::roster::change::{RosterApplied, RosterChange, RosterError};
use shiftdesk_core::search::SearchIndex;
use shiftdesk_core::sync::{Event, EventChange};
use std::cell::RefCell;
use std::collections::HashSet;
use std::collections::{BTreeMap, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};

/// What a look at both files, or a save of both, came to: for each file its outcome, or
/// None when there was nothing to do (nothing new on disk; nothing to write).
#[derive(Debug, Default)]
pub struct FileOutcomes {
    pub incidents: Option<Outcome<(), ChangeError>>,
    pub roster: Option<Outcome<(), RosterError>>,
}

impl FileOutcomes {
    /// The outcome for each file that had one, the incidents' first, refusals in words.
    pub fn in_words(self, lang: Lang) -> impl Iterator<Item = Outcome<(), String>> {
        let incidents = self.incidents.map(|o| o.map_err(|e| e.message(lang)));
        let roster = self.roster.map(|o| o.map_err(|e| e.message(lang)));
        incidents.into_iter().chain(roster)
    }
}

pub struct Desk {
    incidents: Ledger<IncidentsFile, Stamped>,
    roster: Ledger<Roster, Stamped<RosterChange>>,
    /// The name of this desk, which the changes made here carry (see [`Desk::stamp`]).
    origin: String,
    pub playbooks: Playbooks,
    /// The team's incident guide (or the bundled one), shown beside the pickers.
    pub guide: Guide,
    /// The drill scenarios: bundled and the team's own.
    pub scenarios: Vec<Scenario>,
    /// The roster prepared for contact search; rebuilt when the roster changes.
    search: SearchIndex,
    /// Rises each time the search index is rebuilt.
    search_generation: u64,
    /// The archive, while the closed incidents are shown.
    history: Option<History>,
    /// `flow.json` and the flow in use: its sign-off, and what this operator is to
    /// acknowledge.
    pub flow: crate::flow_file::FlowDesk,
    /// When the board is shared: the outbox, the clock, the checkpoints.
    sync: Option<SyncSide>,
}

impl Desk {
    /// A desk over its stores; without stores it keeps everything in memory.
    pub fn new(
        stores: Option<(IncidentsStore, RosterStore)>,
        incidents: IncidentsFile,
        roster: Roster,
        playbooks: Playbooks,
    ) -> Desk {
        let (incidents_store, roster_store) = match stores {
            Some((i, r)) => (Some(i), Some(r)),
            None => (None, None),
        };
        Desk {
            search: SearchIndex::new(&roster),
            incidents: Ledger::new(incidents_store, incidents),
            roster: Ledger::new(roster_store, roster),
            playbooks,
            guide: crate::guide_file::bundled_guide(),
            scenarios: crate::drills::bundled(),
            history: None,
            search_generation: 0,
            origin: String::new(),
            flow: Default::default(),
            sync: None,
        }
    }

    /// Names this desk: the changes made here say they came from it.
    pub fn set_origin(&mut self, origin: &str) {
        self.origin = origin.to_string();
    }

    /// The name of this desk, which the changes made here carry.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// A change made now at this desk, with an id of its own, ready to submit.
    pub fn stamp<C>(&self, change: C, at: DateTime<Utc>, by: &str) -> Stamped<C> {
        crate::stamp::stamp(change, at, by, &self.origin)
    }

    /// Which build of the search index is current.
    pub fn search_generation(&self) -> u64 {
        self.search_generation
    }

    fn rebuild_search(&mut self) {
        self.search = SearchIndex::new(self.roster.view());
        self.search_generation += 1;
    }

    /// An incident, live or (when history is open and its month read) archived.
    pub fn incident(&self, id: &IncidentId) -> Option<&Incident> {
        self.incidents()
            .get(id)
            .or_else(|| self.history.as_ref()?.incident(id))
    }

    /// The archive, while it is open.
    pub fn history(&self) -> Option<&History> {
        self.history.as_ref()
    }

    /// Opens or lets go of the archive, and keeps its rows in step with the filter, the
    /// live incidents and the index on disk. Returns a problem reading the archive, once.
    pub fn sync_history(
        &mut self,
        open: bool,
        filter: &HistoryFilter,
        zone: &Zone,
    ) -> Option<String> {
        if !open {
            self.history = None;
            return None;
        }
        let dir = self.incidents.data_dir().cloned();
        let stale = match (&self.history, &dir) {
            (None, _) => true,
            (Some(h), Some(dir)) => h.is_stale(dir),
            (Some(_), None) => false,
        };
        if stale {
            self.history = Some(match &dir {
                Some(dir) => History::load(dir),
                None => History::empty(),
            });
        }
        let live: HashSet<&IncidentId> = self
            .incidents
            .view()
            .incidents
            .iter()
            .map(|i| &i.id)
            .collect();
        let mut hasher = DefaultHasher::new();
        for id in &self.incidents.view().incidents {
            id.id.hash(&mut hasher);
        }
        let key = hasher.finish();
        let h = self.history.as_mut()?;
        h.refresh(dir.as_ref(), filter, zone, &live, key);
        h.problem.take()
    }

    /// Reads what is needed to show an archived incident. A problem reading it is told by
    /// the next [`Desk::sync_history`].
    pub fn look_at(&mut self, id: &IncidentId) {
        if self.incidents().get(id).is_some() {
            return;
        }
        if let (Some(h), Some(dir)) = (self.history.as_mut(), self.incidents.data_dir()) {
            h.look_at(dir, id);
        }
    }

    /// Moves what is due to the archive now (at start: the first start also moves the
    /// history of an older data dir, keeping a copy of its file in `backups/`).
    pub fn settle(&mut self, now: DateTime<Utc>) -> Outcome<(), ChangeError> {
        self.incidents.settle(now)
    }

    pub fn incidents(&self) -> &IncidentsFile {
        self.incidents.view()
    }

    pub fn roster(&self) -> &Roster {
        self.roster.view()
    }

    pub fn search(&self) -> &SearchIndex {
        &self.search
    }

    /// Saved, or the first reason something is not: read-only incidents, then a failed
    /// save of either file.
    pub fn save_state(&self) -> SaveState {
        if let SaveState::ReadOnly(_) = &self.incidents.state {
            return self.incidents.state.clone();
        }
        [&self.incidents.state, &self.roster.state]
            .into_iter()
            .find(|s| matches!(s, SaveState::NotSaved(_)))
            .cloned()
            .unwrap_or(SaveState::Saved)
    }

    pub fn pending_count(&self) -> usize {
        self.incidents.pending_count() + self.roster.pending_count()
    }

    /// Why incidents cannot be changed now, if they cannot.
    pub fn read_only(&self) -> Option<&str> {
        self.incidents.read_only()
    }

    /// Why the roster cannot be changed now, if it cannot.
    pub fn roster_read_only(&self) -> Option<&str> {
        self.roster.read_only()
    }

    /// Applies a change to the incidents and saves it: what became of it. On a synced desk
    /// the change's event goes to the outbox and the incident's event log in the same
    /// transaction, and a new incident gets this desk's own id (`INC-TYO1-0001`).
    pub fn submit(&mut self, mut change: Stamped) -> Outcome<Applied, ChangeError> {
        if let (Some(sync), Change::Open(new)) = (&self.sync, &mut change.change)
            && new.id.is_none()
        {
            new.id = Some(self.incidents.view().next_id_for(&sync.settings.desk));
        }
        let sync = &mut self.sync;
        self.incidents
            .submit_with(change, &mut |_, changes, results| {
                record_incidents(sync, changes, results)
            })
    }

    /// Applies a change to the roster and saves it: what became of it.
    pub fn submit_roster(
        &mut self,
        change: Stamped<RosterChange>,
    ) -> Outcome<RosterApplied, RosterError> {
        let sync = &mut self.sync;
        let outcome = self
            .roster
            .submit_with(change, &mut |roster, changes, results| {
                record_roster(sync, roster, changes, results)
            });
        self.rebuild_search();
        outcome
    }

    /// Writes an exported report to the data dir's `exports/` folder (owner-only, atomic);
    /// the path written.
    pub fn write_export(
        &self,
        incident: &shiftdesk_core::IncidentId,
        lang: shiftdesk_core::i18n::Lang,
        text: &str,
    ) -> anyhow::Result<std::path::PathBuf> {
        let dir = self
            .incidents
            .data_dir()
            .ok_or_else(|| anyhow::anyhow!("this desk has no data dir"))?;
        crate::exports::write_export(dir, incident, lang.code(), text)
    }

    /// Keeps the draft of an open form (or removes the kept one) in the data dir.
    pub fn save_draft(&self, draft: Option<&shiftdesk_core::draft::Draft>) -> anyhow::Result<()> {
        match self.incidents.data_dir() {
            Some(dir) => crate::drafts::save_draft(dir, draft),
            None => Ok(()),
        }
    }

    /// Writes what is pending in either file.
    pub fn flush(&mut self) -> FileOutcomes {
        let sync = &mut self.sync;
        let roster = (self.roster.pending_count() > 0).then(|| {
            self.roster.flush_with(&mut |roster, changes, results| {
                record_roster(sync, roster, changes, results)
            })
        });
        if roster.is_some() {
            self.rebuild_search();
        }
        let sync = &mut self.sync;
        let incidents = (self.incidents.pending_count() > 0).then(|| {
            self.incidents
                .flush_with(&mut |_, changes, results| record_incidents(sync, changes, results))
        });
        FileOutcomes { incidents, roster }
    }

    /// Takes in what was saved elsewhere, in either file.
    pub fn poll(&mut self) -> FileOutcomes {
        let polled = FileOutcomes {
            incidents: self.incidents.poll(),
            roster: self.roster.poll(),
        };
        if polled.roster.is_some() {
            self.rebuild_search();
        }
        polled
    }

    /// Shares this desk's board: from now on every saved change is an event in the outbox.
    /// The desk's changes carry its code as their origin. Returns what opening the outbox
    /// found to tell (a torn last line dropped, unreadable lines set aside).
    pub fn enable_sync(&mut self, settings: &SyncSettings) -> anyhow::Result<Vec<String>> {
        let dir =
            self.incidents.data_dir().cloned().ok_or_else(|| {
                anyhow::anyhow!("this desk has no data dir to keep its outbox in")
            })?;
        let (side, warnings) = SyncSide::open(&dir, settings)?;
        self.origin = settings.desk.clone();
        self.sync = Some(side);
        Ok(warnings)
    }

    pub fn sync_settings(&self) -> Option<&SyncSettings> {
        self.sync.as_ref().map(|s| &s.settings)
    }

    /// The events made here since the last call, (id, line), to publish.
    pub fn take_unpublished(&mut self) -> Vec<(String, String)> {
        self.sync
            .as_mut()
            .map(SyncSide::take_unpublished)
            .unwrap_or_default()
    }

    /// Everything still waiting in the outbox for the server's acknowledgement, (id, line).
    pub fn outbox_events(&self) -> Vec<(String, String)> {
        self.sync
            .as_ref()
            .map(SyncSide::outbox_events)
            .unwrap_or_default()
    }

    /// The server has these events: they leave the outbox.
    pub fn sync_acked(&mut self, ids: &[String]) -> Result<(), String> {
        match self.sync.as_mut() {
            Some(sync) => sync.acked(ids).map_err(|e| format!("{e:#}")),
            None => Ok(()),
        }
    }

    pub fn unsent_count(&self) -> usize {
        self.sync.as_ref().map_or(0, SyncSide::unsent_count)
    }

    /// Per site: the last stream sequence applied here.
    pub fn checkpoints(&self) -> HashMap<String, u64> {
        self.sync.as_ref().map_or_else(HashMap::new, |s| {
            s.state.checkpoints.clone().into_iter().collect()
        })
    }

    /// When the newest event made or applied here was made.
    pub fn last_event_at(&self) -> Option<DateTime<Utc>> {
        self.sync.as_ref().and_then(|s| s.last_event_at)
    }

    /// Applies events from other desks in one transaction per file (lock, re-read, apply,
    /// write), idempotent by event id; this desk's own events coming back change nothing.
    /// `reached`: per site, the stream sequence these events take this desk to; the
    /// checkpoints advance only after the save. Changes not yet saved here are saved first.
    pub fn apply_remote(
        &mut self,
        events: Vec<Event>,
        reached: BTreeMap<String, u64>,
    ) -> Result<RemoteOutcome, String> {
        let Some(sync) = &self.sync else {
            return Err("sync is not on".to_string());
        };
        let (dir, desk) = (sync.dir.clone(), sync.settings.desk.clone());
        if self.pending_count() > 0 {
            self.flush();
            if self.pending_count() > 0 {
                return Err(match self.save_state() {
                    crate::ledger::SaveState::NotSaved(why)
                    | crate::ledger::SaveState::ReadOnly(why) => why,
                    crate::ledger::SaveState::Saved => "changes not yet saved".to_string(),
                });
            }
        }
        let marks: Vec<_> = events
            .iter()
            .map(|e| (e.desk.clone(), e.clock, e.at))
            .collect();
        let (roster_events, incident_events): (Vec<Event>, Vec<Event>) = events
            .into_iter()
            .partition(|e| matches!(e.change, EventChange::Roster(_)));
        let mut total = RemoteOutcome::default();
        if !incident_events.is_empty() {
            let batch = RemoteIncidents {
                dir: &dir,
                desk: &desk,
                events: incident_events,
                tally: RefCell::default(),
            };
            self.incidents.transact(&batch)??;
            total.add(batch.tally.into_inner());
        }
        if !roster_events.is_empty() {
            let batch = RemoteRoster {
                dir: &dir,
                events: roster_events,
                tally: RefCell::default(),
            };
            let result = self.roster.transact(&batch);
            self.rebuild_search();
            result??;
            total.add(batch.tally.into_inner());
        }
        if let Some(sync) = self.sync.as_mut() {
            sync.after_remote(&marks, &reached)
                .map_err(|e| format!("{e:#}"))?;
        }
        Ok(total)
    }
}

/// The save hook of incident changes: on a synced desk, their events (see
/// [`SyncSide::record_incidents`]); else nothing.
fn record_incidents(
    sync: &mut Option<SyncSide>,
    changes: &[Stamped],
    results: &[Result<Applied, ChangeError>],
) -> anyhow::Result<Option<Finish>> {
    match sync {
        Some(sync) => sync.record_incidents(changes, results),
        None => Ok(None),
    }
}

/// The save hook of roster changes, as [`record_incidents`].
fn record_roster(
    sync: &mut Option<SyncSide>,
    roster: &Roster,
    changes: &[Stamped<RosterChange>],
    results: &[Result<RosterApplied, RosterError>],
) -> anyhow::Result<Option<Finish>> {
    match sync {
        Some(sync) => sync.record_roster(roster, changes, results),
        None => Ok(None),
    }
}
