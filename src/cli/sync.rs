//! `shiftdesk sync`: create every site's stream (`setup`), print a ready nats-server config
//! for a site's leaf or for the hub (`config`), and say whether this desk is linked and how
//! far behind it is (`status`). The transport is `shiftdesk-sync`'s.

use super::{Session, print_json};
use crate::sync_link::problem_text;
use anyhow::{Result, bail};
use clap::{Args, Subcommand};
use serde_json::json;
use shiftdesk_core::i18n::{Lang, Msg, fill, t};
use shiftdesk_core::text::safe_line;
use shiftdesk_store::sync_look::{SyncLook, look};
use shiftdesk_store::{DataDir, SyncSettings};
use shiftdesk_sync::SiteLag;
use std::collections::HashMap;
use std::io::Write;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum SyncCommand {
    /// Create every site's stream on the servers, through this site's server; streams that
    /// exist are left as they are (safe to run again)
    Setup(TargetArgs),
    /// Print a ready nats-server config: a site's leaf server (`--site CODE --hub HOST[:PORT]`)
    /// or the hub (`--hub-config`)
    Config(ConfigArgs),
    /// Connected or not, each site's last event and how many are not yet read here, unsent
    /// events; exit 1 when not connected
    Status(StatusArgs),
}

#[derive(Debug, Args)]
pub struct TargetArgs {
    /// This site's server, nats://HOST:PORT (default: --sync, else config.toml's [sync];
    /// every site: --sites, else config.toml)
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// The hub the leaf links to, HOST or HOST:PORT (port 7422 when left out; default: a
    /// hub on this host, 127.0.0.1:7422)
    #[arg(long, value_name = "HOST[:PORT]", conflicts_with = "hub_config")]
    pub hub: Option<String>,
    /// Print the hub's config instead of a leaf's
    #[arg(long)]
    pub hub_config: bool,
    /// Where the leaf server keeps its streams
    #[arg(long, value_name = "DIR", default_value = "/var/lib/shiftdesk-nats")]
    pub store_dir: String,
    /// Where the server listens for desks (leaf) or clients (hub)
    #[arg(long, value_name = "HOST:PORT", default_value = "0.0.0.0:4222")]
    pub listen: String,
    /// Where the hub listens for leaf servers
    #[arg(long, value_name = "HOST:PORT", default_value = "0.0.0.0:7422")]
    pub leaf_listen: String,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    #[command(flatten)]
    pub target: TargetArgs,
    /// Print JSON for scripts
    #[arg(long)]
    pub json: bool,
}

/// What the data dir holds of sync (the outbox's unsent count, the per-site checkpoints,
/// the last event); None when this data dir is not on a board: lags count from each
/// stream's start.
fn local_part(dir: &DataDir, settings: Option<&SyncSettings>) -> Result<Option<SyncLook>> {
    settings.map(|_| look(dir)).transpose()
}

/// Per site: the last stream sequence applied here (none when not on a board).
fn checkpoints(local: Option<&SyncLook>) -> HashMap<String, u64> {
    local.map(|l| l.checkpoints.clone()).unwrap_or_default()
}

/// The settings in force for this data dir: config.toml's `[sync]` with the flags over it.
fn settings(ctx: &Session) -> Result<Option<SyncSettings>> {
    SyncSettings::resolve(&ctx.dir, &ctx.sync.flags())
}

pub fn run(command: SyncCommand, ctx: &Session) -> Result<ExitCode> {
    match command {
        SyncCommand::Setup(target) => setup(target, ctx),
        SyncCommand::Config(args) => config(args, ctx),
        SyncCommand::Status(args) => status(args, ctx),
    }
}

/// The url and sites: the flags, else the data dir's settings; every site code checked.
fn target(
    args: TargetArgs,
    ctx: &Session,
    from_dir: Option<&SyncSettings>,
) -> Result<(String, Vec<String>)> {
    let lang = ctx.operator.lang;
    let url = args
        .url
        .or_else(|| ctx.sync.url.clone())
        .or_else(|| from_dir.map(|s| s.url.clone()));
    let sites = ctx
        .sync
        .sites
        .clone()
        .or_else(|| from_dir.map(|s| s.sites.clone()));
    let (Some(url), Some(sites)) = (url, sites) else {
        bail!("{}", t(lang, Msg::SyncNotConfigured));
    };
    let sites = sites
        .iter()
        .map(|code| site_code(code, ctx))
        .collect::<Result<Vec<_>>>()?;
    if sites.is_empty() {
        bail!("{}", t(lang, Msg::SyncNotConfigured));
    }
    Ok((url, sites))
}

/// A site code as typed: trimmed, upper-cased, 1–8 of A–Z and 0–9.
fn site_code(code: &str, ctx: &Session) -> Result<String> {
    shiftdesk_core::sync::SiteCode::parse(code)
        .map(|c| c.as_str().to_string())
        .map_err(|e| anyhow::anyhow!("{}", e.message(ctx.operator.lang)))
}

fn setup(args: TargetArgs, ctx: &Session) -> Result<ExitCode> {
    let lang = ctx.operator.lang;
    // The data dir's settings when they are whole; a setup from a host with no desk
    // needs only the url and the sites, given as flags.
    let (url, sites) = target(args, ctx, settings(ctx).ok().flatten().as_ref())?;
    let done = shiftdesk_sync::setup(&url, &sites)?;
    let mut out = std::io::stdout().lock();
    for stream in done {
        let msg = if stream.created {
            Msg::SyncSetupCreated
        } else {
            Msg::SyncSetupExisted
        };
        let count = stream.messages.to_string();
        let line = fill(
            lang,
            msg,
            &[
                ("site", &stream.site),
                ("stream", &stream.stream),
                ("count", &count),
            ],
        );
        writeln!(out, "{line}")?;
    }
    Ok(ExitCode::SUCCESS)
}

fn config(args: ConfigArgs, ctx: &Session) -> Result<ExitCode> {
    let text = if args.hub_config {
        shiftdesk_sync::hub_config(&args.listen, &args.leaf_listen)
    } else {
        // The site whose leaf server this is: the global --site.
        let hub = args
            .hub
            .unwrap_or_else(|| format!("127.0.0.1:{}", shiftdesk_sync::DEFAULT_LEAF_PORT));
        let Some(site) = ctx.sync.site.clone() else {
            bail!("{}", t(ctx.operator.lang, Msg::SyncConfigWhich));
        };
        let site = site_code(&site, ctx)?;
        let store = format!("{}/{site}", args.store_dir.trim_end_matches('/'));
        shiftdesk_sync::leaf_config(&site, &safe_line(&hub), &store, &args.listen)
    };
    print!("{text}");
    Ok(ExitCode::SUCCESS)
}

fn status(args: StatusArgs, ctx: &Session) -> Result<ExitCode> {
    let configured = settings(ctx)?;
    let (url, sites) = target(args.target, ctx, configured.as_ref())?;
    let local = local_part(&ctx.dir, configured.as_ref())?;
    let checkpoints = checkpoints(local.as_ref());
    let lags = shiftdesk_sync::probe(&url, &sites, &checkpoints);
    let connected = all_read(&lags);
    let mut out = std::io::stdout().lock();
    if args.json {
        let sites: Vec<_> = lags
            .iter()
            .map(|lag| {
                json!({
                    "site": lag.site,
                    "last_seq": lag.last_seq,
                    "checkpoint": checkpoints.get(&lag.site).copied().unwrap_or(0),
                    "lag": lag.lag,
                    // In English whatever the operator's language: tools read it.
                    "error": lag.error.as_ref().map(|p| problem_text(Lang::En, p)),
                })
            })
            .collect();
        let value = json!({
            "url": url,
            "connected": connected,
            "sites": sites,
            "unsent": local.as_ref().map(|l| l.unsent),
            "last_event": local.as_ref().and_then(|l| l.last_event),
        });
        print_json(&mut out, &value)?;
    } else {
        for (k, line) in lines(ctx, &url, connected, &lags, local.as_ref())
            .iter()
            .enumerate()
        {
            // The head, then what it is made of, indented.
            let indent = if k == 0 { "" } else { "  " };
            writeln!(out, "{indent}{line}")?;
        }
    }
    Ok(if connected {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Whether every site's stream could be read.
fn all_read(lags: &[SiteLag]) -> bool {
    lags.iter().all(|lag| lag.error.is_none())
}

/// The status in words: the head (connected or not), then a line per site, the unsent
/// count and the last event.
fn lines(
    ctx: &Session,
    url: &str,
    connected: bool,
    lags: &[SiteLag],
    local: Option<&SyncLook>,
) -> Vec<String> {
    let lang = ctx.operator.lang;
    let head = if connected {
        Msg::SyncStatusConnected
    } else {
        Msg::SyncStatusNotConnected
    };
    let mut out = vec![fill(lang, head, &[("url", &safe_line(url))])];
    for lag in lags {
        let line = match (&lag.error, lag.last_seq, lag.lag) {
            (None, Some(seq), Some(behind)) => fill(
                lang,
                Msg::SyncStatusSite,
                &[
                    ("site", &lag.site),
                    ("seq", &seq.to_string()),
                    ("lag", &behind.to_string()),
                ],
            ),
            (error, _, _) => fill(
                lang,
                Msg::SyncStatusSiteError,
                &[
                    ("site", &lag.site),
                    (
                        "error",
                        &safe_line(&error.as_ref().map_or("?".into(), |p| problem_text(lang, p))),
                    ),
                ],
            ),
        };
        out.push(line);
    }
    if let Some(unsent) = local.map(|l| l.unsent) {
        let count = unsent.to_string();
        out.push(fill(lang, Msg::SyncStatusUnsent, &[("count", &count)]));
    }
    if let Some(at) = local.and_then(|l| l.last_event) {
        let time = ctx.operator.zone.format(at, "%Y-%m-%d %H:%M:%S");
        out.push(fill(lang, Msg::SyncStatusLastEvent, &[("time", &time)]));
    }
    out
}

/// For `doctor`: None when this data dir is not on a shared board; else whether it is
/// linked, and the status in words, a line each (a bad `[sync]` is a line too).
pub fn doctor_lines(ctx: &Session) -> Option<(bool, Vec<String>)> {
    let settings = match settings(ctx) {
        Ok(Some(settings)) => settings,
        Ok(None) => return None,
        Err(e) => return Some((false, vec![format!("{e:#}")])),
    };
    let local = match look(&ctx.dir) {
        Ok(local) => local,
        Err(e) => return Some((false, vec![format!("{e:#}")])),
    };
    let lags = shiftdesk_sync::probe(&settings.url, &settings.sites, &local.checkpoints);
    let connected = all_read(&lags);
    Some((
        connected,
        lines(ctx, &settings.url, connected, &lags, Some(&local)),
    ))
}
