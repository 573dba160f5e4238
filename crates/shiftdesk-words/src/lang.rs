//! The two languages of the desk, and how the locale picks one.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Ja,
    En,
}

impl Lang {
    /// `ja` or `en`; anything else is refused.
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "ja" | "jp" | "japanese" => Some(Lang::Ja),
            "en" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    /// From the locale: the first of LC_ALL, LC_MESSAGES, LANG that is set decides;
    /// one starting with `ja` gives Japanese, anything else English.
    pub fn from_locale(get: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| get(k).filter(|v| !v.is_empty()))
            .next()
            .map_or(Lang::En, |v| {
                if v.starts_with("ja") {
                    Lang::Ja
                } else {
                    Lang::En
                }
            })
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }
}
