//! Tests of the organisation families (ORG, and MISC for laws): where a body's name goes on
//! (adjectives, a verbal noun in اية, a sport, a transliterated outlet name) and where a head
//! names no body (an indefinite head with a plain adjective, a state's forces or authorities,
//! led by), national bodies, long names of states, laws named by their complement. Each a table
//! of invented sentences with surface variants (proclitics, harakat) and negative rows.

use super::test_tables::{failures_of, missing, unwanted};
use crate::annotate::Label;

#[test]
fn a_verbal_noun_in_aya_or_a_sport_continues_an_organisations_name() {
    // Before the rules: 4 of the 5 rows failed (حماية and رعاية read as feminine adjectives,
    // لكرة and لألعاب as no complement).
    let table = [
        (
            "وقالت جمعية حماية المستهلك إن الأسعار ارتفعت.",
            "جمعية حماية المستهلك",
        ),
        ("وأعلنت جمعية رعاية الأيتام عن حملة.", "جمعية رعاية الأيتام"),
        (
            "وقال رئيس الاتحاد السوداني لكرة القدم إن المدرب باق.",
            "الاتحاد السوداني لكرة القدم",
        ),
        (
            "وفاز بطل الاتحاد المصري لألعاب القوى بالسباق.",
            "الاتحاد المصري لألعاب القوى",
        ),
        // An indefinite feminine adjective after the head still makes no name.
        ("وقالت جمعية خيرية إن المساعدات وصلت.", ""),
    ];
    let failed = failures_of(Label::ORG, &table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn a_definite_head_takes_adjectives_and_a_describing_one_names_no_body() {
    // After a definite head only an adjective continues a body's name: a definite noun is the
    // verb's object (وقررت المحكمة الحكم), a plural after a singular head is a noun (المحكمة
    // المتهمين), and a participle or فعيل that describes (البرلمان المنحل، الحكومة الجديدة)
    // leaves a common noun (guidelines §9.2). Pool: 12 wrong ORGs gone in 10 outlets, 2 of them
    // القوات المسلحة. Before: 5 of the 8 rows failed.
    let none = [
        ("وقررت المحكمة الحكم على المتهم بالسجن.", ""),
        ("وأدانت المحكمة المتهمين بتهم عدة.", ""),
        ("وأدت الحكومة الجديدة اليمين أمام الأمير.", ""),
        ("وقال رئيس البرلمان المنحل إن الانتخابات مبكرة.", ""),
        ("وَقَرَّرَتِ المَحْكَمَةُ الحُكْمَ عَلَى المُتَّهَمِ.", ""),
    ];
    let failed = super::test_tables::failures_of(Label::ORG, &none);
    assert!(failed.is_empty(), "{failed:#?}");
    let bodies = [
        (
            "وقضت المحكمة الاتحادية العليا ببراءة المتهم.",
            "المحكمة الاتحادية العليا",
        ),
        (
            "وقال المجلس الوطني الانتقالي إن الوضع هادئ.",
            "المجلس الوطني الانتقالي",
        ),
        ("وأعلنت الحكومة الأردنية عن خطة جديدة.", "الحكومة الأردنية"),
    ];
    let failed = super::test_tables::failures_of(Label::ORG, &bodies);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn an_indefinite_head_with_a_plain_adjective_names_no_body() {
    // An organisation head without the article and a plain adjective of the فعيل kind (منتخب
    // قوي، حكومة جديدة، جبهة جديدة) is a common noun phrase, as جمعية خيرية is: no name says
    // "a strong team". Pool: 3 wrong ORGs in 3 outlets. Before the rule: 5 of the 6 rows
    // failed.
    let negative = [
        (
            "ويلعب الفريق أمام منتخب قوي يضم لاعبين محترفين.",
            "منتخب قوي",
        ),
        (
            "وكلف الأمير شخصية بتشكيل حكومة جديدة خلال أسبوع.",
            "حكومة جديدة",
        ),
        ("وحذّر من فَتْحِ جَبْهَةٍ جَدِيدَةٍ في الحرب.", "جَبْهَةٍ جَدِيدَةٍ"),
        (
            "فأسس المعارضون حزبا جديدا وحركة قوية في الشمال.",
            "حركة قوية",
        ),
        ("وتواجه شركة كبيرة دعوى قضائية في المحكمة.", "شركة كبيرة"),
        (
            "ووقعت الوزارة عقدا مع مؤسسة ضخمة للبناء.",
            "مؤسسة ضخمة للبناء",
        ),
    ];
    let failed = unwanted(Label::ORG, &negative);
    assert!(failed.is_empty(), "{failed:#?}");
    // A head with a name or a complement is still one.
    let table = [
        ("وتعادل منتخب فلسطين مع ضيفه.", "منتخب فلسطين", Label::ORG),
        (
            "وأعلنت حكومة الوحدة الوطنية خطة جديدة.",
            "حكومة الوحدة الوطنية",
            Label::ORG,
        ),
        (
            "وقالت شركة النيل للطيران إن الرحلات عادت.",
            "شركة النيل للطيران",
            Label::ORG,
        ),
    ];
    let failed = missing(&table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn national_bodies_named_by_a_noun_and_an_adjective_are_organisations() {
    // A definite noun and an adjective that only describes it is a common noun (guidelines
    // §9.2), but a few name one national body (النيابة العامة "the public prosecution",
    // المخابرات العامة): organizations.tsv. Pool: 5 mentions in 3 outlets. Before: 4 of the 4
    // rows failed.
    let table = [
        (
            "وأحالت النيابة العامة المتهمين إلى المحكمة.",
            "النيابة العامة",
            Label::ORG,
        ),
        (
            "وقال مدير المخابرات العامة إن الخطر قائم.",
            "المخابرات العامة",
            Label::ORG,
        ),
        (
            "فباشرت النيابة العسكرية التحقيق.",
            "النيابة العسكرية",
            Label::ORG,
        ),
        (
            "وتدخلت الحماية المدنية لإخماد الحريق.",
            "الحماية المدنية",
            Label::ORG,
        ),
    ];
    let failed = missing(&table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn a_states_forces_regime_or_authorities_name_no_body() {
    // قوات/القوات، النظام، السلطات + a nationality or a common noun is no organisation's name:
    // the nationality is the NORP; a body or place named after قوات is that body or place.
    // Pool: 46 such ORGs in 29 outlets. Before the change: 12 of the 12 negative rows
    // and 8 of the 11 positive rows failed.
    let negative = [
        (
            "وقصفت قوات النظام السوري مواقع في الريف.",
            "قوات النظام السوري",
        ),
        (
            "فقال متحدث باسم القوات اليمنية إن الهجوم فشل.",
            "القوات اليمنية",
        ),
        ("وانتشرت قوات الشرطة في الشوارع بعد الحادث.", "قوات الشرطة"),
        ("وشنت قوات التحالف غارات جديدة على المدينة.", "قوات التحالف"),
        ("واستدعت قوات الاحتياط لمواجهة الموقف.", "قوات الاحتياط"),
        (
            "وأوقفت السلطات الإيطالية السفينة قرب الساحل.",
            "السلطات الإيطالية",
        ),
        ("وقالت السُّلُطاتُ المَحَلِّيَّةُ إن المياه عادت.", "السُّلُطاتُ المَحَلِّيَّةُ"),
        (
            "واتهم الحزب النظام الإيراني بدعم الجماعات.",
            "النظام الإيراني",
        ),
        (
            "وأعلنت وزارة التعليم إصلاح النظام التعليمي كله.",
            "النظام التعليمي",
        ),
        ("ويمس ذلك بالنظام العام في البلاد.", "النظام العام"),
        ("وهاجمت القوات التركية مواقع الحزب.", "القوات التركية"),
        (
            "وقدمت الطائرة دعما للقوات الحكومية السورية أمس.",
            "لقوات الحكومية السورية",
        ),
    ];
    let failed = unwanted(Label::ORG, &negative);
    assert!(failed.is_empty(), "{failed:#?}");
    let table = [
        (
            "وقصفت قوات النظام السوري مواقع في الريف.",
            "السوري",
            Label::NORP,
        ),
        (
            "فقال متحدث باسم القوات اليمنية إن الهجوم فشل.",
            "اليمنية",
            Label::NORP,
        ),
        (
            "وأوقفت السلطات الإيطالية السفينة قرب الساحل.",
            "الإيطالية",
            Label::NORP,
        ),
        (
            "واشتبكت قوات الجيش السوداني مع المسلحين.",
            "الجيش السوداني",
            Label::ORG,
        ),
        (
            "وتقدمت قوات الحكومة اليمنية نحو المدينة.",
            "الحكومة اليمنية",
            Label::ORG,
        ),
        ("وهاجمت قوات قسد مواقع للجيش.", "قسد", Label::ORG),
        (
            "وأعلنت قوات الدعم السريع السودانية سيطرتها.",
            "قوات الدعم السريع",
            Label::ORG,
        ),
        (
            "وأعلنت قوات الدعم السريع السودانية سيطرتها.",
            "السودانية",
            Label::NORP,
        ),
        (
            "وقالت القوات المسلحة المصرية إنها أحبطت الهجوم.",
            "القوات المسلحة المصرية",
            Label::ORG,
        ),
        (
            "وقال رئيس حزب القوات اللبنانية إن الحكومة تأخرت.",
            "حزب القوات اللبنانية",
            Label::ORG,
        ),
        (
            "فردت القوات اللبنانية على الاتهام ببيان.",
            "القوات اللبنانية",
            Label::ORG,
        ),
    ];
    let failed = missing(&table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn led_by_and_traffic_name_no_body() {
    // بقيادة "led by" before a state (التحالف بقيادة السعودية) and حركة before a noun of traffic
    // (حركة السير) are no organisations. Pool: 5 and 4 sentences in 5 and 3 outlets; -9 wrong
    // ORGs in 9 outlets, +4 GPEs after بقيادة, all right. Before: 6 of the 9 rows failed.
    let none = [
        ("وشنت مقاتلات التحالف بقيادة السعودية غارات جديدة.", ""),
        ("واجتمع الوزراء بقيادة روسيا عبر الإنترنت.", ""),
        ("وَشَنَّتْ مُقَاتِلَاتُ التَّحَالُفِ بِقِيَادَةِ السُّعُودِيَّةِ غَارَاتٍ.", ""),
        ("وأعادت الشرطة حركة السير بعد الحادث.", ""),
        ("وتوقفت الحركة المرورية على الطريق الدائري.", ""),
        ("وزادت حركة التجارة بين البلدين.", ""),
        ("وهو طريق معروف بحركة مرور كثيفة.", ""),
    ];
    let failed = super::test_tables::failures_of(Label::ORG, &none);
    assert!(failed.is_empty(), "{failed:#?}");
    // Without ب, قيادة heads a body; a body named by its common noun alone (قيادة الجيش) is
    // none since the eleventh round (the train gold: no ORG 17 times of 18).
    let bodies = [(
        "وقالت قيادة الجيش السوداني إن الحدود آمنة.",
        "قيادة الجيش السوداني",
    )];
    let failed = super::test_tables::failures_of(Label::ORG, &bodies);
    assert!(failed.is_empty(), "{failed:#?}");
    let places = [(
        "وشنت مقاتلات التحالف بقيادة السعودية غارات جديدة.",
        "السعودية",
        Label::GPE,
    )];
    let failed = missing(&places);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn opec_by_its_full_name() {
    // منظمة البلدان/الدول المصدرة للنفط/للبترول stopped at its participle. Pool: 4 sentences
    // in 4 outlets, 4 boundaries right. Before: 2 of the 2 rows failed.
    let table = [
        (
            "ووافقت دول منظمة البلدان المصدرة للنفط على الخفض.",
            "منظمة البلدان المصدرة للنفط",
        ),
        (
            "واجتمع وزراء منظمة الدول المصدرة للبترول أمس.",
            "منظمة الدول المصدرة للبترول",
        ),
    ];
    let failed = super::test_tables::failures_of(Label::ORG, &table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn the_houthis_are_a_group_of_people_and_their_movement_an_organisation() {
    // الحوثيون is the movement's followers, a group of people (NORP) as every gold set writes
    // it; the movement is جماعة الحوثي. Pool: 6 ORGs in 4 outlets. Before: 3 of the 4 rows
    // failed.
    let table = [
        ("وسيطر الحوثيون على المدينة.", "الحوثيون", Label::NORP),
        ("وَأَعْلَنَ الحُوثِيُّونَ مَسْؤُولِيَّتَهُم.", "الحُوثِيُّونَ", Label::NORP),
        ("فأطلق الحوثيون صاروخا على جازان.", "الحوثيون", Label::NORP),
        (
            "واتهم التحالف الحوثيين بإطلاق الصاروخ.",
            "الحوثيين",
            Label::NORP,
        ),
        (
            "وقالت جماعة الحوثي إنها ستواصل.",
            "جماعة الحوثي",
            Label::ORG,
        ),
    ];
    let failed = missing(&table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn a_transliterated_name_of_two_words_goes_on_after_its_head() {
    // Before the rule: 3 of the 5 rows failed (the second word cut off).
    let table = [
        (
            "وقالت مجلة فورين بوليسي إن الإدارة منقسمة.",
            "مجلة فورين بوليسي",
        ),
        (
            "وقال لإذاعة مونت كارلو الدولية إن الحوار مستمر.",
            "إذاعة مونت كارلو الدولية",
        ),
        (
            "وَقَالَتْ مَجَلَّةُ فُورِين بُولِيسِي إِنَّ الإِدَارَةَ مُنْقَسِمَةٌ.",
            "مَجَلَّةُ فُورِين بُولِيسِي",
        ),
        // A verb or an accusative noun after a one-word name is not part of it.
        ("ونشرت صحيفة هآرتس بيانا مصورا.", "صحيفة هآرتس"),
        ("وقالت وكالة بلومبرغ تابعت الملف.", "وكالة بلومبرغ"),
    ];
    let failed = failures_of(Label::ORG, &table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn a_state_noun_with_a_nationality_adjective_is_the_states_long_name() {
    // Before the rule: 3 of the 4 rows failed (the adjectives were NORPs).
    let table = [
        (
            "وقالت وزارة خارجية الجمهورية الإسلامية الإيرانية إن الوفد وصل.",
            "الجمهورية الإسلامية الإيرانية",
        ),
        (
            "وزار الوفد المملكة الأردنية الهاشمية أمس.",
            "المملكة الأردنية الهاشمية",
        ),
        (
            "وَزَارَ الوَفْدُ المَمْلَكَةَ الأُرْدُنِيَّةَ الهَاشِمِيَّةَ.",
            "المَمْلَكَةَ الأُرْدُنِيَّةَ الهَاشِمِيَّةَ",
        ),
        ("وقال إن الجمهورية الجديدة ستبنى على العدل.", ""),
    ];
    let failed = failures_of(Label::GPE, &table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn a_law_named_by_its_complement_is_misc() {
    // Before the rule: 3 of the 5 rows failed (the three laws).
    let table = [
        (
            "وتنص المادة من قانون أمن الدولة الكويتي على العقوبة.",
            "قانون أمن الدولة الكويتي",
        ),
        (
            "وأقر المجلس تعديل قانون الانتخابات العامة.",
            "قانون الانتخابات العامة",
        ),
        ("وطالب المحتجون بقانون العقوبات الجديد.", "قانون العقوبات"),
        // A law described by a verb or an adjective has no name.
        ("وطالب المحتجون بقانون يجرم الإساءة.", ""),
        ("وأقر البرلمان قانونا جديدا للضرائب.", ""),
    ];
    let failed = failures_of(Label::MISC, &table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn a_bodys_second_field_joined_by_wa_continues_its_name() {
    // A ministry or authority of two fields: و + a noun of purpose and its complement (وحماية
    // المستهلك), a second definite noun after a ل-complement (للأغذية والزراعة), or a third
    // field (والتعليم الفني). Pool: 30 sentences in 27 outlets. Before the rule: 8 of the 9
    // positive rows failed (the simple first coordination already worked), and one of the three
    // negative ones (والمنظمة, a second body, was joined).
    let table = [
        (
            "أعلنت وزارة الزراعة وتنمية الريف خطة للموسم.",
            "وزارة الزراعة وتنمية الريف",
        ),
        (
            "وقالت وزارة البيئة وحماية الطبيعة إن الغابات تضررت.",
            "وزارة البيئة وحماية الطبيعة",
        ),
        (
            "فَقَالَتْ وِزَارَةُ الشَّبَابِ وَرِعَايَةِ المَوَاهِبِ إِنَّ المُسَابَقَةَ تَبْدَأُ غَدًا.",
            "وِزَارَةُ الشَّبَابِ وَرِعَايَةِ المَوَاهِبِ",
        ),
        (
            "وقالت وزارة التجارة الخارجية وتنمية الصادرات إن العجز تراجع.",
            "وزارة التجارة الخارجية وتنمية الصادرات",
        ),
        (
            "وطالبت الهيئة الوطنية للطرق والجسور بميزانية أكبر.",
            "الهيئة الوطنية للطرق والجسور",
        ),
        (
            "وذكر المجلس الأعلى للشباب والرياضة أن البطولة تأجلت.",
            "المجلس الأعلى للشباب والرياضة",
        ),
        (
            "وأكدت وزارة النقل والمواصلات والاتصالات أن الطريق مفتوح.",
            "وزارة النقل والمواصلات والاتصالات",
        ),
        (
            "فأعلنت وزارة الإسكان والمرافق والمجتمعات العمرانية طرح أراض جديدة.",
            "وزارة الإسكان والمرافق والمجتمعات العمرانية",
        ),
        (
            "وقالت وزارة الصحة والسكان إن الحالات قلت.",
            "وزارة الصحة والسكان",
        ),
        // A body joined by و is a second body; و that is the word's own letter is no و; an
        // adjective after the second field describes the ministry.
        (
            "وقالت وزارة الصحة والمنظمة الدولية للهجرة في بيان مشترك إن المخيم آمن.",
            "وزارة الصحة",
        ),
        (
            "وأوضحت وزارة البترول والثروة المعدنية والمسؤولة عن المناجم أن الإنتاج زاد.",
            "وزارة البترول والثروة المعدنية",
        ),
        (
            "ودعت نقابة الصحفيين وسائل الإعلام إلى الدقة.",
            "نقابة الصحفيين",
        ),
    ];
    let failed = failures_of(Label::ORG, &table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn the_presidency_of_a_state_is_an_organisation() {
    // الرئاسة + a nationality is the presidency, not the people: the train gold writes ORG 4
    // times of 5. A rotating presidency names no body. Pool: 7 sentences in 7 outlets. Before
    // the rule: 3 of the 3 positive rows failed.
    let table = [
        (
            "وأعلنت الرئاسة التونسية أن الرئيس غادر البلاد.",
            "الرئاسة التونسية",
        ),
        (
            "وَقَالَتِ الرِّئَاسَةُ اللُّبْنَانِيَّةُ إِنَّ الحِوَارَ مُسْتَمِرٌّ.",
            "الرِّئَاسَةُ اللُّبْنَانِيَّةُ",
        ),
        ("فالرئاسة الفلسطينية رفضت الخطة.", "الرئاسة الفلسطينية"),
        ("وتسلمت فرنسا الرئاسة الدورية للمجلس.", ""),
    ];
    let failed = failures_of(Label::ORG, &table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn the_flow_of_goods_people_or_messages_is_no_movement() {
    // حركة before what moves or flows (السفن، البضائع، الركاب، الطلاب، الاتصالات) is the flow,
    // not a movement or party: the train gold writes no ORG 8 times of 8. Pool: 21 sentences in
    // 18 outlets. Before: 6 of the 6 flow rows failed; the movements must stay.
    let table = [
        ("وتوقفت حركة السفن في القناة أمس.", ""),
        ("وَاسْتَأْنَفَتْ حَرَكَةُ البَضَائِعِ عَبْرَ المَعْبَرِ.", ""),
        ("وتراجعت حركة الركاب في المطار بنسبة كبيرة.", ""),
        ("وشهدت حركة الطلاب والموظفين ازدحاما صباحيا.", ""),
        ("فتأثرت حركة الاتصالات في المدينة بالعاصفة.", ""),
        ("وعادت حركة القطارات إلى طبيعتها.", ""),
        ("وقالت حركة الشباب إنها نفذت الهجوم.", "حركة الشباب"),
        (
            "وأعلنت حركة المقاومة الإسلامية موقفها.",
            "حركة المقاومة الإسلامية",
        ),
    ];
    let failed = failures_of(Label::ORG, &table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn a_platform_after_social_media_a_page_or_a_bracket_is_the_service() {
    // A platform's name after موقع التواصل الاجتماعي, after a page, account or group of
    // someone's (صفحتها، حسابه، مجموعات) or in brackets after them is the service, MISC
    // (guidelines §12); the train gold writes MISC there 9 times of 9. Pool: 17 sentences in
    // 15 outlets. Before: 5 of the 6 service rows failed; the company acting stays an ORG.
    let table = [
        (
            "ونشر الخبر عبر موقع التواصل الاجتماعي فيسبوك أمس.",
            "فيسبوك",
            Label::MISC,
        ),
        (
            "وانتشرت الصور على مواقع التواصل الاجتماعي \"تويتر\" بسرعة.",
            "تويتر",
            Label::MISC,
        ),
        (
            "وكتب على صفحته الرسمية بموقع التواصل الاجتماعي (فيسبوك) تعليقا.",
            "فيسبوك",
            Label::MISC,
        ),
        (
            "وَأَعْلَنَتِ البَلَدِيَّةُ عَبْرَ صَفْحَتِهَا «فيسبوك» مَوْعِدَ الافْتِتَاحِ.",
            "فيسبوك",
            Label::MISC,
        ),
        (
            "وتداول السكان الرسالة في مجموعات واتساب المحلية.",
            "واتساب",
            Label::MISC,
        ),
        (
            "وكتب الوزير على تويتر أن الاجتماع انتهى.",
            "تويتر",
            Label::MISC,
        ),
        (
            "وأعلنت فيسبوك أنها ستغلق الحسابات المزيفة.",
            "فيسبوك",
            Label::ORG,
        ),
    ];
    let failed = missing(&table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn a_programme_is_a_body_only_when_a_body_runs_it() {
    // برنامج + what it does (إعادة هيكلة، الإصلاح المالي، العودة الطوعية، الصواريخ) is a plan,
    // not an organisation: the train gold writes no ORG 14 times of 14. A programme named after
    // the body that runs it (برنامج الأمم المتحدة الإنمائي) and the gazetteer's names stay.
    // Pool: 14 false ORGs in 11 outlets. Before: 5 of the 5 plan rows failed.
    let table = [
        ("وأعلنت الشركة برنامج إعادة هيكلة لديونها.", ""),
        ("وبدأت الحكومة برنامج الإصلاح الإداري الشامل.", ""),
        ("وَاسْتَفَادَ اللَّاجِئُونَ مِنْ بَرْنَامَجِ العَوْدَةِ الطَّوْعِيَّةِ.", ""),
        ("ويثير برنامج الصواريخ قلق الجيران.", ""),
        ("فأطلقت الوزارة برنامج الطاقة الشمسية للمنازل.", ""),
        (
            "وقال برنامج الأمم المتحدة الإنمائي إن الفقر زاد.",
            "برنامج الأمم المتحدة الإنمائي",
        ),
        (
            "وحذر برنامج الأغذية العالمي من المجاعة.",
            "برنامج الأغذية العالمي",
        ),
    ];
    let failed = failures_of(Label::ORG, &table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn the_command_board_or_office_of_a_body_named_by_its_common_noun_is_no_name() {
    // A head before a body named only by its common noun (قيادة الجيش، مجلس الإدارة، مكتب
    // المفوضية، إدارة النادي) names no body: the train gold writes no ORG 17 times of 18. With a
    // nationality or a name after it, it stays. Pool: 29 false ORGs in 18 outlets. Before: 5
    // of the 5 negative rows failed.
    let table = [
        ("ودعت قيادة الجيش وسائل الإعلام إلى الدقة.", ""),
        ("وقال مجلس الإدارة إن الأرباح زادت.", ""),
        ("وَاجْتَمَعَ مَجْلِسُ النِّقَابَةِ أَمْسِ لِبَحْثِ الأُجُورِ.", ""),
        ("وأكد مكتب المفوضية أن المساعدات وصلت.", ""),
        ("فقررت إدارة النادي إقالة المدرب.", ""),
        (
            "وقالت قيادة الجيش اللبناني إن الوضع مستقر.",
            "قيادة الجيش اللبناني",
        ),
        ("وقالت وزارة الخارجية إن السفير استدعي.", "وزارة الخارجية"),
        ("وقال مجلس الوزراء إن القرار نهائي.", "مجلس الوزراء"),
    ];
    let failed = failures_of(Label::ORG, &table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn a_central_bank_without_its_state_is_no_name() {
    // البنك المركزي alone names no one bank (train gold: no ORG 7 of 7); with its state's
    // nationality it does (5 of 5). Pool: 26 sentences in 14 outlets. Before: 3 of the 3 bare
    // rows failed.
    let table = [
        ("وقال البنك المركزي إن التضخم تراجع.", ""),
        ("ورفع المصرف المركزي سعر الفائدة أمس.", ""),
        ("وَأَبْقَى البَنْكُ المَرْكَزِيُّ عَلَى أَسْعَارِ الفَائِدَةِ.", ""),
        (
            "فقرر البنك المركزي المصري خفض الفائدة.",
            "البنك المركزي المصري",
        ),
        (
            "وأعلن البنك المركزي الأوروبي قراره.",
            "البنك المركزي الأوروبي",
        ),
    ];
    let failed = failures_of(Label::ORG, &table);
    assert!(failed.is_empty(), "{failed:#?}");
}
