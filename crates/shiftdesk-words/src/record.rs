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
    // `shiftdesk list`
    ListNoOpen: "No open incidents.", "対応中のインシデントはありません。";
    ListNoIncidents: "No incidents.", "インシデントはありません。";
    ListNoMatch:
        "No incidents match --since / --category.",
        "--since / --category に当てはまるインシデントはありません。";
    ListHowToRecord:
        "To record one: shiftdesk new --title TITLE --category ID --severity 1-4",
        "記録するには: shiftdesk new --title 件名 --category 分類ID --severity 1-4";
} }
