//! Organisations, places, facilities and events from their head nouns (وزارة، مدينة، مطار…)
//! extended over their genitive chains and nisba adjectives.

use super::*;

/// Is token `i` a plausible continuation of an organisation or place name after its head?
pub(super) fn chain_word(ctx: &Ctx, i: usize, first: bool, head_definite: bool) -> bool {
    let Some(t) = ctx.word(i) else {
        return false;
    };
    let raw = t.text(ctx.norm);
    let lam_complement = is_lam_complement(ctx, i);
    if t.has_conjunction(ctx.norm) && ctx.gaz[i].is_none() {
        return false;
    }
    if t.is(class::STOP
        | class::CUE
        | class::MONTH
        | class::WEEKDAY
        | class::YEAR_WORD
        | class::RELATIVE_DATE
        | class::TITLE)
    {
        return false;
    }
    if let Some((label, _)) = &ctx.gaz[i] {
        // A person's name belongs to a body named after them only right after an indefinite
        // head (جامعة محمد الخامس); after a title's complement it is the title holder (رئيس
        // الحكومة الليبية عبد الحميد الدبيبة).
        if *label == Label::PERSON && (head_definite || !first) {
            return false;
        }
        // So is a given name that names a place too (جاسم, a town): رئيس مجلس الأمة الكويتي
        // جاسم الخرافي.
        if !first && t.is(class::GIVEN_NAME) && !t.is(class::AMBIGUOUS_NAME) && t.clitic == 0 {
            return false;
        }
        // بهونغ كونغ after an organisation is where it is, not part of its name.
        return t.clitic == 0 || raw.starts_with('ل');
    }
    let stem = ctx.stem(i);
    if first {
        // A rank (المركز الخامس) names no body.
        if ctx.is_ordinal(i) {
            return false;
        }
        // A definite head takes adjectives only (الحركة الطلابية), never a genitive noun or
        // the verb's object (وقررت المحكمة الحكم، وأدانت المحكمة المتهمين); an indefinite
        // adjective after an indefinite head (جمعية خيرية) means no name.
        if head_definite {
            return t.definite && t.clitic == 0 && agrees_as_adjective(stem) || lam_complement;
        }
        // So does a plain adjective (منتخب قوي، حكومة جديدة): a phrase that names no one body.
        let indefinite_adjective = !t.definite
            && (feminine_adjective_shaped(stem)
                || crate::extract::lexicon::is_adjective(stem)
                || super::quoted::plain_adjective(stem));
        return !verb_shaped(stem)
            && !t.is(class::NUMBER_WORD)
            && !indefinite_adjective
            && !clitic_shaped(stem);
    }
    // After the first word: definite nouns and adjectives, and ل/لل complements
    // (المرصد السوري لحقوق الإنسان، وكالة الأنباء للأنباء).
    t.definite || lam_complement
}

/// Whether a definite word can be the adjective of a definite head: a nisba (الطلابية), a
/// known adjective or nationality, or a word shaped like one (see [`adjective_shaped`]).
fn agrees_as_adjective(stem: &str) -> bool {
    adjective_shaped(stem)
        || crate::extract::lexicon::is_adjective(stem)
        || crate::extract::lexicon::is_nationality(stem)
        || IDENTIFYING_ADJECTIVES.contains(stem)
}

/// A definite word shaped like an adjective rather than a noun: a nisba (الشعبية), a
/// participle in م (المستقلة، المؤقتة), an active participle of the first form (الحاكم،
/// العامة، الخاصة), فعيل (الجديدة), an elative (الأعلى، العليا، الأحمر); a plural in ين، ون or
/// ات is a noun after a singular head (المتهمين، المعلومات), and so are الحكم، الإنتاج.
pub(super) fn adjective_shaped(stem: &str) -> bool {
    let Some(bare) = stem.strip_prefix("ال") else {
        return false;
    };
    let letters: Vec<char> = bare.chars().collect();
    let n = letters.len();
    let plural = n > 4 && ["ين", "ون", "ات"].iter().any(|e| bare.ends_with(e));
    if plural || n < 3 {
        return false;
    }
    nisba_shaped(stem)
        || letters[0] == 'م' && n >= 4
        || n <= 5 && letters[1] == 'ا'
        || (4..=5).contains(&n) && letters[2] == 'ي'
        || n == 4 && (letters[0] == 'ا' || letters[3] == 'ا')
}

/// Ends like a feminine nisba adjective (خيرية، دولية), not like a verbal noun in اية (حماية،
/// رعاية، بداية), which heads a construct (جمعية حماية المستهلك).
pub(super) fn feminine_adjective_shaped(stem: &str) -> bool {
    stem.ends_with("يه") && !stem.ends_with("ايه")
}

/// Ends like a nisba adjective (العثمانية، الروماني), whether or not it is in the list.
pub(super) fn nisba_shaped(stem: &str) -> bool {
    stem.starts_with("ال") && (stem.ends_with("يه") || stem.ends_with('ي'))
}

pub(super) fn nisba(stem: &str) -> bool {
    stem.starts_with("ال") && crate::extract::lexicon::is_adjective(stem)
}

/// Extends a head at `head` over its genitive chain; returns the last token of the phrase.
pub(super) fn chain(ctx: &Ctx, head: usize, max: usize) -> Option<usize> {
    let mut last = None;
    // Where the phrase may safely end: a definite word, a gazetteer name or the first word.
    // A run of indefinite construct nouns (هيئة سوق رأس المال) must reach a definite word.
    let mut solid = None;
    // After a proper name (تنظيم داعش) only adjectives and ل-complements continue.
    let mut after_name = false;
    let mut coordinations = 0;
    let mut i = head + 1;
    while i < ctx.toks.len() && i <= head + max {
        let t = &ctx.toks[i];
        // Two fields joined by و at most: التربية والتعليم والتعليم الفني، الأغذية والزراعة،
        // التجارة وحماية المستهلك.
        if coordinations < 2
            && i > head + 1
            && let Some(end) = coordinated_field(ctx, i)
        {
            coordinations += 1;
            last = Some(end);
            solid = last;
            after_name = false;
            i = end + 1;
            continue;
        }
        // A body named after a person with a title (جامعة الملك سعود، مدينة الملك عبدالله
        // الاقتصادية): the title and the name, then adjectives as after any name.
        if i == head + 1
            && !ctx.toks[head].definite
            && let Some(end) = namesake_end(ctx, i)
        {
            last = Some(end);
            solid = last;
            after_name = true;
            i = end + 1;
            continue;
        }
        if i == head + 2 && last == Some(head + 1) && foreign_second_word(ctx, i) {
            last = Some(i);
            solid = last;
            i += 1;
            continue;
        }
        if !chain_word(ctx, i, i == head + 1, ctx.toks[head].definite) {
            break;
        }
        if let Some((_, end)) = ctx.gaz[i] {
            last = Some(end - 1);
            solid = last;
            i = end;
            after_name = true;
            continue;
        }
        let lam = is_lam_complement(ctx, i);
        if i > head + 1 && !continues_chain(ctx, i, after_name) {
            break;
        }
        last = Some(i);
        if t.definite || lam || i == head + 1 {
            solid = last;
        }
        after_name = false;
        i += 1;
    }
    if last != solid { solid } else { last }
}

static NAMESAKE_TITLES: LazyLock<WordSet> = LazyLock::new(|| word_set(lists::NAMESAKE_TITLES));

/// A title of `namesake-titles.txt` at `i` and the name of the person a facility or body is
/// named after (مطار الملك خالد الدولي، مستشفى الأمير سلطان العسكري): the last token of the
/// name, without the adjectives after it, which are the facility's (الدولي، العسكري).
pub(super) fn namesake_end(ctx: &Ctx, i: usize) -> Option<usize> {
    let t = ctx.word(i)?;
    if t.clitic != 0 || !NAMESAKE_TITLES.contains(ctx.stem(i)) {
        return None;
    }
    // The administration or government of a president (إدارة الرئيس دونالد ترامب) is his
    // term in office, named after no one: the president is the person there.
    if i > 0 && ctx.word(i - 1).is_some() && matches!(ctx.stem(i - 1), "اداره" | "حكومه")
    {
        return None;
    }
    let n = ctx.word(i + 1)?;
    let person = ctx.gaz[i + 1]
        .as_ref()
        .is_some_and(|(l, _)| *l == Label::PERSON);
    if !(person || n.is(class::GIVEN_NAME)) || n.clitic != 0 || n.definite {
        return None;
    }
    let mut end = super::person::name_end(ctx, i + 1);
    while end > i + 1 && nisba(ctx.stem(end)) {
        end -= 1;
    }
    Some(end)
}

/// The second word of a transliterated name after a head (مجلة فورين بوليسي، إذاعة مونت
/// كارلو): the first is a plain word of no list, and this one reads as a transliteration (five
/// letters or more, two long vowels: an Arabic verb after the name seldom does, بثت، فتحت;
/// nor an accusative noun in ا, بيانا).
fn foreign_second_word(ctx: &Ctx, i: usize) -> bool {
    let plain_first = ctx
        .word(i - 1)
        .is_some_and(|t| !t.definite && t.clitic == 0 && t.classes & !class::FOREIGN_NAME == 0);
    let stem = ctx.stem(i);
    plain_first
        && super::apposition::unknown_name_word(ctx, i)
        && super::apposition::transliterated(stem)
        && !super::quoted::arabic_shaped(stem)
        && !stem.ends_with('ا')
}

/// A field of a body's name joined by و at `i`; returns its last token. Either a definite noun
/// (التربية والتعليم، للأغذية والزراعة) after a definite non-nisba word or a ل-complement, or a
/// noun of purpose and its definite complement (التجارة الداخلية وحماية المستهلك). A second
/// body (والمنظمة), a place or a title starts a new name, and a feminine participle
/// (والمسؤولة، والمعارضة) describes or adds to the sentence, not the name.
fn coordinated_field(ctx: &Ctx, i: usize) -> Option<usize> {
    let t = ctx.word(i)?;
    let raw = t.text(ctx.norm);
    if ctx.gaz[i].is_some() || t.is(class::ORG_HEAD | class::GPE_HEAD | class::TITLE) {
        return None;
    }
    let before = &ctx.toks[i - 1];
    let after_lam = before.text(ctx.norm).starts_with("لل");
    let purpose = raw
        .strip_prefix('و')
        .is_some_and(|noun| super::known_names::ORG_PURPOSE_NOUNS.contains(noun));
    if purpose && (before.definite || before.text(ctx.norm).starts_with("وال") || after_lam) {
        return ctx
            .word(i + 1)
            .is_some_and(|n| n.definite && n.clitic == 0)
            .then_some(i + 1);
    }
    let participle = raw
        .strip_prefix("والم")
        .is_some_and(|rest| rest.ends_with('ه') && rest.chars().count() >= 5);
    let noun = raw.starts_with("وال") && raw.chars().count() > 4 && !participle;
    // The word before is definite, or a field joined before (والمواصلات والاتصالات).
    let definite_before = before.definite || before.text(ctx.norm).starts_with("وال");
    let joins = definite_before && !nisba(ctx.stem(i - 1)) || after_lam;
    (t.kind == TokenKind::Word && noun && joins).then_some(i)
}

/// Whether word `i`, after the first word of a chain, still belongs to it. A definite
/// non-nisba word after an earlier definite one is usually the next phrase (وزارة الداخلية
/// القضاء…): it is allowed only after a construct noun; `after_name` is true right after a
/// proper name (تنظيم داعش), where only adjectives and ل-complements continue.
fn continues_chain(ctx: &Ctx, i: usize, after_name: bool) -> bool {
    let t = &ctx.toks[i];
    let stem = ctx.stem(i);
    let lam = is_lam_complement(ctx, i);
    let after_construct = !ctx.toks[i - 1].definite && !after_name;
    let indefinite_run = !t.definite
        && after_construct
        && !lam
        && !verb_shaped(stem)
        && !clitic_shaped(stem)
        && !feminine_adjective_shaped(stem)
        && !t.is(NAME_STOP);
    // Adjectives are known ones, or shaped like a nisba right after a noun (جهاز الأمن
    // الداخلي، نقابة المهن الموسيقية); after an adjective such a word is more often the
    // sentence's next noun (الحكومة السورية المسؤولية).
    let after_noun = !nisba_shaped(ctx.stem(i - 1));
    let adjective = nisba(stem) || (t.clitic == 0 && after_noun && nisba_shaped(stem));
    adjective || (after_construct && t.definite) || lam || indefinite_run
}

/// Organisations from their head noun and its chain (وزارة الصحة، حركة الرايات السود), and
/// ministries by their short name (الداخلية السورية). A bare head (الحكومة، الشرطة) is a common
/// noun, not a name (docs/attribution-guidelines.md §9.2).
pub(super) fn org_rule(ctx: &mut Ctx) {
    for i in 0..ctx.toks.len() {
        let Some(t) = ctx.word(i) else { continue };
        // تطبيق/برنامج + a platform or program (برنامج سكايب): the name alone is MISC.
        let names_a_work = ctx.gaz_at(i + 1).is_some_and(|(l, _)| *l == Label::MISC);
        if let Some((glued, last)) = presidency_end(ctx, i) {
            let start = (ctx.toks[i].range.start + glued).max(ctx.stem_start(i));
            ctx.out.push(Found {
                range: start..ctx.toks[last].range.end,
                label: Label::ORG,
                by: "rule:org-head",
                score: 0.6,
            });
        } else if t.is(class::ORG_HEAD)
            && !names_a_work
            && !no_body_here(ctx, i)
            && !forces_of(ctx, i)
        {
            if let Some(last) = chain(ctx, i, 5).filter(|&last| names_one_body(ctx, i, last)) {
                ctx.push(i, last, Label::ORG, "rule:org-head", 0.6);
            }
        } else if t.is(class::ORG_STANDALONE)
            && !STATE_ARMS.contains(&ctx.stem(i))
            && !ctx.is_class(i.wrapping_sub(1), class::TITLE)
            && ctx.word(i + 1).is_some_and(|_| nisba(ctx.stem(i + 1)))
        {
            ctx.push(i, i + 1, Label::ORG, "rule:org-head", 0.4);
        }
    }
}

/// The presidency of a state, a body: الرئاسة with a nationality (الرئاسة الجزائرية) is an ORG,
/// not the NORP alone, as the train gold writes it 4 times of 5. (رئاسة before الجمهورية or
/// الوزراء was measured too and left: docs/extraction/entities.md, eleventh round.) Returns the
/// bytes of و/ف/ب glued on, which the tokeniser leaves on a word no list holds, and the last
/// token.
fn presidency_end(ctx: &Ctx, i: usize) -> Option<(usize, usize)> {
    let raw = ctx.word(i)?.text(ctx.norm);
    let word = raw.strip_prefix(['و', 'ف']).unwrap_or(raw);
    let word = word.strip_prefix('ب').unwrap_or(word);
    let nationality = ctx
        .word(i + 1)
        .is_some_and(|_| crate::extract::lexicon::is_nationality(ctx.stem(i + 1)));
    (word == "الرئاسه" && nationality).then_some((raw.len() - word.len(), i + 1))
}

/// The forces, regime, authorities or militias of a state (قوات، النظام، السلطات): with a
/// nationality after them (القوات اليمنية، النظام السوري، السلطات الإيطالية) they name no body of
/// their own; the nationality is the NORP, as every gold set writes it (train: 8 of 8), and a
/// body named after them is that body (قوات الجيش السوداني → الجيش السوداني). The armed forces
/// with a nationality are the army (القوات المسلحة المصرية, guidelines §9.3), and a name that
/// starts with قوات is in the gazetteer (قوات الدعم السريع).
const STATE_ARMS: [&str; 6] = [
    "قوات",
    "القوات",
    "النظام",
    "السلطات",
    "الميليشيات",
    "المليشيات",
];

/// Whether the organisation head at `i` is قوات/القوات of [`STATE_ARMS`], which heads no name
/// here: a gazetteer name starting there is taken by the gazetteer rule (its nationality after it
/// left to the NORP rule: قوات الدعم السريع السودانية), and القوات المسلحة keeps its chain.
fn forces_of(ctx: &Ctx, i: usize) -> bool {
    let stem = ctx.stem(i);
    if !matches!(stem, "قوات" | "القوات") {
        return false;
    }
    let armed = stem == "القوات"
        && ctx
            .word(i + 1)
            .is_some_and(|_| ctx.stem(i + 1) == "المسلحه");
    ctx.gaz[i].is_some() || !armed
}

/// What moves or flows after حركة "movement" (حركة السير، حركة السفن، حركة الاتصالات): the
/// flow, not a movement or party (`traffic-nouns.txt`).
static TRAFFIC_NOUNS: LazyLock<WordSet> = LazyLock::new(|| word_set(lists::TRAFFIC_NOUNS));

/// An organisation head at `i` that names no body where it stands: بقيادة "led by" (التحالف
/// بقيادة السعودية، بقيادة روسيا), and حركة before a noun of traffic (حركة السير).
fn no_body_here(ctx: &Ctx, i: usize) -> bool {
    let t = &ctx.toks[i];
    let stem = ctx.stem(i);
    let led_by = stem == "قياده" && t.clitic > 0 && t.text(ctx.norm).starts_with('ب');
    let traffic = matches!(stem, "حركه" | "الحركه")
        && ctx
            .word(i + 1)
            .is_some_and(|n| n.clitic == 0 && TRAFFIC_NOUNS.contains(ctx.stem(i + 1)));
    led_by || traffic
}

/// Whether the words after a definite head say which body it is (الحكومة المصرية، الهيئة العامة
/// للاستثمار): a nationality, a name or a complement. Adjectives that only describe it
/// (الحكومة الانتقالية، الأمانة العامة) leave a common noun (guidelines §9.2).
fn identifies_one_body(ctx: &Ctx, head: usize, last: usize) -> bool {
    if !ctx.toks[head].definite {
        return true;
    }
    (head + 1..=last).any(|j| {
        let t = &ctx.toks[j];
        let stem = ctx.stem(j);
        ctx.gaz[j].is_some()
            || !t.definite
            || t.clitic > 0
            || crate::extract::lexicon::is_nationality(stem)
            || IDENTIFYING_ADJECTIVES.contains(stem)
            || !(nisba(stem) || nisba_shaped(stem) || adjective_shaped(stem))
    })
}

/// Whether a head and its chain up to `last` name one body: the words after it say which
/// ([`identifies_one_body`]), and a programme is run by a body ([`runs_the_programme`]).
fn names_one_body(ctx: &Ctx, head: usize, last: usize) -> bool {
    identifies_one_body(ctx, head, last)
        && runs_the_programme(ctx, head, last)
        && !part_of_a_common_body(ctx, head, last)
        && !a_central_bank_unnamed(ctx, head, last)
}

/// البنك المركزي or المصرف المركزي alone: the central bank of a state the text does not name
/// there, a common noun (guidelines §9.2; the train gold writes no ORG 7 times of 7, and ORG with
/// the state's nationality, البنك المركزي المصري, 5 of 5).
fn a_central_bank_unnamed(ctx: &Ctx, head: usize, last: usize) -> bool {
    last == head + 1
        && matches!(ctx.stem(head), "البنك" | "المصرف")
        && matches!(ctx.stem(last), "المركزي" | "المركزى")
}

/// A head before a body named by its common noun alone (قيادة الجيش، مجلس الإدارة، مكتب
/// المفوضية، إدارة النادي، مجلس النقابة): the command, board or office of a body the text does
/// not name, so no name either (guidelines §9.2); the train gold writes no ORG there 17 times of
/// 18 (قيادة الجيش اللبناني, with its nationality, is one).
fn part_of_a_common_body(ctx: &Ctx, head: usize, last: usize) -> bool {
    let t = &ctx.toks[last];
    last == head + 1
        && !ctx.toks[head].definite
        && t.definite
        && t.clitic == 0
        && t.is(class::ORG_HEAD)
        && ctx.gaz[last].is_none()
}

/// A programme (برنامج) is a body only when a body runs it and names it (برنامج الأمم المتحدة
/// الإنمائي); برنامج + what it does (إعادة هيكلة، الإصلاح المالي، العودة الطوعية) is a plan, and
/// the train gold writes no ORG there (14 of 14). The gazetteer holds the named ones (برنامج
/// الأغذية العالمي).
fn runs_the_programme(ctx: &Ctx, head: usize, last: usize) -> bool {
    ctx.stem(head) != "برنامج"
        || (head + 1..=last).any(|j| ctx.gaz[j].as_ref().is_some_and(|(l, _)| *l == Label::ORG))
}

static IDENTIFYING_ADJECTIVES: LazyLock<WordSet> =
    LazyLock::new(|| word_set(lists::IDENTIFYING_ADJECTIVES));

pub(super) fn place_rule(ctx: &mut Ctx) {
    for i in 0..ctx.toks.len() {
        let Some((label, by)) = ctx.word(i).and_then(head_label) else {
            continue;
        };
        if idiom_before(ctx, i) {
            continue;
        }
        // An event's name goes on like an organisation's: its complement and adjectives
        // (مؤتمر حقوق الإنسان، مهرجان موسكو السينمائي الدولي، الدوري الإيطالي لكرة القدم).
        // An operation or an attack with a verbal noun (عملية الفرز، هجوم إلكتروني) is no
        // name; in quotation marks it is (rules/quoted.rs).
        let event = label == Label::EVENT;
        // A head before another event's head is its word, not its name (بطولة | كأس الأمم
        // الإفريقية).
        if event
            && (matches!(ctx.stem(i), "عمليه" | "هجوم") || ctx.is_class(i + 1, class::EVENT_HEAD))
        {
            continue;
        }
        let name = name_after_head(ctx, i, &label);
        let Some(last) = (if event {
            name.max(event_chain(ctx, i))
        } else {
            name
        }) else {
            continue;
        };
        let next = i + 1;
        // A meeting named only by its place is no event (guidelines §12: مؤتمر العلا): the
        // place is the name there.
        if event && meeting_named_by_place(ctx, i, last) {
            continue;
        }
        // Events take a year after them: حرب 1967، الانتفاضة الأولى 1987.
        if label == Label::EVENT {
            let last = if ctx.number(last + 1).is_some() {
                last + 1
            } else {
                last
            };
            ctx.push(i, last, label, by, 0.4);
            continue;
        }
        if ctx.stem(i) == "ريف" {
            countryside(ctx, i, last, by);
            continue;
        }
        // A place head before a region is the region's (منطقة البحر الأحمر، منطقة الخليج).
        let region = ctx.gaz[next]
            .as_ref()
            .is_some_and(|(inner, _)| *inner == Label::LOC);
        let label = if label == Label::GPE && region {
            Label::LOC
        } else {
            label
        };
        ctx.push(i, last, label.clone(), by, 0.6);
        // The name inside is a place of its own when nothing else says what it is.
        if label == Label::GPE && ctx.gaz[next].is_none() && !ctx.toks[next].is(class::GPE_HEAD) {
            ctx.push(next, last, Label::GPE, by, 0.4);
        }
    }
}

/// The countryside of a place (ريف حلب، بريف درعا الشمالي) at `head..=last` is that place:
/// every gold set leaves ريف outside (guide and train: 16 of 16), as it does a compass part
/// (§12). The governorate named so is in the gazetteer (ريف دمشق), and ريف before a bare head
/// noun (بريف المحافظة) names no place.
fn countryside(ctx: &mut Ctx, head: usize, last: usize, by: &'static str) {
    let next = head + 1;
    let bare_head = ctx
        .stem(next)
        .strip_prefix("ال")
        .is_some_and(|bare| crate::extract::lexicon::classes(bare) & class::GPE_HEAD != 0);
    if ctx.gaz[head].is_none() && !ctx.toks[next].is(class::GPE_HEAD) && !bare_head {
        ctx.push(next, last, Label::GPE, by, 0.6);
    }
}

/// Whether the event at `head..=last` is a meeting (مؤتمر، قمة) named only by a place of the
/// gazetteer, with no year or ordinal number after it (قمة المنامة الـ33).
fn meeting_named_by_place(ctx: &Ctx, head: usize, last: usize) -> bool {
    let numbered = (last + 1..ctx.toks.len().min(last + 4)).any(|j| {
        ctx.toks[j]
            .text(ctx.norm)
            .chars()
            .any(|c| c.is_ascii_digit())
    });
    matches!(ctx.stem(head), "مؤتمر" | "قمه")
        && !numbered
        && ctx
            .gaz_at(head + 1)
            .is_some_and(|(l, end)| *l == Label::GPE && *end == last + 1)
}

/// The end of an event's name over its head's chain: it stops before an organisation's head
/// after the first word (انتخابات رئاسة | الائتلاف السوري; not كأس الاتحاد الآسيوي) and needs a definite word or a known name that defines it
/// (مؤتمر صحفي، انتخابات مبكرة are no names).
fn event_chain(ctx: &Ctx, head: usize) -> Option<usize> {
    let end = chain(ctx, head, 6)?;
    let end = (head + 2..=end)
        .find(|&j| ctx.toks[j].is(class::ORG_HEAD))
        .map_or(end, |j| j - 1);
    (head + 1..=end)
        .any(|j| ctx.toks[j].definite || ctx.gaz[j].is_some())
        .then_some(end)
}

/// The label a place, facility or event head noun gives, and the rule's name.
fn head_label(t: &Token) -> Option<(Label, &'static str)> {
    if t.is(class::GPE_HEAD) {
        Some((Label::GPE, "rule:place-head"))
    } else if t.is(class::FAC_HEAD) {
        Some((Label::FAC, "rule:facility-head"))
    } else if t.is(class::LOC_HEAD) {
        Some((Label::LOC, "rule:place-head"))
    } else if t.is(class::EVENT_HEAD) {
        Some((Label::EVENT, "rule:event-head"))
    } else {
        None
    }
}

/// عن طريق "by way of", من ناحية "as for", من جهة: the head at `i` is in an idiom, no place.
fn idiom_before(ctx: &Ctx, i: usize) -> bool {
    let before = i.wrapping_sub(1);
    ctx.word(before).is_some_and(|_| {
        matches!(
            (ctx.stem(before), ctx.stem(i)),
            ("عن", "طريق") | ("من", "ناحيه") | ("في", "ناحيه") | ("من", "جهه")
        )
    })
}

/// The last token of the name right after the head at `i`: a gazetteer entry, or one or two
/// name words (an event: one definite word or number); `None` when no name follows.
fn name_after_head(ctx: &Ctx, i: usize, label: &Label) -> Option<usize> {
    let next = i + 1;
    let n = ctx.word(next)?;
    // An indefinite adjective (دولة أجنبية، منطقة أثرية) is not a name.
    if ctx.gaz[next].is_none()
        && !n.definite
        && (ctx.stem(next).ends_with("يه") || crate::extract::lexicon::is_adjective(ctx.stem(next)))
    {
        return None;
    }
    // A facility named after a person (ملعب جوزيبي مياتزا، مطار رفيق الحريري), with a title
    // or without one.
    let namesake = namesake_end(ctx, next).or_else(|| {
        let person = ctx.gaz[next]
            .as_ref()
            .is_some_and(|(l, _)| *l == Label::PERSON)
            || n.is(class::GIVEN_NAME) && !n.is(class::AMBIGUOUS_NAME);
        (*label == Label::FAC && person && n.clitic == 0 && !n.definite)
            .then(|| super::person::name_end(ctx, next))
    });
    if *label != Label::EVENT
        && let Some(mut end) = namesake
    {
        // Its adjectives after the namesake's name (مطار الملك خالد الدولي).
        while end < next + 5 && ctx.word(end + 1).is_some_and(|_| nisba(ctx.stem(end + 1))) {
            end += 1;
        }
        return Some(end);
    }
    if n.is(NAME_STOP & !class::GPE_HEAD & !class::ORG_STANDALONE) && ctx.gaz[next].is_none() {
        return None;
    }
    // Another head (مدينة + حي…) or a gazetteer entry decides the extent.
    if let Some((_, end)) = ctx.gaz[next] {
        return Some(end - 1);
    }
    if *label == Label::EVENT {
        return match ctx.number(next).or_else(|| ctx.word(next).map(|_| 0)) {
            Some(_) if ctx.toks[next].definite => Some(next),
            _ => None,
        };
    }
    // A preposition glued to the next word starts a phrase of place, not a name (حي
    // بالعاصمة، منطقة للتدريب).
    let written = n.text(ctx.norm);
    let preposition = n.clitic > 0 && !n.has_conjunction(ctx.norm)
        || ["بال", "لل", "كال"].iter().any(|p| written.starts_with(p));
    if verb_shaped(ctx.stem(next))
        || n.has_conjunction(ctx.norm)
        || preposition
        || describes_the_head(ctx, next)
    {
        return None;
    }
    Some(place_name_end(ctx, next, label))
}

/// Word `next` after a head is the sentence describing it, not its name: a short imperfect verb
/// (منطقة تقع جنوب …) or an indefinite participle in ة (دولة موزعة على …) that a preposition,
/// a particle or a direction follows. Known places are looked up before this.
fn describes_the_head(ctx: &Ctx, next: usize) -> bool {
    let Some(n) = ctx.word(next) else {
        return false;
    };
    let stem = ctx.stem(next);
    let letters = stem.chars().count();
    let verb = letters == 3 && (stem.starts_with('ت') || stem.starts_with('ي'));
    let participle = letters >= 5 && stem.starts_with('م') && stem.ends_with('ه');
    let goes_on = ctx
        .word(next + 1)
        .is_some_and(|w| w.clitic == 0 && w.is(class::STOP | class::DIRECTION));
    ctx.gaz[next].is_none() && !n.definite && n.clitic == 0 && (verb || participle) && goes_on
}

/// The first words of two-word place names (بيت لحم، خان يونس، أبو حمام، دير حافر), after a
/// singular head (بلدة X) and in a list after a plural one (قرى X وY).
pub(super) const PLACE_COMPOUND_FIRST: [&str; 18] = [
    "بيت", "دير", "كفر", "عين", "تل", "راس", "خان", "بئر", "بير", "بني", "ام", "ابو", "باب", "سوق",
    "جبل", "وادي", "قصر", "برج",
];

/// The end of a place name starting at `next`: a compound (بيت لحم، خان يونس) or a construct
/// with a definite genitive, and a place adjective after it (المدينة القديمة; not for a GPE).
fn place_name_end(ctx: &Ctx, next: usize, label: &Label) -> usize {
    let compound = PLACE_COMPOUND_FIRST.contains(&ctx.stem(next));
    let mut last = next;
    let construct = !ctx.toks[next].definite
        && ctx.word(next + 1).is_some_and(|w| {
            w.definite && w.clitic == 0 && !w.is(NAME_STOP) && !nisba(ctx.stem(next + 1))
        });
    if (compound || construct) && ctx.word(next + 1).is_some_and(|w| !w.is(NAME_STOP)) {
        last = next + 1;
    }
    if ctx
        .word(last + 1)
        .is_some_and(|_| nisba(ctx.stem(last + 1)))
        && *label != Label::GPE
    {
        last += 1;
    }
    last
}
