//! Reading a JSON data file: with the place of any fault, and the schema version checked
//! before anything else.

use serde::de::DeserializeOwned;
use std::fmt;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

/// Files larger than this are refused unread.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileProblem {
    /// Not valid JSON, or not the shape expected.
    Malformed {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    /// Written by a newer shiftdesk.
    NewerSchema {
        path: PathBuf,
        found: u64,
        known: u32,
    },
    TooLarge {
        path: PathBuf,
        bytes: u64,
    },
    Unreadable {
        path: PathBuf,
        message: String,
    },
}

impl FileProblem {
    pub fn path(&self) -> &Path {
        match self {
            FileProblem::Malformed { path, .. }
            | FileProblem::NewerSchema { path, .. }
            | FileProblem::TooLarge { path, .. }
            | FileProblem::Unreadable { path, .. } => path,
        }
    }
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileProblem::Malformed {
                path,
                line,
                column,
                message,
            } => write!(f, "{}:{line}:{column}: {message}", path.display()),
            FileProblem::NewerSchema { path, found, known } => write!(
                f,
                "{}: schema_version {found} is newer than this shiftdesk understands ({known}); \
                 use a newer shiftdesk",
                path.display()
            ),
            FileProblem::TooLarge { path, bytes } => write!(
                f,
                "{}: {bytes} bytes is over the {} MB limit for a data file",
                path.display(),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            FileProblem::Unreadable { path, message } => {
                write!(f, "{}: {message}", path.display())
            }
        }
    }
}

impl std::error::Error for FileProblem {}

/// The file's bytes; None when it does not exist.
pub fn read_bytes(path: &Path) -> Result<Option<Vec<u8>>, FileProblem> {
    read_bytes_with(&super::fs::RealFs, path)
}

/// As [`read_bytes`], through a file-system seam.
pub fn read_bytes_with(
    fs: &dyn super::fs::Fs,
    path: &Path,
) -> Result<Option<Vec<u8>>, FileProblem> {
    let mut bytes = Vec::new();
    Ok(read_bytes_into(fs, path, &mut bytes)?.then_some(bytes))
}

/// As [`read_bytes_with`], into `into` (its room reused): false when there is no file.
pub fn read_bytes_into(
    fs: &dyn super::fs::Fs,
    path: &Path,
    into: &mut Vec<u8>,
) -> Result<bool, FileProblem> {
    let unreadable = |e: std::io::Error| FileProblem::Unreadable {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(unreadable(e)),
    };
    if meta.is_dir() {
        return Err(FileProblem::Unreadable {
            path: path.to_path_buf(),
            message: "is a directory, not a file".into(),
        });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(FileProblem::TooLarge {
            path: path.to_path_buf(),
            bytes: meta.len(),
        });
    }
    fs.read(path, into).map(|()| true).map_err(unreadable)
}

/// A data file that says which schema it was written in.
pub trait Versioned {
    fn schema_version(&self) -> u64;
}

#[derive(serde::Deserialize)]
struct VersionOnly {
    schema_version: Option<u64>,
}

/// Parses `bytes` as `T` and checks its `schema_version` is one this build knows. A file of
/// a newer schema is reported as such even where it does not parse as `T`.
pub fn parse<T: DeserializeOwned + Versioned>(
    path: &Path,
    bytes: &[u8],
    known_schema: u32,
) -> Result<T, FileProblem> {
    let newer = |found: u64| FileProblem::NewerSchema {
        path: path.to_path_buf(),
        found,
        known: known_schema,
    };
    match serde_json::from_slice::<T>(bytes) {
        Ok(doc) if doc.schema_version() > u64::from(known_schema) => {
            Err(newer(doc.schema_version()))
        }
        Ok(doc) => Ok(doc),
        Err(e) => {
            if let Ok(VersionOnly {
                schema_version: Some(found),
            }) = serde_json::from_slice::<VersionOnly>(bytes)
                && found > u64::from(known_schema)
            {
                return Err(newer(found));
            }
            Err(FileProblem::Malformed {
                path: path.to_path_buf(),
                line: e.line(),
                column: e.column(),
                message: strip_position(&e.to_string()),
            })
        }
    }
}

/// serde_json ends its messages with " at line L column C"; the path prefix says that already.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Doc {
        schema_version: u32,
        n: u32,
    }

    impl Versioned for Doc {
        fn schema_version(&self) -> u64 {
            u64::from(self.schema_version)
        }
    }

    #[test]
    fn malformed_json_names_line_and_column() {
        let err = parse::<Doc>(
            Path::new("/d/x.json"),
            b"{\n  \"schema_version\": 1,\n  \"n\": }",
            1,
        )
        .unwrap_err();
        let text = err.to_string();
        assert!(text.starts_with("/d/x.json:3:8: "), "{text}");
    }

    #[test]
    fn wrong_types_name_the_place_too() {
        let err = parse::<Doc>(
            Path::new("x.json"),
            b"{\"schema_version\": 1,\n\"n\": \"two\"}",
            1,
        )
        .unwrap_err();
        assert!(
            matches!(err, FileProblem::Malformed { line: 2, .. }),
            "{err}"
        );
    }

    #[test]
    fn newer_schema_is_its_own_problem() {
        let err =
            parse::<Doc>(Path::new("x.json"), b"{\"schema_version\": 9, \"n\": 1}", 1).unwrap_err();
        assert!(matches!(err, FileProblem::NewerSchema { found: 9, .. }));
        // Also when the newer file has a shape this build cannot read.
        let err = parse::<Doc>(
            Path::new("x.json"),
            b"{\"schema_version\": 2, \"n\": []}",
            1,
        )
        .unwrap_err();
        assert!(matches!(err, FileProblem::NewerSchema { found: 2, .. }));
        assert!(err.to_string().contains("newer"));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        assert!(parse::<Doc>(Path::new("x.json"), deep.as_bytes(), 1).is_err());
    }
}
