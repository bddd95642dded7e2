//! Closed word classes the cue parser stops or turns on (complementizers, prepositions,
//! particles…), given names, and the head nouns that give a source its type.

// FxHash: looked up for every noun phrase head (SipHash cost more than the lookup)
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use crate::annotate::model::SourceType;
use crate::extract::wordlists as lists;
use crate::text::normalize::normalize_str as fold_str;

pub(super) type WordSet = lists::WordSet;

/// The folded words of a list in `assets/lexicon/`.
pub(super) fn set(list: &'static str) -> WordSet {
    lists::word_set(list)
}

pub(super) static COMPLEMENTIZERS: LazyLock<WordSet> =
    LazyLock::new(|| set(lists::COMPLEMENTIZERS));
pub(super) static PREPOSITIONS: LazyLock<WordSet> = LazyLock::new(|| set(lists::PREPOSITIONS));
pub(super) static ADVERBS: LazyLock<WordSet> = LazyLock::new(|| set(lists::ADVERBS));
/// Words that may stand between a comma and the cue that starts a new attribution.
pub(super) static CONNECTIVES: LazyLock<WordSet> = LazyLock::new(|| set(lists::CONNECTIVES));
/// News outlets that follow ل as the addressee of a statement (`قال لرويترز`).
pub(super) static OUTLETS: LazyLock<WordSet> = LazyLock::new(|| set(lists::OUTLETS));
/// `كان` and its sisters, which put the subject before a later verb.
pub(super) static AUXILIARIES: LazyLock<WordSet> = LazyLock::new(|| set(lists::AUXILIARIES));
pub(super) static PARTICLES: LazyLock<WordSet> = LazyLock::new(|| set(lists::PARTICLES));
pub(super) static RELATIVES: LazyLock<WordSet> = LazyLock::new(|| set(lists::RELATIVES));
/// Words before `أن` that make it a subordinator of time or necessity, not a complement.
pub(super) static NOT_COMPLEMENT_BEFORE: LazyLock<WordSet> =
    LazyLock::new(|| set(lists::NOT_COMPLEMENT_BEFORE));
pub(super) static NAME_PARTICLES: LazyLock<WordSet> = LazyLock::new(|| set(lists::NAME_PARTICLES));
/// Masdar objects often announced (`أعلن مقتل …`): never read as part of a name.
pub(super) static OBJECT_NOUNS: LazyLock<WordSet> = LazyLock::new(|| set(lists::OBJECT_NOUNS));
/// Given names common in Arabic news (Arab and foreign), to tell a name from a masdar object.
pub(super) static SPEAKER_GIVEN_NAMES: LazyLock<WordSet> =
    LazyLock::new(|| set(lists::GIVEN_NAMES));
pub(super) static SOURCE_ADJECTIVES: LazyLock<WordSet> =
    LazyLock::new(|| set(lists::SOURCE_ADJECTIVES));
/// `مجموعة`, `أحد`: heads whose phrase goes on through من.
pub(super) static PARTITIVE_HEADS: LazyLock<WordSet> =
    LazyLock::new(|| set(lists::PARTITIVE_HEADS));
/// `أمني`, `حكومي`: make an anonymous source official.
pub(super) static OFFICIAL_MODIFIERS: LazyLock<WordSet> =
    LazyLock::new(|| set(lists::OFFICIAL_MODIFIERS));
/// `مصادر`, `سلطات`: non-human plurals that agree in the feminine singular.
pub(super) static FEMININE_PLURAL_HEADS: LazyLock<WordSet> =
    LazyLock::new(|| set(lists::FEMININE_PLURAL_HEADS));
/// `شهود`, `خبراء`: human plurals.
pub(super) static HUMAN_PLURAL_HEADS: LazyLock<WordSet> =
    LazyLock::new(|| set(lists::HUMAN_PLURAL_HEADS));
/// `و`, `لا`, `هو`: no source phrase starts with them.
pub(super) static PHRASE_STOPS: LazyLock<WordSet> = LazyLock::new(|| set(lists::PHRASE_STOPS));
/// `فيما`, `بينما` after a comma: a new clause, the claim ends.
pub(super) static CONTRAST_CONNECTIVES: LazyLock<WordSet> =
    LazyLock::new(|| set(lists::CONTRAST_CONNECTIVES));
/// `لكنه`, `إنها`: the subject pronoun is on the particle before the verb.
pub(super) static PRONOUN_PARTICLES: LazyLock<WordSet> =
    LazyLock::new(|| set(lists::PRONOUN_PARTICLES));
/// `لكن`, `بل`: a new clause (and its subject) starts after them.
pub(super) static CLAUSE_OPENERS: LazyLock<WordSet> = LazyLock::new(|| set(lists::CLAUSE_OPENERS));
/// `فإن`, `فإنه`: the complementiser after a leading `بحسب SOURCE`.
pub(super) static FA_INNA: LazyLock<WordSet> = LazyLock::new(|| set(lists::FA_INNA));
/// `أسفها`, `قلقه`: a reaction whose object is the fact reacted to.
pub(super) static REACTION_NOUNS: LazyLock<WordSet> = LazyLock::new(|| set(lists::REACTION_NOUNS));
/// `إزاء`, `حيال`: between a reaction noun and its fact.
pub(super) static REACTION_PREPOSITIONS: LazyLock<WordSet> =
    LazyLock::new(|| set(lists::REACTION_PREPOSITIONS));
/// `ه`, `ها`, `هم`: possessive pronouns written on a noun.
pub(super) static PRONOUN_SUFFIXES: LazyLock<Vec<String>> = LazyLock::new(|| {
    lists::entries(lists::PRONOUN_SUFFIXES)
        .map(fold_str)
        .collect()
});
/// `لم`, `لن`: the negation particles that govern the verb after them (`verb` rows of
/// `negations.tsv`), also with a و or ف written on them.
pub(super) static NEGATIONS: LazyLock<WordSet> = LazyLock::new(|| {
    lists::rows(lists::NEGATIONS)
        .filter_map(Result::ok)
        .filter(|row| row.get(1) == "verb")
        .map(|row| fold_str(row.get(0)))
        .collect()
});
/// `اسمه`, `هويته`: the last word of a clause that withholds a speaker's name.
pub(super) static IDENTITY_WORDS: LazyLock<WordSet> = LazyLock::new(|| set(lists::IDENTITY_WORDS));
/// `تداولته`, `أوردته`: after ما, a report whose content a cue verb takes a stance on.
pub(super) static REPORTED_CONTENT_VERBS: LazyLock<WordSet> =
    LazyLock::new(|| set(lists::CUE_REPORTED_CONTENT_VERBS));
/// `وسائل`: a head whose genitive is a medium, a verbal noun in form (`وسائل إعلام`).
pub(super) static MEDIUM_HEADS: LazyLock<WordSet> = LazyLock::new(|| set(lists::MEDIUM_HEADS));
/// `شؤون`، `حقوق`: a title's domain after ل (`وزير الدولة لشؤون الإعلام`).
pub(super) static TITLE_DOMAIN_NOUNS: LazyLock<WordSet> =
    LazyLock::new(|| set(lists::TITLE_DOMAIN_NOUNS));
/// `أمله`, `تمنياته`: after a cue, a wish follows, which is no claim.
pub(super) static WISH_NOUNS: LazyLock<WordSet> = LazyLock::new(|| set(lists::WISH_NOUNS));
/// `عدم`, `رفض`: before an identity word, the clause withholds the name.
pub(super) static WITHHOLDING_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| set(lists::WITHHOLDING_WORDS));
/// `لاحق`، `سابق`: after `في وقت`, a time of the content, not a clause of time beside it.
pub(super) static TIME_ADJECTIVES: LazyLock<WordSet> =
    LazyLock::new(|| set(lists::TIME_ADJECTIVES));
/// `يذكر`، `يأتي`: the writer's background or occasion after a claim, which ends it.
pub(super) static WRITER_TAKEOVER_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| set(lists::WRITER_TAKEOVER_WORDS));

/// A negation particle, bare or with its conjunction (`ولم`).
pub(super) fn is_negation(key: &str) -> bool {
    in_set(&NEGATIONS, key)
        || key
            .strip_prefix(['و', 'ف'])
            .is_some_and(|rest| in_set(&NEGATIONS, rest))
}

/// `أن`, `لن`, `قد`, `سوف` before an imperfect cue verb: a report not yet made.
pub(super) static NOT_YET: LazyLock<WordSet> = LazyLock::new(|| set(lists::CUE_NOT_YET));

/// `دعا`, `طالب`: a clause they head is a call, not a claim.
pub(super) static CALL_VERBS: LazyLock<WordSet> = LazyLock::new(|| set(lists::CUE_CALL_VERBS));
/// `صباح`، `مساء`، `الساعة`: words of a time, which no name after a comma starts with.
pub(super) static TIME_STARTS: LazyLock<WordSet> = LazyLock::new(|| {
    let mut words = set(lists::DAY_PARTS);
    words.extend(set(lists::TIME_WORDS));
    words.extend(set(lists::WEEKDAYS));
    words
});
/// `قوله` after a relayed source: the frame, not the claim.
pub(super) static SAYING_NOUNS: LazyLock<WordSet> = LazyLock::new(|| set(lists::SAYING_NOUNS));

/// Head words (without ال) and the source type they give.
pub(crate) fn head_type(bare: &str) -> Option<SourceType> {
    static TABLE: LazyLock<HashMap<String, SourceType>> = LazyLock::new(|| {
        use SourceType::*;
        let groups: [(&'static str, SourceType); 11] = [
            (lists::SOURCE_HEADS_OFFICIAL, Official),
            (lists::SOURCE_HEADS_ANONYMOUS, Anonymous),
            (lists::SOURCE_HEADS_ANONYMOUS_OFFICIAL, AnonymousOfficial),
            (lists::SOURCE_HEADS_EYEWITNESS, Eyewitness),
            (lists::SOURCE_HEADS_AFFECTED_PERSON, AffectedPerson),
            (lists::SOURCE_HEADS_EXPERT, Expert),
            (lists::SOURCE_HEADS_ORGANIZATION, Organization),
            (lists::SOURCE_HEADS_MEDIA_OUTLET, MediaOutlet),
            (lists::SOURCE_HEADS_SOCIAL_MEDIA, SocialMedia),
            (lists::SOURCE_HEADS_DOCUMENT, Document),
            (lists::SOURCE_HEADS_JOURNALIST, Journalist),
        ];
        let mut map = HashMap::default();
        for (words, ty) in groups {
            for w in lists::entries(words) {
                map.insert(fold_str(w), ty);
            }
        }
        map
    });
    TABLE.get(bare).copied()
}

/// Heads whose noun phrase may end with a personal name (`الوزير فلان`).
pub(super) fn is_role(bare: &str) -> bool {
    matches!(
        head_type(bare),
        Some(SourceType::Official | SourceType::Expert | SourceType::Journalist)
    ) || matches!(bare, "مسؤول")
}

/// A word that heads a source phrase by itself (`السفير`، `شهود`، `مسؤول`), with or without ال.
pub(super) fn is_speaker_head(key: &str) -> bool {
    let b = bare(key);
    head_type(b).is_some() || is_role(b)
}

pub(super) fn bare(key: &str) -> &str {
    key.strip_prefix("ال")
        .filter(|r| r.chars().count() >= 2)
        .unwrap_or(key)
}

pub(super) fn in_set(set: &WordSet, key: &str) -> bool {
    set.contains(key)
}

pub(super) fn is_definite(key: &str) -> bool {
    key.starts_with("ال") && key.chars().count() > 3
}

/// `الإخباري`, `السورية`: a word that can end a phrase as an adjective.
pub(super) fn is_nisba(key: &str) -> bool {
    let b = bare(key);
    in_set(&SOURCE_ADJECTIVES, key)
        || (b.chars().count() >= 4 && (b.ends_with('ي') || b.ends_with("يه") || b.ends_with("يون")))
}

/// `بيانا`, `تقريرا`, `مقتلا`: an object noun in the accusative (its tanween written as a final
/// alif), which no source phrase runs into. Read from the letters alone, so a text with and
/// without harakat is read the same.
pub(super) fn is_accusative_object(key: &str) -> bool {
    key.strip_suffix('ا').is_some_and(|stem| {
        !is_definite(key)
            && (in_set(&OBJECT_NOUNS, stem) || head_type(stem) == Some(SourceType::Document))
    })
}

/// `انتهاء`, `استهداف`, `تفعيل`: shaped like a verbal noun.
pub(super) fn is_masdar_like(key: &str) -> bool {
    let b = bare(key);
    let chars: Vec<char> = b.chars().collect();
    let n = chars.len();
    in_set(&OBJECT_NOUNS, key)
        || in_set(&OBJECT_NOUNS, b)
        || (n >= 5 && chars[0] == 'ا' && chars[n - 2] == 'ا')
        || (n >= 5 && chars[0] == 'ت' && chars[n - 2] == 'ي')
}

/// `تقدم`، `تراجع`، `حدوث`: the shapes `تفعّل`, `تفاعل` and `فُعول` of a verbal noun without
/// article. Plurals and names share them (`جنوب`، `تونس`), so they are read as verbal nouns only
/// where a verb's object stands (`أكدت المصادر تقدم القوات`، `أعلنت عن حدوث انفجار`).
pub(super) fn is_object_masdar(key: &str) -> bool {
    let chars: Vec<char> = key.chars().collect();
    match chars.len() {
        4 => chars[0] == 'ت' || chars[2] == 'و',
        5 => chars[0] == 'ت' && chars[2] == 'ا',
        _ => false,
    }
}

/// `ترشحه`, `استحواذها`: a verbal noun with a possessive pronoun (`ه` that is no `ة`), the
/// four-letter `تفعّل` included (`ترشح`, `تدخل`).
pub(super) fn is_suffixed_masdar(key: &str, ta_marbuta: bool) -> bool {
    !ta_marbuta
        && PRONOUN_SUFFIXES.iter().any(|suffix| {
            key.strip_suffix(suffix.as_str()).is_some_and(|stem| {
                is_masdar_like(stem) || (stem.chars().count() == 4 && stem.starts_with('ت'))
            })
        })
}

/// `نشرته`, `ذكرتها`: a cue verb with an object pronoun (`تقرير نشرته صحيفة …`).
pub(super) fn is_cue_with_object_pronoun(key: &str) -> bool {
    PRONOUN_SUFFIXES.iter().any(|suffix| {
        key.strip_suffix(suffix.as_str()).is_some_and(|stem| {
            stem.chars().count() >= 3
                && super::lexicon::cue_form(stem)
                    .is_some_and(|(f, _)| f.form != super::lexicon::Form::Noun)
        })
    })
}

/// `له`، `لها`، `لهم`، `لنا`: ل with an attached pronoun, whom a speaker told (`قال لنا`).
pub(super) fn is_pronoun_addressee(key: &str) -> bool {
    key.strip_prefix('ل').is_some_and(|rest| {
        matches!(rest, "نا" | "ي" | "ك" | "كم")
            || PRONOUN_SUFFIXES.iter().any(|p| p.as_str() == rest)
    })
}

/// A word of a personal name that can stand alone for its bearer later (`سيدا`, `تيري`): not
/// a title, head noun, particle, adjective or verbal noun.
pub(super) fn is_name_word(key: &str) -> bool {
    key.chars().count() >= 3
        && !is_definite(key)
        && head_type(key).is_none()
        && !is_role(key)
        && !in_set(&NAME_PARTICLES, key)
        && !is_nisba(key)
        && !is_masdar_like(key)
        && super::lexicon::cue_form(key).is_none()
}
