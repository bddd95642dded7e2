//! Names that come back: a pass over the whole article after the other rules. The short form
//! of a name the article gave in full is the same entity wherever it stands: an organisation's
//! name without its head (شركة كاسبرسكي … وقالت كاسبرسكي) or its acronym in parentheses
//! (الحركة الاشتراكية (باسوك) … باسوك), a work's name without its head (فيروس فليم … فليم),
//! a foreign given name no list knows (كريستيانو رونالدو … كريستيانو). Family names are
//! `person::repeated_surname_rule`.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::quoted::arabic_shaped;
use super::*;

/// A short form: its words (stems), and the label and rule of the name it shortens.
type ShortForms<'a> = HashMap<Vec<&'a str>, Label>;

/// Every word of `first..=last` is one no list or gazetteer knows, without the article: the
/// words of a proper name rather than of a description (شركة طيران is a common noun, and
/// طيران is in no list either, so a head's name must look foreign too: see the caller).
fn plain_name(ctx: &Ctx, first: usize, last: usize) -> bool {
    first <= last
        && (first..=last).all(|j| {
            ctx.word(j).is_some_and(|t| {
                t.classes & !(class::GIVEN_NAME | class::FOREIGN_NAME) == 0
                    && t.clitic == 0
                    && !t.definite
                    && ctx.gaz[j].is_none()
                    && ctx.stem(j).chars().count() >= 3
            })
        })
}

/// The short forms of the names found so far.
fn short_forms<'a>(ctx: &Ctx<'a>) -> ShortForms<'a> {
    let mut forms = ShortForms::default();
    let stems = |first: usize, last: usize| (first..=last).map(|j| ctx.stem(j)).collect();
    for found in &ctx.out {
        let first = ctx.token_at(found.range.start);
        let last = ctx.token_at(found.range.end - 1);
        match (found.by, &found.label) {
            // A name that a head noun introduced: its words without the head.
            ("rule:work-head" | "rule:org-head", _) if last > first => {
                let foreign = (first + 1..=last)
                    .all(|j| ctx.stem(j).chars().count() >= 4 && !arabic_shaped(ctx.stem(j)));
                if !ctx.toks[first].definite && foreign && plain_name(ctx, first + 1, last) {
                    forms.insert(stems(first + 1, last), found.label.clone());
                }
            }
            // A quoted name: its words.
            ("rule:quoted-name", _) if plain_name(ctx, first, last) => {
                forms.insert(stems(first, last), found.label.clone());
            }
            // A full name, and a foreign given name in it that no list knows.
            (_, label) if *label == Label::PERSON && last > first => {
                if plain_name(ctx, first, last) {
                    forms.insert(stems(first, last), Label::PERSON);
                }
                if ctx.toks[first].classes == 0 && plain_name(ctx, first, last) {
                    forms.insert(vec![ctx.stem(first)], Label::PERSON);
                }
            }
            _ => {}
        }
        // An acronym in parentheses right after an organisation: الحركة الاشتراكية (باسوك).
        if found.label == Label::ORG
            && ctx.is_punct(last + 1, "(")
            && let Some(close) =
                (last + 2..ctx.toks.len().min(last + 6)).find(|&j| ctx.is_punct(j, ")"))
            && plain_name(ctx, last + 2, close - 1)
        {
            forms.insert(stems(last + 2, close - 1), Label::ORG);
        }
    }
    forms
}

/// Marks every place where a short form of a name found in the article stands, outside a name
/// already found.
pub(super) fn short_form_rule(ctx: &mut Ctx) {
    let forms = short_forms(ctx);
    if forms.is_empty() {
        return;
    }
    let longest = forms.keys().map(Vec::len).max().unwrap_or(0);
    // Only a word that starts a short form is looked at further.
    let starts: HashSet<&str> = forms
        .keys()
        .filter_map(|words| words.first().copied())
        .collect();
    let covered = ctx.covered_tokens();
    let free = |j: usize| ctx.word(j).is_some() && !covered.get(j).copied().unwrap_or(true);
    let mut found = Vec::new();
    let mut i = 0;
    while i < ctx.toks.len() {
        let hit = free(i).then(|| {
            readings(ctx, i)
                .into_iter()
                .flatten()
                .filter(|(_, first)| starts.contains(first))
                .find_map(|(start, first)| {
                    (1..=longest).rev().find_map(|len| {
                        let mut words = vec![first];
                        for j in i + 1..i + len {
                            words.push(free(j).then(|| ctx.stem(j))?);
                        }
                        Some((start, len, forms.get(&words)?.clone()))
                    })
                })
        });
        match hit.flatten() {
            Some((start, len, label)) => {
                let end = ctx.toks[i + len - 1].range.end;
                found.push(Found {
                    range: start..end,
                    label,
                    by: "rule:short-form",
                    score: 0.45,
                });
                i += len;
            }
            None => i += 1,
        }
    }
    ctx.out.extend(found);
}

/// The readings of the first word of a possible short form at `i`, with where each starts:
/// the word as the tokeniser left it, and, as a و، ف، ب or ل glued to a name no list knows is
/// not split off (وميني فليم), the word without it when three letters or more are left.
fn readings<'a>(ctx: &Ctx<'a>, i: usize) -> [Option<(usize, &'a str)>; 2] {
    let t = &ctx.toks[i];
    let stem = ctx.stem(i);
    let at = ctx.stem_start(i);
    let bare = match stem.chars().next() {
        Some(c @ ('و' | 'ف' | 'ب' | 'ل'))
            if t.clitic == 0 && t.classes == 0 && !t.definite && stem.chars().count() > 3 =>
        {
            Some((at + c.len_utf8(), &stem[c.len_utf8()..]))
        }
        _ => None,
    };
    [Some((at, stem)), bare]
}
