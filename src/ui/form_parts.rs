//! The parts the layers' forms and questions are drawn with: a label, a field, a picker, a
//! question in a box, and a whole form of labelled rows.

use super::fit::{CutLine, cut_line, wrapped};
use super::theme;
use super::widgets::{centered, popup};
use crate::app::App;
use crate::app::text_field::TextField;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use shiftdesk_core::i18n::{Msg, t};

/// A text field: the live editor where it has focus, the plain text elsewhere.
pub fn draw_field(frame: &mut Frame, area: Rect, field: &TextField, focused: bool) {
    super::field::draw(frame, area, field, focused);
}

pub fn label(frame: &mut Frame, area: Rect, text: &str, focused: bool) {
    let style = if focused {
        theme::key()
    } else {
        Style::new().add_modifier(Modifier::BOLD)
    };
    line(frame, area, Line::styled(text.to_string(), style));
}

/// One line of text in its row, cut with `…` where the row is too short for it.
pub fn line(frame: &mut Frame, area: Rect, line: Line<'static>) {
    let line = cut_line(line, usize::from(area.width), false);
    frame.render_widget(Paragraph::new(line), area);
}

/// A choice between arrows: ◀ value ▶, the value marked where it has focus.
pub fn picker(text: String, focused: bool) -> Line<'static> {
    let style = if focused {
        theme::cursor(true)
    } else {
        Style::new()
    };
    Line::from(vec![
        Span::styled("◀ ", theme::dim()),
        Span::styled(text, style),
        Span::styled(" ▶", theme::dim()),
    ])
}

/// A row split into its label, `label_width` wide, and the rest.
pub fn split(row: Rect, label_width: u16) -> (Rect, Rect) {
    let [l, f] =
        Layout::horizontal([Constraint::Length(label_width), Constraint::Fill(1)]).areas(row);
    (l, f)
}

/// Rows of one line each, split into a label `label_width` wide and the rest.
pub fn label_rows(area: Rect, n: usize, label_width: u16) -> Vec<(Rect, Rect)> {
    Layout::vertical(vec![Constraint::Length(1); n])
        .split(area)
        .iter()
        .map(|r| split(*r, label_width))
        .collect()
}

/// What is wrong with a field: ✗ and the words, in red.
pub fn error(frame: &mut Frame, area: Rect, app: &App, msg: Msg) {
    let text = format!("✗ {}", t(app.lang(), msg));
    line(frame, area, Line::styled(text, theme::overdue()));
}

/// The last line of a form of `rows` lines, where its hint goes.
pub fn last_row(area: Rect, rows: usize) -> Rect {
    let rows = Layout::vertical(vec![Constraint::Length(1); rows]).split(area);
    rows[rows.len() - 1]
}

/// A form's hint line: the discard warning once Esc was pressed over typed text. Cut with
/// `…` where its row is too short.
pub fn hint(app: &App, hint: Msg) -> CutLine {
    let lang = app.lang();
    CutLine(if app.ui.layers.discard_armed() {
        Line::styled(t(lang, Msg::DiscardHint), theme::warning())
    } else {
        Line::styled(t(lang, hint), theme::key())
    })
}

/// A form's hint when the field with focus takes several lines: the same, telling Ctrl-J.
pub fn with_lines(hint: Msg, lines: bool) -> Msg {
    match (hint, lines) {
        (Msg::FormHint | Msg::FormHintNoChoice, true) => Msg::FormHintLines,
        (Msg::NoteHint, true) => Msg::NoteHintLines,
        (Msg::ClassifyHint, true) => Msg::ClassifyHintLines,
        (hint, _) => hint,
    }
}

/// A question in a box; each line of `text` starts a new line on screen.
pub fn draw_question(frame: &mut Frame, area: Rect, text: String) {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let lines: Vec<Line> = text.lines().flat_map(|l| wrapped(l, 66, bold)).collect();
    let rows = lines.len() as u16;
    let popup = centered(area, 70, rows + 2);
    super::widgets::clear(frame, popup);
    let block = Block::bordered().border_style(theme::border(true));
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}

const LABEL_WIDTH: u16 = 18;

/// What a row of a form holds.
pub enum Row<'a> {
    Text(&'a TextField),
    /// A picker showing the current choice.
    Choice(String),
    /// Lines to pick one of (already made safe), a line each, the one picked marked.
    Picks(Vec<String>, Option<usize>),
    /// A question (its lines wrapped to [`FIELD_WIDTH`], made safe), the answer picked
    /// beneath it, and a dimmed line on what the answer brings: rows `lines + 2`.
    Question {
        lines: Vec<String>,
        answer: String,
        note: String,
    },
    /// Lines to read (made safe, wrapped to [`FIELD_WIDTH`]), dimmed.
    Note(Vec<String>),
}

/// How wide a form's field is at 80 columns and over: a question or a note is wrapped to
/// it.
pub const FIELD_WIDTH: usize = 56;

/// A form row: label, content, focus, and the line beneath (an error, or a hint).
pub struct FormRow<'a> {
    pub label: Msg,
    pub content: Row<'a>,
    pub focused: bool,
    pub below: Option<(Msg, bool)>,
    /// Rows the content takes (multi-line fields take more).
    pub height: u16,
}

/// Draws a bordered form of rows with a hint at the bottom.
pub fn draw_form(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    title: &str,
    rows: &[FormRow],
    hint: Msg,
) {
    let lang = app.lang();
    let height: u16 = rows
        .iter()
        .map(|r| r.height + u16::from(r.below.is_some()))
        .sum::<u16>()
        + 4;
    let inner = popup(frame, area, 76, height, title);
    let mut constraints = Vec::new();
    for r in rows {
        constraints.push(Constraint::Length(r.height));
        if r.below.is_some() {
            constraints.push(Constraint::Length(1));
        }
    }
    constraints.push(Constraint::Fill(1));
    constraints.push(Constraint::Length(1));
    let areas = Layout::vertical(constraints).split(inner);
    let split = |r: Rect| split(r, LABEL_WIDTH);
    let mut i = 0;
    for r in rows {
        let (l, f) = split(areas[i]);
        label(frame, l, t(lang, r.label), r.focused);
        match &r.content {
            Row::Text(field) => draw_field(frame, f, field, r.focused),
            Row::Choice(text) => line(frame, f, picker(text.clone(), r.focused)),
            Row::Picks(lines, picked) => {
                let width = usize::from(f.width);
                let lines: Vec<Line> = lines
                    .iter()
                    .enumerate()
                    .map(|(i, text)| {
                        let line = if *picked == Some(i) {
                            Line::styled(format!("▶ {text}"), theme::cursor(true))
                        } else {
                            Line::styled(format!("  {text}"), theme::dim())
                        };
                        cut_line(line, width, false)
                    })
                    .collect();
                frame.render_widget(Paragraph::new(lines), f)
            }
            Row::Question {
                lines,
                answer,
                note,
            } => {
                let bold = Style::new().add_modifier(Modifier::BOLD);
                let width = usize::from(f.width);
                let mut shown: Vec<Line> = lines
                    .iter()
                    .map(|l| cut_line(Line::styled(l.clone(), bold), width, false))
                    .collect();
                shown.push(picker(answer.clone(), r.focused));
                shown.push(cut_line(
                    Line::styled(note.clone(), theme::dim()),
                    width,
                    false,
                ));
                frame.render_widget(Paragraph::new(shown), f)
            }
            Row::Note(lines) => {
                let width = usize::from(f.width);
                let shown: Vec<Line> = lines
                    .iter()
                    .map(|l| cut_line(Line::styled(l.clone(), theme::dim()), width, false))
                    .collect();
                frame.render_widget(Paragraph::new(shown), f)
            }
        }
        i += 1;
        if let Some((msg, is_error)) = r.below {
            let (_, f) = split(areas[i]);
            if is_error {
                error(frame, f, app, msg);
            } else {
                line(frame, f, Line::styled(t(lang, msg), theme::dim()));
            }
            i += 1;
        }
    }
    let lines = rows
        .iter()
        .any(|r| r.focused && matches!(r.content, Row::Text(f) if f.is_multi_line()));
    frame.render_widget(
        self::hint(app, with_lines(hint, lines)),
        areas[areas.len() - 1],
    );
}

/// A row for a text field, when the form has that field.
pub fn text_row<'a>(
    label: Msg,
    field: Option<&'a TextField>,
    focused: bool,
    below: Option<(Msg, bool)>,
    height: u16,
) -> Option<FormRow<'a>> {
    Some(FormRow {
        label,
        content: Row::Text(field?),
        focused,
        below,
        height,
    })
}
