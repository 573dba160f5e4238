//! Playbooks: for each category, the steps of each phase.

use crate::category::Category;
use crate::i18n::Lang;
use crate::incident::IncidentKind;
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
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

/// What a step means to the desk: the action that fulfils it, and so checks it (stamped,
/// and logged as done by that action). A step without a role is checked by hand only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepRole {
    /// Reaching anyone on the reporting route.
    ReportToSupervisor,
    /// Reaching someone on the route whose role in the roster is one of the step's
    /// `contact_roles` (e.g. the security officer).
    ReportToRole,
    /// Saving the scope of impact.
    RecordScope,
    /// Logging an interim action with its effect.
    LogInterimAction,
    /// Saving the review with its cause.
    FindCause,
    /// Saving the review with measures against recurrence.
    DecideMeasures,
    /// Saving the review with whom the case was shared.
    ShareCase,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "StepAsWritten")]
pub struct PlaybookStep {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<StepRole>,
    /// For `report_to_role`: the roles, as the roster writes them (`"role"` of a contact),
    /// whose reaching checks the step. Compared without regard to case, width or the
    /// spaces around them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contact_roles: Vec<String>,
    #[serde(flatten)]
    pub text: Bilingual,
}

impl PlaybookStep {
    /// A step for `report_to_role` names the roles; no other step names any.
    pub fn check_roles(&self) -> Result<(), String> {
        let by_role = self.role == Some(StepRole::ReportToRole);
        let named = self.contact_roles.iter().any(|r| !r.trim().is_empty());
        if by_role && !named {
            return Err(format!(
                "step {:?}: role \"report_to_role\" needs \"contact_roles\", the roles in the roster whose reaching checks it",
                self.id
            ));
        }
        if !by_role && !self.contact_roles.is_empty() {
            return Err(format!(
                "step {:?}: \"contact_roles\" is only read with role \"report_to_role\"",
                self.id
            ));
        }
        Ok(())
    }
}

/// A step as the file gives it, checked as it is read (so a problem is named with its line
/// and column).
#[derive(Deserialize)]
struct StepAsWritten {
    id: String,
    #[serde(default)]
    role: Option<StepRole>,
    #[serde(default)]
    contact_roles: Vec<String>,
    #[serde(flatten)]
    text: Bilingual,
}

impl TryFrom<StepAsWritten> for PlaybookStep {
    type Error = String;

    fn try_from(s: StepAsWritten) -> Result<Self, String> {
        let step = PlaybookStep {
            id: s.id,
            role: s.role,
            contact_roles: s.contact_roles,
            text: s.text,
        };
        step.check_roles()?;
        Ok(step)
    }
}

/// A category's playbook: the steps every incident of it gets, and, where the category has
/// kinds (a lost card, a misdirected email…), each kind's own steps, which come after the
/// common ones of the same phase. No step of one kind is in another's checklist.
///
/// A key this version does not know (a misspelt `kinds`, say) is refused as the file is read,
/// with its line and column, rather than read as if the kinds were not there.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryPlaybook {
    pub report: Vec<PlaybookStep>,
    pub assess_scope: Vec<PlaybookStep>,
    pub interim_fix: Vec<PlaybookStep>,
    pub review: Vec<PlaybookStep>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<KindPlaybook>,
}

/// A kind of incident within a category, with the steps only it needs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KindPlaybook {
    pub id: String,
    pub name: Bilingual,
    /// A name short enough for a table column ("Lost card"); the name where there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<Bilingual>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Bilingual>,
    pub report: Vec<PlaybookStep>,
    pub assess_scope: Vec<PlaybookStep>,
    pub interim_fix: Vec<PlaybookStep>,
    pub review: Vec<PlaybookStep>,
}

impl KindPlaybook {
    /// The kind as an incident takes it: its id and its name as they are now.
    pub fn taken(&self) -> IncidentKind {
        IncidentKind {
            id: self.id.clone(),
            name: self.name.clone(),
        }
    }

    /// The short name, for a table column.
    pub fn short_name(&self, lang: Lang) -> &str {
        self.short.as_ref().unwrap_or(&self.name).get(lang)
    }

    pub fn phase(&self, phase: Phase) -> &[PlaybookStep] {
        match phase {
            Phase::Report => &self.report,
            Phase::AssessScope => &self.assess_scope,
            Phase::InterimFix => &self.interim_fix,
            Phase::Review => &self.review,
        }
    }
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

    /// Every common step with its phase, in order.
    pub fn steps(&self) -> impl Iterator<Item = (Phase, &PlaybookStep)> {
        Phase::ALL
            .into_iter()
            .flat_map(move |p| self.phase(p).iter().map(move |s| (p, s)))
    }

    pub fn kind(&self, id: &str) -> Option<&KindPlaybook> {
        self.kinds.iter().find(|k| k.id == id)
    }

    /// The kind an incident takes: the one asked for when the category has it, else the
    /// category's default (`other` where there is one, else its first kind); None for a
    /// category without kinds.
    pub fn known_kind_or_default(&self, asked: Option<&str>) -> Option<String> {
        if let Some(k) = asked.and_then(|a| self.kind(a)) {
            return Some(k.id.clone());
        }
        self.kind("other")
            .or(self.kinds.first())
            .map(|k| k.id.clone())
    }

    /// The kind an incident takes, with its name: as [`CategoryPlaybook::known_kind_or_default`].
    pub fn kind_taken(&self, asked: Option<&str>) -> Option<IncidentKind> {
        let id = self.known_kind_or_default(asked)?;
        self.kind(&id).map(KindPlaybook::taken)
    }

    /// The playbook an incident of `kind` follows: the common steps, then the kind's, phase
    /// by phase. Without a kind (or one this playbook does not know), the common steps alone.
    pub fn for_kind(&self, kind: Option<&str>) -> CategoryPlaybook {
        let own = kind.and_then(|k| self.kind(k));
        let phase = |p: Phase| -> Vec<PlaybookStep> {
            let mut steps = self.phase(p).to_vec();
            if let Some(own) = own {
                steps.extend_from_slice(own.phase(p));
            }
            steps
        };
        CategoryPlaybook {
            report: phase(Phase::Report),
            assess_scope: phase(Phase::AssessScope),
            interim_fix: phase(Phase::InterimFix),
            review: phase(Phase::Review),
            kinds: Vec::new(),
        }
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

    /// Whether the category has a kind of this id.
    pub fn has_kind(&self, category: Category, kind: &str) -> bool {
        self.for_category(category)
            .is_some_and(|b| b.kind(kind).is_some())
    }

    /// The kind of a category with this id, where the playbooks have it.
    pub fn kind_of(&self, category: Category, kind: Option<&str>) -> Option<&KindPlaybook> {
        self.for_category(category)?.kind(kind?)
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
            let mut kind_ids = HashSet::new();
            let books: Vec<(String, CategoryPlaybook)> = if book.kinds.is_empty() {
                vec![(String::new(), book.for_kind(None))]
            } else {
                book.kinds
                    .iter()
                    .map(|k| (format!(" (kind {})", k.id), book.for_kind(Some(&k.id))))
                    .collect()
            };
            for (kind, merged) in &books {
                for phase in Phase::ALL {
                    if merged.phase(phase).is_empty() {
                        return Err(PlaybookProblem(format!(
                            "playbooks.{}.{} has no steps{kind}",
                            category.id(),
                            phase.key()
                        )));
                    }
                }
            }
            for k in &book.kinds {
                let place = format!("playbooks.{}.kinds.{}", category.id(), k.id);
                if k.id.trim().is_empty() || !kind_ids.insert(k.id.as_str()) {
                    return Err(PlaybookProblem(format!(
                        "{place}: a kind needs an id of its own"
                    )));
                }
                if k.name.ja.trim().is_empty() || k.name.en.trim().is_empty() {
                    return Err(PlaybookProblem(format!(
                        "{place}: needs a name in both \"ja\" and \"en\""
                    )));
                }
            }
            let kind_steps = book.kinds.iter().flat_map(|k| {
                Phase::ALL
                    .into_iter()
                    .flat_map(move |p| k.phase(p).iter().map(move |s| (p, s)))
            });
            for (phase, step) in book.steps().chain(kind_steps) {
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
                step.check_roles()
                    .map_err(|why| PlaybookProblem(format!("{place}: {why}")))?;
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
            contact_roles: Vec::new(),
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
            kinds: Vec::new(),
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

    fn kind(id: &str, step_id: &str) -> KindPlaybook {
        KindPlaybook {
            id: id.into(),
            name: Bilingual {
                ja: "種別".into(),
                en: "kind".into(),
            },
            interim_fix: vec![step(step_id)],
            ..KindPlaybook::default()
        }
    }

    #[test]
    fn a_kind_gets_the_common_steps_then_its_own_and_no_other_kinds() {
        let mut p = complete();
        let book = p.playbooks.get_mut(&Category::Security).unwrap();
        book.kinds = vec![
            kind("lost_card", "disable-card"),
            kind("misdirected_email", "recall"),
        ];
        assert_eq!(p.validate(), Ok(()));
        let book = p.for_category(Category::Security).unwrap();
        let ids = |b: &CategoryPlaybook| -> Vec<String> {
            b.steps().map(|(_, s)| s.id.clone()).collect()
        };
        assert_eq!(
            ids(&book.for_kind(Some("lost_card"))),
            ["a", "b", "c", "disable-card", "d"]
        );
        assert_eq!(
            ids(&book.for_kind(Some("misdirected_email"))),
            ["a", "b", "c", "recall", "d"]
        );
        assert_eq!(ids(&book.for_kind(None)), ["a", "b", "c", "d"]);
        assert!(p.has_kind(Category::Security, "lost_card"));
        assert!(!p.has_kind(Category::Other, "lost_card"));
        // A step id of a kind may not repeat a common one, nor two kinds share an id.
        let mut p2 = p.clone();
        p2.playbooks.get_mut(&Category::Security).unwrap().kinds[1] =
            kind("misdirected_email", "a");
        assert!(p2.validate().unwrap_err().0.contains("used twice"));
        let mut p3 = p.clone();
        p3.playbooks.get_mut(&Category::Security).unwrap().kinds[1] = kind("lost_card", "x");
        assert!(p3.validate().unwrap_err().0.contains("id of its own"));
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

    #[test]
    fn a_step_for_a_role_names_the_roles_and_only_it_does() {
        let mut p = complete();
        let other = p.playbooks.get_mut(&Category::Other).unwrap();
        other.report[0].role = Some(StepRole::ReportToRole);
        let err = p.validate().unwrap_err().0;
        assert!(
            err.contains("playbooks.other.report.a") && err.contains("contact_roles"),
            "{err}"
        );
        let other = p.playbooks.get_mut(&Category::Other).unwrap();
        other.report[0].contact_roles = vec!["Security officer".into()];
        assert_eq!(p.validate(), Ok(()));
        let other = p.playbooks.get_mut(&Category::Other).unwrap();
        other.report[0].role = None;
        assert!(p.validate().unwrap_err().0.contains("only read with role"));
    }

    #[test]
    fn a_step_for_a_role_without_roles_is_refused_as_it_is_read_with_its_line() {
        // As in a file: the steps of a phase are a list.
        let json = "[\n {\"id\": \"x\", \"role\": \"report_to_role\", \"ja\": \"手順\", \"en\": \"step\"}\n]";
        let err = serde_json::from_str::<Vec<PlaybookStep>>(json).unwrap_err();
        assert!(err.to_string().contains("contact_roles"), "{err}");
        assert!(err.line() > 0, "{err}");
    }

    #[test]
    fn a_misspelt_key_of_a_category_or_kind_is_named_with_its_line() {
        let json = "{\"report\": [], \"assess_scope\": [], \"interim_fix\": [], \"review\": [],\n \"kindz\": []}";
        let err = serde_json::from_str::<CategoryPlaybook>(json).unwrap_err();
        assert!(
            err.to_string().contains("kindz") && err.line() == 2,
            "{err}"
        );
        let json = "{\"id\": \"x\", \"name\": {\"ja\": \"x\", \"en\": \"x\"},\n \"shrot\": {}}";
        let err = serde_json::from_str::<KindPlaybook>(json).unwrap_err();
        assert!(
            err.to_string().contains("shrot") && err.line() == 2,
            "{err}"
        );
    }

    #[test]
    fn a_team_playbook_without_roles_still_reads() {
        let json = r#"{"id": "x", "ja": "手順", "en": "step"}"#;
        let step: PlaybookStep = serde_json::from_str(json).unwrap();
        assert_eq!(step.role, None);
        assert!(step.contact_roles.is_empty());
        assert_eq!(
            serde_json::to_string(&step).unwrap(),
            json.replace(": ", ":").replace(", ", ",")
        );
    }
}
