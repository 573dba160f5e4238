//! Follow-ups: the measures against recurrence not done yet, across incidents (of drills,
//! those that follow up a failed readiness check), with their due dates; they stay here
//! after the incident is closed. Space marks one done.

use crate::app::App;
use crate::app::action::Action;
use crate::app::key_table::When;
use crate::app::layer::{Layer, Outcome, Work};
use crate::app::ui_state::NoticeLevel;
use crate::ui::theme;
use crate::ui::widgets::{popup, scroll_offset};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use shiftdesk_core::change::Change;
use shiftdesk_core::i18n::{Msg, t};
use shiftdesk_core::text::safe_line;

#[derive(Default)]
pub struct FollowUpsList {
    pub cursor: usize,
}

impl FollowUpsList {
    /// The measure under the cursor: done, or not done again.
    fn toggle(&self, app: &App) -> Outcome {
        let Some(f) = app.follow_ups().get(self.cursor).cloned() else {
            return Outcome::Consumed;
        };
        let done = app
            .desk
            .incident(&f.incident)
            .and_then(|i| i.review.as_ref())
            .and_then(|r| r.measures.iter().find(|m| m.id == f.measure))
            .is_some_and(|m| m.done.is_some());
        let change = Change::SetMeasureDone {
            incident: f.incident,
            measure: f.measure,
            done: !done,
        };
        let text = t(app.lang(), Msg::MsgMeasureDone).to_string();
        Outcome::Submit(vec![
            Work::Change(change),
            Work::Say(NoticeLevel::Info, text),
        ])
    }
}

impl Layer for FollowUpsList {
    fn keys(&self) -> &'static [When] {
        &[When::FollowUps]
    }

    fn handle(&mut self, action: &Action, app: &App) -> Outcome {
        if let Some(by) = super::step_of(action) {
            self.cursor = super::moved(self.cursor, by, app.follow_ups().len());
            return Outcome::Consumed;
        }
        match action {
            Action::ToggleDone => self.toggle(app),
            _ => Outcome::PassDown,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App) {
        let cursor = self.cursor;
        let lang = app.lang();
        let rows = app.follow_ups();
        let inner = popup(
            frame,
            area,
            area.width.saturating_sub(4),
            area.height.saturating_sub(2),
            &format!("{} · {}", t(lang, Msg::FollowUpsTitle), rows.len()),
        );
        let [list, hint] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
        let today = Some(app.operator.zone.date(app.now));
        if rows.is_empty() {
            frame.render_widget(
                Paragraph::new(t(lang, Msg::NoFollowUps)).style(theme::dim()),
                list,
            );
        }
        let height = usize::from(list.height);
        let offset = scroll_offset(cursor, cursor, height);
        let lines: Vec<Line> = rows
            .iter()
            .enumerate()
            .skip(offset)
            .take(height)
            .filter_map(|(i, f)| {
                let inc = app.desk.incident(&f.incident)?;
                let m = inc
                    .review
                    .as_ref()?
                    .measures
                    .iter()
                    .find(|m| m.id == f.measure)?;
                let due = m
                    .due
                    .map(|d| d.format("%Y-%m-%d").to_string())
                    .unwrap_or_else(|| "—".into());
                let late = m.due.zip(today).is_some_and(|(d, today)| d < today);
                let mark = if m.done.is_some() { "[x]" } else { "[ ]" };
                let mut line = Line::from(vec![
                    Span::raw(format!("{mark} ")),
                    Span::styled(
                        format!("{due} "),
                        if late { theme::overdue() } else { theme::due() },
                    ),
                    Span::raw(format!("{} ", inc.id)),
                    // A drill's follow-up: a gap its readiness checks found.
                    Span::styled(
                        if inc.drill {
                            format!("[{}] ", t(lang, Msg::Drill))
                        } else {
                            String::new()
                        },
                        theme::dim(),
                    ),
                    Span::raw(safe_line(&m.text)),
                    Span::styled(format!("  {}", safe_line(&m.owner)), theme::dim()),
                ]);
                if i == cursor {
                    line = line.patch_style(theme::cursor(true));
                }
                Some(line)
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), list);
        frame.render_widget(
            Paragraph::new(t(lang, Msg::FollowUpsHint)).style(theme::key()),
            hint,
        );
    }
}
