//! The handover: what the next shift needs to know, read at shift change. Open incidents
//! with what to do next and what is due, incidents closed during the shift, and measures
//! against recurrence that fall due. It is read later: every deadline is a clock time, with
//! how far off it was as of the handover. Drills never appear in it.

use super::duration_words;
use super::markdown::{Doc, heading, inline};
use super::{closed_without_review, local_date, zone_name};
use crate::clock::Zone;
use crate::desk::by_urgency;
use crate::escalation::{next_update_due, route_progress};
use crate::i18n::{self, Lang, Msg, fill, t};
use crate::incident::{AttemptOutcome, ContactAttempt, Incident};
use crate::next_action::{NextAction, next_action, sentence};
use crate::record::Measure;
use crate::roster::{Means, Roster};
use chrono::{DateTime, Days, NaiveDate, Utc};
use std::borrow::Borrow;

/// What the reader needs for one handover: the words, the zone and the clock.
struct Ctx<'a> {
    roster: &'a Roster,
    lang: Lang,
    zone: &'a Zone,
    now: DateTime<Utc>,
}

impl Ctx<'_> {
    fn w(&self, msg: Msg) -> &'static str {
        t(self.lang, msg)
    }

    /// A deadline as a reader needs it later: the clock time, and how far off it was when
    /// the handover was made: `14:32 (in 2 min, as of 14:30)`.
    fn due(&self, due: DateTime<Utc>) -> String {
        let (when, now) = (
            self.zone.clock(due, self.now),
            self.zone.clock(self.now, self.now),
        );
        let (msg, key, gap) = if due < self.now {
            (Msg::DocDueOverdueAsOf, "late", self.now - due)
        } else {
            (Msg::DocDueInAsOf, "left", due - self.now)
        };
        let gap = duration_words(self.lang, gap);
        fill(
            self.lang,
            msg,
            &[("due", &when), (key, &gap), ("now", &now)],
        )
    }

    /// The next action, without a countdown of its own: the deadlines after it give the
    /// times, as of the handover.
    fn next(&self, inc: &Incident) -> String {
        let next = next_action(inc, self.roster, self.now);
        let words = match &next {
            NextAction::Call {
                contact,
                means,
                again: false,
                ..
            } => {
                let address = match means {
                    Means::Phone => contact.primary_phone().unwrap_or_default(),
                    Means::Email | Means::Chat => contact.email.as_str(),
                };
                fill(
                    self.lang,
                    Msg::DocNextCall,
                    &[
                        ("means", i18n::means(self.lang, *means)),
                        ("name", &contact.name),
                        ("role", &contact.role),
                        ("address", address),
                    ],
                )
            }
            NextAction::GiveUpdate { contact, .. } => {
                let name = contact.map_or("", |c| c.name.as_str());
                let address = contact.and_then(|c| c.primary_phone()).unwrap_or_default();
                let args = [("name", name), ("address", address)];
                fill(self.lang, Msg::DocNextGiveUpdate, &args)
            }
            _ => sentence(&next, inc, self.lang, self.zone, self.now),
        };
        inline(&words)
    }

    /// A section: its heading, then the items (list items, or blocks of several lines
    /// separated by blank lines), or "none" when there are no items.
    fn section(&self, doc: &mut Doc, title: &str, items: Vec<String>) {
        doc.heading(2, title);
        if items.is_empty() {
            doc.push(format!("- {}", self.w(Msg::DocNone)));
        }
        for item in items {
            if item.contains('\n') {
                doc.paragraph(item);
            } else {
                doc.push(item);
            }
        }
        if !doc.ends_blank() {
            doc.push("");
        }
    }
}

/// Follow-ups are listed when overdue or due within this many days.
const FOLLOW_UP_DAYS: u64 = 7;

/// The shift window for the heading: the end without its date when it is the same day.
fn window(zone: &Zone, since: DateTime<Utc>, now: DateTime<Utc>) -> (String, String) {
    let to = if local_date(zone, since) == local_date(zone, now) {
        zone.format(now, "%H:%M")
    } else {
        zone.date_time(now)
    };
    (zone.date_time(since), to)
}

/// The handover for the shift from `since` to `now`, in the reader's language, times in
/// `zone`: open incidents most urgent first, incidents closed during the shift, measures
/// against recurrence overdue or due within seven days. Drills are left out of every section.
pub fn handover_text(
    incidents: &[impl Borrow<Incident>],
    roster: &Roster,
    since: DateTime<Utc>,
    lang: Lang,
    zone: &Zone,
    now: DateTime<Utc>,
) -> String {
    let ctx = Ctx {
        roster,
        lang,
        zone,
        now,
    };
    let mut doc = Doc::default();
    let (from, to) = window(zone, since, now);
    let zone_name = zone_name(zone, now);
    let args = [("from", from.as_str()), ("to", &to), ("zone", &zone_name)];
    doc.heading(1, &fill(lang, Msg::DocHandoverHeading, &args));

    let open = by_urgency(incidents, roster, now, |i| i.is_open() && !i.drill);
    let items: Vec<String> = open
        .iter()
        .map(|&n| open_incident(&ctx, incidents[n].borrow()))
        .collect();
    let count = items.len().to_string();
    let title = fill(lang, Msg::DocOpenHeading, &[("n", &count)]);
    ctx.section(&mut doc, &title, items);

    let mut closed: Vec<&Incident> = incidents
        .iter()
        .map(Borrow::borrow)
        .filter(|i| !i.is_open() && !i.drill && i.closed_at.is_some_and(|c| c >= since))
        .collect();
    closed.sort_by_key(|i| (i.closed_at, i.id.clone()));
    let items: Vec<String> = closed.iter().map(|i| closed_line(&ctx, i)).collect();
    let count = items.len().to_string();
    let title = fill(lang, Msg::DocClosedHeading, &[("n", &count)]);
    ctx.section(&mut doc, &title, items);

    // Obligations outlive their incidents: those of closed ones, when any are still to do.
    let items =
        super::duties::closed_obligations(incidents.iter().map(Borrow::borrow), lang, zone, now);
    if !items.is_empty() {
        let count = items.len().to_string();
        let title = fill(lang, Msg::DocClosedObligationsHeading, &[("n", &count)]);
        ctx.section(&mut doc, &title, items);
    }

    let until = local_date(zone, now).and_then(|d| d.checked_add_days(Days::new(FOLLOW_UP_DAYS)));
    let items = until.map_or_else(Vec::new, |until| follow_ups(&ctx, incidents, until));
    let date = until.map_or_else(String::new, |d| d.format("%Y-%m-%d").to_string());
    let count = items.len().to_string();
    let title = fill(
        lang,
        Msg::DocFollowUpsHeading,
        &[("date", &date), ("n", &count)],
    );
    ctx.section(&mut doc, &title, items);
    doc.finish()
}

/// One open incident: a heading, then its state, next action, deadlines and call-backs.
fn open_incident(ctx: &Ctx<'_>, inc: &Incident) -> String {
    let lang = ctx.lang;
    let mut lines = vec![
        heading(3, &format!("{} {}", inc.id, inc.title)),
        String::new(),
    ];
    let phase = inc
        .current_phase()
        .map_or(t(lang, Msg::PhaseAllDone), |p| i18n::phase(lang, p));
    let detected = fill(
        lang,
        Msg::DocDetectedBeforeHandover,
        &[
            ("age", &duration_words(lang, inc.age(ctx.now))),
            ("when", &ctx.zone.clock(inc.detected_at, ctx.now)),
        ],
    );
    lines.push(format!(
        "- {}: {} · {}: {} · {detected}",
        t(lang, Msg::FieldSeverity),
        i18n::severity(lang, inc.severity),
        t(lang, Msg::WordPhase),
        phase,
    ));
    lines.push(format!("- {}", ctx.next(inc)));
    let progress = route_progress(inc, ctx.roster, ctx.now);
    if let Some(deadline) = progress.current_deadline() {
        let line = fill(lang, Msg::DocReportDue, &[("due", &ctx.due(deadline))]);
        lines.push(format!("- {}", inline(&line)));
    }
    if let Some(update) = next_update_due(inc, &progress, ctx.roster) {
        let line = fill(lang, Msg::DocUpdateDue, &[("due", &ctx.due(update))]);
        lines.push(format!("- {}", inline(&line)));
    }
    let reading = super::duties::Reading {
        roster: ctx.roster,
        lang,
        zone: ctx.zone,
        now: ctx.now,
    };
    lines.extend(super::duties::handover_lines(inc, &reading));
    for attempt in callbacks_pending(inc) {
        let contact = ctx.roster.contact(&attempt.contact);
        let mut name = contact.map_or(attempt.contact.clone(), |c| c.name.clone());
        if let Some(phone) = contact.and_then(|c| c.primary_phone()) {
            name = format!("{name} {phone}");
        }
        let line = fill(
            lang,
            Msg::DocCallbackPending,
            &[
                ("name", &name),
                ("when", &ctx.zone.clock(attempt.at, ctx.now)),
            ],
        );
        lines.push(format!("- {}", inline(&line)));
    }
    lines.join("\n")
}

/// The attempts after which a call back is awaited: per contact, the latest attempt, when
/// it left a message (so nobody reached that contact since). In the order they were made.
pub(super) fn callbacks_pending(inc: &Incident) -> Vec<&ContactAttempt> {
    let mut latest: Vec<&ContactAttempt> = Vec::new();
    for a in &inc.attempts {
        match latest.iter_mut().find(|l| l.contact == a.contact) {
            Some(l) if a.at >= l.at => *l = a,
            Some(_) => {}
            None => latest.push(a),
        }
    }
    latest.retain(|a| a.outcome == AttemptOutcome::LeftMessage);
    latest.sort_by_key(|a| a.at);
    latest
}

fn closed_line(ctx: &Ctx<'_>, inc: &Incident) -> String {
    let when = inc
        .closed_at
        .map_or_else(String::new, |c| ctx.zone.clock(c, ctx.now));
    let id = inc.id.0.as_str();
    let title = inline(&inc.title);
    let line = match closed_without_review(inc) {
        Some(entry) => fill(
            ctx.lang,
            Msg::DocClosedNoReviewLine,
            &[
                ("id", id),
                ("title", &title),
                ("when", &when),
                ("reason", &inline(&entry.text)),
            ],
        ),
        None => fill(
            ctx.lang,
            Msg::DocClosedLine,
            &[("id", id), ("title", &title), ("when", &when)],
        ),
    };
    format!("- {line}")
}

/// Measures not done, of live incidents open or closed, due by `until`: earliest first.
fn follow_ups(ctx: &Ctx<'_>, incidents: &[impl Borrow<Incident>], until: NaiveDate) -> Vec<String> {
    let mut due: Vec<(NaiveDate, &Incident, &Measure)> = incidents
        .iter()
        .map(Borrow::borrow)
        .flat_map(|i| i.open_follow_ups().map(move |m| (i, m)))
        .filter_map(|(i, m)| m.due.filter(|d| *d <= until).map(|d| (d, i, m)))
        .collect();
    due.sort_by(|a, b| (a.0, &a.1.id, a.2.id).cmp(&(b.0, &b.1.id, b.2.id)));
    let today = local_date(ctx.zone, ctx.now);
    due.into_iter()
        .map(|(date, inc, m)| {
            let day = date.format("%Y-%m-%d").to_string();
            let days = today.map(|t| (date - t).num_days());
            let mark = match days {
                Some(..0) => Some(ctx.w(Msg::DocOverdue).to_string()),
                Some(0) => Some(ctx.w(Msg::DocToday).to_string()),
                Some(1) => Some(ctx.w(Msg::DocTomorrow).to_string()),
                Some(n) => Some(fill(ctx.lang, Msg::DocInDays, &[("n", &n.to_string())])),
                None => None,
            };
            let due = match mark {
                Some(mark) => fill(
                    ctx.lang,
                    Msg::DocDueWithMark,
                    &[("date", &day), ("mark", &mark)],
                ),
                None => day,
            };
            let owner = if m.owner.trim().is_empty() {
                ctx.w(Msg::DocOwnerUnset).to_string()
            } else {
                inline(&m.owner)
            };
            let line = fill(
                ctx.lang,
                Msg::DocFollowUpLine,
                &[
                    ("id", &inc.id.0),
                    ("n", &m.id.to_string()),
                    ("text", &inline(&m.text)),
                    ("owner", &owner),
                    ("due", &due),
                ],
            );
            format!("- {line}")
        })
        .collect()
}
