//! `incidents.json`: the live state. Every saved change raises its revision by one; closed
//! incidents leave it for the archive (see [`super::archive`]).

use super::fs::Fs;
use super::incidents_bytes::{IncidentPieces, write_incidents};
use super::json_file::Versioned;
use super::json_store::{DataFile, JsonStore, Settled};
use super::paths::DataDir;
use chrono::{DateTime, Utc};
use shiftdesk_core::desk::{INCIDENTS_SCHEMA_VERSION, IncidentsFile};
use std::path::PathBuf;

impl Versioned for IncidentsFile {
    fn schema_version(&self) -> u64 {
        u64::from(self.schema_version)
    }
}

impl DataFile for IncidentsFile {
    const SCHEMA: u32 = INCIDENTS_SCHEMA_VERSION;

    fn path(dir: &DataDir) -> PathBuf {
        dir.incidents()
    }

    type Pieces = IncidentPieces;

    /// Serialises only the incidents changed since the last save.
    fn to_bytes(&self, pieces: &mut IncidentPieces, out: &mut Vec<u8>) -> anyhow::Result<()> {
        write_incidents(self, pieces, out)
    }

    fn before_save(&mut self) {
        self.revision += 1;
    }

    /// Closed incidents due for the archive leave the live file.
    fn settle(&mut self, dir: &DataDir, fs: &dyn Fs, now: DateTime<Utc>) -> Settled {
        let moved = super::archive::move_due(dir, fs, self, now);
        Settled {
            changed: moved.count > 0,
            warnings: moved.problems,
        }
    }
}

pub type IncidentsStore = JsonStore<IncidentsFile>;
