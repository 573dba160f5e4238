//! The archive: closed incidents leave the live file a day after closing, by month; the
//! first start of an older data dir moves its history (keeping a copy); a change then
//! writes only the live file; history, export and `list --all` still see everything.

mod common;

use chrono::{DateTime, Duration, Utc};
use common::{now, open, operator};
use shiftdesk::app::App;
use shiftdesk::app::action::Action;
use shiftdesk_core::archive::{ArchiveIndex, MonthFile};
use shiftdesk_core::change::Change;
use shiftdesk_core::desk::IncidentsFile;
use shiftdesk_core::history::HistoryFilter;
use shiftdesk_core::i18n::Lang;
use shiftdesk_core::record::{Measure, Review};
use shiftdesk_core::test_fixtures::stamped;
use shiftdesk_core::{Category, IncidentId};
use shiftdesk_store::DataDir;
use shiftdesk_store::archive::{BEFORE_ARCHIVE, for_each, index_path, month_path};
use shiftdesk_store::fs::FaultyFs;
use shiftdesk_store::incidents::IncidentsStore;
use shiftdesk_store::open::open_desk;
use shiftdesk_store::roster_file::sample_roster;
use std::collections::HashSet;
use std::path::Path;
use std::process::{Command, Output};
use std::sync::Arc;

fn temp() -> (tempfile::TempDir, DataDir) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = DataDir::at(&tmp.path().join("data"));
    dir.create().unwrap();
    (tmp, dir)
}

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn id(n: u32) -> IncidentId {
    IncidentId::from_number(n)
}

/// An incident detected an hour before `closed` and closed then, with a note to find it by.
fn closed(file: &mut IncidentsFile, title: &str, closed: DateTime<Utc>, note: &str) -> IncidentId {
    let minutes_ago = (now() - closed).num_minutes() + 60;
    let id = open(
        file,
        &sample_roster(),
        title,
        Category::SystemOutage,
        3,
        minutes_ago,
        false,
    );
    for change in [
        Change::Note {
            incident: id.clone(),
            text: note.into(),
        },
        Change::CloseWithoutReview {
            incident: id.clone(),
            reason: "done".into(),
        },
    ] {
        stamped(change, closed, "sato").apply(file).unwrap();
    }
    id
}

/// Five closed incidents and one open: INC-0001 closed in September, 0002 and 0003 in
/// October, 0004 two hours ago, 0005 in October but with a measure still open; 0006 open.
fn history() -> IncidentsFile {
    let mut file = IncidentsFile::default();
    closed(
        &mut file,
        "Mail down",
        at("2026-09-10T03:00:00Z"),
        "septembre",
    );
    closed(
        &mut file,
        "VPN down",
        at("2026-10-03T03:00:00Z"),
        "トンネル",
    );
    closed(
        &mut file,
        "ID card lost",
        at("2026-10-20T03:00:00Z"),
        "card",
    );
    closed(
        &mut file,
        "Wrong address",
        now() - Duration::hours(2),
        "recent",
    );
    let kept = closed(&mut file, "Disk full", at("2026-10-05T03:00:00Z"), "disk");
    file.get_mut(&kept).unwrap().review = Some(Review {
        what_happened: String::new(),
        cause: String::new(),
        went_well: String::new(),
        went_badly: String::new(),
        measures: vec![Measure {
            id: 1,
            text: "add monitoring".into(),
            owner: "ops".into(),
            due: None,
            done: None,
            check: None,
            extra: Default::default(),
        }],
        shared_with: String::new(),
        extra: Default::default(),
    });
    open(
        &mut file,
        &sample_roster(),
        "Printer on fire",
        Category::SystemOutage,
        2,
        10,
        false,
    );
    file
}

fn write_history(dir: &DataDir) -> Vec<u8> {
    let bytes = serde_json::to_vec_pretty(&history()).unwrap();
    std::fs::write(dir.incidents(), &bytes).unwrap();
    bytes
}

fn live_ids(file: &IncidentsFile) -> Vec<u32> {
    file.incidents
        .iter()
        .filter_map(|i| i.id.number())
        .collect()
}

fn month(dir: &DataDir, month: &str) -> MonthFile {
    serde_json::from_slice(&std::fs::read(month_path(dir, month)).unwrap()).unwrap()
}

fn shiftdesk(dir: &DataDir, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_shiftdesk"))
        .arg("--data-dir")
        .arg(dir.root())
        .args(args)
        .env("SHIFTDESK_TZ", "Asia/Tokyo")
        .env("SHIFTDESK_OPERATOR", "suzuki")
        .output()
        .unwrap()
}

fn mtime(path: &Path) -> std::time::SystemTime {
    std::fs::metadata(path).unwrap().modified().unwrap()
}

#[test]
fn the_first_start_moves_old_closed_incidents_by_month_and_keeps_a_copy() {
    let (_tmp, dir) = temp();
    let before = write_history(&dir);
    let (desk, warnings) = open_desk(&dir, Lang::En, now()).unwrap();
    assert!(
        warnings
            .iter()
            .any(|w| w.starts_with("Moved 3 incident(s)")),
        "{warnings:?}"
    );
    // Open, closed two hours ago, and closed with an open measure stay live.
    assert_eq!(live_ids(desk.incidents()), vec![4, 5, 6]);
    let copy = dir.root().join("backups").join(BEFORE_ARCHIVE);
    assert_eq!(
        std::fs::read(copy).unwrap(),
        before,
        "the old file is kept as it was"
    );
    let ids = |m: &MonthFile| {
        live_ids(&IncidentsFile {
            incidents: m.incidents.iter().cloned().map(Into::into).collect(),
            ..Default::default()
        })
    };
    assert_eq!(ids(&month(&dir, "2026-09")), vec![1]);
    assert_eq!(ids(&month(&dir, "2026-10")), vec![2, 3]);
    let index: ArchiveIndex =
        serde_json::from_slice(&std::fs::read(index_path(&dir)).unwrap()).unwrap();
    assert_eq!(index.entries.len(), 3);
    // On disk too, and a second start has nothing to move.
    let (_, on_disk) = IncidentsStore::open(&dir);
    assert_eq!(live_ids(&on_disk.unwrap()), vec![4, 5, 6]);
    let (_, warnings) = open_desk(&dir, Lang::En, now()).unwrap();
    assert!(
        !warnings.iter().any(|w| w.contains("Moved")),
        "{warnings:?}"
    );
}

#[test]
fn ids_are_never_given_twice_after_archiving() {
    let (_tmp, dir) = temp();
    let mut file = IncidentsFile::default();
    for n in 1..=3 {
        closed(
            &mut file,
            &format!("old {n}"),
            at("2026-08-01T00:00:00Z"),
            "x",
        );
    }
    std::fs::write(dir.incidents(), serde_json::to_vec_pretty(&file).unwrap()).unwrap();
    let (mut desk, _) = open_desk(&dir, Lang::En, now()).unwrap();
    assert!(desk.incidents().incidents.is_empty(), "all archived");
    let books = shiftdesk_store::playbooks_file::bundled_playbooks();
    let new = Change::Open(Box::new(shiftdesk_core::change::NewIncident {
        id: None,
        title: "new".into(),
        category: Category::SystemOutage,
        kind: None,
        severity: shiftdesk_core::Severity::new(3).unwrap(),
        detected_at: now(),
        description: String::new(),
        drill: false,
        checklist: shiftdesk_core::checklist::checklist_from(
            books.for_category(Category::SystemOutage).unwrap(),
        ),
        route: None,
        drill_run: None,
    }));
    let outcome = desk.submit(stamped(new, now(), "sato"));
    assert_eq!(
        outcome.result,
        Ok(shiftdesk_core::change::Applied::Opened(id(4)))
    );
}

#[test]
fn a_change_writes_only_the_live_file() {
    let (_tmp, dir) = temp();
    write_history(&dir);
    let (mut desk, _) = open_desk(&dir, Lang::En, now()).unwrap();
    let files = [
        month_path(&dir, "2026-09"),
        month_path(&dir, "2026-10"),
        index_path(&dir),
    ];
    // Every file dated a day back, so that any write, however soon, shows in its mtime.
    let a_day_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(86_400);
    for p in files.iter().chain([&dir.incidents()]) {
        let f = std::fs::OpenOptions::new().write(true).open(p).unwrap();
        f.set_modified(a_day_ago).unwrap();
    }
    let stamps: Vec<_> = files.iter().map(|p| mtime(p)).collect();
    let bytes: Vec<_> = files.iter().map(|p| std::fs::read(p).unwrap()).collect();
    let live_before = mtime(&dir.incidents());
    let note = Change::Note {
        incident: id(6),
        text: "called the fire brigade".into(),
    };
    let outcome = desk.submit(stamped(note, now(), "sato"));
    assert!(outcome.result.is_ok() && outcome.is_saved());
    assert_ne!(mtime(&dir.incidents()), live_before);
    for (n, p) in files.iter().enumerate() {
        assert_eq!(mtime(p), stamps[n], "{} untouched", p.display());
        assert_eq!(std::fs::read(p).unwrap(), bytes[n]);
    }
}

#[test]
fn a_day_after_closing_the_next_change_archives_it() {
    let (_tmp, dir) = temp();
    write_history(&dir);
    let (mut desk, _) = open_desk(&dir, Lang::En, now()).unwrap();
    // INC-0004 was closed two hours ago; a change made 23 hours later moves it.
    let later = now() + Duration::hours(23);
    let note = Change::Note {
        incident: id(6),
        text: "still burning".into(),
    };
    desk.submit(stamped(note, later, "sato")).result.unwrap();
    assert_eq!(live_ids(desk.incidents()), vec![5, 6]);
    assert!(
        month(&dir, "2026-11")
            .incidents
            .iter()
            .any(|i| i.id == id(4))
    );
}

#[test]
fn the_closed_list_shows_live_and_archived_and_reopening_brings_one_back() {
    let (_tmp, dir) = temp();
    write_history(&dir);
    let (desk, _) = open_desk(&dir, Lang::En, now()).unwrap();
    let mut app = App::new(desk, operator(Lang::En), now(), (120, 30));
    app.update(Action::ToggleClosed);
    let shown: Vec<u32> = app
        .visible()
        .iter()
        .filter_map(|r| r.id().number())
        .collect();
    assert_eq!(shown, vec![4, 3, 5, 2, 1], "most recently closed first");
    // Looking at an archived one reads its month: its checklist and timeline are there.
    app.update(Action::MoveLast);
    let selected = app.selected().expect("the archived incident is shown");
    assert_eq!(selected.id, id(1));
    assert!(selected.timeline.iter().any(|e| e.text == "septembre"));
    let screen = common::render(&app);
    assert!(screen.contains("Mail down"), "{screen}");
    // A filter by words looks inside the archived timelines.
    app.ui.history_filter = HistoryFilter {
        text: "トンネル".into(),
        ..Default::default()
    };
    app.update(Action::Tick(now()));
    let shown: Vec<u32> = app
        .visible()
        .iter()
        .filter_map(|r| r.id().number())
        .collect();
    assert_eq!(shown, vec![2]);
    // Reopen it: it is live and open again, and listed once.
    app.update(Action::RequestClose);
    app.update(Action::Yes);
    let live = app
        .desk
        .incidents()
        .get(&id(2))
        .expect("back in the live file");
    assert!(live.is_open());
    let out = shiftdesk(&dir, &["list", "--all", "--json"]);
    assert!(out.status.success());
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids.iter().filter(|i| **i == "INC-0002").count(),
        1,
        "{ids:?}"
    );
    assert_eq!(rows.len(), 6);
}

#[test]
fn list_show_export_and_handover_reach_the_archive() {
    let (_tmp, dir) = temp();
    write_history(&dir);
    open_desk(&dir, Lang::En, now()).unwrap();
    let out = shiftdesk(&dir, &["list", "--all", "--json"]);
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str().unwrap()).collect();
    // Open first, then closed most recently first, archived ones among them.
    assert_eq!(
        ids,
        [
            "INC-0006", "INC-0004", "INC-0003", "INC-0005", "INC-0002", "INC-0001"
        ]
    );
    // The streamed array is what serde_json would print for the whole.
    let whole = serde_json::to_string_pretty(&rows).unwrap() + "\n";
    assert_eq!(String::from_utf8(out.stdout.clone()).unwrap(), whole);
    let text = shiftdesk(
        &dir,
        &["list", "--all", "--category", "operational.system_outage"],
    );
    // Six rows under the header.
    assert_eq!(String::from_utf8_lossy(&text.stdout).lines().count(), 7);
    let show = shiftdesk(&dir, &["show", "INC-0001"]);
    assert!(show.status.success(), "{show:?}");
    assert!(String::from_utf8_lossy(&show.stdout).contains("Mail down"));
    let export = shiftdesk(&dir, &["export", "1", "--format", "json"]);
    assert!(export.status.success());
    let inc: serde_json::Value = serde_json::from_slice(&export.stdout).unwrap();
    assert_eq!(inc["id"], "INC-0001");
    let missing = shiftdesk(&dir, &["show", "INC-0099"]);
    assert!(!missing.status.success());
}

#[test]
fn an_unreadable_archive_file_stops_moving_into_it_and_names_it() {
    let (_tmp, dir) = temp();
    write_history(&dir);
    // Without an index, the months are read to make it again: a broken one stops the move.
    std::fs::create_dir(dir.root().join("archive")).unwrap();
    let broken = month_path(&dir, "2026-10");
    let garbage = b"{ \"schema_version\": 1, \"month\": ";
    std::fs::write(&broken, garbage).unwrap();
    let (desk, warnings) = open_desk(&dir, Lang::En, now()).unwrap();
    assert!(
        warnings.iter().any(|w| w.contains("2026-10.json")),
        "{warnings:?}"
    );
    assert_eq!(live_ids(desk.incidents()), vec![1, 2, 3, 4, 5, 6]);
    assert_eq!(std::fs::read(&broken).unwrap(), garbage);
    let out = shiftdesk(&dir, &["list", "--all"]);
    assert!(!out.status.success(), "the broken month is an error");
    assert!(String::from_utf8_lossy(&out.stderr).contains("2026-10.json"));

    // With the index whole, only the broken month's incidents stay.
    std::fs::remove_file(&broken).unwrap();
    let (mut desk, _) = open_desk(&dir, Lang::En, now()).unwrap();
    assert_eq!(live_ids(desk.incidents()), vec![4, 5, 6]);
    let october = std::fs::read(&broken).unwrap();
    std::fs::write(&broken, garbage).unwrap();
    let note = Change::Note {
        incident: id(6),
        text: "a day later".into(),
    };
    let later = now() + Duration::hours(23);
    desk.submit(stamped(note, later, "sato")).result.unwrap();
    // INC-0004 (November) moved; October is as it was, broken.
    assert_eq!(live_ids(desk.incidents()), vec![5, 6]);
    assert_eq!(std::fs::read(&broken).unwrap(), garbage);
    std::fs::write(&broken, october).unwrap();
    assert_eq!(everything(&dir), vec![1, 2, 3, 4, 5, 6]);
}

/// Every incident exactly once, as the readers see the data dir: live first, then the
/// archive by its index.
fn everything(dir: &DataDir) -> Vec<u32> {
    let (_, live) = IncidentsStore::open(dir);
    let live = live.unwrap();
    let live_set: HashSet<IncidentId> = live.incidents.iter().map(|i| i.id.clone()).collect();
    let mut all = live_ids(&live);
    for_each(dir, &live_set, |i| all.push(i.id.number().unwrap())).unwrap();
    all.sort_unstable();
    all
}

#[test]
fn a_failure_at_any_step_of_archiving_loses_nothing() {
    let probe = {
        let (_tmp, dir) = temp();
        write_history(&dir);
        let fs = Arc::new(FaultyFs::new(usize::MAX, 0));
        let (mut store, file) = IncidentsStore::open_with(&dir, fs.clone());
        store.settle(&file.unwrap(), now()).unwrap();
        fs.count()
    };
    assert!(probe > 10, "{probe} steps");
    for fail_at in 1..=probe {
        let (_tmp, dir) = temp();
        write_history(&dir);
        let fs = Arc::new(FaultyFs::new(fail_at, libc::EIO));
        let (mut store, file) = IncidentsStore::open_with(&dir, fs);
        let _ = store.settle(&file.unwrap(), now());
        assert_eq!(
            everything(&dir),
            vec![1, 2, 3, 4, 5, 6],
            "failing step {fail_at}"
        );
        // The next start finishes the move.
        let (desk, _) = open_desk(&dir, Lang::En, now()).unwrap();
        assert_eq!(
            live_ids(desk.incidents()),
            vec![4, 5, 6],
            "after step {fail_at}"
        );
        assert_eq!(everything(&dir), vec![1, 2, 3, 4, 5, 6]);
    }
}
