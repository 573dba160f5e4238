//! Every way out leaves the terminal as it was: quitting, an internal error, a panic,
//! SIGTERM, SIGHUP, SIGINT — 20 runs each — and Ctrl-Z suspends and resumes cleanly.
//! A signal exit happens within 2 s with everything acknowledged saved; a terminal closed
//! while typing keeps the text as a draft, offered back at the next start.

mod common;

use common::pty::Desk;
use std::time::{Duration, Instant};

fn runs() -> usize {
    std::env::var("SHIFTDESK_EXIT_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20)
}

/// The terminal after the desk is gone: cooked (icanon, echo), main screen, cursor shown.
fn assert_sane(desk: &mut Desk, how: &str) {
    if !common::tool_available("stty") {
        return;
    }
    let stty = desk.run_after("stty", &["-a"]);
    let words: Vec<&str> = stty.split_whitespace().collect();
    assert!(
        words.contains(&"icanon"),
        "{how}: stty -a shows -icanon:\n{stty}"
    );
    assert!(
        words.contains(&"echo"),
        "{how}: stty -a shows -echo:\n{stty}"
    );
    let out = desk.output.lock().unwrap().clone();
    let text = String::from_utf8_lossy(&out);
    let last = |s: &str| text.rfind(s);
    assert!(
        last("\x1b[?1049l") > last("\x1b[?1049h"),
        "{how}: the alternate screen was not left"
    );
    assert!(
        last("\x1b[?25h") > last("\x1b[?25l"),
        "{how}: the cursor was not shown again"
    );
}

fn incidents(dir: &std::path::Path) -> String {
    std::fs::read_to_string(dir.join("incidents.json")).unwrap_or_default()
}

/// Starts a desk and records an incident through the form; waits until it is saved.
fn desk_with_a_saved_change(dir: &std::path::Path, env: &[(&str, &str)], title: &str) -> Desk {
    let mut desk = Desk::start_with_env(dir, &["--lang", "en"], env, 100, 30);
    desk.wait_for("Incidents");
    desk.send("n");
    desk.wait_for("New incident");
    desk.send(title);
    desk.send("\r");
    desk.wait_for("Recorded INC-");
    assert!(incidents(dir).contains(title), "saved before the way out");
    desk
}

#[test]
fn quitting_leaves_the_terminal_sane() {
    for run in 0..runs() {
        let tmp = tempfile::tempdir().unwrap();
        let mut desk = desk_with_a_saved_change(tmp.path(), &[], &format!("q {run}"));
        desk.send("q");
        assert_eq!(desk.wait_exit(), Some(0));
        assert_sane(&mut desk, &format!("q run {run}"));
    }
}

#[test]
fn an_internal_error_leaves_the_terminal_sane() {
    for run in 0..runs() {
        let tmp = tempfile::tempdir().unwrap();
        let mut desk = desk_with_a_saved_change(tmp.path(), &[("SHIFTDESK_FAULT", "error")], "err");
        desk.send("\x1b[24~"); // F12
        assert_eq!(desk.wait_exit(), Some(1));
        assert_sane(&mut desk, &format!("error run {run}"));
    }
}

#[test]
fn a_panic_leaves_the_terminal_sane() {
    for run in 0..runs() {
        let tmp = tempfile::tempdir().unwrap();
        let mut desk =
            desk_with_a_saved_change(tmp.path(), &[("SHIFTDESK_FAULT", "panic")], "panic");
        desk.send("\x1b[24~"); // F12
        assert_eq!(desk.wait_exit(), Some(101));
        assert_sane(&mut desk, &format!("panic run {run}"));
        assert!(
            incidents(tmp.path()).contains("panic"),
            "what was saved stays saved"
        );
    }
}

fn signal_exit(name: &str, code: u32) {
    if !common::tool_available("kill") {
        return;
    }
    let mut slowest = Duration::ZERO;
    for run in 0..runs() {
        let tmp = tempfile::tempdir().unwrap();
        let title = format!("{name} {run}");
        let mut desk = desk_with_a_saved_change(tmp.path(), &[], &title);
        let start = Instant::now();
        desk.signal(name);
        assert_eq!(desk.wait_exit(), Some(code), "{name} run {run}");
        let took = start.elapsed();
        slowest = slowest.max(took);
        assert!(
            took < Duration::from_secs(2),
            "{name} run {run}: took {took:?}"
        );
        assert_sane(&mut desk, &format!("{name} run {run}"));
        assert!(incidents(tmp.path()).contains(&title));
    }
    eprintln!("SIG{name}: {} runs, slowest exit {slowest:?}", runs());
}

#[test]
fn sigterm_leaves_the_terminal_sane_within_2_s() {
    signal_exit("TERM", 143);
}

#[test]
fn sighup_leaves_the_terminal_sane_within_2_s() {
    signal_exit("HUP", 129);
}

#[test]
fn sigint_leaves_the_terminal_sane_within_2_s() {
    signal_exit("INT", 130);
}

#[test]
fn a_terminal_closed_while_typing_keeps_the_draft_for_the_next_start() {
    if !common::tool_available("kill") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let mut desk = Desk::start(tmp.path(), &["--lang", "en"], 100, 30);
    desk.wait_for("No open incidents");
    desk.send("n");
    desk.wait_for("New incident");
    desk.send("Half-typed: router on fire");
    desk.signal("HUP");
    assert_eq!(desk.wait_exit(), Some(129));
    assert!(
        !incidents(tmp.path()).contains("router on fire"),
        "not submitted"
    );

    let mut desk = Desk::start(tmp.path(), &["--lang", "en"], 100, 30);
    desk.wait_for("Text typed before the desk closed was kept");
    desk.wait_for("Half-typed: router on fire");
    desk.send("y");
    desk.wait_for("Draft restored");
    desk.send("\r");
    desk.wait_for("Recorded INC-0001");
    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));
    assert!(incidents(tmp.path()).contains("Half-typed: router on fire"));
    assert!(
        !tmp.path().join("draft.json").exists(),
        "the draft is gone once used"
    );
}

#[test]
fn closing_the_terminal_while_typing_keeps_the_draft_and_ends_the_desk() {
    let tmp = tempfile::tempdir().unwrap();
    let mut desk = Desk::start(tmp.path(), &["--lang", "en"], 100, 30);
    desk.wait_for("No open incidents");
    desk.send("n");
    desk.wait_for("New incident");
    desk.send("typed when the window closed");
    desk.wait_for("typed when the window closed");
    let start = Instant::now();
    let code = desk.close_terminal();
    assert!(code.is_some(), "the desk went when its terminal did");
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "took {:?}",
        start.elapsed()
    );
    let draft = std::fs::read_to_string(tmp.path().join("draft.json")).unwrap();
    assert!(draft.contains("typed when the window closed"), "{draft}");
}

#[test]
fn ctrl_z_suspends_and_the_desk_redraws_on_resume() {
    // Job control needs a shell: an interactive bash on the pty, as an operator has.
    if !common::tool_available("bash") || !common::tool_available("kill") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let mut shell = Desk::shell(tmp.path(), 100, 30);
    let bin = env!("CARGO_BIN_EXE_shiftdesk");
    shell.send(&format!(
        "{bin} --data-dir {} --lang en\r",
        tmp.path().display()
    ));
    shell.wait_for("No open incidents");
    assert!(!shell.cooked(), "raw while the desk runs");
    shell.send("\x1a");
    shell.wait_for("Stopped");
    assert!(shell.cooked(), "cooked while suspended");
    shell.send("fg\r");
    shell.wait_for("No open incidents");
    shell.wait_until("raw again after fg", |s| !s.cooked());
    let screen = shell.screen();
    assert!(
        screen.contains("Incidents") && screen.contains("Checklist"),
        "redrawn whole:\n{screen}"
    );
    shell.send("q");
    shell.wait_until("cooked again after q", |s| s.cooked());
    shell.send("exit\r");
}
