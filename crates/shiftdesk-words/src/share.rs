//! The shared documents (the Markdown report and the handover), and durations in words.

area! { share_words {
    // The report: heading and summary
    DocDrillHeading: "DRILL — {id} {title}", "【訓練】{id} {title}";
    DocDrillNote:
        "This was a drill, not a live incident.",
        "これは訓練の記録です(実際のインシデントではありません)。";
    DocStatusOpenLine:
        "Status: open — current phase: {phase}.",
        "状態: 対応中(現在のフェーズ: {phase})";
    DocStatusClosedLine:
        "Status: closed {when}, {dur} after detection.",
        "状態: {when} にクローズ(検知から{dur})";
    DocClassification: "Classification", "分類と重大度";
    DocClass: "Class", "区分";
    DocByAt: "{by}, {when}", "{by}({when})";
    // Times
    DocTimesHeading: "Times ({zone})", "時刻({zone})";
    DocFirstReport: "First report", "初報";
    DocMitigated: "Mitigated", "暫定復旧";
    DocClosed: "Closed", "クローズ";
    DocTimeAfter: "{when} ({dur} after detection)", "{when}(検知から{dur})";
    // Scope
    DocScopeHeading: "Scope of impact", "影響範囲";
    DocServices: "Services", "対象サービス";
    DocAffected: "Affected", "影響対象";
    DocEstimatedCount: "Estimated count", "推定件数";
    DocImpactSince: "Impact since", "影響開始";
    DocScopeNone: "No scope of impact was recorded.", "影響範囲は記録されていません。";
    // Contacts
    DocAttemptsHeading: "Contact attempts", "連絡記録";
    DocAttemptsNone: "No contact attempts were recorded.", "連絡記録はありません。";
    DocEscalationsHeading: "Escalated by hand", "手動エスカレーション";
    DocEscalationLine:
        "{when} {by}: up to level {level} — {reason}",
        "{when} {by}: 第{level}段へ — {reason}";
    // Tables
    DocColTime: "Time", "日時";
    DocColLevel: "Level", "段";
    DocColContact: "Contact", "連絡先";
    DocColMeans: "Means", "手段";
    DocColOutcome: "Outcome", "結果";
    DocColBy: "By", "担当者";
    DocColWho: "Who", "相談先";
    DocColAdvice: "Advice", "助言";
    DocColAction: "Action", "対処内容";
    DocColEffect: "Effect", "効果";
    DocColKind: "Event", "種別";
    DocColDetails: "Details", "内容";
    DocColMeasure: "Measure", "対策";
    DocColOwner: "Owner", "担当";
    DocColDue: "Due", "期限";
    DocColDone: "Done", "完了";
    // Records
    DocConsultHeading: "Consultations", "相談";
    DocInterimHeading: "Interim actions", "暫定対処";
    DocNoneRecorded: "None recorded.", "記録はありません。";
    DocPhaseCount: "{phase}: {done} of {total} done", "{phase}: {total}件中{done}件完了";
    // Review
    DocCause: "Cause", "原因";
    DocWentWell: "What went well", "良かった点";
    DocWentBadly: "What went badly", "改善すべき点";
    DocSharedWith: "Shared with", "共有先";
    DocMeasuresHeading: "Measures against recurrence", "再発防止策";
    DocDoneOn: "✓ {date}", "✓ {date}";
    DocNotDone: "not done", "未完了";
    DocReviewNotYet: "Not reviewed yet.", "振り返りはまだ行われていません。";
    DocReviewNone: "No review was recorded.", "振り返りは記録されていません。";
    DocClosedWithoutReview:
        "Closed without review {when} by {by}. Reason: {reason}",
        "{when} に {by} が振り返りなしでクローズしました。理由: {reason}";
    DocExportedAt: "Exported from shiftdesk {when} ({zone}).", "shiftdesk から出力: {when}({zone})";
    // Handover
    DocHandoverHeading:
        "Shift handover — {from} → {to} ({zone})",
        "シフト引き継ぎ — {from} → {to}({zone})";
    DocOpenHeading: "Open incidents ({n})", "対応中のインシデント({n}件)";
    DocClosedHeading: "Closed during the shift ({n})", "このシフト中にクローズ({n}件)";
    DocFollowUpsHeading: "Follow-ups due by {date} ({n})", "期限が {date} までの再発防止策({n}件)";
    DocNone: "none", "なし";
    DocDetectedBeforeHandover:
        "detected {when} ({age} before the handover)",
        "{when} に検知(引き継ぎの{age}前)";
    DocReportDue: "Report due: {due}", "報告期限: {due}";
    DocUpdateDue: "Next status update: {due}", "次の経過報告: {due}";
    DocCallbackPending:
        "Waiting for a call back from {name} (message left {when})",
        "{name} からの折り返し待ち({when} に伝言)";
    DocClosedLine: "{id} {title} — closed {when}", "{id} {title} — {when} クローズ";
    DocClosedNoReviewLine:
        "{id} {title} — closed {when} without review (reason: {reason})",
        "{id} {title} — {when} 振り返りなしでクローズ(理由: {reason})";
    DocFollowUpLine:
        "{id} #{n} {text} — owner: {owner}, due {due}",
        "{id} #{n} {text} — 担当: {owner}、期限 {due}";
    DocOwnerUnset: "not set", "未定";
    DocDueWithMark: "{date} ({mark})", "{date}({mark})";
    DocOverdue: "OVERDUE", "期限超過";
    DocToday: "today", "本日";
    DocTomorrow: "tomorrow", "明日";
    // Durations
    DurUnderMinute: "under 1 min", "1分未満";
    DurMinutes: "{m} min", "{m}分";
    DurHours: "{h} h", "{h}時間";
    DurHoursMinutes: "{h} h {m} min", "{h}時間{m}分";
    DurDays: "{d} d", "{d}日";
    DurDaysHours: "{d} d {h} h", "{d}日{h}時間";
    // Handover: read later, so deadlines as of when it was made, and no live countdown
    DocDueInAsOf: "{due} (in {left}, as of {now})", "{due}({now} 時点で残り{left})";
    DocDueOverdueAsOf:
        "{due} (OVERDUE by {late}, as of {now})",
        "{due}({now} 時点で{late}超過)";
    DocNextCall:
        "Next: {means} {name} ({role}) {address}",
        "次: {name}({role}){address} に{means}で報告";
    DocNextGiveUpdate:
        "Next: give a status update to {name} {address}",
        "次: {name} {address} へ経過報告";
    DocInDays: "in {n} days", "{n}日後";
    DocPhaseCountNa:
        "{phase}: {done} of {total} done, {na} not applicable",
        "{phase}: {total}件中{done}件完了、{na}件対象外";
    DocNotApplicable: "not applicable", "対象外";
} }
