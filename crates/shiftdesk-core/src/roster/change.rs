//! Every lasting change to the roster, as data, so it can be applied again to a fresher
//! roster written by another desk or by the team lead.

use crate::apply::Apply;
use crate::change::Stamped;
use crate::i18n::{Lang, Msg, fill};
use crate::roster::csv::{Column, ImportRow, MergeReport, PhoneMerge, fresh_id, merge};
use crate::roster::{Contact, Phone, Roster, Unavailable};
use crate::text::safe_line;
use serde_json::Map;

/// The fields the contact form edits. The first two phones are the form's; any further
/// phones a contact has are kept as they are.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ContactFields {
    pub name: String,
    pub kana: String,
    pub role: String,
    pub team: String,
    pub phone: String,
    pub phone2: String,
    pub email: String,
    pub notes: String,
}

impl ContactFields {
    pub fn of(c: &Contact) -> ContactFields {
        let phone = |i: usize| {
            c.phones
                .get(i)
                .map(|p| p.number.clone())
                .unwrap_or_default()
        };
        ContactFields {
            name: c.name.clone(),
            kana: c.kana.clone(),
            role: c.role.clone(),
            team: c.team.clone(),
            phone: phone(0),
            phone2: phone(1),
            email: c.email.clone(),
            notes: c.notes.clone(),
        }
    }

    /// One field, as the CSV column of the same name holds it.
    pub fn field(&self, column: Column) -> &str {
        match column {
            Column::Name => &self.name,
            Column::Kana => &self.kana,
            Column::Role => &self.role,
            Column::Team => &self.team,
            Column::Phone => &self.phone,
            Column::Phone2 => &self.phone2,
            Column::Email => &self.email,
            Column::Notes => &self.notes,
        }
    }

    pub fn field_mut(&mut self, column: Column) -> &mut String {
        match column {
            Column::Name => &mut self.name,
            Column::Kana => &mut self.kana,
            Column::Role => &mut self.role,
            Column::Team => &mut self.team,
            Column::Phone => &mut self.phone,
            Column::Phone2 => &mut self.phone2,
            Column::Email => &mut self.email,
            Column::Notes => &mut self.notes,
        }
    }

    /// Writes the fields into a contact, keeping its ids, labels, flags and unknown fields.
    fn write_into(&self, c: &mut Contact) {
        c.name = self.name.clone();
        c.kana = self.kana.clone();
        c.role = self.role.clone();
        c.team = self.team.clone();
        c.email = self.email.clone();
        c.notes = self.notes.clone();
        let rest: Vec<Phone> = c.phones.iter().skip(2).cloned().collect();
        let mut phones = Vec::new();
        for (i, (number, label)) in [(&self.phone, "mobile"), (&self.phone2, "office")]
            .into_iter()
            .enumerate()
        {
            if number.trim().is_empty() {
                continue;
            }
            let mut p = c.phones.get(i).cloned().unwrap_or(Phone {
                label: label.to_string(),
                number: String::new(),
                extra: Map::new(),
            });
            p.number = number.clone();
            phones.push(p);
        }
        phones.extend(rest);
        c.phones = phones;
    }
}

/// Serialised tagged by `type` (snake_case), like [`crate::change::Change`].
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum RosterChange {
    /// A new contact, with the id [`RosterChange::add`] chose for it when it was made (not
    /// when applied, so that applying it again finds it).
    Add {
        contact: String,
        fields: ContactFields,
    },
    Edit {
        contact: String,
        fields: ContactFields,
    },
    /// Removes the contact, and takes it off every route level it was on.
    Delete { contact: String },
    /// Marks the contact away (until a time, or until cleared), or back (None).
    SetAvailability {
        contact: String,
        #[serde(default)]
        unavailable: Option<Unavailable>,
    },
    /// Rows of a CSV file, already checked, merged by name and phone; the phones a row does
    /// not list kept or dropped as `phones` says.
    Import {
        rows: Vec<ImportRow>,
        #[serde(default)]
        phones: PhoneMerge,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RosterApplied {
    Added(String),
    Changed(String),
    Imported(MergeReport),
    Unchanged,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RosterError {
    NoSuchContact(String),
}

impl RosterError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            RosterError::NoSuchContact(id) => {
                fill(lang, Msg::ErrNoSuchContact, &[("id", &safe_line(id))])
            }
        }
    }
}

/// Which routes a contact is on, as (route index, level index) pairs.
pub fn routes_using(roster: &Roster, contact: &str) -> Vec<(usize, usize)> {
    roster
        .routes
        .iter()
        .enumerate()
        .flat_map(|(r, route)| {
            route
                .levels
                .iter()
                .enumerate()
                .filter(|(_, l)| l.contacts.iter().any(|c| c == contact))
                .map(move |(k, _)| (r, k))
        })
        .collect()
}

impl RosterChange {
    /// Adds a contact: its id is made from the name, unique in `roster`.
    pub fn add(roster: &Roster, fields: ContactFields) -> RosterChange {
        RosterChange::Add {
            contact: fresh_id(roster, &fields.name),
            fields,
        }
    }

    /// The contacts (their ids) the change touches: last writer wins per contact across
    /// desks. None for an import, which does not travel ([`RosterChange::travelling`]).
    pub fn contacts(&self) -> Vec<&str> {
        match self {
            RosterChange::Add { contact, .. }
            | RosterChange::Edit { contact, .. }
            | RosterChange::Delete { contact }
            | RosterChange::SetAvailability { contact, .. } => vec![contact.as_str()],
            RosterChange::Import { .. } => Vec::new(),
        }
    }

    /// The changes that travel to other desks for this one, made to `before`: itself, or
    /// for an import, an Add for each contact it added and an Edit for each it changed (in
    /// the roster's order), as applying it to `before` does.
    pub fn travelling(&self, before: &Roster) -> Vec<RosterChange> {
        if !matches!(self, RosterChange::Import { .. }) {
            return vec![self.clone()];
        }
        let mut after = before.clone();
        if self.apply(&mut after).is_err() {
            return Vec::new();
        }
        after
            .contacts
            .iter()
            .filter_map(|c| {
                let fields = ContactFields::of(c);
                let contact = c.id.clone();
                match before.contact(&c.id) {
                    None => Some(RosterChange::Add { contact, fields }),
                    Some(old) if ContactFields::of(old) != fields => {
                        Some(RosterChange::Edit { contact, fields })
                    }
                    Some(_) => None,
                }
            })
            .collect()
    }
}

/// `id` is `wanted`, or an id given in its place when that one was taken (`wanted-2`, …).
fn in_place_of(id: &str, wanted: &str) -> bool {
    id.strip_prefix(wanted).is_some_and(|rest| {
        rest.is_empty()
            || rest
                .strip_prefix('-')
                .is_some_and(|n| n.parse::<u32>().is_ok())
    })
}

fn find<'r>(roster: &'r mut Roster, id: &str) -> Result<&'r mut Contact, RosterError> {
    roster
        .contacts
        .iter_mut()
        .find(|c| c.id == id)
        .ok_or_else(|| RosterError::NoSuchContact(id.to_string()))
}

impl Apply<Roster> for RosterChange {
    type Out = RosterApplied;
    type Err = RosterError;

    fn apply(&self, roster: &mut Roster) -> Result<RosterApplied, RosterError> {
        match self {
            RosterChange::Add { contact, fields } => {
                let mut added = Contact::with_id(contact);
                fields.write_into(&mut added);
                // Applied already: the contact is there, under its id or one in its place.
                let fields = ContactFields::of(&added);
                if roster
                    .contacts
                    .iter()
                    .any(|c| in_place_of(&c.id, contact) && ContactFields::of(c) == fields)
                {
                    return Ok(RosterApplied::Unchanged);
                }
                // Someone else took the id since (another desk, the team lead): another one.
                if roster.contact(contact).is_some() {
                    added.id = fresh_id(roster, &added.name);
                }
                let id = added.id.clone();
                roster.contacts.push(added);
                Ok(RosterApplied::Added(id))
            }
            RosterChange::Edit { contact, fields } => {
                let c = find(roster, contact)?;
                if ContactFields::of(c) == *fields {
                    return Ok(RosterApplied::Unchanged);
                }
                fields.write_into(c);
                Ok(RosterApplied::Changed(contact.clone()))
            }
            RosterChange::Delete { contact } => {
                let before = roster.contacts.len();
                roster.contacts.retain(|c| &c.id != contact);
                if roster.contacts.len() == before {
                    return Err(RosterError::NoSuchContact(contact.clone()));
                }
                for route in &mut roster.routes {
                    for level in &mut route.levels {
                        level.contacts.retain(|c| c != contact);
                    }
                }
                Ok(RosterApplied::Changed(contact.clone()))
            }
            RosterChange::SetAvailability {
                contact,
                unavailable,
            } => {
                let c = find(roster, contact)?;
                if c.unavailable == *unavailable {
                    return Ok(RosterApplied::Unchanged);
                }
                c.unavailable = unavailable.clone();
                Ok(RosterApplied::Changed(contact.clone()))
            }
            RosterChange::Import { rows, phones } => {
                let report = merge(roster, rows, *phones);
                if report.added.is_empty() && report.updated.is_empty() {
                    return Ok(RosterApplied::Unchanged);
                }
                Ok(RosterApplied::Imported(report))
            }
        }
    }

    fn changed(out: &RosterApplied) -> bool {
        !matches!(out, RosterApplied::Unchanged)
    }
}

/// A roster change in its envelope. The roster is the team's file, edited by hand too, and
/// keeps no record of changes: applying one again is idempotent by what it does (an added
/// contact is found, an edit or a mark finds itself in place, a removed contact is gone).
impl Apply<Roster> for Stamped<RosterChange> {
    type Out = RosterApplied;
    type Err = RosterError;

    fn apply(&self, roster: &mut Roster) -> Result<RosterApplied, RosterError> {
        self.change.apply(roster)
    }

    fn changed(out: &RosterApplied) -> bool {
        RosterChange::changed(out)
    }

    fn at(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        Some(self.at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roster() -> Roster {
        serde_json::from_value(serde_json::json!({
            "schema_version": 1,
            "contacts": [
                {"id": "sato", "name": "佐藤 花子", "phones": [
                    {"label": "mobile", "number": "090-0000-1101", "speed_dial": 2},
                    {"label": "office", "number": "03-0000-1101"},
                    {"label": "home", "number": "03-0000-1102"}],
                 "badge": "A-17"},
                {"id": "emily-brown", "name": "Emily Brown", "email": "emily@example.com"}
            ],
            "routes": [{"id": "default", "min_severity": 4, "levels": [
                {"contacts": ["sato", "emily-brown"], "means": "phone",
                 "report_within_minutes": 15, "escalate_after_minutes": 5},
                {"contacts": ["sato"], "means": "phone",
                 "report_within_minutes": 15, "escalate_after_minutes": 5}]}]
        }))
        .unwrap()
    }

    #[test]
    fn editing_keeps_labels_extra_phones_and_unknown_fields() {
        let mut r = roster();
        let mut fields = ContactFields::of(&r.contacts[0]);
        fields.phone = "090-0000-9999".into();
        fields.role = "課長".into();
        let change = RosterChange::Edit {
            contact: "sato".into(),
            fields: fields.clone(),
        };
        assert_eq!(
            change.apply(&mut r),
            Ok(RosterApplied::Changed("sato".into()))
        );
        let c = &r.contacts[0];
        assert_eq!(c.phones[0].number, "090-0000-9999");
        assert_eq!(c.phones[0].extra["speed_dial"], 2);
        assert_eq!(c.phones.len(), 3, "the third phone is kept");
        assert_eq!(c.extra["badge"], "A-17");
        assert_eq!(c.role, "課長");
        assert_eq!(change.apply(&mut r), Ok(RosterApplied::Unchanged));
    }

    #[test]
    fn deleting_takes_the_contact_off_every_route() {
        let mut r = roster();
        assert_eq!(routes_using(&r, "sato"), vec![(0, 0), (0, 1)]);
        let change = RosterChange::Delete {
            contact: "sato".into(),
        };
        change.apply(&mut r).unwrap();
        assert!(r.contact("sato").is_none());
        assert_eq!(r.routes[0].levels[0].contacts, vec!["emily-brown"]);
        assert!(r.routes[0].levels[1].contacts.is_empty());
        assert_eq!(
            change.apply(&mut r),
            Err(RosterError::NoSuchContact("sato".into()))
        );
    }

    #[test]
    fn adding_and_marking_away() {
        let mut r = roster();
        let fields = ContactFields {
            name: "Kato Jun".into(),
            phone: "080-0000-2222".into(),
            ..Default::default()
        };
        let add = RosterChange::add(&r, fields);
        let added = add.apply(&mut r).unwrap();
        assert_eq!(added, RosterApplied::Added("kato-jun".into()));
        assert_eq!(add.apply(&mut r), Ok(RosterApplied::Unchanged));
        assert_eq!(r.contact("kato-jun").unwrap().phones[0].label, "mobile");
        let away = RosterChange::SetAvailability {
            contact: "kato-jun".into(),
            unavailable: Some(Unavailable {
                until: None,
                reason: "leave".into(),
                extra: Map::new(),
            }),
        };
        away.apply(&mut r).unwrap();
        assert!(r.contact("kato-jun").unwrap().unavailable.is_some());
    }

    #[test]
    fn a_contact_added_again_is_found_even_under_another_id() {
        let mut r = roster();
        let fields = |phone: &str| ContactFields {
            name: "Kato Jun".into(),
            phone: phone.into(),
            ..Default::default()
        };
        let mine = RosterChange::add(&r, fields("080-0000-2222"));
        // Another desk added another Kato Jun first: this one gets the next id, once.
        RosterChange::add(&r, fields("080-0000-3333"))
            .apply(&mut r)
            .unwrap();
        assert_eq!(
            mine.apply(&mut r),
            Ok(RosterApplied::Added("kato-jun-2".into()))
        );
        let once = r.clone();
        assert_eq!(mine.apply(&mut r), Ok(RosterApplied::Unchanged));
        assert_eq!(r, once);
    }

    #[test]
    fn an_import_travels_as_the_changes_it_made_per_contact() {
        let r = roster();
        let row = |name: &str, role: &str, phones: &[&str]| ImportRow {
            line: 2,
            name: name.into(),
            kana: String::new(),
            role: role.into(),
            team: String::new(),
            phones: phones.iter().map(|p| p.to_string()).collect(),
            email: String::new(),
            notes: String::new(),
        };
        let import = RosterChange::Import {
            rows: vec![
                row("佐藤 花子", "課長", &["090-0000-1101", "03-0000-1101"]),
                row("Kato Jun", "", &["080-0000-2222"]),
            ],
            phones: PhoneMerge::Keep,
        };
        assert!(import.contacts().is_empty());
        let travelling = import.travelling(&r);
        let touched: Vec<&str> = travelling.iter().flat_map(|c| c.contacts()).collect();
        assert_eq!(touched, vec!["sato", "kato-jun"], "{travelling:?}");
        assert!(
            matches!(&travelling[0], RosterChange::Edit { fields, .. } if fields.role == "課長")
        );
        assert!(matches!(&travelling[1], RosterChange::Add { .. }));
        // Applied on another desk, they make the roster the import made here.
        let mut here = r.clone();
        import.apply(&mut here).unwrap();
        let mut there = r.clone();
        for change in &travelling {
            change.apply(&mut there).unwrap();
        }
        assert_eq!(there, here);
        let note = RosterChange::Delete {
            contact: "sato".into(),
        };
        assert_eq!(note.travelling(&r), vec![note.clone()]);
        assert_eq!(note.contacts(), vec!["sato"]);
    }

    #[test]
    fn an_import_applied_again_changes_nothing() {
        let r = roster();
        let row = |name: &str, phones: &[&str]| ImportRow {
            line: 2,
            name: name.into(),
            kana: String::new(),
            role: "課長".into(),
            team: String::new(),
            phones: phones.iter().map(|p| p.to_string()).collect(),
            email: String::new(),
            notes: String::new(),
        };
        for phones in [PhoneMerge::Keep, PhoneMerge::Replace] {
            let mut r = r.clone();
            let import = RosterChange::Import {
                rows: vec![
                    row("佐藤 花子", &["090-0000-1101", "03-0000-1101"]),
                    row("Kato Jun", &["080-0000-2222"]),
                ],
                phones,
            };
            assert!(matches!(
                import.apply(&mut r),
                Ok(RosterApplied::Imported(_))
            ));
            let once = r.clone();
            assert_eq!(import.apply(&mut r), Ok(RosterApplied::Unchanged));
            assert_eq!(r, once);
        }
    }
}
