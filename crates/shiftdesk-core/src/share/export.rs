//! The incident report in Markdown: what an operator pastes into an email or a wiki once
//! the incident is handled (or to share where it stands). Every section is always there, so
//! a reader sees what is not known yet as plainly as what is.

use super::duration_words;
use super::markdown::{Doc, block, inline};
use super::{closed_without_review, zone_name};
use crate::clock::Zone;
use crate::i18n::{self, Lang, Msg, fill, t};
use crate::incident::Incident;
use crate::playbook::Phase;
use crate::roster::Roster;
use crate::timeline::describe;
use chrono::{DateTime, Duration, Utc};

/// Shown where a time or a text is not there (yet).
const NOTHING: &str = "—";

/// Text from a person for a paragraph or list item, `—` when blank.
fn or_nothing(s: &str) -> String {
    if s.trim().is_empty() {
        NOTHING.to_string()
    } else {
        inline(s)
    }
}

/// Text from a person for a table cell (escaped by the table), `—` when blank.
fn or_blank(s: &str) -> String {
    if s.trim().is_empty() {
        NOTHING.to_string()
    } else {
        s.to_string()
    }
}

/// The incident as a Markdown report in the operator's language: heading and summary,
/// classification, key times, scope, contact attempts, consultations, interim actions,
/// checklist, timeline, review. Times are shown in `zone`; `now` dates the export.
pub fn incident_markdown(
    incident: &Incident,
    roster: &Roster,
    lang: Lang,
    zone: &Zone,
    now: DateTime<Utc>,
) -> String {
    let mut doc = Doc::default();
    summary(&mut doc, incident, lang, zone);
    classification(&mut doc, incident, lang, zone);
    times(&mut doc, incident, lang, zone);
    scope(&mut doc, incident, lang, zone);
    let reading = super::duties::Reading {
        roster,
        lang,
        zone,
        now,
    };
    super::duties::export_sections(&mut doc, incident, &reading);
    contacts(&mut doc, incident, roster, lang, zone);
    records(&mut doc, incident, lang, zone);
    checklist(&mut doc, incident, lang);
    timeline(&mut doc, incident, roster, lang, zone);
    review(&mut doc, incident, lang, zone);
    doc.paragraph("---");
    doc.push(fill(
        lang,
        Msg::DocExportedAt,
        &[
            ("when", &zone.date_time(now)),
            ("zone", &zone_name(zone, now)),
        ],
    ));
    doc.finish()
}

fn summary(doc: &mut Doc, incident: &Incident, lang: Lang, zone: &Zone) {
    let id = incident.id.0.as_str();
    let title = if incident.drill {
        let args = [("id", id), ("title", incident.title.as_str())];
        fill(lang, Msg::DocDrillHeading, &args)
    } else {
        format!("{id} {}", incident.title)
    };
    doc.heading(1, &title);
    if incident.drill {
        doc.paragraph(t(lang, Msg::DocDrillNote));
    }
    if incident.description.trim().is_empty() {
        doc.paragraph(inline(&incident.title));
    } else {
        doc.paragraph(block(&incident.description));
    }
    let status = match incident.closed_at.filter(|_| !incident.is_open()) {
        Some(closed) => fill(
            lang,
            Msg::DocStatusClosedLine,
            &[
                ("when", &zone.date_time(closed)),
                ("dur", &duration_words(lang, closed - incident.detected_at)),
            ],
        ),
        None => {
            let phase = incident
                .current_phase()
                .map_or(t(lang, Msg::PhaseAllDone), |p| i18n::phase(lang, p));
            fill(lang, Msg::DocStatusOpenLine, &[("phase", phase)])
        }
    };
    doc.paragraph(status);
}

fn classification(doc: &mut Doc, incident: &Incident, lang: Lang, zone: &Zone) {
    doc.heading(2, t(lang, Msg::DocClassification));
    let c = incident.category;
    let class = i18n::category_class(lang, c);
    doc.push(format!("- {}: {class}", t(lang, Msg::DocClass)));
    let category = i18n::category(lang, c);
    let label = t(lang, Msg::ColCategory);
    doc.push(format!("- {label}: {category} — `{}`", c.id()));
    if let (Some(kind), Some(id)) = (incident.kind_words(lang), &incident.kind) {
        let label = t(lang, Msg::FieldKind);
        let id = crate::text::safe_line(id).replace('`', "'");
        doc.push(format!("- {label}: {} — `{id}`", inline(&kind)));
    }
    let severity = i18n::severity(lang, incident.severity);
    doc.push(format!("- {}: {severity}", t(lang, Msg::FieldSeverity)));
    let by = fill(
        lang,
        Msg::DocByAt,
        &[
            ("by", &inline(&incident.opened_by)),
            ("when", &zone.date_time(incident.opened_at)),
        ],
    );
    doc.push(format!("- {}: {by}", t(lang, Msg::WordOpenedBy)));
    doc.push("");
}

fn times(doc: &mut Doc, incident: &Incident, lang: Lang, zone: &Zone) {
    let k = incident.times();
    let name = zone_name(zone, k.detected);
    doc.heading(2, &fill(lang, Msg::DocTimesHeading, &[("zone", &name)]));
    let detected = zone.date_time(k.detected);
    doc.push(format!("- {}: {detected}", t(lang, Msg::WordDetected)));
    let later: [(Msg, Option<DateTime<Utc>>, Option<Duration>); 3] = [
        (Msg::DocFirstReport, k.first_report, k.to_first_report),
        (Msg::DocMitigated, k.mitigated, k.to_mitigated),
        (Msg::DocClosed, k.closed, k.to_closed),
    ];
    for (label, at, after) in later {
        let value = match (at, after) {
            (Some(at), Some(after)) => fill(
                lang,
                Msg::DocTimeAfter,
                &[
                    ("when", &zone.date_time(at)),
                    ("dur", &duration_words(lang, after)),
                ],
            ),
            _ => NOTHING.to_string(),
        };
        doc.push(format!("- {}: {value}", t(lang, label)));
    }
    doc.push("");
}

fn scope(doc: &mut Doc, incident: &Incident, lang: Lang, zone: &Zone) {
    let w = |x| t(lang, x);
    doc.heading(2, w(Msg::DocScopeHeading));
    let Some(scope) = incident.scope.as_ref().filter(|s| !s.is_empty()) else {
        doc.paragraph(w(Msg::DocScopeNone));
        return;
    };
    doc.item(w(Msg::DocServices), &scope.services);
    doc.item(w(Msg::DocAffected), &scope.affected);
    let count = scope.count_shown();
    doc.item(w(Msg::DocEstimatedCount), count.as_deref().unwrap_or(""));
    let since = scope.since.map(|s| zone.date_time(s));
    doc.item(w(Msg::DocImpactSince), since.as_deref().unwrap_or(""));
    doc.item(t(lang, Msg::FieldNotes), &scope.notes);
    doc.push("");
}

fn contacts(doc: &mut Doc, incident: &Incident, roster: &Roster, lang: Lang, zone: &Zone) {
    let w = |x| t(lang, x);
    doc.heading(2, w(Msg::DocAttemptsHeading));
    if let Some(route) = &incident.route {
        let name = Some(&route.name)
            .filter(|n| !n.trim().is_empty())
            .unwrap_or(&route.route_id);
        doc.paragraph(fill(lang, Msg::RouteName, &[("name", &inline(name))]));
    }
    if incident.attempts.is_empty() {
        doc.paragraph(w(Msg::DocAttemptsNone));
    } else {
        let rows: Vec<Vec<String>> = incident
            .attempts
            .iter()
            .map(|a| {
                let name = roster.contact(&a.contact).map_or(&a.contact, |c| &c.name);
                vec![
                    zone.date_time(a.at),
                    i18n::level(lang, a.level),
                    name.clone(),
                    i18n::means(lang, a.means).to_string(),
                    i18n::outcome(lang, a.outcome).to_string(),
                    a.by.clone(),
                ]
            })
            .collect();
        let header = [
            Msg::DocColTime,
            Msg::DocColLevel,
            Msg::DocColContact,
            Msg::DocColMeans,
            Msg::DocColOutcome,
            Msg::DocColBy,
        ]
        .map(w);
        doc.table(&header, &rows);
    }
    if incident.escalations.is_empty() {
        return;
    }
    doc.paragraph(format!("{}:", w(Msg::DocEscalationsHeading)));
    for e in &incident.escalations {
        let line = fill(
            lang,
            Msg::DocEscalationLine,
            &[
                ("when", &zone.date_time(e.at)),
                ("by", &inline(&e.by)),
                ("level", &(e.to_level + 1).to_string()),
                ("reason", &or_nothing(&e.reason)),
            ],
        );
        doc.push(format!("- {line}"));
    }
    doc.push("");
}

/// Consultations and interim actions, each a table.
fn records(doc: &mut Doc, incident: &Incident, lang: Lang, zone: &Zone) {
    let w = |x| t(lang, x);
    doc.heading(2, w(Msg::DocConsultHeading));
    let rows: Vec<Vec<String>> = incident
        .consultations
        .iter()
        .map(|c| {
            let when = zone.date_time(c.at);
            vec![when, c.who.clone(), c.advice.clone(), c.by.clone()]
        })
        .collect();
    if rows.is_empty() {
        doc.paragraph(w(Msg::DocNoneRecorded));
    } else {
        let header = [
            Msg::DocColTime,
            Msg::DocColWho,
            Msg::DocColAdvice,
            Msg::DocColBy,
        ]
        .map(w);
        doc.table(&header, &rows);
    }
    doc.heading(2, w(Msg::DocInterimHeading));
    let rows: Vec<Vec<String>> = incident
        .interim_actions
        .iter()
        .map(|a| {
            let effect = i18n::effect(lang, a.effect).to_string();
            vec![zone.date_time(a.at), a.action.clone(), effect, a.by.clone()]
        })
        .collect();
    if rows.is_empty() {
        doc.paragraph(w(Msg::DocNoneRecorded));
    } else {
        let header = [
            Msg::DocColTime,
            Msg::DocColAction,
            Msg::DocColEffect,
            Msg::DocColBy,
        ]
        .map(w);
        doc.table(&header, &rows);
    }
}

/// Per phase, how many steps are done (and how many do not apply), with the open ones as
/// unticked tasks and those that do not apply with their reason.
fn checklist(doc: &mut Doc, incident: &Incident, lang: Lang) {
    doc.heading(2, t(lang, Msg::WordChecklist));
    for p in incident.progress().iter().filter(|p| p.total > 0) {
        let (phase, done, total) = (
            i18n::phase(lang, p.phase),
            p.done.to_string(),
            p.total.to_string(),
        );
        let line = if p.not_applicable == 0 {
            let args = [("phase", phase), ("done", &done), ("total", &total)];
            fill(lang, Msg::DocPhaseCount, &args)
        } else {
            let na = p.not_applicable.to_string();
            let args = [
                ("phase", phase),
                ("done", &done),
                ("total", &total),
                ("na", &na),
            ];
            fill(lang, Msg::DocPhaseCountNa, &args)
        };
        doc.push(format!("- {line}"));
        for step in incident.checklist.iter().filter(|s| s.phase == p.phase) {
            let text = inline(step.text.get(lang));
            match (&step.done, &step.not_applicable) {
                (None, None) => doc.push(format!("  - [ ] {text}")),
                (None, Some(na)) => {
                    let word = t(lang, Msg::DocNotApplicable);
                    let reason = inline(&na.reason);
                    doc.push(if reason.is_empty() {
                        format!("  - {text} — {word}")
                    } else {
                        format!("  - {text} — {word}: {reason}")
                    });
                }
                (Some(_), _) => {}
            }
        }
    }
    doc.push("");
}

fn timeline(doc: &mut Doc, incident: &Incident, roster: &Roster, lang: Lang, zone: &Zone) {
    doc.heading(2, t(lang, Msg::WordTimeline));
    let rows: Vec<Vec<String>> = incident
        .timeline_in_order()
        .into_iter()
        .map(|e| {
            let kind = i18n::entry_kind(lang, e.kind);
            let text = describe(e, incident, roster, lang, zone);
            // `describe` starts with the kind; the table gives it a column of its own.
            let details = text.strip_prefix(kind).map_or(text.as_str(), str::trim);
            let details = if details.is_empty() { NOTHING } else { details };
            let (when, by) = (zone.date_time(e.at), e.by.clone());
            vec![when, by, kind.to_string(), details.to_string()]
        })
        .collect();
    let header = [
        Msg::DocColTime,
        Msg::DocColBy,
        Msg::DocColKind,
        Msg::DocColDetails,
    ]
    .map(|x| t(lang, x));
    doc.table(&header, &rows);
}

/// The review and its measures; or why there is none.
fn review(doc: &mut Doc, incident: &Incident, lang: Lang, zone: &Zone) {
    let w = |x| t(lang, x);
    doc.heading(2, i18n::phase(lang, Phase::Review));
    let skipped = closed_without_review(incident);
    if let Some(entry) = skipped {
        doc.paragraph(fill(
            lang,
            Msg::DocClosedWithoutReview,
            &[
                ("when", &zone.date_time(entry.at)),
                ("by", &inline(&entry.by)),
                ("reason", &or_nothing(&entry.text)),
            ],
        ));
    }
    let Some(review) = &incident.review else {
        match (skipped, incident.is_open()) {
            (Some(_), _) => {}
            (None, true) => doc.paragraph(w(Msg::DocReviewNotYet)),
            (None, false) => doc.paragraph(w(Msg::DocReviewNone)),
        }
        return;
    };
    for (title, text) in [
        (t(lang, Msg::ReportWhat), &review.what_happened),
        (w(Msg::DocCause), &review.cause),
        (w(Msg::DocWentWell), &review.went_well),
        (w(Msg::DocWentBadly), &review.went_badly),
        (w(Msg::DocSharedWith), &review.shared_with),
    ] {
        doc.heading(3, title);
        let body = block(text);
        doc.paragraph(if body.is_empty() {
            NOTHING.into()
        } else {
            body
        });
    }
    doc.heading(3, w(Msg::DocMeasuresHeading));
    if review.measures.is_empty() {
        doc.paragraph(w(Msg::DocNoneRecorded));
        return;
    }
    let rows: Vec<Vec<String>> = review
        .measures
        .iter()
        .map(|m| {
            let done = match &m.done {
                Some(stamp) => {
                    let day = zone.format(stamp.at, "%Y-%m-%d");
                    fill(lang, Msg::DocDoneOn, &[("date", &day)])
                }
                None => w(Msg::DocNotDone).to_string(),
            };
            let due = m.due.map(|d| d.format("%Y-%m-%d").to_string());
            vec![
                m.id.to_string(),
                m.text.clone(),
                or_blank(&m.owner),
                due.unwrap_or_else(|| NOTHING.to_string()),
                done,
            ]
        })
        .collect();
    let header = [
        "#",
        w(Msg::DocColMeasure),
        w(Msg::DocColOwner),
        w(Msg::DocColDue),
        w(Msg::DocColDone),
    ];
    doc.table(&header, &rows);
}
