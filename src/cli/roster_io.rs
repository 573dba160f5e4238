//! `shiftdesk roster import | export | vcard`: the roster in and out.

use super::{ExportFormat, RosterExportArgs, RosterImportArgs, RosterVcardArgs, Session, emit};
use anyhow::{Context, Result, bail};
use shiftdesk_core::apply::Apply;
use shiftdesk_core::i18n::{Msg, fill, t};
use shiftdesk_core::roster::Roster;
use shiftdesk_core::roster::change::{RosterApplied, RosterChange};
use shiftdesk_core::roster::csv::{CsvError, PhoneMerge, decode, export_csv, parse_decoded};
use shiftdesk_core::roster::vcard::vcards;
use shiftdesk_core::text::escape_unsafe_in_json;
use shiftdesk_store::atomic::to_pretty_json;
use shiftdesk_store::json_file::read_bytes;
use shiftdesk_store::roster_file::{RosterLoad, RosterStore, load_roster};
use std::io::Write;
use std::process::ExitCode;

fn roster(ctx: &Session) -> Result<Roster> {
    let (_, loaded) = RosterStore::open(&ctx.dir);
    loaded.map_err(anyhow::Error::new)
}

/// The roster for `contacts` and `roster vcard`, which print people and numbers: None, after
/// saying on stderr that there is none and how to make one, when the data dir has no roster
/// file (the bundled sample's fictional numbers are never printed as if they were the
/// team's); with a note on stderr when it is the bundled sample.
pub(super) fn roster_to_print(ctx: &Session) -> Result<Option<Roster>> {
    let lang = ctx.operator.lang;
    let path = ctx.dir.roster();
    if !path.exists() {
        let dir = ctx.dir.root().display().to_string();
        let path = path.display().to_string();
        eprintln!(
            "{}",
            fill(lang, Msg::NoRosterFile, &[("dir", &dir), ("path", &path)])
        );
        return Ok(None);
    }
    let roster = match load_roster(&ctx.dir) {
        RosterLoad::Loaded(r) | RosterLoad::Seeded(r) => r,
        RosterLoad::Problem(p) => return Err(p.into()),
    };
    say_if_sample(&roster, ctx);
    Ok(Some(roster))
}

/// On stderr, when the roster is the bundled sample: its people and numbers are fictional.
fn say_if_sample(roster: &Roster, ctx: &Session) {
    if roster.sample {
        let path = ctx.dir.roster().display().to_string();
        let lang = ctx.operator.lang;
        eprintln!(
            "{}",
            fill(lang, Msg::SampleRosterNotice, &[("path", &path)])
        );
    }
}

pub fn import(args: RosterImportArgs, ctx: &Session) -> Result<ExitCode> {
    let lang = ctx.operator.lang;
    let shown = args.file.display().to_string();
    let Some(bytes) = read_bytes(&args.file)? else {
        bail!("{shown}: no such file");
    };
    let refused = |e: CsvError| {
        eprintln!("{shown}: {}", e.message(lang));
        eprintln!("{}", t(lang, Msg::ImportNothingWritten));
        Ok(ExitCode::from(1))
    };
    let decoded = match decode(&bytes) {
        Ok(decoded) => decoded,
        Err(e) => return refused(e),
    };
    let read_as = decoded.format.read_as(&shown, lang);
    let file = match parse_decoded(&decoded) {
        Ok(file) => file,
        Err(e) => {
            eprintln!("{read_as}");
            return refused(e);
        }
    };
    let phones = if args.replace {
        PhoneMerge::Replace
    } else {
        PhoneMerge::Keep
    };
    let change = RosterChange::Import {
        rows: file.rows,
        phones,
    };
    let mut out = std::io::stdout().lock();
    writeln!(out, "{read_as}")?;
    if args.dry_run {
        // Read only: no data dir made, no lock taken, nothing written.
        let mut roster = roster(ctx)?;
        let applied = change.apply(&mut roster);
        writeln!(out, "{}", t(lang, Msg::ImportDryRun))?;
        print_applied(&mut out, applied.ok(), ctx)?;
        say_if_sample(&roster, ctx);
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(mut desk) = super::sync_write::synced_desk(ctx)? {
        // On a shared board: through the desk, so the import travels as the per-contact
        // changes it made.
        let outcome = desk.submit_roster(ctx.stamp(change));
        if let shiftdesk_store::Saved::Kept { why } = outcome.saved {
            anyhow::bail!("saving {}: {why}", ctx.dir.roster().display());
        }
        let applied = outcome.result.ok();
        print_applied(&mut out, applied, ctx)?;
        if desk.roster().routes.is_empty() {
            eprintln!("{}", t(lang, Msg::ImportNoRoutes));
        }
        say_if_sample(desk.roster(), ctx);
        super::sync_write::send_now(&mut desk, ctx);
        return Ok(ExitCode::SUCCESS);
    }
    ctx.dir.create()?;
    let (mut store, loaded) = RosterStore::open(&ctx.dir);
    let base = loaded.map_err(anyhow::Error::new)?;
    let committed = store
        .commit(&base, &[ctx.stamp(change)])
        .with_context(|| format!("saving {}", ctx.dir.roster().display()))?;
    let applied = committed.results.into_iter().next().and_then(Result::ok);
    print_applied(&mut out, applied, ctx)?;
    if committed.file.routes.is_empty() {
        eprintln!("{}", t(lang, Msg::ImportNoRoutes));
    }
    say_if_sample(&committed.file, ctx);
    Ok(ExitCode::SUCCESS)
}

/// What an import did (or would do), field by field.
fn print_applied(
    out: &mut impl Write,
    applied: Option<RosterApplied>,
    ctx: &Session,
) -> Result<()> {
    let lang = ctx.operator.lang;
    match applied {
        Some(RosterApplied::Imported(report)) => {
            for line in report.lines(lang) {
                writeln!(out, "{line}")?;
            }
        }
        _ => writeln!(out, "{}", t(lang, Msg::ImportNoChange))?,
    }
    Ok(())
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
    let Some(roster) = roster_to_print(ctx)? else {
        return Ok(ExitCode::from(1));
    };
    emit(&vcards(&roster), args.out.as_deref())?;
    Ok(ExitCode::SUCCESS)
}
