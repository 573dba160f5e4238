//! Every call `fill(lang, Msg::Name, &[("key", value), …])` in the workspace's source gives
//! exactly the placeholders the message uses, in English and in Japanese: none missing (the
//! operator would read `{due}`), none extra (a value that goes nowhere is a mistake too).
//!
//! The arguments may also be an array bound just before the call (`let args = [(…)];` then
//! `fill(lang, Msg::Name, &args)`). A call whose message is chosen at run time (`fill(lang,
//! msg, …)`) cannot be read here; `fill` checks it with a `debug_assert!` whenever a test
//! runs it.

mod lex;

use lex::{Tok, Token, tokens};
use shiftdesk_words::{Lang, Msg, placeholders, t};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The workspace: two levels above this crate.
fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every `.rs` file under `dir`, leaving out build output and hidden directories.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') || name == "target" {
            continue;
        }
        if path.is_dir() {
            rust_files(&path, out);
        } else if name.ends_with(".rs") {
            out.push(path);
        }
    }
}

/// The items between an opening `(` or `[` just before `start` and its closing one, split
/// at the commas between them (a trailing comma gives no empty item). `None` when it is
/// not closed.
fn items(toks: &[Token], start: usize) -> Option<Vec<&[Token]>> {
    let (mut out, mut depth, mut from) = (Vec::new(), 0usize, start);
    for (i, token) in toks.iter().enumerate().skip(start) {
        match token.tok {
            Tok::Punct(')' | ']') if depth == 0 => {
                out.push(&toks[from..i]);
                out.retain(|item: &&[Token]| !item.is_empty());
                return Some(out);
            }
            Tok::Punct('(' | '[' | '{') => depth += 1,
            Tok::Punct(')' | ']' | '}') => depth -= 1,
            Tok::Punct(',') if depth == 0 => {
                out.push(&toks[from..i]);
                from = i + 1;
            }
            _ => {}
        }
    }
    None
}

/// Just the kinds of some tokens, for matching.
fn kinds(toks: &[Token]) -> Vec<&Tok> {
    toks.iter().map(|t| &t.tok).collect()
}

/// The message a call names: `Msg::Name`, or a longer path ending in it.
fn msg_name(arg: &[Token]) -> Option<&str> {
    match kinds(arg)[..] {
        [
            ..,
            Tok::Ident(msg),
            Tok::Punct(':'),
            Tok::Punct(':'),
            Tok::Ident(name),
        ] if msg == "Msg" => Some(name),
        _ => None,
    }
}

/// The keys of the `("key", value)` pairs of an array: `toks` from its `[` on.
fn keys_of_array(toks: &[Token]) -> Option<Vec<String>> {
    if toks.first()?.tok != Tok::Punct('[') {
        return None;
    }
    items(toks, 1)?
        .into_iter()
        .map(|pair| match kinds(pair)[..] {
            [Tok::Punct('('), Tok::Str(key), Tok::Punct(','), ..] => Some(key.clone()),
            _ => None,
        })
        .collect()
}

/// Where the array bound to `name` by the nearest `let name = [ … ];` (or `&[ … ]`, with or
/// without a type) before `before` opens.
fn bound_array(toks: &[Token], before: usize, name: &str) -> Option<usize> {
    let is = |i: usize, t: Tok| toks.get(i).is_some_and(|x| x.tok == t);
    let at = (0..before)
        .rev()
        .find(|&i| is(i, Tok::Ident("let".into())) && is(i + 1, Tok::Ident(name.into())))?;
    let eq = (at..before).find(|&i| is(i, Tok::Punct('=')))?;
    Some(if is(eq + 1, Tok::Punct('&')) {
        eq + 2
    } else {
        eq + 1
    })
}

/// The keys a call's third argument gives: `&[…]`, `[…]`, or `&name` bound to an array
/// before the call at `call`.
fn keys_given(toks: &[Token], call: usize, arg: &[Token]) -> Option<Vec<String>> {
    let arg = match kinds(arg)[..] {
        [Tok::Punct('&'), ..] => &arg[1..],
        _ => arg,
    };
    match kinds(arg)[..] {
        [Tok::Ident(name)] => keys_of_array(toks.get(bound_array(toks, call, name)?..)?),
        _ => keys_of_array(arg),
    }
}

/// What the message's templates use, in both languages.
fn placeholders_of(msg: Msg) -> BTreeSet<&'static str> {
    placeholders(t(Lang::En, msg))
        .chain(placeholders(t(Lang::Ja, msg)))
        .collect()
}

/// A source file of the workspace, as tokens.
struct Source {
    /// Its path from the workspace root.
    shown: String,
    toks: Vec<Token>,
}

/// Every Rust source file of the workspace.
fn sources() -> Vec<Source> {
    let root = workspace();
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    files.sort();
    files
        .iter()
        .map(|file| {
            let src =
                std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            let shown = file.strip_prefix(&root).unwrap_or(file).display();
            Source {
                shown: shown.to_string(),
                toks: tokens(&src),
            }
        })
        .collect()
}

/// A call of a function with this name: where, the index of its name, its arguments.
struct Call<'a> {
    place: String,
    at: usize,
    args: Vec<&'a [Token]>,
}

/// The calls of a free function `name` (not a method, not its definition) with `arity`
/// arguments.
fn calls<'a>(src: &'a Source, name: &str, arity: usize) -> Vec<Call<'a>> {
    let toks = &src.toks;
    let mut out = Vec::new();
    for (i, token) in toks.iter().enumerate() {
        let named = token.tok == Tok::Ident(name.into())
            && toks.get(i + 1).is_some_and(|t| t.tok == Tok::Punct('('));
        let after = i.checked_sub(1).map(|p| &toks[p].tok);
        let free =
            !matches!(after, Some(Tok::Punct('.'))) && after != Some(&Tok::Ident("fn".into()));
        let place = format!("{}:{}", src.shown, token.line);
        match (named && free).then(|| items(toks, i + 2)) {
            Some(Some(args)) if args.len() == arity => out.push(Call { place, at: i, args }),
            Some(None) => panic!("{place}: a call of {name} that is not closed"),
            _ => {}
        }
    }
    out
}

fn messages() -> BTreeMap<String, Msg> {
    Msg::ALL.iter().map(|m| (format!("{m:?}"), *m)).collect()
}

#[test]
fn every_fill_call_gives_the_placeholders_its_message_uses() {
    let messages = messages();
    let sources = sources();
    let (mut checked, mut at_run_time, mut problems) = (0, 0, Vec::new());
    for src in &sources {
        for Call { place, at, args } in calls(src, "fill", 3) {
            let Some(name) = msg_name(args[1]) else {
                at_run_time += 1;
                continue;
            };
            let Some(&msg) = messages.get(name) else {
                problems.push(format!("{place}: no message Msg::{name}"));
                continue;
            };
            let Some(keys) = keys_given(&src.toks, at, args[2]) else {
                problems.push(format!(
                    "{place}: Msg::{name}: cannot read the arguments; write them as \
                     &[(\"key\", value), …] or bind them just before with let"
                ));
                continue;
            };
            checked += 1;
            let given: BTreeSet<&str> = keys.iter().map(String::as_str).collect();
            if given.len() != keys.len() {
                problems.push(format!(
                    "{place}: Msg::{name}: a key is given twice: {keys:?}"
                ));
            }
            let wanted = placeholders_of(msg);
            let missing: Vec<_> = wanted.difference(&given).collect();
            let extra: Vec<_> = given.difference(&wanted).collect();
            if !missing.is_empty() || !extra.is_empty() {
                problems.push(format!(
                    "{place}: Msg::{name}: not given {missing:?}, given but not used {extra:?}"
                ));
            }
        }
    }
    eprintln!(
        "{} files, {checked} calls of fill checked, {at_run_time} with a message chosen at run time",
        sources.len()
    );
    assert!(
        checked > 0,
        "no fill(lang, Msg::Name, &[…]) call found under {}: the search is broken",
        workspace().display()
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_template_is_shown_unfilled() {
    let messages = messages();
    let (mut checked, mut problems) = (0, Vec::new());
    for src in &sources() {
        for Call { place, args, .. } in calls(src, "t", 2) {
            let Some(&msg) = msg_name(args[1]).and_then(|name| messages.get(name)) else {
                continue;
            };
            checked += 1;
            let wanted = placeholders_of(msg);
            if !wanted.is_empty() {
                problems.push(format!("{place}: {msg:?} uses {wanted:?}: fill it, not t"));
            }
        }
    }
    assert!(
        checked > 0,
        "no t(lang, Msg::Name) call found: the search is broken"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
