//! What the desk remembers about the screen: never saved.

use super::layer::Layers;
use chrono::{DateTime, Utc};
use shiftdesk_core::IncidentId;
use shiftdesk_core::history::HistoryFilter;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Incidents,
    Checklist,
    Contacts,
}

impl Pane {
    pub fn next(self) -> Pane {
        match self {
            Pane::Incidents => Pane::Checklist,
            Pane::Checklist => Pane::Contacts,
            Pane::Contacts => Pane::Incidents,
        }
    }

    pub fn prev(self) -> Pane {
        match self {
            Pane::Incidents => Pane::Contacts,
            Pane::Checklist => Pane::Incidents,
            Pane::Contacts => Pane::Checklist,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeLevel {
    Info,
    Warning,
    Error,
}

/// A line of feedback under the panes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub level: NoticeLevel,
    pub text: String,
    pub at: DateTime<Utc>,
}

pub struct UiState {
    pub focus: Pane,
    /// Show closed incidents instead of open ones.
    pub show_closed: bool,
    /// What the closed incidents are filtered by.
    pub history_filter: HistoryFilter,
    /// The selected incident, by id, so the selection stays put when the order changes.
    pub selected: Option<IncidentId>,
    /// Index into the checklist's display order.
    pub step_cursor: usize,
    /// Index into the route's contact rows.
    pub contact_cursor: usize,
    /// The layers over the panes (help, texts, questions, lists, forms); the top one takes
    /// every key.
    pub layers: Layers,
    /// Feedback on the last thing done; fades after a while.
    pub notice: Option<Notice>,
    /// Problems found at start that stay on screen (roster, playbooks, read-only).
    pub warnings: Vec<String>,
    /// The draft last kept on disk, to write only when it changes.
    pub kept_draft: Option<shiftdesk_core::draft::Draft>,
    pub width: u16,
    pub height: u16,
    /// The last tick changed something besides the time (a file, a notice).
    pub tick_changed: bool,
}

impl UiState {
    pub fn new(width: u16, height: u16) -> UiState {
        UiState {
            focus: Pane::Incidents,
            show_closed: false,
            history_filter: HistoryFilter::default(),
            selected: None,
            step_cursor: 0,
            contact_cursor: 0,
            layers: Layers::default(),
            notice: None,
            warnings: Vec::new(),
            kept_draft: None,
            width,
            height,
            tick_changed: false,
        }
    }
}
