//! Every lasting change to the desk, as data. A change carries everything it needs, so the
//! store can apply the same change again to a fresher state written by another desk; it
//! travels in a [`Stamped`] envelope whose id makes applying it twice change nothing.

mod drill;
mod duties;
mod new_incident;
mod record;
mod route;
mod stamped;
mod step;
use crate::decision::DecisionInput;
use crate::desk::IncidentsFile;
use crate::drill::Answer;
use crate::i18n::{Lang, Msg, t};
use crate::incident::{AttemptOutcome, Incident, IncidentId, Status};
use crate::obligation::ConditionInput;
use crate::record::{Effect, NewMeasure, ReviewInput, Scope};
use crate::roster::rotation::OnDutyPick;
use crate::timeline::{EntryKind, TimelineEntry};
use chrono::{DateTime, Utc};
pub use new_incident::{NewIncident, Reported};
pub use route::Reclassification;
use serde::{Deserialize, Serialize};
use serde_json::Map;
pub use stamped::{ChangeId, Stamped};
use std::fmt;
use std::sync::Arc;

/// Serialised tagged by `type` (snake_case), the fields by name: the form an event carries
/// between desks (`shiftdesk_core::sync`). A field added later is `#[serde(default)]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Change {
    Open(Box<NewIncident>),
    SetStep {
        incident: IncidentId,
        step: String,
        done: bool,
    },
    NoteStep {
        incident: IncidentId,
        step: String,
        text: String,
    },
    /// Marks a step as not applying to this incident, with an optional reason (empty: none
    /// given); or, with `not_applicable` false, takes that back.
    SetNotApplicable {
        incident: IncidentId,
        step: String,
        not_applicable: bool,
        #[serde(default)]
        reason: String,
    },
    Note {
        incident: IncidentId,
        text: String,
    },
    Close {
        incident: IncidentId,
    },
    /// A try to reach a contact of the route, and what came of it.
    Attempt {
        incident: IncidentId,
        contact: String,
        level: usize,
        outcome: AttemptOutcome,
        /// The contact's role as the roster gave it when the change was made (empty when
        /// unknown): reaching them checks a step for that role (`report_to_role`).
        #[serde(default)]
        contact_role: String,
    },
    /// Go up the route now, to the level given, for the reason given.
    Escalate {
        incident: IncidentId,
        to_level: usize,
        reason: String,
    },
    /// The route went up to `to_level` because the level below ran out of time with nobody
    /// reached; stamped with when that happened. Logged once per move of the route.
    MovedUpByTime {
        incident: IncidentId,
        to_level: usize,
        /// How long the level below had.
        minutes: i64,
    },
    /// The level the route is on now names a rotation: whom it resolved to, picked when the
    /// level became the one to call (`started`: when it did).
    ResolveOnDuty {
        incident: IncidentId,
        level: usize,
        started: DateTime<Utc>,
        pick: Box<OnDutyPick>,
    },
    /// A status update was given to the people reached.
    UpdateSent {
        incident: IncidentId,
        text: String,
    },
    /// A new severity and/or category, with the reason; may bring a new route.
    Reclassify {
        incident: IncidentId,
        to: Box<Reclassification>,
    },
    /// The scope of impact, and the answers to the guide's conditions asked with it (a
    /// yes brings the condition's obligations, in the same change).
    SetScope {
        incident: IncidentId,
        scope: Box<Scope>,
        #[serde(default)]
        conditions: Vec<ConditionInput>,
    },
    /// Marks an obligation done or not; also once the incident is closed.
    SetObligationDone {
        incident: IncidentId,
        obligation: String,
        done: bool,
    },
    /// What was decided about an out-of-scope request, with the rule that applied.
    DecideScope {
        incident: IncidentId,
        decision: Box<DecisionInput>,
    },
    Consult {
        incident: IncidentId,
        #[serde(default)]
        contact: Option<String>,
        who: String,
        advice: String,
    },
    InterimAction {
        incident: IncidentId,
        action: String,
        effect: Effect,
    },
    SaveReview {
        incident: IncidentId,
        review: Box<ReviewInput>,
    },
    /// One more measure against recurrence, outside the review form: the follow-up to a
    /// readiness check a drill found wanting.
    AddMeasure {
        incident: IncidentId,
        measure: Box<NewMeasure>,
    },
    /// Marks a measure against recurrence done or not; also once the incident is closed.
    SetMeasureDone {
        incident: IncidentId,
        measure: u32,
        done: bool,
    },
    /// Closes although the Review phase is not complete; the reason is required and logged.
    CloseWithoutReview {
        incident: IncidentId,
        reason: String,
    },
    Reopen {
        incident: IncidentId,
        reason: String,
    },
    /// Logs the drill's injects that have come due, up to this many in all.
    LogInjects {
        incident: IncidentId,
        upto: usize,
    },
    /// Moves a drill's clock ahead by this many minutes (tabletop runs).
    JumpDrill {
        incident: IncidentId,
        minutes: i64,
    },
    AnswerCheck {
        incident: IncidentId,
        check: String,
        answer: Answer,
        #[serde(default)]
        note: String,
    },
    /// Ends a drill: it is closed, and its results can be reported.
    EndDrill {
        incident: IncidentId,
    },
    /// A change to an archived incident: the incident comes back into the live file with
    /// it (unless a live copy is there already, which wins). Refused or without effect,
    /// the live file stays as it was.
    FromArchive {
        archived: Arc<Incident>,
        change: Box<Change>,
    },
}

impl Change {
    /// The incident the change is about; None for a new one.
    pub fn incident(&self) -> Option<&IncidentId> {
        match self {
            Change::Open(_) => None,
            Change::FromArchive { archived, .. } => Some(&archived.id),
            Change::SetStep { incident, .. }
            | Change::NoteStep { incident, .. }
            | Change::SetNotApplicable { incident, .. }
            | Change::Note { incident, .. }
            | Change::Close { incident }
            | Change::Attempt { incident, .. }
            | Change::Escalate { incident, .. }
            | Change::MovedUpByTime { incident, .. }
            | Change::ResolveOnDuty { incident, .. }
            | Change::UpdateSent { incident, .. }
            | Change::Reclassify { incident, .. }
            | Change::SetScope { incident, .. }
            | Change::SetObligationDone { incident, .. }
            | Change::DecideScope { incident, .. }
            | Change::Consult { incident, .. }
            | Change::InterimAction { incident, .. }
            | Change::SaveReview { incident, .. }
            | Change::AddMeasure { incident, .. }
            | Change::SetMeasureDone { incident, .. }
            | Change::CloseWithoutReview { incident, .. }
            | Change::Reopen { incident, .. }
            | Change::LogInjects { incident, .. }
            | Change::JumpDrill { incident, .. }
            | Change::AnswerCheck { incident, .. }
            | Change::EndDrill { incident } => Some(incident),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Applied {
    Opened(IncidentId),
    Changed(IncidentId),
    /// The change was already in place; nothing was written.
    Unchanged,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeError {
    NoSuchIncident(IncidentId),
    NoSuchStep(IncidentId, String),
    IncidentClosed(IncidentId),
    /// Closing needs the Review phase complete; this many steps are open.
    ReviewIncomplete(IncidentId, usize),
    EmptyText,
    NoRoute(IncidentId),
    NoSuchLevel(IncidentId, usize),
    NotOnLevel(IncidentId, String, usize),
    NoSuchMeasure(IncidentId, u32),
    NotADrill(IncidentId),
    NoSuchCheck(IncidentId, String),
    /// The step is checked: it cannot be marked as not applying.
    StepChecked(IncidentId, String),
    NoSuchObligation(IncidentId, String),
    /// A decision on an out-of-scope request, for an incident of another category.
    NotOutOfScope(IncidentId),
    /// An incident is opened under an id another incident has already.
    IdTaken(IncidentId),
}

impl ChangeError {
    pub fn message(&self, lang: Lang) -> String {
        let (msg, id, extra) = match self {
            ChangeError::NoSuchIncident(id) => {
                (Msg::ErrNoSuchIncident, id.0.as_str(), String::new())
            }
            ChangeError::NoSuchStep(id, step) => (Msg::ErrNoSuchStep, id.0.as_str(), step.clone()),
            ChangeError::StepChecked(id, step) => (
                Msg::ErrStepChecked,
                id.0.as_str(),
                crate::text::safe_line(step),
            ),
            ChangeError::IncidentClosed(id) => {
                (Msg::ErrIncidentClosed, id.0.as_str(), String::new())
            }
            ChangeError::ReviewIncomplete(id, n) => {
                (Msg::ErrReviewIncomplete, id.0.as_str(), n.to_string())
            }
            ChangeError::EmptyText => (Msg::ErrEmptyText, "", String::new()),
            ChangeError::NoRoute(id) => (Msg::ErrNoRoute, id.0.as_str(), String::new()),
            ChangeError::NoSuchLevel(id, l) => {
                (Msg::ErrNoSuchLevel, id.0.as_str(), (l + 1).to_string())
            }
            ChangeError::NotADrill(id) => (Msg::ErrNotADrill, id.0.as_str(), String::new()),
            ChangeError::NotOutOfScope(id) => (Msg::ErrNotOutOfScope, id.0.as_str(), String::new()),
            ChangeError::IdTaken(id) => (Msg::ErrIdTaken, id.0.as_str(), String::new()),
            ChangeError::NoSuchObligation(id, o) => (
                Msg::ErrNoSuchObligation,
                id.0.as_str(),
                crate::text::safe_line(o),
            ),
            ChangeError::NoSuchCheck(id, c) => (
                Msg::ErrNoSuchCheck,
                id.0.as_str(),
                crate::text::safe_line(c),
            ),
            ChangeError::NoSuchMeasure(id, m) => {
                (Msg::ErrNoSuchMeasure, id.0.as_str(), m.to_string())
            }
            ChangeError::NotOnLevel(id, c, l) => (
                Msg::ErrNotOnLevel,
                id.0.as_str(),
                format!("{} L{}", crate::text::safe_line(c), l + 1),
            ),
        };
        t(lang, msg).replace("{id}", id).replace("{x}", &extra)
    }
}

impl fmt::Display for ChangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ChangeError {}

/// How a change is applied: as the desk makes it (refused where the rules say no), or as a
/// merge of changes made apart on other desks (see [`crate::sync::fold_incident`]), where
/// a change that was right where it was made is not refused because the incident was
/// closed meanwhile, or its review is not complete here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Strict,
    Merge,
}

/// The incident, when it is open (or in a merge, whatever its status).
fn open_incident<'f>(
    file: &'f mut IncidentsFile,
    id: &IncidentId,
    mode: Mode,
) -> Result<&'f mut Incident, ChangeError> {
    let incident = file
        .get_mut(id)
        .ok_or_else(|| ChangeError::NoSuchIncident(id.clone()))?;
    if incident.status != Status::Open && mode == Mode::Strict {
        return Err(ChangeError::IncidentClosed(id.clone()));
    }
    Ok(incident)
}

impl Stamped {
    /// Applies the change to `file`: the one way a change gets into a state, on this desk
    /// and again on a fresher file. The timeline entries it writes carry its id; a change
    /// whose id is already there (on the incident it opened, or the one it is about) is
    /// [`Applied::Unchanged`] and touches nothing. On error `file` is left as it was.
    pub fn apply(&self, file: &mut IncidentsFile) -> Result<Applied, ChangeError> {
        self.apply_in(file, Mode::Strict)
    }

    /// [`Stamped::apply`] in the given mode.
    pub fn apply_in(&self, file: &mut IncidentsFile, mode: Mode) -> Result<Applied, ChangeError> {
        if self.is_in(file) {
            return Ok(Applied::Unchanged);
        }
        let before = self.timeline_len(file);
        let applied = apply_change(&self.change, (self.at, &self.by), file, mode)?;
        let (id, from) = match &applied {
            Applied::Opened(id) => (id, 0),
            Applied::Changed(id) => (id, before),
            Applied::Unchanged => return Ok(applied),
        };
        if let Some(incident) = file.get_mut(id) {
            // The entries are where the id is kept: a change that changes an incident
            // writes at least one.
            debug_assert!(
                incident.timeline.len() > from,
                "{:?} wrote no entry",
                self.change
            );
            for entry in incident.timeline.iter_mut().skip(from) {
                entry.change_id = Some(self.id);
                if !self.origin.is_empty() {
                    entry.desk = Some(self.origin.clone());
                }
            }
        }
        Ok(applied)
    }

    /// The change's id is on the incident it opened or is about: it was applied already.
    fn is_in(&self, file: &IncidentsFile) -> bool {
        let id = Some(self.id);
        let has = |i: &Incident| i.timeline.iter().rev().any(|e| e.change_id == id);
        match &self.change {
            Change::Open(_) => file
                .incidents
                .iter()
                .any(|i| i.timeline.first().is_some_and(|e| e.change_id == id)),
            Change::FromArchive { archived, .. } => {
                file.get(&archived.id).map_or(has(archived), has)
            }
            change => change.incident().and_then(|i| file.get(i)).is_some_and(has),
        }
    }

    /// How long the timeline of the incident the change is about is now (0 for a new one).
    fn timeline_len(&self, file: &IncidentsFile) -> usize {
        let incident = match &self.change {
            Change::FromArchive { archived, .. } => file.get(&archived.id).or(Some(archived)),
            change => change.incident().and_then(|i| file.get(i)),
        };
        incident.map_or(0, |i| i.timeline.len())
    }
}

/// Applies one change, made at `at` by `by`, to `file`. On error `file` is left as it was.
fn apply_change(
    change: &Change,
    (at, by): (DateTime<Utc>, &str),
    file: &mut IncidentsFile,
    mode: Mode,
) -> Result<Applied, ChangeError> {
    let entry = |kind, text: &str| TimelineEntry::new(at, by, kind, text);
    let open_incident = |file, id| open_incident(file, id, mode);
    match change {
        Change::Open(new) => {
            let id = match &new.id {
                // Two desks on one data dir share a desk code: the one that saves second
                // takes the next number (its event carries the id it got). A fold never
                // renumbers.
                Some(id) if file.get(id).is_some() => match (mode, id.desk_number()) {
                    (Mode::Strict, Some((desk, _))) => file.next_id_for(desk),
                    _ => return Err(ChangeError::IdTaken(id.clone())),
                },
                Some(id) => id.clone(),
                None => file.next_id(),
            };
            let mut timeline = vec![entry(EntryKind::Opened, &new.title)];
            if let Some(route) = &new.route {
                timeline.push(entry(EntryKind::RouteResolved, &route.route_id));
            }
            let mut incident = Incident {
                id: id.clone(),
                title: new.title.clone(),
                category: new.category,
                kind: new.kind.as_ref().map(|k| k.id.clone()),
                kind_name: new.kind.as_ref().map(|k| k.name.clone()),
                severity: new.severity,
                detected_at: new.detected_at.min(at),
                opened_at: at,
                opened_by: by.to_string(),
                description: new.description.clone(),
                drill: new.drill,
                status: Status::Open,
                closed_at: None,
                checklist: new.checklist.clone(),
                route: new.route.clone(),
                attempts: Vec::new(),
                escalations: Vec::new(),
                scope: None,
                consultations: Vec::new(),
                interim_actions: Vec::new(),
                review: None,
                drill_run: new.drill_run.clone(),
                conditions: Vec::new(),
                obligations: Vec::new(),
                scope_decisions: Vec::new(),
                timeline,
                extra: Map::new(),
            };
            route::log_first_on_duty(&mut incident, (at, by));
            file.incidents.push(Arc::new(incident));
            Ok(Applied::Opened(id))
        }
        Change::FromArchive { archived, change } => {
            let restored = file.get(&archived.id).is_none();
            if restored {
                file.incidents.push(Arc::clone(archived));
            }
            let out = apply_change(change, (at, by), file, mode);
            if restored && !matches!(out, Ok(Applied::Changed(_) | Applied::Opened(_))) {
                file.incidents.pop();
            }
            out
        }
        Change::SetStep {
            incident,
            step,
            done,
        } => step::set_step(open_incident(file, incident)?, (at, by), step, *done),
        Change::NoteStep {
            incident,
            step,
            text,
        } => {
            if !crate::text::has_content(text) {
                return Err(ChangeError::EmptyText);
            }
            step::note_step(open_incident(file, incident)?, (at, by), step, text)
        }
        Change::SetNotApplicable {
            incident,
            step,
            not_applicable,
            reason,
        } => step::set_not_applicable(
            open_incident(file, incident)?,
            (at, by),
            (step, *not_applicable),
            reason,
            mode,
        ),
        Change::Note { incident, text } => {
            if !crate::text::has_content(text) {
                return Err(ChangeError::EmptyText);
            }
            let inc = open_incident(file, incident)?;
            inc.timeline.push(entry(EntryKind::Note, text));
            Ok(Applied::Changed(incident.clone()))
        }
        Change::Close { incident } => {
            let inc = open_incident(file, incident)?;
            let open = inc.open_review_steps().len();
            if open > 0 && mode == Mode::Strict {
                return Err(ChangeError::ReviewIncomplete(incident.clone(), open));
            }
            inc.status = Status::Closed;
            inc.closed_at = Some(at);
            inc.timeline.push(entry(EntryKind::Closed, ""));
            Ok(Applied::Changed(incident.clone()))
        }
        Change::Attempt {
            incident,
            contact,
            level,
            outcome,
            contact_role,
        } => route::attempt(
            open_incident(file, incident)?,
            (at, by),
            (contact, contact_role),
            *level,
            *outcome,
        ),
        Change::Escalate {
            incident,
            to_level,
            reason,
        } => route::escalate(open_incident(file, incident)?, (at, by), *to_level, reason),
        Change::MovedUpByTime {
            incident,
            to_level,
            minutes,
        } => route::moved_up_by_time(
            open_incident(file, incident)?,
            (at, by),
            *to_level,
            *minutes,
        ),
        Change::ResolveOnDuty {
            incident,
            level,
            started,
            pick,
        } => route::resolve_on_duty(
            open_incident(file, incident)?,
            (at, by),
            *level,
            *started,
            pick,
        ),
        Change::UpdateSent { incident, text } => {
            route::update_sent(open_incident(file, incident)?, (at, by), text)
        }
        Change::Reclassify { incident, to } => {
            if !crate::text::has_content(&to.reason) {
                return Err(ChangeError::EmptyText);
            }
            route::reclassify(open_incident(file, incident)?, (at, by), to)
        }
        Change::SetScope {
            incident,
            scope,
            conditions,
        } => record::set_scope(open_incident(file, incident)?, (at, by), scope, conditions),
        Change::SetObligationDone {
            incident,
            obligation,
            done,
        } => {
            let inc = file
                .get_mut(incident)
                .ok_or_else(|| ChangeError::NoSuchIncident(incident.clone()))?;
            duties::set_obligation_done(inc, (at, by), obligation, *done)
        }
        Change::DecideScope { incident, decision } => {
            duties::decide_scope(open_incident(file, incident)?, (at, by), decision)
        }
        Change::Consult {
            incident,
            contact,
            who,
            advice,
        } => {
            if !crate::text::has_content(who) || !crate::text::has_content(advice) {
                return Err(ChangeError::EmptyText);
            }
            record::consult(
                open_incident(file, incident)?,
                (at, by),
                contact.as_deref(),
                who,
                advice,
            )
        }
        Change::InterimAction {
            incident,
            action,
            effect,
        } => {
            if !crate::text::has_content(action) {
                return Err(ChangeError::EmptyText);
            }
            record::interim_action(open_incident(file, incident)?, (at, by), action, *effect)
        }
        Change::SaveReview { incident, review } => {
            record::save_review(open_incident(file, incident)?, (at, by), review)
        }
        Change::AddMeasure { incident, measure } => {
            if !crate::text::has_content(&measure.text) {
                return Err(ChangeError::EmptyText);
            }
            record::add_measure(open_incident(file, incident)?, (at, by), measure)
        }
        Change::SetMeasureDone {
            incident,
            measure,
            done,
        } => {
            let inc = file
                .get_mut(incident)
                .ok_or_else(|| ChangeError::NoSuchIncident(incident.clone()))?;
            record::set_measure_done(inc, (at, by), *measure, *done)
        }
        Change::CloseWithoutReview { incident, reason } => {
            if !crate::text::has_content(reason) {
                return Err(ChangeError::EmptyText);
            }
            record::close_without_review(open_incident(file, incident)?, (at, by), reason)
        }
        Change::Reopen { incident, reason } => {
            let inc = file
                .get_mut(incident)
                .ok_or_else(|| ChangeError::NoSuchIncident(incident.clone()))?;
            // Apart, two desks may both reopen it: the second is kept too (with its
            // reason), though it changes nothing more.
            record::reopen(inc, (at, by), reason, mode == Mode::Merge)
        }
        Change::LogInjects { incident, upto } => {
            drill::log_injects(open_incident(file, incident)?, (at, by), *upto)
        }
        Change::JumpDrill { incident, minutes } => {
            drill::jump(open_incident(file, incident)?, (at, by), *minutes)
        }
        Change::AnswerCheck {
            incident,
            check,
            answer,
            note,
        } => drill::answer(
            open_incident(file, incident)?,
            (at, by),
            check,
            *answer,
            note,
        ),
        Change::EndDrill { incident } => drill::end(open_incident(file, incident)?, (at, by)),
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_again;
#[cfg(test)]
mod tests_duties;
#[cfg(test)]
mod tests_follow_up;
#[cfg(test)]
mod tests_kinds;
#[cfg(test)]
mod tests_on_duty;
#[cfg(test)]
mod tests_steps;
