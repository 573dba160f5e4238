//! The status line: clock, operator, language, save state and key hints on one row. When the
//! row is too short, the least needed gives way first (a hint of a rarer key, then the
//! operator's name is cut, then the language and the clock); the save state and the keys
//! to quit and for help stay to the last.

use super::fit::cut_line;
use super::theme;
use crate::app::App;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use shiftdesk_core::i18n::{Msg, fill, t};
use shiftdesk_core::text::safe_line;
use shiftdesk_core::wrap::{columns, cut};
use shiftdesk_store::ledger::SaveState;

/// How a part of the line gives way, and when: parts give way in the order of their rank,
/// lowest first; a part with no rank never does.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Give {
    Stay,
    /// Left out at this rank.
    Drop(u8),
    /// Cut with `…` at this rank, to no fewer columns than given; left out at the second.
    Cut(u8, usize, Option<u8>),
}

struct Part {
    text: String,
    style: Style,
    give: Give,
    /// A key hint (hints are set apart from the rest and from each other by a space).
    hint: bool,
}

/// The hints of the full desk, in the order shown, with when each gives way: `?` and `q`
/// never do.
const DESK_HINTS: [(Msg, Give); 6] = [
    (Msg::HintHelp, Give::Stay),
    (Msg::HintNew, Give::Drop(6)),
    (Msg::HintCheck, Give::Drop(5)),
    (Msg::HintNote, Give::Drop(1)),
    (Msg::HintClose, Give::Drop(4)),
    (Msg::HintQuit, Give::Stay),
];

/// The hints of the compact desk: the full desk's other keys act on what it does not show.
const COMPACT_HINTS: [(Msg, Give); 2] = [
    (Msg::HintSelect, Give::Drop(4)),
    (Msg::HintQuit, Give::Stay),
];

/// The status line of the full desk, `width` columns at most.
pub fn desk_status(app: &App, width: usize) -> Line<'static> {
    fitted(parts(app, &DESK_HINTS), width)
}

/// The status line of the compact desk. While a window of the full desk is open, keys go
/// to it, hidden: no hint is given then.
pub fn compact_status(app: &App, width: usize) -> Line<'static> {
    let hints: &[(Msg, Give)] = if app.ui.layers.top().is_some() {
        &[]
    } else {
        &COMPACT_HINTS
    };
    fitted(parts(app, hints), width)
}

fn parts(app: &App, hints: &[(Msg, Give)]) -> Vec<Part> {
    let lang = app.lang();
    // Minutes: the countdowns show the seconds that matter, and an idle desk need not draw
    // every second.
    let clock = app.operator.zone.format(app.now, "%H:%M");
    let (save, save_style) = match &app.desk.save_state() {
        SaveState::Saved => (t(lang, Msg::Saved).to_string(), theme::info()),
        SaveState::NotSaved(why) => (
            fill(lang, Msg::NotSaved, &[("why", &safe_line(why))]),
            theme::error(),
        ),
        SaveState::ReadOnly(_) => (t(lang, Msg::ReadOnly).to_string(), theme::error()),
    };
    let part = |text: String, style: Style, give: Give| Part {
        text,
        style,
        give,
        hint: false,
    };
    let mut parts = vec![
        part(clock, Style::new(), Give::Drop(7)),
        part(
            safe_line(&app.operator.name),
            Style::new(),
            Give::Cut(3, 8, Some(8)),
        ),
        part(lang.code().to_uppercase(), Style::new(), Give::Drop(2)),
        part(save, save_style, Give::Cut(9, 10, None)),
    ];
    parts.extend(link_part(app).map(|(text, style, give)| part(text, style, give)));
    parts.extend(hints.iter().map(|&(msg, give)| Part {
        text: t(lang, msg).to_string(),
        style: theme::key(),
        give,
        hint: true,
    }));
    parts
}

/// The link to the other desks, when sync is on: connected and all sent gives way early;
/// cut off, or with events unsent, stays nearly to the last.
fn link_part(app: &App) -> Option<(String, Style, Give)> {
    let link = &app.link;
    if !link.on {
        return None;
    }
    let lang = app.lang();
    let (state, style) = match (link.cut_off_since, link.ever_connected) {
        (Some(since), _) => {
            let time = app.operator.zone.format(since, "%H:%M");
            (
                fill(lang, Msg::LinkCutOff, &[("time", &time)]),
                theme::warning(),
            )
        }
        (None, true) => (t(lang, Msg::LinkOn).to_string(), theme::info()),
        (None, false) => (t(lang, Msg::LinkStarting).to_string(), theme::dim()),
    };
    let unsent = app.unsent_elsewhere();
    if unsent == 0 {
        let give = if link.cut_off_since.is_some() {
            Give::Cut(8, 12, None)
        } else {
            Give::Drop(3)
        };
        return Some((state, style, give));
    }
    let unsent = fill(lang, Msg::LinkUnsent, &[("n", &unsent.to_string())]);
    Some((format!("{state} · {unsent}"), style, Give::Cut(8, 12, None)))
}

/// The parts that are left, as one line: ` 14:30 │ yamada │ JA │ saved │ ?:help … q:quit`.
fn line_of(parts: &[Part]) -> Line<'static> {
    let mut spans = Vec::new();
    let mut after_hint = false;
    for (i, p) in parts.iter().enumerate() {
        if i == 0 || (p.hint && after_hint) {
            spans.push(Span::raw(" "));
        } else {
            spans.push(Span::styled(" │ ", theme::dim()));
        }
        spans.push(Span::styled(p.text.clone(), p.style));
        after_hint = p.hint;
    }
    Line::from(spans)
}

fn width_of(parts: &[Part]) -> usize {
    line_of(parts).width()
}

/// The parts given way, rank by rank, until the line fits in `width`.
fn fitted(mut parts: Vec<Part>, width: usize) -> Line<'static> {
    for rank in 1..=9 {
        let over = width_of(&parts).saturating_sub(width);
        if over == 0 {
            break;
        }
        let mut over = over;
        parts.retain_mut(|p| match p.give {
            Give::Drop(r) if r == rank => false,
            Give::Cut(_, _, Some(r)) if r == rank => false,
            Give::Cut(r, least, _) if r == rank && over > 0 => {
                let now = columns(&p.text);
                let to = now.saturating_sub(over).max(least).min(now);
                if to < now {
                    p.text = cut(&p.text, to).into_owned();
                    over = over.saturating_sub(now - columns(&p.text));
                }
                true
            }
            _ => true,
        });
    }
    if width_of(&parts) <= width {
        return line_of(&parts);
    }
    // Narrower than the keys that stay: those alone (if any), cut.
    if parts.iter().any(|p| p.hint && p.give == Give::Stay) {
        parts.retain(|p| p.hint && p.give == Give::Stay);
    }
    cut_line(line_of(&parts), width, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(text: &str, give: Give, hint: bool) -> Part {
        Part {
            text: text.into(),
            style: Style::new(),
            give,
            hint,
        }
    }

    fn text(line: &Line) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    fn sample(operator: &str) -> Vec<Part> {
        vec![
            part("14:30", Give::Drop(7), false),
            part(operator, Give::Cut(3, 8, Some(8)), false),
            part("JA", Give::Drop(2), false),
            part("保存済み", Give::Cut(9, 10, None), false),
            part("?:ヘルプ", Give::Stay, true),
            part("n:新規", Give::Drop(6), true),
            part("Space:チェック", Give::Drop(5), true),
            part("a:メモ", Give::Drop(1), true),
            part("c:クローズ", Give::Drop(4), true),
            part("q:終了", Give::Stay, true),
        ]
    }

    #[test]
    fn the_least_needed_gives_way_first() {
        let all = text(&fitted(sample("yamada"), 200));
        assert_eq!(
            all,
            " 14:30 │ yamada │ JA │ 保存済み │ ?:ヘルプ n:新規 Space:チェック a:メモ c:クローズ q:終了"
        );
        let at80 = text(&fitted(sample("yamada"), 80));
        assert_eq!(
            at80,
            " 14:30 │ yamada │ 保存済み │ ?:ヘルプ n:新規 Space:チェック c:クローズ q:終了"
        );
        let long = text(&fitted(sample("山田 太郎(夜勤リーダー・第二シフト)"), 80));
        assert!(long.contains("山田") && long.contains('…'), "{long}");
        assert!(
            long.ends_with("?:ヘルプ n:新規 Space:チェック c:クローズ q:終了"),
            "{long}"
        );
        assert!(columns(&long) <= 80, "{long}");
    }

    #[test]
    fn a_long_save_failure_is_cut_last_and_still_says_not_saved() {
        let mut parts = sample("yamada");
        parts[3].text =
            "NOT SAVED: Permission denied (os error 13) writing /srv/shiftdesk/incidents.json"
                .into();
        let shown = text(&fitted(parts, 80));
        assert!(shown.starts_with(" NOT SAVED: Permission"), "{shown}");
        assert!(
            shown.contains('…') && shown.ends_with("?:ヘルプ q:終了"),
            "{shown}"
        );
        assert!(columns(&shown) <= 80, "{shown}");
    }

    #[test]
    fn quit_and_help_stay_to_the_last() {
        for width in 0..80 {
            let line = fitted(sample("山田 太郎(夜勤リーダー)"), width);
            let shown = text(&line);
            assert!(line.width() <= width, "{width}: {shown}");
            if width >= 16 {
                assert!(
                    shown.contains("q:終了") && shown.contains("?:ヘルプ"),
                    "{width}: {shown}"
                );
            }
        }
    }
}
