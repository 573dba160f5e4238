//! The terminal: set it up, run the loop of draw → event → action → update, put it back.

use crate::app::effects::{ClipboardMode, Effect};
use crate::app::keymap::action_for;
use crate::app::{Action, App};
use crate::ui;
use anyhow::Result;
use chrono::{SubsecRound, Utc};
use ratatui::crossterm::Command;
use ratatui::crossterm::clipboard::CopyToClipboard;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::crossterm::execute;
use std::io::Write;
use std::time::{Duration, Instant};

/// Runs the desk until the operator quits.
pub fn run(app: &mut App) -> Result<()> {
    let mut terminal = ratatui::init();
    let _ = execute!(std::io::stdout(), EnableBracketedPaste);
    let result = event_loop(&mut terminal, app);
    let _ = execute!(std::io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    result
}

/// Does what the last update asked of the terminal.
fn carry_out(app: &mut App) {
    for effect in std::mem::take(&mut app.effects) {
        match effect {
            Effect::Copy(text) => {
                let _ = write_clipboard(&text, app.clipboard);
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
    let mut out = std::io::stdout();
    out.write_all(sequence.as_bytes())?;
    out.flush()
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> Result<()> {
    let tick = Duration::from_secs(1);
    let mut last_tick = Instant::now();
    loop {
        terminal.draw(|frame| ui::draw(frame, app))?;
        let timeout = tick.saturating_sub(last_tick.elapsed());
        if event::poll(timeout)? {
            let action = match event::read()? {
                Event::Key(key) => action_for(app, key),
                Event::Paste(text) => Some(Action::Paste(text)),
                Event::Resize(w, h) => Some(Action::Resize(w, h)),
                _ => None,
            };
            if let Some(action) = action {
                app.update(action);
            }
            carry_out(app);
        }
        if last_tick.elapsed() >= tick {
            app.update(Action::Tick(Utc::now().trunc_subsecs(0)));
            last_tick = Instant::now();
        }
        if app.should_quit {
            return Ok(());
        }
    }
}
