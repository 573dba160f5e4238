//! Keys to actions: the key table read for the layer on top, or for the desk and the pane
//! with focus when no layer is open.

use super::App;
use super::action::Action;
use super::key_table::{BINDINGS, Binding, When};
use ratatui::crossterm::event::{KeyEvent, KeyEventKind, KeyModifiers};

pub fn action_for(app: &App, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if let Some(binding) = binding_for(When::Anywhere, key) {
        return Some(binding.action.clone());
    }
    let desk = [When::Pane(app.ui.focus), When::Desk];
    let whens: &[When] = match app.ui.layers.top() {
        // Nothing hidden takes a key: none reaches a form or a pane unseen; the compact desk
        // moves through its incidents.
        Some(_) if app.desk_hidden() => &[When::TooSmall],
        None if app.desk_hidden() => &[When::Compact, When::TooSmall],
        Some(layer) => layer.keys(),
        None => &desk,
    };
    for &when in whens {
        if let Some(binding) = binding_for(when, key) {
            return Some(binding.action.clone());
        }
    }
    whens
        .iter()
        .any(|w| w.takes_text(key.code))
        .then_some(Action::Input(key))
}

/// The binding for `key` where `when`: one with Ctrl (or Alt) when it is held and there is
/// one, else one without, whatever the modifiers.
fn binding_for(when: When, key: KeyEvent) -> Option<&'static Binding> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    let find = |with_ctrl: bool, with_alt: bool| {
        BINDINGS.iter().find(|b| {
            b.when == when
                && b.keys
                    .iter()
                    .any(|k| k.code == key.code && k.ctrl == with_ctrl && k.alt == with_alt)
        })
    };
    ctrl.then(|| find(true, false))
        .flatten()
        .or_else(|| alt.then(|| find(false, true)).flatten())
        .or_else(|| find(false, false))
}
