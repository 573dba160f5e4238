//! One board across desks and sites: a persisted change as it travels between them (an
//! [`Event`]), the hybrid logical clock that orders an incident's events, the codes of
//! desks and sites, and the merge that folds an incident's events into the same incident on
//! every desk ([`fold_incident`]). No I/O: the store keeps the events, the sync crate moves
//! them.

mod code;
mod event;
mod fold;
mod hlc;
mod roster;

pub use code::{CodeError, DeskCode, SiteCode, is_code};
pub use event::{EVENT_VERSION, Event, EventChange, EventError};
pub use fold::{Folded, fold_incident, fold_onto};
pub use hlc::Hlc;
pub use roster::ContactClocks;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_fold;
#[cfg(test)]
mod tests_prop;
