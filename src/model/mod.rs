//! The domain: plain data with its rules. No terminal, no files, no clock reading.

pub mod apply;
pub mod archive;
pub mod category;
pub mod change;
mod change_drill;
mod change_record;
mod change_route;
pub mod checklist;
pub mod clock;
pub mod desk;
pub mod draft;
pub mod drill;
pub mod drill_result;
pub mod escalation;
pub mod history;
pub mod incident;
pub mod next_action;
pub mod playbook;
pub mod record;
pub mod report;
pub mod roster;
pub mod roster_change;
pub mod roster_check;
pub mod roster_csv;
pub mod search;
pub mod search_chars;
mod search_query;
pub mod severity;
pub mod share;
pub mod text;
pub mod timeline;
pub mod vcard;

#[cfg(test)]
pub(crate) mod test_fixtures;

pub use category::Category;
pub use incident::{Incident, IncidentId};
pub use severity::Severity;
