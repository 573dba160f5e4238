//! Timeline entries told in the operator's words: moves by time, jumps of a drill's clock,
//! routes by name and readiness checks by their words — also for entries written before
//! they carried these as data.

use super::*;
use crate::drill::{CheckAnswer, DrillRun};
use crate::i18n::Lang;
use crate::incident::ResolvedRoute;
use crate::playbook::Bilingual;
use crate::test_fixtures::{incident_at, t};

fn entry(kind: EntryKind, text: &str) -> TimelineEntry {
    TimelineEntry::new(t("10:20"), "kato", kind, text)
}

fn both(e: &TimelineEntry, inc: &Incident) -> (String, String) {
    let roster = Roster::default();
    (
        describe(
            e,
            inc,
            &roster,
            Lang::En,
            &crate::clock::Zone::Named(chrono_tz::Asia::Tokyo),
        ),
        describe(
            e,
            inc,
            &roster,
            Lang::Ja,
            &crate::clock::Zone::Named(chrono_tz::Asia::Tokyo),
        ),
    )
}

#[test]
fn a_move_up_by_time_says_which_level_how_long_and_where_to() {
    let mut e = entry(EntryKind::MovedUpByTime, "").with_level(1);
    e.minutes = Some(15);
    let (en, ja) = both(&e, &incident_at("10:00"));
    assert_eq!(en, "went up by time L1 not reached within 15 min: now L2");
    assert_eq!(
        ja,
        "時間切れで上位へ 第1段に15分以内に連絡がつかず: 第2段へ"
    );
}

#[test]
fn a_jump_of_the_drill_clock_is_in_minutes_of_the_language() {
    let mut e = entry(EntryKind::DrillJump, "+3 min");
    e.minutes = Some(3);
    let inc = incident_at("10:00");
    assert_eq!(
        both(&e, &inc),
        (
            "drill clock jumped +3 min".to_string(),
            "訓練時計を早送り +3分".to_string()
        )
    );
    // Written before the minutes were data: the text still reads right.
    e.minutes = None;
    assert_eq!(jump_minutes(&e), Some(3));
    assert_eq!(both(&e, &inc).1, "訓練時計を早送り +3分");
}

#[test]
fn a_route_is_named_not_given_by_its_id() {
    let mut inc = incident_at("10:00");
    inc.route = Some(ResolvedRoute {
        route_id: "security".into(),
        resolved_at: None,
        name: "Security incident / セキュリティインシデント".into(),
        levels: Vec::new(),
        extra: serde_json::Map::new(),
    });
    let e = entry(EntryKind::RouteResolved, "security");
    assert_eq!(
        both(&e, &inc).1,
        "報告ルート Security incident / セキュリティインシデント"
    );
    // A route the incident no longer has, nor the roster: its id is all there is.
    let gone = entry(EntryKind::RouteResolved, "old-route");
    assert_eq!(both(&gone, &inc).0, "route old-route");
}

#[test]
fn a_readiness_check_is_told_by_its_words_with_the_note_and_answer() {
    let mut inc = incident_at("10:00");
    let check = CheckAnswer {
        id: "backup-powered".into(),
        text: Bilingual {
            ja: "予備機の電源が入っている".into(),
            en: "The backup is powered on".into(),
        },
        answer: Some(Answer::No),
        note: "rack B".into(),
        answered: None,
    };
    inc.drill_run = Some(DrillRun {
        scenario: "s".into(),
        scenario_name: check.text.clone(),
        started_at: t("10:00"),
        injects: Vec::new(),
        injects_logged: 0,
        checks: vec![check],
        fast_forward_minutes: 0,
        ended_at: None,
        extra: serde_json::Map::new(),
    });
    let mut e = entry(EntryKind::ReadinessCheck, "rack B");
    e.check = Some("backup-powered".into());
    e.answer = Some(Answer::No);
    let (en, ja) = both(&e, &inc);
    assert_eq!(
        en,
        "readiness check «The backup is powered on» — rack B → NO"
    );
    assert_eq!(ja, "準備確認 «予備機の電源が入っている» — rack B → いいえ");
    // Written before: the id and the note in the text.
    let mut old = entry(EntryKind::ReadinessCheck, "backup-powered — rack B");
    old.answer = Some(Answer::No);
    assert_eq!(both(&old, &inc).0, en);
    let mut bare = entry(EntryKind::ReadinessCheck, "backup-powered");
    bare.answer = Some(Answer::No);
    assert_eq!(
        both(&bare, &inc).0,
        "readiness check «The backup is powered on» → NO"
    );
}

#[test]
fn who_names_the_other_desk_only_on_a_shared_board() {
    let mut e = entry(EntryKind::Note, "x");
    e.by = "sato".into();
    e.desk = Some("OSA1".into());
    assert_eq!(super::who(&e, None), "sato");
    assert_eq!(super::who(&e, Some("OSA1")), "sato");
    assert_eq!(super::who(&e, Some("TYO1")), "sato (OSA1)");
    e.desk = None;
    assert_eq!(super::who(&e, Some("TYO1")), "sato");
}
