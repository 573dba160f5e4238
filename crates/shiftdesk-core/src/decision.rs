//! What was decided about an out-of-scope request: accepted as an exception (and who
//! approved it), declined (and what the requester was told), or forwarded (and to whom) —
//! with the request as the team's scope definition names it and the rule of it that
//! applied. The words of the scope definition are copied when the decision is recorded, so
//! the record keeps saying what applied then.

use crate::Category;
use crate::guide::{ForwardTo, Guide, NotHandled};
use crate::i18n::{Lang, Msg, fill, t};
use crate::playbook::Bilingual;
use crate::roster::Roster;
use crate::text::safe_line;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A kind of request the scope definition does not handle, as it was when decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScopeRequest {
    /// The id of the `does_not_handle` entry.
    pub id: String,
    pub request: Bilingual,
    /// The line of the scope definition that applies.
    pub rule: Bilingual,
}

/// Where a forwarded request went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ForwardedTo {
    /// A contact of the roster: its id, and its name as the roster had it then.
    Contact { contact: String, name: String },
    /// A team, as the scope definition names it, and how to reach it.
    Team {
        team: Bilingual,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        how: Option<Bilingual>,
    },
    /// Someone the operator named: the request was not one the scope definition lists.
    Named { name: String },
}

impl ForwardedTo {
    /// Where the scope definition forwards an entry's requests.
    pub fn of(to: &ForwardTo, roster: &Roster) -> ForwardedTo {
        match to {
            ForwardTo::Contact(id) => ForwardedTo::Contact {
                contact: id.clone(),
                name: roster
                    .contact(id)
                    .map_or_else(|| id.clone(), |c| c.name.clone()),
            },
            ForwardTo::Team { team, how } => ForwardedTo::Team {
                team: Bilingual {
                    ja: team.ja.clone(),
                    en: team.en.clone(),
                },
                how: how.as_ref().map(|h| Bilingual {
                    ja: h.ja.clone(),
                    en: h.en.clone(),
                }),
            },
        }
    }

    /// In words, made safe: the contact's name (role and number where the roster still
    /// has them), the team and how to reach it, or the name given.
    pub fn words(&self, roster: &Roster, lang: Lang) -> String {
        match self {
            ForwardedTo::Contact { contact, name } => match roster.contact(contact) {
                Some(c) => {
                    let mut words = safe_line(&c.name);
                    if !c.role.trim().is_empty() {
                        words.push_str(&format!(" ({})", safe_line(&c.role)));
                    }
                    if let Some(phone) = c.primary_phone() {
                        words.push_str(&format!(" {}", safe_line(phone)));
                    }
                    words
                }
                None => safe_line(name),
            },
            ForwardedTo::Team { team, how } => match how {
                Some(how) => format!(
                    "{} — {}",
                    safe_line(team.get(lang)),
                    safe_line(how.get(lang))
                ),
                None => safe_line(team.get(lang)),
            },
            ForwardedTo::Named { name } => safe_line(name),
        }
    }
}

/// The three ways an out-of-scope request is settled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "decision", rename_all = "snake_case")]
pub enum DecisionOutcome {
    /// Handled although out of scope, with someone's approval.
    Accepted { approved_by: String },
    /// Not handled: what the requester was told.
    Declined { told: String },
    /// Passed on; a note of what was handed over (may be empty).
    Forwarded {
        to: ForwardedTo,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        note: String,
    },
}

/// The kinds of outcome, for a picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutcomeKind {
    Forwarded,
    Declined,
    Accepted,
}

impl OutcomeKind {
    /// As a picker offers them: forwarding, the usual, first.
    pub const ALL: [OutcomeKind; 3] = [
        OutcomeKind::Forwarded,
        OutcomeKind::Declined,
        OutcomeKind::Accepted,
    ];

    pub fn words(self, lang: Lang) -> &'static str {
        t(
            lang,
            match self {
                OutcomeKind::Forwarded => Msg::DecisionForwarded,
                OutcomeKind::Declined => Msg::DecisionDeclined,
                OutcomeKind::Accepted => Msg::DecisionAccepted,
            },
        )
    }
}

impl DecisionOutcome {
    pub fn kind(&self) -> OutcomeKind {
        match self {
            DecisionOutcome::Accepted { .. } => OutcomeKind::Accepted,
            DecisionOutcome::Declined { .. } => OutcomeKind::Declined,
            DecisionOutcome::Forwarded { .. } => OutcomeKind::Forwarded,
        }
    }

    /// What was decided, in a line: "forwarded to 渡辺 結衣 (…)", "declined: told …",
    /// "accepted as an exception, approved by …". Made safe.
    pub fn words(&self, roster: &Roster, lang: Lang) -> String {
        match self {
            DecisionOutcome::Accepted { approved_by } => fill(
                lang,
                Msg::DecisionAcceptedBy,
                &[("who", &safe_line(approved_by))],
            ),
            DecisionOutcome::Declined { told } => fill(
                lang,
                Msg::DecisionDeclinedTold,
                &[("told", &safe_line(told))],
            ),
            DecisionOutcome::Forwarded { to, note } => {
                let to = to.words(roster, lang);
                if note.trim().is_empty() {
                    fill(lang, Msg::DecisionForwardedTo, &[("to", &to)])
                } else {
                    fill(
                        lang,
                        Msg::DecisionForwardedToNote,
                        &[("to", &to), ("note", &safe_line(note))],
                    )
                }
            }
        }
    }
}

/// A decision as recorded on the incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScopeDecision {
    pub at: DateTime<Utc>,
    pub by: String,
    /// The request as the scope definition lists it; None when it lists none that fits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request: Option<ScopeRequest>,
    pub outcome: DecisionOutcome,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ScopeDecision {
    /// The decision and the rule that applied, in lines: what was decided, then the request
    /// and the rule (or that the scope definition names none). Made safe.
    pub fn lines(&self, roster: &Roster, lang: Lang) -> Vec<String> {
        let mut out = vec![self.outcome.words(roster, lang)];
        match &self.request {
            Some(r) => {
                out.push(fill(
                    lang,
                    Msg::DecisionRequest,
                    &[("request", &safe_line(r.request.get(lang)))],
                ));
                out.push(fill(
                    lang,
                    Msg::DecisionRule,
                    &[("rule", &safe_line(r.rule.get(lang)))],
                ));
            }
            None => out.push(t(lang, Msg::DecisionNoRule).to_string()),
        }
        out
    }
}

/// A decision as the form gives it (who and when come with the change).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionInput {
    #[serde(default)]
    pub request: Option<ScopeRequest>,
    pub outcome: DecisionOutcome,
}

impl DecisionInput {
    /// Whether a decision recorded says the same.
    pub fn same_as(&self, d: &ScopeDecision) -> bool {
        self.request == d.request && self.outcome == d.outcome
    }
}

impl ScopeRequest {
    pub fn of(entry: &NotHandled) -> ScopeRequest {
        ScopeRequest {
            id: entry.id.clone(),
            request: Bilingual {
                ja: entry.request.ja.clone(),
                en: entry.request.en.clone(),
            },
            rule: Bilingual {
                ja: entry.rule.ja.clone(),
                en: entry.rule.en.clone(),
            },
        }
    }
}

/// Whether decisions are recorded for incidents of this category.
pub fn decided_for(category: Category) -> bool {
    category == Category::OutOfScope
}

/// The requests the scope definition does not handle, in its order (none without one).
pub fn requests(guide: &Guide) -> &[NotHandled] {
    guide.scope.as_ref().map_or(&[], |s| &s.does_not_handle)
}
