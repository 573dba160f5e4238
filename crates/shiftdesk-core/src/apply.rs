//! A lasting change that can be applied again to a fresher state: the store re-applies
//! pending changes on top of what another desk wrote.

pub trait Apply<T> {
    /// What the change did.
    type Out: Clone;
    /// Why the state refused it. A refused change leaves the state as it was.
    type Err: Clone;
    fn apply(&self, state: &mut T) -> Result<Self::Out, Self::Err>;
    /// False when the change was already in place and nothing needs writing.
    fn changed(out: &Self::Out) -> bool;
    /// When the change was made, for changes that carry a time.
    fn at(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        None
    }
}

impl Apply<crate::desk::IncidentsFile> for crate::change::Stamped {
    type Out = crate::change::Applied;
    type Err = crate::change::ChangeError;

    fn apply(&self, state: &mut crate::desk::IncidentsFile) -> Result<Self::Out, Self::Err> {
        crate::change::Stamped::apply(self, state)
    }

    fn changed(out: &Self::Out) -> bool {
        !matches!(out, crate::change::Applied::Unchanged)
    }

    fn at(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        Some(self.at)
    }
}
