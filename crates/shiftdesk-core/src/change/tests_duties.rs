//! The guide's conditions answered with the scope, the obligations a yes brings (once), a
//! no withdraws and a later yes reinstates; obligations done with a stamp; decisions on
//! out-of-scope requests, the step they fulfil, and what the Next line says of them.

use super::*;
use crate::category::Category;
use crate::checklist::DoneVia;
use crate::decision::{DecisionInput, DecisionOutcome, ForwardedTo, ScopeRequest, requests};
use crate::next_action::{NextAction, next_action};
use crate::obligation::{Known, conditions_for};
use crate::playbook::StepRole;
use crate::roster::Roster;
use crate::test_fixtures::{bundled_guide, incident_of, stamped, t};
use chrono::Duration;

fn file_with(category: Category, kind: Option<&str>) -> (IncidentsFile, IncidentId) {
    let inc = incident_of(category, kind, "10:00");
    let id = inc.id.clone();
    let mut file = IncidentsFile::default();
    file.incidents.push(Arc::new(inc));
    (file, id)
}

fn answer(id: &IncidentId, known: Known) -> Change {
    let asked = conditions_for(
        &bundled_guide(),
        Category::Security,
        Some("misdirected_email"),
    );
    Change::SetScope {
        incident: id.clone(),
        scope: Box::default(),
        conditions: asked.iter().map(|a| a.answered(known)).collect(),
    }
}

fn apply(file: &mut IncidentsFile, change: Change, at: &str) -> Result<Applied, ChangeError> {
    stamped(change, t(at), "yamada").apply(file)
}

fn kinds(file: &IncidentsFile, id: &IncidentId) -> Vec<EntryKind> {
    file.get(id)
        .unwrap()
        .timeline
        .iter()
        .map(|e| e.kind)
        .collect()
}

#[test]
fn a_yes_brings_each_obligation_once_counted_from_when_it_was_answered() {
    let (mut file, id) = file_with(Category::Security, Some("misdirected_email"));
    let yes = stamped(answer(&id, Known::Yes), t("10:20"), "yamada");
    assert_eq!(yes.apply(&mut file), Ok(Applied::Changed(id.clone())));
    let inc = file.get(&id).unwrap();
    assert_eq!(inc.obligations.len(), 3);
    let first = &inc.obligations[0];
    // Learned when answered yes: the preliminary report is due five days from then.
    assert_eq!(first.from, t("10:20"));
    assert_eq!(first.due, t("10:20") + Duration::days(5));
    assert!(first.is_open() && first.example);
    assert_eq!(inc.conditions[0].answer, Known::Yes);
    // Nothing to say about the scope: no empty scope logged, and the step it checks stays.
    assert!(inc.scope.is_none());
    assert_eq!(
        kinds(&file, &id),
        [
            EntryKind::ConditionAnswered,
            EntryKind::ObligationArose,
            EntryKind::ObligationArose,
            EntryKind::ObligationArose
        ]
    );
    // The same change again, or yes again later, brings nothing more.
    assert_eq!(yes.apply(&mut file), Ok(Applied::Unchanged));
    assert_eq!(
        apply(&mut file, answer(&id, Known::Yes), "11:00"),
        Ok(Applied::Unchanged)
    );
    let inc = file.get(&id).unwrap();
    assert_eq!((inc.obligations.len(), inc.timeline.len()), (3, 4));
    assert_eq!(inc.obligations[0].from, t("10:20"));
}

#[test]
fn not_known_says_nothing_until_something_was_said_and_leaves_a_yes_standing() {
    let (mut file, id) = file_with(Category::Security, Some("misdirected_email"));
    assert_eq!(
        apply(&mut file, answer(&id, Known::NotKnown), "10:10"),
        Ok(Applied::Unchanged)
    );
    apply(&mut file, answer(&id, Known::Yes), "10:20").unwrap();
    apply(&mut file, answer(&id, Known::NotKnown), "10:30").unwrap();
    let inc = file.get(&id).unwrap();
    assert_eq!(inc.conditions[0].answer, Known::NotKnown);
    assert!(inc.obligations.iter().all(|o| o.is_open()));
}

#[test]
fn a_no_after_a_yes_withdraws_the_open_obligations_kept_and_logged_and_a_yes_reinstates_them() {
    let (mut file, id) = file_with(Category::Security, Some("misdirected_email"));
    apply(&mut file, answer(&id, Known::Yes), "10:20").unwrap();
    let done = Change::SetObligationDone {
        incident: id.clone(),
        obligation: "notify-affected-people".into(),
        done: true,
    };
    apply(&mut file, done, "10:25").unwrap();
    apply(&mut file, answer(&id, Known::No), "10:40").unwrap();
    let inc = file.get(&id).unwrap();
    let state: Vec<(bool, bool)> = inc
        .obligations
        .iter()
        .map(|o| (o.withdrawn.is_some(), o.done.is_some()))
        .collect();
    // The two open ones withdrawn; the one done stays done.
    assert_eq!(state, [(true, false), (true, false), (false, true)]);
    let withdrawn = inc
        .timeline
        .iter()
        .filter(|e| e.kind == EntryKind::ObligationWithdrawn)
        .count();
    assert_eq!(withdrawn, 2);
    // Yes again: they stand again, on the clock they had.
    apply(&mut file, answer(&id, Known::Yes), "11:00").unwrap();
    let inc = file.get(&id).unwrap();
    assert!(inc.obligations.iter().all(|o| o.withdrawn.is_none()));
    assert_eq!(inc.obligations[0].due, t("10:20") + Duration::days(5));
    assert_eq!(inc.obligations.len(), 3);
    assert_eq!(
        inc.timeline.last().unwrap().kind,
        EntryKind::ObligationReinstated
    );
}

#[test]
fn an_obligation_is_done_with_a_stamp_also_once_the_incident_is_closed() {
    let (mut file, id) = file_with(Category::Security, Some("misdirected_email"));
    apply(&mut file, answer(&id, Known::Yes), "10:20").unwrap();
    let set = |done| Change::SetObligationDone {
        incident: id.clone(),
        obligation: "ppc-final-report".into(),
        done,
    };
    let close = Change::CloseWithoutReview {
        incident: id.clone(),
        reason: "handled".into(),
    };
    apply(&mut file, close, "12:00").unwrap();
    assert_eq!(
        apply(&mut file, set(true), "12:30"),
        Ok(Applied::Changed(id.clone()))
    );
    assert_eq!(apply(&mut file, set(true), "12:31"), Ok(Applied::Unchanged));
    let inc = file.get(&id).unwrap();
    let done = inc.obligations[1].done.as_ref().unwrap();
    assert_eq!((done.at, done.by.as_str()), (t("12:30"), "yamada"));
    let entry = inc.timeline.last().unwrap();
    assert_eq!(entry.kind, EntryKind::ObligationDone);
    let roster = Roster::default();
    let words = crate::timeline::describe(
        entry,
        inc,
        &roster,
        crate::i18n::Lang::En,
        &crate::clock::Zone::Named(chrono_tz::Asia::Tokyo),
    );
    assert!(
        words.starts_with("obligation done «Final report within 30 days")
            && words.contains("→ Personal Information Protection Commission"),
        "{words}"
    );
    assert_eq!(
        apply(&mut file, set(false), "12:40"),
        Ok(Applied::Changed(id.clone()))
    );
    let missing = Change::SetObligationDone {
        incident: id.clone(),
        obligation: "nope".into(),
        done: true,
    };
    assert_eq!(
        apply(&mut file, missing, "12:41"),
        Err(ChangeError::NoSuchObligation(id.clone(), "nope".into()))
    );
}

#[test]
fn the_next_line_names_an_obligation_due_within_a_day_before_a_step_but_after_the_report() {
    let (mut file, id) = file_with(Category::Security, Some("misdirected_email"));
    apply(&mut file, answer(&id, Known::Yes), "10:20").unwrap();
    let roster = Roster::default();
    let inc = file.get(&id).unwrap();
    // Five days off: the checklist comes first.
    assert!(matches!(
        next_action(inc, &roster, t("10:30")),
        NextAction::Step { .. }
    ));
    // Within a day of the first due (the preliminary report, index 0): it comes first.
    let soon = t("10:20") + Duration::days(4) + Duration::hours(1);
    assert_eq!(
        next_action(inc, &roster, soon),
        NextAction::Obligation { index: 0 }
    );
    // That one done, the notice to the people affected (also five days) is next.
    let mut done = inc.clone();
    done.obligations[0].done = Some(crate::checklist::Stamp {
        at: soon,
        by: "x".into(),
    });
    assert_eq!(
        next_action(&done, &roster, soon),
        NextAction::Obligation { index: 2 }
    );
    // A report still to give (minutes) comes before any obligation.
    let mut routed = inc.clone();
    routed.route = crate::test_fixtures::three_levels().route;
    let roster = crate::test_fixtures::three_levels_roster();
    assert!(matches!(
        next_action(&routed, &roster, soon),
        NextAction::Call { .. }
    ));
    // With every step settled, an obligation days off is still what comes next.
    let mut settled = inc.clone();
    for s in &mut settled.checklist {
        s.done = Some(crate::checklist::Stamp {
            at: t("11:00"),
            by: "x".into(),
        });
    }
    assert_eq!(
        next_action(&settled, &Roster::default(), t("11:00")),
        NextAction::Obligation { index: 0 }
    );
    let words = crate::next_action::sentence(
        &NextAction::Obligation { index: 0 },
        &settled,
        crate::i18n::Lang::Ja,
        &crate::clock::Zone::Named(chrono_tz::Asia::Tokyo),
        t("11:00"),
    );
    assert!(
        words.starts_with("次: 残り5日(12-04 19:20 期限): 速報:個人データの漏えい等")
            && words.ends_with("… → 個人情報保護委員会"),
        "{words}"
    );
}

fn forwarded(guide: &crate::guide::Guide, roster: &Roster) -> DecisionInput {
    let entry = &requests(guide)[0];
    DecisionInput {
        request: Some(ScopeRequest::of(entry)),
        outcome: DecisionOutcome::Forwarded {
            to: ForwardedTo::of(&entry.forward_to, roster),
            note: String::new(),
        },
    }
}

#[test]
fn a_decision_is_recorded_once_with_its_rule_and_checks_the_step_it_fulfils() {
    let guide = bundled_guide();
    let roster = Roster::default();
    let (mut file, id) = file_with(Category::OutOfScope, None);
    let step = file
        .get(&id)
        .unwrap()
        .checklist
        .iter()
        .find(|s| s.role == Some(StepRole::RecordDecision))
        .map(|s| s.id.clone());
    assert_eq!(step.as_deref(), Some("check-scope-definition"));
    let decide = |d: DecisionInput| Change::DecideScope {
        incident: id.clone(),
        decision: Box::new(d),
    };
    let first = stamped(decide(forwarded(&guide, &roster)), t("10:10"), "yamada");
    assert_eq!(first.apply(&mut file), Ok(Applied::Changed(id.clone())));
    assert_eq!(first.apply(&mut file), Ok(Applied::Unchanged));
    assert_eq!(
        apply(&mut file, decide(forwarded(&guide, &roster)), "10:11"),
        Ok(Applied::Unchanged)
    );
    let inc = file.get(&id).unwrap();
    assert_eq!(inc.scope_decisions.len(), 1);
    let s = inc.step("check-scope-definition").unwrap();
    assert_eq!(s.done_via, Some(DoneVia::ScopeDecided));
    let entry = inc
        .timeline
        .iter()
        .find(|e| e.kind == EntryKind::ScopeDecided)
        .unwrap();
    let words = crate::timeline::describe(
        entry,
        inc,
        &roster,
        crate::i18n::Lang::En,
        &crate::clock::Zone::Named(chrono_tz::Asia::Tokyo),
    );
    assert!(
        words.contains("forwarded to watanabe-yui")
            && words.contains("rule: The desk does not touch accounts or access rights"),
        "{words}"
    );
    // Another decision is added and stands; the first stays in the record.
    let declined = DecisionInput {
        request: forwarded(&guide, &roster).request,
        outcome: DecisionOutcome::Declined {
            told: "Ask your manager to file it".into(),
        },
    };
    apply(&mut file, decide(declined), "10:30").unwrap();
    let inc = file.get(&id).unwrap();
    assert_eq!(inc.scope_decisions.len(), 2);
    assert!(matches!(
        inc.scope_decision().unwrap().outcome,
        DecisionOutcome::Declined { .. }
    ));
    // Who approved an exception must be said.
    let unsaid = DecisionInput {
        request: None,
        outcome: DecisionOutcome::Accepted {
            approved_by: " ".into(),
        },
    };
    assert_eq!(
        apply(&mut file, decide(unsaid), "10:40"),
        Err(ChangeError::EmptyText)
    );
}

#[test]
fn a_decision_is_refused_on_an_incident_that_is_not_an_out_of_scope_request() {
    let guide = bundled_guide();
    let roster = Roster::default();
    let (mut file, id) = file_with(Category::SystemOutage, None);
    let change = Change::DecideScope {
        incident: id.clone(),
        decision: Box::new(forwarded(&guide, &roster)),
    };
    assert_eq!(
        apply(&mut file, change, "10:10"),
        Err(ChangeError::NotOutOfScope(id.clone()))
    );
    assert!(file.get(&id).unwrap().timeline.is_empty());
}
