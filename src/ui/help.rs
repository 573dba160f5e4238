//! The help overlay: every key.

use super::theme;
use super::widgets::centered;
use crate::app::App;
use crate::i18n::{Msg, t};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let lang = app.lang();
    let keys: [(&str, Msg); 18] = [
        ("↑ ↓  j k  g G", Msg::HelpMove),
        ("Tab  Shift-Tab", Msg::HelpPanes),
        ("Enter", Msg::HelpEnter),
        ("n", Msg::HelpNew),
        ("Space", Msg::HelpCheck),
        ("a", Msg::HelpNote),
        ("c", Msg::HelpClose),
        ("o", Msg::HelpClosedToggle),
        ("r", Msg::HelpReached),
        ("x", Msg::HelpNoAnswer),
        ("m", Msg::HelpMessage),
        ("e", Msg::HelpEscalate),
        ("u", Msg::HelpUpdate),
        ("s", Msg::HelpReclassify),
        ("R", Msg::HelpReport),
        ("/", Msg::HelpSearch),
        ("?", Msg::HelpHelp),
        ("q  Ctrl-C", Msg::HelpQuit),
    ];
    let mut lines: Vec<Line> = keys
        .iter()
        .map(|(k, m)| {
            Line::from(vec![
                Span::styled(super::widgets::pad(k, 16), theme::key()),
                Span::raw(t(lang, *m)),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::raw(t(lang, Msg::HelpForms)));
    lines.push(Line::styled(t(lang, Msg::HelpFooter), theme::dim()));
    let height = lines.len() as u16 + 3;
    let popup = centered(area, 76, height);
    super::widgets::clear(frame, popup);
    let block = Block::bordered()
        .title(format!(" {} ", t(lang, Msg::HelpTitle)))
        .border_style(theme::border(true));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block),
        popup,
    );
}
