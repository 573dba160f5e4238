//! Words any incident may carry: notes, updates, reasons and review phrases.

use super::T;

/// Notes written while the report is being made.
#[rustfmt::skip]
pub(crate) const EARLY_NOTES: &[T] = &[
    ["第一報。詳細は確認中", "First report; details still being checked"],
    ["申告者の連絡先を控えた。折り返し可", "Took the caller's number; they can be called back"],
    ["経緯を時系列でメモし始めた", "Started writing down what happened, with times"],
    ["同様の申告が続いている", "More calls saying the same thing"],
    ["{site}の現地担当者と電話で状況を共有", "Shared the status with the person on site at {site} by phone"],
];

/// Notes written later on.
#[rustfmt::skip]
pub(crate) const NOTES: &[T] = &[
    ["お客様からの問い合わせが増えている", "Customer calls are going up"],
    ["関係者への連絡状況を一覧にまとめた", "Listed who has been told what, and when"],
    ["関係部署へ状況をメールで共有", "Emailed the status to the departments concerned"],
    ["復旧見込みは未定", "No recovery estimate yet"],
    ["交代の当番に引き継ぎ済み", "Handed over to the next shift"],
    ["影響範囲の一覧を共有フォルダに保存", "Saved the list of what is affected to the shared folder"],
    ["作業ログと画面の記録を保全", "Kept the work log and screen records"],
    ["課長から、判断が必要なら夜間でも電話するよう指示", "Manager says to call, even at night, if a decision is needed"],
    ["念のため翌朝まで監視を強化", "Watching more closely until tomorrow morning, to be safe"],
];

/// Notes on a checklist step.
#[rustfmt::skip]
pub(crate) const STEP_NOTES: &[T] = &[
    ["確認済み。証跡は共有フォルダ", "Done; evidence in the shared folder"],
    ["課長の承認を電話で取得", "Manager approved by phone"],
    ["二人で確認した", "Checked by two people"],
    ["時刻は通話記録で確認", "Times taken from the call log"],
    ["{n}件を確認。漏れなし", "Checked {n}; none missed"],
    ["手順書の記載と実際の画面が違った。後で報告", "The runbook did not match the screen; to report later"],
];

/// The note on a step that did not apply.
pub(crate) const NOT_APPLICABLE: T = ["該当なし", "Not applicable"];

/// Status updates to the people reached: while the scope is assessed, while the interim
/// fix is tried, and once it works.
#[rustfmt::skip]
pub(crate) const UPDATES: [&[T]; 3] = [
    &[
        ["状況報告: 影響範囲を確認中。次回は{cadence}分後に報告", "Update: checking the scope; next update in {cadence} min"],
        ["状況報告: 原因は調査中。利用者への案内を継続", "Update: cause still unknown; users are being kept informed"],
        ["状況報告: 影響範囲を確定し、暫定対処を検討中", "Update: scope confirmed; deciding on an interim fix"],
    ],
    &[
        ["状況報告: 暫定対処を実施中", "Update: interim fix in progress"],
        ["状況報告: 暫定対処の効果が限定的。別の手段を準備中", "Update: the interim fix only partly helps; preparing another"],
    ],
    &[
        ["状況報告: 暫定対処が効いている。引き続き監視", "Update: the interim fix is working; still watching"],
        ["状況報告: 影響は解消。振り返りの日程を調整中", "Update: the impact is over; arranging the review"],
    ],
];

#[rustfmt::skip]
pub(crate) const ESCALATION_REASONS: &[T] = &[
    ["一次連絡先が会議中で出ないため", "First contact is in a meeting and not answering"],
    ["影響が大きく、上位者の判断が必要", "Impact is large; a senior decision is needed"],
    ["報告期限が迫っているため", "The report deadline is close"],
    ["一次連絡先が移動中で折り返しが遅れると連絡があった", "First contact is travelling and will be slow to call back"],
];

#[rustfmt::skip]
pub(crate) const MORE_SERIOUS: &[T] = &[
    ["影響範囲が想定より広いと判明", "More affected than first thought"],
    ["お客様への影響を確認したため", "Customer impact confirmed"],
    ["復旧に時間がかかる見込みのため", "Recovery will take longer than hoped"],
];

#[rustfmt::skip]
pub(crate) const LESS_SERIOUS: &[T] = &[
    ["影響は一部の利用者に限られると判明", "Impact is limited to a few users"],
    ["代替手段で業務を継続できているため", "Work goes on with the workaround"],
];

#[rustfmt::skip]
pub(crate) const WENT_WELL: &[T] = &[
    ["検知から報告までが速かった", "Reported quickly after detection"],
    ["手順書どおりに対処できた", "The runbook worked as written"],
    ["関係者への連絡に漏れがなかった", "Everyone concerned was told"],
    ["二人で確認しながら修正できた", "The fix was checked by two people"],
    ["状況報告を決めた間隔で出せた", "Updates went out on time"],
    ["影響範囲を早い段階で確定できた", "The scope was pinned down early"],
];

#[rustfmt::skip]
pub(crate) const WENT_BADLY: &[T] = &[
    ["一次連絡先につながるまで時間がかかった", "It took long to reach the first contact"],
    ["影響範囲の確定に時間がかかった", "The scope took too long to pin down"],
    ["手順書の連絡先が古かった", "The runbook's contact list was out of date"],
    ["交代時の引き継ぎで情報が漏れた", "Details were lost at the shift handover"],
    ["お客様への案内が遅れた", "Customers were told late"],
    ["判断を一人で抱えてしまった", "One person carried the decision alone"],
];

#[rustfmt::skip]
pub(crate) const SHARED_WITH: &[T] = &[
    ["運用部の全チーム", "All operations teams"],
    ["運用部、情報システム部", "Operations and IT"],
    ["全拠点の当直責任者", "Shift leads at every site"],
    ["部内定例会議で共有", "Shared at the weekly department meeting"],
    ["運用部、品質管理部(事例集に掲載)", "Operations and Quality (added to the casebook)"],
];

#[rustfmt::skip]
pub(crate) const REOPEN_REASONS: &[T] = &[
    ["同じ事象が再発したため", "It happened again"],
    ["お客様から追加の申告があったため", "A customer reported more impact"],
];

#[rustfmt::skip]
pub(crate) const REOPEN_NOTES: &[T] = &[
    ["再発分も同じ原因と確認。対策は変更なし", "The repeat had the same cause; the measures stand"],
    ["追加の申告分を対処済み", "The further reports have been dealt with"],
];

/// Notes to a readiness check answered no.
#[rustfmt::skip]
pub(crate) const CHECK_FAILED: &[T] = &[
    ["名簿に載っていなかった", "Not on the roster"],
    ["手順書が見つからなかった", "Could not find the runbook"],
    ["番号が古くつながらなかった", "The number was out of date"],
    ["担当者が決まっていない", "Nobody owns it yet"],
];
