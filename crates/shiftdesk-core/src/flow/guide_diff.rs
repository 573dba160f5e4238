//! What changed in the guide: which category's guidance, the scope definition, the known
//! risks, the obligations.

use super::diff::{Difference, GuidePart};
use crate::category::Category;
use serde_json::Value;
use std::collections::BTreeSet;

fn keys(v: Option<&Value>) -> BTreeSet<String> {
    v.and_then(Value::as_object)
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default()
}

pub(super) fn guide_differences(old: &Value, new: &Value, out: &mut Vec<Difference>) {
    for key in keys(Some(old)).union(&keys(Some(new))) {
        let (a, b) = (old.get(key), new.get(key));
        if a == b || key == "schema_version" {
            continue;
        }
        let part = match key.as_str() {
            "categories" => {
                let (ca, cb) = (a.and_then(Value::as_object), b.and_then(Value::as_object));
                for id in keys(a).union(&keys(b)) {
                    let changed = ca.and_then(|m| m.get(id)) != cb.and_then(|m| m.get(id));
                    if changed {
                        let part = match id.parse::<Category>() {
                            Ok(c) => GuidePart::Category(c),
                            Err(_) => GuidePart::Other(format!("categories.{id}")),
                        };
                        out.push(Difference::Guide { part });
                    }
                }
                continue;
            }
            "scope" => GuidePart::Scope,
            "known_risks" => GuidePart::Risks,
            "obligations" => GuidePart::Obligations,
            "note" => GuidePart::Note,
            other => GuidePart::Other(other.to_string()),
        };
        out.push(Difference::Guide { part });
    }
}
