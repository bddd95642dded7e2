//! The entity extractor's lexicon: word classes (titles, head nouns, month and weekday names,
//! number words, currencies, stop words…) built from the word lists in `assets/lexicon/`
//! (see [`super::wordlists`]). Words are given in ordinary spelling there and normalised when
//! the lexicon is built.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::wordlists as lists;
use crate::text::normalize::normalize_str;

/// Word classes, as bit flags so one word can belong to several.
pub mod class {
    pub const TITLE: u32 = 1;
    /// Titles that are followed by a name almost always (honorifics, ranks).
    pub const HONORIFIC: u32 = 1 << 1;
    pub const ORG_HEAD: u32 = 1 << 2;
    pub const GPE_HEAD: u32 = 1 << 3;
    pub const LOC_HEAD: u32 = 1 << 4;
    pub const FAC_HEAD: u32 = 1 << 5;
    pub const MONTH: u32 = 1 << 6;
    /// First word of a two-word month name (كانون الثاني، ربيع الأول، ذو الحجة).
    pub const MONTH_FIRST: u32 = 1 << 7;
    /// Month names that are also ordinary words or given names (مارس، صفر، رمضان…).
    pub const MONTH_AMBIGUOUS: u32 = 1 << 8;
    pub const WEEKDAY: u32 = 1 << 9;
    /// عام، سنة: introduce a year.
    pub const YEAR_WORD: u32 = 1 << 10;
    pub const RELATIVE_DATE: u32 = 1 << 11;
    /// Words that make a relative date with a following period (الماضي، المقبل…).
    pub const PERIOD_WORD: u32 = 1 << 12;
    pub const STOP: u32 = 1 << 13;
    pub const CUE: u32 = 1 << 14;
    pub const NUMBER_WORD: u32 = 1 << 15;
    pub const SCALE: u32 = 1 << 16;
    pub const CURRENCY: u32 = 1 << 17;
    pub const PERCENT_WORD: u32 = 1 << 18;
    pub const GIVEN_NAME: u32 = 1 << 19;
    /// Given names that are also common words; never a name on their own.
    pub const AMBIGUOUS_NAME: u32 = 1 << 20;
    pub const NAME_CONNECTOR: u32 = 1 << 21;
    pub const ERA: u32 = 1 << 22;
    pub const DAY_PART: u32 = 1 << 23;
    pub const TIME_WORD: u32 = 1 << 24;
    /// Plural nouns for groups of people (nationalities, communities).
    pub const NORP: u32 = 1 << 25;
    /// Head nouns of events (حرب، انتفاضة، مؤتمر…).
    pub const EVENT_HEAD: u32 = 1 << 26;
    /// Standalone definite institutions (الحكومة، الجيش) tagged ORG without a complement.
    pub const ORG_STANDALONE: u32 = 1 << 27;
    /// Compass directions (شمال، جنوب…), which join a following place into a LOC.
    pub const DIRECTION: u32 = 1 << 28;
    /// Titles that only count before a known given name (الشاب، الطفل، المواطن).
    pub const WEAK_TITLE: u32 = 1 << 29;
    /// Number words that are no NUMBER alone (أحد، عشرات).
    pub const VAGUE_NUMBER: u32 = 1 << 30;
    /// Foreign given names (جاكلين، ريكاردو): their family names are transliterated too, so
    /// one that looks like a preposition plus a noun (بوكوفا، لويس) still follows.
    pub const FOREIGN_NAME: u32 = 1 << 31;
}

struct Lexicon {
    words: FxHashMap<String, u32>,
    /// Nisbas of both lists (masculine singular, normalised), and institution adjectives
    /// with a leading `=`.
    nisbas: FxHashSet<String>,
    /// Nationality and religion nisbas only.
    nationalities: FxHashSet<String>,
}

fn build() -> Lexicon {
    let mut words: FxHashMap<String, u32> = FxHashMap::default();
    let mut add = |list: &'static str, flags: u32| {
        for word in lists::entries(list) {
            *words.entry(normalize_str(word)).or_insert(0) |= flags;
        }
    };
    use class::*;
    add(lists::TITLES, TITLE);
    add(lists::HONORIFICS, TITLE | HONORIFIC);
    add(lists::WEAK_TITLES, TITLE | WEAK_TITLE);
    add(lists::ORG_HEADS, ORG_HEAD);
    add(lists::ORG_STANDALONE, ORG_STANDALONE);
    add(lists::GPE_HEADS, GPE_HEAD);
    add(lists::LOC_HEADS, LOC_HEAD);
    add(lists::FAC_HEADS, FAC_HEAD);
    add(lists::EVENT_HEADS, EVENT_HEAD);
    add(lists::DIRECTIONS, DIRECTION);
    add(lists::MONTHS, MONTH);
    add(lists::MONTHS_AMBIGUOUS, MONTH | MONTH_AMBIGUOUS);
    add(lists::MONTH_FIRST_WORDS, MONTH_FIRST);
    add(lists::WEEKDAYS, WEEKDAY);
    add(lists::YEAR_WORDS, YEAR_WORD);
    add(lists::RELATIVE_DATES, RELATIVE_DATE);
    add(lists::PERIOD_WORDS, PERIOD_WORD);
    add(lists::DAY_PARTS, DAY_PART);
    add(lists::TIME_WORDS, TIME_WORD);
    add(lists::ERAS, ERA);
    add(lists::NUMBER_WORDS, NUMBER_WORD);
    add(lists::VAGUE_NUMBERS, VAGUE_NUMBER);
    add(lists::SCALES, SCALE | NUMBER_WORD);
    add(lists::CURRENCIES, CURRENCY);
    add(lists::PERCENT_WORDS, PERCENT_WORD);
    add(lists::NAME_CONNECTORS, NAME_CONNECTOR);
    add(lists::NORP_WORDS, NORP);
    add(lists::NAME_ENDING_VERBS, CUE);
    add(lists::STOP_WORDS, STOP);
    add(lists::GIVEN_NAMES, GIVEN_NAME);
    add(lists::GIVEN_NAMES_FOREIGN, GIVEN_NAME | FOREIGN_NAME);
    add(lists::GIVEN_NAMES_ALSO_WORDS, AMBIGUOUS_NAME);
    let nationalities: FxHashSet<String> = lists::entries(lists::NATIONALITIES)
        .map(normalize_str)
        .collect();
    let mut nisbas: FxHashSet<String> = lists::entries(lists::NISBAS).map(normalize_str).collect();
    nisbas.extend(nationalities.iter().cloned());
    nisbas.extend(
        lists::entries(lists::INSTITUTION_ADJECTIVES).map(|w| format!("={}", normalize_str(w))),
    );
    Lexicon {
        words,
        nisbas,
        nationalities,
    }
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(build)
}

/// The classes of a normalised word (0 when unknown).
pub fn classes(normalized_word: &str) -> u32 {
    lexicon().words.get(normalized_word).copied().unwrap_or(0)
}

/// Is this normalised word a nationality or institutional adjective (السورية، الدولي،
/// الفلسطينيين، المتحدة)? The article is optional.
pub fn is_adjective(word: &str) -> bool {
    let lex = lexicon();
    let bare = word.strip_prefix("ال").unwrap_or(word);
    // the `=ال…` key is built on the stack (6,000 calls per article), on the heap only when
    // the word is too long for the buffer
    let mut buffer = [0u8; 64];
    let marked = match joined(&mut buffer, "=ال", bare) {
        Some(key) => lex.nisbas.contains(key),
        None => lex.nisbas.contains(&format!("=ال{bare}")),
    };
    marked || nisba_in(&lex.nisbas, bare)
}

/// `head` and `tail` written one after the other into `buffer`, if they fit.
fn joined<'b>(buffer: &'b mut [u8; 64], head: &str, tail: &str) -> Option<&'b str> {
    let out = buffer.get_mut(..head.len() + tail.len())?;
    let (front, back) = out.split_at_mut(head.len());
    front.copy_from_slice(head.as_bytes());
    back.copy_from_slice(tail.as_bytes());
    std::str::from_utf8(out).ok()
}

/// Is this normalised word a nationality or religion adjective or noun (المصري، مصريه،
/// الفلسطينيين، المسيحيون)? The article is optional.
pub fn is_nationality(word: &str) -> bool {
    let bare = word.strip_prefix("ال").unwrap_or(word);
    nisba_in(&lexicon().nationalities, bare)
}

/// Is `bare` (without ال) a form of a masculine singular nisba of `set`: itself, its feminine
/// or its plurals?
fn nisba_in(set: &FxHashSet<String>, bare: &str) -> bool {
    // every suffix starts with ي, so the masculine form (the stem and ي) is a prefix of
    // `bare`: looked up as a slice of it, with no key built (37,000 calls per article)
    ["يين", "يون", "يات", "يه", "ي"].iter().any(|suffix| {
        bare.strip_suffix(suffix).is_some_and(|base| {
            let masculine = &bare[..base.len() + 'ي'.len_utf8()];
            set.contains(masculine)
        })
    })
}

/// Second words that complete a two-word month name.
pub fn completes_month(first: &str, second: &str) -> bool {
    let second = second.trim_start_matches("ال");
    match first {
        "كانون" | "تشرين" | "تشرن" => {
            matches!(second, "اول" | "ثاني" | "الاول" | "الثاني")
        }
        "ربيع" => matches!(second, "اول" | "ثاني" | "اخر"),
        "جمادي" => matches!(second, "اولي" | "اخره" | "ثانيه" | "اول" | "ثاني"),
        "ذو" | "ذي" => matches!(second, "قعده" | "حجه"),
        _ => false,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::class::*;
    use super::*;

    #[test]
    fn joined_writes_both_parts_or_none_when_too_long() {
        let mut buffer = [0u8; 64];
        assert_eq!(joined(&mut buffer, "=ال", "مصري"), Some("=المصري"));
        assert_eq!(joined(&mut buffer, "", ""), Some(""));
        let long = "ب".repeat(31);
        assert_eq!(joined(&mut buffer, "=ال", &long), None);
        assert_eq!(joined(&mut buffer, "=", &long).map(str::len), Some(63));
        // a word too long for the buffer is still looked up (through a key on the heap)
        assert_eq!(is_adjective(&format!("ال{long}")), is_adjective(&long));
    }

    #[test]
    fn nisba_in_looks_up_the_stem_and_ya_of_every_suffix() {
        let set: FxHashSet<String> = ["مصري", "فلسطيني", "ي"]
            .map(String::from)
            .into_iter()
            .collect();
        // the lookup as it was: the stem with ي appended in a key of its own
        let built = |bare: &str| {
            ["يين", "يون", "يات", "يه", "ي"].iter().any(|suffix| {
                bare.strip_suffix(suffix)
                    .is_some_and(|base| set.contains(&format!("{base}ي")))
            })
        };
        for bare in [
            "مصري",
            "مصريه",
            "مصريون",
            "مصريين",
            "مصريات",
            "فلسطينيين",
            "فلسطيني",
            "سوري",
            "يين",
            "ي",
            "يه",
            "",
            "مصر",
        ] {
            assert_eq!(nisba_in(&set, bare), built(bare), "{bare}");
        }
        assert!(nisba_in(&set, "مصريات") && !nisba_in(&set, "سوريه"));
    }

    #[test]
    fn words_are_looked_up_normalised() {
        assert!(classes("الرييس") == 0);
        assert_ne!(classes("الرئيس") & TITLE, 0);
        assert_ne!(classes("وزاره") & ORG_HEAD, 0);
        assert_ne!(classes("ايار") & MONTH, 0);
        assert_ne!(classes("اذار") & MONTH, 0);
        assert_ne!(classes("صفر") & MONTH_AMBIGUOUS, 0);
        assert_ne!(classes("محمد") & GIVEN_NAME, 0);
        assert_ne!(classes("علي") & AMBIGUOUS_NAME, 0);
        assert_ne!(classes("في") & STOP, 0);
    }

    #[test]
    fn adjectives() {
        assert!(is_adjective("السوريه"));
        assert!(is_adjective("الفلسطينيين"));
        assert!(is_adjective("المتحده"));
        assert!(is_adjective("الدولي"));
        assert!(!is_adjective("المسوليه"));
        assert!(!is_adjective("الحريه"));
    }

    #[test]
    fn two_word_months() {
        assert!(completes_month("كانون", "الثاني"));
        assert!(completes_month("ذو", "الحجه"));
        assert!(completes_month("ربيع", "الاول"));
        assert!(!completes_month("كانون", "الدولي"));
    }
}
