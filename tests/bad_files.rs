//! A corpus of malformed data files, built here: truncations of a real file (see
//! [`truncations`]), bit flips, invalid UTF-8, a BOM, an empty file, a directory in the
//! file's place, nesting 10,000 deep, a file over the size cap, wrong types. For incidents,
//! roster, playbooks, drill scenarios, the team's guide, the flow's sign-offs (`flow.json`)
//! and roster CSVs: no panic, an error naming the path (and line:column where the file was
//! read), and not a byte written anywhere in the data dir.

mod common;

use shiftdesk_core::i18n::Lang;
use shiftdesk_store::DataDir;
use shiftdesk_store::drills::load_scenarios;
use shiftdesk_store::guide_file::{BUNDLED_GUIDE, load_guide};
use shiftdesk_store::open::open_desk;
use shiftdesk_store::playbooks_file::{BUNDLED_PLAYBOOKS, load_playbooks};
use shiftdesk_store::roster_file::SAMPLE_ROSTER;
use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hasher};
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Incidents,
    Roster,
    Playbooks,
    Scenario,
    Guide,
    Flow,
}

/// A `flow.json` as the desk writes it: a sign-off and an acknowledgement, with the (small)
/// flow they were of.
fn flow_file() -> Vec<u8> {
    use shiftdesk_core::apply::Apply;
    use shiftdesk_core::change::Stamped;
    use shiftdesk_core::flow::{FlowEntry, FlowFile, FlowSnapshot};
    let flow = FlowSnapshot {
        roster: serde_json::json!({
            "schema_version": 1,
            "contacts": [{"id": "sato", "name": "佐藤 花子", "phones": [{"label": "mobile", "number": "090-0000-1101"}]}],
            "routes": [{"id": "default", "min_severity": 4, "levels": [{"contacts": ["sato"], "means": "phone", "report_within_minutes": 15, "escalate_after_minutes": 5}]}]
        }),
        playbooks: serde_json::json!({"schema_version": 1, "playbooks": {}}),
        guide: serde_json::json!({"schema_version": 1, "categories": {}}),
        own_playbooks: false,
        own_guide: true,
    };
    let mut file = FlowFile::default();
    let at = common::now();
    let sign = FlowEntry::SignOff {
        note: "checked with the leads".into(),
        flow: Box::new(flow.clone()),
    };
    Stamped::new(sign, at, "田中 良子", "desk-a", [1; 10])
        .apply(&mut file)
        .unwrap();
    let ack = FlowEntry::Acknowledge {
        flow: Box::new(flow),
    };
    Stamped::new(ack, at, "yamada", "desk-a", [2; 10])
        .apply(&mut file)
        .unwrap();
    serde_json::to_vec(&file).unwrap()
}

/// Every file below `root` with a hash of its bytes.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, u64> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = e.path();
            let meta = std::fs::symlink_metadata(&path).unwrap();
            if meta.is_dir() {
                stack.push(path.clone());
                out.insert(path, 0);
            } else if meta.len() > 1 << 20 {
                out.insert(path, meta.len());
            } else {
                let mut h = DefaultHasher::new();
                h.write(&std::fs::read(&path).unwrap());
                out.insert(path, h.finish());
            }
        }
    }
    out
}

fn base(kind: Kind) -> Vec<u8> {
    match kind {
        Kind::Incidents => {
            let mut file = common::shift_desk();
            file.incidents.truncate(2);
            serde_json::to_vec(&file).unwrap()
        }
        Kind::Roster => {
            let r: serde_json::Value = serde_json::from_str(SAMPLE_ROSTER).unwrap();
            serde_json::to_vec(&r).unwrap()
        }
        Kind::Playbooks => {
            let p: serde_json::Value = serde_json::from_str(BUNDLED_PLAYBOOKS).unwrap();
            serde_json::to_vec(&p).unwrap()
        }
        Kind::Scenario => include_bytes!("../assets/drills/lost-id-card.json").to_vec(),
        Kind::Guide => serde_json::to_vec(&small_guide()).unwrap(),
        Kind::Flow => flow_file(),
    }
}

/// The bundled guide cut down to one of each thing it holds (a category with its examples,
/// boundaries and severities, the scope definition with two requests of each list, a known
/// risk, the obligations): every truncation of the whole guide would take minutes to read.
fn small_guide() -> serde_json::Value {
    let mut g: serde_json::Value = serde_json::from_str(BUNDLED_GUIDE).unwrap();
    if let Some(categories) = g["categories"].as_object_mut() {
        categories.retain(|id, _| id == "team.security");
    }
    for list in ["handles", "does_not_handle"] {
        if let Some(items) = g["scope"][list].as_array_mut() {
            items.truncate(2);
        }
    }
    if let Some(risks) = g["known_risks"].as_array_mut() {
        risks.truncate(1);
    }
    g
}

/// Where a file of `len` bytes is cut: everywhere in its first and last 512 bytes, and
/// about 1,000 evenly spread places between. Every place of a large file made the corpus
/// quadratic (each cut is read whole, and a roster's cut opens the whole desk).
fn truncations(len: usize) -> Vec<usize> {
    const EDGE: usize = 512;
    if len <= 3 * EDGE {
        return (0..len).collect();
    }
    let step = (len - 2 * EDGE) / 1000 + 1;
    let mut at: Vec<usize> = (0..EDGE).collect();
    at.extend((EDGE..len - EDGE).step_by(step));
    at.extend(len - EDGE..len);
    at
}

/// The cuts of a good file (see [`truncations`]), then `flips` copies with one bit flipped,
/// the same bits every run.
fn truncations_and_flips(good: &[u8], flips: usize) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = truncations(good.len())
        .into_iter()
        .map(|n| (format!("truncated at {n}"), good[..n].to_vec()))
        .collect();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for i in 0..flips {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let mut bytes = good.to_vec();
        let at = (x as usize) % bytes.len();
        bytes[at] ^= 1 << ((x >> 32) % 8);
        out.push((format!("bit flip {i} at {at}"), bytes));
    }
    out
}

/// The malformed inputs for one kind of file.
fn corpus(kind: Kind) -> Vec<(String, Vec<u8>)> {
    let good = base(kind);
    let mut out = truncations_and_flips(&good, 1000);
    let mut invalid = good.clone();
    invalid.splice(10..10, [0xff, 0xfe, 0xc3]);
    out.push(("invalid UTF-8".into(), invalid));
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend(&good);
    out.push(("BOM".into(), bom));
    out.push(("empty".into(), Vec::new()));
    out.push((
        "nesting 10,000 deep".into(),
        ("[".repeat(10_000) + &"]".repeat(10_000)).into_bytes(),
    ));
    for wrong in [
        r#"{"schema_version": "one"}"#,
        r#"{"schema_version": 1, "incidents": {}, "contacts": 5, "playbooks": [], "id": 7}"#,
        r#"[1, 2, 3]"#,
        r#"{"schema_version": 1, "revision": -1, "incidents": [{"id": 3}]}"#,
        "null",
    ] {
        out.push((format!("wrong types {wrong}"), wrong.as_bytes().to_vec()));
    }
    out
}

/// Puts `bytes` where a `kind` file goes in a data dir whose other files are all good.
fn data_dir(kind: Kind, bytes: Option<&[u8]>) -> (tempfile::TempDir, DataDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = DataDir::at(tmp.path());
    std::fs::write(dir.incidents(), base(Kind::Incidents)).unwrap();
    std::fs::write(dir.roster(), SAMPLE_ROSTER).unwrap();
    std::fs::write(dir.lock(), b"").unwrap();
    std::fs::create_dir(tmp.path().join("drills")).unwrap();
    let path = match kind {
        Kind::Incidents => dir.incidents(),
        Kind::Roster => dir.roster(),
        Kind::Playbooks => dir.playbooks(),
        Kind::Scenario => tmp.path().join("drills/ours.json"),
        Kind::Guide => dir.guide(),
        Kind::Flow => dir.flow(),
    };
    if let Some(bytes) = bytes {
        std::fs::write(&path, bytes).unwrap();
    }
    for p in [dir.incidents(), dir.roster(), dir.lock()] {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    (tmp, dir, path)
}

/// Loads the data dir as the desk and the CLI would; the problems reported.
fn load(kind: Kind, dir: &DataDir) -> Vec<String> {
    match kind {
        Kind::Incidents | Kind::Roster | Kind::Flow => {
            open_desk(dir, Lang::En, common::now()).unwrap().1
        }
        Kind::Playbooks => load_playbooks(dir)
            .problem
            .map(|p| p.to_string())
            .into_iter()
            .collect(),
        Kind::Scenario => load_scenarios(dir)
            .problems
            .iter()
            .map(|p| p.to_string())
            .collect(),
        // The loader the desk and `guide` use (the desk's own start-up warning is checked
        // below, on fewer cases: a whole desk per case would take minutes).
        Kind::Guide => load_guide(dir)
            .problem
            .map(|p| p.to_string())
            .into_iter()
            .collect(),
    }
}

fn has_line_column(text: &str, path: &Path) -> bool {
    let prefix = format!("{}:", path.display());
    text.find(&prefix).is_some_and(|i| {
        let rest = &text[i + prefix.len()..];
        let mut parts = rest.splitn(3, ':');
        let line = parts.next().unwrap_or("");
        let col = parts.next().unwrap_or("");
        !line.is_empty()
            && line.bytes().all(|b| b.is_ascii_digit())
            && col.bytes().all(|b| b.is_ascii_digit())
            && !col.is_empty()
    })
}

fn run_corpus(kind: Kind) -> (usize, usize) {
    let (mut malformed, mut still_valid) = (0, 0);
    let cases = corpus(kind);
    // One data dir for all cases: the file is rewritten between them by the test itself.
    let (_tmp, dir, path) = data_dir(kind, None);
    for (name, bytes) in &cases {
        std::fs::write(&path, bytes).unwrap();
        let before = snapshot(dir.root());
        let problems = std::panic::catch_unwind(|| load(kind, &dir))
            .unwrap_or_else(|_| panic!("{kind:?} {name}: panicked"));
        let named = problems
            .iter()
            .find(|p| p.contains(&path.display().to_string()));
        match named {
            Some(p) => {
                // A bad file is never written over, nor anything beside it.
                assert_eq!(
                    snapshot(dir.root()),
                    before,
                    "{kind:?} {name}: something was written"
                );
                // A flip of the schema version to a higher one reads: the file is named
                // as newer than this shiftdesk, which has no place in it to point at.
                let newer = p.contains("is newer than this shiftdesk");
                assert!(
                    has_line_column(p, &path) || newer,
                    "{kind:?} {name}: no line:column in {p}"
                );
                malformed += 1;
            }
            None => {
                // A flip that still makes a good file (inside a string, say) loads fine;
                // one that makes a closed incident old moves it to the archive.
                assert!(
                    serde_json::from_slice::<serde_json::Value>(bytes).is_ok(),
                    "{kind:?} {name}: malformed but not reported: {problems:?}"
                );
                still_valid += 1;
            }
        }
    }
    (malformed, still_valid)
}

#[test]
fn malformed_incidents_files() {
    let (bad, ok) = run_corpus(Kind::Incidents);
    eprintln!("incidents: {bad} malformed reported, {ok} still valid");
    assert!(bad + ok >= 1500);
}

#[test]
fn malformed_rosters() {
    let (bad, ok) = run_corpus(Kind::Roster);
    eprintln!("roster: {bad} malformed reported, {ok} still valid");
    assert!(bad + ok >= 1500);
}

#[test]
fn malformed_playbooks() {
    let (bad, ok) = run_corpus(Kind::Playbooks);
    eprintln!("playbooks: {bad} malformed reported, {ok} still valid");
    assert!(bad + ok >= 1500);
}

#[test]
fn malformed_drill_scenarios() {
    let (bad, ok) = run_corpus(Kind::Scenario);
    eprintln!("scenarios: {bad} malformed reported, {ok} still valid");
    assert!(bad + ok >= 1500);
}

#[test]
fn malformed_guides() {
    let (bad, ok) = run_corpus(Kind::Guide);
    eprintln!("guide: {bad} malformed reported, {ok} still valid");
    assert!(bad + ok >= 1500);
}

/// The desk itself, started on a data dir with a bad guide.json: it opens (on the bundled
/// guide), its start-up warning names the file with line and column, and nothing is written.
#[test]
fn the_desk_warns_of_a_bad_guide_and_writes_nothing() {
    let good = base(Kind::Guide);
    // Every 19th of the cuts (about a hundred), and the cases that are neither cuts nor flips.
    let samples = corpus(Kind::Guide)
        .into_iter()
        .enumerate()
        .filter(|(i, (name, bytes))| {
            let cut = name.starts_with("truncated");
            let other = !cut && !name.starts_with("bit flip");
            ((cut && i % 19 == 7) || other) && bytes != &good
        })
        .map(|(_, case)| case);
    let (_tmp, dir, path) = data_dir(Kind::Guide, None);
    let mut checked = 0;
    for (name, bytes) in samples {
        std::fs::write(&path, &bytes).unwrap();
        let before = snapshot(dir.root());
        let (desk, warnings) =
            std::panic::catch_unwind(|| open_desk(&dir, Lang::En, common::now()))
                .unwrap_or_else(|_| panic!("{name}: panicked"))
                .unwrap_or_else(|e| panic!("{name}: the desk did not open: {e:#}"));
        assert_eq!(
            snapshot(dir.root()),
            before,
            "{name}: something was written"
        );
        let warning = warnings
            .iter()
            .find(|w| w.contains("guide.json") && w.contains(&path.display().to_string()))
            .unwrap_or_else(|| panic!("{name}: no warning names the guide: {warnings:?}"));
        assert!(has_line_column(warning, &path), "{name}: {warning}");
        // The bundled guide is shown meanwhile.
        let bundled = shiftdesk_store::guide_file::bundled_guide();
        assert_eq!(desk.guide, bundled, "{name}");
        checked += 1;
    }
    assert!(checked >= 100, "{checked}");
}

#[test]
fn malformed_flow_files() {
    let (bad, ok) = run_corpus(Kind::Flow);
    eprintln!("flow: {bad} malformed reported, {ok} still valid");
    assert!(bad + ok >= 1500);
}

#[test]
fn a_directory_or_a_huge_file_in_the_files_place_is_named_and_left_alone() {
    for kind in [
        Kind::Incidents,
        Kind::Roster,
        Kind::Playbooks,
        Kind::Scenario,
        Kind::Guide,
        Kind::Flow,
    ] {
        let (_tmp, dir, path) = data_dir(kind, None);
        let _ = std::fs::remove_file(&path);
        std::fs::create_dir(&path).unwrap();
        let before = snapshot(dir.root());
        let problems = load(kind, &dir);
        assert_eq!(snapshot(dir.root()), before, "{kind:?}");
        assert!(
            problems
                .iter()
                .any(|p| p.contains(&path.display().to_string()) && p.contains("directory")),
            "{kind:?}: {problems:?}"
        );

        let (_tmp, dir, path) = data_dir(kind, None);
        let f = std::fs::File::create(&path).unwrap();
        f.set_len(257 * 1024 * 1024).unwrap(); // sparse: takes no disk
        let before = snapshot(dir.root());
        let problems = load(kind, &dir);
        assert_eq!(snapshot(dir.root()), before, "{kind:?}");
        assert!(
            problems
                .iter()
                .any(|p| p.contains(&path.display().to_string()) && p.contains("MB limit")),
            "{kind:?}: {problems:?}"
        );
    }
}

/// A roster CSV as spreadsheets save it: CP932 with commas, UTF-16 LE with its BOM and
/// tabs, UTF-8; quoted line breaks in notes.
fn csv_sheets() -> Vec<(&'static str, Vec<u8>)> {
    let sheet = |sep: &str| {
        [
            "氏名,フリガナ,役職,電話番号,電話2,メールアドレス,備考",
            "髙橋 一郎,ﾀｶﾊｼ ｲﾁﾛｳ,①班,０９０－１２３４－５６７８,03-0000-0001,,\"9時～18時\r\n夜間は携帯\"",
            "Emily Brown,,Lead,+81 90 0000 3101,,emily@example.com,",
        ]
        .iter()
        .map(|l| l.replace(',', sep) + "\r\n")
        .collect::<String>()
    };
    let comma = sheet(",");
    let (cp932, _, _) = encoding_rs::SHIFT_JIS.encode(&comma);
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(sheet("\t").encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    vec![
        ("CP932", cp932.into_owned()),
        ("UTF-16 LE", utf16),
        ("UTF-8", sheet(",").into_bytes()),
    ]
}

/// Every truncation and 300 bit flips of each sheet, and bytes that are no text: no panic,
/// every refusal naming the line (or the header's column) where the file went wrong; and,
/// through `roster import`, a refused file writes nothing and is named.
#[test]
fn malformed_roster_csv_imports() {
    use shiftdesk_core::roster::csv::{CsvError, parse_import};
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::write(data.join("roster.json"), SAMPLE_ROSTER).unwrap();
    let file = tmp.path().join("roster.csv");
    let mut refused = 0;
    for (encoding, good) in csv_sheets() {
        let mut cases = truncations_and_flips(&good, 300);
        let mut junk = good.clone();
        junk.splice(20..20, [0xFF, 0xFD, 0x00, 0x81]);
        cases.push(("junk bytes".into(), junk));
        for (i, (name, bytes)) in cases.iter().enumerate() {
            let parsed = std::panic::catch_unwind(|| parse_import(bytes))
                .unwrap_or_else(|_| panic!("{encoding} {name}: panicked"));
            let Err(e) = parsed else { continue };
            refused += 1;
            let message = e.message(Lang::En);
            let placed = matches!(e, CsvError::NoHeader | CsvError::MissingNameColumn)
                || message.to_lowercase().contains("line ")
                || message.to_lowercase().contains("column");
            assert!(placed, "{encoding} {name}: no place in {message}");
            // Through the binary, one case in 15: a refusal writes nothing and names the file.
            if i % 15 != 0 {
                continue;
            }
            std::fs::write(&file, bytes).unwrap();
            let before = snapshot(&data);
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_shiftdesk"))
                .arg("--data-dir")
                .arg(&data)
                .args(["--lang", "en", "roster", "import"])
                .arg(&file)
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(1), "{encoding} {name}");
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(
                stderr.contains(&file.display().to_string()),
                "{encoding} {name}: {stderr}"
            );
            assert_eq!(
                snapshot(&data),
                before,
                "{encoding} {name}: something was written"
            );
        }
    }
    assert!(refused > 100, "the corpus refuses files: {refused}");
}
