//! The review form drawn: its texts (the ones of several lines taller, as room allows), the
//! measures against recurrence a row each, the error and the hint.

use super::review::{ReviewField, ReviewForm};
use crate::app::App;
use crate::ui::form_parts::{draw_field, error, hint, label, split};
use crate::ui::theme;
use crate::ui::widgets::popup;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Paragraph;
use shiftdesk_core::i18n::{Msg, t};

const LABEL_WIDTH: u16 = 16;

/// The texts besides the measures, with their labels.
const FIXED: [(ReviewField, Msg); 5] = [
    (ReviewField::WhatHappened, Msg::FieldWhatHappened),
    (ReviewField::Cause, Msg::FieldCause),
    (ReviewField::WentWell, Msg::FieldWentWell),
    (ReviewField::WentBadly, Msg::FieldWentBadly),
    (ReviewField::SharedWith, Msg::FieldSharedWith),
];

/// Rows below the texts besides the measures: heading, error, hint.
const OTHER_ROWS: u16 = 3;

/// Rows at the least for the measures.
const MEASURE_ROWS: u16 = 3;

/// Rows at the most for a text of several lines.
const MOST_TEXT_ROWS: u16 = 4;

pub fn draw(form: &ReviewForm, frame: &mut Frame, area: Rect, app: &App) {
    let lang = app.lang();
    let inner = popup(
        frame,
        area,
        area.width.saturating_sub(4).min(100),
        area.height.saturating_sub(2),
        &format!("{} · {}", t(lang, Msg::ReviewTitle), form.incident),
    );
    // The texts of several lines share what the measures leave, alike.
    let multi = FIXED
        .iter()
        .filter(|(f, _)| form.fields.get(*f).is_some_and(|t| t.is_multi_line()))
        .count() as u16;
    let spare = inner
        .height
        .saturating_sub(FIXED.len() as u16 + OTHER_ROWS + MEASURE_ROWS);
    let text_rows = (1 + spare / multi.max(1)).min(MOST_TEXT_ROWS);
    let mut constraints: Vec<Constraint> = FIXED
        .iter()
        .map(|(f, _)| match form.fields.get(*f) {
            Some(t) if t.is_multi_line() => Constraint::Length(text_rows),
            _ => Constraint::Length(1),
        })
        .collect();
    constraints.push(Constraint::Length(1)); // measures heading
    constraints.push(Constraint::Fill(1)); // measures
    constraints.push(Constraint::Length(1)); // error
    constraints.push(Constraint::Length(1)); // hint
    let areas = Layout::vertical(constraints).split(inner);
    for (i, (field, msg)) in FIXED.iter().enumerate() {
        let (l, f) = split(areas[i], LABEL_WIDTH);
        let focused = form.focus == *field;
        label(frame, l, t(lang, *msg), focused);
        if let Some(tf) = form.fields.get(*field) {
            draw_field(frame, f, tf, focused);
        }
    }
    let heading = format!(
        "{} — {} / {} / {}",
        t(lang, Msg::FieldMeasures),
        t(lang, Msg::MeasureWhat),
        t(lang, Msg::MeasureOwner),
        t(lang, Msg::MeasureDue)
    );
    frame.render_widget(
        Paragraph::new(heading).style(theme::header()),
        areas[FIXED.len()],
    );
    draw_measures(form, frame, areas[FIXED.len() + 1]);
    if let Some((_, e)) = form.error {
        error(frame, areas[FIXED.len() + 2], app, e);
    }
    frame.render_widget(hint(app, Msg::ReviewHint), areas[FIXED.len() + 3]);
}

/// The measures a row each (mark, what, owner, due), the row with focus kept in view.
fn draw_measures(form: &ReviewForm, frame: &mut Frame, list: Rect) {
    let focus_row = match form.focus {
        ReviewField::Measure(row, _) => row,
        _ => 0,
    };
    let visible = usize::from(list.height).max(1);
    let first = focus_row.saturating_sub(visible - 1);
    for (n, (row, m)) in form
        .measures
        .iter()
        .enumerate()
        .skip(first)
        .take(visible)
        .enumerate()
    {
        let y = Rect {
            y: list.y + n as u16,
            height: 1,
            ..list
        };
        let [mark, what, owner, due] = Layout::horizontal([
            Constraint::Length(3),
            Constraint::Fill(1),
            Constraint::Length(14),
            Constraint::Length(12),
        ])
        .spacing(1)
        .areas(y);
        let done = if m.done { "✓" } else { "·" };
        frame.render_widget(
            Paragraph::new(format!("{done}{}", row + 1)).style(theme::dim()),
            mark,
        );
        for (col, cell) in [what, owner, due].into_iter().enumerate() {
            draw_field(
                frame,
                cell,
                &m.cells[col],
                form.focus == ReviewField::Measure(row, col),
            );
        }
    }
}
