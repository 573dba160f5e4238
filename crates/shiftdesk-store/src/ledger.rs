//! One data file as this desk holds it: what was last on disk, the changes not yet saved,
//! and the two together as the operator sees them.

use crate::json_store::DataFile;
use crate::json_store::Hook;
use crate::outcome::{Outcome, Refusal, Saved};
use crate::{JsonStore, SaveError};
use shiftdesk_core::apply::Apply;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    /// The last save failed; the changes are kept in memory and saved with the next one.
    NotSaved(String),
    /// The file on disk cannot be read or is newer: nothing is written.
    ReadOnly(String),
}

pub struct Ledger<T: DataFile, C> {
    store: Option<JsonStore<T>>,
    base: T,
    pending: Vec<C>,
    /// `base` with the pending changes applied: what the operator sees.
    view: T,
    pub state: SaveState,
}

/// What saving the pending changes came to: each one's result on the state written (none
/// when nothing was written), and the outcome of the save.
struct Save<O, E> {
    results: Vec<Result<O, E>>,
    outcome: Outcome<(), E>,
}

impl<T: DataFile, C: Apply<T>> Ledger<T, C> {
    /// A ledger over a store; None keeps everything in memory (tests, previews).
    pub fn new(store: Option<JsonStore<T>>, state: T) -> Ledger<T, C> {
        let save_state = match store.as_ref().and_then(|s| s.refused()) {
            Some(p) => SaveState::ReadOnly(p.to_string()),
            None => SaveState::Saved,
        };
        Ledger {
            store,
            base: state.clone(),
            pending: Vec::new(),
            view: state,
            state: save_state,
        }
    }

    /// The data dir of the file, when it is on disk.
    pub fn data_dir(&self) -> Option<&crate::DataDir> {
        self.store.as_ref().map(|s| s.dir())
    }

    pub fn view(&self) -> &T {
        &self.view
    }

    pub fn pending_count(&self) -> usize {
        self.pending.len()
    }

    pub fn read_only(&self) -> Option<&str> {
        match &self.state {
            SaveState::ReadOnly(why) => Some(why),
            _ => None,
        }
    }

    /// Whether what this ledger holds is on disk.
    fn saved(&self) -> Saved {
        match &self.state {
            SaveState::NotSaved(why) | SaveState::ReadOnly(why) if !self.pending.is_empty() => {
                Saved::Kept { why: why.clone() }
            }
            _ => Saved::Saved,
        }
    }

    /// Applies a change at once and saves it. A change the state refuses is not kept.
    pub fn submit(&mut self, change: C) -> Outcome<C::Out, C::Err> {
        self.submit_with(change, &mut |_, _, _| Ok(None))
    }

    /// As [`Ledger::submit`], with `hook` called in the save's transaction (see
    /// [`crate::JsonStore::commit_with`]).
    pub fn submit_with(&mut self, change: C, hook: Hook<'_, T, C>) -> Outcome<C::Out, C::Err> {
        if let Some(why) = self.read_only() {
            return Outcome::new(Err(Refusal::ReadOnly(why.to_string())), self.saved());
        }
        let applied = match change.apply(&mut self.view) {
            Ok(a) => a,
            Err(e) => return Outcome::new(Err(Refusal::Refused(e)), self.saved()),
        };
        if !C::changed(&applied) {
            return Outcome::new(Ok(applied), self.saved());
        }
        self.pending.push(change);
        let index = self.pending.len() - 1;
        let Save { results, outcome } = self.save(hook);
        let result = match results.into_iter().nth(index) {
            Some(Ok(a)) => Ok(a),
            Some(Err(e)) => Err(Refusal::Refused(e)),
            // Kept for the next save, or held in memory only.
            None => Ok(applied),
        };
        Outcome {
            result,
            saved: outcome.saved,
            dropped: outcome.dropped,
            warnings: outcome.warnings,
        }
    }

    /// Writes the pending changes; when the save fails they are kept for the next try.
    pub fn flush(&mut self) -> Outcome<(), C::Err> {
        self.save(&mut |_, _, _| Ok(None)).outcome
    }

    /// As [`Ledger::flush`], with `hook` called in the save's transaction.
    pub fn flush_with(&mut self, hook: Hook<'_, T, C>) -> Outcome<(), C::Err> {
        self.save(hook).outcome
    }

    fn save(&mut self, hook: Hook<'_, T, C>) -> Save<C::Out, C::Err> {
        let mut outcome = Outcome::new(Ok(()), Saved::Saved);
        if self.pending.is_empty() {
            outcome.saved = self.saved();
            return Save {
                results: Vec::new(),
                outcome,
            };
        }
        let Some(store) = self.store.as_mut() else {
            // In memory: the view is the truth, saved as a store would save it.
            self.pending.clear();
            self.view.before_save();
            self.base = self.view.clone();
            return Save {
                results: Vec::new(),
                outcome,
            };
        };
        let results = match store.commit_with(&self.base, &self.pending, hook) {
            Ok(committed) => {
                outcome.dropped = committed
                    .results
                    .iter()
                    .filter_map(|r| r.as_ref().err().cloned())
                    .collect();
                outcome.warnings = committed.warnings;
                self.base = committed.file;
                self.view = self.base.clone();
                self.pending.clear();
                self.state = SaveState::Saved;
                committed.results
            }
            Err(e) => {
                let why = match e {
                    SaveError::Refused(p) => p.to_string(),
                    SaveError::Io(e) => format!("{e:#}"),
                };
                self.state = SaveState::NotSaved(why.clone());
                outcome.saved = Saved::Kept { why };
                Vec::new()
            }
        };
        Save { results, outcome }
    }

    /// Applies `change`, of another kind than the ledger's own, to the newest state in a
    /// transaction of its own (as remote events are applied). Nothing may be pending: save
    /// it first. Err: why it could not be saved; the state is as it was.
    pub fn transact<D: Apply<T>>(&mut self, change: &D) -> Result<Result<D::Out, D::Err>, String> {
        if let Some(why) = self.read_only() {
            return Err(why.to_string());
        }
        if !self.pending.is_empty() {
            return Err(match &self.state {
                SaveState::NotSaved(why) => why.clone(),
                _ => "changes not yet saved".to_string(),
            });
        }
        let Some(store) = self.store.as_mut() else {
            let result = change.apply(&mut self.view);
            self.base = self.view.clone();
            return Ok(result);
        };
        match store.commit(&self.base, std::slice::from_ref(change)) {
            Ok(committed) => {
                self.base = committed.file;
                self.view = self.base.clone();
                self.state = SaveState::Saved;
                let result = committed.results.into_iter().next();
                result.ok_or_else(|| "nothing was applied".to_string())
            }
            Err(e) => Err(e.to_string()),
        }
    }

    /// Settles the file as of `now` (see [`DataFile::settle`]), e.g. archiving at start.
    /// Pending changes are kept on top of the result; those it refuses are dropped.
    pub fn settle(&mut self, now: chrono::DateTime<chrono::Utc>) -> Outcome<(), C::Err> {
        let mut outcome = Outcome::new(Ok(()), self.saved());
        if self.read_only().is_some() {
            return outcome;
        }
        let Some(store) = self.store.as_mut() else {
            return outcome;
        };
        match store.settle(&self.base, now) {
            Ok(Some((file, warnings))) => {
                outcome.warnings = warnings;
                self.base = file;
                outcome.dropped = self.reapply_pending();
            }
            Ok(None) => {}
            Err(e) => outcome.warnings.push(e.to_string()),
        }
        outcome
    }

    /// Makes the view the base with the pending changes on top; returns why those that no
    /// longer apply were dropped.
    fn reapply_pending(&mut self) -> Vec<C::Err> {
        let mut view = self.base.clone();
        let mut dropped = Vec::new();
        self.pending.retain(|c| match c.apply(&mut view) {
            Ok(_) => true,
            Err(e) => {
                dropped.push(e);
                false
            }
        });
        self.view = view;
        dropped
    }

    /// Takes in changes saved elsewhere. None: nothing new. Otherwise the new state is
    /// taken, with the pending changes that no longer apply dropped; or the file became
    /// unreadable (refused as read-only) and will not be written.
    pub fn poll(&mut self) -> Option<Outcome<(), C::Err>> {
        let store = self.store.as_mut()?;
        match store.poll()? {
            Ok(file) => {
                self.base = file;
                let dropped = self.reapply_pending();
                if self.pending.is_empty() {
                    self.state = SaveState::Saved;
                }
                let mut outcome = Outcome::new(Ok(()), self.saved());
                outcome.dropped = dropped;
                Some(outcome)
            }
            Err(p) => {
                if !matches!(self.state, SaveState::ReadOnly(_)) {
                    self.state = SaveState::NotSaved(p.to_string());
                }
                Some(Outcome::new(
                    Err(Refusal::ReadOnly(p.to_string())),
                    self.saved(),
                ))
            }
        }
    }
}
