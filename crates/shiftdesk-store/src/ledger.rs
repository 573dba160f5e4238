//! One data file as this desk holds it: what was last on disk, the changes not yet saved,
//! and the two together as the operator sees them.

use crate::json_store::DataFile;
use crate::{FileProblem, JsonStore, SaveError};
use shiftdesk_core::apply::Apply;

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
pub enum Submitted<O> {
    Saved(O),
    /// Applied in memory; not on disk yet.
    Kept(O),
}

impl<O> Submitted<O> {
    pub fn applied(&self) -> &O {
        match self {
            Submitted::Saved(a) | Submitted::Kept(a) => a,
        }
    }
}

#[derive(Debug)]
pub enum LedgerError<E> {
    Refused(E),
    ReadOnly(String),
}

pub struct Ledger<T: DataFile, C> {
    store: Option<JsonStore<T>>,
    base: T,
    pending: Vec<C>,
    /// `base` with the pending changes applied: what the operator sees.
    view: T,
    pub state: SaveState,
    /// What saving could not do besides the save itself (e.g. archiving), to be told.
    warnings: Vec<String>,
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
            warnings: Vec::new(),
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

    /// Applies a change at once and saves it. A change the state refuses is not kept.
    /// Also returns the changes dropped on a fresher state (someone else got there first).
    #[allow(clippy::type_complexity)]
    pub fn submit(
        &mut self,
        change: C,
    ) -> (Result<Submitted<C::Out>, LedgerError<C::Err>>, Vec<C::Err>) {
        if let Some(why) = self.read_only() {
            return (Err(LedgerError::ReadOnly(why.to_string())), Vec::new());
        }
        let applied = match change.apply(&mut self.view) {
            Ok(a) => a,
            Err(e) => return (Err(LedgerError::Refused(e)), Vec::new()),
        };
        if !C::changed(&applied) {
            return (Ok(Submitted::Saved(applied)), Vec::new());
        }
        self.pending.push(change);
        let index = self.pending.len() - 1;
        match self.flush() {
            Some((results, dropped)) => {
                let outcome = match results.into_iter().nth(index) {
                    Some(Ok(a)) => Ok(Submitted::Saved(a)),
                    Some(Err(e)) => Err(LedgerError::Refused(e)),
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
    pub fn flush(&mut self) -> Option<(Vec<Result<C::Out, C::Err>>, Vec<C::Err>)> {
        if self.pending.is_empty() {
            return Some((Vec::new(), Vec::new()));
        }
        let Some(store) = self.store.as_mut() else {
            // In memory: the view is the truth, saved as a store would save it.
            self.pending.clear();
            self.view.before_save();
            self.base = self.view.clone();
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
                self.view = self.base.clone();
                self.pending.clear();
                self.state = SaveState::Saved;
                self.warnings.extend(committed.warnings);
                Some((committed.results, dropped))
            }
            Err(SaveError::Refused(p)) => {
                self.state = SaveState::NotSaved(p.to_string());
                None
            }
            Err(SaveError::Io(e)) => {
                self.state = SaveState::NotSaved(format!("{e:#}"));
                None
            }
        }
    }

    /// Keeps a warning to be told with the next ones.
    pub fn warn(&mut self, warning: String) {
        self.warnings.push(warning);
    }

    /// The warnings of saves since the last call.
    pub fn take_warnings(&mut self) -> Vec<String> {
        std::mem::take(&mut self.warnings)
    }

    /// Settles the file as of `now` (see [`DataFile::settle`]), e.g. archiving at start.
    /// Pending changes are kept on top of the result.
    pub fn settle(&mut self, now: chrono::DateTime<chrono::Utc>) {
        if self.read_only().is_some() {
            return;
        }
        let Some(store) = self.store.as_mut() else {
            return;
        };
        match store.settle(&self.base, now) {
            Ok(Some((file, warnings))) => {
                self.warnings.extend(warnings);
                self.base = file;
                self.view = self.base.clone();
                let view = &mut self.view;
                self.pending.retain(|c| c.apply(view).is_ok());
            }
            Ok(None) => {}
            Err(e) => self.warnings.push(e.to_string()),
        }
    }

    /// Takes in changes saved elsewhere. None: nothing new. Some(Ok): the new state is
    /// taken, with the pending changes that no longer apply. Some(Err): the file became
    /// unreadable and will not be written.
    pub fn poll(&mut self) -> Option<Result<Vec<C::Err>, FileProblem>> {
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
                self.view = view;
                if self.pending.is_empty() {
                    self.state = SaveState::Saved;
                }
                Some(Ok(dropped))
            }
            Err(p) => {
                if !matches!(self.state, SaveState::ReadOnly(_)) {
                    self.state = SaveState::NotSaved(p.to_string());
                }
                Some(Err(p))
            }
        }
    }
}
