//! The contact form and the availability form.

use super::forms::{draw_field, label};
use super::theme;
use super::widgets::popup;
use crate::app::App;
use crate::app::form_contact::{AvailabilityField, AvailabilityForm, ContactField, ContactForm};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Paragraph;
use shiftdesk_core::i18n::{Msg, t};

const LABEL_WIDTH: u16 = 16;

fn split(r: Rect) -> (Rect, Rect) {
    let [l, f] =
        Layout::horizontal([Constraint::Length(LABEL_WIDTH), Constraint::Fill(1)]).areas(r);
    (l, f)
}

pub fn draw_contact(frame: &mut Frame, area: Rect, app: &App, form: &ContactForm) {
    let lang = app.lang();
    let title = if form.editing.is_some() {
        t(lang, Msg::ContactEditTitle)
    } else {
        t(lang, Msg::ContactNewTitle)
    };
    // Each field takes a row, and a second for its error when it has one.
    let rows = ContactField::ALL.len() as u16 + form.errors.len() as u16;
    let inner = popup(frame, area, 76, rows + 4, title);
    let mut constraints = vec![Constraint::Length(1); rows as usize];
    constraints.push(Constraint::Fill(1));
    constraints.push(Constraint::Length(1));
    let areas = Layout::vertical(constraints).split(inner);
    let mut row = 0;
    for &f in &ContactField::ALL {
        let (l, field) = split(areas[row]);
        label(frame, l, t(lang, f.label()), form.focus == f);
        draw_field(frame, field, form.field(f), form.focus == f);
        row += 1;
        if let Some(e) = form.error(f) {
            let (_, field) = split(areas[row]);
            frame.render_widget(
                Paragraph::new(format!("✗ {}", t(lang, e))).style(theme::overdue()),
                field,
            );
            row += 1;
        }
    }
    let hint = if form.discard_armed {
        Paragraph::new(t(lang, Msg::DiscardHint)).style(theme::warning())
    } else {
        Paragraph::new(t(lang, Msg::FormHint)).style(theme::key())
    };
    frame.render_widget(hint, areas[areas.len() - 1]);
}

pub fn draw_availability(frame: &mut Frame, area: Rect, app: &App, form: &AvailabilityForm) {
    let lang = app.lang();
    let name = app
        .desk
        .roster()
        .contact(&form.contact)
        .map(|c| shiftdesk_core::text::safe_line(&c.name))
        .unwrap_or_default();
    let inner = popup(
        frame,
        area,
        76,
        7,
        &format!("{} · {name}", t(lang, Msg::AwayTitle)),
    );
    let rows = Layout::vertical([Constraint::Length(1); 5]).split(inner);
    let (l, f) = split(rows[0]);
    label(
        frame,
        l,
        t(lang, Msg::FieldUntil),
        form.focus == AvailabilityField::Until,
    );
    draw_field(
        frame,
        f,
        &form.until,
        form.focus == AvailabilityField::Until,
    );
    let (_, f) = split(rows[1]);
    match form.error {
        Some(e) => frame.render_widget(
            Paragraph::new(format!("✗ {}", t(lang, e))).style(theme::overdue()),
            f,
        ),
        None => frame.render_widget(
            Paragraph::new(t(lang, Msg::UntilHint)).style(theme::dim()),
            f,
        ),
    }
    let (l, f) = split(rows[2]);
    label(
        frame,
        l,
        t(lang, Msg::FieldReason),
        form.focus == AvailabilityField::Reason,
    );
    draw_field(
        frame,
        f,
        &form.reason,
        form.focus == AvailabilityField::Reason,
    );
    frame.render_widget(
        Paragraph::new(t(lang, Msg::FormHint)).style(theme::key()),
        rows[4],
    );
}
