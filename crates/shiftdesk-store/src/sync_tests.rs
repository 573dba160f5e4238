//! Two data dirs sharing a board by hand: the event lines one desk makes, read by the other.

use crate::config::SyncSettings;
use crate::open::open_desk;
use crate::outbox::outbox_path;
use crate::{DataDir, Desk};
use shiftdesk_core::change::{Applied, Change, Stamped};
use shiftdesk_core::i18n::Lang;
use shiftdesk_core::incident::{Incident, IncidentId};
use shiftdesk_core::roster::change::{ContactFields, RosterChange};
use shiftdesk_core::sync::Event;
use shiftdesk_core::test_fixtures::{incident_at, opening_like, stamped, t};
use std::collections::BTreeMap;

fn settings(site: &str, desk: &str) -> SyncSettings {
    SyncSettings {
        url: "nats://127.0.0.1:4222".into(),
        site: site.into(),
        desk: desk.into(),
        sites: vec!["TYO".into(), "OSA".into()],
    }
}

struct Side {
    _tmp: tempfile::TempDir,
    dir: DataDir,
    desk: Desk,
    code: &'static str,
}

fn side(site: &str, code: &'static str) -> Side {
    side_after(site, code, |_| {})
}

/// A side whose desk did `before` on its own, then joined the board.
fn side_after(site: &str, code: &'static str, before: impl FnOnce(&mut Desk)) -> Side {
    let tmp = tempfile::tempdir().unwrap();
    let dir = DataDir::at(tmp.path());
    let (mut desk, _) = open_desk(&dir, Lang::En, t("09:00")).unwrap();
    before(&mut desk);
    desk.enable_sync(&settings(site, code)).unwrap();
    Side {
        _tmp: tmp,
        dir,
        desk,
        code,
    }
}

impl Side {
    fn reopen(&mut self, site: &str) -> Vec<String> {
        let (mut desk, _) = open_desk(&self.dir, Lang::En, t("09:00")).unwrap();
        let warnings = desk.enable_sync(&settings(site, self.code)).unwrap();
        self.desk = desk;
        warnings
    }

    fn stamp(&self, change: Change, at: &str) -> Stamped {
        let mut s = stamped(change, t(at), "op");
        s.origin = self.code.to_string();
        s
    }

    fn open(&mut self, at: &str) -> IncidentId {
        let change = self.stamp(opening_like(&incident_at(at)), at);
        match self.desk.submit(change).result {
            Ok(Applied::Opened(id)) => id,
            other => panic!("{other:?}"),
        }
    }

    fn note(&mut self, id: &IncidentId, text: &str, at: &str) {
        let change = self.stamp(
            Change::Note {
                incident: id.clone(),
                text: text.into(),
            },
            at,
        );
        self.desk.submit(change).result.unwrap();
    }

    fn sent(&mut self) -> Vec<Event> {
        self.desk
            .take_unpublished()
            .iter()
            .map(|(_, line)| Event::from_line(line).unwrap())
            .collect()
    }

    fn take(&mut self, events: Vec<Event>) -> crate::RemoteOutcome {
        self.desk.apply_remote(events, BTreeMap::new()).unwrap()
    }

    fn board(&self) -> Vec<Incident> {
        let mut all: Vec<Incident> = self
            .desk
            .incidents()
            .incidents
            .iter()
            .map(|i| (**i).clone())
            .collect();
        all.sort_by(|a, b| a.id.cmp(&b.id));
        all
    }
}

#[test]
fn a_synced_desk_opens_under_its_own_code_and_keeps_each_event() {
    let mut a = side("TYO", "TYO1");
    let id = a.open("10:00");
    assert_eq!(id.to_string(), "INC-TYO1-0001");
    a.note(&id, "first", "10:01");
    let sent = a.sent();
    assert_eq!(sent.len(), 2);
    assert_eq!(a.desk.unsent_count(), 2);
    assert!(sent.iter().all(|e| e.desk == "TYO1" && e.site == "TYO"));
    assert!(sent[0].clock < sent[1].clock);
    assert_eq!(a.desk.take_unpublished(), Vec::new(), "taken once");
    let log = a.dir.root().join("events").join("INC-TYO1-0001.jsonl");
    assert_eq!(std::fs::read_to_string(log).unwrap().lines().count(), 2);
    // Its own events coming back change nothing.
    let back = a.take(sent);
    assert_eq!((back.applied, back.duplicates), (0, 2));
}

#[test]
fn without_sync_nothing_new_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = DataDir::at(tmp.path());
    let (mut desk, _) = open_desk(&dir, Lang::En, t("09:00")).unwrap();
    let change = stamped(opening_like(&incident_at("10:00")), t("10:00"), "op");
    let opened = desk.submit(change).result.unwrap();
    assert_eq!(format!("{opened:?}"), "Opened(IncidentId(\"INC-0001\"))");
    assert!(!outbox_path(&dir).exists());
    assert!(!dir.root().join("events").exists());
    assert!(!dir.root().join("sync-state.json").exists());
    assert_eq!(desk.take_unpublished(), Vec::new());
}

/// Both desks write while cut off from each other; then each takes the other's events, in
/// the order given, each twice. Both end with the same incidents.
fn exchange_after_a_cut(reverse: bool) {
    let mut a = side("TYO", "TYO1");
    let mut b = side("OSA", "OSA1");
    let shared = a.open("10:00");
    a.note(&shared, "a before", "10:01");
    let first = a.sent();
    let got = b.take(first);
    assert_eq!(got.applied, 2, "{got:?}");
    assert_eq!(a.board(), b.board());
    // Cut off.
    a.note(&shared, "a during", "10:05");
    b.note(&shared, "b during", "10:04");
    let mine = b.open("10:06");
    b.note(&mine, "b on its own", "10:07");
    a.note(&shared, "a later", "10:08");
    let mut from_a = a.sent();
    let mut from_b = b.sent();
    if reverse {
        from_a.reverse();
        from_b.reverse();
    }
    // Back: each gets the other's events, and again (a duplicate delivery).
    let got_b = b.take(from_a.clone());
    let got_a = a.take(from_b.clone());
    assert_eq!(got_b.applied, 2, "{got_b:?}");
    assert_eq!(got_a.applied, 3, "{got_a:?}");
    assert!(got_a.refused.is_empty() && got_b.refused.is_empty());
    let again_b = b.take(from_a);
    let again_a = a.take(from_b);
    assert_eq!((again_a.applied, again_a.duplicates), (0, 3));
    assert_eq!((again_b.applied, again_b.duplicates), (0, 2));
    let board_a = a.board();
    assert_eq!(board_a, b.board());
    assert_eq!(board_a.len(), 2);
    let notes = board_a[1].timeline.len();
    assert!(notes >= 5, "open + 4 notes: {notes}");
    // A change made after the exchange, on either side, goes on in step.
    b.note(&shared, "after", "10:09");
    let last = b.sent();
    a.take(last);
    assert_eq!(a.board(), b.board());
}

#[test]
fn both_sides_writing_while_apart_end_equal() {
    exchange_after_a_cut(false);
}

#[test]
fn both_sides_writing_while_apart_end_equal_in_any_order() {
    exchange_after_a_cut(true);
}

#[test]
fn an_event_before_its_open_waits_and_is_placed_when_the_open_comes() {
    let mut a = side("TYO", "TYO1");
    let mut b = side("OSA", "OSA1");
    let id = a.open("10:00");
    a.note(&id, "n", "10:01");
    let mut sent = a.sent();
    let open = sent.remove(0);
    let got = b.take(sent.clone());
    assert_eq!((got.applied, got.unplaced), (0, 1), "{got:?}");
    assert!(b.board().is_empty());
    let got = b.take(sent);
    assert_eq!(got.unplaced, 0, "already waiting: {got:?}");
    let got = b.take(vec![open]);
    assert_eq!(got.applied, 2, "{got:?}");
    assert_eq!(a.board(), b.board());
    let unplaced = std::fs::read_to_string(b.dir.root().join("events/unplaced.jsonl")).unwrap();
    assert_eq!(unplaced, "");
}

#[test]
fn checkpoints_advance_with_the_save_and_survive_a_restart() {
    let mut a = side("TYO", "TYO1");
    let mut b = side("OSA", "OSA1");
    let id = a.open("10:00");
    let sent = a.sent();
    let reached = BTreeMap::from([("TYO".to_string(), 7)]);
    b.desk.apply_remote(sent, reached).unwrap();
    assert_eq!(b.desk.checkpoints().get("TYO"), Some(&7));
    assert_eq!(b.desk.last_event_at(), Some(t("10:00")));
    // An older sequence never takes a checkpoint back.
    let back = BTreeMap::from([("TYO".to_string(), 3), ("OSA".to_string(), 2)]);
    b.desk.apply_remote(Vec::new(), back).unwrap();
    b.reopen("OSA");
    let cp = b.desk.checkpoints();
    assert_eq!((cp.get("TYO"), cp.get("OSA")), (Some(&7), Some(&2)));
    // What b makes next has seen a's event.
    b.note(&id, "seen", "10:01");
    let made = b.sent();
    assert!(
        made[0].seen.get("TYO1").is_some_and(|c| c.ms > 0),
        "{:?}",
        made[0].seen
    );
    assert_eq!(
        b.desk.sync_settings().map(|s| s.desk.as_str()),
        Some("OSA1")
    );
}

#[test]
fn a_restart_keeps_the_unsent_events_until_acknowledged() {
    let mut a = side("TYO", "TYO1");
    let id = a.open("10:00");
    a.note(&id, "one", "10:01");
    a.note(&id, "two", "10:02");
    let ids: Vec<String> = a.desk.outbox_events().into_iter().map(|(i, _)| i).collect();
    assert_eq!(ids.len(), 3);
    a.desk.sync_acked(&ids[..1]).unwrap();
    assert!(a.reopen("TYO").is_empty());
    let left: Vec<String> = a.desk.outbox_events().into_iter().map(|(i, _)| i).collect();
    assert_eq!(left, ids[1..].to_vec());
    assert_eq!(a.desk.unsent_count(), 2);
    // A crash lost the event log (appended without a sync): the outbox puts back what it has.
    let log = a.dir.root().join("events").join(format!("{id}.jsonl"));
    std::fs::remove_file(&log).unwrap();
    a.reopen("TYO");
    assert_eq!(std::fs::read_to_string(&log).unwrap().lines().count(), 2);
    // The clock goes on after the restart.
    a.note(&id, "three", "10:00");
    let after = a.sent();
    let before = Event::from_line(&a.desk.outbox_events()[1].1).unwrap();
    assert!(after[0].clock > before.clock);
    a.desk.sync_acked(&ids).unwrap();
    assert_eq!(a.desk.unsent_count(), 1);
}

#[test]
fn a_torn_outbox_line_is_dropped_with_a_warning() {
    let mut a = side("TYO", "TYO1");
    let id = a.open("10:00");
    a.note(&id, "kept", "10:01");
    let path = outbox_path(&a.dir);
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("{\"v\":1,\"id\":\"0190");
    std::fs::write(&path, text).unwrap();
    let warnings = a.reopen("TYO");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(a.desk.unsent_count(), 2);
    a.note(&id, "next", "10:02");
    assert_eq!(a.desk.unsent_count(), 3);
    let again = a.reopen("TYO");
    assert!(again.is_empty(), "{again:?}");
    assert_eq!(a.desk.unsent_count(), 3);
}

#[test]
fn the_roster_takes_the_last_writer_per_contact() {
    let mut a = side("TYO", "TYO1");
    let mut b = side("OSA", "OSA1");
    let fields = |name: &str| ContactFields {
        name: name.into(),
        ..Default::default()
    };
    let add = RosterChange::add(a.desk.roster(), fields("Sato"));
    let RosterChange::Add { contact, .. } = &add else {
        panic!()
    };
    let contact = contact.clone();
    let mut s = stamped(add, t("10:00"), "op");
    s.origin = "TYO1".into();
    a.desk.submit_roster(s).result.unwrap();
    let sent = a.sent();
    b.take(sent);
    assert!(b.desk.roster().contact(&contact).is_some());
    // Both edit the same contact while apart: the later wins on both.
    let edit = |side: &mut Side, name: &str, at: &str| {
        let mut s = stamped(
            RosterChange::Edit {
                contact: contact.clone(),
                fields: fields(name),
            },
            t(at),
            "op",
        );
        s.origin = side.code.into();
        side.desk.submit_roster(s).result.unwrap();
        side.sent()
    };
    let from_a = edit(&mut a, "Sato A", "10:05");
    let from_b = edit(&mut b, "Sato B", "10:03");
    a.take(from_b);
    b.take(from_a);
    let name = |side: &Side| side.desk.roster().contact(&contact).unwrap().name.clone();
    assert_eq!(name(&a), "Sato A");
    assert_eq!(name(&b), "Sato A");
}

#[test]
fn a_close_and_a_note_made_apart_are_both_kept_on_both_desks() {
    let mut a = side("TYO", "TYO1");
    let mut b = side("OSA", "OSA1");
    let id = a.open("10:00");
    let first = a.sent();
    b.take(first);
    // Apart: a closes it, b adds a note after a's close.
    let close = a.stamp(
        Change::CloseWithoutReview {
            incident: id.clone(),
            reason: "false alarm".into(),
        },
        "10:05",
    );
    a.desk.submit(close).result.unwrap();
    b.note(&id, "still ringing here", "10:06");
    let from_a = a.sent();
    let from_b = b.sent();
    let got_a = a.take(from_b);
    let got_b = b.take(from_a);
    assert!(got_a.refused.is_empty() && got_b.refused.is_empty());
    assert_eq!(a.board(), b.board());
    let board = a.board();
    let note = board[0]
        .timeline
        .iter()
        .find(|e| e.text.contains("still ringing"))
        .expect("the note is kept");
    assert_eq!(
        note.merge,
        Some(shiftdesk_core::timeline::MergeMark::AfterClose)
    );
}

#[test]
fn an_older_id_another_desk_also_has_is_never_changed_by_that_desk() {
    // Each desk recorded its own INC-0001 before it joined the board.
    let before_sync = |site: &str, code: &'static str, title: &str| {
        let mut id = None;
        let side = side_after(site, code, |desk| {
            let mut inc = incident_at("08:00");
            inc.title = title.into();
            match desk
                .submit(stamped(opening_like(&inc), t("08:00"), "op"))
                .result
            {
                Ok(Applied::Opened(opened)) => id = Some(opened),
                other => panic!("{other:?}"),
            }
        });
        let id = id.expect("opened");
        assert_eq!(id.0, "INC-0001");
        (side, id)
    };
    let (mut tyo, id) = before_sync("TYO", "TYO1", "printer jam at TYO");
    let (mut osa, _) = before_sync("OSA", "OSA1", "badge lost at OSA");
    tyo.note(&id, "about the printer", "09:10");
    let before = osa.board();
    let outcome = osa.take(tyo.sent());
    assert_eq!(outcome.applied, 0);
    assert_eq!(outcome.unplaced, 1, "kept aside, not lost");
    assert_eq!(osa.board(), before, "OSA's own INC-0001 untouched");
}

#[test]
fn two_desks_on_one_data_dir_opening_at_once_keep_both_incidents() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = DataDir::at(tmp.path());
    let desk = || {
        let (mut desk, _) = open_desk(&dir, Lang::En, t("09:00")).unwrap();
        desk.enable_sync(&settings("TYO", "TYO1")).unwrap();
        desk
    };
    let (mut one, mut two) = (desk(), desk());
    let opened = |desk: &mut Desk, at: &str| {
        let mut s = stamped(opening_like(&incident_at(at)), t(at), "op");
        s.origin = "TYO1".into();
        let outcome = desk.submit(s);
        assert!(outcome.result.is_ok(), "{:?}", outcome.result);
    };
    opened(&mut one, "09:01");
    // `two` has not looked at the file since: it picks the same number, and the save,
    // made on the fresh file, takes the next.
    opened(&mut two, "09:02");
    let mut ids: Vec<String> = two
        .incidents()
        .incidents
        .iter()
        .map(|i| i.id.0.clone())
        .collect();
    ids.sort();
    assert_eq!(ids, ["INC-TYO1-0001", "INC-TYO1-0002"]);
    let outbox = std::fs::read_to_string(outbox_path(&dir)).unwrap();
    let events: Vec<Event> = outbox
        .lines()
        .map(|l| Event::from_line(l).unwrap())
        .collect();
    let mut sent: Vec<String> = events
        .iter()
        .filter_map(|e| e.incident())
        .map(|i| i.0)
        .collect();
    sent.sort();
    assert_eq!(sent, ids, "each event carries the id its incident got");
}
