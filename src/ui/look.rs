//! The drawn frame as the operator's look asks: without colour (`NO_COLOR`) or in high
//! contrast. The last step of every draw, so every pane and layer follows it without
//! knowing of it.

use crate::app::look::{Look, Theme};
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

/// Restyles a drawn frame: high contrast first, then colour taken away if it must be.
pub fn restyle(look: Look, buf: &mut Buffer) {
    if look.colour && look.theme == Theme::Normal {
        return;
    }
    let high_contrast = look.theme == Theme::HighContrast;
    for cell in buf.content.iter_mut() {
        if high_contrast {
            // Dim greys become full-contrast text; what leans on a colour is also bold.
            if matches!(cell.fg, Color::DarkGray | Color::Gray | Color::Blue) {
                cell.fg = Color::Reset;
            }
            if matches!(cell.fg, Color::Red | Color::Yellow | Color::Magenta) {
                cell.modifier.insert(Modifier::BOLD);
            }
            cell.modifier.remove(Modifier::DIM);
        }
        if !look.colour {
            if cell.bg != Color::Reset {
                // A coloured bar (an error, a highlight) stays a bar.
                cell.modifier.insert(Modifier::REVERSED);
            }
            if matches!(cell.fg, Color::Red | Color::LightRed) {
                cell.modifier.insert(Modifier::BOLD);
            }
            cell.fg = Color::Reset;
            cell.bg = Color::Reset;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    #[test]
    fn without_colour_no_cell_keeps_one_and_a_bar_stays_a_bar() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 3, 1));
        buf.set_style(Rect::new(0, 0, 1, 1), Style::new().fg(Color::Red));
        buf.set_style(Rect::new(1, 0, 1, 1), Style::new().bg(Color::Red));
        let look = Look {
            colour: false,
            theme: Theme::Normal,
        };
        restyle(look, &mut buf);
        assert!(
            buf.content
                .iter()
                .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
        );
        assert!(buf.content[0].modifier.contains(Modifier::BOLD));
        assert!(buf.content[1].modifier.contains(Modifier::REVERSED));
    }

    #[test]
    fn high_contrast_has_no_dim_greys() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 2, 1));
        buf.set_style(
            Rect::new(0, 0, 2, 1),
            Style::new().fg(Color::DarkGray).add_modifier(Modifier::DIM),
        );
        let look = Look {
            colour: true,
            theme: Theme::HighContrast,
        };
        restyle(look, &mut buf);
        assert!(buf.content.iter().all(|c| c.fg == Color::Reset));
        assert!(
            buf.content
                .iter()
                .all(|c| !c.modifier.contains(Modifier::DIM))
        );
    }
}
