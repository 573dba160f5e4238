//! Severity 1 (critical) to 4 (minor).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Severity(u8);

impl Severity {
    pub const CRITICAL: Severity = Severity(1);
    pub const HIGH: Severity = Severity(2);
    pub const MEDIUM: Severity = Severity(3);
    pub const MINOR: Severity = Severity(4);
    pub const ALL: [Severity; 4] = [Self::CRITICAL, Self::HIGH, Self::MEDIUM, Self::MINOR];

    pub fn new(n: u8) -> Option<Severity> {
        (1..=4).contains(&n).then_some(Severity(n))
    }

    pub fn number(self) -> u8 {
        self.0
    }

    /// Index 0..=3, for tables kept per severity.
    pub fn index(self) -> usize {
        usize::from(self.0 - 1)
    }

    /// True when `self` is at least as serious as `threshold` (1 is the most serious).
    pub fn at_least(self, threshold: Severity) -> bool {
        self.0 <= threshold.0
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.trim()
            .parse::<u8>()
            .ok()
            .and_then(Severity::new)
            .ok_or_else(|| format!("severity must be 1, 2, 3 or 4 (1 = critical), not {s:?}"))
    }
}

impl Serialize for Severity {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.0)
    }
}

impl<'de> Deserialize<'de> for Severity {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let n = u8::deserialize(d)?;
        Severity::new(n)
            .ok_or_else(|| serde::de::Error::custom(format!("severity must be 1 to 4, found {n}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_one_to_four_exist() {
        assert!(Severity::new(0).is_none());
        assert!(Severity::new(5).is_none());
        assert_eq!(Severity::new(3), Some(Severity::MEDIUM));
        assert!("7".parse::<Severity>().is_err());
        assert!(serde_json::from_str::<Severity>("9").is_err());
        assert_eq!(
            serde_json::from_str::<Severity>("2").unwrap(),
            Severity::HIGH
        );
    }

    #[test]
    fn at_least_compares_seriousness() {
        assert!(Severity::CRITICAL.at_least(Severity::HIGH));
        assert!(Severity::HIGH.at_least(Severity::HIGH));
        assert!(!Severity::MINOR.at_least(Severity::HIGH));
    }
}
