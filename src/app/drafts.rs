//! Drafts: the text of an open form is kept on disk as it is typed (every tick it changed),
//! and offered back at the next start if the desk went away before it was submitted. What
//! a form holds comes from its layer's `draft`; taking one back is the question's.

use super::App;
use super::layers::question::Question;
use super::ui_state::NoticeLevel;
use shiftdesk_core::draft::Draft;

impl App {
    /// The form being typed in, as a draft; None when no form with text is open.
    pub fn current_draft(&self) -> Option<Draft> {
        self.ui.layers.top()?.draft(self.now)
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
        self.ui
            .layers
            .open(Box::new(Question::Draft(Box::new(draft))));
    }
}
