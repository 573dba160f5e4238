//! What changed from one flow to another, as things a person names: a contact added or
//! removed, a number changed, a route's level, deadline or people changed, a step added,
//! removed or reworded, a part of the guide changed, another part of `roster.json` changed.

use super::FlowSnapshot;
use super::guide_diff::guide_differences;
use super::steps_diff::step_differences;
use crate::category::Category;
use crate::playbook::{Bilingual, Phase};
use crate::roster::{Means, Roster, Route};
use crate::severity::Severity;
use serde_json::Value;
use std::collections::BTreeSet;

/// The playbook a step is in: a category's steps for every incident, or one kind's.
#[derive(Debug, Clone, PartialEq)]
pub struct Book {
    pub category: Category,
    pub kind: Option<Bilingual>,
}

/// Whom a route is for: its category (None: any), kind and minimum severity.
pub type Applies = (Option<Category>, Option<String>, Severity);

/// A part of the flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Roster,
    Playbooks,
    Guide,
}

/// A part of the guide.
#[derive(Debug, Clone, PartialEq)]
pub enum GuidePart {
    Category(Category),
    Scope,
    Risks,
    Obligations,
    Note,
    Other(String),
}

/// One thing that changed. Names are as the newer flow has them (the older where gone).
#[derive(Debug, Clone, PartialEq)]
pub enum Difference {
    ContactAdded {
        name: String,
    },
    ContactRemoved {
        name: String,
    },
    Numbers {
        name: String,
        old: String,
        new: String,
    },
    /// Other fields of a contact (by their keys in the file).
    ContactFields {
        name: String,
        fields: Vec<String>,
    },
    RouteAdded {
        route: String,
    },
    RouteRemoved {
        route: String,
    },
    RouteApplies {
        route: String,
        old: Applies,
        new: Applies,
    },
    LevelAdded {
        route: String,
        level: usize,
    },
    LevelRemoved {
        route: String,
        level: usize,
    },
    Deadline {
        route: String,
        level: usize,
        old: u32,
        new: u32,
    },
    EscalateAfter {
        route: String,
        level: usize,
        old: u32,
        new: u32,
    },
    Means {
        route: String,
        level: usize,
        old: Means,
        new: Means,
    },
    LevelPeople {
        route: String,
        level: usize,
        added: Vec<String>,
        removed: Vec<String>,
    },
    /// Another setting of `roster.json` (rotations, the update cadence, …), by its key.
    RosterSetting {
        key: String,
    },
    StepAdded {
        book: Book,
        phase: Phase,
        text: Bilingual,
    },
    StepRemoved {
        book: Book,
        phase: Phase,
        text: Bilingual,
    },
    StepChanged {
        book: Book,
        phase: Phase,
        old: Bilingual,
        new: Bilingual,
    },
    KindAdded {
        category: Category,
        name: Bilingual,
    },
    KindRemoved {
        category: Category,
        name: Bilingual,
    },
    /// The team's own file now, or the bundled one.
    OwnPlaybooks {
        own: bool,
    },
    OwnGuide {
        own: bool,
    },
    Guide {
        part: GuidePart,
    },
    /// A part that changed but cannot be told field by field (a kept flow this version
    /// cannot read as a roster or playbooks).
    PartChanged {
        part: Part,
    },
}

/// What changed from `old` to `new`; empty when they are the same flow.
pub fn differences(old: &FlowSnapshot, new: &FlowSnapshot) -> Vec<Difference> {
    let mut out = Vec::new();
    told(
        &old.roster,
        &new.roster,
        Part::Roster,
        &mut out,
        roster_differences,
    );
    if old.own_playbooks != new.own_playbooks {
        out.push(Difference::OwnPlaybooks {
            own: new.own_playbooks,
        });
    }
    told(
        &old.playbooks,
        &new.playbooks,
        Part::Playbooks,
        &mut out,
        step_differences,
    );
    if old.own_guide != new.own_guide {
        out.push(Difference::OwnGuide { own: new.own_guide });
    }
    told(
        &old.guide,
        &new.guide,
        Part::Guide,
        &mut out,
        guide_differences,
    );
    out
}

/// The differences of one part, by `tell`; a part that changed in a way `tell` has no
/// words for (contacts of a level put in another order, say) is said to have changed.
fn told(
    old: &Value,
    new: &Value,
    part: Part,
    out: &mut Vec<Difference>,
    tell: fn(&Value, &Value, &mut Vec<Difference>),
) {
    if old == new {
        return;
    }
    let before = out.len();
    tell(old, new, out);
    if out.len() == before {
        out.push(Difference::PartChanged { part });
    }
}

fn roster_differences(old: &Value, new: &Value, out: &mut Vec<Difference>) {
    let typed = |v: &Value| serde_json::from_value::<Roster>(v.clone()).ok();
    let (Some(old_roster), Some(new_roster)) = (typed(old), typed(new)) else {
        out.push(Difference::PartChanged { part: Part::Roster });
        return;
    };
    contact_differences(old, new, out);
    route_differences(&old_roster, &new_roster, out);
    // Whatever else the file holds, by its key.
    let keys = |v: &Value| -> BTreeSet<String> {
        v.as_object()
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default()
    };
    for key in keys(old).union(&keys(new)) {
        if matches!(key.as_str(), "contacts" | "routes" | "schema_version") {
            continue;
        }
        if old.get(key) != new.get(key) {
            out.push(Difference::RosterSetting { key: key.clone() });
        }
    }
}

fn contacts_of(v: &Value) -> Vec<&serde_json::Map<String, Value>> {
    v.get("contacts")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_object).collect())
        .unwrap_or_default()
}

fn text<'a>(c: &'a serde_json::Map<String, Value>, key: &str) -> &'a str {
    c.get(key).and_then(Value::as_str).unwrap_or("")
}

/// A contact's numbers as one line: `090-…, 03-…`.
fn numbers(c: &serde_json::Map<String, Value>) -> String {
    let phones = c.get("phones").and_then(Value::as_array);
    let numbers: Vec<&str> = phones
        .into_iter()
        .flatten()
        .filter_map(|p| p.get("number").and_then(Value::as_str))
        .collect();
    numbers.join(", ")
}

fn contact_differences(old: &Value, new: &Value, out: &mut Vec<Difference>) {
    let (old, new) = (contacts_of(old), contacts_of(new));
    let find = |list: &[&'_ serde_json::Map<String, Value>], id: &str| {
        list.iter().position(|c| text(c, "id") == id)
    };
    for c in &old {
        if find(&new, text(c, "id")).is_none() {
            let name = text(c, "name").to_string();
            out.push(Difference::ContactRemoved { name });
        }
    }
    for c in &new {
        let name = text(c, "name").to_string();
        let Some(was) = find(&old, text(c, "id")).map(|i| old[i]) else {
            out.push(Difference::ContactAdded { name });
            continue;
        };
        if numbers(was) != numbers(c) {
            out.push(Difference::Numbers {
                name: name.clone(),
                old: numbers(was),
                new: numbers(c),
            });
        }
        let keys: BTreeSet<&String> = was.keys().chain(c.keys()).collect();
        let fields: Vec<String> = keys
            .into_iter()
            .filter(|k| was.get(*k) != c.get(*k))
            // Numbers are told above; a change of a phone's label alone is told here.
            .filter(|k| k.as_str() != "phones" || numbers(was) == numbers(c))
            .cloned()
            .collect();
        if !fields.is_empty() {
            out.push(Difference::ContactFields { name, fields });
        }
    }
}

/// A route as people name it: its name, else its id.
fn route_name(r: &Route) -> String {
    if r.name.trim().is_empty() {
        r.id.clone()
    } else {
        r.name.clone()
    }
}

fn names(roster: &Roster, ids: &[String]) -> Vec<String> {
    ids.iter()
        .map(|id| roster.contact(id).map_or(id.clone(), |c| c.name.clone()))
        .collect()
}

fn route_differences(old: &Roster, new: &Roster, out: &mut Vec<Difference>) {
    for r in &old.routes {
        if !new.routes.iter().any(|n| n.id == r.id) {
            out.push(Difference::RouteRemoved {
                route: route_name(r),
            });
        }
    }
    for r in &new.routes {
        let route = route_name(r);
        let Some(was) = old.routes.iter().find(|o| o.id == r.id) else {
            out.push(Difference::RouteAdded { route });
            continue;
        };
        let applies = |r: &Route| (r.category, r.kind.clone(), r.min_severity);
        if applies(was) != applies(r) {
            out.push(Difference::RouteApplies {
                route: route.clone(),
                old: applies(was),
                new: applies(r),
            });
        }
        for level in 0..was.levels.len().max(r.levels.len()) {
            let route = route.clone();
            match (was.levels.get(level), r.levels.get(level)) {
                (Some(_), None) => out.push(Difference::LevelRemoved { route, level }),
                (None, Some(_)) => out.push(Difference::LevelAdded { route, level }),
                (Some(a), Some(b)) => level_differences((old, a), (new, b), route, level, out),
                (None, None) => {}
            }
        }
    }
}

fn level_differences(
    (old, a): (&Roster, &crate::roster::RouteLevel),
    (new, b): (&Roster, &crate::roster::RouteLevel),
    route: String,
    level: usize,
    out: &mut Vec<Difference>,
) {
    let minutes = [
        (a.report_within_minutes, b.report_within_minutes, true),
        (a.escalate_after_minutes, b.escalate_after_minutes, false),
    ];
    for (was, now, deadline) in minutes {
        let route = route.clone();
        match (was != now, deadline) {
            (false, _) => {}
            (true, true) => out.push(Difference::Deadline {
                route,
                level,
                old: was,
                new: now,
            }),
            (true, false) => out.push(Difference::EscalateAfter {
                route,
                level,
                old: was,
                new: now,
            }),
        }
    }
    if a.means != b.means {
        out.push(Difference::Means {
            route: route.clone(),
            level,
            old: a.means,
            new: b.means,
        });
    }
    let not_in = |these: &[String], those: &[String]| -> Vec<String> {
        these
            .iter()
            .filter(|id| !those.contains(id))
            .cloned()
            .collect()
    };
    let added = not_in(&b.contacts, &a.contacts);
    let removed = not_in(&a.contacts, &b.contacts);
    if !added.is_empty() || !removed.is_empty() {
        out.push(Difference::LevelPeople {
            route,
            level,
            added: names(new, &added),
            removed: names(old, &removed),
        });
    }
}
