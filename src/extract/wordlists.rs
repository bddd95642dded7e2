//! The word lists of the extractor, as data: `assets/lexicon/*.txt`, one word per line under a
//! `#` header saying what the list is for and where it came from (a `*-phrases.txt` list holds
//! phrases of single-space-separated words), embedded at build time like the gazetteers; and
//! its tables, `assets/lexicon/*.tsv`, one entry per line in tab-separated columns that the
//! header explains. The entity lexicon ([`super::lexicon`]), the rules, the cue parser
//! ([`super::cues`]) and the isnad rules read them through [`entries`] and [`rows`].

use crate::text::normalize::normalize_str;

/// Declares one constant per list file and [`ALL`], the registry the format test checks.
macro_rules! lists {
    ($($name:ident = $file:literal;)*) => {
        $(
            #[doc = concat!("`assets/lexicon/", $file, "`.")]
            pub const $name: &str = include_str!(concat!("../../assets/lexicon/", $file));
        )*
        /// Every list with its file name.
        pub const ALL: &[(&str, &str)] = &[$(($file, $name)),*];
    };
}

/// Declares one constant per table file and [`TABLES`], the registry the format test checks.
macro_rules! tables {
    ($($name:ident = $file:literal, $columns:literal;)*) => {
        $(
            #[doc = concat!("`assets/lexicon/", $file, "`.")]
            pub const $name: Table = Table {
                file: $file,
                text: include_str!(concat!("../../assets/lexicon/", $file)),
                columns: $columns,
            };
        )*
        /// Every table.
        pub const TABLES: &[Table] = &[$($name),*];
    };
}

/// A table of entries with fields: one entry per line, `columns` fields separated by one tab.
#[derive(Clone, Copy, Debug)]
pub struct Table {
    pub file: &'static str,
    pub text: &'static str,
    pub columns: usize,
}

/// One row of a [`Table`]: its line number (from 1) and its fields, trimmed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub fields: Vec<&'static str>,
}

impl Row {
    /// The field in column `i` (from 0); empty past the last.
    pub fn get(&self, i: usize) -> &'static str {
        self.fields.get(i).copied().unwrap_or("")
    }

    /// An error about this row, naming the table's file and the line.
    pub fn error(&self, table: &Table, what: &str) -> String {
        format!("assets/lexicon/{}:{}: {what}", table.file, self.line)
    }
}

tables! {
    CHAIN_CUES = "chain-cues.tsv", 2;
    CUE_VERBS = "cue-verbs.tsv", 8;
    CUE_PREPOSITIONS = "cue-prepositions.tsv", 3;
    CUE_STANCE_FRAMES = "cue-stance-frames.tsv", 2;
    DENIAL_WORDS = "denial-words.tsv", 2;
    NEGATIONS = "negations.tsv", 2;
}

lists! {
    ACCOUNT_PLACE_WORDS = "account-place-words.txt";
    ADVERBS = "adverbs.txt";
    AUXILIARIES = "auxiliaries.txt";
    CHAIN_DOCUMENT_VERBS = "chain-document-verbs.txt";
    CHAIN_SAME_WORDS = "chain-same-words.txt";
    CLAUSE_OPENERS = "clause-openers.txt";
    CLUB_NAMES_ALSO_WORDS = "club-names-also-words.txt";
    COMPLEMENTIZERS = "complementizers.txt";
    CONNECTIVES = "connectives.txt";
    CONTRAST_CONNECTIVES = "contrast-connectives.txt";
    CUE_ANAPHOR_PHRASES = "cue-anaphor-phrases.txt";
    CUE_CALL_VERBS = "cue-call-verbs.txt";
    CUE_NEGATED_SAYINGS = "cue-negated-sayings.txt";
    CUE_NOT_YET = "cue-not-yet.txt";
    CUE_NOUNS = "cue-nouns.txt";
    CUE_REPORTED_CONTENT_VERBS = "cue-reported-content-verbs.txt";
    CURRENCIES = "currencies.txt";
    DAY_PARTS = "day-parts.txt";
    DAY_TIME_PARTS = "day-time-parts.txt";
    DIRECTIONS = "directions.txt";
    DURATION_DUALS = "duration-duals.txt";
    DURATION_UNITS = "duration-units.txt";
    ERAS = "eras.txt";
    EVENT_HEADS = "event-heads.txt";
    YEAR_EVENT_HEADS = "year-event-heads.txt";
    FALSITY_PHRASES = "falsity-phrases.txt";
    FA_INNA = "fa-inna.txt";
    FAC_HEADS = "fac-heads.txt";
    FEMININE_PLURAL_HEADS = "feminine-plural-heads.txt";
    GAZETTEER_NAMES_ALSO_WORDS = "gazetteer-names-also-words.txt";
    GIVEN_NAMES = "given-names.txt";
    GIVEN_NAMES_FOREIGN = "given-names-foreign.txt";
    GIVEN_NAMES_ALSO_WORDS = "given-names-also-words.txt";
    GIVEN_NAMES_DEFINITE = "given-names-definite.txt";
    GPE_HEADS = "gpe-heads.txt";
    HAND_NAME_ENDS = "hand-name-ends.txt";
    HOUR_WORDS = "hour-words.txt";
    HONORIFICS = "honorifics.txt";
    HUMAN_PLURAL_HEADS = "human-plural-heads.txt";
    IDENTIFYING_ADJECTIVES = "identifying-adjectives.txt";
    IDENTITY_WORDS = "identity-words.txt";
    INSTITUTION_ADJECTIVES = "institution-adjectives.txt";
    LOC_HEADS = "loc-heads.txt";
    MISC_HEADS = "misc-heads.txt";
    MEDIUM_HEADS = "medium-heads.txt";
    MONTH_FIRST_WORDS = "month-first-words.txt";
    MONTHS_AMBIGUOUS = "months-ambiguous.txt";
    MONTHS = "months.txt";
    NAME_CONNECTORS = "name-connectors.txt";
    NAME_ENDING_VERBS = "name-ending-verbs.txt";
    NAME_PARTICLES = "name-particles.txt";
    NAMESAKE_TITLES = "namesake-titles.txt";
    NATIONALITIES = "nationalities.txt";
    NISBAS = "nisbas.txt";
    NORP_WORDS = "norp-words.txt";
    NOT_COMPLEMENT_BEFORE = "not-complement-before.txt";
    NUMBER_WORDS = "number-words.txt";
    OBJECT_NOUNS = "object-nouns.txt";
    OFFICIAL_MODIFIERS = "official-modifiers.txt";
    ORG_HEADS = "org-heads.txt";
    ORG_PURPOSE_NOUNS = "org-purpose-nouns.txt";
    ORG_STANDALONE = "org-standalone.txt";
    ORDINALS = "ordinals.txt";
    OUTLETS = "outlets.txt";
    PARTICLES = "particles.txt";
    PARTITIVE_HEADS = "partitive-heads.txt";
    PERCENT_WORDS = "percent-words.txt";
    PERIOD_WORDS = "period-words.txt";
    PHRASE_STOPS = "phrase-stops.txt";
    PLACE_PLURAL_HEADS = "place-plural-heads.txt";
    PLAIN_ADJECTIVES = "plain-adjectives.txt";
    PLATFORM_CONTEXT = "platform-context.txt";
    PREPOSITIONS = "prepositions.txt";
    PRONOUN_PARTICLES = "pronoun-particles.txt";
    PRONOUN_SUFFIXES = "pronoun-suffixes.txt";
    REACTION_NOUNS = "reaction-nouns.txt";
    REACTION_PREPOSITIONS = "reaction-prepositions.txt";
    QUOTED_NAME_HEADS = "quoted-name-heads.txt";
    RELATIVE_DATES = "relative-dates.txt";
    RELATIVES = "relatives.txt";
    REPORT_FRAME_PHRASES = "report-frame-phrases.txt";
    SAYING_NOUNS = "saying-nouns.txt";
    SCALES = "scales.txt";
    SOURCE_ADJECTIVES = "source-adjectives.txt";
    SPORT_CONTEXT = "sport-context.txt";
    SEASONS = "seasons.txt";
    SOURCE_HEADS_AFFECTED_PERSON = "source-heads-affected-person.txt";
    SOURCE_HEADS_ANONYMOUS_OFFICIAL = "source-heads-anonymous-official.txt";
    SOURCE_HEADS_ANONYMOUS = "source-heads-anonymous.txt";
    SOURCE_HEADS_DOCUMENT = "source-heads-document.txt";
    SOURCE_HEADS_EXPERT = "source-heads-expert.txt";
    SOURCE_HEADS_EYEWITNESS = "source-heads-eyewitness.txt";
    SOURCE_HEADS_JOURNALIST = "source-heads-journalist.txt";
    SOURCE_HEADS_MEDIA_OUTLET = "source-heads-media-outlet.txt";
    SOURCE_HEADS_OFFICIAL = "source-heads-official.txt";
    SOURCE_HEADS_ORGANIZATION = "source-heads-organization.txt";
    SOURCE_HEADS_SOCIAL_MEDIA = "source-heads-social-media.txt";
    STOP_WORDS = "stop-words.txt";
    TRAFFIC_NOUNS = "traffic-nouns.txt";
    TIME_ADJECTIVES = "time-adjectives.txt";
    TIME_WORDS = "time-words.txt";
    TITLES = "titles.txt";
    TITLE_DOMAIN_NOUNS = "title-domain-nouns.txt";
    VAGUE_NUMBERS = "vague-numbers.txt";
    WEAK_TITLES = "weak-titles.txt";
    WEEKDAYS = "weekdays.txt";
    WISH_NOUNS = "wish-nouns.txt";
    WITHHOLDING_WORDS = "withholding-words.txt";
    WRITER_TAKEOVER_WORDS = "writer-takeover-words.txt";
    YEAR_WORDS = "year-words.txt";
}

/// A set of folded words. The rules look every word of an article up in several of these
/// (some 100,000 lookups per Wikinews-sized article), and nearly every lookup misses: a sketch
/// of the words' lengths and last letters answers most misses before the word is hashed. The
/// set itself is FxHash, not SipHash: the keys are the project's own word lists.
#[derive(Clone, Debug)]
pub struct WordSet {
    words: rustc_hash::FxHashSet<String>,
    /// Bit `sketch_bit(w)` is set for every word `w` of the set: a word whose bit is clear is
    /// not in it.
    sketch: [u64; SKETCH_BITS / 64],
}

/// The bits of a [`WordSet`]'s sketch: the length (modulo 16) and the last two bytes (the last
/// letter of an Arabic word: the low two bits of its lead byte, the low six of its continuation
/// byte) make 4,096 cells; a set of a few hundred words fills a few percent of them.
const SKETCH_BITS: usize = 4096;

fn sketch_bit(word: &[u8]) -> usize {
    let n = word.len();
    let last = n.checked_sub(1).and_then(|i| word.get(i)).copied();
    let before = n.checked_sub(2).and_then(|i| word.get(i)).copied();
    ((n & 0x0F) << 8)
        | (usize::from(last.unwrap_or(0) & 0x3F) << 2)
        | usize::from(before.unwrap_or(0) & 0x03)
}

impl Default for WordSet {
    fn default() -> Self {
        WordSet {
            words: rustc_hash::FxHashSet::default(),
            sketch: [0; SKETCH_BITS / 64],
        }
    }
}

impl WordSet {
    /// Whether `key` is one of the words (asked as of a hash set: a `&str` or a `&String`).
    #[inline]
    pub fn contains<Q>(&self, key: &Q) -> bool
    where
        String: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + AsRef<[u8]> + ?Sized,
    {
        let bit = sketch_bit(key.as_ref());
        self.sketch[bit / 64] & (1 << (bit % 64)) != 0 && self.words.contains(key)
    }

    /// Adds `word`; whether it was new.
    pub fn insert(&mut self, word: String) -> bool {
        mark(&mut self.sketch, &word);
        self.words.insert(word)
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The words, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = &String> {
        self.words.iter()
    }
}

impl FromIterator<String> for WordSet {
    fn from_iter<I: IntoIterator<Item = String>>(words: I) -> Self {
        let mut set = WordSet::default();
        set.extend(words);
        set
    }
}

impl Extend<String> for WordSet {
    /// The words go to the hash set's own `extend` (which reserves room as its size hint
    /// says), so the set grows, and iterates, as the plain set it replaced.
    fn extend<I: IntoIterator<Item = String>>(&mut self, words: I) {
        let sketch = &mut self.sketch;
        self.words
            .extend(words.into_iter().inspect(|word| mark(sketch, word)));
    }
}

/// Sets the sketch bit of `word`.
fn mark(sketch: &mut [u64; SKETCH_BITS / 64], word: &str) {
    let bit = sketch_bit(word.as_bytes());
    sketch[bit / 64] |= 1 << (bit % 64);
}

impl IntoIterator for WordSet {
    type Item = String;
    type IntoIter = std::collections::hash_set::IntoIter<String>;

    fn into_iter(self) -> Self::IntoIter {
        self.words.into_iter()
    }
}

impl<'a> IntoIterator for &'a WordSet {
    type Item = &'a String;
    type IntoIter = std::collections::hash_set::Iter<'a, String>;

    fn into_iter(self) -> Self::IntoIter {
        self.words.iter()
    }
}

/// The entries of a list folded as the text is matched (`normalize_str`), as a set.
pub fn folded(list: &'static str) -> std::collections::HashSet<String> {
    entries(list).map(normalize_str).collect()
}

/// [`folded`] as a [`WordSet`], for the sets the rules look words up in.
pub fn word_set(list: &'static str) -> WordSet {
    entries(list).map(normalize_str).collect()
}

/// The entries of a list: its lines without the `#` header, comments and blank lines, trimmed.
pub fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// The rows of a table, comments and blank lines skipped; `Err` names the file and line of a
/// row without the table's number of columns.
pub fn rows(table: Table) -> impl Iterator<Item = Result<Row, String>> {
    table
        .text
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty() && !line.starts_with('#'))
        .map(move |(n, line)| {
            let row = Row {
                line: n + 1,
                fields: line.split('\t').map(str::trim).collect(),
            };
            if row.fields.len() == table.columns && row.fields.iter().all(|f| !f.is_empty()) {
                Ok(row)
            } else {
                Err(row.error(
                    &table,
                    &format!(
                        "{} non-empty tab-separated columns expected, found {:?}",
                        table.columns, row.fields
                    ),
                ))
            }
        })
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn every_list_has_a_header_and_distinct_single_entries() {
        for (file, list) in ALL {
            let header: Vec<&str> = list.lines().take_while(|l| l.starts_with('#')).collect();
            assert!(
                header.len() >= 2 && header.iter().all(|l| l.len() > 3),
                "{file}: needs a `#` header saying what the list is for and where it came from"
            );
            let mut seen = HashSet::new();
            for (n, line) in list.lines().enumerate().skip(header.len()) {
                let entry = line.trim();
                assert!(!entry.is_empty(), "{file}:{}: blank line", n + 1);
                assert_eq!(entry, line, "{file}:{}: spaces around the entry", n + 1);
                assert!(
                    !entry.starts_with('#'),
                    "{file}:{}: comment after the header",
                    n + 1
                );
                let phrases = file.ends_with("-phrases.txt");
                let one_word = !entry.contains(char::is_whitespace);
                let one_phrase = entry
                    .split(' ')
                    .all(|w| !w.is_empty() && !w.contains(char::is_whitespace));
                assert!(
                    one_word || (phrases && one_phrase),
                    "{file}:{}: one word (in a -phrases list, words separated by one space) per line, not {entry:?}",
                    n + 1
                );
                assert!(
                    seen.insert(entry),
                    "{file}:{}: {entry:?} listed twice",
                    n + 1
                );
            }
            assert!(!seen.is_empty(), "{file}: no entries");
        }
    }

    #[test]
    fn every_file_in_the_folder_is_registered() {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/lexicon");
        let mut on_disk: Vec<String> = std::fs::read_dir(folder)
            .expect("assets/lexicon is readable")
            .map(|e| {
                e.expect("a folder entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        on_disk.sort();
        let mut registered: Vec<String> = ALL
            .iter()
            .map(|(f, _)| *f)
            .chain(TABLES.iter().map(|t| t.file))
            .map(str::to_owned)
            .collect();
        registered.sort();
        assert_eq!(on_disk, registered);
    }

    #[test]
    fn every_table_has_a_header_and_rows_of_its_columns() {
        for table in TABLES {
            let header = table
                .text
                .lines()
                .take_while(|l| l.starts_with('#'))
                .count();
            assert!(
                header >= 3,
                "{}: needs a `#` header explaining its columns",
                table.file
            );
            let rows: Vec<Row> = rows(*table)
                .map(|r| r.unwrap_or_else(|e| panic!("{e}")))
                .collect();
            assert!(!rows.is_empty(), "{}: no rows", table.file);
        }
    }

    #[test]
    fn a_malformed_row_names_its_file_and_line() {
        let table = Table {
            file: "t.tsv",
            text: "# what\n# where\nقال\tقالت\nقال\n",
            columns: 2,
        };
        let rows: Vec<_> = rows(table).collect();
        assert_eq!(
            rows[0].as_ref().map(|r| r.fields.clone()),
            Ok(vec!["قال", "قالت"])
        );
        let err = rows[1].clone().err().unwrap_or_default();
        assert!(err.starts_with("assets/lexicon/t.tsv:4: 2 "), "{err}");
    }

    #[test]
    fn entries_skip_the_header() {
        let list = "# what\n# where\nقال\nأعلن\n";
        assert_eq!(entries(list).collect::<Vec<_>>(), ["قال", "أعلن"]);
    }

    #[test]
    fn the_sketch_of_a_word_set_turns_away_no_member() {
        // every list as a set, asked for each of its words, each word with its last letter cut
        // or a letter added, and every folded word of the Wikinews text: the sketch's answer is
        // the plain set's
        let text = normalize_str(include_str!("../../tests/data/wikinews-ar.txt"));
        let text_words: Vec<&str> = text.split_whitespace().collect();
        for (file, list) in ALL {
            let set = word_set(list);
            let plain: rustc_hash::FxHashSet<String> = entries(list).map(normalize_str).collect();
            assert_eq!(set.len(), plain.len(), "{file}");
            for word in &plain {
                assert!(set.contains(word), "{file}: {word}");
                let cut: String = word
                    .chars()
                    .take(word.chars().count().saturating_sub(1))
                    .collect();
                let added = format!("{word}ة");
                for probe in [cut.as_str(), added.as_str(), ""] {
                    assert_eq!(
                        set.contains(probe),
                        plain.contains(probe),
                        "{file}: {probe}"
                    );
                }
            }
            for word in &text_words {
                assert_eq!(set.contains(*word), plain.contains(*word), "{file}: {word}");
            }
        }
    }
}
