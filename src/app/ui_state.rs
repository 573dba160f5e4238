//! What the desk remembers about the screen: never saved.

use super::contacts::{CardState, SearchState};
use super::form_contact::{AvailabilityForm, ContactForm};
use super::form_filter::FilterForm;
use super::form_new::NewIncidentForm;
use super::form_note::NoteForm;
use super::form_record::{ConsultForm, InterimForm, ReasonForm, ReviewForm, ScopeForm};
use super::form_route::{EscalateForm, ReclassifyForm};
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

/// What sits on top of the panes and takes every key while it is there.
pub enum Overlay {
    /// Every key, scrolled down this many lines.
    Help {
        scroll: u16,
    },
    NewIncident(Box<NewIncidentForm>),
    Note(Box<NoteForm>),
    ConfirmClose(IncidentId),
    ConfirmQuit,
    Escalate(Box<EscalateForm>),
    Reclassify(Box<ReclassifyForm>),
    /// A text to read, scroll and copy: report, timeline, export, handover.
    Text {
        view: TextView,
        scroll: u16,
        /// Said once the text was sent to the clipboard.
        copied: bool,
    },
    Scope(Box<ScopeForm>),
    Consult(Box<ConsultForm>),
    Interim(Box<InterimForm>),
    Review(Box<ReviewForm>),
    /// Closing with the Review phase not complete: write it, or close without it.
    CloseChoice(IncidentId),
    CloseWithoutReview(Box<ReasonForm>),
    ConfirmReopen(IncidentId),
    /// Measures against recurrence not done yet, across incidents.
    FollowUps {
        cursor: usize,
    },
    Filter(Box<FilterForm>),
    /// The drill scenarios to start one from.
    Drills {
        cursor: usize,
    },
    /// A running drill's readiness checks.
    Checks {
        incident: IncidentId,
        cursor: usize,
    },
    CheckAnswer(Box<super::update_drill::CheckAnswerForm>),
    ConfirmEndDrill(IncidentId),
    /// A draft kept when the desk went away: restore it or let it go.
    ConfirmDraft(Box<shiftdesk_core::draft::Draft>),
    Search(Box<SearchState>),
    Card(Box<CardState>),
    ContactForm(Box<ContactForm>),
    Availability(Box<AvailabilityForm>),
    /// Deleting a contact: the routes it is on, named, before the operator says yes.
    ConfirmDelete {
        contact: String,
        routes: Vec<String>,
    },
}

/// Which text the text overlay shows; the text itself is built from the record each time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextView {
    Report(IncidentId),
    Timeline(IncidentId),
    /// The Markdown report, and the file it was written to.
    Export {
        incident: IncidentId,
        path: Option<std::path::PathBuf>,
    },
    Handover,
    /// A drill's results.
    DrillReport(IncidentId),
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
    pub overlay: Option<Overlay>,
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
            overlay: None,
            notice: None,
            warnings: Vec::new(),
            kept_draft: None,
            width,
            height,
            tick_changed: false,
        }
    }
}
