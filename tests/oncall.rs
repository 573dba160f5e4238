//! Who is on duty now, end to end: a route level that names a rotation calls the person on
//! duty, the timeline says who it resolved to (at the record and again when the route goes
//! up), the desk shows who is on duty; `shiftdesk oncall` prints it and `roster check`
//! checks rotations with their places.

mod common;

use common::pty::Desk;
use serde_json::{Value, json};
use std::path::Path;
use std::process::Output;

fn shiftdesk(dir: &Path, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_shiftdesk"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env("SHIFTDESK_TZ", "Asia/Tokyo")
        .env("SHIFTDESK_OPERATOR", "kato")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The sample roster, its default route calling the shift leader on duty on L1 and the
/// escalation rotation (with 高橋 誠 fixed beside it) on L2; each rotation of one person, so
/// who is on duty does not depend on when the test runs.
fn roster_with_rotations(dir: &Path) {
    let sample = include_str!("../assets/roster.sample.json");
    let mut roster: Value = serde_json::from_str(sample).unwrap();
    roster["rotations"] = json!([
        {"id": "shift-leader", "name": "Shift leader / シフトリーダー", "people": ["sato-hanako"],
         "zone": "Asia/Tokyo", "start": "2026-01-05 08:00", "shift_starts": ["08:00", "20:00"]},
        {"id": "escalation", "name": "Escalation / エスカレーション先", "people": ["tanaka-yoshiko"],
         "zone": "Europe/London", "start": "2026-01-05 09:00", "shift_hours": 24}
    ]);
    let levels = &mut roster["routes"][0]["levels"];
    levels[0]["contacts"] = json!([]);
    levels[0]["rotation"] = json!("shift-leader");
    levels[1]["rotation"] = json!("escalation");
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(
        dir.join("roster.json"),
        serde_json::to_string_pretty(&roster).unwrap(),
    )
    .unwrap();
}

fn incidents(dir: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join("incidents.json")).unwrap()).unwrap()
}

/// The people the timeline says a level's rotation resolved to, with the level.
fn resolved(dir: &Path) -> Vec<(u64, String)> {
    incidents(dir)["incidents"][0]["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "on_duty_resolved")
        .map(|e| {
            (
                e["level"].as_u64().unwrap(),
                e["contact"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn the_level_calls_who_is_on_duty_and_the_timeline_says_so_at_record_and_escalation() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    roster_with_rotations(dir);
    let new = shiftdesk(
        dir,
        &[
            "new",
            "--title",
            "Manual typo",
            "--category",
            "operational.doc_error",
            "--severity",
            "4",
        ],
    );
    assert!(new.status.success(), "{new:?}");
    assert_eq!(resolved(dir), [(0, "sato-hanako".to_string())]);

    let mut desk = Desk::start_with_env(
        dir,
        &["--lang", "en", "--operator", "kato"],
        &[("SHIFTDESK_TZ", "Asia/Tokyo")],
        120,
        40,
    );
    // Who is on duty, at the foot of the route pane; the Next line calls the shift leader.
    desk.wait_for("Shift leader 佐藤 花子 to");
    desk.wait_for("Next: call 佐藤 花子");
    desk.send("t");
    desk.wait_for("Shift leader / シフトリーダー → 佐藤 花子 (on duty");
    desk.send("\x1b");
    // Escalate one level up: the escalation rotation is resolved then, once.
    desk.send("e");
    desk.wait_for("Escalate");
    desk.send("\r");
    desk.wait_until("the escalation rotation resolved", |_| {
        resolved(dir).len() == 2
    });
    assert_eq!(resolved(dir)[1], (1, "tanaka-yoshiko".to_string()));
    desk.send("t");
    desk.wait_for("Escalation / エスカレーション先 → 田中 良子 (on duty");
    desk.send("\x1b");
    desk.wait_for("Next: call 田中 良子");
    // A few ticks later, still resolved once.
    std::thread::sleep(std::time::Duration::from_millis(2500));
    assert_eq!(resolved(dir).len(), 2);
    desk.send("q");
    desk.wait_exit();
}

#[test]
fn the_desk_shows_who_is_on_duty_in_japanese_at_80x24() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    roster_with_rotations(dir);
    let mut desk = Desk::start_with_env(
        dir,
        &["--lang", "ja", "--operator", "kato"],
        &[("SHIFTDESK_TZ", "Asia/Tokyo")],
        80,
        24,
    );
    desk.wait_for("シフトリーダー 佐藤 花子");
    desk.wait_for("エスカレーション先 田中 良子");
    desk.send("q");
    desk.wait_exit();
}

#[test]
fn oncall_prints_who_is_on_duty_until_when_and_who_is_next() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    roster_with_rotations(dir);
    let out = shiftdesk(dir, &["--lang", "en", "oncall", "--at", "2026-12-01 21:00"]);
    assert!(out.status.success(), "{out:?}");
    let text = stdout(&out);
    assert!(
        text.contains("Shift leader / シフトリーダー: 佐藤 花子 090-0000-1101, until 12-02 08:00"),
        "{text}"
    );
    let out = shiftdesk(dir, &["oncall", "--at", "2026-12-01 21:00", "--json"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["at"], "2026-12-01T12:00:00Z");
    let leader = &v["rotations"][0];
    assert_eq!(leader["on_duty"]["person"], "sato-hanako");
    assert_eq!(leader["on_duty"]["from"], "2026-12-01T11:00:00Z");
    assert_eq!(leader["on_duty"]["until"], "2026-12-01T23:00:00Z");
    // London's clocks: 09:00 there is 18:00 in Tokyo in winter.
    assert_eq!(
        v["rotations"][1]["on_duty"]["until"],
        "2026-12-02T09:00:00Z"
    );
    let bad = shiftdesk(dir, &["oncall", "--at", "tomorrowish"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--at \"tomorrowish\""));
}

#[test]
fn roster_check_names_each_rotation_problem_with_its_place() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    roster_with_rotations(dir);
    let path = dir.join("roster.json");
    let mut roster: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    roster["rotations"][0]["people"] = json!(["sato-hanako", "ghost"]);
    roster["rotations"][1]["shift_hours"] = json!(-12);
    roster["routes"][1]["levels"][0]["rotation"] = json!("night-oncall");
    std::fs::write(&path, serde_json::to_string_pretty(&roster).unwrap()).unwrap();
    let out = shiftdesk(dir, &["--lang", "en", "roster", "check"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    for expected in [
        "rotations[0].people[1]: Rotation \"shift-leader\" names \"ghost\"",
        "rotations[1].shift_hours: Rotation \"escalation\" has shift_hours -12",
        "routes[1].levels[0].rotation: Route \"outage-high\" names rotation \"night-oncall\"",
    ] {
        assert!(text.contains(expected), "{expected}\n{text}");
    }
}

#[test]
fn a_roster_with_a_bad_rotation_is_named_with_line_and_column_and_never_written() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    roster_with_rotations(dir);
    let path = dir.join("roster.json");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("\"Europe/London\"", "\"Europe/Londres\"");
    std::fs::write(&path, &text).unwrap();
    let out = shiftdesk(dir, &["roster", "check"]);
    assert_ne!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    let line = text.lines().position(|l| l.contains("Londres")).unwrap() + 1;
    assert!(err.contains(&format!("roster.json:{line}:")), "{err}");
    assert!(
        err.contains("\"Europe/Londres\" is not a time zone"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}
