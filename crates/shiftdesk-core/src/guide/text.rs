//! A text of the guide in both languages, checked as it is read.

use crate::i18n::Lang;
use serde::{Deserialize, Deserializer, Serialize};

/// Both languages, neither blank, no control characters (a line break is allowed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Text {
    pub ja: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Raw {
            ja: String,
            en: String,
        }
        let raw = Raw::deserialize(d)?;
        for (lang, text) in [("ja", &raw.ja), ("en", &raw.en)] {
            if !crate::text::has_content(text) {
                return Err(D::Error::custom(format!("the {lang} text is empty")));
            }
            if let Some(c) = text
                .chars()
                .find(|c| *c != '\n' && crate::text::is_unsafe(*c))
            {
                return Err(D::Error::custom(format!(
                    "the {lang} text holds the control character U+{:04X}",
                    c as u32
                )));
            }
        }
        Ok(Text {
            ja: crate::text::normalize_input(&raw.ja),
            en: crate::text::normalize_input(&raw.en),
        })
    }
}
