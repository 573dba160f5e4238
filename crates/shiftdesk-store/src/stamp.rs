//! A change as it is made at this desk: stamped with a fresh id, the desk's name, who made
//! it and when. The id's random part comes from the operating system.

use chrono::{DateTime, Utc};
use shiftdesk_core::change::Stamped;
use std::hash::BuildHasher;

/// `change`, made at `at` by `by` at the desk `origin`, with an id of its own.
pub fn stamp<C>(change: C, at: DateTime<Utc>, by: &str, origin: &str) -> Stamped<C> {
    Stamped::new(change, at, by, origin, random_bits())
}

/// Ten random bytes. Should the system's source fail, the keys std draws for its hash
/// maps (random per process) make them instead: an id needs to be unique, not secret.
fn random_bits() -> [u8; 10] {
    let mut bits = [0u8; 10];
    if getrandom::fill(&mut bits).is_err() {
        let keys = std::collections::hash_map::RandomState::new();
        let a = keys.hash_one(0u8).to_le_bytes();
        let b = keys.hash_one(1u8).to_le_bytes();
        bits[..8].copy_from_slice(&a);
        bits[8..].copy_from_slice(&b[..2]);
    }
    bits
}

#[cfg(test)]
mod tests {
    use super::*;
    use shiftdesk_core::test_fixtures::t;

    #[test]
    fn two_changes_made_in_the_same_moment_have_their_own_ids() {
        let a = stamp((), t("10:00"), "yamada", "desk-a");
        let b = stamp((), t("10:00"), "yamada", "desk-a");
        assert_ne!(a.id, b.id);
        assert_eq!(
            (a.origin.as_str(), a.by.as_str(), a.at),
            ("desk-a", "yamada", t("10:00"))
        );
    }
}
