//! A new incident as it is opened: what the operator says of it, with the checklist of its
//! category's playbook and the route the roster gives its category and severity.

use crate::category::Category;
use crate::checklist::{ChecklistStep, checklist_from};
use crate::drill::DrillRun;
use crate::incident::ResolvedRoute;
use crate::playbook::CategoryPlaybook;
use crate::roster::Roster;
use crate::severity::Severity;
use chrono::{DateTime, Utc};

/// What an operator entered for a new incident, with its checklist and route already
/// taken from the playbook and the roster.
#[derive(Debug, Clone, PartialEq)]
pub struct NewIncident {
    pub title: String,
    pub category: Category,
    pub severity: Severity,
    pub detected_at: DateTime<Utc>,
    pub description: String,
    pub drill: bool,
    pub checklist: Vec<ChecklistStep>,
    pub route: Option<ResolvedRoute>,
    /// For a drill started from a scenario.
    pub drill_run: Option<DrillRun>,
}

/// What the person opening an incident says of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Reported {
    pub title: String,
    pub category: Category,
    pub severity: Severity,
    pub detected_at: DateTime<Utc>,
    pub description: String,
}

impl NewIncident {
    /// The incident as reported, with the steps of `book` (its category's playbook) and
    /// the roster's route for its category and severity. Not a drill.
    pub fn new(reported: Reported, book: &CategoryPlaybook, roster: &Roster) -> NewIncident {
        NewIncident {
            checklist: checklist_from(book),
            route: roster
                .route_for(reported.category, reported.severity)
                .map(|r| r.resolve()),
            title: reported.title,
            category: reported.category,
            severity: reported.severity,
            detected_at: reported.detected_at,
            description: reported.description,
            drill: false,
            drill_run: None,
        }
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
