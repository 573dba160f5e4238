//! A hybrid logical clock: milliseconds of the wall clock, and a counter for events in the
//! same millisecond or made behind a clock already seen. An incident's events sort by it
//! (then by id), the same way on every desk.

use serde::{Deserialize, Serialize};

/// Ordered by `(ms, n)`.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Hlc {
    /// Milliseconds since 1970 (UTC), never behind a clock seen before.
    pub ms: i64,
    /// Counts events within the same `ms`.
    pub n: u32,
}

impl Hlc {
    /// The clock of an event made here now: after `last` (this desk's newest clock).
    pub fn tick(last: Hlc, now_ms: i64) -> Hlc {
        if now_ms > last.ms {
            Hlc { ms: now_ms, n: 0 }
        } else {
            Hlc {
                ms: last.ms,
                n: last.n.saturating_add(1),
            }
        }
    }

    /// This desk's clock after receiving an event stamped `seen`: after both.
    pub fn observe(last: Hlc, seen: Hlc, now_ms: i64) -> Hlc {
        let ms = now_ms.max(last.ms).max(seen.ms);
        let n = match (ms == last.ms, ms == seen.ms) {
            (true, true) => last.n.max(seen.n).saturating_add(1),
            (true, false) => last.n.saturating_add(1),
            (false, true) => seen.n.saturating_add(1),
            (false, false) => 0,
        };
        Hlc { ms, n }
    }
}

#[cfg(test)]
mod tests {
    use super::Hlc;

    #[test]
    fn a_tick_follows_the_wall_clock_and_never_goes_back() {
        let a = Hlc::tick(Hlc::default(), 1000);
        assert_eq!(a, Hlc { ms: 1000, n: 0 });
        let b = Hlc::tick(a, 1000);
        assert_eq!(b, Hlc { ms: 1000, n: 1 });
        // The wall clock stepped back: the clock does not.
        let c = Hlc::tick(b, 900);
        assert_eq!(c, Hlc { ms: 1000, n: 2 });
        assert!(a < b && b < c);
        assert_eq!(Hlc::tick(c, 1001), Hlc { ms: 1001, n: 0 });
    }

    #[test]
    fn observing_goes_past_what_was_seen() {
        let last = Hlc { ms: 1000, n: 3 };
        let ahead = Hlc { ms: 5000, n: 7 };
        let o = Hlc::observe(last, ahead, 2000);
        assert_eq!(o, Hlc { ms: 5000, n: 8 });
        assert!(o > ahead && o > last);
        assert_eq!(
            Hlc::observe(last, Hlc { ms: 1000, n: 9 }, 10),
            Hlc { ms: 1000, n: 10 }
        );
        assert_eq!(Hlc::observe(last, ahead, 6000), Hlc { ms: 6000, n: 0 });
        assert_eq!(
            Hlc::observe(last, Hlc { ms: 10, n: 0 }, 500),
            Hlc { ms: 1000, n: 4 }
        );
    }
}
