//! The word lists of the extractor, as data: `assets/lexicon/*.txt`, one word per line under a
//! `#` header saying what the list is for and where it came from, embedded at build time like
//! the gazetteers. The entity lexicon ([`super::lexicon`]), the rules and the cue parser
//! ([`super::cues`]) read them through [`entries`].

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

lists! {
    ADVERBS = "adverbs.txt";
    AUXILIARIES = "auxiliaries.txt";
    COMPLEMENTIZERS = "complementizers.txt";
    CONNECTIVES = "connectives.txt";
    CURRENCIES = "currencies.txt";
    DAY_PARTS = "day-parts.txt";
    DIRECTIONS = "directions.txt";
    DURATION_DUALS = "duration-duals.txt";
    DURATION_UNITS = "duration-units.txt";
    ERAS = "eras.txt";
    EVENT_HEADS = "event-heads.txt";
    FAC_HEADS = "fac-heads.txt";
    GAZETTEER_NAMES_ALSO_WORDS = "gazetteer-names-also-words.txt";
    GIVEN_NAMES = "given-names.txt";
    GIVEN_NAMES_ALSO_WORDS = "given-names-also-words.txt";
    GPE_HEADS = "gpe-heads.txt";
    HONORIFICS = "honorifics.txt";
    INSTITUTION_ADJECTIVES = "institution-adjectives.txt";
    LOC_HEADS = "loc-heads.txt";
    MONTH_FIRST_WORDS = "month-first-words.txt";
    MONTHS_AMBIGUOUS = "months-ambiguous.txt";
    MONTHS = "months.txt";
    NAME_CONNECTORS = "name-connectors.txt";
    NAME_ENDING_VERBS = "name-ending-verbs.txt";
    NAME_PARTICLES = "name-particles.txt";
    NISBAS = "nisbas.txt";
    NORP_WORDS = "norp-words.txt";
    NOT_COMPLEMENT_BEFORE = "not-complement-before.txt";
    NUMBER_WORDS = "number-words.txt";
    OBJECT_NOUNS = "object-nouns.txt";
    ORG_HEADS = "org-heads.txt";
    ORG_STANDALONE = "org-standalone.txt";
    OUTLETS = "outlets.txt";
    PARTICLES = "particles.txt";
    PERCENT_WORDS = "percent-words.txt";
    PERIOD_WORDS = "period-words.txt";
    PREPOSITIONS = "prepositions.txt";
    RELATIVE_DATES = "relative-dates.txt";
    RELATIVES = "relatives.txt";
    SCALES = "scales.txt";
    SOURCE_ADJECTIVES = "source-adjectives.txt";
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
    TIME_WORDS = "time-words.txt";
    TITLES = "titles.txt";
    WEAK_TITLES = "weak-titles.txt";
    WEEKDAYS = "weekdays.txt";
    YEAR_WORDS = "year-words.txt";
}

/// The entries of a list: its lines without the `#` header, comments and blank lines, trimmed.
pub fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
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
                assert!(
                    !entry.contains(char::is_whitespace),
                    "{file}:{}: one word per line, not {entry:?}",
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
        let mut registered: Vec<String> = ALL.iter().map(|(f, _)| (*f).to_owned()).collect();
        registered.sort();
        assert_eq!(on_disk, registered);
    }

    #[test]
    fn entries_skip_the_header() {
        let list = "# what\n# where\nقال\nأعلن\n";
        assert_eq!(entries(list).collect::<Vec<_>>(), ["قال", "أعلن"]);
    }
}
