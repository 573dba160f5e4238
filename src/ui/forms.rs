//! The form overlays: new incident, note, and the yes/no questions.

use super::theme;
use super::widgets::{centered, popup};
use crate::app::App;
use crate::app::form_new::{NewField, NewIncidentForm};
use crate::app::form_note::{NoteForm, NoteTarget};
use crate::app::text_field::TextField;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use shiftdesk_core::IncidentId;
use shiftdesk_core::i18n::{self, Msg, fill, t};
use shiftdesk_core::text::safe_line;

const LABEL_WIDTH: u16 = 14;

/// A text field: the live editor where it has focus, the plain text elsewhere.
pub(super) fn draw_field(frame: &mut Frame, area: Rect, field: &TextField, focused: bool) {
    super::field::draw(frame, area, field, focused);
}

pub(super) fn label(frame: &mut Frame, area: Rect, text: &str, focused: bool) {
    let style = if focused {
        theme::key()
    } else {
        Style::new().add_modifier(Modifier::BOLD)
    };
    frame.render_widget(Paragraph::new(text).style(style), area);
}

pub fn draw_new(frame: &mut Frame, area: Rect, app: &App, form: &NewIncidentForm) {
    let lang = app.lang();
    let inner = popup(frame, area, 76, 20, t(lang, Msg::FormNewTitle));
    let rows = Layout::vertical([
        Constraint::Length(1), // title
        Constraint::Length(1), // title error
        Constraint::Length(1), // category
        Constraint::Length(1), // category class
        Constraint::Length(1), // severity
        Constraint::Length(1), // detected
        Constraint::Length(1), // detected hint / error
        Constraint::Min(2),    // description
        Constraint::Length(1), // hint
    ])
    .split(inner);
    let split = |r: Rect| {
        let [l, f] =
            Layout::horizontal([Constraint::Length(LABEL_WIDTH), Constraint::Fill(1)]).areas(r);
        (l, f)
    };
    let error_line = |frame: &mut Frame, r: Rect, msg: Option<Msg>, hint: Option<Msg>| {
        let (_, f) = split(r);
        if let Some(m) = msg {
            frame.render_widget(
                Paragraph::new(format!("✗ {}", t(lang, m))).style(theme::overdue()),
                f,
            );
        } else if let Some(h) = hint {
            frame.render_widget(Paragraph::new(t(lang, h)).style(theme::dim()), f);
        }
    };

    let (l, f) = split(rows[0]);
    label(
        frame,
        l,
        t(lang, Msg::FieldTitle),
        form.field == NewField::Title,
    );
    draw_field(frame, f, &form.title, form.field == NewField::Title);
    error_line(frame, rows[1], form.title_error, None);

    let (l, f) = split(rows[2]);
    let focused = form.field == NewField::Category;
    label(frame, l, t(lang, Msg::FieldCategory), focused);
    let picker = |text: &str, focused: bool| {
        let style = if focused {
            theme::cursor(true)
        } else {
            Style::new()
        };
        Line::from(vec![
            Span::styled("◀ ", theme::dim()),
            Span::styled(text.to_string(), style),
            Span::styled(" ▶", theme::dim()),
        ])
    };
    frame.render_widget(
        Paragraph::new(picker(i18n::category(lang, form.category), focused)),
        f,
    );
    let (_, f) = split(rows[3]);
    frame.render_widget(
        Paragraph::new(format!(
            "{} · {}",
            i18n::category_class(lang, form.category),
            form.category.id()
        ))
        .style(theme::dim()),
        f,
    );

    let (l, f) = split(rows[4]);
    let focused = form.field == NewField::Severity;
    label(frame, l, t(lang, Msg::FieldSeverity), focused);
    frame.render_widget(
        Paragraph::new(picker(i18n::severity(lang, form.severity), focused)),
        f,
    );

    let (l, f) = split(rows[5]);
    label(
        frame,
        l,
        t(lang, Msg::FieldDetected),
        form.field == NewField::Detected,
    );
    draw_field(frame, f, &form.detected, form.field == NewField::Detected);
    error_line(frame, rows[6], form.detected_error, Some(Msg::DetectedHint));

    let (l, f) = split(rows[7]);
    label(
        frame,
        l,
        t(lang, Msg::FieldDescription),
        form.field == NewField::Description,
    );
    draw_field(
        frame,
        f,
        &form.description,
        form.field == NewField::Description,
    );

    let hint = if form.discard_armed {
        Paragraph::new(t(lang, Msg::DiscardHint)).style(theme::warning())
    } else {
        Paragraph::new(t(lang, Msg::FormHint)).style(theme::key())
    };
    frame.render_widget(hint, rows[8]);
}

pub fn draw_note(frame: &mut Frame, area: Rect, app: &App, form: &NoteForm) {
    let lang = app.lang();
    let title = match &form.target {
        NoteTarget::Step { incident, step } => {
            let text = app
                .desk
                .incident(incident)
                .and_then(|i| i.step(step))
                .map(|s| safe_line(s.text.get(lang)))
                .unwrap_or_default();
            fill(lang, Msg::NoteOnStep, &[("step", &text)])
        }
        NoteTarget::Incident(id) => fill(lang, Msg::NoteOnIncident, &[("id", &id.0)]),
        NoteTarget::Update(id) => format!("{id} · {}", t(lang, Msg::UpdateTitle)),
    };
    let inner = popup(frame, area, 72, 10, "✎");
    let [head, body, hint] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    frame.render_widget(
        Paragraph::new(title)
            .wrap(Wrap { trim: false })
            .style(Style::new().add_modifier(Modifier::BOLD)),
        head,
    );
    draw_field(frame, body, &form.text, true);
    let hint_text = if form.discard_armed {
        Paragraph::new(t(lang, Msg::DiscardHint)).style(theme::warning())
    } else {
        Paragraph::new(t(lang, Msg::NoteHint)).style(theme::key())
    };
    frame.render_widget(hint_text, hint);
}

/// A question in a box; each line of `text` starts a new line on screen.
pub fn draw_question(frame: &mut Frame, area: Rect, text: String) {
    let lines: Vec<String> = text
        .lines()
        .flat_map(|l| super::widgets::wrap(l, 66))
        .collect();
    let rows = lines.len() as u16;
    let text = lines.join("\n");
    let popup = centered(area, 70, rows + 2);
    super::widgets::clear(frame, popup);
    let block = Block::bordered().border_style(theme::border(true));
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: false })
            .style(Style::new().add_modifier(Modifier::BOLD))
            .block(block),
        popup,
    );
}

pub fn draw_confirm_close(frame: &mut Frame, area: Rect, app: &App, id: &IncidentId) {
    draw_confirm_incident(frame, area, app, id, Msg::ConfirmClose);
}

pub fn draw_confirm_reopen(frame: &mut Frame, area: Rect, app: &App, id: &IncidentId) {
    draw_confirm_incident(frame, area, app, id, Msg::ConfirmReopen);
}

/// A yes/no question about one incident, naming it by id and title.
fn draw_confirm_incident(frame: &mut Frame, area: Rect, app: &App, id: &IncidentId, msg: Msg) {
    let title = app
        .desk
        .incident(id)
        .map(|i| safe_line(&i.title))
        .unwrap_or_default();
    let text = fill(app.lang(), msg, &[("id", &id.0), ("title", &title)]);
    draw_question(frame, area, text);
}

pub fn draw_confirm_delete(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    contact: &str,
    routes: &[String],
) {
    let lang = app.lang();
    let name = app
        .desk
        .roster()
        .contact(contact)
        .map(|c| safe_line(&c.name))
        .unwrap_or_default();
    let routes = if routes.is_empty() {
        String::new()
    } else {
        fill(
            lang,
            Msg::DeleteRoutes,
            &[("routes", &safe_line(&routes.join(", ")))],
        )
    };
    let text = fill(
        lang,
        Msg::ConfirmDelete,
        &[("name", &name), ("routes", &routes)],
    );
    draw_question(frame, area, text);
}

pub fn draw_close_choice(frame: &mut Frame, area: Rect, app: &App, id: &IncidentId) {
    let open = app
        .desk
        .incident(id)
        .map_or(0, |i| i.open_review_steps().len());
    let text = fill(
        app.lang(),
        Msg::CloseChoice,
        &[("id", &id.0), ("n", &open.to_string())],
    );
    draw_question(frame, area, text);
}

pub fn draw_confirm_draft(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    draft: &shiftdesk_core::draft::Draft,
) {
    let lang = app.lang();
    let kind = match draft.kind {
        shiftdesk_core::draft::DraftKind::NewIncident => t(lang, Msg::DraftNewIncident),
        _ => t(lang, Msg::DraftNote),
    };
    let text: Vec<String> = draft
        .fields
        .iter()
        .filter(|(k, v)| !v.is_empty() && *k != "category" && *k != "severity")
        .map(|(_, v)| format!("  {}", safe_line(v)))
        .collect();
    let question = fill(
        lang,
        Msg::ConfirmDraft,
        &[
            ("kind", kind),
            ("when", &app.operator.zone.clock(draft.saved_at, app.now)),
            ("text", &text.join("\n")),
        ],
    );
    draw_question(frame, area, question);
}

pub fn draw_confirm_quit(frame: &mut Frame, area: Rect, app: &App) {
    let why = match &app.desk.save_state() {
        shiftdesk_store::ledger::SaveState::NotSaved(w) => safe_line(w),
        _ => String::new(),
    };
    let text = fill(
        app.lang(),
        Msg::ConfirmQuitUnsaved,
        &[("n", &app.desk.pending_count().to_string()), ("why", &why)],
    );
    draw_question(frame, area, text);
}
