//! The link between sites on real servers: a hub and two leaf servers on loopback, a site
//! cut off through a TCP proxy, servers killed by PID. Skipped (loudly) without a
//! nats-server unless SHIFTDESK_SYNC_REQUIRED=1.

mod common;

use common::{Desk, board};
use shiftdesk_sync::{LinkState, Trouble, probe, setup};
use std::collections::HashMap;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(15);

#[test]
fn published_at_one_site_arrives_at_the_other_and_back_home() {
    let Some(board) = board(&["TYO", "OSA"]) else {
        return;
    };
    let mut tyo = Desk::start(&board, "TYO", HashMap::new());
    let mut osa = Desk::start(&board, "OSA", HashMap::new());
    tyo.publish("t", 0..20);
    assert!(
        osa.until(WAIT, |d| d.has_all("t", 20)),
        "OSA got {:?}",
        osa.payloads()
    );
    assert!(tyo.until(WAIT, |d| d.acked.len() == 20 && d.has_all("t", 20)));
    assert!(osa.until(WAIT, |d| d.last_link() == Some(LinkState::Connected)));
    osa.assert_once();
    tyo.assert_once();
    assert_eq!(osa.got["TYO"].len(), 20);
    assert_eq!(osa.got["TYO"][0].0, 1, "sequences start at 1");
}

#[test]
fn an_id_published_again_is_stored_once() {
    let Some(board) = board(&["TYO", "OSA"]) else {
        return;
    };
    let mut tyo = Desk::start(&board, "TYO", HashMap::new());
    let mut osa = Desk::start(&board, "OSA", HashMap::new());
    tyo.publish("d", 0..5);
    assert!(tyo.until(WAIT, |d| d.acked.len() == 5));
    tyo.acked.clear();
    tyo.publish("d", 0..5);
    tyo.publish("d", 3..6);
    assert!(
        tyo.until(WAIT, |d| d.acked.len() == 6),
        "acked {:?}",
        tyo.acked
    );
    assert!(osa.until(WAIT, |d| d.has_all("d", 6)));
    osa.until(Duration::from_millis(500), |_| false);
    osa.assert_once();
    assert_eq!(osa.count(), 6);
    let lags = probe(&board.leaf_url("OSA"), &board.sites(), &HashMap::new());
    let tyo_lag = lags.iter().find(|l| l.site == "TYO").unwrap();
    assert_eq!(tyo_lag.last_seq, Some(6), "{lags:?}");
}

#[test]
fn both_sides_write_through_a_cut_and_everything_arrives_once() {
    let Some(board) = board(&["TYO", "OSA"]) else {
        return;
    };
    let mut tyo = Desk::start(&board, "TYO", HashMap::new());
    let mut osa = Desk::start(&board, "OSA", HashMap::new());
    assert!(tyo.until(WAIT, |d| d.last_link() == Some(LinkState::Connected)));
    board.cut("TYO");
    // Ten seconds cut off, writing on both sides; local publishing goes on.
    for round in 0..10 {
        tyo.publish("t", round * 5..round * 5 + 5);
        osa.publish("o", round * 5..round * 5 + 5);
        tyo.until(Duration::from_millis(500), |_| false);
        osa.until(Duration::from_millis(500), |_| false);
    }
    assert!(
        tyo.until(WAIT, |d| d.acked.len() == 50),
        "TYO acked {}",
        tyo.acked.len()
    );
    assert!(osa.until(WAIT, |d| d.acked.len() == 50));
    assert_eq!(
        tyo.last_link(),
        Some(LinkState::CutOff),
        "TYO saw {:?}",
        tyo.links
    );
    assert!(!osa.has_all("t", 1), "nothing of TYO crossed the cut");
    board.heal("TYO");
    assert!(osa.until(WAIT, |d| d.has_all("t", 50) && d.has_all("o", 50)));
    assert!(tyo.until(WAIT, |d| d.has_all("t", 50) && d.has_all("o", 50)));
    assert!(tyo.until(WAIT, |d| d.last_link() == Some(LinkState::Connected)));
    osa.until(Duration::from_millis(500), |_| false);
    tyo.assert_once();
    osa.assert_once();
    assert_eq!((tyo.count(), osa.count()), (100, 100));
}

#[test]
fn a_hub_restart_loses_nothing() {
    let Some(mut board) = board(&["TYO", "OSA"]) else {
        return;
    };
    let mut tyo = Desk::start(&board, "TYO", HashMap::new());
    let mut osa = Desk::start(&board, "OSA", HashMap::new());
    tyo.publish("a", 0..10);
    assert!(osa.until(WAIT, |d| d.has_all("a", 10)));
    board.kill_hub();
    tyo.publish("b", 0..10);
    osa.publish("c", 0..10);
    assert!(tyo.until(WAIT, |d| d.acked.len() == 20));
    assert!(osa.until(WAIT, |d| d.acked.len() == 10));
    board.restart_hub().unwrap();
    assert!(osa.until(WAIT, |d| d.has_all("b", 10) && d.has_all("c", 10)));
    assert!(tyo.until(WAIT, |d| d.has_all("a", 10)
        && d.has_all("b", 10)
        && d.has_all("c", 10)));
    osa.until(Duration::from_millis(300), |_| false);
    tyo.assert_once();
    osa.assert_once();
    assert_eq!((tyo.count(), osa.count()), (30, 30));
}

#[test]
fn a_leaf_killed_and_restarted_keeps_its_stream_and_its_desks_resend() {
    let Some(mut board) = board(&["TYO", "OSA"]) else {
        return;
    };
    let mut tyo = Desk::start(&board, "TYO", HashMap::new());
    let mut osa = Desk::start(&board, "OSA", HashMap::new());
    tyo.publish("a", 0..5);
    assert!(tyo.until(WAIT, |d| d.acked.len() == 5));
    board.kill_leaf("TYO");
    tyo.publish("b", 0..5);
    assert!(tyo.until(Duration::from_secs(6), |d| d.last_link()
        == Some(LinkState::CutOff)));
    assert_eq!(
        tyo.acked.len(),
        5,
        "nothing acknowledged while the server is down"
    );
    board.restart_leaf("TYO").unwrap();
    assert!(tyo.until(WAIT, |d| d.acked.len() == 10));
    assert!(osa.until(WAIT, |d| d.has_all("a", 5) && d.has_all("b", 5)));
    osa.assert_once();
}

#[test]
fn a_late_reader_reads_from_its_checkpoint() {
    let Some(board) = board(&["TYO", "OSA"]) else {
        return;
    };
    let mut tyo = Desk::start(&board, "TYO", HashMap::new());
    tyo.publish("t", 0..30);
    assert!(tyo.until(WAIT, |d| d.acked.len() == 30));
    let mut fresh = Desk::start(&board, "OSA", HashMap::new());
    assert!(fresh.until(WAIT, |d| d.has_all("t", 30)));
    fresh.assert_once();
    let checkpoints = HashMap::from([("TYO".to_string(), 20), ("OSA".to_string(), 0)]);
    let mut later = Desk::start(&board, "OSA", checkpoints.clone());
    assert!(later.until(WAIT, |d| d.count() == 10));
    later.until(Duration::from_millis(500), |_| false);
    assert_eq!(later.count(), 10);
    assert_eq!(later.got["TYO"].first().map(|p| p.0), Some(21));
    let lags = probe(&board.leaf_url("OSA"), &board.sites(), &checkpoints);
    let tyo_lag = lags.iter().find(|l| l.site == "TYO").unwrap();
    assert_eq!(
        (tyo_lag.last_seq, tyo_lag.lag),
        (Some(30), Some(10)),
        "{lags:?}"
    );
}

#[test]
fn setup_is_idempotent_and_reaches_every_site() {
    let Some(board) = board(&["TYO", "OSA"]) else {
        return;
    };
    let sites = board.sites();
    let again = setup(&board.leaf_url("TYO"), &sites).unwrap();
    assert_eq!(again.len(), 2);
    assert!(again.iter().all(|s| !s.created), "{again:?}");
    assert!(setup("nats://127.0.0.1:1", &sites).is_err());
    let lags = probe("nats://127.0.0.1:1", &sites, &HashMap::new());
    let refused = Trouble::Connect {
        url: "nats://127.0.0.1:1".into(),
    };
    assert!(
        lags.iter()
            .all(|l| l.error.as_ref().is_some_and(|p| p.trouble == refused)),
        "{lags:?}"
    );
}

#[test]
fn a_desk_makes_its_own_sites_stream_when_missing() {
    let Some(board) = shiftdesk_sync::harness::Board::start(&["TYO", "OSA"]) else {
        return;
    };
    board.wait_linked().unwrap();
    let mut tyo = Desk::start(&board, "TYO", HashMap::new());
    tyo.publish("t", 0..3);
    assert!(
        tyo.until(WAIT, |d| d.acked.len() == 3),
        "problems {:?}",
        tyo.problems
    );
    // OSA's stream was never made: TYO cannot read it, says so once, and is cut off.
    assert!(tyo.until(WAIT, |d| d.last_link() == Some(LinkState::CutOff)));
    assert!(tyo.until(WAIT, |d| d.problems.iter().any(|p| p.site() == Some("OSA"))));
    let lags = probe(&board.leaf_url("OSA"), &board.sites(), &HashMap::new());
    let tyo_lag = lags.iter().find(|l| l.site == "TYO").unwrap();
    assert_eq!(tyo_lag.last_seq, Some(3), "{lags:?}");
    assert!(
        lags.iter()
            .find(|l| l.site == "OSA")
            .unwrap()
            .error
            .is_some()
    );
}

#[test]
fn stop_returns_soon_even_with_the_server_away() {
    let Some(mut board) = board(&["TYO", "OSA"]) else {
        return;
    };
    let tyo = Desk::start(&board, "TYO", HashMap::new());
    board.kill_leaf("TYO");
    tyo.publish("t", 0..3);
    std::thread::sleep(Duration::from_millis(300));
    let started = std::time::Instant::now();
    tyo.thread.stop();
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn a_checkpoint_past_the_streams_end_reads_it_again_from_the_start() {
    let Some(board) = board(&["TYO", "OSA"]) else {
        return;
    };
    let mut tyo = Desk::start(&board, "TYO", HashMap::new());
    tyo.publish("n", 0..3);
    assert!(tyo.until(WAIT, |d| d.acked.len() == 3));
    // A desk whose place in TYO's stream is past its end: the stream was made anew.
    let checkpoints = HashMap::from([("TYO".to_string(), 40), ("OSA".to_string(), 0)]);
    let mut osa = Desk::start(&board, "OSA", checkpoints);
    assert!(
        osa.until(WAIT, |d| d.has_all("n", 3)),
        "OSA got {:?}, problems {:?}",
        osa.payloads(),
        osa.problems
    );
    assert!(
        osa.problems.iter().any(|p| p.trouble
            == Trouble::MadeAnew {
                site: "TYO".into(),
                end: 3,
                place: 40
            }),
        "{:?}",
        osa.problems
    );
}
