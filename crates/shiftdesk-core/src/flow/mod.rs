//! The flow a team agrees on: the reporting routes (levels, deadlines, who), the contacts
//! with their numbers, the playbooks in use (bundled or the team's) and the incident guide
//! in use. Its fingerprint says whether the flow in use is the one that was signed off or
//! acknowledged; a snapshot kept with each sign-off and acknowledgement says, later, what
//! changed, in words.
//!
//! The roster's part is the whole of `roster.json` as this version reads it, in a canonical
//! form: so whatever the file holds (rotations, settings, fields this version does not know)
//! is in the fingerprint and in the differences by construction. Only what is not agreed
//! but lived is left out: a contact marked away.

mod canonical;
mod diff;
mod diff_words;
mod file;
mod guide_diff;
mod status;
mod steps_diff;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_diff;

pub use canonical::{canonical_json, digest};
pub use diff::{Applies, Book, Difference, GuidePart, Part, differences};
pub use file::{
    Acknowledgement, FLOW_SCHEMA_VERSION, FlowApplied, FlowEntry, FlowFile, KeptVersion, SignOff,
};
pub use status::{
    Basis, Changed, RollOut, SignOffState, not_acknowledged, roll_out_for, sign_off_state,
};

use crate::guide::Guide;
use crate::playbook::Playbooks;
use crate::roster::Roster;
use serde_json::{Value, json};

/// How many days a sign-off holds when `roster.json` does not say
/// (`"sign_off_max_age_days"`).
pub const DEFAULT_SIGN_OFF_DAYS: u32 = 180;

/// The flow in use, each part in its canonical form.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowSnapshot {
    pub roster: Value,
    pub playbooks: Value,
    pub guide: Value,
    /// The team's own playbooks.json (not the bundled playbooks). Not in the fingerprint:
    /// the same steps are the same flow wherever they come from.
    pub own_playbooks: bool,
    /// The team's own guide.json.
    pub own_guide: bool,
}

impl FlowSnapshot {
    /// The flow of this roster, these playbooks and this guide.
    pub fn of(
        roster: &Roster,
        (playbooks, own_playbooks): (&Playbooks, bool),
        (guide, own_guide): (&Guide, bool),
    ) -> FlowSnapshot {
        FlowSnapshot {
            roster: roster_part(roster),
            playbooks: canonical::sorted(serde_json::to_value(playbooks).unwrap_or(Value::Null)),
            guide: canonical::sorted(serde_json::to_value(guide).unwrap_or(Value::Null)),
            own_playbooks,
            own_guide,
        }
    }

    /// SHA-256 over the canonical JSON of the three parts, in lower-case hex.
    pub fn fingerprint(&self) -> String {
        let whole = json!({
            "roster": self.roster,
            "playbooks": self.playbooks,
            "guide": self.guide,
        });
        digest(&canonical_json(&whole))
    }
}

/// A fingerprint as people read it: its first 12 hex digits.
pub fn short(fingerprint: &str) -> &str {
    fingerprint.get(..12).unwrap_or(fingerprint)
}

/// The roster as the flow holds it: every field as this version reads the file (defaults
/// written out, so a field left out and one written empty are the same), contacts in the
/// order of their ids, and no contact's away mark.
fn roster_part(roster: &Roster) -> Value {
    let mut value = serde_json::to_value(roster).unwrap_or(Value::Null);
    if let Some(contacts) = value.get_mut("contacts").and_then(Value::as_array_mut) {
        for c in contacts.iter_mut() {
            if let Some(c) = c.as_object_mut() {
                c.remove("unavailable");
            }
        }
        contacts.sort_by(|a, b| {
            let id = |v: &Value| {
                v.get("id")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string()
            };
            id(a).cmp(&id(b))
        });
    }
    canonical::sorted(value)
}

impl Roster {
    /// Days a sign-off of the flow holds: `"sign_off_max_age_days"` in `roster.json`, else
    /// 180 (0 counts as not set).
    pub fn sign_off_max_age_days(&self) -> u32 {
        self.sign_off_max_age_days
            .filter(|d| *d > 0)
            .unwrap_or(DEFAULT_SIGN_OFF_DAYS)
    }
}
