//! The NATS JetStream link that shares a shiftdesk board across hosts and sites.
//!
//! It runs on its own thread with a small current-thread tokio runtime and talks to the
//! desk over channels ([`SyncThread`]); nothing below it (core, store) sees async. It knows
//! no shiftdesk type: an event is an id and a payload of bytes. The durable queue is the
//! desk's outbox file, not this thread: whatever it has not acknowledged, the desk sends
//! again.
//!
//! Topology: one nats-server per site, a leaf node with a JetStream domain equal to the
//! site code, linked to a hub without JetStream (`no_advertise`). A stream per site
//! ([`stream_name`], subject [`subject`]); a desk publishes to its own site's stream and
//! reads every site's stream (its own included) with a pull consumer it re-creates from
//! its own checkpoint, reaching other sites through `$JS.<domain>.API`.

mod admin;
mod config;
mod problem;
mod thread;

#[cfg(feature = "harness")]
pub mod harness;

pub use admin::{SiteLag, StreamSetup, probe, setup};
pub use config::{DEFAULT_LEAF_PORT, hub_config, leaf_config};
pub use problem::{Problem, Trouble};
pub use thread::SyncThread;

/// What the sync thread needs: the desk's own site's server, its code and every site read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncConfig {
    /// The own site's leaf server, `nats://host:port`.
    pub url: String,
    pub site: String,
    /// Every site whose stream is read, the own site included.
    pub sites: Vec<String>,
}

/// One event to publish: `id` becomes the `Nats-Msg-Id` (the server's dedupe key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    pub id: String,
    pub payload: Vec<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkState {
    /// Every site's stream can be read.
    Connected,
    /// Some site's stream (or the own server) could not be read for more than ~2 s.
    CutOff,
}

/// What the sync thread tells the desk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FromSync {
    /// The server stored these events (or had them already): they may leave the outbox.
    Acked(Vec<String>),
    /// One event of `site`'s stream, at stream sequence `seq` (strictly increasing per site).
    Received {
        site: String,
        seq: u64,
        payload: Vec<u8>,
    },
    /// Sent only when the state changes.
    Link(LinkState),
    /// Something the operator must know (a server refusing, a stream missing); at most once
    /// per episode.
    Problem(Problem),
}

/// The stream that holds one site's events.
pub fn stream_name(site: &str) -> String {
    format!("SHIFTDESK_{site}")
}

/// The subject a site's desks publish to.
pub fn subject(site: &str) -> String {
    format!("shiftdesk.{site}.events")
}

/// The JetStream domain of a site's leaf server.
pub fn domain(site: &str) -> String {
    site.to_string()
}
