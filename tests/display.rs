//! End to end: every screen readable (issue 13, points 10, 11, 14 and 15). The built binary
//! in a pseudo-terminal, read as an operator reads it: wrapped lines lose nothing and split
//! no word, cut text says it is cut, Japanese units, and a compact desk below 80x24.

mod common;

use common::pty::Desk;
use std::path::Path;
use std::process::Command;

/// `shiftdesk new` on the data dir, as a script would run it.
fn new_incident(dir: &Path, title: &str, category: &str, severity: &str, detected: &str) {
    let out = Command::new(env!("CARGO_BIN_EXE_shiftdesk"))
        .arg("--data-dir")
        .arg(dir)
        .args([
            "new",
            "--title",
            title,
            "--category",
            category,
            "--severity",
            severity,
            "--detected",
            detected,
        ])
        .env("SHIFTDESK_TZ", "Asia/Tokyo")
        .output()
        .expect("shiftdesk new runs");
    assert!(out.status.success(), "{out:?}");
}

/// A critical outage detected 47 minutes ago: its first report is long overdue.
fn overdue_outage(dir: &Path) {
    new_incident(dir, "VPN 障害", "operational.system_outage", "1", "47m ago");
}

/// The rows of the screen, without the spaces at their ends.
fn rows(screen: &str) -> Vec<String> {
    screen.lines().map(|l| l.trim_end().to_string()).collect()
}

/// The first row that shows `text`.
fn row_with(screen: &str, text: &str) -> String {
    rows(screen)
        .into_iter()
        .find(|r| r.contains(text))
        .unwrap_or_else(|| panic!("no row shows {text:?}:\n{screen}"))
}

/// The rows of the next-action line: from the one starting with `start` to the row before
/// the checklist's frame.
fn next_rows(screen: &str, start: &str) -> Vec<String> {
    rows(screen)
        .into_iter()
        .skip_while(|r| !r.starts_with(start))
        .take_while(|r| !r.starts_with('┌'))
        .collect()
}

/// What comes right after `marker` in `text`: the countdown `M:SS` or `H:MM:SS`.
fn countdown_after(text: &str, marker: &str) -> Option<String> {
    let at = text.find(marker)? + marker.len();
    let left: String = text[at..]
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ':')
        .collect();
    (!left.is_empty()).then_some(left)
}

/// Characters no line may start with (kinsoku).
const NO_LINE_START: &[char] = &['、', '。', '」', '）', 'ー', 'っ', 'ゃ', '，', ')', ':'];

#[test]
fn the_next_line_wraps_without_losing_or_splitting_anything_80x24_ja() {
    let tmp = tempfile::tempdir().unwrap();
    // The issue's repro: a security incident, its first report due in 15 minutes.
    new_incident(
        tmp.path(),
        "顧客へのメール誤送信",
        "team.security",
        "2",
        "1m ago",
    );
    let desk = Desk::start(tmp.path(), &["--lang", "ja", "--operator", "山田"], 80, 24);
    desk.wait_for("INC-0001");
    desk.wait_for("次:");
    let screen = desk.screen();
    let next = next_rows(&screen, "▶ 次:");
    assert!(next.len() >= 2, "the line wraps at 80 columns:\n{screen}");
    for row in &next {
        assert!(!row.ends_with('残'), "残り is one word, split:\n{screen}");
        let first = row.chars().next().unwrap_or(' ');
        assert!(
            !NO_LINE_START.contains(&first),
            "a line starts with {first}:\n{screen}"
        );
    }
    // Nothing lost at the break: the countdown is whole and says what the list says.
    let joined: String = next.concat();
    let in_next = countdown_after(&joined, "残り").expect("a countdown in the next line");
    let list_row = row_with(&screen, "INC-0001");
    let in_list = countdown_after(&list_row, "あと").expect("a countdown in the list");
    assert_eq!(in_next, in_list, "{screen}");
}

#[test]
fn the_status_line_keeps_quit_and_help_at_80_columns_ja() {
    let tmp = tempfile::tempdir().unwrap();
    new_incident(
        tmp.path(),
        "VPN 障害",
        "operational.system_outage",
        "2",
        "5m ago",
    );
    for operator in ["yamada", "山田 太郎(夜勤リーダー・第二シフト)"] {
        let mut desk = Desk::start(
            tmp.path(),
            &["--lang", "ja", "--operator", operator],
            80,
            24,
        );
        desk.wait_for("INC-0001");
        let screen = desk.screen();
        let status = rows(&screen).pop().unwrap();
        assert!(
            status.contains("q:終了") && status.contains("?:ヘルプ"),
            "{operator}: {status}"
        );
        desk.send("q");
        assert_eq!(desk.wait_exit(), Some(0));
    }
}

#[test]
fn cut_text_ends_with_an_ellipsis() {
    let tmp = tempfile::tempdir().unwrap();
    let title = "顧客リストを添付したメールを社外の別の取引先3社へ誤送信、うち1社は開封済み";
    new_incident(tmp.path(), title, "team.security", "3", "3m ago");
    let mut desk = Desk::start(tmp.path(), &["--lang", "en"], 80, 24);
    desk.wait_for("INC-0001");
    let screen = desk.screen();
    let row = row_with(&screen, "INC-0001");
    assert!(
        row.contains("顧客リスト") && row.contains('…'),
        "the title cell is cut and says so: {row}"
    );
    // An unfocused form field holding more than it shows.
    desk.send("n");
    desk.wait_for("New incident");
    desk.send(title);
    desk.send("\t");
    desk.wait_until("the title field cut", |d| {
        rows(&d.screen())
            .iter()
            .any(|r| r.contains("顧客リスト") && r.contains('…'))
    });
}

#[test]
fn ages_say_minutes_in_japanese_and_m_in_english() {
    let tmp = tempfile::tempdir().unwrap();
    overdue_outage(tmp.path());
    for (lang, age, not) in [("ja", "47分", "47m"), ("en", "47m", "47分")] {
        let mut desk = Desk::start(tmp.path(), &["--lang", lang], 80, 24);
        desk.wait_for("INC-0001");
        let screen = desk.screen();
        let row = row_with(&screen, "INC-0001");
        assert!(row.contains(age) && !row.contains(not), "{lang}: {row}");
        desk.send("q");
        assert_eq!(desk.wait_exit(), Some(0));
    }
}

#[test]
fn a_contacts_card_names_its_phones_in_words() {
    let tmp = tempfile::tempdir().unwrap();
    let mut desk = Desk::start(tmp.path(), &["--lang", "ja"], 120, 40);
    desk.wait_for("対応中のインシデントはありません");
    desk.send("/");
    desk.send("佐藤 花子");
    desk.wait_for("090-0000-1101");
    desk.send("\r");
    desk.wait_for("03-0000-1101");
    let screen = desk.screen();
    let mobile = rows(&screen)
        .into_iter()
        .find(|r| r.contains("090-0000-1101") && !r.contains("佐藤"))
        .unwrap_or_default();
    assert!(mobile.contains("携帯"), "{screen}");
    assert!(
        !screen.contains("mobile") && !screen.contains("office"),
        "{screen}"
    );
}

#[test]
fn the_closed_list_says_when_each_was_detected_and_closed() {
    let tmp = tempfile::tempdir().unwrap();
    new_incident(
        tmp.path(),
        "VPN 障害",
        "operational.system_outage",
        "3",
        "30m ago",
    );
    let mut desk = Desk::start(tmp.path(), &["--lang", "ja"], 100, 30);
    desk.wait_for("INC-0001");
    // Close it without a review, giving the reason asked for.
    desk.send("c");
    desk.send("x");
    desk.send("テスト用に登録したため");
    desk.send("\r");
    desk.wait_for("対応中のインシデントはありません");
    desk.send("o");
    desk.wait_for("クローズ済み");
    let screen = desk.screen();
    let header = row_with(&screen, "件名");
    for heading in ["検知", "クローズ", "所要"] {
        assert!(header.contains(heading), "{heading}: {header}");
    }
    for heading in ["フェーズ", "経過", "次の期限"] {
        assert!(!header.contains(heading), "{heading}: {header}");
    }
    let row = row_with(&screen, "INC-0001");
    assert!(row.contains("30分"), "took 30 minutes: {row}");
}

#[test]
fn under_80x24_the_overdue_incident_and_the_next_step_still_show() {
    let tmp = tempfile::tempdir().unwrap();
    overdue_outage(tmp.path());
    new_incident(tmp.path(), "誤送信", "team.security", "3", "2m ago");
    for (lang, overdue, next, quit) in [
        ("ja", "期限超過", "次:", "q:終了"),
        ("en", "OVERDUE", "Next:", "q:quit"),
    ] {
        let mut desk = Desk::start(tmp.path(), &["--lang", lang], 60, 20);
        desk.wait_for("INC-0002");
        let screen = desk.screen();
        let first = row_with(&screen, "INC-");
        assert!(
            first.contains("INC-0001") && first.contains(overdue),
            "{lang}: the overdue one first, in words:\n{screen}"
        );
        assert!(screen.contains(next), "{lang}:\n{screen}");
        assert!(
            rows(&screen).pop().unwrap().contains(quit),
            "{lang}:\n{screen}"
        );
        assert!(
            screen.contains("80x24"),
            "{lang}: says how to get the full desk"
        );
        // The selection moves in the compact view.
        desk.send("\x1b[B");
        desk.wait_until("the second incident selected", |d| {
            rows(&d.screen())
                .iter()
                .any(|r| r.starts_with('▶') && r.contains("INC-0002"))
        });
        desk.send("q");
        assert_eq!(desk.wait_exit(), Some(0));
    }
}

#[test]
fn the_full_desk_comes_back_when_the_window_grows() {
    let tmp = tempfile::tempdir().unwrap();
    overdue_outage(tmp.path());
    let mut desk = Desk::start(tmp.path(), &["--lang", "ja"], 60, 20);
    let compact = |s: &str| s.contains("INC-0001") && s.contains("期限超過") && s.contains("次:");
    desk.wait_until("the compact desk", |d| compact(&d.screen()));
    desk.resize(80, 24);
    desk.wait_until("the full desk", |d| {
        let s = d.screen();
        s.contains("チェックリスト") && s.contains("報告ルート")
    });
    desk.resize(50, 12);
    desk.wait_until("the compact desk again", |d| {
        let s = d.screen();
        compact(&s) && !s.contains("チェックリスト")
    });
    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));
}

#[test]
fn contacts_on_the_command_line_name_phones_in_words() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("roster.json"),
        include_str!("../assets/roster.sample.json"),
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_shiftdesk"))
        .arg("--data-dir")
        .arg(tmp.path())
        .args(["--lang", "ja", "contacts", "佐藤 花子"])
        .output()
        .expect("shiftdesk contacts runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("携帯 090-0000-1101") && text.contains("会社 03-0000-1101"),
        "{text}"
    );
}
