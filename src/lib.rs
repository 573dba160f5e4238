//! shiftdesk: guided incident response for on-shift operators, in the terminal.
//!
//! The layers below live in their own crates: `shiftdesk-words` (every word) ←
//! `shiftdesk-core` (the domain) ← `shiftdesk-store` (the data dir). This crate holds
//! what sits on them: `app` (state, `Action`, `update`) ← `ui` (drawing), with `cli`,
//! `terminal` and `main` on top.

pub mod alert_hook;
pub mod app;
pub mod cli;
pub mod notify;
pub mod sync_link;
pub mod terminal;
pub mod ui;
