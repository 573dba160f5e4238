//! Contacts in the desk: search, card, add, edit, delete, away — saved to roster.json.

mod common;

use common::{now, operator};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use shiftdesk::app::App;
use shiftdesk::app::keymap::action_for;
use shiftdesk::app::layers::availability::AvailabilityForm;
use shiftdesk::app::layers::card::CardState;
use shiftdesk::app::layers::contact_form::ContactForm;
use shiftdesk::app::layers::question::Question;
use shiftdesk::app::layers::search::SearchState;
use shiftdesk_core::i18n::Lang;
use shiftdesk_store::DataDir;
use shiftdesk_store::open::open_desk;

fn desk(tmp: &tempfile::TempDir) -> (App, DataDir) {
    let dir = DataDir::at(tmp.path());
    let (desk, _) = open_desk(&dir, Lang::En, now()).unwrap();
    (App::new(desk, operator(Lang::En), now(), (100, 30)), dir)
}

fn key(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    if let Some(a) = action_for(app, KeyEvent::new(code, modifiers)) {
        app.update(a);
    }
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c), KeyModifiers::NONE);
    }
}

fn roster_json(dir: &DataDir) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(dir.roster()).unwrap()).unwrap()
}

#[test]
fn slash_searches_enter_opens_the_card_esc_goes_back() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, _) = desk(&tmp);
    typed(&mut app, "/");
    assert!(app.ui.layers.top_as::<SearchState>().is_some());
    typed(&mut app, "wilson");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    let Some(card) = app.ui.layers.top_as::<CardState>() else {
        panic!("no card")
    };
    assert_eq!(card.contact, "sarah-wilson");
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert!(
        app.ui.layers.top_as::<SearchState>().is_some(),
        "back to the results"
    );
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert!(app.ui.layers.is_empty(), "back where the operator was");
}

#[test]
fn a_contact_added_in_the_desk_is_saved_and_findable() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, dir) = desk(&tmp);
    typed(&mut app, "/");
    key(&mut app, KeyCode::Char('n'), KeyModifiers::CONTROL);
    assert!(app.ui.layers.top_as::<ContactForm>().is_some());
    // Without a name or a number the form says so and saves nothing.
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    let Some(form) = app.ui.layers.top_as::<ContactForm>() else {
        panic!("form closed")
    };
    assert_eq!(form.errors.len(), 2);
    typed(&mut app, "加藤 淳");
    for _ in 0..4 {
        key(&mut app, KeyCode::Tab, KeyModifiers::NONE);
    }
    typed(&mut app, "080-0000-7777");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    let Some(card) = app.ui.layers.top_as::<CardState>() else {
        panic!("no card after saving")
    };
    assert_eq!(card.contact, "c-0001");
    let saved = roster_json(&dir);
    let added = saved["contacts"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(added["name"], "加藤 淳");
    assert_eq!(added["phones"][0]["number"], "080-0000-7777");
    let hits = app.desk.search().search("7777");
    assert_eq!(app.desk.roster().contacts[hits[0].contact].id, "c-0001");
}

#[test]
fn deleting_a_contact_on_routes_asks_first_and_takes_it_off_them() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, dir) = desk(&tmp);
    typed(&mut app, "/");
    typed(&mut app, "tanaka");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    typed(&mut app, "d");
    let Some(Question::Delete { routes, .. }) = app.ui.layers.top_as::<Question>() else {
        panic!("no question")
    };
    assert!(
        routes.iter().any(|r| r.starts_with("default L")),
        "{routes:?}"
    );
    typed(&mut app, "n");
    assert!(
        app.desk.roster().contact("tanaka-yoshiko").is_some(),
        "n keeps the contact"
    );
    typed(&mut app, "d");
    typed(&mut app, "y");
    let saved = roster_json(&dir);
    let text = saved.to_string();
    assert!(
        !text.contains("tanaka-yoshiko"),
        "gone from contacts and routes"
    );
}

#[test]
fn marking_away_skips_the_contact_on_routes_until_back() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut app, dir) = desk(&tmp);
    typed(&mut app, "/");
    typed(&mut app, "sato");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    typed(&mut app, "a");
    assert!(app.ui.layers.top_as::<AvailabilityForm>().is_some());
    typed(&mut app, "18:00");
    key(&mut app, KeyCode::Tab, KeyModifiers::NONE);
    typed(&mut app, "on leave");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    let saved = roster_json(&dir);
    let sato = saved["contacts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "sato-hanako")
        .unwrap()
        .clone();
    // 18:00 in Tokyo is 09:00 UTC.
    assert_eq!(sato["unavailable"]["until"], "2026-11-29T09:00:00Z");
    assert_eq!(sato["unavailable"]["reason"], "on leave");
    assert!(
        app.desk
            .roster()
            .contact("sato-hanako")
            .unwrap()
            .is_unavailable_at(now())
    );
    // `a` again: back at once.
    typed(&mut app, "a");
    assert!(
        !app.desk
            .roster()
            .contact("sato-hanako")
            .unwrap()
            .is_unavailable_at(now())
    );
    assert!(
        roster_json(&dir)["contacts"][0]
            .get("unavailable")
            .is_none()
    );
}
