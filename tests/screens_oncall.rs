//! Whole screens of who is on duty, with a frozen clock, in both languages at 80x24 and
//! 120x40: the route pane of an incident whose first level called the shift leader on duty
//! (whom it resolved to, under the level's head), its second level naming the on-call
//! engineer beside a fixed contact (who is on duty now, before the route comes to it), and
//! the section of who is on duty at the pane's foot.

mod common;

use common::{ago, now, operator, render};
use shiftdesk::app::App;
use shiftdesk_core::Category;
use shiftdesk_core::change::{Change, NewIncident, Reported};
use shiftdesk_core::desk::IncidentsFile;
use shiftdesk_core::i18n::Lang;
use shiftdesk_core::roster::Roster;
use shiftdesk_core::severity::Severity;
use shiftdesk_core::test_fixtures::stamped;
use shiftdesk_store::desk::Desk;
use shiftdesk_store::playbooks_file::bundled_playbooks;
use shiftdesk_store::roster_file::sample_roster;

/// The sample roster, its default route calling the shift leader on duty on L1, and the
/// on-call engineer beside 高橋 誠 on L2.
fn roster() -> Roster {
    let mut roster = sample_roster();
    let levels = &mut roster.routes[0].levels;
    levels[0].contacts.clear();
    levels[0].rotation = Some("shift-leader".into());
    levels[1].rotation = Some("oncall-engineer".into());
    roster
}

fn desk(lang: Lang, size: (u16, u16)) -> App {
    let roster = roster();
    let books = bundled_playbooks();
    let reported = Reported {
        title: "Manual typo / 手順書の誤記".into(),
        category: Category::DocError,
        kind: None,
        severity: Severity::MINOR,
        detected_at: ago(5),
        description: String::new(),
    };
    let book = books.for_category(Category::DocError).unwrap();
    let new = NewIncident::new(reported, book, &roster).on_duty_at(&roster, ago(4));
    let mut file = IncidentsFile::default();
    stamped(Change::Open(Box::new(new)), ago(4), "yamada")
        .apply(&mut file)
        .unwrap();
    let desk = Desk::new(None, file, roster, bundled_playbooks());
    App::new(desk, operator(lang), now(), size)
}

#[test]
fn route_pane_with_rotations_80x24_en() {
    insta::assert_snapshot!(render(&desk(Lang::En, (80, 24))));
}

#[test]
fn route_pane_with_rotations_80x24_ja() {
    insta::assert_snapshot!(render(&desk(Lang::Ja, (80, 24))));
}

#[test]
fn route_pane_with_rotations_120x40_en() {
    insta::assert_snapshot!(render(&desk(Lang::En, (120, 40))));
}

#[test]
fn route_pane_with_rotations_120x40_ja() {
    insta::assert_snapshot!(render(&desk(Lang::Ja, (120, 40))));
}
