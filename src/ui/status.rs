//! The next-action line, the notice lines and the status line.

use super::fit::{at_most, cut_line, wrapped};
use super::theme;
use crate::app::App;
use crate::app::ui_state::NoticeLevel;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use shiftdesk_core::escalation::route_progress;
use shiftdesk_core::i18n::{Msg, fill, t};
use shiftdesk_core::next_action::{NextAction, next_action_with, sentence, update_words};
use shiftdesk_core::playbook::StepRole;
use shiftdesk_core::text::safe_line;

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
        NextAction::Obligation { .. } => " [O]",
        // The step a decision on an out-of-scope request fulfils is done by recording it.
        NextAction::Step { index }
            if inc.checklist.get(index).and_then(|s| s.role) == Some(StepRole::RecordDecision) =>
        {
            " [d]"
        }
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
    // What called for attention, until someone acts on it.
    if app.alerts.marks.contains_key(&inc.id) {
        return (format!("▶ {} · {text}", t(lang, Msg::AlertMark)), style);
    }
    (format!("▶ {text}"), style)
}

/// Rows the next-action line takes at most: a longer one is cut, and says so.
pub const NEXT_ROWS: usize = 2;

/// The next-action line wrapped to `width`, on at most `rows` rows.
pub fn next_lines((text, style): &(String, Style), width: u16, rows: usize) -> Vec<Line<'static>> {
    let width = usize::from(width);
    at_most(wrapped(text, width, *style), rows, width)
}

/// The line (two where it must wrap) above the checklist.
pub fn draw_next(frame: &mut Frame, area: Rect, next: &(String, Style)) {
    let lines = next_lines(next, area.width, usize::from(area.height));
    frame.render_widget(Paragraph::new(lines), area);
}

/// Warnings shown at most; the rest wait until these are dealt with.
const MAX_WARNINGS: usize = 3;

/// The warnings that stay (one line each), then the last notice, wrapped.
fn notice_lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let width = usize::from(width);
    let mut lines: Vec<Line> = app
        .ui
        .warnings
        .iter()
        .take(MAX_WARNINGS)
        .map(|w| {
            let line = Line::styled(format!("⚠ {}", safe_line(w)), theme::warning());
            cut_line(line, width, false)
        })
        .collect();
    if let Some(n) = &app.ui.notice {
        let style = match n.level {
            NoticeLevel::Info => theme::info(),
            NoticeLevel::Warning => theme::warning(),
            NoticeLevel::Error => theme::error(),
        };
        // A notice says what went wrong and what to do: it may take two lines, never more.
        lines.extend(at_most(
            wrapped(&safe_line(&n.text), width, style),
            2,
            width,
        ));
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
    let line = super::status_line::desk_status(app, usize::from(area.width));
    frame.render_widget(Paragraph::new(line), area);
}
