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

use super::roster::{Contact, Phone, Roster};
use super::roster_check::{is_plausible_email, is_plausible_phone};
use super::text::{is_unsafe, normalize_input, safe_line};
use crate::i18n::Lang;
use serde_json::Map;
use std::collections::{HashMap, HashSet};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

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

/// Reads a CSV file's bytes into rows, checking every row first; see the module docs for
/// the format. Either all rows are good and returned in file order, or the error says
/// everything that is wrong.
pub fn parse_import(bytes: &[u8]) -> Result<Vec<ImportRow>, CsvError> {
    let bytes = bytes.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(bytes);
    let lines = LineIndex::new(bytes);
    if let Err(e) = std::str::from_utf8(bytes) {
        return Err(CsvError::InvalidUtf8 {
            line: lines.line_at(e.valid_up_to()),
        });
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut records = reader.byte_records().map(|r| decode(r, &lines));
    let columns = loop {
        match records.next() {
            None => return Err(CsvError::NoHeader),
            Some(record) => {
                let (_, fields) = record?;
                if !is_blank(&fields) {
                    break parse_header(&fields)?;
                }
            }
        }
    };
    let mut rows = Vec::new();
    let mut bad = Vec::new();
    let mut seen = Seen::default();
    for record in records {
        let (line, fields) = record?;
        if is_blank(&fields) {
            continue;
        }
        match check_row(line, &columns, &fields, &mut seen) {
            Ok(row) => rows.push(row),
            Err(problems) => {
                bad.extend(problems.into_iter().map(|problem| BadRow { line, problem }))
            }
        }
    }
    if bad.is_empty() {
        Ok(rows)
    } else {
        Err(CsvError::Rows(bad))
    }
}

/// Where the physical lines of the file start. A line ends with LF, CR LF or a lone CR.
///
/// The csv crate's `Position::line()` is where the reader stood before a record: before the
/// blank lines it skipped, and with CR LF endings before the LF of the previous line. So a
/// record's line is found from the byte where its content starts instead.
struct LineIndex<'a> {
    bytes: &'a [u8],
    /// Byte offset of the start of every line after the first.
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        let starts = bytes
            .iter()
            .enumerate()
            .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
            .map(|(i, _)| i + 1)
            .collect();
        LineIndex { bytes, starts }
    }

    /// The line (from 1) holding the byte at this offset.
    fn line_at(&self, byte: usize) -> usize {
        self.starts.partition_point(|&start| start <= byte) + 1
    }

    /// The line where a record read from this position starts: past the line breaks of the
    /// blank lines the reader skips.
    fn record_line(&self, position: &csv::Position) -> usize {
        let from = usize::try_from(position.byte()).unwrap_or(usize::MAX);
        let skipped = self
            .bytes
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
        self.line_at(from.saturating_add(skipped))
    }
}

/// A record's line and its fields, NFKC-normalised and trimmed. (The bytes were checked to
/// be UTF-8 already; the check here only keeps the error path total.)
fn decode(
    record: Result<csv::ByteRecord, csv::Error>,
    lines: &LineIndex,
) -> Result<(usize, Vec<String>), CsvError> {
    let record = record.map_err(|e| CsvError::Malformed {
        line: e.position().map_or(0, |p| lines.record_line(p)),
        message: e.to_string(),
    })?;
    let line = record.position().map_or(0, |p| lines.record_line(p));
    let fields = record
        .iter()
        .map(|raw| match std::str::from_utf8(raw) {
            Ok(s) => Ok(clean_field(s)),
            Err(_) => Err(CsvError::InvalidUtf8 { line }),
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok((line, fields))
}

/// NFKC, trimmed, without the `'` that protects a formula-like cell.
fn clean_field(raw: &str) -> String {
    let s = normalize_input(raw);
    let s = s.trim();
    match s.strip_prefix('\'') {
        Some(rest) if starts_like_formula(rest.trim_start()) => rest.trim_start().to_string(),
        _ => s.to_string(),
    }
}

fn is_blank(fields: &[String]) -> bool {
    fields.iter().all(String::is_empty)
}

fn parse_header(fields: &[String]) -> Result<Vec<Column>, CsvError> {
    let mut columns = Vec::with_capacity(fields.len());
    let mut unknown = Vec::new();
    for (i, header) in fields.iter().enumerate() {
        match Column::from_header(header) {
            Some(c) => columns.push(c),
            None => unknown.push((i + 1, header.clone())),
        }
    }
    if !unknown.is_empty() {
        return Err(CsvError::UnknownColumns { columns: unknown });
    }
    for (second, column) in columns.iter().enumerate() {
        if let Some(first) = columns[..second].iter().position(|c| c == column) {
            return Err(CsvError::DuplicateColumn {
                column: *column,
                first: first + 1,
                second: second + 1,
            });
        }
    }
    if !columns.contains(&Column::Name) {
        return Err(CsvError::MissingNameColumn);
    }
    Ok(columns)
}

/// Earlier rows by name and phone digits, and by name and email for rows without a phone.
#[derive(Default)]
struct Seen {
    phones: HashMap<(String, String), usize>,
    emails: HashMap<(String, String), usize>,
}

/// Checks one record against the header; the row, or all its problems.
fn check_row(
    line: usize,
    columns: &[Column],
    fields: &[String],
    seen: &mut Seen,
) -> Result<ImportRow, Vec<RowProblem>> {
    if fields.len() != columns.len() {
        return Err(vec![RowProblem::FieldCount {
            expected: columns.len(),
            found: fields.len(),
        }]);
    }
    let (row, phone2_only) = build_row(line, columns, fields);
    let mut problems = unsafe_characters(columns, fields);
    let unsafe_columns: HashSet<Column> = problems
        .iter()
        .filter_map(|p| match p {
            RowProblem::UnsafeCharacter { column, .. } => Some(*column),
            _ => None,
        })
        .collect();
    check_values(&row, phone2_only, &unsafe_columns, &mut problems);
    check_duplicates(&row, seen, &mut problems);
    if problems.is_empty() {
        Ok(row)
    } else {
        Err(problems)
    }
}

/// The row as the fields give it, and the `phone2` number when `phone` is empty.
fn build_row(line: usize, columns: &[Column], fields: &[String]) -> (ImportRow, Option<String>) {
    let mut row = ImportRow {
        line,
        name: String::new(),
        kana: String::new(),
        role: String::new(),
        team: String::new(),
        phones: Vec::new(),
        email: String::new(),
        notes: String::new(),
    };
    let (mut phone, mut phone2) = (String::new(), String::new());
    for (column, value) in columns.iter().zip(fields) {
        let slot = match column {
            Column::Name => &mut row.name,
            Column::Kana => &mut row.kana,
            Column::Role => &mut row.role,
            Column::Team => &mut row.team,
            Column::Phone => &mut phone,
            Column::Phone2 => &mut phone2,
            Column::Email => &mut row.email,
            Column::Notes => &mut row.notes,
        };
        slot.clone_from(value);
    }
    let phone2_only = (phone.is_empty() && !phone2.is_empty()).then(|| phone2.clone());
    row.phones = [phone, phone2]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
    (row, phone2_only)
}

/// The first control or bidi character of each field that has one.
fn unsafe_characters(columns: &[Column], fields: &[String]) -> Vec<RowProblem> {
    columns
        .iter()
        .zip(fields)
        .filter_map(|(column, value)| {
            value
                .chars()
                .find(|c| is_unsafe(*c))
                .map(|character| RowProblem::UnsafeCharacter {
                    column: *column,
                    character,
                })
        })
        .collect()
}

/// Name, means of contact, and plausibility of numbers and address (fields holding an
/// unsafe character are already reported and not checked again).
fn check_values(
    row: &ImportRow,
    phone2_only: Option<String>,
    unsafe_columns: &HashSet<Column>,
    problems: &mut Vec<RowProblem>,
) {
    if row.name.is_empty() {
        problems.push(RowProblem::MissingName);
    }
    if let Some(number) = phone2_only {
        problems.push(RowProblem::Phone2WithoutPhone { number });
    } else {
        check_phones(row, unsafe_columns, problems);
    }
    if !row.email.is_empty()
        && !unsafe_columns.contains(&Column::Email)
        && !is_plausible_email(&row.email)
    {
        problems.push(RowProblem::BadEmail {
            email: row.email.clone(),
        });
    }
}

/// At least one means of contact, and plausible phone numbers (`phone` first, then `phone2`).
fn check_phones(row: &ImportRow, unsafe_columns: &HashSet<Column>, problems: &mut Vec<RowProblem>) {
    if row.phones.is_empty() && row.email.is_empty() {
        problems.push(RowProblem::NoPhoneOrEmail);
    }
    let phone_columns = [Column::Phone, Column::Phone2];
    for (column, number) in phone_columns.into_iter().zip(&row.phones) {
        if !unsafe_columns.contains(&column) && !is_plausible_phone(number) {
            problems.push(RowProblem::BadPhone {
                column,
                number: number.clone(),
            });
        }
    }
}

/// The same name with a phone number of an earlier row, or (both without phones) with its
/// email address.
fn check_duplicates(row: &ImportRow, seen: &mut Seen, problems: &mut Vec<RowProblem>) {
    if row.name.is_empty() {
        return;
    }
    for number in &row.phones {
        let d = digits(number);
        if d.is_empty() {
            continue;
        }
        let first = *seen.phones.entry((row.name.clone(), d)).or_insert(row.line);
        if first != row.line {
            problems.push(RowProblem::DuplicatePhone {
                name: row.name.clone(),
                number: number.clone(),
                first_line: first,
            });
        }
    }
    if row.phones.is_empty() && !row.email.is_empty() {
        let key = (row.name.clone(), row.email.to_ascii_lowercase());
        let first = *seen.emails.entry(key).or_insert(row.line);
        if first != row.line {
            problems.push(RowProblem::DuplicateEmail {
                name: row.name.clone(),
                email: row.email.clone(),
                first_line: first,
            });
        }
    }
}

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
fn digits(number: &str) -> String {
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

/// The contacts as CSV, one row per contact under the header
/// `name,kana,role,team,phone,phone2,email,notes`, lines ending in LF, fields quoted where
/// the csv crate finds it needed. [`parse_import`] reads it back to the same contacts.
///
/// Made safe for spreadsheets: control characters go through [`safe_line`] (line breaks and
/// tabs become spaces), and a cell starting with `=`, `+`, `-` or `@` gets a leading `'`
/// so that no spreadsheet runs it as a formula. Phone numbers starting with `+` that are
/// plausible ([`is_plausible_phone`]: only digits, spaces, `-`, `.`, `(`, `)`) are left as
/// they are: they cannot call anything, and `+81 …` is how international numbers are
/// written. (A spreadsheet may still show `+81-90-…` as arithmetic; import the file with the
/// phone columns as text.) Only the first two phones are written; a third and later ones
/// are not in the CSV, and [`merge`] keeps them when the file comes back.
pub fn export_csv(roster: &Roster) -> String {
    // Writing to a Vec cannot fail, and every field is a &str, so the text is UTF-8.
    write_csv(roster).unwrap_or_default()
}

fn write_csv(roster: &Roster) -> Option<String> {
    let mut writer = csv::WriterBuilder::new()
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
        cell(&c.notes),
    ]
}

/// One line, with a `'` before anything a spreadsheet would take for a formula.
fn cell(value: &str) -> String {
    let line = safe_line(value);
    if starts_like_formula(normalize_input(&line).trim_start()) {
        format!("'{line}")
    } else {
        line
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

fn starts_like_formula(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@'])
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
mod tests {
    use super::*;

    const GOOD: &[u8] = include_bytes!("../../tests/fixtures/csv/good.csv");
    const BOM_JAPANESE: &[u8] = include_bytes!("../../tests/fixtures/csv/bom_japanese.csv");
    const BAD_ROWS: &[u8] = include_bytes!("../../tests/fixtures/csv/bad_rows.csv");

    fn rows(bytes: &[u8]) -> Vec<ImportRow> {
        match parse_import(bytes) {
            Ok(rows) => rows,
            Err(e) => panic!("{}", e.message(Lang::En)),
        }
    }

    fn bad_rows(bytes: &[u8]) -> Vec<BadRow> {
        match parse_import(bytes) {
            Err(CsvError::Rows(bad)) => bad,
            other => panic!("expected bad rows, got {other:?}"),
        }
    }

    fn phone(label: &str, number: &str) -> Phone {
        Phone {
            label: label.into(),
            number: number.into(),
            extra: Map::new(),
        }
    }

    fn contact(id: &str, name: &str, phones: Vec<Phone>) -> Contact {
        Contact {
            id: id.into(),
            name: name.into(),
            kana: String::new(),
            role: String::new(),
            team: String::new(),
            phones,
            email: String::new(),
            notes: String::new(),
            sample: false,
            unavailable: None,
            extra: Map::new(),
        }
    }

    fn roster(contacts: Vec<Contact>) -> Roster {
        Roster {
            contacts,
            ..Roster::default()
        }
    }

    #[test]
    fn good_file_gives_every_row_with_its_line() {
        let rows = rows(GOOD);
        assert_eq!(rows.len(), 4);
        assert_eq!(
            rows.iter().map(|r| r.line).collect::<Vec<_>>(),
            [2, 3, 4, 5]
        );
        assert_eq!(rows[0].name, "佐藤 花子");
        assert_eq!(rows[0].phones, ["090-0000-1101", "03-0000-1101"]);
        assert_eq!(rows[1].notes, "Prefers chat, then phone");
        assert_eq!(rows[1].phones, ["+81 90 0000 3101"]);
        assert_eq!(rows[3].phones, Vec::<String>::new());
        assert_eq!(rows[3].email, "night.desk@example.com");
    }

    #[test]
    fn bom_and_japanese_headers_in_any_order() {
        let rows = rows(BOM_JAPANESE);
        assert_eq!(rows.len(), 2);
        let r = &rows[0];
        assert_eq!(r.line, 2);
        assert_eq!(r.name, "高橋 誠");
        assert_eq!(r.kana, "タカハシ マコト", "half-width kana made full-width");
        assert_eq!(r.role, "運用課長");
        assert_eq!(r.team, "運用部");
        assert_eq!(
            r.phones,
            ["090-0000-1201", "03-0000-1201"],
            "full-width digits"
        );
        assert_eq!(r.email, "makoto.takahashi@example.jp");
        assert_eq!(r.notes, "夜間も可");
        assert_eq!(rows[1].phones, ["080-0000-2101"]);
    }

    #[test]
    fn every_header_spelling_is_recognised() {
        let spellings = [
            ("Name", Column::Name),
            (" 名前 ", Column::Name),
            ("ふりがな", Column::Kana),
            ("よみ", Column::Kana),
            ("読み", Column::Kana),
            ("ｶﾅ", Column::Kana),
            ("役割", Column::Role),
            ("チーム", Column::Team),
            ("部署", Column::Team),
            ("電話", Column::Phone),
            ("電話１", Column::Phone),
            ("PHONE2", Column::Phone2),
            ("メール", Column::Email),
            ("Ｅメール", Column::Email),
            ("メモ", Column::Notes),
        ];
        for (header, column) in spellings {
            assert_eq!(Column::from_header(header), Some(column), "{header}");
        }
        assert_eq!(Column::from_header("nmae"), None);
    }

    #[test]
    fn bad_rows_are_all_reported_with_their_lines() {
        let bad = bad_rows(BAD_ROWS);
        let got: Vec<(usize, RowProblem)> = bad.into_iter().map(|b| (b.line, b.problem)).collect();
        let expected = vec![
            (4, RowProblem::MissingName),
            (5, RowProblem::NoPhoneOrEmail),
            (
                6,
                RowProblem::BadPhone {
                    column: Column::Phone,
                    number: "12-34".into(),
                },
            ),
            (
                7,
                RowProblem::BadEmail {
                    email: "kenta.example.com".into(),
                },
            ),
            (
                8,
                RowProblem::FieldCount {
                    expected: 8,
                    found: 4,
                },
            ),
            (
                9,
                RowProblem::UnsafeCharacter {
                    column: Column::Notes,
                    character: '\n',
                },
            ),
            (
                11,
                RowProblem::Phone2WithoutPhone {
                    number: "03-0000-1196".into(),
                },
            ),
            (
                12,
                RowProblem::DuplicatePhone {
                    name: "佐藤 花子".into(),
                    number: "090-0000-1101".into(),
                    first_line: 2,
                },
            ),
            (
                14,
                RowProblem::DuplicateEmail {
                    name: "No Phone".into(),
                    email: "NP@example.com".into(),
                    first_line: 13,
                },
            ),
        ];
        assert_eq!(got, expected);
    }

    #[test]
    fn bad_row_messages_in_both_languages() {
        let bad = bad_rows(BAD_ROWS);
        assert_eq!(bad[1].message(Lang::En), "line 5: no phone and no email");
        assert_eq!(
            bad[1].message(Lang::Ja),
            "5行目: 電話番号もメールアドレスもありません"
        );
        assert!(bad[5].message(Lang::En).contains("a line break (U+000A)"));
        let all = CsvError::Rows(bad).message(Lang::Ja);
        assert_eq!(all.lines().count(), 10, "{all}");
        assert!(all.contains("12行目: 「佐藤 花子」(電話番号「090-0000-1101」)は2行目と重複"));
    }

    #[test]
    fn messages_never_carry_control_characters() {
        let csv = "name,phone\n\"Evil\u{1b}]0;x\u{7}\",+81 90 0000 0001\nOK,\u{202E}12\n";
        let bad = bad_rows(csv.as_bytes());
        assert_eq!(bad.len(), 2);
        for lang in [Lang::En, Lang::Ja] {
            let text = CsvError::Rows(bad.clone()).message(lang);
            assert!(!text.lines().any(|l| l.chars().any(is_unsafe)), "{text:?}");
        }
    }

    #[test]
    fn row_with_several_problems_reports_each() {
        let bad = bad_rows(b"name,phone,email\n,12,bad\n");
        let problems: Vec<_> = bad.iter().map(|b| (b.line, &b.problem)).collect();
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems.iter().all(|(line, _)| *line == 2));
    }

    #[test]
    fn unknown_columns_are_named() {
        let err = parse_import(b"name,phnoe,phone,\nSato,1,090-0000-0001,\n");
        let Err(CsvError::UnknownColumns { columns }) = err else {
            panic!("{err:?}");
        };
        assert_eq!(columns, [(2, "phnoe".to_string()), (4, String::new())]);
        let msg = CsvError::UnknownColumns { columns }.message(Lang::En);
        assert!(msg.contains("\"phnoe\" in column 2"), "{msg}");
    }

    #[test]
    fn header_errors() {
        assert_eq!(parse_import(b""), Err(CsvError::NoHeader));
        assert_eq!(parse_import(b"\xef\xbb\xbf\n\n"), Err(CsvError::NoHeader));
        assert_eq!(
            parse_import(b"phone,email\n"),
            Err(CsvError::MissingNameColumn)
        );
        assert_eq!(
            parse_import("氏名,電話,電話番号\n".as_bytes()),
            Err(CsvError::DuplicateColumn {
                column: Column::Phone,
                first: 2,
                second: 3,
            })
        );
    }

    #[test]
    fn invalid_utf8_names_its_line() {
        // "佐藤" in Shift_JIS.
        let err = parse_import(b"name,phone\nOK,090-0000-0001\n\x8d\xb2\x93\xa1,090-0000-0002\n");
        assert_eq!(err, Err(CsvError::InvalidUtf8 { line: 3 }));
        let msg = CsvError::InvalidUtf8 { line: 3 }.message(Lang::Ja);
        assert!(msg.contains("CSV UTF-8"), "{msg}");
    }

    #[test]
    fn blank_lines_and_empty_rows_are_skipped_and_crlf_is_read() {
        let rows = rows(b"name,phone\r\n\r\nSato,090-0000-0001\r\n,\r\n\r\nLee,090-0000-0002\r\n");
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].line, rows[1].line), (3, 6));
    }

    #[test]
    fn header_only_file_gives_no_rows() {
        assert_eq!(parse_import(b"name,phone\n"), Ok(vec![]));
    }

    fn import_row(name: &str, phones: &[&str], email: &str) -> ImportRow {
        ImportRow {
            line: 2,
            name: name.into(),
            kana: String::new(),
            role: String::new(),
            team: String::new(),
            phones: phones.iter().map(|p| p.to_string()).collect(),
            email: email.into(),
            notes: String::new(),
        }
    }

    #[test]
    fn merge_adds_updates_and_counts_unchanged() {
        let mut sato = contact(
            "sato-hanako",
            "佐藤 花子",
            vec![
                phone("office", "03-0000-1101"),
                phone("mobile", "090-0000-1101"),
            ],
        );
        sato.sample = true;
        sato.extra.insert("pager".into(), "12".into());
        let lee = contact("lee", "Lee", vec![phone("mobile", "090-0000-0009")]);
        let mut r = roster(vec![sato, lee]);
        let mut update = import_row("佐藤 花子", &["09000001101", "080-0000-7777"], "");
        update.role = "シフトリーダー".into();
        let same = import_row("Lee", &["090 0000 0009"], "");
        let mut same = same;
        same.phones = vec!["090-0000-0009".into()];
        let new = import_row("Emily Brown", &["+81 90 0000 3101", "03-0000-3102"], "");
        let report = merge(&mut r, &[update, same, new]);

        assert_eq!(report.added, ["Emily Brown"]);
        assert_eq!(
            report.updated,
            [("佐藤 花子".to_string(), vec!["role", "phones"])]
        );
        assert_eq!(report.unchanged, 1);

        let sato = &r.contacts[0];
        assert_eq!(sato.role, "シフトリーダー");
        assert_eq!(
            sato.phones,
            [
                phone("mobile", "09000001101"),
                phone("office", "080-0000-7777")
            ],
            "existing label kept where the digits match, new ones by column"
        );
        assert!(sato.sample, "the sample flag stays");
        assert_eq!(sato.extra.get("pager"), Some(&"12".into()));
        let emily = &r.contacts[2];
        assert_eq!(emily.id, "emily-brown");
        assert_eq!(
            emily.phones,
            [
                phone("mobile", "+81 90 0000 3101"),
                phone("office", "03-0000-3102")
            ]
        );
    }

    #[test]
    fn merge_needs_name_and_phone_to_match() {
        let mut r = roster(vec![contact(
            "lee",
            "Lee",
            vec![phone("mobile", "090-0000-0009")],
        )]);
        let other_phone = import_row("Lee", &["090-0000-0008"], "");
        let other_name = import_row("Li", &["090-0000-0009"], "");
        let report = merge(&mut r, &[other_phone, other_name]);
        assert_eq!(report.added, ["Lee", "Li"]);
        assert_eq!(r.contacts.len(), 3, "nothing removed, two added");
        assert_eq!(r.contacts[1].id, "lee-2");
    }

    #[test]
    fn merge_without_phone_matches_by_email() {
        let mut desk = contact("desk", "Night Desk", vec![phone("office", "03-0000-0001")]);
        desk.email = "Night.Desk@example.com".into();
        let mut r = roster(vec![desk]);
        let mut row = import_row("Night Desk", &[], "night.desk@example.com");
        row.notes = "Shared mailbox".into();
        let report = merge(&mut r, &[row]);
        assert_eq!(
            report.updated,
            [("Night Desk".to_string(), vec!["email", "notes"])]
        );
        assert_eq!(
            r.contacts[0].phones,
            [phone("office", "03-0000-0001")],
            "phones kept"
        );
    }

    #[test]
    fn merge_keeps_third_and_later_phones() {
        let phones = vec![
            phone("mobile", "090-0000-0001"),
            phone("office", "03-0000-0002"),
            phone("home", "03-0000-0003"),
        ];
        let mut r = roster(vec![contact("kim", "Kim", phones)]);
        let row = import_row("Kim", &["090-0000-0001"], "");
        let report = merge(&mut r, &[row]);
        assert_eq!(report.updated, [("Kim".to_string(), vec!["phones"])]);
        assert_eq!(
            r.contacts[0].phones,
            [
                phone("mobile", "090-0000-0001"),
                phone("home", "03-0000-0003")
            ]
        );
    }

    #[test]
    fn new_ids_are_kebab_or_numbered_and_unique() {
        let mut r = roster(vec![
            contact("emily-brown", "Emily Brown", vec![]),
            contact("c-0001", "佐藤 花子", vec![]),
        ]);
        assert_eq!(fresh_id(&r, "Emily Brown"), "emily-brown-2");
        assert_eq!(fresh_id(&r, "José  Núñez (ops)"), "jose-nunez-ops");
        assert_eq!(fresh_id(&r, "ＭＡＲＹ 3"), "mary-3");
        assert_eq!(fresh_id(&r, "鈴木 健太"), "c-0002");
        assert_eq!(
            fresh_id(&r, "0120"),
            "c-0002",
            "digits alone are not letters"
        );
        r.contacts.push(contact("c-0002", "x", vec![]));
        assert_eq!(fresh_id(&r, "高橋"), "c-0003");
        let report = merge(&mut r, &[import_row("鈴木 健太", &["080-0000-1102"], "")]);
        assert_eq!(report.added.len(), 1);
        assert_eq!(r.contacts[3].id, "c-0003");
    }

    fn tricky_roster() -> Roster {
        let mut sato = contact(
            "sato-hanako",
            "佐藤 花子",
            vec![
                phone("mobile", "090-0000-1101"),
                phone("office", "03-0000-1101"),
            ],
        );
        sato.kana = "さとう はなこ".into();
        sato.role = "シフトリーダー".into();
        sato.team = "運用第1チーム".into();
        sato.email = "hanako.sato@example.com".into();
        let mut emily = contact("emily-brown", "Brown, Emily \"Em\"", vec![]);
        emily.phones = vec![phone("home", "+81 90 0000 3101")];
        emily.role = "=HYPERLINK(\"http://x\")".into();
        emily.team = "-ops".into();
        emily.notes = "@here, then +1; 'quoted'".into();
        let mut desk = contact("desk", "+Night Desk", vec![]);
        desk.email = "night.desk@example.com".into();
        roster(vec![sato, emily, desk])
    }

    #[test]
    fn export_neutralises_formulas_but_keeps_plus_phones() {
        let csv = export_csv(&tricky_roster());
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "name,kana,role,team,phone,phone2,email,notes");
        assert!(csv.ends_with('\n') && !csv.contains('\r'));
        assert_eq!(
            lines[2],
            "\"Brown, Emily \"\"Em\"\"\",,\"'=HYPERLINK(\"\"http://x\"\")\",'-ops,+81 90 0000 3101,,,\"'@here, then +1; 'quoted'\""
        );
        assert_eq!(lines[3], "'+Night Desk,,,,,,night.desk@example.com,");
    }

    #[test]
    fn export_makes_control_characters_safe() {
        let mut c = contact("x", "X\u{1b}[2J", vec![phone("mobile", "090-0000-0001")]);
        c.notes = "one\ntwo\u{202E}".into();
        let csv = export_csv(&roster(vec![c]));
        assert!(
            !csv.trim_end().lines().any(|l| l.chars().any(is_unsafe)),
            "{csv:?}"
        );
        assert!(csv.contains("X\u{FFFD}[2J") && csv.contains("one two"));
    }

    #[test]
    fn export_round_trips_through_import() {
        let original = tricky_roster();
        let rows = rows(export_csv(&original).as_bytes());
        assert_eq!(rows.len(), original.contacts.len());
        for (row, c) in rows.iter().zip(&original.contacts) {
            assert_eq!(row.name, c.name);
            assert_eq!(row.kana, c.kana);
            assert_eq!(row.role, c.role);
            assert_eq!(row.team, c.team);
            let numbers: Vec<&str> = c.phones.iter().map(|p| p.number.as_str()).collect();
            assert_eq!(row.phones, numbers);
            assert_eq!(row.email, c.email);
            assert_eq!(row.notes, c.notes);
        }
        let mut again = original.clone();
        let report = merge(&mut again, &rows);
        assert_eq!(report.unchanged, original.contacts.len(), "{report:?}");
        assert_eq!(again, original);
    }

    #[test]
    fn bundled_sample_roster_round_trips() {
        let sample: Roster =
            serde_json::from_str(include_str!("../../assets/roster.sample.json")).unwrap();
        let rows = rows(export_csv(&sample).as_bytes());
        let mut again = sample.clone();
        let report = merge(&mut again, &rows);
        assert_eq!(report.unchanged, sample.contacts.len(), "{report:?}");
        assert_eq!(again, sample);
    }

    #[test]
    fn good_fixture_round_trips_after_merge() {
        let mut r = Roster::default();
        let report = merge(&mut r, &rows(GOOD));
        assert_eq!(report.added.len(), 4);
        assert_eq!(
            r.contacts.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
            ["c-0001", "emily-brown", "c-0002", "night-desk"]
        );
        let again = rows(export_csv(&r).as_bytes());
        assert_eq!(merge(&mut r.clone(), &again).unchanged, 4);
    }
}
