//! One board across two sites, desk by desk: each desk is the real store on its own data
//! dir with the real sync thread on its own site's NATS leaf server; the sites are linked
//! through a hub, and a site's link is cut through an in-process proxy. Each scenario ends
//! with every desk's incidents equal, nothing lost and nothing twice.
//!
//! Needs nats-server (SHIFTDESK_NATS_SERVER, installed by `.ci/run`): without it each test
//! says so and skips, unless SHIFTDESK_SYNC_REQUIRED=1.

use chrono::{DateTime, Utc};
use shiftdesk_core::category::Category;
use shiftdesk_core::change::{Change, NewIncident, Reported};
use shiftdesk_core::i18n::Lang;
use shiftdesk_core::incident::{Incident, IncidentId};
use shiftdesk_core::severity::Severity;
use shiftdesk_core::sync::Event;
use shiftdesk_store::desk::Desk;
use shiftdesk_store::open::open_desk;
use shiftdesk_store::paths::DataDir;
use shiftdesk_store::sync_side::read_events;
use shiftdesk_store::{SyncFlags, SyncSettings};
use shiftdesk_sync::harness::Board;
use shiftdesk_sync::{FromSync, LinkState, Outgoing, SyncThread};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const SITES: [&str; 2] = ["TYO", "OSA"];

/// One desk: its data dir, its store and its sync thread.
struct Node {
    code: String,
    site: String,
    dir: PathBuf,
    desk: Desk,
    thread: Option<SyncThread>,
    linked: bool,
}

fn now() -> DateTime<Utc> {
    Utc::now()
}

impl Node {
    fn start(board: &Board, root: &Path, site: &str, code: &str) -> Node {
        let dir = root.join(code);
        std::fs::create_dir_all(&dir).unwrap();
        let (desk, _) = open_desk(&DataDir::at(&dir), Lang::En, now()).unwrap();
        let mut node = Node {
            code: code.into(),
            site: site.into(),
            dir,
            desk,
            thread: None,
            linked: false,
        };
        node.connect(board);
        node
    }

    /// Starts the sync thread from the desk's checkpoints, and hands it the outbox.
    fn connect(&mut self, board: &Board) {
        let flags = SyncFlags {
            url: Some(board.leaf_url(&self.site)),
            site: Some(self.site.clone()),
            desk: Some(self.code.clone()),
            sites: Some(SITES.iter().map(|s| s.to_string()).collect()),
            no_sync: false,
        };
        let settings = SyncSettings::resolve(&DataDir::at(&self.dir), &flags)
            .unwrap()
            .expect("sync is on");
        self.desk.enable_sync(&settings).unwrap();
        let config = shiftdesk::sync_link::config_of(&settings);
        let thread = SyncThread::start(config, self.desk.checkpoints());
        thread.publish(outgoing(self.desk.outbox_events()));
        self.thread = Some(thread);
    }

    /// The desk killed: no flush, no goodbye; what is on disk is all that is left.
    fn kill(self) -> PathBuf {
        if let Some(t) = self.thread {
            t.stop();
        }
        self.dir
    }

    fn restart(board: &Board, dir: PathBuf, site: &str, code: &str) -> Node {
        let (desk, _) = open_desk(&DataDir::at(&dir), Lang::En, now()).unwrap();
        let mut node = Node {
            code: code.into(),
            site: site.into(),
            dir,
            desk,
            thread: None,
            linked: false,
        };
        node.connect(board);
        node
    }

    /// One turn of the desk's loop: what it made goes out, what came in is applied.
    fn pump(&mut self) {
        let thread = self.thread.as_ref().unwrap();
        thread.publish(outgoing(self.desk.take_unpublished()));
        let mut events = Vec::new();
        let mut reached = BTreeMap::new();
        for news in thread.try_recv() {
            match news {
                FromSync::Acked(ids) => self.desk.sync_acked(&ids).unwrap(),
                FromSync::Received { site, seq, payload } => {
                    let line = String::from_utf8(payload).unwrap();
                    events.push(Event::from_line(&line).unwrap());
                    let at = reached.entry(site).or_insert(seq);
                    *at = (*at).max(seq);
                }
                FromSync::Link(LinkState::Connected) => {
                    self.linked = true;
                    thread.publish(outgoing(self.desk.outbox_events()));
                }
                FromSync::Link(LinkState::CutOff) => self.linked = false,
                FromSync::Problem(_) => {}
            }
        }
        if !events.is_empty() || !reached.is_empty() {
            let outcome = self.desk.apply_remote(events, reached).unwrap();
            assert!(outcome.refused.is_empty(), "{:?}", outcome.refused);
        }
    }

    fn open(&mut self, title: &str) -> IncidentId {
        let book = self
            .desk
            .playbooks
            .for_category(Category::SystemOutage)
            .unwrap()
            .clone();
        let reported = Reported {
            title: title.into(),
            category: Category::SystemOutage,
            kind: None,
            severity: Severity::new(2).unwrap(),
            detected_at: now(),
            description: String::new(),
        };
        let new = NewIncident::new(reported, &book, self.desk.roster());
        let change = self
            .desk
            .stamp(Change::Open(Box::new(new)), now(), &self.code);
        let outcome = self.desk.submit(change);
        match outcome.result {
            Ok(shiftdesk_core::change::Applied::Opened(id)) => id,
            other => panic!("open refused: {other:?}"),
        }
    }

    fn change(&mut self, change: Change) {
        let stamped = self.desk.stamp(change, now(), &self.code);
        let outcome = self.desk.submit(stamped);
        assert!(outcome.result.is_ok(), "{:?}", outcome.result);
    }

    fn note(&mut self, id: &IncidentId, text: &str) {
        self.change(Change::Note {
            incident: id.clone(),
            text: text.into(),
        });
    }

    /// The incidents as every desk must see them: by id, without what is this desk's own
    /// (the file's revision).
    fn board(&self) -> BTreeMap<String, serde_json::Value> {
        self.desk
            .incidents()
            .incidents
            .iter()
            .map(|i| (i.id.0.clone(), serde_json::to_value(i.as_ref()).unwrap()))
            .collect()
    }

    fn notes(&self) -> Vec<String> {
        let mut notes: Vec<String> = self
            .desk
            .incidents()
            .incidents
            .iter()
            .flat_map(|i: &std::sync::Arc<Incident>| i.timeline.iter())
            .filter(|e| e.kind == shiftdesk_core::timeline::EntryKind::Note)
            .map(|e| e.text.clone())
            .collect();
        notes.sort();
        notes
    }
}

fn outgoing(batch: Vec<(String, String)>) -> Vec<Outgoing> {
    batch
        .into_iter()
        .map(|(id, line)| Outgoing {
            id,
            payload: line.into_bytes(),
        })
        .collect()
}

/// Pumps every desk until their incidents are equal, nothing is unsent and `done` holds;
/// panics with what differs after `limit`.
fn converge(nodes: &mut [&mut Node], limit: Duration, done: impl Fn(&[&mut Node]) -> bool) {
    let start = Instant::now();
    loop {
        for n in nodes.iter_mut() {
            n.pump();
        }
        let first = nodes[0].board();
        let equal = nodes.iter().all(|n| n.board() == first);
        let sent = nodes.iter().all(|n| n.desk.unsent_count() == 0);
        if equal && sent && done(nodes) {
            return;
        }
        if start.elapsed() > limit {
            let states: Vec<String> = nodes
                .iter()
                .map(|n| {
                    format!(
                        "{}: {} incidents, {} unsent, notes {:?}",
                        n.code,
                        n.board().len(),
                        n.desk.unsent_count(),
                        n.notes()
                    )
                })
                .collect();
            panic!("no convergence after {limit:?}:\n{}", states.join("\n"));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A hub, a leaf at TYO and one at OSA, and a desk at each (TYO1, OSA1) in their own data
/// dirs under the returned folder; None when there is no nats-server (said loudly).
fn two_sites() -> Option<(Board, tempfile::TempDir, Node, Node)> {
    let board = Board::start(&SITES)?;
    let root = tempfile::tempdir().unwrap();
    let tyo = Node::start(&board, root.path(), "TYO", "TYO1");
    let osa = Node::start(&board, root.path(), "OSA", "OSA1");
    Some((board, root, tyo, osa))
}

/// An incident opened at TYO, once both desks have it.
fn opened_everywhere(tyo: &mut Node, osa: &mut Node, title: &str) -> IncidentId {
    let id = tyo.open(title);
    converge(&mut [tyo, osa], Duration::from_secs(15), |n| {
        n.iter().all(|n| n.board().len() == 1)
    });
    id
}

fn notes_are(expected: &[&str]) -> impl Fn(&[&mut Node]) -> bool {
    let mut expected: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
    expected.sort();
    move |nodes| nodes.iter().all(|n| n.notes() == expected)
}

fn wait_cut(node: &mut Node) {
    let start = Instant::now();
    while node.linked {
        node.pump();
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "never told of the cut"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Both sites write while the link is cut for `secs`; after it heals, both have all of it.
fn both_sides_write_during_a_cut(secs: u64) {
    let Some((board, _root, mut tyo, mut osa)) = two_sites() else {
        return;
    };
    let id = opened_everywhere(&mut tyo, &mut osa, "core switch down");

    board.cut("TYO");
    wait_cut(&mut tyo);
    let started = Instant::now();
    let mut i = 0;
    while started.elapsed() < Duration::from_secs(secs) {
        tyo.note(&id, &format!("tyo {i}"));
        osa.note(&id, &format!("osa {i}"));
        tyo.pump();
        osa.pump();
        i += 1;
        std::thread::sleep(Duration::from_millis(500));
    }
    let other = osa.open("badge lost at OSA");
    assert!(other.0.starts_with("INC-OSA1-"), "{other:?}");
    // The cut held: nothing of TYO's crossed it (TYO's own server stored it all: the
    // outbox empties while only the link between the sites is down).
    assert!(
        !osa.notes().iter().any(|n| n.starts_with("tyo ")),
        "{:?}",
        osa.notes()
    );
    board.heal("TYO");
    let expected: Vec<String> = (0..i)
        .flat_map(|n| [format!("tyo {n}"), format!("osa {n}")])
        .collect();
    let expected: Vec<&str> = expected.iter().map(String::as_str).collect();
    converge(&mut [&mut tyo, &mut osa], Duration::from_secs(30), |n| {
        notes_are(&expected)(n) && n.iter().all(|n| n.board().len() == 2)
    });
}

#[test]
fn both_sides_write_during_a_10_s_cut() {
    both_sides_write_during_a_cut(10);
}

#[test]
fn both_sides_write_during_a_60_s_cut() {
    both_sides_write_during_a_cut(60);
}

#[test]
fn a_closed_and_a_reopened_incident_while_cut_off_shows_a_conflict_everywhere() {
    let Some((board, _root, mut tyo, mut osa)) = two_sites() else {
        return;
    };
    let id = opened_everywhere(&mut tyo, &mut osa, "mail to the wrong address");
    board.cut("OSA");
    wait_cut(&mut osa);
    tyo.change(Change::CloseWithoutReview {
        incident: id.clone(),
        reason: "recalled".into(),
    });
    osa.note(&id, "the recipient answered");
    board.heal("OSA");
    converge(
        &mut [&mut tyo, &mut osa],
        Duration::from_secs(20),
        notes_are(&["the recipient answered"]),
    );
    for n in [&tyo, &osa] {
        let inc = n.desk.incidents().get(&id).unwrap();
        assert_ne!(
            inc.status,
            shiftdesk_core::incident::Status::Open,
            "{}",
            n.code
        );
        let note = inc
            .timeline
            .iter()
            .find(|e| e.text == "the recipient answered")
            .unwrap();
        assert!(
            note.merge.is_some(),
            "a note after a close is marked: {}",
            n.code
        );
    }
}

#[test]
fn a_hub_restart_loses_nothing() {
    let Some((mut board, _root, mut tyo, mut osa)) = two_sites() else {
        return;
    };
    let id = opened_everywhere(&mut tyo, &mut osa, "hub restart");
    board.kill_hub();
    tyo.note(&id, "during the restart, tyo");
    osa.note(&id, "during the restart, osa");
    tyo.pump();
    osa.pump();
    board.restart_hub().unwrap();
    converge(
        &mut [&mut tyo, &mut osa],
        Duration::from_secs(30),
        notes_are(&["during the restart, osa", "during the restart, tyo"]),
    );
}

#[test]
fn a_desk_killed_with_unsent_events_sends_them_after_its_restart() {
    let Some((mut board, _root, mut tyo, mut osa)) = two_sites() else {
        return;
    };
    let id = opened_everywhere(&mut tyo, &mut osa, "killed desk");
    // The own site's server is down: nothing can be acknowledged.
    board.kill_leaf("TYO");
    tyo.note(&id, "written before the kill");
    tyo.pump();
    assert_eq!(tyo.desk.unsent_count(), 1);
    let dir = tyo.kill();
    board.restart_leaf("TYO").unwrap();
    let mut tyo = Node::restart(&board, dir, "TYO", "TYO1");
    assert_eq!(tyo.desk.unsent_count(), 1, "the outbox kept the note");
    converge(
        &mut [&mut tyo, &mut osa],
        Duration::from_secs(30),
        notes_are(&["written before the kill"]),
    );
}

#[test]
fn a_duplicate_delivery_changes_nothing() {
    let Some((_board, _root, mut tyo, mut osa)) = two_sites() else {
        return;
    };
    let id = tyo.open("duplicates");
    tyo.note(&id, "once");
    converge(
        &mut [&mut tyo, &mut osa],
        Duration::from_secs(15),
        notes_are(&["once"]),
    );
    // The same events again, by hand, as a second delivery would bring them: by a
    // republish outside the server's window, or from another path.
    let lines: Vec<Event> = std::fs::read_dir(tyo.dir.join("events"))
        .unwrap()
        .flat_map(|e| read_events(&e.unwrap().path()).unwrap())
        .collect();
    assert!(lines.len() >= 2);
    let before = osa.board();
    let outcome = osa.desk.apply_remote(lines, BTreeMap::new()).unwrap();
    assert_eq!(outcome.applied, 0);
    assert_eq!(osa.board(), before);
    converge(
        &mut [&mut tyo, &mut osa],
        Duration::from_secs(15),
        notes_are(&["once"]),
    );
}

#[test]
fn a_desk_joining_late_gets_the_whole_board() {
    let Some((board, root, mut tyo, mut osa)) = two_sites() else {
        return;
    };
    let a = tyo.open("first");
    let b = osa.open("second");
    tyo.note(&a, "from tyo");
    osa.note(&b, "from osa");
    converge(&mut [&mut tyo, &mut osa], Duration::from_secs(15), |n| {
        n.iter().all(|n| n.board().len() == 2)
    });
    let mut late = Node::start(&board, root.path(), "OSA", "OSA3");
    converge(
        &mut [&mut tyo, &mut osa, &mut late],
        Duration::from_secs(20),
        |n| n.iter().all(|n| n.board().len() == 2) && notes_are(&["from osa", "from tyo"])(n),
    );
}
