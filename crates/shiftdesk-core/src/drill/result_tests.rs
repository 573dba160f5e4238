//! A drill run through as an operator would, and what its results say.

use super::report::{Format, drill_history, drill_report};
use super::result::{drill_incident, drill_result};
use super::{Answer, Scenario};
use crate::change::{Applied, Change};
use crate::desk::IncidentsFile;
use crate::i18n::Lang;
use crate::incident::AttemptOutcome;
use crate::playbook::Phase;
use crate::roster::Roster;
use crate::test_fixtures::{bundled_playbooks, t};
use chrono::Duration;

fn roster() -> Roster {
    serde_json::from_str(include_str!("../../../../assets/roster.sample.json")).unwrap()
}

fn scenario() -> Scenario {
    serde_json::from_str(include_str!(
        "../../../../assets/drills/network-failover.json"
    ))
    .unwrap()
}

#[test]
fn a_scripted_run_gives_its_figures() {
    let roster = roster();
    let mut file = IncidentsFile::default();
    let id = started(&mut file);
    let attempt = |contact: &str, outcome| Change::Attempt {
        incident: id.clone(),
        contact: contact.into(),
        level: 0,
        outcome,
        contact_role: String::new(),
    };
    apply(
        &mut file,
        attempt("ito-daisuke", AttemptOutcome::NoAnswer),
        "10:02",
    );
    // Tabletop: jump a minute ahead to the first inject (T+3).
    apply(
        &mut file,
        Change::JumpDrill {
            incident: id.clone(),
            minutes: 1,
        },
        "10:02",
    );
    apply(
        &mut file,
        Change::LogInjects {
            incident: id.clone(),
            upto: 1,
        },
        "10:02",
    );
    apply(
        &mut file,
        attempt("emily-brown", AttemptOutcome::Reached),
        "10:05",
    );
    let report_steps: Vec<String> = file
        .get(&id)
        .unwrap()
        .checklist
        .iter()
        .filter(|s| s.phase == Phase::Report)
        .map(|s| s.id.clone())
        .collect();
    let reported = report_steps.len();
    for step in report_steps {
        apply(
            &mut file,
            Change::SetStep {
                incident: id.clone(),
                step,
                done: true,
            },
            "10:06",
        );
    }
    let answer = |check: &str, answer| Change::AnswerCheck {
        incident: id.clone(),
        check: check.into(),
        answer,
        note: "rack B unpowered".into(),
    };
    apply(&mut file, answer("backup-powered", Answer::No), "10:10");
    apply(
        &mut file,
        Change::EndDrill {
            incident: id.clone(),
        },
        "10:20",
    );

    let inc = file.get(&id).unwrap();
    let r = drill_result(inc, &roster, Lang::En, t("10:30")).unwrap();
    assert_eq!(r.fast_forward_minutes, 1);
    assert_eq!(
        r.first_report,
        Some(Duration::minutes(6)),
        "10:05 against a start moved to 09:59"
    );
    assert_eq!(r.report_deadline, Some(Duration::minutes(10)));
    assert_eq!(r.met_deadline(), Some(true));
    assert_eq!(
        r.phases[0],
        (Phase::AssessScope, Some(Duration::minutes(7)))
    );
    assert_eq!(r.phases[1], (Phase::InterimFix, None));
    assert_eq!(r.escalations, 0);
    assert_eq!(r.failed_checks.len(), 1);
    assert_eq!(r.failed_checks[0].id, "backup-powered");
    assert_eq!(
        r.unanswered_checks.len(),
        scenario().readiness_checks.len() - 1
    );
    assert_eq!(r.unchecked_steps.len(), inc.checklist.len() - reported);
    assert_eq!(inc.drill_run.as_ref().unwrap().injects_logged, 1);

    let zone = crate::clock::Zone::Named(chrono_tz::UTC);
    let md = drill_report(inc, &roster, Lang::En, &zone, t("10:30"), Format::Markdown).unwrap();
    let actions = md.find("Actions").unwrap();
    let figures = md.find("Figures").unwrap();
    let failed = md.find("rack B unpowered").unwrap();
    assert!(
        actions < failed && failed < figures,
        "failed checks come first, as actions:\n{md}"
    );
    assert!(md.contains("jumped ahead 1 min"), "{md}");
    let history = drill_history(&file.incidents, &roster, None, Lang::En, &zone, t("10:30"));
    assert!(history.starts_with("network-failover:"), "{history}");
    assert!(history.contains("first report 6 min"), "{history}");
}

fn apply(file: &mut IncidentsFile, change: Change, at: &str) -> Applied {
    crate::test_fixtures::stamped(change, t(at), "yamada")
        .apply(file)
        .unwrap()
}

/// The network-failover drill opened at 10:00, its id.
fn started(file: &mut IncidentsFile) -> crate::IncidentId {
    let new = drill_incident(
        &scenario(),
        &bundled_playbooks(),
        &roster(),
        Lang::En,
        t("10:00"),
    )
    .unwrap();
    match apply(file, Change::Open(Box::new(new)), "10:00") {
        Applied::Opened(id) => id,
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_report_made_before_the_clock_jumped_keeps_its_time() {
    let roster = roster();
    let mut file = IncidentsFile::default();
    let id = started(&mut file);
    // Reached at once; then, in the same second, the clock jumped through every inject
    // (T+3, 6, 8, 14, 22, 30), each logged as it came due.
    let reached = Change::Attempt {
        incident: id.clone(),
        contact: "ito-daisuke".into(),
        level: 0,
        outcome: AttemptOutcome::Reached,
        contact_role: String::new(),
    };
    apply(&mut file, reached, "10:00:05");
    for (upto, minutes) in [3, 3, 2, 6, 8, 8].into_iter().enumerate() {
        let jump = Change::JumpDrill {
            incident: id.clone(),
            minutes,
        };
        apply(&mut file, jump, "10:00:05");
        let injects = Change::LogInjects {
            incident: id.clone(),
            upto: upto + 1,
        };
        apply(&mut file, injects, "10:00:05");
    }
    let end = Change::EndDrill {
        incident: id.clone(),
    };
    apply(&mut file, end, "10:01");
    let inc = file.get(&id).unwrap();
    let r = drill_result(inc, &roster, Lang::En, t("10:02")).unwrap();
    assert_eq!(r.fast_forward_minutes, 30);
    assert_eq!(
        r.first_report,
        Some(Duration::seconds(5)),
        "T+0:05, not 30 min"
    );
    assert_eq!(r.met_deadline(), Some(true));
    assert_eq!(r.escalations, 0);
    assert_eq!(r.calls.len(), 1);
    assert_eq!(r.calls[0].at, Duration::seconds(5));
    let at: Vec<u32> = r.injects.iter().map(|i| i.at_minutes).collect();
    assert_eq!(at, [3, 6, 8, 14, 22, 30]);

    let zone = crate::clock::Zone::Named(chrono_tz::UTC);
    let text = drill_report(inc, &roster, Lang::En, &zone, t("10:02"), Format::Text).unwrap();
    assert!(
        text.contains("First report after under 1 min (deadline 10 min): met"),
        "{text}"
    );
    assert!(text.contains("- T+0 L1 伊藤 大輔 — reached"), "{text}");
    assert!(text.contains("- T+30 "), "{text}");
    assert!(text.starts_with("[DRILL] INC-0001"), "{text}");
    assert!(!text.contains('\\') && !text.contains("# "), "{text}");
    let ja = drill_report(inc, &roster, Lang::Ja, &zone, t("10:02"), Format::Text).unwrap();
    assert!(ja.contains("- T+0 第1段 伊藤 大輔 — 報告済み"), "{ja}");
    let md = drill_report(inc, &roster, Lang::En, &zone, t("10:02"), Format::Markdown).unwrap();
    assert!(md.starts_with("# \\[DRILL\\] INC-0001"), "{md}");
    assert!(md.contains("- T+0 L1 伊藤 大輔 — reached"), "{md}");

    // A file written before jumps kept their minutes as data reads the same.
    let mut old = inc.clone();
    for e in &mut old.timeline {
        e.minutes = None;
    }
    assert_eq!(drill_result(&old, &roster, Lang::En, t("10:02")), Some(r));
}
