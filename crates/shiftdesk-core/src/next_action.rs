//! The one next thing to do for an incident, in the order the flow gives: report first, then
//! the checklist, then close.

use crate::checklist::next_open_step;
use crate::clock::{Zone, countdown, minutes_up};
use crate::escalation::{RouteProgress, contact_to_call, next_update_due, route_progress};
use crate::i18n::{self, Lang, Msg, fill, t};
use crate::incident::Incident;
use crate::roster::{Contact, Means, Roster};
use crate::text::safe_line;
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
    NobodyAvailable {
        level: usize,
    },
    /// The status update to the people reached is overdue.
    GiveUpdate {
        contact: Option<&'r Contact>,
        due: DateTime<Utc>,
    },
    /// Do this checklist step (index into `incident.checklist`).
    Step {
        index: usize,
    },
    /// Every step is done: close the incident.
    Close,
    Closed,
}

pub fn next_action<'r>(
    incident: &Incident,
    roster: &'r Roster,
    now: DateTime<Utc>,
) -> NextAction<'r> {
    next_action_with(
        incident,
        &route_progress(incident, roster, now),
        roster,
        now,
    )
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
    if let Some(due) = next_update_due(incident, progress, roster).filter(|d| *d < now) {
        let contact = progress
            .reached
            .and_then(|i| incident.attempts.get(i))
            .and_then(|a| roster.contact(&a.contact));
        return NextAction::GiveUpdate { contact, due };
    }
    match next_open_step(&incident.checklist) {
        Some(index) => NextAction::Step { index },
        None => NextAction::Close,
    }
}

/// `next update 15:30 (in 42:10)`: when the next status update is due, while it is not yet
/// overdue (an overdue one is the next action itself).
pub fn update_words(
    incident: &Incident,
    progress: &RouteProgress,
    roster: &Roster,
    lang: Lang,
    zone: &Zone,
    now: DateTime<Utc>,
) -> Option<String> {
    let due = next_update_due(incident, progress, roster).filter(|d| *d >= now)?;
    Some(fill(
        lang,
        Msg::NextUpdate,
        &[
            ("due", &zone.clock(due, now)),
            ("left", &countdown(due - now)),
        ],
    ))
}

/// A report deadline for a narrow column: `14:32 in 2:00`, or `OVERDUE +3m` once passed.
/// The flag says it is overdue.
pub fn deadline_words(
    deadline: DateTime<Utc>,
    lang: Lang,
    zone: &Zone,
    now: DateTime<Utc>,
) -> (String, bool) {
    if deadline < now {
        let m = minutes_up(now - deadline).to_string();
        (fill(lang, Msg::OverdueBy, &[("m", &m)]), true)
    } else {
        let due = zone.clock(deadline, now);
        let left = countdown(deadline - now);
        (
            fill(lang, Msg::DueIn, &[("due", &due), ("left", &left)]),
            false,
        )
    }
}

/// The next action in plain words, e.g. "Next: call 佐藤 花子 (シフトリーダー) 090-… — due
/// 14:35, 4:12 left". Text from the roster and playbook is made safe.
pub fn sentence(
    action: &NextAction<'_>,
    incident: &Incident,
    lang: Lang,
    zone: &Zone,
    now: DateTime<Utc>,
) -> String {
    match action {
        NextAction::Call {
            contact,
            means,
            deadline,
            again,
            ..
        } => {
            let address = match means {
                Means::Phone => contact.primary_phone().unwrap_or_default(),
                Means::Email | Means::Chat => contact.email.as_str(),
            };
            let name = safe_line(&contact.name);
            let role = safe_line(&contact.role);
            let address = safe_line(address);
            let due = zone.clock(*deadline, now);
            let mut args = vec![
                ("means", i18n::means(lang, *means).to_string()),
                ("name", name),
                ("role", role),
                ("address", address),
                ("due", due),
            ];
            let msg = if *again {
                Msg::NextCallAgain
            } else if *deadline < now {
                args.push(("m", minutes_up(now - *deadline).to_string()));
                Msg::NextCallOverdue
            } else {
                args.push(("left", countdown(*deadline - now)));
                Msg::NextCall
            };
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            fill(lang, msg, &args)
        }
        NextAction::GiveUpdate { contact, due } => {
            let name = contact.map(|c| safe_line(&c.name)).unwrap_or_default();
            let address = contact
                .and_then(|c| c.primary_phone())
                .map(safe_line)
                .unwrap_or_default();
            fill(
                lang,
                Msg::NextGiveUpdate,
                &[
                    ("name", &name),
                    ("address", &address),
                    ("due", &zone.clock(*due, now)),
                    ("m", &minutes_up(now - *due).to_string()),
                ],
            )
        }
        NextAction::NobodyAvailable { level } => fill(
            lang,
            Msg::NextNobody,
            &[("level", &(level + 1).to_string())],
        ),
        NextAction::Step { index } => {
            let step = incident
                .checklist
                .get(*index)
                .map(|s| safe_line(s.text.get(lang)))
                .unwrap_or_default();
            fill(lang, Msg::NextStep, &[("step", &step)])
        }
        NextAction::Close => t(lang, Msg::NextClose).to_string(),
        NextAction::Closed => {
            let when = incident
                .closed_at
                .map(|c| zone.date_time(c))
                .unwrap_or_default();
            fill(lang, Msg::NextClosed, &[("when", &when)])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::incident::{AttemptOutcome, ContactAttempt, ResolvedRoute, Status};
    use crate::roster::RouteLevel;
    use crate::test_fixtures::{incident_at, t};
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
}
