//! Names that a head noun introduces and no list knows: a name in quotation marks after an
//! organisation, event, facility or work head (شركة «…»، مهرجان "…"، فيلم «…»: the name
//! without its marks and head, guidelines §9.4), and a transliterated name after the head of
//! a work or product (فيلم برسبوليس، فيروس فليم: head and name, §9.3), and a family name in
//! quotation marks after a verb of saying (وأضاف «شكري»، …).

use super::apposition::unknown_name_word;
use super::*;

static MISC_HEADS: LazyLock<WordSet> = LazyLock::new(|| word_set(lists::MISC_HEADS));
static PLAIN_ADJECTIVES: LazyLock<WordSet> = LazyLock::new(|| word_set(lists::PLAIN_ADJECTIVES));
/// A plain indefinite adjective of `plain-adjectives.txt`, masculine or feminine (جديد،
/// جديدة): it describes the noun before it and names nothing.
pub(super) fn plain_adjective(stem: &str) -> bool {
    PLAIN_ADJECTIVES.contains(stem)
        || stem
            .strip_suffix('ه')
            .is_some_and(|masculine| PLAIN_ADJECTIVES.contains(masculine))
}

static QUOTED_NAME_HEADS: LazyLock<WordSet> = LazyLock::new(|| word_set(lists::QUOTED_NAME_HEADS));

/// Marks that open and close a name (`"` and `'` do both).
const OPENING: &str = "«\"“'";
const CLOSING: &str = "»\"”'";

/// The label of what the head noun at `i` introduces: a work (MISC), an organisation, an
/// event or a facility. The lists of works come first: برنامج «…» names a programme.
fn head_label(ctx: &Ctx, i: usize) -> Option<Label> {
    let t = ctx.word(i)?;
    let stem = ctx.stem(i);
    if misc_head_start(ctx, i).is_some() {
        Some(Label::MISC)
    } else if t.is(class::ORG_HEAD) || QUOTED_NAME_HEADS.contains(stem) {
        Some(Label::ORG)
    } else if t.is(class::EVENT_HEAD) {
        Some(Label::EVENT)
    } else if t.is(class::FAC_HEAD) {
        Some(Label::FAC)
    } else {
        None
    }
}

/// The words between the mark at `open` and its closing mark, when they can be a name: one to
/// six words or numbers on one line, not starting with a particle or a verb of saying (a
/// quotation: وقالت الحركة "إن …" / "لن …").
fn quoted_words(ctx: &Ctx, open: usize) -> Option<(usize, usize)> {
    if !ctx.is_punct(open, OPENING) {
        return None;
    }
    let first = open + 1;
    ctx.word(first)
        .filter(|t| !t.is(class::STOP | class::CUE) && !verb_shaped(ctx.stem(first)))?;
    let mut j = first;
    while j < ctx.toks.len() && j <= first + 6 {
        match ctx.toks[j].kind {
            TokenKind::Word | TokenKind::Number => j += 1,
            TokenKind::Punct if j > first && ctx.is_punct(j, CLOSING) => {
                return Some((first, j - 1));
            }
            TokenKind::Punct if ctx.is_punct(j, "-/") => j += 1,
            _ => return None,
        }
    }
    None
}

/// A name in quotation marks after a head noun without the article (شركة «…»، لفيلم "…"، ومهرجان
/// «…»): a definite head before a quotation is more often a speaker (وقالت الحركة "…").
fn quoted_name(ctx: &mut Ctx, i: usize) -> Option<usize> {
    let t = ctx.word(i)?;
    // The cheap test first: most words are followed by no quotation mark.
    let (first, last) = quoted_words(ctx, i + 1)?;
    if t.definite && misc_head_start(ctx, i).is_none() {
        return None;
    }
    let label = head_label(ctx, i)?;
    ctx.push(first, last, label, "rule:quoted-name", 0.75);
    Some(last + 2)
}

/// A transliterated name of one or two words after the head of a work or product, without
/// the article (فيلم برسبوليس، لفيروس ميني فليم): no list knows the words, they do not end in
/// ة (an Arabic noun or adjective: فيلم رسوم متحركة) nor in ون (تطبيق قانون), are no frequent adjective (فيلم جديد), and
/// no such adjective follows them.
fn transliterated_work(ctx: &mut Ctx, i: usize) -> Option<usize> {
    let t = ctx.word(i)?;
    // The cheap tests first: an indefinite word followed by a word of no list.
    if t.definite
        || ctx
            .word(i + 1)
            .is_none_or(|n| n.classes & !class::FOREIGN_NAME != 0)
    {
        return None;
    }
    let head_start = misc_head_start(ctx, i)?;
    let foreign = |j: usize| {
        let stem = ctx.stem(j);
        unknown_name_word(ctx, j)
            && stem.chars().count() >= 4
            && !arabic_shaped(stem)
            && !stem.ends_with("ون")
            && !PLAIN_ADJECTIVES.contains(stem)
    };
    let len = (i + 1..ctx.toks.len().min(i + 3))
        .take_while(|&j| foreign(j))
        .count();
    if len == 0 {
        return None;
    }
    let last = i + len;
    let adjective_after = ctx
        .word(last + 1)
        .is_some_and(|n| !n.definite && n.clitic == 0 && ctx.stem(last + 1).ends_with('ه'));
    if adjective_after {
        return None;
    }
    ctx.out.push(Found {
        range: head_start..ctx.toks[last].range.end,
        label: Label::MISC,
        by: "rule:work-head",
        score: 0.55,
    });
    Some(last + 1)
}

/// Where the head of a work at word `i` starts, after its proclitics: the tokeniser splits
/// them off known words only, and the heads of works are in no list it reads (لفيلم، وكتاب).
fn misc_head_start(ctx: &Ctx, i: usize) -> Option<usize> {
    let t = ctx.word(i)?;
    if MISC_HEADS.contains(ctx.stem(i)) {
        return Some(ctx.stem_start(i));
    }
    let word = t.text(ctx.norm);
    ["وب", "ول", "فب", "فل", "و", "ف", "ب", "ل", "ك"]
        .iter()
        .find(|p| {
            word.strip_prefix(**p)
                .is_some_and(|rest| MISC_HEADS.contains(rest))
        })
        .map(|p| t.range.start + p.len())
}

/// Signs of an Arabic word rather than a transliteration: a feminine or plural ending (ة، ات),
/// a verb's or a pronoun's suffix (أنقذوا، أطلقتها), the pattern of a comparative (أكثر) or of a
/// verbal noun (إقرار، احتجاز، استفتاء), a preposition glued to a verbal noun or participle (لتفريق).
pub(super) fn arabic_shaped(stem: &str) -> bool {
    let chars: Vec<char> = stem.chars().collect();
    let n = chars.len();
    ["ه", "ات", "وا", "ها", "هم", "نا"]
        .iter()
        .any(|end| stem.ends_with(end))
        || (chars[0] == 'ا' && (n == 4 || (n >= 5 && chars[n - 2] == 'ا')))
        || (matches!(chars[0], 'ل' | 'ب' | 'و') && matches!(chars[1], 'ت' | 'م' | 'ا'))
}

/// A family name in quotation marks right after a verb of saying (وأضاف «شكري»، خلال كلمته،
/// أن …؛ وأشارت "زايد" إلى …), as outlets write a name that came before: one or two words that
/// can be a name (no particle, verb or word of a list but names), followed by a comma or a
/// particle. A quotation takes a colon before it or runs longer.
fn quoted_speaker(ctx: &mut Ctx, i: usize) -> Option<usize> {
    // The cheap test first: most words are followed by no quotation mark.
    if !ctx.is_punct(i + 1, OPENING) || !ctx.is_class(i, class::CUE) {
        return None;
    }
    let (first, last) = quoted_words(ctx, i + 1)?;
    let name_like = |j: usize| {
        ctx.word(j).is_some_and(|t| {
            let named = ctx.gaz[j]
                .as_ref()
                .is_none_or(|(label, _)| *label == Label::PERSON);
            let listed = t.classes
                & !(class::GIVEN_NAME | class::FOREIGN_NAME | class::NAME_CONNECTOR | class::NORP)
                != 0;
            t.clitic == 0
                && named
                && !listed
                && !verb_shaped(ctx.stem(j))
                && !future_verb(ctx.stem(j))
        })
    };
    let after = last + 2;
    let closes = ctx.is_punct(after, "،,")
        || ctx
            .word(after)
            .is_some_and(|t| t.is(class::STOP) && t.clitic == 0);
    if last > first + 1 || !(first..=last).all(name_like) || !closes {
        return None;
    }
    ctx.push(first, last, Label::PERSON, "rule:quoted-speaker", 0.6);
    Some(after)
}

/// A future verb: س before an imperfect prefix (سنعود، سيبقى، ستبدأ، سأعود).
fn future_verb(stem: &str) -> bool {
    let mut chars = stem.chars();
    chars.next() == Some('س')
        && matches!(chars.next(), Some('ي' | 'ت' | 'ن' | 'ا'))
        && stem.chars().count() >= 5
}

/// Every head-noun name rule at each word; a match skips past the name it found.
pub(super) fn quoted_rule(ctx: &mut Ctx) {
    let mut i = 0;
    while i < ctx.toks.len() {
        i = quoted_name(ctx, i)
            .or_else(|| transliterated_work(ctx, i))
            .or_else(|| quoted_speaker(ctx, i))
            .unwrap_or(i + 1);
    }
}
