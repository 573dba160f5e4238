//! The reclassify form drawn: severity, category and kind with the route they resolve to,
//! the reason, and the team's guide about the picker with focus — beside the form where the
//! window is wide enough, else in a line under each picker.

use super::reclassify::{ReclassifyField, ReclassifyForm};
use crate::app::App;
use crate::ui::form_parts::{draw_field, error, hint, label, line, split};
use crate::ui::guide_side::{GuideFocus, beside, classify_box, draw_one_line, draw_picker};
use crate::ui::theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use shiftdesk_core::i18n::{Msg, fill, t};
use shiftdesk_core::text::safe_line;

const LABEL_WIDTH: u16 = 12;

#[derive(Clone, Copy, PartialEq, Eq)]
enum RowKind {
    Severity,
    SeverityLine,
    Category,
    CategoryLine,
    Kind,
    KindLine,
    Route,
    Reason,
    Error,
}

fn guide_focus(field: ReclassifyField) -> GuideFocus {
    match field {
        ReclassifyField::Severity => GuideFocus::Severity,
        ReclassifyField::Kind => GuideFocus::Kind,
        _ => GuideFocus::Category,
    }
}

pub fn draw(form: &ReclassifyForm, frame: &mut Frame, area: Rect, app: &App) {
    let lang = app.lang();
    let wide = beside(area);
    let books = &app.desk.playbooks;
    let kinds = form.class.has_kinds(books);
    let mut rows = vec![RowKind::Severity];
    if !wide {
        rows.push(RowKind::SeverityLine);
    }
    rows.push(RowKind::Category);
    if !wide {
        rows.push(RowKind::CategoryLine);
    }
    if kinds {
        rows.push(RowKind::Kind);
        if !wide {
            rows.push(RowKind::KindLine);
        }
    }
    rows.extend([RowKind::Route, RowKind::Reason, RowKind::Error]);
    let title = t(lang, Msg::ReclassifyTitle);
    // The rows, a spare one, and the hint; beside the guide, as tall as the new-incident
    // form, so that what every severity means for the category fits.
    let needed = rows.len() as u16 + 2;
    let tall = area.height.saturating_sub(6).clamp(needed + 2, 26);
    let (form_area, hint_row) = classify_box(
        frame,
        area,
        app,
        (title, (needed + 2, tall)),
        (&form.class, guide_focus(form.field)),
    );
    let areas = Layout::vertical(vec![Constraint::Length(1); rows.len()]).split(form_area);
    let focus = |f| form.field == f;
    for (row, &area) in rows.iter().zip(areas.iter()) {
        let (l, f) = split(area, LABEL_WIDTH);
        match row {
            RowKind::Severity => {
                let on = focus(ReclassifyField::Severity);
                draw_picker(frame, (l, f), app, &form.class, (GuideFocus::Severity, on));
            }
            RowKind::SeverityLine => {
                draw_one_line(frame, f, app, &form.class, GuideFocus::Severity)
            }
            RowKind::Category => {
                let on = focus(ReclassifyField::Category);
                draw_picker(frame, (l, f), app, &form.class, (GuideFocus::Category, on));
            }
            RowKind::CategoryLine => {
                draw_one_line(frame, f, app, &form.class, GuideFocus::Category)
            }
            RowKind::Kind => {
                let on = focus(ReclassifyField::Kind);
                draw_picker(frame, (l, f), app, &form.class, (GuideFocus::Kind, on));
            }
            RowKind::KindLine => draw_one_line(frame, f, app, &form.class, GuideFocus::Kind),
            RowKind::Route => {
                let kind = form.class.kind_id(books);
                let route = app
                    .desk
                    .roster()
                    .route_for_kind(form.class.category, kind.as_deref(), form.class.severity)
                    .map(|r| {
                        if r.name.is_empty() {
                            r.id.clone()
                        } else {
                            r.name.clone()
                        }
                    })
                    .unwrap_or_default();
                let text = fill(lang, Msg::RouteName, &[("name", &safe_line(&route))]);
                line(frame, f, Line::styled(text, theme::dim()));
            }
            RowKind::Reason => {
                let on = focus(ReclassifyField::Reason);
                label(frame, l, t(lang, Msg::FieldReason), on);
                draw_field(frame, f, &form.reason, on);
            }
            RowKind::Error => {
                if let Some(e) = form.error {
                    error(frame, f, app, e);
                }
            }
        }
    }
    frame.render_widget(hint(app, Msg::ReclassifyHint), hint_row);
}
