//! `shiftdesk list`: open incidents most urgent first; with `--all`, then every closed one,
//! most recently closed first, the archive read a month at a time (the whole history is
//! never in memory at once).

use super::columns::row;
use super::lookup::for_each_month_newest_first;
use super::{ListArgs, Session, due_words, load_incidents, parse_since, roster_or_empty};
use anyhow::Result;
use chrono::{DateTime, Utc};
use serde_json::json;
use shiftdesk_core::clock::{minutes_up, short_age};
use shiftdesk_core::desk::by_urgency;
use shiftdesk_core::escalation::route_progress;
use shiftdesk_core::i18n::{self, Lang, Msg, t};
use shiftdesk_core::playbook::Phase;
use shiftdesk_core::roster::Roster;
use shiftdesk_core::text::{escape_unsafe_in_json, safe_line};
use shiftdesk_core::wrap::columns;
use shiftdesk_core::{Category, Incident, IncidentId};
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
    let empty = if since.is_some() || category.is_some() {
        vec![Msg::ListNoMatch]
    } else if args.all {
        vec![Msg::ListNoIncidents, Msg::ListHowToRecord]
    } else {
        vec![Msg::ListNoOpen, Msg::ListHowToRecord]
    };
    let stdout = std::io::stdout().lock();
    let mut out = Rows {
        out: std::io::BufWriter::new(stdout),
        json: args.json,
        written: 0,
        widths: Widths::new(ctx.operator.lang, file.last_number),
        empty,
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

// The columns of the text list: those of the desk's open list (the next deadline as it is).
use crate::ui::OPEN_COLUMNS as HEADERS;

/// Columns a usual next deadline takes (`14:32 in 2:00`, `14:32 あと2:00`), kept free when
/// the title's width is fitted to the terminal.
const DUE_COLUMNS: usize = 14;

/// How wide each column but the last is, in display columns. Fixed before the first row (the
/// rows are written as they are read), from the words each column can hold, so that every
/// row lines up under the header; only a title can be too long, and it is cut.
struct Widths([usize; 6]);

impl Widths {
    fn new(lang: Lang, last_number: u32) -> Widths {
        let widest = |words: &mut dyn Iterator<Item = &str>| words.map(columns).max();
        let header = |n: usize| columns(t(lang, HEADERS[n]));
        let id = columns(&IncidentId::from_number(last_number.max(1)).0);
        let category = widest(&mut Category::ALL.iter().map(|&c| i18n::category_short(lang, c)));
        let phases = Phase::ALL.iter().map(|&p| Some(p)).chain([None]);
        let phase = phases
            .map(|p| i18n::phase_short(lang, p))
            .chain([t(lang, Msg::StatusClosed)])
            .map(columns)
            .max();
        // `23h59m` / `23時間59分`: the age column's widest usual cell.
        let age = columns(&short_age(lang, chrono::Duration::minutes(23 * 60 + 59)));
        let mut widths = [id, 1, category.unwrap_or(0), 0, phase.unwrap_or(0), age];
        for (n, w) in widths.iter_mut().enumerate() {
            *w = (*w).max(header(n));
        }
        let others: usize = widths.iter().sum::<usize>() + 2 * widths.len();
        widths[3] = title_columns(others);
        Widths(widths)
    }
}

/// The title column: what the terminal has left beside the other columns and a usual
/// deadline, within 14 to 60 columns (so that a Japanese list fits in 80); 40 when the list
/// does not go to a terminal.
fn title_columns(others: usize) -> usize {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        return 40;
    }
    crossterm::terminal::size().map_or(40, |(cols, _)| {
        usize::from(cols)
            .saturating_sub(others + DUE_COLUMNS)
            .clamp(14, 60)
    })
}

/// Rows as they are written: text lines under a header, or the items of one JSON array.
struct Rows<'a, W: Write> {
    out: W,
    json: bool,
    written: usize,
    widths: Widths,
    /// What to say when nothing was listed, a line each.
    empty: Vec<Msg>,
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
            "kind": inc.kind,
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
        let w = &self.widths.0;
        if self.written == 0 {
            let h = HEADERS.map(|m| t(lang, m));
            let cells: Vec<(&str, usize)> = h.iter().zip(w).map(|(h, w)| (*h, *w)).collect();
            writeln!(self.out, "{}", row(&cells, h[6]))?;
        }
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
        let title = format!("{drill}{}", safe_line(&inc.title));
        let severity = inc.severity.to_string();
        let age = short_age(lang, inc.age(self.ctx.now));
        let cells = [
            (inc.id.0.as_str(), w[0]),
            (severity.as_str(), w[1]),
            (i18n::category_short(lang, inc.category), w[2]),
            (title.as_str(), w[3]),
            (phase, w[4]),
            (age.as_str(), w[5]),
        ];
        writeln!(self.out, "{}", row(&cells, &due))?;
        Ok(())
    }

    fn end(&mut self) -> Result<()> {
        if self.json {
            if self.written > 0 {
                writeln!(self.out)?;
            }
            writeln!(self.out, "]")?;
        } else if self.written == 0 {
            for msg in &self.empty {
                writeln!(self.out, "{}", t(self.ctx.operator.lang, *msg))?;
            }
        }
        self.out.flush()?;
        Ok(())
    }
}
