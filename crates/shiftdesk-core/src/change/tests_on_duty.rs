//! A route level that names a rotation: resolved to the person on duty when the incident
//! is recorded and again when the route goes up to it, told in the timeline, carried in the
//! change (applying it again picks nobody anew); nobody on duty falls back visibly.

use super::*;
use crate::escalation::{contact_to_call, route_progress};
use crate::i18n::Lang;
use crate::incident::ResolvedRoute;
use crate::roster::Roster;
use crate::roster::rotation::Rotation;
use crate::test_fixtures::{
    incident_at, opening_like, route_level, stamped, t, three_levels_roster,
};
use crate::timeline::describe;

/// a1, a2, b1, c1, and the rotation `night` of b1 and c1 in UTC: b1 08:00–20:00, c1
/// 20:00–08:00 (and `empty`, with nobody in it).
fn roster() -> Roster {
    let mut roster = three_levels_roster();
    let rotation = |id: &str, people: &[&str]| -> Rotation {
        serde_json::from_value(serde_json::json!({
            "id": id, "name": "Night on-call / 夜間当番", "people": people,
            "zone": "UTC", "start": "2026-11-01 08:00", "shift_hours": 12
        }))
        .unwrap()
    };
    roster.rotations = vec![rotation("night", &["b1", "c1"]), rotation("empty", &[])];
    roster
}

/// Level 0 calls the rotation `first` only; level 1 the rotation `night` and a1.
fn route(first: &str) -> ResolvedRoute {
    let mut l0 = route_level(&[], 15, 5);
    l0.rotation = Some(first.into());
    let mut l1 = route_level(&["a1"], 10, 10);
    l1.rotation = Some("night".into());
    ResolvedRoute {
        route_id: "r".into(),
        name: String::new(),
        levels: vec![l0, l1],
        resolved_at: None,
        extra: Map::new(),
    }
}

fn opened(first: &str, roster: &Roster) -> IncidentsFile {
    let mut inc = incident_at("09:55");
    inc.route = Some(route(first).with_first_on_duty(roster, t("10:00")));
    let mut file = IncidentsFile::default();
    stamped(opening_like(&inc), t("10:00"), "yamada")
        .apply(&mut file)
        .unwrap();
    file
}

fn last_words(file: &IncidentsFile, roster: &Roster, lang: Lang) -> String {
    let inc = &file.incidents[0];
    describe(
        inc.timeline.last().unwrap(),
        inc,
        roster,
        lang,
        &crate::clock::Zone::Named(chrono_tz::UTC),
    )
}

#[test]
fn recording_resolves_the_first_level_to_whom_is_on_duty_and_says_so() {
    let roster = roster();
    let file = opened("night", &roster);
    let inc = &file.incidents[0];
    let progress = route_progress(inc, &roster, t("10:01"));
    assert_eq!(progress.current, Some(0));
    let to_call = contact_to_call(inc, &progress, &roster, t("10:01")).unwrap();
    assert_eq!(to_call.id, "b1");
    assert_eq!(
        last_words(&file, &roster, Lang::En),
        "on duty L1 Night on-call / 夜間当番 → B1 (on duty 08:00–20:00)"
    );
    assert!(last_words(&file, &roster, Lang::Ja).contains("→ B1(08:00–20:00 当番)"));
}

#[test]
fn going_up_resolves_the_level_again_once_however_many_desks_notice() {
    let roster = roster();
    let mut file = opened("night", &roster);
    let id = file.incidents[0].id.clone();
    let escalate = Change::Escalate {
        incident: id.clone(),
        to_level: 1,
        reason: "no answer".into(),
    };
    stamped(escalate, t("21:00"), "yamada")
        .apply(&mut file)
        .unwrap();
    let inc = &file.incidents[0];
    let progress = route_progress(inc, &roster, t("21:00"));
    let started = progress.levels[1].started.unwrap();
    assert!(inc.route.as_ref().unwrap().levels[1].needs_pick(started));
    let resolve = |at| Change::ResolveOnDuty {
        incident: id.clone(),
        level: 1,
        started,
        pick: Box::new(roster.pick_on_duty("night", at)),
    };
    let first = stamped(resolve(t("21:00")), t("21:00"), "yamada").apply(&mut file);
    assert!(matches!(first, Ok(Applied::Changed(_))));
    assert_eq!(
        last_words(&file, &roster, Lang::En),
        "on duty L2 Night on-call / 夜間当番 → C1 (on duty 20:00–08:00)"
    );
    // Another desk noticed too: nothing more.
    let entries = file.incidents[0].timeline.len();
    let again = stamped(resolve(t("21:00:01")), t("21:00:01"), "sato").apply(&mut file);
    assert!(matches!(again, Ok(Applied::Unchanged)));
    assert_eq!(file.incidents[0].timeline.len(), entries);
    let level = &file.incidents[0].route.as_ref().unwrap().levels[1];
    let calls: Vec<&String> = level.contact_ids().collect();
    assert_eq!(calls, ["c1", "a1"]);
}

#[test]
fn a_level_not_yet_resolved_is_not_passed_as_if_nobody_answered() {
    let roster = roster();
    let mut inc = incident_at("10:00");
    inc.route = Some(route("night"));
    let progress = route_progress(&inc, &roster, t("10:01"));
    assert_eq!(progress.current, Some(0));
}

#[test]
fn nobody_on_duty_is_said_and_the_route_does_not_wait_on_an_empty_level() {
    let roster = roster();
    let file = opened("empty", &roster);
    assert_eq!(
        last_words(&file, &roster, Lang::En),
        "on duty L1 Night on-call / 夜間当番: nobody on duty — no one to call on this level"
    );
    let progress = route_progress(&file.incidents[0], &roster, t("10:01"));
    assert_eq!(progress.current, Some(1));
}

#[test]
fn an_unknown_rotation_resolves_to_nobody_with_its_id() {
    let roster = roster();
    let file = opened("nobody-such", &roster);
    assert!(last_words(&file, &roster, Lang::En).contains("nobody-such: nobody on duty"));
}
