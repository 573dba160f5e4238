//! `shiftdesk roster sheet`: the contact sheet for the wall and the phone, in Markdown or as
//! an HTML page that prints on one A4 sheet.

use super::roster_io::roster_to_print;
use super::{Session, emit};
use anyhow::{Result, bail};
use clap::Args;
use shiftdesk_core::i18n::{Msg, fill};
use shiftdesk_core::share::sheet::{Signed, contact_sheet};
use shiftdesk_store::DataDir;
use shiftdesk_store::flow_file::{FlowStore, flow_in_use};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SheetFormat {
    Md,
    Html,
}

#[derive(Debug, Args)]
pub struct SheetArgs {
    /// Markdown, or a self-contained HTML page (prints on one A4 sheet)
    #[arg(long, value_enum, default_value = "md")]
    pub format: SheetFormat,
    /// Write to this file (atomically) instead of standard output; never one of the data
    /// dir's own files (its exports/ folder is fine)
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// Whether `path` is in the data dir, other than in its `exports/` folder: the data dir's
/// own files are never written over by an export.
fn in_data_dir(dir: &DataDir, path: &Path) -> bool {
    let Ok(root) = dir.root().canonicalize() else {
        return false;
    };
    let target = resolved(path);
    target.starts_with(&root) && !target.starts_with(root.join("exports"))
}

/// The path with its longest existing start resolved (links, `..`), the rest as written.
fn resolved(path: &Path) -> PathBuf {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut rest = Vec::new();
    let mut at = absolute.as_path();
    loop {
        if let Ok(real) = at.canonicalize() {
            return rest.iter().rev().fold(real, |p, name| p.join(name));
        }
        match (at.parent(), at.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                at = parent;
            }
            _ => return absolute,
        }
    }
}

pub fn sheet(args: SheetArgs, ctx: &Session) -> Result<ExitCode> {
    let lang = ctx.operator.lang;
    if let Some(out) = &args.out
        && in_data_dir(&ctx.dir, out)
    {
        let path = out.display().to_string();
        bail!("{}", fill(lang, Msg::SheetOwnFile, &[("path", &path)]));
    }
    let Some(roster) = roster_to_print(ctx)? else {
        return Ok(ExitCode::from(1));
    };
    let (flow, _) = flow_in_use(&ctx.dir)?;
    let fingerprint = flow.fingerprint();
    let file = FlowStore::open(&ctx.dir).1?;
    let last = file.last_sign_off();
    let signed = Signed {
        fingerprint: &fingerprint,
        sign_off: last,
        changed: last.is_some_and(|s| s.fingerprint != fingerprint),
    };
    let sheet = contact_sheet(&roster, &signed, lang, &ctx.operator.zone, ctx.now);
    let text = match args.format {
        SheetFormat::Md => sheet.markdown(),
        SheetFormat::Html => sheet.html(),
    };
    emit(&text, args.out.as_deref())?;
    Ok(ExitCode::SUCCESS)
}
