//! The data dir: load, validate, lock, save atomically, archive, back up, keep drafts and
//! exports. Every file the desk reads or writes goes through here. Depends on the domain
//! (`shiftdesk-core`) and the words only.

pub mod archive;
pub mod atomic;
pub mod backups;
pub mod config;
pub mod desk;
pub mod drafts;
pub mod drills;
pub mod exports;
pub mod flow_file;
pub mod fs;
pub mod guide_file;
pub mod history;
pub mod incidents;
pub mod incidents_bytes;
pub mod json_file;
pub mod json_store;
pub mod ledger;
pub mod lock;
pub mod open;
pub mod outbox;
pub mod outcome;
pub mod paths;
pub mod permissions;
pub mod playbooks_file;
pub mod roster_deadlines;
pub mod roster_file;
pub mod stamp;
pub mod sync_look;
pub mod sync_remote;
pub mod sync_side;
pub mod sync_state;

pub use config::{SyncFlags, SyncSettings};
pub use desk::Desk;
pub use incidents::IncidentsStore;
pub use json_file::FileProblem;
pub use json_store::{Committed, JsonStore, SaveError};
pub use outcome::{Outcome, Refusal, Saved};
pub use paths::DataDir;
pub use sync_side::RemoteOutcome;

#[cfg(test)]
mod sync_tests;
