//! Unit tests of the seventh round's families (docs/extraction/cues.md, "Seventh round: attribution
//! cues"): the sixth round's left list and the shapes missed on the blind guide set of outlet
//! reports, those kept by the eighth round's audit over the pool of outlet reports. Every sentence is invented; each family is a table over several surfaces (with and
//! without و/ف and harakat, masculine, feminine and plural), and a table lists every failing row.

use super::tests_sixth::{assert_link_counts, assert_table};

#[test]
fn a_lam_word_after_a_speaker_stays_whom_he_told() {
    // a ل-word after a speaker is a preposition or an addressee
    assert_table(&[(
        "وقال الوزير لسامي إن الموعد تأجل.",
        "قال",
        Some("الوزير"),
        "الموعد تأجل",
    )]);
}

#[test]
fn two_named_speakers_stay_two() {
    // two named speakers, or two titles without a name, stay as they were
    assert_link_counts(&[
        (
            "وقال الوزير سامي ناصر والسفير عادل يوسف إن المفاوضات مستمرة.",
            2,
        ),
        ("وقال مصدر أمني وشهود عيان إن القذيفة سقطت قرب المدرسة.", 2),
    ]);
}

#[test]
fn a_report_inside_a_quotation_or_a_claim_is_annotated_too() {
    // guidelines §7.6: the inner report has its own source, cue and claim
    assert_table(&[
        (
            "وقال الوزير: «السفير أكد لي أن القوات ستنسحب».",
            "أكد",
            Some("السفير"),
            "القوات ستنسحب",
        ),
        (
            "وقال المدرب: «اللاعبون متعبون، وقد أكد لي القائد أن الفريق جاهز».",
            "أكد",
            Some("القائد"),
            "الفريق جاهز",
        ),
        (
            "وقالت الوزيرة: \"المبعوث أبلغني أن الوفد سيصل غدا\".",
            "أبلغني",
            Some("المبعوث"),
            "الوفد سيصل غدا",
        ),
        (
            "وقال الوزير إن السفير أبلغه أن القوات ستنسحب.",
            "أبلغه",
            Some("السفير"),
            "القوات ستنسحب",
        ),
        (
            "وأكدت النائبة أن رئيس اللجنة أبلغها بأن الجلسة تأجلت.",
            "أبلغها",
            Some("رئيس اللجنة"),
            "الجلسة تأجلت",
        ),
    ]);
    // a verb without its subject inside a quotation is the quoted speaker's own (`أكدت` "I
    // confirmed"): only the outer link
    assert_link_counts(&[
        ("وقال الوزير: «أكدت للسفير أن القوات ستنسحب».", 1),
        ("وقالت الوزيرة: «نؤكد أن الأسعار ستنخفض».", 1),
    ]);
}

#[test]
fn a_report_with_b_or_an_after_a_time_or_a_comma() {
    assert_table(&[
        (
            "أفادت الوكالة الوطنية للإعلام اليوم الجمعة بسقوط قذائف على البلدة.",
            "أفادت",
            Some("الوكالة الوطنية للإعلام"),
            "سقوط قذائف على البلدة",
        ),
        (
            "وأفاد المرصد، مساء الأحد بمقتل ثلاثة أشخاص في القصف.",
            "أفاد",
            Some("المرصد"),
            "مقتل ثلاثة أشخاص في القصف",
        ),
        (
            "قال المرصد إن القصف استمر. وأفاد عن وقوع أضرار في البلدة.",
            "أفاد",
            Some("المرصد"),
            "وقوع أضرار في البلدة",
        ),
        (
            "وأفادت مصادر محلية أمس عن سقوط قتيلين.",
            "أفادت",
            Some("مصادر محلية"),
            "سقوط قتيلين",
        ),
        (
            "فأَفَادَتِ الشُّرْطَةُ صَبَاحَ الإثنين بِاعْتِقَالِ المُشْتَبَهِ بِهِ.",
            "أَفَادَتِ",
            Some("الشُّرْطَةُ"),
            "اعْتِقَالِ المُشْتَبَهِ بِهِ",
        ),
    ]);
    // a thing after عن is no report (`رحب عن` does not exist; `أفاد عن` needs a verbal noun)
    assert_link_counts(&[("وأفاد المرصد عن الوضع في المدينة.", 0)]);
}

#[test]
fn a_report_after_fima_with_its_own_subject() {
    // with a subject of its own, `فيما` is "while": that subject speaks
    assert_table(&[(
        "وتقصف الطائرات المدينة منذ أسبوع، فيما تقول السلطات إن القصف مستمر.",
        "تقول",
        Some("السلطات"),
        "القصف مستمر",
    )]);
}

#[test]
fn quotation_marks_written_the_wrong_way_round_or_mixed_still_quote() {
    assert_table(&[
        (
            "وقال سامي ناصر للصحفيين في المدينة قبيل اجتماع اللجنة يوم الأحد ”للأسف الوضع يزداد سوءا“.",
            "قال",
            Some("سامي ناصر"),
            "للأسف الوضع يزداد سوءا",
        ),
        (
            "وقالت الوزيرة للصحفيين: ”لن نتراجع عن القرار“.",
            "قالت",
            Some("الوزيرة"),
            "لن نتراجع عن القرار",
        ),
        (
            "وقال المتحدث ردا على سؤال حول الهجوم: “لقد اطلعنا على التقارير.. نحن قلقون جدا\".",
            "قال",
            Some("المتحدث"),
            "لقد اطلعنا على التقارير.. نحن قلقون جدا",
        ),
        (
            "وأضاف الوزير: “الوضع صعب\"، مشيرا إلى أن الحل قريب.",
            "أضاف",
            Some("الوزير"),
            "الوضع صعب",
        ),
    ]);
    // a lone mark still quotes nothing
    assert_table(&[(
        "وقال الوزير إن الحل ”قريب.",
        "قال",
        Some("الوزير"),
        "الحل ”قريب",
    )]);
}

#[test]
fn a_nationality_before_a_foreign_name_is_a_title() {
    assert_table(&[
        (
            "وقالت الألمانية آنا مولر إن الفريق جاهز.",
            "قالت",
            Some("الألمانية آنا مولر"),
            "الفريق جاهز",
        ),
        (
            "وأكد الغاني كواسي منساه أن اللاعبين جاهزون.",
            "أكد",
            Some("الغاني كواسي منساه"),
            "اللاعبين جاهزون",
        ),
        (
            "فأوضح الكيني ديفيد روتو أن السباق كان صعبا.",
            "أوضح",
            Some("الكيني ديفيد روتو"),
            "السباق كان صعبا",
        ),
    ]);
    // a nisba of a body stays its adjective
    assert_table(&[(
        "وقالت الخارجية الأمريكية إن المفاوضات مستمرة.",
        "قالت",
        Some("الخارجية الأمريكية"),
        "المفاوضات مستمرة",
    )]);
}

#[test]
fn a_warning_of_a_thing_and_a_cause_ascribed_are_claims() {
    assert_table(&[
        (
            "المؤسسة الوطنية للنفط تحذر من خسارة نصف الإنتاج بسبب الاضطرابات",
            "تحذر",
            Some("المؤسسة الوطنية للنفط"),
            "خسارة نصف الإنتاج بسبب الاضطرابات",
        ),
        (
            "وحذرت الوزارة من ارتفاع الأسعار في الشهر المقبل.",
            "حذرت",
            Some("الوزارة"),
            "ارتفاع الأسعار في الشهر المقبل",
        ),
        (
            "فرنسا تحذر من “قنبلة موقوتة” في الشمال",
            "تحذر",
            Some("فرنسا"),
            "“قنبلة موقوتة” في الشمال",
        ),
        (
            "وحذرت الشرطة المواطنين من الاقتراب من المنطقة.",
            "حذرت",
            Some("الشرطة"),
            "المواطنين من الاقتراب من المنطقة",
        ),
        (
            "وأرجعت الوزارة ارتفاع الأسعار إلى الجفاف.",
            "أرجعت",
            Some("الوزارة"),
            "ارتفاع الأسعار إلى الجفاف",
        ),
        (
            "وعزا الخبير تراجع الصادرات إلى ضعف الطلب.",
            "عزا",
            Some("الخبير"),
            "تراجع الصادرات إلى ضعف الطلب",
        ),
    ]);
    // `أبرز` "most prominent" and `يرجع` "is due to" report nothing; a sentence opening with a
    // name has its subject there
    assert_link_counts(&[
        ("وهو من أبرز المرشحين للفوز.", 0),
        ("ويرجع السبب إلى الجفاف.", 0),
    ]);
    assert_table(&[
        (
            "فرنسا تقول إن الوضع خطير.",
            "تقول",
            Some("فرنسا"),
            "الوضع خطير",
        ),
        (
            "واشنطن تؤكد أن المحادثات مستمرة.",
            "تؤكد",
            Some("واشنطن"),
            "المحادثات مستمرة",
        ),
    ]);
}

#[test]
fn a_claim_ends_before_but() {
    assert_table(&[(
        "وقال الوزير إن هناك أخطاء كثيرة، بيد أنه يكشف أن الفريق يعمل وفق خطة.",
        "قال",
        Some("الوزير"),
        "هناك أخطاء كثيرة",
    )]);
}
