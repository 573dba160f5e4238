//! End to end: the built binary in a pseudo-terminal, typed at as an operator would.

mod common;

use common::pty::Desk;

fn incidents(dir: &std::path::Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join("incidents.json")).unwrap()).unwrap()
}

#[test]
fn record_an_incident_in_japanese_check_a_step_and_quit() {
    let tmp = tempfile::tempdir().unwrap();
    let mut desk = Desk::start(
        tmp.path(),
        &["--lang", "ja", "--operator", "yamada"],
        120,
        40,
    );
    desk.wait_for("対応中のインシデントはありません");
    desk.send("n");
    desk.wait_for("インシデント新規記録");
    desk.send("基幹サーバ停止");
    desk.send("\t\x1b[C"); // Category: one to the right, to team.security
    desk.send("\t\t1"); // Past the kind (the category's default) to severity 1
    desk.send("\r");
    desk.wait_for("INC-0001 を記録しました");
    desk.wait_for("基幹サーバ停止");
    // Enter goes to the checklist, Space checks the step under the cursor.
    desk.send("\r");
    desk.send(" ");
    desk.wait_for("報告 1/");
    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));

    let file = incidents(tmp.path());
    let inc = &file["incidents"][0];
    assert_eq!(inc["id"], "INC-0001");
    assert_eq!(inc["title"], "基幹サーバ停止");
    assert_eq!(inc["category"], "team.security");
    assert_eq!(inc["severity"], 1);
    assert_eq!(inc["opened_by"], "yamada");
    assert_eq!(inc["checklist"][0]["done"]["by"], "yamada");
    let kinds: Vec<&str> = inc["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["opened", "route_resolved", "step_checked"]);
}

#[test]
fn escape_leaves_the_form_without_saving() {
    let tmp = tempfile::tempdir().unwrap();
    let mut desk = Desk::start(tmp.path(), &["--lang", "en"], 80, 24);
    desk.wait_for("No open incidents");
    desk.send("n");
    desk.wait_for("New incident");
    desk.send("half typed");
    desk.send("\x1b");
    desk.wait_for("Esc again discards");
    desk.send("\x1b");
    desk.wait_for("No open incidents");
    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));
    assert!(!tmp.path().join("incidents.json").exists());
}

#[test]
fn a_small_terminal_gets_a_message_not_a_broken_screen() {
    let tmp = tempfile::tempdir().unwrap();
    let mut desk = Desk::start(tmp.path(), &["--lang", "en"], 60, 20);
    desk.wait_for("needs 80x24");
    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));
}

#[test]
fn no_answer_names_the_next_person_and_reached_is_saved() {
    let tmp = tempfile::tempdir().unwrap();
    let new = std::process::Command::new(env!("CARGO_BIN_EXE_shiftdesk"))
        .args(["--data-dir"])
        .arg(tmp.path())
        .args([
            "new",
            "--title",
            "Core switch down",
            "--category",
            "operational.system_outage",
            "--severity",
            "2",
        ])
        .output()
        .unwrap();
    assert!(new.status.success());
    let mut desk = Desk::start(tmp.path(), &["--lang", "en", "--operator", "kato"], 120, 40);
    desk.wait_for("Next: call 伊藤 大輔");
    // From the incidents pane, x marks the person the next line names.
    desk.send("x");
    desk.wait_for("Next: call Emily Brown");
    desk.send("x");
    desk.wait_for("Next: call 佐藤 花子");
    desk.send("x");
    desk.wait_for("Next: call 高橋 誠");
    desk.wait_for("no answer · went up");
    desk.send("r");
    desk.wait_for("Logged: 高橋 誠 — reached");
    desk.wait_for("next update");
    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));

    let file = incidents(tmp.path());
    let attempts = file["incidents"][0]["attempts"].as_array().unwrap();
    let seen: Vec<(&str, u64, &str)> = attempts
        .iter()
        .map(|a| {
            (
                a["contact"].as_str().unwrap(),
                a["level"].as_u64().unwrap(),
                a["outcome"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("ito-daisuke", 0, "no_answer"),
            ("emily-brown", 0, "no_answer"),
            ("sato-hanako", 0, "no_answer"),
            ("takahashi-makoto", 1, "reached"),
        ]
    );
    assert!(
        attempts
            .iter()
            .all(|a| a["by"] == "kato" && a["means"] == "phone")
    );
    // Reaching someone checked the report step.
    assert_eq!(file["incidents"][0]["checklist"][0]["done"]["by"], "kato");
}

#[test]
fn slash_finds_a_contact_by_half_width_kana_and_opens_the_card() {
    let tmp = tempfile::tempdir().unwrap();
    let mut desk = Desk::start(tmp.path(), &["--lang", "ja"], 100, 30);
    desk.wait_for("対応中のインシデントはありません");
    desk.send("/");
    desk.wait_for("連絡先 · 10 件中 10 件");
    desk.send("ｽｽﾞｷ");
    desk.wait_for("連絡先 · 10 件中 1 件");
    desk.send("\r");
    desk.wait_for("080-0000-1102");
    desk.wait_for("default L1");
    desk.send("\x1b");
    desk.wait_for("連絡先 · 10 件中 1 件");
    desk.send("\x1b");
    desk.wait_for("対応中のインシデントはありません");
    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));
}

#[test]
fn scope_interim_action_and_review_end_up_in_the_export() {
    let tmp = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_shiftdesk"))
            .arg("--data-dir")
            .arg(tmp.path())
            .args(args)
            .env("SHIFTDESK_TZ", "Asia/Tokyo")
            .output()
            .unwrap()
    };
    let new = run(&[
        "new",
        "--title",
        "Mail to wrong customer",
        "--category",
        "team.security",
        "--severity",
        "3",
    ]);
    assert!(new.status.success());
    let mut desk = Desk::start(tmp.path(), &["--lang", "en", "--operator", "kato"], 120, 40);
    desk.wait_for("Mail to wrong customer");
    // Scope: services, affected, count.
    desk.send("S");
    desk.wait_for("Scope of impact");
    // First the guide's question whether personal information was involved: left open.
    desk.wait_for("personal information");
    desk.send("\t");
    desk.send("Outbound mail\tPlan B customers\t120");
    desk.send("\r");
    desk.wait_for("Recorded");
    // An interim action that worked.
    desk.send("i");
    desk.wait_for("Interim action");
    desk.send("Asked recipient to delete");
    desk.send("\r");
    // The review with one measure (Tab past five fields to the first measure).
    desk.send("w");
    desk.wait_for("Measures against recurrence");
    desk.send("Sent to the wrong address\tAutocomplete picked the partner\t");
    desk.send("\t\t\tCheck the address twice\tSato\t2026-12-05");
    desk.send("\r");
    desk.wait_for("Recorded");
    // Close: the Review steps are open, so close without review, with a reason.
    desk.send("c");
    desk.wait_for("close without review");
    desk.send("x");
    desk.send("Review held at the weekly meeting");
    desk.send("\r");
    desk.wait_for("Closed INC-0001");
    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));

    let export = run(&["--lang", "en", "export", "INC-0001"]);
    assert!(export.status.success());
    let md = String::from_utf8(export.stdout).unwrap();
    for expected in [
        "Outbound mail",
        "Plan B customers",
        "120",
        "Asked recipient to delete",
        "Autocomplete picked the partner",
        "Check the address twice",
        "2026-12-05",
        "Review held at the weekly meeting",
    ] {
        assert!(md.contains(expected), "{expected:?} missing from:\n{md}");
    }
}

#[test]
fn a_network_failover_drill_from_start_to_report() {
    let tmp = tempfile::tempdir().unwrap();
    let mut desk = Desk::start(tmp.path(), &["--lang", "en", "--operator", "kato"], 120, 40);
    desk.wait_for("No open incidents");
    desk.send("D");
    desk.wait_for("network-failover");
    desk.send("\r");
    desk.wait_for("[DRILL]");
    desk.wait_for("DRILL: next inject");
    // Jump the drill's clock to its next inject: it appears.
    desk.send("]");
    desk.wait_for("T+3");
    // Answer the readiness check "backup equipment powered on": no.
    desk.send("v");
    desk.wait_for("Readiness checks");
    desk.send("n");
    desk.wait_for("Answer: NO");
    desk.send("rack B had no power");
    desk.send("\r");
    desk.wait_for("rack B had no power");
    desk.send("\x1b");
    // End the drill: its results are shown.
    desk.send("c");
    desk.wait_for("End drill");
    desk.send("y");
    desk.wait_for("Drill results");
    desk.send("\x1b");
    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_shiftdesk"))
        .arg("--data-dir")
        .arg(tmp.path())
        .args(["--lang", "en", "drill", "report", "INC-0001"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let report = String::from_utf8(out.stdout).unwrap();
    let actions = report.find("Actions").expect("an actions section");
    let failed = report
        .find("rack B had no power")
        .expect("the failed check");
    assert!(
        actions < failed && failed < report.find("Figures").unwrap(),
        "{report}"
    );
    assert!(report.contains("jumped ahead"), "{report}");
}
