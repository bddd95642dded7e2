//! Parts of a person's name that the shape of a word alone misreads: a family name that starts
//! like an imperfect verb (سمير نشار), the lineage after a name (… بن زايد آل نهيان), and given
//! names written with the article (المنصف المرزوقي، الحبيب الصيد).

use super::*;

static COMPLEMENTIZERS: LazyLock<WordSet> = LazyLock::new(|| word_set(lists::COMPLEMENTIZERS));
static DEFINITE_GIVEN_NAMES: LazyLock<WordSet> =
    LazyLock::new(|| word_set(lists::GIVEN_NAMES_DEFINITE));
/// The words of lineage: son of, daughter of, family of.
static LINEAGE: LazyLock<WordSet> = LazyLock::new(|| {
    ["بن", "ابن", "بنت", "آل"]
        .into_iter()
        .map(normalize_str)
        .collect()
});

/// How far back a verb of saying may stand before a name (وقال المتحدث باسم الوزارة سمير …).
const CUE_REACH: usize = 6;

/// Whether a name that may end at word `i` (its given name at `first`) is closed by what
/// follows: a title without the article in apposition (… رئيس البلدية), a comma and a title
/// (…، عضو الائتلاف), or, with a verb of saying before the name, the complementizer that opens
/// the claim (وقال سمير نشار إن …). After a subject the sentence's own verb is followed by
/// its object or a preposition instead (وكان محمد يعمل في …).
pub(super) fn name_closed_after(ctx: &Ctx, first: usize, i: usize) -> bool {
    let title = |j: usize, definite_ok: bool| {
        ctx.word(j).is_some_and(|t| {
            t.is(class::TITLE)
                && !t.is(class::HONORIFIC)
                && t.clitic == 0
                && (definite_ok || !t.definite)
        })
    };
    if title(i + 1, false) || (ctx.is_punct(i + 1, "،,") && title(i + 2, true)) {
        return true;
    }
    ctx.word(i + 1)
        .is_some_and(|_| COMPLEMENTIZERS.contains(ctx.stem(i + 1)))
        && cue_before(ctx, first)
}

/// A verb of saying among the few words before `first`, with no punctuation between.
fn cue_before(ctx: &Ctx, first: usize) -> bool {
    (first.saturating_sub(CUE_REACH)..first)
        .rev()
        .map_while(|j| ctx.word(j).map(|t| t.is(class::CUE)))
        .any(|cue| cue)
}

/// Whether word `i` is a lineage word (بن، ابن، بنت، آل) without a proclitic.
pub(super) fn is_lineage_word(ctx: &Ctx, i: usize) -> bool {
    ctx.word(i)
        .is_some_and(|t| t.clitic == 0 && LINEAGE.contains(ctx.stem(i)))
}

/// Whether word `i` can follow a lineage word: a name without proclitic or article, in no
/// list that stops a name, and no gazetteer entry but a person's.
fn lineage_name(ctx: &Ctx, i: usize) -> bool {
    ctx.word(i).is_some_and(|n| {
        n.clitic == 0
            && !n.definite
            && !n.is(NAME_STOP)
            && ctx.gaz[i]
                .as_ref()
                .is_none_or(|(label, _)| *label == Label::PERSON)
    })
}

/// Extends a name that ends at word `last` with the lineage after it, pair by pair: بن، ابن،
/// بنت and a name, آل and a family (عبد الله بن زايد آل نهيان، حسن بن ناصر آل ثاني).
pub(super) fn lineage_end(ctx: &Ctx, mut last: usize) -> usize {
    while is_lineage_word(ctx, last + 1) && lineage_name(ctx, last + 2) {
        last += 2;
        // A compound name after the lineage word (بن عبد الله، بن عبد العزيز) takes its second word.
        if ctx.toks[last].is(class::NAME_CONNECTOR)
            && ctx
                .word(last + 1)
                .is_some_and(|n| n.clitic == 0 && !n.is(NAME_STOP))
        {
            last += 1;
        }
    }
    last
}

/// Whether word `i` after a title continues the title's complement with a preposition or و
/// glued to the article that no list splits off (وزيرة التضامن والأسرة، المكلف بالميزانية).
/// Foreign names may start with the same letters (فالكاو، بالوتيلي، والتر، كاليستا), so ف and
/// ك (never glued to a complement) are left out, و coordinates only onto a complement already
/// begun, and what follows the article must read as an Arabic noun: three letters or more,
/// with a feminine or plural ending or not shaped like a transliteration.
pub(super) fn glued_article_complement(ctx: &Ctx, title: usize, i: usize) -> bool {
    let Some(t) = ctx.word(i) else { return false };
    let written = &ctx.norm[t.range.clone()];
    let Some((article, rest)) = ["وبال", "ولل", "وال", "بال", "لل"]
        .iter()
        .find_map(|a| written.strip_prefix(a).map(|rest| (*a, rest)))
    else {
        return false;
    };
    let coordinated = article.starts_with('و');
    if coordinated && i == title + 1 {
        return false;
    }
    rest.chars().count() >= 3
        && (rest.ends_with('ه') || rest.ends_with("ات") || !super::apposition::transliterated(rest))
}

/// Whether a given name that is a word too (علي، حسن) starts a lineage: بن and a given name
/// after it (علي بن طلال، حسن بن ناصر), which على or حسن as words are not followed by.
pub(super) fn lineage_follows(ctx: &Ctx, i: usize) -> bool {
    is_lineage_word(ctx, i + 1)
        && ctx
            .word(i + 2)
            .is_some_and(|n| n.is(class::GIVEN_NAME) && n.clitic == 0 && !n.definite)
}

/// Whether word `j` carries the article, glued proclitics included: a word in no list keeps
/// them unsplit (بالقلب).
pub(super) fn written_definite(ctx: &Ctx, j: usize) -> bool {
    ctx.word(j).is_some_and(|t| {
        let written = &ctx.norm[t.range.clone()];
        t.definite
            || ["ال", "بال", "وال", "فال", "كال", "لل", "وبال", "ولل"]
                .iter()
                .any(|article| written.starts_with(article) && written.len() > article.len() + 2)
    })
}

/// Whether word `i` is a given name written with the article (المنصف، الحبيب) and no
/// gazetteer entry starts there.
pub(super) fn definite_given_name(ctx: &Ctx, i: usize) -> bool {
    ctx.word(i).is_some_and(|t| {
        t.definite && ctx.gaz[i].is_none() && DEFINITE_GIVEN_NAMES.contains(ctx.stem(i))
    })
}

/// Whether a definite given name at `i` is followed by the rest of a name: a lineage word, or a
/// definite family name that no list knows and that is no adjective (الأمين العام).
pub(super) fn family_name_follows(ctx: &Ctx, i: usize) -> bool {
    if is_lineage_word(ctx, i + 1) {
        return lineage_name(ctx, i + 2);
    }
    ctx.word(i + 1).is_some_and(|n| {
        let stem = ctx.stem(i + 1);
        n.definite
            && n.clitic == 0
            && n.classes == 0
            && ctx.gaz[i + 1].is_none()
            && !crate::extract::lexicon::is_adjective(stem)
            && !ctx.is_ordinal(i + 1)
    })
}

/// A given name with the article that starts a name on its own (وقال الطاهر الزين إن …): a
/// definite noun before it makes it an adjective (القلب الطاهر النقي), so none may stand
/// there; only a conjunction may be glued to it. Returns the token after the name.
pub(super) fn definite_given_name_rule(ctx: &mut Ctx, i: usize) -> Option<usize> {
    let t = ctx.word(i)?;
    if !definite_given_name(ctx, i) || (t.clitic > 0 && !t.has_conjunction(ctx.norm)) {
        return None;
    }
    let after_noun =
        i > 0 && written_definite(ctx, i - 1) && !ctx.is_class(i - 1, class::TITLE | class::CUE);
    if after_noun || !family_name_follows(ctx, i) {
        return None;
    }
    let last = if is_lineage_word(ctx, i + 1) {
        lineage_end(ctx, i)
    } else {
        lineage_end(ctx, i + 1)
    };
    ctx.push(i, last, Label::PERSON, "rule:definite-given-name", 0.5);
    Some(last + 1)
}

/// Whether the word `عمر` at `i` is "age" (عن عمر يناهز الثمانين، عمر أسبوعين، بعمر 30 عاما),
/// not the given name: a number, a duration or a verb of approaching follows it.
pub(super) fn age_word(ctx: &Ctx, i: usize) -> bool {
    ctx.stem(i) == "عمر"
        && (ctx.number(i + 1).is_some()
            || ctx.is_class(i + 1, class::NUMBER_WORD)
            || super::dates::duration_at(ctx, i + 1).is_some()
            || ctx.word(i + 1).is_some_and(|_| {
                matches!(
                    ctx.stem(i + 1),
                    "يناهز"
                        | "ناهز"
                        | "يقارب"
                        | "اسبوعين"
                        | "شهرين"
                        | "عامين"
                        | "سنتين"
                        | "يومين"
                )
            }))
}

/// Whether word `j` reads as a family name in ي after a given name that is a word too (خليل
/// الرفاعي، هدى الشامي): definite, in no list or gazetteer, shaped like a nisba but no known
/// adjective or nationality, and no broken plural in ي (الأهالي، الأراضي، المباني), which
/// follows such words as their genitive (عودة الأهالي).
pub(super) fn nisba_family_name(ctx: &Ctx, j: usize) -> bool {
    let Some(t) = ctx.word(j) else { return false };
    let stem = ctx.stem(j);
    let Some(bare) = stem.strip_prefix("ال") else {
        return false;
    };
    if !t.definite || t.clitic != 0 || t.classes != 0 || ctx.gaz[j].is_some() {
        return false;
    }
    // most definite words do not end in ي: that test first
    bare.ends_with('ي')
        && bare.chars().count() >= 4
        && !broken_plural(stem)
        && !crate::extract::lexicon::is_adjective(stem)
        && !crate::extract::lexicon::is_nationality(stem)
}

/// Whether a known given name with ب or ل glued to it starts a name (لمحمد الزعبي، بخالد
/// النعيمي، لسليم الحايك): the given name is no ordinary word and a family name follows, a
/// nisba in no list, a longer definite word in no list, or a given name. Alone, a glued given
/// name is too often a word with a preposition in form (برقية).
pub(super) fn glued_given_name_starts(ctx: &Ctx, i: usize) -> bool {
    let Some(t) = ctx.word(i) else { return false };
    let raw = t.text(ctx.norm);
    if t.clitic == 0
        || t.definite
        || !(raw.starts_with('ب') || raw.starts_with('ل'))
        || !t.is(class::GIVEN_NAME)
    {
        return false;
    }
    // A given name that is a word too (لعمر، بسلام) only before a family name in ي.
    let ambiguous = t.is(class::AMBIGUOUS_NAME);
    let Some(n) = ctx.word(i + 1) else {
        return false;
    };
    let stem = ctx.stem(i + 1);
    let long_definite = n.definite
        && n.clitic == 0
        && n.classes == 0
        && ctx.gaz[i + 1].is_none()
        && stem.chars().count() >= 6
        && !stem.ends_with('ه')
        && !crate::extract::lexicon::is_adjective(stem);
    // A known nisba after a name that is no word is its family name too (لعمر الهاشمي).
    let nisba = n.definite
        && n.classes == 0
        && ctx.gaz[i + 1].is_none()
        && stem.ends_with('ي')
        && !crate::extract::lexicon::is_nationality(stem);
    let given = n.is(class::GIVEN_NAME) && !n.is(class::AMBIGUOUS_NAME | NAME_STOP);
    // After a name that is a word too, a broken plural in ي is the word's complement (بعودة
    // الأهالي), not a family name.
    let family = if ambiguous {
        nisba && !broken_plural(stem)
    } else {
        nisba || long_definite || given && !n.definite
    };
    n.clitic == 0 && family
}

/// A definite broken plural of the shape of الأهالي، المباني (أفاعل / مفاعل), not a nisba.
fn broken_plural(stem: &str) -> bool {
    let bare = stem.strip_prefix("ال").unwrap_or(stem);
    let mut letters = bare.chars();
    bare.chars().count() == 5
        && matches!(letters.next(), Some('ا' | 'م'))
        && letters.nth(1) == Some('ا')
}
