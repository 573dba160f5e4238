//! Events from other desks, applied to the newest state inside a transaction (lock,
//! re-read, apply, write), as a change of its own kind ([`Apply`]).
//!
//! Incidents: an incident's events are kept in `events/<id>.jsonl`; one that arrived by sync
//! is replaced by the fold of all its events, so every desk comes to the same incident in
//! whatever order and however often they arrive. Events for an incident whose Open has not
//! come wait in `events/unplaced.jsonl`. The roster: last writer (by clock, then id) wins per
//! contact; `events/roster.jsonl` keeps every event.

use crate::DataDir;
use crate::outbox::{append_lines, rewrite};
use crate::sync_side::{RemoteOutcome, incident_log, read_events, roster_log, unplaced_log};
use shiftdesk_core::apply::Apply;
use shiftdesk_core::change::{Change, ChangeId, Stamped};
use shiftdesk_core::desk::IncidentsFile;
use shiftdesk_core::i18n::Lang;
use shiftdesk_core::incident::IncidentId;
use shiftdesk_core::roster::Roster;
use shiftdesk_core::roster::change::{RosterApplied, RosterChange};
use shiftdesk_core::roster::csv::MergeReport;
use shiftdesk_core::sync::{ContactClocks, Event, EventChange, Hlc, fold_incident};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

/// A batch of incident events from other desks.
pub(crate) struct RemoteIncidents<'a> {
    pub dir: &'a DataDir,
    pub desk: &'a str,
    pub events: Vec<Event>,
    pub tally: RefCell<RemoteOutcome>,
}

fn is_open(e: &Event) -> bool {
    matches!(e.change, EventChange::Incident(Change::Open(_)))
}

fn order(e: &Event) -> (Hlc, ChangeId) {
    (e.clock, e.id)
}

impl Apply<IncidentsFile> for RemoteIncidents<'_> {
    type Out = bool;
    type Err = String;

    fn changed(out: &bool) -> bool {
        *out
    }

    fn apply(&self, file: &mut IncidentsFile) -> Result<bool, String> {
        let mut tally = self.tally.borrow_mut();
        let mut groups: Vec<(IncidentId, Vec<&Event>)> = Vec::new();
        let mut index: HashMap<IncidentId, usize> = HashMap::new();
        for e in &self.events {
            let Some(id) = e.incident() else {
                tally
                    .refused
                    .push(format!("{}: not about any incident", e.id_text()));
                continue;
            };
            let i = *index.entry(id.clone()).or_insert_with(|| {
                groups.push((id, Vec::new()));
                groups.len() - 1
            });
            groups[i].1.push(e);
        }
        let mut changed = false;
        let mut unplaced = Unplaced::at(unplaced_log(self.dir));
        for (id, group) in groups {
            let Some(path) = incident_log(self.dir, &id) else {
                tally
                    .refused
                    .push(format!("{id}: this id cannot name an event log"));
                continue;
            };
            let log = read_events(&path).map_err(|e| format!("{e:#}"))?;
            let mut known: HashSet<ChangeId> = log.iter().map(|e| e.id).collect();
            let mut new: Vec<Event> = Vec::new();
            for e in &group {
                if known.insert(e.id) {
                    new.push((*e).clone());
                } else {
                    tally.duplicates += 1;
                }
            }
            // Only this desk's own events coming back: nothing to do.
            if new.is_empty() && group.iter().all(|e| e.desk == self.desk) {
                continue;
            }
            let has_open = log.iter().chain(&new).any(is_open);
            if !has_open {
                // No Open for it here: its Open has not come yet, or it is an incident
                // recorded before its desk joined the board (an older id like INC-0003,
                // which another desk may well have given to an incident of its own). Kept
                // aside, never applied to an incident that only shares the number.
                tally.unplaced += unplaced.add(new)?;
                continue;
            }
            // Events that waited for this incident's Open.
            let ours = unplaced.take(&id)?;
            new.extend(ours.into_iter().filter(|e| known.insert(e.id)));
            append(&path, &new)?;
            let folded = fold_incident(log.iter().chain(&new));
            let new_ids: HashSet<ChangeId> = new.iter().map(|e| e.id).collect();
            for (cid, err) in &folded.not_applied {
                if new_ids.contains(cid) {
                    tally
                        .refused
                        .push(format!("{cid}: {}", err.message(Lang::En)));
                }
            }
            tally.applied += new.len();
            if let Some(incident) = folded.incident {
                match file.incidents.iter_mut().find(|i| i.id == id) {
                    Some(slot) if **slot == incident => {}
                    Some(slot) => {
                        *slot = Arc::new(incident);
                        changed = true;
                    }
                    None => {
                        file.incidents.push(Arc::new(incident));
                        changed = true;
                    }
                }
            }
        }
        unplaced.write()?;
        Ok(changed)
    }
}

/// `events/unplaced.jsonl` over one batch: read once, when first needed; taken from and
/// added to in memory; written once at the end.
struct Unplaced {
    path: PathBuf,
    /// The events waiting, once read.
    waiting: Option<Vec<Event>>,
    /// Added by this batch, to append.
    fresh: Vec<Event>,
    /// Whether some were taken: the file is then rewritten whole.
    taken: bool,
}

impl Unplaced {
    fn at(path: PathBuf) -> Self {
        Unplaced {
            path,
            waiting: None,
            fresh: Vec::new(),
            taken: false,
        }
    }

    fn waiting(&mut self) -> Result<&mut Vec<Event>, String> {
        if self.waiting.is_none() {
            self.waiting = Some(read_events(&self.path).map_err(|e| format!("{e:#}"))?);
        }
        Ok(self.waiting.get_or_insert_default())
    }

    /// Keeps aside those of `events` not waiting already. How many that was.
    fn add(&mut self, events: Vec<Event>) -> Result<usize, String> {
        let waiting = self.waiting()?;
        let ids: HashSet<ChangeId> = waiting.iter().map(|e| e.id).collect();
        let fresh: Vec<Event> = events
            .into_iter()
            .filter(|e| !ids.contains(&e.id))
            .collect();
        waiting.extend(fresh.iter().cloned());
        let n = fresh.len();
        self.fresh.extend(fresh);
        Ok(n)
    }

    /// Takes out the events waiting for incident `id`.
    fn take(&mut self, id: &IncidentId) -> Result<Vec<Event>, String> {
        let waiting = self.waiting()?;
        let (ours, rest): (Vec<Event>, Vec<Event>) = std::mem::take(waiting)
            .into_iter()
            .partition(|e| e.incident().as_ref() == Some(id));
        *waiting = rest;
        self.taken |= !ours.is_empty();
        Ok(ours)
    }

    /// Writes what changed: the whole file when some were taken, else the fresh appended.
    fn write(self) -> Result<(), String> {
        if self.taken {
            let waiting = self.waiting.unwrap_or_default();
            let lines: Vec<String> = waiting.iter().map(Event::to_line).collect();
            rewrite(&self.path, lines.iter().map(String::as_str)).map_err(|e| format!("{e:#}"))
        } else {
            append(&self.path, &self.fresh)
        }
    }
}

fn append(path: &std::path::Path, events: &[Event]) -> Result<(), String> {
    let lines: Vec<String> = events.iter().map(Event::to_line).collect();
    append_lines(path, lines.iter().map(String::as_str), true).map_err(|e| format!("{e:#}"))
}

/// A batch of roster events from other desks.
pub(crate) struct RemoteRoster<'a> {
    pub dir: &'a DataDir,
    pub events: Vec<Event>,
    pub tally: RefCell<RemoteOutcome>,
}

impl Apply<Roster> for RemoteRoster<'_> {
    type Out = bool;
    type Err = String;

    fn changed(out: &bool) -> bool {
        *out
    }

    fn apply(&self, roster: &mut Roster) -> Result<bool, String> {
        let mut tally = self.tally.borrow_mut();
        let path = roster_log(self.dir);
        let log = read_events(&path).map_err(|e| format!("{e:#}"))?;
        let mut known: HashSet<ChangeId> = log.iter().map(|e| e.id).collect();
        let mut clocks = ContactClocks::default();
        for e in &log {
            clocks.record(e);
        }
        let mut new: Vec<&Event> = Vec::new();
        for e in &self.events {
            if known.insert(e.id) {
                new.push(e);
            } else {
                tally.duplicates += 1;
            }
        }
        let lines: Vec<String> = new.iter().map(|e| e.to_line()).collect();
        append_lines(&path, lines.iter().map(String::as_str), true)
            .map_err(|e| format!("{e:#}"))?;
        new.sort_by_key(|e| order(e));
        let mut changed = false;
        for e in new {
            tally.applied += 1;
            let EventChange::Roster(change) = &e.change else {
                continue;
            };
            if !clocks.admit(e) {
                continue;
            }
            // A contact added elsewhere that is here already: its fields, as an edit.
            let change = match change {
                RosterChange::Add { contact, fields } if roster.contact(contact).is_some() => {
                    RosterChange::Edit {
                        contact: contact.clone(),
                        fields: fields.clone(),
                    }
                }
                other => other.clone(),
            };
            match change.apply(roster) {
                Ok(RosterApplied::Unchanged) => {}
                Ok(_) => changed = true,
                Err(err) => {
                    tally
                        .refused
                        .push(format!("{}: {}", e.id_text(), err.message(Lang::En)))
                }
            }
        }
        Ok(changed)
    }
}

/// An import as it travels: for each contact it added or updated, its fields after it (an
/// Add, which a desk that has the contact takes as an edit).
pub(crate) fn import_as_edits(
    change: &Stamped<RosterChange>,
    report: &MergeReport,
    roster: &Roster,
) -> Vec<Stamped<RosterChange>> {
    let names: HashSet<&str> = report
        .added
        .iter()
        .map(String::as_str)
        .chain(report.updated.iter().map(|u| u.name.as_str()))
        .collect();
    roster
        .contacts
        .iter()
        .filter(|c| names.contains(c.name.as_str()))
        .map(|c| Stamped {
            id: derived_id(change, &c.id),
            origin: change.origin.clone(),
            by: change.by.clone(),
            at: change.at,
            change: RosterChange::Add {
                contact: c.id.clone(),
                fields: shiftdesk_core::roster::change::ContactFields::of(c),
            },
        })
        .collect()
}

/// An id of its own for each contact change of one import, the same every time it is made
/// (a save tried again makes the same events): the import's time, and bits hashed from the
/// import's id and the contact's.
fn derived_id(import: &Stamped<RosterChange>, contact: &str) -> ChangeId {
    use std::hash::{Hash, Hasher};
    let text = import.id.to_string();
    let mut bits = [0u8; 10];
    for (k, chunk) in bits.chunks_mut(5).enumerate() {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (k, &text, contact).hash(&mut h);
        chunk.copy_from_slice(&h.finish().to_le_bytes()[..5]);
    }
    ChangeId::new(import.at, bits)
}
