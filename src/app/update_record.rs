//! The desk's actions that build the record: scope, consultation, interim action, the
//! timeline, export, handover, follow-ups and the history filter.

use super::App;
use super::layers::consult::ConsultForm;
use super::layers::decision::DecisionForm;
use super::layers::filter::FilterForm;
use super::layers::follow_ups::FollowUpsList;
use super::layers::interim::InterimForm;
use super::layers::obligations::ObligationsList;
use super::layers::scope::ScopeForm;
use super::layers::text::TextView;
use super::ui_state::{NoticeLevel, Pane};
use shiftdesk_core::IncidentId;
use shiftdesk_core::change::ChangeError;
use shiftdesk_core::decision::decided_for;
use shiftdesk_core::i18n::{Msg, fill};

/// A measure not done: which incident, which measure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    pub incident: IncidentId,
    pub measure: u32,
}

impl App {
    /// The selected incident's id when it is open; says why not otherwise.
    fn open_selected(&mut self) -> Option<IncidentId> {
        let inc = self.selected()?;
        if inc.is_open() {
            return Some(inc.id.clone());
        }
        let text = ChangeError::IncidentClosed(inc.id.clone()).message(self.lang());
        self.notify(NoticeLevel::Error, text);
        None
    }

    pub(super) fn open_scope(&mut self) {
        if let Some(form) = self.open_selected().and_then(|id| ScopeForm::of(self, id)) {
            self.ui.layers.open(Box::new(form));
        }
    }

    /// The obligations of the selected incident, open or closed.
    pub(super) fn show_obligations(&mut self) {
        if let Some(inc) = self.selected() {
            let list = ObligationsList::new(inc.id.clone());
            self.ui.layers.open(Box::new(list));
        }
    }

    /// The decision on an out-of-scope request; for another category, says it is not one.
    pub(super) fn open_decision(&mut self) {
        let Some(inc) = self.selected() else {
            return;
        };
        if !decided_for(inc.category) {
            let text = ChangeError::NotOutOfScope(inc.id.clone()).message(self.lang());
            return self.notify(NoticeLevel::Warning, text);
        }
        if let Some(id) = self.open_selected() {
            let form = DecisionForm::of(self, id);
            self.ui.layers.open(Box::new(form));
        }
    }

    pub(super) fn open_consult(&mut self) {
        if let Some(id) = self.open_selected() {
            self.ui.layers.open(Box::new(ConsultForm::new(id)));
        }
    }

    pub(super) fn open_interim(&mut self) {
        if let Some(id) = self.open_selected() {
            self.ui.layers.open(Box::new(InterimForm::new(id)));
        }
    }

    pub(super) fn show_timeline(&mut self) {
        if let Some(inc) = self.selected() {
            self.show_text(TextView::Timeline(inc.id.clone()));
        }
    }

    /// Writes the Markdown report to the data dir's `exports/` and shows it.
    pub(super) fn export(&mut self) {
        let Some(inc) = self.selected() else {
            return;
        };
        let id = inc.id.clone();
        let view = TextView::Export {
            incident: id.clone(),
            path: None,
        };
        let text = self.text_of(&view);
        let path = match self.desk.write_export(&id, self.lang(), &text) {
            Ok(path) => Some(path),
            Err(e) => {
                let text = fill(
                    self.lang(),
                    Msg::MsgExportFailed,
                    &[("why", &format!("{e:#}"))],
                );
                self.notify(NoticeLevel::Error, text);
                None
            }
        };
        self.show_text(TextView::Export { incident: id, path });
    }

    pub(super) fn show_handover(&mut self) {
        self.show_text(TextView::Handover);
    }

    /// Measures not done, earliest due first: every incident's but a drill's, and of a drill
    /// those that follow up a readiness check it found wanting.
    pub fn follow_ups(&self) -> Vec<FollowUp> {
        let mut rows: Vec<(Option<chrono::NaiveDate>, FollowUp)> = self
            .desk
            .incidents()
            .incidents
            .iter()
            .flat_map(|i| {
                i.open_follow_ups().map(move |m| {
                    (
                        m.due,
                        FollowUp {
                            incident: i.id.clone(),
                            measure: m.id,
                        },
                    )
                })
            })
            .collect();
        rows.sort_by_key(|(due, f)| (due.is_none(), *due, f.incident.clone(), f.measure));
        rows.into_iter().map(|(_, f)| f).collect()
    }

    pub(super) fn show_follow_ups(&mut self) {
        self.ui.layers.open(Box::new(FollowUpsList::default()));
    }

    pub(super) fn open_filter(&mut self) {
        if !self.ui.show_closed {
            self.ui.show_closed = true;
            self.ui.selected = None;
            self.ui.focus = Pane::Incidents;
        }
        let form = FilterForm::new(&self.ui.history_filter);
        self.ui.layers.open(Box::new(form));
    }
}
