//! What shiftdesk prints for a person: `list` as a table a person can read, and the report
//! text with nothing in it about the tool. The built binary, run as an operator would.

mod common;

use common::cli::ok;
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
