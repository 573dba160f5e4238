//! `--on-alert COMMAND`: a command run for each call for attention, with the facts in
//! environment variables and as JSON on its standard input. It is never given to a shell:
//! the command line is split into words once, at start, and the call's text only ever
//! travels as data. It runs detached and is killed after [`TIME_LIMIT`]; its failure is
//! reported back, never stopping the desk.

use crate::app::attention::Alert;
use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

/// How long the command may run before it is killed.
pub const TIME_LIMIT: Duration = Duration::from_secs(10);

/// A command line split into words as a shell would split a simple command, without
/// expanding anything: spaces separate words; 'single quotes' keep everything; "double
/// quotes" keep everything but `\"` and `\\`; a backslash outside quotes keeps the next
/// character. `$`, `;`, `|`, backquotes and the like are plain characters.
pub fn split_command(line: &str) -> Result<Vec<String>, String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            '\'' => {
                in_word = true;
                loop {
                    match chars.next() {
                        Some('\'') => break,
                        Some(c) => word.push(c),
                        None => return Err(format!("{line:?}: a ' is not closed")),
                    }
                }
            }
            '"' => {
                in_word = true;
                loop {
                    match chars.next() {
                        Some('"') => break,
                        Some('\\') => match chars.next() {
                            Some(c @ ('"' | '\\')) => word.push(c),
                            Some(c) => {
                                word.push('\\');
                                word.push(c);
                            }
                            None => return Err(format!("{line:?}: a \" is not closed")),
                        },
                        Some(c) => word.push(c),
                        None => return Err(format!("{line:?}: a \" is not closed")),
                    }
                }
            }
            '\\' => {
                in_word = true;
                match chars.next() {
                    Some(c) => word.push(c),
                    None => return Err(format!("{line:?}: ends with a lone \\")),
                }
            }
            c => {
                in_word = true;
                word.push(c);
            }
        }
    }
    if in_word {
        words.push(word);
    }
    if words.is_empty() {
        return Err("--on-alert: the command is empty".to_string());
    }
    Ok(words)
}

/// The facts of a call as JSON, for the command's standard input.
pub fn facts_json(alert: &Alert) -> String {
    serde_json::json!({
        "incident": alert.incident,
        "kind": alert.kind,
        "deadline": alert.deadline.map(|d| d.to_rfc3339()),
        "drill": alert.drill,
        "text": alert.text,
    })
    .to_string()
}

/// Starts the command for one call on its own thread; a failure (it could not start, it
/// exited non-zero, it ran past the time limit) is sent to `failed` in words.
pub fn run(argv: &[String], alert: &Alert, failed: Sender<String>) {
    let Some((program, args)) = argv.split_first() else {
        return;
    };
    let mut cmd = Command::new(program);
    cmd.args(args)
        .env(
            "SHIFTDESK_ALERT_INCIDENT",
            alert.incident.as_deref().unwrap_or(""),
        )
        .env("SHIFTDESK_ALERT_KIND", alert.kind)
        .env(
            "SHIFTDESK_ALERT_DEADLINE",
            alert.deadline.map(|d| d.to_rfc3339()).unwrap_or_default(),
        )
        .env("SHIFTDESK_ALERT_DRILL", if alert.drill { "1" } else { "0" })
        .env("SHIFTDESK_ALERT_TEXT", &alert.text)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    // Its own process group: a Ctrl-C at the desk's terminal is not its business.
    std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
    let input = facts_json(alert);
    let program = program.clone();
    std::thread::spawn(move || {
        if let Err(why) = run_to_end(cmd, &input, TIME_LIMIT) {
            let _ = failed.send(format!("{program}: {why}"));
        }
    });
}

/// Runs the command to its end, or until `limit`: then it is killed with everything it
/// started (its process group: a shell script's children go too).
fn run_to_end(mut cmd: Command, input: &str, limit: Duration) -> Result<(), String> {
    let mut child = cmd.spawn().map_err(|e| e.to_string())?;
    if let Some(mut stdin) = child.stdin.take() {
        // A command that does not read its input is fine.
        let _ = stdin.write_all(input.as_bytes());
    }
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(()),
            Ok(Some(status)) => return Err(status.to_string()),
            Ok(None) if start.elapsed() >= limit => {
                // The child leads its own group (process_group(0)): kill the whole group.
                if let Ok(pid) = i32::try_from(child.id()) {
                    // SAFETY: kill(2) with a negative pid signals that process group; it
                    // touches no memory of ours.
                    unsafe { libc::kill(-pid, libc::SIGKILL) };
                }
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "still running after {} s: killed",
                    limit.as_secs_f32()
                ));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(50)),
            Err(e) => return Err(e.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_line_splits_into_words_without_a_shell() {
        assert_eq!(
            split_command(r#"notify-send -u critical 'a b' "c \"d\"" e\ f"#).unwrap(),
            ["notify-send", "-u", "critical", "a b", "c \"d\"", "e f"]
        );
        assert_eq!(
            split_command("x $(touch /tmp/p); `y` | z").unwrap(),
            ["x", "$(touch", "/tmp/p);", "`y`", "|", "z"]
        );
        assert!(split_command("a 'b").unwrap_err().contains("not closed"));
        assert!(split_command("   ").is_err());
    }

    /// A shell script that starts a long sleep in the background and waits for it, in its
    /// own process group as `run` starts every hook.
    fn slow_hook(pid_file: &std::path::Path) -> Command {
        let mut cmd = Command::new("sh");
        cmd.arg("-c")
            .arg(format!(
                "sleep 30 & echo $! > '{}'; wait",
                pid_file.display()
            ))
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
        cmd
    }

    /// Whether the process runs: not gone, and not a zombie (killed, waiting to be reaped
    /// by whoever adopted it, which in a container may be nobody).
    fn alive(pid: i32) -> bool {
        std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
            let state = stat.rsplit(')').next().unwrap_or("").trim_start();
            !state.starts_with('Z') && !state.starts_with('X')
        })
    }

    #[test]
    fn a_hook_past_its_time_limit_is_killed_with_what_it_started() {
        let tmp = tempfile::tempdir().unwrap();
        let pid_file = tmp.path().join("sleep.pid");
        let start = Instant::now();
        let why = run_to_end(slow_hook(&pid_file), "{}", Duration::from_millis(600)).unwrap_err();
        assert!(why.contains("killed"), "{why}");
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "{:?}",
            start.elapsed()
        );
        let pid: i32 = std::fs::read_to_string(&pid_file)
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        // The background sleep went with the script (reaped by init, so it may take a moment).
        let gone = (0..50).any(|_| {
            std::thread::sleep(Duration::from_millis(20));
            !alive(pid)
        });
        assert!(gone, "the hook's child {pid} still runs");
    }

    #[test]
    fn a_hook_that_ends_in_time_is_fine_and_a_failing_one_says_how() {
        let mut ok = Command::new("sh");
        ok.args(["-c", "cat > /dev/null"]).stdin(Stdio::piped());
        assert_eq!(run_to_end(ok, "{}", TIME_LIMIT), Ok(()));
        let mut bad = Command::new("sh");
        bad.args(["-c", "exit 3"]).stdin(Stdio::piped());
        let why = run_to_end(bad, "{}", TIME_LIMIT).unwrap_err();
        assert!(why.contains('3'), "{why}");
        let missing = Command::new("/nonexistent/pager");
        assert!(run_to_end(missing, "{}", TIME_LIMIT).is_err());
    }
}
