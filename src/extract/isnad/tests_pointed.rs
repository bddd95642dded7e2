//! Tests of pointed denials and reports called false (docs/extraction/chains.md, guidelines
//! §6.3): a report the denial points at (after a relative, a quote or a noun), a pointer to a
//! report the text stated, a report or a described mention called false, and what is not denied
//! (an opinion, a pointer not called false). Every sentence is invented; the round that added
//! each table and how many of its rows failed before its rule are in the docs.

#![cfg(test)]

use super::test_rows::{check_denials, links};

/// A report called false in words the fifth round's list lacked, or with more after the phrase
/// (`هي أخبار كاذبة لا تمت إلى الحقيقة بصلة`).
const REPORTS_CALLED_FALSE: &[(&str, &str, &str)] = &[
    (
        "وأكدت الوزارة أن ما أثير حول بيع الميناء عار تماما من الصحة.",
        "الوزارة",
        "بيع الميناء",
    ),
    (
        "وأعلن المكتب أن الأخبار التي بثتها قناة الغد حول استقالة الوزير هي أخبار كاذبة لا تمت إلى الحقيقة بصلة.",
        "المكتب",
        "استقالة الوزير",
    ),
    (
        "وقالت الشركة إن ما نشر عن إفلاسها لا يمت للحقيقة بصلة.",
        "الشركة",
        "إفلاسها",
    ),
    (
        "وأوضحت الشرطة أن الأنباء عن اعتقال الصحفي عارية تماما من الصحة.",
        "الشرطة",
        "اعتقال الصحفي",
    ),
];

#[test]
fn reports_called_false() {
    check_denials(REPORTS_CALLED_FALSE);
}

/// A report noun whose content follows it (`خبر`، `نبأ`), and a demonstrative the cue suggester
/// read with the denier's next clause (`نفى هذا الخبر وأكد أن …`).
const REPORT_NOUNS_AND_POINTERS: &[(&str, &str, &str)] = &[
    (
        "وتنفي الوزارة خبر تسجيل مئات الإصابات في المدينة.",
        "الوزارة",
        "تسجيل مئات الإصابات في المدينة",
    ),
    (
        "ونفت الوزارة نبأ استقالة الوزير.",
        "الوزارة",
        "استقالة الوزير",
    ),
    (
        "وقالت مواقع إن المركز أغلق. ونفى المدير هذا الخبر وأكد أن المركز يعمل.",
        "المدير",
        "المركز أغلق",
    ),
];

#[test]
fn report_nouns_and_pointers() {
    check_denials(REPORT_NOUNS_AND_POINTERS);
}

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

/// A report stated with its content (`أنباء تفيد بأن C`، `معلومات مغلوطة عن C`، `الخبر الذي …
/// يزعم C`، `شائعات حول C`), then pointed back at by a denial or a phrase of falsity in the same
/// sentence or the next one: the denied claim is the content (pool: 5 sentences, 3 outlets).
const A_POINTER_TO_A_STATED_REPORT: &[(&str, &str, &str)] = &[
    (
        "وتداولت مواقع أنباء تفيد بأن الوزارة ستلغي الامتحان. وأكدت الوزارة أن هذه الأنباء مجرد شائعات.",
        "الوزارة",
        "الوزارة ستلغي الامتحان",
    ),
    (
        "نشرت صحيفة محلية تقريرا تضمن معلومات مغلوطة عن إغلاق المعبر الحدودي. وتنفي الهيئة هذا الخبر.",
        "الهيئة",
        "إغلاق المعبر الحدودي",
    ),
    (
        "وَقالَ المُتَحَدِّثُ إنه لا صحة نهائيا للخبر الذي تناقلته بعض الصفحات والذي يزعم استقالة المدير.",
        "المُتَحَدِّثُ",
        "استقالة المدير",
    ),
    (
        "وقال المتحدث إنه لا صحة للخبر الذي تناقلته الصفحات والذي يزعم استقالة المدير.",
        "المتحدث",
        "استقالة المدير",
    ),
    (
        "فيما ترددت أنباء عن تأجيل المباراة، تواصلت الصحيفة مع وزارة الشباب، التي نفت هذه الأنباء.",
        "وزارة الشباب",
        "تأجيل المباراة",
    ),
    (
        "وترددت معلومات مفادها أن الشركة ستغلق مصنعها. وقال مدير الشركة: إن هذه المعلومات عارية عن الصحة.",
        "مدير الشركة",
        "الشركة ستغلق مصنعها",
    ),
    (
        "وانتشرت شائعات حول رفع أسعار الخبز، وأكد وزير التموين أن هذه الشائعات لا أساس لها.",
        "وزير التموين",
        "رفع أسعار الخبز",
    ),
    // already so before the rule: kept as regressions
    (
        "وتحدثت تقارير عن اعتقال الصحفي. فَنَفَتِ الشرطة تلك الأنباء.",
        "الشرطة",
        "اعتقال الصحفي",
    ),
    // a claim before the pointer in its own sentence comes before a report stated in the
    // sentence before (dev 28-politics)
    (
        "اتهم الوزير الصحيفة بنشر معلومات مغلوطة بشأن الانتخابات. وقال الوزير إن المعارضة أبلغت السفراء بأن الانتخابات زورت، وأشار إلى أن ذلك ليس صحيحا.",
        "الوزير",
        "الانتخابات زورت",
    ),
];

#[test]
fn a_pointer_to_a_stated_report_denies_its_content() {
    check_denials(A_POINTER_TO_A_STATED_REPORT);
}

/// A report noun with its content but no pointer and no denial: nothing denies it.
#[test]
fn a_stated_report_without_a_denial_is_not_denied() {
    for text in [
        "وتداولت مواقع أنباء تفيد بأن الوزارة ستلغي الامتحان. وقال الوزير إن الامتحان في موعده.",
        "وأكد المدير وجود معلومات عن تسرب الأسئلة.",
    ] {
        let l = links(text);
        assert!(l.iter().all(|(_, _, st)| st != "denies"), "{text}: {l:?}");
    }
}

/// Second half: a verb of saying whose content calls a report false, the report named by a
/// pointer that is a demonstrative and a report noun, a definite report noun with or without a
/// participle of circulation (`الأنباء المتداولة`، `الخبر المنشور`), or `ما` and a verb of
/// circulation (`ما يتم تداوله على مواقع التواصل`، `ما يشاع`، `ما يقال`): the claim is the
/// report stated before (in the sentence, or denied in the sentence before), else the
/// pointer's words (pool: 12 sentences, 12 outlets; 8 of 8 rows failed before the rule).
const A_POINTER_CALLED_FALSE: &[(&str, &str, &str)] = &[
    (
        "نفى مصدر في وزارة النقل ما تردد عن إغلاق الطريق الساحلي. وأكد المصدر أن هذه الأنباء لا أساس لها من الصحة.",
        "المصدر",
        "إغلاق الطريق الساحلي",
    ),
    // a mention with a description of its own (a participle of circulation) is read like a
    // demonstrative (§6.3 of 2026-12-05 (b), eleventh round): the content stated before is the
    // claim (the tenth round had made these two the mention)
    (
        "نفت وزارة الزراعة الأنباء عن نفوق المواشي في الجنوب. وأكدت الوزارة أن الأنباء المتداولة عارية عن الصحة.",
        "الوزارة",
        "نفوق المواشي في الجنوب",
    ),
    (
        "نفت البلدية أنباء عن هدم السوق القديم. فَأَكَّدَ المتحدث باسم البلدية أنّ الخبر المنشور عارٍ عن الصحة.",
        "المتحدث باسم البلدية",
        "هدم السوق القديم",
    ),
    (
        "قال المتحدث باسم الوزارة إن ما يتم تداوله على مواقع التواصل الاجتماعي مجرد شائعات.",
        "المتحدث باسم الوزارة",
        "ما يتم تداوله على مواقع التواصل الاجتماعي",
    ),
    (
        "وأوضح مدير المستشفى أن ما يشاع غير صحيح.",
        "مدير المستشفى",
        "ما يشاع",
    ),
    (
        "وقال المدير إن ما يقال هو مجرد شائعات.",
        "المدير",
        "ما يقال",
    ),
    (
        "أكدت الشركة أن الأخبار المتداولة كاذبة.",
        "الشركة",
        "الأخبار المتداولة",
    ),
    (
        "نفت الوزارة الأنباء عن رفع الضرائب، وقال الوزير إن ما يتردد هي أكاذيب.",
        "الوزير",
        "رفع الضرائب",
    ),
];

#[test]
fn a_pointer_called_false_denies_the_report() {
    check_denials(A_POINTER_CALLED_FALSE);
}

/// A bare demonstrative may point at an opinion, and a noun that is no report may be called
/// inaccurate: neither is a denial.
#[test]
fn an_opinion_or_a_non_report_called_false_is_not_denied() {
    for text in [
        "ورأى باحثون أن الموقع بني في العصر الحجري، ورأى آخرون أن ذلك غير دقيق.",
        "وقال الطبيب إن التحاليل غير دقيقة.",
        "قال المهندس إن الجسر غير آمن.",
        "وأوضح المدير أن ما يحتاجه المصنع مجرد قطع غيار.",
    ] {
        let l = links(text);
        assert!(l.iter().all(|(_, _, st)| st != "denies"), "{text}: {l:?}");
    }
}

/// A report named by a described mention and called false under a verb of saying (§6.3 of
/// 2026-12-05 (b): the mention is the claim only when the text states the content nowhere;
/// these rows state it nowhere, or in the mention's own sentence), and `لا صحة لهذه المعلومات` (the falsity first, then the
/// pointer): `ما ورد في المقال`، `ماجاء في الفيديو عبارة عن شائعات`، `الوثيقة التي تداولتها …`
/// (pool: 5 sentences, 5 outlets; sub-shapes 2, 1 and 2 outlets). Each row: the sentence, the
/// denier and the claim denied.
const A_DESCRIBED_MENTION_CALLED_FALSE: &[(&str, &str, &str)] = &[
    (
        "وأكدت القيادة أن ما ورد في المنشور عار من الصحة.",
        "القيادة",
        "ما ورد في المنشور",
    ),
    (
        "وقال المتحدث إن ما جاء في التقرير غير صحيح.",
        "المتحدث",
        "ما جاء في التقرير",
    ),
    (
        "وأضاف البيان أن ماجاء في هذا التسجيل عبارة عن شائعات كاذبة.",
        "البيان",
        "ماجاء في هذا التسجيل",
    ),
    (
        "وقال المصدر إن الوثيقة التي تداولتها وسائل إعلام، وثيقة مزورة وعارية عن الصحة.",
        "المصدر",
        "الوثيقة التي تداولتها وسائل إعلام",
    ),
    (
        "فأكد المتحدث أن الصورة التي نشرتها صفحات التواصل الاجتماعي مفبركة.",
        "المتحدث",
        "الصورة التي نشرتها صفحات التواصل الاجتماعي",
    ),
    (
        "وأكد المتحدث في بيان أنه لا صحة لهذه المعلومات.",
        "المتحدث",
        "هذه المعلومات",
    ),
    (
        "وَأَكَّدَتِ الوِزَارَةُ أَنَّهُ لا صِحَّةَ مُطْلَقًا لِهَذِهِ الأَنْبَاءِ المُتَدَاوَلَةِ.",
        "الوِزَارَةُ",
        "هَذِهِ الأَنْبَاءِ المُتَدَاوَلَةِ",
    ),
    // the same sentence restating the content: the content is the claim
    (
        "ونشرت صحيفة محلية معلومات مغلوطة عن إغلاق المعبر، فأكدت الهيئة أن ما ورد في المنشور عار من الصحة.",
        "الهيئة",
        "إغلاق المعبر",
    ),
    // the report denied earlier in the same sentence (§6.3, one denial, several cues)
    (
        "ونشرت صحيفة محلية معلومات مغلوطة عن إغلاق المعبر. وتنفي الهيئة هذا الخبر، وتؤكد أن ما ورد في المنشور عار من الصحة.",
        "الهيئة",
        "إغلاق المعبر",
    ),
    // a pointer back with a demonstrative still reaches the report denied before it
    (
        "نفى الجيش الأنباء عن انسحاب قواته من المدينة. وأكدت القيادة أنه لا صحة مطلقا لهذه المعلومات.",
        "القيادة",
        "انسحاب قواته من المدينة",
    ),
];

#[test]
fn a_described_mention_called_false_is_denied() {
    super::test_rows::check_denials(A_DESCRIBED_MENTION_CALLED_FALSE);
}

/// What is said of a document's content without calling it false stays an assertion.
#[test]
fn a_described_mention_not_called_false_is_asserted() {
    for text in [
        "وقال الخبير إن ما ورد في الدراسة يؤكد ارتفاع الأسعار.",
        "وأوضح أن الشركة التي نشرتها الصحيفة تعمل في البناء.",
        "وقال الوزير إن ما جاء في خطابه يحتاج إلى شرح.",
    ] {
        let l = super::test_rows::links(text);
        assert!(l.iter().all(|(_, _, st)| st != "denies"), "{text}: {l:?}");
    }
}

/// A described mention after a denial of the same report in its sentence is that report, not a
/// claim of its own (§6.3, one denial, several cues; p135's shape, 1 of 1 failed before).
#[test]
fn a_described_mention_after_a_denial_in_its_sentence_is_that_report() {
    let text = "ونشرت صحيفة محلية معلومات مغلوطة عن إغلاق المعبر. وتنفي الهيئة هذا الخبر، وتؤكد أن ما ورد في المنشور عار من الصحة.";
    let l = super::test_rows::links(text);
    let denied: Vec<&str> = l
        .iter()
        .filter(|(_, _, st)| st == "denies")
        .map(|(_, c, _)| c.as_str())
        .collect();
    assert_eq!(denied, ["إغلاق المعبر", "إغلاق المعبر"], "{l:?}");
}

/// Any mention of a report the text has stated is read like a demonstrative (§6.3 of 2026-12-05
/// (b)): the denial is a second attribution of the stated claim item, whether the mention is
/// called false under a verb of saying or is the object of a denial verb, the content stated in
/// the same sentence, the sentence before or denied earlier in the text; the mention is the
/// claim only when the content is stated nowhere (pool: 10 links of 10 outlets changed, 8
/// right). Each row: the sentence, the denier and the claim denied.
const A_MENTION_OF_A_STATED_REPORT: &[(&str, &str, &str)] = &[
    // stated in the sentence before, by a report noun and its content
    (
        "تداولت صفحات أنباء عن إغلاق المعبر الحدودي. وقالت الهيئة إن ما يتم تداوله على مواقع التواصل عار عن الصحة.",
        "الهيئة",
        "إغلاق المعبر الحدودي",
    ),
    (
        "تناقلت مواقع معلومات عن تسمم عشرات التلاميذ. ونفت المديرية الأنباء المتداولة.",
        "المديرية",
        "تسمم عشرات التلاميذ",
    ),
    // denied before, a sentence between
    (
        "نفت وزارة الكهرباء رفع أسعار الكهرباء. وكان الوزير قد زار المحطة أمس. وأكد المتحدث أن ما يتم تداوله مجرد شائعات.",
        "المتحدث",
        "رفع أسعار الكهرباء",
    ),
    (
        "نَفَتْ الشركة إغلاق مصانعها في الشمال. وَقَالَ مديرها إنَّ ما يُشاع غير صحيح.",
        "مديرها",
        "إغلاق مصانعها في الشمال",
    ),
    (
        "نفى مصدر أمني اعتقال الصحفي في العاصمة. فأكد المصدر أن الخبر المنشور على الصفحة كاذب.",
        "المصدر",
        "اعتقال الصحفي في العاصمة",
    ),
    (
        "نفت الجامعة تأجيل الامتحانات النهائية. وأوضح رئيسها أن الصورة التي نشرتها صفحات الطلاب مفبركة.",
        "رئيسها",
        "تأجيل الامتحانات النهائية",
    ),
    (
        "نفى الجيش انسحاب قواته من الحدود. وقالت القيادة إن ما ورد في الفيديو عبارة عن شائعات.",
        "القيادة",
        "انسحاب قواته من الحدود",
    ),
    // stated nowhere: the mention is the claim
    (
        "وقالت الهيئة إن ما يتم تداوله على مواقع التواصل عار عن الصحة.",
        "الهيئة",
        "ما يتم تداوله على مواقع التواصل",
    ),
    (
        "أكدت الشركة أن الخبر المنشور على الصفحة كاذب.",
        "الشركة",
        "الخبر المنشور على الصفحة",
    ),
];

#[test]
fn a_mention_of_a_stated_report_denies_the_stated_claim() {
    super::test_rows::check_denials(A_MENTION_OF_A_STATED_REPORT);
}

/// The stated report denied twice is one claim item: the second denial is a second link to it,
/// not a second claim with the same words.
#[test]
fn a_report_denied_again_by_a_mention_is_one_claim_item() {
    let text = "نفت وزارة الكهرباء رفع أسعار الكهرباء. وأكد المتحدث أن ما يتم تداوله مجرد شائعات.";
    let article = crate::article::Article::from_text("t", text.to_owned());
    let set = crate::extract::isnad::suggest_annotations(
        &article,
        &crate::extract::extract(&article.text),
    );
    let denied: Vec<&String> = set
        .attributions
        .iter()
        .filter(|a| a.stance == crate::annotate::model::Stance::Denies)
        .map(|a| &a.claim_id)
        .collect();
    assert_eq!(denied.len(), 2, "{:?}", set.attributions);
    assert_eq!(denied[0], denied[1], "{:?}", set.claims);
}
