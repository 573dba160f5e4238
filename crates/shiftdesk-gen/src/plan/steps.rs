//! Working through the checklist: which steps apply, and checking them as an operator
//! would, now and then with a note.

use super::*;

impl Planner<'_> {
    pub(super) fn steps(&self, phase: Phase) -> Vec<(String, bool)> {
        self.book
            .phase(phase)
            .iter()
            .filter(|s| !self.done.contains(&s.id))
            .map(|s| (s.id.clone(), s.text.en.starts_with("If ")))
            .collect()
    }

    /// Checks the open steps of a phase, a few minutes apart; steps that apply only in some
    /// cases are checked about half the time, others nearly always. Review steps always.
    pub(super) fn check_steps(&mut self, phase: Phase, lo: i64, hi: i64) {
        let steps = self.steps(phase);
        let upto = if self.partial {
            self.rng.below(steps.len() + 1)
        } else {
            steps.len()
        };
        for (id, conditional) in steps.into_iter().take(upto) {
            // Closing needs every review step, so those all apply.
            let required = phase == Phase::Review;
            self.work_step(id, conditional, required, (lo, hi));
        }
    }

    /// One step, a few minutes on. A step for some cases only (`conditional`) applies about
    /// half the time; when it does not, it is checked with a note saying so, or left open
    /// (never in a drill, which is run by the book). Now and then another step is left open
    /// too, unless it is `required`. An incident still open has every step of its past
    /// phases checked, so its phase is where its work is.
    pub(super) fn work_step(
        &mut self,
        id: String,
        conditional: bool,
        required: bool,
        (lo, hi): (i64, i64),
    ) {
        let applies = required
            || if conditional {
                self.rng.percent(50)
            } else {
                !self.rng.percent(4)
            };
        let note = if applies {
            self.rng
                .percent(4)
                .then(|| *self.rng.pick(texts::STEP_NOTES))
        } else if conditional && (self.still_open || self.drill || self.rng.percent(25)) {
            Some(texts::NOT_APPLICABLE)
        } else if self.still_open {
            None
        } else {
            return;
        };
        self.gap(lo, hi);
        self.check(&id);
        if let Some(note) = note {
            self.gap(0, 2);
            let text = self.text(&note);
            self.push(Change::NoteStep {
                incident: self.id(),
                step: id,
                text,
            });
        }
    }

    pub(super) fn check(&mut self, id: &str) {
        self.done.insert(id.to_string());
        self.push(Change::SetStep {
            incident: self.id(),
            step: id.to_string(),
            done: true,
        });
    }

    /// Checks the first steps of a phase before going on with the rest.
    pub(super) fn check_first(&mut self, steps: &[(String, bool)]) {
        for (id, conditional) in steps {
            self.work_step(id.clone(), *conditional, false, (2, 10));
        }
    }
}
