//! Escape injection: hostile text through every way in — typing, bracketed paste, command
//! line arguments, CSV import, roster.json, playbooks.json, drill scenarios. What the desk
//! writes to the terminal (parsed with vte) holds no OSC, DCS or APC and only the CSI
//! sequences the desk itself emits; the stdout of every subcommand and export holds no
//! control bytes; the stored text is what was entered.

mod common;

use common::pty::Desk;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

const PAYLOADS: [&str; 13] = [
    "osc52\u{1b}]52;c;aGVsbG8=\u{7}",
    "title\u{1b}]0;pwned\u{7}",
    "link\u{1b}]8;;http://example.invalid\u{1b}\\x\u{1b}]8;;\u{1b}\\",
    "clear\u{1b}[2J",
    "ask\u{1b}[6n",
    "dcs\u{1b}P+q544e\u{1b}\\",
    "apc\u{1b}_hidden\u{1b}\\",
    "reset\u{1b}c",
    "c1csi\u{9b}31m",
    "c1osc\u{9d}0;t\u{9c}",
    "open\u{1b}]0;never ends",
    "bidi\u{202e}txet\u{202c}",
    "bare\rcr",
];

/// Everything of note the desk wrote to the terminal.
#[derive(Default, Debug)]
struct Seen {
    /// Each OSC's parameters, as the terminal would take them.
    osc: Vec<Vec<Vec<u8>>>,
    dcs: usize,
    csi: BTreeSet<String>,
    esc: BTreeSet<u8>,
    unsafe_printed: Vec<char>,
    executed: BTreeSet<u8>,
}

impl vte::Perform for Seen {
    fn print(&mut self, c: char) {
        if shiftdesk_core::text::is_unsafe(c) {
            self.unsafe_printed.push(c);
        }
    }
    fn execute(&mut self, byte: u8) {
        self.executed.insert(byte);
    }
    fn hook(&mut self, _: &vte::Params, _: &[u8], _: bool, _: char) {
        self.dcs += 1;
    }
    fn osc_dispatch(&mut self, params: &[&[u8]], _: bool) {
        self.osc.push(params.iter().map(|p| p.to_vec()).collect());
    }
    fn csi_dispatch(&mut self, params: &vte::Params, inter: &[u8], _: bool, action: char) {
        let private: String = inter.iter().map(|b| *b as char).collect();
        let key = if private == "?" {
            let p: Vec<String> = params.iter().map(|p| format!("{p:?}")).collect();
            format!("?{}{action}", p.join(";"))
        } else {
            format!("{private}{action}")
        };
        self.csi.insert(key);
    }
    fn esc_dispatch(&mut self, _: &[u8], _: bool, byte: u8) {
        self.esc.insert(byte);
    }
}

/// What tmux passes on to the terminal outside from what the desk wrote: every
/// `ESC P tmux; … ESC \\` passthrough replaced by its content, the doubled ESCs made single.
fn through_tmux(bytes: &[u8]) -> Vec<u8> {
    const START: &[u8] = b"\x1bPtmux;";
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(START) {
            i += START.len();
            loop {
                match (bytes.get(i), bytes.get(i + 1)) {
                    (Some(0x1b), Some(0x1b)) => {
                        out.push(0x1b);
                        i += 2;
                    }
                    (Some(0x1b), Some(b'\\')) => {
                        i += 2;
                        break;
                    }
                    (Some(b), _) => {
                        out.push(*b);
                        i += 1;
                    }
                    (None, _) => panic!("a passthrough is not closed"),
                }
            }
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

fn parse(bytes: &[u8]) -> Seen {
    let mut seen = Seen::default();
    let mut parser = vte::Parser::new();
    parser.advance(&mut seen, bytes);
    seen
}

/// The CSI sequences the desk itself emits to draw: colours and styles (m), cursor moves
/// (H), clearing (J, K), and the private modes it sets and resets: the alternate screen,
/// the cursor, bracketed paste.
const ALLOWED_CSI: [&str; 10] = [
    "m", "H", "J", "K", "?[1049]h", "?[1049]l", "?[25]h", "?[25]l", "?[2004]h", "?[2004]l",
];

fn shiftdesk(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_shiftdesk"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env("SHIFTDESK_TZ", "Asia/Tokyo")
        .output()
        .unwrap()
}

/// A data dir whose roster, playbooks and drill scenarios carry the payloads.
fn hostile_data_dir() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let mut roster: serde_json::Value =
        serde_json::from_str(include_str!("../assets/roster.sample.json")).unwrap();
    for (i, c) in roster["contacts"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .enumerate()
    {
        c["name"] = PAYLOADS[i % PAYLOADS.len()].into();
        c["role"] = PAYLOADS[(i + 3) % PAYLOADS.len()].into();
    }
    std::fs::write(d.join("roster.json"), roster.to_string()).unwrap();
    let mut books: serde_json::Value =
        serde_json::from_str(shiftdesk_store::playbooks_file::BUNDLED_PLAYBOOKS).unwrap();
    for (i, (_, book)) in books["playbooks"]
        .as_object_mut()
        .unwrap()
        .iter_mut()
        .enumerate()
    {
        book["report"][0]["en"] = PAYLOADS[i % PAYLOADS.len()].into();
        book["report"][1]["en"] = PAYLOADS[(i + 5) % PAYLOADS.len()].into();
    }
    std::fs::write(d.join("playbooks.json"), books.to_string()).unwrap();
    std::fs::create_dir(d.join("drills")).unwrap();
    let mut drill: serde_json::Value =
        serde_json::from_str(include_str!("../assets/drills/lost-pc.json")).unwrap();
    drill["id"] = "hostile".into();
    drill["name"]["en"] = PAYLOADS[0].into();
    drill["summary"]["en"] = PAYLOADS[2].into();
    drill["injects"][0]["text"]["en"] = PAYLOADS[5].into();
    std::fs::write(d.join("drills/hostile.json"), drill.to_string()).unwrap();
    tmp
}

/// An outage for each payload, titled with it (and described with it too when `described`),
/// recorded from the command line.
fn outages_titled_with_every_payload(d: &Path, args: &[&str], described: bool) {
    for p in PAYLOADS {
        let mut full = vec![
            "new",
            "--title",
            p,
            "--category",
            "operational.system_outage",
        ];
        full.extend(args);
        if described {
            full.extend(["--description", p]);
        }
        let o = shiftdesk(d, &full);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
}

/// Nothing printed is unsafe, and the only CSI, ESC and controls are the desk's own (and
/// `also_executed`).
fn only_the_desks_own(seen: &Seen, what: &str, also_executed: &[u8]) {
    assert!(
        seen.unsafe_printed.is_empty(),
        "{what}: printed {:?}",
        seen.unsafe_printed
    );
    let unexpected: Vec<&String> = seen
        .csi
        .iter()
        .filter(|c| !ALLOWED_CSI.contains(&c.as_str()))
        .collect();
    assert!(
        unexpected.is_empty(),
        "{what}: CSI the desk does not emit itself: {unexpected:?}"
    );
    assert!(seen.esc.is_empty(), "{what}: ESC sequences: {:?}", seen.esc);
    assert!(
        seen.executed
            .iter()
            .all(|b| matches!(b, b'\r' | b'\n') || also_executed.contains(b)),
        "{what}: controls executed: {:?}",
        seen.executed
    );
}

#[test]
fn nothing_hostile_reaches_the_terminal_and_the_stored_text_is_what_was_entered() {
    let tmp = hostile_data_dir();
    let d = tmp.path();
    // Command-line arguments.
    outages_titled_with_every_payload(d, &["--severity", "2"], true);
    let mut desk = Desk::start(d, &["--lang", "en"], 120, 40);
    desk.wait_for("Incidents");
    // Typing (what a keyboard can send: printable text and bidi marks) and pasting.
    desk.send("n");
    desk.wait_for("New incident");
    desk.send("typed \u{202e}reversed\u{202c} end");
    desk.send("\t\t\t\t\t"); // to the description, past the outage's kind
    let pasted = PAYLOADS.join(" | ");
    desk.send(&format!("\u{1b}[200~{pasted}\u{1b}[201~"));
    desk.send("\r");
    desk.wait_for("Recorded INC-");
    // Look at everything that shows text from people.
    for keys in [
        "\r", "\t", "j", "j", "\t", "t", "\u{1b}", "R", "\u{1b}", "/", "\u{1b}", "D", "\u{1b}",
        "?", "\u{1b}", "H", "\u{1b}",
    ] {
        desk.send(keys);
    }
    desk.send("q");
    assert_eq!(desk.wait_exit(), Some(0));

    let out = desk.output.lock().unwrap().clone();
    let seen = parse(&out);
    assert_eq!(seen.osc.len(), 0, "OSC reached the terminal");
    assert_eq!(seen.dcs, 0, "DCS reached the terminal");
    assert!(
        !out.windows(2)
            .any(|w| w == b"\x1b_" || w == b"\x1bX" || w == b"\x1b^"),
        "APC/SOS/PM reached the terminal"
    );
    only_the_desks_own(&seen, "the desk", &[]);

    // The stored text is what was entered.
    let file: serde_json::Value =
        serde_json::from_slice(&std::fs::read(d.join("incidents.json")).unwrap()).unwrap();
    let incidents = file["incidents"].as_array().unwrap();
    for (i, p) in PAYLOADS.iter().enumerate() {
        assert_eq!(incidents[i]["title"], *p, "command line title {i}");
        assert_eq!(
            incidents[i]["description"], *p,
            "command line description {i}"
        );
    }
    let typed = incidents.last().unwrap();
    assert_eq!(typed["title"], "typed \u{202e}reversed\u{202c} end");
    // The pasted text, as a multi-line field keeps it: a line break as LF, whether the
    // terminal sent CR, LF or CR LF.
    let as_kept = pasted.replace("\r\n", "\n").replace('\r', "\n");
    assert_eq!(typed["description"], as_kept.as_str());
}

/// Every subcommand that prints, and every export: no control byte but line breaks.
#[test]
fn stdout_of_every_subcommand_and_export_holds_no_control_bytes() {
    let tmp = hostile_data_dir();
    let d = tmp.path();
    for p in PAYLOADS {
        assert!(
            shiftdesk(
                d,
                &[
                    "new",
                    "--title",
                    p,
                    "--category",
                    "team.security",
                    "--severity",
                    "3",
                    "--description",
                    p
                ]
            )
            .status
            .success()
        );
    }
    assert!(
        shiftdesk(d, &["drill", "start", "hostile"])
            .status
            .success()
    );
    let vcf = d.join("out.vcf");
    let commands: Vec<Vec<&str>> = vec![
        vec!["status"],
        vec!["status", "--format", "tmux"],
        vec!["status", "--format", "json"],
        vec!["list", "--all"],
        vec!["list", "--all", "--json"],
        vec!["show", "1"],
        vec!["show", "1", "--json"],
        vec!["report", "1"],
        vec!["export", "1"],
        vec!["export", "1", "--format", "json"],
        vec!["handover"],
        vec!["contacts"],
        vec!["contacts", "--json"],
        vec!["roster", "check"],
        vec!["roster", "check", "--json"],
        vec!["roster", "export", "--format", "csv"],
        vec!["roster", "export", "--format", "json"],
        vec!["roster", "vcard"],
        vec!["drill", "list"],
        vec!["drill", "list", "--json"],
        vec!["drill", "report", "14"],
        vec!["drill", "history"],
    ];
    for lang in ["en", "ja"] {
        for args in &commands {
            let mut full = vec!["--lang", lang];
            full.extend(args);
            let o = shiftdesk(d, &full);
            let text = String::from_utf8(o.stdout).unwrap();
            let vcard = args.contains(&"vcard");
            let bad: Vec<char> = text
                .chars()
                .filter(|c| {
                    shiftdesk_core::text::is_unsafe(*c) && *c != '\n' && !(vcard && *c == '\r')
                })
                .collect();
            assert!(bad.is_empty(), "{args:?} {lang}: {bad:?}");
            assert!(!text.contains("\u{1b}"), "{args:?}");
        }
    }
    assert!(
        shiftdesk(d, &["roster", "vcard", "--out", vcf.to_str().unwrap()])
            .status
            .success()
    );
    let card = std::fs::read_to_string(&vcf).unwrap();
    assert!(
        !card
            .chars()
            .any(|c| shiftdesk_core::text::is_unsafe(c) && c != '\r' && c != '\n')
    );
}

#[test]
fn a_csv_carrying_escapes_is_refused_row_by_row_and_nothing_is_imported() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    std::fs::write(
        d.join("roster.json"),
        include_str!("../assets/roster.sample.json"),
    )
    .unwrap();
    let before = std::fs::read(d.join("roster.json")).unwrap();
    let mut csv = String::from("name,phone\n");
    for p in PAYLOADS {
        csv.push_str(&format!("\"{}\",090-0000-9999\n", p.replace('"', "\"\"")));
    }
    std::fs::write(d.join("in.csv"), csv).unwrap();
    let o = shiftdesk(
        d,
        &[
            "--lang",
            "en",
            "roster",
            "import",
            d.join("in.csv").to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        !err.contains('\u{1b}') && !err.contains('\u{202e}'),
        "the error text is safe"
    );
    assert_eq!(std::fs::read(d.join("roster.json")).unwrap(), before);
}

/// Desktop notifications carry incident titles: with every payload as the title of an
/// overdue incident, the only OSCs that reach the terminal are the desk's own 9 and 777,
/// one pair per call, every field of them safe text; inside tmux the same once tmux has
/// unwrapped its passthrough. Nothing else of the titles gets out either.
#[test]
fn notifications_carry_hostile_titles_only_as_safe_text() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    outages_titled_with_every_payload(d, &["--severity", "1", "--detected=-14m"], false);
    for tmux in [false, true] {
        let env: &[(&str, &str)] = if tmux {
            &[("TMUX", "/tmp/tmux-1000/default,1,0")]
        } else {
            &[]
        };
        let mut desk =
            Desk::start_with_env(d, &["--lang", "en", "--notify", "bell,osc"], env, 120, 40);
        desk.wait_until("a call for every overdue incident", |desk| {
            let out = desk.output.lock().unwrap().clone();
            let out = if tmux { through_tmux(&out) } else { out };
            parse(&out).osc.len() >= 2 * PAYLOADS.len()
        });
        desk.send("q");
        assert_eq!(desk.wait_exit(), Some(0));
        let raw = desk.output.lock().unwrap().clone();
        let out = if tmux {
            through_tmux(&raw)
        } else {
            assert!(
                !raw.windows(7).any(|w| w == b"\x1bPtmux;"),
                "a passthrough outside tmux"
            );
            raw
        };
        let seen = parse(&out);
        assert_eq!(
            seen.osc.len(),
            2 * PAYLOADS.len(),
            "tmux {tmux}: one 9 and one 777 per call"
        );
        for osc in &seen.osc {
            let fields: Vec<String> = osc
                .iter()
                .map(|f| String::from_utf8_lossy(f).into_owned())
                .collect();
            match fields.first().map(String::as_str) {
                Some("9") => assert_eq!(fields.len(), 2, "{fields:?}"),
                Some("777") => {
                    assert_eq!(fields.len(), 4, "{fields:?}");
                    assert_eq!(fields[1..3], ["notify", "shiftdesk"]);
                }
                _ => panic!("tmux {tmux}: an OSC the desk does not send: {fields:?}"),
            }
            let text = fields.last().unwrap();
            assert!(text.starts_with("INC-"), "{text:?}");
            assert!(
                !text.chars().any(shiftdesk_core::text::is_unsafe),
                "tmux {tmux}: {text:?}"
            );
        }
        assert_eq!(seen.dcs, 0, "tmux {tmux}: DCS beyond the passthrough");
        only_the_desks_own(&seen, &format!("tmux {tmux}"), &[0x07]);
    }
}
