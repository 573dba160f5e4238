//! The sync thread's news, acted on: other desks' events applied through the same
//! transaction as this desk's own, acknowledged events taken out of the outbox, the link's
//! state kept for the status line, and this desk's new events handed out to send.

use super::App;
use super::effects::Effect;
use super::sync::SyncNews;
use super::ui_state::NoticeLevel;
use shiftdesk_core::i18n::{Msg, fill, fill_owned};
use shiftdesk_core::sync::Event;
use shiftdesk_core::text::safe_line;

impl App {
    pub(super) fn on_sync(&mut self, news: Vec<SyncNews>) {
        let mut received = Vec::new();
        for item in news {
            match item {
                SyncNews::Acked(ids) => {
                    // Stored by this site's server, but while cut off the other sites
                    // have not got it: still unsent to them, till the link returns.
                    if self.link.cut_off_since.is_some() {
                        self.link.held += ids.len();
                    }
                    if let Err(why) = self.desk.sync_acked(&ids) {
                        self.notify(NoticeLevel::Error, why);
                    }
                }
                SyncNews::Received { site, seq, line } => received.push((site, seq, line)),
                SyncNews::Linked(true) => {
                    self.link.cut_off_since = None;
                    self.link.held = 0;
                    self.link.ever_connected = true;
                    // Whatever the thread may have dropped while cut off goes again; the
                    // server and every desk keep one of each id.
                    self.publish_all();
                }
                SyncNews::Linked(false) => {
                    self.link.cut_off_since.get_or_insert(self.now);
                }
                // Cut off, the status line says so already: a problem then is the cut
                // itself, in the server's words.
                SyncNews::Problem(..) if self.link.cut_off_since.is_some() => {}
                SyncNews::Problem(msg, values) => {
                    let why = fill_owned(self.lang(), msg, &values);
                    let text = fill(self.lang(), Msg::SyncProblem, &[("why", &why)]);
                    self.notify(NoticeLevel::Error, text);
                }
            }
        }
        if !received.is_empty() {
            self.apply_received(received);
        }
    }

    /// Applies other desks' events, in the order each site's stream gave them, and moves
    /// each site's checkpoint past them once they are saved.
    fn apply_received(&mut self, received: Vec<(String, u64, String)>) {
        let before = self.attention_before();
        let mut events = Vec::with_capacity(received.len());
        let mut reached = std::collections::BTreeMap::new();
        for (site, seq, line) in received {
            match Event::from_line(&line) {
                Ok(event) => events.push(event),
                Err(e) => {
                    let text = fill(
                        self.lang(),
                        Msg::SyncBadEvent,
                        &[
                            ("site", &site),
                            ("seq", &seq.to_string()),
                            ("why", &e.to_string()),
                        ],
                    );
                    self.notify(NoticeLevel::Error, text);
                }
            }
            let at = reached.entry(site).or_insert(seq);
            *at = (*at).max(seq);
        }
        // Who changed what elsewhere, told once per batch: "OSA1 (sato)".
        let own = self.desk.origin();
        let mut elsewhere: Vec<String> = Vec::new();
        for event in &events {
            if event.desk == own {
                continue;
            }
            let who = format!("{} ({})", event.desk, safe_line(&event.operator));
            if !elsewhere.contains(&who) {
                elsewhere.push(who);
            }
        }
        match self.desk.apply_remote(events, reached) {
            Ok(outcome) => {
                for why in outcome.refused {
                    self.notify(NoticeLevel::Error, why);
                }
                if outcome.applied > 0 && !elsewhere.is_empty() {
                    let text = fill(
                        self.lang(),
                        Msg::SyncFromElsewhere,
                        &[
                            ("n", &outcome.applied.to_string()),
                            ("desks", &elsewhere.join(", ")),
                        ],
                    );
                    self.notify(NoticeLevel::Info, text);
                }
            }
            Err(why) => self.notify(NoticeLevel::Error, why),
        }
        let raised = self.raised_since(&before);
        self.call_for_attention(raised);
    }

    /// Hands this desk's events not yet handed out to the sync thread.
    pub(super) fn publish_new(&mut self) {
        let batch = self.desk.take_unpublished();
        if !batch.is_empty() {
            self.effects.push(Effect::Publish(batch));
        }
    }

    /// Hands out every event still in the outbox (at the start, and when the link returns).
    pub fn publish_all(&mut self) {
        let batch = self.desk.outbox_events();
        if !batch.is_empty() {
            self.effects.push(Effect::Publish(batch));
        }
    }
}

impl App {
    /// This desk's events the other sites have not got yet, as far as the desk can tell:
    /// those its own site's server has not stored (the outbox), and those it stored while
    /// cut off.
    pub fn unsent_elsewhere(&self) -> usize {
        self.desk.unsent_count() + self.link.held
    }
}
