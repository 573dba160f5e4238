//! Drills in the desk: the list (D), jumping a drill's clock (]), its readiness checks (v),
//! and injects logged as they come due. Starting one, answering a check and ending one are
//! the layers' (`layers/drills.rs`, `check_answer.rs`, `question.rs`).

use super::App;
use super::layers::drills::{ChecksList, DrillList};
use super::ui_state::NoticeLevel;
use shiftdesk_core::IncidentId;
use shiftdesk_core::change::Change;
use shiftdesk_core::i18n::{Msg, fill, t};
use shiftdesk_core::text::safe_line;

impl App {
    pub(super) fn show_drills(&mut self) {
        self.ui.layers.open(Box::new(DrillList::default()));
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
            self.ui.layers.open(Box::new(ChecksList::new(id)));
        }
    }
}
