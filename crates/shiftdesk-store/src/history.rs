//! The archive as the desk browses it: read when the closed list is shown and let go when
//! it is not. The list comes from the index; an incident's month is read when it is looked
//! at, one month at a time.

use crate::DataDir;
use crate::archive::{index_path, read_index, read_month};
use shiftdesk_core::archive::{ArchiveEntry, ArchiveIndex, MonthFile};
use shiftdesk_core::clock::Zone;
use shiftdesk_core::history::HistoryFilter;
use shiftdesk_core::incident::{Incident, IncidentId};
use std::collections::{HashMap, HashSet};
use std::time::SystemTime;

pub struct History {
    /// Archived incidents, most recently closed first.
    entries: Vec<ArchiveEntry>,
    by_id: HashMap<IncidentId, usize>,
    /// The entries the filter keeps that are not live, in order.
    rows: Vec<usize>,
    /// The month of the archived incident looked at last.
    month: Option<MonthFile>,
    /// Why the archive cannot be shown, when it cannot.
    pub problem: Option<String>,
    /// What `rows` was made for: the filter, and the live ids.
    made_for: Option<(HistoryFilter, u64)>,
    index_seen: Option<(SystemTime, u64)>,
}

fn index_stamp(dir: &DataDir) -> Option<(SystemTime, u64)> {
    let m = std::fs::metadata(index_path(dir)).ok()?;
    Some((m.modified().ok()?, m.len()))
}

impl History {
    /// Reads the index of `dir`'s archive.
    pub fn load(dir: &DataDir) -> History {
        let index_seen = index_stamp(dir);
        let (index, problem) = match read_index(dir) {
            Ok(index) => (index, None),
            Err(p) => (ArchiveIndex::default(), Some(p.to_string())),
        };
        let mut entries = index.entries;
        entries.sort_by(|a, b| b.closed_at.cmp(&a.closed_at).then(b.id.cmp(&a.id)));
        let by_id = entries
            .iter()
            .enumerate()
            .map(|(n, e)| (e.id.clone(), n))
            .collect();
        History {
            entries,
            by_id,
            rows: Vec::new(),
            month: None,
            problem,
            made_for: None,
            index_seen,
        }
    }

    /// An empty history, for a desk without a data dir.
    pub fn empty() -> History {
        History {
            entries: Vec::new(),
            by_id: HashMap::new(),
            rows: Vec::new(),
            month: None,
            problem: None,
            made_for: None,
            index_seen: None,
        }
    }

    /// Whether the index on disk changed since it was read.
    pub fn is_stale(&self, dir: &DataDir) -> bool {
        index_stamp(dir) != self.index_seen
    }

    /// The rows the filter keeps, not counting live incidents; worked out again only when
    /// the filter or the live incidents changed. `live_key` tells the latter.
    pub fn refresh(
        &mut self,
        dir: Option<&DataDir>,
        filter: &HistoryFilter,
        zone: &Zone,
        live: &HashSet<&IncidentId>,
        live_key: u64,
    ) {
        if self
            .made_for
            .as_ref()
            .is_some_and(|(f, k)| f == filter && *k == live_key)
        {
            return;
        }
        let mut rows: Vec<usize> = (0..self.entries.len())
            .filter(|&n| {
                let e = &self.entries[n];
                !live.contains(&e.id)
                    && filter.matches_fields(e.category, e.severity, e.detected_at, zone)
            })
            .collect();
        if filter.has_words()
            && let Some(dir) = dir
        {
            rows = self.with_words(dir, filter, rows);
        }
        self.rows = rows;
        self.made_for = Some((filter.clone(), live_key));
    }

    /// Keeps the rows whose incident has the filter's words, reading each month once.
    fn with_words(
        &mut self,
        dir: &DataDir,
        filter: &HistoryFilter,
        rows: Vec<usize>,
    ) -> Vec<usize> {
        let mut months: Vec<&str> = rows
            .iter()
            .map(|&n| self.entries[n].month.as_str())
            .collect();
        months.sort_unstable();
        months.dedup();
        let mut hits: HashSet<IncidentId> = HashSet::new();
        for month in months {
            match read_month(dir, month) {
                Ok(Some(file)) => hits.extend(
                    file.incidents
                        .into_iter()
                        .filter(|i| filter.matches_words(i))
                        .map(|i| i.id),
                ),
                Ok(None) => {}
                Err(p) => self.problem = Some(p.to_string()),
            }
        }
        rows.into_iter()
            .filter(|&n| hits.contains(&self.entries[n].id))
            .collect()
    }

    /// The archived rows shown, in order.
    pub fn rows(&self) -> impl ExactSizeIterator<Item = &ArchiveEntry> + '_ {
        self.rows.iter().map(|&n| &self.entries[n])
    }

    pub fn entry(&self, id: &IncidentId) -> Option<&ArchiveEntry> {
        self.by_id.get(id).map(|&n| &self.entries[n])
    }

    /// Reads the month holding `id`, unless it is the one in memory.
    pub fn look_at(&mut self, dir: &DataDir, id: &IncidentId) {
        let Some(month) = self.entry(id).map(|e| e.month.clone()) else {
            return;
        };
        if self.month.as_ref().is_some_and(|m| m.month == month) {
            return;
        }
        match read_month(dir, &month) {
            Ok(file) => self.month = file,
            Err(p) => self.problem = Some(p.to_string()),
        }
    }

    /// The whole archived incident, when its month is in memory.
    pub fn incident(&self, id: &IncidentId) -> Option<&Incident> {
        self.month.as_ref()?.incidents.iter().find(|i| &i.id == id)
    }
}
