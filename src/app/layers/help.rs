//! The help screen: every key of the desk, as the key table has them, grouped, scrollable.

use crate::app::App;
use crate::app::action::Action;
use crate::app::key_table::{BINDINGS, Help, When};
use crate::app::layer::{Layer, Outcome};
use crate::ui::theme;
use crate::ui::widgets::{centered, pad, window};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use shiftdesk_core::i18n::{Msg, t};
use shiftdesk_core::wrap::wrap;

/// Every key, scrolled down this many lines.
#[derive(Default)]
pub struct HelpScreen {
    pub scroll: u16,
}

/// The help screen's lines: the keys as shown, and what they do, in the key table's order.
pub fn screen_lines() -> impl Iterator<Item = (&'static str, Msg)> {
    BINDINGS.iter().filter_map(|b| match b.help {
        Help::Line(keys, words) => Some((keys, words)),
        _ => None,
    })
}

impl Layer for HelpScreen {
    fn keys(&self) -> &'static [When] {
        &[When::Help]
    }

    fn handle(&mut self, action: &Action, _app: &App) -> Outcome {
        let Some(by) = super::step_of(action) else {
            return Outcome::PassDown;
        };
        self.scroll = super::scrolled(self.scroll, by);
        Outcome::Consumed
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App) {
        let lang = app.lang();
        let popup = centered(area, 78, area.height.saturating_sub(2));
        crate::ui::widgets::clear(frame, popup);
        let block = Block::bordered()
            .title(format!(" {} ", t(lang, Msg::HelpTitle)))
            .title_bottom(format!(" {} ", t(lang, Msg::HelpFooter)))
            .border_style(theme::border(true));
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        let width = usize::from(inner.width);
        let mut lines: Vec<Line<'static>> = Vec::new();
        for (key, msg) in screen_lines() {
            let text = wrap(t(lang, msg), width.saturating_sub(16).max(1));
            for (n, piece) in text.into_iter().enumerate() {
                let key = if n == 0 { pad(key, 16) } else { " ".repeat(16) };
                lines.push(Line::from(vec![
                    Span::styled(key, theme::key()),
                    Span::raw(piece),
                ]));
            }
        }
        for paragraph in [Msg::HelpForms, Msg::HelpTooSmall] {
            lines.push(Line::raw(""));
            for piece in wrap(t(lang, paragraph), width) {
                lines.push(Line::raw(piece));
            }
        }
        let height = usize::from(inner.height);
        let offset = usize::from(self.scroll).min(lines.len().saturating_sub(height));
        frame.render_widget(Paragraph::new(window(lines, offset, height)), inner);
    }
}
