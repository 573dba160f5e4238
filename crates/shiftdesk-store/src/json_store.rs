//! A data file changed only through transactions.
//!
//! A transaction takes the lock, re-reads the file if someone else wrote it since this
//! desk last looked, applies the changes to that fresh state, writes it atomically, and
//! lets go of the lock. A file that cannot be read, or is of a newer schema, is never
//! written.

use super::atomic::{
    Finish, clear_leftovers, write_atomic_then, write_atomic_with, write_pretty_json,
};
use super::backups::keep_daily_copy;
use super::fs::{Fs, real};
use super::json_file::{FileProblem, Versioned, parse, read_bytes_into, read_bytes_with};
use super::lock::LockGuard;
use super::paths::DataDir;
use chrono::{DateTime, Utc};
use serde::Serialize;
use serde::de::DeserializeOwned;
use shiftdesk_core::apply::Apply;
use std::fmt;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A data file the store keeps.
pub trait DataFile: Versioned + Serialize + DeserializeOwned + Clone + Default {
    /// The newest schema this build reads and writes.
    const SCHEMA: u32;
    fn path(dir: &DataDir) -> PathBuf;
    /// What is kept from one save to the next to make the next one cheaper.
    type Pieces: Default + fmt::Debug + Send;
    /// The file's bytes, into `out` (empty): pretty JSON with a final newline.
    fn to_bytes(&self, _pieces: &mut Self::Pieces, out: &mut Vec<u8>) -> anyhow::Result<()> {
        write_pretty_json(self, out)
    }
    /// Called on the state about to be written (e.g. to raise a revision).
    fn before_save(&mut self) {}
    /// Called under the lock on the state about to be written, with the time of the
    /// changes: moves out what belongs in other files (closed incidents to the archive).
    fn settle(&mut self, _dir: &DataDir, _fs: &dyn Fs, _now: DateTime<Utc>) -> Settled {
        Settled::default()
    }
}

/// What [`DataFile::settle`] did.
#[derive(Debug, Default)]
pub struct Settled {
    /// The state changed and must be written.
    pub changed: bool,
    /// What could not be done; the state stays as it was for that part.
    pub warnings: Vec<String>,
}

/// Enough of a file's metadata to notice that it changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fingerprint {
    dev: u64,
    ino: u64,
    len: u64,
    mtime_ns: i128,
}

fn fingerprint(path: &Path) -> Option<Fingerprint> {
    let m = std::fs::metadata(path).ok()?;
    Some(Fingerprint {
        dev: m.dev(),
        ino: m.ino(),
        len: m.len(),
        mtime_ns: i128::from(m.mtime()) * 1_000_000_000 + i128::from(m.mtime_nsec()),
    })
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

/// Called under the lock before a transaction writes (see [`JsonStore::commit_with`]).
/// What it returns, if anything, runs once the new file is synced and before it replaces
/// the old one.
pub type Hook<'h, T, C> = &'h mut dyn FnMut(
    &T,
    &[C],
    &[Result<<C as Apply<T>>::Out, <C as Apply<T>>::Err>],
) -> anyhow::Result<Option<Finish>>;

/// The result of a transaction: the state now on disk, and what became of each change.
#[derive(Debug)]
pub struct Committed<T, C: Apply<T>> {
    pub file: T,
    pub results: Vec<Result<C::Out, C::Err>>,
    /// The file on disk had been written by someone else since this desk last looked.
    pub took_outside_change: bool,
    /// What settling the file could not do (see [`DataFile::settle`]).
    pub warnings: Vec<String>,
}

#[derive(Debug)]
pub struct JsonStore<T: DataFile> {
    dir: DataDir,
    fs: Arc<dyn Fs>,
    /// The bytes last read or written; tells whether someone else wrote since.
    seen: Option<Vec<u8>>,
    seen_fingerprint: Option<Fingerprint>,
    /// The file as this desk last wrote it (its bytes are `seen`): while the file on disk
    /// still has this fingerprint, a save need not read it back.
    written: Option<Fingerprint>,
    /// Set while the file on disk must not be written.
    refused: Option<FileProblem>,
    pieces: T::Pieces,
    /// Room kept from one save to the next: the file is read back into it under the lock,
    /// and the same room then takes the bytes written, so a save of a large file needs no
    /// fresh memory.
    spare: Vec<u8>,
}

impl<T: DataFile> JsonStore<T> {
    /// Reads the file; a missing one is the default state. On a problem, the store refuses
    /// every write until the file is readable again.
    pub fn open(dir: &DataDir) -> (JsonStore<T>, Result<T, FileProblem>) {
        JsonStore::open_with(dir, real())
    }

    /// As [`JsonStore::open`], with every save going through `fs` (tests fail it).
    pub fn open_with(dir: &DataDir, fs: Arc<dyn Fs>) -> (JsonStore<T>, Result<T, FileProblem>) {
        let mut store = JsonStore {
            dir: dir.clone(),
            fs,
            seen: None,
            seen_fingerprint: None,
            written: None,
            refused: None,
            pieces: T::Pieces::default(),
            spare: Vec::new(),
        };
        let loaded = store.read();
        if let Err(p) = &loaded {
            store.refused = Some(p.clone());
        }
        (store, loaded)
    }

    pub fn path(&self) -> PathBuf {
        T::path(&self.dir)
    }

    pub fn dir(&self) -> &DataDir {
        &self.dir
    }

    /// Removes what a writer killed mid-save left beside the file, under the lock (so no
    /// desk is writing). Returns how many leftovers went.
    pub fn clear_leftovers(&self) -> anyhow::Result<usize> {
        let _lock = LockGuard::acquire_with(&*self.fs, &self.dir.lock())?;
        clear_leftovers(&self.path())
    }

    /// Why writes are refused, if they are.
    pub fn refused(&self) -> Option<&FileProblem> {
        self.refused.as_ref()
    }

    fn read(&mut self) -> Result<T, FileProblem> {
        let path = self.path();
        self.seen_fingerprint = fingerprint(&path);
        let bytes = read_bytes_with(&*self.fs, &path)?;
        self.take(bytes)
    }

    /// Takes the bytes read as the file's content.
    fn take(&mut self, bytes: Option<Vec<u8>>) -> Result<T, FileProblem> {
        match bytes {
            None => {
                self.seen = None;
                Ok(T::default())
            }
            Some(bytes) => {
                let file = parse(&self.path(), &bytes, T::SCHEMA)?;
                self.seen = Some(bytes);
                Ok(file)
            }
        }
    }

    /// Applies `changes` on top of the newest state and saves it. `base` is the state this
    /// desk last saw; it is used as it is unless the file changed on disk since.
    pub fn commit<C: Apply<T>>(
        &mut self,
        base: &T,
        changes: &[C],
    ) -> Result<Committed<T, C>, SaveError> {
        self.commit_with(base, changes, &mut |_, _, _| Ok(None))
    }

    /// As [`JsonStore::commit`], calling `hook` under the lock with the fresh state, the
    /// changes and what each came to, after applying them and before writing, when there is
    /// something to write: what it writes (the sync outbox) is in the same transaction. A
    /// hook that fails fails the save; nothing is written.
    pub fn commit_with<C: Apply<T>>(
        &mut self,
        base: &T,
        changes: &[C],
        hook: Hook<'_, T, C>,
    ) -> Result<Committed<T, C>, SaveError> {
        let path = self.path();
        let _lock = LockGuard::acquire_with(&*self.fs, &self.dir.lock()).map_err(SaveError::Io)?;
        let mut on_disk = std::mem::take(&mut self.spare);
        // The file as this desk last wrote or read it (same inode, size and mtime to the
        // nanosecond): nobody wrote since, so there is nothing to read and compare.
        let untouched =
            self.refused.is_none() && self.written.is_some() && fingerprint(&path) == self.written;
        let exists = match if untouched {
            Ok(true)
        } else {
            read_bytes_into(&*self.fs, &path, &mut on_disk)
        } {
            Ok(exists) => exists,
            // A read that failed is not a file to refuse: the save fails and is tried again.
            Err(FileProblem::Unreadable { message, .. }) => {
                return Err(SaveError::Io(anyhow::anyhow!(
                    "reading {}: {message}",
                    path.display()
                )));
            }
            Err(p) => return Err(SaveError::Refused(p)),
        };
        let mut took_outside_change = false;
        let mut fresh = if !untouched && exists && Some(&on_disk) != self.seen.as_ref() {
            let file = parse(&path, &on_disk, T::SCHEMA).map_err(|p| {
                self.refused = Some(p.clone());
                SaveError::Refused(p)
            })?;
            took_outside_change = true;
            file
        } else {
            base.clone()
        };
        self.refused = None;
        let results: Vec<_> = changes.iter().map(|c| c.apply(&mut fresh)).collect();
        let changed = results
            .iter()
            .any(|r| r.as_ref().is_ok_and(|out| C::changed(out)));
        let mut warnings = Vec::new();
        if changed {
            if let Some(now) = changes.iter().filter_map(Apply::at).max() {
                warnings = fresh.settle(&self.dir, &*self.fs, now).warnings;
            }
            let finish = match hook(&fresh, changes, &results) {
                Ok(finish) => finish,
                Err(e) => {
                    self.spare = on_disk;
                    return Err(SaveError::Io(e));
                }
            };
            self.write(&path, &mut fresh, on_disk, finish)?;
        } else if took_outside_change {
            self.spare = self.seen.replace(on_disk).unwrap_or_default();
            self.seen_fingerprint = fingerprint(&path);
        } else {
            self.spare = on_disk;
        }
        Ok(Committed {
            file: fresh,
            results,
            took_outside_change,
            warnings,
        })
    }

    /// Settles the newest state as of `now` (see [`DataFile::settle`]) and writes it when
    /// that changed it: e.g. moves closed incidents to the archive at start. None: nothing
    /// to do.
    pub fn settle(
        &mut self,
        base: &T,
        now: DateTime<Utc>,
    ) -> Result<Option<(T, Vec<String>)>, SaveError> {
        if let Some(p) = &self.refused {
            return Err(SaveError::Refused(p.clone()));
        }
        let path = self.path();
        let _lock = LockGuard::acquire_with(&*self.fs, &self.dir.lock()).map_err(SaveError::Io)?;
        let mut on_disk = std::mem::take(&mut self.spare);
        // Just opened (as at start), the file is what was read then: no need to read it again.
        let unchanged = fingerprint(&path) == self.seen_fingerprint;
        let mut fresh = if unchanged {
            base.clone()
        } else {
            match read_bytes_into(&*self.fs, &path, &mut on_disk) {
                Ok(true) if Some(&on_disk) != self.seen.as_ref() => {
                    parse(&path, &on_disk, T::SCHEMA).map_err(SaveError::Refused)?
                }
                Ok(_) => base.clone(),
                Err(p) => return Err(SaveError::Refused(p)),
            }
        };
        let settled = fresh.settle(&self.dir, &*self.fs, now);
        if !settled.changed {
            self.spare = on_disk;
            return Ok(if settled.warnings.is_empty() {
                None
            } else {
                Some((fresh, settled.warnings))
            });
        }
        self.write(&path, &mut fresh, on_disk, None)?;
        Ok(Some((fresh, settled.warnings)))
    }

    /// Writes the state (raising what [`DataFile::before_save`] raises) through the room
    /// `bytes`, keeping a daily copy. Called under the lock.
    fn write(
        &mut self,
        path: &Path,
        state: &mut T,
        mut bytes: Vec<u8>,
        finish: Option<Finish>,
    ) -> Result<(), SaveError> {
        state.before_save();
        bytes.clear();
        let written = state
            .to_bytes(&mut self.pieces, &mut bytes)
            .and_then(|()| write_atomic_then(&*self.fs, path, &bytes, finish));
        if let Err(e) = written {
            self.spare = bytes;
            return Err(SaveError::Io(e));
        }
        self.seen_fingerprint = fingerprint(path);
        self.written = self.seen_fingerprint;
        // A daily copy; a failure here loses nothing, so it does not fail the save.
        let _ = keep_daily_copy(&self.dir, path, &bytes, chrono::Utc::now());
        self.spare = self.seen.replace(bytes).unwrap_or_default();
        Ok(())
    }

    /// Writes `bytes` as the file's first content, when there is no file yet. Used to seed
    /// a data dir; an existing file is left alone.
    pub fn seed(&mut self, bytes: &[u8]) -> anyhow::Result<()> {
        let _lock = LockGuard::acquire_with(&*self.fs, &self.dir.lock())?;
        let path = self.path();
        if path.exists() {
            return Ok(());
        }
        write_atomic_with(&*self.fs, &path, bytes)?;
        self.read().map_err(anyhow::Error::new)?;
        Ok(())
    }

    /// Notices a change made on disk by another desk or by hand. None: nothing new.
    /// Some(Ok): the new state. Some(Err): the file is now unreadable; writes are refused
    /// until it is readable again.
    pub fn poll(&mut self) -> Option<Result<T, FileProblem>> {
        let path = self.path();
        let now = fingerprint(&path);
        if now == self.seen_fingerprint {
            return None;
        }
        self.seen_fingerprint = now;
        let read = read_bytes_with(&*self.fs, &path);
        if let Ok(bytes) = &read
            && bytes.as_ref() == self.seen.as_ref()
            && self.refused.is_none()
        {
            // Touched, or written back as it was: nothing to read.
            return None;
        }
        match read.and_then(|bytes| self.take(bytes)) {
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
