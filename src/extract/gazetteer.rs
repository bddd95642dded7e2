//! The embedded gazetteers (`assets/gazetteer/*.tsv`) compiled into one trie over normalised
//! names, searched anchored at word starts (after any proclitics) with the longest entry
//! winning.

use std::collections::VecDeque;
use std::collections::hash_map;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

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
    names: NameTrie,
    entries: Vec<Entry>,
    starts: Starts,
}

/// No name ends at this node of a [`NameTrie`].
const NO_NAME: u32 = u32::MAX;

/// The names as a trie over their bytes, for the longest name that begins a text (what an
/// anchored leftmost-longest Aho–Corasick search finds). An automaton was built here before:
/// its failure links, which an anchored search never follows, were most of the 70 M
/// instructions of building it, three quarters of `isnad extract` on a 3 kB article. The
/// trie is built from the sorted names in one pass, breadth first, so that the edges of each
/// node are together and in byte order.
struct NameTrie {
    /// Per node: its first edge in `edge_bytes` and `edge_nodes`, and how many it has.
    first_edge: Vec<u32>,
    edge_count: Vec<u32>,
    /// Per node: the name (index into the names given to [`NameTrie::new`]) ending there.
    name: Vec<u32>,
    edge_bytes: Vec<u8>,
    edge_nodes: Vec<u32>,
}

impl NameTrie {
    fn new(names: &[String]) -> Self {
        let index = |i: usize| u32::try_from(i).unwrap_or(NO_NAME);
        let mut sorted: Vec<usize> = (0..names.len()).collect();
        sorted.sort_unstable_by(|&a, &b| names[a].as_bytes().cmp(names[b].as_bytes()));
        let mut trie = NameTrie {
            first_edge: vec![0],
            edge_count: vec![0],
            name: vec![NO_NAME],
            edge_bytes: Vec::new(),
            edge_nodes: Vec::new(),
        };
        // (node, the sorted names below it, its depth): they share their first `depth` bytes
        let mut queue = VecDeque::from([(0, 0..sorted.len(), 0)]);
        while let Some((node, mut below, depth)) = queue.pop_front() {
            // of names sharing a prefix, the one that is the prefix sorts first (and is alone)
            if let Some(&first) = sorted.get(below.start)
                && below.start < below.end
                && names[first].len() == depth
            {
                trie.name[node] = index(first);
                below.start += 1;
            }
            trie.first_edge[node] = index(trie.edge_bytes.len());
            let byte_at = |k: usize| names[sorted[k]].as_bytes()[depth];
            while below.start < below.end {
                let byte = byte_at(below.start);
                let mut end = below.start + 1;
                while end < below.end && byte_at(end) == byte {
                    end += 1;
                }
                let child = trie.name.len();
                trie.first_edge.push(0);
                trie.edge_count.push(0);
                trie.name.push(NO_NAME);
                trie.edge_bytes.push(byte);
                trie.edge_nodes.push(index(child));
                trie.edge_count[node] += 1;
                queue.push_back((child, below.start..end, depth + 1));
                below.start = end;
            }
        }
        trie
    }

    /// The longest name that `text` begins with: its length in bytes and its index.
    fn longest_prefix(&self, text: &[u8]) -> Option<(usize, usize)> {
        let mut node = 0;
        let mut longest = None;
        for (depth, byte) in text.iter().enumerate() {
            let first = self.first_edge[node] as usize;
            let edges = first..first + self.edge_count[node] as usize;
            let Ok(k) = self.edge_bytes[edges].binary_search(byte) else {
                break;
            };
            node = self.edge_nodes[first + k] as usize;
            if self.name[node] != NO_NAME {
                longest = Some((depth + 1, self.name[node] as usize));
            }
        }
        longest
    }
}

/// Which six-byte beginnings (three Arabic letters) the patterns have, as a bitset over a hash
/// of the six bytes, and the few patterns shorter than that: most word starts of an article
/// begin no name, and this answers them without walking the trie, 32,000 calls an article (a
/// set bit only means "search": two beginnings may share a bit, never a pattern be missed). It
/// was written for the anchored automaton the trie replaced (about 400 instructions a call);
/// beside the trie its gain has not been measured again.
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

/// Every name of the lists, folded, in the order first seen, with what it stands for.
fn names() -> (Vec<String>, Vec<Entry>) {
    let blocked: FxHashSet<String> = BLOCKLIST
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(normalize_str)
        .collect();
    // Later lists do not override earlier ones: countries and curated places come first.
    let mut by_key: FxHashMap<String, Entry> = FxHashMap::default();
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
                hash_map::Entry::Vacant(slot) => {
                    order.push(key);
                    slot.insert(Entry {
                        label: label.clone(),
                        list,
                        after_lam,
                        also: None,
                    });
                }
                hash_map::Entry::Occupied(mut slot) => {
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
    (order, entries)
}

/// A gazetteer hit: normalised byte range and what it is.
#[derive(Debug, Clone)]
pub struct Hit {
    pub end: usize,
    pub entry: Entry,
}

impl Gazetteer {
    fn build() -> Self {
        let (order, entries) = names();
        let starts = Starts::new(order.iter().map(String::as_str));
        Gazetteer {
            names: NameTrie::new(&order),
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

    /// [`Gazetteer::longest_at`] by the trie alone.
    fn search_at(&self, haystack: &str, start: usize) -> Option<Hit> {
        let (len, name) = self
            .names
            .longest_prefix(haystack.as_bytes().get(start..)?)?;
        let end = start + len;
        let boundary = haystack
            .get(end..)?
            .chars()
            .next()
            .is_none_or(|c| !super::tokens::is_word_char(c));
        if !boundary {
            return None;
        }
        Some(Hit {
            end,
            entry: self.entries.get(name)?.clone(),
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
        // finds what the unfiltered trie finds, and most boundaries begin no pattern
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
    fn the_trie_finds_what_an_anchored_longest_automaton_finds() {
        // at every character boundary of a diacritised article, folded, and of each name
        // with a letter added or cut: the longest name beginning there, as the automaton the
        // gazetteer was searched with before finds it
        use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
        let (order, _) = names();
        let trie = NameTrie::new(&order);
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(&order)
            .unwrap();
        let longest = |text: &str, at: usize| {
            let input = Input::new(text)
                .span(at..text.len())
                .anchored(Anchored::Yes);
            automaton
                .find(input)
                .map(|m| (m.end() - at, m.pattern().as_usize()))
        };
        let article = normalize_str(include_str!("../../tests/data/wikinews-ar.txt"));
        let mut found = 0;
        for (at, _) in article.char_indices() {
            let hit = trie.longest_prefix(&article.as_bytes()[at..]);
            assert_eq!(hit, longest(&article, at), "at {at}");
            found += usize::from(hit.is_some());
        }
        assert!(found > 1000, "{found}");
        for name in order.iter().step_by(7) {
            for text in [name.clone(), format!("{name}ة"), format!("{name} x")] {
                assert_eq!(
                    trie.longest_prefix(text.as_bytes()),
                    longest(&text, 0),
                    "{text}"
                );
            }
            let cut = &name[..name.char_indices().last().map_or(0, |(at, _)| at)];
            assert_eq!(
                trie.longest_prefix(cut.as_bytes()),
                longest(cut, 0),
                "{cut}"
            );
        }
        let empty = NameTrie::new(&[]);
        assert_eq!(empty.longest_prefix(b"abc"), None);
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
