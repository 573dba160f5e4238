//! The real binary in a real pseudo-terminal, read through a terminal emulator: type as a
//! person would, see what a person would see.
#![allow(dead_code)]

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, SlavePty, native_pty_system};
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub struct Desk {
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the desk wrote to the terminal.
    pub output: Arc<Mutex<Vec<u8>>>,
    writer: Option<Box<dyn Write + Send>>,
    child: Box<dyn Child + Send + Sync>,
    master: Option<Box<dyn MasterPty + Send>>,
    /// Kept, to run another program (stty) on the same terminal afterwards.
    slave: Option<Box<dyn SlavePty + Send>>,
    /// Tells the reader to let go of its end of the terminal.
    stop: Arc<std::sync::atomic::AtomicBool>,
    /// The terminal's own end, opened only to ask how many typed bytes the desk has not
    /// read yet (FIONREAD): `send` waits for that to reach 0.
    input_queue: Option<std::fs::File>,
}

impl Desk {
    pub fn start(data_dir: &Path, args: &[&str], cols: u16, rows: u16) -> Desk {
        Desk::start_with_env(data_dir, args, &[], cols, rows)
    }

    /// The prompt of [`Desk::shell`].
    pub const PROMPT: &str = "shell-ready$ ";

    /// An interactive bash (with job control) on the pty, in `data_dir`, once it shows its
    /// prompt ([`Desk::PROMPT`]); type commands into it.
    pub fn shell(data_dir: &Path, cols: u16, rows: u16) -> Desk {
        let shell = Desk::spawn(
            CommandBuilder::new("bash"),
            &["--norc", "--noprofile", "--noediting", "-i"],
            data_dir,
            &[("PS1", Desk::PROMPT)],
            cols,
            rows,
        );
        shell.wait_for(Desk::PROMPT);
        shell
    }

    pub fn start_with_env(
        data_dir: &Path,
        args: &[&str],
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
    ) -> Desk {
        let mut full = vec!["--data-dir", data_dir.to_str().expect("a UTF-8 path")];
        full.extend(args);
        Desk::spawn(
            CommandBuilder::new(env!("CARGO_BIN_EXE_shiftdesk")),
            &full,
            data_dir,
            env,
            cols,
            rows,
        )
    }

    fn spawn(
        mut cmd: CommandBuilder,
        args: &[&str],
        data_dir: &Path,
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
    ) -> Desk {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        for a in args {
            cmd.arg(a);
        }
        cmd.env("TERM", "xterm-256color");
        cmd.env("SHIFTDESK_TZ", "Asia/Tokyo");
        cmd.cwd(data_dir);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("start shiftdesk");
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZeroU16::new(rows.max(1)).unwrap(),
            std::num::NonZeroU16::new(cols.max(1)).unwrap(),
            0,
        )));
        let output = Arc::new(Mutex::new(Vec::new()));
        let (p, o) = (parser.clone(), output.clone());
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let stopped = stop.clone();
        // The reader waits for output at most 100 ms at a time, so that it lets go of its end of
        // the terminal soon after being told to, even when the desk has nothing to draw.
        let master_fd = pair.master.as_raw_fd().expect("a pty master fd");
        // SAFETY: dup of an open fd; the copy is owned (and closed) by the reader thread.
        let watch = unsafe { std::os::fd::OwnedFd::from_raw_fd(libc::dup(master_fd)) };
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                if stopped.load(std::sync::atomic::Ordering::SeqCst) {
                    break;
                }
                let mut fd = libc::pollfd {
                    fd: watch.as_raw_fd(),
                    events: libc::POLLIN,
                    revents: 0,
                };
                // SAFETY: one valid pollfd for the duration of the call.
                if unsafe { libc::poll(&mut fd, 1, 100) } == 0 {
                    continue;
                }
                let Ok(n) = reader.read(&mut buf) else { break };
                if n == 0 || stopped.load(std::sync::atomic::Ordering::SeqCst) {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
                o.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        let input_queue = pair.master.tty_name().and_then(|name| {
            use std::os::unix::fs::OpenOptionsExt;
            std::fs::OpenOptions::new()
                .read(true)
                .custom_flags(libc::O_NOCTTY)
                .open(name)
                .ok()
        });
        Desk {
            parser,
            output,
            writer: Some(writer),
            child,
            master: Some(pair.master),
            slave: Some(pair.slave),
            stop,
            input_queue,
        }
    }

    /// The terminal is cooked: canonical input and echo on (what `stty -a` calls icanon
    /// and echo).
    pub fn cooked(&self) -> bool {
        use nix::sys::termios::LocalFlags;
        self.master
            .as_ref()
            .and_then(|m| m.get_termios())
            .is_some_and(|t| {
                t.local_flags
                    .contains(LocalFlags::ICANON | LocalFlags::ECHO)
            })
    }

    /// Closes the terminal, as closing the window or losing the SSH connection does; waits
    /// (at most 5 s) for the desk to go. Its exit code, if it went.
    pub fn close_terminal(&mut self) -> Option<u32> {
        // portable-pty's writer sends "\n" and the EOF character when dropped (a Ctrl-J and
        // Ctrl-D the desk would take as keys): a real terminal going away sends nothing, so
        // the EOF character is unset first, and with it that goodbye.
        if let Some(fd) = self.master.as_ref().and_then(|m| m.as_raw_fd()) {
            // SAFETY: a zeroed termios filled by tcgetattr on an open fd, written back.
            unsafe {
                let mut t: libc::termios = std::mem::zeroed();
                if libc::tcgetattr(fd, &mut t) == 0 {
                    t.c_cc[libc::VEOF] = 0;
                    libc::tcsetattr(fd, libc::TCSANOW, &t);
                }
            }
        }
        // The reader lets go within 100 ms.
        self.stop.store(true, std::sync::atomic::Ordering::SeqCst);
        self.writer = None;
        self.master = None;
        self.slave = None;
        self.input_queue = None;
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(5) {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status.exit_code());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        None
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("a pid")
    }

    /// Sends a signal (TERM, HUP, INT, CONT…) with the system's `kill`.
    pub fn signal(&self, name: &str) {
        let ok = std::process::Command::new("kill")
            .arg(format!("-{name}"))
            .arg(self.pid().to_string())
            .status()
            .expect("kill runs")
            .success();
        assert!(ok, "kill -{name}");
    }

    /// Runs a program on the same terminal once the desk is gone; what it printed.
    pub fn run_after(&mut self, program: &str, args: &[&str]) -> String {
        let before = self.output.lock().unwrap().len();
        let mut cmd = CommandBuilder::new(program);
        for a in args {
            cmd.arg(a);
        }
        let mut child = self
            .slave
            .as_ref()
            .expect("the terminal is open")
            .spawn_command(cmd)
            .expect("run on the pty");
        child.wait().expect("it ends");
        std::thread::sleep(Duration::from_millis(100));
        let out = self.output.lock().unwrap();
        String::from_utf8_lossy(&out[before..]).into_owned()
    }

    /// Resizes the terminal, as dragging the window's corner does: the desk gets SIGWINCH,
    /// and the emulator reading its output takes the new size.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        {
            let mut parser = self.parser.lock().unwrap();
            parser.set_size(
                std::num::NonZeroU16::new(rows.max(1)).unwrap(),
                std::num::NonZeroU16::new(cols.max(1)).unwrap(),
            );
        }
        self.master
            .as_ref()
            .expect("the terminal is open")
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the pty");
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    pub fn send(&mut self, text: &str) {
        let before = self.bytes_read();
        let writer = self.writer.as_mut().expect("the terminal is open");
        writer.write_all(text.as_bytes()).unwrap();
        writer.flush().unwrap();
        // One batch at a time, as a person types: the next send comes after the desk has
        // read this one. (Keys with a line break that come together are a paste, and what
        // follows within milliseconds is read as its rest: after sending one, wait for what
        // it did before sending more.)
        self.wait_until_read(before + text.len() as u64);
    }

    /// Bytes read so far by the program on the terminal and the programs it started
    /// (`rchar` of /proc/PID/io): the shell's job, or the desk itself.
    fn bytes_read(&self) -> u64 {
        fn tree(pid: u32, total: &mut u64) {
            let io = std::fs::read_to_string(format!("/proc/{pid}/io")).unwrap_or_default();
            *total += io
                .lines()
                .find_map(|l| l.strip_prefix("rchar: "))
                .and_then(|n| n.trim().parse::<u64>().ok())
                .unwrap_or(0);
            let children = std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children"))
                .unwrap_or_default();
            for child in children.split_whitespace().filter_map(|c| c.parse().ok()) {
                tree(child, total);
            }
        }
        let mut total = 0;
        if let Some(pid) = self.child.process_id() {
            tree(pid, &mut total);
        }
        total
    }

    /// Waits (at most 5 s) until the program on the terminal has read `upto` bytes in all
    /// and nothing typed is left unread (FIONREAD on the terminal's own end).
    fn wait_until_read(&self, upto: u64) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(5) {
            let unread = self.input_queue.as_ref().map_or(0, |queue| {
                let mut n: libc::c_int = 0;
                // SAFETY: FIONREAD writes one int through the pointer, on an open fd.
                let ok = unsafe { libc::ioctl(queue.as_raw_fd(), libc::FIONREAD, &mut n) } == 0;
                if ok { n } else { 0 }
            });
            if unread == 0 && self.bytes_read() >= upto {
                return;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    /// Waits (at most 10 s) until `ready` holds; panics with `what` and the screen if not.
    pub fn wait_until(&self, what: &str, ready: impl Fn(&Desk) -> bool) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if ready(self) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "waited 10 s for {what}; the screen shows:\n{}",
            self.screen()
        );
    }

    /// Waits until the screen shows `text`; panics with the screen after 10 s.
    pub fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!(
            "waited 10 s for {text:?}; the screen shows:\n{}",
            self.screen()
        );
    }

    /// Waits for the desk to exit; its exit code.
    pub fn wait_exit(&mut self) -> Option<u32> {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status.exit_code());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        None
    }
}

impl Drop for Desk {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}
