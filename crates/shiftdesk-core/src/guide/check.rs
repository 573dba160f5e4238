//! What a guide's file cannot say for itself: that it covers every category, that its ids are
//! unique, that the contacts it forwards to are in the roster and its kinds in the playbooks.
//! Each problem names its place in the file (`scope.does_not_handle[2].forward_to`).

use super::{ForwardTo, Guide};
use crate::category::Category;
use crate::i18n::{Lang, Msg, fill_owned};
use crate::roster::Roster;
use std::collections::HashSet;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuideProblem {
    /// Where in the file, as a path of keys and indexes.
    pub place: String,
    pub fault: Fault,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    CategoryMissing(Category),
    IdTwice(String),
    IdBadForm(String),
    NoSuchContact(String),
    NoSuchKind(Category, String),
    DaysOutOfRange(u32),
    AgreedByMissing,
}

impl GuideProblem {
    pub fn message(&self, lang: Lang) -> String {
        let (msg, args): (Msg, Vec<(&str, String)>) = match &self.fault {
            Fault::CategoryMissing(c) => (
                Msg::GuideCategoryMissing,
                vec![("category", c.id().to_string())],
            ),
            Fault::IdTwice(id) => (Msg::GuideIdTwice, vec![("id", id.clone())]),
            Fault::IdBadForm(id) => (Msg::GuideIdBadForm, vec![("id", id.clone())]),
            Fault::NoSuchContact(id) => (Msg::GuideNoSuchContact, vec![("id", id.clone())]),
            Fault::NoSuchKind(c, k) => (
                Msg::GuideNoSuchKind,
                vec![("category", c.id().to_string()), ("kind", k.clone())],
            ),
            Fault::DaysOutOfRange(n) => (Msg::GuideDaysOutOfRange, vec![("n", n.to_string())]),
            Fault::AgreedByMissing => (Msg::GuideAgreedByMissing, Vec::new()),
        };
        let text = fill_owned(lang, msg, &args);
        format!("{}: {}", self.place, crate::text::safe_line(&text))
    }
}

/// Each id of a list well formed and used once.
fn ids(list: &mut dyn Iterator<Item = (String, &str)>, push: &mut dyn FnMut(String, Fault)) {
    let mut seen = HashSet::new();
    for (place, id) in list {
        if !kebab(id) {
            push(place.clone(), Fault::IdBadForm(id.to_string()));
        }
        if !seen.insert(id) {
            push(place, Fault::IdTwice(id.to_string()));
        }
    }
}

fn kebab(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// Problems of a guide that reads, against the roster and the kinds the playbooks know
/// (`known_kind(category, kind)`).
pub fn check(
    guide: &Guide,
    roster: &Roster,
    known_kind: impl Fn(Category, &str) -> bool,
) -> Vec<GuideProblem> {
    let mut out = Vec::new();
    let mut push = |place: String, fault: Fault| out.push(GuideProblem { place, fault });
    for c in Category::ALL {
        if guide.category(c).is_none() {
            push("categories".into(), Fault::CategoryMissing(c));
        }
    }
    if let Some(scope) = &guide.scope {
        ids(
            &mut scope
                .does_not_handle
                .iter()
                .enumerate()
                .map(|(i, n)| (format!("scope.does_not_handle[{i}].id"), n.id.as_str())),
            &mut push,
        );
        for (i, n) in scope.does_not_handle.iter().enumerate() {
            if let ForwardTo::Contact(id) = &n.forward_to
                && roster.contact(id).is_none()
            {
                push(
                    format!("scope.does_not_handle[{i}].forward_to.contact"),
                    Fault::NoSuchContact(id.clone()),
                );
            }
        }
    }
    ids(
        &mut guide
            .known_risks
            .iter()
            .enumerate()
            .map(|(i, r)| (format!("known_risks[{i}].id"), r.id.as_str())),
        &mut push,
    );
    for (i, r) in guide.known_risks.iter().enumerate() {
        if !crate::text::has_content(&r.agreed_by) {
            push(
                format!("known_risks[{i}].agreed_by"),
                Fault::AgreedByMissing,
            );
        }
    }
    ids(
        &mut guide
            .obligations
            .iter()
            .enumerate()
            .map(|(i, o)| (format!("obligations[{i}].id"), o.id.as_str())),
        &mut push,
    );
    for (i, o) in guide.obligations.iter().enumerate() {
        if !(1..=366).contains(&o.within_days) {
            push(
                format!("obligations[{i}].within_days"),
                Fault::DaysOutOfRange(o.within_days),
            );
        }
        if !kebab(&o.condition.id) {
            push(
                format!("obligations[{i}].condition.id"),
                Fault::IdBadForm(o.condition.id.clone()),
            );
        }
        for (k, kind) in o.kinds.iter().enumerate() {
            if !known_kind(o.category, kind) {
                push(
                    format!("obligations[{i}].kinds[{k}]"),
                    Fault::NoSuchKind(o.category, kind.clone()),
                );
            }
        }
    }
    out
}
