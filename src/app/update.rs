//! `App::update`: the one place where an action changes the desk. The actions of the
//! clock, the terminal and quitting are the desk's own; any other goes to the layer on top
//! (`work.rs`), or to the desk when no layer is open or the layer passes it down
//! (`update_desk.rs`).

use super::App;
use super::action::Action;
use super::layers::question::Question;
use super::ui_state::{Notice, NoticeLevel};
use chrono::Duration;
use shiftdesk_core::change::{Applied, Change, ChangeError, Stamped};
use shiftdesk_core::i18n::{Msg, fill, t};
use shiftdesk_store::desk::DeskError;
use shiftdesk_store::ledger::Submitted;
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
                    self.ui.layers.open(Box::new(Question::Quit));
                } else {
                    self.should_quit = true;
                }
            }
            Action::Hangup => {
                self.keep_draft();
                self.desk.flush();
                self.should_quit = true;
            }
            action => self.hand_to_layer(action),
        }
        let problem = self.desk.sync_history(
            self.ui.show_closed,
            &self.ui.history_filter,
            &self.operator.zone,
        );
        self.keep_selection_valid();
        self.refresh_top_layer();
        for warning in problem.into_iter().chain(self.desk.take_warnings()) {
            self.notify(NoticeLevel::Error, warning);
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
        let polled = self.desk.poll();
        let lang = self.lang();
        let incidents = polled
            .incidents
            .map(|r| r.map(|dropped| dropped.first().map(|e| e.message(lang))));
        let roster = polled
            .roster
            .map(|r| r.map(|dropped| dropped.first().map(|e| e.message(lang))));
        for outcome in [incidents, roster].into_iter().flatten() {
            let (level, text) = match outcome {
                Ok(None) => (
                    NoticeLevel::Info,
                    t(lang, Msg::MsgOutsideChange).to_string(),
                ),
                Ok(Some(why)) => (
                    NoticeLevel::Error,
                    fill(lang, Msg::MsgChangeDropped, &[("why", &why)]),
                ),
                Err(problem) => (NoticeLevel::Error, problem.to_string()),
            };
            self.notify(level, text);
        }
        self.log_due_injects();
        self.keep_draft();
        if self.desk.pending_count() > 0
            && let Some((_, dropped)) = self.desk.flush()
        {
            self.report_dropped(&dropped);
        }
        if let Some(n) = &self.ui.notice
            && now - n.at > Duration::seconds(NOTICE_SECONDS)
        {
            self.ui.notice = None;
        }
    }

    fn report_dropped(&mut self, dropped: &[ChangeError]) {
        if let Some(e) = dropped.first() {
            let why = e.message(self.lang());
            let text = fill(self.lang(), Msg::MsgChangeDropped, &[("why", &why)]);
            self.notify(NoticeLevel::Error, text);
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
        let stamped = Stamped::new(change, self.now, &self.operator.name);
        let (outcome, dropped) = self.desk.submit(stamped);
        self.report_dropped(&dropped);
        for warning in self.desk.take_warnings() {
            self.notify(NoticeLevel::Error, warning);
        }
        match outcome {
            Ok(Submitted::Saved(a) | Submitted::Kept(a)) => Some(a),
            Err(DeskError::Refused(e)) => {
                let text = e.message(self.lang());
                self.notify(NoticeLevel::Error, text);
                None
            }
            Err(DeskError::ReadOnly(why)) => {
                let text = fill(self.lang(), Msg::MsgReadOnlyNoChange, &[("why", &why)]);
                self.notify(NoticeLevel::Error, text);
                None
            }
        }
    }
}
