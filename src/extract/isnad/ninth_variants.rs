//! Surface variants of the ninth round (docs/extraction/chains.md, "Ninth round: chains"):
//! shapes counted over the pool of real outlet reports (at least three outlets each) before a
//! rule was written for them. Every sentence is invented; each table was run before its rule
//! and the count that failed is in the docs.

#![cfg(test)]

use super::agency_variants::{check_denials, links};

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
