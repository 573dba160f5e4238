//! The record, shared: the Markdown export and the handover, as a person reads them, and the
//! `export` / `handover` subcommands run as the built binary.

mod common;

use chrono::NaiveDate;
use common::cli::{ok, shiftdesk};
use common::{ago, attempt, check, now, open, shift_desk, tokyo};
use shiftdesk_core::change::Change;
use shiftdesk_core::desk::IncidentsFile;
use shiftdesk_core::i18n::Lang;
use shiftdesk_core::incident::AttemptOutcome::{LeftMessage, NoAnswer, Reached};
use shiftdesk_core::record::{Effect, MeasureInput, ReviewInput, Scope};
use shiftdesk_core::share::{handover_text, incident_markdown};
use shiftdesk_core::test_fixtures::stamped;
use shiftdesk_core::text::is_unsafe;
use shiftdesk_core::{Category, IncidentId};
use shiftdesk_store::roster_file::sample_roster;

fn apply(file: &mut IncidentsFile, change: Change, minutes_ago: i64) {
    stamped(change, ago(minutes_ago), "yamada")
        .apply(file)
        .unwrap();
}

fn open_new(file: &mut IncidentsFile, title: &str, c: Category, sev: u8, ago: i64) -> IncidentId {
    open(file, &sample_roster(), title, c, sev, ago, false)
}

/// Saves a review with these measures (text, owner, due date).
fn save_review(
    file: &mut IncidentsFile,
    id: &IncidentId,
    measures: &[(&str, &str, &str)],
    at: i64,
) {
    let measures = measures
        .iter()
        .map(|(text, owner, due)| MeasureInput {
            id: None,
            text: text.to_string(),
            owner: owner.to_string(),
            due: Some(due.parse::<NaiveDate>().unwrap()),
        })
        .collect();
    let review = Box::new(ReviewInput {
        what_happened: "A customer list went to a partner's address by mistake.".into(),
        cause: "The address was picked from auto-complete; nobody checked it before sending."
            .into(),
        went_well: "The recipient was reached within 20 minutes and deleted the mail.".into(),
        went_badly: "The shift leaders were in a meeting; the first call went unanswered.\n\
                     The privacy officer heard of it only after an hour."
            .into(),
        measures,
        shared_with: "Operations team weekly meeting; privacy officer".into(),
    });
    apply(
        file,
        Change::SaveReview {
            incident: id.clone(),
            review,
        },
        at,
    );
}

fn measure_done(file: &mut IncidentsFile, id: &IncidentId, measure: u32, at: i64) {
    let change = Change::SetMeasureDone {
        incident: id.clone(),
        measure,
        done: true,
    };
    apply(file, change, at);
}

/// Checks every step that is open.
fn check_all(file: &mut IncidentsFile, id: &IncidentId, at: i64) {
    for i in 0..file.get(id).unwrap().checklist.len() {
        check(file, id, i, at);
    }
}

fn close(file: &mut IncidentsFile, id: &IncidentId, at: i64) {
    apply(
        file,
        Change::Close {
            incident: id.clone(),
        },
        at,
    );
}

fn close_without_review(file: &mut IncidentsFile, id: &IncidentId, reason: &str, at: i64) {
    let change = Change::CloseWithoutReview {
        incident: id.clone(),
        reason: reason.into(),
    };
    apply(file, change, at);
}

/// A misdirected email, recorded from detection to close: calls (one unanswered, one
/// escalation by hand, one reached), scope, a consultation, two interim actions, the
/// checklist done, a review with two measures of which one is done.
fn recorded() -> (IncidentsFile, IncidentId) {
    let mut file = IncidentsFile::default();
    let f = &mut file;
    let id = common::open_kind(
        f,
        &sample_roster(),
        "Misdirected email to a customer",
        (Category::Security, Some("misdirected_email")),
        (3, 180),
        false,
    );
    f.get_mut(&id).unwrap().description =
        "A list of plan B customers was emailed to a partner company instead of the sales team.\n\
         Found when the partner replied asking about it."
            .into();
    attempt(f, &id, "david-miller", 0, NoAnswer, 176);
    let reason = "Personal data involved; the security officer does not answer".into();
    apply(
        f,
        Change::Escalate {
            incident: id.clone(),
            to_level: 1,
            reason,
        },
        175,
    );
    attempt(f, &id, "tanaka-yoshiko", 1, Reached, 172);
    let scope = Box::new(Scope {
        services: "Outbound customer mail".into(),
        affected: "Plan B customers on the list".into(),
        estimated_count: Some(120),
        since: Some(ago(185)),
        notes: "Names and email addresses only; no payment data.".into(),
        ..Scope::default()
    });
    apply(
        f,
        Change::SetScope {
            incident: id.clone(),
            scope,
            conditions: Vec::new(),
        },
        165,
    );
    let consult = Change::Consult {
        incident: id.clone(),
        contact: Some("watanabe-yui".into()),
        who: "Watanabe Yui (information security)".into(),
        advice: "Ask the recipient to delete the mail and confirm in writing.".into(),
    };
    apply(f, consult, 160);
    for (action, effect, at) in [
        (
            "Called the partner and asked them to delete the email",
            Effect::Partly,
            150,
        ),
        (
            "Partner confirmed the deletion in writing",
            Effect::Worked,
            120,
        ),
    ] {
        let action = action.into();
        apply(
            f,
            Change::InterimAction {
                incident: id.clone(),
                action,
                effect,
            },
            at,
        );
    }
    let measures = [
        (
            "Have a second person check the address before sending a customer list",
            "Sato",
            "2026-12-05",
        ),
        (
            "Add the partner's domain to the mail gateway's warning list",
            "Ito",
            "2026-11-30",
        ),
    ];
    check_all(f, &id, 100);
    save_review(f, &id, &measures, 95);
    measure_done(f, &id, 2, 90);
    close(f, &id, 60);
    (file, id)
}

fn export(lang: Lang) -> String {
    let (file, id) = recorded();
    let text = incident_markdown(
        file.get(&id).unwrap(),
        &sample_roster(),
        lang,
        &tokyo(),
        now(),
    );
    assert!(!text.chars().any(|c| is_unsafe(c) && c != '\n'), "{text:?}");
    text
}

#[test]
fn export_of_a_fully_recorded_incident_en() {
    insta::assert_snapshot!(export(Lang::En));
}

#[test]
fn export_of_a_fully_recorded_incident_ja() {
    insta::assert_snapshot!(export(Lang::Ja));
}

#[test]
fn export_says_when_the_review_was_skipped_and_why() {
    let roster = sample_roster();
    let mut file = IncidentsFile::default();
    let title = "# boom [x](javascript:alert(1)) <b>";
    let id = open(&mut file, &roster, title, Category::Other, 4, 30, true);
    close_without_review(&mut file, &id, "Duplicate of INC-0000 | see there", 10);
    let text = incident_markdown(file.get(&id).unwrap(), &roster, Lang::En, &tokyo(), now());
    let heading = "# DRILL — INC-0001 # boom \\[x\\](javascript:alert(1)) &lt;b&gt;\n";
    assert!(text.starts_with(heading), "{text}");
    let skipped = "Closed without review 2026-11-29 14:20 by yamada. \
                   Reason: Duplicate of INC-0000 \\| see there";
    assert!(text.contains(skipped), "{text}");
    assert!(text.contains("No scope of impact was recorded."), "{text}");
    assert!(!text.contains("<b>"), "{text}");
}

/// The shift desk, with what a handover must sort: a measure overdue on an incident closed
/// before the shift; measures due today, tomorrow and in 7 days, and one done; an incident
/// closed without review in the shift; a message left; an open drill with a due measure and
/// a message left, and a closed drill, none of which may appear; a measure due in 8 days,
/// which is not due yet.
fn handover_desk() -> IncidentsFile {
    let mut file = shift_desk();
    let f = &mut file;
    let faq = open_new(f, "Wrong price in the FAQ", Category::DocError, 4, 26 * 60);
    let measures = [("Two-person check of FAQ prices", "Tanaka", "2026-11-28")];
    save_review(f, &faq, &measures, 25 * 60);
    check_all(f, &faq, 25 * 60);
    close(f, &faq, 20 * 60);
    let dup = open_new(f, "Printer jam on 3F (again)", Category::ToolDamage, 4, 200);
    close_without_review(f, &dup, "Same jam as INC-0001", 150);

    let card = IncidentId::from_number(4);
    assert_eq!(f.get(&card).unwrap().title, "IDカード紛失(入館証)");
    let measures = [
        (
            "Reissue the card and revoke the old one",
            "総務 山本",
            "2026-11-29",
        ),
        ("Lanyards for all visitor cards", "", "2026-11-30"),
        ("Review the card policy", "Sato", "2026-12-06"),
        (
            "Report the loss to building security",
            "yamada",
            "2026-11-29",
        ),
        ("Replace the card reader", "Sato", "2026-12-07"),
    ];
    save_review(f, &card, &measures, 30);
    measure_done(f, &card, 4, 20);
    let mail = IncidentId::from_number(3);
    attempt(f, &mail, "watanabe-yui", 0, LeftMessage, 6);

    let drill = IncidentId::from_number(5);
    assert!(f.get(&drill).unwrap().drill);
    save_review(f, &drill, &[("DRILL MEASURE", "x", "2026-11-29")], 2);
    attempt(f, &drill, "emily-brown", 0, LeftMessage, 1);
    let title = "CLOSED DRILL";
    let closed_drill = open(f, &sample_roster(), title, Category::Other, 4, 100, true);
    close_without_review(f, &closed_drill, "drill over", 50);
    file
}

fn handover(lang: Lang) -> String {
    let file = handover_desk();
    let since = now() - chrono::Duration::hours(12);
    let text = handover_text(
        &file.incidents,
        &sample_roster(),
        since,
        lang,
        &tokyo(),
        now(),
    );
    let hidden = [
        "DRILL",
        "訓練",
        "INC-0005",
        "INC-0008",
        "emily",
        "card reader",
    ];
    for hidden in hidden {
        assert!(!text.contains(hidden), "{hidden} in\n{text}");
    }
    assert!(!text.chars().any(|c| is_unsafe(c) && c != '\n'), "{text:?}");
    text
}

#[test]
fn handover_of_a_shift_en() {
    insta::assert_snapshot!(handover(Lang::En));
}

#[test]
fn handover_of_a_shift_ja() {
    insta::assert_snapshot!(handover(Lang::Ja));
}

/// It is read later: every deadline is a clock time, its countdown said as of when the
/// handover was made, and the next action carries no countdown of its own.
#[test]
fn handover_deadlines_are_clock_times_with_the_countdown_as_of_the_handover() {
    let en = handover(Lang::En);
    for line in [
        "- Next: call 佐藤 花子 (シフトリーダー) 090-0000-1101\n",
        "- Report due: 14:27 (OVERDUE by 3 min, as of 14:30)\n",
        "- Report due: 14:32 (in 2 min, as of 14:30)\n",
        "- Next status update: 17:05 (in 2 h 35 min, as of 14:30)\n",
        " · detected 14:12 (18 min before the handover)\n",
    ] {
        assert!(en.contains(line), "{line} in\n{en}");
    }
    let ja = handover(Lang::Ja);
    for line in [
        "- 報告期限: 14:27(14:30 時点で3分超過)\n",
        "- 報告期限: 14:32(14:30 時点で残り2分)\n",
    ] {
        assert!(ja.contains(line), "{line} in\n{ja}");
    }
    for text in [&en, &ja] {
        for live in ["2:00 left", "残り 2:00", "(+3m)", "(+3分)", "2:35:00"] {
            assert!(!text.contains(live), "{live} in\n{text}");
        }
    }
}

#[test]
fn handover_says_none_where_nothing_is_left() {
    let text = handover_text(
        &[] as &[shiftdesk_core::Incident],
        &sample_roster(),
        ago(60),
        Lang::En,
        &tokyo(),
        now(),
    );
    assert_eq!(text.matches("- none\n").count(), 3, "{text}");
}

#[test]
fn export_and_handover_from_the_command_line() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let new = [
        "--title",
        "VPN | down\u{1b}[2J",
        "--description",
        "Site A cannot connect.\u{202E}\nSite B is fine.",
    ];
    let created = ok(
        d,
        "new --category operational.system_outage --severity 2",
        &new,
    );
    assert_eq!(created, "INC-0001\n");

    let text = ok(d, "--lang en export 1 --format md", &[]);
    assert!(text.starts_with("# INC-0001 VPN \\| down"), "{text}");
    assert!(
        text.contains("Site A cannot connect.  \nSite B is fine."),
        "{text}"
    );
    assert!(text.contains("## Contact attempts") && text.contains("Not reviewed yet."));
    assert!(ok(d, "--lang ja export INC-0001", &[]).contains("## 影響範囲"));

    let json = ok(d, "export INC-0001 --format json", &[]);
    let record: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(record["id"], "INC-0001");
    let description = "Site A cannot connect.\u{202E}\nSite B is fine.";
    assert_eq!(record["description"], description);

    let md = d.join("INC-0001.md");
    assert_eq!(
        ok(d, "--lang en export 1 --out", &[md.to_str().unwrap()]),
        ""
    );
    let written = std::fs::read_to_string(&md).unwrap();
    assert!(written.starts_with("# INC-0001 VPN"), "{written}");
    let mode = std::fs::metadata(&md).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let path = d.join("INC-0001.json");
    ok(d, "export 1 --format json --out", &[path.to_str().unwrap()]);
    let stored = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&stored).unwrap(),
        record
    );

    let text = ok(d, "--lang en handover --since 8", &[]);
    assert!(text.starts_with("# Shift handover — "), "{text}");
    assert!(text.contains("### INC-0001 VPN \\| down"), "{text}");
    assert!(text.contains("- Next: call ") && text.contains("- Report due: "));
    assert!(
        text.contains("## Closed during the shift (0)\n\n- none"),
        "{text}"
    );

    let (code, stdout, stderr) = shiftdesk(d, "export INC-0042", &[]);
    assert_eq!((code, stdout.as_str()), (Some(1), ""));
    assert!(stderr.contains("INC-0042"), "{stderr}");
}
