//! The timeline's entries about conditions, obligations and out-of-scope decisions, in
//! words: the question and its answer, the obligation (what, to whom), the decision and the
//! rule that applied.

use super::{About, EntryKind, TimelineEntry};
use crate::i18n::{self, Lang};
use crate::incident::Incident;
use crate::roster::Roster;
use crate::text::safe_line;

/// The words of an entry about a condition, an obligation or a decision; None for any
/// other entry.
pub(super) fn about_words(
    entry: &TimelineEntry,
    incident: &Incident,
    roster: &Roster,
    lang: Lang,
) -> Option<String> {
    match (entry.kind, entry.about.as_ref()?) {
        (EntryKind::ConditionAnswered, About::Condition { id, answer }) => {
            let question = incident
                .condition(id)
                .map_or(id.as_str(), |c| c.question.get(lang));
            Some(format!(
                "«{}» → {}",
                safe_line(question),
                i18n::known(lang, *answer)
            ))
        }
        (_, About::Obligation { id }) => {
            let o = incident.obligations.iter().find(|o| o.id == *id)?;
            Some(format!(
                "«{}» → {}",
                safe_line(o.what.get(lang)),
                safe_line(o.to.get(lang))
            ))
        }
        (EntryKind::ScopeDecided, About::Decision { index }) => {
            let d = incident.scope_decisions.get(*index)?;
            Some(d.lines(roster, lang).join(" — "))
        }
        _ => None,
    }
}
