//! Whole screens, rendered with a frozen clock and a fixture desk, in both languages and at
//! the smallest and a common size.

mod common;

use common::{app_with, render, shift_desk};
use shiftdesk::app::Action;
use shiftdesk_core::i18n::Lang;

fn screen(lang: Lang, size: (u16, u16)) -> String {
    render(&app_with(shift_desk(), lang, size))
}

#[test]
fn desk_80x24_en() {
    insta::assert_snapshot!(screen(Lang::En, (80, 24)));
}

#[test]
fn desk_80x24_ja() {
    insta::assert_snapshot!(screen(Lang::Ja, (80, 24)));
}

#[test]
fn desk_120x40_en() {
    insta::assert_snapshot!(screen(Lang::En, (120, 40)));
}

#[test]
fn desk_120x40_ja() {
    insta::assert_snapshot!(screen(Lang::Ja, (120, 40)));
}

#[test]
fn overdue_incident_is_first_and_says_so() {
    let text = screen(Lang::En, (120, 40));
    let rows: Vec<&str> = text.lines().filter(|l| l.contains("INC-")).collect();
    assert!(rows[0].contains("Misdirected email"), "{text}");
    assert!(rows[0].contains("OVERDUE +"), "{text}");
    let ja = screen(Lang::Ja, (120, 40));
    assert!(ja.contains("期限超過"), "{ja}");
}

#[test]
fn under_80x24_a_compact_desk_shows_what_cannot_wait() {
    for size in [(79, 24), (80, 23), (60, 20), (40, 12), (20, 5)] {
        let text = screen(Lang::En, size);
        let rows: Vec<&str> = text.lines().collect();
        assert!(
            rows.iter().all(|r| !r.contains('┌')),
            "{size:?}: no panes\n{text}"
        );
        let first = rows.iter().find(|r| r.contains("INC-")).unwrap();
        assert!(
            first.contains("INC-0003") && first.contains("OVERDUE"),
            "{size:?}: the overdue one first\n{text}"
        );
        assert!(rows[rows.len() - 1].contains("q:quit"), "{size:?}\n{text}");
        if size.1 >= 12 {
            assert!(text.contains("▶ Next:"), "{size:?}\n{text}");
            let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(flat.contains("needs 80x24"), "{size:?}: {text}");
        }
    }
    // Down to nothing at all, without a panic.
    for size in [(1, 1), (5, 1), (1, 5), (0, 0)] {
        let _ = screen(Lang::Ja, size);
    }
}

#[test]
fn compact_60x20_ja() {
    let text = screen(Lang::Ja, (60, 20));
    assert!(text.contains("期限超過 +3分"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn compact_60x20_en() {
    insta::assert_snapshot!(screen(Lang::En, (60, 20)));
}

#[test]
fn compact_overdue_is_red_and_in_words() {
    use ratatui::style::Color;
    let app = app_with(shift_desk(), Lang::En, (60, 20));
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(60, 20)).unwrap();
    terminal.draw(|f| shiftdesk::ui::draw(f, &app)).unwrap();
    let buffer = terminal.backend().buffer();
    let row = |y: u16| (0..60).map(|x| buffer[(x, y)].symbol()).collect::<String>();
    let y = (0..20).find(|&y| row(y).contains("INC-0003")).unwrap();
    let x = row(y).find("OVERDUE").unwrap() as u16;
    assert_eq!(buffer[(x, y)].fg, Color::Red, "{}", row(y));
    let other = (0..20).find(|&y| row(y).contains("INC-0002")).unwrap();
    assert!(
        (0..60).all(|x| buffer[(x, other)].fg != Color::Red),
        "{}",
        row(other)
    );
}

#[test]
fn closed_list_80x24_ja() {
    let mut app = app_with(shift_desk(), Lang::Ja, (80, 24));
    app.update(Action::ToggleClosed);
    let text = render(&app);
    assert!(text.contains("Printer jam on 3F"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn closed_list_120x40_en() {
    let mut app = app_with(shift_desk(), Lang::En, (120, 40));
    app.update(Action::ToggleClosed);
    insta::assert_snapshot!(render(&app));
}

#[test]
fn new_incident_form_80x24() {
    let mut app = app_with(shift_desk(), Lang::En, (80, 24));
    app.update(Action::NewIncident);
    app.update(Action::Paste("Core switch down".into()));
    insta::assert_snapshot!(render(&app));
}

#[test]
fn help_lists_every_key_ja() {
    let mut app = app_with(shift_desk(), Lang::Ja, (80, 24));
    app.update(Action::ShowHelp);
    insta::assert_snapshot!(render(&app));
}

#[test]
fn checklist_focus_shows_the_step_in_full_with_its_stamp() {
    let mut app = app_with(shift_desk(), Lang::En, (120, 40));
    // Select the lost ID card (the last row) and move to its checklist.
    app.update(Action::MoveLast);
    app.update(Action::FocusNext);
    app.update(Action::MoveFirst);
    let text = render(&app);
    assert!(text.contains("✓ 2026-11-29 13:05 yamada"), "{text}");
    insta::assert_snapshot!(text);
}

/// The route desk, with the incident of this title selected (else the first).
fn route_screen(lang: Lang, size: (u16, u16), select: Option<&str>) -> String {
    let mut app = app_with(common::route_desk(), lang, size);
    if let Some(title) = select {
        while app.selected().is_some_and(|i| i.title != title) {
            app.update(Action::MoveDown);
        }
    }
    render(&app)
}

#[test]
fn overdue_report_and_update_rise_to_the_top_120x40_en() {
    let text = route_screen(Lang::En, (120, 40), None);
    let rows: Vec<&str> = text.lines().filter(|l| l.contains("INC-")).collect();
    assert!(
        rows[0].contains("Payment API") && rows[0].contains("OVERDUE +10m"),
        "{text}"
    );
    // Gone up to level 2, its report due at 14:32: the first report is late all the same.
    assert!(
        rows[1].contains("Core switch down") && rows[1].contains("OVERDUE +2m"),
        "{text}"
    );
    assert!(
        rows[2].contains("誤送信") && rows[2].contains("OVERDUE +5m"),
        "{text}"
    );
    assert!(text.contains("give a status update"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn overdue_report_and_update_rise_to_the_top_120x40_ja() {
    let text = route_screen(Lang::Ja, (120, 40), None);
    assert!(
        text.contains("期限超過 +10分") && text.contains("経過報告"),
        "{text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn escalated_route_names_the_next_level_80x24_en() {
    let text = route_screen(Lang::En, (80, 24), Some("Core switch down"));
    assert!(text.contains("Next: call 高橋 誠"), "{text}");
    assert!(text.contains("no answer · went up"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn escalated_route_names_the_next_level_80x24_ja() {
    let text = route_screen(Lang::Ja, (80, 24), Some("Core switch down"));
    assert!(
        text.contains("高橋 誠") && text.contains("不通・14:22 上位へ"),
        "{text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn report_overlay_shows_the_text_and_what_copy_did() {
    let mut app = app_with(common::route_desk(), Lang::En, (80, 24));
    app.update(Action::ShowReport);
    app.update(Action::Copy);
    assert_eq!(app.effects.len(), 1, "one copy asked of the terminal");
    let text = render(&app);
    assert!(
        text.contains("[Incident report] INC-0003 Payment API errors"),
        "{text}"
    );
    assert!(text.contains("cannot confirm"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn contact_search_ranks_and_highlights_80x24_ja() {
    let mut app = app_with(shift_desk(), Lang::Ja, (80, 24));
    app.update(Action::OpenSearch);
    app.update(Action::Paste("ｻﾄｳ".into()));
    let text = render(&app);
    let first = text
        .lines()
        .find(|l| l.contains("090-") || l.contains("080-"))
        .unwrap();
    assert!(first.contains("佐藤 花子"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn matched_characters_are_highlighted() {
    use ratatui::style::Modifier;
    let mut app = app_with(shift_desk(), Lang::En, (80, 24));
    app.update(Action::OpenSearch);
    app.update(Action::Paste("0000-4101".into()));
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| shiftdesk::ui::draw(f, &app)).unwrap();
    let buffer = terminal.backend().buffer();
    // The row of Emily Brown: the digits 0000 and 4101 of her number are marked.
    let y = (0..24)
        .find(|&y| {
            (0..80)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                .contains("Emily")
        })
        .unwrap();
    let marked: String = (0..80)
        .filter(|&x| buffer[(x, y)].modifier.contains(Modifier::UNDERLINED))
        .map(|x| buffer[(x, y)].symbol())
        .collect();
    assert_eq!(marked, "00004101");
}

#[test]
fn contact_card_shows_numbers_routes_and_what_was_copied_80x24_en() {
    let mut app = app_with(shift_desk(), Lang::En, (80, 24));
    app.update(Action::OpenSearch);
    app.update(Action::Paste("emily".into()));
    app.update(Action::Submit);
    app.update(Action::Copy);
    assert_eq!(
        app.effects,
        vec![shiftdesk::app::effects::Effect::Copy(
            "080-0000-4101".into()
        )]
    );
    let text = render(&app);
    assert!(text.contains("outage-high L1"), "{text}");
    assert!(text.contains("Copied Phone 080-0000-4101"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn contact_card_names_phones_in_words_80x24_ja() {
    let mut app = app_with(shift_desk(), Lang::Ja, (80, 24));
    app.update(Action::OpenSearch);
    app.update(Action::Paste("sato hanako".into()));
    app.update(Action::Submit);
    let text = render(&app);
    assert!(text.contains("携帯") && text.contains("会社"), "{text}");
    insta::assert_snapshot!(text);
}
