//! `flow.json`: the sign-offs of the flow and each operator's acknowledgements, written
//! with the lock and atomically like the other data files, never written while unreadable.
//! And the flow in use, read from the data dir as the desk reads it.

use super::json_file::{FileProblem, Versioned};
use super::json_store::{DataFile, JsonStore, SaveError};
use super::paths::DataDir;
use crate::guide_file::load_guide;
use crate::playbooks_file::load_playbooks;
use crate::roster_file::{RosterLoad, load_roster};
use chrono::{DateTime, Utc};
use shiftdesk_core::change::Stamped;
use shiftdesk_core::flow::{
    FLOW_SCHEMA_VERSION, FlowApplied, FlowEntry, FlowFile, FlowSnapshot, RollOut, SignOffState,
    roll_out_for, sign_off_state,
};
use shiftdesk_core::roster::Roster;
use std::path::PathBuf;

impl Versioned for FlowFile {
    fn schema_version(&self) -> u64 {
        u64::from(self.schema_version)
    }
}

impl DataFile for FlowFile {
    const SCHEMA: u32 = FLOW_SCHEMA_VERSION;

    fn path(dir: &DataDir) -> PathBuf {
        dir.flow()
    }

    type Pieces = ();
}

pub type FlowStore = JsonStore<FlowFile>;

/// The flow in use in a data dir, as the desk would read it (a roster that does not read
/// yet is the sample the desk would seed), and the roster it came from; or why there is
/// none: the roster cannot be read (the flow is not told while it cannot be).
pub fn flow_in_use(dir: &DataDir) -> Result<(FlowSnapshot, Roster), FileProblem> {
    let roster = match load_roster(dir) {
        RosterLoad::Loaded(r) | RosterLoad::Seeded(r) => r,
        RosterLoad::Problem(p) => return Err(p),
    };
    let playbooks = load_playbooks(dir);
    let guide = load_guide(dir);
    let flow = FlowSnapshot::of(
        &roster,
        (&playbooks.playbooks, playbooks.custom),
        (&guide.guide, guide.custom),
    );
    Ok((flow, roster))
}

/// The desk's hold on the flow: `flow.json` as read at start, and the flow in use then.
#[derive(Debug, Default)]
pub struct FlowDesk {
    store: Option<FlowStore>,
    pub file: FlowFile,
    /// The flow in use and its fingerprint; None when the roster could not be read.
    current: Option<(FlowSnapshot, String)>,
    /// `flow.json` cannot be read: nothing is told from it nor written to it.
    pub problem: Option<FileProblem>,
}

impl FlowDesk {
    /// `flow.json` of the data dir, beside the flow in use.
    pub fn open(dir: &DataDir, current: Option<FlowSnapshot>) -> FlowDesk {
        let (store, loaded) = FlowStore::open(dir);
        let (file, problem) = match loaded {
            Ok(file) => (file, None),
            Err(p) => (FlowFile::default(), Some(p)),
        };
        FlowDesk {
            store: Some(store),
            problem,
            ..FlowDesk::in_memory(file, current)
        }
    }

    /// In memory only (tests): this file, this flow in use.
    pub fn in_memory(file: FlowFile, current: Option<FlowSnapshot>) -> FlowDesk {
        FlowDesk {
            store: None,
            file,
            current: current.map(|c| {
                let fp = c.fingerprint();
                (c, fp)
            }),
            problem: None,
        }
    }

    /// The flow in use and its fingerprint.
    pub fn current(&self) -> Option<(&FlowSnapshot, &str)> {
        self.current.as_ref().map(|(c, fp)| (c, fp.as_str()))
    }

    /// Where the sign-off stands; None when it cannot be told.
    pub fn sign_off_state(&self, now: DateTime<Utc>, max_days: u32) -> Option<SignOffState> {
        if self.problem.is_some() {
            return None;
        }
        let (flow, fp) = self.current()?;
        Some(sign_off_state(&self.file, flow, fp, now, max_days))
    }

    /// What `operator` is to acknowledge; None when nothing (or it cannot be told).
    pub fn roll_out(&self, operator: &str) -> Option<RollOut> {
        if self.problem.is_some() {
            return None;
        }
        let (flow, fp) = self.current()?;
        roll_out_for(&self.file, operator, flow, fp)
    }

    /// Records that the stamp's operator acknowledged the flow in use, under the lock.
    pub fn acknowledge(&mut self, stamp: Stamped<()>) -> Result<FlowApplied, String> {
        if let Some(p) = &self.problem {
            return Err(p.to_string());
        }
        let Some((flow, _)) = &self.current else {
            return Ok(FlowApplied::Unchanged);
        };
        let entry = Stamped {
            id: stamp.id,
            origin: stamp.origin,
            by: stamp.by,
            at: stamp.at,
            change: FlowEntry::Acknowledge {
                flow: Box::new(flow.clone()),
            },
        };
        record(self.store.as_mut(), &mut self.file, entry)
    }
}

/// Applies the entry to the file on disk (the newest, re-read under the lock) and writes it;
/// without a store, to `file` in memory.
pub fn record(
    store: Option<&mut FlowStore>,
    file: &mut FlowFile,
    entry: Stamped<FlowEntry>,
) -> Result<FlowApplied, String> {
    use shiftdesk_core::apply::Apply;
    let Some(store) = store else {
        return entry.apply(file);
    };
    let committed = store
        .commit(file, std::slice::from_ref(&entry))
        .map_err(|e: SaveError| e.to_string())?;
    *file = committed.file;
    committed
        .results
        .into_iter()
        .next()
        .unwrap_or(Ok(FlowApplied::Unchanged))
}

#[cfg(test)]
mod tests {
    use super::*;
    use shiftdesk_core::test_fixtures::t;

    #[test]
    fn an_acknowledgement_is_written_and_read_back() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = DataDir::at(tmp.path());
        let (flow, _) = flow_in_use(&dir).unwrap();
        assert!(!dir.flow().exists(), "reading writes nothing");
        let mut desk = FlowDesk::open(&dir, Some(flow.clone()));
        assert!(desk.roll_out("yamada").is_none(), "nothing signed yet");
        let stamp = crate::stamp::stamp((), t("10:00"), "yamada", "desk-a");
        assert_eq!(desk.acknowledge(stamp), Ok(FlowApplied::Acknowledged));
        let again = FlowDesk::open(&dir, Some(flow));
        assert_eq!(again.file.acknowledgements.len(), 1);
        assert_eq!(again.file.acknowledgements[0].operator, "yamada");
    }

    #[test]
    fn a_bad_flow_file_is_named_and_never_written() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = DataDir::at(tmp.path());
        std::fs::write(dir.flow(), "{\n \"schema_version\": 1,\n \"sign_offs\": 3}").unwrap();
        let (flow, _) = flow_in_use(&dir).unwrap();
        let mut desk = FlowDesk::open(&dir, Some(flow));
        let problem = desk.problem.clone().unwrap().to_string();
        assert!(problem.contains("flow.json:3:"), "{problem}");
        let stamp = crate::stamp::stamp((), t("10:00"), "yamada", "desk-a");
        assert!(desk.acknowledge(stamp).is_err());
        assert_eq!(
            std::fs::read_to_string(dir.flow()).unwrap(),
            "{\n \"schema_version\": 1,\n \"sign_offs\": 3}"
        );
    }
}
