//! The whole guide for one category, over the form it was opened from (F1 or Ctrl-G in the
//! record and reclassify forms): what counts, examples and boundary cases, severity by
//! impact, its kinds, the scope definition, its obligations. Esc goes back to the form, with
//! its text.

use crate::app::App;
use crate::app::action::Action;
use crate::app::key_table::When;
use crate::app::layer::{Layer, Outcome};
use crate::ui::fit::wrapped;
use crate::ui::theme;
use crate::ui::widgets::{centered, window};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};
use shiftdesk_core::Category;
use shiftdesk_core::guide::guide_text;
use shiftdesk_core::i18n::{self, Msg, fill, t};

pub struct GuideLayer {
    pub category: Category,
    /// The kind picked in the form, marked among the category's.
    pub kind: Option<String>,
    /// Scrolled down this many lines.
    pub scroll: u16,
}

impl GuideLayer {
    pub fn new(category: Category, kind: Option<String>) -> GuideLayer {
        GuideLayer {
            category,
            kind,
            scroll: 0,
        }
    }

    /// The guide as text, the kind picked marked with ▶.
    pub fn text(&self, app: &App) -> String {
        let desk = &app.desk;
        let text = guide_text(
            &desk.guide,
            Some(self.category),
            desk.roster(),
            &desk.playbooks,
            app.lang(),
        );
        let Some(kind) = &self.kind else {
            return text;
        };
        // The kind's line ends with its id in brackets (either language's).
        let marks = [format!("({kind})"), format!("\u{ff08}{kind}\u{ff09}")];
        text.lines()
            .map(|l| {
                let ours = l.starts_with("    - ") && marks.iter().any(|m| l.ends_with(m.as_str()));
                if ours {
                    format!("  ▶ {}", &l[6..])
                } else {
                    l.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl Layer for GuideLayer {
    fn keys(&self) -> &'static [When] {
        &[When::Guide]
    }

    fn handle(&mut self, action: &Action, _app: &App) -> Outcome {
        let Some(by) = super::step_of(action) else {
            return Outcome::Consumed;
        };
        self.scroll = super::scrolled(self.scroll, by);
        Outcome::Consumed
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App) {
        let lang = app.lang();
        let popup = centered(
            area,
            area.width.saturating_sub(4).max(1),
            area.height.saturating_sub(2).max(1),
        );
        crate::ui::widgets::clear(frame, popup);
        let category = i18n::category(lang, self.category);
        let title = fill(lang, Msg::GuideTitle, &[("category", category)]);
        let block = Block::bordered()
            .title(format!(" {title} "))
            .border_style(theme::border(true));
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        let [body, hint_area] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
        let width = usize::from(body.width);
        let lines: Vec<Line<'static>> = self
            .text(app)
            .lines()
            .flat_map(|l| {
                // Headings (the category's line, and what is listed) stand out.
                let style = if !l.starts_with(' ') || l.ends_with([':', '\u{ff1a}']) {
                    Style::new().add_modifier(Modifier::BOLD)
                } else {
                    Style::new()
                };
                let indent = l.len() - l.trim_start().len();
                let pieces = wrapped(l.trim_start(), width.saturating_sub(indent).max(1), style);
                pieces
                    .into_iter()
                    .map(move |p| {
                        let mut spans = vec![" ".repeat(indent).into()];
                        spans.extend(p.spans);
                        Line::from(spans)
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        let height = usize::from(body.height);
        let offset = usize::from(self.scroll).min(lines.len().saturating_sub(height));
        frame.render_widget(Paragraph::new(window(lines, offset, height)), body);
        frame.render_widget(
            Paragraph::new(t(lang, Msg::GuideHint)).style(theme::key()),
            hint_area,
        );
    }
}
