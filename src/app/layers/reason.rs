//! A reason, asked for in one line: for closing without the review (required, and logged),
//! or for a checklist step that does not apply to the incident (optional).

use crate::app::App;
use crate::app::action::Action;
use crate::app::drafts::form_draft;
use crate::app::key_table::When;
use crate::app::layer::{Layer, Outcome, Work};
use crate::app::text_field::TextField;
use crate::app::ui_state::NoticeLevel;
use crate::ui::form_parts::{FormRow, Row, draw_form};
use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::Rect;
use shiftdesk_core::IncidentId;
use shiftdesk_core::change::Change;
use shiftdesk_core::draft::{Draft, DraftKind};
use shiftdesk_core::i18n::{Msg, fill, t};
use shiftdesk_core::text::safe_line;

/// Columns of the step's text in the title of the form.
const TITLE_STEP: usize = 54;

/// What the reason is for.
pub enum ReasonFor {
    /// Closing with the Review phase not complete: a reason is required.
    CloseWithoutReview,
    /// This step does not apply: the reason may be left empty.
    NotApplicable { step: String },
}

pub struct ReasonForm {
    pub incident: IncidentId,
    pub purpose: ReasonFor,
    pub reason: TextField,
    pub error: Option<Msg>,
}

impl ReasonForm {
    /// The reason for closing without the review.
    pub fn new(incident: IncidentId) -> ReasonForm {
        ReasonForm::for_purpose(incident, ReasonFor::CloseWithoutReview)
    }

    /// Why a step does not apply (optional).
    pub fn not_applicable(incident: IncidentId, step: String) -> ReasonForm {
        ReasonForm::for_purpose(incident, ReasonFor::NotApplicable { step })
    }

    fn for_purpose(incident: IncidentId, purpose: ReasonFor) -> ReasonForm {
        ReasonForm {
            incident,
            purpose,
            reason: TextField::new(false),
            error: None,
        }
    }

    /// The step's text as the operator reads it (its id if it is gone).
    fn step_text(&self, step: &str, app: &App) -> String {
        let found = app.desk.incident(&self.incident).and_then(|i| i.step(step));
        safe_line(found.map_or(step, |s| s.text.get(app.lang())))
    }

    /// The change the reason goes with, and what to say once it is in; None when the reason
    /// is required and missing.
    fn submit(&self, reason: String, app: &App) -> Option<(Change, String)> {
        let lang = app.lang();
        let incident = self.incident.clone();
        match &self.purpose {
            ReasonFor::CloseWithoutReview if reason.is_empty() => None,
            ReasonFor::CloseWithoutReview => {
                let text = fill(lang, Msg::MsgClosed, &[("id", &incident.0)]);
                Some((Change::CloseWithoutReview { incident, reason }, text))
            }
            ReasonFor::NotApplicable { step } => {
                let text = self.step_text(step, app);
                let text = fill(lang, Msg::MsgNotApplicable, &[("step", &text)]);
                let change = Change::SetNotApplicable {
                    incident,
                    step: step.clone(),
                    not_applicable: true,
                    reason,
                };
                Some((change, text))
            }
        }
    }
}

impl ReasonForm {
    /// The form a kept draft came from, with its text.
    pub fn from_draft(d: &Draft) -> Option<ReasonForm> {
        let incident = d.incident.clone()?;
        let mut form = match d.kind {
            DraftKind::NotApplicable => {
                ReasonForm::not_applicable(incident, d.field("_step").into())
            }
            _ => ReasonForm::new(incident),
        };
        form.reason = TextField::with_raw(d.field("reason"), false);
        Some(form)
    }
}

impl Layer for ReasonForm {
    fn keys(&self) -> &'static [When] {
        &[When::Form]
    }

    fn handle(&mut self, action: &Action, app: &App) -> Outcome {
        match action {
            Action::Input(key) => self.reason.input(*key),
            Action::Paste(text) => self.reason.paste(text),
            Action::Submit => {
                let reason = self.reason.text().trim().to_string();
                let Some((change, text)) = self.submit(reason, app) else {
                    self.error = Some(Msg::ErrReasonRequired);
                    return Outcome::Consumed;
                };
                return Outcome::Submit(vec![
                    Work::Change(change),
                    Work::Close,
                    Work::Say(NoticeLevel::Info, text),
                ]);
            }
            _ => return Outcome::PassDown,
        }
        Outcome::Consumed
    }

    fn draft(&self, now: DateTime<Utc>) -> Option<Draft> {
        if self.reason.is_empty() {
            return None;
        }
        let (kind, step) = match &self.purpose {
            ReasonFor::CloseWithoutReview => (DraftKind::CloseWithoutReview, String::new()),
            ReasonFor::NotApplicable { step } => (DraftKind::NotApplicable, step.clone()),
        };
        let fields = [("reason", self.reason.raw()), ("_step", step)];
        Some(form_draft(kind, Some(&self.incident), fields, now))
    }

    fn unsaved(&self) -> bool {
        !self.reason.is_empty()
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App) {
        let lang = app.lang();
        let (title, hint) = match &self.purpose {
            ReasonFor::CloseWithoutReview => {
                let title = t(lang, Msg::CloseWithoutReviewTitle);
                (format!("{title} · {}", self.incident), Msg::NoteHint)
            }
            ReasonFor::NotApplicable { step } => {
                // On one line with the words before it, in a form 76 columns wide.
                let step = super::close_choice::cut(&self.step_text(step, app), TITLE_STEP);
                let title = fill(lang, Msg::NotApplicableTitle, &[("step", &step)]);
                (title, Msg::NotApplicableHint)
            }
        };
        let rows = vec![FormRow {
            label: Msg::FieldReason,
            content: Row::Text(&self.reason),
            focused: true,
            below: self.error.map(|m| (m, true)),
            height: 1,
        }];
        draw_form(frame, area, app, &title, &rows, hint);
    }
}
