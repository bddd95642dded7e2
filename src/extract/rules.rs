//! The extraction rules over analysed tokens: gazetteer lookup, person titles, organisation /
//! place / facility / event head nouns with their genitive chains, dates and times, numbers,
//! percentages and money. Each rule reports normalised byte ranges.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use super::lexicon::{class, completes_month};
use super::tokens::{Token, TokenKind, verb_shaped};
use super::wordlists as lists;
use crate::annotate::Label;
use crate::text::normalize::normalize_str;

/// A rule's finding, in normalised bytes.
#[derive(Debug, Clone)]
pub struct Found {
    pub range: Range<usize>,
    pub label: Label,
    pub by: &'static str,
    pub score: f32,
}

struct Ctx<'a> {
    norm: &'a str,
    toks: &'a [Token],
    /// For each token, the label and end token (exclusive) of the longest gazetteer entry
    /// starting at its stem.
    gaz: Vec<Option<(Label, usize)>>,
    out: Vec<Found>,
}

const NAME_STOP: u32 = class::STOP
    | class::CUE
    | class::TITLE
    | class::ORG_HEAD
    | class::GPE_HEAD
    | class::FAC_HEAD
    | class::MONTH
    | class::MONTH_FIRST
    | class::WEEKDAY
    | class::YEAR_WORD
    | class::RELATIVE_DATE
    | class::PERIOD_WORD
    | class::NUMBER_WORD
    | class::CURRENCY
    | class::DAY_PART
    | class::NORP
    | class::ORG_STANDALONE;

impl<'a> Ctx<'a> {
    fn word(&self, i: usize) -> Option<&'a Token> {
        self.toks.get(i).filter(|t| t.kind == TokenKind::Word)
    }

    fn stem(&self, i: usize) -> &'a str {
        self.toks[i].stem(self.norm)
    }

    fn stem_start(&self, i: usize) -> usize {
        self.toks[i].range.start + self.toks[i].clitic
    }

    fn push(&mut self, first: usize, last: usize, label: Label, by: &'static str, score: f32) {
        let start = self.stem_start(first);
        let end = self.toks[last].range.end;
        if start < end {
            self.out.push(Found {
                range: start..end,
                label,
                by,
                score,
            });
        }
    }

    fn is_punct(&self, i: usize, chars: &str) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.kind == TokenKind::Punct
                && self.norm[t.range.clone()]
                    .chars()
                    .next()
                    .is_some_and(|c| chars.contains(c))
        })
    }

    fn number(&self, i: usize) -> Option<u32> {
        let t = self.toks.get(i)?;
        if t.kind != TokenKind::Number {
            return None;
        }
        self.norm[t.range.start + t.clitic..t.range.end]
            .parse()
            .ok()
    }

    fn is_class(&self, i: usize, flags: u32) -> bool {
        self.word(i).is_some_and(|t| t.is(flags))
    }
}

/// Runs every rule over the tokens of a normalised text.
pub fn run(norm: &str, toks: &[Token]) -> Vec<Found> {
    let mut gaz = vec![None; toks.len()];
    for (i, t) in toks.iter().enumerate() {
        let Some(hit) = t.gazetteer.as_ref().filter(|_| t.kind == TokenKind::Word) else {
            continue;
        };
        let end = toks[i..]
            .iter()
            .position(|x| x.range.end >= hit.end)
            .map_or(toks.len(), |p| i + p + 1);
        gaz[i] = Some((hit.entry.label.clone(), end));
    }
    let mut ctx = Ctx {
        norm,
        toks,
        gaz,
        out: Vec::new(),
    };
    gazetteer_rule(&mut ctx);
    org_rule(&mut ctx);
    place_rule(&mut ctx);
    person_rule(&mut ctx);
    date_rule(&mut ctx);
    number_rule(&mut ctx);
    norp_rule(&mut ctx);
    ctx.out
}

fn gazetteer_rule(ctx: &mut Ctx) {
    let mut covered_until = 0;
    let mut covered_label = None;
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
        let by = match hit.entry.list {
            "people" => "gazetteer:people",
            "organizations" => "gazetteer:organizations",
            _ => "gazetteer:places",
        };
        ctx.out.push(Found {
            range: start..hit.end,
            label,
            by,
            score: 0.8,
        });
    }
}

/// A ل-phrase that belongs to an organisation's name: للأنباء، للتنمية (ل + article), or
/// لحقوق الإنسان، لشؤون اللاجئين (ل + a construct noun of purpose + a definite noun).
fn is_lam_complement(ctx: &Ctx, i: usize) -> bool {
    let Some(t) = ctx.word(i) else { return false };
    let raw = t.text(ctx.norm);
    // للجنة، للرئيس: a new organisation or a person begins there.
    if t.is(class::ORG_HEAD | class::GPE_HEAD | class::TITLE) {
        return false;
    }
    if raw.starts_with("لل") && raw.chars().count() > 4 {
        return true;
    }
    let purpose = matches!(
        raw,
        "لحقوق"
            | "لشوون"
            | "لشؤون"
            | "لرعايه"
            | "لاغاثه"
            | "لتنميه"
            | "لدعم"
            | "لمكافحه"
            | "لتحرير"
            | "لحمايه"
            | "لانقاذ"
            | "لدراسات"
            | "لابحاث"
            | "لمراقبه"
            | "لتنسيق"
    );
    purpose && ctx.word(i + 1).is_some_and(|n| n.definite)
}

/// Gazetteer names that are also ordinary words (الشرق "the east", العربية "Arab", فتح
/// "opened", الجزيرة "the island"): taken only where the context marks a name.
static GAZETTEER_NAMES_ALSO_WORDS: LazyLock<HashSet<String>> =
    LazyLock::new(|| normalised(lists::GAZETTEER_NAMES_ALSO_WORDS));
/// Units of time counted after a number (`8 سنوات`).
static DURATION_UNITS: LazyLock<HashSet<String>> =
    LazyLock::new(|| normalised(lists::DURATION_UNITS));
/// Dual units of time, a duration on their own (`عامين`).
static DURATION_DUALS: LazyLock<HashSet<String>> =
    LazyLock::new(|| normalised(lists::DURATION_DUALS));

/// The normalised entries of a word list.
fn normalised(list: &'static str) -> HashSet<String> {
    lists::entries(list).map(normalize_str).collect()
}

/// A quote, a preposition of source (لـ، بحسب) or an outlet noun right before the name, or a
/// quote right after it.
fn name_context(ctx: &Ctx, first: usize, end: usize) -> bool {
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
        )
    });
    quoted || cue
}

/// Is token `i` a plausible continuation of an organisation or place name after its head?
fn chain_word(ctx: &Ctx, i: usize, first: bool, head_definite: bool) -> bool {
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
    if ctx.gaz[i].is_some() {
        // بهونغ كونغ after an organisation is where it is, not part of its name.
        return t.clitic == 0 || raw.starts_with('ل');
    }
    let stem = ctx.stem(i);
    if first {
        // A definite head takes adjectives only (الحركة الطلابية), never a genitive noun;
        // an indefinite adjective after an indefinite head (جمعية خيرية) means no name.
        if head_definite {
            return t.definite || lam_complement;
        }
        let indefinite_adjective =
            !t.definite && (stem.ends_with("يه") || super::lexicon::is_adjective(stem));
        return !verb_shaped(stem)
            && !t.is(class::NUMBER_WORD)
            && !indefinite_adjective
            && !clitic_shaped(stem);
    }
    // After the first word: definite nouns and adjectives, and ل/لل complements
    // (المرصد السوري لحقوق الإنسان، وكالة الأنباء للأنباء).
    t.definite || lam_complement
}

/// Ends like a nisba adjective (العثمانية، الروماني), whether or not it is in the list.
fn nisba_shaped(stem: &str) -> bool {
    stem.starts_with("ال") && (stem.ends_with("يه") || stem.ends_with('ي'))
}

fn nisba(stem: &str) -> bool {
    stem.starts_with("ال") && super::lexicon::is_adjective(stem)
}

/// Extends a head at `head` over its genitive chain; returns the last token of the phrase.
fn chain(ctx: &Ctx, head: usize, max: usize) -> Option<usize> {
    let mut last = None;
    // Where the phrase may safely end: a definite word, a gazetteer name or the first word.
    // A run of indefinite construct nouns (هيئة سوق رأس المال) must reach a definite word.
    let mut solid = None;
    // After a proper name (تنظيم داعش) only adjectives and ل-complements continue.
    let mut after_name = false;
    let mut coordinated = false;
    let mut i = head + 1;
    while i < ctx.toks.len() && i <= head + max {
        let t = &ctx.toks[i];
        let raw = t.text(ctx.norm);
        // One coordination of definite nouns: التربية والتعليم، الأغذية والزراعة.
        let coordination = !coordinated
            && i > head + 1
            && t.kind == TokenKind::Word
            && (raw.starts_with("وال") && raw.chars().count() > 4)
            && ctx.toks[i - 1].definite
            && !nisba(ctx.stem(i - 1))
            && ctx.gaz[i].is_none();
        if coordination {
            coordinated = true;
            last = Some(i);
            solid = last;
            after_name = false;
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
        let stem = ctx.stem(i);
        let lam = is_lam_complement(ctx, i);
        // A definite non-nisba word after an earlier definite one is usually the next phrase
        // (وزارة الداخلية القضاء…): allow it only directly after the head or a construct noun.
        if i > head + 1 {
            let prev = &ctx.toks[i - 1];
            let after_construct = !prev.definite && !after_name;
            let indefinite_run = !t.definite
                && after_construct
                && !lam
                && !verb_shaped(stem)
                && !clitic_shaped(stem)
                && !stem.ends_with("يه")
                && !t.is(NAME_STOP);
            if !(nisba(stem) || (after_construct && t.definite) || lam || indefinite_run) {
                break;
            }
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

fn org_rule(ctx: &mut Ctx) {
    for i in 0..ctx.toks.len() {
        let Some(t) = ctx.word(i) else { continue };
        if t.is(class::ORG_HEAD) {
            match chain(ctx, i, 5) {
                Some(last) => ctx.push(i, last, Label::ORG, "rule:org-head", 0.6),
                None if t.is(class::ORG_STANDALONE) => {
                    ctx.push(i, i, Label::ORG, "rule:org-head", 0.4)
                }
                None => {}
            }
        } else if t.is(class::ORG_STANDALONE) && !ctx.is_class(i.wrapping_sub(1), class::TITLE) {
            // الداخلية السورية، الخارجية الأمريكية: ministries by their short name.
            let last = match ctx.word(i + 1) {
                Some(_) if nisba(ctx.stem(i + 1)) => i + 1,
                _ => i,
            };
            if last > i
                || matches!(
                    ctx.stem(i),
                    "الحكومه" | "الجيش" | "الشرطه" | "البرلمان" | "الكنيست" | "الكونغرس"
                )
            {
                ctx.push(i, last, Label::ORG, "rule:org-head", 0.4);
            }
        }
    }
}

fn place_rule(ctx: &mut Ctx) {
    for i in 0..ctx.toks.len() {
        let Some(t) = ctx.word(i) else { continue };
        let (label, by) = if t.is(class::GPE_HEAD) {
            (Label::GPE, "rule:place-head")
        } else if t.is(class::FAC_HEAD) {
            (Label::FAC, "rule:facility-head")
        } else if t.is(class::LOC_HEAD) {
            (Label::LOC, "rule:place-head")
        } else if t.is(class::EVENT_HEAD) {
            (Label::EVENT, "rule:event-head")
        } else {
            continue;
        };
        // عن طريق "by way of", من ناحية "as for", ساحة المعركة: not places.
        let before = i.wrapping_sub(1);
        if ctx.word(before).is_some_and(|_| {
            matches!(
                (ctx.stem(before), ctx.stem(i)),
                ("عن", "طريق") | ("من", "ناحيه") | ("في", "ناحيه") | ("من", "جهه")
            )
        }) {
            continue;
        }
        // The name right after the head: a gazetteer place, or one or two name words.
        let next = i + 1;
        let Some(n) = ctx.word(next) else { continue };
        // An indefinite adjective (دولة أجنبية، منطقة أثرية) is not a name.
        if ctx.gaz[next].is_none()
            && !n.definite
            && (ctx.stem(next).ends_with("يه") || super::lexicon::is_adjective(ctx.stem(next)))
        {
            continue;
        }
        if n.is(NAME_STOP & !class::GPE_HEAD & !class::ORG_STANDALONE) && ctx.gaz[next].is_none() {
            continue;
        }
        // Another head (مدينة + حي…) or a gazetteer entry decides the extent.
        let last = if let Some((_, end)) = ctx.gaz[next] {
            end - 1
        } else if label == Label::EVENT {
            match ctx.number(next).or_else(|| ctx.word(next).map(|_| 0)) {
                Some(_) if ctx.toks[next].definite => next,
                _ => continue,
            }
        } else {
            if verb_shaped(ctx.stem(next)) || n.has_conjunction(ctx.norm) {
                continue;
            }
            // Compound names: بيت لحم، دير ياسين، كفر قاسم، رأس العين، خان يونس.
            let compound = matches!(
                ctx.stem(next),
                "بيت"
                    | "دير"
                    | "كفر"
                    | "عين"
                    | "تل"
                    | "راس"
                    | "خان"
                    | "بئر"
                    | "بني"
                    | "ام"
                    | "ابو"
                    | "باب"
                    | "سوق"
                    | "جبل"
                    | "وادي"
                    | "قصر"
                    | "برج"
            );
            let mut last = next;
            let construct = !n.definite
                && ctx.word(next + 1).is_some_and(|w| {
                    w.definite && w.clitic == 0 && !w.is(NAME_STOP) && !nisba(ctx.stem(next + 1))
                });
            if (compound || construct) && ctx.word(next + 1).is_some_and(|w| !w.is(NAME_STOP)) {
                last = next + 1;
            }
            // A place adjective: المدينة القديمة، الحي الشرقي.
            if ctx
                .word(last + 1)
                .is_some_and(|_| nisba(ctx.stem(last + 1)))
                && label != Label::GPE
            {
                last += 1;
            }
            last
        };
        // Events take a year after them: حرب 1967، الانتفاضة الأولى 1987.
        let mut last = last;
        if label == Label::EVENT {
            if ctx.number(last + 1).is_some() {
                last += 1;
            }
            ctx.push(i, last, label, by, 0.4);
            continue;
        }
        ctx.push(i, last, label.clone(), by, 0.6);
        // The name inside is a place of its own when nothing else says what it is.
        if label == Label::GPE && ctx.gaz[next].is_none() && !ctx.toks[next].is(class::GPE_HEAD) {
            ctx.push(next, last, Label::GPE, by, 0.4);
        }
    }
}

/// Where a person's name starts after a title at `title`, skipping the title's complement
/// (وزير الخارجية الأمريكي، المتحدث باسم وزارة الداخلية السورية).
fn name_start_after_title(ctx: &Ctx, title: usize) -> Option<usize> {
    let mut i = title + 1;
    // Abbreviated titles are followed by a full stop: د . حسن، أ. محمد.
    if ctx.stem(title).chars().count() == 1 && ctx.is_punct(i, ".") {
        i += 1;
    }
    let limit = i + 7;
    let weak = ctx.toks[title].is(class::WEAK_TITLE);
    let honorific = ctx.toks[title].is(class::HONORIFIC);
    // Right after an honorific a definite word ending like a family name is the name itself
    // (الدكتور الخليدي، الشيخ الحسيني), unless it is a nationality or institution adjective.
    if honorific
        && let Some(t) = ctx.word(i)
        && t.definite
        && t.clitic == 0
        && ctx.gaz[i].is_none()
        && ctx.stem(i).ends_with('ي')
        && !super::lexicon::is_adjective(ctx.stem(i))
        && !t.is(NAME_STOP)
    {
        return Some(i);
    }
    while i < ctx.toks.len() && i < limit {
        let t = ctx.word(i)?;
        let stem = ctx.stem(i);
        if ctx.gaz[i]
            .as_ref()
            .is_some_and(|(label, _)| *label == Label::PERSON)
        {
            return Some(i);
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
            return Some(i);
        }
        if weak {
            return None;
        }
        let complement = t.definite
            || stem == "باسم"
            || t.is(class::ORG_HEAD | class::GPE_HEAD | class::TITLE)
            || ctx.gaz[i].is_some()
            || (t.clitic > 0 && ctx.norm[t.range.clone()].starts_with('ل'));
        if complement {
            i = ctx.gaz[i]
                .as_ref()
                .map_or(i + 1, |(_, end)| (*end).max(i + 1));
            continue;
        }
        // An indefinite title (مدير، رئيس، وزير) is followed by its genitive complement, so
        // a plain word right after it is the complement (مدير علماء …), not a name.
        if i == title + 1 && !honorific && !ctx.toks[title].definite {
            return None;
        }
        // An honorific is followed by a name almost always, so a name that looks like a
        // preposition plus a noun (السيد براق) is still taken after one.
        if t.is(NAME_STOP)
            || verb_shaped(stem)
            || t.has_conjunction(ctx.norm)
            || (clitic_shaped(stem) && !honorific)
        {
            return None;
        }
        return Some(i);
    }
    None
}

/// Looks like a preposition or conjunction glued to a noun (بتاريخ، لمنحه، وأعضاء) rather
/// than a name: names rarely carry proclitics, and known names are checked before this.
fn clitic_shaped(stem: &str) -> bool {
    let mut chars = stem.chars();
    let first = chars.next();
    let rest = chars.count();
    rest < 1 || (matches!(first, Some('ب' | 'ل' | 'و')) && rest >= 3)
}

/// Words that introduce a person's name in captions and reports (مقابلة مع X، رسالة من X).
fn introduces_person(ctx: &Ctx, i: usize) -> bool {
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
fn name_end(ctx: &Ctx, first: usize) -> usize {
    name_end_with(ctx, first, false)
}

/// [`name_end`]; `after_title` lets a foreign surname that looks like a preposition plus a
/// noun (ليفيت، بوريل) continue a name that a title introduced.
fn name_end_with(ctx: &Ctx, first: usize, after_title: bool) -> usize {
    if let Some((label, end)) = &ctx.gaz[first]
        && *label == Label::PERSON
    {
        return end - 1;
    }
    let mut last = first;
    let mut i = first + 1;
    while i < ctx.toks.len() && i <= first + 3 {
        let Some(t) = ctx.word(i) else { break };
        let stem = ctx.stem(i);
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
        if t.is(NAME_STOP & !class::ORG_STANDALONE) || verb_shaped(stem) {
            break;
        }
        // A glued و or ب before an unknown word is a conjunction or preposition (وطبيعة،
        // بدنا), and one-letter tokens are particles.
        let known = t.is(class::GIVEN_NAME);
        let glued = clitic_shaped(stem) && !(after_title && i == first + 1);
        if !known && (glued || stem.starts_with('و') || stem.chars().count() < 2) {
            break;
        }
        if ctx.gaz[i]
            .as_ref()
            .is_some_and(|(label, _)| *label != Label::PERSON)
        {
            break;
        }
        if t.definite && !(nisba(stem) || stem.chars().count() >= 5 || i == first + 1) {
            break;
        }
        // A third plain word is a name only when it is a known given name (محمد أحمد علي);
        // otherwise it is usually the sentence going on (كارولين ليفيت بياناً).
        if !t.definite && i > first + 1 && !t.is(class::GIVEN_NAME) {
            break;
        }
        last = i;
        i += 1;
    }
    last
}

fn person_rule(ctx: &mut Ctx) {
    let mut i = 0;
    while i < ctx.toks.len() {
        let Some(t) = ctx.word(i) else {
            i += 1;
            continue;
        };
        if t.is(class::TITLE)
            && let Some(first) = name_start_after_title(ctx, i)
        {
            let last = name_end_with(ctx, first, true);
            let score = if t.is(class::HONORIFIC) { 0.7 } else { 0.6 };
            ctx.push(first, last, Label::PERSON, "rule:title", score);
            i = last + 1;
            continue;
        }
        // مقابلة مع X، رسالة من X
        if introduces_person(ctx, i)
            && let Some(n) = ctx.word(i + 1)
            && (n.is(class::GIVEN_NAME)
                || ctx.gaz[i + 1]
                    .as_ref()
                    .is_some_and(|(l, _)| *l == Label::PERSON))
            && !n.is(NAME_STOP)
            && n.clitic == 0
            && !n.definite
            && !verb_shaped(ctx.stem(i + 1))
        {
            let last = name_end(ctx, i + 1);
            ctx.push(i + 1, last, Label::PERSON, "rule:name-intro", 0.5);
            i = last + 1;
            continue;
        }
        // Kunya: أبو عمار، أم كريم، أبو الوليد (not a village: قرية أم الزينات).
        if matches!(ctx.stem(i), "ابو" | "ام")
            && t.clitic == 0
            && ctx.gaz[i].is_none()
            && !ctx.is_class(i.wrapping_sub(1), class::GPE_HEAD)
            && let Some(n) = ctx.word(i + 1)
            && ctx.gaz[i + 1].is_none()
            && n.clitic == 0
            && (n.is(class::GIVEN_NAME)
                || (n.definite && !n.is(NAME_STOP) && !nisba(ctx.stem(i + 1))))
        {
            let last = i + 1;
            ctx.push(i, last, Label::PERSON, "rule:kunya", 0.5);
            i = last + 1;
            continue;
        }
        // A speaker's name at the start of a line of dialogue: «عماد : …».
        let line_start = i == 0 || ctx.toks[i - 1].kind == TokenKind::Break;
        if line_start && t.is(class::GIVEN_NAME) && t.clitic == 0 && ctx.is_punct(i + 1, ":") {
            ctx.push(i, i, Label::PERSON, "rule:speaker", 0.5);
            i += 2;
            continue;
        }
        // A given name followed by more of a name (خليل السكاكيني، سليمان أبو العز).
        // Only a conjunction may be glued to it: برقية is ب + رقية only in form.
        let glued_ok = t.clitic == 0 || ctx.norm[t.range.clone()].starts_with('و');
        if t.is(class::GIVEN_NAME)
            && !t.is(class::AMBIGUOUS_NAME)
            && glued_ok
            && ctx.gaz[i].is_none()
            && !ctx.is_class(i.wrapping_sub(1), class::TITLE)
        {
            let last = name_end(ctx, i);
            if last > i {
                ctx.push(i, last, Label::PERSON, "rule:given-name", 0.5);
                i = last + 1;
                continue;
            }
            // A lone given name that is not also a common word.
            if t.clitic == 0 {
                ctx.push(i, i, Label::PERSON, "rule:given-name", 0.4);
            }
        }
        i += 1;
    }
}

fn month_at(ctx: &Ctx, i: usize) -> Option<usize> {
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
fn number_at(ctx: &Ctx, i: usize) -> Option<(usize, u32)> {
    if let Some(n) = ctx.number(i) {
        return Some((i, n));
    }
    if ctx.is_punct(i, "(") && ctx.is_punct(i + 2, ")") {
        return ctx.number(i + 1).map(|n| (i + 2, n));
    }
    None
}

/// Is number token `i` part of a longer number written with separators (1,250 or 2.5)?
fn glued_number_part(ctx: &Ctx, i: usize) -> bool {
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
fn year_range_end(ctx: &Ctx, last: usize) -> usize {
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
fn numeric_date(ctx: &Ctx, i: usize) -> Option<(usize, usize)> {
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
fn widen_date(ctx: &Ctx, first: usize, last: usize) -> (usize, usize) {
    let before = first.wrapping_sub(1);
    if ctx.word(before).is_some_and(|_| {
        ctx.stem(before) == "تاريخ" || ctx.norm[ctx.toks[before].range.clone()].ends_with("تاريخ")
    }) {
        (before, last)
    } else {
        (first, last)
    }
}

/// Durations and periods: 8 سنوات، ثلاث سنوات، عامين، لعدة أيام، السنوات الماضية.
fn duration_at(ctx: &Ctx, i: usize) -> Option<usize> {
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

fn date_rule(ctx: &mut Ctx) {
    let n = ctx.toks.len();
    let mut i = 0;
    while i < n {
        let start = i;
        // Numeric dates: d/m/yyyy, yyyy-mm-dd (tokens: N / N / N), with the parentheses and
        // the word تاريخ that often surround them: بتاريخ ( 26 / 4 / 1948 ).
        if let Some((first, last)) = numeric_date(ctx, i) {
            let (first, last) = widen_date(ctx, first, last);
            ctx.push(first, last, Label::DATE, "rule:date", 0.8);
            i = last + 1;
            continue;
        }
        // [day] MONTH [/ MONTH] [year]
        let day = ctx.number(i).filter(|d| (1..=31).contains(d));
        let month_start = if day.is_some() { i + 1 } else { i };
        if let Some(month_end) = month_at(ctx, month_start) {
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
            // شباط ( 28 / 2 / 1945 )
            if let Some((_, l)) = numeric_date(ctx, last + 1) {
                last = widen_date(ctx, last + 1, l).1;
            }
            let ambiguous = ctx.is_class(month_start, class::MONTH_AMBIGUOUS);
            let preceded_by_month_word = start > 0
                && ctx
                    .word(start - 1)
                    .is_some_and(|_| matches!(ctx.stem(start - 1), "شهر" | "الشهر"));
            if !ambiguous || day.is_some() || year.is_some() || preceded_by_month_word {
                let first = if preceded_by_month_word {
                    start - 1
                } else {
                    start
                };
                ctx.push(first, last, Label::DATE, "rule:date", 0.8);
                i = last + 1;
                continue;
            }
        }
        if let Some(last) = duration_at(ctx, i) {
            let label = if ctx.word(last).is_some_and(|_| {
                matches!(
                    ctx.stem(last),
                    "ساعات" | "ساعه" | "دقايق" | "دقيقه" | "ثانيه" | "ساعتين"
                )
            }) {
                Label::TIME
            } else {
                Label::DATE
            };
            ctx.push(i, last, label, "rule:duration", 0.5);
            i = last + 1;
            continue;
        }
        let Some(t) = ctx.toks.get(i) else { break };
        if t.kind == TokenKind::Word {
            // الفترة العثمانية، العهد العثماني، الحقبة الاستعمارية
            if matches!(ctx.stem(i), "الفتره" | "الحقبه" | "العهد" | "العصر")
                && ctx
                    .word(i + 1)
                    .is_some_and(|n| n.definite && n.clitic == 0 && nisba_shaped(ctx.stem(i + 1)))
            {
                ctx.push(i, i + 1, Label::DATE, "rule:period", 0.5);
                i += 2;
                continue;
            }
            // السنوات الماضية، هذا العام
            if matches!(
                ctx.stem(i),
                "السنوات" | "الاعوام" | "الايام" | "الاشهر" | "الشهور" | "العقود"
            ) && ctx.word(i + 1).is_some_and(|_| {
                ctx.is_class(i + 1, class::PERIOD_WORD)
                    || matches!(ctx.stem(i + 1), "الاخيره" | "الاولي" | "المقبله" | "القليله")
            }) {
                ctx.push(i, i + 1, Label::DATE, "rule:date", 0.6);
                i += 2;
                continue;
            }
            if matches!(ctx.stem(i), "هذا" | "هذه")
                && ctx.word(i + 1).is_some_and(|_| {
                    matches!(
                        ctx.stem(i + 1),
                        "العام" | "السنه" | "الاسبوع" | "الشهر" | "الصباح" | "المساء"
                    )
                })
            {
                ctx.push(i, i + 1, Label::DATE, "rule:date", 0.6);
                i += 2;
                continue;
            }
            // (يوم)? WEEKDAY, with a following date or day part.
            if t.is(class::WEEKDAY) && (t.definite || ctx.stem(i) == "يوم") {
                let next_is_assembly = ctx
                    .word(i + 1)
                    .is_some_and(|_| matches!(ctx.stem(i + 1), "العامه" | "الخيريه"));
                if !next_is_assembly {
                    let introduced = i > 0
                        && (ctx.is_class(i - 1, class::DAY_PART)
                            || ctx.word(i - 1).is_some_and(|_| ctx.stem(i - 1) == "يوم"));
                    let first = if introduced { i - 1 } else { i };
                    ctx.push(first, i, Label::DATE, "rule:date", 0.7);
                    i += 1;
                    continue;
                }
            }
            // عام|سنة ( N ) [هـ|م]
            if t.is(class::YEAR_WORD) {
                if let Some((last, y)) = number_at(ctx, i + 1)
                    && (100..=2200).contains(&y)
                {
                    let mut last = year_range_end(ctx, last);
                    if ctx.is_class(last + 1, class::ERA) {
                        last += 1;
                    }
                    ctx.push(i, last, Label::DATE, "rule:date", 0.8);
                    i = last + 1;
                    continue;
                }
                // العام الماضي، السنة المقبلة
                if ctx.is_class(i + 1, class::PERIOD_WORD) {
                    ctx.push(i, i + 1, Label::DATE, "rule:date", 0.6);
                    i += 2;
                    continue;
                }
            }
            // الأسبوع الماضي، الشهر المقبل
            if matches!(
                ctx.stem(i),
                "الاسبوع" | "الشهر" | "العقد" | "القرن" | "الفتره"
            ) && ctx.is_class(i + 1, class::PERIOD_WORD)
            {
                ctx.push(i, i + 1, Label::DATE, "rule:date", 0.6);
                i += 2;
                continue;
            }
            // صباح/مساء + اليوم/أمس/WEEKDAY
            if t.is(class::DAY_PART) && ctx.is_class(i + 1, class::RELATIVE_DATE | class::WEEKDAY) {
                ctx.push(i, i + 1, Label::DATE, "rule:date", 0.6);
                i += 2;
                continue;
            }
            if t.is(class::RELATIVE_DATE) && t.clitic == 0 {
                let label = if matches!(ctx.stem(i), "الان" | "حاليا") {
                    Label::TIME
                } else {
                    Label::DATE
                };
                ctx.push(i, i, label, "rule:relative-date", 0.5);
                i += 1;
                continue;
            }
            // الساعة HH(:MM)? (صباحا|مساء)?
            if ctx.stem(i) == "الساعه" && ctx.number(i + 1).is_some() {
                let mut last = i + 1;
                if ctx.is_punct(last + 1, ":") && ctx.number(last + 2).is_some() {
                    last += 2;
                }
                if ctx.is_class(last + 1, class::TIME_WORD) {
                    last += 1;
                }
                ctx.push(i, last, Label::TIME, "rule:time", 0.7);
                i = last + 1;
                continue;
            }
        }
        // A year in parentheses with its era: ( 1343 ) هجري.
        if ctx.is_punct(i, "(")
            && let Some(y) = ctx.number(i + 1)
            && (500..=2200).contains(&y)
            && ctx.is_punct(i + 2, ")")
            && ctx.is_class(i + 3, class::ERA)
        {
            ctx.push(i, i + 3, Label::DATE, "rule:year", 0.6);
            i += 4;
            continue;
        }
        // A bare year: 1800–2100, or a Hijri-range year in parentheses (not a count of
        // something, not part of a decimal or thousands-separated number).
        let in_parens = ctx.is_punct(i.wrapping_sub(1), "(") && ctx.is_punct(i + 1, ")");
        let year_range = if in_parens { 1000..=2100 } else { 1800..=2100 };
        if let Some(y) = ctx.number(i)
            && year_range.contains(&y)
            && ctx.toks[i].range.len() - ctx.toks[i].clitic == 4
            && !ctx.is_class(i + 1, class::CURRENCY | class::SCALE | class::PERCENT_WORD)
            && !ctx.is_punct(i + 1, "%")
            && !glued_number_part(ctx, i)
        {
            let last = year_range_end(ctx, i);
            ctx.push(i, last, Label::DATE, "rule:year", 0.4);
            i = last + 1;
            continue;
        }
        i += 1;
    }
}

fn number_rule(ctx: &mut Ctx) {
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

fn norp_rule(ctx: &mut Ctx) {
    for i in 0..ctx.toks.len() {
        let Some(t) = ctx.word(i) else { continue };
        let stem = ctx.stem(i);
        // Peoples by nationality: السوريون، الفلسطينيين (not الحاليين "the current ones").
        let plural_nisba = stem.starts_with("ال")
            && (stem.ends_with("يون") || stem.ends_with("يين"))
            && super::lexicon::is_adjective(stem)
            && !matches!(
                stem,
                "الدوليين"
                    | "الدوليون"
                    | "المحليين"
                    | "المحليون"
                    | "الرسميين"
                    | "الرسميون"
                    | "الامنيين"
                    | "الامنيون"
                    | "العسكريين"
                    | "العسكريون"
                    | "المدنيين"
                    | "المدنيون"
                    | "الحكوميين"
            );
        if t.is(class::NORP) {
            ctx.push(i, i, Label::NORP, "rule:norp", 0.6);
        } else if plural_nisba {
            ctx.push(i, i, Label::NORP, "rule:nisba", 0.4);
        }
    }
}
