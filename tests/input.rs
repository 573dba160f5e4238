//! What the operator types is taken as meant and never lost (issue 13, points 7, 8, 9, 12,
//! 13): pastes, Ctrl-C, a window too small, multi-line fields, and forms that take what
//! people write. The real binary in a pseudo-terminal.

mod common;

use common::pty::Desk;
use common::{app_with, now, shift_desk};
use shiftdesk::app::Action;
use shiftdesk::app::layer::Layer;
use shiftdesk::app::layers::{
    availability::AvailabilityForm, check_answer::CheckAnswerForm, consult::ConsultForm,
    contact_form::ContactForm, escalate::EscalateForm, filter::FilterForm, interim::InterimForm,
    new_incident::NewIncidentForm, note::NoteForm, note::NoteTarget, reason::ReasonForm,
    reclassify::ReclassifyForm, restore::form_of, review::ReviewForm, scope::ScopeForm,
};
use shiftdesk_core::drill::Answer;
use shiftdesk_core::history::HistoryFilter;
use shiftdesk_core::i18n::Lang;
use shiftdesk_core::{Category, IncidentId, Severity};
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
    // Typed keys after the paste are keys again: Tab to the description (past the outage's
    // kind), a paste there keeps its line breaks.
    desk.send("\t\t\t\t\t");
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
    desk.send("\t\t\t\t\t"); // to the description, past the outage's kind
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

// Point 8: Ctrl-C never throws typed text away.

#[test]
fn ctrl_c_in_a_form_quits_and_the_text_is_offered_back_at_the_next_start() {
    let tmp = tempfile::tempdir().unwrap();
    let mut desk = Desk::start(tmp.path(), &["--lang", "en"], 80, 24);
    desk.wait_for("No open incidents");
    desk.send("n");
    desk.wait_for("New incident");
    desk.send("Half typed title");
    desk.wait_for("Half typed title");
    desk.send("\x03");
    assert_eq!(desk.wait_exit(), Some(0), "Ctrl-C quits from a form");
    assert!(tmp.path().join("draft.json").exists(), "the text kept");

    let mut desk = Desk::start(tmp.path(), &["--lang", "en"], 80, 24);
    desk.wait_for("Text typed before the desk closed was kept (new incident");
    desk.send("y");
    desk.wait_for("Draft restored");
    desk.wait_for("Half typed title");
    desk.send("\r");
    desk.wait_for("Recorded INC-0001");
    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));
    assert_eq!(
        incidents(tmp.path())["incidents"][0]["title"],
        "Half typed title"
    );
    assert!(
        !tmp.path().join("draft.json").exists(),
        "saved, the draft goes"
    );
}

#[test]
fn ctrl_c_keeps_the_text_of_every_record_form() {
    let tmp = tempfile::tempdir().unwrap();
    new_incident(tmp.path(), "Mail to the wrong customer");
    // Each record form, some text typed in it, Ctrl-C, and the text offered back.
    for (key, title, typed) in [
        ("S", "Scope of impact", "Outbound mail"),
        ("C", "Consultation", "Legal desk"),
        ("i", "Interim action", "Recalled the mail"),
        ("w", "Review", "Autocomplete picked the partner"),
        ("e", "Escalate now", "Nobody answers at L1"),
        ("s", "Change severity / category", "More customers affected"),
    ] {
        let mut desk = Desk::start(tmp.path(), &["--lang", "en"], 80, 24);
        desk.wait_for("Mail to the wrong customer");
        desk.send(key);
        desk.wait_for(title);
        if key == "s" {
            desk.send("\t\t\t"); // past the severity, category and kind pickers to the reason
        }
        if key == "S" {
            // A mis-sent mail is asked first whether personal information was involved.
            desk.wait_for("personal information");
            desk.send("\t");
        }
        desk.send(typed);
        desk.wait_for(typed);
        desk.send("\x03");
        assert_eq!(desk.wait_exit(), Some(0), "Ctrl-C quits from {title}");
        let draft = std::fs::read_to_string(tmp.path().join("draft.json"))
            .unwrap_or_else(|_| panic!("{title}: no draft kept"));
        assert!(draft.contains(typed), "{title}: {draft}");

        let mut desk = Desk::start(tmp.path(), &["--lang", "en"], 80, 24);
        desk.wait_for("Text typed before the desk closed was kept");
        desk.wait_for(typed);
        desk.send("y");
        desk.wait_for(title);
        desk.wait_for(typed);
        // Discarded on purpose this time: Esc twice.
        desk.send("\x1b");
        desk.wait_for("Esc again discards");
        desk.send("\x1b");
        desk.send("q");
        assert_eq!(desk.wait_exit(), Some(0));
        assert!(!tmp.path().join("draft.json").exists(), "{title}");
    }
}

#[test]
fn ctrl_c_quits_from_anywhere() {
    let tmp = tempfile::tempdir().unwrap();
    for (key, shown) in [("?", "Keys"), ("/", "Contacts"), ("D", "Drills")] {
        let mut desk = Desk::start(tmp.path(), &["--lang", "en"], 80, 24);
        desk.wait_for("No open incidents");
        desk.send(key);
        desk.wait_for(shown);
        desk.send("\x03");
        assert_eq!(desk.wait_exit(), Some(0), "Ctrl-C quits from {shown}");
    }
}

#[test]
fn ctrl_c_with_a_change_not_saved_asks_over_the_form_and_no_gives_the_form_back() {
    let tmp = tempfile::tempdir().unwrap();
    new_incident(tmp.path(), "Mail to the wrong customer");
    let mut desk = Desk::start(tmp.path(), &["--lang", "en"], 80, 24);
    desk.wait_for("Mail to the wrong customer");
    // Saves fail from now on (the temp file's place is taken by a directory, even for root).
    let blocker = tmp.path().join(".incidents.json.tmp");
    std::fs::create_dir_all(blocker.join("in-the-way")).unwrap();
    desk.send("x");
    desk.wait_for("NOT SAVED");
    desk.send("a");
    desk.wait_for("Note on INC-0001");
    desk.send("keep me");
    desk.wait_for("keep me");
    desk.send("\x03");
    desk.wait_for("Quit anyway");
    desk.send("n");
    desk.wait_for("Note on INC-0001");
    assert!(desk.screen().contains("keep me"), "{}", desk.screen());
    // Saves work again: the note goes in with the change that waited.
    std::fs::remove_dir_all(&blocker).unwrap();
    desk.send("\r");
    desk.wait_until("saved", |d| !d.screen().contains("NOT SAVED"));
    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));
    let texts: Vec<String> = incidents(tmp.path())["incidents"][0]["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["text"].as_str().unwrap_or("").to_string())
        .collect();
    assert!(texts.iter().any(|t| t == "keep me"), "{texts:?}");
}

#[test]
fn every_form_with_text_gives_a_draft_that_restores_it_as_it_was() {
    let app = app_with(shift_desk(), Lang::En, (120, 40));
    let id = IncidentId::from_number(3);
    let contact = app.desk.roster().contact("sato-hanako").unwrap();
    let forms: Vec<(&str, Box<dyn Layer>)> = vec![
        ("new incident", Box::new(NewIncidentForm::default())),
        (
            "note",
            Box::new(NoteForm::new(NoteTarget::Incident(id.clone()))),
        ),
        (
            "update",
            Box::new(NoteForm::new(NoteTarget::Update(id.clone()))),
        ),
        (
            "scope",
            Box::new(ScopeForm::of(&app, id.clone()).expect("INC-0003 is open")),
        ),
        ("consultation", Box::new(ConsultForm::new(id.clone()))),
        ("interim", Box::new(InterimForm::new(id.clone()))),
        ("review", Box::new(ReviewForm::of(&app, id.clone()))),
        ("reason", Box::new(ReasonForm::new(id.clone()))),
        ("escalate", Box::new(EscalateForm::new(id.clone(), 0, 2))),
        (
            "reclassify",
            Box::new(ReclassifyForm::new(
                id.clone(),
                Severity::HIGH,
                Category::Security,
                Some("misdirected_email".into()),
            )),
        ),
        ("new contact", Box::new(ContactForm::new(None))),
        ("edit contact", Box::new(ContactForm::new(Some(contact)))),
        ("away", Box::new(AvailabilityForm::new("sato-hanako"))),
        (
            "check answer",
            Box::new(CheckAnswerForm::new(
                id.clone(),
                "backup-powered".into(),
                Answer::No,
                "",
            )),
        ),
        (
            "filter",
            Box::new(FilterForm::new(&HistoryFilter::default())),
        ),
    ];
    for (what, mut form) in forms {
        assert!(
            form.draft(now()).is_none(),
            "{what}: nothing typed, no draft"
        );
        assert!(!form.unsaved(), "{what}");
        if what == "scope" {
            // Past the guide's question about personal information, asked first.
            form.handle(&Action::FieldNext, &app);
        }
        if what == "reclassify" {
            // Past severity, category and kind, to the reason.
            for _ in 0..3 {
                form.handle(&Action::FieldNext, &app);
            }
        }
        form.handle(&Action::Paste("typed\nby hand".into()), &app);
        if what == "review" {
            form.handle(&Action::AddMeasure, &app);
            form.handle(&Action::Paste("a measure".into()), &app);
        }
        let draft = form
            .draft(now())
            .unwrap_or_else(|| panic!("{what}: a draft"));
        assert!(form.unsaved(), "{what}: Esc warns first");
        assert!(
            draft.typed().any(|(_, v)| v.contains("typed")),
            "{what}: {draft:?}"
        );
        let back = form_of(&draft, &app).unwrap_or_else(|| panic!("{what}: restored"));
        let again = back
            .draft(now())
            .unwrap_or_else(|| panic!("{what}: still a draft"));
        assert!(
            again.same_as(&draft),
            "{what}: {draft:?} came back as {again:?}"
        );
    }
}

// Point 12: multi-line fields.

#[test]
fn ctrl_j_and_alt_enter_start_a_new_line_and_enter_saves() {
    let tmp = tempfile::tempdir().unwrap();
    let mut desk = Desk::start(tmp.path(), &["--lang", "en"], 80, 24);
    desk.wait_for("No open incidents");
    desk.send("n");
    desk.wait_for("New incident");
    desk.send("VPN down");
    // In the one-line title, a new line is not taken (nor does Ctrl-J wipe the line).
    desk.send("\n");
    desk.send("\t\t\t\t\t"); // to the description, past the outage's kind
    desk.wait_for("Ctrl-J: new line");
    desk.send("first line");
    desk.send("\n");
    desk.send("second line");
    desk.send("\x1b\r");
    desk.send("third");
    desk.wait_for("third");
    let screen = desk.screen();
    for line in ["first line", "second line", "third"] {
        assert!(screen.contains(line), "{line:?} shown:\n{screen}");
    }
    desk.send("\r");
    desk.wait_for("Recorded INC-0001");
    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));
    let inc = &incidents(tmp.path())["incidents"][0];
    assert_eq!(inc["title"], "VPN down");
    assert_eq!(inc["description"], "first line\nsecond line\nthird");
}

#[test]
fn a_long_note_wraps_in_its_box_instead_of_scrolling_sideways() {
    let tmp = tempfile::tempdir().unwrap();
    new_incident(tmp.path(), "Mail to the wrong customer");
    let mut desk = Desk::start(tmp.path(), &["--lang", "ja"], 80, 24);
    desk.wait_for("Mail to the wrong");
    desk.send("a");
    desk.wait_for("INC-0001 へのメモ");
    let words = "Called the customer at 14:05 and asked them to delete the mail; \
                 they agreed and will confirm by phone before 15:00 today";
    desk.send(words);
    desk.wait_for("before 15:00 today");
    let screen = desk.screen();
    assert!(screen.contains("Called the customer at 14:05"), "{screen}");
    desk.send("\n");
    desk.send("折り返しの電話番号は０３－００００－７７７７、担当は佐藤さんです。");
    desk.wait_for("担当は佐藤さんです。");
    assert!(
        desk.screen().contains("Called the customer"),
        "{}",
        desk.screen()
    );
    desk.send("\r");
    desk.wait_until("the note saved", |d| !d.screen().contains("へのメモ"));
    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));
    let kinds = timeline_kinds(tmp.path());
    assert_eq!(kinds.last().map(String::as_str), Some("note"), "{kinds:?}");
    let note = incidents(tmp.path())["incidents"][0]["timeline"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()["text"]
        .clone();
    assert_eq!(
        note,
        format!("{words}\n折り返しの電話番号は03-0000-7777、担当は佐藤さんです。"),
        "kept whole, NFKC"
    );
}

// Point 13: forms accept what people type.

#[test]
fn detection_time_takes_a_relative_time_and_the_form_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let mut desk = Desk::start(tmp.path(), &["--lang", "ja"], 80, 24);
    desk.wait_for("対応中のインシデントはありません");
    desk.send("n");
    desk.wait_for("インシデント新規記録");
    desk.wait_for("10分前");
    desk.send("基幹サーバ停止");
    desk.send("\t\t\t\t"); // to the detection time, past the outage's kind
    desk.send("10分前");
    desk.send("\r");
    desk.wait_for("INC-0001 を記録しました");
    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));
    let inc = &incidents(tmp.path())["incidents"][0];
    let at = |v: &serde_json::Value| {
        v.as_str()
            .unwrap()
            .parse::<chrono::DateTime<chrono::Utc>>()
            .unwrap()
    };
    let ago = at(&inc["opened_at"]) - at(&inc["detected_at"]);
    assert!(
        (chrono::Duration::minutes(9)..=chrono::Duration::minutes(11)).contains(&ago),
        "detected {ago} before it was recorded"
    );

    // A time it cannot read is named with every way it can be written.
    let mut desk = Desk::start(tmp.path(), &["--lang", "en"], 80, 24);
    desk.wait_for("INC-0001");
    desk.send("n");
    desk.wait_for("New incident");
    desk.send("x\t\t\t\tyesterday morning");
    desk.send("\r");
    desk.wait_for("10m ago");
    desk.wait_for("-10m");
    desk.send("\x03");
    assert_eq!(desk.wait_exit(), Some(0));
}

#[test]
fn the_estimated_count_takes_the_number_and_keeps_the_words() {
    let tmp = tempfile::tempdir().unwrap();
    new_incident(tmp.path(), "Mail to the wrong customer");
    let mut desk = Desk::start(tmp.path(), &["--lang", "ja"], 80, 24);
    desk.wait_for("Mail to the wrong");
    desk.send("S");
    desk.wait_for("影響範囲");
    // Past the question whether personal information was involved, asked first.
    desk.wait_for("個人情報");
    desk.send("\t");
    desk.send("メール配信");
    desk.send("\t\t");
    desk.send("約100件");
    desk.send("\r");
    desk.wait_for("記録しました");
    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));
    let scope = &incidents(tmp.path())["incidents"][0]["scope"];
    assert_eq!(scope["estimated_count"], 100);
    assert_eq!(scope["estimated_count_text"], "約100件");
    let out = Command::new(env!("CARGO_BIN_EXE_shiftdesk"))
        .arg("--data-dir")
        .arg(tmp.path())
        .args(["--lang", "ja", "export", "INC-0001"])
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("約100件"), "{md}");
}

/// A consultation with `typed` in Who, the roster pick moved `downs` times, and advice.
fn consult(dir: &Path, typed: &str, shown: &str, downs: usize) -> serde_json::Value {
    let mut desk = Desk::start(dir, &["--lang", "en"], 80, 24);
    desk.wait_for("Mail to the wrong customer");
    desk.send("C");
    desk.wait_for("Consultation");
    desk.send(typed);
    desk.wait_for(shown);
    for _ in 0..downs {
        desk.send("\x1b[B");
    }
    desk.send("\t");
    desk.send("Tell the customer today");
    desk.send("\r");
    desk.wait_for("Recorded");
    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));
    let all = incidents(dir)["incidents"][0]["consultations"].clone();
    all.as_array().unwrap().last().unwrap().clone()
}

#[test]
fn the_consulted_contact_is_picked_from_the_roster_as_the_search_finds_them_or_typed_freely() {
    let tmp = tempfile::tempdir().unwrap();
    new_incident(tmp.path(), "Mail to the wrong customer");
    // A name without its space, the kana reading, digits of a phone: ↓ picks the first.
    for typed in ["佐藤花子", "さとう", "1101"] {
        let c = consult(tmp.path(), typed, "佐藤 花子 · ", 1);
        assert_eq!(c["contact"], "sato-hanako", "{typed}: {c}");
        assert_eq!(c["who"], "佐藤 花子", "{typed}: {c}");
    }
    // Not picked: kept as typed, no contact.
    let c = consult(tmp.path(), "Vendor support desk", "not in the roster", 0);
    assert_eq!(c["who"], "Vendor support desk");
    assert!(c.get("contact").is_none_or(|v| v.is_null()), "{c}");
    let c = consult(tmp.path(), "すずき", "鈴木 健太 · ", 0);
    assert_eq!(c["who"], "すずき", "shown, not picked: as typed");
}
