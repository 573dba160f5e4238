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
//! - UTF-8, with or without a BOM. Excel's plain "CSV" is Shift_JIS in Japan and is refused
//!   with the line where it stops being UTF-8; "CSV UTF-8" works.
//! - The first non-empty line names the columns, in any order; see [`Column::from_header`].
//!   A column not recognised is an error, so a typo never drops data silently.
//! - Every field is NFKC-normalised (full-width digits become ASCII, half-width ｶﾅ becomes
//!   カナ) and trimmed. A field starting with `'` followed by `=`, `+`, `-` or `@` loses the
//!   `'`: that is how [`export_csv`] protects cells from spreadsheet formulas.
//! - Empty lines, and lines whose fields are all empty (a spreadsheet's trailing `,,,,`),
//!   are skipped.
//! - Line numbers are physical lines of the file, the header being line 1; a row with a
//!   quoted line break spans two lines and is reported at the line where it starts.

use crate::i18n::Lang;
use crate::roster::check::{is_plausible_email, is_plausible_phone};
use crate::roster::{Contact, Phone, Roster};
use crate::text::{is_unsafe, normalize_input, safe_line};
use serde_json::Map;
use std::collections::{HashMap, HashSet};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

mod export;
mod merge;
mod parse;

pub use export::export_csv;
pub use merge::{MergeReport, fresh_id, merge};
pub use parse::parse_import;

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

    /// The column as a message names it.
    fn label(self, lang: Lang) -> String {
        match lang {
            Lang::En => self.key().to_string(),
            Lang::Ja => {
                let ja = match self {
                    Column::Name => "氏名",
                    Column::Kana => "フリガナ",
                    Column::Role => "役職",
                    Column::Team => "所属",
                    Column::Phone => "電話番号",
                    Column::Phone2 => "電話2",
                    Column::Email => "メールアドレス",
                    Column::Notes => "備考",
                };
                format!("{ja}({})", self.key())
            }
        }
    }
}

/// One good row of the file, normalised (NFKC) and trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
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
    /// A control character (line break, tab, escape, …) or bidi control inside a field. The
    /// first one of the field is named.
    UnsafeCharacter { column: Column, character: char },
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
    pub problem: RowProblem,
}

impl BadRow {
    /// The problem in one line, starting with its line number: "line 7: no phone and no
    /// email". Text from the file goes through [`safe_line`].
    pub fn message(&self, lang: Lang) -> String {
        let (en, ja) = self.problem_text();
        match lang {
            Lang::En => format!("line {}: {en}", self.line),
            Lang::Ja => format!("{}行目: {ja}", self.line),
        }
    }

    fn problem_text(&self) -> (String, String) {
        match &self.problem {
            RowProblem::MissingName => ("no name".to_string(), "氏名(name)が空です".to_string()),
            RowProblem::NoPhoneOrEmail => (
                "no phone and no email".to_string(),
                "電話番号もメールアドレスもありません".to_string(),
            ),
            RowProblem::BadPhone { column, number } => (
                format!(
                    "{} {} does not look like a phone number (6 to 15 digits)",
                    column.label(Lang::En),
                    q(number)
                ),
                format!(
                    "{}の{}は電話番号に見えません(6〜15桁の数字)",
                    column.label(Lang::Ja),
                    kq(number)
                ),
            ),
            RowProblem::BadEmail { email } => (
                format!("email {} does not look like an email address", q(email)),
                format!("メールアドレス{}はメールアドレスに見えません", kq(email)),
            ),
            RowProblem::FieldCount { expected, found } => (
                format!("{found} fields, but the header has {expected} columns"),
                format!("項目が{found}個ありますが、見出しは{expected}列です"),
            ),
            RowProblem::UnsafeCharacter { column, character } => (
                format!(
                    "{} contains {}; remove it",
                    column.label(Lang::En),
                    char_name(*character, Lang::En)
                ),
                format!(
                    "{}に{}が含まれています。取り除いてください",
                    column.label(Lang::Ja),
                    char_name(*character, Lang::Ja)
                ),
            ),
            RowProblem::Phone2WithoutPhone { number } => (
                format!(
                    "phone2 {} is given but phone is empty; move the number to phone",
                    q(number)
                ),
                format!(
                    "電話2(phone2)に{}がありますが電話番号(phone)が空です。電話番号の列に移してください",
                    kq(number)
                ),
            ),
            RowProblem::DuplicatePhone {
                name,
                number,
                first_line,
            } => (
                format!(
                    "{} with phone {} is already on line {first_line}",
                    q(name),
                    q(number)
                ),
                format!(
                    "{}(電話番号{})は{first_line}行目と重複しています",
                    kq(name),
                    kq(number)
                ),
            ),
            RowProblem::DuplicateEmail {
                name,
                email,
                first_line,
            } => (
                format!(
                    "{} with email {} is already on line {first_line}",
                    q(name),
                    q(email)
                ),
                format!(
                    "{}(メールアドレス{})は{first_line}行目と重複しています",
                    kq(name),
                    kq(email)
                ),
            ),
        }
    }
}

/// Why a file cannot be imported. Nothing is imported when there is any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvError {
    /// The file has no non-empty line, so no header.
    NoHeader,
    /// Not UTF-8 from this line on (most often a Shift_JIS file).
    InvalidUtf8 { line: usize },
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

impl CsvError {
    /// What is wrong, in plain words; for [`CsvError::Rows`], a first line then one line per
    /// problem. Text from the file goes through [`safe_line`].
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.text_en(),
            Lang::Ja => self.text_ja(),
        }
    }

    fn text_en(&self) -> String {
        match self {
            CsvError::NoHeader => format!(
                "The file is empty. Its first line must name the columns: {}.",
                known_columns()
            ),
            CsvError::InvalidUtf8 { line } => format!(
                "Line {line} is not UTF-8 text. Save the file as \"CSV UTF-8\" and import it again."
            ),
            CsvError::UnknownColumns { columns } => format!(
                "Unknown column(s): {}. Known columns: {}.",
                unknown_list(columns, Lang::En),
                known_columns()
            ),
            CsvError::DuplicateColumn {
                column,
                first,
                second,
            } => format!(
                "Columns {first} and {second} both mean \"{}\"; keep one of them.",
                column.key()
            ),
            CsvError::MissingNameColumn => {
                "The header has no \"name\" column; every contact needs a name.".to_string()
            }
            CsvError::Malformed { line, message } => {
                format!("Line {line} cannot be read as CSV: {}", safe_line(message))
            }
            CsvError::Rows(rows) => rows_message(rows, Lang::En),
        }
    }

    fn text_ja(&self) -> String {
        match self {
            CsvError::NoHeader => format!(
                "ファイルが空です。1行目に列名を書いてください: {}",
                known_columns()
            ),
            CsvError::InvalidUtf8 { line } => format!(
                "{line}行目がUTF-8ではありません。「CSV UTF-8」形式で保存してから取り込んでください。"
            ),
            CsvError::UnknownColumns { columns } => format!(
                "不明な列があります: {}。使える列名: {}、氏名、フリガナ、役職、所属、電話番号、電話2、メールアドレス、備考",
                unknown_list(columns, Lang::Ja),
                known_columns()
            ),
            CsvError::DuplicateColumn {
                column,
                first,
                second,
            } => format!(
                "{first}列目と{second}列目がどちらも「{}」です。どちらか一方にしてください。",
                column.label(Lang::Ja)
            ),
            CsvError::MissingNameColumn => {
                "見出しに氏名(name)の列がありません。連絡先には氏名が必要です。".to_string()
            }
            CsvError::Malformed { line, message } => {
                format!("{line}行目をCSVとして読めません: {}", safe_line(message))
            }
            CsvError::Rows(rows) => rows_message(rows, Lang::Ja),
        }
    }
}

fn rows_message(rows: &[BadRow], lang: Lang) -> String {
    let head = pick(
        lang,
        format!(
            "{} problem(s) in the file; nothing was taken from it. Fix them and import again:",
            rows.len()
        ),
        format!(
            "ファイルに{}件の問題があるため、何も取り込んでいません。直してから取り込み直してください:",
            rows.len()
        ),
    );
    std::iter::once(head)
        .chain(rows.iter().map(|r| r.message(lang)))
        .collect::<Vec<_>>()
        .join("\n")
}

fn unknown_list(columns: &[(usize, String)], lang: Lang) -> String {
    let items: Vec<String> = columns
        .iter()
        .map(|(n, h)| match lang {
            Lang::En if h.is_empty() => format!("(empty) in column {n}"),
            Lang::En => format!("{} in column {n}", q(h)),
            Lang::Ja if h.is_empty() => format!("{n}列目(空欄)"),
            Lang::Ja => format!("{n}列目{}", kq(h)),
        })
        .collect();
    items.join(match lang {
        Lang::En => ", ",
        Lang::Ja => "、",
    })
}

fn known_columns() -> String {
    Column::ALL.map(Column::key).join(", ")
}

/// A control character as a message names it.
fn char_name(c: char, lang: Lang) -> String {
    let code = format!("U+{:04X}", u32::from(c));
    match (lang, c) {
        (Lang::En, '\n' | '\r') => format!("a line break ({code})"),
        (Lang::En, '\t') => format!("a tab ({code})"),
        (Lang::En, _) => format!("a control character ({code})"),
        (Lang::Ja, '\n' | '\r') => format!("改行({code})"),
        (Lang::Ja, '\t') => format!("タブ({code})"),
        (Lang::Ja, _) => format!("制御文字({code})"),
    }
}

/// Text from the file quoted for an English message, made safe to show.
fn q(s: &str) -> String {
    format!("\"{}\"", safe_line(s))
}

/// Text from the file quoted for a Japanese message, made safe to show.
fn kq(s: &str) -> String {
    format!("「{}」", safe_line(s))
}

fn pick(lang: Lang, en: String, ja: String) -> String {
    match lang {
        Lang::En => en,
        Lang::Ja => ja,
    }
}

#[cfg(test)]
mod tests;
