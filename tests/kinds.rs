//! Kinds and the guide at the moment of choosing (issue 14): a lost ID card and a misdirected
//! email recorded through the form (`n`) in a real terminal get only their own steps, with
//! the team's guide beside the pickers; whole screens of the record and reclassify forms with
//! the guide beside them, at 80x24 and 120x40, in Japanese and English.

mod common;

use common::pty::Desk;
use common::{app_with, render, shift_desk, squeeze};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde_json::Value;
use shiftdesk::app::Action;
use shiftdesk_core::i18n::Lang;
use std::path::Path;

const RIGHT: &str = "\x1b[C";

fn key(code: KeyCode) -> Action {
    Action::Input(KeyEvent::new(code, KeyModifiers::NONE))
}

/// The record form with a title typed and team.security picked (one to the right of the
/// default, the focus on it): its definition and examples beside the picker, or, narrower,
/// its one-line summary under it.
fn record_form_on_security(lang: Lang, size: (u16, u16)) -> String {
    let mut app = app_with(shift_desk(), lang, size);
    app.update(Action::NewIncident);
    app.update(Action::Paste(
        "顧客宛メールの誤送信 / Mail to the wrong customer".into(),
    ));
    app.update(Action::FieldNext);
    app.update(key(KeyCode::Right));
    render(&app)
}

/// The reclassify form (`s`) on the misdirected email (the first row), the focus on its
/// severity: what each severity means for a security incident beside it, or, narrower, what
/// the one picked means under it.
fn reclassify_form(lang: Lang, size: (u16, u16)) -> String {
    let mut app = app_with(shift_desk(), lang, size);
    app.update(Action::Reclassify);
    render(&app)
}

#[test]
fn record_form_guide_120x40_en() {
    let text = record_form_on_security(Lang::En, (120, 40));
    // Beside the picker (a column of its own: each row is checked on its own).
    assert!(
        text.contains("Information or physical access is no"),
        "{text}"
    );
    assert!(text.contains("Examples:"), "{text}");
    assert!(text.contains("An operator lost their combined"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn record_form_guide_120x40_ja() {
    let text = record_form_on_security(Lang::Ja, (120, 40));
    assert!(text.contains("情報や入館の安全が損なわれた"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn record_form_guide_80x24_en() {
    let text = record_form_on_security(Lang::En, (80, 24));
    assert!(text.contains("Lost ID card, misdirected email"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn record_form_guide_80x24_ja() {
    let text = record_form_on_security(Lang::Ja, (80, 24));
    assert!(
        text.contains("IDカード紛失やメール・FAX誤送信などの情報セキュリティ事故"),
        "{text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn reclassify_form_guide_120x40_en() {
    let text = reclassify_form(Lang::En, (120, 40));
    assert!(text.contains("1 Critical: Personal or customer"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn reclassify_form_guide_120x40_ja() {
    let text = reclassify_form(Lang::Ja, (120, 40));
    assert!(text.contains("個人情報・顧客情報が社外に出た"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn reclassify_form_guide_80x24_en() {
    insta::assert_snapshot!(reclassify_form(Lang::En, (80, 24)));
}

#[test]
fn reclassify_form_guide_80x24_ja() {
    insta::assert_snapshot!(reclassify_form(Lang::Ja, (80, 24)));
}

fn incidents(dir: &Path) -> Value {
    let text = std::fs::read_to_string(dir.join("incidents.json")).unwrap_or_default();
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

/// The incident's kind and the texts of its steps (both languages), as saved.
fn kind_and_steps(dir: &Path, id: &str) -> (String, Vec<String>) {
    let file = incidents(dir);
    let list = file["incidents"].as_array().cloned().unwrap_or_default();
    let inc = list.iter().find(|i| i["id"] == id).cloned();
    let inc = inc.unwrap_or_else(|| panic!("{id} is not saved: {file}"));
    let steps = inc["checklist"].as_array().cloned().unwrap_or_default();
    let texts = steps
        .iter()
        .map(|s| format!("{} / {}", s["text"]["en"], s["text"]["ja"]))
        .collect();
    (inc["kind"].as_str().unwrap_or("").to_string(), texts)
}

/// The checklist pane as shown, squeezed: its rows below the title that holds `title`, each up
/// to where the route pane begins, down to its bottom line.
fn checklist_pane(desk: &Desk, title: &str) -> String {
    let screen = desk.screen();
    let rows = screen.lines().skip_while(|l| !l.contains(title)).skip(1);
    let rows = rows.take_while(|l| !l.starts_with('└'));
    squeeze(
        &rows
            .map(|l| l.split("││").next().unwrap_or(l))
            .collect::<String>(),
    )
}

/// Asserts that the lost card's steps speak of the card and never of mail, and the
/// misdirected email's the other way round.
fn assert_own_steps(dir: &Path, card: &str, email: &str) {
    let (kind, steps) = kind_and_steps(dir, card);
    assert_eq!(kind, "lost_card");
    let all = steps.join("\n");
    assert!(all.contains("card") && all.contains("カード"), "{all}");
    for word in ["mail", "メール", "FAX", "fax", "misdirect", "誤送信"] {
        assert!(!all.contains(word), "{word} in the card's steps:\n{all}");
    }
    let (kind, steps) = kind_and_steps(dir, email);
    assert_eq!(kind, "misdirected_email");
    let all = steps.join("\n");
    assert!(all.contains("mail") && all.contains("メール"), "{all}");
    for word in ["card", "カード", "FAX", "fax"] {
        assert!(!all.contains(word), "{word} in the email's steps:\n{all}");
    }
}

#[test]
fn a_lost_card_and_a_misdirected_email_recorded_through_the_form_get_only_their_own_steps_en() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let mut desk = Desk::start(dir, &["--lang", "en", "--operator", "kato"], 120, 40);
    desk.wait_for("No open incidents");

    desk.send("n");
    desk.wait_for("New incident");
    desk.send("Card lost at the station");
    desk.send("\t");
    desk.send(RIGHT); // System outage → Security
    // Beside the picker (a column of its own, so each row is waited for on its own): the
    // category's definition, an example, a boundary case.
    desk.wait_for("Information or physical access is no");
    desk.wait_for("An operator lost their combined");
    desk.wait_for("Not this, but:");
    desk.wait_for("A lost lent PC or phone");
    desk.send("\t");
    // The kind picker, on the category's default; one to the right: a lost card.
    desk.wait_for("◀ Other security incident ▶");
    desk.send(RIGHT);
    desk.wait_for("◀ Lost ID or entry card ▶");
    desk.wait_for("▶ Lost ID or entry card"); // marked among the category's kinds
    desk.wait_for("An ID or entry card has gone");
    desk.send("\t");
    // On the severity: what each severity means for a security incident.
    desk.wait_for("severity by impact");
    desk.wait_for("1 Critical: Personal or customer");
    desk.send("\r");
    desk.wait_for("Recorded INC-0001");
    desk.wait_for("Checklist INC-0001 · Lost ID card");

    desk.send("n");
    desk.wait_for("New incident");
    desk.send("Mail to the wrong customer");
    desk.send("\t");
    desk.send(RIGHT);
    desk.send("\t");
    desk.send(RIGHT);
    desk.send(RIGHT);
    desk.wait_for("◀ Email sent to the wrong recipient ▶");
    desk.send("\r");
    desk.wait_for("Recorded INC-0002");
    desk.wait_for("Checklist INC-0002 · Mis-sent email");
    // The email's checklist on screen: its own steps, none about a card.
    let shown = checklist_pane(&desk, "Checklist INC-0002");
    assert!(shown.contains(&squeeze("Keep the sent message")), "{shown}");
    assert!(!shown.contains("card"), "{}", desk.screen());

    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));
    assert_own_steps(dir, "INC-0001", "INC-0002");
}

#[test]
fn a_lost_card_and_a_misdirected_email_recorded_through_the_form_get_only_their_own_steps_ja() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let mut desk = Desk::start(dir, &["--lang", "ja", "--operator", "加藤"], 80, 24);
    desk.wait_for("対応中のインシデントはありません");

    desk.send("n");
    desk.wait_for("インシデント新規記録");
    desk.send("駅でIDカード紛失");
    desk.send("\t");
    desk.send(RIGHT);
    // At 80x24 the side text gives way to one line: the category's summary.
    desk.wait_for("IDカード紛失やメール・FAX誤送信などの情報セキュリティ事故");
    desk.send("\t");
    desk.send(RIGHT);
    desk.wait_for("◀ IDカード・入館証の紛失 ▶");
    desk.wait_for("社員証を兼ねたIDカードや入館証をなくした");
    // F1: the whole guide for the category; Esc: back to the form with its text.
    desk.send("\x1bOP");
    desk.wait_for("ガイド · セキュリティ");
    desk.wait_for("情報や入館の安全が損なわれた");
    desk.send("\x1b");
    desk.wait_for("◀ IDカード・入館証の紛失 ▶");
    desk.wait_for("駅でIDカード紛失");
    desk.send("\r");
    desk.wait_for("INC-0001 を記録しました");
    desk.wait_for("チェックリスト INC-0001 · IDカード紛失");

    desk.send("n");
    desk.wait_for("インシデント新規記録");
    desk.send("顧客宛メールの誤送信");
    desk.send("\t");
    desk.send(RIGHT);
    desk.send("\t");
    desk.send(RIGHT);
    desk.send(RIGHT);
    desk.wait_for("◀ メールの誤送信 ▶");
    desk.send("\r");
    desk.wait_for("INC-0002 を記録しました");
    desk.wait_for("チェックリスト INC-0002 · メール誤送信");
    let shown = checklist_pane(&desk, "チェックリスト INC-0002");
    assert!(shown.contains("送信済みのメールは消さずに"), "{shown}");
    assert!(!shown.contains("カード"), "{}", desk.screen());

    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));
    assert_own_steps(dir, "INC-0001", "INC-0002");
}

/// `incidents.json` as a version before kinds wrote it (the shift desk of the screens'
/// fixtures): no incident has a kind, and both security incidents carry the one combined
/// security checklist ("If email/fax went astray…", "If an ID card is lost…").
const BEFORE_KINDS: &[u8] = include_bytes!("fixtures/incidents.before-change-ids.json");

/// Each incident's id with its checklist as JSON, from a file's bytes.
fn checklists(bytes: &[u8]) -> Vec<(Value, Value)> {
    let file: Value = serde_json::from_slice(bytes).unwrap();
    let list = file["incidents"].as_array().cloned().unwrap_or_default();
    list.iter()
        .map(|i| (i["id"].clone(), i["checklist"].clone()))
        .collect()
}

#[test]
fn a_file_written_before_kinds_opens_shows_and_saves_unchanged_with_its_steps() {
    use shiftdesk_core::change::Change;
    use shiftdesk_core::test_fixtures::stamped;
    use shiftdesk_store::DataDir;
    use shiftdesk_store::open::open_desk;

    let text = String::from_utf8(BEFORE_KINDS.to_vec()).unwrap();
    assert!(text.contains("If email/fax went astray") && !text.contains("\"kind_name\""));
    let tmp = tempfile::tempdir().unwrap();
    let dir = DataDir::at(&tmp.path().join("data"));
    dir.create().unwrap();
    std::fs::write(dir.incidents(), BEFORE_KINDS).unwrap();

    // Opens: nothing written, and what was read would be written back byte for byte.
    let (mut desk, _) = open_desk(&dir, Lang::En, common::now()).unwrap();
    assert_eq!(std::fs::read(dir.incidents()).unwrap(), BEFORE_KINDS);
    let mut again = Vec::new();
    shiftdesk_store::atomic::write_pretty_json(desk.incidents(), &mut again).unwrap();
    assert_eq!(again, BEFORE_KINDS);
    let old = desk.incidents().clone();
    for inc in &old.incidents {
        assert_eq!((inc.kind.as_deref(), inc.kind_name.as_ref()), (None, None));
    }

    // Shows as before: the category without a kind, the combined steps as they were.
    let app = shiftdesk::app::App::new(
        shiftdesk_store::desk::Desk::new(
            None,
            old.clone(),
            shiftdesk_store::roster_file::sample_roster(),
            shiftdesk_store::playbooks_file::bundled_playbooks(),
        ),
        common::operator(Lang::En),
        common::now(),
        (120, 40),
    );
    let screen = render(&app);
    let row = |id: &str| screen.lines().find(|l| l.contains(id)).unwrap_or("");
    assert!(row("INC-0003").contains(" Security "), "{screen}");
    assert!(row("INC-0004").contains(" Security "), "{screen}");
    assert!(screen.contains("┌ Checklist INC-0003 ─"), "{screen}");
    assert!(screen.contains("If email/fax went astray"), "{screen}");
    assert!(screen.contains("If an ID card is lost"), "{screen}");

    // Saves unchanged: a change lands on one incident; every checklist is as it was, and
    // the incidents the change did not touch are the same, field for field.
    let change = Change::Note {
        incident: "INC-0003".parse().unwrap(),
        text: "recipient confirmed the deletion".into(),
    };
    assert!(
        desk.submit(stamped(change, common::now(), "yamada"))
            .is_saved()
    );
    let saved = std::fs::read(dir.incidents()).unwrap();
    assert_eq!(checklists(&saved), checklists(BEFORE_KINDS));
    let saved_json: Value = serde_json::from_slice(&saved).unwrap();
    let before_json: Value = serde_json::from_slice(BEFORE_KINDS).unwrap();
    for n in [0, 1, 3, 4] {
        assert_eq!(
            saved_json["incidents"][n], before_json["incidents"][n],
            "{n}"
        );
    }
    let saved_text = String::from_utf8(saved).unwrap();
    assert!(!saved_text.contains("\"kind_name\""));
    assert_eq!(
        saved_text.matches("\"kind\": \"").count(),
        text.matches("\"kind\": \"").count() + 1,
        "only the note's timeline entry adds a \"kind\" (its entry kind): no incident got one"
    );

    // `show` and `list --json` read it as before: no kind line, a kind of null.
    let shown = common::cli::ok(&tmp.path().join("data"), "show INC-0004 --lang en", &[]);
    assert!(shown.contains("Category: Security"), "{shown}");
    assert!(!shown.contains("Kind:"), "{shown}");
    assert!(shown.contains("If an ID card is lost"), "{shown}");
    let listed = common::cli::ok(&tmp.path().join("data"), "list --json", &[]);
    let listed: Value = serde_json::from_str(&listed).unwrap();
    let rows = listed.as_array().cloned().unwrap_or_default();
    assert!(
        !rows.is_empty() && rows.iter().all(|r| r["kind"].is_null()),
        "{listed}"
    );
}

/// The README's section headed `heading`, down to the next `## `.
fn readme_section(heading: &str) -> String {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"));
    let readme = readme.unwrap();
    let start = readme
        .find(heading)
        .unwrap_or_else(|| panic!("no {heading}"));
    let rest = &readme[start + heading.len()..];
    rest[..rest.find("\n## ").unwrap_or(rest.len())].to_string()
}

#[test]
fn guide_and_new_kind_are_in_the_readme_and_the_help() {
    let lines = readme_section("## Command line");
    for usage in [
        "shiftdesk new --title T --category ID [--kind KIND]",
        "shiftdesk guide [CATEGORY] [--json]",
        "shiftdesk guide check [FILE]",
        "shiftdesk guide risks [QUERY]",
    ] {
        assert!(lines.contains(usage), "README's Command line lacks {usage}");
    }
    let files = readme_section("## Files");
    assert!(files.contains("| `guide.json` |"), "{files}");
    assert!(readme_section("## The guide and kinds").contains("`F1`"));

    let dir = tempfile::tempdir().unwrap();
    let help = |args: &str| common::cli::ok(dir.path(), args, &[]);
    assert!(help("--help").contains("guide "), "the command list");
    assert!(help("new --help").contains("--kind <KIND>"));
    let guide = help("guide --help");
    assert!(
        guide.contains("[CATEGORY]") && guide.contains("--json"),
        "{guide}"
    );
    assert!(
        guide.contains("check") && guide.contains("risks"),
        "{guide}"
    );
    assert!(help("guide check --help").contains("line and column"));
}
