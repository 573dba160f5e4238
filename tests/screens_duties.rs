//! Whole screens of obligations and out-of-scope decisions, with a frozen clock, in both
//! languages at 80x24 and 120x40: the scope form asking the guide's condition, the desk
//! with obligations counting down (one due within a day on the Next line), the list `O`,
//! and the decision form `d`.

mod common;

use chrono::Duration;
use common::{ago, app_with, render};
use shiftdesk::app::Action;
use shiftdesk_core::change::{Applied, Change, NewIncident, Reported};
use shiftdesk_core::decision::{DecisionInput, DecisionOutcome, ForwardedTo, ScopeRequest};
use shiftdesk_core::desk::IncidentsFile;
use shiftdesk_core::i18n::Lang;
use shiftdesk_core::incident::AttemptOutcome;
use shiftdesk_core::obligation::{Known, conditions_for};
use shiftdesk_core::test_fixtures::stamped;
use shiftdesk_core::{Category, IncidentId, Severity};
use shiftdesk_store::guide_file::bundled_guide;
use shiftdesk_store::playbooks_file::bundled_playbooks;
use shiftdesk_store::roster_file::sample_roster;

const DAY: i64 = 24 * 60;

fn apply(file: &mut IncidentsFile, change: Change, minutes_ago: i64) -> Applied {
    stamped(change, ago(minutes_ago), "yamada")
        .apply(file)
        .unwrap()
}

fn open(
    file: &mut IncidentsFile,
    (title, category, kind): (&str, Category, Option<&str>),
    severity: u8,
    minutes_ago: i64,
) -> IncidentId {
    let books = bundled_playbooks();
    let reported = Reported {
        title: title.into(),
        category,
        kind: kind.map(str::to_string),
        severity: Severity::new(severity).unwrap(),
        detected_at: ago(minutes_ago),
        description: String::new(),
    };
    let book = books.for_category(category).unwrap();
    let new = NewIncident::new(reported, book, &sample_roster());
    match apply(file, Change::Open(Box::new(new)), minutes_ago) {
        Applied::Opened(id) => id,
        other => panic!("{other:?}"),
    }
}

fn reached(file: &mut IncidentsFile, id: &IncidentId, minutes_ago: i64) {
    let change = Change::Attempt {
        incident: id.clone(),
        contact: "sato-hanako".into(),
        level: 0,
        outcome: AttemptOutcome::Reached,
        contact_role: String::new(),
    };
    apply(file, change, minutes_ago);
}

/// A misdirected email, its report given, not yet asked about personal information.
fn email_desk() -> (IncidentsFile, IncidentId) {
    let mut file = IncidentsFile::default();
    let kind = ("Invoice sent to the wrong customer", Category::Security);
    let email = open(
        &mut file,
        (kind.0, kind.1, Some("misdirected_email")),
        3,
        4 * DAY + 180,
    );
    reached(&mut file, &email, 4 * DAY + 170);
    (file, email)
}

/// The email with personal information found four days and two hours ago (so the
/// preliminary report and the notice are due within a day), the notice done, a status
/// update given ten minutes ago; and an out-of-scope request forwarded by the scope
/// definition.
fn duties_desk() -> IncidentsFile {
    let (mut file, email) = email_desk();
    let asked = conditions_for(
        &bundled_guide(),
        Category::Security,
        Some("misdirected_email"),
    );
    let yes = Change::SetScope {
        incident: email.clone(),
        scope: Box::default(),
        conditions: asked.iter().map(|a| a.answered(Known::Yes)).collect(),
    };
    apply(&mut file, yes, 4 * DAY + 120);
    let done = Change::SetObligationDone {
        incident: email.clone(),
        obligation: "notify-affected-people".into(),
        done: true,
    };
    apply(&mut file, done, 60);
    let update = Change::UpdateSent {
        incident: email,
        text: "Recipient asked to delete the mail".into(),
    };
    apply(&mut file, update, 10);
    let request = (
        "Password reset asked of the desk",
        Category::OutOfScope,
        None,
    );
    let asked = open(&mut file, request, 4, 30);
    reached(&mut file, &asked, 25);
    let guide = bundled_guide();
    let entry = &guide.scope.as_ref().unwrap().does_not_handle[0];
    let decision = DecisionInput {
        request: Some(ScopeRequest::of(entry)),
        outcome: DecisionOutcome::Forwarded {
            to: ForwardedTo::of(&entry.forward_to, &sample_roster()),
            note: String::new(),
        },
    };
    let change = Change::DecideScope {
        incident: asked,
        decision: Box::new(decision),
    };
    apply(&mut file, change, 20);
    file
}

fn scope_form(lang: Lang, size: (u16, u16)) -> String {
    let (file, _) = email_desk();
    let mut app = app_with(file, lang, size);
    app.update(Action::RecordScope);
    render(&app)
}

fn desk(lang: Lang, size: (u16, u16)) -> String {
    render(&app_with(duties_desk(), lang, size))
}

#[test]
fn scope_form_asks_the_condition_80x24_en() {
    insta::assert_snapshot!(scope_form(Lang::En, (80, 24)));
}

#[test]
fn scope_form_asks_the_condition_80x24_ja() {
    insta::assert_snapshot!(scope_form(Lang::Ja, (80, 24)));
}

#[test]
fn scope_form_asks_the_condition_120x40_en() {
    insta::assert_snapshot!(scope_form(Lang::En, (120, 40)));
}

#[test]
fn scope_form_asks_the_condition_120x40_ja() {
    insta::assert_snapshot!(scope_form(Lang::Ja, (120, 40)));
}

#[test]
fn desk_with_obligations_80x24_en() {
    insta::assert_snapshot!(desk(Lang::En, (80, 24)));
}

#[test]
fn desk_with_obligations_80x24_ja() {
    insta::assert_snapshot!(desk(Lang::Ja, (80, 24)));
}

#[test]
fn desk_with_obligations_120x40_en() {
    insta::assert_snapshot!(desk(Lang::En, (120, 40)));
}

#[test]
fn desk_with_obligations_120x40_ja() {
    insta::assert_snapshot!(desk(Lang::Ja, (120, 40)));
}

#[test]
fn the_most_urgent_obligation_is_on_the_next_line_and_says_once_it_is_overdue() {
    let text = desk(Lang::En, (120, 40));
    assert!(
        text.contains("▶ Next: 1 day left (due 11-30 12:30): Preliminary report"),
        "{text}"
    );
    assert!(
        text.contains("→ Personal Information Protection Commission"),
        "{text}"
    );
    assert!(text.contains("[O]"), "{text}");
    // A day later the preliminary report is overdue, and says so; the status update, due
    // in minutes and overdue too, comes first on the Next line.
    let mut app = app_with(duties_desk(), Lang::En, (120, 40));
    app.update(Action::Tick(common::now() + Duration::days(1)));
    let later = render(&app);
    assert!(
        later.contains("[ ] OVERDUE since 12:30 · Preliminary report"),
        "{later}"
    );
    // (It called for attention on that tick, which the Next line marks.)
    assert!(
        later.contains("▶ CALLED · Next: give a status update"),
        "{later}"
    );
}

#[test]
fn obligations_list_120x40_ja() {
    let mut app = app_with(duties_desk(), Lang::Ja, (120, 40));
    app.update(Action::Obligations);
    insta::assert_snapshot!(render(&app));
}

#[test]
fn decision_form_80x24_en() {
    let mut app = app_with(duties_desk(), Lang::En, (80, 24));
    app.update(Action::MoveDown);
    app.update(Action::DecideScope);
    insta::assert_snapshot!(render(&app));
}

/// A form's draft, restored as the form it came from, gives the same draft again.
fn round_trip(what: &str, form: &dyn shiftdesk::app::layer::Layer, app: &shiftdesk::app::App) {
    let draft = form
        .draft(common::now())
        .unwrap_or_else(|| panic!("{what}: a draft"));
    assert!(form.unsaved(), "{what}: Esc warns first");
    let back = shiftdesk::app::layers::restore::form_of(&draft, app)
        .unwrap_or_else(|| panic!("{what}: restored"));
    let again = back.draft(common::now()).expect("still a draft");
    assert!(
        again.same_as(&draft),
        "{what}: {draft:?} came back as {again:?}"
    );
}

#[test]
fn the_scope_and_decision_forms_keep_drafts_with_their_answers_and_picks() {
    use shiftdesk::app::layer::Layer;
    use shiftdesk::app::layers::decision::DecisionForm;
    use shiftdesk::app::layers::scope::ScopeForm;
    use shiftdesk_core::obligation::Known;
    let key = |code| Action::Input(ratatui::crossterm::event::KeyEvent::from(code));
    use ratatui::crossterm::event::KeyCode;

    // The scope form: an answer picked is kept though nothing was typed.
    let (file, email) = email_desk();
    let app = app_with(file, Lang::En, (120, 40));
    let mut scope = ScopeForm::of(&app, email).unwrap();
    assert_eq!(
        scope.on_question,
        Some(0),
        "focus on the question not answered"
    );
    assert!(scope.draft(common::now()).is_none());
    scope.handle(&key(KeyCode::Right), &app);
    assert_eq!(scope.questions[0].answer, Known::Yes);
    round_trip("scope", &scope, &app);
    scope.handle(&Action::FieldNext, &app);
    scope.handle(&Action::Paste("Mail".into()), &app);
    round_trip("scope with text", &scope, &app);

    // The decision form opens on the decision standing; a pick moved, or text typed, is a
    // draft.
    let app = app_with(duties_desk(), Lang::En, (120, 40));
    let mut decision = DecisionForm::of(&app, IncidentId::from_number(2));
    assert_eq!(decision.request, 0, "on the decision standing");
    assert!(decision.draft(common::now()).is_none());
    decision.handle(&key(KeyCode::Down), &app);
    round_trip("decision", &decision, &app);
    decision.handle(&Action::FieldNext, &app);
    decision.handle(&key(KeyCode::Right), &app);
    decision.handle(&Action::FieldNext, &app);
    decision.handle(&Action::Paste("Told to ask\nher manager".into()), &app);
    round_trip("decision with text", &decision, &app);
}
