//! Arabic shaping, one output slot per input character: each letter becomes its contextual
//! presentation form (isolated, final, initial, medial), and lam followed by an alef becomes
//! the mandatory lam-alef ligature in the alef's slot with the lam's slot left empty, as
//! FriBidi does. Keeping slots 1:1 is what lets every screen cell map back to the text.
//! No optional ligatures (never ﷲ), so every cell stays one column wide.

use std::sync::OnceLock;

use unicode_joining_type::{JoiningType, get_joining_type};

use super::forms::{FORMS, LAM_ALEF};

const LAM: char = '\u{0644}';
const ZWJ: char = '\u{200D}';

/// How a character takes part in joining, simplified to what shaping needs.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Join {
    /// Joins on both sides (D).
    Dual,
    /// Joins only to the preceding letter (R).
    Right,
    /// Joins only to the following letter (L).
    Left,
    /// Causes joining without changing shape itself: tatweel, ZWJ (C).
    Causing,
    /// Skipped when looking for neighbours: combining marks (T).
    Transparent,
    /// Breaks joining (U), including everything that is not Arabic-script.
    None,
}

fn join_class(c: char) -> Join {
    // Everything below U+0300 is non-joining and not a combining mark: skip the table lookup
    // for Latin text, digits and punctuation.
    if (c as u32) < 0x300 {
        return Join::None;
    }
    if c == ZWJ {
        return Join::Causing;
    }
    match get_joining_type(c) {
        JoiningType::DualJoining => Join::Dual,
        JoiningType::RightJoining => Join::Right,
        JoiningType::LeftJoining => Join::Left,
        JoiningType::JoinCausing => Join::Causing,
        JoiningType::Transparent => Join::Transparent,
        _ => Join::None,
    }
}

fn forms_of(c: char) -> Option<&'static [Option<char>; 4]> {
    // Nearly every lookup is in the Arabic block: index it directly (position in FORMS + 1,
    // 0 for none) instead of searching.
    static ARABIC_BLOCK: OnceLock<[u16; 0x100]> = OnceLock::new();
    let block = ARABIC_BLOCK.get_or_init(|| {
        let mut table = [0u16; 0x100];
        for (i, (base, _)) in FORMS.iter().enumerate() {
            if let (Some(slot), Ok(pos)) = (
                (*base as usize)
                    .checked_sub(0x0600)
                    .and_then(|o| table.get_mut(o)),
                u16::try_from(i + 1),
            ) {
                *slot = pos;
            }
        }
        table
    });
    if let Some(&pos) = (c as usize).checked_sub(0x0600).and_then(|o| block.get(o)) {
        return usize::from(pos)
            .checked_sub(1)
            .and_then(|i| FORMS.get(i))
            .map(|(_, forms)| forms);
    }
    FORMS
        .binary_search_by_key(&c, |(base, _)| *base)
        .ok()
        .map(|i| &FORMS[i].1)
}

fn lam_alef(alef: char) -> Option<(char, char)> {
    LAM_ALEF
        .iter()
        .find(|(a, _, _)| *a == alef)
        .map(|(_, iso, fin)| (*iso, *fin))
}

/// True when `c` could change shape: a quick test that lets pure-Latin text skip shaping.
pub fn needs_shaping(text: &str) -> bool {
    text.chars().any(|c| ('\u{0600}'..='\u{08FF}').contains(&c))
}

/// Shapes `text` in logical order. The result has exactly one slot per `char` of `text`:
/// `Some(c)` is what to display for that character (its presentation form, or itself), `None`
/// marks the lam whose glyph moved into a following lam-alef ligature.
pub fn shape(text: &str) -> Vec<Option<char>> {
    let n = text.chars().count();
    let mut chars: Vec<char> = Vec::with_capacity(n);
    let mut classes: Vec<Join> = Vec::with_capacity(n);
    for c in text.chars() {
        chars.push(c);
        classes.push(join_class(c));
    }
    let mut out: Vec<Option<char>> = chars.iter().map(|&c| Some(c)).collect();

    // Nearest non-transparent neighbours: the previous one is carried along the main loop, the
    // next one is found by scanning the marks after a letter. Each mark is scanned only by the
    // letter before it, so shaping stays linear even with long runs of marks.
    let next_of = |i: usize| (i + 1..n).find(|&k| classes[k] != Join::Transparent);
    let joins_forward = |j: Join| matches!(j, Join::Dual | Join::Left | Join::Causing);
    let joins_backward = |j: Join| matches!(j, Join::Dual | Join::Right | Join::Causing);

    let mut prev: Option<usize> = None;
    let mut i = 0;
    while i < n {
        let class = classes[i];
        if !matches!(class, Join::Dual | Join::Right | Join::Left) {
            if class != Join::Transparent {
                prev = Some(i);
            }
            i += 1;
            continue;
        }
        let next = next_of(i);
        let joins_prev = joins_backward(class) && prev.is_some_and(|p| joins_forward(classes[p]));
        let joins_next = joins_forward(class) && next.is_some_and(|q| joins_backward(classes[q]));

        if chars[i] == LAM
            && let Some(a) = next
            && let Some((isolated, fin)) = lam_alef(chars[a])
        {
            out[i] = None;
            out[a] = Some(if joins_prev { fin } else { isolated });
            // The alef is consumed; continue after it.
            prev = Some(a);
            i = a + 1;
            continue;
        }

        if let Some(forms) = forms_of(chars[i]) {
            let slot = match (joins_prev, joins_next) {
                (false, false) => 0,
                (true, false) => 1,
                (false, true) => 2,
                (true, true) => 3,
            };
            // A letter without the wanted form keeps the closest one that exists, so a joining
            // context never turns a letter into nothing.
            let chosen = forms[slot]
                .or(match slot {
                    3 => forms[1],
                    2 => forms[0],
                    _ => None,
                })
                .or(forms[0]);
            if let Some(c) = chosen {
                out[i] = Some(c);
            }
        }
        prev = Some(i);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shaped(s: &str) -> String {
        shape(s).into_iter().flatten().collect()
    }

    #[test]
    fn contextual_forms() {
        // ب alone, then بب, then ببب
        assert_eq!(shaped("ب"), "\u{FE8F}");
        assert_eq!(shaped("بب"), "\u{FE91}\u{FE90}");
        assert_eq!(shaped("ببب"), "\u{FE91}\u{FE92}\u{FE90}");
        // right-joining دال does not join forward
        assert_eq!(shaped("دب"), "\u{FEA9}\u{FE8F}");
    }

    #[test]
    fn lam_alef_ligature_keeps_slots() {
        let s = shape("لا");
        assert_eq!(s, vec![None, Some('\u{FEFB}')]);
        // after a joining letter the final ligature is used
        assert_eq!(shaped("بلا"), "\u{FE91}\u{FEFC}");
        // marks between lam and alef do not prevent the ligature
        assert_eq!(shape("لَا"), vec![None, Some('\u{064E}'), Some('\u{FEFB}')]);
    }

    #[test]
    fn joiners_and_marks() {
        // ZWNJ breaks joining, ZWJ forces it
        assert_eq!(shaped("ب\u{200C}ب"), "\u{FE8F}\u{200C}\u{FE8F}");
        assert_eq!(shaped("ب\u{200D}"), "\u{FE91}\u{200D}");
        // ZWJ before lam-alef: the ar-reshaper panic case
        assert_eq!(shaped("ب\u{200D}لا"), "\u{FE91}\u{200D}\u{FEFC}");
        assert_eq!(shaped("\u{200D}لا"), "\u{200D}\u{FEFC}");
        // harakat are transparent: م ُ ح َ م ّ َ د
        assert_eq!(
            shaped("\u{0645}\u{064F}\u{062D}\u{064E}\u{0645}\u{0651}\u{064E}\u{062F}"),
            "\u{FEE3}\u{064F}\u{FEA4}\u{064E}\u{FEE4}\u{0651}\u{064E}\u{FEAA}"
        );
        // a haraka at the start of a paragraph does not panic and stays as it is
        assert_eq!(shaped("\u{064E}ب"), "\u{064E}\u{FE8F}");
        // tatweel joins both sides
        assert_eq!(shaped("بـب"), "\u{FE91}\u{0640}\u{FE90}");
    }

    #[test]
    fn no_allah_ligature_and_one_slot_per_char() {
        let text = "الله";
        let s = shape(text);
        assert_eq!(s.len(), text.chars().count());
        assert!(!s.contains(&Some('\u{FDF2}')));
        assert_eq!(shaped(text), "\u{FE8D}\u{FEDF}\u{FEE0}\u{FEEA}");
    }

    #[test]
    fn direct_index_agrees_with_the_table() {
        for c in ('\u{0}'..='\u{0FFF}').chain('\u{FB50}'..='\u{FEFF}') {
            let searched = FORMS
                .binary_search_by_key(&c, |(base, _)| *base)
                .ok()
                .map(|i| &FORMS[i].1);
            assert_eq!(forms_of(c), searched, "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn latin_is_untouched() {
        assert_eq!(shaped("Hello, world 123"), "Hello, world 123");
        assert!(!needs_shaping("Hello"));
        assert!(needs_shaping("abc ب"));
    }
}
