//! What became of a change submitted to the desk, or of a save or a look at the file:
//! one value that says it all.

/// Why a change did not go in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal<E> {
    /// The state refused it (e.g. the incident is closed); nothing changed.
    Refused(E),
    /// The file cannot be written (unreadable, or of a newer version): nothing is.
    ReadOnly(String),
}

/// Whether what this desk holds is on disk, after the call that reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Everything this desk changed is on disk (or nothing needed writing).
    Saved,
    /// Changes are held in memory and go with the next save (the operator sees NOT SAVED).
    Kept { why: String },
}

/// The outcome of one submitted change (`O`: what it did; `E`: why a change is refused),
/// or of a save or a look at the file (`O` = `()`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use = "a change dropped, a warning or a failed save is to be told"]
pub struct Outcome<O, E> {
    pub result: Result<O, Refusal<E>>,
    pub saved: Saved,
    /// This desk's changes that a fresher state, written by someone else, refused: they
    /// are no longer held (a submitted change refused so is its `result` too).
    pub dropped: Vec<E>,
    /// What the save could not do besides saving (e.g. moving closed incidents to the
    /// archive), to be told.
    pub warnings: Vec<String>,
}

impl<O, E> Outcome<O, E> {
    pub(crate) fn new(result: Result<O, Refusal<E>>, saved: Saved) -> Outcome<O, E> {
        Outcome {
            result,
            saved,
            dropped: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// Whether it is on disk.
    pub fn is_saved(&self) -> bool {
        self.saved == Saved::Saved
    }

    /// The same outcome with every refusal put another way (e.g. in words).
    pub fn map_err<F>(self, f: impl Fn(E) -> F) -> Outcome<O, F> {
        Outcome {
            result: self.result.map_err(|r| match r {
                Refusal::Refused(e) => Refusal::Refused(f(e)),
                Refusal::ReadOnly(why) => Refusal::ReadOnly(why),
            }),
            saved: self.saved,
            dropped: self.dropped.into_iter().map(f).collect(),
            warnings: self.warnings,
        }
    }
}
