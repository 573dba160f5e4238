//! The merge: an incident is the fold of its events, in the order of their clocks, each
//! applied in [`Mode::Merge`] from nothing. Every desk holding the same events folds them
//! into the same incident, whatever order they arrived in, however often.
//!
//! - Appends (notes, attempts, updates…) made by a desk that had not seen the incident
//!   closed are applied, their entries marked [`MergeMark::AfterClose`].
//! - Values set at the same time on two desks (a step's state, the scope, the
//!   classification, the review, a measure, an obligation, a decision): the later in order
//!   wins; both entries stay; the later one is marked [`MergeMark::Overrode`].
//! - A change of status (close, close without review, reopen, end of a drill) made without
//!   having seen another one that left the incident otherwise is marked
//!   [`MergeMark::Conflict`] ([`Incident::has_conflict`]). Two desks closing it apart agree:
//!   no conflict.
//! - A change that still cannot apply is kept in [`Folded::not_applied`] and leaves an
//!   entry marked [`MergeMark::NotApplied`] in its place.

use super::{Event, EventChange, Hlc};
use crate::change::{Applied, Change, ChangeError, ChangeId, Mode};
use crate::desk::IncidentsFile;
use crate::incident::{Incident, Status};
use crate::timeline::{EntryKind, MergeMark, TimelineEntry};
use std::collections::HashSet;
use std::sync::Arc;

/// An incident as its events make it.
#[derive(Debug, Clone, PartialEq)]
pub struct Folded {
    /// None when no event opened it (its Open has not arrived).
    pub incident: Option<Incident>,
    /// The changes that could not be applied, in order, with why.
    pub not_applied: Vec<(ChangeId, ChangeError)>,
}

/// What the fold remembers of an applied change: who made it, when, and what it set.
struct Made<'e> {
    desk: &'e str,
    clock: Hlc,
    key: Option<Key<'e>>,
}

/// What a change sets: a value last-writer-wins, or the status (with the status it leaves).
#[derive(Debug, PartialEq, Eq)]
enum Key<'e> {
    Step(&'e str),
    Scope,
    Class,
    Review,
    Measure(u32),
    Obligation(&'e str),
    Decision,
    Status(Status),
}

fn key(change: &Change) -> Option<Key<'_>> {
    Some(match change {
        Change::SetStep { step, .. } | Change::SetNotApplicable { step, .. } => Key::Step(step),
        Change::SetScope { .. } => Key::Scope,
        Change::Reclassify { .. } => Key::Class,
        Change::SaveReview { .. } => Key::Review,
        Change::SetMeasureDone { measure, .. } => Key::Measure(*measure),
        Change::SetObligationDone { obligation, .. } => Key::Obligation(obligation),
        Change::DecideScope { .. } => Key::Decision,
        Change::Close { .. } | Change::CloseWithoutReview { .. } | Change::EndDrill { .. } => {
            Key::Status(Status::Closed)
        }
        Change::Reopen { .. } => Key::Status(Status::Open),
        Change::FromArchive { change, .. } => return key(change),
        _ => return None,
    })
}

/// Whether the desk applying it strictly refuses the change on a closed incident.
fn refused_when_closed(change: &Change) -> bool {
    match change {
        Change::Open(_)
        | Change::SetObligationDone { .. }
        | Change::SetMeasureDone { .. }
        | Change::Reopen { .. } => false,
        Change::FromArchive { change, .. } => refused_when_closed(change),
        _ => true,
    }
}

/// Whether the maker of `event` had applied `earlier` when making it.
fn had_seen(event: &Event, earlier: &Made) -> bool {
    earlier.desk == event.desk
        || event
            .seen
            .get(earlier.desk)
            .is_some_and(|&h| h >= earlier.clock)
}

/// The mark an applied change's entries get, from what came before it in order.
fn mark(
    event: &Event,
    change: &Change,
    key: Option<&Key>,
    was_closed: bool,
    made: &[Made],
) -> Option<MergeMark> {
    let unseen = |k: &dyn Fn(&Key) -> bool| {
        made.iter()
            .any(|m| m.key.as_ref().is_some_and(k) && !had_seen(event, m))
    };
    match key {
        Some(Key::Status(status)) => {
            let other = |k: &Key| matches!(k, Key::Status(s) if s != status);
            unseen(&other).then_some(MergeMark::Conflict)
        }
        Some(k) if unseen(&|m| m == k) => Some(MergeMark::Overrode),
        _ => (was_closed && refused_when_closed(change)).then_some(MergeMark::AfterClose),
    }
}

/// Folds one incident's events: deduplicated by id, sorted by (clock, id), applied in
/// [`Mode::Merge`] from nothing. Deterministic: the same events give the same incident.
/// Roster events and events of other incidents than the first are ignored.
pub fn fold_incident<'e>(events: impl IntoIterator<Item = &'e Event>) -> Folded {
    fold_onto(None, events)
}

/// [`fold_incident`] onto an incident as it stood before its events (one recorded before
/// the desk was synced): its changes apply on top of it.
pub fn fold_onto<'e>(
    base: Option<Incident>,
    events: impl IntoIterator<Item = &'e Event>,
) -> Folded {
    let mut ids = HashSet::new();
    let mut events: Vec<&Event> = events
        .into_iter()
        .filter(|e| matches!(e.change, EventChange::Incident(_)))
        .collect();
    events.sort_by_key(|e| (e.clock, e.id));
    events.retain(|e| ids.insert(e.id));

    let mut file = IncidentsFile::default();
    let mut subject = base.as_ref().map(|b| b.id.clone());
    if let Some(base) = base {
        file.incidents.push(Arc::new(base));
    }
    let mut made: Vec<Made> = Vec::with_capacity(events.len());
    let mut not_applied = Vec::new();
    for event in events {
        let EventChange::Incident(change) = &event.change else {
            continue;
        };
        let about = event.incident();
        if subject.is_some() && about.is_some() && about != subject {
            continue;
        }
        let was_closed = subject
            .as_ref()
            .and_then(|id| file.get(id))
            .is_some_and(|i| i.status != Status::Open);
        let Some(stamped) = event.stamped() else {
            continue;
        };
        match stamped.apply_in(&mut file, Mode::Merge) {
            Ok(Applied::Opened(id) | Applied::Changed(id)) => {
                subject.get_or_insert(id.clone());
                let sets = key(change);
                let merge = mark(event, change, sets.as_ref(), was_closed, &made);
                if let (Some(m), Some(inc)) = (merge, file.get_mut(&id)) {
                    for entry in inc.timeline.iter_mut().rev() {
                        if entry.change_id != Some(event.id) {
                            break;
                        }
                        entry.merge = Some(m);
                    }
                }
                made.push(Made {
                    desk: &event.desk,
                    clock: event.clock,
                    key: sets,
                });
            }
            Ok(Applied::Unchanged) => {}
            Err(error) => {
                if let Some(inc) = subject.as_ref().and_then(|id| file.get_mut(id)) {
                    let text = format!("{}: {}", change_type(change), error);
                    let mut entry =
                        TimelineEntry::new(event.at, &event.operator, EntryKind::Note, text);
                    entry.change_id = Some(event.id);
                    entry.merge = Some(MergeMark::NotApplied);
                    inc.timeline.push(entry);
                }
                not_applied.push((event.id, error));
            }
        }
    }
    let incident = subject
        .and_then(|id| file.incidents.into_iter().find(|i| i.id == id))
        .map(Arc::unwrap_or_clone);
    Folded {
        incident,
        not_applied,
    }
}

/// The change's type as its events name it (`set_step`).
fn change_type(change: &Change) -> String {
    serde_json::to_value(change)
        .ok()
        .and_then(|v| v.get("type")?.as_str().map(str::to_string))
        .unwrap_or_default()
}
