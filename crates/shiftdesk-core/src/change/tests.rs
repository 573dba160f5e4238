use super::*;
use crate::category::Category;
use crate::checklist::checklist_from;
use crate::playbook::Phase;
use crate::severity::Severity;
use crate::test_fixtures::{bundled_playbooks, t};

/// An outage with a backup to fail over to.
pub(super) fn new_outage(title: &str) -> Change {
    let books = bundled_playbooks();
    let book = books.for_category(Category::SystemOutage).unwrap();
    Change::Open(Box::new(NewIncident {
        id: None,
        title: title.into(),
        category: Category::SystemOutage,
        kind: book.kind_taken(Some("with_failover")),
        severity: Severity::HIGH,
        detected_at: t("09:55"),
        description: "VPN down".into(),
        drill: false,
        checklist: checklist_from(&book.for_kind(Some("with_failover"))),
        route: None,
        drill_run: None,
    }))
}

fn apply(file: &mut IncidentsFile, change: Change, at: &str) -> Result<Applied, ChangeError> {
    crate::test_fixtures::stamped(change, t(at), "yamada").apply(file)
}

pub(super) fn opened(file: &mut IncidentsFile) -> IncidentId {
    match apply(file, new_outage("VPN 障害"), "10:00").unwrap() {
        Applied::Opened(id) => id,
        other => panic!("{other:?}"),
    }
}

#[test]
fn opening_numbers_incidents_and_logs_it() {
    let mut file = IncidentsFile::default();
    let a = opened(&mut file);
    let b = opened(&mut file);
    assert_eq!((a.0.as_str(), b.0.as_str()), ("INC-0001", "INC-0002"));
    let inc = file.get(&a).unwrap();
    assert_eq!(inc.detected_at, t("09:55"));
    assert_eq!(inc.opened_at, t("10:00"));
    assert_eq!(inc.opened_by, "yamada");
    assert_eq!(inc.timeline[0].kind, EntryKind::Opened);
    assert_eq!(inc.current_phase(), Some(Phase::Report));
}

#[test]
fn detection_cannot_lie_in_the_future() {
    let mut file = IncidentsFile::default();
    let mut change = new_outage("x");
    if let Change::Open(n) = &mut change {
        n.detected_at = t("11:00");
    }
    apply(&mut file, change, "10:00").unwrap();
    assert_eq!(file.incidents[0].detected_at, t("10:00"));
}

#[test]
fn checking_a_step_stamps_time_and_operator() {
    let mut file = IncidentsFile::default();
    let id = opened(&mut file);
    let step = file.get(&id).unwrap().checklist[0].id.clone();
    let set = |done| Change::SetStep {
        incident: id.clone(),
        step: step.clone(),
        done,
    };
    assert_eq!(
        apply(&mut file, set(true), "10:05"),
        Ok(Applied::Changed(id.clone()))
    );
    let s = file.get(&id).unwrap().step(&step).unwrap();
    assert_eq!(s.done.as_ref().unwrap().at, t("10:05"));
    assert_eq!(s.done.as_ref().unwrap().by, "yamada");
    // Checking again changes nothing and logs nothing.
    let before = file.get(&id).unwrap().timeline.len();
    assert_eq!(apply(&mut file, set(true), "10:06"), Ok(Applied::Unchanged));
    assert_eq!(file.get(&id).unwrap().timeline.len(), before);
    apply(&mut file, set(false), "10:07").unwrap();
    let inc = file.get(&id).unwrap();
    assert!(inc.step(&step).unwrap().done.is_none());
    assert_eq!(inc.timeline.last().unwrap().kind, EntryKind::StepUnchecked);
}

/// The ids of the incident's Review steps.
pub(super) fn review_steps(file: &IncidentsFile, id: &IncidentId) -> Vec<String> {
    let inc = file.get(id).unwrap();
    let review = inc.checklist.iter().filter(|s| s.phase == Phase::Review);
    review.map(|s| s.id.clone()).collect()
}

#[test]
fn closing_needs_the_review_phase_complete() {
    let mut file = IncidentsFile::default();
    let id = opened(&mut file);
    let review = review_steps(&file, &id);
    let close = || Change::Close {
        incident: id.clone(),
    };
    assert_eq!(
        apply(&mut file, close(), "11:00"),
        Err(ChangeError::ReviewIncomplete(id.clone(), review.len()))
    );
    assert!(file.get(&id).unwrap().is_open());
    for step in &review {
        let change = Change::SetStep {
            incident: id.clone(),
            step: step.clone(),
            done: true,
        };
        apply(&mut file, change, "11:01").unwrap();
    }
    apply(&mut file, close(), "11:02").unwrap();
    let inc = file.get(&id).unwrap();
    assert_eq!(inc.status, Status::Closed);
    assert_eq!(inc.closed_at, Some(t("11:02")));
    // A closed incident takes no more changes.
    let note = Change::Note {
        incident: id.clone(),
        text: "late".into(),
    };
    assert_eq!(
        apply(&mut file, note, "11:03"),
        Err(ChangeError::IncidentClosed(id))
    );
}

#[test]
fn notes_need_text_and_a_real_step() {
    let mut file = IncidentsFile::default();
    let id = opened(&mut file);
    let blank = Change::Note {
        incident: id.clone(),
        text: " \n".into(),
    };
    assert_eq!(
        apply(&mut file, blank, "10:01"),
        Err(ChangeError::EmptyText)
    );
    let wrong = Change::NoteStep {
        incident: id.clone(),
        step: "nope".into(),
        text: "x".into(),
    };
    assert!(matches!(
        apply(&mut file, wrong, "10:01"),
        Err(ChangeError::NoSuchStep(..))
    ));
    let step = file.get(&id).unwrap().checklist[1].id.clone();
    let good = Change::NoteStep {
        incident: id.clone(),
        step: step.clone(),
        text: "電話中".into(),
    };
    apply(&mut file, good, "10:02").unwrap();
    let inc = file.get(&id).unwrap();
    assert_eq!(inc.step(&step).unwrap().notes[0].text, "電話中");
    assert_eq!(
        inc.timeline.last().unwrap().step.as_deref(),
        Some(step.as_str())
    );
}

#[test]
fn unknown_incident_is_an_error() {
    let mut file = IncidentsFile::default();
    let change = Change::Close {
        incident: IncidentId::from_number(9),
    };
    assert!(matches!(
        apply(&mut file, change, "10:00"),
        Err(ChangeError::NoSuchIncident(_))
    ));
}

pub(super) fn routed(file: &mut IncidentsFile) -> IncidentId {
    use crate::incident::ResolvedRoute;
    use crate::roster::{Means, RouteLevel};
    let id = opened(file);
    let level = |c: &[&str]| RouteLevel {
        contacts: c.iter().map(|s| s.to_string()).collect(),
        rotation: None,
        on_duty: None,
        means: Means::Phone,
        report_within_minutes: 15,
        escalate_after_minutes: 5,
        extra: Map::new(),
    };
    file.get_mut(&id).unwrap().route = Some(ResolvedRoute {
        route_id: "r".into(),
        name: String::new(),
        levels: vec![level(&["boss"]), level(&["head"])],
        resolved_at: None,
        extra: Map::new(),
    });
    id
}

#[test]
fn an_attempt_is_stamped_and_reaching_checks_the_report_step() {
    use crate::incident::AttemptOutcome;
    let mut file = IncidentsFile::default();
    let id = routed(&mut file);
    let attempt = |contact: &str, level, outcome| Change::Attempt {
        incident: id.clone(),
        contact: contact.into(),
        level,
        outcome,
        contact_role: String::new(),
    };
    apply(
        &mut file,
        attempt("boss", 0, AttemptOutcome::NoAnswer),
        "10:01",
    )
    .unwrap();
    let inc = file.get(&id).unwrap();
    assert_eq!(inc.attempts[0].by, "yamada");
    assert!(inc.report_step().unwrap().done.is_none());
    let last = inc.timeline.last().unwrap();
    assert_eq!(last.kind, EntryKind::Attempt);
    assert_eq!(last.outcome, Some(AttemptOutcome::NoAnswer));

    assert!(matches!(
        apply(
            &mut file,
            attempt("head", 0, AttemptOutcome::Reached),
            "10:02"
        ),
        Err(ChangeError::NotOnLevel(..))
    ));
    apply(
        &mut file,
        attempt("head", 1, AttemptOutcome::Reached),
        "10:03",
    )
    .unwrap();
    let inc = file.get(&id).unwrap();
    let step = inc.report_step().unwrap();
    assert_eq!(step.done.as_ref().unwrap().at, t("10:03"));
    assert_eq!(inc.timeline.last().unwrap().kind, EntryKind::StepChecked);
}

#[test]
fn escalation_needs_a_higher_level_that_exists() {
    let mut file = IncidentsFile::default();
    let id = routed(&mut file);
    let up = |to_level| Change::Escalate {
        incident: id.clone(),
        to_level,
        reason: "line busy".into(),
    };
    assert!(apply(&mut file, up(2), "10:01").is_err());
    assert!(apply(&mut file, up(0), "10:01").is_err());
    apply(&mut file, up(1), "10:01").unwrap();
    let inc = file.get(&id).unwrap();
    assert_eq!(inc.escalations[0].to_level, 1);
    assert_eq!(inc.timeline.last().unwrap().text, "line busy");
}

#[test]
fn reclassifying_logs_each_change_and_brings_the_new_route() {
    let mut file = IncidentsFile::default();
    let id = routed(&mut file);
    let first = file.get(&id).unwrap().checklist[0].id.clone();
    apply(
        &mut file,
        Change::SetStep {
            incident: id.clone(),
            step: first.clone(),
            done: true,
        },
        "10:01",
    )
    .unwrap();
    let books = bundled_playbooks();
    // The kind the outage has, or the new category's default.
    let to = |category: Category, severity, route| {
        let book = books.for_category(category).unwrap();
        let kind = book.kind_taken(Some("with_failover"));
        let checklist = checklist_from(&book.for_kind(kind.as_ref().map(|k| k.id.as_str())));
        Change::Reclassify {
            incident: id.clone(),
            to: Box::new(Reclassification {
                category,
                kind,
                severity,
                reason: "more sites down".into(),
                route,
                checklist,
            }),
        }
    };
    // Same classification: nothing happens.
    let same = to(Category::SystemOutage, Severity::HIGH, None);
    assert_eq!(apply(&mut file, same, "10:02"), Ok(Applied::Unchanged));
    let change = to(Category::Security, Severity::CRITICAL, None);
    apply(&mut file, change, "10:05").unwrap();
    let inc = file.get(&id).unwrap();
    assert_eq!(inc.severity, Severity::CRITICAL);
    assert_eq!(inc.category, Category::Security);
    assert!(inc.route.is_none());
    let kinds: Vec<EntryKind> = inc.timeline.iter().rev().take(4).map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [
            EntryKind::RouteResolved,
            EntryKind::KindChanged,
            EntryKind::CategoryChanged,
            EntryKind::SeverityChanged
        ]
    );
    assert_eq!(inc.kind.as_deref(), Some("other"));
    assert!(
        inc.timeline
            .iter()
            .any(|e| e.text.contains("2 → 1: more sites down"))
    );
    // The step both playbooks share keeps its stamp.
    assert!(inc.step(&first).unwrap().done.is_some());
    // A reason is required.
    let mut silent = to(Category::Other, Severity::MINOR, None);
    if let Change::Reclassify { to, .. } = &mut silent {
        to.reason = " ".into();
    }
    assert_eq!(
        apply(&mut file, silent, "10:06"),
        Err(ChangeError::EmptyText)
    );
}

#[test]
fn key_times_and_durations_follow_the_record() {
    use crate::incident::AttemptOutcome;
    use crate::record::Effect;
    let mut file = IncidentsFile::default();
    let id = routed(&mut file); // detected 09:55
    let times = file.get(&id).unwrap().times();
    assert_eq!(times.to_first_report, None);
    let reach = Change::Attempt {
        incident: id.clone(),
        contact: "boss".into(),
        level: 0,
        outcome: AttemptOutcome::Reached,
        contact_role: String::new(),
    };
    apply(&mut file, reach, "10:07").unwrap();
    let act = |effect| Change::InterimAction {
        incident: id.clone(),
        action: "switch to backup line".into(),
        effect,
    };
    apply(&mut file, act(Effect::DidNot), "10:20").unwrap();
    apply(&mut file, act(Effect::Worked), "10:40").unwrap();
    apply(&mut file, act(Effect::Worked), "10:50").unwrap();
    let close = Change::CloseWithoutReview {
        incident: id.clone(),
        reason: "handed to vendor".into(),
    };
    apply(&mut file, close, "12:55").unwrap();
    let t = file.get(&id).unwrap().times();
    assert_eq!(t.first_report, Some(crate::test_fixtures::t("10:07")));
    assert_eq!(t.to_first_report, Some(chrono::Duration::minutes(12)));
    assert_eq!(
        t.mitigated,
        Some(crate::test_fixtures::t("10:40")),
        "the first action that worked"
    );
    assert_eq!(t.to_mitigated, Some(chrono::Duration::minutes(45)));
    assert_eq!(t.to_closed, Some(chrono::Duration::hours(3)));
}

#[test]
fn closing_without_review_needs_a_reason_and_reopening_is_logged() {
    let mut file = IncidentsFile::default();
    let id = opened(&mut file);
    let without = |reason: &str| Change::CloseWithoutReview {
        incident: id.clone(),
        reason: reason.into(),
    };
    assert_eq!(
        apply(&mut file, without("  "), "11:00"),
        Err(ChangeError::EmptyText)
    );
    assert!(file.get(&id).unwrap().is_open());
    apply(&mut file, without("duplicate of INC-0009"), "11:01").unwrap();
    let inc = file.get(&id).unwrap();
    assert!(!inc.is_open());
    assert_eq!(
        inc.timeline.last().unwrap().kind,
        EntryKind::ClosedWithoutReview
    );
    let reopen = Change::Reopen {
        incident: id.clone(),
        reason: "it came back".into(),
    };
    apply(&mut file, reopen.clone(), "11:30").unwrap();
    let inc = file.get(&id).unwrap();
    assert!(inc.is_open() && inc.closed_at.is_none());
    assert_eq!(inc.timeline.last().unwrap().kind, EntryKind::Reopened);
    assert_eq!(apply(&mut file, reopen, "11:31"), Ok(Applied::Unchanged));
}

#[test]
fn measures_keep_their_ids_and_can_be_done_after_closing() {
    use crate::record::{MeasureInput, ReviewInput};
    let mut file = IncidentsFile::default();
    let id = opened(&mut file);
    let measure = |id: Option<u32>, text: &str| MeasureInput {
        id,
        text: text.into(),
        owner: "sato".into(),
        due: chrono::NaiveDate::from_ymd_opt(2026, 12, 15),
    };
    let review = |measures| Change::SaveReview {
        incident: id.clone(),
        review: Box::new(ReviewInput {
            cause: "no second check".into(),
            measures,
            ..Default::default()
        }),
    };
    apply(
        &mut file,
        review(vec![measure(None, "double check"), measure(None, "")]),
        "11:00",
    )
    .unwrap();
    let m = &file.get(&id).unwrap().review.as_ref().unwrap().measures;
    assert_eq!(m.len(), 1, "an empty measure is dropped");
    assert_eq!(m[0].id, 1);
    apply(
        &mut file,
        review(vec![
            measure(Some(1), "double check by a second person"),
            measure(None, "update manual"),
        ]),
        "11:05",
    )
    .unwrap();
    let close = Change::CloseWithoutReview {
        incident: id.clone(),
        reason: "review done offline".into(),
    };
    apply(&mut file, close, "11:10").unwrap();
    let done = Change::SetMeasureDone {
        incident: id.clone(),
        measure: 2,
        done: true,
    };
    apply(&mut file, done, "12:00").unwrap();
    let r = file.get(&id).unwrap().review.clone().unwrap();
    assert_eq!(r.measures.iter().map(|m| m.id).collect::<Vec<_>>(), [1, 2]);
    assert_eq!(r.measures[0].text, "double check by a second person");
    assert!(r.measures[1].done.is_some());
    assert_eq!(r.open_measures().count(), 1);
    let missing = Change::SetMeasureDone {
        incident: id.clone(),
        measure: 9,
        done: true,
    };
    assert!(matches!(
        apply(&mut file, missing, "12:01"),
        Err(ChangeError::NoSuchMeasure(..))
    ));
}

#[test]
fn a_change_to_an_archived_incident_brings_it_back_only_when_it_takes() {
    let mut file = IncidentsFile::default();
    let id = opened(&mut file);
    let reason = || "done".to_string();
    apply(
        &mut file,
        Change::CloseWithoutReview {
            incident: id.clone(),
            reason: reason(),
        },
        "10:30",
    )
    .unwrap();
    let archived = file.incidents.pop().unwrap();
    let from_archive = |change| Change::FromArchive {
        archived: archived.clone(),
        change: Box::new(change),
    };
    // Refused (a note on a closed incident): the live file stays as it was.
    let before = file.clone();
    let note = Change::Note {
        incident: id.clone(),
        text: "late".into(),
    };
    assert_eq!(
        apply(&mut file, from_archive(note), "11:00"),
        Err(ChangeError::IncidentClosed(id.clone()))
    );
    assert_eq!(file, before);
    // Reopened: back, open, and the reopening logged.
    let reopen = Change::Reopen {
        incident: id.clone(),
        reason: reason(),
    };
    assert_eq!(
        apply(&mut file, from_archive(reopen.clone()), "11:00"),
        Ok(Applied::Changed(id.clone()))
    );
    assert!(file.get(&id).unwrap().is_open());
    assert_eq!(file.incidents.len(), 1);
    // A live copy wins over the archived one: it is not added twice.
    let close = Change::CloseWithoutReview {
        incident: id.clone(),
        reason: reason(),
    };
    apply(&mut file, from_archive(close), "11:30").unwrap();
    assert_eq!(file.incidents.len(), 1);
    assert!(!file.get(&id).unwrap().is_open());
}
