//! Chains through a document (docs/attribution-guidelines.md §6.2): `أصدرت النقابة بيانا أكدت
//! فيه أن …`، `قام الاتحاد بإصدار بيان توضيحي أوضح فيه أن …`، `نشر النادي بيانا جاء فيه أن …`.
//! The document a cue speaks «in» (`فيه`/`فيها` right after the cue) is the link's hand, and the
//! one who issued it — the subject of `أصدر`/`نشر`، or of `قام بإصدار` — is its speaker, even
//! when the cue suggester took a pro-drop speaker from an earlier sentence. The words are rows
//! of `assets/lexicon/chain-cues.tsv` (`statement`, `in-document`, `publish`, `carry-out`,
//! `issuing`).

use std::ops::Range;
use std::sync::LazyLock;

use crate::annotate::model::{
    AnnotationSet, Attribution, Claim, ClaimType, Origin, QuoteType, SourceType, Span,
};
use crate::article::Article;
use crate::extract::tokens::is_letter_or_digit;
use crate::extract::wordlists as lists;
use crate::text::normalize::normalize_str;

use super::channels::{self, ChannelWord};
use super::{Rule, rule_of_key};

/// Verbs that get a link of their own when they speak in a document (`جاء فيه`).
static DOCUMENT_VERBS: LazyLock<lists::WordSet> =
    LazyLock::new(|| lists::word_set(lists::CHAIN_DOCUMENT_VERBS));

/// `أن`، `إن`، `بأن`: the content follows.
static COMPLEMENTISERS: LazyLock<lists::WordSet> =
    LazyLock::new(|| lists::word_set(lists::COMPLEMENTIZERS));

/// Most words between the start of the sentence and the cue that are read.
const DOCUMENT_WORDS: usize = 24;

/// Most words of a publisher's name.
const PUBLISHER_WORDS: usize = 10;

/// One word before the cue: its range and folded form, punctuation set aside.
struct Word<'a> {
    range: Range<usize>,
    /// A slice of the article's folded text.
    key: &'a str,
    /// A comma or other mark follows it.
    marked: bool,
}

fn words(article: &Article, window: Range<usize>) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut at = window.start;
    for piece in article.pieces(window.clone()) {
        let word = piece.trim_end();
        let bare = word.trim_matches(|c: char| !is_letter_or_digit(c));
        if !bare.is_empty() {
            let start = at + word.find(bare).unwrap_or(0);
            out.push(Word {
                range: start..start + bare.len(),
                key: article.folded().slice(start..start + bare.len()),
                marked: word.len() > bare.len() + (start - at),
            });
        }
        at += piece.len();
    }
    out
}

/// The rule of a word's key (every key here is read from the article's folded text).
fn rule(key: &str) -> Option<Rule> {
    rule_of_key(key)
}

/// A document noun, with or without ال (`بيان`، `التقرير`).
fn is_document(key: &str) -> bool {
    let statement = |k: &str| rule(k) == Some(Rule::Channel(ChannelWord::Statement));
    statement(key) || key.strip_prefix("ال").is_some_and(statement)
}

/// The document's span: its noun and up to two adjectives after it (`بيان توضيحي`، `التقرير
/// السنوي`), not an owner after ل (`للنقابة`) nor a word after a comma.
fn document_span(w: &[Word], d: usize, cue: usize) -> Range<usize> {
    let mut end = d;
    while end + 1 < cue.min(d + 3) && !w[end].marked {
        let next = w[end + 1].key;
        // nor the addressee after a preposition (`رسالة إلى المواطنين`)
        let addressee = PREPOSITIONS.contains(&next);
        if next.starts_with('ل') || next.starts_with('ب') || rule(next).is_some() || addressee {
            break;
        }
        end += 1;
    }
    w[d].range.start..w[end].range.end
}

/// The publisher of the document at `d`: the words after `أصدر`/`نشر` up to it, or after `قام`
/// up to `بإصدار`/`إلى إصدار`.
fn publisher(w: &[Word], d: usize) -> Option<Range<usize>> {
    let p = (0..d)
        .rev()
        .find(|&i| matches!(rule(w[i].key), Some(Rule::Publish | Rule::CarryOut)))?;
    let mut end = d;
    if rule(w[p].key) == Some(Rule::CarryOut) {
        // قام X بإصدار / إلى إصدار
        let issuing = (p + 1..d).find(|&i| {
            let key = w[i].key;
            let issuing = |k: &str| matches!(rule(k), Some(Rule::Issuing | Rule::Publish));
            issuing(key) || key.strip_prefix('ب').is_some_and(issuing)
        })?;
        end = if issuing > p + 1 && w[issuing - 1].key == normalize_str("إلى") {
            issuing - 1
        } else {
            issuing
        };
    }
    let n = end.checked_sub(p + 1)?;
    if !(1..=PUBLISHER_WORDS).contains(&n) {
        return None;
    }
    Some(w[p + 1].range.start..w[end - 1].range.end)
}

/// The owner named after the document (`التقرير السنوي للنقابة الوطنية، صرحت فيه`): from the
/// word after ل up to a comma or the cue (§2.3: the span starts after the first ل).
fn owner(article: &Article, w: &[Word], doc_end: usize) -> Option<Range<usize>> {
    let next = w.iter().position(|x| x.range.start >= doc_end)?;
    if !w[next].key.starts_with('ل') {
        return None;
    }
    let last = (next..w.len())
        .find(|&j| w[j].marked)
        .unwrap_or(w.len() - 1);
    if last + 1 - next > PUBLISHER_WORDS {
        return None;
    }
    let start = w[next].range.start + 'ل'.len_utf8();
    let start =
        start + (article.text[start..].len() - article.text[start..].trim_start_matches('ـ').len());
    Some(start..w[last].range.end)
}

/// The claim after `VERB فيه`: past a colon, `أن`/`إن` or the ب of a verbal noun, or a
/// quotation, to the end of the sentence, quotation marks set aside. Anything else (`قال فيه
/// الوزير إن`: the speaker comes after the verb) is left to the cue suggester.
fn claim_after(article: &Article, from: usize) -> Option<Range<usize>> {
    let end = channels::sentence_end(article, from);
    let rest = &article.text[from..end];
    // `قالت فيه، إن …`: a comma before the complementiser too
    let trimmed = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ':' || c == '،');
    let mut start = from + (rest.len() - trimmed.len());
    let first = trimmed.split_whitespace().next()?;
    let key = normalize_str(first);
    if matches!(key.as_str(), "ان" | "بان") {
        start += first.len();
    } else if trimmed.starts_with(['«', '"', '“']) {
        // a quotation: the claim is inside its marks
    } else if key.starts_with('ب') && key.chars().count() > 3 {
        start += 'ب'.len_utf8();
    } else if !noun_object(trimmed) {
        return None;
    }
    let text =
        article.text[start..end].trim_matches(|c: char| c.is_whitespace() || "«»\"“”:".contains(c));
    let at = start + article.text[start..end].find(text)?;
    // a quotation opened inside the claim keeps its closing mark (`وجود " تراجع كبير … "`)
    let range = channels::with_closing_mark(article, at..at + text.len());
    (text.split_whitespace().count() >= 2).then_some(range)
}

/// `أكد فيها التزام الوزارة بـ…`: the content is the verb's object, a noun phrase; not a
/// preposition (`أعرب فيها عن …`) nor a speaker named before a complementiser or a colon
/// within a few words (`قال فيه الوزير إن …`، `قال فيه الوزير: …`).
fn noun_object(rest: &str) -> bool {
    let mut words = rest.split_whitespace().take(NAMED_WORDS + 1);
    let Some(first) = words.next() else {
        return false;
    };
    let first_key = normalize_str(first.trim_end_matches(|c: char| !is_letter_or_digit(c)));
    if PREPOSITIONS.contains(&first_key.as_str()) || first.ends_with(':') {
        return false;
    }
    words.all(|w| {
        let key = normalize_str(w.trim_end_matches(|c: char| !is_letter_or_digit(c)));
        !COMPLEMENTISERS.contains(&key) && !w.contains(':')
    })
}

/// Most words of a speaker named after `VERB فيه`.
const NAMED_WORDS: usize = 6;

/// Prepositions (folded): a word after a document that opens its addressee, and a word after
/// `VERB فيه` that is no speaker's name (`شدد فيه على أن …`).
const PREPOSITIONS: [&str; 6] = ["الي", "علي", "عن", "من", "في", "حول"];

/// `قال فيه الوزير إن …`: the words from `from` (after `فيه`) to the complementiser before the
/// claim at `claim_start`, when they are a short name without punctuation.
fn named_after(article: &Article, from: usize, claim_start: usize) -> Option<Range<usize>> {
    let w = words(article, from..claim_start);
    let last = w.len().checked_sub(1)?;
    if !COMPLEMENTISERS.contains(w[last].key)
        || w[..last].iter().any(|x| x.marked)
        || PREPOSITIONS.contains(&w[0].key)
    {
        return None;
    }
    (1..=NAMED_WORDS)
        .contains(&last)
        .then(|| w[0].range.start..w[last - 1].range.end)
}

/// The source named between `VERB فيه` (ending at `after`) and link `i`'s claim, as an item.
fn speaker_after(
    set: &mut AnnotationSet,
    article: &Article,
    i: usize,
    after: usize,
) -> Option<usize> {
    let c = set.position(&set.attributions[i].claim_id)?;
    let range = named_after(article, after, set.claims[c].span.start)?;
    let kind = super::head_type(&article.text[range.clone()], SourceType::Unknown);
    channels::hand_source(set, article, range, kind)
}

/// `VERB فيه`/`VERB فيها` in the text: (the verb's range, the end of the pronoun).
fn in_document_places(article: &Article) -> Vec<(Range<usize>, usize)> {
    let mut out = Vec::new();
    let mut prev: Option<Range<usize>> = None;
    let mut at = 0;
    // the key of every word after a word: read from the article's folded text, not folded again
    let folded = article.folded();
    for piece in article.pieces(0..article.text.len()) {
        let word = piece.trim_end();
        let bare = word.trim_end_matches(|c: char| !is_letter_or_digit(c));
        if let Some(verb) = prev.take()
            && rule(folded.slice(at..at + bare.len())) == Some(Rule::InDocument)
        {
            out.push((verb, at + bare.len()));
        }
        if !bare.is_empty() && bare.len() == word.len() {
            prev = Some(at..at + bare.len());
        }
        at += piece.len();
    }
    out
}

/// Adds the document a cue speaks in (`أكدت فيه`) to its link's `via`, with its publisher or
/// owner as the speaker; a document verb without a link (`بيانا جاء فيه أن …`) gets one.
pub(super) fn document_chains(set: &mut AnnotationSet, article: &Article) {
    let mut replaced: Vec<String> = Vec::new();
    for (verb, after) in in_document_places(article) {
        let link = set
            .attributions
            .iter()
            .position(|a| a.cue.is_some_and(|c| c.start == verb.start));
        if link.is_some_and(|i| !set.attributions[i].via.is_empty())
            || (link.is_none()
                && !DOCUMENT_VERBS.contains(&normalize_str(&article.text[verb.clone()])))
        {
            continue;
        }
        let start = channels::sentence_start(article, verb.start);
        let w = words(article, start..verb.start);
        let w = &w[w.len().saturating_sub(DOCUMENT_WORDS)..];
        let Some(d) = (0..w.len()).rev().find(|&j| is_document(w[j].key)) else {
            continue;
        };
        let doc = document_span(w, d, w.len());
        let speaker = publisher(w, d).or_else(|| owner(article, w, doc.end));
        let Some(hand) = channels::hand_source(set, article, doc, SourceType::Statement) else {
            continue;
        };
        let speaker = speaker.and_then(|range| {
            let kind = super::head_type(&article.text[range.clone()], SourceType::Organization);
            channels::hand_source(set, article, range, kind)
        });
        let i = match link {
            Some(i) => i,
            None => {
                let (Some(speaker), Some(claim)) = (speaker, claim_after(article, after)) else {
                    continue;
                };
                // the claim may be the cue suggester's through another verb (`أصدر … بيانا`);
                // the claims over it are found first: one pass, not one per link
                let over: Vec<&str> = (set.claims.iter())
                    .filter(|c| c.span.start < claim.end && claim.start < c.span.end)
                    .map(|c| c.id.as_str())
                    .collect();
                let known =
                    (set.attributions.iter()).position(|a| over.contains(&a.claim_id.as_str()));
                match known.or_else(|| new_link(set, article, claim, speaker, &verb)) {
                    Some(i) => i,
                    None => continue,
                }
            }
        };
        // `بيانا قال فيه الوزير إن …`: the speaker named after the verb keeps the link
        let speaker = speaker_after(set, article, i, after).or(speaker);
        let hand_id = set.sources[hand].id.clone();
        if let Some(speaker) = speaker {
            let id = set.sources[speaker].id.clone();
            let old = std::mem::replace(&mut set.attributions[i].source_id, id.clone());
            repoint_merged_speaker(set, &old, &id, hand);
            replaced.push(old);
        }
        if set.attributions[i].source_id != hand_id {
            set.attributions[i].via = vec![hand_id];
        }
    }
    // a speaker the publisher replaced (`قصر X` for `قصر X، مقر …`) goes when nothing uses it
    super::drop_unused_sources(set, &replaced);
}

/// `وأصدرت منظمة X بيان قالت فيه …، لافتة إلى …`: a speaker the cue suggester read over the
/// publisher and the document (`منظمة X بيان`) is wrong for its other links too; they go to the
/// publisher (`old`, `new`: source ids; `hand`: the document's place).
fn repoint_merged_speaker(set: &mut AnnotationSet, old: &str, new: &str, hand: usize) {
    let Some(doc) = set.sources[hand].span else {
        return;
    };
    let merged = set
        .position(old)
        .and_then(|o| set.sources[o].span)
        .is_some_and(|s| s.start < doc.start && doc.start < s.end);
    if merged {
        for a in set.attributions.iter_mut().filter(|a| a.source_id == old) {
            a.source_id = new.to_owned();
        }
    }
}

/// A new link of the claim at `claim` to source `speaker`, cue `verb`: its place.
fn new_link(
    set: &mut AnnotationSet,
    article: &Article,
    claim: Range<usize>,
    speaker: usize,
    verb: &Range<usize>,
) -> Option<usize> {
    let origin = Origin::rule("isnad:document", None);
    let quoted = article.text[..claim.start]
        .trim_end()
        .ends_with(['«', '"', '“']);
    let claim = Claim::suggested(article, claim, ClaimType::Statement, origin.clone()).ok()?;
    let cue = Span::checked(article, verb.clone()).ok();
    let quote = if quoted {
        QuoteType::Direct
    } else {
        QuoteType::Indirect
    };
    let link = Attribution::suggested(&claim.id, &set.sources[speaker].id, cue, quote, origin);
    set.claims.push(claim);
    set.attributions.push(link);
    Some(set.attributions.len() - 1)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use crate::extract::isnad::chains_in as chains;

    #[test]
    fn a_statement_issued_by_the_speaker_is_its_hand() {
        let c = chains("وأصدرت النقابة بيانا أكدت فيه أن الإضراب مستمر حتى الخميس.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(
            (c[0].1.as_str(), c[0].2.clone()),
            ("النقابة", vec!["بيانا".to_owned()])
        );
        let c = chains("ونشر المجلس البلدي بيانا جاء فيه أن المياه ستقطع يومين.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].1, "المجلس البلدي", "{c:?}");
        let c = chains("وأصدرت الجامعة بيانا جاء فيه: «الامتحانات تبدأ في موعدها».");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].0, "الامتحانات تبدأ في موعدها", "{c:?}");
    }

    #[test]
    fn qama_bi_isdar_names_the_publisher_over_an_earlier_speaker() {
        let c = chains(
            "وقال المدرب إن الملعب جاهز.\nوبعد ذلك قامت إدارة النادي بإصدار بيان رسمي أوضحت \
             فيه أن المباراة تأجلت.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].1, "إدارة النادي", "{c:?}");
        assert_eq!(c[0].2, vec!["بيان رسمي".to_owned()], "{c:?}");
    }

    #[test]
    fn a_report_without_fihi_is_no_document_chain() {
        let c = chains("وأصدرت الوزارة تقريرا عن المدارس. وقال الوزير إن العام الدراسي يبدأ غدا.");
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn a_report_owned_after_lam_speaks_through_it() {
        let c = chains(
            "وفي الأسبوع نفسه صدر التقرير السنوي لرابطة المعلمين، أكدت فيه بضعف الأجور في الريف.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].0, "ضعف الأجور في الريف", "{c:?}");
        assert_eq!(c[0].1, "رابطة المعلمين", "{c:?}");
        assert_eq!(c[0].2, vec!["التقرير السنوي".to_owned()], "{c:?}");
    }
}
