//! The one key table against what an operator reads: every binding is told on the help
//! screen or at the foot of the layer it acts on, and the README's key table lists every
//! key of it.

mod common;

use common::{app_with, shift_desk};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use shiftdesk::app::App;
use shiftdesk::app::key_table::{BINDINGS, Help, When};
use shiftdesk::app::layer::Layer;
use shiftdesk::app::layers::card::CardState;
use shiftdesk::app::layers::close_choice::CloseChoice;
use shiftdesk::app::layers::drills::{ChecksList, DrillList};
use shiftdesk::app::layers::follow_ups::FollowUpsList;
use shiftdesk::app::layers::guide::GuideLayer;
use shiftdesk::app::layers::help::HelpScreen;
use shiftdesk::app::layers::new_incident::NewIncidentForm;
use shiftdesk::app::layers::obligations::ObligationsList;
use shiftdesk::app::layers::question::Question;
use shiftdesk::app::layers::review::ReviewForm;
use shiftdesk::app::layers::roll_out::RollOutLayer;
use shiftdesk::app::layers::search::SearchState;
use shiftdesk::app::layers::text::{TextLayer, TextView};
use shiftdesk_core::flow::{Basis, Changed, RollOut};
use shiftdesk_core::i18n::{Lang, t};
use shiftdesk_core::{Category, IncidentId};

const SIZE: (u16, u16) = (120, 60);

/// What `layer` draws over a blank screen, without whitespace or box lines: words
/// wrapped over rows read as one.
fn shown(lang: Lang, layer: Box<dyn Layer>) -> String {
    let mut app: App = app_with(shift_desk(), lang, SIZE);
    app.ui.layers.open(layer);
    let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).unwrap();
    let top = app.ui.layers.top().unwrap();
    terminal.draw(|f| top.draw(f, f.area(), &app)).unwrap();
    let buffer = terminal.backend().buffer();
    let text: String = buffer.content().iter().map(|c| c.symbol()).collect();
    squeeze(&text)
}

fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !"│─┌┐└┘".contains(*c))
        .collect()
}

/// Each piece of the words between their `{placeholders}`, squeezed.
fn pieces(words: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = words;
    while let Some(open) = rest.find('{') {
        out.push(squeeze(&rest[..open]));
        rest = rest[open..]
            .find('}')
            .map_or("", |close| &rest[open + close + 1..]);
    }
    out.push(squeeze(rest));
    out.into_iter().filter(|p| !p.is_empty()).collect()
}

/// A layer of the kind `when` names, over the fixture desk.
fn layer_for(when: When) -> Box<dyn Layer> {
    let id = IncidentId::from_number(3);
    match when {
        When::Help => Box::new(HelpScreen::default()),
        When::Text => Box::new(TextLayer::new(TextView::Report(id))),
        When::Timeline => Box::new(TextLayer::new(TextView::Timeline(id))),
        When::Form | When::Review => Box::new(ReviewForm::new(id, None)),
        When::Classify => Box::<NewIncidentForm>::default(),
        When::Guide => Box::new(GuideLayer::new(Category::Security, None)),
        When::Search => Box::<SearchState>::default(),
        When::Card => Box::new(CardState::new("sato-hanako".into())),
        When::CloseChoice => Box::new(CloseChoice { incident: id }),
        When::Drills => Box::new(DrillList::default()),
        When::Checks => Box::new(ChecksList::new(id)),
        When::FollowUps => Box::new(FollowUpsList::default()),
        When::Obligations => Box::new(ObligationsList::new(id)),
        When::Question => Box::new(Question::Close(id)),
        When::RollOut => Box::new(RollOutLayer::new(RollOut {
            fingerprint: "0123456789abcdef".into(),
            basis: Basis::Acknowledged { at: common::now() },
            changed: Changed::Untold,
        })),
        When::Desk | When::Pane(_) | When::TooSmall | When::Compact | When::Anywhere => {
            panic!("the desk is no layer")
        }
    }
}

#[test]
fn every_binding_is_told_where_an_operator_reads() {
    for lang in [Lang::En, Lang::Ja] {
        let help = shown(lang, Box::new(HelpScreen::default()));
        for b in BINDINGS {
            let what = format!("{:?} {:?} {lang:?}", b.when, b.action);
            match b.help {
                Help::Line(keys, words) => {
                    let line = squeeze(&format!("{keys}{}", t(lang, words)));
                    assert!(help.contains(&line), "{what}: no help line {line:?}");
                }
                Help::Also(words) => {
                    for piece in pieces(t(lang, words)) {
                        assert!(help.contains(&piece), "{what}: {piece:?} not on help");
                    }
                }
                Help::Hint(words) => {
                    let screen = shown(lang, layer_for(b.when));
                    for piece in pieces(t(lang, words)) {
                        assert!(screen.contains(&piece), "{what}: {piece:?} not shown");
                    }
                }
            }
        }
    }
}

/// The backticked words of the README's Keys section.
fn readme_keys() -> Vec<String> {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme.find("\n## Keys").expect("a Keys section");
    let section = &readme[start + 1..];
    let end = section[3..].find("\n## ").map_or(section.len(), |e| e + 3);
    section[..end]
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

#[test]
fn the_readme_lists_every_key() {
    let listed = readme_keys();
    for b in BINDINGS {
        for key in b.keys {
            let name = key.name();
            assert!(
                listed.contains(&name),
                "README's Keys lack `{name}` ({:?} {:?})",
                b.when,
                b.action
            );
        }
    }
}
