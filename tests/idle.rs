//! An idle desk draws only when the screen would look different: every second while a
//! countdown runs, otherwise when a shown minute ticks over.

mod common;

use chrono::{DateTime, Duration, Utc};
use common::{app_with, now, shift_desk};
use shiftdesk::app::action::Action;
use shiftdesk_core::change::Change;
use shiftdesk_core::desk::IncidentsFile;
use shiftdesk_core::i18n::Lang;
use shiftdesk_core::test_fixtures::stamped;

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

#[test]
fn a_running_countdown_moves_every_second() {
    let app = app_with(shift_desk(), Lang::En, (120, 40));
    assert_eq!(app.next_change_at(), now() + Duration::seconds(1));
}

#[test]
fn with_nothing_counting_down_the_next_change_is_the_next_minute() {
    let mut app = app_with(IncidentsFile::default(), Lang::En, (120, 40));
    app.update(Action::Tick(at("2026-11-29T05:30:12Z")));
    assert_eq!(app.next_change_at(), at("2026-11-29T05:31:00Z"));
    // Only closed incidents: nothing but the clock.
    let mut file = shift_desk();
    let open: Vec<_> = file
        .incidents
        .iter()
        .filter(|i| i.is_open())
        .map(|i| i.id.clone())
        .collect();
    for id in open {
        let close = Change::CloseWithoutReview {
            incident: id,
            reason: "test".into(),
        };
        stamped(close, now(), "yamada").apply(&mut file).unwrap();
    }
    let mut app = app_with(file, Lang::En, (120, 40));
    app.update(Action::Tick(at("2026-11-29T05:30:12Z")));
    assert_eq!(app.next_change_at(), at("2026-11-29T05:31:00Z"));
}

#[test]
fn a_tick_that_changes_nothing_but_the_time_says_so() {
    let mut app = app_with(IncidentsFile::default(), Lang::En, (120, 40));
    app.update(Action::Tick(now() + Duration::seconds(1)));
    assert!(!app.ui.tick_changed);
}
