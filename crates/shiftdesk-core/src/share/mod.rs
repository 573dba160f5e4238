//! The record, shared: an incident report in Markdown for an email or a wiki, and the
//! handover a person reads at shift change. Built from the model in the reader's language;
//! text from people never carries control characters or Markdown of its own.

pub mod duration;
pub mod duties;
pub mod export;
pub mod handover;
pub mod markdown;
pub mod sheet;
pub mod sheet_html;

#[cfg(test)]
mod tests;

pub use duration::duration_words;
pub use export::incident_markdown;
pub use handover::handover_text;

use crate::clock::Zone;
use crate::incident::Incident;
use crate::timeline::{EntryKind, TimelineEntry};
use chrono::{DateTime, NaiveDate, Utc};

/// The zone's name at a moment, for telling the reader which clock the times are on:
/// `JST`, `CET`, or an offset such as `+09:00` where the zone has no abbreviation.
fn zone_name(zone: &Zone, at: DateTime<Utc>) -> String {
    zone.format(at, "%Z")
}

/// The calendar date of a moment in the zone.
fn local_date(zone: &Zone, at: DateTime<Utc>) -> Option<NaiveDate> {
    Some(zone.date(at))
}

/// The timeline entry saying why a closed incident was closed without review, when its
/// last closing was one.
fn closed_without_review(incident: &Incident) -> Option<&TimelineEntry> {
    if incident.is_open() {
        return None;
    }
    incident
        .timeline
        .iter()
        .rev()
        .find(|e| matches!(e.kind, EntryKind::Closed | EntryKind::ClosedWithoutReview))
        .filter(|e| e.kind == EntryKind::ClosedWithoutReview)
}
