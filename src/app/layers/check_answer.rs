//! Answering one readiness check of a running drill: yes / no / not checked, with a note.

use super::drills::ChecksList;
use crate::app::App;
use crate::app::action::Action;
use crate::app::drafts::{choice_in, choice_of, form_draft};
use crate::app::key_table::When;
use crate::app::layer::{Layer, Outcome, Work};
use crate::app::text_field::TextField;
use crate::ui::form_parts::{FormRow, Row, draw_form};
use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::Rect;
use shiftdesk_core::IncidentId;
use shiftdesk_core::change::Change;
use shiftdesk_core::draft::{Draft, DraftKind};
use shiftdesk_core::drill::Answer;
use shiftdesk_core::i18n::{self, Msg, fill};
use shiftdesk_core::text::safe_line;

/// The answers, in the order a draft counts them.
const ANSWERS: [Answer; 3] = [Answer::Yes, Answer::No, Answer::NotChecked];

pub struct CheckAnswerForm {
    pub incident: IncidentId,
    pub check: String,
    pub answer: Answer,
    pub note: TextField,
}

impl CheckAnswerForm {
    pub fn new(incident: IncidentId, check: String, answer: Answer) -> CheckAnswerForm {
        CheckAnswerForm {
            incident,
            check,
            answer,
            note: TextField::new(false),
        }
    }

    /// The form a kept draft came from, with its text.
    pub fn from_draft(d: &Draft) -> Option<CheckAnswerForm> {
        let answer = choice_in(&ANSWERS, d.field("_answer"))?;
        let mut form = CheckAnswerForm::new(d.incident.clone()?, d.field("_check").into(), answer);
        form.note = TextField::with_raw(d.field("note"), false);
        Some(form)
    }

    /// The answer saved, and back to the checks with the next one under the cursor
    /// (whatever became of the answer).
    fn submit(&self, app: &App) -> Outcome {
        let cursor = app
            .desk
            .incident(&self.incident)
            .and_then(|i| i.drill_run.as_ref())
            .and_then(|r| r.checks.iter().position(|c| c.id == self.check))
            .map_or(0, |p| p + 1);
        let mut checks = ChecksList::new(self.incident.clone());
        checks.cursor = cursor;
        Outcome::Submit(vec![
            Work::Open(Box::new(checks)),
            Work::Change(Change::AnswerCheck {
                incident: self.incident.clone(),
                check: self.check.clone(),
                answer: self.answer,
                note: self.note.text().trim().to_string(),
            }),
        ])
    }
}

impl Layer for CheckAnswerForm {
    fn keys(&self) -> &'static [When] {
        &[When::Form]
    }

    fn handle(&mut self, action: &Action, app: &App) -> Outcome {
        match action {
            Action::Input(key) => self.note.input(*key),
            Action::Paste(text) => self.note.paste(text),
            Action::Submit => return self.submit(app),
            _ => return Outcome::PassDown,
        }
        Outcome::Consumed
    }

    fn draft(&self, now: DateTime<Utc>) -> Option<Draft> {
        let fields = [
            ("note", self.note.raw()),
            ("_check", self.check.clone()),
            ("_answer", choice_of(&ANSWERS, &self.answer)),
        ];
        (!self.note.is_empty())
            .then(|| form_draft(DraftKind::CheckAnswer, Some(&self.incident), fields, now))
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App) {
        let lang = app.lang();
        let check = app
            .desk
            .incident(&self.incident)
            .and_then(|i| i.drill_run.as_ref())
            .and_then(|r| r.checks.iter().find(|c| c.id == self.check))
            .map(|c| safe_line(c.text.get(lang)))
            .unwrap_or_default();
        let title = fill(
            lang,
            Msg::CheckAnswerTitle,
            &[("answer", i18n::answer(lang, self.answer))],
        );
        let rows = vec![FormRow {
            label: Msg::FieldNotes,
            content: Row::Text(&self.note),
            focused: true,
            below: None,
            height: 1,
        }];
        let title = format!("{title} · {check}");
        draw_form(frame, area, app, &title, &rows, Msg::NoteHint);
    }
}
