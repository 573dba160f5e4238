//! `incidents.json` as bytes, serialising only the incidents that changed since the last
//! save: the bytes of every other incident are kept from then. The result is byte for byte
//! what serialising the whole file gives (tested), so a save costs the changed incident
//! and a copy, not the whole live file.

use anyhow::{Context, Result};
use shiftdesk_core::desk::IncidentsFile;
use shiftdesk_core::incident::{Incident, IncidentId};
use std::collections::HashMap;
use std::sync::Arc;

/// Each incident's bytes as last written, with the incident they were made from. An
/// incident is shared ([`Arc`]) and copied before it is changed, so the same pointer means
/// the same content (the pieces kept here hold it, so it cannot be reused for another);
/// another pointer (the file was read again) is compared by content, far cheaper than
/// serialising.
#[derive(Debug, Default)]
pub struct IncidentPieces {
    by_id: HashMap<IncidentId, (Arc<Incident>, Vec<u8>)>,
}

/// A member of the top-level object, or an element of its `incidents` array, starts on a
/// line of its own this far in (as pretty JSON indents them).
const MEMBER_INDENT: &[u8] = b"  ";
const ELEMENT_INDENT: &[u8] = b"    ";

/// The file's bytes, appended to `out` (whose room is reused): the top-level object is
/// written here, member by member, in the order serialising the whole file gives
/// (`schema_version`, `revision`, `last_number` unless 0, `incidents`, then the fields this
/// version does not know), each incident from the bytes kept for it where it did not change.
pub(super) fn write_incidents(
    file: &IncidentsFile,
    pieces: &mut IncidentPieces,
    out: &mut Vec<u8>,
) -> Result<()> {
    out.extend_from_slice(b"{\n  \"schema_version\": ");
    out.extend_from_slice(file.schema_version.to_string().as_bytes());
    out.extend_from_slice(b",\n  \"revision\": ");
    out.extend_from_slice(file.revision.to_string().as_bytes());
    if file.last_number != 0 {
        out.extend_from_slice(b",\n  \"last_number\": ");
        out.extend_from_slice(file.last_number.to_string().as_bytes());
    }
    out.extend_from_slice(b",\n  \"incidents\": [");
    let mut kept = HashMap::with_capacity(file.incidents.len());
    for (n, incident) in file.incidents.iter().enumerate() {
        let (id, piece) = match pieces.by_id.remove_entry(&incident.id) {
            Some((id, (was, bytes))) if Arc::ptr_eq(&was, incident) || was == *incident => {
                (id, bytes)
            }
            _ => (incident.id.clone(), indented(incident, ELEMENT_INDENT)?),
        };
        out.extend_from_slice(if n == 0 { b"\n" } else { b",\n" });
        out.extend_from_slice(ELEMENT_INDENT);
        out.extend_from_slice(&piece);
        // Two incidents with one id (a file edited by hand) each get their own bytes; the
        // last is kept for next time, and the pointer check sorts out which.
        kept.insert(id, (incident.clone(), piece));
    }
    if !file.incidents.is_empty() {
        out.extend_from_slice(b"\n");
        out.extend_from_slice(MEMBER_INDENT);
    }
    out.push(b']');
    for (key, value) in &file.extra {
        out.extend_from_slice(b",\n");
        out.extend_from_slice(MEMBER_INDENT);
        serde_json::to_writer(&mut *out, key).context("serialising a field's name")?;
        out.extend_from_slice(b": ");
        out.extend_from_slice(&indented(value, MEMBER_INDENT)?);
    }
    out.extend_from_slice(b"\n}\n");
    pieces.by_id = kept;
    Ok(())
}

/// A value's pretty JSON, every line after the first moved in by `indent` to its place (a
/// string holds no raw line break, so every one is between two lines of the structure).
fn indented<T: serde::Serialize>(value: &T, indent: &[u8]) -> Result<Vec<u8>> {
    let alone = serde_json::to_vec_pretty(value).context("serialising incidents.json")?;
    let lines = memchr::memchr_iter(b'\n', &alone).count();
    let mut out = Vec::with_capacity(alone.len() + lines * indent.len());
    let mut from = 0;
    for at in memchr::memchr_iter(b'\n', &alone) {
        out.extend_from_slice(&alone[from..=at]);
        out.extend_from_slice(indent);
        from = at + 1;
    }
    out.extend_from_slice(&alone[from..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atomic::to_pretty_json;
    use serde_json::json;
    use shiftdesk_core::test_fixtures::incident_at;

    fn incidents_bytes(file: &IncidentsFile, pieces: &mut IncidentPieces) -> Result<Vec<u8>> {
        let mut out = Vec::new();
        write_incidents(file, pieces, &mut out)?;
        Ok(out)
    }

    fn file(n: u32) -> IncidentsFile {
        let mut file = IncidentsFile {
            revision: 7,
            ..IncidentsFile::default()
        };
        for k in 1..=n {
            let mut i = incident_at("09:00");
            i.id = IncidentId::from_number(k);
            i.title = format!("incident {k}: \"quoted\", a tab\t, 日本語, a line\nbreak");
            file.incidents.push(Arc::new(i));
        }
        file
    }

    fn whole(file: &IncidentsFile) -> Vec<u8> {
        to_pretty_json(file).unwrap()
    }

    #[test]
    fn the_bytes_are_those_of_the_whole_file() {
        for n in [0, 1, 3] {
            let f = file(n);
            let mut pieces = IncidentPieces::default();
            assert_eq!(incidents_bytes(&f, &mut pieces).unwrap(), whole(&f), "{n}");
        }
    }

    #[test]
    fn unknown_fields_and_a_last_number_keep_their_places() {
        let mut f = file(2);
        f.last_number = 40;
        f.extra
            .insert("from_a_newer_desk".into(), json!({"a": [1, 2], "b": "x"}));
        f.extra.insert("zz".into(), json!([]));
        let mut pieces = IncidentPieces::default();
        assert_eq!(incidents_bytes(&f, &mut pieces).unwrap(), whole(&f));
    }

    #[test]
    fn the_frame_is_written_as_the_whole_file_for_every_shape() {
        let extras = [
            json!({}),
            json!({"note": "a \"quoted\" line\nbreak, 日本語, \u{7}"}),
            json!({"nested": {"a": [1, {"b": null}], "e": {}, "f": []}, "n": -1.5, "t": true}),
        ];
        for n in [0, 1, 2] {
            for last_number in [0, 12] {
                for extra in &extras {
                    let mut f = file(n);
                    f.last_number = last_number;
                    f.schema_version = 3;
                    f.extra = extra.as_object().unwrap().clone();
                    let mut pieces = IncidentPieces::default();
                    let ours = incidents_bytes(&f, &mut pieces).unwrap();
                    let mut theirs = serde_json::to_string_pretty(&f).unwrap().into_bytes();
                    theirs.push(b'\n');
                    assert_eq!(
                        String::from_utf8(ours).unwrap(),
                        String::from_utf8(theirs).unwrap(),
                        "{n} incidents, last number {last_number}, extra {extra}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_changed_added_or_removed_incident_is_written_as_it_now_is() {
        let mut f = file(3);
        let mut pieces = IncidentPieces::default();
        incidents_bytes(&f, &mut pieces).unwrap();
        let before = f.clone();
        f.get_mut(&IncidentId::from_number(2)).unwrap().title = "changed".into();
        assert_eq!(incidents_bytes(&f, &mut pieces).unwrap(), whole(&f));
        // The copy taken before the change still has its own bytes.
        assert_eq!(
            incidents_bytes(&before, &mut pieces).unwrap(),
            whole(&before)
        );
        f.incidents.remove(0);
        let mut i = incident_at("10:00");
        i.id = IncidentId::from_number(9);
        f.incidents.push(Arc::new(i));
        f.revision += 1;
        assert_eq!(incidents_bytes(&f, &mut pieces).unwrap(), whole(&f));
        f.incidents.clear();
        assert_eq!(incidents_bytes(&f, &mut pieces).unwrap(), whole(&f));
    }

    #[test]
    fn a_file_read_again_reuses_the_bytes_of_what_did_not_change() {
        let f = file(3);
        let mut pieces = IncidentPieces::default();
        incidents_bytes(&f, &mut pieces).unwrap();
        let mut read: IncidentsFile = serde_json::from_slice(&whole(&f)).unwrap();
        Arc::make_mut(&mut read.incidents[2]).title = "changed elsewhere".into();
        assert_eq!(incidents_bytes(&read, &mut pieces).unwrap(), whole(&read));
        assert_eq!(incidents_bytes(&f, &mut pieces).unwrap(), whole(&f));
    }

    #[test]
    fn two_incidents_with_one_id_are_each_written_as_they_are() {
        let mut f = file(2);
        let mut twin = (*f.incidents[0]).clone();
        twin.title = "the other one".into();
        f.incidents.push(Arc::new(twin));
        let mut pieces = IncidentPieces::default();
        assert_eq!(incidents_bytes(&f, &mut pieces).unwrap(), whole(&f));
        assert_eq!(incidents_bytes(&f, &mut pieces).unwrap(), whole(&f));
    }
}
