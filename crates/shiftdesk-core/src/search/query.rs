//! What the operator typed into contact search, made ready to match one field of the
//! index: a fuzzy pattern for any text, and for a number its digits alone, so a number
//! typed with or without hyphens finds the number either way.

use crate::search::chars::CharSet;
use crate::search::fold_kana;
use crate::text::normalize_input;
use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Matcher, Utf32Str};

/// One field as the query sees it.
pub(super) struct Hay<'a> {
    /// The field as the matcher compares it (katakana as hiragana).
    pub text: Utf32Str<'a>,
    /// For a phone: its digits alone, and where each sits in the number as shown.
    pub digits: Option<(&'a str, &'a [u32])>,
}

/// A query made ready to match.
pub(super) struct Query {
    fuzzy: Pattern,
    /// For a number: its digits alone, matched in a phone's digits (found first with a
    /// plain substring search, far quicker than the matcher).
    digits: Option<(memchr::memmem::Finder<'static>, Pattern)>,
    needed: CharSet,
}

/// The digits of `s`, and where each sits in it (in characters).
pub(super) fn digits_of(s: &str) -> (String, Vec<u32>) {
    let mut digits = String::new();
    let mut at = Vec::new();
    for (i, c) in s.chars().enumerate() {
        if c.is_ascii_digit() {
            digits.push(c);
            at.push(i as u32);
        }
    }
    (digits, at)
}

/// A query of digits and the separators people type in numbers.
pub(super) fn is_number_query(q: &str) -> bool {
    q.chars().any(|c| c.is_ascii_digit())
        && q.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | ' ' | '+' | '(' | ')' | '.'))
}

impl Query {
    /// None for a query with nothing to look for.
    pub fn new(query: &str) -> Option<Query> {
        let query = fold_kana(&normalize_input(query));
        if query.trim().is_empty() {
            return None;
        }
        let digits = is_number_query(&query).then(|| {
            let d = digits_of(&query).0;
            let p = Pattern::new(
                &d,
                CaseMatching::Ignore,
                Normalization::Never,
                AtomKind::Substring,
            );
            (memchr::memmem::Finder::new(d.as_bytes()).into_owned(), p)
        });
        Some(Query {
            fuzzy: Pattern::new(
                &query,
                CaseMatching::Ignore,
                Normalization::Smart,
                AtomKind::Fuzzy,
            ),
            digits,
            needed: CharSet::needed_by(&query),
        })
    }

    /// The characters a field must hold to match, unless the query is a number.
    pub fn needed(&self) -> CharSet {
        self.needed
    }

    /// The digits of a number query, to look for in a contact's phones.
    pub fn digits(&self) -> Option<&memchr::memmem::Finder<'static>> {
        self.digits.as_ref().map(|(finder, _)| finder)
    }

    /// The score of a field; the caller has ruled out, on their characters, the fields
    /// that cannot match ([`Query::needed`]).
    pub fn score(&self, hay: &Hay, matcher: &mut Matcher) -> Option<u32> {
        match (hay.digits, &self.digits) {
            (Some((digits, _)), Some((wanted, p))) => {
                wanted.find(digits.as_bytes())?;
                p.score(Utf32Str::Ascii(digits.as_bytes()), matcher)
            }
            _ => self.fuzzy.score(hay.text, matcher),
        }
    }

    /// Where the query matched, in characters of the field as shown.
    pub fn positions(&self, hay: &Hay, matcher: &mut Matcher) -> Vec<u32> {
        let mut positions = Vec::new();
        match (hay.digits, &self.digits) {
            (Some((digits, at)), Some((_, p))) => {
                p.indices(Utf32Str::Ascii(digits.as_bytes()), matcher, &mut positions);
                for p in positions.iter_mut() {
                    *p = at.get(*p as usize).copied().unwrap_or(*p);
                }
            }
            _ => {
                self.fuzzy.indices(hay.text, matcher, &mut positions);
            }
        }
        positions.sort_unstable();
        positions.dedup();
        positions
    }
}
