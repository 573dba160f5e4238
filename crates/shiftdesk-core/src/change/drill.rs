//! Applying the changes of a drill: injects logged as they come due, the clock jumped ahead,
//! readiness checks answered, the drill ended.

use crate::change::{Applied, ChangeError};
use crate::checklist::Stamp;
use crate::drill::{Answer, DrillRun};
use crate::incident::{Incident, Status};
use crate::timeline::{EntryKind, TimelineEntry};
use chrono::{DateTime, Duration, Utc};

type When<'a> = (DateTime<Utc>, &'a str);

fn run(inc: &mut Incident) -> Result<&mut DrillRun, ChangeError> {
    let id = inc.id.clone();
    inc.drill_run.as_mut().ok_or(ChangeError::NotADrill(id))
}

/// Logs every inject up to `upto` not logged yet; nothing when they already are.
pub(super) fn log_injects(
    inc: &mut Incident,
    (at, by): When,
    upto: usize,
) -> Result<Applied, ChangeError> {
    let run = run(inc)?;
    let upto = upto.min(run.injects.len());
    if upto <= run.injects_logged {
        return Ok(Applied::Unchanged);
    }
    let entries: Vec<TimelineEntry> = (run.injects_logged..upto)
        .map(|i| {
            let mut e = TimelineEntry::new(at, by, EntryKind::Inject, "");
            e.inject = Some(i);
            e
        })
        .collect();
    run.injects_logged = upto;
    inc.timeline.extend(entries);
    Ok(Applied::Changed(inc.id.clone()))
}

/// Moves the drill's clock ahead: T+0, detection and the route's start move back, so every
/// deadline and inject comes that much sooner. The total is kept for the results.
pub(super) fn jump(
    inc: &mut Incident,
    (at, by): When,
    minutes: i64,
) -> Result<Applied, ChangeError> {
    if minutes <= 0 {
        return Ok(Applied::Unchanged);
    }
    let shift = Duration::minutes(minutes);
    let run = run(inc)?;
    run.started_at -= shift;
    run.fast_forward_minutes += minutes;
    inc.detected_at -= shift;
    if let Some(resolved) = inc.route.as_mut().and_then(|r| r.resolved_at.as_mut()) {
        *resolved -= shift;
    }
    // The minutes are data; the text is kept for readers of the file that know no field.
    let mut entry = TimelineEntry::new(at, by, EntryKind::DrillJump, format!("+{minutes} min"));
    entry.minutes = Some(minutes);
    inc.timeline.push(entry);
    Ok(Applied::Changed(inc.id.clone()))
}

pub(super) fn answer(
    inc: &mut Incident,
    (at, by): When,
    check: &str,
    answer: Answer,
    note: &str,
) -> Result<Applied, ChangeError> {
    let id = inc.id.clone();
    let run = run(inc)?;
    let c = run
        .checks
        .iter_mut()
        .find(|c| c.id == check)
        .ok_or_else(|| ChangeError::NoSuchCheck(id.clone(), check.to_string()))?;
    if c.answer == Some(answer) && c.note == note {
        return Ok(Applied::Unchanged);
    }
    c.answer = Some(answer);
    c.note = note.to_string();
    c.answered = Some(Stamp {
        at,
        by: by.to_string(),
    });
    let mut entry = TimelineEntry::new(at, by, EntryKind::ReadinessCheck, note);
    entry.answer = Some(answer);
    entry.check = Some(check.to_string());
    inc.timeline.push(entry);
    Ok(Applied::Changed(id))
}

pub(super) fn end(inc: &mut Incident, (at, by): When) -> Result<Applied, ChangeError> {
    run(inc)?.ended_at = Some(at);
    inc.status = Status::Closed;
    inc.closed_at = Some(at);
    inc.timeline
        .push(TimelineEntry::new(at, by, EntryKind::DrillEnded, ""));
    Ok(Applied::Changed(inc.id.clone()))
}
