//! The contact search overlay: the query, and the whole roster ranked by it, matched
//! characters highlighted.

use super::quick_line::put_line;
use super::theme;
use super::widgets::{centered, framed, scroll_offset};
use crate::app::App;
use crate::app::contacts::SearchState;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use shiftdesk_core::i18n::{Msg, fill, t};
use shiftdesk_core::search::{Field, Hit};
use shiftdesk_core::text::safe_line_ref;

/// The text with the characters at `positions` (sorted) highlighted, as spans added to
/// `spans`: one for each run of characters alike.
fn highlighted<'a>(text: &'a str, positions: &[u32], base: Style, spans: &mut Vec<Span<'a>>) {
    let mark = base
        .fg(ratatui::style::Color::Yellow)
        .add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
    let mut push = |run: &'a str, marked: bool| {
        spans.push(Span::styled(
            safe_line_ref(run),
            if marked { mark } else { base },
        ));
    };
    let (mut start, mut marked) = (0, false);
    for (i, (at, _)) in text.char_indices().enumerate() {
        let here = positions.binary_search(&(i as u32)).is_ok();
        if here != marked && at > start {
            push(&text[start..at], marked);
            start = at;
        }
        marked = here;
    }
    if start < text.len() {
        push(&text[start..], marked);
    }
}

/// One result, with where the query matched in its best field.
fn row<'a>(app: &'a App, hit: &Hit, matched: &[u32]) -> Line<'a> {
    let index = app.desk.search();
    let contact = &app.desk.roster().contacts[hit.contact];
    let field = |f: Field| {
        let text = index.shown(hit.contact, f).unwrap_or_default();
        (text, if hit.field == f { matched } else { &[] })
    };
    let mut spans = Vec::with_capacity(12);
    let (name, pos) = field(Field::Name);
    highlighted(
        name,
        pos,
        Style::new().add_modifier(Modifier::BOLD),
        &mut spans,
    );
    for (f, style) in [
        (Field::Kana, theme::dim()),
        (Field::Phone(0), Style::new()),
        (Field::Role, Style::new()),
        (Field::Team, theme::dim()),
    ] {
        let (text, pos) = field(f);
        if !text.is_empty() {
            spans.push(Span::raw("  "));
            highlighted(text, pos, style, &mut spans);
        }
    }
    // A match in a field the row does not show (another phone, the email) shows at the end.
    if matches!(hit.field, Field::Email | Field::Phone(1..)) {
        let (text, pos) = field(hit.field);
        spans.push(Span::raw("  "));
        highlighted(text, pos, theme::dim(), &mut spans);
    }
    if contact.is_unavailable_at(app.now) {
        spans.push(Span::styled(
            format!("  ({})", t(app.lang(), Msg::Away)),
            theme::warning(),
        ));
    }
    Line::from(spans)
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, search: &SearchState) {
    let lang = app.lang();
    let hits = &search.hits;
    let total = app.desk.roster().contacts.len();
    let title = fill(
        lang,
        Msg::SearchTitle,
        &[
            ("n", &hits.len().to_string()),
            ("total", &total.to_string()),
        ],
    );
    // The search is drawn alone on the screen: nothing beneath to clear.
    let inner = framed(
        frame,
        centered(
            area,
            area.width.saturating_sub(4),
            area.height.saturating_sub(2),
        ),
        &title,
    );
    let [query, list, hint] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let [slash, field] =
        Layout::horizontal([Constraint::Length(2), Constraint::Fill(1)]).areas(query);
    frame.render_widget(Paragraph::new("/").style(theme::key()), slash);
    super::field::draw(frame, field, &search.query, true);

    let height = usize::from(list.height);
    if hits.is_empty() {
        frame.render_widget(
            Paragraph::new(t(lang, Msg::SearchNone)).style(theme::dim()),
            list,
        );
    } else {
        // Only the rows in view are formatted, however long the roster.
        let offset = scroll_offset(search.cursor, search.cursor, height);
        let query = search.searched.as_ref().map_or("", |(q, _)| q.as_str());
        let in_view = &hits[offset.min(hits.len())..(offset + height).min(hits.len())];
        let matched = app.desk.search().positions(in_view, query);
        // A line a row, drawn straight into its cells.
        for ((n, (hit, matched)), y) in in_view
            .iter()
            .zip(&matched)
            .enumerate()
            .zip(list.y..list.bottom())
        {
            let line = row(app, hit, matched);
            let line = if offset + n == search.cursor {
                line.patch_style(theme::cursor(true))
            } else {
                line
            };
            let at = Rect {
                y,
                height: 1,
                ..list
            };
            put_line(&line, at, frame.buffer_mut());
        }
    }
    frame.render_widget(
        Paragraph::new(t(lang, Msg::SearchHint)).style(theme::key()),
        hint,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matched_characters_are_marked_in_runs() {
        let mut spans = Vec::new();
        highlighted("佐藤 花子", &[0, 1, 4], Style::new(), &mut spans);
        let runs: Vec<(&str, bool)> = spans
            .iter()
            .map(|s| (s.content.as_ref(), s.style.fg.is_some()))
            .collect();
        assert_eq!(runs, [("佐藤", true), (" 花", false), ("子", true)]);
        spans.clear();
        highlighted("", &[], Style::new(), &mut spans);
        assert!(spans.is_empty());
    }
}
