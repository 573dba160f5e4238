//! The help overlay: what each key does.

area! { help_words {
    // Help
    HelpTitle: "Keys", "キー操作";
    HelpMove: "move the selection", "選択を移動";
    HelpPanes: "switch pane", "ペインを切り替え";
    HelpEnter: "go to the selected incident's checklist", "選択したインシデントのチェックリストへ";
    HelpRouteCard:
        "in the reporting route: the card of the contact under the cursor",
        "報告ルートで: カーソル位置の連絡先のカードを開く";
    HelpNew: "record a new incident", "インシデントを新規記録";
    HelpCheck: "check / uncheck the selected step", "選択した手順をチェック / 解除";
    HelpNote:
        "add a note (to the selected step in the checklist)",
        "メモを追加(チェックリストでは選択した手順に)";
    HelpClose:
        "close the incident (needs the Review phase done)",
        "インシデントをクローズ(振り返り完了が必要)";
    HelpClosedToggle: "show closed / open incidents", "クローズ済み / 対応中を切り替え";
    HelpHelp: "this help", "このヘルプ";
    HelpQuit: "quit (everything is already saved)", "終了(入力は保存済み)";
    HelpForms:
        "In forms: Tab / Shift-Tab move between fields, ←/→ choose, Enter saves, Ctrl-J or Alt-Enter starts a new line in a text of several lines (a description, notes, advice, the review), Esc cancels — twice over typed text",
        "フォーム: Tab / Shift-Tab で項目移動、←/→ で選択、Enter で保存、Ctrl-J または Alt-Enter で改行(詳細・メモ・助言・振り返りなど複数行の欄)、Esc で取消(入力があれば 2 回)";
    HelpFooter: "↑/↓: scroll  Esc or ?: close", "↑/↓: スクロール  Esc または ?: 閉じる";
    HelpDrills: "drills: start one from a scenario", "訓練: シナリオから開始";
    HelpJump:
        "in a drill: jump its clock to the next inject",
        "訓練中: 次の状況付与まで時計を進める";
    HelpChecks: "in a drill: answer its readiness checks", "訓練中: 準備確認に回答";
    HelpScope: "record the scope of impact", "影響範囲を記録";
    HelpConsult: "record a consultation and the advice", "相談と助言を記録";
    HelpInterim: "record an interim action and its effect", "暫定対処と効果を記録";
    HelpReview: "write the review and measures against recurrence", "振り返りと再発防止策を書く";
    HelpTimeline:
        "the timeline, every entry with date and time",
        "タイムライン(全記録を日時付きで)";
    HelpExport: "export the incident report (Markdown)", "報告書を書き出す(Markdown)";
    HelpHandover: "handover for the next shift", "次のシフトへの引き継ぎ";
    HelpFollowUps: "open follow-ups (measures not done)", "未完了のフォローアップ";
    HelpFilter: "filter closed incidents", "クローズ済みを絞り込む";
    HelpScroll: "↑/↓ scroll this help", "↑/↓ でスクロール";
    HelpSearch:
        "search contacts: name, reading, role, team, digits",
        "連絡先を検索: 氏名・よみ・役割・所属・番号";
    HelpReached:
        "on a contact (or the one to call now): reached, report delivered",
        "連絡先に(または今連絡すべき人に): つながった・報告済み";
    HelpNoAnswer: "no answer / unreachable", "不通・応答なし";
    HelpMessage: "left a message", "伝言を残した";
    HelpEscalate:
        "escalate now: one level up, or to a level you pick",
        "今すぐエスカレーション: 一段上、または選んだ段へ";
    HelpUpdate: "log a status update given to the people reached", "報告先への経過報告を記録";
    HelpReclassify:
        "change severity / category (the route is resolved again)",
        "重大度・分類を変更(報告ルートを再設定)";
    HelpReport: "report text, to read out or copy (y)", "報告文を表示(y でコピー)";
    HelpTooSmall:
        "While the window is smaller than 80x24 the compact desk shows the incidents and the next step; keys do nothing but ↑/↓ (select) and q and Ctrl-C (quit): nothing is typed into a form you cannot see, and the form comes back with its text when the window grows.",
        "ウィンドウが 80x24 より小さい間は簡易表示でインシデントと次の対応を示し、↑/↓(選択)と q・Ctrl-C(終了)以外のキーは効きません。見えないフォームに入力されることはなく、ウィンドウを広げると入力中の内容ごと元に戻ります。";
    HelpCtrlC:
        "quit, from anywhere: text typed in an open form is kept and offered back at the next start",
        "どこからでも終了。開いているフォームの入力内容は保存され、次回起動時に復元を確認します";
    HelpNotApplicable:
        "mark the selected step not applicable, with an optional reason / take it back",
        "選択した手順を対象外にする(理由は任意) / 取り消す";
    HelpObligations:
        "obligations with their own clocks (a report within days): Space marks done",
        "期限付きの届出・通知の義務(日数で数える): Space で完了";
    HelpDecide:
        "an out-of-scope request: record the decision (forwarded, declined, accepted) and the rule",
        "対応範囲外の依頼: 判断(引き継ぎ・お断り・例外対応)と適用した定めを記録";
    HelpGuide:
        "in the new-incident and reclassify forms: the whole guide for the category (what counts, severity by impact, kinds, scope)",
        "新規記録・分類変更のフォームで: その分類のガイド全体(該当する事象、影響度による重大度、種別、対応範囲)";
} }
