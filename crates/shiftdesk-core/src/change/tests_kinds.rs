//! Kinds: an incident takes its kind's steps and none of another's; reclassifying may change
//! the kind (the new kind's steps added, the steps already done kept, logged), and applying
//! it again changes nothing; an incident recorded before kinds keeps its steps.

use super::*;
use crate::category::Category;
use crate::checklist::checklist_from;
use crate::playbook::Playbooks;
use crate::roster::Roster;
use crate::severity::Severity;
use crate::test_fixtures::{bundled_playbooks, stamped, t};

fn open_kind(file: &mut IncidentsFile, books: &Playbooks, kind: &str) -> IncidentId {
    let reported = Reported {
        title: "x".into(),
        category: Category::Security,
        kind: Some(kind.into()),
        severity: Severity::MEDIUM,
        detected_at: t("09:55"),
        description: String::new(),
    };
    let book = books.for_category(Category::Security).unwrap();
    let new = NewIncident::new(reported, book, &Roster::default());
    match stamped(Change::Open(Box::new(new)), t("10:00"), "yamada").apply(file) {
        Ok(Applied::Opened(id)) => id,
        other => panic!("{other:?}"),
    }
}

fn ids(inc: &Incident) -> Vec<&str> {
    inc.checklist.iter().map(|s| s.id.as_str()).collect()
}

/// Reclassifying to `kind` of the security category, severity `severity`.
fn to_kind(books: &Playbooks, id: &IncidentId, kind: Option<&str>, severity: Severity) -> Change {
    let book = books.for_category(Category::Security).unwrap();
    Change::Reclassify {
        incident: id.clone(),
        to: Box::new(Reclassification {
            category: Category::Security,
            kind: kind.and_then(|k| book.kind(k)).map(|k| k.taken()),
            severity,
            reason: "it was an email".into(),
            route: None,
            checklist: checklist_from(&book.for_kind(kind)),
        }),
    }
}

#[test]
fn an_incident_takes_its_kinds_steps_and_name_and_none_of_another_kind() {
    let books = bundled_playbooks();
    let mut file = IncidentsFile::default();
    let card = open_kind(&mut file, &books, "lost_card");
    let mail = open_kind(&mut file, &books, "misdirected_email");
    let (card, mail) = (file.get(&card).unwrap(), file.get(&mail).unwrap());
    assert_eq!(card.kind.as_deref(), Some("lost_card"));
    assert_eq!(
        card.kind_name.as_ref().map(|n| n.en.as_str()),
        Some("Lost ID or entry card")
    );
    assert_eq!(
        mail.category_words(crate::i18n::Lang::Ja),
        "セキュリティ(IDカード紛失・誤送信) — メールの誤送信"
    );
    assert!(ids(card).iter().any(|s| s.starts_with("card-")));
    assert!(ids(card).iter().all(|s| !s.starts_with("email-")));
    assert!(ids(mail).iter().any(|s| s.starts_with("email-")));
    assert!(ids(mail).iter().all(|s| !s.starts_with("card-")));
    // The common steps come with both.
    for inc in [card, mail] {
        assert!(ids(inc).contains(&"report-security-officer"));
    }
}

#[test]
fn reclassifying_the_kind_adds_its_steps_keeps_what_was_done_and_is_logged_once() {
    let books = bundled_playbooks();
    let mut file = IncidentsFile::default();
    let id = open_kind(&mut file, &books, "lost_card");
    for step in ["report-supervisor", "card-last-seen"] {
        let check = Change::SetStep {
            incident: id.clone(),
            step: step.into(),
            done: true,
        };
        stamped(check, t("10:01"), "yamada")
            .apply(&mut file)
            .unwrap();
    }
    let change = stamped(
        to_kind(&books, &id, Some("misdirected_email"), Severity::MEDIUM),
        t("10:05"),
        "sato",
    );
    assert_eq!(change.apply(&mut file), Ok(Applied::Changed(id.clone())));
    let once = file.clone();
    // The same change again, or another saying the same, changes nothing.
    assert_eq!(change.apply(&mut file), Ok(Applied::Unchanged));
    let same = to_kind(&books, &id, Some("misdirected_email"), Severity::MEDIUM);
    assert_eq!(
        stamped(same, t("10:06"), "sato").apply(&mut file),
        Ok(Applied::Unchanged)
    );
    assert_eq!(file, once);

    let inc = file.get(&id).unwrap();
    assert_eq!(inc.kind.as_deref(), Some("misdirected_email"));
    assert_eq!(
        inc.kind_name.as_ref().map(|n| n.ja.as_str()),
        Some("メールの誤送信")
    );
    let steps = ids(inc);
    // The new kind's steps are there; the card step done stays, stamped; the card steps
    // nobody did are gone.
    assert!(steps.contains(&"email-recall") && steps.contains(&"email-ask-delete"));
    assert!(inc.step("card-last-seen").unwrap().done.is_some());
    assert!(inc.step("report-supervisor").unwrap().done.is_some());
    assert!(!steps.contains(&"card-disable"));
    let last = inc.timeline.last().unwrap();
    assert_eq!(last.kind, EntryKind::KindChanged);
    assert_eq!(last.text, "lost_card → misdirected_email: it was an email");
    assert_eq!(last.by, "sato");
    let kind_entries = inc
        .timeline
        .iter()
        .filter(|e| e.kind == EntryKind::KindChanged)
        .count();
    assert_eq!(kind_entries, 1);
}

#[test]
fn an_incident_recorded_before_kinds_keeps_its_steps_when_only_its_severity_changes() {
    let books = bundled_playbooks();
    let mut file = IncidentsFile::default();
    let id = open_kind(&mut file, &books, "lost_card");
    // As written before kinds: no kind, and steps of its own.
    let old = std::sync::Arc::make_mut(&mut file.incidents[0]);
    old.kind = None;
    old.kind_name = None;
    old.checklist.retain(|s| !s.id.starts_with("card-"));
    let steps_before = old.checklist.clone();
    let change = to_kind(&books, &id, None, Severity::HIGH);
    stamped(change, t("10:05"), "sato")
        .apply(&mut file)
        .unwrap();
    let inc = file.get(&id).unwrap();
    assert_eq!(inc.severity, Severity::HIGH);
    assert_eq!(inc.kind, None);
    assert_eq!(inc.checklist, steps_before);
    assert!(
        inc.timeline
            .iter()
            .all(|e| e.kind != EntryKind::KindChanged)
    );
}
