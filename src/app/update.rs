//! `App::update`: the one place where an action changes the desk. The actions of the
//! clock, the terminal and quitting are the desk's own; any other goes to the layer on top
//! (`work.rs`), or to the desk when no layer is open or the layer passes it down
//! (`update_desk.rs`).

use super::App;
use super::action::Action;
use super::layers::question::Question;
use super::ui_state::{Notice, NoticeLevel};
use chrono::Duration;
use shiftdesk_core::change::{Applied, Change};
use shiftdesk_core::i18n::{Msg, fill, t};
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
                if self.desk.pending_count() == 0 {
                    self.should_quit = true;
                } else if !matches!(self.ui.layers.top_as::<Question>(), Some(Question::Quit)) {
                    // Over whatever is open, which is there again on "no".
                    self.ui.layers.push(Box::new(Question::Quit));
                }
            }
            Action::AlertHookFailed(why) => {
                let text = fill(self.lang(), Msg::AlertHookFailed, &[("why", &why)]);
                self.notify(NoticeLevel::Error, text);
            }
            Action::Sync(news) => self.on_sync(news),
            Action::Hangup => {
                self.keep_draft();
                self.desk.flush();
                self.should_quit = true;
            }
            // Nothing shown to paste into: a hidden form takes nothing.
            Action::Paste(_) if self.desk_hidden() => {}
            action => self.hand_to_layer(action),
        }
        let problem = self.desk.sync_history(
            self.ui.show_closed,
            &self.ui.history_filter,
            &self.operator.zone,
        );
        self.keep_selection_valid();
        self.refresh_top_layer();
        if let Some(problem) = problem {
            self.notify(NoticeLevel::Error, problem);
        }
        // What this update saved goes out to the other desks (nothing when sync is off).
        self.publish_new();
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
        let before = self.attention_before();
        let polled: Vec<_> = self.desk.poll().in_words(lang).collect();
        let raised = if polled.is_empty() {
            Vec::new()
        } else {
            self.raised_since(&before)
        };
        for outcome in polled {
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
        self.log_moves_by_time();
        self.resolve_on_duty();
        self.keep_draft();
        if self.desk.pending_count() > 0 {
            for outcome in self.desk.flush().in_words(lang) {
                self.report_save(&outcome);
            }
        }
        self.call_for_attention(raised);
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
        self.change_at(change, self.now)
    }

    /// As [`App::change`], for a change that happened at `at` (a move up the route by
    /// time, noticed now).
    pub(super) fn change_at(
        &mut self,
        change: Change,
        at: chrono::DateTime<chrono::Utc>,
    ) -> Option<Applied> {
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
        let under_cursor = self.open_step_under_cursor();
        let stamped = self.desk.stamp(change, at, &self.operator.name);
        let lang = self.lang();
        let outcome = self.desk.submit(stamped).map_err(|e| e.message(lang));
        self.report_save(&outcome);
        match outcome.result {
            Ok(a) => {
                self.past_checked_step(under_cursor);
                Some(a)
            }
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
}
