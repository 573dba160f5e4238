//! Hidden subcommands the reliability tests drive: a writer that acknowledges each saved
//! change on stdout, and a process that holds the lock. Not for people.

use super::Session;
use anyhow::{Result, bail};
use chrono::Utc;
use clap::Args;
use shiftdesk_core::Category;
use shiftdesk_core::IncidentId;
use shiftdesk_core::change::{Applied, Change, NewIncident, Reported};
use shiftdesk_core::roster::Roster;
use shiftdesk_store::IncidentsStore;
use shiftdesk_store::desk::Desk;
use shiftdesk_store::lock::LockGuard;
use shiftdesk_store::outcome::Saved;
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
    desk.set_origin(&ctx.origin);
    let save = |desk: &mut Desk, change: Change| -> Result<Applied> {
        let outcome = desk.submit(desk.stamp(change, Utc::now(), &ctx.operator.name));
        match (outcome.result, outcome.saved) {
            (Ok(a), Saved::Saved) => Ok(a),
            (Ok(_), Saved::Kept { why }) => bail!("not saved: {why}"),
            (Err(e), _) => bail!("refused: {e:?}"),
        }
    };
    let reported = Reported {
        title: format!("writer {}", args.tag),
        category: Category::Other,
        kind: None,
        severity: shiftdesk_core::Severity::MINOR,
        detected_at: Utc::now(),
        description: String::new(),
    };
    // The writer's incidents have no route: it is given no roster's.
    let book = playbooks
        .for_category(Category::Other)
        .cloned()
        .unwrap_or_default();
    let open = Change::Open(Box::new(NewIncident::new(
        reported,
        &book,
        &Roster::default(),
    )));
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
