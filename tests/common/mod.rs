//! Fixtures shared by the integration tests: a frozen clock, a desk of sample incidents.
#![allow(dead_code)]

pub mod cli;
pub mod pty;

use chrono::{DateTime, Duration, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use shiftdesk::app::{App, Operator};
use shiftdesk_core::change::{Applied, Change, NewIncident, Reported};
use shiftdesk_core::clock::Zone;
use shiftdesk_core::desk::IncidentsFile;
use shiftdesk_core::i18n::Lang;
use shiftdesk_core::incident::AttemptOutcome;
use shiftdesk_core::roster::Roster;
use shiftdesk_core::test_fixtures::stamped;
use shiftdesk_core::{Category, IncidentId, Severity};
use shiftdesk_store::desk::Desk;
use shiftdesk_store::playbooks_file::bundled_playbooks;
use shiftdesk_store::roster_file::sample_roster;

/// 2026-11-29 14:30:00 in Tokyo.
pub fn now() -> DateTime<Utc> {
    "2026-11-29T05:30:00Z".parse().unwrap()
}

/// Minutes before `now()`.
pub fn ago(minutes: i64) -> DateTime<Utc> {
    now() - Duration::minutes(minutes)
}

pub fn tokyo() -> Zone {
    Zone::Named(chrono_tz::Asia::Tokyo)
}

pub fn operator(lang: Lang) -> Operator {
    Operator {
        name: "yamada".into(),
        lang,
        zone: tokyo(),
        callback: Some("03-0000-7777".into()),
    }
}

pub fn open(
    file: &mut IncidentsFile,
    roster: &Roster,
    title: &str,
    category: Category,
    severity: u8,
    detected_minutes_ago: i64,
    drill: bool,
) -> IncidentId {
    let when = (severity, detected_minutes_ago);
    open_kind(file, roster, title, (category, None), when, drill)
}

/// An incident of a category and kind (None: the category's default), of a severity,
/// detected minutes ago.
pub fn open_kind(
    file: &mut IncidentsFile,
    roster: &Roster,
    title: &str,
    (category, kind): (Category, Option<&str>),
    (severity, detected_minutes_ago): (u8, i64),
    drill: bool,
) -> IncidentId {
    let books = bundled_playbooks();
    let severity = Severity::new(severity).unwrap();
    let reported = Reported {
        title: title.into(),
        category,
        kind: kind.map(str::to_string),
        severity,
        detected_at: ago(detected_minutes_ago),
        description: String::new(),
    };
    let new = NewIncident::new(reported, books.for_category(category).unwrap(), roster);
    let change = Change::Open(Box::new(if drill { new.as_drill(None) } else { new }));
    match stamped(change, ago(detected_minutes_ago), "yamada")
        .apply(file)
        .unwrap()
    {
        Applied::Opened(id) => id,
        other => panic!("{other:?}"),
    }
}

pub fn check(file: &mut IncidentsFile, id: &IncidentId, step_index: usize, minutes_ago: i64) {
    let step = file.get(id).unwrap().checklist[step_index].id.clone();
    let change = Change::SetStep {
        incident: id.clone(),
        step,
        done: true,
    };
    stamped(change, ago(minutes_ago), "yamada")
        .apply(file)
        .unwrap();
}

pub fn attempt(
    file: &mut IncidentsFile,
    id: &IncidentId,
    contact: &str,
    level: usize,
    outcome: AttemptOutcome,
    minutes_ago: i64,
) {
    let change = Change::Attempt {
        incident: id.clone(),
        contact: contact.into(),
        level,
        outcome,
        contact_role: String::new(),
    };
    stamped(change, ago(minutes_ago), "yamada")
        .apply(file)
        .unwrap();
}

/// A desk in the middle of a shift: an outage with its report due in 2 minutes, a
/// misdirected email whose report is overdue, a lost ID card being assessed (each of its
/// kind), a drill, and one closed incident.
pub fn shift_desk() -> IncidentsFile {
    let roster = sample_roster();
    let mut file = IncidentsFile::default();
    let closed = open(
        &mut file,
        &roster,
        "Printer jam on 3F",
        Category::ToolDamage,
        4,
        300,
        false,
    );
    let n = file.get(&closed).unwrap().checklist.len();
    for i in 0..n {
        check(&mut file, &closed, i, 200);
    }
    stamped(Change::Close { incident: closed }, ago(190), "yamada")
        .apply(&mut file)
        .unwrap();

    open(
        &mut file,
        &roster,
        "VPN 障害: 拠点Aから接続不可",
        Category::SystemOutage,
        2,
        8,
        false,
    );
    let mail = open_kind(
        &mut file,
        &roster,
        "Misdirected email to a customer",
        (Category::Security, Some("misdirected_email")),
        (3, 18),
        false,
    );
    attempt(
        &mut file,
        &mail,
        "david-miller",
        0,
        AttemptOutcome::NoAnswer,
        12,
    );
    let card = open_kind(
        &mut file,
        &roster,
        "IDカード紛失(入館証)",
        (Category::Security, Some("lost_card")),
        (4, 90),
        false,
    );
    attempt(
        &mut file,
        &card,
        "sato-hanako",
        0,
        AttemptOutcome::Reached,
        85,
    );
    for i in 0..5 {
        check(&mut file, &card, i, 80);
    }
    open(
        &mut file,
        &roster,
        "ネットワーク切替訓練",
        Category::SystemOutage,
        2,
        3,
        true,
    );
    file
}

pub fn app_with(file: IncidentsFile, lang: Lang, size: (u16, u16)) -> App {
    let desk = Desk::new(None, file, sample_roster(), bundled_playbooks());
    App::new(desk, operator(lang), now(), size)
}

/// Text without whitespace or box lines: words wrapped over rows read as one.
pub fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !"│─┌┐└┘".contains(*c))
        .collect()
}

/// The screen as text, one line per row, trailing spaces trimmed.
pub fn render(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(app.ui.width, app.ui.height)).unwrap();
    terminal.draw(|f| shiftdesk::ui::draw(f, app)).unwrap();
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..buffer.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            line.push_str(symbol);
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// A desk where the route is at work: an outage whose first level did not answer (now on
/// level 2), a misdirected email whose report is overdue, and a critical incident whose
/// status update is overdue.
pub fn route_desk() -> IncidentsFile {
    let roster = sample_roster();
    let mut file = IncidentsFile::default();
    let outage = open(
        &mut file,
        &roster,
        "Core switch down",
        Category::SystemOutage,
        2,
        12,
        false,
    );
    for (contact, minutes) in [("ito-daisuke", 10), ("emily-brown", 9), ("sato-hanako", 8)] {
        attempt(
            &mut file,
            &outage,
            contact,
            0,
            AttemptOutcome::NoAnswer,
            minutes,
        );
    }
    open_kind(
        &mut file,
        &roster,
        "誤送信: 顧客リストを社外へ",
        (Category::Security, Some("misdirected_email")),
        (3, 20),
        false,
    );
    let critical = open(
        &mut file,
        &roster,
        "Payment API errors",
        Category::SystemOutage,
        1,
        50,
        false,
    );
    attempt(
        &mut file,
        &critical,
        "ito-daisuke",
        0,
        AttemptOutcome::Reached,
        40,
    );
    file
}

/// Whether an outside program a test needs is here. When it is not, the test says so
/// loudly and is skipped — unless SHIFTDESK_E2E_REQUIRED=1 (as CI sets), which fails it.
pub fn tool_available(name: &str) -> bool {
    let found = std::process::Command::new("sh")
        .args(["-c", &format!("command -v {name}")])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        if std::env::var("SHIFTDESK_E2E_REQUIRED").as_deref() == Ok("1") {
            panic!("`{name}` is needed by this test and SHIFTDESK_E2E_REQUIRED=1 is set");
        }
        eprintln!("!!! SKIPPED: `{name}` is not installed; this test needs it !!!");
    }
    found
}
