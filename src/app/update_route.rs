//! The desk's actions on the reporting route: call attempts, escalation, status updates, a
//! new classification, and the report text.

use super::App;
use super::layers::escalate::EscalateForm;
use super::layers::note::{NoteForm, NoteTarget};
use super::layers::reclassify::ReclassifyForm;
use super::layers::text::TextView;
use super::ui_state::{NoticeLevel, Pane};
use shiftdesk_core::IncidentId;
use shiftdesk_core::change::Change;
use shiftdesk_core::escalation::{MoveByTime, route_progress, unlogged_moves};
use shiftdesk_core::i18n::{Msg, fill, t};
use shiftdesk_core::incident::AttemptOutcome;
use shiftdesk_core::next_action::{NextAction, next_action};

impl App {
    /// The contact an attempt is about: the one under the cursor in the contacts pane,
    /// elsewhere the one the next-action line names.
    fn attempt_target(&self) -> Option<(usize, String)> {
        self.selected()?;
        if self.ui.focus == Pane::Contacts {
            return self.route_rows().get(self.ui.contact_cursor).cloned();
        }
        self.next_call()
    }

    /// Whom the next-action line names to call, and on which level.
    fn next_call(&self) -> Option<(usize, String)> {
        let inc = self.selected()?;
        match next_action(inc, self.desk.roster(), self.now) {
            NextAction::Call { contact, level, .. } => Some((level, contact.id.clone())),
            _ => None,
        }
    }

    /// Logs each move up the route by time that the timeline does not tell yet, stamped
    /// with when it happened: the first desk to notice writes it, the others find it there.
    pub(super) fn log_moves_by_time(&mut self) {
        if self.desk.read_only().is_some() {
            return;
        }
        let roster = self.desk.roster();
        let moves: Vec<(IncidentId, MoveByTime)> = self
            .desk
            .incidents()
            .incidents
            .iter()
            .filter(|i| i.is_open() && i.route.is_some())
            .flat_map(|i| {
                let progress = route_progress(i, roster, self.now);
                unlogged_moves(i, &progress)
                    .into_iter()
                    .map(|m| (i.id.clone(), m))
            })
            .filter(|(id, m)| !self.moves_refused.contains(&(id.clone(), m.to)))
            .collect();
        for (id, m) in moves {
            let change = Change::MovedUpByTime {
                incident: id.clone(),
                to_level: m.to,
                minutes: m.minutes,
            };
            // Refused once, it is not tried again every second.
            if self.change_at(change, m.at).is_none() {
                self.moves_refused.insert((id, m.to));
            }
        }
    }

    /// Resolves the rotation of each level that became the one to call since its rotation
    /// was last resolved (the route went up, by time, by hand or with nobody answering): to
    /// whom is on duty now, written by the first desk to notice.
    pub(super) fn resolve_on_duty(&mut self) {
        if self.desk.read_only().is_some() {
            return;
        }
        let roster = self.desk.roster();
        let due: Vec<Change> = self
            .desk
            .incidents()
            .incidents
            .iter()
            .filter(|i| i.is_open())
            .filter_map(|i| {
                let progress = route_progress(i, roster, self.now);
                let k = progress.current?;
                let started = progress.levels.get(k)?.started?;
                let level = i.route.as_ref()?.levels.get(k)?;
                let rotation = level
                    .rotation
                    .as_deref()
                    .filter(|_| level.needs_pick(started))?;
                Some(Change::ResolveOnDuty {
                    incident: i.id.clone(),
                    level: k,
                    started,
                    pick: Box::new(roster.pick_on_duty(rotation, self.now)),
                })
            })
            .filter(|c| {
                !self
                    .picks_refused
                    .contains(&(c.incident().cloned(), level_of(c)))
            })
            .collect();
        for change in due {
            let key = (change.incident().cloned(), level_of(&change));
            // Refused once, it is not tried again every second.
            if self.change(change).is_none() {
                self.picks_refused.insert(key);
            }
        }
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
        let next = self.next_call();
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
            let form =
                ReclassifyForm::new(inc.id.clone(), inc.severity, inc.category, inc.kind.clone());
            self.ui.layers.open(Box::new(form));
        }
    }

    pub(super) fn show_report(&mut self) {
        if let Some(inc) = self.selected() {
            self.show_text(TextView::Report(inc.id.clone()));
        }
    }
}

/// The level a change resolving a rotation is about.
fn level_of(change: &Change) -> usize {
    match change {
        Change::ResolveOnDuty { level, .. } => *level,
        _ => 0,
    }
}
