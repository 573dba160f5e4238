//! The life of one incident as the changes an operator would make, each at a time counted
//! in seconds from detection. The changes are the desk's own; applying them builds the
//! incident exactly as the desk would have saved it.

mod phases;
mod route;
mod steps;

use super::Rng;
use super::texts::{self, Fill, Kind, T};
use chrono::{DateTime, Duration, FixedOffset, Utc};
use serde_json::Map;
use shiftdesk_core::category::Category;
use shiftdesk_core::change::{Change, NewIncident, Reclassification, Reported};
use shiftdesk_core::desk::IncidentsFile;
use shiftdesk_core::drill::result::drill_incident;
use shiftdesk_core::drill::{Answer, Scenario};
use shiftdesk_core::i18n::{self, Lang};
use shiftdesk_core::incident::{AttemptOutcome, IncidentId, ResolvedRoute};
use shiftdesk_core::playbook::{CategoryPlaybook, Phase, Playbooks, StepRole};
use shiftdesk_core::record::{Effect, MeasureInput, ReviewInput, Scope};
use shiftdesk_core::roster::{Contact, Roster};
use shiftdesk_core::severity::Severity;
use std::collections::{HashMap, HashSet};

/// Japan Standard Time, for the dates and times operators write.
const JST: FixedOffset = match FixedOffset::east_opt(9 * 3600) {
    Some(offset) => offset,
    None => panic!("nine hours is a valid offset"),
};

/// Who makes a change: the operator who opened the incident, the one on the next shift,
/// or the shift lead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum By {
    Opener,
    Relief,
    Lead,
}

pub(super) struct Event {
    /// Seconds from detection (or, for the events after closing, from the close).
    pub at: i64,
    pub by: By,
    pub change: Change,
}

/// How far an incident has come: the last phase worked on. `Closed` runs them all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stage {
    Report,
    Assess,
    Interim,
    Review,
    Closed,
}

/// What every incident is planned from.
pub(super) struct Ctx<'a> {
    pub roster: &'a Roster,
    pub contacts: HashMap<&'a str, &'a Contact>,
    pub playbooks: Playbooks,
    pub scenarios: Vec<Scenario>,
    /// Names measures are given to: people on routes, and teams.
    pub owners: Vec<String>,
}

pub(super) struct Plan {
    pub events: Vec<Event>,
    /// Measures marked done after the close, timed from it.
    pub after: Vec<Event>,
}

struct Planner<'c> {
    ctx: &'c Ctx<'c>,
    rng: Rng,
    fill: Fill,
    kind: &'static Kind,
    /// Which title, description and cause of the kind this incident has.
    variant: usize,
    title: String,
    category: Category,
    severity: Severity,
    /// The steps the incident has: its category's for its kind.
    book: CategoryPlaybook,
    /// The kind of the category the incident has (the playbook's, not `kind` above).
    playbook_kind: Option<String>,
    route: Option<ResolvedRoute>,
    detected: DateTime<Utc>,
    done: HashSet<String>,
    reached: bool,
    drill: bool,
    /// A drill run from a scenario: it ends as a drill, not with a close.
    from_scenario: bool,
    /// The phase being worked on is the incident's last for now: leave it part done.
    partial: bool,
    /// The incident is not closed yet.
    still_open: bool,
    by: By,
    t: i64,
    events: Vec<Event>,
}

/// The category an incident is reclassified to, when it is.
fn reclassified(from: Category) -> Option<&'static [Category]> {
    match from {
        Category::Other => Some(&[
            Category::SystemOutage,
            Category::OperationMistake,
            Category::Security,
        ]),
        Category::SystemOutage => Some(&[Category::OperationMistake]),
        _ => None,
    }
}

/// The kind of incident a bundled scenario plays.
fn scenario_kind(id: &str) -> Option<usize> {
    match id {
        "system-outage" | "misdirected-email" | "lost-pc" => Some(0),
        "network-failover" | "lost-id-card" => Some(1),
        _ => None,
    }
}

pub(super) fn plan(
    ctx: &Ctx,
    mut rng: Rng,
    detected: DateTime<Utc>,
    stage: Stage,
    drill: bool,
    now: DateTime<Utc>,
) -> Plan {
    let ja = rng.percent(75);
    let scenario = if drill && rng.percent(80) && !ctx.scenarios.is_empty() {
        Some(rng.pick(&ctx.scenarios).clone())
    } else {
        None
    };
    let category = match &scenario {
        Some(s) => s.incident.category,
        None => Category::ALL[rng.weighted(&[8, 20, 9, 24, 16, 7, 10, 6])],
    };
    let kinds = texts::kinds(category);
    let kind_index = scenario
        .as_ref()
        .and_then(|s| scenario_kind(&s.id))
        .filter(|i| *i < kinds.len())
        .unwrap_or_else(|| rng.below(kinds.len()));
    let kind = &kinds[kind_index];
    let site = *rng.pick(super::names::SITES);
    let fill = Fill {
        ja,
        sys: *rng.pick(texts::SYSTEMS),
        app: *rng.pick(texts::APPS),
        site: [site.0, site.1],
        dev: *rng.pick(texts::DEVICES),
        tool: *rng.pick(texts::TOOLS),
        doc: *rng.pick(texts::DOCS),
        n: rng.range(kind.count.0 as i64, kind.count.1 as i64) as u64,
    };
    let severity = scenario.as_ref().map_or_else(
        || Severity::ALL[rng.weighted(severity_weights(category))],
        |s| s.incident.severity,
    );
    let variant = rng.below(1 << 16);
    let mut p = Planner {
        ctx,
        rng,
        fill,
        kind,
        variant,
        title: String::new(),
        category,
        severity,
        book: CategoryPlaybook::default(),
        playbook_kind: None,
        route: ctx
            .roster
            .route_for(category, severity)
            .map(|r| r.resolve()),
        detected,
        done: HashSet::new(),
        reached: false,
        drill,
        from_scenario: scenario.is_some(),
        partial: false,
        still_open: stage != Stage::Closed,
        by: By::Opener,
        t: 0,
        events: Vec::new(),
    };
    let lang = if ja { Lang::Ja } else { Lang::En };
    let new = match &scenario {
        Some(s) => drill_incident(s, &ctx.playbooks, ctx.roster, lang, detected)
            .unwrap_or_else(|| p.new_incident()),
        None => {
            // Most incidents are opened within minutes; some from a log found later.
            p.t = if p.rng.percent(90) {
                p.rng.range(60, 15 * 60)
            } else {
                p.rng.range(15 * 60, 90 * 60)
            };
            p.new_incident()
        }
    };
    p.title = new.title.clone();
    p.playbook_kind = new.kind.as_ref().map(|k| k.id.clone());
    p.book = book_for(ctx, category).for_kind(p.playbook_kind.as_deref());
    p.push(Change::Open(Box::new(new)));
    p.run(stage);
    if let Some(s) = &scenario {
        p.drill_injects_and_end(s, stage);
    }
    if stage != Stage::Closed {
        p.keep_updating((now - detected).num_seconds());
    }
    let after = if stage == Stage::Closed {
        p.measures_done()
    } else {
        Vec::new()
    };
    Plan {
        events: p.events,
        after,
    }
}

/// The entry at `n`, counting round.
fn nth(texts: &'static [T], n: usize) -> &'static T {
    &texts[n % texts.len()]
}

fn severity_weights(category: Category) -> &'static [u32] {
    match category {
        Category::SystemOutage => &[10, 30, 40, 20],
        Category::Security => &[5, 25, 45, 25],
        Category::OperationMistake => &[4, 20, 46, 30],
        Category::DocError => &[1, 5, 40, 54],
        Category::OutOfScope => &[1, 3, 36, 60],
        _ => &[3, 17, 45, 35],
    }
}

/// What a category without a playbook has: no steps.
static NO_STEPS: CategoryPlaybook = CategoryPlaybook {
    report: Vec::new(),
    assess_scope: Vec::new(),
    interim_fix: Vec::new(),
    review: Vec::new(),
    kinds: Vec::new(),
};

/// The playbook of `category`.
fn book_for<'c>(ctx: &'c Ctx, category: Category) -> &'c CategoryPlaybook {
    ctx.playbooks.for_category(category).unwrap_or(&NO_STEPS)
}

impl Planner<'_> {
    fn text(&self, t: &T) -> String {
        self.fill.text(t)
    }

    fn pick_text(&mut self, pool: &[T]) -> String {
        let t = *self.rng.pick(pool);
        self.text(&t)
    }

    /// Moves the clock on by between `lo` and `hi` minutes (drills run four times faster).
    fn gap(&mut self, lo: i64, hi: i64) {
        let secs = self.rng.range(lo * 60, hi * 60);
        self.t += if self.drill { secs / 4 } else { secs };
    }

    fn push(&mut self, change: Change) {
        self.events.push(Event {
            at: self.t,
            by: self.by,
            change,
        });
    }

    /// The id changes are addressed to while the incident is built alone: the one an
    /// empty file gives.
    fn id(&self) -> IncidentId {
        IncidentsFile::default().next_id()
    }

    fn new_incident(&mut self) -> NewIncident {
        let kind = self.kind;
        let reported = Reported {
            title: self.text(nth(kind.titles, self.variant)),
            category: self.category,
            kind: None,
            severity: self.severity,
            detected_at: self.detected,
            description: self.text(nth(kind.descriptions, self.variant)),
        };
        let book = book_for(self.ctx, self.category);
        let new = NewIncident::new(reported, book, self.ctx.roster);
        if self.drill { new.as_drill(None) } else { new }
    }

    /// Works the phases up to `stage`, leaving that one part done; `Closed` works them all
    /// and closes (a drill from a scenario is ended later, as a drill).
    fn run(&mut self, stage: Stage) {
        for phase in [Stage::Report, Stage::Assess, Stage::Interim, Stage::Review] {
            self.partial = phase == stage;
            match phase {
                Stage::Report => self.report(),
                Stage::Assess => self.assess(),
                Stage::Interim => self.interim(),
                _ => self.review(),
            }
            if phase == stage {
                return;
            }
        }
        self.partial = false;
        if !self.from_scenario {
            self.close();
        }
    }

    fn note(&mut self, pool: &[T]) {
        let text = self.pick_text(pool);
        self.push(Change::Note {
            incident: self.id(),
            text,
        });
    }

    /// A status update, the severity's cadence after the last one.
    fn update(&mut self) {
        let cadence = i64::from(self.ctx.roster.update_cadence(self.severity));
        self.gap(cadence * 3 / 4, cadence);
        let change = self.update_at(self.t);
        self.push(change);
    }

    /// The status update given at `at`, in the words that fit how far the fix has come.
    fn update_at(&mut self, at: i64) -> Change {
        let mut fix = 0;
        for e in self.events.iter().filter(|e| e.at <= at) {
            if let Change::InterimAction { effect, .. } = e.change {
                fix = fix.max(if effect == Effect::Worked { 2 } else { 1 });
            }
        }
        let cadence = self.ctx.roster.update_cadence(self.severity);
        let text = self
            .pick_text(texts::UPDATES[fix])
            .replace("{cadence}", &cadence.to_string());
        Change::UpdateSent {
            incident: self.id(),
            text,
        }
    }
}
