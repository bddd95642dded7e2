//! Channels: the hands a claim passed through, named between its speaker's cue and the claim
//! (docs/attribution-guidelines.md §6.2): `قالت الوزارة في بيان …` (the statement),
//! `قال الوزير لوكالة …`, `في تصريح لـ«…»`, `في مقابلة مع قناة …`, `في مقابلة بثتها قناة …`
//! (the outlet), `كتب على صفحته على موقع …` (the account). Each hand becomes an intermediary
//! source in the link's `via`, from the speaker outward: the statement, then the outlet.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use crate::annotate::model::{AnnotationSet, Origin, Source, SourceRole, SourceType};
use crate::article::Article;
use crate::extract::wordlists as lists;
use crate::text::normalize::normalize_str;

use super::{Rule, rule_of};

/// Words of the window, folded as the text is matched: what each word is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Word {
    /// `بيان`: after `في` it is the statement the speaker spoke in.
    Statement,
    /// `صفحته`, `حسابه`: the speaker's own account.
    Account,
    /// `مع`, `بثتها`, `نشرته`, `عبر`: the outlet's name follows.
    BeforeOutlet,
    /// `وكالة`, `قناة`, `صحيفة` …: an outlet's head noun.
    OutletHead,
}

/// The channel words, from `assets/lexicon/chain-cues.tsv` (rules `statement`, `account`,
/// `before-outlet`) and its `agency`/`outlet` head nouns.
fn word(key: &str) -> Option<Word> {
    match rule_of(key) {
        Some(Rule::Channel(w)) => Some(w),
        Some(Rule::HandType(_)) => Some(Word::OutletHead),
        _ => None,
    }
}

pub(super) use Word as ChannelWord;

/// The channel rule named in the word file.
pub(super) fn channel_rule(name: &str) -> Option<Word> {
    match name {
        "statement" => Some(Word::Statement),
        "account" => Some(Word::Account),
        "before-outlet" => Some(Word::BeforeOutlet),
        _ => None,
    }
}

/// Outlet names that follow ل without a head noun (`لرويترز`), from the cue parser's list.
static OUTLET_NAMES: LazyLock<HashSet<String>> = LazyLock::new(|| lists::folded(lists::OUTLETS));

/// Words that end a hand's name: complementisers, time words, conjunctions before a clause.
static NAME_ENDS: LazyLock<HashSet<String>> =
    LazyLock::new(|| lists::folded(lists::HAND_NAME_ENDS));

/// `على`, `في`, `عبر` after an account word: where the account is.
static ACCOUNT_PLACES: LazyLock<HashSet<String>> =
    LazyLock::new(|| lists::folded(lists::ACCOUNT_PLACE_WORDS));

/// One word of the window: its byte range in the article and its folded key (a leading و/ف
/// set aside).
struct Token {
    range: Range<usize>,
    key: String,
}

fn tokens(article: &Article, window: Range<usize>) -> Vec<Token> {
    let text = &article.text[window.clone()];
    let mut out = Vec::new();
    let mut at = window.start;
    for piece in text.split_inclusive(char::is_whitespace) {
        let trimmed = piece.trim_end();
        let unquoted = trimmed.trim_end_matches(['»', '"', '”']);
        let word = unquoted.trim_end_matches(['،', ',', '.', ':', '؛']);
        let word = word.trim_end_matches(['»', '"', '”']);
        if !word.is_empty() {
            let key = normalize_str(word);
            out.push(Token {
                range: at..at + word.len(),
                key,
            });
        }
        at += piece.len();
        // the window stops at the end of a clause
        if unquoted.trim_end_matches(['»', '"', '”']).len() != word.len() || piece.contains('\n')
        {
            break;
        }
    }
    out
}

/// The end of a hand's name that starts with `tokens[i]`: up to four more words, stopping
/// before a word that ends names or after a word followed by punctuation.
fn name_end(article: &Article, tokens: &[Token], i: usize) -> usize {
    let mut end = tokens[i].range.end;
    for t in tokens.iter().skip(i + 1).take(4) {
        let key = t.key.trim_start_matches(['و', 'ف']);
        if NAME_ENDS.contains(&t.key) || NAME_ENDS.contains(key) || word(&t.key).is_some() {
            break;
        }
        let between = &article.text[end..t.range.start];
        if !between
            .chars()
            .all(|c| c.is_whitespace() || "\"«»".contains(c))
        {
            break;
        }
        end = t.range.end;
    }
    end
}

/// Where an outlet named after ل starts: the word's second letter (`لوكالة` → `وكالة`,
/// `للتلفزيون` → `لتلفزيون`, guidelines §2.3), skipping `لـ` and an opening mark.
fn after_lam(article: &Article, t: &Token) -> Option<usize> {
    let raw = &article.text[t.range.clone()];
    let rest = raw.strip_prefix('ل')?.trim_start_matches('ـ');
    let quoted = rest.starts_with(['«', '"', '“']);
    let rest = rest.trim_start_matches(['«', '"', '“', ' ']);
    let key = normalize_str(rest);
    let first = key.trim_start_matches('ل');
    // a name in quotation marks after ل is an outlet (`قال لـ«النهار»`, §9.3)
    let outlet = quoted
        || word(&key) == Some(Word::OutletHead)
        || word(first) == Some(Word::OutletHead)
        || word(&format!("ال{first}")) == Some(Word::OutletHead)
        || OUTLET_NAMES.contains(&key)
        || OUTLET_NAMES.contains(&format!("ال{first}"));
    outlet.then(|| t.range.end - rest.len())
}

/// The hands named in `window` (between a cue and its claim), from the speaker outward.
fn hands(article: &Article, window: Range<usize>) -> Vec<(Range<usize>, SourceType)> {
    let toks = tokens(article, window);
    let mut statement = None;
    let mut outlet = None;
    for (i, t) in toks.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| toks[p].key.as_str());
        match word(&t.key) {
            Some(Word::Statement) if prev == Some("في") && statement.is_none() => {
                statement = Some((t.range.clone(), SourceType::Statement));
            }
            Some(Word::Account) if outlet.is_none() => {
                let end = name_end_account(&toks, i);
                outlet = Some((t.range.start..end, SourceType::SocialAccount));
            }
            Some(Word::BeforeOutlet) if outlet.is_none() => {
                if let Some(next) = toks.get(i + 1)
                    && (word(&next.key) == Some(Word::OutletHead)
                        || OUTLET_NAMES.contains(&next.key))
                {
                    let end = name_end(article, &toks, i + 1);
                    outlet = Some((next.range.start..end, hand_type(&next.key)));
                }
            }
            _ if outlet.is_none() => {
                if let Some(start) = after_lam(article, t) {
                    let end = name_end(article, &toks, i);
                    let key = normalize_str(&article.text[start..t.range.end]);
                    outlet = Some((start..end, hand_type(&key)));
                }
            }
            _ => {}
        }
    }
    statement.into_iter().chain(outlet).collect()
}

/// `صفحته على موقع فيسبوك`: the account word and what says where it is (`على`/`في`/`عبر`,
/// `موقع`, the platform's name), up to five words.
fn name_end_account(toks: &[Token], i: usize) -> usize {
    let mut end = toks[i].range.end;
    let mut j = i + 1;
    while j < toks.len() && j <= i + 4 {
        let key = toks[j].key.as_str();
        if ACCOUNT_PLACES.contains(key) {
            // the place word needs a name after it
            match toks.get(j + 1) {
                Some(next) if !NAME_ENDS.contains(&next.key) => {}
                _ => break,
            }
        } else if NAME_ENDS.contains(key) {
            break;
        }
        end = toks[j].range.end;
        j += 1;
    }
    end
}

fn hand_type(key: &str) -> SourceType {
    match rule_of(key) {
        Some(Rule::HandType(t)) => t,
        _ if key.contains("وكاله") => SourceType::Agency,
        _ => SourceType::Outlet,
    }
}

/// Adds the channels named between each link's cue and its claim to its `via`.
pub(super) fn channel_chains(set: &mut AnnotationSet, article: &Article) {
    let origin = Origin::rule("isnad:channel", None);
    for i in 0..set.attributions.len() {
        let a = &set.attributions[i];
        if !a.via.is_empty() {
            continue;
        }
        let Some(cue) = a.cue else { continue };
        let Some(claim) = set.claims.iter().find(|c| c.id == a.claim_id) else {
            continue;
        };
        if cue.end > claim.span.start {
            continue;
        }
        let mut via = Vec::new();
        for (range, kind) in hands(article, cue.end..claim.span.start) {
            let existing = set.sources.iter().position(|s| {
                s.span
                    .is_some_and(|x| x.start == range.start && x.end == range.end)
            });
            let at = match existing {
                Some(at) => at,
                None => {
                    let Ok(s) = Source::suggested(article, range, kind, origin.clone()) else {
                        continue;
                    };
                    set.sources.push(s);
                    set.sources.len() - 1
                }
            };
            if set.sources[at].id == set.attributions[i].source_id {
                continue;
            }
            via.push(set.sources[at].id.clone());
        }
        set.attributions[i].via = via;
    }
    let hands: HashSet<&String> = set.attributions.iter().flat_map(|a| &a.via).collect();
    let speakers: HashSet<&String> = set.attributions.iter().map(|a| &a.source_id).collect();
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::extract::extract;
    use crate::extract::isnad::suggest_annotations;

    /// (speaker, hands) of every link with a chain, as text.
    fn chains(text: &str) -> Vec<(String, Vec<String>)> {
        let article = Article::from_text("t", text.to_owned());
        let set = suggest_annotations(&article, &extract(&article.text));
        let name = |id: &str| {
            let s = set.sources.iter().find(|s| s.id == id).unwrap();
            s.span.unwrap().text(&article).to_owned()
        };
        set.attributions
            .iter()
            .filter(|a| !a.via.is_empty())
            .map(|a| (name(&a.source_id), a.via.iter().map(|v| name(v)).collect()))
            .collect()
    }

    #[test]
    fn statement_then_outlet_after_the_speaker() {
        let c = chains("وقالت الوزارة في بيان نقلته وكالة الأنباء الرسمية إن الطريق سيفتح غدا.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(
            c[0].1,
            vec!["بيان".to_owned(), "وكالة الأنباء الرسمية".to_owned()]
        );
    }

    #[test]
    fn outlet_after_lam_with_or_without_marks() {
        let c = chains("وقال رئيس النادي لوكالة الأنباء المحلية إن اللاعب سيعود الشهر المقبل.");
        assert_eq!(c[0].1, vec!["وكالة الأنباء المحلية".to_owned()], "{c:?}");
        let c = chains("وأكد المدرب في تصريح لـ«صوت المدينة» أن الفريق جاهز للمباراة.");
        assert_eq!(c[0].1, vec!["صوت المدينة".to_owned()], "{c:?}");
    }

    #[test]
    fn interview_broadcast_by_a_channel_and_an_account() {
        let c = chains(
            "أعلن رئيس الحزب أمس في مقابلة بثتها قناة المستقبل أن الانتخابات ستجرى في موعدها.",
        );
        assert_eq!(c[0].1, vec!["قناة المستقبل".to_owned()], "{c:?}");
        let c = chains("وقال الوزير على حسابه في تويتر إن الاجتماع انتهى باتفاق.");
        assert_eq!(c[0].1, vec!["حسابه في تويتر".to_owned()], "{c:?}");
    }

    #[test]
    fn an_occasion_is_not_a_hand() {
        let c = chains("وقال الوزير في مؤتمر صحفي عقده أمس في العاصمة إن الأسعار ستنخفض.");
        assert!(c.is_empty(), "{c:?}");
    }
}
