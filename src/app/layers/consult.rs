//! A consultation: who was consulted — picked from the roster with the contact search's own
//! matching (a name without its space, the kana reading, digits of a phone), or anyone, as
//! typed — and what they advised.

use crate::app::App;
use crate::app::action::Action;
use crate::app::drafts::form_draft;
use crate::app::fields::Fields;
use crate::app::key_table::When;
use crate::app::layer::{Layer, Outcome};
use crate::ui::form_parts::{FormRow, Row, draw_form, text_row};
use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use shiftdesk_core::IncidentId;
use shiftdesk_core::change::Change;
use shiftdesk_core::draft::{Draft, DraftKind};
use shiftdesk_core::i18n::{Msg, t};
use shiftdesk_core::roster::Contact;
use shiftdesk_core::text::{has_content, normalize_input, safe_line};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsultField {
    Who,
    Advice,
}

/// The fields, by the names a draft keeps them under.
const NAMES: [(ConsultField, &str); 2] =
    [(ConsultField::Who, "who"), (ConsultField::Advice, "advice")];

/// Roster matches shown under the name, best first.
const PICKS: usize = 3;

pub struct ConsultForm {
    pub incident: IncidentId,
    pub fields: Fields<ConsultField>,
    pub error: Option<Msg>,
    /// The roster's best matches for the name typed (indices into the roster).
    pub matches: Vec<usize>,
    /// The contact picked among them (by id); None keeps the name as typed.
    pub picked: Option<String>,
    /// The name and roster the matches are for.
    searched: Option<(String, u64)>,
}

impl ConsultForm {
    pub fn new(incident: IncidentId) -> ConsultForm {
        ConsultForm {
            incident,
            fields: Fields::new(vec![
                (ConsultField::Who, "", false),
                (ConsultField::Advice, "", true),
            ]),
            error: None,
            matches: Vec::new(),
            picked: None,
            searched: None,
        }
    }

    /// The form a kept draft came from, with its text and the contact picked.
    pub fn from_draft(d: &Draft) -> Option<ConsultForm> {
        let mut form = ConsultForm::new(d.incident.clone()?);
        form.fields.restore_all(&NAMES, d);
        form.picked = Some(d.field("_contact").to_string()).filter(|c| !c.is_empty());
        Some(form)
    }

    pub fn validate(&mut self) -> Option<(String, String)> {
        let who = self.fields.text(ConsultField::Who);
        let advice = self.fields.text(ConsultField::Advice);
        for (field, text) in [(ConsultField::Who, &who), (ConsultField::Advice, &advice)] {
            if !has_content(text) {
                self.error = Some(Msg::ErrRequired);
                self.fields.set_focus(field);
                return None;
            }
        }
        self.error = None;
        Some((who, advice))
    }

    /// ↓ / ↑ on the name: the next or previous match picked; up from the first, none.
    fn move_pick(&mut self, app: &App, down: bool) {
        let ids: Vec<&str> = self
            .matches
            .iter()
            .filter_map(|&i| app.desk.roster().contacts.get(i))
            .map(|c| c.id.as_str())
            .collect();
        let at = self
            .picked
            .as_deref()
            .and_then(|p| ids.iter().position(|id| *id == p));
        let to = match (at, down) {
            (None, true) => Some(0),
            (Some(i), true) => Some((i + 1).min(ids.len().saturating_sub(1))),
            (Some(0) | None, false) => None,
            (Some(i), false) => Some(i - 1),
        };
        self.picked = to.and_then(|i| ids.get(i)).map(|id| id.to_string());
    }

    /// The contact picked, as the roster has it now.
    fn picked_contact<'a>(&self, app: &'a App) -> Option<&'a Contact> {
        app.desk.roster().contact(self.picked.as_deref()?)
    }
}

/// The roster contact a name given by the operator means: by id, or by name as written.
fn contact_named(app: &App, who: &str) -> Option<String> {
    let who = normalize_input(who);
    app.desk
        .roster()
        .contacts
        .iter()
        .find(|c| c.id == who || normalize_input(&c.name) == who)
        .map(|c| c.id.clone())
}

/// A match as its line shows it: name, role, first phone.
fn match_line(c: &Contact) -> String {
    let mut parts = vec![c.name.as_str()];
    parts.extend(Some(c.role.as_str()).filter(|r| !r.trim().is_empty()));
    parts.extend(c.primary_phone());
    safe_line(&parts.join(" · "))
}

impl Layer for ConsultForm {
    fn keys(&self) -> &'static [When] {
        &[When::Form]
    }

    fn handle(&mut self, action: &Action, app: &App) -> Outcome {
        let on_name = self.fields.focus() == Some(ConsultField::Who);
        match action {
            Action::Input(key) if on_name && matches!(key.code, KeyCode::Down | KeyCode::Up) => {
                self.move_pick(app, key.code == KeyCode::Down)
            }
            Action::Input(key) => self.fields.input(*key),
            Action::Paste(text) => self.fields.paste(text),
            Action::NewLine => self.fields.new_line(),
            Action::FieldNext => self.fields.cycle(1),
            Action::FieldPrev => self.fields.cycle(-1),
            Action::Submit => {
                let Some((typed, advice)) = self.validate() else {
                    return Outcome::Consumed;
                };
                let (contact, who) = match self.picked_contact(app) {
                    Some(c) => (Some(c.id.clone()), c.name.clone()),
                    None => (contact_named(app, &typed), typed),
                };
                let change = Change::Consult {
                    incident: self.incident.clone(),
                    contact,
                    who,
                    advice,
                };
                return super::record(change, app);
            }
            _ => return Outcome::PassDown,
        }
        Outcome::Consumed
    }

    /// The roster's matches for the name as typed, by the contact search (`/`).
    fn refresh(&mut self, app: &App) {
        let query = self.fields.text(ConsultField::Who);
        let key = (query, app.desk.search_generation());
        if self.searched.as_ref() == Some(&key) {
            return;
        }
        self.matches = if key.0.trim().is_empty() {
            Vec::new()
        } else {
            let hits = app.desk.search().search(&key.0);
            hits.iter().take(PICKS).map(|h| h.contact).collect()
        };
        let roster = &app.desk.roster().contacts;
        let still_there = |id: &String| {
            self.matches
                .iter()
                .any(|&i| roster.get(i).is_some_and(|c| &c.id == id))
        };
        self.picked = self.picked.take().filter(still_there);
        self.searched = Some(key);
    }

    fn draft(&self, now: DateTime<Utc>) -> Option<Draft> {
        let mut fields = self.fields.drafted(&NAMES);
        fields.push(("_contact", self.picked.clone().unwrap_or_default()));
        self.fields
            .changed()
            .then(|| form_draft(DraftKind::Consultation, Some(&self.incident), fields, now))
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App) {
        let form = self;
        let focus = form.fields.focus();
        let lang = app.lang();
        let who = form.fields.text(ConsultField::Who);
        let roster = &app.desk.roster().contacts;
        let matches: Vec<&Contact> = form.matches.iter().filter_map(|&i| roster.get(i)).collect();
        let picked = form
            .picked
            .as_deref()
            .and_then(|p| matches.iter().position(|c| c.id == p));
        // What becomes of the name: a roster contact, or kept as typed.
        let who_note = if who.is_empty() {
            None
        } else if picked.is_some() || contact_named(app, &who).is_some() {
            Some((Msg::InRoster, false))
        } else if !matches.is_empty() {
            Some((Msg::PickHint, false))
        } else {
            Some((Msg::NotInRosterHint, false))
        };
        let error = form.error.map(|m| (m, true));
        let picks = (!matches.is_empty()).then(|| FormRow {
            label: Msg::FieldRosterPicks,
            content: Row::Picks(matches.iter().map(|c| match_line(c)).collect(), picked),
            focused: false,
            below: None,
            height: matches.len() as u16,
        });
        let rows: Vec<FormRow> = [
            text_row(
                Msg::FieldWho,
                form.fields.get(ConsultField::Who),
                focus == Some(ConsultField::Who),
                error
                    .filter(|_| focus == Some(ConsultField::Who))
                    .or(who_note),
                1,
            ),
            picks,
            text_row(
                Msg::FieldAdvice,
                form.fields.get(ConsultField::Advice),
                focus == Some(ConsultField::Advice),
                error.filter(|_| focus == Some(ConsultField::Advice)),
                5,
            ),
        ]
        .into_iter()
        .flatten()
        .collect();
        draw_form(
            frame,
            area,
            app,
            t(lang, Msg::ConsultTitle),
            &rows,
            Msg::FormHintNoChoice,
        );
    }
}
