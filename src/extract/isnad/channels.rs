//! Channels: the hands a claim passed through, named between its speaker's cue and the claim
//! (docs/attribution-guidelines.md §6.2): `قالت الوزارة في بيان …` (the statement),
//! `قال الوزير لوكالة …`, `في تصريح لـ«…»`, `في مقابلة مع قناة …`, `في مقابلة بثتها قناة …`
//! (the outlet), `كتب على صفحته على موقع …` (the account). Each hand becomes an intermediary
//! source in the link's `via`, from the speaker outward: the statement, then the outlet.

use std::ops::Range;
use std::sync::LazyLock;

use crate::annotate::model::{AnnotationSet, Origin, Source, SourceType, Span};
use crate::article::Article;
use crate::extract::tokens::is_letter_or_digit;
use crate::extract::wordlists as lists;
use crate::text::marks::{find_sentence_mark, rfind_sentence_mark};
use crate::text::normalize::normalize_str;

use super::{Rule, frames, rule_of};

/// Words of the window, folded as the text is matched: what each word is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Word {
    /// `بيان`: after `في` it is the statement the speaker spoke in.
    Statement,
    /// `صفحته`, `حسابه`: the speaker's own account.
    Account,
    /// `موقعه`, `موقعها`: the speaker's own site, when the words around it say so.
    Site,
    /// `الرسمي`, `الإلكتروني` after [`Word::Site`].
    SiteAdjective,
    /// `مع`, `بثتها`, `نشرته`, `عبر`: the outlet's name follows.
    BeforeOutlet,
    /// `وكالة`, `قناة`, `صحيفة` …: an outlet's head noun.
    OutletHead,
    /// `تصريح`, `حديث`, `مقابلة` after `في`: an interview, whose outlet may be named before the
    /// cue (`وفي تصريح لـ«…» قال …`).
    Interview,
    /// `ردا`, `جوابا`: on a question an outlet asked (`ردا على سؤال لوكالة …`).
    Answer,
    /// `بحسب`, `وفقا`: after a claim and its speaker, the outlet that carried it
    /// (`…، حسب ما أفادت به الإذاعة`).
    AfterClaim,
    /// `فيسبوك`، `تويتر`، `منصة`: a social network, the hand a post went through after
    /// `عبر`/`على` (`في منشور له عبر فيسبوك`).
    Platform,
}

/// The channel words, from `assets/lexicon/chain-cues.tsv` (rules `statement`, `account`,
/// `before-outlet`) and its `agency`/`outlet` head nouns.
fn word(key: &str) -> Option<Word> {
    // `الإذاعة` is looked up as `إذاعة`
    let rule = rule_of(key).or_else(|| key.strip_prefix("ال").and_then(rule_of));
    match rule {
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
        "site" => Some(Word::Site),
        "site-adjective" => Some(Word::SiteAdjective),
        "before-outlet" => Some(Word::BeforeOutlet),
        "interview" => Some(Word::Interview),
        "after-claim" => Some(Word::AfterClaim),
        "answer" => Some(Word::Answer),
        "platform" => Some(Word::Platform),
        _ => None,
    }
}

/// Outlet names that follow ل without a head noun (`لرويترز`), from the cue parser's list.
static OUTLET_NAMES: LazyLock<lists::WordSet> = LazyLock::new(|| lists::word_set(lists::OUTLETS));

/// Words that end a hand's name: complementisers, time words, conjunctions before a clause,
/// and the definite days of the week (`ذكرت وكالة الأنباء الثلاثاء نقلا عن …`).
static NAME_ENDS: LazyLock<lists::WordSet> = LazyLock::new(|| {
    let mut ends = lists::word_set(lists::HAND_NAME_ENDS);
    let days = lists::folded(lists::WEEKDAYS);
    ends.extend(days.into_iter().filter(|d| d.starts_with("ال")));
    ends
});

/// `على`, `في`, `عبر` after an account word: where the account is.
static ACCOUNT_PLACES: LazyLock<lists::WordSet> =
    LazyLock::new(|| lists::word_set(lists::ACCOUNT_PLACE_WORDS));

/// Marks that open a quoted name.
const OPENING_MARKS: [char; 3] = ['«', '"', '“'];

/// Whether the word of `t` opens a quotation, or a mark stands alone before it.
fn quoted(article: &Article, before: usize, t: &Token) -> bool {
    article.text[before..t.range.end]
        .trim_start()
        .starts_with(OPENING_MARKS)
}

/// One word of the window: its byte range in the article and its folded key (a leading و/ف
/// set aside).
pub(super) struct Token<'a> {
    pub(super) range: Range<usize>,
    /// The word's folded key, a slice of the article's folded text (no copy per word).
    pub(super) key: &'a str,
}

pub(super) fn tokens(article: &Article, window: Range<usize>) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut at = window.start;
    for piece in article.pieces(window.clone()) {
        let trimmed = piece.trim_end();
        let unquoted = trimmed.trim_end_matches(['»', '"', '”']);
        // a dash glued to the last word of an aside (`-بحسابها على تويتر-`) is no part of it
        let word = unquoted.trim_end_matches(['،', ',', '.', ':', '؛', '-', '–', '—']);
        let word = word.trim_end_matches(['»', '"', '”']);
        if word.is_empty() && out.is_empty() {
            // punctuation right after the cue (`مضيفا، عبر …`) opens the window
            at += piece.len();
            continue;
        }
        // a mark that opens the quoted claim right after the hand (`للتلفزيون الرسمي “…`) is
        // no word of the hand's name
        let opened = word.trim_start_matches(OPENING_MARKS);
        if !opened.is_empty() {
            // the key is read from the article's folded text, not folded again
            let key_range = at + word.len() - opened.len()..at + word.len();
            let key = article.folded().slice(key_range);
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
pub(super) fn name_end(article: &Article, tokens: &[Token], i: usize) -> usize {
    let mut end = tokens[i].range.end;
    for t in tokens.iter().skip(i + 1).take(4) {
        let key = t.key.trim_start_matches(['و', 'ف']);
        // a channel word or any other rule word (`نشرت`، `عن`، `فيه`) ends the name
        let channel_word = (word(t.key).is_some_and(|w| w != Word::OutletHead)
            || rule_of(t.key).is_some())
            && !in_name(t.key);
        // `… وكالة فرانس برس وتأسف …`: a word joined by و starts the next clause
        // (not inside a quoted name: `مدونة " واتس آب "`)
        let in_quotes = article.text[tokens[i].range.start..t.range.start].contains(OPENING_MARKS);
        // `برنامج «المساء مع قصواء»`: a word that ends names stays in a quotation still open
        let open = still_open(&article.text[tokens[i].range.start..t.range.start]);
        // `مع «الشرق» إنهم`: a name that opened with its quotation ends when it closes; only
        // an adjective goes on (`«الغد» التلفزيونية`)
        let first = &article.text[tokens[i].range.clone()];
        let quoted_name = first
            .trim_start_matches(['ل', 'ـ'])
            .starts_with(OPENING_MARKS);
        if quoted_name && !open && !t.key.starts_with("ال") {
            break;
        }
        let joined = t.key.starts_with('و')
            && word(t.key).is_none()
            && !OUTLET_NAMES.contains(t.key)
            && !in_quotes;
        // a bracket opens an aside (an acronym is taken whole by `with_acronym`)
        let bracket = article.text[t.range.clone()].starts_with('(');
        let ends = NAME_ENDS.contains(t.key) || NAME_ENDS.contains(key) || channel_word;
        if (ends && !open) || joined || bracket {
            break;
        }
        let between = &article.text[end..t.range.start];
        if !between
            .chars()
            .all(|c| c.is_whitespace() || "\"«»“”".contains(c))
        {
            break;
        }
        end = t.range.end;
    }
    end
}

/// Whether a quotation opened in `text` is not closed in it yet. A straight mark opens when a
/// word is glued after it (`"في المساء`) and closes when glued after a word; a mark with spaces
/// on both sides (`" للجزيرة "`) says neither.
fn still_open(text: &str) -> bool {
    let mut open = false;
    let mut prev = ' ';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied().unwrap_or(' ');
        match c {
            '«' | '“' => open = true,
            '»' | '”' => open = false,
            // a mark after the tatweel of `لـ` opens (`لـ"بي بي سي"`)
            '"' if !prev.is_whitespace() && prev != 'ـ' => open = false,
            '"' if !next.is_whitespace() => open = true,
            _ => {}
        }
        prev = c;
    }
    open
}

/// Where an outlet named after ل starts: the word's second letter (`لوكالة` → `وكالة`,
/// `للتلفزيون` → `لتلفزيون`, guidelines §2.3), skipping `لـ` and an opening mark.
pub(super) fn after_lam(article: &Article, t: &Token) -> Option<usize> {
    let raw = &article.text[t.range.clone()];
    // the ل's own haraka (`لِوكالةِ`) and a tatweel (`لـ`) are outside the span
    let rest = raw
        .strip_prefix('ل')?
        .trim_start_matches(|c: char| c == 'ـ' || ('\u{064B}'..='\u{0652}').contains(&c));
    // `لـ”العربية.نت” إلى أن`: a right mark written as the opening one, when the claim follows
    // the name (`ورئيس الأمانة العامة لـ”…” فلان` names whose head he is)
    let right_mark = rest.starts_with('”');
    if right_mark && !claim_follows(article, t.range.end) {
        return None;
    }
    let quoted = rest.starts_with(['«', '"', '“']) || right_mark;
    let rest = rest.trim_start_matches(['«', '"', '“', '”', ' ']);
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

/// The outlet told through the ل of `toks[i]` (`لوكالة …`، `لـ«…»`، `لـ "…"`), if it names one.
fn told_outlet(article: &Article, toks: &[Token], i: usize) -> Option<Hand> {
    let t = &toks[i];
    if let Some(start) = after_lam(article, t) {
        let end = name_end(article, toks, i);
        let key = normalize_str(&article.text[start..t.range.end]);
        return Some((start..end, hand_type(&key)));
    }
    let next = lam_before_quoted(article, toks, i)?;
    let n = &toks[next];
    let raw = &article.text[n.range.clone()];
    let start = n.range.end - raw.trim_start_matches(QUOTE_OPENERS).len();
    let end = name_end(article, toks, next);
    Some((start..end, hand_type(n.key)))
}

/// Marks that open a quoted name after ل, the right mark among them (`ل” تشرين”`).
const QUOTE_OPENERS: [char; 4] = ['«', '"', '“', '”'];

/// `لـ "العربي الجديد"`، `ل” تشرين”`: a ل (with its tatweel or haraka) standing alone, then a
/// quoted name after a space: the index of the name's first word.
fn lam_before_quoted(article: &Article, toks: &[Token], i: usize) -> Option<usize> {
    let lam = article.text[toks[i].range.clone()]
        .strip_prefix('ل')?
        .trim_start_matches(|c: char| c == 'ـ' || ('\u{064B}'..='\u{0652}').contains(&c));
    let next = toks.get(i + 1)?;
    let between = article.text[toks[i].range.end..next.range.end].trim_start();
    // one mark, then the name (`لـ" " إلى` quotes nothing)
    let name = between.strip_prefix(QUOTE_OPENERS)?.trim_start_matches(' ');
    let named = lam.is_empty() && !name.starts_with(QUOTE_OPENERS) && !name.is_empty();
    (named && claim_follows(article, next.range.end)).then_some(i + 1)
}

/// Words that open the claim after a hand told (`أن`، `إن`، `إنه`، `إلى أن`), folded.
const CLAIM_OPENERS: [&str; 8] = ["ان", "انه", "انها", "انهم", "بان", "الي", "قائلا", "مؤكدا"];

/// Whether the claim opens within a few words after byte `from` (a quoted name's first word):
/// past the rest of the name and its closing mark, a comma or a word that opens the claim
/// (`لـ "إيلاف" أن`، `لـ”صوت كل لبنان”، قال`), not a name after it (`الأمانة العامة لـ "…"
/// فلان`).
fn claim_follows(article: &Article, from: usize) -> bool {
    let rest = &article.text[from..];
    let Some(close) = rest.find(['"', '”', '»']) else {
        return false;
    };
    let after = rest[close..].trim_start_matches(['"', '”', '»', ' ']);
    if after.starts_with(['،', ',', '.', ':', '\n']) || after.is_empty() {
        return true;
    }
    let first = after.split_whitespace().next().map(normalize_str);
    // the closing mark is the name's: at most four words before it
    rest[..close].split_whitespace().count() <= 4
        && first.is_some_and(|w| CLAIM_OPENERS.contains(&w.as_str()))
}

/// Most words between an affiliation word and the ل it governs' outlet-like word
/// (`التابعة للهيئة العامة للمنطقة الحرة لقناة السويس`).
const AFFILIATION_WORDS: usize = 5;

/// Whether one of the few words before `t` in its clause (the window may start right after
/// them, at the end of the speaker's span) says whose the speaker is: `التابعة لـ«…»` names no
/// outlet told, nor does a word of the owner's name after it.
fn after_affiliation(article: &Article, t: &Token) -> bool {
    let line_start = article.text[..t.range.start]
        .char_indices()
        .rev()
        .find(|(_, c)| ['\n', '،', ',', '.', ':', '؛'].contains(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    article.text[line_start..t.range.start]
        .split_whitespace()
        .rev()
        .take(AFFILIATION_WORDS)
        .any(|w| {
            let key = normalize_str(w.trim_matches(|c: char| !is_letter_or_digit(c)));
            // looked up as the channel words are: `التابعة` as it is, else without its ال
            let rule = rule_of(&key).or_else(|| key.strip_prefix("ال").and_then(rule_of));
            rule == Some(Rule::Affiliation)
        })
}

/// A hand found in the text: its range and type.
type Hand = (Range<usize>, SourceType);

/// The hands named in `window` (between a cue and its claim), from the speaker outward.
fn hands(article: &Article, window: Range<usize>) -> Vec<Hand> {
    let toks = tokens(article, window);
    let mut statement = None;
    // the speaker's own account or site, then an outlet that carried it further
    let mut account = None;
    let mut outlet: Option<Hand> = None;
    for (i, t) in toks.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| toks[p].key);
        // `أكدت الشركة -بحسابها على تويتر-`: the account with the preposition ب on it
        let own_account = || {
            t.key
                .trim_start_matches(['-', '–', '—'])
                .strip_prefix('ب')
                .and_then(word)
                .filter(|w| *w == Word::Account)
        };
        match word(t.key).or_else(own_account) {
            Some(Word::Statement)
                if prev.is_some_and(|p| is_fi(p) || p == "عبر") && statement.is_none() =>
            {
                let end = adjectives_end(article, &toks, i);
                statement = Some((t.range.start..end, SourceType::Statement));
            }
            Some(Word::Site)
                if outlet.is_none()
                    && account.is_none()
                    && (prev.is_some_and(|p| ACCOUNT_PLACES.contains(p) && !is_fi(p))
                        || toks
                            .get(i + 1)
                            .is_some_and(|n| word(n.key) == Some(Word::SiteAdjective))) =>
            {
                let end = name_end_account(&toks, i);
                account = Some((t.range.start..end, SourceType::SocialAccount));
            }
            Some(Word::Account) if outlet.is_none() && account.is_none() => {
                let end = name_end_account(&toks, i);
                account = Some((account_start(article, t)..end, SourceType::SocialAccount));
            }
            // `بحسب وكالة …` in a comma phrase after the speaker
            Some(Word::BeforeOutlet | Word::AfterClaim) if outlet.is_none() => {
                outlet = outlet_after(article, &toks, i);
            }
            // `كتب الوزير على منصة إكس …`، `أكد على تويتر أن …`: a network after `على`, as after
            // `عبر`; `منصة` only with a name after it
            _ if outlet.is_none() && account.is_none() && on_platform(&toks, i) => {
                outlet = outlet_after(article, &toks, i);
            }
            _ if outlet.is_none() && !after_affiliation(article, t) => {
                outlet = told_outlet(article, &toks, i);
            }
            _ => {}
        }
    }
    let (statement, account, outlet) =
        super::posts::post_with_place(article, &toks, statement, account, outlet);
    let broadcaster = outlet
        .as_ref()
        .and_then(|(r, _)| broadcaster(article, &toks, r));
    statement
        .into_iter()
        .chain(account)
        .chain(outlet)
        .chain(broadcaster)
        .collect()
}

/// Where an account word's span starts: after a dash glued to it and the preposition ب
/// (`-بحسابها` → `حسابها`, guidelines §2.3).
fn account_start(article: &Article, t: &Token) -> usize {
    let raw = &article.text[t.range.clone()];
    let bare = raw.trim_start_matches(['-', '–', '—']);
    let bare = if word(&normalize_str(bare)).is_some() {
        bare
    } else {
        bare.strip_prefix('ب').unwrap_or(bare)
    };
    t.range.end - bare.len()
}

/// Whether `toks[i]` is `على` before a social network (`على تويتر`، `على منصة إكس`; the
/// network's name may be quoted: `على منصة "إكس"`).
fn on_platform(toks: &[Token], i: usize) -> bool {
    let platform = |k: usize| {
        toks.get(k)
            .is_some_and(|n| word(n.key.trim_matches(['(', ')'])) == Some(Word::Platform))
    };
    // `منصة` before a network's name (`منصة إكس`), not `منصة التتويج`
    let named = |k: usize| toks[k].key != "منصه" || platform(k + 1);
    toks[i].key == "علي" && platform(i + 1) && named(i + 1)
}

/// The outlet named after the before-outlet word at `toks[i]` (`مع قناة …`، `عبر فيسبوك`، `بثتها
/// «…»`, past a pronoun object: `أجرتها معه قناة …`).
fn outlet_after(article: &Article, toks: &[Token], i: usize) -> Option<Hand> {
    // `أجرتها معه قناة …`: the pronoun object before the outlet
    let k = i
        + 1
        + usize::from(
            toks.get(i + 1)
                .is_some_and(|n| rule_of(n.key) == Some(Rule::PronounObject)),
        );
    let next = toks.get(k)?;
    // `عبر (X)`: a network's name in brackets
    let platform = word(next.key.trim_matches(['(', ')'])) == Some(Word::Platform);
    let named = word(next.key) == Some(Word::OutletHead)
        || platform
        || OUTLET_NAMES.contains(next.key)
        || quoted(article, toks[k - 1].range.end, next);
    if !named {
        return None;
    }
    let end = name_end(article, toks, k);
    let raw = &article.text[next.range.clone()];
    let start = next.range.end - raw.trim_start_matches(OPENING_MARKS).len();
    let kind = if platform {
        SourceType::SocialAccount
    } else {
        hand_type(next.key)
    };
    Some((start..end, kind))
}

/// The channel a programme named at `programme` went out on (`لبرنامج «…» المذاع على قناة …`،
/// `… عبر فضائية …`): the outlet after the first `على`/`عبر` past it.
fn broadcaster(article: &Article, toks: &[Token], programme: &Range<usize>) -> Option<Hand> {
    if !is_programme(&article.text[programme.clone()]) {
        return None;
    }
    let i = toks.iter().position(|t| {
        t.range.start >= programme.end
            && (ACCOUNT_PLACES.contains(t.key) || word(t.key) == Some(Word::BeforeOutlet))
    })?;
    let next = toks
        .get(i + 1)
        .filter(|n| word(n.key) == Some(Word::OutletHead))?;
    Some((
        next.range.start..name_end(article, toks, i + 1),
        hand_type(next.key),
    ))
}

/// Whether a hand's name is a broadcast programme's (`برنامج «…»`).
fn is_programme(name: &str) -> bool {
    name.split_whitespace()
        .next()
        .is_some_and(|w| normalize_str(w) == "برنامج")
}

/// Most adjectives a statement noun takes into its span (`بيان صحفي مشترك`).
const STATEMENT_ADJECTIVES: usize = 2;

/// The end of the statement noun at `toks[i]` with the relational adjectives after it (`بيان
/// صحفي`، `بيانا رسميا`: words ending in the nisba ي), not past punctuation.
fn adjectives_end(article: &Article, toks: &[Token], i: usize) -> usize {
    let mut end = toks[i].range.end;
    for t in toks.iter().skip(i + 1).take(STATEMENT_ADJECTIVES) {
        let nisba =
            ["ي", "يه", "يا"].iter().any(|e| t.key.ends_with(e)) && t.key.chars().count() > 3;
        let joined = article.text[end..t.range.start]
            .chars()
            .all(char::is_whitespace);
        if !nisba || !joined || NAME_ENDS.contains(t.key) || word(t.key).is_some() {
            break;
        }
        end = t.range.end;
    }
    end
}

/// `صفحته على موقع فيسبوك`: the account word and what says where it is (`على`/`في`/`عبر`,
/// `موقع`, the platform's name), up to five words.
fn name_end_account(toks: &[Token], i: usize) -> usize {
    let mut end = toks[i].range.end;
    let mut j = i + 1;
    while j < toks.len() && j <= i + 4 {
        let key = toks[j].key;
        if ACCOUNT_PLACES.contains(key) {
            // the place word needs a name after it
            match toks.get(j + 1) {
                Some(next) if !NAME_ENDS.contains(next.key) => {}
                _ => break,
            }
        } else if NAME_ENDS.contains(key)
            || joins_clause(key)
            || !key.chars().any(char::is_alphabetic)
        {
            break;
        }
        end = toks[j].range.end;
        j += 1;
    }
    end
}

/// Whether a folded word starts the next clause: joined by و and not an outlet's, or a rule
/// word (`ونقلته`، `نشرت`).
fn joins_clause(key: &str) -> bool {
    let rule = rule_of(key);
    (key.starts_with('و') && rule.is_none() && !OUTLET_NAMES.contains(key))
        || (rule.is_some() && !in_name(key))
}

/// Rule words that may stand inside a hand's name: an outlet's head or name (`وكالة`، `فرانس`),
/// a site's adjective (`الرسمي`) and a social network (`حسابه في تويتر`).
fn in_name(key: &str) -> bool {
    matches!(
        rule_of(key),
        Some(Rule::HandType(_) | Rule::Channel(Word::SiteAdjective | Word::Platform))
    ) || matches!(word(key), Some(Word::SiteAdjective | Word::Platform))
}

/// `على`, `في`, `عبر`, `موقع`, `منصة`: words that say where an account is.
pub(super) fn is_place(key: &str) -> bool {
    ACCOUNT_PLACES.contains(key)
}

/// `في`, `خلال` (`في مقابلة`، `خلال مداخلة`), with or without و: rule `phrase-opener`.
fn is_fi(key: &str) -> bool {
    rule_of(key) == Some(Rule::PhraseOpener)
}

/// Whether a folded word ends a hand's name (`أمس`، `أن`، `في`).
pub(super) fn ends_name(key: &str) -> bool {
    NAME_ENDS.contains(key)
}

/// The type of a hand whose name starts with the folded word `key`: agency or outlet.
pub(super) fn hand_type_of(key: &str) -> SourceType {
    hand_type(key)
}

pub(super) fn hand_type(key: &str) -> SourceType {
    // after ل the article's alef fell (`للأناضول` → `لأناضول`): the name is looked up with it
    let restored = key
        .strip_prefix('ل')
        .and_then(|_| rule_of(&format!("ا{key}")));
    match rule_of(key).or(restored) {
        Some(Rule::HandType(t)) => t,
        _ if key.contains("وكاله") => SourceType::Agency,
        _ => SourceType::Outlet,
    }
}

/// The end of the sentence that `from` is in: the next full stop, `!`, `؟` or line end.
pub(super) fn sentence_end(article: &Article, from: usize) -> usize {
    find_sentence_mark(&article.text[from..]).map_or(article.text.len(), |i| from + i)
}

/// The start of the sentence that `at` is in.
pub(super) fn sentence_start(article: &Article, at: usize) -> usize {
    // a position inside a character (a caller stepping one byte back over a two-byte `؟`)
    // counts from the character's start: a crash on a real report costs more than a guard
    let at = (0..=at.min(article.text.len()))
        .rev()
        .find(|&i| article.text.is_char_boundary(i))
        .unwrap_or(0);
    // after the mark: `؟` is two bytes, and a start inside it broke every slice made from it
    rfind_sentence_mark(&article.text[..at]).map_or(0, |i| {
        i + article.text[i..].chars().next().map_or(1, char::len_utf8)
    })
}

/// Most words a fronted interview phrase (`وفي تصريح لـ«…»`) takes before its cue.
const FRONTED_WORDS: usize = 10;

/// `وفي تصريح لـ«…» قال …`، `وفي حديث إلى «…»، أوضح …`، `وفي بيان نقلته وكالة …، قالت …`: the
/// words before a cue that opens its sentence with `في` and an interview or statement noun.
fn fronted(article: &Article, cue_start: usize) -> Option<Range<usize>> {
    let start = sentence_start(article, cue_start);
    let before = &article.text[start..cue_start];
    let mut words = before.split_whitespace();
    let first = normalize_str(words.next()?);
    let second = normalize_str(words.next()?.trim_start_matches(OPENING_MARKS));
    let fits = is_fi(&first)
        && matches!(word(&second), Some(Word::Interview | Word::Statement))
        && before.split_whitespace().count() <= FRONTED_WORDS;
    fits.then_some(start..cue_start)
}

/// Where link `a`'s hands are named, in the order they are tried: between its cue and its
/// claim, then a fronted interview phrase before the cue; for a claim before its cue (`X،
/// بحسب ما ذكر Y لوكالة Z`), after the speaker to the end of the sentence.
fn windows(
    article: &Article,
    cue: Span,
    claim: Span,
    source: Option<Span>,
    cues: &[usize],
) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if cue.end <= claim.start {
        // `قال الوزير، في مقابلة مع صحيفة X نشرت اليوم، إن …`، `قالت الوزارة في بيان نشر على
        // موقعها إن …`: the cue suggester took an inner verb (one of carrying) for the cue; the
        // phrase lies between the speaker and the claim, and is read first
        let in_commas = |s: &Span| {
            let between = &article.text[s.end..cue.start];
            between.trim_start().starts_with('،') && between.matches('،').count() == 1
        };
        let carrying = matches!(
            rule_of(cue.text(article)),
            Some(Rule::Publish | Rule::Channel(Word::BeforeOutlet))
        );
        if let Some(s) = source.filter(|s| {
            s.end <= cue.start
                && s.start >= sentence_start(article, cue.start)
                && (in_commas(s) || carrying)
        }) {
            out.push(s.end..claim.start);
        }
        out.push(cue.end..claim.start);
        // `قال المصدر، الذي تحدث للأناضول، إن …`: the outlet in the speaker's relative clause
        if let Some(rel) = source.and_then(|s| relative_clause(article, s)) {
            out.push(rel);
        }
        // `أكد الاتحاد، في بيان صحفي، أن …`: after the speaker's comma
        if let Some(s) = source.filter(|s| s.start >= cue.end && s.end < claim.start) {
            out.push(s.end..claim.start);
        }
        out.extend(fronted(article, cue.start));
    } else if let Some(s) = source.filter(|s| s.start >= cue.end && s.end > claim.end) {
        // `وهذا ما أكده Y، حيث قال على صفحته: …`: a hand after another link's cue is that
        // link's (38-science)
        let end = sentence_end(article, s.end);
        let end = cues
            .iter()
            .copied()
            .filter(|&c| c > s.end && c < end)
            .min()
            .unwrap_or(end);
        out.push(s.end..end);
    }
    out
}

/// The words after the relative pronoun of a source's relative clause (`المصدر، الذي تحدث
/// للأناضول`): where the outlet it spoke to is named.
fn relative_clause(article: &Article, source: Span) -> Option<Range<usize>> {
    let text = source.text(article);
    let mut at = source.start;
    for piece in text.split_inclusive(' ') {
        at += piece.len();
        let word = normalize_str(piece.trim().trim_start_matches('،'));
        if matches!(
            word.as_str(),
            "الذي" | "التي" | "الذين" | "اللذان" | "اللتان"
        ) {
            return (at < source.end).then_some(at..source.end);
        }
    }
    None
}

/// Whether a folded word starts an outlet's name: a head noun (`وكالة`، `الإذاعة`) or a name
/// (`رويترز`).
pub(super) fn is_outlet(key: &str) -> bool {
    word(key) == Some(Word::OutletHead) || OUTLET_NAMES.contains(key)
}

/// The outlet whose name starts at `toks[i]`: its range and type.
pub(super) fn outlet_at(
    article: &Article,
    toks: &[Token],
    i: usize,
) -> Option<(Range<usize>, SourceType)> {
    let t = toks.get(i).filter(|t| is_outlet(t.key))?;
    Some((t.range.start..name_end(article, toks, i), hand_type(t.key)))
}

/// `قال الوزير إن … . جاء ذلك في تصريح لوكالة …`: a sentence about the report just made names
/// the channel of the claims of the sentence before it (the one the claim ending at
/// `claim_end` is in).
fn next_sentence(article: &Article, claim_end: usize) -> Vec<Hand> {
    let end = sentence_end(article, claim_end);
    let Some(next) = article.text[end..]
        .char_indices()
        .find(|(_, c)| !c.is_whitespace() && !['.', '!', '؟'].contains(c))
        .map(|(i, _)| end + i)
    else {
        return Vec::new();
    };
    let next_end = sentence_end(article, next);
    let toks = tokens(article, next..next_end);
    let opens = toks.len() > 3
        && rule_of(toks[0].key) == Some(Rule::Came)
        && rule_of(toks[1].key) == Some(Rule::ThatReport)
        && is_fi(toks[2].key)
        && matches!(word(toks[3].key), Some(Word::Interview | Word::Statement));
    if !opens {
        return Vec::new();
    }
    hands(article, toks[2].range.start..next_end)
}

/// `…، وذلك في تصريح لوكالة …`، `…، في مقابلة مع قناة …`: an interview or statement phrase after
/// a comma at the end of the claim's sentence names its hands; the claim ends before the comma.
/// The hands and where the claim ends.
fn trailing_channel(article: &Article, claim: Span) -> Option<(Vec<Hand>, usize)> {
    let end = sentence_end(article, claim.end);
    let text = &article.text[claim.start..end];
    for (i, _) in text.match_indices('،') {
        let comma = claim.start + i;
        let toks = tokens(article, comma + '،'.len_utf8()..end);
        // `وذلك`، `ذلك`: the report just made
        let skip =
            usize::from(toks.first().is_some_and(|t| {
                normalize_str(t.key.trim_start_matches('و')) == normalize_str("ذلك")
            }));
        let (Some(at), Some(noun)) = (toks.get(skip), toks.get(skip + 1)) else {
            continue;
        };
        if !is_fi(at.key) || !matches!(word(noun.key), Some(Word::Interview | Word::Statement)) {
            continue;
        }
        let found = hands(article, at.range.start..end);
        if !found.is_empty() && comma > claim.start {
            return Some((found, comma));
        }
    }
    None
}

/// Ends the claim of link `i` (now at `claim`) at `end`, its trailing spaces and commas left out.
fn cut_claim(set: &mut AnnotationSet, article: &Article, i: usize, claim: Span, end: usize) {
    let kept = article.text[claim.start..end.min(claim.end)]
        .trim_end_matches(|c: char| c.is_whitespace() || "،,".contains(c));
    let c = set.position(&set.attributions[i].claim_id);
    if let Some(c) = c
        && !kept.is_empty()
        && let Ok(span) = Span::checked(article, claim.start..claim.start + kept.len())
    {
        set.claims[c].span = span;
    }
}

/// `… جوابا على سؤال وكالة …`، `… ردا على أسئلة «…»`: a question an outlet asked, named inside
/// or after the claim in its sentence: the outlet (its range and type) and where the claim
/// ends, before the answer word.
fn answered(article: &Article, claim: Span) -> Option<(Range<usize>, SourceType, usize)> {
    let end = sentence_end(article, claim.end);
    let on = normalize_str("على");
    // each word's range, channel word and whether it is `على`, its key read from the
    // article's folded text, as this runs for most links over the rest of their sentence
    let mut words: Vec<(Range<usize>, Option<Word>, bool)> = Vec::new();
    let mut at = claim.start;
    for piece in article.pieces(claim.start..end) {
        let w = piece.trim_end();
        let bare = w.trim_matches(|c: char| !is_letter_or_digit(c));
        if !bare.is_empty() {
            // `bare` starts where the marks before it end
            let lead = w.len() - w.trim_start_matches(|c: char| !is_letter_or_digit(c)).len();
            let start = at + lead;
            let key = article.folded().slice(start..start + bare.len());
            words.push((start..start + bare.len(), word(key), key == on));
        }
        at += piece.len();
    }
    let k = words.windows(3).position(|w| {
        w[0].1 == Some(Word::Answer) && w[1].2 && w[2].1 == Some(Word::BeforeOutlet)
    })?;
    let (range, kind) = hands(article, words[k + 2].0.start..end)
        .into_iter()
        .find(|(_, kind)| *kind != SourceType::Statement)?;
    let cut = words[k].0.start;
    let mut kept = article.text[claim.start..cut.min(claim.end)]
        .trim_end_matches(|c: char| c.is_whitespace() || "،,".contains(c));
    // a time word before the answer (`… الأمس جوابا على …`) is in no span
    if let Some((head, last)) = kept.rsplit_once(' ') {
        let key = normalize_str(last);
        if NAME_ENDS.contains(&key)
            || key
                .strip_prefix("ال")
                .is_some_and(|k| NAME_ENDS.contains(k))
        {
            kept = head.trim_end();
        }
    }
    Some((range, kind, claim.start + kept.len()))
}

/// `range` with the closing mark of a quotation it opens (`صحيفة «الأيام»`: the marks of a
/// name inside a descriptor stay inside the span, guidelines §3.2).
pub(super) fn with_closing_mark(article: &Article, range: Range<usize>) -> Range<usize> {
    let text = &article.text[range.clone()];
    let opens = text.chars().filter(|c| OPENING_MARKS.contains(c)).count();
    let closes = text.chars().filter(|c| "»”".contains(*c)).count();
    let straight = text.matches('"').count();
    // the mark may stand apart: `مدونة " واتس آب "`
    let gap = article.text[range.end..].len() - article.text[range.end..].trim_start().len();
    let next = article.text[range.end + gap..].chars().next();
    let closing = match next {
        Some(c @ ('»' | '”')) if opens > closes => Some(c),
        Some('"') if straight % 2 == 1 => Some('"'),

        _ => None,
    };
    let range = closing.map_or(range.clone(), |c| {
        range.start..range.end + gap + c.len_utf8()
    });
    with_acronym(article, range)
}

/// Longest acronym in brackets taken into a hand's name (characters).
const ACRONYM_CHARS: usize = 10;

/// `range` with an agency's acronym in brackets that it opens or that follows it (`وكالة الأنباء
/// القطرية (قنا)`، `(د ب أ)`): letters and spaces only, short.
fn with_acronym(article: &Article, range: Range<usize>) -> Range<usize> {
    let text = &article.text[range.clone()];
    let opened = text.matches('(').count() > text.matches(')').count();
    let rest = &article.text[range.end..];
    let (skip, inner) = if opened {
        (0, rest)
    } else if let Some(r) = rest.strip_prefix(" (") {
        (2, r)
    } else {
        return range;
    };
    let Some(close) = inner.find(')') else {
        return range;
    };
    let acronym = &inner[..close];
    let short = acronym.chars().count() <= ACRONYM_CHARS
        && acronym.chars().all(|c| c.is_alphabetic() || c == ' ');
    if short {
        range.start..range.end + skip + close + ')'.len_utf8()
    } else {
        range
    }
}

/// The source item for a hand at `range`: the one already there, or a new intermediary.
pub(super) fn hand_source(
    set: &mut AnnotationSet,
    article: &Article,
    range: Range<usize>,
    kind: SourceType,
) -> Option<usize> {
    let range = with_closing_mark(article, range);
    let existing = set.sources.iter().position(|s| {
        s.span
            .is_some_and(|x| x.start == range.start && x.end == range.end)
    });
    if existing.is_some() {
        return existing;
    }
    let origin = Origin::rule("isnad:channel", None);
    let s = Source::suggested(article, range, kind, origin).ok()?;
    set.sources.push(s);
    Some(set.sources.len() - 1)
}

/// The hands named around link `i`'s cue and claim, tried in order: between the cue and the
/// claim (or a fronted phrase), the outlet told, after the claim, a trailing interview phrase,
/// the outlet that asked; the last two end the claim before them.
fn link_hands(
    set: &mut AnnotationSet,
    article: &Article,
    i: usize,
    cue: Span,
    claim: Span,
    source: Option<Span>,
) -> Vec<Hand> {
    // the other links' cues bound the window after a late speaker (a claim before its cue)
    let cues: Vec<usize> = if cue.end > claim.start {
        set.attributions
            .iter()
            .filter_map(|a| a.cue.map(|c| c.start))
            .collect()
    } else {
        Vec::new()
    };
    // a denial's report frame (`نفى X ما يتردد عبر مواقع التواصل حول …`) says where the
    // report went round, not a hand the denial went through
    let denial = set.attributions[i].stance == crate::annotate::model::Stance::Denies;
    let mut found = windows(article, cue, claim, source, &cues)
        .into_iter()
        .map(|w| if denial { before_report(article, w) } else { w })
        .map(|w| hands(article, w))
        .find(|h| !h.is_empty())
        .unwrap_or_default();
    // `أبلغ المحافظ وكالة الأنباء أن …`: the outlet told
    if found.is_empty()
        && rule_of(cue.text(article)) == Some(Rule::Tell)
        && let Some(s) = source.filter(|s| s.start >= cue.end && s.end < claim.start)
    {
        found.extend(outlet_at(article, &tokens(article, s.end..claim.start), 0));
    }
    if found.is_empty() && source.is_some_and(|s| s.end <= claim.start) {
        found.extend(frames::after_claim(article, claim.end));
    }
    if found.is_empty()
        && source.is_some_and(|s| s.end <= claim.start)
        && let Some((hands, end)) = trailing_channel(article, claim)
    {
        found = hands;
        cut_claim(set, article, i, claim, end);
    }
    if found.is_empty() && source.is_some_and(|s| s.end <= claim.start) {
        found = next_sentence(article, claim.end);
    }
    if found.is_empty()
        && let Some((range, kind, end)) = answered(article, claim)
    {
        found.push((range, kind));
        let c = set.position(&set.attributions[i].claim_id);
        if let Some(c) = c
            && end > claim.start
            && let Ok(span) = Span::checked(article, claim.start..end)
        {
            set.claims[c].span = span;
        }
    }
    found
}

/// `window` up to the first word that opens a denied report's frame (`ما`، `الأنباء`).
fn before_report(article: &Article, window: Range<usize>) -> Range<usize> {
    let w = super::denial_shapes::words(article, window.start, window.end);
    w.iter()
        .find(|x| super::denial_shapes::opens_report(x))
        .map_or(window.clone(), |x| window.start..x.range.start)
}

/// Adds the channels named around each link's cue and claim to its `via`; a hand that the cue
/// suggester also linked to the same claim keeps only its place in the chain.
pub(super) fn channel_chains(set: &mut AnnotationSet, article: &Article) {
    let mut drop: Vec<usize> = Vec::new();
    for i in 0..set.attributions.len() {
        let a = &set.attributions[i];
        let Some(cue) = a.cue else { continue };
        if !a.via.is_empty() {
            frames::outer_hand_after_claim(set, article, i, &mut drop);
            continue;
        }
        // through the id index; a claim id of another kind's shape is still found by a scan
        let indexed = set.position(&a.claim_id).and_then(|c| set.claims.get(c));
        let Some(claim) = indexed
            .filter(|c| c.id == a.claim_id)
            .or_else(|| set.claims.iter().find(|c| c.id == a.claim_id))
        else {
            continue;
        };
        let claim = claim.span;
        let source = set.position(&a.source_id).and_then(|s| set.sources[s].span);
        let found = link_hands(set, article, i, cue, claim, source);
        let mut via = Vec::new();
        for (range, kind) in found {
            let Some(at) = hand_source(set, article, range, kind) else {
                continue;
            };
            let a = &set.attributions[i];
            let hand = &set.sources[at].id;
            if *hand == a.source_id {
                continue;
            }
            drop.extend(
                set.attributions
                    .iter()
                    .position(|b| b.claim_id == a.claim_id && b.source_id == *hand),
            );
            via.push(hand.clone());
        }
        let had_hands = !via.is_empty();
        set.attributions[i].via = via;
        if had_hands {
            frames::outer_hand_after_claim(set, article, i, &mut drop);
        }
    }
    let dropped: Vec<String> = drop
        .iter()
        .map(|&j| set.attributions[j].id.clone())
        .collect();
    set.attributions.retain(|a| !dropped.contains(&a.id));
    super::mark_hand_roles(set);
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::extract::extract;
    use crate::extract::isnad::suggest_annotations;

    /// (speaker, hands) of every link with a chain, as text.
    fn chains(text: &str) -> Vec<(String, Vec<String>)> {
        crate::extract::isnad::chains_in(text)
            .into_iter()
            .map(|(_, speaker, hands)| (speaker, hands))
            .collect()
    }

    #[test]
    fn a_question_mark_ends_the_sentence_before_a_cue_as_a_full_stop_does() {
        // the sentence start was taken inside `؟` (two bytes): extracting such a text panicked
        for (asked, stated) in [
            (
                "هل هذا صحيح؟ وفي تصريح لوكالة الأنباء قال الوزير إن الأمر انتهى.",
                "هل هذا صحيح. وفي تصريح لوكالة الأنباء قال الوزير إن الأمر انتهى.",
            ),
            (
                "لماذا؟ وأضاف الوزير أن الأمر انتهى، وذلك في تصريح لوكالة الأنباء.",
                "لماذا. وأضاف الوزير أن الأمر انتهى، وذلك في تصريح لوكالة الأنباء.",
            ),
        ] {
            let found = chains(asked);
            assert!(!found.is_empty(), "{asked}");
            assert_eq!(found, chains(stated), "{asked}");
        }
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

    #[test]
    fn an_interview_phrase_before_the_cue() {
        let c = chains("وفي تصريح لـ«صوت المدينة» قال مسؤول في البلدية إن المياه ستعود مساء.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].1, vec!["صوت المدينة".to_owned()], "{c:?}");
        let c = chains("وفي حديث إلى «إذاعة الوادي» أوضحت الطبيبة أن الدواء متوفر.");
        assert_eq!(c[0].1, vec!["إذاعة الوادي".to_owned()], "{c:?}");
        // a fronted place or time is no interview
        let c = chains("وفي المدينة قال المحافظ إن المدارس ستغلق.");
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn an_outlet_named_after_the_claim_or_after_a_late_speaker() {
        let c = chains(
            "وكانت الجمعية قد أعلنت أنها ستوزع الخبز مجانا، حسب ما أفادت به الإذاعة المحلية.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].1, vec!["الإذاعة المحلية".to_owned()], "{c:?}");
        let c = chains("وتوقفت الحافلات عن العمل، بحسب ما ذكر سائق لوكالة الأنباء المحلية.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].1, vec!["وكالة الأنباء المحلية".to_owned()], "{c:?}");
        // an outlet after a claim that has no earlier speaker is the speaker itself
        let c = chains("وارتفعت الأسعار، بحسب قناة الاقتصاد.");
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn channels_by_name_after_a_comma_or_a_relay_pronoun() {
        let c = chains("وقالت الشرطة لرويترز إن الطريق أغلق.");
        assert_eq!(c[0].1, vec!["رويترز".to_owned()], "{c:?}");
        let article = Article::from_text("t", "وقالت الشرطة لرويترز إن الطريق أغلق.".to_owned());
        let set = suggest_annotations(&article, &extract(&article.text));
        let hand = set.sources.iter().find(|s| s.name == "رويترز").unwrap();
        assert_eq!(hand.source_type, SourceType::Agency);
        let c = chains("وقال المدير في مؤتمر صحفي نقله التلفزيون إن المصنع سيغلق.");
        assert_eq!(c[0].1, vec!["التلفزيون".to_owned()], "{c:?}");
        let c =
            chains("وأكد المؤسس تمسكه بالفريق، مضيفا، عبر مدونة الشركة، أن الخدمة ستبقى مجانية.");
        assert!(
            c.iter().any(|(_, v)| v == &vec!["مدونة الشركة".to_owned()]),
            "{c:?}"
        );
    }

    #[test]
    fn the_sentence_chain_reaches_every_cue_of_its_speaker() {
        // guidelines §7.1 (2026-12-04): the intermediary a sentence names once is the via of
        // every cue of that sentence whose speaker it carried, a new clause with و too
        for text in [
            "وأعلن رئيس الحزب في مقابلة مع قناة الغد أن الحزب سيشارك، مشيرا إلى أن القائمة جاهزة، \
             وأضاف أن الحملة تبدأ غدا.",
            "وقال رئيس الحزب لقناة الغد إن الحزب سيشارك، وزاد أن القائمة جاهزة، وأضاف أن الحملة \
             تبدأ غدا.",
            "وأكد رئيس الحزب أن الحزب سيشارك، وأضاف أن القائمة جاهزة، حسبما نقلت قناة الغد.",
        ] {
            let c = chains(text);
            let with_hand = c
                .iter()
                .filter(|(_, v)| v == &vec!["قناة الغد".to_owned()])
                .count();
            assert!(with_hand >= 2 && with_hand == c.len(), "{text}: {c:?}");
        }
    }

    #[test]
    fn the_outlet_that_asked_the_question() {
        let c = crate::extract::isnad::chains_in(
            "وأكد المحافظ ضرورة الهدوء جوابا على سؤال وكالة الأنباء المحلية وحذر من الشائعات.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].0, "ضرورة الهدوء", "{c:?}");
        assert_eq!(c[0].2, vec!["وكالة الأنباء المحلية".to_owned()], "{c:?}");
        let c = chains("وقال المحافظ ردا على سؤال لإذاعة الوادي إن الطريق مغلق.");
        assert_eq!(c[0].1, vec!["إذاعة الوادي".to_owned()], "{c:?}");
    }
}
