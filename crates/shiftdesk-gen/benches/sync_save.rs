//! What sync adds to a saved change: the same note saved on a desk without sync and on a
//! synced one (its event appended to the outbox, synced, and to the incident's event log in
//! the same transaction). Two copies of one generated data dir (10,000 incidents and 5,000
//! contacts unless SHIFTDESK_BENCH_INCIDENTS / _CONTACTS say otherwise); the two saves are
//! made in turns, so the disk's drifting fsync time falls on both alike. Limit: 1.2×.
//!
//!   cargo bench -p shiftdesk-gen --bench sync_save

use chrono::{DateTime, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use shiftdesk_core::change::Change;
use shiftdesk_core::i18n::Lang;
use shiftdesk_gen::{Spec, write_dir};
use shiftdesk_store::open::open_desk;
use shiftdesk_store::{DataDir, SyncSettings};
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

fn now() -> DateTime<Utc> {
    "2026-11-29T05:30:00Z".parse().unwrap()
}

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    let status = std::process::Command::new("cp")
        .arg("-a")
        .arg(from)
        .arg(to)
        .status()
        .unwrap();
    assert!(status.success());
}

fn save(c: &mut Criterion) {
    let spec = Spec {
        incidents: env_number("SHIFTDESK_BENCH_INCIDENTS", 10_000),
        contacts: env_number("SHIFTDESK_BENCH_CONTACTS", 5_000),
        ..Spec::default()
    };
    let tmp = tempfile::tempdir().unwrap();
    let plain_root = tmp.path().join("plain");
    write_dir(&plain_root, &spec, now()).unwrap();
    let plain_dir = DataDir::at(&plain_root);
    // The first start moves the history to the archive; then the copy.
    drop(open_desk(&plain_dir, Lang::En, now()).unwrap());
    let synced_root = tmp.path().join("synced");
    copy_dir(&plain_root, &synced_root);
    let synced_dir = DataDir::at(&synced_root);
    let (mut plain, _) = open_desk(&plain_dir, Lang::En, now()).unwrap();
    let (mut synced, _) = open_desk(&synced_dir, Lang::En, now()).unwrap();
    synced
        .enable_sync(&SyncSettings {
            url: "nats://127.0.0.1:4222".into(),
            site: "TYO".into(),
            desk: "TYO1".into(),
            sites: vec!["TYO".into()],
        })
        .unwrap();
    let open: Vec<_> = plain
        .incidents()
        .incidents
        .iter()
        .filter(|i| i.is_open())
        .map(|i| i.id.clone())
        .collect();
    eprintln!(
        "data: {} incidents ({} live, {} open), {} contacts",
        spec.incidents,
        plain.incidents().incidents.len(),
        open.len(),
        spec.contacts
    );
    let mut g = c.benchmark_group("sync save");
    g.sample_size(30);
    let mut turn = 0;
    let mut round = |timed: usize| {
        turn += 1;
        let note = Change::Note {
            incident: open[turn % open.len()].clone(),
            text: "called again, no answer".into(),
        };
        let at = now() + chrono::Duration::milliseconds(turn as i64);
        let started = Instant::now();
        plain
            .submit(plain.stamp(note.clone(), at, "bench"))
            .result
            .unwrap();
        let unsynced = started.elapsed();
        // Each save starts from a quiet disk: else the second pays for what the first
        // left the journal to do.
        let _ = std::process::Command::new("sync").status();
        let started = Instant::now();
        synced
            .submit(synced.stamp(note, at, "bench"))
            .result
            .unwrap();
        let with_sync = started.elapsed();
        // Whatever the round left unsynced (the event log, written lazily) goes to disk now,
        // untimed: else the next save's fsync would pay for it.
        let _ = std::process::Command::new("sync").status();
        // Acknowledged now and then, as the server would, so the outbox stays short.
        if turn % 50 == 0 {
            let ids: Vec<String> = synced
                .take_unpublished()
                .into_iter()
                .map(|(i, _)| i)
                .collect();
            synced.sync_acked(&ids).unwrap();
        }
        [unsynced, with_sync][timed]
    };
    for (timed, name) in [
        "saved change (a note), no sync",
        "saved change (a note), synced",
    ]
    .into_iter()
    .enumerate()
    {
        g.bench_function(name, |b| {
            b.iter_custom(|iters| (0..iters).map(|_| round(timed)).sum::<Duration>())
        });
    }
    g.finish();
}

/// How many events from another desk one desk applies a second: 20 incidents opened and
/// 50 notes on each (1,020 events) made at one desk, applied at another in batches of 100
/// as the reader hands them over, each batch one transaction.
fn apply(c: &mut Criterion) {
    let settings = |desk: &str| SyncSettings {
        url: "nats://127.0.0.1:4222".into(),
        site: "TYO".into(),
        desk: desk.into(),
        sites: vec!["TYO".into()],
    };
    let maker_tmp = tempfile::tempdir().unwrap();
    let maker_dir = DataDir::at(maker_tmp.path());
    let (mut maker, _) = open_desk(&maker_dir, Lang::En, now()).unwrap();
    maker.enable_sync(&settings("TYO1")).unwrap();
    let template = maker_tmp.path().join("template");
    write_dir(
        &template,
        &Spec {
            incidents: 20,
            contacts: 50,
            ..Spec::default()
        },
        now(),
    )
    .unwrap();
    let (source, _) = open_desk(&DataDir::at(&template), Lang::En, now()).unwrap();
    let mut ids = Vec::new();
    for (k, inc) in source.incidents().incidents.iter().enumerate() {
        let at = now() + chrono::Duration::seconds(k as i64);
        let open = maker.stamp(
            shiftdesk_core::test_fixtures::opening_like(inc),
            at,
            "bench",
        );
        if let Ok(shiftdesk_core::change::Applied::Opened(id)) = maker.submit(open).result {
            ids.push(id);
        }
    }
    for n in 0..50 {
        for (k, id) in ids.iter().enumerate() {
            let at = now() + chrono::Duration::seconds(100 + n * 20 + k as i64);
            let note = Change::Note {
                incident: id.clone(),
                text: format!("note {n}"),
            };
            maker.submit(maker.stamp(note, at, "bench")).result.unwrap();
        }
    }
    let events: Vec<shiftdesk_core::sync::Event> = maker
        .take_unpublished()
        .iter()
        .map(|(_, l)| shiftdesk_core::sync::Event::from_line(l).unwrap())
        .collect();
    eprintln!("{} events on {} incidents", events.len(), ids.len());
    let mut g = c.benchmark_group("sync apply");
    g.sample_size(10);
    g.throughput(criterion::Throughput::Elements(events.len() as u64));
    g.bench_function("events from another desk, batches of 100", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let tmp = tempfile::tempdir().unwrap();
                let dir = DataDir::at(tmp.path());
                let (mut desk, _) = open_desk(&dir, Lang::En, now()).unwrap();
                desk.enable_sync(&settings("OSA1")).unwrap();
                let started = Instant::now();
                for (k, batch) in events.chunks(100).enumerate() {
                    let reached =
                        BTreeMap::from([("TYO".to_string(), (k * 100 + batch.len()) as u64)]);
                    let got = desk.apply_remote(batch.to_vec(), reached).unwrap();
                    assert!(got.refused.is_empty(), "{got:?}");
                }
                total += started.elapsed();
                assert_eq!(desk.incidents().incidents.len(), ids.len());
            }
            total
        })
    });
    g.finish();
}

criterion_group!(benches, save, apply);
criterion_main!(benches);
