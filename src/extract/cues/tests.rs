//! Unit tests of the cue parser: each template, inflections, stance, quotations and the
//! conversion into annotations.

use super::*;
use crate::annotate::model;

/// One suggestion in readable form.
#[derive(Debug)]
pub(super) struct Triple {
    pub(super) source: Option<String>,
    pub(super) source_type: Option<SourceType>,
    pub(super) cue: String,
    pub(super) claim: String,
    pub(super) template: Template,
    pub(super) quote_type: QuoteType,
    pub(super) stance: Stance,
    pub(super) distancing: bool,
    pub(super) nested_in: Option<usize>,
}

pub(super) fn triples(text: &str) -> Vec<Triple> {
    let article = Article::from_text("t", text.to_owned());
    let s = suggest_article(&article);
    s.attributions
        .iter()
        .map(|a| Triple {
            source: a
                .source
                .map(|i| article.text[s.sources[i].span.clone()].to_owned()),
            source_type: a.source.map(|i| s.sources[i].source_type),
            cue: article.text[a.cue.clone()].to_owned(),
            claim: article.text[s.claims[a.claim].span.clone()].to_owned(),
            template: a.template,
            quote_type: a.quote_type,
            stance: a.stance,
            distancing: a.distancing,
            nested_in: a.nested_in,
        })
        .collect()
}

pub(super) fn one(text: &str) -> Triple {
    let mut all = triples(text);
    assert_eq!(
        all.len(),
        1,
        "expected one suggestion in {text:?}: {all:#?}"
    );
    all.remove(0)
}

#[test]
fn verb_inflections_with_prefixes() {
    let cases = [
        ("وقالت الوزارة إن الوضع مستقر.", "قالت", "الوزارة"),
        ("فأكد الوزير أن الوضع مستقر.", "أكد", "الوزير"),
        ("وقد أعلن الجيش أن الوضع مستقر.", "أعلن", "الجيش"),
        ("كما أكدت الوزارة أن الوضع مستقر.", "أكدت", "الوزارة"),
        ("تقول الوزارة إن الوضع مستقر.", "تقول", "الوزارة"),
        ("وصرح المحافظ بأن الوضع مستقر.", "صرح", "المحافظ"),
        ("وأفادت الشرطة بأن الوضع مستقر.", "أفادت", "الشرطة"),
        ("وأَكَّدَ الوَزِيرُ أَنَّ الوَضْعَ مُسْتَقِرٌّ.", "أَكَّدَ", "الوَزِيرُ"),
        ("واكد الوزير ان الوضع مستقر.", "اكد", "الوزير"),
    ];
    for (text, cue, source) in cases {
        let t = one(text);
        assert_eq!(t.cue, cue, "{text}");
        assert_eq!(t.source.as_deref(), Some(source), "{text}");
        assert!(
            t.claim.ends_with("مستقر") || t.claim.ends_with("مُسْتَقِرٌّ"),
            "{text}: {t:?}"
        );
        assert_eq!(t.template, Template::Vso);
    }
}

#[test]
fn vso_with_title_name_and_time_before_object_claim() {
    let t =
        one("أعلن المتحدث باسم الجيش اللبناني العميد نزيه جريج، الأحد، انتهاء العملية في الشمال.");
    assert_eq!(
        t.source.as_deref(),
        Some("المتحدث باسم الجيش اللبناني العميد نزيه جريج")
    );
    assert_eq!(t.source_type, Some(SourceType::Official));
    assert_eq!(t.claim, "انتهاء العملية في الشمال");
}

#[test]
fn svo_order() {
    let t = one("الوزارة قالت إن المساعدات وصلت إلى المدينة.");
    assert_eq!(t.template, Template::Svo);
    assert_eq!(t.source.as_deref(), Some("الوزارة"));
    assert_eq!(t.claim, "المساعدات وصلت إلى المدينة");
    let t = one("وكان وزير الصحة قد أعلن أن المستشفى سيفتح غداً.");
    assert_eq!(t.template, Template::Svo);
    assert_eq!(t.source.as_deref(), Some("وزير الصحة"));
}

#[test]
fn family_names_starting_with_lam_versus_addressees() {
    let t = one("قال وزير الخارجية الروسي سيرغي لافروف إن المحادثات مثمرة.");
    assert_eq!(
        t.source.as_deref(),
        Some("وزير الخارجية الروسي سيرغي لافروف")
    );
    let t = one("وقال الوزير أحمد لرويترز إن المحادثات مثمرة.");
    assert_eq!(t.source.as_deref(), Some("الوزير أحمد"));
    let t = one("وقال المتحدث محمد للصحفيين إن المحادثات مثمرة.");
    assert_eq!(t.source.as_deref(), Some("المتحدث محمد"));
}

#[test]
fn trailing_and_leading_prepositions() {
    let t = one("قتل خمسة أشخاص في القصف، بحسب مصادر طبية.");
    assert_eq!(t.cue, "بحسب");
    assert_eq!(t.source.as_deref(), Some("مصادر طبية"));
    assert_eq!(t.source_type, Some(SourceType::Anonymous));
    assert_eq!(t.claim, "قتل خمسة أشخاص في القصف");
    assert_eq!(t.template, Template::Preposition);

    let t = one("وبحسب المرصد السوري، فإن القصف أسفر عن مقتل خمسة.");
    assert_eq!(t.source.as_deref(), Some("المرصد السوري"));
    assert_eq!(t.source_type, Some(SourceType::Organization));
    assert_eq!(t.claim, "القصف أسفر عن مقتل خمسة");

    let t = one("ارتفع عدد القتلى إلى عشرة، وفقاً لـ وزارة الصحة.");
    assert_eq!(t.cue, "وفقاً لـ");
    assert_eq!(t.source.as_deref(), Some("وزارة الصحة"));

    let t = one("ارتفع عدد القتلى إلى عشرة، وفقا لمصادر محلية.");
    assert_eq!(t.source.as_deref(), Some("مصادر محلية"));

    let t = one("سقط عشرات القتلى في الهجوم، نقلاً عن وكالة الأنباء الرسمية.");
    assert_eq!(t.cue, "نقلاً عن");
    assert_eq!(t.source.as_deref(), Some("وكالة الأنباء الرسمية"));
    assert_eq!(t.source_type, Some(SourceType::MediaOutlet));

    let t = one("وحسب ما أفادت وكالة الأنباء، فإن الاجتماع تأجل.");
    assert_eq!(t.cue, "حسب ما أفادت");
    assert_eq!(t.source.as_deref(), Some("وكالة الأنباء"));
    assert_eq!(t.claim, "الاجتماع تأجل");
}

#[test]
fn trailing_preposition_relays_an_attributed_claim() {
    let all = triples("وقالت المصادر إن القصف استمر، بحسب وكالة الأنباء.");
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!(all[0].claim, all[1].claim);
    let outlet = all
        .iter()
        .position(|t| t.cue == "بحسب")
        .expect("outlet attribution");
    let inner = 1 - outlet;
    assert_eq!(all[inner].source.as_deref(), Some("المصادر"));
    assert_eq!(all[inner].nested_in, Some(outlet));
}

#[test]
fn anonymous_and_collective_sources() {
    let cases = [
        (
            "وقال مصدر أمني إن الهجوم فشل.",
            "مصدر أمني",
            SourceType::AnonymousOfficial,
        ),
        (
            "وذكرت مصادر مطلعة أن الهجوم فشل.",
            "مصادر مطلعة",
            SourceType::Anonymous,
        ),
        (
            "وقال شهود عيان إن الهجوم فشل.",
            "شهود عيان",
            SourceType::Eyewitness,
        ),
        (
            "وقال سكان محليون إن الهجوم فشل.",
            "سكان محليون",
            SourceType::AffectedPerson,
        ),
        (
            "وقال مسؤول إن الهجوم فشل.",
            "مسؤول",
            SourceType::AnonymousOfficial,
        ),
        ("وقال خبراء إن الهجوم فشل.", "خبراء", SourceType::Expert),
        (
            "وذكر مراسلنا أن الهجوم فشل.",
            "مراسلنا",
            SourceType::Journalist,
        ),
        (
            "وقال ناشطون إن الهجوم فشل.",
            "ناشطون",
            SourceType::SocialMedia,
        ),
        ("وذكر تقرير أن الهجوم فشل.", "تقرير", SourceType::Document),
    ];
    for (text, source, ty) in cases {
        let t = one(text);
        assert_eq!(t.source.as_deref(), Some(source), "{text}");
        assert_eq!(t.source_type, Some(ty), "{text}");
        assert_eq!(t.claim, "الهجوم فشل", "{text}");
    }
}

#[test]
fn pro_drop_links_to_the_previous_source() {
    let all = triples("قال الوزير إن الوضع مستقر. وأضاف أن المساعدات وصلت.");
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].template, Template::ProDrop);
    assert_eq!(all[1].cue, "أضاف");
    assert_eq!(all[1].source.as_deref(), Some("الوزير"));
    assert_eq!(all[1].claim, "المساعدات وصلت");

    // Across a paragraph break.
    let all = triples("قال الوزير إن الوضع مستقر.\nوتابع: «المساعدات وصلت».");
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].source.as_deref(), Some("الوزير"));
    assert_eq!(all[1].quote_type, QuoteType::Direct);
}

#[test]
fn pro_drop_prefers_a_source_of_the_same_gender() {
    let all = triples(
        "قالت الوزارة إن الوضع مستقر. وقال المتحدث إن المساعدات وصلت. وأوضحت أن المعبر مفتوح.",
    );
    assert_eq!(all.len(), 3);
    assert_eq!(all[2].cue, "أوضحت");
    assert_eq!(all[2].source.as_deref(), Some("الوزارة"));
}

#[test]
fn pro_drop_without_antecedent_is_not_suggested() {
    assert!(triples("وأضاف أن الوضع مستقر.").is_empty());
}

#[test]
fn pro_drop_can_point_to_a_speaker_without_claim() {
    let all = triples("تحدث الوزير في المؤتمر عن الأزمة، وقال: «الوضع مستقر».");
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0].source.as_deref(), Some("الوزير"));
}

#[test]
fn participle_continues_the_sentence_source() {
    let all = triples("قال الوزير إن الوضع مستقر، مشيراً إلى أن المساعدات وصلت.");
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].claim, "الوضع مستقر");
    assert_eq!(all[1].template, Template::Participle);
    assert_eq!(all[1].source.as_deref(), Some("الوزير"));
    assert_eq!(all[1].claim, "المساعدات وصلت");
}

#[test]
fn passive_cues_have_no_source() {
    let t = one("وقيل إن الهجوم أوقع قتلى.");
    assert_eq!(t.template, Template::Passive);
    assert_eq!(t.source, None);
    assert_eq!(t.claim, "الهجوم أوقع قتلى");
    let t = one("وأُفيد بأن الهجوم أوقع قتلى.");
    assert_eq!(t.source, None);
}

#[test]
fn harakat_change_no_suggestion() {
    for (plain, marked) in [
        ("وذكر أن الهجوم أوقع قتلى.", "وذُكِرَ أن الهجوم أوقع قتلى."),
        (
            "قال الوزير إن الحديث مازال مبكرا ولكنه أكد أن الاتفاق قريب.",
            "قالَ الوزيرُ إنَّ الحديثَ مازالَ مبكراً ولكنَّه أكَّدَ أنَّ الاتفاقَ قريبٌ.",
        ),
    ] {
        let strip = |t: &Triple| {
            let s = |x: &str| {
                x.chars()
                    .filter(|c| !('\u{064B}'..='\u{0652}').contains(c))
                    .collect::<String>()
            };
            (
                t.template,
                t.source.as_deref().map(s),
                s(&t.cue),
                s(&t.claim),
            )
        };
        let a: Vec<_> = triples(plain).iter().map(strip).collect();
        let b: Vec<_> = triples(marked).iter().map(strip).collect();
        assert_eq!(a, b, "{marked}");
    }
}

#[test]
fn direct_quotes_in_guillemets_straight_and_curly_marks() {
    for text in [
        "وقال الوزير: «نحن مستعدون للحوار».",
        "وقال الوزير: \"نحن مستعدون للحوار\".",
        "قال الوزير “نحن مستعدون للحوار”.",
        "وقال الوزير: إن «نحن مستعدون للحوار».",
    ] {
        let t = one(text);
        assert_eq!(t.claim, "نحن مستعدون للحوار", "{text}");
        assert_eq!(t.quote_type, QuoteType::Direct, "{text}");
        assert_eq!(t.source.as_deref(), Some("الوزير"), "{text}");
    }
    let t = one("وأكد الوزير أن الحكومة \"لن تتراجع عن قرارها\".");
    assert_eq!(t.quote_type, QuoteType::Mixed);
    assert_eq!(t.claim, "الحكومة \"لن تتراجع عن قرارها\"");
}

#[test]
fn quotations_after_a_statement_verb() {
    let all = triples("نشرت الوزارة بياناً جاء فيه \"الوضع تحت السيطرة تماماً\".");
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0].template, Template::Quotation);
    assert_eq!(all[0].claim, "الوضع تحت السيطرة تماماً");
}

#[test]
fn relayed_statement_has_outer_and_inner_sources() {
    let all = triples("ونقلت وكالة رويترز عن مسؤول أمني قوله إن الهجوم فشل.");
    assert_eq!(all.len(), 2, "{all:#?}");
    let outer = all
        .iter()
        .position(|t| t.source.as_deref() == Some("وكالة رويترز"))
        .expect("outlet attribution");
    let inner = 1 - outer;
    assert_eq!(all[outer].source_type, Some(SourceType::MediaOutlet));
    assert_eq!(all[inner].source.as_deref(), Some("مسؤول أمني"));
    assert_eq!(all[inner].template, Template::Relay);
    assert_eq!(all[inner].nested_in, Some(outer));
    assert_eq!(all[inner].claim, "الهجوم فشل");
}

#[test]
fn stance_and_distancing() {
    let t = one("ونفى المتحدث أن يكون الجيش قصف المدينة.");
    assert_eq!(t.stance, Stance::Denies);
    let t = one("وزعم المتحدث أن الجيش لم يقصف المدينة.");
    assert!(t.distancing);
    let t = one("ويتوقع خبراء أن ترتفع الأسعار.");
    assert_eq!(t.stance, Stance::Predicts);
}

#[test]
fn verbs_of_saying_that_introduce_no_claim() {
    for text in [
        "وهذه هي العملية الأولى التي تعلن عنها الحكومة، منذ سقوط النظام.",
        "وقال الوزير في مؤتمر صحفي عقده أمس.",
        "وجرى اللقاء بين الطرفين في العاصمة.",
        "يذكر أن المدينة شهدت اشتباكات العام الماضي.",
        "الرجل الذي قال كلمته ورحل.",
        "وكشفت الحملة عن مخازن للأسلحة.",
        "وتابع الجمهور المباراة حتى نهايتها.",
    ] {
        assert!(triples(text).is_empty(), "{text}: {:#?}", triples(text));
    }
}

#[test]
fn cue_inside_a_claim_is_content_unless_it_reports_a_clause() {
    let all = triples("وذكرت مصادر أن الحملة كشفت عن مخازن للأسلحة.");
    assert_eq!(all.len(), 1);
    let all = triples("وأضاف الوزير أن الحكومة ماضية في خطتها، مع أنه صرح أن الموازنة محدودة.");
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!(all[0].claim, "الحكومة ماضية في خطتها");
    assert_eq!(all[1].claim, "الموازنة محدودة");
    assert_eq!(all[1].source.as_deref(), Some("الوزير"));
}

#[test]
fn conversion_adds_suggested_rule_items_once() {
    let article = Article::sample();
    let suggestions = suggest_article(&article);
    let mut set = model::AnnotationSet::default();
    let added = add_to_annotations(&mut set, &article, &suggestions);
    assert_eq!(added.sources, suggestions.sources.len());
    assert_eq!(added.claims, suggestions.claims.len());
    assert_eq!(added.attributions, suggestions.attributions.len());
    for a in &set.attributions {
        assert_eq!(a.review.status, model::ReviewStatus::Suggested);
        assert_eq!(a.origin.kind, model::OriginKind::Rule);
        assert!(a.origin.by.starts_with("cues:"), "{}", a.origin.by);
        assert!(set.claims.iter().any(|c| c.id == a.claim_id));
        assert!(set.sources.iter().any(|s| s.id == a.source_id));
    }
    assert!(set.sources.iter().any(|s| {
        s.name == "نور الدين البابا"
            && s.source_type == model::SourceType::Official
            && s.span.is_some_and(|sp| {
                sp.text(&article) == "المتحدث باسم وزارة الداخلية السورية نور الدين البابا"
            })
    }));
    assert!(
        set.claims
            .iter()
            .any(|c| c.claim_type == model::ClaimType::Quote)
    );
    let again = add_to_annotations(&mut set, &article, &suggestions);
    assert_eq!(again, Added::default());
}

#[test]
fn conversion_keeps_rejected_items_rejected() {
    let article = Article::sample();
    let suggestions = suggest_article(&article);
    let mut set = model::AnnotationSet::default();
    add_to_annotations(&mut set, &article, &suggestions);
    for s in &mut set.sources {
        s.review
            .set_status(model::ReviewStatus::Rejected, "analyst");
    }
    let before = set.sources.len();
    add_to_annotations(&mut set, &article, &suggestions);
    assert_eq!(set.sources.len(), before);
    assert!(
        set.sources
            .iter()
            .all(|s| s.review.status == model::ReviewStatus::Rejected)
    );
}

proptest::proptest! {
    #[test]
    fn never_panics_and_spans_fit(
        text in "[\\PC«»\"“”،:.\u{064B}-\u{0652}\u{0640}قالتأعلنوفبحسبإنأنمصادرشهود \n]{0,120}",
    ) {
        let article = Article::from_text("t", text.clone());
        let s = suggest_article(&article);
        let fits = |r: &Range<usize>| {
            r.start < r.end && r.end <= text.len()
                && text.is_char_boundary(r.start) && text.is_char_boundary(r.end)
        };
        for x in &s.sources {
            proptest::prop_assert!(fits(&x.span) && fits(&x.name));
        }
        for c in &s.claims {
            proptest::prop_assert!(fits(&c.span));
        }
        for a in &s.attributions {
            proptest::prop_assert!(fits(&a.cue));
            proptest::prop_assert!(a.claim < s.claims.len());
            proptest::prop_assert!(a.source.is_none_or(|i| i < s.sources.len()));
            proptest::prop_assert!(a.nested_in.is_none_or(|i| i < s.attributions.len()));
        }
    }
}

#[test]
fn reactions_carry_the_fact_they_react_to() {
    let t = one("وأعربت المنظمة عن أسفها لسقوط ثلاثة قتلى في القصف، بينهم طفلان.");
    assert_eq!(t.source.as_deref(), Some("المنظمة"));
    assert_eq!(t.cue, "أعربت");
    assert_eq!(t.claim, "سقوط ثلاثة قتلى في القصف، بينهم طفلان");
    let t = one("وأعرب الاتحاد عن قلقه إزاء تصاعد العنف في المدينة.");
    assert_eq!(t.claim, "تصاعد العنف في المدينة");
    let t = one("ورحبت الجمعية بالإفراج عن ستة صيادين.");
    assert_eq!(
        (t.cue.as_str(), t.claim.as_str()),
        ("رحبت", "الإفراج عن ستة صيادين")
    );
    let t = one("وأدانت النقابة مقتل ثلاثة صحفيين في القصف.");
    assert_eq!(t.claim, "مقتل ثلاثة صحفيين في القصف");
    // a bare object names something, it states no fact (guidelines §7.5)
    assert!(triples("ورحب الوزير بالقرار.").is_empty());
    assert!(triples("وأدانت النقابة الهجوم.").is_empty());
}

#[test]
fn a_denied_verbal_noun_with_its_pronoun_is_the_claim() {
    let all =
        triples("قال الحزب إن المرشح جاهز. لكن الوزير نفى ترشحه للانتخابات، كما أن الحزب لم يعلق.");
    let t = all
        .iter()
        .find(|t| t.cue == "نفى")
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(t.source.as_deref(), Some("الوزير"));
    assert!(t.claim.starts_with("ترشحه للانتخابات"), "{t:#?}");
    assert_eq!(t.stance, Stance::Denies);
    let t = one("أعلنت شركة النور استحواذها على مصنع الحديد.");
    assert_eq!(t.claim, "استحواذها على مصنع الحديد");
}

#[test]
fn an_verbal_noun_after_an_announcing_verb_across_time_words() {
    let t = one("أعلنت شركة النور للبرمجيات المختصة بالحماية أمس الإثنين عن اكتشاف ثغرة جديدة.");
    assert!(
        t.source
            .as_deref()
            .is_some_and(|s| s.starts_with("شركة النور")),
        "{t:#?}"
    );
    assert_eq!(t.claim, "اكتشاف ثغرة جديدة");
}

#[test]
fn pro_drop_after_a_pronoun_particle_or_a_bare_name() {
    let all = triples("قال الوزير إن الجسر جاهز. ولكنه أكد أن الطريق مغلق.");
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!(all[1].source.as_deref(), Some("الوزير"));
    assert_eq!(all[1].template, Template::ProDrop);
    // the speaker named again by his family name, in a clause with no cue, speaks next
    let all = triples(
        "قال سمير حداد رئيس النقابة إن الإضراب مستمر.\n\
         ولم يحدد حداد موعدا للمفاوضات واعتبر أن الحكومة تماطل.",
    );
    let t = all
        .iter()
        .find(|t| t.cue == "اعتبر")
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(t.source.as_deref(), Some("حداد"));
}

#[test]
fn a_report_inside_a_claim_is_not_the_next_speaker() {
    let all =
        triples("وقال المدير إن الوزير أبلغ النواب بأن المصنع سيغلق، وأضاف أن العمال سيعوضون.");
    let told = all
        .iter()
        .find(|t| t.cue == "أبلغ")
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(
        told.source.as_deref(),
        Some("الوزير"),
        "the addressee is no source"
    );
    let added = all
        .iter()
        .find(|t| t.cue == "أضاف")
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(added.source.as_deref(), Some("المدير"));
}

#[test]
fn subjects_with_an_apposition_a_workplace_or_a_name_particle() {
    let t = one("إلا أن سامر خليل، مؤسس الشركة ورئيسها، أوضح أن المصنع سيبقى مفتوحا.");
    assert_eq!(t.source.as_deref(), Some("سامر خليل، مؤسس الشركة ورئيسها"));
    let t = one("وكان مصدر في الوزارة قال في وقت سابق: إن الاجتماع تأجل.");
    assert_eq!(t.source.as_deref(), Some("مصدر في الوزارة"));
    let t = one("أعلن عبد الكريم منصور رئيس النادي أن المباراة تأجلت.");
    assert_eq!(t.source.as_deref(), Some("عبد الكريم منصور رئيس النادي"));
}

#[test]
fn a_speech_introduces_its_speaker_and_reports_end_at_the_next_cue() {
    let t = one("ألقى الرئيس كلمة أكد فيها أن الحوار مستمر.");
    assert_eq!(t.source.as_deref(), Some("الرئيس"));
    let all = triples("قال الوزير إن الموسم جيد وقال: إن الأسعار ستنخفض.");
    let claims: Vec<&str> = all.iter().map(|t| t.claim.as_str()).collect();
    assert_eq!(claims, ["الموسم جيد", "الأسعار ستنخفض"], "{all:#?}");
    let t = one("واستنتج الباحثون من الفروق بين النسخ أن الثقافة تفسر الاختلاف.");
    assert_eq!(t.claim, "الثقافة تفسر الاختلاف");
}

#[test]
fn a_leading_report_through_a_newspaper() {
    let t = one("وبحسب تقرير نشرته صحيفة المساء فإن الحكومة تدرس رفع الأسعار.");
    assert_eq!(t.source.as_deref(), Some("تقرير"));
    assert_eq!(t.claim, "الحكومة تدرس رفع الأسعار");
}

#[test]
fn objects_after_pointing_reporting_and_admitting_verbs() {
    let t = one("ولفتت الهيئة في تقريرها إلى أن المخزون يكفي شهرين.");
    assert_eq!(t.claim, "المخزون يكفي شهرين");
    let t = one("وأشار الدفاع المدني إلى انهيار مبنيين في الحي القديم.");
    assert_eq!(
        (t.source.as_deref(), t.claim.as_str()),
        (Some("الدفاع المدني"), "انهيار مبنيين في الحي القديم")
    );
    let t = one("وأفاد سكان بانقطاع المياه عن ثلاث قرى.");
    assert_eq!(t.claim, "انقطاع المياه عن ثلاث قرى");
    let t = one("وأقرت الإدارة بحدوث تأخير في صرف الرواتب.");
    assert_eq!(t.claim, "حدوث تأخير في صرف الرواتب");
    // a subject before the verb: the word carrying its preposition is the object
    let t = one("المدرب يعترف بتقصير فريقه في الشوط الثاني");
    assert_eq!(
        (t.source.as_deref(), t.claim.as_str()),
        (Some("المدرب"), "تقصير فريقه في الشوط الثاني")
    );
    // a subject before an imperfect verb: what follows the verb is no second speaker
    let all = triples("باحث شاب يصف المدينة بالجوهرة، وقال إن الترميم سينتهي قريبا.");
    assert!(
        all.iter().all(|t| t.source.as_deref() != Some("المدينة")),
        "{all:#?}"
    );
    // a negation before the verb is no subject
    let t = one("ولم يستبعد المفتش أن تتأخر الرحلة.");
    assert_eq!(t.source.as_deref(), Some("المفتش"));
    // pointing at a thing, not a fact, and passing a law, are no reports
    assert!(triples("وأشار المرشد إلى المبنى.").is_empty());
    assert!(triples("وأقر البرلمان القانون الجديد.").is_empty());
}

#[test]
fn prepositional_cues_in_mid_sentence_and_from_the_table() {
    let t = one("وارتفع سعر الخبز بنسبة الخمس حسبما ذكرت نقابة الخبازين.");
    assert_eq!(
        (t.source.as_deref(), t.cue.as_str(), t.claim.as_str()),
        (
            Some("نقابة الخبازين"),
            "حسبما ذكرت",
            "ارتفع سعر الخبز بنسبة الخمس"
        )
    );
    let t = one("وحسبما أفادت البلدية، فإن الجسر سيغلق أسبوعا.");
    assert_eq!(t.claim, "الجسر سيغلق أسبوعا");
    // the cue interrupts the content: the claim is what follows it (guidelines §12)
    let t = one("وستقوم الجمعية، بحسب ما أعلن رئيسها، بتوزيع ألف سلة غذائية في القرى.");
    assert_eq!(
        (t.source.as_deref(), t.claim.as_str()),
        (Some("رئيسها"), "توزيع ألف سلة غذائية في القرى")
    );
    let t = one("ويعاني ربع الأطفال من سوء التغذية، على حد تعبير الطبيبة المسؤولة.");
    assert_eq!(t.source.as_deref(), Some("الطبيبة المسؤولة"));
    assert_eq!(t.claim, "يعاني ربع الأطفال من سوء التغذية");
    let t = one("وانخفض عدد الزوار، تبعاً لأرقام الهيئة.");
    assert_eq!(t.claim, "انخفض عدد الزوار");
    // a call is no claim, and its caller no source (guidelines §5.1)
    assert!(triples("وكان النواب قد دعوا البلدية إلى إغلاق السوق، حسبما ذكرت الصحيفة.").is_empty());
    // a name that starts with و keeps it
    let t = one("وليد سمعان مرشح للرئاسة، بحسب الصحيفة.");
    assert!(t.claim.starts_with("وليد"), "{t:#?}");
}

#[test]
fn verbs_of_telling_with_the_addressee_as_a_pronoun() {
    let t = one("وأبلغهم المدير أن الرحلة ألغيت.");
    assert_eq!(
        (t.source.as_deref(), t.cue.as_str(), t.claim.as_str()),
        (Some("المدير"), "أبلغهم", "الرحلة ألغيت")
    );
    let t = one("بعد أن أخبرتها جارتها عن اختفاء الكلب.");
    assert_eq!(
        (t.source.as_deref(), t.claim.as_str()),
        (Some("جارتها"), "اختفاء الكلب")
    );
    let t = one("وأكد لنا رئيس البلدية أن الطريق سيفتح غدا.");
    assert_eq!(
        (t.source.as_deref(), t.cue.as_str()),
        (Some("رئيس البلدية"), "أكد")
    );
    let t = one("وقال لهم الحارس إن البوابة مغلقة.");
    assert_eq!(t.source.as_deref(), Some("الحارس"));
    // a verb of saying with an object pronoun and no speaker after it is no report
    assert!(triples("وأعلنه الحكم بعد المباراة.").is_empty());
}

#[test]
fn accusations_and_blame_are_claims_of_the_accuser() {
    let t = one("واتهم رئيس النقابة الإدارة بإخفاء أرباح المصنع.");
    assert_eq!(
        (t.source.as_deref(), t.cue.as_str(), t.claim.as_str()),
        (Some("رئيس النقابة"), "اتهم", "الإدارة بإخفاء أرباح المصنع")
    );
    let t = one("وحمّلت البلدية الشركة المنفذة مسؤولية انهيار الجسر.");
    assert_eq!(t.source.as_deref(), Some("البلدية"));
    assert_eq!(t.claim, "الشركة المنفذة مسؤولية انهيار الجسر");
    // no charge, or a negated accusation, is no claim
    assert!(triples("وحمل المتظاهرون لافتات كبيرة.").is_empty());
    assert!(triples("ولم تتهم الشرطة أحدا بإشعال الحريق.").is_empty());
}

#[test]
fn stances_from_denying_verbs_and_confirming_frames() {
    let t = one("وأكدت الجامعة صحة الأنباء عن إغلاق كلية الطب.");
    assert_eq!(
        (t.claim.as_str(), t.stance),
        ("إغلاق كلية الطب", Stance::Confirms)
    );
    let t = one("ونفى المدرب صحة التقارير عن رحيله عن النادي.");
    assert_eq!(
        (t.claim.as_str(), t.stance),
        ("رحيله عن النادي", Stance::Denies)
    );
    let t = one("ورفضت الشركة الاتهامات بتلويث النهر.");
    assert_eq!(
        (t.source.as_deref(), t.claim.as_str(), t.stance),
        (Some("الشركة"), "تلويث النهر", Stance::Denies)
    );
    let t = one("ودحض الطبيب المزاعم بأن الدواء خطير.");
    assert_eq!(
        (t.source.as_deref(), t.claim.as_str(), t.stance),
        (Some("الطبيب"), "الدواء خطير", Stance::Denies)
    );
    let t = one("واستبعد المحلل أن تنخفض الأسعار.");
    assert_eq!(t.stance, Stance::Doubts);
    // refusing a thing is no denial of a report; plain أكد أن asserts
    assert!(triples("ورفض اللاعب العرض الجديد.").is_empty());
    assert_eq!(
        one("وأكدت الجامعة أن الكلية مغلقة.").stance,
        Stance::Asserts
    );
}

#[test]
fn reports_not_yet_made_make_no_claim() {
    assert!(triples("ومن المتوقع أن يعلن المدرب تشكيلة الفريق غدا.").is_empty());
    assert!(triples("ولن يعلن الاتحاد أسماء المرشحين قبل الخميس.").is_empty());
    assert!(triples("وقد يعلن النادي عن صفقة جديدة.").is_empty());
    // a past report after قد is made
    assert_eq!(one("وقد أعلن النادي أن الصفقة تمت.").claim, "الصفقة تمت");
}

#[test]
fn the_stance_reaches_the_annotations() {
    let article = Article::from_text(
        "t",
        "وأكدت الجامعة صحة الأنباء عن إغلاق كلية الطب.".to_owned(),
    );
    let mut set = model::AnnotationSet::default();
    add_to_annotations(&mut set, &article, &suggest_article(&article));
    let stances: Vec<model::Stance> = set.attributions.iter().map(|a| a.stance).collect();
    assert_eq!(stances, [model::Stance::Confirms]);
}

#[test]
fn a_document_speaks_and_passive_reports_have_no_source() {
    let t = one("وجاء في التقرير السنوي للهيئة أن الصادرات تراجعت.");
    assert_eq!(
        (t.source.as_deref(), t.cue.as_str(), t.claim.as_str()),
        (Some("التقرير السنوي للهيئة"), "جاء", "الصادرات تراجعت")
    );
    let t = one("وارتفعت الصادرات، حسب ما جاء في النشرة الشهرية للغرفة.");
    assert_eq!(t.source.as_deref(), Some("النشرة الشهرية للغرفة"));
    assert_eq!(t.claim, "ارتفعت الصادرات");
    // `جاء` alone is "came"
    assert!(triples("وجاء الوفد إلى المدينة أمس.").is_empty());
    for text in [
        "ويقال إن المصنع سيغلق.",
        "وتردد أن المدير سيستقيل.",
        "ويشاع أن الفريق سيباع.",
    ] {
        let t = one(text);
        assert_eq!((t.source, t.template), (None, Template::Passive), "{text}");
    }
    // `تردد` with no report after it is hesitation
    assert!(triples("وتردد الحارس في الخروج من مرماه.").is_empty());
}
