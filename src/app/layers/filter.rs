//! The filter for browsing closed incidents: text, category, severity, a date range.

use crate::app::App;
use crate::app::action::Action;
use crate::app::drafts::form_draft;
use crate::app::fields::Fields;
use crate::app::key_table::When;
use crate::app::layer::{Layer, Outcome, Work};
use crate::ui::form_parts::{FormRow, Row, draw_form, text_row};
use chrono::{DateTime, NaiveDate, Utc};
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use shiftdesk_core::draft::{Draft, DraftKind};
use shiftdesk_core::history::HistoryFilter;
use shiftdesk_core::i18n::{self, Msg, t};
use shiftdesk_core::text::safe_line;
use shiftdesk_core::{Category, Severity};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterField {
    Text,
    Category,
    Severity,
    From,
    To,
}

const ORDER: [FilterField; 5] = [
    FilterField::Text,
    FilterField::Category,
    FilterField::Severity,
    FilterField::From,
    FilterField::To,
];

/// The text fields, by the names a draft keeps them under.
const NAMES: [(FilterField, &str); 3] = [
    (FilterField::Text, "text"),
    (FilterField::From, "from"),
    (FilterField::To, "to"),
];

pub struct FilterForm {
    pub focus: FilterField,
    pub fields: Fields<FilterField>,
    pub category: Option<Category>,
    pub severity: Option<Severity>,
    pub error: Option<(FilterField, Msg)>,
}

/// One step through "any" and then each value.
fn cycle<T: Copy + PartialEq>(all: &[T], now: Option<T>, by: isize) -> Option<T> {
    let n = all.len() as isize + 1;
    let i = now
        .and_then(|v| all.iter().position(|x| *x == v))
        .map_or(0, |p| p as isize + 1);
    let j = (i + by).rem_euclid(n);
    (j > 0).then(|| all[(j - 1) as usize])
}

impl FilterForm {
    pub fn new(current: &HistoryFilter) -> FilterForm {
        let day = |d: Option<NaiveDate>| {
            d.map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default()
        };
        let (from, to) = (day(current.from), day(current.to));
        FilterForm {
            focus: FilterField::Text,
            fields: Fields::new(vec![
                (FilterField::Text, current.text.as_str(), false),
                (FilterField::From, from.as_str(), false),
                (FilterField::To, to.as_str(), false),
            ]),
            category: current.category,
            severity: current.severity,
            error: None,
        }
    }

    /// The form a kept draft came from, with its text and choices.
    pub fn from_draft(d: &Draft, app: &App) -> FilterForm {
        let mut form = FilterForm::new(&app.ui.history_filter);
        form.fields.restore_all(&NAMES, d);
        form.category = d.field("category").parse().ok();
        form.severity = d.field("severity").parse().ok();
        form
    }

    pub fn next_field(&mut self, by: isize) {
        let i = ORDER.iter().position(|f| *f == self.focus).unwrap_or(0) as isize;
        self.focus = ORDER[(i + by).rem_euclid(ORDER.len() as isize) as usize];
        self.fields.set_focus(self.focus);
    }

    pub fn edit(&mut self, key: KeyEvent) {
        let by = match key.code {
            KeyCode::Left | KeyCode::Up => -1,
            KeyCode::Right | KeyCode::Down => 1,
            _ => 0,
        };
        match self.focus {
            FilterField::Category => self.category = cycle(&Category::ALL, self.category, by),
            FilterField::Severity => self.severity = cycle(&Severity::ALL, self.severity, by),
            _ => self.fields.input(key),
        }
    }

    pub fn validate(&mut self) -> Option<HistoryFilter> {
        let mut day = |field: FilterField| -> Result<Option<NaiveDate>, ()> {
            let text = self.fields.text(field);
            if text.is_empty() {
                return Ok(None);
            }
            NaiveDate::parse_from_str(&text, "%Y-%m-%d")
                .map(Some)
                .map_err(|_| {
                    self.error = Some((field, Msg::ErrDateFormat));
                })
        };
        let from = day(FilterField::From).ok()?;
        let to = day(FilterField::To).ok()?;
        self.error = None;
        Some(HistoryFilter {
            text: self.fields.text(FilterField::Text),
            category: self.category,
            severity: self.severity,
            from,
            to,
        })
    }
}

impl Layer for FilterForm {
    fn keys(&self) -> &'static [When] {
        &[When::Form]
    }

    fn handle(&mut self, action: &Action, _app: &App) -> Outcome {
        match action {
            Action::Input(key) => self.edit(*key),
            Action::Paste(text) => self.fields.paste(text),
            Action::FieldNext => self.next_field(1),
            Action::FieldPrev => self.next_field(-1),
            Action::Submit => {
                return match self.validate() {
                    Some(filter) => Outcome::Submit(vec![Work::Close, Work::Filter(filter)]),
                    None => Outcome::Consumed,
                };
            }
            _ => return Outcome::PassDown,
        }
        Outcome::Consumed
    }

    fn draft(&self, now: DateTime<Utc>) -> Option<Draft> {
        let mut fields = self.fields.drafted(&NAMES);
        let category = self.category.map(|c| c.id().to_string());
        fields.push(("category", category.unwrap_or_default()));
        let severity = self.severity.map(|s| s.to_string());
        fields.push(("severity", severity.unwrap_or_default()));
        self.fields
            .changed()
            .then(|| form_draft(DraftKind::Filter, None, fields, now))
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App) {
        let form = self;
        let lang = app.lang();
        let any = t(lang, Msg::Any).to_string();
        let error = |f| form.error.filter(|(x, _)| *x == f).map(|(_, m)| (m, true));
        let rows = vec![
            text_row(
                Msg::FieldText,
                form.fields.get(FilterField::Text),
                form.focus == FilterField::Text,
                None,
                1,
            ),
            Some(FormRow {
                label: Msg::FieldCategory,
                content: Row::Choice(
                    form.category
                        .map_or(any.clone(), |c| i18n::category(lang, c).to_string()),
                ),
                focused: form.focus == FilterField::Category,
                below: None,
                height: 1,
            }),
            Some(FormRow {
                label: Msg::FieldSeverity,
                content: Row::Choice(
                    form.severity
                        .map_or(any, |s| i18n::severity(lang, s).to_string()),
                ),
                focused: form.focus == FilterField::Severity,
                below: None,
                height: 1,
            }),
            text_row(
                Msg::FieldFrom,
                form.fields.get(FilterField::From),
                form.focus == FilterField::From,
                error(FilterField::From).or(Some((Msg::DateHint, false))),
                1,
            ),
            text_row(
                Msg::FieldTo,
                form.fields.get(FilterField::To),
                form.focus == FilterField::To,
                error(FilterField::To),
                1,
            ),
        ];
        let rows: Vec<FormRow> = rows.into_iter().flatten().collect();
        draw_form(
            frame,
            area,
            app,
            &safe_line(t(lang, Msg::FilterTitle)),
            &rows,
            Msg::FormHint,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pickers_start_at_any_and_wrap_back_to_it() {
        assert_eq!(cycle(&Severity::ALL, None, 1), Some(Severity::CRITICAL));
        assert_eq!(cycle(&Severity::ALL, Some(Severity::MINOR), 1), None);
        assert_eq!(cycle(&Severity::ALL, None, -1), Some(Severity::MINOR));
    }

    #[test]
    fn dates_must_be_dates() {
        let mut f = FilterForm::new(&HistoryFilter::default());
        f.next_field(3);
        f.fields.focused_mut().unwrap().paste("yesterday");
        assert!(f.validate().is_none());
        assert_eq!(f.error.map(|e| e.0), Some(FilterField::From));
    }
}
