//! The desk's actions on the checklist: Space checks or unchecks the step under the cursor
//! (asking first when an action checked it), `-` marks it as not applying or back. The
//! cursor stays where the operator put it, but for moving on past a step just checked.

use super::App;
use super::layers::reason::ReasonForm;
use super::layers::uncheck::UncheckQuestion;
use super::ui_state::NoticeLevel;
use shiftdesk_core::IncidentId;
use shiftdesk_core::change::Change;
use shiftdesk_core::checklist::{display_order, next_open_after};
use shiftdesk_core::i18n::{Msg, fill};
use shiftdesk_core::text::safe_line;

/// An open step under the cursor: its incident and its id.
pub(super) type OpenStep = Option<(IncidentId, String)>;

/// What Space and `-` find under the cursor.
enum Under {
    Open {
        incident_open: bool,
    },
    /// Checked by hand.
    Done,
    /// Checked by an action: a contact reached, a form saved.
    DoneByAction,
    NotApplicable,
}

impl App {
    /// The selected incident's id, the id of the step under the cursor, and its state.
    fn under_cursor(&self) -> Option<(IncidentId, String, Under)> {
        let inc = self.selected()?;
        let step = &inc.checklist[self.selected_step()?];
        let under = if step.not_applicable.is_some() {
            Under::NotApplicable
        } else if inc.checked_via(step).is_some() {
            Under::DoneByAction
        } else if step.done.is_some() {
            Under::Done
        } else {
            Under::Open {
                incident_open: inc.is_open(),
            }
        };
        Some((inc.id.clone(), step.id.clone(), under))
    }

    /// Space: a step marked as not applying applies again; a step an action checked is
    /// unchecked after a question that says which action; any other is checked or
    /// unchecked at once.
    pub(super) fn toggle_step(&mut self) {
        let Some((incident, step, under)) = self.under_cursor() else {
            return;
        };
        let done = match under {
            Under::NotApplicable => return self.applies_again(incident, step),
            Under::DoneByAction => {
                let question = UncheckQuestion { incident, step };
                return self.ui.layers.open(Box::new(question));
            }
            Under::Done => false,
            Under::Open { .. } => true,
        };
        self.change(Change::SetStep {
            incident,
            step,
            done,
        });
    }

    /// `-`: the step under the cursor does not apply (a reason is asked for, optional), or
    /// applies again. A checked step is not marked: it applied.
    pub(super) fn toggle_not_applicable(&mut self) {
        let lang = self.lang();
        let Some((incident, step, under)) = self.under_cursor() else {
            return;
        };
        let refusal = match under {
            Under::NotApplicable => return self.applies_again(incident, step),
            Under::Open {
                incident_open: true,
            } => {
                let form = ReasonForm::not_applicable(incident, step);
                return self.ui.layers.open(Box::new(form));
            }
            Under::Open { .. } => fill(lang, Msg::ErrIncidentClosed, &[("id", &incident.0)]),
            Under::Done | Under::DoneByAction => {
                let text = self.step_text(&incident, &step);
                fill(
                    lang,
                    Msg::ErrStepChecked,
                    &[("id", &incident.0), ("x", &text)],
                )
            }
        };
        self.notify(NoticeLevel::Warning, refusal);
    }

    /// A step's text as the operator reads it.
    fn step_text(&self, incident: &IncidentId, step: &str) -> String {
        let found = self.desk.incident(incident).and_then(|i| i.step(step));
        found
            .map(|s| safe_line(s.text.get(self.lang())))
            .unwrap_or_default()
    }

    fn applies_again(&mut self, incident: IncidentId, step: String) {
        let text = self.step_text(&incident, &step);
        let change = Change::SetNotApplicable {
            incident,
            step,
            not_applicable: false,
            reason: String::new(),
        };
        if self.change(change).is_some() {
            let text = fill(self.lang(), Msg::MsgApplicableAgain, &[("step", &text)]);
            self.notify(NoticeLevel::Info, text);
        }
    }

    /// The step under the cursor, when it is open: a change that checks it moves the
    /// cursor on ([`App::past_checked_step`]).
    pub(super) fn open_step_under_cursor(&self) -> OpenStep {
        let inc = self.selected()?;
        let step = &inc.checklist[self.selected_step()?];
        step.is_open().then(|| (inc.id.clone(), step.id.clone()))
    }

    /// After a change: when the step that was open under the cursor is now checked (by
    /// Space, or by the action that fulfils it), the cursor moves on to the next open step
    /// after it, so Space, Space works down the list; with none after it, it stays. Any
    /// other change leaves the cursor where the operator put it.
    pub(super) fn past_checked_step(&mut self, before: OpenStep) {
        let Some((id, step)) = before else {
            return;
        };
        let Some(inc) = self.selected().filter(|i| i.id == id) else {
            return;
        };
        let Some(index) = inc.checklist.iter().position(|s| s.id == step) else {
            return;
        };
        if inc.checklist[index].done.is_none() {
            return;
        }
        let next = next_open_after(&inc.checklist, index).and_then(|next| {
            display_order(&inc.checklist)
                .iter()
                .position(|&i| i == next)
        });
        if let Some(at) = next {
            self.ui.step_cursor = at;
        }
    }
}
