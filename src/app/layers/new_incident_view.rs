//! The new-incident form drawn: its rows, and the team's guide about the picker with focus —
//! in a column beside the form where the window is wide enough, else in a line under each
//! picker.

use super::new_incident::{NewField, NewIncidentForm};
use crate::app::App;
use crate::ui::form_parts::{draw_field, error, hint, label, split, with_lines};
use crate::ui::guide_side::{GuideFocus, beside, classify_box, draw_one_line, draw_picker};
use crate::ui::theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Paragraph;
use shiftdesk_core::i18n::{self, Msg, t};

const LABEL_WIDTH: u16 = 14;

/// What a row of the form holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum RowKind {
    Title,
    TitleError,
    Category,
    /// Under the category: its class and id, or (narrow) its one-line summary.
    CategoryLine,
    Kind,
    KindLine,
    Severity,
    SeverityLine,
    Detected,
    DetectedLine,
    Description,
}

/// The guide is about the picker with focus; elsewhere, about the category.
fn guide_focus(field: NewField) -> GuideFocus {
    match field {
        NewField::Kind => GuideFocus::Kind,
        NewField::Severity => GuideFocus::Severity,
        _ => GuideFocus::Category,
    }
}

pub fn draw(form: &NewIncidentForm, frame: &mut Frame, area: Rect, app: &App) {
    let lang = app.lang();
    let wide = beside(area);
    let kinds = form.class.has_kinds(&app.desk.playbooks);
    let height = area.height.saturating_sub(6).clamp(20, 26);
    let (form_area, hint_row) = classify_box(
        frame,
        area,
        app,
        (t(lang, Msg::FormNewTitle), (20, height)),
        (&form.class, guide_focus(form.field)),
    );

    let mut rows = vec![RowKind::Title, RowKind::TitleError, RowKind::Category];
    rows.push(RowKind::CategoryLine);
    if kinds {
        rows.push(RowKind::Kind);
        if !wide {
            rows.push(RowKind::KindLine);
        }
    }
    rows.push(RowKind::Severity);
    if !wide {
        rows.push(RowKind::SeverityLine);
    }
    rows.extend([
        RowKind::Detected,
        RowKind::DetectedLine,
        RowKind::Description,
    ]);
    let constraints = rows.iter().map(|r| match r {
        RowKind::Description => Constraint::Min(2),
        _ => Constraint::Length(1),
    });
    let areas = Layout::vertical(constraints).split(form_area);
    let split = |r: Rect| split(r, LABEL_WIDTH);
    let focus = |f: NewField| form.field == f;
    for (row, &area) in rows.iter().zip(areas.iter()) {
        let (l, f) = split(area);
        match row {
            RowKind::Title => {
                label(frame, l, t(lang, Msg::FieldTitle), focus(NewField::Title));
                draw_field(frame, f, &form.title, focus(NewField::Title));
            }
            RowKind::TitleError => {
                if let Some(m) = form.title_error {
                    error(frame, f, app, m);
                }
            }
            RowKind::Category => {
                let on = focus(NewField::Category);
                draw_picker(frame, (l, f), app, &form.class, (GuideFocus::Category, on));
            }
            RowKind::CategoryLine if wide => {
                let c = form.class.category;
                let text = format!("{} · {}", i18n::category_class(lang, c), c.id());
                frame.render_widget(Paragraph::new(text).style(theme::dim()), f);
            }
            RowKind::CategoryLine => {
                draw_one_line(frame, f, app, &form.class, GuideFocus::Category)
            }
            RowKind::Kind => {
                let on = focus(NewField::Kind);
                draw_picker(frame, (l, f), app, &form.class, (GuideFocus::Kind, on));
            }
            RowKind::KindLine => draw_one_line(frame, f, app, &form.class, GuideFocus::Kind),
            RowKind::Severity => {
                let on = focus(NewField::Severity);
                draw_picker(frame, (l, f), app, &form.class, (GuideFocus::Severity, on));
            }
            RowKind::SeverityLine => {
                draw_one_line(frame, f, app, &form.class, GuideFocus::Severity)
            }
            RowKind::Detected => {
                let on = focus(NewField::Detected);
                label(frame, l, t(lang, Msg::FieldDetected), on);
                draw_field(frame, f, &form.detected, on);
            }
            RowKind::DetectedLine => match form.detected_error {
                Some(m) => error(frame, f, app, m),
                None => frame.render_widget(
                    Paragraph::new(t(lang, Msg::DetectedHint)).style(theme::dim()),
                    f,
                ),
            },
            RowKind::Description => {
                let on = focus(NewField::Description);
                label(frame, l, t(lang, Msg::FieldDescription), on);
                draw_field(frame, f, &form.description, on);
            }
        }
    }
    let lines = form.field == NewField::Description;
    let msg = with_lines(Msg::ClassifyHint, lines);
    frame.render_widget(hint(app, msg), hint_row);
}
