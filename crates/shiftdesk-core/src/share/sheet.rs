//! The contact sheet for the wall and the phone: each route with its levels, deadlines and
//! numbers, who is on duty this week, and when and by whom the flow was signed off. One
//! page: as Markdown here, as HTML in `sheet_html.rs`.

use super::markdown::{Doc, inline};
use crate::clock::Zone;
use crate::flow::{SignOff, short};
use crate::i18n::{self, Lang, Msg, fill, t};
use crate::roster::{Means, Roster, Route};
use crate::text::safe_line;
use chrono::{DateTime, Utc};

/// Who is on duty in one rotation's shift of the week.
#[derive(Debug, Clone, PartialEq)]
pub struct OnDuty {
    pub rotation: String,
    /// The shift, as the reader reads it (`Mon 08:00–20:00`).
    pub when: String,
    pub who: String,
}

/// Who is on duty in the week from `from`, rotation by rotation: each shift (or override)
/// that overlaps the seven days, in order, with the person's name and first number.
pub fn on_duty_this_week(roster: &Roster, from: DateTime<Utc>, zone: &Zone) -> Vec<OnDuty> {
    /// A rotation of hourly shifts has 168 in a week; more is a loop, not a roster.
    const MOST: usize = 200;
    let end = from + chrono::Duration::days(7);
    let mut out = Vec::new();
    for rotation in &roster.rotations {
        let mut at = from;
        for _ in 0..MOST {
            let Some(duty) = rotation.on_duty(at) else {
                match rotation.next_change(at) {
                    Some(next) if next > at && next < end => {
                        at = next;
                        continue;
                    }
                    _ => break,
                }
            };
            let contact = roster.contact(&duty.person);
            let name = contact.map_or(duty.person.as_str(), |c| c.name.as_str());
            let phone = contact.and_then(|c| c.primary_phone()).unwrap_or_default();
            out.push(OnDuty {
                rotation: safe_line(rotation.label()),
                when: format!(
                    "{}–{}",
                    zone.format(duty.from.max(from), "%m-%d %H:%M"),
                    zone.format(duty.until.min(end), "%m-%d %H:%M")
                ),
                who: format!("{} {}", safe_line(name), safe_line(phone))
                    .trim_end()
                    .to_string(),
            });
            if duty.until <= at || duty.until >= end {
                break;
            }
            at = duty.until;
        }
    }
    out
}

/// One route of the sheet: its name, whom it is for, a row per contact of each level.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetRoute {
    pub name: String,
    pub applies: String,
    /// Level, report within, then up after, by, who, numbers: plain text, not escaped.
    pub rows: Vec<[String; 6]>,
}

/// The sheet, every text plain (each format escapes it).
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub lang: Lang,
    pub title: String,
    /// The roster is the bundled sample: said at the top, loud.
    pub sample: Option<String>,
    /// The flow's fingerprint, sign-off and the date printed.
    pub signed: String,
    pub printed: String,
    pub header: [String; 6],
    pub routes: Vec<SheetRoute>,
    pub no_routes: Option<String>,
    pub on_duty_title: String,
    pub on_duty: Vec<OnDuty>,
    /// Said when nobody is listed on duty.
    pub no_rotations: String,
}

/// The sign-off as the sheet tells it: the one in force, and whether the flow changed since.
pub struct Signed<'a> {
    pub fingerprint: &'a str,
    pub sign_off: Option<&'a SignOff>,
    pub changed: bool,
}

fn minutes(lang: Lang, n: u32) -> String {
    fill(lang, Msg::SheetMinutes, &[("n", &n.to_string())])
}

fn route_name(r: &Route) -> String {
    if r.name.trim().is_empty() {
        r.id.clone()
    } else {
        r.name.clone()
    }
}

fn applies(lang: Lang, r: &Route) -> String {
    let mut what = match r.category {
        Some(c) => i18n::category(lang, c).to_string(),
        None => t(lang, Msg::CheckAnyCategory).to_string(),
    };
    if let Some(kind) = &r.kind {
        what.push_str(&format!(" ({kind})"));
    }
    let n = r.min_severity.to_string();
    what.push_str(&fill(lang, Msg::FlowSeverities, &[("n", &n)]));
    fill(lang, Msg::SheetRouteFor, &[("what", &what)])
}

/// The rows of a route: one per contact of each level, the level's cells on its first.
fn rows(lang: Lang, roster: &Roster, r: &Route) -> Vec<[String; 6]> {
    let mut out = Vec::new();
    for (i, level) in r.levels.iter().enumerate() {
        let head = [
            i18n::level(lang, i),
            minutes(lang, level.report_within_minutes),
            minutes(lang, level.escalate_after_minutes),
            i18n::means(lang, level.means).to_string(),
        ];
        let people: Vec<(String, String)> = level
            .contacts
            .iter()
            .map(|id| match roster.contact(id) {
                Some(c) => {
                    let who = if c.role.trim().is_empty() {
                        c.name.clone()
                    } else {
                        format!("{} ({})", c.name, c.role)
                    };
                    let mut numbers: Vec<String> = c
                        .phones
                        .iter()
                        .map(|p| format!("{} {}", i18n::phone_label(lang, &p.label), p.number))
                        .collect();
                    if (level.means == Means::Email || numbers.is_empty()) && !c.email.is_empty() {
                        numbers.push(c.email.clone());
                    }
                    (who, numbers.join(" / "))
                }
                None => (id.clone(), String::new()),
            })
            .collect();
        if people.is_empty() {
            let [a, b, c, d] = head.clone();
            out.push([a, b, c, d, String::new(), String::new()]);
        }
        for (n, (who, numbers)) in people.into_iter().enumerate() {
            let [a, b, c, d] = if n == 0 {
                head.clone()
            } else {
                Default::default()
            };
            out.push([a, b, c, d, who, numbers]);
        }
    }
    out
}

/// The sheet of this roster, as of `now`.
pub fn contact_sheet(
    roster: &Roster,
    signed: &Signed,
    lang: Lang,
    zone: &Zone,
    now: DateTime<Utc>,
) -> Sheet {
    let fingerprint = short(signed.fingerprint);
    let signed_words = match signed.sign_off {
        Some(s) => {
            let mut line = fill(
                lang,
                Msg::SheetSigned,
                &[
                    ("fingerprint", fingerprint),
                    ("date", &zone.date(s.at).to_string()),
                    ("by", &s.by),
                ],
            );
            if signed.changed {
                line = format!("{line} {}", t(lang, Msg::SheetChanged));
            }
            line
        }
        None => fill(lang, Msg::SheetNotSigned, &[("fingerprint", fingerprint)]),
    };
    let routes: Vec<SheetRoute> = roster
        .routes
        .iter()
        .map(|r| SheetRoute {
            name: route_name(r),
            applies: applies(lang, r),
            rows: rows(lang, roster, r),
        })
        .collect();
    Sheet {
        lang,
        title: t(lang, Msg::SheetTitle).to_string(),
        sample: roster.sample.then(|| t(lang, Msg::SheetSample).to_string()),
        signed: signed_words,
        printed: fill(lang, Msg::SheetPrinted, &[("date", &zone.date_time(now))]),
        header: [
            Msg::SheetColLevel,
            Msg::SheetColWithin,
            Msg::SheetColUp,
            Msg::SheetColBy,
            Msg::SheetColWho,
            Msg::SheetColNumbers,
        ]
        .map(|m| t(lang, m).to_string()),
        no_routes: routes
            .is_empty()
            .then(|| t(lang, Msg::SheetNoRoutes).to_string()),
        routes,
        on_duty_title: t(lang, Msg::SheetOnDuty).to_string(),
        on_duty: on_duty_this_week(roster, now, zone),
        no_rotations: t(lang, Msg::SheetNoRotations).to_string(),
    }
}

impl Sheet {
    /// The sheet in Markdown: text from the files made safe and escaped.
    pub fn markdown(&self) -> String {
        let mut doc = Doc::default();
        doc.heading(1, &self.title);
        if let Some(sample) = &self.sample {
            doc.paragraph(format!("**{}**", inline(sample)));
        }
        doc.paragraph(format!(
            "{} · {}",
            inline(&self.signed),
            inline(&self.printed)
        ));
        if let Some(none) = &self.no_routes {
            doc.paragraph(inline(none));
        }
        let header: Vec<&str> = self.header.iter().map(String::as_str).collect();
        for route in &self.routes {
            doc.heading(2, &route.name);
            doc.paragraph(inline(&route.applies));
            let rows: Vec<Vec<&str>> = route
                .rows
                .iter()
                .map(|r| r.iter().map(String::as_str).collect())
                .collect();
            doc.table(&header, &rows);
        }
        doc.heading(2, &self.on_duty_title);
        if self.on_duty.is_empty() {
            doc.paragraph(inline(&self.no_rotations));
        } else {
            for d in &self.on_duty {
                doc.push(format!(
                    "- {}: {} — {}",
                    inline(&d.rotation),
                    inline(&d.when),
                    inline(&d.who)
                ));
            }
        }
        doc.finish()
    }
}

/// A text from the files for the sheet: made safe (no control or bidi characters).
pub(super) fn plain(s: &str) -> String {
    safe_line(s)
}
