//! A text field drawn from its text and cursor, made safe on the way: whatever a person
//! typed or pasted is kept as it was, but no control or bidi character reaches a cell.

use crate::app::text_field::TextField;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use shiftdesk_core::text::is_unsafe;
use shiftdesk_core::wrap::{columns, cut};
use unicode_width::UnicodeWidthChar;

/// What a character shows as: an unsafe one as U+FFFD, one column wide.
fn shown(c: char) -> (char, usize) {
    if is_unsafe(c) {
        ('\u{FFFD}', 1)
    } else {
        (c, c.width().unwrap_or(0))
    }
}

/// One line with the cursor (a char index) kept in view within `width` columns.
fn line_with_cursor(text: &str, cursor: Option<usize>, width: usize, base: Style) -> Line<'static> {
    let chars: Vec<(char, usize)> = text.chars().map(shown).collect();
    // Scroll so the cursor (or the end) is in view: start where the columns up to it fit.
    let at = cursor.unwrap_or(0).min(chars.len());
    let mut start = 0;
    let cols_to = |from: usize| chars[from..at].iter().map(|c| c.1).sum::<usize>() + 1;
    while start < at && cols_to(start) > width.max(1) {
        start += 1;
    }
    let mut spans = Vec::new();
    let mut used = 0;
    for (i, (c, w)) in chars.iter().enumerate().skip(start) {
        if used + w > width {
            break;
        }
        let style = if cursor == Some(i) {
            base.add_modifier(Modifier::REVERSED)
        } else {
            base
        };
        spans.push(Span::styled(c.to_string(), style));
        used += w;
    }
    if cursor.is_some_and(|c| c >= chars.len()) && used < width {
        spans.push(Span::styled(" ", base.add_modifier(Modifier::REVERSED)));
        used += 1;
    }
    if used < width {
        spans.push(Span::styled(" ".repeat(width - used), base));
    }
    Line::from(spans)
}

/// Draws a field: with focus, its lines around the cursor and the cursor itself;
/// without, its text on one line.
pub fn draw(frame: &mut Frame, area: Rect, field: &TextField, focused: bool) {
    let base = Style::new().add_modifier(Modifier::UNDERLINED);
    let width = usize::from(area.width);
    let lines = field.textarea().lines();
    if !focused {
        // One line; what does not fit is cut, and ends with `…` to say so.
        let joined: String = lines.join(" ").chars().map(|c| shown(c).0).collect();
        let text = cut(&joined, width);
        frame.render_widget(
            Paragraph::new(line_with_cursor(
                &text,
                None,
                width.min(40.max(columns(&text))),
                base,
            )),
            area,
        );
        return;
    }
    let (row, col) = {
        let c = field.textarea().cursor();
        (c.0, c.1)
    };
    let height = usize::from(area.height).max(1);
    let first = row.saturating_sub(height - 1);
    let shown: Vec<Line> = lines
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(i, l)| line_with_cursor(l, (i == row).then_some(col), width, base))
        .collect();
    frame.render_widget(Paragraph::new(shown), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(line: &Line) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn unsafe_characters_show_as_replacement_and_the_cursor_stays_in_view() {
        let l = line_with_cursor("a\u{1b}]52\u{202e}b", Some(6), 10, Style::new());
        let t = text_of(&l);
        assert!(!t.chars().any(is_unsafe), "{t:?}");
        assert!(t.starts_with("a\u{FFFD}]52\u{FFFD}b"), "{t:?}");
        let long = "0123456789abcdef";
        let l = line_with_cursor(long, Some(16), 8, Style::new());
        assert!(
            text_of(&l).contains("f"),
            "the end is in view: {:?}",
            text_of(&l)
        );
    }

    #[test]
    fn an_unfocused_field_longer_than_its_row_ends_with_the_mark() {
        use ratatui::Terminal;
        use ratatui::backend::TestBackend;
        let mut field = TextField::new(false);
        field.paste("顧客リストを添付したメールを社外の取引先3社へ誤送信");
        let mut terminal = Terminal::new(TestBackend::new(30, 1)).unwrap();
        terminal.draw(|f| draw(f, f.area(), &field, false)).unwrap();
        let row: String = terminal
            .backend()
            .buffer()
            .content()
            .iter()
            .map(|c| c.symbol())
            .collect();
        // A wide character's second cell holds a space.
        assert_eq!(row.replace(' ', ""), "顧客リストを添付したメールを…");
    }
}
