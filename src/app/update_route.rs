//! The desk's actions on the reporting route: call attempts, escalation, status updates, a
//! new classification, and the report text.

use super::App;
use super::layers::escalate::EscalateForm;
use super::layers::note::{NoteForm, NoteTarget};
use super::layers::reclassify::ReclassifyForm;
use super::layers::text::TextView;
use super::ui_state::{NoticeLevel, Pane};
use shiftdesk_core::change::Change;
use shiftdesk_core::escalation::{contact_to_call, route_progress};
use shiftdesk_core::i18n::{Msg, fill, t};
use shiftdesk_core::incident::AttemptOutcome;

impl App {
    /// The contact an attempt is about: the one under the cursor in the contacts pane,
    /// elsewhere the one the next-action line names.
    fn attempt_target(&self) -> Option<(usize, String)> {
        let inc = self.selected()?;
        if self.ui.focus == Pane::Contacts {
            return self.route_rows().get(self.ui.contact_cursor).cloned();
        }
        let progress = route_progress(inc, self.desk.roster(), self.now);
        let level = progress.current?;
        let contact = contact_to_call(inc, &progress, self.desk.roster(), self.now)?;
        Some((level, contact.id.clone()))
    }

    pub(super) fn record_attempt(&mut self, outcome: AttemptOutcome) {
        let Some(inc) = self.selected() else {
            return;
        };
        let id = inc.id.clone();
        let Some((level, contact)) = self.attempt_target() else {
            let text = t(self.lang(), Msg::MsgNoOneToCall).to_string();
            self.notify(NoticeLevel::Warning, text);
            return;
        };
        let contact_role = self.desk.roster().contact(&contact);
        let change = Change::Attempt {
            incident: id,
            contact: contact.clone(),
            level,
            outcome,
            contact_role: contact_role.map(|c| c.role.clone()).unwrap_or_default(),
        };
        if self.change(change).is_some() {
            let name = self
                .desk
                .roster()
                .contact(&contact)
                .map_or(contact.clone(), |c| c.name.clone());
            let text = fill(
                self.lang(),
                Msg::MsgAttemptLogged,
                &[
                    ("name", &shiftdesk_core::text::safe_line(&name)),
                    (
                        "outcome",
                        shiftdesk_core::i18n::outcome(self.lang(), outcome),
                    ),
                ],
            );
            self.notify(NoticeLevel::Info, text);
            self.cursor_to_next_call();
        }
    }

    /// Puts the contacts cursor on the person to call now.
    pub(super) fn cursor_to_next_call(&mut self) {
        let Some(inc) = self.selected() else {
            return;
        };
        let progress = route_progress(inc, self.desk.roster(), self.now);
        let next = progress.current.and_then(|level| {
            contact_to_call(inc, &progress, self.desk.roster(), self.now)
                .map(|c| (level, c.id.clone()))
        });
        if let Some(row) = next.and_then(|n| self.route_rows().iter().position(|r| *r == n)) {
            self.ui.contact_cursor = row;
        }
    }

    pub(super) fn open_escalate(&mut self) {
        let Some(inc) = self.selected() else {
            return;
        };
        let levels = inc.route.as_ref().map_or(0, |r| r.levels.len());
        let progress = route_progress(inc, self.desk.roster(), self.now);
        let from = progress.current.unwrap_or(0);
        let msg = if !inc.is_open() {
            Some(Msg::ErrIncidentClosed)
        } else if levels == 0 {
            Some(Msg::ErrNoRoute)
        } else if progress.current.is_none() {
            Some(Msg::MsgAlreadyReached)
        } else if from + 1 >= levels {
            Some(Msg::MsgTopOfRoute)
        } else {
            None
        };
        if let Some(msg) = msg {
            let text = fill(self.lang(), msg, &[("id", &inc.id.0)]);
            self.notify(NoticeLevel::Warning, text);
            return;
        }
        let form = EscalateForm::new(inc.id.clone(), from, levels);
        self.ui.layers.open(Box::new(form));
    }

    pub(super) fn open_update(&mut self) {
        let Some(inc) = self.selected() else {
            return;
        };
        if inc.is_open() {
            let form = NoteForm::new(NoteTarget::Update(inc.id.clone()));
            self.ui.layers.open(Box::new(form));
        }
    }

    pub(super) fn open_reclassify(&mut self) {
        let Some(inc) = self.selected() else {
            return;
        };
        if inc.is_open() {
            let form = ReclassifyForm::new(inc.id.clone(), inc.severity, inc.category);
            self.ui.layers.open(Box::new(form));
        }
    }

    pub(super) fn show_report(&mut self) {
        if let Some(inc) = self.selected() {
            self.show_text(TextView::Report(inc.id.clone()));
        }
    }
}
