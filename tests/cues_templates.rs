//! Attribution suggestions on single sentences, one group per template of the cue suggester:
//! VSO and SVO order, leading and trailing `بحسب` / `وفقاً لـ` / `نقلاً عن` (also with `ما` and a
//! verb: `وفقاً لما ذكرته`), the passive `أُفيد`, pro-drop `وأضاف` linked to the previous source,
//! direct quotes in «» and "" (before and after the speaker), nested `نقلت … عن`, anonymous sources
//! (`مصادر محلية`, `شهود عيان`). Each case names the source, cue, claim and template expected.

use isnad::annotate::model::{QuoteType, SourceType};
use isnad::article::Article;
use isnad::extract::cues::{Template, suggest_article};

/// One suggestion in readable form.
#[derive(Debug, Clone, PartialEq)]
struct Triple {
    source: Option<String>,
    source_type: Option<SourceType>,
    cue: String,
    claim: String,
    template: Template,
    quote_type: QuoteType,
    nested_in: Option<usize>,
}

fn triples(text: &str) -> Vec<Triple> {
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
            nested_in: a.nested_in,
        })
        .collect()
}

/// The single suggestion in `text`.
fn one(text: &str) -> Triple {
    let all = triples(text);
    assert_eq!(
        all.len(),
        1,
        "one suggestion expected in {text:?}: {all:#?}"
    );
    all.into_iter().next().unwrap_or_else(|| unreachable!())
}

/// (sentence, source, cue, claim, template)
type Case = (
    &'static str,
    Option<&'static str>,
    &'static str,
    &'static str,
    Template,
);

fn check(cases: &[Case]) {
    for &(text, source, cue, claim, template) in cases {
        let t = one(text);
        assert_eq!(t.source.as_deref(), source, "source in {text}: {t:#?}");
        assert_eq!(t.cue, cue, "cue in {text}: {t:#?}");
        assert_eq!(t.claim, claim, "claim in {text}: {t:#?}");
        assert_eq!(t.template, template, "template in {text}: {t:#?}");
    }
}

#[test]
fn verb_subject_object() {
    check(&[
        (
            "أعلن المتحدث باسم الجيش أن القوات سيطرت على المدينة.",
            Some("المتحدث باسم الجيش"),
            "أعلن",
            "القوات سيطرت على المدينة",
            Template::Vso,
        ),
        (
            "وأكد رئيس الوزراء أن الحكومة لن تستقيل.",
            Some("رئيس الوزراء"),
            "أكد",
            "الحكومة لن تستقيل",
            Template::Vso,
        ),
        (
            "وقالت وزارة الصحة إن عدد المصابين ارتفع إلى عشرين.",
            Some("وزارة الصحة"),
            "قالت",
            "عدد المصابين ارتفع إلى عشرين",
            Template::Vso,
        ),
    ]);
    assert_eq!(
        one("أعلن المتحدث باسم الجيش أن القوات سيطرت على المدينة.").source_type,
        Some(SourceType::Official)
    );
}

#[test]
fn subject_verb_object() {
    check(&[
        (
            "المتحدث باسم الوزارة أكد أن المعبر سيفتح غداً.",
            Some("المتحدث باسم الوزارة"),
            "أكد",
            "المعبر سيفتح غداً",
            Template::Svo,
        ),
        (
            "الرئيس الفرنسي إيمانويل ماكرون قال إن بلاده تدعم الاتفاق.",
            Some("الرئيس الفرنسي إيمانويل ماكرون"),
            "قال",
            "بلاده تدعم الاتفاق",
            Template::Svo,
        ),
    ]);
}

#[test]
fn trailing_and_leading_bihasab() {
    check(&[
        (
            "قتل خمسة أشخاص في القصف، بحسب مصادر طبية.",
            Some("مصادر طبية"),
            "بحسب",
            "قتل خمسة أشخاص في القصف",
            Template::Preposition,
        ),
        // without the comma
        (
            "قتل خمسة أشخاص بحسب مصادر طبية.",
            Some("مصادر طبية"),
            "بحسب",
            "قتل خمسة أشخاص",
            Template::Preposition,
        ),
        (
            "قتل خمسة أشخاص في القصف، حسب ما أفادت مصادر طبية.",
            Some("مصادر طبية"),
            "حسب ما أفادت",
            "قتل خمسة أشخاص في القصف",
            Template::Preposition,
        ),
        (
            "قتل خمسة أشخاص، حسب ما أوردته قناة الجزيرة.",
            Some("قناة الجزيرة"),
            "حسب ما أوردته",
            "قتل خمسة أشخاص",
            Template::Preposition,
        ),
        (
            "وبحسب شهود عيان، فإن القصف استهدف السوق.",
            Some("شهود عيان"),
            "بحسب",
            "القصف استهدف السوق",
            Template::Preposition,
        ),
        (
            "بحسب مصادر محلية فإن القصف استهدف السوق.",
            Some("مصادر محلية"),
            "بحسب",
            "القصف استهدف السوق",
            Template::Preposition,
        ),
    ]);
}

#[test]
fn wifqan_li_detached_attached_and_with_a_verb() {
    check(&[
        (
            "ارتفع عدد القتلى إلى عشرة، وفقاً لـ وزارة الصحة.",
            Some("وزارة الصحة"),
            "وفقاً لـ",
            "ارتفع عدد القتلى إلى عشرة",
            Template::Preposition,
        ),
        (
            "ارتفع عدد القتلى إلى عشرة، وفقاً لوزارة الصحة.",
            Some("وزارة الصحة"),
            "وفقاً",
            "ارتفع عدد القتلى إلى عشرة",
            Template::Preposition,
        ),
        (
            "وفقاً لمصادر محلية، ارتفع عدد القتلى إلى عشرة.",
            Some("مصادر محلية"),
            "وفقاً",
            "ارتفع عدد القتلى إلى عشرة",
            Template::Preposition,
        ),
        (
            "ارتفع عدد القتلى إلى عشرة، وفقا لما ذكرته وزارة الصحة.",
            Some("وزارة الصحة"),
            "وفقا لما ذكرته",
            "ارتفع عدد القتلى إلى عشرة",
            Template::Preposition,
        ),
        (
            "ارتفع عدد القتلى إلى عشرة، وفقاً لما أفادت به مصادر طبية.",
            Some("مصادر طبية"),
            "وفقاً لما أفادت به",
            "ارتفع عدد القتلى إلى عشرة",
            Template::Preposition,
        ),
        (
            "ووفقاً لما أعلنته الوزارة، فإن عدد القتلى ارتفع إلى عشرة.",
            Some("الوزارة"),
            "وفقاً لما أعلنته",
            "عدد القتلى ارتفع إلى عشرة",
            Template::Preposition,
        ),
    ]);
    // `لما` followed by something other than a verb of saying is not a cue
    assert!(triples("وفقاً لما هو متوقع، ارتفعت الأسعار.").is_empty());
}

#[test]
fn naqlan_an() {
    check(&[
        (
            "سقط عشرات القتلى في الهجوم، نقلاً عن وكالة الأنباء الرسمية.",
            Some("وكالة الأنباء الرسمية"),
            "نقلاً عن",
            "سقط عشرات القتلى في الهجوم",
            Template::Preposition,
        ),
        (
            "ونقلاً عن مصدر أمني، فإن الهجوم فشل.",
            Some("مصدر أمني"),
            "نقلاً عن",
            "الهجوم فشل",
            Template::Preposition,
        ),
    ]);
    assert_eq!(
        one("سقط عشرات القتلى في الهجوم، نقلاً عن وكالة الأنباء الرسمية.").source_type,
        Some(SourceType::MediaOutlet)
    );
}

#[test]
fn passive_ufida_has_no_source() {
    check(&[
        (
            "وأُفيد بأن الهجوم أوقع قتلى.",
            None,
            "أُفيد",
            "الهجوم أوقع قتلى",
            Template::Passive,
        ),
        (
            "أُفيد أن الطريق مغلق.",
            None,
            "أُفيد",
            "الطريق مغلق",
            Template::Passive,
        ),
        // without the damma the form is still read as the passive
        (
            "وأفيد بأن الهجوم أوقع قتلى.",
            None,
            "أفيد",
            "الهجوم أوقع قتلى",
            Template::Passive,
        ),
    ]);
}

#[test]
fn pro_drop_wa_adafa_links_to_the_previous_source() {
    let all = triples("قال الوزير إن الوضع مستقر. وأضاف أن المساعدات وصلت.");
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!(all[0].template, Template::Vso);
    assert_eq!(all[1].template, Template::ProDrop);
    assert_eq!(all[1].cue, "أضاف", "the و is not part of the cue");
    assert_eq!(all[1].source.as_deref(), Some("الوزير"));
    assert_eq!(all[1].claim, "المساعدات وصلت");

    // a direct quote after the pro-drop verb
    let all = triples("قال الوزير إن الوضع مستقر. وأضاف: «المساعدات وصلت».");
    assert_eq!(all[1].source.as_deref(), Some("الوزير"));
    assert_eq!(all[1].quote_type, QuoteType::Direct);
    assert_eq!(all[1].claim, "المساعدات وصلت");

    // the feminine verb after a paragraph break finds the feminine speaker
    let all = triples("قالت الوزيرة إن الوضع مستقر.\nوأضافت أن المساعدات وصلت.");
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!(all[1].template, Template::ProDrop);
    assert_eq!(all[1].source.as_deref(), Some("الوزيرة"));

    // with nobody said anything before, nothing is suggested
    assert!(triples("وأضاف أن المساعدات وصلت.").is_empty());
}

#[test]
fn direct_quotes_in_guillemets_and_straight_quotes() {
    for (text, template) in [
        ("وقال الوزير: «نحن مستعدون للحوار».", Template::Vso),
        ("وقال الوزير: \"نحن مستعدون للحوار\".", Template::Vso),
        ("وقال الوزير «نحن مستعدون للحوار».", Template::Vso),
        // the quotation first, the speaker after it
        ("«نحن مستعدون للحوار»، قال الوزير.", Template::Postposed),
        (
            "\"نحن مستعدون للحوار\"، قال الوزير للصحفيين.",
            Template::Postposed,
        ),
        ("«نحن مستعدون للحوار.»، قال الوزير.", Template::Postposed),
    ] {
        let t = one(text);
        assert_eq!(t.claim, "نحن مستعدون للحوار", "{text}: {t:#?}");
        assert_eq!(t.quote_type, QuoteType::Direct, "{text}");
        assert_eq!(t.source.as_deref(), Some("الوزير"), "{text}");
        assert_eq!(t.template, template, "{text}");
    }
    // a statement verb whose quotation comes later in the sentence
    let t = one("نشرت الوزارة بياناً جاء فيه «الوضع تحت السيطرة تماماً».");
    assert_eq!(t.template, Template::Quotation);
    assert_eq!(t.source.as_deref(), Some("الوزارة"));
    assert_eq!(t.claim, "الوضع تحت السيطرة تماماً");
    assert_eq!(t.quote_type, QuoteType::Direct);
    // part of the words quoted: mixed
    let t = one("وأكد الوزير أن الحكومة «لن تتراجع عن قرارها».");
    assert_eq!(t.quote_type, QuoteType::Mixed);
    // a quoted name before the verb is not what was said
    let t = one("\"داعش\"، قال الوزير إن التنظيم انتهى.");
    assert_eq!(t.claim, "التنظيم انتهى");
    assert_eq!(t.template, Template::Vso);
    // a postposed speaker followed by a participle keeps both statements
    let all =
        triples("«نحن مستعدون للحوار مع الجميع»، قال رئيس الوزراء، مضيفاً أن الحكومة لن تستقيل.");
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!(all[0].template, Template::Postposed);
    assert_eq!(all[1].template, Template::Participle);
    assert_eq!(all[1].source.as_deref(), Some("رئيس الوزراء"));
}

#[test]
fn nested_naqalat_an() {
    for (text, outlet, inner, inner_type, claim) in [
        (
            "ونقلت وكالة رويترز عن مسؤول أمني قوله إن الهجوم فشل.",
            "وكالة رويترز",
            "مسؤول أمني",
            SourceType::AnonymousOfficial,
            "الهجوم فشل",
        ),
        (
            "نقلت قناة الجزيرة عن شهود عيان أن القصف استهدف السوق.",
            "قناة الجزيرة",
            "شهود عيان",
            SourceType::Eyewitness,
            "القصف استهدف السوق",
        ),
        (
            "ونقلت صحيفة الشرق الأوسط عن مصادر دبلوماسية أن المفاوضات تعثرت.",
            "صحيفة الشرق الأوسط",
            "مصادر دبلوماسية",
            SourceType::AnonymousOfficial,
            "المفاوضات تعثرت",
        ),
    ] {
        let all = triples(text);
        assert_eq!(all.len(), 2, "{text}: {all:#?}");
        let outer = all
            .iter()
            .position(|t| t.source.as_deref() == Some(outlet))
            .unwrap_or_else(|| panic!("{text}: no outlet attribution"));
        let relayed = &all[1 - outer];
        assert_eq!(
            all[outer].source_type,
            Some(SourceType::MediaOutlet),
            "{text}"
        );
        assert_eq!(all[outer].cue, "نقلت", "{text}");
        assert_eq!(relayed.source.as_deref(), Some(inner), "{text}");
        assert_eq!(relayed.source_type, Some(inner_type), "{text}");
        assert_eq!(relayed.template, Template::Relay, "{text}");
        assert_eq!(relayed.nested_in, Some(outer), "{text}");
        assert_eq!(relayed.claim, claim, "{text}");
        assert_eq!(all[outer].claim, claim, "{text}");
    }
}

#[test]
fn anonymous_sources() {
    for (text, source, source_type) in [
        (
            "وذكرت مصادر محلية أن الاشتباكات توقفت.",
            "مصادر محلية",
            SourceType::Anonymous,
        ),
        // the outlet the sources spoke to is not part of the source
        (
            "وذكرت مصادر محلية لـ\"الشرق\" أن الاشتباكات توقفت.",
            "مصادر محلية",
            SourceType::Anonymous,
        ),
        (
            "أكدت مصادر محلية أن الاشتباكات توقفت.",
            "مصادر محلية",
            SourceType::Anonymous,
        ),
        (
            "وقال شهود عيان إن الاشتباكات توقفت.",
            "شهود عيان",
            SourceType::Eyewitness,
        ),
        (
            "وأفاد شهود عيان بأن الاشتباكات توقفت.",
            "شهود عيان",
            SourceType::Eyewitness,
        ),
    ] {
        let t = one(text);
        assert_eq!(t.source.as_deref(), Some(source), "{text}: {t:#?}");
        assert_eq!(t.source_type, Some(source_type), "{text}");
        assert_eq!(t.claim, "الاشتباكات توقفت", "{text}");
        assert_eq!(t.template, Template::Vso, "{text}");
    }
}
