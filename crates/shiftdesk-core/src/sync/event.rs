//! An event: one persisted change as it travels between desks, one JSON object a line.
//!
//! ```text
//! {"v":1,"id":"0193…","site":"TYO","desk":"TYO1","operator":"sato","at":"2026-…Z",
//!  "clock":{"ms":…,"n":0},"seen":{"OSA1":{"ms":…,"n":2}},
//!  "change":{"incident":{"type":"note","incident":"INC-TYO1-0003","text":"…"}}}
//! ```
//! `v` is read first: a newer version is refused as such, before anything else is read.

use super::Hlc;
use crate::change::{Change, ChangeId, Stamped};
use crate::i18n::{Lang, Msg, fill};
use crate::incident::IncidentId;
use crate::roster::change::RosterChange;
use crate::text::safe_line;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;

/// The version of the encoding this desk writes and reads.
pub const EVENT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub v: u32,
    /// The change's id (a UUIDv7); also the message id the server deduplicates by.
    pub id: ChangeId,
    pub site: String,
    /// The desk the change was made at (its code).
    pub desk: String,
    pub operator: String,
    /// When the change was made (the desk's wall clock).
    pub at: DateTime<Utc>,
    pub clock: Hlc,
    /// Per desk code, the newest clock of that desk's events the maker had applied.
    #[serde(default)]
    pub seen: BTreeMap<String, Hlc>,
    pub change: EventChange,
}

/// What an event changes: an incident or the roster. Serialised tagged by its name
/// (`{"incident": {…}}`, `{"roster": {…}}`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventChange {
    Incident(Change),
    Roster(RosterChange),
}

/// The event without its change: read apart, so an error names which part is wrong.
#[derive(Deserialize)]
struct Head {
    v: u32,
    id: ChangeId,
    site: String,
    desk: String,
    operator: String,
    at: DateTime<Utc>,
    clock: Hlc,
    #[serde(default)]
    seen: BTreeMap<String, Hlc>,
}

/// Why a line is not an event this desk can read: what is wrong, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventError {
    /// Not a JSON object (a torn or foreign line); `at` is where the reading stopped.
    NotJson { at: String, why: String },
    /// No version number `v`.
    NoVersion,
    /// Written by a newer desk (or a version this one never wrote).
    Version { id: String, v: u64 },
    /// The version is known but a part does not read: `at` names the part (`envelope`,
    /// `change.incident.note`…), `why` what serde said of it.
    Bad { id: String, at: String, why: String },
}

impl EventError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            EventError::NotJson { at, why } => {
                fill(lang, Msg::EventNotJson, &[("where", at), ("why", why)])
            }
            EventError::NoVersion => fill(lang, Msg::EventNoVersion, &[]),
            EventError::Version { id, v } => fill(
                lang,
                Msg::EventNewerVersion,
                &[("id", id), ("v", &v.to_string())],
            ),
            EventError::Bad { id, at, why } => fill(
                lang,
                Msg::EventBad,
                &[("id", id), ("where", at), ("why", why)],
            ),
        }
    }
}

impl fmt::Display for EventError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for EventError {}

/// A serde error without its position, made safe to show.
fn why(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let text = match text.rfind(" at line ") {
        Some(i) if e.line() > 0 => &text[..i],
        _ => &text,
    };
    safe_line(text)
}

/// `change.incident.note`: the part of an event a change's error is in.
fn change_part(change: &Value) -> String {
    let mut part = String::from("change");
    if let Some((on, inner)) = change.as_object().and_then(|o| o.iter().next()) {
        part.push('.');
        part.push_str(&safe_line(on));
        if let Some(ty) = inner.get("type").and_then(Value::as_str) {
            part.push('.');
            part.push_str(&safe_line(ty));
        }
    }
    part
}

impl Event {
    /// The event of an incident change made here: its id, who and when come from the
    /// stamp, `desk` is the stamp's origin.
    pub fn of_incident(
        stamped: &Stamped,
        site: &str,
        clock: Hlc,
        seen: BTreeMap<String, Hlc>,
    ) -> Event {
        let change = EventChange::Incident(stamped.change.clone());
        Event::of_stamp(stamped, site, (clock, seen), change)
    }

    /// The event of a roster change made here (never an import: send the per-contact
    /// changes it made, `RosterChange::travelling`).
    pub fn of_roster(
        stamped: &Stamped<RosterChange>,
        site: &str,
        clock: Hlc,
        seen: BTreeMap<String, Hlc>,
    ) -> Event {
        let change = EventChange::Roster(stamped.change.clone());
        Event::of_stamp(stamped, site, (clock, seen), change)
    }

    fn of_stamp<C>(
        stamped: &Stamped<C>,
        site: &str,
        (clock, seen): (Hlc, BTreeMap<String, Hlc>),
        change: EventChange,
    ) -> Event {
        Event {
            v: EVENT_VERSION,
            id: stamped.id,
            site: site.to_string(),
            desk: stamped.origin.clone(),
            operator: stamped.by.clone(),
            at: stamped.at,
            clock,
            seen,
            change,
        }
    }

    /// The incident change as a stamped change, to apply (None for a roster change).
    pub fn stamped(&self) -> Option<Stamped> {
        match &self.change {
            EventChange::Incident(change) => Some(Stamped {
                id: self.id,
                origin: self.desk.clone(),
                by: self.operator.clone(),
                at: self.at,
                change: change.clone(),
            }),
            EventChange::Roster(_) => None,
        }
    }

    /// One line of JSON, without the newline.
    pub fn to_line(&self) -> String {
        // Plain data with string keys: serialising cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a line written by [`Event::to_line`] (surrounding white space is ignored).
    pub fn from_line(line: &str) -> Result<Event, EventError> {
        // The common case in one pass; a line that does not read is read again, apart,
        // to say what is wrong where.
        match serde_json::from_str::<Event>(line) {
            Ok(event) if event.v == EVENT_VERSION => Ok(event),
            Ok(event) => Err(EventError::Version {
                id: event.id_text(),
                v: u64::from(event.v),
            }),
            Err(_) => Event::diagnose(line),
        }
    }

    fn diagnose(line: &str) -> Result<Event, EventError> {
        let mut value: Value = serde_json::from_str(line).map_err(|e| EventError::NotJson {
            at: format!("column {}", e.column()),
            why: why(&e),
        })?;
        let Some(object) = value.as_object_mut() else {
            return Err(EventError::NotJson {
                at: "column 1".into(),
                why: "not an object".into(),
            });
        };
        let v = object
            .get("v")
            .and_then(Value::as_u64)
            .ok_or(EventError::NoVersion)?;
        let id = object
            .get("id")
            .and_then(Value::as_str)
            .map_or_else(|| "?".to_string(), safe_line);
        if v != u64::from(EVENT_VERSION) {
            return Err(EventError::Version { id, v });
        }
        let change = object.remove("change").unwrap_or(Value::Null);
        let part = change_part(&change);
        let change: EventChange = serde_json::from_value(change).map_err(|e| EventError::Bad {
            id: id.clone(),
            at: part,
            why: why(&e),
        })?;
        let head: Head = serde_json::from_value(value).map_err(|e| EventError::Bad {
            id,
            at: "envelope".into(),
            why: why(&e),
        })?;
        Ok(Event {
            v: head.v,
            id: head.id,
            site: head.site,
            desk: head.desk,
            operator: head.operator,
            at: head.at,
            clock: head.clock,
            seen: head.seen,
            change,
        })
    }

    /// The incident the event is about: for an Open, the id it carries (None when it
    /// carries none); None for a roster change.
    pub fn incident(&self) -> Option<IncidentId> {
        match &self.change {
            EventChange::Incident(Change::Open(new)) => new.id.clone(),
            EventChange::Incident(change) => change.incident().cloned(),
            EventChange::Roster(_) => None,
        }
    }

    /// The id as text: the message id, and the outbox's key.
    pub fn id_text(&self) -> String {
        self.id.to_string()
    }
}
