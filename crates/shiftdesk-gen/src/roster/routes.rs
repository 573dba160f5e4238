//! Who the routes name, and the routes: a default one and one or more per category, each
//! level naming people of the groups it asks for.

use super::super::Rng;
use serde_json::Map;
use shiftdesk_core::category::Category;
use shiftdesk_core::roster::{Contact, Means, Route, RouteLevel};
use shiftdesk_core::severity::Severity;
use std::collections::{HashMap, HashSet};

/// What a person named on routes does; routes pick their levels by group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Group {
    Leader,
    Manager,
    Director,
    Executive,
    Network,
    Infra,
    ItHead,
    SecStaff,
    SecHead,
    Privacy,
    Asset,
    GaHead,
    Quality,
    Docs,
    Tools,
    Contract,
}

/// The people routes name, most needed first: (group, role, team, western name).
pub(super) const KEY_PEOPLE: &[(Group, &str, &str, bool)] = &[
    (Group::Leader, "当直責任者", "運用第1チーム", false),
    (Group::Leader, "当直責任者", "運用第2チーム", false),
    (Group::Manager, "運用課長", "運用部", false),
    (Group::Director, "運用部長", "運用部", false),
    (Group::Network, "Network on-call", "Infrastructure", true),
    (Group::Infra, "システム基盤担当", "情報システム部", false),
    (
        Group::SecStaff,
        "情報セキュリティ担当",
        "情報セキュリティ室",
        false,
    ),
    (
        Group::SecHead,
        "情報セキュリティ責任者",
        "情報セキュリティ室",
        false,
    ),
    (Group::Asset, "総務(資産管理)", "総務部", false),
    (Group::Leader, "シフトリーダー", "夜間当直", false),
    (
        Group::Network,
        "ネットワーク当番",
        "ネットワーク運用課",
        false,
    ),
    (Group::SecStaff, "Security officer", "Security", true),
    (
        Group::Executive,
        "執行役員(IT統括)",
        "情報システム部",
        false,
    ),
    (Group::ItHead, "情報システム部長", "情報システム部", false),
    (Group::Privacy, "個人情報保護管理者", "総務部", false),
    (Group::GaHead, "総務部長", "総務部", false),
    (Group::Quality, "品質管理責任者", "品質管理部", false),
    (Group::Docs, "マニュアル管理担当", "品質管理部", false),
    (Group::Tools, "ツール管理者", "情報システム部", false),
    (Group::Contract, "契約管理担当", "総務部", false),
    (Group::Manager, "運用課長", "運用部", false),
    (Group::Leader, "シフトリーダー", "運用第1チーム", false),
    (Group::Leader, "シフトリーダー", "運用第2チーム", false),
    (
        Group::Network,
        "ネットワーク当番",
        "ネットワーク運用課",
        false,
    ),
    (Group::Infra, "システム基盤担当", "情報システム部", false),
    (
        Group::Infra,
        "Site reliability engineer",
        "Infrastructure",
        true,
    ),
    (
        Group::SecStaff,
        "情報セキュリティ担当",
        "情報セキュリティ室",
        false,
    ),
    (Group::Asset, "IT asset manager", "Infrastructure", true),
    (Group::Asset, "総務(資産管理)", "総務部", false),
    (Group::Leader, "当直責任者", "夜間当直", false),
];

/// The key person marked away (a shift leader who shares their level with others).
pub(super) const AWAY_KEY_PERSON: usize = 21;

struct Level {
    picks: &'static [(Group, usize)],
    means: Means,
    report_within: u32,
    escalate_after: u32,
}

const fn level(
    picks: &'static [(Group, usize)],
    means: Means,
    report_within: u32,
    escalate_after: u32,
) -> Level {
    Level {
        picks,
        means,
        report_within,
        escalate_after,
    }
}

use Group::*;
use Means::{Chat, Email, Phone};

type RouteDef = (
    &'static str,
    &'static str,
    Option<Category>,
    u8,
    &'static [Level],
);

const ROUTES: &[RouteDef] = &[
    (
        "default",
        "Default route / 標準ルート",
        None,
        4,
        &[
            level(&[(Leader, 2)], Phone, 15, 5),
            level(&[(Manager, 1)], Phone, 10, 10),
            level(&[(Director, 1)], Phone, 15, 15),
        ],
    ),
    (
        "default-critical",
        "Critical, any category / 重大(全カテゴリ)",
        None,
        1,
        &[
            level(&[(Leader, 2)], Phone, 5, 5),
            level(&[(Manager, 1)], Phone, 5, 5),
            level(&[(Director, 1)], Phone, 10, 10),
            level(&[(Executive, 1)], Phone, 15, 15),
        ],
    ),
    (
        "outage",
        "System outage / システム障害",
        Some(Category::SystemOutage),
        4,
        &[
            level(&[(Network, 1), (Infra, 1), (Leader, 1)], Phone, 15, 10),
            level(&[(Manager, 1)], Phone, 15, 15),
        ],
    ),
    (
        "outage-high",
        "System outage, high / システム障害(高)",
        Some(Category::SystemOutage),
        2,
        &[
            level(&[(Network, 1), (Infra, 1), (Leader, 1)], Phone, 10, 5),
            level(&[(Manager, 1)], Phone, 10, 10),
            level(&[(ItHead, 1)], Phone, 15, 10),
        ],
    ),
    (
        "outage-critical",
        "System outage, critical / システム障害(緊急)",
        Some(Category::SystemOutage),
        1,
        &[
            level(&[(Network, 1), (Infra, 1), (Leader, 1)], Phone, 5, 5),
            level(&[(Manager, 1)], Phone, 5, 5),
            level(&[(Director, 1)], Phone, 10, 10),
            level(&[(Executive, 1)], Phone, 15, 15),
        ],
    ),
    (
        "security",
        "Security incident / セキュリティインシデント",
        Some(Category::Security),
        4,
        &[
            level(&[(SecStaff, 2), (Leader, 1)], Phone, 15, 10),
            level(&[(SecHead, 1)], Phone, 15, 10),
            level(&[(Privacy, 1)], Email, 30, 30),
        ],
    ),
    (
        "security-high",
        "Security incident, high / セキュリティインシデント(高)",
        Some(Category::Security),
        2,
        &[
            level(&[(SecStaff, 2)], Phone, 10, 5),
            level(&[(SecHead, 1)], Phone, 10, 10),
            level(&[(Privacy, 1)], Phone, 15, 10),
            level(&[(Executive, 1)], Phone, 15, 15),
        ],
    ),
    (
        "equipment-loss",
        "Lost or damaged equipment / 貸与品の紛失・破損",
        Some(Category::EquipmentLoss),
        4,
        &[
            level(&[(Leader, 1)], Phone, 15, 10),
            level(&[(Asset, 2)], Email, 30, 30),
            level(&[(GaHead, 1)], Phone, 30, 30),
        ],
    ),
    (
        "operation-mistake",
        "Operation mistake / 操作ミス",
        Some(Category::OperationMistake),
        4,
        &[
            level(&[(Leader, 2)], Phone, 15, 5),
            level(&[(Manager, 1)], Phone, 15, 10),
        ],
    ),
    (
        "operation-mistake-high",
        "Operation mistake, high / 操作ミス(高)",
        Some(Category::OperationMistake),
        2,
        &[
            level(&[(Leader, 2)], Phone, 10, 5),
            level(&[(Manager, 1)], Phone, 10, 10),
            level(&[(Director, 1)], Phone, 15, 10),
        ],
    ),
    (
        "doc-error",
        "Error in a document / 資料の誤記",
        Some(Category::DocError),
        4,
        &[
            level(&[(Leader, 1)], Phone, 30, 15),
            level(&[(Docs, 1), (Quality, 1)], Email, 60, 60),
        ],
    ),
    (
        "tool-damage",
        "Damaged tool or data / ツール・データの破損",
        Some(Category::ToolDamage),
        4,
        &[
            level(&[(Leader, 1)], Phone, 15, 10),
            level(&[(Tools, 1)], Chat, 30, 30),
            level(&[(Manager, 1)], Phone, 30, 15),
        ],
    ),
    (
        "out-of-scope",
        "Out-of-scope request / 対応範囲外の依頼",
        Some(Category::OutOfScope),
        4,
        &[
            level(&[(Leader, 1)], Chat, 30, 15),
            level(&[(Contract, 1), (Manager, 1)], Phone, 30, 30),
        ],
    ),
];

/// The routes, naming people of `groups` (indices into `contacts`).
pub(super) fn routes(
    groups: &HashMap<Group, Vec<usize>>,
    contacts: &[Contact],
    rng: &mut Rng,
) -> Vec<Route> {
    ROUTES
        .iter()
        .filter_map(|def| route(def, groups, contacts, rng))
        .collect()
}

/// A route from its definition, naming people of the groups asked for; each person once in
/// a route. With too few people, a level takes whoever is left, and levels nobody is left
/// for are dropped.
fn route(
    (id, name, category, min, levels): &RouteDef,
    groups: &HashMap<Group, Vec<usize>>,
    contacts: &[Contact],
    rng: &mut Rng,
) -> Option<Route> {
    let mut used: HashSet<usize> = HashSet::new();
    let mut out = Vec::new();
    for def in levels.iter() {
        let mut chosen = Vec::new();
        for &(group, count) in def.picks {
            // Someone away is named only beside others of the same level.
            let members: Vec<usize> = groups
                .get(&group)
                .map(|m| {
                    m.iter()
                        .copied()
                        .filter(|i| !used.contains(i))
                        .filter(|i| count > 1 || contacts[*i].unavailable.is_none())
                        .collect()
                })
                .unwrap_or_default();
            let start = rng.below(members.len().max(1));
            for k in 0..count.min(members.len()) {
                let i = members[(start + k) % members.len()];
                used.insert(i);
                chosen.push(i);
            }
        }
        if chosen.is_empty()
            && let Some(i) = (0..contacts.len())
                .find(|i| !used.contains(i) && contacts[*i].unavailable.is_none())
        {
            used.insert(i);
            chosen.push(i);
        }
        if chosen.is_empty() {
            break;
        }
        let reachable = chosen.iter().any(|&i| match def.means {
            Means::Email => !contacts[i].email.is_empty(),
            _ => true,
        });
        out.push(RouteLevel {
            contacts: chosen.iter().map(|&i| contacts[i].id.clone()).collect(),
            rotation: None,
            on_duty: None,
            means: if reachable { def.means } else { Means::Phone },
            report_within_minutes: def.report_within,
            escalate_after_minutes: def.escalate_after,
            extra: Map::new(),
        });
    }
    if out.is_empty() {
        return None;
    }
    Some(Route {
        id: id.to_string(),
        name: name.to_string(),
        category: *category,
        kind: None,
        min_severity: Severity::new(*min).unwrap_or(Severity::MINOR),
        levels: out,
        extra: Map::new(),
    })
}
