//! A consultation: who was consulted (a roster contact or anyone) and what they advised.

use crate::app::App;
use crate::app::action::Action;
use crate::app::drafts::form_draft;
use crate::app::fields::Fields;
use crate::app::key_table::When;
use crate::app::layer::{Layer, Outcome};
use crate::ui::form_parts::{FormRow, draw_form, text_row};
use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::Rect;
use shiftdesk_core::IncidentId;
use shiftdesk_core::change::Change;
use shiftdesk_core::draft::{Draft, DraftKind};
use shiftdesk_core::i18n::{Msg, t};
use shiftdesk_core::text::{has_content, normalize_input};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsultField {
    Who,
    Advice,
}

/// The fields, by the names a draft keeps them under.
const NAMES: [(ConsultField, &str); 2] =
    [(ConsultField::Who, "who"), (ConsultField::Advice, "advice")];

pub struct ConsultForm {
    pub incident: IncidentId,
    pub fields: Fields<ConsultField>,
    pub error: Option<Msg>,
}

impl ConsultForm {
    pub fn new(incident: IncidentId) -> ConsultForm {
        ConsultForm {
            incident,
            fields: Fields::new(vec![
                (ConsultField::Who, "", false),
                (ConsultField::Advice, "", true),
            ]),
            error: None,
        }
    }

    /// The form a kept draft came from, with its text.
    pub fn from_draft(d: &Draft) -> Option<ConsultForm> {
        let mut form = ConsultForm::new(d.incident.clone()?);
        form.fields.restore_all(&NAMES, d);
        Some(form)
    }

    pub fn validate(&mut self) -> Option<(String, String)> {
        let who = self.fields.text(ConsultField::Who);
        let advice = self.fields.text(ConsultField::Advice);
        for (field, text) in [(ConsultField::Who, &who), (ConsultField::Advice, &advice)] {
            if !has_content(text) {
                self.error = Some(Msg::ErrRequired);
                self.fields.set_focus(field);
                return None;
            }
        }
        self.error = None;
        Some((who, advice))
    }
}

/// The roster contact a name given by the operator means: by id, or by name as written.
fn contact_named(app: &App, who: &str) -> Option<String> {
    let who = normalize_input(who);
    app.desk
        .roster()
        .contacts
        .iter()
        .find(|c| c.id == who || normalize_input(&c.name) == who)
        .map(|c| c.id.clone())
}

impl Layer for ConsultForm {
    fn keys(&self) -> &'static [When] {
        &[When::Form]
    }

    fn handle(&mut self, action: &Action, app: &App) -> Outcome {
        match action {
            Action::Input(key) => self.fields.input(*key),
            Action::Paste(text) => self.fields.paste(text),
            Action::NewLine => self.fields.new_line(),
            Action::FieldNext => self.fields.cycle(1),
            Action::FieldPrev => self.fields.cycle(-1),
            Action::Submit => {
                let Some((who, advice)) = self.validate() else {
                    return Outcome::Consumed;
                };
                let change = Change::Consult {
                    incident: self.incident.clone(),
                    contact: contact_named(app, &who),
                    who,
                    advice,
                };
                return super::record(change, app);
            }
            _ => return Outcome::PassDown,
        }
        Outcome::Consumed
    }

    fn draft(&self, now: DateTime<Utc>) -> Option<Draft> {
        let fields = self.fields.drafted(&NAMES);
        self.fields
            .changed()
            .then(|| form_draft(DraftKind::Consultation, Some(&self.incident), fields, now))
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App) {
        let form = self;
        let focus = form.fields.focus();
        let lang = app.lang();
        // Whether the name is someone in the roster, as the operator types it.
        let who = form.fields.text(ConsultField::Who);
        let known = app
            .desk
            .roster()
            .contacts
            .iter()
            .any(|c| c.id == who || normalize_input(&c.name) == who);
        let who_note = if who.is_empty() {
            None
        } else if known {
            Some((Msg::InRoster, false))
        } else {
            Some((Msg::NotInRosterHint, false))
        };
        let error = form.error.map(|m| (m, true));
        let rows: Vec<FormRow> = [
            text_row(
                Msg::FieldWho,
                form.fields.get(ConsultField::Who),
                focus == Some(ConsultField::Who),
                error
                    .filter(|_| focus == Some(ConsultField::Who))
                    .or(who_note),
                1,
            ),
            text_row(
                Msg::FieldAdvice,
                form.fields.get(ConsultField::Advice),
                focus == Some(ConsultField::Advice),
                error.filter(|_| focus == Some(ConsultField::Advice)),
                5,
            ),
        ]
        .into_iter()
        .flatten()
        .collect();
        draw_form(
            frame,
            area,
            app,
            t(lang, Msg::ConsultTitle),
            &rows,
            Msg::FormHint,
        );
    }
}
