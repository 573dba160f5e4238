//! The report text: what an operator reads out or pastes when reporting an incident, built
//! from its record in the operator's language. Text from people is made safe.

use crate::checklist::next_open_step;
use crate::clock::{Zone, short_age};
use crate::escalation::{next_update_due, route_progress};
use crate::i18n::{self, Lang, Msg, fill, t};
use crate::incident::Incident;
use crate::playbook::Phase;
use crate::roster::Roster;
use crate::text::{safe_block, safe_line};
use chrono::{DateTime, Utc};

/// Who is reporting, and the number to call them back on.
pub struct Reporter<'a> {
    pub name: &'a str,
    pub callback: Option<&'a str>,
}

/// What was done and noted in a phase, one line each: checked steps, then notes.
fn phase_lines(incident: &Incident, phase: Phase, lang: Lang) -> Vec<String> {
    let mut lines = Vec::new();
    for step in incident.checklist.iter().filter(|s| s.phase == phase) {
        if step.done.is_some() {
            lines.push(format!("- {}", safe_line(step.text.get(lang))));
        }
        for note in &step.notes {
            lines.push(format!("  - {}", safe_line(&note.text)));
        }
    }
    lines
}

pub fn report_text(
    incident: &Incident,
    roster: &Roster,
    reporter: &Reporter<'_>,
    lang: Lang,
    zone: &Zone,
    now: DateTime<Utc>,
) -> String {
    let mut out = Vec::new();
    let drill = if incident.drill {
        format!("[{}] ", t(lang, Msg::Drill))
    } else {
        String::new()
    };
    out.push(format!(
        "{}{} {} {}",
        drill,
        t(lang, Msg::ReportHeading),
        incident.id,
        safe_line(&incident.title)
    ));
    out.push(format!(
        "{}: {} / {}: {}",
        t(lang, Msg::ColSev),
        i18n::severity(lang, incident.severity),
        t(lang, Msg::ColCategory),
        i18n::category(lang, incident.category)
    ));
    out.push(format!(
        "{}: {} ({})",
        t(lang, Msg::WordDetected),
        zone.date_time(incident.detected_at),
        fill(
            lang,
            Msg::Ago,
            &[("age", &short_age(lang, incident.age(now)))],
        )
    ));
    out.push(String::new());
    out.push(format!("{}:", t(lang, Msg::ReportWhat)));
    let what = if incident.description.trim().is_empty() {
        safe_line(&incident.title)
    } else {
        safe_block(&incident.description)
    };
    out.extend(what.lines().map(str::to_string));

    for (phase, heading, none) in [
        (Phase::AssessScope, Msg::ReportScope, Msg::ReportScopeNone),
        (
            Phase::InterimFix,
            Msg::ReportInterim,
            Msg::ReportInterimNone,
        ),
    ] {
        out.push(String::new());
        out.push(format!("{}:", t(lang, heading)));
        let lines = phase_lines(incident, phase, lang);
        if lines.is_empty() {
            out.push(format!("- {}", t(lang, none)));
        } else {
            out.extend(lines);
        }
    }

    out.push(String::new());
    // What is next for the people reading it: the next step of the flow (the calls are
    // the reporter's business).
    let progress = route_progress(incident, roster, now);
    if let Some(step) = next_open_step(&incident.checklist) {
        let text = safe_line(incident.checklist[step].text.get(lang));
        out.push(fill(lang, Msg::NextStep, &[("step", &text)]));
    }
    if let Some(due) = next_update_due(incident, &progress, roster) {
        out.push(fill(
            lang,
            Msg::ReportNextUpdate,
            &[("due", &zone.clock(due, now))],
        ));
    }
    let callback = reporter
        .callback
        .map(safe_line)
        .unwrap_or_else(|| t(lang, Msg::ReportNoCallback).to_string());
    out.push(fill(
        lang,
        Msg::ReportBy,
        &[("name", &safe_line(reporter.name)), ("callback", &callback)],
    ));
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::{Stamp, StepNote};
    use crate::test_fixtures::{incident_at, t as at};

    #[test]
    fn the_report_carries_what_when_scope_fix_next_and_callback() {
        let mut inc = incident_at("05:00");
        inc.title = "VPN down\u{1b}[2J".into();
        inc.description = "Site A cannot connect.\u{202e}".into();
        let assess = inc
            .checklist
            .iter_mut()
            .find(|s| s.phase == Phase::AssessScope)
            .unwrap();
        assess.done = Some(Stamp {
            at: at("05:10"),
            by: "op".into(),
        });
        assess.notes.push(StepNote {
            at: at("05:11"),
            by: "op".into(),
            text: "3 sites, 120 users".into(),
        });
        let zone = Zone::Named(chrono_tz::Asia::Tokyo);
        let reporter = Reporter {
            name: "yamada",
            callback: Some("090-0000-9999"),
        };
        let text = report_text(
            &inc,
            &Roster::default(),
            &reporter,
            Lang::En,
            &zone,
            at("05:20"),
        );
        assert!(text.contains("INC-0001 VPN down"), "{text}");
        assert!(
            text.contains("Detected: 2026-11-29 14:00 (20m ago)"),
            "{text}"
        );
        assert!(text.contains("Site A cannot connect."), "{text}");
        assert!(text.contains("  - 3 sites, 120 users"), "{text}");
        assert!(text.contains("none yet"), "interim fix not started: {text}");
        assert!(
            text.contains("yamada") && text.contains("090-0000-9999"),
            "{text}"
        );
        assert!(!text.chars().any(|c| crate::text::is_unsafe(c) && c != '\n'));
        let ja = report_text(
            &inc,
            &Roster::default(),
            &reporter,
            Lang::Ja,
            &zone,
            at("05:20"),
        );
        assert!(ja.contains("検知: 2026-11-29 14:00"), "{ja}");
    }
}
