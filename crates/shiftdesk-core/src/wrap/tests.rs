use super::*;
use proptest::prelude::*;

#[test]
fn a_time_left_is_not_cut_and_nothing_is_lost() {
    // Seen at 80x24 in Japanese: "残" / "り4:59", one character lost at the wrap.
    let text = "▶ 次: 渡辺 結衣 に電話 090-0000-2201 — 期限 14:32 残り4:59";
    for width in 1..=60 {
        let lines = line_ranges(text, width);
        let joined: String = lines.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(joined, text, "at {width}");
        let drawn = wrap(text, width);
        if width >= 6 {
            assert!(
                drawn.iter().any(|l| l.contains("4:59")),
                "at {width}: {drawn:?}"
            );
            assert!(drawn.iter().all(|l| !l.starts_with('り')), "{drawn:?}");
        }
        if width >= 13 {
            assert!(
                drawn.iter().any(|l| l.contains("090-0000-2201")),
                "{drawn:?}"
            );
        }
    }
}

#[test]
fn closing_punctuation_never_starts_a_line() {
    let text = "報告しました。確認します、「至急」です。";
    // From 4 columns, every unbreakable piece of it fits a line.
    for width in 4..=20 {
        for line in wrap(text, width).iter().skip(1) {
            let first = line.chars().next().unwrap();
            assert!(!no_line_start(first), "at {width}: {line:?}");
        }
    }
    // 「 stays with what it opens.
    assert_eq!(wrap("ああああ「至急」", 9), ["ああああ", "「至急」"]);
}

#[test]
fn english_breaks_at_spaces_and_keeps_them_at_the_end_of_the_line() {
    let text = "Call David Miller now";
    assert_eq!(wrap(text, 10), ["Call David", "Miller now"]);
    let ranges = line_ranges(text, 10);
    assert_eq!(&text[ranges[0].clone()], "Call David ");
    assert_eq!(
        wrap("OVERDUE (+3m) since 14:27", 8),
        ["OVERDUE", "(+3m)", "since", "14:27"]
    );
}

#[test]
fn a_word_wider_than_the_line_is_cut_by_characters() {
    assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    assert_eq!(wrap("漢字漢字漢", 4), ["漢字", "漢字", "漢"]);
    // A wide character on a one-column line stands alone rather than vanish.
    assert_eq!(wrap("漢字", 1), ["漢", "字"]);
}

#[test]
fn numbers_keep_their_counter() {
    assert_eq!(wrap("経過 47分", 5), ["経過", "47分"]);
    assert_eq!(wrap("あと+18分", 5), ["あと", "+18分"]);
}

#[test]
fn line_breaks_in_the_text_are_kept() {
    let text = "first line\nsecond\n\nfourth";
    assert_eq!(wrap(text, 40), ["first line", "second", "", "fourth"]);
    assert_eq!(wrap("", 10), [""]);
}

fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "あ", "い", "漢", "字", "残", "り", "ー", "っ", "ャ", "、", "。", "「", "」", "（", "）",
        "a", "b", "Z", "1", "4", "9", ":", ",", ".", "-", "(", ")", "+", " ", " ", "  ", "\n",
        "分", "件", "é", "\u{301}", "\u{200d}", "😀", "ｶ", "A", "m", "ー", "・",
    ])
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..60).prop_map(|v| v.concat())
}

/// Every break that falls inside an unbreakable unit is one that had to be made: the unit is
/// wider than the line.
fn forced_breaks_only(text: &str, width: usize, lines: &[Range<usize>]) -> Result<(), String> {
    let mut start = 0;
    for paragraph in text.split_inclusive('\n') {
        let end = start + paragraph.len();
        for unit in Units::new(text, start, end) {
            for line in lines {
                let cut = line.start;
                if cut > unit.start && cut < unit.end {
                    let w = columns(&text[unit.clone()]);
                    if w <= width {
                        return Err(format!(
                            "cut {:?} at {} though it is {w} columns of {width}",
                            &text[unit.clone()],
                            cut - unit.start
                        ));
                    }
                }
            }
        }
        start = end;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn wrapping_loses_nothing_and_breaks_only_where_it_may(text in text(), width in 1usize..40) {
        let lines = line_ranges(&text, width);
        let joined: String = lines.iter().map(|r| &text[r.clone()]).collect();
        prop_assert_eq!(&joined, &text);
        for pair in lines.windows(2) {
            prop_assert_eq!(pair[0].end, pair[1].start);
        }
        for drawn in wrap(&text, width) {
            let w = columns(drawn);
            let wide_chars = drawn.chars().filter(|c| char_columns(*c) > 0).count();
            prop_assert!(w <= width || wide_chars == 1, "{:?} is {} wide at {}", drawn, w, width);
        }
        if let Err(e) = forced_breaks_only(&text, width, &lines) {
            prop_assert!(false, "{}", e);
        }
    }
}
