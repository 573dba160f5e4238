use super::*;
use crate::clock::Zone;
use crate::i18n::Lang;
use crate::test_fixtures::{bundled_guide, incident_at, t};

fn tokyo() -> Zone {
    Zone::Named(chrono_tz::Asia::Tokyo)
}

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

#[test]
fn the_days_left_turn_at_midnight_in_the_operators_zone() {
    // Learned at 23:50 in Tokyo (14:50 UTC), due five days later at 23:50.
    let due = at("2026-11-29T14:50:00Z") + Duration::days(5);
    let zone = tokyo();
    let words = |now: &str, lang| days_words(due, lang, &zone, at(now));
    // 23:55 in Tokyo: five days left; ten minutes later it is the 30th there, four left.
    assert_eq!(
        days_left(due, at("2026-11-29T14:55:00Z"), &zone),
        DaysLeft::Left(5)
    );
    assert_eq!(
        days_left(due, at("2026-11-29T15:05:00Z"), &zone),
        DaysLeft::Left(4)
    );
    // In UTC the same moment is still the 29th: the operator's zone decides.
    let utc = Zone::Named(chrono_tz::UTC);
    assert_eq!(
        days_left(due, at("2026-11-29T15:05:00Z"), &utc),
        DaysLeft::Left(5)
    );
    assert_eq!(
        words("2026-11-29T14:55:00Z", Lang::En),
        ("5 days left (due 12-04 23:50)".to_string(), false)
    );
    assert_eq!(
        words("2026-11-29T15:05:00Z", Lang::Ja),
        ("残り4日(12-04 23:50 期限)".to_string(), false)
    );
    assert_eq!(
        words("2026-12-03T10:00:00Z", Lang::En).0,
        "1 day left (due 12-04 23:50)"
    );
    // The due day, before and after the hour.
    assert_eq!(
        words("2026-12-04T01:00:00Z", Lang::En),
        ("due today 23:50".to_string(), false)
    );
    assert_eq!(
        words("2026-12-04T14:55:00Z", Lang::En),
        ("OVERDUE since 23:50".to_string(), true)
    );
    // After midnight the day after: a day over.
    assert_eq!(
        words("2026-12-04T15:05:00Z", Lang::En),
        ("OVERDUE 1 day (due 12-04 23:50)".to_string(), true)
    );
    assert_eq!(
        words("2026-12-05T15:05:00Z", Lang::Ja),
        ("期限超過 2日(12-04 23:50 期限)".to_string(), true)
    );
    assert_eq!(
        left_words(due, Lang::En, &zone, at("2026-12-05T15:05:00Z")).0,
        "OVERDUE 2 days"
    );
}

#[test]
fn pressing_means_due_within_a_day_or_overdue() {
    let due = at("2026-12-04T14:50:00Z");
    assert!(!is_pressing(due, due - Duration::hours(25)));
    assert!(is_pressing(due, due - Duration::hours(24)));
    assert!(is_pressing(due, due + Duration::days(3)));
}

#[test]
fn the_bundled_guide_asks_about_personal_information_for_a_misdirected_email_only() {
    let guide = bundled_guide();
    let asked = conditions_for(&guide, Category::Security, Some("misdirected_email"));
    assert_eq!(asked.len(), 1, "{asked:?}");
    assert_eq!(asked[0].id, "personal-info");
    let ids: Vec<&str> = asked[0].obligations.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "ppc-preliminary-report",
            "ppc-final-report",
            "notify-affected-people"
        ]
    );
    assert!(asked[0].obligations.iter().all(|o| o.example));
    // A lost card, an outage, an incident of before kinds: nothing to ask.
    assert!(conditions_for(&guide, Category::Security, Some("lost_card")).is_empty());
    assert!(conditions_for(&guide, Category::Security, None).is_empty());
    assert!(conditions_for(&guide, Category::SystemOutage, None).is_empty());
}

#[test]
fn an_obligation_counts_from_detection_or_from_when_the_team_learned_of_it() {
    let guide = bundled_guide();
    let rule = &guide.obligations[0];
    let mut terms = ObligationTerms::of(rule);
    assert_eq!(terms.counted_from, CountedFrom::Learned);
    let o = terms.obligation("personal-info", t("01:00"), t("05:00"));
    assert_eq!(
        (o.from, o.due),
        (t("05:00"), t("05:00") + Duration::days(5))
    );
    terms.counted_from = CountedFrom::Detected;
    let o = terms.obligation("personal-info", t("01:00"), t("05:00"));
    assert_eq!(
        (o.from, o.due),
        (t("01:00"), t("01:00") + Duration::days(5))
    );
    assert_eq!(o.what.en, rule.what.en);
    assert_eq!(o.to.ja, rule.to.ja);
}

#[test]
fn an_incident_written_before_obligations_reads_and_writes_unchanged() {
    let inc = incident_at("10:00");
    let written = serde_json::to_string_pretty(&inc).unwrap();
    for field in ["conditions", "obligations", "scope_decisions", "\"about\""] {
        assert!(!written.contains(field), "{field} in {written}");
    }
    let read: crate::Incident = serde_json::from_str(&written).unwrap();
    assert!(read.obligations.is_empty() && read.scope_decisions.is_empty());
    assert_eq!(serde_json::to_string_pretty(&read).unwrap(), written);
}

#[test]
fn an_obligation_and_a_decision_read_back_as_written_keeping_what_this_version_does_not_know() {
    let guide = bundled_guide();
    let mut o = ObligationTerms::of(&guide.obligations[0]).obligation(
        "personal-info",
        t("01:00"),
        t("05:00"),
    );
    o.extra.insert("later".into(), serde_json::json!(1));
    let json = serde_json::to_string(&o).unwrap();
    assert!(
        json.contains("\"counted_from\":\"learned\"") && json.contains("\"later\":1"),
        "{json}"
    );
    assert!(
        !json.contains("\"done\"") && !json.contains("withdrawn"),
        "{json}"
    );
    let back: Obligation = serde_json::from_str(&json).unwrap();
    assert_eq!(back, o);
    let d: crate::decision::ScopeDecision = serde_json::from_value(serde_json::json!({
        "at": "2026-11-29T05:00:00Z", "by": "yamada",
        "request": {"id": "accounts-and-access", "request": {"ja": "a", "en": "A"}, "rule": {"ja": "r", "en": "R"}},
        "outcome": {"decision": "forwarded", "to": {"kind": "contact", "contact": "watanabe-yui", "name": "渡辺 結衣"}},
        "later": true
    }))
    .unwrap();
    assert!(matches!(
        d.outcome,
        crate::decision::DecisionOutcome::Forwarded { .. }
    ));
    let again = serde_json::to_value(&d).unwrap();
    assert_eq!(again["later"], serde_json::json!(true));
    assert_eq!(again["outcome"]["to"]["name"], "渡辺 結衣");
}
