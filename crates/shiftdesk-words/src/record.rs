//! An incident's record as `shiftdesk show` prints it, and the report text an operator reads
//! out or copies.

area! { record_words {
    // Record words (show, timeline)
    WordDetected: "Detected", "検知";
    WordOpenedBy: "Opened by", "記録者";
    WordStatus: "Status", "状態";
    WordPhase: "Phase", "フェーズ";
    WordDescription: "Description", "詳細";
    WordChecklist: "Checklist", "チェックリスト";
    WordTimeline: "Timeline", "タイムライン";
    WordRoute: "Route", "報告ルート";
    WordAttempts: "Call attempts", "連絡記録";
    StatusOpen: "open", "対応中";
    StatusClosed: "closed", "クローズ";
    PhaseAllDone: "all done", "全完了";
    // The report text
    ReportHeading: "[Incident report]", "【インシデント報告】";
    Ago: "{age} ago", "{age}前";
    ReportWhat: "What happened", "発生事象";
    ReportScope: "Scope known so far", "現時点で分かっている影響範囲";
    ReportScopeNone: "not yet assessed", "確認中";
    ReportInterim: "Interim action taken", "実施した暫定対処";
    ReportInterimNone: "none yet", "未実施";
    ReportNextUpdate: "Next update by {due}", "次回の経過報告: {due} まで";
    ReportBy:
        "Reported by {name} — call back: {callback}",
        "報告者: {name} — 折り返し先: {callback}";
    ReportNoCallback:
        "no call-back number set (--callback or SHIFTDESK_CALLBACK)",
        "折り返し番号未設定(--callback または SHIFTDESK_CALLBACK)";
    // Timeline entries told in words
    EntryMovedUp:
        "{from} not reached within {m} min: now {to}",
        "{from}に{m}分以内に連絡がつかず: {to}へ";
    EntryJumpedBy: "+{m} min", "+{m}分";
} }
