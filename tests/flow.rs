//! The agreed flow, end to end: signed off from the command line; `roster check`, `flow
//! status` and `doctor` saying it was never signed, is too old or changed since, and what
//! changed; the roll-out at the desk after the roster changed (acknowledged once, not
//! shown again, and `n` records an incident while it is up); the contact sheet.

mod common;

use common::cli::{ok, shiftdesk, shiftdesk_with};
use common::pty::Desk;
use serde_json::Value;
use std::path::Path;

const SAMPLE: &str = include_str!("../assets/roster.sample.json");

/// A data dir holding the team's roster: the sample's routes and people, not marked sample.
fn team_dir() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let mut roster: Value = serde_json::from_str(SAMPLE).unwrap();
    roster.as_object_mut().unwrap().remove("sample");
    for c in roster["contacts"].as_array_mut().unwrap() {
        c.as_object_mut().unwrap().remove("sample");
    }
    write_roster(tmp.path(), &roster);
    tmp
}

fn roster(dir: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join("roster.json")).unwrap()).unwrap()
}

fn write_roster(dir: &Path, roster: &Value) {
    std::fs::write(
        dir.join("roster.json"),
        serde_json::to_string_pretty(roster).unwrap(),
    )
    .unwrap();
}

fn flow_file(dir: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join("flow.json")).unwrap()).unwrap()
}

/// 佐藤 花子's mobile becomes another number; the default route's first level must report
/// within 10 minutes.
fn change_the_roster(dir: &Path) {
    let mut r = roster(dir);
    r["contacts"][0]["phones"][0]["number"] = "090-1234-0000".into();
    r["routes"][0]["levels"][0]["report_within_minutes"] = 10.into();
    write_roster(dir, &r);
}

#[test]
fn sign_off_then_status_and_check_tell_never_changed_and_old_with_the_words() {
    let tmp = team_dir();
    let dir = tmp.path();
    // Never signed.
    let (code, out, _) = shiftdesk(dir, "--lang en flow status", &[]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("was never signed off"), "{out}");
    let out = ok(dir, "--lang ja roster check", &[]);
    assert!(out.contains("警告 flow: 使用中の報告フロー"), "{out}");
    assert!(out.contains("承認されていません"), "{out}");
    let (_, out, _) = shiftdesk(dir, "--lang en doctor", &[]);
    assert!(
        out.contains(
            "ACT  The flow in use (routes, contacts, playbooks, guide) was never signed off"
        ),
        "{out}"
    );

    // Signed.
    let out = ok(
        dir,
        "--lang en flow sign-off --by",
        &["田中 良子", "--note", "checked with the shift leads"],
    );
    assert!(out.starts_with("Signed off the flow "), "{out}");
    assert!(out.contains("by 田中 良子"), "{out}");
    let file = flow_file(dir);
    let signed = &file["sign_offs"][0];
    assert_eq!(signed["by"], "田中 良子");
    assert_eq!(signed["note"], "checked with the shift leads");
    assert_eq!(file["schema_version"], 1);
    let fingerprint = signed["fingerprint"].as_str().unwrap().to_string();
    assert!(file["versions"][&fingerprint].is_object());
    let out = ok(dir, "--lang en flow status", &[]);
    assert!(
        out.contains(&format!("Flow in use: {fingerprint}")),
        "{out}"
    );
    assert!(out.contains("was signed off"), "{out}");
    assert!(out.contains("Note: checked with the shift leads"), "{out}");
    let out = ok(dir, "--lang en roster check", &[]);
    assert!(!out.contains("flow:"), "{out}");

    // Changed since: what changed, in words, in both languages.
    change_the_roster(dir);
    let (code, out, _) = shiftdesk(dir, "--lang en flow status", &[]);
    assert_eq!(code, Some(1));
    assert!(out.contains("changed since it was signed off"), "{out}");
    assert!(out.contains("2 change(s)"), "{out}");
    assert!(
        out.contains("  • 佐藤 花子: numbers changed: 090-0000-1101, 03-0000-1101 → 090-1234-0000, 03-0000-1101"),
        "{out}"
    );
    assert!(out.contains("L1: report within 15 → 10 min"), "{out}");
    let out = ok(dir, "--lang ja roster check", &[]);
    assert!(out.contains("の後に 2 件変更されています"), "{out}");
    assert!(out.contains("    • 佐藤 花子: 電話番号を変更: "), "{out}");
    assert!(out.contains("第1段: 報告期限 15分 → 10分"), "{out}");
    let json: Value = serde_json::from_str(&ok(dir, "--lang en roster check --json", &[])).unwrap();
    let flow = json
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["place"] == "flow")
        .unwrap();
    assert_eq!(flow["changes"].as_array().unwrap().len(), 2);

    // Signed again, then 200 days pass (the sign-off's date moved back in the file).
    ok(dir, "--lang en flow sign-off --by lead", &[]);
    let mut file = flow_file(dir);
    file["sign_offs"][1]["at"] = "2026-01-01T00:00:00Z".into();
    std::fs::write(dir.join("flow.json"), serde_json::to_string(&file).unwrap()).unwrap();
    let (code, out, _) = shiftdesk(dir, "--lang en flow status --json", &[]);
    assert_eq!(code, Some(1));
    let status: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(status["sign_off"]["too_old"], true);
    assert_eq!(status["sign_off"]["changed_since"], false);
    let out = ok(dir, "--lang en roster check", &[]);
    assert!(
        out.contains("days ago (2026-01-01, by lead), over the 180 agreed"),
        "{out}"
    );
    // The age is the team's setting, in roster.json: a longer one holds.
    let mut r = roster(dir);
    r["sign_off_max_age_days"] = 5000.into();
    write_roster(dir, &r);
    let out = ok(dir, "--lang en roster check", &[]);
    assert!(!out.contains("over the"), "{out}");
    assert!(
        out.contains("roster.json: sign_off_max_age_days changed"),
        "{out}"
    );
}

#[test]
fn sign_off_refuses_the_sample_and_a_bad_flow_file_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let (code, _, err) = shiftdesk(dir, "--lang en flow sign-off --by lead", &[]);
    assert_eq!(code, Some(1));
    assert!(err.contains("no roster yet"), "{err}");
    std::fs::write(dir.join("roster.json"), SAMPLE).unwrap();
    let (code, _, err) = shiftdesk(dir, "--lang en flow sign-off --by lead", &[]);
    assert_eq!(code, Some(1));
    assert!(err.contains("is the bundled sample"), "{err}");
    assert!(!dir.join("flow.json").exists());

    let tmp = team_dir();
    let dir = tmp.path();
    let bad = "{\n  \"schema_version\": 1,\n  \"sign_offs\": [}\n";
    std::fs::write(dir.join("flow.json"), bad).unwrap();
    for args in ["flow sign-off --by lead", "flow status", "roster sheet"] {
        let (code, out, err) = shiftdesk(dir, &format!("--lang en {args}"), &[]);
        assert_eq!(code, Some(1), "{args}: {out}");
        let place = format!("{}:3:", dir.join("flow.json").display());
        assert!(err.contains(&place), "{args}: {err}");
    }
    let (_, out, _) = shiftdesk(dir, "--lang en roster check", &[]);
    assert!(out.contains("flow.json unusable"), "{out}");
    let (_, out, _) = shiftdesk(dir, "--lang en doctor", &[]);
    assert!(out.contains("ACT") && out.contains("flow.json:3:"), "{out}");
    assert_eq!(std::fs::read_to_string(dir.join("flow.json")).unwrap(), bad);
}

#[test]
fn status_lists_who_has_not_acknowledged_the_flow_in_use() {
    let tmp = team_dir();
    let dir = tmp.path();
    ok(dir, "flow sign-off --by lead", &[]);
    // suzuki (the CLI's operator) opened an incident: an operator the data dir knows.
    ok(dir, "new --title Down --category other --severity 3", &[]);
    let out = ok(dir, "--lang en flow status", &[]);
    assert!(
        out.contains("Not yet acknowledged the flow in use: suzuki"),
        "{out}"
    );
    let json: Value = serde_json::from_str(&ok(dir, "flow status --json", &[])).unwrap();
    assert_eq!(json["not_acknowledged"], serde_json::json!(["suzuki"]));
}

/// The desk after the roster changed: what changed is shown; `n` records an incident while
/// it is up; Esc puts it away until the next start; `a` acknowledges it, stamped; it is not
/// shown again.
#[test]
fn the_roll_out_after_the_roster_changed() {
    let tmp = team_dir();
    let dir = tmp.path();
    ok(dir, "flow sign-off --by lead", &[]);
    let mut desk = Desk::start(dir, &["--lang", "en", "--operator", "yamada"], 80, 24);
    // Never acknowledged: the signed flow, nothing changed since.
    desk.wait_for("You have not acknowledged the flow yet");
    desk.wait_for("No change since it was signed off.");
    desk.send("a");
    desk.wait_for("Acknowledged the flow");
    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));

    change_the_roster(dir);
    let mut desk = Desk::start(dir, &["--lang", "en", "--operator", "yamada"], 80, 24);
    desk.wait_for("The flow changed");
    desk.wait_for("numbers changed");
    desk.wait_for("L1: report within 15 → 10 min");
    // Nothing waits on it: a new incident straight away.
    desk.send("n");
    desk.wait_for("New incident");
    desk.send("Mail relay down");
    desk.send("\r");
    desk.wait_for("Recorded INC-0001");
    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));
    let file = flow_file(dir);
    assert_eq!(
        file["acknowledgements"].as_array().unwrap().len(),
        1,
        "not acknowledged yet"
    );

    // Asked again at the next start; Esc puts it away; then `a`.
    let mut desk = Desk::start(dir, &["--lang", "ja", "--operator", "yamada"], 120, 40);
    desk.wait_for("報告フローが変更されました");
    desk.wait_for("電話番号を変更");
    desk.send("\x1b");
    desk.wait_until("the roll-out put away", |d| {
        !d.screen().contains("a: 確認した")
    });
    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));
    let mut desk = Desk::start(dir, &["--lang", "ja", "--operator", "yamada"], 120, 40);
    desk.wait_for("報告フローが変更されました");
    desk.send("a");
    desk.wait_for("を確認済みにしました");
    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));
    let file = flow_file(dir);
    let acks = file["acknowledgements"].as_array().unwrap();
    assert_eq!(acks.len(), 2);
    assert_eq!(acks[1]["operator"], "yamada");
    // The flow changed since it was signed: status exits 1, and says whose it is.
    let (_, out, _) = shiftdesk(dir, "flow status --json", &[]);
    let status: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(acks[1]["fingerprint"], status["fingerprint"]);
    assert_eq!(status["acknowledged"], serde_json::json!(["yamada"]));
    assert!(acks[1]["at"].is_string() && acks[1]["change_id"].is_string());

    // Not shown again.
    let mut desk = Desk::start(dir, &["--lang", "en", "--operator", "yamada"], 80, 24);
    desk.wait_for("INC-0001");
    // (The warning line still says the flow changed since it was signed.)
    desk.wait_for("The flow changed since it was signed off");
    assert!(
        !desk.screen().contains("a: acknowledge"),
        "{}",
        desk.screen()
    );
    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));
}

/// A draft kept by a desk that went away is asked about first; restoring it does not put
/// the roll-out away: once the form is done with, what changed is there to acknowledge.
#[test]
fn a_restored_draft_leaves_the_roll_out_beneath_it() {
    let tmp = team_dir();
    let dir = tmp.path();
    ok(dir, "flow sign-off --by lead", &[]);
    change_the_roster(dir);
    let mut desk = Desk::start(dir, &["--lang", "en", "--operator", "yamada"], 80, 24);
    desk.wait_for("The flow changed");
    desk.send("n");
    desk.wait_for("New incident");
    desk.send("Half typed title");
    desk.wait_for("Half typed title");
    desk.send("\x03");
    assert_eq!(desk.wait_exit(), Some(0));

    let mut desk = Desk::start(dir, &["--lang", "en", "--operator", "yamada"], 80, 24);
    desk.wait_for("Text typed before the desk closed was kept");
    desk.send("y");
    desk.wait_for("New incident");
    desk.wait_for("Half typed title");
    // Discarded this time: Esc twice; the roll-out waited beneath.
    desk.send("\x1b");
    desk.wait_for("Esc again discards");
    desk.send("\x1b");
    desk.wait_for("a: acknowledge");
    desk.send("a");
    desk.wait_for("Acknowledged the flow");
    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));
    let acks = flow_file(dir)["acknowledgements"].as_array().unwrap().len();
    assert_eq!(acks, 1);
}

/// A data dir of the version before this one (no flow.json, a roster without the new
/// setting) opens unchanged: the desk, `flow status` and `roster check` write nothing.
#[test]
fn a_data_dir_of_the_previous_version_opens_unchanged() {
    let tmp = team_dir();
    let dir = tmp.path();
    ok(dir, "new --title Down --category other --severity 3", &[]);
    let before_roster = std::fs::read(dir.join("roster.json")).unwrap();
    let before_incidents = std::fs::read(dir.join("incidents.json")).unwrap();
    let _ = shiftdesk(dir, "flow status", &[]);
    let _ = shiftdesk(dir, "roster check", &[]);
    let _ = shiftdesk(dir, "doctor", &[]);
    let mut desk = Desk::start(dir, &["--lang", "en"], 80, 24);
    desk.wait_for("INC-0001");
    // Never signed: said, and nothing to acknowledge.
    desk.wait_for("The flow in use (routes, contacts, playbooks, guide) was never");
    assert!(!desk.screen().contains("a: acknowledge"));
    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));
    assert!(!dir.join("flow.json").exists());
    assert_eq!(
        std::fs::read(dir.join("roster.json")).unwrap(),
        before_roster
    );
    assert_eq!(
        std::fs::read(dir.join("incidents.json")).unwrap(),
        before_incidents
    );
}

#[test]
fn the_contact_sheet_escapes_a_hostile_name_and_keeps_off_the_data_files() {
    let tmp = team_dir();
    let dir = tmp.path();
    let mut r = roster(dir);
    r["contacts"][0]["name"] = "<script>alert('x')</script>".into();
    write_roster(dir, &r);
    ok(dir, "flow sign-off --by 田中", &[]);
    let html = ok(dir, "--lang ja roster sheet --format html", &[]);
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(html.contains("@page { size: A4"));
    assert!(!html.contains("<script"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(html.contains("今週の当番"));
    assert!(html.contains("田中 承認"), "{html}");
    let md = ok(dir, "--lang en roster sheet", &[]);
    assert!(md.contains("## On duty this week"), "{md}");
    // The sample's shift leaders, in turn; the hostile name escaped there too.
    assert!(md.contains("- Shift leader / シフトリーダー: "), "{md}");
    assert!(!md.contains("No rotations in roster.json"), "{md}");
    assert!(!md.contains("<script"), "{md}");
    assert!(md.contains("| L1 | 15 min | 5 min | call |"), "{md}");
    // --out: written whole, never over the data dir's own files.
    let out = tmp.path().join("exports");
    std::fs::create_dir_all(&out).unwrap();
    let sheet = out.join("sheet.html");
    ok(
        dir,
        "roster sheet --format html --out",
        &[sheet.to_str().unwrap()],
    );
    assert!(
        std::fs::read_to_string(&sheet)
            .unwrap()
            .ends_with("</html>\n")
    );
    let before = std::fs::read(dir.join("roster.json")).unwrap();
    for own in [
        "roster.json",
        "incidents.json",
        "flow.json",
        "backups/x.json",
    ] {
        let path = dir.join(own);
        let (code, _, err) = shiftdesk_with(
            dir,
            "--lang en roster sheet --out",
            &[path.to_str().unwrap()],
            &[],
        );
        assert_eq!(code, Some(1), "{own}");
        assert!(err.contains("one of the data dir's own files"), "{err}");
    }
    assert_eq!(std::fs::read(dir.join("roster.json")).unwrap(), before);
    // No roster: no sheet of fictional numbers.
    let empty = tempfile::tempdir().unwrap();
    let (code, out, _) = shiftdesk(empty.path(), "roster sheet", &[]);
    assert_eq!((code, out.as_str()), (Some(1), ""));
}
