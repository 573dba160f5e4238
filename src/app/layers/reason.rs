//! Closing without the review: the reason, which is logged.

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

/// A reason, for closing without review or reopening.
pub struct ReasonForm {
    pub incident: IncidentId,
    pub reason: TextField,
    pub error: Option<Msg>,
}

impl ReasonForm {
    pub fn new(incident: IncidentId) -> ReasonForm {
        ReasonForm {
            incident,
            reason: TextField::new(false),
            error: None,
        }
    }
}

impl ReasonForm {
    /// The form a kept draft came from, with its text.
    pub fn from_draft(d: &Draft) -> Option<ReasonForm> {
        let mut form = ReasonForm::new(d.incident.clone()?);
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
                if reason.is_empty() {
                    self.error = Some(Msg::ErrReasonRequired);
                    return Outcome::Consumed;
                }
                let change = Change::CloseWithoutReview {
                    incident: self.incident.clone(),
                    reason,
                };
                let text = fill(app.lang(), Msg::MsgClosed, &[("id", &self.incident.0)]);
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
        let fields = [("reason", self.reason.raw())];
        (!self.reason.is_empty()).then(|| {
            form_draft(
                DraftKind::CloseWithoutReview,
                Some(&self.incident),
                fields,
                now,
            )
        })
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App) {
        let lang = app.lang();
        let title = format!(
            "{} · {}",
            t(lang, Msg::CloseWithoutReviewTitle),
            self.incident
        );
        let rows = vec![FormRow {
            label: Msg::FieldReason,
            content: Row::Text(&self.reason),
            focused: true,
            below: self.error.map(|m| (m, true)),
            height: 1,
        }];
        draw_form(frame, area, app, &title, &rows, Msg::NoteHint);
    }
}
