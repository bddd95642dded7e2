//! The embedded gazetteers (`assets/gazetteer/*.tsv`) compiled into one Aho–Corasick automaton
//! over normalised names, searched anchored at word starts (after any proclitics) with the
//! longest entry winning.

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};

use crate::annotate::Label;
use crate::text::normalize::normalize_str;

/// One embedded list: its name (used in `by: "gazetteer:<name>"`) and its text.
const LISTS: &[(&str, &str)] = &[
    (
        "places",
        include_str!("../../assets/gazetteer/countries.tsv"),
    ),
    ("places", include_str!("../../assets/gazetteer/places.tsv")),
    ("places", include_str!("../../assets/gazetteer/cities.tsv")),
    (
        "places",
        include_str!("../../assets/gazetteer/subdivisions.tsv"),
    ),
    (
        "organizations",
        include_str!("../../assets/gazetteer/organizations.tsv"),
    ),
    ("people", include_str!("../../assets/gazetteer/people.tsv")),
    ("works", include_str!("../../assets/gazetteer/works.tsv")),
    ("clubs", include_str!("../../assets/gazetteer/clubs.tsv")),
    (
        "platforms",
        include_str!("../../assets/gazetteer/platforms.tsv"),
    ),
];

const BLOCKLIST: &str = include_str!("../../assets/gazetteer/blocklist.txt");

/// What a pattern stands for.
#[derive(Debug, Clone)]
pub struct Entry {
    pub label: Label,
    pub list: &'static str,
    /// The pattern is an `ال…` name with its alef removed, as written after the preposition ل
    /// (للأمم المتحدة = ل + الأمم المتحدة); valid only right after a ل proclitic.
    pub after_lam: bool,
    /// The label a later list gives the same name (الشرق الأوسط: a region, and a newspaper
    /// in organizations.tsv), for the rules to take where the context says so.
    pub also: Option<Label>,
}

pub struct Gazetteer {
    /// `None` only if the automaton could not be built (it is built from compiled-in lists,
    /// so in practice never); lookups then find nothing rather than panicking.
    automaton: Option<AhoCorasick>,
    entries: Vec<Entry>,
    starts: Starts,
}

/// Which six-byte beginnings (three Arabic letters) the patterns have, as a bitset over a hash
/// of the six bytes, and the few patterns shorter than that: most word starts of an article
/// begin no name, and this answers them without the anchored search, which cost about 400
/// instructions a call, 32,000 calls an article (a set bit only means "search": two beginnings
/// may share a bit, never a pattern be missed).
struct Starts {
    bits: Vec<u64>,
    short: Vec<Vec<u8>>,
}

/// Bytes of a pattern's beginning looked up in [`Starts`].
const START_BYTES: usize = 6;

/// Bits of [`Starts::bits`]: 2^16, 8 kB, for some thousands of beginnings.
const START_HASH_BITS: u32 = 16;

impl Starts {
    fn new<'a>(patterns: impl IntoIterator<Item = &'a str>) -> Self {
        let mut starts = Starts {
            bits: vec![0; (1 << START_HASH_BITS) / 64],
            short: Vec::new(),
        };
        for pattern in patterns {
            match pattern.as_bytes().first_chunk::<START_BYTES>() {
                Some(first) => {
                    let bit = start_hash(first);
                    starts.bits[bit / 64] |= 1 << (bit % 64);
                }
                None => starts.short.push(pattern.as_bytes().to_vec()),
            }
        }
        starts
    }

    /// Whether a pattern may begin `rest`: false only when none does.
    fn may_begin(&self, rest: &[u8]) -> bool {
        if self.short.iter().any(|p| rest.starts_with(p)) {
            return true;
        }
        let Some(first) = rest.first_chunk::<START_BYTES>() else {
            // shorter than every pattern but the short ones
            return false;
        };
        let bit = start_hash(first);
        self.bits[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// The bit of [`Starts`] for a pattern's first six bytes (a multiplicative hash).
fn start_hash(first: &[u8; START_BYTES]) -> usize {
    let mut word = [0; 8];
    word[..START_BYTES].copy_from_slice(first);
    let mixed = u64::from_le_bytes(word).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (mixed >> (64 - START_HASH_BITS)) as usize
}

/// A gazetteer hit: normalised byte range and what it is.
#[derive(Debug, Clone)]
pub struct Hit {
    pub end: usize,
    pub entry: Entry,
}

impl Gazetteer {
    fn build() -> Self {
        let blocked: std::collections::HashSet<String> = BLOCKLIST
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(normalize_str)
            .collect();
        // Later lists do not override earlier ones: countries and curated places come first.
        let mut by_key: HashMap<String, Entry> = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        for &(list, text) in LISTS {
            for line in text.lines() {
                if line.starts_with('#') || line.trim().is_empty() {
                    continue;
                }
                let mut cols = line.split('\t');
                let (Some(name), Some(label)) = (cols.next(), cols.next()) else {
                    continue;
                };
                let Some(label) = Label::parse(label.trim()).ok().filter(Label::is_built_in) else {
                    continue;
                };
                let key = normalize_str(name.trim());
                let key = key.split_whitespace().collect::<Vec<_>>().join(" ");
                if key.is_empty() || (list == "places" && blocked.contains(&key)) {
                    continue;
                }
                let mut insert = |key: String, after_lam: bool| match by_key.entry(key.clone()) {
                    std::collections::hash_map::Entry::Vacant(slot) => {
                        order.push(key);
                        slot.insert(Entry {
                            label: label.clone(),
                            list,
                            after_lam,
                            also: None,
                        });
                    }
                    std::collections::hash_map::Entry::Occupied(mut slot) => {
                        let entry = slot.get_mut();
                        if entry.label != label && entry.also.is_none() {
                            entry.also = Some(label.clone());
                        }
                    }
                };
                if let Some(rest) = key.strip_prefix("ال") {
                    insert(format!("ل{rest}"), true);
                }
                insert(key, false);
            }
        }
        let entries: Vec<Entry> = order.iter().map(|k| by_key[k].clone()).collect();
        let starts = Starts::new(order.iter().map(String::as_str));
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(&order)
            .ok();
        Gazetteer {
            automaton,
            entries,
            starts,
        }
    }

    /// The shared, lazily built gazetteer.
    pub fn get() -> &'static Gazetteer {
        static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
        GAZETTEER.get_or_init(Gazetteer::build)
    }

    /// The longest entry starting exactly at `start` in `haystack` and ending at a word
    /// boundary.
    pub fn longest_at(&self, haystack: &str, start: usize) -> Option<Hit> {
        if !self.starts.may_begin(haystack.as_bytes().get(start..)?) {
            return None;
        }
        self.search_at(haystack, start)
    }

    /// [`Gazetteer::longest_at`] by the automaton alone.
    fn search_at(&self, haystack: &str, start: usize) -> Option<Hit> {
        let input = Input::new(haystack)
            .span(start..haystack.len())
            .anchored(Anchored::Yes);
        let found = self.automaton.as_ref()?.find(input)?;
        let end = found.end();
        let boundary = haystack[end..]
            .chars()
            .next()
            .is_none_or(|c| !super::tokens::is_word_char(c));
        if !boundary {
            return None;
        }
        Some(Hit {
            end,
            entry: self.entries[found.pattern().as_usize()].clone(),
        })
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn finds_longest_entry_at_a_word_start() {
        let g = Gazetteer::get();
        assert!(g.len() > 3000);
        let text = normalize_str("منظمة الصحة العالمية تقول");
        let hit = g.longest_at(&text, 0).unwrap();
        assert_eq!(&text[..hit.end], "منظمه الصحه العالميه");
        assert_eq!(hit.entry.label, Label::ORG);
        // A prefix of a longer word is not a hit.
        let text = normalize_str("مصرف");
        assert!(g.longest_at(&text, 0).is_none());
    }

    #[test]
    fn the_filter_of_beginnings_drops_no_hit() {
        // every character boundary of a diacritised article, folded: the filtered lookup
        // finds what the automaton alone finds, and most boundaries begin no pattern
        let g = Gazetteer::get();
        let text = normalize_str(include_str!("../../tests/data/wikinews-ar.txt"));
        let (mut searched, mut hits) = (0, 0);
        for (at, _) in text.char_indices() {
            let filtered = g.longest_at(&text, at).map(|h| (h.end, h.entry.label));
            let searched_hit = g.search_at(&text, at).map(|h| (h.end, h.entry.label));
            assert_eq!(filtered, searched_hit, "at {at}");
            searched += usize::from(g.starts.may_begin(&text.as_bytes()[at..]));
            hits += usize::from(filtered.is_some());
        }
        let boundaries = text.chars().count();
        assert!(hits > 1000, "{hits}");
        assert!(searched < boundaries / 3, "{searched} of {boundaries}");
        // patterns shorter than the filter's six bytes are looked for all the same
        let starts = Starts::new(["ab", "مصر"]);
        assert!(starts.may_begin(b"ab"));
        assert!(starts.may_begin("مصرف".as_bytes()));
        assert!(!starts.may_begin("قال".as_bytes()));
        assert!(!starts.may_begin(b"a"));
        assert!(g.starts.short.len() < 10, "{}", g.starts.short.len());
    }

    #[test]
    fn blocked_words_are_not_places() {
        let g = Gazetteer::get();
        let text = normalize_str("الحرية");
        assert!(g.longest_at(&text, 0).is_none());
    }

    #[test]
    fn lam_variant_is_marked() {
        let g = Gazetteer::get();
        let text = normalize_str("لامم المتحدة");
        let hit = g.longest_at(&text, 0).unwrap();
        assert!(hit.entry.after_lam);
    }
}
