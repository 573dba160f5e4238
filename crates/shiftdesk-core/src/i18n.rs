//! Every word, from `shiftdesk-words`, and the domain's labels: each category, severity,
//! phase, means… mapped onto its message there.

pub use shiftdesk_words::*;

use crate::Category;
use crate::Severity;
use crate::category::CategoryClass;
use crate::drill::Answer;
use crate::incident::AttemptOutcome;
use crate::obligation::Known;
use crate::playbook::Phase;
use crate::record::Effect;
use crate::roster::{Means, PhoneKind};
use crate::timeline::EntryKind;

pub fn category(lang: Lang, c: Category) -> &'static str {
    t(
        lang,
        match c {
            Category::OutOfScope => Msg::CategoryOutOfScope,
            Category::OperationMistake => Msg::CategoryOperationMistake,
            Category::DocError => Msg::CategoryDocError,
            Category::SystemOutage => Msg::CategorySystemOutage,
            Category::Security => Msg::CategorySecurity,
            Category::ToolDamage => Msg::CategoryToolDamage,
            Category::EquipmentLoss => Msg::CategoryEquipmentLoss,
            Category::Other => Msg::CategoryOther,
        },
    )
}

/// A label short enough for a table column.
pub fn category_short(lang: Lang, c: Category) -> &'static str {
    t(
        lang,
        match c {
            Category::OutOfScope => Msg::CategoryShortOutOfScope,
            Category::OperationMistake => Msg::CategoryShortOperationMistake,
            Category::DocError => Msg::CategoryShortDocError,
            Category::SystemOutage => Msg::CategoryShortSystemOutage,
            Category::Security => Msg::CategoryShortSecurity,
            Category::ToolDamage => Msg::CategoryShortToolDamage,
            Category::EquipmentLoss => Msg::CategoryShortEquipmentLoss,
            Category::Other => Msg::CategoryShortOther,
        },
    )
}

/// The class of the source document a category belongs to.
pub fn category_class(lang: Lang, c: Category) -> &'static str {
    t(
        lang,
        match c.class() {
            CategoryClass::Operational => Msg::CategoryClassOperational,
            CategoryClass::TeamOperations => Msg::CategoryClassTeamOperations,
            CategoryClass::Other => Msg::CategoryClassOther,
        },
    )
}

pub fn severity(lang: Lang, s: Severity) -> &'static str {
    t(
        lang,
        match s.number() {
            1 => Msg::SeverityCritical,
            2 => Msg::SeverityHigh,
            3 => Msg::SeverityMedium,
            _ => Msg::SeverityMinor,
        },
    )
}

pub fn phase(lang: Lang, p: Phase) -> &'static str {
    t(
        lang,
        match p {
            Phase::Report => Msg::PhaseReport,
            Phase::AssessScope => Msg::PhaseAssessScope,
            Phase::InterimFix => Msg::PhaseInterimFix,
            Phase::Review => Msg::PhaseReview,
        },
    )
}

/// A phase label for a narrow column.
pub fn phase_short(lang: Lang, p: Option<Phase>) -> &'static str {
    t(
        lang,
        match p {
            Some(Phase::Report) => Msg::PhaseShortReport,
            Some(Phase::AssessScope) => Msg::PhaseShortAssessScope,
            Some(Phase::InterimFix) => Msg::PhaseShortInterimFix,
            Some(Phase::Review) => Msg::PhaseShortReview,
            None => Msg::PhaseShortDone,
        },
    )
}

pub fn means(lang: Lang, m: Means) -> &'static str {
    t(
        lang,
        match m {
            Means::Phone => Msg::MeansPhone,
            Means::Email => Msg::MeansEmail,
            Means::Chat => Msg::MeansChat,
        },
    )
}

/// A phone's label as the operator reads it: the word for a kind the label names (`mobile`
/// is 携帯 in Japanese), else the label as the team wrote it, made safe.
pub fn phone_label(lang: Lang, label: &str) -> std::borrow::Cow<'static, str> {
    match PhoneKind::of_label(label) {
        Some(kind) => t(
            lang,
            match kind {
                PhoneKind::Mobile => Msg::PhoneMobile,
                PhoneKind::Office => Msg::PhoneOffice,
                PhoneKind::Home => Msg::PhoneHome,
            },
        )
        .into(),
        None => crate::text::safe_line(label).into(),
    }
}

pub fn outcome(lang: Lang, o: AttemptOutcome) -> &'static str {
    t(
        lang,
        match o {
            AttemptOutcome::Reached => Msg::OutcomeReached,
            AttemptOutcome::NoAnswer => Msg::OutcomeNoAnswer,
            AttemptOutcome::LeftMessage => Msg::OutcomeLeftMessage,
        },
    )
}

pub fn effect(lang: Lang, e: Effect) -> &'static str {
    t(
        lang,
        match e {
            Effect::Worked => Msg::EffectWorked,
            Effect::Partly => Msg::EffectPartly,
            Effect::DidNot => Msg::EffectDidNot,
        },
    )
}

pub fn answer(lang: Lang, a: Answer) -> &'static str {
    t(
        lang,
        match a {
            Answer::Yes => Msg::AnswerYes,
            Answer::No => Msg::AnswerNo,
            Answer::NotChecked => Msg::AnswerNotChecked,
        },
    )
}

/// An answer to a condition of the guide.
pub fn known(lang: Lang, k: Known) -> &'static str {
    t(
        lang,
        match k {
            Known::Yes => Msg::KnownYes,
            Known::No => Msg::KnownNo,
            Known::NotKnown => Msg::KnownNotKnown,
        },
    )
}

pub fn entry_kind(lang: Lang, k: EntryKind) -> &'static str {
    use EntryKind::*;
    t(
        lang,
        match k {
            Opened => Msg::EntryOpened,
            StepChecked => Msg::EntryStepChecked,
            StepUnchecked => Msg::EntryStepUnchecked,
            StepNote => Msg::EntryStepNote,
            Note => Msg::EntryNote,
            RouteResolved => Msg::EntryRouteResolved,
            Attempt => Msg::EntryAttempt,
            Escalated => Msg::EntryEscalated,
            UpdateSent => Msg::EntryUpdateSent,
            SeverityChanged => Msg::EntrySeverityChanged,
            CategoryChanged => Msg::EntryCategoryChanged,
            Closed => Msg::EntryClosed,
            Reopened => Msg::EntryReopened,
            ClosedWithoutReview => Msg::EntryClosedWithoutReview,
            ScopeUpdated => Msg::EntryScopeUpdated,
            Consulted => Msg::EntryConsulted,
            InterimAction => Msg::EntryInterimAction,
            ReviewSaved => Msg::EntryReviewSaved,
            MeasureDone => Msg::EntryMeasureDone,
            MeasureReopened => Msg::EntryMeasureReopened,
            DrillStarted => Msg::EntryDrillStarted,
            Inject => Msg::EntryInject,
            DrillJump => Msg::EntryDrillJump,
            ReadinessCheck => Msg::EntryReadinessCheck,
            DrillEnded => Msg::EntryDrillEnded,
            MovedUpByTime => Msg::EntryMovedUpByTime,
            MeasureAdded => Msg::EntryMeasureAdded,
            StepNotApplicable => Msg::EntryStepNotApplicable,
            StepApplicable => Msg::EntryStepApplicable,
            ConditionAnswered => Msg::EntryConditionAnswered,
            ObligationArose => Msg::EntryObligationArose,
            ObligationDone => Msg::EntryObligationDone,
            ObligationReopened => Msg::EntryObligationReopened,
            ObligationWithdrawn => Msg::EntryObligationWithdrawn,
            ObligationReinstated => Msg::EntryObligationReinstated,
            ScopeDecided => Msg::EntryScopeDecided,
            KindChanged => Msg::EntryKindChanged,
            OnDutyResolved => Msg::EntryOnDuty,
        },
    )
}

/// A level of a route as the operator reads it: `L2`, `第2段` (0 is the first).
pub fn level(lang: Lang, index: usize) -> String {
    fill(lang, Msg::LevelName, &[("n", &(index + 1).to_string())])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_labels_read_as_words_not_ids() {
        assert_eq!(phone_label(Lang::Ja, "mobile"), "携帯");
        assert_eq!(phone_label(Lang::Ja, " Office "), "会社");
        assert_eq!(phone_label(Lang::En, "home"), "Home");
        assert_eq!(phone_label(Lang::En, "携帯"), "Mobile");
        // A label of the team's own is shown as written, made safe.
        assert_eq!(phone_label(Lang::Ja, "当番PHS"), "当番PHS");
        assert_eq!(phone_label(Lang::En, "pager\u{1b}[2J"), "pager\u{FFFD}[2J");
    }
}
