//! Prepositional cue templates: `بحسب`, `وفقاً لـ`, `نقلاً عن`, `استناداً إلى`, `على لسان`,
//! leading (`بحسب المصادر، فإن …`) and trailing (`CLAIM، بحسب SOURCE`).

use std::ops::Range;

use super::lexicon::{CueForm, Form, Gender, cue_form};
use super::parser::{NounPhrase, ParagraphParser};
use super::words::*;
use super::{CueType, Stance, Template};

impl ParagraphParser<'_> {
    /// If a prepositional cue starts at `i`, the token range of the cue words and the token
    /// where the source starts (and whether its head carries a ل to strip).
    pub(super) fn preposition_at(
        &self,
        i: usize,
    ) -> Option<(Range<usize>, usize, bool, &'static str)> {
        let full = self.key(i);
        // `وفقاً` begins with و; `وبحسب` has a conjunction.
        let key = if matches!(full, "وفقا" | "وفق") {
            full
        } else {
            full.strip_prefix('و')
                .filter(|r| r.chars().count() >= 3)
                .unwrap_or(full)
        };
        match key {
            "بحسب" | "حسب" | "وفق" => {
                // `بحسب ما أفادت الوكالة`, `حسب ما ذكرته الوزارة`
                if self.key(i + 1) == "ما"
                    && let Some(verb_end) = self.reporting_verb_at(i + 2)
                {
                    return Some((i..verb_end, verb_end, false, "بحسب"));
                }
                Some((i..i + 1, i + 1, false, "بحسب"))
            }
            "وفقا" | "طبقا" => {
                let next = self.key(i + 1);
                // `وفقاً لما ذكرته الوزارة`, `وفقاً لما أفادت به مصادر`
                let verb_at = match next {
                    "لما" => Some(i + 2),
                    "ل" if self.key(i + 2) == "ما" => Some(i + 3),
                    _ => None,
                };
                if let Some(verb_end) = verb_at.and_then(|v| self.reporting_verb_at(v)) {
                    Some((i..verb_end, verb_end, false, "وفقاً لـ"))
                } else if next == "ل" {
                    Some((i..i + 2, i + 2, false, "وفقاً لـ"))
                } else if next.starts_with('ل') {
                    Some((i..i + 1, i + 1, true, "وفقاً لـ"))
                } else {
                    None
                }
            }
            "نقلا" if self.key(i + 1) == "عن" => Some((i..i + 2, i + 2, false, "نقلاً عن")),
            "استنادا" if matches!(self.key(i + 1), "الي" | "الى") => {
                Some((i..i + 2, i + 2, false, "استناداً إلى"))
            }
            "علي" if self.key(i + 1) == "لسان" => Some((i..i + 2, i + 2, false, "على لسان")),
            _ => None,
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
        Some(if self.key(v + 1) == "به" {
            v + 2
        } else {
            v + 1
        })
    }

    pub(super) fn starts_preposition_cue(&self, i: usize) -> bool {
        self.preposition_at(i).is_some()
    }

    /// A prepositional cue at token `i` of sentence `s`: the attribution it makes and the
    /// token after the cue words.
    pub(super) fn preposition_cue(&mut self, i: usize, s: &Range<usize>) -> Option<usize> {
        let (cue_tokens, source_at, strip, lemma) = self.preposition_at(i)?;
        let np = self.noun_phrase(source_at, s.end, strip)?;
        let prefix = usize::from(self.key(i).starts_with('و') && !self.key(i).starts_with("وف"));
        let cue = self.cue_span(i, prefix).start..self.tokens[cue_tokens.end - 1].range.end;
        let form = CueForm {
            lemma,
            form: Form::Noun,
            gender: Gender::Masculine,
            stance: Stance::Asserts,
            cue_type: CueType::Preposition,
            distancing: false,
            object_claim: false,
            object_preposition: None,
            masdar_object: false,
            addressee: false,
            needs_adjacent_complement: false,
            relay: false,
            speaker_only: false,
        };
        // Leading: `وبحسب المصادر، فإن …` — the claim follows the source.
        let leading = (s.start..i).all(|k| !self.is_word(k) || self.key(k) == "و");
        if leading {
            self.leading_preposition(&np, s, cue, &form)?;
        } else {
            self.trailing_preposition(i, &np, s, cue, &form)?;
        }
        Some(cue_tokens.end)
    }

    /// `بحسب المصادر، فإن CLAIM`: the claim follows the source.
    fn leading_preposition(
        &mut self,
        np: &NounPhrase,
        s: &Range<usize>,
        cue: Range<usize>,
        form: &CueForm,
    ) -> Option<()> {
        let mut start = np.tokens.end;
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
        let source = self.add_source(np);
        let claim = self.add_claim(start..end)?;
        self.attribute(claim, Some(source), cue, form, Template::Preposition, None);
        Some(())
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
        let source = self.add_source(np);
        let claim_before = self
            .claimed
            .iter()
            .rev()
            .find(|(r, _)| r.end == before)
            .map(|(_, c)| *c);
        let claim = match claim_before {
            Some(c) => (c, self.out.claims[c].quote_type),
            None => {
                // `وذكرت الوكالة بحسب …`: a verb's frame, not a claim
                if (s.start..before).any(|k| {
                    self.is_word(k)
                        && cue_form(self.key(k)).is_some_and(|(f, _)| f.form != Form::Noun)
                }) {
                    return None;
                }
                // The clause from the sentence start, without a leading `إن` or `و`.
                let mut start = s.start;
                while start < before
                    && (!self.is_word(start)
                        || in_set(&COMPLEMENTIZERS, self.key(start))
                        || self.key(start) == "و")
                {
                    start += 1;
                }
                self.add_claim(start..before)?
            }
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
