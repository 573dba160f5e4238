//! Applying the changes that build the record after the report: scope, consultations,
//! interim actions, the review and its measures, closing without review, reopening.

use crate::change::{Applied, ChangeError, duties, step};
use crate::checklist::{DoneVia, Stamp};
use crate::incident::{Incident, Status};
use crate::obligation::ConditionInput;
use crate::playbook::StepRole;
use crate::record::{
    Consultation, Effect, InterimAction, Measure, NewMeasure, Review, ReviewInput, Scope,
};
use crate::timeline::{EntryKind, TimelineEntry};
use chrono::{DateTime, Utc};
use serde_json::Map;

type When<'a> = (DateTime<Utc>, &'a str);

/// The scope in one line, for the timeline.
fn scope_summary(scope: &Scope) -> String {
    let mut parts = Vec::new();
    for text in [&scope.services, &scope.affected] {
        if !text.trim().is_empty() {
            parts.push(text.trim().to_string());
        }
    }
    match (scope.estimated_count_text.trim(), scope.estimated_count) {
        ("", Some(n)) => parts.push(format!("~{n}")),
        ("", None) => {}
        (text, _) => parts.push(text.to_string()),
    }
    if !scope.notes.trim().is_empty() {
        parts.push(scope.notes.trim().to_string());
    }
    parts.join(" / ")
}

/// Saves the scope, logged, and records the answers to the guide's conditions given with
/// it (see [`duties::answer_conditions`]). A form that asked conditions, saved with no
/// scope recorded before or now, logs no empty scope: it was saved for the answers.
pub(super) fn set_scope(
    inc: &mut Incident,
    (at, by): When,
    scope: &Scope,
    conditions: &[ConditionInput],
) -> Result<Applied, ChangeError> {
    let answers = conditions.iter().any(|c| duties::is_news(inc, c));
    let for_answers = !conditions.is_empty() && inc.scope.is_none() && scope.is_empty();
    let new_scope = inc.scope.as_ref() != Some(scope) && !for_answers;
    if !new_scope && !answers {
        return Ok(Applied::Unchanged);
    }
    if new_scope {
        save_scope(inc, (at, by), scope);
    }
    duties::answer_conditions(inc, (at, by), conditions);
    Ok(Applied::Changed(inc.id.clone()))
}

fn save_scope(inc: &mut Incident, (at, by): When, scope: &Scope) {
    let mut scope = scope.clone();
    if let Some(old) = &inc.scope {
        scope.extra = old.extra.clone();
    }
    inc.timeline.push(TimelineEntry::new(
        at,
        by,
        EntryKind::ScopeUpdated,
        scope_summary(&scope),
    ));
    let known = !scope.is_empty();
    inc.scope = Some(scope);
    if known {
        step::check_role(inc, (at, by), StepRole::RecordScope, DoneVia::ScopeSaved);
    }
}

pub(super) fn consult(
    inc: &mut Incident,
    (at, by): When,
    contact: Option<&str>,
    who: &str,
    advice: &str,
) -> Result<Applied, ChangeError> {
    inc.consultations.push(Consultation {
        at,
        by: by.to_string(),
        contact: contact.map(str::to_string),
        who: who.to_string(),
        advice: advice.to_string(),
        extra: Map::new(),
    });
    // A contact from the roster is named by the entry's contact; anyone else by the text.
    let entry = match contact {
        Some(c) => TimelineEntry::new(at, by, EntryKind::Consulted, advice).with_contact(c),
        None => TimelineEntry::new(at, by, EntryKind::Consulted, format!("{who}: {advice}")),
    };
    inc.timeline.push(entry);
    Ok(Applied::Changed(inc.id.clone()))
}

pub(super) fn interim_action(
    inc: &mut Incident,
    (at, by): When,
    action: &str,
    effect: Effect,
) -> Result<Applied, ChangeError> {
    inc.interim_actions.push(InterimAction {
        at,
        by: by.to_string(),
        action: action.to_string(),
        effect,
        extra: Map::new(),
    });
    inc.timeline
        .push(TimelineEntry::new(at, by, EntryKind::InterimAction, action).with_effect(effect));
    let via = DoneVia::InterimAction;
    step::check_role(inc, (at, by), StepRole::LogInterimAction, via);
    Ok(Applied::Changed(inc.id.clone()))
}

/// Saves the review. Measures keep their ids and done-stamps; new ones get the next ids.
pub(super) fn save_review(
    inc: &mut Incident,
    (at, by): When,
    input: &ReviewInput,
) -> Result<Applied, ChangeError> {
    let old = inc.review.clone().unwrap_or_default();
    let mut next_id = old.measures.iter().map(|m| m.id).max().unwrap_or(0) + 1;
    let measures = input
        .measures
        .iter()
        .filter(|m| !m.text.trim().is_empty())
        .map(|m| {
            let existing = m.id.and_then(|id| old.measures.iter().find(|o| o.id == id));
            let id = existing.map_or_else(
                || {
                    next_id += 1;
                    next_id - 1
                },
                |o| o.id,
            );
            Measure {
                id,
                text: m.text.clone(),
                owner: m.owner.clone(),
                due: m.due,
                done: existing.and_then(|o| o.done.clone()),
                check: existing.and_then(|o| o.check.clone()),
                extra: existing.map(|o| o.extra.clone()).unwrap_or_default(),
            }
        })
        .collect();
    let review = Review {
        what_happened: input.what_happened.clone(),
        cause: input.cause.clone(),
        went_well: input.went_well.clone(),
        went_badly: input.went_badly.clone(),
        measures,
        shared_with: input.shared_with.clone(),
        extra: old.extra.clone(),
    };
    if inc.review.as_ref() == Some(&review) {
        return Ok(Applied::Unchanged);
    }
    inc.timeline.push(TimelineEntry::new(
        at,
        by,
        EntryKind::ReviewSaved,
        review.cause.clone(),
    ));
    // The steps the review fulfils, each only when the review says what it asks for.
    let fulfilled = [
        (StepRole::FindCause, !review.cause.trim().is_empty()),
        (StepRole::DecideMeasures, !review.measures.is_empty()),
        (StepRole::ShareCase, !review.shared_with.trim().is_empty()),
    ];
    inc.review = Some(review);
    for (role, said) in fulfilled {
        if said {
            step::check_role(inc, (at, by), role, DoneVia::ReviewSaved);
        }
    }
    Ok(Applied::Changed(inc.id.clone()))
}

/// Adds one measure to the review (a review with only it, when there is none yet), with the
/// next id.
pub(super) fn add_measure(
    inc: &mut Incident,
    (at, by): When,
    new: &NewMeasure,
) -> Result<Applied, ChangeError> {
    let review = inc.review.get_or_insert_with(Review::default);
    let id = review.measures.iter().map(|m| m.id).max().unwrap_or(0) + 1;
    review.measures.push(Measure {
        id,
        text: new.text.clone(),
        owner: new.owner.clone(),
        due: new.due,
        done: None,
        check: new.check.clone(),
        extra: Map::new(),
    });
    inc.timeline.push(TimelineEntry::new(
        at,
        by,
        EntryKind::MeasureAdded,
        new.text.clone(),
    ));
    Ok(Applied::Changed(inc.id.clone()))
}

/// Marks a measure done or not done; also after the incident is closed.
pub(super) fn set_measure_done(
    inc: &mut Incident,
    (at, by): When,
    measure: u32,
    done: bool,
) -> Result<Applied, ChangeError> {
    let id = inc.id.clone();
    let m = inc
        .review
        .as_mut()
        .and_then(|r| r.measures.iter_mut().find(|m| m.id == measure))
        .ok_or_else(|| ChangeError::NoSuchMeasure(id.clone(), measure))?;
    if m.done.is_some() == done {
        return Ok(Applied::Unchanged);
    }
    m.done = done.then(|| Stamp {
        at,
        by: by.to_string(),
    });
    let text = m.text.clone();
    let kind = if done {
        EntryKind::MeasureDone
    } else {
        EntryKind::MeasureReopened
    };
    inc.timeline.push(TimelineEntry::new(at, by, kind, text));
    Ok(Applied::Changed(id))
}

pub(super) fn close_without_review(
    inc: &mut Incident,
    (at, by): When,
    reason: &str,
) -> Result<Applied, ChangeError> {
    inc.status = Status::Closed;
    inc.closed_at = Some(at);
    inc.timeline.push(TimelineEntry::new(
        at,
        by,
        EntryKind::ClosedWithoutReview,
        reason,
    ));
    Ok(Applied::Changed(inc.id.clone()))
}

pub(super) fn reopen(
    inc: &mut Incident,
    (at, by): When,
    reason: &str,
    keep_when_open: bool,
) -> Result<Applied, ChangeError> {
    if inc.is_open() {
        if keep_when_open {
            inc.timeline
                .push(TimelineEntry::new(at, by, EntryKind::Reopened, reason));
            return Ok(Applied::Changed(inc.id.clone()));
        }
        return Ok(Applied::Unchanged);
    }
    inc.status = Status::Open;
    inc.closed_at = None;
    inc.timeline
        .push(TimelineEntry::new(at, by, EntryKind::Reopened, reason));
    Ok(Applied::Changed(inc.id.clone()))
}
