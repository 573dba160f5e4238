//! Small drawing helpers shared by the panes.

use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::Line;
use unicode_width::UnicodeWidthStr;

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

/// The one wrapping rule, where the panes have long named it (the checklist does).
pub use shiftdesk_core::wrap::wrap;

/// Clears a popup's area. A wide (two-column) character of the screen below that straddles
/// the popup's left or right edge is blanked too: half of it would otherwise hide the
/// popup's border, or be left behind beside it.
pub fn clear(frame: &mut ratatui::Frame, area: Rect) {
    frame.render_widget(ratatui::widgets::Clear, area);
    let buf = frame.buffer_mut();
    let bounds = buf.area;
    for y in area.top()..area.bottom() {
        if area.left() > bounds.left() {
            let cell = &mut buf[(area.left() - 1, y)];
            if cell.symbol().width() > 1 {
                cell.reset();
            }
        }
        if area.right() < bounds.right() {
            // The cell past the edge held the second half of a character now cleared.
            let cell = &mut buf[(area.right(), y)];
            if cell.symbol().is_empty() {
                cell.reset();
            }
        }
    }
}

/// `text` padded with spaces to `width` columns (wide characters count two).
pub fn pad(text: &str, width: usize) -> String {
    let used = text.width();
    format!("{text}{}", " ".repeat(width.saturating_sub(used)))
}

/// A framed box of `width` × `height` centred in `area`, titled, drawn over what is
/// beneath; returns the area inside the frame.
pub fn popup(frame: &mut ratatui::Frame, area: Rect, width: u16, height: u16, title: &str) -> Rect {
    let outer = centered(area, width, height);
    clear(frame, outer);
    framed(frame, outer, title)
}

/// A titled frame around `outer`, on what is there; returns the area inside the frame.
pub fn framed(frame: &mut ratatui::Frame, outer: Rect, title: &str) -> Rect {
    let title = ratatui::text::Line::from(format!(" {title} "));
    super::quick_frame::put_frame(outer, title, super::theme::border(true), frame.buffer_mut())
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
