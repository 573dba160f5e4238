//! The help overlay: every key, grouped, scrollable.

use super::theme;
use super::widgets::{centered, pad, window, wrap};
use crate::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use shiftdesk_core::i18n::{Msg, t};

const KEYS: [(&str, Msg); 31] = [
    ("↑ ↓  j k  g G", Msg::HelpMove),
    ("Tab  Shift-Tab", Msg::HelpPanes),
    ("Enter", Msg::HelpEnter),
    ("n", Msg::HelpNew),
    ("Space", Msg::HelpCheck),
    ("a", Msg::HelpNote),
    ("r", Msg::HelpReached),
    ("x", Msg::HelpNoAnswer),
    ("m", Msg::HelpMessage),
    ("e", Msg::HelpEscalate),
    ("u", Msg::HelpUpdate),
    ("s", Msg::HelpReclassify),
    ("S", Msg::HelpScope),
    ("C", Msg::HelpConsult),
    ("i", Msg::HelpInterim),
    ("w", Msg::HelpReview),
    ("c", Msg::HelpClose),
    ("R", Msg::HelpReport),
    ("t", Msg::HelpTimeline),
    ("E", Msg::HelpExport),
    ("H", Msg::HelpHandover),
    ("f", Msg::HelpFollowUps),
    ("o", Msg::HelpClosedToggle),
    ("F", Msg::HelpFilter),
    ("D", Msg::HelpDrills),
    ("]", Msg::HelpJump),
    ("v", Msg::HelpChecks),
    ("/", Msg::HelpSearch),
    ("?", Msg::HelpHelp),
    ("q  Ctrl-C", Msg::HelpQuit),
    ("↑ ↓", Msg::HelpScroll),
];

pub fn draw(frame: &mut Frame, area: Rect, app: &App, scroll: u16) {
    let lang = app.lang();
    let popup = centered(area, 78, area.height.saturating_sub(2));
    super::widgets::clear(frame, popup);
    let block = Block::bordered()
        .title(format!(" {} ", t(lang, Msg::HelpTitle)))
        .title_bottom(format!(" {} ", t(lang, Msg::HelpFooter)))
        .border_style(theme::border(true));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let width = usize::from(inner.width);
    let mut lines: Vec<Line<'static>> = Vec::new();
    for (key, msg) in KEYS {
        let text = wrap(t(lang, msg), width.saturating_sub(16).max(1));
        for (n, piece) in text.into_iter().enumerate() {
            let key = if n == 0 { pad(key, 16) } else { " ".repeat(16) };
            lines.push(Line::from(vec![
                Span::styled(key, theme::key()),
                Span::raw(piece),
            ]));
        }
    }
    lines.push(Line::raw(""));
    for piece in wrap(t(lang, Msg::HelpForms), width) {
        lines.push(Line::raw(piece));
    }
    let height = usize::from(inner.height);
    let offset = usize::from(scroll).min(lines.len().saturating_sub(height));
    frame.render_widget(Paragraph::new(window(lines, offset, height)), inner);
}
