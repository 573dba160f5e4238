//! Finding closed incidents again: by text, category, severity and date range.

use crate::clock::Zone;
use crate::incident::Incident;
use crate::search::fold_kana;
use crate::text::normalize_input;
use crate::{Category, Severity};
use chrono::{DateTime, NaiveDate, Utc};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HistoryFilter {
    /// Words that must all appear in the id, title, description or timeline.
    pub text: String,
    pub category: Option<Category>,
    pub severity: Option<Severity>,
    /// Detected on or after this day (in the display zone).
    pub from: Option<NaiveDate>,
    /// Detected on or before this day (in the display zone).
    pub to: Option<NaiveDate>,
}

fn fold(s: &str) -> String {
    fold_kana(&normalize_input(s)).to_lowercase()
}

impl HistoryFilter {
    pub fn is_empty(&self) -> bool {
        *self == HistoryFilter::default()
    }

    pub fn matches(&self, incident: &Incident, zone: &Zone) -> bool {
        self.matches_fields(
            incident.category,
            incident.severity,
            incident.detected_at,
            zone,
        ) && self.matches_words(incident)
    }

    /// Whether the filter has words to look for (which need the whole incident).
    pub fn has_words(&self) -> bool {
        !self.text.trim().is_empty()
    }

    /// The conditions on category, severity and day alone.
    pub fn matches_fields(
        &self,
        category: Category,
        severity: Severity,
        detected_at: DateTime<Utc>,
        zone: &Zone,
    ) -> bool {
        if self.category.is_some_and(|c| c != category)
            || self.severity.is_some_and(|s| s != severity)
        {
            return false;
        }
        let day = zone.date(detected_at);
        !(self.from.is_some_and(|from| day < from) || self.to.is_some_and(|to| day > to))
    }

    /// Whether every word of the filter appears in the id, title, description or timeline.
    pub fn matches_words(&self, incident: &Incident) -> bool {
        let words: Vec<String> = fold(&self.text)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        if words.is_empty() {
            return true;
        }
        let haystack = fold(&format!(
            "{} {} {} {}",
            incident.id,
            incident.title,
            incident.description,
            incident
                .timeline
                .iter()
                .map(|e| e.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        ));
        words.iter().all(|w| haystack.contains(w.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixtures::incident_at;

    #[test]
    fn every_condition_must_hold() {
        let zone = Zone::Named(chrono_tz::Asia::Tokyo);
        let mut inc = incident_at("05:00"); // 14:00 in Tokyo on 2026-11-29
        inc.title = "メールサーバ停止".into();
        let f = |text: &str| HistoryFilter {
            text: text.into(),
            ..Default::default()
        };
        assert!(f("").matches(&inc, &zone));
        assert!(f("ﾒｰﾙ").matches(&inc, &zone), "half-width kana");
        assert!(
            f("めーる 停止").matches(&inc, &zone),
            "hiragana, every word"
        );
        assert!(!f("VPN").matches(&inc, &zone));
        assert!(f("inc-0001").matches(&inc, &zone));
        let day = NaiveDate::from_ymd_opt(2026, 11, 29);
        let in_range = HistoryFilter {
            from: day,
            to: day,
            category: Some(Category::SystemOutage),
            ..Default::default()
        };
        assert!(in_range.matches(&inc, &zone));
        let later = HistoryFilter {
            from: NaiveDate::from_ymd_opt(2026, 11, 30),
            ..Default::default()
        };
        assert!(!later.matches(&inc, &zone));
        let other = HistoryFilter {
            severity: Some(Severity::MINOR),
            ..Default::default()
        };
        assert!(!other.matches(&inc, &zone));
    }
}
