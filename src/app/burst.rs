//! Keys that arrive together: typed, or pasted in a terminal that does not mark a paste.
//!
//! With bracketed paste the terminal says where a paste begins and ends, and crossterm gives
//! the text whole. Without it (some terminals, some tmux and SSH setups) a pasted text comes
//! as a burst of keys in one read, and a pasted line break is an Enter: run as keys, the
//! second line would be taken as commands. The rule: keys read together — faster than any
//! person types — that are all text (characters, Enter, Ctrl-J, Tab) and hold a line break
//! and at least two characters are a paste, handed on as its text. Anything else read
//! together stays keys, in order, so nothing typed is lost: a fast typist's keys, an arrow
//! key's sequence, a single character and Enter.

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Characters besides the line breaks that make a burst a paste.
const MIN_CHARS: usize = 2;

/// What a batch of events read together comes to, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Burst {
    /// An event to handle on its own, as read.
    Event(Event),
    /// Keys that were a paste: the text they typed.
    Paste(String),
}

/// The text a key stands for within a paste; None for a key that is not text.
fn text_of(key: &KeyEvent) -> Option<char> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    match key.code {
        // In raw mode a line feed reads as Ctrl-J.
        KeyCode::Char('j') if ctrl && !alt => Some('\n'),
        KeyCode::Char(c) if !ctrl && !alt => Some(c),
        // Enter is the terminal's carriage return: a pasted `\r\n` stays one line break.
        KeyCode::Enter if !ctrl && !alt => Some('\r'),
        KeyCode::Tab if !ctrl && !alt => Some('\t'),
        _ => None,
    }
}

/// The events read together, with each run of keys that was a paste made one [`Burst::Paste`].
/// `pasting`: the batch came straight after a paste (its rest, in a later read), so a run of
/// text keys continues it even without a line break of its own.
pub fn sort(events: Vec<Event>, pasting: bool) -> Vec<Burst> {
    let mut out = Vec::new();
    let mut run: Vec<KeyEvent> = Vec::new();
    let mut first_run = true;
    for event in events {
        match event {
            Event::Key(key) if key.kind == KeyEventKind::Release => {}
            Event::Key(key) => run.push(key),
            other => {
                flush(&mut run, &mut out, pasting && first_run);
                first_run = false;
                out.push(Burst::Event(other));
            }
        }
    }
    flush(&mut run, &mut out, pasting && first_run);
    out
}

/// Ends a run of keys: one paste, or the keys one by one.
fn flush(run: &mut Vec<KeyEvent>, out: &mut Vec<Burst>, pasting: bool) {
    if run.is_empty() {
        return;
    }
    let text: Option<String> = run.iter().map(text_of).collect();
    let is_paste = text.as_ref().is_some_and(|t| {
        let breaks = t.chars().filter(|c| matches!(c, '\r' | '\n')).count();
        let chars = t.chars().count() - breaks;
        (pasting && chars > 0) || (breaks > 0 && chars >= MIN_CHARS)
    });
    match text {
        Some(text) if is_paste => out.push(Burst::Paste(text)),
        _ => out.extend(run.iter().map(|k| Burst::Event(Event::Key(*k)))),
    }
    run.clear();
}

/// Whether a batch may be the start of a paste — several keys, a line break among them —
/// so that the rest of it may still be coming in.
pub fn may_be_paste(events: &[Event]) -> bool {
    let keys = events.iter().filter_map(|e| match e {
        Event::Key(k) => Some(k),
        _ => None,
    });
    let (mut n, mut line_break) = (0, false);
    for key in keys {
        n += 1;
        line_break |= matches!(text_of(key), Some('\r' | '\n'));
    }
    n > 1 && line_break
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<Event> {
        s.chars()
            .map(|c| {
                let key = match c {
                    '\r' => KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
                    '\n' => KeyEvent::new(KeyCode::Char('j'), KeyModifiers::CONTROL),
                    '\t' => KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE),
                    c => KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
                };
                Event::Key(key)
            })
            .collect()
    }

    fn as_keys(s: &str) -> Vec<Burst> {
        keys(s).into_iter().map(Burst::Event).collect()
    }

    #[test]
    fn several_lines_read_together_are_one_paste() {
        assert_eq!(
            sort(keys("alpha\nbeta e"), false),
            [Burst::Paste("alpha\nbeta e".into())]
        );
        assert_eq!(
            sort(keys("alpha\rbeta\te\r\nf"), false),
            [Burst::Paste("alpha\rbeta\te\r\nf".into())]
        );
        assert_eq!(
            sort(keys("ok\r"), false),
            [Burst::Paste("ok\r".into())],
            "a line and its break: Enter is not pressed by a paste"
        );
    }

    #[test]
    fn keys_that_are_not_a_paste_stay_keys_in_order() {
        for typed in ["jjk", "y\r", "\r\r", "a", "\x1b", "abc def"] {
            assert_eq!(sort(keys(typed), false), as_keys(typed), "{typed:?}");
        }
        // An arrow among them: keys, not text.
        let mut events = keys("ab\r");
        events.insert(
            1,
            Event::Key(KeyEvent::new(KeyCode::Up, KeyModifiers::NONE)),
        );
        assert_eq!(sort(events.clone(), false), {
            let mut v: Vec<Burst> = events.into_iter().map(Burst::Event).collect();
            v.truncate(4);
            v
        });
        // Ctrl and Alt keys are commands, never text.
        let ctrl_n = Event::Key(KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL));
        let mut events = keys("ab\rcd");
        events.push(ctrl_n.clone());
        let sorted = sort(events, false);
        assert!(sorted.contains(&Burst::Event(ctrl_n)), "{sorted:?}");
        assert!(!sorted.iter().any(|b| matches!(b, Burst::Paste(_))));
    }

    #[test]
    fn only_several_keys_with_a_line_break_may_be_a_paste() {
        assert!(may_be_paste(&keys("a\rb")));
        assert!(may_be_paste(&keys("x\n")));
        assert!(!may_be_paste(&keys("rack B had no power")));
        assert!(!may_be_paste(&keys("\r")));
    }

    #[test]
    fn the_rest_of_a_paste_read_later_continues_it() {
        assert_eq!(sort(keys("ta e"), true), [Burst::Paste("ta e".into())]);
        assert_eq!(sort(keys("ta e"), false), as_keys("ta e"));
    }

    #[test]
    fn other_events_split_the_runs_and_keep_their_place() {
        let mut events = keys("one\ntwo");
        events.push(Event::Resize(100, 30));
        events.extend(keys("x"));
        assert_eq!(
            sort(events, false),
            [
                Burst::Paste("one\ntwo".into()),
                Burst::Event(Event::Resize(100, 30)),
                Burst::Event(keys("x")[0].clone()),
            ]
        );
    }

    #[test]
    fn shift_is_text_and_releases_are_dropped() {
        let mut events = vec![Event::Key(KeyEvent::new(
            KeyCode::Char('A'),
            KeyModifiers::SHIFT,
        ))];
        events.extend(keys("b\nc"));
        let mut release = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        events.push(Event::Key(release));
        assert_eq!(sort(events, false), [Burst::Paste("Ab\nc".into())]);
    }
}
