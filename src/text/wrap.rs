//! Line breaking in logical order: greedy filling of a line up to the width, breaking only at
//! UAX #14 opportunities. A word is split only when it alone is wider than the line; spaces at
//! a break hang past the edge and are dropped rather than starting the next line.

use std::ops::Range;

/// Whether a line may or must break before a unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Break {
    No,
    Allowed,
    Mandatory,
}

/// One indivisible piece of a line (a grapheme cluster, or a ligature).
#[derive(Clone, Copy, Debug)]
pub struct WrapUnit {
    pub width: usize,
    pub space: bool,
    pub break_before: Break,
}

/// Splits `units` into lines no wider than `width` (at least 1). Returns unit index ranges;
/// trailing spaces at a break are left out of every line. At least one line is returned for a
/// non-empty input unless it consists only of dropped spaces; callers add an empty row then.
pub fn wrap(units: &[WrapUnit], width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut start = 0;
    let mut acc = 0;
    let mut last_break: Option<usize> = None;

    let push = |lines: &mut Vec<Range<usize>>, s: usize, mut e: usize| {
        while e > s && units[e - 1].space {
            e -= 1;
        }
        if e > s {
            lines.push(s..e);
        }
    };

    for (i, unit) in units.iter().enumerate() {
        if i > start {
            match unit.break_before {
                Break::Mandatory => {
                    push(&mut lines, start, i);
                    start = i;
                    acc = 0;
                    last_break = None;
                }
                Break::Allowed => last_break = Some(i),
                Break::No => {}
            }
        }
        if unit.space {
            acc += unit.width;
            continue;
        }
        while acc + unit.width > width && i > start {
            match last_break.take().filter(|&b| b > start) {
                Some(b) => {
                    push(&mut lines, start, b);
                    start = b;
                    acc = units[b..i].iter().map(|u| u.width).sum();
                }
                None => {
                    push(&mut lines, start, i);
                    start = i;
                    acc = 0;
                }
            }
        }
        acc += unit.width;
    }
    if start < units.len() {
        if acc > width {
            push(&mut lines, start, units.len());
        } else {
            lines.push(start..units.len());
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Units for ASCII text: one per char, breaks allowed after spaces.
    fn units(s: &str) -> Vec<WrapUnit> {
        let chars: Vec<char> = s.chars().collect();
        chars
            .iter()
            .enumerate()
            .map(|(i, &c)| WrapUnit {
                width: 1,
                space: c == ' ',
                break_before: if i > 0 && chars[i - 1] == ' ' && c != ' ' {
                    Break::Allowed
                } else {
                    Break::No
                },
            })
            .collect()
    }

    fn lines(s: &str, w: usize) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        wrap(&units(s), w)
            .into_iter()
            .map(|r| chars[r].iter().collect())
            .collect()
    }

    #[test]
    fn breaks_between_words() {
        assert_eq!(lines("aa bb cc", 5), vec!["aa bb", "cc"]);
        assert_eq!(lines("aa bb cc", 4), vec!["aa", "bb", "cc"]);
        assert_eq!(lines("aa bb cc", 80), vec!["aa bb cc"]);
    }

    #[test]
    fn long_word_is_split_only_when_alone_too_wide() {
        assert_eq!(lines("a bbbbbbb c", 3), vec!["a", "bbb", "bbb", "b c"]);
    }

    #[test]
    fn spaces_hang_and_are_dropped() {
        assert_eq!(lines("aa     bb", 3), vec!["aa", "bb"]);
        assert_eq!(lines("ab ", 3), vec!["ab "]);
    }

    #[test]
    fn width_zero_is_one() {
        assert_eq!(lines("ab", 0), vec!["a", "b"]);
    }
}
