//! The rotation against a simple reference: walk shift by shift from the first start, on
//! the wall clock, turning each start into a moment by looking only from UTC to the wall
//! clock (the direction with one answer). Across midnight, month ends, leap days and the
//! clocks changing in New York, London and Lord Howe (half an hour), and in Tokyo and UTC.

use super::*;
use chrono::{NaiveDate, NaiveTime, Offset, TimeZone};
use chrono_tz::Tz;
use proptest::prelude::*;

const ZONES: [&str; 5] = [
    "America/New_York",
    "Europe/London",
    "Australia/Lord_Howe",
    "Asia/Tokyo",
    "UTC",
];

/// The wall clock of `tz` at a moment.
fn wall_at(tz: &Tz, u: DateTime<Utc>) -> NaiveDateTime {
    u.with_timezone(tz).naive_local()
}

/// The first moment (to the minute) whose wall clock shows `wall` or later, found by
/// trying each offset the zone has around then, and minute by minute over a skipped hour.
fn reference_moment(tz: &Tz, wall: NaiveDateTime) -> DateTime<Utc> {
    let guess = wall.and_utc();
    let offsets: Vec<Duration> = [-2, 0, 2]
        .iter()
        .map(|d| {
            let u = guess + Duration::days(*d);
            Duration::seconds(i64::from(
                tz.offset_from_utc_datetime(&u.naive_utc())
                    .fix()
                    .local_minus_utc(),
            ))
        })
        .collect();
    let exact = offsets
        .iter()
        .map(|o| guess - *o)
        .filter(|u| wall_at(tz, *u) == wall)
        .min();
    if let Some(u) = exact {
        return u;
    }
    let lo = offsets.iter().map(|o| guess - *o).min().unwrap_or(guess);
    let mut u = lo - Duration::hours(1);
    while wall_at(tz, u) < wall {
        u += Duration::minutes(1);
    }
    u
}

/// The wall-clock starts of the shifts, one after another, from the first.
fn reference_walls(r: &Rotation) -> impl Iterator<Item = NaiveDateTime> + '_ {
    let mut times: Vec<NaiveTime> = r.shift_starts.iter().map(|s| s.0).collect();
    times.sort();
    let hours = r.shift_hours;
    std::iter::successors(Some(r.start.0), move |prev| match hours {
        Some(h) => Some(*prev + Duration::hours(h)),
        None => {
            let same_day = times.iter().find(|t| **t > prev.time());
            Some(match same_day {
                Some(t) => prev.date().and_time(*t),
                None => (prev.date() + Duration::days(1)).and_time(times[0]),
            })
        }
    })
}

/// Who is on duty at `at`, by walking.
fn reference(r: &Rotation, at: DateTime<Utc>) -> Option<OnDuty> {
    let tz = r.zone.0;
    let ranges: Vec<(&Override, DateTime<Utc>, DateTime<Utc>)> = r
        .overrides
        .iter()
        .map(|o| {
            (
                o,
                reference_moment(&tz, o.from.0),
                reference_moment(&tz, o.until.0),
            )
        })
        .filter(|(_, f, u)| f < u)
        .collect();
    if let Some((o, from, until)) = ranges.iter().find(|(_, f, u)| *f <= at && at < *u) {
        return Some(OnDuty {
            person: o.person.clone(),
            from: *from,
            until: *until,
            by_override: true,
        });
    }
    let mut starts = reference_walls(r).map(|w| reference_moment(&tz, w));
    let mut from = starts.next()?;
    if at < from || r.people.is_empty() {
        return None;
    }
    let mut n = 0;
    let mut until = starts.next()?;
    while until <= at {
        n += 1;
        from = until;
        until = starts.next()?;
    }
    for (_, o_from, o_until) in &ranges {
        if *o_until > from && *o_until <= at {
            from = *o_until;
        }
        if *o_from > at && *o_from < until {
            until = *o_from;
        }
    }
    Some(OnDuty {
        person: r.people[n % r.people.len()].clone(),
        from,
        until,
        by_override: false,
    })
}

/// Days the clocks change in the zones above (by their index), and leap days.
const CHANGES: [(usize, i32, u32, u32); 12] = [
    (0, 2024, 3, 10),
    (0, 2024, 11, 3),
    (0, 2026, 3, 8),
    (0, 2026, 11, 1),
    (1, 2024, 3, 31),
    (1, 2024, 10, 27),
    (1, 2026, 3, 29),
    (1, 2026, 10, 25),
    (2, 2024, 4, 7),
    (2, 2024, 10, 6),
    (3, 2024, 2, 29),
    (4, 2028, 2, 29),
];

/// A zone and a first start: any day from 2024 on, or up to two days before the clocks of
/// the zone change (or a leap day).
fn start_strategy() -> impl Strategy<Value = (usize, NaiveDateTime)> {
    let day = prop_oneof![
        (0..ZONES.len(), 0i64..1500).prop_map(|(z, d)| {
            (
                z,
                NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + Duration::days(d),
            )
        }),
        (0..CHANGES.len(), 0i64..3).prop_map(|(i, back)| {
            let (z, y, m, d) = CHANGES[i];
            (
                z,
                NaiveDate::from_ymd_opt(y, m, d).unwrap() - Duration::days(back),
            )
        }),
    ];
    (day, 0u32..24, prop_oneof![Just(0u32), Just(30), 0u32..60])
        .prop_map(|((z, date), h, m)| (z, date.and_hms_opt(h, m, 0).unwrap()))
}

fn rotation_strategy() -> impl Strategy<Value = Rotation> {
    let shift = prop_oneof![
        prop_oneof![1i64..=4, 1i64..=48].prop_map(|h| (Some(h), Vec::new())),
        prop::collection::vec((0u32..24, prop_oneof![Just(0u32), Just(30)]), 1..4).prop_map(|ts| (
            None,
            ts.into_iter()
                .map(|(h, m)| ShiftStart(NaiveTime::from_hms_opt(h, m, 0).unwrap()))
                .collect()
        )),
    ];
    (
        start_strategy(),
        shift,
        1usize..4,
        prop::collection::vec((0i64..24 * 60, 1i64..72, 0usize..4), 0..3),
    )
        .prop_map(
            |((z, start), (hours, starts), people, overrides)| Rotation {
                id: "r".into(),
                name: String::new(),
                people: (0..people).map(|p| format!("p{p}")).collect(),
                zone: RotationZone(ZONES[z].parse().unwrap()),
                start: WallTime(start),
                shift_hours: hours,
                shift_starts: starts,
                overrides: overrides
                    .into_iter()
                    .map(|(after, len, who)| Override {
                        from: WallTime(start + Duration::hours(after)),
                        until: WallTime(start + Duration::hours(after + len)),
                        person: format!("cover{who}"),
                        note: String::new(),
                        extra: Map::new(),
                    })
                    .collect(),
                extra: Map::new(),
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn on_duty_is_what_walking_the_shifts_gives(
        r in rotation_strategy(),
        shift in 0usize..200,
        near in -90i64..90,
        minutes in -(2 * 24 * 60i64)..(90 * 24 * 60i64),
        around in 0i64..(4 * 24 * 60i64),
        pick in 0u8..3,
    ) {
        // Anywhere in the next 90 days, within 90 minutes of a shift's start, or in the
        // first four days (when the clocks change, for a start just before).
        let at = match pick {
            0 => r.start.moment(r.zone) + Duration::minutes(minutes),
            1 => {
                let wall = reference_walls(&r).nth(shift).unwrap_or(r.start.0);
                reference_moment(&r.zone.0, wall) + Duration::minutes(near)
            }
            _ => r.start.moment(r.zone) + Duration::minutes(around),
        };
        let on = r.on_duty(at);
        prop_assert_eq!(&on, &reference(&r, at));
        if let Some(on) = on {
            prop_assert!(on.from <= at && at < on.until);
            prop_assert_eq!(r.next_change(at), Some(on.until));
        }
    }

    #[test]
    fn a_shift_of_the_clock_is_the_same_shift_the_wall_clock_says(
        r in rotation_strategy(),
        minutes in 0i64..(60 * 24 * 60i64),
    ) {
        // Where no override is on, each shift starts on one of the rotation's wall times.
        let at = r.start.moment(r.zone) + Duration::minutes(minutes);
        if let Some(on) = r.on_duty(at).filter(|o| !o.by_override) {
            let walls: Vec<NaiveDateTime> = reference_walls(&r).take(5000).collect();
            let overridden = r.overrides.iter().any(|o| {
                o.range(r.zone).is_some_and(|(f, u)| u == on.from || f == on.until)
            });
            if !overridden {
                let from = wall_at(&r.zone.0, on.from);
                let shown = walls.iter().any(|w| *w == from || reference_moment(&r.zone.0, *w) == on.from);
                prop_assert!(shown, "{from} is not a shift start");
            }
        }
    }
}
