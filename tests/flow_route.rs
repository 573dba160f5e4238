//! End to end, the route and the drills telling the truth (issue 13, points 4, 5, 6 and the
//! route and drill parts of 14): the real binary in a pseudo-terminal, typed at as an
//! operator would, then the JSON it wrote.

mod common;

use chrono::{DateTime, Duration, Utc};
use common::pty::Desk;
use serde_json::Value;
use std::path::Path;
use std::process::Output;

fn shiftdesk(dir: &Path, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_shiftdesk"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env("SHIFTDESK_TZ", "UTC")
        .env("SHIFTDESK_OPERATOR", "kato")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn start(dir: &Path, lang: &str, cols: u16, rows: u16) -> Desk {
    Desk::start_with_env(
        dir,
        &["--lang", lang, "--operator", "kato"],
        &[("SHIFTDESK_TZ", "UTC")],
        cols,
        rows,
    )
}

fn incidents(dir: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join("incidents.json")).unwrap()).unwrap()
}

/// `shiftdesk new`: an outage of severity 2 (route outage-high: L1 10+5 min, L2 10+10,
/// L3 15), with any further arguments.
fn new_outage(dir: &Path, title: &str, more: &[&str]) {
    let mut args = vec![
        "new",
        "--title",
        title,
        "--category",
        "operational.system_outage",
        "--severity",
        "2",
    ];
    args.extend(more);
    let new = shiftdesk(dir, &args);
    assert!(new.status.success(), "{new:?}");
}

/// An outage detected 40 minutes ago: the route went up to L3 by the clock, nobody called.
fn outage_40_minutes_old(dir: &Path) {
    new_outage(dir, "VPN down", &["--detected", "40m ago"]);
}

fn time(v: &Value) -> DateTime<Utc> {
    v.as_str().unwrap().parse().unwrap()
}

/// The moves up the route by time in the timeline: (to level, when).
fn moves(file: &Value) -> Vec<(u64, DateTime<Utc>)> {
    file["incidents"][0]["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "moved_up_by_time")
        .map(|e| (e["level"].as_u64().unwrap(), time(&e["at"])))
        .collect()
}

#[test]
fn levels_passed_by_time_say_not_called_and_each_move_is_logged_once() {
    let tmp = tempfile::tempdir().unwrap();
    outage_40_minutes_old(tmp.path());
    let mut desk = start(tmp.path(), "en", 120, 40);
    desk.wait_for("not called");
    // The first report is late against the first deadline, and the people below are
    // still offered.
    desk.wait_for("first report OVERDUE");
    desk.wait_for("not called yet: 伊藤 大輔");
    assert!(
        !desk.screen().contains("nobody reached"),
        "{}",
        desk.screen()
    );
    // Each move up by time is in the timeline.
    desk.send("t");
    desk.wait_for("L1 not reached within 15 min: now L2");
    desk.wait_for("L2 not reached within 20 min: now L3");
    desk.send("\x1b");
    // The one person on the top level does not answer: nobody below was called, so the
    // desk does not say everyone failed to answer; it offers the first of them.
    desk.wait_for("Next: call 田中 良子");
    desk.send("x");
    desk.wait_for("Next: call 伊藤 大輔");
    assert!(
        !desk.screen().contains("Nobody on the route answered"),
        "{}",
        desk.screen()
    );
    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));

    let file = incidents(tmp.path());
    let detected = time(&file["incidents"][0]["detected_at"]);
    let logged = moves(&file);
    assert_eq!(
        logged,
        [
            (1, detected + Duration::minutes(15)),
            (2, detected + Duration::minutes(35)),
        ],
        "each move stamped with when it happened"
    );
    // Started again, the desk logs nothing twice.
    let mut desk = start(tmp.path(), "en", 120, 40);
    desk.wait_for("VPN down");
    std::thread::sleep(std::time::Duration::from_millis(2500));
    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));
    assert_eq!(moves(&incidents(tmp.path())), logged);
}

#[test]
fn in_japanese_the_route_says_not_called_and_names_levels_and_routes_in_words() {
    let tmp = tempfile::tempdir().unwrap();
    outage_40_minutes_old(tmp.path());
    new_outage(tmp.path(), "Printer down", &[]);
    let mut desk = start(tmp.path(), "ja", 120, 40);
    desk.wait_for("未連絡");
    desk.wait_for("初報が");
    desk.send("t");
    desk.wait_for("第1段に15分以内に連絡がつかず: 第2段へ");
    desk.wait_for("システム停止(高)");
    assert!(!desk.screen().contains("outage-high"), "{}", desk.screen());
    desk.send("\x1b");
    // The escalation dialog names the level as the route pane does.
    desk.send("j");
    desk.wait_for("Printer down");
    desk.send("e");
    desk.wait_for("◀ 第2段 ▶");
    desk.send("\x1b");
    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));
}

/// D, Enter: the network-failover drill started.
fn start_failover_drill(desk: &mut Desk) {
    desk.send("D");
    desk.wait_for("network-failover");
    desk.send("\r");
    desk.wait_until("the drill started", |d| {
        let screen = d.screen();
        screen.contains("[DRILL]") || screen.contains("[訓練]")
    });
}

#[test]
fn a_drill_measures_its_first_report_on_its_clock_when_it_happened() {
    let tmp = tempfile::tempdir().unwrap();
    let mut desk = start(tmp.path(), "en", 120, 40);
    desk.wait_for("No open incidents");
    start_failover_drill(&mut desk);
    // Reached at once, then the clock jumped through every inject.
    desk.send("r");
    desk.wait_for("reached");
    for t in ["T+3", "T+6", "T+8", "T+14", "T+22", "T+30"] {
        desk.send("]");
        desk.wait_for(t);
    }
    desk.send("c");
    desk.wait_for("End drill");
    desk.send("y");
    desk.wait_for("Drill results");
    desk.wait_for("First report after under 1 min (deadline 10 min): met");
    // The results list the calls and the injects on the drill clock.
    desk.wait_for("T+0 L1 伊藤 大輔 — reached");
    desk.wait_for("T+22");
    let screen = desk.screen();
    assert!(
        !screen.contains("\\[") && !screen.contains("# ") && !screen.contains("## "),
        "text on screen, not Markdown:\n{screen}"
    );
    desk.send("\x1b");
    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));

    let report = stdout(&shiftdesk(
        tmp.path(),
        &["--lang", "en", "drill", "report", "INC-0001"],
    ));
    assert!(
        report.contains("First report after under 1 min (deadline 10 min): met"),
        "{report}"
    );
    assert!(report.contains("T+0 L1 伊藤 大輔 — reached"), "{report}");
    for t in ["T+3", "T+6", "T+8", "T+14", "T+22", "T+30"] {
        assert!(report.contains(t), "{t} missing from:\n{report}");
    }
}

#[test]
fn a_drill_in_japanese_says_minutes_in_japanese_and_shows_text() {
    let tmp = tempfile::tempdir().unwrap();
    let mut desk = start(tmp.path(), "ja", 120, 40);
    desk.wait_for("対応中のインシデントはありません");
    start_failover_drill(&mut desk);
    desk.send("]");
    desk.wait_for("T+3");
    desk.send("t");
    desk.wait_for("+3分");
    assert!(!desk.screen().contains("+3 min"), "{}", desk.screen());
    desk.send("\x1b");
    desk.send("c");
    desk.send("y");
    desk.wait_for("訓練の結果");
    desk.wait_for("[訓練] INC-0001");
    assert!(!desk.screen().contains("\\["), "{}", desk.screen());
    desk.send("\x1b");
    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));
}

#[test]
fn a_readiness_answer_goes_to_the_check_under_the_cursor_and_a_no_becomes_a_follow_up() {
    let tmp = tempfile::tempdir().unwrap();
    let today = Utc::now().date_naive().format("%Y-%m-%d").to_string();
    let mut desk = start(tmp.path(), "en", 120, 40);
    desk.wait_for("No open incidents");
    start_failover_drill(&mut desk);
    desk.send("v");
    desk.wait_for("Readiness checks");
    desk.wait_for("▶ ? The backup router");
    // No, with a note and the measure that follows it up: in one go.
    desk.send("n");
    desk.wait_for("Answer: NO");
    desk.send("unpowered\tPower the backup rack before each failover\tSato\t");
    desk.send(&today);
    desk.send("\r");
    // Back on the same check, now answered.
    desk.wait_for("▶ ✗ The backup router");
    desk.send("j");
    desk.wait_for("▶ ? The emergency numbers");
    desk.send("y");
    desk.wait_for("Answer: yes");
    desk.send("\r");
    desk.wait_for("▶ ✓ The emergency numbers");
    desk.send("\x1b");
    // The measure is among the follow-ups.
    desk.send("f");
    desk.wait_for("Power the backup rack before each failover");
    desk.send("\x1b");
    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));

    let file = incidents(tmp.path());
    let inc = &file["incidents"][0];
    let checks = inc["drill_run"]["checks"].as_array().unwrap();
    assert_eq!(checks[0]["answer"], "no");
    assert_eq!(checks[0]["note"], "unpowered");
    assert_eq!(checks[1]["answer"], "yes");
    assert!(checks[2].get("answer").is_none(), "{:?}", checks[2]);
    let measure = &inc["review"]["measures"][0];
    assert_eq!(
        measure["text"],
        "Power the backup rack before each failover"
    );
    assert_eq!(measure["owner"], "Sato");
    assert_eq!(measure["due"], today.as_str());
    assert_eq!(measure["check"], "backup-powered");
    // The handover lists it among the follow-ups due, though drills are left out.
    let handover = stdout(&shiftdesk(tmp.path(), &["--lang", "en", "handover"]));
    assert!(
        handover.contains("Power the backup rack before each failover"),
        "{handover}"
    );
}
