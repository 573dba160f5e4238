//! An action given to the layer on top, and what the layer said came of it turned into
//! changes of the desk: the layers themselves never change anything outside them.

use super::App;
use super::action::Action;
use super::effects::Effect;
use super::layer::{Outcome, Work};
use super::layers::card::CardState;
use super::ui_state::{NoticeLevel, Pane};
use shiftdesk_core::change::Applied;
use shiftdesk_core::i18n::fill;

impl App {
    /// Hands the action to the top layer (the Esc rule first), or to the desk when no layer
    /// is open or the layer passes it down.
    pub(super) fn hand_to_layer(&mut self, action: Action) {
        let Some(mut layer) = self.ui.layers.pop() else {
            return self.on_desk(action);
        };
        let outcome = if !self.ui.layers.esc_rule(&action, &*layer) {
            Outcome::Consumed
        } else if action == Action::Dismiss {
            Outcome::Close
        } else {
            layer.handle(&action, self)
        };
        self.ui.layers.put_back(layer);
        match outcome {
            Outcome::Consumed => {}
            Outcome::PassDown => self.on_desk(action),
            Outcome::Close => self.ui.layers.close_top(),
            Outcome::Open(next) => self.ui.layers.open(next),
            Outcome::Push(next) => self.ui.layers.push(next),
            Outcome::Submit(work) => self.carry_out(work),
        }
    }

    /// Brings the top layer up to date with the desk (after every action).
    pub(super) fn refresh_top_layer(&mut self) {
        if let Some(mut layer) = self.ui.layers.pop() {
            layer.refresh(self);
            self.ui.layers.put_back(layer);
        }
    }

    /// Carries out a layer's work in order; a change refused stops it there.
    pub(super) fn carry_out(&mut self, work: Vec<Work>) {
        let mut applied = None;
        let mut contact = None;
        for w in work {
            match w {
                Work::Change(change) => match self.change(change) {
                    Some(a) => applied = Some(a),
                    None => return,
                },
                Work::Roster(change) => match self.change_roster(change) {
                    Some(id) => contact = Some(id),
                    None => return,
                },
                Work::Close => self.ui.layers.close_top(),
                Work::Open(layer) => self.ui.layers.open(layer),
                Work::Push(layer) => self.ui.layers.push(layer),
                Work::OpenChangedContact => {
                    if let Some(id) = contact.take() {
                        self.ui.layers.open(Box::new(CardState::new(id)));
                    }
                }
                Work::Say(level, text) => self.notify(level, text),
                Work::ShowOpened(msg, with) => {
                    if let Some(Applied::Opened(id)) = &applied {
                        let mut args: Vec<(&str, &str)> = vec![("id", &id.0)];
                        args.extend(with.iter().map(|(k, v)| (*k, v.as_str())));
                        let text = fill(self.lang(), msg, &args);
                        self.notify(NoticeLevel::Info, text);
                        self.ui.show_closed = false;
                        self.ui.focus = Pane::Incidents;
                        self.select(Some(id.clone()));
                    }
                }
                Work::ShowIncident(id) => {
                    self.ui.show_closed = false;
                    self.select(Some(id));
                }
                Work::FollowRoute => {
                    self.ui.focus = Pane::Contacts;
                    self.cursor_to_next_call();
                }
                Work::Filter(filter) => {
                    self.ui.history_filter = filter;
                    self.ui.selected = None;
                }
                Work::Copy(text) => self.effects.push(Effect::Copy(text)),
                Work::DropDraft => {
                    let _ = self.desk.save_draft(None);
                }
                Work::AcknowledgeFlow => {
                    let stamp = self.desk.stamp((), self.now, &self.operator.name);
                    if let Err(why) = self.desk.flow.acknowledge(stamp) {
                        self.notify(NoticeLevel::Error, why);
                        return;
                    }
                }
                Work::Quit => self.should_quit = true,
            }
        }
    }
}
