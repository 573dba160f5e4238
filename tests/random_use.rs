//! Random use of the whole app: keys, pastes of strange text, resizes and time passing.
//! Nothing panics, nothing unsafe reaches a screen cell, and the record only grows.

mod common;

use chrono::Duration;
use common::{app_with, shift_desk};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use shiftdesk::app::keymap::action_for;
use shiftdesk::app::{Action, App};
use shiftdesk_core::i18n::Lang;
use shiftdesk_core::text::is_unsafe;
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone)]
enum Event {
    Key(KeyCode, KeyModifiers),
    Paste(String),
    Resize(u16, u16),
    Wait(i64),
}

fn key_code() -> impl Strategy<Value = KeyCode> {
    prop_oneof![
        6 => prop::sample::select(vec![
            'n', ' ', 'a', 'c', 'q', 'y', 'o', '?', 'j', 'k', 'g', 'G', '1', '4', 'x', 'r',
            '障', 'ｶ', '👩', '\u{1b}', '\u{7}', '\u{9b}', '\u{202e}', '\u{0}',
        ]).prop_map(KeyCode::Char),
        4 => prop::sample::select(vec![
            KeyCode::Enter, KeyCode::Esc, KeyCode::Tab, KeyCode::BackTab, KeyCode::Up,
            KeyCode::Down, KeyCode::Left, KeyCode::Right, KeyCode::Home, KeyCode::End,
            KeyCode::Backspace, KeyCode::Delete, KeyCode::PageUp, KeyCode::F(1),
        ]),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "VPN 障害".to_string(),
            "👩‍👩‍👧‍👦 zwj family".to_string(),
            "e\u{301}\u{302} combining".to_string(),
            "\u{1b}]52;c;aGk=\u{7}osc".to_string(),
            "\u{1b}[2J\u{1b}[6n csi".to_string(),
            "\u{202e}reversed\u{2066}".to_string(),
            "line\rbare cr\nnew line".to_string(),
            "ﾊﾝｶｸｶﾀｶﾅ".to_string(),
            "\u{9d}c1 osc\u{9c}".to_string(),
        ]),
        any::<String>(),
    ]
}

fn event() -> impl Strategy<Value = Event> {
    let modifiers = prop::sample::select(vec![
        KeyModifiers::NONE,
        KeyModifiers::NONE,
        KeyModifiers::NONE,
        KeyModifiers::SHIFT,
        KeyModifiers::CONTROL,
        KeyModifiers::ALT,
    ]);
    prop_oneof![
        12 => (key_code(), modifiers).prop_map(|(c, m)| Event::Key(c, m)),
        2 => text().prop_map(Event::Paste),
        1 => (0u16..300, 0u16..100).prop_map(|(w, h)| Event::Resize(w, h)),
        1 => (1i64..1200).prop_map(Event::Wait),
    ]
}

fn draw_and_check(app: &App) {
    let (w, h) = (app.ui.width, app.ui.height);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| shiftdesk::ui::draw(f, app)).unwrap();
    for cell in terminal.backend().buffer().content() {
        assert!(
            !cell.symbol().chars().any(is_unsafe),
            "unsafe character drawn: {:?}",
            cell.symbol()
        );
    }
}

fn timeline_lengths(app: &App) -> HashMap<String, usize> {
    app.desk
        .incidents()
        .incidents
        .iter()
        .map(|i| (i.id.0.clone(), i.timeline.len()))
        .collect()
}

fn run(events: Vec<Event>, lang: Lang) {
    let mut app = app_with(shift_desk(), lang, (120, 40));
    let mut lengths = timeline_lengths(&app);
    let mut revision = app.desk.incidents().revision;
    for (n, event) in events.into_iter().enumerate() {
        let action = match event {
            Event::Key(code, modifiers) => action_for(&app, KeyEvent::new(code, modifiers)),
            Event::Paste(text) => Some(Action::Paste(text)),
            Event::Resize(w, h) => Some(Action::Resize(w, h)),
            Event::Wait(secs) => Some(Action::Tick(app.now + Duration::seconds(secs))),
        };
        if let Some(action) = action {
            app.update(action);
        }
        if app.should_quit {
            break;
        }
        // Ids stay unique; no timeline ever shrinks.
        let ids: HashSet<_> = app
            .desk
            .incidents()
            .incidents
            .iter()
            .map(|i| &i.id)
            .collect();
        assert_eq!(ids.len(), app.desk.incidents().incidents.len());
        let now = timeline_lengths(&app);
        for (id, len) in &lengths {
            assert!(now.get(id).is_some_and(|l| l >= len), "{id} lost entries");
        }
        lengths = now;
        // The selection is always a row the list shows, and none only when the list is empty.
        let visible = app.visible();
        match &app.ui.selected {
            Some(id) => assert!(visible.iter().any(|r| r.id() == id), "{id} not listed"),
            None => assert!(
                visible.is_empty(),
                "nothing selected in a list of {}",
                visible.len()
            ),
        }
        let r = app.desk.incidents().revision;
        assert!(r >= revision, "revision went down: {revision} → {r}");
        revision = r;
        if n % 4 == 0 {
            draw_and_check(&app);
        }
    }
    draw_and_check(&app);
}

proptest! {
    #![proptest_config(ProptestConfig {
        // 1,000 sequences per language in CI (2,000 in all); more with the variable.
        cases: std::env::var("SHIFTDESK_PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(1000),
        .. ProptestConfig::default()
    })]

    #[test]
    fn random_use_never_panics_in_english(events in prop::collection::vec(event(), 200)) {
        run(events, Lang::En);
    }

    #[test]
    fn random_use_never_panics_in_japanese(events in prop::collection::vec(event(), 200)) {
        run(events, Lang::Ja);
    }
}
