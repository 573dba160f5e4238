//! The scope of impact: affected services, customers or sites, an estimated count, since
//! when, notes — and, where the guide declares obligations for the incident's category and
//! kind, each condition that brings them ("personal information involved?"), answered yes,
//! no or not known. The answers go in the same change as the scope; a yes brings the
//! obligations.

use crate::app::App;
use crate::app::action::Action;
use crate::app::drafts::{choice_in, choice_of, form_draft};
use crate::app::fields::{Fields, cycle};
use crate::app::key_table::When;
use crate::app::layer::{Layer, Outcome};
use crate::ui::form_parts::{FIELD_WIDTH, FormRow, Row, draw_form, text_row};
use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use shiftdesk_core::IncidentId;
use shiftdesk_core::change::Change;
use shiftdesk_core::clock::{Zone, parse_time_input};
use shiftdesk_core::draft::{Draft, DraftKind};
use shiftdesk_core::i18n::{self, Lang, Msg, fill, t};
use shiftdesk_core::obligation::{Asked, ConditionInput, Known, conditions_for};
use shiftdesk_core::record::Scope;
use shiftdesk_core::text::safe_line;
use shiftdesk_core::wrap::wrap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeField {
    Services,
    Affected,
    Count,
    Since,
    Notes,
}

/// The fields, by the names a draft keeps them under.
const NAMES: [(ScopeField, &str); 5] = [
    (ScopeField::Services, "services"),
    (ScopeField::Affected, "affected"),
    (ScopeField::Count, "count"),
    (ScopeField::Since, "since"),
    (ScopeField::Notes, "notes"),
];

/// A condition of the guide as the form asks it: the answer picked, and the one the
/// incident had when the form opened (None: never answered).
pub struct Question {
    pub asked: Asked,
    pub answer: Known,
    pub was: Option<Known>,
}

impl Question {
    /// What the draft keeps the answer under: a choice, not typed text.
    fn draft_name(&self) -> String {
        format!("condition._{}", self.asked.id)
    }

    fn changed(&self) -> bool {
        self.was.unwrap_or(Known::NotKnown) != self.answer
    }
}

pub struct ScopeForm {
    pub incident: IncidentId,
    pub fields: Fields<ScopeField>,
    /// The guide's conditions for the incident, asked above the fields (none when no
    /// obligation applies to it).
    pub questions: Vec<Question>,
    /// Focus on a question (its index) rather than on a field.
    pub on_question: Option<usize>,
    pub error: Option<(ScopeField, Msg)>,
}

impl ScopeForm {
    pub fn new(incident: IncidentId, scope: Option<&Scope>, zone: &Zone) -> ScopeForm {
        let s = scope.cloned().unwrap_or_default();
        let count = s.count_shown().unwrap_or_default();
        let since = s
            .since
            .map(|t| zone.format(t, "%Y-%m-%d %H:%M"))
            .unwrap_or_default();
        ScopeForm {
            incident,
            fields: Fields::new(vec![
                (ScopeField::Services, s.services.as_str(), false),
                (ScopeField::Affected, s.affected.as_str(), false),
                (ScopeField::Count, count.as_str(), false),
                (ScopeField::Since, since.as_str(), false),
                (ScopeField::Notes, s.notes.as_str(), true),
            ]),
            questions: Vec::new(),
            on_question: None,
            error: None,
        }
    }

    /// The form for an incident as it stands: its scope, and the guide's conditions for its
    /// category and kind with the answers given so far. Focus on the first condition not
    /// answered yet, else on the first field.
    pub fn of(app: &App, id: IncidentId) -> Option<ScopeForm> {
        let inc = app.desk.incident(&id)?;
        let mut form = ScopeForm::new(id, inc.scope.as_ref(), &app.operator.zone);
        let asked = conditions_for(&app.desk.guide, inc.category, inc.kind.as_deref());
        form.questions = asked
            .into_iter()
            .map(|asked| {
                let was = inc.condition(&asked.id).map(|c| c.answer);
                Question {
                    answer: was.unwrap_or(Known::NotKnown),
                    was,
                    asked,
                }
            })
            .collect();
        form.on_question = form.questions.iter().position(|q| q.was.is_none());
        Some(form)
    }

    /// The form a kept draft came from, over the incident's scope and answers as they are
    /// now.
    pub fn from_draft(d: &Draft, app: &App) -> Option<ScopeForm> {
        let mut form = ScopeForm::of(app, d.incident.clone()?)?;
        form.fields.restore_all(&NAMES, d);
        for q in &mut form.questions {
            if let Some(answer) = choice_in(&Known::ALL, d.field(&q.draft_name())) {
                q.answer = answer;
            }
        }
        Some(form)
    }

    pub fn validate(&mut self, now: DateTime<Utc>, zone: &Zone) -> Option<Scope> {
        // The number taken from what was written (約100件, 1通, １００), the words kept.
        let count = self.fields.text(ScopeField::Count);
        let (estimated_count, estimated_count_text) = if count.is_empty() {
            (None, String::new())
        } else {
            match Scope::estimate(&count) {
                Some((n, text)) => (Some(n), text),
                None => return self.fail(ScopeField::Count, Msg::ErrCount),
            }
        };
        let since_text = self.fields.text(ScopeField::Since);
        let since = if since_text.is_empty() {
            None
        } else {
            match parse_time_input(&since_text, now, zone) {
                Ok(t) => Some(t),
                Err(e) => return self.fail(ScopeField::Since, e.msg()),
            }
        };
        self.error = None;
        Some(Scope {
            services: self.fields.text(ScopeField::Services),
            affected: self.fields.text(ScopeField::Affected),
            estimated_count,
            estimated_count_text,
            since,
            notes: self.fields.text(ScopeField::Notes),
            extra: Default::default(),
        })
    }

    fn fail<T>(&mut self, field: ScopeField, msg: Msg) -> Option<T> {
        self.error = Some((field, msg));
        self.fields.set_focus(field);
        self.on_question = None;
        None
    }

    /// The answers picked, each with what a yes brings.
    pub fn answers(&self) -> Vec<ConditionInput> {
        self.questions
            .iter()
            .map(|q| q.asked.answered(q.answer))
            .collect()
    }

    /// Tab and Shift-Tab: through the questions, then the fields, and round.
    fn move_focus(&mut self, by: isize) {
        let questions = self.questions.len() as isize;
        let fields = self.fields.keys().count() as isize;
        let now = match self.on_question {
            Some(q) => q as isize,
            None => {
                let key = self.fields.focus();
                questions + self.fields.keys().position(|k| Some(k) == key).unwrap_or(0) as isize
            }
        };
        let to = (now + by).rem_euclid((questions + fields).max(1));
        if to < questions {
            self.on_question = Some(to as usize);
        } else {
            self.on_question = None;
            let key = self.fields.keys().nth((to - questions) as usize);
            if let Some(key) = key {
                self.fields.set_focus(key);
            }
        }
    }

    /// A key on a question: ←/→ go through not known, yes, no; `y` and `n` say it.
    fn answer(&mut self, q: usize, key: KeyEvent) {
        let Some(question) = self.questions.get_mut(q) else {
            return;
        };
        question.answer = match key.code {
            KeyCode::Left => cycle(&Known::ALL, question.answer, -1),
            KeyCode::Right => cycle(&Known::ALL, question.answer, 1),
            KeyCode::Char('y' | 'Y') => Known::Yes,
            KeyCode::Char('n' | 'N') => Known::No,
            _ => question.answer,
        };
    }

    /// The rows of the questions: each question wrapped, the answer, and what a yes brings.
    fn question_rows(&self, lang: Lang) -> Vec<FormRow<'_>> {
        self.questions
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let question = safe_line(q.asked.question.get(lang));
                let lines: Vec<String> = wrap(&question, FIELD_WIDTH)
                    .into_iter()
                    .map(str::to_string)
                    .collect();
                let first = q.asked.obligations.iter().map(|o| o.within_days).min();
                let days = first.unwrap_or(0).to_string();
                let note = match q.asked.obligations.len() {
                    1 => fill(lang, Msg::ConditionBringsOne, &[("days", &days)]),
                    n => fill(
                        lang,
                        Msg::ConditionBrings,
                        &[("n", &n.to_string()), ("days", &days)],
                    ),
                };
                FormRow {
                    label: Msg::FieldCondition,
                    height: lines.len() as u16 + 2,
                    content: Row::Question {
                        lines,
                        answer: i18n::known(lang, q.answer).to_string(),
                        note,
                    },
                    focused: self.on_question == Some(i),
                    below: None,
                }
            })
            .collect()
    }
}

impl Layer for ScopeForm {
    fn keys(&self) -> &'static [When] {
        &[When::Form]
    }

    fn handle(&mut self, action: &Action, app: &App) -> Outcome {
        match (action, self.on_question) {
            (Action::Input(key), Some(q)) => self.answer(q, *key),
            (Action::Paste(_) | Action::NewLine, Some(_)) => {}
            (Action::Input(key), None) => self.fields.input(*key),
            (Action::Paste(text), None) => self.fields.paste(text),
            (Action::NewLine, None) => self.fields.new_line(),
            (Action::FieldNext, _) => self.move_focus(1),
            (Action::FieldPrev, _) => self.move_focus(-1),
            (Action::Submit, _) => {
                let Some(scope) = self.validate(app.now, &app.operator.zone) else {
                    return Outcome::Consumed;
                };
                let change = Change::SetScope {
                    incident: self.incident.clone(),
                    scope: Box::new(scope),
                    conditions: self.answers(),
                };
                return super::record(change, app);
            }
            _ => return Outcome::PassDown,
        }
        Outcome::Consumed
    }

    fn draft(&self, now: DateTime<Utc>) -> Option<Draft> {
        let mut fields: Vec<(String, String)> = self
            .fields
            .drafted(&NAMES)
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        let answered = self.questions.iter().any(Question::changed);
        for q in &self.questions {
            fields.push((q.draft_name(), choice_of(&Known::ALL, &q.answer)));
        }
        (self.fields.changed() || answered)
            .then(|| form_draft(DraftKind::Scope, Some(&self.incident), fields, now))
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App) {
        let form = self;
        let focus = form.fields.focus().filter(|_| form.on_question.is_none());
        let error = |f| form.error.filter(|(x, _)| *x == f).map(|(_, m)| (m, true));
        let mut rows = form.question_rows(app.lang());
        rows.extend(
            [
                (ScopeField::Services, Msg::FieldServices, None, 1),
                (ScopeField::Affected, Msg::FieldAffected, None, 1),
                (ScopeField::Count, Msg::FieldCount, None, 1),
                (
                    ScopeField::Since,
                    Msg::FieldSince,
                    Some((Msg::SinceHint, false)),
                    1,
                ),
                (ScopeField::Notes, Msg::FieldNotes, None, 5),
            ]
            .into_iter()
            .filter_map(|(f, label, hint, h)| {
                text_row(
                    label,
                    form.fields.get(f),
                    focus == Some(f),
                    error(f).or(hint),
                    h,
                )
            }),
        );
        draw_form(
            frame,
            area,
            app,
            t(app.lang(), Msg::ScopeTitle),
            &rows,
            // The guide's questions are pickers; without them, nothing to choose.
            if self.questions.is_empty() {
                Msg::FormHintNoChoice
            } else {
                Msg::FormHint
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shiftdesk_core::test_fixtures::t;

    fn zone() -> Zone {
        Zone::Named(chrono_tz::UTC)
    }

    #[test]
    fn the_count_is_taken_from_what_people_write_and_the_words_kept() {
        let count = |typed: &str| {
            let mut f = ScopeForm::new(IncidentId::from_number(1), None, &zone());
            f.fields.set_focus(ScopeField::Count);
            f.fields.paste(typed);
            f.validate(t("10:00"), &zone())
                .map(|s| (s.estimated_count, s.estimated_count_text))
        };
        assert_eq!(count("1通"), Some((Some(1), "1通".into())));
        assert_eq!(count("約100件"), Some((Some(100), "約100件".into())));
        assert_eq!(
            count("１００"),
            Some((Some(100), String::new())),
            "NFKC: a number"
        );
        assert_eq!(count("120"), Some((Some(120), String::new())));
        assert_eq!(
            count("about 1,200"),
            Some((Some(1200), "about 1,200".into()))
        );
        assert_eq!(count(""), Some((None, String::new())));
        assert_eq!(count("不明"), None, "no number in it: said so");
        // Opened again, the form shows it as it was written.
        let scope = Scope {
            estimated_count: Some(100),
            estimated_count_text: "約100件".into(),
            ..Scope::default()
        };
        let f = ScopeForm::new(IncidentId::from_number(1), Some(&scope), &zone());
        assert_eq!(f.fields.text(ScopeField::Count), "約100件");
    }

    #[test]
    fn scope_reads_counts_and_times_and_marks_bad_ones() {
        let mut f = ScopeForm::new(IncidentId::from_number(1), None, &zone());
        f.fields.focused_mut().unwrap().paste("VPN");
        f.fields.step(2);
        f.fields.focused_mut().unwrap().paste("1,200");
        f.fields.step(1);
        f.fields.focused_mut().unwrap().paste("09:40");
        let s = f.validate(t("10:00"), &zone()).unwrap();
        assert_eq!(s.estimated_count, Some(1200));
        assert_eq!(s.since, Some(t("09:40")));
        f.fields.focused_mut().unwrap().paste("x");
        assert!(f.validate(t("10:00"), &zone()).is_none());
        assert_eq!(f.error.map(|e| e.0), Some(ScopeField::Since));
    }
}
