//! What a drill showed: time to the first report against its deadline, time to reach each
//! phase, escalations, steps left unchecked, readiness checks that failed — and how runs of
//! a scenario compare over time.

use crate::change::{NewIncident, Reported};
use crate::clock::Zone;
use crate::drill::{Answer, CheckAnswer, DrillRun, Scenario};
use crate::escalation::{LevelState, route_progress};
use crate::i18n::{self, Lang, Msg, fill, t};
use crate::incident::Incident;
use crate::playbook::{Phase, Playbooks};
use crate::roster::Roster;
use crate::share::duration_words;
use crate::share::markdown::{Doc, inline};
use crate::text::safe_line;
use chrono::{DateTime, Duration, Utc};

/// The incident a scenario opens, in the operator's language, with its drill run.
pub fn drill_incident(
    scenario: &Scenario,
    playbooks: &Playbooks,
    roster: &Roster,
    lang: Lang,
    now: DateTime<Utc>,
) -> Option<NewIncident> {
    let i = &scenario.incident;
    let reported = Reported {
        title: i.title.get(lang).to_string(),
        category: i.category,
        severity: i.severity,
        detected_at: now,
        description: i.description.get(lang).to_string(),
    };
    let book = playbooks.for_category(i.category)?;
    Some(NewIncident::new(reported, book, roster).as_drill(Some(DrillRun::new(scenario, now))))
}

#[derive(Debug, Clone, PartialEq)]
pub struct DrillResult {
    pub scenario: String,
    pub started: DateTime<Utc>,
    pub ended: Option<DateTime<Utc>>,
    pub fast_forward_minutes: i64,
    /// Time from detection to the first report, and the deadline it had.
    pub first_report: Option<Duration>,
    pub report_deadline: Option<Duration>,
    /// For each phase after the first: the time from detection until it was reached.
    pub phases: Vec<(Phase, Option<Duration>)>,
    /// Levels of the route the drill went up, by the clock or by hand.
    pub escalations: usize,
    pub unchecked_steps: Vec<String>,
    pub failed_checks: Vec<CheckAnswer>,
    pub unanswered_checks: Vec<CheckAnswer>,
}

impl DrillResult {
    pub fn met_deadline(&self) -> Option<bool> {
        Some(self.first_report? <= self.report_deadline?)
    }
}

/// The results of a drill incident; None for an incident that is not a drill.
pub fn drill_result(
    incident: &Incident,
    roster: &Roster,
    lang: Lang,
    now: DateTime<Utc>,
) -> Option<DrillResult> {
    let run = incident.drill_run.as_ref()?;
    let at = run.ended_at.unwrap_or(now);
    let times = incident.times();
    let report_deadline = incident
        .route
        .as_ref()
        .and_then(|r| r.levels.first())
        .map(|l| Duration::minutes(i64::from(l.report_within_minutes)));
    // A phase is reached when every step of the phases before it is checked.
    let phases = Phase::ALL[1..]
        .iter()
        .map(|&phase| {
            let before: Vec<_> = incident
                .checklist
                .iter()
                .filter(|s| s.phase < phase)
                .collect();
            let reached = before
                .iter()
                .map(|s| s.settled_at())
                .collect::<Option<Vec<_>>>()
                .and_then(|ts| ts.into_iter().max())
                .map(|t| t - incident.detected_at);
            (phase, reached)
        })
        .collect();
    let progress = route_progress(incident, roster, at);
    let escalations = progress
        .levels
        .iter()
        .filter(|l| l.state == LevelState::Passed)
        .count();
    let by = |a: Option<Answer>| {
        run.checks
            .iter()
            .filter(|c| c.answer == a || (a.is_none() && c.answer == Some(Answer::NotChecked)))
            .cloned()
            .collect::<Vec<_>>()
    };
    Some(DrillResult {
        scenario: run.scenario.clone(),
        started: incident.opened_at,
        ended: run.ended_at,
        fast_forward_minutes: run.fast_forward_minutes,
        first_report: times.to_first_report,
        report_deadline,
        phases,
        escalations,
        unchecked_steps: incident
            .checklist
            .iter()
            .filter(|s| s.is_open())
            .map(|s| safe_line(s.text.get(lang)))
            .collect(),
        failed_checks: by(Some(Answer::No)),
        unanswered_checks: by(None),
    })
}

/// `- text`, the text escaped.
fn bullet(doc: &mut Doc, text: &str) {
    doc.push(format!("- {}", inline(text)));
}

/// A blank line after a list, where one is needed.
fn end_list(doc: &mut Doc) {
    if !doc.ends_blank() {
        doc.push("");
    }
}

fn or_dash(d: Option<Duration>, lang: Lang) -> String {
    d.map_or_else(|| "—".to_string(), |d| duration_words(lang, d))
}

/// The drill's results as Markdown: failed readiness checks first, as actions.
pub fn drill_report(
    incident: &Incident,
    roster: &Roster,
    lang: Lang,
    zone: &Zone,
    now: DateTime<Utc>,
) -> Option<String> {
    let r = drill_result(incident, roster, lang, now)?;
    let run = incident.drill_run.as_ref()?;
    let mut doc = Doc::default();
    doc.heading(
        1,
        &format!(
            "[{}] {} {} — {}",
            t(lang, Msg::Drill),
            incident.id,
            incident.title,
            run.scenario_name.get(lang)
        ),
    );
    doc.paragraph(inline(&fill(
        lang,
        Msg::DrillRan,
        &[
            ("start", &zone.date_time(r.started)),
            (
                "end",
                &r.ended.map_or_else(
                    || t(lang, Msg::DrillStillRunning).to_string(),
                    |e| zone.date_time(e),
                ),
            ),
        ],
    )));
    if r.fast_forward_minutes > 0 {
        doc.paragraph(inline(&fill(
            lang,
            Msg::DrillFastForwarded,
            &[("m", &r.fast_forward_minutes.to_string())],
        )));
    }
    end_list(&mut doc);
    doc.heading(2, t(lang, Msg::DrillActions));
    if r.failed_checks.is_empty() && r.unanswered_checks.is_empty() {
        bullet(&mut doc, t(lang, Msg::DrillNoActions));
    }
    for c in &r.failed_checks {
        let note = if c.note.trim().is_empty() {
            String::new()
        } else {
            format!(" — {}", c.note)
        };
        bullet(&mut doc, &format!("✗ {}{note}", c.text.get(lang)));
    }
    for c in &r.unanswered_checks {
        bullet(
            &mut doc,
            &format!(
                "? {} ({})",
                c.text.get(lang),
                i18n::answer(lang, Answer::NotChecked)
            ),
        );
    }
    end_list(&mut doc);
    doc.heading(2, t(lang, Msg::DrillFigures));
    let met = match r.met_deadline() {
        Some(true) => t(lang, Msg::DrillMet),
        Some(false) => t(lang, Msg::DrillMissed),
        None => "—",
    };
    bullet(
        &mut doc,
        &fill(
            lang,
            Msg::DrillFirstReport,
            &[
                ("took", &or_dash(r.first_report, lang)),
                ("deadline", &or_dash(r.report_deadline, lang)),
                ("met", met),
            ],
        ),
    );
    for (phase, reached) in &r.phases {
        bullet(
            &mut doc,
            &fill(
                lang,
                Msg::DrillPhaseReached,
                &[
                    ("phase", i18n::phase(lang, *phase)),
                    ("took", &or_dash(*reached, lang)),
                ],
            ),
        );
    }
    bullet(
        &mut doc,
        &fill(
            lang,
            Msg::DrillEscalations,
            &[("n", &r.escalations.to_string())],
        ),
    );
    end_list(&mut doc);
    doc.heading(2, t(lang, Msg::DrillUnchecked));
    if r.unchecked_steps.is_empty() {
        bullet(&mut doc, t(lang, Msg::DrillNone));
    }
    for s in &r.unchecked_steps {
        bullet(&mut doc, s);
    }
    end_list(&mut doc);
    doc.heading(2, t(lang, Msg::DrillChecks));
    for c in &run.checks {
        let answer = c.answer.map_or_else(
            || i18n::answer(lang, Answer::NotChecked),
            |a| i18n::answer(lang, a),
        );
        let note = if c.note.trim().is_empty() {
            String::new()
        } else {
            format!(" — {}", c.note)
        };
        bullet(&mut doc, &format!("{}: {answer}{note}", c.text.get(lang)));
    }
    end_list(&mut doc);
    Some(doc.finish())
}

/// Past runs of scenarios, oldest first: one line each with the key times.
pub fn drill_history(
    incidents: &[impl std::borrow::Borrow<Incident>],
    roster: &Roster,
    scenario: Option<&str>,
    lang: Lang,
    zone: &Zone,
    now: DateTime<Utc>,
) -> String {
    let mut runs: Vec<&Incident> = incidents
        .iter()
        .map(std::borrow::Borrow::borrow)
        .filter(|i| {
            i.drill_run
                .as_ref()
                .is_some_and(|r| scenario.is_none_or(|s| r.scenario == s))
        })
        .collect();
    runs.sort_by_key(|i| {
        (
            i.drill_run.as_ref().map(|r| r.scenario.clone()),
            i.opened_at,
        )
    });
    if runs.is_empty() {
        return t(lang, Msg::DrillNoRuns).to_string();
    }
    let mut lines = Vec::new();
    let mut last = None;
    for inc in runs {
        let Some(r) = drill_result(inc, roster, lang, now) else {
            continue;
        };
        if last.as_deref() != Some(r.scenario.as_str()) {
            lines.push(format!("{}:", safe_line(&r.scenario)));
            last = Some(r.scenario.clone());
        }
        let phases: Vec<String> = r
            .phases
            .iter()
            .map(|(p, d)| {
                format!(
                    "{} {}",
                    i18n::phase_short(lang, Some(*p)),
                    or_dash(*d, lang)
                )
            })
            .collect();
        let ff = if r.fast_forward_minutes > 0 {
            " ⏩"
        } else {
            ""
        };
        lines.push(format!(
            "  {} {}{}  {} {}  {}  {} {}  {} {}",
            inc.id,
            zone.date_time(r.started),
            ff,
            t(lang, Msg::DrillFirstReportShort),
            or_dash(r.first_report, lang),
            phases.join("  "),
            t(lang, Msg::DrillFailedShort),
            r.failed_checks.len(),
            t(lang, Msg::DrillUncheckedShort),
            r.unchecked_steps.len(),
        ));
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::{Applied, Change};
    use crate::desk::IncidentsFile;
    use crate::incident::AttemptOutcome;
    use crate::test_fixtures::{bundled_playbooks, t};

    fn roster() -> Roster {
        serde_json::from_str(include_str!("../../../../assets/roster.sample.json")).unwrap()
    }

    fn scenario() -> Scenario {
        serde_json::from_str(include_str!(
            "../../../../assets/drills/network-failover.json"
        ))
        .unwrap()
    }

    #[test]
    fn a_scripted_run_gives_its_figures() {
        let roster = roster();
        let mut file = IncidentsFile::default();
        let apply = |file: &mut IncidentsFile, change: Change, at: &str| {
            crate::test_fixtures::stamped(change, t(at), "yamada")
                .apply(file)
                .unwrap()
        };
        let new = drill_incident(
            &scenario(),
            &bundled_playbooks(),
            &roster,
            Lang::En,
            t("10:00"),
        )
        .unwrap();
        let Applied::Opened(id) = apply(&mut file, Change::Open(Box::new(new)), "10:00") else {
            panic!()
        };
        let attempt = |contact: &str, outcome| Change::Attempt {
            incident: id.clone(),
            contact: contact.into(),
            level: 0,
            outcome,
            contact_role: String::new(),
        };
        apply(
            &mut file,
            attempt("ito-daisuke", AttemptOutcome::NoAnswer),
            "10:02",
        );
        // Tabletop: jump a minute ahead to the first inject (T+3).
        apply(
            &mut file,
            Change::JumpDrill {
                incident: id.clone(),
                minutes: 1,
            },
            "10:02",
        );
        apply(
            &mut file,
            Change::LogInjects {
                incident: id.clone(),
                upto: 1,
            },
            "10:02",
        );
        apply(
            &mut file,
            attempt("emily-brown", AttemptOutcome::Reached),
            "10:05",
        );
        let report_steps: Vec<String> = file
            .get(&id)
            .unwrap()
            .checklist
            .iter()
            .filter(|s| s.phase == Phase::Report)
            .map(|s| s.id.clone())
            .collect();
        for step in report_steps {
            apply(
                &mut file,
                Change::SetStep {
                    incident: id.clone(),
                    step,
                    done: true,
                },
                "10:06",
            );
        }
        let answer = |check: &str, answer| Change::AnswerCheck {
            incident: id.clone(),
            check: check.into(),
            answer,
            note: "rack B unpowered".into(),
        };
        apply(&mut file, answer("backup-powered", Answer::No), "10:10");
        apply(
            &mut file,
            Change::EndDrill {
                incident: id.clone(),
            },
            "10:20",
        );

        let inc = file.get(&id).unwrap();
        let r = drill_result(inc, &roster, Lang::En, t("10:30")).unwrap();
        assert_eq!(r.fast_forward_minutes, 1);
        assert_eq!(
            r.first_report,
            Some(Duration::minutes(6)),
            "10:05 against a start moved to 09:59"
        );
        assert_eq!(r.report_deadline, Some(Duration::minutes(10)));
        assert_eq!(r.met_deadline(), Some(true));
        assert_eq!(
            r.phases[0],
            (Phase::AssessScope, Some(Duration::minutes(7)))
        );
        assert_eq!(r.phases[1], (Phase::InterimFix, None));
        assert_eq!(r.escalations, 0);
        assert_eq!(r.failed_checks.len(), 1);
        assert_eq!(r.failed_checks[0].id, "backup-powered");
        assert_eq!(
            r.unanswered_checks.len(),
            scenario().readiness_checks.len() - 1
        );
        assert_eq!(r.unchecked_steps.len(), inc.checklist.len() - 5);
        assert_eq!(inc.drill_run.as_ref().unwrap().injects_logged, 1);

        let zone = crate::clock::Zone::Named(chrono_tz::UTC);
        let md = drill_report(inc, &roster, Lang::En, &zone, t("10:30")).unwrap();
        let actions = md.find("Actions").unwrap();
        let figures = md.find("Figures").unwrap();
        let failed = md.find("rack B unpowered").unwrap();
        assert!(
            actions < failed && failed < figures,
            "failed checks come first, as actions:\n{md}"
        );
        assert!(md.contains("jumped ahead 1 min"), "{md}");
        let history = drill_history(&file.incidents, &roster, None, Lang::En, &zone, t("10:30"));
        assert!(history.starts_with("network-failover:"), "{history}");
        assert!(history.contains("first report 6 min"), "{history}");
    }
}
