//! The generated roster: the people the routes name first, then everyone else by site and
//! team, then the routes.

mod routes;

use super::names::{
    AWAY_REASONS, CONTACT_NOTES, GIVEN_NAMES, HEAD_OFFICE_TEAMS, HOME_LABELS, MOBILE_LABELS,
    OFFICE_LABELS, SITE_TEAMS, SITES, SURNAMES, WESTERN_NAMES,
};
use super::{Rng, Spec};
use routes::{AWAY_KEY_PERSON, Group, KEY_PEOPLE};
use serde_json::Map;
use shiftdesk_core::roster::{
    Contact, DEFAULT_UPDATE_CADENCE, Phone as Number, ROSTER_SCHEMA_VERSION, Roster, Unavailable,
};
use std::collections::{BTreeMap, HashMap};

pub(super) fn build(spec: &Spec) -> Roster {
    let mut people = People::default();
    let mut groups: HashMap<Group, Vec<usize>> = HashMap::new();
    let team_weights: Vec<u32> = SITE_TEAMS.iter().map(|t| t.1).collect();
    for i in 0..spec.contacts {
        let mut rng = Rng::derive(spec.seed, 1, i as u64);
        let contact = match KEY_PEOPLE.get(i) {
            Some(&(group, role, team, western)) => {
                groups.entry(group).or_default().push(i);
                let team = site_team(team, 0);
                let who = Who {
                    western,
                    role,
                    team: &team,
                    site: 0,
                    key: true,
                };
                let mut c = people.person(&mut rng, i, &who);
                if i == AWAY_KEY_PERSON {
                    c.unavailable = Some(away(AWAY_REASONS[0]));
                }
                c
            }
            None => staff(&mut people, &mut rng, i, &team_weights),
        };
        people.contacts.push(contact);
    }
    let mut rng = Rng::derive(spec.seed, 2, 0);
    let routes = routes::routes(&groups, &people.contacts, &mut rng);
    Roster {
        schema_version: ROSTER_SCHEMA_VERSION,
        sample: false,
        update_cadence_minutes: Some(
            DEFAULT_UPDATE_CADENCE
                .iter()
                .enumerate()
                .map(|(i, &minutes)| ((i + 1).to_string(), minutes))
                .collect::<BTreeMap<_, _>>(),
        ),
        sign_off_max_age_days: None,
        contacts: people.contacts,
        routes,
        rotations: Vec::new(),
        extra: Map::new(),
    }
}

fn away(reason: &str) -> Unavailable {
    Unavailable {
        until: None,
        reason: reason.to_string(),
        extra: Map::new(),
    }
}

/// A team's name as the roster gives it: as it is for the head office's own teams, else
/// with its site ("東京本社 運用第1チーム", "Infrastructure (Tokyo HQ)").
fn site_team(team: &str, site: usize) -> String {
    if HEAD_OFFICE_TEAMS.contains(&team) {
        team.to_string()
    } else if team.is_ascii() {
        format!("{team} ({})", SITES[site].1)
    } else {
        format!("{} {team}", SITES[site].0)
    }
}

/// Someone on a site's team, not named by any route; `team_weights` are those of
/// `SITE_TEAMS`.
fn staff(people: &mut People, rng: &mut Rng, i: usize, team_weights: &[u32]) -> Contact {
    let site = rng.weighted(&[35, 20, 10, 8, 7, 10, 5, 5]);
    let (team, _) = SITE_TEAMS[rng.weighted(team_weights)];
    let western = rng.percent(if team == "Infrastructure" { 60 } else { 3 });
    let on_shift = matches!(team, "運用第1チーム" | "運用第2チーム" | "夜間当直");
    let role = match team {
        _ if on_shift => {
            if rng.one_in(1, 12) {
                "チームリーダー"
            } else if western {
                "Operator"
            } else if rng.percent(15) {
                "派遣スタッフ(オペレーター)"
            } else {
                "オペレーター"
            }
        }
        "サービスデスク" if rng.one_in(1, 10) => "サービスデスク主任",
        "サービスデスク" => "サービスデスク担当",
        "ネットワーク運用課" if western => "Network engineer",
        "ネットワーク運用課" => "ネットワーク運用担当",
        "サーバ運用課" => "サーバ運用担当",
        "総務課" => "総務",
        _ if western => *rng.pick(&["Network engineer", "Site reliability engineer"]),
        _ => "システム基盤担当",
    };
    let team = site_team(team, site);
    let who = Who {
        western,
        role,
        team: &team,
        site,
        key: false,
    };
    let mut c = people.person(rng, i, &who);
    if rng.one_in(3, 1000) {
        let reason = *rng.pick(AWAY_REASONS);
        c.unavailable = Some(away(reason));
    }
    c
}

/// What a new contact is: name style, role, team, site, and whether routes name them.
struct Who<'a> {
    western: bool,
    role: &'a str,
    team: &'a str,
    site: usize,
    /// Named on routes: always has a mobile and an email address.
    key: bool,
}

/// Hands out ids and addresses, each once.
#[derive(Default)]
struct People {
    contacts: Vec<Contact>,
    ids: HashMap<String, u32>,
    emails: HashMap<String, u32>,
}

impl People {
    /// `base`, or `base-2`, `base-3`, … for the next people of the same name.
    fn unique(seen: &mut HashMap<String, u32>, base: String, sep: &str) -> String {
        let n = seen.entry(base.clone()).or_insert(0);
        *n += 1;
        if *n == 1 {
            base
        } else {
            format!("{base}{sep}{n}")
        }
    }

    /// The `i`th contact, with a name, an id and an address no one else has.
    fn person(&mut self, rng: &mut Rng, i: usize, who: &Who) -> Contact {
        let (name, kana, id, local, domain) = if who.western {
            let (given, family, kana) = *rng.pick(WESTERN_NAMES);
            let slug = format!("{}-{}", given, family).to_lowercase();
            let local = format!("{given}.{family}").to_lowercase();
            (
                format!("{given} {family}"),
                kana.to_string(),
                slug,
                local,
                "example.com",
            )
        } else {
            let (s, sk, sr) = *rng.pick(SURNAMES);
            let (g, gk, gr) = *rng.pick(GIVEN_NAMES);
            let local = format!("{gr}.{sr}");
            (
                format!("{s} {g}"),
                format!("{sk} {gk}"),
                format!("{sr}-{gr}"),
                local,
                "example.jp",
            )
        };
        let id = Self::unique(&mut self.ids, id, "-");
        let has_email = who.key || rng.percent(92);
        let email = if has_email {
            let local = Self::unique(&mut self.emails, local, "");
            format!("{local}@{domain}")
        } else {
            String::new()
        };
        Contact {
            id,
            name,
            kana,
            role: who.role.to_string(),
            team: who.team.to_string(),
            phones: phones(rng, i, who.site, who.key || !has_email),
            email,
            notes: if rng.percent(18) {
                rng.pick(CONTACT_NOTES).to_string()
            } else {
                String::new()
            },
            sample: false,
            unavailable: None,
            extra: Map::new(),
        }
    }
}

/// One to three numbers in Japanese formats, with the fictional `0000` middle block the
/// sample roster uses. The last four digits come from the person's position, so numbers of
/// one kind differ for the first ten thousand people.
fn phones(rng: &mut Rng, i: usize, site: usize, needs_mobile: bool) -> Vec<Number> {
    let digits = |mult: usize, add: usize| (i * mult + add) % 10_000;
    let area = SITES[site].2;
    let local = |n: usize| {
        if area.len() == 2 {
            format!("{area}-0000-{n:04}")
        } else {
            format!("{area}-000-{n:04}")
        }
    };
    let mut out: Vec<(&str, String)> = Vec::new();
    let mobile = needs_mobile || rng.percent(85);
    let office = rng.percent(if mobile { 65 } else { 100 });
    if mobile {
        let prefix = rng.pick(&["090", "080", "070"]);
        out.push((
            *rng.pick(MOBILE_LABELS),
            format!("{prefix}-0000-{:04}", digits(7919, 1201)),
        ));
    }
    if office {
        let number = local(digits(3571, 4409));
        // Some people's desk line comes first in the file.
        if mobile && rng.percent(20) {
            out.insert(0, (*rng.pick(OFFICE_LABELS), number));
        } else {
            out.push((*rng.pick(OFFICE_LABELS), number));
        }
    }
    if out.len() < 3 && rng.percent(12) {
        out.push((*rng.pick(HOME_LABELS), local(digits(6007, 733))));
    } else if out.len() < 3 && rng.percent(5) {
        out.push(("IP電話", format!("050-0000-{:04}", digits(2203, 5101))));
    }
    out.into_iter()
        .map(|(label, number)| Number {
            label: label.to_string(),
            number,
            extra: Map::new(),
        })
        .collect()
}
