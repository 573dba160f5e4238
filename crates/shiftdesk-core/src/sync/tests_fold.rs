//! The merge: what two desks cut off from each other did to one incident, folded.

use super::*;
use crate::change::{Change, ChangeError};
use crate::incident::{IncidentId, Status};
use crate::record::Scope;
use crate::sync::tests::every_change;
use crate::test_fixtures::stamped;
use crate::timeline::{EntryKind, MergeMark};
use chrono::{DateTime, Duration, Utc};
use std::collections::BTreeMap;

pub(crate) fn inc_id() -> IncidentId {
    IncidentId::for_desk("TYO1", 3)
}

pub(crate) fn base_time() -> DateTime<Utc> {
    crate::test_fixtures::t("10:00")
}

/// An event made at `desk` at clock `ms` (ms after 10:00), its maker having applied the
/// events of other desks up to the clocks in `seen`.
pub(crate) fn ev(desk: &str, ms: i64, seen: &[(&str, i64)], change: Change) -> Event {
    let at = base_time() + Duration::milliseconds(ms);
    let clock = Hlc {
        ms: at.timestamp_millis(),
        n: 0,
    };
    let seen = seen
        .iter()
        .map(|(d, ms)| {
            let at = base_time() + Duration::milliseconds(*ms);
            let h = Hlc {
                ms: at.timestamp_millis(),
                n: 0,
            };
            (d.to_string(), h)
        })
        .collect::<BTreeMap<_, _>>();
    let mut made = stamped(change, at, "op");
    made.origin = desk.to_string();
    Event::of_incident(&made, "TYO", clock, seen)
}

/// The Open of the fixture incident (a drill with the outage steps, no route).
pub(crate) fn open() -> Change {
    every_change().remove(0)
}

pub(crate) fn note(text: &str) -> Change {
    Change::Note {
        incident: inc_id(),
        text: text.into(),
    }
}

fn close() -> Change {
    Change::Close { incident: inc_id() }
}

fn reopen() -> Change {
    Change::Reopen {
        incident: inc_id(),
        reason: "not fixed".into(),
    }
}

fn first_step() -> String {
    match open() {
        Change::Open(new) => new.checklist[0].id.clone(),
        _ => unreachable!(),
    }
}

fn folded(events: &[Event]) -> crate::incident::Incident {
    fold_incident(events).incident.expect("opened")
}

fn marks(inc: &crate::incident::Incident) -> Vec<(EntryKind, Option<MergeMark>)> {
    inc.timeline.iter().map(|e| (e.kind, e.merge)).collect()
}

#[test]
fn a_note_made_while_another_desk_closed_it_is_kept_and_marked() {
    let events = [
        ev("TYO1", 1, &[], open()),
        ev("TYO1", 10, &[], close()),
        ev("OSA1", 11, &[("TYO1", 1)], note("still failing here")),
    ];
    let inc = folded(&events);
    assert_eq!(inc.status, Status::Closed);
    let last = inc.timeline.last().unwrap();
    assert_eq!(last.kind, EntryKind::Note);
    assert_eq!(last.text, "still failing here");
    assert_eq!(last.merge, Some(MergeMark::AfterClose));
    let closed = inc.timeline.iter().find(|e| e.kind == EntryKind::Closed);
    assert_eq!(closed.unwrap().merge, None);
    assert!(!inc.has_conflict());
    // A note made before the close, in order: nothing to mark.
    let before = [
        ev("TYO1", 1, &[], open()),
        ev("OSA1", 9, &[("TYO1", 1)], note("first")),
        ev("TYO1", 10, &[], close()),
    ];
    assert!(marks(&folded(&before)).iter().all(|(_, m)| m.is_none()));
}

#[test]
fn a_close_and_a_reopen_made_apart_are_a_conflict_until_settled() {
    // Both desks saw it open. TYO1 closes and, later, reopens; OSA1, cut off, closes too.
    let mut events = vec![
        ev("TYO1", 1, &[], open()),
        ev("TYO1", 10, &[], close()),
        ev("OSA1", 11, &[("TYO1", 1)], close()),
        ev("TYO1", 12, &[], reopen()),
    ];
    let inc = folded(&events);
    assert_eq!(inc.status, Status::Open);
    assert!(inc.has_conflict(), "{:?}", marks(&inc));
    let closes: Vec<_> = inc
        .timeline
        .iter()
        .filter(|e| e.kind == EntryKind::Closed)
        .collect();
    assert_eq!(closes.len(), 2, "both closes kept");
    assert!(closes.iter().all(|e| e.merge.is_none()), "two closes agree");
    // A desk that has seen both decides: settled.
    events.push(ev("OSA1", 20, &[("TYO1", 12)], close()));
    let inc = folded(&events);
    assert_eq!(inc.status, Status::Closed);
    assert!(!inc.has_conflict());
}

#[test]
fn a_close_made_without_having_seen_a_reopen_is_a_conflict() {
    let events = [
        ev("TYO1", 1, &[], open()),
        ev("TYO1", 5, &[], close()),
        ev("TYO1", 20, &[], reopen()),
        // OSA1 saw the close, reopened and closed again, not having seen TYO1's reopen.
        ev("OSA1", 21, &[("TYO1", 5)], reopen()),
        ev("OSA1", 22, &[("TYO1", 5)], close()),
    ];
    let inc = folded(&events);
    assert_eq!(inc.status, Status::Closed);
    assert!(inc.has_conflict());
    assert_eq!(
        inc.timeline.last().map(|e| (e.kind, e.merge)),
        Some((EntryKind::Closed, Some(MergeMark::Conflict)))
    );
}

#[test]
fn the_later_step_state_wins_and_both_stay() {
    let step = first_step();
    let check = Change::SetStep {
        incident: inc_id(),
        step: step.clone(),
        done: true,
    };
    let not_applicable = Change::SetNotApplicable {
        incident: inc_id(),
        step: step.clone(),
        not_applicable: true,
        reason: "no backup here".into(),
    };
    // OSA1 marks it as not applying, TYO1 checks it a moment later without having seen.
    let events = [
        ev("TYO1", 1, &[], open()),
        ev("OSA1", 9, &[("TYO1", 1)], not_applicable.clone()),
        ev("TYO1", 10, &[], check.clone()),
    ];
    let inc = folded(&events);
    let s = inc.step(&step).unwrap();
    assert!(s.done.is_some() && s.not_applicable.is_none());
    let m = marks(&inc);
    assert!(m.contains(&(EntryKind::StepNotApplicable, None)), "{m:?}");
    assert!(m.contains(&(EntryKind::StepChecked, Some(MergeMark::Overrode))));
    // The other way round: not applying wins, the check stays in the timeline.
    let events = [
        ev("TYO1", 1, &[], open()),
        ev("TYO1", 9, &[], check),
        ev("OSA1", 10, &[("TYO1", 1)], not_applicable),
    ];
    let inc = folded(&events);
    let s = inc.step(&step).unwrap();
    assert!(s.done.is_none() && s.not_applicable.is_some());
    let m = marks(&inc);
    assert!(m.contains(&(EntryKind::StepChecked, None)), "{m:?}");
    assert!(m.contains(&(EntryKind::StepNotApplicable, Some(MergeMark::Overrode))));
}

#[test]
fn the_later_scope_wins_and_a_seen_one_overrides_nothing() {
    let scope = |services: &str| Change::SetScope {
        incident: inc_id(),
        scope: Box::new(Scope {
            services: services.into(),
            ..Scope::default()
        }),
        conditions: vec![],
    };
    let events = [
        ev("TYO1", 1, &[], open()),
        ev("TYO1", 10, &[], scope("mail")),
        ev("OSA1", 11, &[("TYO1", 1)], scope("web")),
        ev("TYO1", 12, &[("OSA1", 11)], scope("mail, web")),
    ];
    let inc = folded(&events);
    assert_eq!(inc.scope.as_ref().unwrap().services, "mail, web");
    let scopes: Vec<_> = inc
        .timeline
        .iter()
        .filter(|e| e.kind == EntryKind::ScopeUpdated)
        .map(|e| (e.text.as_str(), e.merge))
        .collect();
    assert_eq!(
        scopes,
        vec![
            ("mail", None),
            ("web", Some(MergeMark::Overrode)),
            ("mail, web", None)
        ]
    );
}

#[test]
fn a_change_that_cannot_apply_is_kept_and_says_so() {
    let events = [
        ev("TYO1", 1, &[], open()),
        ev(
            "OSA1",
            5,
            &[("TYO1", 1)],
            Change::SetStep {
                incident: inc_id(),
                step: "no-such-step".into(),
                done: true,
            },
        ),
    ];
    let f = fold_incident(&events);
    assert_eq!(
        f.not_applied,
        vec![(
            events[1].id,
            ChangeError::NoSuchStep(inc_id(), "no-such-step".into())
        )]
    );
    let inc = f.incident.unwrap();
    let last = inc.timeline.last().unwrap();
    assert_eq!(last.merge, Some(MergeMark::NotApplied));
    assert_eq!(last.change_id, Some(events[1].id));
    assert!(last.text.starts_with("set_step: "), "{}", last.text);
    // Events without their Open fold to no incident, and are kept as not applied.
    let f = fold_incident(&events[1..]);
    assert_eq!(f.incident, None);
    assert_eq!(f.not_applied.len(), 1);
}

#[test]
fn a_fold_out_of_order_and_with_duplicates_equals_the_fold_in_order() {
    let events = vec![
        ev("TYO1", 1, &[], open()),
        ev("TYO1", 10, &[], close()),
        ev("OSA1", 11, &[("TYO1", 1)], note("a")),
        ev("OSA1", 11, &[("TYO1", 1)], note("same time, other id")),
        ev("TYO1", 12, &[], reopen()),
        ev("OSA1", 13, &[("TYO1", 10)], note("b")),
    ];
    let in_order = fold_incident(&events);
    let mut shuffled: Vec<&Event> = events.iter().rev().collect();
    shuffled.extend(events.iter().step_by(2));
    shuffled.rotate_left(3);
    assert_eq!(fold_incident(shuffled), in_order);
}

#[test]
fn a_strict_local_change_on_top_of_a_fold_equals_the_fold_with_it() {
    // What a desk does: it holds the fold of what it received, applies its own change
    // strictly, and sends it with everything it had seen.
    let received = vec![
        ev("TYO1", 1, &[], open()),
        ev("OSA1", 5, &[("TYO1", 1)], note("from Osaka")),
    ];
    let mut file = crate::desk::IncidentsFile::default();
    file.incidents.push(std::sync::Arc::new(folded(&received)));
    let mine = ev("TYO1", 9, &[("OSA1", 5)], note("local"));
    mine.stamped().unwrap().apply(&mut file).unwrap();
    let mut all = received.clone();
    all.push(mine);
    assert_eq!(*file.incidents[0], folded(&all));
}

#[test]
fn two_reopens_made_apart_are_both_kept() {
    let events = [
        ev("TYO1", 1, &[], open()),
        ev("TYO1", 5, &[], close()),
        ev("TYO1", 20, &[], reopen()),
        ev("OSA1", 21, &[("TYO1", 5)], reopen()),
    ];
    let inc = folded(&events);
    assert_eq!(inc.status, Status::Open);
    let reopens = inc
        .timeline
        .iter()
        .filter(|e| e.kind == EntryKind::Reopened)
        .count();
    assert_eq!(reopens, 2, "{:?}", marks(&inc));
    assert!(!inc.has_conflict(), "two reopens agree");
}
