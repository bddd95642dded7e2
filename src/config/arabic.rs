//! The Arabic PC keyboard layout (the standard "Arabic (101)" layout of Windows, macOS "Arabic -
//! PC" and XKB `ara`), mapped back to the Latin key in the same physical place, so key bindings
//! work without switching layouts: ت is the `j` key, ن is `k`, لا is `b`, ؟ is `?`.
//!
//! Lam-alef keys (`b`, `T`, `G`, `B`) type two characters on some systems and one presentation
//! ligature (U+FEF5–U+FEFB) on others; both are handled ([`combine_lam_alef`] for the pair).

use crate::config::keymap::{KeyName, KeyPress};

/// (Arabic character, Latin key) for the unshifted and shifted layers.
const LAYOUT: &[(char, char)] = &[
    // unshifted: top row
    ('ض', 'q'),
    ('ص', 'w'),
    ('ث', 'e'),
    ('ق', 'r'),
    ('ف', 't'),
    ('غ', 'y'),
    ('ع', 'u'),
    ('ه', 'i'),
    ('خ', 'o'),
    ('ح', 'p'),
    ('ج', '['),
    ('د', ']'),
    // home row
    ('ش', 'a'),
    ('س', 's'),
    ('ي', 'd'),
    ('ب', 'f'),
    ('ل', 'g'),
    ('ا', 'h'),
    ('ت', 'j'),
    ('ن', 'k'),
    ('م', 'l'),
    ('ك', ';'),
    ('ط', '\''),
    // bottom row
    ('ئ', 'z'),
    ('ء', 'x'),
    ('ؤ', 'c'),
    ('ر', 'v'),
    ('\u{FEFB}', 'b'), // لا as one ligature character
    ('ى', 'n'),
    ('ة', 'm'),
    ('و', ','),
    ('ز', '.'),
    ('ظ', '/'),
    ('ذ', '`'),
    // shifted layer (letters the Latin layout types with shift)
    ('\u{064E}', 'Q'), // fatha
    ('\u{064B}', 'W'), // fathatan
    ('\u{064F}', 'E'), // damma
    ('\u{064C}', 'R'), // dammatan
    ('\u{FEF9}', 'T'), // لإ
    ('إ', 'Y'),
    ('‘', 'U'),
    ('÷', 'I'),
    ('×', 'O'),
    ('؛', 'P'),
    ('\u{0650}', 'A'), // kasra
    ('\u{064D}', 'S'), // kasratan
    ('\u{FEF7}', 'G'), // لأ
    ('أ', 'H'),
    ('ـ', 'J'), // tatweel
    ('،', 'K'),
    ('\u{0652}', 'X'), // sukun
    ('\u{FEF5}', 'B'), // لآ
    ('آ', 'N'),
    ('’', 'M'),
    ('؟', '?'),
    ('\u{0651}', '~'), // shadda
    // Arabic-Indic digits, typed by the number row on some systems
    ('٠', '0'),
    ('١', '1'),
    ('٢', '2'),
    ('٣', '3'),
    ('٤', '4'),
    ('٥', '5'),
    ('٦', '6'),
    ('٧', '7'),
    ('٨', '8'),
    ('٩', '9'),
];

/// The Latin character on the same physical key as `c` in the Arabic layout.
pub fn latin_for(c: char) -> Option<char> {
    LAYOUT.iter().find(|(a, _)| *a == c).map(|(_, l)| *l)
}

/// `key` with its Arabic-layout character replaced by the Latin one; `None` when the key is not
/// an Arabic-layout character.
pub fn translate(key: KeyPress) -> Option<KeyPress> {
    let KeyName::Char(c) = key.key else {
        return None;
    };
    latin_for(c).map(|l| KeyPress {
        key: KeyName::Char(l),
        ..key
    })
}

/// When a lam-alef key arrives as two characters (ل then an alef), the single character the
/// pair stands for: لا → U+FEFB (the `b` key), لأ → U+FEF7, لإ → U+FEF9, لآ → U+FEF5.
pub fn combine_lam_alef(first: char, second: char) -> Option<char> {
    if first != 'ل' {
        return None;
    }
    match second {
        'ا' => Some('\u{FEFB}'),
        'أ' => Some('\u{FEF7}'),
        'إ' => Some('\u{FEF9}'),
        'آ' => Some('\u{FEF5}'),
        _ => None,
    }
}

/// The layout as (Arabic, Latin) pairs, for documentation and tests.
pub fn table() -> &'static [(char, char)] {
    LAYOUT
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_is_a_function_and_covers_every_latin_letter() {
        let mut seen = std::collections::HashSet::new();
        for (a, _) in LAYOUT {
            assert!(seen.insert(*a), "{a} listed twice");
        }
        for l in 'a'..='z' {
            assert!(LAYOUT.iter().any(|(_, x)| *x == l), "no Arabic key for {l}");
        }
    }

    #[test]
    fn issue_examples() {
        for (a, l) in [
            ('ت', 'j'),
            ('ن', 'k'),
            ('ص', 'w'),
            ('ر', 'v'),
            ('س', 's'),
            ('ؤ', 'c'),
            ('ش', 'a'),
            ('ء', 'x'),
            ('ق', 'r'),
            ('ظ', '/'),
            ('؟', '?'),
        ] {
            assert_eq!(latin_for(a), Some(l), "{a}");
        }
        assert_eq!(combine_lam_alef('ل', 'ا').and_then(latin_for), Some('b'));
        assert_eq!(combine_lam_alef('ل', 'أ').and_then(latin_for), Some('G'));
        assert_eq!(combine_lam_alef('ل', 'ت'), None);
    }

    #[test]
    fn modifiers_survive_translation() {
        let k = translate(KeyPress::ctrl('ي')).expect("arabic");
        assert_eq!(k, KeyPress::ctrl('d'));
        assert_eq!(translate(KeyPress::char('j')), None);
    }
}
