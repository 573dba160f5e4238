//! `shiftdesk status`: where the open incidents stand, in one short line for a tmux status
//! bar (`2 open · OVERDUE INC-0003 +3m`), a plain line, or JSON. Made from the live
//! incidents only: the history is never read for it.

use crate::clock::{Zone, minutes_up};
use crate::escalation::route_progress;
use crate::i18n::{Lang, Msg, fill};
use crate::incident::Incident;
use crate::next_action::{deadline_words, next_deadline};
use crate::roster::Roster;
use crate::text::safe_line;
use chrono::{DateTime, Utc};

/// One incident with a deadline, as the line names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    pub id: String,
    pub deadline: DateTime<Utc>,
}

/// Where the open incidents stand at one moment.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StatusSummary {
    /// Open live incidents (drills left out).
    pub open: usize,
    /// Open drills.
    pub drills: usize,
    /// Live incidents whose next deadline passed, the longest overdue first.
    pub overdue: Vec<Due>,
    /// The soonest deadline still to come among live incidents, when none is overdue.
    pub next: Option<Due>,
    pub now: DateTime<Utc>,
}

impl StatusSummary {
    pub fn of<'a>(
        incidents: impl IntoIterator<Item = &'a Incident>,
        roster: &Roster,
        now: DateTime<Utc>,
    ) -> StatusSummary {
        let mut summary = StatusSummary {
            now,
            ..StatusSummary::default()
        };
        let mut coming: Vec<Due> = Vec::new();
        for incident in incidents.into_iter().filter(|i| i.is_open()) {
            if incident.drill {
                summary.drills += 1;
                continue;
            }
            summary.open += 1;
            let progress = route_progress(incident, roster, now);
            if let Some(deadline) = next_deadline(incident, &progress, roster, now) {
                let due = Due {
                    id: incident.id.to_string(),
                    deadline,
                };
                if deadline < now {
                    summary.overdue.push(due);
                } else {
                    coming.push(due);
                }
            }
        }
        summary
            .overdue
            .sort_by(|a, b| (a.deadline, &a.id).cmp(&(b.deadline, &b.id)));
        if summary.overdue.is_empty() {
            summary.next = coming
                .into_iter()
                .min_by(|a, b| (a.deadline, &a.id).cmp(&(b.deadline, &b.id)));
        }
        summary
    }

    /// The pieces of the line, each with whether it is an alarm (overdue), in order.
    fn pieces(&self, lang: Lang, zone: &Zone) -> Vec<(String, bool)> {
        let mut pieces = vec![(
            fill(lang, Msg::StatusLineOpen, &[("n", &self.open.to_string())]),
            false,
        )];
        if let Some(first) = self.overdue.first() {
            let m = minutes_up(self.now - first.deadline).to_string();
            let words = fill(
                lang,
                Msg::StatusLineOverdue,
                &[("id", &safe_line(&first.id)), ("m", &m)],
            );
            let words = match self.overdue.len() - 1 {
                0 => words,
                more => fill(
                    lang,
                    Msg::StatusLineMoreOverdue,
                    &[("first", &words), ("n", &more.to_string())],
                ),
            };
            pieces.push((words, true));
        } else if let Some(next) = &self.next {
            let (due, _) = deadline_words(next.deadline, lang, zone, self.now);
            let words = fill(
                lang,
                Msg::StatusLineNext,
                &[("id", &safe_line(&next.id)), ("due", &due)],
            );
            pieces.push((words, false));
        }
        if self.drills > 0 {
            let words = fill(
                lang,
                Msg::StatusLineDrills,
                &[("n", &self.drills.to_string())],
            );
            pieces.push((words, false));
        }
        pieces
    }

    /// `2 open · OVERDUE INC-0003 +3m`: plain text, safe to print.
    pub fn line(&self, lang: Lang, zone: &Zone) -> String {
        let pieces: Vec<String> = self
            .pieces(lang, zone)
            .into_iter()
            .map(|(w, _)| w)
            .collect();
        pieces.join(" · ")
    }

    /// The line in tmux's format: overdue in red (or, with `colour` false, in reverse
    /// video: still seen without colour), the rest as the bar has it. Every piece is made
    /// safe for tmux: `#` doubled so no text can start a tmux format or command.
    pub fn tmux(&self, lang: Lang, zone: &Zone, colour: bool) -> String {
        let alarm = if colour {
            "#[fg=white,bg=red,bold]"
        } else {
            "#[reverse,bold]"
        };
        let pieces: Vec<String> = self
            .pieces(lang, zone)
            .into_iter()
            .map(|(words, alarming)| {
                let words = tmux_safe(&words);
                if alarming {
                    format!("{alarm}{words}#[default]")
                } else {
                    words
                }
            })
            .collect();
        pieces.join(" · ")
    }

    /// For scripts: counts, the overdue ones with minutes, the next deadline.
    pub fn json(&self) -> serde_json::Value {
        let overdue: Vec<serde_json::Value> = self
            .overdue
            .iter()
            .map(|d| {
                serde_json::json!({
                    "id": d.id,
                    "deadline": d.deadline,
                    "overdue_minutes": minutes_up(self.now - d.deadline),
                })
            })
            .collect();
        serde_json::json!({
            "open": self.open,
            "drills": self.drills,
            "overdue": overdue,
            "next": self.next.as_ref().map(|d| serde_json::json!({
                "id": d.id,
                "deadline": d.deadline,
            })),
            "at": self.now,
        })
    }
}

/// Text for tmux's status line: safe as any line shown (no control or bidi characters),
/// and `#` doubled, so `#[…]`, `#(…)` and `#{…}` in a title are printed, not run.
pub fn tmux_safe(text: &str) -> String {
    safe_line(text).replace('#', "##")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hostile_title_is_inert_in_tmux() {
        let out = tmux_safe("#[fg=red]#(rm -rf ~)\u{1b}[31m\u{202E}x");
        assert_eq!(out, "##[fg=red]##(rm -rf ~)\u{FFFD}[31mx");
        // Every `#` is doubled: none is left alone to begin a format.
        assert!(!out.replace("##", "").contains('#'));
    }

    #[test]
    fn nothing_open_is_zero_open() {
        let now = "2026-11-29T05:30:00Z".parse().unwrap();
        let s = StatusSummary::of([], &Roster::default(), now);
        assert_eq!(s.line(Lang::En, &Zone::Named(chrono_tz::UTC)), "0 open");
        assert_eq!(s.line(Lang::Ja, &Zone::Named(chrono_tz::UTC)), "未完了 0件");
        assert_eq!(
            s.tmux(Lang::En, &Zone::Named(chrono_tz::UTC), true),
            "0 open"
        );
    }
}
