//! `draft.json`: the unsubmitted text of the form open when the desk went away.

use super::atomic::{to_pretty_json, write_atomic};
use super::json_file::{Versioned, parse, read_bytes};
use super::paths::DataDir;
use anyhow::Result;
use shiftdesk_core::draft::Draft;
use std::path::PathBuf;

pub const DRAFT_SCHEMA_VERSION: u32 = 1;

impl Versioned for Draft {
    fn schema_version(&self) -> u64 {
        u64::from(self.schema_version)
    }
}

pub fn draft_path(dir: &DataDir) -> PathBuf {
    dir.root().join("draft.json")
}

/// Keeps the draft, or removes the kept one (None).
pub fn save_draft(dir: &DataDir, draft: Option<&Draft>) -> Result<()> {
    let path = draft_path(dir);
    match draft {
        Some(d) => write_atomic(&path, &to_pretty_json(d)?),
        None => match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
            _ => Ok(()),
        },
    }
}

/// The kept draft, if there is one that can be read (one that cannot is left alone).
pub fn load_draft(dir: &DataDir) -> Option<Draft> {
    let path = draft_path(dir);
    let bytes = read_bytes(&path).ok()??;
    parse(&path, &bytes, DRAFT_SCHEMA_VERSION).ok()
}
