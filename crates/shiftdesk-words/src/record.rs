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
        "No call-back number in the report (give --callback NUMBER or SHIFTDESK_CALLBACK, or your phone in the roster)",
        "報告文に折り返し番号がありません(--callback 番号、SHIFTDESK_CALLBACK、または名簿にあなたの電話番号)";
    // `shiftdesk list`
    ListNoOpen: "No open incidents.", "対応中のインシデントはありません。";
    ListNoIncidents: "No incidents.", "インシデントはありません。";
    ListNoMatch:
        "No incidents match --since / --category.",
        "--since / --category に当てはまるインシデントはありません。";
    ListHowToRecord:
        "To record one: shiftdesk new --title TITLE --category ID --severity 1-4",
        "記録するには: shiftdesk new --title 件名 --category 分類ID --severity 1-4";
    // The report text: who reports, and what comes next, for the person reading it
    ReportByName: "Reported by {name}", "報告者: {name}";
    ReportNextAssess:
        "Next: we will assess the scope of impact",
        "今後の対応: 影響範囲を確認します";
    ReportNextAssessing:
        "Next: we are assessing the scope of impact",
        "今後の対応: 影響範囲を確認しています";
    ReportNextFixing:
        "Next: we are working on an interim fix",
        "今後の対応: 暫定対処を進めています";
    ReportNextContained:
        "Next: the impact is contained since {when}; we are completing the interim fix",
        "今後の対応: {when} から影響を抑えています。暫定対処を仕上げています";
    ReportNextReview:
        "Next: the interim fix is in place; we will review the cause and measures against recurrence",
        "今後の対応: 暫定対処は完了しました。原因と再発防止策を振り返ります";
    ReportNextClosing:
        "Next: every step is done; the incident will be closed",
        "今後の対応: すべての対応が完了しました。インシデントをクローズします";
    ReportNextClosed:
        "Next: nothing further; the incident was closed {when}",
        "今後の対応: なし({when} にクローズしました)";
    // Timeline entries told in words
    EntryMovedUp:
        "{from} not reached within {m} min: now {to}",
        "{from}に{m}分以内に連絡がつかず: {to}へ";
    EntryJumpedBy: "+{m} min", "+{m}分";
} }
