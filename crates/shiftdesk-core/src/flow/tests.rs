//! The fingerprint (formatting and key order change nothing; a number changes it), the
//! file's records, and where the flow stands.

use super::*;
use crate::change::Stamped;
use crate::test_fixtures::{bundled_guide, bundled_playbooks, t};
use proptest::prelude::*;
use serde_json::Value;

pub(super) const SAMPLE: &str = include_str!("../../../../assets/roster.sample.json");

pub(super) fn sample() -> Roster {
    serde_json::from_str(SAMPLE).unwrap()
}

pub(super) fn flow_of(roster: &Roster) -> FlowSnapshot {
    FlowSnapshot::of(
        roster,
        (&bundled_playbooks(), false),
        (&bundled_guide(), false),
    )
}

pub(super) fn entry(entry: FlowEntry, by: &str, at: &str, n: u8) -> Stamped<FlowEntry> {
    Stamped::new(entry, t(at), by, "desk-a", [n; 10])
}

fn sign(file: &mut FlowFile, flow: &FlowSnapshot, by: &str, at: &str, n: u8) {
    use crate::apply::Apply;
    let e = FlowEntry::SignOff {
        note: "checked with the leads".into(),
        flow: Box::new(flow.clone()),
    };
    assert_eq!(entry(e, by, at, n).apply(file), Ok(FlowApplied::Signed));
}

fn acknowledge(file: &mut FlowFile, flow: &FlowSnapshot, by: &str, at: &str, n: u8) -> FlowApplied {
    use crate::apply::Apply;
    let e = FlowEntry::Acknowledge {
        flow: Box::new(flow.clone()),
    };
    entry(e, by, at, n).apply(file).unwrap()
}

/// The value with every object's keys in the reverse of their order (or shuffled by
/// `seed`), written pretty or compact.
fn reordered(v: &Value, seed: u64) -> Value {
    match v {
        Value::Object(m) => {
            let mut entries: Vec<(&String, &Value)> = m.iter().collect();
            let n = entries.len().max(1);
            entries.rotate_left((seed as usize) % n);
            if seed % 2 == 1 {
                entries.reverse();
            }
            let mut out = serde_json::Map::new();
            for (k, v) in entries {
                out.insert(k.clone(), reordered(v, seed / 2 + 1));
            }
            Value::Object(out)
        }
        Value::Array(a) => Value::Array(a.iter().map(|x| reordered(x, seed)).collect()),
        other => other.clone(),
    }
}

#[test]
fn the_fingerprint_is_a_sha256_over_the_canonical_flow() {
    let flow = flow_of(&sample());
    let fp = flow.fingerprint();
    assert_eq!(fp.len(), 64);
    assert!(
        fp.bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
    );
    assert_eq!(short(&fp).len(), 12);
    // Known value of the canonical form.
    assert_eq!(
        digest("abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}

#[test]
fn an_away_mark_is_lived_not_agreed() {
    let mut roster = sample();
    let before = flow_of(&roster).fingerprint();
    roster.contacts[0].unavailable = Some(crate::roster::Unavailable {
        until: None,
        reason: "sick".into(),
        extra: Default::default(),
    });
    assert_eq!(flow_of(&roster).fingerprint(), before);
    // The contacts' order in the file is no part of the agreement either.
    roster.contacts.reverse();
    assert_eq!(flow_of(&roster).fingerprint(), before);
}

#[test]
fn whatever_else_roster_json_holds_is_in_the_flow() {
    let before = flow_of(&sample()).fingerprint();
    let mut value: Value = serde_json::from_str(SAMPLE).unwrap();
    value["rotations"] = serde_json::json!([{
        "id": "night", "people": ["sato-hanako"], "zone": "Asia/Tokyo",
        "start": "2026-01-05 20:00", "shift_hours": 24
    }]);
    let roster: Roster = serde_json::from_value(value).unwrap();
    let flow = flow_of(&roster);
    assert_ne!(flow.fingerprint(), before);
    let diff = differences(&flow_of(&sample()), &flow);
    assert_eq!(
        diff,
        vec![Difference::RosterSetting {
            key: "rotations".into()
        }]
    );
    assert_eq!(
        diff[0].words(crate::i18n::Lang::En),
        "roster.json: rotations changed"
    );
}

#[test]
fn a_sign_off_keeps_the_flow_and_acknowledgements_are_per_operator() {
    let flow = flow_of(&sample());
    let fp = flow.fingerprint();
    let mut file = FlowFile::default();
    assert!(
        roll_out_for(&file, "yamada", &flow, &fp).is_none(),
        "nothing agreed yet"
    );
    sign(&mut file, &flow, "田中 良子", "09:00", 1);
    assert_eq!(file.version(&fp), Some(flow.clone()));
    // Never acknowledged: the signed flow is rolled out, with nothing changed since.
    let roll = roll_out_for(&file, "yamada", &flow, &fp).unwrap();
    assert_eq!(roll.changed, Changed::No);
    assert!(matches!(roll.basis, Basis::SignedOff { .. }));
    assert_eq!(
        acknowledge(&mut file, &flow, "yamada", "09:30", 2),
        FlowApplied::Acknowledged
    );
    assert!(roll_out_for(&file, "yamada", &flow, &fp).is_none());
    assert_eq!(
        acknowledge(&mut file, &flow, "yamada", "09:40", 3),
        FlowApplied::Unchanged
    );
    // The roster changes: a number.
    let mut roster = sample();
    roster.contacts[0].phones[0].number = "090-9999-0000".into();
    let newer = flow_of(&roster);
    let new_fp = newer.fingerprint();
    let roll = roll_out_for(&file, "yamada", &newer, &new_fp).unwrap();
    assert!(matches!(roll.basis, Basis::Acknowledged { .. }));
    let Changed::Yes(list) = &roll.changed else {
        panic!("{:?}", roll.changed)
    };
    assert!(
        matches!(&list[..], [Difference::Numbers { .. }]),
        "{list:?}"
    );
    let (done, not) = not_acknowledged(&file, ["yamada", "suzuki"], &new_fp);
    assert!(done.is_empty());
    assert_eq!(not, ["suzuki", "yamada"]);
    acknowledge(&mut file, &newer, "yamada", "10:00", 4);
    let (done, not) = not_acknowledged(&file, ["suzuki", ""], &new_fp);
    assert_eq!(
        (done, not),
        (vec!["yamada".to_string()], vec!["suzuki".to_string()])
    );
    // yamada's first acknowledged flow is kept only as the signed one.
    assert_eq!(file.versions.len(), 2);
}

#[test]
fn the_same_record_again_changes_nothing() {
    use crate::apply::Apply;
    let flow = flow_of(&sample());
    let mut file = FlowFile::default();
    let e = entry(
        FlowEntry::SignOff {
            note: String::new(),
            flow: Box::new(flow),
        },
        "lead",
        "09:00",
        9,
    );
    assert_eq!(e.apply(&mut file), Ok(FlowApplied::Signed));
    let once = file.clone();
    assert_eq!(e.apply(&mut file), Ok(FlowApplied::Unchanged));
    assert_eq!(file, once);
}

#[test]
fn sign_off_state_says_never_old_and_changed() {
    use crate::i18n::Lang;
    let zone = crate::clock::Zone::Named(chrono_tz::Asia::Tokyo);
    let flow = flow_of(&sample());
    let fp = flow.fingerprint();
    let mut file = FlowFile::default();
    let never = sign_off_state(&file, &flow, &fp, t("10:00"), 180);
    assert_eq!(never, SignOffState::Never);
    assert!(never.warnings(Lang::En, &zone)[0].contains("never signed off"));
    sign(&mut file, &flow, "lead", "09:00", 1);
    let fresh = sign_off_state(&file, &flow, &fp, t("10:00"), 180);
    assert!(fresh.warnings(Lang::En, &zone).is_empty());
    assert!(fresh.in_order(Lang::En, &zone).unwrap().contains("by lead"));
    let later = t("10:00") + chrono::Duration::days(181);
    let old = sign_off_state(&file, &flow, &fp, later, 180);
    let words = old.warnings(Lang::Ja, &zone);
    assert_eq!(words.len(), 1);
    assert!(words[0].contains("181 日前"), "{words:?}");
    let mut roster = sample();
    roster.routes[0].levels[0].report_within_minutes += 5;
    let newer = flow_of(&roster);
    let changed = sign_off_state(&file, &newer, &newer.fingerprint(), t("10:00"), 180);
    let words = changed.warnings(Lang::En, &zone);
    assert!(
        words[0].contains("changed since it was signed off"),
        "{words:?}"
    );
    assert!(words[0].contains("1 change(s)"), "{words:?}");
    assert_eq!(changed.changes().len(), 1);
}

#[test]
fn the_max_age_comes_from_the_roster() {
    let mut roster = sample();
    assert_eq!(roster.sign_off_max_age_days(), DEFAULT_SIGN_OFF_DAYS);
    roster.sign_off_max_age_days = Some(30);
    assert_eq!(roster.sign_off_max_age_days(), 30);
    roster.sign_off_max_age_days = Some(0);
    assert_eq!(roster.sign_off_max_age_days(), 180);
}

/// A roster with some numbers, for the properties below.
fn roster_json() -> Value {
    serde_json::from_str(SAMPLE).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// However the file is written — its keys in any order, pretty or compact — the
    /// fingerprint is the same.
    #[test]
    fn formatting_and_key_order_do_not_change_the_fingerprint(seed in 0u64..10_000, pretty: bool) {
        let value = reordered(&roster_json(), seed);
        let text = if pretty {
            serde_json::to_string_pretty(&value).unwrap()
        } else {
            serde_json::to_string(&value).unwrap()
        };
        let roster: Roster = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(flow_of(&roster).fingerprint(), flow_of(&sample()).fingerprint());
    }

    /// Any change to a number — a digit of a phone, a route's minutes — changes it.
    #[test]
    fn any_change_to_a_number_changes_the_fingerprint(
        contact in 0usize..64, digit in 0usize..16, level in 0usize..8, by in 1u32..500,
    ) {
        let base = flow_of(&sample()).fingerprint();
        let mut roster = sample();
        let n = roster.contacts.len();
        let phone = &mut roster.contacts[contact % n].phones[0].number;
        let places: Vec<usize> = phone.char_indices().filter(|(_, c)| c.is_ascii_digit()).map(|(i, _)| i).collect();
        let at = places[digit % places.len()];
        let old = phone.as_bytes()[at];
        let new = if old == b'9' { b'0' } else { old + 1 };
        phone.replace_range(at..at + 1, &char::from(new).to_string());
        prop_assert_ne!(flow_of(&roster).fingerprint(), base.clone());

        let mut roster = sample();
        let levels: Vec<(usize, usize)> = roster.routes.iter().enumerate()
            .flat_map(|(r, route)| (0..route.levels.len()).map(move |l| (r, l))).collect();
        let (r, l) = levels[level % levels.len()];
        roster.routes[r].levels[l].escalate_after_minutes += by;
        prop_assert_ne!(flow_of(&roster).fingerprint(), base);
    }
}
