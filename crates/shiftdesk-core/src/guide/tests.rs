use super::*;
use crate::i18n::Lang;
use crate::test_fixtures::bundled_playbooks;

fn text(en: &str) -> serde_json::Value {
    serde_json::json!({"ja": format!("{en}(日本語)"), "en": en})
}

fn category() -> serde_json::Value {
    serde_json::json!({
        "definition": text("What it is"),
        "summary": text("In a line"),
        "examples": [text("An example")],
        "boundaries": [text("Not this")],
        "severity": {"1": text("worst"), "2": text("bad"), "3": text("some"), "4": text("little")}
    })
}

fn guide() -> serde_json::Value {
    let mut categories = serde_json::Map::new();
    for c in Category::ALL {
        categories.insert(c.id().into(), category());
    }
    serde_json::json!({
        "schema_version": 1,
        "categories": categories,
        "scope": {
            "handles": [text("Monitoring")],
            "does_not_handle": [
                {"id": "pc-repair", "request": text("Repair a PC"),
                 "forward_to": {"contact": "sato-hanako"}, "rule": text("We do not repair")},
                {"id": "new-account", "request": text("A new account"),
                 "forward_to": {"team": text("Accounts desk"), "how": text("ext. 1234")},
                 "rule": text("Accounts are not ours")}
            ]
        },
        "known_risks": [
            {"id": "own-phone", "risk": text("Calling a customer from a personal phone"),
             "handling": text("Use the desk phone"), "agreed_by": "shift leaders",
             "agreed_on": "2026-10-01"}
        ],
        "obligations": [
            {"id": "ppc-preliminary", "category": "team.security", "kinds": ["misdirected_email"],
             "what": text("Preliminary report"), "to": text("The commission"), "within_days": 5,
             "counted_from": "learned",
             "condition": {"id": "personal-info", "question": text("Personal information?")},
             "example": true}
        ]
    })
}

fn roster() -> Roster {
    serde_json::from_value(serde_json::json!({
        "schema_version": 1,
        "contacts": [{"id": "sato-hanako", "name": "佐藤 花子"}],
        "routes": []
    }))
    .unwrap()
}

use crate::roster::Roster;

#[test]
fn a_guide_reads_and_says_what_each_severity_means() {
    let g: Guide = serde_json::from_value(guide()).unwrap();
    let meaning = g
        .severity_meaning(Category::OperationMistake, Severity::HIGH)
        .unwrap();
    assert_eq!(meaning.get(Lang::En), "bad");
    assert!(check(&g, &roster(), |_, k| k == "misdirected_email").is_empty());
    assert_eq!(
        g.obligations_for(Category::Security, Some("misdirected_email"))
            .count(),
        1
    );
    assert_eq!(
        g.obligations_for(Category::Security, Some("lost_card"))
            .count(),
        0
    );
    assert_eq!(g.risks_matching("PERSONAL phone").count(), 1);
    assert_eq!(g.risks_matching("日本語 desk").count(), 1);
    assert_eq!(g.risks_matching("fax").count(), 0);
}

/// The error serde_json gives for a guide with `edit` applied, with its line and column.
fn error_of(edit: impl Fn(&mut serde_json::Value)) -> (String, usize) {
    let mut v = guide();
    edit(&mut v);
    let text = serde_json::to_string_pretty(&v).unwrap();
    let e = serde_json::from_str::<Guide>(&text).unwrap_err();
    (e.to_string(), e.line())
}

#[test]
fn a_bad_guide_is_named_with_its_line() {
    let (e, line) = error_of(|v| v["categories"]["other"]["severity"]["3"]["ja"] = "  ".into());
    assert!(e.contains("ja text is empty"), "{e}");
    assert!(line > 1, "{e}");
    let (e, _) = error_of(|v| {
        v["categories"]["other"]["severity"]
            .as_object_mut()
            .unwrap()
            .remove("4");
    });
    assert!(e.contains("severity 4 is not described"), "{e}");
    let (e, _) = error_of(|v| v["categories"]["other"]["severity"]["7"] = text("x"));
    assert!(e.contains("severity must be 1, 2, 3 or 4"), "{e}");
    let (e, _) = error_of(|v| v["categories"]["team.coffee"] = category());
    assert!(e.contains("unknown variant"), "{e}");
    let (e, _) = error_of(|v| v["categories"]["other"]["exmaples"] = serde_json::json!([]));
    assert!(e.contains("unknown field `exmaples`"), "{e}");
    let (e, _) = error_of(|v| {
        v["scope"]["does_not_handle"][0]["forward_to"] =
            serde_json::json!({"contact": "x", "team": text("y")})
    });
    assert!(e.contains("one of the two"), "{e}");
    let (e, _) = error_of(|v| v["known_risks"][0]["agreed_on"] = "2026-13-01".into());
    assert!(e.contains("month") || e.contains("input"), "{e}");
    let (e, _) = error_of(|v| v["categories"]["other"]["summary"]["en"] = "bell\u{7}".into());
    assert!(e.contains("U+0007"), "{e}");
}

#[test]
fn what_needs_the_roster_and_the_playbooks_is_checked_with_its_place() {
    let mut v = guide();
    v["scope"]["does_not_handle"][0]["forward_to"]["contact"] = "nobody".into();
    v["scope"]["does_not_handle"][1]["id"] = "pc-repair".into();
    v["known_risks"][0]["agreed_by"] = " ".into();
    v["obligations"][0]["within_days"] = 0.into();
    v["categories"]
        .as_object_mut()
        .unwrap()
        .remove("team.security");
    let g: Guide = serde_json::from_value(v).unwrap();
    let problems: Vec<String> = check(&g, &roster(), |_, _| false)
        .iter()
        .map(|p| p.message(Lang::En))
        .collect();
    let expected = [
        "categories: no guide for the category team.security",
        "scope.does_not_handle[1].id: the id \"pc-repair\" is used twice",
        "scope.does_not_handle[0].forward_to.contact: no contact \"nobody\" in the roster",
        "known_risks[0].agreed_by: say who agreed the handling",
        "obligations[0].within_days: within_days must be 1 to 366, not 0",
        "obligations[0].kinds[0]: the category team.security has no kind \"misdirected_email\"",
    ];
    assert_eq!(problems, expected);
}

#[test]
fn the_guide_prints_in_either_language_with_where_requests_go() {
    let g: Guide = serde_json::from_value(guide()).unwrap();
    let en = guide_text(
        &g,
        Some(Category::OutOfScope),
        &roster(),
        &bundled_playbooks(),
        Lang::En,
    );
    for expected in [
        "Out-of-scope request (operational.out_of_scope)",
        "  What it is",
        "    - An example",
        "    1 Critical: worst",
        "    - Repair a PC",
        "      forward to: 佐藤 花子",
        "      forward to: Accounts desk — ext. 1234",
        "      rule: We do not repair",
    ] {
        assert!(en.contains(expected), "{expected:?} in\n{en}");
    }
    assert!(!en.contains("Known risks"), "one category: no risks\n{en}");
    assert!(!en.contains("Kinds"), "out of scope has no kinds\n{en}");
    let ja = guide_text(&g, None, &roster(), &bundled_playbooks(), Lang::Ja);
    for expected in [
        "対応範囲外の依頼 (operational.out_of_scope)",
        "    1 重大: worst(日本語)",
        "Preliminary report(日本語)(The commission(日本語)へ、把握から 5 日以内)",
        "(例です。",
        "規程にないリスクと合意した対応",
        "2026-10-01 shift leaders 合意",
        "  種別(それぞれ固有の手順あり):",
        "    - メールの誤送信(misdirected_email)",
    ] {
        assert!(ja.contains(expected), "{expected:?} in\n{ja}");
    }
    let risks = risks_text(&g, "phone", Lang::En);
    assert!(risks.contains("Use the desk phone"), "{risks}");
    assert!(risks_text(&g, "fax", Lang::En).is_empty());
}

#[test]
fn text_from_the_file_is_made_safe_to_print() {
    let mut v = guide();
    v["categories"]["other"]["definition"]["en"] = "Line one\nline two".into();
    let g: Guide = serde_json::from_value(v.clone()).unwrap();
    let text = guide_text(
        &g,
        Some(Category::Other),
        &roster(),
        &bundled_playbooks(),
        Lang::En,
    );
    assert!(text.contains("  Line one line two\n"), "{text}");
    // A bidi override is refused as the file is read, not printed.
    v["categories"]["other"]["definition"]["en"] = "evil \u{202e}txt.exe".into();
    let e = serde_json::from_value::<Guide>(v).unwrap_err().to_string();
    assert!(e.contains("U+202E"), "{e}");
}
