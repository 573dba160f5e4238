//! A duration in words, for the shared documents and the drill report.

use crate::i18n::{Lang, Msg, fill, t};
use chrono::Duration;

/// A duration in words: `under 1 min`, `12 min`, `3 h 05 min`, `2 d 4 h` (`12分`,
/// `3時間5分`, `2日4時間`). Whole minutes, rounded down; a negative one counts as zero.
pub fn duration_words(lang: Lang, d: Duration) -> String {
    let minutes = d.num_minutes().max(0);
    let (days, hours, mins) = (minutes / 1440, (minutes % 1440) / 60, minutes % 60);
    let (d, h, m) = (days.to_string(), hours.to_string(), mins.to_string());
    match (days, hours, mins) {
        (0, 0, 0) => t(lang, Msg::DurUnderMinute).to_string(),
        (0, 0, _) => fill(lang, Msg::DurMinutes, &[("m", &m)]),
        (0, _, 0) => fill(lang, Msg::DurHours, &[("h", &h)]),
        (0, _, _) => {
            // Minutes after hours: two digits in English (3 h 05 min), not in Japanese (3時間5分).
            let m = match lang {
                Lang::En => format!("{mins:02}"),
                Lang::Ja => m,
            };
            fill(lang, Msg::DurHoursMinutes, &[("h", &h), ("m", &m)])
        }
        (_, 0, _) => fill(lang, Msg::DurDays, &[("d", &d)]),
        _ => fill(lang, Msg::DurDaysHours, &[("d", &d), ("h", &h)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both(d: Duration) -> (String, String) {
        (duration_words(Lang::En, d), duration_words(Lang::Ja, d))
    }

    #[test]
    fn durations_read_naturally_in_both_languages() {
        let s = |n| both(Duration::seconds(n));
        assert_eq!(s(40), ("under 1 min".into(), "1分未満".into()));
        assert_eq!(s(12 * 60 + 59), ("12 min".into(), "12分".into()));
        assert_eq!(s(185 * 60), ("3 h 05 min".into(), "3時間5分".into()));
        assert_eq!(s(2 * 3600), ("2 h".into(), "2時間".into()));
        assert_eq!(s(52 * 3600 + 300), ("2 d 4 h".into(), "2日4時間".into()));
        assert_eq!(s(48 * 3600 + 300), ("2 d".into(), "2日".into()));
        assert_eq!(s(-90), ("under 1 min".into(), "1分未満".into()));
    }
}
