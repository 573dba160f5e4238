//! `shiftdesk sync setup | config | status` against real servers (a hub and two leaf
//! servers on loopback). Skipped loudly without a nats-server unless
//! SHIFTDESK_SYNC_REQUIRED=1.

mod common;

use common::cli::shiftdesk;
use shiftdesk_sync::harness::Board;

#[test]
fn setup_creates_the_streams_once_and_status_sees_them() {
    let Some(board) = Board::start(&["TYO", "OSA"]) else {
        return;
    };
    board.wait_linked().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let url = board.leaf_url("TYO");
    let target = ["--url", url.as_str(), "--sites", "tyo,OSA"];
    let (code, text, err) = shiftdesk(dir, "--lang en sync setup", &target);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        text.contains("TYO: stream SHIFTDESK_TYO created (0 events)"),
        "{text}"
    );
    assert!(text.contains("OSA: stream SHIFTDESK_OSA created"), "{text}");
    let (code, text, err) = shiftdesk(dir, "--lang ja sync setup", &target);
    assert_eq!(code, Some(0), "{err}");
    assert!(text.contains("作成済み"), "{text}");

    let (code, text, err) = shiftdesk(dir, "--lang en sync status", &target);
    assert_eq!(code, Some(0), "{err}");
    assert!(text.starts_with("sync: connected"), "{text}");
    assert!(
        text.contains("OSA: last event #0, 0 not yet read here"),
        "{text}"
    );

    let (_, json, _) = shiftdesk(dir, "sync status --json", &target);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["connected"], true);
    assert_eq!(value["sites"][1]["site"], "OSA");

    board.cut("TYO");
    let (code, text, _) = shiftdesk(dir, "--lang en sync status", &target);
    assert_eq!(code, Some(1));
    assert!(text.starts_with("sync: NOT connected"), "{text}");
    assert!(text.contains("OSA: cannot be read"), "{text}");
    assert!(
        text.contains("TYO: last event #0"),
        "the own site still answers: {text}"
    );
    // Why, in the operator's language; in English for tools.
    let (_, text, _) = shiftdesk(dir, "--lang ja sync status", &target);
    let line = text.lines().find(|l| l.contains("OSA")).unwrap_or("");
    assert!(line.contains("OSA: 読めません — 拠点 OSA "), "{text}");
    assert!(!line.contains("site OSA"), "{text}");
    let (_, json, _) = shiftdesk(dir, "--lang ja sync status --json", &target);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let error = value["sites"][1]["error"].as_str().unwrap_or("");
    assert!(error.contains("site OSA"), "{json}");
}

#[test]
fn config_prints_a_leaf_and_a_hub_config_that_a_server_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let (code, leaf, err) = shiftdesk(dir, "sync config --site osa --hub hub.example", &[]);
    assert_eq!(code, Some(0), "{err}");
    assert!(leaf.contains("domain: \"OSA\""), "{leaf}");
    assert!(leaf.contains("nats-leaf://hub.example:7422"), "{leaf}");
    let (_, hub, _) = shiftdesk(dir, "sync config --hub-config", &[]);
    assert!(hub.contains("no_advertise: true"), "{hub}");
    let (code, _, err) = shiftdesk(dir, "--lang en sync config", &[]);
    assert_eq!(code, Some(1));
    assert!(err.contains("--hub-config"), "{err}");
    // A site alone: a leaf linked to a hub on the same host.
    let (code, alone, err) = shiftdesk(dir, "sync config --site TYO", &[]);
    assert_eq!(code, Some(0), "{err}");
    assert!(alone.contains("nats-leaf://127.0.0.1:7422"), "{alone}");
    let (code, _, _) = shiftdesk(dir, "sync config --site TOKYO-1 --hub h", &[]);
    assert_eq!(code, Some(1));
    // nats-server itself checks both files (-t: test the config and exit).
    let Some(server) = shiftdesk_sync::harness::server_or_skip() else {
        return;
    };
    for (name, text) in [("leaf.conf", leaf), ("hub.conf", hub)] {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        let checked = std::process::Command::new(&server)
            .arg("-t")
            .arg("-c")
            .arg(&path)
            .output()
            .unwrap();
        assert!(checked.status.success(), "{name}: {checked:?}");
    }
}

#[test]
fn without_url_or_sites_it_says_what_to_give() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = shiftdesk(dir.path(), "--lang en sync status", &[]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("--sync nats://") && err.contains("--sites"),
        "{err}"
    );
}

#[test]
fn a_command_that_records_on_a_synced_data_dir_sends_the_event_at_once() {
    let Some(board) = Board::start(&["TYO", "OSA"]) else {
        return;
    };
    board.wait_linked().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    std::fs::write(
        dir.join("config.toml"),
        format!(
            "[sync]\nurl = \"{}\"\nsite = \"TYO\"\ndesk = \"TYO2\"\nsites = [\"TYO\", \"OSA\"]\n",
            board.leaf_url("TYO")
        ),
    )
    .unwrap();
    let (code, _, err) = shiftdesk(dir, "sync setup", &[]);
    assert_eq!(code, Some(0), "{err}");
    let (code, id, err) = shiftdesk(
        dir,
        "new --title switch --category operational.system_outage --severity 2",
        &[],
    );
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(id.trim(), "INC-TYO2-0001");
    assert!(!err.contains("not sent"), "{err}");
    let (code, text, err) = shiftdesk(dir, "--lang en sync status", &[]);
    assert_eq!(code, Some(0), "{err}");
    assert!(text.contains("TYO: last event #1"), "{text}");
    assert!(text.contains("unsent: 0"), "{text}");
    assert!(text.contains("last event here: "), "{text}");
    // doctor says the same, a line each.
    let (_, text, _) = shiftdesk(dir, "--lang en doctor", &[]);
    assert!(text.contains("ok   sync: connected"), "{text}");
    assert!(text.contains("ok   TYO: last event #1"), "{text}");

    // The site's server away: the change is kept, and said to wait.
    board.cut("TYO");
    let mut board = board;
    board.kill_leaf("TYO");
    let (code, id, err) = shiftdesk(
        dir,
        "--lang en new --title second --category operational.system_outage --severity 3",
        &[],
    );
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(id.trim(), "INC-TYO2-0002");
    assert!(err.contains("1 change(s) not sent yet"), "{err}");
    let outbox = std::fs::read_to_string(dir.join("outbox.jsonl")).unwrap();
    assert_eq!(outbox.lines().count(), 1, "{outbox}");
}
