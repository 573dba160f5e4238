//! Small drawing helpers shared by the panes.

use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::Line;

/// A box of the given size centred in `area`, never larger than it.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [cell] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    cell
}

/// The first line to show so that lines `first..=last` are in view in `height` rows,
/// keeping a line of context above where it fits.
pub fn scroll_offset(first: usize, last: usize, height: usize) -> usize {
    if height == 0 || last < height {
        return 0;
    }
    let span = last - first + 1;
    if span >= height {
        first
    } else {
        (last + 1 - height).min(first.saturating_sub(1))
    }
}

/// Lines `offset..offset + height`.
pub fn window(lines: Vec<Line<'static>>, offset: usize, height: usize) -> Vec<Line<'static>> {
    lines.into_iter().skip(offset).take(height).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrolling_keeps_the_cursor_in_view() {
        assert_eq!(scroll_offset(3, 3, 10), 0);
        assert_eq!(scroll_offset(12, 12, 10), 3);
        assert_eq!(scroll_offset(12, 14, 10), 5);
        assert_eq!(scroll_offset(12, 30, 10), 12);
        assert_eq!(scroll_offset(0, 0, 0), 0);
    }
}
