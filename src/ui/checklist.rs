//! The checklist pane: the four phases with their steps, progress, and the next open step
//! highlighted. The step under the cursor shows in full, with who checked it and its notes.

use super::theme;
use super::widgets::{scroll_offset, window};
use crate::app::App;
use crate::app::ui_state::Pane;
use crate::i18n::{self, Msg, t};
use crate::model::checklist::{display_order, next_open_step};
use crate::model::playbook::Phase;
use crate::model::text::safe_line;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
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
        .map(|p| format!("{} {}/{}", i18n::phase_short(lang, Some(p.phase)), p.done, p.total))
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

/// Splits text into lines at most `width` columns wide: at spaces where it can, inside a
/// word only when the word alone is wider (Japanese, with no spaces, wraps anywhere).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthChar;
    let width = width.max(1);
    let mut out = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    // Pieces: runs of non-space characters with the spaces before them.
    let mut pieces: Vec<String> = Vec::new();
    for c in text.chars() {
        let cjk = c.width().unwrap_or(0) > 1;
        let start_new = c == ' ' || cjk || pieces.last().is_none_or(|p: &String| {
            p.chars().last().is_some_and(|l| l.width().unwrap_or(0) > 1)
        });
        if start_new {
            pieces.push(String::new());
        }
        if let Some(p) = pieces.last_mut() {
            p.push(c);
        }
    }
    for piece in pieces {
        let w = piece.width();
        if used + w > width && !line.is_empty() {
            out.push(std::mem::take(&mut line).trim_end().to_string());
            used = 0;
        }
        let piece = if line.is_empty() { piece.trim_start().to_string() } else { piece };
        for c in piece.chars() {
            let cw = c.width().unwrap_or(0);
            if used + cw > width && !line.is_empty() {
                out.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push(c);
            used += cw;
        }
    }
    if !line.is_empty() || out.is_empty() {
        out.push(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_counts_columns_not_bytes() {
        assert_eq!(wrap("報告する", 4), vec!["報告", "する"]);
        assert_eq!(wrap("abcde", 2), vec!["ab", "cd", "e"]);
        assert_eq!(wrap("go a level up", 8), vec!["go a", "level up"]);
        assert_eq!(wrap("報告 to boss", 7), vec!["報告 to", "boss"]);
        assert_eq!(wrap("", 5), vec![""]);
    }
}
