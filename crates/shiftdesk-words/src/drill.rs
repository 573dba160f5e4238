//! Drills: scenarios, injects, readiness checks and the drill report.

area! { drill_words {
    ErrNoScenario:
        "No drill scenario {name}; there are: {ids}",
        "訓練シナリオ {name} はありません。あるもの: {ids}";
    MsgDrillStarted: "Drill {id} started: {name}", "訓練 {id} を開始しました: {name}";
    MsgNotARunningDrill:
        "Select a running drill first (D starts one)",
        "実施中の訓練を選んでください(D で開始)";
    MsgNoMoreInjects: "No more injects in this drill", "この訓練の状況付与はもうありません";
    MsgInject: "DRILL {id} T+{t}: {text}", "訓練 {id} T+{t}: {text}";
    DrillsTitle: "Drills: rehearse the flow", "訓練: 対応の流れを練習";
    DrillsHint:
        "↑/↓: move  Enter: start the drill  Esc: back",
        "↑/↓: 移動  Enter: 訓練を開始  Esc: 戻る";
    DrillsCounts:
        "{injects} injects · {checks} readiness checks",
        "状況付与 {injects} 件 · 準備確認 {checks} 件";
    ChecksTitle: "Readiness checks — confirm them for real", "準備確認 — 実際に確かめる";
    ChecksHint:
        "y: yes  n: no (and a follow-up)  u: not checked  ↑/↓: move  Esc: back",
        "y: はい  n: いいえ(対策も)  u: 未確認  ↑/↓: 移動  Esc: 戻る";
    CheckAnswerTitle: "Answer: {answer}", "回答: {answer}";
    ConfirmEndDrill:
        "End drill {id}? Its results are shown.\n  y: end   n: keep going",
        "訓練 {id} を終了しますか?結果を表示します。\n  y: 終了   n: 続ける";
    DrillReportTitle: "Drill results", "訓練の結果";
    NextInject:
        "DRILL: next inject {due} (in {left}) []]",
        "訓練: 次の状況付与 {due}(あと {left})[]]";
    MsgScenarioProblem:
        "A drill scenario was skipped: {why}",
        "訓練シナリオを読み込めずスキップしました: {why}";
    DrillRan: "Run from {start} to {end}.", "実施: {start} 〜 {end}";
    DrillStillRunning: "still running", "実施中";
    DrillFastForwarded:
        "The drill's clock was jumped ahead {m} min in all (tabletop run): the times below include it.",
        "訓練時計を合計 {m} 分早送りしました(机上訓練)。以下の時間はそれを含みます。";
    DrillActions: "Actions: readiness checks that failed", "対応事項: 準備確認で問題のあったもの";
    DrillNoActions: "Every readiness check passed.", "準備確認はすべて問題なし。";
    DrillFigures: "Figures", "結果";
    DrillMet: "met", "期限内";
    DrillMissed: "MISSED", "期限超過";
    DrillFirstReport:
        "First report after {took} (deadline {deadline}): {met}",
        "初報まで {took}(期限 {deadline}): {met}";
    DrillPhaseReached: "{phase} reached after {took}", "{phase} 開始まで {took}";
    DrillEscalations: "Levels gone up on the route: {n}", "報告ルートで上位へ上げた段数: {n}";
    DrillUnchecked: "Steps left unchecked", "未チェックの手順";
    DrillNone: "none", "なし";
    DrillChecks: "Readiness checks", "準備確認";
    DrillNoRuns: "No drills run yet.", "まだ訓練の実施記録はありません。";
    DrillFirstReportShort: "first report", "初報";
    DrillFailedShort: "failed checks", "確認NG";
    DrillUncheckedShort: "unchecked", "未チェック";
    ErrNotADrill: "{id} is not a drill", "{id} は訓練ではありません";
    ErrNoSuchCheck: "{id} has no readiness check {x}", "{id} に準備確認 {x} はありません";
    // The drill's results: calls and injects on its clock
    DrillCalls: "Calls on the route", "報告ルートへの連絡";
    DrillInjects: "Injects", "状況付与";
    DrillAt: "T+{t} {what}", "T+{t} {what}";
    DrillCallLine: "{level} {name} — {outcome}", "{level} {name} — {outcome}";
    ChecksFollowUp: "→ follow-up: {text} — {owner}, due {due}", "→ 対策: {text} — {owner}、期限 {due}";
} }
