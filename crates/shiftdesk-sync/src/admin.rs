//! One-shot work against the servers: create the streams, measure how far behind a desk is.
//! Each call makes its own small runtime; the desk's thread is not involved.

use crate::{Problem, Trouble, domain, stream_name, subject};
use anyhow::{Context as _, anyhow};
use async_nats::jetstream::{self, Context, stream};
use std::collections::HashMap;
use std::time::Duration;

/// What `setup` did for one site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StreamSetup {
    pub site: String,
    pub stream: String,
    /// false: it existed already and was left as it was.
    pub created: bool,
    pub messages: u64,
}

/// How far behind a desk's checkpoint is one site's stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteLag {
    pub site: String,
    /// The stream's last sequence (None: it could not be read).
    pub last_seq: Option<u64>,
    /// Events in the stream after the checkpoint.
    pub lag: Option<u64>,
    pub error: Option<Problem>,
}

/// Creates every site's stream through its JetStream domain; a stream that exists is left
/// alone. Idempotent.
pub fn setup(url: &str, sites: &[String]) -> anyhow::Result<Vec<StreamSetup>> {
    runtime()?.block_on(async {
        let client = connect_once(url).await?;
        let mut done = Vec::new();
        for site in sites {
            let js = jetstream::with_domain(client.clone(), domain(site));
            let (created, messages) = ensure_stream(&js, site)
                .await
                .with_context(|| format!("creating the stream of site {site} through {url}"))?;
            done.push(StreamSetup {
                site: site.clone(),
                stream: stream_name(site),
                created,
                messages,
            });
        }
        Ok(done)
    })
}

/// Each site's last sequence and the events after `checkpoints[site]` (0 when absent).
/// Never fails as a whole: what cannot be read says so in its `error`.
pub fn probe(url: &str, sites: &[String], checkpoints: &HashMap<String, u64>) -> Vec<SiteLag> {
    let failed = |error: Problem| {
        sites
            .iter()
            .map(|site| SiteLag {
                site: site.clone(),
                last_seq: None,
                lag: None,
                error: Some(error.clone()),
            })
            .collect::<Vec<_>>()
    };
    let runtime = match runtime() {
        Ok(runtime) => runtime,
        Err(error) => return failed(Problem::new(Trouble::Start, format!("{error:#}"))),
    };
    runtime.block_on(async {
        let client = match connect_once(url).await {
            Ok(client) => client,
            Err(error) => {
                let url = url.to_string();
                // The client's words, without the context that names the url again.
                let detail = error.chain().nth(1).map(|e| e.to_string());
                return failed(Problem::new(
                    Trouble::Connect { url },
                    detail.unwrap_or_default(),
                ));
            }
        };
        let mut lags = Vec::new();
        for site in sites {
            let js = jetstream::with_domain(client.clone(), domain(site));
            let last = last_sequence(&js, site).await;
            let checkpoint = checkpoints.get(site).copied().unwrap_or(0);
            lags.push(match last {
                Ok(last) => SiteLag {
                    site: site.clone(),
                    last_seq: Some(last),
                    lag: Some(last.saturating_sub(checkpoint)),
                    error: None,
                },
                Err(problem) => SiteLag {
                    site: site.clone(),
                    last_seq: None,
                    lag: None,
                    error: Some(problem),
                },
            });
        }
        lags
    })
}

/// The site answered nothing within [`REQUEST`].
pub(crate) fn no_answer(site: &str) -> Problem {
    let trouble = Trouble::NoAnswer {
        site: site.into(),
        seconds: REQUEST.as_secs(),
    };
    Problem::new(trouble, "")
}

/// The last sequence of a site's stream.
pub(crate) async fn last_sequence(js: &Context, site: &str) -> Result<u64, Problem> {
    let read = |detail: String| Problem::new(Trouble::Read { site: site.into() }, detail);
    let mut stream = tokio::time::timeout(REQUEST, js.get_stream(stream_name(site)))
        .await
        .map_err(|_| no_answer(site))?
        .map_err(|error| unreached(site, error.to_string()))?;
    let info = tokio::time::timeout(REQUEST, stream.info())
        .await
        .map_err(|_| no_answer(site))?
        .map_err(|error| read(error.to_string()))?;
    Ok(info.state.last_sequence)
}

/// A site's stream that cannot be had: through the hub, a site whose server is cut off
/// answers the same as one whose stream was never made.
fn unreached(site: &str, error: String) -> Problem {
    let site = site.to_string();
    if error.contains("does not exist") || error.contains("no responders") {
        Problem::new(Trouble::Unreached { site }, "")
    } else {
        Problem::new(Trouble::Read { site }, error)
    }
}

/// How long one request to a server may take before it counts as unanswered.
pub(crate) const REQUEST: Duration = Duration::from_secs(3);

pub(crate) fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the sync runtime")
}

/// A connection for one-shot work: fails at once when the server is not there.
pub(crate) async fn connect_once(url: &str) -> anyhow::Result<async_nats::Client> {
    async_nats::ConnectOptions::new()
        .connection_timeout(Duration::from_secs(2))
        .request_timeout(Some(REQUEST))
        .connect(url)
        .await
        .with_context(|| format!("connecting to {url}"))
}

pub(crate) fn stream_config(site: &str) -> stream::Config {
    stream::Config {
        name: stream_name(site),
        subjects: vec![subject(site)],
        storage: stream::StorageType::File,
        retention: stream::RetentionPolicy::Limits,
        duplicate_window: Duration::from_secs(120),
        ..Default::default()
    }
}

/// The site's stream, created when missing: (created, messages in it).
pub(crate) async fn ensure_stream(js: &Context, site: &str) -> anyhow::Result<(bool, u64)> {
    let name = stream_name(site);
    match tokio::time::timeout(REQUEST, js.get_stream(&name)).await {
        Err(_) => Err(anyhow!("no answer from site {site} in {REQUEST:?}")),
        Ok(Ok(mut stream)) => Ok((false, stream.info().await?.state.messages)),
        Ok(Err(error)) if not_found(&error) => {
            let mut stream = js.create_stream(stream_config(site)).await?;
            Ok((true, stream.info().await?.state.messages))
        }
        Ok(Err(error)) => Err(error.into()),
    }
}

fn not_found(error: &jetstream::context::GetStreamError) -> bool {
    matches!(
        error.kind(),
        jetstream::context::GetStreamErrorKind::JetStream(inner)
            if inner.error_code() == jetstream::ErrorCode::STREAM_NOT_FOUND
    )
}
