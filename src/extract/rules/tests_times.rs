//! Tests of the times of day (the TIME label, guidelines §9.1: clock times and the named parts
//! of a day with their day), a table of invented sentences with their surface variants:
//! digits and words, harakat on and off, و and ب glued on, and sentences with no time.

use super::test_tables::failures_of;
use crate::annotate::Label;

/// The rows of a table of (sentence, expected time or "" for none) that fail.
fn failures(table: &[(&str, &str)]) -> Vec<String> {
    failures_of(Label::TIME, table)
}

#[test]
fn a_part_of_the_day_with_its_day_is_a_time() {
    // Before the rule: 8 of the 10 rows failed (the day parts were dates).
    let table = [
        ("وقعت الانفجارات فجر اليوم في المدينة.", "فجر اليوم"),
        ("وصل الوفد مساء أمس إلى العاصمة.", "مساء أمس"),
        ("اندلعت المواجهات ظهر أمس الأحد قرب الجامعة.", "ظهر أمس الأحد"),
        ("وَتَجَمَّعَ المُحْتَجُّونَ صَبَاحَ اليَوْمِ الإِثْنَيْنِ.", "صَبَاحَ اليَوْمِ الإِثْنَيْنِ"),
        (
            "وتوقفت الخدمة ليل السبت - الأحد بسبب العطل.",
            "ليل السبت - الأحد",
        ),
        ("وأعلنت الشرطة عصر الأمس إغلاق الطريق.", "عصر الأمس"),
        ("وتعقد الجلسة صباح يوم الخميس في المقر.", "صباح يوم الخميس"),
        ("وبدأ القصف قبيل منتصف الليل على الحدود.", "منتصف الليل"),
        // Parts of longer periods are dates, and a bare part of the day names no time.
        ("وتبدأ المفاوضات مطلع الأسبوع المقبل.", ""),
        ("ويعمل المتجر في المساء فقط.", ""),
    ];
    let failed = failures(&table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn a_clock_time_is_a_time_with_its_hour_words() {
    // Before the rule: 11 of the 13 rows failed (ordinal hours, الـ9, the hour words after the
    // number, times in digits without الساعة; only الساعة and a number were taken).
    let table = [
        (
            "ويبدأ الاجتماع في تمام الساعة العاشرة صباحاً.",
            "الساعة العاشرة صباحاً",
        ),
        ("وعقد مؤتمرا صحفيا الساعة الـ9 مساء.", "الساعة الـ9 مساء"),
        (
            "وانطلقت المسيرة عند الساعة 3:30 بعد الظهر.",
            "الساعة 3:30 بعد الظهر",
        ),
        ("وَيُفْتَحُ البَابُ السَّاعَةَ الخَامِسَةَ فَجْراً.", "السَّاعَةَ الخَامِسَةَ فَجْراً"),
        (
            "وانتهى التصويت الساعة الحادية عشرة ليلا.",
            "الساعة الحادية عشرة ليلا",
        ),
        (
            "ويتواصل القصف منذ الثامنة والنصف صباحا.",
            "الثامنة والنصف صباحا",
        ),
        (
            "واستمر الحظر حتى السادسة من صباح اليوم.",
            "السادسة من صباح اليوم",
        ),
        (
            "وأقلعت الطائرة في 10:45 مساءً بالتوقيت المحلي.",
            "10:45 مساءً بالتوقيت المحلي",
        ),
        (
            "ووقع الزلزال الساعة 1:00 بتوقيت غرينتش.",
            "الساعة 1:00 بتوقيت غرينتش",
        ),
        (
            "وبدأت الجلسة الساعة التاسعة مساء أمس.",
            "الساعة التاسعة مساء أمس",
        ),
        // An ordinal after a noun, a score and a bare ordinal name no time.
        ("وخسر الفريق للمرة الثانية مساء الأحد.", "مساء الأحد"),
        ("وانتهت المباراة بنتيجة 2:1 لصالح الضيوف.", ""),
        ("وحل الفريق في المرتبة الخامسة هذا الموسم.", ""),
    ];
    let failed = failures(&table);
    assert!(failed.is_empty(), "{failed:#?}");
}
