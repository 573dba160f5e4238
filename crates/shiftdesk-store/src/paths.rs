//! Where the data lives.

use anyhow::{Context, Result, bail};
use std::fs;
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};

pub const INCIDENTS_FILE: &str = "incidents.json";
pub const ROSTER_FILE: &str = "roster.json";
pub const PLAYBOOKS_FILE: &str = "playbooks.json";
pub const GUIDE_FILE: &str = "guide.json";
pub const LOCK_FILE: &str = "shiftdesk.lock";
pub const FLOW_FILE: &str = "flow.json";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    root: PathBuf,
}

impl DataDir {
    /// `--data-dir`, else `SHIFTDESK_DATA_DIR`, else the platform's data directory.
    pub fn resolve(flag: Option<&Path>) -> Result<DataDir> {
        if let Some(p) = flag {
            return Ok(DataDir::at(p));
        }
        if let Some(p) = std::env::var_os("SHIFTDESK_DATA_DIR").filter(|p| !p.is_empty()) {
            return Ok(DataDir::at(Path::new(&p)));
        }
        let dirs = directories::ProjectDirs::from("", "", "shiftdesk").context(
            "cannot find a home directory for the data; give one with --data-dir DIR or SHIFTDESK_DATA_DIR",
        )?;
        Ok(DataDir::at(dirs.data_dir()))
    }

    pub fn at(root: &Path) -> DataDir {
        DataDir {
            root: root.to_path_buf(),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn incidents(&self) -> PathBuf {
        self.root.join(INCIDENTS_FILE)
    }

    pub fn roster(&self) -> PathBuf {
        self.root.join(ROSTER_FILE)
    }

    pub fn playbooks(&self) -> PathBuf {
        self.root.join(PLAYBOOKS_FILE)
    }

    /// The team's own incident guide, replacing the bundled one.
    pub fn guide(&self) -> PathBuf {
        self.root.join(GUIDE_FILE)
    }

    /// The sign-offs of the flow and the operators' acknowledgements.
    pub fn flow(&self) -> PathBuf {
        self.root.join(FLOW_FILE)
    }

    pub fn lock(&self) -> PathBuf {
        self.root.join(LOCK_FILE)
    }

    /// Creates the directory (owner only) if it is missing.
    pub fn create(&self) -> Result<()> {
        if self.root.exists() {
            if !self.root.is_dir() {
                bail!(
                    "data dir {} exists but is not a directory",
                    self.root.display()
                );
            }
            return Ok(());
        }
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&self.root)
            .with_context(|| format!("creating data dir {}", self.root.display()))?;
        fs::set_permissions(&self.root, fs::Permissions::from_mode(0o700))
            .with_context(|| format!("setting permissions of {}", self.root.display()))
    }
}
