//! Contact search: the query, the whole roster ranked by it with the matched characters
//! highlighted, and the cursor in the results. Drawn alone over the desk, and on every
//! keystroke: the results, and where they matched for the rows in view, are worked out in
//! `update` (`refresh`), so drawing only reads them.

use super::card::CardState;
use crate::app::App;
use crate::app::action::Action;
use crate::app::key_table::When;
use crate::app::layer::{Layer, Outcome};
use crate::app::text_field::TextField;
use crate::ui::quick_line::put_line;
use crate::ui::theme;
use crate::ui::widgets::{centered, framed, scroll_offset};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use shiftdesk_core::i18n::{Msg, fill, t};
use shiftdesk_core::search::{Field, Hit, Matcher, SearchIndex, matcher, narrows};
use shiftdesk_core::text::safe_line_ref;

pub struct SearchState {
    pub query: TextField,
    pub cursor: usize,
    /// The results, worked out in `update` when the query or the roster changes.
    pub hits: Vec<Hit>,
    /// The query and roster the results are for.
    pub searched: Option<(String, u64)>,
    /// Where the query matched, for the results from `marked.0` on (the rows in view).
    marks: Vec<Vec<u32>>,
    /// The first row, rows, query and roster the marks are for.
    marked: Option<(usize, usize, String, u64)>,
    /// The matcher's working memory, kept from one keystroke to the next.
    matcher: Matcher,
}

impl Default for SearchState {
    fn default() -> Self {
        SearchState {
            query: TextField::new(false),
            cursor: 0,
            hits: Vec::new(),
            searched: None,
            marks: Vec::new(),
            marked: None,
            matcher: matcher(),
        }
    }
}

/// The box the search is drawn in, on the screen `area`.
fn outer(area: Rect) -> Rect {
    centered(
        area,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
    )
}

/// The query line, the list of results and the hint, inside the box's frame.
fn parts(inner: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(inner)
}

impl SearchState {
    /// Brings the results up to date with the query, for the roster `index` of
    /// `generation`; looks only among the last results when the query narrowed.
    pub fn refresh(&mut self, index: &SearchIndex, generation: u64) {
        let query = self.query.text();
        let within = match &self.searched {
            Some((q, g)) if *g == generation && *q == query => return,
            Some((q, g)) if *g == generation && narrows(q, &query) => {
                Some(self.hits.iter().map(|h| h.contact).collect::<Vec<usize>>())
            }
            _ => None,
        };
        self.hits = index.search_within(&query, within.as_deref(), &mut self.matcher);
        self.searched = Some((query, generation));
    }

    /// Works out where the query matched for the `rows` results in view.
    fn mark(&mut self, index: &SearchIndex, rows: usize) {
        let Some((query, generation)) = &self.searched else {
            return;
        };
        let offset = scroll_offset(self.cursor, self.cursor, rows);
        let key = (offset, rows, query.clone(), *generation);
        if self.marked.as_ref() == Some(&key) {
            return;
        }
        let in_view = &self.hits[offset.min(self.hits.len())..(offset + rows).min(self.hits.len())];
        self.marks = index.positions(in_view, query, &mut self.matcher);
        self.marked = Some(key);
    }

    /// The matched characters of result `n`, when worked out.
    fn marks_of(&self, n: usize) -> &[u32] {
        let Some((offset, ..)) = self.marked else {
            return &[];
        };
        n.checked_sub(offset)
            .and_then(|i| self.marks.get(i))
            .map_or(&[], |m| m.as_slice())
    }
}

impl Layer for SearchState {
    fn keys(&self) -> &'static [When] {
        &[When::Search]
    }

    fn handle(&mut self, action: &Action, app: &App) -> Outcome {
        if let Some(by) = super::step_of(action) {
            self.cursor = super::moved(self.cursor, by, self.hits.len());
            return Outcome::Consumed;
        }
        match action {
            // The results follow at the end of `update` (refresh), as for a paste.
            Action::Input(key) => {
                self.query.input(*key);
                self.cursor = 0;
                Outcome::Consumed
            }
            Action::Paste(text) => {
                self.query.paste(text);
                self.cursor = 0;
                Outcome::Consumed
            }
            // That contact's card, with the search kept beneath to go back to.
            Action::Submit => {
                self.refresh(app.desk.search(), app.desk.search_generation());
                match self.hits.get(self.cursor) {
                    Some(hit) => {
                        let contact = app.desk.roster().contacts[hit.contact].id.clone();
                        Outcome::Push(Box::new(CardState::new(contact)))
                    }
                    None => Outcome::Consumed,
                }
            }
            _ => Outcome::PassDown,
        }
    }

    fn covers_desk(&self) -> bool {
        true
    }

    fn refresh(&mut self, app: &App) {
        let index = app.desk.search();
        SearchState::refresh(self, index, app.desk.search_generation());
        let screen = Rect::new(0, 0, app.ui.width, app.ui.height);
        let [_, list, _] = parts(Block::bordered().inner(outer(screen)));
        self.mark(index, usize::from(list.height));
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App) {
        let lang = app.lang();
        let hits = &self.hits;
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
        let inner = framed(frame, outer(area), &title);
        let [query, list, hint] = parts(inner);
        let [slash, field] =
            Layout::horizontal([Constraint::Length(2), Constraint::Fill(1)]).areas(query);
        frame.render_widget(Paragraph::new("/").style(theme::key()), slash);
        crate::ui::field::draw(frame, field, &self.query, true);

        let height = usize::from(list.height);
        if hits.is_empty() {
            frame.render_widget(
                Paragraph::new(t(lang, Msg::SearchNone)).style(theme::dim()),
                list,
            );
        } else {
            // Only the rows in view are formatted, however long the roster.
            let offset = scroll_offset(self.cursor, self.cursor, height);
            let in_view = &hits[offset.min(hits.len())..(offset + height).min(hits.len())];
            // A line a row, drawn straight into its cells.
            for ((n, hit), y) in in_view.iter().enumerate().zip(list.y..list.bottom()) {
                let line = row(app, hit, self.marks_of(offset + n));
                let line = if offset + n == self.cursor {
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
}

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
