//! Verb and noun cue templates: VSO, SVO, pro-drop, participle, passive, relay, quotation,
//! postposed quotation, and cue nouns.

use std::ops::Range;

use super::Template;
use super::lexicon::{CueForm, Form, PASSIVE_ONLY, cue_form};
use super::parser::{NounPhrase, ParagraphParser};
use super::words::*;
use crate::text::normalize::normalize_str as fold_str;

impl ParagraphParser<'_> {
    pub(super) fn verb_cue(&mut self, i: usize, s: &Range<usize>, nested: bool) -> Option<usize> {
        let (form, prefix) = cue_form(self.key(i))?;
        if form.form == Form::Present && prefix == 0 && matches!(self.key(i), "يذكر" | "يشار")
        {
            return None;
        }
        // `التي تعلن عنها` and `ما ذكرت`: a relative clause about saying, not a report.
        let after_relative = i > s.start && in_set(&RELATIVES, self.key(i - 1));
        let cue = self.cue_span(i, prefix);
        let unprefixed: String = self.key(i).chars().skip(prefix).collect();
        let passive = PASSIVE_ONLY.iter().any(|p| fold_str(p) == unprefixed)
            || form.form == Form::Passive
            || (form.form == Form::Past && self.tokens[i].damma_first);
        let mut j = i + 1;
        while j < s.end && in_set(&ADVERBS, self.key(j)) {
            j += 1;
        }
        if form.form == Form::Noun {
            return self.noun_cue(i, j, s, &form, cue);
        }
        // Explicit subject after the verb (VSO), unless the verb is a participle.
        let mut subject: Option<NounPhrase> = None;
        if !passive && form.form != Form::Participle && !after_relative {
            subject = self.noun_phrase(j, s.end, false);
        }
        if form.speaker_only {
            if let Some(np) = &subject {
                self.add_latent(np);
            }
            return None;
        }
        let mut source: Option<usize> = None;
        let mut template = Template::Vso;
        let mut after_subject = j;
        let mut relay_outer: Option<(usize, usize)> = None;
        if let Some(np) = &subject {
            after_subject = np.tokens.end;
            // `نقلت الوكالة عن مسؤول …`: the outlet relays an inner source.
            if form.relay && self.key(after_subject) == "عن" {
                let outer = self.add_source(np);
                if let Some(inner) = self.noun_phrase(after_subject + 1, s.end, false) {
                    after_subject = inner.tokens.end;
                    let inner_source = self.add_source(&inner);
                    relay_outer = Some((outer, inner_source));
                    if matches!(self.key(after_subject), "قوله" | "قولها" | "قولهم") {
                        after_subject += 1;
                    }
                }
            }
        }
        let complement = self.find_complement(after_subject, s, &form);
        if nested && complement.is_none() {
            return None;
        }
        let claim_tokens = match complement {
            Some(start) => Some(start..self.claim_end(start, s)),
            None if form.object_claim && !after_relative => self
                .object_start(after_subject, s, &form)
                .map(|start| start..self.claim_end(start, s)),
            None => None,
        };
        let mut claim_ranges: Vec<Range<usize>> = match claim_tokens {
            Some(r) => vec![r],
            None if !after_relative => self.quotations_after(after_subject, s),
            None => Vec::new(),
        };
        // `«…»، قال الوزير`: nothing follows the speaker, the quotation opening the sentence is
        // what they said.
        let mut postposed = false;
        if claim_ranges.is_empty()
            && subject.is_some()
            && prefix == 0
            && relay_outer.is_none()
            && let Some(quote) = self.quotation_before(i, s)
        {
            claim_ranges.push(quote);
            postposed = true;
        }
        if claim_ranges.is_empty() {
            if let Some(np) = &subject
                && !form.needs_adjacent_complement
            {
                self.add_latent(np);
            }
            return None;
        }
        if let Some((outer, inner)) = relay_outer {
            let mut last = i + 1;
            for r in claim_ranges {
                last = last.max(r.end);
                if let Some(claim) = self.add_claim(r) {
                    let outer_at =
                        self.attribute(claim, Some(outer), cue.clone(), &form, Template::Vso, None);
                    self.attribute(
                        claim,
                        Some(inner),
                        cue.clone(),
                        &form,
                        Template::Relay,
                        Some(outer_at),
                    );
                }
            }
            return Some(last);
        }
        if let Some(np) = &subject {
            source = Some(self.add_source(np));
        } else if passive {
            template = Template::Passive;
        } else if let Some(svo) = self.subject_before(i, prefix, s) {
            template = Template::Svo;
            source = Some(self.add_source(&svo));
        } else {
            template = if form.form == Form::Participle {
                Template::Participle
            } else {
                Template::ProDrop
            };
            source = self.resolve_pro_drop(form.gender);
            // A subjectless cue with nobody to point back to is not an attribution.
            source?;
        }
        let quotation_only = complement.is_none() && !form.object_claim;
        let mut last = i + 1;
        for r in claim_ranges {
            last = last.max(r.end);
            if let Some(claim) = self.add_claim(r) {
                let t = if postposed {
                    Template::Postposed
                } else if quotation_only && template == Template::Vso {
                    Template::Quotation
                } else {
                    template
                };
                self.attribute(claim, source, cue.clone(), &form, t, None);
            }
        }
        Some(last)
    }

    pub(super) fn noun_cue(
        &mut self,
        i: usize,
        j: usize,
        s: &Range<usize>,
        form: &CueForm,
        cue: Range<usize>,
    ) -> Option<usize> {
        let np = self.noun_phrase(j, s.end, false)?;
        let start = self.object_start(np.tokens.end, s, form)?;
        let end = self.claim_end(start, s);
        let source = self.add_source(&np);
        let claim = self.add_claim(start..end)?;
        self.attribute(claim, Some(source), cue, form, Template::Noun, None);
        Some(end.max(i + 1))
    }
}
