//! The checklist pane: the four phases with their steps and progress. Two marks that never
//! look alike: `▶` marks the next open step, and the cursor is a bar across the pane
//! (reversed while the pane has focus). The step under the cursor shows in full, with who
//! checked it, what action did, or why it does not apply, and its notes. Steps that do not
//! apply are dimmed, with their reason.

use super::theme;
use super::widgets::{scroll_offset, window};
use crate::app::App;
use crate::app::ui_state::Pane;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use shiftdesk_core::checklist::{ChecklistStep, PhaseProgress, display_order, next_open_step};
use shiftdesk_core::i18n::{self, Lang, Msg, t};
use shiftdesk_core::text::safe_line;
use shiftdesk_core::timeline::via_words;
use shiftdesk_core::wrap::{columns, wrap};
use shiftdesk_core::{Incident, playbook::Phase};

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let lang = app.lang();
    let focused = app.ui.focus == Pane::Checklist;
    let Some(inc) = app.selected() else {
        let block = Block::bordered()
            .title(format!(" {} ", t(lang, Msg::PaneChecklist)))
            .border_style(theme::border(focused));
        let width = usize::from(block.inner(area).width);
        let text = crate::ui::fit::wrapped(t(lang, Msg::NoChecklist), width, Style::new());
        frame.render_widget(Paragraph::new(text).block(block), area);
        return;
    };
    let progress = inc.progress();
    let summary: Vec<String> = progress
        .iter()
        .map(|p| {
            let phase = i18n::phase_short(lang, Some(p.phase));
            format!("{phase} {}/{}", p.settled(), p.total)
        })
        .collect();
    // The kind, where the incident has one: its steps are that kind's.
    let kind = super::incidents::kind_short(app, inc.category, inc.kind.as_deref())
        .map(|k| format!(" · {k}"))
        .unwrap_or_default();
    let conflict = match inc.has_conflict() {
        true => format!(" {}", t(lang, Msg::MergeConflictTag)),
        false => String::new(),
    };
    let title = format!("{} {}{conflict}{kind}", t(lang, Msg::PaneChecklist), inc.id);
    let title = shiftdesk_core::wrap::cut(&title, usize::from(area.width.saturating_sub(4)));
    let block = Block::bordered()
        .title(format!(" {title} "))
        .title_bottom(format!(" {} ", summary.join(" · ")))
        .border_style(theme::border(focused));
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let height = inner.height as usize;
    let (lines, cursor_lines) = lines(app, inc, &progress, (inner.width as usize, height));
    let offset = scroll_offset(cursor_lines.0, cursor_lines.1, height);
    // A step longer than the pane is cut, and says so (the one under the cursor is whole).
    let width = usize::from(inner.width);
    let lines = lines
        .into_iter()
        .map(|l| crate::ui::fit::cut_line(l, width, false))
        .collect();
    frame.render_widget(Paragraph::new(window(lines, offset, height)), inner);
}

/// Every line of the pane, and the first and last line of the step under the cursor.
fn lines(
    app: &App,
    inc: &Incident,
    progress: &[PhaseProgress],
    (width, height): (usize, usize),
) -> (Vec<Line<'static>>, (usize, usize)) {
    let lang = app.lang();
    let focused = app.ui.focus == Pane::Checklist;
    let order = display_order(&inc.checklist);
    let next = next_open_step(&inc.checklist);
    let cursor = order.get(app.ui.step_cursor).copied();
    // The obligations, with their days left, above the phases.
    let mut lines: Vec<Line<'static>> = super::duties::obligation_lines(app, inc, height);
    let mut cursor_lines = (0, 0);
    let mut last_phase: Option<Phase> = None;
    for &i in &order {
        let step = &inc.checklist[i];
        if last_phase != Some(step.phase) {
            last_phase = Some(step.phase);
            lines.push(phase_line(lang, step.phase, progress));
        }
        let row = StepRow {
            step,
            is_next: next == Some(i),
            lang,
        };
        if cursor == Some(i) {
            let first = lines.len();
            lines.extend(row.in_full(width, theme::cursor(focused)));
            lines.extend(details(app, inc, step));
            cursor_lines = (first, lines.len() - 1);
        } else {
            lines.push(row.line());
        }
    }
    (lines, cursor_lines)
}

/// `■ Report 2/5`, or `✓ Report 5/5` once every step is done or does not apply.
fn phase_line(lang: Lang, phase: Phase, progress: &[PhaseProgress]) -> Line<'static> {
    let p = progress.iter().find(|p| p.phase == phase);
    let (settled, total) = p.map_or((0, 0), |p| (p.settled(), p.total));
    let complete = settled == total;
    let mark = if complete { "✓" } else { "■" };
    let style = if complete {
        theme::done().add_modifier(Modifier::BOLD)
    } else {
        Style::new().add_modifier(Modifier::BOLD)
    };
    let phase = i18n::phase(lang, phase);
    Line::styled(format!("{mark} {phase} {settled}/{total}"), style)
}

/// One step as a row of the list.
struct StepRow<'a> {
    step: &'a ChecklistStep,
    is_next: bool,
    lang: Lang,
}

impl StepRow<'_> {
    /// `▶` for the next open step, else a space; then the box: `[x]` done, `[-]` does not
    /// apply, `[ ]` open.
    fn prefix(&self) -> String {
        let marker = if self.is_next { "▶" } else { " " };
        let box_ = if self.step.done.is_some() {
            "[x]"
        } else if self.step.not_applicable.is_some() {
            "[-]"
        } else {
            "[ ]"
        };
        format!("{marker}{box_} ")
    }

    fn style(&self) -> Style {
        if self.step.done.is_some() {
            theme::done()
        } else if self.step.not_applicable.is_some() {
            theme::dim()
        } else if self.is_next {
            theme::next_step()
        } else {
            Style::new()
        }
    }

    fn text(&self) -> String {
        safe_line(self.step.text.get(self.lang))
    }

    /// ` — n/a: why` after a step that does not apply.
    fn not_applicable(&self) -> String {
        let Some(na) = &self.step.not_applicable else {
            return String::new();
        };
        let word = t(self.lang, Msg::StepNotApplicable);
        match safe_line(&na.reason) {
            reason if reason.is_empty() => format!(" — {word}"),
            reason => format!(" — {word}: {reason}"),
        }
    }

    /// The row as the list shows it: one line, cut at the pane's edge.
    fn line(&self) -> Line<'static> {
        let notes = match self.step.notes.len() {
            0 => String::new(),
            n => format!(" ✎{n}"),
        };
        Line::from(vec![
            Span::styled(format!("{}{}", self.prefix(), self.text()), self.style()),
            Span::styled(self.not_applicable(), theme::dim()),
            Span::styled(notes, theme::dim()),
        ])
    }

    /// The row under the cursor: its whole text wrapped, every line a bar across the pane.
    fn in_full(&self, width: usize, cursor: Style) -> Vec<Line<'static>> {
        let prefix = self.prefix();
        let indent = " ".repeat(columns(&prefix));
        let text = format!("{}{}", self.text(), self.not_applicable());
        let style = self.style().patch(cursor);
        wrap(&text, width.saturating_sub(columns(&prefix)).max(1))
            .into_iter()
            .enumerate()
            .map(|(n, piece)| {
                let lead = if n == 0 { &prefix } else { &indent };
                let line = format!("{lead}{piece}");
                let pad = " ".repeat(width.saturating_sub(columns(&line)));
                Line::from(Span::styled(format!("{line}{pad}"), style))
            })
            .collect()
    }
}

/// Under the step at the cursor: who checked it and when, and the action that did; or who
/// said it does not apply, when, and why; then its notes.
fn details(app: &App, inc: &Incident, step: &ChecklistStep) -> Vec<Line<'static>> {
    let lang = app.lang();
    let zone = &app.operator.zone;
    let mut lines = Vec::new();
    if let Some(stamp) = &step.done {
        let mut text = format!(
            "     ✓ {} {}",
            zone.date_time(stamp.at),
            safe_line(&stamp.by)
        );
        if let Some(via) = inc.checked_via(step) {
            text.push_str(" — ");
            text.push_str(&via_words(&via, app.desk.roster(), lang));
        }
        lines.push(Line::styled(text, theme::dim()));
    }
    if let Some(na) = &step.not_applicable {
        lines.push(Line::styled(
            format!(
                "     – {} {} {}",
                t(lang, Msg::StepNotApplicable),
                zone.date_time(na.at),
                safe_line(&na.by)
            ),
            theme::dim(),
        ));
    }
    for note in &step.notes {
        lines.push(Line::styled(
            format!(
                "     ✎ {} {}: {}",
                zone.clock(note.at, app.now),
                safe_line(&note.by),
                safe_line(&note.text)
            ),
            theme::dim(),
        ));
    }
    lines
}
