//! The next-action line, the notice lines and the status line.

use super::theme;
use super::widgets::wrap;
use crate::app::App;
use crate::app::ui_state::NoticeLevel;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use shiftdesk_core::escalation::route_progress;
use shiftdesk_core::i18n::{Msg, fill, t};
use shiftdesk_core::next_action::{NextAction, next_action_with, sentence, update_words};
use shiftdesk_core::text::safe_line;
use shiftdesk_store::ledger::SaveState;

/// What to do next for the selected incident, in words, and its style.
pub fn next_text(app: &App) -> (String, Style) {
    let lang = app.lang();
    let Some(inc) = app.selected() else {
        return (format!("▶ {}", t(lang, Msg::NextNothing)), theme::dim());
    };
    let progress = route_progress(inc, app.desk.roster(), app.now);
    let next = next_action_with(inc, &progress, app.desk.roster(), app.now);
    let mut text = sentence(&next, inc, lang, &app.operator.zone, app.now);
    if let Some(run) = inc.drill_run.as_ref().filter(|_| inc.is_open())
        && let Some((_, due)) = run.next_inject(app.now)
    {
        text.push_str(" · ");
        text.push_str(&fill(
            lang,
            Msg::NextInject,
            &[
                ("due", &app.operator.zone.clock(due, app.now)),
                ("left", &shiftdesk_core::clock::countdown(due - app.now)),
            ],
        ));
    }
    // The keys that do it, on screen only (the sentence is also used in shared texts).
    let keys = match next {
        NextAction::Call { .. } => " [r/x/m]",
        NextAction::NobodyAvailable { .. } => " [e]",
        NextAction::GiveUpdate { .. } => " [u]",
        NextAction::Step { .. } => " [Space]",
        NextAction::Close => " [c]",
        NextAction::Closed => "",
    };
    text.push_str(keys);
    if let Some(update) = update_words(
        inc,
        &progress,
        app.desk.roster(),
        lang,
        &app.operator.zone,
        app.now,
    ) {
        text.push_str(" · ");
        text.push_str(&update);
    }
    let style = match &next {
        NextAction::Closed => theme::dim(),
        NextAction::GiveUpdate { .. } => theme::overdue(),
        _ if progress.overdue_by(app.now).is_some() => theme::overdue(),
        _ if progress.first_report_late_by(app.now).is_some() => theme::overdue(),
        _ => theme::next_step(),
    };
    (format!("▶ {text}"), style)
}

/// The line (two where it must wrap) above the checklist.
pub fn draw_next(frame: &mut Frame, area: Rect, (text, style): (String, Style)) {
    frame.render_widget(
        Paragraph::new(text)
            .style(style)
            .wrap(ratatui::widgets::Wrap { trim: false }),
        area,
    );
}

/// Warnings shown at most; the rest wait until these are dealt with.
const MAX_WARNINGS: usize = 3;

/// The warnings that stay (one line each), then the last notice, wrapped.
fn notice_lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let mut lines: Vec<Line> = app
        .ui
        .warnings
        .iter()
        .take(MAX_WARNINGS)
        .map(|w| Line::styled(format!("⚠ {}", safe_line(w)), theme::warning()))
        .collect();
    if let Some(n) = &app.ui.notice {
        let style = match n.level {
            NoticeLevel::Info => theme::info(),
            NoticeLevel::Warning => theme::warning(),
            NoticeLevel::Error => theme::error(),
        };
        // A notice says what went wrong and what to do: it may take two lines, never more.
        for piece in wrap(&safe_line(&n.text), usize::from(width))
            .into_iter()
            .take(2)
        {
            lines.push(Line::styled(piece, style));
        }
    }
    lines
}

pub fn notice_rows(app: &App, width: u16) -> u16 {
    notice_lines(app, width).len() as u16
}

pub fn draw_notices(frame: &mut Frame, area: Rect, app: &App) {
    frame.render_widget(Paragraph::new(notice_lines(app, area.width)), area);
}

pub fn draw_status(frame: &mut Frame, area: Rect, app: &App) {
    let lang = app.lang();
    // Minutes: the countdowns show the seconds that matter, and an idle desk need not draw
    // every second.
    let clock = app.operator.zone.format(app.now, "%H:%M");
    let (save, save_style) = match &app.desk.save_state() {
        SaveState::Saved => (t(lang, Msg::Saved).to_string(), theme::info()),
        SaveState::NotSaved(why) => (
            fill(lang, Msg::NotSaved, &[("why", &safe_line(why))]),
            theme::error(),
        ),
        SaveState::ReadOnly(_) => (t(lang, Msg::ReadOnly).to_string(), theme::error()),
    };
    let sep = Span::styled(" │ ", theme::dim());
    let line = Line::from(vec![
        Span::styled(format!(" {clock}"), Style::new()),
        sep.clone(),
        Span::raw(safe_line(&app.operator.name)),
        sep.clone(),
        Span::raw(lang.code().to_uppercase()),
        sep.clone(),
        Span::styled(save, save_style),
        sep,
        Span::styled(t(lang, Msg::HintsMain), theme::key()),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}
