//! Filling a message's `{key}` placeholders.
//!
//! A placeholder is `{` then a key of ASCII letters, digits or `_`, then `}`. Anything else
//! between braces is plain text and stays as written.

use crate::{Lang, Msg, t};

/// A message with its placeholders filled, in one pass over the template: each `{key}` is
/// replaced by the value given for it, and a value is never read again for placeholders (a
/// contact named `{due}` stays `{due}`). Where a key is given twice, the first counts.
///
/// Every placeholder the message uses, in either language, must be given: a debug build
/// panics when one is missing (a release build leaves it as written).
pub fn fill(lang: Lang, msg: Msg, args: &[(&str, &str)]) -> String {
    debug_assert!(
        missing(msg, args).is_none(),
        "{msg:?} uses {{{}}}, but it was not given (given: {:?})",
        missing(msg, args).unwrap_or_default(),
        args.iter().map(|(k, _)| *k).collect::<Vec<_>>()
    );
    fill_template(t(lang, msg), args)
}

/// As [`fill`], with values owned (as messages made ahead of their language carry them).
pub fn fill_owned(lang: Lang, msg: Msg, args: &[(&str, String)]) -> String {
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    fill(lang, msg, &args)
}

/// The first placeholder of the message, in English then Japanese, that `args` lacks.
fn missing(msg: Msg, args: &[(&str, &str)]) -> Option<&'static str> {
    let (en, ja) = msg.texts();
    placeholders(en)
        .chain(placeholders(ja))
        .find(|key| !args.iter().any(|(k, _)| k == key))
}

/// The keys of a template's placeholders, in the order they appear (a key used twice comes
/// twice).
pub fn placeholders(template: &str) -> impl Iterator<Item = &str> {
    let mut rest = template;
    std::iter::from_fn(move || {
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            match key_at(after) {
                Some(key) => {
                    rest = &after[key.len() + 1..];
                    return Some(key);
                }
                None => rest = after,
            }
        }
        None
    })
}

/// The template with each placeholder given in `args` replaced by its value.
pub(crate) fn fill_template(template: &str, args: &[(&str, &str)]) -> String {
    let values: usize = args.iter().map(|(_, v)| v.len()).sum();
    let mut out = String::with_capacity(template.len() + values);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = key_at(after).and_then(|key| {
            let (_, value) = args.iter().find(|(k, _)| *k == key)?;
            Some((key, value))
        });
        match value {
            Some((key, value)) => {
                out.push_str(value);
                rest = &after[key.len() + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The key of a placeholder whose `{` was just before `s`: the key, when `s` starts with
/// one and its `}`.
fn key_at(s: &str) -> Option<&str> {
    let len = s
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
        .count();
    (len > 0 && s.as_bytes().get(len) == Some(&b'}')).then(|| &s[..len])
}
