//! The checklist of one incident: the playbook's steps, copied when the incident is opened,
//! with who checked each and when, what action checked it, and which do not apply.

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

/// The action that checked a step, when it was not checked by hand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DoneVia {
    /// Reaching this contact (a roster id) on the route.
    Reaching(String),
    /// Saving the scope of impact.
    ScopeSaved,
    /// Logging an interim action with its effect.
    InterimAction,
    /// Saving the review.
    ReviewSaved,
    /// Recording what was decided about an out-of-scope request.
    ScopeDecided,
}

/// A step marked as not applying to this incident: who said so, when, and why (optional).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotApplicable {
    pub at: DateTime<Utc>,
    pub by: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChecklistStep {
    pub phase: Phase,
    pub id: String,
    pub text: Bilingual,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<StepRole>,
    /// For [`StepRole::ReportToRole`]: the roster roles whose reaching checks the step.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contact_roles: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<Stamp>,
    /// The action that checked the step; None when checked by hand (or not checked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_via: Option<DoneVia>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_applicable: Option<NotApplicable>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<StepNote>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ChecklistStep {
    /// Done, or marked as not applying: nothing is left to do on it.
    pub fn is_settled(&self) -> bool {
        self.done.is_some() || self.not_applicable.is_some()
    }

    pub fn is_open(&self) -> bool {
        !self.is_settled()
    }

    /// When it was checked or marked as not applying.
    pub fn settled_at(&self) -> Option<DateTime<Utc>> {
        let done = self.done.as_ref().map(|d| d.at);
        done.or(self.not_applicable.as_ref().map(|n| n.at))
    }

    /// Whether reaching a contact with this role in the roster checks the step: the role
    /// is one of the step's `contact_roles`, compared without regard to case, character
    /// width (NFKC) or the spaces around it.
    pub fn fulfilled_by_role(&self, contact_role: &str) -> bool {
        let norm = |s: &str| crate::text::normalize_input(s.trim()).to_lowercase();
        let role = norm(contact_role);
        self.role == Some(StepRole::ReportToRole)
            && !role.is_empty()
            && self.contact_roles.iter().any(|r| norm(r) == role)
    }
}

/// How far one phase has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhaseProgress {
    pub phase: Phase,
    pub done: usize,
    /// Steps marked as not applying: settled, as the done ones are.
    pub not_applicable: usize,
    pub total: usize,
}

impl PhaseProgress {
    /// Steps done or marked as not applying.
    pub fn settled(&self) -> usize {
        self.done + self.not_applicable
    }

    pub fn complete(&self) -> bool {
        self.settled() == self.total
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
            contact_roles: s.contact_roles.clone(),
            done: None,
            done_via: None,
            not_applicable: None,
            notes: Vec::new(),
            extra: Map::new(),
        })
        .collect()
}

/// The phase the incident is really in: the first with a step still open (neither done nor
/// marked as not applying). None when every step is settled.
pub fn current_phase(steps: &[ChecklistStep]) -> Option<Phase> {
    next_open_step(steps).map(|i| steps[i].phase)
}

/// Index of the next open step, in phase order.
pub fn next_open_step(steps: &[ChecklistStep]) -> Option<usize> {
    Phase::ALL
        .into_iter()
        .find_map(|phase| steps.iter().position(|s| s.phase == phase && s.is_open()))
}

/// Index of the first open step after `index` in display order; None when none is left
/// after it (the open steps before it are not looked at).
pub fn next_open_after(steps: &[ChecklistStep], index: usize) -> Option<usize> {
    let order = display_order(steps);
    let at = order.iter().position(|&i| i == index)?;
    order[at + 1..]
        .iter()
        .copied()
        .find(|&i| steps[i].is_open())
}

pub fn progress(steps: &[ChecklistStep]) -> Vec<PhaseProgress> {
    Phase::ALL
        .into_iter()
        .map(|phase| {
            let of_phase = steps.iter().filter(|s| s.phase == phase);
            PhaseProgress {
                phase,
                done: of_phase.clone().filter(|s| s.done.is_some()).count(),
                not_applicable: of_phase
                    .clone()
                    .filter(|s| s.done.is_none() && s.not_applicable.is_some())
                    .count(),
                total: of_phase.count(),
            }
        })
        .collect()
}

/// The open steps, phase by phase in order (phases with none left out).
pub fn open_by_phase(steps: &[ChecklistStep]) -> Vec<(Phase, Vec<&ChecklistStep>)> {
    Phase::ALL
        .into_iter()
        .map(|phase| {
            let open = steps
                .iter()
                .filter(|s| s.phase == phase && s.is_open())
                .collect::<Vec<_>>();
            (phase, open)
        })
        .filter(|(_, open)| !open.is_empty())
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
            contact_roles: vec![],
            done: done.then(|| Stamp {
                at: "2026-11-29T00:00:00Z".parse().unwrap(),
                by: "op".into(),
            }),
            done_via: None,
            not_applicable: None,
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

    fn not_applicable() -> Option<NotApplicable> {
        Some(NotApplicable {
            at: "2026-11-29T00:10:00Z".parse().unwrap(),
            by: "op".into(),
            reason: "no card involved".into(),
        })
    }

    #[test]
    fn a_step_that_does_not_apply_is_settled_in_progress_and_phase() {
        let mut steps = vec![
            step(Phase::Report, "r1", true),
            step(Phase::Report, "r2", false),
            step(Phase::AssessScope, "a1", false),
        ];
        assert_eq!(current_phase(&steps), Some(Phase::Report));
        steps[1].not_applicable = not_applicable();
        let p = progress(&steps);
        assert_eq!((p[0].done, p[0].not_applicable, p[0].total), (1, 1, 2));
        assert_eq!(p[0].settled(), 2);
        assert!(p[0].complete());
        assert_eq!(current_phase(&steps), Some(Phase::AssessScope));
        assert_eq!(next_open_step(&steps), Some(2));
        assert_eq!(
            steps[1].settled_at(),
            Some("2026-11-29T00:10:00Z".parse().unwrap())
        );
        let open = open_by_phase(&steps);
        assert_eq!(open.len(), 1);
        assert_eq!(
            (open[0].0, open[0].1[0].id.as_str()),
            (Phase::AssessScope, "a1")
        );
    }

    #[test]
    fn the_next_open_step_after_one_never_goes_back() {
        let steps = vec![
            step(Phase::Report, "r1", false),
            step(Phase::Report, "r2", true),
            step(Phase::Report, "r3", false),
            step(Phase::AssessScope, "a1", false),
        ];
        assert_eq!(next_open_after(&steps, 1), Some(2));
        assert_eq!(next_open_after(&steps, 2), Some(3));
        // The last step: none after it, though r1 is still open before it.
        assert_eq!(next_open_after(&steps, 3), None);
    }

    #[test]
    fn a_role_in_the_roster_matches_however_it_is_written() {
        let mut s = step(Phase::Report, "so", false);
        s.role = Some(StepRole::ReportToRole);
        s.contact_roles = vec!["情報セキュリティ担当".into(), "Security officer".into()];
        assert!(s.fulfilled_by_role("security OFFICER "));
        assert!(s.fulfilled_by_role("情報セキュリティ担当"));
        assert!(!s.fulfilled_by_role("Network engineer"));
        assert!(!s.fulfilled_by_role(""));
        s.role = None;
        assert!(!s.fulfilled_by_role("Security officer"));
    }

    #[test]
    fn a_step_saved_by_the_version_before_reads_as_it_was_and_writes_back_the_same() {
        let json = r#"{"phase":"report","id":"r1","text":{"ja":"手順","en":"step"},"done":{"at":"2026-11-29T00:00:00Z","by":"op"}}"#;
        let s: ChecklistStep = serde_json::from_str(json).unwrap();
        assert!(s.done_via.is_none() && s.not_applicable.is_none() && s.contact_roles.is_empty());
        assert_eq!(serde_json::to_string(&s).unwrap(), json);
    }
}
