//! Closing with the Review phase not complete: write the review now, or close without it
//! (a reason is asked for).

use super::reason::ReasonForm;
use super::review::ReviewForm;
use crate::app::App;
use crate::app::action::Action;
use crate::app::key_table::When;
use crate::app::layer::{Layer, Outcome};
use crate::ui::form_parts::draw_question;
use ratatui::Frame;
use ratatui::layout::Rect;
use shiftdesk_core::IncidentId;
use shiftdesk_core::i18n::{Msg, fill};

pub struct CloseChoice {
    pub incident: IncidentId,
}

impl Layer for CloseChoice {
    fn keys(&self) -> &'static [When] {
        &[When::CloseChoice]
    }

    fn handle(&mut self, action: &Action, app: &App) -> Outcome {
        let id = self.incident.clone();
        match action {
            Action::WriteReview => Outcome::Open(Box::new(ReviewForm::of(app, id))),
            Action::CloseWithoutReview => Outcome::Open(Box::new(ReasonForm::new(id))),
            _ => Outcome::PassDown,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App) {
        let id = &self.incident;
        let open = app
            .desk
            .incident(id)
            .map_or(0, |i| i.open_review_steps().len());
        let text = fill(
            app.lang(),
            Msg::CloseChoice,
            &[("id", &id.0), ("n", &open.to_string())],
        );
        draw_question(frame, area, text);
    }
}
