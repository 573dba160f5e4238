//! `shiftdesk completions SHELL` and `shiftdesk man`: generated from the clap definitions,
//! so every subcommand is in them.

use std::process::{Command, Output};

fn shiftdesk(args: &[&str]) -> Output {
    let tmp = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_shiftdesk"))
        .arg("--data-dir")
        .arg(tmp.path())
        .args(args)
        .output()
        .unwrap()
}

const SUBCOMMANDS: [&str; 9] = [
    "new",
    "list",
    "handover",
    "roster",
    "drill",
    "status",
    "sync",
    "completions",
    "man",
];

#[test]
fn completions_print_for_each_shell_and_know_the_subcommands() {
    for shell in ["bash", "zsh", "fish"] {
        let out = shiftdesk(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}: {out:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("shiftdesk"), "{shell}");
        for sub in SUBCOMMANDS {
            assert!(text.contains(sub), "{shell} completions lack {sub}");
        }
        // The options too, and the status formats.
        assert!(
            text.contains("--data-dir") || text.contains("data-dir"),
            "{shell}"
        );
        assert!(text.contains("tmux"), "{shell}: status --format values");
        // Commands kept for tests are not offered.
        assert!(!text.contains("debug-hold-lock"), "{shell}");
    }
}

#[test]
fn the_bash_completions_are_valid_bash() {
    let out = shiftdesk(&["completions", "bash"]);
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("shiftdesk.bash");
    std::fs::write(&file, &out.stdout).unwrap();
    let Ok(check) = Command::new("bash").arg("-n").arg(&file).output() else {
        return; // no bash here
    };
    assert!(check.status.success(), "{check:?}");
}

#[test]
fn an_unknown_shell_is_refused_by_name() {
    let out = shiftdesk(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("tcsh") && err.contains("bash"), "{err}");
}

#[test]
fn the_man_page_is_roff_and_lists_the_subcommands() {
    let out = shiftdesk(&["man"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains(".TH shiftdesk 1"), "{text}");
    assert!(text.contains(".SH SUBCOMMANDS"), "{text}");
    for sub in SUBCOMMANDS {
        assert!(
            text.contains(&format!("shiftdesk\\-{sub}")) || text.contains(sub),
            "{sub}"
        );
    }
    assert!(text.contains("NO_COLOR"), "the --theme help names NO_COLOR");
    assert!(!text.contains("debug\\-hold\\-lock"));
}
