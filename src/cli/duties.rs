//! `show`'s lines on the guide's conditions answered, the obligations they brought (each
//! with its days left, or when it was done or withdrawn) and, for an out-of-scope request,
//! the decision standing with the rule that applied.

use super::Session;
use shiftdesk_core::Incident;
use shiftdesk_core::decision::decided_for;
use shiftdesk_core::i18n::{self, Msg, fill, t};
use shiftdesk_core::roster::Roster;
use shiftdesk_core::share::duties::state;
use shiftdesk_core::text::safe_line;
use std::io::Write;

pub fn show_lines(
    out: &mut impl Write,
    inc: &Incident,
    roster: &Roster,
    ctx: &Session,
) -> std::io::Result<()> {
    let (lang, zone, now) = (ctx.operator.lang, &ctx.operator.zone, ctx.now);
    if !inc.conditions.is_empty() || !inc.obligations.is_empty() {
        writeln!(out, "\n{}:", t(lang, Msg::DocObligationsHeading))?;
        for c in &inc.conditions {
            let line = fill(
                lang,
                Msg::DocConditionLine,
                &[
                    ("question", &safe_line(c.question.get(lang))),
                    ("answer", i18n::known(lang, c.answer)),
                    ("when", &zone.date_time(c.at)),
                    ("by", &safe_line(&c.by)),
                ],
            );
            writeln!(out, "  {line}")?;
        }
        for o in &inc.obligations {
            let mark = if o.done.is_some() {
                "[x]"
            } else if o.withdrawn.is_some() {
                "[-]"
            } else {
                "[ ]"
            };
            writeln!(
                out,
                "  {mark} {} → {}",
                safe_line(&state(o, lang, zone, now)),
                safe_line(o.to.get(lang))
            )?;
            writeln!(out, "      {}", safe_line(o.what.get(lang)))?;
        }
    }
    if decided_for(inc.category) {
        writeln!(out, "\n{}:", t(lang, Msg::DocDecisionHeading))?;
        match inc.scope_decision() {
            None => writeln!(out, "  {}", t(lang, Msg::DocDecisionNone))?,
            Some(d) => {
                for line in d.lines(roster, lang) {
                    writeln!(out, "  {line}")?;
                }
                writeln!(out, "  ({} {})", zone.date_time(d.at), safe_line(&d.by))?;
            }
        }
    }
    Ok(())
}
