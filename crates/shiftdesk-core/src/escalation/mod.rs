//! Where an incident stands on its reporting route, computed from its record and a clock.
//!
//! Level 0 becomes the level to call when the incident is detected; its report is due
//! `report_within_minutes` later. With nobody reached, the next level becomes the one to call
//! at the earliest of: every available contact of the level tried without reaching anyone;
//! `escalate_after_minutes` past the level's deadline; the operator escalating by hand.
//! The first contact reached, on any level, ends the route: the report is delivered.

use crate::incident::{AttemptOutcome, ContactAttempt, Incident};
use crate::roster::{Contact, Roster, RouteLevel};
use crate::timeline::EntryKind;
use chrono::{DateTime, Duration, Utc};

mod moves;
pub use moves::{MoveByTime, move_logged, unlogged_moves};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LevelState {
    /// Not called yet.
    Waiting,
    /// The level to call now.
    Current,
    /// Tried without reaching anyone; the route went one level up.
    Passed,
    /// Someone on this level was reached.
    Reached,
}

/// Why the route went up past a level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PassedBy {
    /// Its time ran out (`escalate_after_minutes` past its deadline) with nobody reached.
    Time,
    /// Every available contact on it was tried without reaching anyone.
    NoAnswer,
    /// The operator escalated by hand.
    Hand,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LevelStatus {
    pub state: LevelState,
    /// For a level the route went up past: why, and when.
    pub passed: Option<(PassedBy, DateTime<Utc>)>,
    /// Someone on this level was called (any outcome) while it was the level to call.
    pub called: bool,
    /// When it became the level to call.
    pub started: Option<DateTime<Utc>>,
    /// When the report to this level is due.
    pub deadline: Option<DateTime<Utc>>,
    /// When the route goes one level up if nobody here is reached.
    pub escalates_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RouteProgress {
    pub levels: Vec<LevelStatus>,
    /// The level to call now; None once someone is reached or when there is no route.
    pub current: Option<usize>,
    /// Index into `incident.attempts` of the first attempt that reached someone.
    pub reached: Option<usize>,
    /// Every available contact of the last level was tried without reaching anyone.
    pub route_exhausted: bool,
}

impl RouteProgress {
    pub fn current_deadline(&self) -> Option<DateTime<Utc>> {
        self.current.and_then(|i| self.levels[i].deadline)
    }

    /// The first report's own deadline: the first level's.
    pub fn first_deadline(&self) -> Option<DateTime<Utc>> {
        self.levels.first().and_then(|l| l.deadline)
    }

    /// How late the first report is: now against the first level's deadline, while nobody
    /// is reached. (The current level's deadline may be a later one after the route went up.)
    pub fn first_report_late_by(&self, now: DateTime<Utc>) -> Option<Duration> {
        if self.reached.is_some() || self.current.is_none() {
            return None;
        }
        self.first_deadline().filter(|d| *d < now).map(|d| now - d)
    }

    /// The moves up the route its clock made: `(from, to, at)` for each level whose time
    /// ran out with nobody reached.
    pub fn moves_by_time(&self) -> impl Iterator<Item = (usize, usize, DateTime<Utc>)> + '_ {
        self.levels
            .iter()
            .enumerate()
            .filter_map(|(k, l)| match l.passed {
                Some((PassedBy::Time, at)) => Some((k, k + 1, at)),
                _ => None,
            })
    }

    /// The report is overdue: the current level's deadline passed with nobody reached.
    pub fn overdue_by(&self, now: DateTime<Utc>) -> Option<Duration> {
        self.current_deadline()
            .filter(|d| *d < now)
            .map(|d| now - d)
    }
}

fn minutes(n: u32) -> Duration {
    Duration::minutes(i64::from(n))
}

/// Available contacts of a level, at `now`.
pub fn available<'r>(
    level: &RouteLevel,
    roster: &'r Roster,
    now: DateTime<Utc>,
) -> impl Iterator<Item = &'r Contact> {
    level
        .contact_ids()
        .filter_map(|id| roster.contact(id))
        .filter(move |c| !c.is_unavailable_at(now))
}

/// Ids of the contacts of a level that the route skips at `now`: unavailable or missing from
/// the roster.
pub fn skipped<'l>(level: &'l RouteLevel, roster: &Roster, now: DateTime<Utc>) -> Vec<&'l str> {
    level
        .contact_ids()
        .filter(|id| roster.contact(id).is_none_or(|c| c.is_unavailable_at(now)))
        .map(String::as_str)
        .collect()
}

/// Attempts made on a level since it became the one to call.
fn attempts_on(
    incident: &Incident,
    level: usize,
    since: DateTime<Utc>,
) -> impl Iterator<Item = &ContactAttempt> {
    incident
        .attempts
        .iter()
        .filter(move |a| a.level == level && a.at >= since)
}

/// When every available contact of the level had been tried without reaching anyone.
fn exhausted_at(
    incident: &Incident,
    level_index: usize,
    level: &RouteLevel,
    started: DateTime<Utc>,
    roster: &Roster,
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    // A rotation not yet resolved for this turn of the level: whom it calls is not known,
    // so nobody on it has been tried.
    if level.needs_pick(started) {
        return None;
    }
    let mut latest = started;
    for contact in available(level, roster, now) {
        let first_try = attempts_on(incident, level_index, started)
            .filter(|a| a.contact == contact.id && a.outcome != AttemptOutcome::Reached)
            .map(|a| a.at)
            .min()?;
        latest = latest.max(first_try);
    }
    Some(latest)
}

pub fn route_progress(incident: &Incident, roster: &Roster, now: DateTime<Utc>) -> RouteProgress {
    let defs: &[RouteLevel] = incident
        .route
        .as_ref()
        .map(|r| r.levels.as_slice())
        .unwrap_or(&[]);
    let start = incident
        .route
        .as_ref()
        .map_or(incident.detected_at, |r| r.starts_at(incident.detected_at));
    // Only attempts on this route count: a route resolved again starts afresh.
    let reached = incident
        .attempts
        .iter()
        .enumerate()
        .filter(|(_, a)| a.outcome == AttemptOutcome::Reached && a.at >= start)
        .min_by_key(|(_, a)| a.at)
        .map(|(i, _)| i);
    let horizon = reached.map_or(now, |i| incident.attempts[i].at.min(now));
    let mut progress = walk(incident, defs, roster, (start, now), horizon);
    if let Some(i) = reached {
        let idx = incident.attempts[i].level.min(defs.len().saturating_sub(1));
        for (k, level) in progress.levels.iter_mut().enumerate() {
            level.state = match k.cmp(&idx) {
                std::cmp::Ordering::Less if level.started.is_some() => LevelState::Passed,
                std::cmp::Ordering::Equal => LevelState::Reached,
                // A level the route had gone up past before someone below was reached.
                std::cmp::Ordering::Greater if level.passed.is_some() => LevelState::Passed,
                _ => LevelState::Waiting,
            };
        }
        progress.current = None;
        progress.route_exhausted = false;
        progress.reached = Some(i);
    }
    progress
}

/// Walks the route level by level until `horizon`, with nobody reached.
fn walk(
    incident: &Incident,
    defs: &[RouteLevel],
    roster: &Roster,
    (start, now): (DateTime<Utc>, DateTime<Utc>),
    horizon: DateTime<Utc>,
) -> RouteProgress {
    let mut levels: Vec<LevelStatus> = defs
        .iter()
        .map(|_| LevelStatus {
            state: LevelState::Waiting,
            passed: None,
            called: false,
            started: None,
            deadline: None,
            escalates_at: None,
        })
        .collect();
    let mut progress = RouteProgress {
        levels: Vec::new(),
        current: None,
        reached: None,
        route_exhausted: false,
    };
    let mut k = 0;
    let mut started = start;
    while k < defs.len() {
        let def = &defs[k];
        let deadline = started + minutes(def.report_within_minutes);
        let escalates_at = deadline + minutes(def.escalate_after_minutes);
        levels[k].started = Some(started);
        levels[k].deadline = Some(deadline);
        levels[k].escalates_at = Some(escalates_at);

        let exhausted = exhausted_at(incident, k, def, started, roster, now);
        let by_hand = incident
            .escalations
            .iter()
            .filter(|e| e.at >= started && e.to_level > k && e.to_level < defs.len())
            .min_by_key(|e| e.at)
            .map(|e| (e.at, e.to_level));
        let mut next = (escalates_at, k + 1, PassedBy::Time);
        if let Some(at) = exhausted.filter(|at| *at <= escalates_at) {
            next = (at, k + 1, PassedBy::NoAnswer);
        }
        if let Some(hand) = by_hand.filter(|h| h.0 <= next.0) {
            next = (hand.0, hand.1, PassedBy::Hand);
        }
        levels[k].called = attempts_on(incident, k, started).any(|a| a.at <= horizon);

        let last = k + 1 == defs.len();
        if next.0 > horizon || last {
            levels[k].state = LevelState::Current;
            progress.current = Some(k);
            progress.route_exhausted = last && exhausted.is_some_and(|at| at <= horizon);
            break;
        }
        levels[k].state = LevelState::Passed;
        levels[k].passed = Some((next.2, next.0));
        started = next.0;
        k = next.1;
    }
    progress.levels = levels;
    progress
}

/// When the next status update to the people reached is due: the severity's cadence after
/// the first report, or after the last update given. None until someone is reached.
pub fn next_update_due(
    incident: &Incident,
    progress: &RouteProgress,
    roster: &Roster,
) -> Option<DateTime<Utc>> {
    if !incident.is_open() {
        return None;
    }
    let reached_at = incident.attempts.get(progress.reached?)?.at;
    let last_update = incident
        .timeline
        .iter()
        .filter(|e| e.kind == EntryKind::UpdateSent && e.at >= reached_at)
        .map(|e| e.at)
        .max()
        .unwrap_or(reached_at);
    Some(last_update + minutes(roster.update_cadence(incident.severity)))
}

/// Contacts of the levels the route went up past that nobody has tried yet (on that level,
/// since it became the one to call), level by level: still worth a call while the current
/// level does not answer.
pub fn untried_below<'r>(
    incident: &Incident,
    progress: &RouteProgress,
    roster: &'r Roster,
    now: DateTime<Utc>,
) -> Vec<(usize, &'r Contact)> {
    let (Some(current), Some(route)) = (progress.current, incident.route.as_ref()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (k, status) in progress.levels.iter().enumerate().take(current) {
        if status.state != LevelState::Passed || route.levels.get(k).is_none() {
            continue;
        }
        out.extend(not_called_on(incident, progress, k, roster, now).map(|c| (k, c)));
    }
    out
}

/// Available contacts of level `k` whom nobody has called on it since it became the level
/// to call; none for a level the route has not come to.
pub fn not_called_on<'r>(
    incident: &Incident,
    progress: &RouteProgress,
    k: usize,
    roster: &'r Roster,
    now: DateTime<Utc>,
) -> impl Iterator<Item = &'r Contact> {
    let level = incident.route.as_ref().and_then(|r| r.levels.get(k));
    let started = progress.levels.get(k).and_then(|l| l.started);
    level
        .zip(started)
        .into_iter()
        .flat_map(move |(def, started)| {
            available(def, roster, now)
                .filter(move |c| !attempts_on(incident, k, started).any(|a| a.contact == c.id))
        })
}

/// The contact to call now on the current level: the first available one not yet tried on
/// this level; once all were tried (last level), the first available one again.
pub fn contact_to_call<'r>(
    incident: &Incident,
    progress: &RouteProgress,
    roster: &'r Roster,
    now: DateTime<Utc>,
) -> Option<&'r Contact> {
    let k = progress.current?;
    let def = incident.route.as_ref()?.levels.get(k)?;
    let started = progress.levels[k].started?;
    let mut candidates = available(def, roster, now).peekable();
    let first = candidates.peek().copied();
    candidates
        .find(|c| !attempts_on(incident, k, started).any(|a| a.contact == c.id))
        .or(first)
}

#[cfg(test)]
mod tests;
