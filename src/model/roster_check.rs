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

use super::category::Category;
use super::roster::{Contact, DEFAULT_UPDATE_CADENCE, Means, Roster, Route};
use super::severity::Severity;
use super::text::{has_content, normalize_input, safe_line};
use crate::i18n::{self, Lang};
use std::collections::{HashMap, HashSet};

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

    /// True for [`Level::Error`].
    pub fn is_error(&self) -> bool {
        self.level == Level::Error
    }

    /// What is wrong, in plain words.
    pub fn message(&self, lang: Lang) -> String {
        let (en, ja) = match &self.kind {
            ProblemKind::ContactIdEmpty { contact } => (
                format!("Contact {} has no id.", q(contact)),
                format!("連絡先{}にID(id)がありません。", kq(contact)),
            ),
            ProblemKind::DuplicateContactId { id, first } => (
                format!("Contact id {} is already used by contacts[{first}].", q(id)),
                format!("連絡先ID{}は contacts[{first}] と重複しています。", kq(id)),
            ),
            ProblemKind::ContactNameEmpty { contact } => (
                format!("Contact {} has no name.", q(contact)),
                format!("連絡先{}の名前(name)が空です。", kq(contact)),
            ),
            ProblemKind::NoWayToReach { contact } => (
                format!(
                    "Contact {} has no phone number and no email address, so nobody can reach them.",
                    q(contact)
                ),
                format!(
                    "連絡先{}には電話番号もメールアドレスもなく、連絡が取れません。",
                    kq(contact)
                ),
            ),
            ProblemKind::BadPhone { contact, number } => (
                format!(
                    "Phone number {} of contact {} does not look like a phone number.",
                    q(number),
                    q(contact)
                ),
                format!(
                    "連絡先{}の電話番号{}は電話番号として正しくないようです。",
                    kq(contact),
                    kq(number)
                ),
            ),
            ProblemKind::BadEmail { contact, email } => (
                format!(
                    "Email address {} of contact {} does not look like an email address.",
                    q(email),
                    q(contact)
                ),
                format!(
                    "連絡先{}のメールアドレス{}はメールアドレスとして正しくないようです。",
                    kq(contact),
                    kq(email)
                ),
            ),
            ProblemKind::UnusedContact { contact } => (
                format!(
                    "Contact {} is on no route, so the desk never suggests contacting them.",
                    q(contact)
                ),
                format!(
                    "連絡先{}はどのルートにも入っていないため、連絡先として案内されることはありません。",
                    kq(contact)
                ),
            ),
            ProblemKind::DuplicateRouteId { id, first } => (
                format!("Route id {} is already used by routes[{first}].", q(id)),
                format!("ルートID{}は routes[{first}] と重複しています。", kq(id)),
            ),
            ProblemKind::ShadowedRoute {
                route,
                earlier,
                category,
                min_severity,
            } => (
                format!(
                    "Route {} has the same category ({}) and min_severity ({min_severity}) as route {} before it, so it is never used.",
                    q(route),
                    category_words(Lang::En, *category),
                    q(earlier)
                ),
                format!(
                    "ルート{}は前にあるルート{}と分類({})も min_severity({min_severity})も同じため、使われることがありません。",
                    kq(route),
                    kq(earlier),
                    category_words(Lang::Ja, *category)
                ),
            ),
            ProblemKind::NoLevels { route } => (
                format!(
                    "Route {} has no levels, so nobody would be contacted.",
                    q(route)
                ),
                format!(
                    "ルート{}に段(levels)がなく、誰にも連絡されません。",
                    kq(route)
                ),
            ),
            ProblemKind::EmptyLevel { route, level } => (
                format!(
                    "Level {} of route {} lists no contacts.",
                    level + 1,
                    q(route)
                ),
                format!(
                    "ルート{}の第{}段に連絡先がありません。",
                    kq(route),
                    level + 1
                ),
            ),
            ProblemKind::UnknownContact {
                route,
                level,
                contact,
            } => (
                format!(
                    "Level {} of route {} names {}, which is not in contacts.",
                    level + 1,
                    q(route),
                    q(contact)
                ),
                format!(
                    "ルート{}の第{}段にある{}は連絡先(contacts)にありません。",
                    kq(route),
                    level + 1,
                    kq(contact)
                ),
            ),
            ProblemKind::DuplicateInRoute {
                route,
                level,
                contact,
                first_level,
            } => {
                if first_level == level {
                    (
                        format!(
                            "{} is listed twice in level {} of route {}.",
                            q(contact),
                            level + 1,
                            q(route)
                        ),
                        format!(
                            "{}がルート{}の第{}段に2回入っています。",
                            kq(contact),
                            kq(route),
                            level + 1
                        ),
                    )
                } else {
                    (
                        format!(
                            "{} is listed again in level {} of route {}; it is already in level {}.",
                            q(contact),
                            level + 1,
                            q(route),
                            first_level + 1
                        ),
                        format!(
                            "{}はルート{}の第{}段にすでに入っているのに、第{}段にも入っています。",
                            kq(contact),
                            kq(route),
                            first_level + 1,
                            level + 1
                        ),
                    )
                }
            }
            ProblemKind::NoUsableMeans {
                route,
                level,
                means,
            } => {
                let n = level + 1;
                let (r, kr) = (q(route), kq(route));
                match means {
                    Means::Phone => (
                        format!(
                            "Level {n} of route {r} is to be phoned, but none of its contacts has a usable phone number."
                        ),
                        format!(
                            "ルート{kr}の第{n}段の連絡手段は電話ですが、使える電話番号を持つ連絡先がいません。"
                        ),
                    ),
                    Means::Email => (
                        format!(
                            "Level {n} of route {r} is to be emailed, but none of its contacts has a usable email address."
                        ),
                        format!(
                            "ルート{kr}の第{n}段の連絡手段はメールですが、使えるメールアドレスを持つ連絡先がいません。"
                        ),
                    ),
                    Means::Chat => (
                        format!(
                            "Level {n} of route {r} is to be messaged by chat, but none of its contacts has a usable email address or phone number."
                        ),
                        format!(
                            "ルート{kr}の第{n}段の連絡手段はチャットですが、使えるメールアドレスか電話番号を持つ連絡先がいません。"
                        ),
                    ),
                }
            }
            ProblemKind::ZeroMinutes {
                route,
                level,
                field,
            } => {
                let (n, key) = (level + 1, field.key());
                let (r, kr) = (q(route), kq(route));
                match field {
                    MinutesField::ReportWithin => (
                        format!(
                            "Level {n} of route {r} has {key} 0, so its deadline passes the moment it starts."
                        ),
                        format!(
                            "ルート{kr}の第{n}段の {key} が0のため、始まった瞬間に期限切れになります。"
                        ),
                    ),
                    MinutesField::EscalateAfter => (
                        format!(
                            "Level {n} of route {r} has {key} 0, so it goes up before anyone could answer."
                        ),
                        format!(
                            "ルート{kr}の第{n}段の {key} が0のため、相手が応答する前に上位へ上がってしまいます。"
                        ),
                    ),
                }
            }
            ProblemKind::Uncovered {
                category,
                severities,
                ..
            } => {
                let list = severity_list(severities);
                (
                    format!(
                        "No route applies to {} ({}) at severity {list}.",
                        i18n::category(Lang::En, *category),
                        category.id()
                    ),
                    format!(
                        "{}({})の重大度 {list} に当てはまるルートがありません。",
                        i18n::category(Lang::Ja, *category),
                        category.id()
                    ),
                )
            }
            ProblemKind::CadenceUnknownKey { key } => (
                format!(
                    "update_cadence_minutes has the key {}; only \"1\" to \"4\" (the severities) are used.",
                    q(key)
                ),
                format!(
                    "update_cadence_minutes にキー{}がありますが、使われるのは \"1\"〜\"4\"(重大度)だけです。",
                    kq(key)
                ),
            ),
            ProblemKind::CadenceZero { key } => {
                let default = default_cadence(key);
                (
                    format!(
                        "The update cadence for severity {} is 0 minutes; the default of {default} minutes is used instead.",
                        safe_line(key)
                    ),
                    format!(
                        "重大度{}の状況報告の間隔が0分です。代わりに既定の{default}分が使われます。",
                        safe_line(key)
                    ),
                )
            }
            ProblemKind::SampleRoster => (
                "This is the bundled sample of fictional people, not your team's roster."
                    .to_string(),
                "これは同梱のサンプル名簿で、人物はすべて架空です。チームの名簿ではありません。"
                    .to_string(),
            ),
        };
        pick(lang, en, ja)
    }

    /// What to do about it, in plain words.
    pub fn fix(&self, lang: Lang) -> String {
        let (en, ja) = match &self.kind {
            ProblemKind::ContactIdEmpty { .. } => (
                "Give this contact a short id that no other contact uses (for example \"sato-hanako\"); routes name contacts by id.".to_string(),
                "他と重複しない短いIDを付けてください(例: \"sato-hanako\")。ルートはIDで連絡先を指定します。".to_string(),
            ),
            ProblemKind::DuplicateContactId { id, .. } => (
                format!(
                    "Give one of the two contacts a different id, or merge them into one. Routes only reach the first contact with id {}.",
                    q(id)
                ),
                format!(
                    "どちらかのIDを変えるか、1件にまとめてください。ルートからはID{}の最初の連絡先しか呼ばれません。",
                    kq(id)
                ),
            ),
            ProblemKind::ContactNameEmpty { .. } => (
                "Write the person's name in \"name\", as the operator will say it on the phone."
                    .to_string(),
                "name に、電話で呼びかけるときの氏名を書いてください。".to_string(),
            ),
            ProblemKind::NoWayToReach { .. } => (
                "Add at least one phone number to \"phones\" or an address in \"email\"."
                    .to_string(),
                "phones に電話番号を1つ以上追加するか、email にアドレスを書いてください。"
                    .to_string(),
            ),
            ProblemKind::BadPhone { .. } => (
                "Write 6 to 15 digits; spaces, hyphens, dots, parentheses and a leading + may be used (for example 090-1234-5678 or +81 90 1234 5678).".to_string(),
                "6〜15桁の数字で書いてください。スペース・ハイフン・ピリオド・括弧と先頭の + は使えます(例: 090-1234-5678、+81 90 1234 5678)。".to_string(),
            ),
            ProblemKind::BadEmail { .. } => (
                "Write one address like name@example.com: one @, no spaces, and a domain with a dot. Leave \"email\" empty if there is none.".to_string(),
                "name@example.com の形で1件だけ書いてください(@ は1つ、空白なし、ドメインにピリオドを含む)。アドレスがなければ email を空にしてください。".to_string(),
            ),
            ProblemKind::UnusedContact { contact } => (
                format!(
                    "Add {} to a level of a route, or remove the contact if they are no longer needed.",
                    q(contact)
                ),
                format!(
                    "{}をいずれかのルートの段に追加するか、不要なら連絡先から削除してください。",
                    kq(contact)
                ),
            ),
            ProblemKind::DuplicateRouteId { .. } => (
                "Give one of the two routes a different id: incidents remember their route by id."
                    .to_string(),
                "どちらかのルートのIDを変えてください。インシデントはルートをIDで記録します。"
                    .to_string(),
            ),
            ProblemKind::ShadowedRoute { earlier, .. } => (
                format!(
                    "Change this route's category or min_severity, or move its levels into route {} and remove it.",
                    q(earlier)
                ),
                format!(
                    "このルートの category か min_severity を変えるか、段をルート{}に移してこのルートを削除してください。",
                    kq(earlier)
                ),
            ),
            ProblemKind::NoLevels { .. } => (
                "Add at least one level with contacts, a means and its minutes, or remove the route."
                    .to_string(),
                "連絡先・連絡手段・時間を持つ段を1つ以上追加するか、ルートを削除してください。"
                    .to_string(),
            ),
            ProblemKind::EmptyLevel { .. } => (
                "Add the id of at least one contact to this level, or remove the level."
                    .to_string(),
                "この段に連絡先のIDを1つ以上追加するか、段を削除してください。".to_string(),
            ),
            ProblemKind::UnknownContact { contact, .. } => (
                format!(
                    "Add a contact with id {} to contacts, or remove it from this level.",
                    q(contact)
                ),
                format!(
                    "ID{}の連絡先を contacts に追加するか、この段から削除してください。",
                    kq(contact)
                ),
            ),
            ProblemKind::DuplicateInRoute { .. } => (
                "Remove this entry: a person should appear once per route, at the level where they are to be contacted first.".to_string(),
                "この記載を削除してください。同じ人は1つのルートに1回だけ、最初に連絡すべき段に入れます。".to_string(),
            ),
            ProblemKind::NoUsableMeans { means, .. } => match means {
                Means::Phone => (
                    "Give one of its contacts a valid phone number, add a contact who has one, or change \"means\".".to_string(),
                    "連絡先のいずれかに正しい電話番号を登録するか、電話番号のある連絡先を追加するか、means を変えてください。".to_string(),
                ),
                Means::Email => (
                    "Give one of its contacts a valid email address, add a contact who has one, or change \"means\".".to_string(),
                    "連絡先のいずれかに正しいメールアドレスを登録するか、アドレスのある連絡先を追加するか、means を変えてください。".to_string(),
                ),
                Means::Chat => (
                    "Give one of its contacts a valid email address or phone number, add a contact who has one, or change \"means\".".to_string(),
                    "連絡先のいずれかに正しいメールアドレスか電話番号を登録するか、それを持つ連絡先を追加するか、means を変えてください。".to_string(),
                ),
            },
            ProblemKind::ZeroMinutes { field, .. } => (
                format!(
                    "Set {} to a number of minutes above 0 (for example 15).",
                    field.key()
                ),
                format!(
                    "{} を1分以上にしてください(例: 15)。",
                    field.key()
                ),
            ),
            ProblemKind::Uncovered {
                category,
                severities,
                default_reaches,
            } => {
                let least = severities.iter().max().copied().unwrap_or(Severity::MINOR);
                let id = category.id();
                match default_reaches {
                    None => (
                        format!(
                            "There is no default route (category null, min_severity 4). Add one so every incident has a route, or add a route for {id} with min_severity {least}."
                        ),
                        format!(
                            "標準ルート(category が null で min_severity が 4)がありません。すべてのインシデントにルートがあるよう標準ルートを追加するか、{id} のルートを min_severity {least} で追加してください。"
                        ),
                    ),
                    Some(reach) => (
                        format!(
                            "The default route only covers severity 1 to {reach}, and there is no default route with min_severity 4. Set its min_severity to 4, or add a route for {id} with min_severity {least}."
                        ),
                        format!(
                            "標準ルートは重大度1〜{reach}しか対象にしておらず、min_severity 4 の標準ルートがありません。その min_severity を 4 にするか、{id} のルートを min_severity {least} で追加してください。"
                        ),
                    ),
                }
            }
            ProblemKind::CadenceUnknownKey { .. } => (
                "Rename the key to a severity from \"1\" to \"4\", or remove it.".to_string(),
                "キーを重大度 \"1\"〜\"4\" のいずれかに直すか、削除してください。".to_string(),
            ),
            ProblemKind::CadenceZero { .. } => (
                "Set the minutes between status updates above 0, or remove the key to use the default."
                    .to_string(),
                "状況報告の間隔を1分以上にするか、既定値を使うならキーを削除してください。"
                    .to_string(),
            ),
            ProblemKind::SampleRoster => (
                "Replace it with your team's roster: real contacts and routes, without \"sample\": true.".to_string(),
                "チームの名簿(実在の連絡先とルート)に置き換え、\"sample\": true を外してください。"
                    .to_string(),
            ),
        };
        pick(lang, en, ja)
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
        if level.contacts.is_empty() {
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

fn category_words(lang: Lang, category: Option<Category>) -> String {
    match (category, lang) {
        (Some(c), _) => c.id().to_string(),
        (None, Lang::En) => "default, any category".to_string(),
        (None, Lang::Ja) => "標準・全分類".to_string(),
    }
}

fn severity_list(severities: &[Severity]) -> String {
    severities
        .iter()
        .map(Severity::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Roster text quoted for an English message, made safe to show.
fn q(s: &str) -> String {
    format!("\"{}\"", safe_line(s))
}

/// Roster text quoted for a Japanese message, made safe to show.
fn kq(s: &str) -> String {
    format!("「{}」", safe_line(s))
}

fn pick(lang: Lang, en: String, ja: String) -> String {
    match lang {
        Lang::En => en,
        Lang::Ja => ja,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    /// A small roster with no problems: two contacts, a default route of two levels.
    fn base() -> Value {
        json!({
            "schema_version": 1,
            "contacts": [
                { "id": "sato", "name": "佐藤", "phones": [{ "label": "mobile", "number": "090-0000-1101" }], "email": "sato@example.com" },
                { "id": "kimura", "name": "木村", "phones": [{ "label": "office", "number": "03-0000-1102" }] }
            ],
            "routes": [
                { "id": "default", "category": null, "min_severity": 4, "levels": [
                    { "contacts": ["sato"], "means": "phone", "report_within_minutes": 15, "escalate_after_minutes": 5 },
                    { "contacts": ["kimura"], "means": "phone", "report_within_minutes": 10, "escalate_after_minutes": 10 }
                ]}
            ]
        })
    }

    fn run(v: Value) -> Vec<Problem> {
        let roster: Roster = serde_json::from_value(v).unwrap();
        check(&roster)
    }

    fn places(problems: &[Problem]) -> Vec<(&str, Level)> {
        problems
            .iter()
            .map(|p| (p.place.as_str(), p.level))
            .collect()
    }

    fn only(problems: &[Problem]) -> &Problem {
        assert_eq!(problems.len(), 1, "{problems:#?}");
        &problems[0]
    }

    #[test]
    fn a_clean_roster_has_no_problems() {
        assert_eq!(run(base()), vec![]);
    }

    #[test]
    fn uncovered_categories_are_listed_with_their_severities() {
        let mut v = base();
        v["routes"][0]["category"] = json!("operational.system_outage");
        v["routes"][0]["min_severity"] = json!(2);
        let problems = run(v);
        assert_eq!(problems.len(), Category::ALL.len());
        assert!(problems.iter().all(|p| p.place == "routes" && p.is_error()));
        let outage = problems
            .iter()
            .find(|p| {
                matches!(
                    p.kind,
                    ProblemKind::Uncovered {
                        category: Category::SystemOutage,
                        ..
                    }
                )
            })
            .unwrap();
        assert_eq!(
            outage.kind,
            ProblemKind::Uncovered {
                category: Category::SystemOutage,
                severities: vec![Severity::MEDIUM, Severity::MINOR],
                default_reaches: None,
            }
        );
        assert!(outage.fix(Lang::En).contains("no default route"));
        assert!(outage.fix(Lang::Ja).contains("標準ルート"));
    }

    #[test]
    fn a_default_route_that_stops_short_is_named_in_the_fix() {
        let mut v = base();
        v["routes"][0]["min_severity"] = json!(2);
        let problems = run(v);
        assert_eq!(problems.len(), 8);
        assert!(problems[0].fix(Lang::En).contains("severity 1 to 2"));
    }

    #[test]
    fn routes_need_levels_and_levels_need_contacts() {
        let mut v = base();
        v["routes"][0]["levels"][1]["contacts"] = json!([]);
        v["routes"].as_array_mut().unwrap().push(json!({
            "id": "empty", "category": "team.security", "min_severity": 4, "levels": []
        }));
        v["routes"][0]["levels"][0]["contacts"] = json!(["sato", "kimura"]);
        let problems = run(v);
        assert_eq!(
            places(&problems),
            vec![
                ("routes[0].levels[1].contacts", Level::Error),
                ("routes[1].levels", Level::Error),
            ]
        );
    }

    #[test]
    fn unknown_contact_ids_are_errors_at_their_place() {
        let mut v = base();
        v["routes"][0]["levels"][1]["contacts"] = json!(["kimura", "kato"]);
        let p = only(&run(v)).clone();
        assert_eq!(p.place, "routes[0].levels[1].contacts[1]");
        assert!(
            p.fix(Lang::En)
                .contains("Add a contact with id \"kato\" to contacts")
        );
        assert!(p.message(Lang::Ja).contains("「kato」"));
    }

    #[test]
    fn a_level_nobody_can_be_reached_on_is_an_error() {
        let mut v = base();
        // kimura has a phone but no email.
        v["routes"][0]["levels"][1]["means"] = json!("email");
        let problems = run(v.clone());
        let p = only(&problems);
        assert_eq!(p.place, "routes[0].levels[1]");
        assert_eq!(
            p.kind,
            ProblemKind::NoUsableMeans {
                route: "default".into(),
                level: 1,
                means: Means::Email
            }
        );
        // Chat takes a phone number as well as an address.
        v["routes"][0]["levels"][1]["means"] = json!("chat");
        assert_eq!(run(v), vec![]);
    }

    #[test]
    fn a_bad_phone_does_not_make_a_level_usable() {
        let mut v = base();
        v["contacts"][1]["phones"][0]["number"] = json!("call the desk");
        assert_eq!(
            places(&run(v)),
            vec![
                ("contacts[1].phones[0].number", Level::Error),
                ("routes[0].levels[1]", Level::Error),
            ]
        );
    }

    #[test]
    fn zero_minutes_are_errors() {
        let mut v = base();
        v["routes"][0]["levels"][0]["report_within_minutes"] = json!(0);
        v["routes"][0]["levels"][1]["escalate_after_minutes"] = json!(0);
        assert_eq!(
            places(&run(v)),
            vec![
                ("routes[0].levels[0].report_within_minutes", Level::Error),
                ("routes[0].levels[1].escalate_after_minutes", Level::Error),
            ]
        );
    }

    #[test]
    fn a_contact_twice_in_a_route_is_an_error_at_the_second() {
        let mut v = base();
        v["routes"][0]["levels"][1]["contacts"] = json!(["kimura", "sato"]);
        let p = only(&run(v.clone())).clone();
        assert_eq!(p.place, "routes[0].levels[1].contacts[1]");
        assert!(p.message(Lang::En).contains("already in level 1"));
        v["routes"][0]["levels"][1]["contacts"] = json!(["kimura", "kimura"]);
        let p = only(&run(v)).clone();
        assert_eq!(p.place, "routes[0].levels[1].contacts[1]");
        assert!(p.message(Lang::En).contains("twice in level 2"));
    }

    #[test]
    fn contact_ids_names_and_a_way_to_reach_are_required() {
        let mut v = base();
        v["contacts"].as_array_mut().unwrap().extend([
            json!({ "id": "sato", "name": "Sato again", "email": "s2@example.com" }),
            json!({ "id": "", "name": "No Id", "email": "noid@example.com" }),
            json!({ "id": "ghost", "name": " " }),
        ]);
        v["routes"][0]["levels"][1]["contacts"] = json!(["kimura", "ghost"]);
        assert_eq!(
            places(&run(v)),
            vec![
                ("contacts[2].id", Level::Error),
                ("contacts[3].id", Level::Error),
                ("contacts[4].name", Level::Error),
                ("contacts[4]", Level::Error),
            ]
        );
    }

    #[test]
    fn phone_numbers_are_judged_by_their_digits() {
        for ok in [
            "090-0000-1101",
            "03-0000-1101",
            "+81 90 0000 1101",
            "(03) 0000.1101",
            "０９０－００００－１１０１",
            "123456",
        ] {
            assert!(is_plausible_phone(ok), "{ok}");
        }
        for bad in [
            "",
            "12345",
            "1234567890123456",
            "090-0000-110x",
            "++81 90 0000 1101",
            "090\u{1b}0000",
            "ext. 42",
        ] {
            assert!(!is_plausible_phone(bad), "{bad}");
        }
    }

    #[test]
    fn email_addresses_need_one_at_and_a_dotted_domain() {
        for ok in ["a@example.com", "hanako.sato@mail.example.jp"] {
            assert!(is_plausible_email(ok), "{ok}");
        }
        for bad in [
            "example.com",
            "@example.com",
            "a@b@example.com",
            "a@localhost",
            "a@example.",
            "a b@example.com",
            "a@exa\u{7}mple.com",
        ] {
            assert!(!is_plausible_email(bad), "{bad}");
        }
        let mut v = base();
        v["contacts"][0]["email"] = json!("sato at example.com");
        let p = only(&run(v)).clone();
        assert_eq!(p.place, "contacts[0].email");
    }

    #[test]
    fn an_empty_email_is_not_checked() {
        let mut v = base();
        v["contacts"][0]["email"] = json!("");
        assert_eq!(run(v), vec![]);
    }

    #[test]
    fn a_second_route_with_the_same_category_and_threshold_is_a_warning() {
        let mut v = base();
        let copy = v["routes"][0].clone();
        v["routes"].as_array_mut().unwrap().push(copy);
        v["routes"][1]["id"] = json!("default-2");
        let p = only(&run(v)).clone();
        assert_eq!((p.place.as_str(), p.level), ("routes[1]", Level::Warning));
        assert!(p.message(Lang::En).contains("\"default\""));
    }

    #[test]
    fn duplicate_route_ids_are_errors() {
        let mut v = base();
        v["routes"].as_array_mut().unwrap().push(json!({
            "id": "default", "category": "team.security", "min_severity": 4, "levels": [
                { "contacts": ["sato"], "means": "phone", "report_within_minutes": 5, "escalate_after_minutes": 5 }
            ]
        }));
        let p = only(&run(v)).clone();
        assert_eq!((p.place.as_str(), p.level), ("routes[1].id", Level::Error));
    }

    #[test]
    fn odd_cadence_keys_and_zero_minutes_are_warnings() {
        let mut v = base();
        v["update_cadence_minutes"] = json!({ "1": 30, "2": 0, "5": 10, "critical": 5 });
        assert_eq!(
            places(&run(v)),
            vec![
                ("update_cadence_minutes.2", Level::Warning),
                ("update_cadence_minutes.5", Level::Warning),
                ("update_cadence_minutes.critical", Level::Warning),
            ]
        );
    }

    #[test]
    fn unavailability_is_not_judged_without_a_clock() {
        let mut v = base();
        v["contacts"][0]["unavailable"] = json!({ "until": "2000-01-01T00:00:00Z" });
        assert_eq!(run(v), vec![]);
    }

    #[test]
    fn a_contact_on_no_route_is_a_warning() {
        let mut v = base();
        v["contacts"].as_array_mut().unwrap().push(json!({
            "id": "yamada", "name": "山田", "email": "yamada@example.com"
        }));
        let p = only(&run(v)).clone();
        assert_eq!((p.place.as_str(), p.level), ("contacts[2]", Level::Warning));
    }

    #[test]
    fn the_sample_mark_is_a_warning() {
        let mut v = base();
        v["sample"] = json!(true);
        let problems = run(v);
        let p = only(&problems);
        assert_eq!((p.place.as_str(), p.level), ("sample", Level::Warning));
        assert!(!has_errors(&problems));
        assert!(p.message(Lang::En).contains("fictional"));
    }

    #[test]
    fn problems_come_in_file_order() {
        let mut v = base();
        v["sample"] = json!(true);
        v["update_cadence_minutes"] = json!({ "9": 1 });
        v["routes"][0]["min_severity"] = json!(3);
        v["routes"][0]["levels"][0]["contacts"] = json!(["sato", "nobody"]);
        v["contacts"][1]["email"] = json!("bad");
        let problems = run(v);
        let order: Vec<&str> = problems.iter().map(|p| p.place.as_str()).collect();
        assert_eq!(order.first(), Some(&"contacts[1].email"));
        assert_eq!(order[1], "routes[0].levels[0].contacts[1]");
        assert!(order[2..10].iter().all(|p| *p == "routes"));
        assert_eq!(&order[10..], ["update_cadence_minutes.9", "sample"]);
        assert!(has_errors(&problems));
    }

    #[test]
    fn roster_text_is_made_safe_in_messages() {
        let mut v = base();
        v["routes"][0]["levels"][0]["contacts"] = json!(["sato", "ka\u{1b}[2Jto\u{202E}"]);
        let p = only(&run(v)).clone();
        for lang in [Lang::En, Lang::Ja] {
            for text in [p.message(lang), p.fix(lang)] {
                assert!(!text.chars().any(crate::model::text::is_unsafe), "{text:?}");
            }
        }
    }

    #[test]
    fn every_kind_speaks_both_languages() {
        let kinds = vec![
            ProblemKind::ContactIdEmpty {
                contact: "#1".into(),
            },
            ProblemKind::DuplicateContactId {
                id: "a".into(),
                first: 0,
            },
            ProblemKind::ContactNameEmpty {
                contact: "a".into(),
            },
            ProblemKind::NoWayToReach {
                contact: "a".into(),
            },
            ProblemKind::BadPhone {
                contact: "a".into(),
                number: "x".into(),
            },
            ProblemKind::BadEmail {
                contact: "a".into(),
                email: "x".into(),
            },
            ProblemKind::UnusedContact {
                contact: "a".into(),
            },
            ProblemKind::DuplicateRouteId {
                id: "r".into(),
                first: 0,
            },
            ProblemKind::ShadowedRoute {
                route: "r2".into(),
                earlier: "r".into(),
                category: None,
                min_severity: Severity::MINOR,
            },
            ProblemKind::NoLevels { route: "r".into() },
            ProblemKind::EmptyLevel {
                route: "r".into(),
                level: 0,
            },
            ProblemKind::UnknownContact {
                route: "r".into(),
                level: 0,
                contact: "k".into(),
            },
            ProblemKind::DuplicateInRoute {
                route: "r".into(),
                level: 1,
                contact: "k".into(),
                first_level: 0,
            },
            ProblemKind::NoUsableMeans {
                route: "r".into(),
                level: 0,
                means: Means::Chat,
            },
            ProblemKind::ZeroMinutes {
                route: "r".into(),
                level: 0,
                field: MinutesField::EscalateAfter,
            },
            ProblemKind::Uncovered {
                category: Category::Other,
                severities: vec![Severity::MINOR],
                default_reaches: Some(Severity::MEDIUM),
            },
            ProblemKind::CadenceUnknownKey { key: "x".into() },
            ProblemKind::CadenceZero { key: "3".into() },
            ProblemKind::SampleRoster,
        ];
        for kind in kinds {
            let p = Problem::new("x".into(), kind);
            let texts = [
                p.message(Lang::En),
                p.fix(Lang::En),
                p.message(Lang::Ja),
                p.fix(Lang::Ja),
            ];
            assert!(texts.iter().all(|t| !t.trim().is_empty()), "{p:?}");
            assert_ne!(texts[0], texts[2], "{p:?}");
        }
    }
}
