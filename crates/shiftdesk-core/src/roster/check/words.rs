//! What each roster problem says, and how to fix it, in both languages.

use super::*;

impl Problem {
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
