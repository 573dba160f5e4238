//! Kinds of system outage.

use super::Kind;

#[rustfmt::skip]
pub(super) const OUTAGE: &[Kind] = &[
    Kind {
        titles: &[
            ["{sys}停止", "{sys} down"],
            ["{sys}に接続できない", "Cannot connect to {sys}"],
            ["{sys}障害(全面停止)", "{sys} outage"],
        ],
        descriptions: &[
            ["監視で{sys}の死活監視アラートを検知。利用者からも「画面が開かない」と問い合わせが入っている。", "Monitoring raised a down alert for {sys}; users are also calling to say the screens will not open."],
            ["{site}の利用者から{sys}にログインできないと連絡。複数名から同様の申告あり。", "Users at {site} report they cannot log in to {sys}; several people say the same."],
        ],
        services: &[["{sys}", "{sys}"], ["{sys}、関連する夜間バッチ", "{sys} and its night batch"]],
        affected: &[["全拠点の利用者 約{n}名", "about {n} users at every site"], ["{site}の利用者 約{n}名", "about {n} users at {site}"]],
        count: (30, 1200),
        actions: &[
            ["{sys}のサービスを再起動", "Restarted the {sys} service"],
            ["ロードバランサから異常なノードを切り離し", "Took the faulty node out of the load balancer"],
            ["待機系へ切り替え", "Failed over to the standby"],
            ["利用者へ代替手順(紙の受付票)を案内", "Told users to use the paper intake form meanwhile"],
        ],
        advice: &[
            ["切り替える前に待機系の電源と状態を必ず確認すること", "Check the standby's power and state before you switch"],
            ["復旧見込みが立たないうちは、利用者には代替手順だけ案内して", "Until there is a recovery estimate, only tell users the workaround"],
        ],
        causes: &[
            ["アプリケーションサーバのメモリ枯渇でプロセスが停止した", "The application server ran out of memory and its process stopped"],
            ["サーバ証明書の更新漏れで接続が拒否された", "A server certificate expired (it was missing from the renewal list) and connections were refused"],
            ["ストレージのコントローラが故障した", "A storage controller failed"],
        ],
        measures: &[
            ["メモリ使用率の通知閾値を95%から80%に下げる", "Alert at 80% memory use instead of 95%"],
            ["証明書の有効期限を監視し、30日前に通知する", "Monitor certificate expiry and warn 30 days ahead"],
            ["待機系への切替を四半期ごとに訓練する", "Rehearse the failover to the standby every quarter"],
            ["保守契約の部品交換までの時間を確認し、手順書に書く", "Find out the parts-replacement time in the maintenance contract and note it in the runbook"],
        ],
    },
    Kind {
        titles: &[
            ["{site}のネットワーク断", "Network down at {site}"],
            ["{site} 回線障害", "{site}: line failure"],
        ],
        descriptions: &[
            ["{site}の全端末で社内システムとインターネットに接続できない。ルータも監視に応答しない。", "No PC at {site} can reach internal systems or the internet; the router does not answer monitoring."],
            ["{site}から本社のシステムに接続できないと連絡。回線のランプが消えている。", "{site} cannot reach head-office systems; the line's status light is off."],
        ],
        services: &[["{site}の拠点ネットワーク", "the {site} network"]],
        affected: &[["{site}の社員 約{n}名", "about {n} staff at {site}"]],
        count: (20, 600),
        actions: &[
            ["回線事業者に故障を申告", "Reported the fault to the carrier"],
            ["ルータを再起動", "Restarted the router"],
            ["予備回線(LTEルータ)へ切り替え", "Switched to the backup LTE line"],
            ["{site}の電話受付を他拠点へ転送", "Forwarded {site}'s phone desk to another site"],
        ],
        advice: &[
            ["回線IDを控えてから事業者に電話すると早い", "Have the circuit ID ready before you call the carrier"],
            ["予備回線に切り替えたら、業務システムへの疎通まで確認すること", "After switching to the backup line, check the business systems actually work"],
        ],
        causes: &[
            ["回線事業者の局内設備が故障した", "A fault in the carrier's exchange"],
            ["ルータのファームウェア不具合で再起動を繰り返した", "A router firmware bug made it reboot in a loop"],
        ],
        measures: &[
            ["予備回線への自動切替を設定する", "Set up automatic failover to the backup line"],
            ["ルータのファームウェアを修正版に更新する", "Update the router firmware to the fixed release"],
            ["予備回線の電源と接続を毎月確認する", "Check the backup line's power and link every month"],
            ["回線事業者の故障受付番号と回線IDを名簿に載せる", "Put the carrier's fault number and circuit ID on the roster"],
        ],
    },
    Kind {
        titles: &[
            ["VPN障害", "VPN outage"],
            ["VPNに接続できない", "VPN will not connect"],
        ],
        descriptions: &[
            ["在宅勤務者からVPNに接続できないという連絡が相次いでいる。", "Remote staff keep calling: the VPN will not connect."],
            ["朝から在宅勤務者の一部がVPNに接続できず、接続済みの人も数分で切断される。", "Since the morning some remote staff cannot connect to the VPN, and those who can are dropped within minutes."],
        ],
        services: &[["VPN", "VPN"]],
        affected: &[["在宅勤務者 約{n}名", "about {n} remote workers"]],
        count: (20, 600),
        actions: &[
            ["VPN装置を再起動", "Rebooted the VPN appliance"],
            ["予備のVPN装置へ切り替え", "Switched to the spare VPN appliance"],
            ["在宅勤務者に出社または待機を依頼", "Asked remote staff to come in or stand by"],
        ],
        advice: &[
            ["再起動の前に、装置のログと同時接続数を控えておくこと", "Note the appliance's log and session count before restarting it"],
        ],
        causes: &[
            ["VPN装置の同時接続ライセンスが不足した", "The VPN appliance ran out of concurrent-user licences"],
            ["VPN装置の証明書が期限切れになっていた", "The VPN appliance's certificate had expired"],
        ],
        measures: &[
            ["VPNライセンス数を利用者数に合わせて増やす", "Buy VPN licences to match the number of users"],
            ["証明書の有効期限を監視し、30日前に通知する", "Monitor certificate expiry and warn 30 days ahead"],
            ["同時接続数が上限の8割を超えたら通知する", "Alert when sessions pass 80% of the limit"],
        ],
    },
    Kind {
        titles: &[
            ["{sys}の応答遅延", "{sys} responding slowly"],
            ["{sys}でタイムアウト多発", "Frequent timeouts on {sys}"],
        ],
        descriptions: &[
            ["{sys}の画面表示に30秒以上かかると複数の部署から連絡。CPU使用率が高止まりしている。", "Several departments say each {sys} screen takes over 30 seconds; CPU use is stuck high."],
            ["{sys}で保存時にタイムアウトが頻発。監視ではデータベースの応答時間が通常の10倍。", "{sys} keeps timing out on save; monitoring shows database response times ten times normal."],
        ],
        services: &[["{sys}", "{sys}"]],
        affected: &[["{sys}の利用者 約{n}名(遅延のみ)", "about {n} users of {sys} (slow, not down)"]],
        count: (10, 800),
        actions: &[
            ["滞留していた検索処理を停止", "Stopped the stuck search jobs"],
            ["バッチ処理の開始を業務時間外へ変更", "Moved the batch job outside business hours"],
            ["アプリケーションサーバを1台増設して負荷を分散", "Added an application server to spread the load"],
        ],
        advice: &[
            ["業務への影響が遅延だけなら、大きな変更は夜間に", "If it is only slow, leave big changes for the night"],
        ],
        causes: &[
            ["月末の集計処理が通常業務と重なった", "Month-end reporting ran alongside normal work"],
            ["インデックスのない表への検索が急に増えた", "Searches on a table without an index suddenly increased"],
        ],
        measures: &[
            ["月末処理の実行時間帯を業務部門と調整する", "Agree month-end job times with the business"],
            ["検索の多い表にインデックスを追加する", "Index the tables that are searched most"],
            ["応答時間の監視を追加し、通常の3倍で通知する", "Monitor response times and alert at three times normal"],
        ],
    },
    Kind {
        titles: &[
            ["{sys}のディスク容量逼迫", "{sys} disk nearly full"],
            ["{sys}のログ領域が満杯", "{sys} log volume full"],
        ],
        descriptions: &[
            ["{sys}のディスク使用率が95%を超えたとアラート。このままではログ出力が止まる。", "Alert: the {sys} disk is over 95% full; logging will stop if it fills."],
            ["{sys}のログ領域が100%になり、一部の処理がエラーで止まっている。", "The {sys} log volume is 100% full and some jobs stop with errors."],
        ],
        services: &[["{sys}", "{sys}"]],
        affected: &[["{sys}の処理 {n}件", "{n} {sys} jobs"]],
        count: (5, 300),
        actions: &[
            ["ローテーション済みの古いログを退避して削除", "Moved old rotated logs away and deleted them"],
            ["不要な一時ファイルを削除", "Deleted temporary files"],
            ["止まった処理を再実行", "Reran the jobs that had stopped"],
        ],
        advice: &[
            ["消す前に、そのファイルが何のためのものか必ず確認して", "Before deleting anything, make sure you know what it is for"],
        ],
        causes: &[
            ["ログのローテーション設定が漏れていた", "Log rotation had not been set up"],
            ["障害調査用の詳細ログが有効のままだった", "Verbose logging left on after an earlier investigation"],
        ],
        measures: &[
            ["全サーバのログローテーション設定を点検する", "Check log rotation on every server"],
            ["ディスク使用率80%で通知する監視を追加する", "Alert at 80% disk use"],
            ["調査用のログ設定は期限を決めて戻す", "Put an end date on any temporary logging change"],
        ],
    },
    Kind {
        titles: &[
            ["メールサーバ停止", "Mail server down"],
            ["社外宛てメールの送信遅延", "Outgoing email delayed"],
        ],
        descriptions: &[
            ["社外宛てのメールが送信トレイに滞留していると複数の利用者から連絡。", "Several users say mail to outside addresses is stuck in their outbox."],
            ["メールサーバの監視でキュー滞留のアラート。受信も数十分遅れている。", "Monitoring shows the mail queue backing up; incoming mail is also tens of minutes late."],
        ],
        services: &[["メール(社外宛て送受信)", "email to and from outside"]],
        affected: &[["全社員 約{n}名", "all staff, about {n} people"]],
        count: (200, 3000),
        actions: &[
            ["送信キューを一時停止して状況を確認", "Paused the outgoing queue to look into it"],
            ["中継サーバの設定を戻して再送", "Rolled back the relay setting and resent"],
            ["急ぎの連絡は電話に切り替えるよう全社に案内", "Told everyone to phone for anything urgent"],
        ],
        advice: &[
            ["ブラックリスト登録の有無も確認すること", "Check whether our address has been blocklisted"],
        ],
        causes: &[
            ["中継サーバの設定変更が誤っていた", "A change to the relay server's settings was wrong"],
            ["大量送信でブラックリストに登録された", "A bulk mailing got us blocklisted"],
        ],
        measures: &[
            ["メール設定の変更はレビュー後に行う", "Review mail settings changes before making them"],
            ["大量送信は専用サービスを使うルールにする", "Send bulk mail only through the dedicated service"],
        ],
    },
];
