//! Hands named where the channel rules do not look (docs/attribution-guidelines.md §6.2): an
//! outlet frame that opens the sentence before the speaker's own verb (`وبحسب «رويترز»، قال
//! المسؤول إن …`، `ووفقا لقناة X، أكد Y أن …`), which the cue suggester reads as the outlet
//! speaking the whole rest of the sentence. (The seventh round's correspondent told and
//! statement frame were dropped in the eighth: no report of the pool writes them.)

use std::ops::Range;

use crate::annotate::model::{AnnotationSet, SourceType, Span};
use crate::article::Article;
use crate::text::normalize::normalize_str;

use super::channels::{self, ChannelWord, Token};
use super::{Rule, rule_of};

/// Marks that open a quoted name.
const OPENING_MARKS: [char; 3] = ['«', '"', '“'];

/// Whether the folded word opens a source frame (`بحسب`، `وفقا`، `حسب`).
fn is_frame_word(key: &str) -> bool {
    rule_of(key) == Some(Rule::Channel(ChannelWord::AfterClaim))
}

/// Where an outlet's name starts at `t`: after a ل (`لقناة`), after an opening mark, or at the
/// word when it is an outlet's head or name.
fn outlet_start(article: &Article, t: &Token) -> Option<usize> {
    if let Some(start) = channels::after_lam(article, t) {
        return Some(start);
    }
    let raw = &article.text[t.range.clone()];
    let opened = raw.trim_start_matches(OPENING_MARKS);
    let named = |key: &str| {
        channels::is_outlet(key) || key.strip_prefix("ال").is_some_and(channels::is_outlet)
    };
    // `وكالة` is a head as it is; `والجزيرة` is one after its و
    let outlet =
        opened.len() < raw.len() || named(t.key) || t.key.strip_prefix('و').is_some_and(named);
    outlet.then(|| t.range.end - opened.len())
}

/// Most words of an aside between the frame's comma and the cue (`، عقب اجتماعه الأخير،`).
const ASIDE_WORDS: usize = 10;

/// Whether the words between the frame and the cue are only its comma, or an aside closed by
/// a comma right before the cue.
fn frame_closes(between: &str) -> bool {
    let between = between.trim_matches(['"', '»', '”', ' ']);
    let Some(rest) = between.strip_prefix('،') else {
        return false;
    };
    let rest = rest.trim();
    rest.is_empty()
        || (rest.ends_with('،')
            && !rest[..rest.len() - '،'.len_utf8()].contains('،')
            && rest.split_whitespace().count() <= ASIDE_WORDS)
}

/// `وبحسب X، CUE …`: the outlet X named in a frame that opens the sentence of `cue` and ends
/// at the comma before it (past an aside: `وبحسب رويترز، عقب الاجتماع، قال`; `بحسب ما أوردت
/// X،` too).
fn fronted_frame(article: &Article, cue: Span) -> Option<(Range<usize>, SourceType)> {
    let start = channels::sentence_start(article, cue.start);
    let toks = channels::tokens(article, start..cue.start);
    let last = toks.last()?;
    if !frame_closes(&article.text[last.range.end..cue.start]) || !is_frame_word(toks.first()?.key)
    {
        return None;
    }
    // `بحسب ما أوردت X`: the relative and its verb before the name
    let k = if toks.get(1).is_some_and(|t| t.key == "ما") {
        3
    } else {
        1
    };
    let t = toks.get(k)?;
    let name_start = outlet_start(article, t)?;
    if channels::name_end(article, &toks, k) != last.range.end {
        return None;
    }
    let key = normalize_str(&article.text[name_start..t.range.end]);
    Some((name_start..last.range.end, channels::hand_type_of(&key)))
}

/// Makes the source at `range` the only hand of link `i`; returns its id.
fn set_hand(
    set: &mut AnnotationSet,
    article: &Article,
    i: usize,
    range: Range<usize>,
    kind: SourceType,
) -> Option<String> {
    let h = channels::hand_source(set, article, range, kind)?;
    let id = set.sources[h].id.clone();
    if id == set.attributions[i].source_id {
        return None;
    }
    set.sources[h].source_type = kind;
    set.attributions[i].via = vec![id.clone()];
    Some(id)
}

/// Gives each link without hands the outlet of a frame that opens its sentence; the frame's own
/// link (the outlet speaking the rest of the sentence, the speaker's cue inside its claim) goes.
pub(super) fn fronted_hands(set: &mut AnnotationSet, article: &Article) {
    let mut drop: Vec<(Range<usize>, Span)> = Vec::new();
    for i in 0..set.attributions.len() {
        let a = &set.attributions[i];
        let (Some(cue), true) = (a.cue, a.via.is_empty()) else {
            continue;
        };
        let Some(claim) = set.position(&a.claim_id).map(|c| set.claims[c].span) else {
            continue;
        };
        if cue.end > claim.start {
            continue;
        }
        if let Some((range, kind)) = fronted_frame(article, cue)
            && set_hand(set, article, i, range.clone(), kind).is_some()
        {
            // the frame's source keeps the closing mark of a quoted name (`شبكة «X»`)
            drop.push((channels::with_closing_mark(article, range), cue));
        }
    }
    // the frame's own links: a source inside the frame, a claim that holds the cue or lies
    // between the frame and the cue (`البلاغ` ← `الذي عممه، عقب …`)
    let frames: Vec<(String, String)> = set
        .attributions
        .iter()
        .filter(|a| {
            let source = set.position(&a.source_id).and_then(|s| set.sources[s].span);
            let claim = set.position(&a.claim_id).map(|c| set.claims[c].span);
            drop.iter().any(|(hand, cue)| {
                source.is_some_and(|s| s.start >= hand.start && s.end <= hand.end)
                    && claim.is_some_and(|c| {
                        c.range().contains(&cue.start)
                            || (c.start >= hand.start && c.end <= cue.start)
                    })
            })
        })
        .map(|a| (a.id.clone(), a.claim_id.clone()))
        .collect();
    let speakers_gone: Vec<String> = set
        .attributions
        .iter()
        .filter(|a| frames.iter().any(|(id, _)| *id == a.id))
        .map(|a| a.source_id.clone())
        .collect();
    set.attributions
        .retain(|a| !frames.iter().any(|(id, _)| *id == a.id));
    super::drop_unused_claims(set, frames.into_iter().map(|(_, c)| c));
    super::drop_unused_sources(set, &speakers_gone);
    super::mark_hand_roles(set);
}
