//! Wall-clock times as a rotation's file writes them (`2026-04-01 08:00`, `20:00`), in the
//! rotation's zone, and how one becomes a moment.
//!
//! A shift starts at the first moment the wall clock of its zone shows its start time or
//! later. So a start the clocks skip (02:30 on the night they go forward) is when they jump
//! (03:00), and a start they show twice (01:30 on the night they go back) is the first time.

use chrono::{DateTime, Duration, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A date and time on the wall clock of a rotation's zone, to the minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct WallTime(pub NaiveDateTime);

/// A time of day on the wall clock, to the minute: when a shift of a daily pattern starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct ShiftStart(pub NaiveTime);

/// The zone a rotation is counted in: an IANA name such as `Asia/Tokyo`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RotationZone(pub Tz);

impl WallTime {
    /// `2026-04-01 08:00` (also `2026-04-01T08:00`).
    pub fn parse(s: &str) -> Option<WallTime> {
        let s = s.trim();
        ["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"]
            .iter()
            .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
            .map(WallTime)
    }

    /// The first moment the zone's wall clock shows this time or later.
    pub fn moment(self, zone: RotationZone) -> DateTime<Utc> {
        first_moment_showing(&zone.0, self.0)
    }
}

impl ShiftStart {
    pub fn parse(s: &str) -> Option<ShiftStart> {
        NaiveTime::parse_from_str(s.trim(), "%H:%M")
            .ok()
            .map(ShiftStart)
    }
}

/// The first moment the wall clock of `tz` shows `wall` or later: the earlier of two
/// moments when the clocks go back; the moment they jump when they skip it.
pub fn first_moment_showing<Z: TimeZone>(tz: &Z, wall: NaiveDateTime) -> DateTime<Utc> {
    if let Some(t) = tz.from_local_datetime(&wall).earliest() {
        return t.with_timezone(&Utc);
    }
    // Skipped: the first minute after it that the clock shows is when it jumped there.
    let mut later = wall;
    for _ in 0..(48 * 60) {
        later += Duration::minutes(1);
        if let Some(t) = tz.from_local_datetime(&later).earliest() {
            return t.with_timezone(&Utc);
        }
    }
    wall.and_utc()
}

impl fmt::Display for WallTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d %H:%M"))
    }
}

impl fmt::Display for ShiftStart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%H:%M"))
    }
}

impl Serialize for WallTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for WallTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        WallTime::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "\"{}\" is not a date and time: write it as YYYY-MM-DD HH:MM, e.g. 2026-04-01 08:00",
                s.escape_debug()
            ))
        })
    }
}

impl Serialize for ShiftStart {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ShiftStart {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        ShiftStart::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "\"{}\" is not a time of day: write it as HH:MM, e.g. 08:00",
                s.escape_debug()
            ))
        })
    }
}

impl Serialize for RotationZone {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0.name())
    }
}

impl<'de> Deserialize<'de> for RotationZone {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.trim().parse::<Tz>().map(RotationZone).map_err(|_| {
            serde::de::Error::custom(format!(
                "\"{}\" is not a time zone: write an IANA name, e.g. Asia/Tokyo",
                s.escape_debug()
            ))
        })
    }
}
