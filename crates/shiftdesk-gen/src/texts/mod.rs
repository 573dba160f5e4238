//! What operators write: for each category, kinds of incident with the words that go with
//! them, and the notes, updates and review phrases any incident may carry.
//!
//! Every text is a pair, Japanese then English; an incident is written in one language.
//! Texts may hold `{sys}` (any system), `{app}` (a business application holding customer or
//! order data), `{site}`, `{dev}`, `{tool}`, `{doc}` and `{n}`, filled per incident.

mod operational;
mod outage;
mod security;
mod shared;
mod team;

pub(super) use shared::*;

use shiftdesk_core::category::Category;

/// A text in Japanese and English.
pub(super) type T = [&'static str; 2];

/// One kind of incident of a category, with words that fit together. An incident takes
/// its title, description and cause at the same position (modulo each list's length), so
/// lists whose entries pair up are written in the same order.
pub(super) struct Kind {
    pub titles: &'static [T],
    pub descriptions: &'static [T],
    pub services: &'static [T],
    /// Who or what is affected; `{n}` is the estimated count.
    pub affected: &'static [T],
    /// The range the estimated count is drawn from.
    pub count: (u64, u64),
    /// Interim actions, roughly in the order they are tried.
    pub actions: &'static [T],
    pub advice: &'static [T],
    pub causes: &'static [T],
    /// Measures against recurrence; the first one taken is at the incident's position too.
    pub measures: &'static [T],
}

pub(super) fn kinds(category: Category) -> &'static [Kind] {
    match category {
        Category::SystemOutage => outage::OUTAGE,
        Category::OperationMistake => operational::MISTAKE,
        Category::DocError => operational::DOC_ERROR,
        Category::OutOfScope => operational::OUT_OF_SCOPE,
        Category::Security => security::SECURITY,
        Category::ToolDamage => team::TOOL_DAMAGE,
        Category::EquipmentLoss => team::EQUIPMENT,
        Category::Other => team::OTHER,
    }
}

/// People outside the roster an operator may consult about a category.
pub(super) fn outsiders(category: Category) -> &'static [T] {
    match category {
        Category::SystemOutage => &[
            ["保守ベンダーのサポート窓口", "the vendor's support desk"],
            [
                "データセンターの常駐技術者",
                "the data centre's on-site engineer",
            ],
            ["開発委託先の担当者", "the contractor who built the system"],
        ],
        Category::Security => &[
            ["カード発行窓口", "the card office"],
            ["警備室", "the security desk"],
            ["法務部の担当者", "someone in Legal"],
        ],
        Category::EquipmentLoss => &[
            ["最寄りの警察署(遺失物係)", "the police lost-property desk"],
            ["携帯キャリアの紛失受付", "the mobile carrier's loss line"],
            ["リース会社", "the leasing company"],
        ],
        Category::Other => &[
            ["ビル管理会社", "the building management company"],
            ["電力会社の停電情報窓口", "the power company's outage line"],
        ],
        _ => &[
            ["隣のチームのリーダー", "the lead of the next team"],
            ["前任の担当者", "the person who used to own it"],
        ],
    }
}

/// Systems an incident may be about.
pub(super) const SYSTEMS: &[T] = &[
    ["メールサーバ", "mail server"],
    ["VPN", "VPN"],
    ["勤怠管理システム", "attendance system"],
    ["顧客管理システム", "CRM"],
    ["ファイルサーバ", "file server"],
    ["受注システム", "order system"],
    ["社内ポータル", "intranet portal"],
    ["コールセンターのPBX", "call-centre PBX"],
    ["基幹DB", "core database"],
    ["チケット管理システム", "ticketing system"],
    ["会員向けWebサイト", "members' website"],
    ["決済連携API", "payment API"],
    ["監視サーバ", "monitoring server"],
    ["社内無線LAN", "office Wi-Fi"],
    ["経費精算システム", "expenses system"],
    ["在庫管理システム", "stock system"],
];

/// Business applications that hold customers' and orders' data.
pub(super) const APPS: &[T] = &[
    ["顧客管理システム", "CRM"],
    ["受注システム", "order system"],
    ["会員管理システム", "membership system"],
    ["請求システム", "billing system"],
    ["予約システム", "booking system"],
];

/// Equipment lent to staff.
pub(super) const DEVICES: &[T] = &[
    ["ノートPC", "laptop"],
    ["社用スマートフォン", "company smartphone"],
    ["タブレット", "tablet"],
    ["USBメモリ", "USB stick"],
    ["モバイルWi-Fiルータ", "mobile Wi-Fi router"],
    ["ヘッドセット", "headset"],
];

/// The team's own tools and shared data.
pub(super) const TOOLS: &[T] = &[
    ["シフト表のExcel", "shift schedule spreadsheet"],
    ["問い合わせ管理表", "enquiry log sheet"],
    ["月次集計マクロ", "monthly report macro"],
    ["手順書の共有フォルダ", "shared runbook folder"],
    ["顧客連絡先リスト", "customer contact list"],
    ["引き継ぎノート", "handover notebook file"],
];

/// Manuals and documents.
pub(super) const DOCS: &[T] = &[
    ["障害対応手順書", "outage runbook"],
    ["受付マニュアル", "intake manual"],
    ["エスカレーション表", "escalation sheet"],
    ["FAQ", "FAQ"],
    ["設定手順書", "configuration guide"],
    ["新人研修資料", "training pack"],
];

/// The words one incident fills its texts with.
#[derive(Debug, Clone, Copy)]
pub(super) struct Fill {
    pub ja: bool,
    pub sys: T,
    pub app: T,
    pub site: T,
    pub dev: T,
    pub tool: T,
    pub doc: T,
    pub n: u64,
}

impl Fill {
    /// The text in the incident's language, with its words filled in; in English, with a
    /// capital first letter.
    pub fn text(&self, t: &T) -> String {
        let k = usize::from(!self.ja);
        let s = t[k];
        if !s.contains('{') {
            return s.to_string();
        }
        let filled = s
            .replace("{sys}", self.sys[k])
            .replace("{app}", self.app[k])
            .replace("{site}", self.site[k])
            .replace("{dev}", self.dev[k])
            .replace("{tool}", self.tool[k])
            .replace("{doc}", self.doc[k])
            .replace("{n}", &self.n.to_string());
        let mut chars = filled.chars();
        match chars.next() {
            Some(first) if !self.ja && first.is_ascii_lowercase() => {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            }
            _ => filled,
        }
    }

    /// Japanese or English as the incident is written.
    pub fn lang(&self, ja: &str, en: &str) -> String {
        if self.ja { ja } else { en }.to_string()
    }
}
