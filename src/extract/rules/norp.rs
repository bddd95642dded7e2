//! Groups of people by nationality, religion or community (NORP).

use super::*;

pub(super) fn norp_rule(ctx: &mut Ctx) {
    for i in 0..ctx.toks.len() {
        let Some(t) = ctx.word(i) else { continue };
        let stem = ctx.stem(i);
        // Peoples by nationality: السوريون، الفلسطينيين (not الحاليين "the current ones").
        let plural_nisba = stem.starts_with("ال")
            && (stem.ends_with("يون") || stem.ends_with("يين"))
            && crate::extract::lexicon::is_adjective(stem)
            && !matches!(
                stem,
                "الدوليين"
                    | "الدوليون"
                    | "المحليين"
                    | "المحليون"
                    | "الرسميين"
                    | "الرسميون"
                    | "الامنيين"
                    | "الامنيون"
                    | "العسكريين"
                    | "العسكريون"
                    | "المدنيين"
                    | "المدنيون"
                    | "الحكوميين"
            );
        if t.is(class::NORP) {
            ctx.push(i, i, Label::NORP, "rule:norp", 0.6);
        } else if plural_nisba {
            ctx.push(i, i, Label::NORP, "rule:nisba", 0.4);
        }
    }
}
