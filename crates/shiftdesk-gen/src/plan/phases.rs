//! The phases after the report: the scope, the interim fix, the review and the close, and
//! the injects and readiness checks of a drill.

use super::*;

impl Planner<'_> {
    pub(super) fn report(&mut self) {
        if self.rng.percent(35) {
            self.gap(0, 3);
            self.note(texts::EARLY_NOTES);
        }
        self.call_route();
        if self.partial && !self.reached {
            return;
        }
        self.check_steps(Phase::Report, 1, 8);
    }

    fn scope(&mut self, refined: bool) {
        let n = if refined {
            self.fill.n
        } else {
            (self.fill.n * self.rng.range(30, 100) as u64 / 100).max(1)
        };
        let affected = *self.rng.pick(self.kind.affected);
        let words = Fill { n, ..self.fill };
        let services = *self.rng.pick(self.kind.services);
        let since = self.detected - Duration::minutes(self.rng.range(0, 90));
        let notes = if refined {
            self.fill.lang("件数を確定", "Count confirmed")
        } else {
            self.fill.lang("暫定の見積もり", "First estimate")
        };
        self.push(Change::SetScope {
            incident: self.id(),
            scope: Box::new(Scope {
                services: words.text(&services),
                affected: words.text(&affected),
                estimated_count: Some(n),
                estimated_count_text: String::new(),
                since: Some(since),
                notes,
                extra: Map::new(),
            }),
            conditions: Vec::new(),
        });
    }

    fn consult(&mut self) {
        self.gap(5, 20);
        let ctx = self.ctx;
        let advice = self.pick_text(self.kind.advice);
        // Someone higher up the route, or somebody outside the roster.
        let above: Vec<&str> = self
            .route
            .iter()
            .flat_map(|r| r.levels.iter().skip(1))
            .flat_map(|l| l.contacts.iter().map(String::as_str))
            .collect();
        let pick = above.get(self.rng.below(above.len())).copied();
        let (contact, who) = match pick.and_then(|id| ctx.contacts.get(id)) {
            Some(c) if self.rng.percent(65) => (Some(c.id.clone()), c.name.clone()),
            _ => (None, self.pick_text(texts::outsiders(self.category))),
        };
        self.push(Change::Consult {
            incident: self.id(),
            contact,
            who,
            advice,
        });
    }

    pub(super) fn assess(&mut self) {
        self.gap(5, 30);
        self.scope(false);
        if self.rng.percent(85) {
            self.consult();
        }
        if !self.partial {
            self.maybe_reclassify();
        }
        self.check_steps(Phase::AssessScope, 2, 15);
        if self.partial {
            return;
        }
        if self.rng.percent(15) {
            self.consult();
        }
        if self.rng.percent(40) {
            self.gap(10, 40);
            self.scope(true);
        }
        if self.reached && self.rng.percent(70) {
            self.update();
        }
    }

    pub(super) fn interim(&mut self) {
        self.gap(10, 60);
        let actions = self.kind.actions;
        let count = if self.partial {
            1
        } else {
            self.rng.range(1, actions.len().min(3) as i64) as usize
        };
        let start = self.rng.below(actions.len() - count + 1);
        let steps = self.steps(Phase::InterimFix);
        let split = steps.len() / 2;
        for (k, action) in actions[start..start + count].iter().enumerate() {
            let last = k + 1 == count;
            let effect = match (last, self.rng.below(100)) {
                (true, n) if n < 88 => Effect::Worked,
                (true, _) => Effect::Partly,
                (false, n) if n < 45 => Effect::DidNot,
                (false, _) => Effect::Partly,
            };
            self.gap(5, 45);
            let action = self.text(action);
            self.push(Change::InterimAction {
                incident: self.id(),
                action,
                effect,
            });
            if k == 0 {
                self.check_first(&steps[..split]);
            }
        }
        self.check_steps(Phase::InterimFix, 3, 30);
        if self.partial {
            return;
        }
        if self.reached {
            for _ in 0..self.rng.range(0, 2) {
                self.update();
            }
        }
        if self.rng.percent(45) {
            self.gap(5, 30);
            self.note(texts::NOTES);
        }
        if self.t > 8 * 3600 && !self.drill {
            self.by = By::Relief;
            self.gap(0, 10);
            self.push(Change::Note {
                incident: self.id(),
                text: self.fill.lang(
                    "前の当番から引き継ぎを受けた",
                    "Taken over from the previous shift",
                ),
            });
        }
    }

    /// An incident still open gets its status updates on time, up to `age` seconds after
    /// detection; now and then an operator forgets (seldom for a serious one), and the
    /// update is overdue.
    pub(super) fn keep_updating(&mut self, age: i64) {
        let first_report = self.events.iter().find_map(|e| match e.change {
            Change::Attempt {
                outcome: AttemptOutcome::Reached,
                ..
            } => Some(e.at),
            _ => None,
        });
        let Some(mut last) = first_report else {
            return;
        };
        let forgets = if self.severity.number() <= 2 { 3 } else { 15 };
        if self.drill || self.rng.percent(forgets) {
            return;
        }
        let given: Vec<i64> = self
            .events
            .iter()
            .filter(|e| matches!(e.change, Change::UpdateSent { .. }))
            .map(|e| e.at)
            .collect();
        let cadence = i64::from(self.ctx.roster.update_cadence(self.severity)) * 60;
        for _ in 0..30 {
            let next = last + self.rng.range(cadence * 3 / 4, cadence);
            if next > age - 60 {
                break;
            }
            if let Some(&at) = given.iter().find(|at| **at > last && **at <= next) {
                last = at;
                continue;
            }
            let change = self.update_at(next);
            self.events.push(Event {
                at: next,
                by: if next > 8 * 3600 {
                    By::Relief
                } else {
                    By::Opener
                },
                change,
            });
            last = next;
        }
        self.events.sort_by_key(|e| e.at);
    }

    pub(super) fn review(&mut self) {
        if self.drill {
            self.gap(5, 20);
        } else {
            self.t += self.rng.range(20 * 3600, 10 * 86_400);
        }
        self.by = By::Lead;
        self.check_steps(Phase::Review, 2, 20);
        if self.partial && self.rng.percent(50) {
            return;
        }
        self.gap(5, 30);
        let review = self.review_input();
        self.push(Change::SaveReview {
            incident: self.id(),
            review: Box::new(review),
        });
    }

    fn review_input(&mut self) -> ReviewInput {
        let ctx = self.ctx;
        let detected = self.detected.with_timezone(&JST);
        let kind = self.kind;
        let cause = self.text(nth(kind.causes, self.variant));
        let title = self.title.clone();
        let when = if self.fill.ja {
            detected.format("%-m月%-d日 %H:%M").to_string()
        } else {
            detected.format("%b %-d, %H:%M JST").to_string()
        };
        let what_happened = self.fill.lang(
            &format!("{when}に検知。{title}。影響は{}件。", self.fill.n),
            &format!("Detected {when}. {title}; {} affected.", self.fill.n),
        );
        let due_from = (self.detected + Duration::seconds(self.t)).with_timezone(&JST);
        let count = self.rng.range(1, kind.measures.len().min(3) as i64) as usize;
        let mut measures = Vec::new();
        for k in 0..count {
            let m = nth(kind.measures, self.variant + k);
            let owner = if ctx.owners.is_empty() {
                String::new()
            } else {
                self.rng.pick(&ctx.owners).clone()
            };
            measures.push(MeasureInput {
                id: None,
                text: self.text(m),
                owner,
                due: Some((due_from + Duration::days(self.rng.range(14, 60))).date_naive()),
            });
        }
        ReviewInput {
            what_happened,
            cause,
            went_well: self.pick_text(texts::WENT_WELL),
            went_badly: self.pick_text(texts::WENT_BADLY),
            measures,
            shared_with: self.pick_text(texts::SHARED_WITH),
        }
    }

    pub(super) fn close(&mut self) {
        self.gap(10, 600);
        self.push(Change::Close {
            incident: self.id(),
        });
        if self.rng.one_in(1, 100) {
            self.t += self.rng.range(86_400, 5 * 86_400);
            let reason = self.pick_text(texts::REOPEN_REASONS);
            self.push(Change::Reopen {
                incident: self.id(),
                reason,
            });
            self.gap(30, 300);
            self.note(texts::REOPEN_NOTES);
            self.gap(10, 60);
            self.push(Change::Close {
                incident: self.id(),
            });
        }
    }

    /// The measures marked done, days to weeks after the close; about one closed incident
    /// in two hundred keeps its last measure open.
    pub(super) fn measures_done(&mut self) -> Vec<Event> {
        let count = self
            .events
            .iter()
            .rev()
            .find_map(|e| match &e.change {
                Change::SaveReview { review, .. } => Some(review.measures.len()),
                _ => None,
            })
            .unwrap_or(0);
        let keep_open = self.rng.one_in(1, 200);
        let mut at = 0;
        let mut out = Vec::new();
        for id in 1..=count {
            if keep_open && id == count {
                break;
            }
            at += self.rng.range(2 * 86_400, 20 * 86_400);
            out.push(Event {
                at,
                by: By::Lead,
                change: Change::SetMeasureDone {
                    incident: self.id(),
                    measure: id as u32,
                    done: true,
                },
            });
        }
        out
    }

    /// A drill from a scenario: its injects logged as they come due, its readiness checks
    /// answered, and the drill ended.
    pub(super) fn drill_injects_and_end(&mut self, scenario: &Scenario, stage: Stage) {
        for (i, inject) in scenario.injects.iter().enumerate() {
            let at = i64::from(inject.at_minutes) * 60 + self.rng.range(0, 40);
            self.events.push(Event {
                at,
                by: By::Opener,
                change: Change::LogInjects {
                    incident: self.id(),
                    upto: i + 1,
                },
            });
        }
        self.events.sort_by_key(|e| e.at);
        self.t = self.events.last().map_or(0, |e| e.at);
        if stage != Stage::Closed {
            return;
        }
        for check in &scenario.readiness_checks {
            self.gap(1, 8);
            let answer = match self.rng.below(100) {
                0..60 => Answer::Yes,
                60..85 => Answer::No,
                _ => Answer::NotChecked,
            };
            let note = if answer == Answer::No {
                self.pick_text(texts::CHECK_FAILED)
            } else {
                String::new()
            };
            self.push(Change::AnswerCheck {
                incident: self.id(),
                check: check.id.clone(),
                answer,
                note,
            });
        }
        self.gap(2, 10);
        self.push(Change::EndDrill {
            incident: self.id(),
        });
    }
}
