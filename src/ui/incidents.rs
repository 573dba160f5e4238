//! The incidents pane: open incidents, most urgent first (or the closed ones).

use super::theme;
use super::widgets::scroll_offset;
use crate::app::ui_state::Pane;
use crate::app::{App, ListRow};
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, TableState};
use shiftdesk_core::archive::ArchiveEntry;
use shiftdesk_core::clock::short_age;
use shiftdesk_core::escalation::route_progress;
use shiftdesk_core::i18n::{self, Msg, fill, t};
use shiftdesk_core::next_action::due_words;
use shiftdesk_core::text::safe_line;
use shiftdesk_core::{Category, Incident, IncidentId, Severity};
use unicode_width::UnicodeWidthStr;

/// The countdown cell: the next report deadline, or how far past it.
fn due_cell(app: &App, incident: &Incident) -> (String, Style) {
    if !incident.is_open() {
        return (String::new(), Style::new());
    }
    let progress = route_progress(incident, app.desk.roster(), app.now);
    // The report deadline while nobody is reached; after that, the next status update.
    let (roster, zone) = (app.desk.roster(), &app.operator.zone);
    match due_words(incident, &progress, roster, app.lang(), zone, app.now) {
        Some((text, true)) => (text, theme::overdue()),
        Some((text, false)) => (text, theme::due()),
        None => (String::new(), Style::new()),
    }
}

/// The cells of a live incident's row.
fn live_cells(app: &App, inc: &Incident, drill_tag: &str) -> [(String, Style); 7] {
    let lang = app.lang();
    let age = if inc.is_open() {
        short_age(inc.age(app.now))
    } else {
        inc.closed_at
            .map(|c| app.operator.zone.clock(c, app.now))
            .unwrap_or_default()
    };
    let phase = if inc.is_open() {
        i18n::phase_short(lang, inc.current_phase())
    } else {
        t(lang, Msg::StatusClosed)
    };
    let [id, sev, category, title, _, _, _] = common_cells(
        app,
        &inc.id,
        inc.severity,
        inc.category,
        &inc.title,
        inc.drill,
        drill_tag,
    );
    [
        id,
        sev,
        category,
        title,
        (phase.to_string(), Style::new()),
        (age, Style::new()),
        due_cell(app, inc),
    ]
}

/// The cells of an archived incident's row: closed, with no deadline.
fn archived_cells(app: &App, entry: &ArchiveEntry, drill_tag: &str) -> [(String, Style); 7] {
    let mut cells = common_cells(
        app,
        &entry.id,
        entry.severity,
        entry.category,
        &entry.title,
        entry.drill,
        drill_tag,
    );
    cells[4] = (t(app.lang(), Msg::StatusClosed).to_string(), Style::new());
    cells[5] = (
        entry
            .closed_at
            .map(|c| app.operator.zone.clock(c, app.now))
            .unwrap_or_default(),
        Style::new(),
    );
    cells
}

/// Id, severity, category and title; the other cells empty.
fn common_cells(
    app: &App,
    id: &IncidentId,
    severity: Severity,
    category: Category,
    title: &str,
    drill: bool,
    drill_tag: &str,
) -> [(String, Style); 7] {
    let mut title = safe_line(title);
    if drill {
        title.insert_str(0, drill_tag);
    }
    let empty = || (String::new(), Style::new());
    [
        (id.0.clone(), Style::new()),
        (severity.to_string(), theme::severity(severity.number())),
        (
            i18n::category_short(app.lang(), category).to_string(),
            Style::new(),
        ),
        (title, if drill { theme::drill() } else { Style::new() }),
        empty(),
        empty(),
        empty(),
    ]
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let lang = app.lang();
    let focused = app.ui.focus == Pane::Incidents;
    let visible = app.visible();
    let title = if app.ui.show_closed {
        let filtered = if app.ui.history_filter.is_empty() {
            ""
        } else {
            t(lang, Msg::Filtered)
        };
        format!(" {}{filtered} ", t(lang, Msg::PaneClosed))
    } else {
        // Drills are counted apart from live incidents.
        let drills = visible
            .iter()
            .filter(|r| matches!(r, ListRow::Live(i) if i.drill))
            .count();
        let live = (visible.len() - drills).to_string();
        let mut title = format!(
            " {} · {}",
            t(lang, Msg::PaneIncidents),
            fill(lang, Msg::OpenCount, &[("n", &live)])
        );
        if drills > 0 {
            title.push_str(&format!(" · {} {drills}", t(lang, Msg::Drill)));
        }
        title.push(' ');
        title
    };
    let block = Block::bordered()
        .title(title)
        .border_style(theme::border(focused));
    if visible.is_empty() {
        let msg = if app.ui.show_closed {
            Msg::NoClosedIncidents
        } else {
            Msg::NoIncidents
        };
        frame.render_widget(Paragraph::new(t(lang, msg)).block(block), area);
        return;
    }

    // Only the rows in view are formatted: the closed list can hold years of history.
    let height = usize::from(area.height.saturating_sub(3));
    let selected = visible
        .iter()
        .position(|r| Some(r.id()) == app.ui.selected.as_ref());
    let at = selected.unwrap_or(0);
    let offset = scroll_offset(at, at, height);
    let drill_tag = format!("[{}] ", t(lang, Msg::Drill));
    let rows_data: Vec<[(String, Style); 7]> = visible
        .iter()
        .skip(offset)
        .take(height)
        .map(|row| match row {
            ListRow::Live(inc) => live_cells(app, inc, &drill_tag),
            ListRow::Archived(entry) => archived_cells(app, entry, &drill_tag),
        })
        .collect();

    let headers = [
        t(lang, Msg::ColId),
        t(lang, Msg::ColSev),
        t(lang, Msg::ColCategory),
        t(lang, Msg::ColTitle),
        t(lang, Msg::ColPhase),
        t(lang, Msg::ColAge),
        t(lang, Msg::ColDue),
    ];
    // Every column but the title is as wide as its widest cell; the title takes the rest.
    let widths: Vec<Constraint> = (0..headers.len())
        .map(|c| {
            if c == 3 {
                return Constraint::Fill(1);
            }
            let w = rows_data
                .iter()
                .map(|r| r[c].0.width())
                .chain([headers[c].width()])
                .max()
                .unwrap_or(0);
            Constraint::Length(w as u16)
        })
        .collect();
    let rows = rows_data.into_iter().map(|cells| {
        Row::new(
            cells
                .into_iter()
                .map(|(text, style)| Cell::from(Span::styled(text, style))),
        )
    });
    let header =
        Row::new(headers.iter().map(|h| Cell::from(Line::from(*h)))).style(theme::header());
    let table = Table::new(rows, widths)
        .header(header)
        .block(block)
        .column_spacing(1)
        .row_highlight_style(theme::cursor(focused))
        .highlight_symbol("▶");
    // A fresh state each frame: the view never changes the app.
    let mut state = TableState::default().with_selected(selected.map(|s| s - offset));
    frame.render_stateful_widget(table, area, &mut state);
}
