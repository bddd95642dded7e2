//! People named by the shape of the sentence rather than by a list of names: a name no list
//! knows in apposition before a title (وقال يوكي تاناكا وزير المالية …), and a name after a
//! title and a comma (المتحدث باسم الوزارة، جون …).

use super::person::clitic_shaped;
use super::*;

static RELATIVES: LazyLock<WordSet> = LazyLock::new(|| word_set(lists::RELATIVES));

/// Whether word `i` can be part of a name that no list knows: no proclitic and no article
/// (foreign names have neither, though they may start like one: بلاتر), in no word list but the given names, no gazetteer entry but a
/// person, two letters or more, and not shaped like an adjective, an imperfect verb or a
/// plural (مسؤولون; a foreign name may end in ون: أكتون).
pub(super) fn unknown_name_word(ctx: &Ctx, i: usize) -> bool {
    let Some(t) = ctx.word(i) else { return false };
    let stem = ctx.stem(i);
    let name_classes = class::GIVEN_NAME | class::FOREIGN_NAME | class::AMBIGUOUS_NAME;
    t.clitic == 0
        && !t.definite
        && t.classes & !name_classes == 0
        && ctx.gaz[i]
            .as_ref()
            .is_none_or(|(label, _)| *label == Label::PERSON)
        && stem.chars().count() >= 2
        && (!verb_shaped(stem) || transliterated(stem))
        && !crate::extract::lexicon::is_adjective(stem)
        && !(stem.ends_with("ون") && stem.starts_with(['م', 'ي', 'ت', 'ن']))
        && !stem.starts_with('و')
}

/// A word starting like an imperfect verb (ي ت ن) that reads as a transliteration: five
/// letters or more with two long vowels after the first letter (يوتشي، تيموثي), which an
/// Arabic verb of that length seldom has.
pub(super) fn transliterated(stem: &str) -> bool {
    let vowels = stem
        .chars()
        .skip(1)
        .filter(|c| matches!(c, 'ا' | 'و' | 'ي'))
        .count();
    stem.chars().count() >= 5 && vowels >= 2
}

/// Whether word `i` is a title that an apposition ends on: an indefinite title followed by its
/// complement (وزير الصحة، رئيس الفيفا، مدير شركة …، رئيس «…»). A definite one is left out, as several
/// name a group too (المعارضة), but for a spokesman's (المتحدث باسم …); weak titles (عضو …)
/// say too little.
fn appositive_title(ctx: &Ctx, i: usize) -> bool {
    let Some(t) = ctx.word(i) else { return false };
    if !t.is(class::TITLE) || t.is(class::WEAK_TITLE) || t.clitic > 0 {
        return false;
    }
    // A definite title that speaks for a body (المتحدث باسم …، الناطق باسم …) names no group.
    if t.definite {
        return ctx
            .word(i + 1)
            .is_some_and(|n| n.clitic == 0 && ctx.stem(i + 1) == "باسم");
    }
    ctx.is_punct(i + 1, "«\"“")
        || ctx.word(i + 1).is_some_and(|n| {
            (n.definite && n.clitic == 0) || ctx.gaz[i + 1].is_some() || n.is(class::ORG_HEAD)
        })
}

/// Whether a name may start at token `i`: at a line start, after a comma or a colon, or after a
/// verb of saying (وقال، أعلن).
fn name_may_start(ctx: &Ctx, i: usize) -> bool {
    i == 0
        || ctx.toks[i - 1].kind == TokenKind::Break
        || ctx.is_punct(i - 1, "،,:")
        || ctx.is_class(i - 1, class::CUE)
}

/// The complementizers that open a claim after its speaker (normalised: إن، أن، بأن …).
const CLAIM_OPENERS: [&str; 4] = ["ان", "انه", "انها", "بان"];

/// Nouns that describe a speaker without naming one (شهود، مصادر، بيان، خبراء): a phrase
/// they start before إن is a source, not a name (وقال شهود عيان إن …).
static SOURCE_NOUNS: LazyLock<WordSet> = LazyLock::new(|| {
    [
        lists::SOURCE_HEADS_AFFECTED_PERSON,
        lists::SOURCE_HEADS_ANONYMOUS_OFFICIAL,
        lists::SOURCE_HEADS_ANONYMOUS,
        lists::SOURCE_HEADS_DOCUMENT,
        lists::SOURCE_HEADS_EXPERT,
        lists::SOURCE_HEADS_EYEWITNESS,
        lists::SOURCE_HEADS_JOURNALIST,
        lists::SOURCE_HEADS_MEDIA_OUTLET,
        lists::SOURCE_HEADS_OFFICIAL,
        lists::SOURCE_HEADS_ORGANIZATION,
        lists::SOURCE_HEADS_SOCIAL_MEDIA,
        lists::HUMAN_PLURAL_HEADS,
        lists::FEMININE_PLURAL_HEADS,
    ]
    .into_iter()
    .flat_map(|list| lists::entries(list).map(normalize_str))
    .collect()
});

/// Whether words `first..=last` before إن can be the speaker's name rather than a described
/// source: no source noun first (مصادر مطلعة), and the last word no feminine or plural adjective
/// (حقوقية، منظمات) nor an Arabic participle (بيان مشترك، مصدر مسؤول; a foreign name starting
/// with م reads as a transliteration: ميلوني).
fn speaker_may_be_named(ctx: &Ctx, first: usize, last: usize) -> bool {
    let end = ctx.stem(last);
    let participle = end.starts_with('م') && end.chars().count() >= 5 && !transliterated(end);
    let described = SOURCE_NOUNS.contains(ctx.stem(first))
        || end.ends_with('ه')
        || end.ends_with("ات")
        || participle;
    !described
}

/// Two or three words no list knows, then a title: the words are a person's name in apposition
/// (وقال يوكي تاناكا وزير المالية). One word is too little to tell a name from a noun
/// (وقال مسؤول رئيس …).
pub(super) fn apposition_rule(ctx: &mut Ctx) {
    let covered = ctx.covered_tokens();
    let mut i = 0;
    while i < ctx.toks.len() {
        if covered[i] || !name_may_start(ctx, i) {
            i += 1;
            continue;
        }
        let run = (i..ctx.toks.len().min(i + 3))
            .take_while(|&j| !covered[j] && unknown_name_word(ctx, j))
            .count();
        // After a verb of saying the claim's complementizer closes its subject as a title
        // does (وقال لويس مورينو أوكامبو إن …).
        let after_cue = ctx.is_class(i.wrapping_sub(1), class::CUE);
        let closes = |end: usize| {
            appositive_title(ctx, end)
                || (after_cue
                    && ctx
                        .word(end)
                        .is_some_and(|_| CLAIM_OPENERS.contains(&ctx.stem(end)))
                    && speaker_may_be_named(ctx, i, end - 1))
        };
        let Some(len) = (2..=run).rev().find(|&len| closes(i + len)) else {
            i += 1;
            continue;
        };
        // A sentence starts with its verb: a three-letter first word of three (فاز ماتياس
        // كورنر رئيس …) is the verb, not a given name, unless a verb of saying came before.
        let verb_first = len == 3
            && ctx.stem(i).chars().count() == 3
            && !ctx.is_class(i.wrapping_sub(1), class::CUE);
        let first = if verb_first { i + 1 } else { i };
        ctx.push(first, i + len - 1, Label::PERSON, "rule:apposition", 0.5);
        i += len;
    }
}

/// After a title, its complement and a comma (المتحدث باسم الوزارة، جون سميث): where the name
/// starts, when a known given name or two words no list knows follow the comma.
pub(super) fn name_after_comma(ctx: &Ctx, comma: usize) -> Option<usize> {
    if !ctx.is_punct(comma, "،,") {
        return None;
    }
    let first = comma + 1;
    let t = ctx.word(first)?;
    let known = (t.is(class::GIVEN_NAME) && !t.is(class::AMBIGUOUS_NAME) && t.clitic == 0)
        || ctx.gaz[first]
            .as_ref()
            .is_some_and(|(label, _)| *label == Label::PERSON);
    // Two unknown words need the name to end there: at a mark, a line end, a verb of saying
    // or إن/أن (…، جون سميث، إن …), not in the middle of a phrase (…، خير شاهد على …).
    let unknown_pair = unknown_name_word(ctx, first)
        && unknown_name_word(ctx, first + 1)
        && ctx.toks.get(first + 2).is_none_or(|n| {
            n.kind != TokenKind::Word
                || n.is(class::CUE)
                || matches!(ctx.stem(first + 2), "ان" | "انه" | "انها")
        });
    (known || unknown_pair).then_some(first)
}

/// A nationality used as a noun before a name no list knows (سجل البرازيلي فلان، للروسي فلان
/// فلاني): the nationality is not the adjective of a definite noun before it (المنتخب
/// البرازيلي), and the name is one to three words; one word must not look Arabic (البرازيلي
/// مستعد).
pub(super) fn nationality_rule(ctx: &mut Ctx) {
    let covered = ctx.covered_tokens();
    let mut i = 0;
    while i + 1 < ctx.toks.len() {
        // The tokeniser leaves the article on words of no list it reads (للروسي، للشعب).
        let without_article = |j: usize| {
            let raw = ctx.word(j)?.text(ctx.norm);
            ARTICLES.iter().find_map(|a| raw.strip_prefix(a))
        };
        // The cheap test first: a plain word of no list after it.
        let plain_next = ctx.word(i + 1).is_some_and(|n| {
            !n.definite
                && n.clitic == 0
                && n.classes & !class::FOREIGN_NAME & !class::GIVEN_NAME == 0
        });
        let nationality = plain_next
            && without_article(i).is_some_and(|bare| {
                bare.ends_with('ي') && crate::extract::lexicon::is_nationality(bare)
            });
        // A definite noun before it: the nationality is its adjective, unless a preposition
        // is glued to the nationality (الجائزة للروسي …).
        let after_noun = ctx.word(i.wrapping_sub(1)).is_some_and(|p| {
            without_article(i - 1).is_some()
                && ctx.toks[i].text(ctx.norm).starts_with("ال")
                && !p.is(class::STOP | class::CUE)
        });
        if !nationality || after_noun {
            i += 1;
            continue;
        }
        let first = i + 1;
        // A verb's or pronoun's suffix ends the name (بوكاري دراميه أنهاها).
        let run = (first..ctx.toks.len().min(first + 3))
            .take_while(|&j| {
                !covered[j]
                    && unknown_name_word(ctx, j)
                    && !["ها", "هم", "وا", "نا", "ات"]
                        .iter()
                        .any(|end| ctx.stem(j).ends_with(end))
            })
            .count();
        let single_ok = |j: usize| {
            let stem = ctx.stem(j);
            stem.chars().count() >= 3 && !super::quoted::arabic_shaped(stem)
        };
        // A three-letter first word is a verb (الفرنسي نزل …) unless it is a given name.
        let verb_first =
            ctx.stem(first).chars().count() == 3 && !ctx.toks[first].is(class::GIVEN_NAME);
        if run == 0 || verb_first || (run == 1 && !single_ok(first)) {
            i += 1;
            continue;
        }
        ctx.push(
            first,
            first + run - 1,
            Label::PERSON,
            "rule:nationality-name",
            0.45,
        );
        i = first + run;
    }
}

/// The article with the proclitics that may come before it (لل is ل + ال).
const ARTICLES: [&str; 7] = ["وال", "بال", "فال", "كال", "ولل", "ال", "لل"];

/// A second name coordinated with a person found (جان كوم وبريان أكتون): a و glued to a name
/// no list knows stays on the word, so it is taken off here; the name needs two words that
/// do not look Arabic (وكيل قاضي).
pub(super) fn coordinated_name_rule(ctx: &mut Ctx) {
    let ends: Vec<usize> = ctx
        .out
        .iter()
        .filter(|f| f.label == Label::PERSON)
        .map(|f| ctx.token_at(f.range.end - 1))
        .collect();
    let covered = ctx.covered_tokens();
    for last in ends {
        let (first, second) = (last + 1, last + 2);
        let Some(t) = ctx.word(first) else { continue };
        let stem = ctx.stem(first);
        let foreign = |w: &str| w.chars().count() >= 4 && !super::quoted::arabic_shaped(w);
        let rest = stem.strip_prefix('و').filter(|r| foreign(r));
        let pair = t.clitic == 0
            && t.classes == 0
            && ctx.gaz[first].is_none()
            && rest.is_some_and(|r| !verb_shaped(r))
            && !covered[first]
            && !covered.get(second).copied().unwrap_or(true)
            && unknown_name_word(ctx, second)
            && foreign(ctx.stem(second));
        if pair {
            ctx.out.push(Found {
                range: ctx.stem_start(first) + 'و'.len_utf8()..ctx.toks[second].range.end,
                label: Label::PERSON,
                by: "rule:coordinated-name",
                score: 0.45,
            });
        }
    }
}

/// A given name no list knows before a name that starts with a connector (زهية أبو الهيجا،
/// سالم بن …): the connector's name is a family's, so the word before it is the given name.
pub(super) fn given_name_before_connector_rule(ctx: &mut Ctx) {
    let covered = ctx.covered_tokens();
    for k in 0..ctx.out.len() {
        if ctx.out[k].label != Label::PERSON {
            continue;
        }
        let first = ctx.token_at(ctx.out[k].range.start);
        if first == 0 || !ctx.is_class(first, class::NAME_CONNECTOR) || ctx.toks[first].clitic > 0 {
            continue;
        }
        let before = first - 1;
        // Not a preposition glued to a noun (بواسطة), nor a relative with a possessive
        // (خالتي، عمي): an unknown word ending in ي is more often that than a name.
        let stem = ctx.stem(before);
        let given = !covered[before]
            && unknown_name_word(ctx, before)
            && stem.chars().count() >= 3
            && stem != "باسم"
            && (ctx.toks[before].is(class::GIVEN_NAME)
                || !(clitic_shaped(stem) || stem.ends_with('ي') || RELATIVES.contains(stem)))
            && !ctx.is_class(before.wrapping_sub(1), class::CUE);
        if given {
            ctx.out[k].range.start = ctx.stem_start(before);
        }
    }
}
