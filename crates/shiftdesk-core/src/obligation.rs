//! Obligations with their own clocks: duties set by rules outside the team (a report to a
//! regulator, a notice to the people affected), counted in days, that an incident carries
//! once a condition the guide names holds ("personal information involved").
//!
//! The guide declares them ([`ObligationRule`]); the scope form asks each condition. The
//! answer and the obligations it brings are copied onto the incident when the answer is
//! saved — what, to whom and the days in both languages, as the guide said them then — so
//! a later change of the guide's file changes no duty already on an incident.
//!
//! "Learned of it" is when the condition was first answered yes: the team knew then.

mod countdown;

pub use countdown::{DaysLeft, days_left, days_words, is_pressing, left_words};

use crate::Category;
use crate::checklist::Stamp;
use crate::guide::{CountedFrom, Guide, ObligationRule};
use crate::playbook::Bilingual;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// An answer to a condition's question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Known {
    Yes,
    No,
    NotKnown,
}

impl Known {
    /// In the order a picker offers them: not known first (what a form opens on).
    pub const ALL: [Known; 3] = [Known::NotKnown, Known::Yes, Known::No];
}

/// A condition of the guide as answered on an incident: its question (as the guide put it
/// then), the answer, who gave it and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConditionAnswer {
    pub id: String,
    pub question: Bilingual,
    pub answer: Known,
    pub at: DateTime<Utc>,
    pub by: String,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A dated duty on an incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Obligation {
    /// The guide's id of the rule it came from.
    pub id: String,
    /// The condition whose yes brought it.
    pub condition: String,
    pub what: Bilingual,
    pub to: Bilingual,
    pub within_days: u32,
    pub counted_from: CountedFrom,
    /// The moment the days are counted from: detection, or when the team learned of it.
    pub from: DateTime<Utc>,
    pub due: DateTime<Utc>,
    /// The guide marked it as an example the team must check against its own rules.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub example: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<Stamp>,
    /// The condition was answered no afterwards: the duty no longer stands. Kept, and
    /// logged, so the record shows it was there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn: Option<Stamp>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Obligation {
    /// Neither done nor withdrawn: still to do.
    pub fn is_open(&self) -> bool {
        self.done.is_none() && self.withdrawn.is_none()
    }
}

/// An obligation's terms as the guide gives them, carried by the change that answers its
/// condition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObligationTerms {
    pub id: String,
    pub what: Bilingual,
    pub to: Bilingual,
    pub within_days: u32,
    pub counted_from: CountedFrom,
    pub example: bool,
}

impl ObligationTerms {
    pub fn of(rule: &ObligationRule) -> ObligationTerms {
        ObligationTerms {
            id: rule.id.clone(),
            what: bilingual(&rule.what),
            to: bilingual(&rule.to),
            within_days: rule.within_days,
            counted_from: rule.counted_from,
            example: rule.example,
        }
    }

    /// The duty on an incident detected at `detected`, its condition holding since `learned`.
    pub fn obligation(
        &self,
        condition: &str,
        detected: DateTime<Utc>,
        learned: DateTime<Utc>,
    ) -> Obligation {
        let from = match self.counted_from {
            CountedFrom::Detected => detected,
            CountedFrom::Learned => learned,
        };
        Obligation {
            id: self.id.clone(),
            condition: condition.to_string(),
            what: self.what.clone(),
            to: self.to.clone(),
            within_days: self.within_days,
            counted_from: self.counted_from,
            from,
            due: from + Duration::days(i64::from(self.within_days)),
            example: self.example,
            done: None,
            withdrawn: None,
            extra: Map::new(),
        }
    }
}

/// A condition as the scope form asks it, with the answer given and the obligations a yes
/// brings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConditionInput {
    pub id: String,
    pub question: Bilingual,
    pub answer: Known,
    #[serde(default)]
    pub obligations: Vec<ObligationTerms>,
}

fn bilingual(text: &crate::guide::Text) -> Bilingual {
    Bilingual {
        ja: text.ja.clone(),
        en: text.en.clone(),
    }
}

/// The conditions the guide asks of an incident of this category and kind, in the guide's
/// order, each with the obligations it brings; the question as the first of its rules
/// gives it. Empty when no obligation applies.
pub fn conditions_for(guide: &Guide, category: Category, kind: Option<&str>) -> Vec<Asked> {
    let mut out: Vec<Asked> = Vec::new();
    for rule in guide.obligations_for(category, kind) {
        let terms = ObligationTerms::of(rule);
        match out.iter_mut().find(|a| a.id == rule.condition.id) {
            Some(asked) => asked.obligations.push(terms),
            None => out.push(Asked {
                id: rule.condition.id.clone(),
                question: bilingual(&rule.condition.question),
                obligations: vec![terms],
            }),
        }
    }
    out
}

/// A condition to ask, and what a yes brings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asked {
    pub id: String,
    pub question: Bilingual,
    pub obligations: Vec<ObligationTerms>,
}

impl Asked {
    pub fn answered(&self, answer: Known) -> ConditionInput {
        ConditionInput {
            id: self.id.clone(),
            question: self.question.clone(),
            answer,
            obligations: self.obligations.clone(),
        }
    }
}

/// The open obligation due first, and its index; None when none is open.
pub fn most_urgent(obligations: &[Obligation]) -> Option<(usize, &Obligation)> {
    obligations
        .iter()
        .enumerate()
        .filter(|(_, o)| o.is_open())
        .min_by_key(|(i, o)| (o.due, *i))
}

#[cfg(test)]
mod tests;
