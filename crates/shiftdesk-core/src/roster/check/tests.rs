use super::*;
use serde_json::{Value, json};

/// A small roster with no problems: two contacts, a default route of two levels.
fn base() -> Value {
    json!({
        "schema_version": 1,
        "contacts": [
            { "id": "sato", "name": "佐藤", "phones": [{ "label": "mobile", "number": "090-0000-1101" }], "email": "sato@example.com" },
            { "id": "kimura", "name": "木村", "phones": [{ "label": "office", "number": "03-0000-1102" }] }
        ],
        "routes": [
            { "id": "default", "category": null, "min_severity": 4, "levels": [
                { "contacts": ["sato"], "means": "phone", "report_within_minutes": 15, "escalate_after_minutes": 5 },
                { "contacts": ["kimura"], "means": "phone", "report_within_minutes": 10, "escalate_after_minutes": 10 }
            ]}
        ]
    })
}

fn run(v: Value) -> Vec<Problem> {
    let roster: Roster = serde_json::from_value(v).unwrap();
    check(&roster)
}

fn places(problems: &[Problem]) -> Vec<(&str, Level)> {
    problems
        .iter()
        .map(|p| (p.place.as_str(), p.level))
        .collect()
}

fn only(problems: &[Problem]) -> &Problem {
    assert_eq!(problems.len(), 1, "{problems:#?}");
    &problems[0]
}

#[test]
fn a_clean_roster_has_no_problems() {
    assert_eq!(run(base()), vec![]);
}

#[test]
fn uncovered_categories_are_listed_with_their_severities() {
    let mut v = base();
    v["routes"][0]["category"] = json!("operational.system_outage");
    v["routes"][0]["min_severity"] = json!(2);
    let problems = run(v);
    assert_eq!(problems.len(), Category::ALL.len());
    assert!(problems.iter().all(|p| p.place == "routes" && p.is_error()));
    let outage = problems
        .iter()
        .find(|p| {
            matches!(
                p.kind,
                ProblemKind::Uncovered {
                    category: Category::SystemOutage,
                    ..
                }
            )
        })
        .unwrap();
    assert_eq!(
        outage.kind,
        ProblemKind::Uncovered {
            category: Category::SystemOutage,
            severities: vec![Severity::MEDIUM, Severity::MINOR],
            default_reaches: None,
        }
    );
    assert!(outage.fix(Lang::En).contains("no default route"));
    assert!(outage.fix(Lang::Ja).contains("標準ルート"));
}

#[test]
fn a_default_route_that_stops_short_is_named_in_the_fix() {
    let mut v = base();
    v["routes"][0]["min_severity"] = json!(2);
    let problems = run(v);
    assert_eq!(problems.len(), 8);
    assert!(problems[0].fix(Lang::En).contains("severity 1 to 2"));
}

#[test]
fn routes_need_levels_and_levels_need_contacts() {
    let mut v = base();
    v["routes"][0]["levels"][1]["contacts"] = json!([]);
    v["routes"].as_array_mut().unwrap().push(json!({
        "id": "empty", "category": "team.security", "min_severity": 4, "levels": []
    }));
    v["routes"][0]["levels"][0]["contacts"] = json!(["sato", "kimura"]);
    let problems = run(v);
    assert_eq!(
        places(&problems),
        vec![
            ("routes[0].levels[1].contacts", Level::Error),
            ("routes[1].levels", Level::Error),
        ]
    );
}

#[test]
fn unknown_contact_ids_are_errors_at_their_place() {
    let mut v = base();
    v["routes"][0]["levels"][1]["contacts"] = json!(["kimura", "kato"]);
    let p = only(&run(v)).clone();
    assert_eq!(p.place, "routes[0].levels[1].contacts[1]");
    assert!(
        p.fix(Lang::En)
            .contains("Add a contact with id \"kato\" to contacts")
    );
    assert!(p.message(Lang::Ja).contains("「kato」"));
}

#[test]
fn a_level_nobody_can_be_reached_on_is_an_error() {
    let mut v = base();
    // kimura has a phone but no email.
    v["routes"][0]["levels"][1]["means"] = json!("email");
    let problems = run(v.clone());
    let p = only(&problems);
    assert_eq!(p.place, "routes[0].levels[1]");
    assert_eq!(
        p.kind,
        ProblemKind::NoUsableMeans {
            route: "default".into(),
            level: 1,
            means: Means::Email
        }
    );
    // Chat takes a phone number as well as an address.
    v["routes"][0]["levels"][1]["means"] = json!("chat");
    assert_eq!(run(v), vec![]);
}

#[test]
fn a_bad_phone_does_not_make_a_level_usable() {
    let mut v = base();
    v["contacts"][1]["phones"][0]["number"] = json!("call the desk");
    assert_eq!(
        places(&run(v)),
        vec![
            ("contacts[1].phones[0].number", Level::Error),
            ("routes[0].levels[1]", Level::Error),
        ]
    );
}

#[test]
fn zero_minutes_are_errors() {
    let mut v = base();
    v["routes"][0]["levels"][0]["report_within_minutes"] = json!(0);
    v["routes"][0]["levels"][1]["escalate_after_minutes"] = json!(0);
    assert_eq!(
        places(&run(v)),
        vec![
            ("routes[0].levels[0].report_within_minutes", Level::Error),
            ("routes[0].levels[1].escalate_after_minutes", Level::Error),
        ]
    );
}

#[test]
fn a_contact_twice_in_a_route_is_an_error_at_the_second() {
    let mut v = base();
    v["routes"][0]["levels"][1]["contacts"] = json!(["kimura", "sato"]);
    let p = only(&run(v.clone())).clone();
    assert_eq!(p.place, "routes[0].levels[1].contacts[1]");
    assert!(p.message(Lang::En).contains("already in level 1"));
    v["routes"][0]["levels"][1]["contacts"] = json!(["kimura", "kimura"]);
    let p = only(&run(v)).clone();
    assert_eq!(p.place, "routes[0].levels[1].contacts[1]");
    assert!(p.message(Lang::En).contains("twice in level 2"));
}

#[test]
fn contact_ids_names_and_a_way_to_reach_are_required() {
    let mut v = base();
    v["contacts"].as_array_mut().unwrap().extend([
        json!({ "id": "sato", "name": "Sato again", "email": "s2@example.com" }),
        json!({ "id": "", "name": "No Id", "email": "noid@example.com" }),
        json!({ "id": "ghost", "name": " " }),
    ]);
    v["routes"][0]["levels"][1]["contacts"] = json!(["kimura", "ghost"]);
    assert_eq!(
        places(&run(v)),
        vec![
            ("contacts[2].id", Level::Error),
            ("contacts[3].id", Level::Error),
            ("contacts[4].name", Level::Error),
            ("contacts[4]", Level::Error),
        ]
    );
}

#[test]
fn phone_numbers_are_judged_by_their_digits() {
    for ok in [
        "090-0000-1101",
        "03-0000-1101",
        "+81 90 0000 1101",
        "(03) 0000.1101",
        "０９０－００００－１１０１",
        "123456",
    ] {
        assert!(is_plausible_phone(ok), "{ok}");
    }
    for bad in [
        "",
        "12345",
        "1234567890123456",
        "090-0000-110x",
        "++81 90 0000 1101",
        "090\u{1b}0000",
        "ext. 42",
    ] {
        assert!(!is_plausible_phone(bad), "{bad}");
    }
}

#[test]
fn email_addresses_need_one_at_and_a_dotted_domain() {
    for ok in ["a@example.com", "hanako.sato@mail.example.jp"] {
        assert!(is_plausible_email(ok), "{ok}");
    }
    for bad in [
        "example.com",
        "@example.com",
        "a@b@example.com",
        "a@localhost",
        "a@example.",
        "a b@example.com",
        "a@exa\u{7}mple.com",
    ] {
        assert!(!is_plausible_email(bad), "{bad}");
    }
    let mut v = base();
    v["contacts"][0]["email"] = json!("sato at example.com");
    let p = only(&run(v)).clone();
    assert_eq!(p.place, "contacts[0].email");
}

#[test]
fn an_empty_email_is_not_checked() {
    let mut v = base();
    v["contacts"][0]["email"] = json!("");
    assert_eq!(run(v), vec![]);
}

#[test]
fn a_second_route_with_the_same_category_and_threshold_is_a_warning() {
    let mut v = base();
    let copy = v["routes"][0].clone();
    v["routes"].as_array_mut().unwrap().push(copy);
    v["routes"][1]["id"] = json!("default-2");
    let p = only(&run(v)).clone();
    assert_eq!((p.place.as_str(), p.level), ("routes[1]", Level::Warning));
    assert!(p.message(Lang::En).contains("\"default\""));
}

#[test]
fn duplicate_route_ids_are_errors() {
    let mut v = base();
    v["routes"].as_array_mut().unwrap().push(json!({
        "id": "default", "category": "team.security", "min_severity": 4, "levels": [
            { "contacts": ["sato"], "means": "phone", "report_within_minutes": 5, "escalate_after_minutes": 5 }
        ]
    }));
    let p = only(&run(v)).clone();
    assert_eq!((p.place.as_str(), p.level), ("routes[1].id", Level::Error));
}

#[test]
fn odd_cadence_keys_and_zero_minutes_are_warnings() {
    let mut v = base();
    v["update_cadence_minutes"] = json!({ "1": 30, "2": 0, "5": 10, "critical": 5 });
    assert_eq!(
        places(&run(v)),
        vec![
            ("update_cadence_minutes.2", Level::Warning),
            ("update_cadence_minutes.5", Level::Warning),
            ("update_cadence_minutes.critical", Level::Warning),
        ]
    );
}

#[test]
fn unavailability_is_not_judged_without_a_clock() {
    let mut v = base();
    v["contacts"][0]["unavailable"] = json!({ "until": "2000-01-01T00:00:00Z" });
    assert_eq!(run(v), vec![]);
}

#[test]
fn a_contact_on_no_route_is_a_warning() {
    let mut v = base();
    v["contacts"].as_array_mut().unwrap().push(json!({
        "id": "yamada", "name": "山田", "email": "yamada@example.com"
    }));
    let p = only(&run(v)).clone();
    assert_eq!((p.place.as_str(), p.level), ("contacts[2]", Level::Warning));
}

#[test]
fn the_sample_mark_is_a_warning() {
    let mut v = base();
    v["sample"] = json!(true);
    let problems = run(v);
    let p = only(&problems);
    assert_eq!((p.place.as_str(), p.level), ("sample", Level::Warning));
    assert!(!has_errors(&problems));
    assert!(p.message(Lang::En).contains("fictional"));
}

#[test]
fn problems_come_in_file_order() {
    let mut v = base();
    v["sample"] = json!(true);
    v["update_cadence_minutes"] = json!({ "9": 1 });
    v["routes"][0]["min_severity"] = json!(3);
    v["routes"][0]["levels"][0]["contacts"] = json!(["sato", "nobody"]);
    v["contacts"][1]["email"] = json!("bad");
    let problems = run(v);
    let order: Vec<&str> = problems.iter().map(|p| p.place.as_str()).collect();
    assert_eq!(order.first(), Some(&"contacts[1].email"));
    assert_eq!(order[1], "routes[0].levels[0].contacts[1]");
    assert!(order[2..10].iter().all(|p| *p == "routes"));
    assert_eq!(&order[10..], ["update_cadence_minutes.9", "sample"]);
    assert!(has_errors(&problems));
}

#[test]
fn roster_text_is_made_safe_in_messages() {
    let mut v = base();
    v["routes"][0]["levels"][0]["contacts"] = json!(["sato", "ka\u{1b}[2Jto\u{202E}"]);
    let p = only(&run(v)).clone();
    for lang in [Lang::En, Lang::Ja] {
        for text in [p.message(lang), p.fix(lang)] {
            assert!(!text.chars().any(crate::text::is_unsafe), "{text:?}");
        }
    }
}

#[test]
fn every_kind_speaks_both_languages() {
    let kinds = vec![
        ProblemKind::ContactIdEmpty {
            contact: "#1".into(),
        },
        ProblemKind::DuplicateContactId {
            id: "a".into(),
            first: 0,
        },
        ProblemKind::ContactNameEmpty {
            contact: "a".into(),
        },
        ProblemKind::NoWayToReach {
            contact: "a".into(),
        },
        ProblemKind::BadPhone {
            contact: "a".into(),
            number: "x".into(),
        },
        ProblemKind::BadEmail {
            contact: "a".into(),
            email: "x".into(),
        },
        ProblemKind::UnusedContact {
            contact: "a".into(),
        },
        ProblemKind::DuplicateRouteId {
            id: "r".into(),
            first: 0,
        },
        ProblemKind::ShadowedRoute {
            route: "r2".into(),
            earlier: "r".into(),
            category: None,
            min_severity: Severity::MINOR,
        },
        ProblemKind::NoLevels { route: "r".into() },
        ProblemKind::EmptyLevel {
            route: "r".into(),
            level: 0,
        },
        ProblemKind::UnknownContact {
            route: "r".into(),
            level: 0,
            contact: "k".into(),
        },
        ProblemKind::DuplicateInRoute {
            route: "r".into(),
            level: 1,
            contact: "k".into(),
            first_level: 0,
        },
        ProblemKind::NoUsableMeans {
            route: "r".into(),
            level: 0,
            means: Means::Chat,
        },
        ProblemKind::ZeroMinutes {
            route: "r".into(),
            level: 0,
            field: MinutesField::EscalateAfter,
        },
        ProblemKind::Uncovered {
            category: Category::Other,
            severities: vec![Severity::MINOR],
            default_reaches: Some(Severity::MEDIUM),
        },
        ProblemKind::CadenceUnknownKey { key: "x".into() },
        ProblemKind::CadenceZero { key: "3".into() },
        ProblemKind::SampleRoster,
    ];
    for kind in kinds {
        let p = Problem::new("x".into(), kind);
        let texts = [
            p.message(Lang::En),
            p.fix(Lang::En),
            p.message(Lang::Ja),
            p.fix(Lang::Ja),
        ];
        assert!(texts.iter().all(|t| !t.trim().is_empty()), "{p:?}");
        assert_ne!(texts[0], texts[2], "{p:?}");
    }
}

#[test]
fn rotations_are_checked_with_their_places() {
    use crate::i18n::Lang;
    let mut roster: Roster = serde_json::from_value(serde_json::json!({
        "schema_version": 1,
        "contacts": [{"id": "a", "name": "A", "phones": [{"label": "mobile", "number": "090-0000-0001"}]}],
        "routes": [{"id": "r", "min_severity": 4, "levels": [
            {"rotation": "ghost", "means": "phone", "report_within_minutes": 5, "escalate_after_minutes": 5}
        ]}],
        "rotations": [
            {"id": "night", "people": ["a", "nobody"], "zone": "Asia/Tokyo", "start": "2026-04-01 20:00",
             "shift_hours": 0,
             "overrides": [
                {"from": "2026-05-01 20:00", "until": "2026-05-02 08:00", "person": "a"},
                {"from": "2026-05-02 00:00", "until": "2026-05-02 10:00", "person": "a"},
                {"from": "2026-05-03 10:00", "until": "2026-05-03 08:00", "person": "a"}
             ]},
            {"id": "empty", "zone": "UTC", "start": "2026-04-01 08:00"}
        ]
    }))
    .unwrap();
    roster.sample = false;
    let problems = check(&roster);
    let at = |place: &str| {
        problems
            .iter()
            .find(|p| p.place == place)
            .unwrap_or_else(|| panic!("nothing at {place}: {problems:#?}"))
    };
    assert!(
        at("rotations[0].people[1]")
            .message(Lang::En)
            .contains("\"nobody\"")
    );
    assert!(at("rotations[0].shift_hours").is_error());
    assert!(!at("rotations[0].overrides[1]").is_error());
    assert!(at("rotations[0].overrides[2].until").is_error());
    assert!(at("rotations[1].people").is_error());
    assert!(
        at("rotations[1]")
            .message(Lang::Ja)
            .contains("シフトがありません")
    );
    assert!(
        at("routes[0].levels[0].rotation")
            .message(Lang::En)
            .contains("ghost")
    );
    // A level with a rotation and no fixed contacts is not an empty level.
    assert!(
        !problems
            .iter()
            .any(|p| p.place == "routes[0].levels[0].contacts")
    );
}
