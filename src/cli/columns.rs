//! Text in columns for the terminal: every cell measured in display columns (a Japanese
//! character takes two), padded to its column and cut with `…` when it does not fit.

use shiftdesk_core::wrap::columns;
use unicode_width::UnicodeWidthChar;

/// `text` in `width` columns: cut with `…` when wider, padded with spaces when narrower.
pub fn fit(text: &str, width: usize) -> String {
    let mut out = cut(text, width);
    let used = columns(&out);
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    out
}

/// `text`, or as much of it as fits in `width` columns with `…` after it.
pub fn cut(text: &str, width: usize) -> String {
    if columns(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Cells side by side, each padded to its width, two spaces between, then the last cell as
/// it is; the line has no blanks at its end.
pub fn row(cells: &[(&str, usize)], last: &str) -> String {
    let mut line: Vec<String> = cells
        .iter()
        .map(|(text, width)| fit(text, *width))
        .collect();
    line.push(last.to_string());
    line.join("  ").trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_measured_in_display_columns() {
        assert_eq!(fit("報告", 6), "報告  ");
        assert_eq!(fit("abc", 5), "abc  ");
        assert_eq!(fit("基幹システム停止", 7), "基幹シ…");
        assert_eq!(
            columns(&fit("基幹システム停止", 8)),
            8,
            "a wide character is not split"
        );
        assert_eq!(fit("The printer jams", 8), "The pri…");
        assert_eq!(cut("short", 10), "short");
        assert_eq!(row(&[("ID", 4), ("件名", 6)], ""), "ID    件名");
        assert_eq!(row(&[("a", 2)], "due 14:32"), "a   due 14:32");
    }
}
