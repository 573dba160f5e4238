//! The built binary run as a command, as a person or a script would from a shell.
#![allow(dead_code)]

use shiftdesk_core::text::is_unsafe;
use std::path::Path;
use std::process::Command;

/// Runs the binary on `dir` with these arguments (split at blanks) plus `extra`, in Tokyo
/// time as operator suzuki with no call-back number set, and `env` over that; returns the
/// exit code, stdout and stderr, after checking that stdout carries no control character
/// but line breaks.
pub fn shiftdesk_with(
    dir: &Path,
    args: &str,
    extra: &[&str],
    env: &[(&str, &str)],
) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_shiftdesk"))
        .arg("--data-dir")
        .arg(dir)
        .args(args.split_whitespace())
        .args(extra)
        .env("SHIFTDESK_TZ", "Asia/Tokyo")
        .env("SHIFTDESK_OPERATOR", "suzuki")
        .env_remove("SHIFTDESK_CALLBACK")
        .envs(env.iter().copied())
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        !stdout.chars().any(|c| is_unsafe(c) && c != '\n'),
        "{stdout:?}"
    );
    (out.status.code(), stdout, stderr)
}

/// As [`shiftdesk_with`], in the environment it sets.
pub fn shiftdesk(dir: &Path, args: &str, extra: &[&str]) -> (Option<i32>, String, String) {
    shiftdesk_with(dir, args, extra, &[])
}

/// Stdout of a run that must succeed.
pub fn ok(dir: &Path, args: &str, extra: &[&str]) -> String {
    let (code, stdout, stderr) = shiftdesk(dir, args, extra);
    assert_eq!(code, Some(0), "{args}: {stderr}");
    stdout
}
