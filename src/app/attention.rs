//! The desk's calls for attention, worked out on each tick from the model's rules
//! ([`shiftdesk_core::attention`]) and left as effects for the terminal loop to sound:
//! the app itself never writes to the terminal or runs a command.

use super::App;
use super::effects::Effect;
use chrono::{DateTime, Utc};
use shiftdesk_core::attention::{self, Called, Fact, Reason, Settings};
use shiftdesk_core::i18n::{Msg, fill, t};
use shiftdesk_core::incident::IncidentId;
use shiftdesk_core::text::safe_line;
use shiftdesk_store::ledger::SaveState;
use std::collections::BTreeMap;

/// How a call is heard: a bell (BEL), a desktop notification (OSC 9 and OSC 777), both, or
/// neither (`off`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Notify {
    pub bell: bool,
    pub osc: bool,
}

impl Default for Notify {
    /// The bell alone: every terminal and tmux understand it, and it never prints stray
    /// characters on a terminal that does not know OSC 9/777.
    fn default() -> Self {
        Notify {
            bell: true,
            osc: false,
        }
    }
}

impl Notify {
    /// A list like `bell,osc`, or `off`.
    pub fn parse(s: &str) -> Result<Notify, String> {
        let mut notify = Notify {
            bell: false,
            osc: false,
        };
        for part in s.split(',').map(|p| p.trim().to_ascii_lowercase()) {
            match part.as_str() {
                "bell" => notify.bell = true,
                "osc" => notify.osc = true,
                "off" | "none" => {}
                _ => {
                    return Err(format!(
                        "{part:?} is not a way to notify; use bell, osc or off"
                    ));
                }
            }
        }
        Ok(notify)
    }
}

/// The longest a notification's text may be, in characters.
const TEXT_MAX: usize = 120;
/// The longest an incident's title may be inside a notification, in characters.
const TITLE_MAX: usize = 48;

/// One call, as the terminal and a hook hear it: the text is safe (no control or bidi
/// characters) and short.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alert {
    pub incident: Option<String>,
    pub kind: &'static str,
    pub deadline: Option<DateTime<Utc>>,
    pub drill: bool,
    pub text: String,
}

/// What the desk has called, how it calls, and what it marks on screen.
#[derive(Debug, Clone, Default)]
pub struct Alerts {
    pub notify: Notify,
    pub settings: Settings,
    /// Inside tmux: notifications go through its passthrough.
    pub in_tmux: bool,
    /// `--on-alert`: the command and its arguments, run for each call.
    pub hook: Option<Vec<String>>,
    called: Called,
    /// The incidents that called, why, and how long their timeline was then: marked until
    /// someone acts on them.
    pub marks: BTreeMap<IncidentId, (Reason, usize)>,
}

/// At most `max` characters of `s`, with "…" when cut.
fn short(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

impl App {
    /// The incidents as they stand, to tell later what another desk raised.
    pub(super) fn attention_before(&self) -> Vec<attention::Before> {
        attention::snapshot(self.desk.incidents().incidents.iter().map(|i| i.as_ref()))
    }

    /// What another desk raised since `before`: open incidents of severity 1–2 it opened,
    /// escalated or reclassified to 1–2.
    pub(super) fn raised_since(&self, before: &[attention::Before]) -> Vec<Fact> {
        attention::raised_elsewhere(
            before,
            self.desk.incidents().incidents.iter().map(|i| i.as_ref()),
        )
    }

    /// Works out what calls now, leaves an [`Effect::Alert`] for each, and marks the
    /// incidents that called. `raised`: incidents another desk has just raised.
    pub(super) fn call_for_attention(&mut self, raised: Vec<Fact>) {
        let now = self.now;
        // Acted on since it called: the mark goes.
        let desk = &self.desk;
        self.alerts.marks.retain(|id, (_, seen)| {
            desk.incident(id).is_some_and(|i| {
                i.is_open() && !i.timeline.iter().skip(*seen).any(attention::is_action)
            })
        });
        let open: Vec<_> = self
            .desk
            .incidents()
            .incidents
            .iter()
            .map(|i| i.as_ref())
            .filter(|i| i.is_open())
            .collect();
        let mut facts = attention::deadline_facts(
            open.iter().copied(),
            self.desk.roster(),
            now,
            &self.alerts.settings,
        );
        facts.extend(attention::inject_facts(open.iter().copied(), now));
        facts.extend(raised);
        let not_saved = match self.desk.save_state() {
            SaveState::NotSaved(why) => Some(why),
            _ => None,
        };
        if not_saved.is_some() {
            facts.push(Fact {
                incident: None,
                reason: Reason::NotSaved,
                deadline: None,
                last_action: None,
                drill: false,
            });
        }
        // Typing in a form over an incident (open, or beneath the guide it opened): that
        // incident does not call. The form's draft names the incident it is about.
        let typing = self
            .ui
            .layers
            .from_top()
            .find_map(|l| l.draft(now).and_then(|d| d.incident));
        let calls = attention::calls(
            facts,
            now,
            &mut self.alerts.called,
            &self.alerts.settings,
            typing.as_ref(),
        );
        for call in calls {
            let text = self.alert_text(&call, not_saved.as_deref().unwrap_or(""));
            if let Some(id) = &call.incident {
                let seen = self.desk.incident(id).map_or(0, |i| i.timeline.len());
                self.alerts.marks.insert(id.clone(), (call.reason, seen));
            }
            self.effects.push(Effect::Alert(Alert {
                incident: call.incident.as_ref().map(|i| i.0.clone()),
                kind: call.reason.id(),
                deadline: call.deadline,
                drill: call.drill,
                text,
            }));
        }
    }

    fn alert_text(&self, call: &Fact, why: &str) -> String {
        let lang = self.lang();
        let inc = call.incident.as_ref().and_then(|id| self.desk.incident(id));
        let id = call
            .incident
            .as_ref()
            .map(|i| i.0.clone())
            .unwrap_or_default();
        let title = inc
            .map(|i| short(&safe_line(&i.title), TITLE_MAX))
            .unwrap_or_default();
        let minutes = call
            .deadline
            .map(|d| ((d - self.now).num_seconds() + 59) / 60)
            .unwrap_or(0)
            .max(0)
            .to_string();
        let severity = inc
            .map(|i| i.severity.number().to_string())
            .unwrap_or_default();
        let text = match call.reason {
            Reason::DeadlineSoon => fill(
                lang,
                Msg::AlertDeadlineSoon,
                &[("id", &id), ("minutes", &minutes), ("title", &title)],
            ),
            Reason::Overdue => fill(lang, Msg::AlertOverdue, &[("id", &id), ("title", &title)]),
            Reason::InjectDue => fill(lang, Msg::AlertInjectDue, &[("id", &id), ("title", &title)]),
            Reason::RaisedElsewhere => fill(
                lang,
                Msg::AlertRaisedElsewhere,
                &[("id", &id), ("severity", &severity), ("title", &title)],
            ),
            Reason::NotSaved => fill(lang, Msg::AlertNotSaved, &[("why", &safe_line(why))]),
        };
        let text = if call.drill {
            format!("{} {text}", t(lang, Msg::AlertDrillMark))
        } else {
            text
        };
        short(&safe_line(&text), TEXT_MAX)
    }
}
