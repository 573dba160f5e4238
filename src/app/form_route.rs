//! The forms that act on the route: escalate now, and a new classification.

use super::fields::cycle;
use super::text_field::TextField;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use shiftdesk_core::i18n::Msg;
use shiftdesk_core::{Category, IncidentId, Severity};

/// Escalate now: to the next level, or to one the operator picks, with a reason.
pub struct EscalateForm {
    pub incident: IncidentId,
    /// The level the route is on now (0 is the first).
    pub from_level: usize,
    pub to_level: usize,
    pub levels: usize,
    pub reason: TextField,
    pub error: Option<Msg>,
    pub discard_armed: bool,
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
            discard_armed: false,
        }
    }

    pub fn edit(&mut self, key: KeyEvent) {
        self.discard_armed = false;
        let lowest = self.from_level + 1;
        let highest = self.levels.saturating_sub(1);
        match key.code {
            KeyCode::Left | KeyCode::Up if self.to_level > lowest => self.to_level -= 1,
            KeyCode::Right | KeyCode::Down if self.to_level < highest => self.to_level += 1,
            _ => self.reason.input(key),
        }
    }

    /// Skipping a level needs a reason; going one up does not.
    pub fn validate(&mut self) -> Option<(usize, String)> {
        let reason = self.reason.text().trim().to_string();
        self.error = (self.to_level > self.from_level + 1 && reason.is_empty())
            .then_some(Msg::ErrReasonRequired);
        self.error.is_none().then_some((self.to_level, reason))
    }
}

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
    pub discard_armed: bool,
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
            discard_armed: false,
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
        self.discard_armed = false;
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
