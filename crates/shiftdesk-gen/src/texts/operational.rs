//! Kinds of operational incident other than outages: operation mistakes, document errors
//! and out-of-scope requests.

use super::Kind;

#[rustfmt::skip]
pub(super) const MISTAKE: &[Kind] = &[
    Kind {
        titles: &[
            ["顧客情報の誤登録", "Customer record updated wrongly"],
            ["{app}で別のお客様の情報を上書き", "Another customer's details overwritten in {app}"],
        ],
        descriptions: &[
            ["お客様からの問い合わせで、{app}に別のお客様の住所を上書き登録していたことが分かった。", "A customer's call revealed that we had overwritten their address in {app} with another customer's."],
            ["{app}の連絡先変更を、同姓の別のお客様の記録に登録していた。", "A change of contact details went into the record of another customer with the same surname in {app}."],
        ],
        services: &[["{app}(顧客データ)", "{app} (customer data)"]],
        affected: &[["お客様 {n}件", "{n} customers"]],
        count: (1, 12),
        actions: &[
            ["誤登録したデータを元の値に戻した(二人で確認)", "Restored the previous values, checked by a second person"],
            ["誤った住所宛ての発送物を止めた", "Stopped mail going to the wrong address"],
            ["影響のあったお客様へお詫びと訂正の連絡", "Called the affected customers to apologise and correct it"],
        ],
        advice: &[
            ["修正は必ず二人で画面を見ながら行うこと", "Make the correction with a second person watching the screen"],
            ["お客様への連絡内容は課長に確認してから", "Have the manager approve what we tell the customers"],
        ],
        causes: &[
            ["検索結果に並んだ似た名前のお客様を選んでしまった", "A similarly named customer was picked from the search results"],
        ],
        measures: &[
            ["更新前に顧客番号を読み上げて確認する手順を加える", "Read the customer number aloud before saving"],
            ["検索結果に生年月日も表示するよう情報システム部に依頼する", "Ask IT to show the date of birth in search results"],
            ["登録操作の研修を新人向けに行う", "Run a data-entry refresher for new staff"],
        ],
    },
    Kind {
        titles: &[
            ["受注システムへの二重登録", "Duplicate entries in the order system"],
            ["注文の二重登録", "Order entered twice"],
        ],
        descriptions: &[
            ["受注システムに同じ注文が二重に登録され、出荷指示が2回出ていた。", "The same order was entered twice in the order system, and two shipping instructions went out."],
        ],
        services: &[["受注システム", "Order system"]],
        affected: &[["注文 {n}件", "{n} orders"]],
        count: (1, 40),
        actions: &[
            ["出荷指示を取り消し、倉庫へ電話で連絡", "Cancelled the shipping order and phoned the warehouse"],
            ["重複した注文を取り消し(二人で確認)", "Cancelled the duplicate orders, checked by a second person"],
            ["お客様へ二重請求がないことを連絡", "Told the customers they will not be charged twice"],
        ],
        advice: &[
            ["倉庫への連絡は出荷締め時刻の前に", "Call the warehouse before its shipping cut-off"],
        ],
        causes: &[
            ["登録完了の画面が出る前にもう一度送信した", "The form was submitted again before the confirmation appeared"],
        ],
        measures: &[
            ["二重登録を警告する機能を情報システム部に依頼する", "Ask IT for a duplicate-entry warning"],
            ["送信後は完了画面が出るまで待つよう手順書に書く", "Write in the manual to wait for the confirmation screen"],
        ],
    },
    Kind {
        titles: &[
            ["{app}のデータ誤削除", "Data deleted by mistake in {app}"],
            ["{app}の有効データを一括削除", "Live records bulk-deleted in {app}"],
        ],
        descriptions: &[
            ["不要データの整理中に、条件指定を誤って{app}の有効なデータ{n}件を削除した。", "While clearing old data, a wrong filter deleted {n} live records in {app}."],
        ],
        services: &[["{app}", "{app}"]],
        affected: &[["データ {n}件", "{n} records"]],
        count: (5, 5000),
        actions: &[
            ["以降の操作を止め、削除ログを保全", "Stopped all work and kept the deletion log"],
            ["前日のバックアップから該当データを復元", "Restored the records from last night's backup"],
            ["バックアップ以降の更新を手入力で戻した", "Re-entered by hand what changed after the backup"],
        ],
        advice: &[
            ["復元前に、バックアップ以降の更新がないか確認して", "Before restoring, check what changed after the backup"],
        ],
        causes: &[
            ["削除条件の確認を一人で済ませていた", "Nobody else checked the delete filter"],
        ],
        measures: &[
            ["一括削除の前に対象件数を二人で確認する", "Two people confirm the count before any bulk delete"],
            ["削除の前に対象データを書き出して残す", "Export the records before any bulk delete"],
        ],
    },
    Kind {
        titles: &[
            ["夜間バッチの二重実行", "Night batch run twice"],
            ["請求データの二重作成", "Invoices created twice"],
        ],
        descriptions: &[
            ["手動で再実行した夜間バッチが自動実行と重なり、請求データが二重に作成された。", "A night batch rerun by hand overlapped the scheduled run and created invoices twice."],
        ],
        services: &[["請求処理", "billing"]],
        affected: &[["請求 {n}件", "{n} invoices"]],
        count: (20, 3000),
        actions: &[
            ["請求データの送信を保留", "Held the invoices back from sending"],
            ["二重に作成された請求データを取り消し", "Cancelled the duplicate invoices"],
        ],
        advice: &[
            ["取り消しの対象は作成時刻で絞り込むこと", "Pick the ones to cancel by their creation time"],
        ],
        causes: &[
            ["自動実行の予定を確かめずに再実行した", "The batch was rerun without checking the schedule"],
        ],
        measures: &[
            ["バッチの二重起動を防ぐロックを入れる", "Add a lock so a batch cannot run twice at once"],
            ["手動再実行の手順書を作る", "Write a runbook for rerunning batches by hand"],
        ],
    },
    Kind {
        titles: &[
            ["設定変更ミスによる{sys}停止", "{sys} down after a wrong configuration change"],
            ["作業対象サーバの取り違え", "Work done on the wrong server"],
        ],
        descriptions: &[
            ["計画作業で{sys}の設定を変更したところ、本番側の設定も変わり利用できなくなった。", "A planned change to {sys} also changed production, which stopped working."],
            ["検証環境のつもりで本番サーバにログインし、サービスを再起動していた。", "Someone meant to restart a service in the test environment but was logged in to production."],
        ],
        services: &[["{sys}", "{sys}"]],
        affected: &[["{sys}の利用者 約{n}名", "about {n} users of {sys}"]],
        count: (20, 900),
        actions: &[
            ["作業を中断し、変更前の設定に切り戻し", "Stopped the work and rolled back the change"],
            ["サービスの起動と主要画面の表示を確認", "Checked the service is up and the main screens work"],
        ],
        advice: &[
            ["切り戻しの前に、いまの設定を保存しておくこと", "Save the current settings before rolling back"],
        ],
        causes: &[
            ["本番と検証のターミナルの見た目が同じだった", "Production and test terminals looked the same"],
            ["作業手順書に対象ホスト名の確認がなかった", "The work procedure did not say to check the host name"],
        ],
        measures: &[
            ["本番環境のプロンプトを赤色にする", "Make the production prompt red"],
            ["作業前にホスト名を読み上げる手順を加える", "Read the host name aloud before starting work"],
            ["計画作業は二人一組で行う", "Do planned changes in pairs"],
        ],
    },
    Kind {
        titles: &[
            ["お客様への誤案内", "Customer given wrong information"],
            ["請求金額の誤案内", "Wrong amount quoted to a customer"],
        ],
        descriptions: &[
            ["電話で案内した解約手続きの期限が誤っていたと、お客様から指摘があった。", "A customer pointed out that the cancellation deadline we gave on the phone was wrong."],
            ["料金改定前の単価でお客様{n}件に見積もりを案内していた。", "{n} customers were quoted at the prices from before the price change."],
        ],
        services: &[["電話受付", "phone enquiries"]],
        affected: &[["お客様 {n}件", "{n} customers"]],
        count: (1, 30),
        actions: &[
            ["対象のお客様を通話記録から洗い出し", "Found the customers concerned from the call log"],
            ["お客様へ訂正とお詫びの電話", "Phoned the customers to correct it and apologise"],
        ],
        advice: &[
            ["訂正の連絡は、正しい内容を文書で確認してからにして", "Confirm the correct information in writing before calling back"],
        ],
        causes: &[
            ["手続きの変更がチームに共有されていなかった", "A change to the procedure had not reached the team"],
            ["改定前の料金表を見ていた", "The old price list was used"],
        ],
        measures: &[
            ["手続きの変更は朝礼で必ず共有する", "Announce procedure changes at the morning briefing"],
            ["古い料金表を共有フォルダから削除する", "Remove old price lists from the shared folder"],
        ],
    },
];

#[rustfmt::skip]
pub(super) const DOC_ERROR: &[Kind] = &[
    Kind {
        titles: &[
            ["{doc}の手順誤り", "Wrong step in the {doc}"],
            ["{doc}に古い手順が残っていた", "Outdated steps left in the {doc}"],
        ],
        descriptions: &[
            ["{doc}の手順どおりに作業したが、画面の項目名が違い、途中で先に進めなくなった。", "Following the {doc}, the screen did not match the steps and the work could not go on."],
            ["{doc}に、廃止済みのサーバへ接続する手順が残っていた。", "The {doc} still told people to connect to a retired server."],
        ],
        services: &[["{doc}を使う作業", "work that follows the {doc}"]],
        affected: &[["作業 {n}件", "{n} jobs"]],
        count: (1, 25),
        actions: &[
            ["該当箇所に「使用禁止」を明記", "Marked the passage \"do not use\""],
            ["チームに該当手順を使わないよう周知", "Told the team not to use those steps"],
            ["資料の管理者の承認を得て修正版を公開", "Published a corrected version with the owner's approval"],
        ],
        advice: &[
            ["修正版を出すまでは、口頭で正しい手順を伝えること", "Until the fix is out, pass on the right steps by word of mouth"],
        ],
        causes: &[
            ["システム更新の際に手順書が見直されなかった", "The manual was not reviewed when the system was updated"],
            ["レビューで画面との照合をしていなかった", "Reviews did not compare the text with the screens"],
        ],
        measures: &[
            ["システム更新の作業項目に手順書の見直しを加える", "Add \"review the manuals\" to every system update"],
            ["手順書のレビューで画面と照合する", "Check manuals against the screens when reviewing them"],
        ],
    },
    Kind {
        titles: &[
            ["{doc}の連絡先誤記", "Wrong phone number in the {doc}"],
            ["{doc}の保守窓口の番号が古い", "Out-of-date support number in the {doc}"],
        ],
        descriptions: &[
            ["{doc}に載っている保守窓口の番号が古く、つながらなかった。", "The support number in the {doc} was out of date and did not connect."],
        ],
        services: &[["{doc}", "the {doc}"]],
        affected: &[["作業 {n}件", "{n} jobs"]],
        count: (1, 10),
        actions: &[
            ["正しい番号を確認してチームに周知", "Found the right number and told the team"],
            ["{doc}の該当箇所を修正して再公開", "Corrected the {doc} and published it again"],
        ],
        advice: &[
            ["番号は公式サイトで確かめてから載せて", "Check the number on the official site before you publish it"],
        ],
        causes: &[
            ["窓口の番号変更の連絡が資料の管理者に届いていなかった", "The owner of the document was never told the number changed"],
        ],
        measures: &[
            ["連絡先の一覧を半年ごとに点検する", "Check contact lists every six months"],
            ["契約先の連絡先変更は資料の管理者にも届くようにする", "Make sure contact changes from suppliers reach the document owner"],
        ],
    },
    Kind {
        titles: &[
            ["FAQの回答誤り", "Wrong answer in the FAQ"],
            ["FAQが制度変更に未対応", "FAQ not updated for a rule change"],
        ],
        descriptions: &[
            ["FAQの回答どおりに案内したところ、お客様の手続きが完了しなかった。", "A customer followed the FAQ answer we gave and the procedure did not go through."],
        ],
        services: &[["FAQ", "the FAQ"]],
        affected: &[["問い合わせ {n}件", "{n} enquiries"]],
        count: (1, 60),
        actions: &[
            ["誤った回答を非公開にし、暫定の回答を掲載", "Took the wrong answer down and posted an interim one"],
            ["同じ案内をしたお客様に連絡し、正しい手続きを案内", "Called the customers given the same answer with the right steps"],
        ],
        advice: &[
            ["暫定の回答は担当部署に確認してから出して", "Check the interim answer with the department that owns the rule"],
        ],
        causes: &[
            ["FAQの回答が制度変更に合わせて更新されていなかった", "The FAQ was not updated after a rule change"],
        ],
        measures: &[
            ["FAQに最終確認日を表示する", "Show a last-checked date on each FAQ answer"],
            ["制度変更の連絡をFAQの担当者にも回す", "Copy rule changes to whoever keeps the FAQ"],
        ],
    },
];

#[rustfmt::skip]
pub(super) const OUT_OF_SCOPE: &[Kind] = &[
    Kind {
        titles: &[
            ["対象外サービスの問い合わせ対応", "Handled an enquiry about a service we do not support"],
            ["契約外作業の依頼", "Request for work outside the contract"],
            ["他部署宛ての依頼を受付", "Took a request meant for another department"],
        ],
        descriptions: &[
            ["お客様から、当チームの対応範囲外である{sys}の設定変更を依頼された。", "A customer asked us to change settings in {sys}, which is not ours to support."],
            ["営業担当から、契約に含まれないデータ抽出作業を急ぎで依頼された。", "Sales asked us, urgently, for a data extract the contract does not cover."],
            ["本来は総務部が受ける依頼を受付し、作業に着手しかけていた。", "We took a request that belongs to General Affairs and had nearly started on it."],
        ],
        services: &[["受付業務", "intake"]],
        affected: &[["依頼 {n}件", "{n} requests"]],
        count: (1, 5),
        actions: &[
            ["依頼者に対応範囲外であることを説明", "Explained to the requester that it is outside our scope"],
            ["担当部署へ依頼内容を引き継ぎ", "Handed the request over to the right department"],
            ["引き継ぎ内容と依頼者への説明を記録", "Recorded the handover and what we told the requester"],
        ],
        advice: &[
            ["断る前に、引き継ぎ先を調べてから伝えること", "Find out who does it before telling them no"],
            ["すでに行った作業の扱いは課長が判断する", "The manager decides what happens to work already done"],
        ],
        causes: &[
            ["窓口の案内ページに当チームの番号が載っていた", "Our number was listed on the help page for that service"],
            ["対応範囲の一覧がチーム内で共有されていなかった", "The list of what we support was not shared in the team"],
        ],
        measures: &[
            ["案内ページの連絡先を修正してもらう", "Get the help page's contact details corrected"],
            ["対応範囲と引き継ぎ先の一覧を作り、席に掲示する", "Post a list of what we support and who does the rest"],
        ],
    },
];
