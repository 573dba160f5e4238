//! A note: on a checklist step, on the incident as a whole, or a status update given to
//! the people reached.

use crate::app::App;
use crate::app::action::Action;
use crate::app::drafts::form_draft;
use crate::app::key_table::When;
use crate::app::layer::{Layer, Outcome, Work};
use crate::app::text_field::TextField;
use crate::app::ui_state::{NoticeLevel, Pane};
use crate::ui::fit::{at_most, wrapped};
use crate::ui::form_parts::{draw_field, hint};
use crate::ui::widgets::popup;
use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Paragraph;
use shiftdesk_core::IncidentId;
use shiftdesk_core::change::{Change, ChangeError};
use shiftdesk_core::draft::{Draft, DraftKind};
use shiftdesk_core::i18n::{Msg, fill, t};
use shiftdesk_core::text::safe_line;

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
    /// Opened from the timeline: go back to it once saved.
    pub from_timeline: bool,
}

impl NoteForm {
    pub fn new(target: NoteTarget) -> NoteForm {
        NoteForm {
            target,
            text: TextField::new(true),
            from_timeline: false,
        }
    }

    /// The form a kept draft came from, with its text; None when the draft names no
    /// incident.
    pub fn from_draft(d: &Draft) -> Option<NoteForm> {
        let incident = d.incident.clone()?;
        let target = match (d.kind, d.step.clone()) {
            (DraftKind::StepNote, Some(step)) => NoteTarget::Step { incident, step },
            (DraftKind::UpdateNote, _) => NoteTarget::Update(incident),
            _ => NoteTarget::Incident(incident),
        };
        let mut form = NoteForm::new(target);
        form.text = TextField::with_raw(d.field("text"), true);
        Some(form)
    }

    fn submit(&self) -> Outcome {
        let text = self.text.text();
        let change = match &self.target {
            NoteTarget::Step { incident, step } => Change::NoteStep {
                incident: incident.clone(),
                step: step.clone(),
                text,
            },
            NoteTarget::Incident(incident) => Change::Note {
                incident: incident.clone(),
                text,
            },
            NoteTarget::Update(incident) => Change::UpdateSent {
                incident: incident.clone(),
                text,
            },
        };
        let then = match &self.target {
            NoteTarget::Incident(id) if self.from_timeline => {
                let timeline = super::text::TextView::Timeline(id.clone());
                Work::Open(Box::new(super::text::TextLayer::new(timeline)))
            }
            _ => Work::Close,
        };
        Outcome::Submit(vec![Work::Change(change), then])
    }
}

/// `a`: a note on the selected incident — on the step under the cursor when the checklist
/// has focus, on the incident from the timeline or elsewhere. Says so when it is closed.
pub fn open(app: &App, from_timeline: bool) -> Vec<Work> {
    let Some(inc) = app.selected() else {
        return Vec::new();
    };
    let target = match (app.ui.focus, app.selected_step()) {
        (Pane::Checklist, Some(i)) if !from_timeline => NoteTarget::Step {
            incident: inc.id.clone(),
            step: inc.checklist[i].id.clone(),
        },
        _ => NoteTarget::Incident(inc.id.clone()),
    };
    if !inc.is_open() {
        let text = ChangeError::IncidentClosed(inc.id.clone()).message(app.lang());
        return vec![Work::Say(NoticeLevel::Error, text)];
    }
    let mut form = NoteForm::new(target);
    form.from_timeline = from_timeline;
    vec![Work::Open(Box::new(form))]
}

impl Layer for NoteForm {
    fn keys(&self) -> &'static [When] {
        &[When::Form]
    }

    fn handle(&mut self, action: &Action, _app: &App) -> Outcome {
        match action {
            Action::Input(key) => self.text.input(*key),
            Action::Paste(text) => self.text.paste(text),
            Action::NewLine => self.text.new_line(),
            Action::Submit => return self.submit(),
            _ => return Outcome::PassDown,
        }
        Outcome::Consumed
    }

    fn draft(&self, now: DateTime<Utc>) -> Option<Draft> {
        if self.text.is_empty() {
            return None;
        }
        let (kind, incident, step) = match &self.target {
            NoteTarget::Step { incident, step } => {
                (DraftKind::StepNote, incident, Some(step.clone()))
            }
            NoteTarget::Incident(id) => (DraftKind::IncidentNote, id, None),
            NoteTarget::Update(id) => (DraftKind::UpdateNote, id, None),
        };
        let mut draft = form_draft(kind, Some(incident), [("text", self.text.raw())], now);
        draft.step = step;
        Some(draft)
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App) {
        let lang = app.lang();
        let title = match &self.target {
            NoteTarget::Step { incident, step } => {
                let text = app
                    .desk
                    .incident(incident)
                    .and_then(|i| i.step(step))
                    .map(|s| safe_line(s.text.get(lang)))
                    .unwrap_or_default();
                fill(lang, Msg::NoteOnStep, &[("step", &text)])
            }
            NoteTarget::Incident(id) => fill(lang, Msg::NoteOnIncident, &[("id", &id.0)]),
            NoteTarget::Update(id) => format!("{id} · {}", t(lang, Msg::UpdateTitle)),
        };
        let inner = popup(frame, area, 72, 10, "✎");
        let [head, body, hint_area] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Min(1),
            Constraint::Length(1),
        ])
        .areas(inner);
        // The step it is on, in two lines at most (a longer one says it is cut).
        let width = usize::from(head.width);
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let lines = at_most(
            wrapped(&title, width, bold),
            usize::from(head.height),
            width,
        );
        frame.render_widget(Paragraph::new(lines), head);
        draw_field(frame, body, &self.text, true);
        frame.render_widget(hint(app, Msg::NoteHintLines), hint_area);
    }
}
