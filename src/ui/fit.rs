//! Text fitted to the room it has on screen: wrapped by the one rule (`core::wrap`), styled
//! text by splitting its spans where that rule breaks the lines, and cut with `…` where it
//! must stop short.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use shiftdesk_core::wrap::{CUT_MARK, line_ranges};
use unicode_width::UnicodeWidthChar;

/// `text` wrapped to `width` columns, every line in `style`.
pub fn wrapped(text: &str, width: usize, style: Style) -> Vec<Line<'static>> {
    wrap_spans(&[Span::styled(text, style)], width)
}

/// Styled text wrapped to `width` columns: the spans' text is wrapped as one, and each line
/// takes the pieces of the spans its byte range covers. The spaces at a break and the line
/// breaks are left out, as drawing leaves them.
pub fn wrap_spans(spans: &[Span], width: usize) -> Vec<Line<'static>> {
    let text: String = spans.iter().map(|s| s.content.as_ref()).collect();
    // Where each span starts in the joined text.
    let mut starts = Vec::with_capacity(spans.len());
    let mut at = 0;
    for s in spans {
        starts.push(at);
        at += s.content.len();
    }
    line_ranges(&text, width)
        .into_iter()
        .map(|range| {
            let end = range.start
                + text[range.clone()]
                    .trim_end_matches([' ', '\n', '\r'])
                    .len();
            let pieces: Vec<Span<'static>> = spans
                .iter()
                .zip(&starts)
                .filter_map(|(span, &from)| {
                    let to = from + span.content.len();
                    let (a, b) = (from.max(range.start), to.min(end));
                    (a < b).then(|| Span::styled(text[a..b].to_string(), span.style))
                })
                .collect();
            Line::from(pieces)
        })
        .collect()
}

/// One line that, drawn, is cut to the width it is given, with `…` where it is cut.
pub struct CutLine(pub Line<'static>);

impl Widget for CutLine {
    fn render(self, area: Rect, buf: &mut Buffer) {
        cut_line(self.0, usize::from(area.width), false).render(area, buf);
    }
}

/// At most `rows` lines of those given; when some are left out, the last one shown ends
/// with `…` (cut to make room for it) to say that more was there.
pub fn at_most(mut lines: Vec<Line<'static>>, rows: usize, width: usize) -> Vec<Line<'static>> {
    if lines.len() <= rows {
        return lines;
    }
    lines.truncate(rows);
    if let Some(last) = lines.pop() {
        lines.push(cut_line(last, width, true));
    }
    lines
}

/// A line of spans as it fits in `width` columns: itself when it fits (and `more` is not
/// set), else as much as fits before a `…`. With `more`, the mark is added even when the
/// line fits, to say the text goes on beyond it.
pub fn cut_line(line: Line<'static>, width: usize, more: bool) -> Line<'static> {
    if !more && line.width() <= width {
        return line;
    }
    if width == 0 {
        return Line::default().style(line.style);
    }
    let room = width - 1;
    let mut used = 0;
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut mark_style = Style::new();
    'spans: for span in line.spans {
        mark_style = span.style;
        let mut kept = String::new();
        for c in span.content.chars() {
            let w = c.width().unwrap_or(0);
            if used + w > room {
                if !kept.is_empty() {
                    spans.push(Span::styled(kept, span.style));
                }
                break 'spans;
            }
            used += w;
            kept.push(c);
        }
        spans.push(Span::styled(kept, span.style));
    }
    // No space before the mark.
    while let Some(last) = spans.last_mut() {
        let trimmed = last.content.trim_end().len();
        if trimmed > 0 {
            last.content.to_mut().truncate(trimmed);
            break;
        }
        spans.pop();
    }
    spans.push(Span::styled(CUT_MARK.to_string(), mark_style));
    Line::from(spans).style(line.style)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::style::Color;

    fn text_of(line: &Line) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn styled_text_keeps_its_styles_across_the_break() {
        let red = Style::new().fg(Color::Red);
        let spans = [Span::raw("期限 14:32、"), Span::styled("残り 4:59", red)];
        let lines = wrap_spans(&spans, 12);
        let texts: Vec<String> = lines.iter().map(text_of).collect();
        assert_eq!(texts, ["期限 14:32、", "残り 4:59"]);
        assert_eq!(lines[1].spans[0].style, red);
    }

    #[test]
    fn more_than_fits_ends_with_the_mark() {
        let lines = wrapped("one two three four five", 9, Style::new());
        assert_eq!(lines.len(), 3);
        let two = at_most(lines, 2, 9);
        let texts: Vec<String> = two.iter().map(text_of).collect();
        assert_eq!(texts, ["one two", "three…"]);
        let full = cut_line(Line::from("abcdefghi"), 9, true);
        assert_eq!(text_of(&full), "abcdefgh…");
        assert_eq!(
            text_of(&cut_line(Line::from("報告する"), 5, false)),
            "報告…"
        );
        assert_eq!(text_of(&cut_line(Line::from("報告"), 5, false)), "報告");
    }

    proptest! {
        #[test]
        fn wrapped_spans_give_back_the_text_and_fit(
            parts in proptest::collection::vec("[a-z 0-9:、。報告障害残り]{0,12}", 1..4),
            width in 1usize..30,
        ) {
            let spans: Vec<Span> = parts.iter().map(|p| Span::raw(p.clone())).collect();
            let text: String = parts.concat();
            let lines = wrap_spans(&spans, width);
            let shown: String = lines.iter().map(text_of).collect();
            let squeeze = |s: &str| s.replace([' ', '\n'], "");
            prop_assert_eq!(squeeze(&shown), squeeze(&text));
            for l in &lines {
                prop_assert!(l.width() <= width || text_of(l).chars().count() == 1);
            }
        }
    }
}
