//! `incidents.json`: the live state, changed only through transactions.
//!
//! A transaction takes the lock, re-reads the file if another desk wrote it since this one
//! last looked, applies the changes to that fresh state, writes it atomically with the
//! revision raised by one, and lets go of the lock.

use super::atomic::{to_pretty_json, write_atomic};
use super::json_file::{FileProblem, Versioned, parse, read_bytes};
use super::lock::LockGuard;
use super::paths::DataDir;
use crate::model::change::{Applied, ChangeError, Stamped};
use crate::model::desk::{INCIDENTS_SCHEMA_VERSION, IncidentsFile};
use std::fmt;
use std::hash::{DefaultHasher, Hasher};
use std::os::unix::fs::MetadataExt;
use std::path::PathBuf;

impl Versioned for IncidentsFile {
    fn schema_version(&self) -> u64 {
        u64::from(self.schema_version)
    }
}

/// Enough of a file's metadata to notice that it changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fingerprint {
    dev: u64,
    ino: u64,
    len: u64,
    mtime_ns: i128,
}

fn fingerprint(path: &std::path::Path) -> Option<Fingerprint> {
    let m = std::fs::metadata(path).ok()?;
    Some(Fingerprint {
        dev: m.dev(),
        ino: m.ino(),
        len: m.len(),
        mtime_ns: i128::from(m.mtime()) * 1_000_000_000 + i128::from(m.mtime_nsec()),
    })
}

fn hash(bytes: &[u8]) -> u64 {
    let mut h = DefaultHasher::new();
    h.write(bytes);
    h.finish()
}

#[derive(Debug)]
pub enum SaveError {
    /// The file on disk cannot be read or is of a newer schema: it is never written.
    Refused(FileProblem),
    /// Locking, writing or syncing failed; the file on disk is as it was.
    Io(anyhow::Error),
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::Refused(p) => write!(f, "{p}"),
            SaveError::Io(e) => write!(f, "{e:#}"),
        }
    }
}

impl std::error::Error for SaveError {}

/// The result of a transaction: the state now on disk, and what became of each change.
#[derive(Debug)]
pub struct Committed {
    pub file: IncidentsFile,
    pub results: Vec<Result<Applied, ChangeError>>,
    /// The file on disk had been written by someone else since this desk last looked.
    pub took_outside_change: bool,
}

#[derive(Debug)]
pub struct IncidentsStore {
    dir: DataDir,
    /// Hash of the bytes last read or written; tells whether another desk wrote since.
    seen_hash: Option<u64>,
    seen_fingerprint: Option<Fingerprint>,
    /// Set while the file on disk must not be written.
    refused: Option<FileProblem>,
}

impl IncidentsStore {
    /// Reads `incidents.json`; a missing file is an empty desk. On a problem, the store
    /// refuses every write until the file is readable again.
    pub fn open(dir: &DataDir) -> (IncidentsStore, Result<IncidentsFile, FileProblem>) {
        let mut store = IncidentsStore {
            dir: dir.clone(),
            seen_hash: None,
            seen_fingerprint: None,
            refused: None,
        };
        let loaded = store.read();
        if let Err(p) = &loaded {
            store.refused = Some(p.clone());
        }
        (store, loaded)
    }

    pub fn path(&self) -> PathBuf {
        self.dir.incidents()
    }

    /// Why writes are refused, if they are.
    pub fn refused(&self) -> Option<&FileProblem> {
        self.refused.as_ref()
    }

    fn read(&mut self) -> Result<IncidentsFile, FileProblem> {
        let path = self.path();
        self.seen_fingerprint = fingerprint(&path);
        match read_bytes(&path)? {
            None => {
                self.seen_hash = None;
                Ok(IncidentsFile::default())
            }
            Some(bytes) => {
                let file = parse(&path, &bytes, INCIDENTS_SCHEMA_VERSION)?;
                self.seen_hash = Some(hash(&bytes));
                Ok(file)
            }
        }
    }

    /// Applies `changes` on top of the newest state and saves it. `base` is the state this
    /// desk last saw; it is used as it is unless the file changed on disk since.
    pub fn commit(
        &mut self,
        base: &IncidentsFile,
        changes: &[Stamped],
    ) -> Result<Committed, SaveError> {
        let path = self.path();
        let _lock = LockGuard::acquire(&self.dir.lock()).map_err(SaveError::Io)?;
        let on_disk = read_bytes(&path).map_err(SaveError::Refused)?;
        let mut took_outside_change = false;
        let mut fresh = match &on_disk {
            Some(bytes) if Some(hash(bytes)) != self.seen_hash => {
                let file = parse(&path, bytes, INCIDENTS_SCHEMA_VERSION).map_err(|p| {
                    self.refused = Some(p.clone());
                    SaveError::Refused(p)
                })?;
                took_outside_change = true;
                file
            }
            _ => base.clone(),
        };
        self.refused = None;
        let results: Vec<_> = changes.iter().map(|c| c.apply(&mut fresh)).collect();
        let changed = results
            .iter()
            .any(|r| matches!(r, Ok(Applied::Opened(_) | Applied::Changed(_))));
        if changed {
            fresh.revision += 1;
            let bytes = to_pretty_json(&fresh).map_err(SaveError::Io)?;
            write_atomic(&path, &bytes).map_err(SaveError::Io)?;
            self.seen_hash = Some(hash(&bytes));
            self.seen_fingerprint = fingerprint(&path);
        } else if took_outside_change {
            self.seen_hash = on_disk.as_deref().map(hash);
            self.seen_fingerprint = fingerprint(&path);
        }
        Ok(Committed {
            file: fresh,
            results,
            took_outside_change,
        })
    }

    /// Notices a change made on disk by another desk or by hand. None: nothing new.
    /// Some(Ok): the new state. Some(Err): the file is now unreadable; writes are refused
    /// until it is readable again.
    pub fn poll(&mut self) -> Option<Result<IncidentsFile, FileProblem>> {
        let path = self.path();
        let now = fingerprint(&path);
        if now == self.seen_fingerprint {
            return None;
        }
        let before = self.seen_hash;
        match self.read() {
            Ok(_) if self.seen_hash == before && self.refused.is_none() => None,
            Ok(file) => {
                self.refused = None;
                Some(Ok(file))
            }
            Err(p) => {
                self.refused = Some(p.clone());
                Some(Err(p))
            }
        }
    }
}
