//! A change as it is kept and may travel: with its own id, the desk it was made at, who
//! made it and when. Applying a change whose id is already recorded changes nothing.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;
use uuid::Uuid;

/// The id of one change: a UUIDv7 whose time is the change's, so ids sort by time. The
/// random part comes from the caller (the model reads no clock and no randomness).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ChangeId(Uuid);

impl ChangeId {
    /// The id of a change made at `at`, with 80 random bits (74 of them are used).
    pub fn new(at: DateTime<Utc>, random: [u8; 10]) -> ChangeId {
        // A time before 1970 cannot be in a v7 id; it is given as 1970.
        let millis = u64::try_from(at.timestamp_millis()).unwrap_or(0);
        ChangeId(uuid::Builder::from_unix_timestamp_millis(millis, &random).into_uuid())
    }
}

impl fmt::Display for ChangeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A change with its id, the desk it came from, who made it and when.
#[derive(Debug, Clone, PartialEq)]
pub struct Stamped<C = super::Change> {
    pub id: ChangeId,
    /// The desk the change was made at (a short name: the host's, or the one it was given).
    pub origin: String,
    pub by: String,
    pub at: DateTime<Utc>,
    pub change: C,
}

impl<C> Stamped<C> {
    /// A change made at `at` by `by` at the desk `origin`; `random` makes its id unique.
    pub fn new(change: C, at: DateTime<Utc>, by: &str, origin: &str, random: [u8; 10]) -> Self {
        Stamped {
            id: ChangeId::new(at, random),
            origin: origin.to_string(),
            by: by.to_string(),
            at,
            change,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixtures::t;

    #[test]
    fn an_id_carries_the_time_of_its_change_and_sorts_by_it() {
        let a = ChangeId::new(t("10:00"), [0xff; 10]);
        let b = ChangeId::new(t("10:01"), [0; 10]);
        assert!(a < b);
        assert_eq!(a.0.get_version_num(), 7);
        let (secs, _) = a.0.get_timestamp().unwrap().to_unix();
        assert_eq!(i64::try_from(secs).unwrap(), t("10:00").timestamp());
        assert_ne!(a, ChangeId::new(t("10:00"), [1; 10]));
    }

    #[test]
    fn an_id_is_written_as_a_plain_uuid() {
        let id = ChangeId::new(t("10:00"), [7; 10]);
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(json, format!("\"{id}\""));
        assert_eq!(serde_json::from_str::<ChangeId>(&json).unwrap(), id);
    }
}
