//! The texts the text layer shows, built from the record each time it is drawn or
//! copied: the report, the timeline, the Markdown export, the handover.

use super::App;
use super::layers::text::{TextLayer, TextView};
use chrono::Duration;
use shiftdesk_core::drill::report::{Format, drill_report};
use shiftdesk_core::report::{Reporter, report_text};
use shiftdesk_core::share::export::incident_markdown;
use shiftdesk_core::share::handover::handover_text;
use shiftdesk_core::timeline::entry_line;

/// How far back the handover looks for incidents closed during the shift.
pub const SHIFT_HOURS: i64 = 12;

impl App {
    /// The text of a view; empty when its incident is gone.
    pub fn text_of(&self, view: &TextView) -> String {
        let (lang, zone, now) = (self.lang(), &self.operator.zone, self.now);
        let roster = self.desk.roster();
        let incident = |id| self.desk.incident(id);
        match view {
            TextView::Report(id) => incident(id).map_or_else(String::new, |inc| {
                let reporter = Reporter {
                    name: &self.operator.name,
                    callback: self.operator.callback.as_deref(),
                };
                report_text(inc, roster, &reporter, lang, zone, now)
            }),
            TextView::Timeline(id) => incident(id).map_or_else(String::new, |inc| {
                // On a shared board, entries made at other desks say which.
                let own = self.link.on.then(|| self.desk.origin());
                inc.timeline_in_order()
                    .into_iter()
                    .map(|e| entry_line(e, inc, roster, own, lang, zone))
                    .collect::<Vec<_>>()
                    .join("\n")
            }),
            TextView::Export { incident: id, .. } => incident(id).map_or_else(String::new, |inc| {
                incident_markdown(inc, roster, lang, zone, now)
            }),
            TextView::DrillReport(id) => incident(id)
                .and_then(|inc| drill_report(inc, roster, lang, zone, now, Format::Text))
                .unwrap_or_default(),
            TextView::Handover => handover_text(
                &self.desk.incidents().incidents,
                roster,
                now - Duration::hours(SHIFT_HOURS),
                lang,
                zone,
                now,
            ),
        }
    }

    pub(super) fn show_text(&mut self, view: TextView) {
        self.ui.layers.open(Box::new(TextLayer::new(view)));
    }
}
