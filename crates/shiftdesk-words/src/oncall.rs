//! Who is on duty now: rotations on the desk, in the timeline, in `shiftdesk oncall` and
//! in the roster's checks.

area! { oncall_words {
    // A route level's rotation, resolved when the level becomes the one to call
    EntryOnDuty: "on duty", "当番";
    OnDutyResolved: "{rotation} → {name} (on duty {shift})", "{rotation} → {name}({shift} 当番)";
    OnDutyCovering: "{rotation} → {name} (covering {shift})", "{rotation} → {name}({shift} 代理)";
    OnDutyNobody:
        "{rotation}: nobody on duty — no one to call on this level",
        "{rotation}: 当番不在 — この段に連絡できる人がいません";
    OnDutyNobodyFallback:
        "{rotation}: nobody on duty — calling the level's other contacts",
        "{rotation}: 当番不在 — この段の他の連絡先に連絡します";
    OnDutyNone: "nobody on duty", "当番不在";
    // The desk's section of who is on duty now
    OnDutyTitle: "On duty", "当番";
    OnDutyUntil: "to {time}", "{time}まで";
    OnDutyNowPreview: "{rotation}: {name} on duty now", "{rotation}: 現在の当番 {name}";
    // shiftdesk oncall
    OncallLine:
        "{rotation}: {who}, until {until}; next: {next}",
        "{rotation}: {who}({until}まで)/次: {next}";
    OncallNone:
        "roster.json has no rotations: add \"rotations\" (see the README) to say who is on duty when.",
        "roster.json にローテーションがありません。誰がいつ当番かは \"rotations\" に書きます(README 参照)。";
    // roster check: rotations
    CheckRotationIdEmpty: "A rotation has no id.", "ローテーションに id がありません。";
    CheckRotationDuplicate:
        "Rotation id \"{rotation}\" is used twice.{what}",
        "ローテーション id \"{rotation}\" が2回使われています。{what}";
    CheckRotationNoPeople:
        "Rotation \"{rotation}\" has nobody in it: nobody is on duty, and a level naming it falls back on its contacts.{what}",
        "ローテーション \"{rotation}\" に人がいません。当番が不在になり、これを使う段は固定の連絡先だけになります。{what}";
    CheckRotationUnknownPerson:
        "Rotation \"{rotation}\" names \"{what}\", who is not in contacts.",
        "ローテーション \"{rotation}\" の \"{what}\" が連絡先にありません。";
    CheckRotationNoShift:
        "Rotation \"{rotation}\" has no shift: neither shift_hours nor shift_starts.{what}",
        "ローテーション \"{rotation}\" にシフトがありません(shift_hours も shift_starts もない)。{what}";
    CheckRotationBadShift:
        "Rotation \"{rotation}\" has shift_hours {what}: a shift must last at least an hour (and at most a year).",
        "ローテーション \"{rotation}\" の shift_hours が {what} です。シフトは1時間以上(1年以内)にしてください。";
    CheckRotationBothShifts:
        "Rotation \"{rotation}\" has both shift_hours and shift_starts: shift_hours is used.{what}",
        "ローテーション \"{rotation}\" に shift_hours と shift_starts の両方があります。shift_hours を使います。{what}";
    CheckRotationStartOff:
        "Rotation \"{rotation}\" starts at a time not in shift_starts: its first shift is shorter.{what}",
        "ローテーション \"{rotation}\" の start が shift_starts のどの時刻でもありません。最初のシフトが短くなります。{what}";
    CheckRotationBackwards:
        "An override of rotation \"{rotation}\" ends before it starts: it never applies.{what}",
        "ローテーション \"{rotation}\" の代理(override)が開始前に終わっています。適用されません。{what}";
    CheckRotationOverlap:
        "An override of rotation \"{rotation}\" overlaps overrides[{what}]: the one listed first wins.",
        "ローテーション \"{rotation}\" の代理が overrides[{what}] と重なっています。先に書いた方が優先されます。";
    CheckRotationUnknown:
        "Route \"{what}\" names rotation \"{rotation}\", which is not in rotations: the level calls its contacts only.",
        "ルート \"{what}\" がローテーション \"{rotation}\" を指定していますが、rotations にありません。この段は固定の連絡先だけになります。";
    FixRotationId: "Give each rotation an id of its own, e.g. \"night-oncall\".", "ローテーションごとに別の id を付けてください(例: \"night-oncall\")。";
    FixRotationPeople:
        "List in \"people\" the contact ids of who takes shifts, in order; each must be in contacts.",
        "\"people\" に当番を回す人の連絡先 id を順に書いてください。いずれも連絡先に必要です。";
    FixRotationShift:
        "Give either \"shift_hours\" (e.g. 12) or \"shift_starts\" (e.g. [\"08:00\", \"20:00\"]).",
        "\"shift_hours\"(例: 12)か \"shift_starts\"(例: [\"08:00\", \"20:00\"])のどちらかを書いてください。";
    FixRotationStartOff:
        "Set \"start\" to a date at one of the shift_starts times.",
        "\"start\" を shift_starts のいずれかの時刻にしてください。";
    FixRotationOverride:
        "Set each override's \"until\" after its \"from\", and keep overrides from overlapping.",
        "代理の \"until\" は \"from\" より後にし、代理どうしが重ならないようにしてください。";
    FixRotationUnknown:
        "Add the rotation to \"rotations\", or correct the id the level names.",
        "\"rotations\" にそのローテーションを追加するか、段に書いた id を直してください。";
} }
