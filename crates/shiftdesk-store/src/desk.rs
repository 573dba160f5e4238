//! The saved state of the desk: the incidents and the roster, each a ledger over its file,
//! and the playbooks (read only).

use crate::FileProblem;
use crate::IncidentsStore;
use crate::history::History;
use crate::ledger::{Ledger, LedgerError, SaveState, Submitted};
use crate::roster_file::RosterStore;
use chrono::{DateTime, Utc};
use shiftdesk_core::change::{Applied, ChangeError, Stamped};
use shiftdesk_core::clock::Zone;
use shiftdesk_core::desk::IncidentsFile;
use shiftdesk_core::drill::Scenario;
use shiftdesk_core::history::HistoryFilter;
use shiftdesk_core::incident::{Incident, IncidentId};
use shiftdesk_core::playbook::Playbooks;
use shiftdesk_core::roster::Roster;
use shiftdesk_core::roster::change::{RosterApplied, RosterChange, RosterError};
use shiftdesk_core::search::SearchIndex;
use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};

pub type DeskError = LedgerError<ChangeError>;

/// What a look at the files found: for each, nothing new, a new state (with the pending
/// changes it made void), or a file that became unreadable.
#[derive(Debug, Default)]
pub struct Polled {
    pub incidents: Option<Result<Vec<ChangeError>, FileProblem>>,
    pub roster: Option<Result<Vec<RosterError>, FileProblem>>,
}

pub struct Desk {
    incidents: Ledger<IncidentsFile, Stamped>,
    roster: Ledger<Roster, RosterChange>,
    pub playbooks: Playbooks,
    /// The drill scenarios: bundled and the team's own.
    pub scenarios: Vec<Scenario>,
    /// The roster prepared for contact search; rebuilt when the roster changes.
    search: SearchIndex,
    /// Rises each time the search index is rebuilt.
    search_generation: u64,
    /// The archive, while the closed incidents are shown.
    history: Option<History>,
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
            scenarios: crate::drills::bundled(),
            history: None,
            search_generation: 0,
        }
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

    /// Reads what is needed to show an archived incident.
    pub fn look_at(&mut self, id: &IncidentId) {
        if self.incidents().get(id).is_some() {
            return;
        }
        if let (Some(h), Some(dir)) = (self.history.as_mut(), self.incidents.data_dir()) {
            h.look_at(dir, id);
            if let Some(p) = h.problem.take() {
                self.incidents.warn(p);
            }
        }
    }

    /// Moves what is due to the archive now (at start: the first start also moves the
    /// history of an older data dir, keeping a copy of its file in `backups/`).
    pub fn settle(&mut self, now: DateTime<Utc>) {
        self.incidents.settle(now);
    }

    /// What saves could not do besides saving (e.g. archiving), since the last call.
    pub fn take_warnings(&mut self) -> Vec<String> {
        self.incidents.take_warnings()
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

    #[allow(clippy::type_complexity)]
    pub fn submit(
        &mut self,
        change: Stamped,
    ) -> (Result<Submitted<Applied>, DeskError>, Vec<ChangeError>) {
        self.incidents.submit(change)
    }

    #[allow(clippy::type_complexity)]
    pub fn submit_roster(
        &mut self,
        change: RosterChange,
    ) -> (
        Result<Submitted<RosterApplied>, LedgerError<RosterError>>,
        Vec<RosterError>,
    ) {
        let outcome = self.roster.submit(change);
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

    /// Writes what is pending in both files; the incidents' results as
    /// [`Ledger::flush`] gives them.
    #[allow(clippy::type_complexity)]
    pub fn flush(&mut self) -> Option<(Vec<Result<Applied, ChangeError>>, Vec<ChangeError>)> {
        if self.roster.pending_count() > 0 {
            self.roster.flush();
            self.rebuild_search();
        }
        self.incidents.flush()
    }

    /// Takes in what was saved elsewhere, in either file.
    pub fn poll(&mut self) -> Polled {
        let polled = Polled {
            incidents: self.incidents.poll(),
            roster: self.roster.poll(),
        };
        if polled.roster.is_some() {
            self.rebuild_search();
        }
        polled
    }
}
