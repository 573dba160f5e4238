//! A route level that names a rotation calls the person on duty when the level becomes the
//! one to call. Who that was is picked then, carried in the change, and kept on the
//! incident's copy of the level: applying the change again picks nobody anew.

use super::{OnDuty, Rotation};
use crate::clock::Zone;
use crate::i18n::{Lang, Msg, fill, t};
use crate::incident::ResolvedRoute;
use crate::roster::{Roster, RouteLevel};
use crate::text::safe_line;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Whom a level's rotation resolved to, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OnDutyPick {
    /// The rotation's id.
    pub rotation: String,
    /// The rotation's name as the roster had it then (empty: the roster has no such rotation).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// The zone its shifts are counted in (kept for the record: the desk tells the shift in
    /// the operator's zone, as every other time).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub zone: String,
    /// The contact on duty; None: nobody was (a gap, or no such rotation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub by_override: bool,
    /// When it was picked.
    pub at: DateTime<Utc>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl OnDutyPick {
    /// Who of `rotation` is on duty at `at` (`rotation`: the id a level names, and the
    /// rotation of that id if the roster has it).
    pub fn of(id: &str, rotation: Option<&Rotation>, at: DateTime<Utc>) -> OnDutyPick {
        let on: Option<OnDuty> = rotation.and_then(|r| r.on_duty(at));
        OnDutyPick {
            rotation: id.to_string(),
            name: rotation.map(|r| r.label().to_string()).unwrap_or_default(),
            zone: rotation
                .map(|r| r.zone.0.name().to_string())
                .unwrap_or_default(),
            person: on.as_ref().map(|o| o.person.clone()),
            from: on.as_ref().map(|o| o.from),
            until: on.as_ref().map(|o| o.until),
            by_override: on.as_ref().is_some_and(|o| o.by_override),
            at,
            extra: Map::new(),
        }
    }

    /// The rotation's name as picked, else its id.
    pub fn label(&self) -> &str {
        if self.name.is_empty() {
            &self.rotation
        } else {
            &self.name
        }
    }

    /// Its shift as the reader's clock (`zone`, the one every other time on the desk is
    /// told in) tells it: `20:00–08:00`, with the dates when it lasts a day or more.
    pub fn shift_words(&self, zone: &Zone) -> Option<String> {
        let (from, until) = (self.from?, self.until?);
        let fmt = if until - from >= chrono::Duration::hours(24) {
            "%m-%d %H:%M"
        } else {
            "%H:%M"
        };
        Some(format!(
            "{}–{}",
            zone.format(from, fmt),
            zone.format(until, fmt)
        ))
    }

    /// What the timeline says of it: `Night on-call → 佐藤 花子 (on duty 20:00–08:00)`, or
    /// that nobody was on duty and whom the level calls instead. Made safe for display.
    pub fn words(&self, roster: &Roster, fallback: bool, lang: Lang, zone: &Zone) -> String {
        let rotation = safe_line(self.label());
        let Some(person) = &self.person else {
            let msg = if fallback {
                Msg::OnDutyNobodyFallback
            } else {
                Msg::OnDutyNobody
            };
            return fill(lang, msg, &[("rotation", &rotation)]);
        };
        let name = roster.contact(person).map_or(person.as_str(), |c| &c.name);
        let msg = if self.by_override {
            Msg::OnDutyCovering
        } else {
            Msg::OnDutyResolved
        };
        let shift = self.shift_words(zone).unwrap_or_default();
        fill(
            lang,
            msg,
            &[
                ("rotation", &rotation),
                ("name", &safe_line(name)),
                ("shift", &shift),
            ],
        )
    }
}

impl RouteLevel {
    /// Whom the level calls: the person its rotation resolved to (when picked, and not
    /// also among its contacts), then its fixed contacts.
    pub fn contact_ids(&self) -> impl Iterator<Item = &String> {
        let picked = self
            .on_duty
            .as_ref()
            .and_then(|p| p.person.as_ref())
            .filter(|p| !self.contacts.contains(p));
        picked.into_iter().chain(self.contacts.iter())
    }

    /// Whether the level's rotation still has to be resolved for the turn of the level that
    /// started at `started`: it names one, and nobody was picked since.
    pub fn needs_pick(&self, started: DateTime<Utc>) -> bool {
        self.rotation.is_some() && self.on_duty.as_ref().is_none_or(|p| p.at < started)
    }
}

impl Roster {
    /// Who of the rotation named `id` is on duty at `at`.
    pub fn pick_on_duty(&self, id: &str, at: DateTime<Utc>) -> OnDutyPick {
        OnDutyPick::of(id, self.rotation(id), at)
    }
}

impl ResolvedRoute {
    /// Resolves the first level's rotation, if it names one, at `at`: the incident is
    /// recorded, or its route resolved again, and that level is the one to call.
    pub fn with_first_on_duty(mut self, roster: &Roster, at: DateTime<Utc>) -> ResolvedRoute {
        if let Some(level) = self.levels.first_mut()
            && let Some(id) = &level.rotation
        {
            level.on_duty = Some(roster.pick_on_duty(id, at));
        }
        self
    }
}

/// The words of the rotation label in a language: a name written `English / 日本語`, as
/// the roster's names are, gives the part for the language.
pub fn name_in(name: &str, lang: Lang) -> &str {
    match name.split_once(" / ") {
        Some((en, ja)) => match lang {
            Lang::En => en.trim(),
            Lang::Ja => ja.trim(),
        },
        None => name,
    }
}

/// "nobody on duty", in words.
pub fn nobody(lang: Lang) -> &'static str {
    t(lang, Msg::OnDutyNone)
}

#[cfg(test)]
mod zone_tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_shift_is_told_in_the_operators_zone_like_every_other_time() {
        let roster: Roster =
            serde_json::from_str(include_str!("../../../../../assets/roster.sample.json")).unwrap();
        let leader = roster.rotation("shift-leader").unwrap();
        // 14:30 in Tokyo: the 08:00–20:00 shift, counted in Asia/Tokyo.
        let at = Utc.with_ymd_and_hms(2026, 12, 1, 5, 30, 0).unwrap();
        let pick = OnDutyPick::of("shift-leader", Some(leader), at);
        let tokyo = Zone::Named(chrono_tz::Asia::Tokyo);
        let utc = Zone::Named(chrono_tz::UTC);
        assert_eq!(pick.shift_words(&tokyo).as_deref(), Some("08:00–20:00"));
        assert_eq!(pick.shift_words(&utc).as_deref(), Some("23:00–11:00"));
        assert!(
            pick.words(&roster, false, Lang::En, &utc)
                .contains("(on duty 23:00–11:00)")
        );
    }
}
