use super::*;
use chrono::TimeZone;
use chrono_tz::Tz;

pub(super) fn rotation(zone: &str, start: &str, people: &[&str]) -> Rotation {
    Rotation {
        id: "night-oncall".into(),
        name: "Night on-call / 夜間当番".into(),
        people: people.iter().map(|p| p.to_string()).collect(),
        zone: RotationZone(zone.parse().unwrap()),
        start: WallTime::parse(start).unwrap(),
        shift_hours: Some(12),
        shift_starts: Vec::new(),
        overrides: Vec::new(),
        extra: Map::new(),
    }
}

/// A wall-clock time in a zone, as a moment (the first when the clocks show it twice).
fn local(zone: &str, s: &str) -> DateTime<Utc> {
    let tz: Tz = zone.parse().unwrap();
    let wall = WallTime::parse(s).unwrap().0;
    tz.from_local_datetime(&wall).earliest().unwrap().to_utc()
}

fn wall(zone: &str, t: DateTime<Utc>) -> String {
    let tz: Tz = zone.parse().unwrap();
    t.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string()
}

#[test]
fn twelve_hour_shifts_take_turns_across_midnight_and_month_end() {
    let r = rotation("Asia/Tokyo", "2026-01-31 08:00", &["sato", "suzuki", "ito"]);
    let on = |s| r.on_duty(local("Asia/Tokyo", s)).unwrap();
    assert_eq!(on("2026-01-31 08:00").person, "sato");
    let night = on("2026-02-01 03:00");
    assert_eq!(night.person, "suzuki");
    assert_eq!(wall("Asia/Tokyo", night.from), "2026-01-31 20:00");
    assert_eq!(wall("Asia/Tokyo", night.until), "2026-02-01 08:00");
    assert_eq!(on("2026-02-01 08:00").person, "ito");
    assert_eq!(on("2026-02-01 19:59").person, "ito");
    assert_eq!(on("2026-02-01 20:00").person, "sato");
    assert!(r.on_duty(local("Asia/Tokyo", "2026-01-31 07:59")).is_none());
}

#[test]
fn a_leap_day_is_a_day_like_the_others() {
    let r = rotation("Asia/Tokyo", "2028-02-28 20:00", &["a", "b"]);
    let at = |s| r.on_duty(local("Asia/Tokyo", s)).unwrap().person;
    assert_eq!(at("2028-02-29 07:00"), "a");
    assert_eq!(at("2028-02-29 08:00"), "b");
    assert_eq!(at("2028-02-29 20:00"), "a");
    assert_eq!(at("2028-03-01 08:00"), "b");
}

#[test]
fn shifts_stay_on_the_wall_clock_when_the_clocks_go_forward() {
    // New York, 2026-03-08 02:00 → 03:00: the night shift is 11 hours long.
    let r = rotation("America/New_York", "2026-03-07 08:00", &["day", "night"]);
    let night = r
        .on_duty(local("America/New_York", "2026-03-08 04:00"))
        .unwrap();
    assert_eq!(night.person, "night");
    assert_eq!(wall("America/New_York", night.from), "2026-03-07 20:00");
    assert_eq!(wall("America/New_York", night.until), "2026-03-08 08:00");
    assert_eq!((night.until - night.from).num_hours(), 11);
    let day = r.on_duty(night.until).unwrap();
    assert_eq!(day.person, "day");
    assert_eq!(wall("America/New_York", day.until), "2026-03-08 20:00");
}

#[test]
fn shifts_stay_on_the_wall_clock_when_the_clocks_go_back() {
    // London, 2026-10-25 02:00 BST → 01:00 GMT: the night shift is 13 hours long.
    let r = rotation("Europe/London", "2026-10-24 20:00", &["night", "day"]);
    let night = r
        .on_duty(local("Europe/London", "2026-10-25 01:30"))
        .unwrap();
    assert_eq!(night.person, "night");
    assert_eq!((night.until - night.from).num_hours(), 13);
    assert_eq!(wall("Europe/London", night.until), "2026-10-25 08:00");
}

#[test]
fn a_start_the_clocks_skip_is_when_they_jump() {
    let mut r = rotation("America/New_York", "2026-03-07 02:30", &["a", "b"]);
    r.shift_hours = Some(24);
    let second = r
        .on_duty(local("America/New_York", "2026-03-08 12:00"))
        .unwrap();
    assert_eq!(second.person, "b");
    assert_eq!(wall("America/New_York", second.from), "2026-03-08 03:00");
    assert_eq!(wall("America/New_York", second.until), "2026-03-09 02:30");
}

#[test]
fn a_daily_pattern_gives_its_start_times() {
    let mut r = rotation("Asia/Tokyo", "2026-04-01 08:00", &["a", "b", "c"]);
    r.shift_hours = None;
    r.shift_starts = ["22:00", "08:00", "16:00"]
        .iter()
        .map(|s| ShiftStart::parse(s).unwrap())
        .collect();
    let on = |s| r.on_duty(local("Asia/Tokyo", s)).unwrap();
    assert_eq!(on("2026-04-01 09:00").person, "a");
    assert_eq!(on("2026-04-01 16:00").person, "b");
    let night = on("2026-04-02 05:00");
    assert_eq!(night.person, "c");
    assert_eq!(wall("Asia/Tokyo", night.from), "2026-04-01 22:00");
    assert_eq!(wall("Asia/Tokyo", night.until), "2026-04-02 08:00");
    assert_eq!(on("2026-04-02 08:00").person, "a");
}

#[test]
fn an_override_covers_its_range_and_cuts_the_shifts_around_it() {
    let mut r = rotation("Asia/Tokyo", "2026-12-24 08:00", &["sato", "suzuki"]);
    r.overrides.push(Override {
        from: WallTime::parse("2026-12-24 22:00").unwrap(),
        until: WallTime::parse("2026-12-25 02:00").unwrap(),
        person: "takahashi".into(),
        note: "swap".into(),
        extra: Map::new(),
    });
    let before = r.on_duty(local("Asia/Tokyo", "2026-12-24 21:00")).unwrap();
    assert_eq!(before.person, "suzuki");
    assert_eq!(wall("Asia/Tokyo", before.until), "2026-12-24 22:00");
    let swap = r.on_duty(local("Asia/Tokyo", "2026-12-24 23:00")).unwrap();
    assert_eq!(swap.person, "takahashi");
    assert!(swap.by_override);
    let after = r.on_duty(local("Asia/Tokyo", "2026-12-25 03:00")).unwrap();
    assert_eq!(after.person, "suzuki");
    assert_eq!(wall("Asia/Tokyo", after.from), "2026-12-25 02:00");
    assert_eq!(wall("Asia/Tokyo", after.until), "2026-12-25 08:00");
    let at = local("Asia/Tokyo", "2026-12-24 21:00");
    assert_eq!(
        r.next_change(at),
        Some(local("Asia/Tokyo", "2026-12-24 22:00"))
    );
    assert_eq!(r.next_on_duty(at).unwrap().person, "takahashi");
}

#[test]
fn nobody_is_on_duty_without_people_or_a_valid_shift() {
    let at = local("Asia/Tokyo", "2026-05-01 12:00");
    let empty = rotation("Asia/Tokyo", "2026-04-01 08:00", &[]);
    assert!(empty.on_duty(at).is_none());
    assert_eq!(empty.next_change(at), None);
    for hours in [0, -12, i64::MAX, i64::MIN] {
        let mut r = rotation("Asia/Tokyo", "2026-04-01 08:00", &["a"]);
        r.shift_hours = Some(hours);
        assert!(r.on_duty(at).is_none(), "{hours}");
    }
    let early = rotation("Asia/Tokyo", "2026-06-01 08:00", &["a"]);
    assert_eq!(
        early.next_change(at),
        Some(local("Asia/Tokyo", "2026-06-01 08:00"))
    );
}

#[test]
fn a_start_far_in_the_past_or_future_does_not_panic() {
    for start in ["0001-01-01 00:00", "9999-12-31 23:59", "2026-04-01 08:00"] {
        let mut r = rotation("Europe/London", start, &["a", "b"]);
        for hours in [1, 7, MAX_SHIFT_HOURS] {
            r.shift_hours = Some(hours);
            let _ = r.on_duty(local("Europe/London", "2026-05-01 12:00"));
        }
    }
}

#[test]
fn the_file_form_reads_and_writes_back_the_same() {
    let text = r#"{
  "id": "night-oncall",
  "name": "Night on-call / 夜間当番",
  "people": [
    "sato-hanako",
    "suzuki-kenta"
  ],
  "zone": "Asia/Tokyo",
  "start": "2026-04-01 20:00",
  "shift_starts": [
    "08:00",
    "20:00"
  ],
  "overrides": [
    {
      "from": "2026-12-31 20:00",
      "until": "2027-01-01 08:00",
      "person": "takahashi-makoto",
      "note": "New Year"
    }
  ]
}"#;
    let r: Rotation = serde_json::from_str(text).unwrap();
    assert_eq!(serde_json::to_string_pretty(&r).unwrap(), text);
}

#[test]
fn a_bad_zone_or_time_is_refused_with_its_place() {
    let bad = [
        (
            r#"{"id":"x","zone":"Tokyo","start":"2026-04-01 08:00"}"#,
            "Tokyo",
        ),
        (
            r#"{"id":"x","zone":"Asia/Tokyo","start":"2026-04-01"}"#,
            "YYYY-MM-DD HH:MM",
        ),
        (
            r#"{"id":"x","zone":"Asia/Tokyo","start":"2026-04-01 08:00","shift_starts":["25:00"]}"#,
            "HH:MM",
        ),
    ];
    for (text, says) in bad {
        let e = serde_json::from_str::<Rotation>(text).unwrap_err();
        assert!(e.to_string().contains(says), "{e}");
        assert_eq!(e.line(), 1);
        assert!(e.column() > 0);
    }
}
