//! Whole screens of an incident two desks worked on while cut off from each other, merged:
//! the open list and the detail tag its conflict (`[CONFLICT]` / `[競合]`), and its
//! timeline keeps both sides' facts with what the merge says of them (after close, conflict,
//! overrode). Frozen clock, both languages.

mod common;

use common::{ago, app_with, render};
use shiftdesk::app::Action;
use shiftdesk_core::change::{Change, NewIncident, Reported, Stamped};
use shiftdesk_core::desk::IncidentsFile;
use shiftdesk_core::i18n::Lang;
use shiftdesk_core::record::Scope;
use shiftdesk_core::sync::{Event, Hlc, fold_incident};
use shiftdesk_core::{Category, IncidentId, Severity};
use shiftdesk_store::playbooks_file::bundled_playbooks;
use shiftdesk_store::roster_file::sample_roster;
use std::collections::BTreeMap;
use std::sync::Arc;

fn id() -> IncidentId {
    IncidentId::for_desk("TYO1", 1)
}

/// An event made at `desk` by `by`, `minutes_ago`, its maker having seen the events of
/// the other desk made up to `seen` minutes ago (None: none of them).
fn event(desk: &str, by: &str, minutes_ago: i64, seen: Option<i64>, change: Change) -> Event {
    let at = ago(minutes_ago);
    let mut random = [0u8; 10];
    random[..8].copy_from_slice(&minutes_ago.to_be_bytes());
    random[8] = desk.as_bytes()[0];
    let stamped = Stamped::new(change, at, by, desk, random);
    let clock = |at: chrono::DateTime<chrono::Utc>| Hlc {
        ms: at.timestamp_millis(),
        n: 0,
    };
    let other = if desk == "TYO1" { "OSA1" } else { "TYO1" };
    let seen = seen
        .map(|m| BTreeMap::from([(other.to_string(), clock(ago(m)))]))
        .unwrap_or_default();
    Event::of_incident(&stamped, "TYO", clock(at), seen)
}

fn scope(services: &str) -> Change {
    Change::SetScope {
        incident: id(),
        scope: Box::new(Scope {
            services: services.into(),
            ..Scope::default()
        }),
        conditions: vec![],
    }
}

/// Opened in Tokyo an hour ago and seen in Osaka; then the link went down 50 minutes ago:
/// both set the scope, both closed it without review, Osaka added a note after Tokyo's
/// close, and Tokyo reopened it not knowing Osaka had closed it too.
fn merged_desk() -> IncidentsFile {
    let books = bundled_playbooks();
    let reported = Reported {
        title: "Mail server down".into(),
        category: Category::SystemOutage,
        kind: None,
        severity: Severity::HIGH,
        detected_at: ago(65),
        description: String::new(),
    };
    let book = books.for_category(Category::SystemOutage).unwrap();
    let mut new = NewIncident::new(reported, book, &sample_roster());
    new.id = Some(id());
    let events = [
        event("TYO1", "yamada", 60, None, Change::Open(Box::new(new))),
        event("OSA1", "tanaka", 45, Some(60), scope("mail")),
        event("TYO1", "yamada", 44, None, scope("mail, calendar")),
        event(
            "TYO1",
            "yamada",
            40,
            None,
            Change::CloseWithoutReview {
                incident: id(),
                reason: "Restarted".into(),
            },
        ),
        event(
            "OSA1",
            "tanaka",
            39,
            Some(60),
            Change::Note {
                incident: id(),
                text: "Osaka still cannot send".into(),
            },
        ),
        event(
            "OSA1",
            "tanaka",
            38,
            Some(60),
            Change::CloseWithoutReview {
                incident: id(),
                reason: "Fixed here".into(),
            },
        ),
        event(
            "TYO1",
            "yamada",
            30,
            None,
            Change::Reopen {
                incident: id(),
                reason: "Queue stuck again".into(),
            },
        ),
    ];
    let folded = fold_incident(&events);
    assert!(folded.not_applied.is_empty(), "{:?}", folded.not_applied);
    let mut file = IncidentsFile::default();
    file.incidents
        .push(Arc::new(folded.incident.expect("opened")));
    file
}

fn desk(lang: Lang, size: (u16, u16)) -> String {
    render(&app_with(merged_desk(), lang, size))
}

fn timeline(lang: Lang) -> String {
    let mut app = app_with(merged_desk(), lang, (100, 30));
    app.update(Action::ShowTimeline);
    render(&app)
}

#[test]
fn merged_desk_80x24_en() {
    insta::assert_snapshot!(desk(Lang::En, (80, 24)));
}

#[test]
fn merged_desk_80x24_ja() {
    insta::assert_snapshot!(desk(Lang::Ja, (80, 24)));
}

#[test]
fn merged_desk_120x40_en() {
    insta::assert_snapshot!(desk(Lang::En, (120, 40)));
}

#[test]
fn merged_timeline_en() {
    insta::assert_snapshot!(timeline(Lang::En));
}

#[test]
fn merged_timeline_ja() {
    insta::assert_snapshot!(timeline(Lang::Ja));
}

#[test]
fn the_conflict_is_tagged_in_the_list_and_the_detail_and_both_facts_stay() {
    let text = desk(Lang::En, (120, 40));
    assert!(
        text.matches("[CONFLICT]").count() >= 2,
        "list row and detail header: {text}"
    );
    let ja = desk(Lang::Ja, (120, 40));
    assert!(ja.matches("[競合]").count() >= 2, "{ja}");
    let t = timeline(Lang::En);
    assert!(t.contains("[after close]"), "{t}");
    assert!(t.contains("Osaka still cannot send"), "{t}");
    assert!(t.contains("[CONFLICT]"), "{t}");
    assert!(t.contains("overrode a change made at the same time"), "{t}");
    assert!(t.contains("Restarted") && t.contains("Fixed here"), "{t}");
}

/// A problem of the link reaches the operator in the desk's language: the thread says what
/// kind of trouble it is, the desk words it.
#[test]
fn a_link_problem_is_told_in_the_operators_language() {
    use shiftdesk::app::sync::SyncNews;
    use shiftdesk_sync::{Problem, Trouble};
    let made_anew = Problem::new(
        Trouble::MadeAnew {
            site: "TYO".into(),
            end: 3,
            place: 40,
        },
        "",
    );
    let sending = Problem::new(Trouble::Send { site: "TYO".into() }, "timed out");
    for (lang, wanted) in [
        (
            Lang::En,
            [
                "Sync:siteTYO'sstreamSHIFTDESK_TYOendsat#3",
                "Sync:sendingtositeTYOfailed",
            ],
        ),
        (
            Lang::Ja,
            [
                "同期:拠点TYOのストリームSHIFTDESK_TYOは#3までしかなく",
                "同期:拠点TYOへの送信に失敗しました",
            ],
        ),
    ] {
        for (problem, wanted) in [&made_anew, &sending].into_iter().zip(wanted) {
            let mut app = app_with(IncidentsFile::default(), lang, (160, 30));
            app.link.on = true;
            let (msg, values) = shiftdesk::sync_link::worded(problem);
            app.update(Action::Sync(vec![SyncNews::Problem(msg, values)]));
            let screen = common::squeeze(&render(&app));
            assert!(screen.contains(wanted), "{lang:?}: {screen}");
            if lang == Lang::Ja {
                assert!(!screen.contains("siteTYO"), "{screen}");
            }
        }
    }
}
