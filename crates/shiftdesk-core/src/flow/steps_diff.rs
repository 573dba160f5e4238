//! What changed in the playbooks: steps added, removed or changed, per category and kind
//! and phase; kinds added or removed.

use super::diff::{Book, Difference, Part};
use crate::category::Category;
use crate::playbook::{CategoryPlaybook, Phase, PlaybookStep, Playbooks};
use serde_json::Value;

pub(super) fn step_differences(old: &Value, new: &Value, out: &mut Vec<Difference>) {
    let typed = |v: &Value| serde_json::from_value::<Playbooks>(v.clone()).ok();
    let (Some(old), Some(new)) = (typed(old), typed(new)) else {
        out.push(Difference::PartChanged {
            part: Part::Playbooks,
        });
        return;
    };
    let empty = CategoryPlaybook::default();
    for category in Category::ALL {
        let a = old.playbooks.get(&category).unwrap_or(&empty);
        let b = new.playbooks.get(&category).unwrap_or(&empty);
        if a == b {
            continue;
        }
        let book = Book {
            category,
            kind: None,
        };
        for phase in Phase::ALL {
            phase_differences(&book, phase, a.phase(phase), b.phase(phase), out);
        }
        for kind in &a.kinds {
            if b.kind(&kind.id).is_none() {
                out.push(Difference::KindRemoved {
                    category,
                    name: kind.name.clone(),
                });
            }
        }
        for kind in &b.kinds {
            let Some(was) = a.kind(&kind.id) else {
                out.push(Difference::KindAdded {
                    category,
                    name: kind.name.clone(),
                });
                continue;
            };
            let book = Book {
                category,
                kind: Some(kind.name.clone()),
            };
            for phase in Phase::ALL {
                phase_differences(&book, phase, was.phase(phase), kind.phase(phase), out);
            }
        }
    }
}

/// Steps of one phase, matched by their ids.
fn phase_differences(
    book: &Book,
    phase: Phase,
    old: &[PlaybookStep],
    new: &[PlaybookStep],
    out: &mut Vec<Difference>,
) {
    for step in old {
        if !new.iter().any(|s| s.id == step.id) {
            out.push(Difference::StepRemoved {
                book: book.clone(),
                phase,
                text: step.text.clone(),
            });
        }
    }
    for step in new {
        match old.iter().find(|s| s.id == step.id) {
            None => out.push(Difference::StepAdded {
                book: book.clone(),
                phase,
                text: step.text.clone(),
            }),
            Some(was) if was != step => out.push(Difference::StepChanged {
                book: book.clone(),
                phase,
                old: was.text.clone(),
                new: step.text.clone(),
            }),
            Some(_) => {}
        }
    }
}
