//! The canonical form of a JSON value, and its SHA-256: objects' keys in order, no spaces,
//! so a file's formatting and the order its keys were written in never change a
//! fingerprint.

use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

/// The value with every object's keys in sorted order, all the way down.
pub(super) fn sorted(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            let mut out = Map::new();
            for (k, v) in entries {
                out.insert(k, sorted(v));
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sorted).collect()),
        other => other,
    }
}

/// The value as canonical JSON text: keys sorted, no whitespace.
pub fn canonical_json(value: &Value) -> String {
    // Sorting a clone keeps the caller's value as it is.
    serde_json::to_string(&sorted(value.clone())).unwrap_or_default()
}

/// SHA-256 of the text, in lower-case hex.
pub fn digest(text: &str) -> String {
    let hash = Sha256::digest(text.as_bytes());
    hash.iter().map(|b| format!("{b:02x}")).collect()
}
