//! Coreference of sources (`same_as`, docs/attribution-guidelines.md §3.4): a later mention
//! that names a source already mentioned points at its **first** mention. Three families, each
//! with a check that the two can be the same:
//!
//! - a description (`المسؤول`، `الوزير`، `شهود العيان`، `المصدر نفسه`) refers to the nearest
//!   earlier source within [`DESCRIPTION_WINDOW`] whose head noun is the same and that has all
//!   its other words (`الوزير` → `وزير الخارجية فلان`); `المصدر`/`المصادر` with no such head
//!   before refer to the last anonymous source;
//! - a name alone (`حداد`، `مارك`) refers to the first source that has it as a word, anywhere
//!   in the article, and a later full mention refers to a name given alone first (the headline
//!   `بلاتر`, then `سيب بلاتر رئيس الفيفا`);
//! - the same words again (`الباحثون` … `الباحثون`) are the same source.
//!
//! Words are compared folded and without ال; a description is a mention whose head is a
//! source head noun or a title (the cue parser's lists).

use std::borrow::Cow;
use std::sync::LazyLock;

use crate::annotate::model::{AnnotationSet, SourceType, Span};
use crate::article::Article;
use crate::extract::tokens::is_letter_or_digit;
use crate::extract::wordlists as lists;
use crate::text::normalize::normalize_str;

use super::{Rule, rule_of};

/// How far back (bytes) a description looks for the source it describes: a few paragraphs.
const DESCRIPTION_WINDOW: usize = 2400;

/// `نفسه`، `ذاته`: said after a description that it is the same one.
static SAME_WORDS: LazyLock<lists::WordSet> =
    LazyLock::new(|| lists::word_set(lists::CHAIN_SAME_WORDS));

/// Titles before a name (`الرئيس`، `وزير`): a mention headed by one is a description.
static TITLES: LazyLock<lists::WordSet> = LazyLock::new(|| lists::word_set(lists::TITLES));

/// Quantity words before a plural head (`عدة وسائل إعلام`، `بعض الشهود`): the head follows.
static QUANTIFIERS: LazyLock<lists::WordSet> =
    LazyLock::new(|| lists::word_set(lists::PARTITIVE_HEADS));

/// `أبو`، `بن`، `عبد`: a name goes on after them.
static NAME_PARTICLES: LazyLock<lists::WordSet> =
    LazyLock::new(|| lists::word_set(lists::NAME_PARTICLES));

/// Words not to take for a name (particles, pronouns, stop words).
static NOT_NAMES: LazyLock<lists::WordSet> = LazyLock::new(|| {
    let mut words = lists::word_set(lists::STOP_WORDS);
    words.extend(lists::folded(lists::PARTICLES));
    words
});

/// A word without ال when at least three letters remain.
fn bare(word: &str) -> &str {
    word.strip_prefix("ال")
        .filter(|b| b.chars().count() >= 3)
        .unwrap_or(word)
}

/// Whether a folded word (without ال) heads a description: a source head noun or a title.
fn is_head_noun(word: &str) -> bool {
    crate::extract::cues::source_head_type(bare(word)).is_some()
        || TITLES.contains(word)
        || TITLES.contains(bare(word))
}

/// One source mention, its words folded.
struct Mention {
    /// Index in `set.sources`.
    at: usize,
    start: usize,
    kind: SourceType,
    words: Vec<String>,
    /// The head words of its appositions, folded without ال: the word after each comma
    /// (`ياسر حمدي، المتحدث باسم الرئاسة` → `متحدث`).
    apposition_heads: Vec<String>,
    /// [`Mention::content`], made once: the rules compare every mention with every earlier
    /// one, and made per pair it was a copy of each word per comparison.
    content: (Vec<String>, bool),
    /// [`Mention::lone_name`] is `words[0]`, decided once for the same reason.
    lone: bool,
}

impl Mention {
    /// The mention of `text` (the source at `at` in `set.sources`, starting at byte `start`).
    fn new(at: usize, start: usize, kind: SourceType, text: &str) -> Mention {
        let mut mention = Mention {
            at,
            start,
            kind,
            words: mention_words(text),
            apposition_heads: apposition_heads(text),
            content: (Vec::new(), false),
            lone: false,
        };
        mention.content = mention.make_content();
        mention.lone = match mention.words.as_slice() {
            [w] => w.chars().count() >= 3 && !is_head_noun(w) && !NOT_NAMES.contains(w),
            _ => false,
        };
        mention
    }

    /// The head word (without ال) after a quantity word, and the words after it.
    fn head(&self) -> Option<(&str, &[String])> {
        let skip = usize::from(self.words.len() > 1 && QUANTIFIERS.contains(bare(&self.words[0])));
        let head = self.words.get(skip)?;
        Some((bare(head), &self.words[skip + 1..]))
    }

    /// A description of an earlier source: headed by a head noun or title, definite itself or
    /// through the noun after it (`الوزير`، `وزير الخارجية`), short.
    fn is_description(&self) -> bool {
        let Some(first) = self.words.first() else {
            return false;
        };
        let definite =
            first.starts_with("ال") || self.words.get(1).is_some_and(|w| w.starts_with("ال"));
        definite && self.words.len() <= 4 && self.head().is_some_and(|(h, _)| is_head_noun(h))
    }

    /// A name standing alone: one word that is no head noun, title or particle.
    fn lone_name(&self) -> Option<&str> {
        self.words.first().filter(|_| self.lone).map(String::as_str)
    }

    fn has_word(&self, word: &str) -> bool {
        // `word`'s forms once, not once per word of the mention
        let bare_word = bare(word);
        let key = folded_key(word);
        self.words
            .iter()
            .any(|w| w == word || bare(w) == bare_word || folded_key(w) == key)
    }
}

/// The folded words of a mention's text, quotation marks and punctuation set aside, the words
/// that say "the same one" left out.
fn mention_words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| normalize_str(w.trim_matches(|c: char| !is_letter_or_digit(c))))
        .filter(|w| !w.is_empty() && !SAME_WORDS.contains(w))
        .collect()
}

/// Whether description `d` describes the earlier mention `e`: the same head noun (its own or
/// an apposition's: `المتحدث` after `فلان، المتحدث باسم …`), and every other word of `d` in `e`.
fn describes(d: &Mention, e: &Mention) -> bool {
    let (Some((head, rest)), Some((e_head, _))) = (d.head(), e.head()) else {
        return false;
    };
    (head == e_head || e.apposition_heads.iter().any(|h| h == head))
        && rest.iter().all(|w| e.has_word(w))
}

/// The first word after each comma of a mention's text, folded and without ال.
fn apposition_heads(text: &str) -> Vec<String> {
    text.split('،')
        .skip(1)
        .filter_map(|part| part.split_whitespace().next())
        .map(|w| bare(&normalize_str(w)).to_owned())
        .collect()
}

/// A name of two words whose first is a name particle (`أبو زيد`، `ابن سلمان`): a name alone.
fn particle_name(m: &Mention) -> Option<&[String]> {
    match m.words.as_slice() {
        [p, n] if NAME_PARTICLES.contains(p) && !is_head_noun(n) && !NOT_NAMES.contains(n) => {
            Some(&m.words)
        }
        _ => None,
    }
}

/// A word compared across mentions of one source: without a و before ال (`والناشط`), without
/// ال, a sound plural in one case (`الإسرائيليين` as `إسرائيليون`).
fn folded_key(word: &str) -> Cow<'_, str> {
    let word = word
        .strip_prefix('و')
        .filter(|w| w.starts_with("ال"))
        .unwrap_or(word);
    // `للرصد` (ل + ال) as `الرصد`
    let word = match word.strip_prefix("لل") {
        Some(rest) if rest.chars().count() >= 3 => rest,
        _ => bare(word),
    };
    match word.strip_suffix("ين") {
        Some(stem) if stem.chars().count() >= 3 => Cow::Owned(format!("{stem}ون")),
        // borrowed: the mention comparisons fold every word pair, most keep their letters
        _ => Cow::Borrowed(word),
    }
}

impl Mention {
    /// The content words, folded by [`folded_key`], after a quantity word and its `من`
    /// (`مجموعة من علماء الآثار` → `علماء آثار`), and whether the first of them has ال.
    fn content(&self) -> (&[String], bool) {
        (&self.content.0, self.content.1)
    }

    /// What [`Mention::content`] gives, made.
    fn make_content(&self) -> (Vec<String>, bool) {
        let quantity =
            |w: &String| QUANTIFIERS.contains(bare(w)) || rule_of(w) == Some(Rule::Quantifier);
        let mut words = self.words.as_slice();
        if words.len() > 1 && quantity(&words[0]) {
            words = &words[1..];
            if words.len() > 1 && words[0] == "من" {
                words = &words[1..];
            }
        }
        // definite itself or through the noun after it (`علماء الآثار`)
        let with_al = |w: &String| {
            w.starts_with("ال") || w.strip_prefix('و').is_some_and(|x| x.starts_with("ال"))
        };
        let definite = words.iter().take(2).any(with_al);
        (
            words.iter().map(|w| folded_key(w).into_owned()).collect(),
            definite,
        )
    }
}

/// `العلماء`، `مجموعة من علماء الآثار الإسرائيليين` after `علماء آثار إسرائيليون`: a definite
/// mention with the head of an earlier indefinite one and only words it has.
fn repeats(m: &Mention, e: &Mention) -> bool {
    let ((mw, m_definite), (ew, e_definite)) = (m.content(), e.content());
    m_definite
        && !e_definite
        && mw.first().is_some_and(|h| ew.first() == Some(h))
        && mw.iter().all(|w| ew.contains(w))
}

/// `الناشط الحقوقي المغربي أحمد عصيد` after `ناشط حقوقي مغربي`: a definite mention that repeats
/// every word of an earlier indefinite description of two words or more, and names more.
fn names_description(m: &Mention, e: &Mention) -> bool {
    let ((mw, m_definite), (ew, e_definite)) = (m.content(), e.content());
    m_definite
        && !e_definite
        && ew.len() >= 2
        && mw.len() > ew.len()
        && ew.iter().all(|w| mw.contains(w))
}

/// `التقرير السنوي للنقابة` after `التقرير السنوي`: a mention that starts with every word of an
/// earlier definite mention of two words or more.
fn extends(m: &Mention, e: &Mention) -> bool {
    let (ew, e_definite) = e.content();
    let (mw, _) = m.content();
    e_definite && ew.len() >= 2 && mw.len() > ew.len() && mw.starts_with(ew)
}

/// `منظمة الصحة العالمية` and `الصحة العالمية`: the same name with and without its head noun,
/// either first.
fn head_added(m: &Mention, e: &Mention) -> bool {
    let ((mw, _), (ew, _)) = (m.content(), e.content());
    let with_head = |long: &[String], short: &[String]| {
        short.len() >= 2
            && long.len() == short.len() + 1
            && is_head_noun(&long[0])
            && !is_head_noun(&short[0])
            && long[1..] == *short
    };
    with_head(mw, ew) || with_head(ew, mw)
}

/// `منظمة الصحة العالمية` after `المنظمة`: a full name after its bare head alone, when that
/// was the first mention of the head (no earlier source with it).
fn names_bare_head(m: &Mention, e: &Mention, earlier: &[Mention]) -> bool {
    let [only] = e.words.as_slice() else {
        return false;
    };
    let Some((head, rest)) = m.head() else {
        return false;
    };
    let first_with_head = earlier
        .iter()
        .find(|x| x.head().is_some_and(|(h, _)| h == head))
        .is_some_and(|x| x.start == e.start);
    only.starts_with("ال")
        && bare(only) == head
        && !rest.is_empty()
        && e.kind != SourceType::Unknown
        && first_with_head
}

/// `المتحدث العسكري` after `المتحدث باسم الجيش فلان`: a definite description with the head of
/// exactly one earlier mention near it, its other words a different description of the same
/// one; a nationality the earlier mention does not have (`المسؤول الإسرائيلي` after `مسؤول
/// أمريكي`) says it is another.
fn only_one_with_the_head(
    m: &Mention,
    earlier: &[Mention],
    near: impl Fn(&&Mention) -> bool,
) -> Option<usize> {
    let (head, rest) = m.head()?;
    let same_head: Vec<usize> = (0..earlier.len())
        .filter(|&j| near(&&earlier[j]) && earlier[j].head().is_some_and(|(h, _)| h == head))
        .collect();
    let [j] = same_head.as_slice() else {
        return None;
    };
    let e = &earlier[*j];
    // only relational adjectives besides the head (`العسكري`), not a name (`الأمير فلان` is
    // not `الأمير علان`), and no nationality the earlier one lacks
    let adjectives = rest.iter().all(|w| {
        let w = bare(w);
        (w.ends_with('ي') || w.ends_with("يه")) && w.chars().count() > 3
    });
    let other_nationality = rest.iter().any(|w| is_nationality(w) && !e.has_word(w));
    (adjectives && !other_nationality && m.words.len() <= 3).then_some(*j)
}

/// Generic role words (`المسؤول`، `المسؤولة`): with a nationality they describe one earlier
/// person of that nationality (`المسؤول الفرنسي` after `الناطق باسم الخارجية الفرنسية فلان`).
const GENERIC_ROLES: [&str; 2] = ["مسؤول", "مسؤوله"];

/// The nationality stem of a folded word (`الفرنسية` → `فرنسي`).
fn nationality_stem(word: &str) -> Option<&str> {
    let stem = bare(word);
    let stem = ["ون", "ين", "ه"]
        .iter()
        .find_map(|e| stem.strip_suffix(e))
        .unwrap_or(stem);
    NATIONALITIES.contains(stem).then_some(stem)
}

/// `المسؤول الفرنسي`: the one earlier named mention near it with that nationality.
fn role_of_nationality(
    m: &Mention,
    earlier: &[Mention],
    near: impl Fn(&&Mention) -> bool,
) -> Option<usize> {
    let [role, nationality] = m.words.as_slice() else {
        return None;
    };
    if !role.starts_with("ال") || !GENERIC_ROLES.contains(&bare(role)) {
        return None;
    }
    let stem = nationality_stem(nationality)?;
    let named = |e: &Mention| {
        !matches!(
            e.kind,
            SourceType::Anonymous | SourceType::AnonymousOfficial
        ) && e.words.len() >= 3
            && e.words.iter().any(|w| nationality_stem(w) == Some(stem))
    };
    let found: Vec<usize> = (0..earlier.len())
        .filter(|&j| near(&&earlier[j]) && named(&earlier[j]))
        .collect();
    match found.as_slice() {
        [j] => Some(*j),
        _ => None,
    }
}

/// Nationality adjectives, folded without ال and a feminine or plural ending.
static NATIONALITIES: LazyLock<lists::WordSet> =
    LazyLock::new(|| lists::word_set(lists::NATIONALITIES));

/// Whether a folded word is a nationality adjective (`الإسرائيلي`، `الأمريكية`، `المصريون`).
fn is_nationality(word: &str) -> bool {
    let stem = bare(word);
    let stem = ["ون", "ين", "ه"]
        .iter()
        .find_map(|e| stem.strip_suffix(e))
        .unwrap_or(stem);
    NATIONALITIES.contains(stem)
}

/// The earlier mention `m` refers to, by the families above (an index into `earlier`).
fn antecedent(m: &Mention, text: &str, earlier: &[Mention]) -> Option<usize> {
    if m.is_description() {
        let near = |e: &&Mention| m.start.saturating_sub(e.start) <= DESCRIPTION_WINDOW;
        let found = earlier
            .iter()
            .rposition(|e| near(&e) && e.words != m.words && describes(m, e))
            .or_else(|| earlier.iter().rposition(|e| near(&e) && e.words == m.words))
            .or_else(|| only_one_with_the_head(m, earlier, near))
            .or_else(|| role_of_nationality(m, earlier, near));
        if found.is_some() {
            return found;
        }
        // «المصدر», «المصادر»: the last anonymous source before, unless a nationality says it
        // is another (`المسؤول الإسرائيلي` after `مسؤول أمريكي`)
        if rule_of(text) == Some(Rule::Anaphor) {
            return earlier.iter().rposition(|e| {
                near(&e)
                    && !m.words.iter().any(|w| is_nationality(w) && !e.has_word(w))
                    && matches!(
                        e.kind,
                        SourceType::Anonymous | SourceType::AnonymousOfficial
                    )
            });
        }
    }
    let near = |e: &Mention| m.start.saturating_sub(e.start) <= DESCRIPTION_WINDOW;
    let agree = |e: &Mention| e.kind == m.kind || [e.kind, m.kind].contains(&SourceType::Unknown);
    if let Some(j) = earlier.iter().rposition(|e| {
        near(e)
            && agree(e)
            && (repeats(m, e) || names_description(m, e) || extends(m, e) || head_added(m, e))
    }) {
        return Some(j);
    }
    if let Some(j) = earlier
        .iter()
        .rposition(|e| near(e) && names_bare_head(m, e, earlier))
    {
        return Some(j);
    }
    if let Some(name) = m.lone_name() {
        return earlier.iter().position(|e| e.has_word(name));
    }
    // `أبو زيد` after `السفير أحمد أبو زيد`: the two words in a row
    if let Some(name) = particle_name(m) {
        return earlier
            .iter()
            .position(|e| e.words.len() > 2 && e.words.windows(2).any(|w| w == name));
    }
    // a full mention after its name given alone (`موقع كورة` after `كورة`), or the same name
    // again; an indefinite description (`مصدر أمني` twice) is a new source each time
    // the name as written (`كورة` in `موقع كورة`), not a common noun made definite (`ناشط`,
    // then `الناشط البيئي فلان`)
    let described = m.head().is_some_and(|(h, _)| is_head_noun(h));
    earlier.iter().position(|e| {
        (e.words == m.words && !described)
            || e.lone_name()
                .is_some_and(|name| m.words.iter().any(|w| w == name))
    })
}

/// Most words after a title in the narration where its holder's name is looked for
/// (`وزيرة البيئة وجودة الحياة، نجيبة جيلالي`).
const NARRATED_TITLE_WORDS: usize = 8;

/// `الوزيرة` after the headline's `جيلالي`, where only the narration said who holds the title
/// (`أشرفت وزيرة البيئة، نجيبة جيلالي، على …`, no source): a bare title with no antecedent
/// refers to the earlier source whose name follows that title in the text before it. The
/// mention's antecedent index into `earlier`.
fn narrated_title(m: &Mention, article: &Article, earlier: &[Mention]) -> Option<usize> {
    let [title] = m.words.as_slice() else {
        return None;
    };
    let stem = bare(title);
    if !title.starts_with("ال") || !TITLES.contains(stem) {
        return None;
    }
    let before: Vec<String> = article
        .folded()
        .slice(0..m.start)
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !is_letter_or_digit(c)).to_owned())
        .collect();
    // the last place the title stands in the narration, and the words after it
    let at = before.iter().rposition(|w| {
        let w = w
            .strip_prefix('و')
            .filter(|x| x.starts_with("ال"))
            .unwrap_or(w);
        bare(w) == stem
    })?;
    let after = &before[at + 1..before.len().min(at + 1 + NARRATED_TITLE_WORDS)];
    earlier.iter().rposition(|e| {
        e.lone_name()
            .is_some_and(|name| after.iter().any(|w| w == name))
    })
}

/// `وزارة التربية والتعليم والتعليم الفني` after the headline's `التعليم`، `الاتحاد العام التونسي
/// للشغل` after `اتحاد الشغل التونسي`: headlines name a body's source by a short form, so a later
/// mention with every word of a headline mention (definite, or of two words or more) and more
/// refers to it; a word joined by و that the headline does not have says it names another too
/// (`الجيش والشرطة` after `الجيش`). The antecedent's index into `earlier`.
fn headline_short_form(m: &Mention, earlier: &[Mention], headline_end: usize) -> Option<usize> {
    let (mw, _) = m.content();
    earlier.iter().position(|e| {
        let (ew, definite) = e.content();
        let on_headline = e.start < headline_end && m.start >= headline_end;
        // a title before the whole body's name (`رئيس المؤسسة الوطنية للنفط` after the
        // headline's `المؤسسة الوطنية للنفط`) names its head, a person, not the body
        let title_of_it =
            mw.len() == ew.len() + 1 && mw[1..] == *ew && TITLES.contains(bare(&mw[0]));
        on_headline
            && !title_of_it
            && (definite || ew.len() >= 2)
            && mw.len() > ew.len()
            && ew.iter().all(|w| mw.contains(w))
            // a word joined by و the headline lacks: the و is read on the word as written,
            // since folding drops a و before ال (`والشرطة` → `شرطه`)
            && !m
                .words
                .iter()
                .skip(1)
                .any(|w| w.starts_with('و') && !ew.iter().any(|e| *e == *folded_key(w)))
    })
}

/// `المصدر نفسه`: a word saying "the same one" right after a source is part of it.
fn take_same_words(set: &mut AnnotationSet, article: &Article) {
    for s in &mut set.sources {
        let Some(span) = s.span else { continue };
        let rest = &article.text[span.end..];
        let Some(next) = rest
            .strip_prefix(' ')
            .and_then(|r| r.split_whitespace().next())
        else {
            continue;
        };
        let word = next.trim_end_matches(|c: char| !is_letter_or_digit(c));
        if SAME_WORDS.contains(&normalize_str(word))
            && let Ok(wider) = Span::checked(article, span.start..span.end + 1 + word.len())
        {
            s.span = Some(wider);
            s.name = wider.text(article).to_owned();
        }
    }
}

/// Sets `same_as` on every source that refers back to an earlier one, pointing at the first
/// mention of what it names.
pub(super) fn same_as(set: &mut AnnotationSet, article: &Article) {
    take_same_words(set, article);
    let mut mentions: Vec<Mention> = set
        .sources
        .iter()
        .enumerate()
        .filter_map(|(at, s)| {
            let span = s.span?;
            Some(Mention::new(
                at,
                span.start,
                s.source_type,
                span.text(article),
            ))
        })
        .filter(|m| !m.words.is_empty())
        .collect();
    mentions.sort_by_key(|m| m.start);
    let headline_end = article.paragraphs.first().map_or(0, |p| p.end);
    for i in 0..mentions.len() {
        let m = &mentions[i];
        if set.sources[m.at].same_as.is_some() {
            continue;
        }
        let text = set.sources[m.at].span.map_or("", |s| s.text(article));
        let found = antecedent(m, text, &mentions[..i])
            .or_else(|| narrated_title(m, article, &mentions[..i]))
            .or_else(|| headline_short_form(m, &mentions[..i], headline_end));
        let Some(j) = found else {
            continue;
        };
        let target = &set.sources[mentions[j].at];
        let root = target.same_as.clone().unwrap_or_else(|| target.id.clone());
        if root != set.sources[m.at].id {
            set.sources[m.at].same_as = Some(root);
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use crate::extract::isnad::test_rows::same_as_links as links;

    fn has(links: &[(String, String)], mention: &str, first: &str) -> bool {
        links.iter().any(|(m, f)| m == mention && f == first)
    }

    #[test]
    fn a_description_refers_to_the_source_with_its_head() {
        let l = links(
            "قال وزير الخارجية سامي نور إن الوفد وصل. وأضاف الوزير أن المحادثات بدأت.\n\
             وقال شهود عيان إن الدخان غطى الحي. وأكد شهود العيان أن النار انطفأت.",
        );
        assert!(has(&l, "الوزير", "وزير الخارجية سامي نور"), "{l:?}");
        assert!(has(&l, "شهود العيان", "شهود عيان"), "{l:?}");
    }

    #[test]
    fn the_same_source_and_a_name_alone() {
        let l = links(
            "وقال مصدر أمني إن الحدود أغلقت. وأوضح المصدر نفسه أن المعبر سيفتح غدا.\n\
             وقال الطبيب رامي عيسى إن المصابين بخير. ولم يستبعد عيسى أن يرتفع العدد، وقال إن \
             الأطباء يعملون.",
        );
        assert!(has(&l, "المصدر نفسه", "مصدر أمني"), "{l:?}");
        assert!(has(&l, "عيسى", "الطبيب رامي عيسى"), "{l:?}");
    }

    #[test]
    fn a_full_mention_after_the_name_alone_points_at_the_first() {
        let l = links(
            "كريمي: الموسم انتهى\nوقال المدرب حسن كريمي إن اللاعبين تعبوا. وأضاف كريمي أن \
             الفريق سيعود أقوى.",
        );
        assert!(has(&l, "المدرب حسن كريمي", "كريمي"), "{l:?}");
        let later: Vec<_> = l.iter().filter(|(m, _)| m == "كريمي").collect();
        assert!(later.iter().all(|(_, f)| f == "كريمي"), "{l:?}");
        let l = links(
            "«الرصد»: الأسعار ترتفع\nوذكر موقع الرصد أن الوقود نفد. وأضاف الموقع أن الطوابير طويلة.",
        );
        assert!(has(&l, "موقع الرصد", "الرصد"), "{l:?}");
        assert!(has(&l, "الموقع", "الرصد"), "{l:?}");
    }

    #[test]
    fn a_different_head_or_an_indefinite_source_is_not_the_same() {
        let l = links(
            "قال مصدر أمني إن الطريق أغلق. وقال مصدر أمني آخر إن الجيش انتشر.\n\
             وأكد وزير الداخلية أن الوضع هادئ. وقال المتحدث باسم الشرطة إن التحقيق بدأ.",
        );
        assert!(l.is_empty(), "{l:?}");
    }

    #[test]
    fn a_definite_repeat_of_an_indefinite_source() {
        let l = links(
            "وقالت منظمات حقوقية إن السجناء أضربوا. وأكدت المنظمات الحقوقية أن الإضراب مستمر.",
        );
        assert!(has(&l, "المنظمات الحقوقية", "منظمات حقوقية"), "{l:?}");
        let l = links(
            "وأكد باحثون فرنسيون أن العينة قديمة. وقالت مجموعة من الباحثين الفرنسيين إن الاختبار \
             سيعاد.",
        );
        assert!(
            has(&l, "مجموعة من الباحثين الفرنسيين", "باحثون فرنسيون"),
            "{l:?}"
        );
    }

    #[test]
    fn a_description_then_the_name_with_it() {
        let l = links(
            "وقال ناشط حقوقي مغربي إن القرار ظالم.\nوأكد الكاتب والناشط الحقوقي المغربي سمير \
             العلوي أن الحكومة تراجعت. وأضاف العلوي أن المعركة مستمرة.",
        );
        assert!(
            has(
                &l,
                "الكاتب والناشط الحقوقي المغربي سمير العلوي",
                "ناشط حقوقي مغربي"
            ),
            "{l:?}"
        );
        assert!(has(&l, "العلوي", "ناشط حقوقي مغربي"), "{l:?}");
        // one word in common is not enough: another activist
        let l = links("وقال ناشط إن القرار ظالم. وقال الناشط البيئي سمير العلوي إن الغابة احترقت.");
        assert!(!has(&l, "الناشط البيئي سمير العلوي", "ناشط"), "{l:?}");
    }

    fn mention(text: &str, start: usize) -> super::Mention {
        super::Mention::new(0, start, super::SourceType::Unknown, text)
    }

    #[test]
    fn a_longer_mention_of_a_definite_one() {
        // the cue suggester leaves `لنقابة …` out of a source's span: the rule is tested alone
        let first = mention("التقرير السنوي", 0);
        let later = mention("التقرير السنوي لنقابة الصحفيين", 90);
        assert!(super::extends(&later, &first));
        assert!(!super::extends(&first, &later));
        // one word is too little to say which
        assert!(!super::extends(
            &mention("الوزير الأول", 90),
            &mention("الوزير", 0)
        ));
        assert!(super::repeats(
            &mention("العلماء", 90),
            &mention("علماء آثار إسرائيليون", 0)
        ));
        assert!(super::repeats(
            &mention("مجموعة من علماء الآثار الإسرائيليين", 90),
            &mention("علماء آثار إسرائيليون", 0)
        ));
        assert!(!super::repeats(
            &mention("العلماء", 90),
            &mention("العلماء الآثاريون", 0)
        ));
    }

    #[test]
    fn the_singular_source_after_anonymous_sources() {
        let l = links("وقالت مصادر أمنية إن الحدود أغلقت. وأوضح المصدر أن المعبر سيفتح غدا.");
        assert!(has(&l, "المصدر", "مصادر أمنية"), "{l:?}");
    }
}
