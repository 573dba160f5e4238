//! One file for each layer that can sit over the desk: its state, what it does with the
//! actions given to it, how it is drawn, and its draft.

pub mod availability;
pub mod card;
pub mod check_answer;
pub mod close_choice;
pub mod consult;
pub mod contact_form;
pub mod decision;
pub mod drills;
pub mod escalate;
pub mod filter;
pub mod follow_ups;
pub mod guide;
pub mod help;
pub mod interim;
pub mod new_incident;
mod new_incident_view;
pub mod note;
pub mod obligations;
pub mod question;
pub mod reason;
pub mod reclassify;
mod reclassify_view;
pub mod restore;
pub mod review;
mod review_view;
pub mod roll_out;
pub mod scope;
pub mod search;
pub mod text;
pub mod uncheck;

use super::App;
use super::layer::{Outcome, Work};
use super::ui_state::NoticeLevel;
use shiftdesk_core::change::Change;
use shiftdesk_core::i18n::{Msg, t};

/// A scroll position moved by `by` lines, kept within what a text can need.
pub(crate) fn scrolled(scroll: u16, by: isize) -> u16 {
    (i64::from(scroll) + by.clamp(-10_000, 10_000) as i64).clamp(0, 2000) as u16
}

/// A cursor moved by `by` rows in a list of `len`.
pub(crate) fn moved(cursor: usize, by: isize, len: usize) -> usize {
    let last = len.saturating_sub(1) as isize;
    (cursor as isize).saturating_add(by).clamp(0, last.max(0)) as usize
}

/// How far a move action goes: a row, or to either end.
pub(crate) fn step_of(action: &super::Action) -> Option<isize> {
    use super::Action;
    match action {
        Action::MoveUp => Some(-1),
        Action::MoveDown => Some(1),
        Action::MoveFirst => Some(isize::MIN / 2),
        Action::MoveLast => Some(isize::MAX / 2),
        _ => None,
    }
}

/// A change to the record from one of its forms: once it is in, the form closes and says
/// so; refused, the form stays.
pub(crate) fn record(change: Change, app: &App) -> Outcome {
    let text = t(app.lang(), Msg::MsgRecorded).to_string();
    Outcome::Submit(vec![
        Work::Change(change),
        Work::Close,
        Work::Say(NoticeLevel::Info, text),
    ])
}
