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

impl Apply<super::desk::IncidentsFile> for super::change::Stamped {
    type Out = super::change::Applied;
    type Err = super::change::ChangeError;

    fn apply(&self, state: &mut super::desk::IncidentsFile) -> Result<Self::Out, Self::Err> {
        super::change::Stamped::apply(self, state)
    }

    fn changed(out: &Self::Out) -> bool {
        !matches!(out, super::change::Applied::Unchanged)
    }

    fn at(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        Some(self.at)
    }
}
