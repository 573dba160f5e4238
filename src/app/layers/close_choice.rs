//! Closing with the Review phase not complete: write the review now, or close without it
//! (a reason is asked for). It lists, phase by phase, the steps still open.

use super::reason::ReasonForm;
use super::review::ReviewForm;
use crate::app::App;
use crate::app::action::Action;
use crate::app::key_table::When;
use crate::app::layer::{Layer, Outcome};
use crate::ui::form_parts::draw_question;
use ratatui::Frame;
use ratatui::layout::Rect;
use shiftdesk_core::checklist::open_by_phase;
use shiftdesk_core::i18n::{self, Lang, Msg, fill, t};
use shiftdesk_core::text::safe_line;
use shiftdesk_core::wrap::wrap;
use shiftdesk_core::{Incident, IncidentId};

/// How many open steps the dialog names in each phase; the phase says how many in all.
const SHOWN: usize = 2;
/// Columns of a step's line in the dialog (it is cut there, with `…`).
const STEP_COLUMNS: usize = 58;

pub struct CloseChoice {
    pub incident: IncidentId,
}

/// The steps still open, phase by phase: a heading, each phase with how many are open, and
/// its first [`SHOWN`] steps, each on one line. Empty when none is open.
pub fn still_open(incident: &Incident, lang: Lang) -> String {
    let by_phase = open_by_phase(&incident.checklist);
    if by_phase.is_empty() {
        return String::new();
    }
    let mut lines = vec![t(lang, Msg::StillOpen).to_string()];
    for (phase, steps) in by_phase {
        lines.push(format!(
            "  ■ {} ({})",
            i18n::phase(lang, phase),
            steps.len()
        ));
        for step in steps.into_iter().take(SHOWN) {
            let text = safe_line(step.text.get(lang));
            lines.push(format!("    [ ] {}", cut(&text, STEP_COLUMNS)));
        }
    }
    lines.join("\n")
}

/// The text's first line at `width` columns, with `…` when there is more.
pub(crate) fn cut(text: &str, width: usize) -> String {
    let lines = wrap(text, width.saturating_sub(1).max(1));
    match lines.as_slice() {
        [] => String::new(),
        [one] => one.to_string(),
        [first, ..] => format!("{first}…"),
    }
}

/// Whether to close the incident, with the steps still open in its other phases.
pub fn close_question(app: &App, id: &IncidentId) -> String {
    let lang = app.lang();
    let inc = app.desk.incident(id);
    let title = inc.map(|i| safe_line(&i.title)).unwrap_or_default();
    let steps = match inc.map(|i| still_open(i, lang)) {
        Some(open) if !open.is_empty() => format!("\n{open}"),
        _ => String::new(),
    };
    fill(
        lang,
        Msg::ConfirmClose,
        &[("id", &id.0), ("title", &title), ("steps", &steps)],
    )
}

impl Layer for CloseChoice {
    fn keys(&self) -> &'static [When] {
        &[When::CloseChoice]
    }

    fn handle(&mut self, action: &Action, app: &App) -> Outcome {
        let id = self.incident.clone();
        match action {
            Action::WriteReview => Outcome::Open(Box::new(ReviewForm::of(app, id))),
            Action::CloseWithoutReview => Outcome::Open(Box::new(ReasonForm::new(id))),
            _ => Outcome::PassDown,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App) {
        let lang = app.lang();
        let id = &self.incident;
        let inc = app.desk.incident(id);
        let open = inc.map_or(0, |i| i.open_review_steps().len());
        let steps = inc.map(|i| still_open(i, lang)).unwrap_or_default();
        let text = fill(
            lang,
            Msg::CloseChoice,
            &[("id", &id.0), ("n", &open.to_string()), ("steps", &steps)],
        );
        draw_question(frame, area, text);
    }
}
