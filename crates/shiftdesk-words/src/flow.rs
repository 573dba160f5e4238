//! The agreed flow: its sign-off, what changed since, the roll-out to each operator, `flow
//! status`, and the contact sheet (`roster sheet`).

area! { flow_words {
    // What changed, one thing a line.
    FlowContactAdded: "Contact added: {name}", "連絡先を追加: {name}";
    FlowContactRemoved: "Contact removed: {name}", "連絡先を削除: {name}";
    FlowNumbers: "{name}: numbers changed: {old} → {new}", "{name}: 電話番号を変更: {old} → {new}";
    FlowContactFields: "{name}: changed {fields}", "{name}: {fields} を変更";
    FlowNoNumber: "(none)", "(なし)";
    FlowRouteAdded: "Route added: {route}", "ルートを追加: {route}";
    FlowRouteRemoved: "Route removed: {route}", "ルートを削除: {route}";
    FlowRouteApplies:
        "Route {route}: now for {new} (was {old})",
        "ルート {route}: 対象を変更 {old} → {new}";
    FlowSeverities: ", severity 1–{n}", "、重大度 1〜{n}";
    FlowLevelAdded: "Route {route}: {level} added", "ルート {route}: {level}を追加";
    FlowLevelRemoved: "Route {route}: {level} removed", "ルート {route}: {level}を削除";
    FlowDeadline:
        "Route {route} {level}: report within {old} → {new} min",
        "ルート {route} {level}: 報告期限 {old}分 → {new}分";
    FlowEscalateAfter:
        "Route {route} {level}: one level up {old} → {new} min after the deadline",
        "ルート {route} {level}: 期限後に上位へ {old}分 → {new}分";
    FlowMeans: "Route {route} {level}: by {old} → {new}", "ルート {route} {level}: 連絡手段 {old} → {new}";
    FlowPeople: "Route {route} {level}: {what}", "ルート {route} {level}: {what}";
    FlowAdded: "added {names}", "{names} を追加";
    FlowRemoved: "removed {names}", "{names} を削除";
    FlowRosterSetting: "roster.json: {key} changed", "roster.json: {key} を変更";
    FlowStepAdded: "Step added ({book}, {phase}): {text}", "手順を追加({book}・{phase}): {text}";
    FlowStepRemoved: "Step removed ({book}, {phase}): {text}", "手順を削除({book}・{phase}): {text}";
    FlowStepChanged:
        "Step changed ({book}, {phase}): {old} → {new}",
        "手順を変更({book}・{phase}): {old} → {new}";
    FlowKindAdded: "{category}: kind added: {name}", "{category}: 種別を追加: {name}";
    FlowKindRemoved: "{category}: kind removed: {name}", "{category}: 種別を削除: {name}";
    FlowOwnPlaybooks:
        "The team's own playbooks.json is now in use",
        "チーム独自の playbooks.json を使うようになりました";
    FlowBundledPlaybooks:
        "The bundled playbooks are now in use (no team playbooks.json)",
        "同梱の手順を使うようになりました(チームの playbooks.json なし)";
    FlowOwnGuide: "The team's own guide.json is now in use", "チーム独自の guide.json を使うようになりました";
    FlowBundledGuide:
        "The bundled guide is now in use (no team guide.json)",
        "同梱のガイドを使うようになりました(チームの guide.json なし)";
    FlowGuideCategory: "Guide changed: {category}", "ガイドを変更: {category}";
    FlowGuideScope: "Guide changed: the scope definition", "ガイドを変更: 対応範囲の定義";
    FlowGuideRisks: "Guide changed: the known risks", "ガイドを変更: 既知のリスク";
    FlowGuideObligations: "Guide changed: the obligations", "ガイドを変更: 届出・通知の義務";
    FlowGuideNote: "Guide changed: its note", "ガイドを変更: 注記";
    FlowGuideOther: "Guide changed: {key}", "ガイドを変更: {key}";
    FlowRosterChanged:
        "roster.json changed (in a way that cannot be told item by item)",
        "roster.json が変更されました(項目ごとには示せない変更)";
    FlowPlaybooksChanged: "The playbooks changed", "手順が変更されました";
    FlowGuideChanged: "The guide changed", "ガイドが変更されました";
    // Whether the flow in use is the one signed off.
    FlowNeverSigned:
        "The flow in use (routes, contacts, playbooks, guide) was never signed off: check it with the people concerned, then run `shiftdesk flow sign-off --by NAME`",
        "使用中の報告フロー(ルート・連絡先・手順・ガイド)は承認されていません。関係者と確認のうえ `shiftdesk flow sign-off --by 氏名` を実行してください";
    FlowSignedOld:
        "The flow was signed off {days} days ago ({date}, by {by}), over the {max} agreed: check it again with the people concerned and sign it off",
        "報告フローの承認は {days} 日前({date}、{by})で、取り決めの {max} 日を過ぎています。関係者と再確認して承認してください";
    FlowChangedSinceSigned:
        "The flow changed since it was signed off ({date}, by {by}): {n} change(s). Check them, then sign it off again",
        "報告フローは承認({date}、{by})の後に {n} 件変更されています。確認のうえ再度承認してください";
    FlowChangedUntold:
        "The flow changed since it was signed off ({date}, by {by}); flow.json no longer holds what was signed, so what changed cannot be told. Check it, then sign it off again",
        "報告フローは承認({date}、{by})の後に変更されています。承認時の内容が flow.json にないため変更点は示せません。確認のうえ再度承認してください";
    FlowSignedCurrent:
        "The flow in use was signed off {date} by {by} ({days} days ago)",
        "使用中の報告フローは {date} に {by} が承認済み({days} 日前)";
    FlowProblem:
        "flow.json unusable ({why}): sign-offs and acknowledgements can be neither read nor recorded",
        "flow.json を使えません({why})。承認・確認の記録を読み書きできません";
    FlowSignedOff:
        "Signed off the flow {fingerprint} by {by} at {when}",
        "報告フロー {fingerprint} を {by} が承認しました({when})";
    FlowByEmpty: "--by is empty: give the name of who checked the flow", "--by が空です。フローを確認した人の名前を指定してください";
    // flow status
    FlowStatusInUse: "Flow in use: {fingerprint}", "使用中の報告フロー: {fingerprint}";
    FlowStatusNote: "Note: {note}", "メモ: {note}";
    FlowStatusNotAcked:
        "Not yet acknowledged the flow in use: {names}",
        "使用中の報告フローを未確認: {names}";
    FlowStatusAllAcked:
        "Everyone known has acknowledged the flow in use: {names}",
        "把握している全員が使用中の報告フローを確認済み: {names}";
    FlowStatusNobody:
        "No operator known yet (from acknowledgements and incidents)",
        "把握しているオペレーターはまだいません(確認記録・インシデントから)";
    // The roll-out at the desk.
    RollOutTitle: "The flow changed", "報告フローが変更されました";
    RollOutSince:
        "Changed since you acknowledged it on {date}:",
        "{date} にあなたが確認した後の変更:";
    RollOutNotYet:
        "You have not acknowledged the flow yet. It was signed off {date} by {by}.",
        "報告フローをまだ確認していません。{date} に {by} が承認しました。";
    RollOutSinceSigned: "Changed since it was signed off:", "承認後の変更:";
    RollOutUntold:
        "What changed cannot be told: the flow you acknowledged is no longer kept. Read the routes (/) and the help.",
        "変更点は示せません(確認時の内容が残っていません)。ルート(/)とヘルプを確認してください。";
    RollOutNothing: "No change since it was signed off.", "承認後の変更はありません。";
    RollOutHint:
        "a: acknowledge (read) · ↑ ↓ scroll · Esc q: later (asked again next start) · n: new incident",
        "a: 確認した · ↑ ↓ スクロール · Esc q: あとで(次回起動時に再表示) · n: 新規記録";
    MsgAcknowledged: "Acknowledged the flow {fingerprint}", "報告フロー {fingerprint} を確認済みにしました";
    // The contact sheet.
    SheetTitle: "Emergency contacts", "緊急連絡先";
    SheetRouteFor: "For: {what}", "対象: {what}";
    SheetColLevel: "Level", "段";
    SheetColWithin: "Report within", "報告期限";
    SheetColUp: "Then up after", "上位へ";
    SheetColBy: "By", "手段";
    SheetColWho: "Who", "連絡先";
    SheetColNumbers: "Numbers", "電話番号";
    SheetMinutes: "{n} min", "{n}分";
    SheetOnDuty: "On duty this week", "今週の当番";
    SheetNoRotations:
        "No rotations in roster.json: call the people the routes name.",
        "roster.json に当番表(ローテーション)はありません。各ルートの連絡先に連絡してください。";
    SheetSigned: "Flow {fingerprint}, signed off {date} by {by}", "報告フロー {fingerprint}: {date} {by} 承認";
    SheetChanged: "(changed since)", "(承認後に変更あり)";
    SheetNotSigned: "Flow {fingerprint}: not signed off", "報告フロー {fingerprint}: 未承認";
    SheetPrinted: "Printed {date}", "{date} 出力";
    SheetSample: "SAMPLE roster: fictional people, not to be used", "サンプル名簿: 架空の人物です。使用しないでください";
    SheetAway: "away", "不在";
    SheetNoRoutes: "No routes in roster.json.", "roster.json にルートがありません。";
    SheetOwnFile:
        "--out {path}: that is one of the data dir's own files; write the sheet somewhere else",
        "--out {path}: データディレクトリのファイルです。別の場所に書き出してください";
    FlowNoRosterToSign:
        "{path}: no roster yet; put your team's roster.json in place (or `roster import`) before signing off the flow",
        "{path}: 名簿がまだありません。チームの roster.json を置く(または `roster import`)してから承認してください";
    FlowSampleNotSigned:
        "{path} is the bundled sample (fictional people): put your team's roster in place before signing off the flow",
        "{path} は同梱のサンプル(架空の人物)です。チームの名簿に置き換えてから承認してください";
} }
