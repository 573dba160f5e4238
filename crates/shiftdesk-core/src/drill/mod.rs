//! Drills: an incident run from a scenario, with timed injects and readiness checks to
//! confirm for real, kept apart from live incidents and figures.

mod clock;
pub mod report;
pub mod result;
#[cfg(test)]
mod result_tests;

pub use clock::on_drill_clock;

use crate::Category;
use crate::Severity;
use crate::checklist::Stamp;
use crate::playbook::Bilingual;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub const SCENARIO_SCHEMA_VERSION: u32 = 1;

/// What the scenario opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioIncident {
    pub title: Bilingual,
    pub category: Category,
    pub severity: Severity,
    pub description: Bilingual,
}

/// Something a facilitator announces at a time into the drill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inject {
    pub at_minutes: u32,
    pub text: Bilingual,
}

/// A thing to confirm for real: whether recovery is actually possible.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadinessCheck {
    pub id: String,
    pub text: Bilingual,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scenario {
    pub schema_version: u32,
    pub id: String,
    pub name: Bilingual,
    #[serde(default = "empty_bilingual")]
    pub summary: Bilingual,
    pub incident: ScenarioIncident,
    #[serde(default)]
    pub injects: Vec<Inject>,
    #[serde(default)]
    pub readiness_checks: Vec<ReadinessCheck>,
}

fn empty_bilingual() -> Bilingual {
    Bilingual {
        ja: String::new(),
        en: String::new(),
    }
}

impl Scenario {
    /// What serde cannot check: an id, injects in time order, check ids unique.
    pub fn validate(&self) -> Result<(), String> {
        if self.id.trim().is_empty() {
            return Err("the scenario has no id".into());
        }
        if self.incident.title.en.trim().is_empty() && self.incident.title.ja.trim().is_empty() {
            return Err("incident.title is empty".into());
        }
        for (i, pair) in self.injects.windows(2).enumerate() {
            if pair[1].at_minutes < pair[0].at_minutes {
                return Err(format!(
                    "injects[{}].at_minutes is earlier than the one before",
                    i + 1
                ));
            }
        }
        let mut ids = std::collections::HashSet::new();
        for (i, c) in self.readiness_checks.iter().enumerate() {
            if !ids.insert(c.id.as_str()) {
                return Err(format!("readiness_checks[{i}].id {:?} is used twice", c.id));
            }
        }
        Ok(())
    }
}

/// The answer to a readiness check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    Yes,
    No,
    NotChecked,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckAnswer {
    pub id: String,
    pub text: Bilingual,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<Answer>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answered: Option<Stamp>,
}

/// The drill part of a drill incident: where it came from, its clock and its answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DrillRun {
    pub scenario: String,
    #[serde(default = "empty_bilingual")]
    pub scenario_name: Bilingual,
    /// T+0 of the drill. Jumping ahead moves it back, so the drill's clock runs ahead.
    pub started_at: DateTime<Utc>,
    pub injects: Vec<Inject>,
    /// How many injects have come due and been logged.
    #[serde(default)]
    pub injects_logged: usize,
    pub checks: Vec<CheckAnswer>,
    /// Minutes the drill's clock was jumped ahead in all (tabletop runs).
    #[serde(default)]
    pub fast_forward_minutes: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_at: Option<DateTime<Utc>>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl DrillRun {
    pub fn new(scenario: &Scenario, started_at: DateTime<Utc>) -> DrillRun {
        DrillRun {
            scenario: scenario.id.clone(),
            scenario_name: scenario.name.clone(),
            started_at,
            injects: scenario.injects.clone(),
            injects_logged: 0,
            checks: scenario
                .readiness_checks
                .iter()
                .map(|c| CheckAnswer {
                    id: c.id.clone(),
                    text: c.text.clone(),
                    answer: None,
                    note: String::new(),
                    answered: None,
                })
                .collect(),
            fast_forward_minutes: 0,
            ended_at: None,
            extra: Map::new(),
        }
    }

    /// When an inject comes due.
    pub fn due_at(&self, inject: &Inject) -> DateTime<Utc> {
        self.started_at + Duration::minutes(i64::from(inject.at_minutes))
    }

    /// How many injects are due at `now`.
    pub fn due_count(&self, now: DateTime<Utc>) -> usize {
        self.injects
            .iter()
            .take_while(|i| self.due_at(i) <= now)
            .count()
    }

    /// The next inject not yet due, and when.
    pub fn next_inject(&self, now: DateTime<Utc>) -> Option<(&Inject, DateTime<Utc>)> {
        self.injects
            .iter()
            .map(|i| (i, self.due_at(i)))
            .find(|(_, at)| *at > now)
    }

    /// Minutes into the drill at `now`.
    pub fn elapsed(&self, now: DateTime<Utc>) -> Duration {
        now - self.started_at
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixtures::t;

    fn scenario() -> Scenario {
        serde_json::from_value(serde_json::json!({
            "schema_version": 1,
            "id": "failover",
            "name": {"ja": "切替", "en": "Failover"},
            "incident": {"title": {"ja": "拠点A停止", "en": "Site A down"},
                         "category": "operational.system_outage", "severity": 2,
                         "description": {"ja": "", "en": ""}},
            "injects": [
                {"at_minutes": 3, "text": {"ja": "上長が出ない", "en": "No answer"}},
                {"at_minutes": 8, "text": {"ja": "予備ルータ電源なし", "en": "Backup router unpowered"}}
            ],
            "readiness_checks": [{"id": "backup-powered", "text": {"ja": "電源", "en": "Power"}}]
        }))
        .unwrap()
    }

    #[test]
    fn injects_come_due_by_the_drill_clock() {
        let run = DrillRun::new(&scenario(), t("10:00"));
        assert_eq!(run.due_count(t("10:02:59")), 0);
        assert_eq!(run.due_count(t("10:03")), 1);
        assert_eq!(run.next_inject(t("10:03")).unwrap().1, t("10:08"));
        assert_eq!(run.due_count(t("11:00")), 2);
        assert!(run.next_inject(t("11:00")).is_none());
    }

    #[test]
    fn scenarios_are_checked_beyond_their_shape() {
        assert_eq!(scenario().validate(), Ok(()));
        let mut s = scenario();
        s.injects.swap(0, 1);
        assert!(s.validate().unwrap_err().contains("injects[1]"));
        let mut s = scenario();
        s.readiness_checks.push(s.readiness_checks[0].clone());
        assert!(s.validate().unwrap_err().contains("used twice"));
    }
}
