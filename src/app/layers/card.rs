//! A contact's card: every number, the email, notes, availability, and the routes the
//! contact is on; copy a number or the address, edit, mark away or back, delete.

use super::availability::AvailabilityForm;
use super::contact_form::ContactForm;
use super::question::Question;
use crate::app::App;
use crate::app::action::Action;
use crate::app::effects::ClipboardMode;
use crate::app::key_table::When;
use crate::app::layer::{Layer, Outcome, Work};
use crate::app::ui_state::NoticeLevel;
use crate::ui::fit::{cut_line, wrapped};
use crate::ui::theme;
use crate::ui::widgets::{centered, pad};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use shiftdesk_core::i18n::{self, Msg, fill, t};
use shiftdesk_core::roster::change::{RosterChange, routes_using};
use shiftdesk_core::text::safe_line;

/// What the card last sent to the clipboard, to say so on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Copied {
    Phone(String),
    Email(String),
}

/// A contact's card. Opened from the search, the search waits beneath it.
pub struct CardState {
    pub contact: String,
    pub copied: Option<Copied>,
}

impl CardState {
    pub fn new(contact: String) -> CardState {
        CardState {
            contact,
            copied: None,
        }
    }

    /// Copies the primary phone or the email, and says which on the card.
    fn copy(&mut self, app: &App, email: bool) -> Outcome {
        let Some(contact) = app.desk.roster().contact(&self.contact) else {
            return Outcome::Consumed;
        };
        let copied = if email {
            (!contact.email.is_empty()).then(|| Copied::Email(contact.email.clone()))
        } else {
            contact
                .primary_phone()
                .map(|p| Copied::Phone(p.to_string()))
        };
        let Some(copied) = copied else {
            let text = t(app.lang(), Msg::MsgNothingToCopy).to_string();
            return Outcome::Submit(vec![Work::Say(NoticeLevel::Warning, text)]);
        };
        if app.clipboard == ClipboardMode::Off {
            let text = t(app.lang(), Msg::MsgCopyOff).to_string();
            return Outcome::Submit(vec![Work::Say(NoticeLevel::Warning, text)]);
        }
        let (Copied::Phone(text) | Copied::Email(text)) = &copied;
        let work = vec![Work::Copy(text.clone())];
        self.copied = Some(copied);
        Outcome::Submit(work)
    }

    fn edit(&self, app: &App) -> Outcome {
        let Some(contact) = app.desk.roster().contact(&self.contact) else {
            return Outcome::Consumed;
        };
        match roster_locked(app) {
            Some(said) => Outcome::Submit(vec![said]),
            None => Outcome::Open(Box::new(ContactForm::new(Some(contact)))),
        }
    }

    /// Asks first, naming the routes the contact is on.
    fn delete(&self, app: &App) -> Outcome {
        if let Some(said) = roster_locked(app) {
            return Outcome::Submit(vec![said]);
        }
        let roster = app.desk.roster();
        let mut routes: Vec<String> = routes_using(roster, &self.contact)
            .into_iter()
            .map(|(r, k)| format!("{} L{}", roster.routes[r].id, k + 1))
            .collect();
        routes.dedup();
        Outcome::Open(Box::new(Question::Delete {
            contact: self.contact.clone(),
            routes,
        }))
    }

    /// Away → back at once; available → the form for until when and why.
    fn availability(&self, app: &App) -> Outcome {
        if let Some(said) = roster_locked(app) {
            return Outcome::Submit(vec![said]);
        }
        let away = app
            .desk
            .roster()
            .contact(&self.contact)
            .is_some_and(|c| c.is_unavailable_at(app.now));
        if away {
            Outcome::Submit(vec![Work::Roster(RosterChange::SetAvailability {
                contact: self.contact.clone(),
                unavailable: None,
            })])
        } else {
            Outcome::Open(Box::new(AvailabilityForm::new(&self.contact)))
        }
    }
}

/// When the roster cannot be changed: the notice that says why.
pub(crate) fn roster_locked(app: &App) -> Option<Work> {
    let why = app.desk.roster_read_only()?;
    let text = fill(app.lang(), Msg::MsgReadOnlyNoChange, &[("why", why)]);
    Some(Work::Say(NoticeLevel::Error, text))
}

impl Layer for CardState {
    fn keys(&self) -> &'static [When] {
        &[When::Card]
    }

    fn handle(&mut self, action: &Action, app: &App) -> Outcome {
        match action {
            Action::Copy => self.copy(app, false),
            Action::CopyEmail => self.copy(app, true),
            Action::EditContact => self.edit(app),
            Action::DeleteContact => self.delete(app),
            Action::Availability => self.availability(app),
            _ => Outcome::PassDown,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, app: &App) {
        let lang = app.lang();
        let roster = app.desk.roster();
        let Some(c) = roster.contact(&self.contact) else {
            return;
        };
        let zone = &app.operator.zone;
        let width = usize::from(area.width.saturating_sub(8).min(72));
        let label = |m: Msg| Span::styled(pad(t(lang, m), 11), theme::dim());
        let mut lines = vec![
            Line::from(vec![
                Span::styled(
                    safe_line(&c.name),
                    Style::new().add_modifier(Modifier::BOLD),
                ),
                Span::raw("  "),
                Span::styled(safe_line(&c.kana), theme::dim()),
            ]),
            Line::raw(format!("{} · {}", safe_line(&c.role), safe_line(&c.team))),
            Line::raw(""),
        ];
        for p in &c.phones {
            lines.push(Line::from(vec![
                Span::styled(pad(&i18n::phone_label(lang, &p.label), 11), theme::dim()),
                Span::styled(
                    safe_line(&p.number),
                    Style::new().add_modifier(Modifier::BOLD),
                ),
            ]));
        }
        if !c.email.is_empty() {
            lines.push(Line::from(vec![
                label(Msg::FieldEmail),
                Span::raw(safe_line(&c.email)),
            ]));
        }
        let availability = match &c.unavailable {
            Some(u) if c.is_unavailable_at(app.now) => {
                let until = u
                    .until
                    .map(|t| zone.clock(t, app.now))
                    .unwrap_or_else(|| t(lang, Msg::UntilCleared).to_string());
                let text = fill(
                    lang,
                    Msg::AwayUntil,
                    &[("until", &until), ("reason", &safe_line(&u.reason))],
                );
                Span::styled(text, theme::warning())
            }
            _ => Span::styled(t(lang, Msg::Available), theme::done()),
        };
        lines.push(Line::from(vec![
            label(Msg::FieldAvailability),
            availability,
        ]));
        let routes: Vec<String> = routes_using(roster, &c.id)
            .into_iter()
            .map(|(r, k)| format!("{} L{}", safe_line(&roster.routes[r].id), k + 1))
            .collect();
        let routes = if routes.is_empty() {
            t(lang, Msg::OnNoRoute).to_string()
        } else {
            routes.join(", ")
        };
        lines.push(Line::from(vec![label(Msg::WordRoute), Span::raw(routes)]));
        if !c.notes.trim().is_empty() {
            lines.push(Line::raw(""));
            lines.extend(wrapped(&safe_line(&c.notes), width, Style::new()));
        }
        if let Some(copied) = &self.copied {
            let (what, text) = match copied {
                Copied::Phone(p) => (t(lang, Msg::FieldPhone), p),
                Copied::Email(e) => (t(lang, Msg::FieldEmail), e),
            };
            let how = if app.clipboard == ClipboardMode::Tmux {
                t(lang, Msg::ViaTmux)
            } else {
                ""
            };
            lines.push(Line::raw(""));
            let said = fill(
                lang,
                Msg::CardCopied,
                &[("what", what), ("text", &safe_line(text)), ("how", how)],
            );
            lines.extend(wrapped(&said, width, theme::info()));
        }
        // A field longer than the card is cut, and says so.
        let mut lines: Vec<Line> = lines
            .into_iter()
            .map(|l| cut_line(l, width, false))
            .collect();
        lines.push(Line::raw(""));
        lines.extend(wrapped(t(lang, Msg::CardHint), width, theme::key()));
        let popup = centered(area, width as u16 + 4, lines.len() as u16 + 2);
        crate::ui::widgets::clear(frame, popup);
        let block = Block::bordered().border_style(theme::border(true));
        frame.render_widget(Paragraph::new(lines).block(block), popup);
    }
}
