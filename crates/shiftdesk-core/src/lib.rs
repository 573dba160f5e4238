//! The domain: plain data with its rules. No terminal, no files, no clock reading, no
//! environment. Every word it builds comes from [`i18n`], which takes them from
//! `shiftdesk-words`.

pub mod apply;
pub mod archive;
pub mod attention;
pub mod category;
pub mod change;
pub mod checklist;
pub mod clock;
pub mod decision;
pub mod desk;
pub mod draft;
pub mod drill;
pub mod escalation;
pub mod flow;
pub mod guide;
pub mod history;
pub mod i18n;
pub mod incident;
pub mod next_action;
pub mod obligation;
pub mod playbook;
pub mod record;
pub mod report;
pub mod roster;
pub mod search;
pub mod severity;
pub mod share;
pub mod status_line;
pub mod sync;
pub mod text;
pub mod timeline;
pub mod wrap;

/// Small builders for tests, here and in the crates above (feature `fixtures`).
#[cfg(any(test, feature = "fixtures"))]
pub mod test_fixtures;

pub use category::Category;
pub use incident::{Incident, IncidentId};
pub use severity::Severity;
