//! Playbooks: the bundled ones, or a team's own `playbooks.json` in the data dir.

use super::json_file::{FileProblem, Versioned, parse, read_bytes};
use super::paths::DataDir;
use shiftdesk_core::playbook::{PLAYBOOKS_SCHEMA_VERSION, Playbooks};

pub const BUNDLED_PLAYBOOKS: &str = include_str!("../../../assets/playbooks.json");

impl Versioned for Playbooks {
    fn schema_version(&self) -> u64 {
        u64::from(self.schema_version)
    }
}

#[derive(Debug)]
pub struct PlaybooksLoad {
    pub playbooks: Playbooks,
    /// True when the data dir's own file is in use.
    pub custom: bool,
    /// The data dir's file could not be used; the bundled playbooks are in use.
    pub problem: Option<FileProblem>,
}

pub fn bundled_playbooks() -> Playbooks {
    // Checked by a test; an empty set would fail validation loudly rather than crash.
    serde_json::from_str(BUNDLED_PLAYBOOKS).unwrap_or_else(|_| Playbooks {
        schema_version: PLAYBOOKS_SCHEMA_VERSION,
        playbooks: Default::default(),
    })
}

pub fn load_playbooks(dir: &DataDir) -> PlaybooksLoad {
    let path = dir.playbooks();
    let fallback = |problem| PlaybooksLoad {
        playbooks: bundled_playbooks(),
        custom: false,
        problem,
    };
    match read_bytes(&path) {
        Ok(None) => fallback(None),
        Ok(Some(bytes)) => match parse::<Playbooks>(&path, &bytes, PLAYBOOKS_SCHEMA_VERSION) {
            Ok(p) => match p.validate() {
                Ok(()) => PlaybooksLoad {
                    playbooks: p,
                    custom: true,
                    problem: None,
                },
                Err(why) => fallback(Some(FileProblem::Unreadable {
                    path,
                    message: why.to_string(),
                })),
            },
            Err(p) => fallback(Some(p)),
        },
        Err(p) => fallback(Some(p)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shiftdesk_core::Category;

    #[test]
    fn the_bundled_playbooks_are_complete() {
        let p: Playbooks = serde_json::from_str(BUNDLED_PLAYBOOKS).unwrap();
        p.validate().unwrap();
        for c in Category::ALL {
            let book = p.for_category(c).unwrap();
            let kinds: Vec<Option<&str>> = if book.kinds.is_empty() {
                vec![None]
            } else {
                book.kinds.iter().map(|k| Some(k.id.as_str())).collect()
            };
            for kind in kinds {
                let merged = book.for_kind(kind);
                for phase in shiftdesk_core::playbook::Phase::ALL {
                    assert!(
                        merged.phase(phase).len() >= 3,
                        "{c} {kind:?} {phase:?} has under 3 steps"
                    );
                }
                assert!(
                    merged.report.iter().any(|s| s.role.is_some()),
                    "{c} {kind:?}: a report step reports to the supervisor"
                );
            }
        }
        // The kinds the issue names, each with steps of its own.
        for (c, kinds) in [
            (
                Category::Security,
                &["lost_card", "misdirected_email", "misdirected_fax", "other"][..],
            ),
            (Category::EquipmentLoss, &["lost", "damaged"][..]),
            (
                Category::SystemOutage,
                &["with_failover", "no_failover"][..],
            ),
        ] {
            for kind in kinds {
                assert!(p.has_kind(c, kind), "{c} {kind}");
            }
        }
    }

    #[test]
    fn a_malformed_override_is_reported_and_the_bundled_set_used() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = DataDir::at(tmp.path());
        std::fs::write(
            dir.playbooks(),
            "{\n \"schema_version\": 1,\n \"playbooks\": [}",
        )
        .unwrap();
        let load = load_playbooks(&dir);
        assert!(!load.custom);
        let text = load.problem.unwrap().to_string();
        assert!(text.contains("playbooks.json:3:"), "{text}");
        assert_eq!(load.playbooks, bundled_playbooks());
    }

    #[test]
    fn a_valid_override_replaces_the_bundled_set() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = DataDir::at(tmp.path());
        let mut p = bundled_playbooks();
        p.playbooks.get_mut(&Category::Other).unwrap().report[1]
            .text
            .en = "Custom".into();
        std::fs::write(dir.playbooks(), serde_json::to_string(&p).unwrap()).unwrap();
        let load = load_playbooks(&dir);
        assert!(load.custom && load.problem.is_none());
        assert_eq!(
            load.playbooks.playbooks[&Category::Other].report[1].text.en,
            "Custom"
        );
    }
}
