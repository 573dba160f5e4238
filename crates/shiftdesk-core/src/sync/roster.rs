//! The roster across desks: last writer wins per contact. A desk keeps, per contact, the
//! clock (and id) of the newest change applied to it, and applies a roster event only when
//! it is newer than that for every contact it touches; an older one arriving late changes
//! nothing. Every desk holding the same events ends with the same contacts.

use super::{Event, EventChange, Hlc};
use crate::change::ChangeId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Per contact id, the (clock, id) of the newest change applied to it. Not stored: the
/// store rebuilds it from the roster's event log ([`ContactClocks::record`]) for each batch
/// of events from other desks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ContactClocks(pub BTreeMap<String, (Hlc, ChangeId)>);

impl ContactClocks {
    /// Whether the roster event is to be applied: newer than every change applied so far to
    /// the contacts it touches. If so, it is recorded as theirs. False for an incident
    /// event, an import (it never travels) and an event applied already.
    pub fn admit(&mut self, event: &Event) -> bool {
        let Some((contacts, stamp)) = touched(event) else {
            return false;
        };
        let newer = !contacts.is_empty()
            && contacts
                .iter()
                .all(|c| self.0.get(*c).is_none_or(|seen| stamp > *seen));
        if newer {
            for c in contacts {
                self.0.insert(c.to_string(), stamp);
            }
        }
        newer
    }

    /// Records a roster event already applied (one of the log's): each contact it touches
    /// keeps the newer of its stamp and the event's. Nothing for an incident event.
    pub fn record(&mut self, event: &Event) {
        let Some((contacts, stamp)) = touched(event) else {
            return;
        };
        for c in contacts {
            let seen = self.0.entry(c.to_string()).or_insert(stamp);
            *seen = (*seen).max(stamp);
        }
    }
}

/// The contacts a roster event touches and its stamp (None for an incident event).
fn touched(event: &Event) -> Option<(Vec<&str>, (Hlc, ChangeId))> {
    let EventChange::Roster(change) = &event.change else {
        return None;
    };
    Some((change.contacts(), (event.clock, event.id)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roster::Roster;
    use crate::roster::change::{ContactFields, RosterChange};
    use crate::test_fixtures::{stamped, t};

    fn edit(desk: &str, ms: i64, role: &str) -> Event {
        let change = RosterChange::Edit {
            contact: "sato".into(),
            fields: ContactFields {
                name: "佐藤 花子".into(),
                role: role.into(),
                ..ContactFields::default()
            },
        };
        let mut s = stamped(change, t("10:00"), "op");
        s.origin = desk.into();
        Event::of_roster(&s, "TYO", Hlc { ms, n: 0 }, BTreeMap::new())
    }

    #[test]
    fn the_last_writer_wins_per_contact_whatever_the_order() {
        let base: Roster = serde_json::from_value(serde_json::json!({
            "schema_version": 1,
            "contacts": [{"id": "sato", "name": "佐藤 花子"}],
            "routes": []
        }))
        .unwrap();
        let events = [edit("TYO1", 10, "課長"), edit("OSA1", 20, "部長")];
        let mut results = Vec::new();
        for order in [[0, 1], [1, 0], [1, 1]] {
            let mut roster = base.clone();
            let mut clocks = ContactClocks::default();
            for &i in &order {
                if clocks.admit(&events[i]) {
                    let EventChange::Roster(change) = &events[i].change else {
                        unreachable!()
                    };
                    crate::apply::Apply::apply(change, &mut roster).unwrap();
                }
            }
            results.push(roster.contact("sato").unwrap().role.clone());
        }
        assert_eq!(results, vec!["部長", "部長", "部長"]);
        let mut clocks = ContactClocks::default();
        assert!(clocks.admit(&events[0]));
        assert!(!clocks.admit(&events[0]), "applied already");
    }

    #[test]
    fn a_recorded_event_only_raises_the_stamp() {
        let (older, newer) = (edit("TYO1", 10, "課長"), edit("OSA1", 20, "部長"));
        let mut clocks = ContactClocks::default();
        clocks.record(&newer);
        clocks.record(&older);
        assert!(!clocks.admit(&older), "older than the log's newest");
        assert!(!clocks.admit(&newer), "in the log already");
        assert!(clocks.admit(&edit("TYO1", 30, "係長")));
    }
}
