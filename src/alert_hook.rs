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
        if let Err(why) = run_to_end(cmd, &input) {
            let _ = failed.send(format!("{program}: {why}"));
        }
    });
}

fn run_to_end(mut cmd: Command, input: &str) -> Result<(), String> {
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
            Ok(None) if start.elapsed() >= TIME_LIMIT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "still running after {} s: killed",
                    TIME_LIMIT.as_secs()
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
}
