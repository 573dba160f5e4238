//! What went wrong on the link: the kind of trouble, which the desk words in the operator's
//! language, and the server's or client's own words, which stay as they are.

/// A problem of the link, to tell the operator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub trouble: Trouble,
    /// The server's or the client library's own words (may be empty).
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trouble {
    /// The thread's runtime could not start.
    Start,
    /// The own site's server cannot be reached at `url`.
    Connect { url: String },
    /// The own site's stream could not be found or made.
    Stream { site: String },
    /// Sending to the site's stream failed.
    Send { site: String },
    /// The site's server did not acknowledge what was sent in time.
    NoAcknowledgement { site: String },
    /// The site's stream could not be read.
    Read { site: String },
    /// The site answered nothing within `seconds`.
    NoAnswer { site: String, seconds: u64 },
    /// No answer from the site's stream: the link to the site is down, or its stream was
    /// never made.
    Unreached { site: String },
    /// The site's stream ends at `end`, before this desk's place in it: it was made anew,
    /// and is read again from its start.
    MadeAnew { site: String, end: u64, place: u64 },
}

impl Problem {
    pub fn new(trouble: Trouble, detail: impl Into<String>) -> Problem {
        Problem {
            trouble,
            detail: detail.into(),
        }
    }

    /// The site it is about, if one.
    pub fn site(&self) -> Option<&str> {
        match &self.trouble {
            Trouble::Start | Trouble::Connect { .. } => None,
            Trouble::Stream { site }
            | Trouble::Send { site }
            | Trouble::NoAcknowledgement { site }
            | Trouble::Read { site }
            | Trouble::NoAnswer { site, .. }
            | Trouble::Unreached { site }
            | Trouble::MadeAnew { site, .. } => Some(site),
        }
    }
}
