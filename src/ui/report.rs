//! The report text overlay: the text in full, ready to read out or copy.

use super::theme;
use super::widgets::{centered, window, wrap};
use crate::app::App;
use crate::app::effects::ClipboardMode;
use crate::i18n::{Msg, fill, t};
use crate::model::IncidentId;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, id: &IncidentId, scroll: u16, copied: bool) {
    let lang = app.lang();
    let popup = centered(
        area,
        area.width.saturating_sub(4).max(1),
        area.height.saturating_sub(2).max(1),
    );
    super::widgets::clear(frame, popup);
    let block = Block::bordered()
        .title(format!(" {} · {id} ", t(lang, Msg::ReportTitle)))
        .border_style(theme::border(true));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [body, status, hint] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(if copied { 2 } else { 0 }),
        Constraint::Length(1),
    ])
    .areas(inner);

    let text = app.report_of(id).unwrap_or_default();
    let lines: Vec<Line<'static>> = text
        .lines()
        .flat_map(|l| wrap(l, usize::from(body.width)))
        .map(Line::from)
        .collect();
    let height = usize::from(body.height);
    let offset = usize::from(scroll).min(lines.len().saturating_sub(height));
    frame.render_widget(Paragraph::new(window(lines, offset, height)), body);
    if copied {
        let how = if app.clipboard == ClipboardMode::Tmux {
            t(lang, Msg::ViaTmux)
        } else {
            ""
        };
        let said = fill(lang, Msg::ReportCopied, &[("how", how)]);
        let lines: Vec<Line> = wrap(&said, usize::from(status.width))
            .into_iter()
            .map(Line::from)
            .collect();
        frame.render_widget(Paragraph::new(lines).style(theme::info()), status);
    }
    frame.render_widget(
        Paragraph::new(t(lang, Msg::ReportHint)).style(theme::key()),
        hint,
    );
}
