//! Groups of people by nationality, religion or community (NORP): the group nouns of
//! `norp-words.txt` (الأكراد، الشيعة) and, outside a longer name, the nationality and religion
//! adjectives of `nationalities.txt` in any form (الشاعر السوري، مصرية، الفلسطينيين).

use super::*;

pub(super) fn norp_rule(ctx: &mut Ctx) {
    let covered = ctx.covered_tokens();
    for (i, covered) in covered.into_iter().enumerate() {
        let Some(t) = ctx.word(i) else { continue };
        if t.is(class::NORP) {
            ctx.push(i, i, Label::NORP, "rule:norp", 0.6);
        } else if !covered
            && gazetteer_declined(ctx, i)
            && crate::extract::lexicon::is_nationality(ctx.stem(i))
            && !names_language(ctx, i)
        {
            ctx.push(i, i, Label::NORP, "rule:nationality", 0.5);
        } else if !covered
            && ctx.gaz[i].is_none()
            && let Some(start) = glued_nationality(ctx, i)
        {
            let range = start..t.range.end;
            ctx.out.push(Found {
                range,
                label: Label::NORP,
                by: "rule:nationality",
                score: 0.5,
            });
        }
    }
}

/// Whether word `i` is in no gazetteer entry, or only in a one-word entry the gazetteer rule
/// did not take: an outlet named like an adjective (العربية, the channel) is taken only where
/// the context marks a name, and elsewhere the word is the adjective (القمة العربية، الدول
/// العربية: NORP).
fn gazetteer_declined(ctx: &Ctx, i: usize) -> bool {
    ctx.gaz[i].as_ref().is_none_or(|(_, end)| *end == i + 1)
}

/// Where a nationality starts in word `i` behind a و، ف، ب or ل the tokeniser left on it, as
/// it splits only words of its lists (ومصريين وسوري، للفلسطينيين: the nationality is مصريين،
/// سوري، فلسطينيين, proclitics outside, guidelines §2.3); `None` when none is there.
fn glued_nationality(ctx: &Ctx, i: usize) -> Option<usize> {
    let t = &ctx.toks[i];
    if t.clitic != 0 || t.definite {
        return None;
    }
    let word = &ctx.norm[t.range.clone()];
    // Every form of a nisba ends in ي, يه, يين, يون or يات: the cheap test first, as most
    // words reach here.
    let nisba_ending = ["ي", "يه", "ين", "ون", "ات"]
        .iter()
        .any(|e| word.ends_with(e));
    if !nisba_ending || !matches!(word.chars().next(), Some('و' | 'ف' | 'ب' | 'ل')) {
        return None;
    }
    // للفلسطينيين is ل + الفلسطينيين with the article's alef dropped.
    if let Some(rest) = word.strip_prefix("لل") {
        let with_article = format!("ال{rest}");
        let nationality =
            rest.chars().count() >= 4 && crate::extract::lexicon::is_nationality(&with_article);
        return nationality.then(|| t.range.start + 'ل'.len_utf8());
    }
    let first = word.chars().next()?;
    let rest = &word[first.len_utf8()..];
    // ب with the article is a language (بالإنجليزية "in English"), and so is a feminine
    // one in a list of languages (بالإسبانية والألمانية والفرنسية).
    let language =
        first == 'ب' && rest.starts_with("ال") || rest.ends_with("يه") && !joins_peoples(ctx, i);
    let nationality = matches!(first, 'و' | 'ف' | 'ب' | 'ل')
        && !language
        && rest.chars().count() >= 4
        && crate::extract::lexicon::is_nationality(rest);
    nationality.then(|| t.range.start + first.len_utf8())
}

/// A language, not a people: after لغة with its proclitics (اللغة العربية، باللغة الفرنسية),
/// with a glued ب (بالإنجليزية "in English"), or a feminine one joined by و to a language, as
/// in a list of languages (بالإنجليزية والعربية، باللغة العبرية والعربية): the guidelines
/// leave languages untagged. Joined to a people (للشؤون العربية والأفريقية، القوات التركية
/// والأردنية) it is a people too.
fn names_language(ctx: &Ctx, i: usize) -> bool {
    let t = &ctx.toks[i];
    let after_language = i > 0
        && ctx.word(i - 1).is_some_and(|p| {
            let mut written = p.text(ctx.norm);
            // up to two proclitics (و، ف، ب، ل) before the word
            for _ in 0..2 {
                if let Some(rest) = written.strip_prefix(['و', 'ف', 'ب', 'ل']) {
                    written = rest;
                }
            }
            matches!(written, "اللغه" | "لغه" | "اللغات" | "لغات")
        });
    let in_language = t.definite && ctx.norm[t.range.clone()].starts_with("بال");
    let listed =
        t.has_conjunction(ctx.norm) && ctx.stem(i).ends_with("يه") && !joins_peoples(ctx, i);
    after_language || in_language || listed
}

/// Whether the feminine nationality at `i`, joined by و, goes on a list of peoples: the list
/// starts with a nationality that describes a noun before it (للشؤون العربية والأفريقية،
/// القوات التركية والأردنية، مصادر ليبية ومصرية). A list after a pronoun, a mark or a name
/// (وهي الإسبانية والألمانية، (العبرية والعربية، ويكيبيديا الإنكليزية والعربية) is one of
/// languages as often.
fn joins_peoples(ctx: &Ctx, i: usize) -> bool {
    let before = i.wrapping_sub(1);
    let Some(p) = ctx.word(before) else {
        return false;
    };
    let written = p.text(ctx.norm);
    let stem = ctx.stem(before);
    let nationality = stem.ends_with("يه")
        && (crate::extract::lexicon::is_nationality(stem)
            || written
                .strip_prefix('و')
                .is_some_and(crate::extract::lexicon::is_nationality));
    if !nationality || written.starts_with("بال") {
        return false;
    }
    if written.starts_with('و') && !p.definite || p.has_conjunction(ctx.norm) {
        return joins_peoples(ctx, before);
    }
    let noun = before.wrapping_sub(1);
    ctx.word(noun).is_some_and(|n| {
        ctx.gaz[noun].is_none()
            && !n.is(class::STOP)
            && !crate::extract::lexicon::is_nationality(ctx.stem(noun))
    })
}

/// Whether a normalised nisba names a religion rather than a nation (الإسلامية، المسيحية):
/// it says which state a long name is only with a nation beside it.
pub(super) fn religion_word(stem: &str) -> bool {
    let bare = stem.strip_prefix("ال").unwrap_or(stem);
    ["اسلام", "مسيح", "يهود", "هاشم"]
        .iter()
        .any(|root| bare.starts_with(root))
}
