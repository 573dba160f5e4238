//! Unchecking a step that an action checked (a contact reached, a form saved): the question
//! says what checked it and when before the check is taken back.

use crate::app::App;
use crate::app::action::Action;
use crate::app::key_table::When;
use crate::app::layer::{Layer, Outcome, Work};
use crate::ui::form_parts::draw_question;
use ratatui::Frame;
use ratatui::layout::Rect;
use shiftdesk_core::IncidentId;
use shiftdesk_core::change::Change;
use shiftdesk_core::i18n::{Msg, fill};
use shiftdesk_core::text::safe_line;
use shiftdesk_core::timeline::via_words;

pub struct UncheckQuestion {
    pub incident: IncidentId,
    pub step: String,
}

impl UncheckQuestion {
    /// "«Report to your supervisor…» was checked by reaching 佐藤 花子 at 14:32 (yamada)…"
    pub fn text(&self, app: &App) -> String {
        let lang = app.lang();
        let inc = app.desk.incident(&self.incident);
        let step = inc.and_then(|i| i.step(&self.step));
        let (Some(inc), Some(step)) = (inc, step) else {
            return String::new();
        };
        let how = inc
            .checked_via(step)
            .map(|via| via_words(&via, app.desk.roster(), lang))
            .unwrap_or_default();
        let (when, by) = step.done.as_ref().map_or_else(Default::default, |d| {
            (app.operator.zone.clock(d.at, app.now), safe_line(&d.by))
        });
        fill(
            lang,
            Msg::ConfirmUncheck,
            &[
                ("step", &safe_line(step.text.get(lang))),
                ("how", &how),
                ("when", &when),
                ("by", &by),
            ],
        )
    }
}

impl Layer for UncheckQuestion {
    fn keys(&self) -> &'static [When] {
        &[When::Question]
    }

    fn handle(&mut self, action: &Action, _app: &App) -> Outcome {
        match action {
            Action::Yes => Outcome::Submit(vec![
                Work::Close,
                Work::Change(Change::SetStep {
                    incident: self.incident.clone(),
                    step: self.step.clone(),
                    done: false,
                }),
            ]),
            Action::No => Outcome::Close,
            _ => Outcome::PassDown,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App) {
        draw_question(frame, area, self.text(app));
    }
}
