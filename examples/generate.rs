//! Writes a large, realistic data dir to measure shiftdesk with.
//!
//! ```text
//! cargo run --release --example generate -- DIR [--incidents N] [--open N] [--contacts N] [--seed S]
//! ```
//!
//! The same options give the same files, byte for byte (the clock is read once, for "now":
//! pass `--now 2026-11-29T10:00:00Z` to fix it too). DIR must not hold a roster.json or an
//! incidents.json yet.

use anyhow::Result;
use chrono::{DateTime, Utc};
use shiftdesk_gen::{Spec, write_dir};
use shiftdesk_store::DataDir;
use shiftdesk_store::json_file::MAX_FILE_BYTES;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "usage: generate DIR [--incidents N] [--open N] [--contacts N] [--seed S] \
                     [--now RFC3339]";

struct Args {
    dir: PathBuf,
    spec: Spec,
    now: DateTime<Utc>,
}

/// What the command line asks for; None for `--help`. A bad argument is an error that says
/// which and why.
fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut dir = None;
    let mut spec = Spec::default();
    let mut now = Utc::now();
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        let number = |text: String| -> Result<u64, String> {
            text.trim()
                .replace('_', "")
                .parse()
                .map_err(|_| format!("{arg} {text:?}: not a whole number"))
        };
        match arg.as_str() {
            "--incidents" => spec.incidents = number(value()?)? as usize,
            "--open" => spec.open = number(value()?)? as usize,
            "--contacts" => spec.contacts = number(value()?)? as usize,
            "--seed" => spec.seed = number(value()?)?,
            "--now" => {
                let text = value()?;
                now = text
                    .parse()
                    .map_err(|_| format!("--now {text:?}: not a time like 2026-11-29T10:00:00Z"))?;
            }
            "-h" | "--help" => return Ok(None),
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag:?}")),
            path if dir.is_none() => dir = Some(PathBuf::from(path)),
            extra => return Err(format!("one directory only; {extra:?} is one too many")),
        }
    }
    let dir = dir.ok_or("no directory given")?;
    if spec.open > spec.incidents {
        return Err(format!(
            "--open {} is more than --incidents {}",
            spec.open, spec.incidents
        ));
    }
    Ok(Some(Args { dir, spec, now }))
}

fn bytes(path: &std::path::Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

fn size(path: &std::path::Path) -> String {
    format!("{:.1} MB", bytes(path) as f64 / 1_000_000.0)
}

fn run(args: Args) -> Result<()> {
    let started = Instant::now();
    write_dir(&args.dir, &args.spec, args.now)?;
    let took = started.elapsed();
    let dir = DataDir::at(&args.dir);
    let s = &args.spec;
    println!(
        "wrote {} ({} contacts, {})",
        dir.roster().display(),
        s.contacts,
        size(&dir.roster())
    );
    println!(
        "wrote {} ({} incidents, {} open, {})",
        dir.incidents().display(),
        s.incidents,
        s.open,
        size(&dir.incidents())
    );
    println!(
        "seed {}, now {}, in {:.2} s",
        s.seed,
        args.now.format("%Y-%m-%dT%H:%M:%SZ"),
        took.as_secs_f64()
    );
    if bytes(&dir.incidents()) > MAX_FILE_BYTES {
        eprintln!(
            "note: incidents.json is over the {} MB shiftdesk reads; the desk will refuse it",
            MAX_FILE_BYTES / (1024 * 1024)
        );
    }
    Ok(())
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(why) => {
            eprintln!("generate: {why}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("generate: {e:#}");
            ExitCode::FAILURE
        }
    }
}
