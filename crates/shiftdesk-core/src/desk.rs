//! The saved state of the desk: every incident, as `incidents.json` holds it.

use crate::escalation::{next_update_due, route_progress};
use crate::incident::{Incident, IncidentId};
use crate::roster::Roster;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::sync::Arc;

pub const INCIDENTS_SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IncidentsFile {
    pub schema_version: u32,
    /// Rises by one with every saved change; tells a desk that another one wrote.
    pub revision: u64,
    /// The highest incident number ever given, archived ones included: ids are never
    /// given twice.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub last_number: u32,
    /// Shared, so that a copy of the file costs a pointer per incident and a change copies
    /// only the incident it changes ([`IncidentsFile::get_mut`]).
    pub incidents: Vec<Arc<Incident>>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Default for IncidentsFile {
    fn default() -> Self {
        IncidentsFile {
            schema_version: INCIDENTS_SCHEMA_VERSION,
            revision: 0,
            last_number: 0,
            incidents: Vec::new(),
            extra: Map::new(),
        }
    }
}

impl IncidentsFile {
    pub fn get(&self, id: &IncidentId) -> Option<&Incident> {
        self.incidents.iter().find(|i| &i.id == id).map(|i| &**i)
    }

    /// The incident to change: copied first if another copy of the file shares it.
    pub fn get_mut(&mut self, id: &IncidentId) -> Option<&mut Incident> {
        self.incidents
            .iter_mut()
            .find(|i| &i.id == id)
            .map(Arc::make_mut)
    }

    /// The id the next incident gets: one past the highest ever used.
    pub fn next_id(&self) -> IncidentId {
        IncidentId::from_number(self.highest_number() + 1)
    }

    /// The id the next incident opened at the synced desk `desk` gets: `INC-<DESK>-0012`,
    /// one past the highest number among the live ids with that desk's code. Ids of other
    /// desks and plain `INC-0003` ids are not counted (and stay valid).
    pub fn next_id_for(&self, desk: &str) -> IncidentId {
        self.next_id_for_after(desk, 0)
    }

    /// [`IncidentsFile::next_id_for`], past `archived` too (the highest number of that
    /// desk's archived ids).
    pub fn next_id_for_after(&self, desk: &str, archived: u32) -> IncidentId {
        let n = self
            .incidents
            .iter()
            .filter_map(|i| i.id.desk_number())
            .filter(|(d, _)| *d == desk)
            .map(|(_, n)| n)
            .chain([archived])
            .max()
            .unwrap_or(0);
        IncidentId::for_desk(desk, n + 1)
    }

    /// The highest incident number given so far, live or archived.
    pub fn highest_number(&self) -> u32 {
        self.incidents
            .iter()
            .filter_map(|i| i.id.number())
            .chain([self.last_number])
            .max()
            .unwrap_or(0)
    }
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// How urgent an incident is, for ordering: overdue report first, then severity, then age.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Urgency {
    not_overdue: bool,
    severity: u8,
    detected_at: DateTime<Utc>,
}

pub fn urgency(incident: &Incident, roster: &Roster, now: DateTime<Utc>) -> Urgency {
    let progress = route_progress(incident, roster, now);
    let update_overdue = next_update_due(incident, &progress, roster).is_some_and(|d| d < now);
    Urgency {
        not_overdue: progress.overdue_by(now).is_none()
            && progress.first_report_late_by(now).is_none()
            && !update_overdue,
        severity: incident.severity.number(),
        detected_at: incident.detected_at,
    }
}

/// Indices of the incidents `keep` selects, most urgent first.
pub fn by_urgency(
    incidents: &[impl std::borrow::Borrow<Incident>],
    roster: &Roster,
    now: DateTime<Utc>,
    keep: impl Fn(&Incident) -> bool,
) -> Vec<usize> {
    let mut rows: Vec<(Urgency, usize)> = incidents
        .iter()
        .map(std::borrow::Borrow::borrow)
        .enumerate()
        .filter(|(_, i)| keep(i))
        .map(|(n, i)| (urgency(i, roster, now), n))
        .collect();
    rows.sort();
    rows.into_iter().map(|(_, n)| n).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::incident::ResolvedRoute;
    use crate::roster::{Means, RouteLevel};
    use crate::severity::Severity;
    use crate::test_fixtures::{incident_at, t};

    fn with(n: u32, at: &str, sev: u8, within: Option<u32>) -> Incident {
        let mut i = incident_at(at);
        i.id = IncidentId::from_number(n);
        i.severity = Severity::new(sev).unwrap();
        i.route = within.map(|m| ResolvedRoute {
            route_id: "r".into(),
            resolved_at: None,
            name: String::new(),
            levels: vec![RouteLevel {
                contacts: vec![],
                rotation: None,
                on_duty: None,
                means: Means::Phone,
                report_within_minutes: m,
                escalate_after_minutes: 5,
                extra: Map::new(),
            }],
            extra: Map::new(),
        });
        i
    }

    #[test]
    fn overdue_then_severity_then_age() {
        let incidents = vec![
            with(1, "09:00", 2, None),     // old, severity 2
            with(2, "09:30", 1, None),     // severity 1
            with(3, "09:50", 4, Some(5)),  // minor but its report is overdue at 10:00
            with(4, "08:00", 2, None),     // oldest severity 2
            with(5, "09:59", 1, Some(15)), // severity 1, report not yet due
        ];
        let order = by_urgency(&incidents, &Roster::default(), t("10:00"), |_| true);
        let ids: Vec<u32> = order
            .iter()
            .map(|&n| incidents[n].id.number().unwrap())
            .collect();
        assert_eq!(ids, vec![3, 2, 5, 4, 1]);
    }

    #[test]
    fn next_id_follows_the_highest() {
        let mut file = IncidentsFile::default();
        assert_eq!(file.next_id().0, "INC-0001");
        file.incidents.push(with(7, "09:00", 2, None).into());
        file.incidents.push(with(3, "09:00", 2, None).into());
        assert_eq!(file.next_id().0, "INC-0008");
        // The archived ones count too.
        file.last_number = 12;
        assert_eq!(file.next_id().0, "INC-0013");
    }
}
