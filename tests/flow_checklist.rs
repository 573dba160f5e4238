//! The checklist records what happened (issue 13, points 1–3), typed at in a real terminal:
//! Space acts on the step under the cursor and the cursor stays; a step an action checked
//! is unchecked only after a question naming the action; steps that do not apply; forms and
//! reached contacts check the steps they fulfil; closing lists what is still open.

mod common;

use common::pty::Desk;
use common::{app_with, shift_desk, squeeze};
use serde_json::Value;
use shiftdesk::app::Action;
use shiftdesk_core::i18n::Lang;
use std::path::Path;

fn incidents(dir: &Path) -> Value {
    let text = std::fs::read_to_string(dir.join("incidents.json")).unwrap_or_default();
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

/// Runs a subcommand on the data dir; what it printed.
fn run(dir: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_shiftdesk"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env("SHIFTDESK_TZ", "Asia/Tokyo")
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

fn new_incident(dir: &Path, title: &str, category: &str, severity: &str, more: &[&str]) {
    let args = ["new", "--title", title, "--category", category];
    run(dir, &[&args[..], &["--severity", severity], more].concat());
}

/// The screen without whitespace or box lines: words wrapped over rows read as one.
fn squeezed(desk: &Desk) -> String {
    squeeze(&desk.screen())
}

fn wait_for_words(desk: &Desk, words: &str) {
    let want = squeeze(words);
    desk.wait_until(words, |d| squeezed(d).contains(&want));
}

/// The left-hand panes (incidents, checklist) without whitespace or box lines: each row up
/// to where the route pane begins.
fn left_panes(desk: &Desk) -> String {
    let screen = desk.screen();
    let rows = screen.lines().map(|l| l.split("││").next().unwrap_or(l));
    squeeze(&rows.collect::<String>())
}

fn wait_for_in_checklist(desk: &Desk, words: &str) {
    let want = squeeze(words);
    desk.wait_until(words, |d| left_panes(d).contains(&want));
}

/// The step of the first incident with this id, as saved.
fn step(dir: &Path, id: &str) -> Value {
    let file = incidents(dir);
    let steps = file["incidents"][0]["checklist"].as_array().cloned();
    steps
        .unwrap_or_default()
        .into_iter()
        .find(|s| s["id"] == id)
        .unwrap_or(Value::Null)
}

fn wait_saved(desk: &Desk, dir: &Path, what: &str, ready: impl Fn(&Value) -> bool) {
    desk.wait_until(what, |_| ready(&incidents(dir)));
}

/// The kinds of the timeline entries about one step, in order.
fn entries_about(dir: &Path, step: &str) -> Vec<String> {
    let file = incidents(dir);
    let timeline = file["incidents"][0]["timeline"].as_array().cloned();
    timeline
        .unwrap_or_default()
        .iter()
        .filter(|e| e["step"] == step)
        .map(|e| e["kind"].as_str().unwrap_or("").to_string())
        .collect()
}

/// A desk at this size on a misdirected email, whose route's first contact, the security
/// officer David Miller, has just been reached (`r`): both Report steps for it are checked.
fn security_officer_reached(cols: u16, rows: u16) -> (tempfile::TempDir, Desk) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let kind = ["--kind", "misdirected_email"];
    new_incident(dir, "Mail to wrong customer", "team.security", "3", &kind);
    let mut desk = Desk::start(dir, &["--lang", "en", "--operator", "kato"], cols, rows);
    desk.wait_for("Mail to wrong customer");
    wait_for_words(&desk, "Next: call David Miller");
    desk.send("r");
    wait_saved(&desk, dir, "both reports checked", |_| {
        !step(dir, "report-security-officer")["done"].is_null()
            && !step(dir, "report-supervisor")["done"].is_null()
    });
    (tmp, desk)
}

#[test]
fn space_after_reaching_checks_the_step_under_the_cursor_which_stays_and_a_reach_is_undone_only_when_asked()
 {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let kind = ["--kind", "with_failover"];
    new_incident(
        dir,
        "Core switch down",
        "operational.system_outage",
        "2",
        &kind,
    );
    let mut desk = Desk::start(dir, &["--lang", "en", "--operator", "kato"], 80, 24);
    desk.wait_for("Core switch down");
    wait_for_words(&desk, "Next: call 伊藤 大輔");
    // The repro: r (reached), Tab, Space.
    desk.send("r");
    wait_saved(&desk, dir, "the report step checked", |_| {
        step(dir, "report-supervisor")["done"]["by"] == "kato"
    });
    desk.send("\t");
    desk.send(" ");
    wait_saved(&desk, dir, "the next step checked", |_| {
        step(dir, "record-detection")["done"]["by"] == "kato"
    });
    assert_eq!(
        step(dir, "report-supervisor")["done_via"]["reaching"],
        "ito-daisuke",
        "the reach is still checked, and remembers what checked it"
    );
    assert_eq!(entries_about(dir, "report-supervisor"), ["step_checked"]);

    // Down to the last Report step, past one still open: checking it moves the cursor on
    // to the next open step after it, never back to the earlier open one.
    desk.send("j"); // on fo-get-runbook; contact-owner above it stays open
    desk.send(" ");
    wait_saved(&desk, dir, "fo-get-runbook checked", |_| {
        !step(dir, "fo-get-runbook")["done"].is_null()
    });
    desk.send(" ");
    wait_saved(&desk, dir, "identify-scope checked", |_| {
        !step(dir, "identify-scope")["done"].is_null()
    });
    assert!(step(dir, "contact-owner")["done"].is_null());
    // Unchecking leaves the cursor where it is: Space twice on one step.
    desk.send("k");
    desk.send(" ");
    wait_saved(&desk, dir, "identify-scope unchecked", |_| {
        step(dir, "identify-scope")["done"].is_null()
    });
    desk.send(" ");
    wait_saved(&desk, dir, "identify-scope checked again", |_| {
        !step(dir, "identify-scope")["done"].is_null()
    });
    assert_eq!(
        entries_about(dir, "identify-scope"),
        ["step_checked", "step_unchecked", "step_checked"]
    );
    assert!(step(dir, "contact-owner")["done"].is_null());
    assert!(step(dir, "check-start")["done"].is_null());

    // The step reaching checked: Space asks first, and says what checked it.
    desk.send("g");
    desk.send(" ");
    desk.wait_for("Checked by reaching 伊藤 大輔 at ");
    desk.wait_for("y: uncheck");
    desk.send("n");
    desk.wait_until("the question gone", |d| !d.screen().contains("y: uncheck"));
    assert_eq!(step(dir, "report-supervisor")["done"]["by"], "kato");
    desk.send(" ");
    desk.wait_for("Checked by reaching 伊藤 大輔 at ");
    desk.send("y");
    wait_saved(&desk, dir, "the report step unchecked", |_| {
        step(dir, "report-supervisor")["done"].is_null()
    });
    assert_eq!(
        entries_about(dir, "report-supervisor"),
        ["step_checked", "step_unchecked"]
    );
    assert!(step(dir, "report-supervisor")["done_via"].is_null());
    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));
}

#[test]
fn minus_marks_a_step_not_applicable_with_a_reason_it_settles_its_phase_and_is_undone() {
    let (tmp, mut desk) = security_officer_reached(80, 24);
    let dir = tmp.path();
    // The cursor moved on past the steps reaching checked: the times, then what was sent.
    desk.send("\t");
    desk.send(" ");
    desk.send(" ");
    wait_saved(&desk, dir, "the email step checked", |_| {
        !step(dir, "email-record-sent")["done"].is_null()
    });
    // Keeping the sent message does not apply: the portal that sent it keeps no copy.
    desk.send("-");
    wait_for_words(&desk, "Not applicable: Keep the sent message");
    desk.send("sent by the portal, no copy kept");
    desk.send("\r");
    wait_saved(&desk, dir, "marked not applicable", |_| {
        step(dir, "email-keep-copy")["not_applicable"]["reason"]
            == "sent by the portal, no copy kept"
    });
    let na = step(dir, "email-keep-copy");
    assert_eq!(na["not_applicable"]["by"], "kato");
    assert!(na["done"].is_null());
    assert_eq!(
        entries_about(dir, "email-keep-copy"),
        ["step_not_applicable"]
    );
    // Drawn dimmed with its reason, counted as settled: the Report phase is complete, and
    // the incident is in its scope phase, on the list and on the command line.
    wait_for_in_checklist(&desk, "[-] Keep the sent message");
    wait_for_in_checklist(&desk, "— n/a: sent by the portal, no copy kept");
    wait_for_in_checklist(&desk, "Report 5/5");
    let list = run(dir, &["--lang", "en", "list"]);
    assert!(list.contains("Scope"), "{list}");
    let json = run(dir, &["list", "--json"]);
    assert!(json.contains("\"phase\": \"assess_scope\""), "{json}");
    let show = run(dir, &["--lang", "en", "show", "INC-0001"]);
    assert!(
        show.contains("[-] Keep the sent message")
            && show.contains("not applicable: sent by the portal, no copy kept"),
        "{show}"
    );
    let md = run(dir, &["--lang", "en", "export", "INC-0001"]);
    assert!(
        md.contains("Report: 4 of 5 done, 1 not applicable")
            && md.contains("not applicable: sent by the portal, no copy kept"),
        "{md}"
    );
    // The same key takes it back; marked again without a reason, Space takes it back too.
    desk.send("-");
    wait_saved(&desk, dir, "applies again", |_| {
        step(dir, "email-keep-copy")["not_applicable"].is_null()
    });
    wait_for_in_checklist(&desk, "Report 4/5");
    desk.send("-");
    wait_for_words(&desk, "Not applicable:");
    desk.send("\r");
    wait_saved(&desk, dir, "not applicable, no reason", |_| {
        step(dir, "email-keep-copy")["not_applicable"]["by"] == "kato"
    });
    desk.send(" ");
    wait_saved(&desk, dir, "applies again by Space", |_| {
        step(dir, "email-keep-copy")["not_applicable"].is_null()
    });
    assert!(step(dir, "email-keep-copy")["done"].is_null());
    assert_eq!(
        entries_about(dir, "email-keep-copy"),
        [
            "step_not_applicable",
            "step_applicable",
            "step_not_applicable",
            "step_applicable"
        ]
    );
    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));
}

#[test]
fn forms_and_reaching_the_security_officer_check_their_steps_and_closing_lists_what_is_open() {
    let (tmp, mut desk) = security_officer_reached(120, 40);
    let dir = tmp.path();
    assert_eq!(
        step(dir, "report-security-officer")["done_via"]["reaching"],
        "david-miller"
    );
    assert_eq!(
        step(dir, "report-supervisor")["done_via"]["reaching"],
        "david-miller"
    );
    let show = run(dir, &["--lang", "en", "show", "INC-0001"]);
    let logged = "checked «Report to the security officer in the way the rules lay down» — by reaching David Miller";
    assert!(show.contains(logged), "{show}");
    // The scope form.
    desk.send("S");
    desk.wait_for("Scope of impact");
    desk.send("Outbound mail\tPlan B customers\t120");
    desk.send("\r");
    wait_saved(&desk, dir, "the scope step checked", |_| {
        step(dir, "email-list-recipients")["done_via"] == "scope_saved"
    });
    // An interim action with its effect.
    desk.send("i");
    desk.wait_for("Interim action");
    desk.send("Asked recipient to delete");
    desk.send("\r");
    wait_saved(&desk, dir, "the logging step checked", |_| {
        step(dir, "email-log-actions")["done_via"] == "interim_action"
    });
    // The review: cause, shared with, one measure.
    desk.send("w");
    desk.wait_for("Measures against recurrence");
    desk.send("Sent to the wrong address\tAutocomplete picked the partner\t\t\tteam A\t");
    desk.send("Check the address twice\tSato\t2026-12-05");
    desk.send("\r");
    wait_saved(&desk, dir, "the review's steps checked", |_| {
        ["find-cause", "decide-measures", "email-share"]
            .iter()
            .all(|s| step(dir, s)["done_via"] == "review_saved")
    });
    assert!(step(dir, "email-sending-rules")["done"].is_null());
    for (s, by) in [
        ("email-list-recipients", "kato"),
        ("decide-measures", "kato"),
    ] {
        assert_eq!(step(dir, s)["done"]["by"], by);
    }
    // Close: the one review step left is named, under its phase, with the other phases'.
    desk.send("c");
    desk.wait_for("the Review phase is not complete (1 step(s) open)");
    desk.wait_for("Steps still open:");
    desk.wait_for("■ Report (3)");
    desk.wait_for("[ ] Record when it happened, when it");
    desk.wait_for("■ Review (1)");
    desk.wait_for("[ ] Review the rules for checking recipients");
    // It does not apply here; then closing asks, listing what is still open elsewhere.
    desk.send("\x1b");
    desk.send("-");
    wait_for_words(
        &desk,
        "Not applicable: Review the rules for checking recipients",
    );
    desk.send("rules already cover it");
    desk.send("\r");
    wait_saved(&desk, dir, "email-sending-rules not applicable", |_| {
        !step(dir, "email-sending-rules")["not_applicable"].is_null()
    });
    desk.send("c");
    desk.wait_for("Close INC-0001 \"Mail to wrong customer\"?");
    desk.wait_for("Steps still open:");
    desk.wait_for("■ Report (3)");
    assert!(!desk.screen().contains("■ Review"), "{}", desk.screen());
    desk.send("y");
    wait_saved(&desk, dir, "closed", |f| {
        f["incidents"][0]["status"] == "closed"
    });
    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));
}

/// The `▶` next-step marker and the cursor never look alike: the cursor is a reversed bar
/// across the pane, the `▶` row is not reversed.
#[test]
fn the_cursor_is_a_bar_across_the_pane_and_the_next_marker_is_not() {
    use ratatui::style::Modifier;
    let mut app = app_with(shift_desk(), Lang::En, (80, 24));
    app.update(Action::FocusNext);
    app.update(Action::MoveDown);
    app.update(Action::MoveDown);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| shiftdesk::ui::draw(f, &app)).unwrap();
    let buffer = terminal.backend().buffer();
    // The checklist pane: the bordered box whose title says Checklist.
    let (top, left, right) = (0..24)
        .find_map(|y| {
            let row: String = (0..80).map(|x| buffer[(x, y)].symbol()).collect();
            let at = row.find("Checklist")?;
            let left = row[..at].rfind('┌')?;
            let left = row[..left].chars().count() as u16;
            let right = (left + 1..80).find(|&x| buffer[(x, y)].symbol() == "┐")?;
            Some((y, left, right))
        })
        .expect("a checklist pane");
    let inner = left + 1..right;
    let reversed = |y: u16| {
        inner
            .clone()
            .filter(|&x| buffer[(x, y)].modifier.contains(Modifier::REVERSED))
            .count()
    };
    let text = |y: u16| -> String { inner.clone().map(|x| buffer[(x, y)].symbol()).collect() };
    let rows: Vec<u16> = (top + 1..24)
        .take_while(|&y| buffer[(left, y)].symbol() == "│")
        .collect();
    let next = *rows
        .iter()
        .find(|&&y| text(y).starts_with('▶'))
        .expect("a ▶ row");
    let bar: Vec<u16> = rows.iter().copied().filter(|&y| reversed(y) > 0).collect();
    assert!(!bar.is_empty(), "no cursor drawn");
    assert!(!bar.contains(&next), "the ▶ row is drawn as the cursor");
    for &y in &bar {
        assert_eq!(
            reversed(y),
            inner.len(),
            "the cursor's row {y} is a bar across the pane: {:?}",
            text(y)
        );
        assert!(!text(y).contains('▶'));
    }
}

/// A step that does not apply, at the cursor: dimmed, with its reason; then the close
/// dialog listing, phase by phase, what is still open.
fn not_applicable_then_close(lang: Lang, size: (u16, u16)) -> (String, String) {
    let mut app = app_with(shift_desk(), lang, size);
    // The misdirected email: keeping the sent message does not apply (the portal sent it).
    app.update(Action::FocusNext);
    for _ in 0..4 {
        app.update(Action::MoveDown);
    }
    app.update(Action::ToggleNotApplicable);
    app.update(Action::Paste(
        "portal sent it, no copy / ポータル送信で控えなし".into(),
    ));
    app.update(Action::Submit);
    let marked = common::render(&app);
    app.update(Action::RequestClose);
    (marked, common::render(&app))
}

/// At 80x24 and 120x40, in English and Japanese.
#[test]
fn not_applicable_and_the_close_dialog_screens() {
    for (lang, size, tag, marked_words) in [
        (Lang::En, (80, 24), "80x24_en", "[-] Keep the sent message"),
        (Lang::Ja, (80, 24), "80x24_ja", "[-] 送信済みのメールは"),
        (
            Lang::En,
            (120, 40),
            "120x40_en",
            "[-] Keep the sent message",
        ),
        (Lang::Ja, (120, 40), "120x40_ja", "[-] 送信済みのメールは"),
    ] {
        let (marked, close) = not_applicable_then_close(lang, size);
        assert!(marked.contains(marked_words), "{marked}");
        assert!(
            close.contains("■ Review (4)") || close.contains("■ 振り返り (4)"),
            "{close}"
        );
        insta::assert_snapshot!(format!("not_applicable_{tag}"), marked);
        insta::assert_snapshot!(format!("close_dialog_{tag}"), close);
    }
}
