//! Daily copies of the data files in `backups/`: the last ten days of each are kept.

use super::atomic::write_atomic;
use super::paths::DataDir;
use anyhow::{Context, Result};
use chrono::{DateTime, Utc};
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};

pub const KEEP_DAYS: usize = 10;

pub fn backups_dir(dir: &DataDir) -> PathBuf {
    dir.root().join("backups")
}

/// `incidents` for `incidents.json`.
fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The copies of a data file, oldest first: `backups/incidents-2026-11-29.json`, …
pub fn copies(dir: &DataDir, path: &Path) -> Vec<PathBuf> {
    let prefix = format!("{}-", stem(path));
    let mut found: Vec<PathBuf> = std::fs::read_dir(backups_dir(dir))
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name().map(|n| n.to_string_lossy()).is_some_and(|n| {
                        n.starts_with(&prefix)
                            && n.ends_with(".json")
                            && n.len() == prefix.len() + 15
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

/// Writes today's copy of a data file when there is none yet, and drops copies past the
/// last ten. Returns the copy written, if one was.
pub fn keep_daily_copy(
    dir: &DataDir,
    path: &Path,
    bytes: &[u8],
    now: DateTime<Utc>,
) -> Result<Option<PathBuf>> {
    let folder = backups_dir(dir);
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(&folder)
        .with_context(|| format!("creating {}", folder.display()))?;
    let copy = folder.join(format!("{}-{}.json", stem(path), now.format("%Y-%m-%d")));
    let written = if copy.exists() {
        None
    } else {
        write_atomic(&copy, bytes)?;
        Some(copy)
    };
    let all = copies(dir, path);
    for old in all.iter().take(all.len().saturating_sub(KEEP_DAYS)) {
        std::fs::remove_file(old).with_context(|| format!("removing {}", old.display()))?;
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_copy_a_day_and_only_the_last_ten_days() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = DataDir::at(tmp.path());
        let file = dir.incidents();
        let day =
            |d: u32| -> DateTime<Utc> { format!("2026-11-{d:02}T09:00:00Z").parse().unwrap() };
        for d in 1..=12 {
            keep_daily_copy(&dir, &file, format!("day {d}").as_bytes(), day(d)).unwrap();
            // A second save the same day keeps the day's first copy.
            assert!(
                keep_daily_copy(&dir, &file, b"later", day(d))
                    .unwrap()
                    .is_none()
            );
        }
        let kept = copies(&dir, &file);
        assert_eq!(kept.len(), KEEP_DAYS);
        assert!(kept[0].ends_with("incidents-2026-11-03.json"));
        assert_eq!(std::fs::read(&kept[9]).unwrap(), b"day 12");
    }
}
