//! What an operator was typing when the desk went away: kept, and offered back.

use crate::IncidentId;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DraftKind {
    NewIncident,
    StepNote,
    IncidentNote,
    UpdateNote,
    Scope,
    Consultation,
    InterimAction,
    Review,
    CloseWithoutReview,
    Escalation,
    Reclassification,
    Contact,
    Availability,
    CheckAnswer,
    Filter,
    /// Why a step does not apply.
    NotApplicable,
    /// What was decided about an out-of-scope request.
    ScopeDecision,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub schema_version: u32,
    pub kind: DraftKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incident: Option<IncidentId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<String>,
    /// The form's fields by name, as typed.
    pub fields: BTreeMap<String, String>,
    pub saved_at: DateTime<Utc>,
}

impl Draft {
    /// A form's draft: its fields by name, as typed. A field whose name (or its last part,
    /// after a dot) starts with `_` holds a choice or what the form is about, not text the
    /// operator typed.
    pub fn new<K: Into<String>>(
        kind: DraftKind,
        incident: Option<&IncidentId>,
        fields: impl IntoIterator<Item = (K, String)>,
        schema_version: u32,
        saved_at: DateTime<Utc>,
    ) -> Draft {
        Draft {
            schema_version,
            kind,
            incident: incident.cloned(),
            step: None,
            fields: fields.into_iter().map(|(k, v)| (k.into(), v)).collect(),
            saved_at,
        }
    }

    /// The fields that hold typed text, by name.
    pub fn typed(&self) -> impl Iterator<Item = (&str, &str)> {
        self.fields
            .iter()
            .filter(|(k, _)| {
                let last = k.rsplit('.').next().unwrap_or(k);
                !last.starts_with('_') && *k != "category" && *k != "severity"
            })
            .map(|(k, v)| (k.as_str(), v.as_str()))
    }

    pub fn field(&self, name: &str) -> &str {
        self.fields.get(name).map_or("", String::as_str)
    }

    /// The same draft apart from when it was saved.
    pub fn same_as(&self, other: &Draft) -> bool {
        self.kind == other.kind
            && self.incident == other.incident
            && self.step == other.step
            && self.fields == other.fields
    }
}
