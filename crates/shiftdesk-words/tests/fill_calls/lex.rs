//! Just enough of Rust's tokens to find calls in source text: identifiers, string literals
//! and single punctuation characters, with comments dropped and string contents never
//! mistaken for code.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tok {
    /// An identifier, keyword or number.
    Ident(String),
    /// A string literal's contents (escapes left as written: keys have none).
    Str(String),
    /// A character literal or a lifetime: never part of what we look for.
    Quote,
    Punct(char),
}

#[derive(Debug, Clone)]
pub struct Token {
    pub tok: Tok,
    pub line: usize,
}

/// The tokens of a source file.
pub fn tokens(src: &str) -> Vec<Token> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    while i < chars.len() {
        let c = chars[i];
        let start_line = line;
        let push = |out: &mut Vec<Token>, tok| {
            out.push(Token {
                tok,
                line: start_line,
            })
        };
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if c == '/' && chars.get(i + 1) == Some(&'/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && chars.get(i + 1) == Some(&'*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    line += usize::from(chars[i] == '\n');
                    i += 1;
                }
            }
        } else if c == '"' {
            let (text, end, lines) = quoted(&chars, i + 1);
            push(&mut out, Tok::Str(text));
            (i, line) = (end, line + lines);
        } else if c == '\'' {
            // 'x', '\n', '\u{..}' are characters; 'a (no closing quote after one char) a lifetime.
            if chars.get(i + 1) == Some(&'\\') {
                // Past the quote, the backslash and the escaped character, to the closing quote.
                i += 3;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if chars.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
            }
            push(&mut out, Tok::Quote);
        } else if c.is_alphanumeric() || c == '_' {
            let mut end = i;
            while end < chars.len() && (chars[end].is_alphanumeric() || chars[end] == '_') {
                end += 1;
            }
            let word: String = chars[i..end].iter().collect();
            let prefix = matches!(word.as_str(), "r" | "b" | "br" | "c" | "cr");
            match chars.get(end) {
                Some('"') if prefix && word.contains('r') => {
                    let (text, after, lines) = raw(&chars, end, 0);
                    push(&mut out, Tok::Str(text));
                    (i, line) = (after, line + lines);
                }
                Some('"') if prefix => {
                    let (text, after, lines) = quoted(&chars, end + 1);
                    push(&mut out, Tok::Str(text));
                    (i, line) = (after, line + lines);
                }
                Some('#') if prefix && word.contains('r') && raw_start(&chars, end) => {
                    let hashes = chars[end..].iter().take_while(|c| **c == '#').count();
                    let (text, after, lines) = raw(&chars, end + hashes, hashes);
                    push(&mut out, Tok::Str(text));
                    (i, line) = (after, line + lines);
                }
                _ => {
                    push(&mut out, Tok::Ident(word));
                    i = end;
                }
            }
        } else {
            push(&mut out, Tok::Punct(c));
            i += 1;
        }
    }
    out
}

/// A string body from just after its opening quote: its text, the index after the closing
/// quote, and the line breaks inside.
fn quoted(chars: &[char], mut i: usize) -> (String, usize, usize) {
    let (mut text, mut lines) = (String::new(), 0);
    while i < chars.len() && chars[i] != '"' {
        if chars[i] == '\\' && i + 1 < chars.len() {
            text.push(chars[i]);
            i += 1;
        }
        lines += usize::from(chars[i] == '\n');
        text.push(chars[i]);
        i += 1;
    }
    (text, i + 1, lines)
}

/// True when `#`s at `i` are followed by `"`: a raw string, not `r#ident`.
fn raw_start(chars: &[char], i: usize) -> bool {
    let hashes = chars[i..].iter().take_while(|c| **c == '#').count();
    chars.get(i + hashes) == Some(&'"')
}

/// A raw string from its opening quote at `i`, closed by `"` and `hashes` `#`s.
fn raw(chars: &[char], i: usize, hashes: usize) -> (String, usize, usize) {
    let (mut text, mut lines, mut j) = (String::new(), 0, i + 1);
    while j < chars.len() {
        let closes = chars.get(j + 1..j + 1 + hashes);
        if chars[j] == '"' && closes.is_some_and(|h| h.iter().all(|c| *c == '#')) {
            return (text, j + 1 + hashes, lines);
        }
        lines += usize::from(chars[j] == '\n');
        text.push(chars[j]);
        j += 1;
    }
    (text, j, lines)
}

#[test]
fn strings_comments_and_characters_hide_no_code() {
    let src = r##"
        // fill(lang, Msg::A, &[])
        /* fill( /* nested */ ) */
        let a = "fill(\" )";
        let b = r#"fill(" )"#;
        let c = ('"', '\'', '\u{7b}');
        fn f<'a>(x: &'a str) {}
        fill(lang, Msg::B, &[("k", v)]);
    "##;
    let toks = tokens(src);
    let fills: Vec<usize> = toks
        .iter()
        .filter(|t| t.tok == Tok::Ident("fill".into()))
        .map(|t| t.line)
        .collect();
    assert_eq!(fills, [8]);
    assert!(
        toks.iter()
            .any(|t| t.tok == Tok::Str("k".into()) && t.line == 8)
    );
}
