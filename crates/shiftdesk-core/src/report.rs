//! The report text: what an operator reads out or pastes when reporting an incident, built
//! from its record in the operator's language. Text from people is made safe.

use crate::clock::{Zone, short_age};
use crate::escalation::{next_update_due, route_progress};
use crate::i18n::{self, Lang, Msg, fill, t};
use crate::incident::Incident;
use crate::playbook::Phase;
use crate::roster::Roster;
use crate::text::{safe_block, safe_line};
use chrono::{DateTime, Duration, Utc};

/// Who is reporting, and the number to call them back on.
pub struct Reporter<'a> {
    pub name: &'a str,
    pub callback: Option<&'a str>,
}

/// What the record says of a phase, one line each: the scope as recorded (`S`) or each
/// interim action with its effect (`i`), then the checked steps, then their notes.
fn phase_lines(
    incident: &Incident,
    phase: Phase,
    roster: &Roster,
    lang: Lang,
    zone: &Zone,
    now: DateTime<Utc>,
) -> Vec<String> {
    let mut lines = Vec::new();
    match phase {
        Phase::AssessScope => {
            if let Some(scope) = incident.scope.as_ref().filter(|s| !s.is_empty()) {
                let count = scope.estimated_count.map(|n| n.to_string());
                let since = scope.since.map(|at| zone.clock(at, now));
                for (label, value) in [
                    (Msg::DocServices, Some(scope.services.as_str())),
                    (Msg::DocAffected, Some(scope.affected.as_str())),
                    (Msg::DocEstimatedCount, count.as_deref()),
                    (Msg::DocImpactSince, since.as_deref()),
                ] {
                    if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
                        lines.push(format!("- {}: {}", t(lang, label), safe_line(value)));
                    }
                }
                if !scope.notes.trim().is_empty() {
                    lines.push(format!("- {}", safe_line(&scope.notes)));
                }
            }
            let reading = crate::share::duties::Reading {
                roster,
                lang,
                zone,
                now,
            };
            lines.extend(crate::share::duties::report_lines(incident, &reading));
        }
        Phase::InterimFix => {
            for action in &incident.interim_actions {
                lines.push(format!(
                    "- {} {} — {}",
                    zone.clock(action.at, now),
                    safe_line(&action.action),
                    i18n::effect(lang, action.effect)
                ));
            }
        }
        _ => {}
    }
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

/// What comes next, as the person the report is given to reads it: where the work stands
/// and what the reporter's side does next (not a checklist step's instruction to the
/// operator), then when the next update comes, as a clock time. The next update is the one
/// due when it has not passed; else, the report being given now, one cadence from now.
fn next_for_reader(
    incident: &Incident,
    roster: &Roster,
    lang: Lang,
    zone: &Zone,
    now: DateTime<Utc>,
) -> Vec<String> {
    if !incident.is_open() {
        let when = incident
            .closed_at
            .map(|c| zone.date_time(c))
            .unwrap_or_default();
        return vec![fill(lang, Msg::ReportNextClosed, &[("when", &when)])];
    }
    let next = match (incident.current_phase(), incident.mitigated_at()) {
        (Some(Phase::Report), _) => t(lang, Msg::ReportNextAssess).to_string(),
        (Some(Phase::AssessScope), _) => t(lang, Msg::ReportNextAssessing).to_string(),
        (Some(Phase::InterimFix), None) => t(lang, Msg::ReportNextFixing).to_string(),
        (Some(Phase::InterimFix), Some(since)) => fill(
            lang,
            Msg::ReportNextContained,
            &[("when", &zone.clock(since, now))],
        ),
        (Some(Phase::Review), _) => t(lang, Msg::ReportNextReview).to_string(),
        (None, _) => t(lang, Msg::ReportNextClosing).to_string(),
    };
    let progress = route_progress(incident, roster, now);
    let cadence = Duration::minutes(i64::from(roster.update_cadence(incident.severity)));
    let update = next_update_due(incident, &progress, roster)
        .filter(|due| *due >= now)
        .unwrap_or(now + cadence);
    let update = fill(
        lang,
        Msg::ReportNextUpdate,
        &[("due", &zone.clock(update, now))],
    );
    vec![next, update]
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
        incident.category_words(lang)
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
        let lines = phase_lines(incident, phase, roster, lang, zone, now);
        if lines.is_empty() {
            out.push(format!("- {}", t(lang, none)));
        } else {
            out.extend(lines);
        }
    }

    out.push(String::new());
    out.extend(next_for_reader(incident, roster, lang, zone, now));
    let by = match reporter.callback {
        Some(callback) => fill(
            lang,
            Msg::ReportBy,
            &[
                ("name", &safe_line(reporter.name)),
                ("callback", &safe_line(callback)),
            ],
        ),
        // Without a number the line names the reporter only; the desk and the command line
        // tell the operator how to give one (the reader has no use for that).
        None => fill(
            lang,
            Msg::ReportByName,
            &[("name", &safe_line(reporter.name))],
        ),
    };
    out.push(by);
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::{Stamp, StepNote};
    use crate::test_fixtures::{incident_at, t as at};
    use serde_json::Map;

    #[test]
    fn the_report_carries_the_scope_and_the_interim_actions_as_recorded() {
        use crate::record::{Effect, InterimAction, Scope};
        let mut inc = incident_at("05:00");
        inc.scope = Some(Scope {
            services: "Mail".into(),
            affected: "Plan B customers".into(),
            estimated_count: Some(120),
            ..Scope::default()
        });
        inc.interim_actions.push(InterimAction {
            at: at("05:15"),
            by: "op".into(),
            action: "Asked the recipient to delete it".into(),
            effect: Effect::Worked,
            extra: Map::new(),
        });
        let zone = Zone::Named(chrono_tz::Asia::Tokyo);
        let reporter = Reporter {
            name: "yamada",
            callback: None,
        };
        let text = report_text(
            &inc,
            &Roster::default(),
            &reporter,
            Lang::En,
            &zone,
            at("05:20"),
        );
        for expected in [
            "- Services: Mail",
            "- Affected: Plan B customers",
            "- Estimated count: 120",
            "- 14:15 Asked the recipient to delete it — worked",
        ] {
            assert!(text.contains(expected), "{expected:?} in\n{text}");
        }
        assert!(!text.contains("none yet"), "{text}");
    }

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

    fn report(inc: &Incident, callback: Option<&str>, lang: Lang, now: &str) -> String {
        let reporter = Reporter {
            name: "yamada",
            callback,
        };
        let zone = Zone::Named(chrono_tz::Asia::Tokyo);
        report_text(inc, &Roster::default(), &reporter, lang, &zone, at(now))
    }

    /// The lines about what comes next.
    fn next(inc: &Incident, lang: Lang, now: &str) -> String {
        let text = report(inc, Some("090-0000-9999"), lang, now);
        let next: Vec<&str> = text
            .lines()
            .filter(|l| l.starts_with("Next") || l.starts_with("今後") || l.starts_with("次回"))
            .collect();
        next.join("\n")
    }

    /// Checks every step of the phases before `phase`.
    fn up_to(inc: &mut Incident, phase: Phase) {
        for step in inc.checklist.iter_mut().filter(|s| s.phase < phase) {
            step.done = Some(Stamp {
                at: at("05:05"),
                by: "op".into(),
            });
        }
    }

    #[test]
    fn without_a_call_back_number_the_report_names_the_reporter_and_nothing_of_the_tool() {
        let inc = incident_at("05:00");
        let en = report(&inc, None, Lang::En, "05:20");
        assert_eq!(en.lines().last(), Some("Reported by yamada"), "{en}");
        for tool in ["--callback", "SHIFTDESK", "call back", "not set"] {
            assert!(!en.contains(tool), "{tool} in {en}");
        }
        let ja = report(&inc, None, Lang::Ja, "05:20");
        assert_eq!(ja.lines().last(), Some("報告者: yamada"), "{ja}");
        assert!(
            !ja.contains("折り返し") && !ja.contains("SHIFTDESK"),
            "{ja}"
        );
    }

    #[test]
    fn next_tells_the_reader_what_happens_next_and_when_the_next_update_comes() {
        use crate::record::{Effect, InterimAction};
        let mut inc = incident_at("05:00");
        // No checklist step's imperative: what the reporter's side does next, in words.
        let text = report(&inc, Some("090-0000-9999"), Lang::En, "05:20");
        for step in &inc.checklist {
            assert!(!text.contains(step.text.get(Lang::En)), "{text}");
        }
        // A severity-2 incident is updated every hour: the next update as a clock time.
        assert_eq!(
            next(&inc, Lang::En, "05:20"),
            "Next: we will assess the scope of impact\nNext update by 15:20"
        );
        assert_eq!(
            next(&inc, Lang::Ja, "05:20"),
            "今後の対応: 影響範囲を確認します\n次回の経過報告: 15:20 まで"
        );
        up_to(&mut inc, Phase::AssessScope);
        assert!(next(&inc, Lang::En, "05:20").starts_with("Next: we are assessing the scope"));
        up_to(&mut inc, Phase::InterimFix);
        assert!(
            next(&inc, Lang::En, "05:20").starts_with("Next: we are working on an interim fix")
        );
        inc.interim_actions.push(InterimAction {
            at: at("05:15"),
            by: "op".into(),
            action: "Failed over to the standby".into(),
            effect: Effect::Worked,
            extra: Map::new(),
        });
        assert!(
            next(&inc, Lang::En, "05:20").starts_with(
                "Next: the impact is contained since 14:15; we are completing the interim fix"
            ),
            "{}",
            next(&inc, Lang::En, "05:20")
        );
        up_to(&mut inc, Phase::Review);
        assert!(next(&inc, Lang::Ja, "05:20").starts_with("今後の対応: 暫定対処は完了しました"));
        for step in &mut inc.checklist {
            step.done.get_or_insert(Stamp {
                at: at("05:30"),
                by: "op".into(),
            });
        }
        assert!(next(&inc, Lang::En, "05:40").starts_with("Next: every step is done"));
        inc.status = crate::incident::Status::Closed;
        inc.closed_at = Some(at("05:45"));
        assert_eq!(
            next(&inc, Lang::En, "06:00"),
            "Next: nothing further; the incident was closed 2026-11-29 14:45"
        );
    }
}
