//! Follow-ups: the measures against recurrence not done yet, across incidents, with their
//! due dates; they stay here after the incident is closed.

use super::theme;
use super::widgets::{popup, scroll_offset};
use crate::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use shiftdesk_core::i18n::{Msg, t};
use shiftdesk_core::text::safe_line;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, cursor: usize) {
    let lang = app.lang();
    let rows = app.follow_ups();
    let inner = popup(
        frame,
        area,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
        &format!("{} · {}", t(lang, Msg::FollowUpsTitle), rows.len()),
    );
    let [list, hint] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
    let today = Some(app.operator.zone.date(app.now));
    if rows.is_empty() {
        frame.render_widget(
            Paragraph::new(t(lang, Msg::NoFollowUps)).style(theme::dim()),
            list,
        );
    }
    let height = usize::from(list.height);
    let offset = scroll_offset(cursor, cursor, height);
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .filter_map(|(i, f)| {
            let inc = app.desk.incident(&f.incident)?;
            let m = inc
                .review
                .as_ref()?
                .measures
                .iter()
                .find(|m| m.id == f.measure)?;
            let due = m
                .due
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_else(|| "—".into());
            let late = m.due.zip(today).is_some_and(|(d, today)| d < today);
            let mark = if m.done.is_some() { "[x]" } else { "[ ]" };
            let mut line = Line::from(vec![
                Span::raw(format!("{mark} ")),
                Span::styled(
                    format!("{due} "),
                    if late { theme::overdue() } else { theme::due() },
                ),
                Span::raw(format!("{} ", inc.id)),
                Span::raw(safe_line(&m.text)),
                Span::styled(format!("  {}", safe_line(&m.owner)), theme::dim()),
            ]);
            if i == cursor {
                line = line.patch_style(theme::cursor(true));
            }
            Some(line)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
    frame.render_widget(
        Paragraph::new(t(lang, Msg::FollowUpsHint)).style(theme::key()),
        hint,
    );
}
