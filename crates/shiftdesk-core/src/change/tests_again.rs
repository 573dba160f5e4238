//! A change applied again (delivered twice, or re-applied onto a file that has it already)
//! changes nothing.

use super::tests::{new_outage, opened, routed};
use super::*;
use crate::incident::AttemptOutcome;
use crate::test_fixtures::{stamped, t};
use proptest::prelude::*;

fn note(id: &IncidentId, text: &str) -> Change {
    Change::Note {
        incident: id.clone(),
        text: text.into(),
    }
}

#[test]
fn an_opening_applied_again_opens_nothing() {
    let mut file = IncidentsFile::default();
    let open = stamped(new_outage("VPN"), t("10:00"), "yamada");
    assert_eq!(
        open.apply(&mut file),
        Ok(Applied::Opened(IncidentId::from_number(1)))
    );
    let once = file.clone();
    assert_eq!(open.apply(&mut file), Ok(Applied::Unchanged));
    assert_eq!(file, once);
    // Every entry it wrote carries its id, and only those.
    let inc = &file.incidents[0];
    assert!(inc.timeline.iter().all(|e| e.change_id == Some(open.id)));
    // Another opening (another id) still opens.
    let other = stamped(new_outage("VPN"), t("10:00"), "yamada");
    assert_eq!(
        other.apply(&mut file),
        Ok(Applied::Opened(IncidentId::from_number(2)))
    );
}

#[test]
fn a_change_writing_two_entries_marks_both_and_goes_in_once() {
    let mut file = IncidentsFile::default();
    let id = routed(&mut file);
    let before = file.get(&id).unwrap().timeline.len();
    let reached = stamped(
        Change::Attempt {
            incident: id.clone(),
            contact: "boss".into(),
            level: 0,
            outcome: AttemptOutcome::Reached,
            contact_role: String::new(),
        },
        t("10:05"),
        "yamada",
    );
    reached.apply(&mut file).unwrap();
    let once = file.clone();
    let inc = file.get(&id).unwrap();
    let marked: Vec<_> = inc.timeline[before..].iter().map(|e| e.change_id).collect();
    assert_eq!(marked, [Some(reached.id), Some(reached.id)]);
    assert!(
        inc.timeline[..before]
            .iter()
            .all(|e| e.change_id != Some(reached.id))
    );
    assert_eq!(reached.apply(&mut file), Ok(Applied::Unchanged));
    assert_eq!(file, once);
}

#[test]
fn a_change_refused_the_second_time_is_unchanged_instead() {
    // Closing twice: the second would be refused (closed already); it is in already.
    let mut file = IncidentsFile::default();
    let id = opened(&mut file);
    let close = stamped(
        Change::CloseWithoutReview {
            incident: id.clone(),
            reason: "false alarm".into(),
        },
        t("10:10"),
        "yamada",
    );
    close.apply(&mut file).unwrap();
    assert_eq!(close.apply(&mut file), Ok(Applied::Unchanged));
}

#[test]
fn a_change_re_applied_onto_a_fresher_file_that_has_it_changes_nothing() {
    // This desk saved a note, but was told the save failed: the note is still pending when
    // another desk writes on top of it. Re-applied onto that fresher file, it is found.
    let mut ours = IncidentsFile::default();
    let id = opened(&mut ours);
    let mine = stamped(note(&id, "called the vendor"), t("10:05"), "yamada");
    mine.apply(&mut ours).unwrap();
    let mut theirs = ours.clone();
    stamped(note(&id, "vendor calls back"), t("10:06"), "sato")
        .apply(&mut theirs)
        .unwrap();
    let fresh = theirs.clone();
    assert_eq!(mine.apply(&mut theirs), Ok(Applied::Unchanged));
    assert_eq!(theirs, fresh);
}

#[test]
fn a_change_to_an_archived_incident_comes_back_once() {
    let mut file = IncidentsFile::default();
    let id = opened(&mut file);
    stamped(
        Change::CloseWithoutReview {
            incident: id.clone(),
            reason: "done".into(),
        },
        t("10:30"),
        "yamada",
    )
    .apply(&mut file)
    .unwrap();
    let archived = file.incidents.pop().unwrap();
    let reopen = stamped(
        Change::FromArchive {
            archived: archived.clone(),
            change: Box::new(Change::Reopen {
                incident: id.clone(),
                reason: "it is back".into(),
            }),
        },
        t("11:00"),
        "yamada",
    );
    assert_eq!(reopen.apply(&mut file), Ok(Applied::Changed(id.clone())));
    let once = file.clone();
    assert_eq!(reopen.apply(&mut file), Ok(Applied::Unchanged));
    assert_eq!(file, once);
    // Found on the archived copy too: not brought back again.
    let mut without = IncidentsFile::default();
    let mut archived_after = (*once.incidents[0]).clone();
    archived_after.status = crate::incident::Status::Closed;
    let again = Stamped {
        change: Change::FromArchive {
            archived: Arc::new(archived_after),
            change: Box::new(Change::Reopen {
                incident: id,
                reason: "it is back".into(),
            }),
        },
        ..reopen
    };
    assert_eq!(again.apply(&mut without), Ok(Applied::Unchanged));
    assert!(without.incidents.is_empty());
}

#[test]
fn entries_of_older_files_have_no_id_and_read_and_write_unchanged() {
    let old = r#"{"at":"2026-11-29T10:00:00Z","by":"yamada","kind":"note","text":"x"}"#;
    let entry: TimelineEntry = serde_json::from_str(old).unwrap();
    assert_eq!(entry.change_id, None);
    assert_eq!(serde_json::to_string(&entry).unwrap(), old);
}

/// What the property test does: a change to one of three incidents (or the archived one).
#[derive(Debug, Clone)]
enum Op {
    Open,
    Note(u32),
    Step(u32, usize, bool),
    Close(u32),
    Reopen(u32),
    Scope(u32, u8),
    FromArchive,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        Just(Op::Open),
        (1..=3u32).prop_map(Op::Note),
        (1..=3u32, 0..4usize, any::<bool>()).prop_map(|(n, s, d)| Op::Step(n, s, d)),
        (1..=3u32).prop_map(Op::Close),
        (1..=3u32).prop_map(Op::Reopen),
        (1..=3u32, 0..3u8).prop_map(|(n, s)| Op::Scope(n, s)),
        Just(Op::FromArchive),
    ]
}

/// INC-0009, closed and in the archive, for the changes that bring it back.
fn archived() -> Arc<Incident> {
    let mut file = IncidentsFile {
        last_number: 8,
        ..IncidentsFile::default()
    };
    let id = opened(&mut file);
    stamped(
        Change::CloseWithoutReview {
            incident: id,
            reason: "old".into(),
        },
        t("09:00"),
        "sato",
    )
    .apply(&mut file)
    .unwrap();
    file.incidents.remove(0)
}

fn change(op: &Op, archived: &Arc<Incident>) -> Change {
    let id = |n: u32| IncidentId::from_number(n);
    let step = |s: usize| new_step_id(s);
    match op {
        Op::Open => new_outage("outage"),
        Op::Note(n) => note(&id(*n), "note"),
        Op::Step(n, s, done) => Change::SetStep {
            incident: id(*n),
            step: step(*s),
            done: *done,
        },
        Op::Close(n) => Change::CloseWithoutReview {
            incident: id(*n),
            reason: "closed".into(),
        },
        Op::Reopen(n) => Change::Reopen {
            incident: id(*n),
            reason: "again".into(),
        },
        Op::Scope(n, s) => Change::SetScope {
            incident: id(*n),
            scope: Box::new(crate::record::Scope {
                services: format!("mail {s}"),
                affected: String::new(),
                estimated_count: None,
                estimated_count_text: String::new(),
                since: None,
                notes: String::new(),
                extra: Map::new(),
            }),
            conditions: Vec::new(),
        },
        Op::FromArchive => Change::FromArchive {
            archived: archived.clone(),
            change: Box::new(Change::Reopen {
                incident: archived.id.clone(),
                reason: "back".into(),
            }),
        },
    }
}

/// The id of the outage checklist's step at `index`.
fn new_step_id(index: usize) -> String {
    match new_outage("x") {
        Change::Open(new) => new.checklist[index].id.clone(),
        _ => unreachable!(),
    }
}

proptest! {
    /// Changes delivered again (anywhere later for one that went in, right after for one
    /// that was refused) leave the same file as the changes delivered once.
    #[test]
    fn duplicates_change_nothing(
        ops in prop::collection::vec(op(), 1..30),
        dups in prop::collection::vec((any::<prop::sample::Index>(), 0..30usize), 0..15),
    ) {
        let archived = archived();
        let changes: Vec<Stamped> = ops
            .iter()
            .enumerate()
            .map(|(k, op)| {
                let at = t("10:00") + chrono::Duration::minutes(k as i64);
                stamped(change(op, &archived), at, "yamada")
            })
            .collect();
        // The archived incident's number is taken, as in a real file.
        let start = IncidentsFile {
            last_number: 9,
            ..IncidentsFile::default()
        };
        let mut once = start.clone();
        let went_in: Vec<bool> = changes.iter().map(|c| c.apply(&mut once).is_ok()).collect();
        let mut order: Vec<usize> = (0..changes.len()).collect();
        for (pick, later) in dups {
            let k = pick.index(changes.len());
            let first = order.iter().position(|&o| o == k).unwrap_or(0);
            let at = if went_in[k] { (first + 1 + later).min(order.len()) } else { first + 1 };
            order.insert(at, k);
        }
        let mut again = start;
        for k in order {
            let _ = changes[k].apply(&mut again);
        }
        prop_assert_eq!(again, once);
    }
}

#[test]
fn a_move_up_by_time_goes_in_once_whichever_desk_notices_it() {
    use crate::escalation::{MoveByTime, move_logged, route_progress, unlogged_moves};
    use crate::roster::Roster;
    let mut file = IncidentsFile::default();
    // Detected 09:55; level 1 has 15 + 5 minutes: the route goes up at 10:15.
    let id = routed(&mut file);
    let roster: Roster = serde_json::from_value(serde_json::json!({
        "schema_version": 1,
        "contacts": [{"id": "boss", "name": "Boss"}, {"id": "head", "name": "Head"}]
    }))
    .unwrap();
    let progress = route_progress(file.get(&id).unwrap(), &roster, t("10:20"));
    let moves = unlogged_moves(file.get(&id).unwrap(), &progress);
    let first = MoveByTime {
        from: 0,
        to: 1,
        at: t("10:15"),
        minutes: 20,
    };
    assert_eq!(moves, [first]);
    let moved = Change::MovedUpByTime {
        incident: id.clone(),
        to_level: 1,
        minutes: 20,
    };
    // Two desks notice it, each with a change of its own id: it goes in once.
    let a = stamped(moved.clone(), t("10:15"), "desk-a").apply(&mut file);
    assert_eq!(a, Ok(Applied::Changed(id.clone())));
    let b = stamped(moved.clone(), t("10:15"), "desk-b").apply(&mut file);
    assert_eq!(b, Ok(Applied::Unchanged));
    let inc = file.get(&id).unwrap();
    let logged: Vec<_> = inc
        .timeline
        .iter()
        .filter(|e| e.kind == EntryKind::MovedUpByTime)
        .collect();
    assert_eq!(logged.len(), 1);
    assert_eq!(
        (logged[0].at, logged[0].level, logged[0].minutes),
        (t("10:15"), Some(1), Some(20))
    );
    let progress = route_progress(inc, &roster, t("10:20"));
    assert!(unlogged_moves(inc, &progress).is_empty());
    // A level the route does not have is refused.
    let beyond = Change::MovedUpByTime {
        incident: id.clone(),
        to_level: 2,
        minutes: 20,
    };
    assert_eq!(
        stamped(beyond, t("10:40"), "desk-a").apply(&mut file),
        Err(ChangeError::NoSuchLevel(id.clone(), 2))
    );
    // A route resolved again starts afresh: its own move is logged again.
    if let Some(route) = file.get_mut(&id).unwrap().route.as_mut() {
        route.resolved_at = Some(t("10:30"));
    }
    assert!(!move_logged(file.get(&id).unwrap(), 1));
    let again = stamped(moved, t("10:50"), "desk-a").apply(&mut file);
    assert_eq!(again, Ok(Applied::Changed(id)));
}
