//! Drawing: functions that borrow the app and draw it, the panes here and the layer on top
//! by its own `draw`. They never change state or do I/O.

mod checklist;
pub mod compact;
mod duties;
pub mod field;
pub mod fit;
pub mod form_parts;
pub mod guide_side;
mod incidents;
pub use incidents::OPEN_COLUMNS;
pub mod look;
mod on_duty;
mod quick_frame;
pub mod quick_line;
mod route;
mod status;
mod status_line;
pub mod theme;
pub mod widgets;

use crate::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};

pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

pub fn draw(frame: &mut Frame, app: &App) {
    draw_desk(frame, app);
    // Last: without colour (NO_COLOR) or in high contrast, whatever was drawn.
    look::restyle(app.look, frame.buffer_mut());
}

fn draw_desk(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        // What cannot wait, in one column; the layers wait for the full desk.
        compact::draw(frame, area, app);
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
    let next_rows = status::next_lines(&next_text, area.width, status::NEXT_ROWS).len() as u16;
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
    status::draw_next(frame, next, &next_text);
    checklist::draw(frame, left, app);
    route::draw(frame, right, app);
    status::draw_notices(frame, notices, app);
    status::draw_status(frame, status, app);

    // The layer on top, over the panes; those beneath it wait to be gone back to.
    if let Some(layer) = top {
        layer.draw(frame, area, app);
    }
}
