//! The shared documents built from small records: hostile text stays text, call-backs and
//! follow-ups are picked as the handover promises.

use super::{closed_without_review, handover_text, incident_markdown};
use crate::checklist::Stamp;
use crate::clock::Zone;
use crate::i18n::Lang;
use crate::incident::{AttemptOutcome, ContactAttempt, Incident, Status};
use crate::record::{Consultation, Effect, InterimAction, Measure, Review};
use crate::roster::{Means, Roster};
use crate::test_fixtures::{incident_at, t};
use crate::text::is_unsafe;
use crate::timeline::{EntryKind, TimelineEntry};
use chrono::NaiveDate;
use serde_json::Map;

const NASTY: &str = "a | b\nc\u{1b}[2J\u{202E} <img src=x onerror=alert(1)> [x](javascript:y)";

fn tokyo() -> Zone {
    Zone::Named(chrono_tz::Asia::Tokyo)
}

/// `|` that a GFM renderer reads as a cell border.
fn borders(line: &str) -> usize {
    let mut n = 0;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '|' => n += 1,
            _ => {}
        }
    }
    n
}

fn attempt(at: &str, contact: &str, outcome: AttemptOutcome) -> ContactAttempt {
    ContactAttempt {
        at: t(at),
        by: "op".into(),
        contact: contact.into(),
        level: 0,
        means: Means::Phone,
        outcome,
        extra: Map::new(),
    }
}

fn measure(id: u32, due: &str, done: bool) -> Measure {
    Measure {
        id,
        text: format!("measure {id}"),
        owner: String::new(),
        due: NaiveDate::parse_from_str(due, "%Y-%m-%d").ok(),
        done: done.then(|| Stamp {
            at: t("01:00"),
            by: "op".into(),
        }),
        check: None,
        extra: Map::new(),
    }
}

#[test]
fn hostile_text_never_breaks_a_table_row_or_becomes_markup() {
    let mut inc = incident_at("01:00");
    inc.title = NASTY.into();
    inc.description = NASTY.into();
    inc.consultations.push(Consultation {
        at: t("01:10"),
        by: NASTY.into(),
        contact: None,
        who: NASTY.into(),
        advice: NASTY.into(),
        extra: Map::new(),
    });
    inc.interim_actions.push(InterimAction {
        at: t("01:20"),
        by: "op".into(),
        action: NASTY.into(),
        effect: Effect::Partly,
        extra: Map::new(),
    });
    inc.timeline
        .push(TimelineEntry::new(t("01:30"), "op", EntryKind::Note, NASTY));
    for lang in [Lang::En, Lang::Ja] {
        let md = incident_markdown(&inc, &Roster::default(), lang, &tokyo(), t("02:00"));
        assert!(!md.chars().any(|c| is_unsafe(c) && c != '\n'), "{md:?}");
        assert!(
            !md.contains("<img") && !md.contains("[x](javascript"),
            "{md}"
        );
        // Every row of a table has as many borders as its header row.
        let mut header = None;
        let mut rows = 0;
        for line in md.lines() {
            if !line.starts_with('|') {
                header = None;
                continue;
            }
            let n = borders(line);
            assert_eq!(n, *header.get_or_insert(n), "{line}");
            rows += usize::from(line.contains("&lt;img"));
        }
        assert_eq!(rows, 3, "consultation, interim action, note: {md}");
    }
}

#[test]
fn a_message_left_waits_for_a_call_back_until_that_contact_is_reached() {
    let mut inc = incident_at("01:00");
    inc.attempts = vec![
        attempt("01:01", "a", AttemptOutcome::LeftMessage),
        attempt("01:02", "b", AttemptOutcome::LeftMessage),
        attempt("01:03", "a", AttemptOutcome::Reached),
        attempt("01:04", "c", AttemptOutcome::NoAnswer),
    ];
    let pending = super::handover::callbacks_pending(&inc);
    let ids: Vec<&str> = pending.iter().map(|a| a.contact.as_str()).collect();
    assert_eq!(ids, vec!["b"]);
}

#[test]
fn follow_ups_are_open_measures_of_live_incidents_overdue_or_due_within_seven_days() {
    let review = |measures| Review {
        measures,
        ..Review::default()
    };
    let mut live = incident_at("01:00");
    live.status = Status::Closed;
    live.closed_at = Some(t("01:30"));
    // 2026-11-29 10:00 UTC is 19:00 in Tokyo: today is the 29th, a week on the 6th.
    live.review = Some(review(vec![
        measure(1, "2026-11-20", false),
        measure(2, "2026-11-30", false),
        measure(3, "2026-12-01", false),
        measure(4, "2026-11-29", true),
        measure(5, "2026-12-06", false),
        measure(6, "2026-12-07", false),
    ]));
    let mut drill: Incident = incident_at("01:00");
    drill.drill = true;
    drill.review = Some(review(vec![measure(9, "2026-11-29", false)]));
    let text = handover_text(
        &[live, drill],
        &Roster::default(),
        t("00:00"),
        Lang::En,
        &tokyo(),
        t("10:00"),
    );
    assert!(
        text.contains("## Follow-ups due by 2026-12-06 (4)"),
        "{text}"
    );
    assert!(text.contains("#1 measure 1 — owner: not set, due 2026-11-20 (OVERDUE)"));
    assert!(text.contains("#2 measure 2 — owner: not set, due 2026-11-30 (tomorrow)"));
    assert!(
        text.contains("#3 measure 3 — owner: not set, due 2026-12-01 (in 2 days)"),
        "{text}"
    );
    assert!(text.contains("#5 measure 5 — owner: not set, due 2026-12-06 (in 7 days)"));
    assert!(
        !text.contains("measure 4") && !text.contains("measure 6"),
        "done, or due after a week: {text}"
    );
    assert!(!text.contains("measure 9"), "drills stay out: {text}");
    assert!(text.contains("## Open incidents (0)\n\n- none"), "{text}");
}

#[test]
fn only_the_last_closing_counts_for_closed_without_review() {
    let mut inc = incident_at("01:00");
    inc.status = Status::Closed;
    let entry = |at, kind| TimelineEntry::new(t(at), "op", kind, "why");
    inc.timeline
        .push(entry("01:10", EntryKind::ClosedWithoutReview));
    assert!(closed_without_review(&inc).is_some());
    inc.timeline.push(entry("01:20", EntryKind::Reopened));
    inc.timeline.push(entry("01:30", EntryKind::Closed));
    assert!(closed_without_review(&inc).is_none());
    inc.status = Status::Open;
    assert!(closed_without_review(&inc).is_none());
}
