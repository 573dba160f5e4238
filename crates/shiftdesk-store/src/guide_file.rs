//! The incident guide: the bundled one, or a team's own `guide.json` in the data dir. A
//! team's file that cannot be used is named (path, line and column) and the bundled guide is
//! used meanwhile, with a warning on screen.

use super::json_file::{FileProblem, Versioned, parse, read_bytes};
use super::paths::DataDir;
use shiftdesk_core::guide::{GUIDE_SCHEMA_VERSION, Guide};
use std::path::Path;

pub const BUNDLED_GUIDE: &str = include_str!("../../../assets/guide.json");

impl Versioned for Guide {
    fn schema_version(&self) -> u64 {
        u64::from(self.schema_version)
    }
}

#[derive(Debug)]
pub struct GuideLoad {
    pub guide: Guide,
    /// True when the data dir's own file is in use.
    pub custom: bool,
    /// The data dir's file could not be used; the bundled guide is in use.
    pub problem: Option<FileProblem>,
}

/// The bundled guide. Checked by a test, so it always reads.
pub fn bundled_guide() -> Guide {
    parse_guide(Path::new("assets/guide.json"), BUNDLED_GUIDE.as_bytes()).unwrap_or_else(|_| {
        Guide {
            schema_version: GUIDE_SCHEMA_VERSION,
            note: None,
            categories: Default::default(),
            scope: None,
            known_risks: Vec::new(),
            obligations: Vec::new(),
        }
    })
}

/// A guide file's bytes, read as a guide (its problems with line and column).
pub fn parse_guide(path: &Path, bytes: &[u8]) -> Result<Guide, FileProblem> {
    parse::<Guide>(path, bytes, GUIDE_SCHEMA_VERSION)
}

pub fn load_guide(dir: &DataDir) -> GuideLoad {
    let path = dir.guide();
    let fallback = |problem| GuideLoad {
        guide: bundled_guide(),
        custom: false,
        problem,
    };
    match read_bytes(&path) {
        Ok(None) => fallback(None),
        Ok(Some(bytes)) => match parse_guide(&path, &bytes) {
            Ok(guide) => GuideLoad {
                guide,
                custom: true,
                problem: None,
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
    fn the_bundled_guide_reads_and_checks_clean() {
        let guide = parse_guide(Path::new("assets/guide.json"), BUNDLED_GUIDE.as_bytes()).unwrap();
        let roster: shiftdesk_core::roster::Roster =
            serde_json::from_str(crate::roster_file::SAMPLE_ROSTER).unwrap();
        let books = crate::playbooks_file::bundled_playbooks();
        let problems = shiftdesk_core::guide::check(&guide, &roster, |c, k| books.has_kind(c, k));
        assert!(problems.is_empty(), "{problems:?}");
        for c in Category::ALL {
            assert!(guide.category(c).is_some(), "{c}");
        }
        assert!(guide.scope.is_some());
        assert!(!guide.known_risks.is_empty());
        assert!(
            guide.obligations.iter().all(|o| o.example),
            "the bundled ones are examples"
        );
    }

    #[test]
    fn a_bad_team_guide_is_named_and_the_bundled_one_used() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = DataDir::at(tmp.path());
        std::fs::write(
            dir.guide(),
            "{\"schema_version\": 1,\n \"categories\": {\"x\": 1}}",
        )
        .unwrap();
        let load = load_guide(&dir);
        assert!(!load.custom);
        let problem = load.problem.expect("named").to_string();
        assert!(problem.contains("guide.json:2:"), "{problem}");
        assert_eq!(load.guide, bundled_guide());
    }
}
