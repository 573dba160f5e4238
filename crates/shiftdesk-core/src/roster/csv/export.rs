//! The roster as CSV, safe to open in a spreadsheet.

use super::*;
use crate::text::safe_block;

/// The contacts as CSV, one row per contact under the header
/// `name,kana,role,team,phone,phone2,email,notes`, lines ending in LF, fields quoted where
/// the csv crate finds it needed. [`parse_import`] reads it back to the same contacts.
///
/// Made safe for spreadsheets: control characters go through [`safe_line`] (line breaks and
/// tabs become spaces) — except in notes, which keep their line breaks (as LF, in a quoted
/// cell, as a spreadsheet writes Alt+Enter) through [`safe_block`] — and a cell starting with `=`, `+`, `-` or `@` gets a leading `'`
/// so that no spreadsheet runs it as a formula. Phone numbers starting with `+` that are
/// plausible ([`is_plausible_phone`]: only digits, spaces, `-`, `.`, `(`, `)`) are left as
/// they are: they cannot call anything, and `+81 …` is how international numbers are
/// written. (A spreadsheet may still show `+81-90-…` as arithmetic; import the file with the
/// phone columns as text.) Only the first two phones are written; a third and later ones
/// are not in the CSV, and [`merge`] keeps them when the file comes back.
pub fn export_csv(roster: &Roster) -> String {
    export_csv_with(roster, Separator::Comma)
}

/// As [`export_csv`], with fields separated by `separator` (a TAB for the layout of a
/// spreadsheet's "Unicode text").
pub fn export_csv_with(roster: &Roster, separator: Separator) -> String {
    // Writing to a Vec cannot fail, and every field is a &str, so the text is UTF-8.
    write_csv(roster, separator).unwrap_or_default()
}

fn write_csv(roster: &Roster, separator: Separator) -> Option<String> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(separator.byte())
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    writer.write_record(Column::ALL.map(Column::key)).ok()?;
    for contact in &roster.contacts {
        writer.write_record(export_record(contact)).ok()?;
    }
    String::from_utf8(writer.into_inner().ok()?).ok()
}

fn export_record(c: &Contact) -> [String; 8] {
    let phone = |i: usize| {
        c.phones
            .get(i)
            .map_or(String::new(), |p| phone_cell(&p.number))
    };
    [
        cell(&c.name),
        cell(&c.kana),
        cell(&c.role),
        cell(&c.team),
        phone(0),
        phone(1),
        cell(&c.email),
        notes_cell(&c.notes),
    ]
}

/// One line, with a `'` before anything a spreadsheet would take for a formula.
fn cell(value: &str) -> String {
    protected(safe_line(value))
}

/// Like [`cell`], keeping line breaks.
fn notes_cell(notes: &str) -> String {
    protected(safe_block(notes))
}

/// Safe text with a `'` before anything a spreadsheet would take for a formula.
fn protected(text: String) -> String {
    if starts_like_formula(normalize_input(&text).trim_start()) {
        format!("'{text}")
    } else {
        text
    }
}

/// Like [`cell`], but a plausible number starting with `+` stays as it is.
fn phone_cell(number: &str) -> String {
    let line = safe_line(number);
    if line.trim_start().starts_with('+') && is_plausible_phone(&line) {
        line
    } else {
        cell(&line)
    }
}

pub(super) fn starts_like_formula(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@'])
}
