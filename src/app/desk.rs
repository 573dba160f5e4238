//! The saved state as this desk holds it: what was last on disk, the changes not yet saved,
//! and the two together as the operator sees them.

use crate::model::change::{Applied, ChangeError, Stamped};
use crate::model::desk::IncidentsFile;
use crate::model::playbook::Playbooks;
use crate::model::roster::Roster;
use crate::store::{FileProblem, IncidentsStore, SaveError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    /// The last save failed; the changes are kept in memory and saved with the next one.
    NotSaved(String),
    /// The file on disk cannot be read or is newer: nothing is written.
    ReadOnly(String),
}

/// What became of a change the operator made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Submitted {
    Saved(Applied),
    /// Applied in memory; not on disk yet.
    Kept(Applied),
}

impl Submitted {
    pub fn applied(&self) -> &Applied {
        match self {
            Submitted::Saved(a) | Submitted::Kept(a) => a,
        }
    }
}

#[derive(Debug)]
pub enum DeskError {
    Refused(ChangeError),
    ReadOnly(String),
}

pub struct Desk {
    store: Option<IncidentsStore>,
    base: IncidentsFile,
    pending: Vec<Stamped>,
    /// `base` with `pending` applied: what the operator sees.
    pub incidents: IncidentsFile,
    pub roster: Roster,
    pub playbooks: Playbooks,
    pub save_state: SaveState,
}

impl Desk {
    pub fn new(
        store: Option<IncidentsStore>,
        incidents: IncidentsFile,
        roster: Roster,
        playbooks: Playbooks,
    ) -> Desk {
        let save_state = match store.as_ref().and_then(|s| s.refused()) {
            Some(p) => SaveState::ReadOnly(p.to_string()),
            None => SaveState::Saved,
        };
        Desk {
            store,
            base: incidents.clone(),
            pending: Vec::new(),
            incidents,
            roster,
            playbooks,
            save_state,
        }
    }

    pub fn pending_count(&self) -> usize {
        self.pending.len()
    }

    pub fn read_only(&self) -> Option<&str> {
        match &self.save_state {
            SaveState::ReadOnly(why) => Some(why),
            _ => None,
        }
    }

    /// Applies a change at once and saves it. A change the state refuses is not kept.
    /// Returns the changes dropped on a fresher state, too (another desk got there first).
    pub fn submit(&mut self, change: Stamped) -> (Result<Submitted, DeskError>, Vec<ChangeError>) {
        if let Some(why) = self.read_only() {
            return (Err(DeskError::ReadOnly(why.to_string())), Vec::new());
        }
        let applied = match change.apply(&mut self.incidents) {
            Ok(a) => a,
            Err(e) => return (Err(DeskError::Refused(e)), Vec::new()),
        };
        if applied == Applied::Unchanged {
            return (Ok(Submitted::Saved(applied)), Vec::new());
        }
        self.pending.push(change);
        let index = self.pending.len() - 1;
        match self.flush() {
            Some((results, dropped)) => {
                let outcome = match results.into_iter().nth(index) {
                    Some(Ok(a)) => Ok(Submitted::Saved(a)),
                    Some(Err(e)) => Err(DeskError::Refused(e)),
                    None => Ok(Submitted::Saved(applied)),
                };
                (outcome, dropped)
            }
            None => (Ok(Submitted::Kept(applied)), Vec::new()),
        }
    }

    /// Writes the pending changes. Some(results, dropped) when they were written; None when
    /// the save failed and they are kept for the next try.
    #[allow(clippy::type_complexity)]
    pub fn flush(&mut self) -> Option<(Vec<Result<Applied, ChangeError>>, Vec<ChangeError>)> {
        if self.pending.is_empty() {
            return Some((Vec::new(), Vec::new()));
        }
        let Some(store) = self.store.as_mut() else {
            // In memory only (tests, previews): the view is the truth.
            self.pending.clear();
            self.base = self.incidents.clone();
            return Some((Vec::new(), Vec::new()));
        };
        match store.commit(&self.base, &self.pending) {
            Ok(committed) => {
                let dropped = committed
                    .results
                    .iter()
                    .filter_map(|r| r.as_ref().err().cloned())
                    .collect();
                self.base = committed.file;
                self.incidents = self.base.clone();
                self.pending.clear();
                self.save_state = SaveState::Saved;
                Some((committed.results, dropped))
            }
            Err(SaveError::Refused(p)) => {
                self.save_state = SaveState::NotSaved(p.to_string());
                None
            }
            Err(SaveError::Io(e)) => {
                self.save_state = SaveState::NotSaved(format!("{e:#}"));
                None
            }
        }
    }

    /// Takes in changes saved by another desk or by hand. None: nothing new. Some(Ok): the
    /// new state is taken, with the pending changes that no longer apply. Some(Err): the file
    /// became unreadable and will not be written.
    pub fn poll(&mut self) -> Option<Result<Vec<ChangeError>, FileProblem>> {
        let store = self.store.as_mut()?;
        match store.poll()? {
            Ok(file) => {
                self.base = file;
                let mut view = self.base.clone();
                let mut dropped = Vec::new();
                self.pending.retain(|c| match c.apply(&mut view) {
                    Ok(_) => true,
                    Err(e) => {
                        dropped.push(e);
                        false
                    }
                });
                self.incidents = view;
                if self.pending.is_empty() {
                    self.save_state = SaveState::Saved;
                }
                Some(Ok(dropped))
            }
            Err(p) => {
                if !matches!(self.save_state, SaveState::ReadOnly(_)) {
                    self.save_state = SaveState::NotSaved(p.to_string());
                }
                Some(Err(p))
            }
        }
    }
}
