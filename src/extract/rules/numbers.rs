//! Numbers, percentages and money.

use super::*;

/// An age written as an ordinal (guidelines §12): after سن or عمر (دون سن الخامسة، بعمر
/// الثامنة عشرة), or between في and من عمره (في الخامسة والعشرين من عمره). Returns the last
/// token of the age when `i` starts one.
fn age_ordinal(ctx: &Ctx, i: usize) -> Option<usize> {
    if !ctx.is_ordinal(i) || ctx.toks[i].clitic != 0 {
        return None;
    }
    // The ordinal's tens or teens: الثامنة عشرة، الخامسة والعشرين.
    let mut last = i;
    while ctx
        .word(last + 1)
        .is_some_and(|n| n.is(class::NUMBER_WORD) || ctx.is_ordinal(last + 1))
    {
        last += 1;
    }
    let after_age_noun = i > 0
        && ctx
            .word(i - 1)
            .is_some_and(|_| matches!(ctx.stem(i - 1), "سن" | "عمر"));
    let of_his_age = i > 0
        && ctx.word(i - 1).is_some_and(|_| ctx.stem(i - 1) == "في")
        && ctx
            .word(last + 1)
            .is_some_and(|_| ctx.stem(last + 1) == "من")
        && ctx
            .word(last + 2)
            .is_some_and(|_| ctx.stem(last + 2).starts_with("عمر"));
    (after_age_noun || of_his_age).then_some(last)
}

/// A page's number at the very start of a text, before its headline (163631 تجدد …،
/// 043638 زلزال …): six digits or more, or a leading zero, which no count or year is written
/// with. Pool: 6 reports in 5 outlets; the train gold tags none.
fn page_number(ctx: &Ctx, i: usize) -> bool {
    let t = &ctx.toks[i];
    let digits = &ctx.norm[t.range.clone()];
    i == 0
        && t.kind == TokenKind::Number
        && digits.chars().all(|c| c.is_ascii_digit())
        && (digits.len() >= 6 || digits.len() >= 3 && digits.starts_with('0'))
        && ctx.word(1).is_some()
}

/// Every number (digits or number words) with what follows it: a currency makes MONEY, a
/// percent sign or word a percentage, anything else a NUMBER unless it is a year.
pub(super) fn number_rule(ctx: &mut Ctx) {
    let mut i = 0;
    while i < ctx.toks.len() {
        let t = &ctx.toks[i];
        let is_num =
            t.kind == TokenKind::Number || (t.kind == TokenKind::Word && t.is(class::NUMBER_WORD));
        if let Some(last) = age_ordinal(ctx, i) {
            ctx.push(i, last, Label::NUMBER, "rule:age", 0.6);
            i = last + 1;
            continue;
        }
        if !is_num || page_number(ctx, i) {
            i += 1;
            continue;
        }
        let last = number_end(ctx, i);
        if last == i && t.is(class::VAGUE_NUMBER) {
            i += 1;
            continue;
        }
        i = money(ctx, i, last)
            .or_else(|| percentage(ctx, i, last))
            .unwrap_or_else(|| plain_number(ctx, i, last));
    }
}

/// The last token of the number starting at `first`: 1,234.5 and scale words (3 مليارات).
fn number_end(ctx: &Ctx, first: usize) -> usize {
    let mut last = first;
    loop {
        if ctx.is_punct(last + 1, ",.")
            && ctx.number(last + 2).is_some()
            && ctx.toks[last + 1].range.start == ctx.toks[last].range.end
        {
            last += 2;
        } else if ctx.is_class(last + 1, class::SCALE) && ctx.toks[last + 1].clitic == 0
            || conjoined_number(ctx, last)
        {
            last += 1;
        } else {
            return last;
        }
    }
}

/// Whether the token after `last` goes on the number written in words up to `last` with و:
/// أربعمئة وأربعة وثمانين، ثلاثة وعشرون، 23 ألفا و433 are one number. Two numbers in digits
/// (عامي 2019 و2020) are two.
fn conjoined_number(ctx: &Ctx, last: usize) -> bool {
    let Some(next) = ctx.toks.get(last + 1) else {
        return false;
    };
    let written_in_words = ctx
        .word(last)
        .is_some_and(|t| t.is(class::NUMBER_WORD | class::SCALE));
    let glued_waw = next.clitic > 0 && ctx.norm[next.range.clone()].starts_with('و');
    let number = match next.kind {
        TokenKind::Number => true,
        TokenKind::Word => next.is(class::NUMBER_WORD) && !next.is(class::VAGUE_NUMBER),
        _ => false,
    };
    written_in_words && glued_waw && number
}

/// A number followed by a currency (and its nationality: دولار أمريكي); returns the token
/// after it.
fn money(ctx: &mut Ctx, first: usize, last: usize) -> Option<usize> {
    if !ctx.is_class(last + 1, class::CURRENCY) {
        return None;
    }
    let mut end = last + 1;
    if ctx.word(end + 1).is_some_and(|_| {
        nisba(ctx.stem(end + 1)) || matches!(ctx.stem(end + 1), "امريكي" | "اميركي" | "استرليني")
    }) {
        end += 1;
    }
    ctx.push(first, end, Label::MONEY, "rule:money", 0.8);
    Some(end + 1)
}

/// A number followed by `%`, a percent word or `في المئة`; returns the token after it.
fn percentage(ctx: &mut Ctx, first: usize, last: usize) -> Option<usize> {
    let end = if ctx.is_punct(last + 1, "%") || ctx.is_class(last + 1, class::PERCENT_WORD) {
        last + 1
    } else if ctx
        .word(last + 1)
        .is_some_and(|_| ctx.stem(last + 1) == "في")
        && ctx
            .word(last + 2)
            .is_some_and(|_| matches!(ctx.stem(last + 2), "المئه" | "الميه" | "المائه"))
    {
        last + 2
    } else {
        return None;
    };
    ctx.push(first, end, Label::NUMBER, "rule:percent", 0.8);
    Some(end + 1)
}

/// Any other number is a NUMBER, except a lone four-digit year (the date rules claim those);
/// returns the token after it.
fn plain_number(ctx: &mut Ctx, first: usize, last: usize) -> usize {
    let t = &ctx.toks[first];
    let is_year = t.kind == TokenKind::Number && last == first && {
        let s = &ctx.norm[t.range.start + t.clitic..t.range.end];
        s.len() == 4 && s.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y))
    };
    if !is_year {
        ctx.push(first, last, Label::NUMBER, "rule:number", 0.6);
    }
    last + 1
}
