//! `config.toml` in the data dir: its `[sync]` section, laid under the command line's
//! `--sync`, `--site`, `--desk`, `--sites` and `--no-sync`. No url anywhere: no sync, and
//! nothing of it is written.

use crate::DataDir;
use anyhow::{Context, Result, bail};
use serde::Deserialize;
use std::path::PathBuf;

pub const CONFIG_FILE: &str = "config.toml";

/// Where this desk shares the board: the site's server, the site and desk codes, and the
/// sites whose streams it reads (its own among them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncSettings {
    pub url: String,
    pub site: String,
    pub desk: String,
    pub sites: Vec<String>,
}

/// What the command line says of sync; each given value wins over the file's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncFlags {
    pub url: Option<String>,
    pub site: Option<String>,
    pub desk: Option<String>,
    pub sites: Option<Vec<String>>,
    pub no_sync: bool,
}

#[derive(Debug, Default, Deserialize)]
struct ConfigFile {
    sync: Option<SyncSection>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SyncSection {
    url: Option<String>,
    site: Option<String>,
    desk: Option<String>,
    sites: Option<Vec<String>>,
}

pub fn config_path(dir: &DataDir) -> PathBuf {
    dir.root().join(CONFIG_FILE)
}

/// Where a value came from, to name it in an error.
enum From<'a> {
    File(&'a str),
    Flag,
}

impl SyncSettings {
    /// The settings in force: the file's `[sync]` with the flags over it. None: no sync
    /// (no url, or `--no-sync`). A file that cannot be read or a bad value is an error that
    /// names the file (or the flag), the key and what is wrong.
    pub fn resolve(dir: &DataDir, flags: &SyncFlags) -> Result<Option<SyncSettings>> {
        if flags.no_sync {
            return Ok(None);
        }
        let path = config_path(dir);
        let shown = path.display().to_string();
        let file = match std::fs::read_to_string(&path) {
            Ok(text) => toml::from_str::<ConfigFile>(&text)
                .with_context(|| format!("reading {shown}: not a valid config file"))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => ConfigFile::default(),
            Err(e) => return Err(e).with_context(|| format!("reading {shown}")),
        };
        let section = file.sync.unwrap_or_default();
        let Some((url, url_from)) = pick(&flags.url, &section.url, &shown) else {
            return Ok(None);
        };
        let url = url.trim().to_string();
        if !["nats://", "tls://", "ws://", "wss://"]
            .iter()
            .any(|s| url.starts_with(s) && url.len() > s.len())
        {
            bail!(
                "{}: {url:?} is not a server address; give one like nats://127.0.0.1:4222",
                where_(&url_from, "url", "--sync")
            );
        }
        let Some((site, site_from)) = pick(&flags.site, &section.site, &shown) else {
            bail!(
                "sync is set up ({url}) but this desk's site is not: give --site CODE, or \
                 site = \"TYO\" under [sync] in {shown}"
            );
        };
        let site = code(&site, &site_from, "site", "--site")?;
        let Some((desk, desk_from)) = pick(&flags.desk, &section.desk, &shown) else {
            bail!(
                "sync is set up ({url}) but this desk has no code: give --desk CODE, or \
                 desk = \"TYO1\" under [sync] in {shown} (1 to 8 letters A-Z and digits, \
                 unique among the desks of the board)"
            );
        };
        let desk = code(&desk, &desk_from, "desk", "--desk")?;
        let mut sites = Vec::new();
        if let Some((list, from)) = pick(&flags.sites, &section.sites, &shown) {
            for s in list {
                let s = code(&s, &from, "sites", "--sites")?;
                if !sites.contains(&s) {
                    sites.push(s);
                }
            }
        }
        if !sites.contains(&site) {
            sites.insert(0, site.clone());
        }
        Ok(Some(SyncSettings {
            url,
            site,
            desk,
            sites,
        }))
    }
}

/// A value and where it came from: the flag's if given, else the file's (at `shown`).
fn pick<'a, T: Clone>(flag: &Option<T>, file: &Option<T>, shown: &'a str) -> Option<(T, From<'a>)> {
    match (flag, file) {
        (Some(v), _) => Some((v.clone(), From::Flag)),
        (None, Some(v)) => Some((v.clone(), From::File(shown))),
        (None, None) => None,
    }
}

fn where_(from: &From, key: &str, flag: &str) -> String {
    match from {
        From::File(path) => format!("{path}: [sync] {key}"),
        From::Flag => flag.to_string(),
    }
}

/// A site or desk code: 1 to 8 of A-Z and 0-9.
fn code(value: &str, from: &From, key: &str, flag: &str) -> Result<String> {
    let v = value.trim();
    if !shiftdesk_core::sync::is_code(v) {
        bail!(
            "{}: {value:?} is not a code: 1 to 8 capital letters A-Z and digits 0-9, like TYO1",
            where_(from, key, flag)
        );
    }
    Ok(v.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir_with(text: Option<&str>) -> (tempfile::TempDir, DataDir) {
        let tmp = tempfile::tempdir().unwrap();
        let dir = DataDir::at(tmp.path());
        if let Some(text) = text {
            std::fs::write(config_path(&dir), text).unwrap();
        }
        (tmp, dir)
    }

    #[test]
    fn no_file_and_no_flags_is_no_sync() {
        let (_t, dir) = dir_with(None);
        assert_eq!(
            SyncSettings::resolve(&dir, &SyncFlags::default()).unwrap(),
            None
        );
        assert!(!config_path(&dir).exists(), "nothing written");
    }

    #[test]
    fn the_file_gives_the_settings_and_flags_win() {
        let (_t, dir) = dir_with(Some(
            "[sync]\nurl = \"nats://127.0.0.1:4222\"\nsite = \"TYO\"\ndesk = \"TYO1\"\nsites = [\"TYO\", \"OSA\"]\n",
        ));
        let s = SyncSettings::resolve(&dir, &SyncFlags::default())
            .unwrap()
            .unwrap();
        assert_eq!(
            s,
            SyncSettings {
                url: "nats://127.0.0.1:4222".into(),
                site: "TYO".into(),
                desk: "TYO1".into(),
                sites: vec!["TYO".into(), "OSA".into()],
            }
        );
        let flags = SyncFlags {
            desk: Some("TYO2".into()),
            sites: Some(vec!["OSA".into()]),
            ..Default::default()
        };
        let s = SyncSettings::resolve(&dir, &flags).unwrap().unwrap();
        assert_eq!(s.desk, "TYO2");
        assert_eq!(
            s.sites,
            vec!["TYO".to_string(), "OSA".into()],
            "own site always read"
        );
        let off = SyncFlags {
            no_sync: true,
            ..Default::default()
        };
        assert_eq!(SyncSettings::resolve(&dir, &off).unwrap(), None);
    }

    #[test]
    fn a_bad_code_names_the_file_and_the_key() {
        let (_t, dir) = dir_with(Some(
            "[sync]\nurl = \"nats://h:4222\"\nsite = \"TYO\"\ndesk = \"tyo-1\"\n",
        ));
        let err = format!(
            "{:#}",
            SyncSettings::resolve(&dir, &SyncFlags::default()).unwrap_err()
        );
        assert!(err.contains("config.toml: [sync] desk"), "{err}");
        assert!(err.contains("\"tyo-1\""), "{err}");
        let flags = SyncFlags {
            site: Some("TOOLONGSITE".into()),
            ..Default::default()
        };
        let err = format!("{:#}", SyncSettings::resolve(&dir, &flags).unwrap_err());
        assert!(err.starts_with("--site"), "{err}");
    }

    #[test]
    fn no_desk_code_asks_for_one() {
        let (_t, dir) = dir_with(None);
        let flags = SyncFlags {
            url: Some("nats://127.0.0.1:4222".into()),
            site: Some("TYO".into()),
            ..Default::default()
        };
        let err = format!("{:#}", SyncSettings::resolve(&dir, &flags).unwrap_err());
        assert!(err.contains("--desk"), "{err}");
        assert!(err.contains("config.toml"), "{err}");
    }

    #[test]
    fn a_broken_file_or_unknown_key_is_named() {
        let (_t, dir) = dir_with(Some("[sync]\nurl = \"nats://h:4222\"\nsiet = \"TYO\"\n"));
        let err = format!(
            "{:#}",
            SyncSettings::resolve(&dir, &SyncFlags::default()).unwrap_err()
        );
        assert!(err.contains("config.toml"), "{err}");
        assert!(err.contains("siet"), "{err}");
        let (_t, dir) = dir_with(Some("[sync\nurl = "));
        let err = format!(
            "{:#}",
            SyncSettings::resolve(&dir, &SyncFlags::default()).unwrap_err()
        );
        assert!(err.contains("config.toml"), "{err}");
        let (_t, dir) = dir_with(Some("[sync]\nurl = \"http://x\"\n"));
        let err = format!(
            "{:#}",
            SyncSettings::resolve(&dir, &SyncFlags::default()).unwrap_err()
        );
        assert!(err.contains("[sync] url"), "{err}");
    }
}
