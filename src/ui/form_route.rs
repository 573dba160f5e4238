//! The escalate-now and reclassify forms.

use super::forms::{draw_field, label};
use super::theme;
use super::widgets::popup;
use crate::app::App;
use crate::app::form_route::{EscalateForm, ReclassifyField, ReclassifyForm};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use shiftdesk_core::i18n::{self, Msg, fill, t};
use shiftdesk_core::text::safe_line;

const LABEL_WIDTH: u16 = 12;

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

fn rows(area: Rect, n: usize) -> Vec<(Rect, Rect)> {
    Layout::vertical(vec![Constraint::Length(1); n])
        .split(area)
        .iter()
        .map(|r| {
            let [l, f] = Layout::horizontal([Constraint::Length(LABEL_WIDTH), Constraint::Fill(1)])
                .areas(*r);
            (l, f)
        })
        .collect()
}

pub fn draw_escalate(frame: &mut Frame, area: Rect, app: &App, form: &EscalateForm) {
    let lang = app.lang();
    let inner = popup(frame, area, 76, 8, t(lang, Msg::EscalateTitle));
    let r = rows(inner, 6);
    let inc = app.desk.incident(&form.incident);
    let level = inc
        .and_then(|i| i.route.as_ref())
        .and_then(|route| route.levels.get(form.to_level));
    let who: Vec<String> = level
        .map(|l| {
            l.contacts
                .iter()
                .map(|id| {
                    app.desk
                        .roster()
                        .contact(id)
                        .map_or(id.clone(), |c| c.name.clone())
                })
                .map(|n| safe_line(&n))
                .collect()
        })
        .unwrap_or_default();
    label(frame, r[0].0, t(lang, Msg::EscalateTo), false);
    frame.render_widget(
        Paragraph::new(picker(format!("L{}", form.to_level + 1), true)),
        r[0].1,
    );
    frame.render_widget(Paragraph::new(who.join(", ")).style(theme::dim()), r[1].1);
    label(frame, r[2].0, t(lang, Msg::FieldReason), true);
    draw_field(frame, r[2].1, &form.reason, true);
    if let Some(e) = form.error {
        frame.render_widget(
            Paragraph::new(format!("✗ {}", t(lang, e))).style(theme::overdue()),
            r[3].1,
        );
    }
    let hint = if form.discard_armed {
        Paragraph::new(t(lang, Msg::DiscardHint)).style(theme::warning())
    } else {
        Paragraph::new(t(lang, Msg::EscalateHint)).style(theme::key())
    };
    let [_, _, _, _, _, last] = Layout::vertical([Constraint::Length(1); 6]).areas(inner);
    frame.render_widget(hint, last);
}

pub fn draw_reclassify(frame: &mut Frame, area: Rect, app: &App, form: &ReclassifyForm) {
    let lang = app.lang();
    let inner = popup(frame, area, 76, 8, t(lang, Msg::ReclassifyTitle));
    let r = rows(inner, 6);
    let focus = |f| form.field == f;
    label(
        frame,
        r[0].0,
        t(lang, Msg::FieldSeverity),
        focus(ReclassifyField::Severity),
    );
    frame.render_widget(
        Paragraph::new(picker(
            i18n::severity(lang, form.severity).to_string(),
            focus(ReclassifyField::Severity),
        )),
        r[0].1,
    );
    label(
        frame,
        r[1].0,
        t(lang, Msg::FieldCategory),
        focus(ReclassifyField::Category),
    );
    frame.render_widget(
        Paragraph::new(picker(
            i18n::category(lang, form.category).to_string(),
            focus(ReclassifyField::Category),
        )),
        r[1].1,
    );
    let route = app
        .desk
        .roster()
        .route_for(form.category, form.severity)
        .map(|r| {
            if r.name.is_empty() {
                r.id.clone()
            } else {
                r.name.clone()
            }
        })
        .unwrap_or_default();
    frame.render_widget(
        Paragraph::new(fill(lang, Msg::RouteName, &[("name", &safe_line(&route))]))
            .style(theme::dim()),
        r[2].1,
    );
    label(
        frame,
        r[3].0,
        t(lang, Msg::FieldReason),
        focus(ReclassifyField::Reason),
    );
    draw_field(frame, r[3].1, &form.reason, focus(ReclassifyField::Reason));
    if let Some(e) = form.error {
        frame.render_widget(
            Paragraph::new(format!("✗ {}", t(lang, e))).style(theme::overdue()),
            r[4].1,
        );
    }
    let hint = if form.discard_armed {
        Paragraph::new(t(lang, Msg::DiscardHint)).style(theme::warning())
    } else {
        Paragraph::new(t(lang, Msg::ReclassifyHint)).style(theme::key())
    };
    let [_, _, _, _, _, last] = Layout::vertical([Constraint::Length(1); 6]).areas(inner);
    frame.render_widget(hint, last);
}
