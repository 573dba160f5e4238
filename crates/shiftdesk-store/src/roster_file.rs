//! `roster.json`: contacts and routes. Seeded from the bundled sample on first start.

use super::json_file::{FileProblem, Versioned};
use super::json_store::{DataFile, JsonStore};
use super::paths::DataDir;
use shiftdesk_core::roster::{ROSTER_SCHEMA_VERSION, Roster};
use std::path::PathBuf;

pub const SAMPLE_ROSTER: &str = include_str!("../../../assets/roster.sample.json");

impl Versioned for Roster {
    fn schema_version(&self) -> u64 {
        u64::from(self.schema_version)
    }
}

impl DataFile for Roster {
    const SCHEMA: u32 = ROSTER_SCHEMA_VERSION;

    fn path(dir: &DataDir) -> PathBuf {
        dir.roster()
    }

    type Pieces = ();
}

pub type RosterStore = JsonStore<Roster>;

#[derive(Debug)]
pub enum RosterLoad {
    Loaded(Roster),
    /// There was none: the sample was written to the data dir.
    Seeded(Roster),
    /// Unreadable: the desk runs without routes and never writes the file.
    Problem(FileProblem),
}

/// Opens the roster, writing the sample first when the data dir has none.
pub fn open_roster(dir: &DataDir) -> (RosterStore, RosterLoad) {
    let missing = !dir.roster().exists();
    let (mut store, loaded) = RosterStore::open(dir);
    if !missing {
        let load = match loaded {
            Ok(r) => RosterLoad::Loaded(r),
            Err(p) => RosterLoad::Problem(p),
        };
        return (store, load);
    }
    let load = match store.seed(SAMPLE_ROSTER.as_bytes()) {
        Ok(()) => RosterLoad::Seeded(sample_roster()),
        Err(e) => RosterLoad::Problem(FileProblem::Unreadable {
            path: dir.roster(),
            message: format!("could not write the sample roster: {e:#}"),
        }),
    };
    (store, load)
}

/// The roster for a subcommand that only reads: writes nothing; without a roster file,
/// the sample the desk would seed.
pub fn load_roster(dir: &DataDir) -> RosterLoad {
    if !dir.roster().exists() {
        return RosterLoad::Loaded(sample_roster());
    }
    match RosterStore::open(dir).1 {
        Ok(r) => RosterLoad::Loaded(r),
        Err(p) => RosterLoad::Problem(p),
    }
}

/// The bundled sample roster. It is checked by a test, so it always parses.
pub fn sample_roster() -> Roster {
    serde_json::from_str(SAMPLE_ROSTER).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_parses_and_is_marked_as_a_sample() {
        let roster: Roster = serde_json::from_str(SAMPLE_ROSTER).unwrap();
        assert!(roster.sample);
        assert!(roster.contacts.len() >= 8);
        assert!(roster.contacts.iter().all(|c| c.sample));
        assert!(roster.routes.iter().any(|r| r.category.is_none()));
    }

    #[test]
    fn first_start_seeds_the_sample_and_later_starts_read_it() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = DataDir::at(tmp.path());
        assert!(matches!(load_roster(&dir), RosterLoad::Loaded(_)));
        assert!(!dir.roster().exists(), "reading writes nothing");
        assert!(matches!(open_roster(&dir).1, RosterLoad::Seeded(_)));
        assert_eq!(
            std::fs::read_to_string(dir.roster()).unwrap(),
            SAMPLE_ROSTER
        );
        assert!(matches!(open_roster(&dir).1, RosterLoad::Loaded(_)));
    }
}
