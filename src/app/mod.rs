//! The running desk: the saved state, the screen state, and `update`, the one place where
//! either changes.

pub mod action;
pub mod attention;
pub mod burst;
pub mod classify;
mod clock_watch;
pub(crate) mod drafts;
pub mod effects;
pub mod fields;
pub mod key_table;
pub mod keymap;
pub mod layer;
pub mod layers;
pub mod look;
pub mod sync;
pub mod text_field;
mod text_views;
pub mod ui_state;
mod update;
mod update_checklist;
mod update_contacts;
mod update_desk;
mod update_drill;
mod update_record;
mod update_route;
mod update_sync;
mod work;

use chrono::{DateTime, Utc};
use effects::{ClipboardMode, Effect};
use shiftdesk_core::archive::ArchiveEntry;
use shiftdesk_core::checklist::display_order;
use shiftdesk_core::clock::Zone;
use shiftdesk_core::desk::by_urgency;
use shiftdesk_core::i18n::Lang;
use shiftdesk_core::{Incident, IncidentId};
use shiftdesk_store::Desk;
use std::collections::HashSet;
use ui_state::UiState;

pub use action::Action;

/// A row of the incidents list: a live incident, or an archived one as the index has it.
#[derive(Debug, Clone, Copy)]
pub enum ListRow<'a> {
    Live(&'a Incident),
    Archived(&'a ArchiveEntry),
}

impl ListRow<'_> {
    pub fn id(&self) -> &IncidentId {
        match self {
            ListRow::Live(i) => &i.id,
            ListRow::Archived(e) => &e.id,
        }
    }
}

/// Who is at the desk and how they read it.
#[derive(Debug, Clone, PartialEq)]
pub struct Operator {
    pub name: String,
    pub lang: Lang,
    pub zone: Zone,
    /// The number to call the operator back on, for the report text.
    pub callback: Option<String>,
}

pub struct App {
    pub desk: Desk,
    pub ui: UiState,
    pub operator: Operator,
    pub now: DateTime<Utc>,
    pub should_quit: bool,
    pub clipboard: ClipboardMode,
    /// Colour or not (NO_COLOR), and the theme: applied to each drawn frame.
    pub look: crate::app::look::Look,
    /// What the terminal loop is to carry out after this update.
    pub effects: Vec<Effect>,
    /// What has called for attention, how calls are heard, and the marks on screen.
    pub alerts: attention::Alerts,
    /// Moves up a route by time (incident, level gone up to) whose logging the store
    /// refused: not tried again every tick.
    moves_refused: HashSet<(IncidentId, usize)>,
    /// Rotations of route levels (incident, level) whose resolving the store refused.
    picks_refused: HashSet<(Option<IncidentId>, usize)>,
    /// The link to the other desks, when sync is on.
    pub link: sync::Link,
}

impl App {
    pub fn new(desk: Desk, operator: Operator, now: DateTime<Utc>, size: (u16, u16)) -> App {
        let mut app = App {
            desk,
            ui: UiState::new(size.0, size.1),
            operator,
            now,
            should_quit: false,
            clipboard: ClipboardMode::Osc52,
            look: crate::app::look::Look::default(),
            effects: Vec::new(),
            alerts: attention::Alerts::default(),
            moves_refused: HashSet::new(),
            picks_refused: HashSet::new(),
            link: sync::Link::default(),
        };
        app.keep_selection_valid();
        app
    }

    pub fn lang(&self) -> Lang {
        self.operator.lang
    }

    /// Whether the window is too small to show the desk: the screen says so, and the desk
    /// and any layer open wait, hidden, taking no keys (but quitting) until it grows.
    pub fn desk_hidden(&self) -> bool {
        self.ui.width < crate::ui::MIN_WIDTH || self.ui.height < crate::ui::MIN_HEIGHT
    }

    /// The incidents the list shows, in order: open ones most urgent first, or closed ones
    /// (live and archived) most recently closed first.
    pub fn visible(&self) -> Vec<ListRow<'_>> {
        let incidents = &self.desk.incidents().incidents;
        if !self.ui.show_closed {
            return by_urgency(incidents, self.desk.roster(), self.now, |i| {
                self.lists_live(i)
            })
            .into_iter()
            .map(|i| ListRow::Live(&incidents[i]))
            .collect();
        }
        let mut live: Vec<&Incident> = incidents
            .iter()
            .map(|i| &**i)
            .filter(|i| self.lists_live(i))
            .collect();
        live.sort_by_key(|i| std::cmp::Reverse(i.closed_at));
        let Some(history) = self.desk.history() else {
            return live.into_iter().map(ListRow::Live).collect();
        };
        // Both are most recently closed first: merge them.
        let mut archived = history.rows().peekable();
        let mut rows = Vec::with_capacity(live.len() + archived.len());
        for inc in live {
            while let Some(a) = archived.next_if(|a| a.closed_at > inc.closed_at) {
                rows.push(ListRow::Archived(a));
            }
            rows.push(ListRow::Live(inc));
        }
        rows.extend(archived.map(ListRow::Archived));
        rows
    }

    pub fn selected(&self) -> Option<&Incident> {
        let id = self.ui.selected.as_ref()?;
        self.desk.incident(id)
    }

    /// Index into the selected incident's checklist of the step under the cursor.
    pub fn selected_step(&self) -> Option<usize> {
        let inc = self.selected()?;
        display_order(&inc.checklist)
            .get(self.ui.step_cursor)
            .copied()
    }

    /// Keeps the selection on an incident the list shows.
    fn keep_selection_valid(&mut self) {
        if self.ui.selected.as_ref().is_some_and(|id| self.lists(id)) {
            return;
        }
        let first = self.visible().first().map(|r| r.id().clone());
        self.select(first);
    }

    /// Whether the list shows the incident `id`, as [`App::visible`] would say, without
    /// putting the list in order (which weighs the urgency of every open incident, and this
    /// is asked after every action).
    fn lists(&self, id: &shiftdesk_core::IncidentId) -> bool {
        let live = self.desk.incidents().incidents.iter();
        live.filter(|i| &i.id == id).any(|i| self.lists_live(i))
            || (self.ui.show_closed
                && self
                    .desk
                    .history()
                    .is_some_and(|h| h.rows().any(|e| &e.id == id)))
    }

    /// Whether the list shows this incident of the live file: the open ones, or the closed
    /// ones the history filter lets through.
    fn lists_live(&self, i: &Incident) -> bool {
        if self.ui.show_closed {
            !i.is_open() && self.ui.history_filter.matches(i, &self.operator.zone)
        } else {
            i.is_open()
        }
    }

    /// Selects an incident and puts the checklist cursor on its next open step.
    pub(super) fn select(&mut self, id: Option<shiftdesk_core::IncidentId>) {
        if let Some(id) = &id {
            self.desk.look_at(id);
        }
        self.ui.selected = id;
        self.ui.contact_cursor = 0;
        self.ui.step_cursor = self.next_open_cursor().unwrap_or(0);
        self.cursor_to_next_call();
    }

    /// The cursor position of the next open step of the selected incident.
    fn next_open_cursor(&self) -> Option<usize> {
        let inc = self.selected()?;
        let next = shiftdesk_core::checklist::next_open_step(&inc.checklist)?;
        display_order(&inc.checklist)
            .iter()
            .position(|&i| i == next)
    }
}
