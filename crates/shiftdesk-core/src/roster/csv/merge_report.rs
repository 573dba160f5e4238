//! What a merge changed, field by field, old → new, and how it reads.

use super::Column;
use crate::i18n::{Lang, Msg, fill, phone_label, t};
use crate::roster::Phone;
use crate::text::safe_line;

/// What [`merge`](super::merge) did. Names are as the rows give them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Names of the contacts added.
    pub added: Vec<String>,
    /// The contacts updated, each with what changed.
    pub updated: Vec<ContactUpdate>,
    /// Rows that matched a contact and changed nothing.
    pub unchanged: usize,
    /// Phones of matched contacts that their rows do not list, kept
    /// ([`PhoneMerge::Keep`](super::PhoneMerge::Keep)).
    pub kept_phones: usize,
}

/// One contact's changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactUpdate {
    pub name: String,
    /// In the order of the columns: kana, role, team, phones, email, notes.
    pub changes: Vec<FieldChange>,
    /// Phones dropped because the row does not list them
    /// ([`PhoneMerge::Replace`](super::PhoneMerge::Replace)); they are in the phones'
    /// change too.
    pub dropped: Vec<PhoneLine>,
}

/// A field's old and new value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldChange {
    Text {
        column: Column,
        old: String,
        new: String,
    },
    /// The whole list of phones, as it was and as it is.
    Phones {
        old: Vec<PhoneLine>,
        new: Vec<PhoneLine>,
    },
}

/// A phone as a report shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneLine {
    pub label: String,
    pub number: String,
}

impl PhoneLine {
    pub fn of(phone: &Phone) -> PhoneLine {
        PhoneLine {
            label: phone.label.clone(),
            number: phone.number.clone(),
        }
    }

    fn text(&self, lang: Lang) -> String {
        let number = safe_line(&self.number);
        match phone_label(lang, &self.label) {
            label if label.trim().is_empty() => number,
            label => format!("{label} {number}"),
        }
    }
}

impl MergeReport {
    /// The report in lines, as `roster import` prints it: each contact added, each updated
    /// with its changes (`  role: old → new`) and the phones dropped, then the counts.
    /// Text from the file goes through [`safe_line`].
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        let mut out = Vec::new();
        for name in &self.added {
            out.push(fill(lang, Msg::ImportAdded, &[("name", &safe_line(name))]));
        }
        for update in &self.updated {
            out.push(fill(
                lang,
                Msg::ImportUpdated,
                &[("name", &safe_line(&update.name))],
            ));
            out.extend(update.changes.iter().map(|c| c.line(lang)));
            out.extend(
                update
                    .dropped
                    .iter()
                    .map(|p| fill(lang, Msg::ImportPhoneDropped, &[("phone", &p.text(lang))])),
            );
        }
        out.push(fill(
            lang,
            Msg::ImportSummary,
            &[
                ("added", &self.added.len().to_string()),
                ("updated", &self.updated.len().to_string()),
                ("unchanged", &self.unchanged.to_string()),
            ],
        ));
        if self.kept_phones > 0 {
            out.push(fill(
                lang,
                Msg::ImportPhonesKept,
                &[("n", &self.kept_phones.to_string())],
            ));
        }
        out
    }
}

impl FieldChange {
    /// `  role: old → new`, an empty value written as such.
    fn line(&self, lang: Lang) -> String {
        let value = |s: &str| {
            if s.trim().is_empty() {
                t(lang, Msg::ImportEmptyValue).to_string()
            } else {
                safe_line(s)
            }
        };
        let phones = |list: &[PhoneLine]| {
            let items: Vec<String> = list.iter().map(|p| p.text(lang)).collect();
            value(&items.join(t(lang, Msg::CsvListSeparator)))
        };
        let (field, old, new) = match self {
            FieldChange::Text { column, old, new } => (column.label(lang), value(old), value(new)),
            FieldChange::Phones { old, new } => (
                t(lang, Msg::ImportPhonesField).to_string(),
                phones(old),
                phones(new),
            ),
        };
        fill(
            lang,
            Msg::ImportFieldChange,
            &[("field", &field), ("old", &old), ("new", &new)],
        )
    }
}
