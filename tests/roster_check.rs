//! Roster check: the bundled sample passes, and each broken roster is caught at its place.

use shiftdesk_core::i18n::Lang;
use shiftdesk_core::roster::Roster;
use shiftdesk_core::roster::check::*;
use std::path::Path;

/// A broken fixture, the place of its error, and the kind expected there.
type Case = (&'static str, &'static str, fn(&ProblemKind) -> bool);

fn load(path: &Path) -> Roster {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path:?}: {e}"))
}

fn fixture(name: &str) -> Roster {
    load(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/rosters")
            .join(name),
    )
}

fn errors(problems: &[Problem]) -> Vec<&Problem> {
    problems
        .iter()
        .filter(|p| p.level == Level::Error)
        .collect()
}

fn assert_explained(p: &Problem) {
    for lang in [Lang::En, Lang::Ja] {
        assert!(!p.message(lang).trim().is_empty(), "{p:?} {lang:?}");
        assert!(!p.fix(lang).trim().is_empty(), "{p:?} {lang:?}");
    }
}

#[test]
fn the_bundled_sample_has_no_errors_only_the_sample_warning() {
    let roster = load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/roster.sample.json"));
    let problems = check(&roster);
    assert!(!has_errors(&problems), "{problems:#?}");
    assert!(
        problems
            .iter()
            .any(|p| p.place == "sample" && p.kind == ProblemKind::SampleRoster),
        "{problems:#?}"
    );
    problems.iter().for_each(assert_explained);
}

#[test]
fn the_ok_fixture_has_no_problems_at_all() {
    let roster = fixture("ok.json");
    assert_eq!(roster.schema_version, 1);
    assert_eq!(check(&roster), vec![]);
}

#[test]
fn each_broken_fixture_has_an_error_at_its_place() {
    let cases: [Case; 9] = [
        (
            "missing_contact.json",
            "routes[0].levels[1].contacts[0]",
            |k| matches!(k, ProblemKind::UnknownContact { contact, .. } if contact == "kato"),
        ),
        ("empty_level.json", "routes[0].levels[2].contacts", |k| {
            matches!(k, ProblemKind::EmptyLevel { level: 2, .. })
        }),
        (
            "zero_minutes.json",
            "routes[0].levels[0].report_within_minutes",
            |k| {
                matches!(
                    k,
                    ProblemKind::ZeroMinutes {
                        field: MinutesField::ReportWithin,
                        ..
                    }
                )
            },
        ),
        (
            "duplicate_in_route.json",
            "routes[0].levels[1].contacts[1]",
            |k| matches!(k, ProblemKind::DuplicateInRoute { first_level: 0, .. }),
        ),
        ("bad_phone.json", "contacts[1].phones[1].number", |k| {
            matches!(k, ProblemKind::BadPhone { .. })
        }),
        ("bad_email.json", "contacts[0].email", |k| {
            matches!(k, ProblemKind::BadEmail { .. })
        }),
        ("no_usable_means.json", "routes[1].levels[0]", |k| {
            matches!(k, ProblemKind::NoUsableMeans { .. })
        }),
        (
            "uncovered_category.json",
            "routes",
            |k| matches!(k, ProblemKind::Uncovered { severities, .. } if severities.len() == 2),
        ),
        ("duplicate_contact_id.json", "contacts[3].id", |k| {
            matches!(k, ProblemKind::DuplicateContactId { first: 1, .. })
        }),
    ];
    for (file, place, is_kind) in cases {
        let roster = fixture(file);
        assert_eq!(roster.schema_version, 1, "{file}");
        let problems = check(&roster);
        assert!(has_errors(&problems), "{file}: {problems:#?}");
        let found = errors(&problems)
            .into_iter()
            .find(|p| p.place == place)
            .unwrap_or_else(|| panic!("{file}: no error at {place}: {problems:#?}"));
        assert!(is_kind(&found.kind), "{file}: {found:#?}");
        // Each fixture breaks one thing only.
        assert!(
            problems.iter().all(|p| is_kind(&p.kind)),
            "{file}: {problems:#?}"
        );
        problems.iter().for_each(assert_explained);
    }
}
