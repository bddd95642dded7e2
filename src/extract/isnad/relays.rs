//! Relays the cue suggester reads as plain reports (docs/attribution-guidelines.md §6.2, §7.4):
//! `حسب ما نقلت الوكالة عن الشرطة، فإن …` (its claim starts with «عن Y»), `ذكرت الوكالة نقلا عن
//! مصدر أن …` (`نقلا عن Y` before the claim) and `بحسب تقرير نشرته صحيفة X، فإن …` (its claim
//! starts with the outlet that carried the report). Y becomes the speaker and the one who
//! passed the words on its hand; the claim starts after `فإن`/`أن`.

use std::ops::Range;
use std::sync::LazyLock;

use crate::annotate::model::{AnnotationSet, SourceRole, SourceType, Span};
use crate::article::Article;
use crate::extract::tokens::is_letter_or_digit;
use crate::extract::wordlists as lists;
use crate::text::normalize::normalize_str;

use super::channels::{self, ChannelWord};
use super::{Rule, rule_of};

/// `أن`، `فإن`، `بأن`: the content follows.
static COMPLEMENTISERS: LazyLock<lists::WordSet> =
    LazyLock::new(|| lists::word_set(lists::COMPLEMENTIZERS));

/// Most words of a relayed speaker's name.
const SPEAKER_WORDS: usize = 8;

/// The words of `range` with their places, punctuation at their ends set aside, and whether a
/// comma or other mark followed each.
fn words(article: &Article, range: Range<usize>) -> Vec<(Range<usize>, &str, bool)> {
    let mut out = Vec::new();
    let mut at = range.start;
    for piece in article.pieces(range) {
        let word = piece.trim_end();
        let bare = word.trim_end_matches(|c: char| !is_letter_or_digit(c));
        // a closing quotation mark (`"الرصد" المحلية`) does not end a name
        let unquoted = word.trim_end_matches(['»', '"', '”']);
        if !bare.is_empty() {
            out.push((
                at..at + bare.len(),
                article.folded().slice(at..at + bare.len()),
                bare.len() < unquoted.len(),
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
        if COMPLEMENTISERS.contains(*key) {
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
    // sources the cue suggester made of a relay frame (`حسبما`), replaced by the speaker
    let mut pronoun_frames: Vec<String> = Vec::new();
    for i in 0..set.attributions.len() {
        let a = &set.attributions[i];
        let Some(cue) = a.cue else { continue };
        // a relay the cue suggester already split (`relay_chains`) may name more hands
        let split = !a.via.is_empty();
        if split && !relays(article, cue) {
            continue;
        }
        let Some(c) = set.position(&a.claim_id) else {
            continue;
        };
        let claim = set.claims[c].span;
        if !split && relays(article, cue) && cue.end <= claim.start {
            // حسب ما نقلت X عن Y، فإن …
            if let Some((y, start)) = an_speaker(article, claim.start..claim.end) {
                relay_link(set, article, i, y, Some(start));
                continue;
            }
        }
        // وأضاف الوزير، حسبما نقلت عنه X، أن …
        if !split && let Some((speaker, hand)) = relayed_pronoun(set, article, i, cue, claim) {
            let old = std::mem::replace(&mut set.attributions[i].source_id, speaker);
            set.attributions[i].via = vec![hand];
            pronoun_frames.push(old);
            continue;
        }
        // ذكرت X نقلا عن Y أن …، نقلت X أمس عن Z عن Y أن …، …، بحسب ما نقلت X عن Y.
        if let Some((speaker, hands)) = relayed(article, cue, claim) {
            set_chain(set, article, i, speaker, &hands, &mut drop);
            continue;
        }
        if split {
            continue;
        }
        drop.extend(report_carried(set, article, i));
    }
    // the report's own links went to the speakers inside them, and their claims with them
    set.attributions
        .retain(|a| !drop.iter().any(|(link, _)| *link == a.id));
    super::drop_unused_claims(set, drop.into_iter().map(|(_, claim)| claim));
    super::drop_unused_sources(set, &pronoun_frames);
}

/// `صحيفة X نقلت عن Y أن C`، `والوكالة نقلت أمس عن Y قوله إن C`: the outlet is the subject
/// before the relay verb, so the cue suggester's link has the outlet as its speaker and no one
/// after `عن`; Y speaks through X (guidelines §7.4).
pub(super) fn subject_relays(set: &mut AnnotationSet, article: &Article) {
    let mut drop: Vec<(String, String)> = Vec::new();
    for i in 0..set.attributions.len() {
        let a = &set.attributions[i];
        let (Some(cue), true) = (a.cue, a.via.is_empty()) else {
            continue;
        };
        let Some(claim) = set.position(&a.claim_id).map(|c| set.claims[c].span) else {
            continue;
        };
        let source = set.position(&a.source_id).and_then(|s| set.sources[s].span);
        if cue.end > claim.start {
            continue;
        }
        let w = words(article, cue.end..claim.start);
        let verb = normalize_str(cue.text(article).split_whitespace().last().unwrap_or(""));
        let verb = verb.trim_start_matches(['و', 'ف']);
        // the outlet right before the verb (`وكانت صحيفة X قد نقلت`)
        let right_before = |s: &Span| {
            s.end <= cue.start
                && article.text[s.end..cue.start]
                    .split_whitespace()
                    .all(|g| normalize_str(g) == "قد")
        };
        if verb.starts_with("نقل")
            && let Some(s) = source.filter(right_before)
        {
            // past time words to `عن`, then the one who spoke
            let an = w.iter().take(3).position(|(_, key, _)| *key == "عن");
            let Some(speaker) = an.and_then(|k| relayed_speaker(&w, k + 1)) else {
                continue;
            };
            set_chain(set, article, i, speaker, &[s.range()], &mut drop);
        }
    }
    set.attributions
        .retain(|a| !drop.iter().any(|(link, _)| *link == a.id));
}

/// `صحيفة X، نقلا عن Y، أكدت أن C` (also `وكانت صحيفة X، نقلا عن Y، قد ذكرت أن C`): an outlet
/// as the subject before a relay phrase between commas. The cue suggester reads the outlet as
/// the claim of `نقلا عن Y` and the outlet (or nothing) as the speaker of the verb after; Y is
/// the speaker of C through the outlet, and the outlet's false claim goes.
pub(super) fn fronted_outlet_relays(set: &mut AnnotationSet, article: &Article) {
    let mut drop: Vec<(String, String)> = Vec::new();
    for i in 0..set.attributions.len() {
        let Some((hand, verb_link)) = fronted_outlet(set, article, i) else {
            continue;
        };
        let kind = channels::hand_type_of(&normalize_str(
            article.text[hand.clone()]
                .split_whitespace()
                .next()
                .unwrap_or(""),
        ));
        let Some(h) = channels::hand_source(set, article, hand, kind) else {
            continue;
        };
        set.sources[h].source_type = kind;
        let (hand_id, speaker) = (
            set.sources[h].id.clone(),
            set.attributions[i].source_id.clone(),
        );
        set.attributions[verb_link].source_id = speaker;
        set.attributions[verb_link].via = vec![hand_id];
        let a = &set.attributions[i];
        drop.push((a.id.clone(), a.claim_id.clone()));
    }
    set.attributions
        .retain(|a| !drop.iter().any(|(link, _)| *link == a.id));
    super::drop_unused_claims(set, drop.into_iter().map(|(_, claim)| claim));
}

/// For link `i` through `نقلا عن` whose claim is an outlet's name right before the relay's
/// comma: the outlet's range and the link of the verb of saying right after Y's comma.
fn fronted_outlet(
    set: &AnnotationSet,
    article: &Article,
    i: usize,
) -> Option<(Range<usize>, usize)> {
    let a = &set.attributions[i];
    let cue = a.cue?;
    let cue_first = cue
        .text(article)
        .split_whitespace()
        .next()
        .map(normalize_str)?;
    if !matches!(cue_first.as_str(), "نقلا" | "استنادا") {
        return None;
    }
    let claim = set.claims[set.position(&a.claim_id)?].span;
    let between = article.text.get(claim.end..cue.start)?;
    if claim.end > cue.start || between.trim().trim_matches(['،', ',']).trim() != "" {
        return None;
    }
    // the outlet within the claim's first two words (after `كانت`)
    let w = words(article, claim.start..claim.end);
    let first = w.iter().take(2).position(|(_, key, _)| {
        channels::is_outlet(key) || key.strip_prefix("ال").is_some_and(channels::is_outlet)
    })?;
    let hand = w[first].0.start..claim.end;
    let speaker = set.sources[set.position(&a.source_id)?].span?;
    let verb_link = set.attributions.iter().position(|b| {
        b.cue.is_some_and(|c| {
            let gap = article.text.get(speaker.end..c.start).unwrap_or("x");
            let gap = gap.replace(['،', ','], " ");
            gap.split_whitespace().all(|g| normalize_str(g) == "قد")
                && set
                    .position(&b.claim_id)
                    .is_some_and(|k| set.claims[k].span.start >= c.end)
        })
    })?;
    Some((hand, verb_link))
}

/// `وأضاف الوزير،`: the words after the sentence's first word (its verb) up to the comma at
/// `comma`, when they start with a source head noun or a title and are at most
/// [`SPEAKER_WORDS`].
fn subject_before(article: &Article, sentence: usize, comma: usize) -> Option<Range<usize>> {
    let w = words(article, sentence..comma);
    let rest = w.get(1..)?;
    let first = rest.first()?;
    let bare = first.1.strip_prefix("ال").unwrap_or(first.1);
    let headed = super::head_type(first.1, SourceType::Unknown) != SourceType::Unknown
        || crate::extract::cues::source_head_type(bare).is_some();
    let last = rest.last()?;
    (headed && rest.len() <= SPEAKER_WORDS && !rest[..rest.len() - 1].iter().any(|x| x.2))
        .then_some(first.0.start..last.0.end)
}

/// `وأضاف الوزير، حسبما نقلت عنه وكالة X، أن …`، `وأكدت، وفق ما نقلت عنها صحيفة X، أن …`: a
/// relay cue with `عنه` after it passes on the words of the one named before its comma (or of
/// the last speaker, pro-drop); the outlet after the pronoun is the hand. The speaker's and the
/// hand's source ids.
fn relayed_pronoun(
    set: &mut AnnotationSet,
    article: &Article,
    i: usize,
    cue: Span,
    claim: Span,
) -> Option<(String, String)> {
    if !relays(article, cue) || cue.end > claim.start {
        return None;
    }
    let w = words(article, cue.end..claim.start);
    if rule_of(w.first()?.1) != Some(Rule::RelayPronoun) {
        return None;
    }
    let toks = channels::tokens(article, w.get(1)?.0.start..claim.start);
    let (range, kind) = channels::outlet_at(article, &toks, 0)?;
    let speaker = speaker_before_frame(set, article, cue)?;
    let hand = channels::hand_source(set, article, range, kind)?;
    let hand = set.sources[hand].id.clone();
    (hand != speaker && set.attributions[i].source_id != hand).then_some((speaker, hand))
}

/// The speaker of a relay frame in commas at `cue` (`وأضاف الوزير، حسبما …،`): the source named
/// before the frame's comma in its sentence (made one when the cue suggester did not), else the
/// speaker of the last link before the sentence (pro-drop).
fn speaker_before_frame(set: &mut AnnotationSet, article: &Article, cue: Span) -> Option<String> {
    let sentence = channels::sentence_start(article, cue.start);
    let comma = sentence + article.text[sentence..cue.start].rfind('،')?;
    let named = set
        .sources
        .iter()
        .filter(|s| {
            s.span
                .is_some_and(|x| x.start >= sentence && x.end <= comma)
        })
        .max_by_key(|s| s.span.map_or(0, |x| x.end))
        .map(|s| s.id.clone());
    // a speaker the cue suggester did not make a source of (`وأضاف الوزير، حسبما …`)
    let named = named.or_else(|| {
        let range = subject_before(article, sentence, comma)?;
        let kind = super::head_type(&article.text[range.clone()], SourceType::Unknown);
        let at = channels::hand_source(set, article, range, kind)?;
        Some(set.sources[at].id.clone())
    });
    // pro-drop: the speaker of the last link before the sentence
    named.or_else(|| {
        set.attributions
            .iter()
            .filter(|b| b.cue.is_some_and(|c| c.end <= sentence))
            .max_by_key(|b| b.cue.map_or(0, |c| c.start))
            .map(|b| b.source_id.clone())
    })
}

/// `وأكد الرئيس، حسبما أفاد التلفزيون الرسمي، أن …`: a frame word and a verb of saying in commas
/// after the speaker, its subject an outlet. The cue suggester made the outlet the speaker; the
/// one named before the comma speaks through it.
fn outlet_in_frame(
    set: &mut AnnotationSet,
    article: &Article,
    i: usize,
) -> Option<(String, String)> {
    let a = &set.attributions[i];
    let cue = a.cue?;
    // the frame word in the cue (`حسبما أفاد`) or right before it (`حسبما ذكرت`)
    let before = article.text[..cue.start].trim_end();
    let word_before = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let in_cue = cue
        .text(article)
        .split_whitespace()
        .next()
        .map(normalize_str)?;
    let frame_start = if FRAME_WORDS.contains(&in_cue.as_str()) {
        cue.start
    } else if FRAME_WORDS.contains(&normalize_str(word_before).as_str()) {
        before.len() - word_before.len()
    } else {
        return None;
    };
    if !a.via.is_empty() {
        return None;
    }
    let source = set.sources[set.position(&a.source_id)?].span?;
    let claim = set.claims[set.position(&a.claim_id)?].span;
    let first = normalize_str(source.text(article).split_whitespace().next()?);
    let outlet =
        channels::is_outlet(&first) || first.strip_prefix("ال").is_some_and(channels::is_outlet);
    // the source between the frame and the claim (a source after the claim has no comma there)
    let in_commas = article.text[..frame_start].trim_end().ends_with('،')
        && article
            .text
            .get(source.end..claim.start)
            .is_some_and(|between| between.trim_start().starts_with('،'));
    if !outlet || !in_commas {
        return None;
    }
    let hand = a.source_id.clone();
    let speaker = speaker_before_frame(set, article, cue)?;
    (speaker != hand).then_some((speaker, hand))
}

/// Frame words that open a relay in commas (`حسبما`، `وفقما`، `كما`).
const FRAME_WORDS: [&str; 3] = ["حسبما", "وفقما", "بحسبما"];

/// [`outlet_in_frame`] on every link.
pub(super) fn outlet_frames(set: &mut AnnotationSet, article: &Article) {
    for i in 0..set.attributions.len() {
        if let Some((speaker, hand)) = outlet_in_frame(set, article, i) {
            set.attributions[i].source_id = speaker;
            set.attributions[i].via = vec![hand.clone()];
            if let Some(h) = set.position(&hand) {
                let first = set.sources[h].name.split_whitespace().next().unwrap_or("");
                let key = normalize_str(first);
                let bare = key.strip_prefix("ال").unwrap_or(&key);
                set.sources[h].source_type = channels::hand_type_of(bare);
                set.sources[h].role = SourceRole::Intermediary;
            }
        }
    }
}

/// Most words of a hand's name in a relay.
const HAND_WORDS: usize = 6;

/// Whether word `i` of `w` hands the words on to the one named after it: `عن` after a relay
/// cue or after a hand that is an outlet (`نقلت قناة X عن وكالة Y عن Z`), `عن`/`إلى` after a
/// relay word (`نقلا عن`، `استنادا إلى`).
fn hands_over(w: &[(Range<usize>, &str, bool)], i: usize, relay_cue: bool, from: usize) -> bool {
    let key = w[i].1;
    let to = rule_of(key) == Some(Rule::RelayTo);
    let after_relay_word = i > 0 && rule_of(w[i - 1].1) == Some(Rule::Relay);
    if after_relay_word {
        return to || key == normalize_str("إلى");
    }
    let outlet_hand = i > from && channels::is_outlet(w[from].1);
    to && (relay_cue || outlet_hand) && i > from
}

/// The words `w[from..to]` as a hand's name: up to a word that ends names (`أمس`), a comma
/// (kept out) or [`HAND_WORDS`].
fn hand_name(w: &[(Range<usize>, &str, bool)], from: usize, to: usize) -> Option<Range<usize>> {
    let mut end = None;
    for (j, (_, key, marked)) in w.iter().enumerate().take(to).skip(from) {
        // a bracket opens an aside: an acronym is taken whole when the hand is made
        if channels::ends_name(key) || j >= from + HAND_WORDS || (j > from && key.starts_with('('))
        {
            break;
        }
        end = Some(j);
        if *marked {
            break;
        }
    }
    let end = end?;
    Some(w[from].0.start..w[end].0.end)
}

/// The relayed speaker from `w[from]`: up to a complementiser or `قوله` (kept out) or a
/// comma, at most [`SPEAKER_WORDS`].
fn relayed_speaker(w: &[(Range<usize>, &str, bool)], from: usize) -> Option<Range<usize>> {
    for (j, (_, key, marked)) in w.iter().enumerate().skip(from).take(SPEAKER_WORDS + 1) {
        if COMPLEMENTISERS.contains(*key) || rule_of(key) == Some(Rule::Said) {
            return (j > from).then(|| w[from].0.start..w[j - 1].0.end);
        }
        if *marked {
            return Some(w[from].0.start..w[j].0.end);
        }
    }
    // the end of the window (a claim before the cue: the sentence ends the speaker)
    let last = w.len().checked_sub(1)?;
    (last >= from && last - from < SPEAKER_WORDS).then(|| w[from].0.start..w[last].0.end)
}

/// `نقلت X عن Y أن …`، `ذكرت X، نقلا عن Y، أن …`، `نقلت X أمس عن Z عن Y …`، `…، بحسب ما نقلت X
/// عن Y.`: the words between the cue and the claim (or, for a claim before its cue, to the end
/// of the sentence) read as hands each handing over to the next: the speaker's range and the
/// hands', from the speaker outward.
fn relayed(article: &Article, cue: Span, claim: Span) -> Option<(Range<usize>, Vec<Range<usize>>)> {
    let region = if cue.end <= claim.start {
        cue.end..claim.start
    } else if claim.end <= cue.start {
        cue.end..channels::sentence_end(article, cue.end)
    } else {
        return None;
    };
    let w = words(article, region);
    let relay_cue = relays(article, cue);
    let mut hands = Vec::new();
    let mut from = 0;
    for i in 0..w.len() {
        if !hands_over(&w, i, relay_cue && hands.is_empty(), from) {
            continue;
        }
        // `نقلا`/`استنادا` before `عن` is in no span
        let to = if i > 0 && rule_of(w[i - 1].1) == Some(Rule::Relay) {
            i - 1
        } else {
            i
        };
        hands.push(hand_name(&w, from, to)?);
        from = i + 1;
    }
    if hands.is_empty() {
        return None;
    }
    let speaker = relayed_speaker(&w, from)?;
    hands.reverse();
    Some((speaker, hands))
}

/// The source item whose span starts where `range` does, set to `range` (a relay names more of
/// it than the cue suggester did: `مصدرين في الشركة`), or a new one of type `kind`.
fn source_at(
    set: &mut AnnotationSet,
    article: &Article,
    range: Range<usize>,
    kind: SourceType,
) -> Option<usize> {
    let at = set
        .sources
        .iter()
        .position(|s| s.span.is_some_and(|x| x.start == range.start));
    let Some(at) = at else {
        return channels::hand_source(set, article, range, kind);
    };
    let range = channels::with_closing_mark(article, range);
    let span = Span::checked(article, range).ok()?;
    let s = &mut set.sources[at];
    s.span = Some(span);
    s.name = span.text(article).to_owned();
    Some(at)
}

/// Makes link `i` come from the source at `speaker` through the sources at `hands`; the links of
/// the same claim from any of the hands go (pushed on `drop` with the claim, which other links
/// keep).
fn set_chain(
    set: &mut AnnotationSet,
    article: &Article,
    i: usize,
    speaker: Range<usize>,
    hands: &[Range<usize>],
    drop: &mut Vec<(String, String)>,
) {
    let mut via = Vec::new();
    for range in hands {
        let key = normalize_str(
            article.text[range.clone()]
                .split_whitespace()
                .next()
                .unwrap_or(""),
        );
        let kind = if channels::is_outlet(&key)
            || key.strip_prefix("ال").is_some_and(channels::is_outlet)
        {
            channels::hand_type_of(&key)
        } else {
            super::head_type(&article.text[range.clone()], SourceType::Outlet)
        };
        let Some(h) = source_at(set, article, range.clone(), kind) else {
            return;
        };
        set.sources[h].source_type = kind;
        via.push(set.sources[h].id.clone());
    }
    let kind = super::head_type(&article.text[speaker.clone()], SourceType::Unknown);
    let Some(s) = source_at(set, article, speaker, kind) else {
        return;
    };
    let id = set.sources[s].id.clone();
    if via.contains(&id) {
        return;
    }
    let claim = set.attributions[i].claim_id.clone();
    for b in &set.attributions {
        if b.claim_id == claim && b.id != set.attributions[i].id && via.contains(&b.source_id) {
            drop.push((b.id.clone(), claim.clone()));
        }
    }
    set.attributions[i].source_id = id;
    set.attributions[i].via = via;
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
        .is_some_and(|t| rule_of(t.key) == Some(Rule::Channel(ChannelWord::BeforeOutlet)));
    if !is_report || !carried {
        return None;
    }
    let (outlet, kind) = channels::outlet_at(article, &toks, 1)?;
    let w = words(article, outlet.end..claim.end);
    let (r, _, _) = w
        .iter()
        .take(3)
        .find(|(_, key, _)| COMPLEMENTISERS.contains(*key))?;
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

    /// `C، حسبما أفادت X.`: the frame after the claim, its speaker after the claim too (the
    /// frame rule used to slice from the speaker back to the claim and panicked).
    #[test]
    fn a_frame_after_the_claim_with_its_speaker_after_it() {
        for text in [
            "وقبضت الشرطة على عشرين مطلوبا، حسبما أفادت وزارة الداخلية.",
            "وقبضت الشرطة على عشرين مطلوبا، حسبما ذكرت وزارة الداخلية مساء اليوم.",
            "وَقَبَضَتِ الشرطةُ على عشرين مطلوبا، حسبما أعلنت الوزارة.",
        ] {
            let l = crate::extract::isnad::test_rows::links(text);
            assert_eq!(l.len(), 1, "{text}: {l:?}");
            assert!(
                l[0].0.contains("الوزارة") || l[0].0.contains("وزارة"),
                "{l:?}"
            );
        }
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
