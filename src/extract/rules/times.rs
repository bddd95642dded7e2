//! Times of day, the TIME label (guidelines §9.1): clock times with their hour words (الساعة
//! الخامسة، الساعة 3:30 بعد الظهر، العاشرة صباحاً، 10:30 مساءً، منتصف الليل) and the named
//! parts of a day with the day they are in (فجر اليوم، مساء أمس، ظهر أمس الأحد، ليل السبت -
//! الأحد). Parts of longer periods (مطلع الشهر، أواخر العام) stay dates.

use super::*;

/// Parts of a day that make a time with the day after them (`صباح`، `فجر`، `ليلة`).
static DAY_TIME_PARTS: LazyLock<WordSet> = LazyLock::new(|| word_set(lists::DAY_TIME_PARTS));
/// Hour adverbs and fractions that belong to a clock time (`صباحا`، `والنصف`).
static HOUR_WORDS: LazyLock<WordSet> = LazyLock::new(|| word_set(lists::HOUR_WORDS));

/// The time that starts at token `i`, pushed; the token after it.
pub(super) fn time_at(ctx: &mut Ctx, i: usize) -> Option<usize> {
    let t = &ctx.toks[i];
    match t.kind {
        TokenKind::Number => digital_time(ctx, i),
        TokenKind::Word if t.definite => clock_time(ctx, i)
            .or_else(|| ordinal_hour(ctx, i))
            .or_else(|| midnight(ctx, i)),
        TokenKind::Word => day_part_time(ctx, i).or_else(|| midnight(ctx, i)),
        _ => None,
    }
}

/// `الساعة` and an hour (a number, `3:30`, `الـ9`, an ordinal: `الخامسة`، `الحادية عشرة`),
/// with the words that go with it.
fn clock_time(ctx: &mut Ctx, i: usize) -> Option<usize> {
    if ctx.stem(i) != "الساعه" {
        return None;
    }
    let hour = hour_at(ctx, i + 1)?;
    let last = hour_tail(ctx, hour);
    ctx.push(i, last, Label::TIME, "rule:time", 0.7);
    Some(last + 1)
}

/// An ordinal hour without `الساعة` (`الثامنة والنصف صباحاً`، `العاشرة مساء اليوم`): only with
/// a word of the day after it, and not as an adjective after a noun (`المرة الثانية مساء`).
fn ordinal_hour(ctx: &mut Ctx, i: usize) -> Option<usize> {
    let hour = ordinal_hour_at(ctx, i)?;
    if i > 0 && super::name_parts::written_definite(ctx, i - 1) {
        return None;
    }
    let last = hour_tail(ctx, hour);
    let fraction = usize::from(fraction_at(ctx, hour + 1));
    if last <= hour + fraction {
        return None;
    }
    ctx.push(i, last, Label::TIME, "rule:time", 0.6);
    Some(last + 1)
}

/// `10:30` before a word of the day (`صباحاً`، `بتوقيت غرينتش`): a score or a ratio has none.
fn digital_time(ctx: &mut Ctx, i: usize) -> Option<usize> {
    let hour = minutes_end(ctx, i)?;
    if hour == i {
        return None;
    }
    let last = hour_tail(ctx, hour);
    if last == hour {
        return None;
    }
    ctx.push(i, last, Label::TIME, "rule:time", 0.6);
    Some(last + 1)
}

/// A part of the day and the day it is in (`فجر اليوم`، `مساء أمس`، `ظهر أمس الأحد`، `صباح
/// يوم الجمعة`، `ليل السبت - الأحد`).
fn day_part_time(ctx: &mut Ctx, i: usize) -> Option<usize> {
    let t = &ctx.toks[i];
    if !t.is(class::DAY_PART) || !DAY_TIME_PARTS.contains(ctx.stem(i)) {
        return None;
    }
    let last = day_after_part(ctx, i + 1)?;
    ctx.push(i, last, Label::TIME, "rule:day-part-time", 0.6);
    Some(last + 1)
}

/// `منتصف الليل`، `منتصف ليل الأحد`، `منتصف النهار`.
fn midnight(ctx: &mut Ctx, i: usize) -> Option<usize> {
    if ctx.stem(i) != "منتصف" || ctx.word(i + 1).is_none_or(|n| n.clitic != 0) {
        return None;
    }
    let last = match ctx.stem(i + 1) {
        "الليل" | "النهار" | "الليله" => i + 1,
        "ليل" | "ليله" => day_after_part(ctx, i + 2)?,
        _ => return None,
    };
    ctx.push(i, last, Label::TIME, "rule:time", 0.6);
    Some(last + 1)
}

/// The day named after a part of the day, from token `j`: a relative day (`اليوم`، `أمس`)
/// with its weekday, a weekday (`الجمعة`، `يوم الجمعة`) or a range of two (`السبت - الأحد`);
/// its last token.
fn day_after_part(ctx: &Ctx, j: usize) -> Option<usize> {
    let relative = ctx.is_class(j, class::RELATIVE_DATE)
        && !matches!(ctx.stem(j), "الان" | "حاليا")
        && ctx.toks[j].clitic == 0;
    let mut last = if relative { j } else { weekday_at(ctx, j)? };
    if relative && let Some(day) = weekday_at(ctx, last + 1) {
        last = day;
    }
    if ctx.is_punct(last + 1, "-–")
        && let Some(day) = weekday_at(ctx, last + 2)
    {
        last = day;
    }
    Some(last)
}

/// A weekday with the article or after `يوم` at `j`; its last token.
fn weekday_at(ctx: &Ctx, j: usize) -> Option<usize> {
    let t = ctx.word(j).filter(|t| t.clitic == 0)?;
    if t.is(class::WEEKDAY) && t.definite {
        return Some(j);
    }
    (ctx.stem(j) == "يوم" && ctx.is_class(j + 1, class::WEEKDAY)).then_some(j + 1)
}

/// The hour at `j` after `الساعة`: a number of 0–24 (with its minutes, or written `الـ9`) or an
/// ordinal; its last token.
fn hour_at(ctx: &Ctx, j: usize) -> Option<usize> {
    if let Some(last) = minutes_end(ctx, j) {
        return Some(last);
    }
    // الـ9: the article written before a number with a tatweel, glued (ال9) or apart (الـ 9).
    if let Some(t) = ctx.word(j) {
        let written = &ctx.norm[t.range.clone()];
        if written == "ال" {
            return minutes_end(ctx, j + 1);
        }
        let glued_hour = written
            .strip_prefix("ال")
            .and_then(|n| n.parse::<u32>().ok())
            .is_some_and(|h| h <= 24);
        if glued_hour {
            return Some(j);
        }
    }
    ordinal_hour_at(ctx, j)
}

/// A number of 0–24 at `j` and its minutes (`3:30`); its last token.
fn minutes_end(ctx: &Ctx, j: usize) -> Option<usize> {
    ctx.number(j).filter(|h| *h <= 24)?;
    let minutes = ctx.toks.get(j + 2).filter(|m| m.range.len() == 2);
    if ctx.is_punct(j + 1, ":") && minutes.is_some() && ctx.number(j + 2).is_some_and(|m| m < 60) {
        return Some(j + 2);
    }
    Some(j)
}

/// An ordinal of the hours at `j` (`الخامسة`، `الواحدة`، `الحادية عشرة`، `الثانية عشرة`);
/// its last token.
fn ordinal_hour_at(ctx: &Ctx, j: usize) -> Option<usize> {
    let t = ctx.word(j).filter(|t| t.definite)?;
    let stem = ctx.stem(j);
    // Hours are feminine (الساعة الخامسة): a masculine ordinal is some other rank.
    let hour = (stem.ends_with('ه') && ctx.is_ordinal(j)) || stem == "الواحده";
    let eleven = stem == "الحاديه";
    if !(hour || eleven) || t.clitic > 0 && !t.has_conjunction(ctx.norm) {
        return None;
    }
    let tens = ctx.word(j + 1).is_some_and(|_| ctx.stem(j + 1) == "عشره");
    if tens { Some(j + 1) } else { hour.then_some(j) }
}

/// Word `j` as written, with the proclitic `prefix` taken off (no list splits `والنصف`).
fn written_after<'a>(ctx: &Ctx<'a>, j: usize, prefix: &str) -> Option<&'a str> {
    let t = ctx.word(j)?;
    ctx.norm[t.range.clone()].strip_prefix(prefix)
}

/// Whether word `j` is a fraction of an hour with its و (`والنصف`، `والربع`).
fn fraction_at(ctx: &Ctx, j: usize) -> bool {
    written_after(ctx, j, "و").is_some_and(|w| w.starts_with("ال") && HOUR_WORDS.contains(w))
}

/// What goes with an hour that ends at `last`: a fraction (`والنصف`), the part of the day
/// (`صباحاً`، `بعد الظهر`، `من صباح اليوم`، `مساء أمس`) and the time zone (`بتوقيت غرينتش`،
/// `بالتوقيت المحلي`); the last token of the whole.
fn hour_tail(ctx: &Ctx, mut last: usize) -> usize {
    if fraction_at(ctx, last + 1) {
        last += 1;
    }
    last = day_of_hour(ctx, last + 1).unwrap_or(last);
    let zone = written_after(ctx, last + 1, "ب").is_some_and(|w| matches!(w, "توقيت" | "التوقيت"))
        && ctx.word(last + 2).is_some();
    if zone { last + 2 } else { last }
}

/// The part of the day after an hour, from word `j` (`صباحاً`، `صباحاً اليوم`، `بعد الظهر`،
/// `من صباح اليوم`، `مساء أمس`); its last token.
fn day_of_hour(ctx: &Ctx, j: usize) -> Option<usize> {
    let t = ctx.word(j).filter(|t| t.clitic == 0)?;
    let stem = ctx.stem(j);
    let next = ctx.word(j + 1).map(|_| ctx.stem(j + 1));
    if t.definite {
        return None;
    }
    if HOUR_WORDS.contains(stem) {
        // صباحاً اليوم، مساء الأحد: the day it is in goes with it.
        return Some(day_after_part(ctx, j + 1).unwrap_or(j));
    }
    if DAY_TIME_PARTS.contains(stem) {
        return day_after_part(ctx, j + 1);
    }
    match (stem, next) {
        ("بعد", Some("الظهر" | "الظهيره" | "الزوال")) => Some(j + 1),
        ("من", Some(part)) if DAY_TIME_PARTS.contains(part) => day_after_part(ctx, j + 2),
        _ => None,
    }
}
