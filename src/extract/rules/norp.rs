//! Groups of people by nationality, religion or community (NORP): the group nouns of
//! `norp-words.txt` (الأكراد، الشيعة) and, outside a longer name, the nationality and religion
//! adjectives of `nationalities.txt` in any form (الشاعر السوري، مصرية، الفلسطينيين).

use super::*;

pub(super) fn norp_rule(ctx: &mut Ctx) {
    let covered = ctx.covered_tokens();
    for (i, covered) in covered.into_iter().enumerate() {
        let Some(t) = ctx.word(i) else { continue };
        if t.is(class::NORP) {
            ctx.push(i, i, Label::NORP, "rule:norp", 0.6);
        } else if !covered
            && ctx.gaz[i].is_none()
            && crate::extract::lexicon::is_nationality(ctx.stem(i))
            && !names_language(ctx, i)
        {
            ctx.push(i, i, Label::NORP, "rule:nationality", 0.5);
        }
    }
}

/// A language, not a people: after لغة (اللغة العربية) or with a glued ب (بالإنجليزية "in
/// English"), which the guidelines leave untagged.
fn names_language(ctx: &Ctx, i: usize) -> bool {
    let t = &ctx.toks[i];
    let after_language = i > 0 && matches!(ctx.stem(i - 1), "اللغه" | "لغه" | "اللغات");
    let in_language = t.definite && ctx.norm[t.range.clone()].starts_with("بال");
    after_language || in_language
}
