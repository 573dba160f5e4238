//! `shiftdesk list`: open incidents most urgent first; with `--all`, then every closed one,
//! most recently closed first, the archive read a month at a time (the whole history is
//! never in memory at once).

use super::lookup::for_each_month_newest_first;
use super::{ListArgs, Session, due_words, load_incidents, parse_since, roster_or_empty};
use anyhow::Result;
use chrono::{DateTime, Utc};
use serde_json::json;
use shiftdesk_core::Incident;
use shiftdesk_core::clock::{minutes_up, short_age};
use shiftdesk_core::desk::by_urgency;
use shiftdesk_core::escalation::route_progress;
use shiftdesk_core::i18n::{self, Msg, t};
use shiftdesk_core::roster::Roster;
use shiftdesk_core::text::{escape_unsafe_in_json, safe_line};
use std::cmp::Reverse;
use std::io::Write;
use std::process::ExitCode;

pub(super) fn list(args: ListArgs, ctx: &Session) -> Result<ExitCode> {
    let (_, file) = load_incidents(&ctx.dir)?;
    let roster = roster_or_empty(&ctx.dir);
    let since = match args.since.as_deref().map(|s| parse_since(s, ctx)) {
        Some(Ok(t)) => Some(t),
        Some(Err(e)) => {
            eprintln!("{e}");
            return Ok(ExitCode::from(2));
        }
        None => None,
    };
    let category = args.category;
    let wanted = |detected: DateTime<Utc>, c| {
        since.is_none_or(|t| detected >= t) && category.is_none_or(|w| w == c)
    };
    let stdout = std::io::stdout().lock();
    let mut out = Rows {
        out: std::io::BufWriter::new(stdout),
        json: args.json,
        written: 0,
        roster: &roster,
        ctx,
    };
    out.begin()?;
    for i in by_urgency(&file.incidents, &roster, ctx.now, |i| {
        i.is_open() && wanted(i.detected_at, i.category)
    }) {
        out.row(&file.incidents[i])?;
    }
    if args.all {
        let mut live: Vec<&Incident> = file
            .incidents
            .iter()
            .map(|i| &**i)
            .filter(|i| !i.is_open() && wanted(i.detected_at, i.category))
            .collect();
        live.sort_by_key(|i| Reverse(i.closed_at));
        let mut live = live.into_iter().peekable();
        let mut failed = None;
        for_each_month_newest_first(
            &ctx.dir,
            &file,
            |e| wanted(e.detected_at, e.category),
            |mut month| {
                month.sort_by_key(|i| Reverse(i.closed_at));
                for archived in &month {
                    while let Some(l) = live.next_if(|l| l.closed_at >= archived.closed_at) {
                        if let Err(e) = out.row(l) {
                            failed.get_or_insert(e);
                        }
                    }
                    if let Err(e) = out.row(archived) {
                        failed.get_or_insert(e);
                    }
                }
            },
        )?;
        if let Some(e) = failed {
            return Err(e);
        }
        for l in live {
            out.row(l)?;
        }
    }
    out.end()?;
    Ok(ExitCode::SUCCESS)
}

/// Rows as they are written: text lines, or the items of one JSON array.
struct Rows<'a, W: Write> {
    out: W,
    json: bool,
    written: usize,
    roster: &'a Roster,
    ctx: &'a Session,
}

impl<W: Write> Rows<'_, W> {
    fn begin(&mut self) -> Result<()> {
        if self.json {
            write!(self.out, "[")?;
        }
        Ok(())
    }

    fn row(&mut self, inc: &Incident) -> Result<()> {
        if self.json {
            self.json_row(inc)?;
        } else {
            self.text_row(inc)?;
        }
        self.written += 1;
        Ok(())
    }

    /// One item, as `serde_json`'s pretty printer writes it inside an array.
    fn json_row(&mut self, inc: &Incident) -> Result<()> {
        let now = self.ctx.now;
        let progress = route_progress(inc, self.roster, now);
        let item = json!({
            "id": inc.id,
            "title": safe_line(&inc.title),
            "category": inc.category,
            "severity": inc.severity,
            "status": inc.status,
            "phase": inc.current_phase(),
            "drill": inc.drill,
            "detected_at": inc.detected_at,
            "closed_at": inc.closed_at,
            "report_due_at": progress.current_deadline(),
            "overdue_minutes": progress.overdue_by(now).map(minutes_up),
        });
        let text = escape_unsafe_in_json(&serde_json::to_string_pretty(&item)?);
        let sep = if self.written == 0 { "" } else { "," };
        writeln!(self.out, "{sep}")?;
        for (n, line) in text.lines().enumerate() {
            if n > 0 {
                writeln!(self.out)?;
            }
            write!(self.out, "  {line}")?;
        }
        Ok(())
    }

    fn text_row(&mut self, inc: &Incident) -> Result<()> {
        let lang = self.ctx.operator.lang;
        let due = due_words(inc, self.roster, self.ctx);
        let phase = if inc.is_open() {
            i18n::phase_short(lang, inc.current_phase())
        } else {
            t(lang, Msg::StatusClosed)
        };
        let drill = if inc.drill {
            format!("[{}] ", t(lang, Msg::Drill))
        } else {
            String::new()
        };
        writeln!(
            self.out,
            "{}  S{}  {}  {}{}  {}  {}  {}",
            inc.id,
            inc.severity,
            i18n::category_short(lang, inc.category),
            drill,
            safe_line(&inc.title),
            phase,
            short_age(lang, inc.age(self.ctx.now)),
            due
        )?;
        Ok(())
    }

    fn end(&mut self) -> Result<()> {
        if self.json {
            if self.written > 0 {
                writeln!(self.out)?;
            }
            writeln!(self.out, "]")?;
        } else if self.written == 0 {
            writeln!(self.out, "{}", t(self.ctx.operator.lang, Msg::NoIncidents))?;
        }
        self.out.flush()?;
        Ok(())
    }
}
