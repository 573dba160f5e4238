//! The roster: contacts and the reporting routes a team lead wrote.

pub mod change;
pub mod check;
pub mod csv;
pub mod rotation;
pub mod vcard;

use crate::category::Category;
use crate::incident::ResolvedRoute;
use crate::severity::Severity;
use chrono::{DateTime, Utc};
use rotation::Rotation;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

pub const ROSTER_SCHEMA_VERSION: u32 = 1;

/// Minutes between status updates to the people reached, for severities 1 to 4.
pub const DEFAULT_UPDATE_CADENCE: [u32; 4] = [30, 60, 120, 240];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Phone {
    /// mobile, office, home, … as the team writes it.
    #[serde(default)]
    pub label: String,
    pub number: String,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The kinds of phone a label names, whatever the language it is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneKind {
    Mobile,
    Office,
    Home,
}

impl PhoneKind {
    /// The kind a phone's label names (`mobile`, `cell`, `携帯`; `office`, `work`, `会社`;
    /// `home`, `自宅`), or None for a label of the team's own.
    pub fn of_label(label: &str) -> Option<PhoneKind> {
        match label.trim().to_lowercase().as_str() {
            "mobile" | "cell" | "携帯" | "携帯電話" => Some(PhoneKind::Mobile),
            "office" | "work" | "会社" | "職場" => Some(PhoneKind::Office),
            "home" | "自宅" => Some(PhoneKind::Home),
            _ => None,
        }
    }
}

/// A contact is off the route until the time given (or until cleared).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unavailable {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    pub id: String,
    pub name: String,
    /// Reading of the name (kana), for search and for phones' phonetic fields.
    #[serde(default)]
    pub kana: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub team: String,
    #[serde(default)]
    pub phones: Vec<Phone>,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub notes: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub sample: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unavailable: Option<Unavailable>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Contact {
    /// A contact with only its id: every other field empty, available.
    pub fn with_id(id: &str) -> Contact {
        Contact {
            id: id.to_string(),
            name: String::new(),
            kana: String::new(),
            role: String::new(),
            team: String::new(),
            phones: Vec::new(),
            email: String::new(),
            notes: String::new(),
            sample: false,
            unavailable: None,
            extra: Map::new(),
        }
    }

    pub fn primary_phone(&self) -> Option<&str> {
        self.phones.first().map(|p| p.number.as_str())
    }

    /// Unavailable at `now`: marked so, with no end or an end still ahead.
    pub fn is_unavailable_at(&self, now: DateTime<Utc>) -> bool {
        self.unavailable
            .as_ref()
            .is_some_and(|u| u.until.is_none_or(|until| until > now))
    }
}

/// How a level is to be contacted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Means {
    Phone,
    Email,
    Chat,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RouteLevel {
    /// Fixed contacts (may be empty on a level that names a rotation).
    #[serde(default)]
    pub contacts: Vec<String>,
    /// A rotation whose person on duty the level calls, before its fixed contacts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rotation: Option<String>,
    /// On an incident's copy of the route: whom the rotation resolved to when the level
    /// last became the one to call. Never in `roster.json`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_duty: Option<rotation::OnDutyPick>,
    pub means: Means,
    /// Report to this level within these minutes of it becoming the level to call.
    pub report_within_minutes: u32,
    /// With nobody reached, go one level up this many minutes after the deadline.
    pub escalate_after_minutes: u32,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Route {
    pub id: String,
    #[serde(default)]
    pub name: String,
    /// None: the default route, for any category.
    #[serde(default)]
    pub category: Option<Category>,
    /// Only for incidents of this kind of the category (e.g. `misdirected_email`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The route applies to incidents at least this serious (1 = critical, 4 = any).
    pub min_severity: Severity,
    pub levels: Vec<RouteLevel>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Route {
    /// The route as an incident keeps it: a copy, so later roster edits do not rewrite
    /// what was agreed when the incident was opened.
    pub fn resolve(&self) -> ResolvedRoute {
        ResolvedRoute {
            route_id: self.id.clone(),
            name: self.name.clone(),
            levels: self.levels.clone(),
            resolved_at: None,
            extra: Map::new(),
        }
    }

    pub fn applies_to(&self, category: Category, kind: Option<&str>, severity: Severity) -> bool {
        self.category.is_none_or(|c| c == category)
            && self.kind.as_deref().is_none_or(|k| Some(k) == kind)
            && severity.at_least(self.min_severity)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Roster {
    pub schema_version: u32,
    /// The bundled sample: fictional people, to be replaced.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub sample: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub update_cadence_minutes: Option<BTreeMap<String, u32>>,
    /// Days a sign-off of the flow holds before the desk asks for a new one (default 180).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sign_off_max_age_days: Option<u32>,
    #[serde(default)]
    pub contacts: Vec<Contact>,
    #[serde(default)]
    pub routes: Vec<Route>,
    /// Who is on duty when: shift leader, night on-call…
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rotations: Vec<Rotation>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Default for Roster {
    fn default() -> Self {
        Roster {
            schema_version: ROSTER_SCHEMA_VERSION,
            sample: false,
            update_cadence_minutes: None,
            sign_off_max_age_days: None,
            contacts: Vec::new(),
            routes: Vec::new(),
            rotations: Vec::new(),
            extra: Map::new(),
        }
    }
}

impl Roster {
    pub fn contact(&self, id: &str) -> Option<&Contact> {
        self.contacts.iter().find(|c| c.id == id)
    }

    pub fn rotation(&self, id: &str) -> Option<&Rotation> {
        self.rotations.iter().find(|r| r.id == id)
    }

    /// The phone of the operator, when they are in the roster by id or by name.
    pub fn own_phone(&self, operator: &str) -> Option<&str> {
        self.contacts
            .iter()
            .find(|c| c.id == operator || c.name == operator)
            .and_then(Contact::primary_phone)
    }

    /// The most specific route for a category and severity: a route for the category beats
    /// the default; among those, the most serious matching minimum severity wins.
    pub fn route_for(&self, category: Category, severity: Severity) -> Option<&Route> {
        self.route_for_kind(category, None, severity)
    }

    /// The route for an incident: one for its kind beats one for its category, which beats
    /// the default; among those, the most serious matching `min_severity` wins.
    pub fn route_for_kind(
        &self,
        category: Category,
        kind: Option<&str>,
        severity: Severity,
    ) -> Option<&Route> {
        self.routes
            .iter()
            .filter(|r| r.applies_to(category, kind, severity))
            .min_by_key(|r| (r.kind.is_none(), r.category.is_none(), r.min_severity))
    }

    /// Minutes between status updates for a severity: from the file where it says, else the
    /// defaults (30 / 60 / 120 / 240).
    pub fn update_cadence(&self, severity: Severity) -> u32 {
        self.update_cadence_minutes
            .as_ref()
            .and_then(|m| m.get(&severity.to_string()))
            .copied()
            .filter(|n| *n > 0)
            .unwrap_or(DEFAULT_UPDATE_CADENCE[severity.index()])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn route(id: &str, category: Option<Category>, min: u8) -> Route {
        Route {
            id: id.into(),
            name: String::new(),
            category,
            kind: None,
            min_severity: Severity::new(min).unwrap(),
            levels: vec![],
            extra: Map::new(),
        }
    }

    #[test]
    fn category_beats_default_and_the_most_serious_threshold_wins() {
        let roster = Roster {
            routes: vec![
                route("default", None, 4),
                route("default-crit", None, 1),
                route("outage", Some(Category::SystemOutage), 4),
                route("outage-high", Some(Category::SystemOutage), 2),
            ],
            ..Roster::default()
        };
        let pick = |c, s| {
            roster
                .route_for(c, Severity::new(s).unwrap())
                .unwrap()
                .id
                .clone()
        };
        assert_eq!(pick(Category::SystemOutage, 1), "outage-high");
        assert_eq!(pick(Category::SystemOutage, 2), "outage-high");
        assert_eq!(pick(Category::SystemOutage, 3), "outage");
        assert_eq!(pick(Category::Security, 1), "default-crit");
        assert_eq!(pick(Category::Security, 3), "default");
    }

    #[test]
    fn no_route_when_nothing_matches() {
        let roster = Roster {
            routes: vec![route("outage-crit", Some(Category::SystemOutage), 1)],
            ..Roster::default()
        };
        assert!(
            roster
                .route_for(Category::SystemOutage, Severity::MINOR)
                .is_none()
        );
    }

    #[test]
    fn cadence_defaults_and_overrides() {
        let mut roster = Roster::default();
        assert_eq!(roster.update_cadence(Severity::CRITICAL), 30);
        assert_eq!(roster.update_cadence(Severity::MINOR), 240);
        let mut m = BTreeMap::new();
        m.insert("1".to_string(), 15);
        roster.update_cadence_minutes = Some(m);
        assert_eq!(roster.update_cadence(Severity::CRITICAL), 15);
        assert_eq!(roster.update_cadence(Severity::HIGH), 60);
    }

    #[test]
    fn unavailability_ends_at_its_until_time() {
        let now: DateTime<Utc> = "2026-11-29T10:00:00Z".parse().unwrap();
        let mut c: Contact = serde_json::from_str(r#"{"id":"a","name":"A"}"#).unwrap();
        assert!(!c.is_unavailable_at(now));
        c.unavailable = Some(Unavailable {
            until: Some("2026-11-29T12:00:00Z".parse().unwrap()),
            reason: String::new(),
            extra: Map::new(),
        });
        assert!(c.is_unavailable_at(now));
        assert!(!c.is_unavailable_at("2026-11-29T12:00:00Z".parse().unwrap()));
    }
}

#[cfg(test)]
mod old_files {
    use super::*;

    /// A roster.json written before rotations reads and writes back byte for byte.
    #[test]
    fn a_roster_without_rotations_writes_back_as_it_was() {
        let text = r#"{
  "schema_version": 1,
  "contacts": [
    {
      "id": "a",
      "name": "A",
      "kana": "",
      "role": "",
      "team": "",
      "phones": [],
      "email": "a@example.com",
      "notes": ""
    }
  ],
  "routes": [
    {
      "id": "default",
      "name": "",
      "category": null,
      "min_severity": 4,
      "levels": [
        {
          "contacts": [
            "a"
          ],
          "means": "email",
          "report_within_minutes": 15,
          "escalate_after_minutes": 5
        }
      ]
    }
  ]
}"#;
        let roster: Roster = serde_json::from_str(text).unwrap();
        assert_eq!(serde_json::to_string_pretty(&roster).unwrap(), text);
    }
}
