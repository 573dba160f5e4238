//! One board across desks and sites: incident ids of a synced desk, the events that carry
//! changes between desks, and what a merge of changes made apart shows on an incident.

area! { merge_words {
    // Refusals
    ErrIdTaken:
        "{id} is taken: another incident has that id",
        "{id} は使用済みです(同じ ID のインシデントがあります)";
    ErrDeskCode:
        "desk code {code} must be 1 to 8 of A–Z and 0–9 (like TYO1)",
        "デスクコード {code} は A–Z と 0–9 の 1〜8 文字にしてください(例: TYO1)";
    ErrSiteCode:
        "site code {code} must be 1 to 8 of A–Z and 0–9 (like TYO)",
        "拠点コード {code} は A–Z と 0–9 の 1〜8 文字にしてください(例: TYO)";
    // An event line that cannot be read
    EventNotJson:
        "event line, {where}: not a JSON object: {why}",
        "イベント行 {where}: JSON オブジェクトではありません: {why}";
    EventNoVersion:
        "event line: no version (\"v\") or not a number",
        "イベント行: バージョン(\"v\")がないか数値ではありません";
    EventNewerVersion:
        "event {id}: version {v} is newer than this desk reads (1): update shiftdesk on this desk",
        "イベント {id}: バージョン {v} はこのデスクが読める版(1)より新しいため、このデスクの shiftdesk を更新してください";
    EventBad:
        "event {id}, {where}: {why}",
        "イベント {id} {where}: {why}";
    // What a merge of changes made apart shows
    MergeAfterClose: "after close", "クローズ後";
    MergeConflict: "CONFLICT", "競合";
    MergeConflictTag: "[CONFLICT]", "[競合]";
    MergeOverrode:
        "overrode a change made at the same time",
        "同時に行われた変更を上書き";
    MergeNotApplied: "not applied: {why}", "適用できず: {why}";
} }
