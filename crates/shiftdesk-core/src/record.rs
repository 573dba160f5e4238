//! What an incident accumulates after the report: the scope as known, who was consulted,
//! each interim action and its effect, and the review with its measures against recurrence.

use crate::checklist::Stamp;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The scope of impact as known so far; each update replaces it and is logged.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Scope {
    #[serde(default)]
    pub services: String,
    /// Customers, users or sites affected.
    #[serde(default)]
    pub affected: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_count: Option<u64>,
    /// The estimate as the operator wrote it (`約100件`, `1通`), when it says more than the
    /// number taken from it; what reports show.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub estimated_count_text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<DateTime<Utc>>,
    #[serde(default)]
    pub notes: String,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Scope {
    pub fn is_empty(&self) -> bool {
        self.services.trim().is_empty()
            && self.affected.trim().is_empty()
            && self.estimated_count.is_none()
            && self.estimated_count_text.trim().is_empty()
            && self.since.is_none()
            && self.notes.trim().is_empty()
    }

    /// An estimate as the operator typed it: the number taken from it, and the text kept
    /// when it says more than the number (`約100件`). None when no number is in it.
    pub fn estimate(typed: &str) -> Option<(u64, String)> {
        let n = count_in(typed)?;
        let typed = typed.trim();
        let text = if typed == n.to_string() {
            String::new()
        } else {
            typed.to_string()
        };
        Some((n, text))
    }

    /// The estimated count as reports show it: as written, else the number.
    pub fn count_shown(&self) -> Option<String> {
        match (self.estimated_count_text.trim(), self.estimated_count) {
            ("", n) => n.map(|n| n.to_string()),
            (text, _) => Some(text.to_string()),
        }
    }
}

/// The number in an estimate as people write it: `1通`, `約100件`, `about 1,200`, `1万件`,
/// `100-200` (the first number; NFKC makes `１００` plain digits first). None when the text
/// holds no number.
pub fn count_in(text: &str) -> Option<u64> {
    let text = crate::text::normalize_input(text);
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let mut n: u64 = 0;
    let mut rest = &text[start..];
    while let Some(c) = rest.chars().next() {
        match c {
            '0'..='9' => n = n.checked_mul(10)?.checked_add(u64::from(c as u8 - b'0'))?,
            // A thousands separator only between digits.
            ',' if rest[1..].starts_with(|d: char| d.is_ascii_digit()) => {}
            _ => break,
        }
        rest = &rest[c.len_utf8()..];
    }
    let scale: u64 = match rest.trim_start().chars().next() {
        Some('万') => 10_000,
        Some('千') => 1_000,
        Some('億') => 100_000_000,
        _ => 1,
    };
    n.checked_mul(scale)
}

/// Somebody consulted, and what they advised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consultation {
    pub at: DateTime<Utc>,
    pub by: String,
    /// The roster contact, when the person is in it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// The name as the operator gave it.
    pub who: String,
    pub advice: String,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Whether an interim action did what it was meant to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    Worked,
    Partly,
    DidNot,
}

impl Effect {
    pub const ALL: [Effect; 3] = [Effect::Worked, Effect::Partly, Effect::DidNot];
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterimAction {
    pub at: DateTime<Utc>,
    pub by: String,
    pub action: String,
    pub effect: Effect,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A measure against recurrence: what, who, by when, and whether it is done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Measure {
    /// 1, 2, …: stable within the incident, for marking it done later.
    pub id: u32,
    pub text: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<Stamp>,
    /// The readiness check of a drill this measure follows up (its id): a gap the drill
    /// found, to be closed for real.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check: Option<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The review: what happened, why, what went well and badly, the measures, and who the
/// case was shared with.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Review {
    #[serde(default)]
    pub what_happened: String,
    #[serde(default)]
    pub cause: String,
    #[serde(default)]
    pub went_well: String,
    #[serde(default)]
    pub went_badly: String,
    #[serde(default)]
    pub measures: Vec<Measure>,
    #[serde(default)]
    pub shared_with: String,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Review {
    pub fn open_measures(&self) -> impl Iterator<Item = &Measure> {
        self.measures.iter().filter(|m| m.done.is_none())
    }
}

/// A measure as the review form gives it (the id is kept for one that existed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasureInput {
    #[serde(default)]
    pub id: Option<u32>,
    pub text: String,
    pub owner: String,
    pub due: Option<NaiveDate>,
}

/// A measure added on its own (a follow-up to a failed readiness check), not in the review
/// form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewMeasure {
    pub text: String,
    pub owner: String,
    pub due: Option<NaiveDate>,
    /// The readiness check it follows up.
    pub check: Option<String>,
}

/// The review as the form gives it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ReviewInput {
    pub what_happened: String,
    pub cause: String,
    pub went_well: String,
    pub went_badly: String,
    pub measures: Vec<MeasureInput>,
    pub shared_with: String,
}

#[cfg(test)]
mod tests {
    use super::{Scope, count_in};

    #[test]
    fn a_scope_keeps_the_estimate_as_written_and_reads_one_from_before() {
        let old: Scope =
            serde_json::from_str(r#"{"services":"mail","estimated_count":120}"#).unwrap();
        assert_eq!(old.count_shown().as_deref(), Some("120"));
        let json = serde_json::to_string(&old).unwrap();
        assert!(!json.contains("estimated_count_text"), "{json}");
        let (n, text) = Scope::estimate("約100件").unwrap();
        let new = Scope {
            estimated_count: Some(n),
            estimated_count_text: text,
            ..Scope::default()
        };
        assert_eq!(new.count_shown().as_deref(), Some("約100件"));
        let back: Scope = serde_json::from_str(&serde_json::to_string(&new).unwrap()).unwrap();
        assert_eq!(back, new);
        assert_eq!(Scope::estimate("100"), Some((100, String::new())));
        assert_eq!(Scope::estimate("—"), None);
    }

    #[test]
    fn an_estimate_gives_its_number_however_it_is_written() {
        for (typed, n) in [
            ("1通", Some(1)),
            ("約100件", Some(100)),
            ("１００", Some(100)),
            ("about 1,200 customers", Some(1200)),
            ("1万件", Some(10_000)),
            ("約3千人", Some(3_000)),
            ("100-200", Some(100)),
            ("12", Some(12)),
            ("不明", None),
            ("", None),
            ("99999999999999999999999", None),
        ] {
            assert_eq!(count_in(typed), n, "{typed}");
        }
    }
}
