//! The desk screen: panes, columns, deadlines, the next action, the checklist and route
//! panes, the status line.

area! { desk_words {
    // Panes and columns
    PaneIncidents: "Incidents", "インシデント";
    PaneClosed: "Closed incidents", "クローズ済み";
    PaneChecklist: "Checklist", "チェックリスト";
    PaneRoute: "Reporting route", "報告ルート";
    ColId: "ID", "ID";
    ColSev: "Sev", "重大度";
    ColCategory: "Category", "分類";
    ColTitle: "Title", "件名";
    ColPhase: "Phase", "フェーズ";
    ColAge: "Age", "経過";
    ColDue: "Next due", "次の期限";
    NoIncidents:
        "No open incidents. Press n to record one.",
        "対応中のインシデントはありません。n で記録します。";
    NoClosedIncidents: "No closed incidents yet.", "クローズ済みのインシデントはありません。";
    Drill: "DRILL", "訓練";
    OpenCount: "{n} open", "対応中 {n} 件";
    // Deadlines
    DueIn: "{due} in {left}", "{due} あと{left}";
    OverdueBy: "OVERDUE +{m}m", "期限超過 +{m}分";
    // Next action
    NextCall:
        "Next: {means} {name} ({role}) {address} — due {due}, {left} left",
        "次: {name}({role}){address} に{means}で報告 — 期限 {due}、残り {left}";
    NextCallOverdue:
        "Next: {means} {name} ({role}) {address} — OVERDUE since {due} (+{m}m)",
        "次: {name}({role}){address} に{means}で報告 — {due} から期限超過(+{m}分)";
    NextCallAgain:
        "Nobody on the route answered. Try again: {means} {name} ({role}) {address}",
        "報告ルート全員に不通。再度: {name}({role}){address} に{means}";
    NextNobody:
        "Next: nobody on level {level} of the route is available — go one level up or consult",
        "次: 報告ルート第{level}段に対応可能な人がいません — 一段上へ、または相談";
    NextStep: "Next: {step}", "次: {step}";
    NextUpdate: "next update {due} (in {left})", "次の経過報告 {due}(あと {left})";
    NextGiveUpdate:
        "Next: give a status update to {name} {address} — OVERDUE since {due} (+{m}m)",
        "次: {name} {address} へ経過報告 — {due} から期限超過(+{m}分)";
    NextClose:
        "Next: every step is done — close the incident",
        "次: 全手順完了 — インシデントをクローズ";
    NextClosed: "Closed {when}", "{when} クローズ";
    NextNothing:
        "No incident selected — press n to record one",
        "インシデント未選択 — n で新規記録";
    // Checklist
    NoChecklist:
        "Select an incident to see its checklist.",
        "インシデントを選ぶとチェックリストが表示されます。";
    StepNotes: "notes", "メモ";
    // Route pane
    RouteName: "Route: {name}", "ルート: {name}";
    RouteLevel: "L{n} · {means} · within {within}m", "第{n}段・{means}・{within}分以内";
    LevelDue: "due {due} · {left} left", "期限 {due}・残り {left}";
    LevelOverdue: "OVERDUE +{m}m (due {due})", "期限超過 +{m}分({due})";
    LevelReached: "reached {when}", "{when} 報告済み";
    LevelPassed: "nobody reached — went up", "不通 — 上位へ";
    LevelWaiting: "if nobody above answers", "上位が不通のとき";
    NoRoute:
        "No reporting route for this incident. Check the roster: shiftdesk roster check",
        "このインシデントの報告ルートがありません。名簿を確認: shiftdesk roster check";
    Away: "away", "不在";
    NotInRoster: "not in roster", "名簿にない";
    // Status line
    Saved: "saved", "保存済み";
    NotSaved: "NOT SAVED: {why}", "未保存: {why}";
    ReadOnly: "READ-ONLY", "読み取り専用";
    Operator: "op", "担当";
    HintsMain:
        "?:help n:new Space:check a:note c:close q:quit",
        "?:ヘルプ n:新規 Space:チェック a:メモ c:クローズ q:終了";
    TooSmall:
        "Terminal too small: {w}x{h} (needs 80x24). Enlarge the window.",
        "端末が小さすぎます: {w}x{h}(80x24 以上が必要)。ウィンドウを広げてください。";
    Filtered: " · filtered (F to change)", " · 絞り込み中(F で変更)";
    RouteUpdates: "Updates every {m}m", "経過報告 {m}分ごと";
    StepNotApplicable: "n/a", "対象外";
} }
