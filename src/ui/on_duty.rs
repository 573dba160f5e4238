//! Who is on duty now, for each rotation of the roster: the last lines of the route pane,
//! redrawn on the desk's tick so a shift change shows while the desk stays open. And, on a
//! route level that names a rotation, whom it resolved to.

use super::theme;
use crate::app::App;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use shiftdesk_core::escalation::LevelStatus;
use shiftdesk_core::i18n::{Lang, Msg, fill, t};
use shiftdesk_core::roster::RouteLevel;
use shiftdesk_core::roster::rotation::{Rotation, name_in, nobody};
use shiftdesk_core::text::safe_line;

/// At most this many rotations are listed; more are counted.
const MOST: usize = 3;

/// The lines of the section: a rule with its title (where `room` allows), then one line a
/// rotation. Empty without rotations.
pub fn section(app: &App, width: usize, room: usize) -> Vec<Line<'static>> {
    let rotations = &app.desk.roster().rotations;
    if rotations.is_empty() || room == 0 {
        return Vec::new();
    }
    let lang = app.lang();
    let mut lines = Vec::new();
    let cap = room.min(MOST);
    if room > rotations.len().min(cap) {
        let title = format!("─ {} ", t(lang, Msg::OnDutyTitle));
        let rest = width.saturating_sub(unicode_width::UnicodeWidthStr::width(title.as_str()));
        lines.push(Line::styled(
            format!("{title}{}", "─".repeat(rest)),
            theme::dim(),
        ));
    }
    if cap == 1 && rotations.len() > 1 {
        return vec![names_line(app)];
    }
    let shown = if rotations.len() > cap { cap - 1 } else { cap };
    for r in rotations.iter().take(shown) {
        lines.push(rotation_line(app, r));
    }
    if rotations.len() > shown {
        let more = format!("  +{}", rotations.len() - shown);
        lines.push(Line::styled(more, theme::dim()));
    }
    lines
}

/// One line for all: `On duty 佐藤 花子 · Emily Brown`.
fn names_line(app: &App) -> Line<'static> {
    let lang = app.lang();
    let roster = app.desk.roster();
    let names: Vec<String> = roster
        .rotations
        .iter()
        .map(|r| match r.on_duty(app.now) {
            Some(on) => safe_line(
                roster
                    .contact(&on.person)
                    .map_or(on.person.as_str(), |c| &c.name),
            ),
            None => nobody(lang).to_string(),
        })
        .collect();
    Line::from(vec![
        Span::styled(format!("{} ", t(lang, Msg::OnDutyTitle)), theme::dim()),
        Span::raw(names.join(" · ")),
    ])
}

/// `Shift leader 佐藤 花子 to 20:00`, or that nobody is on duty.
fn rotation_line(app: &App, r: &Rotation) -> Line<'static> {
    let lang = app.lang();
    let roster = app.desk.roster();
    let name = format!("{} ", safe_line(name_in(r.label(), lang)));
    let Some(on) = r.on_duty(app.now) else {
        return Line::from(vec![
            Span::styled(name, theme::dim()),
            Span::styled(nobody(lang).to_string(), theme::warning()),
        ]);
    };
    let contact = roster.contact(&on.person);
    let person = contact.map_or(on.person.as_str(), |c| &c.name);
    let away = contact.is_some_and(|c| c.is_unavailable_at(app.now));
    let until = fill(
        lang,
        Msg::OnDutyUntil,
        &[("time", &app.operator.zone.clock(on.until, app.now))],
    );
    let mut spans = vec![
        Span::styled(name, theme::dim()),
        Span::raw(safe_line(person)),
        Span::styled(format!(" {until}"), theme::dim()),
    ];
    if contact.is_none() {
        spans.push(Span::styled(
            format!(" ({})", t(lang, Msg::NotInRoster)),
            theme::warning(),
        ));
    } else if away {
        spans.push(Span::styled(
            format!(" ({})", t(lang, Msg::Away)),
            theme::warning(),
        ));
    }
    Line::from(spans)
}

/// The line under a level's head that tells its rotation: whom it resolved to when the
/// level became the one to call (`⟳ Night on-call → 佐藤 花子 (on duty 20:00–08:00)`), or
/// that nobody was on duty; for a level not come to yet, who is on duty now.
pub fn level_line(app: &App, level: &RouteLevel, status: &LevelStatus) -> Option<Line<'static>> {
    let id = level.rotation.as_deref()?;
    let lang = app.lang();
    let roster = app.desk.roster();
    let fresh = level
        .on_duty
        .as_ref()
        .filter(|_| status.started.is_some_and(|s| !level.needs_pick(s)));
    let (text, style) = match fresh {
        Some(pick) => {
            let style = if pick.person.is_some() {
                theme::dim()
            } else {
                theme::warning()
            };
            // The rotation by its name in the operator's language, for the narrow pane.
            let mut short = pick.clone();
            short.name = name_in(pick.label(), lang).to_string();
            (
                short.words(roster, !level.contacts.is_empty(), lang, &app.operator.zone),
                style,
            )
        }
        None => preview(roster.rotation(id), id, app, lang),
    };
    Some(Line::styled(format!("  ⟳ {text}"), style))
}

/// Who of a rotation is on duty now, for a level the route has not come to.
fn preview(r: Option<&Rotation>, id: &str, app: &App, lang: Lang) -> (String, Style) {
    let label = r.map_or(id, Rotation::label);
    let rotation = safe_line(name_in(label, lang));
    let roster = app.desk.roster();
    match r.and_then(|r| r.on_duty(app.now)) {
        Some(on) => {
            let name = roster
                .contact(&on.person)
                .map_or(on.person.as_str(), |c| &c.name);
            let text = fill(
                lang,
                Msg::OnDutyNowPreview,
                &[("rotation", &rotation), ("name", &safe_line(name))],
            );
            (text, theme::dim())
        }
        None => (format!("{rotation}: {}", nobody(lang)), theme::warning()),
    }
}
