//! `incidents.json`: the live state. Every saved change raises its revision by one.

use super::json_file::Versioned;
use super::json_store::{DataFile, JsonStore};
use super::paths::DataDir;
use crate::model::desk::{INCIDENTS_SCHEMA_VERSION, IncidentsFile};
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

    fn before_save(&mut self) {
        self.revision += 1;
    }
}

pub type IncidentsStore = JsonStore<IncidentsFile>;
