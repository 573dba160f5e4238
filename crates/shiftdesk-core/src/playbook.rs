//! Playbooks: for each category, the steps of each phase.

use crate::category::Category;
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
use std::fmt;

pub const PLAYBOOKS_SCHEMA_VERSION: u32 = 1;

/// The four phases of the agreed flow, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Report,
    AssessScope,
    InterimFix,
    Review,
}

impl Phase {
    pub const ALL: [Phase; 4] = [
        Phase::Report,
        Phase::AssessScope,
        Phase::InterimFix,
        Phase::Review,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Phase::Report => "report",
            Phase::AssessScope => "assess_scope",
            Phase::InterimFix => "interim_fix",
            Phase::Review => "review",
        }
    }
}

/// A text given in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bilingual {
    pub ja: String,
    pub en: String,
}

impl Bilingual {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        }
    }
}

/// A step with a meaning the desk acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepRole {
    /// Checked when a contact of the first level of the route is reached.
    ReportToSupervisor,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaybookStep {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<StepRole>,
    #[serde(flatten)]
    pub text: Bilingual,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryPlaybook {
    pub report: Vec<PlaybookStep>,
    pub assess_scope: Vec<PlaybookStep>,
    pub interim_fix: Vec<PlaybookStep>,
    pub review: Vec<PlaybookStep>,
}

impl CategoryPlaybook {
    pub fn phase(&self, phase: Phase) -> &[PlaybookStep] {
        match phase {
            Phase::Report => &self.report,
            Phase::AssessScope => &self.assess_scope,
            Phase::InterimFix => &self.interim_fix,
            Phase::Review => &self.review,
        }
    }

    /// Every step with its phase, in order.
    pub fn steps(&self) -> impl Iterator<Item = (Phase, &PlaybookStep)> {
        Phase::ALL
            .into_iter()
            .flat_map(move |p| self.phase(p).iter().map(move |s| (p, s)))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Playbooks {
    pub schema_version: u32,
    pub playbooks: BTreeMap<Category, CategoryPlaybook>,
}

/// Why a playbook file that parsed cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaybookProblem(pub String);

impl fmt::Display for PlaybookProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Playbooks {
    pub fn for_category(&self, category: Category) -> Option<&CategoryPlaybook> {
        self.playbooks.get(&category)
    }

    /// Checks what serde cannot: every category present, every phase with steps, ids unique,
    /// texts present in both languages.
    pub fn validate(&self) -> Result<(), PlaybookProblem> {
        if self.schema_version > PLAYBOOKS_SCHEMA_VERSION {
            return Err(PlaybookProblem(format!(
                "schema_version {} is newer than this shiftdesk understands ({})",
                self.schema_version, PLAYBOOKS_SCHEMA_VERSION
            )));
        }
        for category in Category::ALL {
            let Some(book) = self.playbooks.get(&category) else {
                return Err(PlaybookProblem(format!(
                    "no playbook for category {}",
                    category.id()
                )));
            };
            let mut ids = HashSet::new();
            for phase in Phase::ALL {
                if book.phase(phase).is_empty() {
                    return Err(PlaybookProblem(format!(
                        "playbooks.{}.{} has no steps",
                        category.id(),
                        phase.key()
                    )));
                }
            }
            for (phase, step) in book.steps() {
                let place = format!("playbooks.{}.{}.{}", category.id(), phase.key(), step.id);
                if step.id.trim().is_empty() {
                    return Err(PlaybookProblem(format!("{place}: a step has no id")));
                }
                if !ids.insert(step.id.as_str()) {
                    return Err(PlaybookProblem(format!(
                        "{place}: step id used twice in this category"
                    )));
                }
                if step.text.ja.trim().is_empty() || step.text.en.trim().is_empty() {
                    return Err(PlaybookProblem(format!(
                        "{place}: needs text in both \"ja\" and \"en\""
                    )));
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(id: &str) -> PlaybookStep {
        PlaybookStep {
            id: id.into(),
            role: None,
            text: Bilingual {
                ja: "手順".into(),
                en: "step".into(),
            },
        }
    }

    fn complete() -> Playbooks {
        let book = CategoryPlaybook {
            report: vec![step("a")],
            assess_scope: vec![step("b")],
            interim_fix: vec![step("c")],
            review: vec![step("d")],
        };
        Playbooks {
            schema_version: 1,
            playbooks: Category::ALL.iter().map(|c| (*c, book.clone())).collect(),
        }
    }

    #[test]
    fn a_complete_set_validates() {
        assert_eq!(complete().validate(), Ok(()));
    }

    #[test]
    fn a_missing_category_is_named() {
        let mut p = complete();
        p.playbooks.remove(&Category::DocError);
        let err = p.validate().unwrap_err().to_string();
        assert!(err.contains("operational.doc_error"), "{err}");
    }

    #[test]
    fn duplicate_ids_and_empty_phases_are_refused() {
        let mut p = complete();
        p.playbooks.get_mut(&Category::Other).unwrap().review = vec![step("a")];
        assert!(p.validate().unwrap_err().0.contains("used twice"));
        let mut p = complete();
        p.playbooks
            .get_mut(&Category::Other)
            .unwrap()
            .review
            .clear();
        assert!(p.validate().unwrap_err().0.contains("has no steps"));
    }
}
