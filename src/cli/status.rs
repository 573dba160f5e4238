//! `shiftdesk status`: one short line for tmux's `status-right` (or a plain line, or JSON),
//! fast enough to run every few seconds. It reads the live incidents file and, of the
//! roster, only who is away and the update cadence; never the archive. It takes no lock
//! and writes nothing. Exit 0 with the line; exit 1, with a short line still printed for
//! the status bar and the reason on stderr, when the incidents file cannot be read.

use super::{Session, print_json};
use anyhow::Result;
use shiftdesk_core::i18n::{Msg, t};
use shiftdesk_core::status_line::{StatusSummary, tmux_safe};
use shiftdesk_store::DataDir;
use shiftdesk_store::incidents::IncidentsStore;
use shiftdesk_store::roster_deadlines::roster_for_deadlines;
use std::io::Write;
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum StatusFormat {
    /// tmux's format: overdue marked with #[…] styles, every `#` from a file doubled
    Tmux,
    /// Plain text
    #[default]
    Line,
    /// JSON for scripts
    Json,
}

#[derive(Debug, clap::Args)]
pub struct StatusArgs {
    #[arg(long, value_enum, default_value = "line")]
    pub format: StatusFormat,
}

/// Where the open incidents stand now, read from the live file only.
pub fn summary(dir: &DataDir, now: chrono::DateTime<chrono::Utc>) -> Result<StatusSummary> {
    let (_, loaded) = IncidentsStore::open(dir);
    let file = loaded.map_err(anyhow::Error::new)?;
    // Only what the deadlines need of the roster: who is away, the update cadence.
    // Deadlines already resolved on each incident still count without the roster.
    let roster = roster_for_deadlines(dir).unwrap_or_default();
    Ok(StatusSummary::of(
        file.incidents.iter().map(|i| &**i),
        &roster,
        now,
    ))
}

pub(super) fn status(args: StatusArgs, ctx: &Session) -> Result<ExitCode> {
    let lang = ctx.operator.lang;
    let zone = &ctx.operator.zone;
    let mut out = std::io::stdout().lock();
    match summary(&ctx.dir, ctx.now) {
        Ok(s) => {
            match args.format {
                StatusFormat::Line => writeln!(out, "{}", s.line(lang, zone))?,
                StatusFormat::Tmux => writeln!(out, "{}", s.tmux(lang, zone, ctx.look.colour))?,
                StatusFormat::Json => print_json(&mut out, &s.json())?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            // The bar still says something is wrong; the reason goes to stderr.
            let words = t(lang, Msg::StatusLineUnreadable);
            match args.format {
                StatusFormat::Line => writeln!(out, "{words}")?,
                StatusFormat::Tmux if ctx.look.colour => {
                    writeln!(out, "#[fg=white,bg=red,bold]{}#[default]", tmux_safe(words))?
                }
                StatusFormat::Tmux => {
                    writeln!(out, "#[reverse,bold]{}#[default]", tmux_safe(words))?
                }
                StatusFormat::Json => {}
            }
            let _ = writeln!(std::io::stderr(), "shiftdesk: {e:#}");
            Ok(ExitCode::from(1))
        }
    }
}
