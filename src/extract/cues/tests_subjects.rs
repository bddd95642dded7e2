//! Unit tests of the cue parser, one family of shapes: which words are the subject of a cue verb: a name after كان and a comma, a quoted name, a
//! fronted subject, a conjunction opening the clause, coordinated speakers, an occasion between commas.
//! Every sentence is invented; each family is a table over several surfaces (with and without و/ف
//! and harakat, masculine, feminine and plural), and a table lists every failing row. The rounds
//! that added them are in docs/extraction/cues.md.

use super::tests::{one, triples};
use super::tests_tables::{assert_link_counts, assert_source_table, assert_table, links};

#[test]
fn a_name_in_quotation_marks_after_the_verb_is_its_subject() {
    assert_source_table(&[
        (
            "وذكرت \"الخبر\" أن الوزير سيستقيل.",
            Some("\"الخبر\""),
            "ذكرت",
            "الوزير سيستقيل",
        ),
        (
            "وقالت «هيومن رايتس ووتش» إن المعتقلين تعرضوا للتعذيب.",
            Some("«هيومن رايتس ووتش»"),
            "قالت",
            "المعتقلين تعرضوا للتعذيب",
        ),
        (
            "علمت «الأنباء» من مصدر حكومي أن الوزير سيستقيل.",
            Some("مصدر حكومي"),
            "علمت",
            "الوزير سيستقيل",
        ),
        (
            "فأفادت «الشبكة السورية» بأن عشرة أشخاص قتلوا.",
            Some("«الشبكة السورية»"),
            "أفادت",
            "عشرة أشخاص قتلوا",
        ),
    ]);
    let all = triples("نقلت «الأنباء» عن مصدر حكومي أن الوزير سيستقيل.");
    assert!(
        all.iter()
            .any(|t| t.source.as_deref() == Some("مصدر حكومي") && t.nested_in.is_some()),
        "{all:#?}"
    );
    // a quoted word of a sentence is no speaker
    let all = triples("قال الوزير إن الوضع صعب. وأضاف \"نحن لن نتراجع عن قرارنا\".");
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!(all[1].source.as_deref(), Some("الوزير"));
}

#[test]
fn a_speaker_named_after_kana_and_a_comma_speaks_the_verb_after_it() {
    assert_table(&[
        (
            "وكان مصدر في الوزارة، قال إن الاجتماع تأجل.",
            "قال",
            Some("مصدر في الوزارة"),
            "الاجتماع تأجل",
        ),
        (
            "وكانت وزيرة الصحة سامية حسن، أعلنت أن المستشفى سيفتح.",
            "أعلنت",
            Some("وزيرة الصحة سامية حسن"),
            "المستشفى سيفتح",
        ),
        (
            "وكان المتحدث باسم الشرطة، قد أكد أن الطريق آمن.",
            "أكد",
            Some("المتحدث باسم الشرطة"),
            "الطريق آمن",
        ),
        (
            "فكان مسؤولون في البلدية، صرحوا بأن المياه ستعود.",
            "صرحوا",
            Some("مسؤولون في البلدية"),
            "المياه ستعود",
        ),
        (
            "وَكانَ مصدرٌ أمنيٌّ، قالَ إنَّ الحادثَ عرضيٌّ.",
            "قالَ",
            Some("مصدرٌ أمنيٌّ"),
            "الحادثَ عرضيٌّ",
        ),
        (
            "قال الوزير إن الميناء مغلق. وكانت مصادر مطلعة، ذكرت أمس أن الوفد سيصل.",
            "ذكرت",
            Some("مصادر مطلعة"),
            "الوفد سيصل",
        ),
    ]);
}

#[test]
fn a_quoted_name_after_the_verb_speaks_across_an_occasion_between_commas() {
    assert_table(&[
        (
            "وأضاف “عادل”، خلال مداخلة هاتفية، أن الأسعار سترتفع.",
            "أضاف",
            Some("“عادل”"),
            "الأسعار سترتفع",
        ),
        (
            "وقالت \"ليلى\"، في حديث للإذاعة، إن المدرسة ستفتح.",
            "قالت",
            Some("\"ليلى\""),
            "المدرسة ستفتح",
        ),
        (
            "وأكد «سامي»، أن الفريق جاهز.",
            "أكد",
            Some("«سامي»"),
            "الفريق جاهز",
        ),
        (
            "وأضاف “حسن”، خلال مداخلة ببرنامج “المساء”، المذاع عبر قناة “الأولى”، مساء الخميس، أن السوق مستقرة.",
            "أضاف",
            Some("“حسن”"),
            "السوق مستقرة",
        ),
    ]);
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
fn a_conjunction_opening_the_clause_is_no_subject_of_the_verb_after_it() {
    assert_table(&[
        (
            "وسيكون البنك الأكبر في المنطقة، إذ تشير حسابات المحللين إلى أن أصوله ستتضاعف.",
            "تشير",
            Some("حسابات المحللين"),
            "أصوله ستتضاعف",
        ),
        (
            "وقال البيان \"وإذ تؤكد القيادة أن الجيش صامد فإنها تدعو إلى الهدوء\".",
            "تؤكد",
            Some("القيادة"),
            "الجيش صامد فإنها تدعو إلى الهدوء",
        ),
        (
            "لذا تؤكد الوزارة أنها ستلاحق مروجي الشائعات.",
            "تؤكد",
            Some("الوزارة"),
            "ستلاحق مروجي الشائعات",
        ),
        (
            "ولذلك يرى الخبراء أن الأسعار سترتفع.",
            "يرى",
            Some("الخبراء"),
            "الأسعار سترتفع",
        ),
        (
            "إذْ يَقُولُ الْمُتَحَدِّثُ إِنَّ الْمَعْبَرَ مُغْلَقٌ.",
            "يَقُولُ",
            Some("الْمُتَحَدِّثُ"),
            "الْمَعْبَرَ مُغْلَقٌ",
        ),
    ]);
}

#[test]
fn a_subject_before_the_verb_may_hold_a_name_in_quotation_marks() {
    assert_table(&[
        (
            "ولم تؤكد المصادر الحصيلة. إلا أن وكالة «الأنباء الحرة» قالت إن 38 شخصا قتلوا.",
            "قالت",
            Some("وكالة «الأنباء الحرة»"),
            "38 شخصا قتلوا",
        ),
        (
            "وكانت صحيفة «النجم» ذكرت أن الوزير سيستقيل.",
            "ذكرت",
            Some("صحيفة «النجم»"),
            "الوزير سيستقيل",
        ),
        (
            "لكن حركة \"النهضة\" أكدت أن الانتخابات كانت نزيهة.",
            "أكدت",
            Some("حركة \"النهضة\""),
            "الانتخابات كانت نزيهة",
        ),
        (
            "وقناة “الأفق” الإخبارية تقول إن المعبر أغلق.",
            "تقول",
            Some("قناة “الأفق” الإخبارية"),
            "المعبر أغلق",
        ),
        (
            "وَكَانَتْ صَحِيفَةُ «الْفَجْرِ» ذَكَرَتْ أَنَّ الِاتِّفَاقَ وَشِيكٌ.",
            "ذَكَرَتْ",
            Some("صَحِيفَةُ «الْفَجْرِ»"),
            "الِاتِّفَاقَ وَشِيكٌ",
        ),
    ]);
    // a quotation opening the sentence is still what the speaker after it said
    assert_table(&[(
        "«الوضع خطير»، قال الوزير.",
        "قال",
        Some("الوزير"),
        "الوضع خطير",
    )]);
}

#[test]
fn coordinated_speakers_are_two_sources_of_one_claim() {
    let cases: [(&str, [&str; 2], &str); 6] = [
        (
            "قال الوزير والسفير إن المحادثات ستستأنف الأسبوع المقبل.",
            ["الوزير", "السفير"],
            "المحادثات ستستأنف الأسبوع المقبل",
        ),
        (
            "فأكدت مصادر طبية وسكان محليون، صباح اليوم، أن الطريق أغلق.",
            ["مصادر طبية", "سكان محليون"],
            "الطريق أغلق",
        ),
        (
            "وبحسب مصدر أمني وشهود عيان، سقطت قذيفة قرب السوق.",
            ["مصدر أمني", "شهود عيان"],
            "سقطت قذيفة قرب السوق",
        ),
        (
            "سقطت قذيفة قرب السوق، وفقا لمسعفين وشهود.",
            ["مسعفين", "شهود"],
            "سقطت قذيفة قرب السوق",
        ),
        (
            "وقالَ الوزيرُ والسفيرُ إنّ المحادثاتِ ستستأنف.",
            ["الوزيرُ", "السفيرُ"],
            "المحادثاتِ ستستأنف",
        ),
        (
            "وقال أمس المحافظ ومدير الشرطة: «الوضع تحت السيطرة تماما».",
            ["المحافظ", "مدير الشرطة"],
            "الوضع تحت السيطرة تماما",
        ),
    ];
    for (text, sources, claim) in cases {
        let all = links(text);
        assert_eq!(all.len(), 2, "{text}: {all:#?}");
        for (link, source) in all.iter().zip(sources) {
            assert_eq!(link.0.as_deref(), Some(source), "{text}");
            assert_eq!(link.2, claim, "{text}");
            assert_eq!(link.1, all[0].1, "{text}: one cue for both");
        }
    }
    // a و between genitives joins them: one source
    for (text, source) in [
        (
            "قال وزيرا الخارجية والدفاع إن الاتفاق قريب.",
            "وزيرا الخارجية والدفاع",
        ),
        (
            "وقالت وزارة الصحة والسكان إن اللقاح وصل.",
            "وزارة الصحة والسكان",
        ),
        (
            "وقال المتحدث باسم الجيش والشرطة إن الطريق مفتوح.",
            "المتحدث باسم الجيش والشرطة",
        ),
    ] {
        assert_eq!(one(text).source.as_deref(), Some(source), "{text}");
    }
}

#[test]
fn an_occasion_between_commas_after_a_fronted_subject_is_left_out() {
    for (text, source) in [
        (
            "المصادر، وفي حديث لصحيفة الأيام، أشارت إلى أن الجيش انسحب.",
            "المصادر",
        ),
        ("والوزيرة، خلال مؤتمر صحفي، قالت إن الجيش انسحب.", "الوزيرة"),
        ("الشهود، في تصريحات للإذاعة، أكدوا أن الجيش انسحب.", "الشهود"),
        (
            "سامي ناصر، مدير الميناء، أوضح أن الجيش انسحب.",
            "سامي ناصر، مدير الميناء",
        ),
    ] {
        let t = one(text);
        assert_eq!(t.source.as_deref(), Some(source), "{text}");
        assert_eq!(t.claim, "الجيش انسحب", "{text}");
    }
}

#[test]
fn a_sign_or_leaflet_before_an_imperfect_verb_says_it() {
    for (text, source, claim) in [
        (
            "وزع المحتجون منشورات تقول إن الإضراب مستمر.",
            "منشورات",
            "الإضراب مستمر",
        ),
        (
            "ورفع المتظاهرون لافتات كبيرة تقول: «لا للفساد في البلاد».",
            "لافتات كبيرة",
            "لا للفساد في البلاد",
        ),
        (
            "وعلق الطلاب ملصقا يؤكد أن الامتحان أُجّل.",
            "ملصقا",
            "الامتحان أُجّل",
        ),
        (
            "وانتشرت في المدينة عبارات تقول \"الشعب يريد الماء والكهرباء\".",
            "عبارات",
            "الشعب يريد الماء والكهرباء",
        ),
    ] {
        let t = one(text);
        assert_eq!(t.source.as_deref(), Some(source), "{text}");
        assert_eq!(t.claim, claim, "{text}");
    }
    // a sign with و before the verb is a new clause, and a definite one is its subject only
    // at the clause start
    assert!(triples("وزع المحتجون منشورات ويقول إن الإضراب مستمر.").is_empty());
    // a statement before a verb that does not agree with it, or before `فيه`, is its
    // publisher's
    for text in [
        "أصدرت الوزارة بيانا تقول فيه إن الإضراب انتهى.",
        "وأصدرت الوزارة بيانا تقول إن الإضراب انتهى.",
    ] {
        let all = triples(text);
        assert!(
            all.iter().all(|t| t.source.as_deref() != Some("بيانا")),
            "{text}: {all:#?}"
        );
    }
}

#[test]
fn homographs_of_saying_and_titles_joined_by_wa_make_no_second_speaker() {
    // `يبلغ` "amounts to", `فيما` "while": no report, no source
    for text in [
        "فيما يبلغ عدد المستخدمين نحو مليون مستخدم، مع العلم أن الخدمة مجانية.",
        "وتبلغ قيمة الصفقة مليار دولار.",
    ] {
        let all = triples(text);
        assert!(all.iter().all(|t| t.source.is_none()), "{text}: {all:#?}");
    }
    let t = one("وأبلغ الوزير الصحفيين أن الصفقة أبرمت.");
    assert_eq!(
        (t.source.as_deref(), t.claim.as_str()),
        (Some("الوزير"), "الصفقة أبرمت")
    );
    // two titles of one person after a genitive stay one source
    for (text, source) in [
        (
            "وقال رئيس الوزراء وزعيم الحزب إن الصفقة أبرمت.",
            "رئيس الوزراء وزعيم الحزب",
        ),
        (
            "وقال وزير الخارجية ونائب رئيس الوزراء إن الصفقة أبرمت.",
            "وزير الخارجية ونائب رئيس الوزراء",
        ),
    ] {
        assert_eq!(one(text).source.as_deref(), Some(source), "{text}");
    }
    let all = links("وقال المتحدث باسم الجيش ومصادر أمنية إن الصفقة أبرمت.");
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!(all[1].0.as_deref(), Some("مصادر أمنية"));
}
