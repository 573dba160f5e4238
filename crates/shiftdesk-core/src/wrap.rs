//! Wrapping text to a width in terminal columns: the one wrapping rule for every wrapped text
//! on screen and in print.
//!
//! Our own, not `textwrap`: a line must give back every character (spaces at a break stay at
//! the end of the line before it, so the lines joined are the text; drawing trims them), the
//! breaks follow Japanese line-breaking rules (kinsoku: no line starts with 、。」）ー or a
//! small kana, none ends with 「（), and a time, a number with its counter (`14:59`, `+18分`,
//! `1,000件`) or a Latin word is never split unless it alone is wider than the line. It runs on
//! every redraw, so it makes no allocation besides the list of lines.

use std::ops::Range;
use unicode_width::UnicodeWidthChar;

mod cut;
pub use cut::{CUT_MARK, cut};

/// The byte ranges of `text`, one per line, no line wider than `width` columns (but for a
/// single character wider than the line). Together, in order, they are the whole text: the
/// spaces at a break and a line's `\n` belong to the end of its range.
pub fn line_ranges(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut start = 0;
    for paragraph in text.split_inclusive('\n') {
        wrap_paragraph(text, start, start + paragraph.len(), width, &mut lines);
        start += paragraph.len();
    }
    if lines.is_empty() {
        lines.push(0..0);
    }
    lines
}

/// The lines of `text` at `width` columns, as they are drawn: without the spaces at each
/// break and without line breaks.
pub fn wrap(text: &str, width: usize) -> Vec<&str> {
    line_ranges(text, width)
        .into_iter()
        .map(|r| text[r].trim_end_matches([' ', '\n', '\r']))
        .collect()
}

/// Columns a piece of text takes.
pub fn columns(text: &str) -> usize {
    text.chars().map(char_columns).sum()
}

fn char_columns(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Wraps `text[from..to]` (one paragraph, its `\n` included) into `lines`.
fn wrap_paragraph(text: &str, from: usize, to: usize, width: usize, lines: &mut Vec<Range<usize>>) {
    let mut line_start = from;
    // Columns of the line so far, not counting spaces at its end.
    let mut used = 0;
    // Columns of the spaces after the last unit on the line.
    let mut trailing = 0;
    for unit in Units::new(text, from, to) {
        let piece = &text[unit.clone()];
        let blank = piece.chars().all(|c| c == ' ' || c == '\n' || c == '\r');
        if blank {
            trailing += columns(piece);
            continue;
        }
        let w = columns(piece);
        if used + trailing + w <= width {
            used += trailing + w;
            trailing = 0;
            continue;
        }
        if used + trailing > 0 {
            // Break before the unit (leading spaces that leave it no room stand alone).
            lines.push(line_start..unit.start);
            line_start = unit.start;
            used = 0;
            trailing = 0;
        }
        if w <= width {
            used = w;
            continue;
        }
        // Wider than a whole line: cut it by characters, none of them lost.
        let mut at = unit.start;
        for (i, c) in piece.char_indices() {
            let cw = char_columns(c);
            if used + cw > width && used > 0 {
                lines.push(line_start..unit.start + i);
                line_start = unit.start + i;
                used = 0;
            }
            used += cw;
            at = unit.start + i + c.len_utf8();
        }
        debug_assert_eq!(at, unit.end);
    }
    lines.push(line_start..to);
}

/// The pieces of a paragraph that a line break may not split: a run of spaces, or a run of
/// characters with no break allowed between them.
struct Units<'a> {
    text: &'a str,
    at: usize,
    end: usize,
}

impl<'a> Units<'a> {
    fn new(text: &'a str, from: usize, to: usize) -> Units<'a> {
        Units {
            text,
            at: from,
            end: to,
        }
    }
}

impl Iterator for Units<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        if self.at >= self.end {
            return None;
        }
        let start = self.at;
        let rest = &self.text[start..self.end];
        let mut chars = rest.char_indices().peekable();
        let (_, first) = chars.next()?;
        let mut prev = first;
        let mut end = start + first.len_utf8();
        let spaces = is_space(first);
        while let Some(&(i, c)) = chars.peek() {
            let joined = if spaces {
                is_space(c)
            } else {
                !is_space(c) && !may_break_between(prev, c)
            };
            if !joined {
                break;
            }
            chars.next();
            prev = c;
            end = start + i + c.len_utf8();
        }
        self.at = end;
        Some(start..end)
    }
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\n' | '\r')
}

/// Whether a line may break between two characters that are not spaces.
fn may_break_between(before: char, after: char) -> bool {
    if char_columns(after) == 0 {
        // A combining mark or joiner belongs to what it follows.
        return false;
    }
    if no_line_start(after) || no_line_end(before) {
        return false;
    }
    if is_word_char(before) && is_word_char(after) {
        return false;
    }
    if before.is_ascii_digit() && is_counter(after) {
        return false;
    }
    if is_kanji(before) && is_hiragana(after) {
        // A kanji and the kana written after it (残り, 済み) read as one word.
        return false;
    }
    true
}

/// Letters, digits and what joins them into one word, time or number (`14:59`, `1,000`,
/// `e-mail`, `example.com`, `+3m`) — anything narrow that is not a space.
fn is_word_char(c: char) -> bool {
    !is_space(c) && char_columns(c) == 1 && !no_line_end(c) && !matches!(c, '|')
}

/// Characters a line may not start with: closing brackets and punctuation, small kana, the
/// long vowel mark, iteration marks (kinsoku shori).
fn no_line_start(c: char) -> bool {
    matches!(
        c,
        '、' | '。'
            | '，'
            | '．'
            | '・'
            | '：'
            | '；'
            | '？'
            | '！'
            | '‼'
            | '⁇'
            | '⁈'
            | '⁉'
            | 'ー'
            | '～'
            | '…'
            | '‥'
            | '々'
            | '〻'
            | 'ゝ'
            | 'ゞ'
            | 'ヽ'
            | 'ヾ'
            | '」'
            | '』'
            | '）'
            | '】'
            | '〕'
            | '〗'
            | '〙'
            | '〛'
            | '｝'
            | '〉'
            | '》'
            | '］'
            | '〟'
            | '’'
            | '”'
            | '｠'
            | '»'
            | ')'
            | ']'
            | '}'
            | ','
            | '.'
            | ':'
            | ';'
            | '!'
            | '?'
            | '%'
            | '％'
            | 'ぁ'
            | 'ぃ'
            | 'ぅ'
            | 'ぇ'
            | 'ぉ'
            | 'っ'
            | 'ゃ'
            | 'ゅ'
            | 'ょ'
            | 'ゎ'
            | 'ゕ'
            | 'ゖ'
            | 'ァ'
            | 'ィ'
            | 'ゥ'
            | 'ェ'
            | 'ォ'
            | 'ッ'
            | 'ャ'
            | 'ュ'
            | 'ョ'
            | 'ヮ'
            | 'ヵ'
            | 'ヶ'
            | 'ㇰ'..='ㇿ'
    )
}

/// Characters a line may not end with: opening brackets.
fn no_line_end(c: char) -> bool {
    matches!(
        c,
        '「' | '『'
            | '（'
            | '【'
            | '〔'
            | '〖'
            | '〘'
            | '〚'
            | '｛'
            | '〈'
            | '《'
            | '［'
            | '〝'
            | '‘'
            | '“'
            | '｟'
            | '«'
            | '('
            | '['
            | '{'
    )
}

/// Counters and units written straight after a number (`18分`, `3件`, `2通`).
fn is_counter(c: char) -> bool {
    matches!(
        c,
        '分' | '秒'
            | '時'
            | '日'
            | '週'
            | '月'
            | '年'
            | '件'
            | '通'
            | '人'
            | '名'
            | '回'
            | '台'
            | '枚'
            | '個'
            | '円'
            | '段'
            | '番'
            | '階'
            | '%'
    )
}

fn is_kanji(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '々')
}

fn is_hiragana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{3096}')
}

#[cfg(test)]
mod tests;
