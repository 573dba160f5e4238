//! The team's incident guide: for each category what it is, examples and boundary cases, and
//! what makes it a 1, 2, 3 or 4; the team's scope definition (what it handles, and where each
//! request it does not handle goes); the risks outside the regulations the team agreed how to
//! handle; and the obligations with their own clocks (days, not minutes) that some incidents
//! carry. Bundled in `assets/guide.json`; a team replaces it with its own `guide.json`.
//!
//! A file is checked as it is read: every text in both languages and not blank, every
//! category and severity known, every severity of a category described, no unknown field. So
//! a bad file is named with its line and column. What needs the roster (a contact to forward
//! to) is checked by [`check`].

mod check;
mod print;
mod text;

pub use check::{GuideProblem, check};
pub use print::{forward_words, guide_text, risks_text};
pub use text::Text;

use crate::category::Category;
use crate::severity::Severity;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;

pub const GUIDE_SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    pub schema_version: u32,
    /// What the reader should know about the guide itself (e.g. which parts are examples).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    pub categories: BTreeMap<Category, CategoryGuide>,
    /// The team's scope definition, for `operational.out_of_scope`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<ScopeDefinition>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub known_risks: Vec<KnownRisk>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub obligations: Vec<ObligationRule>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryGuide {
    pub definition: Text,
    /// One line, for a terminal too narrow for the definition.
    pub summary: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<Text>,
    /// What this is not, and what it is instead.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub boundaries: Vec<Text>,
    pub severity: SeverityGuide,
}

/// What makes an incident of a category a 1, 2, 3 or 4: all four, by impact.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeverityGuide(BTreeMap<Severity, Text>);

impl SeverityGuide {
    pub fn meaning(&self, severity: Severity) -> &Text {
        // Every severity is there: a guide without one does not read.
        &self.0[&severity]
    }

    pub fn iter(&self) -> impl Iterator<Item = (Severity, &Text)> {
        self.0.iter().map(|(s, t)| (*s, t))
    }
}

impl<'de> Deserialize<'de> for SeverityGuide {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let raw = BTreeMap::<String, Text>::deserialize(d)?;
        let mut out = BTreeMap::new();
        for (key, text) in raw {
            let severity = key.parse::<Severity>().map_err(D::Error::custom)?;
            out.insert(severity, text);
        }
        if let Some(missing) = Severity::ALL.iter().find(|s| !out.contains_key(s)) {
            return Err(D::Error::custom(format!(
                "severity {missing} is not described: each of 1, 2, 3 and 4 needs its meaning"
            )));
        }
        Ok(SeverityGuide(out))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScopeDefinition {
    pub handles: Vec<Text>,
    pub does_not_handle: Vec<NotHandled>,
}

/// A kind of request the team does not handle, and where it goes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotHandled {
    pub id: String,
    pub request: Text,
    pub forward_to: ForwardTo,
    /// The line of the scope definition that applies.
    pub rule: Text,
}

/// Where a request the team does not handle is forwarded: a contact of the roster, or a team
/// named in words with how to reach it. Exactly one of the two.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawForward", into = "RawForward")]
pub enum ForwardTo {
    Contact(String),
    Team { team: Text, how: Option<Text> },
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawForward {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    contact: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    team: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    how: Option<Text>,
}

impl TryFrom<RawForward> for ForwardTo {
    type Error = &'static str;
    fn try_from(raw: RawForward) -> Result<Self, Self::Error> {
        match (raw.contact, raw.team) {
            (Some(c), None) if raw.how.is_none() && !c.trim().is_empty() => {
                Ok(ForwardTo::Contact(c))
            }
            (None, Some(team)) => Ok(ForwardTo::Team { team, how: raw.how }),
            _ => Err(
                "forward_to names a roster contact (\"contact\") or a team (\"team\", with \"how\"), one of the two",
            ),
        }
    }
}

impl From<ForwardTo> for RawForward {
    fn from(f: ForwardTo) -> RawForward {
        match f {
            ForwardTo::Contact(c) => RawForward {
                contact: Some(c),
                team: None,
                how: None,
            },
            ForwardTo::Team { team, how } => RawForward {
                contact: None,
                team: Some(team),
                how,
            },
        }
    }
}

/// A risk the regulations do not cover, and the handling the team agreed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KnownRisk {
    pub id: String,
    pub risk: Text,
    pub handling: Text,
    pub agreed_by: String,
    pub agreed_on: NaiveDate,
}

impl KnownRisk {
    /// Whether the risk mentions every word of `query` (any case, either language).
    pub fn matches(&self, query: &str) -> bool {
        let hay = [
            &self.risk.ja,
            &self.risk.en,
            &self.handling.ja,
            &self.handling.en,
            &self.agreed_by,
        ]
        .map(|s| crate::text::normalize_input(s).to_lowercase());
        crate::text::normalize_input(query)
            .to_lowercase()
            .split_whitespace()
            .all(|word| hay.iter().any(|h| h.contains(word)))
    }
}

/// A duty set by rules outside the team, on a clock of days.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObligationRule {
    pub id: String,
    pub category: Category,
    /// The kinds of the category it applies to; none: every kind.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<String>,
    pub what: Text,
    pub to: Text,
    pub within_days: u32,
    pub counted_from: CountedFrom,
    /// What must hold for the duty to arise; asked in the scope form.
    pub condition: Condition,
    /// An example the team must check against its own rules.
    #[serde(default)]
    pub example: bool,
}

impl ObligationRule {
    pub fn applies_to(&self, category: Category, kind: Option<&str>) -> bool {
        self.category == category
            && (self.kinds.is_empty() || kind.is_some_and(|k| self.kinds.iter().any(|x| x == k)))
    }

    /// When it is due, counted from `from` (detection, or when the team learned of it).
    pub fn due(&self, from: DateTime<Utc>) -> DateTime<Utc> {
        from + Duration::days(i64::from(self.within_days))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CountedFrom {
    Detected,
    Learned,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub id: String,
    pub question: Text,
}

impl Guide {
    pub fn category(&self, category: Category) -> Option<&CategoryGuide> {
        self.categories.get(&category)
    }

    /// What a severity means for a category, when the guide says.
    pub fn severity_meaning(&self, category: Category, severity: Severity) -> Option<&Text> {
        self.category(category)
            .map(|g| g.severity.meaning(severity))
    }

    /// The known risks that mention every word of `query`, in the guide's order.
    pub fn risks_matching<'g>(&'g self, query: &str) -> impl Iterator<Item = &'g KnownRisk> {
        let query = query.to_string();
        self.known_risks.iter().filter(move |r| r.matches(&query))
    }

    /// The obligations a category (and kind) can carry, in the guide's order.
    pub fn obligations_for(
        &self,
        category: Category,
        kind: Option<&str>,
    ) -> impl Iterator<Item = &ObligationRule> {
        self.obligations
            .iter()
            .filter(move |o| o.applies_to(category, kind))
    }
}

#[cfg(test)]
mod tests;
