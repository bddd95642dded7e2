//! Dates and durations: day–month–year, numeric dates, years (bare, in parentheses, after
//! `عام`), weekdays, relative dates and periods; times of day are in `times.rs`.

use super::*;

/// Units of time counted after a number (`8 سنوات`).
static DURATION_UNITS: LazyLock<WordSet> = LazyLock::new(|| word_set(lists::DURATION_UNITS));
/// The seasons (`الصيف`، `شتاء`).
static SEASONS: LazyLock<WordSet> = LazyLock::new(|| word_set(lists::SEASONS));
/// Dual units of time, a duration on their own (`عامين`).
static DURATION_DUALS: LazyLock<WordSet> = LazyLock::new(|| word_set(lists::DURATION_DUALS));

pub(super) fn month_at(ctx: &Ctx, i: usize) -> Option<usize> {
    let t = ctx.word(i)?;
    if t.is(class::MONTH) {
        return Some(i);
    }
    if t.is(class::MONTH_FIRST)
        && ctx
            .word(i + 1)
            .is_some_and(|_| completes_month(ctx.stem(i), ctx.stem(i + 1)))
    {
        return Some(i + 1);
    }
    None
}

/// Skips "( N )" around a number as written in the Wojood archive texts: returns the index of
/// the last token of the (possibly parenthesised) number, if one starts at `i`.
pub(super) fn number_at(ctx: &Ctx, i: usize) -> Option<(usize, u32)> {
    if let Some(n) = ctx.number(i) {
        return Some((i, n));
    }
    if ctx.is_punct(i, "(") && ctx.is_punct(i + 2, ")") {
        return ctx.number(i + 1).map(|n| (i + 2, n));
    }
    None
}

/// Is number token `i` part of a longer number written with separators (1,250 or 2.5)?
pub(super) fn glued_number_part(ctx: &Ctx, i: usize) -> bool {
    let touches = |a: usize, b: usize| {
        ctx.toks
            .get(a)
            .zip(ctx.toks.get(b))
            .is_some_and(|(x, y)| x.range.end == y.range.start)
    };
    let after = ctx.is_punct(i + 1, ",.")
        && touches(i, i + 1)
        && ctx.number(i + 2).is_some()
        && touches(i + 1, i + 2);
    let before = i >= 2
        && ctx.is_punct(i - 1, ",.")
        && touches(i - 1, i)
        && ctx.number(i - 2).is_some()
        && touches(i - 2, i - 1);
    after || before
}

/// `1936 - 1939`, `( 1931 / 1932 )`: the end of a year range whose first year ends at `last`.
pub(super) fn year_range_end(ctx: &Ctx, last: usize) -> usize {
    // Inside parentheses the range continues before the closing one.
    let inner = if ctx.is_punct(last, ")") {
        last.saturating_sub(1)
    } else {
        last
    };
    if ctx.is_punct(inner + 1, "-/")
        && let Some(y) = ctx.number(inner + 2)
        && (1000..=2200).contains(&y)
    {
        if inner != last && ctx.is_punct(inner + 3, ")") {
            return inner + 3;
        }
        if inner == last {
            return inner + 2;
        }
    }
    last
}

/// A numeric date `N / N / N` (optionally in parentheses) starting at `i`: (first, last).
pub(super) fn numeric_date(ctx: &Ctx, i: usize) -> Option<(usize, usize)> {
    let open = ctx.is_punct(i, "(");
    let at = if open { i + 1 } else { i };
    let (a, b, c) = (ctx.number(at)?, ctx.number(at + 2)?, ctx.number(at + 4)?);
    if !(ctx.is_punct(at + 1, "/-.") && ctx.is_punct(at + 3, "/-.")) {
        return None;
    }
    let plausible = (1..=31).contains(&a) && (1..=12).contains(&b) && !(100..1000).contains(&c)
        || (1..=12).contains(&a) && (1..=31).contains(&b) && c >= 1000
        || (1000..=2200).contains(&a) && (1..=12).contains(&b) && (1..=31).contains(&c);
    if !plausible {
        return None;
    }
    match (open, ctx.is_punct(at + 5, ")")) {
        (true, true) => Some((i, at + 5)),
        (true, false) => None,
        (false, _) => Some((at, at + 4)),
    }
}

/// Extends a date over a preceding تاريخ / بتاريخ.
pub(super) fn widen_date(ctx: &Ctx, first: usize, last: usize) -> (usize, usize) {
    let before = first.wrapping_sub(1);
    if ctx.word(before).is_some_and(|_| {
        ctx.stem(before) == "تاريخ" || ctx.norm[ctx.toks[before].range.clone()].ends_with("تاريخ")
    }) {
        (before, last)
    } else {
        (first, last)
    }
}

/// A date preceded by `يوم` starts with it (يوم 3 مايو، guidelines §9).
fn day_word_before(ctx: &Ctx, first: usize) -> usize {
    let before = first.wrapping_sub(1);
    if ctx.word(before).is_some_and(|_| ctx.stem(before) == "يوم") {
        before
    } else {
        first
    }
}

/// Durations and periods: 8 سنوات، ثلاث سنوات، عامين، لعدة أيام، السنوات الماضية.
pub(super) fn duration_at(ctx: &Ctx, i: usize) -> Option<usize> {
    let t = ctx.word(i).map(|_| ctx.stem(i));
    if let Some(stem) = t
        && DURATION_DUALS.contains(stem)
    {
        return Some(i);
    }
    let counted = ctx.number(i).is_some()
        || ctx.is_class(i, class::NUMBER_WORD)
        || ctx
            .word(i)
            .is_some_and(|_| matches!(ctx.stem(i), "عده" | "بضعه" | "بضع"));
    if counted
        && ctx
            .word(i + 1)
            .is_some_and(|_| DURATION_UNITS.contains(ctx.stem(i + 1)))
    {
        return Some(i + 1);
    }
    None
}

/// Marks every date, time and duration, left to right; a match resumes after its last token.
pub(super) fn date_rule(ctx: &mut Ctx) {
    let n = ctx.toks.len();
    let from = ctx.out.len();
    let mut i = 0;
    while i < n {
        i = date_at(ctx, i).unwrap_or(i + 1);
    }
    join_adjacent_dates(ctx, from);
    widen_over_period_parts(ctx, from);
}

/// The part of a period said before a date (نهاية العام الحالي، بداية 2020، مطلع الشهر المقبل،
/// أواخر هذا العام): the gold sets write the part inside the date (train: 10 of 10). They are
/// the words of `day-parts.txt` that are no part of a day (`day-time-parts.txt`): one list holds
/// every part that joins a date, the other says which of them name a time.
static PERIOD_PARTS: LazyLock<WordSet> = LazyLock::new(|| {
    let day = word_set(lists::DAY_TIME_PARTS);
    word_set(lists::DAY_PARTS)
        .into_iter()
        .filter(|part| !day.contains(part))
        .collect()
});

/// The year, month or week a period part names alone (حتى نهاية العام).
const PERIOD_NOUNS: [&str; 4] = ["العام", "السنه", "الشهر", "الاسبوع"];

fn period_part(ctx: &Ctx, i: usize) -> bool {
    ctx.word(i)
        .is_some_and(|t| !t.definite && PERIOD_PARTS.contains(ctx.stem(i)))
}

/// Widens the dates found from `from` on over a period part right before them (نهاية العام
/// الجاري), and over a day of the month before `من الشهر …` (25 من الشهر المقبل); adds the part
/// with a bare year, month or week (نهاية العام), which is a date only so.
fn widen_over_period_parts(ctx: &mut Ctx, from: usize) {
    for k in from..ctx.out.len() {
        if ctx.out[k].label != Label::DATE {
            continue;
        }
        let first = ctx.token_at(ctx.out[k].range.start);
        let before = first.wrapping_sub(1);
        let day_of_month = ctx.word(before).is_some_and(|_| ctx.stem(before) == "من")
            && ctx.word(first).is_some_and(|_| ctx.stem(first) == "الشهر")
            && ctx
                .number(before.wrapping_sub(1))
                .is_some_and(|d| (1..=31).contains(&d));
        if period_part(ctx, before) {
            ctx.out[k].range.start = ctx.stem_start(before);
        } else if day_of_month {
            ctx.out[k].range.start = ctx.stem_start(before - 1);
        }
    }
    let starts: Vec<usize> = ctx.out[from..].iter().map(|f| f.range.start).collect();
    for i in 0..ctx.toks.len().saturating_sub(1) {
        let noun = i + 1;
        let bare = period_part(ctx, i)
            && ctx.word(noun).is_some_and(|n| n.clitic == 0)
            && PERIOD_NOUNS.contains(&ctx.stem(noun))
            // العام الدراسي، العام الماضي: an adjective after the noun makes another phrase (or a
            // date found already).
            && !ctx.word(noun + 1).is_some_and(|n| n.definite);
        if bare && !starts.contains(&ctx.stem_start(i)) {
            ctx.push(i, noun, Label::DATE, "rule:date", 0.6);
        }
    }
}

/// Dates written one after the other with only a space between them are one date (أمس الأحد،
/// يوم أمس الخميس 3 مايو), except before a year word (يوم الخميس سنة 1925 names the day and
/// the year apart, as Wojood does); `from` is where this rule's findings start in `ctx.out`.
fn join_adjacent_dates(ctx: &mut Ctx, from: usize) {
    let found_here: Vec<Found> = ctx.out.drain(from..).collect();
    let mut kept: Vec<Found> = Vec::with_capacity(found_here.len());
    for found in found_here {
        // A month and its year with عام/سنة between (يناير عام 2023، آب من عام 2023) are one
        // date for the gold sets (train: 3 of 3), unlike a weekday and a year.
        let month_before_year = kept.last().is_some_and(|prev| {
            let last = ctx.token_at(prev.range.end) - 1;
            month_ends_at(ctx, last)
                && ctx.is_class(ctx.token_at(found.range.start), class::YEAR_WORD)
        });
        if let Some(prev) = kept.last_mut()
            && prev.label == Label::DATE
            && found.label == Label::DATE
            && prev.range.end <= found.range.start
            && joins_dates(
                &ctx.norm[prev.range.end..found.range.start],
                month_before_year,
            )
            && (month_before_year
                || !ctx.is_class(ctx.token_at(found.range.start), class::YEAR_WORD))
        {
            prev.range.end = found.range.end;
            prev.score = prev.score.max(found.score);
            continue;
        }
        kept.push(found);
    }
    ctx.out.extend(kept);
}

/// What may stand between two dates that name one day: spaces, or `الموافق` (يوم الخميس
/// الموافق 3 مايو, a date in two calendars).
fn joins_dates(between: &str, month_before_year: bool) -> bool {
    let words: Vec<&str> = between.split(' ').filter(|w| !w.is_empty()).collect();
    !between.contains(['\n', '\r'])
        && (words.is_empty() || words == ["الموافق"] || month_before_year && words == ["من"])
}

/// Whether token `last` is the last word of a month's name (يناير، كانون الثاني).
fn month_ends_at(ctx: &Ctx, last: usize) -> bool {
    (last.saturating_sub(1)..=last).any(|m| month_at(ctx, m) == Some(last))
}

/// The first date pattern that matches at token `i`, pushed; the token after it.
fn date_at(ctx: &mut Ctx, i: usize) -> Option<usize> {
    if let Some(next) = super::times::time_at(ctx, i) {
        return Some(next);
    }
    if let Some(next) = numeric_date_rule(ctx, i) {
        return Some(next);
    }
    if let Some(next) = ordinal_day_date(ctx, i) {
        return Some(next);
    }
    if let Some(next) = month_date(ctx, i) {
        return Some(next);
    }
    if let Some(next) = day_of_the_month(ctx, i) {
        return Some(next);
    }
    if let Some(next) = duration(ctx, i) {
        return Some(next);
    }
    if ctx.toks[i].kind == TokenKind::Word
        && let Some(next) = word_date(ctx, i)
    {
        return Some(next);
    }
    if let Some(next) = year_with_era_in_parentheses(ctx, i) {
        return Some(next);
    }
    bare_year(ctx, i)
}

/// Numeric dates: d/m/yyyy, yyyy-mm-dd (tokens: N / N / N), with the parentheses and the word
/// تاريخ that often surround them: بتاريخ ( 26 / 4 / 1948 ).
fn numeric_date_rule(ctx: &mut Ctx, i: usize) -> Option<usize> {
    let (first, last) = numeric_date(ctx, i)?;
    let (mut first, mut last) = widen_date(ctx, first, last);
    // Without a word before them the parentheses belong to the sentence (guidelines §2.2).
    if first == i && ctx.is_punct(first, "(") {
        (first, last) = (first + 1, last - 1);
    }
    let first = day_word_before(ctx, first);
    ctx.push(first, last, Label::DATE, "rule:date", 0.8);
    Some(last + 1)
}

/// An ordinal day before a month, one or several (guidelines §9: the whole is one date):
/// `السابع من أبريل الجاري`، `الرابع والخامس من مايو`، `التاسع من الشهر الحالي`.
fn ordinal_day_date(ctx: &mut Ctx, i: usize) -> Option<usize> {
    // The cheap test first: every ordinal has the article.
    if !ctx.toks[i].definite || ctx.toks[i].clitic > 0 || !ctx.is_ordinal(i) {
        return None;
    }
    let mut j = i + 1;
    let coordinated = |j: usize| {
        ctx.word(j).is_some_and(|t| {
            ctx.norm[t.range.clone()]
                .strip_prefix('و')
                .is_some_and(|rest| ORDINALS.contains(rest))
        })
    };
    while coordinated(j) {
        j += 1;
    }
    if !ctx
        .word(j)
        .is_some_and(|t| t.clitic == 0 && ctx.stem(j) == "من")
    {
        return None;
    }
    let start = ctx.stem_start(i);
    let from = ctx.out.len();
    let month = j + 1;
    let next = month_date(ctx, month).or_else(|| {
        ctx.word(month)
            .is_some_and(|_| ctx.stem(month) == "الشهر")
            .then(|| period(ctx, month))
            .flatten()
    })?;
    if let Some(found) = ctx.out.get_mut(from) {
        found.range.start = start;
    }
    Some(next)
}

/// `[day] MONTH [/ MONTH] [year]`; a month that is also a word (مارس، رمضان) only with a day,
/// a year or `شهر` before it.
fn month_date(ctx: &mut Ctx, start: usize) -> Option<usize> {
    let day = ctx.number(start).filter(|d| (1..=31).contains(d));
    let month_start = if day.is_some() { start + 1 } else { start };
    let month_end = month_at(ctx, month_start)?;
    let mut last = month_end;
    // Double naming: أكتوبر / تشرين الأول.
    if ctx.is_punct(last + 1, "/")
        && let Some(m2) = month_at(ctx, last + 2)
    {
        last = m2;
    }
    let year = number_at(ctx, last + 1).filter(|&(_, y)| y >= 100);
    if let Some((y, _)) = year {
        last = y;
        if ctx.is_class(last + 1, class::ERA) {
            last += 1;
        }
    }
    // شباط ( 28 / 2 / 1945 ): the numeric date confirms a month that is also a word (آب).
    let numeric = numeric_date(ctx, last + 1);
    if let Some((_, l)) = numeric {
        last = widen_date(ctx, last + 1, l).1;
    }
    // A month with its customary epithet is one date (رمضان المبارك، شهر رمضان الكريم), and
    // the epithet says that a month that is a name too (رمضان) is the month.
    let epithet = year.is_none()
        && numeric.is_none()
        && ctx
            .word(last + 1)
            .is_some_and(|_| matches!(ctx.stem(last + 1), "المبارك" | "الكريم" | "الفضيل"));
    if epithet {
        last += 1;
    }
    // The word that places it before or after now belongs to the date (ديسمبر الماضي، 3 مارس
    // المقبل) and says a month that is a word too is the month.
    let placed = year.is_none() && ctx.is_class(last + 1, class::PERIOD_WORD);
    if placed {
        last += 1;
    }
    let year = year.or(numeric.map(|_| (last, 0)));
    let ambiguous = ctx.is_class(month_start, class::MONTH_AMBIGUOUS);
    let preceded_by_month_word = start > 0
        && ctx
            .word(start - 1)
            .is_some_and(|_| matches!(ctx.stem(start - 1), "شهر" | "الشهر"));
    if ambiguous
        && day.is_none()
        && year.is_none()
        && !preceded_by_month_word
        && !epithet
        && !placed
    {
        return None;
    }
    let first = if preceded_by_month_word {
        start - 1
    } else {
        day_word_before(ctx, start)
    };
    ctx.push(first, last, Label::DATE, "rule:date", 0.8);
    Some(last + 1)
}

/// A day of this, the next or the last month by its number alone (في 30 الجاري، حتى 18 المقبل):
/// a date, not a count.
fn day_of_the_month(ctx: &mut Ctx, i: usize) -> Option<usize> {
    ctx.number(i).filter(|d| (1..=31).contains(d))?;
    let placed = ctx.word(i + 1).is_some_and(|n| n.clitic == 0)
        && matches!(ctx.stem(i + 1), "الجاري" | "المقبل" | "القادم" | "الماضي");
    if !placed || glued_number_part(ctx, i) {
        return None;
    }
    ctx.push(i, i + 1, Label::DATE, "rule:date", 0.7);
    Some(i + 2)
}

/// A duration (`8 سنوات`, `عامين`) is no date (guidelines §9.3): only its count is an entity,
/// a NUMBER (`ثلاثة أيام` → `ثلاثة`); the whole is skipped so its unit starts no date.
fn duration(ctx: &mut Ctx, i: usize) -> Option<usize> {
    let last = duration_at(ctx, i)?;
    if last > i && !ctx.is_class(i, class::VAGUE_NUMBER) && ctx.stem(i) != "عده" {
        ctx.push(i, last - 1, Label::NUMBER, "rule:duration", 0.5);
    }
    Some(last + 1)
}

/// Dates that start with a word: periods, weekdays, `عام N`, relative dates, seasons.
fn word_date(ctx: &mut Ctx, i: usize) -> Option<usize> {
    if let Some(next) = period(ctx, i) {
        return Some(next);
    }
    if let Some(next) = weekday(ctx, i) {
        return Some(next);
    }
    if let Some(next) = year_after_year_word(ctx, i) {
        return Some(next);
    }
    if let Some(next) = relative_date(ctx, i) {
        return Some(next);
    }
    season(ctx, i)
}

/// Two-word periods: `الفترة العثمانية`, `السنوات الماضية`, `هذا العام`, `الأسبوع الماضي`.
fn period(ctx: &mut Ctx, i: usize) -> Option<usize> {
    let stem = ctx.stem(i);
    let next_word = ctx.word(i + 1).is_some();
    // الفترة العثمانية، العهد العثماني، الحقبة الاستعمارية
    let era = matches!(stem, "الفتره" | "الحقبه" | "العهد" | "العصر")
        && ctx
            .word(i + 1)
            .is_some_and(|n| n.definite && n.clitic == 0 && nisba_shaped(ctx.stem(i + 1)))
        && !ctx.is_class(i + 1, class::PERIOD_WORD);
    if era {
        ctx.push(i, i + 1, Label::DATE, "rule:period", 0.5);
        return Some(i + 2);
    }
    // السنوات الماضية، السنوات الأخيرة
    let recent = matches!(
        stem,
        "السنوات" | "الاعوام" | "الايام" | "الاشهر" | "الشهور" | "العقود" | "الاسابيع"
    ) && next_word
        && (ctx.is_class(i + 1, class::PERIOD_WORD)
            || matches!(ctx.stem(i + 1), "الاخيره" | "الاولي" | "المقبله" | "القليله"));
    // هذا العام، هذه السنة
    let this = matches!(stem, "هذا" | "هذه")
        && next_word
        && matches!(
            ctx.stem(i + 1),
            "العام" | "السنه" | "الاسبوع" | "الشهر" | "الصباح" | "المساء"
        );
    // الأسبوع الماضي، الشهر المقبل; a period of no set length (الفترة المقبلة) places
    // nothing on the calendar, and the gold sets leave it out.
    let last_or_next = matches!(stem, "الاسبوع" | "الشهر" | "العقد" | "القرن")
        && (ctx.is_class(i + 1, class::PERIOD_WORD)
            || ctx.word(i + 1).is_some_and(|_| ctx.stem(i + 1) == "الاخير"));
    if recent || this || last_or_next {
        // السنوات القليلة المقبلة: a placing word after the adjective belongs to the period.
        let last = if recent && ctx.is_class(i + 2, class::PERIOD_WORD) {
            i + 2
        } else {
            i + 1
        };
        ctx.push(i, last, Label::DATE, "rule:date", 0.6);
        return Some(last + 1);
    }
    None
}

/// `(يوم)? WEEKDAY` (definite or after يوم), with a day part or يوم before it; not `الجمعية
/// العامة`-like phrases.
fn weekday(ctx: &mut Ctx, i: usize) -> Option<usize> {
    let t = &ctx.toks[i];
    if !t.is(class::WEEKDAY) || !(t.definite || ctx.stem(i) == "يوم") {
        return None;
    }
    let next_is_assembly = ctx
        .word(i + 1)
        .is_some_and(|_| matches!(ctx.stem(i + 1), "العامه" | "الخيريه"));
    if next_is_assembly {
        return None;
    }
    let introduced = i > 0
        && (ctx.is_class(i - 1, class::DAY_PART)
            || ctx.word(i - 1).is_some_and(|_| ctx.stem(i - 1) == "يوم"));
    let first = if introduced { i - 1 } else { i };
    // يوم الجمعة الماضي: the word that places the day belongs to it.
    let last = if ctx.is_class(i + 1, class::PERIOD_WORD) {
        i + 1
    } else {
        i
    };
    ctx.push(first, last, Label::DATE, "rule:date", 0.7);
    Some(last + 1)
}

/// `عام|سنة ( N ) [هـ|م]` and `العام الماضي، السنة المقبلة`.
fn year_after_year_word(ctx: &mut Ctx, i: usize) -> Option<usize> {
    if !ctx.toks[i].is(class::YEAR_WORD) {
        return None;
    }
    if let Some((last, y)) = number_at(ctx, i + 1)
        && (100..=2200).contains(&y)
    {
        let mut last = year_range_end(ctx, last);
        if ctx.is_class(last + 1, class::ERA) {
            last += 1;
        }
        ctx.push(i, last, Label::DATE, "rule:date", 0.8);
        return Some(last + 1);
    }
    if ctx.is_class(i + 1, class::PERIOD_WORD) {
        ctx.push(i, i + 1, Label::DATE, "rule:date", 0.6);
        return Some(i + 2);
    }
    None
}

/// A season (guidelines §9): `فصل الصيف`، `الشتاء الماضي`، `خريف 2019`، `الصيف`. Spring alone
/// (الربيع) is the Arab uprisings as often, and a season without the article a noun (شتاء
/// قارس): both only with `فصل`, a year or a word that places them.
fn season(ctx: &mut Ctx, i: usize) -> Option<usize> {
    let with_head = ctx.stem(i) == "فصل" && ctx.toks[i].clitic == 0;
    let at = if with_head { i + 1 } else { i };
    let t = ctx.word(at)?;
    let stem = ctx.stem(at);
    if !SEASONS.contains(stem) || (t.clitic > 0 && !t.definite) {
        return None;
    }
    let year = number_at(ctx, at + 1).filter(|&(_, y)| (100..=2200).contains(&y));
    let placed = ctx.is_class(at + 1, class::PERIOD_WORD);
    let plain = t.definite && !stem.ends_with("ربيع");
    if !(with_head || year.is_some() || placed || plain) {
        return None;
    }
    let last = match year {
        Some((y, _)) => y,
        None if placed => at + 1,
        None => at,
    };
    ctx.push(i, last, Label::DATE, "rule:season", 0.6);
    Some(last + 1)
}

/// `صباح/مساء` + `اليوم/أمس/WEEKDAY`, or a relative date alone (`أمس`; `الآن` is a TIME).
fn relative_date(ctx: &mut Ctx, i: usize) -> Option<usize> {
    let t = &ctx.toks[i];
    if t.is(class::DAY_PART) && ctx.is_class(i + 1, class::RELATIVE_DATE | class::WEEKDAY) {
        ctx.push(i, i + 1, Label::DATE, "rule:date", 0.6);
        return Some(i + 2);
    }
    // `الآن`، `حالياً` "now, currently" name no time (guidelines §9.1); they only stop names.
    if t.is(class::RELATIVE_DATE) && t.clitic == 0 && !matches!(ctx.stem(i), "الان" | "حاليا")
    {
        let first = if i > 0 && ctx.word(i - 1).is_some_and(|_| ctx.stem(i - 1) == "يوم") {
            i - 1
        } else {
            i
        };
        ctx.push(first, i, Label::DATE, "rule:relative-date", 0.5);
        return Some(i + 1);
    }
    None
}

/// A year in parentheses with its era: `( 1343 ) هجري`.
fn year_with_era_in_parentheses(ctx: &mut Ctx, i: usize) -> Option<usize> {
    let y = ctx.number(i + 1).filter(|_| ctx.is_punct(i, "("))?;
    if !(500..=2200).contains(&y) || !ctx.is_punct(i + 2, ")") || !ctx.is_class(i + 3, class::ERA) {
        return None;
    }
    ctx.push(i, i + 3, Label::DATE, "rule:year", 0.6);
    Some(i + 4)
}

/// A bare year: 1800–2100, or a Hijri-range year in parentheses (not a count of something,
/// not part of a decimal or thousands-separated number).
fn bare_year(ctx: &mut Ctx, i: usize) -> Option<usize> {
    let in_parens = ctx.is_punct(i.wrapping_sub(1), "(") && ctx.is_punct(i + 1, ")");
    let year_range = if in_parens { 1000..=2100 } else { 1800..=2100 };
    let y = ctx.number(i)?;
    if !year_range.contains(&y)
        || ctx.toks[i].range.len() - ctx.toks[i].clitic != 4
        || ctx.is_class(i + 1, class::CURRENCY | class::SCALE | class::PERCENT_WORD)
        || ctx.is_punct(i + 1, "%")
        || glued_number_part(ctx, i)
    {
        return None;
    }
    let last = year_range_end(ctx, i);
    // بتاريخ ( 1934 ): the date word and the parentheses are the date's.
    let (first, last) = if in_parens && last == i {
        let (first, _) = widen_date(ctx, i - 1, i + 1);
        if first < i - 1 {
            (first, i + 1)
        } else {
            (i, i)
        }
    } else {
        (i, last)
    };
    ctx.push(first, last, Label::DATE, "rule:year", 0.4);
    Some(last + 1)
}
