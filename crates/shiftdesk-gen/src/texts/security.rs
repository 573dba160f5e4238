//! Kinds of security incident: misdirected mail and faxes, lost ID cards, phishing,
//! malware, suspicious sign-ins, and papers left behind or thrown away.

use super::Kind;

#[rustfmt::skip]
pub(super) const SECURITY: &[Kind] = &[
    Kind {
        titles: &[
            ["メール誤送信", "Email sent to the wrong address"],
            ["添付ファイルの誤送付", "Wrong attachment sent"],
        ],
        descriptions: &[
            ["お客様宛ての見積書を、宛先の補完機能で別の会社の担当者に送ってしまった。", "A quotation for a customer went to someone at another company, picked by address autocomplete."],
            ["お客様への返信に、別のお客様{n}名分の一覧を添付して送信した。", "A reply to a customer carried an attachment listing {n} other customers."],
        ],
        services: &[["メール", "email"]],
        affected: &[["お客様の個人情報 {n}名分", "personal data of {n} customers"]],
        count: (1, 120),
        actions: &[
            ["同じ宛先への送信を停止", "Stopped sending to that address"],
            ["受信者に電話で削除を依頼", "Phoned the recipient and asked them to delete it"],
            ["受信者から削除済みの連絡を受領", "The recipient confirmed it was deleted"],
            ["対象のお客様へ経緯をお知らせ", "Told the customers concerned what happened"],
        ],
        advice: &[
            ["削除の依頼は電話でしたうえで、メールでも記録を残すこと", "Ask for deletion by phone, then confirm it by email for the record"],
            ["個人情報が含まれるので、個人情報保護管理者にも報告して", "Personal data is involved: report to the privacy officer as well"],
        ],
        causes: &[
            ["宛先の補完候補を確認せずに送信した", "The autocompleted address was not checked before sending"],
            ["添付ファイル名が似ていた", "The attachment names were almost the same"],
        ],
        measures: &[
            ["社外宛てメールの送信前確認画面を有効にする", "Turn on the confirmation screen for mail to outside addresses"],
            ["個人情報を含む添付はパスワード付きで送る", "Protect attachments holding personal data with a password"],
            ["添付前にファイル名と中身を読み上げて確認する", "Read out the file name and contents before attaching"],
        ],
    },
    Kind {
        titles: &[
            ["FAX誤送信", "Fax sent to the wrong number"],
            ["申込書のFAX誤送信", "Application form faxed to the wrong number"],
        ],
        descriptions: &[
            ["申込書の控えを、登録番号の1桁違いのFAX番号へ送信した。", "A copy of an application form was faxed to a number one digit off."],
            ["取引先へ送るはずの注文書を、短縮ダイヤルの誤りで別の会社へ送信した。", "An order meant for a supplier went to another company through a wrong speed-dial entry."],
        ],
        services: &[["FAX", "fax"]],
        affected: &[["お客様の個人情報 {n}名分", "personal data of {n} customers"]],
        count: (1, 5),
        actions: &[
            ["短縮ダイヤルの該当番号を使用停止", "Blocked the speed-dial entry"],
            ["受信先に電話で破棄を依頼", "Phoned the receiving company and asked them to destroy it"],
            ["受信先から破棄済みの連絡を受領", "They confirmed it was destroyed"],
        ],
        advice: &[
            ["破棄の確認は書面でも受け取ること", "Get the confirmation of destruction in writing as well"],
        ],
        causes: &[
            ["番号を手入力し、送信前に読み合わせしなかった", "The number was keyed by hand and not read back"],
            ["短縮ダイヤルの登録番号が誤っていた", "A speed-dial entry held the wrong number"],
        ],
        measures: &[
            ["FAX番号の登録内容を二人で照合する", "Have two people check every stored fax number"],
            ["個人情報を含む書類はFAXで送らない", "Stop faxing documents with personal data"],
        ],
    },
    Kind {
        titles: &[
            ["入館IDカードの紛失", "ID card lost"],
            ["IDカード紛失(帰宅途中)", "ID card lost on the way home"],
        ],
        descriptions: &[
            ["メンバーから、帰宅途中に入館用IDカードを失くしたと電話。最後に使ったのは退館時のゲート。", "A team member phoned: they lost their entry ID card on the way home. They last used it at the exit gate."],
            ["朝の入館時に、IDカードがないことに本人が気付いた。前日は{site}で使用。", "Arriving this morning, a member found their ID card missing; it was last used at {site} yesterday."],
        ],
        services: &[["入退室管理", "building access"]],
        affected: &[["{site}の入館ゲート", "the entry gates at {site}"]],
        count: (1, 1),
        actions: &[
            ["カード発行窓口にカードの無効化を依頼", "Asked the card office to deactivate the card"],
            ["紛失後の入退室記録を確認", "Checked the entry log since the card went missing"],
            ["仮カードを発行", "Issued a temporary card"],
        ],
        advice: &[
            ["無効化は窓口が閉まる前に。時間外なら警備室に", "Get the card deactivated before the office closes; after hours, call the security desk"],
        ],
        causes: &[
            ["カードをポケットに入れて持ち歩いていた", "The card was carried loose in a pocket"],
            ["カードケースのストラップが切れていた", "The card holder's strap had broken"],
        ],
        measures: &[
            ["IDカードはストラップ付きケースで携帯するルールにする", "Require ID cards to be carried on a lanyard"],
            ["時間外の無効化手順と連絡先を名簿に加える", "Add the after-hours deactivation contact to the roster"],
        ],
    },
    Kind {
        titles: &[
            ["不審メールのリンクをクリック", "Phishing link clicked"],
            ["フィッシングメールでパスワード入力", "Password entered on a phishing page"],
        ],
        descriptions: &[
            ["配送業者を装ったメールのリンクを開き、IDとパスワードを入力してしまったと本人から申告。", "A member reports opening a link in a fake delivery email and entering their ID and password."],
        ],
        services: &[["{sys}のアカウント", "{sys} accounts"]],
        affected: &[["アカウント {n}件", "{n} accounts"]],
        count: (1, 6),
        actions: &[
            ["該当アカウントのパスワードを変更し、セッションを無効化", "Reset the account's password and ended its sessions"],
            ["同じメールの受信者を洗い出して注意喚起", "Found everyone who received the same email and warned them"],
            ["偽サイトのURLをプロキシで遮断", "Blocked the fake site's address at the proxy"],
        ],
        advice: &[
            ["ログは消さないこと。調査で使う", "Keep the logs; the investigation needs them"],
        ],
        causes: &[
            ["実在の配送業者に似せたメールだった", "The email imitated a real delivery company closely"],
        ],
        measures: &[
            ["標的型メール訓練を年2回行う", "Run phishing exercises twice a year"],
            ["不審メールの報告窓口を全員に再周知する", "Remind everyone where to report suspicious mail"],
        ],
    },
    Kind {
        titles: &[
            ["PCでマルウェアを検知", "Malware detected on a PC"],
            ["ウイルス対策ソフトの警告", "Antivirus alert"],
        ],
        descriptions: &[
            ["ウイルス対策ソフトが{site}のPC 1台でマルウェアを検知し、隔離した。", "Antivirus detected and quarantined malware on one PC at {site}."],
        ],
        services: &[["社内ネットワーク", "office network"]],
        affected: &[["PC {n}台", "{n} PCs"]],
        count: (1, 4),
        actions: &[
            ["該当PCをネットワークから切り離し", "Took the PC off the network"],
            ["同じファイルがほかのPCにないか全台スキャン", "Scanned every PC for the same file"],
            ["該当PCを初期化して再配布", "Reinstalled the PC and handed it back"],
        ],
        advice: &[
            ["PCの電源は切らずに、ネットワークだけ外して", "Do not switch the PC off; just unplug the network"],
        ],
        causes: &[
            ["私物のUSBメモリから持ち込んだファイルを開いた", "A file brought in on a personal USB stick was opened"],
        ],
        measures: &[
            ["私物の外部媒体を接続できない設定にする", "Block personal storage devices"],
            ["不審な添付やファイルの報告窓口を再周知する", "Remind everyone where to report suspicious files"],
        ],
    },
    Kind {
        titles: &[
            ["不正ログインの疑い", "Suspected unauthorised login"],
            ["{sys}への不審なログイン", "Suspicious sign-in to {sys}"],
        ],
        descriptions: &[
            ["{sys}に深夜、海外から管理者アカウントでのログインが記録されていた。", "{sys} logged an administrator sign-in from abroad in the middle of the night."],
        ],
        services: &[["{sys}", "{sys}"]],
        affected: &[["アカウント {n}件", "{n} accounts"]],
        count: (1, 3),
        actions: &[
            ["該当アカウントを一時停止", "Suspended the account"],
            ["パスワードを変更し、セッションを無効化", "Reset the password and ended its sessions"],
            ["ログイン後の操作記録を確認", "Went through what was done after the sign-in"],
        ],
        advice: &[
            ["ログは消さないこと。調査で使う", "Keep the logs; the investigation needs them"],
        ],
        causes: &[
            ["管理者アカウントに多要素認証が設定されていなかった", "The administrator account had no multi-factor authentication"],
        ],
        measures: &[
            ["管理者アカウントに多要素認証を必須にする", "Require multi-factor authentication for administrator accounts"],
            ["海外からのログインを既定で拒否する", "Refuse sign-ins from abroad by default"],
        ],
    },
    Kind {
        titles: &[
            ["顧客資料の置き忘れ", "Customer papers left behind"],
            ["申込書を電車に置き忘れ", "Application forms left on a train"],
        ],
        descriptions: &[
            ["訪問先からの帰りに、お客様の申込書を入れた封筒を電車の網棚に置き忘れた。", "On the way back from a visit, an envelope of customer application forms was left on a train's luggage rack."],
        ],
        services: &[["紙の申込書", "paper application forms"]],
        affected: &[["お客様 {n}名分の申込書", "forms of {n} customers"]],
        count: (1, 40),
        actions: &[
            ["鉄道会社の忘れ物窓口に問い合わせ", "Called the railway's lost-property office"],
            ["対象のお客様を一覧にまとめた", "Listed the customers concerned"],
            ["封筒を受け取り、中身がそろっていることを確認", "Collected the envelope and checked nothing was missing"],
        ],
        advice: &[
            ["見つかっても、中身がすべてそろっているか確認すること", "If it turns up, check that every page is there"],
        ],
        causes: &[
            ["持ち出し書類を鞄に入れずに手に持っていた", "The papers were carried by hand rather than in a bag"],
        ],
        measures: &[
            ["書類の持ち出しは施錠できる鞄に限る", "Carry papers out only in a lockable bag"],
            ["申込書は訪問先で写しを取り、原本は郵送する", "Copy forms on site and post the originals"],
        ],
    },
    Kind {
        titles: &[
            ["書類の誤廃棄", "Papers thrown away by mistake"],
            ["保管期限内の申込書を廃棄箱へ", "Forms under retention put out for shredding"],
        ],
        descriptions: &[
            ["保管期限内の申込書を、溶解処理の箱に入れてしまっていた。", "Application forms still under retention were put in the shredding box."],
        ],
        services: &[["紙の申込書", "paper application forms"]],
        affected: &[["お客様 {n}名分の申込書", "forms of {n} customers"]],
        count: (5, 200),
        actions: &[
            ["溶解業者に回収の停止を依頼", "Asked the shredding company to hold the collection"],
            ["廃棄箱から書類を取り出して保管庫に戻した", "Took the forms out of the box and back to storage"],
        ],
        advice: &[
            ["取り出した書類は件数を数えて記録すること", "Count the forms you take out and note the number"],
        ],
        causes: &[
            ["保管箱と廃棄箱が同じ棚に並んでいた", "The storage and shredding boxes sat side by side"],
        ],
        measures: &[
            ["廃棄箱を別の場所に移し、表示を大きくする", "Move the shredding box elsewhere and label it clearly"],
            ["廃棄の前に保管期限を二人で確認する", "Two people check retention dates before anything is shredded"],
        ],
    },
];
