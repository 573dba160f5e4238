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
} }
