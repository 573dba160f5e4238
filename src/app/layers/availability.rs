//! Marking a contact away: until when (empty: until cleared), and why.

use super::card::CardState;
use crate::app::App;
use crate::app::action::Action;
use crate::app::drafts::form_draft;
use crate::app::key_table::When;
use crate::app::layer::{Layer, Outcome, Work};
use crate::app::text_field::TextField;
use crate::ui::form_parts::{draw_field, error, hint, label, split};
use crate::ui::theme;
use crate::ui::widgets::popup;
use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Paragraph;
use serde_json::Map;
use shiftdesk_core::clock::{TimeInputError, Zone, parse_until_input};
use shiftdesk_core::draft::{Draft, DraftKind};
use shiftdesk_core::i18n::{Msg, t};
use shiftdesk_core::roster::Unavailable;
use shiftdesk_core::roster::change::RosterChange;

const LABEL_WIDTH: u16 = 16;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AvailabilityField {
    Until,
    Reason,
}

/// Marking a contact away: until when (empty: until cleared), and why.
pub struct AvailabilityForm {
    pub contact: String,
    pub focus: AvailabilityField,
    pub until: TextField,
    pub reason: TextField,
    pub error: Option<Msg>,
}

impl AvailabilityForm {
    pub fn new(contact: &str) -> AvailabilityForm {
        AvailabilityForm {
            contact: contact.to_string(),
            focus: AvailabilityField::Until,
            until: TextField::new(false),
            reason: TextField::new(false),
            error: None,
        }
    }

    /// The form a kept draft came from, with its text.
    pub fn from_draft(d: &Draft) -> AvailabilityForm {
        let mut form = AvailabilityForm::new(d.field("_contact"));
        form.until = TextField::with_raw(d.field("until"), false);
        form.reason = TextField::with_raw(d.field("reason"), false);
        form
    }

    pub fn next_field(&mut self) {
        self.focus = match self.focus {
            AvailabilityField::Until => AvailabilityField::Reason,
            AvailabilityField::Reason => AvailabilityField::Until,
        };
    }

    pub fn focused_mut(&mut self) -> &mut TextField {
        match self.focus {
            AvailabilityField::Until => &mut self.until,
            AvailabilityField::Reason => &mut self.reason,
        }
    }

    pub fn validate(&mut self, now: DateTime<Utc>, zone: &Zone) -> Option<Unavailable> {
        match parse_until_input(&self.until.text(), now, zone) {
            Ok(until) => {
                self.error = None;
                Some(Unavailable {
                    until,
                    reason: self.reason.text().trim().to_string(),
                    extra: Map::new(),
                })
            }
            Err(e) => {
                // A time to come: its own ways of writing one (in 2h, +30m).
                self.error = Some(match e {
                    TimeInputError::Format => Msg::ErrUntilFormat,
                    e => e.msg(),
                });
                self.focus = AvailabilityField::Until;
                None
            }
        }
    }
}

impl Layer for AvailabilityForm {
    fn keys(&self) -> &'static [When] {
        &[When::Form]
    }

    fn handle(&mut self, action: &Action, app: &App) -> Outcome {
        match action {
            Action::Input(key) => self.focused_mut().input(*key),
            Action::Paste(text) => self.focused_mut().paste(text),
            Action::FieldNext | Action::FieldPrev => self.next_field(),
            Action::Submit => {
                let Some(unavailable) = self.validate(app.now, &app.operator.zone) else {
                    return Outcome::Consumed;
                };
                // Back to the card, whatever became of the change.
                return Outcome::Submit(vec![
                    Work::Open(Box::new(CardState::new(self.contact.clone()))),
                    Work::Roster(RosterChange::SetAvailability {
                        contact: self.contact.clone(),
                        unavailable: Some(unavailable),
                    }),
                ]);
            }
            _ => return Outcome::PassDown,
        }
        Outcome::Consumed
    }

    fn draft(&self, now: DateTime<Utc>) -> Option<Draft> {
        let fields = [
            ("until", self.until.raw()),
            ("reason", self.reason.raw()),
            ("_contact", self.contact.clone()),
        ];
        (!(self.until.is_empty() && self.reason.is_empty()))
            .then(|| form_draft(DraftKind::Availability, None, fields, now))
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App) {
        let form = self;
        let lang = app.lang();
        let name = app
            .desk
            .roster()
            .contact(&form.contact)
            .map(|c| shiftdesk_core::text::safe_line(&c.name))
            .unwrap_or_default();
        let inner = popup(
            frame,
            area,
            76,
            7,
            &format!("{} · {name}", t(lang, Msg::AwayTitle)),
        );
        let rows = Layout::vertical([Constraint::Length(1); 5]).split(inner);
        let split = |r: Rect| split(r, LABEL_WIDTH);
        let (l, f) = split(rows[0]);
        label(
            frame,
            l,
            t(lang, Msg::FieldUntil),
            form.focus == AvailabilityField::Until,
        );
        draw_field(
            frame,
            f,
            &form.until,
            form.focus == AvailabilityField::Until,
        );
        let (_, f) = split(rows[1]);
        match form.error {
            Some(e) => error(frame, f, app, e),
            None => frame.render_widget(
                Paragraph::new(t(lang, Msg::UntilHint)).style(theme::dim()),
                f,
            ),
        }
        let (l, f) = split(rows[2]);
        label(
            frame,
            l,
            t(lang, Msg::FieldReason),
            form.focus == AvailabilityField::Reason,
        );
        draw_field(
            frame,
            f,
            &form.reason,
            form.focus == AvailabilityField::Reason,
        );
        frame.render_widget(hint(app, Msg::FormHintNoChoice), rows[4]);
    }
}
