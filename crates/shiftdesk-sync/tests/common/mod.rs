//! A stand-in desk for the link tests: a sync thread and everything it said.
#![allow(dead_code)]

use shiftdesk_sync::harness::Board;
use shiftdesk_sync::{FromSync, LinkState, Outgoing, SyncConfig, SyncThread};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::time::{Duration, Instant};

pub struct Desk {
    pub thread: SyncThread,
    /// Per site: (seq, payload) in the order received.
    pub got: BTreeMap<String, Vec<(u64, String)>>,
    pub acked: HashSet<String>,
    pub links: Vec<(Instant, LinkState)>,
    pub problems: Vec<shiftdesk_sync::Problem>,
    /// When each payload first arrived.
    pub arrived: HashMap<String, Instant>,
}

impl Desk {
    pub fn start(board: &Board, site: &str, checkpoints: HashMap<String, u64>) -> Desk {
        let config = SyncConfig {
            url: board.leaf_url(site),
            site: site.into(),
            sites: board.sites(),
        };
        Desk {
            thread: SyncThread::start(config, checkpoints),
            got: BTreeMap::new(),
            acked: HashSet::new(),
            links: Vec::new(),
            problems: Vec::new(),
            arrived: HashMap::new(),
        }
    }

    /// Publishes events `<prefix>-<n>` for n in `range`, payload = id.
    pub fn publish(&self, prefix: &str, range: std::ops::Range<usize>) {
        self.thread.publish(
            range
                .map(|n| {
                    let id = format!("{prefix}-{n:04}");
                    Outgoing {
                        payload: id.clone().into_bytes(),
                        id,
                    }
                })
                .collect(),
        );
    }

    fn take(&mut self, news: FromSync) {
        match news {
            FromSync::Acked(ids) => self.acked.extend(ids),
            FromSync::Received { site, seq, payload } => {
                let text = String::from_utf8(payload).unwrap();
                self.arrived
                    .entry(text.clone())
                    .or_insert_with(Instant::now);
                self.got.entry(site).or_default().push((seq, text));
            }
            FromSync::Link(state) => self.links.push((Instant::now(), state)),
            FromSync::Problem(text) => self.problems.push(text),
        }
    }

    /// Takes what the thread says until `done` holds (true) or `limit` passes (false).
    pub fn until(&mut self, limit: Duration, done: impl Fn(&Desk) -> bool) -> bool {
        let deadline = Instant::now() + limit;
        loop {
            if done(self) {
                return true;
            }
            let now = Instant::now();
            if now >= deadline {
                return false;
            }
            if let Some(news) = self
                .thread
                .recv_timeout((deadline - now).min(Duration::from_millis(20)))
            {
                self.take(news);
            }
        }
    }

    /// Every payload received, from every site, in order of arrival per site.
    pub fn payloads(&self) -> Vec<String> {
        self.got
            .values()
            .flatten()
            .map(|(_, p)| p.clone())
            .collect()
    }

    pub fn count(&self) -> usize {
        self.got.values().map(Vec::len).sum()
    }

    pub fn has_all(&self, prefix: &str, n: usize) -> bool {
        let got: HashSet<&str> = self
            .got
            .values()
            .flatten()
            .map(|(_, p)| p.as_str())
            .collect();
        (0..n).all(|i| got.contains(format!("{prefix}-{i:04}").as_str()))
    }

    /// No payload twice and sequences strictly increasing per site.
    pub fn assert_once(&self) {
        let mut seen = HashSet::new();
        for (site, list) in &self.got {
            for pair in list.windows(2) {
                assert!(
                    pair[0].0 < pair[1].0,
                    "{site}: seq not increasing: {pair:?}"
                );
            }
            for (_, payload) in list {
                assert!(seen.insert(payload.clone()), "{payload} received twice");
            }
        }
    }

    pub fn last_link(&self) -> Option<LinkState> {
        self.links.last().map(|(_, state)| *state)
    }
}

pub fn board(sites: &[&str]) -> Option<Board> {
    let board = Board::start(sites)?;
    board.wait_linked().expect("sites linked");
    let sites: Vec<String> = sites.iter().map(|s| s.to_string()).collect();
    shiftdesk_sync::setup(&board.leaf_url(&sites[0]), &sites).expect("streams set up");
    Some(board)
}
