//! The archive: closed incidents that no longer need the desk, kept by the month they were
//! closed, apart from the live file, so that a change costs what the open work costs and
//! not what years of history cost.
//!
//! An incident leaves the live file a day after it was closed, unless a measure against
//! recurrence is still open (those stay, for the follow-ups). Reopening or reviewing an
//! archived incident brings it back to the live file first; the live copy always wins.

use crate::category::Category;
use crate::desk::IncidentsFile;
use crate::incident::{Incident, IncidentId};
use crate::severity::Severity;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::HashMap;

pub const ARCHIVE_SCHEMA_VERSION: u32 = 1;

/// How long a closed incident stays in the live file.
pub const KEEP_LIVE_HOURS: i64 = 24;

/// Whether a closed incident can leave the live file at `now`.
pub fn archivable(incident: &Incident, now: DateTime<Utc>) -> bool {
    let Some(closed) = incident.closed_at else {
        return false;
    };
    !incident.is_open()
        && closed + Duration::hours(KEEP_LIVE_HOURS) <= now
        && incident
            .review
            .as_ref()
            .is_none_or(|r| r.open_measures().next().is_none())
}

/// The archive month of a closed incident: `2026-11`, by its closing time in UTC.
pub fn month_of(incident: &Incident) -> String {
    incident
        .closed_at
        .unwrap_or(incident.detected_at)
        .format("%Y-%m")
        .to_string()
}

/// Whether `name` is an archive month as [`month_of`] writes it.
pub fn is_month(name: &str) -> bool {
    let b = name.as_bytes();
    b.len() == 7
        && b[4] == b'-'
        && b[..4].iter().chain(&b[5..]).all(u8::is_ascii_digit)
        && matches!(
            &name[5..],
            "01" | "02" | "03" | "04" | "05" | "06" | "07" | "08" | "09" | "10" | "11" | "12"
        )
}

/// One month of archived incidents: `archive/2026-11.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonthFile {
    pub schema_version: u32,
    pub month: String,
    pub incidents: Vec<Incident>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl MonthFile {
    pub fn new(month: &str) -> MonthFile {
        MonthFile {
            schema_version: ARCHIVE_SCHEMA_VERSION,
            month: month.to_string(),
            incidents: Vec::new(),
            extra: Map::new(),
        }
    }

    /// Puts `incident` in, in place of an earlier copy with its id.
    pub fn put(&mut self, incident: Incident) {
        match self.incidents.iter_mut().find(|i| i.id == incident.id) {
            Some(old) => *old = incident,
            None => self.incidents.push(incident),
        }
    }

    /// Takes out the copy of `id`; whether there was one.
    pub fn remove(&mut self, id: &IncidentId) -> bool {
        let before = self.incidents.len();
        self.incidents.retain(|i| &i.id != id);
        self.incidents.len() != before
    }
}

/// What the history list shows of an archived incident, without reading its month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArchiveEntry {
    pub id: IncidentId,
    pub title: String,
    pub category: Category,
    pub severity: Severity,
    pub detected_at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub drill: bool,
    /// The month file that holds it.
    pub month: String,
}

impl ArchiveEntry {
    pub fn of(incident: &Incident) -> ArchiveEntry {
        ArchiveEntry {
            id: incident.id.clone(),
            title: incident.title.clone(),
            category: incident.category,
            severity: incident.severity,
            detected_at: incident.detected_at,
            closed_at: incident.closed_at,
            drill: incident.drill,
            month: month_of(incident),
        }
    }
}

/// `archive/index.json`: every archived incident and its month. It can always be made
/// again from the month files, which are the record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArchiveIndex {
    pub schema_version: u32,
    pub entries: Vec<ArchiveEntry>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Default for ArchiveIndex {
    fn default() -> Self {
        ArchiveIndex {
            schema_version: ARCHIVE_SCHEMA_VERSION,
            entries: Vec::new(),
            extra: Map::new(),
        }
    }
}

impl ArchiveIndex {
    /// The index of what `months` hold; where two months hold one id, the later wins.
    pub fn of_months<'a>(months: impl IntoIterator<Item = &'a MonthFile>) -> ArchiveIndex {
        let mut index = ArchiveIndex::default();
        for month in months {
            for incident in &month.incidents {
                let mut entry = ArchiveEntry::of(incident);
                entry.month = month.month.clone();
                index.put(entry);
            }
        }
        index
    }

    /// Where each archived id is: its month.
    pub fn months_by_id(&self) -> HashMap<&IncidentId, &str> {
        self.entries
            .iter()
            .map(|e| (&e.id, e.month.as_str()))
            .collect()
    }

    pub fn get(&self, id: &IncidentId) -> Option<&ArchiveEntry> {
        self.entries.iter().find(|e| &e.id == id)
    }

    /// Records `entry`, in place of an earlier one for its id.
    pub fn put(&mut self, entry: ArchiveEntry) {
        match self.entries.iter_mut().find(|e| e.id == entry.id) {
            Some(old) => *old = entry,
            None => self.entries.push(entry),
        }
    }

    /// The highest incident number archived.
    pub fn highest_number(&self) -> u32 {
        self.entries
            .iter()
            .filter_map(|e| e.id.number())
            .max()
            .unwrap_or(0)
    }
}

/// The incidents of `file` that can leave it at `now`, grouped by month (oldest first).
pub fn due_by_month(file: &IncidentsFile, now: DateTime<Utc>) -> Vec<(String, Vec<&Incident>)> {
    let mut months: Vec<(String, Vec<&Incident>)> = Vec::new();
    for incident in file.incidents.iter().filter(|i| archivable(i, now)) {
        let month = month_of(incident);
        match months.iter_mut().find(|(m, _)| *m == month) {
            Some((_, list)) => list.push(incident),
            None => months.push((month, vec![incident])),
        }
    }
    months.sort_by(|a, b| a.0.cmp(&b.0));
    months
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::Stamp;
    use crate::incident::Status;
    use crate::record::{Measure, Review};
    use crate::test_fixtures::{incident_at, t};

    fn closed(n: u32, at: DateTime<Utc>) -> Incident {
        let mut i = incident_at("09:00");
        i.id = IncidentId::from_number(n);
        i.detected_at = at - Duration::hours(2);
        i.status = Status::Closed;
        i.closed_at = Some(at);
        i
    }

    fn review(open: bool) -> Review {
        Review {
            what_happened: String::new(),
            cause: String::new(),
            went_well: String::new(),
            went_badly: String::new(),
            measures: vec![Measure {
                id: 1,
                text: "patch".into(),
                owner: "ops".into(),
                due: None,
                done: (!open).then(|| Stamp {
                    at: t("10:00"),
                    by: "op".into(),
                }),
                check: None,
                extra: Map::new(),
            }],
            shared_with: String::new(),
            extra: Map::new(),
        }
    }

    #[test]
    fn a_closed_incident_leaves_a_day_after_closing_unless_a_measure_is_open() {
        let now = t("10:00");
        let a_day_ago = now - Duration::hours(KEEP_LIVE_HOURS);
        assert!(archivable(&closed(1, a_day_ago), now));
        assert!(!archivable(
            &closed(1, a_day_ago + Duration::minutes(1)),
            now
        ));
        assert!(!archivable(&incident_at("01:00"), now), "open stays");
        let mut with_open = closed(2, a_day_ago - Duration::days(30));
        with_open.review = Some(review(true));
        assert!(
            !archivable(&with_open, now),
            "an open measure keeps it live"
        );
        with_open.review = Some(review(false));
        assert!(archivable(&with_open, now));
    }

    #[test]
    fn months_by_closing_time_in_utc() {
        let i = closed(1, "2026-10-31T23:30:00Z".parse().unwrap());
        assert_eq!(month_of(&i), "2026-10");
        assert!(is_month("2026-10"));
        for bad in [
            "2026-13",
            "2026-1",
            "26-10-01",
            "index",
            "2026_10",
            "２０２６-10",
        ] {
            assert!(!is_month(bad), "{bad}");
        }
    }

    #[test]
    fn due_incidents_grouped_by_month_oldest_first() {
        let mut file = IncidentsFile::default();
        file.incidents
            .push(closed(1, "2026-11-02T00:00:00Z".parse().unwrap()).into());
        file.incidents
            .push(closed(2, "2026-09-02T00:00:00Z".parse().unwrap()).into());
        file.incidents
            .push(closed(3, "2026-11-20T00:00:00Z".parse().unwrap()).into());
        file.incidents.push(incident_at("08:00").into());
        let due = due_by_month(&file, t("10:00"));
        let shape: Vec<(String, Vec<u32>)> = due
            .iter()
            .map(|(m, l)| {
                (
                    m.clone(),
                    l.iter().map(|i| i.id.number().unwrap()).collect(),
                )
            })
            .collect();
        assert_eq!(
            shape,
            vec![("2026-09".into(), vec![2]), ("2026-11".into(), vec![1, 3])]
        );
    }

    #[test]
    fn the_index_is_made_again_from_the_months_the_later_copy_winning() {
        let mut oct = MonthFile::new("2026-10");
        oct.put(closed(1, "2026-10-05T00:00:00Z".parse().unwrap()));
        oct.put(closed(2, "2026-10-06T00:00:00Z".parse().unwrap()));
        let mut nov = MonthFile::new("2026-11");
        // Reopened and closed again in November; October's copy is stale.
        nov.put(closed(2, "2026-11-06T00:00:00Z".parse().unwrap()));
        let index = ArchiveIndex::of_months([&oct, &nov]);
        let months = index.months_by_id();
        assert_eq!(months[&IncidentId::from_number(1)], "2026-10");
        assert_eq!(months[&IncidentId::from_number(2)], "2026-11");
        assert_eq!(index.entries.len(), 2);
        assert_eq!(index.highest_number(), 2);
        oct.put(closed(1, "2026-10-07T00:00:00Z".parse().unwrap()));
        assert_eq!(oct.incidents.len(), 2, "put replaces by id");
        assert!(oct.remove(&IncidentId::from_number(2)));
        assert!(!oct.remove(&IncidentId::from_number(2)));
    }
}
