//! The new-incident form: title, category, severity, detection time, description.

use super::fields::cycle;
use super::text_field::TextField;
use chrono::{DateTime, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use shiftdesk_core::clock::{TimeInputError, Zone, parse_time_input};
use shiftdesk_core::i18n::Msg;
use shiftdesk_core::text::has_content;
use shiftdesk_core::{Category, Severity};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewField {
    Title,
    Category,
    Severity,
    Detected,
    Description,
}

impl NewField {
    const ORDER: [NewField; 5] = [
        NewField::Title,
        NewField::Category,
        NewField::Severity,
        NewField::Detected,
        NewField::Description,
    ];

    fn step(self, by: isize) -> NewField {
        let i = Self::ORDER.iter().position(|f| *f == self).unwrap_or(0) as isize;
        let n = Self::ORDER.len() as isize;
        Self::ORDER[(i + by).rem_euclid(n) as usize]
    }
}

/// What the form holds once it validates.
#[derive(Debug, Clone, PartialEq)]
pub struct NewIncidentInput {
    pub title: String,
    pub category: Category,
    pub severity: Severity,
    pub detected_at: DateTime<Utc>,
    pub description: String,
}

pub struct NewIncidentForm {
    pub field: NewField,
    pub title: TextField,
    pub category: Category,
    pub severity: Severity,
    pub detected: TextField,
    pub description: TextField,
    pub title_error: Option<Msg>,
    pub detected_error: Option<Msg>,
    /// Esc was pressed once with text in the form: a second Esc discards it.
    pub discard_armed: bool,
}

impl Default for NewIncidentForm {
    fn default() -> Self {
        NewIncidentForm {
            field: NewField::Title,
            title: TextField::new(false),
            category: Category::SystemOutage,
            severity: Severity::HIGH,
            detected: TextField::new(false),
            description: TextField::new(true),
            title_error: None,
            detected_error: None,
            discard_armed: false,
        }
    }
}

impl NewIncidentForm {
    pub fn has_text(&self) -> bool {
        !(self.title.is_empty() && self.detected.is_empty() && self.description.is_empty())
    }

    pub fn next_field(&mut self, by: isize) {
        self.field = self.field.step(by);
    }

    /// A key that is not Enter, Esc or Tab, for the field with focus.
    pub fn edit(&mut self, key: KeyEvent) {
        self.discard_armed = false;
        let by = match key.code {
            KeyCode::Left | KeyCode::Up => -1,
            KeyCode::Right | KeyCode::Down => 1,
            _ => 0,
        };
        match self.field {
            NewField::Title => self.title.input(key),
            NewField::Detected => self.detected.input(key),
            NewField::Description => self.description.input(key),
            NewField::Category => self.category = cycle(&Category::ALL, self.category, by),
            NewField::Severity => match key.code {
                KeyCode::Char(c @ '1'..='4') => {
                    self.severity = Severity::new(c as u8 - b'0').unwrap_or(self.severity)
                }
                _ => self.severity = cycle(&Severity::ALL, self.severity, by),
            },
        }
    }

    pub fn paste(&mut self, text: &str) {
        self.discard_armed = false;
        match self.field {
            NewField::Title => self.title.paste(text),
            NewField::Detected => self.detected.paste(text),
            NewField::Description => self.description.paste(text),
            NewField::Category | NewField::Severity => {}
        }
    }

    /// Checks the form; on a problem, marks the field and moves the focus to it.
    pub fn validate(&mut self, now: DateTime<Utc>, zone: &Zone) -> Option<NewIncidentInput> {
        let title = self.title.text();
        self.title_error = (!has_content(&title)).then_some(Msg::ErrTitleRequired);
        let detected = parse_time_input(&self.detected.text(), now, zone);
        self.detected_error = detected.err().map(TimeInputError::msg);
        if self.title_error.is_some() {
            self.field = NewField::Title;
            return None;
        }
        let Ok(detected_at) = detected else {
            self.field = NewField::Detected;
            return None;
        };
        Some(NewIncidentInput {
            title: title.trim().to_string(),
            category: self.category,
            severity: self.severity,
            detected_at,
            description: self.description.text().trim().to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyModifiers;
    use shiftdesk_core::test_fixtures::t;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn an_empty_title_is_refused_and_focused() {
        let mut f = NewIncidentForm {
            field: NewField::Description,
            ..Default::default()
        };
        assert!(
            f.validate(t("10:00"), &Zone::Named(chrono_tz::UTC))
                .is_none()
        );
        assert_eq!(f.title_error, Some(Msg::ErrTitleRequired));
        assert_eq!(f.field, NewField::Title);
    }

    #[test]
    fn pickers_cycle_and_digits_set_severity() {
        let mut f = NewIncidentForm::default();
        f.next_field(1);
        assert_eq!(f.field, NewField::Category);
        f.edit(key(KeyCode::Right));
        assert_eq!(f.category, Category::Security);
        f.edit(key(KeyCode::Left));
        f.edit(key(KeyCode::Left));
        assert_eq!(f.category, Category::DocError);
        f.next_field(1);
        f.edit(key(KeyCode::Char('1')));
        assert_eq!(f.severity, Severity::CRITICAL);
        f.edit(key(KeyCode::Left));
        assert_eq!(f.severity, Severity::MINOR);
    }

    #[test]
    fn a_valid_form_gives_the_input() {
        let mut f = NewIncidentForm::default();
        f.title.paste("  VPN 障害 ");
        f.detected.paste("09:45");
        f.description.paste("拠点Aから接続不可");
        let input = f
            .validate(t("10:00"), &Zone::Named(chrono_tz::UTC))
            .unwrap();
        assert_eq!(input.title, "VPN 障害");
        assert_eq!(input.detected_at, t("09:45"));
        assert_eq!(input.category, Category::SystemOutage);
        assert_eq!(input.description, "拠点Aから接続不可");
    }

    #[test]
    fn a_bad_time_is_marked() {
        let mut f = NewIncidentForm::default();
        f.title.paste("x");
        f.detected.paste("9時");
        assert!(
            f.validate(t("10:00"), &Zone::Named(chrono_tz::UTC))
                .is_none()
        );
        assert_eq!(f.detected_error, Some(Msg::ErrDetectedFormat));
        assert_eq!(f.field, NewField::Detected);
    }
}
