//! The new-incident form: title, category, severity, detection time, description.

use crate::app::App;
use crate::app::action::Action;
use crate::app::drafts::form_draft;
use crate::app::fields::cycle;
use crate::app::key_table::When;
use crate::app::layer::{Layer, Outcome, Work};
use crate::app::text_field::TextField;
use crate::ui::form_parts::{draw_field, error, hint, label, picker, split, with_lines};
use crate::ui::theme;
use crate::ui::widgets::popup;
use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Paragraph;
use shiftdesk_core::change::{Change, NewIncident, Reported};
use shiftdesk_core::clock::{TimeInputError, Zone, parse_time_input};
use shiftdesk_core::draft::{Draft, DraftKind};
use shiftdesk_core::i18n::{self, Msg, t};
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

    /// The form a kept draft came from, with its text.
    pub fn from_draft(d: &Draft) -> NewIncidentForm {
        let mut form = NewIncidentForm {
            title: TextField::with_raw(d.field("title"), false),
            detected: TextField::with_raw(d.field("detected"), false),
            description: TextField::with_raw(d.field("description"), true),
            ..Default::default()
        };
        if let Ok(c) = d.field("category").parse::<Category>() {
            form.category = c;
        }
        if let Ok(s) = d.field("severity").parse::<Severity>() {
            form.severity = s;
        }
        form
    }

    /// The incident to open, with the checklist of its category's playbook and its route;
    /// opened, it is shown. Marks what is wrong otherwise.
    fn submit(&mut self, app: &App) -> Outcome {
        let Some(input) = self.validate(app.now, &app.operator.zone) else {
            return Outcome::Consumed;
        };
        let Some(book) = app.desk.playbooks.for_category(input.category) else {
            return Outcome::Consumed;
        };
        let reported = Reported {
            title: input.title,
            category: input.category,
            kind: None,
            severity: input.severity,
            detected_at: input.detected_at,
            description: input.description,
        };
        let new = NewIncident::new(reported, book, app.desk.roster());
        Outcome::Submit(vec![
            Work::Change(Change::Open(Box::new(new))),
            Work::Close,
            Work::ShowOpened(Msg::MsgOpened, Vec::new()),
        ])
    }
}

impl Layer for NewIncidentForm {
    fn keys(&self) -> &'static [When] {
        &[When::Form]
    }

    fn handle(&mut self, action: &Action, app: &App) -> Outcome {
        match action {
            Action::Input(key) => self.edit(*key),
            Action::Paste(text) => self.paste(text),
            Action::NewLine if self.field == NewField::Description => self.description.new_line(),
            Action::FieldNext => self.next_field(1),
            Action::FieldPrev => self.next_field(-1),
            Action::Submit => return self.submit(app),
            _ => return Outcome::PassDown,
        }
        Outcome::Consumed
    }

    fn draft(&self, now: DateTime<Utc>) -> Option<Draft> {
        let fields = [
            ("title", self.title.raw()),
            ("detected", self.detected.raw()),
            ("description", self.description.raw()),
            ("category", self.category.id().to_string()),
            ("severity", self.severity.to_string()),
        ];
        self.has_text()
            .then(|| form_draft(DraftKind::NewIncident, None, fields, now))
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App) {
        let form = self;
        let lang = app.lang();
        let inner = popup(frame, area, 76, 20, t(lang, Msg::FormNewTitle));
        let rows = Layout::vertical([
            Constraint::Length(1), // title
            Constraint::Length(1), // title error
            Constraint::Length(1), // category
            Constraint::Length(1), // category class
            Constraint::Length(1), // severity
            Constraint::Length(1), // detected
            Constraint::Length(1), // detected hint / error
            Constraint::Min(2),    // description
            Constraint::Length(1), // hint
        ])
        .split(inner);
        let split = |r: Rect| split(r, LABEL_WIDTH);
        let error_line = |frame: &mut Frame, r: Rect, msg: Option<Msg>, hint: Option<Msg>| {
            let (_, f) = split(r);
            if let Some(m) = msg {
                error(frame, f, app, m);
            } else if let Some(h) = hint {
                frame.render_widget(Paragraph::new(t(lang, h)).style(theme::dim()), f);
            }
        };

        let (l, f) = split(rows[0]);
        label(
            frame,
            l,
            t(lang, Msg::FieldTitle),
            form.field == NewField::Title,
        );
        draw_field(frame, f, &form.title, form.field == NewField::Title);
        error_line(frame, rows[1], form.title_error, None);

        let (l, f) = split(rows[2]);
        let focused = form.field == NewField::Category;
        label(frame, l, t(lang, Msg::FieldCategory), focused);
        frame.render_widget(
            Paragraph::new(picker(
                i18n::category(lang, form.category).to_string(),
                focused,
            )),
            f,
        );
        let (_, f) = split(rows[3]);
        frame.render_widget(
            Paragraph::new(format!(
                "{} · {}",
                i18n::category_class(lang, form.category),
                form.category.id()
            ))
            .style(theme::dim()),
            f,
        );

        let (l, f) = split(rows[4]);
        let focused = form.field == NewField::Severity;
        label(frame, l, t(lang, Msg::FieldSeverity), focused);
        frame.render_widget(
            Paragraph::new(picker(
                i18n::severity(lang, form.severity).to_string(),
                focused,
            )),
            f,
        );

        let (l, f) = split(rows[5]);
        label(
            frame,
            l,
            t(lang, Msg::FieldDetected),
            form.field == NewField::Detected,
        );
        draw_field(frame, f, &form.detected, form.field == NewField::Detected);
        error_line(frame, rows[6], form.detected_error, Some(Msg::DetectedHint));

        let (l, f) = split(rows[7]);
        label(
            frame,
            l,
            t(lang, Msg::FieldDescription),
            form.field == NewField::Description,
        );
        draw_field(
            frame,
            f,
            &form.description,
            form.field == NewField::Description,
        );
        let lines = form.field == NewField::Description;
        frame.render_widget(hint(app, with_lines(Msg::FormHint, lines)), rows[8]);
    }
}

const LABEL_WIDTH: u16 = 14;

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
