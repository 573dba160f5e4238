//! The short codes of desks and sites: 1 to 8 of A–Z and 0–9. A synced desk's incident ids
//! carry its code (`INC-TYO1-0012`); a site's code names its stream.

use crate::i18n::{Lang, Msg, fill};
use crate::text::safe_line;
use std::fmt;

/// A desk's code, like `TYO1`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DeskCode(String);

/// A site's code, like `TYO`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SiteCode(String);

/// A code that is not 1 to 8 of A–Z and 0–9, as given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeError {
    Desk(String),
    Site(String),
}

impl CodeError {
    pub fn message(&self, lang: Lang) -> String {
        let (msg, code) = match self {
            CodeError::Desk(c) => (Msg::ErrDeskCode, c),
            CodeError::Site(c) => (Msg::ErrSiteCode, c),
        };
        fill(lang, msg, &[("code", &format!("{:?}", safe_line(code)))])
    }
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for CodeError {}

/// Whether `text` is a code exactly as written: 1 to 8 of A–Z and 0–9.
pub fn is_code(text: &str) -> bool {
    (1..=8).contains(&text.len())
        && text
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// The code as given, trimmed and in capitals, when it is 1 to 8 of A–Z and 0–9.
fn code(text: &str) -> Option<String> {
    let code = text.trim().to_ascii_uppercase();
    is_code(&code).then_some(code)
}

impl DeskCode {
    /// `tyo1` is taken as `TYO1`.
    pub fn parse(text: &str) -> Result<DeskCode, CodeError> {
        code(text)
            .map(DeskCode)
            .ok_or_else(|| CodeError::Desk(text.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl SiteCode {
    /// `tyo` is taken as `TYO`.
    pub fn parse(text: &str) -> Result<SiteCode, CodeError> {
        code(text)
            .map(SiteCode)
            .ok_or_else(|| CodeError::Site(text.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DeskCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for SiteCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_one_to_eight_capitals_and_digits() {
        assert_eq!(DeskCode::parse(" tyo1 ").unwrap().as_str(), "TYO1");
        assert_eq!(SiteCode::parse("OSA").unwrap().to_string(), "OSA");
        assert_eq!(DeskCode::parse("ABCDEFGH").unwrap().as_str(), "ABCDEFGH");
        for bad in ["", "ABCDEFGHI", "TYO-1", "東京", "TY O"] {
            assert_eq!(DeskCode::parse(bad), Err(CodeError::Desk(bad.into())));
            assert!(SiteCode::parse(bad).is_err());
        }
        let e = DeskCode::parse("TYO-1").unwrap_err();
        assert!(e.to_string().contains("\"TYO-1\""), "{e}");
        assert!(e.to_string().contains("1 to 8"), "{e}");
        assert!(e.message(Lang::Ja).contains("デスクコード"));
    }
}
