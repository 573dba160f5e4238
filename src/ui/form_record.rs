//! The small record forms: scope, consultation, interim action, a reason, the history
//! filter. Each row: a label, the field, and its error or hint beneath when it has one.

use super::forms::{draw_field, label};
use super::theme;
use super::widgets::popup;
use crate::app::App;
use crate::app::form_filter::{FilterField, FilterForm};
use crate::app::form_record::{
    ConsultField, ConsultForm, InterimForm, ReasonForm, ScopeField, ScopeForm,
};
use crate::app::text_field::TextField;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use shiftdesk_core::i18n::{self, Msg, t};
use shiftdesk_core::text::safe_line;

const LABEL_WIDTH: u16 = 18;

/// What a row of a form holds.
pub enum Row<'a> {
    Text(&'a TextField),
    /// A picker showing the current choice.
    Choice(String),
}

/// A form row: label, content, focus, and the line beneath (an error, or a hint).
pub struct FormRow<'a> {
    pub label: Msg,
    pub content: Row<'a>,
    pub focused: bool,
    pub below: Option<(Msg, bool)>,
    /// Rows the content takes (multi-line fields take more).
    pub height: u16,
}

fn picker(text: String, focused: bool) -> Line<'static> {
    let style = if focused {
        theme::cursor(true)
    } else {
        Style::new()
    };
    Line::from(vec![
        Span::styled("◀ ", theme::dim()),
        Span::styled(text, style),
        Span::styled(" ▶", theme::dim()),
    ])
}

/// Draws a bordered form of rows with a hint at the bottom.
pub fn draw_form(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    title: &str,
    rows: &[FormRow],
    hint: Msg,
) {
    let lang = app.lang();
    let height: u16 = rows
        .iter()
        .map(|r| r.height + u16::from(r.below.is_some()))
        .sum::<u16>()
        + 4;
    let inner = popup(frame, area, 76, height, title);
    let mut constraints = Vec::new();
    for r in rows {
        constraints.push(Constraint::Length(r.height));
        if r.below.is_some() {
            constraints.push(Constraint::Length(1));
        }
    }
    constraints.push(Constraint::Fill(1));
    constraints.push(Constraint::Length(1));
    let areas = Layout::vertical(constraints).split(inner);
    let split = |r: Rect| {
        let [l, f] =
            Layout::horizontal([Constraint::Length(LABEL_WIDTH), Constraint::Fill(1)]).areas(r);
        (l, f)
    };
    let mut i = 0;
    for r in rows {
        let (l, f) = split(areas[i]);
        label(frame, l, t(lang, r.label), r.focused);
        match &r.content {
            Row::Text(field) => draw_field(frame, f, field, r.focused),
            Row::Choice(text) => {
                frame.render_widget(Paragraph::new(picker(text.clone(), r.focused)), f)
            }
        }
        i += 1;
        if let Some((msg, is_error)) = r.below {
            let (_, f) = split(areas[i]);
            let p = if is_error {
                Paragraph::new(format!("✗ {}", t(lang, msg))).style(theme::overdue())
            } else {
                Paragraph::new(t(lang, msg)).style(theme::dim())
            };
            frame.render_widget(p, f);
            i += 1;
        }
    }
    frame.render_widget(
        Paragraph::new(t(lang, hint)).style(theme::key()),
        areas[areas.len() - 1],
    );
}

fn text_row<'a>(
    label: Msg,
    field: Option<&'a TextField>,
    focused: bool,
    below: Option<(Msg, bool)>,
    height: u16,
) -> Option<FormRow<'a>> {
    Some(FormRow {
        label,
        content: Row::Text(field?),
        focused,
        below,
        height,
    })
}

pub fn draw_scope(frame: &mut Frame, area: Rect, app: &App, form: &ScopeForm) {
    let focus = form.fields.focus();
    let error = |f| form.error.filter(|(x, _)| *x == f).map(|(_, m)| (m, true));
    let rows: Vec<FormRow> = [
        (ScopeField::Services, Msg::FieldServices, None, 1),
        (ScopeField::Affected, Msg::FieldAffected, None, 1),
        (ScopeField::Count, Msg::FieldCount, None, 1),
        (
            ScopeField::Since,
            Msg::FieldSince,
            Some((Msg::SinceHint, false)),
            1,
        ),
        (ScopeField::Notes, Msg::FieldNotes, None, 3),
    ]
    .into_iter()
    .filter_map(|(f, label, hint, h)| {
        text_row(
            label,
            form.fields.get(f),
            focus == Some(f),
            error(f).or(hint),
            h,
        )
    })
    .collect();
    draw_form(
        frame,
        area,
        app,
        t(app.lang(), Msg::ScopeTitle),
        &rows,
        Msg::FormHint,
    );
}

pub fn draw_consult(frame: &mut Frame, area: Rect, app: &App, form: &ConsultForm) {
    let focus = form.fields.focus();
    let lang = app.lang();
    // Whether the name is someone in the roster, as the operator types it.
    let who = form.fields.text(ConsultField::Who);
    let known = app
        .desk
        .roster()
        .contacts
        .iter()
        .any(|c| c.id == who || shiftdesk_core::text::normalize_input(&c.name) == who);
    let who_note = if who.is_empty() {
        None
    } else if known {
        Some((Msg::InRoster, false))
    } else {
        Some((Msg::NotInRosterHint, false))
    };
    let error = form.error.map(|m| (m, true));
    let rows: Vec<FormRow> = [
        text_row(
            Msg::FieldWho,
            form.fields.get(ConsultField::Who),
            focus == Some(ConsultField::Who),
            error
                .filter(|_| focus == Some(ConsultField::Who))
                .or(who_note),
            1,
        ),
        text_row(
            Msg::FieldAdvice,
            form.fields.get(ConsultField::Advice),
            focus == Some(ConsultField::Advice),
            error.filter(|_| focus == Some(ConsultField::Advice)),
            3,
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    draw_form(
        frame,
        area,
        app,
        t(lang, Msg::ConsultTitle),
        &rows,
        Msg::FormHint,
    );
}

pub fn draw_interim(frame: &mut Frame, area: Rect, app: &App, form: &InterimForm) {
    let lang = app.lang();
    let rows = vec![
        FormRow {
            label: Msg::FieldAction,
            content: Row::Text(&form.action),
            focused: !form.on_effect,
            below: form.error.map(|m| (m, true)),
            height: 3,
        },
        FormRow {
            label: Msg::FieldEffect,
            content: Row::Choice(i18n::effect(lang, form.effect).to_string()),
            focused: form.on_effect,
            below: None,
            height: 1,
        },
    ];
    draw_form(
        frame,
        area,
        app,
        t(lang, Msg::InterimTitle),
        &rows,
        Msg::FormHint,
    );
}

pub fn draw_reason(frame: &mut Frame, area: Rect, app: &App, form: &ReasonForm) {
    let lang = app.lang();
    let title = format!(
        "{} · {}",
        t(lang, Msg::CloseWithoutReviewTitle),
        form.incident
    );
    let rows = vec![FormRow {
        label: Msg::FieldReason,
        content: Row::Text(&form.reason),
        focused: true,
        below: form.error.map(|m| (m, true)),
        height: 1,
    }];
    draw_form(frame, area, app, &title, &rows, Msg::NoteHint);
}

pub fn draw_filter(frame: &mut Frame, area: Rect, app: &App, form: &FilterForm) {
    let lang = app.lang();
    let any = t(lang, Msg::Any).to_string();
    let error = |f| form.error.filter(|(x, _)| *x == f).map(|(_, m)| (m, true));
    let rows = vec![
        text_row(
            Msg::FieldText,
            form.fields.get(FilterField::Text),
            form.focus == FilterField::Text,
            None,
            1,
        ),
        Some(FormRow {
            label: Msg::FieldCategory,
            content: Row::Choice(
                form.category
                    .map_or(any.clone(), |c| i18n::category(lang, c).to_string()),
            ),
            focused: form.focus == FilterField::Category,
            below: None,
            height: 1,
        }),
        Some(FormRow {
            label: Msg::FieldSeverity,
            content: Row::Choice(
                form.severity
                    .map_or(any, |s| i18n::severity(lang, s).to_string()),
            ),
            focused: form.focus == FilterField::Severity,
            below: None,
            height: 1,
        }),
        text_row(
            Msg::FieldFrom,
            form.fields.get(FilterField::From),
            form.focus == FilterField::From,
            error(FilterField::From).or(Some((Msg::DateHint, false))),
            1,
        ),
        text_row(
            Msg::FieldTo,
            form.fields.get(FilterField::To),
            form.focus == FilterField::To,
            error(FilterField::To),
            1,
        ),
    ];
    let rows: Vec<FormRow> = rows.into_iter().flatten().collect();
    draw_form(
        frame,
        area,
        app,
        &safe_line(t(lang, Msg::FilterTitle)),
        &rows,
        Msg::FormHint,
    );
}
