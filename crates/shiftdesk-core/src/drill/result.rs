//! What a drill showed, measured on its clock at the moment things happened: time to the
//! first report against its deadline, time to reach each phase, levels gone up, the calls
//! and injects with their times, steps left unchecked, readiness checks that failed.

use super::clock::on_drill_clock;
use crate::change::{NewIncident, Reported};
use crate::drill::{Answer, CheckAnswer, DrillRun, Inject, Scenario};
use crate::escalation::{LevelState, route_progress};
use crate::i18n::Lang;
use crate::incident::{AttemptOutcome, Incident};
use crate::playbook::{Phase, Playbooks};
use crate::roster::Roster;
use crate::text::safe_line;
use chrono::{DateTime, Duration, Utc};

/// The incident a scenario opens, in the operator's language, with its drill run.
pub fn drill_incident(
    scenario: &Scenario,
    playbooks: &Playbooks,
    roster: &Roster,
    lang: Lang,
    now: DateTime<Utc>,
) -> Option<NewIncident> {
    let i = &scenario.incident;
    let reported = Reported {
        title: i.title.get(lang).to_string(),
        category: i.category,
        kind: None,
        severity: i.severity,
        detected_at: now,
        description: i.description.get(lang).to_string(),
    };
    let book = playbooks.for_category(i.category)?;
    let new = NewIncident::new(reported, book, roster).on_duty_at(roster, now);
    Some(new.as_drill(Some(DrillRun::new(scenario, now))))
}

/// A call attempt, on the drill's clock.
#[derive(Debug, Clone, PartialEq)]
pub struct DrillCall {
    /// How far into the drill it was made (T+).
    pub at: Duration,
    pub level: usize,
    /// The contact's id.
    pub contact: String,
    pub outcome: AttemptOutcome,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DrillResult {
    pub scenario: String,
    pub started: DateTime<Utc>,
    pub ended: Option<DateTime<Utc>>,
    pub fast_forward_minutes: i64,
    /// Time from detection to the first report, and the deadline it had.
    pub first_report: Option<Duration>,
    pub report_deadline: Option<Duration>,
    /// For each phase after the first: the time from detection until it was reached.
    pub phases: Vec<(Phase, Option<Duration>)>,
    /// Levels of the route the drill went up, by the clock or by hand.
    pub escalations: usize,
    /// Every call attempt, in the order made.
    pub calls: Vec<DrillCall>,
    /// The injects that came, in order (each at its `at_minutes` on the drill's clock).
    pub injects: Vec<Inject>,
    pub unchecked_steps: Vec<String>,
    pub failed_checks: Vec<CheckAnswer>,
    pub unanswered_checks: Vec<CheckAnswer>,
}

impl DrillResult {
    pub fn met_deadline(&self) -> Option<bool> {
        Some(self.first_report? <= self.report_deadline?)
    }
}

/// The results of a drill incident; None for an incident that is not a drill. Every time is
/// taken on the drill's clock when the thing happened: jumps made after it do not move it.
pub fn drill_result(
    incident: &Incident,
    roster: &Roster,
    lang: Lang,
    now: DateTime<Utc>,
) -> Option<DrillResult> {
    let run = incident.drill_run.as_ref()?;
    let seen = on_drill_clock(incident)?;
    let at = run.ended_at.unwrap_or(now);
    let times = seen.times();
    let report_deadline = seen
        .route
        .as_ref()
        .and_then(|r| r.levels.first())
        .map(|l| Duration::minutes(i64::from(l.report_within_minutes)));
    // A phase is reached when every step of the phases before it is checked.
    let phases = Phase::ALL[1..]
        .iter()
        .map(|&phase| {
            let before: Vec<_> = seen.checklist.iter().filter(|s| s.phase < phase).collect();
            let reached = before
                .iter()
                .map(|s| s.settled_at())
                .collect::<Option<Vec<_>>>()
                .and_then(|ts| ts.into_iter().max())
                .map(|t| t - seen.detected_at);
            (phase, reached)
        })
        .collect();
    let progress = route_progress(&seen, roster, at);
    let escalations = progress
        .levels
        .iter()
        .filter(|l| l.state == LevelState::Passed)
        .count();
    let mut calls: Vec<DrillCall> = seen
        .attempts
        .iter()
        .map(|a| DrillCall {
            at: a.at - run.started_at,
            level: a.level,
            contact: a.contact.clone(),
            outcome: a.outcome,
        })
        .collect();
    calls.sort_by_key(|c| c.at);
    let by = |a: Option<Answer>| {
        run.checks
            .iter()
            .filter(|c| c.answer == a || (a.is_none() && c.answer == Some(Answer::NotChecked)))
            .cloned()
            .collect::<Vec<_>>()
    };
    Some(DrillResult {
        scenario: run.scenario.clone(),
        started: incident.opened_at,
        ended: run.ended_at,
        fast_forward_minutes: run.fast_forward_minutes,
        first_report: times.to_first_report,
        report_deadline,
        phases,
        escalations,
        calls,
        injects: run
            .injects
            .iter()
            .take(run.injects_logged)
            .cloned()
            .collect(),
        unchecked_steps: incident
            .checklist
            .iter()
            .filter(|s| s.is_open())
            .map(|s| safe_line(s.text.get(lang)))
            .collect(),
        failed_checks: by(Some(Answer::No)),
        unanswered_checks: by(None),
    })
}
