//! Verb and noun cue templates: VSO, SVO, pro-drop, participle, passive, relay, quotation,
//! postposed quotation, and cue nouns.

use std::ops::Range;

use super::lexicon::{CueForm, Form, Gender, cue_form};
use super::parser::{NounPhrase, ParagraphParser};
use super::phrase::noun_gender;
use super::words::*;
use super::{Stance, Template};
use crate::annotate::model::{QuoteType, SourceType};

impl ParagraphParser<'_> {
    /// A cue verb (or cue noun) at token `i` of sentence `s`: the attributions it makes, and
    /// the token after the last claim it took. With `nested`, the verb is inside a claim and
    /// only counts with a complement clause.
    pub(super) fn verb_cue(&mut self, i: usize, s: &Range<usize>, nested: bool) -> Option<usize> {
        let verb = self.verb_at(i, s)?;
        let form = verb.form;
        // `ومن المتوقع أن يعلن الرئيس …`، `لن يعلن`: a report not yet made has no content
        let before = if i > s.start { self.key(i - 1) } else { "" };
        let not_yet = in_set(&NOT_YET, before)
            || before
                .strip_prefix(['و', 'ف'])
                .is_some_and(|rest| in_set(&NOT_YET, rest));
        if form.form == Form::Present && not_yet {
            return None;
        }
        let mut j = i + 1;
        // `وأكد لهم المحافظ`، `وقال لنا أحد السكان`: whom the speaker told, as a pronoun;
        // `بيانا أكدت فيه اعتقال …`، `الذي أكد فيه الوزير …`: "in which", before the subject
        // or the object
        while j < s.end
            && (in_set(&ADVERBS, self.key(j))
                || is_pronoun_addressee(self.key(j))
                || (j == i + 1 && matches!(self.key(j), "فيه" | "فيها")))
        {
            j += 1;
        }
        if form.form == Form::Noun {
            return self.noun_cue(i, j, s, &form, verb.cue);
        }
        let (subject, j) = self.subject_after(&verb, i, j, s)?;
        // `وهذا ما أكده المستشار فلان، حيث قال …`: who the relative clause says spoke speaks
        // next
        if verb.after_relative
            && !verb.object_pronoun
            && let Some(np) = self.noun_phrase(j, s.end, false)
        {
            self.add_latent(&np);
        }
        if form.speaker_only {
            // `تحدثت مصادر عن مقتل خمسة …`: spoke of an event, whose report is the claim
            let mut after = subject.as_ref().map_or(j, |np| np.tokens.end);
            while after < s.end
                && (self.is_comma(after)
                    || in_set(&ADVERBS, self.key(after))
                    || in_set(&TIME_STARTS, self.key(after)))
            {
                after += 1;
            }
            if self.key(after) == "عن" && in_set(&OBJECT_NOUNS, self.key(after + 1)) {
                let mut told = verb;
                told.form.speaker_only = false;
                told.form.object_claim = true;
                told.form.object_preposition = Some("عن");
                return self.verb_report(&told, subject, j, s, nested);
            }
            if let Some(np) = &subject {
                self.add_latent(np);
            }
            return None;
        }
        self.verb_report(&verb, subject, j, s, nested)
    }

    /// What the verb reports once its subject (`subject`, else the verb's governed words start
    /// at `j`) is known: its claims, linked to the subject and a second speaker joined to it by
    /// و, to a relayed source, or to the source [`Self::verb_source`] finds.
    fn verb_report(
        &mut self,
        verb: &VerbCue,
        subject: Option<NounPhrase>,
        j: usize,
        s: &Range<usize>,
        nested: bool,
    ) -> Option<usize> {
        let form = verb.form;
        let co = subject.as_ref().and_then(|np| self.co_speaker(np, s));
        let (after_subject, relay) = match (&subject, &co) {
            (Some(_), Some(second)) => (second.tokens.end, None),
            (Some(np), None) => self.relayed_source(np, &form, s),
            (None, _) => (j, None),
        };
        // `لكن الشركة نفت ذلك`، `وهو ما أكده مسؤول`: a stance on the claim before
        if !nested && let Some(end) = self.pointing_report(verb, subject.as_ref(), after_subject, s)
        {
            return Some(end);
        }
        // `وتعتبر هذه النسبة مؤشرا …`: the writer's own comment, no report (`نفت ذلك` points
        // back, above)
        if subject
            .as_ref()
            .is_some_and(|np| self.demonstrative_thing(np))
        {
            return None;
        }
        let form = self.homograph_form(verb, subject.as_ref(), after_subject, s);
        let complement = self.find_complement(after_subject, s, &form);
        if nested && complement.is_none() {
            return None;
        }
        if self.bare_homograph(verb, &form) && !self.opens_clause_complement(complement) {
            return None;
        }
        let postposable = subject.is_some() && verb.prefix == 0 && relay.is_none();
        let (claims, postposed) = self.verb_claims(verb, s, after_subject, complement, postposable);
        if claims.is_empty() {
            if let Some(np) = &subject
                && !form.needs_adjacent_complement
            {
                self.add_latent(np);
            }
            return None;
        }
        if let Some((outer, inner)) = relay {
            return Some(self.attribute_relayed(verb, claims, outer, inner));
        }
        // `نسب` reports only through `إلى` (`نسب البطالة` are rates)
        if form.relay_to {
            return None;
        }
        let quotation_only = complement.is_none() && !form.object_claim;
        let first_link = self.out.attributions.len();
        let last =
            self.attribute_verb(verb, subject.as_ref(), s, claims, quotation_only, postposed);
        if let Some(second) = &co {
            self.share_links(first_link, second);
        }
        last
    }

    /// The subject after the verb at `i` (VSO) starting at token `j`, unless the verb is a
    /// participle, a passive or the subject stands before it; and the token where what the
    /// verb governs starts. `None` when a verb carrying its object pronoun has no subject.
    fn subject_after(
        &self,
        verb: &VerbCue,
        i: usize,
        mut j: usize,
        s: &Range<usize>,
    ) -> Option<(Option<NounPhrase>, usize)> {
        let form = verb.form;
        // `وجاء في البيان أن …`: the document is the speaker; `جاء فيه` is the isnad rules'
        // (its document is a hand), anything else is no report
        if form.in_document {
            if self.key(j) != "في" {
                return None;
            }
            let np = self.with_owner(self.noun_phrase(j + 1, s.end, false)?, s);
            let end = np.tokens.end;
            return Some((Some(np), end));
        }
        // Explicit subject after the verb (VSO), unless the verb is a participle.
        // A verb before its subject stays singular: after `أعلنوا`, `يقولون` the noun is the
        // object (`وأعلنوا أمس الإضراب عن العمل`), the speaker an earlier one.
        let plural =
            form.gender == Gender::Plural && matches!(form.form, Form::Past | Form::Present);
        let takes_subject = (!verb.after_relative || verb.object_pronoun) && !plural;
        let mut subject = (!verb.passive && form.form != Form::Participle && takes_subject)
            .then(|| {
                self.noun_phrase(j, s.end, false)
                    .or_else(|| self.quoted_subject(j, &form, s))
            })
            .flatten();
        if subject
            .as_ref()
            .is_some_and(|np| self.told_or_object(np, i))
        {
            subject = None;
        }
        if subject.is_none() && !self.reports_without_subject_after(verb, s) {
            return None;
        }
        // `أوكامبو أبلغ الأمم المتحدة بأن …`: with its subject before it, the noun after the
        // verb is whom the speaker told
        if form.addressee
            && let Some(np) = &subject
            && self.subject_before(i, verb.prefix, s).is_some()
        {
            j = np.tokens.end;
            subject = None;
        }
        // `واعتبر الحوار مع موسكو أمرا ضروريا`: a past verb of predicate whose first noun is no
        // speaker has that noun as its object, its subject an earlier speaker
        if subject
            .as_ref()
            .is_some_and(|np| self.object_of_predicate(np, &form))
        {
            subject = None;
        }
        if let Some(np) = &mut subject {
            self.fit_subject(np, &form, s);
        }
        if subject.is_some() && self.object_after_fronted_subject(verb, j, s) {
            subject = None;
        }
        Some((subject, j))
    }

    /// The verb's form once its subject is known: `وبيّن المدرب في ختام حديثه أن …`, a
    /// homograph opening its clause with a speaker after it is the verb, and an occasion may
    /// stand before its complement.
    fn homograph_form(
        &self,
        verb: &VerbCue,
        subject: Option<&NounPhrase>,
        after_subject: usize,
        s: &Range<usize>,
    ) -> CueForm {
        let mut form = verb.form;
        if form.needs_adjacent_complement
            && (verb.prefix > 0 || verb.at == s.start)
            && subject.is_some_and(|np| {
                let head = self.key(np.tokens.start);
                np.name_at.is_some() || is_speaker_head(head) || is_definite(head)
            })
            && self.starts_occasion(after_subject)
        {
            form.needs_adjacent_complement = false;
        }
        form
    }

    /// `المفاوضات بين البلدين "تتقدم"`، `اشتباكات، بين الجيش والمسلحين`: a homograph of a
    /// common word (`بين` "between") written without و/ف reports only with a complement clause,
    /// not a quotation after the words it took for its subject nor a clause before it.
    fn bare_homograph(&self, verb: &VerbCue, form: &CueForm) -> bool {
        form.needs_adjacent_complement && verb.prefix == 0 && form.form != Form::Participle
    }

    /// Whether `complement` is there and opens after `أن`/`إن` or a colon.
    fn opens_clause_complement(&self, complement: Option<usize>) -> bool {
        complement.is_some_and(|c| {
            !self.tokens[c.saturating_sub(1)].quoted
                && (in_set(&COMPLEMENTIZERS, self.key(c.saturating_sub(1)))
                    || self.is_punct(c.saturating_sub(1), ':'))
        })
    }

    /// Whether the noun phrase after the verb at `i` is no subject: `أكدت للسفير أن …`, a word
    /// opening with ل and the article, is whom one told; after "in which" (`بيانا أكدت فيه
    /// اعتقال …`) a verbal noun or a noun that names no speaker is the object.
    fn told_or_object(&self, np: &NounPhrase, i: usize) -> bool {
        self.key(np.tokens.start).starts_with("لل")
            || (matches!(self.key(i + 1), "فيه" | "فيها")
                && (self.is_verbal_noun(np.tokens.start)
                    || (np.name_at.is_none() && np.source_type == SourceType::Unknown)))
    }

    /// Whether a verb with no subject after it still reports: not when it carries its object
    /// pronoun (`ما أكده`), unless it is a verb of telling with its subject before it (`إن
    /// السفير أبلغه أن …`).
    fn reports_without_subject_after(&self, verb: &VerbCue, s: &Range<usize>) -> bool {
        !verb.object_pronoun
            || (verb.form.addressee
                && !verb.after_relative
                && self.subject_before(verb.at, verb.prefix, s).is_some())
    }

    /// `واعتبر الحوار أمرا ضروريا`: the noun after a past verb of predicate is its object
    /// when it is no speaker and no second definite noun follows it (`واعتبرت المعارضة
    /// الانتخابات مزورة` has subject and object).
    fn object_of_predicate(&self, np: &NounPhrase, form: &CueForm) -> bool {
        let two = (np.tokens.start + 1..np.tokens.end + 1).any(|k| {
            let key = self.key(k);
            is_definite(key)
                && !is_nisba(key)
                && !is_elative(key)
                && !in_set(&SOURCE_ADJECTIVES, key)
        });
        form.predicate
            && form.form == Form::Past
            && !is_speaker_head(self.key(np.tokens.start))
            && !two
    }

    /// `نقلت «الأنباء» عن …`، `وذكرت "الخبر" أن …`: a name of one to five words in quotation
    /// marks right after the verb, before what it governs (a complement, a colon, `عن` or `من`
    /// of a relay, ل of an addressee): the subject, with its marks.
    fn quoted_subject(&self, j: usize, form: &CueForm, s: &Range<usize>) -> Option<NounPhrase> {
        let close = self.tokens.get(j)?.pair.filter(|&c| c > j && c < s.end)?;
        let words = (j + 1..close).filter(|&k| self.is_word(k)).count();
        // `وأضاف “عادل”، خلال مداخلة هاتفية، أن …`: an occasion or a comma before what the
        // verb governs
        let governed = match self.interjection_at(close + 1, s) {
            Some(comma) => comma + 1,
            None => close + 1 + usize::from(self.is_comma(close + 1)),
        };
        let next = self.key(close + 1);
        let governs = in_set(&COMPLEMENTIZERS, self.key(governed))
            || (self.is_comma(close + 1) && self.find_complement(close + 1, s, form).is_some())
            || self.is_punct(close + 1, ':')
            || (form.relay && matches!(next, "عن" | "من"))
            || (next.starts_with('ل') && self.is_addressee(close + 1));
        // a name, not a word of a sentence (`قال "لا"`)
        let first = (j + 1..close).find(|&k| self.is_word(k))?;
        let named = !self.is_stop(self.key(first)) && cue_form(self.key(first)).is_none();
        ((1..=5).contains(&words) && governs && named).then_some(NounPhrase {
            tokens: j..close + 1,
            name_at: None,
            source_type: if form.relay {
                SourceType::MediaOutlet
            } else {
                SourceType::Unknown
            },
            gender: form.gender,
        })
    }

    /// The subject after the verb cut before the verb's object and widened over a name
    /// between commas and a document's owner.
    fn fit_subject(&self, np: &mut NounPhrase, form: &CueForm, s: &Range<usize>) {
        // `أقر الوزير بحدوث …`: a word carrying the verb's one-letter preposition is its
        // object, not a name after the title
        if let Some(k) = np.name_at
            && k > np.tokens.start
            && self.object_with_preposition(form, k)
        {
            np.tokens.end = k;
            np.name_at = None;
        }
        self.end_before_object(np, form, s);
        self.name_apposition(np, s);
        // `قال بيان للوزارة إن …`: a document's owner is inside its span
        if np.source_type == SourceType::Document {
            self.take_owner(np, s);
        }
    }

    /// `ودحض الخبير المزاعم بأن …`، `واتهم الزعيم الحكومة بتزوير …`، `أعلن الجيش السيطرة على
    /// …`: the subject after the verb ends before a stance frame, before the accused when a
    /// charge follows (the accused is the first definite noun after a definite one that is no
    /// adjective), and before a definite verbal noun after a definite word when the verb's
    /// object is its claim (a definite genitive of a definite head is rare; an object is not).
    fn end_before_object(&self, np: &mut NounPhrase, form: &CueForm, s: &Range<usize>) {
        let object = (np.tokens.start + 1..np.tokens.end).find(|&k| {
            let key = self.key(k);
            let after_definite = is_definite(self.key(k - 1));
            (form.object_claim
                && form.object_preposition.is_none_or(|p| p.chars().count() > 1)
                && after_definite
                && is_definite(key)
                && !is_nisba(key)
                && is_masdar_like(key))
                // `اعتبر الوزير القرار خاطئا`: the object after a definite speaker (not an
                // elative: `يعتبر المشروع الأكبر` is "is considered the largest")
                || (form.predicate
                    && after_definite
                    && is_definite(key)
                    && !is_nisba(key)
                    && !is_elative(key)
                    && !in_set(&SOURCE_ADJECTIVES, key))
                // `وأبلغ مسؤولون رويترز أن …`: an outlet told
                || (form.addressee && in_set(&OUTLETS, key))
                // `وأبلغ الوزير الصحفيين أن …`: whom the speaker told, people after a definite
                // subject
                || (form.addressee
                    && after_definite
                    && is_definite(key)
                    && !is_nisba(key)
                    && (bare(key).ends_with("ين") || is_speaker_head(key)))
                // `أكد الأطباء تحسن حالة المريض`: not a name after the role, the object
                || (form.object_claim
                    && np.name_at == Some(k)
                    && is_object_masdar(key)
                    && !in_set(&SPEAKER_GIVEN_NAMES, key))
                || self.stance_frame_at(k, s).is_some()
                || (form.accuses
                    && is_definite(self.key(k))
                    && is_definite(self.key(k - 1))
                    && !is_nisba(self.key(k))
                    && self.charge_follows(k, s, form.blames_only))
        });
        if let Some(k) = object {
            np.tokens.end = k;
            np.name_at = np.name_at.filter(|&n| n < k);
        }
    }

    /// `فلان يعترف بخطأ …`، `ناشط يصف الرسائل بـ…`: with its subject before the verb, what
    /// follows an imperfect verb at `j`, or a word carrying the verb's one-letter preposition,
    /// is its object; so is a verbal noun after a verb whose object is the claim (`وكانت
    /// الوزارة قد أعلنت رفع الأسعار`، `الشرطة أكدت وقوع انفجار`).
    fn object_after_fronted_subject(&self, verb: &VerbCue, j: usize, s: &Range<usize>) -> bool {
        let form = verb.form;
        let verbal_object = form.object_claim
            && (self.is_verbal_noun(j) || (self.is_word(j) && is_object_masdar(self.key(j))));
        (form.form == Form::Present || self.object_with_preposition(&form, j) || verbal_object)
            && self.subject_before(verb.at, verb.prefix, s).is_some()
    }

    /// A claim starting at token `k` with the verb's one-letter object preposition written on
    /// it (`رحب بالإفراج`) or with ل/ب after a reaction noun (`عن أسفها لسقوط`).
    fn object_with_preposition(&self, form: &CueForm, k: usize) -> bool {
        let one_letter = form
            .object_preposition
            .is_some_and(|p| p.chars().count() == 1 && self.key(k).starts_with(p));
        let after_reaction = k > 0 && in_set(&REACTION_NOUNS, self.key(k - 1));
        (one_letter || after_reaction) && self.glued_preposition(k)
    }

    /// The cue verb at token `i`, unless it is a verbal noun after `عدم`.
    pub(super) fn verb_at(&self, i: usize, s: &Range<usize>) -> Option<VerbCue> {
        // `الذي أكد فيه الوزير وجود …`: "in which", the relative is no object of the verb
        let after_relative = i > s.start
            && in_set(&RELATIVES, self.key(i - 1))
            && !matches!(self.key(i + 1), "فيه" | "فيها");
        let bare = cue_form(self.key(i));
        let object_pronoun = bare.is_none();
        // `ما أكده المستشار`: after a relative the verb may carry its object pronoun; a verb
        // of telling carries it anywhere (`وأبلغهم المدير أن …`)
        let (form, prefix) = bare
            .or_else(|| {
                PRONOUN_SUFFIXES
                    .iter()
                    .find_map(|p| self.key(i).strip_suffix(p.as_str()))
                    .filter(|stem| stem.chars().count() >= 3)
                    .and_then(cue_form)
                    .filter(|(f, _)| after_relative || f.addressee)
            })
            .or_else(|| told_me(self.key(i)))?;
        // `طلب عدم ذكر اسمه`: a verbal noun after عدم names no report (its object is no source)
        if i > s.start && prefix == 0 && self.key(i - 1) == "عدم" {
            return None;
        }
        // `مصدر، رفض الكشف عن هويته، إن …`، `تحدث شريطة عدم نشر اسمه`: a clause withholding
        // the speaker's name describes him and reports nothing (not `قال مصدر دون الكشف عن
        // اسمه إن`, where a speaker stands between)
        if let Some((_, withholds)) = self.withheld_name_clause(i, s)
            && withholds <= i + 2
            && (i + 1..withholds).all(|k| head_type(super::words::bare(self.key(k))).is_none())
        {
            return None;
        }
        // `مقره`، `مقرها` "its seat" fold like the participle `مقرة`: a feminine participle
        // is read only when written with ة
        if form.form == Form::Participle && self.key(i).ends_with('ه') && !self.tokens[i].ta_marbuta
        {
            return None;
        }
        // `لافتات كتب عليها «…»`: `كتب` with `عليه/عليها` is the passive "was written on it"
        if form.lemma == "كتب" && self.key(i + 1).starts_with("علي") {
            return None;
        }
        // `أحد السكان، ويدعى سامي، إن …`: `يدعى` "is called" has the letters of `يدعي` "claims";
        // after a comma it claims only before its complement
        if form.lemma == "ادعى"
            && form.form == Form::Present
            && i > s.start
            && self.is_comma(i - 1)
            && !in_set(&COMPLEMENTIZERS, self.key(i + 1))
            && !self.is_punct(i + 1, ':')
        {
            return None;
        }
        Some(VerbCue {
            at: i,
            prefix,
            form,
            cue: self.cue_span(i, prefix),
            // a form that is passive without harakat (`قيل`, `أفيد`); a damma written on a
            // past verb is not read: the same text without harakat must give the same spans
            passive: form.form == Form::Passive,
            // `التي تعلن عنها` and `ما ذكرت`: a relative clause about saying, not a report.
            after_relative,
            object_pronoun,
        })
    }

    /// Each claim linked to the verb's source (see [`Self::verb_source`]) under the template
    /// that found it; the token after the last claim. `None` when there is no source to link.
    fn attribute_verb(
        &mut self,
        verb: &VerbCue,
        subject: Option<&NounPhrase>,
        s: &Range<usize>,
        claims: Vec<Range<usize>>,
        quotation_only: bool,
        postposed: bool,
    ) -> Option<usize> {
        let (source, template) = self.verb_source(verb, subject, s)?;
        let template = if postposed {
            Template::Postposed
        } else if quotation_only && template == Template::Vso {
            Template::Quotation
        } else {
            template
        };
        if let Some(first) = claims.iter().map(|r| r.start).min()
            && first > verb.at
        {
            self.frames.push(verb.at + 1..first);
        }
        let mut last = verb.at + 1;
        for r in claims {
            last = last.max(r.end);
            if self.object_with_preposition(&verb.form, r.start) {
                self.glued_starts.push(r.start);
            }
            // `أكدت الشرطة صحة الأنباء عن …`: the frame before the claim may set the stance
            let mut form = verb.form;
            // `لم تستبعد الوزارة أن …`: a doubt denied leaves the claim possible, asserted;
            // so does a denial not made (`لم ينف الوزير أن …`)
            if matches!(form.stance, Stance::Doubts | Stance::Denies)
                && verb.at > s.start
                && (is_negation(self.key(verb.at - 1))
                    || matches!(self.key(verb.at - 1), "لا" | "ولا"))
            {
                form.stance = Stance::Asserts;
            }
            let framed = (verb.at + 1..r.start).find_map(|k| {
                self.stance_frame_at(k, s)
                    .filter(|(at, _, _)| *at == r.start)
            });
            if let Some((_, glued, stance)) = framed {
                if glued {
                    self.glued_starts.push(r.start);
                }
                if let Some(stance) = stance
                    && form.stance == Stance::Asserts
                {
                    form.stance = stance;
                }
            }
            if let Some(claim) = self.add_claim(r.clone()) {
                self.attribute(claim, source, verb.cue.clone(), &form, template, None);
                if claim.1 != QuoteType::Indirect {
                    self.quoted_denials(r, source, &verb.form, template);
                }
            }
        }
        Some(last)
    }

    /// After the subject `np`: the token where the rest of the clause starts and, for
    /// `نقلت الوكالة عن مسؤول …` (an outlet relaying an inner source), the outer and inner
    /// sources, both added.
    fn relayed_source(
        &mut self,
        np: &NounPhrase,
        form: &CueForm,
        s: &Range<usize>,
    ) -> (usize, Option<(usize, usize)>) {
        let mut after_subject = np.tokens.end;
        let from = if form.relay_from {
            "من"
        } else if form.relay_to {
            "الي"
        } else {
            "عن"
        };
        // `وعلمت القناة، مساء اليوم، من مسؤول …`: a time between the outlet and its source
        let mut at = after_subject;
        while at < s.end
            && (self.is_comma(at)
                || in_set(&ADVERBS, self.key(at))
                || in_set(&TIME_STARTS, self.key(at)))
        {
            at += 1;
        }
        if !form.relay || self.key(at) != from {
            return (after_subject, None);
        }
        let outer = self.add_source(np);
        let Some(inner) = self.noun_phrase(at + 1, s.end, false) else {
            return (after_subject, None);
        };
        after_subject = inner.tokens.end;
        let inner_source = self.add_source(&inner);
        if in_set(&SAYING_NOUNS, self.key(after_subject)) {
            after_subject += 1;
        }
        (after_subject, Some((outer, inner_source)))
    }

    /// The token ranges of what the verb's source said: the complement clause, the object of a
    /// cue like `أعلن`, the quotations after it, or (when `postposable`) a quotation opening
    /// the sentence before the verb (`«…»، قال الوزير`; then the flag is `true`).
    fn verb_claims(
        &self,
        verb: &VerbCue,
        s: &Range<usize>,
        after_subject: usize,
        complement: Option<usize>,
        postposable: bool,
    ) -> (Vec<Range<usize>>, bool) {
        // `نفى ترشحه، كما أن …`: a verbal noun right after the verb is its object, not a
        // complement clause past a comma
        let complement = complement.filter(|&c| {
            !(verb.form.object_claim
                && !verb.after_relative
                && self.is_verbal_noun(after_subject)
                && (after_subject..c).any(|k| self.is_comma(k)))
        });
        let claim_tokens = match complement {
            Some(start) => Some(start..self.claim_end(start, s)),
            None if verb.form.object_claim && !verb.after_relative => self
                .object_claim_start(&verb.form, after_subject, s)
                .map(|start| start..self.claim_end(start, s)),
            None => None,
        };
        let claims: Vec<Range<usize>> = match claim_tokens {
            Some(r) => vec![r],
            // `تتداول مجموعات خبرا منسوبا إلى "…"`: a verb that takes only a framed report says
            // no quotation after it
            None if !verb.after_relative && !verb.form.needs_frame => {
                self.quotations_after(after_subject, s)
            }
            None => Vec::new(),
        };
        // `«…»، قال الوزير`: nothing follows the speaker, the quotation opening the sentence is
        // what they said.
        if claims.is_empty()
            && postposable
            && let Some(quote) = self.quotation_before(verb.at, s)
        {
            return (vec![quote], true);
        }
        // `الوفد سيصل غدا، قال مصدر دبلوماسي.`: the clause before the comma, unquoted
        if claims.is_empty()
            && postposable
            && let Some(clause) = self.said_clause_before(verb.at, after_subject, s)
        {
            return (vec![clause], true);
        }
        (claims, false)
    }

    /// Where the object claim of a verb like `أعلن`, `نفى` or `اتهم` starts: after a stance
    /// frame (`نفى التقارير عن …`), at the accused when the charge follows (`اتهم فلان بـ…`), or
    /// at the object. A verb that needs a frame (`رفض`) takes nothing else.
    fn object_claim_start(&self, form: &CueForm, from: usize, s: &Range<usize>) -> Option<usize> {
        let mut k = from;
        while k < s.end && (self.is_comma(k) || in_set(&ADVERBS, self.key(k))) {
            k += 1;
        }
        k += self.manner_phrase_len(k, s);
        // `نفت الوزارة جميع الشائعات التي …`: all of the reports the frame names
        let all = matches!(self.key(k), "جميع" | "كل") && k + 1 < s.end;
        if let Some((start, _, _)) = self
            .stance_frame_at(k, s)
            .or_else(|| all.then(|| self.stance_frame_at(k + 1, s)).flatten())
            .or_else(|| self.frame_after_place(k, s))
        {
            return Some(start);
        }
        // `أبدى رغبته في أن …`: a wish, no claim
        if form.needs_frame || in_set(&WISH_NOUNS, self.key(k)) {
            return None;
        }
        // `اعتبر الوزير القرار خاطئا`: the object and its predicate, whatever they are
        if form.predicate {
            let plain = self.is_word(k) && !self.tokens[k].quoted && !self.is_stop(self.key(k));
            return plain.then_some(k);
        }
        if form.accuses {
            // `ولم تتهم الشركة أحدا بـ…` accuses nobody
            let negated = (from.saturating_sub(8)..from).any(|m| is_negation(self.key(m)));
            let accused =
                self.is_word(k) && !negated && !self.is_stop(self.key(k)) && !self.tokens[k].quoted;
            return (accused && self.charge_follows(k, s, form.blames_only)).then_some(k);
        }
        self.object_start(from, s, form)
    }

    /// `تداولت صفحات على مواقع التواصل خبرا عن …`، `نفى الوزير في مؤتمر صحفي الأنباء عن …`: a
    /// place or occasion opened by a preposition at `k`, then a stance frame within six words,
    /// with no comma, complement or other cue before it.
    fn frame_after_place(
        &self,
        k: usize,
        s: &Range<usize>,
    ) -> Option<(usize, bool, Option<Stance>)> {
        if k >= s.end || !in_set(&PREPOSITIONS, self.key(k)) {
            return None;
        }
        (k + 1..s.end.min(k + 7))
            .take_while(|&m| {
                self.is_word(m)
                    && !in_set(&COMPLEMENTIZERS, self.key(m))
                    && cue_form(self.key(m)).is_none()
            })
            .find_map(|m| self.stance_frame_at(m, s))
    }

    /// Each claim attributed to the relaying outlet (`outer`) and, nested in that, to the
    /// source it relays (`inner`). Returns the token after the last claim.
    fn attribute_relayed(
        &mut self,
        verb: &VerbCue,
        claims: Vec<Range<usize>>,
        outer: usize,
        inner: usize,
    ) -> usize {
        let mut last = verb.at + 1;
        for r in claims {
            last = last.max(r.end);
            if let Some(claim) = self.add_claim(r) {
                let cue = verb.cue.clone();
                // `علمت الصحيفة من مصادر أن …`، `نسبت الصحيفة إلى الوزير قوله إن …`: the outlet
                // is a hand only, no speaker of its own (the isnad rules merge `نقلت X عن Y`
                // themselves)
                if verb.form.relay_from || verb.form.relay_to {
                    self.attribute(claim, Some(inner), cue, &verb.form, Template::Relay, None);
                    continue;
                }
                let outer_at = self.attribute(
                    claim,
                    Some(outer),
                    cue.clone(),
                    &verb.form,
                    Template::Vso,
                    None,
                );
                self.attribute(
                    claim,
                    Some(inner),
                    cue,
                    &verb.form,
                    Template::Relay,
                    Some(outer_at),
                );
            }
        }
        last
    }

    /// The source of a verb without a relay and the template that found it: the subject after
    /// the verb (VSO), none (passive), a subject before it (SVO), or an earlier speaker
    /// (pro-drop, participle). `None` when a subjectless cue has nobody to point back to: then
    /// it is no attribution.
    pub(super) fn verb_source(
        &mut self,
        verb: &VerbCue,
        subject: Option<&NounPhrase>,
        s: &Range<usize>,
    ) -> Option<(Option<usize>, Template)> {
        if let Some(np) = subject {
            return Some((Some(self.add_source(np)), Template::Vso));
        }
        if self.in_quotation {
            return self
                .subject_before(verb.at, verb.prefix, s)
                .map(|svo| (Some(self.add_source(&svo)), Template::Svo));
        }
        if verb.passive {
            return Some((None, Template::Passive));
        }
        let template = if verb.form.form == Form::Participle {
            Template::Participle
        } else {
            Template::ProDrop
        };
        if let Some(np) = self.opening_subject(verb, s) {
            return Some((Some(self.add_source(&np)), template));
        }
        if self.impersonal(verb, s) {
            return Some((None, Template::Passive));
        }
        if let Some(svo) = self
            .subject_before(verb.at, verb.prefix, s)
            .or_else(|| self.sign_before(verb, s))
        {
            // `هذا يؤكد على …`: the writer's own comment
            if self.demonstrative_thing(&svo) {
                return None;
            }
            return Some((Some(self.add_source(&svo)), Template::Svo));
        }
        let Some(source) = self.resolve_pro_drop(verb.form.gender) else {
            // `وأُعلن عن …`، `ذُكر أن …` without harakat: nobody to point back to, so the
            // passive, a claim without a source (guidelines §5.4)
            return self
                .unvoiced_passive(verb)
                .then_some((None, Template::Passive));
        };
        Some((Some(source), template))
    }

    /// `الأمطار التي يتوقع أن تؤدي …`، `كان يعتقد أن …`: a masculine imperfect verb of belief
    /// or expectation with `أن` right after it, after a relative that cannot be its subject
    /// (`التي`) or after `كان` with no speaker before it, is impersonal (`يُتوقع`، `كان يُعتقد`):
    /// the claim has no source (guidelines §5.4), it is no earlier speaker's.
    fn impersonal(&self, verb: &VerbCue, s: &Range<usize>) -> bool {
        let form = verb.form;
        if form.form != Form::Present
            || form.gender != Gender::Masculine
            || !matches!(form.stance, Stance::Believes | Stance::Predicts)
            || verb.prefix > 0
            || verb.at <= s.start
            || !in_set(&COMPLEMENTIZERS, self.key(verb.at + 1))
        {
            return false;
        }
        let kana = verb.at - 1;
        match self.key(kana) {
            "التي" | "اللتي" | "اللاتي" | "اللواتي" => true,
            "كان" | "وكان" => {
                // `إنه كان يتوقع`، `الوزير كان يتوقع`: he was expecting
                let pronoun = kana > s.start && in_set(&PRONOUN_PARTICLES, self.key(kana - 1));
                let speaker = (kana.saturating_sub(6).max(s.start)..kana).any(|start| {
                    self.noun_phrase(start, kana, false).is_some_and(|np| {
                        np.tokens.end == kana
                            && (np.name_at.is_some() || np.source_type != SourceType::Unknown)
                    })
                });
                !pronoun && !speaker
            }
            _ => false,
        }
    }

    /// `وزع المحتجون منشورات تقول إن …`، `علقوا ملصقا يؤكد أن …`: an indefinite document or
    /// sign right before an imperfect verb that agrees with it is what says it (the verb opens
    /// a clause describing it). Not before `فيه`: `أصدرت بيانا تقول فيه` is its publisher's.
    fn sign_before(&self, verb: &VerbCue, s: &Range<usize>) -> Option<NounPhrase> {
        if verb.prefix > 0
            || verb.form.form != Form::Present
            || matches!(self.key(verb.at + 1), "فيه" | "فيها")
        {
            return None;
        }
        let agrees = |head: &str| noun_gender(head) == verb.form.gender;
        let before = verb.at.checked_sub(1).filter(|&k| k >= s.start)?;
        let key = self.key(before);
        // an accusative sign (`ملصقا`) is a one-word phrase
        if let Some(stem) = key.strip_suffix('ا')
            && is_accusative_object(key)
            && head_type(stem) == Some(SourceType::Document)
        {
            return agrees(stem).then_some(NounPhrase {
                tokens: before..verb.at,
                name_at: None,
                source_type: SourceType::Document,
                gender: noun_gender(stem),
            });
        }
        (verb.at.saturating_sub(3).max(s.start)..verb.at).find_map(|k| {
            let np = self.noun_phrase(k, verb.at, false)?;
            (np.tokens.end == verb.at
                && np.source_type == SourceType::Document
                && !is_definite(self.key(k))
                && agrees(self.key(k)))
            .then_some(np)
        })
    }

    /// A masculine past form that is also a passive (`أعلن`، `ذكر`) with `أن`/`عن` right after
    /// it (a time word between allowed): no subject stands between them.
    fn unvoiced_passive(&self, verb: &VerbCue) -> bool {
        let mut k = verb.at + 1;
        while in_set(&ADVERBS, self.key(k)) {
            k += 1;
        }
        // `أعلنا` is "we announced"
        verb.form.passive_past
            && !self.key(verb.at).ends_with('ا')
            && verb.form.form == Form::Past
            && verb.form.gender == Gender::Masculine
            && (in_set(&COMPLEMENTIZERS, self.key(k)) || self.key(k) == "عن")
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
        // `قول علماء إن …`: a complement clause, else the object (`إعلان الوزارة رفع …`)
        let start = if in_set(&COMPLEMENTIZERS, self.key(np.tokens.end)) {
            np.tokens.end + 1
        } else {
            self.object_start(np.tokens.end, s, form)?
        };
        let end = self.claim_end(start, s);
        let source = self.add_source(&np);
        let claim = self.add_claim(start..end)?;
        self.attribute(claim, Some(source), cue, form, Template::Noun, None);
        Some(end.max(i + 1))
    }
}

/// A cue verb found at a token, with what its form and harakat say.
pub(super) struct VerbCue {
    /// Token index of the verb.
    pub(super) at: usize,
    /// Letters of a و/ف prefix before it.
    pub(super) prefix: usize,
    pub(super) form: CueForm,
    /// Byte range of the cue word without its prefix.
    pub(super) cue: Range<usize>,
    passive: bool,
    /// Follows a relative (`التي تعلن عنها`): about saying, not a report.
    pub(super) after_relative: bool,
    /// Carries its object pronoun after a relative (`الأمر الذي اعتبره العلماء دليلا على أن …`):
    /// a report by the subject after it, and only with one.
    object_pronoun: bool,
}

/// `«المبعوث أبلغني أن …»`: a past verb of telling with "me", in a quotation.
fn told_me(key: &str) -> Option<(CueForm, usize)> {
    key.strip_suffix("ني")
        .filter(|stem| stem.chars().count() >= 3)
        .and_then(cue_form)
        .filter(|(f, _)| f.addressee && f.form == Form::Past)
}

/// `الأكبر`، `الأعنف`، `الأطول`: a definite elative (ال + أ + three letters), an adjective.
fn is_elative(key: &str) -> bool {
    key.strip_prefix("الا")
        .is_some_and(|rest| rest.chars().count() == 3)
}
