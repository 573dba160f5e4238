//! `shiftdesk roster import | export | vcard`: the roster in and out.

use super::{ExportFormat, RosterExportArgs, RosterImportArgs, RosterVcardArgs, Session, emit};
use anyhow::{Context, Result, bail};
use shiftdesk_core::i18n::{Msg, fill, t};
use shiftdesk_core::roster::Roster;
use shiftdesk_core::roster::change::{RosterApplied, RosterChange};
use shiftdesk_core::roster::csv::{export_csv, parse_import};
use shiftdesk_core::roster::vcard::vcards;
use shiftdesk_core::text::{escape_unsafe_in_json, safe_line};
use shiftdesk_store::atomic::to_pretty_json;
use shiftdesk_store::json_file::read_bytes;
use shiftdesk_store::roster_file::RosterStore;
use std::io::Write;
use std::process::ExitCode;

fn roster(ctx: &Session) -> Result<Roster> {
    let (_, loaded) = RosterStore::open(&ctx.dir);
    loaded.map_err(anyhow::Error::new)
}

pub fn import(args: RosterImportArgs, ctx: &Session) -> Result<ExitCode> {
    let lang = ctx.operator.lang;
    let Some(bytes) = read_bytes(&args.file)? else {
        bail!("{}: no such file", args.file.display());
    };
    let rows = match parse_import(&bytes) {
        Ok(rows) => rows,
        Err(e) => {
            eprintln!("{}: {}", args.file.display(), e.message(lang));
            eprintln!("{}", t(lang, Msg::ImportNothingWritten));
            return Ok(ExitCode::from(1));
        }
    };
    ctx.dir.create()?;
    let (mut store, loaded) = RosterStore::open(&ctx.dir);
    let base = loaded.map_err(anyhow::Error::new)?;
    let committed = store
        .commit(&base, &[ctx.stamp(RosterChange::Import(rows))])
        .with_context(|| format!("saving {}", ctx.dir.roster().display()))?;
    let mut out = std::io::stdout().lock();
    match committed.results.into_iter().next() {
        Some(Ok(RosterApplied::Imported(report))) => {
            for name in &report.added {
                writeln!(
                    out,
                    "{}",
                    fill(lang, Msg::ImportAdded, &[("name", &safe_line(name))])
                )?;
            }
            for (name, fields) in &report.updated {
                let fields = fields.join(", ");
                writeln!(
                    out,
                    "{}",
                    fill(
                        lang,
                        Msg::ImportUpdated,
                        &[("name", &safe_line(name)), ("fields", &fields)]
                    )
                )?;
            }
            let summary = fill(
                lang,
                Msg::ImportSummary,
                &[
                    ("added", &report.added.len().to_string()),
                    ("updated", &report.updated.len().to_string()),
                    ("unchanged", &report.unchanged.to_string()),
                ],
            );
            writeln!(out, "{summary}")?;
        }
        _ => writeln!(out, "{}", t(lang, Msg::ImportNoChange))?,
    }
    if committed.file.routes.is_empty() {
        eprintln!("{}", t(lang, Msg::ImportNoRoutes));
    }
    Ok(ExitCode::SUCCESS)
}

pub fn export(args: RosterExportArgs, ctx: &Session) -> Result<ExitCode> {
    let roster = roster(ctx)?;
    let text = match args.format {
        ExportFormat::Csv => export_csv(&roster),
        ExportFormat::Json => {
            let bytes = to_pretty_json(&roster)?;
            escape_unsafe_in_json(&String::from_utf8_lossy(&bytes))
        }
    };
    emit(&text, args.out.as_deref())?;
    Ok(ExitCode::SUCCESS)
}

pub fn vcard(args: RosterVcardArgs, ctx: &Session) -> Result<ExitCode> {
    let roster = roster(ctx)?;
    emit(&vcards(&roster), args.out.as_deref())?;
    Ok(ExitCode::SUCCESS)
}
