//! People: a name after a title (with the title's complement skipped), a known given name
//! followed by more name words, names introduced by `مع`/`من` in captions.

use rustc_hash::FxHashMap as HashMap;

use super::apposition::{name_after_comma, transliterated};
use super::name_parts::{
    age_word, definite_given_name, definite_given_name_rule, family_name_follows,
    glued_article_complement, glued_given_name_starts, is_lineage_word, lineage_end,
    lineage_follows, name_closed_after, nisba_family_name,
};
use super::*;

/// Where a person's name starts after a title at `title`, skipping the title's complement
/// (وزير الخارجية الأمريكي، المتحدث باسم وزارة الداخلية السورية).
pub(super) fn name_start_after_title(ctx: &Ctx, title: usize) -> Option<usize> {
    let mut i = title + 1;
    // Abbreviated titles are followed by a full stop: د . حسن، أ. محمد.
    if ctx.stem(title).chars().count() == 1 && ctx.is_punct(i, ".") {
        i += 1;
    }
    let limit = i + 7;
    if ctx.toks[title].is(class::HONORIFIC) && family_name_after_honorific(ctx, i) {
        return Some(i);
    }
    while i < ctx.toks.len() && i < limit {
        if i > title + 1 && ctx.word(i).is_none() {
            return name_after_comma(ctx, i);
        }
        match after_title_word(ctx, title, i)? {
            AfterTitle::Name => return Some(i),
            AfterTitle::Complement(next) => i = next,
        }
    }
    None
}

/// Right after an honorific a definite word ending like a family name is the name itself
/// (الدكتور الخليدي، الشيخ الحسيني), unless it is a nationality or institution adjective.
fn family_name_after_honorific(ctx: &Ctx, i: usize) -> bool {
    ctx.word(i).is_some_and(|t| {
        t.definite
            && t.clitic == 0
            && ctx.gaz[i].is_none()
            && ctx.stem(i).ends_with('ي')
            && !crate::extract::lexicon::is_adjective(ctx.stem(i))
            && !t.is(NAME_STOP)
    })
}

/// What a word after a title is; `None` when no name follows the title.
enum AfterTitle {
    /// The name starts here.
    Name,
    /// Part of the title's complement; the name may start at the given token.
    Complement(usize),
}

/// Reads word `i` after the title at `title`.
fn after_title_word(ctx: &Ctx, title: usize, i: usize) -> Option<AfterTitle> {
    let t = ctx.word(i)?;
    let stem = ctx.stem(i);
    if ctx.gaz[i]
        .as_ref()
        .is_some_and(|(label, _)| *label == Label::PERSON)
    {
        return Some(AfterTitle::Name);
    }
    // على folds to علي: it is the name only when more of a name follows.
    if stem == "علي"
        && !ctx.word(i + 1).is_some_and(|n| {
            n.clitic == 0
                && (n.is(class::GIVEN_NAME | class::NAME_CONNECTOR)
                    || (n.definite && nisba_shaped(ctx.stem(i + 1))))
        })
    {
        return None;
    }
    if t.is(class::GIVEN_NAME) && stem != "باسم" && !t.definite {
        return Some(AfterTitle::Name);
    }
    // A given name with the article (الرئيس التونسي المنصف المرزوقي) is read as the title's
    // complement otherwise.
    if definite_given_name(ctx, i) && t.clitic == 0 && family_name_follows(ctx, i) {
        return Some(AfterTitle::Name);
    }
    if ctx.toks[title].is(class::WEAK_TITLE) {
        return None;
    }
    // A definite word with a preposition or و glued on that no list splits off continues the
    // complement (وزيرة التضامن والأسرة، المكلف بالميزانية).
    let complement = t.definite
        || glued_article_complement(ctx, title, i)
        || stem == "باسم"
        // The body a spokesman speaks for (باسم رئاسة الجمهورية) is no person.
        || ctx.word(i - 1).is_some_and(|p| p.clitic == 0 && ctx.stem(i - 1) == "باسم")
        || t.is(class::ORG_HEAD | class::GPE_HEAD | class::TITLE)
        || ctx.gaz[i].is_some()
        || (t.clitic > 0 && ctx.norm[t.range.clone()].starts_with('ل'));
    if complement {
        let next = ctx.gaz[i]
            .as_ref()
            .map_or(i + 1, |(_, end)| (*end).max(i + 1));
        return Some(AfterTitle::Complement(next));
    }
    after_title_plain_word(ctx, title, i)
}

/// A word after the title in no list and without the article: the title's genitive
/// complement, the sentence's verb, or a name.
fn after_title_plain_word(ctx: &Ctx, title: usize, i: usize) -> Option<AfterTitle> {
    let t = ctx.word(i)?;
    let stem = ctx.stem(i);
    let honorific = ctx.toks[title].is(class::HONORIFIC);
    // An indefinite title (مدير، رئيس، وزير) is followed by its genitive complement, so
    // a plain word right after it is the complement (مدير علماء …، رئيسة وزراء …), not a name.
    if i == title + 1 && !honorific && !ctx.toks[title].definite {
        // When the complement goes on (رئيسة وزراء بنغلاديش …) the name may follow it; a
        // word that ends it (لاعب استثنائي) leaves a predicate, not a title before a name.
        let goes_on = ctx.gaz_at(i + 1).is_some()
            || ctx.word(i + 1).is_some_and(|n| n.definite && n.clitic == 0);
        return goes_on.then_some(AfterTitle::Complement(i + 1));
    }
    // So is a plain word after an indefinite head in the complement (رئيس جمعية حماية
    // المستهلك …): the head is in construct with it.
    if ctx
        .word(i - 1)
        .is_some_and(|p| p.is(class::ORG_HEAD | class::GPE_HEAD) && !p.definite && p.clitic == 0)
    {
        return Some(AfterTitle::Complement(i + 1));
    }
    // An honorific is followed by a name almost always, so a name that looks like a
    // preposition plus a noun (السيد براق) is still taken after one.
    // A word of three letters in no list after the title's complement is the sentence's verb
    // (المدرب الفرنسي نزل إلى …): short names are mostly in the given-name lists.
    // A family name after it (جاك شيراك) makes it a given name all the same.
    let short_verb = !honorific
        && i > title + 1
        && t.classes == 0
        && stem.chars().count() == 3
        && !ctx
            .word(i + 1)
            .is_some_and(|n| n.classes == 0 && !n.definite && n.clitic == 0);
    let not_a_name = t.is(NAME_STOP)
        || described_noun(ctx, i)
        || verb_shaped(stem)
        || predicate_shaped(ctx, i)
        || short_verb
        || t.has_conjunction(ctx.norm)
        || (clitic_shaped(stem) && !honorific);
    (!not_a_name).then_some(AfterTitle::Name)
}

/// A participle in ة (موحدة، مستعدة) or a future verb before a particle, a definite word or
/// a mark (سيعود إلى، المدرب سيرحل.) after a title that names a group too (المعارضة، الفريق),
/// or a verb after a title (الوزير استقال): its predicate, not a name. A foreign name may
/// start with سي (سيريل رامافوزا), but a name follows it.
fn predicate_shaped(ctx: &Ctx, i: usize) -> bool {
    let stem = ctx.stem(i);
    // A predicate is followed by a particle, a preposition glued on or the end of the
    // sentence; a name by its family name (سيمون …، مبروكة العياري، ميشيلا باتشيليت), and a
    // name in apposition by a comma (المدرب سيميوني، …).
    let predicate_follows = || match ctx.word(i + 1) {
        Some(n) => {
            let written = &ctx.norm[n.range.clone()];
            n.is(class::STOP)
                || n.clitic > 0
                || ["بال", "لل", "فال", "كال"]
                    .iter()
                    .any(|p| written.starts_with(p))
        }
        None => {
            !ctx.toks
                .get(i + 1)
                .is_some_and(|t| t.kind == TokenKind::Punct)
                || ctx.is_punct(i + 1, ".!؟?")
        }
    };
    let future = stem.starts_with("سي")
        && stem.chars().count() >= 5
        && (ctx.word(i + 1).is_some_and(|n| n.definite) || predicate_follows());
    // A past verb or verbal noun of the tenth form (استقال، استمرار) reads as no name either.
    let tenth_form = stem.starts_with("است") && stem.chars().count() >= 5;
    // A participle in ة or in the accusative says how the group is or how the person spoke
    // (موحدة في، مؤكدا أن، متمنيا للفريق).
    // An accusative one takes a definite object too (متمنيا التوفيق), which a name in ة
    // does not (مبروكة العياري).
    let accusative = participle_shaped(stem) && stem.ends_with('ا');
    let participle = accusative || participle_shaped(stem) && stem.ends_with('ه');
    let object = accusative && ctx.word(i + 1).is_some_and(|n| n.definite);
    future || tenth_form || (participle && (object || predicate_follows()))
}

/// A noun the sentence goes on with after a title, not a name: an abstract noun in ية
/// (أبرزت الوزيرة أهمية …) or a noun an indefinite feminine adjective describes (أمير البلاد
/// جريمة سياسية); a family name after a given name is no such adjective.
fn described_noun(ctx: &Ctx, i: usize) -> bool {
    let abstract_noun = ctx.stem(i).ends_with("يه") && ctx.stem(i).chars().count() >= 5;
    let described = ctx.word(i + 1).is_some_and(|n| {
        !n.definite
            && n.clitic == 0
            && !n.is(class::GIVEN_NAME)
            && ctx.stem(i + 1).ends_with("يه")
            && ctx.stem(i + 1).chars().count() >= 5
    });
    abstract_noun || described
}

/// Looks like a preposition or conjunction glued to a noun (بتاريخ، لمنحه، وأعضاء) rather
/// than a name: names rarely carry proclitics, and known names are checked before this.
pub(super) fn clitic_shaped(stem: &str) -> bool {
    let mut chars = stem.chars();
    let first = chars.next();
    let rest = chars.count();
    rest < 1 || (matches!(first, Some('ب' | 'ل' | 'و')) && rest >= 3)
}

/// Word `i` heads a construct phrase: a definite noun that is no adjective follows it
/// (كرة القدم، رئيس الوزراء), which a family name rarely does.
fn in_construct(ctx: &Ctx, i: usize) -> bool {
    ctx.word(i + 1).is_some_and(|n| {
        let stem = ctx.stem(i + 1);
        n.definite && n.clitic == 0 && ctx.gaz[i + 1].is_none() && !nisba_shaped(stem)
    })
}

/// Looks like a participle of a derived verb (مختار، موجهة، مسؤول): م and four letters or
/// more, more often the sentence going on after a name than a family name.
fn participle_shaped(stem: &str) -> bool {
    stem.starts_with('م') && stem.chars().count() >= 5
}

/// Words that introduce a person's name in captions and reports (مقابلة مع X، رسالة من X).
pub(super) fn introduces_person(ctx: &Ctx, i: usize) -> bool {
    let Some(t) = ctx.word(i) else { return false };
    let prep = ctx.stem(i);
    if t.clitic > 0 || !matches!(prep, "مع" | "من") || i == 0 {
        return false;
    }
    ctx.word(i - 1).is_some_and(|_| {
        matches!(
            ctx.stem(i - 1),
            "مقابله"
                | "حوار"
                | "لقاء"
                | "رساله"
                | "شكوي"
                | "شهاده"
                | "برقيه"
                | "استرحام"
                | "تبرع"
                | "طلب"
                | "كتاب"
                | "مذكره"
        )
    })
}

/// Extends a name from its first token; returns the last token.
pub(super) fn name_end(ctx: &Ctx, first: usize) -> usize {
    name_end_with(ctx, first, false)
}

/// [`name_end`]; `after_title` lets a foreign surname that looks like a preposition plus a
/// noun (ليفيت، بوريل) continue a name that a title introduced.
pub(super) fn name_end_with(ctx: &Ctx, first: usize, after_title: bool) -> usize {
    if let Some((label, end)) = &ctx.gaz[first]
        && *label == Label::PERSON
    {
        return lineage_end(ctx, end - 1);
    }
    // A compound given name (عبد الباسط، أبو بكر) counts as one word: one more may follow.
    let compound = usize::from(ctx.toks[first].is(class::NAME_CONNECTOR));
    let mut last = first;
    let mut i = first + 1;
    while i < ctx.toks.len() && i <= first + 3 + compound {
        let Some(t) = ctx.word(i) else { break };
        if t.has_conjunction(ctx.norm) || t.clitic > 0 && !t.definite {
            break;
        }
        if t.is(class::NAME_CONNECTOR) {
            // بن X، أبو X، عبد X: the connector needs a word after it.
            if ctx
                .word(i + 1)
                .is_some_and(|n| !n.is(NAME_STOP) && n.clitic == 0)
            {
                last = i + 1;
                i += 2;
                continue;
            }
            break;
        }
        // After a lineage pair only a family name in ي continues the name (علي بن طلال
        // الجهني), not the sentence's object (استقبل المنجي بن حميدة الوفد).
        let after_lineage =
            i >= 2 && is_lineage_word(ctx, i - 2) && !ctx.toks[i - 1].is(class::NAME_CONNECTOR);
        if (after_lineage && t.definite && !nisba_shaped(ctx.stem(i)))
            || !name_word(ctx, first, i, compound, after_title)
        {
            break;
        }
        last = i;
        i += 1;
    }
    lineage_end(ctx, last)
}

/// Whether plain word `i` of a name starting at `first` may be a foreign family name, one that
/// reads like a preposition and a noun (ليفيت، بوكوفا) or an imperfect verb (تاكاشي).
fn foreign_surname(ctx: &Ctx, first: usize, i: usize, compound: usize, after_title: bool) -> bool {
    let t = &ctx.toks[i];
    // Right after a title or a foreign given name, never a definite word. After a compound
    // given name and a title (عبد الوافي لفتيت، أبو بكر بلقاسم) it comes one word later, closed
    // by a particle, an indefinite title, a verb of saying, و or a mark; a preposition with its
    // noun there is the sentence going on (عبد الله بحضور السفير، بشكل ضعيف).
    (i == first + 1 && (after_title || (ctx.toks[first].is(class::FOREIGN_NAME) && !t.definite)))
        || (i == first + 1 + compound
            && compound > 0
            && after_title
            && !t.definite
            && ctx.word(i + 1).is_none_or(|n| {
                n.is(class::STOP | class::CUE)
                    || n.is(class::TITLE) && !n.definite
                    || n.has_conjunction(ctx.norm)
            }))
}

/// Whether plain word `i` (no connector) continues the name that starts at `first`; `compound`
/// is 1 when the name starts with a compound given name.
fn name_word(ctx: &Ctx, first: usize, i: usize, compound: usize, after_title: bool) -> bool {
    let Some(t) = ctx.word(i) else { return false };
    let stem = ctx.stem(i);
    // A weekday without the article right after a given name is a family name (عصام
    // خميس، سامي جمعة): as a date it is written الجمعة or يوم الجمعة.
    // So is a month name that is a given name too (أحمد شعبان، محمد رجب).
    let weekday_surname = i == first + 1
        && (t.is(class::WEEKDAY) || t.is(class::MONTH_AMBIGUOUS) && ctx.number(i + 1).is_none())
        && !t.definite
        && t.clitic == 0;
    let foreign_surname = foreign_surname(ctx, first, i, compound, after_title);
    let verb = verb_shaped(stem)
        && !(foreign_surname && transliterated(stem))
        && !closed_surname(ctx, first, i);
    if (t.is(NAME_STOP & !class::ORG_STANDALONE) && !weekday_surname && !stop_surname(ctx, i))
        || verb
    {
        return false;
    }
    // A glued و or ب before an unknown word is a conjunction or preposition (وطبيعة،
    // بدنا), and one-letter tokens are particles.
    let known = t.is(class::GIVEN_NAME);
    let glued = clitic_shaped(stem) && !foreign_surname && !closed_foreign_third(ctx, first, i);
    // A family name that starts with و (وهبي، ولعلو) stays whole to the tokeniser: it ends a
    // name where what follows closes one (وزير العدل عبد اللطيف وهبي إن …).
    let waw_surname = stem.starts_with('و')
        && t.clitic == 0
        && i <= first + 1 + compound
        && name_closed_after(ctx, first, i);
    if !known && !waw_surname && (glued || stem.starts_with('و') || stem.chars().count() < 2) {
        return false;
    }
    if ctx.gaz[i]
        .as_ref()
        .is_some_and(|(label, _)| *label != Label::PERSON)
    {
        return false;
    }
    // A noun of rank after a name is the sentence going on (سجل فلان الهدف الثاني).
    if t.definite && ctx.is_ordinal(i + 1) {
        return false;
    }
    // الله ends a theophoric name wherever it stands (عطا الله، نصر الله).
    let theophoric = stem == "الله";
    // A feminine noun with the article after two name words is the sentence going on (مرر
    // فابيان رويز الكرة), not a family name.
    let feminine_noun =
        i > first + 1 + compound && stem.ends_with('ه') && !nisba(stem) && !theophoric;
    if t.definite
        && (feminine_noun
            || !(nisba(stem)
                || stem.chars().count() >= 5
                || i <= first + 1 + compound
                || theophoric))
    {
        return false;
    }
    t.definite || i <= first + 1 + compound || later_plain_word(ctx, first, i)
}

/// A given name that is a preposition too (خلف "behind", علي = على after folding) continues a
/// name where no preposition can stand: before الله (عبد المنعم خلف الله) or before a mark that
/// closes the phrase (خلفا لعبد العزيز خلف.، المدرب مهدي علي،), since a preposition needs its
/// object.
fn stop_surname(ctx: &Ctx, i: usize) -> bool {
    let t = &ctx.toks[i];
    let closed = ctx.is_punct(i + 1, "،,.؛:)!؟")
        || ctx
            .toks
            .get(i + 1)
            .is_none_or(|n| n.kind == TokenKind::Break);
    t.is(class::GIVEN_NAME)
        && t.clitic == 0
        && !t.definite
        && (closed || ctx.word(i + 1).is_some_and(|_| ctx.stem(i + 1) == "الله"))
}

/// Whether plain word `i`, the third of a name or later, continues it: a known given name
/// (محمد أحمد علي), or a word after one or a compound one (سامي أحمد قرطام، سعد الدين فارس),
/// as a family name ends a chain of given names, unless it is a participle or a noun in
/// construct with the next word (كرة القدم); after an unknown word it is usually the
/// sentence going on (كارولين ليفيت بياناً), but for a foreign name of three words that a
/// title or the claim after a verb of saying closes (بيدرو لوسادا برانكو، مدير …).
fn later_plain_word(ctx: &Ctx, first: usize, i: usize) -> bool {
    let t = &ctx.toks[i];
    let stem = ctx.stem(i);
    let after_given =
        ctx.toks[i - 1].is(class::GIVEN_NAME) || matches!(ctx.stem(i - 1), "الدين" | "الله");
    t.is(class::GIVEN_NAME)
        || closed_foreign_third(ctx, first, i)
        || (after_given
            && !participle_shaped(stem)
            && !in_construct(ctx, i)
            && !sentence_goes_on(ctx, i))
}

/// Word `i` after a name is the sentence going on, not a family name: an accusative adverb of
/// a nisba (دوليا، رسميا), or a noun that an indefinite ordinal or plain adjective describes
/// (شوط أول، مرة أخرى، مرة ثانية), which a family name never takes.
fn sentence_goes_on(ctx: &Ctx, i: usize) -> bool {
    let stem = ctx.stem(i);
    let adverb = stem.ends_with("يا") && stem.chars().count() >= 5;
    let described = ctx.word(i + 1).is_some_and(|n| {
        let next = ctx.stem(i + 1);
        !n.definite
            && n.clitic == 0
            && (matches!(next, "اخري" | "اخر")
                || ORDINALS.contains(format!("ال{next}").as_str())
                || super::quoted::plain_adjective(next))
    });
    adverb || described
}

/// Word `i` is the third of a foreign name that a title or the claim after a verb of saying
/// closes (بيدرو لوسادا برانكو مدير …), or that ends in و as no Arabic noun does (لويس
/// مورينو أوكامبو): a word no list knows, which may start like ب + noun.
fn closed_foreign_third(ctx: &Ctx, first: usize, i: usize) -> bool {
    let stem = ctx.stem(i);
    let foreign_ending = stem.ends_with('و') && stem.chars().count() >= 4;
    i == first + 2
        && ctx.toks[first].is(class::FOREIGN_NAME)
        && super::apposition::unknown_name_word(ctx, i)
        && (foreign_ending || name_closed_after(ctx, first, i))
}

/// After a known given name, a family name may start like an imperfect verb (سمير نشار، موفق
/// نيربيه) where a title, a comma and a title, or the claim after a verb of saying closes the
/// name: word `i` is that family name.
fn closed_surname(ctx: &Ctx, first: usize, i: usize) -> bool {
    i == first + 1
        && ctx.toks[first].is(class::GIVEN_NAME)
        && ctx.word(i).is_some_and(|t| !t.definite && t.clitic == 0)
        && name_closed_after(ctx, first, i)
}

/// Every person rule at each word, first match wins; a match skips past the name it found.
pub(super) fn person_rule(ctx: &mut Ctx) {
    let repeated = repeated_ambiguous_names(ctx);
    let mut i = 0;
    while i < ctx.toks.len() {
        let next = if ctx.word(i).is_some() {
            name_after_title(ctx, i)
                .or_else(|| introduced_name(ctx, i))
                .or_else(|| kunya(ctx, i))
                .or_else(|| dialogue_speaker(ctx, i))
                .or_else(|| name_from_given_name(ctx, i))
                .or_else(|| definite_given_name_rule(ctx, i))
                .or_else(|| {
                    repeated.contains(&i).then(|| {
                        ctx.push(i, i + 1, Label::PERSON, "rule:repeated-name", 0.4);
                        i + 2
                    })
                })
        } else {
            None
        };
        i = next.unwrap_or(i + 1);
    }
}

/// A name after a title (الرئيس …، وزير الخارجية …); returns the token after it.
fn name_after_title(ctx: &mut Ctx, i: usize) -> Option<usize> {
    let t = ctx.word(i)?;
    if !t.is(class::TITLE) {
        return None;
    }
    // The namesake of a facility or body (مطار الملك خالد الدولي) is a person inside its
    // name: the name without the facility's adjectives, which the flat output drops.
    let after_head =
        i > 0 && ctx.is_class(i - 1, class::FAC_HEAD | class::ORG_HEAD | class::GPE_HEAD);
    if after_head && let Some(end) = super::chains::namesake_end(ctx, i) {
        ctx.push(i + 1, end, Label::PERSON, "rule:title", 0.5);
        return Some(end + 1);
    }
    let first = name_start_after_title(ctx, i)?;
    let last = name_end_with(ctx, first, true);
    let score = if t.is(class::HONORIFIC) { 0.7 } else { 0.6 };
    ctx.push(first, last, Label::PERSON, "rule:title", score);
    Some(last + 1)
}

/// مقابلة مع X، رسالة من X, when X is a known name.
fn introduced_name(ctx: &mut Ctx, i: usize) -> Option<usize> {
    if !introduces_person(ctx, i) {
        return None;
    }
    let n = ctx.word(i + 1)?;
    let known = n.is(class::GIVEN_NAME)
        || ctx.gaz[i + 1]
            .as_ref()
            .is_some_and(|(l, _)| *l == Label::PERSON);
    if !known || n.is(NAME_STOP) || n.clitic != 0 || n.definite || verb_shaped(ctx.stem(i + 1)) {
        return None;
    }
    let last = name_end(ctx, i + 1);
    ctx.push(i + 1, last, Label::PERSON, "rule:name-intro", 0.5);
    Some(last + 1)
}

/// Kunya: أبو عمار، أم كريم، أبو الوليد (not a village: قرية أم الزينات).
fn kunya(ctx: &mut Ctx, i: usize) -> Option<usize> {
    let t = ctx.word(i)?;
    if !matches!(ctx.stem(i), "ابو" | "ام")
        || t.clitic != 0
        || ctx.gaz[i].is_some()
        || ctx.is_class(i.wrapping_sub(1), class::GPE_HEAD)
    {
        return None;
    }
    let n = ctx.word(i + 1)?;
    let name = ctx.gaz[i + 1].is_none()
        && n.clitic == 0
        && (n.is(class::GIVEN_NAME) || (n.definite && !n.is(NAME_STOP) && !nisba(ctx.stem(i + 1))));
    if !name {
        return None;
    }
    ctx.push(i, i + 1, Label::PERSON, "rule:kunya", 0.5);
    Some(i + 2)
}

/// A speaker's name at the start of a line of dialogue: «عماد : …».
fn dialogue_speaker(ctx: &mut Ctx, i: usize) -> Option<usize> {
    let t = ctx.word(i)?;
    let line_start = i == 0 || ctx.toks[i - 1].kind == TokenKind::Break;
    if !(line_start && t.is(class::GIVEN_NAME) && t.clitic == 0 && ctx.is_punct(i + 1, ":")) {
        return None;
    }
    ctx.push(i, i, Label::PERSON, "rule:speaker", 0.5);
    Some(i + 2)
}

/// A given name followed by more of a name (خليل السكاكيني، سليمان أبو العز), or a lone
/// given name that is not also a common word.
fn name_from_given_name(ctx: &mut Ctx, i: usize) -> Option<usize> {
    let t = ctx.word(i)?;
    // this runs at most words: the rest of the test only for a given name
    if !t.is(class::GIVEN_NAME) {
        return None;
    }
    let glued_start = glued_given_name_starts(ctx, i);
    // Only a conjunction may be glued to it: برقية is ب + رقية only in form.
    let glued_ok = t.clitic == 0 || ctx.norm[t.range.clone()].starts_with('و') || glued_start;
    // A given name that is a word too (حسن، عادل) starts a name before a given name that is
    // not (حسن محمد إسماعيل): a chain of names.
    // So does one before a family name in ي (خليل الرفاعي), but not على (علي after folding)
    // before its object (ردا على المالكي).
    // A glued ب/ل before it starts a name only before a family name (لعمر الهاشمي).
    let glued_chain = t.clitic > 0 && !t.has_conjunction(ctx.norm) && glued_start;
    let chained = glued_chain
        || (t.clitic == 0 || t.has_conjunction(ctx.norm))
            && ctx.stem(i) != "باسم"
            && (ctx.word(i + 1).is_some_and(|n| {
                n.is(class::GIVEN_NAME)
                    && !n.is(class::AMBIGUOUS_NAME)
                    && n.clitic == 0
                    && !n.definite
            }) || lineage_follows(ctx, i)
                || ctx.stem(i) != "علي" && nisba_family_name(ctx, i + 1));
    if (t.is(class::AMBIGUOUS_NAME) && !chained)
        || !glued_ok
        || ctx.gaz[i].is_some()
        || ctx.is_class(i.wrapping_sub(1), class::TITLE)
        || age_word(ctx, i)
    {
        return None;
    }
    // A chained name ends where the name from its second word would; a family name in ي
    // ends it, but for a lineage (خليل الرفاعي | الوفد).
    let last = if glued_chain {
        name_end(ctx, i)
    } else if t.is(class::AMBIGUOUS_NAME) && nisba_family_name(ctx, i + 1) {
        lineage_end(ctx, i + 1)
    } else if t.is(class::AMBIGUOUS_NAME) {
        name_end(ctx, i + 1)
    } else {
        name_end(ctx, i)
    };
    if last > i {
        ctx.push(i, last, Label::PERSON, "rule:given-name", 0.5);
        return Some(last + 1);
    }
    if t.clitic == 0 {
        ctx.push(i, i, Label::PERSON, "rule:given-name", 0.4);
    }
    None
}

/// Where a given name that is an ordinary word too (هادي، ناصر) starts a name: followed by a
/// definite word of no list (هادي الفلاني), the same two words coming back in the text. A
/// name is repeated as it was written; a phrase of two ordinary words (نور الشمس) seldom is.
fn repeated_ambiguous_names(ctx: &Ctx) -> HashSet<usize> {
    let mut pairs: HashMap<(&str, &str), Vec<usize>> = HashMap::default();
    for i in 0..ctx.toks.len().saturating_sub(1) {
        let starts = ctx.word(i).is_some_and(|t| {
            // على folds to علي: its phrases repeat (على المواقع).
            t.is(class::AMBIGUOUS_NAME)
                && t.is(class::GIVEN_NAME)
                && ctx.stem(i) != "علي"
                && (t.clitic == 0 || t.has_conjunction(ctx.norm))
        });
        let family = ctx.word(i + 1).is_some_and(|n| {
            let stem = ctx.stem(i + 1);
            n.definite
                && n.clitic == 0
                && n.classes == 0
                && ctx.gaz[i + 1].is_none()
                && stem.chars().count() >= 4
                && !crate::extract::lexicon::is_adjective(stem)
        });
        if starts && family {
            pairs
                .entry((ctx.stem(i), ctx.stem(i + 1)))
                .or_default()
                .push(i);
        }
    }
    pairs
        .into_values()
        .filter(|at| at.len() >= 2)
        .flatten()
        .collect()
}

/// A family name of a full name found in the article names the same person when it stands
/// alone elsewhere in it (سيب بلاتر … وقال بلاتر): the last word of every PERSON of two words
/// or more that is no known word of any list. A definite one that does not end like a nisba
/// (التويم) is taken only right after a verb (وأضاف التويم, and the first word of a sentence), since a definite noun
/// elsewhere is more often an ordinary word (الشرع).
pub(super) fn repeated_surname_rule(ctx: &mut Ctx) {
    let mut surnames = HashSet::default();
    for found in ctx.out.iter().filter(|f| f.label == Label::PERSON) {
        let first = ctx.token_at(found.range.start);
        let last = ctx.token_at(found.range.end - 1);
        if last > first && surname_shaped(ctx, last, true) {
            surnames.insert(ctx.stem(last));
        }
    }
    if surnames.is_empty() {
        return;
    }
    let covered = ctx.covered_tokens();
    for (i, covered) in covered.into_iter().enumerate() {
        if !covered && surname_shaped(ctx, i, after_verb(ctx, i)) && surnames.contains(ctx.stem(i))
        {
            ctx.push(i, i, Label::PERSON, "rule:repeated-name", 0.4);
        }
    }
}

/// Whether word `i` follows a verb of saying or the first word of a sentence, which in a
/// verb-first sentence is its verb (وشرح التويم، قارن التويم).
fn after_verb(ctx: &Ctx, i: usize) -> bool {
    let sentence_start =
        |j: usize| j == 0 || ctx.toks[j - 1].kind == TokenKind::Break || ctx.is_punct(j - 1, ".");
    i > 0
        && (ctx.is_class(i - 1, class::CUE)
            || ctx
                .word(i - 1)
                .is_some_and(|p| !p.definite && p.classes == 0)
                && sentence_start(i - 1))
}

/// A word that can be a family name on its own: in no word list or gazetteer, three letters
/// or more, with no preposition glued to it; with the article only when it ends like a nisba
/// (الأنصاري) or `any_definite` is set.
fn surname_shaped(ctx: &Ctx, i: usize, any_definite: bool) -> bool {
    ctx.word(i).is_some_and(|t| {
        let stem = ctx.stem(i);
        t.classes == 0
            && ctx.gaz[i].is_none()
            && stem.chars().count() >= 3
            && (t.clitic == 0 || t.definite || t.has_conjunction(ctx.norm))
            && (!t.definite || any_definite || stem.ends_with('ي'))
    })
}
