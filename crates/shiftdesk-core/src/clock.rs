//! Time as the operator reads it: a display zone, clock times and countdowns.
//! The model never reads the clock itself; `now` is always passed in.

use crate::i18n::{Lang, Msg, fill};
use chrono::{DateTime, Duration, Local, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

/// The zone times are shown in. Stored times are always UTC.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Zone {
    Named(Tz),
    Local,
}

impl Zone {
    /// `SHIFTDESK_TZ`, else `TZ` when it names a zone, else the system's local time. The
    /// caller reads the settings (the binary passes the environment's variables).
    pub fn from_settings(get: impl Fn(&str) -> Option<String>) -> Zone {
        ["SHIFTDESK_TZ", "TZ"]
            .iter()
            .filter_map(|k| get(k))
            .find_map(|v| v.trim_start_matches(':').parse::<Tz>().ok())
            .map_or(Zone::Local, Zone::Named)
    }

    pub fn format(&self, t: DateTime<Utc>, fmt: &str) -> String {
        match self {
            Zone::Named(tz) => t.with_timezone(tz).format(fmt).to_string(),
            Zone::Local => t.with_timezone(&Local).format(fmt).to_string(),
        }
    }

    /// `14:35`, or `11-28 14:35` when the date is not today's.
    pub fn clock(&self, t: DateTime<Utc>, now: DateTime<Utc>) -> String {
        if self.format(t, "%Y-%m-%d") == self.format(now, "%Y-%m-%d") {
            self.format(t, "%H:%M")
        } else {
            self.format(t, "%m-%d %H:%M")
        }
    }

    /// A wall-clock time in this zone as UTC (the earlier one when the clocks go back).
    pub fn to_utc(&self, naive: NaiveDateTime) -> Option<DateTime<Utc>> {
        match self {
            Zone::Named(tz) => tz
                .from_local_datetime(&naive)
                .earliest()
                .map(|t| t.to_utc()),
            Zone::Local => Local
                .from_local_datetime(&naive)
                .earliest()
                .map(|t| t.to_utc()),
        }
    }

    /// The calendar day a moment falls on, in this zone.
    pub fn date(&self, t: DateTime<Utc>) -> NaiveDate {
        match self {
            Zone::Named(tz) => t.with_timezone(tz).date_naive(),
            Zone::Local => t.with_timezone(&Local).date_naive(),
        }
    }

    fn today(&self, now: DateTime<Utc>) -> Option<NaiveDate> {
        Some(self.date(now))
    }

    /// Full date and time, for timelines and reports: `2026-11-29 14:35`.
    pub fn date_time(&self, t: DateTime<Utc>) -> String {
        self.format(t, "%Y-%m-%d %H:%M")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeInputError {
    Format,
    /// A time that has not come yet, where one that has passed was asked for.
    Future,
    /// A time that has passed, where one still to come was asked for.
    Past,
}

impl TimeInputError {
    /// What to tell the operator.
    pub fn msg(self) -> crate::i18n::Msg {
        use crate::i18n::Msg;
        match self {
            TimeInputError::Format => Msg::ErrDetectedFormat,
            TimeInputError::Future => Msg::ErrDetectedFuture,
            TimeInputError::Past => Msg::ErrUntilPast,
        }
    }
}

/// Which side of now a typed time must fall on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Past,
    Future,
}

/// A time the operator typed: `HH:MM` (the nearest such time on the asked side of now,
/// so 23:50 typed at 00:10 is ten minutes before midnight) or `YYYY-MM-DD HH:MM`, in the
/// display zone.
fn parse_on(
    input: &str,
    now: DateTime<Utc>,
    zone: &Zone,
    side: Side,
) -> Result<DateTime<Utc>, TimeInputError> {
    let s = input.trim();
    let at = if let Some(offset) = relative(s, side) {
        now + offset
    } else if let Ok(full) = NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M") {
        zone.to_utc(full).ok_or(TimeInputError::Format)?
    } else {
        let time = NaiveTime::parse_from_str(s, "%H:%M").map_err(|_| TimeInputError::Format)?;
        let today = zone.today(now).ok_or(TimeInputError::Format)?;
        let candidate = zone
            .to_utc(today.and_time(time))
            .ok_or(TimeInputError::Format)?;
        let other_day = match side {
            Side::Past if candidate > now => today.pred_opt(),
            Side::Future if candidate <= now => today.succ_opt(),
            _ => Some(today),
        }
        .ok_or(TimeInputError::Format)?;
        zone.to_utc(other_day.and_time(time))
            .ok_or(TimeInputError::Format)?
    };
    match side {
        Side::Past if at > now => Err(TimeInputError::Future),
        Side::Future if at <= now => Err(TimeInputError::Past),
        _ => Ok(at),
    }
}

/// A time typed relative to now: `-10m`, `10m ago`, `10 min ago`, `1h30m ago`, `10分前`,
/// `1時間半前` for the past; `+2h`, `in 2h`, `2時間後` for the future; a bare `10m` / `10分`
/// counts towards the asked side. None when the text is not such a time.
fn relative(s: &str, side: Side) -> Option<Duration> {
    let lower = s.to_lowercase();
    let mut t = lower.trim();
    let mut sign = None;
    if let Some(rest) = t.strip_prefix('-') {
        (t, sign) = (rest, Some(Side::Past));
    } else if let Some(rest) = t.strip_prefix('+') {
        (t, sign) = (rest, Some(Side::Future));
    } else if let Some(rest) = t.strip_prefix("in ") {
        (t, sign) = (rest, Some(Side::Future));
    }
    for (suffix, said) in [
        ("ago", Side::Past),
        ("前", Side::Past),
        ("後", Side::Future),
    ] {
        if let Some(rest) = t.strip_suffix(suffix) {
            if sign.is_some_and(|s| s != said) {
                return None;
            }
            (t, sign) = (rest.trim_end(), Some(said));
            break;
        }
    }
    if sign.is_some_and(|s| s != side) {
        return None;
    }
    let total = duration_words(t)?;
    Some(match side {
        Side::Past => -total,
        Side::Future => total,
    })
}

/// `10m`, `10 min`, `1h30m`, `2 hours`, `90s`, `10分`, `1時間30分`, `1時間半`: a positive span.
fn duration_words(s: &str) -> Option<Duration> {
    let mut total = Duration::zero();
    let mut rest = s.trim();
    let mut parts = 0;
    while !rest.is_empty() {
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits == 0 {
            // 半 after an hour: half of it.
            if let Some(r) = rest.strip_prefix('半').filter(|_| parts > 0) {
                total += Duration::minutes(30);
                rest = r.trim_start();
                continue;
            }
            return None;
        }
        let n: i64 = rest[..digits].parse().ok().filter(|n| *n <= 100_000)?;
        rest = rest[digits..].trim_start();
        let unit_len = rest
            .find(|c: char| c.is_ascii_digit() || c == ' ' || c == '半')
            .unwrap_or(rest.len());
        let unit = &rest[..unit_len];
        total += match unit {
            "s" | "sec" | "secs" | "second" | "seconds" | "秒" => Duration::seconds(n),
            "m" | "min" | "mins" | "minute" | "minutes" | "分" => Duration::minutes(n),
            "h" | "hr" | "hrs" | "hour" | "hours" | "時間" => Duration::hours(n),
            "d" | "day" | "days" | "日" => Duration::days(n),
            _ => {
                // Units glued together: 1h30m, 1時間30分.
                let known = ["時間", "分", "秒", "h", "m", "s", "d"];
                let glued = known.iter().find(|k| unit.starts_with(*k))?;
                rest = &rest[glued.len()..];
                total += match *glued {
                    "時間" | "h" => Duration::hours(n),
                    "分" | "m" => Duration::minutes(n),
                    "秒" | "s" => Duration::seconds(n),
                    _ => Duration::days(n),
                };
                parts += 1;
                rest = rest.trim_start();
                continue;
            }
        };
        parts += 1;
        rest = rest[unit_len..].trim_start();
    }
    (parts > 0 && total > Duration::zero()).then_some(total)
}

/// When something happened (e.g. detection): empty means now; never in the future.
pub fn parse_time_input(
    input: &str,
    now: DateTime<Utc>,
    zone: &Zone,
) -> Result<DateTime<Utc>, TimeInputError> {
    if input.trim().is_empty() {
        return Ok(now);
    }
    parse_on(input, now, zone, Side::Past)
}

/// Until when something holds (e.g. away until): empty means no end; never in the past.
pub fn parse_until_input(
    input: &str,
    now: DateTime<Utc>,
    zone: &Zone,
) -> Result<Option<DateTime<Utc>>, TimeInputError> {
    if input.trim().is_empty() {
        return Ok(None);
    }
    parse_on(input, now, zone, Side::Future).map(Some)
}

/// `4:12`, `1:04:12`: time left, never negative.
pub fn countdown(left: Duration) -> String {
    let secs = left.num_seconds().max(0);
    let (h, m, s) = (secs / 3600, (secs % 3600) / 60, secs % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// Whole minutes, rounded up: 1 s over a deadline is 1 minute over.
pub fn minutes_up(d: Duration) -> i64 {
    (d.num_seconds().max(0) + 59) / 60
}

/// An age as it fits a narrow column, in the operator's units: `45s`, `12m`, `3h05m`,
/// `2d04h`; `45秒`, `12分`, `3時間5分`, `2日4時間`.
pub fn short_age(lang: Lang, d: Duration) -> String {
    let secs = d.num_seconds().max(0);
    // English pads the smaller unit to two digits (3h05m); Japanese reads 3時間5分.
    let small = |n: i64| match lang {
        Lang::En => format!("{n:02}"),
        Lang::Ja => n.to_string(),
    };
    match secs {
        s if s < 60 => fill(lang, Msg::AgeSeconds, &[("s", &s.to_string())]),
        s if s < 3600 => fill(lang, Msg::AgeMinutes, &[("m", &(s / 60).to_string())]),
        s if s < 86_400 => fill(
            lang,
            Msg::AgeHours,
            &[
                ("h", &(s / 3600).to_string()),
                ("m", &small((s % 3600) / 60)),
            ],
        ),
        s => fill(
            lang,
            Msg::AgeDays,
            &[
                ("d", &(s / 86_400).to_string()),
                ("h", &small((s % 86_400) / 3600)),
            ],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixtures::t;

    #[test]
    fn detection_takes_times_relative_to_now() {
        let now = t("10:00");
        let zone = Zone::Named(chrono_tz::Asia::Tokyo);
        for (typed, ago) in [
            ("-10m", 10),
            ("10m ago", 10),
            ("10 min ago", 10),
            ("10 minutes ago", 10),
            ("10分前", 10),
            ("10 分前", 10),
            ("1h30m ago", 90),
            ("1時間30分前", 90),
            ("1時間半前", 90),
            ("-2h", 120),
            ("45m", 45),
            ("45分", 45),
        ] {
            assert_eq!(
                parse_time_input(typed, now, &zone),
                Ok(now - Duration::minutes(ago)),
                "{typed}"
            );
        }
        for bad in [
            "+10m", "in 10m", "10分後", "10x ago", "ago", "-", "0m ago", "前",
        ] {
            assert!(parse_time_input(bad, now, &zone).is_err(), "{bad}");
        }
        assert_eq!(
            parse_until_input("in 2h", now, &zone),
            Ok(Some(now + Duration::hours(2)))
        );
        assert_eq!(
            parse_until_input("2時間後", now, &zone),
            Ok(Some(now + Duration::hours(2)))
        );
        assert!(parse_until_input("10分前", now, &zone).is_err());
    }

    #[test]
    fn countdowns_and_ages() {
        assert_eq!(countdown(Duration::seconds(252)), "4:12");
        assert_eq!(countdown(Duration::seconds(3872)), "1:04:32");
        assert_eq!(countdown(Duration::seconds(-5)), "0:00");
        assert_eq!(minutes_up(Duration::seconds(1)), 1);
        assert_eq!(minutes_up(Duration::seconds(180)), 3);
        let both = |d: Duration| (short_age(Lang::En, d), short_age(Lang::Ja, d));
        assert_eq!(both(Duration::seconds(45)), ("45s".into(), "45秒".into()));
        assert_eq!(both(Duration::minutes(47)), ("47m".into(), "47分".into()));
        assert_eq!(
            both(Duration::minutes(185)),
            ("3h05m".into(), "3時間5分".into())
        );
        assert_eq!(
            both(Duration::hours(52)),
            ("2d04h".into(), "2日4時間".into())
        );
        assert_eq!(both(Duration::seconds(-5)), ("0s".into(), "0秒".into()));
    }

    #[test]
    fn typed_times_are_read_in_the_display_zone() {
        let tokyo = Zone::Named(chrono_tz::Asia::Tokyo);
        // 06:00 UTC is 15:00 in Tokyo.
        let now = t("06:00");
        assert_eq!(parse_time_input("", now, &tokyo), Ok(now));
        assert_eq!(parse_time_input("14:30", now, &tokyo), Ok(t("05:30")));
        // 15:30 Tokyo is still ahead: it means yesterday's.
        assert_eq!(
            parse_time_input("15:30", now, &tokyo).unwrap(),
            t("06:30") - Duration::days(1)
        );
        assert_eq!(
            parse_time_input("2026-11-29 14:00", now, &tokyo),
            Ok(t("05:00"))
        );
        assert_eq!(
            parse_time_input("2026-11-29 16:00", now, &tokyo),
            Err(TimeInputError::Future)
        );
        assert_eq!(
            parse_time_input("25:99", now, &tokyo),
            Err(TimeInputError::Format)
        );
        assert_eq!(
            parse_time_input("yesterday", now, &tokyo),
            Err(TimeInputError::Format)
        );
    }

    #[test]
    fn until_times_lie_ahead() {
        let tokyo = Zone::Named(chrono_tz::Asia::Tokyo);
        let now = t("06:00"); // 15:00 in Tokyo
        assert_eq!(parse_until_input(" ", now, &tokyo), Ok(None));
        assert_eq!(
            parse_until_input("18:00", now, &tokyo),
            Ok(Some(t("09:00")))
        );
        // 09:00 has passed today: tomorrow's.
        assert_eq!(
            parse_until_input("09:00", now, &tokyo),
            Ok(Some(t("00:00") + Duration::days(1)))
        );
        assert_eq!(
            parse_until_input("2026-11-29 09:00", now, &tokyo),
            Err(TimeInputError::Past)
        );
    }

    #[test]
    fn clock_shows_the_date_only_when_it_differs() {
        let tokyo = Zone::Named(chrono_tz::Asia::Tokyo);
        assert_eq!(tokyo.clock(t("05:35"), t("06:00")), "14:35");
        // 16:00 UTC is already the next day in Tokyo.
        assert_eq!(tokyo.clock(t("16:00"), t("06:00")), "11-30 01:00");
        assert_eq!(tokyo.date_time(t("05:35")), "2026-11-29 14:35");
    }
}
