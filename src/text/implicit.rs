//! UAX #9 for the common paragraph: one without explicit formatting characters (embeddings,
//! overrides, isolates), boundary neutrals or paragraph separators. Such a paragraph is a single
//! level run at the paragraph level, so it is one isolating run sequence with sos = eos = the
//! paragraph direction, and the algorithm reduces to P2–P3, W1–W7, N0–N2 and I1–I2 over one
//! array of classes per character. `unicode-bidi` handles the general case per byte and was the
//! largest cost of laying out Arabic news; this path does the same work per character in a few
//! linear passes. Anything outside its domain returns `None` and goes to `unicode-bidi`.
//! Conformance: `tests/bidi_conformance.rs` runs every case of BidiCharacterTest.txt through
//! [`super::bidi::analyze`], which takes this path for every case it can.

use unicode_bidi::{BidiClass, BidiDataSource, HardcodedBidiData, Level};

use super::bidi::{Direction, ParagraphLevels};

/// Maximum depth of the bracket stack (BD16).
const MAX_BRACKET_DEPTH: usize = 63;

/// The classes of a paragraph's characters, read once.
struct Classified {
    /// The bidi class of each character, in order.
    original: Vec<BidiClass>,
    /// Characters that may be paired brackets (class ON and not ASCII or Arabic punctuation
    /// other than the six ASCII brackets), with their index: N0 looks only at these.
    bracket_candidates: Vec<(usize, char)>,
    /// True when the paragraph has a segment separator (S), which L1 resets.
    separators: bool,
}

/// Resolves a paragraph without explicit formatting characters; `None` when it has any.
pub(crate) fn analyze_simple(
    text: &str,
    direction: Direction,
    class_of: impl Fn(char) -> BidiClass,
) -> Option<ParagraphLevels> {
    use BidiClass::*;
    let Classified {
        original,
        bracket_candidates,
        separators,
    } = classify(text, class_of)?;

    // P2–P3: the first strong character, unless the direction is forced.
    let rtl = match direction {
        Direction::Rtl => true,
        Direction::Ltr => false,
        Direction::Auto => original
            .iter()
            .find(|c| matches!(c, L | R | AL))
            .is_some_and(|c| *c != L),
    };
    let paragraph_level = if rtl { Level::rtl() } else { Level::ltr() };
    // The embedding direction, which is also sos and eos of the one run sequence.
    let e = if rtl { R } else { L };

    if !rtl && !original.iter().any(|c| matches!(c, R | AL | AN)) {
        // Nothing right-to-left: W7 turns every number into L, N1/N2 every neutral into L.
        return Some(expand(text, &original, None, paragraph_level, separators));
    }

    let mut t = original.clone();
    resolve_weak(&mut t, e);
    resolve_brackets(&bracket_candidates, &original, &mut t, e, e);
    resolve_neutrals(&mut t, e);
    Some(expand(
        text,
        &original,
        Some(&t),
        paragraph_level,
        separators,
    ))
}

/// The class of every character of `text`; `None` when one is an explicit formatting
/// character, a boundary neutral or a paragraph separator (outside this path's domain).
#[inline]
fn classify(text: &str, class_of: impl Fn(char) -> BidiClass) -> Option<Classified> {
    use BidiClass::*;
    let mut original: Vec<BidiClass> = Vec::with_capacity(text.len() / 2 + 1);
    let mut bracket_candidates: Vec<(usize, char)> = Vec::new();
    let mut separators = false;
    for c in text.chars() {
        let class = class_of(c);
        match class {
            RLE | LRE | RLO | LRO | PDF | RLI | LRI | FSI | PDI | B | BN => return None,
            S => separators = true,
            ON if matches!(c, '(' | ')' | '[' | ']' | '{' | '}')
                || !(c.is_ascii() || ('\u{0600}'..='\u{08FF}').contains(&c)) =>
            {
                bracket_candidates.push((original.len(), c));
            }
            _ => {}
        }
        original.push(class);
    }
    Some(Classified {
        original,
        bracket_candidates,
        separators,
    })
}

/// W1–W7 over the one isolating run sequence, whose sos is `sos`.
#[inline]
fn resolve_weak(t: &mut [BidiClass], sos: BidiClass) {
    use BidiClass::*;
    let n = t.len();
    // W1: NSM takes the type of what precedes it (as W1 left it, before W2/W3).
    // W2 + W3: EN after AL becomes AN; AL becomes R.
    let mut prev = sos;
    let mut last_strong = sos;
    for class in t.iter_mut() {
        if *class == NSM {
            *class = prev;
        }
        prev = *class;
        match *class {
            L | R => last_strong = *class,
            AL => {
                last_strong = AL;
                *class = R;
            }
            EN if last_strong == AL => *class = AN,
            _ => {}
        }
    }
    // W4: a single separator between two numbers of the same kind.
    for i in 1..n.saturating_sub(1) {
        let (before, after) = (t[i - 1], t[i + 1]);
        match t[i] {
            ES if before == EN && after == EN => t[i] = EN,
            CS if before == after && matches!(before, EN | AN) => t[i] = before,
            _ => {}
        }
    }
    // W5: terminators next to a European number become European numbers.
    for_each_run(
        t,
        |c| c == ET,
        |t, start, end| {
            if (start > 0 && t[start - 1] == EN) || (end < n && t[end] == EN) {
                t[start..end].fill(EN);
            }
        },
    );
    // W6: remaining separators and terminators are neutral.
    // W7: European numbers in left-to-right context are L.
    let mut last_strong = sos;
    for class in t.iter_mut() {
        match *class {
            ES | ET | CS => *class = ON,
            L | R => last_strong = *class,
            EN if last_strong == L => *class = L,
            _ => {}
        }
    }
}

/// N1/N2: runs of neutrals between the same direction take it, others the embedding
/// direction `e` (which is also sos and eos).
#[inline]
fn resolve_neutrals(t: &mut [BidiClass], e: BidiClass) {
    use BidiClass::*;
    let n = t.len();
    let strong_of = |c: BidiClass| if c == L { L } else { R };
    for_each_run(
        t,
        |c| matches!(c, B | S | WS | ON),
        |t, start, end| {
            let before = if start == 0 {
                e
            } else {
                strong_of(t[start - 1])
            };
            let after = if end == n { e } else { strong_of(t[end]) };
            let resolved = if before == after { before } else { e };
            t[start..end].fill(resolved);
        },
    );
}

/// Calls `each(t, start, end)` for every maximal run `start..end` of classes that are `in_run`,
/// left to right; `each` may change the run itself.
#[inline]
fn for_each_run(
    t: &mut [BidiClass],
    in_run: impl Fn(BidiClass) -> bool,
    mut each: impl FnMut(&mut [BidiClass], usize, usize),
) {
    let n = t.len();
    let mut i = 0;
    while i < n {
        if !in_run(t[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && in_run(t[i]) {
            i += 1;
        }
        each(t, start, i);
    }
}

/// BD16 and N0: paired brackets take the direction of what they enclose, or of their context.
fn resolve_brackets(
    candidates: &[(usize, char)],
    original: &[BidiClass],
    t: &mut [BidiClass],
    e: BidiClass,
    sos: BidiClass,
) {
    use BidiClass::*;
    let pairs = bracket_pairs(candidates, t);
    if pairs.is_empty() {
        return;
    }
    let direction_of = |c: BidiClass| match c {
        L => Some(L),
        R | EN | AN => Some(R),
        _ => None,
    };
    for (open, close) in pairs {
        let mut found_e = false;
        let mut found_opposite = false;
        for &class in &t[open + 1..close] {
            match direction_of(class) {
                Some(d) if d == e => {
                    found_e = true;
                    break;
                }
                Some(_) => found_opposite = true,
                None => {}
            }
        }
        let set = if found_e {
            e
        } else if found_opposite {
            t[..open]
                .iter()
                .rev()
                .find_map(|&c| direction_of(c))
                .unwrap_or(sos)
        } else {
            continue;
        };
        for at in [open, close] {
            t[at] = set;
            // Marks that W1 made neutral after the bracket follow it.
            for k in at + 1..t.len() {
                if original[k] != NSM {
                    break;
                }
                t[k] = set;
            }
        }
    }
}

/// BD16: the paired brackets among `candidates` (those still ON after W1–W7), as (opening,
/// closing) indices in the order of their openings.
fn bracket_pairs(candidates: &[(usize, char)], t: &[BidiClass]) -> Vec<(usize, usize)> {
    let mut stack: Vec<(char, usize)> = Vec::new();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for &(i, c) in candidates {
        if t[i] != BidiClass::ON {
            continue;
        }
        let Some(bracket) = HardcodedBidiData.bidi_matched_opening_bracket(c) else {
            continue;
        };
        if bracket.is_open {
            if stack.len() >= MAX_BRACKET_DEPTH {
                break;
            }
            stack.push((bracket.opening, i));
        } else if let Some(k) = stack.iter().rposition(|(open, _)| *open == bracket.opening) {
            pairs.push((stack[k].1, i));
            stack.truncate(k);
        }
    }
    pairs.sort_unstable_by_key(|p| p.0);
    pairs
}

/// One value per character → the same value for every byte of that character.
fn spread<T: Copy>(text: &str, per_char: &[T], fill: T) -> Vec<T> {
    let mut next = 0usize;
    let mut current = fill;
    text.as_bytes()
        .iter()
        .map(|&byte| {
            // A byte that is not a UTF-8 continuation byte starts the next character.
            if byte & 0xC0 != 0x80 {
                current = per_char.get(next).copied().unwrap_or(fill);
                next += 1;
            }
            current
        })
        .collect()
}

/// I1–I2 and the per-byte tables the rest of the engine indexes by byte offset.
fn expand(
    text: &str,
    original: &[BidiClass],
    resolved: Option<&[BidiClass]>,
    paragraph_level: Level,
    separators: bool,
) -> ParagraphLevels {
    use BidiClass::*;
    let base = paragraph_level.number();
    let rtl = paragraph_level.is_rtl();
    // Levels per character first (at most base + 2, so always valid), then both tables spread
    // over the bytes of each character in one pass over the bytes.
    let char_levels: Vec<Level> = match resolved {
        None => vec![paragraph_level; original.len()],
        Some(t) => {
            let plus_one = Level::new(base + 1).unwrap_or(paragraph_level);
            let plus_two = Level::new(base + 2).unwrap_or(paragraph_level);
            t.iter()
                .map(|class| match (rtl, class) {
                    (false, R) | (true, L | EN | AN) => plus_one,
                    (false, AN | EN) => plus_two,
                    _ => paragraph_level,
                })
                .collect()
        }
    };
    let pure_ltr = !rtl && char_levels.iter().all(|l| l.number() == 0);
    let levels = spread(text, &char_levels, paragraph_level);
    let classes = spread(text, original, L);
    ParagraphLevels {
        levels,
        classes,
        paragraph_level,
        pure_ltr,
        only_trailing_whitespace_resets: !separators,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_bidi::ParagraphBidiInfo;

    fn reference(text: &str, direction: Direction) -> (Level, Vec<Level>) {
        let level = match direction {
            Direction::Auto => None,
            Direction::Rtl => Some(Level::rtl()),
            Direction::Ltr => Some(Level::ltr()),
        };
        let info = ParagraphBidiInfo::new(text, level);
        (info.paragraph_level, info.levels)
    }

    fn check(text: &str, direction: Direction) -> Result<(), String> {
        let Some(fast) = analyze_simple(text, direction, unicode_bidi::bidi_class) else {
            return Ok(());
        };
        let (level, levels) = reference(text, direction);
        if fast.paragraph_level != level || fast.levels != levels {
            return Err(format!(
                "{text:?} {direction:?}: {:?} {:?} != unicode-bidi {:?} {:?}",
                fast.paragraph_level, fast.levels, level, levels
            ));
        }
        let (_, classes_ref) = (0, ParagraphBidiInfo::new(text, None).original_classes);
        if fast.classes != classes_ref {
            return Err(format!("{text:?}: original classes differ"));
        }
        if fast.pure_ltr && levels.iter().any(|l| l.is_rtl()) {
            return Err(format!("{text:?}: pure_ltr with RTL levels"));
        }
        Ok(())
    }

    #[test]
    fn explicit_controls_take_the_general_path() {
        for text in [
            "a\u{202B}b",
            "\u{2067}1\u{2069}",
            "a\u{200D}b",
            "a\u{2029}b",
        ] {
            assert!(analyze_simple(text, Direction::Auto, unicode_bidi::bidi_class).is_none());
        }
    }

    #[test]
    fn known_cases() {
        for text in [
            "",
            "abc",
            "سلام 123 abc (قسد) [x] 2024-05-01 3.5% +5",
            "a (b) [ج] {1}",
            "\u{064E}ب (\u{064E}) 12,5 ١٢٫٥ $5 5$ #",
            "abc (def ابج) \u{05D0}\u{05D1}",
            "\u{05D0}(\u{05D1}[&ef]!)gh",
            "(((((((((a)))))))))",
        ] {
            for direction in [Direction::Auto, Direction::Rtl, Direction::Ltr] {
                check(text, direction).unwrap_or_else(|e| panic!("{e}"));
            }
        }
    }

    fn piece() -> impl Strategy<Value = char> {
        proptest::sample::select(vec![
            'a', 'Z', 'ب', 'ل', 'ا', '\u{05D0}', '1', '9', '\u{0661}', '\u{06F1}', '+', '-', '%',
            '$', '#', ',', '.', ':', '/', '\u{060C}', '\u{066B}', '\u{064E}', '\u{0651}',
            '\u{0300}', ' ', '\t', '\u{1F}', '!', '"', '(', ')', '[', ']', '{', '}', '<', '>', '«',
            '»', '\u{2329}', '\u{232A}', '\u{3008}', '\u{3009}', '\u{A0}', '\u{0640}',
        ])
    }

    /// One character of every class the fast path accepts, and the bracket kinds.
    const REPRESENTATIVES: [char; 17] = [
        'a', '\u{05D0}', 'ب', '1', '\u{0661}', '+', '$', ',', '\u{064E}', ' ', '\t', '!', '(', ')',
        '[', ']', '\u{2329}',
    ];

    #[test]
    fn every_short_string_agrees_with_unicode_bidi() {
        let mut text = String::new();
        let k = REPRESENTATIVES.len();
        for len in 1..=4u32 {
            for mut code in 0..k.pow(len) {
                text.clear();
                for _ in 0..len {
                    text.push(REPRESENTATIVES[code % k]);
                    code /= k;
                }
                for direction in [Direction::Auto, Direction::Rtl, Direction::Ltr] {
                    check(&text, direction).unwrap_or_else(|e| panic!("{e}"));
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn agrees_with_unicode_bidi(
            chars in proptest::collection::vec(piece(), 0..40),
            d in 0..3u8,
        ) {
            let text: String = chars.into_iter().collect();
            let direction = [Direction::Auto, Direction::Rtl, Direction::Ltr][usize::from(d)];
            if let Err(e) = check(&text, direction) {
                prop_assert!(false, "{}", e);
            }
        }
    }
}
