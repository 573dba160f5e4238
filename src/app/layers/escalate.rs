//! Escalate now: to the next level of the route, or to one the operator picks (skipping a
//! level needs a reason).

use crate::app::App;
use crate::app::action::Action;
use crate::app::drafts::form_draft;
use crate::app::key_table::When;
use crate::app::layer::{Layer, Outcome, Work};
use crate::app::text_field::TextField;
use crate::app::ui_state::NoticeLevel;
use crate::ui::form_parts::{draw_field, error, hint, label, label_rows, last_row, picker};
use crate::ui::theme;
use crate::ui::widgets::popup;
use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;
use shiftdesk_core::IncidentId;
use shiftdesk_core::change::Change;
use shiftdesk_core::draft::{Draft, DraftKind};
use shiftdesk_core::i18n::{self, Msg, fill, t};
use shiftdesk_core::text::safe_line;

const LABEL_WIDTH: u16 = 12;

/// Escalate now: to the next level, or to one the operator picks, with a reason.
pub struct EscalateForm {
    pub incident: IncidentId,
    /// The level the route is on now (0 is the first).
    pub from_level: usize,
    pub to_level: usize,
    pub levels: usize,
    pub reason: TextField,
    pub error: Option<Msg>,
}

impl EscalateForm {
    pub fn new(incident: IncidentId, from_level: usize, levels: usize) -> EscalateForm {
        EscalateForm {
            incident,
            from_level,
            to_level: (from_level + 1).min(levels.saturating_sub(1)),
            levels,
            reason: TextField::new(false),
            error: None,
        }
    }

    pub fn edit(&mut self, key: KeyEvent) {
        let lowest = self.from_level + 1;
        let highest = self.levels.saturating_sub(1);
        match key.code {
            KeyCode::Left | KeyCode::Up if self.to_level > lowest => self.to_level -= 1,
            KeyCode::Right | KeyCode::Down if self.to_level < highest => self.to_level += 1,
            _ => self.reason.input(key),
        }
    }

    /// The form a kept draft came from, with its text and the level picked.
    pub fn from_draft(d: &Draft) -> Option<EscalateForm> {
        let number = |name: &str| d.field(name).parse::<usize>().ok();
        let levels = number("_levels")?;
        let mut form = EscalateForm::new(d.incident.clone()?, number("_from_level")?, levels);
        form.to_level = number("_to_level")
            .filter(|l| *l > form.from_level && *l < levels)
            .unwrap_or(form.to_level);
        form.reason = TextField::with_raw(d.field("reason"), false);
        Some(form)
    }

    /// Skipping a level needs a reason; going one up does not.
    pub fn validate(&mut self) -> Option<(usize, String)> {
        let reason = self.reason.text().trim().to_string();
        self.error = (self.to_level > self.from_level + 1 && reason.is_empty())
            .then_some(Msg::ErrReasonRequired);
        self.error.is_none().then_some((self.to_level, reason))
    }
}

impl Layer for EscalateForm {
    fn keys(&self) -> &'static [When] {
        &[When::Form]
    }

    fn handle(&mut self, action: &Action, app: &App) -> Outcome {
        match action {
            Action::Input(key) => self.edit(*key),
            Action::Paste(text) => self.reason.paste(text),
            Action::Submit => {
                let Some((to_level, reason)) = self.validate() else {
                    return Outcome::Consumed;
                };
                let change = Change::Escalate {
                    incident: self.incident.clone(),
                    to_level,
                    reason,
                };
                let text = fill(
                    app.lang(),
                    Msg::MsgEscalated,
                    &[("level", &(to_level + 1).to_string())],
                );
                return Outcome::Submit(vec![
                    Work::Change(change),
                    Work::Close,
                    Work::Say(NoticeLevel::Info, text),
                    Work::FollowRoute,
                ]);
            }
            _ => return Outcome::PassDown,
        }
        Outcome::Consumed
    }

    fn draft(&self, now: DateTime<Utc>) -> Option<Draft> {
        let fields = [
            ("reason", self.reason.raw()),
            ("_from_level", self.from_level.to_string()),
            ("_to_level", self.to_level.to_string()),
            ("_levels", self.levels.to_string()),
        ];
        (!self.reason.is_empty())
            .then(|| form_draft(DraftKind::Escalation, Some(&self.incident), fields, now))
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App) {
        let form = self;
        let lang = app.lang();
        let inner = popup(frame, area, 76, 8, t(lang, Msg::EscalateTitle));
        let r = label_rows(inner, 6, LABEL_WIDTH);
        let inc = app.desk.incident(&form.incident);
        let level = inc
            .and_then(|i| i.route.as_ref())
            .and_then(|route| route.levels.get(form.to_level));
        let who: Vec<String> = level
            .map(|l| {
                // A rotation calls whom is on duty now, when the route goes up to it.
                let on_duty = l.rotation.as_deref().and_then(|r| {
                    let pick = app.desk.roster().pick_on_duty(r, app.now);
                    pick.person.filter(|p| !l.contacts.contains(p))
                });
                on_duty
                    .iter()
                    .chain(&l.contacts)
                    .map(|id| {
                        app.desk
                            .roster()
                            .contact(id)
                            .map_or(id.clone(), |c| c.name.clone())
                    })
                    .map(|n| safe_line(&n))
                    .collect()
            })
            .unwrap_or_default();
        label(frame, r[0].0, t(lang, Msg::EscalateTo), false);
        frame.render_widget(
            Paragraph::new(picker(i18n::level(lang, form.to_level), true)),
            r[0].1,
        );
        frame.render_widget(Paragraph::new(who.join(", ")).style(theme::dim()), r[1].1);
        label(frame, r[2].0, t(lang, Msg::FieldReason), true);
        draw_field(frame, r[2].1, &form.reason, true);
        if let Some(e) = form.error {
            error(frame, r[3].1, app, e);
        }
        let last = last_row(inner, 6);
        frame.render_widget(hint(app, Msg::EscalateHint), last);
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
    fn escalation_goes_up_only_and_skipping_needs_a_reason() {
        let mut f = EscalateForm::new(IncidentId::from_number(1), 0, 3);
        assert_eq!(f.to_level, 1);
        f.edit(key(KeyCode::Left));
        assert_eq!(f.to_level, 1, "never back down to the level it is on");
        assert_eq!(f.validate(), Some((1, String::new())));
        f.edit(key(KeyCode::Right));
        f.edit(key(KeyCode::Right));
        assert_eq!(f.to_level, 2);
        assert_eq!(f.validate(), None);
        assert_eq!(f.error, Some(Msg::ErrReasonRequired));
        f.reason.paste("課長不在");
        assert_eq!(f.validate(), Some((2, "課長不在".into())));
    }
}
