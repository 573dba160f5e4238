//! `shiftdesk status` at the size of years of history: 10,000 incidents (archived as the
//! desk leaves them after its first start) and 5,000 contacts, made by `shiftdesk-gen`.
//! Measured beside its limit in the same run, a bare read and parse of the live file (see
//! BENCHMARKS.md):
//!
//!   cargo bench --bench status
//!   cargo bench --bench status -- --warm-up-time 1 --measurement-time 3

use criterion::{Criterion, criterion_group, criterion_main};
use shiftdesk::cli::status::summary;
use shiftdesk_core::clock::Zone;
use shiftdesk_core::desk::IncidentsFile;
use shiftdesk_core::i18n::Lang;
use shiftdesk_store::DataDir;
use std::hint::black_box;
use std::process::Command;

mod common;

use common::{data, now};

/// The live files' sizes, said once.
fn sizes(dir: &DataDir) {
    let size = |p: std::path::PathBuf| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    eprintln!(
        "incidents.json {} bytes, roster.json {} bytes",
        size(dir.incidents()),
        size(dir.roster()),
    );
}

fn status(c: &mut Criterion) {
    let dir = &data().1;
    sizes(dir);
    let zone = Zone::Named(chrono_tz::Asia::Tokyo);
    let mut g = c.benchmark_group("status");
    g.bench_function(
        "status (read live file and who is away, summarise, tmux line)",
        |b| {
            b.iter(|| {
                let s = summary(dir, now()).unwrap();
                black_box(s.tmux(Lang::En, &zone, true))
            })
        },
    );
    g.bench_function(
        "limit: bare read + serde_json parse of the live file",
        |b| {
            b.iter(|| {
                let bytes = std::fs::read(dir.incidents()).unwrap();
                black_box(serde_json::from_slice::<IncidentsFile>(&bytes).unwrap())
            })
        },
    );
    g.bench_function("part: the whole roster load (as the desk reads it)", |b| {
        b.iter(|| black_box(shiftdesk_store::roster_file::load_roster(dir)))
    });
    g.bench_function(
        "part: the roster as far as deadlines go (what status reads)",
        |b| b.iter(|| black_box(shiftdesk_store::roster_deadlines::roster_for_deadlines(dir))),
    );
    g.sample_size(20);
    g.bench_function("whole process: shiftdesk status --format tmux", |b| {
        b.iter(|| {
            let out = Command::new(env!("CARGO_BIN_EXE_shiftdesk"))
                .arg("--data-dir")
                .arg(dir.root())
                .args(["--lang", "en", "status", "--format", "tmux"])
                .output()
                .unwrap();
            assert!(out.status.success());
            black_box(out.stdout)
        })
    });
    g.finish();
}

criterion_group!(benches, status);
criterion_main!(benches);
