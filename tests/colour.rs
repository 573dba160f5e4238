//! The desk on the terminal it lives in: NO_COLOR (any non-empty value) takes every colour
//! away, and overdue is still a word and a mark; the high-contrast theme has no dim greys.

mod common;

use chrono::{Duration, Utc};
use common::pty::Desk;
use common::{app_with, route_desk};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use shiftdesk::app::look::{Look, Theme};
use shiftdesk_core::i18n::Lang;
use std::path::Path;
use std::process::Command;

/// An overdue critical incident (detected three hours ago, nobody reported to).
fn overdue_incident(dir: &Path) {
    let detected = (Utc::now() - Duration::hours(3))
        .format("%Y-%m-%d %H:%M")
        .to_string();
    let out = Command::new(env!("CARGO_BIN_EXE_shiftdesk"))
        .arg("--data-dir")
        .arg(dir)
        .args(["new", "--title", "VPN down", "--severity", "1"])
        .args([
            "--category",
            "operational.system_outage",
            "--detected",
            &detected,
        ])
        .env("SHIFTDESK_TZ", "UTC")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
}

/// The SGR parameters that set a colour, found in the bytes written: 30–38 and 40–48 (the
/// eight colours, 256 and true colour), 90–97 and 100–107 (the bright ones). 39 and 49 put
/// the terminal's own colours back and are not a colour.
fn colour_codes(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    let mut found = Vec::new();
    let mut rest = &*text;
    while let Some(at) = rest.find("\u{1b}[") {
        rest = &rest[at + 2..];
        let end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == ';' || c == ':'))
            .unwrap_or(rest.len());
        let (params, after) = rest.split_at(end);
        if after.starts_with('m') {
            let colour = params.split([';', ':']).any(|p| {
                matches!(
                    p.parse::<u16>(),
                    Ok(30..=38 | 40..=48 | 90..=97 | 100..=107)
                )
            });
            if colour {
                found.push(format!("ESC[{params}m"));
            }
        }
    }
    found
}

fn run_desk(lang: &str, env: &[(&str, &str)], cols: u16, rows: u16, overdue: &str) -> Vec<u8> {
    let tmp = tempfile::tempdir().unwrap();
    overdue_incident(tmp.path());
    let mut desk = Desk::start_with_env(tmp.path(), &["--lang", lang], env, cols, rows);
    // The overdue row says so in words, on the row of its id.
    let row_says = |d: &Desk| {
        d.screen()
            .lines()
            .any(|l| l.contains("│▶INC-0001") && l.contains(overdue))
    };
    desk.wait_until("the overdue row", row_says);
    // The help screen and back: an overlay's bytes too.
    // A line of the help screen, in the desk's language.
    let help = if lang == "ja" {
        "ペインを切り替え"
    } else {
        "switch pane"
    };
    desk.send("?");
    desk.wait_for(help);
    desk.send("\u{1b}");
    desk.wait_until("help closed", |d| !d.screen().contains(help) && row_says(d));
    assert!(row_says(&desk), "{}", desk.screen());
    desk.send("q");
    desk.wait_exit();
    desk.output.lock().unwrap().clone()
}

// crossterm 0.29 itself leaves out colour codes under NO_COLOR; the desk restyles the frame
// as well (no colour in its cells at all), so this holds whatever the backend does.
#[test]
fn with_no_color_the_desk_writes_no_colour_and_overdue_still_shows() {
    let bytes = run_desk("en", &[("NO_COLOR", "1")], 80, 24, "OVERDUE");
    let found = colour_codes(&bytes);
    assert!(found.is_empty(), "colour codes written: {found:?}");
    let bytes = run_desk("ja", &[("NO_COLOR", "yes")], 120, 40, "期限超過");
    let found = colour_codes(&bytes);
    assert!(found.is_empty(), "colour codes written: {found:?}");
}

#[test]
fn with_colour_the_same_desk_writes_colour_codes() {
    // The check above finds what it looks for.
    let bytes = run_desk("en", &[("NO_COLOR", "")], 80, 24, "OVERDUE");
    assert!(!colour_codes(&bytes).is_empty());
}

fn drawn(look: Look, lang: Lang) -> Buffer {
    let mut app = app_with(route_desk(), lang, (120, 40));
    app.look = look;
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| shiftdesk::ui::draw(f, &app)).unwrap();
    terminal.backend().buffer().clone()
}

/// The cells of the first row that shows `word`, from where it starts.
fn cells_of(buf: &Buffer, word: &str) -> Vec<ratatui::buffer::Cell> {
    for y in 0..buf.area.height {
        // One cell a character: the cell after a wide one is left out.
        let mut row = Vec::new();
        let mut x = 0;
        while x < buf.area.width {
            let cell = buf[(x, y)].clone();
            x += unicode_width::UnicodeWidthStr::width(cell.symbol()).max(1) as u16;
            row.push(cell);
        }
        let text: String = row.iter().map(|c| c.symbol()).collect();
        if let Some(at) = text.find(word) {
            let col = text[..at].chars().count();
            return row[col..col + word.chars().count()].to_vec();
        }
    }
    panic!("{word} is not on the screen");
}

#[test]
fn without_colour_an_overdue_row_is_a_word_in_bold() {
    for (lang, word) in [(Lang::En, "OVERDUE"), (Lang::Ja, "期限超過")] {
        let look = Look {
            colour: false,
            theme: Theme::Normal,
        };
        let buf = drawn(look, lang);
        assert!(
            buf.content
                .iter()
                .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
        );
        let cells = cells_of(&buf, word);
        assert!(
            cells.iter().all(|c| c.modifier.contains(Modifier::BOLD)),
            "{word}"
        );
    }
}

#[test]
fn high_contrast_has_no_dim_greys_and_keeps_overdue_red_and_bold() {
    let normal = drawn(Look::default(), Lang::En);
    assert!(normal.content.iter().any(|c| c.fg == Color::DarkGray));
    let look = Look {
        colour: true,
        theme: Theme::HighContrast,
    };
    let buf = drawn(look, Lang::En);
    assert!(
        buf.content
            .iter()
            .all(|c| c.fg != Color::DarkGray && !c.modifier.contains(Modifier::DIM))
    );
    let cells = cells_of(&buf, "OVERDUE");
    assert!(
        cells
            .iter()
            .all(|c| c.fg == Color::Red && c.modifier.contains(Modifier::BOLD))
    );
}

#[test]
fn with_no_color_the_command_line_writes_no_escape() {
    let tmp = tempfile::tempdir().unwrap();
    overdue_incident(tmp.path());
    for args in [
        &["list"][..],
        &["show", "1"],
        &["status", "--format", "tmux"],
        &["--theme", "high-contrast", "status"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_shiftdesk"))
            .arg("--data-dir")
            .arg(tmp.path())
            .args(["--lang", "en"])
            .args(args)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {out:?}");
        assert!(!out.stdout.contains(&0x1b), "{args:?}");
        assert!(!out.stderr.contains(&0x1b), "{args:?}");
    }
}

#[test]
fn with_no_color_a_red_bar_stays_a_bar_in_reverse_video() {
    // An unreadable incidents file: the desk opens READ-ONLY, a white-on-red bar in colour.
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("incidents.json"), "{ \"schema_version\": ").unwrap();
    let mut desk =
        Desk::start_with_env(tmp.path(), &["--lang", "en"], &[("NO_COLOR", "1")], 80, 24);
    desk.wait_for("READ-ONLY │");
    // The bytes so far, read again by a terminal emulator of our own.
    let bytes = desk.output.lock().unwrap().clone();
    desk.send("q");
    desk.wait_exit();
    assert!(colour_codes(&bytes).is_empty());
    let size = |n| std::num::NonZeroU16::new(n).unwrap();
    let mut parser = vt100::Parser::new(size(24), size(80), 0);
    parser.process(&bytes);
    let screen = parser.screen();
    let (row, col) = (0..24u16)
        .find_map(|r| {
            let text: String = screen.contents_between(r, 0, r, 80);
            let at = text.find("READ-ONLY │")?;
            let before = unicode_width::UnicodeWidthStr::width(&text[..at]);
            Some((r, before as u16))
        })
        .unwrap_or_else(|| panic!("READ-ONLY not on the screen:\n{}", screen.contents()));
    let cell = screen.cell(row, col).unwrap();
    assert!(cell.inverse() && cell.bold(), "READ-ONLY is not marked");
}
