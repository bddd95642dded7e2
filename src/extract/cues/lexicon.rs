//! The cue lexicon: verbs of saying and believing in their inflections (past, present,
//! passive, participle), cue nouns, and the form, gender and stance each surface form gives.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::{CueType, Stance};
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
    /// Too ambiguous to stand without a complement right after it (`بين` "between").
    pub(super) needs_adjacent_complement: bool,
    /// `نقل`: `نقلت OUTLET عن SOURCE`.
    pub(super) relay: bool,
    /// `تحدث` "spoke": introduces a speaker for later pro-drop cues, never a claim itself.
    pub(super) speaker_only: bool,
}

pub(super) struct Lemma {
    pub(super) lemma: &'static str,
    pub(super) past: &'static str,
    pub(super) present: &'static str,
    pub(super) passive: &'static str,
    pub(super) participle: &'static str,
    pub(super) stance: Stance,
    pub(super) object_claim: bool,
}

pub(super) const fn lemma(
    lemma: &'static str,
    past: &'static str,
    present: &'static str,
    passive: &'static str,
    participle: &'static str,
) -> Lemma {
    Lemma {
        lemma,
        past,
        present,
        passive,
        participle,
        stance: Stance::Asserts,
        object_claim: false,
    }
}

pub(super) const fn with(mut l: Lemma, stance: Stance, object_claim: bool) -> Lemma {
    l.stance = stance;
    l.object_claim = object_claim;
    l
}

/// Verbs of saying and believing, undiacritised (`notes/arabic-extraction.md` §3.1).
pub(super) const LEMMAS: &[Lemma] = &[
    lemma(
        "قال",
        "قال قالت قالوا قالا قالتا",
        "يقول تقول يقولون",
        "قيل",
        "قائلا قائلة قائلين",
    ),
    with(
        lemma(
            "أعلن",
            "أعلن أعلنت أعلنوا أعلنا أعلنتا",
            "يعلن تعلن يعلنون",
            "",
            "معلنا معلنة",
        ),
        Stance::Asserts,
        true,
    ),
    lemma(
        "أضاف",
        "أضاف أضافت أضافوا أضافا",
        "يضيف تضيف",
        "",
        "مضيفا مضيفة",
    ),
    lemma("ذكر", "ذكر ذكرت ذكروا ذكرا", "تذكر", "", ""),
    lemma(
        "أوضح",
        "أوضح أوضحت أوضحوا أوضحا",
        "يوضح توضح",
        "",
        "موضحا موضحة",
    ),
    with(
        lemma(
            "أكد",
            "أكد أكدت أكدوا أكدا",
            "يؤكد تؤكد يؤكدون",
            "",
            "مؤكدا مؤكدة",
        ),
        Stance::Asserts,
        true,
    ),
    lemma(
        "أشار",
        "أشار أشارت أشاروا أشارا",
        "تشير",
        "أشير",
        "مشيرا مشيرة",
    ),
    lemma("صرح", "صرح صرحت صرحوا", "يصرح تصرح", "", "مصرحا مصرحة"),
    lemma("نقل", "نقل نقلت نقلوا", "ينقل تنقل", "", "ناقلا ناقلة"),
    lemma(
        "أفاد",
        "أفاد أفادت أفادوا",
        "يفيد تفيد",
        "أفيد",
        "مفيدا مفيدة",
    ),
    with(
        lemma("كشف", "كشف كشفت كشفوا", "يكشف تكشف", "", "كاشفا كاشفة"),
        Stance::Asserts,
        true,
    ),
    lemma("بين", "بين بينت بينوا", "يبين", "", "مبينا مبينة"),
    lemma("لفت", "لفت لفتت لفتوا", "يلفت تلفت", "", "لافتا لافتة"),
    with(
        lemma("شدد", "شدد شددت شددوا", "يشدد تشدد", "", "مشددا مشددة"),
        Stance::Asserts,
        true,
    ),
    lemma("تابع", "تابع تابعت تابعوا", "", "", "متابعا"),
    lemma("أردف", "أردف أردفت أردفوا", "يردف", "", "مردفا مردفة"),
    lemma("استطرد", "استطرد استطردت", "", "", ""),
    lemma("شرح", "شرح شرحت شرحوا", "يشرح تشرح", "", "شارحا شارحة"),
    with(
        lemma("نفى", "نفى نفت نفوا نفيا", "ينفي تنفي", "", "نافيا نافية"),
        Stance::Denies,
        true,
    ),
    with(
        lemma(
            "اعتبر",
            "اعتبر اعتبرت اعتبروا",
            "يعتبر تعتبر",
            "",
            "معتبرا معتبرة",
        ),
        Stance::Believes,
        false,
    ),
    with(
        lemma("رأى", "رأت رأوا", "يرى ترى يرون", "", ""),
        Stance::Believes,
        false,
    ),
    lemma("حذر", "حذر حذرت حذروا", "يحذر تحذر", "", "محذرا محذرة"),
    with(
        lemma("أعرب", "أعرب أعربت أعربوا", "يعرب تعرب", "", "معربا معربة"),
        Stance::Believes,
        true,
    ),
    lemma("أبلغ", "أبلغ أبلغت أبلغوا", "يبلغ", "", ""),
    lemma("أخبر", "أخبر أخبرت أخبروا", "يخبر", "", ""),
    lemma("روى", "روى روت رووا", "يروي تروي", "", ""),
    lemma("أورد", "أورد أوردت أوردوا", "يورد تورد", "", ""),
    lemma("زعم", "زعم زعمت زعموا", "يزعم تزعم", "", "زاعما زاعمة"),
    lemma("ادعى", "ادعى ادعت ادعوا", "يدعي تدعي", "", "مدعيا مدعية"),
    lemma(
        "اعترف",
        "اعترف اعترفت اعترفوا",
        "يعترف تعترف",
        "",
        "معترفا معترفة",
    ),
    lemma("أقر", "أقر أقرت أقروا", "يقر تقر", "", "مقرا مقرة"),
    with(
        lemma("رجح", "رجح رجحت رجحوا", "يرجح ترجح", "", "مرجحا مرجحة"),
        Stance::Predicts,
        false,
    ),
    with(
        lemma(
            "توقع",
            "توقع توقعت توقعوا",
            "يتوقع تتوقع",
            "",
            "متوقعا متوقعة",
        ),
        Stance::Predicts,
        false,
    ),
    lemma("نشر", "نشر نشرت نشروا", "ينشر تنشر", "", ""),
    lemma(
        "تحدث",
        "تحدث تحدثت تحدثوا",
        "يتحدث تتحدث",
        "",
        "متحدثا متحدثة",
    ),
    lemma("أصدر", "أصدر أصدرت أصدروا", "يصدر تصدر", "", ""),
    lemma("بث", "بث بثت بثوا", "يبث تبث", "", ""),
];

/// Cue nouns that take the source as a genitive and the claim as an object.
pub(super) const NOUN_CUES: &[(&str, &str)] = &[("إعلان", "إعلان"), ("تأكيد", "تأكيد")];

/// Verbs that need an adjacent complement: homographs of very common non-cue words.
pub(super) const NEEDS_ADJACENT_COMPLEMENT: &[&str] = &["بين", "رأى", "تابع"];

/// Forms that are passive even without harakat.
pub(super) const PASSIVE_ONLY: &[&str] = &["قيل", "أفيد", "أشير"];

pub(super) static CUE_FORMS: LazyLock<HashMap<String, CueForm>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for l in LEMMAS {
        let belief = matches!(l.stance, Stance::Believes | Stance::Predicts);
        let distancing = matches!(l.lemma, "زعم" | "ادعى");
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
            distancing,
            object_claim: l.object_claim,
            needs_adjacent_complement: NEEDS_ADJACENT_COMPLEMENT.contains(&l.lemma),
            relay: l.lemma == "نقل",
            speaker_only: l.lemma == "تحدث",
        };
        let groups = [
            (l.past, Form::Past),
            (l.present, Form::Present),
            (l.passive, Form::Passive),
            (l.participle, Form::Participle),
        ];
        for (forms, form) in groups {
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
    for (surface, lemma) in NOUN_CUES {
        map.entry(fold_str(surface)).or_insert(CueForm {
            lemma,
            form: Form::Noun,
            gender: Gender::Masculine,
            stance: Stance::Asserts,
            cue_type: CueType::Noun,
            distancing: false,
            object_claim: true,
            needs_adjacent_complement: false,
            relay: false,
            speaker_only: false,
        });
    }
    map
});

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
