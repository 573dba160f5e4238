//! Applying the changes to checklist steps: checked or not by hand, a note, marked as not
//! applying or back; and the check an action gives the step it fulfils.

use crate::change::{Applied, ChangeError, Mode};
use crate::checklist::{ChecklistStep, DoneVia, NotApplicable, Stamp, StepNote};
use crate::incident::Incident;
use crate::playbook::StepRole;
use crate::timeline::{EntryKind, TimelineEntry};
use chrono::{DateTime, Utc};

type When<'a> = (DateTime<Utc>, &'a str);

fn step_mut<'i>(inc: &'i mut Incident, step: &str) -> Result<&'i mut ChecklistStep, ChangeError> {
    let id = inc.id.clone();
    inc.step_mut(step)
        .ok_or_else(|| ChangeError::NoSuchStep(id, step.to_string()))
}

/// Checks or unchecks a step by hand. Checking a step marked as not applying makes it
/// apply again, done; unchecking forgets the action that checked it.
pub(super) fn set_step(
    inc: &mut Incident,
    (at, by): When,
    step: &str,
    done: bool,
) -> Result<Applied, ChangeError> {
    let s = step_mut(inc, step)?;
    if s.done.is_some() == done {
        return Ok(Applied::Unchanged);
    }
    s.done = done.then(|| Stamp {
        at,
        by: by.to_string(),
    });
    s.done_via = None;
    s.not_applicable = None;
    let kind = if done {
        EntryKind::StepChecked
    } else {
        EntryKind::StepUnchecked
    };
    inc.timeline
        .push(TimelineEntry::new(at, by, kind, "").with_step(step));
    Ok(Applied::Changed(inc.id.clone()))
}

pub(super) fn note_step(
    inc: &mut Incident,
    (at, by): When,
    step: &str,
    text: &str,
) -> Result<Applied, ChangeError> {
    step_mut(inc, step)?.notes.push(StepNote {
        at,
        by: by.to_string(),
        text: text.to_string(),
    });
    inc.timeline
        .push(TimelineEntry::new(at, by, EntryKind::StepNote, text).with_step(step));
    Ok(Applied::Changed(inc.id.clone()))
}

/// Marks a step as not applying to this incident (with the reason, which may be empty), or
/// takes that back. A checked step is refused: it applied, and was done. In a merge, where
/// another desk checked it at the same time, the later wins: it is unchecked.
pub(super) fn set_not_applicable(
    inc: &mut Incident,
    (at, by): When,
    (step, not_applicable): (&str, bool),
    reason: &str,
    mode: Mode,
) -> Result<Applied, ChangeError> {
    let id = inc.id.clone();
    let s = step_mut(inc, step)?;
    if s.not_applicable.is_some() == not_applicable {
        return Ok(Applied::Unchanged);
    }
    if s.done.is_some() && mode == Mode::Strict {
        return Err(ChangeError::StepChecked(id, step.to_string()));
    }
    s.done = None;
    s.done_via = None;
    let reason = reason.trim();
    s.not_applicable = not_applicable.then(|| NotApplicable {
        at,
        by: by.to_string(),
        reason: reason.to_string(),
    });
    let entry = if not_applicable {
        TimelineEntry::new(at, by, EntryKind::StepNotApplicable, reason)
    } else {
        TimelineEntry::new(at, by, EntryKind::StepApplicable, "")
    };
    inc.timeline.push(entry.with_step(step));
    Ok(Applied::Changed(id))
}

/// Checks the first open step that `fulfils` says the action fulfils: stamped, the action
/// remembered on it, and logged as done by it. Steps done already or marked as not
/// applying are left as they are. Whether a step was checked.
pub(super) fn check_by_action(
    inc: &mut Incident,
    (at, by): When,
    fulfils: impl Fn(&ChecklistStep) -> bool,
    via: DoneVia,
) -> bool {
    let Some(step) = inc.checklist.iter_mut().find(|s| s.is_open() && fulfils(s)) else {
        return false;
    };
    step.done = Some(Stamp {
        at,
        by: by.to_string(),
    });
    step.done_via = Some(via.clone());
    let step_id = step.id.clone();
    inc.timeline.push(
        TimelineEntry::new(at, by, EntryKind::StepChecked, "")
            .with_step(&step_id)
            .with_via(&via),
    );
    true
}

/// Checks the first open step with this role, as done by the action `via`.
pub(super) fn check_role(inc: &mut Incident, when: When, role: StepRole, via: DoneVia) -> bool {
    check_by_action(inc, when, |s| s.role == Some(role), via)
}
