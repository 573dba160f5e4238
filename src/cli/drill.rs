//! `shiftdesk drill list | start | report | history`.

use super::lookup::{archived_where, find};
use super::{Session, load_incidents, open_incident, print_json, roster_or_empty, roster_seeded};
use anyhow::{Result, bail};
use clap::{Args, Subcommand};
use serde_json::json;
use shiftdesk_core::drill::report::{Format, drill_history, drill_report};
use shiftdesk_core::drill::result::drill_incident;
use shiftdesk_core::i18n::{Msg, fill};
use shiftdesk_core::text::safe_line;
use shiftdesk_store::drills::load_scenarios;
use shiftdesk_store::playbooks_file::load_playbooks;
use std::io::Write;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum DrillCommand {
    /// The scenarios: bundled, and the team's own in the data dir's drills/ folder
    List(DrillListArgs),
    /// Start a drill from a scenario and print the drill incident's id
    Start(DrillStartArgs),
    /// A drill's results: failed readiness checks first, then the figures
    Report(DrillReportArgs),
    /// Past runs of each scenario with their key times
    History(DrillHistoryArgs),
}

#[derive(Debug, Args)]
pub struct DrillListArgs {
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct DrillStartArgs {
    /// The scenario id, e.g. network-failover
    pub name: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DrillFormat {
    /// Markdown, to share
    Md,
    /// Plain text, to read
    Text,
}

#[derive(Debug, Args)]
pub struct DrillReportArgs {
    /// The drill incident, e.g. INC-0007
    pub id: String,
    #[arg(long, value_enum, default_value = "md")]
    pub format: DrillFormat,
}

#[derive(Debug, Args)]
pub struct DrillHistoryArgs {
    /// Only this scenario
    pub name: Option<String>,
}

pub fn run(command: DrillCommand, ctx: &Session) -> Result<ExitCode> {
    match command {
        DrillCommand::List(args) => list(args, ctx),
        DrillCommand::Start(args) => start(args, ctx),
        DrillCommand::Report(args) => report(args, ctx),
        DrillCommand::History(args) => history(args, ctx),
    }
}

fn list(args: DrillListArgs, ctx: &Session) -> Result<ExitCode> {
    let lang = ctx.operator.lang;
    let scenarios = load_scenarios(&ctx.dir);
    for p in &scenarios.problems {
        eprintln!(
            "{}",
            fill(lang, Msg::MsgScenarioProblem, &[("why", &p.to_string())])
        );
    }
    let mut out = std::io::stdout().lock();
    if args.json {
        let items: Vec<_> = scenarios
            .list
            .iter()
            .map(|l| {
                json!({
                    "id": l.scenario.id,
                    "name": l.scenario.name.get(lang),
                    "category": l.scenario.incident.category,
                    "severity": l.scenario.incident.severity,
                    "injects": l.scenario.injects.len(),
                    "readiness_checks": l.scenario.readiness_checks.len(),
                    "file": l.path.as_ref().map(|p| p.display().to_string()),
                })
            })
            .collect();
        print_json(&mut out, &items)?;
        return Ok(ExitCode::SUCCESS);
    }
    for l in &scenarios.list {
        let s = &l.scenario;
        writeln!(out, "{}  {}", safe_line(&s.id), safe_line(s.name.get(lang)))?;
        let counts = fill(
            lang,
            Msg::DrillsCounts,
            &[
                ("injects", &s.injects.len().to_string()),
                ("checks", &s.readiness_checks.len().to_string()),
            ],
        );
        writeln!(out, "    {counts}")?;
    }
    Ok(ExitCode::SUCCESS)
}

fn start(args: DrillStartArgs, ctx: &Session) -> Result<ExitCode> {
    let lang = ctx.operator.lang;
    let scenarios = load_scenarios(&ctx.dir);
    let Some(scenario) = scenarios.find(&args.name) else {
        let ids: Vec<&str> = scenarios
            .list
            .iter()
            .map(|l| l.scenario.id.as_str())
            .collect();
        eprintln!(
            "{}",
            fill(
                lang,
                Msg::ErrNoScenario,
                &[("name", &safe_line(&args.name)), ("ids", &ids.join(", "))]
            )
        );
        return Ok(ExitCode::from(1));
    };
    ctx.dir.create()?;
    let roster = roster_seeded(&ctx.dir);
    let playbooks = load_playbooks(&ctx.dir).playbooks;
    let Some(new) = drill_incident(scenario, &playbooks, &roster, lang, ctx.now) else {
        bail!("no playbook for {}", scenario.incident.category);
    };
    open_incident(new, ctx)
}

fn report(args: DrillReportArgs, ctx: &Session) -> Result<ExitCode> {
    let lang = ctx.operator.lang;
    let (_, file) = load_incidents(&ctx.dir)?;
    let Some(inc) = find(&ctx.dir, &file, &args.id, lang)? else {
        return Ok(ExitCode::from(1));
    };
    let roster = roster_or_empty(&ctx.dir);
    let format = match args.format {
        DrillFormat::Md => Format::Markdown,
        DrillFormat::Text => Format::Text,
    };
    match drill_report(&inc, &roster, lang, &ctx.operator.zone, ctx.now, format) {
        Some(text) => {
            print!("{text}");
            Ok(ExitCode::SUCCESS)
        }
        None => {
            eprintln!("{}", fill(lang, Msg::ErrNotADrill, &[("id", &inc.id.0)]));
            Ok(ExitCode::from(1))
        }
    }
}

fn history(args: DrillHistoryArgs, ctx: &Session) -> Result<ExitCode> {
    let lang = ctx.operator.lang;
    let (_, file) = load_incidents(&ctx.dir)?;
    let roster = roster_or_empty(&ctx.dir);
    let mut incidents = file.incidents.clone();
    incidents.extend(archived_where(&ctx.dir, &file, |e| e.drill)?);
    let text = drill_history(
        &incidents,
        &roster,
        args.name.as_deref(),
        lang,
        &ctx.operator.zone,
        ctx.now,
    );
    println!("{text}");
    Ok(ExitCode::SUCCESS)
}
