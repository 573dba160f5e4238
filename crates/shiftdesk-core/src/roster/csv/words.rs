//! What an import says about the file and its rows, in both languages: the texts are in
//! `shiftdesk-words`; here, which one and what fills it. Text from the file is made safe to
//! show.

use super::{BadRow, Column, CsvError, FileFormat, RowProblem, Separator};
use crate::i18n::{Lang, Msg, fill, t};
use crate::text::safe_line;

impl Column {
    /// The column as a message names it: its key in English, `氏名(name)` in Japanese.
    pub(super) fn label(self, lang: Lang) -> String {
        let msg = match self {
            Column::Name => Msg::CsvColumnName,
            Column::Kana => Msg::CsvColumnKana,
            Column::Role => Msg::CsvColumnRole,
            Column::Team => Msg::CsvColumnTeam,
            Column::Phone => Msg::CsvColumnPhone,
            Column::Phone2 => Msg::CsvColumnPhone2,
            Column::Email => Msg::CsvColumnEmail,
            Column::Notes => Msg::CsvColumnNotes,
        };
        fill(lang, msg, &[("key", self.key())])
    }
}

impl BadRow {
    /// The problem in one line, starting with its line number: "line 7: no phone and no
    /// email"; a record over several lines says that the line is where it starts ("line 9
    /// (the record starts there and runs to line 10): …"). Text from the file goes through
    /// [`safe_line`].
    pub fn message(&self, lang: Lang) -> String {
        let line = self.line.to_string();
        let problem = self.problem_text(lang);
        if self.last_line > self.line {
            let last = self.last_line.to_string();
            let args = [("line", &*line), ("last", &*last), ("problem", &*problem)];
            fill(lang, Msg::CsvLines, &args)
        } else {
            fill(
                lang,
                Msg::CsvLine,
                &[("line", &line), ("problem", &problem)],
            )
        }
    }

    fn problem_text(&self, lang: Lang) -> String {
        match &self.problem {
            RowProblem::MissingName => t(lang, Msg::CsvMissingName).to_string(),
            RowProblem::NoPhoneOrEmail => t(lang, Msg::CsvNoPhoneOrEmail).to_string(),
            RowProblem::BadPhone { column, number } => fill(
                lang,
                Msg::CsvBadPhone,
                &[
                    ("column", &column.label(lang)),
                    ("number", &safe_line(number)),
                ],
            ),
            RowProblem::BadEmail { email } => {
                fill(lang, Msg::CsvBadEmail, &[("email", &safe_line(email))])
            }
            RowProblem::FieldCount { expected, found } => fill(
                lang,
                Msg::CsvFieldCount,
                &[
                    ("found", &found.to_string()),
                    ("expected", &expected.to_string()),
                ],
            ),
            RowProblem::UnsafeCharacter { column, character } => fill(
                lang,
                Msg::CsvUnsafeCharacter,
                &[
                    ("column", &column.label(lang)),
                    ("character", &char_name(*character, lang)),
                ],
            ),
            RowProblem::LineBreak { column } => fill(
                lang,
                Msg::CsvLineBreakInField,
                &[("column", &column.label(lang))],
            ),
            RowProblem::Phone2WithoutPhone { number } => fill(
                lang,
                Msg::CsvPhone2WithoutPhone,
                &[("number", &safe_line(number))],
            ),
            RowProblem::DuplicatePhone {
                name,
                number,
                first_line,
            } => fill(
                lang,
                Msg::CsvDuplicatePhone,
                &[
                    ("name", &safe_line(name)),
                    ("number", &safe_line(number)),
                    ("first_line", &first_line.to_string()),
                ],
            ),
            RowProblem::DuplicateEmail {
                name,
                email,
                first_line,
            } => fill(
                lang,
                Msg::CsvDuplicateEmail,
                &[
                    ("name", &safe_line(name)),
                    ("email", &safe_line(email)),
                    ("first_line", &first_line.to_string()),
                ],
            ),
        }
    }
}

impl CsvError {
    /// What is wrong, in plain words; for [`CsvError::Rows`], a first line then one line per
    /// problem. Text from the file goes through [`safe_line`].
    pub fn message(&self, lang: Lang) -> String {
        match self {
            CsvError::NoHeader => fill(lang, Msg::CsvNoHeader, &[("columns", &known_columns())]),
            CsvError::NotText { line, byte } => fill(
                lang,
                Msg::CsvNotText,
                &[("line", &line.to_string()), ("byte", &byte.to_string())],
            ),
            CsvError::BadEncoding {
                encoding,
                line,
                byte,
            } => fill(
                lang,
                Msg::CsvBadEncoding,
                &[
                    ("encoding", encoding.name()),
                    ("line", &line.to_string()),
                    ("byte", &byte.to_string()),
                ],
            ),
            CsvError::NulByte { line, byte } => fill(
                lang,
                Msg::CsvNulByte,
                &[("line", &line.to_string()), ("byte", &byte.to_string())],
            ),
            CsvError::UserDefinedCharacter { line, character } => fill(
                lang,
                Msg::CsvUserDefinedCharacter,
                &[("line", &line.to_string()), ("code", &code_of(*character))],
            ),
            CsvError::UnknownColumns { columns } => fill(
                lang,
                Msg::CsvUnknownColumns,
                &[
                    ("unknown", &unknown_list(columns, lang)),
                    ("columns", &known_columns()),
                ],
            ),
            CsvError::DuplicateColumn {
                column,
                first,
                second,
            } => fill(
                lang,
                Msg::CsvDuplicateColumn,
                &[
                    ("first", &first.to_string()),
                    ("second", &second.to_string()),
                    ("column", &column.label(lang)),
                ],
            ),
            CsvError::MissingNameColumn => t(lang, Msg::CsvMissingNameColumn).to_string(),
            CsvError::Malformed { line, message } => fill(
                lang,
                Msg::CsvMalformed,
                &[
                    ("line", &line.to_string()),
                    ("message", &safe_line(message)),
                ],
            ),
            CsvError::Rows(rows) => rows_message(rows, lang),
        }
    }
}

fn rows_message(rows: &[BadRow], lang: Lang) -> String {
    let head = fill(lang, Msg::CsvRowsHead, &[("n", &rows.len().to_string())]);
    std::iter::once(head)
        .chain(rows.iter().map(|r| r.message(lang)))
        .collect::<Vec<_>>()
        .join("\n")
}

fn unknown_list(columns: &[(usize, String)], lang: Lang) -> String {
    let items: Vec<String> = columns
        .iter()
        .map(|(n, header)| {
            let n = n.to_string();
            if header.is_empty() {
                fill(lang, Msg::CsvUnknownEmptyColumn, &[("n", &n)])
            } else {
                let header = safe_line(header);
                fill(
                    lang,
                    Msg::CsvUnknownColumn,
                    &[("header", &header), ("n", &n)],
                )
            }
        })
        .collect();
    items.join(t(lang, Msg::CsvListSeparator))
}

fn known_columns() -> String {
    Column::ALL.map(Column::key).join(", ")
}

impl FileFormat {
    /// "Read roster.csv as Shift_JIS (CP932), tab-separated." `file` is shown as given,
    /// made safe.
    pub fn read_as(&self, file: &str, lang: Lang) -> String {
        let separator = match self.separator {
            Separator::Comma => Msg::CsvCommaSeparated,
            Separator::Tab => Msg::CsvTabSeparated,
        };
        fill(
            lang,
            Msg::CsvReadAs,
            &[
                ("file", &safe_line(file)),
                ("encoding", self.encoding.name()),
                ("separator", t(lang, separator)),
            ],
        )
    }
}

fn code_of(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// A control character as a message names it.
fn char_name(c: char, lang: Lang) -> String {
    let msg = match c {
        '\n' | '\r' => Msg::CsvLineBreak,
        '\t' => Msg::CsvTab,
        _ => Msg::CsvControlCharacter,
    };
    fill(lang, msg, &[("code", &code_of(c))])
}
