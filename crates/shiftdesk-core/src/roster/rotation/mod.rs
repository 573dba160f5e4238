//! Rotations: who is on duty now. A rotation is people in order taking shifts one after
//! the other from a first shift's start, each shift a number of hours long or starting at
//! the times of a daily pattern (08:00 and 20:00), with overrides for a date and time range
//! (a swap, a holiday) that put someone else on duty.
//!
//! Shifts are counted on the wall clock of the rotation's zone: a 08:00–20:00 shift stays
//! 08:00–20:00 across a change to or from daylight saving time, so the shift over the night
//! the clocks change is an hour shorter (the 23-hour day) or longer (the 25-hour day).
//! No clock is read here: the moment asked about is passed in.

mod pick;
mod wall;

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
pub use pick::{OnDutyPick, name_in, nobody};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
pub use wall::{RotationZone, ShiftStart, WallTime, first_moment_showing};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rotation {
    pub id: String,
    /// Both languages, as the routes' names are: `Night on-call / 夜間当番`.
    #[serde(default)]
    pub name: String,
    /// Contact ids, in the order they take shifts.
    #[serde(default)]
    pub people: Vec<String>,
    /// The zone the shifts are counted in.
    pub zone: RotationZone,
    /// When the first shift starts, on the zone's wall clock; `people[0]` takes it.
    pub start: WallTime,
    /// Each shift this many hours long (on the wall clock)…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shift_hours: Option<i64>,
    /// …or shifts starting at these times every day.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shift_starts: Vec<ShiftStart>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overrides: Vec<Override>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Someone else on duty for a range of time: a swap, a holiday.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Override {
    pub from: WallTime,
    pub until: WallTime,
    /// The contact id of who covers it.
    pub person: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The longest shift a rotation may have: a year.
pub const MAX_SHIFT_HOURS: i64 = 366 * 24;

/// Who is on duty at a moment, and for how long.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnDuty {
    /// The contact id.
    pub person: String,
    pub from: DateTime<Utc>,
    /// When someone else takes over (the end of the shift, or of the override).
    pub until: DateTime<Utc>,
    /// On duty by an override, not by the rotation's order.
    pub by_override: bool,
}

/// How the shifts follow one another.
#[derive(Debug, Clone, PartialEq)]
enum Shifts {
    Every(Duration),
    /// Sorted, each once.
    Daily(Vec<chrono::NaiveTime>),
}

impl Override {
    /// The range it covers, as moments: None when it ends before it starts.
    pub fn range(&self, zone: RotationZone) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        let (from, until) = (self.from.moment(zone), self.until.moment(zone));
        (from < until).then_some((from, until))
    }
}

impl Rotation {
    /// The name to show: the name, else the id.
    pub fn label(&self) -> &str {
        if crate::text::has_content(&self.name) {
            &self.name
        } else {
            &self.id
        }
    }

    fn shifts(&self) -> Option<Shifts> {
        match self.shift_hours {
            Some(h) if (1..=MAX_SHIFT_HOURS).contains(&h) => {
                Some(Shifts::Every(Duration::hours(h)))
            }
            Some(_) => None,
            None if self.shift_starts.is_empty() => None,
            None => {
                let mut times: Vec<_> = self.shift_starts.iter().map(|s| s.0).collect();
                times.sort();
                times.dedup();
                Some(Shifts::Daily(times))
            }
        }
    }

    /// The wall-clock start of shift `n` (0: the first); None past what a calendar holds.
    fn wall_start(&self, shifts: &Shifts, n: i64) -> Option<NaiveDateTime> {
        let start = self.start.0;
        match shifts {
            Shifts::Every(len) => {
                start.checked_add_signed(len.checked_mul(i32::try_from(n).ok()?)?)
            }
            Shifts::Daily(_) if n == 0 => Some(start),
            Shifts::Daily(times) => {
                // Shift n starts at the n-th pattern time after the first start.
                let k = times.len() as i64;
                let before = times.iter().filter(|t| **t <= start.time()).count() as i64;
                let m = n - 1 + before;
                let time = *times.get(usize::try_from(m.rem_euclid(k)).ok()?)?;
                start
                    .date()
                    .and_time(time)
                    .checked_add_signed(Duration::try_days(m.div_euclid(k))?)
            }
        }
    }

    /// Roughly which shift is on at a wall-clock time (within one or two of it).
    fn guess(&self, shifts: &Shifts, wall: NaiveDateTime) -> i64 {
        let start = self.start.0;
        match shifts {
            Shifts::Every(len) => (wall - start).num_minutes().div_euclid(len.num_minutes()),
            Shifts::Daily(times) => {
                let k = times.len() as i64;
                let days = (wall.date() - start.date()).num_days();
                let upto = |t: chrono::NaiveTime| times.iter().filter(|p| **p <= t).count() as i64;
                days * k + upto(wall.time()) - upto(start.time())
            }
        }
    }

    /// Shift `n`'s start as a moment.
    fn moment(&self, shifts: &Shifts, n: i64) -> Option<DateTime<Utc>> {
        Some(first_moment_showing(
            &self.zone.0,
            self.wall_start(shifts, n)?,
        ))
    }

    /// The shift on at `at` by the rotation's order: its number and when it starts and
    /// ends. None before the first shift, or without a valid shift length.
    fn shift_at(&self, at: DateTime<Utc>) -> Option<(i64, DateTime<Utc>, DateTime<Utc>)> {
        let shifts = self.shifts()?;
        if at < self.start.moment(self.zone) {
            return None;
        }
        let wall = at.with_timezone(&self.zone.0).naive_local();
        let mut n = self.guess(&shifts, wall).max(0);
        while n > 0 && self.moment(&shifts, n)? > at {
            n -= 1;
        }
        while self.moment(&shifts, n + 1)? <= at {
            n += 1;
        }
        Some((n, self.moment(&shifts, n)?, self.moment(&shifts, n + 1)?))
    }

    /// The overrides that apply, with their ranges: those ending after they start.
    fn override_ranges(
        &self,
    ) -> impl Iterator<Item = (&Override, DateTime<Utc>, DateTime<Utc>)> + '_ {
        self.overrides
            .iter()
            .filter_map(|o| o.range(self.zone).map(|(f, u)| (o, f, u)))
    }

    /// Who is on duty at `at`: the first override listed that covers it, else whose turn
    /// it is. A shift that an override cuts into starts or ends where the override does.
    /// None before the first shift, with nobody in the rotation or no valid shift length.
    pub fn on_duty(&self, at: DateTime<Utc>) -> Option<OnDuty> {
        if let Some((o, from, until)) = self
            .override_ranges()
            .find(|(_, from, until)| *from <= at && at < *until)
        {
            return Some(OnDuty {
                person: o.person.clone(),
                from,
                until,
                by_override: true,
            });
        }
        if self.people.is_empty() {
            return None;
        }
        let (n, mut from, mut until) = self.shift_at(at)?;
        for (_, o_from, o_until) in self.override_ranges() {
            if o_until > from && o_until <= at {
                from = o_until;
            }
            if o_from > at && o_from < until {
                until = o_from;
            }
        }
        let person = self.people[n.rem_euclid(self.people.len() as i64) as usize].clone();
        Some(OnDuty {
            person,
            from,
            until,
            by_override: false,
        })
    }

    /// The next moment after `at` when who is on duty may change: the end of the shift or
    /// override on now; with nobody on duty, when the first shift or the next override
    /// starts. None when nothing is ahead.
    pub fn next_change(&self, at: DateTime<Utc>) -> Option<DateTime<Utc>> {
        if let Some(now) = self.on_duty(at) {
            return Some(now.until);
        }
        let first = (!self.people.is_empty() && self.shifts().is_some())
            .then(|| self.start.moment(self.zone))
            .filter(|t| *t > at);
        self.override_ranges()
            .map(|(_, from, _)| from)
            .filter(|t| *t > at)
            .chain(first)
            .min()
    }

    /// Who is on duty after the present one: at the next change.
    pub fn next_on_duty(&self, at: DateTime<Utc>) -> Option<OnDuty> {
        self.on_duty(self.next_change(at)?)
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_reference;
