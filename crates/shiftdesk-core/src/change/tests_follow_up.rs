//! A readiness check a drill found wanting, followed up by a measure: it joins the
//! incident's measures, keeps what it follows up through a review saved later, and is a
//! follow-up although drills are not.

use super::tests::{new_outage, opened};
use super::*;
use crate::record::{MeasureInput, NewMeasure};
use crate::test_fixtures::{stamped, t};

fn follow_up(id: &IncidentId, text: &str) -> Change {
    Change::AddMeasure {
        incident: id.clone(),
        measure: Box::new(NewMeasure {
            text: text.into(),
            owner: "Sato".into(),
            due: chrono::NaiveDate::from_ymd_opt(2026, 12, 20),
            check: Some("backup-powered".into()),
        }),
    }
}

#[test]
fn a_follow_up_joins_the_measures_and_keeps_its_check() {
    let mut file = IncidentsFile::default();
    let id = opened(&mut file);
    let apply = |file: &mut IncidentsFile, change, at| stamped(change, t(at), "kato").apply(file);
    assert_eq!(
        apply(&mut file, follow_up(&id, "Power rack B"), "10:05"),
        Ok(Applied::Changed(id.clone()))
    );
    assert_eq!(
        apply(&mut file, follow_up(&id, " "), "10:06"),
        Err(ChangeError::EmptyText)
    );
    let inc = file.get(&id).unwrap();
    let m = &inc.review.as_ref().unwrap().measures;
    assert_eq!((m[0].id, m[0].text.as_str()), (1, "Power rack B"));
    assert_eq!(m[0].check.as_deref(), Some("backup-powered"));
    assert_eq!(
        inc.timeline.last().map(|e| e.kind),
        Some(EntryKind::MeasureAdded)
    );
    // The review saved later keeps it, and what it follows up.
    let review = Change::SaveReview {
        incident: id.clone(),
        review: Box::new(ReviewInput {
            cause: "nobody checked the rack".into(),
            measures: vec![
                MeasureInput {
                    id: Some(1),
                    text: "Power rack B, and check it monthly".into(),
                    owner: "Sato".into(),
                    due: None,
                },
                MeasureInput {
                    id: None,
                    text: "Print the runbook".into(),
                    owner: String::new(),
                    due: None,
                },
            ],
            ..Default::default()
        }),
    };
    apply(&mut file, review, "11:00").unwrap();
    let inc = file.get(&id).unwrap();
    let m = &inc.review.as_ref().unwrap().measures;
    assert_eq!(m[0].check.as_deref(), Some("backup-powered"));
    assert_eq!((m[1].id, m[1].check.as_deref()), (2, None));
}

#[test]
fn a_drill_follows_up_only_what_its_checks_found() {
    let mut file = IncidentsFile::default();
    let Change::Open(mut new) = new_outage("drill") else {
        unreachable!()
    };
    new.drill = true;
    let Ok(Applied::Opened(id)) = stamped(Change::Open(new), t("10:00"), "kato").apply(&mut file)
    else {
        panic!()
    };
    let review = Change::SaveReview {
        incident: id.clone(),
        review: Box::new(ReviewInput {
            measures: vec![MeasureInput {
                id: None,
                text: "Run the drill again".into(),
                owner: String::new(),
                due: None,
            }],
            ..Default::default()
        }),
    };
    stamped(review, t("10:10"), "kato")
        .apply(&mut file)
        .unwrap();
    stamped(follow_up(&id, "Power rack B"), t("10:11"), "kato")
        .apply(&mut file)
        .unwrap();
    let inc = file.get(&id).unwrap();
    let follow_ups: Vec<&str> = inc.open_follow_ups().map(|m| m.text.as_str()).collect();
    assert_eq!(follow_ups, ["Power rack B"]);
}
