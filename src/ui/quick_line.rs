//! Drawing one line of text into one row of the screen, cell by cell, without splitting it
//! into grapheme clusters first: the same cells as ratatui's own `Line` drawing, at a
//! quarter of the cost for the text a desk mostly shows (Latin letters, digits, kana,
//! kanji). A list that fills a 200-column screen redraws some 9,000 cells per keystroke.
//!
//! It is quick only where it is certainly the same: every character of the line stands
//! alone as a grapheme (no combining marks, joiners, variation selectors, flags, Hangul
//! jamo or control characters) and has a width of one or two cells. Any other line, or one
//! not aligned left, is drawn by ratatui itself.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;

/// The cells `c` takes when it is a grapheme of its own whatever comes before or after it,
/// or None. Every character listed has the grapheme break property Other, and between two
/// such characters there is always a break (UAX #29, GB999). The widths are those of
/// `unicode-width` (a test holds them to it), without looking them up.
fn own_width(c: char) -> Option<u16> {
    match c {
        ' '..='~' | '\u{00C0}'..='\u{00FF}' | '\u{2010}'..='\u{2027}' | '\u{FF61}'..='\u{FF9D}' => {
            Some(1)
        }
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3041}'..='\u{3096}'
        | '\u{309B}'..='\u{30FF}'
        | '\u{3000}'..='\u{3029}'
        | '\u{3030}'..='\u{303E}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF01}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}' => Some(2),
        _ => None,
    }
}

/// Whether every character of `text` is drawn the quick way.
fn quick(text: &str) -> bool {
    text.bytes().all(|b| matches!(b, b' '..=b'~')) || text.chars().all(|c| own_width(c).is_some())
}

/// Draws `line` into the first row of `area`, exactly as `line.render(area, buf)` would.
pub fn put_line(line: &Line, area: Rect, buf: &mut Buffer) {
    let left_aligned = matches!(line.alignment, None | Some(Alignment::Left));
    if !left_aligned || !line.spans.iter().all(|s| quick(&s.content)) {
        line.render(area, buf);
        return;
    }
    let area = area.intersection(buf.area);
    if area.is_empty() || line.spans.iter().all(|s| s.content.is_empty()) {
        return;
    }
    let area = Rect { height: 1, ..area };
    if line.style != Style::default() {
        buf.set_style(area, line.style);
    }
    let start = buf.index_of(area.x, area.y);
    let row = &mut buf.content[start..start + usize::from(area.width)];
    let mut x = 0;
    for span in &line.spans {
        let style = Style::default().patch(span.style);
        for c in span.content.chars() {
            let width = if c.is_ascii() {
                1
            } else {
                usize::from(own_width(c).unwrap_or(1))
            };
            let Some(cells) = row.get_mut(x..x + width) else {
                // Ratatui draws nothing after the first character that does not fit.
                return;
            };
            cells[0].set_char(c).set_style(style);
            for hidden in &mut cells[1..] {
                hidden.reset();
            }
            x += width;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::style::{Color, Modifier};
    use ratatui::text::Span;

    /// Characters the quick way draws.
    const QUICK: &[char] = &[
        'a', 'Z', '0', ' ', '-', '@', '~', 'é', 'ß', '–', '…', '佐', '藤', 'さ', 'と', 'ガ', 'ー',
        '、', '「', 'Ａ', 'ｱ',
    ];

    /// Characters it leaves to ratatui: ones that join, are zero-width, control, or wide
    /// outside its ranges.
    const OTHERS: &[char] = &[
        'ﾞ', '\u{0301}', '\u{200D}', '\u{FE0F}', '😀', '🇯', '🇵', '\u{1100}', '\u{1161}', '한', '\t',
        '\u{7}', '\u{3099}', '\u{303F}', '\u{00AD}', '\u{FFFD}',
    ];

    /// Mostly quick text, now and then with another character in it.
    fn text() -> impl Strategy<Value = String> {
        let c = prop_oneof![
            30 => proptest::sample::select(QUICK),
            1 => proptest::sample::select(OTHERS),
        ];
        proptest::collection::vec(c, 0..12).prop_map(|cs| cs.into_iter().collect())
    }

    fn style() -> impl Strategy<Value = Style> {
        proptest::sample::select(vec![
            Style::new(),
            Style::new().fg(Color::Yellow),
            Style::new().bg(Color::Blue).add_modifier(Modifier::BOLD),
            Style::new().remove_modifier(Modifier::BOLD),
        ])
    }

    fn line() -> impl Strategy<Value = Line<'static>> {
        (
            proptest::collection::vec((text(), style()), 0..5),
            style(),
            proptest::sample::select(vec![
                None,
                Some(Alignment::Left),
                Some(Alignment::Center),
                Some(Alignment::Right),
            ]),
        )
            .prop_map(|(spans, style, alignment)| {
                let mut line = Line::from(
                    spans
                        .into_iter()
                        .map(|(t, s)| Span::styled(t, s))
                        .collect::<Vec<_>>(),
                )
                .style(style);
                line.alignment = alignment;
                line
            })
    }

    /// A buffer with something already drawn in it, wide characters included.
    fn drawn_over(width: u16, under: &str) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, width, 2));
        buf.set_stringn(0, 0, under, usize::from(width), Style::new().fg(Color::Red));
        buf
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn draws_the_same_cells_as_ratatui(
            line in line(),
            under in text(),
            width in 1u16..24,
            x in 0u16..6,
            w in 0u16..30,
        ) {
            let area = Rect::new(x, 0, w, 1);
            let mut ours = drawn_over(width, &under);
            let mut theirs = ours.clone();
            put_line(&line, area, &mut ours);
            line.render(area, &mut theirs);
            prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn widths_are_those_of_unicode_width() {
        use unicode_width::UnicodeWidthChar;
        let quick: Vec<char> = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| own_width(c).is_some())
            .collect();
        assert!(quick.len() > 27_000, "{} characters", quick.len());
        for c in quick {
            assert_eq!(own_width(c).map(usize::from), c.width(), "{c:?}");
        }
    }

    #[test]
    fn kana_and_kanji_take_two_cells_and_the_quick_way() {
        assert_eq!(own_width('さ'), Some(2));
        assert_eq!(own_width('藤'), Some(2));
        assert_eq!(own_width('a'), Some(1));
        assert_eq!(
            own_width('\u{0301}'),
            None,
            "a combining mark joins the one before"
        );
        assert_eq!(
            own_width('ﾞ'),
            None,
            "a half-width voiced mark joins the kana before"
        );
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        put_line(&Line::from("佐藤 a"), buf.area, &mut buf);
        assert_eq!(buf, Buffer::with_lines(["佐藤 a"]));
    }
}
