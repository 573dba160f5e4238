//! An interim action and its effect: worked, partly, or did not.

use crate::app::App;
use crate::app::action::Action;
use crate::app::drafts::{choice_in, choice_of, form_draft};
use crate::app::key_table::When;
use crate::app::layer::{Layer, Outcome};
use crate::app::text_field::TextField;
use crate::ui::form_parts::{FormRow, Row, draw_form};
use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use shiftdesk_core::IncidentId;
use shiftdesk_core::change::Change;
use shiftdesk_core::draft::{Draft, DraftKind};
use shiftdesk_core::i18n::{self, Msg, t};
use shiftdesk_core::record::Effect;
use shiftdesk_core::text::has_content;

pub struct InterimForm {
    pub incident: IncidentId,
    pub action: TextField,
    pub effect: Effect,
    /// Focus on the effect picker rather than the text.
    pub on_effect: bool,
    pub error: Option<Msg>,
}

impl InterimForm {
    pub fn new(incident: IncidentId) -> InterimForm {
        InterimForm {
            incident,
            action: TextField::new(true),
            effect: Effect::Worked,
            on_effect: false,
            error: None,
        }
    }

    pub fn edit(&mut self, key: KeyEvent) {
        if !self.on_effect {
            self.action.input(key);
            return;
        }
        let i = Effect::ALL
            .iter()
            .position(|e| *e == self.effect)
            .unwrap_or(0) as isize;
        let by = match key.code {
            KeyCode::Left | KeyCode::Up => -1,
            KeyCode::Right | KeyCode::Down => 1,
            _ => 0,
        };
        self.effect = Effect::ALL[(i + by).rem_euclid(3) as usize];
    }

    /// The form a kept draft came from, with its text and choice.
    pub fn from_draft(d: &Draft) -> Option<InterimForm> {
        let mut form = InterimForm::new(d.incident.clone()?);
        form.action = TextField::with_raw(d.field("action"), true);
        form.effect = choice_in(&Effect::ALL, d.field("_effect")).unwrap_or(form.effect);
        Some(form)
    }

    pub fn validate(&mut self) -> Option<(String, Effect)> {
        let action = self.action.text().trim().to_string();
        if !has_content(&action) {
            self.error = Some(Msg::ErrRequired);
            self.on_effect = false;
            return None;
        }
        self.error = None;
        Some((action, self.effect))
    }
}

impl Layer for InterimForm {
    fn keys(&self) -> &'static [When] {
        &[When::Form]
    }

    fn handle(&mut self, action: &Action, app: &App) -> Outcome {
        match action {
            Action::Input(key) => self.edit(*key),
            Action::Paste(text) => self.action.paste(text),
            Action::NewLine if !self.on_effect => self.action.new_line(),
            Action::FieldNext | Action::FieldPrev => self.on_effect = !self.on_effect,
            Action::Submit => {
                let Some((action, effect)) = self.validate() else {
                    return Outcome::Consumed;
                };
                let change = Change::InterimAction {
                    incident: self.incident.clone(),
                    action,
                    effect,
                };
                return super::record(change, app);
            }
            _ => return Outcome::PassDown,
        }
        Outcome::Consumed
    }

    fn draft(&self, now: DateTime<Utc>) -> Option<Draft> {
        let fields = [
            ("action", self.action.raw()),
            ("_effect", choice_of(&Effect::ALL, &self.effect)),
        ];
        (!self.action.is_empty())
            .then(|| form_draft(DraftKind::InterimAction, Some(&self.incident), fields, now))
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App) {
        let lang = app.lang();
        let rows = vec![
            FormRow {
                label: Msg::FieldAction,
                content: Row::Text(&self.action),
                focused: !self.on_effect,
                below: self.error.map(|m| (m, true)),
                height: 5,
            },
            FormRow {
                label: Msg::FieldEffect,
                content: Row::Choice(i18n::effect(lang, self.effect).to_string()),
                focused: self.on_effect,
                below: None,
                height: 1,
            },
        ];
        draw_form(
            frame,
            area,
            app,
            t(lang, Msg::InterimTitle),
            &rows,
            Msg::FormHint,
        );
    }
}
