//! One incident: what happened, its checklist, its route, and its timeline.

use crate::category::Category;
use crate::checklist::{self, ChecklistStep, DoneVia, PhaseProgress};
use crate::decision::ScopeDecision;
use crate::drill::DrillRun;
use crate::obligation::{ConditionAnswer, Obligation};
use crate::playbook::{Bilingual, Phase, StepRole};
use crate::record::{Consultation, Effect, InterimAction, Measure, Review, Scope};
use crate::roster::{Means, RouteLevel};
use crate::severity::Severity;
use crate::timeline::{EntryKind, TimelineEntry};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::fmt;
use std::str::FromStr;

/// `INC-0001`, `INC-0002`, … sequential per data dir.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct IncidentId(pub String);

impl IncidentId {
    pub fn from_number(n: u32) -> Self {
        IncidentId(format!("INC-{n:04}"))
    }

    pub fn number(&self) -> Option<u32> {
        self.0.strip_prefix("INC-")?.parse().ok()
    }

    /// The id a synced desk gives its `n`th incident: `INC-TYO1-0012`.
    pub fn for_desk(desk: &str, n: u32) -> Self {
        IncidentId(format!("INC-{desk}-{n:04}"))
    }

    /// The desk code and number of an id given by a synced desk (`INC-TYO1-0012`); None
    /// for a plain `INC-0012`.
    pub fn desk_number(&self) -> Option<(&str, u32)> {
        let (desk, n) = self.0.strip_prefix("INC-")?.rsplit_once('-')?;
        let code = !desk.is_empty()
            && desk.len() <= 8
            && desk
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
        let digits = !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit());
        (code && digits).then(|| Some((desk, n.parse().ok()?)))?
    }
}

impl fmt::Display for IncidentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for IncidentId {
    type Err = String;
    /// Accepts `INC-0007`, `inc-7` and `7`, and a synced desk's `INC-TYO1-0012` (any case).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        let upper = IncidentId(t.to_ascii_uppercase());
        if let Some((desk, n)) = upper.desk_number() {
            return Ok(IncidentId::for_desk(desk, n));
        }
        let digits = t
            .strip_prefix("INC-")
            .or_else(|| t.strip_prefix("inc-"))
            .unwrap_or(t);
        digits
            .parse::<u32>()
            .map(IncidentId::from_number)
            .map_err(|_| format!("{s:?} is not an incident id (like INC-0001)"))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Open,
    Closed,
}

/// The reporting route as it was resolved for this incident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResolvedRoute {
    pub route_id: String,
    #[serde(default)]
    pub name: String,
    pub levels: Vec<RouteLevel>,
    /// Set when the route was resolved again after the incident was opened (its category or
    /// severity changed): the new route starts then. None: it starts at detection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved_at: Option<DateTime<Utc>>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ResolvedRoute {
    /// When level 1 became the level to call.
    pub fn starts_at(&self, detected_at: DateTime<Utc>) -> DateTime<Utc> {
        self.resolved_at.unwrap_or(detected_at)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttemptOutcome {
    /// The report was delivered.
    Reached,
    NoAnswer,
    LeftMessage,
}

/// One try to reach a contact of the route.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContactAttempt {
    pub at: DateTime<Utc>,
    pub by: String,
    pub contact: String,
    /// Index of the route level the contact was called on.
    pub level: usize,
    pub means: Means,
    pub outcome: AttemptOutcome,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The operator went up the route before the clock said so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Escalation {
    pub at: DateTime<Utc>,
    pub by: String,
    pub to_level: usize,
    #[serde(default)]
    pub reason: String,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    pub id: IncidentId,
    pub title: String,
    pub category: Category,
    /// The kind of the category (e.g. `lost_card`), where it has kinds; None for an
    /// incident recorded before kinds existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The kind's name as the playbook gave it when the kind was set: the record reads the
    /// same whatever the playbooks say later.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind_name: Option<Bilingual>,
    pub severity: Severity,
    pub detected_at: DateTime<Utc>,
    pub opened_at: DateTime<Utc>,
    pub opened_by: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub drill: bool,
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_at: Option<DateTime<Utc>>,
    pub checklist: Vec<ChecklistStep>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route: Option<ResolvedRoute>,
    #[serde(default)]
    pub attempts: Vec<ContactAttempt>,
    #[serde(default)]
    pub escalations: Vec<Escalation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub consultations: Vec<Consultation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interim_actions: Vec<InterimAction>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Review>,
    /// For a drill run from a scenario: its clock, injects and readiness checks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drill_run: Option<DrillRun>,
    /// The guide's conditions as answered in the scope form ("personal information
    /// involved?").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<ConditionAnswer>,
    /// The duties with their own clocks that the answers brought.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub obligations: Vec<Obligation>,
    /// For an out-of-scope request: each decision recorded, the last one standing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scope_decisions: Vec<ScopeDecision>,
    pub timeline: Vec<TimelineEntry>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The kind an incident is given (by the record form, `new --kind`, a reclassification):
/// its id, and its name as the playbook had it then.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncidentKind {
    pub id: String,
    pub name: Bilingual,
}

impl Incident {
    /// The incident's kind in words, made safe: its name as recorded, else its id; None for
    /// an incident without a kind (its category has none, or it was recorded before kinds).
    pub fn kind_words(&self, lang: crate::i18n::Lang) -> Option<String> {
        let id = self.kind.as_deref()?;
        let name = self.kind_name.as_ref().map_or(id, |n| n.get(lang));
        Some(crate::text::safe_line(name))
    }

    /// The category in words, with the kind where there is one:
    /// `Security incident — Email sent to the wrong recipient`.
    pub fn category_words(&self, lang: crate::i18n::Lang) -> String {
        let category = crate::i18n::category(lang, self.category);
        match self.kind_words(lang) {
            Some(kind) => format!("{category} — {kind}"),
            None => category.to_string(),
        }
    }

    /// The timeline in the order things happened (entries of one time in the order they were
    /// written): a move up the route by time is written when a desk notices it, stamped with
    /// when it happened.
    pub fn timeline_in_order(&self) -> Vec<&crate::timeline::TimelineEntry> {
        let mut entries: Vec<_> = self.timeline.iter().collect();
        entries.sort_by_key(|e| e.at);
        entries
    }

    /// Two desks cut off from each other left the incident in different states (one closed
    /// it, one reopened it…): true while its newest change of status is marked
    /// [`MergeMark::Conflict`](crate::timeline::MergeMark::Conflict). A later change of
    /// status made with both seen settles it.
    pub fn has_conflict(&self) -> bool {
        self.timeline
            .iter()
            .rev()
            .find(|e| e.kind.is_status())
            .is_some_and(|e| e.merge == Some(crate::timeline::MergeMark::Conflict))
    }

    pub fn is_open(&self) -> bool {
        self.status == Status::Open
    }

    /// The phase the incident is in, derived from its checklist. None: every step done.
    pub fn current_phase(&self) -> Option<Phase> {
        checklist::current_phase(&self.checklist)
    }

    pub fn progress(&self) -> Vec<PhaseProgress> {
        checklist::progress(&self.checklist)
    }

    pub fn step(&self, id: &str) -> Option<&ChecklistStep> {
        self.checklist.iter().find(|s| s.id == id)
    }

    pub fn step_mut(&mut self, id: &str) -> Option<&mut ChecklistStep> {
        self.checklist.iter_mut().find(|s| s.id == id)
    }

    /// Open steps of the Review phase (neither done nor marked as not applying); closing
    /// needs none.
    pub fn open_review_steps(&self) -> Vec<&ChecklistStep> {
        self.checklist
            .iter()
            .filter(|s| s.phase == Phase::Review && s.is_open())
            .collect()
    }

    /// The action that checked a done step, if an action did: what the step remembers, or,
    /// for a step checked before steps remembered it, the contact whose reaching the entry
    /// of the check names. None for a step checked by hand or not checked.
    pub fn checked_via(&self, step: &ChecklistStep) -> Option<DoneVia> {
        step.done.as_ref()?;
        if let Some(via) = &step.done_via {
            return Some(via.clone());
        }
        let entry = self.timeline.iter().rev().find(|e| {
            e.step.as_deref() == Some(step.id.as_str())
                && matches!(e.kind, EntryKind::StepChecked | EntryKind::StepUnchecked)
        })?;
        match (&entry.kind, &entry.via, &entry.contact) {
            (EntryKind::StepChecked, Some(via), _) => Some(via.clone()),
            (EntryKind::StepChecked, None, Some(contact)) => {
                Some(DoneVia::Reaching(contact.clone()))
            }
            _ => None,
        }
    }

    /// The step reaching the first level of the route checks.
    pub fn report_step(&self) -> Option<&ChecklistStep> {
        self.checklist
            .iter()
            .find(|s| s.role == Some(StepRole::ReportToSupervisor))
    }

    /// The first time anyone on the route was reached.
    pub fn first_report(&self) -> Option<&ContactAttempt> {
        self.attempts
            .iter()
            .filter(|a| a.outcome == AttemptOutcome::Reached)
            .min_by_key(|a| a.at)
    }

    /// The decision standing on an out-of-scope request: the last one recorded.
    pub fn scope_decision(&self) -> Option<&ScopeDecision> {
        self.scope_decisions.last()
    }

    /// The answer given to a condition of the guide, if one was.
    pub fn condition(&self, id: &str) -> Option<&ConditionAnswer> {
        self.conditions.iter().find(|c| c.id == id)
    }

    pub fn age(&self, now: DateTime<Utc>) -> chrono::Duration {
        now - self.detected_at
    }

    /// The measures still to do that are follow-ups to act on: every open measure of a live
    /// incident; of a drill, those that follow up a readiness check it found wanting (a real
    /// gap, not a part of the exercise).
    pub fn open_follow_ups(&self) -> impl Iterator<Item = &Measure> {
        let drill = self.drill;
        self.review
            .iter()
            .flat_map(|r| r.open_measures())
            .filter(move |m| !drill || m.check.is_some())
    }

    /// When the impact was first contained: the first interim action that worked.
    pub fn mitigated_at(&self) -> Option<DateTime<Utc>> {
        self.interim_actions
            .iter()
            .filter(|a| a.effect == Effect::Worked)
            .map(|a| a.at)
            .min()
    }

    /// The key times of the incident and how long each took from detection.
    pub fn times(&self) -> KeyTimes {
        let since = |t: Option<DateTime<Utc>>| t.map(|t| t - self.detected_at);
        let first_report = self.first_report().map(|a| a.at);
        let mitigated = self.mitigated_at();
        KeyTimes {
            detected: self.detected_at,
            first_report,
            mitigated,
            closed: self.closed_at,
            to_first_report: since(first_report),
            to_mitigated: since(mitigated),
            to_closed: since(self.closed_at),
        }
    }
}

/// Detected, first reported, mitigated, closed — and the time from detection to each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyTimes {
    pub detected: DateTime<Utc>,
    pub first_report: Option<DateTime<Utc>>,
    pub mitigated: Option<DateTime<Utc>>,
    pub closed: Option<DateTime<Utc>>,
    pub to_first_report: Option<chrono::Duration>,
    pub to_mitigated: Option<chrono::Duration>,
    pub to_closed: Option<chrono::Duration>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_timeline_reads_in_the_order_things_happened() {
        use crate::test_fixtures::{incident_at, t};
        use crate::timeline::{EntryKind, TimelineEntry};
        let mut inc = incident_at("10:00");
        inc.timeline.push(TimelineEntry::new(
            t("10:30"),
            "a",
            EntryKind::Note,
            "later",
        ));
        // Written after, about a moment before: a move up the route noticed late.
        inc.timeline.push(TimelineEntry::new(
            t("10:20"),
            "b",
            EntryKind::Note,
            "noticed late",
        ));
        inc.timeline.push(TimelineEntry::new(
            t("10:30"),
            "c",
            EntryKind::Note,
            "same time",
        ));
        let texts: Vec<&str> = inc
            .timeline_in_order()
            .into_iter()
            .map(|e| e.text.as_str())
            .filter(|t| !t.is_empty() && *t != "Mail server down")
            .collect();
        assert_eq!(texts, ["noticed late", "later", "same time"]);
    }

    #[test]
    fn ids_are_four_digits_and_parse_loosely() {
        assert_eq!(IncidentId::from_number(7).0, "INC-0007");
        assert_eq!(IncidentId::from_number(12345).0, "INC-12345");
        assert_eq!("inc-7".parse::<IncidentId>().unwrap().0, "INC-0007");
        assert_eq!("7".parse::<IncidentId>().unwrap().0, "INC-0007");
        assert_eq!("INC-0042".parse::<IncidentId>().unwrap().number(), Some(42));
        let synced: IncidentId = "inc-tyo1-12".parse().unwrap();
        assert_eq!(synced.0, "INC-TYO1-0012");
        assert_eq!(synced.desk_number(), Some(("TYO1", 12)));
        assert_eq!(synced.number(), None);
        assert_eq!(IncidentId::from_number(12).desk_number(), None);
        assert!("INC-x".parse::<IncidentId>().is_err());
    }
}
