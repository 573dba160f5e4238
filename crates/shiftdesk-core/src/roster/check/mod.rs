//! Checking a roster before anyone relies on it: every problem, where it is, and what to do.
//!
//! [`check`] is pure: it reads the roster only, never a file, the terminal or the clock. So an
//! unavailability whose `until` has already passed is not reported (there is no "now" here).
//!
//! Each [`Problem`] names its place in JSON-path-like form (`routes[2].levels[0].contacts[1]`,
//! `contacts[3].phones[0].number`, `update_cadence_minutes.2`, `routes` for coverage) and
//! explains itself in Japanese or English with [`Problem::message`] and [`Problem::fix`].
//! Indices in places count from 0, as in the file; levels in messages count from 1, as the
//! route pane shows them.
//!
//! A level is usable by its means when one of its contacts has: for `phone`, a plausible phone
//! number; for `email`, a plausible email address; for `chat`, either of the two (chat tools
//! find people by address or by number).

use crate::category::Category;
use crate::i18n::{self, Lang};
use crate::roster::{Contact, DEFAULT_UPDATE_CADENCE, Means, Roster, Route};
use crate::severity::Severity;
use crate::text::{has_content, normalize_input, safe_line};
use std::collections::{HashMap, HashSet};

mod rotations;
mod words;
pub use rotations::RotationProblem;

/// How much a problem matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Level {
    /// The roster would mislead an operator mid-incident: fix it before relying on it.
    Error,
    /// Worth a look; the roster still works.
    Warning,
}

/// Which minutes field of a level a problem is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MinutesField {
    /// `report_within_minutes`.
    ReportWithin,
    /// `escalate_after_minutes`.
    EscalateAfter,
}

impl MinutesField {
    /// The field's key in the file.
    pub fn key(self) -> &'static str {
        match self {
            MinutesField::ReportWithin => "report_within_minutes",
            MinutesField::EscalateAfter => "escalate_after_minutes",
        }
    }
}

/// What is wrong. Text from the roster is kept as written; [`Problem::message`] and
/// [`Problem::fix`] make it safe to show.
///
/// In the fields, `route` is the route's id and `contact` the contact's id (for a contact
/// without one, its name or `#n`, its position from 1); `level`, `first` and `first_level`
/// are indices from 0.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// A contact's id is empty.
    ContactIdEmpty { contact: String },
    /// A contact id already used by an earlier contact.
    DuplicateContactId {
        id: String,
        /// Index of the first contact with this id.
        first: usize,
    },
    /// A contact's name is empty.
    ContactNameEmpty { contact: String },
    /// A contact with neither a phone number nor an email address.
    NoWayToReach { contact: String },
    /// A phone number that is not 6 to 15 digits.
    BadPhone { contact: String, number: String },
    /// An email address that does not look like one.
    BadEmail { contact: String, email: String },
    /// A contact no route uses (warning).
    UnusedContact { contact: String },
    /// A route id already used by an earlier route.
    DuplicateRouteId {
        id: String,
        /// Index of the first route with this id.
        first: usize,
    },
    /// A route with the same category and minimum severity as an earlier one, so it never
    /// applies (warning).
    ShadowedRoute {
        route: String,
        /// Id of the earlier route that wins.
        earlier: String,
        category: Option<Category>,
        min_severity: Severity,
    },
    /// A route without levels.
    NoLevels { route: String },
    /// A level listing no contacts.
    EmptyLevel { route: String, level: usize },
    /// A level naming a contact id that is not in `contacts`.
    UnknownContact {
        route: String,
        level: usize,
        contact: String,
    },
    /// A contact listed a second time in the same route.
    DuplicateInRoute {
        route: String,
        level: usize,
        contact: String,
        /// The level where the contact appears first.
        first_level: usize,
    },
    /// A level none of whose (existing) contacts can be reached by its means.
    NoUsableMeans {
        route: String,
        level: usize,
        means: Means,
    },
    /// A level's minutes field is 0.
    ZeroMinutes {
        route: String,
        level: usize,
        field: MinutesField,
    },
    /// Severities of a category for which no route applies.
    Uncovered {
        category: Category,
        severities: Vec<Severity>,
        /// The least serious `min_severity` among default routes, if there is any.
        default_reaches: Option<Severity>,
    },
    /// An `update_cadence_minutes` key other than "1" to "4" (warning).
    CadenceUnknownKey { key: String },
    /// An `update_cadence_minutes` value of 0 (warning).
    CadenceZero { key: String },
    /// The roster is still the bundled sample (warning).
    SampleRoster,
    /// A problem of a rotation, or of a route level naming one.
    Rotation(RotationProblem),
}

impl ProblemKind {
    /// How much this kind of problem matters.
    pub fn level(&self) -> Level {
        match self {
            ProblemKind::UnusedContact { .. }
            | ProblemKind::ShadowedRoute { .. }
            | ProblemKind::CadenceUnknownKey { .. }
            | ProblemKind::CadenceZero { .. }
            | ProblemKind::SampleRoster => Level::Warning,
            ProblemKind::Rotation(p) => p.level(),
            ProblemKind::ContactIdEmpty { .. }
            | ProblemKind::DuplicateContactId { .. }
            | ProblemKind::ContactNameEmpty { .. }
            | ProblemKind::NoWayToReach { .. }
            | ProblemKind::BadPhone { .. }
            | ProblemKind::BadEmail { .. }
            | ProblemKind::DuplicateRouteId { .. }
            | ProblemKind::NoLevels { .. }
            | ProblemKind::EmptyLevel { .. }
            | ProblemKind::UnknownContact { .. }
            | ProblemKind::DuplicateInRoute { .. }
            | ProblemKind::NoUsableMeans { .. }
            | ProblemKind::ZeroMinutes { .. }
            | ProblemKind::Uncovered { .. } => Level::Error,
        }
    }
}

/// One problem found in a roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Error or warning; always `kind.level()`.
    pub level: Level,
    /// Where, in JSON-path-like form: e.g. `routes[2].levels[0].contacts[1]`,
    /// `contacts[3].phones[0].number`, `contacts[4].email`, `update_cadence_minutes.2`,
    /// `routes` (for coverage problems).
    pub place: String,
    /// What is wrong, with the data the explanation needs.
    pub kind: ProblemKind,
}

impl Problem {
    fn new(place: String, kind: ProblemKind) -> Problem {
        Problem {
            level: kind.level(),
            place,
            kind,
        }
    }
}

/// Every problem of the roster, in a stable order: contacts, then routes, then coverage,
/// then update cadence, then the sample mark.
pub fn check(roster: &Roster) -> Vec<Problem> {
    let mut out = Vec::new();
    check_contacts(roster, &mut out);
    check_routes(roster, &mut out);
    check_coverage(roster, &mut out);
    check_cadence(roster, &mut out);
    rotations::check_rotations(roster, &mut out);
    if roster.sample {
        out.push(Problem::new("sample".into(), ProblemKind::SampleRoster));
    }
    out
}

/// True when any problem is an [`Level::Error`].
pub fn has_errors(problems: &[Problem]) -> bool {
    problems.iter().any(Problem::is_error)
}

/// A phone number a person could dial: after NFKC (full-width digits become ASCII) and
/// removing spaces, hyphens, dots, parentheses and one leading `+`, 6 to 15 ASCII digits.
pub fn is_plausible_phone(number: &str) -> bool {
    let normal = normalize_input(number);
    let trimmed = normal.trim();
    let body = trimmed.strip_prefix('+').unwrap_or(trimmed);
    let mut digits = 0;
    for c in body.chars() {
        match c {
            ' ' | '-' | '.' | '(' | ')' => {}
            c if c.is_ascii_digit() => digits += 1,
            _ => return false,
        }
    }
    (6..=15).contains(&digits)
}

/// An address a mail client would take: exactly one `@`, something before it, a domain of
/// dot-separated non-empty parts (at least two), no whitespace and no control characters.
pub fn is_plausible_email(email: &str) -> bool {
    if email.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && domain.split('.').all(|part| !part.is_empty())
}

/// True when the contact can be reached by the means.
fn reachable_by(contact: &Contact, means: Means) -> bool {
    let phone = || contact.phones.iter().any(|p| is_plausible_phone(&p.number));
    let email = || is_plausible_email(&contact.email);
    match means {
        Means::Phone => phone(),
        Means::Email => email(),
        Means::Chat => email() || phone(),
    }
}

fn check_contacts(roster: &Roster, out: &mut Vec<Problem>) {
    let used: HashSet<&str> = roster
        .routes
        .iter()
        .flat_map(|r| &r.levels)
        .flat_map(|l| &l.contacts)
        .chain(roster.rotations.iter().flat_map(|r| &r.people))
        .chain(
            roster
                .rotations
                .iter()
                .flat_map(|r| r.overrides.iter().map(|o| &o.person)),
        )
        .map(String::as_str)
        .collect();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, c) in roster.contacts.iter().enumerate() {
        let who = contact_label(i, c);
        let at = |field: &str| format!("contacts[{i}]{field}");
        if !has_content(&c.id) {
            out.push(Problem::new(
                at(".id"),
                ProblemKind::ContactIdEmpty {
                    contact: who.clone(),
                },
            ));
        } else if let Some(&first) = seen.get(c.id.as_str()) {
            out.push(Problem::new(
                at(".id"),
                ProblemKind::DuplicateContactId {
                    id: c.id.clone(),
                    first,
                },
            ));
        } else {
            seen.insert(&c.id, i);
        }
        if !has_content(&c.name) {
            out.push(Problem::new(
                at(".name"),
                ProblemKind::ContactNameEmpty {
                    contact: who.clone(),
                },
            ));
        }
        for (j, p) in c.phones.iter().enumerate() {
            if !is_plausible_phone(&p.number) {
                out.push(Problem::new(
                    at(&format!(".phones[{j}].number")),
                    ProblemKind::BadPhone {
                        contact: who.clone(),
                        number: p.number.clone(),
                    },
                ));
            }
        }
        if !c.email.is_empty() && !is_plausible_email(&c.email) {
            out.push(Problem::new(
                at(".email"),
                ProblemKind::BadEmail {
                    contact: who.clone(),
                    email: c.email.clone(),
                },
            ));
        }
        if c.phones.is_empty() && c.email.is_empty() {
            out.push(Problem::new(
                at(""),
                ProblemKind::NoWayToReach {
                    contact: who.clone(),
                },
            ));
        }
        if has_content(&c.id) && !used.contains(c.id.as_str()) {
            out.push(Problem::new(
                at(""),
                ProblemKind::UnusedContact { contact: who },
            ));
        }
    }
}

fn check_routes(roster: &Roster, out: &mut Vec<Problem>) {
    let mut ids: HashMap<&str, usize> = HashMap::new();
    let mut keys: HashMap<(Option<Category>, Severity), &str> = HashMap::new();
    for (i, route) in roster.routes.iter().enumerate() {
        let key = (route.category, route.min_severity);
        match keys.get(&key) {
            Some(earlier) => out.push(Problem::new(
                format!("routes[{i}]"),
                ProblemKind::ShadowedRoute {
                    route: route.id.clone(),
                    earlier: (*earlier).to_string(),
                    category: route.category,
                    min_severity: route.min_severity,
                },
            )),
            None => {
                keys.insert(key, &route.id);
            }
        }
        match ids.get(route.id.as_str()) {
            Some(&first) => out.push(Problem::new(
                format!("routes[{i}].id"),
                ProblemKind::DuplicateRouteId {
                    id: route.id.clone(),
                    first,
                },
            )),
            None => {
                ids.insert(&route.id, i);
            }
        }
        check_levels(roster, i, route, out);
    }
}

fn check_levels(roster: &Roster, i: usize, route: &Route, out: &mut Vec<Problem>) {
    if route.levels.is_empty() {
        out.push(Problem::new(
            format!("routes[{i}].levels"),
            ProblemKind::NoLevels {
                route: route.id.clone(),
            },
        ));
    }
    // Contact id → the level where the route lists it first.
    let mut first_level: HashMap<&str, usize> = HashMap::new();
    for (j, level) in route.levels.iter().enumerate() {
        let at = format!("routes[{i}].levels[{j}]");
        if level.contacts.is_empty() && level.rotation.is_none() {
            out.push(Problem::new(
                format!("{at}.contacts"),
                ProblemKind::EmptyLevel {
                    route: route.id.clone(),
                    level: j,
                },
            ));
        }
        let mut known = Vec::new();
        for (k, id) in level.contacts.iter().enumerate() {
            let place = format!("{at}.contacts[{k}]");
            match roster.contact(id) {
                None => out.push(Problem::new(
                    place,
                    ProblemKind::UnknownContact {
                        route: route.id.clone(),
                        level: j,
                        contact: id.clone(),
                    },
                )),
                Some(contact) => {
                    known.push(contact);
                    match first_level.get(id.as_str()) {
                        Some(&first) => out.push(Problem::new(
                            place,
                            ProblemKind::DuplicateInRoute {
                                route: route.id.clone(),
                                level: j,
                                contact: id.clone(),
                                first_level: first,
                            },
                        )),
                        None => {
                            first_level.insert(id, j);
                        }
                    }
                }
            }
        }
        if !known.is_empty() && !known.iter().any(|c| reachable_by(c, level.means)) {
            out.push(Problem::new(
                at.clone(),
                ProblemKind::NoUsableMeans {
                    route: route.id.clone(),
                    level: j,
                    means: level.means,
                },
            ));
        }
        for (field, minutes) in [
            (MinutesField::ReportWithin, level.report_within_minutes),
            (MinutesField::EscalateAfter, level.escalate_after_minutes),
        ] {
            if minutes == 0 {
                out.push(Problem::new(
                    format!("{at}.{}", field.key()),
                    ProblemKind::ZeroMinutes {
                        route: route.id.clone(),
                        level: j,
                        field,
                    },
                ));
            }
        }
    }
}

fn check_coverage(roster: &Roster, out: &mut Vec<Problem>) {
    let default_reaches = roster
        .routes
        .iter()
        .filter(|r| r.category.is_none())
        .map(|r| r.min_severity)
        .max();
    for category in Category::ALL {
        let severities: Vec<Severity> = Severity::ALL
            .into_iter()
            .filter(|s| roster.route_for(category, *s).is_none())
            .collect();
        if !severities.is_empty() {
            out.push(Problem::new(
                "routes".into(),
                ProblemKind::Uncovered {
                    category,
                    severities,
                    default_reaches,
                },
            ));
        }
    }
}

fn check_cadence(roster: &Roster, out: &mut Vec<Problem>) {
    let Some(cadence) = &roster.update_cadence_minutes else {
        return;
    };
    for (key, minutes) in cadence {
        let place = format!("update_cadence_minutes.{}", safe_line(key));
        if !matches!(key.as_str(), "1" | "2" | "3" | "4") {
            out.push(Problem::new(
                place,
                ProblemKind::CadenceUnknownKey { key: key.clone() },
            ));
        } else if *minutes == 0 {
            out.push(Problem::new(
                place,
                ProblemKind::CadenceZero { key: key.clone() },
            ));
        }
    }
}

/// How a contact is named in messages: its id, else its name, else its position.
fn contact_label(i: usize, c: &Contact) -> String {
    if has_content(&c.id) {
        c.id.clone()
    } else if has_content(&c.name) {
        c.name.clone()
    } else {
        format!("#{}", i + 1)
    }
}

/// The default cadence for a severity key ("1" to "4").
fn default_cadence(key: &str) -> u32 {
    key.parse::<Severity>()
        .map_or(DEFAULT_UPDATE_CADENCE[3], |s| {
            DEFAULT_UPDATE_CADENCE[s.index()]
        })
}

#[cfg(test)]
mod tests;
