//! Span shapes the guidelines fix and the cue suggester leaves short
//! (docs/attribution-guidelines.md §3.2, §6.3, §7.3): a speaker with a comma apposition
//! (`سامي ناصر، مدير الميناء، إن …`) is one source; a denied report (`نفت … أنباء عن X`) has X
//! as its claim; a headline `SOURCE: CLAIM` is an attribution without a cue; a clause that
//! withholds the speaker's name (`مسؤول طلب عدم ذكر اسمه`) is inside the source.

use crate::annotate::model::{
    AnnotationSet, Attribution, Claim, ClaimType, Origin, QuoteType, Source, SourceType, Span,
    Stance,
};
use std::sync::LazyLock;

use crate::article::Article;
use crate::extract::wordlists as lists;
use crate::text::normalize::normalize_str;

/// Complementisers that may follow an apposition before the content.
static COMPLEMENTISERS: LazyLock<lists::WordSet> =
    LazyLock::new(|| lists::word_set(lists::COMPLEMENTIZERS));

/// The last word of a clause that says which speaker is meant by not naming him.
static IDENTITY_WORDS: LazyLock<lists::WordSet> =
    LazyLock::new(|| lists::word_set(lists::IDENTITY_WORDS));

/// Prepositions: a phrase they open is no apposition.
static PREPOSITIONS: LazyLock<lists::WordSet> =
    LazyLock::new(|| lists::word_set(lists::PREPOSITIONS));

/// Most words of the place phrase between a title and its holder's name (`في جنوب السودان`).
const PLACE_WORDS: usize = 3;

/// Longest apposition taken into a source (characters).
const APPOSITION_MAX: usize = 70;

/// For each link whose source ends before its claim: `widen` reads the text between them and
/// may give a new end for the source (a byte offset in the article), set in place.
fn widen_speakers(
    set: &mut AnnotationSet,
    article: &Article,
    widen: impl Fn(&str, usize) -> Option<usize>,
) {
    for i in 0..set.attributions.len() {
        let a = &set.attributions[i];
        let (Some(c), Some(s)) = (set.position(&a.claim_id), set.position(&a.source_id)) else {
            continue;
        };
        let claim_start = set.claims[c].span.start;
        let Some(span) = set.sources[s].span else {
            continue;
        };
        if span.end >= claim_start {
            continue;
        }
        let Some(end) = article
            .text
            .get(span.end..claim_start)
            .and_then(|between| widen(between, span.end))
        else {
            continue;
        };
        if let Ok(wider) = Span::checked(article, span.start..end) {
            let source = &mut set.sources[s];
            source.span = Some(wider);
            source.name = wider.text(article).to_owned();
        }
    }
}

/// `نقلت الوكالة عن مسؤول قوله إن …`: `قوله` at the end of a source is in no span (§6.2), nor
/// is the `ردا` of `قال المحافظ ردا على سؤال …`.
pub(super) fn said_words(set: &mut AnnotationSet, article: &Article) {
    for s in &mut set.sources {
        let Some(span) = s.span else { continue };
        let text = span.text(article);
        let Some((head, last)) = text.trim_end().rsplit_once(' ') else {
            continue;
        };
        let answer = super::Rule::Channel(super::channels::ChannelWord::Answer);
        if !matches!(super::rule_of(last), Some(r) if r == super::Rule::Said || r == answer) {
            continue;
        }
        if let Ok(short) = Span::checked(article, span.start..span.start + head.trim_end().len()) {
            s.span = Some(short);
            s.name = short.text(article).to_owned();
        }
    }
}

/// Whether a phrase names a channel or a relay rather than the speaker (`بحسب وكالة …`، `نقلا
/// عن …`، `في بيان`): it is no apposition.
fn is_channel_phrase(phrase: &str) -> bool {
    let first = phrase.split_whitespace().next().map(normalize_str);
    // an affiliation (`المنظمة، التابعة للأمم المتحدة`, rule `affiliation`, no channel word)
    // says whose the speaker is: it stays
    matches!(
        super::rule_of(phrase.trim()),
        Some(super::Rule::Relay | super::Rule::Channel(_) | super::Rule::PhraseOpener)
    ) || first.is_some_and(|w| PREPOSITIONS.contains(&w))
}

/// `المتحدث، بحسب وكالة …`: a source that runs past a comma into a channel or relay phrase
/// ends before the comma.
fn cut_channel_phrases(set: &mut AnnotationSet, article: &Article) {
    for s in &mut set.sources {
        let Some(span) = s.span else { continue };
        let text = span.text(article);
        let Some(comma) = text.find('،') else {
            continue;
        };
        if !is_channel_phrase(&text[comma + '،'.len_utf8()..]) {
            continue;
        }
        let kept = text[..comma].trim_end();
        if let Ok(short) = Span::checked(article, span.start..span.start + kept.len())
            && !kept.is_empty()
        {
            s.span = Some(short);
            s.name = kept.to_owned();
        }
    }
}

/// `X، APPOSITION، أن …`: the apposition joins the source span.
pub(super) fn appositions(set: &mut AnnotationSet, article: &Article) {
    cut_channel_phrases(set, article);
    widen_speakers(set, article, |between, end| {
        let rest = between.strip_prefix('،')?;
        let (apposition, after) = rest.split_once('،')?;
        // `، أن …` or a cue's preposition first (`أشار فلان، وهو …، إلى أن …`)
        let mut next = after.split_whitespace().map(normalize_str);
        let complementiser = next.next().is_some_and(|w| {
            COMPLEMENTISERS.contains(&w)
                || (PREPOSITIONS.contains(&w)
                    && next.next().is_some_and(|n| COMPLEMENTISERS.contains(&n)))
        });
        let words = apposition.split_whitespace().count();
        let fits = complementiser
            && !apposition.trim().is_empty()
            && apposition.chars().count() <= APPOSITION_MAX
            && (1..=8).contains(&words)
            && !apposition.contains(['.', ':', '«', '"'])
            // `الاتحاد، في بيان صحفي، أن`، `، نقلا عن الأطباء،`، `، وفق ما نقلت عنها …،`
            // (relays.rs, channels.rs)
            && !is_channel_phrase(apposition)
            // `فلان، السبت، إن …`: the time of speaking is no apposition
            && !apposition
                .split_whitespace()
                .next()
                .is_some_and(|w| super::channels::ends_name(&normalize_str(w)));
        fits.then(|| end + '،'.len_utf8() + apposition.trim_end().len())
    });
}

/// `قالت وزيرة الصحة ليلى حسن إن …`: a person's name right after a speaker cut before it (or
/// after up to two more definite words of the title), and only the complementiser between it
/// and the claim, joins the source (§3.2: title and name are one descriptor).
pub(super) fn names_after_titles(set: &mut AnnotationSet, article: &Article) {
    let people: Vec<(usize, usize)> = set
        .entities
        .iter()
        .filter(|e| e.label == crate::annotate::model::Label::PERSON)
        .map(|e| (e.span.start, e.span.end))
        .collect();
    widen_speakers(set, article, |between, end| {
        // up to two definite words of the title before the name (`الرئيس التنفيذي للشركة فلان`)
        // or a place the office is for (`ممثلة الأمم المتحدة في جنوب السودان فلانة`)
        let title_words = |words: &str| {
            let w: Vec<String> = words.split_whitespace().map(normalize_str).collect();
            let definite =
                w.len() <= 2 && w.iter().all(|w| w.starts_with("ال") || w.starts_with("لل"));
            // a place, not an occasion or a channel (`في رسالة إلى …`، `في بيان`)
            let place = w.first().is_some_and(|f| f == "في")
                && (2..=PLACE_WORDS + 1).contains(&w.len())
                && w[1..]
                    .iter()
                    .all(|x| super::rule_of(x).is_none() && !PREPOSITIONS.contains(x))
                && !words.contains(['،', ',', '"', '«']);
            definite || place
        };
        let &(name_start, name_end) = people.iter().find(|(start, _)| {
            *start > end && *start < end + between.len() && title_words(&between[..*start - end])
        })?;
        if !between.starts_with(' ') || name_end > end + between.len() || name_start <= end {
            return None;
        }
        let rest = &between[name_end - end..];
        let only_complementiser = rest
            .split_whitespace()
            .map(|w| normalize_str(w.trim_matches(['،', ',', ':', '"', '«', '“'])))
            .all(|w| w.is_empty() || COMPLEMENTISERS.contains(&w));
        only_complementiser.then_some(name_end)
    });
}

/// Most words of an outlet's name after its head noun (`وكالة أنباء الإمارات "وام"`).
const OUTLET_NAME_WORDS: usize = 5;

/// `وقالت وكالة أنباء الإمارات "وام" إن …`: a source that is an outlet's head noun alone, cut
/// before the rest of its name, runs to the complementiser before the claim.
pub(super) fn outlet_names(set: &mut AnnotationSet, article: &Article) {
    widen_speakers(set, article, |between, end| {
        let head = article.text[..end].split_whitespace().next_back()?;
        // `وكالة` as it is (its و is no conjunction); a definite head (`الوكالة`) is complete
        let key = normalize_str(head);
        let indefinite = !key.starts_with("ال") && !key.starts_with("وال");
        if !matches!(super::rule_of(&key), Some(super::Rule::HandType(_))) || !indefinite {
            return None;
        }
        let words: Vec<&str> = between.split_whitespace().collect();
        let last = words.last()?;
        let name = &words[..words.len() - 1];
        let fits = COMPLEMENTISERS.contains(&normalize_str(last))
            && (1..=OUTLET_NAME_WORDS).contains(&name.len())
            && !name.iter().any(|w| w.contains(['،', ',', '.', ':']));
        // the name ends where the complementiser's word starts
        fits.then(|| end + between.trim_end().len() - last.len())
            .map(|e| end + article.text[end..e].trim_end().len())
    });
}

/// `مسؤول طلب عدم ذكر اسمه إن …`, `مصدر رفض الكشف عن هويته أن …`: the clause is inside the
/// source (§3.2, §8), up to its identity word.
pub(super) fn naming_clauses(set: &mut AnnotationSet, article: &Article) {
    widen_speakers(set, article, |between, from| {
        // `مسؤول، طلب عدم الكشف عن اسمه، لوكالة …`: the clause between commas
        let (between, from) = match between.strip_prefix('،') {
            Some(rest) => (rest.split('،').next()?, from + '،'.len_utf8()),
            None => (between, from),
        };
        if between.contains(['،', '.', ':', '«', '"', '\n'])
            || between.split_whitespace().count() > 8
        {
            return None;
        }
        let mut at = from;
        let mut end = None;
        for piece in between.split_inclusive(' ') {
            if IDENTITY_WORDS.contains(&normalize_str(piece.trim())) {
                end = Some(at + piece.trim_end().len());
            }
            at += piece.len();
        }
        end
    });
}

/// The source phrase `وX` at the start of `text` (`X` up to a comma or the end, at most four
/// words) when X's first word is a source head noun: (X's range in `text`, its type).
fn coordinated(text: &str) -> Option<(std::ops::Range<usize>, SourceType)> {
    let rest = text.strip_prefix('و')?;
    let phrase = rest.split(['،', ',']).next()?.trim_end();
    let first = normalize_str(phrase.split_whitespace().next()?);
    let bare = first
        .strip_prefix("ال")
        .filter(|b| b.chars().count() >= 2)
        .unwrap_or(&first);
    let kind = crate::extract::cues::source_head_type(bare)?;
    let n = phrase.split_whitespace().count();
    (1..=4)
        .contains(&n)
        .then(|| ('و'.len_utf8()..'و'.len_utf8() + phrase.len(), kind))
}

/// A second speaker found by [`second_speaker`]: the claim's place, its new span when the
/// claim began with the speaker, the source, and the first link's cue and quote type.
type SecondSpeaker = (usize, Option<Span>, Source, Option<Span>, QuoteType);

/// `قالت مصادر طبية وشهود عيان إن …`, `بحسب مصدر أمني وشهود عيان، …`: two speakers joined by و
/// share the cue and the claim (§3.3): the second gets its own source and link; a claim that
/// began with it starts after its comma.
pub(super) fn coordinated_sources(set: &mut AnnotationSet, article: &Article) {
    let added: Vec<SecondSpeaker> = set
        .attributions
        .iter()
        .filter_map(|a| second_speaker(set, article, a))
        .collect();
    for (ci, claim_span, second, cue, quote) in added {
        if let Some(s) = claim_span {
            set.claims[ci].span = s;
        }
        let claim_id = set.claims[ci].id.clone();
        let link = Attribution::suggested(
            &claim_id,
            &second.id,
            cue,
            quote,
            Origin::rule("isnad:coordinated", None),
        );
        set.sources.push(second);
        set.attributions.push(link);
    }
}

/// The speaker joined by و to the source of link `a`, between it and the claim or opening the
/// claim.
fn second_speaker(
    set: &AnnotationSet,
    article: &Article,
    a: &Attribution,
) -> Option<SecondSpeaker> {
    let ci = set.position(&a.claim_id)?;
    let span = set.sources[set.position(&a.source_id)?].span?;
    let claim = set.claims[ci].span;
    let gap = article.text.get(span.end..claim.start)?;
    let (text, base, in_claim) = if gap.trim().is_empty() && claim.text(article).starts_with('و') {
        (claim.text(article), claim.start, true)
    } else {
        (
            gap.trim(),
            span.end + (gap.len() - gap.trim_start().len()),
            false,
        )
    };
    // the complementiser before the claim is not part of the second speaker
    let text = match text.rsplit_once(' ') {
        Some((head, last)) if !in_claim && COMPLEMENTISERS.contains(&normalize_str(last)) => {
            head.trim_end()
        }
        _ => text,
    };
    let (range, kind) = coordinated(text)?;
    if !in_claim && range.end != text.len() {
        return None;
    }
    let range = base + range.start..base + range.end;
    // the cue suggester already made it a speaker of its own
    if set
        .sources
        .iter()
        .any(|s| s.span.is_some_and(|sp| sp.range() == range))
    {
        return None;
    }
    let origin = Origin::rule("isnad:coordinated", None);
    let second = Source::suggested(article, range.clone(), kind, origin).ok()?;
    if !in_claim {
        return Some((ci, None, second, a.cue, a.quote_type));
    }
    let after = article.text[range.end..claim.end]
        .trim_start_matches(|c: char| c == '،' || c == ',' || c.is_whitespace());
    let start = claim.end - after.len();
    let rest = Span::checked(article, start..claim.end).ok()?;
    (after.split_whitespace().count() >= 2).then_some((ci, Some(rest), second, a.cue, a.quote_type))
}

/// Frames of a denied report, folded, in the order they are tried: the claim is what follows.
static REPORT_FRAMES: LazyLock<Vec<String>> = LazyLock::new(|| {
    lists::entries(lists::REPORT_FRAME_PHRASES)
        .map(normalize_str)
        .collect()
});

/// `نفت الشرطة أنباء عن اعتقال الصحفي`: the denied claim starts after the report's frame.
pub(super) fn denied_reports(set: &mut AnnotationSet, article: &Article) {
    for a in &set.attributions {
        if a.stance == Stance::Asserts {
            continue;
        }
        let Some(claim) = set.claims.iter_mut().find(|c| c.id == a.claim_id) else {
            continue;
        };
        let text = claim.span.text(article);
        let words: Vec<(usize, &str)> = text
            .split_inclusive(' ')
            .scan(0, |at, w| {
                let start = *at;
                *at += w.len();
                Some((start, w))
            })
            .collect();
        for frame in REPORT_FRAMES.iter() {
            let n = frame.split(' ').count();
            if words.len() <= n {
                continue;
            }
            let head: Vec<String> = words[..n]
                .iter()
                .map(|(_, w)| normalize_str(w.trim()))
                .collect();
            if head.join(" ") == *frame {
                let start = claim.span.start + words[n].0;
                if let Ok(s) = Span::checked(article, start..claim.span.end) {
                    claim.span = s;
                }
                break;
            }
        }
    }
}

/// `وزير الزراعة: المحصول أفضل …` on the headline (the first line): a source before the colon,
/// the claim after it, linked without a cue, when the cue suggester found nothing there.
pub(super) fn headline(set: &mut AnnotationSet, article: &Article) {
    let Some(first) = article.paragraphs.first().cloned() else {
        return;
    };
    // the ids of the claims on the headline first: a scan of every claim per link compared
    // ids quadratically in the article's links
    let on_headline: Vec<&str> = set
        .claims
        .iter()
        .filter(|c| c.span.start < first.end)
        .map(|c| c.id.as_str())
        .collect();
    let covered = set
        .attributions
        .iter()
        .any(|a| on_headline.contains(&a.claim_id.as_str()));
    let line = &article.text[first.clone()];
    let Some(colon) = line.find(':') else { return };
    let (left, right) = (&line[..colon], &line[colon + 1..]);
    let words = left.split_whitespace().count();
    if covered || !(1..=6).contains(&words) || right.split_whitespace().count() < 2 {
        return;
    }
    let quoted = left.trim().starts_with(['«', '"', '“']);
    let trim = |s: &str| {
        s.trim_matches(|c: char| c.is_whitespace() || "«»\"“”.،".contains(c))
            .len()
    };
    let left_start = first.start
        + (left.len()
            - left
                .trim_start_matches(|c: char| c.is_whitespace() || "«\"“".contains(c))
                .len());
    let source_range = left_start..left_start + trim(&line[left_start - first.start..colon]);
    let right_start = first.start + colon + 1 + (right.len() - right.trim_start().len());
    let claim_range = right_start..right_start + trim(&article.text[right_start..first.end]);
    let origin = Origin::rule("isnad:headline", None);
    let kind = if quoted {
        SourceType::MediaOutlet
    } else {
        SourceType::Unknown
    };
    let (Ok(source), Ok(claim)) = (
        Source::suggested(article, source_range, kind, origin.clone()),
        Claim::suggested(article, claim_range, ClaimType::Statement, origin.clone()),
    ) else {
        return;
    };
    let link = Attribution::suggested(&claim.id, &source.id, None, QuoteType::Indirect, origin);
    set.sources.push(source);
    set.claims.push(claim);
    set.attributions.push(link);
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use crate::article::Article;
    use crate::extract::extract;
    use crate::extract::isnad::suggest_annotations;

    /// (source, cue, claim, stance) of every link.
    fn links(text: &str) -> Vec<(String, String, String, String)> {
        let article = Article::from_text("t", text.to_owned());
        let set = suggest_annotations(&article, &extract(&article.text));
        set.attributions
            .iter()
            .map(|a| {
                let s = set.sources.iter().find(|s| s.id == a.source_id).unwrap();
                let c = set.claims.iter().find(|c| c.id == a.claim_id).unwrap();
                (
                    s.span.unwrap().text(&article).to_owned(),
                    a.cue.map_or(String::new(), |c| c.text(&article).to_owned()),
                    c.span.text(&article).to_owned(),
                    a.stance.as_str().to_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn a_comma_apposition_joins_its_speaker() {
        let l = links("وقال سامي ناصر، مدير الميناء، إن السفن ستصل غدا.");
        assert_eq!(l[0].0, "سامي ناصر، مدير الميناء", "{l:?}");
        let l = links("أوضح المتحدث باسم الشركة، مارك لويس، أن الإنتاج سيرتفع.");
        assert_eq!(l[0].0, "المتحدث باسم الشركة، مارك لويس", "{l:?}");
        // a comma clause that is not an apposition before the content stays out
        let l = links("قال الوزير إن الجسر سيفتح، وأضاف أن الطريق جاهز.");
        assert_eq!(l[0].0, "الوزير", "{l:?}");
    }

    #[test]
    fn a_clause_that_withholds_a_name_belongs_to_the_source() {
        let l = links("قال مسؤول طلب عدم ذكر اسمه إن الميناء أغلق.");
        assert_eq!(l.len(), 1, "{l:?}");
        assert_eq!(l[0].0, "مسؤول طلب عدم ذكر اسمه");
        let l = links("وأكد مصدر رفض الكشف عن هويته أن السفن عادت.");
        assert_eq!(l[0].0, "مصدر رفض الكشف عن هويته", "{l:?}");
    }

    #[test]
    fn coordinated_speakers_share_cue_and_claim() {
        let l = links("وقالت مصادر طبية وشهود عيان إن القصف أصاب السوق.");
        let speakers: Vec<&str> = l.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(speakers, ["مصادر طبية", "شهود عيان"], "{l:?}");
        assert!(l.iter().all(|x| x.2 == "القصف أصاب السوق" && x.1 == "قالت"));
        let l = links("بحسب مصدر أمني وشهود عيان، سقطت القذيفة قرب المدرسة.");
        let speakers: Vec<&str> = l.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(speakers, ["مصدر أمني", "شهود عيان"], "{l:?}");
        assert!(l.iter().all(|x| x.2 == "سقطت القذيفة قرب المدرسة"), "{l:?}");
        // a claim that begins with و and a noun that is no speaker stays whole
        let l = links("بحسب الشرطة، وصلت التعزيزات إلى الحي.");
        assert_eq!(l.len(), 1, "{l:?}");
    }

    #[test]
    fn a_denied_report_is_its_content() {
        let l = links("نفت الشرطة أنباء عن اعتقال الصحفي في المدينة.");
        assert_eq!(l[0].2, "اعتقال الصحفي في المدينة", "{l:?}");
        assert_eq!(l[0].3, "denies");
    }

    #[test]
    fn a_headline_source_colon_claim_has_no_cue() {
        let l =
            links("وزير الزراعة: المحصول أفضل من العام الماضي\nوقال الوزير إن الأمطار كانت كافية.");
        let head = l.iter().find(|x| x.1.is_empty()).unwrap();
        assert_eq!(head.0, "وزير الزراعة", "{l:?}");
        assert_eq!(head.2, "المحصول أفضل من العام الماضي");

        let l = links("«صحيفة المساء»: الحكومة تدرس رفع الأجور\nوذكرت الصحيفة أن القرار قريب.");
        let head = l.iter().find(|x| x.1.is_empty()).unwrap();
        assert_eq!(head.0, "صحيفة المساء", "{l:?}");
        // a headline that only reports an event has no colon claim
        let l = links("افتتاح الجسر الجديد في المدينة\nوقال المهندس إن العمل انتهى.");
        assert_eq!(l.len(), 1, "{l:?}");
    }

    #[test]
    fn the_relayed_speaker_ends_before_qawluhu() {
        let l = links("ونقلت إذاعة الوادي عن مسؤول في الميناء قوله إن السفن عادت.");
        assert_eq!(l.len(), 1, "{l:?}");
        assert_eq!(l[0].0, "مسؤول في الميناء", "{l:?}");
        let l = links("وقال المحافظ ردا على سؤال لإذاعة الوادي إن الطريق مغلق.");
        assert_eq!(l[0].0, "المحافظ", "{l:?}");
    }
}
