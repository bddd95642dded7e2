//! Places named in a list after a plural or dual head noun (قرى ذيبان واللطوة وأبو حمام،
//! محافظات البصرة وميسان وواسط، بلدتي الكشكية وصبيخان): each name of the list is a GPE, as
//! the name after a singular head is (بلدة نصيب), though no gazetteer knows most villages. A
//! list needs two names or more, the last joined by و, each one or two plain words; a word of
//! any list (a head, a verb of saying, an adjective) or a preposition glued on ends it.

use super::chains::{PLACE_COMPOUND_FIRST, feminine_adjective_shaped};
use super::*;

static PLACE_PLURAL_HEADS: LazyLock<WordSet> =
    LazyLock::new(|| word_set(lists::PLACE_PLURAL_HEADS));

/// One name of a list: its start in normalised bytes (after a و joined to it) and its last
/// token.
struct ListName {
    start: usize,
    last: usize,
}

/// Marks the names of a list after a plural or dual place head that no gazetteer knows.
pub(super) fn place_list_rule(ctx: &mut Ctx) {
    let mut i = 0;
    while i < ctx.toks.len() {
        let head = ctx
            .word(i)
            .is_some_and(|t| !t.definite && PLACE_PLURAL_HEADS.contains(ctx.stem(i)));
        if !head {
            i += 1;
            continue;
        }
        let names = list_after(ctx, i + 1);
        let next = names.last().map_or(i + 1, |n| n.last + 1);
        // Definite words after a plural head are as often its genitive (مدن العالم
        // والمنطقة): a name without the article or one the gazetteer knows must be among them.
        let named = names.iter().any(|n| {
            let j = ctx.token_at(n.start);
            ctx.gaz[j].is_some() || !ctx.norm[n.start..].starts_with("ال")
        });
        if names.len() >= 2 && named {
            for name in names {
                if ctx.gaz[ctx.token_at(name.start)].is_none() {
                    let end = ctx.toks[name.last].range.end;
                    ctx.out.push(Found {
                        range: name.start..end,
                        label: Label::GPE,
                        by: "rule:place-list",
                        score: 0.45,
                    });
                }
            }
        }
        i = next.max(i + 1);
    }
}

/// The names of the list that starts at token `first`; empty when no list joined by و
/// follows (قرى كثيرة، مدن العالم).
fn list_after(ctx: &Ctx, first: usize) -> Vec<ListName> {
    let mut names: Vec<ListName> = Vec::new();
    // How many names the list has up to its last و: a name after a comma alone may be the
    // sentence going on (… والمجصص، فحرر نفسه).
    let mut joined = 0;
    let mut j = first;
    loop {
        let comma = !names.is_empty() && ctx.is_punct(j, "،,");
        let at = if comma { j + 1 } else { j };
        let Some(name) = list_name(ctx, at, names.is_empty()) else {
            break;
        };
        let (name, with_waw) = name;
        if !names.is_empty() && !with_waw && !comma {
            break;
        }
        j = name.last + 1;
        names.push(name);
        if with_waw {
            joined = names.len();
        }
    }
    names.truncate(joined);
    names
}

/// The name at token `j`, and whether a و joins it to the one before. The first name of a list
/// has nothing glued to it.
fn list_name(ctx: &Ctx, j: usize, first: bool) -> Option<(ListName, bool)> {
    let t = ctx.word(j)?;
    let raw = t.text(ctx.norm);
    // A و split off a known word (وميسان), or glued to a word no list knows (واللطوة), which
    // the tokeniser leaves whole.
    let split_waw = t.clitic > 0 && &raw[..t.clitic] == "و";
    let unsplit_waw = t.clitic == 0
        && t.classes == 0
        && ctx.gaz[j].is_none()
        && raw.starts_with('و')
        && raw.chars().count() >= 3;
    let with_waw = split_waw || unsplit_waw;
    if first && with_waw || t.clitic > 0 && !split_waw {
        return None;
    }
    let start = if unsplit_waw {
        t.range.start + 'و'.len_utf8()
    } else {
        t.range.start + t.clitic
    };
    let word = &ctx.norm[start..t.range.end];
    if let Some((label, end)) = &ctx.gaz[j] {
        let place = *label == Label::GPE || *label == Label::LOC;
        return place.then_some((
            ListName {
                start,
                last: end - 1,
            },
            with_waw,
        ));
    }
    if PLACE_COMPOUND_FIRST.contains(&word) {
        ctx.word(j + 1).filter(|n| {
            n.clitic == 0 && n.classes == 0 && ctx.gaz[j + 1].is_none() && !plain_noun(ctx, j + 1)
        })?;
        return Some((ListName { start, last: j + 1 }, with_waw));
    }
    // A name and its definite genitive (عيتا الشعب، كفر الماء).
    let construct = !word.starts_with("ال")
        && ctx.word(j + 1).is_some_and(|n| {
            n.definite
                && n.clitic == 0
                && n.classes == 0
                && ctx.gaz[j + 1].is_none()
                && !nisba_shaped(ctx.stem(j + 1))
        });
    let last = if construct { j + 1 } else { j };
    // A noun with a pronoun on it refers back (دمشق وريفها، المدينة وضواحيها).
    let pronoun = ["ها", "هم", "هما"].iter().any(|p| word.ends_with(p));
    let name_like = word.chars().count() >= 3
        && !pronoun
        && (t.classes & !(class::GIVEN_NAME | class::FOREIGN_NAME | class::AMBIGUOUS_NAME)) == 0
        && !crate::extract::lexicon::is_adjective(word)
        && !crate::extract::lexicon::is_nationality(word)
        && !PLACE_PLURAL_HEADS.contains(word)
        && !(!word.starts_with("ال") && (feminine_adjective_shaped(word) || fa3ila(word)));
    name_like.then_some((ListName { start, last }, with_waw))
}

/// A word that reads as an ordinary noun or adjective after a place's first word rather than
/// the second word of its name: an indefinite feminine adjective (عين كبيرة).
fn plain_noun(ctx: &Ctx, j: usize) -> bool {
    let stem = ctx.stem(j);
    crate::extract::lexicon::is_adjective(stem) || feminine_adjective_shaped(stem)
}

/// An indefinite adjective of the pattern فعيلة (صغيرة، كبيرة، قديمة، عديدة) after a plural,
/// which describes the places rather than naming one.
fn fa3ila(word: &str) -> bool {
    let letters: Vec<char> = word.chars().collect();
    letters.len() == 5 && letters[2] == 'ي' && letters[4] == 'ه'
}
