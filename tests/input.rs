//! What the operator types is taken as meant and never lost (issue 13, points 7, 8, 9, 12,
//! 13): pastes, Ctrl-C, a window too small, multi-line fields, and forms that take what
//! people write. The real binary in a pseudo-terminal.

mod common;

use common::pty::Desk;
use std::path::Path;
use std::process::Command;

fn incidents(dir: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join("incidents.json")).unwrap()).unwrap()
}

/// `shiftdesk new` with this title: INC-0001 in an empty data dir.
fn new_incident(dir: &Path, title: &str) {
    let out = Command::new(env!("CARGO_BIN_EXE_shiftdesk"))
        .arg("--data-dir")
        .arg(dir)
        .args([
            "new",
            "--title",
            title,
            "--category",
            "team.security",
            "--severity",
            "3",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
}

/// The kinds of the first incident's timeline entries.
fn timeline_kinds(dir: &Path) -> Vec<String> {
    incidents(dir)["incidents"][0]["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap().to_string())
        .collect()
}

const BRACKETED_START: &str = "\x1b[200~";
const BRACKETED_END: &str = "\x1b[201~";

// Point 7: a paste never runs commands.

#[test]
fn a_multi_line_paste_without_bracketed_paste_runs_no_hotkeys_on_the_desk() {
    let tmp = tempfile::tempdir().unwrap();
    new_incident(tmp.path(), "Mail to the wrong customer");
    let mut desk = Desk::start(tmp.path(), &["--lang", "en"], 80, 24);
    desk.wait_for("Mail to the wrong customer");
    // One write, as a terminal without bracketed paste sends a pasted text: `a` would open
    // a note, Enter save it, and `e` open Escalate, `t` the timeline.
    desk.send("alpha\rbeta e");
    desk.wait_for("Pasted text (12 characters) is never run as keys");
    let screen = desk.screen();
    assert!(!screen.contains("Escalate now"), "{screen}");
    assert!(!screen.contains("Note on"), "{screen}");
    // A line feed for a line break, and a line and its break alone.
    desk.send("gamma\ndelta t");
    desk.wait_for("Pasted text (13 characters)");
    desk.send("all\r");
    desk.wait_for("Pasted text (4 characters)");
    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));
    assert_eq!(
        timeline_kinds(tmp.path()),
        ["opened", "route_resolved"],
        "nothing was noted or escalated"
    );
}

#[test]
fn a_multi_line_paste_without_bracketed_paste_goes_into_the_field_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let mut desk = Desk::start(tmp.path(), &["--lang", "en"], 80, 24);
    desk.wait_for("No open incidents");
    desk.send("n");
    desk.wait_for("New incident");
    // In the title: the line breaks become spaces, and Enter does not save the form.
    desk.send("alpha\rbeta e");
    desk.wait_for("alpha beta e");
    desk.send("\ngamma");
    desk.wait_for("alpha beta e gamma");
    assert!(desk.screen().contains("New incident"), "{}", desk.screen());
    // Typed keys after the paste are keys again: Tab to the description, a paste there
    // keeps its line breaks.
    desk.send("\t\t\t\t");
    desk.send("first line\rsecond line\r\nthird");
    desk.wait_for("third");
    desk.send("\r");
    desk.wait_for("Recorded INC-0001");
    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));
    let inc = &incidents(tmp.path())["incidents"][0];
    assert_eq!(inc["title"], "alpha beta e gamma");
    assert_eq!(inc["description"], "first line\nsecond line\nthird");
}

#[test]
fn a_bracketed_paste_keeps_line_breaks_in_multi_line_fields_and_spaces_in_one_line_fields() {
    let tmp = tempfile::tempdir().unwrap();
    let mut desk = Desk::start(tmp.path(), &["--lang", "en"], 80, 24);
    desk.wait_for("No open incidents");
    desk.send("n");
    desk.wait_for("New incident");
    desk.send(&format!(
        "{BRACKETED_START}one\r\ntwo\rthree{BRACKETED_END}"
    ));
    desk.wait_for("one two three");
    desk.send("\t\t\t\t");
    desk.send(&format!(
        "{BRACKETED_START}first\r\nsecond\rthird\nfourth e{BRACKETED_END}"
    ));
    desk.send("\r");
    desk.wait_for("Recorded INC-0001");
    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));
    let inc = &incidents(tmp.path())["incidents"][0];
    assert_eq!(inc["title"], "one two three");
    assert_eq!(inc["description"], "first\nsecond\nthird\nfourth e");
}

// Point 9: keys typed while the terminal is too small never reach a hidden form.

#[test]
fn keys_typed_while_the_window_is_too_small_never_reach_the_hidden_form() {
    let tmp = tempfile::tempdir().unwrap();
    let mut desk = Desk::start(tmp.path(), &["--lang", "en"], 80, 24);
    desk.wait_for("No open incidents");
    desk.send("n");
    desk.wait_for("New incident");
    desk.send("alpha");
    desk.wait_for("alpha");
    desk.resize(60, 20);
    desk.wait_for("needs 80x24");
    // Typed blind: none of it reaches the form, and Enter does not save it.
    for keys in ["b", "c", "\t", "\x1b", "\r", "e"] {
        desk.send(keys);
    }
    desk.send(&format!("{BRACKETED_START}pasted{BRACKETED_END}"));
    desk.wait_for("needs 80x24");
    desk.resize(80, 24);
    desk.wait_for("New incident");
    let screen = desk.screen();
    assert!(screen.contains("Title         alpha "), "{screen}");
    assert!(!screen.contains("alphab"), "{screen}");
    assert!(!screen.contains("pasted"), "{screen}");
    // The form goes on as it was.
    desk.send("\r");
    desk.wait_for("Recorded INC-0001");
    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));
    let inc = &incidents(tmp.path())["incidents"];
    assert_eq!(inc.as_array().unwrap().len(), 1);
    assert_eq!(inc[0]["title"], "alpha");
}
