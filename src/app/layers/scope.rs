//! The scope of impact: affected services, customers or sites, an estimated count, since
//! when, notes.

use crate::app::App;
use crate::app::action::Action;
use crate::app::drafts::form_draft;
use crate::app::fields::Fields;
use crate::app::key_table::When;
use crate::app::layer::{Layer, Outcome};
use crate::ui::form_parts::{FormRow, draw_form, text_row};
use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::Rect;
use shiftdesk_core::IncidentId;
use shiftdesk_core::change::Change;
use shiftdesk_core::clock::{Zone, parse_time_input};
use shiftdesk_core::draft::{Draft, DraftKind};
use shiftdesk_core::i18n::{Msg, t};
use shiftdesk_core::record::Scope;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeField {
    Services,
    Affected,
    Count,
    Since,
    Notes,
}

/// The fields, by the names a draft keeps them under.
const NAMES: [(ScopeField, &str); 5] = [
    (ScopeField::Services, "services"),
    (ScopeField::Affected, "affected"),
    (ScopeField::Count, "count"),
    (ScopeField::Since, "since"),
    (ScopeField::Notes, "notes"),
];

pub struct ScopeForm {
    pub incident: IncidentId,
    pub fields: Fields<ScopeField>,
    pub error: Option<(ScopeField, Msg)>,
}

impl ScopeForm {
    pub fn new(incident: IncidentId, scope: Option<&Scope>, zone: &Zone) -> ScopeForm {
        let s = scope.cloned().unwrap_or_default();
        let count = s.count_shown().unwrap_or_default();
        let since = s
            .since
            .map(|t| zone.format(t, "%Y-%m-%d %H:%M"))
            .unwrap_or_default();
        ScopeForm {
            incident,
            fields: Fields::new(vec![
                (ScopeField::Services, s.services.as_str(), false),
                (ScopeField::Affected, s.affected.as_str(), false),
                (ScopeField::Count, count.as_str(), false),
                (ScopeField::Since, since.as_str(), false),
                (ScopeField::Notes, s.notes.as_str(), true),
            ]),
            error: None,
        }
    }

    /// The form a kept draft came from, over the incident's scope as it is now.
    pub fn from_draft(d: &Draft, app: &App) -> Option<ScopeForm> {
        let id = d.incident.clone()?;
        let scope = app.desk.incident(&id)?.scope.clone();
        let mut form = ScopeForm::new(id, scope.as_ref(), &app.operator.zone);
        form.fields.restore_all(&NAMES, d);
        Some(form)
    }

    pub fn validate(&mut self, now: DateTime<Utc>, zone: &Zone) -> Option<Scope> {
        // The number taken from what was written (約100件, 1通, １００), the words kept.
        let count = self.fields.text(ScopeField::Count);
        let (estimated_count, estimated_count_text) = if count.is_empty() {
            (None, String::new())
        } else {
            match Scope::estimate(&count) {
                Some((n, text)) => (Some(n), text),
                None => return self.fail(ScopeField::Count, Msg::ErrCount),
            }
        };
        let since_text = self.fields.text(ScopeField::Since);
        let since = if since_text.is_empty() {
            None
        } else {
            match parse_time_input(&since_text, now, zone) {
                Ok(t) => Some(t),
                Err(e) => return self.fail(ScopeField::Since, e.msg()),
            }
        };
        self.error = None;
        Some(Scope {
            services: self.fields.text(ScopeField::Services),
            affected: self.fields.text(ScopeField::Affected),
            estimated_count,
            estimated_count_text,
            since,
            notes: self.fields.text(ScopeField::Notes),
            extra: Default::default(),
        })
    }

    fn fail<T>(&mut self, field: ScopeField, msg: Msg) -> Option<T> {
        self.error = Some((field, msg));
        self.fields.set_focus(field);
        None
    }
}

impl Layer for ScopeForm {
    fn keys(&self) -> &'static [When] {
        &[When::Form]
    }

    fn handle(&mut self, action: &Action, app: &App) -> Outcome {
        match action {
            Action::Input(key) => self.fields.input(*key),
            Action::Paste(text) => self.fields.paste(text),
            Action::NewLine => self.fields.new_line(),
            Action::FieldNext => self.fields.cycle(1),
            Action::FieldPrev => self.fields.cycle(-1),
            Action::Submit => {
                let Some(scope) = self.validate(app.now, &app.operator.zone) else {
                    return Outcome::Consumed;
                };
                let change = Change::SetScope {
                    incident: self.incident.clone(),
                    scope: Box::new(scope),
                };
                return super::record(change, app);
            }
            _ => return Outcome::PassDown,
        }
        Outcome::Consumed
    }

    fn draft(&self, now: DateTime<Utc>) -> Option<Draft> {
        let fields = self.fields.drafted(&NAMES);
        self.fields
            .changed()
            .then(|| form_draft(DraftKind::Scope, Some(&self.incident), fields, now))
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App) {
        let form = self;
        let focus = form.fields.focus();
        let error = |f| form.error.filter(|(x, _)| *x == f).map(|(_, m)| (m, true));
        let rows: Vec<FormRow> = [
            (ScopeField::Services, Msg::FieldServices, None, 1),
            (ScopeField::Affected, Msg::FieldAffected, None, 1),
            (ScopeField::Count, Msg::FieldCount, None, 1),
            (
                ScopeField::Since,
                Msg::FieldSince,
                Some((Msg::SinceHint, false)),
                1,
            ),
            (ScopeField::Notes, Msg::FieldNotes, None, 5),
        ]
        .into_iter()
        .filter_map(|(f, label, hint, h)| {
            text_row(
                label,
                form.fields.get(f),
                focus == Some(f),
                error(f).or(hint),
                h,
            )
        })
        .collect();
        draw_form(
            frame,
            area,
            app,
            t(app.lang(), Msg::ScopeTitle),
            &rows,
            Msg::FormHintNoChoice,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shiftdesk_core::test_fixtures::t;

    fn zone() -> Zone {
        Zone::Named(chrono_tz::UTC)
    }

    #[test]
    fn the_count_is_taken_from_what_people_write_and_the_words_kept() {
        let count = |typed: &str| {
            let mut f = ScopeForm::new(IncidentId::from_number(1), None, &zone());
            f.fields.set_focus(ScopeField::Count);
            f.fields.paste(typed);
            f.validate(t("10:00"), &zone())
                .map(|s| (s.estimated_count, s.estimated_count_text))
        };
        assert_eq!(count("1通"), Some((Some(1), "1通".into())));
        assert_eq!(count("約100件"), Some((Some(100), "約100件".into())));
        assert_eq!(
            count("１００"),
            Some((Some(100), String::new())),
            "NFKC: a number"
        );
        assert_eq!(count("120"), Some((Some(120), String::new())));
        assert_eq!(
            count("about 1,200"),
            Some((Some(1200), "about 1,200".into()))
        );
        assert_eq!(count(""), Some((None, String::new())));
        assert_eq!(count("不明"), None, "no number in it: said so");
        // Opened again, the form shows it as it was written.
        let scope = Scope {
            estimated_count: Some(100),
            estimated_count_text: "約100件".into(),
            ..Scope::default()
        };
        let f = ScopeForm::new(IncidentId::from_number(1), Some(&scope), &zone());
        assert_eq!(f.fields.text(ScopeField::Count), "約100件");
    }

    #[test]
    fn scope_reads_counts_and_times_and_marks_bad_ones() {
        let mut f = ScopeForm::new(IncidentId::from_number(1), None, &zone());
        f.fields.focused_mut().unwrap().paste("VPN");
        f.fields.step(2);
        f.fields.focused_mut().unwrap().paste("1,200");
        f.fields.step(1);
        f.fields.focused_mut().unwrap().paste("09:40");
        let s = f.validate(t("10:00"), &zone()).unwrap();
        assert_eq!(s.estimated_count, Some(1200));
        assert_eq!(s.since, Some(t("09:40")));
        f.fields.focused_mut().unwrap().paste("x");
        assert!(f.validate(t("10:00"), &zone()).is_none());
        assert_eq!(f.error.map(|e| e.0), Some(ScopeField::Since));
    }
}
