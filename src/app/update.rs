//! `App::update`: the one place where an action changes the desk.

use super::App;
use super::action::Action;
use super::form_note::{NoteForm, NoteTarget};
use super::ui_state::{Notice, NoticeLevel, Overlay, Pane};
use chrono::Duration;
use shiftdesk_core::change::{Applied, Change, ChangeError, NewIncident, Reported};
use shiftdesk_core::checklist::display_order;
use shiftdesk_core::i18n::{Msg, fill, t};
use shiftdesk_core::text::safe_line;
use shiftdesk_store::outcome::{Outcome, Refusal};
use std::sync::Arc;

/// How long a notice stays on screen.
const NOTICE_SECONDS: i64 = 12;

impl App {
    pub fn update(&mut self, action: Action) {
        match action {
            Action::Tick(now) => self.tick(now),
            Action::Resize(w, h) => {
                self.ui.width = w;
                self.ui.height = h;
            }
            Action::Quit => {
                self.keep_draft();
                if self.desk.pending_count() > 0 {
                    self.ui.overlay = Some(Overlay::ConfirmQuit);
                } else {
                    self.should_quit = true;
                }
            }
            Action::MoveUp => self.move_cursor(-1),
            Action::MoveDown => self.move_cursor(1),
            Action::MoveFirst => self.move_cursor(isize::MIN / 2),
            Action::MoveLast => self.move_cursor(isize::MAX / 2),
            Action::RecordAttempt(outcome) => self.record_attempt(outcome),
            Action::Escalate => self.open_escalate(),
            Action::GiveUpdate => self.open_update(),
            Action::Reclassify => self.open_reclassify(),
            Action::ShowReport => self.show_report(),
            Action::Copy => match &self.ui.overlay {
                Some(Overlay::Card(_)) => self.copy_from_card(false),
                _ => self.copy_text(),
            },
            Action::RecordScope => self.open_scope(),
            Action::Consult => self.open_consult(),
            Action::InterimAction => self.open_interim(),
            Action::WriteReview => self.open_review(),
            Action::CloseWithoutReview => self.open_close_without_review(),
            Action::ShowTimeline => self.show_timeline(),
            Action::Export => self.export(),
            Action::Handover => self.show_handover(),
            Action::FollowUps => self.show_follow_ups(),
            Action::ToggleDone => self.toggle_follow_up(),
            Action::Filter => self.open_filter(),
            Action::Drills => self.show_drills(),
            Action::JumpDrill => self.jump_drill(),
            Action::Checks => self.show_checks(),
            Action::AnswerCheck(answer) => self.answer_check(answer),
            Action::Hangup => {
                self.keep_draft();
                self.desk.flush();
                self.should_quit = true;
            }
            Action::CopyEmail => self.copy_from_card(true),
            Action::OpenSearch => self.open_search(),
            Action::OpenContactCard => self.open_card_from_route(),
            Action::NewContact => self.new_contact(),
            Action::EditContact => self.edit_contact(),
            Action::DeleteContact => self.delete_contact(),
            Action::Availability => self.toggle_availability(),
            Action::FocusNext => self.ui.focus = self.ui.focus.next(),
            Action::FocusPrev => self.ui.focus = self.ui.focus.prev(),
            Action::OpenChecklist => {
                if self.selected().is_some() {
                    self.ui.focus = Pane::Checklist;
                    self.ui.step_cursor = self.next_open_cursor().unwrap_or(0);
                }
            }
            Action::ToggleStep => self.toggle_step(),
            Action::AddNote => self.open_note(),
            Action::NewIncident => {
                if let Some(why) = self.desk.read_only() {
                    let text = fill(self.lang(), Msg::MsgReadOnlyNoChange, &[("why", why)]);
                    self.notify(NoticeLevel::Error, text);
                } else {
                    self.ui.overlay = Some(Overlay::NewIncident(Box::default()));
                }
            }
            Action::RequestClose => self.request_close(),
            Action::ToggleClosed => {
                self.ui.show_closed = !self.ui.show_closed;
                self.ui.selected = None;
                self.ui.focus = Pane::Incidents;
            }
            Action::ShowHelp => self.ui.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::Dismiss => self.dismiss(),
            Action::Submit => self.submit_form(),
            Action::Yes => self.confirm(true),
            Action::No => self.confirm(false),
            Action::FieldNext | Action::FieldPrev => {
                let by = if action == Action::FieldNext { 1 } else { -1 };
                match &mut self.ui.overlay {
                    Some(Overlay::NewIncident(form)) => form.next_field(by),
                    Some(Overlay::Reclassify(form)) => form.next_field(by),
                    Some(Overlay::ContactForm(form)) => form.next_field(by),
                    Some(Overlay::Availability(form)) => form.next_field(),
                    Some(Overlay::Review(form)) => form.next_field(by),
                    Some(Overlay::Filter(form)) => form.next_field(by),
                    Some(Overlay::Interim(form)) => form.on_effect = !form.on_effect,
                    Some(Overlay::Scope(form)) => form.fields.cycle(by),
                    Some(Overlay::Consult(form)) => form.fields.cycle(by),
                    _ => {}
                }
            }
            Action::Edit(key) => match &mut self.ui.overlay {
                Some(Overlay::NewIncident(form)) => form.edit(key),
                Some(Overlay::Note(form)) => {
                    form.discard_armed = false;
                    form.text.input(key);
                }
                Some(Overlay::Escalate(form)) => form.edit(key),
                Some(Overlay::Reclassify(form)) => form.edit(key),
                // The results follow at the end of `update` (refresh_search), as for a paste.
                Some(Overlay::Search(search)) => {
                    search.query.input(key);
                    search.cursor = 0;
                }
                Some(Overlay::ContactForm(form)) => {
                    form.discard_armed = false;
                    form.focused_mut().input(key);
                }
                Some(Overlay::Availability(form)) => form.focused_mut().input(key),
                Some(Overlay::Review(form)) => {
                    form.discard_armed = false;
                    let ctrl = key
                        .modifiers
                        .contains(ratatui::crossterm::event::KeyModifiers::CONTROL);
                    if ctrl && key.code == ratatui::crossterm::event::KeyCode::Char('n') {
                        form.add_measure();
                    } else if let Some(f) = form.focused_mut() {
                        f.input(key);
                    }
                }
                Some(Overlay::Interim(form)) => form.edit(key),
                Some(Overlay::Filter(form)) => form.edit(key),
                Some(Overlay::CloseWithoutReview(form)) => form.reason.input(key),
                Some(Overlay::CheckAnswer(form)) => form.note.input(key),
                Some(Overlay::Scope(form)) => {
                    if let Some(f) = form.fields.focused_mut() {
                        f.input(key);
                    }
                }
                Some(Overlay::Consult(form)) => {
                    if let Some(f) = form.fields.focused_mut() {
                        f.input(key);
                    }
                }
                _ => {}
            },
            Action::Paste(text) => match &mut self.ui.overlay {
                Some(Overlay::NewIncident(form)) => form.paste(&text),
                Some(Overlay::Note(form)) => {
                    form.discard_armed = false;
                    form.text.paste(&text);
                }
                Some(Overlay::Escalate(form)) => form.reason.paste(&text),
                Some(Overlay::Reclassify(form)) => form.reason.paste(&text),
                Some(Overlay::Search(search)) => {
                    search.query.paste(&text);
                    search.cursor = 0;
                }
                Some(Overlay::ContactForm(form)) => form.focused_mut().paste(&text),
                Some(Overlay::Availability(form)) => form.focused_mut().paste(&text),
                Some(Overlay::Review(form)) => {
                    if let Some(f) = form.focused_mut() {
                        f.paste(&text);
                    }
                }
                Some(Overlay::Interim(form)) => form.action.paste(&text),
                Some(Overlay::CloseWithoutReview(form)) => form.reason.paste(&text),
                Some(Overlay::CheckAnswer(form)) => form.note.paste(&text),
                Some(Overlay::Scope(form)) => {
                    if let Some(f) = form.fields.focused_mut() {
                        f.paste(&text);
                    }
                }
                Some(Overlay::Consult(form)) => {
                    if let Some(f) = form.fields.focused_mut() {
                        f.paste(&text);
                    }
                }
                Some(Overlay::Filter(form)) => {
                    if let Some(f) = form.fields.focused_mut() {
                        f.paste(&text);
                    }
                }
                _ => {}
            },
        }
        let problem = self.desk.sync_history(
            self.ui.show_closed,
            &self.ui.history_filter,
            &self.operator.zone,
        );
        self.keep_selection_valid();
        self.refresh_search();
        if let Some(problem) = problem {
            self.notify(NoticeLevel::Error, problem);
        }
    }

    pub(super) fn notify(&mut self, level: NoticeLevel, text: String) {
        self.ui.notice = Some(Notice {
            level,
            text,
            at: self.now,
        });
    }

    fn tick(&mut self, now: chrono::DateTime<chrono::Utc>) {
        let before = self.tick_fingerprint();
        self.tick_inner(now);
        self.ui.tick_changed = self.tick_fingerprint() != before;
    }

    /// What a tick can change besides the time: the files, what is pending, the notice.
    fn tick_fingerprint(
        &self,
    ) -> (
        u64,
        u64,
        usize,
        Option<chrono::DateTime<chrono::Utc>>,
        usize,
    ) {
        (
            self.desk.incidents().revision,
            self.desk.search_generation(),
            self.desk.pending_count(),
            self.ui.notice.as_ref().map(|n| n.at),
            self.desk.incidents().incidents.len(),
        )
    }

    fn tick_inner(&mut self, now: chrono::DateTime<chrono::Utc>) {
        self.now = now;
        let lang = self.lang();
        for outcome in self.desk.poll().in_words(lang) {
            let (level, text) = match (outcome.result, outcome.dropped.first()) {
                (Err(Refusal::ReadOnly(problem) | Refusal::Refused(problem)), _) => {
                    (NoticeLevel::Error, problem)
                }
                (Ok(()), None) => (
                    NoticeLevel::Info,
                    t(lang, Msg::MsgOutsideChange).to_string(),
                ),
                (Ok(()), Some(why)) => (
                    NoticeLevel::Error,
                    fill(lang, Msg::MsgChangeDropped, &[("why", why)]),
                ),
            };
            self.notify(level, text);
        }
        self.log_due_injects();
        self.keep_draft();
        if self.desk.pending_count() > 0 {
            for outcome in self.desk.flush().in_words(lang) {
                self.report_save(&outcome);
            }
        }
        if let Some(n) = &self.ui.notice
            && now - n.at > Duration::seconds(NOTICE_SECONDS)
        {
            self.ui.notice = None;
        }
    }

    /// Tells what a save did besides the change: the first change of this desk that a
    /// fresher file dropped, then what it could not do (e.g. archiving).
    pub(super) fn report_save<O>(&mut self, outcome: &Outcome<O, String>) {
        if let Some(why) = outcome.dropped.first() {
            let text = fill(self.lang(), Msg::MsgChangeDropped, &[("why", why)]);
            self.notify(NoticeLevel::Error, text);
        }
        for warning in &outcome.warnings {
            self.notify(NoticeLevel::Error, warning.clone());
        }
    }

    /// Runs a change through the desk and reports what became of it.
    pub(super) fn change(&mut self, change: Change) -> Option<Applied> {
        // A change to an archived incident brings it back to the live file with it.
        let change = match change.incident() {
            Some(id) if self.desk.incidents().get(id).is_none() => {
                match self.desk.incident(id).cloned() {
                    Some(archived) => Change::FromArchive {
                        archived: Arc::new(archived),
                        change: Box::new(change),
                    },
                    None => change,
                }
            }
            _ => change,
        };
        let stamped = self.desk.stamp(change, self.now, &self.operator.name);
        let lang = self.lang();
        let outcome = self.desk.submit(stamped).map_err(|e| e.message(lang));
        self.report_save(&outcome);
        match outcome.result {
            Ok(a) => Some(a),
            Err(Refusal::Refused(text)) => {
                self.notify(NoticeLevel::Error, text);
                None
            }
            Err(Refusal::ReadOnly(why)) => {
                let text = fill(self.lang(), Msg::MsgReadOnlyNoChange, &[("why", &why)]);
                self.notify(NoticeLevel::Error, text);
                None
            }
        }
    }

    fn move_cursor(&mut self, by: isize) {
        if let Some(Overlay::Search(_)) = &self.ui.overlay {
            self.move_search_cursor(by);
            return;
        }
        if let Some(Overlay::Drills { .. } | Overlay::Checks { .. }) = &self.ui.overlay {
            let len = match &self.ui.overlay {
                Some(Overlay::Checks { incident, .. }) => self
                    .desk
                    .incident(incident)
                    .and_then(|i| i.drill_run.as_ref())
                    .map_or(0, |r| r.checks.len()),
                _ => self.desk.scenarios.len(),
            };
            if let Some(Overlay::Drills { cursor } | Overlay::Checks { cursor, .. }) =
                &mut self.ui.overlay
            {
                let last = len.saturating_sub(1) as isize;
                *cursor = (*cursor as isize).saturating_add(by).clamp(0, last.max(0)) as usize;
            }
            return;
        }
        if let Some(Overlay::FollowUps { .. }) = &self.ui.overlay {
            let last = self.follow_ups().len().saturating_sub(1) as isize;
            if let Some(Overlay::FollowUps { cursor }) = &mut self.ui.overlay {
                *cursor = (*cursor as isize).saturating_add(by).clamp(0, last.max(0)) as usize;
            }
            return;
        }
        if let Some(Overlay::Text { scroll, .. } | Overlay::Help { scroll }) = &mut self.ui.overlay
        {
            *scroll = (i64::from(*scroll) + by.clamp(-10_000, 10_000) as i64).clamp(0, 2000) as u16;
            return;
        }
        let clamp = |at: usize, len: usize| -> usize {
            if len == 0 {
                return 0;
            }
            (at as isize).saturating_add(by).clamp(0, len as isize - 1) as usize
        };
        match self.ui.focus {
            Pane::Incidents => {
                let visible = self.visible();
                let at = visible
                    .iter()
                    .position(|r| Some(r.id()) == self.ui.selected.as_ref())
                    .unwrap_or(0);
                let to = visible
                    .get(clamp(at, visible.len()))
                    .map(|r| r.id().clone());
                if to != self.ui.selected {
                    self.select(to);
                }
            }
            Pane::Checklist => {
                let len = self.selected().map_or(0, |i| i.checklist.len());
                self.ui.step_cursor = clamp(self.ui.step_cursor, len);
            }
            Pane::Contacts => {
                let len = self.route_rows().len();
                self.ui.contact_cursor = clamp(self.ui.contact_cursor, len);
            }
        }
    }

    /// The contacts of the selected incident's route, level by level: (level, contact id).
    pub fn route_rows(&self) -> Vec<(usize, String)> {
        self.selected()
            .and_then(|inc| inc.route.as_ref())
            .map(|route| {
                route
                    .levels
                    .iter()
                    .enumerate()
                    .flat_map(|(k, level)| level.contacts.iter().map(move |c| (k, c.clone())))
                    .collect()
            })
            .unwrap_or_default()
    }

    fn toggle_step(&mut self) {
        let (Some(inc), Some(index)) = (self.selected(), self.selected_step()) else {
            return;
        };
        let step = &inc.checklist[index];
        let change = Change::SetStep {
            incident: inc.id.clone(),
            step: step.id.clone(),
            done: step.done.is_none(),
        };
        let checking = step.done.is_none();
        if self.change(change).is_some() && checking {
            // On to the next open step, so Space, Space, Space works down the list.
            if let Some(next) = self.next_open_cursor() {
                self.ui.step_cursor = next;
            }
        }
    }

    fn open_note(&mut self) {
        let Some(inc) = self.selected() else {
            return;
        };
        let from_timeline = matches!(
            &self.ui.overlay,
            Some(Overlay::Text {
                view: super::ui_state::TextView::Timeline(_),
                ..
            })
        );
        let target = match (self.ui.focus, self.selected_step()) {
            (Pane::Checklist, Some(i)) if !from_timeline => NoteTarget::Step {
                incident: inc.id.clone(),
                step: inc.checklist[i].id.clone(),
            },
            _ => NoteTarget::Incident(inc.id.clone()),
        };
        if !inc.is_open() {
            let text = ChangeError::IncidentClosed(inc.id.clone()).message(self.lang());
            self.notify(NoticeLevel::Error, text);
            return;
        }
        let mut form = NoteForm::new(target);
        form.from_timeline = from_timeline;
        self.ui.overlay = Some(Overlay::Note(Box::new(form)));
    }

    fn request_close(&mut self) {
        let lang = self.lang();
        let Some(inc) = self.selected() else {
            return;
        };
        if inc.is_open() && inc.drill_run.is_some() {
            // Closing a drill ends it, and shows its results.
            self.ui.overlay = Some(Overlay::ConfirmEndDrill(inc.id.clone()));
            return;
        }
        if !inc.is_open() {
            // On a closed incident, c offers to reopen it.
            self.ui.overlay = Some(Overlay::ConfirmReopen(inc.id.clone()));
            return;
        }
        let open = inc.open_review_steps();
        if let Some(first) = open.first() {
            let mut text = ChangeError::ReviewIncomplete(inc.id.clone(), open.len()).message(lang);
            text.push_str(" — ");
            text.push_str(&fill(
                lang,
                Msg::NextStep,
                &[("step", &safe_line(first.text.get(lang)))],
            ));
            // Show where the missing steps are.
            let cursor = display_order(&inc.checklist)
                .iter()
                .position(|&i| inc.checklist[i].id == first.id);
            let id = inc.id.clone();
            self.notify(NoticeLevel::Error, text);
            if let Some(c) = cursor {
                self.ui.focus = Pane::Checklist;
                self.ui.step_cursor = c;
            }
            // Write the review now, or close without it (a reason is asked for).
            self.ui.overlay = Some(Overlay::CloseChoice(id));
            return;
        }
        self.ui.overlay = Some(Overlay::ConfirmClose(inc.id.clone()));
    }

    fn dismiss(&mut self) {
        let armed_or_empty = match &mut self.ui.overlay {
            Some(Overlay::NewIncident(form)) => {
                let go = form.discard_armed || !form.has_text();
                form.discard_armed = true;
                go
            }
            Some(Overlay::Note(form)) => {
                let go = form.discard_armed || form.text.is_empty();
                form.discard_armed = true;
                go
            }
            Some(Overlay::Escalate(form)) => {
                let go = form.discard_armed || form.reason.is_empty();
                form.discard_armed = true;
                go
            }
            Some(Overlay::Reclassify(form)) => {
                let go = form.discard_armed || form.reason.is_empty();
                form.discard_armed = true;
                go
            }
            Some(Overlay::ContactForm(form)) => {
                let go = form.discard_armed || form.editing.is_some() || !form.has_text();
                form.discard_armed = true;
                go
            }
            Some(Overlay::Review(form)) => {
                let go = form.discard_armed || !form.has_text();
                form.discard_armed = true;
                go
            }
            _ => true,
        };
        if armed_or_empty {
            // A card opened from the search goes back to the search.
            self.ui.overlay = match self.ui.overlay.take() {
                Some(Overlay::Card(card)) => card.back.map(Overlay::Search),
                _ => None,
            };
        }
    }

    fn confirm(&mut self, yes: bool) {
        match self.ui.overlay.take() {
            Some(Overlay::ConfirmClose(id)) if yes => {
                if self
                    .change(Change::Close {
                        incident: id.clone(),
                    })
                    .is_some()
                {
                    let text = fill(self.lang(), Msg::MsgClosed, &[("id", &id.0)]);
                    self.notify(NoticeLevel::Info, text);
                }
            }
            Some(Overlay::ConfirmQuit) if yes => self.should_quit = true,
            Some(Overlay::ConfirmDelete { contact, .. }) if yes => self.confirm_delete(contact),
            Some(Overlay::ConfirmReopen(id)) if yes => self.confirm_reopen(id),
            Some(Overlay::ConfirmReopen(_)) => {}
            Some(Overlay::ConfirmEndDrill(id)) if yes => self.end_drill(id),
            Some(Overlay::ConfirmEndDrill(_)) => {}
            Some(Overlay::ConfirmDraft(draft)) if yes => self.restore_draft(*draft),
            Some(Overlay::ConfirmDraft(_)) => {
                let _ = self.desk.save_draft(None);
            }
            Some(Overlay::ConfirmDelete { contact, .. }) => {
                self.ui.overlay = Some(Overlay::Card(Box::new(super::contacts::CardState {
                    contact,
                    copied: None,
                    back: None,
                })));
            }
            Some(Overlay::ConfirmClose(_) | Overlay::ConfirmQuit) => {}
            other => self.ui.overlay = other,
        }
    }

    fn submit_form(&mut self) {
        match self.ui.overlay.take() {
            Some(Overlay::NewIncident(mut form)) => {
                let Some(input) = form.validate(self.now, &self.operator.zone) else {
                    self.ui.overlay = Some(Overlay::NewIncident(form));
                    return;
                };
                let Some(book) = self.desk.playbooks.for_category(input.category) else {
                    self.ui.overlay = Some(Overlay::NewIncident(form));
                    return;
                };
                let reported = Reported {
                    title: input.title,
                    category: input.category,
                    severity: input.severity,
                    detected_at: input.detected_at,
                    description: input.description,
                };
                let new = NewIncident::new(reported, book, self.desk.roster());
                match self.change(Change::Open(Box::new(new))) {
                    Some(Applied::Opened(id)) => {
                        let text = fill(self.lang(), Msg::MsgOpened, &[("id", &id.0)]);
                        self.notify(NoticeLevel::Info, text);
                        self.ui.show_closed = false;
                        self.ui.focus = Pane::Incidents;
                        self.select(Some(id));
                    }
                    _ => self.ui.overlay = Some(Overlay::NewIncident(form)),
                }
            }
            Some(Overlay::Note(form)) => {
                let text = form.text.text();
                let change = match &form.target {
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
                if self.change(change).is_none() {
                    self.ui.overlay = Some(Overlay::Note(form));
                } else if form.from_timeline
                    && let NoteTarget::Incident(id) = &form.target
                {
                    self.show_text(super::ui_state::TextView::Timeline(id.clone()));
                }
            }
            Some(Overlay::Escalate(form)) => self.submit_escalate(form),
            Some(Overlay::Search(search)) => self.open_card_from_search(search),
            Some(Overlay::Drills { cursor }) => self.start_drill(cursor),
            Some(Overlay::CheckAnswer(form)) => self.submit_check_answer(form),
            Some(Overlay::ContactForm(form)) => self.submit_contact_form(form),
            Some(Overlay::Availability(form)) => self.submit_availability(form),
            Some(
                overlay @ (Overlay::Scope(_)
                | Overlay::Consult(_)
                | Overlay::Interim(_)
                | Overlay::Review(_)
                | Overlay::CloseWithoutReview(_)
                | Overlay::Filter(_)),
            ) => self.submit_record_form(overlay),
            Some(Overlay::Reclassify(form)) => self.submit_reclassify(form),
            other => self.ui.overlay = other,
        }
    }
}
