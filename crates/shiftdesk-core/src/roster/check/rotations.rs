//! Checking the roster's rotations: each has people who are in the roster and a valid
//! shift, its overrides end after they start and do not overlap, and every rotation a route
//! level names exists. Places as the routes' are: `rotations[1].people[0]`,
//! `routes[2].levels[0].rotation`.

use super::{Level, Problem, ProblemKind};
use crate::i18n::{Lang, Msg, fill, t};
use crate::roster::Roster;
use crate::roster::rotation::MAX_SHIFT_HOURS;
use crate::text::{has_content, safe_line};
use std::collections::HashSet;

/// What is wrong with a rotation (`rotation`: its id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RotationProblem {
    IdEmpty,
    DuplicateId {
        rotation: String,
    },
    /// Nobody in it: nobody is ever on duty but by an override.
    NoPeople {
        rotation: String,
    },
    /// A person (or an override's) not in `contacts`.
    UnknownPerson {
        rotation: String,
        person: String,
    },
    /// Neither `shift_hours` nor `shift_starts`.
    NoShift {
        rotation: String,
    },
    /// `shift_hours` zero, negative or over a year.
    BadShiftHours {
        rotation: String,
        hours: i64,
    },
    /// Both `shift_hours` and `shift_starts` (warning: the hours are used).
    BothShifts {
        rotation: String,
    },
    /// The first start is not one of `shift_starts` (warning: the first shift is shorter).
    StartNotInPattern {
        rotation: String,
    },
    /// An override that ends before it starts.
    OverrideBackwards {
        rotation: String,
    },
    /// Overrides whose ranges overlap (warning: the one listed first wins).
    OverlappingOverrides {
        rotation: String,
        first: usize,
    },
    /// A route level names a rotation that is not in `rotations`.
    UnknownRotation {
        route: String,
        rotation: String,
    },
}

impl RotationProblem {
    pub fn level(&self) -> Level {
        match self {
            RotationProblem::BothShifts { .. }
            | RotationProblem::StartNotInPattern { .. }
            | RotationProblem::OverlappingOverrides { .. } => Level::Warning,
            _ => Level::Error,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        use RotationProblem as P;
        let (msg, rotation, extra) = match self {
            P::IdEmpty => return t(lang, Msg::CheckRotationIdEmpty).to_string(),
            P::DuplicateId { rotation } => (Msg::CheckRotationDuplicate, rotation, String::new()),
            P::NoPeople { rotation } => (Msg::CheckRotationNoPeople, rotation, String::new()),
            P::UnknownPerson { rotation, person } => {
                (Msg::CheckRotationUnknownPerson, rotation, safe_line(person))
            }
            P::NoShift { rotation } => (Msg::CheckRotationNoShift, rotation, String::new()),
            P::BadShiftHours { rotation, hours } => {
                (Msg::CheckRotationBadShift, rotation, hours.to_string())
            }
            P::BothShifts { rotation } => (Msg::CheckRotationBothShifts, rotation, String::new()),
            P::StartNotInPattern { rotation } => {
                (Msg::CheckRotationStartOff, rotation, String::new())
            }
            P::OverrideBackwards { rotation } => {
                (Msg::CheckRotationBackwards, rotation, String::new())
            }
            P::OverlappingOverrides { rotation, first } => {
                (Msg::CheckRotationOverlap, rotation, first.to_string())
            }
            P::UnknownRotation { route, rotation } => {
                (Msg::CheckRotationUnknown, rotation, safe_line(route))
            }
        };
        fill(
            lang,
            msg,
            &[("rotation", &safe_line(rotation)), ("what", &extra)],
        )
    }

    pub fn fix(&self, lang: Lang) -> String {
        use RotationProblem as P;
        let msg = match self {
            P::IdEmpty | P::DuplicateId { .. } => Msg::FixRotationId,
            P::NoPeople { .. } | P::UnknownPerson { .. } => Msg::FixRotationPeople,
            P::NoShift { .. } | P::BadShiftHours { .. } | P::BothShifts { .. } => {
                Msg::FixRotationShift
            }
            P::StartNotInPattern { .. } => Msg::FixRotationStartOff,
            P::OverrideBackwards { .. } | P::OverlappingOverrides { .. } => {
                Msg::FixRotationOverride
            }
            P::UnknownRotation { .. } => Msg::FixRotationUnknown,
        };
        t(lang, msg).to_string()
    }
}

fn push(out: &mut Vec<Problem>, place: String, p: RotationProblem) {
    out.push(Problem::new(place, ProblemKind::Rotation(p)));
}

pub(super) fn check_rotations(roster: &Roster, out: &mut Vec<Problem>) {
    let mut ids = HashSet::new();
    for (i, r) in roster.rotations.iter().enumerate() {
        let at = |field: &str| format!("rotations[{i}]{field}");
        let id = r.id.clone();
        if !has_content(&r.id) {
            push(out, at(".id"), RotationProblem::IdEmpty);
        } else if !ids.insert(r.id.as_str()) {
            push(
                out,
                at(".id"),
                RotationProblem::DuplicateId {
                    rotation: id.clone(),
                },
            );
        }
        if r.people.is_empty() {
            push(
                out,
                at(".people"),
                RotationProblem::NoPeople {
                    rotation: id.clone(),
                },
            );
        }
        for (k, person) in r.people.iter().enumerate() {
            if roster.contact(person).is_none() {
                let p = RotationProblem::UnknownPerson {
                    rotation: id.clone(),
                    person: person.clone(),
                };
                push(out, at(&format!(".people[{k}]")), p);
            }
        }
        match (r.shift_hours, r.shift_starts.is_empty()) {
            (None, true) => push(
                out,
                at(""),
                RotationProblem::NoShift {
                    rotation: id.clone(),
                },
            ),
            (Some(h), _) if !(1..=MAX_SHIFT_HOURS).contains(&h) => {
                let p = RotationProblem::BadShiftHours {
                    rotation: id.clone(),
                    hours: h,
                };
                push(out, at(".shift_hours"), p);
            }
            (Some(_), false) => {
                let p = RotationProblem::BothShifts {
                    rotation: id.clone(),
                };
                push(out, at(".shift_starts"), p);
            }
            (None, false) => {
                if !r.shift_starts.iter().any(|s| s.0 == r.start.0.time()) {
                    let p = RotationProblem::StartNotInPattern {
                        rotation: id.clone(),
                    };
                    push(out, at(".start"), p);
                }
            }
            (Some(_), true) => {}
        }
        let mut ranges = Vec::new();
        for (k, o) in r.overrides.iter().enumerate() {
            let place = at(&format!(".overrides[{k}]"));
            if roster.contact(&o.person).is_none() {
                let p = RotationProblem::UnknownPerson {
                    rotation: id.clone(),
                    person: o.person.clone(),
                };
                push(out, format!("{place}.person"), p);
            }
            let Some((from, until)) = o.range(r.zone) else {
                push(
                    out,
                    format!("{place}.until"),
                    RotationProblem::OverrideBackwards {
                        rotation: id.clone(),
                    },
                );
                continue;
            };
            if let Some((first, _, _)) = ranges.iter().find(|(_, f, u)| from < *u && *f < until) {
                let p = RotationProblem::OverlappingOverrides {
                    rotation: id.clone(),
                    first: *first,
                };
                push(out, place, p);
            }
            ranges.push((k, from, until));
        }
    }
    for (i, route) in roster.routes.iter().enumerate() {
        for (j, level) in route.levels.iter().enumerate() {
            if let Some(rotation) = &level.rotation
                && roster.rotation(rotation).is_none()
            {
                let p = RotationProblem::UnknownRotation {
                    route: route.id.clone(),
                    rotation: rotation.clone(),
                };
                push(out, format!("routes[{i}].levels[{j}].rotation"), p);
            }
        }
    }
}
