//! A new severity, category and/or kind, with the reason for it; the route is resolved again,
//! and a new category or kind brings its steps (those already done stay). The team's guide is
//! beside the pickers, the whole of it one key away.

use super::guide::GuideLayer;
use crate::app::App;
use crate::app::action::Action;
use crate::app::classify::Classification;
use crate::app::drafts::form_draft;
use crate::app::fields::cycle;
use crate::app::key_table::When;
use crate::app::layer::{Layer, Outcome, Work};
use crate::app::text_field::TextField;
use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use shiftdesk_core::change::{Change, Reclassification};
use shiftdesk_core::checklist::checklist_from;
use shiftdesk_core::draft::{Draft, DraftKind};
use shiftdesk_core::i18n::Msg;
use shiftdesk_core::playbook::Playbooks;
use shiftdesk_core::{Category, IncidentId, Severity};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReclassifyField {
    Severity,
    Category,
    /// Only where the category has kinds.
    Kind,
    Reason,
}

/// A new severity, category and/or kind, with the reason for it.
pub struct ReclassifyForm {
    pub incident: IncidentId,
    pub field: ReclassifyField,
    pub class: Classification,
    pub reason: TextField,
    pub error: Option<Msg>,
}

impl ReclassifyForm {
    /// The form for an incident of this severity, category and kind (None: its category has
    /// no kinds, or it was recorded before kinds).
    pub fn new(
        incident: IncidentId,
        severity: Severity,
        category: Category,
        kind: Option<String>,
    ) -> ReclassifyForm {
        ReclassifyForm {
            incident,
            field: ReclassifyField::Severity,
            class: Classification::of_incident(category, kind, severity),
            reason: TextField::new(false),
            error: None,
        }
    }

    pub fn next_field(&mut self, by: isize, books: &Playbooks) {
        let order: &[ReclassifyField] = if self.class.has_kinds(books) {
            &[
                ReclassifyField::Severity,
                ReclassifyField::Category,
                ReclassifyField::Kind,
                ReclassifyField::Reason,
            ]
        } else {
            &[
                ReclassifyField::Severity,
                ReclassifyField::Category,
                ReclassifyField::Reason,
            ]
        };
        self.field = cycle(order, self.field, by);
    }

    pub fn edit(&mut self, key: KeyEvent, books: &Playbooks) {
        let by = match key.code {
            KeyCode::Left | KeyCode::Up => -1,
            KeyCode::Right | KeyCode::Down => 1,
            _ => 0,
        };
        match self.field {
            ReclassifyField::Severity => match key.code {
                KeyCode::Char(c @ '1'..='4') => {
                    self.class.severity =
                        Severity::new(c as u8 - b'0').unwrap_or(self.class.severity)
                }
                _ if by != 0 => self.class.move_severity(by),
                _ => {}
            },
            ReclassifyField::Category if by != 0 => self.class.move_category(by),
            ReclassifyField::Kind if by != 0 => self.class.move_kind(books, by),
            ReclassifyField::Category | ReclassifyField::Kind => {}
            ReclassifyField::Reason => self.reason.input(key),
        }
    }

    /// The form a kept draft came from, with its text and choices, the reason in focus. The
    /// incident's own kind is not kept in the draft: it is read again from the incident.
    pub fn from_draft(d: &Draft, app: &App) -> Option<ReclassifyForm> {
        let severity = d.field("severity").parse::<Severity>().ok()?;
        let category = d.field("category").parse::<Category>().ok()?;
        let id = d.incident.clone()?;
        let had = app.desk.incident(&id).map(|i| (i.category, i.kind.clone()));
        let mut form = ReclassifyForm::new(id, severity, category, None);
        form.class.had = had;
        let kind = d.field("kind");
        form.class.kind = if kind.is_empty() {
            // The incident's own, while its category stays.
            match &form.class.had {
                Some((c, k)) if *c == category => k.clone(),
                _ => None,
            }
        } else {
            Some(kind.to_string())
        };
        form.reason = TextField::with_raw(d.field("reason"), false);
        form.field = ReclassifyField::Reason;
        Some(form)
    }

    pub fn validate(&mut self) -> Option<String> {
        let reason = self.reason.text().trim().to_string();
        self.error = reason.is_empty().then_some(Msg::ErrReasonRequired);
        if self.error.is_some() {
            self.field = ReclassifyField::Reason;
            return None;
        }
        Some(reason)
    }

    /// The change: the new classification with the route and steps it brings.
    fn change(&self, reason: String, app: &App) -> Change {
        let books = &app.desk.playbooks;
        let kind = self.class.kind_taken(books);
        let kind_id = self.class.kind_id(books);
        let checklist = books
            .for_category(self.class.category)
            .map(|b| checklist_from(&b.for_kind(kind_id.as_deref())))
            .unwrap_or_default();
        let route = app
            .desk
            .roster()
            .route_for_kind(self.class.category, kind_id.as_deref(), self.class.severity)
            .map(|r| r.resolve().with_first_on_duty(app.desk.roster(), app.now));
        // A kind the playbooks no longer know, kept as the incident has it.
        let kind = kind.or_else(|| {
            let id = kind_id?;
            let inc = app.desk.incident(&self.incident)?;
            let name = inc.kind_name.clone().unwrap_or_default();
            Some(shiftdesk_core::incident::IncidentKind { id, name })
        });
        Change::Reclassify {
            incident: self.incident.clone(),
            to: Box::new(Reclassification {
                category: self.class.category,
                kind,
                severity: self.class.severity,
                reason,
                route,
                checklist,
            }),
        }
    }
}

impl Layer for ReclassifyForm {
    fn keys(&self) -> &'static [When] {
        &[When::Classify, When::Form]
    }

    fn handle(&mut self, action: &Action, app: &App) -> Outcome {
        let books = &app.desk.playbooks;
        match action {
            Action::Input(key) => self.edit(*key, books),
            Action::Paste(text) => self.reason.paste(text),
            Action::FieldNext => self.next_field(1, books),
            Action::FieldPrev => self.next_field(-1, books),
            Action::Submit => {
                let Some(reason) = self.validate() else {
                    return Outcome::Consumed;
                };
                let change = self.change(reason, app);
                return Outcome::Submit(vec![Work::Change(change), Work::Close]);
            }
            Action::OpenGuide => {
                let kind = self.class.kind_id(books);
                return Outcome::Push(Box::new(GuideLayer::new(self.class.category, kind)));
            }
            _ => return Outcome::PassDown,
        }
        Outcome::Consumed
    }

    fn draft(&self, now: DateTime<Utc>) -> Option<Draft> {
        let kept_kind = match &self.class.had {
            Some((c, k)) if *c == self.class.category && *k == self.class.kind => None,
            _ => self.class.kind.clone(),
        };
        let fields = [
            ("reason", self.reason.raw()),
            ("severity", self.class.severity.to_string()),
            ("category", self.class.category.id().to_string()),
            ("kind", kept_kind.unwrap_or_default()),
        ];
        (!self.reason.is_empty()).then(|| {
            form_draft(
                DraftKind::Reclassification,
                Some(&self.incident),
                fields,
                now,
            )
        })
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App) {
        super::reclassify_view::draw(self, frame, area, app);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyModifiers;
    use shiftdesk_core::test_fixtures::bundled_playbooks;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn reclassifying_needs_a_reason() {
        let books = bundled_playbooks();
        let mut f = ReclassifyForm::new(
            IncidentId::from_number(1),
            Severity::MEDIUM,
            Category::Other,
            None,
        );
        f.edit(key(KeyCode::Char('1')), &books);
        assert_eq!(f.class.severity, Severity::CRITICAL);
        f.next_field(1, &books);
        f.edit(key(KeyCode::Left), &books);
        assert_eq!(f.class.category, Category::EquipmentLoss);
        assert_eq!(f.validate(), None);
        assert_eq!(f.field, ReclassifyField::Reason);
        f.reason.paste("全拠点に影響");
        assert_eq!(f.validate().as_deref(), Some("全拠点に影響"));
    }

    #[test]
    fn the_kind_comes_after_the_category_where_it_has_kinds() {
        let books = bundled_playbooks();
        let mut f = ReclassifyForm::new(
            IncidentId::from_number(1),
            Severity::MEDIUM,
            Category::Security,
            Some("lost_card".into()),
        );
        f.next_field(1, &books);
        f.next_field(1, &books);
        assert_eq!(f.field, ReclassifyField::Kind);
        f.edit(key(KeyCode::Right), &books);
        assert_eq!(
            f.class.kind_id(&books).as_deref(),
            Some("misdirected_email")
        );
        f.next_field(1, &books);
        assert_eq!(f.field, ReclassifyField::Reason);
        // Over to a category without kinds: the kind is skipped.
        f.next_field(-1, &books);
        f.next_field(-1, &books);
        f.edit(key(KeyCode::Right), &books);
        assert_eq!(f.class.category, Category::ToolDamage);
        f.next_field(1, &books);
        assert_eq!(f.field, ReclassifyField::Reason);
    }
}
