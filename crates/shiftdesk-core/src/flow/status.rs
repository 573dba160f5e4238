//! Where the flow in use stands: signed off or never, how long ago, changed since; what an
//! operator is to acknowledge; who has not acknowledged it yet.
//!
//! The roll-out asks an operator to acknowledge the flow in use when they acknowledged
//! another one before (and shows what changed since), or when they never acknowledged one
//! and the flow has been signed off (and shows what changed since the sign-off, if
//! anything). A data dir whose flow was never signed and that nobody acknowledged asks
//! nothing: there is no agreed version to roll out yet (the desk says it was never signed).

use super::diff::{Difference, differences};
use super::file::{FlowFile, SignOff};
use super::{FlowSnapshot, short};
use crate::clock::Zone;
use crate::i18n::{Lang, Msg, fill, t};
use crate::text::safe_line;
use chrono::{DateTime, Utc};
use std::collections::BTreeSet;

/// What changed from a kept flow to the one in use.
#[derive(Debug, Clone, PartialEq)]
pub enum Changed {
    No,
    Yes(Vec<Difference>),
    /// Changed, but the kept flow is not there to compare with.
    Untold,
}

impl Changed {
    fn between(file: &FlowFile, kept: &str, current: &FlowSnapshot, fingerprint: &str) -> Changed {
        if kept == fingerprint {
            return Changed::No;
        }
        match file.version(kept) {
            Some(old) => Changed::Yes(differences(&old, current)),
            None => Changed::Untold,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum SignOffState {
    Never,
    Signed {
        sign_off: Box<SignOff>,
        /// Whole days since.
        days: i64,
        /// Days a sign-off holds.
        max_days: u32,
        changed: Changed,
    },
}

pub fn sign_off_state(
    file: &FlowFile,
    current: &FlowSnapshot,
    fingerprint: &str,
    now: DateTime<Utc>,
    max_days: u32,
) -> SignOffState {
    let Some(last) = file.last_sign_off() else {
        return SignOffState::Never;
    };
    SignOffState::Signed {
        sign_off: Box::new(last.clone()),
        days: (now - last.at).num_days().max(0),
        max_days,
        changed: Changed::between(file, &last.fingerprint, current, fingerprint),
    }
}

impl SignOffState {
    /// What the operator is to do about it, a line each: never signed, signed too long ago,
    /// changed since. Empty when the flow in use is signed and recent.
    pub fn warnings(&self, lang: Lang, zone: &Zone) -> Vec<String> {
        let SignOffState::Signed {
            sign_off,
            days,
            max_days,
            changed,
        } = self
        else {
            return vec![t(lang, Msg::FlowNeverSigned).to_string()];
        };
        let date = zone.date(sign_off.at).to_string();
        let by = safe_line(&sign_off.by);
        let mut out = Vec::new();
        if *days > i64::from(*max_days) {
            out.push(fill(
                lang,
                Msg::FlowSignedOld,
                &[
                    ("days", &days.to_string()),
                    ("date", &date),
                    ("by", &by),
                    ("max", &max_days.to_string()),
                ],
            ));
        }
        match changed {
            Changed::No => {}
            Changed::Yes(list) => out.push(fill(
                lang,
                Msg::FlowChangedSinceSigned,
                &[("date", &date), ("by", &by), ("n", &list.len().to_string())],
            )),
            Changed::Untold => out.push(fill(
                lang,
                Msg::FlowChangedUntold,
                &[("date", &date), ("by", &by)],
            )),
        }
        out
    }

    /// The differences since the sign-off, where they can be told.
    pub fn changes(&self) -> &[Difference] {
        match self {
            SignOffState::Signed {
                changed: Changed::Yes(list),
                ..
            } => list,
            _ => &[],
        }
    }

    /// The sign-off in words, when the flow in use is the one signed and recent.
    pub fn in_order(&self, lang: Lang, zone: &Zone) -> Option<String> {
        match self {
            SignOffState::Signed {
                sign_off,
                days,
                max_days,
                changed: Changed::No,
            } if *days <= i64::from(*max_days) => Some(fill(
                lang,
                Msg::FlowSignedCurrent,
                &[
                    ("date", &zone.date(sign_off.at).to_string()),
                    ("by", &safe_line(&sign_off.by)),
                    ("days", &days.to_string()),
                ],
            )),
            _ => None,
        }
    }
}

/// What an operator's last acknowledgement is compared with.
#[derive(Debug, Clone, PartialEq)]
pub enum Basis {
    /// Their own last acknowledgement, of another flow.
    Acknowledged { at: DateTime<Utc> },
    /// They never acknowledged one: the sign-off in force.
    SignedOff { at: DateTime<Utc>, by: String },
}

/// The flow in use, for an operator to acknowledge, and what changed.
#[derive(Debug, Clone, PartialEq)]
pub struct RollOut {
    pub fingerprint: String,
    pub basis: Basis,
    pub changed: Changed,
}

impl RollOut {
    /// The fingerprint as people read it.
    pub fn short(&self) -> &str {
        short(&self.fingerprint)
    }
}

/// What `operator` is to acknowledge of the flow in use; None when nothing.
pub fn roll_out_for(
    file: &FlowFile,
    operator: &str,
    current: &FlowSnapshot,
    fingerprint: &str,
) -> Option<RollOut> {
    let (basis, kept) = match file.last_acknowledgement(operator) {
        Some(a) if a.fingerprint == fingerprint => return None,
        Some(a) => (Basis::Acknowledged { at: a.at }, a.fingerprint.as_str()),
        None => {
            let signed = file.last_sign_off()?;
            let basis = Basis::SignedOff {
                at: signed.at,
                by: signed.by.clone(),
            };
            (basis, signed.fingerprint.as_str())
        }
    };
    Some(RollOut {
        fingerprint: fingerprint.to_string(),
        basis,
        changed: Changed::between(file, kept, current, fingerprint),
    })
}

/// Of the operators known (from incidents and stamps) and those who ever acknowledged,
/// who has acknowledged the flow `fingerprint` last, and who not: each sorted.
pub fn not_acknowledged<'a>(
    file: &'a FlowFile,
    known: impl IntoIterator<Item = &'a str>,
    fingerprint: &str,
) -> (Vec<String>, Vec<String>) {
    let everyone: BTreeSet<&str> = known
        .into_iter()
        .chain(file.acknowledgements.iter().map(|a| a.operator.as_str()))
        .filter(|s| !s.trim().is_empty())
        .collect();
    let (done, not): (Vec<&str>, Vec<&str>) = everyone.into_iter().partition(|op| {
        file.last_acknowledgement(op)
            .is_some_and(|a| a.fingerprint == fingerprint)
    });
    let owned = |v: Vec<&str>| v.into_iter().map(str::to_string).collect();
    (owned(done), owned(not))
}
