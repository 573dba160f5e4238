use super::*;
use crate::incident::Incident;
use crate::roster::Roster;
use crate::severity::Severity;
use crate::test_fixtures::{route_level, t, three_levels, three_levels_roster};
use crate::timeline::{EntryKind, TimelineEntry};
use proptest::prelude::*;

/// Detected 10:00; one level, report within 15 minutes (10:15), then an hour to wait.
fn one_level() -> Incident {
    let mut inc = three_levels();
    if let Some(route) = inc.route.as_mut() {
        route.levels = vec![route_level(&["a1"], 15, 60)];
    }
    inc
}

fn roster() -> Roster {
    three_levels_roster()
}

fn tick(inc: &Incident, at: &str, called: &mut Called, typing: Option<&IncidentId>) -> Vec<Reason> {
    let s = Settings::default();
    let facts = deadline_facts([inc], &roster(), t(at), &s);
    calls(facts, t(at), called, &s, typing)
        .into_iter()
        .map(|c| c.reason)
        .collect()
}

#[test]
fn a_deadline_calls_two_minutes_before_at_the_moment_and_every_five_minutes_after() {
    let inc = one_level();
    let mut called = Called::default();
    let mut heard = Vec::new();
    for m in 0..31 {
        let at = format!("10:{m:02}");
        for r in tick(&inc, &at, &mut called, None) {
            heard.push((at.clone(), r));
        }
    }
    let want: Vec<(String, Reason)> = [
        ("10:13", Reason::DeadlineSoon),
        ("10:15", Reason::Overdue),
        ("10:20", Reason::Overdue),
        ("10:25", Reason::Overdue),
        ("10:30", Reason::Overdue),
    ]
    .iter()
    .map(|(a, r)| (a.to_string(), *r))
    .collect();
    assert_eq!(heard, want);
}

#[test]
fn an_action_on_the_incident_puts_the_next_call_off_a_whole_interval() {
    let mut inc = one_level();
    let mut called = Called::default();
    assert_eq!(tick(&inc, "10:15", &mut called, None), [Reason::Overdue]);
    inc.timeline.push(TimelineEntry::new(
        t("10:18"),
        "op",
        EntryKind::Note,
        "calling",
    ));
    assert!(tick(&inc, "10:20", &mut called, None).is_empty());
    assert!(tick(&inc, "10:22", &mut called, None).is_empty());
    assert_eq!(tick(&inc, "10:23", &mut called, None), [Reason::Overdue]);
}

#[test]
fn nothing_calls_while_the_operator_types_in_that_incidents_form() {
    let inc = one_level();
    let mut called = Called::default();
    assert!(tick(&inc, "10:15", &mut called, Some(&inc.id)).is_empty());
    let other = IncidentId::from_number(9);
    assert_eq!(
        tick(&inc, "10:16", &mut called, Some(&other)),
        [Reason::Overdue]
    );
}

#[test]
fn a_closed_incident_or_one_far_from_its_deadline_does_not_call() {
    let mut inc = one_level();
    let mut called = Called::default();
    assert!(tick(&inc, "10:05", &mut called, None).is_empty());
    inc.status = crate::incident::Status::Closed;
    assert!(tick(&inc, "10:20", &mut called, None).is_empty());
}

#[test]
fn another_desk_raising_an_incident_to_severity_two_calls_and_lowering_does_not() {
    let mut inc = one_level();
    inc.severity = Severity::new(3).unwrap();
    let before = snapshot([&inc]);
    assert!(raised_elsewhere(&before, [&inc]).is_empty());
    let mut raised = inc.clone();
    raised.severity = Severity::new(2).unwrap();
    let facts = raised_elsewhere(&before, [&raised]);
    assert_eq!(facts.len(), 1);
    assert_eq!(facts[0].reason, Reason::RaisedElsewhere);
    // Opened elsewhere at severity 1.
    let mut new = one_level();
    new.id = IncidentId::from_number(2);
    new.severity = Severity::new(1).unwrap();
    assert_eq!(raised_elsewhere(&before, [&new]).len(), 1);
    // Lowered from 1 to 2: not raised.
    let before = snapshot([&new]);
    let mut lowered = new.clone();
    lowered.severity = Severity::new(2).unwrap();
    assert!(raised_elsewhere(&before, [&lowered]).is_empty());
}

#[test]
fn a_drill_calls_as_a_drill() {
    let mut inc = one_level();
    inc.drill = true;
    let mut called = Called::default();
    let s = Settings::default();
    let got = calls(
        deadline_facts([&inc], &roster(), t("10:15"), &s),
        t("10:15"),
        &mut called,
        &s,
        None,
    );
    assert!(got[0].drill);
}

proptest! {
    /// Whatever the ticks (seconds apart, irregular) and the actions between them, no two
    /// calls for one incident and reason come within the interval.
    #[test]
    fn never_two_calls_for_one_incident_and_reason_within_the_interval(
        steps in proptest::collection::vec((1i64..400, any::<bool>(), any::<bool>()), 1..200),
    ) {
        let s = Settings::default();
        let mut a = one_level();
        let mut b = one_level();
        b.id = IncidentId::from_number(2);
        b.detected_at = t("10:03");
        if let Some(r) = b.route.as_mut() { r.levels = vec![route_level(&["a1"], 5, 1)]; }
        let mut called = Called::default();
        let mut now = t("10:00");
        let mut heard: Vec<(Option<IncidentId>, Reason, chrono::DateTime<chrono::Utc>)> = Vec::new();
        for (secs, act, not_saved) in steps {
            now += Duration::seconds(secs);
            if act {
                a.timeline.push(TimelineEntry::new(now, "op", EntryKind::Note, "x"));
            }
            let mut facts = deadline_facts([&a, &b], &roster(), now, &s);
            if not_saved {
                facts.push(Fact { incident: None, reason: Reason::NotSaved, deadline: None, last_action: None, drill: false });
            }
            for c in calls(facts, now, &mut called, &s, None) {
                if let Some((_, _, at)) = heard.iter().rev().find(|(i, r, _)| *i == c.incident && *r == c.reason) {
                    prop_assert!(now - *at >= s.every, "{:?} {:?} at {} and {}", c.incident, c.reason, at, now);
                }
                heard.push((c.incident, c.reason, now));
            }
        }
    }
}

#[test]
fn a_failed_save_calls_again_each_interval_while_it_lasts() {
    let s = Settings::default();
    let fact = || Fact {
        incident: None,
        reason: Reason::NotSaved,
        deadline: None,
        last_action: None,
        drill: false,
    };
    let mut called = Called::default();
    let mut heard = Vec::new();
    for m in 0..11 {
        let now = t("10:00") + Duration::minutes(m);
        if !calls(vec![fact()], now, &mut called, &s, None).is_empty() {
            heard.push(m);
        }
    }
    assert_eq!(heard, [0, 5, 10]);
}

#[test]
fn an_incident_raised_again_later_calls_again() {
    let s = Settings::default();
    let mut inc = one_level();
    let mut called = Called::default();
    let raised = |inc: &Incident| raised_elsewhere(&[], [inc]);
    assert_eq!(
        calls(raised(&inc), t("10:00"), &mut called, &s, None).len(),
        1
    );
    assert!(calls(raised(&inc), t("10:06"), &mut called, &s, None).is_empty());
    inc.timeline.push(TimelineEntry::new(
        t("10:07"),
        "other",
        EntryKind::Escalated,
        "",
    ));
    assert_eq!(
        calls(raised(&inc), t("10:07"), &mut called, &s, None).len(),
        1
    );
}
