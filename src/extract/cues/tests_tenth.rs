//! Unit tests of the tenth round's families (docs/extraction/cues.md, "Tenth round: cues"):
//! shapes counted over the unannotated pool of outlet reports (at least three outlets each)
//! before a rule was written. Every sentence is invented; each family is a table over several
//! surfaces (with and without و/ف and harakat, masculine, feminine and plural), and a table
//! lists every failing row.

use super::tests_sixth::{assert_link_counts, assert_table};

#[test]
fn a_verbal_noun_after_a_verb_whose_subject_stands_before_it_is_its_object() {
    assert_table(&[
        (
            "وكانت الوزارة قد أعلنت رفع أسعار الوقود.",
            "أعلنت",
            Some("الوزارة"),
            "رفع أسعار الوقود",
        ),
        (
            "وكان الجيش قد أعلن مقتل خمسة مسلحين في الاشتباك.",
            "أعلن",
            Some("الجيش"),
            "مقتل خمسة مسلحين في الاشتباك",
        ),
        (
            "الشرطة أكدت وقوع انفجار قرب السوق.",
            "أكدت",
            Some("الشرطة"),
            "وقوع انفجار قرب السوق",
        ),
        (
            "وَكَانَتِ الْهَيْئَةُ قَدْ أَعْلَنَتْ إِطْلَاقَ بَرْنَامَجٍ جَدِيدٍ.",
            "أَعْلَنَتْ",
            Some("الْهَيْئَةُ"),
            "إِطْلَاقَ بَرْنَامَجٍ جَدِيدٍ",
        ),
        (
            "والمصادر الطبية أكدت تحسن حالة المصابين.",
            "أكدت",
            Some("المصادر الطبية"),
            "تحسن حالة المصابين",
        ),
        (
            "وكان المتحدثون قد نفوا حدوث أي اشتباك.",
            "نفوا",
            Some("المتحدثون"),
            "حدوث أي اشتباك",
        ),
        (
            "وكانت الشركة قد كشفت، في وقت سابق، تسجيل خسائر كبيرة.",
            "كشفت",
            Some("الشركة"),
            "تسجيل خسائر كبيرة",
        ),
    ]);
    // the noun after the verb still speaks when it is no verbal noun, and a verb of saying
    // with a clause keeps its subject
    assert_link_counts(&[
        ("وكان قد أعلن الوزير أن البرنامج سيبدأ غدا.", 1),
        ("الوزارة أعلنت أن الأسعار سترتفع.", 1),
    ]);
}
