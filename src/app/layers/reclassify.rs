//! A new severity and/or category, with the reason for it; the route is resolved again.

use crate::app::App;
use crate::app::action::Action;
use crate::app::drafts::form_draft;
use crate::app::fields::cycle;
use crate::app::key_table::When;
use crate::app::layer::{Layer, Outcome, Work};
use crate::app::text_field::TextField;
use crate::ui::form_parts::{draw_field, error, hint, label, label_rows, last_row, picker};
use crate::ui::theme;
use crate::ui::widgets::popup;
use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;
use shiftdesk_core::change::{Change, Reclassification};
use shiftdesk_core::checklist::checklist_from;
use shiftdesk_core::draft::{Draft, DraftKind};
use shiftdesk_core::i18n::{self, Msg, fill, t};
use shiftdesk_core::text::safe_line;
use shiftdesk_core::{Category, IncidentId, Severity};

const LABEL_WIDTH: u16 = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReclassifyField {
    Severity,
    Category,
    Reason,
}

/// A new severity and/or category, with the reason for it.
pub struct ReclassifyForm {
    pub incident: IncidentId,
    pub field: ReclassifyField,
    pub severity: Severity,
    pub category: Category,
    pub reason: TextField,
    pub error: Option<Msg>,
}

impl ReclassifyForm {
    pub fn new(incident: IncidentId, severity: Severity, category: Category) -> ReclassifyForm {
        ReclassifyForm {
            incident,
            field: ReclassifyField::Severity,
            severity,
            category,
            reason: TextField::new(false),
            error: None,
        }
    }

    pub fn next_field(&mut self, by: isize) {
        const ORDER: [ReclassifyField; 3] = [
            ReclassifyField::Severity,
            ReclassifyField::Category,
            ReclassifyField::Reason,
        ];
        self.field = cycle(&ORDER, self.field, by);
    }

    pub fn edit(&mut self, key: KeyEvent) {
        let by = match key.code {
            KeyCode::Left | KeyCode::Up => -1,
            KeyCode::Right | KeyCode::Down => 1,
            _ => 0,
        };
        match self.field {
            ReclassifyField::Severity => match key.code {
                KeyCode::Char(c @ '1'..='4') => {
                    self.severity = Severity::new(c as u8 - b'0').unwrap_or(self.severity)
                }
                _ => self.severity = cycle(&Severity::ALL, self.severity, by),
            },
            ReclassifyField::Category => self.category = cycle(&Category::ALL, self.category, by),
            ReclassifyField::Reason => self.reason.input(key),
        }
    }

    /// The form a kept draft came from, with its text and choices, the reason in focus.
    pub fn from_draft(d: &Draft) -> Option<ReclassifyForm> {
        let severity = d.field("severity").parse::<Severity>().ok()?;
        let category = d.field("category").parse::<Category>().ok()?;
        let mut form = ReclassifyForm::new(d.incident.clone()?, severity, category);
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
}

impl Layer for ReclassifyForm {
    fn keys(&self) -> &'static [When] {
        &[When::Form]
    }

    fn handle(&mut self, action: &Action, app: &App) -> Outcome {
        match action {
            Action::Input(key) => self.edit(*key),
            Action::Paste(text) => self.reason.paste(text),
            Action::FieldNext => self.next_field(1),
            Action::FieldPrev => self.next_field(-1),
            Action::Submit => {
                let Some(reason) = self.validate() else {
                    return Outcome::Consumed;
                };
                let checklist = app
                    .desk
                    .playbooks
                    .for_category(self.category)
                    .map(checklist_from)
                    .unwrap_or_default();
                let route = app
                    .desk
                    .roster()
                    .route_for(self.category, self.severity)
                    .map(|r| r.resolve());
                let change = Change::Reclassify {
                    incident: self.incident.clone(),
                    to: Box::new(Reclassification {
                        category: self.category,
                        severity: self.severity,
                        reason,
                        route,
                        checklist,
                    }),
                };
                return Outcome::Submit(vec![Work::Change(change), Work::Close]);
            }
            _ => return Outcome::PassDown,
        }
        Outcome::Consumed
    }

    fn draft(&self, now: DateTime<Utc>) -> Option<Draft> {
        let fields = [
            ("reason", self.reason.raw()),
            ("severity", self.severity.to_string()),
            ("category", self.category.id().to_string()),
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
        let form = self;
        let lang = app.lang();
        let inner = popup(frame, area, 76, 8, t(lang, Msg::ReclassifyTitle));
        let r = label_rows(inner, 6, LABEL_WIDTH);
        let focus = |f| form.field == f;
        label(
            frame,
            r[0].0,
            t(lang, Msg::FieldSeverity),
            focus(ReclassifyField::Severity),
        );
        frame.render_widget(
            Paragraph::new(picker(
                i18n::severity(lang, form.severity).to_string(),
                focus(ReclassifyField::Severity),
            )),
            r[0].1,
        );
        label(
            frame,
            r[1].0,
            t(lang, Msg::FieldCategory),
            focus(ReclassifyField::Category),
        );
        frame.render_widget(
            Paragraph::new(picker(
                i18n::category(lang, form.category).to_string(),
                focus(ReclassifyField::Category),
            )),
            r[1].1,
        );
        let route = app
            .desk
            .roster()
            .route_for(form.category, form.severity)
            .map(|r| {
                if r.name.is_empty() {
                    r.id.clone()
                } else {
                    r.name.clone()
                }
            })
            .unwrap_or_default();
        frame.render_widget(
            Paragraph::new(fill(lang, Msg::RouteName, &[("name", &safe_line(&route))]))
                .style(theme::dim()),
            r[2].1,
        );
        label(
            frame,
            r[3].0,
            t(lang, Msg::FieldReason),
            focus(ReclassifyField::Reason),
        );
        draw_field(frame, r[3].1, &form.reason, focus(ReclassifyField::Reason));
        if let Some(e) = form.error {
            error(frame, r[4].1, app, e);
        }
        let last = last_row(inner, 6);
        frame.render_widget(hint(app, Msg::ReclassifyHint), last);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyModifiers;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn reclassifying_needs_a_reason() {
        let mut f = ReclassifyForm::new(
            IncidentId::from_number(1),
            Severity::MEDIUM,
            Category::Other,
        );
        f.edit(key(KeyCode::Char('1')));
        assert_eq!(f.severity, Severity::CRITICAL);
        f.next_field(1);
        f.edit(key(KeyCode::Left));
        assert_eq!(f.category, Category::EquipmentLoss);
        assert_eq!(f.validate(), None);
        assert_eq!(f.field, ReclassifyField::Reason);
        f.reason.paste("全拠点に影響");
        assert_eq!(f.validate().as_deref(), Some("全拠点に影響"));
    }
}
