//! When the screen next changes by the clock alone, so that an idle desk draws only then:
//! every second while a countdown runs, else when a shown minute ticks over.

use super::App;
use chrono::{DateTime, Duration, DurationRound, Utc};
use shiftdesk_core::escalation::{next_update_due, route_progress};

/// The first instant after `now` of the form `from + k minutes`.
fn next_minute_from(from: DateTime<Utc>, now: DateTime<Utc>) -> DateTime<Utc> {
    if now < from {
        return from;
    }
    let past = (now - from).num_seconds();
    from + Duration::seconds((past / 60 + 1) * 60)
}

impl App {
    /// The next time at which the screen looks different only because time passed.
    pub fn next_change_at(&self) -> DateTime<Utc> {
        let now = self.now;
        let second = now + Duration::seconds(1);
        // The clock in the status line shows minutes.
        let mut next = now
            .duration_trunc(Duration::minutes(1))
            .map_or(second, |m| m + Duration::minutes(1));
        let roster = self.desk.roster();
        for inc in self
            .desk
            .incidents()
            .incidents
            .iter()
            .filter(|i| i.is_open())
        {
            // A drill's clock and its next inject count down in seconds.
            if inc.drill_run.is_some() {
                return second;
            }
            // Ages read "45s" in the first minute, then in whole minutes.
            let age = inc.age(now).num_seconds();
            if age < 60 {
                return second;
            }
            next = next.min(next_minute_from(inc.detected_at, now));
            let progress = route_progress(inc, roster, now);
            let due = progress
                .current_deadline()
                .or_else(|| next_update_due(inc, &progress, roster));
            match due {
                Some(d) if d >= now => return second,
                // "Overdue by N min" moves a minute at a time from the deadline.
                Some(d) => next = next.min(next_minute_from(d, now)),
                None => {}
            }
        }
        next.max(second)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_counted_from_a_start_tick_over_on_its_seconds() {
        let from: DateTime<Utc> = "2026-11-29T10:00:20Z".parse().unwrap();
        let at = |s: &str| -> DateTime<Utc> { s.parse().unwrap() };
        assert_eq!(
            next_minute_from(from, at("2026-11-29T10:03:00Z")),
            at("2026-11-29T10:03:20Z")
        );
        assert_eq!(
            next_minute_from(from, at("2026-11-29T10:03:20Z")),
            at("2026-11-29T10:04:20Z")
        );
        assert_eq!(next_minute_from(from, at("2026-11-29T09:00:00Z")), from);
    }
}
