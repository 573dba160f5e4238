//! The timeline: every change to an incident, stamped, append-only.

use crate::change::ChangeId;
use crate::checklist::DoneVia;
use crate::clock::Zone;
use crate::drill::Answer;
use crate::i18n::{self, Lang, Msg, fill, t};
use crate::incident::{AttemptOutcome, Incident};
use crate::obligation::Known;
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
    /// The route went one level up because the level's time ran out with nobody reached.
    MovedUpByTime,
    /// A measure against recurrence added on its own (a follow-up to a readiness check).
    MeasureAdded,
    /// A step was marked as not applying (the text is the reason, if one was given).
    StepNotApplicable,
    /// A step marked as not applying was taken back: it is open again.
    StepApplicable,
    /// A condition of the guide was answered (in the scope form).
    ConditionAnswered,
    /// An obligation with its own clock arose: its condition holds.
    ObligationArose,
    ObligationDone,
    /// An obligation marked done was marked not done again.
    ObligationReopened,
    /// Its condition was answered no: the obligation no longer stands.
    ObligationWithdrawn,
    /// Its condition holds again: the obligation withdrawn stands again, on its first clock.
    ObligationReinstated,
    /// What was decided about an out-of-scope request.
    ScopeDecided,
    /// The kind changed (the text: the kinds' ids and the reason); the new kind's steps were
    /// added, those already done kept.
    KindChanged,
    /// A level's rotation resolved to the person on duty (or to nobody) as the level became
    /// the one to call.
    OnDutyResolved,
}

/// What a merge of changes made apart (on desks cut off from each other) says of an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MergeMark {
    /// Added to the incident after it was closed (by a desk that had not seen the close).
    AfterClose,
    /// A close, reopen or end of a drill made without having seen another one that left
    /// the incident otherwise: the desk shows the conflict until a later one settles it.
    Conflict,
    /// A value (a step's state, the scope, the classification…) set without having seen
    /// another one set at the same time, which it replaced; that one stays in the timeline.
    Overrode,
    /// A change that could not be applied to the incident as merged (the text says why).
    NotApplied,
}

/// What an entry about a duty or a decision is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum About {
    /// A condition of the guide and the answer given.
    Condition { id: String, answer: Known },
    /// An obligation on the incident (its id).
    Obligation { id: String },
    /// A decision on an out-of-scope request (its index in the incident's decisions).
    Decision { index: usize },
    /// Whom a level's rotation resolved to; `fallback`: the level has fixed contacts to
    /// call when nobody is on duty.
    OnDuty {
        pick: Box<crate::roster::rotation::OnDutyPick>,
        fallback: bool,
    },
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
    /// Minutes the entry is about: how far a drill's clock jumped, or how long a level had
    /// before the route went up by time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<i64>,
    /// The readiness check (its id) this entry answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check: Option<String>,
    /// The action that checked the step this entry is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<DoneVia>,
    /// The condition, obligation or decision this entry is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<About>,
    /// The change that wrote this entry: a change whose id is on its incident is not
    /// applied again. None on entries written before changes had ids.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_id: Option<ChangeId>,
    /// What a merge of changes made apart on other desks says of this entry (None: nothing,
    /// and for every entry of a desk that is not synced).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merge: Option<MergeMark>,
    /// The desk the change was made at: its code on a shared board (the host's name on a
    /// desk on its own). None on entries written before desks were named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desk: Option<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl EntryKind {
    /// An entry of a change of status: closed (with or without review), reopened, or a
    /// drill ended.
    pub fn is_status(self) -> bool {
        matches!(
            self,
            EntryKind::Closed
                | EntryKind::ClosedWithoutReview
                | EntryKind::Reopened
                | EntryKind::DrillEnded
        )
    }
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
            minutes: None,
            check: None,
            via: None,
            about: None,
            change_id: None,
            merge: None,
            desk: None,
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

    pub fn with_about(mut self, about: About) -> Self {
        self.about = Some(about);
        self
    }

    pub fn with_via(mut self, via: &DoneVia) -> Self {
        if let DoneVia::Reaching(contact) = via {
            self.contact = Some(contact.clone());
        }
        self.via = Some(via.clone());
        self
    }
}

/// How a step was checked by an action, in words: "by reaching 佐藤 花子", "by saving the
/// scope"… Contacts are named from the roster where they are in it. Made safe for display.
pub fn via_words(via: &DoneVia, roster: &Roster, lang: Lang) -> String {
    let msg = match via {
        DoneVia::Reaching(contact) => {
            let name = roster
                .contact(contact)
                .map_or(contact.as_str(), |c| &c.name);
            return i18n::fill(lang, i18n::Msg::ViaReaching, &[("name", &safe_line(name))]);
        }
        DoneVia::ScopeSaved => i18n::Msg::ViaScope,
        DoneVia::InterimAction => i18n::Msg::ViaInterimAction,
        DoneVia::ReviewSaved => i18n::Msg::ViaReview,
        DoneVia::ScopeDecided => i18n::Msg::ViaDecision,
    };
    i18n::t(lang, msg).to_string()
}

/// An entry in words: its kind, the step, level, contact and outcome it is about, and its
/// text. Contacts are named from the roster where they are in it. Made safe for display.
pub fn describe(
    entry: &TimelineEntry,
    incident: &Incident,
    roster: &Roster,
    lang: Lang,
    zone: &Zone,
) -> String {
    // Worded only where shown: a change not applied is told by its text alone.
    let said = || describe_change(entry, incident, roster, lang, zone);
    match entry.merge {
        // The text is the change and why it could not apply.
        Some(MergeMark::NotApplied) => fill(
            lang,
            Msg::MergeNotApplied,
            &[("why", &safe_line(&entry.text))],
        ),
        None => said(),
        Some(MergeMark::AfterClose) => format!("[{}] {}", t(lang, Msg::MergeAfterClose), said()),
        Some(MergeMark::Conflict) => format!("{} {}", t(lang, Msg::MergeConflictTag), said()),
        Some(MergeMark::Overrode) => format!("{} — {}", said(), t(lang, Msg::MergeOverrode)),
    }
}

/// An entry in words, without what a merge says of it.
fn describe_change(
    entry: &TimelineEntry,
    incident: &Incident,
    roster: &Roster,
    lang: Lang,
    zone: &Zone,
) -> String {
    let mut parts = vec![i18n::entry_kind(lang, entry.kind).to_string()];
    if let Some(told) = told_in_words(entry, incident, roster, lang, zone) {
        if !told.is_empty() {
            parts.push(told);
        }
        return parts.join(" ");
    }
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
        parts.push(i18n::level(lang, level));
    }
    match &entry.via {
        // The contact is named in the words of how the step was checked.
        Some(via) => parts.push(format!("— {}", via_words(via, roster, lang))),
        None => {
            if let Some(contact) = &entry.contact {
                let name = roster
                    .contact(contact)
                    .map_or(contact.as_str(), |c| &c.name);
                parts.push(safe_line(name));
            }
        }
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

/// The details of the entries whose data say more than their text: a move up the route by
/// time, a jump of a drill's clock, the route resolved (by its name, not its id), a
/// readiness check answered (by its words). None for the others.
fn told_in_words(
    entry: &TimelineEntry,
    incident: &Incident,
    roster: &Roster,
    lang: Lang,
    zone: &Zone,
) -> Option<String> {
    match entry.kind {
        EntryKind::MovedUpByTime => {
            let to = entry.level?;
            Some(fill(
                lang,
                Msg::EntryMovedUp,
                &[
                    ("from", &i18n::level(lang, to.saturating_sub(1))),
                    ("m", &entry.minutes.unwrap_or(0).to_string()),
                    ("to", &i18n::level(lang, to)),
                ],
            ))
        }
        EntryKind::DrillJump => Some(jump_minutes(entry).map_or_else(
            || safe_line(&entry.text),
            |m| fill(lang, Msg::EntryJumpedBy, &[("m", &m.to_string())]),
        )),
        EntryKind::RouteResolved => Some(safe_line(&route_name(&entry.text, incident, roster))),
        EntryKind::OnDutyResolved => match entry.about.as_ref()? {
            About::OnDuty { pick, fallback } => Some(format!(
                "{} {}",
                i18n::level(lang, entry.level.unwrap_or(0)),
                pick.words(roster, *fallback, lang, zone)
            )),
            _ => None,
        },
        EntryKind::ReadinessCheck => {
            let (check, note) = check_and_note(entry, incident);
            let words = incident
                .drill_run
                .as_ref()
                .and_then(|r| r.checks.iter().find(|c| c.id == check))
                .map_or(check, |c| c.text.get(lang));
            let mut out = format!("«{}»", safe_line(words));
            if !note.trim().is_empty() {
                out.push_str(&format!(" — {}", safe_line(note)));
            }
            if let Some(answer) = entry.answer {
                out.push_str(&format!(" → {}", i18n::answer(lang, answer)));
            }
            Some(out)
        }
        _ => duties::about_words(entry, incident, roster, lang),
    }
}

/// How many minutes a drill's clock jumped: the entry's `minutes`, or for an entry written
/// before it had them, its text (`+3 min`).
pub fn jump_minutes(entry: &TimelineEntry) -> Option<i64> {
    entry.minutes.or_else(|| {
        entry
            .text
            .trim()
            .strip_prefix('+')?
            .strip_suffix("min")?
            .trim()
            .parse()
            .ok()
    })
}

/// A route by its name, as the incident or the roster has it; its id when neither knows it.
fn route_name(id: &str, incident: &Incident, roster: &Roster) -> String {
    let named = |name: &str| (!name.trim().is_empty()).then(|| name.to_string());
    incident
        .route
        .as_ref()
        .filter(|r| r.route_id == id)
        .and_then(|r| named(&r.name))
        .or_else(|| {
            roster
                .routes
                .iter()
                .find(|r| r.id == id)
                .and_then(|r| named(&r.name))
        })
        .unwrap_or_else(|| id.to_string())
}

/// The readiness check an answer is about and its note: the entry's `check` and text, or
/// for an entry written before it had one, its text (`id` or `id — note`).
fn check_and_note<'e>(entry: &'e TimelineEntry, incident: &'e Incident) -> (&'e str, &'e str) {
    if let Some(check) = &entry.check {
        return (check, &entry.text);
    }
    let known = incident
        .drill_run
        .iter()
        .flat_map(|r| r.checks.iter())
        .find_map(|c| {
            let rest = entry.text.strip_prefix(c.id.as_str())?;
            if rest.is_empty() {
                Some((c.id.as_str(), ""))
            } else {
                rest.strip_prefix(" — ").map(|note| (c.id.as_str(), note))
            }
        });
    known.unwrap_or((entry.text.as_str(), ""))
}

mod duties;
#[cfg(test)]
mod tests;

/// Who made an entry, and where when it was at another desk than `own` (this desk's code on
/// a shared board; None: desks are not told apart). Made safe for display.
pub fn who(entry: &TimelineEntry, own: Option<&str>) -> String {
    let by = safe_line(&entry.by);
    match (own, entry.desk.as_deref()) {
        (Some(own), Some(desk)) if desk != own => format!("{by} ({})", safe_line(desk)),
        _ => by,
    }
}

/// A timeline line: when, [`who`] and [`describe`], two spaces apart. Made safe for display.
pub fn entry_line(
    entry: &TimelineEntry,
    incident: &Incident,
    roster: &Roster,
    own: Option<&str>,
    lang: Lang,
    zone: &Zone,
) -> String {
    format!(
        "{}  {}  {}",
        zone.date_time(entry.at),
        who(entry, own),
        describe(entry, incident, roster, lang, zone)
    )
}
