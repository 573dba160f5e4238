//! The exclusive lock that serialises transactions between desks on one data dir. It is a
//! separate file: the JSON files are replaced by rename, and a lock on a replaced file would
//! lock nothing.

use anyhow::{Context, Result};
use std::fs::File;
use std::path::Path;

/// Held while a transaction runs; released when dropped (and by the OS if the process dies).
pub struct LockGuard {
    file: File,
}

impl LockGuard {
    pub fn acquire(path: &Path) -> Result<LockGuard> {
        LockGuard::acquire_with(&super::fs::RealFs, path)
    }

    pub fn acquire_with(fs: &dyn super::fs::Fs, path: &Path) -> Result<LockGuard> {
        let file = fs
            .open_lock(path)
            .with_context(|| format!("opening lock file {}", path.display()))?;
        file.lock()
            .with_context(|| format!("locking {}", path.display()))?;
        Ok(LockGuard { file })
    }
}

impl Drop for LockGuard {
    fn drop(&mut self) {
        // Closing the file releases the lock as well; unlocking first is explicit.
        let _ = self.file.unlock();
    }
}
