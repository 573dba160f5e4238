//! Text from people and files: normalised at entry, made safe wherever it is shown.
//!
//! Stored text is kept exactly as entered (after NFKC). Anything that reaches a terminal, a
//! Markdown file or stdout goes through [`safe_line`] or [`safe_block`] first, so no control
//! character, escape sequence or bidi override can act on the reader's screen.

use unicode_normalization::UnicodeNormalization;

/// What a person typed or pasted, as it is stored: NFKC-normalised (so half-width ｶﾅ becomes
/// full-width カナ and full-width digits become ASCII), otherwise unchanged.
pub fn normalize_input(s: &str) -> String {
    s.nfkc().collect()
}

/// Characters that change how a terminal or a bidi-aware viewer treats the text around them.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A character that must never be written to a terminal or a file as it is.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// One line of text, safe to show: line breaks and tabs become spaces, other control
/// characters become U+FFFD, bidi controls are dropped.
pub fn safe_line(s: &str) -> String {
    safe_line_ref(s).into_owned()
}

/// As [`safe_line`], borrowing the text when it is safe as it is.
pub fn safe_line_ref(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if is_bidi_control(c) => {}
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Several lines of text, safe to show: keeps line breaks (CR LF and bare CR become LF),
/// tabs become spaces, other control characters become U+FFFD, bidi controls are dropped.
pub fn safe_block(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' => out.push('\n'),
            '\t' => out.push_str("    "),
            c if is_bidi_control(c) => {}
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// JSON text with bidi controls and C1 controls written as `\uXXXX` escapes. JSON itself
/// escapes only the C0 controls; these it would pass through to the reader's terminal.
pub fn escape_unsafe_in_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if is_unsafe(c) && !matches!(c, '\n' | '\r' | '\t') {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// True when the text holds something other than whitespace.
pub fn has_content(s: &str) -> bool {
    s.chars().any(|c| !c.is_whitespace() && !is_unsafe(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfkc_makes_half_width_kana_full_width() {
        assert_eq!(normalize_input("ｶﾞｽ"), "ガス");
        assert_eq!(normalize_input("０９０"), "090");
    }

    #[test]
    fn safe_line_removes_every_escape() {
        let s = "a\u{1b}]52;c;aGk=\u{07}b\u{9b}2J\u{202E}c\r\nd";
        let out = safe_line(s);
        assert!(!out.chars().any(is_unsafe), "{out:?}");
        assert!(out.starts_with('a') && out.ends_with('d'));
    }

    #[test]
    fn safe_block_keeps_lines_and_turns_bare_cr_into_a_break() {
        assert_eq!(safe_block("a\r\nb\rc\nd"), "a\nb\nc\nd");
        assert_eq!(safe_block("x\u{1b}[2Jy"), "x\u{FFFD}[2Jy");
        assert_eq!(safe_block("\u{2067}z"), "z");
    }

    #[test]
    fn json_keeps_its_meaning_without_bidi_controls() {
        let json = serde_json::to_string(&"a\u{202E}b\u{1b}").unwrap();
        let safe = escape_unsafe_in_json(&json);
        assert!(!safe.chars().any(is_unsafe), "{safe}");
        assert_eq!(
            serde_json::from_str::<String>(&safe).unwrap(),
            "a\u{202E}b\u{1b}"
        );
    }

    #[test]
    fn emoji_and_cjk_pass_through() {
        let s = "👩‍👩‍👧 障害対応 é";
        assert_eq!(safe_line(s), s);
    }

    #[test]
    fn has_content_ignores_blanks_and_controls() {
        assert!(!has_content("  \t\n"));
        assert!(!has_content("\u{1b}\u{202E}"));
        assert!(has_content(" x "));
    }
}
