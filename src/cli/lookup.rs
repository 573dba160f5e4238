//! Incidents for the subcommands: the live file first, then the archive, read a month at
//! a time and only the months asked for.

use anyhow::Result;
use shiftdesk_core::archive::ArchiveEntry;
use shiftdesk_core::desk::IncidentsFile;
use shiftdesk_core::i18n::{Lang, Msg, fill};
use shiftdesk_core::{Incident, IncidentId};
use shiftdesk_store::DataDir;
use shiftdesk_store::archive::{find as find_archived, read_index, read_month};
use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

/// The incident an id names, live or archived; None (after saying so on stderr) when
/// there is none. An archive that cannot be read is an error naming the file.
pub(super) fn find(
    dir: &DataDir,
    file: &IncidentsFile,
    id: &str,
    lang: Lang,
) -> Result<Option<Incident>> {
    let id: IncidentId = match id.parse() {
        Ok(id) => id,
        Err(e) => {
            eprintln!("{e}");
            return Ok(None);
        }
    };
    if let Some(live) = file.get(&id) {
        return Ok(Some(live.clone()));
    }
    let found = find_archived(dir, &id)?;
    if found.is_none() {
        eprintln!("{}", fill(lang, Msg::ErrNoSuchIncident, &[("id", &id.0)]));
    }
    Ok(found)
}

/// The archived incidents (not live) whose index entry `keep` selects, oldest month first.
/// Only the months holding one are read.
pub(super) fn archived_where(
    dir: &DataDir,
    file: &IncidentsFile,
    keep: impl Fn(&ArchiveEntry) -> bool,
) -> Result<Vec<Arc<Incident>>> {
    let mut found = Vec::new();
    each_month(dir, file, keep, false, &mut |month| {
        found.extend(month.into_iter().map(Arc::new))
    })?;
    Ok(found)
}

/// Hands the selected archived incidents to `f` a month at a time, newest month first, so
/// that only one month is in memory.
pub(super) fn for_each_month_newest_first(
    dir: &DataDir,
    file: &IncidentsFile,
    keep: impl Fn(&ArchiveEntry) -> bool,
    mut f: impl FnMut(Vec<Incident>),
) -> Result<()> {
    each_month(dir, file, keep, true, &mut f)
}

fn each_month(
    dir: &DataDir,
    file: &IncidentsFile,
    keep: impl Fn(&ArchiveEntry) -> bool,
    newest_first: bool,
    f: &mut dyn FnMut(Vec<Incident>),
) -> Result<()> {
    let index = read_index(dir)?;
    let live: HashSet<&IncidentId> = file.incidents.iter().map(|i| &i.id).collect();
    let mut months: BTreeMap<&str, HashSet<&IncidentId>> = BTreeMap::new();
    for entry in index
        .entries
        .iter()
        .filter(|e| !live.contains(&e.id) && keep(e))
    {
        months
            .entry(entry.month.as_str())
            .or_default()
            .insert(&entry.id);
    }
    let order: Vec<(&str, HashSet<&IncidentId>)> = if newest_first {
        months.into_iter().rev().collect()
    } else {
        months.into_iter().collect()
    };
    for (month, ids) in order {
        let Some(month_file) = read_month(dir, month)? else {
            continue;
        };
        let incidents: Vec<Incident> = month_file
            .incidents
            .into_iter()
            .filter(|i| ids.contains(&i.id))
            .collect();
        f(incidents);
    }
    Ok(())
}
