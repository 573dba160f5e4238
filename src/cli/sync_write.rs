//! A command that writes on a data dir that is on a shared board: the change goes through
//! the desk, so it becomes an event in the outbox like any other, and is sent at once
//! through the site's server when it answers within a few seconds. What is not stored by
//! then stays in the outbox, and goes when a desk on this data dir is linked.

use super::Session;
use crate::app::sync::SyncNews;
use crate::sync_link::SyncLink;
use anyhow::Result;
use shiftdesk_core::i18n::{Msg, fill};
use shiftdesk_store::open::open_desk;
use shiftdesk_store::{Desk, SyncSettings};
use shiftdesk_sync::SyncConfig;
use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

/// How long a command waits for its site's server to store what it wrote.
const SEND_WAIT: Duration = Duration::from_secs(3);

/// The desk of this data dir, keeping its events; None when the data dir is not on a
/// shared board (the command writes as it always has).
pub fn synced_desk(ctx: &Session) -> Result<Option<Desk>> {
    let Some(settings) = SyncSettings::resolve(&ctx.dir, &ctx.sync.flags())? else {
        return Ok(None);
    };
    ctx.dir.create()?;
    let (mut desk, _) = open_desk(&ctx.dir, ctx.operator.lang, ctx.now)?;
    for warning in desk.enable_sync(&settings)? {
        eprintln!("shiftdesk: {warning}");
    }
    Ok(Some(desk))
}

/// Sends what the outbox holds, waiting at most [`SEND_WAIT`]; says on stderr how many
/// changes wait still.
pub fn send_now(desk: &mut Desk, ctx: &Session) {
    let Some(settings) = desk.sync_settings().cloned() else {
        return;
    };
    let batch = desk.outbox_events();
    if batch.is_empty() {
        return;
    }
    let config = SyncConfig {
        // Only its own site's: a command sends, it does not read the board.
        sites: Vec::new(),
        ..crate::sync_link::config_of(&settings)
    };
    let link = SyncLink::start(config, HashMap::new());
    let mut waiting: HashSet<String> = batch.iter().map(|(id, _)| id.clone()).collect();
    link.publish(batch);
    let start = Instant::now();
    let mut acked = Vec::new();
    while !waiting.is_empty() && start.elapsed() < SEND_WAIT {
        if let Some(SyncNews::Acked(ids)) = link.next_news(Duration::from_millis(100)) {
            for id in ids {
                waiting.remove(&id);
                acked.push(id);
            }
        }
    }
    link.stop();
    if let Err(why) = desk.sync_acked(&acked) {
        eprintln!("shiftdesk: {why}");
    }
    let unsent = desk.unsent_count();
    if unsent > 0 {
        let n = unsent.to_string();
        eprintln!(
            "shiftdesk: {}",
            fill(ctx.operator.lang, Msg::SyncCliUnsent, &[("n", &n)])
        );
    }
}
