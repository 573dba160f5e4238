use super::*;
use crate::clock::Zone;
use crate::escalation::route_progress;
use crate::i18n::Lang;
use crate::incident::{AttemptOutcome, ContactAttempt, ResolvedRoute, Status};
use crate::roster::RouteLevel;
use crate::test_fixtures::{attempt, incident_at, t, three_levels, three_levels_roster};
use serde_json::Map;

fn roster() -> Roster {
    Roster {
        contacts: vec![
            serde_json::from_value(serde_json::json!({"id": "boss", "name": "Boss"})).unwrap(),
        ],
        ..Roster::default()
    }
}

fn routed() -> Incident {
    let mut inc = incident_at("10:00");
    inc.route = Some(ResolvedRoute {
        route_id: "r".into(),
        resolved_at: None,
        name: String::new(),
        levels: vec![RouteLevel {
            contacts: vec!["boss".into()],
            rotation: None,
            on_duty: None,
            means: Means::Phone,
            report_within_minutes: 15,
            escalate_after_minutes: 5,
            extra: Map::new(),
        }],
        extra: Map::new(),
    });
    inc
}

#[test]
fn call_first_then_the_checklist_then_close() {
    let roster = roster();
    let mut inc = routed();
    match next_action(&inc, &roster, t("10:01")) {
        NextAction::Call {
            contact, deadline, ..
        } => {
            assert_eq!(contact.id, "boss");
            assert_eq!(deadline, t("10:15"));
        }
        other => panic!("{other:?}"),
    }
    inc.attempts.push(ContactAttempt {
        at: t("10:03"),
        by: "op".into(),
        contact: "boss".into(),
        level: 0,
        means: Means::Phone,
        outcome: AttemptOutcome::Reached,
        extra: Map::new(),
    });
    assert_eq!(
        next_action(&inc, &roster, t("10:04")),
        NextAction::Step { index: 0 }
    );
    let stamp = crate::checklist::Stamp {
        at: t("10:05"),
        by: "op".into(),
    };
    for s in &mut inc.checklist {
        s.done = Some(stamp.clone());
    }
    assert_eq!(next_action(&inc, &roster, t("10:06")), NextAction::Close);
    inc.status = Status::Closed;
    assert_eq!(next_action(&inc, &roster, t("10:06")), NextAction::Closed);
}

#[test]
fn the_sentence_names_who_when_and_how_long() {
    let roster: Roster = serde_json::from_value(serde_json::json!({
        "schema_version": 1,
        "contacts": [{"id": "boss", "name": "佐藤 花子", "role": "シフトリーダー",
                      "phones": [{"label": "mobile", "number": "090-0000-1101"}]}]
    }))
    .unwrap();
    let inc = routed();
    let zone = Zone::Named(chrono_tz::UTC);
    let next = next_action(&inc, &roster, t("10:10:48"));
    assert_eq!(
        sentence(&next, &inc, Lang::En, &zone, t("10:10:48")),
        "Next: call 佐藤 花子 (シフトリーダー) 090-0000-1101 — due 10:15, 4:12 left"
    );
    let late = sentence(&next, &inc, Lang::Ja, &zone, t("10:18:00"));
    assert!(late.contains("期限超過(+3分)"), "{late}");
}

#[test]
fn a_route_of_absent_people_says_so() {
    let inc = routed();
    assert_eq!(
        next_action(&inc, &Roster::default(), t("10:01")),
        NextAction::NobodyAvailable { level: 0 }
    );
}

#[test]
fn gone_up_by_time_the_first_report_is_late_and_those_below_are_offered() {
    let (inc, roster) = (three_levels(), three_levels_roster());
    // Nobody called: level 1 ran out at 10:20, level 2 at 10:40; level 3 is due 10:55.
    let zone = Zone::Named(chrono_tz::UTC);
    let now = t("10:45");
    let next = next_action(&inc, &roster, now);
    let NextAction::Call {
        contact,
        level,
        first_late,
        again,
        not_called,
        ..
    } = &next
    else {
        panic!("{next:?}")
    };
    assert_eq!((contact.id.as_str(), *level), ("c1", 2));
    assert_eq!(*first_late, Some(t("10:15")), "the first level's deadline");
    assert!(!again);
    let below: Vec<(usize, &str)> = not_called
        .iter()
        .map(|(k, c)| (*k, c.id.as_str()))
        .collect();
    assert_eq!(below, [(0, "a1"), (0, "a2"), (1, "b1")]);
    assert_eq!(
        sentence(&next, &inc, Lang::En, &zone, now),
        "Next: call C1 () 090-c1 — first report OVERDUE since 10:15 (+30m) · \
         not called yet: A1 090-a1 (L1) and 2 more"
    );
    assert_eq!(
        sentence(&next, &inc, Lang::Ja, &zone, now),
        "次: C1()090-c1 に電話で報告 — 初報が 10:15 から期限超過(+30分) · \
         未連絡: A1 090-a1(第1段)ほか2名"
    );
    // The incidents list counts from the first deadline too, though level 3 is not due.
    let progress = route_progress(&inc, &roster, now);
    assert_eq!(
        due_words(&inc, &progress, &roster, Lang::En, &zone, now),
        Some(("OVERDUE +30m".to_string(), true))
    );
}

#[test]
fn the_top_level_not_answering_is_not_everyone_not_answering() {
    let (mut inc, roster) = (three_levels(), three_levels_roster());
    attempt(&mut inc, "10:42", "c1", 2, AttemptOutcome::NoAnswer);
    let next = next_action(&inc, &roster, t("10:45"));
    let NextAction::Call {
        contact,
        level,
        again,
        not_called,
        ..
    } = &next
    else {
        panic!("{next:?}")
    };
    assert_eq!(
        (contact.id.as_str(), *level),
        ("a1", 0),
        "the first not called"
    );
    assert!(
        !again,
        "nobody below was called, so nobody failed to answer"
    );
    assert_eq!(not_called.len(), 2);
    // Once everyone was tried, it is a second round.
    for (at, who, level) in [("10:43", "a1", 0), ("10:44", "a2", 0), ("10:45", "b1", 1)] {
        attempt(&mut inc, at, who, level, AttemptOutcome::NoAnswer);
    }
    let next = next_action(&inc, &roster, t("10:46"));
    assert!(
        matches!(&next, NextAction::Call { contact, again: true, not_called, .. }
            if contact.id == "c1" && not_called.is_empty()),
        "{next:?}"
    );
}
