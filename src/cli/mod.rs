//! The command line: the desk, and subcommands for scripts, tests and people without a
//! full terminal. Same model and store as the desk.

use crate::app::Operator;
use crate::app::attention::Notify;
use crate::app::effects::ClipboardMode;
use anyhow::{Context, Result, bail};
use shiftdesk_core::change::{Applied, Change, NewIncident, Reported, Stamped};
use shiftdesk_core::clock::{Zone, parse_time_input};
use shiftdesk_core::desk::IncidentsFile;
use shiftdesk_core::escalation::route_progress;
use shiftdesk_core::i18n::{self, Lang, Msg, fill, t};
use shiftdesk_core::next_action;
use shiftdesk_core::report::{Reporter, report_text};
use shiftdesk_core::roster::ROSTER_SCHEMA_VERSION;
use shiftdesk_core::roster::Roster;
use shiftdesk_core::roster::check::{check, has_errors};
use shiftdesk_core::search::SearchIndex;
use shiftdesk_core::text::{
    escape_unsafe_in_json, has_content, normalize_input, safe_block, safe_line,
};
use shiftdesk_core::timeline::{entry_line, via_words};
use shiftdesk_core::{Category, Incident, Severity};
use shiftdesk_store::DataDir;
use shiftdesk_store::incidents::IncidentsStore;
use shiftdesk_store::json_file::{parse, read_bytes};
use shiftdesk_store::playbooks_file::load_playbooks;
use shiftdesk_store::roster_file::{RosterLoad, load_roster, open_roster};

mod columns;
mod debug;
mod doctor;
mod drill;
mod duties;
mod flow;
pub mod generated;
mod guide;
mod list;
mod lookup;
mod oncall;
mod roster_io;
mod share;
mod sheet;
pub mod status;
pub mod sync;
pub mod sync_args;
mod sync_write;
use chrono::{DateTime, Utc};
use clap::{Args, Parser, Subcommand};
use serde_json::json;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "shiftdesk",
    version,
    about = "Guided incident response for on-shift operators: record, report within the agreed \
             minutes, escalate, assess, fix, review.",
    long_about = None
)]
pub struct Cli {
    /// Data directory (default: the platform's data dir; or SHIFTDESK_DATA_DIR)
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Language of the screen and output: ja or en (default: from LC_ALL / LC_MESSAGES / LANG)
    #[arg(long, global = true, value_name = "ja|en", value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// Who is on shift (default: SHIFTDESK_OPERATOR, else the login name)
    #[arg(long, global = true, value_name = "NAME")]
    pub operator: Option<String>,
    /// The number to call you back on, for report texts (default: SHIFTDESK_CALLBACK, else
    /// your phone in the roster when your name is there)
    #[arg(long, global = true, value_name = "NUMBER")]
    pub callback: Option<String>,
    /// How `y` copies: osc52, tmux (passthrough) or off (default: SHIFTDESK_CLIPBOARD, else
    /// tmux inside tmux, osc52 elsewhere)
    #[arg(long, global = true, value_name = "MODE", value_parser = parse_clipboard)]
    pub clipboard: Option<ClipboardMode>,
    /// normal or high-contrast (bold and reverse instead of dim greys, for poor palettes;
    /// default: SHIFTDESK_THEME, else normal). NO_COLOR (any value) takes colour away
    #[arg(long, global = true, value_name = "THEME", value_parser = parse_theme)]
    pub theme: Option<crate::app::look::Theme>,
    /// How the desk calls for attention: a list of bell and osc (OSC 9/777 desktop
    /// notifications), or off (default: SHIFTDESK_NOTIFY, else bell)
    #[arg(long, value_name = "bell,osc|off", value_parser = parse_notify)]
    pub notify: Option<Notify>,
    /// A command run for each call for attention, with the facts in SHIFTDESK_ALERT_*
    /// variables and as JSON on its input; split into words, never run by a shell
    #[arg(long, value_name = "COMMAND", value_parser = parse_hook)]
    pub on_alert: Option<HookCommand>,
    /// How long before a report deadline the desk calls: 2m, 90s (default: 2m)
    #[arg(long, value_name = "TIME", value_parser = parse_interval)]
    pub alert_before: Option<chrono::Duration>,
    /// How often an overdue incident nobody acts on calls again, and the least time between
    /// two calls for one incident and reason: 5m, 30s (default: 5m)
    #[arg(long, value_name = "TIME", value_parser = parse_interval)]
    pub alert_every: Option<chrono::Duration>,
    #[command(flatten)]
    pub sync: sync_args::SyncArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Record a new incident and print its id
    New(NewArgs),
    /// List open incidents, most urgent first
    List(ListArgs),
    /// Show one incident with its checklist and timeline
    Show(ShowArgs),
    /// Print the report text of an incident, to read out or paste
    Report(ReportArgs),
    /// Find contacts by any fragment: name, reading, role, team, digits, email. Exit 1 when
    /// none matches or the data dir has no roster yet; the bundled sample is named on stderr
    Contacts(ContactsArgs),
    /// Write an incident report to share: Markdown (for email or a wiki) or JSON
    Export(share::ExportArgs),
    /// What the next shift needs: open incidents, their next actions and deadlines,
    /// incidents closed during the shift, follow-ups that are due. Drills are left out
    Handover(share::HandoverArgs),
    /// Drills: rehearse the flow from a scenario, and see whether the team is improving
    #[command(subcommand)]
    Drill(drill::DrillCommand),
    /// The team's incident guide: what each category is, examples and boundary cases,
    /// what makes it a 1, 2, 3 or 4, the scope definition, the known risks; `guide check`
    /// validates a team's own guide.json
    Guide(guide::GuideArgs),
    /// Look the data dir over: permissions, files, schema, leftovers, backups, the lock —
    /// and say what to do (exit 1 when something needs doing)
    Doctor,
    /// (for tests) save notes one by one, acknowledging each on stdout
    #[command(hide = true, name = "debug-writer")]
    DebugWriter(debug::WriterArgs),
    /// (for tests) hold the lock until killed
    #[command(hide = true, name = "debug-hold-lock")]
    DebugHoldLock,
    /// The roster: check it before it is needed
    #[command(subcommand)]
    Roster(RosterCommand),
    /// Who of each rotation in roster.json is on duty now (or at --at), until when, and
    /// who is next
    Oncall(oncall::OncallArgs),
    /// The agreed flow (routes, contacts, playbooks, guide): sign it off once checked with
    /// the people concerned; see where the sign-off stands and who has not acknowledged
    /// the flow in use yet
    #[command(subcommand)]
    Flow(flow::FlowCommand),
    /// One short line for tmux's status-right: how many are open, the most overdue, or the
    /// next deadline (`2 open · OVERDUE INC-0003 +3m`). Reads the live incidents file and
    /// who is away in the roster, never the archive; takes no lock, writes nothing; exit 1
    /// when the incidents file cannot be read
    Status(status::StatusArgs),
    /// Share the board across hosts and sites (NATS JetStream): create the streams, print a
    /// server config, see whether this desk is linked
    #[command(subcommand)]
    Sync(sync::SyncCommand),
    /// Print shell completions: bash, zsh or fish (see the README for where they go)
    Completions(generated::CompletionsArgs),
    /// Print the man page (roff), generated from the same definitions as --help
    Man,
}

#[derive(Debug, Args)]
pub struct ContactsArgs {
    /// What to look for (all contacts when left out)
    pub query: Option<String>,
    /// Print JSON for scripts
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum RosterCommand {
    /// Check roster.json: routes cover every category, contacts resolve, numbers look
    /// right. Exit 1 on any error, 0 with warnings only
    Check(RosterCheckArgs),
    /// Merge contacts from a CSV file (header row; name, kana, role, team, phone, phone2,
    /// email, notes in any order, Japanese headers too): UTF-8 (with or without BOM),
    /// Shift_JIS/CP932 (Excel's "CSV" in Japan) or UTF-16 with BOM (Excel's "Unicode text",
    /// tab-separated), as it says. Nothing is written unless every row is good; each change
    /// is printed as old → new
    Import(RosterImportArgs),
    /// Write the roster out as CSV or JSON
    Export(RosterExportArgs),
    /// Write one vCard 3.0 per contact, for a phone's address book (exit 1, writing nothing,
    /// when the data dir has no roster yet; the bundled sample is named on stderr)
    Vcard(RosterVcardArgs),
    /// The contact sheet for the wall: each route with its levels, deadlines and numbers,
    /// who is on duty this week, and when and by whom the flow was signed off; Markdown, or
    /// HTML that prints on one A4 page (exit 1, writing nothing, when the data dir has no
    /// roster yet)
    Sheet(sheet::SheetArgs),
}

#[derive(Debug, Args)]
pub struct RosterImportArgs {
    /// The CSV file: UTF-8 (with or without BOM), Shift_JIS (CP932) or UTF-16 with BOM;
    /// comma- or tab-separated
    pub file: PathBuf,
    /// Print what the import would change, and write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Drop a matched contact's phone numbers that its row does not list (kept otherwise;
    /// a row with no phone leaves the phones alone)
    #[arg(long)]
    pub replace: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Csv,
    Json,
}

#[derive(Debug, Args)]
pub struct RosterExportArgs {
    #[arg(long, value_enum, default_value = "csv")]
    pub format: ExportFormat,
    /// Write to this file instead of standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct RosterVcardArgs {
    /// Write to this file instead of standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct RosterCheckArgs {
    /// Print the problems as JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Incident id, e.g. INC-0001 (or just 1)
    pub id: String,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    #[arg(long)]
    pub title: String,
    /// Category id, e.g. operational.system_outage, team.security
    #[arg(long, value_parser = parse_category)]
    pub category: Category,
    /// The kind of the category, where it has kinds (e.g. team.security: lost_card,
    /// misdirected_email, misdirected_fax, other); default: other, or the first kind
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// 1 (critical) to 4 (minor)
    #[arg(long, value_parser = parse_severity)]
    pub severity: Severity,
    #[arg(long, default_value = "")]
    pub description: String,
    /// When it was detected: HH:MM or "YYYY-MM-DD HH:MM" (default: now)
    #[arg(long, value_name = "TIME")]
    pub detected: Option<String>,
    /// Record it as a drill, kept apart from live incidents
    #[arg(long)]
    pub drill: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Include closed incidents
    #[arg(long)]
    pub all: bool,
    /// Only incidents detected since then: YYYY-MM-DD, or 48h, or 7d back from now
    #[arg(long, value_name = "WHEN")]
    pub since: Option<String>,
    /// Only incidents of this category id
    #[arg(long, value_parser = parse_category)]
    pub category: Option<Category>,
    /// Print JSON for scripts
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Incident id, e.g. INC-0001 (or just 1)
    pub id: String,
    /// Print the stored record as JSON
    #[arg(long)]
    pub json: bool,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("{s:?} is not a language; use ja or en"))
}

fn parse_clipboard(s: &str) -> Result<ClipboardMode, String> {
    ClipboardMode::parse(s)
        .ok_or_else(|| format!("{s:?} is not a clipboard mode; use osc52, tmux or off"))
}

fn parse_theme(s: &str) -> Result<crate::app::look::Theme, String> {
    crate::app::look::Theme::parse(s)
        .ok_or_else(|| format!("{s:?} is not a theme; use normal or high-contrast"))
}

/// The `--on-alert` command, split into its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HookCommand(pub Vec<String>);

fn parse_hook(s: &str) -> Result<HookCommand, String> {
    crate::alert_hook::split_command(s).map(HookCommand)
}

fn parse_notify(s: &str) -> Result<Notify, String> {
    Notify::parse(s)
}

/// `90s`, `2m`, or a number of minutes.
fn parse_interval(s: &str) -> Result<chrono::Duration, String> {
    let t = s.trim();
    let (digits, unit) = match t.strip_suffix('s') {
        Some(d) => (d, 1),
        None => (t.strip_suffix('m').unwrap_or(t), 60),
    };
    digits
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|n| *n > 0)
        .map(|n| chrono::Duration::seconds(i64::from(n) * unit))
        .ok_or_else(|| format!("{s:?} is not a time like 2m or 90s"))
}

fn parse_category(s: &str) -> Result<Category, String> {
    s.parse::<Category>().map_err(|e| e.to_string())
}

fn parse_severity(s: &str) -> Result<Severity, String> {
    s.parse::<Severity>()
}

/// What a subcommand needs to know about who runs it.
pub struct Session {
    pub dir: DataDir,
    pub operator: Operator,
    pub now: DateTime<Utc>,
    /// The name of this desk, which the changes made here carry.
    pub origin: String,
    /// Colour or not (NO_COLOR), and the theme.
    pub look: crate::app::look::Look,
    /// The flags that put this data dir on a shared board (over config.toml's `[sync]`).
    pub sync: sync_args::SyncArgs,
}

impl Session {
    /// A change made now by this operator at this desk, with an id of its own.
    pub fn stamp<C>(&self, change: C) -> Stamped<C> {
        shiftdesk_store::stamp::stamp(change, self.now, &self.operator.name, &self.origin)
    }
}

pub fn run(command: Command, ctx: &Session) -> Result<ExitCode> {
    match command {
        Command::New(args) => new(args, ctx),
        Command::List(args) => list::list(args, ctx),
        Command::Show(args) => show(args, ctx),
        Command::Report(args) => report(args, ctx),
        Command::Contacts(args) => contacts(args, ctx),
        Command::Export(args) => share::export(args, ctx),
        Command::Handover(args) => share::handover(args, ctx),
        Command::Drill(command) => drill::run(command, ctx),
        Command::Guide(args) => guide::guide(args, ctx),
        Command::Doctor => doctor::run(ctx),
        Command::Oncall(args) => oncall::oncall(args, ctx),
        Command::DebugWriter(args) => debug::writer(args, ctx),
        Command::DebugHoldLock => debug::hold_lock(ctx),
        Command::Roster(RosterCommand::Check(args)) => roster_check(args, ctx),
        Command::Roster(RosterCommand::Import(args)) => roster_io::import(args, ctx),
        Command::Roster(RosterCommand::Export(args)) => roster_io::export(args, ctx),
        Command::Roster(RosterCommand::Vcard(args)) => roster_io::vcard(args, ctx),
        Command::Roster(RosterCommand::Sheet(args)) => sheet::sheet(args, ctx),
        Command::Flow(command) => flow::run(command, ctx),
        Command::Status(args) => status::status(args, ctx),
        Command::Sync(command) => sync::run(command, ctx),
        Command::Completions(args) => generated::completions(args),
        Command::Man => generated::man(),
    }
}

/// `--since`: a day (`2026-11-01`, from its start in the display zone), or hours or days
/// back from now (`48h`, `7d`).
fn parse_since(s: &str, ctx: &Session) -> Result<DateTime<Utc>, String> {
    let s = s.trim();
    let back = |n: &str, unit: i64| {
        n.parse::<i64>()
            .ok()
            .filter(|n| *n >= 0)
            .map(|n| ctx.now - chrono::Duration::hours(n * unit))
    };
    let parsed = if let Some(n) = s.strip_suffix('h') {
        back(n, 1)
    } else if let Some(n) = s.strip_suffix('d') {
        back(n, 24)
    } else {
        chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .ok()
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .and_then(|d| ctx.operator.zone.to_utc(d))
    };
    parsed.ok_or_else(|| {
        format!("--since {s:?}: give a day (YYYY-MM-DD) or hours / days back (48h, 7d)")
    })
}

/// Pretty JSON on stdout: control characters escaped by JSON, bidi controls by us.
fn print_json<T: serde::Serialize>(out: &mut impl Write, value: &T) -> Result<()> {
    let text = serde_json::to_string_pretty(value)?;
    writeln!(out, "{}", escape_unsafe_in_json(&text))?;
    Ok(())
}

/// Text to a file (atomically, owner-only) or to standard output.
fn emit(text: &str, out: Option<&std::path::Path>) -> Result<()> {
    match out {
        Some(path) => shiftdesk_store::atomic::write_atomic(path, text.as_bytes())
            .with_context(|| format!("writing {}", path.display())),
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(text.as_bytes())?;
            Ok(())
        }
    }
}

fn load_incidents(dir: &DataDir) -> Result<(IncidentsStore, IncidentsFile)> {
    let (store, loaded) = IncidentsStore::open(dir);
    let file = loaded.map_err(anyhow::Error::new)?;
    Ok((store, file))
}

fn roster_or_empty(dir: &DataDir) -> Roster {
    match load_roster(dir) {
        RosterLoad::Loaded(r) | RosterLoad::Seeded(r) => r,
        RosterLoad::Problem(p) => {
            eprintln!("warning: {p}");
            Default::default()
        }
    }
}

fn new(args: NewArgs, ctx: &Session) -> Result<ExitCode> {
    let lang = ctx.operator.lang;
    let title = normalize_input(args.title.trim());
    if !has_content(&title) {
        bail!("--title is empty: {}", t(lang, Msg::ErrTitleRequired));
    }
    let detected_at = parse_time_input(
        args.detected.as_deref().unwrap_or(""),
        ctx.now,
        &ctx.operator.zone,
    )
    .map_err(|e| {
        let msg = e.msg();
        anyhow::anyhow!(
            "--detected {:?}: {}",
            args.detected.unwrap_or_default(),
            t(lang, msg)
        )
    })?;
    ctx.dir.create()?;
    let playbooks = load_playbooks(&ctx.dir);
    if let Some(p) = &playbooks.problem {
        eprintln!("warning: {p} (using the bundled playbooks)");
    }
    let roster = roster_seeded(&ctx.dir);
    let Some(book) = playbooks.playbooks.for_category(args.category) else {
        bail!("no playbook for {}", args.category);
    };
    if let Some(kind) = &args.kind
        && book.kind(kind).is_none()
    {
        let kinds: Vec<&str> = book.kinds.iter().map(|k| k.id.as_str()).collect();
        let text = if kinds.is_empty() {
            fill(lang, Msg::ErrNoKinds, &[("category", args.category.id())])
        } else {
            fill(
                lang,
                Msg::ErrUnknownKind,
                &[
                    ("kind", &safe_line(kind)),
                    ("category", args.category.id()),
                    ("kinds", &kinds.join(", ")),
                ],
            )
        };
        let _ = writeln!(std::io::stderr(), "shiftdesk: {text}");
        return Ok(ExitCode::from(2));
    }
    let reported = Reported {
        title,
        category: args.category,
        kind: args.kind,
        severity: args.severity,
        detected_at,
        description: normalize_input(args.description.trim()),
    };
    let new = NewIncident::new(reported, book, &roster).on_duty_at(&roster, ctx.now);
    open_incident(if args.drill { new.as_drill(None) } else { new }, ctx)
}

/// The roster for a new incident: like the desk, the first incident of a data dir seeds
/// its sample roster.
fn roster_seeded(dir: &DataDir) -> Roster {
    match open_roster(dir).1 {
        RosterLoad::Loaded(r) | RosterLoad::Seeded(r) => r,
        RosterLoad::Problem(p) => {
            eprintln!("warning: {p}");
            Roster::default()
        }
    }
}

/// Records a new incident and prints its id.
fn open_incident(new: NewIncident, ctx: &Session) -> Result<ExitCode> {
    let change = Change::Open(Box::new(new));
    if let Some(mut desk) = sync_write::synced_desk(ctx)? {
        let outcome = desk.submit(ctx.stamp(change));
        let id = match outcome.result {
            Ok(Applied::Opened(id)) => id,
            Ok(_) => bail!("the incident was not recorded"),
            Err(shiftdesk_store::Refusal::Refused(e)) => bail!("{}", e.message(ctx.operator.lang)),
            Err(shiftdesk_store::Refusal::ReadOnly(why)) => bail!("{why}"),
        };
        if let shiftdesk_store::Saved::Kept { why } = outcome.saved {
            bail!("saving {}: {why}", ctx.dir.incidents().display());
        }
        sync_write::send_now(&mut desk, ctx);
        println!("{id}");
        return Ok(ExitCode::SUCCESS);
    }
    let (mut store, file) = load_incidents(&ctx.dir)?;
    let committed = store
        .commit(&file, &[ctx.stamp(change)])
        .with_context(|| format!("saving {}", store.path().display()))?;
    match committed.results.into_iter().next() {
        Some(Ok(Applied::Opened(id))) => {
            println!("{id}");
            Ok(ExitCode::SUCCESS)
        }
        Some(Err(e)) => bail!("{}", e.message(ctx.operator.lang)),
        _ => bail!("the incident was not recorded"),
    }
}

/// The next report deadline of an incident in words; empty when none is pending.
fn due_words(inc: &Incident, roster: &Roster, ctx: &Session) -> String {
    let progress = route_progress(inc, roster, ctx.now);
    let (lang, zone) = (ctx.operator.lang, &ctx.operator.zone);
    next_action::due_words(inc, &progress, roster, lang, zone, ctx.now)
        .map(|(words, _)| words)
        .unwrap_or_default()
}

fn contacts(args: ContactsArgs, ctx: &Session) -> Result<ExitCode> {
    let Some(roster) = roster_io::roster_to_print(ctx)? else {
        return Ok(ExitCode::from(1));
    };
    let hits = SearchIndex::new(&roster).search(args.query.as_deref().unwrap_or(""));
    let mut out = std::io::stdout().lock();
    if args.json {
        let items: Vec<_> = hits
            .iter()
            .map(|h| {
                let c = &roster.contacts[h.contact];
                json!({
                    "id": c.id,
                    "name": c.name,
                    "kana": c.kana,
                    "role": c.role,
                    "team": c.team,
                    "phones": c.phones,
                    "email": c.email,
                    "unavailable": c.is_unavailable_at(ctx.now),
                })
            })
            .collect();
        print_json(&mut out, &items)?;
    } else {
        for h in &hits {
            let c = &roster.contacts[h.contact];
            let phones: Vec<String> = c
                .phones
                .iter()
                .map(|p| {
                    let label = i18n::phone_label(ctx.operator.lang, &p.label);
                    format!("{label} {}", safe_line(&p.number))
                })
                .collect();
            let away = if c.is_unavailable_at(ctx.now) {
                format!(" ({})", t(ctx.operator.lang, Msg::Away))
            } else {
                String::new()
            };
            writeln!(
                out,
                "{}  {}  {}  {}{}",
                safe_line(&c.name),
                safe_line(&c.role),
                phones.join(", "),
                safe_line(&c.email),
                away
            )?;
        }
    }
    Ok(if hits.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn roster_check(args: RosterCheckArgs, ctx: &Session) -> Result<ExitCode> {
    let lang = ctx.operator.lang;
    let path = ctx.dir.roster();
    let roster = match read_bytes(&path)? {
        Some(bytes) => parse::<Roster>(&path, &bytes, ROSTER_SCHEMA_VERSION)?,
        None => bail!("{}: {}", path.display(), t(lang, Msg::ErrNoRoster)),
    };
    let problems = check(&roster);
    let flow = flow::flow_findings(ctx, &ctx.operator.zone);
    let mut out = std::io::stdout().lock();
    if args.json {
        let mut items: Vec<_> = problems
            .iter()
            .map(|p| {
                json!({
                    "level": if p.is_error() { "error" } else { "warning" },
                    "place": p.place,
                    "message": p.message(lang),
                    "fix": p.fix(lang),
                })
            })
            .collect();
        items.extend(flow.iter().map(|(message, changes)| {
            json!({
                "level": "warning",
                "place": "flow",
                "message": message,
                "changes": changes,
            })
        }));
        print_json(&mut out, &items)?;
    } else {
        for p in &problems {
            let level = if p.is_error() {
                t(lang, Msg::WordError)
            } else {
                t(lang, Msg::WordWarning)
            };
            writeln!(
                out,
                "{level} {}: {}",
                safe_line(&p.place),
                safe_line(&p.message(lang))
            )?;
            writeln!(out, "    → {}", safe_line(&p.fix(lang)))?;
        }
        for (message, changes) in &flow {
            writeln!(
                out,
                "{} flow: {}",
                t(lang, Msg::WordWarning),
                safe_line(message)
            )?;
            for c in changes {
                writeln!(out, "    • {c}")?;
            }
        }
        let errors = problems.iter().filter(|p| p.is_error()).count();
        let summary = fill(
            lang,
            Msg::CheckSummary,
            &[
                ("path", &path.display().to_string()),
                ("errors", &errors.to_string()),
                (
                    "warnings",
                    &(problems.len() + flow.len() - errors).to_string(),
                ),
            ],
        );
        writeln!(out, "{summary}")?;
    }
    Ok(if has_errors(&problems) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn report(args: ReportArgs, ctx: &Session) -> Result<ExitCode> {
    let (_, file) = load_incidents(&ctx.dir)?;
    let Some(inc) = lookup::find(&ctx.dir, &file, &args.id, ctx.operator.lang)? else {
        return Ok(ExitCode::from(1));
    };
    let roster = roster_or_empty(&ctx.dir);
    let callback = ctx
        .operator
        .callback
        .as_deref()
        .or_else(|| roster.own_phone(&ctx.operator.name));
    let reporter = Reporter {
        name: &ctx.operator.name,
        callback,
    };
    let text = report_text(
        &inc,
        &roster,
        &reporter,
        ctx.operator.lang,
        &ctx.operator.zone,
        ctx.now,
    );
    println!("{text}");
    if callback.is_none() {
        eprintln!("{}", t(ctx.operator.lang, Msg::ReportNoCallback));
    }
    Ok(ExitCode::SUCCESS)
}

fn show(args: ShowArgs, ctx: &Session) -> Result<ExitCode> {
    let lang = ctx.operator.lang;
    let zone: &Zone = &ctx.operator.zone;
    let (_, file) = load_incidents(&ctx.dir)?;
    let Some(inc) = lookup::find(&ctx.dir, &file, &args.id, lang)? else {
        return Ok(ExitCode::from(1));
    };
    let inc = &inc;
    let mut out = std::io::stdout().lock();
    if args.json {
        print_json(&mut out, inc)?;
        return Ok(ExitCode::SUCCESS);
    }
    let roster = roster_or_empty(&ctx.dir);
    let drill = if inc.drill {
        format!(" [{}]", t(lang, Msg::Drill))
    } else {
        String::new()
    };
    writeln!(out, "{} {}{}", inc.id, safe_line(&inc.title), drill)?;
    // The kind, where the incident has one (not one recorded before kinds).
    let kind = match (inc.kind_words(lang), &inc.kind) {
        (Some(name), Some(id)) => {
            let id = safe_line(id);
            format!(" · {}: {name} ({id})", t(lang, Msg::FieldKind))
        }
        _ => String::new(),
    };
    writeln!(
        out,
        "{}: {} ({}){kind} · {}: {}",
        t(lang, Msg::ColCategory),
        i18n::category(lang, inc.category),
        inc.category.id(),
        t(lang, Msg::ColSev),
        i18n::severity(lang, inc.severity)
    )?;
    let status = if inc.is_open() {
        t(lang, Msg::StatusOpen)
    } else {
        t(lang, Msg::StatusClosed)
    };
    let phase = inc
        .current_phase()
        .map_or(t(lang, Msg::PhaseAllDone), |p| i18n::phase(lang, p));
    writeln!(
        out,
        "{}: {} · {}: {}",
        t(lang, Msg::WordStatus),
        status,
        t(lang, Msg::WordPhase),
        phase
    )?;
    writeln!(
        out,
        "{}: {} · {}: {}",
        t(lang, Msg::WordDetected),
        zone.date_time(inc.detected_at),
        t(lang, Msg::WordOpenedBy),
        safe_line(&inc.opened_by)
    )?;
    let due = due_words(inc, &roster, ctx);
    if !due.is_empty() {
        writeln!(out, "{}: {}", t(lang, Msg::ColDue), due)?;
    }
    if !inc.description.is_empty() {
        writeln!(
            out,
            "\n{}:\n{}",
            t(lang, Msg::WordDescription),
            safe_block(&inc.description)
        )?;
    }
    writeln!(out, "\n{}:", t(lang, Msg::WordChecklist))?;
    let mut last = None;
    for &i in &shiftdesk_core::checklist::display_order(&inc.checklist) {
        let step = &inc.checklist[i];
        if last != Some(step.phase) {
            last = Some(step.phase);
            writeln!(out, "  {}", i18n::phase(lang, step.phase))?;
        }
        let (mark, stamp) = match (&step.done, &step.not_applicable) {
            (Some(s), _) => {
                let via = inc
                    .checked_via(step)
                    .map(|via| format!(" — {}", via_words(&via, &roster, lang)))
                    .unwrap_or_default();
                let by = safe_line(&s.by);
                ("[x]", format!("  ({} {by}{via})", zone.date_time(s.at)))
            }
            (None, Some(na)) => {
                let word = t(lang, Msg::DocNotApplicable);
                let reason = match safe_line(&na.reason) {
                    r if r.is_empty() => String::new(),
                    r => format!(": {r}"),
                };
                let (at, by) = (zone.date_time(na.at), safe_line(&na.by));
                ("[-]", format!("  ({word}{reason} — {at} {by})"))
            }
            (None, None) => ("[ ]", String::new()),
        };
        writeln!(out, "    {mark} {}{stamp}", safe_line(step.text.get(lang)))?;
        for note in &step.notes {
            writeln!(
                out,
                "        ✎ {} {}: {}",
                zone.date_time(note.at),
                safe_line(&note.by),
                safe_line(&note.text)
            )?;
        }
    }
    duties::show_lines(&mut out, inc, &roster, ctx)?;
    writeln!(out, "\n{}:", t(lang, Msg::WordTimeline))?;
    // On a shared board, entries made at other desks say which.
    let own = shiftdesk_store::SyncSettings::resolve(&ctx.dir, &ctx.sync.flags())
        .ok()
        .flatten()
        .map(|s| s.desk);
    for entry in inc.timeline_in_order() {
        let line = entry_line(entry, inc, &roster, own.as_deref(), lang, zone);
        writeln!(out, "  {line}")?;
    }
    Ok(ExitCode::SUCCESS)
}
