//! Drills in the desk: the list (D), starting one, jumping its clock (]), its readiness
//! checks (v), injects logged as they come due, and ending it (c) with its results.

use super::App;
use super::text_field::TextField;
use super::ui_state::{NoticeLevel, Overlay, Pane, TextView};
use shiftdesk_core::IncidentId;
use shiftdesk_core::change::{Applied, Change};
use shiftdesk_core::drill::Answer;
use shiftdesk_core::drill::result::drill_incident;
use shiftdesk_core::i18n::{Msg, fill, t};
use shiftdesk_core::text::safe_line;

/// Answering one readiness check: yes / no / not checked, with a note.
pub struct CheckAnswerForm {
    pub incident: IncidentId,
    pub check: String,
    pub answer: Answer,
    pub note: TextField,
}

impl App {
    pub(super) fn show_drills(&mut self) {
        self.ui.overlay = Some(Overlay::Drills { cursor: 0 });
    }

    pub(super) fn start_drill(&mut self, cursor: usize) {
        let Some(scenario) = self.desk.scenarios.get(cursor).cloned() else {
            return;
        };
        let new = drill_incident(
            &scenario,
            &self.desk.playbooks,
            self.desk.roster(),
            self.lang(),
            self.now,
        );
        let Some(new) = new else {
            return;
        };
        if let Some(Applied::Opened(id)) = self.change(Change::Open(Box::new(new))) {
            let text = fill(
                self.lang(),
                Msg::MsgDrillStarted,
                &[("id", &id.0), ("name", scenario.name.get(self.lang()))],
            );
            self.notify(NoticeLevel::Info, text);
            self.ui.show_closed = false;
            self.ui.focus = Pane::Incidents;
            self.select(Some(id));
        }
    }

    /// The selected incident when it is a running drill.
    fn running_drill(&mut self) -> Option<IncidentId> {
        let inc = self.selected()?;
        if inc.is_open() && inc.drill_run.is_some() {
            return Some(inc.id.clone());
        }
        let text = t(self.lang(), Msg::MsgNotARunningDrill).to_string();
        self.notify(NoticeLevel::Warning, text);
        None
    }

    /// `]`: the drill's clock to its next inject.
    pub(super) fn jump_drill(&mut self) {
        let Some(id) = self.running_drill() else {
            return;
        };
        let next = self
            .desk
            .incident(&id)
            .and_then(|i| i.drill_run.as_ref())
            .and_then(|r| r.next_inject(self.now).map(|(_, at)| at));
        let Some(at) = next else {
            let text = t(self.lang(), Msg::MsgNoMoreInjects).to_string();
            self.notify(NoticeLevel::Info, text);
            return;
        };
        // Whole minutes, rounded up, so the inject is due once the jump is made.
        let minutes = ((at - self.now).num_seconds() + 59) / 60;
        self.change(Change::JumpDrill {
            incident: id,
            minutes,
        });
        self.log_due_injects();
    }

    /// Logs the injects of running drills that have come due, and announces the last one.
    pub(super) fn log_due_injects(&mut self) {
        let due: Vec<(IncidentId, usize, usize)> = self
            .desk
            .incidents()
            .incidents
            .iter()
            .filter(|i| i.is_open())
            .filter_map(|i| {
                let run = i.drill_run.as_ref()?;
                let n = run.due_count(self.now);
                (n > run.injects_logged).then(|| (i.id.clone(), run.injects_logged, n))
            })
            .collect();
        for (id, _, upto) in due {
            if self
                .change(Change::LogInjects {
                    incident: id.clone(),
                    upto,
                })
                .is_none()
            {
                continue;
            }
            let inject = self
                .desk
                .incident(&id)
                .and_then(|i| i.drill_run.as_ref())
                .and_then(|r| r.injects.get(upto - 1).cloned());
            if let Some(inject) = inject {
                let text = fill(
                    self.lang(),
                    Msg::MsgInject,
                    &[
                        ("id", &id.0),
                        ("t", &inject.at_minutes.to_string()),
                        ("text", &safe_line(inject.text.get(self.lang()))),
                    ],
                );
                self.notify(NoticeLevel::Warning, text);
            }
        }
    }

    pub(super) fn show_checks(&mut self) {
        if let Some(id) = self.running_drill() {
            self.ui.overlay = Some(Overlay::Checks {
                incident: id,
                cursor: 0,
            });
        }
    }

    /// y / n / u on a readiness check: the answer form, with a note.
    pub(super) fn answer_check(&mut self, answer: Answer) {
        let Some(Overlay::Checks { incident, cursor }) = &self.ui.overlay else {
            return;
        };
        let check = self
            .desk
            .incident(incident)
            .and_then(|i| i.drill_run.as_ref())
            .and_then(|r| r.checks.get(*cursor))
            .map(|c| c.id.clone());
        if let Some(check) = check {
            let form = CheckAnswerForm {
                incident: incident.clone(),
                check,
                answer,
                note: TextField::new(false),
            };
            self.ui.overlay = Some(Overlay::CheckAnswer(Box::new(form)));
        }
    }

    pub(super) fn submit_check_answer(&mut self, form: Box<CheckAnswerForm>) {
        let change = Change::AnswerCheck {
            incident: form.incident.clone(),
            check: form.check.clone(),
            answer: form.answer,
            note: form.note.text().trim().to_string(),
        };
        self.change(change);
        let cursor = self
            .desk
            .incident(&form.incident)
            .and_then(|i| i.drill_run.as_ref())
            .and_then(|r| r.checks.iter().position(|c| c.id == form.check))
            .map_or(0, |p| p + 1);
        self.ui.overlay = Some(Overlay::Checks {
            incident: form.incident,
            cursor,
        });
    }

    pub(super) fn end_drill(&mut self, id: IncidentId) {
        if self
            .change(Change::EndDrill {
                incident: id.clone(),
            })
            .is_some()
        {
            self.show_text(TextView::DrillReport(id));
        }
    }
}
