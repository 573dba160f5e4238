//! `roster import` with rosters as Japanese offices keep them, driving the real binary:
//! Excel's CSV in CP932, its "Unicode text" (UTF-16 LE with BOM, tab-separated), UTF-8 with
//! and without BOM, cells with line breaks; a merge that never drops data silently
//! (`--replace`, `--dry-run`); and the sample roster never taken for the team's
//! (`contacts`, `roster vcard`, `doctor`). Every file is built here, byte by byte.

mod common;

use common::cli::{ok, shiftdesk};
use encoding_rs::SHIFT_JIS;
use std::path::Path;
use std::process::Command;

const SAMPLE: &str = include_str!("../assets/roster.sample.json");

fn cp932(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = SHIFT_JIS.encode(text);
    assert!(!unmappable, "{text}");
    bytes.into_owned()
}

fn utf16le_with_bom(text: &str) -> Vec<u8> {
    [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect()
}

/// A sheet as a Japanese office keeps it: Japanese headers, half-width katakana, 髙 (an
/// IBM extension), ～, a phone in full-width digits, a note written with Alt+Enter.
fn sheet(separator: &str) -> String {
    [
        "氏名,フリガナ,役職,所属,電話番号,電話2,メールアドレス,備考",
        "髙橋 一郎,ﾀｶﾊｼ ｲﾁﾛｳ,夜間リーダー,運用部,０９０－１２３４－５６７８,,,\"平日 9時～18時\r\n夜間は携帯へ\"",
        "山田 次郎,ﾔﾏﾀﾞ ｼﾞﾛｳ,,運用部,080-0000-2222,,,",
    ]
    .iter()
    .map(|line| line.replace(',', separator) + "\r\n")
    .collect()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_string()
}

fn roster_json(dir: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(dir.join("roster.json")).unwrap()).unwrap()
}

fn contact<'a>(roster: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    roster["contacts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("{name} not in {roster}"))
}

fn numbers(contact: &serde_json::Value) -> Vec<String> {
    contact["phones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["number"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn excel_files_in_every_encoding_import_as_a_person_expects_and_say_how_they_were_read() {
    let files: [(&str, Vec<u8>, &str); 4] = [
        (
            "excel.csv",
            cp932(&sheet(",")),
            "as Shift_JIS (CP932), comma-separated.",
        ),
        (
            "unicode.txt",
            utf16le_with_bom(&sheet("\t")),
            "as UTF-16 LE (BOM), tab-separated.",
        ),
        (
            "utf8bom.csv",
            [&b"\xEF\xBB\xBF"[..], sheet(",").as_bytes()].concat(),
            "as UTF-8 (BOM), comma-separated.",
        ),
        (
            "utf8.csv",
            sheet(",").into_bytes(),
            "as UTF-8, comma-separated.",
        ),
    ];
    for (name, bytes, read_as) in files {
        let tmp = tempfile::tempdir().unwrap();
        let file = write(tmp.path(), name, &bytes);
        let out = ok(tmp.path(), "--lang en roster import", &[&file]);
        assert!(
            out.starts_with(&format!("Read {file} {read_as}\n")),
            "{name}: {out}"
        );
        assert!(
            out.contains("added: 髙橋 一郎\nadded: 山田 次郎\n"),
            "{out}"
        );
        let roster = roster_json(tmp.path());
        let takahashi = contact(&roster, "髙橋 一郎");
        assert_eq!(takahashi["kana"], "タカハシ イチロウ", "{name}");
        assert_eq!(numbers(takahashi), ["090-1234-5678"], "{name}");
        assert_eq!(
            takahashi["notes"], "平日 9時~18時\n夜間は携帯へ",
            "{name}: the cell's line break kept"
        );
        let found = ok(tmp.path(), "contacts ﾀｶﾊｼ", &[]);
        assert!(found.starts_with("髙橋 一郎"), "{found}");
    }
    // In Japanese too.
    let tmp = tempfile::tempdir().unwrap();
    let file = write(tmp.path(), "名簿.csv", &cp932(&sheet(",")));
    let out = ok(tmp.path(), "--lang ja roster import", &[&file]);
    assert!(
        out.starts_with(&format!(
            "{file} を Shift_JIS (CP932)・カンマ区切りとして読みました。\n"
        )),
        "{out}"
    );
}

#[test]
fn bytes_in_no_encoding_are_refused_with_the_file_and_line_and_nothing_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let mut bytes = cp932("氏名,電話番号\r\n佐藤 花子,090-0000-1101\r\n");
    bytes.extend(b"X\xFF,090-0000-0002\r\n");
    let file = write(tmp.path(), "broken.csv", &bytes);
    let (code, out, err) = shiftdesk(tmp.path(), "--lang en roster import", &[&file]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        err.contains(&format!("{file}: Line 3 (byte 41) cannot be read as text")),
        "{err}"
    );
    assert!(err.contains("Nothing was imported"), "{err}");
    assert!(!tmp.path().join("roster.json").exists(), "nothing written");
}

#[test]
fn a_line_break_in_a_name_is_an_error_at_the_line_where_its_record_starts() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = "name,phone,notes\n\
               Lee,090-0000-0001,\"line one\nline two\"\n\
               \"Kim\nJun\",090-0000-0002,\n";
    let file = write(tmp.path(), "names.csv", csv.as_bytes());
    let (code, _, err) = shiftdesk(tmp.path(), "--lang en roster import", &[&file]);
    assert_eq!(code, Some(1));
    assert!(err.contains("Read "), "what was read is said: {err}");
    assert!(
        err.contains(
            "line 4 (the record starts there and runs to line 5): name holds a line break"
        ),
        "{err}"
    );
    assert!(!tmp.path().join("roster.json").exists());
}

/// The sample's 佐藤 花子 (mobile 090-0000-1101, office 03-0000-1101) with a new role and
/// only her mobile in the file.
fn sato_row() -> Vec<u8> {
    cp932("氏名,役職,電話番号\r\n佐藤 花子,運用課長,090-0000-1101\r\n")
}

#[test]
fn a_merge_shows_old_to_new_keeps_the_phone_the_file_lacks_and_replace_drops_it() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("roster.json"), SAMPLE).unwrap();
    let file = write(tmp.path(), "sato.csv", &sato_row());
    let out = ok(tmp.path(), "--lang en roster import", &[&file]);
    assert!(
        out.contains("updated: 佐藤 花子\n  role: シフトリーダー → 運用課長\n"),
        "{out}"
    );
    assert!(
        out.contains("1 phone number(s) of these contacts that the file does not list were kept"),
        "{out}"
    );
    let sato = contact(&roster_json(tmp.path()), "佐藤 花子").clone();
    assert_eq!(sato["role"], "運用課長");
    assert_eq!(
        numbers(&sato),
        ["090-0000-1101", "03-0000-1101"],
        "office kept"
    );

    let out = ok(tmp.path(), "--lang ja roster import --replace", &[&file]);
    assert!(
        out.contains("  電話番号: 携帯 090-0000-1101、会社 03-0000-1101 → 携帯 090-0000-1101\n"),
        "{out}"
    );
    assert!(
        out.contains("  削除(--replace、ファイルにない番号): 会社 03-0000-1101\n"),
        "{out}"
    );
    let sato = contact(&roster_json(tmp.path()), "佐藤 花子").clone();
    assert_eq!(numbers(&sato), ["090-0000-1101"], "dropped with --replace");
}

#[test]
fn dry_run_says_what_would_change_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let roster = data.join("roster.json");
    std::fs::write(&roster, SAMPLE).unwrap();
    let before = std::fs::read(&roster).unwrap();
    let mtime = std::fs::metadata(&roster).unwrap().modified().unwrap();
    let files = |d: &Path| -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let listed = files(&data);
    let file = write(tmp.path(), "sato.csv", &sato_row());
    for args in [
        "--lang en roster import --dry-run",
        "--lang en roster import --dry-run --replace",
    ] {
        let out = ok(&data, args, &[&file]);
        assert!(
            out.contains("Dry run: nothing was written. The import would change this:\n"),
            "{out}"
        );
        assert!(out.contains("  role: シフトリーダー → 運用課長"), "{out}");
        if args.contains("--replace") {
            assert!(out.contains("dropped (--replace, not in the file): Office 03-0000-1101"));
        }
        assert_eq!(
            std::fs::read(&roster).unwrap(),
            before,
            "{args}: same bytes"
        );
        assert_eq!(
            std::fs::metadata(&roster).unwrap().modified().unwrap(),
            mtime,
            "{args}: same mtime"
        );
        assert_eq!(files(&data), listed, "{args}: no lock, no backup, no file");
    }
    // On a data dir that does not exist yet: nothing is made.
    let none = tmp.path().join("none");
    let out = ok(&none, "--lang en roster import --dry-run", &[&file]);
    assert!(out.contains("added: 佐藤 花子"), "{out}");
    assert!(!none.exists(), "no data dir made");
}

fn vcard(dir: &Path) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_shiftdesk"))
        .arg("--data-dir")
        .arg(dir)
        .args(["--lang", "en", "roster", "vcard"])
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn the_sample_roster_is_never_taken_for_the_team_s() {
    // No roster at all: no fictional numbers, a way to make one, and exit 1.
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    for lang in ["en", "ja"] {
        let (code, out, err) = shiftdesk(d, &format!("--lang {lang} contacts"), &[]);
        assert_eq!(code, Some(1), "{out}");
        assert_eq!(out, "", "no sample numbers printed");
        let expected = if lang == "en" {
            "There is no roster in"
        } else {
            "にはまだ名簿がないため"
        };
        assert!(
            err.contains(expected) && err.contains("roster import"),
            "{err}"
        );
    }
    let (code, out, err) = vcard(d);
    assert_eq!((code, out.as_str()), (Some(1), ""), "{err}");
    assert!(err.contains("There is no roster in"), "{err}");
    assert!(!d.join("roster.json").exists(), "reading writes nothing");

    // The sample: the data on stdout, the warning on stderr.
    std::fs::write(d.join("roster.json"), SAMPLE).unwrap();
    let (code, out, err) = shiftdesk(d, "--lang en contacts 佐藤", &[]);
    assert_eq!(code, Some(0));
    assert!(
        out.starts_with("佐藤 花子") && !out.contains("SAMPLE"),
        "{out}"
    );
    assert!(err.contains("this is the bundled SAMPLE roster"), "{err}");
    let (_, out, err) = shiftdesk(d, "--lang en contacts --json", &[]);
    assert!(
        serde_json::from_str::<serde_json::Value>(&out).is_ok(),
        "{out}"
    );
    assert!(err.contains("SAMPLE"), "{err}");
    let (code, out, err) = vcard(d);
    assert_eq!(code, Some(0));
    assert!(out.starts_with("BEGIN:VCARD"), "{out}");
    assert!(err.contains("this is the bundled SAMPLE roster"), "{err}");

    // doctor: something to do, not a note.
    let (code, out, _) = shiftdesk(d, "--lang en doctor", &[]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("ACT ") && l.contains("SAMPLE roster")),
        "{out}"
    );

    // The team's own roster: no warning.
    let own = SAMPLE.replace("\"sample\": true", "\"sample\": false");
    std::fs::write(d.join("roster.json"), own).unwrap();
    let (_, _, err) = shiftdesk(d, "--lang en contacts 佐藤", &[]);
    assert_eq!(err, "");
}
