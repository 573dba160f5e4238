//! Obligations and out-of-scope decisions in the shared documents: a section each in the
//! Markdown export, lines in the handover. Only where an incident has them: the conditions
//! answered and the obligations they brought; the decision on an out-of-scope request (or
//! that none is recorded yet).

use super::markdown::{Doc, inline};
use crate::clock::Zone;
use crate::decision::decided_for;
use crate::i18n::{self, Lang, Msg, fill, t};
use crate::incident::Incident;
use crate::obligation::{Obligation, days_words, left_words};
use crate::roster::Roster;
use crate::text::safe_line;
use chrono::{DateTime, Utc};

/// Who reads a document, and when: the roster to name contacts, the language, the zone
/// and the moment the document is made.
pub struct Reading<'a> {
    pub roster: &'a Roster,
    pub lang: Lang,
    pub zone: &'a Zone,
    pub now: DateTime<Utc>,
}

/// Where an obligation stands: its countdown (as of `now`), or when it was done or
/// withdrawn and by whom.
pub fn state(o: &Obligation, lang: Lang, zone: &Zone, now: DateTime<Utc>) -> String {
    let stamped = |msg, s: &crate::checklist::Stamp| {
        fill(lang, msg, &[("when", &zone.date_time(s.at)), ("by", &s.by)])
    };
    match (&o.done, &o.withdrawn) {
        (Some(done), _) => stamped(Msg::ObligationDoneAt, done),
        (None, Some(w)) => stamped(Msg::ObligationWithdrawnAt, w),
        (None, None) => days_words(o.due, lang, zone, now).0,
    }
}

/// The export's sections: the conditions and obligations (when any were answered), and
/// for an out-of-scope request the decision.
pub fn export_sections(doc: &mut Doc, incident: &Incident, r: &Reading<'_>) {
    let (roster, lang, zone, now) = (r.roster, r.lang, r.zone, r.now);
    if !incident.conditions.is_empty() || !incident.obligations.is_empty() {
        doc.heading(2, t(lang, Msg::DocObligationsHeading));
        for c in &incident.conditions {
            let line = fill(
                lang,
                Msg::DocConditionLine,
                &[
                    ("question", c.question.get(lang)),
                    ("answer", i18n::known(lang, c.answer)),
                    ("when", &zone.date_time(c.at)),
                    ("by", &c.by),
                ],
            );
            doc.push(format!("- {}", inline(&line)));
        }
        doc.push("");
        if !incident.obligations.is_empty() {
            let rows: Vec<Vec<String>> = incident
                .obligations
                .iter()
                .map(|o| {
                    vec![
                        o.what.get(lang).to_string(),
                        o.to.get(lang).to_string(),
                        zone.date_time(o.due),
                        state(o, lang, zone, now),
                    ]
                })
                .collect();
            let header = [
                Msg::DocColObligation,
                Msg::DocColTo,
                Msg::DocColDue,
                Msg::DocColState,
            ]
            .map(|m| t(lang, m));
            doc.table(&header, &rows);
        }
        if incident.obligations.iter().any(|o| o.example) {
            doc.paragraph(t(lang, Msg::ObligationExample));
        }
    }
    if decided_for(incident.category) {
        doc.heading(2, t(lang, Msg::DocDecisionHeading));
        match incident.scope_decision() {
            None => doc.paragraph(t(lang, Msg::DocDecisionNone)),
            Some(d) => {
                for line in d.lines(roster, lang) {
                    doc.push(format!("- {}", inline(&line)));
                }
                let by = fill(
                    lang,
                    Msg::DocByAt,
                    &[("by", &inline(&d.by)), ("when", &zone.date_time(d.at))],
                );
                doc.push(format!("- {}: {by}", t(lang, Msg::DocDecidedBy)));
                doc.push("");
            }
        }
    }
}

/// An obligation for the handover: its due time and how far off it was as of the handover,
/// what and to whom (Markdown, without the list's mark).
fn handover_words(o: &Obligation, lang: Lang, zone: &Zone, now: DateTime<Utc>) -> String {
    let (left, _) = left_words(o.due, lang, zone, now);
    let line = fill(
        lang,
        Msg::DocObligationDue,
        &[
            ("due", &zone.date_time(o.due)),
            ("left", &left),
            ("now", &zone.clock(now, now)),
            ("what", o.what.get(lang)),
            ("to", o.to.get(lang)),
        ],
    );
    inline(&line)
}

/// For the handover's block of an open incident: the decision on an out-of-scope request,
/// then each obligation still to do, earliest due first.
pub fn handover_lines(inc: &Incident, r: &Reading<'_>) -> Vec<String> {
    let (roster, lang, zone, now) = (r.roster, r.lang, r.zone, r.now);
    let mut lines = Vec::new();
    if let Some(d) = inc.scope_decision() {
        let words = d.outcome.words(roster, lang);
        let line = fill(lang, Msg::DocDecisionLine, &[("decision", &words)]);
        lines.push(format!("- {}", inline(&line)));
    }
    let mut open: Vec<&Obligation> = inc.obligations.iter().filter(|o| o.is_open()).collect();
    open.sort_by_key(|o| o.due);
    lines.extend(
        open.iter()
            .map(|o| format!("- {}", handover_words(o, lang, zone, now))),
    );
    lines
}

/// For the handover: the obligations still to do of closed incidents (a final report can
/// be due weeks after), earliest due first, each with its incident. Drills left out.
pub fn closed_obligations<'a>(
    incidents: impl Iterator<Item = &'a Incident>,
    lang: Lang,
    zone: &Zone,
    now: DateTime<Utc>,
) -> Vec<String> {
    let mut open: Vec<(&Incident, &Obligation)> = incidents
        .filter(|i| !i.is_open() && !i.drill)
        .flat_map(|i| {
            i.obligations
                .iter()
                .filter(|o| o.is_open())
                .map(move |o| (i, o))
        })
        .collect();
    open.sort_by_key(|(i, o)| (o.due, i.id.clone()));
    open.into_iter()
        .map(|(i, o)| {
            let title = inline(&i.title);
            let words = handover_words(o, lang, zone, now);
            format!("- {} {title}: {words}", i.id)
        })
        .collect()
}

/// For the report text's scope: the decision on an out-of-scope request with the rule that
/// applied, and the obligations still to do with their due dates. Made safe.
pub fn report_lines(incident: &Incident, r: &Reading<'_>) -> Vec<String> {
    let (roster, lang, zone, now) = (r.roster, r.lang, r.zone, r.now);
    let mut lines = Vec::new();
    if let Some(d) = incident.scope_decision() {
        let mut words = d.lines(roster, lang).into_iter();
        if let Some(first) = words.next() {
            lines.push(format!(
                "- {}",
                fill(lang, Msg::DocDecisionLine, &[("decision", &first)])
            ));
        }
        lines.extend(words.map(|w| format!("  {w}")));
    }
    for o in incident.obligations.iter().filter(|o| o.is_open()) {
        let line = fill(
            lang,
            Msg::ReportObligation,
            &[
                ("to", &safe_line(o.to.get(lang))),
                ("due", &zone.clock(o.due, now)),
                ("what", &safe_line(o.what.get(lang))),
            ],
        );
        lines.push(format!("- {line}"));
    }
    lines
}

#[cfg(test)]
mod tests {
    use crate::Category;
    use crate::change::Change;
    use crate::clock::Zone;
    use crate::desk::IncidentsFile;
    use crate::i18n::Lang;
    use crate::obligation::{Known, conditions_for};
    use crate::roster::Roster;
    use crate::test_fixtures::{bundled_guide, incident_of, stamped, t};
    use std::sync::Arc;

    /// A misdirected email: personal information found at 10:20 UTC (19:20 in Tokyo), the
    /// notice to the people affected done at 11:00.
    fn email() -> IncidentsFile {
        let inc = incident_of(Category::Security, Some("misdirected_email"), "10:00");
        let id = inc.id.clone();
        let mut file = IncidentsFile::default();
        file.incidents.push(Arc::new(inc));
        let asked = conditions_for(
            &bundled_guide(),
            Category::Security,
            Some("misdirected_email"),
        );
        let yes = Change::SetScope {
            incident: id.clone(),
            scope: Box::default(),
            conditions: asked.iter().map(|a| a.answered(Known::Yes)).collect(),
        };
        stamped(yes, t("10:20"), "yamada").apply(&mut file).unwrap();
        let done = Change::SetObligationDone {
            incident: id,
            obligation: "notify-affected-people".into(),
            done: true,
        };
        stamped(done, t("11:00"), "sato").apply(&mut file).unwrap();
        file
    }

    fn tokyo() -> Zone {
        Zone::Named(chrono_tz::Asia::Tokyo)
    }

    /// The handover of the shift from 18:00 to 21:00 in Tokyo, in English.
    fn handover(file: &IncidentsFile) -> String {
        let roster = Roster::default();
        let (since, now) = (t("09:00"), t("12:00"));
        crate::share::handover_text(&file.incidents, &roster, since, Lang::En, &tokyo(), now)
    }

    #[test]
    fn the_export_has_the_condition_answered_and_each_obligation_with_its_state() {
        let file = email();
        let md = crate::share::incident_markdown(
            &file.incidents[0],
            &Roster::default(),
            Lang::En,
            &tokyo(),
            t("12:00"),
        );
        for expected in [
            "## Obligations",
            "- «Was personal information involved (or possibly involved)?» → yes (2026-11-29 19:20, yamada)",
            "| Obligation | To | Due | State |",
            "| Personal Information Protection Commission (個人情報保護委員会) | 2026-12-04 19:20 | 5 days left (due 12-04 19:20) |",
            "| 2026-12-29 19:20 | 30 days left (due 12-29 19:20) |",
            "| done 2026-11-29 20:00 sato |",
            "An example in the guide: check it against your team's rules and the law",
            "| obligation arose | «Preliminary report",
        ] {
            assert!(md.contains(expected), "{expected:?} in\n{md}");
        }
        // Not an out-of-scope request: no decision section.
        assert!(!md.contains("Out-of-scope decision"), "{md}");
    }

    #[test]
    fn the_handover_and_the_report_carry_the_obligations_still_to_do_also_of_a_closed_incident() {
        let mut file = email();
        let roster = Roster::default();
        let text = handover(&file);
        assert!(
            text.contains("- Obligation to Personal Information Protection Commission (個人情報保護委員会), due 2026-12-04 19:20 (5 days left as of 21:00): Preliminary report"),
            "{text}"
        );
        assert!(
            !text.contains("Notice to the people affected"),
            "done: {text}"
        );
        let reporter = crate::report::Reporter {
            name: "yamada",
            callback: None,
        };
        let report = crate::report::report_text(
            &file.incidents[0],
            &roster,
            &reporter,
            Lang::Ja,
            &tokyo(),
            t("12:00"),
        );
        assert!(
            report.contains("- 個人情報保護委員会 への義務(12-04 19:20 期限): 速報"),
            "{report}"
        );
        // Closed, the incident's obligations still to do have a section of their own.
        let close = Change::CloseWithoutReview {
            incident: file.incidents[0].id.clone(),
            reason: "handled".into(),
        };
        stamped(close, t("11:30"), "yamada")
            .apply(&mut file)
            .unwrap();
        let text = handover(&file);
        assert!(
            text.contains("## Obligations of closed incidents still to do (2)"),
            "{text}"
        );
        assert!(
            text.contains("- INC-0001 Mail server down: Obligation to "),
            "{text}"
        );
    }
}
