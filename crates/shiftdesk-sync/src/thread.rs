//! The sync thread: a current-thread tokio runtime on a std thread. One task publishes the
//! desk's events to its own site's stream; one task per site reads that site's stream from
//! the checkpoint; one watches the link. The desk talks to it over channels and never waits.

use crate::admin::{REQUEST, ensure_stream, last_sequence, no_answer};
use crate::{
    FromSync, LinkState, Outgoing, Problem, SyncConfig, Trouble, domain, stream_name, subject,
};
use async_nats::jetstream::{self, Context, consumer};
use futures_util::StreamExt as _;
use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::mpsc as std_mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::mpsc;

/// A site counts as cut off when its stream could not be read for this long.
const CUT_OFF_AFTER: Duration = Duration::from_secs(2);
/// The idle heartbeat asked of every pull; two missed ones end the pull and re-create it.
const HEARTBEAT: Duration = Duration::from_secs(1);
/// Pause between attempts after a failure.
const RETRY: Duration = Duration::from_millis(250);
/// Events published before their acknowledgements are awaited.
const PUBLISH_BATCH: usize = 256;

enum Command {
    Publish(Vec<Outgoing>),
    Stop,
}

/// The desk's handle on the sync thread.
pub struct SyncThread {
    commands: mpsc::UnboundedSender<Command>,
    news: std_mpsc::Receiver<FromSync>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl SyncThread {
    /// Starts the thread: connects to `config.url` (retrying in the background while the
    /// server is away), creates the own site's stream when missing and reads every site's
    /// stream from `checkpoints[site] + 1` (from the start when absent).
    pub fn start(config: SyncConfig, checkpoints: HashMap<String, u64>) -> SyncThread {
        let (commands, command_rx) = mpsc::unbounded_channel();
        let (news_tx, news) = std_mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("shiftdesk-sync".into())
            .spawn(move || {
                let runtime = match crate::admin::runtime() {
                    Ok(runtime) => runtime,
                    Err(error) => {
                        let _ = news_tx.send(FromSync::Problem(Problem::new(
                            Trouble::Start,
                            format!("{error:#}"),
                        )));
                        return;
                    }
                };
                runtime.block_on(run(config, checkpoints, command_rx, news_tx));
            });
        let thread = thread.ok();
        SyncThread {
            commands,
            news,
            thread,
        }
    }

    /// Hands events to publish; never blocks. Publishing one again is harmless.
    pub fn publish(&self, batch: Vec<Outgoing>) {
        if !batch.is_empty() {
            let _ = self.commands.send(Command::Publish(batch));
        }
    }

    /// Everything the thread said since the last call; never blocks.
    pub fn try_recv(&self) -> Vec<FromSync> {
        self.news.try_iter().collect()
    }

    /// Waits up to `d` for the next thing the thread says.
    pub fn recv_timeout(&self, d: Duration) -> Option<FromSync> {
        self.news.recv_timeout(d).ok()
    }

    /// Stops the thread, waiting for it at most a second (it may be waiting on an
    /// acknowledgement); events not yet acknowledged stay in the desk's outbox.
    pub fn stop(mut self) {
        let _ = self.commands.send(Command::Stop);
        if let Some(thread) = self.thread.take() {
            let deadline = Instant::now() + Duration::from_secs(1);
            while !thread.is_finished() && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(5));
            }
            if thread.is_finished() {
                let _ = thread.join();
            }
        }
    }
}

impl Drop for SyncThread {
    fn drop(&mut self) {
        let _ = self.commands.send(Command::Stop);
    }
}

/// How each site's reader is doing.
#[derive(Debug, Clone)]
enum Health {
    Reading,
    /// Not read since `since`; `told`: the problem was already reported.
    Failing {
        since: Instant,
        error: Problem,
        told: bool,
    },
}

type Healths = Arc<Mutex<HashMap<String, Health>>>;

/// `error`: None when reading; else what failed and how long the site had already been
/// silent when it was noticed (a missed heartbeat is noticed late).
fn set_health(healths: &Healths, site: &str, error: Option<(Problem, Duration)>) {
    let Ok(mut healths) = healths.lock() else {
        return;
    };
    let entry = healths
        .entry(site.to_string())
        .or_insert_with(|| Health::Reading);
    match (error, &mut *entry) {
        (None, _) => *entry = Health::Reading,
        (Some((text, _)), Health::Failing { error, .. }) => *error = text,
        (Some((text, silent)), Health::Reading) => {
            let now = Instant::now();
            *entry = Health::Failing {
                since: now.checked_sub(silent).unwrap_or(now),
                error: text,
                told: false,
            }
        }
    }
}

async fn run(
    config: SyncConfig,
    checkpoints: HashMap<String, u64>,
    mut commands: mpsc::UnboundedReceiver<Command>,
    news: std_mpsc::Sender<FromSync>,
) {
    let client = match async_nats::ConnectOptions::new()
        .retry_on_initial_connect()
        .connection_timeout(Duration::from_secs(2))
        .request_timeout(Some(REQUEST))
        .reconnect_delay_callback(|attempts| {
            Duration::from_millis((attempts as u64 * 100).min(1000))
        })
        .connect(&config.url)
        .await
    {
        Ok(client) => client,
        Err(error) => {
            let _ = news.send(FromSync::Problem(Problem::new(
                Trouble::Connect {
                    url: config.url.clone(),
                },
                error.to_string(),
            )));
            while let Some(command) = commands.recv().await {
                if matches!(command, Command::Stop) {
                    break;
                }
            }
            return;
        }
    };
    let started = Instant::now();
    let healths: Healths = Arc::new(Mutex::new(
        config
            .sites
            .iter()
            .map(|site| {
                let health = Health::Failing {
                    since: started,
                    error: Problem::new(
                        Trouble::NoAnswer {
                            site: site.clone(),
                            seconds: CUT_OFF_AFTER.as_secs(),
                        },
                        "",
                    ),
                    told: false,
                };
                (site.clone(), health)
            })
            .collect(),
    ));
    let mut tasks = Vec::new();
    for site in &config.sites {
        let from = checkpoints.get(site).copied().unwrap_or(0);
        tasks.push(tokio::spawn(read_site(
            client.clone(),
            site.clone(),
            from,
            news.clone(),
            healths.clone(),
        )));
    }
    tasks.push(tokio::spawn(watch_link(
        client.clone(),
        healths.clone(),
        news.clone(),
    )));
    publish_loop(&client, &config.site, &mut commands, &news).await;
    for task in tasks {
        task.abort();
    }
}

/// Publishes what the desk hands over, in order, keeping what failed for the next attempt.
async fn publish_loop(
    client: &async_nats::Client,
    site: &str,
    commands: &mut mpsc::UnboundedReceiver<Command>,
    news: &std_mpsc::Sender<FromSync>,
) {
    let js = jetstream::new(client.clone());
    let subject = subject(site);
    let mut pending: VecDeque<Outgoing> = VecDeque::new();
    let mut queued: HashSet<String> = HashSet::new();
    let mut stream_ready = false;
    let mut last_problem: Option<Problem> = None;
    let take =
        |batch: Vec<Outgoing>, pending: &mut VecDeque<Outgoing>, queued: &mut HashSet<String>| {
            for outgoing in batch {
                if queued.insert(outgoing.id.clone()) {
                    pending.push_back(outgoing);
                }
            }
        };
    loop {
        // Wait for work, or a retry's pause (work arriving ends the pause early).
        let wait = if pending.is_empty() && stream_ready {
            None
        } else if last_problem.is_some() {
            Some(RETRY)
        } else {
            Some(Duration::ZERO)
        };
        let command = match wait {
            None => commands.recv().await,
            Some(pause) if pause.is_zero() => match commands.try_recv() {
                Ok(command) => Some(command),
                Err(mpsc::error::TryRecvError::Empty) => Some(Command::Publish(Vec::new())),
                Err(mpsc::error::TryRecvError::Disconnected) => None,
            },
            Some(pause) => tokio::select! {
                command = commands.recv() => command,
                _ = tokio::time::sleep(pause) => Some(Command::Publish(Vec::new())),
            },
        };
        match command {
            None | Some(Command::Stop) => return,
            Some(Command::Publish(batch)) => take(batch, &mut pending, &mut queued),
        }
        while let Ok(command) = commands.try_recv() {
            match command {
                Command::Stop => return,
                Command::Publish(batch) => take(batch, &mut pending, &mut queued),
            }
        }
        let outcome = if stream_ready {
            publish_some(&js, site, &subject, &mut pending).await
        } else {
            match ensure_stream(&js, site).await {
                Ok(_) => {
                    stream_ready = true;
                    Ok(Vec::new())
                }
                Err(error) => Err(Problem::new(
                    Trouble::Stream { site: site.into() },
                    format!("{error:#}"),
                )),
            }
        };
        let acked = match outcome {
            Ok(acked) => {
                last_problem = None;
                acked
            }
            Err(problem) => {
                stream_ready = false;
                if last_problem.as_ref() != Some(&problem) {
                    let _ = news.send(FromSync::Problem(problem.clone()));
                }
                last_problem = Some(problem);
                Vec::new()
            }
        };
        if !acked.is_empty() {
            for id in &acked {
                queued.remove(id);
            }
            let _ = news.send(FromSync::Acked(acked));
        }
    }
}

/// Publishes up to a batch from the front of `pending`; what the server acknowledged leaves
/// it. On a failure the rest stays, in order, for the next attempt.
async fn publish_some(
    js: &Context,
    site: &str,
    subject: &str,
    pending: &mut VecDeque<Outgoing>,
) -> Result<Vec<String>, Problem> {
    let send = |detail: String| {
        let site = site.to_string();
        Problem::new(Trouble::Send { site }, detail)
    };
    let mut acks = Vec::new();
    let mut failure = None;
    for outgoing in pending.iter().take(PUBLISH_BATCH) {
        let message = jetstream::message::PublishMessage::build()
            .payload(outgoing.payload.clone().into())
            .message_id(&outgoing.id);
        match js.send_publish(subject.to_string(), message).await {
            Ok(ack) => acks.push(ack),
            Err(error) => {
                failure = Some(send(error.to_string()));
                break;
            }
        }
    }
    let mut acked = Vec::new();
    for ack in acks {
        match tokio::time::timeout(REQUEST, ack).await {
            Ok(Ok(_)) => {
                if let Some(outgoing) = pending.pop_front() {
                    acked.push(outgoing.id);
                }
            }
            Ok(Err(error)) => {
                failure = Some(send(error.to_string()));
                break;
            }
            Err(_) => {
                let site = site.to_string();
                failure = Some(Problem::new(Trouble::NoAcknowledgement { site }, ""));
                break;
            }
        }
    }
    match failure {
        Some(problem) if acked.is_empty() => Err(problem),
        // What was acknowledged counts; the rest is tried again at once.
        _ => Ok(acked),
    }
}

/// Reads one site's stream after `last`, forever: a pull consumer made from the last
/// sequence delivered, made again on any error or missed heartbeat.
async fn read_site(
    client: async_nats::Client,
    site: String,
    mut last: u64,
    news: std_mpsc::Sender<FromSync>,
    healths: Healths,
) {
    let js = jetstream::with_domain(client, domain(&site));
    loop {
        if let Ok(end) = last_sequence(&js, &site).await
            && end < last
        {
            // The stream was made anew (its server's store lost or reset): what it holds
            // now is numbered from 1 again. Read it all; the desk keeps one of each id.
            let trouble = Trouble::MadeAnew {
                site: site.clone(),
                end,
                place: last,
            };
            let _ = news.send(FromSync::Problem(Problem::new(trouble, "")));
            last = 0;
        }
        match open(&js, &site, last).await {
            Ok(mut messages) => {
                set_health(&healths, &site, None);
                let error = loop {
                    match messages.next().await {
                        Some(Ok(message)) => {
                            let Ok(info) = message.info() else {
                                continue;
                            };
                            let seq = info.stream_sequence;
                            if seq <= last {
                                continue;
                            }
                            last = seq;
                            let received = FromSync::Received {
                                site: site.clone(),
                                seq,
                                payload: message.payload.to_vec(),
                            };
                            if news.send(received).is_err() {
                                return;
                            }
                        }
                        Some(Err(error)) => {
                            // Two heartbeats were missed: silent for at least one already.
                            let silent = match error.kind() {
                                consumer::pull::MessagesErrorKind::MissingHeartbeat => HEARTBEAT,
                                _ => Duration::ZERO,
                            };
                            break (error.to_string(), silent);
                        }
                        None => break ("the pull ended".to_string(), Duration::ZERO),
                    }
                };
                let (error, silent) = error;
                let problem = Problem::new(Trouble::Read { site: site.clone() }, error);
                set_health(&healths, &site, Some((problem, silent)));
            }
            Err(problem) => set_health(&healths, &site, Some((problem, Duration::ZERO))),
        }
        tokio::time::sleep(RETRY).await;
    }
}

async fn open(js: &Context, site: &str, last: u64) -> Result<consumer::pull::Stream, Problem> {
    let read = |detail: String| Problem::new(Trouble::Read { site: site.into() }, detail);
    let config = consumer::pull::Config {
        deliver_policy: consumer::DeliverPolicy::ByStartSequence {
            start_sequence: last + 1,
        },
        ack_policy: consumer::AckPolicy::None,
        inactive_threshold: Duration::from_secs(30),
        memory_storage: true,
        ..Default::default()
    };
    let consumer = tokio::time::timeout(
        REQUEST,
        js.create_consumer_on_stream(config, stream_name(site)),
    )
    .await
    .map_err(|_| no_answer(site))?
    .map_err(|error| read(error.to_string()))?;
    let messages = consumer
        .stream()
        .heartbeat(HEARTBEAT)
        .max_messages_per_batch(500)
        .messages()
        .await
        .map_err(|error| read(error.to_string()))?;
    Ok(messages)
}

/// Says `Link(..)` when the link changes: CutOff once a site could not be read for more
/// than [`CUT_OFF_AFTER`] or the own server was away that long, Connected once every site
/// is read again. Reports each failing site's error once per episode.
async fn watch_link(
    client: async_nats::Client,
    healths: Healths,
    news: std_mpsc::Sender<FromSync>,
) {
    let mut state: Option<LinkState> = None;
    let mut away_since: Option<Instant> = None;
    loop {
        tokio::time::sleep(Duration::from_millis(100)).await;
        let now = Instant::now();
        // A pull does not notice its server is gone while the client waits to reconnect.
        let connected = client.connection_state() == async_nats::connection::State::Connected;
        away_since = if connected {
            None
        } else {
            away_since.or(Some(now))
        };
        let away = away_since.is_some_and(|since| now.duration_since(since) > CUT_OFF_AFTER);
        let mut problems = Vec::new();
        let (all_reading, cut) = {
            let Ok(mut healths) = healths.lock() else {
                return;
            };
            let all_reading = healths.values().all(|h| matches!(h, Health::Reading));
            let mut cut = false;
            for health in healths.values_mut() {
                if let Health::Failing { since, error, told } = health
                    && now.duration_since(*since) > CUT_OFF_AFTER
                {
                    cut = true;
                    if !*told {
                        *told = true;
                        problems.push(error.clone());
                    }
                }
            }
            (all_reading && connected, cut || away)
        };
        let next = if all_reading {
            Some(LinkState::Connected)
        } else if cut {
            Some(LinkState::CutOff)
        } else {
            state
        };
        if next != state
            && let Some(next) = next
        {
            state = Some(next);
            if news.send(FromSync::Link(next)).is_err() {
                return;
            }
        }
        for problem in problems {
            if news.send(FromSync::Problem(problem)).is_err() {
                return;
            }
        }
    }
}
