//! `incidents.json` as bytes, serialising only the incidents that changed since the last
//! save: the bytes of every other incident are kept from then. The result is byte for byte
//! what serialising the whole file gives (tested), so a save costs the changed incident
//! and a copy, not the whole live file.

use super::atomic::to_pretty_json;
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

/// Where the incidents go in the frame `serde_json` writes for a file without any: the
/// key at the top level (two spaces in; deeper keys are further in, and a string holds no
/// raw line break, so this is found only where it belongs).
const EMPTY_LIST: &[u8] = b"\n  \"incidents\": []";

/// One incident in the list: indented as `serde_json` indents an element of the top
/// level's `incidents` array.
const ELEMENT_INDENT: &[u8] = b"    ";

/// The file's bytes, appended to `out` (whose room is reused).
pub(super) fn write_incidents(
    file: &IncidentsFile,
    pieces: &mut IncidentPieces,
    out: &mut Vec<u8>,
) -> Result<()> {
    let frame = to_pretty_json(&IncidentsFile {
        schema_version: file.schema_version,
        revision: file.revision,
        last_number: file.last_number,
        incidents: Vec::new(),
        extra: file.extra.clone(),
    })?;
    if file.incidents.is_empty() {
        pieces.by_id.clear();
        out.extend_from_slice(&frame);
        return Ok(());
    }
    let at = frame
        .windows(EMPTY_LIST.len())
        .position(|w| w == EMPTY_LIST)
        .context("serialising incidents.json: no place for the incidents in its frame")?;
    out.extend_from_slice(&frame[..at + EMPTY_LIST.len() - 1]);
    let mut kept = HashMap::with_capacity(file.incidents.len());
    for (n, incident) in file.incidents.iter().enumerate() {
        let (id, piece) = match pieces.by_id.remove_entry(&incident.id) {
            Some((id, (was, bytes))) if Arc::ptr_eq(&was, incident) || was == *incident => {
                (id, bytes)
            }
            _ => (incident.id.clone(), element(incident)?),
        };
        out.extend_from_slice(if n == 0 { b"\n" } else { b",\n" });
        out.extend_from_slice(ELEMENT_INDENT);
        out.extend_from_slice(&piece);
        // Two incidents with one id (a file edited by hand) each get their own bytes; the
        // last is kept for next time, and the pointer check sorts out which.
        kept.insert(id, (incident.clone(), piece));
    }
    out.extend_from_slice(b"\n  ]");
    out.extend_from_slice(&frame[at + EMPTY_LIST.len()..]);
    pieces.by_id = kept;
    Ok(())
}

/// One incident's pretty JSON, every line after the first moved in to its place.
fn element(incident: &Incident) -> Result<Vec<u8>> {
    let alone = serde_json::to_vec_pretty(incident).context("serialising an incident")?;
    let lines = alone.iter().filter(|&&b| b == b'\n').count();
    let mut out = Vec::with_capacity(alone.len() + lines * ELEMENT_INDENT.len());
    for &b in &alone {
        out.push(b);
        if b == b'\n' {
            out.extend_from_slice(ELEMENT_INDENT);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
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
