//! Obligations with their own clocks and out-of-scope decisions, as an operator meets them
//! in the real binary: a misdirected email whose scope form asks about personal
//! information, the obligations a yes brings with their days left, the most urgent on the
//! Next line, one marked done; an out-of-scope request forwarded to a roster contact, and
//! the decision in the report, the export and the handover.

mod common;

use chrono::{Duration, Utc};
use common::cli::ok;
use common::pty::Desk;
use std::path::Path;

fn incidents(dir: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join("incidents.json")).unwrap()).unwrap()
}

#[test]
fn a_misdirected_email_with_personal_information_carries_its_obligations_with_days_left() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    ok(
        dir,
        "new --category team.security --kind misdirected_email --severity 3",
        &["--title", "Invoice sent to the wrong customer"],
    );
    let mut desk = Desk::start(dir, &["--lang", "en", "--operator", "yamada"], 120, 40);
    desk.wait_for("Invoice sent to the wrong customer");
    desk.send("S");
    // The guide's condition is asked, above the fields, with what a yes brings.
    desk.wait_for("Was personal information involved");
    desk.wait_for("◀ not known ▶");
    desk.wait_for("yes: 3 obligations, the first in 5 days");
    desk.send("\x1b[C");
    desk.wait_for("◀ yes ▶");
    desk.send("\r");
    desk.wait_for("Obligations (O) 0/3");
    desk.wait_for("5 days left · Preliminary report");
    desk.wait_for("30 days left · Final report");
    let file = incidents(dir);
    let inc = &file["incidents"][0];
    assert_eq!(inc["conditions"][0]["answer"], "yes", "{inc:#}");
    let obligations = inc["obligations"].as_array().unwrap();
    assert_eq!(obligations.len(), 3, "{inc:#}");
    assert_eq!(obligations[0]["counted_from"], "learned");
    // No empty scope was logged: the form was saved for its answer.
    assert!(inc.get("scope").is_none(), "{inc:#}");

    // The list: each in full; Space marks the one under the cursor done, with a stamp.
    desk.send("O");
    desk.wait_for("Obligations · INC-0001 · 3 to do");
    desk.wait_for("To: Personal Information Protection Commission");
    desk.wait_for("An example in the guide: check it against your team's rules");
    desk.send(" ");
    desk.wait_for("Obligations · INC-0001 · 2 to do");
    desk.wait_for("[x] done ");
    desk.send("\x1b");
    desk.wait_for("Obligations (O) 1/3");
    desk.send("q");
    desk.wait_exit();
    let file = incidents(dir);
    let first = &file["incidents"][0]["obligations"][0];
    assert_eq!(first["done"]["by"], "yamada", "{first:#}");
    let show = ok(dir, "show 1", &["--lang", "en"]);
    assert!(
        show.contains("obligation done «Preliminary report"),
        "{show}"
    );
    assert!(show.contains("[ ] 30 days left (due "), "{show}");
}

/// The bundled guide with one more obligation, counted from detection: the team's file.
fn guide_with_a_duty_counted_from_detection(dir: &Path) {
    let bundled = include_str!("../assets/guide.json");
    let mut guide: serde_json::Value = serde_json::from_str(bundled).unwrap();
    let extra = serde_json::json!({
        "id": "tell-the-customer",
        "category": "team.security",
        "kinds": ["misdirected_email"],
        "what": {"ja": "顧客へ第一報を入れる", "en": "Tell the customer what happened"},
        "to": {"ja": "顧客", "en": "The customer"},
        "within_days": 5,
        "counted_from": "detected",
        "condition": {
            "id": "personal-info",
            "question": {
                "ja": "個人情報が含まれる(可能性がある)か?",
                "en": "Was personal information involved (or possibly involved)?"
            }
        }
    });
    guide["obligations"].as_array_mut().unwrap().push(extra);
    let text = serde_json::to_string_pretty(&guide).unwrap();
    std::fs::write(dir.join("guide.json"), text).unwrap();
}

#[test]
fn the_next_line_names_an_obligation_due_within_a_day_once_the_report_is_given() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::create_dir_all(dir).unwrap();
    guide_with_a_duty_counted_from_detection(dir);
    // Detected four days and two hours ago: five days from detection leaves 22 hours.
    let detected = (Utc::now() - Duration::days(4) - Duration::hours(2))
        .with_timezone(&chrono_tz::Asia::Tokyo)
        .format("%Y-%m-%d %H:%M")
        .to_string();
    ok(
        dir,
        "new --category team.security --kind misdirected_email --severity 3",
        &["--title", "請求書誤送信", "--detected", &detected],
    );
    let mut desk = Desk::start(dir, &["--lang", "ja", "--operator", "yamada"], 80, 24);
    desk.wait_for("請求書誤送信");
    desk.send("S");
    desk.wait_for("個人情報が含まれる");
    desk.wait_for("「はい」で義務 4 件(最短 5 日)");
    desk.send("y");
    desk.wait_for("◀ はい ▶");
    desk.send("\r");
    desk.wait_for("届出・通知の義務 (O) 0/4");
    // The first report, days late, is still what comes first.
    desk.wait_for("次: 田中 良子");
    desk.send("r");
    // Reached: the duty counted from detection, due within a day, comes before the steps.
    desk.wait_until("the obligation on the Next line", |d| {
        let screen = d.screen();
        (screen.contains("次: 残り1日") || screen.contains("次: 本日"))
            && screen.contains("顧客へ第一報を入れる → 顧客")
            && screen.contains("[O]")
    });
    desk.send("q");
    desk.wait_exit();
    let handover = ok(dir, "handover", &["--lang", "ja"]);
    assert!(
        handover.contains("- 次: ") && handover.contains("顧客へ第一報を入れる"),
        "{handover}"
    );
    assert!(handover.contains("顧客 への義務、期限 "), "{handover}");
}

#[test]
fn an_out_of_scope_request_forwarded_to_a_roster_contact_is_in_the_report_export_and_handover() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    ok(
        dir,
        "new --category operational.out_of_scope --severity 4",
        &["--title", "New laptop"],
    );
    let mut desk = Desk::start(dir, &["--lang", "en", "--operator", "yamada"], 80, 24);
    desk.wait_for("New laptop");
    desk.send("d");
    desk.wait_for("Out-of-scope request: the decision");
    desk.wait_for("▶ Creating or removing accounts");
    // Two down: PCs and software, which the scope definition forwards to Sarah Wilson.
    desk.send("\x1b[B");
    desk.send("\x1b[B");
    desk.wait_for("▶ Ordering or swapping PCs");
    desk.wait_for("forward to: Sarah Wilson");
    desk.wait_for("◀ forwarded ▶");
    desk.send("\t\t");
    desk.send("Asked for a laptop by Friday");
    desk.send("\r");
    desk.wait_for("Recorded");
    // The step the decision fulfils is checked by it.
    desk.wait_for("Scope 1/5");
    desk.send("q");
    desk.wait_exit();

    let file = incidents(dir);
    let decision = &file["incidents"][0]["scope_decisions"][0];
    assert_eq!(
        decision["request"]["id"], "devices-and-software",
        "{decision:#}"
    );
    assert_eq!(decision["outcome"]["decision"], "forwarded");
    assert_eq!(decision["outcome"]["to"]["contact"], "sarah-wilson");

    let report = ok(dir, "report 1", &["--lang", "en"]);
    assert!(
        report.contains(
            "- Decision: forwarded to Sarah Wilson (IT asset manager) 06-0000-4301: Asked for a laptop by Friday"
        ),
        "{report}"
    );
    assert!(
        report
            .contains("rule: Devices and software are ordered and managed by IT asset management"),
        "{report}"
    );
    let export = ok(dir, "export 1", &["--lang", "en"]);
    assert!(export.contains("## Out-of-scope decision"), "{export}");
    assert!(export.contains("- forwarded to Sarah Wilson"), "{export}");
    assert!(
        export.contains("- request: Ordering or swapping PCs and peripherals, installing software"),
        "{export}"
    );
    let handover = ok(dir, "handover", &["--lang", "en"]);
    assert!(
        handover.contains("- Decision: forwarded to Sarah Wilson"),
        "{handover}"
    );
    let show = ok(dir, "show 1", &["--lang", "en"]);
    assert!(
        show.contains("out-of-scope decision forwarded to Sarah Wilson"),
        "{show}"
    );
    assert!(show.contains("— by recording the decision"), "{show}");
}

#[test]
fn the_desk_reads_the_teams_guide_and_names_a_bad_one_using_the_bundled_guide() {
    use shiftdesk_core::i18n::Lang;
    use shiftdesk_store::DataDir;
    use shiftdesk_store::guide_file::bundled_guide;
    use shiftdesk_store::open::open_desk;
    let tmp = tempfile::tempdir().unwrap();
    guide_with_a_duty_counted_from_detection(tmp.path());
    let dir = DataDir::at(tmp.path());
    let (desk, _) = open_desk(&dir, Lang::En, Utc::now()).unwrap();
    assert!(
        desk.guide
            .obligations
            .iter()
            .any(|o| o.id == "tell-the-customer")
    );
    std::fs::write(
        tmp.path().join("guide.json"),
        "{\"schema_version\": 1,\n \"nope\": 1}",
    )
    .unwrap();
    let (desk, warnings) = open_desk(&dir, Lang::En, Utc::now()).unwrap();
    assert_eq!(desk.guide, bundled_guide());
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("Own guide.json not used") && w.contains("guide.json:2:")),
        "{warnings:?}"
    );
}
