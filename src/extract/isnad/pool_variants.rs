//! Surface variants of the eighth round (docs/extraction/chains.md, "Eighth round: chains"): shapes
//! counted over the pool of real outlet reports (at least three outlets each) before a rule was
//! written for them. Every sentence is invented; each table was run before its rule and the
//! count that failed is in the docs.

#![cfg(test)]

use super::agency_variants::{check_denials, links};

/// A report pointed back at by a denial word that opens no clause: after a relative pronoun, in
/// the first person inside a quotation, or as a verbal noun after `على`/`إلى` (pool: 4
/// sentences, 4 outlets).
const POINTED_AFTER_A_RELATIVE_A_QUOTE_OR_A_NOUN: &[(&str, &str, &str)] = &[
    (
        "وأفادت تقارير بأن الوزير استقال. وتواصلت الصحيفة مع وزارة الخارجية، التي نفت تلك الأنباء تماما.",
        "وزارة الخارجية",
        "الوزير استقال",
    ),
    (
        "وتحدثت مواقع إخبارية عن إغلاق المعبر. واتصلنا بهيئة الموانئ، التي نفت هذه المعلومات.",
        "هيئة الموانئ",
        "إغلاق المعبر",
    ),
    (
        "وقال شهود إن القوات انسحبت من البلدة. وقال المتحدث باسم الجيش: \"إننا ننفي هذه الأخبار\".",
        "المتحدث باسم الجيش",
        "القوات انسحبت من البلدة",
    ),
    (
        "وتقول الحكومة إن شركة النور هربت الوقود. لكن شركة النور دأبت على نفي هذا الاتهام.",
        "شركة النور",
        "شركة النور هربت الوقود",
    ),
    (
        "وذكرت صحيفة الأيام أن المصنع أغلق. وَاتَّصَلْنا بوزارة الصحة التي نَفَتْ هذه الأنباء.",
        "وزارة الصحة",
        "المصنع أغلق",
    ),
    (
        "وقال نائب إن الجلسة ستؤجل. وأكد رئيس المجلس في تصريح: \"أنا أنفي هذه الأنباء جملة وتفصيلا\".",
        "رئيس المجلس",
        "الجلسة ستؤجل",
    ),
    (
        "وأكدت مصادر أن السفير غادر. فسارعت وزارة الخارجية إلى نفي هذه المعلومات.",
        "وزارة الخارجية",
        "السفير غادر",
    ),
];

#[test]
fn a_report_pointed_at_after_a_relative_a_quote_or_a_noun() {
    check_denials(POINTED_AFTER_A_RELATIVE_A_QUOTE_OR_A_NOUN);
}

/// `تنفي القيادة هذا الخبر نفيا قاطعا، …` with no report before it: no denial at all (the
/// demonstrative used to end up in the denier: `القيادة هذا` denying `نفيا قاطعا، …`).
#[test]
fn a_pointer_with_nothing_before_it_gives_no_denier() {
    for text in [
        "تنفي إدارة المستشفى هذا النبأ نفيا قاطعا، وتؤكد أن كل ما نشره الموقع لا أساس له.",
        "ونفت الوزارة هذه المزاعم جملة وتفصيلا.",
    ] {
        let l = links(text);
        assert!(l.iter().all(|(_, _, st)| st != "denies"), "{text}: {l:?}");
    }
}

/// A pointed report whose content is spelled out after its `عن`: the demonstrative is no part of
/// the denier (it was: `الوزارة هذه`), the content after `عن` is denied (the sixth round's frame).
#[test]
fn a_pointed_report_with_its_content_spelled_out() {
    check_denials(&[
        (
            "ونفت الوزارة هذه الشائعات التي تحدثت عن إغلاق المدارس.",
            "الوزارة",
            "إغلاق المدارس",
        ),
        (
            "ونفى المتحدث تلك الأنباء المتداولة حول انسحاب القوات.",
            "المتحدث",
            "انسحاب القوات",
        ),
        ("وَنَفَتِ الشركةُ هذه المزاعم بشأن إفلاسها.", "الشركةُ", "إفلاسها"),
    ]);
}

/// A report named only by a pointer and called false under a verb of saying (§6.3, A4): the
/// speaker denies the claim that states the report (pool: 3 sentences, 3 outlets).
const POINTED_REPORTS_CALLED_FALSE: &[(&str, &str, &str)] = &[
    (
        "وقال المتحدث إن شهودا زعموا أن القوات انسحبت، وأشار إلى أن ذلك ليس صحيحا.",
        "المتحدث",
        "القوات انسحبت",
    ),
    (
        "ونفت الوزارة ما تم تداوله بشأن إغلاق المدارس، مؤكدة أن هذه المزاعم لا تمت إلى الواقع بصلة.",
        "الوزارة",
        "إغلاق المدارس",
    ),
    (
        "وذكرت مواقع أن المدير استقال، فيما قال مصدر في الشركة إن هذا الخبر ما هو إلا شائعة.",
        "مصدر في الشركة",
        "المدير استقال",
    ),
    (
        "وتحدثت تقارير عن رفع الأسعار، وأكد الوزير أن هذه الأنباء مجرد شائعات.",
        "الوزير",
        "رفع الأسعار",
    ),
    (
        "وقال نائب إن الجلسة ستؤجل، فيما أَكَّدَ رئيس المجلس أن ذلك غير دقيق.",
        "رئيس المجلس",
        "الجلسة ستؤجل",
    ),
];

#[test]
fn a_pointed_report_called_false() {
    check_denials(POINTED_REPORTS_CALLED_FALSE);
}

/// A pointer without a phrase of falsity is no denial.
#[test]
fn a_pointer_not_called_false_still_asserts() {
    let l = links("وقال شهود إن القوات انسحبت. وأكد الوزير أن ذلك القرار صائب.");
    assert!(l.iter().all(|(_, _, st)| st == "asserts"), "{l:?}");
}

/// A denial after a question mark (two bytes) at the text's start: the sentence before it was
/// looked for one byte back, inside the mark, and the slice panicked (found by
/// `tests/extract_props.rs`).
#[test]
fn a_pointed_denial_after_a_question_mark_does_not_panic() {
    for text in ["؟ نفت  هذه الأنباء ", "هل استقال؟ نفت الوزارة هذه الأنباء."]
    {
        let l = links(text);
        assert!(l.iter().all(|(_, _, st)| st != "asserts"), "{text}: {l:?}");
    }
}
