//! Merging checked rows into the roster, by name and phone.

use super::*;

/// What [`merge`] did. Names are as the rows give them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Names of the contacts added.
    pub added: Vec<String>,
    /// Names of the contacts updated, each with the fields that changed (`kana`, `role`,
    /// `team`, `phones`, `email`, `notes`).
    pub updated: Vec<(String, Vec<&'static str>)>,
    /// Rows that matched a contact and changed nothing.
    pub unchanged: usize,
}

/// Folds rows into the roster, in order. Never removes a contact.
///
/// A row matches a contact with the same name (after NFKC and trimming) and, when the row
/// has a phone, a phone whose digits equal those of the row's first phone; without a phone,
/// the same email (ignoring ASCII case). The first matching contact is updated:
/// every field the row gives non-empty replaces the contact's. Phones become the row's
/// phones, each keeping the label (and extra fields) of the contact's phone with the same
/// digits, or labelled [`PHONE_LABEL`] / [`PHONE2_LABEL`] by position when new; as a CSV has
/// only two phone columns, a contact's third and later phones are kept after them unless
/// the row names them. `id`, `name`, `sample`, `unavailable` and `extra` are never touched.
///
/// A row matching no contact becomes a new contact with a fresh id, unique in the roster:
/// the name in ASCII kebab case when it has ASCII letters ("Emily Brown" → `emily-brown`,
/// then `emily-brown-2`, … if taken), else `c-` and the smallest free number of 4 digits
/// (`c-0001`, `c-0002`, …). Labels [`PHONE_LABEL`] and [`PHONE2_LABEL`] go to its phones.
pub fn merge(roster: &mut Roster, rows: &[ImportRow]) -> MergeReport {
    let mut report = MergeReport::default();
    for row in rows {
        let found = roster.contacts.iter().position(|c| matches(c, row));
        match found.and_then(|i| roster.contacts.get_mut(i)) {
            Some(contact) => {
                let changed = update_contact(contact, row);
                if changed.is_empty() {
                    report.unchanged += 1;
                } else {
                    report.updated.push((row.name.clone(), changed));
                }
            }
            None => {
                let contact = new_contact(roster, row);
                report.added.push(contact.name.clone());
                roster.contacts.push(contact);
            }
        }
    }
    report
}

fn key_text(s: &str) -> String {
    normalize_input(s).trim().to_string()
}

/// The ASCII digits of a number, after NFKC.
pub(super) fn digits(number: &str) -> String {
    normalize_input(number)
        .chars()
        .filter(char::is_ascii_digit)
        .collect()
}

fn matches(contact: &Contact, row: &ImportRow) -> bool {
    if key_text(&contact.name) != key_text(&row.name) {
        return false;
    }
    match row.phones.first() {
        Some(first) => {
            let d = digits(first);
            !d.is_empty() && contact.phones.iter().any(|p| digits(&p.number) == d)
        }
        None => {
            let email = key_text(&row.email);
            !email.is_empty() && key_text(&contact.email).eq_ignore_ascii_case(&email)
        }
    }
}

/// Applies the row's non-empty fields; returns the names of the fields that changed.
fn update_contact(contact: &mut Contact, row: &ImportRow) -> Vec<&'static str> {
    let mut changed = Vec::new();
    set_text(&mut contact.kana, &row.kana, "kana", &mut changed);
    set_text(&mut contact.role, &row.role, "role", &mut changed);
    set_text(&mut contact.team, &row.team, "team", &mut changed);
    if !row.phones.is_empty() {
        let phones = merged_phones(&contact.phones, &row.phones);
        if phones != contact.phones {
            contact.phones = phones;
            changed.push("phones");
        }
    }
    set_text(&mut contact.email, &row.email, "email", &mut changed);
    set_text(&mut contact.notes, &row.notes, "notes", &mut changed);
    changed
}

fn set_text(field: &mut String, value: &str, key: &'static str, changed: &mut Vec<&'static str>) {
    if !value.is_empty() && field != value {
        *field = value.to_string();
        changed.push(key);
    }
}

/// The row's numbers, with the labels of the contact's phones of the same digits, then the
/// contact's third and later phones the row does not name.
fn merged_phones(existing: &[Phone], numbers: &[String]) -> Vec<Phone> {
    let mut out: Vec<Phone> = numbers
        .iter()
        .enumerate()
        .map(|(i, number)| {
            let d = digits(number);
            match existing.iter().find(|p| digits(&p.number) == d) {
                Some(p) => Phone {
                    number: number.clone(),
                    ..p.clone()
                },
                None => new_phone(i, number),
            }
        })
        .collect();
    let named: HashSet<String> = numbers.iter().map(|n| digits(n)).collect();
    out.extend(
        existing
            .iter()
            .skip(2)
            .filter(|p| !named.contains(&digits(&p.number)))
            .cloned(),
    );
    out
}

fn new_phone(index: usize, number: &str) -> Phone {
    let label = match index {
        0 => PHONE_LABEL,
        1 => PHONE2_LABEL,
        _ => "",
    };
    Phone {
        label: label.to_string(),
        number: number.to_string(),
        extra: Map::new(),
    }
}

fn new_contact(roster: &Roster, row: &ImportRow) -> Contact {
    Contact {
        id: fresh_id(roster, &row.name),
        name: row.name.clone(),
        kana: row.kana.clone(),
        role: row.role.clone(),
        team: row.team.clone(),
        phones: row
            .phones
            .iter()
            .enumerate()
            .map(|(i, n)| new_phone(i, n))
            .collect(),
        email: row.email.clone(),
        notes: row.notes.clone(),
        sample: false,
        unavailable: None,
        extra: Map::new(),
    }
}

/// A contact id no contact of the roster has: the name in ASCII kebab case when it has
/// ASCII letters ("Emily Brown" → `emily-brown`, "José Núñez" → `jose-nunez`, then
/// `emily-brown-2`, … if taken), else `c-` and a number of 4 digits or more, the smallest
/// free one (`c-0001`, `c-0002`, …).
pub fn fresh_id(roster: &Roster, name: &str) -> String {
    let taken: HashSet<&str> = roster.contacts.iter().map(|c| c.id.as_str()).collect();
    let base = kebab(name);
    let candidate = |n: usize| match (base.is_empty(), n) {
        (true, n) => format!("c-{n:04}"),
        (false, 1) => base.clone(),
        (false, n) => format!("{base}-{n}"),
    };
    let mut n = 1;
    while taken.contains(candidate(n).as_str()) {
        n += 1;
    }
    candidate(n)
}

/// Lower-case ASCII letters and digits of the name (accents dropped), runs joined by `-`;
/// empty when the name has no ASCII letter.
fn kebab(name: &str) -> String {
    let plain: String = name.nfkd().filter(|c| !is_combining_mark(*c)).collect();
    if !plain.chars().any(|c| c.is_ascii_alphabetic()) {
        return String::new();
    }
    plain
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|part| !part.is_empty())
        .map(str::to_ascii_lowercase)
        .collect::<Vec<_>>()
        .join("-")
}
