//! Drafts: the text of an open form is kept on disk as it is typed (every tick it changed),
//! and offered back at the next start if the desk went away before it was submitted. What
//! a form holds comes from its layer's `draft`; taking one back is the question's.

use super::App;
use super::layers::question::Question;
use super::ui_state::NoticeLevel;
use chrono::{DateTime, Utc};
use shiftdesk_core::IncidentId;
use shiftdesk_core::draft::{Draft, DraftKind};

/// A form's draft, of this kind, about this incident, with these fields by name (a name
/// starting with `_` holds a choice, not typed text).
pub(crate) fn form_draft<K: Into<String>>(
    kind: DraftKind,
    incident: Option<&IncidentId>,
    fields: impl IntoIterator<Item = (K, String)>,
    now: DateTime<Utc>,
) -> Draft {
    let version = shiftdesk_store::drafts::DRAFT_SCHEMA_VERSION;
    Draft::new(kind, incident, fields, version, now)
}

/// A choice among `all`, as a draft keeps it: its place in the list.
pub(crate) fn choice_of<T: PartialEq>(all: &[T], value: &T) -> String {
    all.iter().position(|x| x == value).unwrap_or(0).to_string()
}

/// The choice a draft kept with [`choice_of`]; None when it names none of `all`.
pub(crate) fn choice_in<T: Copy>(all: &[T], kept: &str) -> Option<T> {
    kept.parse::<usize>().ok().and_then(|i| all.get(i).copied())
}

impl App {
    /// The form being typed in, as a draft — the top one holding text, under a question
    /// asked over it too; None when no open form holds text.
    pub fn current_draft(&self) -> Option<Draft> {
        self.ui.layers.from_top().find_map(|l| l.draft(self.now))
    }

    /// Keeps the current draft on disk when it changed since last kept; removes the kept
    /// one once no form holds text.
    pub(super) fn keep_draft(&mut self) {
        if matches!(
            self.ui.layers.top_as::<Question>(),
            Some(Question::Draft(_))
        ) {
            // The kept draft waits for the operator's answer.
            return;
        }
        let now = self.current_draft();
        let changed = match (&now, &self.ui.kept_draft) {
            (Some(a), Some(b)) => !a.same_as(b),
            (None, None) => false,
            _ => true,
        };
        if changed {
            match self.desk.save_draft(now.as_ref()) {
                Ok(()) => self.ui.kept_draft = now,
                Err(e) => self.notify(NoticeLevel::Warning, format!("{e:#}")),
            }
        }
    }

    /// At start: offer a draft kept by a desk that went away.
    pub fn offer_draft(&mut self, draft: Draft) {
        // Over the roll-out, if it is up: the question first, then what changed.
        self.ui
            .layers
            .push(Box::new(Question::Draft(Box::new(draft))));
    }

    /// At start: what changed in the flow since this operator last acknowledged it, if
    /// anything is to be acknowledged.
    pub fn offer_roll_out(&mut self) {
        if let Some(roll_out) = self.desk.flow.roll_out(&self.operator.name) {
            let layer = super::layers::roll_out::RollOutLayer::new(roll_out);
            self.ui.layers.open(Box::new(layer));
        }
    }
}
