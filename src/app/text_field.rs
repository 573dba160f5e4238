//! A text entry field: ratatui-textarea underneath, with what reaches it made safe.

use crate::model::text::{is_bidi_control, normalize_input};
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::style::{Modifier, Style};
use ratatui_textarea::TextArea;

pub struct TextField {
    area: TextArea<'static>,
    multi_line: bool,
}

/// Control and bidi characters never enter a field: they would act on the terminal when the
/// field is drawn. Line breaks stay in a multi-line field.
fn clean(s: &str, multi_line: bool) -> String {
    s.replace("\r\n", "\n")
        .chars()
        .map(|c| match c {
            '\n' | '\r' if !multi_line => ' ',
            '\r' => '\n',
            '\t' => ' ',
            c => c,
        })
        .filter(|c| (*c == '\n' && multi_line) || !(c.is_control() || is_bidi_control(*c)))
        .collect()
}

impl TextField {
    pub fn new(multi_line: bool) -> TextField {
        let mut area = TextArea::default();
        area.set_style(Style::new().add_modifier(Modifier::UNDERLINED));
        area.set_cursor_line_style(Style::new());
        TextField { area, multi_line }
    }

    pub fn with_text(text: &str, multi_line: bool) -> TextField {
        let mut field = TextField::new(multi_line);
        field.paste(text);
        field
    }

    /// A key typed while the field has focus. Enter and Tab belong to the form.
    pub fn input(&mut self, key: KeyEvent) {
        match key.code {
            KeyCode::Enter | KeyCode::Tab | KeyCode::BackTab | KeyCode::Esc => {}
            KeyCode::Char(c) if c.is_control() || is_bidi_control(c) => {}
            _ => {
                self.area.input(key);
            }
        }
    }

    pub fn paste(&mut self, text: &str) {
        self.area.insert_str(clean(text, self.multi_line));
    }

    /// A field holding exactly this text (a restored draft).
    pub fn with_raw(text: &str, multi_line: bool) -> TextField {
        let mut field = TextField::new(multi_line);
        let lines: Vec<String> = if multi_line {
            text.split('\n').map(str::to_string).collect()
        } else {
            vec![text.replace('\n', " ")]
        };
        let mut area = TextArea::new(lines);
        area.set_style(field.area.style());
        area.set_cursor_line_style(Style::new());
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        field.area = area;
        field
    }

    /// The text as typed, lines joined, before normalisation.
    pub fn raw(&self) -> String {
        self.area.lines().join("\n")
    }

    /// The text as it is stored: lines joined, NFKC-normalised.
    pub fn text(&self) -> String {
        normalize_input(&self.area.lines().join("\n"))
    }

    pub fn is_empty(&self) -> bool {
        self.area.lines().iter().all(|l| l.trim().is_empty())
    }

    pub fn textarea(&self) -> &TextArea<'static> {
        &self.area
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyModifiers;

    fn key(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn typing_and_pasting_keep_text_but_no_controls() {
        let mut f = TextField::new(false);
        f.input(key('a'));
        f.input(key('\u{1b}'));
        f.input(key('\u{202E}'));
        f.paste("b\u{1b}[2J\nc\u{9b}");
        assert_eq!(f.text(), "ab[2J c");
    }

    #[test]
    fn multi_line_fields_keep_line_breaks_and_nfkc_applies() {
        let mut f = TextField::new(true);
        f.paste("ｶﾞｽ\r\n漏れ\rです");
        assert_eq!(f.text(), "ガス\n漏れ\nです");
        assert!(!f.is_empty());
        assert!(TextField::with_text("  ", true).is_empty());
    }
}
