//! Large, realistic data dirs for benchmarks and for measuring: a roster of thousands of
//! contacts and years of incidents, built as the desk builds them.
//!
//! Everything is derived from a [`Spec`] and a `now`: the same inputs give the same bytes.
//! Incidents are made by applying the same [`Change`](shiftdesk_core::change::Change)s the desk
//! applies, so their timelines, checklists and routes are what a real desk would have saved.
//!
//! People, numbers and addresses are fictional: phone numbers follow the sample roster's
//! `0000` middle block and addresses use the `example.jp` / `example.com` domains.

mod incidents;
mod names;
mod plan;
mod roster;
mod texts;

#[cfg(test)]
mod tests;

use anyhow::{Context, Result, bail};
use chrono::{DateTime, Utc};
use shiftdesk_core::desk::IncidentsFile;
use shiftdesk_core::roster::Roster;
use shiftdesk_store::DataDir;
use shiftdesk_store::atomic::{to_pretty_json, write_atomic};
use std::path::Path;

/// How much to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    /// Incidents in all, open ones included.
    pub incidents: usize,
    /// How many of the most recent incidents are still open.
    pub open: usize,
    pub contacts: usize,
    /// Another seed gives other people, other incidents and other times.
    pub seed: u64,
}

impl Default for Spec {
    fn default() -> Self {
        Spec {
            incidents: 10_000,
            open: 50,
            contacts: 5_000,
            seed: 1,
        }
    }
}

/// A roster of `spec.contacts` people over several sites and teams, with a default route
/// and routes per category. Passes `roster check` without errors from one contact up (with
/// few, routes are shorter and name whoever there is); most people are on no route, which
/// the check notes as a warning.
pub fn roster(spec: &Spec) -> Roster {
    roster::build(spec)
}

/// `spec.incidents` incidents over the three years before `now`, numbered in the order they
/// were detected; the last `spec.open` are open, the others closed after their review.
pub fn incidents(spec: &Spec, roster: &Roster, now: DateTime<Utc>) -> IncidentsFile {
    incidents::build(spec, roster, now)
}

/// Creates the data dir `root` and writes `roster.json` and `incidents.json` into it.
/// Refuses, writing nothing, when either file is already there.
pub fn write_dir(root: &Path, spec: &Spec, now: DateTime<Utc>) -> Result<()> {
    let dir = DataDir::at(root);
    for path in [dir.roster(), dir.incidents()] {
        // Anything there counts, a dangling symlink too.
        if path.symlink_metadata().is_ok() {
            bail!(
                "{} already exists; generated data is only written where there is none",
                path.display()
            );
        }
    }
    dir.create()?;
    let roster = roster(spec);
    let incidents = incidents(spec, &roster, now);
    let roster_bytes = to_pretty_json(&roster)?;
    let incidents_bytes = to_pretty_json(&incidents)?;
    write_atomic(&dir.roster(), &roster_bytes)
        .with_context(|| format!("writing {}", dir.roster().display()))?;
    write_atomic(&dir.incidents(), &incidents_bytes)
        .with_context(|| format!("writing {}", dir.incidents().display()))?;
    Ok(())
}

/// splitmix64: small, fast, and the same everywhere. Not for secrets.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// A generator of its own for one item (an incident, a contact) of a stream, so items
    /// do not depend on how many numbers the ones before them drew.
    fn derive(seed: u64, stream: u64, item: u64) -> Rng {
        let mut r = Rng::new(seed ^ stream.wrapping_mul(0xD6E8_FEB8_6659_FD93));
        r.0 ^= r
            .next_u64()
            .wrapping_add(item.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        r
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// 0 ≤ n < `bound` (0 when `bound` is 0).
    fn below(&mut self, bound: usize) -> usize {
        ((u128::from(self.next_u64()) * bound as u128) >> 64) as usize
    }

    /// lo ≤ n ≤ hi.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + self.below((hi - lo + 1) as usize) as i64
    }

    /// 0.0 ≤ x < 1.0.
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True `percent` times in a hundred.
    fn percent(&mut self, percent: u32) -> bool {
        self.below(100) < percent as usize
    }

    /// True `n` times in `of`.
    fn one_in(&mut self, n: usize, of: usize) -> bool {
        self.below(of) < n
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// An index by weight.
    fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut n = self.below(total as usize) as u32;
        for (i, w) in weights.iter().enumerate() {
            if n < *w {
                return i;
            }
            n -= w;
        }
        weights.len() - 1
    }
}
