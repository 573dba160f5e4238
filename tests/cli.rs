//! The subcommands, run as the built binary.

use std::path::Path;
use std::process::{Command, Output};

fn shiftdesk(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_shiftdesk"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env("SHIFTDESK_TZ", "Asia/Tokyo")
        .env("SHIFTDESK_OPERATOR", "suzuki")
        .output()
        .unwrap()
}

/// `shiftdesk new` with a title, category and severity, and any further arguments.
fn new_incident(dir: &Path, title: &str, category: &str, severity: &str, more: &[&str]) -> Output {
    let mut args = vec![
        "new",
        "--title",
        title,
        "--category",
        category,
        "--severity",
        severity,
    ];
    args.extend(more);
    shiftdesk(dir, &args)
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn new_prints_sequential_ids_and_list_and_show_find_them() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let a = new_incident(d, "VPN 障害", "operational.system_outage", "2", &[]);
    assert!(a.status.success(), "{}", stderr(&a));
    assert_eq!(stdout(&a), "INC-0001\n");
    let b = new_incident(d, "Lost ID card", "team.security", "4", &["--drill"]);
    assert_eq!(stdout(&b), "INC-0002\n");

    let list = shiftdesk(d, &["--lang", "en", "list"]);
    let text = stdout(&list);
    assert!(
        text.contains("INC-0001") && text.contains("VPN 障害"),
        "{text}"
    );
    assert!(text.contains("[DRILL] Lost ID card"), "{text}");

    let json = shiftdesk(d, &["list", "--json"]);
    let rows: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 2);
    assert_eq!(rows[0]["id"], "INC-0001", "severity 2 before 4");
    assert_eq!(rows[0]["phase"], "report");
    assert_eq!(rows[1]["drill"], true);

    let show = shiftdesk(d, &["--lang", "ja", "show", "INC-0001"]);
    let text = stdout(&show);
    assert!(
        text.contains("VPN 障害") && text.contains("報告") && text.contains("suzuki"),
        "{text}"
    );
    assert!(text.contains("[ ] 報告ルートに沿ってすぐ上長へ"), "{text}");

    let show = shiftdesk(d, &["show", "1", "--json"]);
    let inc: serde_json::Value = serde_json::from_str(&stdout(&show)).unwrap();
    assert_eq!(inc["opened_by"], "suzuki");
    assert_eq!(inc["route"]["route_id"], "outage-high");
}

#[test]
fn new_kind_gives_the_kinds_steps_and_show_list_report_and_export_name_it() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let card = ["--kind", "lost_card"];
    let o = new_incident(d, "Lost card", "team.security", "3", &card);
    assert_eq!(stdout(&o), "INC-0001\n", "{}", stderr(&o));
    // Without --kind, the category's default.
    new_incident(d, "Mail", "team.security", "3", &[]);

    let show = stdout(&shiftdesk(d, &["--lang", "en", "show", "1"]));
    assert!(
        show.contains("Kind: Lost ID or entry card (lost_card)"),
        "{show}"
    );
    assert!(show.contains("Have the card disabled now"), "{show}");
    assert!(
        !show.contains("recipient"),
        "no step of another kind\n{show}"
    );
    let ja = stdout(&shiftdesk(d, &["--lang", "ja", "show", "2"]));
    assert!(
        ja.contains("種別: その他のセキュリティ事故 (other)"),
        "{ja}"
    );

    let json = stdout(&shiftdesk(d, &["list", "--json"]));
    let rows: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(rows[0]["kind"], "lost_card", "{json}");
    assert_eq!(rows[1]["kind"], "other", "{json}");
    let inc: serde_json::Value =
        serde_json::from_str(&stdout(&shiftdesk(d, &["show", "1", "--json"]))).unwrap();
    assert_eq!(inc["kind"], "lost_card");
    assert_eq!(inc["kind_name"]["ja"], "IDカード・入館証の紛失");

    let report = stdout(&shiftdesk(d, &["--lang", "en", "report", "1"]));
    assert!(
        report.contains("Category: Security (ID card, misdirected mail) — Lost ID or entry card"),
        "{report}"
    );
    let md = stdout(&shiftdesk(d, &["--lang", "ja", "export", "1"]));
    assert!(
        md.contains("- 種別: IDカード・入館証の紛失 — `lost_card`"),
        "{md}"
    );

    // A kind the category does not have, or a category without kinds: exit 2, naming them.
    let o = new_incident(d, "x", "team.security", "3", &["--kind", "lost"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("lost_card, misdirected_email, misdirected_fax, other"),
        "{}",
        stderr(&o)
    );
    let o = new_incident(d, "x", "other", "3", &["--kind", "lost"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("has no kinds"), "{}", stderr(&o));
    let help = stdout(&shiftdesk(d, &["new", "--help"]));
    assert!(help.contains("--kind <KIND>"), "{help}");
}

#[test]
fn guide_prints_a_category_with_its_kinds_and_checks_a_file_with_line_and_column() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let o = shiftdesk(d, &["--lang", "en", "guide", "team.security"]);
    let text = stdout(&o);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(text.contains("Severity by impact:"), "{text}");
    assert!(
        text.contains("- Email sent to the wrong recipient (misdirected_email)"),
        "{text}"
    );
    // The team's own file, broken: named with its line and column; the bundled one shown.
    std::fs::write(
        d.join("guide.json"),
        "{\n  \"schema_version\": 1,\n  \"x\": 2\n}",
    )
    .unwrap();
    let o = shiftdesk(d, &["--lang", "en", "guide", "check"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("guide.json:3:"), "{}", stderr(&o));
    let o = shiftdesk(d, &["--lang", "en", "guide", "other"]);
    assert!(o.status.success());
    assert!(stderr(&o).contains("guide.json:3:"), "{}", stderr(&o));
    let help = stdout(&shiftdesk(d, &["--help"]));
    assert!(help.contains("guide"), "{help}");
}

#[test]
fn an_unknown_category_exits_2_and_lists_the_valid_ids() {
    let tmp = tempfile::tempdir().unwrap();
    let o = new_incident(tmp.path(), "x", "team.coffee", "2", &[]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    for id in ["operational.out_of_scope", "team.equipment_loss", "other"] {
        assert!(err.contains(id), "{err}");
    }
    assert!(!tmp.path().join("incidents.json").exists());
}

#[test]
fn an_unknown_incident_exits_1_and_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let o = shiftdesk(tmp.path(), &["--lang", "en", "show", "INC-0042"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("No incident INC-0042"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn bad_arguments_say_what_and_where() {
    let tmp = tempfile::tempdir().unwrap();
    let o = new_incident(tmp.path(), "x", "other", "7", &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("severity must be 1, 2, 3 or 4"),
        "{}",
        stderr(&o)
    );
    let o = shiftdesk(tmp.path(), &["--lang", "fr", "list"]);
    assert_eq!(o.status.code(), Some(2));
    let o = new_incident(tmp.path(), "x", "other", "2", &["--detected", "99:99"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("--detected"), "{}", stderr(&o));
    let o = new_incident(tmp.path(), " \u{1b} ", "other", "2", &[]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn a_malformed_file_is_named_with_line_and_column_and_left_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("incidents.json");
    std::fs::write(&path, "{\"schema_version\": 1,\n \"revision\": x}").unwrap();
    let o = shiftdesk(tmp.path(), &["list"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("incidents.json:2:"), "{}", stderr(&o));
    let o = new_incident(tmp.path(), "x", "other", "2", &[]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "{\"schema_version\": 1,\n \"revision\": x}"
    );
}

#[test]
fn text_from_people_reaches_stdout_without_control_characters() {
    let tmp = tempfile::tempdir().unwrap();
    let title = "evil\u{1b}]52;c;aGk=\u{7}\u{1b}[2J\u{202e}title";
    let o = new_incident(tmp.path(), title, "other", "2", &[]);
    assert!(o.status.success());
    for args in [
        &["list"][..],
        &["show", "1"][..],
        &["list", "--json"][..],
        &["show", "1", "--json"][..],
    ] {
        let out = shiftdesk(tmp.path(), args);
        let text = stdout(&out);
        assert!(
            !text
                .chars()
                .any(|c| (c.is_control() && c != '\n') || c == '\u{202e}'),
            "{args:?}: {text:?}"
        );
    }
    // The stored text is what was entered.
    let stored = std::fs::read_to_string(tmp.path().join("incidents.json")).unwrap();
    let file: serde_json::Value = serde_json::from_str(&stored).unwrap();
    assert_eq!(file["incidents"][0]["title"], title);
}

#[test]
fn roster_check_passes_the_sample_and_names_each_broken_place() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("roster.json"),
        include_str!("../assets/roster.sample.json"),
    )
    .unwrap();
    let o = shiftdesk(tmp.path(), &["--lang", "en", "roster", "check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("0 error(s)"), "{}", stdout(&o));

    for (fixture, place) in [
        ("missing_contact", "routes[0].levels[1].contacts[0]"),
        ("zero_minutes", "routes[0].levels[0].report_within_minutes"),
        ("bad_phone", "contacts[1].phones[1].number"),
        ("uncovered_category", "routes"),
    ] {
        let src = format!(
            "{}/tests/fixtures/rosters/{fixture}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::copy(&src, tmp.path().join("roster.json")).unwrap();
        let o = shiftdesk(tmp.path(), &["--lang", "en", "roster", "check"]);
        assert_eq!(o.status.code(), Some(1), "{fixture}: {}", stdout(&o));
        let text = stdout(&o);
        assert!(
            text.contains(&format!("ERROR {place}: ")),
            "{fixture}: {text}"
        );
        let json = shiftdesk(tmp.path(), &["roster", "check", "--json"]);
        let items: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
        assert!(
            items
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p["place"] == place && p["level"] == "error")
        );
    }
}

#[test]
fn report_prints_the_report_text() {
    let tmp = tempfile::tempdir().unwrap();
    let o = new_incident(
        tmp.path(),
        "VPN down",
        "operational.system_outage",
        "2",
        &["--description", "Site A cannot connect"],
    );
    assert!(o.status.success());
    let o = shiftdesk(
        tmp.path(),
        &[
            "--lang",
            "en",
            "--callback",
            "03-0000-9999",
            "report",
            "INC-0001",
        ],
    );
    let text = stdout(&o);
    assert!(
        text.contains("[Incident report] INC-0001 VPN down"),
        "{text}"
    );
    assert!(text.contains("Site A cannot connect"), "{text}");
    assert!(
        text.contains("Next: we will assess the scope of impact"),
        "{text}"
    );
    assert!(text.contains("call back: 03-0000-9999"), "{text}");
    let o = shiftdesk(tmp.path(), &["--lang", "ja", "report", "1"]);
    assert!(
        stdout(&o).contains("【インシデント報告】"),
        "{}",
        stdout(&o)
    );
    let o = shiftdesk(tmp.path(), &["report", "9"]);
    assert_eq!(o.status.code(), Some(1));
}

fn fixture(path: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

#[test]
fn a_bad_csv_imports_nothing_and_lists_every_bad_row() {
    let tmp = tempfile::tempdir().unwrap();
    let roster = tmp.path().join("roster.json");
    std::fs::write(&roster, include_str!("../assets/roster.sample.json")).unwrap();
    let before = std::fs::read(&roster).unwrap();
    let o = shiftdesk(
        tmp.path(),
        &[
            "--lang",
            "en",
            "roster",
            "import",
            fixture("csv/bad_rows.csv").to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    for line in [4, 5, 6, 7, 8, 9, 11, 12, 14] {
        assert!(
            err.contains(&format!("line {line}")),
            "line {line} missing: {err}"
        );
    }
    assert!(err.contains("Nothing was imported"), "{err}");
    assert_eq!(
        std::fs::read(&roster).unwrap(),
        before,
        "roster.json unchanged"
    );
}

#[test]
fn a_good_csv_merges_and_says_what_changed() {
    let tmp = tempfile::tempdir().unwrap();
    let roster = tmp.path().join("roster.json");
    std::fs::write(&roster, include_str!("../assets/roster.sample.json")).unwrap();
    let good = fixture("csv/good.csv");
    let o = shiftdesk(
        tmp.path(),
        &["--lang", "en", "roster", "import", good.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    // 佐藤 花子 with 090-0000-1101 is in the sample: matched, not added.
    assert!(!out.contains("added: 佐藤 花子"), "{out}");
    assert!(out.contains("added: Night Desk"), "{out}");
    assert!(out.contains("unchanged"), "{out}");
    let saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&roster).unwrap()).unwrap();
    let names: Vec<&str> = saved["contacts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.iter().filter(|n| **n == "佐藤 花子").count(), 1);
    assert!(names.contains(&"Night Desk"));
    // The routes are untouched.
    assert_eq!(saved["routes"].as_array().unwrap().len(), 6);

    // Japanese headers with a BOM into an empty data dir.
    let fresh = tempfile::tempdir().unwrap();
    let o = shiftdesk(
        fresh.path(),
        &[
            "--lang",
            "ja",
            "roster",
            "import",
            fixture("csv/bom_japanese.csv").to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("追加: 高橋 誠"), "{}", stdout(&o));
    let o = shiftdesk(fresh.path(), &["contacts", "ﾀｶﾊｼ", "--json"]);
    let hits: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        hits[0]["phones"][0]["number"], "090-0000-1201",
        "NFKC on import"
    );
}

#[test]
fn export_and_vcard_write_the_roster_back_out() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("roster.json"),
        include_str!("../assets/roster.sample.json"),
    )
    .unwrap();
    let o = shiftdesk(tmp.path(), &["roster", "export", "--format", "csv"]);
    let csv = stdout(&o);
    assert!(
        csv.starts_with("name,kana,role,team,phone,phone2,email,notes\n"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 11);
    let o = shiftdesk(tmp.path(), &["roster", "export", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(json["contacts"].as_array().unwrap().len(), 10);
    let out = tmp.path().join("team.vcf");
    let o = shiftdesk(
        tmp.path(),
        &["roster", "vcard", "--out", out.to_str().unwrap()],
    );
    assert!(o.status.success());
    let vcf = std::fs::read_to_string(&out).unwrap();
    assert_eq!(vcf.matches("BEGIN:VCARD\r\n").count(), 10);
    assert!(vcf.contains("X-PHONETIC-LAST-NAME:さとう\r\n"), "{vcf}");
    assert!(
        vcf.contains("TEL;TYPE=CELL,PREF:090-0000-1101\r\n"),
        "{vcf}"
    );
}

#[test]
fn contacts_finds_by_any_fragment() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("roster.json"),
        include_str!("../assets/roster.sample.json"),
    )
    .unwrap();
    let o = shiftdesk(tmp.path(), &["contacts", "ｽｽﾞｷ"]);
    assert!(stdout(&o).starts_with("鈴木 健太"), "{}", stdout(&o));
    let o = shiftdesk(tmp.path(), &["contacts", "08000001102"]);
    assert!(stdout(&o).starts_with("鈴木 健太"), "{}", stdout(&o));
    let o = shiftdesk(tmp.path(), &["contacts", "zzzzqqq"]);
    assert_eq!(o.status.code(), Some(1));
    let o = shiftdesk(tmp.path(), &["contacts", "--json"]);
    let all: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(all.as_array().unwrap().len(), 10);
}

#[test]
fn list_all_filters_by_since_and_category() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    for (title, category, detected) in [
        (
            "old outage",
            "operational.system_outage",
            "2026-01-05 09:00",
        ),
        ("new outage", "operational.system_outage", ""),
        ("lost card", "team.security", ""),
    ] {
        let when: &[&str] = if detected.is_empty() {
            &[]
        } else {
            &["--detected", detected]
        };
        assert!(new_incident(d, title, category, "3", when).status.success());
    }
    let titles = |args: &[&str]| -> Vec<String> {
        let o = shiftdesk(d, args);
        assert!(o.status.success(), "{}", stderr(&o));
        let rows: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
        rows.as_array()
            .unwrap()
            .iter()
            .map(|r| r["title"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(titles(&["list", "--all", "--json"]).len(), 3);
    let recent = titles(&["list", "--all", "--json", "--since", "7d"]);
    assert!(!recent.contains(&"old outage".to_string()), "{recent:?}");
    assert_eq!(recent.len(), 2);
    let outages = titles(&[
        "list",
        "--all",
        "--json",
        "--category",
        "operational.system_outage",
    ]);
    assert_eq!(outages.len(), 2);
    let both = titles(&[
        "list",
        "--all",
        "--json",
        "--since",
        "2026-06-01",
        "--category",
        "team.security",
    ]);
    assert_eq!(both, ["lost card"]);
    let bad = shiftdesk(d, &["list", "--since", "last week"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("--since"), "{}", stderr(&bad));
}

#[test]
fn drills_from_the_command_line() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let o = shiftdesk(d, &["drill", "list", "--json"]);
    let list: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let ids: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    for id in [
        "network-failover",
        "system-outage",
        "misdirected-email",
        "lost-id-card",
        "lost-pc",
    ] {
        assert!(ids.contains(&id), "{ids:?}");
    }
    // A team's own scenario is listed; a broken one is named with line and column.
    std::fs::create_dir(d.join("drills")).unwrap();
    let mut own: serde_json::Value =
        serde_json::from_str(include_str!("../assets/drills/lost-pc.json")).unwrap();
    own["id"] = "printer-fire".into();
    std::fs::write(d.join("drills/printer-fire.json"), own.to_string()).unwrap();
    std::fs::write(d.join("drills/broken.json"), "{\n\"id\": 3,\n}").unwrap();
    let o = shiftdesk(d, &["drill", "list"]);
    assert!(stdout(&o).contains("printer-fire"), "{}", stdout(&o));
    assert!(stderr(&o).contains("broken.json:2:"), "{}", stderr(&o));

    let o = shiftdesk(d, &["drill", "start", "lost-pc"]);
    assert_eq!(stdout(&o), "INC-0001\n", "{}", stderr(&o));
    let o = shiftdesk(d, &["list", "--json"]);
    let rows: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(rows[0]["drill"], true);
    let o = shiftdesk(d, &["--lang", "en", "handover"]);
    assert!(
        !stdout(&o).contains("INC-0001"),
        "drills stay out of the handover"
    );
    let o = shiftdesk(d, &["--lang", "en", "drill", "history"]);
    assert!(stdout(&o).contains("lost-pc:"), "{}", stdout(&o));
    let o = shiftdesk(d, &["drill", "start", "no-such-drill"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("network-failover"),
        "lists the ids: {}",
        stderr(&o)
    );
    let o = new_incident(d, "x", "other", "3", &[]);
    assert!(o.status.success());
    let o = shiftdesk(d, &["drill", "report", "INC-0002"]);
    assert_eq!(o.status.code(), Some(1), "not a drill");
}

#[test]
fn doctor_says_what_is_wrong_and_how_to_restore() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o700)).unwrap();
    let o = new_incident(d, "x", "other", "3", &[]);
    assert!(o.status.success());
    // The sample roster the first incident seeded is something to do; the team's is not.
    let o = shiftdesk(d, &["--lang", "en", "doctor"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(stdout(&o).contains("ACT  SAMPLE roster"), "{}", stdout(&o));
    let own = std::fs::read_to_string(d.join("roster.json"))
        .unwrap()
        .replace("\"sample\": true", "\"sample\": false");
    std::fs::write(d.join("roster.json"), own).unwrap();
    // The team's flow, never signed off, is something to do too; once signed, nothing is.
    let o = shiftdesk(d, &["--lang", "en", "doctor"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("ACT  The flow in use"),
        "{}",
        stdout(&o)
    );
    let o = shiftdesk(d, &["flow", "sign-off", "--by", "lead"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = shiftdesk(d, &["--lang", "en", "doctor"]);
    let text = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{text}");
    assert!(text.contains("1 daily backups of incidents.json"), "{text}");
    assert!(text.contains("to restore a backup"), "{text}");
    // Break things: wide permissions, a malformed file, a leftover temp file.
    std::fs::set_permissions(
        d.join("roster.json"),
        std::fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    std::fs::write(
        d.join("incidents.json"),
        "{\"schema_version\": 1,\n \"incidents\": [}",
    )
    .unwrap();
    std::fs::write(d.join(".incidents.json.tmp"), "half").unwrap();
    let o = shiftdesk(d, &["--lang", "en", "doctor"]);
    let text = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{text}");
    assert!(
        text.contains("ACT") && text.contains("incidents.json:2:"),
        "{text}"
    );
    assert!(text.contains("chmod 600"), "{text}");
    assert!(
        text.contains(".incidents.json.tmp: left by a save that was interrupted"),
        "{text}"
    );
    // Doctor only looks: it changed nothing.
    assert_eq!(
        std::fs::read_to_string(d.join("incidents.json")).unwrap(),
        "{\"schema_version\": 1,\n \"incidents\": [}"
    );
}
