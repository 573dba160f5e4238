//! Drawing: functions that borrow the app and draw it, the panes here and the layer on top
//! by its own `draw`. They never change state or do I/O.

mod checklist;
pub mod field;
pub mod form_parts;
mod incidents;
mod quick_frame;
pub mod quick_line;
mod route;
mod status;
pub mod theme;
pub mod widgets;

use crate::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use shiftdesk_core::i18n::{Msg, fill};
use unicode_width::UnicodeWidthStr;

pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let text = fill(
            app.lang(),
            Msg::TooSmall,
            &[
                ("w", &area.width.to_string()),
                ("h", &area.height.to_string()),
            ],
        );
        // Wrapped here, by columns: this must hold at any size, down to 1x1.
        let lines: Vec<Line> = widgets::wrap(&text, usize::from(area.width))
            .into_iter()
            .map(Line::from)
            .collect();
        frame.render_widget(Paragraph::new(lines).style(theme::warning()), area);
        return;
    }
    let top = app.ui.layers.top();
    if let Some(layer) = top.filter(|l| l.covers_desk()) {
        // Contact search covers all but the status line, and is drawn on every keystroke:
        // what it covers is not drawn at all.
        let status = Rect {
            y: area.bottom() - 1,
            height: 1,
            ..area
        };
        status::draw_status(frame, status, app);
        layer.draw(frame, area, app);
        return;
    }
    let notice_rows = status::notice_rows(app, area.width);
    let list_rows = (area.height / 3).clamp(7, 14);
    let next_text = status::next_text(app);
    let next_rows = if next_text.0.width() > usize::from(area.width) {
        2
    } else {
        1
    };
    let [list, next, lower, notices, status] = Layout::vertical([
        Constraint::Length(list_rows),
        Constraint::Length(next_rows),
        Constraint::Min(6),
        Constraint::Length(notice_rows),
        Constraint::Length(1),
    ])
    .areas(area);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(lower);

    incidents::draw(frame, list, app);
    status::draw_next(frame, next, next_text);
    checklist::draw(frame, left, app);
    route::draw(frame, right, app);
    status::draw_notices(frame, notices, app);
    status::draw_status(frame, status, app);

    // The layer on top, over the panes; those beneath it wait to be gone back to.
    if let Some(layer) = top {
        layer.draw(frame, area, app);
    }
}
