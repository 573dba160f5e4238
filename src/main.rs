//! Wiring only: parse the command line, open the store, run the desk or a subcommand.

use anyhow::Result;
use chrono::{SubsecRound, Utc};
use clap::Parser;
use shiftdesk::app::attention::{Alerts, Notify};
use shiftdesk::app::effects::ClipboardMode;
use shiftdesk::app::look::Look;
use shiftdesk::app::{App, Operator};
use shiftdesk::cli::{Cli, Session, run};
use shiftdesk::terminal::Ending;
use shiftdesk_core::clock::Zone;
use shiftdesk_core::i18n::Lang;
use shiftdesk_store::DataDir;
use shiftdesk_store::open::{archiving_notice, flow_warnings, open_desk};
use std::io::Write;
use std::process::ExitCode;

fn operator_name(flag: Option<String>) -> String {
    flag.into_iter()
        .chain(std::env::var("SHIFTDESK_OPERATOR").ok())
        .chain(std::env::var("USER").ok())
        .chain(std::env::var("LOGNAME").ok())
        .map(|s| shiftdesk_core::text::normalize_input(s.trim()))
        .find(|s| shiftdesk_core::text::has_content(s))
        .unwrap_or_else(|| "operator".to_string())
}

/// The name of this desk, which the changes made here carry: `SHIFTDESK_DESK`, else the
/// host's short name.
fn desk_name() -> String {
    std::env::var("SHIFTDESK_DESK")
        .ok()
        .into_iter()
        .chain(host_name())
        .map(|s| shiftdesk_core::text::normalize_input(s.trim()))
        .find(|s| shiftdesk_core::text::has_content(s))
        .unwrap_or_else(|| "desk".to_string())
}

/// The host's name up to its first dot.
fn host_name() -> Option<String> {
    let mut buf = [0u8; 256];
    // SAFETY: the buffer is writable for its whole length, which is what is passed.
    let rc = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) };
    if rc != 0 {
        return None;
    }
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    let name = String::from_utf8_lossy(&buf[..end]);
    name.split('.').next().map(str::to_string)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli
        .lang
        .unwrap_or_else(|| Lang::from_locale(|k| std::env::var(k).ok()));
    let operator = Operator {
        name: operator_name(cli.operator),
        lang,
        zone: Zone::from_settings(|k| std::env::var(k).ok()),
        callback: cli
            .callback
            .or_else(|| std::env::var("SHIFTDESK_CALLBACK").ok())
            .filter(|s| !s.trim().is_empty()),
    };
    let clipboard = cli
        .clipboard
        .unwrap_or_else(|| ClipboardMode::from_env(|k| std::env::var(k).ok()));
    let look = Look::from_settings(cli.theme, |k| std::env::var(k).ok());
    let alerts = match alerts(
        &cli.notify,
        &cli.on_alert,
        cli.alert_before,
        cli.alert_every,
    ) {
        Ok(alerts) => alerts,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "shiftdesk: {e}");
            return ExitCode::from(2);
        }
    };
    match start(
        cli.data_dir,
        cli.command,
        operator,
        clipboard,
        (look, alerts),
        &cli.sync,
    ) {
        Ok(code) => code,
        Err(e) => {
            // Not eprintln!: with the terminal gone, a failed write must not panic.
            let _ = writeln!(std::io::stderr(), "shiftdesk: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// How the desk calls for attention: the flags, else `SHIFTDESK_NOTIFY`, else the bell.
fn alerts(
    notify: &Option<Notify>,
    hook: &Option<shiftdesk::cli::HookCommand>,
    before: Option<chrono::Duration>,
    every: Option<chrono::Duration>,
) -> Result<Alerts, String> {
    let notify = match (notify, std::env::var("SHIFTDESK_NOTIFY").ok()) {
        (Some(n), _) => *n,
        (None, Some(v)) if !v.trim().is_empty() => {
            Notify::parse(&v).map_err(|e| format!("SHIFTDESK_NOTIFY: {e}"))?
        }
        _ => Notify::default(),
    };
    let mut alerts = Alerts::default();
    alerts.notify = notify;
    alerts.in_tmux = std::env::var("TMUX").is_ok_and(|v| !v.is_empty());
    alerts.hook = hook.as_ref().map(|h| h.0.clone());
    if let Some(before) = before {
        alerts.settings.before = before;
    }
    if let Some(every) = every {
        alerts.settings.every = every;
    }
    Ok(alerts)
}

fn start(
    data_dir: Option<std::path::PathBuf>,
    command: Option<shiftdesk::cli::Command>,
    mut operator: Operator,
    clipboard: ClipboardMode,
    (look, alerts): (Look, Alerts),
    sync: &shiftdesk::cli::sync_args::SyncArgs,
) -> Result<ExitCode> {
    let dir = DataDir::resolve(data_dir.as_deref())?;
    let now = Utc::now().trunc_subsecs(0);
    if let Some(command) = command {
        let origin = desk_name();
        return run(
            command,
            &Session {
                dir,
                operator,
                now,
                origin,
                look,
                sync: sync.clone(),
            },
        );
    }
    // Said before the screen opens.
    if let Some(text) = archiving_notice(&dir, operator.lang) {
        let _ = writeln!(std::io::stderr(), "shiftdesk: {text}");
    }
    let (mut desk, warnings) = open_desk(&dir, operator.lang, now)?;
    desk.set_origin(&desk_name());
    if operator.callback.is_none() {
        operator.callback = desk.roster().own_phone(&operator.name).map(str::to_string);
    }
    let size = ratatui::crossterm::terminal::size().unwrap_or((80, 24));
    let mut app = App::new(desk, operator, now, size);
    app.ui.warnings = warnings;
    let flow = flow_warnings(&app.desk, app.lang(), &app.operator.zone, now);
    app.ui.warnings.extend(flow);
    app.offer_roll_out();
    app.clipboard = clipboard;
    app.look = look;
    app.alerts = alerts;
    if let Some(draft) = shiftdesk_store::drafts::load_draft(&dir) {
        app.ui.kept_draft = Some(draft.clone());
        app.offer_draft(draft);
    }
    let link = shiftdesk::sync_link::start_for(&mut app, &dir, sync)?;
    let ending = shiftdesk::terminal::run(&mut app, link.as_ref());
    if let Some(link) = link {
        link.stop();
    }
    match ending? {
        Ending::Quit => Ok(ExitCode::SUCCESS),
        Ending::Signal(sig) => Ok(ExitCode::from(128u8.saturating_add(sig as u8))),
    }
}
