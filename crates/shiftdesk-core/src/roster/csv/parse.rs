//! Reading a CSV file of contacts: every row checked before any is used.

use super::export::starts_like_formula;
use super::merge::digits;
use super::*;

/// A file read and checked: how it was read, and its rows in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvImport {
    pub format: FileFormat,
    pub rows: Vec<ImportRow>,
}

/// Reads a CSV file's bytes into rows, checking every row first; see the module docs for
/// the format. Either all rows are good and returned in file order, or the error says
/// everything that is wrong.
pub fn parse_import(bytes: &[u8]) -> Result<CsvImport, CsvError> {
    parse_decoded(&decode(bytes)?)
}

/// As [`parse_import`], on a file already decoded (so that what was read can be said even
/// when its rows are refused).
pub fn parse_decoded(file: &DecodedCsv) -> Result<CsvImport, CsvError> {
    let bytes = file.text.as_bytes();
    let lines = LineIndex::new(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(file.format.separator.byte())
        .from_reader(bytes);
    let mut records = reader.byte_records().map(|r| read_record(r, &lines));
    let columns = loop {
        match records.next() {
            None => return Err(CsvError::NoHeader),
            Some(record) => {
                let record = record?;
                if !is_blank(&record.fields) {
                    break parse_header(&record.fields)?;
                }
            }
        }
    };
    let mut rows = Vec::new();
    let mut bad = Vec::new();
    let mut seen = Seen::default();
    for record in records {
        let Record {
            line,
            last_line,
            fields,
        } = record?;
        if is_blank(&fields) {
            continue;
        }
        match check_row(line, &columns, &fields, &mut seen) {
            Ok(row) => rows.push(row),
            Err(problems) => bad.extend(problems.into_iter().map(|problem| BadRow {
                line,
                last_line,
                problem,
            })),
        }
    }
    if bad.is_empty() {
        Ok(CsvImport {
            format: file.format,
            rows,
        })
    } else {
        Err(CsvError::Rows(bad))
    }
}

/// Where the physical lines of the file start. A line ends with LF, CR LF or a lone CR.
///
/// The csv crate's `Position::line()` is where the reader stood before a record: before the
/// blank lines it skipped, and with CR LF endings before the LF of the previous line. So a
/// record's line is found from the byte where its content starts instead.
pub(super) struct LineIndex<'a> {
    bytes: &'a [u8],
    /// Byte offset of the start of every line after the first.
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        let starts = bytes
            .iter()
            .enumerate()
            .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
            .map(|(i, _)| i + 1)
            .collect();
        LineIndex { bytes, starts }
    }

    /// The line (from 1) holding the byte at this offset.
    pub(super) fn line_at(&self, byte: usize) -> usize {
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

/// A record: the lines it starts and ends on, and its fields, cleaned.
struct Record {
    line: usize,
    last_line: usize,
    fields: Vec<String>,
}

/// A record's lines and its fields, NFKC-normalised and trimmed. (The text is UTF-8
/// already; the check here only keeps the error path total.)
fn read_record(
    record: Result<csv::ByteRecord, csv::Error>,
    lines: &LineIndex,
) -> Result<Record, CsvError> {
    let record = record.map_err(|e| CsvError::Malformed {
        line: e.position().map_or(0, |p| lines.record_line(p)),
        message: e.to_string(),
    })?;
    let line = record.position().map_or(0, |p| lines.record_line(p));
    let breaks: usize = record.iter().map(line_breaks).sum();
    let fields = record
        .iter()
        .map(|raw| match std::str::from_utf8(raw) {
            Ok(s) => Ok(clean_field(s)),
            Err(e) => Err(CsvError::NotText {
                line,
                byte: e.valid_up_to(),
            }),
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Record {
        line,
        last_line: line + breaks,
        fields,
    })
}

/// Line breaks in a field as the file counts lines: LF, CR LF or a lone CR.
fn line_breaks(raw: &[u8]) -> usize {
    LineIndex::new(raw).line_at(raw.len()) - 1
}

/// NFKC, trimmed, line breaks as LF, without the `'` that protects a formula-like cell.
fn clean_field(raw: &str) -> String {
    let s = normalize_input(raw)
        .replace("\r\n", "\n")
        .replace('\r', "\n");
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
            RowProblem::UnsafeCharacter { column, .. } | RowProblem::LineBreak { column } => {
                Some(*column)
            }
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
    let (phone, phone2) = (plain_dashes(&phone), plain_dashes(&phone2));
    let phone2_only = (phone.is_empty() && !phone2.is_empty()).then(|| phone2.clone());
    row.phones = [phone, phone2]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
    (row, phone2_only)
}

/// A phone number with the dashes people type in Japanese text — the long vowel mark `ー`
/// (which NFKC makes of a half-width `ｰ`), hyphens and dashes `‐` `‑` `‒` `–` `—` `―`, the
/// minus `−` — written as `-`.
fn plain_dashes(number: &str) -> String {
    number
        .chars()
        .map(|c| match c {
            '\u{30FC}' | '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c => c,
        })
        .collect()
}

/// A line break in each field other than notes that has one; else the first control or
/// bidi character of each field that has one (notes may hold line breaks).
fn unsafe_characters(columns: &[Column], fields: &[String]) -> Vec<RowProblem> {
    columns
        .iter()
        .zip(fields)
        .filter_map(|(&column, value)| {
            let notes = column == Column::Notes;
            if !notes && value.contains('\n') {
                return Some(RowProblem::LineBreak { column });
            }
            value
                .chars()
                .find(|&c| is_unsafe(c) && !(notes && c == '\n'))
                .map(|character| RowProblem::UnsafeCharacter { column, character })
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
