use super::*;
use crate::i18n::Lang;

const GOOD: &[u8] = include_bytes!("../../../../../tests/fixtures/csv/good.csv");
const BOM_JAPANESE: &[u8] = include_bytes!("../../../../../tests/fixtures/csv/bom_japanese.csv");
const BAD_ROWS: &[u8] = include_bytes!("../../../../../tests/fixtures/csv/bad_rows.csv");

pub(super) fn rows(bytes: &[u8]) -> Vec<ImportRow> {
    match parse_import(bytes) {
        Ok(file) => file.rows,
        Err(e) => panic!("{}", e.message(Lang::En)),
    }
}

pub(super) fn bad_rows(bytes: &[u8]) -> Vec<BadRow> {
    match parse_import(bytes) {
        Err(CsvError::Rows(bad)) => bad,
        other => panic!("expected bad rows, got {other:?}"),
    }
}

pub(super) fn phone(label: &str, number: &str) -> Phone {
    Phone {
        label: label.into(),
        number: number.into(),
        extra: Map::new(),
    }
}

pub(super) fn contact(id: &str, name: &str, phones: Vec<Phone>) -> Contact {
    Contact {
        id: id.into(),
        name: name.into(),
        kana: String::new(),
        role: String::new(),
        team: String::new(),
        phones,
        email: String::new(),
        notes: String::new(),
        sample: false,
        unavailable: None,
        extra: Map::new(),
    }
}

pub(super) fn roster(contacts: Vec<Contact>) -> Roster {
    Roster {
        contacts,
        ..Roster::default()
    }
}

#[test]
fn good_file_gives_every_row_with_its_line() {
    let rows = rows(GOOD);
    assert_eq!(rows.len(), 4);
    assert_eq!(
        rows.iter().map(|r| r.line).collect::<Vec<_>>(),
        [2, 3, 4, 5]
    );
    assert_eq!(rows[0].name, "佐藤 花子");
    assert_eq!(rows[0].phones, ["090-0000-1101", "03-0000-1101"]);
    assert_eq!(rows[1].notes, "Prefers chat, then phone");
    assert_eq!(rows[1].phones, ["+81 90 0000 3101"]);
    assert_eq!(rows[3].phones, Vec::<String>::new());
    assert_eq!(rows[3].email, "night.desk@example.com");
}

#[test]
fn bom_and_japanese_headers_in_any_order() {
    let rows = rows(BOM_JAPANESE);
    assert_eq!(rows.len(), 2);
    let r = &rows[0];
    assert_eq!(r.line, 2);
    assert_eq!(r.name, "高橋 誠");
    assert_eq!(r.kana, "タカハシ マコト", "half-width kana made full-width");
    assert_eq!(r.role, "運用課長");
    assert_eq!(r.team, "運用部");
    assert_eq!(
        r.phones,
        ["090-0000-1201", "03-0000-1201"],
        "full-width digits"
    );
    assert_eq!(r.email, "makoto.takahashi@example.jp");
    assert_eq!(r.notes, "夜間も可");
    assert_eq!(rows[1].phones, ["080-0000-2101"]);
}

#[test]
fn every_header_spelling_is_recognised() {
    let spellings = [
        ("Name", Column::Name),
        (" 名前 ", Column::Name),
        ("ふりがな", Column::Kana),
        ("よみ", Column::Kana),
        ("読み", Column::Kana),
        ("ｶﾅ", Column::Kana),
        ("役割", Column::Role),
        ("チーム", Column::Team),
        ("部署", Column::Team),
        ("電話", Column::Phone),
        ("電話１", Column::Phone),
        ("PHONE2", Column::Phone2),
        ("メール", Column::Email),
        ("Ｅメール", Column::Email),
        ("メモ", Column::Notes),
    ];
    for (header, column) in spellings {
        assert_eq!(Column::from_header(header), Some(column), "{header}");
    }
    assert_eq!(Column::from_header("nmae"), None);
}

#[test]
fn bad_rows_are_all_reported_with_their_lines() {
    let bad = bad_rows(BAD_ROWS);
    let got: Vec<(usize, RowProblem)> = bad.into_iter().map(|b| (b.line, b.problem)).collect();
    let expected = vec![
        (4, RowProblem::MissingName),
        (5, RowProblem::NoPhoneOrEmail),
        (
            6,
            RowProblem::BadPhone {
                column: Column::Phone,
                number: "12-34".into(),
            },
        ),
        (
            7,
            RowProblem::BadEmail {
                email: "kenta.example.com".into(),
            },
        ),
        (
            8,
            RowProblem::FieldCount {
                expected: 8,
                found: 4,
            },
        ),
        (
            9,
            RowProblem::LineBreak {
                column: Column::Name,
            },
        ),
        (
            11,
            RowProblem::Phone2WithoutPhone {
                number: "03-0000-1196".into(),
            },
        ),
        (
            12,
            RowProblem::DuplicatePhone {
                name: "佐藤 花子".into(),
                number: "090-0000-1101".into(),
                first_line: 2,
            },
        ),
        (
            14,
            RowProblem::DuplicateEmail {
                name: "No Phone".into(),
                email: "NP@example.com".into(),
                first_line: 13,
            },
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn bad_row_messages_in_both_languages() {
    let bad = bad_rows(BAD_ROWS);
    assert_eq!(bad[1].message(Lang::En), "line 5: no phone and no email");
    assert_eq!(
        bad[1].message(Lang::Ja),
        "5行目: 電話番号もメールアドレスもありません"
    );
    assert_eq!(
        bad[5].message(Lang::En),
        "line 9 (the record starts there and runs to line 10): name holds a line break (a cell written with Alt+Enter); only notes may. Put it on one line"
    );
    let all = CsvError::Rows(bad).message(Lang::Ja);
    assert_eq!(all.lines().count(), 10, "{all}");
    assert!(all.contains("12行目: 「佐藤 花子」(電話番号「090-0000-1101」)は2行目と重複"));
}

#[test]
fn messages_never_carry_control_characters() {
    let csv = "name,phone\n\"Evil\u{1b}]0;x\u{7}\",+81 90 0000 0001\nOK,\u{202E}12\n";
    let bad = bad_rows(csv.as_bytes());
    assert_eq!(bad.len(), 2);
    for lang in [Lang::En, Lang::Ja] {
        let text = CsvError::Rows(bad.clone()).message(lang);
        assert!(!text.lines().any(|l| l.chars().any(is_unsafe)), "{text:?}");
    }
}

#[test]
fn row_with_several_problems_reports_each() {
    let bad = bad_rows(b"name,phone,email\n,12,bad\n");
    let problems: Vec<_> = bad.iter().map(|b| (b.line, &b.problem)).collect();
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(problems.iter().all(|(line, _)| *line == 2));
}

#[test]
fn unknown_columns_are_named() {
    let err = parse_import(b"name,phnoe,phone,\nSato,1,090-0000-0001,\n");
    let Err(CsvError::UnknownColumns { columns }) = err else {
        panic!("{err:?}");
    };
    assert_eq!(columns, [(2, "phnoe".to_string()), (4, String::new())]);
    let msg = CsvError::UnknownColumns { columns }.message(Lang::En);
    assert!(msg.contains("\"phnoe\" in column 2"), "{msg}");
}

#[test]
fn header_errors() {
    assert_eq!(parse_import(b""), Err(CsvError::NoHeader));
    assert_eq!(parse_import(b"\xef\xbb\xbf\n\n"), Err(CsvError::NoHeader));
    assert_eq!(
        parse_import(b"phone,email\n"),
        Err(CsvError::MissingNameColumn)
    );
    assert_eq!(
        parse_import("氏名,電話,電話番号\n".as_bytes()),
        Err(CsvError::DuplicateColumn {
            column: Column::Phone,
            first: 2,
            second: 3,
        })
    );
}

#[test]
fn blank_lines_and_empty_rows_are_skipped_and_crlf_is_read() {
    let rows = rows(b"name,phone\r\n\r\nSato,090-0000-0001\r\n,\r\n\r\nLee,090-0000-0002\r\n");
    assert_eq!(rows.len(), 2);
    assert_eq!((rows[0].line, rows[1].line), (3, 6));
}

#[test]
fn header_only_file_gives_no_rows() {
    assert_eq!(rows(b"name,phone\n"), vec![]);
}

pub(super) fn import_row(name: &str, phones: &[&str], email: &str) -> ImportRow {
    ImportRow {
        line: 2,
        name: name.into(),
        kana: String::new(),
        role: String::new(),
        team: String::new(),
        phones: phones.iter().map(|p| p.to_string()).collect(),
        email: email.into(),
        notes: String::new(),
    }
}

#[test]
fn merge_adds_updates_and_counts_unchanged() {
    let mut sato = contact(
        "sato-hanako",
        "佐藤 花子",
        vec![
            phone("office", "03-0000-1101"),
            phone("mobile", "090-0000-1101"),
        ],
    );
    sato.sample = true;
    sato.extra.insert("pager".into(), "12".into());
    let lee = contact("lee", "Lee", vec![phone("mobile", "090-0000-0009")]);
    let mut r = roster(vec![sato, lee]);
    let mut update = import_row("佐藤 花子", &["09000001101", "080-0000-7777"], "");
    update.role = "シフトリーダー".into();
    let same = import_row("Lee", &["090 0000 0009"], "");
    let mut same = same;
    same.phones = vec!["090-0000-0009".into()];
    let new = import_row("Emily Brown", &["+81 90 0000 3101", "03-0000-3102"], "");
    let report = merge(&mut r, &[update, same, new], PhoneMerge::Keep);

    assert_eq!(report.added, ["Emily Brown"]);
    assert_eq!(report.updated.len(), 1);
    assert_eq!(report.updated[0].name, "佐藤 花子");
    assert_eq!(report.unchanged, 1);
    assert_eq!(
        report.kept_phones, 1,
        "the office number the row does not list"
    );

    let sato = &r.contacts[0];
    assert_eq!(sato.role, "シフトリーダー");
    assert_eq!(
        sato.phones,
        [
            phone("office", "03-0000-1101"),
            phone("mobile", "09000001101"),
            phone("office", "080-0000-7777")
        ],
        "existing phones kept in place (written as the row writes them), new ones after, labelled by column"
    );
    assert!(sato.sample, "the sample flag stays");
    assert_eq!(sato.extra.get("pager"), Some(&"12".into()));
    let emily = &r.contacts[2];
    assert_eq!(emily.id, "emily-brown");
    assert_eq!(
        emily.phones,
        [
            phone("mobile", "+81 90 0000 3101"),
            phone("office", "03-0000-3102")
        ]
    );
}

#[test]
fn merge_needs_name_and_phone_to_match() {
    let mut r = roster(vec![contact(
        "lee",
        "Lee",
        vec![phone("mobile", "090-0000-0009")],
    )]);
    let other_phone = import_row("Lee", &["090-0000-0008"], "");
    let other_name = import_row("Li", &["090-0000-0009"], "");
    let report = merge(&mut r, &[other_phone, other_name], PhoneMerge::Keep);
    assert_eq!(report.added, ["Lee", "Li"]);
    assert_eq!(r.contacts.len(), 3, "nothing removed, two added");
    assert_eq!(r.contacts[1].id, "lee-2");
}

#[test]
fn merge_without_phone_matches_by_email() {
    let mut desk = contact("desk", "Night Desk", vec![phone("office", "03-0000-0001")]);
    desk.email = "Night.Desk@example.com".into();
    let mut r = roster(vec![desk]);
    let mut row = import_row("Night Desk", &[], "night.desk@example.com");
    row.notes = "Shared mailbox".into();
    let report = merge(&mut r, &[row], PhoneMerge::Replace);
    let changed: Vec<&FieldChange> = report.updated[0].changes.iter().collect();
    assert!(
        matches!(
            changed[..],
            [
                FieldChange::Text {
                    column: Column::Email,
                    ..
                },
                FieldChange::Text {
                    column: Column::Notes,
                    ..
                }
            ]
        ),
        "{changed:?}"
    );
    assert_eq!(
        r.contacts[0].phones,
        [phone("office", "03-0000-0001")],
        "a row without a phone leaves the phones alone, even with Replace"
    );
}

#[test]
fn merge_keeps_third_and_later_phones() {
    let phones = vec![
        phone("mobile", "090-0000-0001"),
        phone("office", "03-0000-0002"),
        phone("home", "03-0000-0003"),
    ];
    let mut r = roster(vec![contact("kim", "Kim", phones.clone())]);
    let row = import_row("Kim", &["090-0000-0001"], "");
    let report = merge(&mut r, std::slice::from_ref(&row), PhoneMerge::Keep);
    assert_eq!((report.unchanged, report.kept_phones), (1, 2));
    assert_eq!(r.contacts[0].phones, phones, "nothing dropped");
    let report = merge(&mut r, &[row], PhoneMerge::Replace);
    assert_eq!(
        report.updated[0].dropped,
        [PhoneLine::of(&phones[1]), PhoneLine::of(&phones[2])]
    );
    assert_eq!(r.contacts[0].phones, [phone("mobile", "090-0000-0001")]);
}

#[test]
fn new_ids_are_kebab_or_numbered_and_unique() {
    let mut r = roster(vec![
        contact("emily-brown", "Emily Brown", vec![]),
        contact("c-0001", "佐藤 花子", vec![]),
    ]);
    assert_eq!(fresh_id(&r, "Emily Brown"), "emily-brown-2");
    assert_eq!(fresh_id(&r, "José  Núñez (ops)"), "jose-nunez-ops");
    assert_eq!(fresh_id(&r, "ＭＡＲＹ 3"), "mary-3");
    assert_eq!(fresh_id(&r, "鈴木 健太"), "c-0002");
    assert_eq!(
        fresh_id(&r, "0120"),
        "c-0002",
        "digits alone are not letters"
    );
    r.contacts.push(contact("c-0002", "x", vec![]));
    assert_eq!(fresh_id(&r, "高橋"), "c-0003");
    let report = merge(
        &mut r,
        &[import_row("鈴木 健太", &["080-0000-1102"], "")],
        PhoneMerge::Keep,
    );
    assert_eq!(report.added.len(), 1);
    assert_eq!(r.contacts[3].id, "c-0003");
}

/// 佐藤 花子 with every field, a mobile and an office number.
pub(super) fn sato() -> Contact {
    let mut sato = contact(
        "sato-hanako",
        "佐藤 花子",
        vec![
            phone("mobile", "090-0000-1101"),
            phone("office", "03-0000-1101"),
        ],
    );
    sato.kana = "さとう はなこ".into();
    sato.role = "シフトリーダー".into();
    sato.team = "運用第1チーム".into();
    sato.email = "hanako.sato@example.com".into();
    sato
}

fn tricky_roster() -> Roster {
    let sato = sato();
    let mut emily = contact("emily-brown", "Brown, Emily \"Em\"", vec![]);
    emily.phones = vec![phone("home", "+81 90 0000 3101")];
    emily.role = "=HYPERLINK(\"http://x\")".into();
    emily.team = "-ops".into();
    emily.notes = "@here, then +1; 'quoted'".into();
    let mut desk = contact("desk", "+Night Desk", vec![]);
    desk.email = "night.desk@example.com".into();
    roster(vec![sato, emily, desk])
}

#[test]
fn export_neutralises_formulas_but_keeps_plus_phones() {
    let csv = export_csv(&tricky_roster());
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "name,kana,role,team,phone,phone2,email,notes");
    assert!(csv.ends_with('\n') && !csv.contains('\r'));
    assert_eq!(
        lines[2],
        "\"Brown, Emily \"\"Em\"\"\",,\"'=HYPERLINK(\"\"http://x\"\")\",'-ops,+81 90 0000 3101,,,\"'@here, then +1; 'quoted'\""
    );
    assert_eq!(lines[3], "'+Night Desk,,,,,,night.desk@example.com,");
}

#[test]
fn export_makes_control_characters_safe() {
    let mut c = contact("x", "X\u{1b}[2J", vec![phone("mobile", "090-0000-0001")]);
    c.notes = "one\ntwo\u{202E}".into();
    let csv = export_csv(&roster(vec![c]));
    assert!(
        !csv.trim_end().lines().any(|l| l.chars().any(is_unsafe)),
        "{csv:?}"
    );
    assert!(
        csv.contains("X\u{FFFD}[2J") && csv.contains("\"one\ntwo\""),
        "notes keep their line break, in a quoted cell: {csv:?}"
    );
}

#[test]
fn export_round_trips_through_import() {
    let original = tricky_roster();
    let rows = rows(export_csv(&original).as_bytes());
    assert_eq!(rows.len(), original.contacts.len());
    for (row, c) in rows.iter().zip(&original.contacts) {
        assert_eq!(row.name, c.name);
        assert_eq!(row.kana, c.kana);
        assert_eq!(row.role, c.role);
        assert_eq!(row.team, c.team);
        let numbers: Vec<&str> = c.phones.iter().map(|p| p.number.as_str()).collect();
        assert_eq!(row.phones, numbers);
        assert_eq!(row.email, c.email);
        assert_eq!(row.notes, c.notes);
    }
    let mut again = original.clone();
    let report = merge(&mut again, &rows, PhoneMerge::Replace);
    assert_eq!(report.unchanged, original.contacts.len(), "{report:?}");
    assert_eq!(again, original);
}

#[test]
fn bundled_sample_roster_round_trips() {
    let sample: Roster =
        serde_json::from_str(include_str!("../../../../../assets/roster.sample.json")).unwrap();
    let rows = rows(export_csv(&sample).as_bytes());
    let mut again = sample.clone();
    let report = merge(&mut again, &rows, PhoneMerge::Keep);
    assert_eq!(report.unchanged, sample.contacts.len(), "{report:?}");
    assert_eq!(again, sample);
}

#[test]
fn good_fixture_round_trips_after_merge() {
    let mut r = Roster::default();
    let report = merge(&mut r, &rows(GOOD), PhoneMerge::Keep);
    assert_eq!(report.added.len(), 4);
    assert_eq!(
        r.contacts.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
        ["c-0001", "emily-brown", "c-0002", "night-desk"]
    );
    let again = rows(export_csv(&r).as_bytes());
    assert_eq!(merge(&mut r.clone(), &again, PhoneMerge::Keep).unchanged, 4);
}
