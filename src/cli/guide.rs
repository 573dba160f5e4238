//! `shiftdesk guide`: the team's incident guide — what counts, how bad, what is out of scope,
//! the risks outside the regulations — and `guide check`, which validates a team's file.

use super::{Session, print_json, roster_or_empty};
use anyhow::Result;
use clap::{Args, Subcommand};
use shiftdesk_core::Category;
use shiftdesk_core::guide::{check, guide_text, risks_text};
use shiftdesk_core::i18n::{Msg, fill, t};
use shiftdesk_store::guide_file::{load_guide, parse_guide};
use shiftdesk_store::json_file::read_bytes;
use shiftdesk_store::playbooks_file::load_playbooks;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct GuideArgs {
    #[command(subcommand)]
    pub command: Option<GuideCommand>,
    /// One category (e.g. team.security); all of the guide when left out
    #[arg(value_parser = super::parse_category)]
    pub category: Option<Category>,
    /// Print the guide as JSON (the whole file, as read)
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum GuideCommand {
    /// Check a guide file (default: the data dir's guide.json): it reads (line and column
    /// of any problem), and its contacts and kinds exist. Exit 1 on any problem
    Check(GuideCheckArgs),
    /// The known risks outside the regulations that mention every word of QUERY
    Risks(GuideRisksArgs),
}

#[derive(Debug, Args)]
pub struct GuideCheckArgs {
    /// The file to check (default: guide.json in the data dir)
    pub file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct GuideRisksArgs {
    /// Words to look for (all risks when left out)
    pub query: Vec<String>,
}

pub fn guide(args: GuideArgs, ctx: &Session) -> Result<ExitCode> {
    let lang = ctx.operator.lang;
    match args.command {
        Some(GuideCommand::Check(check_args)) => return check_file(check_args, ctx),
        Some(GuideCommand::Risks(risk_args)) => {
            let load = load_guide(&ctx.dir);
            warn_if_bad(&load.problem, lang);
            let text = risks_text(&load.guide, &risk_args.query.join(" "), lang);
            if text.is_empty() {
                let _ = writeln!(std::io::stderr(), "{}", t(lang, Msg::GuideNoRisks));
                return Ok(ExitCode::from(1));
            }
            std::io::stdout().lock().write_all(text.as_bytes())?;
            return Ok(ExitCode::SUCCESS);
        }
        None => {}
    }
    let load = load_guide(&ctx.dir);
    warn_if_bad(&load.problem, lang);
    if args.json {
        print_json(&mut std::io::stdout().lock(), &load.guide)?;
        return Ok(ExitCode::SUCCESS);
    }
    let roster = roster_or_empty(&ctx.dir);
    let books = load_playbooks(&ctx.dir).playbooks;
    let text = guide_text(&load.guide, args.category, &roster, &books, lang);
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// A team's guide that cannot be used is named on stderr; the bundled one is printed.
fn warn_if_bad(
    problem: &Option<shiftdesk_store::json_file::FileProblem>,
    lang: shiftdesk_core::i18n::Lang,
) {
    if let Some(p) = problem {
        let _ = writeln!(
            std::io::stderr(),
            "shiftdesk: {}",
            fill(
                lang,
                Msg::GuideBadFileBundledUsed,
                &[("problem", &p.to_string())]
            )
        );
    }
}

fn check_file(args: GuideCheckArgs, ctx: &Session) -> Result<ExitCode> {
    let lang = ctx.operator.lang;
    let path = args.file.unwrap_or_else(|| ctx.dir.guide());
    let bytes = match read_bytes(&path) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => {
            let _ = writeln!(
                std::io::stderr(),
                "{}",
                fill(
                    lang,
                    Msg::GuideNoFile,
                    &[("path", &path.display().to_string())]
                )
            );
            return Ok(ExitCode::from(1));
        }
        Err(p) => {
            let _ = writeln!(std::io::stderr(), "{p}");
            return Ok(ExitCode::from(1));
        }
    };
    let guide = match parse_guide(&path, &bytes) {
        Ok(g) => g,
        Err(p) => {
            let _ = writeln!(std::io::stderr(), "{p}");
            return Ok(ExitCode::from(1));
        }
    };
    let roster = roster_or_empty(&ctx.dir);
    let books = load_playbooks(&ctx.dir).playbooks;
    let problems = check(&guide, &roster, |c, k| books.has_kind(c, k));
    let mut out = std::io::stdout().lock();
    for p in &problems {
        writeln!(out, "{}: {}", path.display(), p.message(lang))?;
    }
    if problems.is_empty() {
        writeln!(
            out,
            "{}",
            fill(
                lang,
                Msg::GuideCheckOk,
                &[("path", &path.display().to_string())]
            )
        )?;
        Ok(ExitCode::SUCCESS)
    } else {
        Ok(ExitCode::from(1))
    }
}
