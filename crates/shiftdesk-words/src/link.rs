//! The link to the other desks and sites, as the desk shows it: the status line's part and
//! the notices about what came in or could not be sent.

area! { link_words {
    LinkOn: "sync: on", "同期: 接続済み";
    LinkStarting: "sync: connecting", "同期: 接続待ち";
    LinkCutOff: "sync: cut off since {time}", "同期: {time} から切断";
    LinkUnsent: "{n} unsent", "未送信 {n}";
    SyncProblem: "Sync: {why}", "同期: {why}";
    SyncTroubleStart:
        "the sync thread could not start: {detail}",
        "同期処理を開始できません: {detail}";
    SyncTroubleConnect:
        "cannot connect to {url}: {detail}",
        "{url} に接続できません: {detail}";
    SyncTroubleStream:
        "site {site}'s stream could not be found or made: {detail}",
        "拠点 {site} のストリームを確認・作成できません: {detail}";
    SyncTroubleSend:
        "sending to site {site} failed (kept in the outbox, tried again): {detail}",
        "拠点 {site} への送信に失敗しました(送信待ちに残し、再送します): {detail}";
    SyncTroubleNoAcknowledgement:
        "site {site}'s server did not acknowledge in time (kept in the outbox, tried again)",
        "拠点 {site} のサーバーから受信確認が時間内に届きません(送信待ちに残し、再送します)";
    SyncTroubleRead:
        "reading site {site} failed: {detail}",
        "拠点 {site} を読み取れません: {detail}";
    SyncTroubleNoAnswer:
        "no answer from site {site} within {seconds} s",
        "拠点 {site} から {seconds} 秒以内に応答がありません";
    SyncTroubleUnreached:
        "no answer from site {site}'s stream {stream}: the link to that site is down, or its \
         stream is not set up yet (shiftdesk sync setup)",
        "拠点 {site} のストリーム {stream} から応答がありません: その拠点への回線が切れているか、\
         ストリームがまだ作成されていません(shiftdesk sync setup)";
    SyncTroubleMadeAnew:
        "site {site}'s stream {stream} ends at #{end}, before this desk's place #{place}: it \
         was made anew; reading it again from the start",
        "拠点 {site} のストリーム {stream} は #{end} までしかなく、この端末の読み取り位置 \
         #{place} より前です。作り直されたため、最初から読み直します";
    SyncBadEvent:
        "An event from site {site} (#{seq}) could not be read and was skipped: {why}",
        "拠点 {site} のイベント(#{seq})を読めないため飛ばしました: {why}";
    SyncFromElsewhere:
        "{n} change(s) from other desks: {desks}",
        "他の端末からの変更 {n} 件: {desks}";
}}
