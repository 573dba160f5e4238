//! Obligations with their own clocks (a report to a regulator within days), the guide's
//! conditions that bring them, and the decisions on out-of-scope requests: on the desk, in
//! their forms and lists, and in the shared documents.

area! { duties_words {
    // An obligation's countdown, in days of the operator's calendar
    DutyDueToday: "due today {time}", "本日 {time} 期限";
    DutyOverdueToday: "OVERDUE since {time}", "期限超過({time} から)";
    DutyOneDayLeft: "1 day left", "残り1日";
    DutyDaysLeft: "{n} days left", "残り{n}日";
    DutyOverdueOneDay: "OVERDUE 1 day", "期限超過 1日";
    DutyOverdueDays: "OVERDUE {n} days", "期限超過 {n}日";
    DutyDueOn: "{left} (due {due})", "{left}({due} 期限)";
    NextObligation: "Next: {left}: {what} → {to}", "次: {left}: {what} → {to}";
    // Answers to a condition of the guide
    KnownYes: "yes", "はい";
    KnownNo: "no", "いいえ";
    KnownNotKnown: "not known", "不明";
    // Decisions on an out-of-scope request
    DecisionForwarded: "forwarded", "他の窓口へ引き継ぐ";
    DecisionDeclined: "declined", "お断りする";
    DecisionAccepted: "accepted as an exception", "例外として対応する";
    DecisionAcceptedBy:
        "accepted as an exception, approved by {who}",
        "例外として対応({who} が承認)";
    DecisionDeclinedTold:
        "declined; the requester was told: {told}",
        "お断り。依頼者への説明: {told}";
    DecisionForwardedTo: "forwarded to {to}", "{to} へ引き継ぎ";
    DecisionForwardedToNote: "forwarded to {to}: {note}", "{to} へ引き継ぎ: {note}";
    DecisionRequest: "request: {request}", "依頼の種類: {request}";
    DecisionRule: "rule: {rule}", "適用した定め: {rule}";
    DecisionNoRule:
        "the scope definition lists no such request",
        "業務範囲の定義に該当する項目なし";
    // The scope form's questions from the guide
    FieldCondition: "Obligations", "届出・通知の義務";
    ConditionBrings:
        "←/→ y/n · yes: {n} obligations, the first in {days} days",
        "←/→ y/n ・「はい」で義務 {n} 件(最短 {days} 日)";
    ConditionBringsOne:
        "←/→ y/n · yes: 1 obligation, in {days} days",
        "←/→ y/n ・「はい」で義務 1 件({days} 日以内)";
    // The obligations list (O) and the checklist pane
    MsgObligationDone: "Obligation marked done", "義務を完了にしました";
    MsgObligationReopened: "Obligation marked not done", "義務を未完了に戻しました";
    ObligationDoneAt: "done {when} {by}", "完了 {when} {by}";
    ObligationWithdrawnAt:
        "withdrawn {when} {by} (the condition was answered no)",
        "取り下げ {when} {by}(条件に「いいえ」と回答)";
    ObligationExample:
        "An example in the guide: check it against your team's rules and the law",
        "ガイドの例示です。自チームの規程と法令に照らして確認してください";
    ObligationsTitle: "Obligations · {id} · {n} to do", "届出・通知の義務 · {id} · 未完了 {n}";
    NoObligations:
        "No obligations: the guide declares none for this kind of incident.",
        "義務はありません(ガイドはこの種類のインシデントに義務を定めていません)。";
    NoObligationsYet:
        "No obligations yet: they arise when a condition in the scope form (S) is answered yes.",
        "まだ義務はありません。影響範囲(S)の条件に「はい」と答えると発生します。";
    ObligationsHint:
        "↑/↓: move  Space: done / not done  Esc: close",
        "↑/↓: 移動  Space: 完了 / 未完了  Esc: 閉じる";
    ObligationTo: "To: {to}", "宛先: {to}";
    PaneObligations: "Obligations (O)", "届出・通知の義務 (O)";
    // The decision form (d)
    DecisionTitle: "Out-of-scope request: the decision", "対応範囲外の依頼: 判断の記録";
    FieldRequest: "Request", "依頼の種類";
    FieldRule: "Rule that applies", "適用する定め";
    FieldDecision: "Decision", "判断";
    FieldApprovedBy: "Approved by", "承認者";
    FieldToldRequester: "Told the requester", "依頼者への説明";
    FieldForwardedTo: "Forwarded to", "引き継ぎ先";
    DecisionOtherRequest:
        "Another request (not in the scope definition)",
        "その他の依頼(業務範囲の定義にない)";
    DecisionOptional: "optional", "任意";
    DraftDecision: "An out-of-scope decision", "対応範囲外の判断";
    // The shared documents: export, handover, report, show
    DocObligationsHeading: "Obligations", "届出・通知の義務";
    DocConditionLine:
        "«{question}» → {answer} ({when}, {by})",
        "«{question}» → {answer}({when}、{by})";
    DocColObligation: "Obligation", "義務";
    DocColTo: "To", "宛先";
    DocColState: "State", "状況";
    DocDecisionHeading: "Out-of-scope decision", "対応範囲外の判断";
    DocDecisionNone: "Not recorded yet.", "まだ記録されていません。";
    DocDecidedBy: "Decided", "判断";
    DocObligationDue:
        "Obligation to {to}, due {due} ({left} as of {now}): {what}",
        "{to} への義務、期限 {due}({now} 時点で{left}): {what}";
    DocDecisionLine: "Decision: {decision}", "判断: {decision}";
    DocClosedObligationsHeading:
        "Obligations of closed incidents still to do ({n})",
        "クローズ済みインシデントの未完了の義務({n})";
    ReportObligation:
        "Obligation to {to}, due {due}: {what}",
        "{to} への義務({due} 期限): {what}";
    // Refusals
    ErrNotOutOfScope:
        "{id} is not an out-of-scope request: a decision is recorded for those only",
        "{id} は対応範囲外の依頼ではありません(判断は範囲外の依頼にだけ記録します)";
    ErrNoSuchObligation: "{id} has no obligation {x}", "{id} に義務 {x} はありません";
} }
