//! The outlet told (docs/attribution-guidelines.md §6.2, §7.4): `قالت صحيفة X إن مسؤولين
//! أبلغوها أن C`، `قالت رويترز إن ثلاثة مصادر قالت لها إن C`. The outlet reports that Y told
//! it: one attribution, Y the speaker of C through the outlet, with Y's own verb as the cue;
//! the outlet's link to the whole report goes.

use std::ops::Range;

use crate::annotate::model::{AnnotationSet, SourceRole, SourceType, Span};
use crate::article::Article;
use crate::extract::tokens::is_letter_or_digit;
use crate::text::normalize::normalize_str;

use super::{Rule, channels, rule_of};

/// Most words of the speaker before the verb of telling.
const SPEAKER_WORDS: usize = 6;

/// `لها`، `له`: the outlet as the one told, after a verb of saying (`قالت لها`).
const TO_IT: [&str; 2] = ["لها", "له"];

/// The words of `range`, folded, with their places; punctuation around them set aside.
fn words(article: &Article, range: Range<usize>) -> Vec<(Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut at = range.start;
    for piece in article.pieces(range) {
        let word = piece
            .trim_end()
            .trim_end_matches(|c: char| !is_letter_or_digit(c));
        if !word.is_empty() {
            let key = article.folded().slice(at..at + word.len());
            out.push((at..at + word.len(), key));
        }
        at += piece.len();
    }
    out
}

/// A verb of telling with the outlet as its object pronoun (`أبلغوها`، `أخبرتها`، `أبلغه`).
fn tells_it(key: &str) -> bool {
    ["ها", "ه"].iter().any(|p| {
        key.strip_suffix(p).is_some_and(|stem| {
            // the plural's alef falls before the pronoun (`أبلغوا` → `أبلغوها`)
            rule_of(stem) == Some(Rule::Tell) || rule_of(&format!("{stem}ا")) == Some(Rule::Tell)
        })
    })
}

/// Whether the source at `source` is an outlet (`صحيفة الأيام`، `رويترز`، `الوكالة`).
fn is_outlet_name(article: &Article, source: Span) -> bool {
    let first = normalize_str(source.text(article).split_whitespace().next().unwrap_or(""));
    channels::is_outlet(&first) || first.strip_prefix("ال").is_some_and(channels::is_outlet)
}

/// What link `i` (an outlet reporting) becomes: the link inside its claim whose cue is followed
/// by `لها` (to be given the outlet as its hand), or the speaker, the verb of telling and where
/// the content starts.
enum Told {
    Inner(usize),
    Speaker(Range<usize>, Range<usize>, usize),
}

fn told(set: &AnnotationSet, article: &Article, i: usize) -> Option<Told> {
    let a = &set.attributions[i];
    let source = set.sources[set.position(&a.source_id)?].span?;
    let claim = set.claims[set.position(&a.claim_id)?].span;
    if !a.via.is_empty() || !is_outlet_name(article, source) || claim.start < source.end {
        return None;
    }
    // `… إن ثلاثة مصادر قالت لها إن C`: the cue suggester linked C to the sources
    let inner = set.attributions.iter().position(|b| {
        b.id != a.id
            && b.cue.is_some_and(|c| {
                c.start > claim.start
                    && c.end < claim.end
                    && words(article, c.end..claim.end)
                        .first()
                        .is_some_and(|(_, w)| TO_IT.contains(w))
            })
    });
    if let Some(j) = inner {
        return Some(Told::Inner(j));
    }
    let w = words(article, claim.start..claim.end);
    let t = (1..w.len().min(SPEAKER_WORDS + 1)).find(|&t| tells_it(w[t].1))?;
    let key = &w.get(t + 1)?.1;
    let complementiser = matches!(*key, "ان" | "بان" | "انه" | "بانه" | "انها" | "بانها");
    let start = w.get(t + 2)?.0.start;
    complementiser.then(|| Told::Speaker(w[0].0.start..w[t - 1].0.end, w[t].0.clone(), start))
}

/// Gives every link of an outlet reporting that Y told it the shape of §7.4: Y speaks, the
/// outlet is the hand.
pub(super) fn told_outlets(set: &mut AnnotationSet, article: &Article) {
    let mut drop = Vec::new();
    for i in 0..set.attributions.len() {
        let outlet = set.attributions[i].source_id.clone();
        match told(set, article, i) {
            Some(Told::Inner(j)) => {
                set.attributions[j].via = vec![outlet.clone()];
                drop.push(set.attributions[i].id.clone());
            }
            Some(Told::Speaker(speaker, verb, start)) => {
                let kind = super::head_type(&article.text[speaker.clone()], SourceType::Unknown);
                let Some(s) = channels::hand_source(set, article, speaker, kind) else {
                    continue;
                };
                set.sources[s].role = SourceRole::Speaker;
                let id = set.attributions[i].claim_id.clone();
                let Some(c) = set.claims.iter().position(|c| c.id == id) else {
                    continue;
                };
                let Ok(content) = Span::checked(article, start..set.claims[c].span.end) else {
                    continue;
                };
                set.claims[c].span = content;
                let a = &mut set.attributions[i];
                a.source_id = set.sources[s].id.clone();
                a.cue = Span::checked(article, verb).ok();
                a.via = vec![outlet.clone()];
            }
            None => continue,
        }
        if let Some(h) = set.sources.iter_mut().find(|x| x.id == outlet) {
            h.role = SourceRole::Intermediary;
            let first = normalize_str(h.name.split_whitespace().next().unwrap_or(""));
            let bare = first.strip_prefix("ال").unwrap_or(&first);
            h.source_type = channels::hand_type_of(bare);
        }
    }
    let gone: Vec<String> = set
        .attributions
        .iter()
        .filter(|a| drop.contains(&a.id))
        .map(|a| a.claim_id.clone())
        .collect();
    set.attributions.retain(|a| !drop.contains(&a.id));
    set.claims
        .retain(|c| !gone.contains(&c.id) || set.attributions.iter().any(|a| a.claim_id == c.id));
}

#[cfg(test)]
mod tests {
    use crate::extract::isnad::chains_in;

    #[test]
    fn only_an_outlet_told_is_a_hand() {
        // an organisation told is left to the cue suggester's reading
        let c = chains_in("وقالت الوزارة إن مسؤولين أبلغوها أن الصفقة ألغيت.");
        assert!(c.is_empty(), "{c:?}");
        // the outlet told, with the claim after the complementiser
        let c = chains_in("وقالت صحيفة الأيام إن مسؤولين أبلغوها أن الصفقة ألغيت.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].0, "الصفقة ألغيت", "{c:?}");
    }
}
