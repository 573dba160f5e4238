//! What the app asks the terminal to do for it: `update` never writes to the terminal
//! itself, it leaves an effect for the loop to carry out.

/// How text is put on the clipboard: OSC 52 straight to the terminal, wrapped for tmux's
/// passthrough, or not at all. The text is always on screen too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClipboardMode {
    Osc52,
    Tmux,
    Off,
}

impl ClipboardMode {
    pub fn parse(s: &str) -> Option<ClipboardMode> {
        match s.trim().to_ascii_lowercase().as_str() {
            "osc52" | "plain" | "on" => Some(ClipboardMode::Osc52),
            "tmux" => Some(ClipboardMode::Tmux),
            "off" | "none" => Some(ClipboardMode::Off),
            _ => None,
        }
    }

    /// `SHIFTDESK_CLIPBOARD` when set; else tmux passthrough inside tmux, plain elsewhere.
    pub fn from_env(get: impl Fn(&str) -> Option<String>) -> ClipboardMode {
        if let Some(mode) = get("SHIFTDESK_CLIPBOARD").and_then(|v| ClipboardMode::parse(&v)) {
            return mode;
        }
        if get("TMUX").is_some_and(|v| !v.is_empty()) {
            ClipboardMode::Tmux
        } else {
            ClipboardMode::Osc52
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard.
    Copy(String),
    /// Call for attention: a bell, a notification, the `--on-alert` command.
    Alert(super::attention::Alert),
    /// Send these events (id, line) to the other desks; sending one again is safe.
    Publish(Vec<(String, String)>),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inside_tmux_the_default_is_passthrough() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(ClipboardMode::from_env(env(&[])), ClipboardMode::Osc52);
        assert_eq!(
            ClipboardMode::from_env(env(&[("TMUX", "/tmp/tmux-0/default,1,0")])),
            ClipboardMode::Tmux
        );
        assert_eq!(
            ClipboardMode::from_env(env(&[("TMUX", "x"), ("SHIFTDESK_CLIPBOARD", "off")])),
            ClipboardMode::Off
        );
    }
}
