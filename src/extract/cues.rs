//! Attribution suggestions: finds source–cue–claim triples in Arabic news text from a cue lexicon
//! (verbs of saying in their inflections, `بحسب`/`وفقاً لـ`/`نقلاً عن`, anonymous sources, direct
//! quotes before or after the speaker) and the claim templates of `notes/arabic-extraction.md`
//! §3.3 (listed in `docs/extraction.md`). Output is plain data with article byte ranges; turning
//! it into annotations is the caller's business.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use crate::annotate::model;
use crate::annotate::model::{QuoteType, SourceType};
use crate::article::Article;
use crate::text::normalize::{is_arabic_mark, is_invisible, normalize_str as fold_str};

/// What kind of word the cue is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CueType {
    VerbOfSaying,
    VerbOfBelief,
    /// `بحسب`, `وفقاً لـ`, `نقلاً عن`, `على لسان`.
    Preposition,
    /// `إعلان`, `تصريح`.
    Noun,
}

impl CueType {
    pub fn as_str(self) -> &'static str {
        match self {
            CueType::VerbOfSaying => "verb_of_saying",
            CueType::VerbOfBelief => "verb_of_belief",
            CueType::Preposition => "preposition",
            CueType::Noun => "noun",
        }
    }
}

/// The source's stance toward the claim, as the cue expresses it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stance {
    Asserts,
    Denies,
    Believes,
    Predicts,
}

impl Stance {
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Asserts => "asserts",
            Stance::Denies => "denies",
            Stance::Believes => "believes",
            Stance::Predicts => "predicts",
        }
    }
}

/// Which template produced a suggestion; recorded as the suggestion's origin (`cues:<name>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Template {
    /// `CUE SOURCE أن CLAIM` (verb–subject–object, the common news order).
    Vso,
    /// `SOURCE CUE أن CLAIM`.
    Svo,
    /// A cue verb with no subject (`وأضاف أن`), linked to an earlier source.
    ProDrop,
    /// An adverbial participle (`مشيراً إلى أن`, `قائلاً:`) continuing the sentence's source.
    Participle,
    /// A passive cue (`قيل`, `أُفيد`): the source is not named.
    Passive,
    /// `CLAIM، بحسب SOURCE` or `بحسب SOURCE، CLAIM`.
    Preposition,
    /// `نقلت OUTLET عن SOURCE قوله إن CLAIM`: the inner attribution.
    Relay,
    /// A cue followed by quotations and no complement clause.
    Quotation,
    /// A quotation first, its speaker after it (`«…»، قال الوزير`).
    Postposed,
    /// A cue noun (`إعلان X رفع العقوبات`).
    Noun,
}

impl Template {
    pub fn as_str(self) -> &'static str {
        match self {
            Template::Vso => "vso",
            Template::Svo => "svo",
            Template::ProDrop => "pro_drop",
            Template::Participle => "participle",
            Template::Passive => "passive",
            Template::Preposition => "preposition",
            Template::Relay => "relay",
            Template::Quotation => "quotation",
            Template::Postposed => "postposed",
            Template::Noun => "noun",
        }
    }
}

/// A suggested source mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceSuggestion {
    /// The whole noun phrase (`المتحدث باسم وزارة الداخلية السورية نور الدين البابا`).
    pub span: Range<usize>,
    /// The personal name inside it when one was recognised, else the whole phrase.
    pub name: Range<usize>,
    pub source_type: SourceType,
}

/// A suggested claim.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimSuggestion {
    pub span: Range<usize>,
    pub quote_type: QuoteType,
}

/// A suggested link between a claim and a source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttributionSuggestion {
    /// Index into [`CueSuggestions::claims`].
    pub claim: usize,
    /// Index into [`CueSuggestions::sources`]; `None` for passive cues with no resolvable source.
    pub source: Option<usize>,
    /// The cue words (without a و/ف prefix).
    pub cue: Range<usize>,
    /// Dictionary form of the cue (`قال`, `بحسب`).
    pub lemma: &'static str,
    pub cue_type: CueType,
    pub quote_type: QuoteType,
    pub stance: Stance,
    /// `true` for cues by which the writer distances themself (`زعم`, `ادعى`).
    pub distancing: bool,
    pub template: Template,
    /// Index of the attribution this one is relayed through (`نقلت وكالة … عن مسؤول …`,
    /// `… بحسب موقع …`).
    pub nested_in: Option<usize>,
}

/// Everything suggested for one text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CueSuggestions {
    pub sources: Vec<SourceSuggestion>,
    pub claims: Vec<ClaimSuggestion>,
    pub attributions: Vec<AttributionSuggestion>,
}

/// Suggestions for an article.
pub fn suggest_article(article: &Article) -> CueSuggestions {
    suggest(&article.text, &article.paragraphs)
}

/// Suggestions for `text` split into `paragraphs` (byte ranges; out-of-range or non-boundary
/// ranges are skipped). A pro-drop cue may link to a source of the previous paragraph.
pub fn suggest(text: &str, paragraphs: &[Range<usize>]) -> CueSuggestions {
    let mut out = CueSuggestions::default();
    let mut previous_sources: Vec<Antecedent> = Vec::new();
    for range in paragraphs {
        let Some(paragraph) = text.get(range.clone()) else {
            continue;
        };
        let tokens = tokenize(paragraph, range.start);
        if tokens.iter().all(|t| t.kind != Kind::Word) {
            continue;
        }
        let mut parser = ParagraphParser::new(text, tokens, &previous_sources, &mut out);
        parser.run();
        let here = parser.sources_here;
        previous_sources = here;
    }
    sort_attributions(&mut out);
    out
}

/// Orders attributions by claim position, keeping `nested_in` pointing at the same attribution.
fn sort_attributions(out: &mut CueSuggestions) {
    let claims = &out.claims;
    let mut order: Vec<usize> = (0..out.attributions.len()).collect();
    order.sort_by_key(|&a| {
        let at = &out.attributions[a];
        (
            claims.get(at.claim).map_or(0, |c| c.span.start),
            at.cue.start,
            a,
        )
    });
    let mut new_index = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let mut sorted: Vec<AttributionSuggestion> = order
        .iter()
        .map(|&old| out.attributions[old].clone())
        .collect();
    for a in &mut sorted {
        a.nested_in = a.nested_in.and_then(|n| new_index.get(n).copied());
    }
    out.attributions = sorted;
}

// ---------------------------------------------------------------------------------------------
// Tokens

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Word,
    Punct(char),
    Quote(QuoteMark),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum QuoteMark {
    Open,
    Close,
    Either,
}

#[derive(Clone, Debug)]
struct Token {
    /// Article byte range.
    range: Range<usize>,
    kind: Kind,
    /// Folded form (no harakat/tatweel, letter variants unified).
    key: String,
    /// Carries tanween.
    tanween: bool,
    /// Ends in ة (folded to ه in `key`): a feminine noun, rarely a man's name (`نزيه`).
    ta_marbuta: bool,
    /// Carries fathatan, the accusative tanween of objects and adverbs (`بياناً`), which a
    /// name never takes even in fully diacritised text.
    tanween_fath: bool,
    /// Damma on the first letter after a و/ف prefix (a passive past verb when diacritised).
    damma_first: bool,
    /// Index of the matching quote mark for quote tokens.
    pair: Option<usize>,
    /// Inside a quotation (between paired marks, marks excluded).
    quoted: bool,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || is_arabic_mark(c)
        || c == '\u{0640}'
        || c == '\u{200C}'
        || c == '\u{200D}'
}

fn quote_mark(c: char) -> Option<QuoteMark> {
    match c {
        '«' | '“' | '„' | '‹' => Some(QuoteMark::Open),
        '»' | '”' | '›' => Some(QuoteMark::Close),
        '"' => Some(QuoteMark::Either),
        _ => None,
    }
}

fn tokenize(paragraph: &str, base: usize) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut word_start: Option<usize> = None;
    let flush = |tokens: &mut Vec<Token>, start: usize, end: usize| {
        let raw = &paragraph[start..end];
        let key = fold_str(raw);
        if key.is_empty() {
            return;
        }
        let tanween = raw.chars().any(|c| matches!(c, '\u{064B}'..='\u{064D}'));
        let tanween_fath = raw.contains('\u{064B}');
        let mut letters = raw.chars().filter(|c| *c != '\u{0640}').peekable();
        if matches!(letters.peek(), Some('و' | 'ف')) && key.chars().count() > 3 {
            letters.next();
            while letters.peek().is_some_and(|c| is_arabic_mark(*c)) {
                letters.next();
            }
        }
        letters.next();
        let damma_first = letters.next() == Some('\u{064F}');
        tokens.push(Token {
            range: base + start..base + end,
            kind: Kind::Word,
            key,
            tanween,
            tanween_fath,
            ta_marbuta: raw
                .chars()
                .rev()
                .find(|c| !is_arabic_mark(*c) && *c != '\u{0640}')
                == Some('ة'),
            damma_first,
            pair: None,
            quoted: false,
        });
    };
    for (i, c) in paragraph.char_indices() {
        if is_word_char(c) {
            if word_start.is_none() {
                word_start = Some(i);
            }
            continue;
        }
        if let Some(start) = word_start.take() {
            flush(&mut tokens, start, i);
        }
        if c.is_whitespace() || is_invisible(c) {
            continue;
        }
        let kind = match quote_mark(c) {
            Some(mark) => Kind::Quote(mark),
            None => Kind::Punct(c),
        };
        tokens.push(Token {
            range: base + i..base + i + c.len_utf8(),
            kind,
            key: c.to_string(),
            tanween: false,
            tanween_fath: false,
            ta_marbuta: false,
            damma_first: false,
            pair: None,
            quoted: false,
        });
    }
    if let Some(start) = word_start {
        flush(&mut tokens, start, paragraph.len());
    }
    pair_quotes(&mut tokens);
    tokens
}

/// Pairs quotation marks: « » and “ ” nest; `"` alternates. Unpaired marks stay unpaired so a
/// stray mark never swallows the rest of the paragraph.
fn pair_quotes(tokens: &mut [Token]) {
    let mut stack: Vec<usize> = Vec::new();
    let mut straight_open: Option<usize> = None;
    for i in 0..tokens.len() {
        match tokens[i].kind {
            Kind::Quote(QuoteMark::Open) => stack.push(i),
            Kind::Quote(QuoteMark::Close) => {
                if let Some(open) = stack.pop() {
                    tokens[open].pair = Some(i);
                    tokens[i].pair = Some(open);
                }
            }
            Kind::Quote(QuoteMark::Either) => match straight_open.take() {
                Some(open) => {
                    tokens[open].pair = Some(i);
                    tokens[i].pair = Some(open);
                }
                None => straight_open = Some(i),
            },
            _ => {}
        }
    }
    for i in 0..tokens.len() {
        if let (Kind::Quote(_), Some(close)) = (tokens[i].kind, tokens[i].pair)
            && close > i
        {
            for t in &mut tokens[i + 1..close] {
                t.quoted = true;
            }
        }
    }
}

fn is_sentence_end(tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    if t.quoted {
        return false;
    }
    match t.kind {
        Kind::Punct('!' | '?' | '؟' | '…' | '\u{06D4}') => true,
        Kind::Punct('.') => {
            // A decimal point or an abbreviation dot inside a number is not a sentence end.
            let touching = |j: Option<&Token>, before: bool| {
                j.is_some_and(|n| {
                    n.kind == Kind::Word
                        && n.key.chars().all(|c| c.is_ascii_digit())
                        && if before {
                            n.range.end == t.range.start
                        } else {
                            n.range.start == t.range.end
                        }
                })
            };
            !(touching(i.checked_sub(1).and_then(|j| tokens.get(j)), true)
                && touching(tokens.get(i + 1), false))
        }
        _ => false,
    }
}

// ---------------------------------------------------------------------------------------------
// Lexicon

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    Past,
    Present,
    Passive,
    Participle,
    Noun,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gender {
    Masculine,
    Feminine,
    Plural,
}

#[derive(Clone, Copy, Debug)]
struct CueForm {
    lemma: &'static str,
    form: Form,
    gender: Gender,
    stance: Stance,
    cue_type: CueType,
    distancing: bool,
    /// Takes a noun-phrase object that is itself the claim (`أعلن انتهاء العملية`).
    object_claim: bool,
    /// Too ambiguous to stand without a complement right after it (`بين` "between").
    needs_adjacent_complement: bool,
    /// `نقل`: `نقلت OUTLET عن SOURCE`.
    relay: bool,
    /// `تحدث` "spoke": introduces a speaker for later pro-drop cues, never a claim itself.
    speaker_only: bool,
}

struct Lemma {
    lemma: &'static str,
    past: &'static str,
    present: &'static str,
    passive: &'static str,
    participle: &'static str,
    stance: Stance,
    object_claim: bool,
}

const fn lemma(
    lemma: &'static str,
    past: &'static str,
    present: &'static str,
    passive: &'static str,
    participle: &'static str,
) -> Lemma {
    Lemma {
        lemma,
        past,
        present,
        passive,
        participle,
        stance: Stance::Asserts,
        object_claim: false,
    }
}

const fn with(mut l: Lemma, stance: Stance, object_claim: bool) -> Lemma {
    l.stance = stance;
    l.object_claim = object_claim;
    l
}

/// Verbs of saying and believing, undiacritised (`notes/arabic-extraction.md` §3.1).
const LEMMAS: &[Lemma] = &[
    lemma(
        "قال",
        "قال قالت قالوا قالا قالتا",
        "يقول تقول يقولون",
        "قيل",
        "قائلا قائلة قائلين",
    ),
    with(
        lemma(
            "أعلن",
            "أعلن أعلنت أعلنوا أعلنا أعلنتا",
            "يعلن تعلن يعلنون",
            "",
            "معلنا معلنة",
        ),
        Stance::Asserts,
        true,
    ),
    lemma(
        "أضاف",
        "أضاف أضافت أضافوا أضافا",
        "يضيف تضيف",
        "",
        "مضيفا مضيفة",
    ),
    lemma("ذكر", "ذكر ذكرت ذكروا ذكرا", "تذكر", "", ""),
    lemma(
        "أوضح",
        "أوضح أوضحت أوضحوا أوضحا",
        "يوضح توضح",
        "",
        "موضحا موضحة",
    ),
    with(
        lemma(
            "أكد",
            "أكد أكدت أكدوا أكدا",
            "يؤكد تؤكد يؤكدون",
            "",
            "مؤكدا مؤكدة",
        ),
        Stance::Asserts,
        true,
    ),
    lemma(
        "أشار",
        "أشار أشارت أشاروا أشارا",
        "تشير",
        "أشير",
        "مشيرا مشيرة",
    ),
    lemma("صرح", "صرح صرحت صرحوا", "يصرح تصرح", "", "مصرحا مصرحة"),
    lemma("نقل", "نقل نقلت نقلوا", "ينقل تنقل", "", "ناقلا ناقلة"),
    lemma(
        "أفاد",
        "أفاد أفادت أفادوا",
        "يفيد تفيد",
        "أفيد",
        "مفيدا مفيدة",
    ),
    with(
        lemma("كشف", "كشف كشفت كشفوا", "يكشف تكشف", "", "كاشفا كاشفة"),
        Stance::Asserts,
        true,
    ),
    lemma("بين", "بين بينت بينوا", "يبين", "", "مبينا مبينة"),
    lemma("لفت", "لفت لفتت لفتوا", "يلفت تلفت", "", "لافتا لافتة"),
    with(
        lemma("شدد", "شدد شددت شددوا", "يشدد تشدد", "", "مشددا مشددة"),
        Stance::Asserts,
        true,
    ),
    lemma("تابع", "تابع تابعت تابعوا", "", "", "متابعا"),
    lemma("أردف", "أردف أردفت أردفوا", "يردف", "", "مردفا مردفة"),
    lemma("استطرد", "استطرد استطردت", "", "", ""),
    lemma("شرح", "شرح شرحت شرحوا", "يشرح تشرح", "", "شارحا شارحة"),
    with(
        lemma("نفى", "نفى نفت نفوا نفيا", "ينفي تنفي", "", "نافيا نافية"),
        Stance::Denies,
        true,
    ),
    with(
        lemma(
            "اعتبر",
            "اعتبر اعتبرت اعتبروا",
            "يعتبر تعتبر",
            "",
            "معتبرا معتبرة",
        ),
        Stance::Believes,
        false,
    ),
    with(
        lemma("رأى", "رأت رأوا", "يرى ترى يرون", "", ""),
        Stance::Believes,
        false,
    ),
    lemma("حذر", "حذر حذرت حذروا", "يحذر تحذر", "", "محذرا محذرة"),
    with(
        lemma("أعرب", "أعرب أعربت أعربوا", "يعرب تعرب", "", "معربا معربة"),
        Stance::Believes,
        true,
    ),
    lemma("أبلغ", "أبلغ أبلغت أبلغوا", "يبلغ", "", ""),
    lemma("أخبر", "أخبر أخبرت أخبروا", "يخبر", "", ""),
    lemma("روى", "روى روت رووا", "يروي تروي", "", ""),
    lemma("أورد", "أورد أوردت أوردوا", "يورد تورد", "", ""),
    lemma("زعم", "زعم زعمت زعموا", "يزعم تزعم", "", "زاعما زاعمة"),
    lemma("ادعى", "ادعى ادعت ادعوا", "يدعي تدعي", "", "مدعيا مدعية"),
    lemma(
        "اعترف",
        "اعترف اعترفت اعترفوا",
        "يعترف تعترف",
        "",
        "معترفا معترفة",
    ),
    lemma("أقر", "أقر أقرت أقروا", "يقر تقر", "", "مقرا مقرة"),
    with(
        lemma("رجح", "رجح رجحت رجحوا", "يرجح ترجح", "", "مرجحا مرجحة"),
        Stance::Predicts,
        false,
    ),
    with(
        lemma(
            "توقع",
            "توقع توقعت توقعوا",
            "يتوقع تتوقع",
            "",
            "متوقعا متوقعة",
        ),
        Stance::Predicts,
        false,
    ),
    lemma("نشر", "نشر نشرت نشروا", "ينشر تنشر", "", ""),
    lemma(
        "تحدث",
        "تحدث تحدثت تحدثوا",
        "يتحدث تتحدث",
        "",
        "متحدثا متحدثة",
    ),
    lemma("أصدر", "أصدر أصدرت أصدروا", "يصدر تصدر", "", ""),
    lemma("بث", "بث بثت بثوا", "يبث تبث", "", ""),
];

/// Cue nouns that take the source as a genitive and the claim as an object.
const NOUN_CUES: &[(&str, &str)] = &[("إعلان", "إعلان"), ("تأكيد", "تأكيد")];

/// Verbs that need an adjacent complement: homographs of very common non-cue words.
const AMBIGUOUS: &[&str] = &["بين", "رأى", "تابع"];

/// Forms that are passive even without harakat.
const PASSIVE_ONLY: &[&str] = &["قيل", "أفيد", "أشير"];

static CUE_FORMS: LazyLock<HashMap<String, CueForm>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for l in LEMMAS {
        let belief = matches!(l.stance, Stance::Believes | Stance::Predicts);
        let distancing = matches!(l.lemma, "زعم" | "ادعى");
        let base = CueForm {
            lemma: l.lemma,
            form: Form::Past,
            gender: Gender::Masculine,
            stance: l.stance,
            cue_type: if belief {
                CueType::VerbOfBelief
            } else {
                CueType::VerbOfSaying
            },
            distancing,
            object_claim: l.object_claim,
            needs_adjacent_complement: AMBIGUOUS.contains(&l.lemma),
            relay: l.lemma == "نقل",
            speaker_only: l.lemma == "تحدث",
        };
        let groups = [
            (l.past, Form::Past),
            (l.present, Form::Present),
            (l.passive, Form::Passive),
            (l.participle, Form::Participle),
        ];
        for (forms, form) in groups {
            for surface in forms.split_whitespace() {
                let key = fold_str(surface);
                let gender = gender_of_verb(&key, form);
                map.entry(key).or_insert(CueForm {
                    form,
                    gender,
                    ..base
                });
            }
        }
    }
    for (surface, lemma) in NOUN_CUES {
        map.entry(fold_str(surface)).or_insert(CueForm {
            lemma,
            form: Form::Noun,
            gender: Gender::Masculine,
            stance: Stance::Asserts,
            cue_type: CueType::Noun,
            distancing: false,
            object_claim: true,
            needs_adjacent_complement: false,
            relay: false,
            speaker_only: false,
        });
    }
    map
});

fn gender_of_verb(key: &str, form: Form) -> Gender {
    match form {
        Form::Past if key.ends_with("وا") => Gender::Plural,
        Form::Past if key.ends_with('ت') || key.ends_with("تا") => Gender::Feminine,
        Form::Present if key.ends_with("ون") => Gender::Plural,
        Form::Present if key.starts_with('ت') => Gender::Feminine,
        Form::Participle if key.ends_with('ه') => Gender::Feminine,
        Form::Participle if key.ends_with("ين") => Gender::Plural,
        _ => Gender::Masculine,
    }
}

/// The cue form of a word key, trying the whole word and then without a و/ف prefix. Returns
/// the form and the prefix length in chars of the folded key.
fn cue_form(key: &str) -> Option<(CueForm, usize)> {
    if let Some(form) = CUE_FORMS.get(key) {
        return Some((*form, 0));
    }
    let rest = key.strip_prefix('و').or_else(|| key.strip_prefix('ف'))?;
    if rest.chars().count() < 2 {
        return None;
    }
    CUE_FORMS.get(rest).map(|f| (*f, 1))
}

/// Bytes of a و or ف (with its marks) glued to a cue verb at the start of `text` (`وأضاف`,
/// `فقال`), 0 when there is none: a cue set by hand in the reader is given without it, as the
/// extractor gives its cues.
pub fn conjunction_prefix_len(text: &str) -> usize {
    let word = text.split_whitespace().next().unwrap_or("");
    if !text.starts_with(word) || !matches!(cue_form(&fold_str(word)), Some((_, 1))) {
        return 0;
    }
    let mut chars = word.char_indices().skip(1);
    chars
        .find(|(_, c)| !is_arabic_mark(*c) && *c != '\u{0640}')
        .map_or(0, |(at, _)| at)
}

type WordSet = HashSet<String>;

fn set(words: &str) -> WordSet {
    words.split_whitespace().map(fold_str).collect()
}

static COMPLEMENTIZERS: LazyLock<WordSet> = LazyLock::new(|| {
    set(
        "أن إن أنه إنه أنها إنها أنهم إنهم أنهما أننا إننا أنني إنني بأن بأنه بأنها بأنهم بأنهما \
         فإن فإنه فإنها وأن وإن",
    )
});
static PREPOSITIONS: LazyLock<WordSet> = LazyLock::new(|| {
    set(
        "في عبر على من إلى الى عن خلال أمام مع حول بعد قبل منذ لدى ضد حتى عند نحو بين دون \
         عنه عنها عنهم عليه عليها فيه فيها له لها لهم لنا إليه إليها ل ب لـ بـ وفي وعلى ومن \
         وعن وخلال ومع",
    )
});
static ADVERBS: LazyLock<WordSet> = LazyLock::new(|| {
    set(
        "السبت الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة اليوم أمس الليلة مساء صباح \
         أيضا كذلك بدوره بدورها بدورهم مؤخرا سابقا لاحقا حينها آنذاك",
    )
});
/// Words that may stand between a comma and the cue that starts a new attribution.
static CONNECTIVES: LazyLock<WordSet> =
    LazyLock::new(|| set("مع أنه أنها كما وكما لكنه لكنها ولكنه غير إلا أن و ثم فيما وقد قد"));
/// News outlets that follow ل as the addressee of a statement (`قال لرويترز`).
static OUTLETS: LazyLock<WordSet> = LazyLock::new(|| {
    set(
        "رويترز فرانس الجزيرة العربية الأناضول سبوتنيك الشرق الأوسط الحياة النهار سي بي \
         أسوشيتد اسوشيتد شينخوا إيتار تاس الحرة سكاي يورونيوز",
    )
});
/// `كان` and its sisters, which put the subject before a later verb.
static AUXILIARIES: LazyLock<WordSet> = LazyLock::new(|| {
    set("كان كانت كانوا وكان وكانت وكانوا فكان ظل ظلت مازال ما زال لا يزال لايزال ليس")
});
static PARTICLES: LazyLock<WordSet> = LazyLock::new(|| set("قد وقد فقد لقد ولقد كما وكما ثم كذلك"));
static RELATIVES: LazyLock<WordSet> =
    LazyLock::new(|| set("الذي التي الذين اللذين اللتين اللواتي اللاتي ما مما وما"));
/// Words before `أن` that make it a subordinator of time or necessity, not a complement.
static NOT_COMPLEMENT_BEFORE: LazyLock<WordSet> =
    LazyLock::new(|| set("قبل بعد منذ إلا يجب يمكن لابد بد دون بمجرد حتى"));
static NAME_PARTICLES: LazyLock<WordSet> =
    LazyLock::new(|| set("بن ابن بنت أبو أبي أم عبد آل ولد"));
/// Masdar objects often announced (`أعلن مقتل …`): never read as part of a name.
static OBJECT_NOUNS: LazyLock<WordSet> = LazyLock::new(|| {
    set(
        "مقتل مصرع اعتقال انتهاء بدء رفع فرض وقف إطلاق استهداف سقوط إصابة تعيين إلغاء قيام وجود \
         عدم نجاح فشل رفض موافقة دعم التزام استعداد تأجيل تعليق تشكيل إرسال تسليم عودة وصول فتح \
         إغلاق تدمير ضبط مصادرة القضاء حصول تسجيل ارتفاع انخفاض تراجع زيادة نقل توقيع",
    )
});
/// Given names common in Arabic news (Arab and foreign), to tell a name from a masdar object.
static GIVEN_NAMES: LazyLock<WordSet> = LazyLock::new(|| {
    set(
        "محمد أحمد محمود مصطفى علي حسن حسين عمر عثمان خالد سعيد سعد سعود فهد فيصل عبدالله عبدالرحمن \
         عبدالعزيز إبراهيم إسماعيل يوسف يعقوب موسى عيسى سليمان سلمان داود طارق زياد زيد رامي سامي \
         سمير ناصر نصر منصور ماهر مازن مروان هشام وليد وائل وسام عادل عماد عمار أنور أمين أيمن \
         أسامة أسعد إياد جمال كمال نبيل نادر نور نزار هاني هادي هيثم حازم حمزة حمد حامد حاتم جواد \
         جاسم جعفر رياض رضا رشيد صالح صلاح فادي فراس فؤاد قاسم كريم لؤي مجدي مهدي مراد معاذ \
         ياسر ياسين يحيى بشار بشير تامر توفيق جبران جورج ميشال ميشيل بطرس إلياس نجيب نبيه شريف \
         عصام غسان أكرم باسل باسم بسام حسام رائد سالم سلطان شادي صابر ضياء عزت علاء عمرو غازي \
         فتحي لطفي ماجد مالك محسن مختار مصعب معتز منير نايف هيثم وحيد يزن \
         فاطمة عائشة مريم زينب خديجة سارة ليلى هدى منى نادية سميرة رانيا رنا دينا ريم لينا \
         هالة هبة أسماء آمنة سلمى سعاد نجلاء ملكة \
         دونالد جو جوزيف باراك جون جيمس ويليام مايكل روبرت ديفيد بيتر بول فلاديمير سيرغي \
         إيمانويل أنطونيو أنتوني كارولين ماركو مارك كير أنالينا أولاف ريشي بنيامين يوآف إيتمار \
         رجب هاكان كمالا هيلاري أنجيلا تيريزا بوريس كريستين أورسولا جان فرانسوا نيكولا",
    )
});
static NISBA_ADJECTIVES: LazyLock<WordSet> = LazyLock::new(|| {
    set(
        "مطلعة مطلع محلية محلي أمنية أمني عسكرية عسكري طبية طبي رسمية رسمي حكومية حكومي دبلوماسية \
         دبلوماسي مسؤول مسؤولة رفيع رفيعة كبير كبيرة بارز بارزة مقربة مقرب متطابقة موثوقة \
         عيان عيانا محليون محليين إعلامية إعلامي قضائية قضائي سياسية سياسي",
    )
});

/// Head words (without ال) and the source type they give.
fn head_type(bare: &str) -> Option<SourceType> {
    static TABLE: LazyLock<HashMap<String, SourceType>> = LazyLock::new(|| {
        use SourceType::*;
        let groups: [(&str, SourceType); 11] = [
            (
                "متحدث متحدثة ناطق ناطقة وزير وزيرة وزارة وزراء رئيس رئيسة رئاسة مدير مديرة محافظ \
                 محافظة قائد سفير سفيرة نائب نائبة أمين مستشار مستشارة ملك أمير عميد لواء عقيد \
                 جنرال حكومة جيش شرطة داخلية خارجية دفاع سلطات قوات مجلس برلمان مكتب نيابة محكمة \
                 بلدية أمن إدارة جهاز كرملين رئاسة الرئيس",
                Official,
            ),
            ("مصدر مصادر أوساط جهات", Anonymous),
            ("مسؤول مسؤولون مسؤولين", AnonymousOfficial),
            ("شهود شاهد شاهدة", Eyewitness),
            (
                "سكان أهالي ناجون ناجين ضحايا أقارب عائلة ذوو مصابون نازحون لاجئون",
                AffectedPerson,
            ),
            (
                "خبير خبيرة خبراء محلل محللة محللون باحث باحثة باحثون أستاذ أكاديمي عالم علماء \
                 طبيب طبيبة أطباء دكتور دكتورة",
                Expert,
            ),
            (
                "منظمة جمعية هيئة اتحاد حزب حركة شركة مؤسسة لجنة أمم صندوق برنامج مفوضية مرصد \
                 تحالف نقابة",
                Organization,
            ),
            (
                "وكالة صحيفة موقع قناة تلفزيون إذاعة شبكة وسائل مجلة جريدة",
                MediaOutlet,
            ),
            (
                "حساب ناشطون ناشطين مدونون مغردون رواد صفحة منصة",
                SocialMedia,
            ),
            ("بيان تقرير وثيقة دراسة رسالة بلاغ إحصاءات", Document),
            ("مراسل مراسلة مراسلنا صحفي صحافي صحفية", Journalist),
        ];
        let mut map = HashMap::new();
        for (words, ty) in groups {
            for w in words.split_whitespace() {
                map.insert(fold_str(w), ty);
            }
        }
        map
    });
    TABLE.get(bare).copied()
}

/// Heads whose noun phrase may end with a personal name (`الوزير فلان`).
fn is_role(bare: &str) -> bool {
    matches!(
        head_type(bare),
        Some(SourceType::Official | SourceType::Expert | SourceType::Journalist)
    ) || matches!(bare, "مسؤول")
}

fn bare(key: &str) -> &str {
    key.strip_prefix("ال")
        .filter(|r| r.chars().count() >= 2)
        .unwrap_or(key)
}

fn in_set(set: &WordSet, key: &str) -> bool {
    set.contains(key)
}

fn is_definite(key: &str) -> bool {
    key.starts_with("ال") && key.chars().count() > 3
}

/// `الإخباري`, `السورية`: a word that can end a phrase as an adjective.
fn is_nisba(key: &str) -> bool {
    let b = bare(key);
    in_set(&NISBA_ADJECTIVES, key)
        || (b.chars().count() >= 4 && (b.ends_with('ي') || b.ends_with("يه") || b.ends_with("يون")))
}

/// `انتهاء`, `استهداف`, `تفعيل`: shaped like a verbal noun.
fn is_masdar_like(key: &str) -> bool {
    let b = bare(key);
    let chars: Vec<char> = b.chars().collect();
    let n = chars.len();
    in_set(&OBJECT_NOUNS, key)
        || in_set(&OBJECT_NOUNS, b)
        || (n >= 5 && chars[0] == 'ا' && chars[n - 2] == 'ا')
        || (n >= 5 && chars[0] == 'ت' && chars[n - 2] == 'ي')
}

// ---------------------------------------------------------------------------------------------
// Parsing

/// Something a pro-drop cue can point back to.
#[derive(Clone, Debug)]
enum Antecedent {
    /// A suggested source (index into [`CueSuggestions::sources`]).
    Source(usize, Gender),
    /// A speaker not (yet) suggested as a source.
    Latent(SourceSuggestion, Gender),
}

impl Antecedent {
    fn gender(&self) -> Gender {
        match self {
            Antecedent::Source(_, g) | Antecedent::Latent(_, g) => *g,
        }
    }
}

struct NounPhrase {
    /// Token range, end exclusive.
    tokens: Range<usize>,
    /// Token index where a personal name starts, if any.
    name_at: Option<usize>,
    source_type: SourceType,
    gender: Gender,
}

struct ParagraphParser<'a> {
    text: &'a str,
    tokens: Vec<Token>,
    /// Speakers of the previous paragraph, oldest first.
    previous: &'a [Antecedent],
    out: &'a mut CueSuggestions,
    /// Sources mentioned in this paragraph, in order, with their gender.
    sources_here: Vec<Antecedent>,
    /// Token ranges covered by each claim made here (with the claim's index); cues inside
    /// them are content, not cues.
    claimed: Vec<(Range<usize>, usize)>,
}

impl<'a> ParagraphParser<'a> {
    fn new(
        text: &'a str,
        tokens: Vec<Token>,
        previous: &'a [Antecedent],
        out: &'a mut CueSuggestions,
    ) -> Self {
        ParagraphParser {
            text,
            tokens,
            previous,
            out,
            sources_here: Vec::new(),
            claimed: Vec::new(),
        }
    }

    fn key(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.key.as_str())
    }

    fn is_word(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    fn is_punct(&self, i: usize, c: char) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == Kind::Punct(c))
    }

    fn is_comma(&self, i: usize) -> bool {
        self.is_punct(i, '،')
            || self.is_punct(i, ',')
            || self.is_punct(i, '؛')
            || self.is_punct(i, ';')
    }

    fn sentences(&self) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        for i in 0..self.tokens.len() {
            if is_sentence_end(&self.tokens, i) {
                if start < i {
                    out.push(start..i);
                }
                start = i + 1;
            }
        }
        if start < self.tokens.len() {
            out.push(start..self.tokens.len());
        }
        out
    }

    fn run(&mut self) {
        for sentence in self.sentences() {
            self.sentence(sentence);
        }
    }

    fn is_claimed(&self, i: usize) -> bool {
        self.claimed.iter().any(|(r, _)| r.contains(&i))
    }

    fn sentence(&mut self, s: Range<usize>) {
        let mut i = s.start;
        while i < s.end {
            if self.tokens[i].quoted || !self.is_word(i) {
                i += 1;
                continue;
            }
            // Inside a claim only a full reported clause counts (`مع أنه صرح أن …`,
            // `على أن آخرين أشاروا إلى أن …`); `الحملة كشفت عن …` is content.
            if self.is_claimed(i) {
                self.verb_cue(i, &s, true);
            } else if let Some(after_cue) = self.preposition_cue(i, &s) {
                // `بحسب ما أفادت`: the verb belongs to the prepositional cue.
                i = after_cue.max(i + 1);
                continue;
            } else {
                self.verb_cue(i, &s, false);
            }
            i += 1;
        }
    }

    // -- source noun phrases --------------------------------------------------------------

    /// Parses a source noun phrase starting at token `i` and ending before `end`: a head noun
    /// with its genitives, adjectives and a personal name. With `strip_prefix`, the head's
    /// leading ل is a preposition (`وفقا لمصادر`).
    fn noun_phrase(&self, i: usize, end: usize, strip_prefix: bool) -> Option<NounPhrase> {
        if i >= end || !self.is_word(i) || self.tokens[i].quoted {
            return None;
        }
        let head_key = self.head_key(i, strip_prefix);
        if self.is_stop(&head_key)
            || self.tokens[i].tanween_fath
            || head_key.chars().any(|c| c.is_ascii_digit())
            || cue_form(&head_key).is_some()
        {
            return None;
        }
        let head_bare = bare(&head_key).to_owned();
        let head_ty = head_type(&head_bare);
        let mut role = is_role(&head_bare);
        let mut name_at = in_set(&GIVEN_NAMES, &head_key).then_some(i);
        let mut prev_definite = is_definite(&head_key);
        let mut last_good = i + 1;
        let mut j = i + 1;
        // Whether the previous word is in construct state (its genitive may follow).
        let mut open_construct = !prev_definite && !self.tokens[i].tanween;
        let partitive = matches!(
            bare(&head_key),
            "مجموعه" | "عدد" | "عديد" | "بعض" | "احد" | "احدي" | "فريق" | "كثير"
        );
        while j < end && j < i + 14 {
            if !self.is_word(j) {
                // A short quoted name right after an organisation head: `منظمة "هيومن رايتس"`.
                if let Some(close) = self.tokens[j].pair
                    && close > j
                    && close < end
                    && j == last_good
                    && matches!(
                        head_ty,
                        Some(SourceType::Organization | SourceType::MediaOutlet)
                    )
                    && (close - j) <= 4
                    && self.tokens[j].range.start > self.tokens[j - 1].range.end
                {
                    j = close + 1;
                    last_good = j;
                    continue;
                }
                break;
            }
            let key = self.key(j).to_owned();
            let t = &self.tokens[j];
            // `مجموعة من علماء الآثار`, `أحد زعماء الحركة`.
            if self.key(j) == "من" && partitive && j == i + 1 {
                open_construct = true;
                prev_definite = false;
                j += 1;
                continue;
            }
            let in_name = name_at.is_some_and(|n| j > n);
            if self.is_stop(&key)
                || t.tanween_fath
                || cue_form(&key).is_some_and(|(f, _)| f.form != Form::Noun)
                || key.chars().any(|c| c.is_ascii_digit())
                || (key.starts_with('ل')
                    && !key.starts_with("ال")
                    && (!in_name || self.is_addressee(j)))
            {
                break;
            }
            if key == "باسم" {
                open_construct = true;
                prev_definite = false;
                j += 1;
                continue;
            }
            if in_set(&NAME_PARTICLES, &key) {
                // `عبد الإله بن كيران`: a name goes on after بن/أبو/عبد.
                if name_at.is_none() && (role || prev_definite) {
                    name_at = Some(j);
                }
                open_construct = true;
                prev_definite = false;
                j += 1;
                continue;
            }
            let definite = is_definite(&key);
            let coordinated = key.starts_with("وال") && prev_definite;
            let given = in_set(&GIVEN_NAMES, &key);
            if given && name_at.is_none() {
                name_at = Some(j);
            }
            let accept = if name_at.is_some() && j > name_at.unwrap_or(j) {
                // Inside a name: family names and nisbas, definite or not.
                !is_masdar_like(&key) || definite
            } else if given {
                true
            } else if definite || coordinated {
                // After `حماية` (shaped like a nisba adjective but a noun in construct) a
                // definite genitive still follows.
                let prev = self.key(j - 1);
                open_construct
                    || prev_definite
                    || (prev.ends_with("يه") && !in_set(&NISBA_ADJECTIVES, prev))
            } else if open_construct {
                !(prev_definite) && (!is_masdar_like(&key) || is_nisba(&key))
            } else if prev_definite && role && !is_masdar_like(&key) && !self.tokens[j].ta_marbuta {
                // `الوزير فلان`: an unknown name right after a role.
                name_at = Some(j);
                true
            } else {
                is_nisba(&key) && !prev_definite
            };
            if !accept {
                break;
            }
            role |= is_role(bare(&key));
            // A noun with tanween is not in construct: only adjectives may follow.
            open_construct = !definite && !is_nisba(&key) && !self.tokens[j].tanween;
            prev_definite = definite || coordinated;
            j += 1;
            last_good = j;
        }
        let tokens = i..last_good;
        let source_type = self.classify(&tokens, head_ty, &head_bare);
        let gender = self.noun_gender(&head_key);
        Some(NounPhrase {
            tokens,
            name_at: name_at.filter(|n| *n < last_good),
            source_type,
            gender,
        })
    }

    /// Inside a name, is the ل-word at `j` an addressee (`قال فلان لرويترز`, `للصحفيين`,
    /// `لوكالة …`) rather than the family name (`لافروف`, `لويد`, `ليفيت`)?
    fn is_addressee(&self, j: usize) -> bool {
        let key = self.key(j);
        let rest = key.strip_prefix('ل').unwrap_or(key);
        rest.is_empty()
            || key.starts_with("لل")
            || head_type(bare(rest)).is_some()
            || in_set(&OUTLETS, rest)
            || (j + 1 < self.tokens.len()
                && self.tokens[j + 1].kind == Kind::Quote(QuoteMark::Either)
                && self.tokens[j + 1].range.start == self.tokens[j].range.end)
    }

    fn head_key(&self, i: usize, strip_prefix: bool) -> String {
        let key = self.key(i);
        if strip_prefix && let Some(rest) = key.strip_prefix('ل') {
            if rest.starts_with('ل') {
                return format!("ا{rest}");
            }
            return rest.to_owned();
        }
        key.strip_prefix('و')
            .filter(|r| r.starts_with("ال"))
            .unwrap_or(key)
            .to_owned()
    }

    /// Words after which a clause (and so a subject) can begin: `وكان`, `وقبلها`, `ثم`.
    fn is_clause_opener(&self, i: usize) -> bool {
        let key = self.key(i);
        in_set(&AUXILIARIES, key)
            || in_set(&PARTICLES, key)
            || in_set(&COMPLEMENTIZERS, key)
            || key == "و"
            || (key.starts_with('و')
                && key.chars().count() <= 6
                && i + 1 < self.tokens.len()
                && in_set(&AUXILIARIES, self.key(i + 1)))
    }

    fn is_stop(&self, key: &str) -> bool {
        in_set(&PREPOSITIONS, key)
            || in_set(&COMPLEMENTIZERS, key)
            || in_set(&RELATIVES, key)
            || in_set(&ADVERBS, key)
            || in_set(&PARTICLES, key)
            || in_set(&AUXILIARIES, key)
            || matches!(
                key,
                "و" | "او" | "ان" | "لا" | "لم" | "لن" | "هو" | "هي" | "هم"
            )
    }

    fn classify(
        &self,
        tokens: &Range<usize>,
        head: Option<SourceType>,
        head_bare: &str,
    ) -> SourceType {
        let modifiers: Vec<&str> = tokens.clone().skip(1).map(|t| self.key(t)).collect();
        let official_modifier = modifiers.iter().any(|m| {
            matches!(
                bare(m),
                "امني"
                    | "امنيه"
                    | "عسكري"
                    | "عسكريه"
                    | "رسمي"
                    | "رسميه"
                    | "حكومي"
                    | "حكوميه"
                    | "مسؤول"
                    | "مسؤوله"
                    | "دبلوماسي"
                    | "دبلوماسيه"
                    | "قضائي"
                    | "قضائيه"
            )
        });
        match head {
            Some(SourceType::Anonymous) if official_modifier => SourceType::AnonymousOfficial,
            Some(SourceType::AnonymousOfficial)
                if head_bare == "مسؤول" && is_definite(self.key(tokens.start)) =>
            {
                SourceType::Official
            }
            Some(ty) => ty,
            None => {
                // A bare name, or a head we do not know: look at the rest of the phrase.
                modifiers
                    .iter()
                    .find_map(|m| head_type(bare(m)))
                    .filter(|t| {
                        matches!(
                            t,
                            SourceType::Official
                                | SourceType::Expert
                                | SourceType::Organization
                                | SourceType::MediaOutlet
                        )
                    })
                    .unwrap_or(SourceType::Unknown)
            }
        }
    }

    fn noun_gender(&self, head_key: &str) -> Gender {
        let b = bare(head_key);
        // Non-human plurals (مصادر) agree in the feminine singular.
        if matches!(b, "مصادر" | "وسائل" | "جهات" | "اوساط" | "سلطات" | "قوات")
            || b.ends_with('ه')
            || b.ends_with("ات")
        {
            Gender::Feminine
        } else if matches!(
            b,
            "شهود" | "مسؤولون" | "مسؤولين" | "خبراء" | "سكان" | "ناشطون" | "علماء"
        ) || b.ends_with("ون")
        {
            Gender::Plural
        } else {
            Gender::Masculine
        }
    }

    /// Records that source `s` speaks in this paragraph, so later pro-drop cues (here or in the
    /// next paragraph) can resolve to it.
    fn mention(&mut self, s: usize, gender: Gender) {
        self.sources_here
            .retain(|x| !matches!(x, Antecedent::Source(i, _) if *i == s));
        self.sources_here.push(Antecedent::Source(s, gender));
    }

    fn source_of(&self, np: &NounPhrase) -> SourceSuggestion {
        let first = &self.tokens[np.tokens.start];
        let last = &self.tokens[np.tokens.end - 1];
        let start = self.word_start_after_prefix(np.tokens.start);
        let span = start.max(first.range.start)..last.range.end;
        let name = match np.name_at {
            Some(n) => self.tokens[n].range.start..last.range.end,
            None => span.clone(),
        };
        SourceSuggestion {
            span,
            name,
            source_type: np.source_type,
        }
    }

    fn add_source(&mut self, np: &NounPhrase) -> usize {
        let source = self.source_of(np);
        self.materialise(source, np.gender)
    }

    fn materialise(&mut self, source: SourceSuggestion, gender: Gender) -> usize {
        let index = match self.out.sources.iter().position(|s| s.span == source.span) {
            Some(existing) => existing,
            None => {
                self.out.sources.push(source);
                self.out.sources.len() - 1
            }
        };
        self.mention(index, gender);
        index
    }

    /// A speaker introduced by a cue verb with no claim of its own (`تحدث فلان في المؤتمر`):
    /// not suggested as a source unless a later pro-drop cue points back to it.
    fn add_latent(&mut self, np: &NounPhrase) {
        let source = self.source_of(np);
        self.sources_here
            .push(Antecedent::Latent(source, np.gender));
    }

    /// Byte where token `i` starts once a ل/و preposition or conjunction glued to a definite
    /// head is left out (`لمصادر` → `مصادر`, `والوزارة` → `الوزارة`).
    fn word_start_after_prefix(&self, i: usize) -> usize {
        let t = &self.tokens[i];
        let raw = &self.text[t.range.clone()];
        let mut chars = raw.char_indices();
        let Some((_, first)) = chars.next() else {
            return t.range.start;
        };
        let strip = match first {
            'ل' => {
                // `للأمم` keeps its ل: the article's alef is elided, so no split is exact.
                !t.key.starts_with("ال")
                    && !t.key.starts_with("لل")
                    && !in_set(&GIVEN_NAMES, &t.key)
                    && head_type(bare(&t.key)).is_none()
            }
            'و' => t.key.starts_with("وال"),
            _ => false,
        };
        if !strip {
            return t.range.start;
        }
        for (offset, c) in chars {
            if !is_arabic_mark(c) && c != '\u{0640}' {
                return t.range.start + offset;
            }
        }
        t.range.start
    }

    // -- claims ---------------------------------------------------------------------------

    /// Where a claim starting at token `start` ends (exclusive token index): the sentence end,
    /// or a comma followed by another cue (`، مشيراً`, `، وأوضحت`, `، بحسب`).
    fn claim_end(&self, start: usize, s: &Range<usize>) -> usize {
        let mut j = start;
        while j < s.end {
            if let Some(close) = self.tokens[j].pair
                && close > j
            {
                j = close + 1;
                continue;
            }
            if self.is_comma(j) && j + 1 < s.end {
                let k = self.key(j + 1);
                if self.starts_preposition_cue(j + 1) || matches!(k, "فيما" | "بينما" | "وفيما")
                {
                    return j;
                }
                // `، مشيراً`, `، وأوضحت`, `، مع أنه صرح`, `، كما أكد`.
                let mut c = j + 1;
                while c < s.end && c <= j + 3 && in_set(&CONNECTIVES, self.key(c)) {
                    c += 1;
                }
                if c < s.end && cue_form(self.key(c)).is_some_and(|(f, _)| f.form != Form::Noun) {
                    return j;
                }
            }
            j += 1;
        }
        s.end
    }

    /// Byte span for claim tokens, without surrounding punctuation and, when the claim is one
    /// quotation, without its marks.
    fn claim_span(&self, tokens: Range<usize>) -> Option<(Range<usize>, QuoteType)> {
        let mut a = tokens.start;
        let mut b = tokens.end;
        while a < b && matches!(self.tokens[a].kind, Kind::Punct(_)) {
            a += 1;
        }
        while a < b && matches!(self.tokens[b - 1].kind, Kind::Punct(_)) {
            b -= 1;
        }
        if a >= b {
            return None;
        }
        let whole_quote = matches!(self.tokens[a].kind, Kind::Quote(_))
            && self.tokens[a].pair == Some(b - 1)
            && b - a > 2;
        let words = (a..b).filter(|&i| self.is_word(i)).count();
        if words == 0 {
            return None;
        }
        let quoted_words = (a..b)
            .filter(|&i| self.is_word(i) && self.in_long_quote(i))
            .count();
        let quote_type = if whole_quote || quoted_words == words {
            QuoteType::Direct
        } else if quoted_words > 0 {
            QuoteType::Mixed
        } else {
            QuoteType::Indirect
        };
        let (mut a, mut b) = if whole_quote { (a + 1, b - 1) } else { (a, b) };
        // `«الوضع مستقر.»`: the quotation's own full stop is not part of the claim.
        while whole_quote && a < b && matches!(self.tokens[a].kind, Kind::Punct(_)) {
            a += 1;
        }
        while whole_quote && a < b && matches!(self.tokens[b - 1].kind, Kind::Punct(_)) {
            b -= 1;
        }
        Some((
            self.tokens[a].range.start..self.tokens[b - 1].range.end,
            quote_type,
        ))
    }

    /// Inside a quotation of at least three words (shorter quotes are names or terms).
    fn in_long_quote(&self, i: usize) -> bool {
        if !self.tokens[i].quoted {
            return false;
        }
        let open = (0..i).rev().find(|&j| {
            matches!(self.tokens[j].kind, Kind::Quote(_))
                && self.tokens[j].pair.is_some_and(|c| c > i)
        });
        open.and_then(|o| self.tokens[o].pair.map(|c| (o, c)))
            .is_some_and(|(o, c)| (o + 1..c).filter(|&k| self.is_word(k)).count() >= 3)
    }

    fn add_claim(&mut self, tokens: Range<usize>) -> Option<(usize, QuoteType)> {
        let (span, quote_type) = self.claim_span(tokens.clone())?;
        let index = match self.out.claims.iter().position(|c| c.span == span) {
            Some(existing) => existing,
            None => {
                self.out.claims.push(ClaimSuggestion { span, quote_type });
                self.out.claims.len() - 1
            }
        };
        self.claimed.push((tokens, index));
        Some((index, quote_type))
    }

    fn cue_span(&self, i: usize, prefix_chars: usize) -> Range<usize> {
        let t = &self.tokens[i];
        if prefix_chars == 0 {
            return t.range.clone();
        }
        let raw = &self.text[t.range.clone()];
        let mut seen = 0;
        for (offset, c) in raw.char_indices() {
            if is_arabic_mark(c) || c == '\u{0640}' {
                continue;
            }
            if seen == prefix_chars {
                return t.range.start + offset..t.range.end;
            }
            seen += 1;
        }
        t.range.clone()
    }

    #[allow(clippy::too_many_arguments)]
    fn attribute(
        &mut self,
        claim: (usize, QuoteType),
        source: Option<usize>,
        cue: Range<usize>,
        form: &CueForm,
        template: Template,
        nested_in: Option<usize>,
    ) -> usize {
        self.out.attributions.push(AttributionSuggestion {
            claim: claim.0,
            source,
            cue,
            lemma: form.lemma,
            cue_type: form.cue_type,
            quote_type: claim.1,
            stance: form.stance,
            distancing: form.distancing,
            template,
            nested_in,
        });
        self.out.attributions.len() - 1
    }

    /// The latest speaker (this paragraph, then the previous one), preferring one whose
    /// grammatical gender agrees with the verb; a latent speaker becomes a source.
    fn resolve_pro_drop(&mut self, gender: Gender) -> Option<usize> {
        let candidates: Vec<Antecedent> = self
            .previous
            .iter()
            .chain(self.sources_here.iter())
            .cloned()
            .collect();
        let agrees = |a: &&Antecedent| {
            let g = a.gender();
            g == gender || (gender == Gender::Masculine && g == Gender::Plural)
        };
        let chosen = candidates
            .iter()
            .rev()
            .find(agrees)
            .or(candidates.last())?
            .clone();
        Some(match chosen {
            Antecedent::Source(i, g) => {
                self.mention(i, g);
                i
            }
            Antecedent::Latent(source, g) => self.materialise(source, g),
        })
    }

    // -- verb cues ------------------------------------------------------------------------

    fn verb_cue(&mut self, i: usize, s: &Range<usize>, nested: bool) -> Option<usize> {
        let (form, prefix) = cue_form(self.key(i))?;
        if form.form == Form::Present && prefix == 0 && matches!(self.key(i), "يذكر" | "يشار")
        {
            return None;
        }
        // `التي تعلن عنها` and `ما ذكرت`: a relative clause about saying, not a report.
        let after_relative = i > s.start && in_set(&RELATIVES, self.key(i - 1));
        let cue = self.cue_span(i, prefix);
        let unprefixed: String = self.key(i).chars().skip(prefix).collect();
        let passive = PASSIVE_ONLY.iter().any(|p| fold_str(p) == unprefixed)
            || form.form == Form::Passive
            || (form.form == Form::Past && self.tokens[i].damma_first);
        let mut j = i + 1;
        while j < s.end && in_set(&ADVERBS, self.key(j)) {
            j += 1;
        }
        if form.form == Form::Noun {
            return self.noun_cue(i, j, s, &form, cue);
        }
        // Explicit subject after the verb (VSO), unless the verb is a participle.
        let mut subject: Option<NounPhrase> = None;
        if !passive && form.form != Form::Participle && !after_relative {
            subject = self.noun_phrase(j, s.end, false);
        }
        if form.speaker_only {
            if let Some(np) = &subject {
                self.add_latent(np);
            }
            return None;
        }
        let mut source: Option<usize> = None;
        let mut template = Template::Vso;
        let mut after_subject = j;
        let mut relay_outer: Option<(usize, usize)> = None;
        if let Some(np) = &subject {
            after_subject = np.tokens.end;
            // `نقلت الوكالة عن مسؤول …`: the outlet relays an inner source.
            if form.relay && self.key(after_subject) == "عن" {
                let outer = self.add_source(np);
                if let Some(inner) = self.noun_phrase(after_subject + 1, s.end, false) {
                    after_subject = inner.tokens.end;
                    let inner_source = self.add_source(&inner);
                    relay_outer = Some((outer, inner_source));
                    if matches!(self.key(after_subject), "قوله" | "قولها" | "قولهم") {
                        after_subject += 1;
                    }
                }
            }
        }
        let complement = self.find_complement(after_subject, s, &form);
        if nested && complement.is_none() {
            return None;
        }
        let claim_tokens = match complement {
            Some(start) => Some(start..self.claim_end(start, s)),
            None if form.object_claim && !after_relative => self
                .object_start(after_subject, s, &form)
                .map(|start| start..self.claim_end(start, s)),
            None => None,
        };
        let mut claim_ranges: Vec<Range<usize>> = match claim_tokens {
            Some(r) => vec![r],
            None if !after_relative => self.quotations_after(after_subject, s),
            None => Vec::new(),
        };
        // `«…»، قال الوزير`: nothing follows the speaker, the quotation opening the sentence is
        // what they said.
        let mut postposed = false;
        if claim_ranges.is_empty()
            && subject.is_some()
            && prefix == 0
            && relay_outer.is_none()
            && let Some(quote) = self.quotation_before(i, s)
        {
            claim_ranges.push(quote);
            postposed = true;
        }
        if claim_ranges.is_empty() {
            if let Some(np) = &subject
                && !form.needs_adjacent_complement
            {
                self.add_latent(np);
            }
            return None;
        }
        if let Some((outer, inner)) = relay_outer {
            let mut last = i + 1;
            for r in claim_ranges {
                last = last.max(r.end);
                if let Some(claim) = self.add_claim(r) {
                    let outer_at =
                        self.attribute(claim, Some(outer), cue.clone(), &form, Template::Vso, None);
                    self.attribute(
                        claim,
                        Some(inner),
                        cue.clone(),
                        &form,
                        Template::Relay,
                        Some(outer_at),
                    );
                }
            }
            return Some(last);
        }
        if let Some(np) = &subject {
            source = Some(self.add_source(np));
        } else if passive {
            template = Template::Passive;
        } else if let Some(svo) = self.subject_before(i, prefix, s) {
            template = Template::Svo;
            source = Some(self.add_source(&svo));
        } else {
            template = if form.form == Form::Participle {
                Template::Participle
            } else {
                Template::ProDrop
            };
            source = self.resolve_pro_drop(form.gender);
            // A subjectless cue with nobody to point back to is not an attribution.
            source?;
        }
        let quotation_only = complement.is_none() && !form.object_claim;
        let mut last = i + 1;
        for r in claim_ranges {
            last = last.max(r.end);
            if let Some(claim) = self.add_claim(r) {
                let t = if postposed {
                    Template::Postposed
                } else if quotation_only && template == Template::Vso {
                    Template::Quotation
                } else {
                    template
                };
                self.attribute(claim, source, cue.clone(), &form, t, None);
            }
        }
        Some(last)
    }

    /// Looks for the complement clause after the cue's subject: `أن`/`إن`, a colon, or a
    /// long quotation, across short prepositional phrases (`عبر حسابه على منصة "تليجرام"`).
    /// Returns the token where the claim starts.
    fn find_complement(&self, from: usize, s: &Range<usize>, form: &CueForm) -> Option<usize> {
        let mut j = from;
        let mut words = 0;
        while j < s.end && words <= 10 {
            let t = &self.tokens[j];
            if let Kind::Quote(_) = t.kind
                && let Some(close) = t.pair
                && close > j
            {
                let inner_words = (j + 1..close).filter(|&k| self.is_word(k)).count();
                // A quotation right after the speaker is what they said; one further on
                // (`أكد على أهمية "حرية الفكر والتعبير"`) is part of something else.
                let adjacent = j == from
                    || (j > s.start && (self.is_comma(j - 1) || self.is_punct(j - 1, ':')));
                if inner_words >= 3 && adjacent {
                    return Some(j);
                }
                words += inner_words;
                j = close + 1;
                continue;
            }
            if self.is_punct(j, ':') {
                // `قال: إن …` — the complementizer after the colon is not part of the claim.
                let after = j + 1;
                if in_set(&COMPLEMENTIZERS, self.key(after)) {
                    return Some(after + 1);
                }
                return Some(after);
            }
            if t.kind == Kind::Word {
                let key = t.key.as_str();
                if in_set(&COMPLEMENTIZERS, key) {
                    if j > s.start && in_set(&NOT_COMPLEMENT_BEFORE, self.key(j - 1)) {
                        return None;
                    }
                    return Some(j + 1);
                }
                if form.needs_adjacent_complement && words >= 1 {
                    return None;
                }
                if j > from && cue_form(key).is_some_and(|(f, _)| f.form != Form::Noun) {
                    return None;
                }
                words += 1;
            }
            j += 1;
        }
        None
    }

    /// For cues whose object is the claim (`أعلن انتهاء …`, `كشف عن …`): the token where the
    /// object starts, skipping `، السبت،` and a leading `عن`.
    fn object_start(&self, from: usize, s: &Range<usize>, form: &CueForm) -> Option<usize> {
        let mut j = from;
        loop {
            if j < s.end
                && self.is_comma(j)
                && j + 2 < s.end
                && in_set(&ADVERBS, self.key(j + 1))
                && self.is_comma(j + 2)
            {
                j += 3;
            } else if j < s.end && in_set(&ADVERBS, self.key(j)) {
                j += 1;
            } else {
                break;
            }
        }
        if j < s.end
            && ((self.key(j) == "عن" && matches!(form.lemma, "أعلن" | "كشف" | "أعرب"))
                || (self.key(j) == "علي" && matches!(form.lemma, "أكد" | "شدد")))
        {
            j += 1;
        }
        if j >= s.end || !self.is_word(j) {
            return None;
        }
        let key = self.key(j);
        if self.is_stop(key) || self.tokens[j].quoted {
            return None;
        }
        // The object is a verbal noun (`انتهاء`, `القضاء على`, `رفع`) or, after a verb, a
        // definite noun.
        let noun_ok = form.form != Form::Noun && (is_definite(key) || self.tokens[j].ta_marbuta);
        (is_masdar_like(key) || noun_ok).then_some(j)
    }

    /// A quotation of at least two words that opens the sentence and ends right before the
    /// verb at `verb` (or before a comma there): `«الوضع مستقر»، قال الوزير`. Two words are
    /// enough here: a name or term in quotes (`"داعش"`) is one word, and a sentence that opens
    /// with a quotation its speaker then follows is a statement.
    fn quotation_before(&self, verb: usize, s: &Range<usize>) -> Option<Range<usize>> {
        let mut k = verb;
        if k > s.start && self.is_comma(k - 1) {
            k -= 1;
        }
        let close = k.checked_sub(1).filter(|&c| c > s.start)?;
        let Kind::Quote(_) = self.tokens[close].kind else {
            return None;
        };
        let open = (s.start..close).find(|&o| self.tokens[o].pair == Some(close))?;
        let opens_sentence = (s.start..open).all(|o| !self.is_word(o));
        let words = (open + 1..close).filter(|&w| self.is_word(w)).count();
        (opens_sentence && words >= 2 && !self.is_claimed(open + 1)).then_some(open..close + 1)
    }

    /// Long quotations in the rest of the sentence, up to the next cue (`نشرت … بياناً … "…"`).
    fn quotations_after(&self, from: usize, s: &Range<usize>) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut j = from;
        while j < s.end {
            if let Kind::Quote(_) = self.tokens[j].kind
                && let Some(close) = self.tokens[j].pair
                && close > j
            {
                if (j + 1..close).filter(|&k| self.is_word(k)).count() >= 3 {
                    out.push(j..close + 1);
                }
                j = close + 1;
                continue;
            }
            if self.is_word(j) && cue_form(self.key(j)).is_some() {
                break;
            }
            j += 1;
        }
        out
    }

    /// SVO: a noun phrase between the clause start and the verb (`الوزارة قالت إن`).
    fn subject_before(&self, verb: usize, prefix: usize, s: &Range<usize>) -> Option<NounPhrase> {
        if prefix > 0 || verb == s.start {
            return None;
        }
        // `كان عالم الآثار فلان قد أعلن`: the subject ends before the particles.
        let mut end = verb;
        while end > s.start && in_set(&PARTICLES, self.key(end - 1)) {
            end -= 1;
        }
        let earliest = end.saturating_sub(10).max(s.start);
        for start in earliest..end {
            if !self.is_word(start)
                || (start > s.start && in_set(&PREPOSITIONS, self.key(start - 1)))
                || (start > s.start
                    && self.is_word(start - 1)
                    && !self.is_comma(start - 1)
                    && start != earliest
                    && !self.is_clause_opener(start - 1))
            {
                continue;
            }
            if (start..end).any(|k| !self.is_word(k)) {
                continue;
            }
            if let Some(np) = self.noun_phrase(start, end, false)
                && np.tokens.end == end
            {
                return Some(np);
            }
        }
        None
    }

    fn noun_cue(
        &mut self,
        i: usize,
        j: usize,
        s: &Range<usize>,
        form: &CueForm,
        cue: Range<usize>,
    ) -> Option<usize> {
        let np = self.noun_phrase(j, s.end, false)?;
        let start = self.object_start(np.tokens.end, s, form)?;
        let end = self.claim_end(start, s);
        let source = self.add_source(&np);
        let claim = self.add_claim(start..end)?;
        self.attribute(claim, Some(source), cue, form, Template::Noun, None);
        Some(end.max(i + 1))
    }

    // -- prepositional cues ---------------------------------------------------------------

    /// If a prepositional cue starts at `i`, the token range of the cue words and the token
    /// where the source starts (and whether its head carries a ل to strip).
    fn preposition_at(&self, i: usize) -> Option<(Range<usize>, usize, bool, &'static str)> {
        let full = self.key(i);
        // `وفقاً` begins with و; `وبحسب` has a conjunction.
        let key = if matches!(full, "وفقا" | "وفق") {
            full
        } else {
            full.strip_prefix('و')
                .filter(|r| r.chars().count() >= 3)
                .unwrap_or(full)
        };
        match key {
            "بحسب" | "حسب" | "وفق" => {
                // `بحسب ما أفادت الوكالة`, `حسب ما ذكرته الوزارة`
                if self.key(i + 1) == "ما"
                    && let Some(verb_end) = self.reporting_verb_at(i + 2)
                {
                    return Some((i..verb_end, verb_end, false, "بحسب"));
                }
                Some((i..i + 1, i + 1, false, "بحسب"))
            }
            "وفقا" | "طبقا" => {
                let next = self.key(i + 1);
                // `وفقاً لما ذكرته الوزارة`, `وفقاً لما أفادت به مصادر`
                let verb_at = match next {
                    "لما" => Some(i + 2),
                    "ل" if self.key(i + 2) == "ما" => Some(i + 3),
                    _ => None,
                };
                if let Some(verb_end) = verb_at.and_then(|v| self.reporting_verb_at(v)) {
                    Some((i..verb_end, verb_end, false, "وفقاً لـ"))
                } else if next == "ل" {
                    Some((i..i + 2, i + 2, false, "وفقاً لـ"))
                } else if next.starts_with('ل') {
                    Some((i..i + 1, i + 1, true, "وفقاً لـ"))
                } else {
                    None
                }
            }
            "نقلا" if self.key(i + 1) == "عن" => Some((i..i + 2, i + 2, false, "نقلاً عن")),
            "استنادا" if matches!(self.key(i + 1), "الي" | "الى") => {
                Some((i..i + 2, i + 2, false, "استناداً إلى"))
            }
            "علي" if self.key(i + 1) == "لسان" => Some((i..i + 2, i + 2, false, "على لسان")),
            _ => None,
        }
    }

    /// A verb of saying at `v` after `بحسب ما` / `وفقاً لما`, possibly with its object pronoun
    /// (`ذكرته`, `أعلنته`) or followed by `به` (`أفادت به`); the token after it.
    fn reporting_verb_at(&self, v: usize) -> Option<usize> {
        let key = self.key(v);
        let is_verb = |k: &str| cue_form(k).is_some_and(|(f, _)| f.form != Form::Noun);
        let found = is_verb(key)
            || ["ه", "ها"].iter().any(|pronoun| {
                key.strip_suffix(pronoun)
                    .is_some_and(|k| k.chars().count() >= 3 && is_verb(k))
            });
        if !found {
            return None;
        }
        Some(if self.key(v + 1) == "به" {
            v + 2
        } else {
            v + 1
        })
    }

    fn starts_preposition_cue(&self, i: usize) -> bool {
        self.preposition_at(i).is_some()
    }

    fn preposition_cue(&mut self, i: usize, s: &Range<usize>) -> Option<usize> {
        let (cue_tokens, source_at, strip, lemma) = self.preposition_at(i)?;
        let np = self.noun_phrase(source_at, s.end, strip)?;
        let prefix = usize::from(self.key(i).starts_with('و') && !self.key(i).starts_with("وف"));
        let cue = self.cue_span(i, prefix).start..self.tokens[cue_tokens.end - 1].range.end;
        let form = CueForm {
            lemma,
            form: Form::Noun,
            gender: Gender::Masculine,
            stance: Stance::Asserts,
            cue_type: CueType::Preposition,
            distancing: false,
            object_claim: false,
            needs_adjacent_complement: false,
            relay: false,
            speaker_only: false,
        };
        // Leading: `وبحسب المصادر، فإن …` — the claim follows the source.
        let leading = (s.start..i).all(|k| !self.is_word(k) || self.key(k) == "و");
        if leading {
            let mut start = np.tokens.end;
            while start < s.end
                && (self.is_comma(start) || matches!(self.key(start), "فان" | "فانه" | "فانها"))
            {
                start += 1;
            }
            let end = self.claim_end(start, s);
            if start >= end {
                return None;
            }
            let source = self.add_source(&np);
            let claim = self.add_claim(start..end)?;
            self.attribute(claim, Some(source), cue, &form, Template::Preposition, None);
            return Some(cue_tokens.end);
        }
        // Trailing: `CLAIM، بحسب SOURCE`. Reuse a claim that ends right before the cue, and
        // mark the attributions already on it as relayed through this source.
        let before = if i > s.start && self.is_comma(i - 1) {
            i - 1
        } else {
            i
        };
        let source = self.add_source(&np);
        let claim_before = self
            .claimed
            .iter()
            .rev()
            .find(|(r, _)| r.end == before)
            .map(|(_, c)| *c);
        let claim = match claim_before {
            Some(c) => (c, self.out.claims[c].quote_type),
            None => {
                // The clause from the sentence start, without a leading `إن` or `و`.
                let mut start = s.start;
                while start < before
                    && (!self.is_word(start)
                        || in_set(&COMPLEMENTIZERS, self.key(start))
                        || self.key(start) == "و")
                {
                    start += 1;
                }
                self.add_claim(start..before)?
            }
        };
        let outer = self.attribute(claim, Some(source), cue, &form, Template::Preposition, None);
        for a in 0..outer {
            if self.out.attributions[a].claim == claim.0
                && self.out.attributions[a].nested_in.is_none()
            {
                self.out.attributions[a].nested_in = Some(outer);
            }
        }
        Some(cue_tokens.end)
    }
}

// ---------------------------------------------------------------------------------------------
// Conversion into annotations

/// What [`add_to_annotations`] added.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Added {
    pub sources: usize,
    pub claims: usize,
    pub attributions: usize,
}

/// Adds the suggestions to `set` as `suggested` items with origin `rule` by `cues:<template>`.
/// A source or claim whose span is already in the set (whatever its review status, so a
/// rejected suggestion does not come back) is reused rather than duplicated, and an
/// attribution already linking the same claim and source is skipped. Claims from passive cues
/// (`قيل إن`) have no source to link and are added alone. Spans that do not fit `article` are
/// skipped.
pub fn add_to_annotations(
    set: &mut model::AnnotationSet,
    article: &Article,
    suggestions: &CueSuggestions,
) -> Added {
    let mut added = Added::default();
    let by_of = |template: Template| format!("cues:{}", template.as_str());
    // The template that first used each source and claim, for their origin.
    let mut source_template: Vec<Option<Template>> = vec![None; suggestions.sources.len()];
    let mut claim_template: Vec<Option<Template>> = vec![None; suggestions.claims.len()];
    for a in &suggestions.attributions {
        if let Some(slot) = a.source.and_then(|s| source_template.get_mut(s)) {
            slot.get_or_insert(a.template);
        }
        if let Some(slot) = claim_template.get_mut(a.claim) {
            slot.get_or_insert(a.template);
        }
    }
    let mut source_ids: Vec<Option<String>> = Vec::with_capacity(suggestions.sources.len());
    for (i, s) in suggestions.sources.iter().enumerate() {
        let existing = set
            .sources
            .iter()
            .find(|x| x.span.is_some_and(|sp| sp.range() == s.span))
            .map(|x| x.id.clone());
        let id = existing.or_else(|| {
            let template = source_template[i].unwrap_or(Template::Vso);
            let origin = model::Origin::rule(&by_of(template), None);
            let mut source =
                model::Source::suggested(article, s.span.clone(), s.source_type, origin).ok()?;
            source.id = set.unique_id(&source.id, model::ItemKind::Source);
            source.name = article.text.get(s.name.clone())?.to_owned();
            let id = source.id.clone();
            set.sources.push(source);
            added.sources += 1;
            Some(id)
        });
        source_ids.push(id);
    }
    let mut claim_ids: Vec<Option<String>> = Vec::with_capacity(suggestions.claims.len());
    for (i, c) in suggestions.claims.iter().enumerate() {
        let existing = set
            .claims
            .iter()
            .find(|x| x.span.range() == c.span)
            .map(|x| x.id.clone());
        let id = existing.or_else(|| {
            let template = claim_template[i].unwrap_or(Template::Vso);
            let claim_type = if c.quote_type == QuoteType::Direct {
                model::ClaimType::Quote
            } else {
                model::ClaimType::Statement
            };
            let origin = model::Origin::rule(&by_of(template), None);
            let mut claim =
                model::Claim::suggested(article, c.span.clone(), claim_type, origin).ok()?;
            claim.id = set.unique_id(&claim.id, model::ItemKind::Claim);
            let id = claim.id.clone();
            set.claims.push(claim);
            added.claims += 1;
            Some(id)
        });
        claim_ids.push(id);
    }
    for a in &suggestions.attributions {
        let (Some(Some(claim_id)), Some(Some(source_id))) = (
            claim_ids.get(a.claim),
            a.source.and_then(|s| source_ids.get(s)),
        ) else {
            continue;
        };
        if set
            .attributions
            .iter()
            .any(|x| &x.claim_id == claim_id && &x.source_id == source_id)
        {
            continue;
        }
        let cue = model::Span::checked(article, a.cue.clone()).ok();
        let origin = model::Origin::rule(&by_of(a.template), None);
        let mut attribution =
            model::Attribution::suggested(claim_id, source_id, cue, a.quote_type, origin);
        attribution.id = set.unique_id(&attribution.id, model::ItemKind::Attribution);
        set.attributions.push(attribution);
        added.attributions += 1;
    }
    set.sort();
    added
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One suggestion in readable form.
    #[derive(Debug)]
    struct Triple {
        source: Option<String>,
        source_type: Option<SourceType>,
        cue: String,
        claim: String,
        template: Template,
        quote_type: QuoteType,
        stance: Stance,
        distancing: bool,
        nested_in: Option<usize>,
    }

    fn triples(text: &str) -> Vec<Triple> {
        let article = Article::from_text("t", text.to_owned());
        let s = suggest_article(&article);
        s.attributions
            .iter()
            .map(|a| Triple {
                source: a
                    .source
                    .map(|i| article.text[s.sources[i].span.clone()].to_owned()),
                source_type: a.source.map(|i| s.sources[i].source_type),
                cue: article.text[a.cue.clone()].to_owned(),
                claim: article.text[s.claims[a.claim].span.clone()].to_owned(),
                template: a.template,
                quote_type: a.quote_type,
                stance: a.stance,
                distancing: a.distancing,
                nested_in: a.nested_in,
            })
            .collect()
    }

    fn one(text: &str) -> Triple {
        let mut all = triples(text);
        assert_eq!(
            all.len(),
            1,
            "expected one suggestion in {text:?}: {all:#?}"
        );
        all.remove(0)
    }

    #[test]
    fn verb_inflections_with_prefixes() {
        let cases = [
            ("وقالت الوزارة إن الوضع مستقر.", "قالت", "الوزارة"),
            ("فأكد الوزير أن الوضع مستقر.", "أكد", "الوزير"),
            ("وقد أعلن الجيش أن الوضع مستقر.", "أعلن", "الجيش"),
            ("كما أكدت الوزارة أن الوضع مستقر.", "أكدت", "الوزارة"),
            ("تقول الوزارة إن الوضع مستقر.", "تقول", "الوزارة"),
            ("وصرح المحافظ بأن الوضع مستقر.", "صرح", "المحافظ"),
            ("وأفادت الشرطة بأن الوضع مستقر.", "أفادت", "الشرطة"),
            ("وأَكَّدَ الوَزِيرُ أَنَّ الوَضْعَ مُسْتَقِرٌّ.", "أَكَّدَ", "الوَزِيرُ"),
            ("واكد الوزير ان الوضع مستقر.", "اكد", "الوزير"),
        ];
        for (text, cue, source) in cases {
            let t = one(text);
            assert_eq!(t.cue, cue, "{text}");
            assert_eq!(t.source.as_deref(), Some(source), "{text}");
            assert!(
                t.claim.ends_with("مستقر") || t.claim.ends_with("مُسْتَقِرٌّ"),
                "{text}: {t:?}"
            );
            assert_eq!(t.template, Template::Vso);
        }
    }

    #[test]
    fn vso_with_title_name_and_time_before_object_claim() {
        let t = one(
            "أعلن المتحدث باسم الجيش اللبناني العميد نزيه جريج، الأحد، انتهاء العملية في الشمال.",
        );
        assert_eq!(
            t.source.as_deref(),
            Some("المتحدث باسم الجيش اللبناني العميد نزيه جريج")
        );
        assert_eq!(t.source_type, Some(SourceType::Official));
        assert_eq!(t.claim, "انتهاء العملية في الشمال");
    }

    #[test]
    fn svo_order() {
        let t = one("الوزارة قالت إن المساعدات وصلت إلى المدينة.");
        assert_eq!(t.template, Template::Svo);
        assert_eq!(t.source.as_deref(), Some("الوزارة"));
        assert_eq!(t.claim, "المساعدات وصلت إلى المدينة");
        let t = one("وكان وزير الصحة قد أعلن أن المستشفى سيفتح غداً.");
        assert_eq!(t.template, Template::Svo);
        assert_eq!(t.source.as_deref(), Some("وزير الصحة"));
    }

    #[test]
    fn family_names_starting_with_lam_versus_addressees() {
        let t = one("قال وزير الخارجية الروسي سيرغي لافروف إن المحادثات مثمرة.");
        assert_eq!(
            t.source.as_deref(),
            Some("وزير الخارجية الروسي سيرغي لافروف")
        );
        let t = one("وقال الوزير أحمد لرويترز إن المحادثات مثمرة.");
        assert_eq!(t.source.as_deref(), Some("الوزير أحمد"));
        let t = one("وقال المتحدث محمد للصحفيين إن المحادثات مثمرة.");
        assert_eq!(t.source.as_deref(), Some("المتحدث محمد"));
    }

    #[test]
    fn trailing_and_leading_prepositions() {
        let t = one("قتل خمسة أشخاص في القصف، بحسب مصادر طبية.");
        assert_eq!(t.cue, "بحسب");
        assert_eq!(t.source.as_deref(), Some("مصادر طبية"));
        assert_eq!(t.source_type, Some(SourceType::Anonymous));
        assert_eq!(t.claim, "قتل خمسة أشخاص في القصف");
        assert_eq!(t.template, Template::Preposition);

        let t = one("وبحسب المرصد السوري، فإن القصف أسفر عن مقتل خمسة.");
        assert_eq!(t.source.as_deref(), Some("المرصد السوري"));
        assert_eq!(t.source_type, Some(SourceType::Organization));
        assert_eq!(t.claim, "القصف أسفر عن مقتل خمسة");

        let t = one("ارتفع عدد القتلى إلى عشرة، وفقاً لـ وزارة الصحة.");
        assert_eq!(t.cue, "وفقاً لـ");
        assert_eq!(t.source.as_deref(), Some("وزارة الصحة"));

        let t = one("ارتفع عدد القتلى إلى عشرة، وفقا لمصادر محلية.");
        assert_eq!(t.source.as_deref(), Some("مصادر محلية"));

        let t = one("سقط عشرات القتلى في الهجوم، نقلاً عن وكالة الأنباء الرسمية.");
        assert_eq!(t.cue, "نقلاً عن");
        assert_eq!(t.source.as_deref(), Some("وكالة الأنباء الرسمية"));
        assert_eq!(t.source_type, Some(SourceType::MediaOutlet));

        let t = one("وحسب ما أفادت وكالة الأنباء، فإن الاجتماع تأجل.");
        assert_eq!(t.cue, "حسب ما أفادت");
        assert_eq!(t.source.as_deref(), Some("وكالة الأنباء"));
        assert_eq!(t.claim, "الاجتماع تأجل");
    }

    #[test]
    fn trailing_preposition_relays_an_attributed_claim() {
        let all = triples("وقالت المصادر إن القصف استمر، بحسب وكالة الأنباء.");
        assert_eq!(all.len(), 2, "{all:#?}");
        assert_eq!(all[0].claim, all[1].claim);
        let outlet = all
            .iter()
            .position(|t| t.cue == "بحسب")
            .expect("outlet attribution");
        let inner = 1 - outlet;
        assert_eq!(all[inner].source.as_deref(), Some("المصادر"));
        assert_eq!(all[inner].nested_in, Some(outlet));
    }

    #[test]
    fn anonymous_and_collective_sources() {
        let cases = [
            (
                "وقال مصدر أمني إن الهجوم فشل.",
                "مصدر أمني",
                SourceType::AnonymousOfficial,
            ),
            (
                "وذكرت مصادر مطلعة أن الهجوم فشل.",
                "مصادر مطلعة",
                SourceType::Anonymous,
            ),
            (
                "وقال شهود عيان إن الهجوم فشل.",
                "شهود عيان",
                SourceType::Eyewitness,
            ),
            (
                "وقال سكان محليون إن الهجوم فشل.",
                "سكان محليون",
                SourceType::AffectedPerson,
            ),
            (
                "وقال مسؤول إن الهجوم فشل.",
                "مسؤول",
                SourceType::AnonymousOfficial,
            ),
            ("وقال خبراء إن الهجوم فشل.", "خبراء", SourceType::Expert),
            (
                "وذكر مراسلنا أن الهجوم فشل.",
                "مراسلنا",
                SourceType::Journalist,
            ),
            (
                "وقال ناشطون إن الهجوم فشل.",
                "ناشطون",
                SourceType::SocialMedia,
            ),
            ("وذكر تقرير أن الهجوم فشل.", "تقرير", SourceType::Document),
        ];
        for (text, source, ty) in cases {
            let t = one(text);
            assert_eq!(t.source.as_deref(), Some(source), "{text}");
            assert_eq!(t.source_type, Some(ty), "{text}");
            assert_eq!(t.claim, "الهجوم فشل", "{text}");
        }
    }

    #[test]
    fn pro_drop_links_to_the_previous_source() {
        let all = triples("قال الوزير إن الوضع مستقر. وأضاف أن المساعدات وصلت.");
        assert_eq!(all.len(), 2);
        assert_eq!(all[1].template, Template::ProDrop);
        assert_eq!(all[1].cue, "أضاف");
        assert_eq!(all[1].source.as_deref(), Some("الوزير"));
        assert_eq!(all[1].claim, "المساعدات وصلت");

        // Across a paragraph break.
        let all = triples("قال الوزير إن الوضع مستقر.\nوتابع: «المساعدات وصلت».");
        assert_eq!(all.len(), 2);
        assert_eq!(all[1].source.as_deref(), Some("الوزير"));
        assert_eq!(all[1].quote_type, QuoteType::Direct);
    }

    #[test]
    fn pro_drop_prefers_a_source_of_the_same_gender() {
        let all = triples(
            "قالت الوزارة إن الوضع مستقر. وقال المتحدث إن المساعدات وصلت. وأوضحت أن المعبر مفتوح.",
        );
        assert_eq!(all.len(), 3);
        assert_eq!(all[2].cue, "أوضحت");
        assert_eq!(all[2].source.as_deref(), Some("الوزارة"));
    }

    #[test]
    fn pro_drop_without_antecedent_is_not_suggested() {
        assert!(triples("وأضاف أن الوضع مستقر.").is_empty());
    }

    #[test]
    fn pro_drop_can_point_to_a_speaker_without_claim() {
        let all = triples("تحدث الوزير في المؤتمر عن الأزمة، وقال: «الوضع مستقر».");
        assert_eq!(all.len(), 1, "{all:#?}");
        assert_eq!(all[0].source.as_deref(), Some("الوزير"));
    }

    #[test]
    fn participle_continues_the_sentence_source() {
        let all = triples("قال الوزير إن الوضع مستقر، مشيراً إلى أن المساعدات وصلت.");
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].claim, "الوضع مستقر");
        assert_eq!(all[1].template, Template::Participle);
        assert_eq!(all[1].source.as_deref(), Some("الوزير"));
        assert_eq!(all[1].claim, "المساعدات وصلت");
    }

    #[test]
    fn passive_cues_have_no_source() {
        let t = one("وقيل إن الهجوم أوقع قتلى.");
        assert_eq!(t.template, Template::Passive);
        assert_eq!(t.source, None);
        assert_eq!(t.claim, "الهجوم أوقع قتلى");
        let t = one("وأُفيد بأن الهجوم أوقع قتلى.");
        assert_eq!(t.source, None);
        let t = one("وذُكِرَ أن الهجوم أوقع قتلى.");
        assert_eq!(t.template, Template::Passive);
    }

    #[test]
    fn direct_quotes_in_guillemets_straight_and_curly_marks() {
        for text in [
            "وقال الوزير: «نحن مستعدون للحوار».",
            "وقال الوزير: \"نحن مستعدون للحوار\".",
            "قال الوزير “نحن مستعدون للحوار”.",
            "وقال الوزير: إن «نحن مستعدون للحوار».",
        ] {
            let t = one(text);
            assert_eq!(t.claim, "نحن مستعدون للحوار", "{text}");
            assert_eq!(t.quote_type, QuoteType::Direct, "{text}");
            assert_eq!(t.source.as_deref(), Some("الوزير"), "{text}");
        }
        let t = one("وأكد الوزير أن الحكومة \"لن تتراجع عن قرارها\".");
        assert_eq!(t.quote_type, QuoteType::Mixed);
        assert_eq!(t.claim, "الحكومة \"لن تتراجع عن قرارها\"");
    }

    #[test]
    fn quotations_after_a_statement_verb() {
        let all = triples("نشرت الوزارة بياناً جاء فيه \"الوضع تحت السيطرة تماماً\".");
        assert_eq!(all.len(), 1, "{all:#?}");
        assert_eq!(all[0].template, Template::Quotation);
        assert_eq!(all[0].claim, "الوضع تحت السيطرة تماماً");
    }

    #[test]
    fn relayed_statement_has_outer_and_inner_sources() {
        let all = triples("ونقلت وكالة رويترز عن مسؤول أمني قوله إن الهجوم فشل.");
        assert_eq!(all.len(), 2, "{all:#?}");
        let outer = all
            .iter()
            .position(|t| t.source.as_deref() == Some("وكالة رويترز"))
            .expect("outlet attribution");
        let inner = 1 - outer;
        assert_eq!(all[outer].source_type, Some(SourceType::MediaOutlet));
        assert_eq!(all[inner].source.as_deref(), Some("مسؤول أمني"));
        assert_eq!(all[inner].template, Template::Relay);
        assert_eq!(all[inner].nested_in, Some(outer));
        assert_eq!(all[inner].claim, "الهجوم فشل");
    }

    #[test]
    fn stance_and_distancing() {
        let t = one("ونفى المتحدث أن يكون الجيش قصف المدينة.");
        assert_eq!(t.stance, Stance::Denies);
        let t = one("وزعم المتحدث أن الجيش لم يقصف المدينة.");
        assert!(t.distancing);
        let t = one("ويتوقع خبراء أن ترتفع الأسعار.");
        assert_eq!(t.stance, Stance::Predicts);
    }

    #[test]
    fn verbs_of_saying_that_introduce_no_claim() {
        for text in [
            "وهذه هي العملية الأولى التي تعلن عنها الحكومة، منذ سقوط النظام.",
            "وقال الوزير في مؤتمر صحفي عقده أمس.",
            "وجرى اللقاء بين الطرفين في العاصمة.",
            "يذكر أن المدينة شهدت اشتباكات العام الماضي.",
            "الرجل الذي قال كلمته ورحل.",
            "وكشفت الحملة عن مخازن للأسلحة.",
            "وتابع الجمهور المباراة حتى نهايتها.",
        ] {
            assert!(triples(text).is_empty(), "{text}: {:#?}", triples(text));
        }
    }

    #[test]
    fn cue_inside_a_claim_is_content_unless_it_reports_a_clause() {
        let all = triples("وذكرت مصادر أن الحملة كشفت عن مخازن للأسلحة.");
        assert_eq!(all.len(), 1);
        let all = triples("وأضاف الوزير أن الحكومة ماضية في خطتها، مع أنه صرح أن الموازنة محدودة.");
        assert_eq!(all.len(), 2, "{all:#?}");
        assert_eq!(all[0].claim, "الحكومة ماضية في خطتها");
        assert_eq!(all[1].claim, "الموازنة محدودة");
        assert_eq!(all[1].source.as_deref(), Some("الوزير"));
    }

    #[test]
    fn conversion_adds_suggested_rule_items_once() {
        let article = Article::sample();
        let suggestions = suggest_article(&article);
        let mut set = model::AnnotationSet::default();
        let added = add_to_annotations(&mut set, &article, &suggestions);
        assert_eq!(added.sources, suggestions.sources.len());
        assert_eq!(added.claims, suggestions.claims.len());
        assert_eq!(added.attributions, suggestions.attributions.len());
        for a in &set.attributions {
            assert_eq!(a.review.status, model::ReviewStatus::Suggested);
            assert_eq!(a.origin.kind, model::OriginKind::Rule);
            assert!(a.origin.by.starts_with("cues:"), "{}", a.origin.by);
            assert!(set.claims.iter().any(|c| c.id == a.claim_id));
            assert!(set.sources.iter().any(|s| s.id == a.source_id));
        }
        assert!(set.sources.iter().any(|s| {
            s.name == "نور الدين البابا"
                && s.source_type == model::SourceType::Official
                && s.span.is_some_and(|sp| {
                    sp.text(&article) == "المتحدث باسم وزارة الداخلية السورية نور الدين البابا"
                })
        }));
        assert!(
            set.claims
                .iter()
                .any(|c| c.claim_type == model::ClaimType::Quote)
        );
        let again = add_to_annotations(&mut set, &article, &suggestions);
        assert_eq!(again, Added::default());
    }

    #[test]
    fn conversion_keeps_rejected_items_rejected() {
        let article = Article::sample();
        let suggestions = suggest_article(&article);
        let mut set = model::AnnotationSet::default();
        add_to_annotations(&mut set, &article, &suggestions);
        for s in &mut set.sources {
            s.review
                .set_status(model::ReviewStatus::Rejected, "analyst");
        }
        let before = set.sources.len();
        add_to_annotations(&mut set, &article, &suggestions);
        assert_eq!(set.sources.len(), before);
        assert!(
            set.sources
                .iter()
                .all(|s| s.review.status == model::ReviewStatus::Rejected)
        );
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_spans_fit(
            text in "[\\PC«»\"“”،:.\u{064B}-\u{0652}\u{0640}قالتأعلنوفبحسبإنأنمصادرشهود \n]{0,120}",
        ) {
            let article = Article::from_text("t", text.clone());
            let s = suggest_article(&article);
            let fits = |r: &Range<usize>| {
                r.start < r.end && r.end <= text.len()
                    && text.is_char_boundary(r.start) && text.is_char_boundary(r.end)
            };
            for x in &s.sources {
                proptest::prop_assert!(fits(&x.span) && fits(&x.name));
            }
            for c in &s.claims {
                proptest::prop_assert!(fits(&c.span));
            }
            for a in &s.attributions {
                proptest::prop_assert!(fits(&a.cue));
                proptest::prop_assert!(a.claim < s.claims.len());
                proptest::prop_assert!(a.source.is_none_or(|i| i < s.sources.len()));
                proptest::prop_assert!(a.nested_in.is_none_or(|i| i < s.attributions.len()));
            }
        }
    }
}
