//! What shiftdesk prints for a person: `list` as a table a person can read, and the report
//! text with nothing in it about the tool. The built binary, run as an operator would.

mod common;

use common::cli::{ok, shiftdesk_with};
use common::pty::Desk;
use std::path::Path;
use unicode_width::UnicodeWidthChar;

fn new(dir: &Path, title: &str, category: &str, severity: &str, more: &[&str]) {
    let args = format!("new --category {category} --severity {severity}");
    ok(dir, &args, &[&["--title", title][..], more].concat());
}

/// The display column each cell of a line starts at: a cell is a run of text after two or
/// more spaces (or the line's start); a single space stays inside the cell.
fn cell_starts(line: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let (mut col, mut spaces) = (0, 2);
    for c in line.chars() {
        if c == ' ' {
            spaces += 1;
        } else {
            if spaces >= 2 {
                starts.push(col);
            }
            spaces = 0;
        }
        col += c.width().unwrap_or(0);
    }
    starts
}

/// Columns a text takes on a terminal.
fn columns(text: &str) -> usize {
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// A data dir with incidents whose titles are Japanese, English, long and a drill.
fn listed_desk() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    new(
        d,
        "VPN 障害: 拠点Aから接続不可",
        "operational.system_outage",
        "2",
        &[],
    );
    new(
        d,
        "Misdirected email to a customer",
        "team.security",
        "3",
        &[],
    );
    let long_ja =
        "基幹システムの夜間バッチが停止し、翌朝の受注データが取り込まれていない件について";
    new(d, long_ja, "operational.operation_mistake", "1", &[]);
    let long_en = "The printer on the third floor prints every page twice and then jams for good";
    new(d, long_en, "team.tool_damage", "4", &[]);
    new(
        d,
        "ネットワーク切替訓練",
        "operational.system_outage",
        "2",
        &["--drill"],
    );
    tmp
}

/// Every row's cells start where the header's do, in display columns; returns the rows.
fn assert_aligned(text: &str) -> Vec<&str> {
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    let starts = cell_starts(header);
    assert_eq!(starts.len(), 7, "seven columns in the header: {header:?}");
    let rows: Vec<&str> = lines.collect();
    for row in &rows {
        let cells = cell_starts(row);
        // The last column (the next deadline) may be empty.
        assert!(cells.len() >= 6, "{row:?}\n{text}");
        assert_eq!(cells[..], starts[..cells.len()], "{row:?} under {header:?}");
        assert_eq!(row.trim_end(), *row, "no trailing blanks: {row:?}");
    }
    rows
}

#[test]
fn list_has_a_header_and_columns_aligned_by_display_width() {
    let tmp = listed_desk();
    let en = ok(tmp.path(), "--lang en list", &[]);
    let header = en.lines().next().unwrap();
    for word in ["ID", "Sev", "Category", "Title", "Phase", "Age", "Next due"] {
        assert!(header.contains(word), "{header:?}");
    }
    let rows = assert_aligned(&en);
    assert_eq!(rows.len(), 5, "{en}");
    assert!(
        rows[0].starts_with("INC-0003  1 "),
        "most severe first: {en}"
    );
    assert!(en.contains("[DRILL] ネットワーク切替訓練"), "{en}");

    let ja = ok(tmp.path(), "--lang ja list", &[]);
    let header = ja.lines().next().unwrap();
    for word in [
        "ID",
        "重大度",
        "分類",
        "件名",
        "フェーズ",
        "経過",
        "次の期限",
    ] {
        assert!(header.contains(word), "{header:?}");
    }
    let rows = assert_aligned(&ja);
    assert!(ja.contains("[訓練] ネットワーク切替訓練"), "{ja}");

    // A title too long for its column is cut with an ellipsis, the rest still aligned.
    let title_col = |header: &str| cell_starts(header)[3]..cell_starts(header)[4];
    for (text, long) in [(&en, "The printer"), (&ja, "基幹システム")] {
        let header = text.lines().next().unwrap();
        let cols = title_col(header);
        let row = text.lines().find(|l| l.contains(long)).unwrap();
        assert!(row.contains('…'), "{row:?}");
        let at = row.find(long).unwrap();
        let cut = row[at..].split('…').next().unwrap();
        assert!(columns(cut) < cols.len(), "{row:?} in {cols:?}");
    }
    assert!(rows.iter().all(|r| !r.contains("n で")));
}

#[test]
fn an_empty_list_says_how_to_record_one_from_the_command_line() {
    let tmp = tempfile::tempdir().unwrap();
    for lang in ["en", "ja"] {
        let text = ok(tmp.path(), &format!("--lang {lang} list"), &[]);
        assert!(text.contains("shiftdesk new"), "{text}");
        assert!(
            !text.contains("Press n") && !text.contains("n で"),
            "{text}"
        );
        let all = ok(tmp.path(), &format!("--lang {lang} list --all"), &[]);
        assert!(!all.contains("Press n") && !all.contains("n で"), "{all}");
    }
    assert_eq!(ok(tmp.path(), "list --json", &[]), "[]\n");
}

/// Words about the tool's configuration, which a report for a person must not carry.
const TOOL_WORDS: [&str; 4] = ["--callback", "SHIFTDESK_CALLBACK", "call back", "折り返し"];

#[test]
fn a_report_without_a_call_back_number_leaves_it_out_and_says_so_on_stderr() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    new(d, "VPN down", "operational.system_outage", "2", &[]);
    for (lang, by) in [("en", "Reported by suzuki"), ("ja", "報告者: suzuki")] {
        let (code, text, stderr) = shiftdesk_with(d, &format!("--lang {lang} report 1"), &[], &[]);
        assert_eq!(code, Some(0), "{stderr}");
        assert_eq!(text.lines().last(), Some(by), "{text}");
        for word in TOOL_WORDS {
            assert!(!text.contains(word), "{word} in the report:\n{text}");
        }
        assert!(stderr.contains("--callback"), "{stderr}");
        assert!(stderr.contains("SHIFTDESK_CALLBACK"), "{stderr}");
    }
    // "Next" is for the reader, not the operator's checklist step; the next update is a time.
    let (_, text, _) = shiftdesk_with(d, "--lang en report 1", &[], &[]);
    assert!(!text.contains("Report to your supervisor"), "{text}");
    assert!(
        text.contains("\nNext: we will assess the scope of impact\n"),
        "{text}"
    );
    let update = text
        .lines()
        .find(|l| l.starts_with("Next update by "))
        .unwrap();
    assert!(
        update["Next update by ".len()..].contains(':') && !update.contains(" in "),
        "{update}"
    );

    // With a number, from the flag or the environment, it is there and nothing is said.
    let env = [("SHIFTDESK_CALLBACK", "03-0000-9999")];
    let (_, text, stderr) = shiftdesk_with(d, "--lang en report 1", &[], &env);
    assert!(
        text.ends_with("Reported by suzuki — call back: 03-0000-9999\n"),
        "{text}"
    );
    assert_eq!(stderr, "");
    let (_, text, stderr) = shiftdesk_with(d, "--lang ja --callback 090-1 report 1", &[], &[]);
    assert!(text.contains("折り返し先: 090-1"), "{text}");
    assert_eq!(stderr, "");
}

#[test]
fn the_report_overlay_says_beside_the_report_that_the_number_is_missing() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    new(d, "VPN down", "operational.system_outage", "2", &[]);
    let mut desk = Desk::start(d, &["--lang", "en", "--operator", "suzuki"], 80, 24);
    desk.wait_for("VPN down");
    desk.send("R");
    desk.wait_for("Reported by suzuki");
    desk.wait_for("No call-back number in the report");
    let screen = desk.screen();
    assert!(
        screen.contains("Next: we will assess the scope"),
        "{screen}"
    );
    assert!(!screen.contains("call back:"), "{screen}");
    desk.send("\x1b");
    desk.wait_until("the report closed", |d| !d.screen().contains("Report text"));
    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));

    let args = [
        "--lang",
        "ja",
        "--operator",
        "suzuki",
        "--callback",
        "090-1",
    ];
    let mut desk = Desk::start(d, &args, 120, 40);
    desk.wait_for("VPN down");
    desk.send("R");
    desk.wait_for("報告者: suzuki — 折り返し先: 090-1");
    assert!(!desk.screen().contains("報告文に折り返し番号がありません"));
    desk.send("\x1b");
    desk.wait_until("the report closed", |d| !d.screen().contains("報告文 ·"));
    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));
}

#[test]
fn the_copied_report_is_the_report_without_the_note_beside_it() {
    use shiftdesk::app::action::Action;
    use shiftdesk::app::effects::Effect;
    let mut app = common::app_with(
        common::route_desk(),
        shiftdesk_core::i18n::Lang::En,
        (80, 24),
    );
    app.operator.callback = None;
    app.update(Action::ShowReport);
    app.update(Action::Copy);
    let screen = common::render(&app);
    assert!(screen.contains("No call-back number"), "{screen}");
    let [Effect::Copy(copied)] = &app.effects[..] else {
        panic!("one copy: {:?}", app.effects);
    };
    assert!(copied.ends_with("Reported by yamada"), "{copied}");
    for word in TOOL_WORDS {
        assert!(!copied.contains(word), "{word} in {copied}");
    }
}
