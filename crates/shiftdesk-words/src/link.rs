//! The link to the other desks and sites, as the desk shows it: the status line's part and
//! the notices about what came in or could not be sent.

area! { link_words {
    LinkOn: "sync: on", "同期: 接続済み";
    LinkStarting: "sync: connecting", "同期: 接続待ち";
    LinkCutOff: "sync: cut off since {time}", "同期: {time} から切断";
    LinkUnsent: "{n} unsent", "未送信 {n}";
    SyncProblem: "Sync: {why}", "同期: {why}";
    SyncBadEvent:
        "An event from site {site} (#{seq}) could not be read and was skipped: {why}",
        "拠点 {site} のイベント(#{seq})を読めないため飛ばしました: {why}";
    SyncFromElsewhere:
        "{n} change(s) from other desks: {desks}",
        "他の端末からの変更 {n} 件: {desks}";
}}
