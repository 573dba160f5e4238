//! The actions on contacts: search, the card, copying, adding, editing, deleting and
//! marking away.

use super::App;
use super::contacts::{CardState, Copied, SearchState};
use super::effects::{ClipboardMode, Effect};
use super::form_contact::{AvailabilityForm, ContactForm};
use super::ui_state::{NoticeLevel, Overlay};
use shiftdesk_core::i18n::{Msg, fill, t};
use shiftdesk_core::roster::change::{RosterApplied, RosterChange, routes_using};
use shiftdesk_core::text::safe_line;
use shiftdesk_store::outcome::Refusal;

impl App {
    /// Brings the search overlay's results up to date (after every action).
    pub(super) fn refresh_search(&mut self) {
        let generation = self.desk.search_generation();
        if let Some(Overlay::Search(search)) = &mut self.ui.overlay {
            search.refresh(self.desk.search(), generation);
        }
    }

    pub(super) fn open_search(&mut self) {
        self.ui.overlay = Some(Overlay::Search(Box::default()));
    }

    /// Enter on a search result: that contact's card, with the search kept to go back to.
    pub(super) fn open_card_from_search(&mut self, mut search: Box<SearchState>) {
        search.refresh(self.desk.search(), self.desk.search_generation());
        let Some(hit) = search.hits.get(search.cursor) else {
            self.ui.overlay = Some(Overlay::Search(search));
            return;
        };
        let contact = self.desk.roster().contacts[hit.contact].id.clone();
        self.ui.overlay = Some(Overlay::Card(Box::new(CardState {
            contact,
            copied: None,
            back: Some(search),
        })));
    }

    pub(super) fn open_card_from_route(&mut self) {
        let Some((_, contact)) = self.route_rows().get(self.ui.contact_cursor).cloned() else {
            return;
        };
        if self.desk.roster().contact(&contact).is_none() {
            return;
        }
        self.ui.overlay = Some(Overlay::Card(Box::new(CardState {
            contact,
            copied: None,
            back: None,
        })));
    }

    pub(super) fn move_search_cursor(&mut self, by: isize) {
        let len = match &self.ui.overlay {
            Some(Overlay::Search(s)) => s.hits.len(),
            _ => return,
        };
        if let Some(Overlay::Search(s)) = &mut self.ui.overlay {
            let last = len.saturating_sub(1) as isize;
            s.cursor = (s.cursor as isize).saturating_add(by).clamp(0, last.max(0)) as usize;
        }
    }

    /// Copies the card's primary phone or email, and says which on the card.
    pub(super) fn copy_from_card(&mut self, email: bool) {
        let Some(Overlay::Card(card)) = &self.ui.overlay else {
            return;
        };
        let Some(contact) = self.desk.roster().contact(&card.contact) else {
            return;
        };
        let copied = if email {
            (!contact.email.is_empty()).then(|| Copied::Email(contact.email.clone()))
        } else {
            contact
                .primary_phone()
                .map(|p| Copied::Phone(p.to_string()))
        };
        let Some(copied) = copied else {
            let text = t(self.lang(), Msg::MsgNothingToCopy).to_string();
            self.notify(NoticeLevel::Warning, text);
            return;
        };
        if self.clipboard == ClipboardMode::Off {
            let text = t(self.lang(), Msg::MsgCopyOff).to_string();
            self.notify(NoticeLevel::Warning, text);
            return;
        }
        let (Copied::Phone(text) | Copied::Email(text)) = &copied;
        self.effects.push(Effect::Copy(text.clone()));
        if let Some(Overlay::Card(card)) = &mut self.ui.overlay {
            card.copied = Some(copied);
        }
    }

    fn roster_locked(&mut self) -> bool {
        if let Some(why) = self.desk.roster_read_only() {
            let text = fill(self.lang(), Msg::MsgReadOnlyNoChange, &[("why", why)]);
            self.notify(NoticeLevel::Error, text);
            return true;
        }
        false
    }

    pub(super) fn new_contact(&mut self) {
        if !self.roster_locked() {
            self.ui.overlay = Some(Overlay::ContactForm(Box::new(ContactForm::new(None))));
        }
    }

    pub(super) fn edit_contact(&mut self) {
        let Some(Overlay::Card(card)) = &self.ui.overlay else {
            return;
        };
        let form = self
            .desk
            .roster()
            .contact(&card.contact)
            .map(|c| ContactForm::new(Some(c)));
        if let Some(form) = form
            && !self.roster_locked()
        {
            self.ui.overlay = Some(Overlay::ContactForm(Box::new(form)));
        }
    }

    /// Asks first, naming the routes the contact is on.
    pub(super) fn delete_contact(&mut self) {
        let Some(Overlay::Card(card)) = &self.ui.overlay else {
            return;
        };
        let contact = card.contact.clone();
        if self.roster_locked() {
            return;
        }
        let roster = self.desk.roster();
        let mut routes: Vec<String> = routes_using(roster, &contact)
            .into_iter()
            .map(|(r, k)| format!("{} L{}", roster.routes[r].id, k + 1))
            .collect();
        routes.dedup();
        self.ui.overlay = Some(Overlay::ConfirmDelete { contact, routes });
    }

    /// Away → back at once; available → the form for until when and why.
    pub(super) fn toggle_availability(&mut self) {
        let Some(Overlay::Card(card)) = &self.ui.overlay else {
            return;
        };
        let contact = card.contact.clone();
        if self.roster_locked() {
            return;
        }
        let away = self
            .desk
            .roster()
            .contact(&contact)
            .is_some_and(|c| c.is_unavailable_at(self.now));
        if away {
            let change = RosterChange::SetAvailability {
                contact,
                unavailable: None,
            };
            self.change_roster(change);
        } else {
            self.ui.overlay = Some(Overlay::Availability(Box::new(AvailabilityForm::new(
                &contact,
            ))));
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

    pub(super) fn submit_contact_form(&mut self, mut form: Box<ContactForm>) {
        let Some(fields) = form.validate() else {
            self.ui.overlay = Some(Overlay::ContactForm(form));
            return;
        };
        let change = match &form.editing {
            Some(id) => RosterChange::Edit {
                contact: id.clone(),
                fields,
            },
            None => RosterChange::add(self.desk.roster(), fields),
        };
        let unchanged_id = form.editing.clone();
        match self.change_roster(change).or(unchanged_id) {
            Some(contact) => {
                self.ui.overlay = Some(Overlay::Card(Box::new(CardState {
                    contact,
                    copied: None,
                    back: None,
                })));
            }
            None => self.ui.overlay = Some(Overlay::ContactForm(form)),
        }
    }

    pub(super) fn submit_availability(&mut self, mut form: Box<AvailabilityForm>) {
        let Some(unavailable) = form.validate(self.now, &self.operator.zone) else {
            self.ui.overlay = Some(Overlay::Availability(form));
            return;
        };
        let change = RosterChange::SetAvailability {
            contact: form.contact.clone(),
            unavailable: Some(unavailable),
        };
        self.change_roster(change);
        self.ui.overlay = Some(Overlay::Card(Box::new(CardState {
            contact: form.contact.clone(),
            copied: None,
            back: None,
        })));
    }

    pub(super) fn confirm_delete(&mut self, contact: String) {
        let name = self
            .desk
            .roster()
            .contact(&contact)
            .map(|c| safe_line(&c.name))
            .unwrap_or_default();
        if self
            .change_roster(RosterChange::Delete { contact })
            .is_some()
        {
            let text = fill(self.lang(), Msg::MsgContactDeleted, &[("name", &name)]);
            self.notify(NoticeLevel::Info, text);
        }
    }
}
