//! The checklist records what happened: steps that do not apply, and the steps an action
//! fulfils, checked by that action in the same change.

use super::tests::{opened, review_steps, routed};
use super::*;
use crate::checklist::DoneVia;
use crate::playbook::StepRole;
use crate::record::{MeasureInput, ReviewInput, Scope};
use crate::test_fixtures::{bundled_playbooks, t};

fn apply(file: &mut IncidentsFile, change: Change, at: &str) -> Result<Applied, ChangeError> {
    crate::test_fixtures::stamped(change, t(at), "yamada").apply(file)
}

fn step_with(file: &IncidentsFile, id: &IncidentId, role: StepRole) -> String {
    let inc = file.get(id).unwrap();
    let step = inc.checklist.iter().find(|s| s.role == Some(role));
    step.unwrap_or_else(|| panic!("a step for {role:?}"))
        .id
        .clone()
}

fn na(id: &IncidentId, step: &str, not_applicable: bool, reason: &str) -> Change {
    Change::SetNotApplicable {
        incident: id.clone(),
        step: step.into(),
        not_applicable,
        reason: reason.into(),
    }
}

#[test]
fn a_step_marked_not_applicable_is_settled_logged_and_can_be_taken_back() {
    let mut file = IncidentsFile::default();
    let id = opened(&mut file);
    let step = file.get(&id).unwrap().checklist[1].id.clone();
    let change =
        crate::test_fixtures::stamped(na(&id, &step, true, " no card "), t("10:05"), "sato");
    assert_eq!(change.apply(&mut file), Ok(Applied::Changed(id.clone())));
    // The same change again, or another saying the same, changes nothing.
    assert_eq!(change.apply(&mut file), Ok(Applied::Unchanged));
    assert_eq!(
        apply(&mut file, na(&id, &step, true, "x"), "10:06"),
        Ok(Applied::Unchanged)
    );

    let inc = file.get(&id).unwrap();
    let s = inc.step(&step).unwrap();
    let mark = s.not_applicable.as_ref().unwrap();
    assert_eq!(
        (mark.at, mark.by.as_str(), mark.reason.as_str()),
        (t("10:05"), "sato", "no card")
    );
    assert!(s.done.is_none() && s.is_settled());
    let report = inc.progress()[0];
    assert_eq!((report.done, report.not_applicable), (0, 1));
    let last = inc.timeline.last().unwrap();
    assert_eq!(last.kind, EntryKind::StepNotApplicable);
    assert_eq!(
        (last.step.as_deref(), last.text.as_str()),
        (Some(step.as_str()), "no card")
    );
    assert_eq!(last.change_id, Some(change.id));

    apply(&mut file, na(&id, &step, false, ""), "10:07").unwrap();
    let inc = file.get(&id).unwrap();
    assert!(inc.step(&step).unwrap().is_open());
    assert_eq!(inc.timeline.last().unwrap().kind, EntryKind::StepApplicable);
    assert_eq!(inc.progress()[0].not_applicable, 0);
}

#[test]
fn a_checked_step_is_not_marked_not_applicable_and_checking_one_makes_it_apply() {
    let mut file = IncidentsFile::default();
    let id = opened(&mut file);
    let step = file.get(&id).unwrap().checklist[2].id.clone();
    let check = Change::SetStep {
        incident: id.clone(),
        step: step.clone(),
        done: true,
    };
    apply(&mut file, check.clone(), "10:05").unwrap();
    assert_eq!(
        apply(&mut file, na(&id, &step, true, ""), "10:06"),
        Err(ChangeError::StepChecked(id.clone(), step.clone()))
    );
    let other = file.get(&id).unwrap().checklist[3].id.clone();
    apply(&mut file, na(&id, &other, true, ""), "10:07").unwrap();
    let check = Change::SetStep {
        incident: id.clone(),
        step: other.clone(),
        done: true,
    };
    apply(&mut file, check, "10:08").unwrap();
    let s = file.get(&id).unwrap().step(&other).unwrap().clone();
    assert!(s.done.is_some() && s.not_applicable.is_none());
}

#[test]
fn review_steps_that_do_not_apply_let_the_incident_close() {
    let mut file = IncidentsFile::default();
    let id = opened(&mut file);
    for (n, step) in review_steps(&file, &id).iter().enumerate() {
        let change = if n == 0 {
            na(&id, step, true, "")
        } else {
            Change::SetStep {
                incident: id.clone(),
                step: step.clone(),
                done: true,
            }
        };
        apply(&mut file, change, "11:00").unwrap();
    }
    apply(
        &mut file,
        Change::Close {
            incident: id.clone(),
        },
        "11:01",
    )
    .unwrap();
    assert!(!file.get(&id).unwrap().is_open());
}

#[test]
fn saving_the_scope_checks_its_step_in_the_same_change() {
    let mut file = IncidentsFile::default();
    let id = opened(&mut file);
    let step = step_with(&file, &id, StepRole::RecordScope);
    // An empty scope says nothing: no step is checked.
    let empty = Change::SetScope {
        incident: id.clone(),
        scope: Box::default(),
        conditions: Vec::new(),
    };
    apply(&mut file, empty, "10:10").unwrap();
    assert!(file.get(&id).unwrap().step(&step).unwrap().done.is_none());
    let scope = Scope {
        services: "VPN".into(),
        ..Default::default()
    };
    let change = crate::test_fixtures::stamped(
        Change::SetScope {
            incident: id.clone(),
            scope: Box::new(scope),
            conditions: Vec::new(),
        },
        t("10:12"),
        "yamada",
    );
    change.apply(&mut file).unwrap();
    let inc = file.get(&id).unwrap();
    let s = inc.step(&step).unwrap();
    assert_eq!(s.done.as_ref().map(|d| d.at), Some(t("10:12")));
    assert_eq!(s.done_via, Some(DoneVia::ScopeSaved));
    assert_eq!(inc.checked_via(s), Some(DoneVia::ScopeSaved));
    let last = inc.timeline.last().unwrap();
    assert_eq!(last.kind, EntryKind::StepChecked);
    assert_eq!(
        (last.via.clone(), last.change_id),
        (Some(DoneVia::ScopeSaved), Some(change.id))
    );
    let kinds: Vec<_> = inc.timeline.iter().rev().take(2).map(|e| e.kind).collect();
    assert_eq!(kinds, [EntryKind::StepChecked, EntryKind::ScopeUpdated]);
    // Applied again (another desk's fresher file), it changes nothing.
    assert_eq!(change.apply(&mut file), Ok(Applied::Unchanged));
}

#[test]
fn an_interim_action_checks_the_logging_step_but_not_one_that_does_not_apply() {
    let mut file = IncidentsFile::default();
    let id = opened(&mut file);
    let step = step_with(&file, &id, StepRole::LogInterimAction);
    apply(&mut file, na(&id, &step, true, "logged elsewhere"), "10:20").unwrap();
    let action = |text: &str| Change::InterimAction {
        incident: id.clone(),
        action: text.into(),
        effect: crate::record::Effect::Partly,
    };
    apply(&mut file, action("failover"), "10:21").unwrap();
    let s = file.get(&id).unwrap().step(&step).unwrap().clone();
    assert!(s.done.is_none() && s.not_applicable.is_some(), "{s:?}");
    apply(&mut file, na(&id, &step, false, ""), "10:22").unwrap();
    apply(&mut file, action("restart"), "10:23").unwrap();
    let inc = file.get(&id).unwrap();
    let s = inc.step(&step).unwrap();
    assert_eq!(s.done.as_ref().map(|d| d.at), Some(t("10:23")));
    assert_eq!(s.done_via, Some(DoneVia::InterimAction));
}

#[test]
fn a_written_review_checks_what_it_says_and_closing_names_only_what_is_left() {
    let mut file = IncidentsFile::default();
    let id = opened(&mut file);
    let review = Change::SaveReview {
        incident: id.clone(),
        review: Box::new(ReviewInput {
            cause: "the backup router had no power".into(),
            measures: vec![MeasureInput {
                id: None,
                text: "monthly power check".into(),
                owner: "ito".into(),
                due: chrono::NaiveDate::from_ymd_opt(2026, 12, 15),
            }],
            shared_with: "team A".into(),
            ..Default::default()
        }),
    };
    apply(&mut file, review, "12:00").unwrap();
    let inc = file.get(&id).unwrap();
    for role in [
        StepRole::FindCause,
        StepRole::DecideMeasures,
        StepRole::ShareCase,
    ] {
        let s = inc.checklist.iter().find(|s| s.role == Some(role)).unwrap();
        assert_eq!(s.done_via, Some(DoneVia::ReviewSaved), "{role:?}");
    }
    // The failover outage's review also asks for the backup's checks and a drill: by hand.
    let open: Vec<&str> = inc
        .open_review_steps()
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(open, ["fo-add-checks", "fo-plan-drill"]);
    assert_eq!(
        apply(
            &mut file,
            Change::Close {
                incident: id.clone()
            },
            "12:01"
        ),
        Err(ChangeError::ReviewIncomplete(id.clone(), 2))
    );
    for step in ["fo-add-checks", "fo-plan-drill"] {
        apply(&mut file, na(&id, step, true, ""), "12:02").unwrap();
    }
    apply(
        &mut file,
        Change::Close {
            incident: id.clone(),
        },
        "12:03",
    )
    .unwrap();
}

fn security(file: &mut IncidentsFile) -> IncidentId {
    let id = routed(file);
    let books = bundled_playbooks();
    let inc = file.get_mut(&id).unwrap();
    inc.category = crate::Category::Security;
    inc.checklist =
        crate::checklist::checklist_from(books.for_category(crate::Category::Security).unwrap());
    id
}

#[test]
fn reaching_the_security_officer_checks_both_reports_it_is_one_of() {
    use crate::incident::AttemptOutcome;
    let mut file = IncidentsFile::default();
    let id = security(&mut file);
    let reach = |role: &str| Change::Attempt {
        incident: id.clone(),
        contact: "boss".into(),
        level: 0,
        outcome: AttemptOutcome::Reached,
        contact_role: role.into(),
    };
    let officer = step_with(&file, &id, StepRole::ReportToRole);
    let supervisor = step_with(&file, &id, StepRole::ReportToSupervisor);
    // Someone else on the route: the supervisor report only.
    apply(&mut file, reach("シフトリーダー"), "10:05").unwrap();
    let inc = file.get(&id).unwrap();
    assert!(inc.step(&supervisor).unwrap().done.is_some());
    assert!(inc.step(&officer).unwrap().done.is_none());
    apply(&mut file, reach(" SECURITY officer"), "10:06").unwrap();
    let inc = file.get(&id).unwrap();
    let s = inc.step(&officer).unwrap();
    assert_eq!(s.done.as_ref().map(|d| d.at), Some(t("10:06")));
    assert_eq!(s.done_via, Some(DoneVia::Reaching("boss".into())));
    let last = inc.timeline.last().unwrap();
    assert_eq!(
        (last.kind, last.contact.as_deref()),
        (EntryKind::StepChecked, Some("boss"))
    );
}

#[test]
fn a_step_checked_by_reaching_before_steps_remembered_it_is_known_from_the_timeline() {
    let mut file = IncidentsFile::default();
    let id = security(&mut file);
    let step = step_with(&file, &id, StepRole::ReportToSupervisor);
    let inc = file.get_mut(&id).unwrap();
    let s = inc.step_mut(&step).unwrap();
    s.done = Some(crate::checklist::Stamp {
        at: t("10:05"),
        by: "yamada".into(),
    });
    inc.timeline.push(
        crate::timeline::TimelineEntry::new(t("10:05"), "yamada", EntryKind::StepChecked, "")
            .with_step(&step)
            .with_contact("boss"),
    );
    let inc = file.get(&id).unwrap();
    let s = inc.step(&step).unwrap();
    assert_eq!(inc.checked_via(s), Some(DoneVia::Reaching("boss".into())));
    // Unchecked and checked again by hand: no action checked it.
    let set = |done| Change::SetStep {
        incident: id.clone(),
        step: step.clone(),
        done,
    };
    apply(&mut file, set(false), "10:06").unwrap();
    apply(&mut file, set(true), "10:07").unwrap();
    let inc = file.get(&id).unwrap();
    assert_eq!(inc.checked_via(inc.step(&step).unwrap()), None);
}

#[test]
fn reclassifying_keeps_what_does_not_apply_and_what_checked_a_step() {
    use crate::change::Reclassification;
    let mut file = IncidentsFile::default();
    let id = opened(&mut file);
    let scope = step_with(&file, &id, StepRole::RecordScope);
    let other = file.get(&id).unwrap().checklist[1].id.clone();
    apply(&mut file, na(&id, &other, true, "n/a"), "10:05").unwrap();
    let s = Scope {
        affected: "site A".into(),
        ..Default::default()
    };
    apply(
        &mut file,
        Change::SetScope {
            incident: id.clone(),
            scope: Box::new(s),
            conditions: Vec::new(),
        },
        "10:06",
    )
    .unwrap();
    let books = bundled_playbooks();
    let to = Reclassification {
        category: crate::Category::Other,
        kind: None,
        severity: crate::Severity::HIGH,
        reason: "not an outage".into(),
        route: None,
        checklist: crate::checklist::checklist_from(
            books.for_category(crate::Category::Other).unwrap(),
        ),
    };
    apply(
        &mut file,
        Change::Reclassify {
            incident: id.clone(),
            to: Box::new(to),
        },
        "10:07",
    )
    .unwrap();
    let inc = file.get(&id).unwrap();
    assert!(
        inc.step(&other).unwrap().not_applicable.is_some(),
        "kept though not in the new book"
    );
    assert_eq!(
        inc.step(&scope).unwrap().done_via,
        Some(DoneVia::ScopeSaved)
    );
}
