//! Stances beyond a cue verb's own claim (docs/attribution-guidelines.md §6.3): a denying,
//! doubting or confirming verb whose object points back (`لكن الشركة نفت ذلك`، `شككوا في هذا
//! الأمر`، `وهو ما أكده مسؤول`) links the claim made before it to its own speaker, and a
//! speaker who says in a quotation that he did not say something (`« لم أقل إن … »`) denies it.
//! Also a subjectless report after a comma or "in which" (`، مشيرا إلى أن …`، `بيانا أكدت فيه
//! …`) in a sentence opened by a verb that reports nothing, whose speaker is that verb's subject.

use std::ops::Range;
use std::sync::LazyLock;

use super::lexicon::{CueForm, Form, Gender, cue_form};
use super::parser::{Antecedent, NounPhrase, ParagraphParser};
use super::tokens::Kind;
use super::verb::VerbCue;
use super::words::*;
use super::{Stance, Template};
use crate::annotate::model::SourceType;
use crate::extract::wordlists as lists;
use crate::text::normalize::normalize_str as fold_str;

/// The phrases of `cue-anaphor-phrases.txt`, folded, the longest first.
static ANAPHORS: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
    let mut phrases: Vec<Vec<String>> = lists::entries(lists::CUE_ANAPHOR_PHRASES)
        .map(|p| p.split_whitespace().map(fold_str).collect())
        .collect();
    phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
    phrases
});

/// `أقل`، `نصرح`: first-person jussives of saying that deny after `لم`.
static NEGATED_SAYINGS: LazyLock<WordSet> = LazyLock::new(|| set(lists::CUE_NEGATED_SAYINGS));

/// Every word of [`ANAPHORS`], for a quick look before parsing.
static ANAPHOR_WORDS: LazyLock<std::collections::HashSet<String>> =
    LazyLock::new(|| ANAPHORS.iter().flatten().cloned().collect());

/// The words before a relative that make `ما أكده` point back (`وهو ما`، `وهذا ما`).
const POINTING: [&str; 5] = ["هو", "هي", "هذا", "هذه", "ذلك"];

/// The stance a verb takes on a claim it points back to: its own when it denies or doubts;
/// a verb of confirming (`أكد`، `أيد`) confirms; anything else takes none.
fn stance_on_earlier(form: &CueForm) -> Option<Stance> {
    match form.stance {
        Stance::Denies | Stance::Doubts | Stance::Confirms => Some(form.stance),
        _ if matches!(form.lemma, "أكد" | "أيد") => Some(Stance::Confirms),
        _ => None,
    }
}

impl ParagraphParser<'_> {
    /// A phrase of [`ANAPHORS`] at token `k` (after a `في` or `صحة`), ending its clause: the
    /// token after it.
    pub(super) fn anaphor_at(&self, k: usize, s: &Range<usize>) -> Option<usize> {
        let k = k + usize::from(matches!(self.key(k), "في" | "صحه"));
        ANAPHORS.iter().find_map(|words| {
            let end = k + words.len();
            let matches = end <= s.end
                && words
                    .iter()
                    .enumerate()
                    .all(|(m, w)| self.is_word(k + m) && self.key(k + m) == w);
            let closes = end >= s.end || !self.is_word(end);
            (matches && closes).then_some(end)
        })
    }

    /// `وهو ما أكده …`: the verb at `at` follows a relative after a pointing word.
    fn points_back_through_relative(&self, at: usize, s: &Range<usize>) -> bool {
        at >= s.start + 2
            && in_set(&RELATIVES, self.key(at - 1))
            && POINTING.contains(
                &self
                    .key(at - 2)
                    .strip_prefix('و')
                    .unwrap_or(self.key(at - 2)),
            )
    }

    /// Whether a report pointing back starts within a few words after the comma at `j`
    /// (`…، لكن خبراء آخرين شككوا في هذا الأمر`، `…، وهو ما أكده …`): the claim before ends
    /// at the comma.
    pub(super) fn pointing_report_after(&self, j: usize, s: &Range<usize>) -> bool {
        // cheap first: no pointing word or relative in reach, no such report
        let reach = j + 1..s.end.min(j + 13);
        if !reach.clone().any(|k| {
            let key = self.key(k);
            in_set(&RELATIVES, key) || ANAPHOR_WORDS.contains(key)
        }) {
            return false;
        }
        (j + 1..s.end.min(j + 9)).any(|c| {
            self.is_word(c)
                && self.verb_at(c, s).is_some_and(|verb| {
                    stance_on_earlier(&verb.form).is_some()
                        && verb.form.form != Form::Noun
                        && (self.points_back_through_relative(c, s)
                            || self.anaphor_at(c + 1, s).is_some()
                            || self
                                .noun_phrase(c + 1, s.end, false)
                                .is_some_and(|np| self.anaphor_at(np.tokens.end, s).is_some()))
                })
        })
    }

    /// The verb's link to the claim made before it when its object points back (at
    /// `after_subject`) or it follows `وهو ما`; the token after the anaphor.
    pub(super) fn pointing_report(
        &mut self,
        verb: &VerbCue,
        subject: Option<&NounPhrase>,
        after_subject: usize,
        s: &Range<usize>,
    ) -> Option<usize> {
        let stance = stance_on_earlier(&verb.form)?;
        let mut subject = subject;
        let end = if verb.after_relative {
            self.points_back_through_relative(verb.at, s)
                .then_some(after_subject)?
        } else if let Some(end) = self.anaphor_at(after_subject, s) {
            end
        } else {
            // `لكن الشركة نفت ذلك`: what the verb read as its subject points back
            let end = self.anaphor_at(verb.at + 1, s)?;
            subject = None;
            end
        };
        let (claim_tokens, claim) = self
            .claimed
            .iter()
            .filter(|(r, _)| r.end <= verb.at)
            .max_by_key(|(r, _)| (r.end, std::cmp::Reverse(r.start)))
            .cloned()?;
        let (source, template) = self.verb_source(verb, subject, s)?;
        let mut form = verb.form;
        form.stance = stance;
        let quote_type = self.out.claims[claim].quote_type;
        self.frames.push(verb.at + 1..end);
        self.attribute(
            (claim, quote_type),
            source,
            verb.cue.clone(),
            &form,
            template,
            None,
        );
        Some(end.max(claim_tokens.end))
    }

    /// `« أنا لم أقل إن النبي إرهابي. … »`: inside the quotation `quote` (tokens) that
    /// `source` said, `لم` + a first-person verb of saying + a complementiser denies what
    /// follows, up to the quotation's next full stop.
    pub(super) fn quoted_denials(
        &mut self,
        quote: Range<usize>,
        source: Option<usize>,
        form: &CueForm,
        template: Template,
    ) {
        let Some(open) = (quote.start..quote.end).find(|&k| self.tokens[k].pair.is_some()) else {
            return;
        };
        let close = self.tokens[open].pair.unwrap_or(quote.end).min(quote.end);
        let mut k = open + 1;
        while k + 3 < close {
            let denies = is_negation(self.key(k))
                && in_set(&NEGATED_SAYINGS, self.key(k + 1))
                && in_set(&COMPLEMENTIZERS, self.key(k + 2));
            if !denies {
                k += 1;
                continue;
            }
            let start = k + 3;
            let end = (start..close)
                .find(|&e| matches!(self.tokens[e].kind, Kind::Punct('.' | '!' | '؟' | '?')))
                .unwrap_or(close);
            if let Some(claim) = self.add_claim(start..end) {
                let mut denial = *form;
                denial.stance = Stance::Denies;
                let cue = self.tokens[k + 1].range.clone();
                self.attribute(claim, source, cue, &denial, template, None);
            }
            k = end;
        }
    }

    /// The subject of a verb opening its clause, without the verb's object that the noun
    /// phrase ran into: a definite noun after a definite one or a name that is no adjective
    /// (`وتقصف الطائرات المدينة`، `استقبل الرئيس فلان الوفد`), an indefinite accusative
    /// (`قدمت الوزيرة عرضا`) or a word with ب (`طالبت النقابة برفع …`).
    fn without_object(&self, mut np: NounPhrase) -> NounPhrase {
        let object = (np.tokens.start + 1..np.tokens.end).find(|&k| {
            let key = self.key(k);
            // `أبو الغيط`، `عبد الله`: the article after a name particle is the name's
            let after_name =
                np.name_at.is_some_and(|n| n < k) && !in_set(&NAME_PARTICLES, self.key(k - 1));
            let definite_after = is_definite(key)
                && (is_definite(self.key(k - 1)) || after_name)
                && !is_nisba(key)
                && !in_set(&SOURCE_ADJECTIVES, key);
            let name = in_set(&SPEAKER_GIVEN_NAMES, key) || in_set(&NAME_PARTICLES, key);
            let accusative = !is_definite(key) && key.ends_with('ا') && key.chars().count() >= 4;
            let with_b = key.starts_with('ب') && key.chars().count() >= 4;
            definite_after || (!name && (accusative || with_b))
        });
        if let Some(object) = object {
            np.tokens.end = object;
            np.name_at = np.name_at.filter(|&n| n < object);
        }
        np
    }

    /// `ودعا أبو الغيط إلى …، مشيرا إلى أن …`، `ونشرت الشرطة بيانا أكدت فيه …`، `وأطلق
    /// المتمردون صاروخا …، قالوا إنه …`: a cue without a subject of its own, after a comma or
    /// with "in which" (`فيه`: the statement the clause made), in a sentence that opened with a
    /// verb reporting nothing is said by that verb's subject, when it is a speaker that agrees
    /// with the cue. Not once a speaker was named in the sentence: he is the latest antecedent.
    pub(super) fn opening_subject(&self, verb: &VerbCue, s: &Range<usize>) -> Option<NounPhrase> {
        if self.nested || self.in_quotation || verb.at < s.start + 3 {
            return None;
        }
        let in_it = matches!(self.key(verb.at + 1), "فيه" | "فيها");
        if !in_it && (verb.prefix > 0 || !self.is_comma(verb.at - 1)) {
            return None;
        }
        let sentence_start = self.tokens[s.start].range.start;
        let named_here = self.sources_here.iter().any(|a| match a {
            Antecedent::Source(i, _) => self.out.sources[*i].span.start >= sentence_start,
            Antecedent::Latent(source, _) => source.span.start >= sentence_start,
        });
        let opener = self.key(s.start);
        let stem = opener.strip_prefix(['و', 'ف']).unwrap_or(opener);
        let verb_like = self.is_word(s.start)
            && !self.tokens[s.start].quoted
            && stem.chars().count() >= 3
            && !is_definite(stem)
            && !self.is_stop(stem)
            && cue_form(opener).is_none()
            && !is_speaker_head(stem)
            && !in_set(&SPEAKER_GIVEN_NAMES, stem);
        if named_here || !verb_like {
            return None;
        }
        let np = self.without_object(self.noun_phrase(s.start + 1, verb.at, false)?);
        // `المتمردون`: a sound masculine plural names people
        let people = np.gender == Gender::Plural && self.key(np.tokens.start).ends_with("ون");
        let speaker = np.name_at.is_some() || np.source_type != SourceType::Unknown || people;
        let gender = verb.form.gender;
        let agrees =
            np.gender == gender || (gender == Gender::Masculine && np.gender == Gender::Plural);
        (speaker && agrees).then_some(np)
    }
}
