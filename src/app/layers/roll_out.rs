//! The roll-out: at start, when the flow changed since this operator last acknowledged it
//! (or they never did and it has been signed off), what changed, and a key to acknowledge
//! it. It blocks nothing: Esc puts it away until the next start, and `n` records an
//! incident straight from it.

use crate::app::App;
use crate::app::action::Action;
use crate::app::key_table::When;
use crate::app::layer::{Layer, Outcome, Work};
use crate::app::ui_state::NoticeLevel;
use crate::ui::fit::wrapped;
use crate::ui::theme;
use crate::ui::widgets::{centered, window};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use shiftdesk_core::flow::{Basis, Changed, RollOut};
use shiftdesk_core::i18n::{Lang, Msg, fill, t};
use shiftdesk_core::text::safe_line;

pub struct RollOutLayer {
    pub roll_out: RollOut,
    /// Scrolled down this many lines.
    pub scroll: u16,
}

impl RollOutLayer {
    pub fn new(roll_out: RollOut) -> RollOutLayer {
        RollOutLayer {
            roll_out,
            scroll: 0,
        }
    }

    /// What the layer says: a paragraph or two on since when, then each change.
    fn paragraphs(&self, app: &App) -> (Vec<String>, Vec<String>) {
        let lang = app.lang();
        let zone = &app.operator.zone;
        let date = |at| zone.date_time(at);
        let (head, since) = match &self.roll_out.basis {
            Basis::Acknowledged { at } => {
                (fill(lang, Msg::RollOutSince, &[("date", &date(*at))]), None)
            }
            Basis::SignedOff { at, by } => (
                fill(
                    lang,
                    Msg::RollOutNotYet,
                    &[("date", &date(*at)), ("by", &safe_line(by))],
                ),
                Some(t(lang, Msg::RollOutSinceSigned)),
            ),
        };
        let mut head = vec![head];
        let items = match &self.roll_out.changed {
            Changed::Yes(list) => {
                head.extend(since.map(str::to_string));
                list.iter().map(|d| d.words(lang)).collect()
            }
            Changed::No => {
                head.push(t(lang, Msg::RollOutNothing).to_string());
                Vec::new()
            }
            Changed::Untold => vec![t(lang, Msg::RollOutUntold).to_string()],
        };
        (head, items)
    }

    fn lines(&self, app: &App, width: usize) -> Vec<Line<'static>> {
        let (head, items) = self.paragraphs(app);
        let mut lines: Vec<Line<'static>> = head
            .iter()
            .flat_map(|h| wrapped(h, width, theme::info()))
            .collect();
        for item in items {
            let body = wrapped(&item, width.saturating_sub(2).max(1), Style::new());
            for (i, line) in body.into_iter().enumerate() {
                let mark = if i == 0 { "• " } else { "  " };
                let mut spans = vec![Span::raw(mark)];
                spans.extend(line.spans);
                lines.push(Line::from(spans));
            }
        }
        lines
    }
}

/// The layer's title: what it is, and which flow (its fingerprint's first digits).
fn title(lang: Lang, short: &str) -> String {
    format!(" {} · {short} ", t(lang, Msg::RollOutTitle))
}

impl Layer for RollOutLayer {
    fn keys(&self) -> &'static [When] {
        &[When::RollOut]
    }

    fn handle(&mut self, action: &Action, app: &App) -> Outcome {
        if let Some(by) = super::step_of(action) {
            self.scroll = super::scrolled(self.scroll, by);
            return Outcome::Consumed;
        }
        match action {
            Action::Acknowledge => {
                let short = self.roll_out.short().to_string();
                let text = fill(app.lang(), Msg::MsgAcknowledged, &[("fingerprint", &short)]);
                Outcome::Submit(vec![
                    Work::AcknowledgeFlow,
                    Work::Close,
                    Work::Say(NoticeLevel::Info, text),
                ])
            }
            // Nothing waits on the roll-out: a new incident, the search, straight from it.
            _ => Outcome::PassDown,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App) {
        let lang = app.lang();
        let width = area.width.saturating_sub(4).clamp(1, 100);
        // As tall as what it says, up to the screen.
        let inner_width = usize::from(width.saturating_sub(2)).max(1);
        let needed = self.lines(app, inner_width).len()
            + wrapped(t(lang, Msg::RollOutHint), inner_width, theme::key()).len()
            + 2;
        let height = u16::try_from(needed).unwrap_or(u16::MAX);
        let popup = centered(
            area,
            width,
            height.min(area.height.saturating_sub(2)).max(1),
        );
        crate::ui::widgets::clear(frame, popup);
        let block = Block::bordered()
            .title(title(lang, self.roll_out.short()))
            .border_style(theme::border(true));
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        let hint = wrapped(
            t(lang, Msg::RollOutHint),
            usize::from(inner.width),
            theme::key(),
        );
        let [body, hint_area] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(hint.len() as u16)])
                .areas(inner);
        let lines = self.lines(app, usize::from(body.width));
        let height = usize::from(body.height);
        let offset = usize::from(self.scroll).min(lines.len().saturating_sub(height));
        frame.render_widget(Paragraph::new(window(lines, offset, height)), body);
        frame.render_widget(Paragraph::new(hint), hint_area);
    }
}
