//! End to end across two sites: two real desks in pseudo-terminals, each on its own data
//! dir and its own site's NATS leaf server, the sites linked through a hub. What one desk
//! records shows on the other; cut off, a desk keeps recording and says so on its status
//! line; when the link returns, what waited goes and the line clears.
//!
//! Needs nats-server (SHIFTDESK_NATS_SERVER, installed by `.ci/run`): without it the test
//! says so and skips, unless SHIFTDESK_SYNC_REQUIRED=1.

mod common;

use common::pty::Desk;
use shiftdesk_sync::harness::Board;
use std::path::Path;

fn incidents(dir: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join("incidents.json")).unwrap()).unwrap()
}

fn desk_at(board: &Board, dir: &Path, site: &str, desk: &str, lang: &str) -> Desk {
    let url = board.leaf_url(site);
    Desk::start(
        dir,
        &[
            "--lang",
            lang,
            "--operator",
            desk,
            "--sync",
            &url,
            "--site",
            site,
            "--desk",
            desk,
            "--sites",
            "TYO,OSA",
        ],
        100,
        30,
    )
}

#[test]
fn a_change_at_one_site_shows_at_the_other_and_a_cut_is_told_and_healed() {
    let Some(board) = Board::start(&["TYO", "OSA"]) else {
        return;
    };
    let (tyo_dir, osa_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut tyo = desk_at(&board, tyo_dir.path(), "TYO", "TYO1", "en");
    let osa = desk_at(&board, osa_dir.path(), "OSA", "OSA1", "ja");
    tyo.wait_for("sync: on");
    osa.wait_for("同期: 接続済み");

    tyo.send("n");
    tyo.wait_for("New incident");
    tyo.send("Core switch down");
    tyo.send("\r");
    tyo.wait_for("Recorded INC-TYO1-0001");
    // At the other site: the incident, and who made it where.
    osa.wait_for("INC-TYO1-0001");
    osa.wait_for("Core switch down");
    osa.wait_for("TYO1 (TYO1)");

    board.cut("TYO");
    tyo.wait_for("sync: cut off since");
    // Cut off, the desk records as before; its site's server keeps the note, which is
    // unsent to the other site till the link returns.
    tyo.send("a");
    tyo.wait_for("Note");
    tyo.send("called the vendor");
    tyo.send("\r");
    tyo.wait_for("1 unsent");
    assert!(
        !incidents(osa_dir.path())
            .to_string()
            .contains("called the vendor"),
        "the note crossed a cut link"
    );

    board.heal("TYO");
    tyo.wait_until("the line to clear", |d| {
        d.screen().contains("sync: on") && !d.screen().contains("unsent")
    });
    osa.wait_until("the note to arrive", |_| {
        incidents(osa_dir.path())
            .to_string()
            .contains("called the vendor")
    });
}

#[test]
fn a_desk_killed_with_an_unsent_note_sends_it_after_its_restart() {
    let Some(mut board) = Board::start(&["TYO", "OSA"]) else {
        return;
    };
    let (tyo_dir, osa_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut tyo = desk_at(&board, tyo_dir.path(), "TYO", "TYO1", "en");
    let osa = desk_at(&board, osa_dir.path(), "OSA", "OSA1", "en");
    tyo.wait_for("sync: on");
    tyo.send("n");
    tyo.wait_for("New incident");
    tyo.send("Badge lost");
    tyo.send("\r");
    osa.wait_for("INC-TYO1-0001");

    // Its own site's server gone: the note is saved and waits in the outbox.
    board.kill_leaf("TYO");
    tyo.wait_for("sync: cut off since");
    tyo.send("a");
    tyo.wait_for("Note");
    tyo.send("badge found at reception");
    tyo.send("\r");
    tyo.wait_for("1 unsent");
    tyo.signal("KILL");
    tyo.wait_exit();

    board.restart_leaf("TYO").unwrap();
    let tyo = desk_at(&board, tyo_dir.path(), "TYO", "TYO1", "en");
    tyo.wait_until("the outbox to empty", |d| {
        d.screen().contains("sync: on") && !d.screen().contains("unsent")
    });
    osa.wait_until("the note to arrive", |_| {
        incidents(osa_dir.path())
            .to_string()
            .contains("badge found at reception")
    });
}
