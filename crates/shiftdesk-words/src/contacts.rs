//! The roster on the desk and the command line: import, search, the contact card and its
//! form, the check summary, and calls logged.

area! { contacts_words {
    ImportNothingWritten:
        "Nothing was imported: fix the rows above and run it again.",
        "何も取り込んでいません。上の行を直して再実行してください。";
    ImportAdded: "added: {name}", "追加: {name}";
    ImportUpdated: "updated: {name}", "更新: {name}";
    ImportSummary:
        "{added} added, {updated} updated, {unchanged} unchanged",
        "追加 {added} 件、更新 {updated} 件、変更なし {unchanged} 件";
    ImportNoChange:
        "Nothing changed: every row matches the roster already.",
        "変更なし: すべての行が名簿と一致しています。";
    ImportNoRoutes:
        "The roster has no reporting routes yet: add them to roster.json (see the README), then run: shiftdesk roster check",
        "名簿に報告ルートがまだありません。roster.json に追加し(README 参照)、shiftdesk roster check を実行してください";
    SearchTitle: "Contacts · {n} of {total}", "連絡先 · {total} 件中 {n} 件";
    SearchNone:
        "No contact matches. Try part of a name, a reading, a role, a team or a few digits.",
        "一致する連絡先はありません。氏名・よみ・役割・所属の一部や番号の数桁で探せます。";
    SearchHint:
        "type to search  ↑/↓: move  Enter: card  Ctrl-N: new contact  Esc: back",
        "入力で検索  ↑/↓: 移動  Enter: 詳細  Ctrl-N: 連絡先を追加  Esc: 戻る";
    UntilCleared: "until cleared", "解除まで";
    AwayUntil: "away until {until} {reason}", "不在({until} まで){reason}";
    Available: "available", "対応可能";
    FieldAvailability: "Status", "状態";
    OnNoRoute: "on no route", "どのルートにも入っていません";
    CardCopied:
        "Copied {what} {text} to the clipboard (OSC 52{how}); the terminal cannot confirm it arrived.",
        "{what} {text} をクリップボードへ送信しました(OSC 52{how})。届いたかは確認できません。";
    CardHint:
        "y: copy phone  Y: copy email  e: edit  a: away / back  d: delete  Esc: back",
        "y: 電話をコピー  Y: メールをコピー  e: 編集  a: 不在/復帰  d: 削除  Esc: 戻る";
    ContactEditTitle: "Edit contact", "連絡先の編集";
    ContactNewTitle: "New contact", "連絡先の追加";
    AwayTitle: "Mark away", "不在にする";
    FieldUntil: "Away until", "不在の期限";
    UntilHint:
        "HH:MM, YYYY-MM-DD HH:MM, in 2h, +30m; empty: until back",
        "HH:MM、YYYY-MM-DD HH:MM、2時間後、+30m。空欄 = 解除まで";
    ConfirmDelete:
        "Delete {name} from the roster?{routes}\n  y: delete   n: keep",
        "{name} を名簿から削除しますか?{routes}\n  y: 削除   n: 戻る";
    DeleteRoutes:
        " They are on these routes and will be taken off them: {routes}.",
        " 次の報告ルートからも外れます: {routes}。";
    MsgNothingToCopy: "Nothing to copy: this contact has none", "コピーする内容がありません";
    MsgRosterSaved: "Roster saved", "名簿を保存しました";
    MsgContactDeleted:
        "Deleted {name} from the roster and its routes",
        "{name} を名簿とルートから削除しました";
    FieldName: "Name", "氏名";
    FieldKana: "Reading (kana)", "よみ(かな)";
    FieldRole: "Role", "役割";
    FieldTeam: "Team", "所属";
    FieldPhone: "Phone", "電話";
    FieldPhone2: "Phone 2", "電話2";
    FieldEmail: "Email", "メール";
    FieldNotes: "Notes", "備考";
    ErrNameRequired: "A name is required", "氏名を入力してください";
    ErrPhoneFormat:
        "Does not look like a phone number (6–15 digits)",
        "電話番号の形式ではありません(6〜15桁)";
    ErrEmailFormat: "Does not look like an email address", "メールアドレスの形式ではありません";
    ErrPhoneOrEmail: "Give at least a phone or an email", "電話かメールのどちらかは必要です";
    ErrUntilPast: "That time has already passed", "その時刻はすでに過ぎています";
    ErrNoSuchContact: "No contact {id} in the roster", "名簿に {id} という連絡先はありません";
    WordError: "ERROR", "エラー";
    WordWarning: "warning", "警告";
    CheckSummary:
        "{path}: {errors} error(s), {warnings} warning(s)",
        "{path}: エラー {errors} 件、警告 {warnings} 件";
    ErrNoRoster:
        "there is no roster yet: start the desk once (it writes the sample) or import one",
        "名簿がまだありません: 一度デスクを起動する(サンプルを作成)か、名簿を取り込んでください";
    MsgRosterErrors:
        "roster.json has {n} error(s): the reporting routes may fail — run: shiftdesk roster check",
        "roster.json にエラーが {n} 件あり、報告ルートが機能しない恐れがあります — 実行: shiftdesk roster check";
    MsgNoOneToCall:
        "Nobody to call now: the report is done or the route has no one available",
        "今連絡すべき相手はいません(報告済み、またはルートに対応可能な人がいない)";
    MsgAttemptLogged: "Logged: {name} — {outcome}", "記録: {name} — {outcome}";
    MsgAlreadyReached:
        "{id}: the report was delivered; no need to go up the route",
        "{id}: 報告済みのため上位へ上げる必要はありません";
    MsgTopOfRoute:
        "{id}: already at the top level of the route — keep calling or consult",
        "{id}: すでに報告ルートの最上位です — 連絡を続けるか相談してください";
    MsgEscalated: "Escalated to level {level}", "第{level}段へエスカレーションしました";
    MsgCopyOff:
        "Copying is off (SHIFTDESK_CLIPBOARD=off): select the text on screen",
        "コピーは無効です(SHIFTDESK_CLIPBOARD=off)。画面の文字を選択してください";
    // An import, field by field
    ImportFieldChange: "  {field}: {old} → {new}", "  {field}: {old} → {new}";
    ImportEmptyValue: "(empty)", "(空欄)";
    ImportPhonesField: "phones", "電話番号";
    ImportPhoneDropped:
        "  dropped (--replace, not in the file): {phone}",
        "  削除(--replace、ファイルにない番号): {phone}";
    ImportPhonesKept:
        "{n} phone number(s) of these contacts that the file does not list were kept; --replace drops them",
        "ファイルにない電話番号 {n} 件はそのまま残しました(--replace を付けると削除します)";
    ImportDryRun:
        "Dry run: nothing was written. The import would change this:",
        "試行(--dry-run)のため何も書き込んでいません。取り込むと次のように変わります:";
    // The sample roster and a data dir without a roster
    SampleRosterNotice:
        "Note: this is the bundled SAMPLE roster: fictional people and numbers, not your team's. Replace {path} with your team's contacts and routes (README: roster import, roster check).",
        "注意: これは同梱のサンプル名簿です。人物も番号も架空で、チームの名簿ではありません。{path} をチームの連絡先と報告ルートに置き換えてください(README: roster import、roster check)。";
    NoRosterFile:
        "There is no roster in {dir} yet, so there are no contacts to show (the desk runs on the bundled sample of fictional people until there is one). Make one: shiftdesk roster import FILE.csv (your spreadsheet saved as CSV), or copy your team's roster.json to {path}.",
        "{dir} にはまだ名簿がないため、表示する連絡先はありません(名簿ができるまで、デスクは同梱の架空の人物のサンプルで動きます)。作成するには: shiftdesk roster import FILE.csv(表計算ソフトでCSV保存したもの)、またはチームの roster.json を {path} にコピーしてください。";
} }
