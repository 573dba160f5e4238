//! What each roster problem says, and how to fix it, in both languages: the texts are in
//! `shiftdesk-words`; here, which one and what fills it. Text from the roster is made safe
//! to show, and levels count from 1.

use super::*;
use crate::i18n::{Msg, fill, t};

impl Problem {
    /// True for [`Level::Error`].
    pub fn is_error(&self) -> bool {
        self.level == Level::Error
    }

    /// What is wrong, in plain words.
    pub fn message(&self, lang: Lang) -> String {
        match &self.kind {
            ProblemKind::ContactIdEmpty { contact } => fill(
                lang,
                Msg::CheckContactIdEmpty,
                &[("contact", &safe_line(contact))],
            ),
            ProblemKind::DuplicateContactId { id, first } => fill(
                lang,
                Msg::CheckDuplicateContactId,
                &[("id", &safe_line(id)), ("first", &first.to_string())],
            ),
            ProblemKind::ContactNameEmpty { contact } => fill(
                lang,
                Msg::CheckContactNameEmpty,
                &[("contact", &safe_line(contact))],
            ),
            ProblemKind::NoWayToReach { contact } => fill(
                lang,
                Msg::CheckNoWayToReach,
                &[("contact", &safe_line(contact))],
            ),
            ProblemKind::BadPhone { contact, number } => fill(
                lang,
                Msg::CheckBadPhone,
                &[
                    ("number", &safe_line(number)),
                    ("contact", &safe_line(contact)),
                ],
            ),
            ProblemKind::BadEmail { contact, email } => fill(
                lang,
                Msg::CheckBadEmail,
                &[
                    ("email", &safe_line(email)),
                    ("contact", &safe_line(contact)),
                ],
            ),
            ProblemKind::UnusedContact { contact } => fill(
                lang,
                Msg::CheckUnusedContact,
                &[("contact", &safe_line(contact))],
            ),
            ProblemKind::DuplicateRouteId { id, first } => fill(
                lang,
                Msg::CheckDuplicateRouteId,
                &[("id", &safe_line(id)), ("first", &first.to_string())],
            ),
            ProblemKind::ShadowedRoute {
                route,
                earlier,
                category,
                min_severity,
            } => fill(
                lang,
                Msg::CheckShadowedRoute,
                &[
                    ("route", &safe_line(route)),
                    ("earlier", &safe_line(earlier)),
                    (
                        "category",
                        category.map_or(t(lang, Msg::CheckAnyCategory), Category::id),
                    ),
                    ("min_severity", &min_severity.to_string()),
                ],
            ),
            ProblemKind::NoLevels { route } => {
                fill(lang, Msg::CheckNoLevels, &[("route", &safe_line(route))])
            }
            ProblemKind::EmptyLevel { route, level } => fill(
                lang,
                Msg::CheckEmptyLevel,
                &[("route", &safe_line(route)), ("level", &nth(*level))],
            ),
            ProblemKind::UnknownContact {
                route,
                level,
                contact,
            } => fill(
                lang,
                Msg::CheckUnknownContact,
                &[
                    ("route", &safe_line(route)),
                    ("level", &nth(*level)),
                    ("contact", &safe_line(contact)),
                ],
            ),
            ProblemKind::DuplicateInRoute {
                route,
                level,
                contact,
                first_level,
            } if first_level == level => fill(
                lang,
                Msg::CheckListedTwice,
                &[
                    ("contact", &safe_line(contact)),
                    ("level", &nth(*level)),
                    ("route", &safe_line(route)),
                ],
            ),
            ProblemKind::DuplicateInRoute {
                route,
                level,
                contact,
                first_level,
            } => fill(
                lang,
                Msg::CheckListedAgain,
                &[
                    ("contact", &safe_line(contact)),
                    ("level", &nth(*level)),
                    ("route", &safe_line(route)),
                    ("first_level", &nth(*first_level)),
                ],
            ),
            ProblemKind::NoUsableMeans {
                route,
                level,
                means,
            } => {
                let (level, route) = (nth(*level), safe_line(route));
                let args = [("level", level.as_str()), ("route", &route)];
                match means {
                    Means::Phone => fill(lang, Msg::CheckNoUsablePhone, &args),
                    Means::Email => fill(lang, Msg::CheckNoUsableEmail, &args),
                    Means::Chat => fill(lang, Msg::CheckNoUsableChat, &args),
                }
            }
            ProblemKind::ZeroMinutes {
                route,
                level,
                field,
            } => {
                let (level, route) = (nth(*level), safe_line(route));
                let args = [
                    ("level", level.as_str()),
                    ("route", &route),
                    ("key", field.key()),
                ];
                match field {
                    MinutesField::ReportWithin => fill(lang, Msg::CheckZeroReportWithin, &args),
                    MinutesField::EscalateAfter => fill(lang, Msg::CheckZeroEscalateAfter, &args),
                }
            }
            ProblemKind::Uncovered {
                category,
                severities,
                ..
            } => fill(
                lang,
                Msg::CheckUncovered,
                &[
                    ("category", i18n::category(lang, *category)),
                    ("id", category.id()),
                    ("severities", &severity_list(severities)),
                ],
            ),
            ProblemKind::CadenceUnknownKey { key } => fill(
                lang,
                Msg::CheckCadenceUnknownKey,
                &[("key", &safe_line(key))],
            ),
            ProblemKind::CadenceZero { key } => fill(
                lang,
                Msg::CheckCadenceZero,
                &[
                    ("key", &safe_line(key)),
                    ("default", &default_cadence(key).to_string()),
                ],
            ),
            ProblemKind::SampleRoster => t(lang, Msg::CheckSampleRoster).to_string(),
            ProblemKind::Rotation(p) => p.message(lang),
        }
    }

    /// What to do about it, in plain words.
    pub fn fix(&self, lang: Lang) -> String {
        match &self.kind {
            ProblemKind::ContactIdEmpty { .. } => t(lang, Msg::FixContactIdEmpty).to_string(),
            ProblemKind::DuplicateContactId { id, .. } => {
                fill(lang, Msg::FixDuplicateContactId, &[("id", &safe_line(id))])
            }
            ProblemKind::ContactNameEmpty { .. } => t(lang, Msg::FixContactNameEmpty).to_string(),
            ProblemKind::NoWayToReach { .. } => t(lang, Msg::FixNoWayToReach).to_string(),
            ProblemKind::BadPhone { .. } => t(lang, Msg::FixBadPhone).to_string(),
            ProblemKind::BadEmail { .. } => t(lang, Msg::FixBadEmail).to_string(),
            ProblemKind::UnusedContact { contact } => fill(
                lang,
                Msg::FixUnusedContact,
                &[("contact", &safe_line(contact))],
            ),
            ProblemKind::DuplicateRouteId { .. } => t(lang, Msg::FixDuplicateRouteId).to_string(),
            ProblemKind::ShadowedRoute { earlier, .. } => fill(
                lang,
                Msg::FixShadowedRoute,
                &[("earlier", &safe_line(earlier))],
            ),
            ProblemKind::NoLevels { .. } => t(lang, Msg::FixNoLevels).to_string(),
            ProblemKind::EmptyLevel { .. } => t(lang, Msg::FixEmptyLevel).to_string(),
            ProblemKind::UnknownContact { contact, .. } => fill(
                lang,
                Msg::FixUnknownContact,
                &[("contact", &safe_line(contact))],
            ),
            ProblemKind::DuplicateInRoute { .. } => t(lang, Msg::FixDuplicateInRoute).to_string(),
            ProblemKind::NoUsableMeans { means, .. } => match means {
                Means::Phone => t(lang, Msg::FixNoUsablePhone).to_string(),
                Means::Email => t(lang, Msg::FixNoUsableEmail).to_string(),
                Means::Chat => t(lang, Msg::FixNoUsableChat).to_string(),
            },
            ProblemKind::ZeroMinutes { field, .. } => {
                fill(lang, Msg::FixZeroMinutes, &[("key", field.key())])
            }
            ProblemKind::Uncovered {
                category,
                severities,
                default_reaches,
            } => {
                let least = severities.iter().max().copied().unwrap_or(Severity::MINOR);
                let (id, least) = (category.id(), least.to_string());
                match default_reaches {
                    None => fill(
                        lang,
                        Msg::FixNoDefaultRoute,
                        &[("id", id), ("least", &least)],
                    ),
                    Some(reach) => fill(
                        lang,
                        Msg::FixShortDefaultRoute,
                        &[("reach", &reach.to_string()), ("id", id), ("least", &least)],
                    ),
                }
            }
            ProblemKind::CadenceUnknownKey { .. } => t(lang, Msg::FixCadenceUnknownKey).to_string(),
            ProblemKind::CadenceZero { .. } => t(lang, Msg::FixCadenceZero).to_string(),
            ProblemKind::SampleRoster => t(lang, Msg::FixSampleRoster).to_string(),
            ProblemKind::Rotation(p) => p.fix(lang),
        }
    }
}

/// A level's index from 0 as the message counts it, from 1.
fn nth(level: usize) -> String {
    (level + 1).to_string()
}

fn severity_list(severities: &[Severity]) -> String {
    severities
        .iter()
        .map(Severity::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}
