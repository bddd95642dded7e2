//! Numbers, percentages and money.

use super::*;

pub(super) fn number_rule(ctx: &mut Ctx) {
    let n = ctx.toks.len();
    let mut i = 0;
    while i < n {
        let t = &ctx.toks[i];
        let is_num =
            t.kind == TokenKind::Number || (t.kind == TokenKind::Word && t.is(class::NUMBER_WORD));
        if !is_num {
            i += 1;
            continue;
        }
        let first = i;
        let mut last = i;
        // 1,234.5 and scale words: 3 مليارات
        loop {
            if ctx.is_punct(last + 1, ",.")
                && ctx.number(last + 2).is_some()
                && ctx.toks[last + 1].range.start == ctx.toks[last].range.end
            {
                last += 2;
            } else if ctx.is_class(last + 1, class::SCALE) && ctx.toks[last + 1].clitic == 0 {
                last += 1;
            } else {
                break;
            }
        }
        if ctx.is_class(last + 1, class::CURRENCY) {
            let mut end = last + 1;
            if ctx.word(end + 1).is_some_and(|_| {
                nisba(ctx.stem(end + 1))
                    || matches!(ctx.stem(end + 1), "امريكي" | "اميركي" | "استرليني")
            }) {
                end += 1;
            }
            ctx.push(first, end, Label::MONEY, "rule:money", 0.8);
            i = end + 1;
            continue;
        }
        if ctx.is_punct(last + 1, "%") {
            ctx.push(first, last + 1, Label::NUMBER, "rule:percent", 0.8);
            i = last + 2;
            continue;
        }
        if ctx.is_class(last + 1, class::PERCENT_WORD)
            || (ctx
                .word(last + 1)
                .is_some_and(|_| ctx.stem(last + 1) == "في")
                && ctx
                    .word(last + 2)
                    .is_some_and(|_| matches!(ctx.stem(last + 2), "المئه" | "الميه" | "المائه")))
        {
            let end = if ctx.is_class(last + 1, class::PERCENT_WORD) {
                last + 1
            } else {
                last + 2
            };
            ctx.push(first, end, Label::NUMBER, "rule:percent", 0.8);
            i = end + 1;
            continue;
        }
        // Dates already claim years; other numbers are NUMBER.
        let is_year = t.kind == TokenKind::Number && last == first && {
            let s = &ctx.norm[t.range.start + t.clitic..t.range.end];
            s.len() == 4 && s.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y))
        };
        if !is_year {
            ctx.push(first, last, Label::NUMBER, "rule:number", 0.6);
        }
        i = last + 1;
    }
}
