//! The actions that build the record: scope, consultation, interim action, review,
//! closing and reopening, the timeline, export, handover, follow-ups and the history filter.

use super::App;
use super::form_filter::FilterForm;
use super::form_record::{ConsultForm, InterimForm, ReasonForm, ReviewForm, ScopeForm};
use super::ui_state::{NoticeLevel, Overlay, Pane, TextView};
use shiftdesk_core::IncidentId;
use shiftdesk_core::change::{Applied, Change, ChangeError};
use shiftdesk_core::i18n::{Msg, fill, t};
use shiftdesk_core::text::normalize_input;

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
        if let Some(id) = self.open_selected() {
            let scope = self.desk.incident(&id).and_then(|i| i.scope.clone());
            let form = ScopeForm::new(id, scope.as_ref(), &self.operator.zone);
            self.ui.overlay = Some(Overlay::Scope(Box::new(form)));
        }
    }

    pub(super) fn open_consult(&mut self) {
        if let Some(id) = self.open_selected() {
            self.ui.overlay = Some(Overlay::Consult(Box::new(ConsultForm::new(id))));
        }
    }

    pub(super) fn open_interim(&mut self) {
        if let Some(id) = self.open_selected() {
            self.ui.overlay = Some(Overlay::Interim(Box::new(InterimForm::new(id))));
        }
    }

    /// The review form, for the selected incident (or the one the close question is about).
    pub(super) fn open_review(&mut self) {
        let id = match self.ui.overlay.take() {
            Some(Overlay::CloseChoice(id)) => Some(id),
            _ => self.selected().map(|i| i.id.clone()),
        };
        let Some(id) = id else {
            return;
        };
        let review = self.desk.incident(&id).and_then(|i| i.review.clone());
        let form = ReviewForm::new(id, review.as_ref());
        self.ui.overlay = Some(Overlay::Review(Box::new(form)));
    }

    pub(super) fn open_close_without_review(&mut self) {
        if let Some(Overlay::CloseChoice(id)) = self.ui.overlay.take() {
            self.ui.overlay = Some(Overlay::CloseWithoutReview(Box::new(ReasonForm::new(id))));
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

    /// Measures not done, of every incident but drills, earliest due first.
    pub fn follow_ups(&self) -> Vec<FollowUp> {
        let mut rows: Vec<(Option<chrono::NaiveDate>, FollowUp)> = self
            .desk
            .incidents()
            .incidents
            .iter()
            .filter(|i| !i.drill)
            .flat_map(|i| {
                i.review.iter().flat_map(move |r| {
                    r.open_measures().map(move |m| {
                        (
                            m.due,
                            FollowUp {
                                incident: i.id.clone(),
                                measure: m.id,
                            },
                        )
                    })
                })
            })
            .collect();
        rows.sort_by_key(|(due, f)| (due.is_none(), *due, f.incident.clone(), f.measure));
        rows.into_iter().map(|(_, f)| f).collect()
    }

    pub(super) fn show_follow_ups(&mut self) {
        self.ui.overlay = Some(Overlay::FollowUps { cursor: 0 });
    }

    pub(super) fn toggle_follow_up(&mut self) {
        let Some(Overlay::FollowUps { cursor }) = &self.ui.overlay else {
            return;
        };
        let Some(f) = self.follow_ups().get(*cursor).cloned() else {
            return;
        };
        let done = self
            .desk
            .incident(&f.incident)
            .and_then(|i| i.review.as_ref())
            .and_then(|r| r.measures.iter().find(|m| m.id == f.measure))
            .is_some_and(|m| m.done.is_some());
        let change = Change::SetMeasureDone {
            incident: f.incident,
            measure: f.measure,
            done: !done,
        };
        if self.change(change).is_some() {
            let text = t(self.lang(), Msg::MsgMeasureDone).to_string();
            self.notify(NoticeLevel::Info, text);
        }
    }

    pub(super) fn open_filter(&mut self) {
        if !self.ui.show_closed {
            self.ui.show_closed = true;
            self.ui.selected = None;
            self.ui.focus = Pane::Incidents;
        }
        let form = FilterForm::new(&self.ui.history_filter);
        self.ui.overlay = Some(Overlay::Filter(Box::new(form)));
    }

    /// Submits one of the record forms; keeps the form open when something is wrong.
    pub(super) fn submit_record_form(&mut self, overlay: Overlay) {
        let lang = self.lang();
        let (change, back) = match overlay {
            Overlay::Scope(mut form) => match form.validate(self.now, &self.operator.zone) {
                Some(scope) => (
                    Change::SetScope {
                        incident: form.incident.clone(),
                        scope: Box::new(scope),
                    },
                    Overlay::Scope(form),
                ),
                None => return self.ui.overlay = Some(Overlay::Scope(form)),
            },
            Overlay::Consult(mut form) => match form.validate() {
                Some((who, advice)) => {
                    let contact = self.contact_named(&who);
                    (
                        Change::Consult {
                            incident: form.incident.clone(),
                            contact,
                            who,
                            advice,
                        },
                        Overlay::Consult(form),
                    )
                }
                None => return self.ui.overlay = Some(Overlay::Consult(form)),
            },
            Overlay::Interim(mut form) => match form.validate() {
                Some((action, effect)) => (
                    Change::InterimAction {
                        incident: form.incident.clone(),
                        action,
                        effect,
                    },
                    Overlay::Interim(form),
                ),
                None => return self.ui.overlay = Some(Overlay::Interim(form)),
            },
            Overlay::Review(mut form) => match form.validate() {
                Some(review) => (
                    Change::SaveReview {
                        incident: form.incident.clone(),
                        review: Box::new(review),
                    },
                    Overlay::Review(form),
                ),
                None => return self.ui.overlay = Some(Overlay::Review(form)),
            },
            Overlay::CloseWithoutReview(mut form) => {
                let reason = form.reason.text().trim().to_string();
                if reason.is_empty() {
                    form.error = Some(Msg::ErrReasonRequired);
                    return self.ui.overlay = Some(Overlay::CloseWithoutReview(form));
                }
                (
                    Change::CloseWithoutReview {
                        incident: form.incident.clone(),
                        reason,
                    },
                    Overlay::CloseWithoutReview(form),
                )
            }
            Overlay::Filter(mut form) => {
                match form.validate() {
                    Some(filter) => {
                        self.ui.history_filter = filter;
                        self.ui.selected = None;
                    }
                    None => self.ui.overlay = Some(Overlay::Filter(form)),
                }
                return;
            }
            other => return self.ui.overlay = Some(other),
        };
        let closing = matches!(change, Change::CloseWithoutReview { .. });
        match self.change(change) {
            Some(Applied::Changed(id)) if closing => {
                let text = fill(lang, Msg::MsgClosed, &[("id", &id.0)]);
                self.notify(NoticeLevel::Info, text);
            }
            Some(_) => {
                let text = t(lang, Msg::MsgRecorded).to_string();
                self.notify(NoticeLevel::Info, text);
            }
            None => self.ui.overlay = Some(back),
        }
    }

    /// The roster contact a name given by the operator means: by id, or by name as written.
    fn contact_named(&self, who: &str) -> Option<String> {
        let who = normalize_input(who);
        self.desk
            .roster()
            .contacts
            .iter()
            .find(|c| c.id == who || normalize_input(&c.name) == who)
            .map(|c| c.id.clone())
    }

    pub(super) fn confirm_reopen(&mut self, id: IncidentId) {
        let change = Change::Reopen {
            incident: id.clone(),
            reason: String::new(),
        };
        if self.change(change).is_some() {
            let text = fill(self.lang(), Msg::MsgReopened, &[("id", &id.0)]);
            self.notify(NoticeLevel::Info, text);
            self.ui.show_closed = false;
            self.select(Some(id));
        }
    }
}
