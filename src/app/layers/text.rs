//! A text to read, scroll and copy: the report text, the timeline, the Markdown export, the
//! handover, a drill's results — built from the record each time it is drawn or copied.

use crate::app::App;
use crate::app::action::Action;
use crate::app::effects::ClipboardMode;
use crate::app::key_table::When;
use crate::app::layer::{Layer, Outcome, Work};
use crate::app::ui_state::NoticeLevel;
use crate::ui::fit::wrapped;
use crate::ui::theme;
use crate::ui::widgets::{centered, window};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};
use shiftdesk_core::IncidentId;
use shiftdesk_core::i18n::{Msg, fill, t};
use shiftdesk_core::text::safe_line;

/// Which text the layer shows; the text itself is built from the record each time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextView {
    Report(IncidentId),
    Timeline(IncidentId),
    /// The Markdown report, and the file it was written to.
    Export {
        incident: IncidentId,
        path: Option<std::path::PathBuf>,
    },
    Handover,
    /// A drill's results.
    DrillReport(IncidentId),
}

pub struct TextLayer {
    pub view: TextView,
    /// Scrolled down this many lines.
    pub scroll: u16,
    /// Said once the text was sent to the clipboard.
    pub copied: bool,
}

impl TextLayer {
    pub fn new(view: TextView) -> TextLayer {
        TextLayer {
            view,
            scroll: 0,
            copied: false,
        }
    }

    /// Sends the text to the clipboard, and says so beneath it.
    fn copy(&mut self, app: &App) -> Outcome {
        if app.clipboard == ClipboardMode::Off {
            let text = t(app.lang(), Msg::MsgCopyOff).to_string();
            return Outcome::Submit(vec![Work::Say(NoticeLevel::Warning, text)]);
        }
        self.copied = true;
        Outcome::Submit(vec![Work::Copy(app.text_of(&self.view))])
    }
}

impl Layer for TextLayer {
    fn keys(&self) -> &'static [When] {
        match self.view {
            TextView::Timeline(_) => &[When::Timeline, When::Text],
            _ => &[When::Text],
        }
    }

    fn handle(&mut self, action: &Action, app: &App) -> Outcome {
        if let Some(by) = super::step_of(action) {
            self.scroll = super::scrolled(self.scroll, by);
            return Outcome::Consumed;
        }
        match (action, &self.view) {
            (Action::Copy, _) => self.copy(app),
            // A note on the incident, and back to the timeline once it is saved.
            (Action::AddNote, TextView::Timeline(_)) => {
                Outcome::Submit(super::note::open(app, true))
            }
            _ => Outcome::PassDown,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App) {
        let lang = app.lang();
        let view = &self.view;
        let popup = centered(
            area,
            area.width.saturating_sub(4).max(1),
            area.height.saturating_sub(2).max(1),
        );
        crate::ui::widgets::clear(frame, popup);
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
        // Said beside the report, never in it: the reader has no use for how to set it.
        if matches!(view, TextView::Report(_)) && app.operator.callback.is_none() {
            notes.push(t(lang, Msg::ReportNoCallback).to_string());
        }
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
        if self.copied {
            let how = if app.clipboard == ClipboardMode::Tmux {
                t(lang, Msg::ViaTmux)
            } else {
                ""
            };
            notes.push(fill(lang, Msg::ReportCopied, &[("how", how)]));
        }
        let note_lines: Vec<Line> = notes
            .iter()
            .flat_map(|n| wrapped(n, usize::from(inner.width), theme::info()))
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
            .flat_map(|l| wrapped(&safe_line(l), usize::from(body.width), Style::new()))
            .collect();
        let height = usize::from(body.height);
        let offset = usize::from(self.scroll).min(lines.len().saturating_sub(height));
        frame.render_widget(Paragraph::new(window(lines, offset, height)), body);
        frame.render_widget(Paragraph::new(note_lines), status);
        frame.render_widget(Paragraph::new(t(lang, hint)).style(theme::key()), hint_area);
    }
}
