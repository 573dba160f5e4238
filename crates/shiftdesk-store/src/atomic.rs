//! Writing a data file so that it is either wholly the old or wholly the new content: a
//! temp file beside it (owner-only), synced, renamed over the file, the directory synced.
//! If the directory cannot be synced, the old file is put back, so a failed save leaves
//! the file as it was.

use super::fs::{Fs, RealFs};
use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};

/// Where the temp file of a data file goes: `.incidents.json.tmp` beside it. Only one
/// desk writes at a time (under the lock), so the name can be fixed.
pub fn temp_path(path: &Path) -> PathBuf {
    sibling(path, "tmp")
}

/// Where the old file is kept while the new one goes in.
fn prev_path(path: &Path) -> PathBuf {
    sibling(path, "prev")
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{suffix}"))
}

/// Removes what a writer killed mid-save left behind (a temp file, a kept-aside old file).
/// A symlink or anything but a plain file there is refused, never followed or removed.
pub fn clear_leftovers(path: &Path) -> Result<usize> {
    let mut removed = 0;
    for leftover in [temp_path(path), prev_path(path)] {
        match std::fs::symlink_metadata(&leftover) {
            Ok(meta) if meta.file_type().is_file() => {
                std::fs::remove_file(&leftover)
                    .with_context(|| format!("removing the leftover {}", leftover.display()))?;
                removed += 1;
            }
            Ok(_) => bail!(
                "{} is not a plain file (a symlink?): refusing to write through it; \
                 remove it and try again",
                leftover.display()
            ),
            Err(_) => {}
        }
    }
    Ok(removed)
}

pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_with(&RealFs, path, bytes)
}

pub fn write_atomic_with(fs: &dyn Fs, path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_then(fs, path, bytes, None)
}

/// As [`write_atomic_with`], running `before_rename` once the new content is synced and
/// before it replaces the file; if it fails, nothing is replaced.
pub fn write_atomic_then(
    fs: &dyn Fs,
    path: &Path,
    bytes: &[u8],
    before_rename: Option<Finish>,
) -> Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    clear_leftovers(path)?;
    let tmp = temp_path(path);
    let written = (|| -> Result<()> {
        let mut file = fs
            .create_new(&tmp)
            .with_context(|| format!("creating {}", tmp.display()))?;
        fs.write_all(&mut file, bytes)
            .with_context(|| format!("writing {}", tmp.display()))?;
        fs.sync(&file)
            .with_context(|| format!("syncing {}", tmp.display()))?;
        Ok(())
    })();
    let written = written.and_then(|()| before_rename.map_or(Ok(()), |f| f()));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    let prev = prev_path(path);
    let had_old = path.exists();
    if had_old && let Err(e) = fs.hard_link(path, &prev) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e).with_context(|| format!("keeping {} aside", path.display()));
    }
    let cleanup = || {
        let _ = std::fs::remove_file(&tmp);
        let _ = std::fs::remove_file(&prev);
    };
    if let Err(e) = fs.rename(&tmp, path) {
        cleanup();
        return Err(e).with_context(|| format!("renaming {} to {}", tmp.display(), path.display()));
    }
    if let Err(e) = fs.sync_dir(&dir) {
        // The new file is in place but not known to be durable: put the old one back.
        if had_old {
            let _ = std::fs::rename(&prev, path);
        } else {
            let _ = std::fs::remove_file(path);
        }
        cleanup();
        return Err(e).with_context(|| format!("syncing the directory {}", dir.display()));
    }
    let _ = std::fs::remove_file(&prev);
    Ok(())
}

/// What must be done before a new file replaces the old one (e.g. wait for the sync of the
/// outbox written in the same transaction).
pub type Finish = Box<dyn FnOnce() -> Result<()> + Send>;

/// Pretty JSON with a final newline, as the data files are written.
pub fn to_pretty_json<T: serde::Serialize>(value: &T) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    write_pretty_json(value, &mut bytes)?;
    Ok(bytes)
}

/// As [`to_pretty_json`], appended to `out`.
pub fn write_pretty_json<T: serde::Serialize>(value: &T, out: &mut Vec<u8>) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).context("serialising to JSON")?;
    out.push(b'\n');
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fs::FaultyFs;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn writes_owner_only_and_replaces_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.json");
        std::fs::write(&path, b"old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temp file left behind");
    }

    #[test]
    fn every_failing_operation_leaves_the_file_as_it_was() {
        for errno in [28, 5, 13] {
            for k in 0..5 {
                let dir = tempfile::tempdir().unwrap();
                let path = dir.path().join("f.json");
                std::fs::write(&path, b"old").unwrap();
                let fs = FaultyFs::new(k, errno);
                assert!(
                    write_atomic_with(&fs, &path, b"new").is_err(),
                    "op {k} errno {errno}"
                );
                assert_eq!(
                    std::fs::read(&path).unwrap(),
                    b"old",
                    "op {k} errno {errno}"
                );
                let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
                assert_eq!(names.len(), 1, "nothing left behind after op {k}");
            }
        }
    }

    #[test]
    fn a_symlink_where_the_temp_file_goes_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.json");
        let victim = dir.path().join("victim");
        std::fs::write(&victim, b"keep me").unwrap();
        std::os::unix::fs::symlink(&victim, temp_path(&path)).unwrap();
        let err = write_atomic(&path, b"new").unwrap_err().to_string();
        assert!(err.contains("refusing"), "{err}");
        assert_eq!(std::fs::read(&victim).unwrap(), b"keep me");
        assert!(!path.exists());
    }

    #[test]
    fn a_leftover_temp_file_is_cleared() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.json");
        std::fs::write(temp_path(&path), b"half").unwrap();
        assert_eq!(clear_leftovers(&path).unwrap(), 1);
        write_atomic(&path, b"whole").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"whole");
    }
}
