//! The obligations of an incident at the top of the checklist pane: a heading with how many
//! are settled, then each with its mark, its days left and what it is, one line each (`O`
//! shows them in full). Where the pane is short (80x24) the heading alone stands for them,
//! naming the most urgent, so the steps keep their room.

use super::theme;
use crate::app::App;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use shiftdesk_core::Incident;
use shiftdesk_core::i18n::{Msg, t};
use shiftdesk_core::obligation::{Obligation, left_words, most_urgent};
use shiftdesk_core::text::safe_line;

/// The lines for a pane `height` rows high, none when the incident carries no obligation.
pub fn obligation_lines(app: &App, inc: &Incident, height: usize) -> Vec<Line<'static>> {
    if inc.obligations.is_empty() {
        return Vec::new();
    }
    let lang = app.lang();
    let settled = inc.obligations.iter().filter(|o| !o.is_open()).count();
    let total = inc.obligations.len();
    let (mark, style) = if settled == total {
        ("✓", theme::done().add_modifier(Modifier::BOLD))
    } else {
        ("■", Style::new().add_modifier(Modifier::BOLD))
    };
    let heading = t(lang, Msg::PaneObligations);
    let mut lines = vec![Line::styled(
        format!("{mark} {heading} {settled}/{total}"),
        style,
    )];
    if (total + 1) * 3 > height {
        // Short of room: the most urgent on the heading's line.
        if let Some((_, o)) = most_urgent(&inc.obligations) {
            let mut spans = lines.remove(0).spans;
            spans.push(Span::raw(" · "));
            spans.extend(open_spans(app, o));
            lines.push(Line::from(spans));
        }
        return lines;
    }
    for o in &inc.obligations {
        let what = safe_line(o.what.get(lang));
        let mark = crate::app::layers::obligations::mark(o);
        if !o.is_open() {
            lines.push(Line::styled(format!(" {mark} {what}"), theme::dim()));
            continue;
        }
        let mut spans = vec![Span::raw(format!(" {mark} "))];
        spans.extend(open_spans(app, o));
        lines.push(Line::from(spans));
    }
    lines
}

/// An obligation still to do: its days left (red once overdue) and what it is.
fn open_spans(app: &App, o: &Obligation) -> Vec<Span<'static>> {
    let lang = app.lang();
    let (left, overdue) = left_words(o.due, lang, &app.operator.zone, app.now);
    let style = if overdue {
        theme::overdue()
    } else {
        theme::due()
    };
    vec![
        Span::styled(left, style),
        Span::raw(format!(" · {}", safe_line(o.what.get(lang)))),
    ]
}
