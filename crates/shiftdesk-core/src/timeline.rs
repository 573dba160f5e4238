//! The timeline: every change to an incident, stamped, append-only.

use crate::change::ChangeId;
use crate::drill::Answer;
use crate::i18n::{self, Lang};
use crate::incident::{AttemptOutcome, Incident};
use crate::record::Effect;
use crate::roster::Roster;
use crate::text::safe_line;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    Opened,
    StepChecked,
    StepUnchecked,
    StepNote,
    Note,
    RouteResolved,
    Attempt,
    Escalated,
    UpdateSent,
    SeverityChanged,
    CategoryChanged,
    Closed,
    ClosedWithoutReview,
    Reopened,
    ScopeUpdated,
    Consulted,
    InterimAction,
    ReviewSaved,
    MeasureDone,
    MeasureReopened,
    DrillStarted,
    Inject,
    DrillJump,
    ReadinessCheck,
    DrillEnded,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub at: DateTime<Utc>,
    pub by: String,
    pub kind: EntryKind,
    /// Free text: what a person wrote, or the details of what happened.
    #[serde(default)]
    pub text: String,
    /// The checklist step this entry is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<String>,
    /// The contact this entry is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// The route level this entry is about (0 is the first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<usize>,
    /// What came of a call attempt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<AttemptOutcome>,
    /// What came of an interim action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effect: Option<Effect>,
    /// The drill inject this entry announces (index into the drill's injects).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inject: Option<usize>,
    /// The answer to a readiness check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<Answer>,
    /// The change that wrote this entry: a change whose id is on its incident is not
    /// applied again. None on entries written before changes had ids.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_id: Option<ChangeId>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl TimelineEntry {
    pub fn new(at: DateTime<Utc>, by: &str, kind: EntryKind, text: impl Into<String>) -> Self {
        TimelineEntry {
            at,
            by: by.to_string(),
            kind,
            text: text.into(),
            step: None,
            contact: None,
            level: None,
            outcome: None,
            effect: None,
            inject: None,
            answer: None,
            change_id: None,
            extra: Map::new(),
        }
    }

    pub fn with_step(mut self, step: &str) -> Self {
        self.step = Some(step.to_string());
        self
    }

    pub fn with_contact(mut self, contact: &str) -> Self {
        self.contact = Some(contact.to_string());
        self
    }

    pub fn with_level(mut self, level: usize) -> Self {
        self.level = Some(level);
        self
    }

    pub fn with_outcome(mut self, outcome: AttemptOutcome) -> Self {
        self.outcome = Some(outcome);
        self
    }

    pub fn with_effect(mut self, effect: Effect) -> Self {
        self.effect = Some(effect);
        self
    }
}

/// An entry in words: its kind, the step, level, contact and outcome it is about, and its
/// text. Contacts are named from the roster where they are in it. Made safe for display.
pub fn describe(entry: &TimelineEntry, incident: &Incident, roster: &Roster, lang: Lang) -> String {
    let mut parts = vec![i18n::entry_kind(lang, entry.kind).to_string()];
    if let Some(inject) = entry
        .inject
        .and_then(|i| incident.drill_run.as_ref()?.injects.get(i))
    {
        parts.push(format!(
            "T+{} {}",
            inject.at_minutes,
            safe_line(inject.text.get(lang))
        ));
    }
    if let Some(step) = &entry.step {
        let text = incident
            .step(step)
            .map_or(step.as_str(), |s| s.text.get(lang));
        parts.push(format!("«{}»", safe_line(text)));
    }
    if let Some(level) = entry.level {
        let n = (level + 1).to_string();
        parts.push(i18n::fill(lang, i18n::Msg::DocLevelN, &[("n", &n)]));
    }
    if let Some(contact) = &entry.contact {
        let name = roster
            .contact(contact)
            .map_or(contact.as_str(), |c| &c.name);
        parts.push(safe_line(name));
    }
    if let Some(outcome) = entry.outcome {
        parts.push(format!("— {}", i18n::outcome(lang, outcome)));
    }
    if !entry.text.is_empty() {
        parts.push(safe_line(&entry.text));
    }
    if let Some(effect) = entry.effect {
        parts.push(format!("→ {}", i18n::effect(lang, effect)));
    }
    if let Some(answer) = entry.answer {
        parts.push(format!("→ {}", i18n::answer(lang, answer)));
    }
    parts.join(" ")
}
