//! Regions that are not political units (guidelines §9.1 LOC): the upland of a country (صعيد
//! مصر) and a continent with a direction adjective (أوروبا الغربية). A direction before a
//! country (شمال شرق سوريا، عقربا جنوب نابلس) is mostly "north of", with the country the
//! GPE (as Wojood marks it), so only the regions the gazetteer lists take one (جنوب لبنان).

use super::*;

/// Direction adjectives that name a part of a continent (أوروبا الغربية، آسيا الوسطى).
const DIRECTION_ADJECTIVES: [&str; 5] = ["الغربيه", "الشرقيه", "الشماليه", "الجنوبيه", "الوسطي"];

/// Marks the regions named by a direction and the parts of continents.
pub(super) fn region_rule(ctx: &mut Ctx) {
    for i in 0..ctx.toks.len() {
        let Some(t) = ctx.word(i) else { continue };
        if t.definite {
            continue;
        }
        if ctx.stem(i) == "صعيد" {
            upper_region(ctx, i);
        } else if let Some((label, end)) = ctx.gaz[i].clone()
            && label == Label::LOC
            && ctx
                .word(end)
                .is_some_and(|a| a.clitic == 0 && DIRECTION_ADJECTIVES.contains(&ctx.stem(end)))
        {
            ctx.push(i, end, Label::LOC, "rule:region", 0.6);
        }
    }
}

/// `صعيد` and the country after it (صعيد مصر).
fn upper_region(ctx: &mut Ctx, i: usize) {
    let Some((label, end)) = ctx.gaz.get(i + 1).cloned().flatten() else {
        return;
    };
    if label == Label::GPE && ctx.word(i + 1).is_some_and(|p| p.clitic == 0) {
        ctx.push(i, end - 1, Label::LOC, "rule:region", 0.6);
    }
}
