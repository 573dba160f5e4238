//! The desk calls for attention: the real binary in a pty, its clock driven by incidents
//! detected in the past (`new --detected -14m`), sounding BEL and OSC 9/777 at the right
//! moments and not otherwise, through tmux's passthrough when TMUX is set; hostile titles
//! never reach the terminal raw inside a notification; the `--on-alert` command gets the
//! facts and a hostile title runs nothing.

mod common;

use common::cli::ok;
use common::pty::Desk;
use std::path::Path;
use std::time::{Duration, Instant};

/// An outage of severity 1 (reported within minutes on the sample route), detected `ago`.
fn incident(dir: &Path, title: &str, ago: &str) {
    ok(
        dir,
        "new --category operational.system_outage --severity 1",
        &["--title", title, &format!("--detected={ago}")],
    );
}

fn output(desk: &Desk) -> Vec<u8> {
    desk.output.lock().unwrap().clone()
}

fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

/// The payloads of every OSC 9 the desk wrote (up to its BEL).
fn osc9(out: &[u8]) -> Vec<String> {
    payloads(out, b"\x1b]9;")
}

fn payloads(out: &[u8], start: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    let mut i = 0;
    while let Some(p) = out[i..].windows(start.len()).position(|w| w == start) {
        let from = i + p + start.len();
        let end = out[from..]
            .iter()
            .position(|b| *b == 0x07)
            .map_or(out.len(), |e| from + e);
        found.push(String::from_utf8_lossy(&out[from..end]).into_owned());
        i = end;
    }
    found
}

/// Waits until `n` OSC 9 notifications have been written, and says when.
fn wait_for_calls(desk: &Desk, n: usize) -> Instant {
    desk.wait_until(&format!("{n} notifications"), |d| {
        osc9(&output(d)).len() >= n
    });
    Instant::now()
}

#[test]
fn an_overdue_report_calls_at_once_then_again_after_the_interval_and_not_between() {
    let dir = tempfile::tempdir().unwrap();
    incident(dir.path(), "Mail down", "-14m");
    let desk = Desk::start(
        dir.path(),
        &[
            "--lang",
            "en",
            "--notify",
            "bell,osc",
            "--alert-every",
            "4s",
        ],
        80,
        24,
    );
    desk.wait_for("INC-0001");
    let first = wait_for_calls(&desk, 1);
    let out = output(&desk);
    let calls = osc9(&out);
    assert!(
        calls[0].starts_with("INC-0001 OVERDUE: Mail down"),
        "{calls:?}"
    );
    assert_eq!(payloads(&out, b"\x1b]777;notify;shiftdesk;"), calls);
    assert_eq!(
        count(&out, b"\x07\x1b]9;"),
        1,
        "a bell before the notification"
    );
    // Not again within the interval…
    std::thread::sleep(Duration::from_millis(2500));
    assert_eq!(osc9(&output(&desk)).len(), 1);
    // …and again after it, nobody having acted.
    let second = wait_for_calls(&desk, 2);
    assert!(
        second - first >= Duration::from_secs(3),
        "{:?}",
        second - first
    );
    std::thread::sleep(Duration::from_millis(2500));
    assert_eq!(osc9(&output(&desk)).len(), 2);
    assert!(!output(&desk).windows(7).any(|w| w == b"\x1bPtmux;"));
}

#[test]
fn by_default_only_the_bell_rings_and_off_is_silent() {
    let dir = tempfile::tempdir().unwrap();
    incident(dir.path(), "Mail down", "-14m");
    let desk = Desk::start(dir.path(), &["--lang", "en"], 80, 24);
    desk.wait_for("INC-0001");
    desk.wait_until("a bell", |d| output(d).contains(&0x07));
    std::thread::sleep(Duration::from_millis(1500));
    let out = output(&desk);
    assert!(osc9(&out).is_empty());
    assert!(payloads(&out, b"\x1b]777;").is_empty());
    assert_eq!(
        out.iter().filter(|b| **b == 0x07).count(),
        1,
        "one bell, once"
    );

    let quiet = Desk::start_with_env(
        dir.path(),
        &["--lang", "en"],
        &[("SHIFTDESK_NOTIFY", "off")],
        80,
        24,
    );
    quiet.wait_for("INC-0001");
    std::thread::sleep(Duration::from_millis(2500));
    assert!(!output(&quiet).contains(&0x07), "off rings no bell");
}

#[test]
fn inside_tmux_notifications_go_through_its_passthrough() {
    let dir = tempfile::tempdir().unwrap();
    incident(dir.path(), "Mail down", "-14m");
    let desk = Desk::start_with_env(
        dir.path(),
        &["--lang", "en", "--notify", "osc"],
        &[("TMUX", "/tmp/tmux-1000/default,1,0")],
        80,
        24,
    );
    desk.wait_until("a passthrough", |d| {
        count(&output(d), b"\x1bPtmux;\x1b\x1b]9;INC-0001") == 1
    });
    let out = output(&desk);
    assert_eq!(
        count(&out, b"\x1bPtmux;\x1b\x1b]777;notify;shiftdesk;INC-0001"),
        1
    );
    // Never the bare sequence: every OSC 9 is the doubled one inside the passthrough.
    assert_eq!(count(&out, b"\x1b]9;"), count(&out, b"\x1b\x1b]9;"));
}

#[test]
fn a_hostile_title_never_reaches_the_terminal_raw_inside_a_notification() {
    let dir = tempfile::tempdir().unwrap();
    incident(
        dir.path(),
        "evil\u{1b}]0;pwned\u{7}\u{202e}txet;more\u{9c}end",
        "-14m",
    );
    let desk = Desk::start(
        dir.path(),
        &["--lang", "en", "--notify", "bell,osc"],
        80,
        24,
    );
    wait_for_calls(&desk, 1);
    std::thread::sleep(Duration::from_millis(300));
    let out = output(&desk);
    for payload in osc9(&out)
        .iter()
        .chain(&payloads(&out, b"\x1b]777;notify;shiftdesk;"))
    {
        assert!(
            !payload
                .chars()
                .any(|c| c.is_control() || c == '\u{202e}' || c == ';'),
            "{payload:?}"
        );
        assert!(payload.contains("evil"), "{payload:?}");
    }
    assert_eq!(
        count(&out, b"\x1b]0;"),
        0,
        "the title's own OSC never got out"
    );
}

#[test]
fn a_deadline_calls_before_and_at_the_moment_it_passes() {
    let dir = tempfile::tempdir().unwrap();
    // Due within the next minute or two: called before, then as it passes.
    incident(dir.path(), "Mail down", "-4m");
    let desk = Desk::start(dir.path(), &["--lang", "en", "--notify", "osc"], 80, 24);
    wait_for_calls(&desk, 1);
    assert!(osc9(&output(&desk))[0].starts_with("INC-0001 report due in "));
    let start = Instant::now();
    while osc9(&output(&desk)).len() < 2 {
        assert!(
            start.elapsed() < Duration::from_secs(75),
            "never called as it passed"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(osc9(&output(&desk))[1].starts_with("INC-0001 OVERDUE"));
    assert_eq!(osc9(&output(&desk)).len(), 2);
}

#[test]
fn the_hook_gets_the_facts_and_a_hostile_title_runs_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let pwned = dir.path().join("pwned");
    let title = format!("$(touch {p}) `touch {p}` ; touch {p}", p = pwned.display());
    incident(dir.path(), &title, "-14m");
    let got = dir.path().join("got");
    let script = format!(
        "cat > '{g}.json'; env | grep ^SHIFTDESK_ALERT_ | sort > '{g}.env'",
        g = got.display()
    );
    let hook = format!("sh -c \"{script}\"");
    let desk = Desk::start(dir.path(), &["--lang", "en", "--on-alert", &hook], 80, 24);
    desk.wait_for("INC-0001");
    let env_file = got.with_extension("env");
    desk.wait_until("the hook to run", |_| {
        std::fs::read_to_string(&env_file).is_ok_and(|s| s.contains("SHIFTDESK_ALERT_TEXT"))
    });
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(got.with_extension("json")).unwrap())
            .unwrap();
    assert_eq!(json["incident"], "INC-0001");
    assert_eq!(json["kind"], "overdue");
    assert!(json["deadline"].as_str().is_some_and(|d| d.contains('T')));
    assert!(json["text"].as_str().unwrap().contains("$(touch"));
    let env = std::fs::read_to_string(&env_file).unwrap();
    assert!(env.contains("SHIFTDESK_ALERT_INCIDENT=INC-0001"), "{env}");
    assert!(env.contains("SHIFTDESK_ALERT_KIND=overdue"), "{env}");
    assert!(env.contains("SHIFTDESK_ALERT_DEADLINE=20"), "{env}");
    std::thread::sleep(Duration::from_millis(500));
    assert!(!pwned.exists(), "the title ran a command");
}

#[test]
fn a_failing_hook_is_shown_and_the_desk_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    incident(dir.path(), "Mail down", "-14m");
    let mut desk = Desk::start(
        dir.path(),
        &["--lang", "en", "--on-alert", "/nonexistent/pager --now"],
        100,
        30,
    );
    desk.wait_for("on-alert command failed");
    desk.send("q");
    desk.wait_exit();
}

#[test]
fn the_row_and_the_next_line_mark_what_called_until_someone_acts() {
    let dir = tempfile::tempdir().unwrap();
    incident(dir.path(), "Mail down", "-14m");
    let mut desk = Desk::start(dir.path(), &["--lang", "en"], 120, 40);
    desk.wait_for("▶ CALLED · ");
    assert!(desk.screen().contains("!OVERDUE"), "{}", desk.screen());
    // A note on the incident is acting on it.
    desk.send("a");
    desk.send("paging the lead");
    desk.send("\r");
    desk.wait_until("the mark to go", |d| !d.screen().contains("CALLED"));
    assert!(!desk.screen().contains("!OVERDUE"), "{}", desk.screen());
}

#[test]
fn another_desk_opening_a_severity_one_incident_calls_and_a_minor_one_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::start(dir.path(), &["--lang", "en", "--notify", "osc"], 100, 30);
    desk.wait_for("0 open");
    // Another desk on the same data dir: a minor one first, then a critical one.
    ok(
        dir.path(),
        "new --category operational.system_outage --severity 4",
        &["--title", "Printer jam"],
    );
    desk.wait_for("Printer jam");
    std::thread::sleep(Duration::from_millis(1500));
    assert!(osc9(&output(&desk)).is_empty());
    ok(
        dir.path(),
        "new --category operational.system_outage --severity 1",
        &["--title", "Core switch down"],
    );
    wait_for_calls(&desk, 1);
    let calls = osc9(&output(&desk));
    assert!(
        calls[0].starts_with("INC-0002 severity 1 from another desk: Core switch down"),
        "{calls:?}"
    );
}

#[test]
fn a_drill_calls_as_a_drill_when_its_inject_comes_due() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), "drill start network-failover", &[]);
    let mut desk = Desk::start(dir.path(), &["--lang", "en", "--notify", "osc"], 120, 40);
    desk.wait_for("INC-0001");
    // The drill's clock jumps to its next inject.
    desk.send("]");
    desk.wait_until("the inject's call", |d| {
        osc9(&output(d))
            .iter()
            .any(|c| c.contains("drill inject due"))
    });
    let calls = osc9(&output(&desk));
    assert!(
        calls.iter().all(|c| c.starts_with("[DRILL] INC-0001 ")),
        "{calls:?}"
    );
}

/// The real file system, except that no file can be created: every save fails.
#[derive(Debug)]
struct DiskFull;

impl shiftdesk_store::fs::Fs for DiskFull {
    fn open_lock(&self, path: &Path) -> std::io::Result<std::fs::File> {
        shiftdesk_store::fs::RealFs.open_lock(path)
    }
    fn read(&self, path: &Path, into: &mut Vec<u8>) -> std::io::Result<()> {
        shiftdesk_store::fs::RealFs.read(path, into)
    }
    fn create_new(&self, _path: &Path) -> std::io::Result<std::fs::File> {
        Err(std::io::Error::from_raw_os_error(28))
    }
    fn write_all(&self, file: &mut std::fs::File, bytes: &[u8]) -> std::io::Result<()> {
        shiftdesk_store::fs::RealFs.write_all(file, bytes)
    }
    fn sync(&self, file: &std::fs::File) -> std::io::Result<()> {
        shiftdesk_store::fs::RealFs.sync(file)
    }
    fn hard_link(&self, from: &Path, to: &Path) -> std::io::Result<()> {
        shiftdesk_store::fs::RealFs.hard_link(from, to)
    }
    fn rename(&self, from: &Path, to: &Path) -> std::io::Result<()> {
        shiftdesk_store::fs::RealFs.rename(from, to)
    }
    fn sync_dir(&self, dir: &Path) -> std::io::Result<()> {
        shiftdesk_store::fs::RealFs.sync_dir(dir)
    }
}

#[test]
fn a_failing_save_calls_not_saved_once_per_interval() {
    use shiftdesk::app::Action;
    use shiftdesk::app::effects::Effect;
    use shiftdesk_core::i18n::Lang;
    use shiftdesk_store::{DataDir, IncidentsStore, roster_file::RosterStore};
    let tmp = tempfile::tempdir().unwrap();
    incident(tmp.path(), "Printer jam", "-1m");
    let dir = DataDir::at(tmp.path());
    let (store, loaded) = IncidentsStore::open_with(&dir, std::sync::Arc::new(DiskFull));
    let (roster_store, _) = RosterStore::open(&dir);
    let desk = shiftdesk_store::desk::Desk::new(
        Some((store, roster_store)),
        loaded.unwrap(),
        shiftdesk_store::roster_file::sample_roster(),
        shiftdesk_store::playbooks_file::bundled_playbooks(),
    );
    let now = chrono::Utc::now();
    let mut app = shiftdesk::app::App::new(desk, common::operator(Lang::En), now, (100, 30));
    let not_saved = |app: &mut shiftdesk::app::App| {
        std::mem::take(&mut app.effects)
            .into_iter()
            .filter(|e| matches!(e, Effect::Alert(a) if a.kind == "not_saved"))
            .count()
    };
    app.update(Action::Tick(now));
    assert_eq!(not_saved(&mut app), 0, "saved so far");
    // A change that cannot be written: the desk calls, once per interval.
    app.update(Action::AddNote);
    app.update(Action::Paste("paging the lead".into()));
    app.update(Action::Submit);
    let mut heard = 0;
    for s in 1..=600 {
        app.update(Action::Tick(now + chrono::Duration::seconds(s)));
        heard += not_saved(&mut app);
    }
    assert!(app.desk.pending_count() > 0, "still held in memory");
    assert_eq!(heard, 2, "at 0 and 5 minutes, not every second");
}

#[test]
fn an_incident_does_not_call_while_its_form_holds_text_even_under_the_guide() {
    let dir = tempfile::tempdir().unwrap();
    incident(dir.path(), "Mail down", "-14m");
    let mut desk = Desk::start(
        dir.path(),
        &["--lang", "en", "--notify", "osc", "--alert-every", "3s"],
        120,
        40,
    );
    desk.wait_for("INC-0001");
    wait_for_calls(&desk, 1);
    // The reclassify form on it, a reason typed, then the whole guide over the form: the
    // operator is still at work on that incident's form.
    desk.send("s");
    desk.wait_for("Change severity / category");
    desk.send("\t\t\t");
    desk.send("More customers affected");
    desk.wait_for("More customers affected");
    desk.send("\x1bOP");
    desk.wait_until("the guide over the form", |d| {
        !d.screen().contains("More customers affected")
    });
    // Two intervals and more: it would have called again twice by now.
    std::thread::sleep(Duration::from_secs(7));
    assert_eq!(osc9(&output(&desk)).len(), 1, "{}", desk.screen());
    // Back to the form and the text dropped on purpose: nobody is typing, it calls again.
    desk.send("\x1b");
    desk.wait_for("More customers affected");
    desk.send("\x1b");
    desk.wait_for("Esc again discards");
    desk.send("\x1b");
    desk.wait_until("the form to close", |d| {
        !d.screen().contains("Change severity / category")
    });
    wait_for_calls(&desk, 2);
}
