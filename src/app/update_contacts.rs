//! The desk's actions on contacts: the search, a card from the route, a new contact, and
//! roster changes run through the desk.

use super::App;
use super::layers::card::{CardState, roster_locked};
use super::layers::contact_form::ContactForm;
use super::layers::search::SearchState;
use super::ui_state::NoticeLevel;
use shiftdesk_core::i18n::{Msg, fill, t};
use shiftdesk_core::roster::change::{RosterApplied, RosterChange};
use shiftdesk_store::outcome::Refusal;

impl App {
    pub(super) fn open_search(&mut self) {
        self.ui.layers.open(Box::<SearchState>::default());
    }

    pub(super) fn open_card_from_route(&mut self) {
        let Some((_, contact)) = self.route_rows().get(self.ui.contact_cursor).cloned() else {
            return;
        };
        if self.desk.roster().contact(&contact).is_none() {
            return;
        }
        self.ui.layers.open(Box::new(CardState::new(contact)));
    }

    pub(super) fn new_contact(&mut self) {
        match roster_locked(self) {
            Some(said) => self.carry_out(vec![said]),
            None => self.ui.layers.open(Box::new(ContactForm::new(None))),
        }
    }

    /// Runs a roster change through the desk; the contact it concerns, when it went in.
    pub(super) fn change_roster(&mut self, change: RosterChange) -> Option<String> {
        let stamped = self.desk.stamp(change, self.now, &self.operator.name);
        let lang = self.lang();
        let outcome = self
            .desk
            .submit_roster(stamped)
            .map_err(|e| e.message(lang));
        self.report_save(&outcome);
        match outcome.result {
            Ok(a) => match a {
                RosterApplied::Added(id) | RosterApplied::Changed(id) => {
                    let text = t(self.lang(), Msg::MsgRosterSaved).to_string();
                    self.notify(NoticeLevel::Info, text);
                    Some(id)
                }
                RosterApplied::Imported(_) | RosterApplied::Unchanged => None,
            },
            Err(Refusal::Refused(text)) => {
                self.notify(NoticeLevel::Error, text);
                None
            }
            Err(Refusal::ReadOnly(why)) => {
                let text = fill(self.lang(), Msg::MsgReadOnlyNoChange, &[("why", &why)]);
                self.notify(NoticeLevel::Error, text);
                None
            }
        }
    }
}
