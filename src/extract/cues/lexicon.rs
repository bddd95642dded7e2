//! The cue lexicon: verbs of saying and believing in their inflections (past, present,
//! passive, participle; `assets/lexicon/cue-verbs.tsv`), cue nouns (`cue-nouns.txt`), and the
//! form, gender and stance each surface form gives.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::{CueType, Stance};
use crate::extract::wordlists as lists;
use crate::text::normalize::normalize_str as fold_str;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Form {
    Past,
    Present,
    Passive,
    Participle,
    Noun,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Gender {
    Masculine,
    Feminine,
    Plural,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct CueForm {
    pub(super) lemma: &'static str,
    pub(super) form: Form,
    pub(super) gender: Gender,
    pub(super) stance: Stance,
    pub(super) cue_type: CueType,
    pub(super) distancing: bool,
    /// Takes a noun-phrase object that is itself the claim (`أعلن انتهاء العملية`).
    pub(super) object_claim: bool,
    /// The preposition that may open that object (`أعرب عن`, `شدد على`; one letter: written
    /// on the object, `رحب بالإفراج`), as written.
    pub(super) object_preposition: Option<&'static str>,
    /// The object is a claim only when it is a verbal noun (`أدان مقتل …`, not `أدان الهجوم`).
    pub(super) masdar_object: bool,
    /// Too ambiguous to stand without a complement right after it (`بين` "between").
    pub(super) needs_adjacent_complement: bool,
    /// `نقل`: `نقلت OUTLET عن SOURCE`.
    pub(super) relay: bool,
    /// `علمت OUTLET من SOURCE أن …`: a relay whose source follows من, not عن.
    pub(super) relay_from: bool,
    /// `نسبت OUTLET إلى SOURCE قوله إن …`: a relay whose source follows إلى; no report
    /// without it.
    pub(super) relay_to: bool,
    /// `أبلغ`: after a subject before the verb, the noun after it is the addressee.
    pub(super) addressee: bool,
    /// `تحدث` "spoke": introduces a speaker for later pro-drop cues, never a claim itself.
    pub(super) speaker_only: bool,
    /// `رفض`، `كذب`: takes a stance only on a report its object frames (`رفض الاتهامات بـ…`).
    pub(super) needs_frame: bool,
    /// `اتهم X بـ…` (any charge: a word with ب or مسؤولية) or, with `blames_only`, `حمّل X
    /// مسؤولية …`: the accused and the charge are the claim.
    pub(super) accuses: bool,
    pub(super) blames_only: bool,
    /// `جاء في البيان أن …`: the speaker is the document after `في`.
    pub(super) in_document: bool,
    /// `أعلن`، `ذكر`: the past form is also the passive once harakat are gone (`أُعلن`).
    pub(super) passive_past: bool,
    /// `اعتبر الوزير القرار خاطئا`: the verb takes an object and its predicate, both the claim;
    /// a first noun that is no speaker is the object of a pro-drop verb.
    pub(super) predicate: bool,
}

impl CueForm {
    /// A masculine noun cue that asserts, with none of the verbs' behaviours: the base of the
    /// cue nouns and the prepositional cues, so a new flag is added in one place.
    pub(super) fn plain_noun(lemma: &'static str, cue_type: CueType) -> CueForm {
        CueForm {
            lemma,
            form: Form::Noun,
            gender: Gender::Masculine,
            stance: Stance::Asserts,
            cue_type,
            distancing: false,
            object_claim: false,
            object_preposition: None,
            masdar_object: false,
            addressee: false,
            needs_adjacent_complement: false,
            relay: false,
            relay_from: false,
            relay_to: false,
            speaker_only: false,
            needs_frame: false,
            accuses: false,
            blames_only: false,
            in_document: false,
            passive_past: false,
            predicate: false,
        }
    }
}

/// One row of `assets/lexicon/cue-verbs.tsv`: a verb with its forms, as written there.
struct Lemma {
    lemma: &'static str,
    /// Past, present, passive and participle forms, space-separated.
    forms: [(&'static str, Form); 4],
    stance: Stance,
    object_claim: bool,
    object_preposition: Option<&'static str>,
    flags: &'static str,
}

/// The flags column 8 of the verb table may hold (its header says what each means).
const FLAGS: &[&str] = &[
    "adjacent",
    "relay",
    "speaker-only",
    "distancing",
    "masdar-object",
    "addressee",
    "needs-frame",
    "accuses",
    "blames",
    "in-document",
    "passive-past",
    "predicate",
    "relay-from",
    "relay-to",
];

/// A row of the verb table read into a [`Lemma`]; `Err` names the file, line and field.
fn lemma(row: &lists::Row) -> Result<Lemma, String> {
    let stance = match row.get(5) {
        "asserts" => Stance::Asserts,
        "denies" => Stance::Denies,
        "doubts" => Stance::Doubts,
        "confirms" => Stance::Confirms,
        "believes" => Stance::Believes,
        "predicts" => Stance::Predicts,
        other => return Err(row.error(&lists::CUE_VERBS, &format!("unknown stance {other:?}"))),
    };
    let (object_claim, object_preposition) = match row.get(6) {
        "-" => (false, None),
        "direct" => (true, None),
        word if !word.contains(char::is_whitespace) => (true, Some(word)),
        other => return Err(row.error(&lists::CUE_VERBS, &format!("bad object {other:?}"))),
    };
    let flags = row.get(7);
    if let Some(bad) = flags.split(',').find(|f| *f != "-" && !FLAGS.contains(f)) {
        return Err(row.error(&lists::CUE_VERBS, &format!("unknown flag {bad:?}")));
    }
    let forms = |i: usize| match row.get(i) {
        "-" => "",
        f => f,
    };
    Ok(Lemma {
        lemma: row.get(0),
        forms: [
            (forms(1), Form::Past),
            (forms(2), Form::Present),
            (forms(3), Form::Passive),
            (forms(4), Form::Participle),
        ],
        stance,
        object_claim,
        object_preposition,
        flags,
    })
}

/// Every verb of the table; a malformed row (the lexicon test names it) is left out.
fn lemmas() -> impl Iterator<Item = Lemma> {
    lists::rows(lists::CUE_VERBS)
        .filter_map(Result::ok)
        .filter_map(|row| lemma(&row).ok())
}

pub(super) static CUE_FORMS: LazyLock<FxHashMap<String, CueForm>> = LazyLock::new(|| {
    let mut map = FxHashMap::default();
    for l in lemmas() {
        let belief = matches!(l.stance, Stance::Believes | Stance::Predicts);
        let flag = |name: &str| l.flags.split(',').any(|f| f == name);
        let base = CueForm {
            lemma: l.lemma,
            form: Form::Past,
            gender: Gender::Masculine,
            stance: l.stance,
            cue_type: if belief {
                CueType::VerbOfBelief
            } else {
                CueType::VerbOfSaying
            },
            distancing: flag("distancing"),
            object_claim: l.object_claim || flag("predicate"),
            object_preposition: l.object_preposition,
            masdar_object: flag("masdar-object"),
            addressee: flag("addressee"),
            needs_adjacent_complement: flag("adjacent"),
            relay: flag("relay") || flag("relay-from") || flag("relay-to"),
            relay_from: flag("relay-from"),
            relay_to: flag("relay-to"),
            speaker_only: flag("speaker-only"),
            needs_frame: flag("needs-frame"),
            accuses: flag("accuses") || flag("blames"),
            blames_only: flag("blames"),
            in_document: flag("in-document"),
            passive_past: flag("passive-past"),
            predicate: flag("predicate"),
        };
        for (forms, form) in l.forms {
            for surface in forms.split_whitespace() {
                let key = fold_str(surface);
                let gender = gender_of_verb(&key, form);
                map.entry(key).or_insert(CueForm {
                    form,
                    gender,
                    ..base
                });
            }
        }
    }
    // cue nouns take the source as a genitive and the claim as an object
    for lemma in lists::entries(lists::CUE_NOUNS) {
        map.entry(fold_str(lemma)).or_insert(CueForm {
            object_claim: true,
            ..CueForm::plain_noun(lemma, CueType::Noun)
        });
    }
    map
});

/// What may follow a prepositional cue's words before its source (column 2 of
/// `assets/lexicon/cue-prepositions.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Follow {
    /// `ما` + a verb of saying (`بحسب ما أفادت الوكالة`).
    MaVerb,
    /// A verb of saying right after (`حسبما ذكرت الصحيفة`).
    Verb,
    /// `ل`, `لما` + verb, or ل written on the source (`وفقاً لما ذكرته`، `وفقاً للوزارة`).
    Lam,
    /// The source itself (`بحسب المصادر`).
    Source,
}

/// A prepositional cue: its folded words, what may follow them, its dictionary form.
#[derive(Debug)]
pub(super) struct PrepositionCue {
    pub(super) words: Vec<String>,
    pub(super) follows: Vec<Follow>,
    pub(super) lemma: &'static str,
}

/// A row of the preposition table; `Err` names the file, line and field.
fn preposition_cue(row: &lists::Row) -> Result<PrepositionCue, String> {
    let follows = row
        .get(1)
        .split(',')
        .map(|f| match f {
            "ma-verb" => Ok(Follow::MaVerb),
            "verb" => Ok(Follow::Verb),
            "lam" => Ok(Follow::Lam),
            "source" => Ok(Follow::Source),
            other => Err(row.error(
                &lists::CUE_PREPOSITIONS,
                &format!("unknown follow {other:?}"),
            )),
        })
        .collect::<Result<Vec<_>, _>>()?;
    let words: Vec<String> = row.get(0).split_whitespace().map(fold_str).collect();
    if words.is_empty() {
        return Err(row.error(&lists::CUE_PREPOSITIONS, "no cue words"));
    }
    Ok(PrepositionCue {
        words,
        follows,
        lemma: row.get(2),
    })
}

/// The rows of `table` read by `read`, the entries with the most words first (`على حد قول`
/// before a shorter cue sharing its start); a malformed row (the lexicon test names it) is left
/// out.
fn longest_first<T>(
    table: lists::Table,
    read: fn(&lists::Row) -> Result<T, String>,
    words: fn(&T) -> usize,
) -> Vec<T> {
    let mut entries: Vec<T> = lists::rows(table)
        .filter_map(Result::ok)
        .filter_map(|row| read(&row).ok())
        .collect();
    entries.sort_by_key(|e| std::cmp::Reverse(words(e)));
    entries
}

/// The prepositional cues, longest first.
pub(super) static PREPOSITION_CUES: LazyLock<Vec<PrepositionCue>> =
    LazyLock::new(|| longest_first(lists::CUE_PREPOSITIONS, preposition_cue, |c| c.words.len()));

/// A frame between a cue verb and the content it takes a stance on (`صحة الأنباء عن`), from
/// `assets/lexicon/cue-stance-frames.tsv`.
#[derive(Debug)]
pub(super) struct StanceFrame {
    /// Folded words; with `glued`, the last is a preposition written on the claim's first word.
    pub(super) words: Vec<String>,
    pub(super) glued: bool,
    /// The stance it gives a verb that only asserts.
    pub(super) stance: Option<Stance>,
}

/// A row of the frame table; `Err` names the file, line and field.
fn stance_frame(row: &lists::Row) -> Result<StanceFrame, String> {
    let stance = match row.get(1) {
        "-" => None,
        "confirms" => Some(Stance::Confirms),
        "denies" => Some(Stance::Denies),
        "doubts" => Some(Stance::Doubts),
        other => {
            return Err(row.error(
                &lists::CUE_STANCE_FRAMES,
                &format!("unknown stance {other:?}"),
            ));
        }
    };
    let glued = row.get(0).ends_with('\u{0640}');
    let words: Vec<String> = row.get(0).split_whitespace().map(fold_str).collect();
    Ok(StanceFrame {
        words,
        glued,
        stance,
    })
}

/// The stance frames, longest first.
pub(super) static STANCE_FRAMES: LazyLock<Vec<StanceFrame>> =
    LazyLock::new(|| longest_first(lists::CUE_STANCE_FRAMES, stance_frame, |f| f.words.len()));

pub(super) fn gender_of_verb(key: &str, form: Form) -> Gender {
    match form {
        Form::Past if key.ends_with("وا") => Gender::Plural,
        Form::Past if key.ends_with('ت') || key.ends_with("تا") => Gender::Feminine,
        Form::Present if key.ends_with("ون") => Gender::Plural,
        Form::Present if key.starts_with('ت') => Gender::Feminine,
        Form::Participle if key.ends_with('ه') => Gender::Feminine,
        Form::Participle if key.ends_with("ين") => Gender::Plural,
        _ => Gender::Masculine,
    }
}

/// The cue form of a word key, trying the whole word and then without a و/ف prefix. Returns
/// the form and the prefix length in chars of the folded key.
pub(super) fn cue_form(key: &str) -> Option<(CueForm, usize)> {
    if let Some(form) = CUE_FORMS.get(key) {
        return Some((*form, 0));
    }
    let rest = key.strip_prefix('و').or_else(|| key.strip_prefix('ف'))?;
    if rest.chars().count() < 2 {
        return None;
    }
    CUE_FORMS.get(rest).map(|f| (*f, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_verb_row_reads() {
        for row in lists::rows(lists::CUE_VERBS) {
            let row = row.unwrap_or_else(|e| panic!("{e}"));
            if let Err(e) = lemma(&row) {
                panic!("{e}");
            }
        }
        assert!(CUE_FORMS.len() > 100);
        for row in lists::rows(lists::CUE_PREPOSITIONS) {
            let row = row.unwrap_or_else(|e| panic!("{e}"));
            if let Err(e) = preposition_cue(&row) {
                panic!("{e}");
            }
        }
        assert!(PREPOSITION_CUES.len() > 10);
        for row in lists::rows(lists::CUE_STANCE_FRAMES) {
            let row = row.unwrap_or_else(|e| panic!("{e}"));
            if let Err(e) = stance_frame(&row) {
                panic!("{e}");
            }
        }
        assert!(STANCE_FRAMES.iter().any(|f| f.glued && f.words.len() == 2));
    }

    #[test]
    fn a_bad_stance_or_flag_names_the_line() {
        let row = lists::Row {
            line: 7,
            fields: vec!["قال", "قال", "-", "-", "-", "says", "-", "-"],
        };
        let e = lemma(&row).err().unwrap_or_default();
        assert_eq!(e, "assets/lexicon/cue-verbs.tsv:7: unknown stance \"says\"");
        let row = lists::Row {
            line: 9,
            fields: vec!["قال", "قال", "-", "-", "-", "asserts", "-", "loud"],
        };
        assert!(lemma(&row).is_err_and(|e| e.contains(":9: unknown flag")));
    }

    #[test]
    fn forms_carry_the_columns() {
        let (said, _) = cue_form("قالت").unwrap_or_else(|| panic!("قالت is a cue"));
        assert_eq!(
            (said.lemma, said.form, said.gender),
            ("قال", Form::Past, Gender::Feminine)
        );
        let (passive, prefix) = cue_form("وقيل").unwrap_or_else(|| panic!("قيل is a cue"));
        assert_eq!((passive.form, prefix), (Form::Passive, 1));
        let (expressed, _) = cue_form("اعربت").unwrap_or_else(|| panic!("أعربت is a cue"));
        assert_eq!(expressed.object_preposition, Some("عن"));
        assert!(expressed.object_claim);
        assert!(cue_form("بين").is_some_and(|(f, _)| f.needs_adjacent_complement));
        assert!(cue_form("نقلت").is_some_and(|(f, _)| f.relay));
        assert!(cue_form("تحدث").is_some_and(|(f, _)| f.speaker_only));
        assert!(cue_form("زعم").is_some_and(|(f, _)| f.distancing));
        assert_eq!(cue_form("اعلان").map(|(f, _)| f.form), Some(Form::Noun));
        assert!(cue_form("يذكر").is_none());
    }
}
