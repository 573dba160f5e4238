//! The review: what happened, cause, what went well and badly, who it was shared with, and
//! the measures against recurrence, a row each (what, owner, due; Ctrl-N adds one).

use crate::app::App;
use crate::app::action::Action;
use crate::app::drafts::form_draft;
use crate::app::fields::Fields;
use crate::app::key_table::When;
use crate::app::layer::{Layer, Outcome};
use crate::app::text_field::TextField;
use chrono::{DateTime, NaiveDate, Utc};
use ratatui::Frame;
use ratatui::layout::Rect;
use shiftdesk_core::IncidentId;
use shiftdesk_core::change::Change;
use shiftdesk_core::draft::{Draft, DraftKind};
use shiftdesk_core::i18n::Msg;
use shiftdesk_core::record::{MeasureInput, Review, ReviewInput};

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

/// The fields besides the measures, by the names a draft keeps them under.
const NAMES: [(ReviewField, &str); 5] = [
    (ReviewField::WhatHappened, "what_happened"),
    (ReviewField::Cause, "cause"),
    (ReviewField::WentWell, "went_well"),
    (ReviewField::WentBadly, "went_badly"),
    (ReviewField::SharedWith, "shared_with"),
];

/// A measure's cells, by the names a draft keeps them under (after `measure.N.`).
const CELLS: [&str; 3] = ["what", "owner", "due"];

pub struct ReviewForm {
    pub incident: IncidentId,
    pub fields: Fields<ReviewField>,
    pub measures: Vec<MeasureRow>,
    pub focus: ReviewField,
    pub error: Option<(ReviewField, Msg)>,
    /// The measures' cells as the form opened with them.
    opened_measures: Vec<[String; 3]>,
}

impl ReviewForm {
    /// The review form for an incident, holding its review so far.
    pub fn of(app: &App, incident: IncidentId) -> ReviewForm {
        let review = app.desk.incident(&incident).and_then(|i| i.review.clone());
        ReviewForm::new(incident, review.as_ref())
    }

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
        let opened_measures = measures.iter().map(MeasureRow::raw).collect();
        ReviewForm {
            opened_measures,
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
        }
    }

    /// The form a kept draft came from: the incident's review as it is now, with the text
    /// typed over it.
    pub fn from_draft(d: &Draft, app: &App) -> Option<ReviewForm> {
        let incident = d.incident.clone()?;
        let mut form = ReviewForm::of(app, incident);
        form.fields.restore_all(&NAMES, d);
        let rows = d
            .fields
            .keys()
            .filter_map(|k| k.strip_prefix("measure.")?.split('.').next()?.parse().ok())
            .map(|row: usize| row + 1)
            .max()
            .unwrap_or(0);
        form.measures = (0..rows.min(500))
            .map(|row| {
                let cell = |name: &str| d.field(&format!("measure.{row}.{name}")).to_string();
                let mut m = MeasureRow::empty();
                m.id = cell("_id").parse().ok();
                m.done = cell("_done") == "true";
                m.cells = CELLS.map(|name| TextField::with_raw(&cell(name), false));
                m
            })
            .collect();
        if form.measures.is_empty() {
            form.measures.push(MeasureRow::empty());
        }
        Some(form)
    }

    /// Whether any text differs from what the form opened with.
    fn changed(&self) -> bool {
        let blank = [String::new(), String::new(), String::new()];
        self.fields.changed()
            || self.measures.len() < self.opened_measures.len()
            || self.measures.iter().enumerate().any(|(i, m)| {
                let was = self.opened_measures.get(i).unwrap_or(&blank);
                m.raw().iter().zip(was).any(|(a, b)| a.trim() != b.trim())
            })
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
    /// The cells' text as typed.
    fn raw(&self) -> [String; 3] {
        self.cells.each_ref().map(TextField::raw)
    }

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

impl Layer for ReviewForm {
    fn keys(&self) -> &'static [When] {
        &[When::Review, When::Form]
    }

    fn handle(&mut self, action: &Action, app: &App) -> Outcome {
        match action {
            Action::Input(key) => {
                if let Some(f) = self.focused_mut() {
                    f.input(*key);
                }
            }
            Action::NewLine => {
                if let Some(f) = self.focused_mut() {
                    f.new_line();
                }
            }
            Action::Paste(text) => {
                if let Some(f) = self.focused_mut() {
                    f.paste(text);
                }
            }
            Action::AddMeasure => self.add_measure(),
            Action::FieldNext => self.next_field(1),
            Action::FieldPrev => self.next_field(-1),
            Action::Submit => {
                let Some(review) = self.validate() else {
                    return Outcome::Consumed;
                };
                let change = Change::SaveReview {
                    incident: self.incident.clone(),
                    review: Box::new(review),
                };
                return super::record(change, app);
            }
            _ => return Outcome::PassDown,
        }
        Outcome::Consumed
    }

    fn draft(&self, now: DateTime<Utc>) -> Option<Draft> {
        if !self.changed() {
            return None;
        }
        let mut fields: Vec<(String, String)> = NAMES
            .iter()
            .map(|(k, n)| (n.to_string(), self.fields.raw(*k)))
            .collect();
        for (row, m) in self.measures.iter().enumerate() {
            for (name, text) in CELLS.iter().zip(m.raw()) {
                fields.push((format!("measure.{row}.{name}"), text));
            }
            let id = m.id.map(|id| id.to_string()).unwrap_or_default();
            fields.push((format!("measure.{row}._id"), id));
            fields.push((format!("measure.{row}._done"), m.done.to_string()));
        }
        Some(form_draft(
            DraftKind::Review,
            Some(&self.incident),
            fields,
            now,
        ))
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App) {
        super::review_view::draw(self, frame, area, app);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
