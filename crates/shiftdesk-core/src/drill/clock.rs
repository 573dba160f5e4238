//! A drill's clock: how far into the drill each thing happened. Jumping the clock ahead
//! moves T+0, detection and the route's start back; a thing done before a jump keeps its
//! place on the drill's clock, so it is measured without the jumps made after it.

use crate::incident::Incident;
use crate::timeline::{EntryKind, TimelineEntry, jump_minutes};
use chrono::{DateTime, Duration, Utc};

struct DrillClock {
    /// Each jump: its place in the timeline, and by how many minutes.
    jumps: Vec<(usize, i64)>,
}

impl DrillClock {
    /// The clock of a drill incident; None for one that is not a drill.
    fn of(incident: &Incident) -> Option<DrillClock> {
        incident.drill_run.as_ref()?;
        let jumps = incident
            .timeline
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == EntryKind::DrillJump)
            .filter_map(|(i, e)| Some((i, jump_minutes(e)?)))
            .collect();
        Some(DrillClock { jumps })
    }

    /// The jumps made after the timeline's entry `index`.
    fn jumped_after(&self, index: usize) -> Duration {
        let minutes = self
            .jumps
            .iter()
            .filter(|(i, _)| *i > index)
            .map(|(_, m)| m)
            .sum();
        Duration::minutes(minutes)
    }

    /// When the timeline's entry `index`, written at `at`, happened on the drill's clock as
    /// it runs now: `at` moved back by the jumps made since.
    fn in_frame(&self, index: usize, at: DateTime<Utc>) -> DateTime<Utc> {
        at - self.jumped_after(index)
    }
}

/// The incident as its drill's clock saw each thing happen: every call attempt, escalation,
/// checked step, interim action and timeline entry moved back by the jumps made after it.
/// None for an incident that is not a drill.
pub fn on_drill_clock(incident: &Incident) -> Option<Incident> {
    let clock = DrillClock::of(incident)?;
    let mut view = incident.clone();
    if clock.jumps.is_empty() {
        return Some(view);
    }
    let mut places = Places::new(&incident.timeline);
    for a in &mut view.attempts {
        let i = places.take(EntryKind::Attempt, a.at, |e| {
            e.contact.as_deref() == Some(a.contact.as_str()) && e.level == Some(a.level)
        });
        a.at = i.map_or(a.at, |i| clock.in_frame(i, a.at));
    }
    for e in &mut view.escalations {
        let i = places.take(EntryKind::Escalated, e.at, |x| x.level == Some(e.to_level));
        e.at = i.map_or(e.at, |i| clock.in_frame(i, e.at));
    }
    for a in &mut view.interim_actions {
        let i = places.take(EntryKind::InterimAction, a.at, |x| x.text == a.action);
        a.at = i.map_or(a.at, |i| clock.in_frame(i, a.at));
    }
    for step in &mut view.checklist {
        if let Some(done) = step.done.as_mut() {
            // The check that stands: the last one of the step at its time.
            let i = incident.timeline.iter().rposition(|e| {
                e.kind == EntryKind::StepChecked
                    && e.at == done.at
                    && e.step.as_deref() == Some(step.id.as_str())
            });
            done.at = i.map_or(done.at, |i| clock.in_frame(i, done.at));
        }
    }
    for (i, e) in view.timeline.iter_mut().enumerate() {
        e.at = clock.in_frame(i, e.at);
    }
    Some(view)
}

/// The timeline entries that records were written with, each taken once.
struct Places<'t> {
    entries: &'t [TimelineEntry],
    taken: Vec<bool>,
}

impl<'t> Places<'t> {
    fn new(entries: &'t [TimelineEntry]) -> Places<'t> {
        Places {
            entries,
            taken: vec![false; entries.len()],
        }
    }

    /// The first entry of this kind at this time, not taken yet, that `is` the one.
    fn take(
        &mut self,
        kind: EntryKind,
        at: DateTime<Utc>,
        is: impl Fn(&TimelineEntry) -> bool,
    ) -> Option<usize> {
        let i = self
            .entries
            .iter()
            .enumerate()
            .position(|(i, e)| !self.taken[i] && e.kind == kind && e.at == at && is(e))?;
        self.taken[i] = true;
        Some(i)
    }
}
