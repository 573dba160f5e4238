//! The terminal: set it up, run the loop of draw → event → action → update, and put it back
//! as it was on every way out — quitting, an error, a panic, SIGTERM, SIGHUP, SIGINT — and
//! around Ctrl-Z.

use crate::app::burst::{self, Burst};
use crate::app::effects::{ClipboardMode, Effect};
use crate::app::keymap::action_for;
use crate::app::{Action, App};
use crate::sync_link::SyncLink;
use crate::ui;
use anyhow::{Result, bail};
use chrono::{SubsecRound, Utc};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::clipboard::CopyToClipboard;
use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyCode, KeyModifiers,
};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{Command, execute};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use std::io::{Stdout, Write, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Sender, channel};
use std::time::{Duration, Instant};

type Term = Terminal<CrosstermBackend<Stdout>>;

/// How the desk ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    Quit,
    /// Stopped by this signal; the exit code is 128 + its number.
    Signal(i32),
}

/// Raw mode, the alternate screen, bracketed paste, no cursor.
fn enter() -> std::io::Result<()> {
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste, Hide)
}

/// Everything `enter` did, undone; each step tried even if one before it failed.
pub fn restore() {
    let _ = execute!(stdout(), DisableBracketedPaste, LeaveAlternateScreen, Show);
    let _ = disable_raw_mode();
    let _ = stdout().flush();
}

/// A panic puts the terminal back before it is reported.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// A way for the tests to make the desk fail on purpose: with `SHIFTDESK_FAULT=panic` or
/// `=error` set, the F12 key panics or returns an internal error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fault {
    Panic,
    Error,
}

fn fault_from_env() -> Option<Fault> {
    match std::env::var("SHIFTDESK_FAULT").ok()?.as_str() {
        "panic" => Some(Fault::Panic),
        "error" => Some(Fault::Error),
        _ => None,
    }
}

/// Runs the desk until the operator quits or a signal stops it.
pub fn run(app: &mut App, link: Option<&SyncLink>) -> Result<Ending> {
    install_panic_hook();
    let signal = Arc::new(AtomicUsize::new(0));
    for sig in [SIGTERM, SIGHUP, SIGINT] {
        signal_hook::flag::register_usize(sig, signal.clone(), sig as usize)?;
    }
    enter()?;
    let result = (|| {
        // Never dropped: ratatui's drop shows the cursor and, if the terminal is gone,
        // reports the failure with eprintln!, which panics on a closed stderr. `restore`
        // below shows the cursor, ignoring a terminal that is gone.
        let mut terminal =
            std::mem::ManuallyDrop::new(Terminal::new(CrosstermBackend::new(stdout()))?);
        full_redraw(&mut terminal)?;
        event_loop(&mut terminal, app, &signal, link)
    })();
    if result.is_err() {
        // The terminal failed (closed, say): still keep the draft and what is pending.
        app.update(Action::Hangup);
    }
    restore();
    result
}

fn event_loop(
    terminal: &mut Term,
    app: &mut App,
    signal: &AtomicUsize,
    link: Option<&SyncLink>,
) -> Result<Ending> {
    let tick = Duration::from_secs(1);
    // The longest wait for a key, so that a signal is seen within it.
    let poll = Duration::from_millis(200);
    let fault = fault_from_env();
    let mut last_tick = Instant::now();
    // Drawn only after something happened: a key, a paste, a resize, or a tick that changed
    // a file or a notice, or that moved something on screen (a countdown in seconds, an
    // age or the clock in minutes). An idle desk wakes five times a second to look for
    // signals and draws only when the screen would look different.
    let mut dirty = true;
    let mut next_change = app.now;
    // A paste was still coming in when its batch was cut: the next batch is its rest.
    let mut paste_goes_on = false;
    // What the `--on-alert` command's runs report back: only failures.
    let (hook_failed, hook_failures) = channel::<String>();
    loop {
        while let Ok(why) = hook_failures.try_recv() {
            app.update(Action::AlertHookFailed(why));
            dirty = true;
        }
        // Other desks' changes, acknowledgements and the state of the link: looked at
        // every turn (at most 200 ms apart), so a change elsewhere shows within that.
        if let Some(link) = link {
            let news = link.news();
            if !news.is_empty() {
                app.update(Action::Sync(news));
                carry_out(app, &hook_failed, Some(link));
                dirty = true;
            }
        }
        let sig = signal.load(Ordering::SeqCst);
        if sig != 0 {
            // Keep what was being typed, save what is pending, and go.
            app.update(Action::Hangup);
            return Ok(Ending::Signal(sig as i32));
        }
        if dirty {
            terminal.draw(|frame| ui::draw(frame, app))?;
            dirty = false;
            next_change = app.next_change_at();
        }
        // We wait for input ourselves and hand crossterm only input that is there:
        // crossterm reads a hung-up terminal's end of input forever, spinning a core.
        let wait = tick.saturating_sub(last_tick.elapsed()).min(poll);
        if wait_for_input(wait) == Input::HungUp {
            // The terminal is gone (window closed, SSH dropped): keep the draft and what is
            // pending, and go — whether or not a SIGHUP reaches us.
            app.update(Action::Hangup);
            return Ok(Ending::Signal(SIGHUP));
        }
        // Everything crossterm has: keys, pastes, and resizes (it sees SIGWINCH itself).
        let (batch, cut) = read_batch()?;
        let pasting = std::mem::take(&mut paste_goes_on);
        for burst in burst::sort(batch, pasting) {
            let action = match burst {
                Burst::Paste(text) => {
                    // Cut short while still coming in: the next batch is its rest.
                    paste_goes_on = cut;
                    Some(Action::Paste(text))
                }
                Burst::Event(Event::Key(key)) => {
                    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
                    if ctrl && key.code == KeyCode::Char('z') {
                        suspend(terminal)?;
                        dirty = true;
                        continue;
                    }
                    if key.code == KeyCode::F(12) {
                        match fault {
                            Some(Fault::Panic) => panic!("SHIFTDESK_FAULT=panic: F12 pressed"),
                            Some(Fault::Error) => bail!("SHIFTDESK_FAULT=error: F12 pressed"),
                            None => {}
                        }
                    }
                    action_for(app, key)
                }
                Burst::Event(Event::Paste(text)) => Some(Action::Paste(text)),
                Burst::Event(Event::Resize(w, h)) => Some(Action::Resize(w, h)),
                Burst::Event(_) => None,
            };
            if let Some(action) = action {
                app.update(action);
            }
            carry_out(app, &hook_failed, link);
            dirty = true;
            if app.should_quit {
                return Ok(Ending::Quit);
            }
        }
        if last_tick.elapsed() >= tick {
            let now = Utc::now().trunc_subsecs(0);
            app.update(Action::Tick(now));
            carry_out(app, &hook_failed, link);
            last_tick = Instant::now();
            dirty |= app.ui.tick_changed || now >= next_change;
            // A resize crossterm did not see (one before it first listened for SIGWINCH, at
            // the start) is found here: the compact desk gives way to the full one within a
            // second either way.
            if let Ok(size) = terminal.size()
                && (size.width, size.height) != (app.ui.width, app.ui.height)
            {
                app.update(Action::Resize(size.width, size.height));
                dirty = true;
            }
        }
        if app.should_quit {
            return Ok(Ending::Quit);
        }
    }
}

/// How long a burst of keys may pause and still be one burst: a terminal or an SSH link
/// hands a long paste on in pieces, a few milliseconds apart; no one types that fast.
const PASTE_GAP: Duration = Duration::from_millis(15);

/// The longest a burst is gathered for before it is acted on (a very long paste goes on in
/// the next batch, as its rest).
const BURST_LIMIT: Duration = Duration::from_secs(1);

/// Every event there is to read now. When several keys with a line break came together (a
/// paste, maybe), what follows within [`PASTE_GAP`] is read with them, so that a paste is
/// judged whole. True with it when the batch was cut at [`BURST_LIMIT`] while more was
/// coming.
fn read_batch() -> Result<(Vec<Event>, bool)> {
    let mut batch = Vec::new();
    while event::poll(Duration::ZERO)? {
        batch.push(event::read()?);
    }
    let start = Instant::now();
    while burst::may_be_paste(&batch) && event::poll(PASTE_GAP)? {
        if start.elapsed() >= BURST_LIMIT {
            return Ok((batch, true));
        }
        while event::poll(Duration::ZERO)? {
            batch.push(event::read()?);
        }
    }
    Ok((batch, false))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Input {
    /// Something to read, or the wait ran out.
    Ready,
    /// The terminal hung up.
    HungUp,
}

/// Waits at most `wait` for standard input to have something, and says if it hung up.
fn wait_for_input(wait: Duration) -> Input {
    let mut fd = libc::pollfd {
        fd: 0,
        events: libc::POLLIN,
        revents: 0,
    };
    let ms = i32::try_from(wait.as_millis()).unwrap_or(i32::MAX);
    // SAFETY: one valid pollfd and its count; poll only writes `revents`.
    let ready = unsafe { libc::poll(&mut fd, 1, ms) };
    if ready > 0 && fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
        Input::HungUp
    } else {
        Input::Ready
    }
}

/// Ctrl-Z: the terminal put back, the process stopped as a shell expects; on `fg`, the
/// terminal set up again and the screen drawn whole.
fn suspend(terminal: &mut Term) -> Result<()> {
    restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    // Here again after SIGCONT.
    enter()?;
    full_redraw(terminal)
}

/// Clears the screen and forgets what was drawn, so the next draw paints every cell.
/// (`Terminal::clear` would ask the terminal where its cursor is; this does not.)
fn full_redraw(terminal: &mut Term) -> Result<()> {
    let size = terminal.size()?;
    terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))?;
    Ok(())
}

/// Does what the last update asked of the terminal, between frames.
fn carry_out(app: &mut App, hook_failed: &Sender<String>, link: Option<&SyncLink>) {
    for effect in std::mem::take(&mut app.effects) {
        match effect {
            Effect::Copy(text) => {
                let _ = write_clipboard(&text, app.clipboard);
            }
            Effect::Alert(alert) => {
                let bytes = crate::notify::sequences(&alert, app.alerts.notify, app.alerts.in_tmux);
                let mut out = stdout();
                let _ = out.write_all(bytes.as_bytes()).and_then(|()| out.flush());
                if let Some(argv) = &app.alerts.hook {
                    crate::alert_hook::run(argv, &alert, hook_failed.clone());
                }
            }
            Effect::Publish(batch) => {
                if let Some(link) = link {
                    link.publish(batch);
                }
            }
        }
    }
}

/// OSC 52, plain or wrapped for tmux's passthrough (every ESC doubled inside DCS tmux;).
fn write_clipboard(text: &str, mode: ClipboardMode) -> std::io::Result<()> {
    let mut osc = String::new();
    let _ = CopyToClipboard::to_clipboard_from(text.as_bytes()).write_ansi(&mut osc);
    let sequence = match mode {
        ClipboardMode::Off => return Ok(()),
        ClipboardMode::Osc52 => osc,
        ClipboardMode::Tmux => format!("\x1bPtmux;{}\x1b\\", osc.replace('\x1b', "\x1b\x1b")),
    };
    let mut out = stdout();
    out.write_all(sequence.as_bytes())?;
    out.flush()
}
