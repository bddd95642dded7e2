//! A post and the place it went out on are one hand (`في تغريدة بحسابها على تويتر`، `عبر منشور
//! له عبر (X)`، `في تدوينة على فيسبوك`): the post is the statement the speaker spoke in, the
//! account or network only says where it was posted. Both blind annotators of the outlet
//! reports wrote them as one hand; the guidelines (§6.2) give `حسابه في تويتر` alone as one.

use std::ops::Range;

use crate::annotate::model::SourceType;
use crate::article::Article;
use crate::text::normalize::normalize_str;

use super::channels::{ChannelWord, Token};
use super::{Rule, rule_of};

/// A hand found in the text: its range and type.
type Hand = (Range<usize>, SourceType);

/// Post nouns, folded: a statement that went out on a network.
const POSTS: [&str; 8] = [
    "تغريده",
    "تغريدات",
    "منشور",
    "منشورا",
    "منشورات",
    "تدوينه",
    "تدوينات",
    "بوست",
];

/// Most words between the post and its place (`له عبر`، `نشرها على`).
const GAP_WORDS: usize = 3;

/// Whether the hand at `range` is a post.
fn is_post(article: &Article, range: &Range<usize>) -> bool {
    article.text[range.clone()]
        .split_whitespace()
        .next()
        .is_some_and(|w| POSTS.contains(&normalize_str(w).as_str()))
}

/// Whether a folded word names the post's place: an account (`حسابها`، `بحسابها`) or a
/// network (`تويتر`، `(X)`).
fn place_word(key: &str) -> bool {
    let bare = key.trim_matches(['(', ')']);
    [bare, bare.strip_prefix('ب').unwrap_or(bare)]
        .iter()
        .any(|k| {
            matches!(
                rule_of(k),
                Some(Rule::Channel(ChannelWord::Account | ChannelWord::Platform))
            )
        })
}

/// The end of the place named within a few words after the post ending at `post_end` in
/// `toks`: the last account or network word there (`بحسابها على تويتر`).
fn place_end(toks: &[Token], post_end: usize) -> Option<usize> {
    let after: Vec<&Token> = toks
        .iter()
        .filter(|t| t.range.start >= post_end)
        .take(GAP_WORDS + 3)
        .collect();
    let first = after
        .iter()
        .take(GAP_WORDS + 1)
        .position(|t| place_word(t.key))?;
    let last = after
        .iter()
        .enumerate()
        .skip(first)
        .take_while(|(k, t)| *k == first || place_word(t.key) || super::channels::is_place(t.key))
        .filter(|(_, t)| place_word(t.key))
        .last()?;
    Some(last.1.range.end)
}

/// The statement, account and outlet of a channel window, the post joined to the account or
/// network named right after it.
pub(super) fn post_with_place(
    article: &Article,
    toks: &[Token],
    statement: Option<Hand>,
    account: Option<Hand>,
    outlet: Option<Hand>,
) -> (Option<Hand>, Option<Hand>, Option<Hand>) {
    let Some((post, kind)) = statement.clone().filter(|(r, _)| is_post(article, r)) else {
        return (statement, account, outlet);
    };
    let Some(end) = place_end(toks, post.end) else {
        return (statement, account, outlet);
    };
    // the account or network now inside the post's hand goes
    let inside = |h: &Option<Hand>| {
        h.as_ref()
            .is_some_and(|(r, _)| r.start >= post.end && r.start < end)
    };
    let account = account.filter(|h| !inside(&Some(h.clone())));
    let outlet = outlet.filter(|h| !inside(&Some(h.clone())));
    (Some((post.start..end, kind)), account, outlet)
}
