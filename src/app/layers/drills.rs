//! Drills: the scenarios to start one from, and a running drill's readiness checks.

use super::check_answer::CheckAnswerForm;
use crate::app::App;
use crate::app::action::Action;
use crate::app::key_table::When;
use crate::app::layer::{Layer, Outcome, Work};
use crate::ui::theme;
use crate::ui::widgets::{self, scroll_offset};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use shiftdesk_core::IncidentId;
use shiftdesk_core::change::Change;
use shiftdesk_core::drill::Answer;
use shiftdesk_core::drill::result::drill_incident;
use shiftdesk_core::i18n::{self, Msg, fill, t};
use shiftdesk_core::text::safe_line;
use shiftdesk_core::wrap::wrap;

/// The drill scenarios, to start one from.
#[derive(Default)]
pub struct DrillList {
    pub cursor: usize,
}

/// A running drill's readiness checks.
pub struct ChecksList {
    pub incident: IncidentId,
    pub cursor: usize,
}

impl DrillList {
    /// The scenario under the cursor, opened as a drill incident and shown.
    fn start(&self, app: &App) -> Outcome {
        let Some(scenario) = app.desk.scenarios.get(self.cursor) else {
            return Outcome::Close;
        };
        let new = drill_incident(
            scenario,
            &app.desk.playbooks,
            app.desk.roster(),
            app.lang(),
            app.now,
        );
        let Some(new) = new else {
            return Outcome::Close;
        };
        let name = scenario.name.get(app.lang()).to_string();
        Outcome::Submit(vec![
            Work::Close,
            Work::Change(Change::Open(Box::new(new))),
            Work::ShowOpened(Msg::MsgDrillStarted, vec![("name", name)]),
        ])
    }
}

impl Layer for DrillList {
    fn keys(&self) -> &'static [When] {
        &[When::Drills]
    }

    fn handle(&mut self, action: &Action, app: &App) -> Outcome {
        if let Some(by) = super::step_of(action) {
            self.cursor = super::moved(self.cursor, by, app.desk.scenarios.len());
            return Outcome::Consumed;
        }
        match action {
            Action::Submit => self.start(app),
            _ => Outcome::PassDown,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App) {
        let lang = app.lang();
        let (list, hint) = popup(frame, area, t(lang, Msg::DrillsTitle));
        // Less the column of the cursor mark.
        let width = usize::from(list.width).saturating_sub(2);
        let items = app
            .desk
            .scenarios
            .iter()
            .map(|s| {
                let mut lines = vec![Line::from(vec![
                    Span::styled(
                        safe_line(s.name.get(lang)),
                        Style::new().add_modifier(Modifier::BOLD),
                    ),
                    Span::styled(format!("  {}", safe_line(&s.id)), theme::dim()),
                ])];
                for piece in wrap(&safe_line(s.summary.get(lang)), width.saturating_sub(2)) {
                    lines.push(Line::raw(format!("  {piece}")));
                }
                let counts = fill(
                    lang,
                    Msg::DrillsCounts,
                    &[
                        ("injects", &s.injects.len().to_string()),
                        ("checks", &s.readiness_checks.len().to_string()),
                    ],
                );
                lines.push(Line::styled(
                    format!(
                        "  {} · {} · {counts}",
                        i18n::category_short(lang, s.incident.category),
                        i18n::severity(lang, s.incident.severity)
                    ),
                    theme::dim(),
                ));
                lines
            })
            .collect();
        draw_items(frame, list, items, self.cursor);
        frame.render_widget(
            Paragraph::new(t(lang, Msg::DrillsHint)).style(theme::key()),
            hint,
        );
    }
}

impl ChecksList {
    pub fn new(incident: IncidentId) -> ChecksList {
        ChecksList {
            incident,
            cursor: 0,
        }
    }

    /// y / n / u on a readiness check: the answer form, with a note.
    fn answer(&self, answer: Answer, app: &App) -> Outcome {
        let check = app
            .desk
            .incident(&self.incident)
            .and_then(|i| i.drill_run.as_ref())
            .and_then(|r| r.checks.get(self.cursor));
        match check {
            Some(check) => Outcome::Open(Box::new(CheckAnswerForm::new(
                self.incident.clone(),
                check.id.clone(),
                answer,
                &check.note,
            ))),
            None => Outcome::Consumed,
        }
    }
}

impl Layer for ChecksList {
    fn keys(&self) -> &'static [When] {
        &[When::Checks]
    }

    fn handle(&mut self, action: &Action, app: &App) -> Outcome {
        if let Some(by) = super::step_of(action) {
            let len = app
                .desk
                .incident(&self.incident)
                .and_then(|i| i.drill_run.as_ref())
                .map_or(0, |r| r.checks.len());
            self.cursor = super::moved(self.cursor, by, len);
            return Outcome::Consumed;
        }
        match action {
            Action::AnswerCheck(answer) => self.answer(*answer, app),
            _ => Outcome::PassDown,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App) {
        let lang = app.lang();
        let id = &self.incident;
        let (list, hint) = popup(
            frame,
            area,
            &format!("{} · {id}", t(lang, Msg::ChecksTitle)),
        );
        // Less the column of the cursor mark.
        let width = usize::from(list.width).saturating_sub(2);
        let incident = app.desk.incident(id);
        let checks = incident
            .and_then(|i| i.drill_run.as_ref())
            .map(|r| r.checks.clone())
            .unwrap_or_default();
        let measures = incident
            .and_then(|i| i.review.as_ref())
            .map(|r| r.measures.as_slice())
            .unwrap_or_default();
        let items = checks
            .iter()
            .map(|c| {
                let (mark, style) = match c.answer {
                    Some(Answer::Yes) => ("✓", theme::done()),
                    Some(Answer::No) => ("✗", theme::overdue()),
                    Some(Answer::NotChecked) | None => ("?", theme::warning()),
                };
                let answer = i18n::answer(lang, c.answer.unwrap_or(Answer::NotChecked));
                let mut lines = Vec::new();
                for (n, piece) in wrap(&safe_line(c.text.get(lang)), width.saturating_sub(4))
                    .into_iter()
                    .enumerate()
                {
                    let lead = if n == 0 {
                        format!("{mark} ")
                    } else {
                        "  ".into()
                    };
                    lines.push(Line::from(vec![
                        Span::styled(lead, style),
                        Span::raw(piece.to_string()),
                    ]));
                }
                let note = if c.note.is_empty() {
                    String::new()
                } else {
                    format!(" — {}", safe_line(&c.note))
                };
                lines.push(Line::styled(format!("  {answer}{note}"), style));
                // The measures that follow it up.
                for m in measures.iter().filter(|m| m.check.as_ref() == Some(&c.id)) {
                    let due = m.due.map(|d| d.format("%Y-%m-%d").to_string());
                    let text = fill(
                        lang,
                        Msg::ChecksFollowUp,
                        &[
                            ("text", &safe_line(&m.text)),
                            ("owner", &safe_line(&m.owner)),
                            ("due", due.as_deref().unwrap_or("—")),
                        ],
                    );
                    lines.push(Line::styled(format!("  {text}"), theme::dim()));
                }
                lines
            })
            .collect();
        draw_items(frame, list, items, self.cursor);
        frame.render_widget(
            Paragraph::new(t(lang, Msg::ChecksHint)).style(theme::key()),
            hint,
        );
    }
}

fn popup(frame: &mut Frame, area: Rect, title: &str) -> (Rect, Rect) {
    let inner = widgets::popup(
        frame,
        area,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
        title,
    );
    let [list, hint] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
    (list, hint)
}

/// Lines of items, each several lines; the cursor's item marked `▶` and in view.
fn draw_items(frame: &mut Frame, area: Rect, items: Vec<Vec<Line<'static>>>, cursor: usize) {
    let mut lines = Vec::new();
    let mut span = (0, 0);
    for (i, item) in items.into_iter().enumerate() {
        let here = i == cursor;
        if here {
            span = (lines.len(), lines.len() + item.len().saturating_sub(1));
        }
        for (n, line) in item.into_iter().enumerate() {
            let lead = match (here, n) {
                (true, 0) => Span::styled("▶ ", theme::next_step()),
                _ => Span::raw("  "),
            };
            let mut spans = vec![lead];
            spans.extend(line.spans);
            let line = Line::from(spans).style(line.style);
            lines.push(if here && n == 0 {
                line.patch_style(theme::cursor(true))
            } else {
                line
            });
        }
        lines.push(Line::raw(""));
    }
    let height = usize::from(area.height);
    let offset = scroll_offset(span.0, span.1, height);
    frame.render_widget(Paragraph::new(widgets::window(lines, offset, height)), area);
}
