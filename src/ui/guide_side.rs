//! The team's guide beside the pickers of the record and reclassify forms: on the category,
//! what it is with examples and boundary cases; on the kind, what it is among the category's
//! kinds; on the severity, what each severity means for that category. Where the window is
//! too narrow for a column beside the form, a line under each picker says it in one line.

use super::fit::{at_most, wrapped};
use super::theme;
use crate::app::App;
use crate::app::classify::Classification;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};
use shiftdesk_core::i18n::{self, Lang, Msg, fill, t};
use shiftdesk_core::text::safe_line;

/// The windows at least this wide show the guide in a column beside the form.
pub const SIDE_FROM_WIDTH: u16 = 110;

/// What the guide beside the form is about: the picker with focus (the category for a field
/// that is not a picker).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GuideFocus {
    Category,
    Kind,
    Severity,
}

/// Whether the form has room for the guide beside it.
pub fn beside(area: Rect) -> bool {
    area.width >= SIDE_FROM_WIDTH
}

fn bold() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

/// `text` wrapped under a mark two columns wide (`▶ `, `- `, or none), its lines after
/// the first indented as far.
fn marked(
    out: &mut Vec<Line<'static>>,
    mark: &'static str,
    text: &str,
    width: usize,
    style: Style,
) {
    for (n, line) in wrapped(text, width.saturating_sub(2).max(1), style)
        .into_iter()
        .enumerate()
    {
        let mut spans = vec![if n == 0 { mark } else { "  " }.into()];
        spans.extend(line.spans);
        out.push(Line::from(spans));
    }
}

/// Items of a list, each wrapped under its bullet.
fn items<'a>(
    out: &mut Vec<Line<'static>>,
    items: impl Iterator<Item = &'a str>,
    width: usize,
    style: Style,
) {
    for item in items {
        marked(out, "- ", &safe_line(item), width, style);
    }
}

fn category_lines(app: &App, c: &Classification, width: usize, out: &mut Vec<Line<'static>>) {
    let lang = app.lang();
    out.extend(wrapped(i18n::category(lang, c.category), width, bold()));
    let Some(g) = app.desk.guide.category(c.category) else {
        out.extend(wrapped(t(lang, Msg::GuideNone), width, theme::dim()));
        return;
    };
    out.extend(wrapped(
        &safe_line(g.definition.get(lang)),
        width,
        Style::new(),
    ));
    for (heading, list) in [
        (Msg::GuideExamples, &g.examples),
        (Msg::GuideBoundaries, &g.boundaries),
    ] {
        if list.is_empty() {
            continue;
        }
        out.push(Line::raw(""));
        out.extend(wrapped(t(lang, heading), width, theme::dim()));
        items(out, list.iter().map(|x| x.get(lang)), width, Style::new());
    }
}

fn kind_lines(app: &App, c: &Classification, width: usize, out: &mut Vec<Line<'static>>) {
    let lang = app.lang();
    let books = &app.desk.playbooks;
    let kind = c.kind_id(books);
    out.extend(wrapped(&c.kind_label(books, lang), width, bold()));
    match books.kind_of(c.category, kind.as_deref()) {
        Some(k) => {
            if let Some(summary) = &k.summary {
                out.extend(wrapped(&safe_line(summary.get(lang)), width, Style::new()));
            }
        }
        None => out.extend(wrapped(t(lang, Msg::KindNotSetWhy), width, Style::new())),
    }
    out.push(Line::raw(""));
    let category = i18n::category(lang, c.category);
    out.extend(wrapped(
        &fill(lang, Msg::GuideKindsOf, &[("category", category)]),
        width,
        theme::dim(),
    ));
    for choice in c.choices(books) {
        let name = match books.kind_of(c.category, choice.as_deref()) {
            Some(k) => safe_line(k.name.get(lang)),
            None => t(lang, Msg::KindNotSet).to_string(),
        };
        let (mark, style) = if choice == kind {
            ("▶ ", bold())
        } else {
            ("  ", theme::dim())
        };
        marked(out, mark, &name, width, style);
    }
}

fn severity_lines(app: &App, c: &Classification, width: usize, out: &mut Vec<Line<'static>>) {
    let lang = app.lang();
    let category = i18n::category(lang, c.category);
    out.extend(wrapped(
        &fill(lang, Msg::GuideSeverityFor, &[("category", category)]),
        width,
        bold(),
    ));
    let Some(g) = app.desk.guide.category(c.category) else {
        out.extend(wrapped(t(lang, Msg::GuideNone), width, theme::dim()));
        return;
    };
    for (s, meaning) in g.severity.iter() {
        let current = s == c.severity;
        let (mark, style) = if current {
            ("▶ ", Style::new())
        } else {
            ("  ", theme::dim())
        };
        let text = format!(
            "{}: {}",
            i18n::severity(lang, s),
            safe_line(meaning.get(lang))
        );
        marked(out, mark, &text, width, style);
    }
}

/// The guide beside the form, `width` columns wide, about what has focus.
pub fn side_lines(
    app: &App,
    c: &Classification,
    focus: GuideFocus,
    width: usize,
) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    match focus {
        GuideFocus::Category => category_lines(app, c, width, &mut out),
        GuideFocus::Kind => kind_lines(app, c, width, &mut out),
        GuideFocus::Severity => severity_lines(app, c, width, &mut out),
    }
    out
}

/// Columns a form takes beside the guide.
pub const FORM_WIDTH: u16 = 74;

/// Splits a form's `body` into the form, on the left (returned), and the guide about what
/// has focus beside it, drawn with a line between them.
pub fn beside_form(
    frame: &mut Frame,
    body: Rect,
    app: &App,
    c: &Classification,
    focus: GuideFocus,
) -> Rect {
    let [left, right] =
        Layout::horizontal([Constraint::Length(FORM_WIDTH), Constraint::Fill(1)]).areas(body);
    let block = Block::new()
        .borders(Borders::LEFT)
        .border_style(theme::dim());
    let side = block.inner(right);
    frame.render_widget(block, right);
    let side = Rect {
        x: side.x + 1,
        width: side.width.saturating_sub(1),
        ..side
    };
    draw_side(frame, side, app, c, focus);
    left
}

/// Draws the guide in `area` (a column beside the form), cut with `…` where it is too long.
pub fn draw_side(frame: &mut Frame, area: Rect, app: &App, c: &Classification, focus: GuideFocus) {
    let width = usize::from(area.width);
    let lines = at_most(
        side_lines(app, c, focus, width),
        usize::from(area.height),
        width,
    );
    frame.render_widget(Paragraph::new(lines), area);
}

/// What a picker's row says of its choice in one line, where there is no room beside the
/// form: the category's summary, the kind's summary, what the severity means for the
/// category. None when the guide and playbooks say nothing of it.
pub fn one_line(app: &App, c: &Classification, about: GuideFocus) -> Option<String> {
    let lang: Lang = app.lang();
    let guide = &app.desk.guide;
    let text = match about {
        GuideFocus::Category => guide.category(c.category)?.summary.get(lang).to_string(),
        GuideFocus::Kind => {
            let books = &app.desk.playbooks;
            match books.kind_of(c.category, c.kind_id(books).as_deref()) {
                Some(k) => k.summary.as_ref()?.get(lang).to_string(),
                None => t(lang, Msg::KindNotSetWhy).to_string(),
            }
        }
        GuideFocus::Severity => guide
            .severity_meaning(c.category, c.severity)?
            .get(lang)
            .to_string(),
    };
    Some(safe_line(&text))
}

/// A picker's one-line guide, dimmed, cut with `…` where its row is too short.
pub fn draw_one_line(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    c: &Classification,
    about: GuideFocus,
) {
    if let Some(text) = one_line(app, c, about) {
        super::form_parts::line(frame, area, Line::styled(text, theme::dim()));
    }
}

/// A picker of the classification, labelled: the category, the kind or the severity chosen.
pub fn draw_picker(
    frame: &mut Frame,
    (label_area, field_area): (Rect, Rect),
    app: &App,
    c: &Classification,
    (which, focused): (GuideFocus, bool),
) {
    let lang = app.lang();
    let (label, value) = match which {
        GuideFocus::Category => (
            Msg::FieldCategory,
            i18n::category(lang, c.category).to_string(),
        ),
        GuideFocus::Kind => (Msg::FieldKind, c.kind_label(&app.desk.playbooks, lang)),
        GuideFocus::Severity => (
            Msg::FieldSeverity,
            i18n::severity(lang, c.severity).to_string(),
        ),
    };
    super::form_parts::label(frame, label_area, t(lang, label), focused);
    super::form_parts::line(frame, field_area, super::form_parts::picker(value, focused));
}

/// The box of a form that classifies an incident, titled: 76 columns and `heights.0` rows
/// where the window is narrow; where it is wide, wider and `heights.1` rows, with the guide
/// about what has focus beside the form. Returns the form's area and its hint row.
pub fn classify_box(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    (title, heights): (&str, (u16, u16)),
    (c, focus): (&Classification, GuideFocus),
) -> (Rect, Rect) {
    let wide = beside(area);
    let inner = if wide {
        let width = area.width.saturating_sub(4).min(118);
        super::widgets::popup(frame, area, width, heights.1, title)
    } else {
        super::widgets::popup(frame, area, 76, heights.0, title)
    };
    let [body, hint_row] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
    let form = if wide {
        beside_form(frame, body, app, c, focus)
    } else {
        body
    };
    (form, hint_row)
}
