//! Drill scenarios: the bundled ones, and a team's own in the data dir's `drills/` folder.

use super::json_file::{FileProblem, Versioned, parse, read_bytes};
use super::paths::DataDir;
use shiftdesk_core::drill::{SCENARIO_SCHEMA_VERSION, Scenario};
use std::path::{Path, PathBuf};

impl Versioned for Scenario {
    fn schema_version(&self) -> u64 {
        u64::from(self.schema_version)
    }
}

/// The scenarios that come with shiftdesk.
const BUNDLED: [(&str, &str); 5] = [
    (
        "network-failover",
        include_str!("../../../assets/drills/network-failover.json"),
    ),
    (
        "system-outage",
        include_str!("../../../assets/drills/system-outage.json"),
    ),
    (
        "misdirected-email",
        include_str!("../../../assets/drills/misdirected-email.json"),
    ),
    (
        "lost-id-card",
        include_str!("../../../assets/drills/lost-id-card.json"),
    ),
    (
        "lost-pc",
        include_str!("../../../assets/drills/lost-pc.json"),
    ),
];

/// A scenario, and the file it came from (None: bundled).
#[derive(Debug, Clone)]
pub struct Listed {
    pub scenario: Scenario,
    pub path: Option<PathBuf>,
}

/// Every scenario: the bundled ones, then the team's own (one with a bundled id takes its
/// place), and the problems of the team's files that could not be used.
pub struct Scenarios {
    pub list: Vec<Listed>,
    pub problems: Vec<FileProblem>,
}

impl Scenarios {
    pub fn find(&self, id: &str) -> Option<&Scenario> {
        self.list
            .iter()
            .map(|l| &l.scenario)
            .find(|s| s.id == id.trim())
    }
}

pub fn bundled() -> Vec<Scenario> {
    BUNDLED
        .iter()
        .filter_map(|(_, text)| serde_json::from_str(text).ok())
        .collect()
}

fn load_file(path: &Path) -> Result<Option<Scenario>, FileProblem> {
    let Some(bytes) = read_bytes(path)? else {
        return Ok(None);
    };
    let scenario: Scenario = parse(path, &bytes, SCENARIO_SCHEMA_VERSION)?;
    scenario
        .validate()
        .map_err(|message| FileProblem::Unreadable {
            path: path.to_path_buf(),
            message,
        })?;
    Ok(Some(scenario))
}

pub fn load_scenarios(dir: &DataDir) -> Scenarios {
    let mut list: Vec<Listed> = bundled()
        .into_iter()
        .map(|scenario| Listed {
            scenario,
            path: None,
        })
        .collect();
    let mut problems = Vec::new();
    let folder = dir.root().join("drills");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "json"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    for path in files {
        match load_file(&path) {
            Ok(Some(scenario)) => {
                list.retain(|l| l.scenario.id != scenario.id);
                list.push(Listed {
                    scenario,
                    path: Some(path),
                });
            }
            Ok(None) => {}
            Err(p) => problems.push(p),
        }
    }
    Scenarios { list, problems }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shiftdesk_core::Category;

    #[test]
    fn the_bundled_scenarios_all_load_and_validate() {
        let all = bundled();
        assert_eq!(all.len(), BUNDLED.len());
        for (s, (id, _)) in all.iter().zip(BUNDLED) {
            assert_eq!(s.id, id);
            s.validate().unwrap();
            assert!(s.injects.len() >= 3, "{id}");
            assert!(!s.readiness_checks.is_empty(), "{id}");
        }
        let failover = all.iter().find(|s| s.id == "network-failover").unwrap();
        assert_eq!(failover.incident.category, Category::SystemOutage);
        assert!(
            failover
                .readiness_checks
                .iter()
                .any(|c| c.id == "backup-powered")
        );
    }

    #[test]
    fn a_teams_own_scenarios_are_listed_and_bad_ones_reported_and_skipped() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = DataDir::at(tmp.path());
        let folder = tmp.path().join("drills");
        std::fs::create_dir(&folder).unwrap();
        let mut own = bundled().remove(0);
        own.id = "our-own".into();
        std::fs::write(
            folder.join("our-own.json"),
            serde_json::to_vec(&own).unwrap(),
        )
        .unwrap();
        std::fs::write(folder.join("broken.json"), "{\n  \"id\": \"x\",\n  oops\n}").unwrap();
        std::fs::write(folder.join("notes.txt"), "not a scenario").unwrap();
        let s = load_scenarios(&dir);
        assert_eq!(s.list.len(), BUNDLED.len() + 1);
        assert!(s.find("our-own").is_some());
        assert_eq!(s.problems.len(), 1);
        let text = s.problems[0].to_string();
        assert!(text.contains("broken.json:3:"), "{text}");
    }
}
