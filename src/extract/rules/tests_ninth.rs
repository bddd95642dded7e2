//! Tests of the ninth round's entity families, each counted in the pool of real outlet
//! reports (three outlets or more) before it was written (docs/extraction/entities.md, "Ninth
//! round: entities"): a table of invented sentences per family with surface variants (و/ف
//! glued on, harakat) and rows that must keep working.

use super::test_tables::{missing, unwanted};
use crate::annotate::Label;

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
fn a_given_name_that_is_a_noun_before_a_definite_noun_is_that_noun() {
    // عمر "age, lifetime" and خلف "behind" are given names and nouns in construct: before a
    // definite common noun (من عمر المباراة، الانسياق خلف الشائعات) they are the nouns; a family
    // name in ي, another given name or a name before them keeps the person. Pool: 3 wrong
    // PERSONs in 3 outlets. Before the change: 5 of the 5 negative rows failed.
    let negative = [
        (
            "وسجل الضيوف هدفا في الدقيقة الأخيرة من عمر المباراة.",
            "عمر المباراة",
        ),
        (
            "ودعا الجيش المواطنين إلى عدم الانسياق خلف الشائعات.",
            "خلف الشائعات",
        ),
        ("وجاء الهدف في الدقائق الأولى مِنْ عُمْرِ اللِّقَاءِ.", "عُمْرِ اللِّقَاءِ"),
        ("فاجتمع الوزراء خلف الأبواب المغلقة.", "خلف الأبواب"),
        ("واختبأ الأطفال خلف الجدار حتى الصباح.", "خلف الجدار"),
    ];
    let failed = unwanted(Label::PERSON, &negative);
    assert!(failed.is_empty(), "{failed:#?}");
    let table = [
        (
            "وقال عمر البشير إن الحكومة باقية.",
            "عمر البشير",
            Label::PERSON,
        ),
        ("ووصل عمر مصطفى إلى القاعة.", "عمر مصطفى", Label::PERSON),
        (
            "وعين في المنصب عبد العزيز خلف.",
            "عبد العزيز خلف",
            Label::PERSON,
        ),
        (
            "وأكد الوزير عمر الحسن أن الخطة جاهزة.",
            "عمر الحسن",
            Label::PERSON,
        ),
    ];
    let failed = missing(&table);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn a_given_name_that_is_a_preposition_too_ends_a_name_before_a_mark_or_allah() {
    // خلف "behind" and علي (على after folding) are prepositions too, which the name rules
    // stop at; a preposition needs its object, so before a closing mark or الله they are the
    // family name (ياسر علي، …، عبد العزيز خلف.، عبد المنعم خلف الله). Pool: 4 names in 4
    // outlets were cut or split. Before the rule: 5 of the 5 rows failed.
    let table = [
        (
            "وأعلن مدرب الفريق، ياسر علي، عن التشكيلة.",
            "ياسر علي",
            Label::PERSON,
        ),
        (
            "وعين في المنصب عبد العزيز خلف.",
            "عبد العزيز خلف",
            Label::PERSON,
        ),
        (
            "ويشير الباحث عبد المنعم خلف الله، إلى أن الجيش تقدم.",
            "عبد المنعم خلف الله",
            Label::PERSON,
        ),
        ("وغاب عن التدريب سامي علي.", "سامي علي", Label::PERSON),
        (
            "وَقَالَ عَبْدُ الرَّحْمَنِ خَلَف: إن الخطة جاهزة.",
            "عَبْدُ الرَّحْمَنِ خَلَف",
            Label::PERSON,
        ),
    ];
    let failed = missing(&table);
    assert!(failed.is_empty(), "{failed:#?}");
    // The preposition before its object stays outside the name.
    let negative = [
        ("وحصل محمد على «الجائزة» أمس.", "محمد على"),
        ("وحصل محمد على الجائزة أمس.", "محمد على"),
        ("ووقف سامي خلف الباب.", "سامي خلف"),
    ];
    let failed = unwanted(Label::PERSON, &negative);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn a_name_ends_before_the_noun_or_adverb_the_sentence_goes_on_with() {
    // After two name words, a word that an ordinal or a plain adjective describes (شوط أول،
    // مرة أخرى) or an accusative adverb of a nisba (دوليا، رسميا) is the sentence going on,
    // not a family name. Pool: 3 names in 3 outlets ran on so. Before the rule: 5 of the 6
    // rows failed.
    let table = [
        (
            "واعتزل المهاجم مشعل عبد الله دوليا.",
            "مشعل عبد الله",
            Label::PERSON,
        ),
        ("وقدم مصطفى محمد شوط أول جيد.", "مصطفى محمد", Label::PERSON),
        (
            "وسجّل علاء الدين مرة أخرى بعد دقيقتين.",
            "علاء الدين",
            Label::PERSON,
        ),
        ("فسجل سامي أحمد مرة ثانية.", "سامي أحمد", Label::PERSON),
        (
            "وانضم خالد محمود رسميا إلى النادي.",
            "خالد محمود",
            Label::PERSON,
        ),
        (
            "وَلَعِبَ يوسف عبد الرحمن دَوْلِيًّا عشر سنوات.",
            "يوسف عبد الرحمن",
            Label::PERSON,
        ),
    ];
    let failed = missing(&table);
    assert!(failed.is_empty(), "{failed:#?}");
    // A third name word is still a family name.
    let names = [
        (
            "وقال سامي أحمد قرطام إن الاتفاق قريب.",
            "سامي أحمد قرطام",
            Label::PERSON,
        ),
        (
            "وأكد محمد أحمد حسين أن الوفد وصل.",
            "محمد أحمد حسين",
            Label::PERSON,
        ),
    ];
    let failed = missing(&names);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn the_adjective_arab_is_a_norp_where_no_channel_is_meant() {
    // العربية is the channel's name in the gazetteer and an ordinary adjective: where the
    // context marks no outlet (القمة العربية، الدول العربية) the adjective is a NORP like any
    // nationality. Pool: 22 sentences in 11 outlets. Before: 5 of the 5 rows failed.
    let table = [
        (
            "وافتتحت القمة العربية أعمالها في العاصمة.",
            "العربية",
            Label::NORP,
        ),
        (
            "وقالت الدول العربية إنها تدعم الخطة.",
            "العربية",
            Label::NORP,
        ),
        ("من أجل عزة الأمة العربية ووحدتها.", "العربية", Label::NORP),
        (
            "أبرز المباريات الودية للمنتخبات العربية.",
            "العربية",
            Label::NORP,
        ),
        ("وَاجْتَمَعَ وُزَرَاءُ الدُّوَلِ العَرَبِيَّةِ أمس.", "العَرَبِيَّةِ", Label::NORP),
        // The channel after a correspondent, the state's long name.
        ("وقال مراسل العربية إن الوضع هادئ.", "العربية", Label::ORG),
        (
            "وألقى رئيس جمهورية مصر العربية كلمة.",
            "جمهورية مصر العربية",
            Label::GPE,
        ),
    ];
    let failed = missing(&table);
    assert!(failed.is_empty(), "{failed:#?}");
    // Languages stay untagged: after لغة with its proclitics, in a list of languages.
    let negative = [
        ("ونشر التقرير بالإنجليزية والعربية.", "العربية"),
        ("وكتب البيان باللغة العربية.", "العربية"),
        ("وصدر البيان باللغة الفرنسية.", "الفرنسية"),
    ];
    let failed = unwanted(Label::NORP, &negative);
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
fn a_capital_with_its_title_is_the_city_and_opec_plus_is_one_name() {
    // العاصمة صنعاء came as one GPE from a generated list of subdivisions: the title is
    // outside the name, as the gold of every set writes it (4 outlets of the pool; now in
    // blocklist.txt). OPEC and its allies are named with بلس or + (6 outlets): one ORG.
    // Before: 7 of the 7 rows failed.
    let table = [
        (
            "وسيطر الحوثيون على العاصمة صنعاء في سبتمبر.",
            "صنعاء",
            Label::GPE,
        ),
        (
            "وَقَصَفَتِ الطائراتُ مواقعَ في العاصِمَةِ صَنْعَاءَ.",
            "صَنْعَاءَ",
            Label::GPE,
        ),
        ("فعاد الوفد إلى العاصمة صنعاء.", "صنعاء", Label::GPE),
        (
            "واتفق تحالف أوبك بلس على خفض الإنتاج.",
            "تحالف أوبك بلس",
            Label::ORG,
        ),
        ("وقررت أوبك+ خفض الإنتاج.", "أوبك+", Label::ORG),
        ("وقالت دول أوبك + إن الخفض مستمر.", "أوبك +", Label::ORG),
        ("فأعلنت أوبك بلس أنها ستجتمع.", "أوبك بلس", Label::ORG),
    ];
    let failed = missing(&table);
    assert!(failed.is_empty(), "{failed:#?}");
    let failed = unwanted(
        Label::GPE,
        &[(
            "وسيطر الحوثيون على العاصمة صنعاء في سبتمبر.",
            "العاصمة صنعاء",
        )],
    );
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
fn a_verb_or_participle_after_a_place_head_describes_it() {
    // A place head without the article and a short imperfect verb (منطقة تقع جنوب …) or an
    // indefinite participle in ة (دولة موزعة على …) before a particle or a direction: the
    // sentence describing the place, not its name. Pool: 2 wrong GPEs in 2 outlets, the shape
    // (with مقابلة-like participles) in 3. Before: 4 of the 4 rows failed.
    let negative = [
        ("بعد رصد القارب في منطقة تقع جنوب الجزيرة.", "منطقة تقع"),
        ("وسجلت الحالات في 32 دولة موزعة على خمس مناطق.", "دولة موزعة"),
        ("وانتشرت القوات في منطقة مفتوحة على الحدود.", "منطقة مفتوحة"),
        ("فَأُقِيمَ المُخَيَّمُ في مِنْطَقَةٍ تَقَعُ شَمَالَ المَدِينَةِ.", "مِنْطَقَةٍ تَقَعُ"),
    ];
    let failed = unwanted(Label::GPE, &negative);
    assert!(failed.is_empty(), "{failed:#?}");
    // Names after the head stay places, known or not.
    let table = [
        ("وقصفت الطائرات مدينة تعز أمس.", "مدينة تعز", Label::GPE),
        (
            "ووصلوا إلى بلدة يبرود في ريف دمشق.",
            "بلدة يبرود",
            Label::GPE,
        ),
        (
            "وزار الوفد مدينة مصراتة في ليبيا.",
            "مدينة مصراتة",
            Label::GPE,
        ),
    ];
    let failed = missing(&table);
    assert!(failed.is_empty(), "{failed:#?}");
}
