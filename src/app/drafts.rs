//! Drafts: the text of an open form is kept on disk as it is typed (every tick it changed),
//! and offered back at the next start if the desk went away before it was submitted.

use super::App;
use super::form_new::NewIncidentForm;
use super::form_note::{NoteForm, NoteTarget};
use super::text_field::TextField;
use super::ui_state::{NoticeLevel, Overlay};
use shiftdesk_core::draft::{Draft, DraftKind};
use shiftdesk_core::i18n::{Msg, t};
use shiftdesk_core::{Category, Severity};
use std::collections::BTreeMap;

impl App {
    /// The form being typed in, as a draft; None when no form with text is open.
    pub fn current_draft(&self) -> Option<Draft> {
        let mut fields = BTreeMap::new();
        let (kind, incident, step) = match &self.ui.overlay {
            Some(Overlay::NewIncident(f)) if f.has_text() => {
                fields.insert("title".into(), f.title.raw());
                fields.insert("detected".into(), f.detected.raw());
                fields.insert("description".into(), f.description.raw());
                fields.insert("category".into(), f.category.id().into());
                fields.insert("severity".into(), f.severity.to_string());
                (DraftKind::NewIncident, None, None)
            }
            Some(Overlay::Note(f)) if !f.text.is_empty() => {
                fields.insert("text".into(), f.text.raw());
                match &f.target {
                    NoteTarget::Step { incident, step } => (
                        DraftKind::StepNote,
                        Some(incident.clone()),
                        Some(step.clone()),
                    ),
                    NoteTarget::Incident(id) => (DraftKind::IncidentNote, Some(id.clone()), None),
                    NoteTarget::Update(id) => (DraftKind::UpdateNote, Some(id.clone()), None),
                }
            }
            _ => return None,
        };
        Some(Draft {
            schema_version: shiftdesk_store::drafts::DRAFT_SCHEMA_VERSION,
            kind,
            incident,
            step,
            fields,
            saved_at: self.now,
        })
    }

    /// Keeps the current draft on disk when it changed since last kept; removes the kept
    /// one once no form holds text.
    pub(super) fn keep_draft(&mut self) {
        if matches!(self.ui.overlay, Some(Overlay::ConfirmDraft(_))) {
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

    /// Opens the form a draft came from, with its text.
    pub(super) fn restore_draft(&mut self, d: Draft) {
        self.ui.overlay = match d.kind {
            DraftKind::NewIncident => {
                let mut form = NewIncidentForm {
                    title: TextField::with_raw(d.field("title"), false),
                    detected: TextField::with_raw(d.field("detected"), false),
                    description: TextField::with_raw(d.field("description"), true),
                    ..Default::default()
                };
                if let Ok(c) = d.field("category").parse::<Category>() {
                    form.category = c;
                }
                if let Ok(s) = d.field("severity").parse::<Severity>() {
                    form.severity = s;
                }
                Some(Overlay::NewIncident(Box::new(form)))
            }
            kind => {
                let Some(incident) = d.incident.clone() else {
                    return;
                };
                let target = match (kind, d.step.clone()) {
                    (DraftKind::StepNote, Some(step)) => NoteTarget::Step { incident, step },
                    (DraftKind::UpdateNote, _) => NoteTarget::Update(incident),
                    _ => NoteTarget::Incident(incident),
                };
                let mut form = NoteForm::new(target);
                form.text = TextField::with_raw(d.field("text"), true);
                Some(Overlay::Note(Box::new(form)))
            }
        };
        let text = t(self.lang(), Msg::MsgDraftRestored).to_string();
        self.notify(NoticeLevel::Info, text);
    }

    /// At start: offer a draft kept by a desk that went away.
    pub fn offer_draft(&mut self, draft: Draft) {
        self.ui.overlay = Some(Overlay::ConfirmDraft(Box::new(draft)));
    }
}
