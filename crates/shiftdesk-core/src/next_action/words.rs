//! The next action and the deadlines in words: the Next line, the countdown cells.

use super::NextAction;
use crate::clock::{Zone, countdown, minutes_up};
use crate::escalation::{RouteProgress, next_update_due};
use crate::i18n::{self, Lang, Msg, fill, fill_owned, t};
use crate::incident::Incident;
use crate::obligation::days_words;
use crate::roster::{Contact, Means, Roster};
use crate::text::safe_line;
use chrono::{DateTime, Utc};

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

/// What an incident is due next, for a narrow column (as [`deadline_words`]): with nobody
/// reached, how late the first report is once the first deadline passed — whatever level
/// the route went up to since — else the current level's deadline; after the report, the
/// next status update. None when nothing is due.
pub fn due_words(
    incident: &Incident,
    progress: &RouteProgress,
    roster: &Roster,
    lang: Lang,
    zone: &Zone,
    now: DateTime<Utc>,
) -> Option<(String, bool)> {
    next_deadline(incident, progress, roster, now).map(|d| deadline_words(d, lang, zone, now))
}

/// The deadline [`due_words`] tells: the first report's once it passed with nobody reached,
/// else the current level's, else the next status update. None when nothing is due.
pub fn next_deadline(
    incident: &Incident,
    progress: &RouteProgress,
    roster: &Roster,
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    let late_first = progress
        .first_report_late_by(now)
        .and(progress.first_deadline());
    late_first
        .or_else(|| progress.current_deadline())
        .or_else(|| next_update_due(incident, progress, roster))
}

/// How much of what an obligation is the Next line shows, in columns.
const OBLIGATION_COLUMNS: usize = 32;

/// The address to reach a contact by the means given.
fn address(contact: &Contact, means: Means) -> &str {
    match means {
        Means::Phone => contact.primary_phone().unwrap_or_default(),
        Means::Email | Means::Chat => contact.email.as_str(),
    }
}

/// `not called yet: 佐藤 花子 090-… (L1) and 2 more`: who below was not called.
fn not_called_words(not_called: &[(usize, &Contact)], lang: Lang) -> Option<String> {
    let (level, first) = not_called.first()?;
    let who = fill(
        lang,
        Msg::NextNotCalledWho,
        &[
            ("name", &safe_line(&first.name)),
            (
                "address",
                &safe_line(first.primary_phone().unwrap_or(&first.email)),
            ),
            ("level", &i18n::level(lang, *level)),
        ],
    );
    let who = match not_called.len() - 1 {
        0 => who,
        more => fill(
            lang,
            Msg::NextNotCalledMore,
            &[("who", &who), ("n", &more.to_string())],
        ),
    };
    Some(fill(lang, Msg::NextNotCalled, &[("who", &who)]))
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
            level,
            means,
            deadline,
            first_late,
            again,
            not_called,
        } => {
            let mut args = vec![
                ("means", i18n::means(lang, *means).to_string()),
                ("name", safe_line(&contact.name)),
                ("role", safe_line(&contact.role)),
                ("address", safe_line(address(contact, *means))),
            ];
            let msg = match (again, first_late) {
                (true, _) => Msg::NextCallAgain,
                (false, Some(first)) => {
                    args.push(("due", zone.clock(*first, now)));
                    args.push(("m", minutes_up(now - *first).to_string()));
                    // On the first level its deadline is the first report's.
                    if *level == 0 {
                        Msg::NextCallOverdue
                    } else {
                        Msg::NextCallFirstLate
                    }
                }
                (false, None) if *deadline < now => {
                    args.push(("due", zone.clock(*deadline, now)));
                    args.push(("m", minutes_up(now - *deadline).to_string()));
                    Msg::NextCallOverdue
                }
                (false, None) => {
                    args.push(("due", zone.clock(*deadline, now)));
                    args.push(("left", countdown(*deadline - now)));
                    Msg::NextCall
                }
            };
            let mut text = fill_owned(lang, msg, &args);
            if let Some(below) = not_called_words(not_called, lang) {
                text.push_str(" · ");
                text.push_str(&below);
            }
            text
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
        NextAction::Obligation { index } => match incident.obligations.get(*index) {
            Some(o) => {
                // What it is, cut: the guide's words are a paragraph, the line has two rows.
                let what = safe_line(o.what.get(lang));
                let (left, _) = days_words(o.due, lang, zone, now);
                fill(
                    lang,
                    Msg::NextObligation,
                    &[
                        ("left", &left),
                        ("to", &safe_line(o.to.get(lang))),
                        ("what", &crate::wrap::cut(&what, OBLIGATION_COLUMNS)),
                    ],
                )
            }
            None => t(lang, Msg::NextClose).to_string(),
        },
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
