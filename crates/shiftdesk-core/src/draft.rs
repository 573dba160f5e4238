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
