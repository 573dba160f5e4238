//! The data dir: load, validate, lock, save atomically. Depends on the model only.

pub mod archive;
pub mod atomic;
pub mod backups;
pub mod drafts;
pub mod drills;
pub mod exports;
pub mod fs;
pub mod incidents;
pub mod incidents_bytes;
pub mod json_file;
pub mod json_store;
pub mod lock;
pub mod paths;
pub mod permissions;
pub mod playbooks_file;
pub mod roster_file;

pub use incidents::IncidentsStore;
pub use json_file::FileProblem;
pub use json_store::{Committed, JsonStore, SaveError};
pub use paths::DataDir;
