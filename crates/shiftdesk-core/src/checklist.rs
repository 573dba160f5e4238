//! The checklist of one incident: the playbook's steps, copied when the incident is opened,
//! with who checked each and when.

use crate::playbook::{Bilingual, CategoryPlaybook, Phase, StepRole};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Who did something, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub at: DateTime<Utc>,
    pub by: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepNote {
    pub at: DateTime<Utc>,
    pub by: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChecklistStep {
    pub phase: Phase,
    pub id: String,
    pub text: Bilingual,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<StepRole>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<Stamp>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<StepNote>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// How far one phase has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhaseProgress {
    pub phase: Phase,
    pub done: usize,
    pub total: usize,
}

impl PhaseProgress {
    pub fn complete(&self) -> bool {
        self.done == self.total
    }
}

/// The steps of a playbook as a fresh, unchecked checklist.
pub fn checklist_from(book: &CategoryPlaybook) -> Vec<ChecklistStep> {
    book.steps()
        .map(|(phase, s)| ChecklistStep {
            phase,
            id: s.id.clone(),
            text: s.text.clone(),
            role: s.role,
            done: None,
            notes: Vec::new(),
            extra: Map::new(),
        })
        .collect()
}

/// The phase the incident is in: the first with a step still open. None when all are done.
pub fn current_phase(steps: &[ChecklistStep]) -> Option<Phase> {
    next_open_step(steps).map(|i| steps[i].phase)
}

/// Index of the next open step, in phase order.
pub fn next_open_step(steps: &[ChecklistStep]) -> Option<usize> {
    Phase::ALL.into_iter().find_map(|phase| {
        steps
            .iter()
            .position(|s| s.phase == phase && s.done.is_none())
    })
}

pub fn progress(steps: &[ChecklistStep]) -> Vec<PhaseProgress> {
    Phase::ALL
        .into_iter()
        .map(|phase| {
            let of_phase = steps.iter().filter(|s| s.phase == phase);
            PhaseProgress {
                phase,
                done: of_phase.clone().filter(|s| s.done.is_some()).count(),
                total: of_phase.count(),
            }
        })
        .collect()
}

/// The steps in display order: by phase, then as the playbook gave them.
pub fn display_order(steps: &[ChecklistStep]) -> Vec<usize> {
    Phase::ALL
        .into_iter()
        .flat_map(|phase| {
            steps
                .iter()
                .enumerate()
                .filter(move |(_, s)| s.phase == phase)
                .map(|(i, _)| i)
        })
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn step(phase: Phase, id: &str, done: bool) -> ChecklistStep {
        ChecklistStep {
            phase,
            id: id.into(),
            text: Bilingual {
                ja: format!("手順 {id}"),
                en: format!("step {id}"),
            },
            role: None,
            done: done.then(|| Stamp {
                at: "2026-11-29T00:00:00Z".parse().unwrap(),
                by: "op".into(),
            }),
            notes: vec![],
            extra: Map::new(),
        }
    }

    #[test]
    fn phase_is_the_first_with_an_open_step() {
        let mut steps = vec![
            step(Phase::Report, "r1", true),
            step(Phase::AssessScope, "a1", false),
            step(Phase::Review, "v1", false),
        ];
        assert_eq!(current_phase(&steps), Some(Phase::AssessScope));
        steps[1].done = steps[0].done.clone();
        assert_eq!(current_phase(&steps), Some(Phase::Review));
        steps[2].done = steps[0].done.clone();
        assert_eq!(current_phase(&steps), None);
    }

    #[test]
    fn an_open_earlier_phase_wins_even_when_listed_later() {
        // Steps stored out of phase order still derive the right phase.
        let steps = vec![
            step(Phase::Review, "v1", false),
            step(Phase::Report, "r1", false),
        ];
        assert_eq!(current_phase(&steps), Some(Phase::Report));
        assert_eq!(next_open_step(&steps), Some(1));
        assert_eq!(display_order(&steps), vec![1, 0]);
    }

    #[test]
    fn progress_counts_per_phase() {
        let steps = vec![
            step(Phase::Report, "r1", true),
            step(Phase::Report, "r2", false),
            step(Phase::Review, "v1", true),
        ];
        let p = progress(&steps);
        assert_eq!((p[0].done, p[0].total), (1, 2));
        assert_eq!((p[1].done, p[1].total), (0, 0));
        assert!(p[3].complete());
        assert!(!p[0].complete());
    }
}
