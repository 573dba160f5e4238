//! The compact desk, for a window under 80x24: one column with what cannot wait — the
//! incidents with their countdowns (overdue in red and in words), the next action for the
//! selected one, and a status line with the key to quit. Where there is room it says how to
//! get the full desk back; the full desk returns by itself when the window grows.
//!
//! Rows go to what matters most first: the status line, the most urgent incident, the next
//! action, the title, the other incidents, and last the hint to enlarge.

use super::fit::{at_most, cut_line, wrapped};
use super::incidents::{Summary, due_cell, pane_title};
use super::status::{NEXT_ROWS, next_lines, next_text};
use super::status_line::compact_status;
use super::theme;
use super::widgets::scroll_offset;
use crate::app::{App, ListRow};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use shiftdesk_core::i18n::{Msg, fill, t};
use shiftdesk_core::wrap::columns;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let lines = compact_lines(app, area.width, area.height);
    frame.render_widget(Paragraph::new(lines), area);
}

/// Takes up to `want` of the rows `left`; how many it took.
fn take(left: &mut usize, want: usize) -> usize {
    let n = want.min(*left);
    *left -= n;
    n
}

/// The compact desk's lines, `height` of them at most (blank ones between the parts).
pub fn compact_lines(app: &App, width: u16, height: u16) -> Vec<Line<'static>> {
    let (w, h) = (usize::from(width), usize::from(height));
    if w == 0 || h == 0 {
        return Vec::new();
    }
    let visible = app.visible();
    let rows = incident_rows(app, &visible, w);
    let next = next_lines(&next_text(app), width, NEXT_ROWS);
    let hint = hint_lines(app, w, (width, height));

    let mut left = h;
    let status_rows = take(&mut left, 1);
    let first_rows = take(&mut left, rows.len().min(1));
    let next_rows = take(&mut left, next.len());
    let title_rows = take(&mut left, 1);
    let list_rows = first_rows + take(&mut left, rows.len() - first_rows);
    let gap_rows = take(&mut left, usize::from(next_rows > 0 && list_rows > 0));
    let hint_rows = if left >= hint.len() { hint.len() } else { 0 };

    let mut out: Vec<Line<'static>> = Vec::with_capacity(h);
    if title_rows > 0 {
        let title = Line::styled(format!(" {}", pane_title(app, &visible)), theme::header());
        out.push(cut_line(title, w, false));
    }
    // The selected incident stays in view.
    let at = visible
        .iter()
        .position(|r| Some(r.id()) == app.ui.selected.as_ref())
        .unwrap_or(0);
    let offset = scroll_offset(at, at, list_rows);
    out.extend(rows.into_iter().skip(offset).take(list_rows));
    out.extend((0..gap_rows).map(|_| Line::raw("")));
    // Fewer rows than the line wants: the last one shown says it goes on.
    out.extend(at_most(next, next_rows, w));
    // What is left stays blank above the hint and the status line, at the bottom.
    while out.len() + hint_rows + status_rows < h {
        out.push(Line::raw(""));
    }
    out.extend(hint.into_iter().take(hint_rows));
    if status_rows > 0 {
        out.push(compact_status(app, w));
    }
    out
}

/// One line per incident: the marker of the selected one, id, severity, the countdown (or,
/// in the closed list, when it was closed) and as much of the title as fits.
fn incident_rows(app: &App, visible: &[ListRow], width: usize) -> Vec<Line<'static>> {
    let lang = app.lang();
    if visible.is_empty() {
        let msg = if app.ui.show_closed {
            Msg::NoClosedIncidents
        } else {
            Msg::NoIncidents
        };
        return vec![cut_line(
            Line::styled(t(lang, msg), theme::dim()),
            width,
            false,
        )];
    }
    let when: Vec<(String, Style)> = visible
        .iter()
        .map(|row| match row {
            ListRow::Live(inc) if inc.is_open() => due_cell(app, inc),
            other => {
                let closed = Summary::of(other).closed_at;
                let text = closed
                    .map(|c| app.operator.zone.clock(c, app.now))
                    .unwrap_or_default();
                (text, theme::dim())
            }
        })
        .collect();
    let when_width = when.iter().map(|(t, _)| columns(t)).max().unwrap_or(0);
    visible
        .iter()
        .zip(when)
        .map(|(row, (when, when_style))| {
            let s = Summary::of(row);
            let selected = Some(s.id) == app.ui.selected.as_ref();
            let marker = if selected { "▶" } else { " " };
            let pad = " ".repeat(when_width.saturating_sub(columns(&when)));
            let title_style = s.title_style();
            let mut line = Line::from(vec![
                Span::raw(marker),
                Span::raw(format!("{} ", s.id.0)),
                Span::styled(s.severity.to_string(), theme::severity(s.severity.number())),
                Span::raw(" "),
                Span::styled(format!("{when}{pad}"), when_style),
                Span::raw(" "),
                Span::styled(s.title(app), title_style),
            ]);
            if selected {
                line = line.style(Style::new().add_modifier(Modifier::BOLD));
            }
            cut_line(line, width, false)
        })
        .collect()
}

/// How to get the full desk back (and that a window is open on it, if one is).
fn hint_lines(app: &App, width: usize, size: (u16, u16)) -> Vec<Line<'static>> {
    let lang = app.lang();
    let mut lines = Vec::new();
    if app.ui.layers.top().is_some() {
        lines.extend(at_most(
            wrapped(t(lang, Msg::CompactLayerOpen), width, theme::warning()),
            2,
            width,
        ));
    }
    let text = fill(
        lang,
        Msg::TooSmall,
        &[("w", &size.0.to_string()), ("h", &size.1.to_string())],
    );
    lines.extend(wrapped(&text, width, theme::dim()));
    lines
}
