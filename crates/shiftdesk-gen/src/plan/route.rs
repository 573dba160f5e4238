//! Calling the route until someone is reached, and a new classification that may bring a
//! new route.

use super::*;
use shiftdesk_core::checklist::checklist_from;

impl Planner<'_> {
    /// Calls the route until someone is reached: mostly the first person called; sometimes
    /// the second; now and then nobody on the first level, and the operator goes up, by
    /// hand or because everyone there was tried.
    pub(super) fn call_route(&mut self) {
        let Some(route) = self.route.clone() else {
            self.gap(2, 8);
            if let Some(step) = self.report_step() {
                self.check(&step);
            }
            self.reached = true;
            return;
        };
        if self.rng.percent(8) {
            self.gap(10, 25);
        } else {
            self.gap(1, 4);
        }
        let mut luck = self.rng.weighted(&[60, 25, 15]);
        let mut level = 0;
        while level < route.levels.len() {
            let available = self.available(&route.levels[level].contacts);
            let last = level + 1 == route.levels.len();
            if available.is_empty() {
                level += 1;
                continue;
            }
            if self.partial && self.rng.percent(25) {
                // Still trying: the report is not made yet.
                self.miss(&available[0], level);
                return;
            }
            match luck {
                0 => self.attempt(&available[0], level, AttemptOutcome::Reached),
                1 => {
                    self.miss(&available[0], level);
                    self.gap(2, 6);
                    let next = available.get(1).unwrap_or(&available[0]).clone();
                    self.attempt(&next, level, AttemptOutcome::Reached);
                }
                _ if last => {
                    for c in &available {
                        self.miss(c, level);
                        self.gap(2, 5);
                    }
                    self.gap(5, 10);
                    self.attempt(&available[0], level, AttemptOutcome::Reached);
                }
                _ => {
                    self.miss(&available[0], level);
                    if available.len() > 1 && self.rng.percent(40) {
                        self.gap(1, 3);
                        let reason = self.pick_text(texts::ESCALATION_REASONS);
                        self.push(Change::Escalate {
                            incident: self.id(),
                            to_level: level + 1,
                            reason,
                        });
                    } else {
                        for c in available.iter().skip(1) {
                            self.gap(2, 5);
                            self.miss(c, level);
                        }
                    }
                    self.gap(1, 4);
                    level += 1;
                    luck = self.rng.weighted(&[70, 30]);
                    continue;
                }
            }
            self.reached = true;
            // A serious incident is reported one level up as well.
            if self.severity.number() <= 2 && !last && self.rng.percent(60) {
                let above = self.available(&route.levels[level + 1].contacts);
                if let Some(c) = above.first() {
                    self.gap(3, 10);
                    self.attempt(c, level + 1, AttemptOutcome::Reached);
                }
            }
            return;
        }
    }

    /// A call that reached nobody: no answer, or a message left.
    fn miss(&mut self, contact: &str, level: usize) {
        let outcome = if self.rng.percent(75) {
            AttemptOutcome::NoAnswer
        } else {
            AttemptOutcome::LeftMessage
        };
        self.attempt(contact, level, outcome);
    }

    fn report_step(&self) -> Option<String> {
        self.book
            .report
            .iter()
            .find(|s| s.role == Some(StepRole::ReportToSupervisor))
            .map(|s| s.id.clone())
    }

    fn available(&self, ids: &[String]) -> Vec<String> {
        let at = self.detected + Duration::seconds(self.t);
        ids.iter()
            .filter(|id| {
                self.ctx
                    .contacts
                    .get(id.as_str())
                    .is_some_and(|c| !c.is_unavailable_at(at))
            })
            .cloned()
            .collect()
    }

    fn attempt(&mut self, contact: &str, level: usize, outcome: AttemptOutcome) {
        self.gap(0, 1);
        if outcome == AttemptOutcome::Reached
            && let Some(step) = self.report_step()
        {
            self.done.insert(step);
        }
        self.push(Change::Attempt {
            incident: self.id(),
            contact: contact.to_string(),
            level,
            outcome,
            contact_role: String::new(),
        });
    }

    pub(super) fn maybe_reclassify(&mut self) {
        let category = match reclassified(self.category) {
            Some(to) if !self.drill && self.rng.percent(2) => *self.rng.pick(to),
            _ => self.category,
        };
        let severity = if category == self.category && self.rng.percent(8) {
            let n = self.severity.number();
            let up = n == 4 || (n > 1 && self.rng.percent(60));
            Severity::new(if up { n - 1 } else { n + 1 }).unwrap_or(self.severity)
        } else {
            self.severity
        };
        if (category, severity) == (self.category, self.severity) {
            return;
        }
        let reason = if category != self.category {
            let (ja, en) = (
                i18n::category(Lang::Ja, category),
                i18n::category(Lang::En, category),
            );
            self.fill.lang(
                &format!("調査の結果、{ja}に当たると判断"),
                &format!("On investigation this is: {en}"),
            )
        } else if severity < self.severity {
            self.pick_text(texts::MORE_SERIOUS)
        } else {
            self.pick_text(texts::LESS_SERIOUS)
        };
        let book = super::book_for(self.ctx, category);
        let route = self
            .ctx
            .roster
            .route_for(category, severity)
            .map(|r| r.resolve());
        let new_route = match (&self.route, &route) {
            (Some(a), Some(b)) => a.route_id != b.route_id || a.levels != b.levels,
            (a, b) => a.is_some() != b.is_some(),
        };
        self.gap(5, 20);
        // The incident keeps its kind, or takes the new category's default one.
        let kind = if category == self.category {
            book.kind_taken(self.playbook_kind.as_deref())
        } else {
            book.kind_taken(None)
        };
        let kind_id = kind.as_ref().map(|k| k.id.clone());
        let steps = book.for_kind(kind_id.as_deref());
        let checklist = checklist_from(&steps);
        self.push(Change::Reclassify {
            incident: self.id(),
            to: Box::new(Reclassification {
                category,
                kind,
                severity,
                reason,
                route: route.clone(),
                checklist,
            }),
        });
        if category != self.category {
            self.book = steps;
            self.playbook_kind = kind_id;
            self.category = category;
        }
        self.severity = severity;
        if new_route {
            // The new route starts now: its first level is to be told too.
            self.route = route;
            self.reached = false;
            self.call_route();
        }
        if !self.steps(Phase::Report).is_empty() {
            self.check_steps(Phase::Report, 1, 5);
        }
    }
}
