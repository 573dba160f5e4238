//! Notices after a change, and why a change was refused.

area! { notices_words {
    MsgOpened: "Recorded {id}", "{id} を記録しました";
    MsgClosed: "Closed {id}", "{id} をクローズしました";
    MsgChangeDropped: "A change could not be applied: {why}", "変更を反映できませんでした: {why}";
    MsgOutsideChange:
        "Updated with changes saved elsewhere",
        "他の端末で保存された変更を反映しました";
    MsgIncidentsUnreadable:
        "{why} — READ-ONLY until the file is fixed or restored",
        "{why} — ファイルを修正・復元するまで読み取り専用";
    MsgRosterProblem:
        "Roster unusable, no routes: {why}",
        "名簿を読めないため報告ルートなし: {why}";
    MsgPlaybooksProblem:
        "Own playbooks.json not used ({why}); using the bundled playbooks",
        "独自の playbooks.json は使えません({why})。標準の手順を使用中";
    MsgRosterSeeded:
        "Sample roster written to {path} — replace it with your team's",
        "サンプル名簿を {path} に作成しました — チームの名簿に置き換えてください";
    MsgSampleRoster:
        "SAMPLE roster in use (fictional people) — replace roster.json",
        "サンプル名簿(架空の人物)を使用中 — roster.json を置き換えてください";
    MsgReadOnlyNoChange:
        "Read-only: nothing can be changed now ({why})",
        "読み取り専用のため変更できません({why})";
    // Errors from changes
    ErrNoSuchIncident: "No incident {id}", "{id} というインシデントはありません";
    ErrNoSuchStep: "{id} has no step {x}", "{id} に手順 {x} はありません";
    ErrIncidentClosed: "{id} is closed", "{id} はクローズ済みです";
    ErrReviewIncomplete:
        "{id} cannot be closed yet: {x} step(s) of the Review phase are open",
        "{id} はまだクローズできません: 振り返りの手順が {x} 件未完了です";
    ErrEmptyText: "Nothing to save: the text is empty", "内容が空のため保存しません";
    ErrNoRoute: "{id} has no reporting route", "{id} には報告ルートがありません";
    ErrNoSuchLevel:
        "{id}: the route has no level {x} to go to",
        "{id}: 報告ルートに第{x}段はありません";
    ErrNotOnLevel:
        "{id}: {x} is not on that level of the route",
        "{id}: {x} は報告ルートのその段にいません";
    ExportWritten: "Written to {path}", "{path} に書き出しました";
    MsgExportFailed:
        "The report could not be written: {why}",
        "報告書を書き出せませんでした: {why}";
    MsgMeasureDone: "Follow-up updated", "フォローアップを更新しました";
    MsgRecorded: "Recorded", "記録しました";
    MsgReopened: "Reopened {id}", "{id} を再オープンしました";
    ErrNoSuchMeasure: "{id} has no measure #{x}", "{id} に対策 #{x} はありません";
    MsgFollowUpAdded:
        "Follow-up measure added — f lists the follow-ups",
        "再発防止策を追加しました — f でフォローアップ一覧";
    MsgPasteNotRun:
        "Pasted text ({n} characters) is never run as keys: paste it into a form or the search (/)",
        "貼り付けた文字({n} 文字)はキー操作として実行しません。フォームか検索(/)に貼り付けてください";
    ErrStepChecked:
        "{id}: step {x} is checked; uncheck it (Space) before marking it not applicable",
        "{id}: 手順 {x} はチェック済みです。対象外にするには先にチェックを外してください(Space)";
    MsgNotApplicable: "Not applicable: {step}", "対象外にしました: {step}";
    MsgApplicableAgain: "Applies again: {step}", "対象外を取り消しました: {step}";
    MsgGuideProblem:
        "Own guide.json not used ({why}); the bundled guide is shown",
        "独自の guide.json は使えません({why})。同梱のガイドを表示中";
    MsgGuideErrors:
        "The team's guide.json has {n} problem(s): `shiftdesk guide check` names them",
        "チームの guide.json に問題が {n} 件あります: `shiftdesk guide check` で確認できます";
    AlertDeadlineSoon:
        "{id} report due in {minutes} min: {title}",
        "{id} 報告期限まであと {minutes} 分: {title}";
    AlertOverdue:
        "{id} OVERDUE: {title}",
        "{id} 期限超過: {title}";
    AlertInjectDue:
        "{id} drill inject due: {title}",
        "{id} 訓練の状況付与: {title}";
    AlertRaisedElsewhere:
        "{id} severity {severity} from another desk: {title}",
        "{id} 他の端末で重大度 {severity}: {title}";
    AlertNotSaved:
        "NOT SAVED: {why}",
        "未保存: {why}";
    AlertDrillMark:
        "[DRILL]",
        "[DRILL]";
    AlertHookFailed:
        "The --on-alert command failed: {why}",
        "--on-alert のコマンドが失敗しました: {why}";
    AlertMark:
        "CALLED",
        "呼出";
    AlertRowMark:
        "!",
        "!";
} }
