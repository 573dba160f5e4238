//! Merging checked rows into the roster, by name and phone.

use super::merge_report::{ContactUpdate, FieldChange, MergeReport, PhoneLine};
use super::*;

/// What a merge does with a matched contact's phones that the row does not list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhoneMerge {
    /// Kept, after the contact's phones; the report counts them.
    #[default]
    Keep,
    /// Dropped: the contact's phones become the row's, in the row's order; the report
    /// names each one dropped.
    Replace,
}

/// Folds rows into the roster, in order. Never removes a contact.
///
/// A row matches a contact with the same name (after NFKC and trimming) and, when the row
/// has a phone, a phone whose digits equal those of the row's first phone; without a phone,
/// the same email (ignoring ASCII case). The first matching contact is updated: every field
/// the row gives non-empty replaces the contact's (an empty cell never clears one). A phone
/// of the row with the digits of one of the contact's takes its place, written as the row
/// writes it, keeping its label (and extra fields); a new one is labelled [`PHONE_LABEL`] /
/// [`PHONE2_LABEL`] by its column. The contact's phones the row does not list are kept
/// after them, or dropped with [`PhoneMerge::Replace`]. Every change is reported with the
/// old and new value. `id`, `name`, `sample`, `unavailable` and `extra` are never touched.
///
/// A row matching no contact becomes a new contact with a fresh id, unique in the roster:
/// the name in ASCII kebab case when it has ASCII letters ("Emily Brown" → `emily-brown`,
/// then `emily-brown-2`, … if taken), else `c-` and the smallest free number of 4 digits
/// (`c-0001`, `c-0002`, …). Labels [`PHONE_LABEL`] and [`PHONE2_LABEL`] go to its phones.
pub fn merge(roster: &mut Roster, rows: &[ImportRow], phones: PhoneMerge) -> MergeReport {
    let mut report = MergeReport::default();
    for row in rows {
        let found = roster.contacts.iter().position(|c| matches(c, row));
        match found.and_then(|i| roster.contacts.get_mut(i)) {
            Some(contact) => {
                let (update, kept) = update_contact(contact, row, phones);
                report.kept_phones += kept;
                if update.changes.is_empty() {
                    report.unchanged += 1;
                } else {
                    report.updated.push(update);
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

/// Applies the row's non-empty fields and its phones; what changed, and how many phones
/// the row does not list were kept.
fn update_contact(
    contact: &mut Contact,
    row: &ImportRow,
    mode: PhoneMerge,
) -> (ContactUpdate, usize) {
    let mut update = ContactUpdate {
        name: row.name.clone(),
        changes: Vec::new(),
        dropped: Vec::new(),
    };
    let changes = &mut update.changes;
    set_text(&mut contact.kana, &row.kana, Column::Kana, changes);
    set_text(&mut contact.role, &row.role, Column::Role, changes);
    set_text(&mut contact.team, &row.team, Column::Team, changes);
    let merged = merged_phones(&contact.phones, &row.phones);
    let phones = match mode {
        PhoneMerge::Keep => merged.keep,
        PhoneMerge::Replace => {
            update.dropped = merged.left_out.iter().map(PhoneLine::of).collect();
            merged.replace
        }
    };
    let kept = match mode {
        PhoneMerge::Keep => merged.left_out.len(),
        PhoneMerge::Replace => 0,
    };
    if phones != contact.phones {
        update.changes.push(FieldChange::Phones {
            old: contact.phones.iter().map(PhoneLine::of).collect(),
            new: phones.iter().map(PhoneLine::of).collect(),
        });
        contact.phones = phones;
    }
    set_text(
        &mut contact.email,
        &row.email,
        Column::Email,
        &mut update.changes,
    );
    set_text(
        &mut contact.notes,
        &row.notes,
        Column::Notes,
        &mut update.changes,
    );
    (update, kept)
}

fn set_text(field: &mut String, value: &str, column: Column, changes: &mut Vec<FieldChange>) {
    if !value.is_empty() && field != value {
        changes.push(FieldChange::Text {
            column,
            old: std::mem::replace(field, value.to_string()),
            new: value.to_string(),
        });
    }
}

/// A contact's phones with a row's numbers merged, both ways.
struct MergedPhones {
    /// The contact's phones in their order (written as the row writes those it lists), then
    /// the row's new numbers.
    keep: Vec<Phone>,
    /// The row's numbers in the row's order, each keeping the label of the contact's phone
    /// with the same digits.
    replace: Vec<Phone>,
    /// The contact's phones the row does not list.
    left_out: Vec<Phone>,
}

/// A row that lists no phone leaves the phones as they are, whatever the mode: it matched
/// by email, and says nothing about numbers.
fn merged_phones(existing: &[Phone], numbers: &[String]) -> MergedPhones {
    if numbers.is_empty() {
        return MergedPhones {
            keep: existing.to_vec(),
            replace: existing.to_vec(),
            left_out: Vec::new(),
        };
    }
    let listed = |p: &Phone| numbers.iter().position(|n| digits(n) == digits(&p.number));
    let rewritten = |p: &Phone| match listed(p) {
        Some(i) => Phone {
            number: numbers[i].clone(),
            ..p.clone()
        },
        None => p.clone(),
    };
    let replace: Vec<Phone> = numbers
        .iter()
        .enumerate()
        .map(|(i, number)| {
            let d = digits(number);
            match existing.iter().find(|p| digits(&p.number) == d) {
                Some(p) => rewritten(p),
                None => new_phone(i, number),
            }
        })
        .collect();
    let new = replace
        .iter()
        .filter(|p| {
            !existing
                .iter()
                .any(|e| digits(&e.number) == digits(&p.number))
        })
        .cloned();
    MergedPhones {
        keep: existing.iter().map(rewritten).chain(new).collect(),
        replace,
        left_out: existing
            .iter()
            .filter(|p| listed(p).is_none())
            .cloned()
            .collect(),
    }
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
