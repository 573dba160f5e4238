//! Contacts to and from CSV, for teams that keep their roster in a spreadsheet.
//!
//! [`parse_import`] reads a CSV file's bytes and checks every row before returning anything:
//! either every row is good and all are returned, or every problem is reported with its line
//! number ([`CsvError::Rows`]). [`merge`] then folds the rows into a roster, adding and
//! updating contacts but never removing one. [`export_csv`] writes the contacts back out, in
//! a form that [`parse_import`] reads again unchanged.
//!
//! Nothing here reads or writes a file: bytes in, data or text out.
//!
//! # The file
//!
//! - UTF-8 with or without a BOM, UTF-16 with a BOM (Excel's "Unicode text"), or
//!   Shift_JIS as Windows writes it (CP932, Excel's plain "CSV" in Japan); fields separated
//!   by commas or, when the header has more tabs than commas, by tabs. See [`decode`]: bytes
//!   that are none of these are refused with the line and byte where reading broke, never
//!   imported garbled.
//! - The first non-empty line names the columns, in any order; see [`Column::from_header`].
//!   A column not recognised is an error, so a typo never drops data silently.
//! - Every field is NFKC-normalised (full-width digits become ASCII, half-width ｶﾅ becomes
//!   カナ) and trimmed. A field starting with `'` followed by `=`, `+`, `-` or `@` loses the
//!   `'`: that is how [`export_csv`] protects cells from spreadsheet formulas. In a phone
//!   number, dashes of other kinds (`ー`, `‐`, `−`, `―`…) become `-`.
//! - A quoted field may hold line breaks (Alt+Enter in a spreadsheet's cell): kept in notes,
//!   as LF; in any other column an error.
//! - Empty lines, and lines whose fields are all empty (a spreadsheet's trailing `,,,,`),
//!   are skipped.
//! - Line numbers are physical lines of the file, the header being line 1; a row with a
//!   quoted line break spans several lines and is reported at the line where it starts.

use crate::roster::check::{is_plausible_email, is_plausible_phone};
use crate::roster::{Contact, Phone, Roster};
use crate::text::{is_unsafe, normalize_input, safe_line};
use serde_json::Map;
use std::collections::{HashMap, HashSet};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

mod decode;
mod export;
mod merge;
mod merge_report;
mod parse;
mod words;

pub use decode::{DecodedCsv, FileFormat, Separator, TextEncoding, decode};
pub use export::{export_csv, export_csv_with};
pub use merge::{PhoneMerge, fresh_id, merge};
pub use merge_report::{ContactUpdate, FieldChange, MergeReport, PhoneLine};
pub use parse::{CsvImport, parse_decoded, parse_import};

/// Label given to a new contact's number from the `phone` column.
pub const PHONE_LABEL: &str = "mobile";
/// Label given to a new contact's number from the `phone2` column.
pub const PHONE2_LABEL: &str = "office";

/// A column of the CSV file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Name,
    Kana,
    Role,
    Team,
    Phone,
    Phone2,
    Email,
    Notes,
}

impl Column {
    /// Every column, in the order [`export_csv`] writes them.
    pub const ALL: [Column; 8] = [
        Column::Name,
        Column::Kana,
        Column::Role,
        Column::Team,
        Column::Phone,
        Column::Phone2,
        Column::Email,
        Column::Notes,
    ];

    /// The English header, as [`export_csv`] writes it.
    pub fn key(self) -> &'static str {
        match self {
            Column::Name => "name",
            Column::Kana => "kana",
            Column::Role => "role",
            Column::Team => "team",
            Column::Phone => "phone",
            Column::Phone2 => "phone2",
            Column::Email => "email",
            Column::Notes => "notes",
        }
    }

    /// The column a header names: after NFKC, trimming and lower-casing, one of the English
    /// keys or 氏名/名前, フリガナ/ふりがな/よみ/読み/カナ, 役割/役職, チーム/所属/部署,
    /// 電話/電話番号/電話1, 電話2, メール/メールアドレス/Eメール, 備考/メモ.
    pub fn from_header(header: &str) -> Option<Column> {
        let h = normalize_input(header).trim().to_lowercase();
        let column = match h.as_str() {
            "name" | "氏名" | "名前" => Column::Name,
            "kana" | "フリガナ" | "ふりがな" | "よみ" | "読み" | "カナ" => {
                Column::Kana
            }
            "role" | "役割" | "役職" => Column::Role,
            "team" | "チーム" | "所属" | "部署" => Column::Team,
            "phone" | "電話" | "電話番号" | "電話1" => Column::Phone,
            "phone2" | "電話2" => Column::Phone2,
            "email" | "メール" | "メールアドレス" | "eメール" => Column::Email,
            "notes" | "備考" | "メモ" => Column::Notes,
            _ => return None,
        };
        Some(column)
    }
}

/// One good row of the file, normalised (NFKC) and trimmed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ImportRow {
    /// Physical line of the file where the row starts (the header is line 1).
    pub line: usize,
    pub name: String,
    pub kana: String,
    pub role: String,
    pub team: String,
    /// `phone` then `phone2`, the non-empty ones. A row never has `phone2` without `phone`,
    /// so the first is always the `phone` column.
    pub phones: Vec<String>,
    pub email: String,
    pub notes: String,
}

/// Why a row cannot be imported. Text from the file is kept as written (after NFKC and
/// trimming); [`BadRow::message`] makes it safe to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    /// The name is empty.
    MissingName,
    /// Neither a phone number nor an email address.
    NoPhoneOrEmail,
    /// A phone number that is not 6 to 15 digits.
    BadPhone { column: Column, number: String },
    /// An email address that does not look like one.
    BadEmail { email: String },
    /// More or fewer fields than the header has columns. Nothing else is checked on such a
    /// row, as its fields may have shifted.
    FieldCount { expected: usize, found: usize },
    /// A control character (tab, escape, …) or bidi control inside a field. The first one
    /// of the field is named. (A line break is [`RowProblem::LineBreak`].)
    UnsafeCharacter { column: Column, character: char },
    /// A line break (a quoted cell written with Alt+Enter) in a column other than notes.
    LineBreak { column: Column },
    /// `phone2` is given but `phone` is empty.
    Phone2WithoutPhone { number: String },
    /// The same name and phone number (compared by digits) as an earlier row.
    DuplicatePhone {
        name: String,
        number: String,
        first_line: usize,
    },
    /// The same name and email address (ignoring ASCII case) as an earlier row, both rows
    /// without a phone number.
    DuplicateEmail {
        name: String,
        email: String,
        first_line: usize,
    },
}

/// A problem with one row. A row with several problems gives one `BadRow` for each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    /// Physical line of the file where the row starts (the header is line 1).
    pub line: usize,
    /// Physical line where the row ends: past `line` when a quoted field holds line breaks.
    pub last_line: usize,
    pub problem: RowProblem,
}

/// Why a file cannot be imported. Nothing is imported when there is any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvError {
    /// The file has no non-empty line, so no header.
    NoHeader,
    /// Without a BOM, neither UTF-8 nor CP932: reading broke on this line, at this byte
    /// offset of the file (from 0).
    NotText { line: usize, byte: usize },
    /// The BOM names an encoding the bytes do not follow from this line and byte offset on.
    BadEncoding {
        encoding: TextEncoding,
        line: usize,
        byte: usize,
    },
    /// A NUL byte, which no CSV text holds: most often UTF-16 saved without its BOM.
    NulByte { line: usize, byte: usize },
    /// A CP932 user-defined character (外字): no standard character, shown by nobody else's
    /// font; the first one is named.
    UserDefinedCharacter { line: usize, character: char },
    /// Header names not recognised: (column number from 1, header as written).
    UnknownColumns { columns: Vec<(usize, String)> },
    /// Two headers naming the same column (for example 電話 and 電話番号); column numbers
    /// from 1.
    DuplicateColumn {
        column: Column,
        first: usize,
        second: usize,
    },
    /// No `name` column.
    MissingNameColumn,
    /// The CSV reader gave up (kept for completeness: reading bytes from memory with rows of
    /// any length does not fail in practice).
    Malformed { line: usize, message: String },
    /// Rows with problems, every one of them, in file order.
    Rows(Vec<BadRow>),
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_encodings;
#[cfg(test)]
mod tests_merge;
