//! Every word the operator reads, in Japanese and English. A missing word is a compile error.
//!
//! Templates carry `{name}` placeholders, filled with [`fill`].

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Ja,
    En,
}

impl Lang {
    /// `ja` or `en`; anything else is refused.
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "ja" | "jp" | "japanese" => Some(Lang::Ja),
            "en" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    /// From the locale: the first of LC_ALL, LC_MESSAGES, LANG that is set decides;
    /// one starting with `ja` gives Japanese, anything else English.
    pub fn from_locale(get: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| get(k).filter(|v| !v.is_empty()))
            .next()
            .map_or(Lang::En, |v| {
                if v.starts_with("ja") {
                    Lang::Ja
                } else {
                    Lang::En
                }
            })
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    // Panes and columns
    PaneIncidents,
    PaneClosed,
    PaneChecklist,
    PaneRoute,
    ColId,
    ColSev,
    ColCategory,
    ColTitle,
    ColPhase,
    ColAge,
    ColDue,
    NoIncidents,
    NoClosedIncidents,
    Drill,
    OpenCount,
    // Deadlines
    DueIn,
    OverdueBy,
    // Next action
    NextCall,
    NextCallOverdue,
    NextCallAgain,
    NextNobody,
    NextStep,
    NextUpdate,
    NextGiveUpdate,
    NextClose,
    NextClosed,
    NextNothing,
    // Checklist
    NoChecklist,
    StepNotes,
    // Route pane
    RouteName,
    RouteLevel,
    LevelDue,
    LevelOverdue,
    LevelReached,
    LevelPassed,
    LevelWaiting,
    NoRoute,
    Away,
    NotInRoster,
    // Status line
    Saved,
    NotSaved,
    ReadOnly,
    Operator,
    HintsMain,
    TooSmall,
    // Help
    HelpTitle,
    HelpMove,
    HelpPanes,
    HelpEnter,
    HelpNew,
    HelpCheck,
    HelpNote,
    HelpClose,
    HelpClosedToggle,
    HelpHelp,
    HelpQuit,
    HelpForms,
    HelpFooter,
    // Forms
    FormNewTitle,
    FieldTitle,
    FieldCategory,
    FieldSeverity,
    FieldDetected,
    FieldDescription,
    FormHint,
    DiscardHint,
    DetectedHint,
    ErrTitleRequired,
    ErrDetectedFormat,
    ErrDetectedFuture,
    NoteOnStep,
    NoteOnIncident,
    NoteHint,
    ConfirmClose,
    ConfirmQuitUnsaved,
    // Notices
    MsgOpened,
    MsgClosed,
    MsgChangeDropped,
    MsgOutsideChange,
    MsgIncidentsUnreadable,
    MsgRosterProblem,
    MsgPlaybooksProblem,
    MsgRosterSeeded,
    MsgSampleRoster,
    MsgReadOnlyNoChange,
    // Errors from changes
    ErrNoSuchIncident,
    ErrNoSuchStep,
    ErrIncidentClosed,
    ErrReviewIncomplete,
    ErrEmptyText,
    ErrNoRoute,
    ErrNoSuchLevel,
    ErrNotOnLevel,
    // Record words (show, timeline)
    WordDetected,
    WordOpenedBy,
    WordStatus,
    WordPhase,
    WordDescription,
    WordChecklist,
    WordTimeline,
    WordRoute,
    WordAttempts,
    StatusOpen,
    StatusClosed,
    PhaseAllDone,
    DoctorMissing,
    DoctorReadable,
    DoctorUnreadable,
    DoctorPermissions,
    DoctorNoDir,
    DoctorDir,
    DoctorIncidents,
    DoctorOwnPlaybooks,
    DoctorLeftover,
    DoctorLockFree,
    DoctorLockHeld,
    DoctorNoBackups,
    DoctorBackups,
    DoctorRestore,
    DoctorDraft,
    DoctorAllWell,
    DoctorToDo,
    MsgDraftRestored,
    ConfirmDraft,
    DraftNewIncident,
    DraftNote,
    MsgTightened,
    MsgLeftovers,
    MsgArchived,
    MsgArchiving,
    DoctorArchive,
    ErrNoScenario,
    MsgDrillStarted,
    MsgNotARunningDrill,
    MsgNoMoreInjects,
    MsgInject,
    DrillsTitle,
    DrillsHint,
    DrillsCounts,
    ChecksTitle,
    ChecksHint,
    CheckAnswerTitle,
    ConfirmEndDrill,
    DrillReportTitle,
    NextInject,
    HelpDrills,
    HelpJump,
    HelpChecks,
    MsgScenarioProblem,
    DrillRan,
    DrillStillRunning,
    DrillFastForwarded,
    DrillActions,
    DrillNoActions,
    DrillFigures,
    DrillMet,
    DrillMissed,
    DrillFirstReport,
    DrillPhaseReached,
    DrillEscalations,
    DrillUnchecked,
    DrillNone,
    DrillChecks,
    DrillNoRuns,
    DrillFirstReportShort,
    DrillFailedShort,
    DrillUncheckedShort,
    ErrNotADrill,
    ErrNoSuchCheck,
    Filtered,
    FieldServices,
    FieldAffected,
    FieldCount,
    FieldSince,
    SinceHint,
    ScopeTitle,
    InRoster,
    NotInRosterHint,
    FieldWho,
    FieldAdvice,
    ConsultTitle,
    FieldAction,
    FieldEffect,
    InterimTitle,
    CloseWithoutReviewTitle,
    Any,
    FieldText,
    FieldFrom,
    FieldTo,
    DateHint,
    FilterTitle,
    ReviewTitle,
    FieldWhatHappened,
    FieldCause,
    FieldWentWell,
    FieldWentBadly,
    FieldSharedWith,
    FieldMeasures,
    MeasureWhat,
    MeasureOwner,
    MeasureDue,
    ReviewHint,
    FollowUpsTitle,
    NoFollowUps,
    FollowUpsHint,
    CloseChoice,
    ConfirmReopen,
    HelpScope,
    HelpConsult,
    HelpInterim,
    HelpReview,
    HelpTimeline,
    HelpExport,
    HelpHandover,
    HelpFollowUps,
    HelpFilter,
    HelpScroll,
    TimelineHint,
    ExportTitle,
    HandoverTitle,
    ExportWritten,
    MsgExportFailed,
    MsgMeasureDone,
    MsgRecorded,
    MsgReopened,
    ErrCount,
    ErrRequired,
    ErrDateFormat,
    ErrNoSuchMeasure,
    ImportNothingWritten,
    ImportAdded,
    ImportUpdated,
    ImportSummary,
    ImportNoChange,
    ImportNoRoutes,
    SearchTitle,
    SearchNone,
    SearchHint,
    UntilCleared,
    AwayUntil,
    Available,
    FieldAvailability,
    OnNoRoute,
    CardCopied,
    CardHint,
    ContactEditTitle,
    ContactNewTitle,
    AwayTitle,
    FieldUntil,
    UntilHint,
    ConfirmDelete,
    DeleteRoutes,
    HelpSearch,
    MsgNothingToCopy,
    MsgRosterSaved,
    MsgContactDeleted,
    FieldName,
    FieldKana,
    FieldRole,
    FieldTeam,
    FieldPhone,
    FieldPhone2,
    FieldEmail,
    FieldNotes,
    ErrNameRequired,
    ErrPhoneFormat,
    ErrEmailFormat,
    ErrPhoneOrEmail,
    ErrUntilPast,
    ErrNoSuchContact,
    WordError,
    WordWarning,
    CheckSummary,
    ErrNoRoster,
    MsgRosterErrors,
    MsgNoOneToCall,
    MsgAttemptLogged,
    MsgAlreadyReached,
    MsgTopOfRoute,
    MsgEscalated,
    MsgCopyOff,
    ErrReasonRequired,
    EscalateTitle,
    EscalateTo,
    FieldReason,
    EscalateHint,
    ReclassifyTitle,
    ReclassifyHint,
    ReportTitle,
    ReportHint,
    ReportCopied,
    ViaTmux,
    UpdateTitle,
    HelpReached,
    HelpNoAnswer,
    HelpMessage,
    HelpEscalate,
    HelpUpdate,
    HelpReclassify,
    HelpReport,
    RouteUpdates,
    // The report text
    ReportHeading,
    Ago,
    ReportWhat,
    ReportScope,
    ReportScopeNone,
    ReportInterim,
    ReportInterimNone,
    ReportNextUpdate,
    ReportBy,
    ReportNoCallback,
}

/// The text of a message in a language.
pub fn t(lang: Lang, msg: Msg) -> &'static str {
    use Msg::*;
    let (en, ja) = match msg {
        PaneIncidents => ("Incidents", "インシデント"),
        PaneClosed => ("Closed incidents", "クローズ済み"),
        PaneChecklist => ("Checklist", "チェックリスト"),
        PaneRoute => ("Reporting route", "報告ルート"),
        ColId => ("ID", "ID"),
        ColSev => ("Sev", "重大度"),
        ColCategory => ("Category", "分類"),
        ColTitle => ("Title", "件名"),
        ColPhase => ("Phase", "フェーズ"),
        ColAge => ("Age", "経過"),
        ColDue => ("Next due", "次の期限"),
        NoIncidents => (
            "No open incidents. Press n to record one.",
            "対応中のインシデントはありません。n で記録します。",
        ),
        NoClosedIncidents => (
            "No closed incidents yet.",
            "クローズ済みのインシデントはありません。",
        ),
        Drill => ("DRILL", "訓練"),
        OpenCount => ("{n} open", "対応中 {n} 件"),
        DueIn => ("{due} in {left}", "{due} あと{left}"),
        OverdueBy => ("OVERDUE +{m}m", "期限超過 +{m}分"),
        NextCall => (
            "Next: {means} {name} ({role}) {address} — due {due}, {left} left",
            "次: {name}({role}){address} に{means}で報告 — 期限 {due}、残り {left}",
        ),
        NextCallOverdue => (
            "Next: {means} {name} ({role}) {address} — OVERDUE since {due} (+{m}m)",
            "次: {name}({role}){address} に{means}で報告 — {due} から期限超過(+{m}分)",
        ),
        NextCallAgain => (
            "Nobody on the route answered. Try again: {means} {name} ({role}) {address}",
            "報告ルート全員に不通。再度: {name}({role}){address} に{means}",
        ),
        NextNobody => (
            "Next: nobody on level {level} of the route is available — go one level up or consult",
            "次: 報告ルート第{level}段に対応可能な人がいません — 一段上へ、または相談",
        ),
        NextStep => ("Next: {step}", "次: {step}"),
        NextUpdate => (
            "next update {due} (in {left})",
            "次の経過報告 {due}(あと {left})",
        ),
        NextGiveUpdate => (
            "Next: give a status update to {name} {address} — OVERDUE since {due} (+{m}m)",
            "次: {name} {address} へ経過報告 — {due} から期限超過(+{m}分)",
        ),
        NextClose => (
            "Next: every step is done — close the incident",
            "次: 全手順完了 — インシデントをクローズ",
        ),
        NextClosed => ("Closed {when}", "{when} クローズ"),
        NextNothing => (
            "No incident selected — press n to record one",
            "インシデント未選択 — n で新規記録",
        ),
        NoChecklist => (
            "Select an incident to see its checklist.",
            "インシデントを選ぶとチェックリストが表示されます。",
        ),
        StepNotes => ("notes", "メモ"),
        RouteName => ("Route: {name}", "ルート: {name}"),
        RouteLevel => (
            "L{n} · {means} · within {within}m",
            "第{n}段・{means}・{within}分以内",
        ),
        LevelDue => ("due {due} · {left} left", "期限 {due}・残り {left}"),
        LevelOverdue => ("OVERDUE +{m}m (due {due})", "期限超過 +{m}分({due})"),
        LevelReached => ("reached {when}", "{when} 報告済み"),
        LevelPassed => ("nobody reached — went up", "不通 — 上位へ"),
        LevelWaiting => ("if nobody above answers", "上位が不通のとき"),
        NoRoute => (
            "No reporting route for this incident. Check the roster: shiftdesk roster check",
            "このインシデントの報告ルートがありません。名簿を確認: shiftdesk roster check",
        ),
        Away => ("away", "不在"),
        NotInRoster => ("not in roster", "名簿にない"),
        Saved => ("saved", "保存済み"),
        NotSaved => ("NOT SAVED: {why}", "未保存: {why}"),
        ReadOnly => ("READ-ONLY", "読み取り専用"),
        Operator => ("op", "担当"),
        HintsMain => (
            "?:help n:new Space:check a:note c:close q:quit",
            "?:ヘルプ n:新規 Space:チェック a:メモ c:クローズ q:終了",
        ),
        TooSmall => (
            "Terminal too small: {w}x{h} (needs 80x24). Enlarge the window.",
            "端末が小さすぎます: {w}x{h}(80x24 以上が必要)。ウィンドウを広げてください。",
        ),
        HelpTitle => ("Keys", "キー操作"),
        HelpMove => ("move the selection", "選択を移動"),
        HelpPanes => ("switch pane", "ペインを切り替え"),
        HelpEnter => (
            "go to the selected incident's checklist",
            "選択したインシデントのチェックリストへ",
        ),
        HelpNew => ("record a new incident", "インシデントを新規記録"),
        HelpCheck => (
            "check / uncheck the selected step",
            "選択した手順をチェック / 解除",
        ),
        HelpNote => (
            "add a note (to the selected step in the checklist)",
            "メモを追加(チェックリストでは選択した手順に)",
        ),
        HelpClose => (
            "close the incident (needs the Review phase done)",
            "インシデントをクローズ(振り返り完了が必要)",
        ),
        HelpClosedToggle => (
            "show closed / open incidents",
            "クローズ済み / 対応中を切り替え",
        ),
        HelpHelp => ("this help", "このヘルプ"),
        HelpQuit => ("quit (everything is already saved)", "終了(入力は保存済み)"),
        HelpForms => (
            "In forms: Tab / Shift-Tab move between fields, ←/→ choose, Enter saves, Esc cancels",
            "フォーム: Tab / Shift-Tab で項目移動、←/→ で選択、Enter で保存、Esc で取消",
        ),
        HelpFooter => (
            "↑/↓: scroll  Esc or ?: close",
            "↑/↓: スクロール  Esc または ?: 閉じる",
        ),
        FormNewTitle => ("New incident", "インシデント新規記録"),
        FieldTitle => ("Title", "件名"),
        FieldCategory => ("Category", "分類"),
        FieldSeverity => ("Severity", "重大度"),
        FieldDetected => ("Detected at", "検知時刻"),
        FieldDescription => ("Description", "詳細"),
        FormHint => (
            "Tab: next field  ←/→: choose  Enter: save  Esc: cancel",
            "Tab: 次の項目  ←/→: 選択  Enter: 保存  Esc: 取消",
        ),
        DiscardHint => (
            "Esc again discards what you typed; any other key keeps it",
            "もう一度 Esc で入力を破棄します。他のキーで続行",
        ),
        DetectedHint => (
            "HH:MM or YYYY-MM-DD HH:MM; empty = now",
            "HH:MM または YYYY-MM-DD HH:MM、空欄 = 現在",
        ),
        ErrTitleRequired => ("A title is required", "件名を入力してください"),
        ErrDetectedFormat => (
            "Write the time as HH:MM or YYYY-MM-DD HH:MM",
            "HH:MM または YYYY-MM-DD HH:MM で入力してください",
        ),
        ErrDetectedFuture => (
            "The time cannot be in the future",
            "未来の時刻は指定できません",
        ),
        NoteOnStep => ("Note on: {step}", "手順へのメモ: {step}"),
        NoteOnIncident => ("Note on {id}", "{id} へのメモ"),
        NoteHint => ("Enter: save  Esc: cancel", "Enter: 保存  Esc: 取消"),
        ConfirmClose => (
            "Close {id} \"{title}\"?\n  y: close   n: keep open",
            "{id}「{title}」をクローズしますか?\n  y: クローズ   n: 戻る",
        ),
        ConfirmQuitUnsaved => (
            "{n} change(s) are NOT SAVED ({why}). Quit anyway and lose them?\n  y: quit   n: stay",
            "未保存の変更が {n} 件あります({why})。破棄して終了しますか?\n  y: 終了   n: 戻る",
        ),
        MsgOpened => ("Recorded {id}", "{id} を記録しました"),
        MsgClosed => ("Closed {id}", "{id} をクローズしました"),
        MsgChangeDropped => (
            "A change could not be applied: {why}",
            "変更を反映できませんでした: {why}",
        ),
        MsgOutsideChange => (
            "Updated with changes saved elsewhere",
            "他の端末で保存された変更を反映しました",
        ),
        MsgIncidentsUnreadable => (
            "{why} — READ-ONLY until the file is fixed or restored",
            "{why} — ファイルを修正・復元するまで読み取り専用",
        ),
        MsgRosterProblem => (
            "Roster unusable, no routes: {why}",
            "名簿を読めないため報告ルートなし: {why}",
        ),
        MsgPlaybooksProblem => (
            "Own playbooks.json not used ({why}); using the bundled playbooks",
            "独自の playbooks.json は使えません({why})。標準の手順を使用中",
        ),
        MsgRosterSeeded => (
            "Sample roster written to {path} — replace it with your team's",
            "サンプル名簿を {path} に作成しました — チームの名簿に置き換えてください",
        ),
        MsgSampleRoster => (
            "SAMPLE roster in use (fictional people) — replace roster.json",
            "サンプル名簿(架空の人物)を使用中 — roster.json を置き換えてください",
        ),
        MsgReadOnlyNoChange => (
            "Read-only: nothing can be changed now ({why})",
            "読み取り専用のため変更できません({why})",
        ),
        ErrNoSuchIncident => ("No incident {id}", "{id} というインシデントはありません"),
        ErrNoSuchStep => ("{id} has no step {x}", "{id} に手順 {x} はありません"),
        ErrIncidentClosed => ("{id} is closed", "{id} はクローズ済みです"),
        ErrReviewIncomplete => (
            "{id} cannot be closed yet: {x} step(s) of the Review phase are open",
            "{id} はまだクローズできません: 振り返りの手順が {x} 件未完了です",
        ),
        ErrEmptyText => (
            "Nothing to save: the text is empty",
            "内容が空のため保存しません",
        ),
        ErrNoRoute => (
            "{id} has no reporting route",
            "{id} には報告ルートがありません",
        ),
        ErrNoSuchLevel => (
            "{id}: the route has no level {x} to go to",
            "{id}: 報告ルートに第{x}段はありません",
        ),
        ErrNotOnLevel => (
            "{id}: {x} is not on that level of the route",
            "{id}: {x} は報告ルートのその段にいません",
        ),
        WordDetected => ("Detected", "検知"),
        WordOpenedBy => ("Opened by", "記録者"),
        WordStatus => ("Status", "状態"),
        WordPhase => ("Phase", "フェーズ"),
        WordDescription => ("Description", "詳細"),
        WordChecklist => ("Checklist", "チェックリスト"),
        WordTimeline => ("Timeline", "タイムライン"),
        WordRoute => ("Route", "報告ルート"),
        WordAttempts => ("Call attempts", "連絡記録"),
        StatusOpen => ("open", "対応中"),
        StatusClosed => ("closed", "クローズ"),
        PhaseAllDone => ("all done", "全完了"),
        DoctorMissing => (
            "{path}: not there yet (the desk makes it when needed)",
            "{path}: まだありません(必要になればデスクが作成します)",
        ),
        DoctorReadable => (
            "{path}: readable, {bytes} bytes",
            "{path}: 読み込み可({bytes} バイト)",
        ),
        DoctorUnreadable => (
            "{why} — the desk will not write it. Fix it by hand, or restore a backup (below)",
            "{why} — デスクはこのファイルに書き込みません。手で直すか、バックアップを復元してください(下記)",
        ),
        DoctorPermissions => (
            "{path} has permissions {mode}; it should be {want}: run  chmod {want} {path}  (the desk also tightens it when it starts)",
            "{path} の権限が {mode} です。{want} にしてください:  chmod {want} {path}(デスク起動時にも自動で修正します)",
        ),
        DoctorNoDir => (
            "{path}: the data dir does not exist yet; the desk creates it at first start",
            "{path}: データディレクトリはまだありません。初回起動時に作成されます",
        ),
        DoctorDir => ("data dir: {path}", "データディレクトリ: {path}"),
        DoctorArchive => (
            "Archive {path}: {n} closed incidents in {months} month file(s), all readable",
            "アーカイブ {path}: クローズ済み {n} 件、月別ファイル {months} 個、すべて読めます",
        ),
        DoctorIncidents => (
            "{n} incidents ({open} open), revision {revision}",
            "インシデント {n} 件(対応中 {open} 件)、リビジョン {revision}",
        ),
        DoctorOwnPlaybooks => (
            "your own playbooks.json is in use",
            "独自の playbooks.json を使用中",
        ),
        DoctorLeftover => (
            "{path}: left by a save that was interrupted; the data file is whole. The next start of the desk removes it",
            "{path}: 中断された保存の残りです(データは無事)。次回デスク起動時に削除されます",
        ),
        DoctorLockFree => ("the lock is free", "ロックは解放されています"),
        DoctorLockHeld => (
            "the lock is held: a desk is saving right now (a lock of a process that died is freed by the system at once)",
            "ロック使用中: 別のデスクが保存中です(終了したプロセスのロックは自動で解放されます)",
        ),
        DoctorNoBackups => (
            "no backups of {file} yet: one is made each day at the first save",
            "{file} のバックアップはまだありません(毎日最初の保存時に作成)",
        ),
        DoctorBackups => (
            "{n} daily backups of {file}; newest {newest}",
            "{file} の日次バックアップ {n} 件(最新 {newest})",
        ),
        DoctorRestore => (
            "to restore a backup: quit every desk, move the broken file aside (mv {file} {file}.broken), copy a backup over it (cp {backups}/incidents-YYYY-MM-DD.json {file}), then start the desk and check it",
            "バックアップの復元: すべてのデスクを終了し、壊れたファイルを退避(mv {file} {file}.broken)、バックアップをコピー(cp {backups}/incidents-YYYY-MM-DD.json {file})してからデスクを起動して確認",
        ),
        DoctorDraft => (
            "a draft typed before a desk closed is kept; it is offered at the next start",
            "デスク終了前に入力された下書きがあります。次回起動時に復元を確認します",
        ),
        DoctorAllWell => ("All well: nothing needs doing.", "問題はありません。"),
        DoctorToDo => (
            "{n} thing(s) need doing (ACT above).",
            "対応が必要な項目が {n} 件あります(上の ACT)。",
        ),
        MsgDraftRestored => (
            "Draft restored: check it, then Enter saves",
            "下書きを復元しました。確認して Enter で保存",
        ),
        ConfirmDraft => (
            "Text typed before the desk closed was kept ({kind}, {when}):\n{text}\n  y: restore it   n: discard it",
            "デスクが閉じる前に入力していた内容を保存しています({kind}、{when}):\n{text}\n  y: 復元する   n: 破棄する",
        ),
        DraftNewIncident => ("new incident", "新規インシデント"),
        DraftNote => ("note", "メモ"),
        MsgTightened => (
            "{path} had permissions {was}; tightened to {now} (owner only)",
            "{path} の権限が {was} だったため {now}(所有者のみ)に変更しました",
        ),
        MsgArchiving => (
            "Moving closed incidents into {path}: once, on the first start with an archive; this can take a few seconds",
            "クローズ済みのインシデントを {path} へ移しています(アーカイブ導入後の初回起動時のみ。数秒かかることがあります)",
        ),
        MsgArchived => (
            "Moved {n} incident(s) closed over a day ago to the archive ({path}); the old file is kept as {copy}",
            "クローズから1日以上たった {n} 件をアーカイブ({path})へ移しました。元のファイルは {copy} に残しています",
        ),
        MsgLeftovers => (
            "Removed {n} leftover file(s) of an interrupted save; the data files are whole",
            "中断された保存の残りファイルを {n} 件削除しました(データは無事です)",
        ),
        ErrNoScenario => (
            "No drill scenario {name}; there are: {ids}",
            "訓練シナリオ {name} はありません。あるもの: {ids}",
        ),
        MsgDrillStarted => (
            "Drill {id} started: {name}",
            "訓練 {id} を開始しました: {name}",
        ),
        MsgNotARunningDrill => (
            "Select a running drill first (D starts one)",
            "実施中の訓練を選んでください(D で開始)",
        ),
        MsgNoMoreInjects => (
            "No more injects in this drill",
            "この訓練の状況付与はもうありません",
        ),
        MsgInject => ("DRILL {id} T+{t}: {text}", "訓練 {id} T+{t}: {text}"),
        DrillsTitle => ("Drills: rehearse the flow", "訓練: 対応の流れを練習"),
        DrillsHint => (
            "↑/↓: move  Enter: start the drill  Esc: back",
            "↑/↓: 移動  Enter: 訓練を開始  Esc: 戻る",
        ),
        DrillsCounts => (
            "{injects} injects · {checks} readiness checks",
            "状況付与 {injects} 件 · 準備確認 {checks} 件",
        ),
        ChecksTitle => (
            "Readiness checks — confirm them for real",
            "準備確認 — 実際に確かめる",
        ),
        ChecksHint => (
            "y: yes  n: no  u: not checked  ↑/↓: move  Esc: back",
            "y: はい  n: いいえ  u: 未確認  ↑/↓: 移動  Esc: 戻る",
        ),
        CheckAnswerTitle => ("Answer: {answer}", "回答: {answer}"),
        ConfirmEndDrill => (
            "End drill {id}? Its results are shown.\n  y: end   n: keep going",
            "訓練 {id} を終了しますか?結果を表示します。\n  y: 終了   n: 続ける",
        ),
        DrillReportTitle => ("Drill results", "訓練の結果"),
        NextInject => (
            "DRILL: next inject {due} (in {left}) []]",
            "訓練: 次の状況付与 {due}(あと {left})[]]",
        ),
        HelpDrills => (
            "drills: start one from a scenario",
            "訓練: シナリオから開始",
        ),
        HelpJump => (
            "in a drill: jump its clock to the next inject",
            "訓練中: 次の状況付与まで時計を進める",
        ),
        HelpChecks => (
            "in a drill: answer its readiness checks",
            "訓練中: 準備確認に回答",
        ),
        MsgScenarioProblem => (
            "A drill scenario was skipped: {why}",
            "訓練シナリオを読み込めずスキップしました: {why}",
        ),
        DrillRan => ("Run from {start} to {end}.", "実施: {start} 〜 {end}"),
        DrillStillRunning => ("still running", "実施中"),
        DrillFastForwarded => (
            "The drill's clock was jumped ahead {m} min in all (tabletop run): the times below include it.",
            "訓練時計を合計 {m} 分早送りしました(机上訓練)。以下の時間はそれを含みます。",
        ),
        DrillActions => (
            "Actions: readiness checks that failed",
            "対応事項: 準備確認で問題のあったもの",
        ),
        DrillNoActions => (
            "Every readiness check passed.",
            "準備確認はすべて問題なし。",
        ),
        DrillFigures => ("Figures", "結果"),
        DrillMet => ("met", "期限内"),
        DrillMissed => ("MISSED", "期限超過"),
        DrillFirstReport => (
            "First report after {took} (deadline {deadline}): {met}",
            "初報まで {took}(期限 {deadline}): {met}",
        ),
        DrillPhaseReached => ("{phase} reached after {took}", "{phase} 開始まで {took}"),
        DrillEscalations => (
            "Levels gone up on the route: {n}",
            "報告ルートで上位へ上げた段数: {n}",
        ),
        DrillUnchecked => ("Steps left unchecked", "未チェックの手順"),
        DrillNone => ("none", "なし"),
        DrillChecks => ("Readiness checks", "準備確認"),
        DrillNoRuns => ("No drills run yet.", "まだ訓練の実施記録はありません。"),
        DrillFirstReportShort => ("first report", "初報"),
        DrillFailedShort => ("failed checks", "確認NG"),
        DrillUncheckedShort => ("unchecked", "未チェック"),
        ErrNotADrill => ("{id} is not a drill", "{id} は訓練ではありません"),
        ErrNoSuchCheck => (
            "{id} has no readiness check {x}",
            "{id} に準備確認 {x} はありません",
        ),
        Filtered => (" · filtered (F to change)", " · 絞り込み中(F で変更)"),
        FieldServices => ("Affected services", "影響するサービス"),
        FieldAffected => ("Customers / sites", "顧客・拠点"),
        FieldCount => ("Estimated count", "推定件数"),
        FieldSince => ("Since when", "いつから"),
        SinceHint => ("HH:MM or YYYY-MM-DD HH:MM", "HH:MM または YYYY-MM-DD HH:MM"),
        ScopeTitle => ("Scope of impact", "影響範囲"),
        InRoster => ("in the roster ✓", "名簿にあり ✓"),
        NotInRosterHint => (
            "not in the roster: kept as written",
            "名簿になし: 入力どおり記録",
        ),
        FieldWho => ("Who", "相談相手"),
        FieldAdvice => ("What they advised", "助言内容"),
        ConsultTitle => ("Consultation", "相談の記録"),
        FieldAction => ("Action taken", "実施した対処"),
        FieldEffect => ("Effect", "効果"),
        InterimTitle => ("Interim action", "暫定対処の記録"),
        CloseWithoutReviewTitle => ("Close without review", "振り返りなしでクローズ"),
        Any => ("any", "すべて"),
        FieldText => ("Text", "キーワード"),
        FieldFrom => ("Detected from", "検知日(から)"),
        FieldTo => ("Detected to", "検知日(まで)"),
        DateHint => ("YYYY-MM-DD", "YYYY-MM-DD"),
        FilterTitle => ("Filter closed incidents", "クローズ済みの絞り込み"),
        ReviewTitle => ("Review", "振り返り"),
        FieldWhatHappened => ("What happened", "何が起きたか"),
        FieldCause => ("Cause", "原因"),
        FieldWentWell => ("What went well", "良かった点"),
        FieldWentBadly => ("What went badly", "悪かった点"),
        FieldSharedWith => ("Shared with", "共有先"),
        FieldMeasures => ("Measures against recurrence", "再発防止策"),
        MeasureWhat => ("what", "内容"),
        MeasureOwner => ("owner", "担当"),
        MeasureDue => ("due (YYYY-MM-DD)", "期限(YYYY-MM-DD)"),
        ReviewHint => (
            "Tab: next  Ctrl-N: add a measure  Enter: save  Esc: cancel",
            "Tab: 次へ  Ctrl-N: 対策を追加  Enter: 保存  Esc: 取消",
        ),
        FollowUpsTitle => ("Open follow-ups", "未完了のフォローアップ"),
        NoFollowUps => (
            "No open follow-ups: every measure against recurrence is done.",
            "未完了の再発防止策はありません。",
        ),
        FollowUpsHint => (
            "Space: done / not done  ↑/↓: move  Esc: close",
            "Space: 完了/未完了  ↑/↓: 移動  Esc: 閉じる",
        ),
        CloseChoice => (
            "{id}: the Review phase is not complete ({n} step(s) open).\n  w: write the review now\n  x: close without review (asks for a reason)\n  Esc: back",
            "{id}: 振り返りが完了していません(未完了 {n} 件)。\n  w: 今すぐ振り返りを書く\n  x: 振り返りなしでクローズ(理由を入力)\n  Esc: 戻る",
        ),
        ConfirmReopen => (
            "Reopen {id} \"{title}\"? It goes back to the open incidents, logged.\n  y: reopen   n: keep closed",
            "{id}「{title}」を再オープンしますか?対応中に戻り、記録されます。\n  y: 再オープン   n: 戻る",
        ),
        HelpScope => ("record the scope of impact", "影響範囲を記録"),
        HelpConsult => ("record a consultation and the advice", "相談と助言を記録"),
        HelpInterim => (
            "record an interim action and its effect",
            "暫定対処と効果を記録",
        ),
        HelpReview => (
            "write the review and measures against recurrence",
            "振り返りと再発防止策を書く",
        ),
        HelpTimeline => (
            "the timeline, every entry with date and time",
            "タイムライン(全記録を日時付きで)",
        ),
        HelpExport => (
            "export the incident report (Markdown)",
            "報告書を書き出す(Markdown)",
        ),
        HelpHandover => ("handover for the next shift", "次のシフトへの引き継ぎ"),
        HelpFollowUps => (
            "open follow-ups (measures not done)",
            "未完了のフォローアップ",
        ),
        HelpFilter => ("filter closed incidents", "クローズ済みを絞り込む"),
        HelpScroll => ("↑/↓ scroll this help", "↑/↓ でスクロール"),
        TimelineHint => (
            "a: add a note  y: copy  ↑/↓: scroll  Esc: close (entries never change)",
            "a: メモ追加  y: コピー  ↑/↓: スクロール  Esc: 閉じる(記録は変更不可)",
        ),
        ExportTitle => ("Incident report (Markdown)", "インシデント報告書(Markdown)"),
        HandoverTitle => ("Handover to the next shift", "次のシフトへの引き継ぎ"),
        ExportWritten => ("Written to {path}", "{path} に書き出しました"),
        MsgExportFailed => (
            "The report could not be written: {why}",
            "報告書を書き出せませんでした: {why}",
        ),
        MsgMeasureDone => ("Follow-up updated", "フォローアップを更新しました"),
        MsgRecorded => ("Recorded", "記録しました"),
        MsgReopened => ("Reopened {id}", "{id} を再オープンしました"),
        ErrCount => (
            "Write a number, e.g. 120",
            "数字で入力してください(例: 120)",
        ),
        ErrRequired => ("This is required", "入力してください"),
        ErrDateFormat => (
            "Write the date as YYYY-MM-DD",
            "YYYY-MM-DD の形で入力してください",
        ),
        ErrNoSuchMeasure => ("{id} has no measure #{x}", "{id} に対策 #{x} はありません"),
        ImportNothingWritten => (
            "Nothing was imported: fix the rows above and run it again.",
            "何も取り込んでいません。上の行を直して再実行してください。",
        ),
        ImportAdded => ("added: {name}", "追加: {name}"),
        ImportUpdated => ("updated: {name} ({fields})", "更新: {name}({fields})"),
        ImportSummary => (
            "{added} added, {updated} updated, {unchanged} unchanged",
            "追加 {added} 件、更新 {updated} 件、変更なし {unchanged} 件",
        ),
        ImportNoChange => (
            "Nothing changed: every row matches the roster already.",
            "変更なし: すべての行が名簿と一致しています。",
        ),
        ImportNoRoutes => (
            "The roster has no reporting routes yet: add them to roster.json (see the README), then run: shiftdesk roster check",
            "名簿に報告ルートがまだありません。roster.json に追加し(README 参照)、shiftdesk roster check を実行してください",
        ),
        SearchTitle => ("Contacts · {n} of {total}", "連絡先 · {total} 件中 {n} 件"),
        SearchNone => (
            "No contact matches. Try part of a name, a reading, a role, a team or a few digits.",
            "一致する連絡先はありません。氏名・よみ・役割・所属の一部や番号の数桁で探せます。",
        ),
        SearchHint => (
            "type to search  ↑/↓: move  Enter: card  Ctrl-N: new contact  Esc: back",
            "入力で検索  ↑/↓: 移動  Enter: 詳細  Ctrl-N: 連絡先を追加  Esc: 戻る",
        ),
        UntilCleared => ("until cleared", "解除まで"),
        AwayUntil => ("away until {until} {reason}", "不在({until} まで){reason}"),
        Available => ("available", "対応可能"),
        FieldAvailability => ("Status", "状態"),
        OnNoRoute => ("on no route", "どのルートにも入っていません"),
        CardCopied => (
            "Copied {what} {text} to the clipboard (OSC 52{how}); the terminal cannot confirm it arrived.",
            "{what} {text} をクリップボードへ送信しました(OSC 52{how})。届いたかは確認できません。",
        ),
        CardHint => (
            "y: copy phone  Y: copy email  e: edit  a: away / back  d: delete  Esc: back",
            "y: 電話をコピー  Y: メールをコピー  e: 編集  a: 不在/復帰  d: 削除  Esc: 戻る",
        ),
        ContactEditTitle => ("Edit contact", "連絡先の編集"),
        ContactNewTitle => ("New contact", "連絡先の追加"),
        AwayTitle => ("Mark away", "不在にする"),
        FieldUntil => ("Away until", "不在の期限"),
        UntilHint => (
            "HH:MM or YYYY-MM-DD HH:MM; empty = until cleared",
            "HH:MM または YYYY-MM-DD HH:MM、空欄 = 解除まで",
        ),
        ConfirmDelete => (
            "Delete {name} from the roster?{routes}\n  y: delete   n: keep",
            "{name} を名簿から削除しますか?{routes}\n  y: 削除   n: 戻る",
        ),
        DeleteRoutes => (
            " They are on these routes and will be taken off them: {routes}.",
            " 次の報告ルートからも外れます: {routes}。",
        ),
        HelpSearch => (
            "search contacts: name, reading, role, team, digits",
            "連絡先を検索: 氏名・よみ・役割・所属・番号",
        ),
        MsgNothingToCopy => (
            "Nothing to copy: this contact has none",
            "コピーする内容がありません",
        ),
        MsgRosterSaved => ("Roster saved", "名簿を保存しました"),
        MsgContactDeleted => (
            "Deleted {name} from the roster and its routes",
            "{name} を名簿とルートから削除しました",
        ),
        FieldName => ("Name", "氏名"),
        FieldKana => ("Reading (kana)", "よみ(かな)"),
        FieldRole => ("Role", "役割"),
        FieldTeam => ("Team", "所属"),
        FieldPhone => ("Phone", "電話"),
        FieldPhone2 => ("Phone 2", "電話2"),
        FieldEmail => ("Email", "メール"),
        FieldNotes => ("Notes", "備考"),
        ErrNameRequired => ("A name is required", "氏名を入力してください"),
        ErrPhoneFormat => (
            "Does not look like a phone number (6–15 digits)",
            "電話番号の形式ではありません(6〜15桁)",
        ),
        ErrEmailFormat => (
            "Does not look like an email address",
            "メールアドレスの形式ではありません",
        ),
        ErrPhoneOrEmail => (
            "Give at least a phone or an email",
            "電話かメールのどちらかは必要です",
        ),
        ErrUntilPast => (
            "That time has already passed",
            "その時刻はすでに過ぎています",
        ),
        ErrNoSuchContact => (
            "No contact {id} in the roster",
            "名簿に {id} という連絡先はありません",
        ),
        WordError => ("ERROR", "エラー"),
        WordWarning => ("warning", "警告"),
        CheckSummary => (
            "{path}: {errors} error(s), {warnings} warning(s)",
            "{path}: エラー {errors} 件、警告 {warnings} 件",
        ),
        ErrNoRoster => (
            "there is no roster yet: start the desk once (it writes the sample) or import one",
            "名簿がまだありません: 一度デスクを起動する(サンプルを作成)か、名簿を取り込んでください",
        ),
        MsgRosterErrors => (
            "roster.json has {n} error(s): the reporting routes may fail — run: shiftdesk roster check",
            "roster.json にエラーが {n} 件あり、報告ルートが機能しない恐れがあります — 実行: shiftdesk roster check",
        ),
        MsgNoOneToCall => (
            "Nobody to call now: the report is done or the route has no one available",
            "今連絡すべき相手はいません(報告済み、またはルートに対応可能な人がいない)",
        ),
        MsgAttemptLogged => ("Logged: {name} — {outcome}", "記録: {name} — {outcome}"),
        MsgAlreadyReached => (
            "{id}: the report was delivered; no need to go up the route",
            "{id}: 報告済みのため上位へ上げる必要はありません",
        ),
        MsgTopOfRoute => (
            "{id}: already at the top level of the route — keep calling or consult",
            "{id}: すでに報告ルートの最上位です — 連絡を続けるか相談してください",
        ),
        MsgEscalated => (
            "Escalated to level {level}",
            "第{level}段へエスカレーションしました",
        ),
        MsgCopyOff => (
            "Copying is off (SHIFTDESK_CLIPBOARD=off): select the text on screen",
            "コピーは無効です(SHIFTDESK_CLIPBOARD=off)。画面の文字を選択してください",
        ),
        ErrReasonRequired => ("Give a reason", "理由を入力してください"),
        EscalateTitle => ("Escalate now", "今すぐエスカレーション"),
        EscalateTo => ("Go to", "上げる先"),
        FieldReason => ("Reason", "理由"),
        EscalateHint => (
            "←/→: level  Enter: escalate  Esc: cancel — skipping a level needs a reason",
            "←/→: 段  Enter: 実行  Esc: 取消 — 段を飛ばすときは理由が必要",
        ),
        ReclassifyTitle => ("Change severity / category", "重大度・分類の変更"),
        ReclassifyHint => (
            "Tab: next field  ←/→: choose  Enter: save  Esc: cancel — the route is resolved again",
            "Tab: 次の項目  ←/→: 選択  Enter: 保存  Esc: 取消 — 報告ルートを再設定します",
        ),
        ReportTitle => ("Report text", "報告文"),
        ReportHint => (
            "y: copy  ↑/↓: scroll  Esc: close",
            "y: コピー  ↑/↓: スクロール  Esc: 閉じる",
        ),
        ReportCopied => (
            "Sent to the clipboard (OSC 52{how}). The terminal cannot confirm it arrived: the text is here too.",
            "クリップボードへ送信しました(OSC 52{how})。届いたかは確認できないため、本文もここに表示しています。",
        ),
        ViaTmux => (", through tmux", "、tmux 経由"),
        UpdateTitle => (
            "Status update given — what was said (optional)",
            "経過報告を実施 — 伝えた内容(任意)",
        ),
        HelpReached => (
            "on a contact (or the one to call now): reached, report delivered",
            "連絡先に(または今連絡すべき人に): つながった・報告済み",
        ),
        HelpNoAnswer => ("no answer / unreachable", "不通・応答なし"),
        HelpMessage => ("left a message", "伝言を残した"),
        HelpEscalate => (
            "escalate now: one level up, or to a level you pick",
            "今すぐエスカレーション: 一段上、または選んだ段へ",
        ),
        HelpUpdate => (
            "log a status update given to the people reached",
            "報告先への経過報告を記録",
        ),
        HelpReclassify => (
            "change severity / category (the route is resolved again)",
            "重大度・分類を変更(報告ルートを再設定)",
        ),
        HelpReport => (
            "report text, to read out or copy (y)",
            "報告文を表示(y でコピー)",
        ),
        RouteUpdates => ("Updates every {m}m", "経過報告 {m}分ごと"),
        ReportHeading => ("[Incident report]", "【インシデント報告】"),
        Ago => ("{age} ago", "{age}前"),
        ReportWhat => ("What happened", "発生事象"),
        ReportScope => ("Scope known so far", "現時点で分かっている影響範囲"),
        ReportScopeNone => ("not yet assessed", "確認中"),
        ReportInterim => ("Interim action taken", "実施した暫定対処"),
        ReportInterimNone => ("none yet", "未実施"),
        ReportNextUpdate => ("Next update by {due}", "次回の経過報告: {due} まで"),
        ReportBy => (
            "Reported by {name} — call back: {callback}",
            "報告者: {name} — 折り返し先: {callback}",
        ),
        ReportNoCallback => (
            "no call-back number set (--callback or SHIFTDESK_CALLBACK)",
            "折り返し番号未設定(--callback または SHIFTDESK_CALLBACK)",
        ),
    };
    match lang {
        Lang::En => en,
        Lang::Ja => ja,
    }
}

/// Fills `{key}` placeholders of a message.
pub fn fill(lang: Lang, msg: Msg, args: &[(&str, &str)]) -> String {
    let mut out = t(lang, msg).to_string();
    for (k, v) in args {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_decides_when_no_flag() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(name, _)| *name == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Lang::from_locale(env(&[("LANG", "ja_JP.UTF-8")])), Lang::Ja);
        assert_eq!(Lang::from_locale(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
        assert_eq!(
            Lang::from_locale(env(&[("LC_ALL", "C"), ("LANG", "ja_JP.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_locale(env(&[("LC_MESSAGES", "ja_JP"), ("LANG", "C")])),
            Lang::Ja
        );
        assert_eq!(Lang::from_locale(env(&[])), Lang::En);
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        let s = fill(Lang::En, Msg::TooSmall, &[("w", "60"), ("h", "20")]);
        assert_eq!(
            s,
            "Terminal too small: 60x20 (needs 80x24). Enlarge the window."
        );
    }
}
