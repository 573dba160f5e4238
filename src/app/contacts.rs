//! Contact search and the contact card: the state the overlays keep.

use super::text_field::TextField;

/// The search overlay: the query and the cursor in the results.
pub struct SearchState {
    pub query: TextField,
    pub cursor: usize,
}

impl Default for SearchState {
    fn default() -> Self {
        SearchState {
            query: TextField::new(false),
            cursor: 0,
        }
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
