//! Kinds of team-operations incident other than security (damaged tools, lost or damaged
//! equipment), and other incidents.

use super::Kind;

#[rustfmt::skip]
pub(super) const TOOL_DAMAGE: &[Kind] = &[
    Kind {
        titles: &[
            ["{tool}が破損", "{tool} corrupted"],
            ["{tool}が開けない", "{tool} will not open"],
            ["{tool}の上書き", "{tool} overwritten"],
        ],
        descriptions: &[
            ["{tool}を開こうとすると「ファイルが壊れています」と表示される。", "Opening the {tool} gives \"the file is corrupt\"."],
            ["{tool}が古い版で上書きされ、昨日以降の更新が消えていた。", "The {tool} was overwritten by an old copy; everything since yesterday is gone."],
        ],
        services: &[["{tool}", "the {tool}"]],
        affected: &[["チームの {n}名", "{n} people in the team"]],
        count: (5, 80),
        actions: &[
            ["{tool}の利用を止め、代わりの手順を案内", "Told everyone to stop using the {tool} and what to do instead"],
            ["前日のバックアップから復元", "Restored yesterday's backup"],
            ["復元後に消えた更新を洗い出して再入力", "Listed and re-entered the changes lost since the backup"],
        ],
        advice: &[
            ["復元する前に、壊れたファイルも別名で残しておくこと", "Keep a copy of the broken file under another name before restoring"],
        ],
        causes: &[
            ["複数人が同時に編集して保存が競合した", "Several people saved it at the same time"],
            ["ネットワークドライブの切断中に保存した", "It was saved while the network drive was disconnected"],
        ],
        measures: &[
            ["{tool}を共同編集できる形式に移す", "Move the {tool} to a format built for shared editing"],
            ["バックアップの取得を1日1回から1時間ごとにする", "Back it up hourly instead of daily"],
            ["復元の手順を半年ごとに試す", "Try the restore procedure every six months"],
        ],
    },
    Kind {
        titles: &[
            ["月次集計マクロが動かない", "Monthly report macro not working"],
            ["集計マクロがエラーで停止", "Reporting macro stops with an error"],
        ],
        descriptions: &[
            ["月次集計マクロを実行するとエラーで止まり、集計ができない。", "The monthly report macro stops with an error; the reports cannot be produced."],
        ],
        services: &[["月次集計", "monthly reporting"]],
        affected: &[["報告書 {n}件", "{n} reports"]],
        count: (1, 30),
        actions: &[
            ["前の版のマクロに戻して実行", "Went back to the previous version of the macro and ran it"],
            ["集計を手作業で行い、締め切りに間に合わせた", "Did the totals by hand to meet the deadline"],
        ],
        advice: &[
            ["直す前に誰が何を変えたか履歴で確認して", "Check the history for who changed what before fixing it"],
        ],
        causes: &[
            ["表計算ソフトの更新でマクロの動作が変わった", "An office software update changed how the macro behaves"],
        ],
        measures: &[
            ["ソフト更新の前にマクロを検証環境で試す", "Test macros before rolling out office updates"],
            ["マクロの版を管理し、戻し方を手順書に書く", "Keep versions of the macro and write down how to roll back"],
        ],
    },
    Kind {
        titles: &[
            ["共有フォルダのファイル誤削除", "Files deleted from the shared folder"],
            ["{tool}が見当たらない", "{tool} missing"],
        ],
        descriptions: &[
            ["共有フォルダの一部のファイルが見当たらないと複数のメンバーから連絡。", "Several members say files are missing from the shared folder."],
        ],
        services: &[["共有フォルダ", "the shared folder"]],
        affected: &[["ファイル {n}件", "{n} files"]],
        count: (3, 400),
        actions: &[
            ["フォルダへの書き込みを一時停止", "Made the folder read-only for now"],
            ["ごみ箱とスナップショットから復元", "Restored from the recycle bin and snapshots"],
        ],
        advice: &[
            ["復元先を間違えないよう、元の場所を履歴で確かめて", "Check the history for where the files were before restoring"],
        ],
        causes: &[
            ["フォルダの整理中に誤って移動した", "Files were moved by mistake while tidying the folder"],
        ],
        measures: &[
            ["共有フォルダの編集権限を必要な人に限る", "Limit edit rights on the shared folder"],
            ["フォルダ整理の前に告知し、二人で行う", "Announce folder tidy-ups and do them in pairs"],
        ],
    },
];

#[rustfmt::skip]
pub(super) const EQUIPMENT: &[Kind] = &[
    Kind {
        titles: &[
            ["{dev}の紛失", "{dev} lost"],
            ["外出先で{dev}を紛失", "{dev} lost while out"],
            ["{dev}の盗難", "{dev} stolen"],
        ],
        descriptions: &[
            ["貸与の{dev}が見当たらないと本人から連絡。最後に使ったのは前日の会議室。", "A member cannot find their company {dev}; they last used it in a meeting room yesterday."],
            ["メンバーから、外出先で貸与の{dev}を失くしたと連絡。最後に使ったのは昼食時。", "A member reports losing their company {dev} while out; they last used it at lunch."],
            ["帰宅途中に鞄ごと{dev}を盗まれたと本人から連絡。警察には届出済み。", "A member's bag with the company {dev} was stolen on the way home; the police have been told."],
        ],
        services: &[["貸与機器", "lent equipment"]],
        affected: &[["{dev} 1台(業務データあり)", "one {dev} with work data on it"]],
        count: (1, 1),
        actions: &[
            ["情報システム部に遠隔ロックを依頼", "Asked IT to lock it remotely"],
            ["紐づくアカウントのパスワードを変更", "Changed the passwords of the accounts on it"],
            ["警察に遺失届を提出", "Filed a loss report with the police"],
            ["代替機を手配", "Arranged a replacement"],
        ],
        advice: &[
            ["遠隔消去は本人と資産管理担当の了承を得てから", "Wipe it only once the holder and the asset manager agree"],
            ["遺失届の受理番号を必ず控えること", "Note the police report's reference number"],
        ],
        causes: &[
            ["置き場所を決めずに持ち歩いていた", "It had no fixed place and was carried from room to room"],
            ["飲食店の椅子に置いたまま店を出た", "It was left on a restaurant chair"],
            ["鞄を車内に置いたまま離れた", "The bag was left in a parked car"],
        ],
        measures: &[
            ["貸与機器の持ち出しルールを再周知する", "Remind everyone of the rules for taking equipment out"],
            ["全端末でディスク暗号化を確認する", "Confirm disk encryption on every device"],
            ["資産台帳に紛失時の連絡先を載せる", "Put the loss contact in the asset register"],
        ],
    },
    Kind {
        titles: &[
            ["{dev}の破損", "{dev} damaged"],
            ["{dev}の水濡れ", "Water damage to {dev}"],
        ],
        descriptions: &[
            ["{dev}を落として画面が割れ、起動しなくなった。", "The {dev} was dropped; the screen cracked and it will not start."],
            ["{dev}に飲み物をこぼし、電源が入らない。", "A drink was spilled on the {dev} and it will not power on."],
        ],
        services: &[["貸与機器", "lent equipment"]],
        affected: &[["{dev} 1台", "one {dev}"]],
        count: (1, 1),
        actions: &[
            ["電源を入れずにそのまま保管", "Kept it as it is, without powering it on"],
            ["代替機を手配", "Arranged a replacement"],
            ["データの復旧可否を情報システム部に確認", "Asked IT whether the data can be recovered"],
        ],
        advice: &[
            ["濡れた機器は乾くまで電源を入れないこと", "Do not switch a wet device on until it is dry"],
        ],
        causes: &[
            ["机の端に置いていた", "It was left at the edge of the desk"],
            ["飲み物を端末の横に置いていた", "A drink was kept next to the device"],
        ],
        measures: &[
            ["貸与機器に保護ケースを付ける", "Fit protective cases to lent devices"],
            ["作業席での飲み物はふた付きに限る", "Only lidded drinks at workstations"],
        ],
    },
];

#[rustfmt::skip]
pub(super) const OTHER: &[Kind] = &[
    Kind {
        titles: &[
            ["{site}の停電", "Power cut at {site}"],
            ["{site} 停電による端末停止", "PCs down after a power cut at {site}"],
        ],
        descriptions: &[
            ["{site}で停電。非常用電源に切り替わったが、一部の端末が停止した。", "Power cut at {site}; the emergency supply took over but some PCs went down."],
        ],
        services: &[["{site}の設備", "the building at {site}"]],
        affected: &[["{site}の社員 約{n}名", "about {n} staff at {site}"]],
        count: (10, 400),
        actions: &[
            ["ビル管理会社に復旧見込みを確認", "Asked building management when power will be back"],
            ["停止した端末を再起動し、保存前の作業を確認", "Restarted the PCs and checked for unsaved work"],
        ],
        advice: &[
            ["復電直後は一斉に電源を入れず、順番に", "When power returns, switch things on one by one"],
        ],
        causes: &[
            ["近隣の工事で電線が切断された", "Nearby construction cut a power line"],
        ],
        measures: &[
            ["非常用電源の切替試験を年1回行う", "Test the switch to emergency power once a year"],
            ["受付用の端末を無停電電源装置につなぐ", "Put the front-desk PCs on a UPS"],
        ],
    },
    Kind {
        titles: &[
            ["サーバ室の空調停止", "Server room air conditioning stopped"],
            ["サーバ室の温度上昇", "Server room overheating"],
        ],
        descriptions: &[
            ["サーバ室の温度上昇アラート。空調が停止している。", "Server room temperature alarm; the air conditioning has stopped."],
        ],
        services: &[["サーバ室", "the server room"]],
        affected: &[["サーバ {n}台", "{n} servers"]],
        count: (10, 120),
        actions: &[
            ["重要度の低いサーバを停止して発熱を抑えた", "Shut down low-priority servers to cut heat"],
            ["可搬型の冷風機を設置", "Set up portable coolers"],
            ["空調業者を手配", "Called out the air-conditioning contractor"],
        ],
        advice: &[
            ["停止するサーバの順番は手順書のとおりに", "Shut servers down in the order the runbook gives"],
        ],
        causes: &[
            ["空調機の定期点検が漏れていた", "The air conditioner's service had been missed"],
        ],
        measures: &[
            ["空調の点検予定を設備管理の予定表に載せる", "Put the air conditioner's service in the facilities calendar"],
            ["サーバ室の温度監視を二重化する", "Add a second temperature monitor in the server room"],
        ],
    },
    Kind {
        titles: &[
            ["地震による出社困難", "Staff unable to come in after an earthquake"],
            ["火災報知器の誤作動で避難", "Evacuation after a false fire alarm"],
            ["大雪による交代要員の遅れ", "Relief shift delayed by heavy snow"],
        ],
        descriptions: &[
            ["早朝の地震で電車が止まり、{site}の早番の{n}名が出社できない。", "An early-morning earthquake stopped the trains; {n} people on the early shift at {site} cannot get in."],
            ["火災報知器が鳴り、{site}の全員が一時避難した。電話受付が止まっている。", "The fire alarm went off and everyone at {site} left the building; phones are unanswered."],
            ["大雪で電車が遅れ、{site}の交代要員{n}名の到着が遅れている。", "Heavy snow has delayed the trains; {n} people on the relief shift at {site} are late."],
        ],
        services: &[["電話受付、監視業務", "phone desk, monitoring"]],
        affected: &[["{site}の当番 {n}名", "{n} people on shift at {site}"]],
        count: (2, 40),
        actions: &[
            ["他拠点に電話受付の転送を依頼", "Asked another site to take the calls"],
            ["夜勤者に延長勤務を依頼", "Asked the night shift to stay on"],
            ["在宅で監視できるメンバーを手配", "Found members who can monitor from home"],
        ],
        advice: &[
            ["延長勤務は本人の体調を確認してから", "Ask the night shift how they are before asking them to stay"],
        ],
        causes: &[
            ["公共交通機関の運休", "Public transport was suspended"],
            ["報知器の感知器が老朽化していた", "An old detector triggered by itself"],
            ["大雪による交通機関の遅延", "Trains delayed by heavy snow"],
        ],
        measures: &[
            ["拠点間の電話転送の手順を整える", "Write down how to forward calls between sites"],
            ["災害時に在宅で監視できる体制を作る", "Set up monitoring from home for disasters"],
        ],
    },
];
