//! Years of incidents: when each was detected, who worked on it, and its planned changes
//! applied one by one, as the desk applies them.

use super::plan::{self, By, Ctx, Event, Stage};
use super::{Rng, Spec};
use chrono::{DateTime, Datelike, Duration, SubsecRound, Timelike, Utc, Weekday};
use serde_json::Map;
use shiftdesk_core::change::Stamped;
use shiftdesk_core::desk::{INCIDENTS_SCHEMA_VERSION, IncidentsFile};
use shiftdesk_core::incident::{Incident, IncidentId};
use shiftdesk_core::roster::{Contact, Roster};
use shiftdesk_store::drills::bundled;
use shiftdesk_store::playbooks_file::bundled_playbooks;
use std::collections::{HashMap, HashSet};

/// How far back the history goes.
const YEARS: i64 = 3;
/// Closed incidents were detected at least this long ago; open ones since.
const OPEN_WINDOW_DAYS: i64 = 3;

pub(super) fn build(spec: &Spec, roster: &Roster, now: DateTime<Utc>) -> IncidentsFile {
    let now = now.trunc_subsecs(0);
    let open = spec.open.min(spec.incidents);
    let closed = spec.incidents - open;
    let ctx = context(roster);
    let people = Operators::from(roster, spec.seed);
    let mut detected = closed_times(spec.seed, closed, now);
    detected.extend(open_times(spec.seed, open, now));
    let mut revision = 0;
    let incidents = detected
        .into_iter()
        .enumerate()
        .map(|(i, at)| {
            let mut rng = Rng::derive(spec.seed, 10, i as u64);
            let stage = if i < closed {
                Stage::Closed
            } else {
                open_stage(&mut rng, now - at)
            };
            // A drill is run in one sitting: an open one started recently.
            let drill = rng.one_in(3, 100) && (i < closed || now - at < Duration::hours(2));
            let names = people.for_incident(&mut rng);
            let rng = Rng::derive(spec.seed, 11, i as u64);
            let plan = plan::plan(&ctx, rng, at, stage, drill, now);
            let ids = Rng::derive(spec.seed, 12, i as u64);
            let stamped = place(plan, at, now, stage != Stage::Closed, &names, ids);
            revision += stamped.len() as u64;
            let mut incident = build_one(&stamped);
            incident.id = IncidentId::from_number(i as u32 + 1);
            std::sync::Arc::new(incident)
        })
        .collect();
    IncidentsFile {
        schema_version: INCIDENTS_SCHEMA_VERSION,
        revision,
        last_number: spec.incidents as u32,
        incidents,
        extra: Map::new(),
    }
}

fn context(roster: &Roster) -> Ctx<'_> {
    let mut contacts: HashMap<&str, &Contact> = HashMap::new();
    for c in &roster.contacts {
        contacts.entry(c.id.as_str()).or_insert(c);
    }
    // Measures go to the people on the routes, or to a team.
    let mut owners = Vec::new();
    let mut seen = HashSet::new();
    for id in roster
        .routes
        .iter()
        .flat_map(|r| &r.levels)
        .flat_map(|l| &l.contacts)
    {
        if let Some(c) = contacts.get(id.as_str())
            && seen.insert(c.name.as_str())
        {
            owners.push(c.name.clone());
        }
    }
    for c in &roster.contacts {
        if owners.len() >= 40 {
            break;
        }
        if !c.team.is_empty() && seen.insert(c.team.as_str()) {
            owners.push(c.team.clone());
        }
    }
    Ctx {
        roster,
        contacts,
        playbooks: bundled_playbooks(),
        scenarios: bundled(),
        owners,
    }
}

/// Applies the changes to a desk holding only this incident. Every change is one the desk
/// accepts; a refusal would be a bug in the plan.
fn build_one(stamped: &[Stamped]) -> Incident {
    let mut file = IncidentsFile::default();
    for s in stamped {
        let result = s.apply(&mut file);
        debug_assert!(result.is_ok(), "{:?} refused: {result:?}", s.change);
    }
    let last = file
        .incidents
        .pop()
        .unwrap_or_else(|| unreachable!("every plan starts by opening its incident"));
    std::sync::Arc::unwrap_or_clone(last)
}

/// The changes at their times: an open incident's changes up to `now`; a closed one's
/// squeezed, where needed, to end by then.
fn place(
    plan: plan::Plan,
    detected: DateTime<Utc>,
    now: DateTime<Utc>,
    open: bool,
    names: &[String; 3],
    mut ids: Rng,
) -> Vec<Stamped> {
    let name = |by: By| -> &str {
        match by {
            By::Opener => &names[0],
            By::Relief => &names[1],
            By::Lead => &names[2],
        }
    };
    // The changes come from the desk "gen"; their ids' random parts from the seed.
    let mut stamp = |e: Event, at: DateTime<Utc>| {
        let mut random = [0u8; 10];
        random[..8].copy_from_slice(&ids.next_u64().to_le_bytes());
        random[8..].copy_from_slice(&ids.next_u64().to_le_bytes()[..2]);
        Stamped::new(e.change, at, name(e.by), "gen", random)
    };
    if open {
        let latest = now - Duration::seconds(30);
        let mut out = Vec::new();
        for (k, e) in plan.events.into_iter().enumerate() {
            let at = detected + Duration::seconds(e.at);
            match k {
                0 => out.push(stamp(e, at.min(latest))),
                _ if at <= latest => out.push(stamp(e, at)),
                _ => break,
            }
        }
        return out;
    }
    let budget = (now - Duration::hours(1) - detected).num_seconds().max(0) as f64;
    let core = plan.events.last().map_or(0, |e| e.at) as f64;
    let after = plan.after.last().map_or(0, |e| e.at) as f64;
    let (core_scale, after_scale) = if core + after <= budget {
        (1.0, 1.0)
    } else {
        let core_budget = core.min(budget * 0.7);
        let core_scale = if core > 0.0 { core_budget / core } else { 1.0 };
        let after_scale = if after > 0.0 {
            ((budget - core_budget) / after).min(1.0)
        } else {
            1.0
        };
        (core_scale, after_scale)
    };
    let scaled = |at: i64, scale: f64| Duration::seconds((at as f64 * scale) as i64);
    let mut out = Vec::with_capacity(plan.events.len() + plan.after.len());
    let mut closed_at = detected;
    for e in plan.events {
        closed_at = detected + scaled(e.at, core_scale);
        out.push(stamp(e, closed_at));
    }
    for e in plan.after {
        let at = closed_at + scaled(e.at, after_scale);
        out.push(stamp(e, at));
    }
    out
}

/// How far an open incident has come, by its age.
fn open_stage(rng: &mut Rng, age: Duration) -> Stage {
    let stages = [Stage::Report, Stage::Assess, Stage::Interim, Stage::Review];
    let weights: &[u32] = match age.num_minutes() {
        0..30 => &[50, 50, 0, 0],
        30..180 => &[10, 45, 45, 0],
        180..1440 => &[0, 15, 55, 30],
        _ => &[0, 0, 35, 65],
    };
    stages[rng.weighted(weights)]
}

/// Detection times of the closed incidents, oldest first: over the three years before the
/// open window, more often on weekday working hours (Japan time) than at night.
fn closed_times(seed: u64, count: usize, now: DateTime<Utc>) -> Vec<DateTime<Utc>> {
    let mut rng = Rng::derive(seed, 20, 0);
    let end = now - Duration::days(OPEN_WINDOW_DAYS + 1);
    let start = now - Duration::days(365 * YEARS);
    let span = (end - start).num_seconds().max(1);
    let mut out = Vec::with_capacity(count);
    while out.len() < count {
        let at = start + Duration::seconds(rng.range(0, span));
        let jst = at + Duration::hours(9);
        let hour_weight = match jst.hour() {
            9..18 => 10,
            7..9 | 18..22 => 6,
            _ => 3,
        };
        let day_weight = match jst.weekday() {
            Weekday::Sat | Weekday::Sun => 5,
            _ => 10,
        };
        if rng.below(100) < hour_weight * day_weight {
            out.push(at);
        }
    }
    out.sort();
    out
}

/// Detection times of the open incidents, oldest first: from minutes to three days ago,
/// most of them recent.
fn open_times(seed: u64, count: usize, now: DateTime<Utc>) -> Vec<DateTime<Utc>> {
    let mut rng = Rng::derive(seed, 21, 0);
    let (lo, hi) = (
        (5.0 * 60.0f64).ln(),
        ((OPEN_WINDOW_DAYS * 86_400) as f64).ln(),
    );
    let mut ages: Vec<i64> = (0..count)
        .map(|_| (lo + rng.unit() * (hi - lo)).exp() as i64)
        .collect();
    ages.sort_by(|a, b| b.cmp(a));
    ages.into_iter()
        .map(|age| now - Duration::seconds(age))
        .collect()
}

/// The names operators go by: some by their name as the roster has it, some by their login.
struct Operators {
    operators: Vec<String>,
    leads: Vec<String>,
}

impl Operators {
    fn from(roster: &Roster, seed: u64) -> Operators {
        let mut rng = Rng::derive(seed, 30, 0);
        let on_shift = |c: &&Contact| {
            c.role.contains("オペレーター") || c.role == "Operator" || c.role == "チームリーダー"
        };
        let mut pool: Vec<&Contact> = roster.contacts.iter().filter(on_shift).take(80).collect();
        if pool.is_empty() {
            pool = roster.contacts.iter().take(40).collect();
        }
        let mut operators: Vec<String> = pool
            .iter()
            .map(|c| {
                if rng.percent(55) {
                    c.name.clone()
                } else {
                    login(c, &mut rng)
                }
            })
            .collect();
        if operators.is_empty() {
            operators = ["operator", "nightshift", "yamada", "k.tanaka", "jsmith"]
                .map(String::from)
                .to_vec();
        }
        let mut leads: Vec<String> = roster
            .contacts
            .iter()
            .filter(|c| {
                ["当直責任者", "シフトリーダー", "チームリーダー"].contains(&c.role.as_str())
            })
            .take(30)
            .map(|c| c.name.clone())
            .collect();
        if leads.is_empty() {
            leads = operators.clone();
        }
        Operators { operators, leads }
    }

    /// The opener, the operator of the next shift, and the shift lead.
    fn for_incident(&self, rng: &mut Rng) -> [String; 3] {
        let opener = rng.below(self.operators.len());
        let relief =
            (opener + 1 + rng.below(self.operators.len().max(2) - 1)) % self.operators.len();
        [
            self.operators[opener].clone(),
            self.operators[relief].clone(),
            rng.pick(&self.leads).clone(),
        ]
    }
}

/// A login name made from the contact: `hsato`, `sato.h`, `sato-hanako`, `ebrown`.
fn login(c: &Contact, rng: &mut Rng) -> String {
    let (family, given) = if c.name.is_ascii() {
        let mut words = c.name.split_whitespace();
        let given = words.next().unwrap_or_default().to_lowercase();
        (words.next().unwrap_or_default().to_lowercase(), given)
    } else {
        let mut parts = c.id.split('-');
        let family = parts.next().unwrap_or_default().to_string();
        (family, parts.next().unwrap_or_default().to_string())
    };
    let initial: String = given.chars().take(1).collect();
    match rng.below(3) {
        0 => format!("{initial}{family}"),
        1 => format!("{family}.{initial}"),
        _ => format!("{family}-{given}"),
    }
}
