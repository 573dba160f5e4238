//! Every word, from `shiftdesk-words`, and the domain's labels: each category, severity,
//! phase, means… mapped onto its message there.

pub use shiftdesk_words::*;

use crate::Category;
use crate::Severity;
use crate::category::CategoryClass;
use crate::drill::Answer;
use crate::incident::AttemptOutcome;
use crate::playbook::Phase;
use crate::record::Effect;
use crate::roster::Means;
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
            StepNotApplicable => Msg::EntryStepNotApplicable,
            StepApplicable => Msg::EntryStepApplicable,
        },
    )
}
