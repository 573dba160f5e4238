//! The property the merge keeps: desks that made changes apart, each on what it had
//! received, with clocks that drift, end with the same incident once every event has
//! reached every desk — in whatever order and however often the events arrived. And on
//! the way, a desk's own change applied strictly on its fold equals the fold with it.

use super::tests_fold::{inc_id, note, open};
use super::*;
use crate::apply::Apply;
use crate::change::{Change, Stamped};
use crate::desk::IncidentsFile;
use crate::incident::Incident;
use crate::record::Scope;
use chrono::{DateTime, Duration, Utc};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

/// One desk of the simulation: the events it has, its clock, and its wall clock's drift.
struct Desk {
    code: String,
    known: Vec<Event>,
    clock: Hlc,
    drift_ms: i64,
    made: u64,
}

impl Desk {
    fn seen(&self) -> BTreeMap<String, Hlc> {
        let mut seen: BTreeMap<String, Hlc> = BTreeMap::new();
        for e in &self.known {
            let h = seen.entry(e.desk.clone()).or_default();
            *h = (*h).max(e.clock);
        }
        seen.remove(&self.code);
        seen
    }

    fn receive(&mut self, event: &Event, now_ms: i64) {
        if self.known.iter().any(|e| e.id == event.id) {
            return;
        }
        self.clock = Hlc::observe(self.clock, event.clock, now_ms + self.drift_ms);
        self.known.push(event.clone());
    }
}

fn step_ids() -> Vec<String> {
    match open() {
        Change::Open(new) => new.checklist.iter().take(3).map(|s| s.id.clone()).collect(),
        _ => unreachable!(),
    }
}

/// A change of the kind `op`, with `param` picking among a few values.
fn change(op: u8, param: u8) -> Change {
    let incident = inc_id();
    let steps = step_ids();
    let step = steps[usize::from(param) % steps.len()].clone();
    match op {
        0 | 1 => note(&format!("note {param}")),
        2 => Change::Close { incident },
        3 => Change::CloseWithoutReview {
            incident,
            reason: "duplicate".into(),
        },
        4 => Change::Reopen {
            incident,
            reason: format!("again {param}"),
        },
        5 => Change::SetStep {
            incident,
            step,
            done: param.is_multiple_of(2),
        },
        6 => Change::SetNotApplicable {
            incident,
            step,
            not_applicable: param.is_multiple_of(2),
            reason: String::new(),
        },
        7 => Change::SetScope {
            incident,
            scope: Box::new(Scope {
                services: ["mail", "web", "vpn", "dns"][usize::from(param) % 4].into(),
                ..Scope::default()
            }),
            conditions: vec![],
        },
        _ => Change::UpdateSent {
            incident,
            text: format!("update {param}"),
        },
    }
}

fn at(ms: i64) -> DateTime<Utc> {
    crate::test_fixtures::t("10:00") + Duration::milliseconds(ms)
}

fn fold_of(events: &[Event]) -> Option<Incident> {
    fold_incident(events).incident
}

/// A desk makes a change, if its fold of what it has takes it strictly and it changes something. Checks that the
/// strict result equals the fold with the new event. The event made, if any.
fn make(desk: &mut Desk, change: Change, now_ms: i64) -> Result<Option<Event>, TestCaseError> {
    let mut file = IncidentsFile::default();
    if let Some(inc) = fold_of(&desk.known) {
        file.incidents.push(Arc::new(inc));
    }
    let wall = now_ms + desk.drift_ms;
    desk.made += 1;
    let mut random = [0u8; 10];
    random[..8].copy_from_slice(&desk.made.to_be_bytes());
    random[8] = desk.code.as_bytes()[3];
    let stamped = Stamped::new(change, at(wall), "op", &desk.code, random);
    // As the store does: a change refused, or already in place, makes no event.
    match stamped.apply(&mut file) {
        Ok(out) if <Stamped as Apply<IncidentsFile>>::changed(&out) => {}
        _ => return Ok(None),
    }
    let clock = Hlc::tick(desk.clock, at(wall).timestamp_millis());
    desk.clock = clock;
    let event = Event::of_incident(&stamped, "S", clock, desk.seen());
    desk.known.push(event.clone());
    prop_assert_eq!(
        file.incidents.first().map(|i| (**i).clone()),
        fold_of(&desk.known),
        "strict local change on the fold"
    );
    Ok(Some(event))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn desks_apart_converge_whatever_the_order(
        desks in 2usize..=3,
        drift in prop::collection::vec(-40i64..40, 3),
        steps in prop::collection::vec((0u8..10, 0usize..3, 0u8..6, 0usize..3, 1i64..6), 1..40),
        orders in prop::collection::vec(any::<u64>(), 3),
    ) {
        let mut desks: Vec<Desk> = (0..desks)
            .map(|i| Desk {
                code: format!("DSK{i}"),
                known: Vec::new(),
                clock: Hlc::default(),
                drift_ms: drift[i],
                made: 0,
            })
            .collect();
        let mut now = 100;
        let mut all: Vec<Event> = Vec::new();
        if let Some(e) = make(&mut desks[0], open(), now)? {
            all.push(e);
        }
        for (op, who, param, from, dt) in steps {
            now += dt;
            let who = who % desks.len();
            if op == 9 {
                // A sync: `who` receives what `from` has, in `from`'s order.
                let from = from % desks.len();
                let theirs = desks[from].known.clone();
                for e in &theirs {
                    desks[who].receive(e, now);
                }
                continue;
            }
            if let Some(e) = make(&mut desks[who], change(op, param), now)? {
                all.push(e);
            }
        }
        let expected = fold_of(&all);
        prop_assert!(expected.is_some());
        // Every desk gets everything, in its own order, some twice.
        for (k, desk) in desks.iter_mut().enumerate() {
            let mut arriving: Vec<Event> = all.clone();
            arriving.extend(all.iter().step_by(k + 2).cloned());
            let seed = orders[k];
            let n = arriving.len();
            for i in (1..n).rev() {
                let j = (seed.wrapping_mul(6364136223846793005).wrapping_add(i as u64) >> 33) as usize % (i + 1);
                arriving.swap(i, j);
            }
            for e in &arriving {
                desk.receive(e, now);
            }
            let mut with_duplicates = desk.known.clone();
            with_duplicates.extend(arriving);
            prop_assert_eq!(&fold_of(&with_duplicates), &expected, "desk {}", k);
            prop_assert_eq!(&fold_of(&desk.known), &expected, "desk {}", k);
        }
    }
}
