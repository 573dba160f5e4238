//! The one next thing to do for an incident, in the order the flow gives: report first, then
//! the checklist, then close.

use super::checklist::next_open_step;
use super::escalation::{RouteProgress, contact_to_call, route_progress};
use super::incident::Incident;
use super::roster::{Contact, Means, Roster};
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, PartialEq)]
pub enum NextAction<'r> {
    /// Report to this contact of the current level by the deadline.
    Call {
        contact: &'r Contact,
        level: usize,
        means: Means,
        deadline: DateTime<Utc>,
        /// Everyone on the route was tried; this is a second round.
        again: bool,
    },
    /// The current level has nobody available (away, or not in the roster).
    NobodyAvailable { level: usize },
    /// Do this checklist step (index into `incident.checklist`).
    Step { index: usize },
    /// Every step is done: close the incident.
    Close,
    Closed,
}

pub fn next_action<'r>(
    incident: &Incident,
    roster: &'r Roster,
    now: DateTime<Utc>,
) -> NextAction<'r> {
    next_action_with(incident, &route_progress(incident, roster, now), roster, now)
}

/// As [`next_action`], for a caller that already has the route progress.
pub fn next_action_with<'r>(
    incident: &Incident,
    progress: &RouteProgress,
    roster: &'r Roster,
    now: DateTime<Utc>,
) -> NextAction<'r> {
    if !incident.is_open() {
        return NextAction::Closed;
    }
    if let (Some(level), Some(route)) = (progress.current, incident.route.as_ref()) {
        let deadline = progress.levels[level].deadline.unwrap_or(now);
        return match contact_to_call(incident, progress, roster, now) {
            Some(contact) => NextAction::Call {
                contact,
                level,
                means: route.levels[level].means,
                deadline,
                again: progress.route_exhausted,
            },
            None => NextAction::NobodyAvailable { level },
        };
    }
    match next_open_step(&incident.checklist) {
        Some(index) => NextAction::Step { index },
        None => NextAction::Close,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::incident::{AttemptOutcome, ContactAttempt, ResolvedRoute, Status};
    use crate::model::roster::RouteLevel;
    use crate::model::test_fixtures::{incident_at, t};
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
            name: String::new(),
            levels: vec![RouteLevel {
                contacts: vec!["boss".into()],
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
        let stamp = crate::model::checklist::Stamp {
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
    fn a_route_of_absent_people_says_so() {
        let inc = routed();
        assert_eq!(
            next_action(&inc, &Roster::default(), t("10:01")),
            NextAction::NobodyAvailable { level: 0 }
        );
    }
}
