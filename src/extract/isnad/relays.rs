//! Relays the cue suggester reads as plain reports (docs/attribution-guidelines.md §6.2, §7.4):
//! `حسب ما نقلت الوكالة عن الشرطة، فإن …` (its claim starts with «عن Y»), `ذكرت الوكالة نقلا عن
//! مصدر أن …` (`نقلا عن Y` before the claim) and `بحسب تقرير نشرته صحيفة X، فإن …` (its claim
//! starts with the outlet that carried the report). Y becomes the speaker and the one who
//! passed the words on its hand; the claim starts after `فإن`/`أن`.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use crate::annotate::model::{AnnotationSet, SourceType, Span};
use crate::article::Article;
use crate::extract::tokens::is_letter_or_digit;
use crate::extract::wordlists as lists;
use crate::text::normalize::normalize_str;

use super::channels::{self, ChannelWord};
use super::{Rule, rule_of};

/// `أن`، `فإن`، `بأن`: the content follows.
static COMPLEMENTISERS: LazyLock<HashSet<String>> =
    LazyLock::new(|| lists::folded(lists::COMPLEMENTIZERS));

/// Most words of a relayed speaker's name.
const SPEAKER_WORDS: usize = 8;

/// The words of `range` with their places, punctuation at their ends set aside, and whether a
/// comma or other mark followed each.
fn words(article: &Article, range: Range<usize>) -> Vec<(Range<usize>, String, bool)> {
    let mut out = Vec::new();
    let mut at = range.start;
    for piece in article.text[range].split_inclusive(char::is_whitespace) {
        let word = piece.trim_end();
        let bare = word.trim_end_matches(|c: char| !is_letter_or_digit(c));
        if !bare.is_empty() {
            out.push((
                at..at + bare.len(),
                normalize_str(bare),
                bare.len() < word.len(),
            ));
        }
        at += piece.len();
    }
    out
}

/// `عن Y، فإن C` / `عن Y أن C` at `range`: Y's range and where C starts.
fn an_speaker(article: &Article, range: Range<usize>) -> Option<(Range<usize>, usize)> {
    let w = words(article, range);
    let (first, rest) = w.split_first()?;
    if first.1 != "عن" {
        return None;
    }
    let mut end = None;
    for (i, (r, key, marked)) in rest.iter().enumerate().take(SPEAKER_WORDS + 1) {
        if COMPLEMENTISERS.contains(key) {
            let last = end.or_else(|| i.checked_sub(1))?;
            return Some((rest[0].0.start..rest[last].0.end, r.end));
        }
        if end.is_none() {
            end = marked.then_some(i);
        } else {
            return None;
        }
    }
    None
}

/// Whether the cue's last word relays (`نقلت`، `نقلته`، `نقلا`).
fn relays(article: &Article, cue: Span) -> bool {
    cue.text(article)
        .split_whitespace()
        .last()
        .is_some_and(|w| normalize_str(w).starts_with("نقل"))
}

/// Makes the source at `range` the speaker of link `i`, its old source the hand, and starts
/// the claim at `claim_start` (when given).
fn relay_link(
    set: &mut AnnotationSet,
    article: &Article,
    i: usize,
    range: Range<usize>,
    claim_start: Option<usize>,
) {
    let kind = super::head_type(&article.text[range.clone()], SourceType::Unknown);
    let Some(speaker) = channels::hand_source(set, article, range, kind) else {
        return;
    };
    let id = set.sources[speaker].id.clone();
    let old = std::mem::replace(&mut set.attributions[i].source_id, id);
    // the hand named by an agency or outlet word takes that type (`الوكالة`، `صحيفة …`)
    if let Some(h) = set.position(&old) {
        let first = normalize_str(set.sources[h].name.split_whitespace().next().unwrap_or(""));
        let bare = first.strip_prefix("ال").unwrap_or(&first);
        if let Some(Rule::HandType(t)) = rule_of(&first).or_else(|| rule_of(bare)) {
            set.sources[h].source_type = t;
        }
    }
    set.attributions[i].via = vec![old];
    if let (Some(start), Some(c)) = (claim_start, set.position(&set.attributions[i].claim_id)) {
        let end = set.claims[c].span.end;
        let text = article.text[start..end].trim_start();
        if let Ok(s) = Span::checked(article, end - text.len()..end) {
            set.claims[c].span = s;
        }
    }
}

/// The relays of this module, on every link without hands.
pub(super) fn relay_variants(set: &mut AnnotationSet, article: &Article) {
    let mut drop: Vec<(String, String)> = Vec::new();
    for i in 0..set.attributions.len() {
        let a = &set.attributions[i];
        let (Some(cue), true) = (a.cue, a.via.is_empty()) else {
            continue;
        };
        let Some(c) = set.position(&a.claim_id) else {
            continue;
        };
        let claim = set.claims[c].span;
        let source = set.position(&a.source_id).and_then(|s| set.sources[s].span);
        if relays(article, cue) && cue.end <= claim.start {
            // حسب ما نقلت X عن Y، فإن …
            if let Some((y, start)) = an_speaker(article, claim.start..claim.end) {
                relay_link(set, article, i, y, Some(start));
                continue;
            }
        }
        // ذكرت X نقلا عن Y أن …
        let gap_start = source.map_or(cue.end, |s| s.end.max(cue.end));
        if gap_start < claim.start {
            let gap = words(article, gap_start..claim.start);
            if let Some(k) = gap
                .iter()
                .position(|(_, key, _)| rule_of(key) == Some(Rule::Relay))
                && let Some((y, _)) = an_speaker(article, gap[k].0.end..claim.start)
                    .or_else(|| bare_an_speaker(article, gap[k].0.end..claim.start))
            {
                relay_link(set, article, i, y, None);
                continue;
            }
        }
        drop.extend(report_carried(set, article, i));
    }
    // the report's own links went to the speakers inside them, and their claims with them
    set.attributions
        .retain(|a| !drop.iter().any(|(link, _)| *link == a.id));
    let claimed: HashSet<&String> = set.attributions.iter().map(|a| &a.claim_id).collect();
    let gone: HashSet<String> = drop
        .into_iter()
        .map(|(_, claim)| claim)
        .filter(|c| !claimed.contains(c))
        .collect();
    set.claims.retain(|c| !gone.contains(&c.id));
}

/// `نقلا عن Y` right before the claim (the complementiser already left out of the gap).
fn bare_an_speaker(article: &Article, range: Range<usize>) -> Option<(Range<usize>, usize)> {
    let w = words(article, range);
    let (first, rest) = w.split_first()?;
    let last = rest
        .iter()
        .position(|(_, _, marked)| *marked)
        .unwrap_or(rest.len().checked_sub(1)?);
    (first.1 == "عن" && (1..=SPEAKER_WORDS).contains(&(last + 1)))
        .then(|| (rest[0].0.start..rest[last].0.end, rest[last].0.end))
}

/// `بحسب تقرير نشرته صحيفة X، فإن …`: link `i`'s source is a report and its claim starts with
/// the outlet that carried it. The outlet is the report's hand; a speaker inside (`فإن مسؤولين
/// أكدوا أن …`) speaks through both, and the report's link and claim are to go (returned: their
/// ids), else the report speaks from after `فإن`.
fn report_carried(
    set: &mut AnnotationSet,
    article: &Article,
    i: usize,
) -> Option<(String, String)> {
    let a = &set.attributions[i];
    let s = set.position(&a.source_id)?;
    let c = set.position(&a.claim_id)?;
    let source_key = set.sources[s].span.map(|x| normalize_str(x.text(article)));
    let is_report = source_key.as_deref().is_some_and(|k| {
        let k = k.strip_prefix("ال").unwrap_or(k);
        rule_of(k) == Some(Rule::Channel(ChannelWord::Statement))
    });
    let claim = set.claims[c].span;
    let toks = channels::tokens(article, claim.start..claim.end);
    let carried = toks
        .first()
        .is_some_and(|t| rule_of(&t.key) == Some(Rule::Channel(ChannelWord::BeforeOutlet)));
    if !is_report || !carried {
        return None;
    }
    let (outlet, kind) = channels::outlet_at(article, &toks, 1)?;
    let w = words(article, outlet.end..claim.end);
    let (r, _, _) = w
        .iter()
        .take(3)
        .find(|(_, key, _)| COMPLEMENTISERS.contains(key))?;
    let content = r.end..claim.end;
    let hand = channels::hand_source(set, article, outlet, kind)?;
    let report = set.sources[s].id.clone();
    let hand = set.sources[hand].id.clone();
    let claim_id = set.claims[c].id.clone();
    // a link whose speaker starts inside the content: the report's own link goes
    let inner = set.attributions.iter().position(|b| {
        b.claim_id != claim_id
            && set
                .position(&b.source_id)
                .and_then(|x| set.sources[x].span)
                .is_some_and(|x| content.contains(&x.start))
    });
    match inner {
        Some(j) => {
            set.attributions[j].via = vec![report, hand];
            Some((set.attributions[i].id.clone(), claim_id))
        }
        None => {
            set.attributions[i].via = vec![hand];
            let text = article.text[content.clone()].trim_start();
            if let Ok(span) = Span::checked(article, content.end - text.len()..content.end) {
                set.claims[c].span = span;
            }
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::isnad::chains_in as chains;

    #[test]
    fn the_speaker_after_an_in_the_claim() {
        let c = chains("حسب ما نقلت الإذاعة عن الدفاع المدني، فإن النار أتت على المخزن.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].0, "النار أتت على المخزن", "{c:?}");
        assert_eq!(c[0].1, "الدفاع المدني", "{c:?}");
        assert_eq!(c[0].2, vec!["الإذاعة".to_owned()], "{c:?}");
        let article = crate::article::Article::from_text(
            "t",
            "وفقا لما نقلته وكالة الأنباء عن الشرطة، فإن الطريق أغلق.".to_owned(),
        );
        let set = crate::extract::isnad::suggest_annotations(&article, &[]);
        let hand = set.sources.iter().find(|s| s.name == "وكالة الأنباء");
        assert_eq!(
            hand.map(|h| (h.source_type, h.role)),
            Some((
                crate::annotate::model::SourceType::Agency,
                crate::annotate::model::SourceRole::Intermediary
            )),
            "{:?}",
            set.sources
        );
    }

    #[test]
    fn naqlan_an_names_the_speaker() {
        let c = chains("وذكرت صحيفة الوادي نقلا عن مصدر في البلدية أن السوق سيغلق.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].1, "مصدر في البلدية", "{c:?}");
        assert_eq!(c[0].2, vec!["صحيفة الوادي".to_owned()], "{c:?}");
    }

    #[test]
    fn a_report_carried_by_a_newspaper() {
        let c = chains("وبحسب تقرير نشرته صحيفة الوادي، فإن الأسعار ارتفعت بعد القرار.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].0, "الأسعار ارتفعت بعد القرار", "{c:?}");
        assert_eq!(c[0].1, "تقرير", "{c:?}");
        assert_eq!(c[0].2, vec!["صحيفة الوادي".to_owned()], "{c:?}");
        let c = chains("بحسب تقرير نشرته صحيفة الوادي، فإن موظفين اثنين أكدا أن المصنع سيغلق.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].1, "موظفين اثنين", "{c:?}");
        assert_eq!(
            c[0].2,
            vec!["تقرير".to_owned(), "صحيفة الوادي".to_owned()],
            "{c:?}"
        );
    }
}
