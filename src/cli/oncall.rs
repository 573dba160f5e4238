//! `shiftdesk oncall`: who of each rotation is on duty now (or at `--at`), until when,
//! and who is next.

use super::{Session, print_json, roster_or_empty};
use anyhow::{Result, bail};
use chrono::{DateTime, NaiveDateTime, NaiveTime, Utc};
use clap::Args;
use serde_json::json;
use shiftdesk_core::clock::{parse_time_input, parse_until_input};
use shiftdesk_core::i18n::{Msg, fill, t};
use shiftdesk_core::roster::Roster;
use shiftdesk_core::roster::rotation::{OnDuty, nobody};
use shiftdesk_core::text::safe_line;
use std::io::Write;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct OncallArgs {
    /// The time to ask about, in the desk's zone: `HH:MM` (today), `YYYY-MM-DD HH:MM`,
    /// or how long ago or ahead (`2h ago`, `in 2h`, `10分前`, `2時間後`); now when left out
    #[arg(long)]
    pub at: Option<String>,
    /// Print JSON for scripts
    #[arg(long)]
    pub json: bool,
}

/// The moment `--at` names, in the operator's zone.
fn moment(at: &str, ctx: &Session) -> Option<DateTime<Utc>> {
    let zone = &ctx.operator.zone;
    let s = at.trim();
    if let Ok(full) = NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M") {
        return zone.to_utc(full);
    }
    if let Ok(time) = NaiveTime::parse_from_str(s, "%H:%M") {
        return zone.to_utc(zone.date(ctx.now).and_time(time));
    }
    parse_time_input(s, ctx.now, zone)
        .ok()
        .or_else(|| parse_until_input(s, ctx.now, zone).ok().flatten())
}

pub fn oncall(args: OncallArgs, ctx: &Session) -> Result<ExitCode> {
    let lang = ctx.operator.lang;
    let at = match args.at.as_deref() {
        None => ctx.now,
        Some(s) => match moment(s, ctx) {
            Some(at) => at,
            None => bail!("--at {s:?}: {}", t(lang, Msg::ErrDetectedFormat)),
        },
    };
    let roster = roster_or_empty(&ctx.dir);
    let mut out = std::io::stdout().lock();
    if args.json {
        let items: Vec<_> = roster
            .rotations
            .iter()
            .map(|r| {
                let now = r.on_duty(at);
                let next = r.next_on_duty(at);
                json!({
                    "rotation": r.id,
                    "name": r.name,
                    "on_duty": now.as_ref().map(|o| duty_json(o, &roster)),
                    "next": next.as_ref().map(|o| duty_json(o, &roster)),
                })
            })
            .collect();
        print_json(&mut out, &json!({ "at": at, "rotations": items }))?;
        return Ok(ExitCode::SUCCESS);
    }
    if roster.rotations.is_empty() {
        writeln!(out, "{}", t(lang, Msg::OncallNone))?;
        return Ok(ExitCode::from(1));
    }
    let zone = &ctx.operator.zone;
    for r in &roster.rotations {
        let who = |o: &OnDuty| {
            let name = roster
                .contact(&o.person)
                .map_or(o.person.as_str(), |c| &c.name);
            let phone = roster
                .contact(&o.person)
                .and_then(|c| c.primary_phone())
                .unwrap_or_default();
            format!("{} {}", safe_line(name), safe_line(phone))
                .trim_end()
                .to_string()
        };
        let line = match r.on_duty(at) {
            Some(on) => fill(
                lang,
                Msg::OncallLine,
                &[
                    ("rotation", &safe_line(r.label())),
                    ("who", &who(&on)),
                    ("until", &zone.clock(on.until, at)),
                    (
                        "next",
                        &r.next_on_duty(at)
                            .map_or_else(|| nobody(lang).to_string(), |n| who(&n)),
                    ),
                ],
            ),
            None => format!("{}: {}", safe_line(r.label()), nobody(lang)),
        };
        writeln!(out, "{line}")?;
    }
    Ok(ExitCode::SUCCESS)
}

fn duty_json(o: &OnDuty, roster: &Roster) -> serde_json::Value {
    let contact = roster.contact(&o.person);
    json!({
        "person": o.person,
        "name": contact.map(|c| c.name.clone()),
        "phone": contact.and_then(|c| c.primary_phone()),
        "from": o.from,
        "until": o.until,
        "by_override": o.by_override,
    })
}
