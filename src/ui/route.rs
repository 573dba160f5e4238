//! The contacts pane: the reporting route of the selected incident, level by level, each
//! with its deadline and countdown, and the contacts with their numbers.

use super::theme;
use super::widgets::{scroll_offset, window};
use crate::app::App;
use crate::app::ui_state::Pane;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use shiftdesk_core::clock::{countdown, minutes_up};
use shiftdesk_core::escalation::{
    LevelState, LevelStatus, PassedBy, next_update_due, not_called_on, route_progress,
};
use shiftdesk_core::i18n::{self, Msg, fill, t};
use shiftdesk_core::incident::AttemptOutcome;
use shiftdesk_core::next_action::{NextAction, deadline_words, next_action_with};
use shiftdesk_core::roster::Means;
use shiftdesk_core::text::safe_line;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let lang = app.lang();
    let focused = app.ui.focus == Pane::Contacts;
    let block = Block::bordered()
        .title(format!(" {} ", t(lang, Msg::PaneRoute)))
        .border_style(theme::border(focused));
    let Some(inc) = app.selected() else {
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let room = usize::from(inner.height);
        let lines = super::on_duty::section(app, usize::from(inner.width), room);
        frame.render_widget(Paragraph::new(lines), inner);
        return;
    };
    let Some(route) = inc.route.as_ref() else {
        let width = usize::from(block.inner(area).width);
        let text = crate::ui::fit::wrapped(t(lang, Msg::NoRoute), width, Style::new());
        frame.render_widget(Paragraph::new(text).block(block), area);
        return;
    };
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let roster = app.desk.roster();
    let zone = &app.operator.zone;
    let now = app.now;
    // A closed incident's route as it stood when it was closed: no clock runs on it.
    let open = inc.is_open();
    let progress = route_progress(inc, roster, inc.closed_at.map_or(now, |c| c.min(now)));
    // Whom the Next line names: ▶ marks them, on whichever level they are.
    let to_call = match next_action_with(inc, &progress, roster, now) {
        NextAction::Call { contact, level, .. } => Some((level, contact.id.clone())),
        _ => None,
    };
    let name = if route.name.is_empty() {
        &route.route_id
    } else {
        &route.name
    };
    let mut lines = vec![Line::styled(
        fill(lang, Msg::RouteName, &[("name", &safe_line(name))]),
        Style::new().add_modifier(Modifier::BOLD),
    )];
    if let Some(due) = next_update_due(inc, &progress, roster) {
        let every = roster.update_cadence(inc.severity).to_string();
        let (words, overdue) = deadline_words(due, lang, zone, now);
        lines.push(Line::styled(
            format!(
                "{} · {words}",
                fill(lang, Msg::RouteUpdates, &[("m", &every)])
            ),
            if overdue {
                theme::overdue()
            } else {
                theme::due()
            },
        ));
    }
    // With the route gone up, how late the first report is, against the first deadline.
    if let (Some(late), Some(due)) = (
        progress
            .first_report_late_by(now)
            .filter(|_| open && progress.current > Some(0)),
        progress.first_deadline(),
    ) {
        lines.push(Line::styled(
            fill(
                lang,
                Msg::FirstReportLate,
                &[
                    ("m", &minutes_up(late).to_string()),
                    ("due", &zone.clock(due, now)),
                ],
            ),
            theme::overdue(),
        ));
    }
    let mut row = 0;
    let mut cursor_line = 0;
    let mut to_call_line = 0;
    for (k, level) in route.levels.iter().enumerate() {
        let status = &progress.levels[k];
        let head = fill(
            lang,
            Msg::RouteLevel,
            &[
                ("n", &(k + 1).to_string()),
                ("means", i18n::means(lang, level.means)),
                ("within", &level.report_within_minutes.to_string()),
            ],
        );
        let (state_text, style) = match status.state {
            LevelState::Current if !open => (String::new(), Style::new()),
            LevelState::Current => match status.deadline {
                Some(d) if d < now => (
                    fill(
                        lang,
                        Msg::LevelOverdue,
                        &[
                            ("m", &minutes_up(now - d).to_string()),
                            ("due", &zone.clock(d, now)),
                        ],
                    ),
                    theme::overdue(),
                ),
                Some(d) => (
                    fill(
                        lang,
                        Msg::LevelDue,
                        &[("due", &zone.clock(d, now)), ("left", &countdown(d - now))],
                    ),
                    theme::due().add_modifier(Modifier::BOLD),
                ),
                None => (String::new(), Style::new()),
            },
            LevelState::Reached => {
                let when = progress
                    .reached
                    .map(|i| zone.clock(inc.attempts[i].at, now))
                    .unwrap_or_default();
                (
                    fill(lang, Msg::LevelReached, &[("when", &when)]),
                    theme::done(),
                )
            }
            LevelState::Passed => (
                passed_words(
                    status,
                    not_called_on(inc, &progress, k, roster, now)
                        .next()
                        .is_some(),
                    app,
                ),
                theme::dim(),
            ),
            LevelState::Waiting => (t(lang, Msg::LevelWaiting).to_string(), theme::dim()),
        };
        lines.push(Line::styled(head, style.add_modifier(Modifier::BOLD)));
        if !state_text.is_empty() {
            lines.push(Line::styled(format!("  {state_text}"), style));
        }
        lines.extend(super::on_duty::level_line(app, level, status));
        for id in level.contact_ids() {
            let contact = roster.contact(id);
            let is_cursor = focused && row == app.ui.contact_cursor;
            if is_cursor {
                cursor_line = lines.len();
            }
            let last = inc
                .attempts
                .iter()
                .filter(|a| a.contact == *id && a.level == k)
                .max_by_key(|a| a.at);
            // The first column says what to do or what happened: ▶ call now, ✓ reached,
            // ✗ no answer, ✉ message left.
            let (marker, marker_style) =
                if to_call.as_ref().is_some_and(|(l, c)| *l == k && c == id) {
                    ("▶ ", theme::next_step())
                } else {
                    match last.map(|a| a.outcome) {
                        Some(AttemptOutcome::Reached) => ("✓ ", theme::done()),
                        Some(AttemptOutcome::NoAnswer) => ("✗ ", theme::overdue()),
                        Some(AttemptOutcome::LeftMessage) => ("✉ ", theme::warning()),
                        None => ("  ", Style::new()),
                    }
                };
            let mut spans = vec![Span::styled(marker, marker_style)];
            match contact {
                Some(c) => {
                    let away = c.is_unavailable_at(now);
                    let base = if away { theme::dim() } else { Style::new() };
                    spans.push(Span::styled(
                        safe_line(&c.name),
                        base.add_modifier(Modifier::BOLD),
                    ));
                    // The address for the level's means: a number to call, or an email.
                    let address = match level.means {
                        Means::Phone => c.primary_phone().unwrap_or(c.email.as_str()),
                        Means::Email | Means::Chat if !c.email.is_empty() => c.email.as_str(),
                        Means::Email | Means::Chat => c.primary_phone().unwrap_or_default(),
                    };
                    spans.push(Span::styled(format!(" {}", safe_line(address)), base));
                    spans.push(Span::styled(
                        format!(" {}", safe_line(&c.role)),
                        theme::dim(),
                    ));
                    if away {
                        spans.push(Span::styled(
                            format!(" ({})", t(lang, Msg::Away)),
                            theme::warning(),
                        ));
                    }
                }
                None => spans.push(Span::styled(
                    format!("{} ({})", safe_line(id), t(lang, Msg::NotInRoster)),
                    theme::warning(),
                )),
            }
            if let Some(last) = last {
                spans.push(Span::styled(
                    format!(
                        " {} {}",
                        zone.clock(last.at, now),
                        i18n::outcome(lang, last.outcome)
                    ),
                    theme::dim(),
                ));
            }
            if to_call.as_ref().is_some_and(|(l, c)| *l == k && c == id) {
                to_call_line = lines.len();
            }
            let mut line = Line::from(spans);
            if is_cursor {
                line = line.patch_style(theme::cursor(true));
            }
            lines.push(line);
            row += 1;
        }
    }
    // Who is on duty now, at the foot of the pane: a line a rotation, under a rule where
    // the pane is tall (40 lines); in the lines the route leaves free where it is short
    // (24), and at least one.
    let width = usize::from(inner.width);
    let full = inner.height as usize;
    let free = full.saturating_sub(lines.len()).max(1);
    let room = free.min(if full >= 14 { 4 } else { 2 });
    let on_duty = super::on_duty::section(app, width, room);
    let height = full.saturating_sub(on_duty.len());
    // The cursor where the pane has focus; else whom to call, kept in sight.
    let target = if focused { cursor_line } else { to_call_line };
    let offset = scroll_offset(target, target, height);
    // A line longer than the pane is cut, and says so.
    let lines = lines
        .into_iter()
        .map(|l| crate::ui::fit::cut_line(l, width, false))
        .collect();
    let mut shown = window(lines, offset, height);
    shown.resize(height, Line::default());
    shown.extend(
        on_duty
            .into_iter()
            .map(|l| crate::ui::fit::cut_line(l, width, false)),
    );
    frame.render_widget(Paragraph::new(shown), inner);
}

/// How the route left a level: whether anyone on it was called (`some_not_called`: some on
/// it were never called), and by what — its time running out, no answer from everyone, or
/// by hand — with when.
fn passed_words(status: &LevelStatus, some_not_called: bool, app: &App) -> String {
    let lang = app.lang();
    let state = if !status.called {
        Msg::LevelNotCalled
    } else if some_not_called {
        Msg::LevelPartlyCalled
    } else {
        Msg::LevelNoAnswer
    };
    let state = t(lang, state);
    let Some((by, at)) = status.passed else {
        return state.to_string();
    };
    let how = match by {
        PassedBy::Time => Msg::LevelUpByTime,
        PassedBy::NoAnswer => Msg::LevelUpNoAnswer,
        PassedBy::Hand => Msg::LevelUpByHand,
    };
    let when = app.operator.zone.clock(at, app.now);
    fill(lang, how, &[("status", state), ("when", &when)])
}
