//! The forms that build the record: scope, consultation, interim action, closing without
//! review, and the review with its measures.

use super::fields::Fields;
use super::text_field::TextField;
use chrono::{DateTime, NaiveDate, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use shiftdesk_core::IncidentId;
use shiftdesk_core::clock::{Zone, parse_time_input};
use shiftdesk_core::i18n::Msg;
use shiftdesk_core::record::{Effect, MeasureInput, Review, ReviewInput, Scope};
use shiftdesk_core::text::has_content;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeField {
    Services,
    Affected,
    Count,
    Since,
    Notes,
}

pub struct ScopeForm {
    pub incident: IncidentId,
    pub fields: Fields<ScopeField>,
    pub error: Option<(ScopeField, Msg)>,
}

impl ScopeForm {
    pub fn new(incident: IncidentId, scope: Option<&Scope>, zone: &Zone) -> ScopeForm {
        let s = scope.cloned().unwrap_or_default();
        let count = s.estimated_count.map(|n| n.to_string()).unwrap_or_default();
        let since = s
            .since
            .map(|t| zone.format(t, "%Y-%m-%d %H:%M"))
            .unwrap_or_default();
        ScopeForm {
            incident,
            fields: Fields::new(vec![
                (ScopeField::Services, s.services.as_str(), false),
                (ScopeField::Affected, s.affected.as_str(), false),
                (ScopeField::Count, count.as_str(), false),
                (ScopeField::Since, since.as_str(), false),
                (ScopeField::Notes, s.notes.as_str(), true),
            ]),
            error: None,
        }
    }

    pub fn validate(&mut self, now: DateTime<Utc>, zone: &Zone) -> Option<Scope> {
        let count = self.fields.text(ScopeField::Count);
        let estimated_count = if count.is_empty() {
            None
        } else {
            match count.replace([',', '_'], "").parse::<u64>() {
                Ok(n) => Some(n),
                Err(_) => return self.fail(ScopeField::Count, Msg::ErrCount),
            }
        };
        let since_text = self.fields.text(ScopeField::Since);
        let since = if since_text.is_empty() {
            None
        } else {
            match parse_time_input(&since_text, now, zone) {
                Ok(t) => Some(t),
                Err(e) => return self.fail(ScopeField::Since, e.msg()),
            }
        };
        self.error = None;
        Some(Scope {
            services: self.fields.text(ScopeField::Services),
            affected: self.fields.text(ScopeField::Affected),
            estimated_count,
            since,
            notes: self.fields.text(ScopeField::Notes),
            extra: Default::default(),
        })
    }

    fn fail<T>(&mut self, field: ScopeField, msg: Msg) -> Option<T> {
        self.error = Some((field, msg));
        self.fields.set_focus(field);
        None
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsultField {
    Who,
    Advice,
}

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

pub struct InterimForm {
    pub incident: IncidentId,
    pub action: TextField,
    pub effect: Effect,
    /// Focus on the effect picker rather than the text.
    pub on_effect: bool,
    pub error: Option<Msg>,
}

impl InterimForm {
    pub fn new(incident: IncidentId) -> InterimForm {
        InterimForm {
            incident,
            action: TextField::new(true),
            effect: Effect::Worked,
            on_effect: false,
            error: None,
        }
    }

    pub fn edit(&mut self, key: KeyEvent) {
        if !self.on_effect {
            self.action.input(key);
            return;
        }
        let i = Effect::ALL
            .iter()
            .position(|e| *e == self.effect)
            .unwrap_or(0) as isize;
        let by = match key.code {
            KeyCode::Left | KeyCode::Up => -1,
            KeyCode::Right | KeyCode::Down => 1,
            _ => 0,
        };
        self.effect = Effect::ALL[(i + by).rem_euclid(3) as usize];
    }

    pub fn validate(&mut self) -> Option<(String, Effect)> {
        let action = self.action.text().trim().to_string();
        if !has_content(&action) {
            self.error = Some(Msg::ErrRequired);
            self.on_effect = false;
            return None;
        }
        self.error = None;
        Some((action, self.effect))
    }
}

/// A reason, for closing without review or reopening.
pub struct ReasonForm {
    pub incident: IncidentId,
    pub reason: TextField,
    pub error: Option<Msg>,
}

impl ReasonForm {
    pub fn new(incident: IncidentId) -> ReasonForm {
        ReasonForm {
            incident,
            reason: TextField::new(false),
            error: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewField {
    WhatHappened,
    Cause,
    WentWell,
    WentBadly,
    SharedWith,
    /// A measure's text, owner or due date: (row, column 0..3).
    Measure(usize, usize),
}

/// One row of measures in the form.
pub struct MeasureRow {
    pub id: Option<u32>,
    /// What, who, by when (YYYY-MM-DD).
    pub cells: [TextField; 3],
    pub done: bool,
}

pub struct ReviewForm {
    pub incident: IncidentId,
    pub fields: Fields<ReviewField>,
    pub measures: Vec<MeasureRow>,
    pub focus: ReviewField,
    pub error: Option<(ReviewField, Msg)>,
    pub discard_armed: bool,
}

impl ReviewForm {
    pub fn new(incident: IncidentId, review: Option<&Review>) -> ReviewForm {
        let r = review.cloned().unwrap_or_default();
        let mut measures: Vec<MeasureRow> = r
            .measures
            .iter()
            .map(|m| MeasureRow {
                id: Some(m.id),
                cells: [
                    TextField::with_text(&m.text, false),
                    TextField::with_text(&m.owner, false),
                    TextField::with_text(
                        &m.due
                            .map(|d| d.format("%Y-%m-%d").to_string())
                            .unwrap_or_default(),
                        false,
                    ),
                ],
                done: m.done.is_some(),
            })
            .collect();
        if measures.is_empty() {
            measures.push(MeasureRow::empty());
        }
        ReviewForm {
            incident,
            fields: Fields::new(vec![
                (ReviewField::WhatHappened, r.what_happened.as_str(), true),
                (ReviewField::Cause, r.cause.as_str(), true),
                (ReviewField::WentWell, r.went_well.as_str(), true),
                (ReviewField::WentBadly, r.went_badly.as_str(), true),
                (ReviewField::SharedWith, r.shared_with.as_str(), false),
            ]),
            measures,
            focus: ReviewField::WhatHappened,
            error: None,
            discard_armed: false,
        }
    }

    /// Every focusable place, in Tab order.
    fn order(&self) -> Vec<ReviewField> {
        let mut order: Vec<ReviewField> = self.fields.keys().collect();
        for row in 0..self.measures.len() {
            order.extend((0..3).map(|col| ReviewField::Measure(row, col)));
        }
        order
    }

    pub fn next_field(&mut self, by: isize) {
        let order = self.order();
        let i = order.iter().position(|f| *f == self.focus).unwrap_or(0) as isize;
        self.focus = order[(i + by).rem_euclid(order.len() as isize) as usize];
        if !matches!(self.focus, ReviewField::Measure(..)) {
            self.fields.set_focus(self.focus);
        }
    }

    pub fn add_measure(&mut self) {
        self.measures.push(MeasureRow::empty());
        self.focus = ReviewField::Measure(self.measures.len() - 1, 0);
    }

    pub fn focused_mut(&mut self) -> Option<&mut TextField> {
        match self.focus {
            ReviewField::Measure(row, col) => self.measures.get_mut(row).map(|m| &mut m.cells[col]),
            _ => self.fields.focused_mut(),
        }
    }

    pub fn has_text(&self) -> bool {
        self.fields.has_text()
            || self
                .measures
                .iter()
                .any(|m| m.cells.iter().any(|c| !c.is_empty()))
    }

    pub fn validate(&mut self) -> Option<ReviewInput> {
        let mut measures = Vec::new();
        for (row, m) in self.measures.iter().enumerate() {
            let [text, owner, due] = m.cells.each_ref().map(|c| c.text().trim().to_string());
            if text.is_empty() {
                continue;
            }
            let due = if due.is_empty() {
                None
            } else {
                match NaiveDate::parse_from_str(&due, "%Y-%m-%d") {
                    Ok(d) => Some(d),
                    Err(_) => {
                        self.error = Some((ReviewField::Measure(row, 2), Msg::ErrDateFormat));
                        self.focus = ReviewField::Measure(row, 2);
                        return None;
                    }
                }
            };
            measures.push(MeasureInput {
                id: m.id,
                text,
                owner,
                due,
            });
        }
        self.error = None;
        Some(ReviewInput {
            what_happened: self.fields.text(ReviewField::WhatHappened),
            cause: self.fields.text(ReviewField::Cause),
            went_well: self.fields.text(ReviewField::WentWell),
            went_badly: self.fields.text(ReviewField::WentBadly),
            measures,
            shared_with: self.fields.text(ReviewField::SharedWith),
        })
    }
}

impl MeasureRow {
    fn empty() -> MeasureRow {
        MeasureRow {
            id: None,
            cells: [
                TextField::new(false),
                TextField::new(false),
                TextField::new(false),
            ],
            done: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shiftdesk_core::test_fixtures::t;

    fn zone() -> Zone {
        Zone::Named(chrono_tz::UTC)
    }

    #[test]
    fn scope_reads_counts_and_times_and_marks_bad_ones() {
        let mut f = ScopeForm::new(IncidentId::from_number(1), None, &zone());
        f.fields.focused_mut().unwrap().paste("VPN");
        f.fields.step(2);
        f.fields.focused_mut().unwrap().paste("1,200");
        f.fields.step(1);
        f.fields.focused_mut().unwrap().paste("09:40");
        let s = f.validate(t("10:00"), &zone()).unwrap();
        assert_eq!(s.estimated_count, Some(1200));
        assert_eq!(s.since, Some(t("09:40")));
        f.fields.focused_mut().unwrap().paste("x");
        assert!(f.validate(t("10:00"), &zone()).is_none());
        assert_eq!(f.error.map(|e| e.0), Some(ScopeField::Since));
    }

    #[test]
    fn review_measures_need_a_real_date_and_skip_empty_rows() {
        let mut f = ReviewForm::new(IncidentId::from_number(1), None);
        f.add_measure();
        f.measures[0].cells[0].paste("二重チェック");
        f.measures[0].cells[2].paste("2026-12-01");
        let r = f.validate().unwrap();
        assert_eq!(r.measures.len(), 1, "the empty second row is skipped");
        assert_eq!(r.measures[0].due, NaiveDate::from_ymd_opt(2026, 12, 1));
        f.measures[0].cells[2].paste("x");
        assert!(f.validate().is_none());
        assert_eq!(f.focus, ReviewField::Measure(0, 2));
    }

    #[test]
    fn tab_walks_the_fixed_fields_then_the_measures() {
        let mut f = ReviewForm::new(IncidentId::from_number(1), None);
        for _ in 0..5 {
            f.next_field(1);
        }
        assert_eq!(f.focus, ReviewField::Measure(0, 0));
        f.next_field(3);
        assert_eq!(f.focus, ReviewField::WhatHappened, "wraps around");
    }
}
