//! Sentence, clause and quotation boundaries in Arabic (and Latin) news text, for the reader's
//! motions and text objects: where a sentence ends (`.` `؟` `?` `!` `۔` `…` and the line end),
//! where a clause ends (also `،` `؛` `,` `;`), where quotations and brackets close (`»` `”` `"`
//! `)` `]`) and open (`«` `“` `"` `(` `[`), and the quotation around a position. Pure scans over the text, local to the
//! position asked about (no terminal types, nothing read ahead of need).
//!
//! A full stop is a sentence end only when text does not continue right after it (`3.5`,
//! `U.S`, `www.site.com` do) and the word before it is longer than one letter (`د. أحمد`,
//! `U.S.`): abbreviations in news are single letters.

use std::ops::Range;

/// What a boundary search looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// The end of a sentence.
    Sentence,
    /// The end of a clause: a sentence end, or `،` `؛` `,` `;` (a comma between digits is a
    /// thousands separator, not a clause end).
    Clause,
    /// A closing quotation mark or bracket.
    Closing,
    /// An opening quotation mark or bracket.
    Opening,
}

/// Marks that end a sentence wherever they stand (the full stop has its own rule).
const SENTENCE_MARKS: &[char] = &['؟', '?', '!', '۔', '…'];
/// Marks that end a clause, besides the sentence ends.
const CLAUSE_MARKS: &[char] = &['،', '؛', ',', ';'];
/// Quotation marks and brackets that close, each with its opener (`"` is both; which one a
/// straight quote is depends on what stands before it).
const PAIRS: &[(char, char)] = &[('«', '»'), ('“', '”'), ('‹', '›'), ('(', ')'), ('[', ']')];
/// The pairs that make a quotation (brackets do not).
const QUOTES: &[(char, char)] = &[('«', '»'), ('“', '”'), ('‹', '›'), ('"', '"')];

fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at)?.chars().next_back()
}

fn char_after(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

/// Whether the straight quote at `at` closes (it follows text and no word follows it) rather
/// than opens (it follows a space, the line start or an opening mark, or a word follows it, as
/// in `و"مستمرة"`).
fn straight_quote_closes(text: &str, at: usize) -> bool {
    let follows_text = char_before(text, at)
        .is_some_and(|c| !c.is_whitespace() && !PAIRS.iter().any(|&(open, _)| open == c));
    follows_text && !char_after(text, at + 1).is_some_and(char::is_alphanumeric)
}

/// `at` moved back to the start of the character it falls in (and into the text).
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Whether the mark at byte `at` (the character `c`) closes a quotation or a bracket.
fn closes(text: &str, at: usize, c: char) -> bool {
    match c {
        '"' => straight_quote_closes(text, at),
        _ => PAIRS.iter().any(|&(_, close)| close == c),
    }
}

/// Whether the mark at byte `at` (the character `c`) opens a quotation or a bracket.
fn opens(text: &str, at: usize, c: char) -> bool {
    match c {
        '"' => !straight_quote_closes(text, at),
        _ => PAIRS.iter().any(|&(open, _)| open == c),
    }
}

/// Whether the full stop at byte `at` ends a sentence.
fn full_stop_ends(text: &str, at: usize) -> bool {
    let after = char_after(text, at + 1);
    let text_goes_on = after.is_some_and(|c| c.is_alphanumeric());
    if text_goes_on {
        return false;
    }
    // a run of dots is an ellipsis: a sentence end, whatever stands before it
    if after == Some('.') || char_before(text, at) == Some('.') {
        return true;
    }
    // a one-letter word before the stop is an abbreviation (د. ، م. ، U.S.)
    let mut back = text[..at].chars().rev();
    let one_letter = match (back.next(), back.next()) {
        (Some(last), before) => {
            last.is_alphabetic() && before.is_none_or(|b| !b.is_alphanumeric() || b == '.')
        }
        _ => false,
    };
    !one_letter
}

/// Whether the character `c` at byte `at` ends a sentence.
fn ends_sentence(text: &str, at: usize, c: char) -> bool {
    match c {
        '\n' => true,
        '.' => full_stop_ends(text, at),
        _ => SENTENCE_MARKS.contains(&c),
    }
}

/// Whether the character `c` at byte `at` is a stop of kind `stop`.
fn is_stop(text: &str, at: usize, c: char, stop: Stop) -> bool {
    match stop {
        Stop::Sentence => ends_sentence(text, at, c),
        Stop::Clause => {
            ends_sentence(text, at, c)
                || (CLAUSE_MARKS.contains(&c)
                    && !(c == ','
                        && char_before(text, at).is_some_and(|b| b.is_ascii_digit())
                        && char_after(text, at + 1).is_some_and(|a| a.is_ascii_digit())))
        }
        Stop::Closing => closes(text, at, c),
        Stop::Opening => opens(text, at, c),
    }
}

/// The whole mark of a sentence or clause end starting at `at`: with the end marks and closing
/// quotation marks right after it (`؟!`, `.»`, `...`), which belong to the sentence they end.
fn mark_at(text: &str, at: usize, c: char, stop: Stop) -> Range<usize> {
    let mut end = at + c.len_utf8();
    if c == '\n' || matches!(stop, Stop::Closing | Stop::Opening) {
        return at..end;
    }
    let base = end;
    for (i, next) in text[base..].char_indices() {
        let here = base + i;
        let belongs = next != '\n'
            && (SENTENCE_MARKS.contains(&next) || next == '.' || closes(text, here, next));
        if !belongs {
            break;
        }
        end = here + next.len_utf8();
    }
    at..end
}

/// The first stop of kind `stop` at or after byte `from`, as the range of its mark.
pub fn next_stop(text: &str, from: usize, stop: Stop) -> Option<Range<usize>> {
    let from = floor_boundary(text, from);
    let rest = text.get(from..)?;
    rest.char_indices()
        .map(|(i, c)| (from + i, c))
        .find(|&(at, c)| is_stop(text, at, c, stop))
        .map(|(at, c)| mark_at(text, at, c, stop))
}

/// The last stop of kind `stop` whose mark ends at or before byte `before`.
pub fn prev_stop(text: &str, before: usize, stop: Stop) -> Option<Range<usize>> {
    let before = floor_boundary(text, before);
    let head = text.get(..before)?;
    let mut candidates = head
        .char_indices()
        .rev()
        .filter(|&(at, c)| is_stop(text, at, c, stop));
    // a mark's tail (the `»` of `.»`) is not a stop of its own: take the mark's first character
    let (mut at, mut c) = candidates.next()?;
    for (earlier, ec) in candidates {
        if mark_at(text, earlier, ec, stop).end <= at {
            break;
        }
        (at, c) = (earlier, ec);
    }
    let mark = mark_at(text, at, c, stop);
    (mark.end <= before).then_some(mark)
}

/// The sentence (`Stop::Sentence`) or clause (`Stop::Clause`) around byte `at`: from after the
/// previous end mark (and the spaces after it) to the start of the next one, or the line's ends.
pub fn unit_around(text: &str, at: usize, stop: Stop) -> Range<usize> {
    let at = floor_boundary(text, at);
    let start = prev_stop(text, at, stop).map_or(0, |m| m.end);
    let start = start + (text[start..].len() - text[start..].trim_start().len());
    let end = next_stop(text, at, stop).map_or(text.len(), |m| m.start);
    start.min(end)..end
}

/// The sentence before the one starting at byte `start` (blank lines skipped), if any: where
/// the speaker a `وأضاف` continues was named.
pub fn sentence_before(text: &str, start: usize) -> Option<Range<usize>> {
    let mut before = start;
    loop {
        let mark = prev_stop(text, before, Stop::Sentence)?;
        let unit = unit_around(text, mark.start, Stop::Sentence);
        if !text[unit.clone()].trim().is_empty() {
            return Some(unit);
        }
        before = mark.start;
    }
}

/// The sentence after the one ending at byte `end` (blank lines skipped), if any.
pub fn sentence_after(text: &str, end: usize) -> Option<Range<usize>> {
    let mut from = end;
    loop {
        let mark = next_stop(text, from, Stop::Sentence)?;
        let unit = unit_around(text, mark.end, Stop::Sentence);
        if !text[unit.clone()].trim().is_empty() {
            return Some(unit);
        }
        from = mark.end;
    }
}

/// The inside of the innermost quotation (`«…»`, `“…”`, `"…"`) around byte `at`, without its
/// marks; a quotation left open runs to the end of its line. `None` outside any quotation.
pub fn quotation_around(text: &str, at: usize) -> Option<Range<usize>> {
    let at = floor_boundary(text, at);
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    // walking back: closers seen wait for their openers; an opener nobody waits for encloses `at`
    let mut waiting: Vec<char> = Vec::new();
    let mut opener = None;
    for (i, c) in text[line_start..at].char_indices().rev() {
        let pos = line_start + i;
        let Some(&(open, close)) = QUOTES.iter().find(|&&(o, cl)| c == o || c == cl) else {
            continue;
        };
        let is_close = if c == '"' {
            straight_quote_closes(text, pos)
        } else {
            c == close
        };
        if is_close {
            waiting.push(close);
        } else if waiting.last() == Some(&close) {
            waiting.pop();
        } else if !waiting.contains(&close) {
            opener = Some((pos + open.len_utf8(), close));
            break;
        }
    }
    let (inner_start, close) = opener?;
    let mut depth = 0usize;
    for (i, c) in text[inner_start..line_end].char_indices() {
        let pos = inner_start + i;
        let Some(&(open, _)) = QUOTES.iter().find(|&&(_, cl)| cl == close) else {
            break;
        };
        let closing = c == close && (c != '"' || straight_quote_closes(text, pos));
        if closing {
            if depth == 0 {
                return Some(inner_start..pos);
            }
            depth -= 1;
        } else if c == open {
            depth += 1;
        }
    }
    Some(inner_start..line_end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, needle: &str) -> usize {
        text.find(needle).expect(needle)
    }

    fn sentence<'a>(text: &'a str, needle: &str) -> &'a str {
        &text[unit_around(text, at(text, needle), Stop::Sentence)]
    }

    fn clause<'a>(text: &'a str, needle: &str) -> &'a str {
        &text[unit_around(text, at(text, needle), Stop::Clause)]
    }

    fn quotation<'a>(text: &'a str, needle: &str) -> Option<&'a str> {
        quotation_around(text, at(text, needle)).map(|r| &text[r])
    }

    #[test]
    fn sentences_end_at_arabic_and_latin_marks_and_the_line_end() {
        let text = "قال الوزير إن الوضع مستقر. هل انتهت الأزمة؟ لا! ثم غادر۔ وبقي الوفد\nسطر آخر";
        assert_eq!(sentence(text, "الوضع"), "قال الوزير إن الوضع مستقر");
        assert_eq!(sentence(text, "انتهت"), "هل انتهت الأزمة");
        assert_eq!(sentence(text, "لا!"), "لا");
        assert_eq!(sentence(text, "غادر"), "ثم غادر");
        assert_eq!(sentence(text, "الوفد"), "وبقي الوفد");
        assert_eq!(sentence(text, "آخر"), "سطر آخر");
    }

    #[test]
    fn decimals_abbreviations_and_addresses_do_not_end_a_sentence() {
        let text = "ارتفع التضخم إلى 3.5 بالمئة، وقال د. أحمد إن U.S. officials زاروا www.gov.sa أمس. ثم عادوا";
        assert_eq!(
            sentence(text, "التضخم"),
            "ارتفع التضخم إلى 3.5 بالمئة، وقال د. أحمد إن U.S. officials زاروا www.gov.sa أمس"
        );
        assert_eq!(sentence(text, "عادوا"), "ثم عادوا");
        // a number at the end of a sentence still ends it
        let text = "بلغ عدد القتلى 12. وأضاف المصدر";
        assert_eq!(sentence(text, "القتلى"), "بلغ عدد القتلى 12");
    }

    #[test]
    fn an_ellipsis_ends_a_sentence_written_either_way() {
        let text = "وانتظر الناس… ثم جاء الخبر... وانتهى";
        assert_eq!(sentence(text, "الناس"), "وانتظر الناس");
        assert_eq!(sentence(text, "الخبر"), "ثم جاء الخبر");
        assert_eq!(sentence(text, "وانتهى"), "وانتهى");
    }

    #[test]
    fn closing_quotes_after_the_stop_belong_to_the_sentence() {
        let text = "وقال: «لن نتراجع.» وأضاف أن الحوار مستمر؟!» ثم صمت";
        let first = next_stop(text, 0, Stop::Sentence).expect("end");
        assert_eq!(&text[first.clone()], ".»");
        assert_eq!(sentence(text, "وأضاف"), "وأضاف أن الحوار مستمر");
        let second = next_stop(text, first.end, Stop::Sentence).expect("end");
        assert_eq!(&text[second.clone()], "؟!»");
        // walking back from after a mark finds the whole mark, not its tail
        assert_eq!(prev_stop(text, second.end, Stop::Sentence), Some(second));
        assert_eq!(prev_stop(text, first.end + 3, Stop::Sentence), Some(first));
    }

    #[test]
    fn clauses_end_at_arabic_commas_and_semicolons_but_not_thousands() {
        let text = "نزح 12,000 شخص من المدينة، وفق الأمم المتحدة؛ وما زال القتال مستمرا.";
        assert_eq!(clause(text, "نزح"), "نزح 12,000 شخص من المدينة");
        assert_eq!(clause(text, "الأمم"), "وفق الأمم المتحدة");
        assert_eq!(clause(text, "القتال"), "وما زال القتال مستمرا");
    }

    #[test]
    fn quotations_nest_and_may_span_two_sentences() {
        let text = "قال المتحدث «إن القوات \"لن تنسحب\" من المدينة. وسنواصل العمليات» ثم غادر";
        assert_eq!(quotation(text, "تنسحب"), Some("لن تنسحب"));
        assert_eq!(
            quotation(text, "المدينة"),
            Some("إن القوات \"لن تنسحب\" من المدينة. وسنواصل العمليات")
        );
        assert_eq!(quotation(text, "وسنواصل"), quotation(text, "إن"));
        assert_eq!(quotation(text, "غادر"), None);
        assert_eq!(quotation(text, "المتحدث"), None);
        // the sentence inside the quotation still ends at its full stop
        assert_eq!(sentence(text, "وسنواصل"), "وسنواصل العمليات» ثم غادر");
    }

    #[test]
    fn a_quotation_left_open_runs_to_the_line_end_and_stops_there() {
        let text = "وأوضح «أن الاتفاق سيوقع غدا\nفقرة أخرى";
        assert_eq!(quotation(text, "الاتفاق"), Some("أن الاتفاق سيوقع غدا"));
        assert_eq!(quotation(text, "أخرى"), None);
    }

    #[test]
    fn closing_marks_are_found_forward_and_back() {
        let text = "أكد (في بيان) أن «الهدنة [المؤقتة] صامدة» و\"مستمرة\" اليوم";
        let closers: Vec<&str> = std::iter::successors(next_stop(text, 0, Stop::Closing), |m| {
            next_stop(text, m.end, Stop::Closing)
        })
        .map(|m| &text[m])
        .collect();
        assert_eq!(closers, [")", "]", "»", "\""]);
        let back = prev_stop(text, at(text, "اليوم"), Stop::Closing).expect("closer");
        assert_eq!(&text[back.clone()], "\"");
        // the opening straight quote is not a closer
        assert!(back.start > at(text, "مستمرة"));
    }

    #[test]
    fn opening_marks_are_found_back_and_forward() {
        let text = "أكد (في بيان) أن «الهدنة [المؤقتة] صامدة» و\"مستمرة\" اليوم";
        let openers: Vec<&str> = std::iter::successors(next_stop(text, 0, Stop::Opening), |m| {
            next_stop(text, m.end, Stop::Opening)
        })
        .map(|m| &text[m])
        .collect();
        // the straight quote after و opens; the one after مستمرة closes
        assert_eq!(openers, ["(", "«", "[", "\""]);
        let back = prev_stop(text, at(text, "صامدة"), Stop::Opening).expect("opener");
        assert_eq!(&text[back], "[");
    }

    #[test]
    fn neighbouring_sentences_skip_blank_lines() {
        let text = "قال الوزير إن الاقتصاد ينمو.\n\nوأضاف أن البطالة تراجعت. ثم غادر";
        let here = unit_around(text, at(text, "البطالة"), Stop::Sentence);
        let before = sentence_before(text, here.start).expect("before");
        assert_eq!(&text[before], "قال الوزير إن الاقتصاد ينمو");
        let after = sentence_after(text, here.end).expect("after");
        assert_eq!(&text[after], "ثم غادر");
        let first = unit_around(text, 0, Stop::Sentence);
        assert_eq!(sentence_before(text, first.start), None);
        let last = unit_around(text, at(text, "غادر"), Stop::Sentence);
        assert_eq!(sentence_after(text, last.end), None);
    }

    #[test]
    fn positions_past_the_text_and_empty_text_are_safe() {
        assert_eq!(unit_around("", 0, Stop::Sentence), 0..0);
        assert_eq!(unit_around("نص.", 99, Stop::Sentence), 5..5);
        assert_eq!(quotation_around("", 3), None);
        assert_eq!(next_stop("نص", 99, Stop::Sentence), None);
        assert_eq!(prev_stop("نص", 0, Stop::Clause), None);
    }
}
