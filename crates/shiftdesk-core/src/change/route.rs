//! Applying the changes that concern the reporting route: call attempts, escalations,
//! status updates, and a new classification that may bring a new route.

use crate::category::Category;
use crate::change::{Applied, ChangeError, step};
use crate::checklist::{ChecklistStep, DoneVia};
use crate::escalation::move_logged;
use crate::incident::{
    AttemptOutcome, ContactAttempt, Escalation, Incident, IncidentId, IncidentKind, ResolvedRoute,
};
use crate::playbook::StepRole;
use crate::roster::RouteLevel;
use crate::roster::rotation::OnDutyPick;
use crate::severity::Severity;
use crate::timeline::{About, EntryKind, TimelineEntry};
use chrono::{DateTime, Utc};
use serde_json::Map;

pub(super) fn attempt(
    inc: &mut Incident,
    (at, by): (DateTime<Utc>, &str),
    (contact, contact_role): (&str, &str),
    level: usize,
    outcome: AttemptOutcome,
) -> Result<Applied, ChangeError> {
    let id = inc.id.clone();
    let route = inc
        .route
        .as_ref()
        .ok_or_else(|| ChangeError::NoRoute(id.clone()))?;
    let def = route
        .levels
        .get(level)
        .ok_or_else(|| ChangeError::NoSuchLevel(id.clone(), level))?;
    if !def.contact_ids().any(|c| c == contact) {
        return Err(ChangeError::NotOnLevel(id, contact.to_string(), level));
    }
    let means = def.means;
    inc.attempts.push(ContactAttempt {
        at,
        by: by.to_string(),
        contact: contact.to_string(),
        level,
        means,
        outcome,
        extra: Map::new(),
    });
    inc.timeline.push(
        TimelineEntry::new(at, by, EntryKind::Attempt, "")
            .with_contact(contact)
            .with_level(level)
            .with_outcome(outcome),
    );
    // Reaching someone on the route is the report the first step asks for; reaching, say,
    // the security officer is also the report a step for that role asks for.
    if outcome == AttemptOutcome::Reached {
        let via = DoneVia::Reaching(contact.to_string());
        let when = (at, by);
        step::check_role(inc, when, StepRole::ReportToSupervisor, via.clone());
        step::check_by_action(inc, when, |s| s.fulfilled_by_role(contact_role), via);
    }
    Ok(Applied::Changed(id))
}

/// The incident's id, when its route has `to_level` and it is above the first level: the
/// route can go up to it.
fn level_above_first(inc: &Incident, to_level: usize) -> Result<IncidentId, ChangeError> {
    let id = inc.id.clone();
    let levels = inc
        .route
        .as_ref()
        .ok_or_else(|| ChangeError::NoRoute(id.clone()))?
        .levels
        .len();
    if to_level == 0 || to_level >= levels {
        return Err(ChangeError::NoSuchLevel(id, to_level));
    }
    Ok(id)
}

pub(super) fn escalate(
    inc: &mut Incident,
    (at, by): (DateTime<Utc>, &str),
    to_level: usize,
    reason: &str,
) -> Result<Applied, ChangeError> {
    let id = level_above_first(inc, to_level)?;
    inc.escalations.push(Escalation {
        at,
        by: by.to_string(),
        to_level,
        reason: reason.to_string(),
        extra: Map::new(),
    });
    inc.timeline
        .push(TimelineEntry::new(at, by, EntryKind::Escalated, reason).with_level(to_level));
    Ok(Applied::Changed(id))
}

/// Logs a move up the route by time, unless the timeline tells it already (another desk,
/// or this one before a restart, logged it).
pub(super) fn moved_up_by_time(
    inc: &mut Incident,
    (at, by): (DateTime<Utc>, &str),
    to_level: usize,
    minutes: i64,
) -> Result<Applied, ChangeError> {
    let id = level_above_first(inc, to_level)?;
    if move_logged(inc, to_level) {
        return Ok(Applied::Unchanged);
    }
    let mut entry = TimelineEntry::new(at, by, EntryKind::MovedUpByTime, "").with_level(to_level);
    entry.minutes = Some(minutes);
    inc.timeline.push(entry);
    Ok(Applied::Changed(id))
}

pub(super) fn update_sent(
    inc: &mut Incident,
    (at, by): (DateTime<Utc>, &str),
    text: &str,
) -> Result<Applied, ChangeError> {
    inc.timeline
        .push(TimelineEntry::new(at, by, EntryKind::UpdateSent, text));
    Ok(Applied::Changed(inc.id.clone()))
}

/// What a new classification brings, resolved by the caller from the roster and playbooks.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Reclassification {
    pub category: Category,
    /// The kind of the new category (None where it has none, or for an incident recorded
    /// before kinds whose category stays).
    #[serde(default)]
    pub kind: Option<IncidentKind>,
    pub severity: Severity,
    pub reason: String,
    /// The route for the new category, kind and severity (None: the roster has none).
    #[serde(default)]
    pub route: Option<ResolvedRoute>,
    /// The steps of the new category's playbook for the new kind, used when the category or
    /// the kind changes.
    #[serde(default)]
    pub checklist: Vec<ChecklistStep>,
}

pub(super) fn reclassify(
    inc: &mut Incident,
    (at, by): (DateTime<Utc>, &str),
    new: &Reclassification,
) -> Result<Applied, ChangeError> {
    let new_kind = new.kind.as_ref().map(|k| k.id.as_str());
    let kind_changes = new_kind != inc.kind.as_deref();
    if new.category == inc.category && new.severity == inc.severity && !kind_changes {
        return Ok(Applied::Unchanged);
    }
    if new.severity != inc.severity {
        let text = format!("{} → {}: {}", inc.severity, new.severity, new.reason);
        inc.timeline
            .push(TimelineEntry::new(at, by, EntryKind::SeverityChanged, text));
        inc.severity = new.severity;
    }
    let category_changes = new.category != inc.category;
    if category_changes {
        let text = format!("{} → {}: {}", inc.category, new.category, new.reason);
        inc.timeline
            .push(TimelineEntry::new(at, by, EntryKind::CategoryChanged, text));
        inc.category = new.category;
    }
    if kind_changes {
        let id = |k: Option<&str>| k.unwrap_or("—").to_string();
        let text = format!(
            "{} → {}: {}",
            id(inc.kind.as_deref()),
            id(new_kind),
            new.reason
        );
        inc.timeline
            .push(TimelineEntry::new(at, by, EntryKind::KindChanged, text));
        inc.kind = new.kind.as_ref().map(|k| k.id.clone());
        inc.kind_name = new.kind.as_ref().map(|k| k.name.clone());
    }
    if category_changes || kind_changes {
        inc.checklist = merge_checklist(&inc.checklist, &new.checklist);
    }
    let same_route = match (&inc.route, &new.route) {
        (Some(old), Some(new)) => {
            old.route_id == new.route_id && as_agreed(&old.levels) == as_agreed(&new.levels)
        }
        (None, None) => true,
        _ => false,
    };
    if !same_route {
        inc.route = new.route.clone().map(|mut r| {
            r.resolved_at = Some(at);
            r
        });
        let text = new.route.as_ref().map_or("", |r| r.route_id.as_str());
        inc.timeline
            .push(TimelineEntry::new(at, by, EntryKind::RouteResolved, text));
        log_first_on_duty(inc, (at, by));
    }
    Ok(Applied::Changed(inc.id.clone()))
}

/// A route's levels as the roster has them: without whom their rotations resolved to.
fn as_agreed(levels: &[RouteLevel]) -> Vec<RouteLevel> {
    levels
        .iter()
        .map(|l| RouteLevel {
            on_duty: None,
            ..l.clone()
        })
        .collect()
}

/// The new playbook's steps, keeping what was done: a step with the same id keeps its
/// stamp, how it was checked, whether it applies, and its notes; an old step that was done,
/// marked as not applying or has notes stays, after the new ones.
fn merge_checklist(old: &[ChecklistStep], new: &[ChecklistStep]) -> Vec<ChecklistStep> {
    let mut merged: Vec<ChecklistStep> = new
        .iter()
        .map(|n| match old.iter().find(|o| o.id == n.id) {
            Some(o) => ChecklistStep {
                done: o.done.clone(),
                done_via: o.done_via.clone(),
                not_applicable: o.not_applicable.clone(),
                notes: o.notes.clone(),
                ..n.clone()
            },
            None => n.clone(),
        })
        .collect();
    for o in old {
        let kept = o.is_settled() || !o.notes.is_empty();
        if kept && !new.iter().any(|n| n.id == o.id) {
            merged.push(o.clone());
        }
    }
    merged
}

/// Tells in the timeline whom the first level's rotation resolved to, when the route was
/// taken (the incident recorded, or its route resolved again).
pub(super) fn log_first_on_duty(inc: &mut Incident, (at, by): (DateTime<Utc>, &str)) {
    let first = inc.route.as_ref().and_then(|r| r.levels.first());
    if let Some(entry) = first.and_then(|l| on_duty_entry(l, 0, (at, by))) {
        inc.timeline.push(entry);
    }
}

/// The timeline entry of a level's rotation resolved: who, for which shift, and whether
/// the level has other contacts to call when nobody is on duty.
fn on_duty_entry(
    level: &RouteLevel,
    k: usize,
    (at, by): (DateTime<Utc>, &str),
) -> Option<TimelineEntry> {
    let pick = level.on_duty.clone()?;
    let mut entry = TimelineEntry::new(at, by, EntryKind::OnDutyResolved, "").with_level(k);
    if let Some(person) = &pick.person {
        entry = entry.with_contact(person);
    }
    Some(entry.with_about(About::OnDuty {
        pick: Box::new(pick),
        fallback: !level.contacts.is_empty(),
    }))
}

/// The level the route is on now named a rotation and became the one to call: whom it
/// resolved to, picked when the desk noticed. Picked already for this turn of the level
/// (another desk noticed first), it changes nothing.
pub(super) fn resolve_on_duty(
    inc: &mut Incident,
    (at, by): (DateTime<Utc>, &str),
    level: usize,
    started: DateTime<Utc>,
    pick: &OnDutyPick,
) -> Result<Applied, ChangeError> {
    let id = inc.id.clone();
    let route = inc
        .route
        .as_mut()
        .ok_or_else(|| ChangeError::NoRoute(id.clone()))?;
    let def = route
        .levels
        .get_mut(level)
        .ok_or_else(|| ChangeError::NoSuchLevel(id.clone(), level))?;
    if def.rotation.as_deref() != Some(pick.rotation.as_str()) {
        return Err(ChangeError::NoSuchLevel(id, level));
    }
    if !def.needs_pick(started) {
        return Ok(Applied::Unchanged);
    }
    def.on_duty = Some(pick.clone());
    if let Some(entry) = on_duty_entry(def, level, (at, by)) {
        inc.timeline.push(entry);
    }
    Ok(Applied::Changed(id))
}
