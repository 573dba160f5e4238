//! GitHub-flavoured Markdown that shows text from people as text, never as markup, and
//! still reads naturally when pasted as plain text.
//!
//! The rules, applied to every text that comes from a person or a file:
//! - Control and bidi characters go first ([`safe_line`] / [`safe_block`]).
//! - `&`, `<`, `>` become `&amp;`, `&lt;`, `&gt;`: no raw HTML, no `<…>` autolink, no
//!   block quote.
//! - `|` gets a backslash wherever it stands: it never ends a table cell or starts a table.
//! - `` ` ``, `*`, `~` get a backslash when the text holds two or more of them (one alone
//!   cannot open and close a code span, emphasis or strikethrough); `_` likewise, except
//!   between two letters or digits (`db_main` stays as written: GFM never reads that as
//!   emphasis). `[` and `]` get one when the text holds both (no link, image or link
//!   definition). `\` gets one before ASCII punctuation and at the end of a line (where it
//!   would escape or break); `C:\Users` stays as written.
//! - At the start of a line (headings, paragraphs, list items) leading blanks are dropped
//!   (no indented code block) and a leading `#`, `-`, `+`, `*`, `=`, or the `.`/`)` after
//!   leading digits, gets a backslash (no heading, list, rule, setext underline or ordered
//!   list).
//! - In a heading, a trailing `#` gets a backslash (it would be read as the closing marks).
//! - In a table cell line breaks become `<br>`, the only HTML this module writes.
//!
//! Our own words (headings, labels) hold nothing that needs escaping.

use crate::text::{safe_block, safe_line};

/// Which delimiters of a text could pair up, so must be escaped.
#[derive(Debug, Clone, Copy)]
struct Pairs {
    code: bool,
    star: bool,
    tilde: bool,
    underscore: bool,
    brackets: bool,
}

impl Pairs {
    fn of(text: &str) -> Pairs {
        let count = |c: char| text.matches(c).count();
        Pairs {
            code: count('`') > 1,
            star: count('*') > 1,
            tilde: count('~') > 1,
            underscore: count('_') > 1,
            brackets: text.contains('[') && text.contains(']'),
        }
    }
}

/// Escapes the characters that could start inline constructs in one line of a text.
fn escape_span(line: &str, pairs: Pairs) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1);
        let escape = match c {
            '&' => {
                out.push_str("&amp;");
                continue;
            }
            '<' => {
                out.push_str("&lt;");
                continue;
            }
            '>' => {
                out.push_str("&gt;");
                continue;
            }
            '|' => true,
            '`' => pairs.code,
            '*' => pairs.star,
            '~' => pairs.tilde,
            '[' | ']' => pairs.brackets,
            '_' => {
                let inside = i > 0
                    && chars[i - 1].is_alphanumeric()
                    && next.is_some_and(|n| n.is_alphanumeric());
                pairs.underscore && !inside
            }
            '\\' => next.is_none_or(char::is_ascii_punctuation),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes what would start a block construct at the start of an already span-escaped
/// line: an ATX heading (`#`… then a blank), a list item (`-`, `+`, `*` or digits with `.`
/// or `)`, then a blank), a thematic break or setext underline (a line of `-`, `*`, `_`,
/// `=` only). `#12`, `-5 °C` and `1.5 h` stay as written.
fn escape_line_start(escaped: String) -> String {
    let blank_after = |n: usize| {
        escaped
            .get(n..)
            .and_then(|rest| rest.chars().next())
            .is_none_or(|c| c == ' ' || c == '\t')
    };
    let rule = escaped
        .chars()
        .all(|c| matches!(c, '-' | '*' | '_' | '=' | ' '));
    let hashes = escaped.chars().take_while(|&c| c == '#').count();
    let needs = match escaped.chars().next() {
        Some('#') => hashes <= 6 && blank_after(hashes),
        Some('-' | '+' | '*') => rule || blank_after(1),
        Some('=' | '_') => rule,
        _ => false,
    };
    if needs {
        return format!("\\{escaped}");
    }
    let digits = escaped.chars().take_while(char::is_ascii_digit).count();
    if (1..=9).contains(&digits)
        && escaped[digits..].starts_with(['.', ')'])
        && blank_after(digits + 1)
    {
        return format!("{}\\{}", &escaped[..digits], &escaped[digits..]);
    }
    escaped
}

/// One line of text for a paragraph, a list item or a heading: made safe, trimmed, escaped.
pub fn inline(s: &str) -> String {
    let line = safe_line(s);
    escape_line_start(escape_span(line.trim(), Pairs::of(&line)))
}

/// Several lines of text as paragraphs, escaped as by [`inline`]: the lines of a paragraph
/// end with a hard break (two spaces); a blank line separates paragraphs.
pub fn block(s: &str) -> String {
    let safe = safe_block(s);
    let pairs = Pairs::of(&safe);
    let mut paragraphs: Vec<Vec<String>> = vec![Vec::new()];
    for line in safe.lines().map(str::trim) {
        if line.is_empty() {
            if paragraphs.last().is_some_and(|p| !p.is_empty()) {
                paragraphs.push(Vec::new());
            }
        } else if let Some(p) = paragraphs.last_mut() {
            p.push(escape_line_start(escape_span(line, pairs)));
        }
    }
    paragraphs
        .iter()
        .filter(|p| !p.is_empty())
        .map(|p| p.join("  \n"))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A heading of the given level (1 to 6) holding the text.
pub fn heading(level: usize, text: &str) -> String {
    let mut body = inline(text);
    let marks = body.chars().rev().take_while(|&c| c == '#').count();
    if marks > 0 {
        body.insert(body.len() - marks, '\\');
    }
    format!("{} {}", "#".repeat(level.clamp(1, 6)), body)
}

/// The content of one table cell: made safe and escaped; line breaks become `<br>`.
pub fn cell(s: &str) -> String {
    let safe = safe_block(s);
    let pairs = Pairs::of(&safe);
    safe.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| escape_span(l, pairs))
        .collect::<Vec<_>>()
        .join("<br>")
}

/// One table row from raw cell texts (escaped here).
pub fn row<S: AsRef<str>>(cells: &[S]) -> String {
    let cells: Vec<String> = cells.iter().map(|c| cell(c.as_ref())).collect();
    format!("| {} |", cells.join(" | "))
}

/// A Markdown document, written line by line.
#[derive(Debug, Default)]
pub struct Doc {
    lines: Vec<String>,
}

impl Doc {
    /// A line as it is: Markdown already, with any text from people escaped.
    pub fn push(&mut self, line: impl Into<String>) {
        self.lines.push(line.into());
    }

    /// A heading (escaped here) and the blank line after it.
    pub fn heading(&mut self, level: usize, title: &str) {
        self.push(heading(level, title));
        self.push("");
    }

    /// A paragraph (Markdown already) and the blank line after it.
    pub fn paragraph(&mut self, text: impl Into<String>) {
        self.push(text);
        self.push("");
    }

    /// `- label: value`; the value is raw text (escaped here), `—` when blank.
    pub fn item(&mut self, label: &str, value: &str) {
        let value = if value.trim().is_empty() {
            "—".to_string()
        } else {
            inline(value)
        };
        self.push(format!("- {label}: {value}"));
    }

    /// A table (every text raw, escaped here) and the blank line after it.
    pub fn table<S: AsRef<str>>(&mut self, header: &[&str], rows: &[Vec<S>]) {
        self.push(row(header));
        self.push(format!("|{}|", vec![" --- "; header.len()].join("|")));
        for r in rows {
            self.push(row(r));
        }
        self.push("");
    }

    /// True when the last line written is blank (or nothing was written).
    pub fn ends_blank(&self) -> bool {
        self.lines.last().is_none_or(String::is_empty)
    }

    /// The text: trailing blank lines dropped, one final line break.
    pub fn finish(mut self) -> String {
        while self.lines.last().is_some_and(String::is_empty) {
            self.lines.pop();
        }
        let mut text = self.lines.join("\n");
        text.push('\n');
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::is_unsafe;

    /// The `|` that a GFM renderer reads as cell borders: those not escaped by a backslash.
    fn borders(row: &str) -> usize {
        let mut n = 0;
        let mut chars = row.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    chars.next();
                }
                '|' => n += 1,
                _ => {}
            }
        }
        n
    }

    #[test]
    fn a_hostile_field_stays_inside_its_cell() {
        let nasty = "a | b\nc\r\nd\u{1b}[2J\u{202E}e\\|f\u{7}";
        let line = row(&["14:00", nasty, "x"]);
        assert_eq!(borders(&line), 4, "{line}");
        assert!(
            !line.contains('\n') && !line.chars().any(is_unsafe),
            "{line:?}"
        );
        assert!(line.contains("a \\| b<br>c<br>d"), "{line}");
        assert!(!line.contains('\u{202E}'));
    }

    #[test]
    fn html_never_gets_in() {
        let out = cell("<script>alert(1)</script> & <b>x</b>");
        assert_eq!(
            out,
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;x&lt;/b&gt;"
        );
        assert_eq!(cell("a\nb"), "a<br>b");
        assert_eq!(inline("<!-- hide -->"), "&lt;!-- hide --&gt;");
    }

    #[test]
    fn headings_and_links_in_text_render_as_text() {
        assert_eq!(inline("# boom"), "\\# boom");
        assert_eq!(
            inline("[x](javascript:alert(1))"),
            "\\[x\\](javascript:alert(1))"
        );
        assert_eq!(
            inline("![img](http://e.x/a.png)"),
            "!\\[img\\](http://e.x/a.png)"
        );
        assert_eq!(inline("> quoted"), "&gt; quoted");
        assert_eq!(inline("- item"), "\\- item");
        assert_eq!(inline("12. list"), "12\\. list");
        assert_eq!(inline("1) list"), "1\\) list");
        assert_eq!(inline("    code"), "code");
        assert_eq!(
            inline("`rm -rf` *bold* ~x~"),
            "\\`rm -rf\\` \\*bold\\* \\~x\\~"
        );
        assert_eq!(inline("db_main _em_"), "db_main \\_em\\_");
        assert_eq!(inline("2026-11-29 ok"), "2026-11-29 ok");
        assert_eq!(inline("---"), "\\---");
        assert_eq!(inline("###### six"), "\\###### six");
        for plain in ["#12 fixed", "-5 degrees", "1.5 h down", "=x", "+1 call"] {
            assert_eq!(inline(plain), plain);
        }
        assert_eq!(heading(1, "INC-0001 C #"), "# INC-0001 C \\#");
        assert_eq!(heading(2, "Times"), "## Times");
    }

    #[test]
    fn blocks_keep_lines_and_paragraphs_without_markup() {
        let out = block("first\nsecond\n\n\n# third\n===");
        assert_eq!(out, "first  \nsecond\n\n\\# third  \n\\===");
        assert_eq!(block("  \n "), "");
    }

    #[test]
    fn tables_have_a_delimiter_row_and_escaped_cells() {
        let mut doc = Doc::default();
        doc.table(&["A", "B"], &[vec!["1|2", "x"]]);
        assert_eq!(doc.finish(), "| A | B |\n| --- | --- |\n| 1\\|2 | x |\n");
    }

    #[test]
    fn plain_text_stays_plain_where_nothing_could_pair_up() {
        assert_eq!(
            inline("~120 users, 5 * 3, a_b, C:\\Users, (<30 min)"),
            "~120 users, 5 * 3, a_b, C:\\Users, (&lt;30 min)"
        );
        assert_eq!(inline("[URGENT] tag"), "\\[URGENT\\] tag");
        assert_eq!(inline("* item"), "\\* item");
        assert_eq!(inline("ends with \\"), "ends with \\\\");
        assert_eq!(inline("\\*x"), "\\\\*x");
        // A pair across lines of one paragraph is still a pair.
        assert_eq!(block("*a\nb*"), "\\*a  \nb\\*");
    }
}
