//! A kept draft back as the form it came from, and the words that name each kind.

use super::availability::AvailabilityForm;
use super::check_answer::CheckAnswerForm;
use super::consult::ConsultForm;
use super::contact_form::ContactForm;
use super::decision::DecisionForm;
use super::escalate::EscalateForm;
use super::filter::FilterForm;
use super::interim::InterimForm;
use super::new_incident::NewIncidentForm;
use super::note::NoteForm;
use super::reason::ReasonForm;
use super::reclassify::ReclassifyForm;
use super::review::ReviewForm;
use super::scope::ScopeForm;
use crate::app::App;
use crate::app::layer::Layer;
use shiftdesk_core::draft::{Draft, DraftKind};
use shiftdesk_core::i18n::Msg;

/// The form the draft was typed in, with its text; None when what it was about is gone
/// (the incident or the contact).
pub fn form_of(d: &Draft, app: &App) -> Option<Box<dyn Layer>> {
    fn boxed<L: Layer>(l: L) -> Option<Box<dyn Layer>> {
        Some(Box::new(l))
    }
    match d.kind {
        DraftKind::NewIncident => boxed(NewIncidentForm::from_draft(d)),
        DraftKind::StepNote | DraftKind::IncidentNote | DraftKind::UpdateNote => {
            boxed(NoteForm::from_draft(d)?)
        }
        DraftKind::Scope => boxed(ScopeForm::from_draft(d, app)?),
        DraftKind::Consultation => boxed(ConsultForm::from_draft(d)?),
        DraftKind::InterimAction => boxed(InterimForm::from_draft(d)?),
        DraftKind::Review => boxed(ReviewForm::from_draft(d, app)?),
        DraftKind::CloseWithoutReview | DraftKind::NotApplicable => {
            boxed(ReasonForm::from_draft(d)?)
        }
        DraftKind::Escalation => boxed(EscalateForm::from_draft(d)?),
        DraftKind::Reclassification => boxed(ReclassifyForm::from_draft(d, app)?),
        DraftKind::Contact => boxed(ContactForm::from_draft(d, app)?),
        DraftKind::Availability => boxed(AvailabilityForm::from_draft(d)),
        DraftKind::CheckAnswer => boxed(CheckAnswerForm::from_draft(d)?),
        DraftKind::Filter => boxed(FilterForm::from_draft(d, app)),
        DraftKind::ScopeDecision => boxed(DecisionForm::from_draft(d, app)?),
    }
}

/// What the operator was writing, in the words of the form's title.
pub fn kind_words(d: &Draft) -> Msg {
    match d.kind {
        DraftKind::NewIncident => Msg::DraftNewIncident,
        DraftKind::StepNote | DraftKind::IncidentNote | DraftKind::UpdateNote => Msg::DraftNote,
        DraftKind::Scope => Msg::ScopeTitle,
        DraftKind::Consultation => Msg::ConsultTitle,
        DraftKind::InterimAction => Msg::InterimTitle,
        DraftKind::Review => Msg::ReviewTitle,
        DraftKind::CloseWithoutReview => Msg::CloseWithoutReviewTitle,
        DraftKind::NotApplicable => Msg::DraftNotApplicable,
        DraftKind::Escalation => Msg::EscalateTitle,
        DraftKind::Reclassification => Msg::ReclassifyTitle,
        DraftKind::Contact if d.field("_editing").is_empty() => Msg::ContactNewTitle,
        DraftKind::Contact => Msg::ContactEditTitle,
        DraftKind::Availability => Msg::AwayTitle,
        DraftKind::CheckAnswer => Msg::DraftNote,
        DraftKind::Filter => Msg::FilterTitle,
        DraftKind::ScopeDecision => Msg::DraftDecision,
    }
}
