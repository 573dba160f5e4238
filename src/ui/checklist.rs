//! The checklist pane: the four phases with their steps, progress, and the next open step
//! highlighted. The step under the cursor shows in full, with who checked it and its notes.

use super::theme;
use super::widgets::{scroll_offset, window, wrap};
use crate::app::App;
use crate::app::ui_state::Pane;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use shiftdesk_core::checklist::{display_order, next_open_step};
use shiftdesk_core::i18n::{self, Msg, t};
use shiftdesk_core::playbook::Phase;
use shiftdesk_core::text::safe_line;
use unicode_width::UnicodeWidthStr;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let lang = app.lang();
    let focused = app.ui.focus == Pane::Checklist;
    let Some(inc) = app.selected() else {
        let block = Block::bordered()
            .title(format!(" {} ", t(lang, Msg::PaneChecklist)))
            .border_style(theme::border(focused));
        frame.render_widget(
            Paragraph::new(t(lang, Msg::NoChecklist))
                .wrap(Wrap { trim: false })
                .block(block),
            area,
        );
        return;
    };
    let summary: Vec<String> = inc
        .progress()
        .iter()
        .map(|p| {
            format!(
                "{} {}/{}",
                i18n::phase_short(lang, Some(p.phase)),
                p.done,
                p.total
            )
        })
        .collect();
    let block = Block::bordered()
        .title(format!(" {} {} ", t(lang, Msg::PaneChecklist), inc.id))
        .title_bottom(format!(" {} ", summary.join(" · ")))
        .border_style(theme::border(focused));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;

    let order = display_order(&inc.checklist);
    let next = next_open_step(&inc.checklist);
    let cursor = order.get(app.ui.step_cursor).copied();
    let progress = inc.progress();
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut cursor_lines = (0, 0);
    let mut last_phase: Option<Phase> = None;
    for &i in &order {
        let step = &inc.checklist[i];
        if last_phase != Some(step.phase) {
            last_phase = Some(step.phase);
            let p = progress.iter().find(|p| p.phase == step.phase);
            let (done, total) = p.map_or((0, 0), |p| (p.done, p.total));
            let mark = if done == total { "✓" } else { "■" };
            let style = if done == total {
                theme::done().add_modifier(Modifier::BOLD)
            } else {
                Style::new().add_modifier(Modifier::BOLD)
            };
            lines.push(Line::styled(
                format!("{mark} {} {done}/{total}", i18n::phase(lang, step.phase)),
                style,
            ));
        }
        let is_cursor = cursor == Some(i);
        let is_next = next == Some(i);
        let box_ = if step.done.is_some() { "[x]" } else { "[ ]" };
        let marker = if is_next { "▶" } else { " " };
        let text = safe_line(step.text.get(lang));
        let mut style = if step.done.is_some() {
            theme::done()
        } else if is_next {
            theme::next_step()
        } else {
            Style::new()
        };
        if is_cursor {
            style = style.patch(theme::cursor(focused));
        }
        let notes = if step.notes.is_empty() {
            String::new()
        } else {
            format!(" ✎{}", step.notes.len())
        };
        let first = lines.len();
        if is_cursor {
            // The step under the cursor in full, wrapped, then its stamp and notes.
            let prefix = format!("{marker}{box_} ");
            for (n, piece) in wrap(&text, width.saturating_sub(prefix.width()).max(1))
                .into_iter()
                .enumerate()
            {
                let lead = if n == 0 {
                    prefix.clone()
                } else {
                    " ".repeat(prefix.width())
                };
                lines.push(Line::from(Span::styled(format!("{lead}{piece}"), style)));
            }
            if let Some(stamp) = &step.done {
                lines.push(Line::styled(
                    format!(
                        "     ✓ {} {}",
                        app.operator.zone.date_time(stamp.at),
                        safe_line(&stamp.by)
                    ),
                    theme::dim(),
                ));
            }
            for note in &step.notes {
                lines.push(Line::styled(
                    format!(
                        "     ✎ {} {}: {}",
                        app.operator.zone.clock(note.at, app.now),
                        safe_line(&note.by),
                        safe_line(&note.text)
                    ),
                    theme::dim(),
                ));
            }
        } else {
            lines.push(Line::from(vec![
                Span::styled(format!("{marker}{box_} {text}"), style),
                Span::styled(notes, theme::dim()),
            ]));
        }
        if is_cursor {
            cursor_lines = (first, lines.len() - 1);
        }
    }
    let height = inner.height as usize;
    let offset = scroll_offset(cursor_lines.0, cursor_lines.1, height);
    frame.render_widget(Paragraph::new(window(lines, offset, height)), inner);
}
