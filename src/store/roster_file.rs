//! `roster.json`: contacts and routes. Seeded from the bundled sample on first start.

use super::atomic::write_atomic;
use super::json_file::{FileProblem, Versioned, parse, read_bytes};
use super::paths::DataDir;
use crate::model::roster::{ROSTER_SCHEMA_VERSION, Roster};

pub const SAMPLE_ROSTER: &str = include_str!("../../assets/roster.sample.json");

impl Versioned for Roster {
    fn schema_version(&self) -> u64 {
        u64::from(self.schema_version)
    }
}

#[derive(Debug)]
pub enum RosterLoad {
    Loaded(Roster),
    /// There was none: the sample was written to the data dir.
    Seeded(Roster),
    /// Unreadable: the desk runs without routes and never writes the file.
    Problem(FileProblem),
}

pub fn load_roster(dir: &DataDir) -> RosterLoad {
    let path = dir.roster();
    match read_bytes(&path) {
        Ok(Some(bytes)) => match parse(&path, &bytes, ROSTER_SCHEMA_VERSION) {
            Ok(roster) => RosterLoad::Loaded(roster),
            Err(p) => RosterLoad::Problem(p),
        },
        Ok(None) => {
            let roster = sample_roster();
            match write_atomic(&path, SAMPLE_ROSTER.as_bytes()) {
                Ok(()) => RosterLoad::Seeded(roster),
                Err(e) => RosterLoad::Problem(FileProblem::Unreadable {
                    path,
                    message: format!("could not write the sample roster: {e:#}"),
                }),
            }
        }
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
        assert!(matches!(load_roster(&dir), RosterLoad::Seeded(_)));
        assert_eq!(
            std::fs::read_to_string(dir.roster()).unwrap(),
            SAMPLE_ROSTER
        );
        assert!(matches!(load_roster(&dir), RosterLoad::Loaded(_)));
    }
}
