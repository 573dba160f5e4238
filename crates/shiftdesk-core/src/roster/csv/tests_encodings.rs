//! Files as spreadsheets write them: CP932, UTF-16 with BOM (tab-separated), UTF-8 with and
//! without BOM; quoted line breaks; bytes that are no text. Every file is built here, byte
//! by byte, with encoding_rs's encoders or literal bytes.

use super::tests::{bad_rows, rows};
use super::*;
use crate::i18n::Lang;
use encoding_rs::SHIFT_JIS;

/// The text in an encoding, as a spreadsheet would save it (with its BOM).
pub(super) fn encoded(text: &str, encoding: TextEncoding) -> Vec<u8> {
    let utf16 = |bom: [u8; 2], unit: fn(u16) -> [u8; 2]| {
        bom.into_iter()
            .chain(text.encode_utf16().flat_map(unit))
            .collect::<Vec<u8>>()
    };
    match encoding {
        TextEncoding::Utf8 => text.as_bytes().to_vec(),
        TextEncoding::Utf8Bom => [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat(),
        TextEncoding::Utf16Le => utf16([0xFF, 0xFE], u16::to_le_bytes),
        TextEncoding::Utf16Be => utf16([0xFE, 0xFF], u16::to_be_bytes),
        TextEncoding::Cp932 => {
            let (bytes, _, unmappable) = SHIFT_JIS.encode(text);
            assert!(!unmappable, "not in CP932: {text}");
            bytes.into_owned()
        }
    }
}

/// A roster as a Japanese office keeps it: Japanese headers, half-width katakana in the
/// reading, ① and the IBM-extension 髙 and 﨑, ～ (0x8160 in CP932), a phone in full-width
/// digits, a note over two lines (Alt+Enter), CR LF line ends.
fn office_sheet(separator: char) -> String {
    let rows = [
        vec![
            "氏名",
            "フリガナ",
            "役職",
            "所属",
            "電話番号",
            "電話2",
            "メールアドレス",
            "備考",
        ],
        vec![
            "髙橋 一郎",
            "ﾀｶﾊｼ ｲﾁﾛｳ",
            "①班リーダー",
            "運用部",
            "０９０－１２３４－５６７８",
            "03-0000-0000",
            "",
            "\"平日 9時～18時\r\n夜間は携帯へ\"",
        ],
        vec![
            "山﨑 花子",
            "ﾔﾏｻﾞｷ ﾊﾅｺ",
            "課長",
            "運用部",
            "080ｰ0000ｰ2222",
            "",
            "",
            "",
        ],
    ];
    rows.iter()
        .map(|r| r.join(&separator.to_string()) + "\r\n")
        .collect()
}

fn assert_office_rows(rows: &[ImportRow]) {
    assert_eq!(rows.len(), 2, "{rows:?}");
    let r = &rows[0];
    assert_eq!(r.name, "髙橋 一郎");
    assert_eq!(
        r.kana, "タカハシ イチロウ",
        "half-width katakana made full-width"
    );
    assert_eq!(r.role, "1班リーダー", "① is NFKC'd like every field");
    assert_eq!(
        r.phones,
        ["090-1234-5678", "03-0000-0000"],
        "full-width digits"
    );
    assert_eq!(
        r.notes, "平日 9時~18時\n夜間は携帯へ",
        "the cell's line break kept, as LF"
    );
    assert_eq!(rows[1].name, "山﨑 花子");
    assert_eq!(rows[1].kana, "ヤマザキ ハナコ");
    assert_eq!(rows[1].phones, ["080-0000-2222"], "ｰ as a dash");
    assert_eq!(rows[1].line, 4, "the record after a two-line one");
}

#[test]
fn excel_csv_in_cp932_is_read_and_says_so() {
    let bytes = encoded(&office_sheet(','), TextEncoding::Cp932);
    assert!(
        bytes.windows(2).any(|w| w == [0x81, 0x60]),
        "～ as CP932 writes it"
    );
    assert!(
        bytes.windows(2).any(|w| w == [0xFB, 0xFC]),
        "髙, an IBM extension"
    );
    assert!(
        bytes.windows(2).any(|w| w == [0x87, 0x40]),
        "①, an NEC special"
    );
    assert!(std::str::from_utf8(&bytes).is_err());
    let file = parse_import(&bytes).unwrap();
    assert_eq!(
        file.format,
        FileFormat {
            encoding: TextEncoding::Cp932,
            separator: Separator::Comma
        }
    );
    assert!(
        decode(&bytes).unwrap().text.contains('～'),
        "0x8160 is ～ (U+FF5E), as Windows maps it"
    );
    assert_office_rows(&file.rows);
    assert_eq!(
        file.format.read_as("名簿.csv", Lang::En),
        "Read 名簿.csv as Shift_JIS (CP932), comma-separated."
    );
    assert_eq!(
        file.format.read_as("名簿.csv", Lang::Ja),
        "名簿.csv を Shift_JIS (CP932)・カンマ区切りとして読みました。"
    );
}

#[test]
fn excel_unicode_text_is_utf16_le_and_tab_separated() {
    let bytes = encoded(&office_sheet('\t'), TextEncoding::Utf16Le);
    assert_eq!(bytes[..2], [0xFF, 0xFE]);
    let file = parse_import(&bytes).unwrap();
    assert_eq!(file.format.encoding, TextEncoding::Utf16Le);
    assert_eq!(file.format.separator, Separator::Tab);
    assert_office_rows(&file.rows);
    let big = parse_import(&encoded(&office_sheet('\t'), TextEncoding::Utf16Be)).unwrap();
    assert_eq!(big.format.encoding, TextEncoding::Utf16Be);
    assert_office_rows(&big.rows);
}

#[test]
fn utf8_with_and_without_bom_and_either_separator() {
    for encoding in [TextEncoding::Utf8, TextEncoding::Utf8Bom] {
        for (separator, expected) in [(',', Separator::Comma), ('\t', Separator::Tab)] {
            let file = parse_import(&encoded(&office_sheet(separator), encoding)).unwrap();
            assert_eq!(
                file.format,
                FileFormat {
                    encoding,
                    separator: expected
                }
            );
            assert_office_rows(&file.rows);
        }
    }
    // 〜 (WAVE DASH) has no place in CP932 but is fine in UTF-8, and stays as written.
    let rows = rows("name,phone,notes\n佐藤,090-0000-0001,9時〜18時\n".as_bytes());
    assert_eq!(rows[0].notes, "9時〜18時");
}

#[test]
fn utf8_japanese_is_never_taken_for_cp932() {
    // "佐藤" in UTF-8 is also valid CP932 ("菴占陸" or so): UTF-8 is tried first.
    let bytes = "name,phone\n佐藤,090-0000-0001\n".as_bytes();
    let (_, _, errors) = SHIFT_JIS.decode(bytes);
    assert!(!errors, "the ambiguous case: these bytes are CP932 too");
    let file = parse_import(bytes).unwrap();
    assert_eq!(file.format.encoding, TextEncoding::Utf8);
    assert_eq!(file.rows[0].name, "佐藤");
    // UTF-8 with one broken byte further on: an error at that byte, not a garbled CP932
    // import, even where CP932 would read every byte.
    let mut broken = "name,phone\n佐藤,090-0000-0001\n鈴木,090-0000-0002\n"
        .as_bytes()
        .to_vec();
    // 鈴 is E9 88 B4; E9 41 is not UTF-8, but is a kanji in CP932, and B4 is ｴ.
    let at = broken
        .windows(3)
        .position(|w| w == "鈴".as_bytes())
        .unwrap();
    broken[at + 1] = b'A';
    let (_, _, errors) = SHIFT_JIS.decode(&broken);
    assert!(!errors, "CP932 would read it all, garbled");
    assert_eq!(
        parse_import(&broken),
        Err(CsvError::NotText { line: 3, byte: at })
    );
}

#[test]
fn bytes_that_are_no_text_name_their_line_and_byte() {
    // 0xFF is neither UTF-8 nor CP932.
    let bytes = b"name,phone\nOK,090-0000-0001\nX\xFF,090-0000-0002\n";
    let err = parse_import(bytes).unwrap_err();
    assert_eq!(err, CsvError::NotText { line: 3, byte: 29 });
    let en = err.message(Lang::En);
    assert!(
        en.starts_with("Line 3 (byte 29) cannot be read as text"),
        "{en}"
    );
    assert!(
        err.message(Lang::Ja)
            .starts_with("3行目(29バイト目)を文字として読めません")
    );
    // A CP932 lead byte with no trail byte: broken where CP932 broke.
    let mut cp932 = encoded("氏名,電話番号\n佐藤,090-0000-0001\n", TextEncoding::Cp932);
    cp932.extend(b"\x81,090\n");
    let at = cp932.len() - 6;
    assert_eq!(
        parse_import(&cp932),
        Err(CsvError::NotText { line: 3, byte: at })
    );
}

#[test]
fn a_bom_that_lies_and_nul_bytes_and_user_defined_characters_are_refused() {
    // UTF-16 LE with an unpaired surrogate on line 2.
    let mut utf16 = encoded("name\tphone\r\n", TextEncoding::Utf16Le);
    utf16.extend([0x00, 0xD8, b'x', 0x00]);
    let err = parse_import(&utf16).unwrap_err();
    assert!(
        matches!(
            err,
            CsvError::BadEncoding {
                encoding: TextEncoding::Utf16Le,
                line: 2,
                ..
            }
        ),
        "{err:?}"
    );
    // An odd number of bytes in UTF-16.
    let mut odd = encoded("name\tphone\r\n", TextEncoding::Utf16Le);
    odd.push(b'x');
    assert!(matches!(
        parse_import(&odd),
        Err(CsvError::BadEncoding { line: 2, .. })
    ));
    // UTF-8 with a BOM and a broken byte.
    let err = parse_import(b"\xEF\xBB\xBFname\nA\xC3\n").unwrap_err();
    assert_eq!(
        err,
        CsvError::BadEncoding {
            encoding: TextEncoding::Utf8Bom,
            line: 2,
            byte: 9
        }
    );
    assert!(
        err.message(Lang::En)
            .contains("byte order mark of UTF-8 (BOM)")
    );
    // UTF-16 without its BOM: NUL bytes.
    let no_bom: Vec<u8> = "name,phone\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert_eq!(
        parse_import(&no_bom),
        Err(CsvError::NulByte { line: 1, byte: 1 })
    );
    // CP932's user-defined area (外字): 0xF040.
    let mut gaiji = encoded("氏名,電話番号\n", TextEncoding::Cp932);
    gaiji.extend(b"\xF0\x40,090-0000-0001\n");
    let err = parse_import(&gaiji).unwrap_err();
    assert_eq!(
        err,
        CsvError::UserDefinedCharacter {
            line: 2,
            character: '\u{E000}'
        }
    );
    assert!(err.message(Lang::Ja).contains("外字(U+E000)"));
}

#[test]
fn a_line_break_stays_in_notes_and_is_an_error_elsewhere_with_the_record_s_first_line() {
    let text = "name,phone,notes\r\n\
                Sato,090-0000-0001,\"first\r\nsecond\"\r\n\
                Lee,090-0000-0002,\"one\ntwo\nthree\"\r\n\
                \"Kim\r\nJun\",090-0000-0003,\r\n\
                Park,\"090-0000\n-0004\",\"a\nb\"\r\n\
                Last,090-0000-0005,\r\n";
    let bad = bad_rows(text.as_bytes());
    let got: Vec<(usize, usize, &RowProblem)> = bad
        .iter()
        .map(|b| (b.line, b.last_line, &b.problem))
        .collect();
    assert_eq!(
        got,
        [
            (
                7,
                8,
                &RowProblem::LineBreak {
                    column: Column::Name
                }
            ),
            (
                9,
                11,
                &RowProblem::LineBreak {
                    column: Column::Phone
                }
            ),
        ]
    );
    assert_eq!(
        bad[1].message(Lang::Ja),
        "9行目(この行から11行目までが1件): 電話番号(phone)に改行(セル内の Alt+Enter)があります。改行できるのは備考(notes)だけです。1行にしてください"
    );
    let good = text
        .replace("\"Kim\r\nJun\"", "Kim Jun")
        .replace("\"090-0000\n-0004\"", "090-0000-0004");
    let rows = rows(good.as_bytes());
    assert_eq!(rows[0].notes, "first\nsecond");
    assert_eq!(rows[1].notes, "one\ntwo\nthree");
    assert_eq!(
        rows.iter().map(|r| r.line).collect::<Vec<_>>(),
        [2, 4, 7, 8, 10],
        "each record at the line where it starts"
    );
}

#[test]
fn phone_dashes_of_every_kind_become_hyphens() {
    let text = "name,phone\nA,090ー0000ー0001\nB,090‐0000−0002\nC,０９０―００００―０００３\n";
    let rows = rows(text.as_bytes());
    let phones: Vec<&str> = rows.iter().map(|r| r.phones[0].as_str()).collect();
    assert_eq!(phones, ["090-0000-0001", "090-0000-0002", "090-0000-0003"]);
}
