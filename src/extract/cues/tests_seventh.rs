//! Unit tests of the seventh round's families (docs/extraction.md, "Seventh round: attribution
//! cues"): the sixth round's left list and the shapes missed on the blind guide set of outlet
//! reports. Every sentence is invented; each family is a table over several surfaces (with and
//! without و/ف and harakat, masculine, feminine and plural), and a table lists every failing row.

use super::tests_sixth::{assert_link_counts, assert_table};

#[test]
fn a_given_name_starting_with_lam_is_no_preposition() {
    assert_table(&[
        (
            "وأعلنت الوزيرة ليلى حسن إطلاق البرنامج الجديد.",
            "أعلنت",
            Some("الوزيرة ليلى حسن"),
            "إطلاق البرنامج الجديد",
        ),
        (
            "وقالت المديرة لبنى سالم إن المدرسة ستفتح.",
            "قالت",
            Some("المديرة لبنى سالم"),
            "المدرسة ستفتح",
        ),
        (
            "فأكد المدرب لؤي ناصر أن الفريق جاهز.",
            "أكد",
            Some("المدرب لؤي ناصر"),
            "الفريق جاهز",
        ),
        (
            "وتوقعت الخبيرة الاقتصادية لينا يوسف ارتفاع الأسعار.",
            "توقعت",
            Some("الخبيرة الاقتصادية لينا يوسف"),
            "ارتفاع الأسعار",
        ),
        (
            "وَقَالَتِ الطَّبِيبَةُ لَيْلَى حَسَن إِنَّ المَرِيضَ تَحَسَّنَ.",
            "قَالَتِ",
            Some("الطَّبِيبَةُ لَيْلَى حَسَن"),
            "المَرِيضَ تَحَسَّنَ",
        ),
    ]);
}

#[test]
fn a_lam_word_after_a_speaker_stays_whom_he_told() {
    // the name rule must not take a ل-word that is a preposition or an addressee
    assert_table(&[
        (
            "وقال الوزير لسامي إن الموعد تأجل.",
            "قال",
            Some("الوزير"),
            "الموعد تأجل",
        ),
        (
            "وقالت الوزيرة لليلى إن الموعد تأجل.",
            "قالت",
            Some("الوزيرة"),
            "الموعد تأجل",
        ),
    ]);
}

#[test]
fn a_feeling_with_a_pronoun_after_a_name_is_no_family_name() {
    assert_table(&[
        (
            "وأبدى المدرب سامي ناصر رضاه عن أداء اللاعبين، قائلا إن الفريق قدم مباراة كبيرة.",
            "قائلا",
            Some("المدرب سامي ناصر"),
            "الفريق قدم مباراة كبيرة",
        ),
        (
            "وأبدت المديرة سلمى حسن سعادتها بالنتائج، مؤكدة أن الطلاب اجتهدوا.",
            "مؤكدة",
            Some("المديرة سلمى حسن"),
            "الطلاب اجتهدوا",
        ),
        (
            "وأعرب اللاعب عادل يوسف عن فخره بزملائه، مشيرا إلى أن الموسم كان صعبا.",
            "مشيرا",
            Some("اللاعب عادل يوسف"),
            "الموسم كان صعبا",
        ),
        (
            "فأبدى الوزير كمال حداد امتعاضه من التأخير، قائلا إن الشركة أخلت بالعقد.",
            "قائلا",
            Some("الوزير كمال حداد"),
            "الشركة أخلت بالعقد",
        ),
    ]);
    // the feeling's object names a thing: no claim of its own
    assert_link_counts(&[("وأبدى رئيس النادي فخره باللاعبين.", 0)]);
}

#[test]
fn two_titles_before_one_name_are_one_speaker() {
    assert_table(&[
        (
            "وقال الخبير الاقتصادي ورئيس المنتدى الاقتصادي سامي ناصر إن الأسعار سترتفع.",
            "قال",
            Some("الخبير الاقتصادي ورئيس المنتدى الاقتصادي سامي ناصر"),
            "الأسعار سترتفع",
        ),
        (
            "وأكدت الباحثة ومديرة المركز سلمى حسن أن الأزمة ستطول.",
            "أكدت",
            Some("الباحثة ومديرة المركز سلمى حسن"),
            "الأزمة ستطول",
        ),
        (
            "وأوضح نائب رئيس الحكومة ووزير المالية كمال حداد أن العجز تراجع.",
            "أوضح",
            Some("نائب رئيس الحكومة ووزير المالية كمال حداد"),
            "العجز تراجع",
        ),
    ]);
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
