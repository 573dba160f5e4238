//! The guide as plain text, for `shiftdesk guide` and the desk's guide overlay: one category,
//! or all of it. Every text from the file is made safe to show.

use super::{CountedFrom, ForwardTo, Guide, KnownRisk, ObligationRule};
use crate::category::Category;
use crate::i18n::{self, Lang, Msg, fill, t};
use crate::playbook::{CategoryPlaybook, Playbooks};
use crate::roster::Roster;
use crate::text::safe_line;

/// The guide for one category (its definition, examples, boundaries, severities, and what
/// belongs to it: its kinds as the playbooks have them, the scope definition, its
/// obligations), or, with None, all of it.
pub fn guide_text(
    guide: &Guide,
    category: Option<Category>,
    roster: &Roster,
    books: &Playbooks,
    lang: Lang,
) -> String {
    let mut out = Vec::new();
    if let Some(note) = &guide.note {
        out.push(safe_line(note.get(lang)));
        out.push(String::new());
    }
    let categories: Vec<Category> = match category {
        Some(c) => vec![c],
        None => Category::ALL.to_vec(),
    };
    for c in &categories {
        category_text(guide, *c, lang, &mut out);
        if let Some(book) = books.for_category(*c) {
            kinds_text(book, lang, &mut out);
        }
        if *c == Category::OutOfScope {
            scope_text(guide, roster, lang, &mut out);
        }
        let obligations: Vec<&ObligationRule> = guide
            .obligations
            .iter()
            .filter(|o| o.category == *c)
            .collect();
        if !obligations.is_empty() {
            out.push(format!("  {}", t(lang, Msg::GuideObligations)));
            for o in obligations {
                obligation_text(o, lang, &mut out);
            }
        }
        out.push(String::new());
    }
    if category.is_none() && !guide.known_risks.is_empty() {
        out.push(t(lang, Msg::GuideKnownRisks).to_string());
        for r in &guide.known_risks {
            risk_text(r, lang, &mut out);
        }
    }
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}

/// The known risks that mention every word of `query`, as text.
pub fn risks_text(guide: &Guide, query: &str, lang: Lang) -> String {
    let mut out = Vec::new();
    for r in guide.risks_matching(query) {
        risk_text(r, lang, &mut out);
    }
    let mut text = out.join("\n");
    if !text.is_empty() {
        text.push('\n');
    }
    text
}

fn category_text(guide: &Guide, c: Category, lang: Lang, out: &mut Vec<String>) {
    out.push(format!("{} ({})", i18n::category(lang, c), c.id()));
    let Some(g) = guide.category(c) else {
        out.push(format!("  {}", t(lang, Msg::GuideNone)));
        return;
    };
    out.push(format!("  {}", safe_line(g.definition.get(lang))));
    list(
        out,
        lang,
        Msg::GuideExamples,
        g.examples.iter().map(|x| x.get(lang)),
    );
    list(
        out,
        lang,
        Msg::GuideBoundaries,
        g.boundaries.iter().map(|x| x.get(lang)),
    );
    out.push(format!("  {}", t(lang, Msg::GuideSeverity)));
    for (s, meaning) in g.severity.iter() {
        out.push(format!(
            "    {}: {}",
            i18n::severity(lang, s),
            safe_line(meaning.get(lang))
        ));
    }
}

/// The category's kinds, each with its id (for `new --kind`) and what it is.
fn kinds_text(book: &CategoryPlaybook, lang: Lang, out: &mut Vec<String>) {
    if book.kinds.is_empty() {
        return;
    }
    out.push(format!("  {}", t(lang, Msg::GuideKinds)));
    for k in &book.kinds {
        let name = safe_line(k.name.get(lang));
        out.push(format!(
            "    - {}",
            fill(lang, Msg::GuideKindLine, &[("name", &name), ("id", &k.id)])
        ));
        if let Some(summary) = &k.summary {
            out.push(format!("      {}", safe_line(summary.get(lang))));
        }
    }
}

fn list<'a>(out: &mut Vec<String>, lang: Lang, heading: Msg, items: impl Iterator<Item = &'a str>) {
    let items: Vec<&str> = items.collect();
    if items.is_empty() {
        return;
    }
    out.push(format!("  {}", t(lang, heading)));
    for item in items {
        out.push(format!("    - {}", safe_line(item)));
    }
}

fn scope_text(guide: &Guide, roster: &Roster, lang: Lang, out: &mut Vec<String>) {
    let Some(scope) = &guide.scope else {
        return;
    };
    list(
        out,
        lang,
        Msg::GuideHandles,
        scope.handles.iter().map(|x| x.get(lang)),
    );
    if scope.does_not_handle.is_empty() {
        return;
    }
    out.push(format!("  {}", t(lang, Msg::GuideNotHandled)));
    for n in &scope.does_not_handle {
        out.push(format!("    - {}", safe_line(n.request.get(lang))));
        out.push(format!(
            "      {}",
            fill(
                lang,
                Msg::GuideForwardTo,
                &[("to", &forward_words(&n.forward_to, roster, lang))]
            )
        ));
        out.push(format!(
            "      {}",
            fill(
                lang,
                Msg::GuideRule,
                &[("rule", &safe_line(n.rule.get(lang)))]
            )
        ));
    }
}

/// Who a request goes to, in words: the contact's name, role and first number, or the team
/// and how to reach it.
pub fn forward_words(to: &ForwardTo, roster: &Roster, lang: Lang) -> String {
    match to {
        ForwardTo::Contact(id) => match roster.contact(id) {
            Some(c) => {
                let mut words = safe_line(&c.name);
                if !c.role.trim().is_empty() {
                    words.push_str(&format!(" ({})", safe_line(&c.role)));
                }
                if let Some(phone) = c.phones.first() {
                    words.push_str(&format!(" {}", safe_line(&phone.number)));
                }
                words
            }
            None => safe_line(id),
        },
        ForwardTo::Team { team, how } => match how {
            Some(how) => format!(
                "{} — {}",
                safe_line(team.get(lang)),
                safe_line(how.get(lang))
            ),
            None => safe_line(team.get(lang)),
        },
    }
}

fn obligation_text(o: &ObligationRule, lang: Lang, out: &mut Vec<String>) {
    let from = match o.counted_from {
        CountedFrom::Detected => t(lang, Msg::GuideFromDetected),
        CountedFrom::Learned => t(lang, Msg::GuideFromLearned),
    };
    out.push(format!(
        "    - {}",
        fill(
            lang,
            Msg::GuideObligationLine,
            &[
                ("what", &safe_line(o.what.get(lang))),
                ("to", &safe_line(o.to.get(lang))),
                ("days", &o.within_days.to_string()),
                ("from", from),
            ],
        )
    ));
    out.push(format!(
        "      {}",
        fill(
            lang,
            Msg::GuideWhen,
            &[("question", &safe_line(o.condition.question.get(lang)))]
        )
    ));
    if o.example {
        out.push(format!("      {}", t(lang, Msg::GuideExampleOnly)));
    }
}

fn risk_text(r: &KnownRisk, lang: Lang, out: &mut Vec<String>) {
    out.push(format!("  - {}", safe_line(r.risk.get(lang))));
    out.push(format!("    {}", safe_line(r.handling.get(lang))));
    out.push(format!(
        "    {}",
        fill(
            lang,
            Msg::GuideAgreed,
            &[
                ("who", &safe_line(&r.agreed_by)),
                ("date", &r.agreed_on.format("%Y-%m-%d").to_string()),
            ],
        )
    ));
}
