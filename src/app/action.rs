//! Every change to the desk, on screen or on disk, is one of these. The key table gives
//! them for keys; the layer on top, or else the desk, acts on them in `App::update`.

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::KeyEvent;
use shiftdesk_core::incident::AttemptOutcome;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// About once a second: the clock moves, other desks' changes come in.
    Tick(DateTime<Utc>),
    Resize(u16, u16),
    /// `q` on the desk, Ctrl-C anywhere: what a form holds is kept as a draft, and the desk
    /// goes (asking first when a change is not saved).
    Quit,
    MoveUp,
    MoveDown,
    MoveFirst,
    MoveLast,
    FocusNext,
    FocusPrev,
    /// Enter on the incidents pane: go to its checklist.
    OpenChecklist,
    ToggleStep,
    /// `-` on the checklist: the step under the cursor does not apply (a reason is asked
    /// for, optional), or applies again.
    ToggleNotApplicable,
    AddNote,
    NewIncident,
    RequestClose,
    ToggleClosed,
    ShowHelp,
    /// Esc: the layer on top closes, by the Esc rule.
    Dismiss,
    /// Enter on a form.
    Submit,
    /// Ctrl-J or Alt-Enter on a form: a line break in a field of several lines.
    NewLine,
    Yes,
    No,
    FieldNext,
    FieldPrev,
    /// A key typed into the layer on top: its text field or picker with focus, or the
    /// search's query.
    Input(KeyEvent),
    Paste(String),
    /// On the contact under the cursor (contacts pane) or the one to call now.
    RecordAttempt(AttemptOutcome),
    Escalate,
    GiveUpdate,
    Reclassify,
    ShowReport,
    /// Copy what the layer on top shows: the text, or the card's primary phone.
    Copy,
    /// Copy the card's email.
    CopyEmail,
    OpenSearch,
    /// Enter on a contact of the route: its card.
    OpenContactCard,
    NewContact,
    EditContact,
    DeleteContact,
    /// Mark the card's contact away (a form) or back (at once).
    Availability,
    RecordScope,
    Consult,
    InterimAction,
    WriteReview,
    /// Ctrl-N in the review form: another measure against recurrence.
    AddMeasure,
    CloseWithoutReview,
    ShowTimeline,
    Export,
    Handover,
    FollowUps,
    /// Space on a follow-up: done / not done.
    ToggleDone,
    Filter,
    Drills,
    /// `]`: a running drill's clock to its next inject.
    JumpDrill,
    /// A running drill's readiness checks.
    Checks,
    AnswerCheck(shiftdesk_core::drill::Answer),
    /// The terminal went away (SIGHUP) or the desk was told to stop: keep the draft, quit.
    Hangup,
    /// The `--on-alert` command failed (why, in words): shown, and the desk goes on.
    AlertHookFailed(String),
    /// `O`: the obligations of the selected incident, each with its days left.
    Obligations,
    /// `d`: record what was decided about an out-of-scope request.
    DecideScope,
    /// F1 or Ctrl-G in the record and reclassify forms: the whole guide for the category.
    OpenGuide,
    /// `a` on the roll-out: the operator read what changed in the flow and acknowledges it.
    Acknowledge,
    /// What the sync thread said: other desks' changes, acknowledgements, the link.
    Sync(Vec<super::sync::SyncNews>),
}
