//! The text overlay: the report text, the timeline, the Markdown export, the handover —
//! in full, scrollable, ready to copy.

use super::theme;
use super::widgets::{centered, window, wrap};
use crate::app::App;
use crate::app::effects::ClipboardMode;
use crate::app::ui_state::TextView;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};
use shiftdesk_core::i18n::{Msg, fill, t};
use shiftdesk_core::text::safe_line;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, view: &TextView, scroll: u16, copied: bool) {
    let lang = app.lang();
    let popup = centered(
        area,
        area.width.saturating_sub(4).max(1),
        area.height.saturating_sub(2).max(1),
    );
    super::widgets::clear(frame, popup);
    let (title, hint) = match view {
        TextView::Report(id) => (
            format!("{} · {id}", t(lang, Msg::ReportTitle)),
            Msg::ReportHint,
        ),
        TextView::Timeline(id) => (
            format!("{} · {id}", t(lang, Msg::WordTimeline)),
            Msg::TimelineHint,
        ),
        TextView::Export { incident, .. } => (
            format!("{} · {incident}", t(lang, Msg::ExportTitle)),
            Msg::ReportHint,
        ),
        TextView::Handover => (t(lang, Msg::HandoverTitle).to_string(), Msg::ReportHint),
        TextView::DrillReport(id) => (
            format!("{} · {id}", t(lang, Msg::DrillReportTitle)),
            Msg::ReportHint,
        ),
    };
    let block = Block::bordered()
        .title(format!(" {title} "))
        .border_style(theme::border(true));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);

    let mut notes: Vec<String> = Vec::new();
    if let TextView::Export {
        path: Some(path), ..
    } = view
    {
        notes.push(fill(
            lang,
            Msg::ExportWritten,
            &[("path", &safe_line(&path.display().to_string()))],
        ));
    }
    if copied {
        let how = if app.clipboard == ClipboardMode::Tmux {
            t(lang, Msg::ViaTmux)
        } else {
            ""
        };
        notes.push(fill(lang, Msg::ReportCopied, &[("how", how)]));
    }
    let note_lines: Vec<Line> = notes
        .iter()
        .flat_map(|n| wrap(n, usize::from(inner.width)))
        .map(|l| Line::styled(l, theme::info()))
        .collect();
    let [body, status, hint_area] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(note_lines.len() as u16),
        Constraint::Length(1),
    ])
    .areas(inner);

    let text = app.text_of(view);
    let lines: Vec<Line<'static>> = text
        .lines()
        .flat_map(|l| wrap(&safe_line(l), usize::from(body.width)))
        .map(Line::from)
        .collect();
    let height = usize::from(body.height);
    let offset = usize::from(scroll).min(lines.len().saturating_sub(height));
    frame.render_widget(Paragraph::new(window(lines, offset, height)), body);
    frame.render_widget(Paragraph::new(note_lines), status);
    frame.render_widget(Paragraph::new(t(lang, hint)).style(theme::key()), hint_area);
}
