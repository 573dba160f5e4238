//! `shiftdesk status`: the one line for tmux's status-right, run as the built binary.

use chrono::{Duration, Utc};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn shiftdesk_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_shiftdesk"));
    cmd.arg("--data-dir")
        .arg(dir)
        .args(args)
        .env("SHIFTDESK_TZ", "UTC")
        .env("SHIFTDESK_OPERATOR", "suzuki")
        .env_remove("NO_COLOR")
        .env_remove("SHIFTDESK_THEME");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn shiftdesk(dir: &Path, args: &[&str]) -> Output {
    shiftdesk_env(dir, args, &[])
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// An incident detected `hours_ago` hours back, with nobody reported to.
fn new_incident(dir: &Path, title: &str, severity: &str, hours_ago: i64, more: &[&str]) {
    let detected = (Utc::now() - Duration::hours(hours_ago))
        .format("%Y-%m-%d %H:%M")
        .to_string();
    let mut args = vec![
        "new",
        "--title",
        title,
        "--category",
        "operational.system_outage",
        "--severity",
        severity,
        "--detected",
        &detected,
    ];
    args.extend(more);
    let out = shiftdesk(dir, &args);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_data_dir_with_no_file_has_nothing_open_and_is_left_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("none-yet");
    let out = shiftdesk(&dir, &["--lang", "en", "status"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "0 open\n");
    let out = shiftdesk(&dir, &["--lang", "ja", "status", "--format", "tmux"]);
    assert_eq!(stdout(&out), "未完了 0件\n");
    let out = shiftdesk(&dir, &["status", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["open"], 0);
    assert!(!dir.exists(), "status must not create the data dir");
}

#[test]
fn the_line_says_how_many_are_open_and_the_most_overdue() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    new_incident(d, "VPN down", "1", 3, &[]);
    new_incident(d, "Printer", "1", 5, &[]);
    new_incident(d, "Drill", "2", 1, &["--drill"]);

    let out = shiftdesk(d, &["--lang", "en", "status"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let line = stdout(&out);
    // The longest overdue first (detected five hours ago), the other counted.
    assert!(
        line.starts_with("2 open · OVERDUE INC-0002 +") && line.contains("m and 1 more"),
        "{line}"
    );
    assert!(line.contains("DRILL 1"), "{line}");
    assert_eq!(line.lines().count(), 1, "{line}");

    let ja = stdout(&shiftdesk(d, &["--lang", "ja", "status"]));
    assert!(ja.starts_with("未完了 2件 · 期限超過 INC-0002 +"), "{ja}");
    assert!(ja.contains("訓練 1件"), "{ja}");

    let tmux = stdout(&shiftdesk(
        d,
        &["--lang", "en", "status", "--format", "tmux"],
    ));
    assert!(
        tmux.starts_with("2 open · #[fg=white,bg=red,bold]OVERDUE INC-0002 +"),
        "{tmux}"
    );
    assert!(tmux.contains("#[default]"), "{tmux}");

    let json = stdout(&shiftdesk(d, &["status", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["open"], 2);
    assert_eq!(v["drills"], 1);
    assert_eq!(v["overdue"][0]["id"], "INC-0002");
    assert!(v["overdue"][0]["overdue_minutes"].as_i64().unwrap() > 200);
}

#[test]
fn with_nothing_overdue_the_line_gives_the_next_deadline() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    new_incident(d, "Slow reports", "4", 0, &[]);
    let line = stdout(&shiftdesk(d, &["--lang", "en", "status"]));
    assert!(line.starts_with("1 open · next INC-0001 "), "{line}");
    assert!(line.contains(" in "), "{line}");
    assert!(!line.contains("OVERDUE"), "{line}");
}

#[test]
fn no_colour_marks_overdue_in_reverse_in_tmux() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    new_incident(d, "VPN down", "1", 3, &[]);
    let out = shiftdesk_env(
        d,
        &["--lang", "en", "status", "--format", "tmux"],
        &[("NO_COLOR", "1")],
    );
    let tmux = stdout(&out);
    assert!(!tmux.contains("fg=") && !tmux.contains("bg="), "{tmux}");
    assert!(tmux.contains("#[reverse,bold]OVERDUE INC-0001 +"), "{tmux}");
}

/// The incidents file with its one incident's id and title replaced as a hostile hand would.
fn make_hostile(d: &Path, id: &str, title: &str) {
    let path = d.join("incidents.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let inc = &mut v["incidents"][0];
    inc["id"] = serde_json::Value::String(id.into());
    inc["title"] = serde_json::Value::String(title.into());
    std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
}

#[test]
fn a_hostile_title_or_id_comes_out_inert_in_tmux() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    new_incident(d, "#[fg=red]#(rm -rf ~)", "1", 3, &[]);
    let clean = stdout(&shiftdesk(
        d,
        &["--lang", "en", "status", "--format", "tmux"],
    ));
    // The title is never put on the bar; nothing of it can reach tmux.
    assert!(!clean.contains("rm -rf"), "{clean}");

    make_hostile(
        d,
        "#(touch pwned)#[fg=red]\u{1b}[31m\u{202E}",
        "#[fg=red]#(rm -rf ~)",
    );
    let out = shiftdesk(d, &["--lang", "en", "status", "--format", "tmux"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let tmux = stdout(&out);
    assert!(tmux.contains("##(touch pwned)##[fg=red]"), "{tmux}");
    // With every doubled `#` taken out, the only formats left are the desk's own.
    let bare = tmux.replace("##", "");
    let formats: Vec<&str> = bare.match_indices('#').map(|(i, _)| &bare[i..]).collect();
    assert!(
        formats
            .iter()
            .all(|f| f.starts_with("#[fg=white,bg=red,bold]") || f.starts_with("#[default]")),
        "{tmux}"
    );
    assert!(
        !tmux
            .chars()
            .any(|c| (c.is_control() && c != '\n') || c == '\u{202E}'),
        "{tmux:?}"
    );
    let line = stdout(&shiftdesk(d, &["--lang", "en", "status"]));
    assert!(
        !line.contains('\u{1b}') && !line.contains('\u{202E}'),
        "{line:?}"
    );
}

#[test]
fn status_reads_the_live_file_only_takes_no_lock_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    new_incident(d, "VPN down", "1", 3, &[]);
    // A broken archive: status never opens it.
    std::fs::create_dir_all(d.join("archive")).unwrap();
    std::fs::write(d.join("archive/index.json"), "{ broken").unwrap();
    std::fs::write(d.join("archive/2025-01.json"), "{ broken").unwrap();
    let before: Vec<(std::path::PathBuf, Vec<u8>)> = listing(d);

    // Another process holds the write lock the whole time.
    let mut holder = Command::new(env!("CARGO_BIN_EXE_shiftdesk"))
        .arg("--data-dir")
        .arg(d)
        .arg("debug-hold-lock")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(holder.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert_eq!(first.trim(), "locked");
    let before: Vec<_> = before
        .into_iter()
        .chain(
            listing(d)
                .into_iter()
                .filter(|(p, _)| p.ends_with("shiftdesk.lock")),
        )
        .collect();

    let out = shiftdesk(d, &["--lang", "en", "status"]);
    let _ = holder.kill();
    let _ = holder.wait();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("1 open · OVERDUE INC-0001"));
    let mut after = listing(d);
    let mut before = before;
    before.sort();
    before.dedup();
    after.sort();
    assert_eq!(before, after, "status wrote something");
}

/// Every file under `dir` with its bytes.
fn listing(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(listing(&path));
        } else {
            let bytes = std::fs::read(&path).unwrap();
            out.push((path, bytes));
        }
    }
    out
}

#[test]
fn an_unreadable_file_exits_1_says_so_on_the_bar_and_names_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    std::fs::write(d.join("incidents.json"), "{ \"schema_version\": ").unwrap();
    let out = shiftdesk(d, &["--lang", "en", "status", "--format", "tmux"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("incidents.json unreadable"),
        "{}",
        stdout(&out)
    );
    assert!(stderr(&out).contains("incidents.json"), "{}", stderr(&out));
    let json = shiftdesk(d, &["status", "--format", "json"]);
    assert_eq!(json.status.code(), Some(1));
    assert_eq!(stdout(&json), "");
}
