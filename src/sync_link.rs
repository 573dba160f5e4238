//! The desk's end of the sync thread: starts it, hands it what to send, and turns what it
//! says into [`SyncNews`] for `App::update`. The thread (and its async runtime) is
//! `shiftdesk-sync`'s; nothing here blocks.

use crate::app::sync::SyncNews;
use crate::cli::sync_args::SyncArgs;
use shiftdesk_core::i18n::{Lang, Msg, fill_owned};
use shiftdesk_store::SyncSettings;
use shiftdesk_store::paths::DataDir;
use shiftdesk_sync::{FromSync, LinkState, Outgoing, Problem, SyncConfig, SyncThread, Trouble};
use std::collections::HashMap;
use std::time::Duration;

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
        self.thread.try_recv().into_iter().map(news_of).collect()
    }

    /// Waits up to `d` for the next thing the thread says.
    pub fn next_news(&self, d: Duration) -> Option<SyncNews> {
        self.thread.recv_timeout(d).map(news_of)
    }

    pub fn stop(self) {
        self.thread.stop();
    }
}

fn news_of(said: FromSync) -> SyncNews {
    match said {
        FromSync::Acked(ids) => SyncNews::Acked(ids),
        FromSync::Received { site, seq, payload } => SyncNews::Received {
            site,
            seq,
            line: String::from_utf8_lossy(&payload).into_owned(),
        },
        FromSync::Link(LinkState::Connected) => SyncNews::Linked(true),
        FromSync::Link(LinkState::CutOff) => SyncNews::Linked(false),
        FromSync::Problem(problem) => {
            let (msg, values) = worded(&problem);
            SyncNews::Problem(msg, values)
        }
    }
}

/// A problem of the link as one of the desk's messages and its values (the server's own
/// words among them, as they are).
pub fn worded(problem: &Problem) -> (Msg, Vec<(&'static str, String)>) {
    let detail = ("detail", problem.detail.clone());
    let site = |site: &str| ("site", site.to_string());
    match &problem.trouble {
        Trouble::Start => (Msg::SyncTroubleStart, vec![detail]),
        Trouble::Connect { url } => (Msg::SyncTroubleConnect, vec![("url", url.clone()), detail]),
        Trouble::Stream { site: s } => (Msg::SyncTroubleStream, vec![site(s), detail]),
        Trouble::Send { site: s } => (Msg::SyncTroubleSend, vec![site(s), detail]),
        Trouble::NoAcknowledgement { site: s } => {
            (Msg::SyncTroubleNoAcknowledgement, vec![site(s)])
        }
        Trouble::Read { site: s } => (Msg::SyncTroubleRead, vec![site(s), detail]),
        Trouble::NoAnswer { site: s, seconds } => (
            Msg::SyncTroubleNoAnswer,
            vec![site(s), ("seconds", seconds.to_string())],
        ),
        Trouble::Unreached { site: s } => (
            Msg::SyncTroubleUnreached,
            vec![site(s), ("stream", shiftdesk_sync::stream_name(s))],
        ),
        Trouble::MadeAnew {
            site: s,
            end,
            place,
        } => (
            Msg::SyncTroubleMadeAnew,
            vec![
                site(s),
                ("stream", shiftdesk_sync::stream_name(s)),
                ("end", end.to_string()),
                ("place", place.to_string()),
            ],
        ),
    }
}

/// A problem of the link in `lang`.
pub fn problem_text(lang: Lang, problem: &Problem) -> String {
    let (msg, values) = worded(problem);
    fill_owned(lang, msg, &values)
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
    let warnings = app.desk.enable_sync(&settings)?;
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
        sites: settings.sites.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_trouble() -> Vec<Trouble> {
        let site = || "OSA".to_string();
        vec![
            Trouble::Start,
            Trouble::Connect {
                url: "nats://10.0.0.5:4222".into(),
            },
            Trouble::Stream { site: site() },
            Trouble::Send { site: site() },
            Trouble::NoAcknowledgement { site: site() },
            Trouble::Read { site: site() },
            Trouble::NoAnswer {
                site: site(),
                seconds: 3,
            },
            Trouble::Unreached { site: site() },
            Trouble::MadeAnew {
                site: site(),
                end: 3,
                place: 40,
            },
        ]
    }

    #[test]
    fn every_trouble_is_worded_in_both_languages_with_what_it_names() {
        for trouble in every_trouble() {
            let problem = Problem::new(trouble.clone(), "server says no");
            let (_, values) = worded(&problem);
            // `fill` panics in a debug build when a placeholder is not given.
            let en = problem_text(Lang::En, &problem);
            let ja = problem_text(Lang::Ja, &problem);
            assert_ne!(en, ja, "{trouble:?}");
            for text in [&en, &ja] {
                if let Some(site) = problem.site() {
                    assert!(text.contains(site), "{trouble:?}: {text}");
                }
                let says_detail = values.iter().any(|(k, _)| *k == "detail");
                assert_eq!(text.contains("server says no"), says_detail, "{text}");
            }
            assert!(!ja.contains("site OSA"), "{ja}");
            assert!(!ja.contains("cannot"), "{ja}");
            if problem.site().is_some() {
                assert!(ja.contains("拠点 OSA"), "{ja}");
            }
        }
    }

    #[test]
    fn a_connection_problem_names_the_url_and_the_server_words() {
        let problem = Problem::new(
            Trouble::Connect {
                url: "nats://10.0.0.5:4222".into(),
            },
            "connection refused",
        );
        assert_eq!(
            problem_text(Lang::En, &problem),
            "cannot connect to nats://10.0.0.5:4222: connection refused"
        );
        assert_eq!(
            problem_text(Lang::Ja, &problem),
            "nats://10.0.0.5:4222 に接続できません: connection refused"
        );
    }
}
