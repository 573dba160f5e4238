//! `archive/`: closed incidents by the month they were closed (`archive/2026-11.json`),
//! and `archive/index.json`, what the history list shows of each. They are read only when
//! history is browsed, searched or exported; the live file stays small.
//!
//! Moving is done under the lock, before the live file is written, in an order that a
//! crash at any point cannot lose: the month files first, then the index, then the live
//! file without the moved incidents. An incident found both live and archived is taken
//! from the live file; one found in two months is taken from the month the index names.

use super::atomic::{to_pretty_json, write_atomic_with};
use super::backups::backups_dir;
use super::fs::Fs;
use super::json_file::{FileProblem, Versioned, parse, read_bytes_with};
use super::paths::DataDir;
use chrono::{DateTime, Utc};
use shiftdesk_core::archive::{
    ARCHIVE_SCHEMA_VERSION, ArchiveEntry, ArchiveIndex, MonthFile, due_by_month, is_month,
};
use shiftdesk_core::desk::IncidentsFile;
use shiftdesk_core::incident::{Incident, IncidentId};
use std::collections::HashSet;
use std::os::unix::fs::DirBuilderExt;
use std::path::PathBuf;

/// The copy of the live file taken before the first incidents were archived.
pub const BEFORE_ARCHIVE: &str = "incidents-before-archive.json";

impl Versioned for MonthFile {
    fn schema_version(&self) -> u64 {
        u64::from(self.schema_version)
    }
}

impl Versioned for ArchiveIndex {
    fn schema_version(&self) -> u64 {
        u64::from(self.schema_version)
    }
}

pub fn archive_dir(dir: &DataDir) -> PathBuf {
    dir.root().join("archive")
}

/// A live file this large holds a history whose first move into the archive takes seconds.
const LONG_HISTORY_BYTES: u64 = 8 << 20;

/// Whether starting on this data dir will first move a long history into a new archive
/// (seconds, once): there is no archive yet and the live file is over 8 MB.
pub fn first_move_ahead(dir: &DataDir) -> bool {
    !archive_dir(dir).exists()
        && std::fs::metadata(dir.incidents()).is_ok_and(|m| m.len() > LONG_HISTORY_BYTES)
}

pub fn month_path(dir: &DataDir, month: &str) -> PathBuf {
    archive_dir(dir).join(format!("{month}.json"))
}

pub fn index_path(dir: &DataDir) -> PathBuf {
    archive_dir(dir).join("index.json")
}

/// The months that have a file, oldest first.
pub fn months(dir: &DataDir) -> Vec<String> {
    let mut found: Vec<String> = std::fs::read_dir(archive_dir(dir))
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    let month = name.strip_suffix(".json")?;
                    is_month(month).then(|| month.to_string())
                })
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

/// One month's file; None when it has none.
pub fn read_month(dir: &DataDir, month: &str) -> Result<Option<MonthFile>, FileProblem> {
    read_month_with(&super::fs::RealFs, dir, month)
}

fn read_month_with(
    fs: &dyn Fs,
    dir: &DataDir,
    month: &str,
) -> Result<Option<MonthFile>, FileProblem> {
    let path = month_path(dir, month);
    match read_bytes_with(fs, &path)? {
        None => Ok(None),
        Some(bytes) => parse(&path, &bytes, ARCHIVE_SCHEMA_VERSION).map(Some),
    }
}

/// The index. A missing one is made again from the month files (without writing it).
pub fn read_index(dir: &DataDir) -> Result<ArchiveIndex, FileProblem> {
    read_index_with(&super::fs::RealFs, dir)
}

fn read_index_with(fs: &dyn Fs, dir: &DataDir) -> Result<ArchiveIndex, FileProblem> {
    let path = index_path(dir);
    match read_bytes_with(fs, &path)? {
        Some(bytes) => parse(&path, &bytes, ARCHIVE_SCHEMA_VERSION),
        None => {
            let mut index = ArchiveIndex::default();
            for month in months(dir) {
                if let Some(file) = read_month_with(fs, dir, &month)? {
                    let part = ArchiveIndex::of_months([&file]);
                    part.entries.into_iter().for_each(|e| index.put(e));
                }
            }
            Ok(index)
        }
    }
}

/// An archived incident by id.
pub fn find(dir: &DataDir, id: &IncidentId) -> Result<Option<Incident>, FileProblem> {
    let index = read_index(dir)?;
    let Some(entry) = index.get(id) else {
        return Ok(None);
    };
    Ok(read_month(dir, &entry.month)?.and_then(|m| m.incidents.into_iter().find(|i| &i.id == id)))
}

/// Every archived incident not in `live`, month by month, oldest month first; only one
/// month is in memory at a time.
pub fn for_each(
    dir: &DataDir,
    live: &HashSet<IncidentId>,
    mut f: impl FnMut(Incident),
) -> Result<(), FileProblem> {
    let index = read_index(dir)?;
    let owner = index.months_by_id();
    for month in months(dir) {
        let Some(file) = read_month(dir, &month)? else {
            continue;
        };
        for incident in file.incidents {
            let stale = owner
                .get(&incident.id)
                .is_some_and(|m| *m != month.as_str());
            if !stale && !live.contains(&incident.id) {
                f(incident);
            }
        }
    }
    Ok(())
}

/// What a move to the archive did.
#[derive(Debug, Default)]
pub struct Moved {
    pub count: usize,
    /// Why some or all of what was due stayed live; said to the operator, never fatal.
    pub problems: Vec<String>,
}

/// Moves the incidents of `file` due at `now` into the archive, and takes them out of
/// `file`. Called under the lock, before `file` is written. Whatever cannot be archived
/// stays in `file`, as it was.
pub fn move_due(dir: &DataDir, fs: &dyn Fs, file: &mut IncidentsFile, now: DateTime<Utc>) -> Moved {
    let mut moved = Moved::default();
    let due = due_by_month(file, now);
    if due.is_empty() {
        return moved;
    }
    let folder = archive_dir(dir);
    if !folder.exists() {
        // The first move: keep the live file as it was before anything left it.
        if let Err(e) = keep_before_archive(dir, fs) {
            moved.problems.push(format!("{e:#}"));
            return moved;
        }
        if let Err(e) = std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&folder)
        {
            moved
                .problems
                .push(format!("creating {}: {e}", folder.display()));
            return moved;
        }
    }
    let mut index = match read_index_with(fs, dir) {
        Ok(index) => index,
        Err(p) => {
            moved.problems.push(p.to_string());
            return moved;
        }
    };
    let mut archived: HashSet<IncidentId> = HashSet::new();
    let mut entries: Vec<ArchiveEntry> = Vec::new();
    for (month, incidents) in &due {
        let mut month_file = match read_month_with(fs, dir, month) {
            Ok(found) => found.unwrap_or_else(|| MonthFile::new(month)),
            Err(p) => {
                moved.problems.push(p.to_string());
                continue;
            }
        };
        for incident in incidents {
            month_file.put((*incident).clone());
        }
        let path = month_path(dir, month);
        match to_pretty_json(&month_file).and_then(|b| write_atomic_with(fs, &path, &b)) {
            Ok(()) => {
                for incident in incidents {
                    archived.insert(incident.id.clone());
                    entries.push(ArchiveEntry::of(incident));
                }
            }
            Err(e) => moved
                .problems
                .push(format!("writing {}: {e:#}", path.display())),
        }
    }
    if archived.is_empty() {
        return moved;
    }
    drop_stale_copies(dir, fs, &index, &entries);
    entries.into_iter().for_each(|e| index.put(e));
    let path = index_path(dir);
    if let Err(e) = to_pretty_json(&index).and_then(|b| write_atomic_with(fs, &path, &b)) {
        // The month files hold them, but without the index they stay live too.
        moved
            .problems
            .push(format!("writing {}: {e:#}", path.display()));
        return moved;
    }
    file.last_number = file.highest_number().max(index.highest_number());
    file.incidents.retain(|i| !archived.contains(&i.id));
    moved.count = archived.len();
    moved
}

/// An incident reopened and closed again in another month leaves a copy in its old month;
/// it is taken out there. Readers follow the index, so a copy left by a failure here is
/// never shown.
fn drop_stale_copies(dir: &DataDir, fs: &dyn Fs, index: &ArchiveIndex, now: &[ArchiveEntry]) {
    let mut by_month: Vec<(&str, Vec<&IncidentId>)> = Vec::new();
    for entry in now {
        if let Some(old) = index.get(&entry.id).filter(|old| old.month != entry.month) {
            match by_month.iter_mut().find(|(m, _)| *m == old.month) {
                Some((_, ids)) => ids.push(&entry.id),
                None => by_month.push((old.month.as_str(), vec![&entry.id])),
            }
        }
    }
    for (month, ids) in by_month {
        if let Ok(Some(mut file)) = read_month_with(fs, dir, month) {
            let mut changed = false;
            for id in ids {
                changed |= file.remove(id);
            }
            if changed {
                let path = month_path(dir, month);
                let _ = to_pretty_json(&file).and_then(|b| write_atomic_with(fs, &path, &b));
            }
        }
    }
}

/// Copies the live file, as it is on disk, to `backups/incidents-before-archive.json`
/// (once: an existing copy is kept).
fn keep_before_archive(dir: &DataDir, fs: &dyn Fs) -> anyhow::Result<()> {
    let copy = backups_dir(dir).join(BEFORE_ARCHIVE);
    if copy.exists() {
        return Ok(());
    }
    let Some(bytes) = read_bytes_with(fs, &dir.incidents()).map_err(anyhow::Error::new)? else {
        return Ok(());
    };
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(backups_dir(dir))?;
    write_atomic_with(fs, &copy, &bytes)
}
