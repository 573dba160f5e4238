//! The one table of keys, after gitui's key list: each binding says which key, where it
//! applies, the action it gives and the words that tell an operator about it. The keymap
//! looks keys up here, and the help screen is drawn from it.

use super::action::Action;
use super::ui_state::Pane;
use ratatui::crossterm::event::KeyCode;
use shiftdesk_core::drill::Answer;
use shiftdesk_core::i18n::Msg;
use shiftdesk_core::incident::AttemptOutcome;

/// Where a binding applies: on the desk (no layer open), or on a kind of layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// Whatever is open, whatever the size of the window: before any other binding.
    Anywhere,
    /// No layer open, whichever pane has focus.
    Desk,
    /// No layer open, this pane with focus.
    Pane(Pane),
    Help,
    /// A text to read: the report, the export, the handover, a drill's results.
    Text,
    /// The timeline (a text, and a note can be added from it).
    Timeline,
    /// A form: the keys not bound here are typed into it.
    Form,
    /// The forms that classify an incident (record, reclassify): a form, and the guide opens.
    Classify,
    /// The whole guide for a category, over the form it was opened from.
    Guide,
    /// The review form (a form, and a measure can be added).
    Review,
    /// Contact search: the keys not bound here are typed into the query.
    Search,
    Card,
    /// Closing with the Review phase not complete: write it, or close without it.
    CloseChoice,
    Drills,
    Checks,
    FollowUps,
    /// The obligations of an incident.
    Obligations,
    /// A yes/no question.
    Question,
    /// What changed in the flow, to acknowledge (at start).
    RollOut,
    /// The window is too small for the desk: whatever is open waits, hidden, and takes no
    /// keys but these.
    TooSmall,
    /// The window too small, with no window of the full desk open: the compact desk, whose
    /// incidents these keys move through.
    Compact,
}

impl When {
    /// Whether a key bound to nothing here is typed into the layer.
    pub fn takes_text(self, code: KeyCode) -> bool {
        match self {
            When::Form => true,
            When::Search => !matches!(code, KeyCode::Tab | KeyCode::BackTab),
            _ => false,
        }
    }
}

/// A key: its code, and whether Ctrl or Alt is held. A binding without them takes the key
/// with any modifiers, unless a binding with the modifier held for the same code applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    /// The key as the README and the hints write it.
    pub fn name(self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) if self.ctrl => c.to_ascii_uppercase().to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::PageUp => "PageUp".into(),
            KeyCode::PageDown => "PageDown".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.ctrl {
            format!("Ctrl-{base}")
        } else if self.alt {
            format!("Alt-{base}")
        } else {
            base
        }
    }
}

/// Where an operator reads what a binding does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Help {
    /// A line of its own on the help screen: the keys as it shows them, and the words.
    Line(&'static str, Msg),
    /// On the help screen, in these words (the line of another key doing the same, the
    /// paragraph on forms, the footer).
    Also(Msg),
    /// In these words, at the foot of the layer it acts on (its hint, or its question).
    Hint(Msg),
}

pub struct Binding {
    pub when: When,
    pub keys: &'static [Key],
    pub action: Action,
    pub help: Help,
}

const fn k(c: char) -> Key {
    code(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
        alt: false,
    }
}

const fn alt(key: Key) -> Key {
    Key { alt: true, ..key }
}

const fn code(code: KeyCode) -> Key {
    Key {
        code,
        ctrl: false,
        alt: false,
    }
}

const UP: Key = code(KeyCode::Up);
const DOWN: Key = code(KeyCode::Down);
const ENTER: Key = code(KeyCode::Enter);
const ESC: Key = code(KeyCode::Esc);
const SPACE: Key = k(' ');

const fn bind(when: When, keys: &'static [Key], action: Action, help: Help) -> Binding {
    Binding {
        when,
        keys,
        action,
        help,
    }
}

use Action as A;
use Help::{Also, Hint, Line};
use When as W;

/// Every binding. The help screen shows the `Line`s in this order.
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    // The desk.
    bind(W::Desk, &[UP, k('k')], A::MoveUp, Line("↑ ↓  j k  g G", Msg::HelpMove)),
    bind(W::Desk, &[DOWN, k('j')], A::MoveDown, Also(Msg::HelpMove)),
    bind(W::Desk, &[code(KeyCode::Home), k('g')], A::MoveFirst, Also(Msg::HelpMove)),
    bind(W::Desk, &[code(KeyCode::End), k('G')], A::MoveLast, Also(Msg::HelpMove)),
    bind(W::Desk, &[code(KeyCode::Tab)], A::FocusNext, Line("Tab  Shift-Tab", Msg::HelpPanes)),
    bind(W::Desk, &[code(KeyCode::BackTab)], A::FocusPrev, Also(Msg::HelpPanes)),
    bind(W::Pane(Pane::Incidents), &[ENTER, SPACE], A::OpenChecklist, Line("Enter", Msg::HelpEnter)),
    bind(W::Pane(Pane::Contacts), &[ENTER], A::OpenContactCard, Line("Enter", Msg::HelpRouteCard)),
    bind(W::Desk, &[k('n')], A::NewIncident, Line("n", Msg::HelpNew)),
    bind(W::Pane(Pane::Checklist), &[SPACE], A::ToggleStep, Line("Space", Msg::HelpCheck)),
    bind(W::Pane(Pane::Checklist), &[k('-')], A::ToggleNotApplicable, Line("-", Msg::HelpNotApplicable)),
    bind(W::Desk, &[k('a')], A::AddNote, Line("a", Msg::HelpNote)),
    bind(W::Desk, &[k('r')], A::RecordAttempt(AttemptOutcome::Reached), Line("r", Msg::HelpReached)),
    bind(W::Desk, &[k('x')], A::RecordAttempt(AttemptOutcome::NoAnswer), Line("x", Msg::HelpNoAnswer)),
    bind(W::Desk, &[k('m')], A::RecordAttempt(AttemptOutcome::LeftMessage), Line("m", Msg::HelpMessage)),
    bind(W::Desk, &[k('e')], A::Escalate, Line("e", Msg::HelpEscalate)),
    bind(W::Desk, &[k('u')], A::GiveUpdate, Line("u", Msg::HelpUpdate)),
    bind(W::Desk, &[k('s')], A::Reclassify, Line("s", Msg::HelpReclassify)),
    bind(W::Desk, &[k('S')], A::RecordScope, Line("S", Msg::HelpScope)),
    bind(W::Desk, &[k('C')], A::Consult, Line("C", Msg::HelpConsult)),
    bind(W::Desk, &[k('i')], A::InterimAction, Line("i", Msg::HelpInterim)),
    bind(W::Desk, &[k('w')], A::WriteReview, Line("w", Msg::HelpReview)),
    bind(W::Desk, &[k('c')], A::RequestClose, Line("c", Msg::HelpClose)),
    bind(W::Desk, &[k('R')], A::ShowReport, Line("R", Msg::HelpReport)),
    bind(W::Desk, &[k('t')], A::ShowTimeline, Line("t", Msg::HelpTimeline)),
    bind(W::Desk, &[k('E')], A::Export, Line("E", Msg::HelpExport)),
    bind(W::Desk, &[k('H')], A::Handover, Line("H", Msg::HelpHandover)),
    bind(W::Desk, &[k('f')], A::FollowUps, Line("f", Msg::HelpFollowUps)),
    bind(W::Desk, &[k('O')], A::Obligations, Line("O", Msg::HelpObligations)),
    bind(W::Desk, &[k('d')], A::DecideScope, Line("d", Msg::HelpDecide)),
    bind(W::Desk, &[k('o')], A::ToggleClosed, Line("o", Msg::HelpClosedToggle)),
    bind(W::Desk, &[k('F')], A::Filter, Line("F", Msg::HelpFilter)),
    bind(W::Desk, &[k('D')], A::Drills, Line("D", Msg::HelpDrills)),
    bind(W::Desk, &[k(']')], A::JumpDrill, Line("]", Msg::HelpJump)),
    bind(W::Desk, &[k('v')], A::Checks, Line("v", Msg::HelpChecks)),
    bind(W::Desk, &[k('/')], A::OpenSearch, Line("/", Msg::HelpSearch)),
    bind(W::Desk, &[k('?')], A::ShowHelp, Line("?", Msg::HelpHelp)),
    bind(W::Desk, &[k('q')], A::Quit, Line("q", Msg::HelpQuit)),
    bind(W::Anywhere, &[ctrl('c')], A::Quit, Line("Ctrl-C", Msg::HelpCtrlC)),
    // The help screen.
    bind(W::Help, &[UP, k('k')], A::MoveUp, Line("↑ ↓", Msg::HelpScroll)),
    bind(W::Help, &[DOWN, k('j')], A::MoveDown, Also(Msg::HelpScroll)),
    bind(W::Help, &[ESC, k('?'), k('q'), ENTER], A::Dismiss, Also(Msg::HelpFooter)),
    bind(W::Help, &[k('/')], A::OpenSearch, Also(Msg::HelpSearch)),
    // A text to read; the timeline also takes a note.
    bind(W::Timeline, &[k('a')], A::AddNote, Hint(Msg::TimelineHint)),
    bind(W::Text, &[k('y')], A::Copy, Hint(Msg::ReportHint)),
    bind(W::Text, &[UP, k('k')], A::MoveUp, Hint(Msg::ReportHint)),
    bind(W::Text, &[DOWN, k('j')], A::MoveDown, Hint(Msg::ReportHint)),
    bind(W::Text, &[code(KeyCode::Home), k('g')], A::MoveFirst, Hint(Msg::ReportHint)),
    bind(
        W::Text,
        &[ESC, k('q'), ENTER, k('t'), k('E'), k('H'), k('R')],
        A::Dismiss,
        Hint(Msg::ReportHint),
    ),
    bind(W::Text, &[k('/')], A::OpenSearch, Also(Msg::HelpSearch)),
    // Forms; the review form also adds a measure.
    bind(W::Review, &[ctrl('n')], A::AddMeasure, Hint(Msg::ReviewHint)),
    bind(W::Form, &[code(KeyCode::Tab)], A::FieldNext, Also(Msg::HelpForms)),
    bind(W::Form, &[code(KeyCode::BackTab)], A::FieldPrev, Also(Msg::HelpForms)),
    bind(W::Form, &[ctrl('j'), alt(ENTER)], A::NewLine, Also(Msg::HelpForms)),
    bind(W::Form, &[ENTER], A::Submit, Also(Msg::HelpForms)),
    bind(W::Form, &[ESC], A::Dismiss, Also(Msg::HelpForms)),
    bind(W::Classify, &[code(KeyCode::F(1)), ctrl('g')], A::OpenGuide, Line("F1  Ctrl-G", Msg::HelpGuide)),
    // The guide, over the form it was opened from.
    bind(W::Guide, &[UP, k('k')], A::MoveUp, Hint(Msg::GuideHint)),
    bind(W::Guide, &[DOWN, k('j')], A::MoveDown, Hint(Msg::GuideHint)),
    bind(W::Guide, &[code(KeyCode::Home), k('g')], A::MoveFirst, Hint(Msg::GuideHint)),
    bind(W::Guide, &[code(KeyCode::End), k('G')], A::MoveLast, Hint(Msg::GuideHint)),
    bind(W::Guide, &[ESC, k('q'), code(KeyCode::F(1)), ctrl('g')], A::Dismiss, Hint(Msg::GuideHint)),
    // Contact search and the card.
    bind(W::Search, &[UP], A::MoveUp, Hint(Msg::SearchHint)),
    bind(W::Search, &[DOWN], A::MoveDown, Hint(Msg::SearchHint)),
    bind(W::Search, &[code(KeyCode::PageUp)], A::MoveFirst, Hint(Msg::SearchHint)),
    bind(W::Search, &[code(KeyCode::PageDown)], A::MoveLast, Hint(Msg::SearchHint)),
    bind(W::Search, &[ENTER], A::Submit, Hint(Msg::SearchHint)),
    bind(W::Search, &[ctrl('n')], A::NewContact, Hint(Msg::SearchHint)),
    bind(W::Search, &[ESC], A::Dismiss, Hint(Msg::SearchHint)),
    bind(W::Card, &[k('y')], A::Copy, Hint(Msg::CardHint)),
    bind(W::Card, &[k('Y')], A::CopyEmail, Hint(Msg::CardHint)),
    bind(W::Card, &[k('e')], A::EditContact, Hint(Msg::CardHint)),
    bind(W::Card, &[k('a')], A::Availability, Hint(Msg::CardHint)),
    bind(W::Card, &[k('d')], A::DeleteContact, Hint(Msg::CardHint)),
    bind(W::Card, &[ESC, k('q')], A::Dismiss, Hint(Msg::CardHint)),
    bind(W::Card, &[k('/')], A::OpenSearch, Also(Msg::HelpSearch)),
    // Closing with the review not done.
    bind(W::CloseChoice, &[k('w')], A::WriteReview, Hint(Msg::CloseChoice)),
    bind(W::CloseChoice, &[k('x')], A::CloseWithoutReview, Hint(Msg::CloseChoice)),
    bind(W::CloseChoice, &[ESC, k('n'), k('q')], A::Dismiss, Hint(Msg::CloseChoice)),
    // Lists: drills, a drill's readiness checks, follow-ups.
    bind(W::Drills, &[UP, k('k')], A::MoveUp, Hint(Msg::DrillsHint)),
    bind(W::Drills, &[DOWN, k('j')], A::MoveDown, Hint(Msg::DrillsHint)),
    bind(W::Drills, &[ENTER], A::Submit, Hint(Msg::DrillsHint)),
    bind(W::Drills, &[ESC, k('q')], A::Dismiss, Hint(Msg::DrillsHint)),
    bind(W::Checks, &[k('y')], A::AnswerCheck(Answer::Yes), Hint(Msg::ChecksHint)),
    bind(W::Checks, &[k('n')], A::AnswerCheck(Answer::No), Hint(Msg::ChecksHint)),
    bind(W::Checks, &[k('u')], A::AnswerCheck(Answer::NotChecked), Hint(Msg::ChecksHint)),
    bind(W::Checks, &[UP, k('k')], A::MoveUp, Hint(Msg::ChecksHint)),
    bind(W::Checks, &[DOWN, k('j')], A::MoveDown, Hint(Msg::ChecksHint)),
    bind(W::Checks, &[ESC, k('q'), k('v')], A::Dismiss, Hint(Msg::ChecksHint)),
    bind(W::FollowUps, &[SPACE], A::ToggleDone, Hint(Msg::FollowUpsHint)),
    bind(W::FollowUps, &[UP, k('k')], A::MoveUp, Hint(Msg::FollowUpsHint)),
    bind(W::FollowUps, &[DOWN, k('j')], A::MoveDown, Hint(Msg::FollowUpsHint)),
    bind(W::FollowUps, &[ESC, k('q'), k('f')], A::Dismiss, Hint(Msg::FollowUpsHint)),
    bind(W::FollowUps, &[k('/')], A::OpenSearch, Also(Msg::HelpSearch)),
    bind(W::Obligations, &[SPACE], A::ToggleDone, Hint(Msg::ObligationsHint)),
    bind(W::Obligations, &[UP, k('k')], A::MoveUp, Hint(Msg::ObligationsHint)),
    bind(W::Obligations, &[DOWN, k('j')], A::MoveDown, Hint(Msg::ObligationsHint)),
    bind(W::Obligations, &[ESC, k('q'), k('O')], A::Dismiss, Hint(Msg::ObligationsHint)),
    bind(W::Obligations, &[k('/')], A::OpenSearch, Also(Msg::HelpSearch)),
    // The window too small to show the desk.
    bind(W::TooSmall, &[k('q')], A::Quit, Also(Msg::HelpTooSmall)),
    bind(W::Compact, &[UP, k('k')], A::MoveUp, Also(Msg::HelpTooSmall)),
    bind(W::Compact, &[DOWN, k('j')], A::MoveDown, Also(Msg::HelpTooSmall)),
    // What changed in the flow: acknowledge it, or later; a new incident straight from it.
    bind(W::RollOut, &[k('a')], A::Acknowledge, Hint(Msg::RollOutHint)),
    bind(W::RollOut, &[UP, k('k')], A::MoveUp, Hint(Msg::RollOutHint)),
    bind(W::RollOut, &[DOWN, k('j')], A::MoveDown, Hint(Msg::RollOutHint)),
    bind(W::RollOut, &[ESC, k('q'), ENTER], A::Dismiss, Hint(Msg::RollOutHint)),
    bind(W::RollOut, &[k('n')], A::NewIncident, Hint(Msg::RollOutHint)),
    bind(W::RollOut, &[k('/')], A::OpenSearch, Also(Msg::HelpSearch)),
    // Yes/no questions.
    bind(W::Question, &[k('y'), k('Y')], A::Yes, Hint(Msg::ConfirmClose)),
    bind(W::Question, &[k('n'), k('N'), ESC], A::No, Hint(Msg::ConfirmClose)),
];
