//! What the record form and the reclassify form choose: a category, the kind of it (where the
//! category has kinds), and a severity. The kind is picked among the category's; a category
//! without kinds has none to pick. An incident recorded before kinds keeps having none while
//! its category stays, unless a kind is picked.

use super::fields::cycle;
use shiftdesk_core::i18n::{Lang, Msg, t};
use shiftdesk_core::incident::IncidentKind;
use shiftdesk_core::playbook::Playbooks;
use shiftdesk_core::text::safe_line;
use shiftdesk_core::{Category, Severity};

/// The pickers' choice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classification {
    pub category: Category,
    /// The kind asked for; the category's default where it has kinds and none (or one it
    /// does not have) is asked.
    pub kind: Option<String>,
    pub severity: Severity,
    /// For the reclassify form: the category and kind the incident has. While the category
    /// is that one, its kind is kept as it is, even none (recorded before kinds).
    pub had: Option<(Category, Option<String>)>,
}

impl Classification {
    pub fn new(category: Category, severity: Severity) -> Classification {
        Classification {
            category,
            kind: None,
            severity,
            had: None,
        }
    }

    /// As an incident has it, to reclassify.
    pub fn of_incident(category: Category, kind: Option<String>, severity: Severity) -> Self {
        Classification {
            category,
            kind: kind.clone(),
            severity,
            had: Some((category, kind)),
        }
    }

    /// Whether the category's kind is still the one the incident had.
    fn keeps_had(&self) -> Option<&Option<String>> {
        match &self.had {
            Some((c, k)) if *c == self.category && *k == self.kind => Some(k),
            _ => None,
        }
    }

    /// The kinds to pick among: the category's, and none first for an incident recorded
    /// before kinds whose category stays. Empty for a category without kinds.
    pub fn choices(&self, books: &Playbooks) -> Vec<Option<String>> {
        let Some(book) = books.for_category(self.category) else {
            return Vec::new();
        };
        if book.kinds.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        if matches!(&self.had, Some((c, None)) if *c == self.category) {
            out.push(None);
        }
        out.extend(book.kinds.iter().map(|k| Some(k.id.clone())));
        out
    }

    /// Whether there is a kind to pick.
    pub fn has_kinds(&self, books: &Playbooks) -> bool {
        !self.choices(books).is_empty()
    }

    /// The kind the incident is given: the one picked, else the category's default; the
    /// incident's own while its category and kind stay.
    pub fn kind_id(&self, books: &Playbooks) -> Option<String> {
        if let Some(had) = self.keeps_had() {
            return had.clone();
        }
        books
            .for_category(self.category)?
            .known_kind_or_default(self.kind.as_deref())
    }

    /// The kind with its name, as the incident takes it.
    pub fn kind_taken(&self, books: &Playbooks) -> Option<IncidentKind> {
        let id = self.kind_id(books)?;
        books.kind_of(self.category, Some(&id)).map(|k| k.taken())
    }

    /// Another category: its default kind (or, back on the incident's own, its kind).
    pub fn move_category(&mut self, by: isize) {
        self.category = cycle(&Category::ALL, self.category, by);
        self.kind = match &self.had {
            Some((c, k)) if *c == self.category => k.clone(),
            _ => None,
        };
    }

    /// The next kind (or the one before) among the choices.
    pub fn move_kind(&mut self, books: &Playbooks, by: isize) {
        let choices = self.choices(books);
        if choices.is_empty() {
            return;
        }
        let now = self.kind_id(books);
        let at = choices.iter().position(|c| *c == now).unwrap_or(0) as isize;
        let n = choices.len() as isize;
        self.kind = choices[(at + by).rem_euclid(n) as usize].clone();
        if self.kind.is_none() {
            // Back to none: the incident's own, as it was.
            self.kind = self.had.as_ref().and_then(|(_, k)| k.clone());
        }
    }

    pub fn move_severity(&mut self, by: isize) {
        self.severity = cycle(&Severity::ALL, self.severity, by);
    }

    /// The kind's name as the picker shows it, made safe.
    pub fn kind_label(&self, books: &Playbooks, lang: Lang) -> String {
        match self.kind_id(books) {
            Some(id) => match books.kind_of(self.category, Some(&id)) {
                Some(k) => safe_line(k.name.get(lang)),
                None => safe_line(&id),
            },
            None => t(lang, Msg::KindNotSet).to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shiftdesk_core::test_fixtures::bundled_playbooks;

    #[test]
    fn a_category_with_kinds_offers_them_its_default_first_and_one_without_none() {
        let books = bundled_playbooks();
        let mut c = Classification::new(Category::Security, Severity::MEDIUM);
        assert_eq!(c.kind_id(&books).as_deref(), Some("other"));
        c.move_kind(&books, 1);
        assert_eq!(c.kind_id(&books).as_deref(), Some("lost_card"));
        c.move_kind(&books, 1);
        assert_eq!(c.kind_id(&books).as_deref(), Some("misdirected_email"));
        assert_eq!(
            c.kind_label(&books, Lang::En),
            "Email sent to the wrong recipient"
        );
        // Another category: its own default, and none where it has no kinds.
        c.move_category(1);
        assert_eq!(c.category, Category::ToolDamage);
        assert!(!c.has_kinds(&books));
        assert_eq!(c.kind_id(&books), None);
        c.move_category(-1);
        assert_eq!(c.kind_id(&books).as_deref(), Some("other"));
    }

    #[test]
    fn an_incident_recorded_before_kinds_keeps_none_until_a_kind_is_picked() {
        let books = bundled_playbooks();
        let mut c = Classification::of_incident(Category::Security, None, Severity::MINOR);
        assert_eq!(c.kind_id(&books), None);
        assert_eq!(c.kind_label(&books, Lang::En), t(Lang::En, Msg::KindNotSet));
        assert_eq!(c.choices(&books).len(), 5);
        c.move_kind(&books, 1);
        assert_eq!(c.kind_id(&books).as_deref(), Some("lost_card"));
        c.move_kind(&books, -1);
        assert_eq!(c.kind_id(&books), None);
        // Away and back: none again.
        c.move_category(1);
        assert_eq!(c.kind_id(&books), None);
        c.move_category(-1);
        assert_eq!(c.kind_id(&books), None);
        // An incident with a kind keeps it, and none is no choice.
        let c = Classification::of_incident(
            Category::Security,
            Some("misdirected_fax".into()),
            Severity::MINOR,
        );
        assert_eq!(c.kind_id(&books).as_deref(), Some("misdirected_fax"));
        assert_eq!(c.choices(&books).len(), 4);
    }
}
