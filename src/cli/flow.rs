//! `shiftdesk flow sign-off | status`: the people concerned checked the flow in use; where
//! its sign-off stands and who has not acknowledged it yet. And the lines `roster check`
//! and `doctor` say about it.

use super::{Session, print_json};
use anyhow::{Result, bail};
use clap::{Args, Subcommand};
use serde_json::json;
use shiftdesk_core::clock::Zone;
use shiftdesk_core::flow::{
    Changed, FlowEntry, FlowFile, FlowSnapshot, SignOffState, not_acknowledged, short,
    sign_off_state,
};
use shiftdesk_core::i18n::{Lang, Msg, fill, t};
use shiftdesk_core::roster::Roster;
use shiftdesk_core::text::{has_content, normalize_input, safe_line};
use shiftdesk_store::flow_file::{FlowStore, flow_in_use, record};
use shiftdesk_store::incidents::IncidentsStore;
use std::collections::BTreeSet;
use std::io::Write;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum FlowCommand {
    /// Record that the people concerned checked the flow in use — the routes with their
    /// levels, deadlines and people, the contacts and their numbers, the playbooks and the
    /// guide — with its fingerprint, in flow.json (prints what changed since the last
    /// sign-off)
    SignOff(SignOffArgs),
    /// The flow in use: its fingerprint, its sign-off (who, when, note, whether it changed
    /// since or is too old) and who has not acknowledged it yet. Exit 1 when the flow was
    /// never signed off, changed since, or was signed too long ago
    Status(StatusArgs),
}

#[derive(Debug, Args)]
pub struct SignOffArgs {
    /// Who checked the flow (the person, or the people, concerned)
    #[arg(long, value_name = "NAME")]
    pub by: String,
    /// What was checked, with whom
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Print JSON for scripts
    #[arg(long)]
    pub json: bool,
}

pub fn run(command: FlowCommand, ctx: &Session) -> Result<ExitCode> {
    match command {
        FlowCommand::SignOff(args) => sign_off(args, ctx),
        FlowCommand::Status(args) => status(args, ctx),
    }
}

/// The flow in use and `flow.json` as read: a file that cannot be read is an error naming
/// it (with its line and column).
fn read(ctx: &Session) -> Result<(FlowSnapshot, Roster, FlowStore, FlowFile)> {
    let (flow, roster) = flow_in_use(&ctx.dir)?;
    let (store, file) = FlowStore::open(&ctx.dir);
    Ok((flow, roster, store, file?))
}

fn sign_off(args: SignOffArgs, ctx: &Session) -> Result<ExitCode> {
    let lang = ctx.operator.lang;
    let by = normalize_input(args.by.trim());
    if !has_content(&by) {
        bail!("{}", t(lang, Msg::FlowByEmpty));
    }
    if !ctx.dir.roster().exists() {
        bail!(
            "{}",
            fill(
                lang,
                Msg::FlowNoRosterToSign,
                &[("path", &ctx.dir.roster().display().to_string())]
            )
        );
    }
    let (flow, roster, mut store, mut file) = read(ctx)?;
    if roster.sample {
        bail!(
            "{}",
            fill(
                lang,
                Msg::FlowSampleNotSigned,
                &[("path", &ctx.dir.roster().display().to_string())]
            )
        );
    }
    let fingerprint = flow.fingerprint();
    let before = sign_off_state(
        &file,
        &flow,
        &fingerprint,
        ctx.now,
        roster.sign_off_max_age_days(),
    );
    let note = normalize_input(args.note.as_deref().unwrap_or("").trim());
    let entry = shiftdesk_store::stamp::stamp(
        FlowEntry::SignOff {
            note,
            flow: Box::new(flow),
        },
        ctx.now,
        &by,
        &ctx.origin,
    );
    record(Some(&mut store), &mut file, entry).map_err(|why| anyhow::anyhow!("{why}"))?;
    let mut out = std::io::stdout().lock();
    let when = ctx.operator.zone.date_time(ctx.now);
    writeln!(
        out,
        "{}",
        fill(
            lang,
            Msg::FlowSignedOff,
            &[
                ("fingerprint", short(&fingerprint)),
                ("by", &safe_line(&by)),
                ("when", &when)
            ],
        )
    )?;
    changes_lines(&mut out, &before, lang)?;
    Ok(ExitCode::SUCCESS)
}

/// The changes since the sign-off, a line each, indented.
fn changes_lines(out: &mut impl Write, state: &SignOffState, lang: Lang) -> Result<()> {
    for d in state.changes() {
        writeln!(out, "  • {}", d.words(lang))?;
    }
    Ok(())
}

/// The operators the data dir knows: who opened an incident or wrote in a timeline.
fn known_operators(ctx: &Session) -> BTreeSet<String> {
    let (_, file) = IncidentsStore::open(&ctx.dir);
    let Ok(file) = file else {
        return BTreeSet::new();
    };
    file.incidents
        .iter()
        .flat_map(|i| std::iter::once(&i.opened_by).chain(i.timeline.iter().map(|e| &e.by)))
        .filter(|s| has_content(s))
        .cloned()
        .collect()
}

fn status(args: StatusArgs, ctx: &Session) -> Result<ExitCode> {
    let lang = ctx.operator.lang;
    let zone = &ctx.operator.zone;
    let (flow, roster, _, file) = read(ctx)?;
    let fingerprint = flow.fingerprint();
    let max_days = roster.sign_off_max_age_days();
    let state = sign_off_state(&file, &flow, &fingerprint, ctx.now, max_days);
    let known = known_operators(ctx);
    let (acked, not) = not_acknowledged(&file, known.iter().map(String::as_str), &fingerprint);
    let warnings = state.warnings(lang, zone);
    let mut out = std::io::stdout().lock();
    if args.json {
        let sign_off = match &state {
            SignOffState::Never => serde_json::Value::Null,
            SignOffState::Signed {
                sign_off,
                days,
                changed,
                ..
            } => json!({
                "fingerprint": sign_off.fingerprint,
                "by": sign_off.by,
                "at": sign_off.at,
                "note": sign_off.note,
                "days_ago": days,
                "too_old": *days > i64::from(max_days),
                "changed_since": *changed != Changed::No,
            }),
        };
        let changes: Vec<String> = state.changes().iter().map(|d| d.words(lang)).collect();
        let value = json!({
            "fingerprint": fingerprint,
            "sign_off": sign_off,
            "max_age_days": max_days,
            "changes_since_sign_off": changes,
            "warnings": warnings,
            "acknowledged": acked,
            "not_acknowledged": not,
        });
        print_json(&mut out, &value)?;
    } else {
        writeln!(
            out,
            "{}",
            fill(lang, Msg::FlowStatusInUse, &[("fingerprint", &fingerprint)])
        )?;
        if let Some(line) = state.in_order(lang, zone) {
            writeln!(out, "{line}")?;
        }
        for w in &warnings {
            writeln!(out, "{w}")?;
        }
        if let SignOffState::Signed { sign_off, .. } = &state
            && !sign_off.note.is_empty()
        {
            let note = safe_line(&sign_off.note);
            writeln!(
                out,
                "{}",
                fill(lang, Msg::FlowStatusNote, &[("note", &note)])
            )?;
        }
        changes_lines(&mut out, &state, lang)?;
        let names = |v: &[String]| safe_line(&v.join(", "));
        if acked.is_empty() && not.is_empty() {
            writeln!(out, "{}", t(lang, Msg::FlowStatusNobody))?;
        } else if not.is_empty() {
            writeln!(
                out,
                "{}",
                fill(lang, Msg::FlowStatusAllAcked, &[("names", &names(&acked))])
            )?;
        } else {
            writeln!(
                out,
                "{}",
                fill(lang, Msg::FlowStatusNotAcked, &[("names", &names(&not))])
            )?;
        }
    }
    Ok(if warnings.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// What `roster check` and `doctor` say about the flow: the sign-off's warnings (never
/// signed is not said of the bundled sample roster, which is said already), each with the
/// changes since it was signed; or why it cannot be told (flow.json unreadable).
pub fn flow_findings(ctx: &Session, zone: &Zone) -> Vec<(String, Vec<String>)> {
    let lang = ctx.operator.lang;
    let Ok((flow, roster)) = flow_in_use(&ctx.dir) else {
        // The roster's own problem is told where the roster is checked.
        return Vec::new();
    };
    let file = match FlowStore::open(&ctx.dir).1 {
        Ok(file) => file,
        Err(p) => {
            return vec![(
                fill(lang, Msg::FlowProblem, &[("why", &p.to_string())]),
                Vec::new(),
            )];
        }
    };
    let fingerprint = flow.fingerprint();
    let state = sign_off_state(
        &file,
        &flow,
        &fingerprint,
        ctx.now,
        roster.sign_off_max_age_days(),
    );
    if roster.sample && state == SignOffState::Never {
        return Vec::new();
    }
    let changes: Vec<String> = state.changes().iter().map(|d| d.words(lang)).collect();
    let warnings = state.warnings(lang, zone);
    let n = warnings.len();
    warnings
        .into_iter()
        .enumerate()
        .map(|(i, w)| {
            (
                w,
                if i + 1 == n {
                    changes.clone()
                } else {
                    Vec::new()
                },
            )
        })
        .collect()
}
