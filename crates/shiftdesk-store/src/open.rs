//! Opening the desk on a data dir: every file loaded, every problem put into words.

use crate::DataDir;
use crate::desk::Desk;
use crate::drills::load_scenarios;
use crate::flow_file::FlowDesk;
use crate::guide_file::load_guide;
use crate::incidents::IncidentsStore;
use crate::permissions::tighten;
use crate::playbooks_file::load_playbooks;
use crate::roster_file::{RosterLoad, open_roster};
use anyhow::Result;
use chrono::{DateTime, Utc};
use shiftdesk_core::clock::Zone;
use shiftdesk_core::flow::{FlowSnapshot, SignOffState};
use shiftdesk_core::i18n::{Lang, Msg, fill, t};
use shiftdesk_core::roster::check::check;

/// The desk on `dir`, and the warnings to keep on screen. Fails only when the data dir
/// itself cannot be made; a bad file gives a warning and a desk that works around it.
pub fn open_desk(dir: &DataDir, lang: Lang, now: DateTime<Utc>) -> Result<(Desk, Vec<String>)> {
    dir.create()?;
    let mut warnings = Vec::new();
    for t in tighten(dir) {
        warnings.push(fill(
            lang,
            Msg::MsgTightened,
            &[
                ("path", &t.path.display().to_string()),
                ("was", &format!("{:o}", t.was)),
                ("now", &format!("{:o}", t.now)),
            ],
        ));
    }
    let (store, incidents) = IncidentsStore::open(dir);
    let incidents = match incidents {
        Ok(file) => file,
        Err(problem) => {
            warnings.push(fill(
                lang,
                Msg::MsgIncidentsUnreadable,
                &[("why", &problem.to_string())],
            ));
            Default::default()
        }
    };
    let (roster_store, roster_load) = open_roster(dir);
    // What a desk killed mid-save left behind goes now, under the lock.
    let cleared =
        store.clear_leftovers().unwrap_or(0) + roster_store.clear_leftovers().unwrap_or(0);
    if cleared > 0 {
        warnings.push(fill(
            lang,
            Msg::MsgLeftovers,
            &[("n", &cleared.to_string())],
        ));
    }
    let roster_usable = !matches!(roster_load, RosterLoad::Problem(_));
    let roster = match roster_load {
        RosterLoad::Loaded(r) => r,
        RosterLoad::Seeded(r) => {
            let path = dir.roster().display().to_string();
            warnings.push(fill(lang, Msg::MsgRosterSeeded, &[("path", &path)]));
            r
        }
        RosterLoad::Problem(p) => {
            warnings.push(fill(
                lang,
                Msg::MsgRosterProblem,
                &[("why", &p.to_string())],
            ));
            Default::default()
        }
    };
    let errors = check(&roster).iter().filter(|p| p.is_error()).count();
    if errors > 0 {
        warnings.push(fill(
            lang,
            Msg::MsgRosterErrors,
            &[("n", &errors.to_string())],
        ));
    }
    if roster.sample
        && !warnings
            .iter()
            .any(|w| w.contains(&*dir.roster().to_string_lossy()))
    {
        warnings.push(t(lang, Msg::MsgSampleRoster).to_string());
    }
    let scenarios = load_scenarios(dir);
    for p in &scenarios.problems {
        warnings.push(fill(
            lang,
            Msg::MsgScenarioProblem,
            &[("why", &p.to_string())],
        ));
    }
    let playbooks = load_playbooks(dir);
    if let Some(p) = &playbooks.problem {
        warnings.push(fill(
            lang,
            Msg::MsgPlaybooksProblem,
            &[("why", &p.to_string())],
        ));
    }
    let guide = load_guide(dir);
    if let Some(p) = &guide.problem {
        warnings.push(fill(lang, Msg::MsgGuideProblem, &[("why", &p.to_string())]));
    } else if guide.custom {
        let problems = shiftdesk_core::guide::check(&guide.guide, &roster, |c, k| {
            playbooks.playbooks.has_kind(c, k)
        });
        if !problems.is_empty() {
            warnings.push(fill(
                lang,
                Msg::MsgGuideErrors,
                &[("n", &problems.len().to_string())],
            ));
        }
    }
    // The flow in use, beside its sign-offs; not told while the roster cannot be read.
    let current = roster_usable.then(|| {
        FlowSnapshot::of(
            &roster,
            (&playbooks.playbooks, playbooks.custom),
            (&guide.guide, guide.custom),
        )
    });
    let flow = FlowDesk::open(dir, current);
    if let Some(p) = &flow.problem {
        warnings.push(fill(lang, Msg::FlowProblem, &[("why", &p.to_string())]));
    }
    let mut desk = Desk::new(
        Some((store, roster_store)),
        incidents,
        roster,
        playbooks.playbooks,
    );
    desk.guide = guide.guide;
    desk.flow = flow;
    desk.scenarios = scenarios.list.into_iter().map(|l| l.scenario).collect();
    // Closed incidents due for the archive leave the live file now; the first time, an
    // older data dir's whole history moves.
    let before = desk.incidents().incidents.len();
    let settled = desk.settle(now);
    let moved = before.saturating_sub(desk.incidents().incidents.len());
    if moved > 0 {
        let copy = crate::backups::backups_dir(dir).join(crate::archive::BEFORE_ARCHIVE);
        warnings.push(fill(
            lang,
            Msg::MsgArchived,
            &[
                ("n", &moved.to_string()),
                ("path", &archive_path(dir)),
                ("copy", &copy.display().to_string()),
            ],
        ));
    }
    warnings.extend(settled.warnings);
    Ok((desk, warnings))
}

/// What the desk says at start about the flow in use: never signed off (unless the roster is
/// still the sample, which is said already), signed too long ago, or changed since — each a
/// line, dates in the operator's zone.
pub fn flow_warnings(desk: &Desk, lang: Lang, zone: &Zone, now: DateTime<Utc>) -> Vec<String> {
    let roster = desk.roster();
    let Some(state) = desk
        .flow
        .sign_off_state(now, roster.sign_off_max_age_days())
    else {
        return Vec::new();
    };
    if roster.sample && state == SignOffState::Never {
        return Vec::new();
    }
    state.warnings(lang, zone)
}

/// Where the archive is, as the operator is told.
fn archive_path(dir: &DataDir) -> String {
    crate::archive::archive_dir(dir).display().to_string()
}

/// What to say before a start that will first move a long history into the archive
/// (seconds, once), so that a quiet terminal is not taken for a hang; None otherwise.
pub fn archiving_notice(dir: &DataDir, lang: Lang) -> Option<String> {
    crate::archive::first_move_ahead(dir)
        .then(|| fill(lang, Msg::MsgArchiving, &[("path", &archive_path(dir))]))
}
