//! A form's text fields in order, with the one that has focus.

use super::text_field::TextField;
use ratatui::crossterm::event::KeyEvent;
use shiftdesk_core::draft::Draft;

pub struct Fields<K> {
    items: Vec<(K, TextField)>,
    focus: usize,
    /// Each field's text as the form opened with it.
    opened: Vec<String>,
}

impl<K: Copy + PartialEq> Fields<K> {
    /// Fields with their starting text; the multi-line ones keep line breaks.
    pub fn new(items: Vec<(K, &str, bool)>) -> Fields<K> {
        let items: Vec<(K, TextField)> = items
            .into_iter()
            .map(|(k, text, multi)| (k, TextField::with_text(text, multi)))
            .collect();
        let opened = items.iter().map(|(_, f)| f.raw()).collect();
        Fields {
            items,
            focus: 0,
            opened,
        }
    }

    /// Whether any text differs from what the form opened with (spaces at either end aside):
    /// what was typed, to keep as a draft and not to lose to a stray Esc.
    pub fn changed(&self) -> bool {
        self.items
            .iter()
            .zip(&self.opened)
            .any(|((_, f), was)| f.raw().trim() != was.trim())
    }

    /// A field's text as typed, before normalisation (for a draft).
    pub fn raw(&self, key: K) -> String {
        self.get(key).map(TextField::raw).unwrap_or_default()
    }

    /// The fields' texts as typed, each under the name `names` gives its key (for a draft).
    pub fn drafted(&self, names: &[(K, &'static str)]) -> Vec<(&'static str, String)> {
        names.iter().map(|(k, n)| (*n, self.raw(*k))).collect()
    }

    /// Every field named in `names` given back the text the draft `kept` for it.
    pub fn restore_all(&mut self, names: &[(K, &'static str)], kept: &Draft) {
        for (k, n) in names {
            self.restore(*k, kept.field(n));
        }
    }

    /// Puts a field's text back as a draft kept it.
    pub fn restore(&mut self, key: K, raw: &str) {
        if let Some((_, f)) = self.items.iter_mut().find(|(k, _)| *k == key) {
            *f = TextField::with_raw(raw, f.is_multi_line());
        }
    }

    pub fn keys(&self) -> impl Iterator<Item = K> + '_ {
        self.items.iter().map(|(k, _)| *k)
    }

    pub fn get(&self, key: K) -> Option<&TextField> {
        self.items.iter().find(|(k, _)| *k == key).map(|(_, f)| f)
    }

    /// The text of a field as stored: NFKC, trimmed.
    pub fn text(&self, key: K) -> String {
        self.get(key)
            .map(|f| f.text().trim().to_string())
            .unwrap_or_default()
    }

    pub fn focus(&self) -> Option<K> {
        self.items.get(self.focus).map(|(k, _)| *k)
    }

    pub fn set_focus(&mut self, key: K) {
        if let Some(i) = self.items.iter().position(|(k, _)| *k == key) {
            self.focus = i;
        }
    }

    pub fn focused_mut(&mut self) -> Option<&mut TextField> {
        self.items.get_mut(self.focus).map(|(_, f)| f)
    }

    /// A key typed into the field with focus.
    pub fn input(&mut self, key: KeyEvent) {
        if let Some(f) = self.focused_mut() {
            f.input(key);
        }
    }

    /// A line break in the field with focus, when it takes several lines.
    pub fn new_line(&mut self) {
        if let Some(f) = self.focused_mut() {
            f.new_line();
        }
    }

    /// A paste into the field with focus.
    pub fn paste(&mut self, text: &str) {
        if let Some(f) = self.focused_mut() {
            f.paste(text);
        }
    }

    /// Moves the focus; false when it would leave the fields (so a form can move on).
    pub fn step(&mut self, by: isize) -> bool {
        let to = self.focus as isize + by;
        if to < 0 || to >= self.items.len() as isize {
            return false;
        }
        self.focus = to as usize;
        true
    }

    /// Moves the focus, wrapping around at either end.
    pub fn cycle(&mut self, by: isize) {
        let n = self.items.len().max(1) as isize;
        self.focus = (self.focus as isize + by).rem_euclid(n) as usize;
    }
}

/// The value `by` steps from `now` in `all`, wrapping round at either end.
pub fn cycle<T: Copy + PartialEq>(all: &[T], now: T, by: isize) -> T {
    let i = all.iter().position(|x| *x == now).unwrap_or(0) as isize;
    all[(i + by).rem_euclid(all.len() as isize) as usize]
}
