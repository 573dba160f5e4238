//! Data files are the owner's alone: wider permissions are tightened, and said so.

use super::paths::DataDir;
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;

/// A file or directory whose permissions were wider than owner-only, and what they were.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tightened {
    pub path: PathBuf,
    pub was: u32,
    pub now: u32,
}

/// Tightens the data dir to 0700 and its data files to 0600 where they are wider.
/// Returns what was changed; a file that cannot be changed is left for `doctor` to report.
pub fn tighten(dir: &DataDir) -> Vec<Tightened> {
    let mut done = Vec::new();
    let targets = [
        (dir.root().to_path_buf(), 0o700),
        (dir.incidents(), 0o600),
        (dir.roster(), 0o600),
        (dir.playbooks(), 0o600),
        (dir.lock(), 0o600),
    ];
    for (path, want) in targets {
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if meta.file_type().is_symlink() {
            continue;
        }
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0
            && std::fs::set_permissions(&path, std::fs::Permissions::from_mode(want)).is_ok()
        {
            done.push(Tightened {
                path,
                was: mode,
                now: want,
            });
        }
    }
    done
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wider_permissions_are_tightened_and_reported() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = DataDir::at(tmp.path());
        std::fs::write(dir.incidents(), "{}").unwrap();
        std::fs::set_permissions(dir.incidents(), std::fs::Permissions::from_mode(0o644)).unwrap();
        std::fs::write(dir.roster(), "{}").unwrap();
        std::fs::set_permissions(dir.roster(), std::fs::Permissions::from_mode(0o600)).unwrap();
        let done = tighten(&dir);
        let incidents = done.iter().find(|t| t.path == dir.incidents()).unwrap();
        assert_eq!((incidents.was, incidents.now), (0o644, 0o600));
        assert!(!done.iter().any(|t| t.path == dir.roster()));
        let mode = std::fs::metadata(dir.incidents())
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o600);
    }
}
