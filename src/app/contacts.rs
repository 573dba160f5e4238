//! Contact search and the contact card: the state the overlays keep.

use super::text_field::TextField;
use shiftdesk_core::search::{Hit, SearchIndex, narrows};

/// The search overlay: the query, its results and the cursor in them.
pub struct SearchState {
    pub query: TextField,
    pub cursor: usize,
    /// The results, worked out in `update` when the query or the roster changes.
    pub hits: Vec<Hit>,
    /// The query and roster the results are for.
    pub searched: Option<(String, u64)>,
}

impl Default for SearchState {
    fn default() -> Self {
        SearchState {
            query: TextField::new(false),
            cursor: 0,
            hits: Vec::new(),
            searched: None,
        }
    }
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
        self.hits = index.search_within(&query, within.as_deref());
        self.searched = Some((query, generation));
    }
}

/// What the card last sent to the clipboard, to say so on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Copied {
    Phone(String),
    Email(String),
}

/// A contact's card, with the search it was opened from (Esc goes back to it).
pub struct CardState {
    pub contact: String,
    pub copied: Option<Copied>,
    pub back: Option<Box<SearchState>>,
}
