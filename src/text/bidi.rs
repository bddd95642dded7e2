//! The Unicode Bidirectional Algorithm as isnad uses it: paragraph levels from `unicode-bidi`
//! (rules P–I, conformance-tested), then per line our own L1 on just that line (the crate's
//! `reordered_levels` copies the whole paragraph for every line, quadratic on long
//! paragraphs), L2 through `reorder_visual` over whatever units the caller passes (grapheme
//! clusters, so marks stay after their base: L3), and L4 mirroring.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use unicode_bidi::{BidiClass, BidiDataSource, BidiInfo, Level, ParagraphBidiInfo};

/// Paragraph direction: from the first strong character (UAX #9 P2/P3) or forced. The one type
/// for it: the layout, the configuration file and the command line all use it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Direction {
    #[default]
    Auto,
    Rtl,
    Ltr,
}

impl Direction {
    /// Every direction, in the order the configuration and `--help` list them.
    pub const ALL: [Direction; 3] = [Self::Auto, Self::Rtl, Self::Ltr];

    /// The name used in the configuration file and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::Rtl => "rtl",
            Self::Ltr => "ltr",
        }
    }
}

impl std::str::FromStr for Direction {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|d| d.name() == s)
            .ok_or_else(|| format!("unknown direction '{s}' (expected auto, rtl or ltr)"))
    }
}

impl std::fmt::Display for Direction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// How right-to-left text is drawn. The one type for it: the layout, the configuration file,
/// the command line and the reader's `:bidi` all use it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum BidiMode {
    /// isnad reorders and shapes; the terminal must only draw cells left to right.
    #[default]
    App,
    /// Logical order, unshaped: for terminals that do bidi and shaping themselves.
    Terminal,
    /// Raw logical text, left-aligned (still sanitised), for debugging.
    Off,
}

impl BidiMode {
    /// Every mode, in the order of the cycle and of `--help`.
    pub const ALL: [BidiMode; 3] = [Self::App, Self::Terminal, Self::Off];

    /// The name used in the configuration file, on the command line and after `:bidi`.
    pub fn name(self) -> &'static str {
        match self {
            Self::App => "app",
            Self::Terminal => "terminal",
            Self::Off => "off",
        }
    }

    /// The next mode in the cycle app → terminal → off → app.
    pub fn next(self) -> Self {
        match self {
            Self::App => Self::Terminal,
            Self::Terminal => Self::Off,
            Self::Off => Self::App,
        }
    }
}

impl std::str::FromStr for BidiMode {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|m| m.name() == s)
            .ok_or_else(|| format!("unknown bidi mode '{s}' (expected app, terminal or off)"))
    }
}

impl std::fmt::Display for BidiMode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Deepest nesting of embeddings, overrides and isolates that is obeyed. Deeper controls are
/// neutralised before analysis: UAX #9 allows 125, but levels near the limit trip a panic in
/// unicode-bidi 0.3.18 (issue #145), and no real text nests this deep.
pub const MAX_BIDI_DEPTH: usize = 32;

/// Resolved levels of one paragraph, per byte of its text.
#[derive(Clone, Debug)]
pub struct ParagraphLevels {
    pub levels: Vec<Level>,
    pub classes: Vec<BidiClass>,
    pub paragraph_level: Level,
    /// No character resolved to an RTL level: visual order equals logical order.
    pub pure_ltr: bool,
    /// L1 can change nothing but whitespace at the end of a line: the paragraph has no segment
    /// separators, and no explicit formatting or BN characters (which take the level of what
    /// precedes them).
    pub only_trailing_whitespace_resets: bool,
}

impl ParagraphLevels {
    pub fn is_rtl(&self) -> bool {
        self.paragraph_level.is_rtl()
    }
}

/// Replaces controls nested deeper than [`MAX_BIDI_DEPTH`] with U+200B (same UTF-8 length, so
/// byte offsets are unchanged; class BN, so it is ignored by the algorithm).
pub fn neutralize_deep_controls(text: &str) -> Cow<'_, str> {
    let has_controls = text.as_bytes().windows(3).any(|w| {
        w[0] == 0xE2
            && ((w[1] == 0x80 && (0xAA..=0xAE).contains(&w[2]))
                || (w[1] == 0x81 && (0xA6..=0xA9).contains(&w[2])))
    });
    if !has_controls {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    let mut ignored = 0usize;
    for c in text.chars() {
        match c {
            '\u{202A}'..='\u{202B}' | '\u{202D}'..='\u{202E}' | '\u{2066}'..='\u{2068}' => {
                if depth >= MAX_BIDI_DEPTH {
                    ignored += 1;
                    out.push('\u{200B}');
                } else {
                    depth += 1;
                    out.push(c);
                }
            }
            '\u{202C}' | '\u{2069}' => {
                if ignored > 0 {
                    ignored -= 1;
                    out.push('\u{200B}');
                } else {
                    depth = depth.saturating_sub(1);
                    out.push(c);
                }
            }
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Code points below this get their bidi class from a flat table: Latin, Greek, Cyrillic,
/// Hebrew, Arabic and its supplements.
const FLAT_CLASSES: usize = 0x900;

/// `unicode-bidi`'s own data, with the classes of the first [`FLAT_CLASSES`] code points read
/// from a flat table instead of a binary search per character (that search was 14% of the time
/// spent laying out Arabic news).
struct FastBidiData;

fn flat_classes() -> &'static [BidiClass; FLAT_CLASSES] {
    static TABLE: OnceLock<[BidiClass; FLAT_CLASSES]> = OnceLock::new();
    TABLE.get_or_init(|| {
        std::array::from_fn(|i| {
            u32::try_from(i)
                .ok()
                .and_then(char::from_u32)
                .map_or(BidiClass::BN, unicode_bidi::bidi_class)
        })
    })
}

impl BidiDataSource for FastBidiData {
    fn bidi_class(&self, c: char) -> BidiClass {
        match flat_classes().get(c as usize) {
            Some(class) => *class,
            None => unicode_bidi::bidi_class(c),
        }
    }
}

/// Resolves the levels of a paragraph (text without its paragraph separator).
pub fn analyze(text: &str, direction: Direction) -> ParagraphLevels {
    let table = flat_classes();
    let class_of = |c: char| match table.get(c as usize) {
        Some(class) => *class,
        None => unicode_bidi::bidi_class(c),
    };
    if let Some(simple) = super::implicit::analyze_simple(text, direction, class_of) {
        return simple;
    }
    let safe = neutralize_deep_controls(text);
    let level = match direction {
        Direction::Auto => None,
        Direction::Rtl => Some(Level::rtl()),
        Direction::Ltr => Some(Level::ltr()),
    };
    let info = ParagraphBidiInfo::new_with_data_source(&FastBidiData, &safe, level);
    let pure_ltr = info.is_pure_ltr || !info.has_rtl();
    ParagraphLevels {
        paragraph_level: info.paragraph_level,
        pure_ltr,
        levels: info.levels,
        classes: info.original_classes,
        only_trailing_whitespace_resets: false,
    }
}

/// True when the paragraph's base direction is RTL, by P2/P3 or as forced. Cheaper than
/// [`analyze`] when only the direction is needed.
pub fn is_rtl_paragraph(text: &str, direction: Direction) -> bool {
    match direction {
        Direction::Rtl => true,
        Direction::Ltr => false,
        Direction::Auto => unicode_bidi::get_base_direction(text) == unicode_bidi::Direction::Rtl,
    }
}

/// Rule L1 for one line: levels of the line's bytes, with segment separators, trailing
/// whitespace and whitespace before separators reset to the paragraph level. `text` is the
/// paragraph text, `line` a byte range within it on character boundaries.
pub fn line_levels(para: &ParagraphLevels, _text: &str, line: Range<usize>) -> Vec<Level> {
    let mut levels = Vec::new();
    line_levels_into(para, line, &mut levels);
    levels
}

/// [`line_levels`] into a buffer the caller reuses from line to line. Byte by byte: every
/// byte of a character carries its class and level, so the text itself is not needed.
pub fn line_levels_into(para: &ParagraphLevels, line: Range<usize>, levels: &mut Vec<Level>) {
    levels.clear();
    let (Some(line_levels), Some(classes)) =
        (para.levels.get(line.clone()), para.classes.get(line))
    else {
        return;
    };
    levels.extend_from_slice(line_levels);
    let base = para.paragraph_level;
    let mut reset_from: Option<usize> = None;
    let mut prev_level = base;
    for i in 0..levels.len() {
        match classes[i] {
            BidiClass::B | BidiClass::S => {
                let from = reset_from.unwrap_or(i);
                levels[from..=i].fill(base);
                reset_from = None;
            }
            BidiClass::WS | BidiClass::FSI | BidiClass::LRI | BidiClass::RLI | BidiClass::PDI => {
                reset_from.get_or_insert(i);
            }
            // Removed by X9 but retained: they take the level of what precedes them so they
            // travel with it, and count as whitespace for the reset.
            BidiClass::RLE
            | BidiClass::LRE
            | BidiClass::RLO
            | BidiClass::LRO
            | BidiClass::PDF
            | BidiClass::BN => {
                reset_from.get_or_insert(i);
                levels[i] = prev_level;
            }
            _ => reset_from = None,
        }
        prev_level = levels[i];
    }
    if let Some(from) = reset_from {
        levels[from..].fill(base);
    }
}

/// The levels after L1 of the units of one line, each read at a byte offset (`starts`, within
/// `line`): what [`line_levels_into`] gives at those offsets. When L1 can only reset trailing
/// whitespace, this skips copying and scanning the line's levels byte by byte.
pub fn unit_levels_into(
    para: &ParagraphLevels,
    line: Range<usize>,
    starts: impl Iterator<Item = usize>,
    scratch: &mut Vec<Level>,
    out: &mut Vec<Level>,
) {
    out.clear();
    let base = para.paragraph_level;
    if para.only_trailing_whitespace_resets {
        let Some(classes) = para.classes.get(line.clone()) else {
            return;
        };
        let trailing = classes
            .iter()
            .rev()
            .take_while(|c| **c == BidiClass::WS)
            .count();
        let reset_from = line.end - trailing;
        out.extend(starts.map(|at| {
            if at >= reset_from {
                base
            } else {
                para.levels.get(at).copied().unwrap_or(base)
            }
        }));
    } else {
        line_levels_into(para, line.clone(), scratch);
        out.extend(starts.map(|at| {
            scratch
                .get(at.saturating_sub(line.start))
                .copied()
                .unwrap_or(base)
        }));
    }
}

/// Rule L2: `result[visual] = logical index` for units with the given levels.
pub fn visual_order(levels: &[Level]) -> Vec<usize> {
    let mut order = Vec::with_capacity(levels.len());
    visual_order_into(levels, &mut order);
    order
}

/// [`visual_order`] appended to a buffer the caller reuses.
pub fn visual_order_into(levels: &[Level], order: &mut Vec<usize>) {
    // One level for the whole line (most lines of plain Arabic or Latin prose): L2 reverses
    // everything at an odd level and nothing at an even one.
    if levels.windows(2).all(|w| w[0] == w[1]) {
        if levels.first().is_some_and(|l| l.is_rtl()) {
            order.extend((0..levels.len()).rev());
        } else {
            order.extend(0..levels.len());
        }
    } else {
        order.extend(BidiInfo::reorder_visual(levels));
    }
}

/// Rule L4: the mirrored glyph of a character displayed in an RTL run, if it has one.
pub fn mirror(c: char) -> Option<char> {
    // Nearly everything in an RTL run is Arabic (shaped into presentation forms), and nothing
    // in the Arabic blocks mirrors: skip the table search for them.
    if matches!(c, '\u{0600}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}') {
        return None;
    }
    // The rest is mostly spaces, digits and punctuation between Arabic words: in ASCII only the
    // brackets mirror.
    if c.is_ascii() {
        return match c {
            '(' => Some(')'),
            ')' => Some('('),
            '<' => Some('>'),
            '>' => Some('<'),
            '[' => Some(']'),
            ']' => Some('['),
            '{' => Some('}'),
            '}' => Some('{'),
            _ => None,
        };
    }
    unicode_bidi_mirroring::get_mirrored(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direction_by_first_strong() {
        assert!(is_rtl_paragraph("123 مرحبا", Direction::Auto));
        assert!(!is_rtl_paragraph("Apple قالت", Direction::Auto));
        assert!(is_rtl_paragraph("Apple", Direction::Rtl));
        assert!(analyze("مرحبا", Direction::Auto).is_rtl());
        assert!(analyze("hello", Direction::Auto).pure_ltr);
    }

    #[test]
    fn l1_resets_trailing_whitespace() {
        let text = "abc مرحبا ";
        let p = analyze(text, Direction::Ltr);
        let levels = line_levels(&p, text, 0..text.len());
        assert_eq!(levels[text.len() - 1], Level::ltr());
        assert!(levels[5].is_rtl());
    }

    /// The character-by-character L1 the byte loop replaced, kept as its reference.
    fn line_levels_by_char(para: &ParagraphLevels, text: &str, line: Range<usize>) -> Vec<Level> {
        let mut levels = para.levels[line.clone()].to_vec();
        let classes = &para.classes[line.clone()];
        let base = para.paragraph_level;
        let mut reset_from: Option<usize> = Some(0);
        let mut prev_level = base;
        for (i, c) in text[line].char_indices() {
            let len = c.len_utf8();
            match classes[i] {
                BidiClass::B | BidiClass::S => {
                    let from = reset_from.unwrap_or(i);
                    levels[from..i + len].fill(base);
                    reset_from = None;
                }
                BidiClass::WS
                | BidiClass::FSI
                | BidiClass::LRI
                | BidiClass::RLI
                | BidiClass::PDI => {
                    reset_from.get_or_insert(i);
                }
                BidiClass::RLE
                | BidiClass::LRE
                | BidiClass::RLO
                | BidiClass::LRO
                | BidiClass::PDF
                | BidiClass::BN => {
                    reset_from.get_or_insert(i);
                    levels[i..i + len].fill(prev_level);
                }
                _ => reset_from = None,
            }
            prev_level = levels[i];
        }
        if let Some(from) = reset_from {
            levels[from..].fill(base);
        }
        levels
    }

    /// A paragraph of `chars` analysed in direction `d` (auto, rtl, ltr), and three lines of
    /// it: before and after the character boundary nearest `cut`, and the whole.
    fn split_paragraph(
        chars: Vec<char>,
        cut: usize,
        d: usize,
    ) -> (String, ParagraphLevels, [Range<usize>; 3]) {
        let text: String = chars.into_iter().collect();
        let direction = [Direction::Auto, Direction::Rtl, Direction::Ltr][d];
        let para = analyze(&text, direction);
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let split = bounds[cut.min(bounds.len() - 1)];
        let lines = [0..split, split..text.len(), 0..text.len()];
        (text, para, lines)
    }

    proptest::proptest! {
        #[test]
        fn byte_loop_l1_matches_the_char_loop(
            chars in proptest::collection::vec(proptest::sample::select(vec![
                'a', 'ب', '1', '\u{0661}', ' ', '\t', '\u{1F}', '\u{2029}', '\u{200D}',
                '\u{FEFF}', '\u{202B}', '\u{202C}', '\u{2067}', '\u{2069}', '\u{2066}', '(',
                ')', '\u{064E}', '\u{3000}', '!', '\u{05D0}',
            ]), 0..30),
            cut in 0usize..30,
            d in 0usize..3,
        ) {
            let (text, para, lines) = split_paragraph(chars, cut, d);
            for line in lines {
                proptest::prop_assert_eq!(
                    line_levels(&para, &text, line.clone()),
                    line_levels_by_char(&para, &text, line)
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn unit_levels_shortcut_matches_the_byte_loop(
            chars in proptest::collection::vec(proptest::sample::select(vec![
                'a', 'ب', '1', '\u{0661}', ' ', '\u{3000}', '(', ')', '\u{064E}', '!',
                '\u{05D0}', '.', '\u{060C}', '\t', '\u{200D}',
            ]), 0..30),
            cut in 0usize..30,
            d in 0usize..3,
        ) {
            let (text, para, lines) = split_paragraph(chars, cut, d);
            let general =
                ParagraphLevels { only_trailing_whitespace_resets: false, ..para.clone() };
            for line in lines {
                let starts = || text[line.clone()].char_indices().map(|(i, _)| line.start + i);
                let (mut scratch, mut fast, mut slow) = (Vec::new(), Vec::new(), Vec::new());
                unit_levels_into(&para, line.clone(), starts(), &mut scratch, &mut fast);
                unit_levels_into(&general, line.clone(), starts(), &mut scratch, &mut slow);
                proptest::prop_assert_eq!(fast, slow, "{:?} {:?}", text, line);
            }
        }
    }

    #[test]
    fn tabs_and_controls_take_the_byte_loop() {
        for text in ["a\tب", "ب\u{200D}ب", "a\u{202B}b\u{202C}"] {
            assert!(
                !analyze(text, Direction::Auto).only_trailing_whitespace_resets,
                "{text:?}"
            );
        }
        assert!(analyze("سلام 12 (abc). ", Direction::Auto).only_trailing_whitespace_resets);
    }

    #[test]
    fn deep_isolates_are_neutralised() {
        let text = format!("{}1", "\u{2067}".repeat(200));
        let safe = neutralize_deep_controls(&text);
        assert_eq!(safe.len(), text.len());
        let p = analyze(&text, Direction::Auto);
        let levels = line_levels(&p, &text, 0..text.len());
        let order = visual_order(&levels);
        assert_eq!(order.len(), text.len());
    }

    #[test]
    fn fast_tables_agree_with_the_crates() {
        for c in (0u32..0x1_0000).filter_map(char::from_u32) {
            assert_eq!(
                FastBidiData.bidi_class(c),
                unicode_bidi::bidi_class(c),
                "U+{:04X}",
                u32::from(c)
            );
            assert_eq!(mirror(c), unicode_bidi_mirroring::get_mirrored(c));
        }
    }

    #[test]
    fn mirroring() {
        assert_eq!(mirror('('), Some(')'));
        assert_eq!(mirror('«'), Some('»'));
        assert_eq!(mirror('a'), None);
    }
}
