//! Events as lines: every change round-trips; what a desk cannot read is refused, saying
//! what and where.

use super::*;
use crate::category::Category;
use crate::change::{Change, NewIncident, Reclassification};
use crate::decision::{DecisionInput, DecisionOutcome, ForwardedTo};
use crate::drill::Answer;
use crate::guide::CountedFrom;
use crate::i18n::Lang;
use crate::incident::{AttemptOutcome, IncidentId, IncidentKind};
use crate::obligation::{ConditionInput, Known, ObligationTerms};
use crate::playbook::Bilingual;
use crate::record::{Effect, MeasureInput, NewMeasure, ReviewInput, Scope};
use crate::roster::Unavailable;
use crate::roster::change::{ContactFields, RosterChange};
use crate::roster::csv::{ImportRow, PhoneMerge};
use crate::roster::rotation::OnDutyPick;
use crate::severity::Severity;
use crate::test_fixtures::{incident_at, stamped, t};
use std::collections::BTreeMap;
use std::sync::Arc;

fn id() -> IncidentId {
    IncidentId::for_desk("TYO1", 3)
}

fn words(en: &str, ja: &str) -> Bilingual {
    Bilingual {
        en: en.into(),
        ja: ja.into(),
    }
}

/// The name of a change's variant; the match makes a new variant fail to compile here
/// until it has a fixture below.
fn variant(change: &Change) -> &'static str {
    match change {
        Change::Open(_) => "open",
        Change::SetStep { .. } => "set_step",
        Change::NoteStep { .. } => "note_step",
        Change::SetNotApplicable { .. } => "set_not_applicable",
        Change::Note { .. } => "note",
        Change::Close { .. } => "close",
        Change::Attempt { .. } => "attempt",
        Change::Escalate { .. } => "escalate",
        Change::MovedUpByTime { .. } => "moved_up_by_time",
        Change::ResolveOnDuty { .. } => "resolve_on_duty",
        Change::UpdateSent { .. } => "update_sent",
        Change::Reclassify { .. } => "reclassify",
        Change::SetScope { .. } => "set_scope",
        Change::SetObligationDone { .. } => "set_obligation_done",
        Change::DecideScope { .. } => "decide_scope",
        Change::Consult { .. } => "consult",
        Change::InterimAction { .. } => "interim_action",
        Change::SaveReview { .. } => "save_review",
        Change::AddMeasure { .. } => "add_measure",
        Change::SetMeasureDone { .. } => "set_measure_done",
        Change::CloseWithoutReview { .. } => "close_without_review",
        Change::Reopen { .. } => "reopen",
        Change::LogInjects { .. } => "log_injects",
        Change::JumpDrill { .. } => "jump_drill",
        Change::AnswerCheck { .. } => "answer_check",
        Change::EndDrill { .. } => "end_drill",
        Change::FromArchive { .. } => "from_archive",
    }
}

const VARIANTS: usize = 27;

/// One change of every variant, with every field it carries filled.
pub(crate) fn every_change() -> Vec<Change> {
    let incident = id();
    let inc = incident_at("10:00");
    let kind = IncidentKind {
        id: "with_failover".into(),
        name: words("With failover", "切替あり"),
    };
    let pick = OnDutyPick {
        rotation: "night".into(),
        name: "夜間当番".into(),
        zone: "Asia/Tokyo".into(),
        person: Some("sato".into()),
        from: Some(t("09:00")),
        until: Some(t("18:00")),
        by_override: true,
        at: t("10:05"),
        extra: serde_json::Map::new(),
    };
    let terms = ObligationTerms {
        id: "ppc-report".into(),
        what: words("Report", "報告"),
        to: words("PPC", "個人情報保護委員会"),
        within_days: 3,
        counted_from: CountedFrom::Learned,
        example: true,
    };
    vec![
        Change::Open(Box::new(NewIncident {
            id: Some(incident.clone()),
            title: "メールサーバ停止 \"quoted\"".into(),
            category: Category::SystemOutage,
            kind: Some(kind.clone()),
            severity: Severity::HIGH,
            detected_at: t("09:58"),
            description: "line 1\nline 2".into(),
            drill: true,
            checklist: inc.checklist.clone(),
            route: None,
            drill_run: None,
        })),
        Change::SetStep {
            incident: incident.clone(),
            step: "s1".into(),
            done: true,
        },
        Change::NoteStep {
            incident: incident.clone(),
            step: "s1".into(),
            text: "checked the logs".into(),
        },
        Change::SetNotApplicable {
            incident: incident.clone(),
            step: "s2".into(),
            not_applicable: true,
            reason: "no backup".into(),
        },
        Change::Note {
            incident: incident.clone(),
            text: "状況を確認中".into(),
        },
        Change::Close {
            incident: incident.clone(),
        },
        Change::Attempt {
            incident: incident.clone(),
            contact: "sato".into(),
            level: 1,
            outcome: AttemptOutcome::LeftMessage,
            contact_role: "security_officer".into(),
        },
        Change::Escalate {
            incident: incident.clone(),
            to_level: 2,
            reason: "no answer".into(),
        },
        Change::MovedUpByTime {
            incident: incident.clone(),
            to_level: 1,
            minutes: 15,
        },
        Change::ResolveOnDuty {
            incident: incident.clone(),
            level: 1,
            started: t("10:04"),
            pick: Box::new(pick),
        },
        Change::UpdateSent {
            incident: incident.clone(),
            text: "restored at 11:00".into(),
        },
        Change::Reclassify {
            incident: incident.clone(),
            to: Box::new(Reclassification {
                category: Category::Security,
                kind: Some(kind),
                severity: Severity::CRITICAL,
                reason: "data leaked".into(),
                route: None,
                checklist: inc.checklist.clone(),
            }),
        },
        Change::SetScope {
            incident: incident.clone(),
            scope: Box::new(Scope {
                services: "mail".into(),
                affected: "all staff".into(),
                estimated_count: Some(100),
                estimated_count_text: "約100件".into(),
                since: Some(t("09:50")),
                notes: "n".into(),
                extra: serde_json::Map::new(),
            }),
            conditions: vec![ConditionInput {
                id: "personal-data".into(),
                question: words("Personal data?", "個人データ?"),
                answer: Known::Yes,
                obligations: vec![terms],
            }],
        },
        Change::SetObligationDone {
            incident: incident.clone(),
            obligation: "ppc-report".into(),
            done: true,
        },
        Change::DecideScope {
            incident: incident.clone(),
            decision: Box::new(DecisionInput {
                request: None,
                outcome: DecisionOutcome::Forwarded {
                    to: ForwardedTo::Named {
                        name: "facilities".into(),
                    },
                    note: "handed over".into(),
                },
            }),
        },
        Change::Consult {
            incident: incident.clone(),
            contact: Some("sato".into()),
            who: "佐藤".into(),
            advice: "fail over".into(),
        },
        Change::InterimAction {
            incident: incident.clone(),
            action: "failed over".into(),
            effect: Effect::Partly,
        },
        Change::SaveReview {
            incident: incident.clone(),
            review: Box::new(ReviewInput {
                what_happened: "w".into(),
                cause: "c".into(),
                went_well: "g".into(),
                went_badly: "b".into(),
                measures: vec![MeasureInput {
                    id: Some(1),
                    text: "monitor".into(),
                    owner: "ops".into(),
                    due: chrono::NaiveDate::from_ymd_opt(2026, 12, 24),
                }],
                shared_with: "team".into(),
            }),
        },
        Change::AddMeasure {
            incident: incident.clone(),
            measure: Box::new(NewMeasure {
                text: "drill again".into(),
                owner: "lead".into(),
                due: None,
                check: Some("c1".into()),
            }),
        },
        Change::SetMeasureDone {
            incident: incident.clone(),
            measure: 2,
            done: false,
        },
        Change::CloseWithoutReview {
            incident: incident.clone(),
            reason: "duplicate".into(),
        },
        Change::Reopen {
            incident: incident.clone(),
            reason: "came back".into(),
        },
        Change::LogInjects {
            incident: incident.clone(),
            upto: 3,
        },
        Change::JumpDrill {
            incident: incident.clone(),
            minutes: 10,
        },
        Change::AnswerCheck {
            incident: incident.clone(),
            check: "c1".into(),
            answer: Answer::NotChecked,
            note: "n".into(),
        },
        Change::EndDrill {
            incident: incident.clone(),
        },
        Change::FromArchive {
            archived: Arc::new(inc),
            change: Box::new(Change::SetMeasureDone {
                incident: IncidentId::from_number(1),
                measure: 1,
                done: true,
            }),
        },
    ]
}

fn every_roster_change() -> Vec<RosterChange> {
    let fields = ContactFields {
        name: "Kato Jun".into(),
        kana: "かとう".into(),
        role: "課長".into(),
        team: "ops".into(),
        phone: "080-0000-2222".into(),
        phone2: "03-0000-0000".into(),
        email: "kato@example.com".into(),
        notes: "n".into(),
    };
    vec![
        RosterChange::Add {
            contact: "kato-jun".into(),
            fields: fields.clone(),
        },
        RosterChange::Edit {
            contact: "kato-jun".into(),
            fields,
        },
        RosterChange::Delete {
            contact: "kato-jun".into(),
        },
        RosterChange::SetAvailability {
            contact: "sato".into(),
            unavailable: Some(Unavailable {
                until: Some(t("18:00")),
                reason: "leave".into(),
                extra: serde_json::Map::new(),
            }),
        },
        RosterChange::Import {
            rows: vec![ImportRow {
                line: 2,
                name: "佐藤 花子".into(),
                kana: String::new(),
                role: String::new(),
                team: String::new(),
                phones: vec!["090-0000-1101".into()],
                email: String::new(),
                notes: String::new(),
            }],
            phones: PhoneMerge::Replace,
        },
    ]
}

fn event(change: EventChange) -> Event {
    let s = stamped((), t("10:00"), "sato");
    Event {
        v: EVENT_VERSION,
        id: s.id,
        site: "TYO".into(),
        desk: "TYO1".into(),
        operator: "sato".into(),
        at: t("10:00"),
        clock: Hlc {
            ms: t("10:00").timestamp_millis(),
            n: 2,
        },
        seen: BTreeMap::from([("OSA1".to_string(), Hlc { ms: 5, n: 1 })]),
        change,
    }
}

#[test]
fn every_change_round_trips_through_a_line() {
    let changes = every_change();
    let mut names: Vec<&str> = changes.iter().map(variant).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), VARIANTS, "a fixture per variant");
    for change in changes {
        let e = event(EventChange::Incident(change));
        let line = e.to_line();
        assert!(!line.contains('\n'), "{line}");
        let name = match &e.change {
            EventChange::Incident(c) => variant(c),
            EventChange::Roster(_) => unreachable!(),
        };
        assert!(
            line.contains(&format!("{{\"incident\":{{\"type\":\"{name}\"")),
            "{line}"
        );
        assert_eq!(Event::from_line(&line), Ok(e), "{name}");
    }
}

#[test]
fn every_roster_change_round_trips_through_a_line() {
    for change in every_roster_change() {
        let e = event(EventChange::Roster(change));
        let line = e.to_line();
        assert!(line.contains("{\"roster\":{\"type\":"), "{line}");
        assert_eq!(Event::from_line(&line), Ok(e));
    }
}

#[test]
fn an_event_names_its_incident_and_its_id() {
    let changes = every_change();
    let open = event(EventChange::Incident(changes[0].clone()));
    assert_eq!(open.incident(), Some(id()));
    let note = event(EventChange::Incident(changes[4].clone()));
    assert_eq!(note.incident(), Some(id()));
    assert_eq!(note.id_text(), note.id.to_string());
    assert_eq!(note.id_text().len(), 36);
    let roster = event(EventChange::Roster(every_roster_change().remove(0)));
    assert_eq!(roster.incident(), None);
    let back = note.stamped().unwrap();
    assert_eq!((back.id, back.origin.as_str()), (note.id, "TYO1"));
    assert_eq!(
        Event::of_incident(&back, "TYO", note.clock, note.seen.clone()),
        note
    );
}

#[test]
fn a_field_added_later_may_be_missing() {
    // An event from before `seen`, an Attempt before `contact_role`, a Consult without a
    // contact, an Open without an id.
    let line = format!(
        r#"{{"v":1,"id":"{}","site":"TYO","desk":"TYO1","operator":"sato","at":"2026-11-20T01:00:00Z","clock":{{"ms":1,"n":0}},"change":{{"incident":{{"type":"attempt","incident":"INC-0003","contact":"sato","level":0,"outcome":"reached"}}}}}}"#,
        event(EventChange::Roster(RosterChange::Delete {
            contact: "x".into()
        }))
        .id
    );
    let e = Event::from_line(&line).unwrap();
    assert!(e.seen.is_empty());
    match e.change {
        EventChange::Incident(Change::Attempt { contact_role, .. }) => {
            assert_eq!(contact_role, "")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_newer_version_is_refused_as_such() {
    let mut e = event(EventChange::Incident(every_change().remove(4)));
    e.v = 2;
    let line = e.to_line();
    let err = Event::from_line(&line).unwrap_err();
    assert_eq!(
        err,
        EventError::Version {
            id: e.id_text(),
            v: 2
        }
    );
    assert!(err.to_string().contains("version 2 is newer"), "{err}");
    assert!(err.message(Lang::Ja).contains("バージョン 2"));
    // Even when the rest would not read as version 1.
    let odd = r#"{"v":2,"id":"x","change":{"incident":{"type":"teleport"}}}"#;
    assert!(matches!(
        Event::from_line(odd),
        Err(EventError::Version { v: 2, .. })
    ));
}

#[test]
fn garbage_is_refused_saying_what_and_where() {
    let err = Event::from_line("{\"v\":1,\"id\":").unwrap_err();
    assert!(matches!(err, EventError::NotJson { .. }), "{err:?}");
    assert!(
        err.to_string().starts_with("event line, column 12"),
        "{err}"
    );
    assert!(matches!(
        Event::from_line("[1,2]"),
        Err(EventError::NotJson { .. })
    ));
    assert_eq!(
        Event::from_line(r#"{"id":"x"}"#),
        Err(EventError::NoVersion)
    );

    let good = event(EventChange::Incident(every_change().remove(4))).to_line();
    let unknown = good.replace("\"type\":\"note\"", "\"type\":\"teleport\"");
    let err = Event::from_line(&unknown).unwrap_err();
    let text = err.to_string();
    assert!(text.contains("change.incident.teleport"), "{text}");
    assert!(text.contains("unknown variant `teleport`"), "{text}");

    let no_text = good.replace("\"text\":", "\"txet\":");
    let text = Event::from_line(&no_text).unwrap_err().to_string();
    assert!(text.contains("change.incident.note"), "{text}");
    assert!(text.contains("missing field `text`"), "{text}");

    let bad_clock = good.replace("\"clock\":", "\"clock\":\"soon\",\"old\":");
    let text = Event::from_line(&bad_clock).unwrap_err().to_string();
    assert!(text.contains("envelope"), "{text}");
}

#[test]
fn an_open_under_a_taken_id_takes_the_next_here_and_is_refused_in_a_fold() {
    let mut file = crate::desk::IncidentsFile::default();
    let open = every_change().remove(0);
    let first = stamped(open.clone(), t("10:00"), "sato");
    assert_eq!(
        first.apply(&mut file),
        Ok(crate::change::Applied::Opened(id()))
    );
    // A second desk on the same data dir with the same code saved first: the next number.
    let mut twin = file.clone();
    let again = stamped(open.clone(), t("10:01"), "sato");
    assert_eq!(
        again.apply(&mut twin),
        Ok(crate::change::Applied::Opened(IncidentId(
            "INC-TYO1-0004".into()
        )))
    );
    let again = stamped(open, t("10:01"), "sato");
    let err = again
        .apply_in(&mut file, crate::change::Mode::Merge)
        .unwrap_err();
    assert_eq!(err, crate::change::ChangeError::IdTaken(id()));
    assert!(err.to_string().contains("INC-TYO1-0003 is taken"), "{err}");
    assert!(err.message(Lang::Ja).contains("使用済み"));
    assert_eq!(file.next_id_for("TYO1").0, "INC-TYO1-0004");
    assert_eq!(file.next_id_for("OSA1").0, "INC-OSA1-0001");
    assert_eq!(file.next_id_for_after("TYO1", 9).0, "INC-TYO1-0010");
    assert_eq!(file.next_id_for_after("TYO1", 1).0, "INC-TYO1-0004");
    // Plain ids go on from their own numbers.
    assert_eq!(file.next_id().0, "INC-0001");
}
