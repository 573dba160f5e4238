//! The part of `roster.json` that the deadlines depend on, read without the rest: which
//! contacts are away (an away contact is skipped by the route, which moves the time a level
//! counts as tried) and the update cadence per severity. `shiftdesk status` runs every few
//! seconds from tmux; the whole roster (names, phones, notes of thousands of contacts) costs
//! more to read than the live incidents file, and status needs none of it.

use crate::json_file::{FileProblem, Versioned, parse};
use crate::paths::DataDir;
use crate::roster_file::sample_roster;
use serde::Deserialize;
use shiftdesk_core::roster::{Contact, ROSTER_SCHEMA_VERSION, Roster, Unavailable};
use std::collections::BTreeMap;

#[derive(Deserialize)]
struct Slim {
    #[serde(default)]
    schema_version: u32,
    #[serde(default)]
    update_cadence_minutes: Option<BTreeMap<String, u32>>,
    #[serde(default)]
    contacts: Vec<SlimContact>,
}

#[derive(Deserialize)]
struct SlimContact {
    id: String,
    #[serde(default)]
    unavailable: Option<Unavailable>,
}

impl Versioned for Slim {
    fn schema_version(&self) -> u64 {
        u64::from(self.schema_version)
    }
}

/// The roster as far as deadlines go: every contact with its id and whether it is away,
/// the update cadence; no names, phones, routes or rotations. Without a roster file, the
/// sample the desk would seed (nothing is written). A file that cannot be read: why.
pub fn roster_for_deadlines(dir: &DataDir) -> Result<Roster, FileProblem> {
    let path = dir.roster();
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(sample_roster()),
        Err(e) => {
            return Err(FileProblem::Unreadable {
                path,
                message: e.to_string(),
            });
        }
    };
    let slim: Slim = parse(&path, &bytes, ROSTER_SCHEMA_VERSION)?;
    Ok(Roster {
        schema_version: slim.schema_version,
        update_cadence_minutes: slim.update_cadence_minutes,
        contacts: slim.contacts.into_iter().map(contact).collect(),
        ..Roster::default()
    })
}

fn contact(c: SlimContact) -> Contact {
    Contact {
        unavailable: c.unavailable,
        ..Contact::with_id(&c.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roster_file::RosterLoad;
    use crate::roster_file::load_roster;
    use chrono::{TimeZone, Utc};
    use serde_json::Map;

    fn full(dir: &DataDir) -> Roster {
        match load_roster(dir) {
            RosterLoad::Loaded(r) | RosterLoad::Seeded(r) => r,
            RosterLoad::Problem(p) => panic!("{p:?}"),
        }
    }

    /// Whatever the deadlines ask of the roster, the slim read answers as the full one.
    fn same_answers(slim: &Roster, full: &Roster) {
        let now = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
        assert_eq!(slim.contacts.len(), full.contacts.len());
        for c in &full.contacts {
            let s = slim.contact(&c.id).expect("every contact is there");
            assert_eq!(
                s.is_unavailable_at(now),
                c.is_unavailable_at(now),
                "{}",
                c.id
            );
        }
        for sev in shiftdesk_core::severity::Severity::ALL {
            assert_eq!(slim.update_cadence(sev), full.update_cadence(sev));
        }
    }

    #[test]
    fn without_a_roster_file_it_is_the_sample_and_nothing_is_written() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = DataDir::at(tmp.path());
        let slim = roster_for_deadlines(&dir).unwrap();
        same_answers(&slim, &sample_roster());
        assert!(!dir.roster().exists());
    }

    #[test]
    fn away_contacts_and_the_cadence_are_read_as_the_full_roster_reads_them() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = DataDir::at(tmp.path());
        let mut roster = sample_roster();
        roster.contacts[0].unavailable = Some(Unavailable {
            until: None,
            reason: "leave".into(),
            extra: Map::new(),
        });
        roster.contacts[1].unavailable = Some(Unavailable {
            until: Some(Utc.with_ymd_and_hms(2026, 12, 1, 8, 0, 0).unwrap()),
            reason: String::new(),
            extra: Map::new(),
        });
        roster.contacts[2].unavailable = Some(Unavailable {
            until: Some(Utc.with_ymd_and_hms(2026, 12, 2, 8, 0, 0).unwrap()),
            reason: String::new(),
            extra: Map::new(),
        });
        roster.update_cadence_minutes = Some([("1".to_string(), 7)].into_iter().collect());
        std::fs::write(dir.roster(), serde_json::to_vec(&roster).unwrap()).unwrap();
        let slim = roster_for_deadlines(&dir).unwrap();
        same_answers(&slim, &full(&dir));
        let now = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
        let away: Vec<bool> = slim.contacts[..3]
            .iter()
            .map(|c| c.is_unavailable_at(now))
            .collect();
        assert_eq!(away, [true, false, true]);
    }

    #[test]
    fn a_bad_or_newer_roster_is_a_problem_naming_the_file() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = DataDir::at(tmp.path());
        std::fs::write(dir.roster(), b"{\"schema_version\": 1, \"contacts\": [").unwrap();
        match roster_for_deadlines(&dir) {
            Err(FileProblem::Malformed { path, .. }) => assert_eq!(path, dir.roster()),
            other => panic!("{other:?}"),
        }
        std::fs::write(dir.roster(), b"{\"schema_version\": 999}").unwrap();
        assert!(matches!(
            roster_for_deadlines(&dir),
            Err(FileProblem::NewerSchema { found: 999, .. })
        ));
    }
}
