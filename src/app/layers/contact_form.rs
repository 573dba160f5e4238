//! The contact form, adding a contact or editing one: its fields in the order of the
//! roster's CSV columns, each checked, each error beside its field.

use super::card::CardState;
use crate::app::App;
use crate::app::action::Action;
use crate::app::drafts::form_draft;
use crate::app::key_table::When;
use crate::app::layer::{Layer, Outcome, Work};
use crate::app::text_field::TextField;
use crate::ui::form_parts::{draw_field, error, hint, label, split};
use crate::ui::widgets::popup;
use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use shiftdesk_core::draft::{Draft, DraftKind};
use shiftdesk_core::i18n::{Msg, t};
use shiftdesk_core::roster::Contact;
use shiftdesk_core::roster::change::{ContactFields, RosterChange};
use shiftdesk_core::roster::check::{is_plausible_email, is_plausible_phone};
use shiftdesk_core::roster::csv::Column;
use shiftdesk_core::text::has_content;

const LABEL_WIDTH: u16 = 16;

/// The words a field is labelled with.
fn label_of(f: Column) -> Msg {
    match f {
        Column::Name => Msg::FieldName,
        Column::Kana => Msg::FieldKana,
        Column::Role => Msg::FieldRole,
        Column::Team => Msg::FieldTeam,
        Column::Phone => Msg::FieldPhone,
        Column::Phone2 => Msg::FieldPhone2,
        Column::Email => Msg::FieldEmail,
        Column::Notes => Msg::FieldNotes,
    }
}

pub struct ContactForm {
    /// The contact edited; None adds a new one.
    pub editing: Option<String>,
    pub focus: Column,
    pub fields: Vec<(Column, TextField)>,
    pub errors: Vec<(Column, Msg)>,
    /// Each field's text as the form opened with it.
    opened: Vec<String>,
}

impl ContactForm {
    pub fn new(editing: Option<&Contact>) -> ContactForm {
        let values = editing.map(ContactFields::of).unwrap_or_default();
        let fields: Vec<(Column, TextField)> = Column::ALL
            .iter()
            .map(|&f| (f, TextField::with_text(values.field(f), false)))
            .collect();
        ContactForm {
            editing: editing.map(|c| c.id.clone()),
            focus: Column::Name,
            opened: fields.iter().map(|(_, f)| f.raw()).collect(),
            fields,
            errors: Vec::new(),
        }
    }

    /// The form a kept draft came from: the contact it edited (as it is now) or a new one,
    /// with the text typed. None when the contact edited is gone.
    pub fn from_draft(d: &Draft, app: &App) -> Option<ContactForm> {
        let editing = match d.field("_editing") {
            "" => None,
            id => Some(app.desk.roster().contact(id)?),
        };
        let mut form = ContactForm::new(editing);
        for (column, field) in &mut form.fields {
            *field = TextField::with_raw(d.field(column.key()), false);
        }
        Some(form)
    }

    /// Whether any field differs from what the form opened with.
    fn changed(&self) -> bool {
        self.fields
            .iter()
            .zip(&self.opened)
            .any(|((_, f), was)| f.raw().trim() != was.trim())
    }

    pub fn field(&self, f: Column) -> &TextField {
        &self.fields[Column::ALL.iter().position(|x| *x == f).unwrap_or(0)].1
    }

    pub fn focused_mut(&mut self) -> &mut TextField {
        let i = Column::ALL
            .iter()
            .position(|x| *x == self.focus)
            .unwrap_or(0);
        &mut self.fields[i].1
    }

    pub fn error(&self, f: Column) -> Option<Msg> {
        self.errors.iter().find(|(x, _)| *x == f).map(|(_, m)| *m)
    }

    pub fn next_field(&mut self, by: isize) {
        let all = Column::ALL;
        let i = all.iter().position(|x| *x == self.focus).unwrap_or(0) as isize;
        self.focus = all[(i + by).rem_euclid(all.len() as isize) as usize];
    }

    /// Checks every field: a name; a phone or an email; numbers and addresses that look
    /// right. Problems are kept per field and the focus goes to the first.
    pub fn validate(&mut self) -> Option<ContactFields> {
        let mut values = ContactFields::default();
        for f in Column::ALL {
            *values.field_mut(f) = self.field(f).text().trim().to_string();
        }
        let mut errors = Vec::new();
        if !has_content(&values.name) {
            errors.push((Column::Name, Msg::ErrNameRequired));
        }
        for (f, number) in [
            (Column::Phone, &values.phone),
            (Column::Phone2, &values.phone2),
        ] {
            if !number.is_empty() && !is_plausible_phone(number) {
                errors.push((f, Msg::ErrPhoneFormat));
            }
        }
        if !values.email.is_empty() && !is_plausible_email(&values.email) {
            errors.push((Column::Email, Msg::ErrEmailFormat));
        }
        if values.phone.is_empty() && values.phone2.is_empty() && values.email.is_empty() {
            errors.push((Column::Phone, Msg::ErrPhoneOrEmail));
        }
        if let Some((first, _)) = Column::ALL
            .iter()
            .find_map(|f| errors.iter().find(|(x, _)| x == f))
        {
            self.focus = *first;
        }
        self.errors = errors;
        self.errors.is_empty().then_some(values)
    }
}

impl Layer for ContactForm {
    fn keys(&self) -> &'static [When] {
        &[When::Form]
    }

    fn handle(&mut self, action: &Action, app: &App) -> Outcome {
        match action {
            Action::Input(key) => self.focused_mut().input(*key),
            Action::Paste(text) => self.focused_mut().paste(text),
            Action::FieldNext => self.next_field(1),
            Action::FieldPrev => self.next_field(-1),
            Action::Submit => {
                let Some(fields) = self.validate() else {
                    return Outcome::Consumed;
                };
                // Then the card: of the contact added, or of the one edited (saved or not).
                return Outcome::Submit(match &self.editing {
                    Some(id) => vec![
                        Work::Open(Box::new(CardState::new(id.clone()))),
                        Work::Roster(RosterChange::Edit {
                            contact: id.clone(),
                            fields,
                        }),
                    ],
                    None => vec![
                        Work::Roster(RosterChange::add(app.desk.roster(), fields)),
                        Work::OpenChangedContact,
                    ],
                });
            }
            _ => return Outcome::PassDown,
        }
        Outcome::Consumed
    }

    fn draft(&self, now: DateTime<Utc>) -> Option<Draft> {
        let mut fields: Vec<(&str, String)> = self
            .fields
            .iter()
            .map(|(c, f)| (c.key(), f.raw()))
            .collect();
        fields.push(("_editing", self.editing.clone().unwrap_or_default()));
        self.changed()
            .then(|| form_draft(DraftKind::Contact, None, fields, now))
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App) {
        let form = self;
        let lang = app.lang();
        let title = if form.editing.is_some() {
            t(lang, Msg::ContactEditTitle)
        } else {
            t(lang, Msg::ContactNewTitle)
        };
        // Each field takes a row, and a second for its error when it has one.
        let rows = Column::ALL.len() as u16 + form.errors.len() as u16;
        let inner = popup(frame, area, 76, rows + 4, title);
        let mut constraints = vec![Constraint::Length(1); rows as usize];
        constraints.push(Constraint::Fill(1));
        constraints.push(Constraint::Length(1));
        let areas = Layout::vertical(constraints).split(inner);
        let split = |r: Rect| split(r, LABEL_WIDTH);
        let mut row = 0;
        for &f in &Column::ALL {
            let (l, field) = split(areas[row]);
            label(frame, l, t(lang, label_of(f)), form.focus == f);
            draw_field(frame, field, form.field(f), form.focus == f);
            row += 1;
            if let Some(e) = form.error(f) {
                let (_, field) = split(areas[row]);
                error(frame, field, app, e);
                row += 1;
            }
        }
        frame.render_widget(hint(app, Msg::FormHintNoChoice), areas[areas.len() - 1]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_and_a_way_to_reach_are_required() {
        let mut f = ContactForm::new(None);
        assert!(f.validate().is_none());
        assert_eq!(f.error(Column::Name), Some(Msg::ErrNameRequired));
        assert_eq!(f.error(Column::Phone), Some(Msg::ErrPhoneOrEmail));
        assert_eq!(f.focus, Column::Name);
    }

    #[test]
    fn bad_numbers_and_addresses_are_marked_at_their_field() {
        let mut f = ContactForm::new(None);
        f.fields[0].1.paste("加藤 淳");
        f.fields[5].1.paste("12");
        f.fields[6].1.paste("kato@");
        assert!(f.validate().is_none());
        assert_eq!(f.error(Column::Phone2), Some(Msg::ErrPhoneFormat));
        assert_eq!(f.error(Column::Email), Some(Msg::ErrEmailFormat));
        assert_eq!(f.error(Column::Name), None);
        assert_eq!(f.focus, Column::Phone2);
    }

    #[test]
    fn a_good_form_gives_its_fields_normalised() {
        let mut f = ContactForm::new(None);
        f.fields[0].1.paste("加藤 淳");
        f.fields[1].1.paste("ｶﾄｳ ｼﾞｭﾝ");
        f.fields[4].1.paste("０９０-0000-1234");
        let v = f.validate().unwrap();
        assert_eq!(v.kana, "カトウ ジュン");
        assert_eq!(v.phone, "090-0000-1234");
    }
}
