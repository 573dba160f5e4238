//! The terminal: set it up, run the loop of draw → event → action → update, put it back.

use crate::app::keymap::action_for;
use crate::app::{Action, App};
use crate::ui;
use anyhow::Result;
use chrono::{SubsecRound, Utc};
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::crossterm::execute;
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
