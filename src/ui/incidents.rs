//! The incidents pane: open incidents, most urgent first (or the closed ones).

use super::theme;
use super::widgets::scroll_offset;
use crate::app::ui_state::Pane;
use crate::app::{App, ListRow};
use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, TableState};
use shiftdesk_core::clock::short_age;
use shiftdesk_core::escalation::route_progress;
use shiftdesk_core::i18n::{self, Msg, fill, t};
use shiftdesk_core::next_action::due_words;
use shiftdesk_core::text::safe_line;
use shiftdesk_core::wrap::cut;
use shiftdesk_core::{Category, Incident, IncidentId, Severity};
use unicode_width::UnicodeWidthStr;

/// The countdown cell: the next report deadline, or how far past it (in words, and red).
pub(super) fn due_cell(app: &App, incident: &Incident) -> (String, Style) {
    if !incident.is_open() {
        return (String::new(), Style::new());
    }
    let progress = route_progress(incident, app.desk.roster(), app.now);
    // The report deadline while nobody is reached; after that, the next status update.
    let (roster, zone) = (app.desk.roster(), &app.operator.zone);
    let due = due_words(incident, &progress, roster, app.lang(), zone, app.now);
    // What called for attention is marked until someone acts on it.
    let called = app.alerts.marks.contains_key(&incident.id);
    let due = due.map(|(text, late)| match called {
        true => (format!("{}{text}", t(app.lang(), Msg::AlertRowMark)), late),
        false => (text, late),
    });
    match due {
        Some((text, true)) => (text, theme::overdue()),
        Some((text, false)) => (text, theme::due()),
        None => (String::new(), Style::new()),
    }
}

/// What a row of the list tells of an incident, live or archived.
pub(super) struct Summary<'a> {
    pub id: &'a IncidentId,
    pub severity: Severity,
    pub category: Category,
    /// The kind, for a live incident that has one.
    pub kind: Option<&'a str>,
    pub title: &'a str,
    pub drill: bool,
    /// Desks cut off from each other left it in different states (a live incident only).
    pub conflict: bool,
    pub detected_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
}

impl<'a> Summary<'a> {
    pub fn of(row: &ListRow<'a>) -> Summary<'a> {
        match row {
            ListRow::Live(i) => Summary {
                id: &i.id,
                severity: i.severity,
                category: i.category,
                kind: i.kind.as_deref(),
                title: &i.title,
                drill: i.drill,
                conflict: i.has_conflict(),
                detected_at: i.detected_at,
                closed_at: i.closed_at,
            },
            ListRow::Archived(e) => Summary {
                id: &e.id,
                severity: e.severity,
                category: e.category,
                kind: None,
                title: &e.title,
                drill: e.drill,
                conflict: false,
                detected_at: e.detected_at,
                closed_at: e.closed_at,
            },
        }
    }

    /// The title as shown: made safe, a drill's marked, a conflict tagged first.
    pub fn title(&self, app: &App) -> String {
        let mut title = safe_line(self.title);
        if self.drill {
            title = format!("[{}] {title}", t(app.lang(), Msg::Drill));
        }
        if self.conflict {
            title = format!("{} {title}", t(app.lang(), Msg::MergeConflictTag));
        }
        title
    }

    /// The title's style: a conflict's red, a drill's its own.
    pub fn title_style(&self) -> Style {
        match (self.conflict, self.drill) {
            (true, _) => theme::overdue(),
            (false, true) => theme::drill(),
            (false, false) => Style::new(),
        }
    }
}

/// A list at least this wide names the kind in the category column (`Lost ID card`), where
/// the incident has one; a narrower one names the category (`Security`).
const KIND_COLUMN_FROM: u16 = 100;

/// A kind's short name, made safe, as the playbooks give it; None without a kind, or for one
/// they do not know.
pub(super) fn kind_short(app: &App, category: Category, kind: Option<&str>) -> Option<String> {
    let k = app.desk.playbooks.kind_of(category, kind)?;
    Some(safe_line(k.short_name(app.lang())))
}

/// The columns of the open list: what each shows of an open incident.
pub const OPEN_COLUMNS: [Msg; 7] = [
    Msg::ColId,
    Msg::ColSev,
    Msg::ColCategory,
    Msg::ColTitle,
    Msg::ColPhase,
    Msg::ColAge,
    Msg::ColDue,
];

/// The columns of the closed list: when each was detected and closed, and how long it took.
const CLOSED_COLUMNS: [Msg; 7] = [
    Msg::ColId,
    Msg::ColSev,
    Msg::ColCategory,
    Msg::ColTitle,
    Msg::ColDetected,
    Msg::ColClosedAt,
    Msg::ColTook,
];

/// The column that takes the room the others leave.
const TITLE: usize = 3;

/// The cells of a row: id, severity, category and title, then the three the list shows
/// (the open list's phase, age and deadline; the closed list's times).
fn cells(app: &App, row: &ListRow) -> [(String, Style); 7] {
    let lang = app.lang();
    let s = Summary::of(row);
    let title_style = s.title_style();
    let plain = |text: String| (text, Style::new());
    let first = [
        plain(s.id.0.clone()),
        (s.severity.to_string(), theme::severity(s.severity.number())),
        plain(
            kind_short(app, s.category, s.kind)
                .filter(|_| app.ui.width >= KIND_COLUMN_FROM)
                .unwrap_or_else(|| i18n::category_short(lang, s.category).to_string()),
        ),
        (s.title(app), title_style),
    ];
    let zone = &app.operator.zone;
    let last = match row {
        ListRow::Live(inc) if !app.ui.show_closed => [
            plain(i18n::phase_short(lang, inc.current_phase()).to_string()),
            plain(short_age(lang, inc.age(app.now))),
            due_cell(app, inc),
        ],
        _ => [
            plain(zone.clock(s.detected_at, app.now)),
            plain(
                s.closed_at
                    .map(|c| zone.clock(c, app.now))
                    .unwrap_or_default(),
            ),
            plain(
                s.closed_at
                    .map(|c| short_age(lang, c - s.detected_at))
                    .unwrap_or_default(),
            ),
        ],
    };
    let [a, b, c, d] = first;
    let [e, f, g] = last;
    [a, b, c, d, e, f, g]
}

/// The list's title: open incidents and drills counted apart, or the closed list's.
pub(super) fn pane_title(app: &App, visible: &[ListRow]) -> String {
    let lang = app.lang();
    if app.ui.show_closed {
        let filtered = if app.ui.history_filter.is_empty() {
            ""
        } else {
            t(lang, Msg::Filtered)
        };
        return format!("{}{filtered}", t(lang, Msg::PaneClosed));
    }
    let drills = visible
        .iter()
        .filter(|r| matches!(r, ListRow::Live(i) if i.drill))
        .count();
    let live = (visible.len() - drills).to_string();
    let mut title = format!(
        "{} · {}",
        t(lang, Msg::PaneIncidents),
        fill(lang, Msg::OpenCount, &[("n", &live)])
    );
    if drills > 0 {
        title.push_str(&format!(" · {} {drills}", t(lang, Msg::Drill)));
    }
    title
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let lang = app.lang();
    let focused = app.ui.focus == Pane::Incidents;
    let visible = app.visible();
    let title = format!(" {} ", pane_title(app, &visible));
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
    let rows_data: Vec<[(String, Style); 7]> = visible
        .iter()
        .skip(offset)
        .take(height)
        .map(|row| cells(app, row))
        .collect();

    let columns = if app.ui.show_closed {
        CLOSED_COLUMNS
    } else {
        OPEN_COLUMNS
    };
    let headers = columns.map(|m| t(lang, m));
    // Every column but the title is as wide as its widest cell; the title takes the rest.
    let widths: Vec<Constraint> = (0..headers.len())
        .map(|c| {
            if c == TITLE {
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
    // The widths the table will give its columns, to cut what does not fit with `…`.
    let selection = u16::from(selected.is_some());
    let inner = Rect::new(0, 0, area.width.saturating_sub(2 + selection), 1);
    let room: Vec<usize> = Layout::horizontal(widths.clone())
        .flex(Flex::Start)
        .spacing(1)
        .split(inner)
        .iter()
        .map(|r| usize::from(r.width))
        .collect();
    let fit = |c: usize, text: &str| cut(text, room.get(c).copied().unwrap_or(0)).into_owned();
    let rows = rows_data.into_iter().map(|cells| {
        Row::new(
            cells
                .into_iter()
                .enumerate()
                .map(|(c, (text, style))| Cell::from(Span::styled(fit(c, &text), style))),
        )
    });
    let header = Row::new(
        headers
            .iter()
            .enumerate()
            .map(|(c, h)| Cell::from(Line::from(fit(c, h)))),
    )
    .style(theme::header());
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
