//! A drill's results for a person: failed readiness checks first, as actions, then the
//! figures, the calls and injects on the drill's clock, the steps left and every check —
//! as Markdown to share, or as plain text to read on screen. And how runs of a scenario
//! compare over time.

use super::result::{DrillResult, drill_result};
use crate::clock::Zone;
use crate::drill::Answer;
use crate::i18n::{self, Lang, Msg, fill, t};
use crate::incident::Incident;
use crate::roster::Roster;
use crate::share::duration_words;
use crate::share::markdown::{Doc, inline};
use crate::text::safe_line;
use chrono::{DateTime, Duration, Utc};

/// How the results are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Markdown: headings and lists, text from people escaped.
    Markdown,
    /// Plain text for the screen: the same lines, no markup and no escapes.
    Text,
}

/// The results, line by line, in the format asked for.
struct Writer {
    format: Format,
    doc: Doc,
}

impl Writer {
    /// One line of text from the record: escaped for Markdown, made safe either way.
    fn line(&self, text: &str) -> String {
        match self.format {
            Format::Markdown => inline(text),
            Format::Text => safe_line(text).trim().to_string(),
        }
    }

    fn heading(&mut self, level: usize, title: &str) {
        match self.format {
            Format::Markdown => self.doc.heading(level, title),
            Format::Text => {
                let line = self.line(title);
                self.doc.paragraph(line);
            }
        }
    }

    fn paragraph(&mut self, text: &str) {
        let line = self.line(text);
        self.doc.paragraph(line);
    }

    fn bullet(&mut self, text: &str) {
        let line = format!("- {}", self.line(text));
        self.doc.push(line);
    }

    /// A blank line after a list, where one is needed.
    fn end_list(&mut self) {
        if !self.doc.ends_blank() {
            self.doc.push("");
        }
    }
}

fn or_dash(d: Option<Duration>, lang: Lang) -> String {
    d.map_or_else(|| "—".to_string(), |d| duration_words(lang, d))
}

/// `T+12 …`: a time on the drill's clock, in whole minutes, and what happened then.
fn on_clock(lang: Lang, minutes: i64, what: &str) -> String {
    fill(
        lang,
        Msg::DrillAt,
        &[("t", &minutes.max(0).to_string()), ("what", what)],
    )
}

/// The drill's results: failed readiness checks first, as actions.
pub fn drill_report(
    incident: &Incident,
    roster: &Roster,
    lang: Lang,
    zone: &Zone,
    now: DateTime<Utc>,
    format: Format,
) -> Option<String> {
    let r = drill_result(incident, roster, lang, now)?;
    let run = incident.drill_run.as_ref()?;
    let mut w = Writer {
        format,
        doc: Doc::default(),
    };
    w.heading(
        1,
        &format!(
            "[{}] {} {} — {}",
            t(lang, Msg::Drill),
            incident.id,
            incident.title,
            run.scenario_name.get(lang)
        ),
    );
    let end = r.ended.map_or_else(
        || t(lang, Msg::DrillStillRunning).to_string(),
        |e| zone.date_time(e),
    );
    w.paragraph(&fill(
        lang,
        Msg::DrillRan,
        &[("start", &zone.date_time(r.started)), ("end", &end)],
    ));
    if r.fast_forward_minutes > 0 {
        w.paragraph(&fill(
            lang,
            Msg::DrillFastForwarded,
            &[("m", &r.fast_forward_minutes.to_string())],
        ));
    }
    actions(&mut w, &r, lang);
    figures(&mut w, &r, lang);
    calls_and_injects(&mut w, &r, roster, lang);
    w.heading(2, t(lang, Msg::DrillUnchecked));
    if r.unchecked_steps.is_empty() {
        w.bullet(t(lang, Msg::DrillNone));
    }
    for s in &r.unchecked_steps {
        w.bullet(s);
    }
    w.end_list();
    w.heading(2, t(lang, Msg::DrillChecks));
    for c in &run.checks {
        let answer = i18n::answer(lang, c.answer.unwrap_or(Answer::NotChecked));
        w.bullet(&format!("{}: {answer}{}", c.text.get(lang), note(&c.note)));
    }
    w.end_list();
    Some(w.doc.finish())
}

/// ` — note`, or nothing for a blank note.
fn note(text: &str) -> String {
    if text.trim().is_empty() {
        String::new()
    } else {
        format!(" — {text}")
    }
}

/// The readiness checks that failed or were not checked: what to act on.
fn actions(w: &mut Writer, r: &DrillResult, lang: Lang) {
    w.heading(2, t(lang, Msg::DrillActions));
    if r.failed_checks.is_empty() && r.unanswered_checks.is_empty() {
        w.bullet(t(lang, Msg::DrillNoActions));
    }
    for c in &r.failed_checks {
        w.bullet(&format!("✗ {}{}", c.text.get(lang), note(&c.note)));
    }
    for c in &r.unanswered_checks {
        let not_checked = i18n::answer(lang, Answer::NotChecked);
        w.bullet(&format!("? {} ({not_checked})", c.text.get(lang)));
    }
    w.end_list();
}

fn figures(w: &mut Writer, r: &DrillResult, lang: Lang) {
    w.heading(2, t(lang, Msg::DrillFigures));
    let met = match r.met_deadline() {
        Some(true) => t(lang, Msg::DrillMet),
        Some(false) => t(lang, Msg::DrillMissed),
        None => "—",
    };
    w.bullet(&fill(
        lang,
        Msg::DrillFirstReport,
        &[
            ("took", &or_dash(r.first_report, lang)),
            ("deadline", &or_dash(r.report_deadline, lang)),
            ("met", met),
        ],
    ));
    for (phase, reached) in &r.phases {
        w.bullet(&fill(
            lang,
            Msg::DrillPhaseReached,
            &[
                ("phase", i18n::phase(lang, *phase)),
                ("took", &or_dash(*reached, lang)),
            ],
        ));
    }
    w.bullet(&fill(
        lang,
        Msg::DrillEscalations,
        &[("n", &r.escalations.to_string())],
    ));
    w.end_list();
}

/// Every call attempt and every inject that came, each at its time on the drill's clock.
fn calls_and_injects(w: &mut Writer, r: &DrillResult, roster: &Roster, lang: Lang) {
    w.heading(2, t(lang, Msg::DrillCalls));
    if r.calls.is_empty() {
        w.bullet(t(lang, Msg::DrillNone));
    }
    for c in &r.calls {
        let name = roster
            .contact(&c.contact)
            .map_or(c.contact.as_str(), |p| p.name.as_str());
        let what = fill(
            lang,
            Msg::DrillCallLine,
            &[
                ("level", &i18n::level(lang, c.level)),
                ("name", name),
                ("outcome", i18n::outcome(lang, c.outcome)),
            ],
        );
        w.bullet(&on_clock(lang, c.at.num_minutes(), &what));
    }
    w.end_list();
    w.heading(2, t(lang, Msg::DrillInjects));
    if r.injects.is_empty() {
        w.bullet(t(lang, Msg::DrillNone));
    }
    for inject in &r.injects {
        let minutes = i64::from(inject.at_minutes);
        w.bullet(&on_clock(lang, minutes, inject.text.get(lang)));
    }
    w.end_list();
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
