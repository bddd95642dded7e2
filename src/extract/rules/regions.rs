//! Regions that are not political units (guidelines §9.1 LOC): the upland of a country (صعيد
//! مصر) and a continent with a direction adjective (أوروبا الغربية). A direction before a
//! country (شمال شرق سوريا، عقربا جنوب نابلس) is mostly "north of", with the country the
//! GPE (as Wojood marks it), so only the regions the gazetteer lists take one (جنوب لبنان).
//! And the long names of states: a definite state noun with its adjectives (الجمهورية
//! الإسلامية الإيرانية، المملكة الأردنية الهاشمية) is the GPE.

use super::*;

/// Direction adjectives that name a part of a continent (أوروبا الغربية، آسيا الوسطى).
const DIRECTION_ADJECTIVES: [&str; 5] = ["الغربيه", "الشرقيه", "الشماليه", "الجنوبيه", "الوسطي"];

/// The definite nouns of a state that its long name starts with.
const STATE_NOUNS: [&str; 4] = ["الجمهوريه", "المملكه", "السلطنه", "الاماره"];

/// Marks the regions named by a direction and the parts of continents, and the long names of
/// states.
pub(super) fn region_rule(ctx: &mut Ctx) {
    for i in 0..ctx.toks.len() {
        let Some(t) = ctx.word(i) else { continue };
        if t.definite {
            if ctx.gaz[i].is_none() && STATE_NOUNS.contains(&ctx.stem(i)) {
                state_long_name(ctx, i);
            }
            continue;
        }
        if ctx.stem(i) == "صعيد" {
            upper_region(ctx, i);
        } else if let Some(end) = place_with_adjective(ctx, i, &DIRECTION_ADJECTIVES) {
            ctx.push(i, end, Label::LOC, "rule:region", 0.6);
        }
    }
}

/// The index of the adjective of `adjectives` right after a gazetteer LOC starting at `i` (a
/// bare word, no proclitic on it): the region the two name together.
fn place_with_adjective(ctx: &Ctx, i: usize, adjectives: &[&str]) -> Option<usize> {
    let (label, end) = ctx.gaz[i].clone()?;
    let adjective = ctx
        .word(end)
        .is_some_and(|a| a.clitic == 0 && adjectives.contains(&ctx.stem(end)));
    (label == Label::LOC && adjective).then_some(end)
}

/// `صعيد` and the country after it (صعيد مصر).
fn upper_region(ctx: &mut Ctx, i: usize) {
    let Some((label, end)) = ctx.gaz_at(i + 1).cloned() else {
        return;
    };
    if label == Label::GPE && ctx.word(i + 1).is_some_and(|p| p.clitic == 0) {
        ctx.push(i, end - 1, Label::LOC, "rule:region", 0.6);
    }
}

/// A state noun at `i` and one to three nisba adjectives after it, one of them a nationality
/// (الجمهورية الإسلامية الإيرانية، المملكة الأردنية الهاشمية): the state's long name. Without
/// a nationality (الجمهورية الجديدة، الدولة الإسلامية) it names no state.
fn state_long_name(ctx: &mut Ctx, i: usize) {
    let adjectives = (i + 1..ctx.toks.len().min(i + 4))
        .take_while(|&j| {
            ctx.word(j)
                .is_some_and(|a| a.clitic == 0 && a.definite && nisba_shaped(ctx.stem(j)))
        })
        .count();
    let national = (i + 1..=i + adjectives).any(|j| {
        crate::extract::lexicon::is_nationality(ctx.stem(j))
            && !super::norp::religion_word(ctx.stem(j))
    });
    if adjectives > 0 && national {
        ctx.push(i, i + adjectives, Label::GPE, "rule:state", 0.6);
    }
}
