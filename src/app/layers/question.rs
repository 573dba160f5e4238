//! Yes/no questions: close an incident, quit with changes not saved, reopen, end a drill,
//! delete a contact, take back a kept draft.

use super::card::CardState;
use crate::app::App;
use crate::app::action::Action;
use crate::app::key_table::When;
use crate::app::layer::{Layer, Outcome, Work};
use crate::app::ui_state::NoticeLevel;
use crate::ui::form_parts::draw_question;
use ratatui::Frame;
use ratatui::layout::Rect;
use shiftdesk_core::IncidentId;
use shiftdesk_core::change::Change;
use shiftdesk_core::draft::Draft;
use shiftdesk_core::i18n::{Msg, fill, t};
use shiftdesk_core::roster::change::RosterChange;
use shiftdesk_core::text::safe_line;

pub enum Question {
    Close(IncidentId),
    /// Quit with changes not saved.
    Quit,
    Reopen(IncidentId),
    EndDrill(IncidentId),
    /// Deleting a contact: the routes it is on, named, before the operator says yes.
    Delete {
        contact: String,
        routes: Vec<String>,
    },
    /// A draft kept when the desk went away: restore it or let it go.
    Draft(Box<Draft>),
}

impl Question {
    fn yes(&self, app: &App) -> Vec<Work> {
        let lang = app.lang();
        let mut work = vec![Work::Close];
        match self {
            Question::Close(id) => {
                work.push(Work::Change(Change::Close {
                    incident: id.clone(),
                }));
                let text = fill(lang, Msg::MsgClosed, &[("id", &id.0)]);
                work.push(Work::Say(NoticeLevel::Info, text));
            }
            Question::Quit => work.push(Work::Quit),
            Question::Reopen(id) => {
                work.push(Work::Change(Change::Reopen {
                    incident: id.clone(),
                    reason: String::new(),
                }));
                let text = fill(lang, Msg::MsgReopened, &[("id", &id.0)]);
                work.push(Work::Say(NoticeLevel::Info, text));
                work.push(Work::ShowIncident(id.clone()));
            }
            Question::EndDrill(id) => {
                work.push(Work::Change(Change::EndDrill {
                    incident: id.clone(),
                }));
                let report = super::text::TextView::DrillReport(id.clone());
                work.push(Work::Open(Box::new(super::text::TextLayer::new(report))));
            }
            Question::Delete { contact, .. } => {
                let name = contact_name(app, contact);
                work.push(Work::Roster(RosterChange::Delete {
                    contact: contact.clone(),
                }));
                let text = fill(lang, Msg::MsgContactDeleted, &[("name", &name)]);
                work.push(Work::Say(NoticeLevel::Info, text));
            }
            Question::Draft(draft) => work.extend(restore(draft, app)),
        }
        work
    }

    fn no(&self) -> Vec<Work> {
        match self {
            // Back to the card.
            Question::Delete { contact, .. } => {
                vec![Work::Open(Box::new(CardState::new(contact.clone())))]
            }
            Question::Draft(_) => vec![Work::Close, Work::DropDraft],
            _ => vec![Work::Close],
        }
    }

    fn text(&self, app: &App) -> String {
        let lang = app.lang();
        match self {
            Question::Close(id) => super::close_choice::close_question(app, id),
            Question::Reopen(id) => incident_question(app, id, Msg::ConfirmReopen),
            Question::EndDrill(id) => fill(lang, Msg::ConfirmEndDrill, &[("id", &id.0)]),
            Question::Quit => {
                let why = match &app.desk.save_state() {
                    shiftdesk_store::ledger::SaveState::NotSaved(w) => safe_line(w),
                    _ => String::new(),
                };
                fill(
                    lang,
                    Msg::ConfirmQuitUnsaved,
                    &[("n", &app.desk.pending_count().to_string()), ("why", &why)],
                )
            }
            Question::Delete { contact, routes } => {
                let name = contact_name(app, contact);
                let routes = if routes.is_empty() {
                    String::new()
                } else {
                    fill(
                        lang,
                        Msg::DeleteRoutes,
                        &[("routes", &safe_line(&routes.join(", ")))],
                    )
                };
                fill(
                    lang,
                    Msg::ConfirmDelete,
                    &[("name", &name), ("routes", &routes)],
                )
            }
            Question::Draft(draft) => {
                let kind = t(lang, super::restore::kind_words(draft));
                let text: Vec<String> = draft
                    .typed()
                    .filter(|(_, v)| !v.trim().is_empty())
                    .map(|(_, v)| format!("  {}", safe_line(v)))
                    .collect();
                fill(
                    lang,
                    Msg::ConfirmDraft,
                    &[
                        ("kind", kind),
                        ("when", &app.operator.zone.clock(draft.saved_at, app.now)),
                        ("text", &text.join("\n")),
                    ],
                )
            }
        }
    }
}

/// The form a draft came from, with its text, in place of the question.
fn restore(d: &Draft, app: &App) -> Vec<Work> {
    let Some(form) = super::restore::form_of(d, app) else {
        return Vec::new();
    };
    // In place of the question only (`yes` closed it): a roll-out beneath it waits until
    // the form is done.
    vec![
        Work::Push(form),
        Work::Say(
            NoticeLevel::Info,
            t(app.lang(), Msg::MsgDraftRestored).to_string(),
        ),
    ]
}

/// A contact's name as the screen shows it; empty when it is gone.
fn contact_name(app: &App, contact: &str) -> String {
    app.desk
        .roster()
        .contact(contact)
        .map(|c| safe_line(&c.name))
        .unwrap_or_default()
}

/// A yes/no question about one incident, naming it by id and title.
fn incident_question(app: &App, id: &IncidentId, msg: Msg) -> String {
    let title = app
        .desk
        .incident(id)
        .map(|i| safe_line(&i.title))
        .unwrap_or_default();
    fill(app.lang(), msg, &[("id", &id.0), ("title", &title)])
}

impl Layer for Question {
    fn keys(&self) -> &'static [When] {
        &[When::Question]
    }

    fn handle(&mut self, action: &Action, app: &App) -> Outcome {
        match action {
            Action::Yes => Outcome::Submit(self.yes(app)),
            Action::No => Outcome::Submit(self.no()),
            _ => Outcome::PassDown,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App) {
        draw_question(frame, area, self.text(app));
    }
}
