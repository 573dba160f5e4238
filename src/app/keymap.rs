//! Keys to actions, by layer: the overlay on top takes every key; below it, the panes.

use super::App;
use super::action::Action;
use super::ui_state::{Overlay, Pane, TextView};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use shiftdesk_core::incident::AttemptOutcome;

pub fn action_for(app: &App, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match &app.ui.overlay {
        Some(Overlay::Help { .. }) => help_layer(key),
        Some(
            Overlay::NewIncident(_)
            | Overlay::Note(_)
            | Overlay::Escalate(_)
            | Overlay::Reclassify(_),
        ) => form_layer(key, ctrl),
        Some(Overlay::Text { view, .. }) => text_layer(key, matches!(view, TextView::Timeline(_))),
        Some(Overlay::CloseChoice(_)) => close_choice_layer(key),
        Some(Overlay::FollowUps { .. }) => follow_ups_layer(key),
        Some(Overlay::Drills { .. }) => list_layer(key),
        Some(Overlay::Checks { .. }) => checks_layer(key),
        Some(Overlay::CheckAnswer(_)) => form_layer(key, ctrl),
        Some(
            Overlay::Scope(_)
            | Overlay::Consult(_)
            | Overlay::Interim(_)
            | Overlay::Review(_)
            | Overlay::CloseWithoutReview(_)
            | Overlay::Filter(_),
        ) => form_layer(key, ctrl),
        Some(
            Overlay::ConfirmClose(_)
            | Overlay::ConfirmQuit
            | Overlay::ConfirmDelete { .. }
            | Overlay::ConfirmReopen(_)
            | Overlay::ConfirmEndDrill(_)
            | Overlay::ConfirmDraft(_),
        ) => confirm_layer(key, ctrl),
        Some(Overlay::Search(_)) => search_layer(key, ctrl),
        Some(Overlay::Card(_)) => card_layer(key),
        Some(Overlay::ContactForm(_) | Overlay::Availability(_)) => form_layer(key, ctrl),
        None => pane_layer(app.ui.focus, key, ctrl),
    }
}

fn help_layer(key: KeyEvent) -> Option<Action> {
    match key.code {
        KeyCode::Esc | KeyCode::Char('?') | KeyCode::Char('q') | KeyCode::Enter => {
            Some(Action::Dismiss)
        }
        KeyCode::Char('/') => Some(Action::OpenSearch),
        KeyCode::Up | KeyCode::Char('k') => Some(Action::MoveUp),
        KeyCode::Down | KeyCode::Char('j') => Some(Action::MoveDown),
        _ => None,
    }
}

fn search_layer(key: KeyEvent, ctrl: bool) -> Option<Action> {
    Some(match key.code {
        KeyCode::Esc => Action::Dismiss,
        KeyCode::Char('c') if ctrl => Action::Dismiss,
        KeyCode::Char('n') if ctrl => Action::NewContact,
        KeyCode::Enter => Action::Submit,
        KeyCode::Up => Action::MoveUp,
        KeyCode::Down => Action::MoveDown,
        KeyCode::PageUp => Action::MoveFirst,
        KeyCode::PageDown => Action::MoveLast,
        KeyCode::Tab | KeyCode::BackTab => return None,
        _ => Action::Edit(key),
    })
}

fn card_layer(key: KeyEvent) -> Option<Action> {
    Some(match key.code {
        KeyCode::Esc | KeyCode::Char('q') => Action::Dismiss,
        KeyCode::Char('y') => Action::Copy,
        KeyCode::Char('Y') => Action::CopyEmail,
        KeyCode::Char('e') => Action::EditContact,
        KeyCode::Char('d') => Action::DeleteContact,
        KeyCode::Char('a') => Action::Availability,
        KeyCode::Char('/') => Action::OpenSearch,
        _ => return None,
    })
}

fn close_choice_layer(key: KeyEvent) -> Option<Action> {
    Some(match key.code {
        KeyCode::Char('w') => Action::WriteReview,
        KeyCode::Char('x') => Action::CloseWithoutReview,
        KeyCode::Esc | KeyCode::Char('n') | KeyCode::Char('q') => Action::Dismiss,
        _ => return None,
    })
}

/// A list to pick from: move, Enter, Esc.
fn list_layer(key: KeyEvent) -> Option<Action> {
    Some(match key.code {
        KeyCode::Esc | KeyCode::Char('q') => Action::Dismiss,
        KeyCode::Up | KeyCode::Char('k') => Action::MoveUp,
        KeyCode::Down | KeyCode::Char('j') => Action::MoveDown,
        KeyCode::Enter => Action::Submit,
        _ => return None,
    })
}

fn checks_layer(key: KeyEvent) -> Option<Action> {
    use shiftdesk_core::drill::Answer;
    Some(match key.code {
        KeyCode::Esc | KeyCode::Char('q') | KeyCode::Char('v') => Action::Dismiss,
        KeyCode::Up | KeyCode::Char('k') => Action::MoveUp,
        KeyCode::Down | KeyCode::Char('j') => Action::MoveDown,
        KeyCode::Char('y') => Action::AnswerCheck(Answer::Yes),
        KeyCode::Char('n') => Action::AnswerCheck(Answer::No),
        KeyCode::Char('u') => Action::AnswerCheck(Answer::NotChecked),
        _ => return None,
    })
}

fn follow_ups_layer(key: KeyEvent) -> Option<Action> {
    Some(match key.code {
        KeyCode::Esc | KeyCode::Char('q') | KeyCode::Char('f') => Action::Dismiss,
        KeyCode::Up | KeyCode::Char('k') => Action::MoveUp,
        KeyCode::Down | KeyCode::Char('j') => Action::MoveDown,
        KeyCode::Char(' ') => Action::ToggleDone,
        KeyCode::Char('/') => Action::OpenSearch,
        _ => return None,
    })
}

fn text_layer(key: KeyEvent, timeline: bool) -> Option<Action> {
    Some(match key.code {
        KeyCode::Char('a') if timeline => Action::AddNote,
        KeyCode::Char('/') => Action::OpenSearch,
        KeyCode::Char('t') | KeyCode::Char('E') | KeyCode::Char('H') | KeyCode::Char('R') => {
            Action::Dismiss
        }
        KeyCode::Esc | KeyCode::Char('q') | KeyCode::Enter => Action::Dismiss,
        KeyCode::Char('y') => Action::Copy,
        KeyCode::Up | KeyCode::Char('k') => Action::MoveUp,
        KeyCode::Down | KeyCode::Char('j') => Action::MoveDown,
        KeyCode::Home | KeyCode::Char('g') => Action::MoveFirst,
        _ => return None,
    })
}

fn form_layer(key: KeyEvent, ctrl: bool) -> Option<Action> {
    Some(match key.code {
        KeyCode::Esc => Action::Dismiss,
        KeyCode::Char('c') if ctrl => Action::Dismiss,
        KeyCode::Enter => Action::Submit,
        KeyCode::Tab => Action::FieldNext,
        KeyCode::BackTab => Action::FieldPrev,
        _ => Action::Edit(key),
    })
}

fn confirm_layer(key: KeyEvent, ctrl: bool) -> Option<Action> {
    match key.code {
        KeyCode::Char('y') | KeyCode::Char('Y') => Some(Action::Yes),
        KeyCode::Char('c') if ctrl => Some(Action::No),
        KeyCode::Char('n') | KeyCode::Char('N') | KeyCode::Esc => Some(Action::No),
        _ => None,
    }
}

fn pane_layer(focus: Pane, key: KeyEvent, ctrl: bool) -> Option<Action> {
    Some(match key.code {
        KeyCode::Char('c') if ctrl => Action::Quit,
        KeyCode::Char('q') => Action::Quit,
        KeyCode::Char('?') => Action::ShowHelp,
        KeyCode::Char('n') => Action::NewIncident,
        KeyCode::Tab => Action::FocusNext,
        KeyCode::BackTab => Action::FocusPrev,
        KeyCode::Up | KeyCode::Char('k') => Action::MoveUp,
        KeyCode::Down | KeyCode::Char('j') => Action::MoveDown,
        KeyCode::Home | KeyCode::Char('g') => Action::MoveFirst,
        KeyCode::End | KeyCode::Char('G') => Action::MoveLast,
        KeyCode::Char(' ') if focus == Pane::Checklist => Action::ToggleStep,
        KeyCode::Char(' ') | KeyCode::Enter if focus == Pane::Incidents => Action::OpenChecklist,
        KeyCode::Enter if focus == Pane::Contacts => Action::OpenContactCard,
        KeyCode::Char('/') => Action::OpenSearch,
        KeyCode::Char('a') => Action::AddNote,
        KeyCode::Char('c') => Action::RequestClose,
        KeyCode::Char('o') => Action::ToggleClosed,
        KeyCode::Char('r') => Action::RecordAttempt(AttemptOutcome::Reached),
        KeyCode::Char('x') => Action::RecordAttempt(AttemptOutcome::NoAnswer),
        KeyCode::Char('m') => Action::RecordAttempt(AttemptOutcome::LeftMessage),
        KeyCode::Char('e') => Action::Escalate,
        KeyCode::Char('u') => Action::GiveUpdate,
        KeyCode::Char('s') => Action::Reclassify,
        KeyCode::Char('R') => Action::ShowReport,
        KeyCode::Char('S') => Action::RecordScope,
        KeyCode::Char('C') => Action::Consult,
        KeyCode::Char('i') => Action::InterimAction,
        KeyCode::Char('w') => Action::WriteReview,
        KeyCode::Char('t') => Action::ShowTimeline,
        KeyCode::Char('E') => Action::Export,
        KeyCode::Char('H') => Action::Handover,
        KeyCode::Char('f') => Action::FollowUps,
        KeyCode::Char('F') => Action::Filter,
        KeyCode::Char('D') => Action::Drills,
        KeyCode::Char(']') => Action::JumpDrill,
        KeyCode::Char('v') => Action::Checks,
        _ => return None,
    })
}
