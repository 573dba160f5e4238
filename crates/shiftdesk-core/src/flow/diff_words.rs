//! Each difference of the flow in the reader's words. Names and texts from the files are
//! made safe here, as everything a person wrote is before it is shown.

use super::diff::{Applies, Book, Difference, GuidePart, Part};
use crate::i18n::{self, Lang, Msg, fill, t};
use crate::text::safe_line;

fn level(lang: Lang, index: usize) -> String {
    i18n::level(lang, index)
}

fn book(lang: Lang, b: &Book) -> String {
    let category = i18n::category(lang, b.category);
    match &b.kind {
        Some(kind) => format!("{category} / {}", safe_line(kind.get(lang))),
        None => category.to_string(),
    }
}

fn applies(lang: Lang, (category, kind, severity): &Applies) -> String {
    let mut out = match category {
        Some(c) => i18n::category(lang, *c).to_string(),
        None => t(lang, Msg::CheckAnyCategory).to_string(),
    };
    if let Some(kind) = kind {
        out.push_str(&format!(" ({})", safe_line(kind)));
    }
    let n = severity.to_string();
    out.push_str(&fill(lang, Msg::FlowSeverities, &[("n", &n)]));
    out
}

fn or_none(lang: Lang, s: &str) -> String {
    if s.is_empty() {
        t(lang, Msg::FlowNoNumber).to_string()
    } else {
        safe_line(s)
    }
}

fn names(list: &[String]) -> String {
    safe_line(&list.join(", "))
}

impl Difference {
    /// The difference as one line.
    pub fn words(&self, lang: Lang) -> String {
        use Difference as D;
        let l = |i: &usize| level(lang, *i);
        match self {
            D::ContactAdded { name } => {
                fill(lang, Msg::FlowContactAdded, &[("name", &safe_line(name))])
            }
            D::ContactRemoved { name } => {
                fill(lang, Msg::FlowContactRemoved, &[("name", &safe_line(name))])
            }
            D::Numbers { name, old, new } => fill(
                lang,
                Msg::FlowNumbers,
                &[
                    ("name", &safe_line(name)),
                    ("old", &or_none(lang, old)),
                    ("new", &or_none(lang, new)),
                ],
            ),
            D::ContactFields { name, fields } => fill(
                lang,
                Msg::FlowContactFields,
                &[("name", &safe_line(name)), ("fields", &names(fields))],
            ),
            D::RouteAdded { route } => {
                fill(lang, Msg::FlowRouteAdded, &[("route", &safe_line(route))])
            }
            D::RouteRemoved { route } => {
                fill(lang, Msg::FlowRouteRemoved, &[("route", &safe_line(route))])
            }
            D::RouteApplies { route, old, new } => fill(
                lang,
                Msg::FlowRouteApplies,
                &[
                    ("route", &safe_line(route)),
                    ("old", &applies(lang, old)),
                    ("new", &applies(lang, new)),
                ],
            ),
            D::LevelAdded { route, level } => fill(
                lang,
                Msg::FlowLevelAdded,
                &[("route", &safe_line(route)), ("level", &l(level))],
            ),
            D::LevelRemoved { route, level } => fill(
                lang,
                Msg::FlowLevelRemoved,
                &[("route", &safe_line(route)), ("level", &l(level))],
            ),
            D::Deadline {
                route,
                level,
                old,
                new,
            } => minutes(lang, Msg::FlowDeadline, route, l(level), (*old, *new)),
            D::EscalateAfter {
                route,
                level,
                old,
                new,
            } => minutes(lang, Msg::FlowEscalateAfter, route, l(level), (*old, *new)),
            D::Means {
                route,
                level,
                old,
                new,
            } => fill(
                lang,
                Msg::FlowMeans,
                &[
                    ("route", &safe_line(route)),
                    ("level", &l(level)),
                    ("old", i18n::means(lang, *old)),
                    ("new", i18n::means(lang, *new)),
                ],
            ),
            D::LevelPeople {
                route,
                level,
                added,
                removed,
            } => {
                let mut what = Vec::new();
                if !added.is_empty() {
                    what.push(fill(lang, Msg::FlowAdded, &[("names", &names(added))]));
                }
                if !removed.is_empty() {
                    what.push(fill(lang, Msg::FlowRemoved, &[("names", &names(removed))]));
                }
                fill(
                    lang,
                    Msg::FlowPeople,
                    &[
                        ("route", &safe_line(route)),
                        ("level", &l(level)),
                        ("what", &what.join("; ")),
                    ],
                )
            }
            D::RosterSetting { key } => {
                fill(lang, Msg::FlowRosterSetting, &[("key", &safe_line(key))])
            }
            D::StepAdded {
                book: b,
                phase,
                text,
            } => step(lang, Msg::FlowStepAdded, b, *phase, text.get(lang)),
            D::StepRemoved {
                book: b,
                phase,
                text,
            } => step(lang, Msg::FlowStepRemoved, b, *phase, text.get(lang)),
            D::StepChanged {
                book: b,
                phase,
                old,
                new,
            } => fill(
                lang,
                Msg::FlowStepChanged,
                &[
                    ("book", &book(lang, b)),
                    ("phase", i18n::phase(lang, *phase)),
                    ("old", &safe_line(old.get(lang))),
                    ("new", &safe_line(new.get(lang))),
                ],
            ),
            D::KindAdded { category, name } => fill(
                lang,
                Msg::FlowKindAdded,
                &[
                    ("category", i18n::category(lang, *category)),
                    ("name", &safe_line(name.get(lang))),
                ],
            ),
            D::KindRemoved { category, name } => fill(
                lang,
                Msg::FlowKindRemoved,
                &[
                    ("category", i18n::category(lang, *category)),
                    ("name", &safe_line(name.get(lang))),
                ],
            ),
            D::OwnPlaybooks { own: true } => t(lang, Msg::FlowOwnPlaybooks).to_string(),
            D::OwnPlaybooks { own: false } => t(lang, Msg::FlowBundledPlaybooks).to_string(),
            D::OwnGuide { own: true } => t(lang, Msg::FlowOwnGuide).to_string(),
            D::OwnGuide { own: false } => t(lang, Msg::FlowBundledGuide).to_string(),
            D::Guide { part } => guide(lang, part),
            D::PartChanged { part } => t(
                lang,
                match part {
                    Part::Roster => Msg::FlowRosterChanged,
                    Part::Playbooks => Msg::FlowPlaybooksChanged,
                    Part::Guide => Msg::FlowGuideChanged,
                },
            )
            .to_string(),
        }
    }
}

fn minutes(lang: Lang, msg: Msg, route: &str, level: String, (old, new): (u32, u32)) -> String {
    fill(
        lang,
        msg,
        &[
            ("route", &safe_line(route)),
            ("level", &level),
            ("old", &old.to_string()),
            ("new", &new.to_string()),
        ],
    )
}

fn step(lang: Lang, msg: Msg, b: &Book, phase: crate::playbook::Phase, text: &str) -> String {
    fill(
        lang,
        msg,
        &[
            ("book", &book(lang, b)),
            ("phase", i18n::phase(lang, phase)),
            ("text", &safe_line(text)),
        ],
    )
}

fn guide(lang: Lang, part: &GuidePart) -> String {
    match part {
        GuidePart::Category(c) => fill(
            lang,
            Msg::FlowGuideCategory,
            &[("category", i18n::category(lang, *c))],
        ),
        GuidePart::Scope => t(lang, Msg::FlowGuideScope).to_string(),
        GuidePart::Risks => t(lang, Msg::FlowGuideRisks).to_string(),
        GuidePart::Obligations => t(lang, Msg::FlowGuideObligations).to_string(),
        GuidePart::Note => t(lang, Msg::FlowGuideNote).to_string(),
        GuidePart::Other(key) => fill(lang, Msg::FlowGuideOther, &[("key", &safe_line(key))]),
    }
}
