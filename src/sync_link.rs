//! The desk's end of the sync thread: starts it, hands it what to send, and turns what it
//! says into [`SyncNews`] for `App::update`. The thread (and its async runtime) is
//! `shiftdesk-sync`'s; nothing here blocks.

use crate::app::sync::SyncNews;
use crate::cli::sync_args::SyncArgs;
use shiftdesk_store::SyncSettings;
use shiftdesk_store::paths::DataDir;
use shiftdesk_sync::{FromSync, LinkState, Outgoing, SyncConfig, SyncThread};
use std::collections::HashMap;

pub struct SyncLink {
    thread: SyncThread,
}

impl SyncLink {
    /// Starts the thread, reading every site's stream from its checkpoint.
    pub fn start(config: SyncConfig, checkpoints: HashMap<String, u64>) -> SyncLink {
        SyncLink {
            thread: SyncThread::start(config, checkpoints),
        }
    }

    /// Events to send, as (id, line); sending one again is safe.
    pub fn publish(&self, batch: Vec<(String, String)>) {
        if batch.is_empty() {
            return;
        }
        let batch = batch
            .into_iter()
            .map(|(id, line)| Outgoing {
                id,
                payload: line.into_bytes(),
            })
            .collect();
        self.thread.publish(batch);
    }

    /// What the thread said since the last call (nothing: empty).
    pub fn news(&self) -> Vec<SyncNews> {
        self.thread
            .try_recv()
            .into_iter()
            .map(|m| match m {
                FromSync::Acked(ids) => SyncNews::Acked(ids),
                FromSync::Received { site, seq, payload } => SyncNews::Received {
                    site,
                    seq,
                    line: String::from_utf8_lossy(&payload).into_owned(),
                },
                FromSync::Link(LinkState::Connected) => SyncNews::Linked(true),
                FromSync::Link(LinkState::CutOff) => SyncNews::Linked(false),
                FromSync::Problem(why) => SyncNews::Problem(why),
            })
            .collect()
    }

    pub fn stop(self) {
        self.thread.stop();
    }
}

/// Puts the desk on the shared board when `config.toml` or the flags say so: the store
/// keeps its events from now on, the status line shows the link, the thread starts from
/// the desk's checkpoints and everything still in the outbox goes (again) at once.
/// None: this desk is on its own, and nothing changes.
pub fn start_for(
    app: &mut crate::app::App,
    dir: &DataDir,
    args: &SyncArgs,
) -> anyhow::Result<Option<SyncLink>> {
    let Some(settings) = SyncSettings::resolve(dir, &args.flags())? else {
        return Ok(None);
    };
    app.desk.enable_sync(&settings)?;
    app.desk.set_origin(&settings.desk);
    let warnings = app.desk.take_sync_warnings();
    app.ui.warnings.extend(warnings);
    app.link.on = true;
    let link = SyncLink::start(config_of(&settings), app.desk.checkpoints());
    app.publish_all();
    Ok(Some(link))
}

/// What the sync thread needs, from the desk's settings.
pub fn config_of(settings: &SyncSettings) -> SyncConfig {
    SyncConfig {
        url: settings.url.clone(),
        site: settings.site.clone(),
        desk: settings.desk.clone(),
        sites: settings.sites.clone(),
    }
}
