//! Every word the operator reads or a document prints, in Japanese and English: the desk,
//! the command line, the shared documents, roster checks and imports, and the domain's
//! labels (categories, severities, phases, means…).
//!
//! Each message is declared once, in the area file it belongs to, with both languages side
//! by side; see `table.rs` for how the areas become one [`Msg`]. [`t`] gives a message's
//! text; templates carry `{key}` placeholders, filled in one pass with [`fill`].

// First: the macros the areas below are written with.
#[macro_use]
mod table;

#[macro_use]
mod contacts;
#[macro_use]
mod desk;
#[macro_use]
mod doctor;
#[macro_use]
mod duties;
#[macro_use]
mod drill;
#[macro_use]
mod flow;
#[macro_use]
mod forms;
#[macro_use]
mod guide;
#[macro_use]
mod help;
#[macro_use]
mod labels;
#[macro_use]
mod merge;
#[macro_use]
mod link;
#[macro_use]
mod notices;
#[macro_use]
mod oncall;
#[macro_use]
mod record;
#[macro_use]
mod roster_check;
#[macro_use]
mod roster_csv;
#[macro_use]
mod share;
#[macro_use]
mod sync;

mod fill;
mod lang;

pub use fill::{fill, fill_owned, placeholders};
pub use lang::Lang;

desk_words! {{
    help_words,
    forms_words,
    notices_words,
    record_words,
    doctor_words,
    drill_words,
    contacts_words,
    share_words,
    roster_check_words,
    roster_csv_words,
    guide_words,
    duties_words,
    oncall_words,
    flow_words,
    merge_words,
    sync_words,
    link_words,
    labels_words;
}}

/// The text of a message in a language.
pub fn t(lang: Lang, msg: Msg) -> &'static str {
    let (en, ja) = msg.texts();
    match lang {
        Lang::En => en,
        Lang::Ja => ja,
    }
}

#[cfg(test)]
mod tests;
