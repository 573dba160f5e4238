//! A new incident as it is opened: what the operator says of it, with the checklist of its
//! category's playbook and the route the roster gives its category and severity.

use crate::category::Category;
use crate::checklist::{ChecklistStep, checklist_from};
use crate::drill::DrillRun;
use crate::incident::{IncidentId, IncidentKind, ResolvedRoute};
use crate::playbook::CategoryPlaybook;
use crate::roster::Roster;
use crate::severity::Severity;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What an operator entered for a new incident, with its checklist and route already
/// taken from the playbook and the roster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewIncident {
    /// The id it is opened under: None takes the file's next one (`INC-0012`); a synced
    /// desk gives its own (`INC-TYO1-0012`, [`IncidentsFile::next_id_for`]), carried by
    /// the change so that every desk opens it under the same id.
    ///
    /// [`IncidentsFile::next_id_for`]: crate::desk::IncidentsFile::next_id_for
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<IncidentId>,
    pub title: String,
    pub category: Category,
    /// The kind of the category, where it has kinds.
    #[serde(default)]
    pub kind: Option<IncidentKind>,
    pub severity: Severity,
    pub detected_at: DateTime<Utc>,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub drill: bool,
    #[serde(default)]
    pub checklist: Vec<ChecklistStep>,
    #[serde(default)]
    pub route: Option<ResolvedRoute>,
    /// For a drill started from a scenario.
    #[serde(default)]
    pub drill_run: Option<DrillRun>,
}

/// What the person opening an incident says of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Reported {
    pub title: String,
    pub category: Category,
    /// The kind of the category the operator picked; None takes the category's default.
    pub kind: Option<String>,
    pub severity: Severity,
    pub detected_at: DateTime<Utc>,
    pub description: String,
}

impl NewIncident {
    /// The incident as reported, with the steps of `book` (its category's playbook) for its
    /// kind and the roster's route for its category, kind and severity. Not a drill. A
    /// category with kinds and none picked (or one it does not have) takes its default kind.
    pub fn new(reported: Reported, book: &CategoryPlaybook, roster: &Roster) -> NewIncident {
        let kind = book.kind_taken(reported.kind.as_deref());
        let id = kind.as_ref().map(|k| k.id.as_str());
        NewIncident {
            id: None,
            checklist: checklist_from(&book.for_kind(id)),
            route: roster
                .route_for_kind(reported.category, id, reported.severity)
                .map(|r| r.resolve()),
            kind,
            title: reported.title,
            category: reported.category,
            severity: reported.severity,
            detected_at: reported.detected_at,
            description: reported.description,
            drill: false,
            drill_run: None,
        }
    }

    /// The first level's rotation, if it names one, resolved to whom is on duty at `now`
    /// (when the incident is recorded: the person to call now, whenever it was detected).
    pub fn on_duty_at(mut self, roster: &Roster, now: DateTime<Utc>) -> NewIncident {
        self.route = self.route.map(|r| r.with_first_on_duty(roster, now));
        self
    }

    /// The same incident as a drill (with its run, for one started from a scenario).
    pub fn as_drill(self, run: Option<DrillRun>) -> NewIncident {
        NewIncident {
            drill: true,
            drill_run: run,
            ..self
        }
    }
}
