//! A contact's card: every number, the email, notes, availability, and the routes the
//! contact is on.

use super::theme;
use super::widgets::{centered, pad, wrap};
use crate::app::App;
use crate::app::contacts::{CardState, Copied};
use crate::app::effects::ClipboardMode;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use shiftdesk_core::i18n::{Msg, fill, t};
use shiftdesk_core::roster::change::routes_using;
use shiftdesk_core::text::safe_line;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, card: &CardState) {
    let lang = app.lang();
    let roster = app.desk.roster();
    let Some(c) = roster.contact(&card.contact) else {
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
            Span::styled(pad(&safe_line(&p.label), 11), theme::dim()),
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
        for piece in wrap(&safe_line(&c.notes), width) {
            lines.push(Line::raw(piece));
        }
    }
    if let Some(copied) = &card.copied {
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
        for piece in wrap(&said, width) {
            lines.push(Line::styled(piece, theme::info()));
        }
    }
    lines.push(Line::raw(""));
    for piece in wrap(t(lang, Msg::CardHint), width) {
        lines.push(Line::styled(piece, theme::key()));
    }
    let popup = centered(area, width as u16 + 4, lines.len() as u16 + 2);
    super::widgets::clear(frame, popup);
    let block = Block::bordered().border_style(theme::border(true));
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}
