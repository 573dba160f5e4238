//! The file operations a save is made of, behind a seam the tests can fail one by one.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Every operation a transaction makes on disk, in order: open the lock file, read the
/// current file, create the temp file, write it, sync it, keep the old file aside (a hard
/// link), rename the temp file over the data file, sync the directory.
pub trait Fs: Send + Sync + std::fmt::Debug {
    fn open_lock(&self, path: &Path) -> io::Result<File>;
    /// The whole file into `into` (emptied first; its room is reused).
    fn read(&self, path: &Path, into: &mut Vec<u8>) -> io::Result<()>;
    /// A new file, owner-only, never through a symlink or over anything already there.
    fn create_new(&self, path: &Path) -> io::Result<File>;
    fn write_all(&self, file: &mut File, bytes: &[u8]) -> io::Result<()>;
    fn sync(&self, file: &File) -> io::Result<()>;
    fn hard_link(&self, from: &Path, to: &Path) -> io::Result<()>;
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()>;
    fn sync_dir(&self, dir: &Path) -> io::Result<()>;
}

/// The real file system.
#[derive(Debug, Default)]
pub struct RealFs;

impl Fs for RealFs {
    fn open_lock(&self, path: &Path) -> io::Result<File> {
        OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            // From libc: the value differs by architecture (0o400000 on x86_64, 0o100000 on
            // aarch64), and a wrong one would follow a planted symlink without a word.
            .custom_flags(libc::O_NOFOLLOW)
            .open(path)
    }

    fn read(&self, path: &Path, into: &mut Vec<u8>) -> io::Result<()> {
        use std::io::Read;
        into.clear();
        File::open(path)?.read_to_end(into).map(|_| ())
    }

    fn create_new(&self, path: &Path) -> io::Result<File> {
        OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW)
            .open(path)
    }

    fn write_all(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        file.write_all(bytes)
    }

    fn sync(&self, file: &File) -> io::Result<()> {
        file.sync_all()
    }

    fn hard_link(&self, from: &Path, to: &Path) -> io::Result<()> {
        std::fs::hard_link(from, to)
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        std::fs::rename(from, to)
    }

    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        File::open(dir)?.sync_all()
    }
}

pub fn real() -> Arc<dyn Fs> {
    Arc::new(RealFs)
}

/// For tests: the real file system, except that operation number `fail_at` (counting
/// from 0 across every call) fails with the given OS error.
#[derive(Debug)]
pub struct FaultyFs {
    pub fail_at: usize,
    pub errno: i32,
    count: AtomicUsize,
}

impl FaultyFs {
    pub fn new(fail_at: usize, errno: i32) -> FaultyFs {
        FaultyFs {
            fail_at,
            errno,
            count: AtomicUsize::new(0),
        }
    }

    /// How many operations were made.
    pub fn count(&self) -> usize {
        self.count.load(Ordering::SeqCst)
    }

    fn step(&self) -> io::Result<()> {
        if self.count.fetch_add(1, Ordering::SeqCst) == self.fail_at {
            return Err(io::Error::from_raw_os_error(self.errno));
        }
        Ok(())
    }
}

impl Fs for FaultyFs {
    fn open_lock(&self, path: &Path) -> io::Result<File> {
        self.step()?;
        RealFs.open_lock(path)
    }
    fn read(&self, path: &Path, into: &mut Vec<u8>) -> io::Result<()> {
        self.step()?;
        RealFs.read(path, into)
    }
    fn create_new(&self, path: &Path) -> io::Result<File> {
        self.step()?;
        RealFs.create_new(path)
    }
    fn write_all(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        self.step()?;
        RealFs.write_all(file, bytes)
    }
    fn sync(&self, file: &File) -> io::Result<()> {
        self.step()?;
        RealFs.sync(file)
    }
    fn hard_link(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.step()?;
        RealFs.hard_link(from, to)
    }
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.step()?;
        RealFs.rename(from, to)
    }
    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        self.step()?;
        RealFs.sync_dir(dir)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A symlink planted where the lock file goes (by another user of a shared directory, say)
    /// is refused, not followed: the file it points at is neither created nor opened. With a
    /// wrong O_NOFOLLOW the open follows the link and this fails.
    #[test]
    fn a_symlink_planted_at_the_lock_is_refused_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let lock = dir.path().join("shiftdesk.lock");
        let victim = dir.path().join("victim");
        std::os::unix::fs::symlink(&victim, &lock).unwrap();

        let err = RealFs.open_lock(&lock).unwrap_err();
        assert_eq!(err.raw_os_error(), Some(libc::ELOOP), "{err}");
        assert!(
            !victim.exists(),
            "the link was followed and its target made"
        );

        std::fs::write(&victim, b"keep me").unwrap();
        let err = RealFs.open_lock(&lock).unwrap_err();
        assert_eq!(err.raw_os_error(), Some(libc::ELOOP), "{err}");
        let err = crate::lock::LockGuard::acquire(&lock).err().unwrap();
        assert!(format!("{err:#}").contains("shiftdesk.lock"), "{err:#}");
        assert_eq!(std::fs::read(&victim).unwrap(), b"keep me");

        // A new file is never made through a link either.
        let err = RealFs.create_new(&lock).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists, "{err}");
        assert_eq!(std::fs::read(&victim).unwrap(), b"keep me");
    }
}
