//! Figures for BENCHMARKS.md, on real servers (a hub and two leaf servers on loopback):
//! publish-to-other-site latency, and catch-up after 10 s and 60 s cuts. Printed, never
//! asserted as times. Run: `cargo test -p shiftdesk-sync --test figures -- --ignored --nocapture`.

mod common;

use common::{Desk, board};
use shiftdesk_sync::LinkState;
use std::collections::HashMap;
use std::time::{Duration, Instant};

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index]
}

#[test]
#[ignore = "figures: run by hand with --ignored --nocapture"]
fn latency_of_500_events_from_one_site_to_the_other() {
    let Some(board) = board(&["TYO", "OSA"]) else {
        return;
    };
    let tyo = Desk::start(&board, "TYO", HashMap::new());
    let mut osa = Desk::start(&board, "OSA", HashMap::new());
    assert!(osa.until(Duration::from_secs(10), |d| d.last_link()
        == Some(LinkState::Connected)));
    // TYO publishes about 100 events a second from its own thread while OSA takes them.
    let publisher = std::thread::spawn(move || {
        let mut sent = HashMap::new();
        for n in 0..500 {
            sent.insert(format!("l-{n:04}"), Instant::now());
            tyo.publish("l", n..n + 1);
            std::thread::sleep(Duration::from_millis(10));
        }
        (tyo, sent)
    });
    assert!(osa.until(Duration::from_secs(30), |d| d.has_all("l", 500)));
    let (_tyo, sent) = publisher.join().unwrap();
    let mut latencies: Vec<Duration> = sent
        .iter()
        .map(|(id, at)| osa.arrived[id].duration_since(*at))
        .collect();
    latencies.sort();
    println!(
        "FIGURE latency TYO->OSA, 500 events at ~100/s: p50 {:?}, p99 {:?}, max {:?}",
        percentile(&latencies, 0.5),
        percentile(&latencies, 0.99),
        latencies[latencies.len() - 1]
    );
    osa.assert_once();
}

fn catch_up_after(cut: Duration) {
    let Some(board) = board(&["TYO", "OSA"]) else {
        return;
    };
    let mut tyo = Desk::start(&board, "TYO", HashMap::new());
    let mut osa = Desk::start(&board, "OSA", HashMap::new());
    assert!(tyo.until(Duration::from_secs(10), |d| d.last_link()
        == Some(LinkState::Connected)));
    board.cut("TYO");
    let cut_at = Instant::now();
    let mut n = 0;
    // Both sides write about 10 events a second through the cut.
    while cut_at.elapsed() < cut {
        tyo.publish("t", n..n + 1);
        osa.publish("o", n..n + 1);
        n += 1;
        tyo.until(Duration::from_millis(50), |_| false);
        osa.until(Duration::from_millis(50), |_| false);
    }
    let cut_off_after = tyo
        .links
        .iter()
        .find(|(_, s)| *s == LinkState::CutOff)
        .map(|(at, _)| at.duration_since(cut_at));
    board.heal("TYO");
    let healed = Instant::now();
    let limit = Duration::from_secs(60);
    assert!(
        osa.until(limit, |d| d.has_all("t", n)),
        "OSA did not catch up"
    );
    let osa_done = healed.elapsed();
    assert!(
        tyo.until(limit, |d| d.has_all("o", n)),
        "TYO did not catch up"
    );
    let tyo_done = healed.elapsed();
    tyo.until(Duration::from_secs(10), |d| {
        d.last_link() == Some(LinkState::Connected)
    });
    let connected = tyo
        .links
        .iter()
        .rev()
        .find(|(at, s)| *s == LinkState::Connected && *at > healed)
        .map(|(at, _)| at.duration_since(healed));
    println!(
        "FIGURE catch-up after a {:?} cut ({n} events each side): OSA had all of TYO's after {osa_done:?}, \
         TYO all of OSA's after {tyo_done:?}; TYO said CutOff {cut_off_after:?} after the cut, \
         Connected {connected:?} after the heal",
        cut
    );
    tyo.until(Duration::from_millis(500), |_| false);
    osa.until(Duration::from_millis(500), |_| false);
    tyo.assert_once();
    osa.assert_once();
    assert_eq!((tyo.count(), osa.count()), (2 * n, 2 * n));
}

#[test]
#[ignore = "figures: run by hand with --ignored --nocapture"]
fn catch_up_after_a_10_s_cut() {
    catch_up_after(Duration::from_secs(10));
}

#[test]
#[ignore = "figures: run by hand with --ignored --nocapture"]
fn catch_up_after_a_60_s_cut() {
    catch_up_after(Duration::from_secs(60));
}
