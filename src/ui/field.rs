//! A text field drawn from its text and cursor, made safe on the way: whatever a person
//! typed or pasted is kept as it was, but no control or bidi character reaches a cell.

use crate::app::text_field::TextField;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use shiftdesk_core::text::is_unsafe;
use shiftdesk_core::wrap::{columns, cut, line_ranges};
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
/// without, its text on one line. A field of several lines is wrapped to its width instead.
pub fn draw(frame: &mut Frame, area: Rect, field: &TextField, focused: bool) {
    if field.is_multi_line() {
        return draw_lines(frame, area, field, focused);
    }
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

/// One row on screen of a field of several lines: the characters of one of its lines, and
/// the cursor when it is on this row (a char index within the row).
struct Row {
    text: String,
    cursor: Option<usize>,
}

/// A field's lines wrapped to `width` columns (one kept free for the cursor at the end of a
/// row), made safe, each row with the cursor if it is there: the one wrapping rule
/// (`shiftdesk_core::wrap`), so nothing typed is hidden sideways.
fn rows(field: &TextField, width: usize, focused: bool) -> Vec<Row> {
    let (cursor_line, cursor_col) = {
        let c = field.textarea().cursor();
        (c.0, c.1)
    };
    let mut rows = Vec::new();
    for (n, line) in field.textarea().lines().iter().enumerate() {
        let shown: String = line.chars().map(|c| shown(c).0).collect();
        // The cursor as a byte offset into the line (unsafe characters are replaced one for
        // one, so the character counts agree).
        let cursor = (focused && n == cursor_line).then(|| {
            shown
                .char_indices()
                .nth(cursor_col)
                .map_or(shown.len(), |(i, _)| i)
        });
        let ranges = line_ranges(&shown, width.saturating_sub(1).max(1));
        let last = ranges.len() - 1;
        for (k, range) in ranges.into_iter().enumerate() {
            let on_row = cursor.filter(|&at| {
                at >= range.start && (at < range.end || (k == last && at == range.end))
            });
            let text = &shown[range.clone()];
            rows.push(Row {
                text: text.to_string(),
                cursor: on_row.map(|at| shown[range.start..at].chars().count()),
            });
        }
    }
    rows
}

/// A field of several lines, wrapped: with focus, the rows around the cursor; without, the
/// first rows, the last one ending in `…` when there is more.
fn draw_lines(frame: &mut Frame, area: Rect, field: &TextField, focused: bool) {
    let base = Style::new().add_modifier(Modifier::UNDERLINED);
    let width = usize::from(area.width);
    let height = usize::from(area.height).max(1);
    let mut rows = rows(field, width, focused);
    let first = match rows.iter().position(|r| r.cursor.is_some()) {
        Some(at) => at.saturating_sub(height - 1),
        None => 0,
    };
    if !focused && rows.len() > height {
        rows.truncate(height);
        if let Some(last) = rows.last_mut() {
            let kept: String = last.text.trim_end().chars().collect();
            last.text = format!("{kept}…");
        }
    }
    let shown: Vec<Line> = rows
        .iter()
        .skip(first)
        .take(height)
        .map(|r| line_with_cursor(&r.text, r.cursor, width, base))
        .collect();
    frame.render_widget(Paragraph::new(shown), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row_texts(field: &TextField, width: usize) -> Vec<String> {
        rows(field, width, true)
            .into_iter()
            .map(|r| r.text)
            .collect()
    }

    #[test]
    fn a_field_of_several_lines_wraps_and_keeps_every_character() {
        let text = "Called the customer at 14:05\n折り返しは佐藤さんへ。担当者に連絡済み";
        let field = TextField::with_raw(text, true);
        let rows = row_texts(&field, 12);
        assert!(rows.len() > 3, "{rows:?}");
        assert_eq!(rows.concat(), text.replace('\n', ""), "nothing lost");
        for r in &rows {
            assert!(shiftdesk_core::wrap::columns(r.trim_end()) <= 11, "{r:?}");
        }
        assert!(
            rows.contains(&"14:05".to_string()),
            "a time is not split: {rows:?}"
        );
    }

    #[test]
    fn the_cursor_is_on_the_row_it_is_in_and_kept_in_view() {
        let field = TextField::with_raw("one two three four five six", true);
        // with_raw puts the cursor at the end.
        let rows = rows(&field, 10, true);
        let at: Vec<(usize, usize)> = rows
            .iter()
            .enumerate()
            .filter_map(|(i, r)| r.cursor.map(|c| (i, c)))
            .collect();
        assert_eq!(
            at,
            [(rows.len() - 1, rows.last().unwrap().text.chars().count())]
        );
        let backend = ratatui::backend::TestBackend::new(10, 2);
        let mut terminal = ratatui::Terminal::new(backend).unwrap();
        terminal.draw(|f| draw(f, f.area(), &field, true)).unwrap();
        let shown: String = terminal
            .backend()
            .buffer()
            .content()
            .iter()
            .map(|c| c.symbol())
            .collect();
        assert!(shown.contains("six"), "{shown:?}");
    }

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
