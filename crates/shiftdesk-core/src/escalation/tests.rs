use super::*;
use crate::incident::Escalation;
use crate::roster::Unavailable;
use crate::test_fixtures::{attempt, t, three_levels as incident, three_levels_roster as roster};
use serde_json::Map;

#[test]
fn level_one_is_due_report_within_minutes_after_detection() {
    let inc = incident();
    let p = route_progress(&inc, &roster(), t("10:03"));
    assert_eq!(p.current, Some(0));
    assert_eq!(p.levels[0].deadline, Some(t("10:15")));
    assert_eq!(p.levels[0].escalates_at, Some(t("10:20")));
    assert_eq!(p.overdue_by(t("10:03")), None);
    assert_eq!(p.levels[1].state, LevelState::Waiting);
}

#[test]
fn past_the_deadline_the_report_is_overdue_by_the_minutes_over() {
    let inc = incident();
    let p = route_progress(&inc, &roster(), t("10:18"));
    assert_eq!(p.current, Some(0));
    assert_eq!(p.overdue_by(t("10:18")), Some(Duration::minutes(3)));
}

#[test]
fn wait_expiry_moves_to_the_next_level() {
    let inc = incident();
    let p = route_progress(&inc, &roster(), t("10:20"));
    assert_eq!(p.current, Some(1));
    assert_eq!(p.levels[0].state, LevelState::Passed);
    assert_eq!(p.levels[1].started, Some(t("10:20")));
    assert_eq!(p.levels[1].deadline, Some(t("10:30")));
    // And on, to the last level, where the route stays.
    let p = route_progress(&inc, &roster(), t("11:30"));
    assert_eq!(p.current, Some(2));
    assert_eq!(p.levels[2].started, Some(t("10:40")));
    assert!(p.overdue_by(t("11:30")).is_some());
}

#[test]
fn no_answer_from_everyone_on_a_level_moves_up_at_once() {
    let mut inc = incident();
    attempt(&mut inc, "10:02", "a1", 0, AttemptOutcome::NoAnswer);
    let p = route_progress(&inc, &roster(), t("10:03"));
    assert_eq!(p.current, Some(0), "a2 not tried yet");
    assert_eq!(
        contact_to_call(&inc, &p, &roster(), t("10:03")).unwrap().id,
        "a2"
    );
    attempt(&mut inc, "10:04", "a2", 0, AttemptOutcome::LeftMessage);
    let p = route_progress(&inc, &roster(), t("10:05"));
    assert_eq!(p.current, Some(1));
    assert_eq!(p.levels[1].started, Some(t("10:04")));
    assert_eq!(p.levels[1].deadline, Some(t("10:14")));
    assert_eq!(
        contact_to_call(&inc, &p, &roster(), t("10:05")).unwrap().id,
        "b1"
    );
}

#[test]
fn unavailable_contacts_are_skipped() {
    let mut roster = roster();
    roster.contacts[1].unavailable = Some(Unavailable {
        until: None,
        reason: "leave".into(),
        extra: Map::new(),
    });
    let mut inc = incident();
    let p = route_progress(&inc, &roster, t("10:01"));
    let level0 = &inc.route.as_ref().unwrap().levels[0];
    assert_eq!(skipped(level0, &roster, t("10:01")), vec!["a2"]);
    attempt(&mut inc, "10:02", "a1", 0, AttemptOutcome::NoAnswer);
    assert_eq!(p.current, Some(0));
    let p = route_progress(&inc, &roster, t("10:03"));
    assert_eq!(
        p.current,
        Some(1),
        "a2 is away, so a1 alone exhausts level 0"
    );
}

#[test]
fn a_level_with_nobody_available_is_passed_at_once() {
    let mut roster = roster();
    roster.contacts[2].unavailable = Some(Unavailable {
        until: Some(t("12:00")),
        reason: String::new(),
        extra: Map::new(),
    });
    let mut inc = incident();
    attempt(&mut inc, "10:01", "a1", 0, AttemptOutcome::NoAnswer);
    attempt(&mut inc, "10:02", "a2", 0, AttemptOutcome::NoAnswer);
    let p = route_progress(&inc, &roster, t("10:03"));
    assert_eq!(p.current, Some(2), "b1 is off until 12:00");
    assert_eq!(p.levels[2].started, Some(t("10:02")));
}

#[test]
fn reaching_anyone_ends_the_route() {
    let mut inc = incident();
    attempt(&mut inc, "10:02", "a1", 0, AttemptOutcome::NoAnswer);
    attempt(&mut inc, "10:05", "a2", 0, AttemptOutcome::Reached);
    let p = route_progress(&inc, &roster(), t("12:00"));
    assert_eq!(p.current, None);
    assert_eq!(p.reached, Some(1));
    assert_eq!(p.levels[0].state, LevelState::Reached);
    assert_eq!(p.levels[1].state, LevelState::Waiting);
    assert_eq!(p.overdue_by(t("12:00")), None);
}

#[test]
fn reached_on_a_later_level_marks_the_earlier_ones_passed() {
    let mut inc = incident();
    attempt(&mut inc, "10:25", "b1", 1, AttemptOutcome::Reached);
    let p = route_progress(&inc, &roster(), t("10:30"));
    assert_eq!(p.levels[0].state, LevelState::Passed);
    assert_eq!(p.levels[1].state, LevelState::Reached);
    assert_eq!(p.current, None);
}

#[test]
fn escalating_by_hand_jumps_to_the_chosen_level() {
    let mut inc = incident();
    inc.escalations.push(Escalation {
        at: t("10:03"),
        by: "op".into(),
        to_level: 2,
        reason: "supervisor line down".into(),
        extra: Map::new(),
    });
    let p = route_progress(&inc, &roster(), t("10:04"));
    assert_eq!(p.current, Some(2));
    assert_eq!(p.levels[2].started, Some(t("10:03")));
    assert_eq!(p.levels[2].deadline, Some(t("10:18")));
    assert_eq!(p.levels[1].state, LevelState::Waiting);
}

#[test]
fn everyone_tried_on_the_last_level_says_the_route_is_exhausted() {
    let mut inc = incident();
    attempt(&mut inc, "10:01", "a1", 0, AttemptOutcome::NoAnswer);
    attempt(&mut inc, "10:02", "a2", 0, AttemptOutcome::NoAnswer);
    attempt(&mut inc, "10:03", "b1", 1, AttemptOutcome::NoAnswer);
    let p = route_progress(&inc, &roster(), t("10:04"));
    assert_eq!(p.current, Some(2));
    assert!(!p.route_exhausted);
    attempt(&mut inc, "10:05", "c1", 2, AttemptOutcome::NoAnswer);
    let p = route_progress(&inc, &roster(), t("10:06"));
    assert_eq!(p.current, Some(2));
    assert!(p.route_exhausted);
    // Keep calling: the first one again.
    assert_eq!(
        contact_to_call(&inc, &p, &roster(), t("10:06")).unwrap().id,
        "c1"
    );
}

#[test]
fn no_route_means_no_levels_and_nothing_overdue() {
    let mut inc = incident();
    inc.route = None;
    let p = route_progress(&inc, &roster(), t("23:00"));
    assert!(p.levels.is_empty());
    assert_eq!(p.current, None);
    assert_eq!(p.overdue_by(t("23:00")), None);
}

#[test]
fn a_route_resolved_again_starts_afresh() {
    let mut inc = incident();
    attempt(&mut inc, "10:02", "a1", 0, AttemptOutcome::Reached);
    if let Some(r) = inc.route.as_mut() {
        r.resolved_at = Some(t("10:30"));
    }
    let p = route_progress(&inc, &roster(), t("10:31"));
    assert_eq!(p.current, Some(0), "the earlier reach was on the old route");
    assert_eq!(p.levels[0].deadline, Some(t("10:45")));
}

#[test]
fn updates_fall_due_by_the_severity_cadence() {
    use crate::timeline::{EntryKind, TimelineEntry};
    let mut inc = incident(); // severity 2: every 60 minutes
    let p = route_progress(&inc, &roster(), t("10:05"));
    assert_eq!(
        next_update_due(&inc, &p, &roster()),
        None,
        "nobody reached yet"
    );
    attempt(&mut inc, "10:05", "a1", 0, AttemptOutcome::Reached);
    let p = route_progress(&inc, &roster(), t("10:06"));
    assert_eq!(next_update_due(&inc, &p, &roster()), Some(t("11:05")));
    inc.timeline.push(TimelineEntry::new(
        t("10:50"),
        "op",
        EntryKind::UpdateSent,
        "",
    ));
    let p = route_progress(&inc, &roster(), t("10:51"));
    assert_eq!(next_update_due(&inc, &p, &roster()), Some(t("11:50")));
}

#[test]
fn a_level_passed_by_time_says_so_and_was_not_called() {
    // Detected 10:00, nobody called: level 0 runs out at 10:20, level 1 at 10:40.
    let inc = incident();
    let p = route_progress(&inc, &roster(), t("10:41"));
    assert_eq!(p.current, Some(2));
    assert_eq!(p.levels[0].passed, Some((PassedBy::Time, t("10:20"))));
    assert_eq!(p.levels[1].passed, Some((PassedBy::Time, t("10:40"))));
    assert!(!p.levels[0].called && !p.levels[1].called);
    assert!(
        !p.route_exhausted,
        "nobody was called, so nobody failed to answer"
    );
    assert_eq!(
        p.moves_by_time().collect::<Vec<_>>(),
        [(0, 1, t("10:20")), (1, 2, t("10:40"))]
    );
    // Everyone below is still worth a call.
    let people = roster();
    let untried: Vec<(usize, &str)> = untried_below(&inc, &p, &people, t("10:41"))
        .into_iter()
        .map(|(k, c)| (k, c.id.as_str()))
        .collect();
    assert_eq!(untried, [(0, "a1"), (0, "a2"), (1, "b1")]);
}

#[test]
fn a_level_whose_contacts_were_all_tried_says_no_answer() {
    let mut inc = incident();
    attempt(&mut inc, "10:02", "a1", 0, AttemptOutcome::NoAnswer);
    attempt(&mut inc, "10:04", "a2", 0, AttemptOutcome::LeftMessage);
    let p = route_progress(&inc, &roster(), t("10:05"));
    assert_eq!(p.levels[0].passed, Some((PassedBy::NoAnswer, t("10:04"))));
    assert!(p.levels[0].called);
    assert_eq!(p.moves_by_time().count(), 0);
    assert!(untried_below(&inc, &p, &roster(), t("10:05")).is_empty());
}

#[test]
fn the_first_report_is_late_against_the_first_deadline() {
    // Level 0 due 10:15; at 10:25 the route is on level 1 (due 10:30), but the first
    // report is 10 minutes late all the same.
    let inc = incident();
    let p = route_progress(&inc, &roster(), t("10:25"));
    assert_eq!(p.current, Some(1));
    assert_eq!(p.overdue_by(t("10:25")), None);
    assert_eq!(
        p.first_report_late_by(t("10:25")),
        Some(Duration::minutes(10))
    );
    // Reached: no longer late.
    let mut reached = incident();
    attempt(&mut reached, "10:26", "b1", 1, AttemptOutcome::Reached);
    let p = route_progress(&reached, &roster(), t("10:27"));
    assert_eq!(p.first_report_late_by(t("10:27")), None);
}
