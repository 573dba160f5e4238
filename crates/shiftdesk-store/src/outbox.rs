//! Line files of events: `outbox.jsonl` (the events made here that the server has not yet
//! acknowledged: the durable queue of sync) and the event logs under `events/`.
//!
//! A line is appended whole and, for the outbox, synced before the transaction that made
//! it ends. A last line without its newline is what a crash mid-append leaves: it is dropped
//! with a warning. A whole line that cannot be read is never thrown away: it moves to
//! `outbox.rejected.jsonl` beside the outbox.

use crate::DataDir;
use crate::atomic::write_atomic;
use anyhow::{Context, Result};
use serde::Deserialize;
use std::collections::HashSet;
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

pub const OUTBOX_FILE: &str = "outbox.jsonl";
pub const REJECTED_FILE: &str = "outbox.rejected.jsonl";
pub const EVENTS_DIR: &str = "events";

pub fn outbox_path(dir: &DataDir) -> PathBuf {
    dir.root().join(OUTBOX_FILE)
}

pub fn rejected_path(dir: &DataDir) -> PathBuf {
    dir.root().join(REJECTED_FILE)
}

pub fn events_dir(dir: &DataDir) -> PathBuf {
    dir.root().join(EVENTS_DIR)
}

/// The id of an event line, read without reading the rest of it.
pub fn line_id(line: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct IdOnly {
        id: String,
    }
    serde_json::from_str::<IdOnly>(line).ok().map(|l| l.id)
}

/// Appends `lines` (each without its newline) to `path`, creating it owner-only. With
/// `sync`, the file is synced before this returns. A last line left torn by a crash is ended
/// first, so the new lines stay whole.
pub fn append_lines<'a>(
    path: &Path,
    lines: impl IntoIterator<Item = &'a str>,
    sync: bool,
) -> Result<()> {
    if let Some(file) = append_unsynced(path, lines)?
        && sync
    {
        file.sync_data()
            .with_context(|| format!("syncing {}", path.display()))?;
    }
    Ok(())
}

/// As [`append_lines`] without the sync: the file written, to sync (None: nothing to write).
pub fn append_unsynced<'a>(
    path: &Path,
    lines: impl IntoIterator<Item = &'a str>,
) -> Result<Option<File>> {
    let mut bytes = joined(lines);
    if bytes.is_empty() {
        return Ok(None);
    }
    if let Some(parent) = path.parent()
        && !parent.exists()
    {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(parent)
            .with_context(|| format!("creating {}", parent.display()))?;
    }
    let mut file = OpenOptions::new()
        .read(true)
        .append(true)
        .create(true)
        .mode(0o600)
        .custom_flags(libc::O_NOFOLLOW)
        .open(path)
        .with_context(|| format!("opening {}", path.display()))?;
    if !ends_whole(&mut file).with_context(|| format!("reading {}", path.display()))? {
        bytes.insert(0, b'\n');
    }
    file.write_all(&bytes)
        .with_context(|| format!("appending to {}", path.display()))?;
    Ok(Some(file))
}

/// Whether the file is empty or ends with a newline.
fn ends_whole(file: &mut File) -> std::io::Result<bool> {
    let len = file.metadata()?.len();
    if len == 0 {
        return Ok(true);
    }
    file.seek(SeekFrom::Start(len - 1))?;
    let mut last = [0u8; 1];
    file.read_exact(&mut last)?;
    Ok(last[0] == b'\n')
}

/// Event lines with their ids: (id, line).
pub type IdLines = Vec<(String, String)>;

/// What a line file holds.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Lines {
    /// Each readable line with its id, in file order, the first of an id only.
    pub lines: Vec<(String, String)>,
    /// Whole lines that cannot be read.
    pub bad: Vec<String>,
    /// A last line without its newline (a crash mid-append), if any.
    pub torn: Option<String>,
}

/// Reads a line file; a missing file is empty.
pub fn read_lines(path: &Path) -> Result<Lines> {
    let text = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Lines::default()),
        Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
    };
    let mut out = Lines::default();
    let mut seen = HashSet::new();
    let mut rest = &text[..];
    while !rest.is_empty() {
        let (line, whole) = match memchr::memchr(b'\n', rest) {
            Some(i) => {
                let l = &rest[..i];
                rest = &rest[i + 1..];
                (l, true)
            }
            None => {
                let l = rest;
                rest = &[];
                (l, false)
            }
        };
        let line = String::from_utf8_lossy(line).into_owned();
        if line.trim().is_empty() {
            continue;
        }
        match line_id(&line) {
            // A last line without a newline but readable: the append got that far.
            Some(id) => {
                if seen.insert(id.clone()) {
                    out.lines.push((id, line));
                }
            }
            None if whole => out.bad.push(line),
            None => out.torn = Some(line),
        }
    }
    Ok(out)
}

/// The outbox as found at start, put right: a torn last line dropped, bad lines moved to
/// `outbox.rejected.jsonl`. Call under the lock. Returns its lines and what to tell.
pub fn recover_outbox(dir: &DataDir) -> Result<(IdLines, Vec<String>)> {
    let path = outbox_path(dir);
    let read = read_lines(&path)?;
    let mut warnings = Vec::new();
    if let Some(torn) = &read.torn {
        warnings.push(format!(
            "{}: dropped a last line cut short (the desk stopped while writing it): {}",
            path.display(),
            shorten(torn)
        ));
    }
    if !read.bad.is_empty() {
        let rejected = rejected_path(dir);
        append_lines(&rejected, read.bad.iter().map(String::as_str), true)?;
        warnings.push(format!(
            "{}: {} line(s) could not be read and were moved to {}",
            path.display(),
            read.bad.len(),
            rejected.display()
        ));
    }
    if read.torn.is_some() || !read.bad.is_empty() {
        rewrite(&path, read.lines.iter().map(|(_, l)| l.as_str()))?;
    }
    Ok((read.lines, warnings))
}

fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(80).filter(|c| !c.is_control()).collect();
    if s.chars().count() > 80 {
        out.push('…');
    }
    out
}

/// Takes the acknowledged ids out of the outbox (an atomic rewrite). Lines that cannot be
/// read stay as they are. Call under the lock. Returns what is left.
pub fn remove_acked(dir: &DataDir, acked: &HashSet<String>) -> Result<Vec<(String, String)>> {
    let path = outbox_path(dir);
    let read = read_lines(&path)?;
    let before = read.lines.len();
    let left: Vec<(String, String)> = read
        .lines
        .into_iter()
        .filter(|(id, _)| !acked.contains(id))
        .collect();
    if left.len() == before {
        return Ok(left);
    }
    // Never lose a line: an unreadable one stays for recover_outbox to set aside.
    let lines = left.iter().map(|(_, l)| l.as_str());
    rewrite(&path, lines.chain(read.bad.iter().map(String::as_str)))?;
    Ok(left)
}

/// Replaces the file at `path` with `lines` (each without its newline), atomically.
pub(crate) fn rewrite<'a>(path: &Path, lines: impl IntoIterator<Item = &'a str>) -> Result<()> {
    write_atomic(path, &joined(lines))
}

/// The lines, each ended with a newline.
fn joined<'a>(lines: impl IntoIterator<Item = &'a str>) -> Vec<u8> {
    let mut bytes = Vec::new();
    for line in lines {
        bytes.extend_from_slice(line.as_bytes());
        bytes.push(b'\n');
    }
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(id: &str) -> String {
        format!("{{\"v\":1,\"id\":\"{id}\",\"x\":1}}")
    }

    #[test]
    fn appended_lines_read_back_and_acked_ones_leave() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = DataDir::at(tmp.path());
        let path = outbox_path(&dir);
        append_lines(&path, [line("a").as_str(), line("b").as_str()], true).unwrap();
        append_lines(&path, [line("c").as_str(), line("a").as_str()], true).unwrap();
        let read = read_lines(&path).unwrap();
        let ids: Vec<_> = read.lines.iter().map(|(i, _)| i.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"], "a repeated id is one line");
        let left = remove_acked(&dir, &HashSet::from(["a".to_string(), "c".to_string()])).unwrap();
        assert_eq!(left, vec![("b".to_string(), line("b"))]);
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            format!("{}\n", line("b"))
        );
    }

    #[test]
    fn a_torn_last_line_is_dropped_with_a_warning_and_appends_stay_whole() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = DataDir::at(tmp.path());
        let path = outbox_path(&dir);
        std::fs::write(&path, format!("{}\n{{\"v\":1,\"id\":\"b", line("a"))).unwrap();
        // Appending after a crash does not glue onto the torn line.
        append_lines(&path, [line("c").as_str()], true).unwrap();
        let read = read_lines(&path).unwrap();
        assert_eq!(read.lines.len(), 2);
        assert_eq!(read.bad.len(), 1, "the torn line ended: now a bad line");
        let (lines, warnings) = recover_outbox(&dir).unwrap();
        assert_eq!(lines.len(), 2);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        let rejected = std::fs::read_to_string(rejected_path(&dir)).unwrap();
        assert!(rejected.contains("\"id\":\"b"), "kept aside: {rejected}");

        std::fs::write(&path, format!("{}\n{{\"v\":1,\"id", line("a"))).unwrap();
        let (lines, warnings) = recover_outbox(&dir).unwrap();
        assert_eq!(lines, vec![("a".to_string(), line("a"))]);
        assert!(warnings[0].contains("cut short"), "{warnings:?}");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            format!("{}\n", line("a"))
        );
    }

    #[test]
    fn a_bad_line_is_never_lost() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = DataDir::at(tmp.path());
        let path = outbox_path(&dir);
        std::fs::write(&path, format!("{}\nnot json\n{}\n", line("a"), line("b"))).unwrap();
        let left = remove_acked(&dir, &HashSet::from(["a".to_string()])).unwrap();
        assert_eq!(left.len(), 1);
        assert!(std::fs::read_to_string(&path).unwrap().contains("not json"));
        let (lines, warnings) = recover_outbox(&dir).unwrap();
        assert_eq!(lines.len(), 1);
        assert_eq!(warnings.len(), 1);
        assert_eq!(
            std::fs::read_to_string(rejected_path(&dir)).unwrap(),
            "not json\n"
        );
        assert!(!std::fs::read_to_string(&path).unwrap().contains("not json"));
    }
}
