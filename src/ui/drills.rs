//! Drills: the scenario list, a running drill's readiness checks, and answering one.

use super::form_record::{FormRow, Row, draw_form};
use super::theme;
use super::widgets::{self, scroll_offset, wrap};
use crate::app::App;
use crate::app::update_drill::CheckAnswerForm;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use shiftdesk_core::IncidentId;
use shiftdesk_core::drill::Answer;
use shiftdesk_core::i18n::{self, Msg, fill, t};
use shiftdesk_core::text::safe_line;

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

/// Lines of items, each several lines; the cursor's item in view.
fn draw_items(frame: &mut Frame, area: Rect, items: Vec<Vec<Line<'static>>>, cursor: usize) {
    let mut lines = Vec::new();
    let mut span = (0, 0);
    for (i, mut item) in items.into_iter().enumerate() {
        if i == cursor {
            span = (lines.len(), lines.len() + item.len().saturating_sub(1));
            if let Some(first) = item.first_mut() {
                *first = first.clone().patch_style(theme::cursor(true));
            }
        }
        lines.append(&mut item);
        lines.push(Line::raw(""));
    }
    let height = usize::from(area.height);
    let offset = scroll_offset(span.0, span.1, height);
    frame.render_widget(
        Paragraph::new(super::widgets::window(lines, offset, height)),
        area,
    );
}

pub fn draw_list(frame: &mut Frame, area: Rect, app: &App, cursor: usize) {
    let lang = app.lang();
    let (list, hint) = popup(frame, area, t(lang, Msg::DrillsTitle));
    let width = usize::from(list.width);
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
    draw_items(frame, list, items, cursor);
    frame.render_widget(
        Paragraph::new(t(lang, Msg::DrillsHint)).style(theme::key()),
        hint,
    );
}

pub fn draw_checks(frame: &mut Frame, area: Rect, app: &App, id: &IncidentId, cursor: usize) {
    let lang = app.lang();
    let (list, hint) = popup(
        frame,
        area,
        &format!("{} · {id}", t(lang, Msg::ChecksTitle)),
    );
    let width = usize::from(list.width);
    let checks = app
        .desk
        .incident(id)
        .and_then(|i| i.drill_run.as_ref())
        .map(|r| r.checks.clone())
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
                    Span::raw(piece),
                ]));
            }
            let note = if c.note.is_empty() {
                String::new()
            } else {
                format!(" — {}", safe_line(&c.note))
            };
            lines.push(Line::styled(format!("  {answer}{note}"), style));
            lines
        })
        .collect();
    draw_items(frame, list, items, cursor);
    frame.render_widget(
        Paragraph::new(t(lang, Msg::ChecksHint)).style(theme::key()),
        hint,
    );
}

pub fn draw_answer(frame: &mut Frame, area: Rect, app: &App, form: &CheckAnswerForm) {
    let lang = app.lang();
    let check = app
        .desk
        .incident(&form.incident)
        .and_then(|i| i.drill_run.as_ref())
        .and_then(|r| r.checks.iter().find(|c| c.id == form.check))
        .map(|c| safe_line(c.text.get(lang)))
        .unwrap_or_default();
    let title = fill(
        lang,
        Msg::CheckAnswerTitle,
        &[("answer", i18n::answer(lang, form.answer))],
    );
    let rows = vec![FormRow {
        label: Msg::FieldNotes,
        content: Row::Text(&form.note),
        focused: true,
        below: None,
        height: 1,
    }];
    let title = format!("{title} · {check}");
    draw_form(frame, area, app, &title, &rows, Msg::NoteHint);
}
