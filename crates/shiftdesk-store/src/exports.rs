//! Reports written for sharing: `exports/INC-0003.en.md` in the data dir.

use super::atomic::write_atomic;
use super::paths::DataDir;
use anyhow::{Context, Result};
use shiftdesk_core::IncidentId;
use std::os::unix::fs::DirBuilderExt;
use std::path::PathBuf;

pub fn write_export(
    dir: &DataDir,
    incident: &IncidentId,
    lang: &str,
    text: &str,
) -> Result<PathBuf> {
    let folder = dir.root().join("exports");
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(&folder)
        .with_context(|| format!("creating {}", folder.display()))?;
    let path = folder.join(format!("{incident}.{lang}.md"));
    write_atomic(&path, text.as_bytes())?;
    Ok(path)
}
