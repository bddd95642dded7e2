//! Laws named by their head and complement (guidelines §9.1 MISC: `قانون الإعلام`): `قانون`
//! and a genitive chain that reaches a definite word (قانون أمن الدولة الكويتي، بقانون
//! العقوبات). A law described by an adjective or a verb (قانون جديد، قانون يجرم …) is no name.

use super::chains::chain;
use super::*;

/// Marks every law named by its complement.
pub(super) fn law_rule(ctx: &mut Ctx) {
    for i in 0..ctx.toks.len() {
        let Some(t) = ctx.word(i) else { continue };
        // The tokeniser leaves a proclitic on a word of no list (بقانون): it stays outside.
        let Some(start) = law_head_start(ctx, i).filter(|_| !t.definite) else {
            continue;
        };
        let Some(last) = chain(ctx, i, 5) else {
            continue;
        };
        if (i + 1..=last).any(|j| ctx.toks[j].definite) {
            ctx.out.push(Found {
                range: start..ctx.toks[last].range.end,
                label: Label::MISC,
                by: "rule:law",
                score: 0.5,
            });
        }
    }
}

/// Where `قانون` starts in word `i`, with or without a و، ف، ب or ل glued to it.
fn law_head_start(ctx: &Ctx, i: usize) -> Option<usize> {
    let t = &ctx.toks[i];
    let word = &ctx.norm[t.range.start + t.clitic..t.range.end];
    if word == "قانون" {
        return Some(t.range.start + t.clitic);
    }
    let first = word.chars().next()?;
    (matches!(first, 'و' | 'ف' | 'ب' | 'ل') && &word[first.len_utf8()..] == "قانون")
        .then(|| t.range.start + t.clitic + first.len_utf8())
}
