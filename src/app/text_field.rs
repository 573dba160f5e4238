//! A text entry field: ratatui-textarea underneath, with what reaches it made safe.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Modifier, Style};
use ratatui_textarea::TextArea;
use shiftdesk_core::text::normalize_input;

pub struct TextField {
    area: TextArea<'static>,
    multi_line: bool,
}

/// What a paste puts in a field: exactly what was pasted, but for its line breaks — `\r\n`,
/// `\r` or `\n`, as the terminal sent them — which a multi-line field keeps as `\n` and a
/// one-line field takes as spaces. Control and bidi characters are kept (stored as entered)
/// and made safe only where the text is drawn or printed.
fn for_field(s: &str, multi_line: bool) -> String {
    let line_break = if multi_line { "\n" } else { " " };
    s.replace("\r\n", line_break)
        .replace(['\r', '\n'], line_break)
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

    /// A key typed while the field has focus. Enter and Tab belong to the form; a line break
    /// comes by [`TextField::new_line`], and Ctrl-J or Ctrl-M never wipe or break a line here.
    pub fn input(&mut self, key: KeyEvent) {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Enter | KeyCode::Tab | KeyCode::BackTab | KeyCode::Esc => {}
            KeyCode::Char('j' | 'm') if ctrl => {}
            _ => {
                self.area.input(key);
            }
        }
    }

    /// A line break where the cursor is, in a field of several lines; nothing in a one-line
    /// field.
    pub fn new_line(&mut self) {
        if self.multi_line {
            self.area.insert_newline();
        }
    }

    pub fn paste(&mut self, text: &str) {
        // TextArea splits on '\n' itself.
        self.area.insert_str(for_field(text, self.multi_line));
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

    pub fn is_multi_line(&self) -> bool {
        self.multi_line
    }

    pub fn textarea(&self) -> &TextArea<'static> {
        &self.area
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn typing_and_pasting_keep_exactly_what_was_entered() {
        let mut f = TextField::new(false);
        f.input(key('a'));
        f.input(key('\u{202E}'));
        f.paste("b\u{1b}[2J\nc\u{9b}");
        assert_eq!(
            f.text(),
            "a\u{202E}b\u{1b}[2J c\u{9b}",
            "a single-line field takes the break as a space"
        );
    }

    #[test]
    fn a_new_line_only_in_a_multi_line_field_and_ctrl_j_wipes_nothing() {
        let mut one = TextField::with_text("VPN", false);
        one.new_line();
        one.input(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::CONTROL));
        assert_eq!(one.text(), "VPN");
        let mut many = TextField::with_text("first", true);
        many.new_line();
        many.input(key('x'));
        assert_eq!(many.text(), "first\nx");
    }

    #[test]
    fn multi_line_fields_keep_line_breaks_and_nfkc_applies() {
        let mut f = TextField::new(true);
        f.paste("ｶﾞｽ\n漏れ\rです\r\nか");
        assert_eq!(
            f.text(),
            "ガス\n漏れ\nです\nか",
            "\\r\\n and \\r are line breaks"
        );
        assert!(!f.is_empty());
        assert!(TextField::with_text("  ", true).is_empty());
    }
}
