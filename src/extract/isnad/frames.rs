//! A source frame after the claim (docs/attribution-guidelines.md §6.2): `قال الوزير إن …،
//! بحسب وكالة …`، `…، وفق ما أوردت قناة …`، `…، حسبما نقلت عنه وكالة …`. When a speaker is named
//! before the claim, the outlet in the frame carried the speaker's words: it is the outermost
//! hand, not a second speaker (the cue suggester reads `وفق ما أوردت` as a cue of its own).

use std::ops::Range;

use crate::annotate::model::{AnnotationSet, Label, SourceType, Span};
use crate::article::Article;
use crate::text::normalize::normalize_str;

use super::channels::{
    Token, Word, after_lam, hand_source, hand_type, is_outlet, name_end, outlet_at, sentence_end,
    tokens,
};
use super::{Rule, rule_of};

/// `…، حسب ما أفادت به الإذاعة`، `…، وفقا لوكالة …`، `…، حسبما نقلت عنه وكالة …`: an outlet
/// named after a comma past the claim, in its sentence, that carried the claim of a speaker
/// named before it.
pub(super) fn after_claim(
    article: &Article,
    claim_end: usize,
) -> Option<(Range<usize>, SourceType)> {
    let end = sentence_end(article, claim_end);
    let rest = &article.text[claim_end..end];
    for (i, _) in rest.match_indices('،') {
        let from = claim_end + i + '،'.len_utf8();
        let toks = tokens(article, from..end);
        let Some(first) = toks.first() else { continue };
        if rule_of(first.key) != Some(Rule::Channel(Word::AfterClaim)) {
            continue;
        }
        let mut j = 1;
        let is = |j: usize, words: &[&str]| toks.get(j).is_some_and(|t| words.contains(&t.key));
        if is(j, &["ما", "لما"]) {
            j += 1;
        }
        let named = |t: &Token| is_outlet(t.key) || after_lam(article, t).is_some();
        if !toks.get(j).is_some_and(named) {
            // the verb of `حسب ما أفادت (به)`، `حسبما نقلت (عنه)`
            j += 1;
            let pronoun = toks
                .get(j)
                .is_some_and(|t| rule_of(t.key) == Some(Rule::RelayPronoun));
            if is(j, &["به", "بها"]) || pronoun {
                j += 1;
            }
        }
        // `وفقا لوكالة …`: the outlet after ل (guidelines §2.3: the ل is outside)
        if let Some(t) = toks.get(j)
            && let Some(start) = after_lam(article, t)
        {
            let key = normalize_str(&article.text[start..t.range.end]);
            return Some((start..name_end(article, &toks, j), hand_type(&key)));
        }
        return outlet_at(article, &toks, j);
    }
    None
}

/// `قالت الوزارة في بيان إن …، وفق ما أوردت وكالة …`: a link that has its hands already (the
/// statement) takes the outlet named after its claim as the outermost hand; the outlet's own
/// link to the claim (the cue suggester read `وفق ما أوردت` as a cue) goes into `drop`.
pub(super) fn outer_hand_after_claim(
    set: &mut AnnotationSet,
    article: &Article,
    i: usize,
    drop: &mut Vec<usize>,
) {
    let a = &set.attributions[i];
    let source = set.position(&a.source_id).and_then(|s| set.sources[s].span);
    let Some(claim) = set.position(&a.claim_id).map(|c| set.claims[c].span) else {
        return;
    };
    if source.is_none_or(|s| s.end > claim.start) {
        return;
    }
    let Some((range, kind)) = after_claim(article, claim.end) else {
        return;
    };
    let Some(at) = hand_source(set, article, range, kind) else {
        return;
    };
    let a = &set.attributions[i];
    let hand = set.sources[at].id.clone();
    if hand == a.source_id || a.via.contains(&hand) {
        return;
    }
    drop.extend(
        set.attributions
            .iter()
            .position(|b| b.claim_id == a.claim_id && b.source_id == hand),
    );
    // the cue suggester typed it as a speaking outlet; as a hand it is an agency or outlet
    if set.sources[at].source_type == SourceType::MediaOutlet {
        set.sources[at].source_type = kind;
    }
    set.attributions[i].via.push(hand);
}

/// `قال كيربي: "…"، وفق روسيا اليوم`: when the cue suggester linked the claim twice, to the
/// speaker named before it and to a name after it through a frame word (`وفق`، `بحسب`), the
/// second is the outermost hand of the first (a name no outlet list knows: the frame word says
/// what it is). A hand already there that overlaps it (the same outlet read longer) is kept.
pub(super) fn frame_speakers_to_hands(set: &mut AnnotationSet, article: &Article) {
    // `روسيا اليوم`: the name was cut before a time word the organisation's name keeps
    let orgs: Vec<Range<usize>> = set
        .entities
        .iter()
        .filter(|e| e.label == Label::ORG)
        .map(|e| e.span.range())
        .collect();
    // an outlet by its type or an organisation's name; not a person who told the outlet
    // (`بحسب ما ذكر أحد أعضاء الائتلاف لوكالة …`)
    let outlet = |s: &crate::annotate::model::Source| {
        matches!(
            s.source_type,
            SourceType::MediaOutlet | SourceType::Agency | SourceType::Outlet
        ) || s
            .span
            .is_some_and(|x| orgs.iter().any(|o| o.start == x.start))
    };
    let mut drop: Vec<String> = Vec::new();
    let mut hands: Vec<String> = Vec::new();
    for j in 0..set.attributions.len() {
        let b = &set.attributions[j];
        let Some(cue) = b.cue else { continue };
        if rule_of(cue.text(article)) != Some(Rule::Channel(Word::AfterClaim)) {
            continue;
        }
        let span_of = |id: &str| set.sources.iter().find(|s| s.id == id).and_then(|s| s.span);
        let Some(claim) = set.position(&b.claim_id).map(|c| set.claims[c].span) else {
            continue;
        };
        let Some(frame) = span_of(&b.source_id).filter(|_| cue.start >= claim.end) else {
            continue;
        };
        if !set.sources.iter().any(|s| s.id == b.source_id && outlet(s)) {
            continue;
        }
        let speaker = set.attributions.iter().position(|a| {
            a.id != b.id
                && a.claim_id == b.claim_id
                && a.cue.is_some_and(|c| c.end <= claim.start)
                && span_of(&a.source_id).is_some_and(|s| s.end <= claim.start)
        });
        let Some(i) = speaker else { continue };
        let overlaps = set.attributions[i]
            .via
            .iter()
            .any(|v| span_of(v).is_some_and(|h| h.start < frame.end && frame.start < h.end));
        let hand = b.source_id.clone();
        drop.push(b.id.clone());
        if !overlaps {
            set.attributions[i].via.push(hand.clone());
            hands.push(hand);
        }
    }
    set.attributions.retain(|a| !drop.contains(&a.id));
    mark_frame_hands(set, article, &hands, &orgs);
    super::drop_unused_sources(set, &[]);
}

/// The frame names that became hands: intermediaries, typed agency or outlet by their first
/// word, their name widened to the organisation's (`روسيا اليوم` read as `روسيا`).
fn mark_frame_hands(
    set: &mut AnnotationSet,
    article: &Article,
    hands: &[String],
    orgs: &[Range<usize>],
) {
    for s in &mut set.sources {
        if hands.contains(&s.id) {
            s.role = crate::annotate::model::SourceRole::Intermediary;
            let longer = s.span.and_then(|x| {
                orgs.iter()
                    .find(|o| o.start == x.start && o.end > x.end)
                    .and_then(|o| Span::checked(article, o.clone()).ok())
            });
            if let Some(span) = longer {
                s.name = span.text(article).to_owned();
                s.span = Some(span);
            }
            if matches!(s.source_type, SourceType::MediaOutlet | SourceType::Unknown) {
                let key = s.name.split_whitespace().next().map(normalize_str);
                s.source_type = key.map_or(SourceType::Outlet, |k| hand_type(&k));
            }
        }
    }
}
