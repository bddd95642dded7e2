//! Rule-based isnad suggestions, run after the cue suggester on its sources, claims and
//! attributions (`isnad extract --json`): they prove the path from extraction to the file's
//! chains, stances and coreference, and are suggestions like the rest (the next issue makes the
//! extraction itself good). Three rules, their words in `assets/lexicon/chain-cues.tsv`:
//!
//! - relay: «نقلت وكالة الأناضول عن مصدر أمني …» — the cue suggester links the claim to both;
//!   the source after «عن» becomes the speaker and the one before it a hand (`via`), typed
//!   agency or outlet by its first word;
//! - stance: a denying, doubting or retracting cue (`نفت`, `شكك`, `تراجع`) sets the stance;
//! - coreference: a description, a name alone or the same words again refer back (`same_as`)
//!   to the first mention of the source (`coref.rs`).

use std::sync::{LazyLock, OnceLock};

use rustc_hash::FxHashMap;

use crate::annotate::model::{AnnotationSet, SourceRole, SourceType, Stance};
use crate::article::Article;
use crate::extract::wordlists::{self as lists, WordSet};
use crate::text::normalize::{is_normalized, normalize_str};
use crate::text::spaces::first_word;

mod channels;
mod coref;
mod denial_shapes;
mod denials;
mod documents;
mod falsity;
mod frames;
mod fronted;
mod pointed_denials;
mod pointed_falsity;
mod pointers;
mod posts;
mod relays;
mod shapes;
mod stated_mentions;
mod stated_reports;
mod subject_denials;
mod test_rows;
mod tests_channels;
mod tests_denials;
mod tests_documents;
mod tests_frames;
mod tests_pointed;
mod tests_relays;
mod tests_same_as;
mod told;
mod unconfirmed;

/// How far after a relay cue «عن» is looked for (words): past the hand's name, not into the
/// next sentence.
const RELAY_WORDS: usize = 12;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rule {
    Relay,
    /// `عن` after a relay: the one named after it passed the words on (`نقلت X عن Y`).
    RelayTo,
    /// `عنه` after a relay cue: it passes on the words of the one named before (`حسبما نقلت
    /// عنه وكالة …`).
    RelayPronoun,
    /// A word that names a channel next to a cue (`channels.rs`).
    Channel(channels::ChannelWord),
    Stance(Stance),
    Anaphor,
    HandType(SourceType),
    /// `قوله` after a relayed speaker: in no span (guidelines §6.2).
    Said,
    /// `فيه`, `فيها` right after a cue: it speaks in a document named before (`documents.rs`).
    InDocument,
    /// `أصدر`, `نشر`: its subject issued the document after it.
    Publish,
    /// `قام`: its subject did what the verbal noun after it says (`قام … بإصدار بيان`).
    CarryOut,
    /// `إصدار`, `نشر` after `قام ب`/`إلى`.
    Issuing,
    /// `معه` after a verb that names an outlet (`أجرتها معه قناة …`): the outlet follows.
    PronounObject,
    /// `جاء`, `ورد` opening a sentence about the report just made (`جاء ذلك في تصريح …`).
    Came,
    /// `ذلك` after [`Rule::Came`].
    ThatReport,
    /// `عدة`, `مجموعة`: a quantity before the head of a source (`عدة وسائل إعلام`).
    Quantifier,
    /// `في`, `خلال`: before an interview or statement noun, the phrase names a channel.
    PhraseOpener,
    /// `أبلغ`, `أخبر`: the outlet after the subject is the addressee (`أبلغ X وكالة Y أن`).
    Tell,
    /// `التابعة`, `الموالية`: before `لـ` it says whose the speaker is (`وكالة «سبأ» التابعة
    /// لـ«الحوثيين»`), so the name after it is no outlet spoken to, and a comma phrase it opens
    /// stays in the speaker (`المنظمة، التابعة للأمم المتحدة`).
    Affiliation,
}

/// The rule a row of `chain-cues.tsv` names.
fn rule_named(name: &str) -> Option<Rule> {
    Some(match name {
        "relay" => Rule::Relay,
        "relay-to" => Rule::RelayTo,
        "relay-pronoun" => Rule::RelayPronoun,
        "denies" => Rule::Stance(Stance::Denies),
        "doubts" => Rule::Stance(Stance::Doubts),
        "retracts" => Rule::Stance(Stance::Retracts),
        "anaphor" => Rule::Anaphor,
        "agency" => Rule::HandType(SourceType::Agency),
        "outlet" => Rule::HandType(SourceType::Outlet),
        "said" => Rule::Said,
        "in-document" => Rule::InDocument,
        "publish" => Rule::Publish,
        "carry-out" => Rule::CarryOut,
        "issuing" => Rule::Issuing,
        "pronoun-object" => Rule::PronounObject,
        "tell" => Rule::Tell,
        "phrase-opener" => Rule::PhraseOpener,
        "quantifier" => Rule::Quantifier,
        "came" => Rule::Came,
        "that-report" => Rule::ThatReport,
        "affiliation" => Rule::Affiliation,
        other => Rule::Channel(channels::channel_rule(other)?),
    })
}

/// The rule words, normalised as the text is; a malformed row (the test names it) is left out.
fn rules() -> &'static FxHashMap<String, Rule> {
    static RULES_BY_WORD: OnceLock<FxHashMap<String, Rule>> = OnceLock::new();
    RULES_BY_WORD.get_or_init(|| {
        lists::rows(lists::CHAIN_CUES)
            .filter_map(Result::ok)
            .filter_map(|row| Some((normalize_str(row.get(0)), rule_named(row.get(1))?)))
            .collect()
    })
}

/// The rule of `key`, a word read from the article's folded text (folded, no space in it), a
/// leading و or ف (conjunction) set aside: [`rule_of`] without looking for the first word and
/// checking that it is folded (the scans over every word of the article call this).
fn rule_of_key(key: &str) -> Option<Rule> {
    debug_assert!(is_normalized(key) && !key.contains(char::is_whitespace));
    if key.is_empty() {
        return None;
    }
    let table = rules();
    table.get(key).copied().or_else(|| {
        key.strip_prefix(['و', 'ف'])
            .and_then(|bare| table.get(bare).copied())
    })
}

/// The rule of the first word of `text`, a leading و or ف (conjunction) set aside.
fn rule_of(text: &str) -> Option<Rule> {
    let first = first_word(text)?;
    // most callers pass a word already folded: looked up as it is, without a copy
    let folded;
    let word = if is_normalized(first) {
        first
    } else {
        folded = normalize_str(first);
        folded.as_str()
    };
    let table = rules();
    table.get(word).copied().or_else(|| {
        word.strip_prefix(['و', 'ف'])
            .and_then(|bare| table.get(bare).copied())
    })
}

/// Every suggestion of the built-in extractor for `article` as one annotation set: the entity
/// `suggestions` (from [`super::extract`]), then the cue suggester's sources, claims and
/// attributions, then chains, stances and coreference over them. `isnad extract --json`
/// writes it; `isnad eval --gold DIR` scores it.
pub fn suggest_annotations(article: &Article, suggestions: &[super::Suggestion]) -> AnnotationSet {
    suggest_annotations_with(article, suggestions, &super::cues::suggest_article(article))
}

/// [`suggest_annotations`] with the cue suggestions given (the learned stage's decisions, or
/// the rules' own).
pub fn suggest_annotations_with(
    article: &Article,
    suggestions: &[super::Suggestion],
    cues: &super::cues::CueSuggestions,
) -> AnnotationSet {
    let mut set = AnnotationSet {
        entities: super::to_entities(article, suggestions),
        ..AnnotationSet::default()
    };
    super::cues::add_to_annotations(&mut set, article, cues);
    suggest(&mut set, article);
    set
}

/// The source type the first word of a new source's name gives (`وزارة` official, `مصدر`
/// anonymous), or `default`.
fn head_type(name: &str, default: SourceType) -> SourceType {
    let first = name
        .split_whitespace()
        .next()
        .map(normalize_str)
        .unwrap_or_default();
    let bare = first
        .strip_prefix("ال")
        .filter(|b| b.chars().count() >= 3)
        .unwrap_or(&first);
    super::cues::source_head_type(bare).unwrap_or(default)
}

/// Where the word `word` starts among the next [`RELAY_WORDS`] words after byte `from`,
/// compared without harakat (`عَنْ` is `عن`).
fn word_after(article: &Article, from: usize, word: &str) -> Option<usize> {
    let rest = article.text.get(from..)?;
    let mut at = from;
    for w in rest.split_inclusive(' ').take(RELAY_WORDS) {
        if normalize_str(w.trim()) == word {
            return Some(at);
        }
        at += w.len();
    }
    None
}

/// Adds chains, stances and coreference to the suggestions in `set`.
pub fn suggest(set: &mut AnnotationSet, article: &Article) {
    shapes::headline(set, article);
    // the headline's link was pushed: put the lists in order so the id index serves lookups
    set.sort();
    shapes::names_after_titles(set, article);
    shapes::outlet_names(set, article);
    shapes::appositions(set, article);
    shapes::naming_clauses(set, article);
    shapes::coordinated_sources(set, article);
    shapes::said_words(set, article);
    relay_chains(set, article);
    relays::relay_variants(set, article);
    relays::subject_relays(set, article);
    relays::fronted_outlet_relays(set, article);
    relays::outlet_frames(set, article);
    told::told_outlets(set, article);
    set.sort();
    documents::document_chains(set, article);
    // sources were added and removed: the id index is rebuilt for the lookups that follow
    set.sort();
    // the denial verbs are found once: a scan of the whole text
    let denial_verbs = denial_shapes::denial_verbs(article);
    denial_shapes::denial_shapes(set, article, &denial_verbs);
    pointed_denials::pointed_denials(set, article, &denial_verbs);
    pointers::pointer_denials(set, article);
    subject_denials::subject_denials(set, article);
    set.sort();
    channels::channel_chains(set, article);
    fronted::fronted_hands(set, article);
    frames::frame_speakers_to_hands(set, article);
    stances(set, article);
    falsity::falsified_reports(set, article);
    pointed_falsity::pointed_falsity(set, article);
    stated_mentions::stated_mentions(set, article);
    unconfirmed::unconfirmed(set, article);
    shapes::denied_reports(set, article);
    denials::report_origins(set, article);
    coref::same_as(set, article);
    sentence_chains(set, article);
    // spans were widened or moved in place: the set's order and id index follow them
    set.sort();
}

/// «نقلت X عن Y»: of the claim's links through one relay cue, the source after «عن» keeps the
/// link with the others as its hands, outermost last; their own links to the claim go.
fn relay_chains(set: &mut AnnotationSet, article: &Article) {
    let mut drop: Vec<String> = Vec::new();
    let mut hands_found: Vec<String> = Vec::new();
    for i in 0..set.attributions.len() {
        let Some(hands) = relay_hands(set, article, i) else {
            continue;
        };
        let via: Vec<String> = hands.iter().map(|(_, id)| id.clone()).collect();
        drop.extend(hands.iter().map(|(j, _)| set.attributions[*j].id.clone()));
        hands_found.extend(via.iter().cloned());
        set.attributions[i].via = via;
    }
    set.attributions.retain(|a| !drop.contains(&a.id));
    mark_hands(set, &hands_found);
}

/// When link `i` is the speaker's link through a relay cue (its source after «عن»): the
/// claim's other links through that cue (their place and source id), outermost first.
fn relay_hands(set: &AnnotationSet, article: &Article, i: usize) -> Option<Vec<(usize, String)>> {
    let a = &set.attributions[i];
    let cue = a.cue?;
    if rule_of(cue.text(article)) != Some(Rule::Relay) {
        return None;
    }
    let an = word_after(article, cue.end, "عن")?;
    // the claim's links through this same cue, with their sources' places
    let siblings: Vec<(usize, String, usize)> = set
        .attributions
        .iter()
        .enumerate()
        .filter(|(_, b)| b.claim_id == a.claim_id && b.cue == Some(cue))
        .filter_map(|(j, b)| {
            let s = &set.sources[set.position(&b.source_id)?];
            Some((j, s.id.clone(), s.span?.start))
        })
        .collect();
    let (speaker_at, _, _) = siblings.iter().find(|(_, _, at)| *at > an)?;
    let mut hands: Vec<&(usize, String, usize)> = siblings
        .iter()
        .filter(|(_, _, at)| (cue.end..an).contains(at))
        .collect();
    if hands.is_empty() || *speaker_at != i {
        return None;
    }
    hands.sort_by_key(|(_, _, at)| std::cmp::Reverse(*at));
    Some(
        hands
            .into_iter()
            .map(|(j, id, _)| (*j, id.clone()))
            .collect(),
    )
}

/// The role of every source that is a hand: an intermediary, or both when it also speaks; a
/// hand named by an agency or outlet word takes that type.
fn mark_hands(set: &mut AnnotationSet, hands: &[String]) {
    for s in &mut set.sources {
        if hands.contains(&s.id) {
            let speaks = set.attributions.iter().any(|a| a.source_id == s.id);
            s.role = if speaks {
                SourceRole::Both
            } else {
                SourceRole::Intermediary
            };
            if let Some(Rule::HandType(t)) = rule_of(&s.name) {
                s.source_type = t;
            }
        }
    }
}

/// The role of every source some link names as a hand, after a rule moved or dropped links: an
/// intermediary, or both when it also speaks.
fn mark_hand_roles(set: &mut AnnotationSet) {
    let hands: std::collections::HashSet<&String> =
        set.attributions.iter().flat_map(|a| &a.via).collect();
    let speakers: std::collections::HashSet<&String> =
        set.attributions.iter().map(|a| &a.source_id).collect();
    for s in &mut set.sources {
        if hands.contains(&s.id) {
            s.role = if speakers.contains(&s.id) {
                SourceRole::Both
            } else {
                SourceRole::Intermediary
            };
        }
    }
}

/// Removes the claims of `ids` that no link claims any more (the claim of a link a rule
/// replaced or took out, when no other link shares it).
fn drop_unused_claims(set: &mut AnnotationSet, ids: impl IntoIterator<Item = String>) {
    let claimed: std::collections::HashSet<&String> =
        set.attributions.iter().map(|a| &a.claim_id).collect();
    let unused: std::collections::HashSet<String> =
        ids.into_iter().filter(|id| !claimed.contains(id)).collect();
    set.claims.retain(|c| !unused.contains(&c.id));
}

/// Removes the sources of `ids` that no link uses any more, as speaker or hand (a source a rule
/// replaced: `حسبما` for the speaker before it, `قصر X` for `قصر X، مقر …`).
fn drop_unused_sources(set: &mut AnnotationSet, ids: &[String]) {
    let used: std::collections::HashSet<&String> = set
        .attributions
        .iter()
        .flat_map(|a| std::iter::once(&a.source_id).chain(&a.via))
        .collect();
    let unused: Vec<String> = ids
        .iter()
        .filter(|id| !used.contains(id))
        .cloned()
        .collect();
    set.sources.retain(|s| !unused.contains(&s.id));
}

/// Every link of a speaker in a sentence that names an intermediary once (`قال X للجزيرة إن …،
/// وزاد …، وأضاف …`، `…، مشيرا إلى أن …`، `…، حسبما نقلت الوكالة` at the sentence's end) came
/// through the hands of that speaker's link that has them, before or after it (guidelines §7.1
/// as settled on 2026-12-04, ADJUDICATION A5); another speaker's or another sentence's link
/// does not.
fn sentence_chains(set: &mut AnnotationSet, article: &Article) {
    let root = |set: &AnnotationSet, id: &str| {
        set.position(id)
            .and_then(|s| set.sources[s].same_as.clone())
            .unwrap_or_else(|| id.to_owned())
    };
    let mut order: Vec<usize> = (0..set.attributions.len())
        .filter(|&i| set.attributions[i].cue.is_some())
        .collect();
    order.sort_by_key(|&i| set.attributions[i].cue.map_or(0, |c| c.start));
    let sentence_of = |i: usize| {
        let cue = set.attributions[i].cue.map_or(0, |c| c.start);
        channels::sentence_start(article, cue)
    };
    let keys: Vec<(usize, String)> = order
        .iter()
        .map(|&i| (sentence_of(i), root(set, &set.attributions[i].source_id)))
        .collect();
    for (k, &i) in order.iter().enumerate() {
        if !set.attributions[i].via.is_empty() {
            continue;
        }
        // the first link of the same speaker in the same sentence that has hands
        let with_hands = order
            .iter()
            .enumerate()
            .find(|&(m, &j)| m != k && keys[m] == keys[k] && !set.attributions[j].via.is_empty());
        // a hand that is the speaker himself (`نقلت الوكالة عن الوكالة`) is no chain
        let own = |set: &AnnotationSet, hand: &String| {
            *hand == set.attributions[i].source_id || root(set, hand) == keys[k].1
        };
        if let Some((_, &j)) = with_hands
            && !set.attributions[j].via.iter().any(|h| own(set, h))
        {
            set.attributions[i].via = set.attributions[j].via.clone();
        }
    }
}

/// Negations before a cue: `لم تستبعد`، `لا ينفي` neither doubt nor deny (every particle of
/// `negations.tsv`, also those the cue parser reads only right before a word).
static NEGATIONS: LazyLock<WordSet> = LazyLock::new(|| {
    lists::rows(lists::NEGATIONS)
        .filter_map(Result::ok)
        .map(|row| normalize_str(row.get(0)))
        .collect()
});

/// The words before byte `at`, folded, the nearest first: what a cue's negation or `دون أن` is
/// read from (`negated`, `unconfirmed.rs`).
fn words_before(article: &Article, at: usize) -> impl Iterator<Item = String> + '_ {
    article.text[..at]
        .split_whitespace()
        .rev()
        .map(normalize_str)
}

/// A folded word without a leading و or ف (conjunction).
fn without_conjunction(key: &str) -> &str {
    key.strip_prefix(['و', 'ف']).unwrap_or(key)
}

/// Whether the word right before `cue` (its و/ف set aside) negates it.
fn negated(article: &Article, cue: crate::annotate::model::Span) -> bool {
    words_before(article, cue.start).next().is_some_and(|key| {
        NEGATIONS.contains(without_conjunction(&key)) || NEGATIONS.contains(key.as_str())
    })
}

/// A denying, doubting or retracting cue sets its link's stance; a negated one (`لم تستبعد`)
/// keeps the stance the cue suggester gave.
fn stances(set: &mut AnnotationSet, article: &Article) {
    for a in &mut set.attributions {
        let Some(cue) = a.cue else { continue };
        if let Some(Rule::Stance(stance)) = rule_of(cue.text(article))
            && !negated(article, cue)
        {
            a.stance = stance;
        }
    }
}

/// (claim, speaker, hands) of every link with a chain in the suggestions for `text`: what the
/// chain rules' tests compare.
#[cfg(test)]
#[allow(clippy::unwrap_used)]
pub(super) fn chains_in(text: &str) -> Vec<(String, String, Vec<String>)> {
    let article = Article::from_text("t", text.to_owned());
    let set = suggest_annotations(&article, &crate::extract::extract(&article.text));
    let name = |id: &str| {
        let s = set.sources.iter().find(|s| s.id == id).unwrap();
        s.span.unwrap().text(&article).to_owned()
    };
    set.attributions
        .iter()
        .filter(|a| !a.via.is_empty())
        .map(|a| {
            let c = set.claims.iter().find(|c| c.id == a.claim_id).unwrap();
            (
                c.span.text(&article).to_owned(),
                name(&a.source_id),
                a.via.iter().map(|v| name(v)).collect(),
            )
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    use crate::annotate::isnad::Isnad;

    const TEXT: &str = "ونقلت وكالة الأناضول عن مصدر أمني قوله إن الهجوم أسفر عن قتيلين.\n\
                        وأضاف المصدر أن المهاجمين فروا.\n\
                        ونفت وزارة الداخلية أن يكون الهجوم وقع.\n";

    fn suggested() -> (Article, AnnotationSet) {
        let article = Article::from_text("t.txt", TEXT.to_owned());
        let mut set = AnnotationSet::default();
        crate::extract::cues::add_to_annotations(
            &mut set,
            &article,
            &crate::extract::cues::suggest_article(&article),
        );
        suggest(&mut set, &article);
        (article, set)
    }

    #[test]
    fn a_short_later_mention_is_the_same_source() {
        let text = "قال سمير حداد رئيس النقابة إن الإضراب مستمر.\n\
                    ولم يحدد حداد موعدا واعتبر أن الحكومة تماطل.\n\
                    وقالت وزارة العمل إن الحوار مفتوح. وأضافت الوزارة أن الأجور سترتفع.\n";
        let article = Article::from_text("t.txt", text.to_owned());
        let set = suggest_annotations(&article, &[]);
        let named = |t: &str| {
            set.sources
                .iter()
                .find(|s| s.span.is_some_and(|x| x.text(&article) == t))
                .unwrap_or_else(|| panic!("no source {t}: {:#?}", set.sources))
        };
        assert_eq!(
            named("حداد").same_as.as_ref(),
            Some(&named("سمير حداد رئيس النقابة").id)
        );
        assert_eq!(
            named("الوزارة").same_as.as_ref(),
            Some(&named("وزارة العمل").id)
        );
        assert_eq!(named("وزارة العمل").same_as, None);
    }

    #[test]
    fn every_rule_row_names_a_rule() {
        for row in lists::rows(lists::CHAIN_CUES) {
            let row = row.unwrap_or_else(|e| panic!("{e}"));
            assert!(
                rule_named(row.get(1)).is_some(),
                "{}",
                row.error(
                    &lists::CHAIN_CUES,
                    &format!("unknown rule {:?}", row.get(1))
                )
            );
        }
    }

    #[test]
    fn no_word_has_two_rules() {
        // `أذاعه` (it broadcast it) folds to `إذاعة` (a radio): one row would hide the other
        let mut seen: HashMap<String, (String, usize)> = HashMap::new();
        for row in lists::rows(lists::CHAIN_CUES).filter_map(Result::ok) {
            let key = normalize_str(row.get(0));
            if let Some((rule, line)) = seen.get(&key) {
                assert_eq!(
                    rule,
                    row.get(1),
                    "{}",
                    row.error(
                        &lists::CHAIN_CUES,
                        &format!("{key} is also rule {rule} on line {line}")
                    )
                );
            }
            seen.insert(key, (row.get(1).to_owned(), row.line));
        }
    }

    #[test]
    fn the_rule_words_load_and_match_after_normalising() {
        assert_eq!(rule_of("ونفى"), Some(Rule::Stance(Stance::Denies)));
        assert_eq!(rule_of("نفت الوزارة"), Some(Rule::Stance(Stance::Denies)));
        assert_eq!(
            rule_of("وكالة الأنباء"),
            Some(Rule::HandType(SourceType::Agency))
        );
        assert_eq!(rule_of("قال"), None);
        assert!(rules().len() > 30);
    }

    #[test]
    fn relay_stance_and_anaphor_reach_the_annotations() {
        let (article, set) = suggested();
        let isnad = Isnad::new(&set, &article, None);
        let chains: Vec<(String, Stance)> = set
            .attributions
            .iter()
            .map(|a| (isnad.chain_text(a), a.stance))
            .collect();
        assert!(
            chains.contains(&("مصدر أمني ← وكالة الأناضول".to_owned(), Stance::Asserts)),
            "{chains:?}"
        );
        assert!(
            chains.contains(&("مصدر أمني".to_owned(), Stance::Asserts)),
            "«المصدر» is the security source: {chains:?}"
        );
        assert!(
            chains.contains(&("وزارة الداخلية".to_owned(), Stance::Denies)),
            "{chains:?}"
        );
        assert_eq!(chains.len(), 3, "the agency's own link is gone: {chains:?}");
        let agency = set
            .sources
            .iter()
            .find(|s| s.name == "وكالة الأناضول")
            .unwrap();
        assert_eq!(
            (agency.role, agency.source_type),
            (SourceRole::Intermediary, SourceType::Agency)
        );
    }

    /// A speaker is never his own hand, also when a hand of another link of his is carried
    /// over (the sentence chain): the file would not validate.
    #[test]
    fn no_link_has_its_own_speaker_as_a_hand() {
        for text in [
            "نقلت وكالة الأنباء عن وكالة الأنباء إن قال إن قال",
            "وقالت الوكالة نقلا عن الوكالة إن الطريق أغلق، وأضافت أن الجسر سيفتح.",
        ] {
            let article = Article::from_text("t", text.to_owned());
            let set = suggest_annotations(&article, &crate::extract::extract(&article.text));
            for a in &set.attributions {
                assert!(!a.via.contains(&a.source_id), "{text}: {a:?}");
            }
        }
    }
}
