//! What was decided about an out-of-scope request (`d`): the kind of request as the team's
//! scope definition lists it (or one it does not list), with the rule that applies and where
//! it is forwarded; then the decision — forwarded, declined (what the requester was told) or
//! accepted as an exception (who approved it).

use crate::app::App;
use crate::app::action::Action;
use crate::app::drafts::{choice_in, choice_of, form_draft};
use crate::app::fields::cycle;
use crate::app::key_table::When;
use crate::app::layer::{Layer, Outcome};
use crate::app::text_field::TextField;
use crate::ui::form_parts::{FIELD_WIDTH, FormRow, Row, draw_form};
use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use shiftdesk_core::IncidentId;
use shiftdesk_core::change::Change;
use shiftdesk_core::decision::{
    DecisionInput, DecisionOutcome, ForwardedTo, OutcomeKind, ScopeRequest, requests,
};
use shiftdesk_core::draft::{Draft, DraftKind};
use shiftdesk_core::guide::{NotHandled, forward_words};
use shiftdesk_core::i18n::{Lang, Msg, fill, t};
use shiftdesk_core::text::{has_content, safe_line};
use shiftdesk_core::wrap::wrap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionField {
    Request,
    Outcome,
    Text,
}

const FIELDS: [DecisionField; 3] = [
    DecisionField::Request,
    DecisionField::Outcome,
    DecisionField::Text,
];

pub struct DecisionForm {
    pub incident: IncidentId,
    /// The request picked: an index into the scope definition's `does_not_handle`, or one
    /// past its end for a request it does not list.
    pub request: usize,
    pub outcome: OutcomeKind,
    /// Who approved it, what the requester was told, where it went (a request the scope
    /// definition does not list), or a note on what was forwarded.
    pub text: TextField,
    pub focus: DecisionField,
    pub error: Option<Msg>,
    /// The picks as the form opened (a draft keeps picks moved from them).
    opened: (usize, OutcomeKind),
}

impl DecisionForm {
    pub fn new(incident: IncidentId) -> DecisionForm {
        DecisionForm {
            incident,
            request: 0,
            outcome: OutcomeKind::Forwarded,
            text: TextField::new(true),
            focus: DecisionField::Request,
            error: None,
            opened: (0, OutcomeKind::Forwarded),
        }
    }

    /// The form for an incident: on the decision standing, when there is one.
    pub fn of(app: &App, id: IncidentId) -> DecisionForm {
        let mut form = DecisionForm::new(id.clone());
        let standing = app.desk.incident(&id).and_then(|i| i.scope_decision());
        if let Some(d) = standing {
            let listed = requests(&app.desk.guide);
            form.request = d
                .request
                .as_ref()
                .and_then(|r| listed.iter().position(|n| n.id == r.id))
                .unwrap_or(listed.len());
            form.outcome = d.outcome.kind();
            let text = match &d.outcome {
                DecisionOutcome::Accepted { approved_by } => approved_by.clone(),
                DecisionOutcome::Declined { told } => told.clone(),
                DecisionOutcome::Forwarded {
                    to: ForwardedTo::Named { name },
                    ..
                } => name.clone(),
                DecisionOutcome::Forwarded { note, .. } => note.clone(),
            };
            form.text = TextField::with_text(&text, true);
            form.opened = (form.request, form.outcome);
        }
        form
    }

    /// The form a kept draft came from, with its picks and text.
    pub fn from_draft(d: &Draft, app: &App) -> Option<DecisionForm> {
        let mut form = DecisionForm::of(app, d.incident.clone()?);
        form.request = d.field("_request").parse().unwrap_or(form.request);
        form.outcome = choice_in(&OutcomeKind::ALL, d.field("_outcome")).unwrap_or(form.outcome);
        form.text = TextField::with_raw(d.field("text"), true);
        Some(form)
    }

    /// The entry of the scope definition picked; None for a request it does not list.
    fn entry<'a>(&self, app: &'a App) -> Option<&'a NotHandled> {
        requests(&app.desk.guide).get(self.request)
    }

    /// What the text field is for, and whether it must be filled.
    fn text_label(&self, app: &App) -> (Msg, bool) {
        match (self.outcome, self.entry(app)) {
            (OutcomeKind::Accepted, _) => (Msg::FieldApprovedBy, true),
            (OutcomeKind::Declined, _) => (Msg::FieldToldRequester, true),
            (OutcomeKind::Forwarded, None) => (Msg::FieldForwardedTo, true),
            (OutcomeKind::Forwarded, Some(_)) => (Msg::FieldNotes, false),
        }
    }

    fn edit(&mut self, key: KeyEvent, app: &App) {
        let by = match key.code {
            KeyCode::Left | KeyCode::Up => -1,
            KeyCode::Right | KeyCode::Down => 1,
            _ => 0,
        };
        match self.focus {
            DecisionField::Text => self.text.input(key),
            DecisionField::Request => {
                let n = requests(&app.desk.guide).len() as isize + 1;
                self.request = (self.request as isize + by).rem_euclid(n) as usize;
            }
            DecisionField::Outcome => self.outcome = cycle(&OutcomeKind::ALL, self.outcome, by),
        }
    }

    pub fn validate(&mut self, app: &App) -> Option<DecisionInput> {
        let text = self.text.text().trim().to_string();
        if self.text_label(app).1 && !has_content(&text) {
            self.error = Some(Msg::ErrRequired);
            self.focus = DecisionField::Text;
            return None;
        }
        self.error = None;
        let entry = self.entry(app);
        let outcome = match self.outcome {
            OutcomeKind::Accepted => DecisionOutcome::Accepted { approved_by: text },
            OutcomeKind::Declined => DecisionOutcome::Declined { told: text },
            OutcomeKind::Forwarded => match entry {
                Some(e) => DecisionOutcome::Forwarded {
                    to: ForwardedTo::of(&e.forward_to, app.desk.roster()),
                    note: text,
                },
                None => DecisionOutcome::Forwarded {
                    to: ForwardedTo::Named { name: text },
                    note: String::new(),
                },
            },
        };
        Some(DecisionInput {
            request: entry.map(ScopeRequest::of),
            outcome,
        })
    }

    /// The requests to pick from, one line each, and the one for a request not listed.
    fn request_lines(&self, app: &App, lang: Lang) -> Vec<String> {
        let mut lines: Vec<String> = requests(&app.desk.guide)
            .iter()
            .map(|n| safe_line(n.request.get(lang)))
            .collect();
        lines.push(t(lang, Msg::DecisionOtherRequest).to_string());
        lines
    }

    /// Under the requests: the rule that applies and, for a request forwarded, where it
    /// goes; wrapped.
    fn rule_lines(&self, app: &App, lang: Lang) -> Vec<String> {
        let Some(entry) = self.entry(app) else {
            return vec![t(lang, Msg::DecisionNoRule).to_string()];
        };
        let mut lines = vec![safe_line(entry.rule.get(lang))];
        if self.outcome == OutcomeKind::Forwarded {
            let to = forward_words(&entry.forward_to, app.desk.roster(), lang);
            lines.push(fill(lang, Msg::GuideForwardTo, &[("to", &to)]));
        }
        lines
            .iter()
            .flat_map(|l| {
                wrap(l, FIELD_WIDTH)
                    .into_iter()
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect()
    }
}

impl Layer for DecisionForm {
    fn keys(&self) -> &'static [When] {
        &[When::Form]
    }

    fn handle(&mut self, action: &Action, app: &App) -> Outcome {
        match action {
            Action::Input(key) => self.edit(*key, app),
            Action::Paste(text) if self.focus == DecisionField::Text => self.text.paste(text),
            Action::NewLine if self.focus == DecisionField::Text => self.text.new_line(),
            Action::FieldNext => self.focus = cycle(&FIELDS, self.focus, 1),
            Action::FieldPrev => self.focus = cycle(&FIELDS, self.focus, -1),
            Action::Submit => {
                let Some(decision) = self.validate(app) else {
                    return Outcome::Consumed;
                };
                let change = Change::DecideScope {
                    incident: self.incident.clone(),
                    decision: Box::new(decision),
                };
                return super::record(change, app);
            }
            Action::Paste(_) | Action::NewLine => {}
            _ => return Outcome::PassDown,
        }
        Outcome::Consumed
    }

    fn draft(&self, now: DateTime<Utc>) -> Option<Draft> {
        let moved = (self.request, self.outcome) != self.opened;
        let fields = [
            ("text", self.text.raw()),
            ("_request", self.request.to_string()),
            ("_outcome", choice_of(&OutcomeKind::ALL, &self.outcome)),
        ];
        (moved || !self.text.is_empty())
            .then(|| form_draft(DraftKind::ScopeDecision, Some(&self.incident), fields, now))
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App) {
        let lang = app.lang();
        let requests = self.request_lines(app, lang);
        let rule = self.rule_lines(app, lang);
        let (label, required) = self.text_label(app);
        let below = match self.error {
            Some(e) => Some((e, true)),
            None if !required => Some((Msg::DecisionOptional, false)),
            None => None,
        };
        let rows = vec![
            FormRow {
                label: Msg::FieldRequest,
                height: requests.len() as u16,
                content: Row::Picks(requests, Some(self.request)),
                focused: self.focus == DecisionField::Request,
                below: None,
            },
            FormRow {
                label: Msg::FieldRule,
                height: rule.len() as u16,
                content: Row::Note(rule),
                focused: false,
                below: None,
            },
            FormRow {
                label: Msg::FieldDecision,
                content: Row::Choice(self.outcome.words(lang).to_string()),
                focused: self.focus == DecisionField::Outcome,
                below: None,
                height: 1,
            },
            FormRow {
                label,
                content: Row::Text(&self.text),
                focused: self.focus == DecisionField::Text,
                below,
                height: 3,
            },
        ];
        draw_form(
            frame,
            area,
            app,
            t(lang, Msg::DecisionTitle),
            &rows,
            Msg::FormHint,
        );
    }
}
