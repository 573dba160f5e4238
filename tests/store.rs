//! The store: round trips, unknown fields, files it must never touch, many hands at once.

mod common;

use common::{now, shift_desk};
use shiftdesk_core::IncidentId;
use shiftdesk_core::change::{Change, Stamped};
use shiftdesk_core::desk::IncidentsFile;
use shiftdesk_core::i18n::Lang;
use shiftdesk_core::test_fixtures::stamped;
use shiftdesk_store::desk::Desk;
use shiftdesk_store::incidents::IncidentsStore;
use shiftdesk_store::ledger::SaveState;
use shiftdesk_store::open::open_desk;
use shiftdesk_store::playbooks_file::bundled_playbooks;
use shiftdesk_store::roster_file::{RosterLoad, open_roster, sample_roster};
use shiftdesk_store::{DataDir, FileProblem, Refusal, Saved};
use std::os::unix::fs::PermissionsExt;

fn temp() -> (tempfile::TempDir, DataDir) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = DataDir::at(&tmp.path().join("data"));
    dir.create().unwrap();
    (tmp, dir)
}

fn note(id: &str, text: &str) -> Stamped {
    stamped(
        Change::Note {
            incident: id.parse().unwrap(),
            text: text.into(),
        },
        now(),
        "yamada",
    )
}

fn write_fixture(dir: &DataDir) -> IncidentsFile {
    let file = shift_desk();
    std::fs::write(dir.incidents(), serde_json::to_vec_pretty(&file).unwrap()).unwrap();
    file
}

fn mode(path: &std::path::Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_saved_desk_reads_back_the_same() {
    let (_tmp, dir) = temp();
    let fixture = write_fixture(&dir);
    let (mut store, loaded) = IncidentsStore::open(&dir);
    assert_eq!(loaded.unwrap(), fixture);
    let committed = store
        .commit(&fixture, &[note("INC-0002", "電話中")])
        .unwrap();
    assert_eq!(committed.file.revision, fixture.revision + 1);
    let (_, again) = IncidentsStore::open(&dir);
    assert_eq!(again.unwrap(), committed.file);
    assert_eq!(mode(&dir.incidents()), 0o600);
    assert_eq!(mode(dir.root()), 0o700);
}

#[test]
fn unknown_fields_survive_a_load_and_a_save() {
    let (_tmp, dir) = temp();
    let mut value = serde_json::to_value(shift_desk()).unwrap();
    value["written_by"] = serde_json::json!({"tool": "future", "n": [1, 2]});
    value["incidents"][1]["ticket"] = serde_json::json!("HD-991");
    value["incidents"][1]["checklist"][0]["evidence"] = serde_json::json!(["a.png"]);
    value["incidents"][1]["timeline"][0]["source"] = serde_json::json!("phone");
    std::fs::write(dir.incidents(), serde_json::to_vec_pretty(&value).unwrap()).unwrap();

    let (mut store, loaded) = IncidentsStore::open(&dir);
    store
        .commit(&loaded.unwrap(), &[note("INC-0002", "x")])
        .unwrap();
    let saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.incidents()).unwrap()).unwrap();
    assert_eq!(saved["written_by"], value["written_by"]);
    assert_eq!(saved["incidents"][1]["ticket"], "HD-991");
    assert_eq!(
        saved["incidents"][1]["checklist"][0]["evidence"][0],
        "a.png"
    );
    assert_eq!(saved["incidents"][1]["timeline"][0]["source"], "phone");
}

#[test]
fn a_malformed_incidents_file_is_never_written() {
    let (_tmp, dir) = temp();
    let bytes = b"{\n  \"schema_version\": 1,\n  \"revision\": 3,\n  \"incidents\": [ {,] \n}\n";
    std::fs::write(dir.incidents(), bytes).unwrap();
    let (mut store, loaded) = IncidentsStore::open(&dir);
    let problem = loaded.unwrap_err();
    assert!(
        matches!(problem, FileProblem::Malformed { line: 4, .. }),
        "{problem}"
    );
    assert!(
        problem.to_string().contains("incidents.json:4:"),
        "{problem}"
    );
    assert!(
        store
            .commit::<Stamped>(&IncidentsFile::default(), &[])
            .is_err()
    );

    // Through the desk: it opens read-only, says why, and refuses changes.
    let (mut desk, warnings) = open_desk(&dir, Lang::En, now()).unwrap();
    assert!(
        warnings.iter().any(|w| w.contains("incidents.json:4:")),
        "{warnings:?}"
    );
    assert!(matches!(desk.save_state(), SaveState::ReadOnly(_)));
    let outcome = desk.submit(note("INC-0001", "x"));
    assert!(matches!(outcome.result, Err(Refusal::ReadOnly(_))));
    assert_eq!(std::fs::read(dir.incidents()).unwrap(), bytes);
}

#[test]
fn a_newer_schema_is_never_written() {
    let (_tmp, dir) = temp();
    let mut value = serde_json::to_value(shift_desk()).unwrap();
    value["schema_version"] = serde_json::json!(99);
    let bytes = serde_json::to_vec_pretty(&value).unwrap();
    std::fs::write(dir.incidents(), &bytes).unwrap();
    let (mut desk, warnings) = open_desk(&dir, Lang::Ja, now()).unwrap();
    assert!(
        warnings.iter().any(|w| w.contains("schema_version 99")),
        "{warnings:?}"
    );
    let outcome = desk.submit(note("INC-0002", "x"));
    assert!(matches!(outcome.result, Err(Refusal::ReadOnly(_))));
    assert_eq!(std::fs::read(dir.incidents()).unwrap(), bytes);
}

#[test]
fn a_malformed_roster_is_reported_and_left_alone() {
    let (_tmp, dir) = temp();
    let bytes = b"{ \"schema_version\": 1, \"contacts\": [ {\"id\": 5} ] }";
    std::fs::write(dir.roster(), bytes).unwrap();
    let (desk, warnings) = open_desk(&dir, Lang::En, now()).unwrap();
    assert!(
        warnings.iter().any(|w| w.contains("roster.json:1:")),
        "{warnings:?}"
    );
    assert!(desk.roster().contacts.is_empty());
    assert_eq!(
        std::fs::read(dir.roster()).unwrap(),
        bytes,
        "not re-seeded over"
    );
}

#[test]
fn first_start_seeds_the_sample_roster_owner_only() {
    let (_tmp, dir) = temp();
    let (desk, warnings) = open_desk(&dir, Lang::En, now()).unwrap();
    assert!(desk.roster().sample);
    assert!(warnings.iter().any(|w| w.contains("Sample roster written")));
    assert_eq!(mode(&dir.roster()), 0o600);
    // The second start says it is a sample, not that it was written.
    let (_, warnings) = open_desk(&dir, Lang::En, now()).unwrap();
    assert!(
        warnings.iter().any(|w| w.contains("SAMPLE roster")),
        "{warnings:?}"
    );
}

#[test]
fn a_failed_save_says_not_saved_and_the_next_one_writes_everything() {
    let (_tmp, dir) = temp();
    write_fixture(&dir);
    let (mut desk, _) = open_desk(&dir, Lang::En, now()).unwrap();
    // A directory where the lock file goes makes the transaction fail.
    let _ = std::fs::remove_file(dir.lock());
    std::fs::create_dir(dir.lock()).unwrap();
    let outcome = desk.submit(note("INC-0002", "first"));
    assert!(outcome.result.is_ok(), "applied");
    let Saved::Kept { why } = &outcome.saved else {
        panic!("{outcome:?}")
    };
    assert!(why.contains("shiftdesk.lock"), "{why}");
    assert_eq!(desk.save_state(), SaveState::NotSaved(why.clone()));
    let _ = desk.submit(note("INC-0002", "second"));
    assert_eq!(desk.pending_count(), 2);
    let on_disk = std::fs::read_to_string(dir.incidents()).unwrap();
    assert!(!on_disk.contains("first"));

    std::fs::remove_dir(dir.lock()).unwrap();
    let flushed = desk.flush().incidents.unwrap();
    assert_eq!((flushed.result, flushed.saved), (Ok(()), Saved::Saved));
    assert!(flushed.dropped.is_empty() && flushed.warnings.is_empty());
    assert_eq!(desk.save_state(), SaveState::Saved);
    let on_disk = std::fs::read_to_string(dir.incidents()).unwrap();
    assert!(on_disk.contains("first") && on_disk.contains("second"));
}

fn desk_on(dir: &DataDir) -> Desk {
    let (store, loaded) = IncidentsStore::open(dir);
    let (roster_store, roster) = open_roster(dir);
    let (RosterLoad::Loaded(roster) | RosterLoad::Seeded(roster)) = roster else {
        panic!("roster")
    };
    Desk::new(
        Some((store, roster_store)),
        loaded.unwrap(),
        roster,
        bundled_playbooks(),
    )
}

#[test]
fn two_desks_making_200_interleaved_changes_lose_none() {
    let (_tmp, dir) = temp();
    write_fixture(&dir);
    let handles: Vec<_> = ["a", "b"]
        .into_iter()
        .map(|who| {
            let dir = dir.clone();
            std::thread::spawn(move || {
                let mut desk = desk_on(&dir);
                for n in 0..100 {
                    let outcome = desk.submit(note("INC-0002", &format!("{who}-{n}")));
                    assert!(outcome.result.is_ok() && outcome.dropped.is_empty());
                    assert_eq!(outcome.saved, Saved::Saved);
                }
                assert_eq!(desk.pending_count(), 0);
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let (_, file) = IncidentsStore::open(&dir);
    let file = file.unwrap();
    let inc = file.get(&IncidentId::from_number(2)).unwrap();
    for who in ["a", "b"] {
        for n in 0..100 {
            let text = format!("{who}-{n}");
            assert_eq!(
                inc.timeline.iter().filter(|e| e.text == text).count(),
                1,
                "{text} saved exactly once"
            );
        }
    }
    assert_eq!(file.revision, shift_desk().revision + 200);
}

#[test]
fn one_desk_sees_the_others_change_on_its_next_poll() {
    let (_tmp, dir) = temp();
    write_fixture(&dir);
    let mut a = desk_on(&dir);
    let mut b = desk_on(&dir);
    assert!(b.poll().incidents.is_none(), "nothing new yet");
    let _ = a.submit(note("INC-0002", "from a"));
    let polled = b.poll().incidents.unwrap();
    assert_eq!(polled.result, Ok(()));
    assert!(polled.dropped.is_empty());
    let inc = b.incidents().get(&IncidentId::from_number(2)).unwrap();
    assert!(inc.timeline.iter().any(|e| e.text == "from a"));
    // And b's next change lands on top of a's.
    let _ = b.submit(note("INC-0002", "from b"));
    let _ = a.poll();
    let inc = a.incidents().get(&IncidentId::from_number(2)).unwrap();
    assert!(inc.timeline.iter().any(|e| e.text == "from b"));
    assert!(inc.timeline.iter().any(|e| e.text == "from a"));
}

#[test]
fn two_desks_opening_incidents_at_once_get_distinct_ids() {
    let (_tmp, dir) = temp();
    let mut a = desk_on(&dir);
    let mut b = desk_on(&dir);
    let roster = sample_roster();
    let mut scratch = IncidentsFile::default();
    // Build the two changes from a scratch file, then send each through its own desk.
    let open = |file: &mut IncidentsFile, title: &str| {
        common::open(
            file,
            &roster,
            title,
            shiftdesk_core::Category::Other,
            3,
            1,
            false,
        );
    };
    open(&mut scratch, "a");
    open(&mut scratch, "b");
    let change = |i: usize| {
        let inc = &scratch.incidents[i];
        stamped(
            Change::Open(Box::new(shiftdesk_core::change::NewIncident {
                id: None,
                title: inc.title.clone(),
                category: inc.category,
                kind: None,
                severity: inc.severity,
                detected_at: inc.detected_at,
                description: String::new(),
                drill: false,
                checklist: inc.checklist.clone(),
                route: inc.route.clone(),
                drill_run: None,
            })),
            now(),
            "yamada",
        )
    };
    let ida = format!("{:?}", a.submit(change(0)).result.unwrap());
    let idb = format!("{:?}", b.submit(change(1)).result.unwrap());
    assert!(
        ida.contains("INC-0001") && idb.contains("INC-0002"),
        "{ida} {idb}"
    );
}

/// `incidents.json` as the version before change ids wrote it (the shift desk of the
/// screens' fixtures): no timeline entry has a `change_id`.
const BEFORE_CHANGE_IDS: &[u8] = include_bytes!("fixtures/incidents.before-change-ids.json");

#[test]
fn a_file_written_before_change_ids_opens_unchanged_and_keeps_its_entries() {
    let (_tmp, dir) = temp();
    std::fs::write(dir.incidents(), BEFORE_CHANGE_IDS).unwrap();
    let (mut desk, _) = open_desk(&dir, Lang::En, now()).unwrap();
    assert_eq!(desk.save_state(), SaveState::Saved);
    // Opening writes nothing, and what was read would be written back byte for byte.
    assert_eq!(std::fs::read(dir.incidents()).unwrap(), BEFORE_CHANGE_IDS);
    let old = desk.incidents().clone();
    let mut again = Vec::new();
    shiftdesk_store::atomic::write_pretty_json(&old, &mut again).unwrap();
    assert_eq!(again, BEFORE_CHANGE_IDS);
    // A change lands on it: the old entries are as they were, the new one carries its id.
    let change = note("INC-0002", "called the vendor");
    let id = change.id;
    assert!(desk.submit(change).is_saved());
    let (_, file) = IncidentsStore::open(&dir);
    let file = file.unwrap();
    for (was, now) in old.incidents.iter().zip(&file.incidents) {
        assert_eq!(
            was.timeline[..],
            now.timeline[..was.timeline.len()],
            "{}",
            was.id
        );
    }
    let inc = file.get(&IncidentId::from_number(2)).unwrap();
    let last = inc.timeline.last().unwrap();
    assert_eq!(
        (last.text.as_str(), last.change_id),
        ("called the vendor", Some(id))
    );
    let text = String::from_utf8(std::fs::read(dir.incidents()).unwrap()).unwrap();
    assert_eq!(text.matches("\"change_id\"").count(), 1);
    assert!(text.contains(&format!("\"change_id\": \"{id}\"")));
}

#[test]
fn a_change_submitted_twice_is_written_once() {
    let (_tmp, dir) = temp();
    write_fixture(&dir);
    let mut a = desk_on(&dir);
    let mut b = desk_on(&dir);
    let change = note("INC-0002", "once");
    assert!(a.submit(change.clone()).is_saved());
    let written = std::fs::read(dir.incidents()).unwrap();
    // Again at the same desk, and at another desk that has not seen it yet (it re-reads
    // the file under the lock and finds the change's id there): nothing is written.
    for desk in [&mut a, &mut b] {
        let outcome = desk.submit(change.clone());
        assert_eq!(
            outcome.result,
            Ok(shiftdesk_core::change::Applied::Unchanged)
        );
        assert!(outcome.is_saved() && outcome.dropped.is_empty());
    }
    let _ = b.poll();
    assert_eq!(std::fs::read(dir.incidents()).unwrap(), written);
    let inc = b.incidents().get(&IncidentId::from_number(2)).unwrap();
    assert_eq!(inc.timeline.iter().filter(|e| e.text == "once").count(), 1);
}
