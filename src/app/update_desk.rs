//! The desk's own actions, when no layer is open or the layer on top passes one down: the
//! panes' cursors and focus, and the keys that open a layer over them.

use super::App;
use super::action::Action;
use super::layers::close_choice::CloseChoice;
use super::layers::help::HelpScreen;
use super::layers::new_incident::NewIncidentForm;
use super::layers::question::Question;
use super::layers::review::ReviewForm;
use super::ui_state::{NoticeLevel, Pane};
use shiftdesk_core::change::ChangeError;
use shiftdesk_core::checklist::display_order;
use shiftdesk_core::i18n::{Msg, fill};
use shiftdesk_core::text::safe_line;

impl App {
    pub(super) fn on_desk(&mut self, action: Action) {
        match action {
            Action::MoveUp => self.move_cursor(-1),
            Action::MoveDown => self.move_cursor(1),
            Action::MoveFirst => self.move_cursor(isize::MIN / 2),
            Action::MoveLast => self.move_cursor(isize::MAX / 2),
            Action::FocusNext => self.ui.focus = self.ui.focus.next(),
            Action::FocusPrev => self.ui.focus = self.ui.focus.prev(),
            Action::OpenChecklist if self.selected().is_some() => {
                self.ui.focus = Pane::Checklist;
                self.ui.step_cursor = self.next_open_cursor().unwrap_or(0);
            }
            Action::ToggleStep => self.toggle_step(),
            Action::ToggleNotApplicable => self.toggle_not_applicable(),
            Action::AddNote => {
                let work = super::layers::note::open(self, false);
                self.carry_out(work);
            }
            Action::NewIncident => {
                if let Some(why) = self.desk.read_only() {
                    let text = fill(self.lang(), Msg::MsgReadOnlyNoChange, &[("why", why)]);
                    self.notify(NoticeLevel::Error, text);
                } else {
                    self.ui.layers.open(Box::new(NewIncidentForm::default()));
                }
            }
            Action::RequestClose => self.request_close(),
            Action::ToggleClosed => {
                self.ui.show_closed = !self.ui.show_closed;
                self.ui.selected = None;
                self.ui.focus = Pane::Incidents;
            }
            Action::ShowHelp => self.ui.layers.open(Box::new(HelpScreen::default())),
            Action::RecordAttempt(outcome) => self.record_attempt(outcome),
            Action::Escalate => self.open_escalate(),
            Action::GiveUpdate => self.open_update(),
            Action::Reclassify => self.open_reclassify(),
            Action::ShowReport => self.show_report(),
            Action::RecordScope => self.open_scope(),
            Action::Consult => self.open_consult(),
            Action::InterimAction => self.open_interim(),
            Action::WriteReview => {
                if let Some(inc) = self.selected() {
                    let form = ReviewForm::of(self, inc.id.clone());
                    self.ui.layers.open(Box::new(form));
                }
            }
            Action::ShowTimeline => self.show_timeline(),
            Action::Export => self.export(),
            Action::Handover => self.show_handover(),
            Action::FollowUps => self.show_follow_ups(),
            Action::Obligations => self.show_obligations(),
            Action::DecideScope => self.open_decision(),
            Action::Filter => self.open_filter(),
            Action::Drills => self.show_drills(),
            Action::JumpDrill => self.jump_drill(),
            Action::Checks => self.show_checks(),
            Action::OpenSearch => self.open_search(),
            Action::OpenContactCard => self.open_card_from_route(),
            Action::NewContact => self.new_contact(),
            // A paste where no field takes it: said, never run as keys.
            Action::Paste(text) => {
                let n = text.chars().count().to_string();
                let text = fill(self.lang(), Msg::MsgPasteNotRun, &[("n", &n)]);
                self.notify(NoticeLevel::Info, text);
            }
            // Meant for a layer that is not open: nothing to do.
            _ => {}
        }
    }

    fn move_cursor(&mut self, by: isize) {
        let clamp = |at: usize, len: usize| -> usize {
            if len == 0 {
                return 0;
            }
            (at as isize).saturating_add(by).clamp(0, len as isize - 1) as usize
        };
        // The compact desk (a window too small) shows the incidents only.
        let pane = if self.desk_hidden() {
            Pane::Incidents
        } else {
            self.ui.focus
        };
        match pane {
            Pane::Incidents => {
                let visible = self.visible();
                let at = visible
                    .iter()
                    .position(|r| Some(r.id()) == self.ui.selected.as_ref())
                    .unwrap_or(0);
                let to = visible
                    .get(clamp(at, visible.len()))
                    .map(|r| r.id().clone());
                if to != self.ui.selected {
                    self.select(to);
                }
            }
            Pane::Checklist => {
                let len = self.selected().map_or(0, |i| i.checklist.len());
                self.ui.step_cursor = clamp(self.ui.step_cursor, len);
            }
            Pane::Contacts => {
                let len = self.route_rows().len();
                self.ui.contact_cursor = clamp(self.ui.contact_cursor, len);
            }
        }
    }

    /// The contacts of the selected incident's route, level by level: (level, contact id).
    pub fn route_rows(&self) -> Vec<(usize, String)> {
        self.selected()
            .and_then(|inc| inc.route.as_ref())
            .map(|route| {
                route
                    .levels
                    .iter()
                    .enumerate()
                    .flat_map(|(k, level)| level.contact_ids().map(move |c| (k, c.clone())))
                    .collect()
            })
            .unwrap_or_default()
    }

    fn request_close(&mut self) {
        let lang = self.lang();
        let Some(inc) = self.selected() else {
            return;
        };
        if inc.is_open() && inc.drill_run.is_some() {
            // Closing a drill ends it, and shows its results.
            let question = Question::EndDrill(inc.id.clone());
            self.ui.layers.open(Box::new(question));
            return;
        }
        if !inc.is_open() {
            // On a closed incident, c offers to reopen it.
            let question = Question::Reopen(inc.id.clone());
            self.ui.layers.open(Box::new(question));
            return;
        }
        let open = inc.open_review_steps();
        if let Some(first) = open.first() {
            let mut text = ChangeError::ReviewIncomplete(inc.id.clone(), open.len()).message(lang);
            text.push_str(" — ");
            text.push_str(&fill(
                lang,
                Msg::NextStep,
                &[("step", &safe_line(first.text.get(lang)))],
            ));
            // Show where the missing steps are.
            let cursor = display_order(&inc.checklist)
                .iter()
                .position(|&i| inc.checklist[i].id == first.id);
            let id = inc.id.clone();
            self.notify(NoticeLevel::Error, text);
            if let Some(c) = cursor {
                self.ui.focus = Pane::Checklist;
                self.ui.step_cursor = c;
            }
            // Write the review now, or close without it (a reason is asked for).
            self.ui.layers.open(Box::new(CloseChoice { incident: id }));
            return;
        }
        let question = Question::Close(inc.id.clone());
        self.ui.layers.open(Box::new(question));
    }
}
