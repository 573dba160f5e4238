//! A quick test of whether a field could match a query at all, before the fuzzy matcher
//! looks at it: a fuzzy match needs every character of the query somewhere in the field.
//! Each field keeps the set of characters it holds (in every form the matcher may compare
//! it as: lower case, accents taken off), as 128 bits: one bit for each of a–z and 0–9, the
//! rest shared. A query character missing from the set rules the field out; a set that has
//! them all only means "ask the matcher". So the test never hides a match.

use nucleo_matcher::Utf32Str;
use nucleo_matcher::chars::{graphemes, normalize, to_lower_case};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CharSet(u128);

/// Bits 0–35 are a–z and 0–9, one each; the other 92 are shared by every other character.
fn bit(c: char) -> u128 {
    let n = match c {
        'a'..='z' => c as u32 - 'a' as u32,
        '0'..='9' => 26 + c as u32 - '0' as u32,
        _ => 36 + (c as u32).wrapping_mul(0x9E37_79B1) % 92,
    };
    1u128 << n
}

impl CharSet {
    /// The characters of a field as the matcher sees it.
    pub fn of_field(field: Utf32Str<'_>) -> CharSet {
        let mut bits = 0;
        for c in field.chars() {
            let plain = normalize(c);
            for form in [c, to_lower_case(c), plain, to_lower_case(plain)] {
                bits |= bit(form);
            }
        }
        CharSet(bits)
    }

    /// The characters a match of `query` must find (as the matcher takes the query: word by
    /// word, in lower case). An escaped space makes it give up and say nothing is needed.
    pub fn needed_by(query: &str) -> CharSet {
        if query.contains('\\') {
            return CharSet(0);
        }
        let bits = query
            .split(' ')
            .flat_map(graphemes)
            .filter(|&c| c != ' ')
            .fold(0, |bits, c| bits | bit(to_lower_case(c)));
        CharSet(bits)
    }

    /// Together: a contact holds the characters of all its fields.
    pub fn with(self, other: CharSet) -> CharSet {
        CharSet(self.0 | other.0)
    }

    /// Whether every character `needed` may be here (false: it certainly is not).
    pub fn may_hold(self, needed: CharSet) -> bool {
        self.0 & needed.0 == needed.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use nucleo_matcher::Utf32String;
    use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
    use nucleo_matcher::{Config, Matcher};
    use proptest::prelude::*;

    fn set(s: &str) -> CharSet {
        CharSet::of_field(Utf32String::from(s).slice(..))
    }

    #[test]
    fn a_missing_character_rules_a_field_out() {
        assert!(!set("さとう はなこ").may_hold(CharSet::needed_by("tan")));
        assert!(!set("tokyo").may_hold(CharSet::needed_by("tan")));
        assert!(set("Tanaka").may_hold(CharSet::needed_by("tan")));
        assert!(set("さとう").may_hold(CharSet::needed_by("さと")));
        assert!(
            set("Émile").may_hold(CharSet::needed_by("emi")),
            "accents off"
        );
        assert!(set("x").may_hold(CharSet::needed_by("a\\ b")), "gives up");
    }

    fn matches(field: &str, query: &str) -> bool {
        let pattern = Pattern::new(
            query,
            CaseMatching::Ignore,
            Normalization::Smart,
            AtomKind::Fuzzy,
        );
        let hay = Utf32String::from(field);
        pattern
            .score(hay.slice(..), &mut Matcher::new(Config::DEFAULT))
            .is_some()
    }

    proptest! {
        /// Never hides a match: whatever the matcher finds, the set allows.
        #[test]
        fn never_rules_out_what_the_matcher_finds(
            field in "[a-zA-ZÀ-ÿ0-9あ-んア-ン佐藤鈴木 .@\\-\u{301}]{0,16}",
            query in "[a-zA-ZÀ-ÿ0-9あ-んア-ン佐藤鈴木 .@\\-\u{301}]{1,4}",
        ) {
            if matches(&field, &query) {
                prop_assert!(set(&field).may_hold(CharSet::needed_by(&query)));
            }
        }

        /// The same, with queries picked out of the field (so that most of them match),
        /// in either case.
        #[test]
        fn never_rules_out_a_query_taken_from_the_field(
            field in "[a-zA-ZÀ-ÿ0-9あ-んア-ン佐藤鈴木 .@\\-\u{301}]{1,16}",
            picks in proptest::collection::vec(any::<bool>(), 16),
            upper in any::<bool>(),
        ) {
            let query: String = field
                .chars()
                .zip(picks)
                .filter(|(_, keep)| *keep)
                .map(|(c, _)| c)
                .collect();
            let query = if upper { query.to_uppercase() } else { query };
            if matches(&field, &query) {
                prop_assert!(set(&field).may_hold(CharSet::needed_by(&query)));
            }
        }
    }
}
