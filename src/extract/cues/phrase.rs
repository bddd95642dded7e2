//! Source noun phrases: a head noun with its genitives, adjectives and a personal name, the
//! source type and grammatical gender it gives, and the subject before a verb (SVO).

use std::ops::Range;

use super::SourceSuggestion;
use super::lexicon::{Form, Gender, cue_form};
use super::parser::{Antecedent, NounPhrase, ParagraphParser};
use super::tokens::{Kind, QuoteMark, is_abbreviation_dot};
use super::words::*;
use crate::annotate::model::SourceType;
use crate::text::normalize::is_arabic_mark;

impl ParagraphParser<'_> {
    /// Parses a source noun phrase starting at token `i` and ending before `end`: a head noun
    /// with its genitives, adjectives and a personal name. With `strip_prefix`, the head's
    /// leading ل is a preposition (`وفقا لمصادر`).
    pub(super) fn noun_phrase(
        &self,
        i: usize,
        end: usize,
        strip_prefix: bool,
    ) -> Option<NounPhrase> {
        if i >= end || !self.is_word(i) || (self.tokens[i].quoted && !self.in_quotation) {
            return None;
        }
        let head_key = self.head_key(i, strip_prefix);
        if self.is_stop(&head_key)
            || is_accusative_object(&head_key)
            || is_suffixed_masdar(&head_key, self.tokens[i].ta_marbuta)
            || head_key.chars().any(|c| c.is_ascii_digit())
            || cue_form(&head_key).is_some()
        {
            return None;
        }
        let head_bare = bare(&head_key).to_owned();
        let prev_definite = is_definite(&head_key);
        let mut scan = PhraseScan {
            head: i,
            head_type: head_type(&head_bare),
            partitive: in_set(&PARTITIVE_HEADS, &head_bare),
            // `الغاني كواسي أبياه`، `الألمانية آنا مولر`: a nationality before a name is a
            // title too
            role: is_role(&head_bare) || (prev_definite && is_singular_nisba(&head_key)),
            // `عبد الباسط سيدا`: a name particle heading the phrase starts a name
            name_at: (in_set(&SPEAKER_GIVEN_NAMES, &head_key)
                || in_set(&NAME_PARTICLES, &head_key))
            .then_some(i),
            prev_definite,
            open_construct: !prev_definite,
            last_good: i + 1,
            last_genitive: false,
        };
        let mut j = i + 1;
        while j < end && j < i + 14 {
            match self.phrase_step(&mut scan, j, end) {
                Some(next) => j = next,
                None => break,
            }
        }
        let tokens = i..scan.last_good;
        let source_type = self.classify(&tokens, scan.head_type, &head_bare);
        let gender = noun_gender(&head_key);
        Some(NounPhrase {
            tokens,
            name_at: scan.name_at.filter(|n| *n < scan.last_good),
            source_type,
            gender,
        })
    }

    /// One step of the noun-phrase scan at token `j`: the token to look at next, or `None`
    /// where the phrase has ended.
    fn phrase_step(&self, scan: &mut PhraseScan, j: usize, end: usize) -> Option<usize> {
        if !self.is_word(j) {
            // `د. سامي النجار`، `مدير المؤسسة م.خالد العمري`: a title's abbreviation, a
            // name after it
            if is_abbreviation_dot(&self.tokens, j) && scan.last_good == j && j + 1 < end {
                scan.role = true;
                scan.prev_definite = true;
                scan.open_construct = false;
                return Some(j + 1);
            }
            return self.quoted_name_after_head(scan, j, end);
        }
        let key = self.key(j);
        // `مجموعة من علماء الآثار`, `أحد زعماء الحركة`.
        if key == "من" && scan.partitive && j == scan.head + 1 {
            scan.expect_genitive();
            return Some(j + 1);
        }
        // `مصدر في الأزهر`, `مسؤول في وزارة الخارجية`: where an unnamed source works
        if key == "في"
            && j == scan.last_good
            && matches!(
                scan.head_type,
                Some(SourceType::Anonymous | SourceType::AnonymousOfficial)
            )
            && j + 1 < end
            && (is_definite(self.key(j + 1)) || head_type(bare(self.key(j + 1))).is_some())
        {
            scan.expect_genitive();
            return Some(j + 1);
        }
        if self.lam_genitive_at(scan, j, end) {
            scan.expect_genitive();
            return Some(j + 1);
        }
        if self.definite_lam_name_at(scan, j) {
            scan.open_construct = false;
            scan.prev_definite = true;
            scan.last_good = j + 1;
            return Some(j + 1);
        }
        if self.ends_phrase(scan, j) {
            return None;
        }
        if key == "باسم" {
            scan.expect_genitive();
            return Some(j + 1);
        }
        if in_set(&NAME_PARTICLES, key) {
            // `عبد الإله بن كيران`: a name goes on after بن/أبو/عبد.
            if scan.name_at.is_none() && (scan.role || scan.prev_definite) {
                scan.name_at = Some(j);
            }
            scan.expect_genitive();
            return Some(j + 1);
        }
        if self.second_speaker_at(scan, j) {
            return None;
        }
        self.take_word(scan, j).then_some(j + 1)
    }

    /// `الوزير والسفير`، `مصدر أمني وشهود عيان`: a source head with و after the head, an
    /// adjective or a name starts a second speaker (guidelines §3.3). After a genitive the و
    /// joins genitives (`وزيرا الخارجية والدفاع`، `وزارة الصحة والسكان`) or titles, unless
    /// what it brings is an indefinite head that is no title.
    fn second_speaker_at(&self, scan: &PhraseScan, j: usize) -> bool {
        let Some(rest) = self.key(j).strip_prefix('و') else {
            return false;
        };
        if !is_speaker_head(rest) {
            return false;
        }
        // after a genitive, a second title of the same person (`رئيس الوزراء وزعيم الحزب`)
        // is a role; a second speaker is not (`المتحدث باسم الجيش ومصادر أمنية`)
        !scan.last_genitive || !(is_definite(rest) || is_role(bare(rest)))
    }

    /// The second speaker right after `np` (see [`Self::second_speaker_at`]), parsed without
    /// its و.
    pub(super) fn co_speaker(&self, np: &NounPhrase, s: &Range<usize>) -> Option<NounPhrase> {
        let k = np.tokens.end;
        let rest = self.key(k).strip_prefix('و')?;
        if k >= s.end || !is_speaker_head(rest) || self.is_claimed(k) {
            return None;
        }
        self.noun_phrase(k, s.end, false)
    }

    /// A short quoted name right after an organisation head (`منظمة "هيومن رايتس"`) or after
    /// a title (`المتحدث باسم الوزارة "سامي ناصر" بأنه`, when the words are a name and the
    /// clause goes on), or an acronym in brackets after an organisation, outlet or document
    /// (`وكالة الأنباء الرسمية (سانا)`): the token after its closing mark.
    fn quoted_name_after_head(&self, scan: &mut PhraseScan, j: usize, end: usize) -> Option<usize> {
        let bracket = self.is_punct(j, '(');
        let close = if bracket {
            (j + 1..end.min(j + 5)).find(|&k| self.is_punct(k, ')'))?
        } else {
            self.tokens[j].pair?
        };
        let organisation = matches!(
            scan.head_type,
            Some(SourceType::Organization | SourceType::MediaOutlet)
        ) || (bracket && scan.head_type == Some(SourceType::Document));
        let named = !bracket
            && scan.role
            && scan.name_at.is_none()
            && self.is_name_start(self.key(j + 1))
            && (j + 1..close).all(|k| self.is_word(k) && !self.is_stop(self.key(k)))
            && self.is_word(close + 1);
        let fits = close > j
            && close < end
            && j == scan.last_good
            && (close - j) <= 4
            && self.tokens[j].range.start > self.tokens[j - 1].range.end;
        (fits && (organisation || named)).then(|| {
            if named {
                scan.name_at = Some(j + 1);
            }
            scan.last_good = close + 1;
            close + 1
        })
    }

    /// A word a personal name can start with: a given name, or a word that is no function,
    /// time, head or definite word, verbal noun, cue or number.
    pub(super) fn is_name_start(&self, key: &str) -> bool {
        in_set(&SPEAKER_GIVEN_NAMES, key)
            || !(self.is_stop(key)
                || is_definite(key)
                || in_set(&TIME_STARTS, key)
                || is_masdar_like(key)
                || head_type(bare(key)).is_some()
                || cue_form(key).is_some()
                || key.chars().any(|c| c.is_ascii_digit()))
    }

    /// `المرصد السوري لحقوق الإنسان`، `المفوضية العليا لشؤون اللاجئين`: after a body's definite
    /// name, ل on an indefinite noun before a definite genitive continues the name; not whom the
    /// body told (`لوكالة الأنباء`، `لسكان المدينة`) nor a word with a pronoun (`لنظيره الفرنسي`).
    fn lam_genitive_at(&self, scan: &PhraseScan, j: usize, end: usize) -> bool {
        let key = self.key(j);
        let Some(rest) = key.strip_prefix('ل') else {
            return false;
        };
        // `وزير الدولة لشؤون الإعلام`، `نائب الرئيس للشؤون الاقتصادية`: a title's domain
        let domain = in_set(&TITLE_DOMAIN_NOUNS, rest)
            || key
                .strip_prefix("لل")
                .is_some_and(|noun| in_set(&TITLE_DOMAIN_NOUNS, noun));
        if domain
            && (scan.role || scan.prev_definite)
            && scan.name_at.is_none()
            && j + 1 < end
            && self.is_word(j + 1)
        {
            return true;
        }
        if key.starts_with("لل") {
            return false;
        }
        let body = self.names_a_body(scan, j);
        let pronoun = (rest.ends_with('ه') && !self.tokens[j].ta_marbuta)
            || rest.ends_with("ها")
            || rest.ends_with("هم");
        body && scan.prev_definite
            && scan.name_at.is_none()
            && !rest.starts_with('ل')
            && !rest.starts_with("ال")
            && rest.chars().count() >= 3
            && !pronoun
            && !self.is_stop(rest)
            && cue_form(rest).is_none()
            && (!self.is_addressee(j) || self.titled_body(scan, j) && Self::names_body(rest))
            && j + 1 < end
            && self.is_word(j + 1)
            && is_definite(self.key(j + 1))
    }

    /// `الهيئة العامة للاستثمار`، `منظمة الأمم المتحدة للطفولة`: ل on a definite noun after a
    /// body's definite name goes on with the name, unless it is people or a medium the body told
    /// (`للصحفيين`، `للسكان`، `للإذاعة`).
    fn definite_lam_name_at(&self, scan: &PhraseScan, j: usize) -> bool {
        let Some(noun) = self.key(j).strip_prefix("لل") else {
            return false;
        };
        // `الوكالة الوطنية للإعلام`: an outlet's name goes on with its medium, also after the
        // outlet's own name (`وكالة النجم للأنباء`)
        let outlet = scan.head_type == Some(SourceType::MediaOutlet);
        if outlet && noun == "انباء" && j > scan.head + 1 {
            return true;
        }
        let body = self.names_a_body(scan, j) || outlet;
        let definite = format!("ال{noun}");
        let people = noun.ends_with("ين") || noun.ends_with("ون");
        body && scan.prev_definite
            && scan.name_at.is_none()
            && noun.chars().count() >= 3
            && !people
            && (!is_speaker_head(&definite) || self.titled_body(scan, j))
            && !in_set(&OUTLETS, &definite)
            && !in_set(&OUTLETS, noun)
            && (outlet || !in_set(&MEDIUM_HEADS, noun))
            && cue_form(&definite).is_none()
    }

    /// Whether the phrase so far names a body whose name a ل-genitive at `j` goes on with: an
    /// organisation, an official body in ة (`الهيئة`، `المديرية`), or an official title or body
    /// with its adjective (`المتحدث الرسمي للوزارة`، `الأمين العام للمجلس`، `الجهاز المركزي
    /// للإحصاء`); not a title with a genitive of its own (`وزير الخارجية للتلفزيون` told it),
    /// nor a medium one told (`للتلفزيون`، `لوكالة …`).
    fn names_a_body(&self, scan: &PhraseScan, j: usize) -> bool {
        match scan.head_type {
            Some(SourceType::Organization) => true,
            Some(SourceType::Official) => {
                self.tokens[scan.head].ta_marbuta || self.titled_body(scan, j)
            }
            _ => false,
        }
    }

    /// `المتحدث الرسمي للوزارة`، `الأمينة العامة لوزارة الزراعة`: an official title with its
    /// adjective (no genitive of its own) before a ل-word that is no medium: the body the title
    /// belongs to, even when that body could speak itself.
    fn titled_body(&self, scan: &PhraseScan, j: usize) -> bool {
        let key = self.key(j);
        let noun = key
            .strip_prefix("لل")
            .or_else(|| key.strip_prefix('ل'))
            .unwrap_or(key);
        scan.head_type == Some(SourceType::Official)
            && j > scan.head + 1
            && scan.prev_definite
            && !scan.last_genitive
            && is_definite(self.key(j - 1))
            && head_type(bare(noun)) != Some(SourceType::MediaOutlet)
    }

    /// `وزارة`، `هيئة`: the head noun of an organisation or of an official body in ة (not an
    /// official one tells: `للوزير`).
    fn names_body(noun: &str) -> bool {
        match head_type(bare(noun)) {
            Some(SourceType::Organization) => true,
            // keys are folded: a ة is written ه
            Some(SourceType::Official) => noun.ends_with('ه'),
            _ => false,
        }
    }

    /// Words no source phrase runs into: function words, accusatives, verbs, numbers, and a
    /// ل-word that is a preposition (outside a name) or an addressee.
    fn ends_phrase(&self, scan: &PhraseScan, j: usize) -> bool {
        let key = self.key(j);
        let in_name = scan.name_at.is_some_and(|n| j > n);
        self.is_stop(key)
            || is_accusative_object(key)
            || cue_form(key).is_some_and(|(f, _)| f.form != Form::Noun)
            || is_cue_with_object_pronoun(key)
            || in_set(&WISH_NOUNS, key)
            // `عن الوزير قوله إن …`: the relayed speaker's saying, no name after the title
            || in_set(&SAYING_NOUNS, key)
            // `شركة فيسبوك استحواذها على …`: the object, not the company's name
            || is_suffixed_masdar(key, self.tokens[j].ta_marbuta)
            // `بالإفراج`, `بإطلاق`: a verbal noun after ب, never a name
            || key
                .strip_prefix('ب')
                .is_some_and(|rest| rest.chars().count() >= 4 && is_masdar_like(rest))
            || key.chars().any(|c| c.is_ascii_digit())
            // `مسؤول في الوزارة يوم أمس`، `مساء الأحد`: a time, not a name after the role
            || (j > scan.head
                && (key == "يوم" || in_set(&TIME_STARTS, key))
                && in_set(&ADVERBS, self.key(j + 1)))
            || (key.starts_with('ل')
                && !key.starts_with("ال")
                && (!in_name || self.is_addressee(j)))
    }

    /// Whether the word at `j` continues the phrase (a genitive, an adjective, a name); if so,
    /// the scan moves past it.
    fn take_word(&self, scan: &mut PhraseScan, j: usize) -> bool {
        let key = self.key(j);
        let definite = is_definite(key);
        let coordinated = key.starts_with("وال") && scan.prev_definite;
        let given = in_set(&SPEAKER_GIVEN_NAMES, key);
        if given && scan.name_at.is_none() {
            scan.name_at = Some(j);
        }
        let accept = if scan.name_at.is_some_and(|n| j > n) {
            // Inside a name: family names and nisbas, definite or not.
            !is_masdar_like(key) || definite
        } else if given {
            true
        } else if definite || coordinated {
            // After `حماية` (shaped like a nisba adjective but a noun in construct) a
            // definite genitive still follows.
            let prev = self.key(j - 1);
            scan.open_construct
                || scan.prev_definite
                || (prev.ends_with("يه") && !in_set(&SOURCE_ADJECTIVES, prev))
        } else if scan.open_construct {
            // `وسائل إعلام محلية`: the medium after its head
            let medium = j == scan.head + 1 && in_set(&MEDIUM_HEADS, self.key(scan.head));
            !scan.prev_definite && (!is_masdar_like(key) || is_nisba(key) || medium)
        } else if scan.prev_definite
            && scan.role
            && !is_masdar_like(key)
            && !self.tokens[j].ta_marbuta
        {
            // `الوزير فلان`: an unknown name right after a role.
            scan.name_at = Some(j);
            true
        } else {
            is_nisba(key) && !scan.prev_definite
        };
        if accept {
            let in_name = given || scan.name_at.is_some_and(|n| j > n);
            scan.last_genitive = scan.open_construct && !in_name;
            scan.role |= is_role(bare(key));
            scan.open_construct = !definite && !is_nisba(key);
            scan.prev_definite = definite || coordinated;
            scan.last_good = j + 1;
        }
        accept
    }

    /// Inside a name, is the ل-word at `j` an addressee (`قال فلان لرويترز`, `للصحفيين`,
    /// `لوكالة …`) rather than the family name (`لافروف`, `لويد`, `ليفيت`)?
    pub(super) fn is_addressee(&self, j: usize) -> bool {
        let key = self.key(j);
        let rest = key.strip_prefix('ل').unwrap_or(key);
        rest.is_empty()
            || key.starts_with("لل")
            || head_type(bare(rest)).is_some()
            || in_set(&OUTLETS, rest)
            || (j + 1 < self.tokens.len()
                && self.tokens[j + 1].kind == Kind::Quote(QuoteMark::Either)
                && self.tokens[j + 1].range.start == self.tokens[j].range.end)
    }

    pub(super) fn head_key(&self, i: usize, strip_prefix: bool) -> String {
        let key = self.key(i);
        if strip_prefix && let Some(rest) = key.strip_prefix('ل') {
            if rest.starts_with('ل') {
                return format!("ا{rest}");
            }
            return rest.to_owned();
        }
        // `والوزارة`، `وشهود` (a second speaker): the و is a conjunction
        key.strip_prefix('و')
            .filter(|r| r.starts_with("ال") || is_speaker_head(r))
            .unwrap_or(key)
            .to_owned()
    }

    /// Words after which a clause (and so a subject) can begin: `وكان`, `وقبلها`, `ثم`.
    pub(super) fn is_clause_opener(&self, i: usize) -> bool {
        let key = self.key(i);
        in_set(&AUXILIARIES, key)
            || in_set(&PARTICLES, key)
            || in_set(&CLAUSE_OPENERS, key)
            || in_set(&COMPLEMENTIZERS, key)
            || key == "و"
            || (key.starts_with('و')
                && key.chars().count() <= 6
                && i + 1 < self.tokens.len()
                && in_set(&AUXILIARIES, self.key(i + 1)))
    }

    pub(super) fn is_stop(&self, key: &str) -> bool {
        in_set(&PREPOSITIONS, key)
            || in_set(&COMPLEMENTIZERS, key)
            || in_set(&RELATIVES, key)
            || in_set(&ADVERBS, key)
            || in_set(&PARTICLES, key)
            || in_set(&AUXILIARIES, key)
            || in_set(&PHRASE_STOPS, key)
            || in_set(&CLAUSE_OPENERS, key)
            || in_set(&PRONOUN_PARTICLES, key)
            || is_negation(key)
    }

    pub(super) fn classify(
        &self,
        tokens: &Range<usize>,
        head: Option<SourceType>,
        head_bare: &str,
    ) -> SourceType {
        let modifiers: Vec<&str> = tokens.clone().skip(1).map(|t| self.key(t)).collect();
        let official_modifier = modifiers
            .iter()
            .any(|m| in_set(&OFFICIAL_MODIFIERS, bare(m)));
        match head {
            Some(SourceType::Anonymous) if official_modifier => SourceType::AnonymousOfficial,
            Some(SourceType::AnonymousOfficial)
                if head_bare == "مسؤول" && is_definite(self.key(tokens.start)) =>
            {
                SourceType::Official
            }
            Some(ty) => ty,
            None => {
                // A bare name, or a head we do not know: look at the rest of the phrase.
                modifiers
                    .iter()
                    .find_map(|m| head_type(bare(m)))
                    .filter(|t| {
                        matches!(
                            t,
                            SourceType::Official
                                | SourceType::Expert
                                | SourceType::Organization
                                | SourceType::MediaOutlet
                        )
                    })
                    .unwrap_or(SourceType::Unknown)
            }
        }
    }

    /// Records that source `s` speaks in this paragraph, so later pro-drop cues (here or in the
    /// next paragraph) can resolve to it.
    pub(super) fn mention(&mut self, s: usize, gender: Gender) {
        if self.nested {
            return;
        }
        self.sources_here
            .retain(|x| !matches!(x, Antecedent::Source(i, _) if *i == s));
        self.sources_here.push(Antecedent::Source(s, gender));
    }

    pub(super) fn source_of(&self, np: &NounPhrase) -> SourceSuggestion {
        let first = &self.tokens[np.tokens.start];
        let last = &self.tokens[np.tokens.end - 1];
        let start = self.word_start_after_prefix(np.tokens.start);
        let span = start.max(first.range.start)..last.range.end;
        let name = match np.name_at {
            Some(n) => self.tokens[n].range.start..last.range.end,
            None => span.clone(),
        };
        SourceSuggestion {
            span,
            name,
            source_type: np.source_type,
        }
    }

    pub(super) fn add_source(&mut self, np: &NounPhrase) -> usize {
        let source = self.source_of(np);
        let index = self.materialise(source, np.gender);
        if let Some(n) = np.name_at
            && !self.nested
        {
            for t in n..np.tokens.end {
                if is_name_word(self.key(t)) {
                    let key = self.key(t).to_owned();
                    self.names.insert(key, (index, np.gender));
                }
            }
        }
        index
    }

    pub(super) fn materialise(&mut self, source: SourceSuggestion, gender: Gender) -> usize {
        let index = match self.out.sources.iter().position(|s| s.span == source.span) {
            Some(existing) => existing,
            None => {
                self.out.sources.push(source);
                self.out.sources.len() - 1
            }
        };
        self.mention(index, gender);
        index
    }

    /// A speaker introduced by a cue verb with no claim of its own (`تحدث فلان في المؤتمر`):
    /// not suggested as a source unless a later pro-drop cue points back to it.
    pub(super) fn add_latent(&mut self, np: &NounPhrase) {
        if self.nested {
            return;
        }
        let source = self.source_of(np);
        self.sources_here
            .push(Antecedent::Latent(source, np.gender));
    }

    /// Byte where token `i` starts once a ل/و preposition or conjunction glued to a definite
    /// head is left out (`لمصادر` → `مصادر`, `والوزارة` → `الوزارة`).
    pub(super) fn word_start_after_prefix(&self, i: usize) -> usize {
        let t = &self.tokens[i];
        let raw = &self.text[t.range.clone()];
        let mut chars = raw.char_indices();
        let Some((_, first)) = chars.next() else {
            return t.range.start;
        };
        let strip = match first {
            'ل' => {
                // `للأمم المتحدة` → `لأمم المتحدة`: the first lam is the preposition, the
                // second the article whose alef fell (guidelines §2.3)
                !t.key.starts_with("ال")
                    && !in_set(&SPEAKER_GIVEN_NAMES, t.key)
                    && head_type(bare(t.key)).is_none()
            }
            'و' => {
                t.key.starts_with("وال")
                    || t.key.strip_prefix('و').is_some_and(|rest| {
                        is_speaker_head(rest) || in_set(&SPEAKER_GIVEN_NAMES, rest)
                    })
            }
            _ => false,
        };
        if !strip {
            return t.range.start;
        }
        for (offset, c) in chars {
            if !is_arabic_mark(c) && c != '\u{0640}' {
                return t.range.start + offset;
            }
        }
        t.range.start
    }

    /// `المتحدثة باسم المنظمة، ليلى حسن، في مؤتمر …`: a title without a name takes the name
    /// between the next two commas (one to four words, the first a name: no function, time,
    /// head or definite word) into its span, the commas included (guidelines §3.2), whatever
    /// follows the second comma.
    pub(super) fn name_apposition(&self, np: &mut NounPhrase, s: &Range<usize>) {
        let first = np.tokens.end + 1;
        // `المتحدث`، `المتحدثون`: a role, also in the plural
        let titled = np.tokens.clone().any(|k| {
            let b = bare(self.key(k));
            is_role(b)
                || [b.strip_suffix("ون"), b.strip_suffix("ين")]
                    .into_iter()
                    .flatten()
                    .any(is_role)
        });
        // `أحد السكان، ويدعى سامي،`: a naming word opens the name for any speaker
        let naming = matches!(
            self.key(first),
            "ويدعي" | "يدعي" | "وتدعي" | "تدعي" | "واسمه" | "واسمها"
        );
        if np.name_at.is_some()
            || !(titled || naming)
            || !self.is_comma(first - 1)
            || first >= s.end
        {
            return;
        }
        let first = first + usize::from(naming);
        let Some(close) = (first + 1..s.end.min(first + 5)).find(|&k| !self.is_word(k)) else {
            return;
        };
        // `المتحدث، بحسب وكالة الأنباء، إن`: a cue or a source head is no part of a name
        let name_like = self.is_name_start(self.key(first)) && !self.starts_preposition_cue(first);
        let words_ok = (first..close).all(|k| {
            !self.tokens[k].quoted && !self.is_stop(self.key(k)) && !is_speaker_head(self.key(k))
        });
        if self.is_comma(close) && name_like && words_ok {
            np.tokens.end = close;
            np.name_at = Some(first);
        }
    }

    /// A document that speaks with its owner after ل (`التقرير السنوي للهيئة`): the owner is
    /// inside the source span (guidelines §6.2).
    pub(super) fn with_owner(&self, mut np: NounPhrase, s: &Range<usize>) -> NounPhrase {
        self.take_owner(&mut np, s);
        np
    }

    /// [`Self::with_owner`] in place; also the issuer after `صادر عن` (`بيان صادر عن الجيش`،
    /// `البيان الصادر عن الوزارة`، `التقرير الصادر أمس عن الهيئة`).
    pub(super) fn take_owner(&self, np: &mut NounPhrase, s: &Range<usize>) {
        if self.key(np.tokens.end).starts_with('ل')
            && let Some(owner) = self.noun_phrase(np.tokens.end, s.end, true)
        {
            np.tokens.end = owner.tokens.end;
        }
        let mut k = np.tokens.end;
        // the phrase may already hold the participle (`البيان الصادر`)
        if k > np.tokens.start && is_issued(self.key(k - 1)) {
            k -= 1;
        }
        if !is_issued(self.key(k)) {
            return;
        }
        k += 1;
        while k < s.end && in_set(&ADVERBS, self.key(k)) {
            k += 1;
        }
        if self.key(k) == "عن"
            && let Some(issuer) = self.noun_phrase(k + 1, s.end, false)
        {
            np.tokens.end = issuer.tokens.end;
        }
    }

    /// SVO: a noun phrase between the clause start and the verb (`الوزارة قالت إن`).
    pub(super) fn subject_before(
        &self,
        verb: usize,
        prefix: usize,
        s: &Range<usize>,
    ) -> Option<NounPhrase> {
        // `ولكنه أكد`: the subject is the pronoun on the particle
        if prefix > 0 || verb == s.start || in_set(&PRONOUN_PARTICLES, self.key(verb - 1)) {
            return None;
        }
        // `كان عالم الآثار فلان قد أعلن`: the subject ends before the particles.
        let mut end = verb;
        // `ولم يستبعد عيسى`: nor a negation
        while end > s.start
            && (in_set(&PARTICLES, self.key(end - 1)) || is_negation(self.key(end - 1)))
        {
            end -= 1;
        }
        // `فلان، مؤسس الشركة، أوضح أن`: the subject and its apposition
        if end > s.start && self.is_comma(end - 1) {
            let close = end - 1;
            let Some(open) = (close.saturating_sub(10).max(s.start)..close)
                .rev()
                .find(|&k| self.is_comma(k))
            else {
                return self.subject_after_kana(close, s);
            };
            let mut np = self.subject_ending_at(open, s)?;
            // `المصادر، وفي حديث لصحيفة …، أشارت`: an occasion between the commas is no part
            // of the subject
            let first = self.key(open + 1);
            if !in_set(&PREPOSITIONS, first.strip_prefix('و').unwrap_or(first)) {
                np.tokens.end = close;
            }
            return Some(np);
        }
        self.subject_ending_at(end, s)
    }

    /// `وكان مصدر في الوزارة، قال إن …`: after `كان` the speaker, then a comma before the verb
    /// (a pluperfect report); the noun phrase between `كان` and the comma at `close`.
    fn subject_after_kana(&self, close: usize, s: &Range<usize>) -> Option<NounPhrase> {
        let kana = (close.saturating_sub(12).max(s.start)..close)
            .rev()
            .find(|&k| {
                self.key(k)
                    .trim_start_matches(['و', 'ف'])
                    .starts_with("كان")
            })?;
        let kana_word = self.key(kana).trim_start_matches(['و', 'ف']);
        if !in_set(&AUXILIARIES, kana_word) {
            return None;
        }
        let np = self.noun_phrase(kana + 1, close, false)?;
        (np.tokens.end == close).then_some(np)
    }

    /// A noun phrase that starts a clause and ends right before token `end`.
    fn subject_ending_at(&self, end: usize, s: &Range<usize>) -> Option<NounPhrase> {
        let earliest = end.saturating_sub(10).max(s.start);
        for start in earliest..end {
            if !self.is_word(start)
                || (start > s.start && in_set(&PREPOSITIONS, self.key(start - 1)))
                || (start > s.start
                    && self.is_word(start - 1)
                    && !self.is_comma(start - 1)
                    && start != earliest
                    && !self.is_clause_opener(start - 1))
            {
                continue;
            }
            // `إلا أن وكالة «سبأ» قالت`: a name in quotation marks inside the subject
            let inside = |k: usize| {
                self.is_word(k)
                    || (matches!(self.tokens[k].kind, Kind::Quote(_))
                        && self.tokens[k]
                            .pair
                            .is_some_and(|pair| (start..end).contains(&pair)))
            };
            if !(start..end).all(inside) {
                continue;
            }
            if let Some(np) = self.noun_phrase(start, end, false)
                && np.tokens.end == end
            {
                return Some(np);
            }
        }
        None
    }
}

/// Where a noun-phrase scan stands.
struct PhraseScan {
    /// Token of the head noun.
    head: usize,
    head_type: Option<SourceType>,
    /// `مجموعة`, `أحد`: a head that may take `من` before its genitive.
    partitive: bool,
    /// The phrase has a role noun (`الوزير`), so an unknown word after it may be a name.
    role: bool,
    /// Token index where a personal name starts, if any.
    name_at: Option<usize>,
    prev_definite: bool,
    /// Whether the previous word is in construct state (its genitive may follow).
    open_construct: bool,
    /// End (exclusive) of the phrase accepted so far.
    last_good: usize,
    /// The last word taken was a genitive in construct (`وزيرا الخارجية`), so a و after it
    /// joins another genitive.
    last_genitive: bool,
}

impl PhraseScan {
    /// After `من`, `باسم` or a name particle: a genitive follows.
    fn expect_genitive(&mut self) {
        self.open_construct = true;
        self.prev_definite = false;
    }
}

/// `صادر`, `الصادر`, `الصادرة`: a document's participle of issuing, before its issuer.
fn is_issued(key: &str) -> bool {
    matches!(key, "صادر" | "الصادر" | "صادره" | "الصادره")
}

/// `الغاني`، `الألمانية`: a singular nisba adjective (not `الأمريكيون`).
fn is_singular_nisba(key: &str) -> bool {
    let b = bare(key);
    is_nisba(key) && !b.ends_with("ون") && !b.ends_with("ين") && !in_set(&SOURCE_ADJECTIVES, key)
}

/// The agreement a noun asks of its verb (the parser's test, and the learned stage's through
/// `view::agreement`): non-human plurals (مصادر) and words in ة or ات agree in the feminine
/// singular, human plurals (شهود, المسؤولون) in the plural, the rest in the masculine.
pub(super) fn noun_gender(head_key: &str) -> Gender {
    let b = bare(head_key);
    if in_set(&FEMININE_PLURAL_HEADS, b) || b.ends_with('ه') || b.ends_with("ات") {
        Gender::Feminine
    } else if in_set(&HUMAN_PLURAL_HEADS, b) || b.ends_with("ون") {
        Gender::Plural
    } else {
        Gender::Masculine
    }
}
