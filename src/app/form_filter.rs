//! The filter for browsing closed incidents.

use super::fields::Fields;
use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use shiftdesk_core::history::HistoryFilter;
use shiftdesk_core::i18n::Msg;
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
            _ => {
                if let Some(f) = self.fields.focused_mut() {
                    f.input(key);
                }
            }
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
