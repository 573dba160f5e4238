//! A merge never drops data silently: every change old → new, phones the file lacks kept
//! unless replaced (and then named); and any roster written out and read back, in every
//! encoding a spreadsheet writes, comes back as it was.

use super::tests::{contact, import_row, phone, roster, sato};
use super::tests_encodings::encoded;
use super::*;
use crate::i18n::Lang;
use proptest::prelude::*;

#[test]
fn a_phone_the_file_lacks_is_kept_and_every_change_reads_old_to_new() {
    let mut r = roster(vec![sato()]);
    let mut row = import_row("佐藤 花子", &["090-0000-1101"], "");
    row.role = "運用課長".into();
    row.notes = "夜間は携帯へ\n土日は不可".into();
    let report = merge(&mut r, std::slice::from_ref(&row), PhoneMerge::Keep);
    assert_eq!(
        r.contacts[0].phones,
        sato().phones,
        "the office number is kept"
    );
    assert_eq!(
        report.lines(Lang::En),
        [
            "updated: 佐藤 花子",
            "  role: シフトリーダー → 運用課長",
            "  notes: (empty) → 夜間は携帯へ 土日は不可",
            "0 added, 1 updated, 0 unchanged",
            "1 phone number(s) of these contacts that the file does not list were kept; --replace drops them",
        ]
    );
    assert_eq!(
        report.lines(Lang::Ja)[..3],
        [
            "更新: 佐藤 花子",
            "  役職(role): シフトリーダー → 運用課長",
            "  備考(notes): (空欄) → 夜間は携帯へ 土日は不可",
        ]
    );
}

#[test]
fn replace_drops_the_phones_the_file_lacks_and_says_so() {
    let mut r = roster(vec![sato()]);
    let row = import_row("佐藤 花子", &["090-0000-1101", "080-0000-9999"], "");
    let report = merge(&mut r, &[row], PhoneMerge::Replace);
    assert_eq!(
        r.contacts[0].phones,
        [
            phone("mobile", "090-0000-1101"),
            phone("office", "080-0000-9999")
        ]
    );
    assert_eq!(
        report.lines(Lang::En),
        [
            "updated: 佐藤 花子",
            "  phones: Mobile 090-0000-1101, Office 03-0000-1101 → Mobile 090-0000-1101, Office 080-0000-9999",
            "  dropped (--replace, not in the file): Office 03-0000-1101",
            "0 added, 1 updated, 0 unchanged",
        ]
    );
    assert_eq!(
        report.lines(Lang::Ja)[1..3],
        [
            "  電話番号: 携帯 090-0000-1101、会社 03-0000-1101 → 携帯 090-0000-1101、会社 080-0000-9999",
            "  削除(--replace、ファイルにない番号): 会社 03-0000-1101",
        ]
    );
}

#[test]
fn keep_adds_a_new_number_after_the_ones_there() {
    let mut r = roster(vec![sato()]);
    let row = import_row("佐藤 花子", &["09000001101", "080-0000-9999"], "");
    let report = merge(&mut r, &[row], PhoneMerge::Keep);
    assert_eq!(
        r.contacts[0].phones,
        [
            phone("mobile", "09000001101"),
            phone("office", "03-0000-1101"),
            phone("office", "080-0000-9999"),
        ]
    );
    assert_eq!(report.kept_phones, 1);
    assert_eq!(
        report.lines(Lang::En)[1],
        "  phones: Mobile 090-0000-1101, Office 03-0000-1101 → Mobile 09000001101, Office 03-0000-1101, Office 080-0000-9999"
    );
}

/// Text that survives the trip as it is: NFKC-stable, trimmed, no leading `'`, and
/// writable in CP932.
fn words(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop::sample::select(vec![
            "Sato",
            "Lee",
            "佐藤",
            "花子",
            "髙橋",
            "山﨑",
            "すずき",
            "カタカナ",
            "運用",
            "a,b",
            "\"quoted\"",
            "=SUM(1)",
            "+1",
            "-ops",
            "@here",
            "O'Neil",
            "x;y",
        ]),
        1..=max,
    )
    .prop_map(|w| w.join(" "))
}

fn a_roster() -> impl Strategy<Value = Roster> {
    let fields = (
        words(3),
        proptest::option::of(words(2)),
        proptest::option::of(words(2)),
        proptest::option::of(0u32..10_000),
        proptest::option::of("[a-z]{1,6}"),
        proptest::collection::vec(words(3), 0..3),
    );
    proptest::collection::vec(fields, 1..6).prop_map(|contacts| {
        let contacts = contacts
            .into_iter()
            .enumerate()
            .map(|(i, (name, kana, role, phone2, email, notes))| {
                let mut phones = vec![phone(PHONE_LABEL, &format!("090-0000-{i:04}"))];
                if let Some(n) = phone2 {
                    phones.push(phone(PHONE2_LABEL, &format!("03-1000-{n:04}")));
                }
                let mut c = contact(&format!("c-{i:04}"), &name, phones);
                c.kana = kana.unwrap_or_default();
                c.role = role.unwrap_or_default();
                c.email = email
                    .map(|e| format!("{e}@example.com"))
                    .unwrap_or_default();
                c.notes = notes.join("\n");
                c
            })
            .collect();
        roster(contacts)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_roster_written_out_in_any_encoding_imports_back_the_same(
        original in a_roster(),
        encoding in prop::sample::select(vec![
            TextEncoding::Utf8,
            TextEncoding::Utf8Bom,
            TextEncoding::Utf16Le,
            TextEncoding::Utf16Be,
            TextEncoding::Cp932,
        ]),
        crlf in any::<bool>(),
    ) {
        let utf16 = matches!(encoding, TextEncoding::Utf16Le | TextEncoding::Utf16Be);
        let separator = if utf16 { Separator::Tab } else { Separator::Comma };
        let mut text = export_csv_with(&original, separator);
        if crlf {
            // Excel ends records with CR LF, and a cell's own line break stays LF.
            let mut records = csv::ReaderBuilder::new()
                .has_headers(false)
                .delimiter(separator.byte())
                .from_reader(text.as_bytes());
            let mut out = csv::WriterBuilder::new()
                .delimiter(separator.byte())
                .terminator(csv::Terminator::CRLF)
                .from_writer(Vec::new());
            for record in records.records() {
                out.write_record(&record.unwrap()).unwrap();
            }
            text = String::from_utf8(out.into_inner().unwrap()).unwrap();
        }
        let file = parse_import(&encoded(&text, encoding)).unwrap();
        // An all-ASCII sheet is the same bytes in CP932 and UTF-8: read as UTF-8.
        let read_as = if encoding == TextEncoding::Cp932 && text.is_ascii() {
            TextEncoding::Utf8
        } else {
            encoding
        };
        prop_assert_eq!(file.format, FileFormat { encoding: read_as, separator });
        let mut again = original.clone();
        for phones in [PhoneMerge::Keep, PhoneMerge::Replace] {
            let report = merge(&mut again, &file.rows, phones);
            prop_assert_eq!(report.unchanged, original.contacts.len(), "{:?}", report);
            prop_assert_eq!(&again, &original);
        }
    }
}
