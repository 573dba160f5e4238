//! How a call for attention sounds on the terminal: BEL, and desktop notifications by
//! OSC 9 and OSC 777, wrapped in tmux's passthrough inside tmux. The text is made safe
//! again here (no control or bidi characters, no `;` to end a field) and kept short.

use crate::app::attention::{Alert, Notify};
use shiftdesk_core::text::safe_line;

/// The title of an OSC 777 notification.
const TITLE: &str = "shiftdesk";

/// The longest text a notification carries, in characters.
const MAX: usize = 120;

/// Text safe inside an OSC string: one line, no control or bidi characters, no `;`.
fn osc_text(s: &str) -> String {
    safe_line(s)
        .replace(';', ",")
        .chars()
        .filter(|c| *c != '\u{FFFD}')
        .take(MAX)
        .collect()
}

/// An escape sequence as tmux passes it on to the terminal outside: inside `DCS tmux;`,
/// every ESC doubled.
fn through_tmux(seq: &str) -> String {
    format!("\x1bPtmux;{}\x1b\\", seq.replace('\x1b', "\x1b\x1b"))
}

/// The bytes that sound `alert` the way `notify` asks.
pub fn sequences(alert: &Alert, notify: Notify, in_tmux: bool) -> String {
    let mut out = String::new();
    if notify.bell {
        out.push('\x07');
    }
    if notify.osc {
        let text = osc_text(&alert.text);
        for seq in [
            format!("\x1b]9;{text}\x07"),
            format!("\x1b]777;notify;{TITLE};{text}\x07"),
        ] {
            out.push_str(&if in_tmux { through_tmux(&seq) } else { seq });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alert(text: &str) -> Alert {
        Alert {
            incident: Some("INC-0001".into()),
            kind: "overdue",
            deadline: None,
            drill: false,
            text: text.into(),
        }
    }

    const BOTH: Notify = Notify {
        bell: true,
        osc: true,
    };

    #[test]
    fn bell_then_osc_9_and_777() {
        assert_eq!(
            sequences(&alert("INC-0001 OVERDUE: x"), BOTH, false),
            "\x07\x1b]9;INC-0001 OVERDUE: x\x07\x1b]777;notify;shiftdesk;INC-0001 OVERDUE: x\x07"
        );
        assert_eq!(sequences(&alert("x"), Notify::default(), false), "\x07");
        assert_eq!(
            sequences(&alert("x"), Notify::parse("off").unwrap(), true),
            ""
        );
    }

    #[test]
    fn inside_tmux_each_osc_is_passed_through_with_its_escs_doubled() {
        let out = sequences(&alert("x"), BOTH, true);
        assert_eq!(
            out,
            "\x07\x1bPtmux;\x1b\x1b]9;x\x07\x1b\\\x1bPtmux;\x1b\x1b]777;notify;shiftdesk;x\x07\x1b\\"
        );
    }

    #[test]
    fn a_hostile_text_cannot_end_the_sequence_or_add_a_field() {
        let out = sequences(&alert("a\x1b]0;pwn\x07b\u{202E}c;d\u{9c}e"), BOTH, false);
        let body: &str = out
            .split("\x1b]9;")
            .nth(1)
            .unwrap()
            .split('\x07')
            .next()
            .unwrap();
        assert!(
            !body
                .chars()
                .any(|c| c.is_control() || c == ';' || c == '\u{202E}'),
            "{body:?}"
        );
        assert_eq!(out.matches('\x1b').count(), 2);
        assert_eq!(out.matches('\x07').count(), 3);
    }

    #[test]
    fn the_list_of_ways_parses_and_names_what_is_wrong() {
        assert_eq!(Notify::parse("bell,osc").unwrap(), BOTH);
        assert_eq!(
            Notify::parse("off").unwrap(),
            Notify {
                bell: false,
                osc: false
            }
        );
        assert!(Notify::parse("bell,beep").unwrap_err().contains("beep"));
    }
}
