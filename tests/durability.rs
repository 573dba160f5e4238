//! Nothing acknowledged is lost: a writer killed with kill -9 at random moments, every
//! operation of a save failing in turn, two desks at once, a lock holder killed, files
//! replaced from outside. Figures are in RELIABILITY.md.

mod common;

use shiftdesk_core::change::{Change, Stamped};
use shiftdesk_core::desk::IncidentsFile;
use shiftdesk_core::test_fixtures::stamped;
use shiftdesk_store::desk::Desk;
use shiftdesk_store::fs::FaultyFs;
use shiftdesk_store::ledger::SaveState;
use shiftdesk_store::lock::LockGuard;
use shiftdesk_store::playbooks_file::bundled_playbooks;
use shiftdesk_store::roster_file::{RosterStore, sample_roster};
use shiftdesk_store::{DataDir, IncidentsStore, Refusal, Saved};
use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::os::unix::fs::PermissionsExt;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn env_count(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A small xorshift: random enough to pick kill moments, no crate needed.
struct Rng(u64);

impl Rng {
    fn new() -> Rng {
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos() as u64;
        Rng(seed | 1)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

fn writer(dir: &std::path::Path, tag: &str, count: usize) -> Child {
    Command::new(env!("CARGO_BIN_EXE_shiftdesk"))
        .arg("--data-dir")
        .arg(dir)
        .args(["debug-writer", "--tag", tag, "--count", &count.to_string()])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

fn incidents_of(dir: &std::path::Path) -> IncidentsFile {
    let bytes = std::fs::read(dir.join("incidents.json")).expect("incidents.json is there");
    serde_json::from_slice(&bytes).expect("incidents.json parses")
}

fn notes(file: &IncidentsFile) -> HashSet<String> {
    file.incidents
        .iter()
        .flat_map(|i| i.timeline.iter().map(|e| e.text.clone()))
        .collect()
}

fn mode(path: &std::path::Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_writer_killed_at_random_moments_loses_nothing_it_acknowledged() {
    let runs = env_count("SHIFTDESK_KILL_RUNS", 1000);
    let mut rng = Rng::new();
    let mut acked_total = 0;
    let mut leftovers_seen = 0;
    // A fresh data dir every 25 runs keeps the file (and so each run) small.
    let mut tmp = tempfile::tempdir().unwrap();
    let mut acked: HashSet<String> = HashSet::new();
    for run in 0..runs {
        if run % 25 == 0 && run > 0 {
            let (store, _) = IncidentsStore::open(&DataDir::at(tmp.path()));
            store.clear_leftovers().unwrap();
            assert!(!tmp.path().join(".incidents.json.tmp").exists());
            acked_total += acked.len();
            acked.clear();
            tmp = tempfile::tempdir().unwrap();
        }
        let dir = tmp.path();
        let mut child = writer(dir, &format!("r{run}"), 10_000);
        let mut out = BufReader::new(child.stdout.take().unwrap());
        // Kill after a random number of acknowledgements, then at a random moment.
        let wait_for = rng.below(4);
        let mut line = String::new();
        for _ in 0..=wait_for {
            line.clear();
            if out.read_line(&mut line).unwrap() == 0 {
                break;
            }
            if let Some(rest) = line.trim().strip_prefix("ack ") {
                acked.insert(rest.split_once(' ').unwrap().1.to_string());
            }
        }
        std::thread::sleep(Duration::from_micros(rng.below(3000)));
        child.kill().unwrap();
        // What it printed before dying was acknowledged too.
        for line in out.lines().map_while(Result::ok) {
            if let Some(rest) = line.trim().strip_prefix("ack ") {
                acked.insert(rest.split_once(' ').unwrap().1.to_string());
            }
        }
        child.wait().unwrap();
        let file = incidents_of(dir);
        let saved = notes(&file);
        let lost: Vec<&String> = acked.iter().filter(|a| !saved.contains(*a)).collect();
        assert!(
            lost.is_empty(),
            "run {run}: acknowledged but lost: {lost:?}"
        );
        assert_eq!(mode(&dir.join("incidents.json")), 0o600, "run {run}");
        leftovers_seen += [".incidents.json.tmp", ".incidents.json.prev"]
            .iter()
            .filter(|n| dir.join(n).exists())
            .count();
    }
    // The next start clears whatever a kill left beside the file.
    let dir = tmp.path();
    let (store, _) = IncidentsStore::open(&DataDir::at(dir));
    store.clear_leftovers().unwrap();
    assert!(!dir.join(".incidents.json.tmp").exists());
    assert!(!dir.join(".incidents.json.prev").exists());
    acked_total += acked.len();
    eprintln!(
        "kill -9: {runs} runs, {acked_total} acknowledged changes, 0 lost, \
         {leftovers_seen} leftover files found after a kill (cleared at the next start)"
    );
}

fn fixture_dir() -> (tempfile::TempDir, DataDir) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = DataDir::at(tmp.path());
    let file = common::shift_desk();
    std::fs::write(dir.incidents(), serde_json::to_vec_pretty(&file).unwrap()).unwrap();
    std::fs::write(dir.roster(), include_str!("../assets/roster.sample.json")).unwrap();
    (tmp, dir)
}

fn note(text: &str) -> Stamped {
    let change = Change::Note {
        incident: "INC-0002".parse().unwrap(),
        text: text.into(),
    };
    stamped(change, common::now(), "yamada")
}

fn ops_per_save() -> usize {
    let (_tmp, dir) = fixture_dir();
    let fs = Arc::new(FaultyFs::new(usize::MAX, 0));
    let (mut store, loaded) = IncidentsStore::open_with(&dir, fs.clone());
    let base = loaded.unwrap();
    let before = fs.count();
    store.commit(&base, &[note("count")]).unwrap();
    fs.count() - before
}

#[test]
fn every_operation_of_a_save_failing_keeps_the_file_and_the_change() {
    let ops = ops_per_save();
    assert!(
        ops >= 8,
        "a save is lock, read, create, write, sync, link, rename, sync dir: {ops}"
    );
    let mut cases = 0;
    for errno in [28 /* ENOSPC */, 5 /* EIO */, 13 /* EACCES */] {
        for k in 0..ops {
            let (_tmp, dir) = fixture_dir();
            let before = std::fs::read(dir.incidents()).unwrap();
            // One op (the read) happens when the store opens.
            let fs = Arc::new(FaultyFs::new(1 + k, errno));
            let (store, loaded) = IncidentsStore::open_with(&dir, fs);
            let (roster_store, _) = RosterStore::open(&dir);
            let mut desk = Desk::new(
                Some((store, roster_store)),
                loaded.unwrap(),
                sample_roster(),
                bundled_playbooks(),
            );
            let outcome = desk.submit(note("first"));
            assert!(outcome.result.is_ok(), "applied");
            assert!(!outcome.is_saved(), "kept in memory");
            let SaveState::NotSaved(why) = desk.save_state() else {
                panic!("errno {errno} op {k}: {:?}", desk.save_state())
            };
            assert!(!why.is_empty());
            assert_eq!(
                std::fs::read(dir.incidents()).unwrap(),
                before,
                "errno {errno} op {k}"
            );
            // The fault has passed: the next save writes everything kept in memory.
            let second = desk.submit(note("second"));
            assert!(second.is_saved(), "errno {errno} op {k}: {second:?}");
            assert!(desk.flush().incidents.is_none(), "nothing left to write");
            assert_eq!(desk.save_state(), SaveState::Saved);
            let saved = notes(&incidents_of(dir.root()));
            assert!(
                saved.contains("first") && saved.contains("second"),
                "errno {errno} op {k}"
            );
            cases += 1;
        }
    }
    eprintln!(
        "I/O faults: {cases} cases ({ops} operations x 3 errors), 0 files changed by a failed save"
    );
}

#[test]
fn two_desks_started_at_the_same_moment_lose_nothing() {
    let rounds = env_count("SHIFTDESK_PAIR_ROUNDS", 100);
    let per_desk = 4; // 1 opening + 4 notes each: 10 changes a round, 1,000 in 100 rounds
    let mut total = 0;
    for round in 0..rounds {
        let tmp = tempfile::tempdir().unwrap();
        let children: Vec<Child> = ["a", "b"]
            .iter()
            .map(|tag| writer(tmp.path(), &format!("{tag}{round}"), per_desk))
            .collect();
        let mut acked = Vec::new();
        for mut child in children {
            let out = BufReader::new(child.stdout.take().unwrap());
            for line in out.lines().map_while(Result::ok) {
                acked.push(line);
            }
            assert!(child.wait().unwrap().success(), "round {round}");
        }
        let file = incidents_of(tmp.path());
        assert_eq!(
            file.incidents.len(),
            2,
            "round {round}: each desk's incident"
        );
        let saved = notes(&file);
        for line in &acked {
            if let Some(rest) = line.strip_prefix("ack ") {
                assert!(
                    saved.contains(rest.split_once(' ').unwrap().1),
                    "round {round}: {line}"
                );
            }
        }
        total += acked.len();
    }
    assert_eq!(total, rounds * 2 * (per_desk + 1));
    eprintln!("two desks at once: {rounds} rounds, {total} changes, 0 lost");
}

#[test]
fn a_lock_holder_killed_with_kill_9_frees_the_lock_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let mut holder = Command::new(env!("CARGO_BIN_EXE_shiftdesk"))
        .arg("--data-dir")
        .arg(tmp.path())
        .arg("debug-hold-lock")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(holder.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert_eq!(line.trim(), "locked");
    let lock = DataDir::at(tmp.path()).lock();
    let file = std::fs::OpenOptions::new().write(true).open(&lock).unwrap();
    assert!(file.try_lock().is_err(), "held while the holder lives");
    holder.kill().unwrap();
    holder.wait().unwrap();
    let start = Instant::now();
    let _guard = LockGuard::acquire(&lock).unwrap();
    let took = start.elapsed();
    assert!(took < Duration::from_secs(1), "took {took:?}");
    eprintln!("lock after kill -9: acquired in {took:?}");
}

#[test]
fn a_file_replaced_from_outside_is_taken_or_never_overwritten() {
    let (_tmp, dir) = fixture_dir();
    let (store, loaded) = IncidentsStore::open(&dir);
    let (roster_store, _) = RosterStore::open(&dir);
    let mut desk = Desk::new(
        Some((store, roster_store)),
        loaded.unwrap(),
        sample_roster(),
        bundled_playbooks(),
    );
    // An editor saves a parseable new file: it becomes the truth, and the desk's next
    // change lands on top of it.
    let mut edited = incidents_of(dir.root());
    std::sync::Arc::make_mut(&mut edited.incidents[1]).title = "edited by hand".into();
    let tmp_path = dir.root().join("edited.json");
    std::fs::write(&tmp_path, serde_json::to_vec_pretty(&edited).unwrap()).unwrap();
    std::fs::rename(&tmp_path, dir.incidents()).unwrap();
    assert_eq!(desk.poll().incidents.map(|o| o.result), Some(Ok(())));
    let _ = desk.submit(note("after the edit"));
    let file = incidents_of(dir.root());
    assert_eq!(file.incidents[1].title, "edited by hand");
    assert!(notes(&file).contains("after the edit"));
    // A sync tool leaves half a file: it is never overwritten, and the desk says so.
    let garbage = b"{\"schema_version\": 1, \"incidents\": [".to_vec();
    std::fs::write(dir.incidents(), &garbage).unwrap();
    assert!(matches!(
        desk.poll().incidents.map(|o| o.result),
        Some(Err(Refusal::ReadOnly(_)))
    ));
    let outcome = desk.submit(note("kept in memory"));
    assert!(outcome.result.is_ok());
    assert!(matches!(outcome.saved, Saved::Kept { .. }));
    assert!(matches!(desk.save_state(), SaveState::NotSaved(_)));
    assert_eq!(std::fs::read(dir.incidents()).unwrap(), garbage);
}
