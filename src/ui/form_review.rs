//! The review form: what happened, cause, what went well and badly, who it was shared with,
//! and the measures against recurrence, a row each (what, owner, due).

use super::forms::{draw_field, label};
use super::theme;
use super::widgets::popup;
use crate::app::App;
use crate::app::form_record::{ReviewField, ReviewForm};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Paragraph;
use shiftdesk_core::i18n::{Msg, t};

const LABEL_WIDTH: u16 = 16;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, form: &ReviewForm) {
    let lang = app.lang();
    let inner = popup(
        frame,
        area,
        area.width.saturating_sub(4).min(100),
        area.height.saturating_sub(2),
        &format!("{} · {}", t(lang, Msg::ReviewTitle), form.incident),
    );

    let fixed = [
        (ReviewField::WhatHappened, Msg::FieldWhatHappened),
        (ReviewField::Cause, Msg::FieldCause),
        (ReviewField::WentWell, Msg::FieldWentWell),
        (ReviewField::WentBadly, Msg::FieldWentBadly),
        (ReviewField::SharedWith, Msg::FieldSharedWith),
    ];
    let mut constraints = vec![Constraint::Length(1); fixed.len()];
    constraints.push(Constraint::Length(1)); // measures heading
    constraints.push(Constraint::Fill(1)); // measures
    constraints.push(Constraint::Length(1)); // error
    constraints.push(Constraint::Length(1)); // hint
    let areas = Layout::vertical(constraints).split(inner);
    for (i, (field, msg)) in fixed.iter().enumerate() {
        let [l, f] = Layout::horizontal([Constraint::Length(LABEL_WIDTH), Constraint::Fill(1)])
            .areas(areas[i]);
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
        areas[fixed.len()],
    );

    let list = areas[fixed.len() + 1];
    // Keep the row with focus in view.
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
    if let Some((_, e)) = form.error {
        frame.render_widget(
            Paragraph::new(format!("✗ {}", t(lang, e))).style(theme::overdue()),
            areas[fixed.len() + 2],
        );
    }
    let hint = if form.discard_armed {
        Msg::DiscardHint
    } else {
        Msg::ReviewHint
    };
    frame.render_widget(
        Paragraph::new(t(lang, hint)).style(theme::key()),
        areas[fixed.len() + 3],
    );
}
