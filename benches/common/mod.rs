//! What the benches share: the moment they run at and the generated data dir (10,000
//! incidents and 5,000 contacts unless SHIFTDESK_BENCH_INCIDENTS / _CONTACTS say otherwise),
//! archived as the desk leaves it after its first start.

use chrono::{DateTime, Utc};
use shiftdesk_core::i18n::Lang;
use shiftdesk_gen::{Spec, write_dir};
use shiftdesk_store::DataDir;
use shiftdesk_store::open::open_desk;
use std::sync::OnceLock;
use std::time::Instant;

pub fn now() -> DateTime<Utc> {
    "2026-11-29T05:30:00Z".parse().unwrap()
}

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The generated data dir, archived as the desk leaves it after its first start.
pub fn data() -> &'static (tempfile::TempDir, DataDir) {
    static DATA: OnceLock<(tempfile::TempDir, DataDir)> = OnceLock::new();
    DATA.get_or_init(|| {
        let spec = Spec {
            incidents: env_number("SHIFTDESK_BENCH_INCIDENTS", 10_000),
            contacts: env_number("SHIFTDESK_BENCH_CONTACTS", 5_000),
            ..Spec::default()
        };
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("data");
        let started = Instant::now();
        write_dir(&root, &spec, now()).unwrap();
        let generated = started.elapsed();
        let dir = DataDir::at(&root);
        let started = Instant::now();
        let (desk, _) = open_desk(&dir, Lang::En, now()).unwrap();
        eprintln!(
            "data: {} incidents, {} contacts; generated in {:.2?}; first start (moving the \
             history to the archive) {:.2?}; {} incidents stay live",
            spec.incidents,
            spec.contacts,
            generated,
            started.elapsed(),
            desk.incidents().incidents.len()
        );
        (tmp, dir)
    })
}
