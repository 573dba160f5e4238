//! Small builders shared by the model's unit tests.

use crate::category::Category;
use crate::checklist::checklist_from;
use crate::incident::{Incident, IncidentId, Status};
use crate::playbook::Playbooks;
use crate::severity::Severity;
use chrono::{DateTime, Utc};
use serde_json::Map;
use std::sync::atomic::{AtomicU64, Ordering};

/// 2026-11-29 at a clock time ("10:00" or "10:00:30"), UTC.
pub fn t(hhmm: &str) -> DateTime<Utc> {
    let full = if hhmm.len() == 5 {
        format!("{hhmm}:00")
    } else {
        hhmm.to_string()
    };
    format!("2026-11-29T{full}Z").parse().unwrap()
}

pub fn bundled_playbooks() -> Playbooks {
    serde_json::from_str(include_str!("../../../assets/playbooks.json")).unwrap()
}

pub fn bundled_guide() -> crate::guide::Guide {
    serde_json::from_str(include_str!("../../../assets/guide.json")).unwrap()
}

/// An open incident of a category (and kind), detected and opened at a clock time, with
/// the bundled steps of its kind and no route.
pub fn incident_of(category: Category, kind: Option<&str>, hhmm: &str) -> Incident {
    let books = bundled_playbooks();
    let book = books.for_category(category).unwrap();
    let kind = book.kind_taken(kind);
    Incident {
        category,
        checklist: checklist_from(&book.for_kind(kind.as_ref().map(|k| k.id.as_str()))),
        kind: kind.as_ref().map(|k| k.id.clone()),
        kind_name: kind.map(|k| k.name),
        ..incident_at(hhmm)
    }
}

/// An open incident detected at a clock time: an outage with a backup to fail over to, with
/// the bundled checklist of that kind and no route.
pub fn incident_at(hhmm: &str) -> Incident {
    let books = bundled_playbooks();
    let book = books.for_category(Category::SystemOutage).unwrap();
    let kind = book.kind_taken(Some("with_failover"));
    Incident {
        id: IncidentId::from_number(1),
        title: "Mail server down".into(),
        category: Category::SystemOutage,
        kind: kind.as_ref().map(|k| k.id.clone()),
        kind_name: kind.as_ref().map(|k| k.name.clone()),
        severity: Severity::HIGH,
        detected_at: t(hhmm),
        opened_at: t(hhmm),
        opened_by: "op".into(),
        description: String::new(),
        drill: false,
        status: Status::Open,
        closed_at: None,
        checklist: checklist_from(&book.for_kind(Some("with_failover"))),
        route: None,
        attempts: vec![],
        escalations: vec![],
        scope: None,
        consultations: vec![],
        interim_actions: vec![],
        review: None,
        drill_run: None,
        conditions: vec![],
        obligations: vec![],
        scope_decisions: vec![],
        timeline: vec![],
        extra: Map::new(),
    }
}

/// A change stamped at the desk "test", with an id of its own: the random part counts up
/// across the process, so no two changes made here share an id.
pub fn stamped<C>(change: C, at: DateTime<Utc>, by: &str) -> crate::change::Stamped<C> {
    static MADE: AtomicU64 = AtomicU64::new(1);
    let n = MADE.fetch_add(1, Ordering::Relaxed);
    let mut random = [0u8; 10];
    random[2..].copy_from_slice(&n.to_be_bytes());
    crate::change::Stamped::new(change, at, by, "test", random)
}

/// A level of a route: its contacts, called by phone, report within, then the wait before
/// going one level up.
pub fn route_level(contacts: &[&str], within: u32, wait: u32) -> crate::roster::RouteLevel {
    crate::roster::RouteLevel {
        contacts: contacts.iter().map(|s| s.to_string()).collect(),
        rotation: None,
        on_duty: None,
        means: crate::roster::Means::Phone,
        report_within_minutes: within,
        escalate_after_minutes: wait,
        extra: Map::new(),
    }
}

/// The people of [`three_levels`]: a1, a2, b1, c1, each named in capitals with a phone
/// `090-<id>`.
pub fn three_levels_roster() -> crate::roster::Roster {
    let contacts = ["a1", "a2", "b1", "c1"]
        .iter()
        .map(|id| {
            serde_json::from_value(serde_json::json!({
                "id": id, "name": id.to_uppercase(),
                "phones": [{"label": "mobile", "number": format!("090-{id}")}]
            }))
            .unwrap()
        })
        .collect();
    crate::roster::Roster {
        contacts,
        ..crate::roster::Roster::default()
    }
}

/// Detected 10:00; level 0 (a1, a2) within 15, wait 5; level 1 (b1) within 10, wait 10;
/// level 2 (c1) within 15, wait 10.
pub fn three_levels() -> Incident {
    let mut inc = incident_at("10:00");
    inc.route = Some(crate::incident::ResolvedRoute {
        route_id: "r".into(),
        resolved_at: None,
        name: String::new(),
        levels: vec![
            route_level(&["a1", "a2"], 15, 5),
            route_level(&["b1"], 10, 10),
            route_level(&["c1"], 15, 10),
        ],
        extra: Map::new(),
    });
    inc
}

/// A call attempt on the incident, by "op", by phone.
pub fn attempt(
    inc: &mut Incident,
    at: &str,
    contact: &str,
    level: usize,
    outcome: crate::incident::AttemptOutcome,
) {
    inc.attempts.push(crate::incident::ContactAttempt {
        at: t(at),
        by: "op".into(),
        contact: contact.into(),
        level,
        means: crate::roster::Means::Phone,
        outcome,
        extra: Map::new(),
    });
}

/// The change that opens an incident like `inc`: its title, class, detection, steps and
/// route as they are.
pub fn opening_like(inc: &Incident) -> crate::change::Change {
    crate::change::Change::Open(Box::new(crate::change::NewIncident {
        id: None,
        title: inc.title.clone(),
        category: inc.category,
        kind: None,
        severity: inc.severity,
        detected_at: inc.detected_at,
        description: String::new(),
        drill: false,
        checklist: inc.checklist.clone(),
        route: inc.route.clone(),
        drill_run: None,
    }))
}
