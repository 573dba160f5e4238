//! A bordered frame with a title on its top edge, drawn cell by cell: the same cells as
//! ratatui's `Block::bordered().title(..).border_style(..)`, without the block restyling
//! every cell inside it first (with no style to give them, that changes nothing, and at
//! 200x50 it is some 9,400 cells on every redraw).

use super::quick_line::put_line;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::border;
use ratatui::text::Line;

/// Draws the frame around `outer` with `title` at its top left; returns the area inside.
pub fn put_frame(outer: Rect, title: Line, border_style: Style, buf: &mut Buffer) -> Rect {
    let inner = ratatui::widgets::Block::bordered().inner(outer);
    let area = outer.intersection(buf.area);
    if area.is_empty() {
        return inner;
    }
    let (left, top) = (area.left(), area.top());
    let (right, bottom) = (area.right() - 1, area.bottom() - 1);
    let set = border::PLAIN;
    let mut put = |x: u16, y: u16, symbol: &str| {
        buf[(x, y)].set_symbol(symbol).set_style(border_style);
    };
    // The sides in the block's order (left, top, right, bottom), then the corners.
    for y in top..=bottom {
        put(left, y, set.vertical_left);
    }
    for x in left..=right {
        put(x, top, set.horizontal_top);
    }
    for y in top..=bottom {
        put(right, y, set.vertical_right);
    }
    for x in left..=right {
        put(x, bottom, set.horizontal_bottom);
    }
    put(right, bottom, set.bottom_right);
    put(right, top, set.top_right);
    put(left, bottom, set.bottom_left);
    put(left, top, set.top_left);
    let titles = Rect {
        x: left.saturating_add(1),
        y: top,
        width: area.width.saturating_sub(2),
        height: 1,
    };
    if !titles.is_empty() {
        let width = u16::try_from(title.width()).unwrap_or(u16::MAX);
        let at = Rect {
            width: width.min(titles.width),
            ..titles
        };
        put_line(&title, at, buf);
    }
    inner
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::style::{Color, Modifier};
    use ratatui::widgets::{Block, Widget};

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn draws_the_same_cells_as_a_block(
            title in "[a-z 佐藤さ\u{0301}]{0,12}",
            under in "[a-z 藤]{0,40}",
            (x, y, w, h) in (0u16..8, 0u16..5, 0u16..16, 0u16..7),
            bold in any::<bool>(),
        ) {
            let style = if bold {
                Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
            } else {
                Style::new().fg(Color::DarkGray)
            };
            let mut ours = Buffer::empty(Rect::new(0, 0, 12, 6));
            for row in 0..6 {
                ours.set_stringn(0, row, &under, 12, Style::new().fg(Color::Red));
            }
            let mut theirs = ours.clone();
            let outer = Rect::new(x, y, w, h);
            let inner = put_frame(outer, Line::from(title.clone()), style, &mut ours);
            let block = Block::bordered().title(title).border_style(style);
            prop_assert_eq!(inner, block.inner(outer));
            block.render(outer, &mut theirs);
            prop_assert_eq!(ours, theirs);
        }
    }
}
