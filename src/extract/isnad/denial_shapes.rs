//! Denials with words between the denier and the report (docs/attribution-guidelines.md §6.3,
//! §7.2): `نفت الحكومة، الأحد، بشكل قاطع أنباء عن C`، `نفت الوزارة نفيا قاطعا الأنباء عن C`،
//! `نفت الوزارة - جملة وتفصيلا - ما تم تداوله بشأن C`، `نفت الشرطة، في بيان، صحة الأنباء عن
//! C`، `نفى فلان، المتحدث باسم الوزارة، مزاعم C`. The cue suggester reads the words between as
//! the speaker (`قاطعا`) or the content, or finds no link at all. Read from the verb: the
//! denier (the words up to a comma, a dash, an adverb or the report), asides in commas or
//! dashes and adverb phrases set aside, then the report's frame; the denied content is what
//! follows the frame's `عن`/`حول`/`بشأن`, to the end of the sentence or a participle after a
//! comma (`…، مؤكدة أن …`).

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use crate::annotate::model::{
    AnnotationSet, Attribution, Claim, ClaimType, Origin, QuoteType, Source, SourceType, Span,
    Stance,
};
use crate::article::Article;
use crate::extract::wordlists as lists;
use crate::text::normalize::normalize_str;

use super::{Rule, rule_of_key};

/// Words that open a report's content (`عن`، `حول`، `بشأن`، `بخصوص`).
const ABOUT: [&str; 4] = ["عن", "حول", "بشان", "بخصوص"];

/// Report nouns whose content follows them directly (`مزاعم اعتقال …`، `خبر تسجيل …`، `نبأ
/// استقالة …`).
const CLAIM_NOUNS: [&str; 8] = [
    "مزاعم",
    "المزاعم",
    "ادعاءات",
    "الادعاءات",
    "خبر",
    "الخبر",
    "نبا",
    "النبا",
];

/// Most words of the denier's name, of an aside and between a report's first word and its
/// `عن` (`ما تم تداوله من أخبار ومعلومات غير صحيحة بشأن`).
const SUBJECT_WORDS: usize = 8;
const ASIDE_WORDS: usize = 7;
const FRAME_WORDS: usize = 9;

/// `between` phrases (folded, as word lists) and `after` participles of `denial-words.tsv`.
static BETWEEN: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| phrases("between"));
static AFTER: LazyLock<HashSet<String>> =
    LazyLock::new(|| phrases("after").into_iter().flatten().collect());

fn phrases(kind: &str) -> Vec<Vec<String>> {
    lists::rows(lists::DENIAL_WORDS)
        .filter_map(Result::ok)
        .filter(|row| row.get(1) == kind)
        .map(|row| row.get(0).split_whitespace().map(normalize_str).collect())
        .collect()
}

/// Time words (`الأحد`، `أمس`) that may stand between the denier and the report.
pub(super) static TIME: LazyLock<HashSet<String>> = LazyLock::new(|| lists::folded(lists::ADVERBS));

/// One word of the sentence: its place, folded form, and whether a comma follows it.
pub(super) struct W<'a> {
    pub(super) range: Range<usize>,
    /// A slice of the article's folded text.
    pub(super) key: &'a str,
    pub(super) comma: bool,
    dash: bool,
}

/// Quotation marks around a word, not part of its key.
const QUOTE_MARKS: [char; 5] = ['«', '»', '"', '“', '”'];

/// The words of `text[from..to]`, a dash standing alone kept as a word of its own.
pub(super) fn words(article: &Article, from: usize, to: usize) -> Vec<W<'_>> {
    let mut out = Vec::new();
    let mut at = from;
    for piece in article.pieces(from..to) {
        let trimmed = piece.trim_end();
        let dash = !trimmed.is_empty() && trimmed.chars().all(|c| "-–—".contains(c));
        let word = trimmed.trim_end_matches(['،', ',']);
        let comma = word.len() != trimmed.len();
        let start = at + (piece.len() - piece.trim_start().len());
        if !word.is_empty() {
            // the key is read from the article's folded text (the word without its marks)
            let inner = word.trim_start_matches(QUOTE_MARKS);
            let key_start = start + word.len() - inner.len();
            let key_end = key_start + inner.trim_end_matches(QUOTE_MARKS).len();
            out.push(W {
                range: start..start + word.len(),
                key: article.folded().slice(key_start..key_end),
                comma,
                dash,
            });
        }
        at += piece.len();
    }
    out
}

/// The length of the `between` phrase that starts at `w[i]`, or 0.
pub(super) fn between_at(w: &[W], i: usize) -> usize {
    BETWEEN
        .iter()
        .find(|p| {
            p.iter()
                .enumerate()
                .all(|(k, x)| w.get(i + k).is_some_and(|y| y.key == *x))
        })
        .map_or(0, Vec::len)
}

/// Whether `w[i]` opens a report (`أنباء`، `ما`، `صحة`، `مزاعم`).
pub(super) fn opens_report(w: &W) -> bool {
    w.key == "ما" || w.key == "صحه" || is_report_or_claim_noun(w.key)
}

/// Whether a folded word is a report noun (`أنباء`، `التقارير`) or one whose content follows
/// it (`مزاعم`، `الخبر`).
pub(super) fn is_report_or_claim_noun(key: &str) -> bool {
    super::falsity::is_report_noun(key) || CLAIM_NOUNS.contains(&key)
}

/// The denier after the verb: words up to a comma, a dash, a time word, an adverb phrase or the
/// report. Its last word's index.
pub(super) fn denier(w: &[W]) -> Option<usize> {
    let first = w.first()?;
    // `تنفي القيادة هذا الخبر`: a report pointed at is no part of the denier
    let pointer = |x: &W| super::pointed_denials::DEMONSTRATIVES.contains(&x.key);
    // an adverb phrase right after the verb (`تنفي وبشكل قاطع ما …`): no denier named
    if opens_report(first)
        || first.dash
        || first.key.starts_with("ان")
        || pointer(first)
        || between_at(w, 0) > 0
    {
        return None;
    }
    let mut last = 0;
    for (i, x) in w.iter().enumerate().take(SUBJECT_WORDS) {
        let stop =
            x.dash || TIME.contains(x.key) || between_at(w, i) > 0 || opens_report(x) || pointer(x);
        if i > 0 && stop {
            break;
        }
        last = i;
        if x.comma {
            break;
        }
    }
    Some(apposition_end(w, last).unwrap_or(last))
}

/// `نفى سامي يوسف، المتحدث باسم الوزارة، …`: a title between commas after the denier's name is
/// inside the source (guidelines §3.2). The title's last word.
fn apposition_end(w: &[W], last: usize) -> Option<usize> {
    let first = w.get(last + 1).filter(|_| w[last].comma)?;
    if opens_report(first) || TIME.contains(first.key) || between_at(w, last + 1) > 0 {
        return None;
    }
    let close = (last + 1..w.len().min(last + 1 + ASIDE_WORDS)).find(|&k| w[k].comma)?;
    let title = super::head_type(first.key, SourceType::Unknown) != SourceType::Unknown;
    title.then_some(close)
}

/// Past asides (`، الأحد،`، `- جملة وتفصيلا -`، `، في بيان،`) and adverb phrases from `w[i]`:
/// where the report starts.
pub(super) fn past_asides(w: &[W], mut i: usize) -> usize {
    for _ in 0..4 {
        let Some(x) = w.get(i) else { return i };
        let n = between_at(w, i);
        if n > 0 {
            i += n;
        } else if TIME.contains(x.key) && !opens_report(x) {
            i += 1;
        } else if x.dash || (i > 0 && w[i - 1].comma && !opens_report(x)) {
            // an aside closed by a comma or a dash within a few words
            let open = i + usize::from(x.dash);
            let close = (open..w.len().min(open + ASIDE_WORDS))
                .find(|&k| w[k].comma || w[k].dash)
                .filter(|&k| !w[k].dash || k > open);
            let Some(k) = close else { return i };
            i = k + 1;
        } else {
            return i;
        }
    }
    i
}

/// From the report at `w[i]`: where its content starts (after `عن`, or after `مزاعم`).
pub(super) fn content_start(w: &[W], i: usize) -> Option<usize> {
    let report = w.get(i).filter(|x| opens_report(x))?;
    let about = (i + 1..w.len().min(i + 1 + FRAME_WORDS))
        .find(|&k| ABOUT.contains(&w[k].key))
        .map(|k| k + 1);
    // the content right after the noun, not the denier's next clause (`هذا الخبر وأكد أن`)
    let follows = w.get(i + 1).is_some_and(|n| !n.key.starts_with('و'));
    about.or_else(|| (CLAIM_NOUNS.contains(&report.key) && follows).then_some(i + 1))
}

/// The denier and the denied content named after the denial verb ending at `cue_end`.
fn parse(article: &Article, cue_end: usize) -> Option<(Range<usize>, Range<usize>)> {
    let end = super::channels::sentence_end(article, cue_end);
    let w = words(article, cue_end, end);
    let last = denier(&w)?;
    let report = past_asides(&w, last + 1);
    // `نفت الوزارة هذه الشائعات التي تحدثت عن C`: a pointed report whose content is spelled out
    // after its `عن`; without one it points back (`pointed_denials.rs`)
    let pointed = w
        .get(report)
        .is_some_and(|x| super::pointed_denials::DEMONSTRATIVES.contains(&x.key));
    let from = if pointed {
        let about = (report + 1..w.len().min(report + 2 + FRAME_WORDS))
            .find(|&k| ABOUT.contains(&w[k].key))?;
        (opens_report(w.get(report + 1)?) || w[report + 1].key.starts_with("ال"))
            .then_some(about + 1)?
    } else {
        content_start(&w, report)?
    };
    let content = w.get(from)?;
    // a participle after a comma starts the denier's next clause
    let stop = (from..w.len())
        .find(|&k| w[k].comma && w.get(k + 1).is_some_and(|n| AFTER.contains(n.key)))
        .unwrap_or(w.len() - 1);
    let denier = w[0].range.start..w[last].range.end;
    Some((
        denier,
        content.range.start..unquoted_end(article, w[stop].range.end),
    ))
}

/// Where the denial verbs are: words whose rule is `denies`, opening a clause.
pub(super) fn denial_verbs(article: &Article) -> Vec<Span> {
    let mut out = Vec::new();
    let mut at = 0;
    let mut prev_ends_clause = true;
    for piece in article.pieces(0..article.text.len()) {
        // a verb that opens a quotation (`وقال في بيان: "تنفي القيادة …`) is read without
        // its mark
        let unquoted = piece.trim_start_matches(['"', '«', '“']);
        let word = unquoted.trim_end();
        let start = at + piece.len() - unquoted.len();
        at += piece.len();
        let clause = prev_ends_clause || matches!(word, "وقد" | "كما" | "فيما" | "بينما");
        prev_ends_clause = word.ends_with(['.', '،', '!', '؟', ':']) || piece.contains('\n');
        // only words that may spell a verb of denial are folded (a scan of every word)
        if !clause || !word.contains(['ف', 'ذ', 'ض', 'ك']) {
            continue;
        }
        // the cue is the verb without its conjunction and the conjunction's haraka (`ونفى` →
        // `نفى`، `وَنَفَتِ` → `نَفَتِ`), as the cue suggester's; the keys are read from the
        // article's folded text
        let folded = article.folded();
        let denies = |from: usize| {
            rule_of_key(folded.slice(from..start + word.len()))
                == Some(Rule::Stance(Stance::Denies))
        };
        let bare = word
            .strip_prefix(['و', 'ف'])
            .map(|b| b.trim_start_matches(|c: char| ('\u{064B}'..='\u{0652}').contains(&c)))
            .filter(|b| denies(start + word.len() - b.len()));
        let verb_start = start + bare.map_or(0, |b| word.len() - b.len());
        if denies(start)
            && let Ok(span) = Span::checked(article, verb_start..start + word.len())
        {
            out.push(span);
        }
        if matches!(word, "وقد" | "كما" | "فيما" | "بينما") {
            prev_ends_clause = true;
        }
    }
    out
}

/// The source at `range`: the one there, or a new one typed by its head.
pub(super) fn source_at(
    set: &mut AnnotationSet,
    article: &Article,
    range: Range<usize>,
) -> Option<String> {
    if let Some(s) = set
        .sources
        .iter()
        .find(|s| s.span.is_some_and(|x| x.range() == range))
    {
        return Some(s.id.clone());
    }
    let kind = super::head_type(&article.text[range.clone()], SourceType::Unknown);
    let s = Source::suggested(article, range, kind, Origin::rule("isnad:denial", None)).ok()?;
    let id = s.id.clone();
    set.sources.push(s);
    Some(id)
}

/// Reads every denial verb's denier and denied content; mends the cue suggester's link through
/// that verb (a speaker outside the denier, a claim that starts with the frame) or adds one.
pub(super) fn denial_shapes(set: &mut AnnotationSet, article: &Article, verbs: &[Span]) {
    let mut replaced = Vec::new();
    for &cue in verbs {
        let Some((denier, content)) = parse(article, cue.end) else {
            quoted_pro_drop(set, article, cue);
            continue;
        };
        let Some(source) = source_at(set, article, denier.clone()) else {
            continue;
        };
        let link = set.attributions.iter().position(|a| a.cue == Some(cue));
        let Some(i) = link else {
            let origin = Origin::rule("isnad:denial", None);
            let Ok(claim) =
                Claim::suggested(article, content, ClaimType::Statement, origin.clone())
            else {
                continue;
            };
            let mut a =
                Attribution::suggested(&claim.id, &source, Some(cue), QuoteType::Indirect, origin);
            a.stance = Stance::Denies;
            set.claims.push(claim);
            set.attributions.push(a);
            continue;
        };
        mend(set, article, i, &source, &denier, &content, &mut replaced);
    }
    super::drop_unused_sources(set, &replaced);
}

/// `end` with the closing marks of a quotation before it set aside (`… حول C".` → `C`).
fn unquoted_end(article: &Article, end: usize) -> usize {
    let head = &article.text[..end];
    let kept = head.trim_end_matches(['"', '»', '”']);
    // the space before a mark set apart (`بمحافظة ".`) goes with it
    if kept.len() < head.len() {
        kept.trim_end().len()
    } else {
        end
    }
}

/// `وقالت الهيئة في بيان، "تنفي وبشكل قاطع ما نشرته بعض الصفحات، بشأن C"`: a denial verb
/// with no denier after it, opening the quoted claim of a verb of saying: the speaker of that
/// link denies the content (its claim becomes the content, its stance `denies`).
fn quoted_pro_drop(set: &mut AnnotationSet, article: &Article, cue: Span) {
    let quoted = article.text[..cue.start].ends_with(['"', '«', '“']);
    if !quoted {
        return;
    }
    let end = super::channels::sentence_end(article, cue.end);
    let w = words(article, cue.end, end);
    let Some(from) = content_start(&w, past_asides(&w, 0)) else {
        return;
    };
    let stop = (from..w.len())
        .find(|&k| w[k].comma && w.get(k + 1).is_some_and(|n| AFTER.contains(n.key)))
        .unwrap_or(w.len() - 1);
    let content = w[from].range.start..unquoted_end(article, w[stop].range.end);
    // the link whose claim opens with the quoted verb
    let Some(i) = set.attributions.iter().position(|a| {
        a.stance == Stance::Asserts
            && set.position(&a.claim_id).is_some_and(|k| {
                let c = set.claims[k].span;
                c.start <= cue.start && c.start + '"'.len_utf8() >= cue.start - 1 && c.end > cue.end
            })
    }) else {
        return;
    };
    let Some(k) = set.position(&set.attributions[i].claim_id) else {
        return;
    };
    if let Ok(span) = Span::checked(article, content) {
        set.claims[k].span = span;
        set.attributions[i].stance = Stance::Denies;
    }
}

/// The cue suggester's link `i` through a denial verb: a speaker that is not the denier (a word
/// between, `قاطعا`) becomes the denier, a claim that holds the frame (`جملة وتفصيلا ما تردد
/// عن C`) or is another part of it (the name of the outlet that published the report) becomes
/// the content.
fn mend(
    set: &mut AnnotationSet,
    article: &Article,
    i: usize,
    source: &str,
    denier: &Range<usize>,
    content: &Range<usize>,
    replaced: &mut Vec<String>,
) {
    let a = &set.attributions[i];
    let speaker = set
        .sources
        .iter()
        .find(|s| s.id == a.source_id)
        .and_then(|s| s.span);
    // outside the denier, or a part of it (the name without its apposition, §3.2)
    let outside = |s: Span| s.end <= denier.start || s.start >= denier.end;
    let part = |s: Span| s.range() != *denier && denier.contains(&s.start) && s.end <= denier.end;
    // or the denier with an adverb the cue suggester took in (`الخارجية بشكل قاطع`)
    let longer = |s: Span| s.start == denier.start && s.end > denier.end;
    if speaker.is_none_or(|s| outside(s) || part(s) || longer(s)) {
        replaced.push(a.source_id.clone());
        set.attributions[i].source_id = source.to_owned();
    }
    let claim_at = set.position(&set.attributions[i].claim_id);
    if let Some(c) = claim_at.map(|at| &mut set.claims[at])
        && c.span.start != content.start
        && let Ok(span) = Span::checked(article, content.clone())
    {
        c.span = span;
    }
    set.attributions[i].stance = Stance::Denies;
}
