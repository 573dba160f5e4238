//! Applying the changes about duties and decisions: the guide's conditions answered (and the
//! obligations a yes brings, or a no withdraws), an obligation done or not, and what was
//! decided about an out-of-scope request.

use crate::change::{Applied, ChangeError, step};
use crate::checklist::{DoneVia, Stamp};
use crate::decision::{DecisionInput, DecisionOutcome, ForwardedTo, ScopeDecision, decided_for};
use crate::incident::Incident;
use crate::obligation::{ConditionAnswer, ConditionInput, Known};
use crate::playbook::StepRole;
use crate::text::has_content;
use crate::timeline::{About, EntryKind, TimelineEntry};
use chrono::{DateTime, Utc};
use serde_json::Map;

type When<'a> = (DateTime<Utc>, &'a str);

/// Whether an answer says something new: not the answer already given, and not "not
/// known" where nothing was said yet.
pub(super) fn is_news(inc: &Incident, input: &ConditionInput) -> bool {
    match inc.condition(&input.id) {
        Some(c) => c.answer != input.answer,
        None => input.answer != Known::NotKnown,
    }
}

/// Records the answers that say something new, each logged. A yes brings the condition's
/// obligations (once: those already there stay as they are; one withdrawn stands again, on
/// its first clock), counted from detection or from now, when the team learned of it. A no
/// withdraws the open ones, kept and logged. "Not known" after a yes leaves them standing:
/// the condition may still hold. Whether anything was recorded.
pub(super) fn answer_conditions(
    inc: &mut Incident,
    (at, by): When,
    inputs: &[ConditionInput],
) -> bool {
    let mut changed = false;
    for input in inputs {
        if !is_news(inc, input) {
            continue;
        }
        let answer = ConditionAnswer {
            id: input.id.clone(),
            question: input.question.clone(),
            answer: input.answer,
            at,
            by: by.to_string(),
            extra: Map::new(),
        };
        match inc.conditions.iter_mut().find(|c| c.id == input.id) {
            Some(c) => {
                let extra = std::mem::take(&mut c.extra);
                *c = ConditionAnswer { extra, ..answer };
            }
            None => inc.conditions.push(answer),
        }
        let about = About::Condition {
            id: input.id.clone(),
            answer: input.answer,
        };
        inc.timeline
            .push(TimelineEntry::new(at, by, EntryKind::ConditionAnswered, "").with_about(about));
        match input.answer {
            Known::Yes => arise(inc, (at, by), input),
            Known::No => withdraw(inc, (at, by), &input.id),
            Known::NotKnown => {}
        }
        changed = true;
    }
    changed
}

fn log(inc: &mut Incident, (at, by): When, kind: EntryKind, id: &str) {
    let about = About::Obligation { id: id.to_string() };
    inc.timeline
        .push(TimelineEntry::new(at, by, kind, "").with_about(about));
}

fn arise(inc: &mut Incident, (at, by): When, input: &ConditionInput) {
    for terms in &input.obligations {
        match inc.obligations.iter_mut().find(|o| o.id == terms.id) {
            Some(o) if o.withdrawn.is_some() => {
                o.withdrawn = None;
                log(inc, (at, by), EntryKind::ObligationReinstated, &terms.id);
            }
            Some(_) => {}
            None => {
                let o = terms.obligation(&input.id, inc.detected_at, at);
                inc.obligations.push(o);
                log(inc, (at, by), EntryKind::ObligationArose, &terms.id);
            }
        }
    }
}

fn withdraw(inc: &mut Incident, (at, by): When, condition: &str) {
    let mut ids = Vec::new();
    for o in inc
        .obligations
        .iter_mut()
        .filter(|o| o.condition == condition && o.is_open())
    {
        o.withdrawn = Some(Stamp {
            at,
            by: by.to_string(),
        });
        ids.push(o.id.clone());
    }
    for id in ids {
        log(inc, (at, by), EntryKind::ObligationWithdrawn, &id);
    }
}

/// Marks an obligation done or not done; also after the incident is closed.
pub(super) fn set_obligation_done(
    inc: &mut Incident,
    (at, by): When,
    obligation: &str,
    done: bool,
) -> Result<Applied, ChangeError> {
    let id = inc.id.clone();
    let o = inc
        .obligations
        .iter_mut()
        .find(|o| o.id == obligation)
        .ok_or_else(|| ChangeError::NoSuchObligation(id.clone(), obligation.to_string()))?;
    if o.done.is_some() == done {
        return Ok(Applied::Unchanged);
    }
    o.done = done.then(|| Stamp {
        at,
        by: by.to_string(),
    });
    let kind = if done {
        EntryKind::ObligationDone
    } else {
        EntryKind::ObligationReopened
    };
    log(inc, (at, by), kind, obligation);
    Ok(Applied::Changed(id))
}

/// Records what was decided about an out-of-scope request, and checks the step it fulfils.
/// The same decision again changes nothing; another one is added, and stands.
pub(super) fn decide_scope(
    inc: &mut Incident,
    (at, by): When,
    input: &DecisionInput,
) -> Result<Applied, ChangeError> {
    if !decided_for(inc.category) {
        return Err(ChangeError::NotOutOfScope(inc.id.clone()));
    }
    let said = match &input.outcome {
        DecisionOutcome::Accepted { approved_by } => has_content(approved_by),
        DecisionOutcome::Declined { told } => has_content(told),
        DecisionOutcome::Forwarded {
            to: ForwardedTo::Named { name },
            ..
        } => has_content(name),
        DecisionOutcome::Forwarded { .. } => true,
    };
    if !said {
        return Err(ChangeError::EmptyText);
    }
    if inc.scope_decision().is_some_and(|d| input.same_as(d)) {
        return Ok(Applied::Unchanged);
    }
    inc.scope_decisions.push(ScopeDecision {
        at,
        by: by.to_string(),
        request: input.request.clone(),
        outcome: input.outcome.clone(),
        extra: Map::new(),
    });
    let about = About::Decision {
        index: inc.scope_decisions.len() - 1,
    };
    inc.timeline
        .push(TimelineEntry::new(at, by, EntryKind::ScopeDecided, "").with_about(about));
    step::check_role(
        inc,
        (at, by),
        StepRole::RecordDecision,
        DoneVia::ScopeDecided,
    );
    Ok(Applied::Changed(inc.id.clone()))
}
