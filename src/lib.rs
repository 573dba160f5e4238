//! shiftdesk: guided incident response for on-shift operators, in the terminal.
//!
//! Layers: `model` ← `store` ← `app` ← `ui`, with `cli` on top; `i18n` holds every word.

pub mod app;
pub mod cli;
pub mod generate;
pub mod i18n;
pub mod model;
pub mod store;
pub mod terminal;
pub mod ui;
