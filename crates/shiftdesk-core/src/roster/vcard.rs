//! Contacts as vCard 3.0 (RFC 2426), for the address book of an operator's phone.
//!
//! Each contact becomes one `BEGIN:VCARD` … `END:VCARD` block. Lines end with CRLF and are
//! folded so that no physical line is longer than 75 octets: the rest goes on the next line
//! after one space. A fold never splits a UTF-8 character nor an escape such as `\,`.
//!
//! # Names
//!
//! The roster writes Japanese names family name first ("佐藤 花子") and English names given
//! name first ("Emily Brown"). A name with any CJK character (kanji, kana, or hangul, whose
//! names are also family name first) is split at its first space into family and given
//! name; a name without is split at its last space into given and family name. A name
//! without a space is all family name when it is CJK, all given name otherwise. The kana
//! reading is split the same way as the name it reads, into `X-PHONETIC-LAST-NAME` and
//! `X-PHONETIC-FIRST-NAME` (read by iOS and Android), and written whole in `SORT-STRING`.
//!
//! # Phones
//!
//! The label decides the type: `mobile` (or `cell`, 携帯) gives `CELL`, `office` (or
//! `work`, 会社, 職場) `WORK`, `home` (or 自宅) `HOME`, anything else `VOICE`; the first
//! phone is also `PREF`.
//!
//! # Text
//!
//! Values are escaped as RFC 2426 text: `\` → `\\`, `,` → `\,`, `;` → `\;`, a line break
//! (LF, CR LF or CR) → `\n`. A tab becomes a space; other control characters and bidi
//! controls are removed.

use crate::roster::{Contact, PhoneKind, Roster};
use crate::text::is_unsafe;

/// Longest physical line, in octets, without its CRLF.
const MAX_LINE: usize = 75;

/// Every contact of the roster, one vCard each, in roster order.
pub fn vcards(roster: &Roster) -> String {
    roster.contacts.iter().map(vcard).collect()
}

/// One contact as a vCard 3.0, every line folded and ended with CRLF.
pub fn vcard(contact: &Contact) -> String {
    let mut out = String::new();
    for line in lines(contact) {
        push_folded(&mut out, &line);
    }
    out
}

/// The unfolded lines of a contact's vCard.
fn lines(c: &Contact) -> Vec<String> {
    let name = c.name.trim();
    let full = if name.is_empty() { c.id.trim() } else { name };
    let cjk = has_cjk(full);
    let (family, given) = split_name(full, cjk);
    let mut out = vec![
        "BEGIN:VCARD".to_string(),
        "VERSION:3.0".to_string(),
        format!("N:{};{};;;", escape(family), escape(&given)),
        format!("FN:{}", escape(full)),
    ];
    out.extend(phonetic_lines(&c.kana, cjk));
    out.extend(phone_lines(c));
    push_text(&mut out, "EMAIL;TYPE=INTERNET", &c.email);
    push_text(&mut out, "TITLE", &c.role);
    push_text(&mut out, "ORG", &c.team);
    push_text(&mut out, "NOTE", &c.notes);
    out.push("END:VCARD".to_string());
    out
}

/// Adds `PROPERTY:value` when the value holds more than blanks.
fn push_text(out: &mut Vec<String>, property: &str, value: &str) {
    let value = value.trim();
    if !value.is_empty() {
        out.push(format!("{property}:{}", escape(value)));
    }
}

/// `X-PHONETIC-LAST-NAME`, `X-PHONETIC-FIRST-NAME` and `SORT-STRING` from the reading.
fn phonetic_lines(kana: &str, cjk: bool) -> Vec<String> {
    let kana = kana.trim();
    let mut out = Vec::new();
    if kana.is_empty() {
        return out;
    }
    let (last, first) = split_name(kana, cjk);
    push_text(&mut out, "X-PHONETIC-LAST-NAME", last);
    push_text(&mut out, "X-PHONETIC-FIRST-NAME", &first);
    push_text(&mut out, "SORT-STRING", kana);
    out
}

/// One `TEL` line per phone with a number; the first is `PREF`.
fn phone_lines(c: &Contact) -> Vec<String> {
    c.phones
        .iter()
        .filter(|p| !p.number.trim().is_empty())
        .enumerate()
        .map(|(i, p)| {
            let pref = if i == 0 { ",PREF" } else { "" };
            format!(
                "TEL;TYPE={}{pref}:{}",
                tel_type(&p.label),
                escape(p.number.trim())
            )
        })
        .collect()
}

/// The vCard TEL type for a phone label.
fn tel_type(label: &str) -> &'static str {
    match PhoneKind::of_label(label) {
        Some(PhoneKind::Mobile) => "CELL",
        Some(PhoneKind::Office) => "WORK",
        Some(PhoneKind::Home) => "HOME",
        None => "VOICE",
    }
}

/// (family, given): for CJK, the first word and the rest; otherwise the last word and the
/// rest. One word is the family name for CJK, the given name otherwise.
fn split_name(name: &str, cjk: bool) -> (&str, String) {
    let words: Vec<&str> = name.split_whitespace().collect();
    match (cjk, words.as_slice()) {
        (_, []) => ("", String::new()),
        (true, [family, given @ ..]) => (family, given.join(" ")),
        (false, [given]) => ("", given.to_string()),
        (false, [given @ .., family]) => (family, given.join(" ")),
    }
}

/// True when the text has a kanji, kana or hangul character.
fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| {
        matches!(u32::from(c),
            0x3005..=0x3007       // 々 〆 〇
            | 0x3040..=0x30FF     // hiragana, katakana
            | 0x31F0..=0x31FF     // katakana extensions
            | 0x3400..=0x4DBF     // CJK extension A
            | 0x4E00..=0x9FFF     // CJK unified ideographs
            | 0xF900..=0xFAFF     // CJK compatibility ideographs
            | 0xFF66..=0xFF9F     // half-width katakana
            | 0x1100..=0x11FF     // hangul jamo
            | 0x3130..=0x318F     // hangul compatibility jamo
            | 0xAC00..=0xD7AF     // hangul syllables
            | 0x20000..=0x3FFFF) // CJK extensions B and later
    })
}

/// A text value escaped per RFC 2426, without control or bidi characters.
fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\t' => out.push(' '),
            c if is_unsafe(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends the line folded at [`MAX_LINE`] octets, each physical line ended with CRLF.
/// An escape (`\` and the character after it) is kept on one physical line.
fn push_folded(out: &mut String, line: &str) {
    let mut used = 0;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        let mut unit = String::from(c);
        if c == '\\'
            && let Some(next) = chars.next()
        {
            unit.push(next);
        }
        if used + unit.len() > MAX_LINE {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push_str(&unit);
        used += unit.len();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roster::Phone;
    use serde_json::Map;

    fn phone(label: &str, number: &str) -> Phone {
        Phone {
            label: label.into(),
            number: number.into(),
            extra: Map::new(),
        }
    }

    fn contact(id: &str, name: &str) -> Contact {
        Contact {
            id: id.into(),
            name: name.into(),
            kana: String::new(),
            role: String::new(),
            team: String::new(),
            phones: vec![],
            email: String::new(),
            notes: String::new(),
            sample: false,
            unavailable: None,
            extra: Map::new(),
        }
    }

    fn roster() -> Roster {
        let mut sato = contact("sato-hanako", "佐藤 花子");
        sato.kana = "さとう はなこ".into();
        sato.role = "シフトリーダー".into();
        sato.team = "運用第1チーム".into();
        sato.phones = vec![
            phone("mobile", "090-0000-1101"),
            phone("office", "03-0000-1101"),
        ];
        sato.email = "hanako.sato@example.com".into();
        sato.notes = "夜間は携帯へ。".repeat(8);
        let mut emily = contact("emily-brown", "Emily Brown");
        emily.role = "Network engineer".into();
        emily.team = "Infrastructure".into();
        emily.phones = vec![phone("home", "+81 3 0000 3101")];
        emily.email = "emily.brown@example.com".into();
        let mut tricky = contact("jo-tricky", "Jo Ann Tricky");
        tricky.role = "Lead; backup, \\ nights\u{202E}".into();
        tricky.team = "Ops, Night;Shift".into();
        tricky.phones = vec![
            phone("pager", "(03) 0000-3202"),
            phone("Mobile", "080-0000-3201"),
        ];
        tricky.notes = "line one\nline two\r\n\u{1b}[31mred\u{7}\ttab".into();
        Roster {
            contacts: vec![sato, emily, tricky],
            ..Roster::default()
        }
    }

    /// A property as parsed back: name with parameters, and the raw (escaped) value.
    type Prop = (String, String);

    /// Unfolds the text and splits it into cards of properties.
    fn parse(text: &str) -> Vec<Vec<Prop>> {
        let unfolded = text.replace("\r\n ", "");
        let mut cards = Vec::new();
        let mut card = Vec::new();
        for line in unfolded.split("\r\n").filter(|l| !l.is_empty()) {
            let (name, value) = line.split_once(':').expect("a property has a colon");
            match (name, value) {
                ("BEGIN", "VCARD") => card = Vec::new(),
                ("END", "VCARD") => cards.push(std::mem::take(&mut card)),
                _ => card.push((name.to_string(), value.to_string())),
            }
        }
        cards
    }

    /// Splits a raw value at unescaped `sep` and unescapes each part.
    fn split_unescaped(raw: &str, sep: char) -> Vec<String> {
        let mut parts = vec![String::new()];
        let mut chars = raw.chars();
        while let Some(c) = chars.next() {
            let part = parts.last_mut().expect("never empty");
            match c {
                '\\' => match chars.next() {
                    Some('n') | Some('N') => part.push('\n'),
                    Some(other) => part.push(other),
                    None => panic!("dangling backslash in {raw:?}"),
                },
                c if c == sep => parts.push(String::new()),
                c => part.push(c),
            }
        }
        parts
    }

    fn unescape(raw: &str) -> String {
        let parts = split_unescaped(raw, '\u{0}');
        assert_eq!(parts.len(), 1);
        parts.into_iter().next().expect("one part")
    }

    /// The unescaped values of a property, by name with parameters.
    fn values(card: &[Prop], name: &str) -> Vec<String> {
        card.iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| unescape(v))
            .collect()
    }

    fn value(card: &[Prop], name: &str) -> Option<String> {
        let all = values(card, name);
        assert!(all.len() <= 1, "{name} more than once");
        all.into_iter().next()
    }

    fn n_parts(card: &[Prop]) -> Vec<String> {
        let raw = card
            .iter()
            .find(|(n, _)| n == "N")
            .map(|(_, v)| v.as_str())
            .expect("N is present");
        split_unescaped(raw, ';')
    }

    #[test]
    fn japanese_contact_has_family_name_first_and_phonetic_fields() {
        let cards = parse(&vcards(&roster()));
        let card = &cards[0];
        assert_eq!(value(card, "VERSION").as_deref(), Some("3.0"));
        assert_eq!(n_parts(card), ["佐藤", "花子", "", "", ""]);
        assert_eq!(value(card, "FN").as_deref(), Some("佐藤 花子"));
        assert_eq!(
            value(card, "X-PHONETIC-LAST-NAME").as_deref(),
            Some("さとう")
        );
        assert_eq!(
            value(card, "X-PHONETIC-FIRST-NAME").as_deref(),
            Some("はなこ")
        );
        assert_eq!(value(card, "SORT-STRING").as_deref(), Some("さとう はなこ"));
        assert_eq!(
            value(card, "TEL;TYPE=CELL,PREF").as_deref(),
            Some("090-0000-1101")
        );
        assert_eq!(
            value(card, "TEL;TYPE=WORK").as_deref(),
            Some("03-0000-1101")
        );
        assert_eq!(
            value(card, "EMAIL;TYPE=INTERNET").as_deref(),
            Some("hanako.sato@example.com")
        );
        assert_eq!(value(card, "TITLE").as_deref(), Some("シフトリーダー"));
        assert_eq!(value(card, "ORG").as_deref(), Some("運用第1チーム"));
        assert_eq!(value(card, "NOTE"), Some("夜間は携帯へ。".repeat(8)));
    }

    #[test]
    fn english_contact_has_given_name_first_and_no_phonetic_fields() {
        let cards = parse(&vcards(&roster()));
        let card = &cards[1];
        assert_eq!(n_parts(card), ["Brown", "Emily", "", "", ""]);
        assert_eq!(value(card, "FN").as_deref(), Some("Emily Brown"));
        assert_eq!(value(card, "X-PHONETIC-LAST-NAME"), None);
        assert_eq!(value(card, "X-PHONETIC-FIRST-NAME"), None);
        assert_eq!(value(card, "SORT-STRING"), None);
        assert_eq!(
            value(card, "TEL;TYPE=HOME,PREF").as_deref(),
            Some("+81 3 0000 3101")
        );
        assert_eq!(value(card, "TITLE").as_deref(), Some("Network engineer"));
        assert_eq!(value(card, "ORG").as_deref(), Some("Infrastructure"));
        assert_eq!(value(card, "NOTE"), None);
    }

    #[test]
    fn special_characters_are_escaped_and_control_characters_removed() {
        let cards = parse(&vcards(&roster()));
        let card = &cards[2];
        assert_eq!(n_parts(card), ["Tricky", "Jo Ann", "", "", ""]);
        assert_eq!(
            value(card, "TITLE").as_deref(),
            Some("Lead; backup, \\ nights")
        );
        assert_eq!(value(card, "ORG").as_deref(), Some("Ops, Night;Shift"));
        assert_eq!(
            value(card, "NOTE").as_deref(),
            Some("line one\nline two\n[31mred tab")
        );
        assert_eq!(
            value(card, "TEL;TYPE=VOICE,PREF").as_deref(),
            Some("(03) 0000-3202")
        );
        assert_eq!(
            value(card, "TEL;TYPE=CELL").as_deref(),
            Some("080-0000-3201")
        );
        assert_eq!(value(card, "EMAIL;TYPE=INTERNET"), None);
        let raw_org = card
            .iter()
            .find(|(n, _)| n == "ORG")
            .map(|(_, v)| v.as_str());
        assert_eq!(raw_org, Some("Ops\\, Night\\;Shift"));
    }

    #[test]
    fn every_card_is_complete_and_in_roster_order() {
        let text = vcards(&roster());
        assert_eq!(text.matches("BEGIN:VCARD\r\n").count(), 3);
        assert_eq!(text.matches("END:VCARD\r\n").count(), 3);
        assert!(text.ends_with("END:VCARD\r\n"));
        let names: Vec<_> = parse(&text)
            .iter()
            .map(|card| value(card, "FN").expect("FN"))
            .collect();
        assert_eq!(names, ["佐藤 花子", "Emily Brown", "Jo Ann Tricky"]);
    }

    #[test]
    fn lines_are_at_most_75_octets_and_free_of_control_characters() {
        let text = vcards(&roster());
        let body = text.strip_suffix("\r\n").expect("ends with CRLF");
        let mut folded = 0;
        for line in body.split("\r\n") {
            assert!(line.len() <= MAX_LINE, "{} octets: {line:?}", line.len());
            assert!(
                !line.chars().any(is_unsafe),
                "control character in {line:?}"
            );
            folded += usize::from(line.starts_with(' '));
        }
        assert!(folded >= 2, "the long Japanese note is folded");
    }

    #[test]
    fn folding_keeps_escapes_and_characters_whole() {
        let mut out = String::new();
        let line = format!("NOTE:{}", "\\,".repeat(40));
        push_folded(&mut out, &line);
        for physical in out.trim_end_matches("\r\n").split("\r\n") {
            let body = physical.strip_prefix(' ').unwrap_or(physical);
            assert!(!body.starts_with(','), "escape split: {physical:?}");
            assert!(physical.len() <= MAX_LINE);
        }
        assert_eq!(out.replace("\r\n ", ""), format!("{line}\r\n"));
    }

    #[test]
    fn names_split_by_script() {
        assert_eq!(split_name("佐藤 花子", true), ("佐藤", "花子".to_string()));
        assert_eq!(split_name("佐藤花子", true), ("佐藤花子", String::new()));
        assert_eq!(
            split_name("Emily Brown", false),
            ("Brown", "Emily".to_string())
        );
        assert_eq!(split_name("Cher", false), ("", "Cher".to_string()));
        assert!(has_cjk("ｻﾄｳ") && has_cjk("김 민준") && !has_cjk("José Núñez"));
    }

    #[test]
    fn phone_labels_map_to_tel_types() {
        assert_eq!(tel_type("mobile"), "CELL");
        assert_eq!(tel_type(" Office "), "WORK");
        assert_eq!(tel_type("home"), "HOME");
        assert_eq!(tel_type("携帯"), "CELL");
        assert_eq!(tel_type(""), "VOICE");
    }

    #[test]
    fn contact_without_name_uses_its_id_for_fn() {
        let card = vcard(&contact("c-0001", " "));
        assert!(card.contains("\r\nFN:c-0001\r\n"), "{card}");
        assert!(card.contains("\r\nN:;c-0001;;;\r\n"), "{card}");
    }
}
