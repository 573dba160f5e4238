//! Sharing the board across hosts and sites: `shiftdesk sync setup | config | status`.

area! { sync_words {
    // shiftdesk sync setup
    SyncSetupCreated:
        "{site}: stream {stream} created ({count} events)",
        "{site}: ストリーム {stream} を作成しました(イベント {count} 件)";
    SyncSetupExisted:
        "{site}: stream {stream} already there ({count} events), left as it is",
        "{site}: ストリーム {stream} は作成済みです(イベント {count} 件)。変更していません";
    SyncNotConfigured:
        "Sync is not set up: give --sync nats://HOST:PORT (this site's server) and --sites A,B (every site), or a [sync] section in config.toml.",
        "同期が設定されていません。--sync nats://ホスト:ポート(このサイトのサーバー)と --sites A,B(全サイト)を指定するか、config.toml に [sync] を書いてください。";
    // shiftdesk sync config
    SyncConfigWhich:
        "Say which config: --site CODE --hub HOST[:PORT] for a site's leaf server, or --hub-config for the hub.",
        "どの設定かを指定してください。サイトのリーフサーバーは --site コード --hub ホスト[:ポート]、ハブは --hub-config です。";
    // shiftdesk sync status
    SyncStatusConnected: "sync: connected ({url})", "同期: 接続中({url})";
    SyncStatusNotConnected: "sync: NOT connected ({url})", "同期: 未接続({url})";
    SyncStatusSite:
        "{site}: last event #{seq}, {lag} not yet read here",
        "{site}: 最新イベント #{seq}、未取り込み {lag} 件";
    SyncStatusSiteError: "{site}: cannot be read — {error}", "{site}: 読めません — {error}";
    SyncStatusUnsent: "unsent: {count}", "未送信: {count}";
    SyncStatusLastEvent: "last event here: {time}", "最後のイベント: {time}";
    SyncCliUnsent:
        "{n} change(s) not sent yet: they wait in outbox.jsonl and go when a desk on this data dir is linked",
        "未送信の変更 {n} 件: outbox.jsonl に残り、このデータディレクトリのデスクが接続したときに送られます";
}}
