//! Hidden subcommands the reliability tests drive: a writer that acknowledges each saved
//! change on stdout, and a process that holds the lock. Not for people.

use super::Session;
use anyhow::{Result, bail};
use chrono::Utc;
use clap::Args;
use shiftdesk_core::Category;
use shiftdesk_core::IncidentId;
use shiftdesk_core::change::{Applied, Change, NewIncident, Stamped};
use shiftdesk_core::checklist::checklist_from;
use shiftdesk_store::IncidentsStore;
use shiftdesk_store::desk::Desk;
use shiftdesk_store::ledger::Submitted;
use shiftdesk_store::lock::LockGuard;
use shiftdesk_store::playbooks_file::bundled_playbooks;
use shiftdesk_store::roster_file::{RosterLoad, open_roster};
use std::io::Write;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct WriterArgs {
    /// How many notes to save after opening an incident of its own
    #[arg(long, default_value_t = 1000)]
    pub count: usize,
    /// A tag to tell writers apart
    #[arg(long, default_value = "w")]
    pub tag: String,
}

/// Opens an incident, then saves notes one by one; after each save that returned, prints
/// `ack <incident> <text>`.
pub fn writer(args: WriterArgs, ctx: &Session) -> Result<ExitCode> {
    ctx.dir.create()?;
    let (store, incidents) = IncidentsStore::open(&ctx.dir);
    store.clear_leftovers()?;
    let (roster_store, roster) = open_roster(&ctx.dir);
    let roster = match roster {
        RosterLoad::Loaded(r) | RosterLoad::Seeded(r) => r,
        RosterLoad::Problem(p) => bail!("{p}"),
    };
    let playbooks = bundled_playbooks();
    let mut desk = Desk::new(
        Some((store, roster_store)),
        incidents?,
        roster,
        playbooks.clone(),
    );
    let mut out = std::io::stdout().lock();
    let save = |desk: &mut Desk, change: Change| -> Result<Applied> {
        match desk
            .submit(Stamped::new(change, Utc::now(), &ctx.operator.name))
            .0
        {
            Ok(Submitted::Saved(a)) => Ok(a),
            Ok(Submitted::Kept(_)) => bail!("not saved: {:?}", desk.save_state()),
            Err(e) => bail!("refused: {e:?}"),
        }
    };
    let book = playbooks
        .for_category(Category::Other)
        .map(checklist_from)
        .unwrap_or_default();
    let open = Change::Open(Box::new(NewIncident {
        title: format!("writer {}", args.tag),
        category: Category::Other,
        severity: shiftdesk_core::Severity::MINOR,
        detected_at: Utc::now(),
        description: String::new(),
        drill: false,
        checklist: book,
        route: None,
        drill_run: None,
    }));
    let Applied::Opened(id) = save(&mut desk, open)? else {
        bail!("no incident opened");
    };
    writeln!(out, "open {id}")?;
    out.flush()?;
    for n in 0..args.count {
        let text = format!("{}-{n}", args.tag);
        let note = Change::Note {
            incident: IncidentId(id.0.clone()),
            text: text.clone(),
        };
        save(&mut desk, note)?;
        writeln!(out, "ack {id} {text}")?;
        out.flush()?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Takes the lock, says `locked`, and holds it until killed.
pub fn hold_lock(ctx: &Session) -> Result<ExitCode> {
    ctx.dir.create()?;
    let _guard = LockGuard::acquire(&ctx.dir.lock())?;
    println!("locked");
    std::io::stdout().flush()?;
    loop {
        std::thread::sleep(std::time::Duration::from_secs(3600));
    }
}
