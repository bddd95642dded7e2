//! Events the head-noun chains miss (guidelines §9.1 EVENT): a head that names an event before
//! a year (مونديال 2022، أولمبياد باريس 2024، منتدى دافوس 2026), the international days (اليوم
//! العالمي لحرية الصحافة), and what ends an event's name: its ordinal (مهرجان … الخامس
//! والأربعين، القمة العربية الـ34) and the sport of a league (الدوري المصري الممتاز لكرة القدم).

use super::*;

static YEAR_EVENT_HEADS: LazyLock<WordSet> = LazyLock::new(|| word_set(lists::YEAR_EVENT_HEADS));

/// Marks events before a year and international days, then carries every event's name over
/// its ordinal and its sport.
pub(super) fn event_rule(ctx: &mut Ctx) {
    for i in 0..ctx.toks.len() {
        let Some(t) = ctx.word(i) else { continue };
        if t.definite && ctx.stem(i) == "اليوم" {
            international_day(ctx, i);
        } else if YEAR_EVENT_HEADS.contains(ctx.stem(i)) {
            event_before_year(ctx, i);
        }
    }
    let ends: Vec<(usize, usize)> = ctx
        .out
        .iter()
        .enumerate()
        .filter(|(_, f)| f.label == Label::EVENT)
        .map(|(k, f)| (k, ctx.token_at(f.range.end - 1)))
        .collect();
    for (k, last) in ends {
        let end = event_name_end(ctx, last);
        if end > last {
            ctx.out[k].range.end = ctx.toks[end].range.end;
        }
    }
}

/// A year of 1900–2100 at `j`.
fn year_at(ctx: &Ctx, j: usize) -> bool {
    ctx.number(j).is_some_and(|y| (1900..=2100).contains(&y)) && ctx.toks[j].clitic == 0
}

/// `مونديال 2022`، `أولمبياد باريس 2024`: the head, at most one name, and the year.
fn event_before_year(ctx: &mut Ctx, i: usize) {
    let name_end = match ctx.gaz_at(i + 1) {
        Some((_, end)) => Some(end - 1),
        _ => ctx
            .word(i + 1)
            .filter(|n| n.clitic == 0 && !n.is(NAME_STOP))
            .map(|_| i + 1),
    };
    let year = if year_at(ctx, i + 1) {
        i + 1
    } else if let Some(end) = name_end.filter(|&end| year_at(ctx, end + 1)) {
        end + 1
    } else {
        return;
    };
    ctx.push(i, year, Label::EVENT, "rule:event-year", 0.5);
    // The year is the event's: a date that starts at it starts after it (2026 أمس → أمس).
    let year_range = ctx.toks[year].range.clone();
    let after = ctx.toks.get(year + 1).map(|_| ctx.stem_start(year + 1));
    ctx.out.retain_mut(|f| {
        if f.label != Label::DATE || f.range.start != year_range.start {
            return true;
        }
        match after.filter(|&start| start < f.range.end) {
            Some(start) => {
                f.range.start = start;
                true
            }
            None => false,
        }
    });
}

/// `اليوم العالمي لحرية الصحافة`، `اليوم الدولي للمرأة`، `اليوم الوطني السعودي`: the day, its
/// adjective and what it is for (a ل complement and its definite words).
fn international_day(ctx: &mut Ctx, i: usize) {
    let Some(a) = ctx.word(i + 1).filter(|a| a.clitic == 0) else {
        return;
    };
    if !a.definite || !matches!(ctx.stem(i + 1), "العالمي" | "الدولي" | "الوطني")
    {
        return;
    }
    let mut last = i + 1;
    let written = |j: usize| ctx.word(j).map(|t| &ctx.norm[t.range.clone()]);
    if written(last + 1).is_some_and(|w| w.starts_with("لل") || w.starts_with('ل'))
        || ctx.is_class(last + 1, class::NORP)
    {
        last += 1;
        while last < i + 6
            && ctx
                .word(last + 1)
                .is_some_and(|n| n.definite && n.clitic == 0 && !n.is(NAME_STOP))
            && !ctx.is_ordinal(last + 1)
        {
            last += 1;
        }
    }
    ctx.push(i, last, Label::EVENT, "rule:international-day", 0.5);
}

/// The end of an event's name that ends at `last`: its ordinal (`الخامس والأربعين`، `الـ34`)
/// and the sport of a league (`الممتاز لكرة القدم`).
fn event_name_end(ctx: &Ctx, mut last: usize) -> usize {
    if ctx
        .word(last + 1)
        .is_some_and(|_| ctx.stem(last + 1) == "الممتاز")
    {
        last += 1;
    }
    let written = |j: usize| ctx.word(j).map_or("", |t| &ctx.norm[t.range.clone()]);
    if written(last + 1) == "لكره" && ctx.word(last + 2).is_some() {
        return last + 2;
    }
    // An ordinal before من is a day of a month (الثامن من مارس), not the event's.
    let day_of_month = ctx
        .word(last + 2)
        .is_some_and(|_| ctx.stem(last + 2) == "من");
    if ctx.is_ordinal(last + 1) && !day_of_month {
        last += 1;
        // الخامس والأربعين: the tens after the unit, written with و and the article.
        let tens = written(last + 1)
            .strip_prefix("وال")
            .is_some_and(|w| crate::extract::lexicon::classes(w) & class::NUMBER_WORD != 0);
        if tens {
            last += 1;
        }
        return last;
    }
    // الـ34: the article written before the number.
    let numbered = written(last + 1)
        .strip_prefix("ال")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    if numbered { last + 1 } else { last }
}
