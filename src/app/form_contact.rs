//! The contact form (add or edit) and the availability form, with their validation.

use super::text_field::TextField;
use chrono::{DateTime, Utc};
use serde_json::Map;
use shiftdesk_core::clock::{Zone, parse_until_input};
use shiftdesk_core::i18n::Msg;
use shiftdesk_core::roster::change::ContactFields;
use shiftdesk_core::roster::check::{is_plausible_email, is_plausible_phone};
use shiftdesk_core::roster::{Contact, Unavailable};
use shiftdesk_core::text::has_content;

/// The fields of the contact form, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactField {
    Name,
    Kana,
    Role,
    Team,
    Phone,
    Phone2,
    Email,
    Notes,
}

impl ContactField {
    pub const ALL: [ContactField; 8] = [
        ContactField::Name,
        ContactField::Kana,
        ContactField::Role,
        ContactField::Team,
        ContactField::Phone,
        ContactField::Phone2,
        ContactField::Email,
        ContactField::Notes,
    ];

    pub fn label(self) -> Msg {
        match self {
            ContactField::Name => Msg::FieldName,
            ContactField::Kana => Msg::FieldKana,
            ContactField::Role => Msg::FieldRole,
            ContactField::Team => Msg::FieldTeam,
            ContactField::Phone => Msg::FieldPhone,
            ContactField::Phone2 => Msg::FieldPhone2,
            ContactField::Email => Msg::FieldEmail,
            ContactField::Notes => Msg::FieldNotes,
        }
    }
}

pub struct ContactForm {
    /// The contact edited; None adds a new one.
    pub editing: Option<String>,
    pub focus: ContactField,
    pub fields: Vec<(ContactField, TextField)>,
    pub errors: Vec<(ContactField, Msg)>,
    pub discard_armed: bool,
}

impl ContactForm {
    pub fn new(editing: Option<&Contact>) -> ContactForm {
        let values = editing.map(ContactFields::of).unwrap_or_default();
        let value = |f: ContactField| match f {
            ContactField::Name => &values.name,
            ContactField::Kana => &values.kana,
            ContactField::Role => &values.role,
            ContactField::Team => &values.team,
            ContactField::Phone => &values.phone,
            ContactField::Phone2 => &values.phone2,
            ContactField::Email => &values.email,
            ContactField::Notes => &values.notes,
        };
        ContactForm {
            editing: editing.map(|c| c.id.clone()),
            focus: ContactField::Name,
            fields: ContactField::ALL
                .iter()
                .map(|&f| (f, TextField::with_text(value(f), false)))
                .collect(),
            errors: Vec::new(),
            discard_armed: false,
        }
    }

    pub fn field(&self, f: ContactField) -> &TextField {
        &self.fields[ContactField::ALL.iter().position(|x| *x == f).unwrap_or(0)].1
    }

    pub fn focused_mut(&mut self) -> &mut TextField {
        let i = ContactField::ALL
            .iter()
            .position(|x| *x == self.focus)
            .unwrap_or(0);
        &mut self.fields[i].1
    }

    pub fn error(&self, f: ContactField) -> Option<Msg> {
        self.errors.iter().find(|(x, _)| *x == f).map(|(_, m)| *m)
    }

    pub fn next_field(&mut self, by: isize) {
        let all = ContactField::ALL;
        let i = all.iter().position(|x| *x == self.focus).unwrap_or(0) as isize;
        self.focus = all[(i + by).rem_euclid(all.len() as isize) as usize];
    }

    pub fn has_text(&self) -> bool {
        self.fields.iter().any(|(_, f)| !f.is_empty())
    }

    /// Checks every field: a name; a phone or an email; numbers and addresses that look
    /// right. Problems are kept per field and the focus goes to the first.
    pub fn validate(&mut self) -> Option<ContactFields> {
        let text = |f: ContactField| self.field(f).text().trim().to_string();
        let values = ContactFields {
            name: text(ContactField::Name),
            kana: text(ContactField::Kana),
            role: text(ContactField::Role),
            team: text(ContactField::Team),
            phone: text(ContactField::Phone),
            phone2: text(ContactField::Phone2),
            email: text(ContactField::Email),
            notes: text(ContactField::Notes),
        };
        let mut errors = Vec::new();
        if !has_content(&values.name) {
            errors.push((ContactField::Name, Msg::ErrNameRequired));
        }
        for (f, number) in [
            (ContactField::Phone, &values.phone),
            (ContactField::Phone2, &values.phone2),
        ] {
            if !number.is_empty() && !is_plausible_phone(number) {
                errors.push((f, Msg::ErrPhoneFormat));
            }
        }
        if !values.email.is_empty() && !is_plausible_email(&values.email) {
            errors.push((ContactField::Email, Msg::ErrEmailFormat));
        }
        if values.phone.is_empty() && values.phone2.is_empty() && values.email.is_empty() {
            errors.push((ContactField::Phone, Msg::ErrPhoneOrEmail));
        }
        if let Some((first, _)) = ContactField::ALL
            .iter()
            .find_map(|f| errors.iter().find(|(x, _)| x == f))
        {
            self.focus = *first;
        }
        self.errors = errors;
        self.errors.is_empty().then_some(values)
    }
}

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
                self.error = Some(e.msg());
                self.focus = AvailabilityField::Until;
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_and_a_way_to_reach_are_required() {
        let mut f = ContactForm::new(None);
        assert!(f.validate().is_none());
        assert_eq!(f.error(ContactField::Name), Some(Msg::ErrNameRequired));
        assert_eq!(f.error(ContactField::Phone), Some(Msg::ErrPhoneOrEmail));
        assert_eq!(f.focus, ContactField::Name);
    }

    #[test]
    fn bad_numbers_and_addresses_are_marked_at_their_field() {
        let mut f = ContactForm::new(None);
        f.fields[0].1.paste("加藤 淳");
        f.fields[5].1.paste("12");
        f.fields[6].1.paste("kato@");
        assert!(f.validate().is_none());
        assert_eq!(f.error(ContactField::Phone2), Some(Msg::ErrPhoneFormat));
        assert_eq!(f.error(ContactField::Email), Some(Msg::ErrEmailFormat));
        assert_eq!(f.error(ContactField::Name), None);
        assert_eq!(f.focus, ContactField::Phone2);
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
