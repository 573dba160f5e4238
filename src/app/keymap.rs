//! Keys to actions, by layer: the overlay on top takes every key; below it, the panes.

use super::App;
use super::action::Action;
use super::ui_state::{Overlay, Pane};
use crate::model::incident::AttemptOutcome;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

pub fn action_for(app: &App, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match &app.ui.overlay {
        Some(Overlay::Help) => help_layer(key),
        Some(
            Overlay::NewIncident(_)
            | Overlay::Note(_)
            | Overlay::Escalate(_)
            | Overlay::Reclassify(_),
        ) => form_layer(key, ctrl),
        Some(Overlay::Report { .. }) => report_layer(key),
        Some(Overlay::ConfirmClose(_) | Overlay::ConfirmQuit | Overlay::ConfirmDelete { .. }) => {
            confirm_layer(key, ctrl)
        }
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

fn report_layer(key: KeyEvent) -> Option<Action> {
    Some(match key.code {
        KeyCode::Char('/') => Action::OpenSearch,
        KeyCode::Esc | KeyCode::Char('q') | KeyCode::Char('R') | KeyCode::Enter => Action::Dismiss,
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
        _ => return None,
    })
}
