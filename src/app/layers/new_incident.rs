//! The new-incident form: title, category, the kind of it (where the category has kinds),
//! severity, detection time, description; the team's guide beside the pickers, the whole of
//! it one key away.

use super::guide::GuideLayer;
use crate::app::App;
use crate::app::action::Action;
use crate::app::classify::Classification;
use crate::app::drafts::form_draft;
use crate::app::key_table::When;
use crate::app::layer::{Layer, Outcome, Work};
use crate::app::text_field::TextField;
use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use shiftdesk_core::change::{Change, NewIncident, Reported};
use shiftdesk_core::clock::{TimeInputError, Zone, parse_time_input};
use shiftdesk_core::draft::{Draft, DraftKind};
use shiftdesk_core::i18n::Msg;
use shiftdesk_core::playbook::Playbooks;
use shiftdesk_core::text::has_content;
use shiftdesk_core::{Category, Severity};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewField {
    Title,
    Category,
    /// Only where the category has kinds.
    Kind,
    Severity,
    Detected,
    Description,
}

impl NewField {
    const ORDER: [NewField; 6] = [
        NewField::Title,
        NewField::Category,
        NewField::Kind,
        NewField::Severity,
        NewField::Detected,
        NewField::Description,
    ];

    /// The field `by` steps on, past the kind where there is none to pick.
    fn step(self, by: isize, kinds: bool) -> NewField {
        let n = Self::ORDER.len() as isize;
        let mut i = Self::ORDER.iter().position(|f| *f == self).unwrap_or(0) as isize;
        loop {
            i = (i + by.signum()).rem_euclid(n);
            let f = Self::ORDER[i as usize];
            if f != NewField::Kind || kinds {
                return f;
            }
        }
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
    /// Category, kind and severity.
    pub class: Classification,
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
            class: Classification::new(Category::SystemOutage, Severity::HIGH),
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

    pub fn next_field(&mut self, by: isize, books: &Playbooks) {
        self.field = self.field.step(by, self.class.has_kinds(books));
    }

    /// A key that is not Enter, Esc or Tab, for the field with focus.
    pub fn edit(&mut self, key: KeyEvent, books: &Playbooks) {
        let by = match key.code {
            KeyCode::Left | KeyCode::Up => -1,
            KeyCode::Right | KeyCode::Down => 1,
            _ => 0,
        };
        match self.field {
            NewField::Title => self.title.input(key),
            NewField::Detected => self.detected.input(key),
            NewField::Description => self.description.input(key),
            NewField::Category if by != 0 => self.class.move_category(by),
            NewField::Kind if by != 0 => self.class.move_kind(books, by),
            NewField::Severity => match key.code {
                KeyCode::Char(c @ '1'..='4') => {
                    self.class.severity =
                        Severity::new(c as u8 - b'0').unwrap_or(self.class.severity)
                }
                _ if by != 0 => self.class.move_severity(by),
                _ => {}
            },
            NewField::Category | NewField::Kind => {}
        }
    }

    pub fn paste(&mut self, text: &str) {
        match self.field {
            NewField::Title => self.title.paste(text),
            NewField::Detected => self.detected.paste(text),
            NewField::Description => self.description.paste(text),
            NewField::Category | NewField::Kind | NewField::Severity => {}
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
            category: self.class.category,
            severity: self.class.severity,
            detected_at,
            description: self.description.text().trim().to_string(),
        })
    }

    /// The form a kept draft came from, with its text and choices.
    pub fn from_draft(d: &Draft) -> NewIncidentForm {
        let mut form = NewIncidentForm {
            title: TextField::with_raw(d.field("title"), false),
            detected: TextField::with_raw(d.field("detected"), false),
            description: TextField::with_raw(d.field("description"), true),
            ..Default::default()
        };
        if let Ok(c) = d.field("category").parse::<Category>() {
            form.class.category = c;
        }
        if let Ok(s) = d.field("severity").parse::<Severity>() {
            form.class.severity = s;
        }
        let kind = d.field("kind");
        form.class.kind = (!kind.is_empty()).then(|| kind.to_string());
        form
    }

    /// The incident to open, with the checklist of its kind's playbook and its route;
    /// opened, it is shown. Marks what is wrong otherwise.
    fn submit(&mut self, app: &App) -> Outcome {
        let Some(input) = self.validate(app.now, &app.operator.zone) else {
            return Outcome::Consumed;
        };
        let books = &app.desk.playbooks;
        let Some(book) = books.for_category(input.category) else {
            return Outcome::Consumed;
        };
        let reported = Reported {
            title: input.title,
            category: input.category,
            kind: self.class.kind_id(books),
            severity: input.severity,
            detected_at: input.detected_at,
            description: input.description,
        };
        let roster = app.desk.roster();
        let new = NewIncident::new(reported, book, roster).on_duty_at(roster, app.now);
        Outcome::Submit(vec![
            Work::Change(Change::Open(Box::new(new))),
            Work::Close,
            Work::ShowOpened(Msg::MsgOpened, Vec::new()),
        ])
    }
}

impl Layer for NewIncidentForm {
    fn keys(&self) -> &'static [When] {
        &[When::Classify, When::Form]
    }

    fn handle(&mut self, action: &Action, app: &App) -> Outcome {
        let books = &app.desk.playbooks;
        match action {
            Action::Input(key) => self.edit(*key, books),
            Action::Paste(text) => self.paste(text),
            Action::NewLine if self.field == NewField::Description => self.description.new_line(),
            Action::FieldNext => self.next_field(1, books),
            Action::FieldPrev => self.next_field(-1, books),
            Action::Submit => return self.submit(app),
            Action::OpenGuide => {
                let kind = self.class.kind_id(books);
                return Outcome::Push(Box::new(GuideLayer::new(self.class.category, kind)));
            }
            _ => return Outcome::PassDown,
        }
        Outcome::Consumed
    }

    fn draft(&self, now: DateTime<Utc>) -> Option<Draft> {
        let fields = [
            ("title", self.title.raw()),
            ("detected", self.detected.raw()),
            ("description", self.description.raw()),
            ("category", self.class.category.id().to_string()),
            ("kind", self.class.kind.clone().unwrap_or_default()),
            ("severity", self.class.severity.to_string()),
        ];
        self.has_text()
            .then(|| form_draft(DraftKind::NewIncident, None, fields, now))
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App) {
        super::new_incident_view::draw(self, frame, area, app);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyModifiers;
    use shiftdesk_core::test_fixtures::{bundled_playbooks, t};

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
        let books = bundled_playbooks();
        let mut f = NewIncidentForm::default();
        f.next_field(1, &books);
        assert_eq!(f.field, NewField::Category);
        f.edit(key(KeyCode::Right), &books);
        assert_eq!(f.class.category, Category::Security);
        f.edit(key(KeyCode::Left), &books);
        f.edit(key(KeyCode::Left), &books);
        assert_eq!(f.class.category, Category::DocError);
        // A category without kinds: Tab goes on to the severity.
        f.next_field(1, &books);
        assert_eq!(f.field, NewField::Severity);
        f.edit(key(KeyCode::Char('1')), &books);
        assert_eq!(f.class.severity, Severity::CRITICAL);
        f.edit(key(KeyCode::Left), &books);
        assert_eq!(f.class.severity, Severity::MINOR);
    }

    #[test]
    fn after_a_category_with_kinds_comes_its_kind() {
        let books = bundled_playbooks();
        let mut f = NewIncidentForm::default();
        f.next_field(1, &books);
        f.edit(key(KeyCode::Right), &books);
        f.next_field(1, &books);
        assert_eq!(f.field, NewField::Kind);
        assert_eq!(f.class.kind_id(&books).as_deref(), Some("other"));
        f.edit(key(KeyCode::Right), &books);
        assert_eq!(f.class.kind_id(&books).as_deref(), Some("lost_card"));
        f.next_field(1, &books);
        assert_eq!(f.field, NewField::Severity);
        f.next_field(-1, &books);
        assert_eq!(f.field, NewField::Kind);
        // Its draft keeps the kind, and gives it back.
        f.title.paste("カード紛失");
        let draft = f.draft(t("10:00")).unwrap();
        let back = NewIncidentForm::from_draft(&draft);
        assert_eq!(back.class.kind_id(&books).as_deref(), Some("lost_card"));
        assert_eq!(back.class.category, Category::Security);
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
