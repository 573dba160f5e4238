//! How the desk looks on the terminal it lives in: with colour or without (`NO_COLOR`, any
//! non-empty value), and the normal or the high-contrast theme (`--theme high-contrast` or
//! `SHIFTDESK_THEME`). Applied to the drawn frame as its last step, so every pane and layer
//! follows it without knowing of it; meaning never rests on colour alone (OVERDUE, NOT
//! SAVED and the marks are words), so nothing is lost without it. The frame is restyled by
//! `ui::look`.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Normal,
    /// For poor palettes: no dim greys (full-contrast text instead), bold where the
    /// normal theme leans on a colour.
    HighContrast,
}

impl Theme {
    pub fn parse(s: &str) -> Option<Theme> {
        match s.trim().to_ascii_lowercase().as_str() {
            "normal" | "default" => Some(Theme::Normal),
            "high-contrast" | "high_contrast" | "highcontrast" => Some(Theme::HighContrast),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Look {
    /// False when `NO_COLOR` is set to anything non-empty: no colour at all.
    pub colour: bool,
    pub theme: Theme,
}

impl Default for Look {
    fn default() -> Look {
        Look {
            colour: true,
            theme: Theme::Normal,
        }
    }
}

impl Look {
    /// From the `--theme` flag and the settings (the binary passes the environment):
    /// `NO_COLOR` (see no-color.org: any non-empty value), `SHIFTDESK_THEME`.
    pub fn from_settings(flag: Option<Theme>, get: impl Fn(&str) -> Option<String>) -> Look {
        let colour = get("NO_COLOR").is_none_or(|v| v.is_empty());
        let theme = flag
            .or_else(|| get("SHIFTDESK_THEME").and_then(|v| Theme::parse(&v)))
            .unwrap_or_default();
        Look { colour, theme }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn no_color_takes_any_non_empty_value() {
        assert!(!Look::from_settings(None, env(&[("NO_COLOR", "1")])).colour);
        assert!(!Look::from_settings(None, env(&[("NO_COLOR", "yes")])).colour);
        assert!(Look::from_settings(None, env(&[("NO_COLOR", "")])).colour);
        assert!(Look::from_settings(None, env(&[])).colour);
    }

    #[test]
    fn the_flag_wins_over_the_environment() {
        let look = Look::from_settings(None, env(&[("SHIFTDESK_THEME", "high-contrast")]));
        assert_eq!(look.theme, Theme::HighContrast);
        let look = Look::from_settings(
            Some(Theme::Normal),
            env(&[("SHIFTDESK_THEME", "high-contrast")]),
        );
        assert_eq!(look.theme, Theme::Normal);
    }
}
