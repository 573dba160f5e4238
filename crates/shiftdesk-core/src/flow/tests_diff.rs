//! What changed, in words: contacts, numbers, routes and deadlines, steps, the guide.

use super::tests::{flow_of, sample};
use super::*;
use crate::Category;
use crate::i18n::Lang;
use crate::roster::{Contact, Phone};
use crate::test_fixtures::{bundled_guide, bundled_playbooks};

fn words(list: &[Difference], lang: Lang) -> Vec<String> {
    list.iter().map(|d| d.words(lang)).collect()
}

#[test]
fn the_same_flow_has_no_differences() {
    assert!(differences(&flow_of(&sample()), &flow_of(&sample())).is_empty());
}

#[test]
fn contacts_added_removed_and_numbers_changed() {
    let old = sample();
    let mut new = sample();
    let gone = new.contacts.remove(new.contacts.len() - 1);
    let mut added: Contact = serde_json::from_str(r#"{"id": "kato", "name": "加藤 誠"}"#).unwrap();
    added.phones.push(Phone {
        label: "mobile".into(),
        number: "090-1111-2222".into(),
        extra: Default::default(),
    });
    new.contacts.push(added);
    let sato = new
        .contacts
        .iter_mut()
        .find(|c| c.id == "sato-hanako")
        .unwrap();
    let was = sato.phones[0].number.clone();
    sato.phones[0].number = "090-0000-9999".into();
    sato.role = "運用課長".into();
    let list = differences(&flow_of(&old), &flow_of(&new));
    let en = words(&list, Lang::En);
    assert!(
        en.contains(&format!("Contact removed: {}", gone.name)),
        "{en:?}"
    );
    assert!(en.contains(&"Contact added: 加藤 誠".to_string()), "{en:?}");
    assert!(
        en.iter()
            .any(|w| w.starts_with("佐藤 花子: numbers changed: ")
                && w.contains(&was)
                && w.contains("→ 090-0000-9999")),
        "{en:?}"
    );
    assert!(
        en.contains(&"佐藤 花子: changed role".to_string()),
        "{en:?}"
    );
    let ja = words(&list, Lang::Ja);
    assert!(ja.contains(&"連絡先を追加: 加藤 誠".to_string()), "{ja:?}");
    assert!(
        ja.iter()
            .any(|w| w.starts_with("佐藤 花子: 電話番号を変更: ")),
        "{ja:?}"
    );
}

#[test]
fn routes_levels_deadlines_and_people() {
    let old = sample();
    let mut new = sample();
    let route = &mut new.routes[0];
    let name = if route.name.is_empty() {
        route.id.clone()
    } else {
        route.name.clone()
    };
    route.levels[0].report_within_minutes = 10;
    let was = old.routes[0].levels[0].report_within_minutes;
    route.levels[0].contacts.push("tanaka-yoshiko".into());
    let removed_route = new.routes.pop().unwrap();
    let list = differences(&flow_of(&old), &flow_of(&new));
    let en = words(&list, Lang::En);
    assert!(
        en.contains(&format!("Route {name} L1: report within {was} → 10 min")),
        "{en:?}"
    );
    let removed_name = if removed_route.name.is_empty() {
        removed_route.id
    } else {
        removed_route.name
    };
    assert!(
        en.contains(&format!("Route removed: {removed_name}")),
        "{en:?}"
    );
    let tanaka = old.contact("tanaka-yoshiko").unwrap().name.clone();
    assert!(
        en.contains(&format!("Route {name} L1: added {tanaka}")),
        "{en:?}"
    );
    let ja = words(&list, Lang::Ja);
    assert!(
        ja.contains(&format!("ルート {name} 第1段: 報告期限 {was}分 → 10分")),
        "{ja:?}"
    );
}

#[test]
fn steps_added_removed_and_changed_per_category_and_kind() {
    let old_books = bundled_playbooks();
    let mut books = bundled_playbooks();
    let security = books.playbooks.get_mut(&Category::Security).unwrap();
    let removed = security.report.remove(1);
    security.review[0].text.en = "Share the case with the whole team".into();
    security.review[0].text.ja = "全員に共有する".into();
    let kind = security
        .kinds
        .iter_mut()
        .find(|k| k.id == "lost_card")
        .unwrap();
    let mut step = kind.interim_fix[0].clone();
    step.id = "call-the-card-office".into();
    step.text.en = "Call the card office".into();
    step.text.ja = "入館証の窓口に電話する".into();
    kind.interim_fix.push(step);
    let flow = |b| FlowSnapshot::of(&sample(), (b, true), (&bundled_guide(), false));
    let old = FlowSnapshot {
        own_playbooks: false,
        ..flow(&old_books)
    };
    let list = differences(&old, &flow(&books));
    let en = words(&list, Lang::En);
    let security = crate::i18n::category(Lang::En, Category::Security);
    assert_eq!(en[0], "The team's own playbooks.json is now in use");
    assert!(
        en.contains(&format!(
            "Step removed ({security}, Report): {}",
            removed.text.en
        )),
        "{en:?}"
    );
    assert!(
        en.iter().any(
            |w| w.starts_with(&format!("Step changed ({security}, Review): "))
                && w.ends_with("→ Share the case with the whole team")
        ),
        "{en:?}"
    );
    assert!(
        en.iter()
            .any(|w| w.contains("Interim fix): Call the card office")
                && w.starts_with(&format!("Step added ({security} / "))),
        "{en:?}"
    );
    let ja = words(&list, Lang::Ja);
    assert!(ja.iter().any(|w| w.ends_with("→ 全員に共有する")), "{ja:?}");
}

#[test]
fn the_guide_is_told_by_its_parts() {
    let mut guide = bundled_guide();
    guide.obligations.clear();
    let new = FlowSnapshot::of(&sample(), (&bundled_playbooks(), false), (&guide, true));
    let list = differences(&flow_of(&sample()), &new);
    assert_eq!(
        words(&list, Lang::En),
        [
            "The team's own guide.json is now in use",
            "Guide changed: the obligations"
        ]
    );
}

#[test]
fn what_cannot_be_told_item_by_item_is_still_said() {
    let old = flow_of(&sample());
    let mut broken = old.clone();
    broken.roster["routes"] = serde_json::json!("not a list");
    let list = differences(&old, &broken);
    assert_eq!(list, [Difference::PartChanged { part: Part::Roster }]);
    // Contacts of a level put in another order: no item for it, but it changed.
    let mut roster = sample();
    let level = roster
        .routes
        .iter_mut()
        .flat_map(|r| r.levels.iter_mut())
        .find(|l| l.contacts.len() > 1)
        .unwrap();
    level.contacts.reverse();
    let list = differences(&old, &flow_of(&roster));
    assert_eq!(
        words(&list, Lang::En),
        ["roster.json changed (in a way that cannot be told item by item)"]
    );
}

#[test]
fn names_from_the_file_are_made_safe() {
    let mut new = sample();
    new.contacts
        .push(serde_json::from_str(r#"{"id": "x", "name": "Eve\u001b[31m\u202e"}"#).unwrap());
    let list = differences(&flow_of(&sample()), &flow_of(&new));
    for w in words(&list, Lang::En) {
        assert!(!w.chars().any(crate::text::is_unsafe), "{w:?}");
    }
}
