//! The merge of events made on several desks: how many events a second one desk folds into
//! incidents (each incident rebuilt from all its events, as after an event that sorts
//! before those applied), applies strictly as it makes them, and reads from lines.
//!
//!   cargo bench -p shiftdesk-core --bench merge
//!
//! Figures: BENCHMARKS.md ("Sync: the merge").

use chrono::{DateTime, Duration, Utc};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use shiftdesk_core::category::Category;
use shiftdesk_core::change::{Change, NewIncident, Stamped};
use shiftdesk_core::checklist::{ChecklistStep, checklist_from};
use shiftdesk_core::desk::IncidentsFile;
use shiftdesk_core::incident::IncidentId;
use shiftdesk_core::playbook::Playbooks;
use shiftdesk_core::record::Scope;
use shiftdesk_core::severity::Severity;
use shiftdesk_core::sync::{Event, Hlc, fold_incident};
use std::collections::BTreeMap;
use std::hint::black_box;

fn start() -> DateTime<Utc> {
    "2026-11-29T10:00:00Z".parse().unwrap_or_default()
}

/// The events of one incident opened at TYO1 and worked on at TYO1 and OSA1 alternately,
/// each desk a few events behind the other: notes, steps checked, scope, updates, one
/// close and reopen. `n` events in all.
fn incident_events(checklist: &[ChecklistStep], k: u32, n: usize) -> Vec<Event> {
    let id = IncidentId::for_desk("TYO1", k);
    let step = |i: usize| checklist[i % checklist.len().max(1)].id.clone();
    let mut events: Vec<Event> = Vec::with_capacity(n);
    for i in 0..n {
        let incident = id.clone();
        let change = match i {
            0 => Change::Open(Box::new(NewIncident {
                id: Some(id.clone()),
                title: format!("Outage {k}"),
                category: Category::SystemOutage,
                kind: None,
                severity: Severity::HIGH,
                detected_at: start(),
                description: String::new(),
                drill: false,
                checklist: checklist.to_vec(),
                route: None,
                drill_run: None,
            })),
            _ if i == n / 2 => Change::CloseWithoutReview {
                incident,
                reason: "fixed".into(),
            },
            _ if i == n / 2 + 2 => Change::Reopen {
                incident,
                reason: "back".into(),
            },
            _ => match i % 5 {
                0 => Change::SetStep {
                    incident,
                    step: step(i),
                    done: true,
                },
                1 => Change::SetScope {
                    incident,
                    scope: Box::new(Scope {
                        services: format!("mail {i}"),
                        ..Scope::default()
                    }),
                    conditions: vec![],
                },
                2 => Change::UpdateSent {
                    incident,
                    text: format!("update {i}"),
                },
                _ => Change::Note {
                    incident,
                    text: format!("note {i}: the mail queue is at {} messages", i * 37),
                },
            },
        };
        let desk = if i.is_multiple_of(2) { "TYO1" } else { "OSA1" };
        let at = start() + Duration::seconds(i as i64);
        let mut random = [0u8; 10];
        random[..4].copy_from_slice(&k.to_be_bytes());
        random[4..8].copy_from_slice(&(i as u32).to_be_bytes());
        let stamped = Stamped::new(change, at, "op", desk, random);
        let clock = Hlc {
            ms: at.timestamp_millis(),
            n: 0,
        };
        // Each desk had seen the other's events up to three back.
        let other = if desk == "TYO1" { "OSA1" } else { "TYO1" };
        let seen_ms = (at - Duration::seconds(3)).timestamp_millis();
        let seen = BTreeMap::from([(other.to_string(), Hlc { ms: seen_ms, n: 0 })]);
        events.push(Event::of_incident(&stamped, "TYO", clock, seen));
    }
    events
}

fn merge(c: &mut Criterion) {
    let books: Playbooks = serde_json::from_str(include_str!("../../../assets/playbooks.json"))
        .expect("the bundled playbooks");
    let book = books.for_category(Category::SystemOutage);
    let checklist = book.map(checklist_from).expect("an outage playbook");
    let one = incident_events(&checklist, 1, 50);
    let many: Vec<Vec<Event>> = (1..=1000)
        .map(|k| incident_events(&checklist, k, 10))
        .collect();
    let lines: Vec<String> = one.iter().map(Event::to_line).collect();

    let mut g = c.benchmark_group("merge");
    g.sample_size(30);
    g.throughput(Throughput::Elements(50));
    g.bench_function("fold one incident of 50 events", |b| {
        b.iter(|| black_box(fold_incident(black_box(&one))))
    });
    g.bench_function("fold 50 events arrived in reverse", |b| {
        let reversed: Vec<&Event> = one.iter().rev().collect();
        b.iter(|| black_box(fold_incident(reversed.iter().copied())))
    });
    g.bench_function("apply 50 events strictly, one by one", |b| {
        let stamped: Vec<Stamped> = one.iter().filter_map(Event::stamped).collect();
        b.iter(|| {
            let mut file = IncidentsFile::default();
            for s in &stamped {
                let _ = black_box(s.apply(&mut file));
            }
            file
        })
    });
    g.bench_function("read 50 event lines", |b| {
        b.iter(|| {
            lines
                .iter()
                .map(|l| Event::from_line(l).is_ok())
                .filter(|ok| *ok)
                .count()
        })
    });
    g.bench_function("write 50 event lines", |b| {
        b.iter(|| one.iter().map(|e| e.to_line().len()).sum::<usize>())
    });
    g.throughput(Throughput::Elements(10_000));
    g.sample_size(10);
    g.bench_function("fold 1,000 incidents of 10 events", |b| {
        b.iter(|| {
            many.iter()
                .map(|events| fold_incident(events).incident.is_some() as usize)
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, merge);
criterion_main!(benches);
