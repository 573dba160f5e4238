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
    TooSmall:
        "The full desk needs 80x24 (now {w}x{h}): enlarge the window",
        "全画面の表示は 80x24 以上(現在 {w}x{h})。ウィンドウを広げてください";
    Filtered: " · filtered (F to change)", " · 絞り込み中(F で変更)";
    RouteUpdates: "Updates every {m}m", "経過報告 {m}分ごと";
    // Ages, as they fit a narrow column
    AgeSeconds: "{s}s", "{s}秒";
    AgeMinutes: "{m}m", "{m}分";
    AgeHours: "{h}h{m}m", "{h}時間{m}分";
    AgeDays: "{d}d{h}h", "{d}日{h}時間";
    // The status line's key hints, each on its own so the least needed can give way
    HintHelp: "?:help", "?:ヘルプ";
    HintNew: "n:new", "n:新規";
    HintCheck: "Space:check", "Space:チェック";
    HintNote: "a:note", "a:メモ";
    HintClose: "c:close", "c:クローズ";
    HintQuit: "q:quit", "q:終了";
    HintSelect: "↑↓:select", "↑↓:選択";
    // The closed list's columns
    ColDetected: "Detected", "検知";
    ColClosedAt: "Closed", "クローズ";
    ColTook: "Took", "所要";
    // The compact desk, under 80x24
    CompactLayerOpen:
        "A window is open on the full desk: enlarge to see it",
        "全画面の表示で開いている画面があります。広げると表示します";
    // How a level of the route was left (route pane)
    LevelNotCalled: "not called", "未連絡";
    LevelPartlyCalled: "partly called", "一部未連絡";
    LevelNoAnswer: "no answer", "不通";
    LevelUpByTime: "{status} · time up {when}", "{status}・{when} 時間切れで上位へ";
    LevelUpNoAnswer: "{status} · went up {when}", "{status}・{when} 上位へ";
    LevelUpByHand: "{status} · escalated {when}", "{status}・{when} 手動で上位へ";
    LevelName: "L{n}", "第{n}段";
    FirstReportLate: "First report OVERDUE +{m}m ({due})", "初報 期限超過 +{m}分({due})";
    // The next action, when the first report is late or levels below were not called
    NextCallFirstLate:
        "Next: {means} {name} ({role}) {address} — first report OVERDUE since {due} (+{m}m)",
        "次: {name}({role}){address} に{means}で報告 — 初報が {due} から期限超過(+{m}分)";
    NextNotCalled: "not called yet: {who}", "未連絡: {who}";
    NextNotCalledWho: "{name} {address} ({level})", "{name} {address}({level})";
    NextNotCalledMore: "{who} and {n} more", "{who}ほか{n}名";
    StepNotApplicable: "n/a", "対象外";
    // `shiftdesk status`: one short line for tmux's status-right
    StatusLineOpen: "{n} open", "未完了 {n}件";
    StatusLineOverdue: "OVERDUE {id} +{m}m", "期限超過 {id} +{m}分";
    StatusLineMoreOverdue: "{first} and {n} more", "{first} ほか{n}件";
    StatusLineNext: "next {id} {due}", "次 {id} {due}";
    StatusLineDrills: "DRILL {n}", "訓練 {n}件";
    StatusLineUnreadable: "shiftdesk: incidents.json unreadable", "shiftdesk: incidents.json 読込不可";
} }
