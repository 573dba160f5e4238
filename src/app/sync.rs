//! The board shared with other desks and sites: what the sync thread tells the desk, and
//! what the desk knows of the link. The thread itself lives outside the app (it is I/O);
//! its news come in as [`Action::Sync`](super::Action::Sync) and the events to send go out
//! as [`Effect::Publish`](super::effects::Effect::Publish).

use chrono::{DateTime, Utc};

/// One thing the sync thread said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncNews {
    /// The own site's server stored these events (by id): they leave the outbox.
    Acked(Vec<String>),
    /// An event from a site's stream, at this stream sequence.
    Received {
        site: String,
        seq: u64,
        line: String,
    },
    /// The link to the other sites is up (true) or cut off (false).
    Linked(bool),
    /// Something went wrong that the operator may need to know: the message and its values
    /// (the server's own words among them).
    Problem(shiftdesk_words::Msg, Vec<(&'static str, String)>),
}

/// What the desk knows of the link.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Link {
    /// Sync is configured for this desk.
    pub on: bool,
    /// Cut off since then; None while connected (or before the first word of the thread).
    pub cut_off_since: Option<DateTime<Utc>>,
    /// The thread said at least once that it is connected.
    pub ever_connected: bool,
    /// This desk's events its site's server stored while cut off from the other sites:
    /// they reach the others only when the link returns.
    pub held: usize,
}
