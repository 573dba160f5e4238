//! Forms and questions: titles, fields, hints, and what a field says when it is wrong.

area! { forms_words {
    FormNewTitle: "New incident", "インシデント新規記録";
    FieldTitle: "Title", "件名";
    FieldCategory: "Category", "分類";
    FieldSeverity: "Severity", "重大度";
    FieldDetected: "Detected at", "検知時刻";
    FieldDescription: "Description", "詳細";
    FormHint:
        "Tab: next field  ←/→: choose  Enter: save  Esc: cancel",
        "Tab: 次の項目  ←/→: 選択  Enter: 保存  Esc: 取消";
    FormHintNoChoice:
        "Tab: next field  Enter: save  Esc: cancel",
        "Tab: 次の項目  Enter: 保存  Esc: 取消";
    DiscardHint:
        "Esc again discards what you typed; any other key keeps it",
        "もう一度 Esc で入力を破棄します。他のキーで続行";
    DetectedHint:
        "HH:MM, YYYY-MM-DD HH:MM, 10m ago or -10m; empty = now",
        "HH:MM、YYYY-MM-DD HH:MM、10分前、-10m。空欄 = 現在";
    ErrTitleRequired: "A title is required", "件名を入力してください";
    ErrDetectedFormat:
        "Write HH:MM, YYYY-MM-DD HH:MM, 10m ago or -10m",
        "HH:MM、YYYY-MM-DD HH:MM、10分前、-10m の形で入力";
    ErrDetectedFuture: "The time cannot be in the future", "未来の時刻は指定できません";
    NoteOnStep: "Note on: {step}", "手順へのメモ: {step}";
    NoteOnIncident: "Note on {id}", "{id} へのメモ";
    NoteHint: "Enter: save  Esc: cancel", "Enter: 保存  Esc: 取消";
    ConfirmClose:
        "Close {id} \"{title}\"?{steps}\n  y: close   n: keep open",
        "{id}「{title}」をクローズしますか?{steps}\n  y: クローズ   n: 戻る";
    ConfirmQuitUnsaved:
        "{n} change(s) are NOT SAVED ({why}). Quit anyway and lose them?\n  y: quit   n: stay",
        "未保存の変更が {n} 件あります({why})。破棄して終了しますか?\n  y: 終了   n: 戻る";
    FieldServices: "Affected services", "影響するサービス";
    FieldAffected: "Customers / sites", "顧客・拠点";
    FieldCount: "Estimated count", "推定件数";
    FieldSince: "Since when", "いつから";
    SinceHint:
        "HH:MM, YYYY-MM-DD HH:MM, 10m ago or -10m",
        "HH:MM、YYYY-MM-DD HH:MM、10分前、-10m";
    ScopeTitle: "Scope of impact", "影響範囲";
    InRoster: "in the roster ✓", "名簿にあり ✓";
    NotInRosterHint: "not in the roster: kept as written", "名簿になし: 入力どおり記録";
    FieldWho: "Who", "相談相手";
    FieldAdvice: "What they advised", "助言内容";
    ConsultTitle: "Consultation", "相談の記録";
    FieldAction: "Action taken", "実施した対処";
    FieldEffect: "Effect", "効果";
    InterimTitle: "Interim action", "暫定対処の記録";
    CloseWithoutReviewTitle: "Close without review", "振り返りなしでクローズ";
    Any: "any", "すべて";
    FieldText: "Text", "キーワード";
    FieldFrom: "Detected from", "検知日(から)";
    FieldTo: "Detected to", "検知日(まで)";
    DateHint: "YYYY-MM-DD", "YYYY-MM-DD";
    FilterTitle: "Filter closed incidents", "クローズ済みの絞り込み";
    ReviewTitle: "Review", "振り返り";
    FieldWhatHappened: "What happened", "何が起きたか";
    FieldCause: "Cause", "原因";
    FieldWentWell: "What went well", "良かった点";
    FieldWentBadly: "What went badly", "悪かった点";
    FieldSharedWith: "Shared with", "共有先";
    FieldMeasures: "Measures against recurrence", "再発防止策";
    MeasureWhat: "what", "内容";
    MeasureOwner: "owner", "担当";
    MeasureDue: "due (YYYY-MM-DD)", "期限(YYYY-MM-DD)";
    ReviewHint:
        "Tab: next  Ctrl-J: new line  Ctrl-N: add measure  Enter: save  Esc: cancel",
        "Tab: 次へ  Ctrl-J: 改行  Ctrl-N: 対策を追加  Enter: 保存  Esc: 取消";
    FollowUpsTitle: "Open follow-ups", "未完了のフォローアップ";
    NoFollowUps:
        "No open follow-ups: every measure against recurrence is done.",
        "未完了の再発防止策はありません。";
    FollowUpsHint:
        "Space: done / not done  ↑/↓: move  Esc: close",
        "Space: 完了/未完了  ↑/↓: 移動  Esc: 閉じる";
    CloseChoice:
        "{id}: the Review phase is not complete ({n} step(s) open).\n{steps}\n  w: write the review now\n  x: close without review (asks for a reason)\n  Esc: back",
        "{id}: 振り返りが完了していません(未完了 {n} 件)。\n{steps}\n  w: 今すぐ振り返りを書く\n  x: 振り返りなしでクローズ(理由を入力)\n  Esc: 戻る";
    ConfirmReopen:
        "Reopen {id} \"{title}\"? It goes back to the open incidents, logged.\n  y: reopen   n: keep closed",
        "{id}「{title}」を再オープンしますか?対応中に戻り、記録されます。\n  y: 再オープン   n: 戻る";
    TimelineHint:
        "a: add a note  y: copy  ↑/↓: scroll  Esc: close (entries never change)",
        "a: メモ追加  y: コピー  ↑/↓: スクロール  Esc: 閉じる(記録は変更不可)";
    ExportTitle: "Incident report (Markdown)", "インシデント報告書(Markdown)";
    HandoverTitle: "Handover to the next shift", "次のシフトへの引き継ぎ";
    ErrCount: "A count, e.g. 120, 約100件, 1通", "件数を入力してください(例: 120、約100件、1通)";
    ErrRequired: "This is required", "入力してください";
    ErrDateFormat: "Write the date as YYYY-MM-DD", "YYYY-MM-DD の形で入力してください";
    ErrReasonRequired: "Give a reason", "理由を入力してください";
    EscalateTitle: "Escalate now", "今すぐエスカレーション";
    EscalateTo: "Go to", "上げる先";
    FieldReason: "Reason", "理由";
    EscalateHint:
        "←/→: level  Enter: escalate  Esc: cancel — skipping a level needs a reason",
        "←/→: 段  Enter: 実行  Esc: 取消 — 段を飛ばすときは理由が必要";
    ReclassifyTitle: "Change severity / category", "重大度・分類の変更";
    ReclassifyHint:
        "Tab: next field  ←/→: choose  F1: guide  Enter: save  Esc: cancel — the route is resolved again",
        "Tab: 次の項目  ←/→: 選択  F1: ガイド  Enter: 保存  Esc: 取消 — 報告ルートを再設定します";
    ReportTitle: "Report text", "報告文";
    ReportHint: "y: copy  ↑/↓: scroll  Esc: close", "y: コピー  ↑/↓: スクロール  Esc: 閉じる";
    ReportCopied:
        "Sent to the clipboard (OSC 52{how}). The terminal cannot confirm it arrived: the text is here too.",
        "クリップボードへ送信しました(OSC 52{how})。届いたかは確認できないため、本文もここに表示しています。";
    ViaTmux: ", through tmux", "、tmux 経由";
    UpdateTitle:
        "Status update given — what was said (optional)",
        "経過報告を実施 — 伝えた内容(任意)";
    // A readiness check answered "no", and the measure that follows it up
    FieldFollowUp: "Follow-up measure", "再発防止策";
    FieldOwner: "Owner", "担当";
    FieldDue: "Due (YYYY-MM-DD)", "期限(YYYY-MM-DD)";
    FollowUpHint:
        "optional: what is to be done for real, who, by when",
        "任意: 実際に直すこと・担当・期限";
    ErrMeasureWhat:
        "Say what is to be done, or leave owner and due empty",
        "対策の内容を書くか、担当と期限を空にしてください";
    FormHintLines:
        "Tab: next field  Ctrl-J: new line  Enter: save  Esc: cancel",
        "Tab: 次の項目  Ctrl-J: 改行  Enter: 保存  Esc: 取消";
    NoteHintLines:
        "Enter: save  Ctrl-J: new line  Esc: cancel",
        "Enter: 保存  Ctrl-J: 改行  Esc: 取消";
    ErrUntilFormat:
        "Write HH:MM, YYYY-MM-DD HH:MM, in 2h or +30m",
        "HH:MM、YYYY-MM-DD HH:MM、2時間後、+30m の形で入力";
    FieldRosterPicks: "From the roster", "名簿から";
    PickHint:
        "↓/↑: pick from the roster, or keep what you typed",
        "↓/↑: 名簿から選ぶ。選ばなければ入力どおり記録";
    NotApplicableTitle: "Not applicable: {step}", "対象外にする: {step}";
    NotApplicableHint:
        "Why it does not apply (optional)  Enter: save  Esc: cancel",
        "対象外とする理由(任意)  Enter: 保存  Esc: 取消";
    ConfirmUncheck:
        "Checked {how} at {when} ({by}):\n  {step}\nUncheck it anyway? What was recorded stays in the timeline.\n  y: uncheck   n: keep it checked",
        "{when} に{how}チェックされました({by}):\n  {step}\nそれでもチェックを外しますか?記録はタイムラインに残ります。\n  y: 外す   n: チェックのまま";
    StillOpen: "Steps still open:", "未完了の手順:";
    DraftNotApplicable: "Why a step does not apply", "手順を対象外とする理由";
    FieldKind: "Kind", "種別";
    KindNotSet:
        "not set (recorded before kinds)",
        "未設定(種別の導入前の記録)";
    KindNotSetWhy:
        "Recorded before kinds: its steps stay as they were. Pick a kind to add that kind's steps; the steps already done stay.",
        "種別の導入前に記録されたため、手順は記録時のままです。種別を選ぶとその種別の手順が加わります(済んだ手順は残ります)。";
    ClassifyHint:
        "Tab: next field  ←/→: choose  F1: guide  Enter: save  Esc: cancel",
        "Tab: 次の項目  ←/→: 選択  F1: ガイド  Enter: 保存  Esc: 取消";
    ClassifyHintLines:
        "Tab: next field  Ctrl-J: new line  F1: guide  Enter: save  Esc: cancel",
        "Tab: 次の項目  Ctrl-J: 改行  F1: ガイド  Enter: 保存  Esc: 取消";
} }
