use super::*;
use crate::fill::fill_template;
use std::collections::BTreeSet;

#[test]
fn locale_decides_when_no_flag() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |k: &str| {
            pairs
                .iter()
                .find(|(name, _)| *name == k)
                .map(|(_, v)| v.to_string())
        }
    };
    assert_eq!(Lang::from_locale(env(&[("LANG", "ja_JP.UTF-8")])), Lang::Ja);
    assert_eq!(Lang::from_locale(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
    assert_eq!(
        Lang::from_locale(env(&[("LC_ALL", "C"), ("LANG", "ja_JP.UTF-8")])),
        Lang::En
    );
    assert_eq!(
        Lang::from_locale(env(&[("LC_MESSAGES", "ja_JP"), ("LANG", "C")])),
        Lang::Ja
    );
    assert_eq!(Lang::from_locale(env(&[])), Lang::En);
}

#[test]
fn fill_replaces_every_placeholder() {
    let s = fill(Lang::En, Msg::TooSmall, &[("w", "60"), ("h", "20")]);
    assert_eq!(
        s,
        "The full desk needs 80x24 (now 60x20): enlarge the window"
    );
}

#[test]
fn a_value_is_never_filled_again() {
    // A contact named `{due}` keeps their name: the deadline goes where the template says.
    let s = fill(
        Lang::En,
        Msg::NextCall,
        &[
            ("means", "call"),
            ("name", "{due}"),
            ("role", "{left}"),
            ("address", "090"),
            ("due", "10:30"),
            ("left", "4:12"),
        ],
    );
    assert_eq!(s, "Next: call {due} ({left}) 090 — due 10:30, 4:12 left");
}

#[test]
fn braces_that_are_not_a_placeholder_stay_as_written() {
    let args = [("a", "1"), ("b", "2")];
    assert_eq!(fill_template("{a}{b}", &args), "12");
    assert_eq!(fill_template("{a} {a}", &args), "1 1");
    assert_eq!(
        fill_template("{ a } {} {{a}} {a-b", &args),
        "{ a } {} {1} {a-b"
    );
    assert_eq!(fill_template("{\"k\": {a}}", &args), "{\"k\": 1}");
    assert_eq!(fill_template("{c} {", &args), "{c} {");
    assert_eq!(fill_template("第{a}段{", &args), "第1段{");
    let first = [("a", "first"), ("a", "second")];
    assert_eq!(fill_template("{a}", &first), "first");
}

#[test]
fn placeholders_are_read_in_order() {
    let keys: Vec<&str> = placeholders("{id} {x} { y} {id}{z").collect();
    assert_eq!(keys, ["id", "x", "id"]);
}

#[test]
#[cfg(debug_assertions)]
#[should_panic(expected = "TooSmall uses {h}, but it was not given")]
fn a_missing_placeholder_is_caught() {
    // Through a variable, so the test of every call in the source does not read this one.
    let msg = Msg::TooSmall;
    fill(Lang::En, msg, &[("w", "60")]);
}

#[test]
fn every_message_has_both_languages_with_the_same_placeholders() {
    let mut problems = Vec::new();
    for &msg in Msg::ALL {
        let (en, ja) = (t(Lang::En, msg), t(Lang::Ja, msg));
        if en.trim().is_empty() || ja.trim().is_empty() {
            problems.push(format!("{msg:?}: empty text"));
        }
        let en_keys: BTreeSet<&str> = placeholders(en).collect();
        let ja_keys: BTreeSet<&str> = placeholders(ja).collect();
        if en_keys != ja_keys {
            problems.push(format!(
                "{msg:?}: English {en_keys:?}, Japanese {ja_keys:?}"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
