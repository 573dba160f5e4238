//! `shiftdesk export` and `shiftdesk handover`: the record, shared.

use super::lookup::{archived_where, find};
use super::{Session, emit, load_incidents, print_json, roster_or_empty};
use anyhow::Result;
use chrono::{DateTime, Duration, Utc};
use clap::Args;
use shiftdesk_core::share::{handover_text, incident_markdown};
use shiftdesk_core::text::{escape_unsafe_in_json, is_unsafe};
use shiftdesk_store::atomic::to_pretty_json;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ShareFormat {
    Md,
    Json,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Incident id, e.g. INC-0001 (or just 1)
    pub id: String,
    #[arg(long, value_enum, default_value = "md")]
    pub format: ShareFormat,
    /// Write to this file instead of standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct HandoverArgs {
    /// How many hours back the shift began (closed incidents since then are listed)
    #[arg(long, default_value_t = 12)]
    pub since: u32,
}

/// Text for stdout or a file: any control character other than a line break that might
/// still be in it becomes U+FFFD (the model already makes text from people safe; this is
/// the last guard before the reader's terminal).
fn printable(text: &str) -> String {
    text.chars()
        .map(|c| {
            if is_unsafe(c) && c != '\n' {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

/// Text to a file (atomically, owner-only) or to standard output.
/// Text with terminal controls made visible, to a file or to standard output.
fn emit_printable(text: &str, out: Option<&Path>) -> Result<()> {
    emit(&printable(text), out)
}

/// `shiftdesk export ID`: the incident report in Markdown, or the stored record as JSON.
pub fn export(args: ExportArgs, ctx: &Session) -> Result<ExitCode> {
    let lang = ctx.operator.lang;
    let (_, file) = load_incidents(&ctx.dir)?;
    let Some(inc) = find(&ctx.dir, &file, &args.id, lang)? else {
        return Ok(ExitCode::from(1));
    };
    match (args.format, args.out.as_deref()) {
        (ShareFormat::Md, out) => {
            let roster = roster_or_empty(&ctx.dir);
            let text = incident_markdown(&inc, &roster, lang, &ctx.operator.zone, ctx.now);
            emit_printable(&text, out)?;
        }
        (ShareFormat::Json, None) => print_json(&mut std::io::stdout().lock(), &inc)?,
        (ShareFormat::Json, Some(path)) => {
            let bytes = to_pretty_json(&inc)?;
            emit_printable(
                &escape_unsafe_in_json(&String::from_utf8_lossy(&bytes)),
                Some(path),
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `shiftdesk handover`: what the next shift needs, over every incident, for the shift that
/// began `--since` hours ago.
pub fn handover(args: HandoverArgs, ctx: &Session) -> Result<ExitCode> {
    let (_, file) = load_incidents(&ctx.dir)?;
    let roster = roster_or_empty(&ctx.dir);
    let since = ctx
        .now
        .checked_sub_signed(Duration::hours(i64::from(args.since)))
        .unwrap_or(DateTime::<Utc>::MIN_UTC);
    // A shift longer than a day reaches into the archive: what was closed in it.
    let mut incidents = file.incidents.clone();
    incidents.extend(archived_where(&ctx.dir, &file, |e| {
        e.closed_at.is_some_and(|c| c >= since)
    })?);
    let text = handover_text(
        &incidents,
        &roster,
        since,
        ctx.operator.lang,
        &ctx.operator.zone,
        ctx.now,
    );
    emit_printable(&text, None)?;
    Ok(ExitCode::SUCCESS)
}
