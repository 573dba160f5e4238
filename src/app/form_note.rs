//! A note: on a checklist step, or on the incident as a whole.

use super::text_field::TextField;
use shiftdesk_core::IncidentId;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteTarget {
    Step {
        incident: IncidentId,
        step: String,
    },
    Incident(IncidentId),
    /// A status update given to the people reached; the text says what was said.
    Update(IncidentId),
}

pub struct NoteForm {
    pub target: NoteTarget,
    pub text: TextField,
    pub discard_armed: bool,
    /// Opened from the timeline: go back to it once saved.
    pub from_timeline: bool,
}

impl NoteForm {
    pub fn new(target: NoteTarget) -> NoteForm {
        NoteForm {
            target,
            text: TextField::new(true),
            discard_armed: false,
            from_timeline: false,
        }
    }
}
