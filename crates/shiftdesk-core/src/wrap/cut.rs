//! Cutting text to a width in terminal columns, saying so: the one rule for every text
//! that is shown cut (table cells, the status line, an unfocused form field, a card's
//! fields). What is cut ends with `…`, never in the middle of a wide character.

use super::{char_columns, columns};
use std::borrow::Cow;

/// What is shown at the end of a cut text.
pub const CUT_MARK: char = '…';

/// `text` as it fits in `width` columns: itself when it fits, else as much of it as fits
/// before a `…` (the spaces before the mark dropped). Never wider than `width`.
pub fn cut(text: &str, width: usize) -> Cow<'_, str> {
    if columns(text) <= width {
        return Cow::Borrowed(text);
    }
    if width == 0 {
        return Cow::Borrowed("");
    }
    let room = width - 1;
    let mut used = 0;
    let mut end = 0;
    for (i, c) in text.char_indices() {
        let w = char_columns(c);
        if used + w > room {
            break;
        }
        used += w;
        end = i + c.len_utf8();
    }
    let mut out = text[..end].trim_end().to_string();
    out.push(CUT_MARK);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn what_fits_stays_and_what_does_not_ends_with_the_mark() {
        assert_eq!(cut("VPN 障害", 8), "VPN 障害");
        assert_eq!(cut("VPN 障害", 7), "VPN 障…");
        // No half of a wide character, and no space before the mark.
        assert_eq!(cut("VPN 障害", 6), "VPN…");
        assert_eq!(cut("報告する", 4), "報…");
        assert_eq!(
            cut("Misdirected email to a customer", 24),
            "Misdirected email to a…"
        );
        assert_eq!(cut("クローズ", 7), "クロー…");
        assert_eq!(cut("abc", 1), "…");
        assert_eq!(cut("abc", 0), "");
        assert_eq!(cut("", 0), "");
    }

    proptest! {
        #[test]
        fn never_wider_than_asked_and_a_prefix_of_the_text(
            text in "[a-z 0-9:、。報告障害\u{0301}ｱ]{0,30}",
            width in 0usize..40,
        ) {
            let shown = cut(&text, width);
            prop_assert!(columns(&shown) <= width, "{shown:?} at {width}");
            if columns(&text) <= width {
                prop_assert_eq!(shown.as_ref(), text.as_str());
            } else if width > 0 {
                let kept = shown.strip_suffix(CUT_MARK).expect("ends with the mark");
                prop_assert!(text.starts_with(kept), "{kept:?} of {text:?}");
                prop_assert!(!kept.ends_with(' '), "{kept:?}");
                // As much is kept as fits: the rest, from its first character that is
                // not a space, would not have fitted before the mark.
                let rest = text[kept.len()..].trim_start_matches(' ');
                let upto = &text[..text.len() - rest.len()];
                let next = rest.chars().next().map_or(0, char_columns);
                prop_assert!(columns(upto) + next > width - 1, "{kept:?} of {text:?}");
            }
        }
    }
}
