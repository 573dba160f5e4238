//! The contact sheet as one self-contained HTML page that prints on one A4 sheet from a
//! browser: its style inline, no script, nothing fetched; every text from the files made
//! safe and escaped, so a name cannot carry markup.

use super::sheet::{Sheet, plain};

/// Text for HTML: made safe, then `&`, `<`, `>`, `"` and `'` escaped.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in plain(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Compact, for one A4 page: small type, tight cells, nothing breaks a route across pages.
const STYLE: &str = "\
@page { size: A4 portrait; margin: 10mm; }
* { box-sizing: border-box; }
body { font-family: sans-serif; font-size: 8.5pt; line-height: 1.25; margin: 0; color: #000; }
h1 { font-size: 13pt; margin: 0 0 1mm; }
h2 { font-size: 10pt; margin: 2.5mm 0 0.5mm; }
p { margin: 0 0 1mm; }
.meta { color: #333; }
.sample { border: 1.5pt solid #b00; color: #b00; font-weight: bold; padding: 1mm 2mm; }
section { break-inside: avoid; page-break-inside: avoid; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.5pt solid #555; padding: 0.4mm 1.2mm; text-align: left; vertical-align: top; }
th { background: #e8e8e8; font-weight: bold; }
td.num { white-space: nowrap; font-variant-numeric: tabular-nums; }
@media screen { body { max-width: 190mm; margin: 8mm auto; } }
";

impl Sheet {
    /// The sheet as a self-contained HTML page.
    pub fn html(&self) -> String {
        let e = escape_html;
        let mut out = String::new();
        out.push_str("<!DOCTYPE html>\n");
        out.push_str(&format!("<html lang=\"{}\">\n<head>\n", self.lang.code()));
        out.push_str("<meta charset=\"utf-8\">\n");
        out.push_str(&format!("<title>{}</title>\n", e(&self.title)));
        out.push_str(&format!("<style>\n{STYLE}</style>\n</head>\n<body>\n"));
        out.push_str(&format!("<h1>{}</h1>\n", e(&self.title)));
        if let Some(sample) = &self.sample {
            out.push_str(&format!("<p class=\"sample\">{}</p>\n", e(sample)));
        }
        out.push_str(&format!(
            "<p class=\"meta\">{} · {}</p>\n",
            e(&self.signed),
            e(&self.printed)
        ));
        if let Some(none) = &self.no_routes {
            out.push_str(&format!("<p>{}</p>\n", e(none)));
        }
        for route in &self.routes {
            out.push_str("<section>\n");
            out.push_str(&format!("<h2>{}</h2>\n", e(&route.name)));
            out.push_str(&format!("<p class=\"meta\">{}</p>\n", e(&route.applies)));
            out.push_str("<table>\n<tr>");
            for h in &self.header {
                out.push_str(&format!("<th>{}</th>", e(h)));
            }
            out.push_str("</tr>\n");
            for row in &route.rows {
                out.push_str("<tr>");
                for (i, cell) in row.iter().enumerate() {
                    let class = if i == 5 || i == 1 || i == 2 {
                        " class=\"num\""
                    } else {
                        ""
                    };
                    out.push_str(&format!("<td{class}>{}</td>", e(cell)));
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</table>\n</section>\n");
        }
        out.push_str("<section>\n");
        out.push_str(&format!("<h2>{}</h2>\n", e(&self.on_duty_title)));
        if self.on_duty.is_empty() {
            out.push_str(&format!("<p>{}</p>\n", e(&self.no_rotations)));
        } else {
            out.push_str("<table>\n");
            for d in &self.on_duty {
                out.push_str(&format!(
                    "<tr><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>\n",
                    e(&d.rotation),
                    e(&d.when),
                    e(&d.who)
                ));
            }
            out.push_str("</table>\n");
        }
        out.push_str("</section>\n</body>\n</html>\n");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Zone;
    use crate::flow::short;
    use crate::i18n::Lang;
    use crate::roster::Roster;
    use crate::share::sheet::{Signed, contact_sheet};
    use crate::test_fixtures::t;

    fn sample() -> Roster {
        serde_json::from_str(include_str!("../../../../assets/roster.sample.json")).unwrap()
    }

    fn signed() -> Signed<'static> {
        Signed {
            fingerprint: "0123456789abcdef0123",
            sign_off: None,
            changed: false,
        }
    }

    #[test]
    fn a_hostile_name_cannot_inject_markup() {
        let mut roster = sample();
        roster.contacts[0].name = "<script>alert(1)</script>\u{1b}[2J".into();
        roster.contacts[0].role = "\"><img src=x onerror=alert(1)>".into();
        roster.routes[0].name = "<b>route</b> & co".into();
        let zone = Zone::Named(chrono_tz::Asia::Tokyo);
        let html = contact_sheet(&roster, &signed(), Lang::En, &zone, t("10:00")).html();
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<b>route"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
        assert!(html.contains("&lt;b&gt;route&lt;/b&gt; &amp; co"));
        assert!(!html.chars().any(|c| crate::text::is_unsafe(c) && c != '\n'));
        // The only tags are the page's own.
        for tag in html.split('<').skip(1) {
            let name: String = tag
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '/' || *c == '!')
                .collect();
            assert!(
                [
                    "!DOCTYPE", "html", "head", "meta", "title", "/title", "style", "/style",
                    "/head", "body", "h1", "/h1", "p", "/p", "section", "/section", "h2", "/h2",
                    "table", "/table", "tr", "/tr", "th", "/th", "td", "/td", "/body", "/html"
                ]
                .contains(&name.as_str()),
                "{name}"
            );
        }
    }

    #[test]
    fn the_page_prints_on_a4_and_says_what_it_must() {
        let zone = Zone::Named(chrono_tz::Asia::Tokyo);
        let roster = sample();
        let sheet = contact_sheet(&roster, &signed(), Lang::Ja, &zone, t("10:00"));
        let html = sheet.html();
        assert!(html.contains("@page { size: A4"));
        assert!(html.contains("<html lang=\"ja\">"));
        assert!(html.contains("サンプル名簿"));
        assert!(html.contains("今週の当番"));
        assert!(html.contains(short("0123456789abcdef0123")));
        for route in &roster.routes {
            assert!(html.contains(&escape_html(&route.name)), "{}", route.name);
        }
        let md = sheet.markdown();
        assert!(md.starts_with("# 緊急連絡先\n"), "{md}");
        assert!(
            md.contains("| 段 | 報告期限 | 上位へ | 手段 | 連絡先 | 電話番号 |"),
            "{md}"
        );
        // The sample's rotations, shift by shift; a roster without any says so.
        assert!(md.contains("- Shift leader / シフトリーダー: "), "{md}");
        let mut bare = roster.clone();
        bare.rotations.clear();
        let md = contact_sheet(&bare, &signed(), Lang::Ja, &zone, t("10:00")).markdown();
        assert!(md.contains("roster.json に当番表"), "{md}");
    }
}

#[cfg(test)]
mod on_duty_tests {
    use crate::clock::Zone;
    use crate::roster::Roster;
    use crate::share::sheet::on_duty_this_week;
    use chrono::{TimeZone, Utc};

    fn sample() -> Roster {
        serde_json::from_str(include_str!("../../../../assets/roster.sample.json")).unwrap()
    }

    #[test]
    fn the_week_lists_each_shift_of_each_rotation_in_order() {
        let roster = sample();
        let zone = Zone::Named(chrono_tz::Asia::Tokyo);
        // Monday 2026-11-30 09:00 in Tokyo.
        let from = Utc.with_ymd_and_hms(2026, 11, 30, 0, 0, 0).unwrap();
        let week = on_duty_this_week(&roster, from, &zone);
        let leader: Vec<_> = week
            .iter()
            .filter(|d| d.rotation.starts_with("Shift leader"))
            .collect();
        // Two 12-hour shifts a day for seven days, the first and last cut at the week's ends.
        assert_eq!(leader.len(), 15, "{leader:#?}");
        assert_eq!(leader[0].when, "11-30 09:00–11-30 20:00");
        assert_eq!(leader[1].when, "11-30 20:00–12-01 08:00");
        assert_eq!(leader[14].when, "12-07 08:00–12-07 09:00");
        // The two shift leaders take turns.
        assert_ne!(leader[0].who, leader[1].who);
        assert_eq!(leader[0].who, leader[2].who);
        let oncall = week
            .iter()
            .filter(|d| d.rotation.starts_with("On-call"))
            .count();
        assert_eq!(oncall, 8, "{week:#?}");
    }

    #[test]
    fn the_new_year_swap_shows_in_its_week() {
        let roster = sample();
        let zone = Zone::Named(chrono_tz::Asia::Tokyo);
        let from = Utc.with_ymd_and_hms(2026, 12, 28, 0, 0, 0).unwrap();
        let week = on_duty_this_week(&roster, from, &zone);
        let swap = week
            .iter()
            .find(|d| d.rotation.starts_with("On-call") && d.when.starts_with("12-31 20:00"))
            .expect("the override's shift");
        assert!(swap.who.contains("高橋"), "{swap:?}");
        assert!(on_duty_this_week(&Roster::default(), from, &zone).is_empty());
    }
}
