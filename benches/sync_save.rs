//! What sync adds to a saved change: the same note saved on a desk without sync and on a
//! synced one (its event appended to the outbox, synced, and to the incident's event log in
//! the same transaction). Two copies of the benches' generated data dir (see
//! `common/mod.rs`). Limit: 1.2×.
//!
//! The limit is checked on paired saves: each round saves the same note on both desks,
//! which one first alternating, the disk synced (untimed) before each. After criterion's two
//! estimates the bench prints the paired figures of every round (`paired: ... ratio of
//! medians ...`). Criterion's two estimates are timed one after the other, and the machine
//! drifts between them, so their ratio is not the cost of sync (1.29× in a run whose paired
//! saves were 1.09×). Both desks are made anew from their first copies every 100 rounds
//! (untimed), so `incidents.json` does not grow through the run and the second estimate
//! does not save a bigger file than the first.
//!
//!   cargo bench --bench sync_save

mod common;

use common::{data, now};
use criterion::{Criterion, criterion_group, criterion_main};
use shiftdesk_core::change::Change;
use shiftdesk_core::i18n::Lang;
use shiftdesk_gen::{Spec, write_dir};
use shiftdesk_store::open::open_desk;
use shiftdesk_store::{DataDir, Desk, SyncSettings};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn copy_dir(from: &Path, to: &Path) {
    let status = std::process::Command::new("cp")
        .arg("-a")
        .arg(from)
        .arg(to)
        .status()
        .unwrap();
    assert!(status.success());
}

/// Everything written so far to disk, untimed.
fn quiet_disk() {
    let _ = std::process::Command::new("sync").status();
}

fn sync_settings(desk: &str) -> SyncSettings {
    SyncSettings {
        url: "nats://127.0.0.1:4222".into(),
        site: "TYO".into(),
        desk: desk.into(),
        sites: vec!["TYO".into()],
    }
}

/// The two desks of the save bench, remade from their first copies on demand.
struct Pair {
    template: PathBuf,
    work: PathBuf,
    made: usize,
    plain: Desk,
    synced: Desk,
}

impl Pair {
    fn new(template: PathBuf, work: PathBuf) -> Pair {
        let (plain, synced) = Pair::make(&template, &work, 0);
        Pair {
            template,
            work,
            made: 0,
            plain,
            synced,
        }
    }

    fn make(template: &Path, work: &Path, made: usize) -> (Desk, Desk) {
        let root = |name: &str| work.join(format!("{name}-{made}"));
        copy_dir(template, &root("plain"));
        copy_dir(template, &root("synced"));
        let (plain, _) = open_desk(&DataDir::at(&root("plain")), Lang::En, now()).unwrap();
        let (mut synced, _) = open_desk(&DataDir::at(&root("synced")), Lang::En, now()).unwrap();
        synced.enable_sync(&sync_settings("TYO1")).unwrap();
        (plain, synced)
    }

    fn remake(&mut self) {
        for name in ["plain", "synced"] {
            let _ = std::fs::remove_dir_all(self.work.join(format!("{name}-{}", self.made)));
        }
        self.made += 1;
        (self.plain, self.synced) = Pair::make(&self.template, &self.work, self.made);
    }
}

fn median_and_mean(mut v: Vec<Duration>) -> (Duration, Duration) {
    v.sort();
    let mean = v.iter().sum::<Duration>() / v.len().max(1) as u32;
    (v[v.len() / 2], mean)
}

fn save(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    let template = data().1.root().to_path_buf();
    let mut pair = Pair::new(template, tmp.path().to_path_buf());
    let open: Vec<_> = pair
        .plain
        .incidents()
        .incidents
        .iter()
        .filter(|i| i.is_open())
        .map(|i| i.id.clone())
        .collect();
    eprintln!("notes saved on the {} open incidents in turn", open.len());
    let mut g = c.benchmark_group("sync save");
    g.sample_size(30);
    let mut turn = 0;
    let mut paired: Vec<(usize, [Duration; 2])> = Vec::new();
    let mut round = |timed: usize| {
        turn += 1;
        if turn % 100 == 0 {
            pair.remake();
        }
        let note = Change::Note {
            incident: open[turn % open.len()].clone(),
            text: "called again, no answer".into(),
        };
        let at = now() + chrono::Duration::milliseconds(turn as i64);
        let mut took = [Duration::ZERO; 2];
        for first in [true, false] {
            quiet_disk();
            let synced_now = first == (turn % 2 == 0);
            let desk = if synced_now {
                &mut pair.synced
            } else {
                &mut pair.plain
            };
            let change = desk.stamp(note.clone(), at, "bench");
            let started = Instant::now();
            desk.submit(change).result.unwrap();
            took[usize::from(synced_now)] = started.elapsed();
        }
        // Acknowledged now and then, as the server would, so the outbox stays short.
        if turn % 50 == 0 {
            let ids: Vec<String> = pair
                .synced
                .take_unpublished()
                .into_iter()
                .map(|(i, _)| i)
                .collect();
            pair.synced.sync_acked(&ids).unwrap();
        }
        paired.push((timed, took));
        took[timed]
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
    let (plain, plain_mean) = median_and_mean(paired.iter().map(|p| p.1[0]).collect());
    let (synced, synced_mean) = median_and_mean(paired.iter().map(|p| p.1[1]).collect());
    eprintln!(
        "paired: {} rounds; no sync median {plain:.2?} mean {plain_mean:.2?}; synced median \
         {synced:.2?} mean {synced_mean:.2?}; ratio of medians {:.2}x, of means {:.2}x \
         (limit 1.2x)",
        paired.len(),
        synced.as_secs_f64() / plain.as_secs_f64(),
        synced_mean.as_secs_f64() / plain_mean.as_secs_f64(),
    );
    // The same rounds split by the estimate they were timed for: how far the machine
    // drifted between the two.
    for (timed, name) in ["no sync", "synced"].into_iter().enumerate() {
        let of = |desk: usize| {
            let rounds = paired.iter().filter(|p| p.0 == timed);
            median_and_mean(rounds.map(|p| p.1[desk]).collect()).0
        };
        eprintln!(
            "paired, in the rounds timed for \"{name}\": no sync median {:.2?}, synced \
             median {:.2?}",
            of(0),
            of(1)
        );
    }
}

/// How many events from another desk one desk applies a second: 20 incidents opened and
/// 50 notes on each (1,020 events) made at one desk, applied at another in batches of 100
/// as the reader hands them over, each batch one transaction.
fn apply(c: &mut Criterion) {
    let settings = sync_settings;
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
