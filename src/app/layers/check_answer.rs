//! Answering one readiness check of a running drill: yes / no / not checked, with a note.
//! A "no" can carry, in the same form, the measure that follows it up for real (what, who,
//! by when): it joins the incident's measures, and so the follow-ups and the handover.

use super::drills::ChecksList;
use crate::app::App;
use crate::app::action::Action;
use crate::app::drafts::{choice_in, choice_of, form_draft};
use crate::app::fields::Fields;
use crate::app::key_table::When;
use crate::app::layer::{Layer, Outcome, Work};
use crate::app::ui_state::NoticeLevel;
use crate::ui::form_parts::{FormRow, Row, draw_form};
use chrono::{DateTime, NaiveDate, Utc};
use ratatui::Frame;
use ratatui::layout::Rect;
use shiftdesk_core::IncidentId;
use shiftdesk_core::change::Change;
use shiftdesk_core::draft::{Draft, DraftKind};
use shiftdesk_core::drill::Answer;
use shiftdesk_core::i18n::{self, Msg, fill, t};
use shiftdesk_core::record::NewMeasure;
use shiftdesk_core::text::safe_line;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckField {
    Note,
    /// What is to be done about a "no", for real.
    Measure,
    Owner,
    Due,
}

/// The answers, in the order a draft counts them.
const ANSWERS: [Answer; 3] = [Answer::Yes, Answer::No, Answer::NotChecked];

/// Each field's name in a draft.
const DRAFTED: [(CheckField, &str); 4] = [
    (CheckField::Note, "note"),
    (CheckField::Measure, "measure"),
    (CheckField::Owner, "owner"),
    (CheckField::Due, "due"),
];

pub struct CheckAnswerForm {
    pub incident: IncidentId,
    pub check: String,
    pub answer: Answer,
    pub fields: Fields<CheckField>,
    /// The note the check had: left as it was, it is nothing lost.
    note_before: String,
    pub error: Option<(CheckField, Msg)>,
}

impl CheckAnswerForm {
    /// The form for a check, holding the note it has; a "no" also has the follow-up's fields.
    pub fn new(incident: IncidentId, check: String, answer: Answer, note: &str) -> Self {
        let mut fields = vec![(CheckField::Note, note, false)];
        if answer == Answer::No {
            fields.extend([
                (CheckField::Measure, "", false),
                (CheckField::Owner, "", false),
                (CheckField::Due, "", false),
            ]);
        }
        CheckAnswerForm {
            incident,
            check,
            answer,
            fields: Fields::new(fields),
            note_before: note.to_string(),
            error: None,
        }
    }

    /// The form a kept draft came from, with its text (the check's note as it was when the
    /// draft was kept counts as what the form opened with).
    pub fn from_draft(d: &Draft) -> Option<CheckAnswerForm> {
        let answer = choice_in(&ANSWERS, d.field("_answer"))?;
        let mut form = CheckAnswerForm::new(
            d.incident.clone()?,
            d.field("_check").into(),
            answer,
            d.field("_note_before"),
        );
        form.fields.restore_all(&DRAFTED, d);
        Some(form)
    }

    /// The note, and the follow-up measure when one is written; or the field in error.
    pub fn validate(&mut self) -> Option<(String, Option<NewMeasure>)> {
        let note = self.fields.text(CheckField::Note);
        let [what, owner, due] =
            [CheckField::Measure, CheckField::Owner, CheckField::Due].map(|f| self.fields.text(f));
        let due = if due.is_empty() {
            None
        } else {
            match NaiveDate::parse_from_str(&due, "%Y-%m-%d") {
                Ok(d) => Some(d),
                Err(_) => return self.fail(CheckField::Due, Msg::ErrDateFormat),
            }
        };
        if what.is_empty() && (!owner.is_empty() || due.is_some()) {
            return self.fail(CheckField::Measure, Msg::ErrMeasureWhat);
        }
        self.error = None;
        let measure = (!what.is_empty()).then(|| NewMeasure {
            text: what,
            owner,
            due,
            check: Some(self.check.clone()),
        });
        Some((note, measure))
    }

    fn fail<T>(&mut self, field: CheckField, msg: Msg) -> Option<T> {
        self.error = Some((field, msg));
        self.fields.set_focus(field);
        None
    }

    /// The answer saved, the follow-up added, and back to the checks with the same one
    /// under the cursor.
    fn submit(&mut self, app: &App) -> Outcome {
        let Some((note, measure)) = self.validate() else {
            return Outcome::Consumed;
        };
        let cursor = app
            .desk
            .incident(&self.incident)
            .and_then(|i| i.drill_run.as_ref())
            .and_then(|r| r.checks.iter().position(|c| c.id == self.check))
            .unwrap_or(0);
        let mut checks = ChecksList::new(self.incident.clone());
        checks.cursor = cursor;
        let mut work = vec![Work::Change(Change::AnswerCheck {
            incident: self.incident.clone(),
            check: self.check.clone(),
            answer: self.answer,
            note,
        })];
        if let Some(measure) = measure {
            work.push(Work::Change(Change::AddMeasure {
                incident: self.incident.clone(),
                measure: Box::new(measure),
            }));
            let text = t(app.lang(), Msg::MsgFollowUpAdded).to_string();
            work.push(Work::Say(NoticeLevel::Info, text));
        }
        work.push(Work::Open(Box::new(checks)));
        Outcome::Submit(work)
    }
}

impl Layer for CheckAnswerForm {
    fn keys(&self) -> &'static [When] {
        &[When::Form]
    }

    fn handle(&mut self, action: &Action, app: &App) -> Outcome {
        match action {
            Action::Input(key) => self.fields.input(*key),
            Action::Paste(text) => self.fields.paste(text),
            Action::FieldNext => self.fields.cycle(1),
            Action::FieldPrev => self.fields.cycle(-1),
            Action::Submit => return self.submit(app),
            _ => return Outcome::PassDown,
        }
        Outcome::Consumed
    }

    fn draft(&self, now: DateTime<Utc>) -> Option<Draft> {
        if !self.unsaved() {
            return None;
        }
        let mut fields = self.fields.drafted(&DRAFTED);
        fields.push(("_check", self.check.clone()));
        fields.push(("_answer", choice_of(&ANSWERS, &self.answer)));
        fields.push(("_note_before", self.note_before.clone()));
        Some(form_draft(
            DraftKind::CheckAnswer,
            Some(&self.incident),
            fields,
            now,
        ))
    }

    fn unsaved(&self) -> bool {
        self.fields.text(CheckField::Note) != self.note_before.trim()
            || [CheckField::Measure, CheckField::Owner, CheckField::Due]
                .iter()
                .any(|f| !self.fields.text(*f).is_empty())
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
        let focus = self.fields.focus();
        let rows: Vec<FormRow> = [
            (CheckField::Note, Msg::FieldNotes, None),
            (
                CheckField::Measure,
                Msg::FieldFollowUp,
                Some((Msg::FollowUpHint, false)),
            ),
            (CheckField::Owner, Msg::FieldOwner, None),
            (CheckField::Due, Msg::FieldDue, None),
        ]
        .into_iter()
        .filter_map(|(field, label, below)| {
            let error = self
                .error
                .filter(|(f, _)| *f == field)
                .map(|(_, e)| (e, true));
            Some(FormRow {
                label,
                content: Row::Text(self.fields.get(field)?),
                focused: focus == Some(field),
                below: error.or(below),
                height: 1,
            })
        })
        .collect();
        let hint = if app.ui.layers.discard_armed() {
            Msg::DiscardHint
        } else if self.answer == Answer::No {
            Msg::FormHintNoChoice
        } else {
            Msg::NoteHint
        };
        draw_form(frame, area, app, &format!("{title} · {check}"), &rows, hint);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no() -> CheckAnswerForm {
        let id = IncidentId::from_number(1);
        CheckAnswerForm::new(id, "backup-powered".into(), Answer::No, "")
    }

    #[test]
    fn a_no_can_carry_its_follow_up_measure() {
        let mut f = no();
        f.fields.paste("rack B dark");
        f.fields.cycle(1);
        f.fields.paste("Power rack B");
        f.fields.cycle(1);
        f.fields.paste("Sato");
        f.fields.cycle(1);
        f.fields.paste("2026-12-20");
        let (note, measure) = f.validate().unwrap();
        assert_eq!(note, "rack B dark");
        assert_eq!(
            measure,
            Some(NewMeasure {
                text: "Power rack B".into(),
                owner: "Sato".into(),
                due: NaiveDate::from_ymd_opt(2026, 12, 20),
                check: Some("backup-powered".into()),
            })
        );
    }

    #[test]
    fn a_no_with_its_follow_up_comes_back_from_its_draft() {
        let mut f = no();
        f.fields.paste("rack B dark");
        f.fields.cycle(1);
        f.fields.paste("Power rack B");
        let draft = f.draft(chrono::Utc::now()).expect("text typed");
        let mut back = CheckAnswerForm::from_draft(&draft).unwrap();
        assert_eq!(back.answer, Answer::No);
        assert_eq!(back.check, "backup-powered");
        let (note, measure) = back.validate().unwrap();
        assert_eq!(note, "rack B dark");
        assert_eq!(measure.unwrap().text, "Power rack B");
        // Nothing typed: no draft.
        assert!(no().draft(chrono::Utc::now()).is_none());
    }

    #[test]
    fn a_follow_up_needs_what_is_to_be_done_and_a_real_date() {
        let mut f = no();
        f.fields.set_focus(CheckField::Owner);
        f.fields.paste("Sato");
        assert!(f.validate().is_none());
        assert_eq!(f.error, Some((CheckField::Measure, Msg::ErrMeasureWhat)));
        assert_eq!(f.fields.focus(), Some(CheckField::Measure));
        f.fields.paste("Power rack B");
        f.fields.set_focus(CheckField::Due);
        f.fields.paste("next week");
        assert!(f.validate().is_none());
        assert_eq!(f.error, Some((CheckField::Due, Msg::ErrDateFormat)));
        // A yes has only its note.
        let id = IncidentId::from_number(1);
        let yes = CheckAnswerForm::new(id, "backup-powered".into(), Answer::Yes, "seen");
        assert!(yes.fields.get(CheckField::Measure).is_none());
        assert!(!yes.unsaved(), "the note it had is nothing lost");
    }
}
