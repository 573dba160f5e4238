//! `shiftdesk doctor`, and what opening the data dir says: permissions, leftovers, drafts,
//! the archive.

area! { doctor_words {
    DoctorMissing:
        "{path}: not there yet (the desk makes it when needed)",
        "{path}: まだありません(必要になればデスクが作成します)";
    DoctorReadable: "{path}: readable, {bytes} bytes", "{path}: 読み込み可({bytes} バイト)";
    DoctorUnreadable:
        "{why} — the desk will not write it. Fix it by hand, or restore a backup (below)",
        "{why} — デスクはこのファイルに書き込みません。手で直すか、バックアップを復元してください(下記)";
    DoctorPermissions:
        "{path} has permissions {mode}; it should be {want}: run  chmod {want} {path}  (the desk also tightens it when it starts)",
        "{path} の権限が {mode} です。{want} にしてください:  chmod {want} {path}(デスク起動時にも自動で修正します)";
    DoctorNoDir:
        "{path}: the data dir does not exist yet; the desk creates it at first start",
        "{path}: データディレクトリはまだありません。初回起動時に作成されます";
    DoctorDir: "data dir: {path}", "データディレクトリ: {path}";
    DoctorArchive:
        "Archive {path}: {n} closed incidents in {months} month file(s), all readable",
        "アーカイブ {path}: クローズ済み {n} 件、月別ファイル {months} 個、すべて読めます";
    DoctorIncidents:
        "{n} incidents ({open} open), revision {revision}",
        "インシデント {n} 件(対応中 {open} 件)、リビジョン {revision}";
    DoctorOwnPlaybooks: "your own playbooks.json is in use", "独自の playbooks.json を使用中";
    DoctorLeftover:
        "{path}: left by a save that was interrupted; the data file is whole. The next start of the desk removes it",
        "{path}: 中断された保存の残りです(データは無事)。次回デスク起動時に削除されます";
    DoctorLockFree: "the lock is free", "ロックは解放されています";
    DoctorLockHeld:
        "the lock is held: a desk is saving right now (a lock of a process that died is freed by the system at once)",
        "ロック使用中: 別のデスクが保存中です(終了したプロセスのロックは自動で解放されます)";
    DoctorNoBackups:
        "no backups of {file} yet: one is made each day at the first save",
        "{file} のバックアップはまだありません(毎日最初の保存時に作成)";
    DoctorBackups:
        "{n} daily backups of {file}; newest {newest}",
        "{file} の日次バックアップ {n} 件(最新 {newest})";
    DoctorRestore:
        "to restore a backup: quit every desk, move the broken file aside (mv {file} {file}.broken), copy a backup over it (cp {backups}/incidents-YYYY-MM-DD.json {file}), then start the desk and check it",
        "バックアップの復元: すべてのデスクを終了し、壊れたファイルを退避(mv {file} {file}.broken)、バックアップをコピー(cp {backups}/incidents-YYYY-MM-DD.json {file})してからデスクを起動して確認";
    DoctorDraft:
        "a draft typed before a desk closed is kept; it is offered at the next start",
        "デスク終了前に入力された下書きがあります。次回起動時に復元を確認します";
    DoctorAllWell: "All well: nothing needs doing.", "問題はありません。";
    DoctorToDo:
        "{n} thing(s) need doing (ACT above).",
        "対応が必要な項目が {n} 件あります(上の ACT)。";
    MsgDraftRestored:
        "Draft restored: check it, then Enter saves",
        "下書きを復元しました。確認して Enter で保存";
    ConfirmDraft:
        "Text typed before the desk closed was kept ({kind}, {when}):\n{text}\n  y: restore it   n: discard it",
        "デスクが閉じる前に入力していた内容を保存しています({kind}、{when}):\n{text}\n  y: 復元する   n: 破棄する";
    DraftNewIncident: "new incident", "新規インシデント";
    DraftNote: "note", "メモ";
    MsgTightened:
        "{path} had permissions {was}; tightened to {now} (owner only)",
        "{path} の権限が {was} だったため {now}(所有者のみ)に変更しました";
    MsgArchiving:
        "Moving closed incidents into {path}: once, on the first start with an archive; this can take a few seconds",
        "クローズ済みのインシデントを {path} へ移しています(アーカイブ導入後の初回起動時のみ。数秒かかることがあります)";
    MsgArchived:
        "Moved {n} incident(s) closed over a day ago to the archive ({path}); the old file is kept as {copy}",
        "クローズから1日以上たった {n} 件をアーカイブ({path})へ移しました。元のファイルは {copy} に残しています";
    MsgLeftovers:
        "Removed {n} leftover file(s) of an interrupted save; the data files are whole",
        "中断された保存の残りファイルを {n} 件削除しました(データは無事です)";
    DoctorOwnGuide: "your own guide.json is in use", "独自の guide.json を使用中";
} }
