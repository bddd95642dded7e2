//! Names from the gazetteers: the longest entry at each word, a ل-phrase that continues an
//! organisation's name, and names that are ordinary words too (taken only where the context
//! marks a name).

use super::*;

pub(super) fn gazetteer_rule(ctx: &mut Ctx) {
    let mut covered_until = 0;
    let mut covered_label = None;
    // Whether the text is about sport, counted the first time a club name needs it.
    let mut sport = None;
    for i in 0..ctx.toks.len() {
        let Some((label, end)) = ctx.gaz[i].clone() else {
            continue;
        };
        // Same-label entries nested in a longer one add nothing.
        if i < covered_until && covered_label.as_ref() == Some(&label) {
            continue;
        }
        let start = ctx.stem_start(i);
        let Some(hit) = ctx.toks[i].gazetteer.clone() else {
            continue;
        };
        if end > covered_until {
            covered_until = end;
            covered_label = Some(label.clone());
        }
        let written = &ctx.norm[start..hit.end];
        let name = if hit.entry.after_lam {
            format!("ا{written}")
        } else {
            written.to_owned()
        };
        if GAZETTEER_NAMES_ALSO_WORDS.contains(name.as_str()) && !name_context(ctx, i, end) {
            continue;
        }
        if hit.entry.list == "clubs"
            && CLUB_NAMES_ALSO_WORDS.contains(name.as_str())
            && !*sport.get_or_insert_with(|| about_sport(ctx))
        {
            continue;
        }
        // A region that is a newspaper's name too is the newspaper after قال لـ، بحسب،
        // صحيفة or in quotation marks (لـ«الشرق الأوسط»).
        if hit.entry.also == Some(Label::ORG) && name_context(ctx, i, end) {
            ctx.out.push(Found {
                range: start..hit.end,
                label: Label::ORG,
                by: "gazetteer:organizations",
                score: 0.8,
            });
            continue;
        }
        let (by, label) = match hit.entry.list {
            "people" => ("gazetteer:people", label),
            "organizations" => ("gazetteer:organizations", label),
            "works" => ("gazetteer:works", label),
            "clubs" => ("gazetteer:clubs", label),
            "platforms" if !service_meant(ctx, i) => ("gazetteer:platforms", Label::ORG),
            "platforms" => ("gazetteer:platforms", label),
            _ if label == Label::GPE && country_as_adjective(ctx, i, end) => {
                ("rule:nationality", Label::NORP)
            }
            _ => ("gazetteer:places", label),
        };
        ctx.out.push(Found {
            range: start..known_name_end(ctx, &label, end, hit.end),
            label,
            by,
            score: 0.8,
        });
    }
}

/// A country whose name is its feminine nationality too (السعودية) right after a definite
/// feminine or plural noun it agrees with (الأندية السعودية، العاصمة السعودية، بالتخفيضات
/// السعودية): the adjective, a NORP, as the gold sets write it (train: 6 of 6); after a
/// masculine noun (زار الرئيس السعودية) it is the country.
fn country_as_adjective(ctx: &Ctx, i: usize, end: usize) -> bool {
    let before = i.wrapping_sub(1);
    let agrees = ctx.word(before).is_some_and(|p| {
        let stem = ctx.stem(before);
        let written = p.text(ctx.norm);
        // the tokeniser leaves proclitics on words of no list (بالتخفيضات)
        let bare = written.trim_start_matches(['و', 'ف', 'ب', 'ك']);
        let definite = p.definite || bare.starts_with("ال") || bare.starts_with("لل");
        definite && (stem.ends_with('ه') || stem.ends_with("ات")) && ctx.gaz[before].is_none()
    });
    end == i + 1
        && ctx.toks[i].clitic == 0
        && agrees
        && crate::extract::lexicon::is_nationality(ctx.stem(i))
}

/// Where a gazetteer entry ending at byte `hit_end` (before token `end`) ends: a person's name
/// goes on with its lineage (عبد الله بن زايد آل نهيان).
fn known_name_end(ctx: &Ctx, label: &Label, end: usize, hit_end: usize) -> usize {
    if *label != Label::PERSON {
        return hit_end;
    }
    let last = super::name_parts::lineage_end(ctx, end - 1);
    ctx.toks[last].range.end.max(hit_end)
}

static PLATFORM_CONTEXT: LazyLock<WordSet> = LazyLock::new(|| word_set(lists::PLATFORM_CONTEXT));

/// Whether the platform named at `i` is the service (بفيسبوك، على تويتر، تطبيق واتساب), not
/// the company behind it.
fn service_meant(ctx: &Ctx, i: usize) -> bool {
    let glued_b = ctx.toks[i].clitic > 0 && ctx.norm[ctx.toks[i].range.clone()].starts_with('ب');
    let context = |j: usize| ctx.word(j).is_some() && PLATFORM_CONTEXT.contains(ctx.stem(j));
    // A quoted or bracketed name after a service noun (منصة "إكس"، الاجتماعي (فيسبوك)); after a
    // bare preposition a quoted name is more often the company (استحوذت على "واتساب").
    let quoted_after_noun = ctx.is_punct(i.wrapping_sub(1), "\"«“(")
        && context(i.wrapping_sub(2))
        && !ctx.is_class(i.wrapping_sub(2), class::STOP);
    glued_b || context(i.wrapping_sub(1)) || quoted_after_noun
}

/// A ل-phrase that belongs to an organisation's name: للأنباء، للتنمية (ل + article), or
/// لحقوق الإنسان، لشؤون اللاجئين (ل + a construct noun of purpose + a definite noun).
pub(super) fn is_lam_complement(ctx: &Ctx, i: usize) -> bool {
    let Some(t) = ctx.word(i) else { return false };
    let raw = t.text(ctx.norm);
    // للجنة، للرئيس: a new organisation or a person begins there.
    if t.is(class::ORG_HEAD | class::GPE_HEAD | class::TITLE) {
        return false;
    }
    if raw.starts_with("لل") && raw.chars().count() > 4 {
        return true;
    }
    let purpose = raw
        .strip_prefix('ل')
        .is_some_and(|noun| ORG_PURPOSE_NOUNS.contains(noun))
        // The sport of a federation (الاتحاد السوداني لكرة القدم، لألعاب القوى).
        || matches!(raw, "لكره" | "لالعاب");
    purpose && ctx.word(i + 1).is_some_and(|n| n.definite)
}

/// What a body is for (حقوق، حماية، تنمية): after ل it continues the body's name.
pub(super) static ORG_PURPOSE_NOUNS: LazyLock<WordSet> =
    LazyLock::new(|| word_set(lists::ORG_PURPOSE_NOUNS));

static CLUB_NAMES_ALSO_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| word_set(lists::CLUB_NAMES_ALSO_WORDS));

static SPORT_CONTEXT: LazyLock<WordSet> = LazyLock::new(|| word_set(lists::SPORT_CONTEXT));

/// A text about sport: three words of `sport-context.txt` (مباراة، الدوري، هدفين …), so a
/// club name that is an ordinary word too (الأهلي، الهلال) is the club there.
fn about_sport(ctx: &Ctx) -> bool {
    (0..ctx.toks.len())
        .filter(|&i| ctx.word(i).is_some() && SPORT_CONTEXT.contains(ctx.stem(i)))
        .nth(2)
        .is_some()
}

/// Gazetteer names that are also ordinary words (الشرق "the east", العربية "Arab", فتح
/// "opened", الجزيرة "the island"): taken only where the context marks a name.
static GAZETTEER_NAMES_ALSO_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| word_set(lists::GAZETTEER_NAMES_ALSO_WORDS));

/// A quote, a preposition of source (لـ، بحسب) or an outlet noun right before the name, or a
/// quote right after it.
pub(super) fn name_context(ctx: &Ctx, first: usize, end: usize) -> bool {
    const QUOTES: &str = "\"«»“”„'";
    let before = first.wrapping_sub(1);
    let quoted = ctx.is_punct(before, QUOTES) || ctx.is_punct(end, QUOTES);
    let cue = ctx.word(before).is_some_and(|_| {
        matches!(
            ctx.stem(before),
            "ل" | "بحسب"
                | "حسب"
                | "وفق"
                | "قناه"
                | "صحيفه"
                | "موقع"
                | "وكاله"
                | "جريده"
                | "شبكه"
                | "تلفزيون"
                | "منصه"
                | "حركه"
                | "شركه"
                | "مجموعه"
                | "قوات"
                | "اداره"
                | "عناصر"
                | "جهاز"
                | "حساب"
                | "عبر"
                // A correspondent's outlet (مراسل العربية).
                | "مراسل"
                | "مراسله"
        )
    });
    quoted || cue
}
