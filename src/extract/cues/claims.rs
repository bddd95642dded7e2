//! Claims: where the claim after a cue starts (a complement clause, a colon, a quotation, an
//! object) and ends, and its byte span and quote type.

use std::ops::Range;

use super::ClaimSuggestion;
use super::Stance;
use super::lexicon::{CueForm, Form, STANCE_FRAMES, cue_form};
use super::parser::ParagraphParser;
use super::tokens::Kind;
use super::words::*;
use crate::annotate::model::QuoteType;
use crate::text::normalize::normalize_str as fold_str;

impl ParagraphParser<'_> {
    /// Where a claim starting at token `start` ends (exclusive token index): the sentence end,
    /// or a comma followed by another cue (`، مشيراً`, `، وأوضحت`, `، بحسب`).
    pub(super) fn claim_end(&self, start: usize, s: &Range<usize>) -> usize {
        let mut j = start;
        while j < s.end {
            // a report inside a quotation ends where the quotation does
            if self.in_quotation && !self.tokens[j].quoted {
                return j;
            }
            if let Some(close) = self.tokens[j].pair
                && close > j
            {
                j = close + 1;
                continue;
            }
            if j > start && (self.starts_next_report(j, s) || self.writer_takes_over(j, s)) {
                return j;
            }
            if self.is_comma(j) && j + 1 < s.end {
                let k = self.key(j + 1);
                // `…، على حد قوله/تعبيره`: the speaker's own words end here; so do they before
                // `، وذلك خلال/في/عقب …`, the occasion the writer adds
                let occasion = k == "وذلك" && self.starts_occasion(j + 2);
                if self.starts_preposition_cue(j + 1)
                    || self.writer_takes_over(j + 1, s)
                    || (k == "علي" && self.key(j + 2) == "حد")
                    || occasion
                    || in_set(&CONTRAST_CONNECTIVES, k)
                    || self.pointing_report_after(j, s)
                {
                    return j;
                }
                // `، مشيراً`, `، وأوضحت`, `، مع أنه صرح`, `، كما أكد`.
                let mut c = j + 1;
                while c < s.end && c <= j + 3 && in_set(&CONNECTIVES, self.key(c)) {
                    c += 1;
                }
                if c < s.end && cue_form(self.key(c)).is_some_and(|(f, _)| f.form != Form::Noun) {
                    return j;
                }
            }
            j += 1;
        }
        s.end
    }

    /// A clause joined to a claim at `k` that the writer, not the source, speaks in: the claim
    /// goes on over joined clauses (`، وتم إخلاء السكان`، `ثم أحالته`) but ends before the source's
    /// next act (`، ودعا …`، `وطالبت …`), marked background (`، وكانت الوزارة قد …`، `، يذكر
    /// أن …`، `ويشار إلى أن …`), the occasion of speaking (`، ويأتي ذلك …`، `وجاءت تصريحاته
    /// خلال …`) or a clause of contrast or time beside it (`، في حين …`), guidelines §12.
    /// Without a comma, only a word with و written on it.
    fn writer_takes_over(&self, k: usize, s: &Range<usize>) -> bool {
        if k >= s.end || !self.is_word(k) {
            return false;
        }
        let key = self.key(k);
        let bare = key.strip_prefix('و').filter(|b| b.chars().count() >= 2);
        let after_comma = k > 0 && self.is_comma(k - 1);
        let Some(word) = bare.or(after_comma.then_some(key)) else {
            return false;
        };
        let next = if k + 1 < s.end { self.key(k + 1) } else { "" };
        if in_set(&CALL_VERBS, word) {
            return true;
        }
        // `…، في حين واصل العمال …`، `…، في وقت تتزايد فيه …`: a clause of contrast or time
        // set beside the content (2026-12-05 (d)); `في وقت لاحق` is a time of the content
        if word == "في" {
            return match next {
                "حين" => true,
                "وقت" => {
                    let after = if k + 2 < s.end { self.key(k + 2) } else { "" };
                    self.is_word(k + 2) && !in_set(&TIME_ADJECTIVES, after) && !is_definite(after)
                }
                _ => false,
            };
        }
        if matches!(word, "كان" | "كانت" | "كانوا") {
            // `، وكانت الوزارة قد أعلنت …`: the writer's background, within a few words
            return (k + 1..s.end.min(k + 8)).any(|m| self.is_word(m) && self.key(m) == "قد");
        }
        in_set(&WRITER_TAKEOVER_WORDS, word)
            && match word {
                "يذكر" | "يشار" => in_set(&COMPLEMENTIZERS, next) || next == "الي",
                "تجدر" | "الجدير" => next.starts_with("الاشار") || next == "بالذكر",
                _ => {
                    matches!(next, "ذلك" | "هذا" | "هذه")
                        || ["تصريح", "حديث", "كلام", "كلمت"]
                            .iter()
                            .any(|w| next.starts_with(w))
                }
            }
    }

    /// A preposition or time word at `k` that opens the occasion of a report (`خلال`، `في`،
    /// `عقب`، `صباح`).
    pub(super) fn starts_occasion(&self, k: usize) -> bool {
        let key = self.key(k);
        in_set(&PREPOSITIONS, key) || in_set(&TIME_STARTS, key) || matches!(key, "عقب" | "اثناء")
    }

    /// A new report starting at `j` without a comma: `… وقال: …`, `… وأضاف أن …` (a و-prefixed
    /// cue verb with its complement right after it), `… حيث أعلن …` (a clause opener and a cue
    /// verb).
    fn starts_next_report(&self, j: usize, s: &Range<usize>) -> bool {
        let is_cue_verb = |k: usize| {
            self.is_word(k)
                && cue_form(self.key(k))
                    .is_some_and(|(f, _)| f.form != Form::Noun && !f.needs_adjacent_complement)
        };
        if !self.is_word(j) {
            return false;
        }
        if in_set(&CLAUSE_OPENERS, self.key(j)) {
            return j + 1 < s.end && is_cue_verb(j + 1);
        }
        // `… وهو بذلك يستبعد أن …`: a pronoun opens a clause of its speaker's
        if matches!(self.key(j), "وهو" | "وهي" | "وهم") {
            return (j + 1..s.end.min(j + 4)).any(is_cue_verb);
        }
        let prefixed = cue_form(self.key(j)).is_some_and(|(_, prefix)| prefix == 1);
        // `… واعتبر الحوار أمرا ضروريا`: a verb of predicate with its object
        let predicate = cue_form(self.key(j))
            .is_some_and(|(f, _)| f.predicate && f.form == Form::Past)
            && is_definite(self.key(j + 1));
        prefixed
            && is_cue_verb(j)
            && j + 1 < s.end
            && (self.is_punct(j + 1, ':') || in_set(&COMPLEMENTIZERS, self.key(j + 1)) || predicate)
    }

    /// Byte span for claim tokens, without surrounding punctuation and, when the claim is one
    /// quotation, without its marks.
    pub(super) fn claim_span(&self, tokens: Range<usize>) -> Option<(Range<usize>, QuoteType)> {
        let mut a = tokens.start;
        let mut b = tokens.end;
        while a < b && matches!(self.tokens[a].kind, Kind::Punct(_)) {
            a += 1;
        }
        while a < b && matches!(self.tokens[b - 1].kind, Kind::Punct(_)) {
            b -= 1;
        }
        if a >= b {
            return None;
        }
        if let Some(span) = self.open_quotation(a, b) {
            return Some((span, QuoteType::Direct));
        }
        let whole_quote = matches!(self.tokens[a].kind, Kind::Quote(_))
            && self.tokens[a].pair == Some(b - 1)
            && b - a > 2;
        let words = (a..b).filter(|&i| self.is_word(i)).count();
        if words == 0 {
            return None;
        }
        let quoted_words = (a..b)
            .filter(|&i| self.is_word(i) && self.in_long_quote(i))
            .count();
        let quote_type = if whole_quote || quoted_words == words {
            QuoteType::Direct
        } else if quoted_words > 0 {
            QuoteType::Mixed
        } else {
            QuoteType::Indirect
        };
        // `لسقوط قتلى`: the preposition written on the object is no part of the claim
        let glued = self.glued_starts.contains(&a);
        let (mut a, mut b) = if whole_quote { (a + 1, b - 1) } else { (a, b) };
        // `«الوضع مستقر.»`: the quotation's own full stop is not part of the claim.
        while whole_quote && a < b && matches!(self.tokens[a].kind, Kind::Punct(_)) {
            a += 1;
        }
        while whole_quote && a < b && matches!(self.tokens[b - 1].kind, Kind::Punct(_)) {
            b -= 1;
        }
        let start = if (glued || self.conjunction_on_first_word(a)) && !whole_quote {
            self.cue_span(a, 1).start
        } else {
            self.tokens[a].range.start
        };
        Some((start..self.tokens[b - 1].range.end, quote_type))
    }

    /// A و written on the word at `a` that opens a claim (`وتراجعت الصادرات، وفقاً لـ…`): a
    /// conjunction, outside the claim (guidelines §2.3), when what follows it is a definite
    /// word, a particle or a verb in the imperfect, the feminine past or a derived past
    /// (`وارتفع`، `وانخفض`، `واستمر`; four to seven letters: `ويكيبيديا` is a name), and the
    /// word is no given name (`وليد`، `وائل`).
    fn conjunction_on_first_word(&self, a: usize) -> bool {
        let key = self.key(a);
        let Some(rest) = key.strip_prefix('و') else {
            return false;
        };
        let letters = rest.chars().count();
        self.is_word(a)
            && !in_set(&SPEAKER_GIVEN_NAMES, key)
            && (is_definite(rest)
                || in_set(&PARTICLES, rest)
                || cue_form(rest).is_some()
                || ((4..=7).contains(&letters)
                    && (rest.starts_with(['ي', 'ت', 'ن'])
                        || rest.ends_with('ت')
                        || is_derived_past(rest))))
    }

    /// Inside a quotation of at least three words (shorter quotes are names or terms).
    pub(super) fn in_long_quote(&self, i: usize) -> bool {
        if !self.tokens[i].quoted {
            return false;
        }
        let open = (0..i).rev().find(|&j| {
            matches!(self.tokens[j].kind, Kind::Quote(_))
                && self.tokens[j].pair.is_some_and(|c| c > i)
        });
        open.and_then(|o| self.tokens[o].pair.map(|c| (o, c)))
            .is_some_and(|(o, c)| (o + 1..c).filter(|&k| self.is_word(k)).count() >= 3)
    }

    pub(super) fn add_claim(&mut self, tokens: Range<usize>) -> Option<(usize, QuoteType)> {
        let (span, quote_type) = self.claim_span(tokens.clone())?;
        // a quotation running over the paragraph's end takes the rest of the paragraph
        let paragraph_end = self.tokens.last().map_or(0, |t| t.range.end);
        let tokens = if span.end > paragraph_end || self.opens_unclosed(tokens.start) {
            self.carry_quotation(tokens.start, span.end);
            tokens.start..self.tokens.len()
        } else {
            tokens
        };
        let index = match self.out.claims.iter().position(|c| c.span == span) {
            Some(existing) => existing,
            None => {
                self.out.claims.push(ClaimSuggestion { span, quote_type });
                self.out.claims.len() - 1
            }
        };
        self.claimed.push((tokens, index));
        Some((index, quote_type))
    }

    /// Looks for the complement clause after the cue's subject: `أن`/`إن`, a colon, or a
    /// long quotation, across short prepositional phrases (`عبر حسابه على منصة "تليجرام"`).
    /// Returns the token where the claim starts.
    pub(super) fn find_complement(
        &self,
        from: usize,
        s: &Range<usize>,
        form: &CueForm,
    ) -> Option<usize> {
        let mut j = from;
        let mut words = 0;
        while j < s.end && words <= 10 {
            let t = &self.tokens[j];
            if let Kind::Quote(_) = t.kind
                && let Some(close) = t.pair
                && close > j
            {
                let (said, inner_words) = self.quoted_complement(j, close, from, s);
                if said {
                    return Some(j);
                }
                words += inner_words;
                j = close + 1;
                continue;
            }
            if self.is_punct(j, ':') {
                // `قال: إن …` — the complementizer after the colon is not part of the claim.
                let after = j + 1;
                return Some(after + usize::from(in_set(&COMPLEMENTIZERS, self.key(after))));
            }
            if let Some(close) = self.interjection_at(j, s) {
                j = close;
                continue;
            }
            // `وأضاف المسؤول الذي تحدث شريطة عدم نشر اسمه أن …`: the clause says which speaker
            if let Some((last, _)) = self.withheld_name_clause(j, s) {
                j = last + 1;
                continue;
            }
            if t.kind == Kind::Word {
                let key = t.key;
                if in_set(&COMPLEMENTIZERS, key) {
                    if j > s.start && in_set(&NOT_COMPLEMENT_BEFORE, self.key(j - 1)) {
                        return None;
                    }
                    return Some(j + 1);
                }
                if form.needs_adjacent_complement && words >= 1 {
                    return None;
                }
                // `أعرب عن أمله في أن …`: a wish, no claim
                if in_set(&WISH_NOUNS, key) {
                    return None;
                }
                // another cue verb starts another report; a homograph of a common word (`بين`
                // "between") does not
                if j > from
                    && self.key(j - 1) != "عدم"
                    && cue_form(key)
                        .is_some_and(|(f, _)| f.form != Form::Noun && !f.needs_adjacent_complement)
                {
                    return None;
                }
                words += 1;
            }
            j += 1;
        }
        None
    }

    /// `، خلال مداخلة هاتفية مع الإعلامي … ببرنامج "…"، مساء الخميس، أن`: a comma opening an
    /// occasion (a preposition or a time word first) that a comma closes within twenty tokens,
    /// with no report or complement inside; the closing comma. It counts as no words between a
    /// cue and its complement.
    pub(super) fn interjection_at(&self, j: usize, s: &Range<usize>) -> Option<usize> {
        if !self.is_comma(j) {
            return None;
        }
        let first = self.key(j + 1);
        let unjoined = first.strip_prefix('و').unwrap_or(first);
        // `، ومقره لندن،`، `، الذي يتخذ من لندن مقرا له،`: a word about the speaker with its
        // pronoun, or a relative clause, describes him
        let describes = in_set(&RELATIVES, first)
            || (first.starts_with('و')
                && unjoined.chars().count() >= 4
                && (unjoined.ends_with('ه') && !self.tokens[j + 1].ta_marbuta
                    || unjoined.ends_with("ها")));
        // `، دون أن يذكر مصدر معلوماته،`، `، دون تأكيد أن …،`: what the speaker did not do
        // holds no report of his, whatever it says
        let without =
            matches!(unjoined, "دون" | "بدون") || (unjoined == "من" && self.key(j + 2) == "دون");
        let opens = in_set(&PREPOSITIONS, unjoined)
            || in_set(&TIME_STARTS, first)
            || in_set(&ADVERBS, first)
            || describes
            || without;
        if !opens {
            return None;
        }
        let mut k = j + 1;
        while k < s.end.min(j + 21) {
            if let Some(close) = self.tokens[k].pair
                && close > k
            {
                k = close + 1;
                continue;
            }
            if self.is_comma(k) {
                return Some(k);
            }
            let key = self.key(k);
            if without && !self.is_punct(k, ':') {
                k += 1;
                continue;
            }
            if in_set(&COMPLEMENTIZERS, key)
                || self.is_punct(k, ':')
                || (self.is_word(k)
                    && !(describes && k == j + 1)
                    && cue_form(key).is_some_and(|(f, _)| {
                        // `مقرا لها` in a describing clause is "seat", not "acknowledging"
                        f.form != Form::Noun && !(describes && f.form == Form::Participle)
                    }))
            {
                return None;
            }
            k += 1;
        }
        None
    }

    /// `، الذي رفض الكشف عن هويته،`، `طلب عدم ذكر اسمه`، `تحدث شريطة عدم نشر اسمه`: a clause
    /// starting at `at` (after a comma and a relative, if any) that reaches an identity word
    /// within eight words, past a word that withholds it, with no complement or quotation
    /// before it: the identity word's token and the first withholding word's. It describes the
    /// speaker (guidelines §3.2, §8): no verb in it is a report, and it stands between no cue
    /// and its complement.
    pub(super) fn withheld_name_clause(
        &self,
        at: usize,
        s: &Range<usize>,
    ) -> Option<(usize, usize)> {
        let mut k = at;
        if self.is_comma(k) {
            k += 1;
        }
        if in_set(&RELATIVES, self.key(k)) {
            k += 1;
        }
        let mut withheld = None;
        let mut words = 0;
        while k < s.end && words < 8 {
            if !self.is_word(k) || self.tokens[k].quoted {
                return None;
            }
            let key = self.key(k);
            if in_set(&COMPLEMENTIZERS, key) {
                return None;
            }
            if in_set(&IDENTITY_WORDS, key) {
                return withheld.map(|w| (k, w));
            }
            let withholds = in_set(&WITHHOLDING_WORDS, key)
                || key
                    .strip_prefix(['و', 'ف'])
                    .is_some_and(|rest| in_set(&WITHHOLDING_WORDS, rest));
            if withholds && withheld.is_none() {
                withheld = Some(k);
            }
            words += 1;
            k += 1;
        }
        None
    }

    /// A quotation from `open` to `close` met while looking for the complement after `from`:
    /// whether it is what the speaker said (three words or more, right after the speaker or a
    /// comma or colon), and its word count.
    fn quoted_complement(
        &self,
        open: usize,
        close: usize,
        from: usize,
        s: &Range<usize>,
    ) -> (bool, usize) {
        let inner_words = (open + 1..close).filter(|&k| self.is_word(k)).count();
        // A quotation right after the speaker is what they said; one further on
        // (`أكد على أهمية "حرية الفكر والتعبير"`) is part of something else.
        let adjacent = open == from
            || (open > s.start && (self.is_comma(open - 1) || self.is_punct(open - 1, ':')));
        (inner_words >= 3 && adjacent, inner_words)
    }

    /// For cues whose object is the claim (`أعلن انتهاء …`, `كشف عن …`): the token where the
    /// object starts, skipping `، السبت،` and a leading `عن`.
    /// The token after what stands between a verb (or its subject) at `from` and its object:
    /// an occasion or a time between commas, a time, a comma before a verbal noun.
    fn skip_to_object(&self, from: usize, s: &Range<usize>, form: &CueForm) -> usize {
        let mut j = from;
        loop {
            if j < s.end
                && self.is_comma(j)
                && j + 2 < s.end
                && in_set(&ADVERBS, self.key(j + 1))
                && self.is_comma(j + 2)
            {
                j += 3;
            } else if let Some(close) = self.interjection_at(j, s) {
                // `أكدت الوزارة، في بيان سابق، عدم وجود …`: an occasion between commas
                j = close + 1;
            } else if j < s.end && self.is_comma(j) && self.object_masdar_at(j + 1, form) {
                // `توقع محللون، تراجع التضخم`: a verbal noun after a comma is the object; a
                // noun is no object there (`كشف فلان، الخبير الاقتصادي، …` describes him)
                j += 1;
            } else if let manner @ 1.. = self.manner_phrase_len(j, s) {
                // `نفت الوزارة بشكل قاطع وجود …`: the manner of saying before the object
                j += manner;
            } else if j < s.end && (in_set(&ADVERBS, self.key(j)) || self.is_time_word(j)) {
                // `أفادت الوكالة اليوم الجمعة بسقوط …`: a time before the object
                j += 1;
            } else if j + 1 < s.end
                && self.is_comma(j)
                && (in_set(&ADVERBS, self.key(j + 1)) || self.is_time_word(j + 1))
            {
                // `أفاد المرصد، اليوم الأحد بمقتل …`: a time opened by a comma left unclosed
                j += 1;
            } else {
                break;
            }
        }
        j
    }

    /// Tokens of a manner phrase at `k` between a cue verb (and its subject) and its object:
    /// `بشكل قاطع`، `وبشكل قاطع`، `بصورة قاطعة`، `جملة وتفصيلا`; 0 when there is none.
    pub(super) fn manner_phrase_len(&self, k: usize, s: &Range<usize>) -> usize {
        if k + 1 >= s.end || !self.is_word(k) || !self.is_word(k + 1) {
            return 0;
        }
        let key = self.key(k);
        let key = key
            .strip_prefix('و')
            .filter(|b| b.starts_with('ب'))
            .unwrap_or(key);
        let manner =
            matches!(key, "بشكل" | "بصوره") || (key == "جمله" && self.key(k + 1) == "وتفصيلا");
        if manner { 2 } else { 0 }
    }

    pub(super) fn object_start(
        &self,
        from: usize,
        s: &Range<usize>,
        form: &CueForm,
    ) -> Option<usize> {
        let mut j = self.skip_to_object(from, s, form);
        let preposition = form.object_preposition.map(fold_str);
        // `وأفاد عن وقوع أضرار`: a verb whose object takes ب reports with عن too, before a
        // verbal noun
        if preposition.as_deref() == Some("ب")
            && self.key(j) == "عن"
            && (self.is_verbal_noun(j + 1) || is_object_masdar(self.key(j + 1)))
        {
            return Some(j + 1);
        }
        let separate = j < s.end && preposition.as_deref() == Some(self.key(j));
        if separate {
            j += 1;
        }
        // `أعربت عن أسفها لسقوط قتلى`: the fact reacted to is the claim
        if j < s.end && in_set(&REACTION_NOUNS, self.key(j)) {
            return self.reaction_fact(j + 1, s);
        }
        // `المختصة بالحماية`، `للبرمجيات`: a word with a preposition and the article written on
        // it is rather a prepositional phrase than the object of a verb whose preposition it
        // is not: the verbal noun after the verb's preposition further on comes first
        let glued = preposition
            .as_deref()
            .is_some_and(|p| p.chars().count() == 1);
        let phrase = !glued
            && ["بال", "لل", "كال"]
                .iter()
                .any(|p| self.key(j).starts_with(p));
        let object = self.object_at(j, s, form, preposition.as_deref(), separate);
        if !phrase && object.is_some() {
            return object;
        }
        if object.is_none()
            && glued
            && let Some(p) = preposition.as_deref()
            && let Some(k) = self.glued_object_after_occasion(j, s, p)
        {
            return Some(k);
        }
        // `أعلنت الشركة … أمس الإثنين عن اكتشاف …`: more words before the preposition than
        // the subject took; its verbal noun a few words on is still the object.
        let Some(preposition) = preposition.filter(|p| p.chars().count() > 1) else {
            return object;
        };
        (j..s.end.min(j + 8))
            .take_while(|&k| {
                (self.is_word(k) || self.is_comma(k))
                    && !in_set(&COMPLEMENTIZERS, self.key(k))
                    && cue_form(self.key(k)).is_none()
            })
            .filter(|&k| self.key(k) == preposition)
            .find_map(|k| {
                if self.is_verbal_noun(k + 1) {
                    return Some(k + 1);
                }
                // `أعلنت هيئة الأرصاد في مصر، عن موجة حارة …`: the verb's own preposition right
                // after a comma closes the subject's words; its object is taken as after the verb
                let after_comma = k > 0 && self.is_comma(k - 1);
                after_comma
                    .then(|| self.object_at(k + 1, s, form, Some(preposition.as_str()), true))
                    .flatten()
            })
            .or(object)
    }

    /// `أفادت القناة في خبر عاجل بدخول …`، `أفاد المرصد عبر حسابه بمقتل …`: an occasion opened
    /// by a preposition at `j`, without commas, before a verbal noun carrying the verb's
    /// one-letter `preposition`: that verbal noun's token, within ten words, with no complement
    /// or other report before it.
    fn glued_object_after_occasion(
        &self,
        j: usize,
        s: &Range<usize>,
        preposition: &str,
    ) -> Option<usize> {
        if j >= s.end || !in_set(&PREPOSITIONS, self.key(j)) {
            return None;
        }
        (j + 1..s.end.min(j + 11))
            .take_while(|&k| {
                self.is_word(k)
                    && !in_set(&COMPLEMENTIZERS, self.key(k))
                    && (cue_form(self.key(k)).is_none() || is_cue_with_object_pronoun(self.key(k)))
            })
            .find(|&k| {
                self.key(k).strip_prefix(preposition).is_some_and(|rest| {
                    rest.chars().count() >= 3 && (is_masdar_like(rest) || is_object_masdar(rest))
                })
            })
    }

    /// The object at token `j` when it can be the claim: a verbal noun (`انتهاء`, `القضاء
    /// على`, `ترشحه`) or, after a verb that takes any object, a definite noun. A one-letter
    /// `preposition` is written on it (`بالإفراج`); `after_preposition`: a longer one stood
    /// before it (`عن`).
    fn object_at(
        &self,
        j: usize,
        s: &Range<usize>,
        form: &CueForm,
        preposition: Option<&str>,
        after_preposition: bool,
    ) -> Option<usize> {
        // `حذر الخبير من “كارثة إنسانية” في المدينة`: a quoted object after the verb's
        // preposition, with its marks
        if after_preposition
            && j < s.end
            && matches!(self.tokens[j].kind, Kind::Quote(_))
            && self.tokens[j]
                .pair
                .is_some_and(|close| close > j + 1 && close < s.end)
        {
            return Some(j);
        }
        if j >= s.end || !self.is_word(j) {
            return None;
        }
        let key = self.key(j);
        if self.is_stop(key) || self.tokens[j].quoted {
            return None;
        }
        let glued = preposition.is_some_and(|p| p.chars().count() == 1);
        let key = match preposition {
            Some(p) if glued => key.strip_prefix(p)?,
            _ => key,
        };
        let verbal = is_masdar_like(key)
            || is_suffixed_masdar(key, self.tokens[j].ta_marbuta)
            || (form.form != Form::Noun && is_object_masdar(key));
        // `اعترف بخطأ …`: a preposition written on the object marks it as the object, definite
        // or not; so does the preposition of a verb of telling (`أخبرهم عن تحسن …`), whose
        // object is what was told (`كشفت الحملة عن مخازن` found things, it told nothing)
        let noun_ok = form.form != Form::Noun
            && !form.masdar_object
            && (is_definite(key)
                || self.tokens[j].ta_marbuta
                || glued
                || (after_preposition && form.addressee));
        (verbal || noun_ok).then_some(j)
    }

    /// Where the fact after a reaction noun starts: after `إزاء`/`حيال`, or at a word with ل or
    /// ب written on it (`لسقوط`).
    fn reaction_fact(&self, k: usize, s: &Range<usize>) -> Option<usize> {
        if k >= s.end || !self.is_word(k) {
            return None;
        }
        if in_set(&REACTION_PREPOSITIONS, self.key(k)) {
            return (k + 1 < s.end && self.is_word(k + 1)).then_some(k + 1);
        }
        self.glued_preposition(k).then_some(k)
    }

    /// A stance frame at token `k` (`صحة الأنباء عن`، `الاتهامات بـ`): the token where the claim
    /// starts after it, whether the frame's last preposition is written on that token, and the
    /// stance the frame gives.
    pub(super) fn stance_frame_at(
        &self,
        k: usize,
        s: &Range<usize>,
    ) -> Option<(usize, bool, Option<Stance>)> {
        STANCE_FRAMES
            .iter()
            .find_map(|f| {
                let n = f.words.len();
                let whole = if f.glued { n - 1 } else { n };
                let (words_match, start) = self.frame_words_at(k, &f.words[..whole]);
                let glued_ok = !f.glued
                    || self
                        .key(start)
                        .strip_prefix(f.words[n - 1].as_str())
                        .is_some_and(|rest| rest.chars().count() >= 3);
                (words_match && glued_ok && start < s.end && self.is_word(start))
                    .then_some((start, f.glued, f.stance))
            })
            .or_else(|| self.reported_content_frame(k, s))
    }

    /// `ما تداولته وسائل إعلام عن …`، `ما أوردته صحيفة محلية بشأن …`، `ما يتم تداوله من أن …`:
    /// `ما`, a verb of spreading a report, its carrier (up to six words), then `عن`/`حول`/
    /// `بشأن`/`بخصوص` or `أن`: the frame of a stance on the report's content, which starts
    /// after it; a verb that only asserts confirms it (guidelines §6.3).
    fn reported_content_frame(
        &self,
        k: usize,
        s: &Range<usize>,
    ) -> Option<(usize, bool, Option<Stance>)> {
        if self.key(k) != "ما" || !in_set(&REPORTED_CONTENT_VERBS, self.key(k + 1)) {
            return None;
        }
        let about = (k + 2..s.end.min(k + 9)).find(|&m| {
            let key = self.key(m);
            matches!(key, "عن" | "حول" | "بشان" | "بخصوص") || in_set(&COMPLEMENTIZERS, key)
        })?;
        // `ما تداولته بعض وسائل الإعلام، بشأن …`: a comma may close the carrier before a
        // preposition of the content (before `أن` it closes an aside: `حسب ما نقلته الوكالة، أن`)
        let comma_before_about = !in_set(&COMPLEMENTIZERS, self.key(about));
        let blocked = (k + 2..about).any(|m| {
            let passes = self.is_word(m)
                || matches!(self.tokens[m].kind, Kind::Quote(_))
                || (comma_before_about && m + 1 == about && self.is_comma(m));
            !passes || (self.is_word(m) && in_set(&COMPLEMENTIZERS, self.key(m)))
        });
        let start = about + 1;
        (!blocked && start < s.end && self.is_word(start)).then_some((
            start,
            false,
            Some(Stance::Confirms),
        ))
    }

    /// Whether the frame `words` stand at token `k`, and the token after them. Its last `عن`
    /// may be `حول`، `بشأن` or `بخصوص`, with up to two words describing the report before it
    /// (`الأنباء المتداولة حول`، `تقارير صحفية عن`: definite after a definite noun).
    fn frame_words_at(&self, k: usize, words: &[String]) -> (bool, usize) {
        let mut at = k;
        for (m, w) in words.iter().enumerate() {
            let about = w == "عن" && m + 1 == words.len() && m > 0;
            let is_about = |key: &str| key == w || matches!(key, "حول" | "بشان" | "بخصوص");
            if about {
                let definite = is_definite(self.key(at - 1));
                // `ما تداولته مواقع التواصل عن`: after `ما` and its verb, the words before `عن`
                // are the verb's subject, of any definiteness (isnad's denial families)
                let subject = words.iter().any(|w| w == "ما");
                let most = if subject { 4 } else { 2 };
                let mut described = 0;
                while described < most
                    && self.is_word(at)
                    && !is_about(self.key(at))
                    && !self.tokens[at].quoted
                    && !self.is_stop(self.key(at))
                    && (subject || is_definite(self.key(at)) == definite)
                    && cue_form(self.key(at)).is_none()
                {
                    at += 1;
                    described += 1;
                }
                if !(self.is_word(at) && is_about(self.key(at))) {
                    return (false, at);
                }
            } else if !(self.is_word(at) && self.key(at) == w) {
                return (false, at);
            }
            at += 1;
        }
        (true, at)
    }

    /// `اتهم X بـ…`: within a few words after the accused at `k`, a word with ب (unless
    /// `blames_only`) or `مسؤولية`.
    pub(super) fn charge_follows(&self, k: usize, s: &Range<usize>, blames_only: bool) -> bool {
        (k + 1..s.end.min(k + 12)).any(|m| {
            let key = self.key(m);
            // `وصفت الانفجار بأنه حادث`: the complementiser with ب is a charge too
            key == "مسؤوليه"
                || (!blames_only
                    && key.starts_with('ب')
                    && (self.glued_preposition(m) || in_set(&COMPLEMENTIZERS, key)))
        })
    }

    /// A ل or ب written on the word at `k`, which is a word of its own after it.
    pub(super) fn glued_preposition(&self, k: usize) -> bool {
        let key = self.key(k);
        key.strip_prefix(['ل', 'ب'])
            .is_some_and(|rest| rest.chars().count() >= 3 && !self.is_stop(rest))
    }

    /// A verbal noun at token `i`, bare or with a possessive pronoun.
    /// A verbal noun at `i` that can be a verb's object: `تراجع`، `ارتفاع`، and with the verb's
    /// one-letter preposition written on it (`أفادت … بوقوع`).
    fn object_masdar_at(&self, i: usize, form: &CueForm) -> bool {
        let key = self.key(i);
        let key = form
            .object_preposition
            .filter(|p| p.chars().count() == 1)
            .and_then(|p| key.strip_prefix(p))
            .unwrap_or(key);
        self.is_word(i) && (is_masdar_like(key) || is_object_masdar(key))
    }

    /// A word of a time after a verb or its subject (`الجمعة`، `مساء`), not followed by an
    /// object preposition of its own.
    fn is_time_word(&self, i: usize) -> bool {
        self.is_word(i) && in_set(&TIME_STARTS, self.key(i)) && !self.tokens[i].quoted
    }

    pub(super) fn is_verbal_noun(&self, i: usize) -> bool {
        self.is_word(i)
            && (is_masdar_like(self.key(i))
                || is_suffixed_masdar(self.key(i), self.tokens[i].ta_marbuta))
    }

    /// `الوفد سيصل غدا، قال مصدر دبلوماسي.`، `سيفتح المعبر غدا، كما أعلنت السلطات.`: a
    /// clause that opens the sentence before a comma (and `كما`) right before the verb at
    /// `verb`, whose subject `subject_end` ends the sentence or is followed only by a phrase of
    /// time, place or addressee. The clause is what the speaker said: at least three words, no
    /// report or claim in it, not an occasion (`وفي ختام اللقاء،`) nor a call.
    pub(super) fn said_clause_before(
        &self,
        verb: usize,
        subject_end: usize,
        s: &Range<usize>,
    ) -> Option<Range<usize>> {
        let mut comma = verb.checked_sub(1)?;
        if matches!(self.key(comma), "كما" | "وكما") {
            comma = comma.checked_sub(1)?;
        }
        if comma <= s.start || !self.is_comma(comma) {
            return None;
        }
        // after the speaker: nothing, or a phrase opened by a preposition, ل or a time word
        let after = self.key(subject_end);
        let tail_ok = subject_end >= s.end
            || (self.is_word(subject_end)
                && (in_set(&PREPOSITIONS, after)
                    || in_set(&ADVERBS, after)
                    || in_set(&TIME_STARTS, after)
                    || (after.starts_with('ل') && self.is_addressee(subject_end))))
            || self.is_comma(subject_end);
        let tail_reports = (subject_end..s.end).any(|k| {
            self.is_punct(k, ':')
                || matches!(self.tokens[k].kind, Kind::Quote(_))
                || in_set(&COMPLEMENTIZERS, self.key(k))
                || (self.is_word(k)
                    && cue_form(self.key(k)).is_some_and(|(f, _)| f.form != Form::Noun))
        });
        if !tail_ok || tail_reports {
            return None;
        }
        let first = (s.start..comma).find(|&k| self.is_word(k))?;
        let opener = self.key(first);
        let opener = opener.strip_prefix('و').unwrap_or(opener);
        let words = (first..comma).filter(|&k| self.is_word(k)).count();
        let plain = (first..comma).all(|k| {
            let reports = self.is_word(k) && cue_form(self.key(k)).is_some();
            !(self.is_claimed(k) || self.is_comma(k) || reports || in_set(&CALL_VERBS, self.key(k)))
        });
        let occasion = in_set(&PREPOSITIONS, opener)
            || in_set(&ADVERBS, opener)
            || in_set(&TIME_STARTS, opener)
            || in_set(&CONNECTIVES, opener)
            || self.is_stop(opener);
        (words >= 3 && plain && !occasion).then_some(first..comma)
    }

    /// A quotation of at least two words that opens the sentence and ends right before the
    /// verb at `verb` (or before a comma there): `«الوضع مستقر»، قال الوزير`. Two words are
    /// enough here: a name or term in quotes (`"داعش"`) is one word, and a sentence that opens
    /// with a quotation its speaker then follows is a statement.
    pub(super) fn quotation_before(&self, verb: usize, s: &Range<usize>) -> Option<Range<usize>> {
        let mut k = verb;
        if k > s.start && self.is_comma(k - 1) {
            k -= 1;
        }
        let close = k.checked_sub(1).filter(|&c| c > s.start)?;
        let Kind::Quote(_) = self.tokens[close].kind else {
            return None;
        };
        let open = (s.start..close).find(|&o| self.tokens[o].pair == Some(close))?;
        let opens_sentence = (s.start..open).all(|o| !self.is_word(o));
        let words = (open + 1..close).filter(|&w| self.is_word(w)).count();
        (opens_sentence && words >= 2 && !self.is_claimed(open + 1)).then_some(open..close + 1)
    }

    /// Long quotations in the rest of the sentence, up to the next cue (`نشرت … بياناً … "…"`).
    pub(super) fn quotations_after(&self, from: usize, s: &Range<usize>) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut j = from;
        while j < s.end {
            if let Kind::Quote(_) = self.tokens[j].kind
                && let Some(close) = self.tokens[j].pair
                && close > j
            {
                if (j + 1..close).filter(|&k| self.is_word(k)).count() >= 3 {
                    out.push(j..close + 1);
                }
                j = close + 1;
                continue;
            }
            // the next cue ends them; `جاء فيه` is the statement's own frame
            if self.is_word(j) && cue_form(self.key(j)).is_some_and(|(f, _)| !f.in_document) {
                break;
            }
            j += 1;
        }
        out
    }
}

/// `ارتفع`، `انخفض`، `استمر`: a past verb of the derived forms VII, VIII and X (`افتعل`،
/// `انفعل`، `استفعل`), which no name of place or person (`اشنطن` of `واشنطن`) is shaped like.
fn is_derived_past(word: &str) -> bool {
    let letters: Vec<char> = word.chars().collect();
    word.starts_with("است")
        || word.starts_with("ان")
        || (letters.len() >= 5 && letters[0] == 'ا' && letters[2] == 'ت')
}
