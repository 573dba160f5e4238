//! The obligations of the selected incident (`O`): each with its countdown in days, to whom,
//! what in full, and whether it is done (stamped) or withdrawn; Space marks the one under
//! the cursor done, or not done again. Open on a closed incident too: a final report can be
//! due weeks after the incident is closed.

use crate::app::App;
use crate::app::action::Action;
use crate::app::key_table::When;
use crate::app::layer::{Layer, Outcome, Work};
use crate::app::ui_state::NoticeLevel;
use crate::ui::theme;
use crate::ui::widgets::{popup, scroll_offset, window};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use shiftdesk_core::change::Change;
use shiftdesk_core::i18n::{Lang, Msg, fill, fill_owned, t};
use shiftdesk_core::obligation::{Obligation, days_words};
use shiftdesk_core::text::safe_line;
use shiftdesk_core::wrap::{columns, wrap};
use shiftdesk_core::{Incident, IncidentId};

pub struct ObligationsList {
    pub incident: IncidentId,
    pub cursor: usize,
}

impl ObligationsList {
    pub fn new(incident: IncidentId) -> ObligationsList {
        ObligationsList {
            incident,
            cursor: 0,
        }
    }

    fn obligations<'a>(&self, app: &'a App) -> &'a [Obligation] {
        app.desk
            .incident(&self.incident)
            .map_or(&[], |i| i.obligations.as_slice())
    }

    /// The obligation under the cursor: done, or not done again.
    fn toggle(&self, app: &App) -> Outcome {
        let Some(o) = self.obligations(app).get(self.cursor) else {
            return Outcome::Consumed;
        };
        let change = Change::SetObligationDone {
            incident: self.incident.clone(),
            obligation: o.id.clone(),
            done: o.done.is_none(),
        };
        let msg = if o.done.is_none() {
            Msg::MsgObligationDone
        } else {
            Msg::MsgObligationReopened
        };
        let text = t(app.lang(), msg).to_string();
        Outcome::Submit(vec![
            Work::Change(change),
            Work::Say(NoticeLevel::Info, text),
        ])
    }
}

/// `[ ]` to do, `[x]` done, `[-]` withdrawn.
pub fn mark(o: &Obligation) -> &'static str {
    if o.done.is_some() {
        "[x]"
    } else if o.withdrawn.is_some() {
        "[-]"
    } else {
        "[ ]"
    }
}

/// The obligation's state in words: its countdown while it is to do (and whether that is
/// overdue), else when it was done or withdrawn, and by whom.
pub fn state_words(o: &Obligation, app: &App) -> (String, bool) {
    let (lang, zone) = (app.lang(), &app.operator.zone);
    let stamped = |msg, s: &shiftdesk_core::checklist::Stamp| {
        let args = [("when", zone.date_time(s.at)), ("by", safe_line(&s.by))];
        fill_owned(lang, msg, &args)
    };
    match (&o.done, &o.withdrawn) {
        (Some(done), _) => (stamped(Msg::ObligationDoneAt, done), false),
        (None, Some(w)) => (stamped(Msg::ObligationWithdrawnAt, w), false),
        (None, None) => days_words(o.due, lang, zone, app.now),
    }
}

/// One obligation in full: the mark, its state and to whom; what is to be done, wrapped;
/// and, for the guide's examples, that the team must check it.
fn lines_of(o: &Obligation, app: &App, width: usize, lang: Lang) -> Vec<Line<'static>> {
    let (state, overdue) = state_words(o, app);
    let style = if overdue {
        theme::overdue()
    } else if o.is_open() {
        theme::due()
    } else {
        theme::dim()
    };
    let mut lines = vec![Line::from(vec![
        Span::raw(format!("{} ", mark(o))),
        Span::styled(state, style),
    ])];
    let indent = "    ";
    let inside = width.saturating_sub(columns(indent)).max(1);
    let to = fill(
        lang,
        Msg::ObligationTo,
        &[("to", &safe_line(o.to.get(lang)))],
    );
    for piece in wrap(&to, inside) {
        lines.push(Line::raw(format!("{indent}{piece}")));
    }
    let what = safe_line(o.what.get(lang));
    for piece in wrap(&what, inside) {
        lines.push(Line::styled(format!("{indent}{piece}"), theme::dim()));
    }
    if o.example {
        let words = t(lang, Msg::ObligationExample);
        for piece in wrap(words, inside) {
            lines.push(Line::styled(format!("{indent}{piece}"), theme::warning()));
        }
    }
    lines
}

impl Layer for ObligationsList {
    fn keys(&self) -> &'static [When] {
        &[When::Obligations]
    }

    fn handle(&mut self, action: &Action, app: &App) -> Outcome {
        if let Some(by) = super::step_of(action) {
            self.cursor = super::moved(self.cursor, by, self.obligations(app).len());
            return Outcome::Consumed;
        }
        match action {
            Action::ToggleDone => self.toggle(app),
            _ => Outcome::PassDown,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App) {
        let lang = app.lang();
        let obligations = self.obligations(app);
        let title = fill(
            lang,
            Msg::ObligationsTitle,
            &[
                ("id", &self.incident.0),
                (
                    "n",
                    &obligations
                        .iter()
                        .filter(|o| o.is_open())
                        .count()
                        .to_string(),
                ),
            ],
        );
        let inner = popup(
            frame,
            area,
            area.width.saturating_sub(4),
            area.height.saturating_sub(2),
            &title,
        );
        let [list, hint] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
        let width = usize::from(list.width);
        if obligations.is_empty() {
            let inc: Option<&Incident> = app.desk.incident(&self.incident);
            let asks = inc.is_some_and(|i| {
                !shiftdesk_core::obligation::conditions_for(
                    &app.desk.guide,
                    i.category,
                    i.kind.as_deref(),
                )
                .is_empty()
            });
            let msg = if asks {
                Msg::NoObligationsYet
            } else {
                Msg::NoObligations
            };
            let text = crate::ui::fit::wrapped(t(lang, msg), width, theme::dim());
            frame.render_widget(Paragraph::new(text), list);
        }
        let mut lines = Vec::new();
        let mut at = (0, 0);
        for (i, o) in obligations.iter().enumerate() {
            let first = lines.len();
            let mut these = lines_of(o, app, width, lang);
            if i == self.cursor {
                these[0] = these[0].clone().patch_style(theme::cursor(true));
                at = (first, first + these.len() - 1);
            }
            lines.extend(these);
        }
        let height = usize::from(list.height);
        let offset = scroll_offset(at.0, at.1, height);
        frame.render_widget(Paragraph::new(window(lines, offset, height)), list);
        frame.render_widget(
            Paragraph::new(t(lang, Msg::ObligationsHint)).style(theme::key()),
            hint,
        );
    }
}
