//! `shiftdesk doctor`: looks the data dir over and says in plain words what is wrong and
//! what to do — including how to restore a backup.

use super::Session;
use anyhow::Result;
use shiftdesk_core::desk::IncidentsFile;
use shiftdesk_core::i18n::{Lang, Msg, fill, t};
use shiftdesk_core::roster::Roster;
use shiftdesk_core::roster::check::check;
use shiftdesk_store::archive::{archive_dir, months, read_index, read_month};
use shiftdesk_store::atomic::temp_path;
use shiftdesk_store::backups::{backups_dir, copies};
use shiftdesk_store::drafts::draft_path;
use shiftdesk_store::drills::load_scenarios;
use shiftdesk_store::guide_file::load_guide;
use shiftdesk_store::json_file::{parse, read_bytes};
use shiftdesk_store::json_store::DataFile;
use shiftdesk_store::playbooks_file::load_playbooks;
use shiftdesk_store::{DataDir, FileProblem};
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::ExitCode;

/// One finding: fine, worth knowing, or needing action.
enum Finding {
    Ok(String),
    Note(String),
    Act(String),
}

fn mode(path: &Path) -> Option<u32> {
    std::fs::symlink_metadata(path)
        .ok()
        .map(|m| m.permissions().mode() & 0o777)
}

fn check_file<T: DataFile>(lang: Lang, path: &Path, out: &mut Vec<Finding>) -> Option<T> {
    let shown = path.display().to_string();
    match read_bytes(path) {
        Ok(None) => {
            out.push(Finding::Note(fill(
                lang,
                Msg::DoctorMissing,
                &[("path", &shown)],
            )));
            None
        }
        Ok(Some(bytes)) => match parse::<T>(path, &bytes, T::SCHEMA) {
            Ok(file) => {
                out.push(Finding::Ok(fill(
                    lang,
                    Msg::DoctorReadable,
                    &[("path", &shown), ("bytes", &bytes.len().to_string())],
                )));
                Some(file)
            }
            Err(p) => {
                out.push(Finding::Act(fill(
                    lang,
                    Msg::DoctorUnreadable,
                    &[("why", &p.to_string())],
                )));
                None
            }
        },
        Err(p) => {
            out.push(Finding::Act(fill(
                lang,
                Msg::DoctorUnreadable,
                &[("why", &p.to_string())],
            )));
            None
        }
    }
    .inspect(|_| permissions(lang, path, 0o600, out))
}

fn permissions(lang: Lang, path: &Path, want: u32, out: &mut Vec<Finding>) {
    if let Some(m) = mode(path)
        && m & 0o077 != 0
    {
        out.push(Finding::Act(fill(
            lang,
            Msg::DoctorPermissions,
            &[
                ("path", &path.display().to_string()),
                ("mode", &format!("{m:o}")),
                ("want", &format!("{want:o}")),
            ],
        )));
    }
}

/// The archive: its index and every month file readable.
fn archive(lang: Lang, dir: &DataDir, out: &mut Vec<Finding>) {
    let folder = archive_dir(dir);
    if !folder.is_dir() {
        return;
    }
    let unreadable = |p: FileProblem| {
        Finding::Act(fill(
            lang,
            Msg::DoctorUnreadable,
            &[("why", &p.to_string())],
        ))
    };
    let mut fine = true;
    if let Err(p) = read_index(dir) {
        out.push(unreadable(p));
        fine = false;
    }
    let months = months(dir);
    let mut n = 0;
    for month in &months {
        match read_month(dir, month) {
            Ok(file) => n += file.map_or(0, |f| f.incidents.len()),
            Err(p) => {
                out.push(unreadable(p));
                fine = false;
            }
        }
    }
    if fine {
        out.push(Finding::Ok(fill(
            lang,
            Msg::DoctorArchive,
            &[
                ("path", &folder.display().to_string()),
                ("n", &n.to_string()),
                ("months", &months.len().to_string()),
            ],
        )));
    }
}

pub fn run(ctx: &Session) -> Result<ExitCode> {
    let lang = ctx.operator.lang;
    let dir = &ctx.dir;
    let mut out: Vec<Finding> = Vec::new();
    if !dir.root().is_dir() {
        out.push(Finding::Note(fill(
            lang,
            Msg::DoctorNoDir,
            &[("path", &dir.root().display().to_string())],
        )));
    } else {
        out.push(Finding::Ok(fill(
            lang,
            Msg::DoctorDir,
            &[("path", &dir.root().display().to_string())],
        )));
        permissions(lang, dir.root(), 0o700, &mut out);
        let incidents = check_file::<IncidentsFile>(lang, &dir.incidents(), &mut out);
        if let Some(f) = &incidents {
            out.push(Finding::Ok(fill(
                lang,
                Msg::DoctorIncidents,
                &[
                    ("n", &f.incidents.len().to_string()),
                    (
                        "open",
                        &f.incidents
                            .iter()
                            .filter(|i| i.is_open())
                            .count()
                            .to_string(),
                    ),
                    ("revision", &f.revision.to_string()),
                ],
            )));
        }
        if let Some(roster) = check_file::<Roster>(lang, &dir.roster(), &mut out) {
            let errors = check(&roster).iter().filter(|p| p.is_error()).count();
            if errors > 0 {
                out.push(Finding::Act(fill(
                    lang,
                    Msg::MsgRosterErrors,
                    &[("n", &errors.to_string())],
                )));
            }
            if roster.sample {
                out.push(Finding::Act(t(lang, Msg::MsgSampleRoster).to_string()));
            }
        }
        let playbooks = load_playbooks(dir);
        match (&playbooks.problem, playbooks.custom) {
            (Some(p), _) => out.push(Finding::Act(fill(
                lang,
                Msg::MsgPlaybooksProblem,
                &[("why", &p.to_string())],
            ))),
            (None, true) => out.push(Finding::Ok(t(lang, Msg::DoctorOwnPlaybooks).to_string())),
            (None, false) => {}
        }
        guide(lang, dir, &playbooks.playbooks, &mut out);
        flow(ctx, &mut out);
        if let Some((linked, lines)) = super::sync::doctor_lines(ctx) {
            // The head says linked or not; the sites, the unsent and the last event follow.
            for (i, line) in lines.into_iter().enumerate() {
                out.push(match (i, linked) {
                    (0, false) => Finding::Act(line),
                    (_, false) => Finding::Note(line),
                    _ => Finding::Ok(line),
                });
            }
        }
        for p in load_scenarios(dir).problems {
            out.push(Finding::Act(fill(
                lang,
                Msg::MsgScenarioProblem,
                &[("why", &p.to_string())],
            )));
        }
        for file in [dir.incidents(), dir.roster(), dir.flow()] {
            let tmp = temp_path(&file);
            if std::fs::symlink_metadata(&tmp).is_ok() {
                out.push(Finding::Note(fill(
                    lang,
                    Msg::DoctorLeftover,
                    &[("path", &tmp.display().to_string())],
                )));
            }
        }
        archive(lang, dir, &mut out);
        lock(lang, dir, &mut out);
        backups(lang, dir, &mut out);
        if draft_path(dir).exists() {
            out.push(Finding::Note(t(lang, Msg::DoctorDraft).to_string()));
        }
    }
    let mut stdout = std::io::stdout().lock();
    let mut act = 0;
    for f in &out {
        let (mark, text) = match f {
            Finding::Ok(t) => ("ok  ", t),
            Finding::Note(t) => ("note", t),
            Finding::Act(t) => {
                act += 1;
                ("ACT ", t)
            }
        };
        writeln!(stdout, "{mark} {}", shiftdesk_core::text::safe_line(text))?;
    }
    let summary = if act == 0 {
        t(lang, Msg::DoctorAllWell).to_string()
    } else {
        fill(lang, Msg::DoctorToDo, &[("n", &act.to_string())])
    };
    writeln!(stdout, "{summary}")?;
    Ok(if act == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn lock(lang: Lang, dir: &shiftdesk_store::DataDir, out: &mut Vec<Finding>) {
    let Ok(file) = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(dir.lock())
    else {
        return;
    };
    match file.try_lock() {
        Ok(()) => {
            let _ = file.unlock();
            out.push(Finding::Ok(t(lang, Msg::DoctorLockFree).to_string()));
        }
        Err(_) => out.push(Finding::Note(t(lang, Msg::DoctorLockHeld).to_string())),
    }
}

fn backups(lang: Lang, dir: &shiftdesk_store::DataDir, out: &mut Vec<Finding>) {
    let folder = backups_dir(dir);
    for file in [dir.incidents(), dir.roster()] {
        let found = copies(dir, &file);
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match found.last() {
            None => out.push(Finding::Note(fill(
                lang,
                Msg::DoctorNoBackups,
                &[("file", &name)],
            ))),
            Some(newest) => out.push(Finding::Ok(fill(
                lang,
                Msg::DoctorBackups,
                &[
                    ("file", &name),
                    ("n", &found.len().to_string()),
                    ("newest", &newest.display().to_string()),
                ],
            ))),
        }
    }
    out.push(Finding::Note(fill(
        lang,
        Msg::DoctorRestore,
        &[
            ("backups", &folder.display().to_string()),
            ("file", &dir.incidents().display().to_string()),
        ],
    )));
}

/// flow.json reads, and the flow in use is signed off, recently, as it is now.
fn flow(ctx: &Session, out: &mut Vec<Finding>) {
    let path = ctx.dir.flow();
    let lang = ctx.operator.lang;
    let readable = if path.exists() {
        check_file::<shiftdesk_core::flow::FlowFile>(lang, &path, out).is_some()
    } else {
        true
    };
    if readable {
        for (warning, _) in super::flow::flow_findings(ctx, &ctx.operator.zone) {
            out.push(Finding::Act(warning));
        }
    }
}

/// The team's guide.json, where there is one: it reads (else the bundled guide is shown), and
/// what it forwards to and names exists.
fn guide(
    lang: Lang,
    dir: &DataDir,
    playbooks: &shiftdesk_core::playbook::Playbooks,
    out: &mut Vec<Finding>,
) {
    let load = load_guide(dir);
    if let Some(p) = &load.problem {
        out.push(Finding::Act(fill(
            lang,
            Msg::MsgGuideProblem,
            &[("why", &p.to_string())],
        )));
        return;
    }
    if !load.custom {
        return;
    }
    let roster = match shiftdesk_store::roster_file::load_roster(dir) {
        shiftdesk_store::roster_file::RosterLoad::Loaded(r) => r,
        _ => Roster::default(),
    };
    let problems =
        shiftdesk_core::guide::check(&load.guide, &roster, |c, k| playbooks.has_kind(c, k));
    if problems.is_empty() {
        out.push(Finding::Ok(t(lang, Msg::DoctorOwnGuide).to_string()));
    } else {
        out.push(Finding::Act(fill(
            lang,
            Msg::MsgGuideErrors,
            &[("n", &problems.len().to_string())],
        )));
    }
}
