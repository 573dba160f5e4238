//! For tests: a hub and one leaf server per site on loopback ports, each leaf linked to the
//! hub through an in-process TCP proxy that can cut the site off; servers killed and
//! restarted by PID. The server binary is `$SHIFTDESK_NATS_SERVER` (`.ci/run` installs it).

mod proxy;

use anyhow::{Context as _, bail};
use proxy::Proxy;
use std::collections::BTreeMap;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The default place `.ci/run` installs the server, used when the variable is not set.
const VENV_SERVER: &str = ".cache/shiftdesk/nats-venv/bin/nats-server";

/// The nats-server to run, or None after saying LOUDLY that the test is skipped. With
/// `SHIFTDESK_SYNC_REQUIRED=1` a missing server panics instead: CI never skips.
pub fn server_or_skip() -> Option<PathBuf> {
    let from_env = std::env::var_os("SHIFTDESK_NATS_SERVER").map(PathBuf::from);
    let from_venv = std::env::var_os("HOME").map(|home| Path::new(&home).join(VENV_SERVER));
    let found = from_env.clone().or(from_venv).filter(|path| path.is_file());
    if found.is_none() {
        let what = match &from_env {
            Some(path) => format!("SHIFTDESK_NATS_SERVER={} is not a file", path.display()),
            None => "SHIFTDESK_NATS_SERVER is not set".to_string(),
        };
        if std::env::var("SHIFTDESK_SYNC_REQUIRED").as_deref() == Ok("1") {
            panic!("SHIFTDESK_SYNC_REQUIRED=1 but {what}: install nats-server as .ci/run does");
        }
        eprintln!(
            "\n!!!!!!!! SKIPPED: {what}; this sync test did NOT run (see .ci/run) !!!!!!!!\n"
        );
    }
    found
}

struct Server {
    config: PathBuf,
    log: PathBuf,
    port: u16,
    child: Option<Child>,
}

impl Server {
    fn start(
        binary: &Path,
        dir: &Path,
        name: &str,
        text: &str,
        port: u16,
    ) -> anyhow::Result<Server> {
        let config = dir.join(format!("{name}.conf"));
        std::fs::write(&config, text).with_context(|| format!("writing {}", config.display()))?;
        let mut server = Server {
            config,
            log: dir.join(format!("{name}.log")),
            port,
            child: None,
        };
        server.spawn(binary)?;
        Ok(server)
    }

    fn spawn(&mut self, binary: &Path) -> anyhow::Result<()> {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.log)?;
        let child = Command::new(binary)
            .arg("-c")
            .arg(&self.config)
            .stdin(Stdio::null())
            .stdout(log.try_clone()?)
            .stderr(log)
            .spawn()
            .with_context(|| format!("starting {}", binary.display()))?;
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(10);
        let address = SocketAddr::from(([127, 0, 0, 1], self.port));
        while TcpStream::connect_timeout(&address, Duration::from_millis(100)).is_err() {
            if Instant::now() > deadline {
                bail!(
                    "the server of {} did not listen in 10 s",
                    self.config.display()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        Ok(())
    }

    /// SIGKILL by PID, then reap it.
    fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

struct Site {
    leaf: Server,
    proxy: Proxy,
}

/// A hub and one leaf server per site, on loopback. Drop kills every server and removes
/// the temporary directory.
pub struct Board {
    binary: PathBuf,
    hub: Server,
    sites: BTreeMap<String, Site>,
    dir: tempfile::TempDir,
}

impl Board {
    /// Starts the servers (None: no server binary, the test is skipped and said so). Panics
    /// when a server does not start: a test cannot go on without it.
    pub fn start(sites: &[&str]) -> Option<Board> {
        let binary = server_or_skip()?;
        match Board::start_with(binary, sites) {
            Ok(board) => Some(board),
            Err(error) => panic!("starting the NATS board: {error:#}"),
        }
    }

    pub fn start_with(binary: PathBuf, sites: &[&str]) -> anyhow::Result<Board> {
        let dir = tempfile::tempdir().context("making the board's temp dir")?;
        let (hub_port, hub_leaf_port) = (free_port()?, free_port()?);
        let hub = Server::start(
            &binary,
            dir.path(),
            "hub",
            &crate::hub_config(
                &format!("127.0.0.1:{hub_port}"),
                &format!("127.0.0.1:{hub_leaf_port}"),
            ),
            hub_port,
        )?;
        let mut board = Board {
            binary,
            hub,
            sites: BTreeMap::new(),
            dir,
        };
        for site in sites {
            let proxy = Proxy::start(SocketAddr::from(([127, 0, 0, 1], hub_leaf_port)))?;
            let port = free_port()?;
            let store = board.dir.path().join(format!("store-{site}"));
            let text = crate::leaf_config(
                site,
                &format!("127.0.0.1:{}", proxy.port),
                &store.to_string_lossy(),
                &format!("127.0.0.1:{port}"),
            );
            let leaf = Server::start(
                &board.binary,
                board.dir.path(),
                &format!("leaf-{site}"),
                &text,
                port,
            )?;
            board.sites.insert(site.to_string(), Site { leaf, proxy });
        }
        Ok(board)
    }

    /// `nats://127.0.0.1:<port>` of the site's leaf server, where its desks connect.
    pub fn leaf_url(&self, site: &str) -> String {
        format!("nats://127.0.0.1:{}", self.site(site).leaf.port)
    }

    /// Every site, in order.
    pub fn sites(&self) -> Vec<String> {
        self.sites.keys().cloned().collect()
    }

    /// Resets the site's link to the hub and refuses it until `heal`.
    pub fn cut(&self, site: &str) {
        self.site(site).proxy.cut();
    }

    pub fn heal(&self, site: &str) {
        self.site(site).proxy.heal();
    }

    /// Waits until every site's leaf reaches every site's JetStream through its domain;
    /// returns how long that took. Fails after 30 s.
    pub fn wait_linked(&self) -> anyhow::Result<Duration> {
        let started = Instant::now();
        let runtime = crate::admin::runtime()?;
        runtime.block_on(async {
            loop {
                if self.all_linked().await {
                    return Ok(started.elapsed());
                }
                if started.elapsed() > Duration::from_secs(30) {
                    bail!(
                        "the sites were not linked after 30 s (logs in {})",
                        self.dir.path().display()
                    );
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        })
    }

    async fn all_linked(&self) -> bool {
        for from in self.sites.keys() {
            let Ok(client) = crate::admin::connect_once(&self.leaf_url(from)).await else {
                return false;
            };
            for to in self.sites.keys() {
                let js = async_nats::jetstream::with_domain(client.clone(), crate::domain(to));
                let asked = tokio::time::timeout(Duration::from_millis(500), js.query_account());
                if !matches!(asked.await, Ok(Ok(_))) {
                    return false;
                }
            }
        }
        true
    }

    pub fn kill_hub(&mut self) {
        self.hub.kill();
    }

    /// The hub again, same ports.
    pub fn restart_hub(&mut self) -> anyhow::Result<()> {
        self.hub.kill();
        self.hub.spawn(&self.binary)
    }

    pub fn kill_leaf(&mut self, site: &str) {
        self.site_mut(site).leaf.kill();
    }

    /// The site's leaf again, same ports, same store.
    pub fn restart_leaf(&mut self, site: &str) -> anyhow::Result<()> {
        let binary = self.binary.clone();
        let leaf = &mut self.site_mut(site).leaf;
        leaf.kill();
        leaf.spawn(&binary)
    }

    /// Where the configs, logs and stores are.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    fn site(&self, site: &str) -> &Site {
        match self.sites.get(site) {
            Some(found) => found,
            None => panic!("no site {site} on this board"),
        }
    }

    fn site_mut(&mut self, site: &str) -> &mut Site {
        match self.sites.get_mut(site) {
            Some(found) => found,
            None => panic!("no site {site} on this board"),
        }
    }
}

impl Drop for Board {
    fn drop(&mut self) {
        for site in self.sites.values_mut() {
            site.leaf.kill();
        }
        self.hub.kill();
    }
}

fn free_port() -> anyhow::Result<u16> {
    let listener = TcpListener::bind("127.0.0.1:0").context("finding a free port")?;
    Ok(listener.local_addr()?.port())
}
