//! Prepositional cue templates: `بحسب`, `وفقاً لـ`, `نقلاً عن`, `استناداً إلى`, `على لسان`,
//! leading (`بحسب المصادر، فإن …`) and trailing (`CLAIM، بحسب SOURCE`).

use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::lexicon::{CueForm, Follow, Form, Gender, PREPOSITION_CUES, cue_form};
use super::parser::{NounPhrase, ParagraphParser};
use super::words::*;
use super::{CueType, Template};
use crate::annotate::model::{QuoteType, SourceType};

/// The first word of every prepositional cue: [`ParagraphParser::preposition_at`] tries the
/// cues only at a word that is one (or one after و).
static PREPOSITION_FIRST_WORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    PREPOSITION_CUES
        .iter()
        .filter_map(|cue| cue.words.first())
        .map(String::as_str)
        .collect()
});

/// Whether `key` is the first word of a prepositional cue, alone or after و.
pub(super) fn may_start_preposition(key: &str) -> bool {
    PREPOSITION_FIRST_WORDS.contains(key)
        || key
            .strip_prefix('و')
            .is_some_and(|rest| PREPOSITION_FIRST_WORDS.contains(rest))
}

/// The first two letters of every one-word prepositional cue (`بح`، `وف`، …):
/// [`ParagraphParser::pronoun_preposition_at`] tries the cues only at a word beginning with
/// one, alone or after و or ف.
static ONE_WORD_CUE_STARTS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut starts: Vec<&'static str> = PREPOSITION_CUES
        .iter()
        .filter_map(|cue| match cue.words.as_slice() {
            [word] => Some(word.as_str()),
            _ => None,
        })
        .map(|word| match word.char_indices().nth(2) {
            Some((end, _)) => &word[..end],
            None => word,
        })
        .collect();
    starts.sort_unstable();
    starts.dedup();
    starts
});

/// Whether `key` (a folded word) or `key` after a leading و or ف begins with the first two
/// letters of a one-word prepositional cue: a word that does not carries no pronoun cue.
fn may_carry_pronoun_cue(key: &str) -> bool {
    let begins = |k: &str| ONE_WORD_CUE_STARTS.iter().any(|s| k.starts_with(s));
    begins(key) || key.strip_prefix(['و', 'ف']).is_some_and(begins)
}

impl ParagraphParser<'_> {
    /// If a prepositional cue of `cue-prepositions.tsv` starts at `i`, the token range of the
    /// cue words, the token where the source starts, whether the source's head carries a ل to
    /// strip, and the cue's dictionary form.
    pub(super) fn preposition_at(
        &self,
        i: usize,
    ) -> Option<(Range<usize>, usize, bool, &'static str)> {
        let full = self.key(i);
        // most words start no cue: known without trying each cue (this runs at every word)
        if !may_start_preposition(full) {
            return None;
        }
        PREPOSITION_CUES.iter().find_map(|cue| {
            let first = cue.words.first()?;
            // `وفقاً` begins with و; `وبحسب` has a conjunction
            let conjoined = full
                .strip_prefix('و')
                .is_some_and(|rest| rest == first && rest.chars().count() >= 3);
            let rest_match = cue.words[1..]
                .iter()
                .enumerate()
                .all(|(k, w)| self.key(i + 1 + k) == w);
            if !(full == first || conjoined) || !rest_match {
                return None;
            }
            let end = i + cue.words.len();
            cue.follows
                .iter()
                .find_map(|follow| self.after_preposition(*follow, i, end))
                .map(|(tokens, at, strip)| (tokens, at, strip, cue.lemma))
        })
    }

    /// What follows a prepositional cue's words (`i..end`) when it is `follow`: the cue's
    /// tokens, where the source starts, and whether its head carries a ل to strip.
    fn after_preposition(
        &self,
        follow: Follow,
        i: usize,
        end: usize,
    ) -> Option<(Range<usize>, usize, bool)> {
        let next = self.key(end);
        match follow {
            Follow::MaVerb => (next == "ما")
                .then(|| self.reporting_verb_at(end + 1))
                .flatten()
                .map(|verb_end| (i..verb_end, verb_end, false)),
            Follow::Verb => self
                .reporting_verb_at(end)
                .map(|verb_end| (i..verb_end, verb_end, false)),
            Follow::Lam => {
                let verb_at = match next {
                    "لما" => Some(end + 1),
                    "ل" if self.key(end + 1) == "ما" => Some(end + 2),
                    _ => None,
                };
                if let Some(verb_end) = verb_at.and_then(|v| self.reporting_verb_at(v)) {
                    Some((i..verb_end, verb_end, false))
                } else if next == "ل" {
                    Some((i..end + 1, end + 1, false))
                } else if next.starts_with('ل') {
                    Some((i..end, end, true))
                } else {
                    None
                }
            }
            Follow::Source => Some((i..end, end, false)),
        }
    }

    /// A verb of saying at `v` after `بحسب ما` / `وفقاً لما`, possibly with its object pronoun
    /// (`ذكرته`, `أعلنته`) or followed by `به` (`أفادت به`); the token after it.
    pub(super) fn reporting_verb_at(&self, v: usize) -> Option<usize> {
        let key = self.key(v);
        let is_verb = |k: &str| cue_form(k).is_some_and(|(f, _)| f.form != Form::Noun);
        let found = is_verb(key)
            || ["ه", "ها"].iter().any(|pronoun| {
                key.strip_suffix(pronoun)
                    .is_some_and(|k| k.chars().count() >= 3 && is_verb(k))
            });
        if !found {
            return None;
        }
        // `حسب ما جاء في التقرير`: the document after في is the source
        let in_document = cue_form(key).is_some_and(|(f, _)| f.in_document);
        if in_document && self.key(v + 1) != "في" {
            return None;
        }
        Some(if self.key(v + 1) == "به" || in_document {
            v + 2
        } else {
            v + 1
        })
    }

    pub(super) fn starts_preposition_cue(&self, i: usize) -> bool {
        self.preposition_at(i).is_some() || self.pronoun_preposition_at(i).is_some()
    }

    /// A prepositional cue at token `i` of sentence `s`: the attribution it makes and the
    /// token after the cue words.
    pub(super) fn preposition_cue(&mut self, i: usize, s: &Range<usize>) -> Option<usize> {
        if let Some((cue_end, claim_at, gender, lemma)) = self.pronoun_preposition_at(i) {
            return self.pronoun_preposition(i, cue_end, claim_at, gender, lemma, s);
        }
        let (cue_tokens, source_at, strip, lemma) = self.preposition_at(i)?;
        let mut np = self.noun_phrase(source_at, s.end, strip)?;
        // `حسب ما جاء في التقرير السنوي للهيئة`، `بحسب بيان للجيش`
        if (source_at > 0 && self.key(source_at - 1) == "في")
            || np.source_type == SourceType::Document
        {
            np = self.with_owner(np, s);
        }
        let prefix = usize::from(self.key(i).starts_with('و') && !self.key(i).starts_with("وف"));
        let cue = self.cue_span(i, prefix).start..self.tokens[cue_tokens.end - 1].range.end;
        let form = preposition_form(lemma);
        // `بحسب مصدر أمني وشهود عيان، …`: a second speaker shares the link
        let co = self.co_speaker(&np, s);
        let after = co.as_ref().map_or(np.tokens.end, |c| c.tokens.end);
        let first_link = self.out.attributions.len();
        // Leading: `وبحسب المصادر، فإن …` — the claim follows the source.
        let leading = (s.start..i).all(|k| !self.is_word(k) || self.key(k) == "و");
        if leading {
            self.leading_preposition(Speaker::Phrase(&np), after, s, cue, &form)?;
        } else if let Some(content) = self.content_after_inner_cue(i, after, s) {
            // `وسيقوم النادي، بحسب ما أعلن الموقع، بتكريم …`: the cue interrupts the content;
            // the claim is the part after it (guidelines §12)
            let source = self.add_source(&np);
            if self.glued_preposition(content.start) && !self.is_verbal_noun(content.start) {
                self.glued_starts.push(content.start);
            }
            let claim = self.add_claim(content)?;
            self.attribute(claim, Some(source), cue, &form, Template::Preposition, None);
        } else {
            self.trailing_preposition(i, &np, s, cue, &form)?;
        }
        if let Some(second) = &co {
            self.share_links(first_link, second);
        }
        Some(cue_tokens.end)
    }

    /// `وبحسبه، فإن …`، `ووفقا لها، فإن …`: a leading prepositional cue whose source is a
    /// pronoun written on it (or on the ل after it) at token `i`: the token after the cue
    /// words, where what follows them starts, the pronoun's gender and the cue's lemma. A
    /// pronoun is no mention (guidelines §3.4): the speaker it points back to is the source.
    fn pronoun_preposition_at(&self, i: usize) -> Option<(usize, usize, Gender, &'static str)> {
        let full = self.key(i);
        // this runs at every word, and most begin no cue (a cue's word begins `full` or
        // `full` after و/ف, or is it)
        if !may_carry_pronoun_cue(full) {
            return None;
        }
        let key = full.strip_prefix(['و', 'ف']).filter(|rest| {
            PREPOSITION_CUES
                .iter()
                .any(|c| c.words.len() == 1 && rest.starts_with(c.words[0].as_str()))
        });
        let key = key.unwrap_or(full);
        let gender_of = |suffix: &str| match suffix {
            "ه" => Some(Gender::Masculine),
            "ها" => Some(Gender::Feminine),
            "هم" | "هما" => Some(Gender::Plural),
            _ => None,
        };
        PREPOSITION_CUES.iter().find_map(|cue| {
            let [word] = cue.words.as_slice() else {
                return None;
            };
            if cue.follows.contains(&Follow::Source) {
                let gender = gender_of(key.strip_prefix(word.as_str())?)?;
                return Some((i + 1, i + 1, gender, cue.lemma));
            }
            let lam = cue.follows.contains(&Follow::Lam) && (key == word || full == word);
            let gender = gender_of(self.key(i + 1).strip_prefix('ل')?)?;
            lam.then_some((i + 1, i + 2, gender, cue.lemma))
        })
    }

    /// The link of a leading cue with a pronoun source ([`Self::pronoun_preposition_at`]).
    fn pronoun_preposition(
        &mut self,
        i: usize,
        cue_end: usize,
        claim_at: usize,
        gender: Gender,
        lemma: &'static str,
        s: &Range<usize>,
    ) -> Option<usize> {
        let full = self.key(i);
        // `…، وبحسبها فإن …`: a new clause after a comma leads too
        let leading = (s.start..i).all(|k| !self.is_word(k))
            || (i > s.start && self.is_comma(i - 1) && full.starts_with('و'));
        if !leading {
            return None;
        }
        let prefix = usize::from(
            full.starts_with(['و', 'ف']) && !PREPOSITION_CUES.iter().any(|c| c.words[0] == full),
        );
        let cue = self.cue_span(i, prefix).start..self.tokens[cue_end - 1].range.end;
        let form = preposition_form(lemma);
        self.leading_preposition(Speaker::Pronoun(gender), claim_at, s, cue, &form)?;
        Some(claim_at)
    }

    /// `بحسب المصادر، فإن CLAIM`: the claim follows the source.
    fn leading_preposition(
        &mut self,
        speaker: Speaker,
        after: usize,
        s: &Range<usize>,
        cue: Range<usize>,
        form: &CueForm,
    ) -> Option<()> {
        let mut start = after;
        // `بحسب تقرير نشرته صحيفة الحياة فإن …`: the channel is no part of the claim
        if let Some(fa) = (start..s.end.min(start + 8))
            .take_while(|&k| self.is_word(k) && !self.is_claimed(k))
            .find(|&k| in_set(&FA_INNA, self.key(k)))
        {
            start = fa;
        }
        while start < s.end && (self.is_comma(start) || in_set(&FA_INNA, self.key(start))) {
            start += 1;
        }
        let end = self.claim_end(start, s);
        if start >= end {
            return None;
        }
        let source = match speaker {
            Speaker::Phrase(np) => self.add_source(np),
            Speaker::Pronoun(gender) => self.resolve_pro_drop(gender)?,
        };
        let claim = self.add_claim(start..end)?;
        self.attribute(claim, Some(source), cue, form, Template::Preposition, None);
        Some(())
    }

    /// A cue phrase inside the content (`وسيقوم النادي بحسب ما أعلن الموقع بتكريم …`): the
    /// tokens of what follows the source when a short clause opening (five words at most)
    /// stands before the cue and what follows opens with a verbal noun (bare or after ب/ل)
    /// or a complementiser.
    fn content_after_inner_cue(
        &self,
        i: usize,
        after: usize,
        s: &Range<usize>,
    ) -> Option<Range<usize>> {
        let opening = (s.start..i).filter(|&k| self.is_word(k)).count();
        let mut start = after;
        while start < s.end && self.is_comma(start) {
            start += 1;
        }
        let key = self.key(start);
        let opens_content = self.is_verbal_noun(start)
            || in_set(&COMPLEMENTIZERS, key)
            || key
                .strip_prefix(['ب', 'ل'])
                .is_some_and(|rest| rest.chars().count() >= 4 && is_masdar_like(rest));
        if opening > 5 || opening == 0 || !opens_content {
            return None;
        }
        let start = start + usize::from(in_set(&COMPLEMENTIZERS, key));
        let end = self.claim_end(start, s);
        ((start..end).filter(|&k| self.is_word(k)).count() >= 3).then_some(start..end)
    }

    /// The claim of a trailing cue with none before it: the clause from the sentence start to
    /// `before`, without a leading `إن` or `و`; none when a cue verb stands in it (`وذكرت
    /// الوكالة بحسب …` is a verb's frame).
    fn clause_before(&mut self, before: usize, s: &Range<usize>) -> Option<(usize, QuoteType)> {
        if (s.start..before).any(|k| {
            self.is_word(k) && cue_form(self.key(k)).is_some_and(|(f, _)| f.form != Form::Noun)
        }) {
            return None;
        }
        let mut start = s.start;
        while start < before
            && (!self.is_word(start)
                || in_set(&COMPLEMENTIZERS, self.key(start))
                || self.key(start) == "و")
        {
            start += 1;
        }
        self.add_claim(start..before)
    }

    /// `CLAIM، بحسب SOURCE` with the cue at token `i`. Reuses a claim that ends right before
    /// the cue, and marks the attributions already on it as relayed through this source.
    fn trailing_preposition(
        &mut self,
        i: usize,
        np: &NounPhrase,
        s: &Range<usize>,
        cue: Range<usize>,
        form: &CueForm,
    ) -> Option<()> {
        let before = if i > s.start && self.is_comma(i - 1) {
            i - 1
        } else {
            i
        };
        let claim_before = self
            .claimed
            .iter()
            .rev()
            .find(|(r, _)| r.end == before)
            .map(|(_, c)| *c);
        // `وكان المجلس قد دعا الحكومة إلى …، حسبما نقلت الوكالة`: a call is no claim, and its
        // caller no source (guidelines §5.1)
        let call = (s.start..before).take(8).any(|k| {
            let key = self.key(k);
            in_set(&CALL_VERBS, key)
                || key
                    .strip_prefix(['و', 'ف'])
                    .is_some_and(|rest| in_set(&CALL_VERBS, rest))
        });
        if claim_before.is_none() && call {
            return None;
        }
        let source = self.add_source(np);
        let claim = match claim_before {
            Some(c) => (c, self.out.claims[c].quote_type),
            None => self.clause_before(before, s)?,
        };
        let outer = self.attribute(claim, Some(source), cue, form, Template::Preposition, None);
        for a in 0..outer {
            if self.out.attributions[a].claim == claim.0
                && self.out.attributions[a].nested_in.is_none()
            {
                self.out.attributions[a].nested_in = Some(outer);
            }
        }
        Some(())
    }
}

/// Who speaks through a leading prepositional cue.
enum Speaker<'n> {
    /// The noun phrase after the cue (`بحسب المصادر`).
    Phrase(&'n NounPhrase),
    /// A pronoun on the cue (`بحسبه`): the last speaker of that gender.
    Pronoun(Gender),
}

/// The cue form of a prepositional cue with dictionary form `lemma`: it asserts.
fn preposition_form(lemma: &'static str) -> CueForm {
    CueForm::plain_noun(lemma, CueType::Preposition)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_one_word_cue_with_a_pronoun_or_conjunction_passes_the_first_letters_filter() {
        let one_word: Vec<&str> = PREPOSITION_CUES
            .iter()
            .filter(|cue| cue.words.len() == 1)
            .map(|cue| cue.words[0].as_str())
            .collect();
        assert!(one_word.len() >= 5, "{one_word:?}");
        for word in one_word {
            for conjunction in ["", "و", "ف"] {
                for pronoun in ["", "ه", "ها", "هم", "هما"] {
                    let key = format!("{conjunction}{word}{pronoun}");
                    assert!(may_carry_pronoun_cue(&key), "{key}");
                }
            }
        }
        // words that begin no cue, with and without a conjunction
        for key in ["قال", "وقال", "فاكد", "الوزير", "بيان", "ولها", "و", ""]
        {
            assert!(!may_carry_pronoun_cue(key), "{key}");
        }
    }
}
