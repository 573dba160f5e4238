//! Whole screens of the roll-out, with a frozen clock, in both languages at 80x24 and
//! 120x40: what changed in the flow since the operator last acknowledged it (a contact
//! added, a number changed, a deadline shortened, a step reworded), over the desk; and the
//! flow signed off that the operator has not acknowledged yet.

mod common;

use chrono::Duration;
use common::{app_with, now, render, shift_desk};
use shiftdesk::app::layers::roll_out::RollOutLayer;
use shiftdesk_core::Category;
use shiftdesk_core::flow::{Basis, Changed, FlowSnapshot, RollOut, differences};
use shiftdesk_core::i18n::Lang;
use shiftdesk_core::roster::Roster;
use shiftdesk_store::guide_file::bundled_guide;
use shiftdesk_store::playbooks_file::bundled_playbooks;
use shiftdesk_store::roster_file::sample_roster;

fn flow(roster: &Roster, books: &shiftdesk_core::playbook::Playbooks) -> FlowSnapshot {
    FlowSnapshot::of(roster, (books, false), (&bundled_guide(), false))
}

/// The flow acknowledged three days ago, and the one in use now.
fn changed() -> (FlowSnapshot, FlowSnapshot) {
    let old = flow(&sample_roster(), &bundled_playbooks());
    let mut roster = sample_roster();
    roster.contacts[0].phones[0].number = "090-1234-0000".into();
    roster.routes[0].levels[0].report_within_minutes = 10;
    roster.contacts.push(
        serde_json::from_str(
            r#"{"id": "kato", "name": "加藤 誠", "phones": [{"label": "mobile", "number": "090-5555-1111"}]}"#,
        )
        .unwrap(),
    );
    let mut books = bundled_playbooks();
    let security = books.playbooks.get_mut(&Category::Security).unwrap();
    security.review[0].text.en = "Share the case with the whole team by the next shift".into();
    security.review[0].text.ja = "次のシフトまでにチーム全員へ共有する".into();
    (old, flow(&roster, &books))
}

fn screen(lang: Lang, size: (u16, u16), basis: Basis) -> String {
    let (old, new) = changed();
    let roll_out = RollOut {
        fingerprint: new.fingerprint(),
        basis,
        changed: Changed::Yes(differences(&old, &new)),
    };
    let mut app = app_with(shift_desk(), lang, size);
    app.ui.layers.open(Box::new(RollOutLayer::new(roll_out)));
    render(&app)
}

fn since_acknowledged(lang: Lang, size: (u16, u16)) -> String {
    let at = now() - Duration::days(3);
    screen(lang, size, Basis::Acknowledged { at })
}

#[test]
fn roll_out_80x24_en() {
    insta::assert_snapshot!(since_acknowledged(Lang::En, (80, 24)));
}

#[test]
fn roll_out_80x24_ja() {
    insta::assert_snapshot!(since_acknowledged(Lang::Ja, (80, 24)));
}

#[test]
fn roll_out_120x40_en() {
    insta::assert_snapshot!(since_acknowledged(Lang::En, (120, 40)));
}

#[test]
fn roll_out_120x40_ja() {
    insta::assert_snapshot!(since_acknowledged(Lang::Ja, (120, 40)));
}

#[test]
fn roll_out_not_yet_acknowledged_80x24_ja() {
    let basis = Basis::SignedOff {
        at: now() - Duration::days(10),
        by: "田中 良子".into(),
    };
    insta::assert_snapshot!(screen(Lang::Ja, (80, 24), basis));
}
