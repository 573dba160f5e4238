//! `flow.json`: the sign-offs of the flow, each operator's acknowledgements, and the flows
//! they were of, kept to tell later what changed.

use super::{FlowSnapshot, canonical_json, digest};
use crate::apply::Apply;
use crate::change::{ChangeId, Stamped};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

pub const FLOW_SCHEMA_VERSION: u32 = 1;

/// The people concerned checked the flow: who, when, with what note, and which flow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignOff {
    pub fingerprint: String,
    pub by: String,
    pub at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The desk it was recorded at.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub desk: String,
    pub change_id: ChangeId,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// An operator read what changed in the flow and acknowledged it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Acknowledgement {
    pub operator: String,
    pub fingerprint: String,
    pub at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub desk: String,
    pub change_id: ChangeId,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A flow signed or acknowledged: its parts, by their digests in [`FlowFile::parts`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeptVersion {
    pub roster: String,
    pub playbooks: String,
    pub guide: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub own_playbooks: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub own_guide: bool,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FlowFile {
    pub schema_version: u32,
    /// Oldest first; the last is the one in force.
    #[serde(default)]
    pub sign_offs: Vec<SignOff>,
    /// Oldest first; an operator's last is theirs.
    #[serde(default)]
    pub acknowledgements: Vec<Acknowledgement>,
    /// The flows signed, and each operator's last acknowledged, by fingerprint.
    #[serde(default)]
    pub versions: BTreeMap<String, KeptVersion>,
    /// The parts of those flows by their SHA-256: a roster change does not copy the
    /// playbooks and the guide again.
    #[serde(default)]
    pub parts: BTreeMap<String, Value>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Default for FlowFile {
    fn default() -> Self {
        FlowFile {
            schema_version: FLOW_SCHEMA_VERSION,
            sign_offs: Vec::new(),
            acknowledgements: Vec::new(),
            versions: BTreeMap::new(),
            parts: BTreeMap::new(),
            extra: Map::new(),
        }
    }
}

impl FlowFile {
    /// The sign-off in force: the last.
    pub fn last_sign_off(&self) -> Option<&SignOff> {
        self.sign_offs.last()
    }

    /// The operator's last acknowledgement.
    pub fn last_acknowledgement(&self, operator: &str) -> Option<&Acknowledgement> {
        self.acknowledgements
            .iter()
            .rev()
            .find(|a| a.operator == operator)
    }

    /// The flow kept under this fingerprint, when it is whole.
    pub fn version(&self, fingerprint: &str) -> Option<FlowSnapshot> {
        let kept = self.versions.get(fingerprint)?;
        Some(FlowSnapshot {
            roster: self.parts.get(&kept.roster)?.clone(),
            playbooks: self.parts.get(&kept.playbooks)?.clone(),
            guide: self.parts.get(&kept.guide)?.clone(),
            own_playbooks: kept.own_playbooks,
            own_guide: kept.own_guide,
        })
    }

    fn keep(&mut self, fingerprint: &str, flow: &FlowSnapshot) {
        let mut part = |value: &Value| {
            let key = digest(&canonical_json(value));
            self.parts
                .entry(key.clone())
                .or_insert_with(|| value.clone());
            key
        };
        let kept = KeptVersion {
            roster: part(&flow.roster),
            playbooks: part(&flow.playbooks),
            guide: part(&flow.guide),
            own_playbooks: flow.own_playbooks,
            own_guide: flow.own_guide,
            extra: Map::new(),
        };
        self.versions.insert(fingerprint.to_string(), kept);
        self.let_go();
    }

    /// Lets go of the flows nobody needs any more: kept are every signed one and each
    /// operator's last acknowledged one, with their parts.
    fn let_go(&mut self) {
        let mut needed: BTreeSet<&str> = self
            .sign_offs
            .iter()
            .map(|s| s.fingerprint.as_str())
            .collect();
        let operators: BTreeSet<&str> = self
            .acknowledgements
            .iter()
            .map(|a| a.operator.as_str())
            .collect();
        for op in operators {
            if let Some(a) = self
                .acknowledgements
                .iter()
                .rev()
                .find(|a| a.operator == op)
            {
                needed.insert(&a.fingerprint);
            }
        }
        let needed: BTreeSet<String> = needed.into_iter().map(str::to_string).collect();
        self.versions.retain(|fp, _| needed.contains(fp));
        let parts: BTreeSet<&String> = self
            .versions
            .values()
            .flat_map(|v| [&v.roster, &v.playbooks, &v.guide])
            .collect();
        let parts: BTreeSet<String> = parts.into_iter().cloned().collect();
        self.parts.retain(|k, _| parts.contains(k));
    }

    fn has(&self, id: ChangeId) -> bool {
        self.sign_offs.iter().any(|s| s.change_id == id)
            || self.acknowledgements.iter().any(|a| a.change_id == id)
    }
}

/// What is recorded in `flow.json`: each with the flow it is about.
#[derive(Debug, Clone, PartialEq)]
pub enum FlowEntry {
    /// The people concerned checked this flow (`by` of the stamp is who signed).
    SignOff {
        note: String,
        flow: Box<FlowSnapshot>,
    },
    /// The operator (`by` of the stamp) read what changed and acknowledged this flow.
    Acknowledge { flow: Box<FlowSnapshot> },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlowApplied {
    Signed,
    Acknowledged,
    /// Already recorded (the same change again, or this flow already acknowledged by this
    /// operator): nothing to write.
    Unchanged,
}

impl Apply<FlowFile> for Stamped<FlowEntry> {
    type Out = FlowApplied;
    type Err = String;

    fn apply(&self, file: &mut FlowFile) -> Result<FlowApplied, String> {
        if file.has(self.id) {
            return Ok(FlowApplied::Unchanged);
        }
        match &self.change {
            FlowEntry::SignOff { note, flow } => {
                let fingerprint = flow.fingerprint();
                file.sign_offs.push(SignOff {
                    fingerprint: fingerprint.clone(),
                    by: self.by.clone(),
                    at: self.at,
                    note: note.clone(),
                    desk: self.origin.clone(),
                    change_id: self.id,
                    extra: Map::new(),
                });
                file.keep(&fingerprint, flow);
                Ok(FlowApplied::Signed)
            }
            FlowEntry::Acknowledge { flow } => {
                let fingerprint = flow.fingerprint();
                if file
                    .last_acknowledgement(&self.by)
                    .is_some_and(|a| a.fingerprint == fingerprint)
                {
                    return Ok(FlowApplied::Unchanged);
                }
                file.acknowledgements.push(Acknowledgement {
                    operator: self.by.clone(),
                    fingerprint: fingerprint.clone(),
                    at: self.at,
                    desk: self.origin.clone(),
                    change_id: self.id,
                    extra: Map::new(),
                });
                file.keep(&fingerprint, flow);
                Ok(FlowApplied::Acknowledged)
            }
        }
    }

    fn changed(out: &FlowApplied) -> bool {
        *out != FlowApplied::Unchanged
    }

    fn at(&self) -> Option<DateTime<Utc>> {
        Some(self.at)
    }
}
