//! Figures (ignored): filled in below.
