//! Drawing: functions that borrow the app and draw it. They never change state or do I/O.

mod card;
mod checklist;
mod drills;
mod field;
mod follow_ups;
mod form_contact;
mod form_record;
mod form_review;
mod form_route;
mod forms;
mod help;
mod incidents;
mod quick_frame;
mod quick_line;
mod route;
mod search;
mod status;
mod text_view;
pub mod theme;
mod widgets;

use crate::app::App;
use crate::app::ui_state::Overlay;
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
    if let Some(Overlay::Search(search)) = &app.ui.overlay {
        // Contact search covers all but the status line, and is drawn on every keystroke:
        // what it covers is not drawn at all.
        let status = Rect {
            y: area.bottom() - 1,
            height: 1,
            ..area
        };
        status::draw_status(frame, status, app);
        search::draw(frame, area, app, search);
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

    match &app.ui.overlay {
        None => {}
        Some(Overlay::Help { scroll }) => help::draw(frame, area, app, *scroll),
        Some(Overlay::NewIncident(form)) => forms::draw_new(frame, area, app, form),
        Some(Overlay::Note(form)) => forms::draw_note(frame, area, app, form),
        Some(Overlay::ConfirmClose(id)) => forms::draw_confirm_close(frame, area, app, id),
        Some(Overlay::ConfirmQuit) => forms::draw_confirm_quit(frame, area, app),
        Some(Overlay::Escalate(form)) => form_route::draw_escalate(frame, area, app, form),
        Some(Overlay::Reclassify(form)) => form_route::draw_reclassify(frame, area, app, form),
        Some(Overlay::Text {
            view,
            scroll,
            copied,
        }) => text_view::draw(frame, area, app, view, *scroll, *copied),
        Some(Overlay::Scope(form)) => form_record::draw_scope(frame, area, app, form),
        Some(Overlay::Consult(form)) => form_record::draw_consult(frame, area, app, form),
        Some(Overlay::Interim(form)) => form_record::draw_interim(frame, area, app, form),
        Some(Overlay::Review(form)) => form_review::draw(frame, area, app, form),
        Some(Overlay::CloseChoice(id)) => forms::draw_close_choice(frame, area, app, id),
        Some(Overlay::CloseWithoutReview(form)) => form_record::draw_reason(frame, area, app, form),
        Some(Overlay::ConfirmReopen(id)) => forms::draw_confirm_reopen(frame, area, app, id),
        Some(Overlay::FollowUps { cursor }) => follow_ups::draw(frame, area, app, *cursor),
        Some(Overlay::Filter(form)) => form_record::draw_filter(frame, area, app, form),
        Some(Overlay::Drills { cursor }) => drills::draw_list(frame, area, app, *cursor),
        Some(Overlay::Checks { incident, cursor }) => {
            drills::draw_checks(frame, area, app, incident, *cursor)
        }
        Some(Overlay::CheckAnswer(form)) => drills::draw_answer(frame, area, app, form),
        Some(Overlay::ConfirmDraft(draft)) => forms::draw_confirm_draft(frame, area, app, draft),
        Some(Overlay::ConfirmEndDrill(id)) => forms::draw_question(
            frame,
            area,
            fill(app.lang(), Msg::ConfirmEndDrill, &[("id", &id.0)]),
        ),
        // Drawn alone, above.
        Some(Overlay::Search(_)) => {}
        Some(Overlay::Card(card)) => card::draw(frame, area, app, card),
        Some(Overlay::ContactForm(form)) => form_contact::draw_contact(frame, area, app, form),
        Some(Overlay::Availability(form)) => {
            form_contact::draw_availability(frame, area, app, form)
        }
        Some(Overlay::ConfirmDelete { contact, routes }) => {
            forms::draw_confirm_delete(frame, area, app, contact, routes)
        }
    }
}
