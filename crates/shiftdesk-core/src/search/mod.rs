//! Finding a contact by any fragment an operator remembers: a surname in kanji or kana, a
//! role, a team, a few digits of a number, part of an email. Fuzzy, ranked by nucleo;
//! NFKC on both sides, and katakana matched as hiragana, so ｶﾞｽ, ガス and がす meet.

pub mod chars;
mod query;

use crate::roster::Roster;
use crate::search::chars::CharSet;
use crate::search::query::{Hay, Query, digits_of, is_number_query};
use crate::text::normalize_input;
pub use nucleo_matcher::Matcher;
use nucleo_matcher::chars::graphemes;
use nucleo_matcher::{Config, Utf32Str};
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    Kana,
    Role,
    Team,
    /// A phone, by its index in the contact's phones.
    Phone(usize),
    Email,
}

/// One searchable field: what is shown, and where what is matched lies in the index.
struct Indexed {
    field: Field,
    shown: String,
    /// Where the field as the matcher compares it is: in `ascii` when `is_ascii`, else in
    /// `unicode`.
    hay: Range<usize>,
    is_ascii: bool,
    /// For phones: where the digits alone are in `all_digits`, and where each sits in the
    /// number as shown.
    digits: Option<(Range<usize>, Vec<u32>)>,
}

/// One contact: the characters its fields hold between them, where its fields are (its
/// phones last, from `phones` on), and where its phones' digits are in `all_digits`.
struct Entry {
    chars: CharSet,
    fields: Range<usize>,
    phones: usize,
    digits: Range<usize>,
}

/// The roster prepared for searching; built once per roster change, not per keystroke.
/// What a search reads for every contact lies together, in roster order.
pub struct SearchIndex {
    contacts: Vec<Entry>,
    /// Every contact's fields, one contact after another.
    fields: Vec<Indexed>,
    /// The characters each field holds, kept apart from the rest of it: the quick test
    /// that rules most fields out then reads one small array.
    field_chars: Vec<CharSet>,
    /// The fields as the matcher compares them, one after another: those all in ASCII as
    /// bytes, the others as characters.
    ascii: Vec<u8>,
    unicode: Vec<char>,
    /// Each contact's phone digits, one phone after another with a space between: a
    /// number query looks at a contact's phones only if its digits are in here.
    all_digits: String,
}

/// The matcher's working memory (some 130 kB): a search is given one to use, so that whoever
/// searches again and again keeps it from one search to the next, and the index itself
/// stays read-only (nothing is locked to search it or to draw from it).
pub fn matcher() -> Matcher {
    Matcher::new(Config::DEFAULT)
}

/// A contact that matched: its index in the roster, the score, and the field that matched
/// best ([`SearchIndex::positions`] says where).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub contact: usize,
    pub score: u32,
    pub field: Field,
}

/// Katakana as hiragana: the two are one sound to the person searching.
pub fn fold_kana(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{30A1}'..='\u{30F6}' => char::from_u32(c as u32 - 0x60).unwrap_or(c),
            c => c,
        })
        .collect()
}

/// Whether every contact matching `new` also matches `old`: `new` is `old` typed further,
/// with no pattern operators (`!` negates, so it could widen) and the same kind of query.
pub fn narrows(old: &str, new: &str) -> bool {
    let old = fold_kana(&normalize_input(old));
    let new = fold_kana(&normalize_input(new));
    let plain = |q: &str| !q.contains(['!', '^', '\'', '$', '\\']);
    !old.trim().is_empty()
        && new.starts_with(&old)
        && plain(&old)
        && plain(&new)
        && is_number_query(&old) == is_number_query(&new)
}

impl SearchIndex {
    pub fn new(roster: &Roster) -> SearchIndex {
        let mut index = SearchIndex {
            contacts: Vec::with_capacity(roster.contacts.len()),
            fields: Vec::new(),
            field_chars: Vec::new(),
            ascii: Vec::new(),
            unicode: Vec::new(),
            all_digits: String::new(),
        };
        for c in &roster.contacts {
            let mut fields = vec![
                (Field::Name, c.name.as_str()),
                (Field::Kana, c.kana.as_str()),
                (Field::Role, c.role.as_str()),
                (Field::Team, c.team.as_str()),
                (Field::Email, c.email.as_str()),
            ];
            fields.extend(
                c.phones
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (Field::Phone(i), p.number.as_str())),
            );
            let (start, digits_start) = (index.fields.len(), index.all_digits.len());
            let mut phones = None;
            let mut chars = CharSet::default();
            for (field, text) in fields {
                if text.trim().is_empty() {
                    continue;
                }
                let shown = normalize_input(text);
                let digits = matches!(field, Field::Phone(_)).then(|| {
                    phones.get_or_insert(index.fields.len());
                    if index.all_digits.len() > digits_start {
                        index.all_digits.push(' ');
                    }
                    let (d, at) = digits_of(&shown);
                    let from = index.all_digits.len();
                    index.all_digits.push_str(&d);
                    (from..index.all_digits.len(), at)
                });
                let folded = fold_kana(&shown);
                let (hay, is_ascii) = if folded.is_ascii() {
                    let at = index.ascii.len();
                    index.ascii.extend_from_slice(folded.as_bytes());
                    (at..index.ascii.len(), true)
                } else {
                    // As the matcher takes text: the first character of each grapheme.
                    let at = index.unicode.len();
                    index.unicode.extend(graphemes(&folded));
                    (at..index.unicode.len(), false)
                };
                index.fields.push(Indexed {
                    field,
                    shown,
                    hay,
                    is_ascii,
                    digits,
                });
                let field_chars =
                    CharSet::of_field(index.text(&index.fields[index.fields.len() - 1]));
                chars = chars.with(field_chars);
                index.field_chars.push(field_chars);
            }
            index.contacts.push(Entry {
                chars,
                fields: start..index.fields.len(),
                phones: phones.unwrap_or(index.fields.len()),
                digits: digits_start..index.all_digits.len(),
            });
        }
        index
    }

    /// A field as the matcher compares it.
    fn text(&self, f: &Indexed) -> Utf32Str<'_> {
        if f.is_ascii {
            Utf32Str::Ascii(&self.ascii[f.hay.clone()])
        } else {
            Utf32Str::Unicode(&self.unicode[f.hay.clone()])
        }
    }

    /// Field `k` (of all contacts' fields) as a query sees it.
    fn hay(&self, k: usize) -> Hay<'_> {
        let f = &self.fields[k];
        Hay {
            text: self.text(f),
            digits: f
                .digits
                .as_ref()
                .map(|(d, at)| (&self.all_digits[d.clone()], at.as_slice())),
        }
    }

    /// Where a contact's fields are among all contacts' fields.
    fn fields_of(&self, contact: usize) -> Range<usize> {
        self.contacts
            .get(contact)
            .map_or(0..0, |c| c.fields.clone())
    }

    /// The text of a field as the index shows it (NFKC-normalised).
    pub fn shown(&self, contact: usize, field: Field) -> Option<&str> {
        self.fields[self.fields_of(contact)]
            .iter()
            .find(|f| f.field == field)
            .map(|f| f.shown.as_str())
    }

    /// Contacts matching `query`, best first (ties by roster order). An empty query lists
    /// every contact. For one search; a search kept open uses
    /// [`search_within`](SearchIndex::search_within) with a matcher it keeps.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        self.search_within(query, None, &mut matcher())
    }

    /// As [`SearchIndex::search`], looking only at the contacts `within` (indices, in any
    /// order) when given: after a keystroke that [`narrows`] the query, the contacts that
    /// matched before are the only ones that can match now.
    pub fn search_within(
        &self,
        query: &str,
        within: Option<&[usize]>,
        matcher: &mut Matcher,
    ) -> Vec<Hit> {
        let Some(query) = Query::new(query) else {
            return (0..self.contacts.len())
                .map(|contact| Hit {
                    contact,
                    score: 0,
                    field: Field::Name,
                })
                .collect();
        };
        let mut hits = Vec::new();
        // In roster order, which is the order they lie in memory.
        let candidates: Vec<usize> = match within {
            Some(within) => {
                let mut keep = vec![false; self.contacts.len()];
                for &c in within {
                    if let Some(k) = keep.get_mut(c) {
                        *k = true;
                    }
                }
                (0..keep.len()).filter(|&c| keep[c]).collect()
            }
            None => (0..self.contacts.len()).collect(),
        };
        for contact in candidates {
            let Some(entry) = self.contacts.get(contact) else {
                continue;
            };
            let by_digits = query.digits().is_some_and(|wanted| {
                let digits = &self.all_digits.as_bytes()[entry.digits.clone()];
                wanted.find(digits).is_some()
            });
            if !by_digits && !entry.chars.may_hold(query.needed()) {
                continue;
            }
            let best = entry
                .fields
                .clone()
                .filter_map(|k| {
                    // The quick test first, before reading the field itself; a number is
                    // looked for in a phone by its digits instead.
                    let by_number = k >= entry.phones && query.digits().is_some();
                    if !by_number && !self.field_chars[k].may_hold(query.needed()) {
                        return None;
                    }
                    Some((query.score(&self.hay(k), matcher)?, self.fields[k].field))
                })
                .reduce(|best, this| if this.0 > best.0 { this } else { best });
            if let Some((score, field)) = best {
                hits.push(Hit {
                    contact,
                    score,
                    field,
                });
            }
        }
        best_first(hits)
    }

    /// Where `query` matched in each hit's field, in characters of
    /// [`shown`](SearchIndex::shown): worked out for the rows on screen only.
    pub fn positions(&self, hits: &[Hit], query: &str, matcher: &mut Matcher) -> Vec<Vec<u32>> {
        let Some(query) = Query::new(query) else {
            return vec![Vec::new(); hits.len()];
        };
        hits.iter()
            .map(|hit| {
                self.fields_of(hit.contact)
                    .find(|&k| self.fields[k].field == hit.field)
                    .map(|k| query.positions(&self.hay(k), matcher))
                    .unwrap_or_default()
            })
            .collect()
    }
}

/// The hits best first, ties in roster order, from hits in roster order (as a search finds
/// them): a counting sort by score, which keeps the order of equals, when the scores lie
/// close together (they do: a few dozen apart for thousands of hits).
fn best_first(hits: Vec<Hit>) -> Vec<Hit> {
    let (Some(low), Some(high)) = (
        hits.iter().map(|h| h.score).min(),
        hits.iter().map(|h| h.score).max(),
    ) else {
        return hits;
    };
    let scores = (high - low) as usize + 1;
    if scores > 8 * hits.len() + 256 {
        let mut hits = hits;
        hits.sort_by_key(|h| std::cmp::Reverse(h.score));
        return hits;
    }
    // Where each score's hits start in the result, best score first.
    let mut start = vec![0usize; scores + 1];
    for h in &hits {
        start[(high - h.score) as usize + 1] += 1;
    }
    for i in 1..=scores {
        start[i] += start[i - 1];
    }
    let mut sorted = hits.clone();
    for h in hits {
        let at = &mut start[(high - h.score) as usize];
        sorted[*at] = h;
        *at += 1;
    }
    sorted
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roster() -> Roster {
        serde_json::from_value(serde_json::json!({
            "schema_version": 1,
            "contacts": [
                {"id": "sato", "name": "佐藤 花子", "kana": "さとう はなこ", "role": "シフトリーダー",
                 "team": "運用第1チーム", "phones": [{"label": "mobile", "number": "090-1234-5678"}],
                 "email": "hanako.sato@example.com"},
                {"id": "gas", "name": "ガス保安センター", "kana": "がすほあんせんたー", "role": "外部窓口",
                 "team": "", "phones": [{"label": "office", "number": "0120-000-111"}]},
                {"id": "emily", "name": "Emily Brown", "kana": "エミリー ブラウン", "role": "Network engineer",
                 "team": "Infrastructure", "phones": [{"label": "mobile", "number": "080-0000-4101"}],
                 "email": "emily.brown@example.com"},
                {"id": "suzuki", "name": "鈴木 健太", "kana": "すずき けんた", "role": "シフトリーダー",
                 "team": "運用第2チーム", "phones": [{"label": "mobile", "number": "080-5555-0101"}]}
            ]
        }))
        .unwrap()
    }

    fn first(q: &str) -> String {
        let r = roster();
        let hits = SearchIndex::new(&r).search(q);
        hits.first()
            .map(|h| r.contacts[h.contact].id.clone())
            .unwrap_or_default()
    }

    #[test]
    fn kanji_kana_and_half_width_kana_all_find_the_person() {
        assert_eq!(first("佐藤"), "sato");
        assert_eq!(first("さとう"), "sato");
        assert_eq!(first("サトウ"), "sato", "katakana finds a hiragana reading");
        assert_eq!(first("ｶﾞｽ"), "gas", "half-width kana finds full-width");
        assert_eq!(first("がす"), "gas");
        assert_eq!(
            first("ぶらうん"),
            "emily",
            "hiragana finds a katakana reading"
        );
    }

    #[test]
    fn digits_find_numbers_with_or_without_hyphens() {
        assert_eq!(first("0901234"), "sato");
        assert_eq!(first("090-1234"), "sato");
        assert_eq!(first("１２３４５"), "sato", "full-width digits");
        assert_eq!(first("4101"), "emily");
        assert!(SearchIndex::new(&roster()).search("999999").is_empty());
    }

    #[test]
    fn roles_teams_and_email_are_searched_too() {
        assert_eq!(first("network"), "emily");
        assert_eq!(first("infra"), "emily");
        assert_eq!(first("hanako.sato"), "sato");
        let r = roster();
        let leaders: Vec<&str> = SearchIndex::new(&r)
            .search("シフトリーダー")
            .iter()
            .map(|h| r.contacts[h.contact].id.as_str())
            .collect();
        assert_eq!(leaders, ["sato", "suzuki"]);
    }

    #[test]
    fn matched_positions_point_into_the_shown_text() {
        let r = roster();
        let index = SearchIndex::new(&r);
        let hit = &index.search("0901234")[0];
        assert_eq!(hit.field, Field::Phone(0));
        let shown: Vec<char> = index
            .shown(hit.contact, hit.field)
            .unwrap()
            .chars()
            .collect();
        let matched: String = index.positions(std::slice::from_ref(hit), "0901234", &mut matcher())
            [0]
        .iter()
        .map(|&p| shown[p as usize])
        .collect();
        assert_eq!(matched, "0901234");
        let hit = &index.search("佐藤")[0];
        assert_eq!(
            (
                hit.field,
                index.positions(std::slice::from_ref(hit), "佐藤", &mut matcher())[0].clone()
            ),
            (Field::Name, vec![0, 1])
        );
        let hit = &index.search("ｈａｎａｋｏ")[0];
        assert_eq!(
            index.shown(hit.contact, hit.field),
            Some("hanako.sato@example.com")
        );
        assert_eq!(
            index.positions(std::slice::from_ref(hit), "ｈａｎａｋｏ", &mut matcher()),
            [vec![0, 1, 2, 3, 4, 5]]
        );
    }

    #[test]
    fn an_empty_query_lists_everyone_in_roster_order() {
        let hits = SearchIndex::new(&roster()).search("  ");
        assert_eq!(
            hits.iter().map(|h| h.contact).collect::<Vec<_>>(),
            [0, 1, 2, 3]
        );
    }

    #[test]
    fn a_better_match_ranks_first() {
        // "すずき" is the whole reading of one and scattered letters of no one else.
        assert_eq!(first("すずき"), "suzuki");
        assert_eq!(first("emily brown"), "emily");
    }
}

#[cfg(test)]
mod narrowing {
    use super::*;
    use proptest::prelude::*;

    fn roster(names: &[(String, String)]) -> Roster {
        let contacts: Vec<serde_json::Value> = names
            .iter()
            .enumerate()
            .map(|(n, (name, phone))| {
                serde_json::json!({"id": format!("c{n}"), "name": name, "kana": "",
                    "phones": [{"label": "mobile", "number": phone}]})
            })
            .collect();
        serde_json::from_value(serde_json::json!({"schema_version": 1, "contacts": contacts}))
            .unwrap()
    }

    proptest! {
        /// Looking only among the last results gives exactly what a full search gives,
        /// whenever `narrows` says it may.
        #[test]
        fn looking_among_the_last_results_is_the_same_as_a_full_search(
            names in proptest::collection::vec(("[a-cさサ佐 ]{0,6}", "[0-9-]{0,8}"), 0..30),
            old in "[a-cさサ佐0-9 !^$'-]{0,4}",
            more in "[a-cさサ佐0-9 !^$'-]{0,3}",
        ) {
            let index = SearchIndex::new(&roster(&names));
            let new = format!("{old}{more}");
            if narrows(&old, &new) {
                let mut within: Vec<usize> = index.search(&old).iter().map(|h| h.contact).collect();
                within.sort_unstable();
                prop_assert_eq!(index.search_within(&new, Some(&within), &mut matcher()), index.search(&new));
            }
        }
    }

    proptest! {
        /// Best first, and among equal scores in roster order.
        #[test]
        fn hits_come_best_first_then_in_roster_order(
            spread in proptest::sample::select(vec![1u32, 40, 100_000, u32::MAX]),
            raw in proptest::collection::vec(any::<u32>(), 0..200),
        ) {
            let hits: Vec<Hit> = raw
                .iter()
                .enumerate()
                .map(|(contact, &r)| Hit { contact, score: r % spread, field: Field::Name })
                .collect();
            let mut expected = hits.clone();
            expected.sort_by(|a, b| b.score.cmp(&a.score).then(a.contact.cmp(&b.contact)));
            prop_assert_eq!(best_first(hits), expected);
        }
    }

    #[test]
    fn operators_and_a_change_of_kind_do_not_narrow() {
        assert!(narrows("sat", "sato"));
        assert!(narrows("sato", "sato h"));
        assert!(!narrows("", "s"), "from everything");
        assert!(!narrows("sato", "sat"));
        assert!(!narrows("!x", "!xy"), "a negation widens as it grows");
        assert!(!narrows("-", "-0"), "text to a number");
    }
}
