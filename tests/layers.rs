//! The layers hold: each crate depends only on the ones below it (Cargo refuses a cycle, so
//! a crate cannot name one above it), the domain and the words do no I/O, read no clock and
//! no environment, and nothing below the app knows the terminal.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The names in a Cargo.toml's `[dependencies]` table (not dev-dependencies).
fn dependencies(manifest: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(manifest).unwrap();
    let mut in_deps = false;
    let mut names = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_deps = line == "[dependencies]";
            continue;
        }
        if in_deps && !line.is_empty() && !line.starts_with('#') {
            let name = line.split(['=', '.', ' ']).next().unwrap_or("").trim();
            names.push(name.to_string());
        }
    }
    names
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Each crate, with what it may depend on among the workspace's crates and what it must not
/// use at all.
const LAYERS: &[(&str, &[&str], &[&str])] = &[
    ("shiftdesk-words", &[], &["ratatui", "crossterm", "serde"]),
    (
        "shiftdesk-core",
        &["shiftdesk-words"],
        &["ratatui", "crossterm", "directories", "libc", "anyhow"],
    ),
    (
        "shiftdesk-store",
        &["shiftdesk-words", "shiftdesk-core"],
        &["ratatui", "crossterm", "ratatui-textarea"],
    ),
    (
        "shiftdesk-gen",
        &["shiftdesk-words", "shiftdesk-core", "shiftdesk-store"],
        &["ratatui", "crossterm"],
    ),
];

#[test]
fn each_crate_depends_only_on_the_layers_below_it() {
    let mut checked = 0;
    for (name, below, never) in LAYERS {
        let manifest = root().join("crates").join(name).join("Cargo.toml");
        for dep in dependencies(&manifest) {
            if dep.starts_with("shiftdesk") {
                assert!(
                    below.contains(&dep.as_str()),
                    "{name} depends on {dep}, which is not below it"
                );
            }
            assert!(
                !never.contains(&dep.as_str()),
                "{name} must not depend on {dep}"
            );
            checked += 1;
        }
    }
    assert!(checked > 5, "read the manifests ({checked} dependencies)");
    let app = dependencies(&root().join("Cargo.toml"));
    assert!(
        !app.contains(&"shiftdesk-gen".to_string()),
        "the generator is for benches only"
    );
}

#[test]
fn the_domain_and_the_words_read_no_files_no_clock_and_no_environment() {
    let forbidden = [
        "std::fs",
        "std::env",
        "std::net",
        "std::process",
        "Utc::now",
        "Local::now",
        "SystemTime::now",
        "Instant::now",
    ];
    let mut files = Vec::new();
    for name in ["shiftdesk-words", "shiftdesk-core"] {
        sources(&root().join("crates").join(name).join("src"), &mut files);
    }
    assert!(files.len() > 20, "found the sources ({})", files.len());
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        // Unit tests may read fixtures; the code they test may not.
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        let name = file.file_name().unwrap().to_string_lossy();
        if name == "tests.rs" || name == "test_fixtures.rs" {
            continue;
        }
        for word in forbidden {
            assert!(
                !code.contains(word),
                "{} uses {word}: the domain is handed what it needs",
                file.display()
            );
        }
    }
}
